// Which process on this machine owns a loopback caller's connection (Linux): the caller's port changes
// with every connection, its process does not, so a detector can say which two servers fight over a
// token. /proc/net/tcp{,6} gives the socket's inode (the line with the caller's address and port and the
// proxy's, all four: never another connection between the same port numbers), /proc/<pid>/fd the process
// holding it, and its parent's and children's the others of a socket shared across fork (familyHolding). Looked up once per connection, when it is accepted: first at once (synchronously: the
// inode, the processes found lately and the newest few, while a short-lived caller such as `curl` is
// surely still there waiting), then, if that did not find it, off the request's path (a promise the
// detectors read when they fire); any failure (another OS, /proc unreadable, the process gone or another
// user's) is simply no name.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { readFile, readdir, readlink } from 'node:fs/promises';
import { isIPv4, isIPv6, type Socket } from 'node:net';
import { endianness } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { looksSecret } from '../../core/secret-shapes.js';

export interface PeerProcess {
  pid: number;
  /** The program's name and its first argument (a script), never the rest: arguments can hold secrets. */
  command: string;
  /**
   * The other processes holding the same connection, when it is shared (a socket inherited across
   * fork: a pre-fork server's workers, a child given it among its stdio): `pid` is then the parent of
   * the family, and which of them sent a call cannot be told. Absent when one process holds it.
   */
  sharedWith?: Array<{ pid: number; command: string }>;
}

/**
 * What a lookup tells: the process, `'none'` when it looked through every process and found none (the
 * socket or its owner not there: gone, another user's), or undefined when it did not look, or not
 * through them all (another OS, rationed, /proc unreadable, more than MAX_PROCESSES processes).
 */
export type PeerLookup = PeerProcess | 'none' | undefined;

/** One end of a connection as Node gives it: an IPv4 address, an IPv6 one, or IPv4 mapped (`::ffff:127.0.0.1`). */
export interface Endpoint {
  address: string;
  port: number;
}

/** An address's bytes in network order: 4 for IPv4 (also when written mapped), 16 for IPv6; undefined for anything else. */
function addressBytes(address: string): Buffer | undefined {
  const plain = address.replace(/%.*$/, ''); // a zone (`fe80::1%eth0`) is not in the tables
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)?.[1];
  const v4 = mapped ?? plain;
  if (isIPv4(v4)) return Buffer.from(v4.split('.').map(Number));
  if (!isIPv6(plain)) return undefined;
  // `1:2::3` or `::ffff:1.2.3.4`-like tails: the dotted quad as its two groups, then `::` filled with zeros.
  const groups = plain.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a: string, b: string, c: string, d: string) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`);
  const [head = '', tail] = groups.split('::');
  const words = (part: string) => (part === '' ? [] : part.split(':'));
  const listed = tail === undefined ? words(head) : [...words(head), ...Array<string>(8 - words(head).length - words(tail).length).fill('0'), ...words(tail)];
  const bytes = Buffer.alloc(16);
  listed.forEach((word, i) => bytes.writeUInt16BE(parseInt(word, 16), i * 2));
  return bytes;
}

/** How /proc/net/tcp{,6} writes an address: each 32-bit word of it as the kernel holds it (this machine's byte order), in hex. */
function procHex(bytes: Buffer): string {
  const little = endianness() === 'LE';
  let hex = '';
  for (let i = 0; i < bytes.length; i += 4) hex += (little ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i)).toString(16).toUpperCase().padStart(8, '0');
  return hex;
}

/**
 * The forms an address takes in each table: an IPv4 one in net/tcp, and in net/tcp6 mapped (a Java
 * caller's socket is IPv6 even when it dials 127.0.0.1); an IPv6 one in net/tcp6 only.
 */
function tableForms(address: string): { tcp?: string; tcp6?: string } | undefined {
  const bytes = addressBytes(address);
  if (!bytes) return undefined;
  if (bytes.length === 16) return { tcp6: procHex(bytes) };
  return { tcp: procHex(bytes), tcp6: procHex(Buffer.concat([Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]), bytes])) };
}

const hexPort = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');

/**
 * `  12: 0100007F:C350 0100007F:0F3D 01 …`: the lines of the socket from `caller` to `own`, its inode
 * captured. The addresses as well as the ports: a port is unique only with its address, and the same
 * local and remote port numbers can be another process's connection elsewhere (another address of this
 * machine, another host), which would then be named for this one.
 */
function socketLine(caller: string, callerPort: number, own: string, ownPort: number): RegExp {
  // sl, local, remote, then st, queues, timer, retransmits, uid, timeout, inode. One search of the
  // text, not a split of every line: a busy machine lists thousands of sockets (TIME_WAIT included).
  return new RegExp(`^ *\\d+: ${caller}:${hexPort(callerPort)} ${own}:${hexPort(ownPort)}(?: +\\S+){6} +(\\d+)`, 'gm');
}

const TCP_TABLES = [
  ['tcp', 'net/tcp'],
  ['tcp6', 'net/tcp6'],
] as const;

/**
 * The inode of the socket from `caller` to `own` (the caller's end: its local address and port are the
 * caller's); '' when the tables were read and do not hold it (the caller gone), undefined when none could
 * be read or an address is none the tables write (nothing looked up).
 */
function socketInode(proc: Proc, caller: Endpoint, own: Endpoint): string | undefined {
  const callerForms = tableForms(caller.address);
  const ownForms = tableForms(own.address);
  if (!callerForms || !ownForms) return undefined;
  let read = false;
  for (const [family, file] of TCP_TABLES) {
    const callerHex = callerForms[family];
    const ownHex = ownForms[family];
    if (callerHex === undefined || ownHex === undefined) continue;
    let text: string;
    try {
      text = readFileSync(path.join(proc.root, file), 'latin1');
    } catch {
      continue;
    }
    read = true;
    // A line in TIME_WAIT has no inode (0): a live one may follow it.
    for (const match of text.matchAll(socketLine(callerHex, caller.port, ownHex, own.port))) if (match[1] !== '0') return match[1];
  }
  return read ? '' : undefined;
}

/** At most this many processes are looked through: a lookup must stay cheap on a crowded machine. */
const MAX_PROCESSES = 4096;

/** Where processes are looked up: /proc, or a test's stand-in for it. */
interface Proc {
  root: string;
  /** At most this many processes looked through (MAX_PROCESSES). */
  max: number;
  /**
   * The processes found lately, looked through first: the same few servers open connection after
   * connection (an SDK without keep-alive opens one a call), and a whole scan of /proc for each would
   * cost the proxy milliseconds of CPU a call.
   */
  recent: string[];
}
/** This machine's processes: the processes found lately are shared by every lookup of this process. */
const SYSTEM: Proc = { root: '/proc', max: MAX_PROCESSES, recent: [] };
const RECENT_MAX = 8;
/** Processes whose descriptors are read at once while scanning. */
const SCAN_BATCH = 16;

/** Processes looked through at once, when the connection is accepted, besides the recent ones. */
const NEWEST_AT_ONCE = 8;

function holdsNow(proc: Proc, pid: string, wanted: string): boolean {
  const dir = path.join(proc.root, pid, 'fd');
  let fds: string[];
  try {
    fds = readdirSync(dir);
  } catch {
    return false; // gone, or another user's
  }
  for (const fd of fds) {
    try {
      if (readlinkSync(path.join(dir, fd)) === wanted) return true;
    } catch {
      // closed meanwhile
    }
  }
  return false;
}

/** Whether `pid` holds `wanted`; false too when it lists more than `maxFds` descriptors (none of them read then). */
async function holds(proc: Proc, pid: string, wanted: string, maxFds = Infinity): Promise<boolean> {
  const dir = path.join(proc.root, pid, 'fd');
  let fds: string[];
  try {
    fds = await readdir(dir);
  } catch {
    return false; // gone, or another user's
  }
  if (fds.length > maxFds) return false;
  const links = await Promise.all(fds.map((fd) => readlink(path.join(dir, fd)).catch(() => ''))); // closed meanwhile: ''
  return links.includes(wanted);
}

function remember({ recent }: Proc, pid: string): void {
  const at = recent.indexOf(pid);
  if (at !== -1) recent.splice(at, 1);
  recent.unshift(pid);
  recent.length = Math.min(recent.length, RECENT_MAX);
}

/**
 * Process ids, newest first (the caller is most often a server or a command started lately), at most
 * `proc.max` of them; `all` false when there were more, or when /proc could not be read (none then).
 */
function processIds(proc: Proc): { pids: string[]; all: boolean } {
  let names: string[];
  try {
    names = readdirSync(proc.root);
  } catch {
    return { pids: [], all: false };
  }
  const pids = names.filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(b) - Number(a));
  return { pids: pids.slice(0, proc.max), all: pids.length <= proc.max };
}

/**
 * The owner found at once (the recent processes, then the newest few), or the processes left to look
 * through later, and whether those are all there are (`all`: a lookup that misses them all found none).
 * Synchronous: a few milliseconds of the proxy's time at most, rationed (loopbackPeers).
 */
function ownerNow(proc: Proc, inode: string): { pid: string } | { rest: string[]; all: boolean } {
  const wanted = `socket:[${inode}]`;
  for (const pid of proc.recent) if (holdsNow(proc, pid, wanted)) return { pid };
  const { pids: listed, all } = processIds(proc);
  const pids = listed.filter((n) => !proc.recent.includes(n));
  for (const pid of pids.slice(0, NEWEST_AT_ONCE)) if (holdsNow(proc, pid, wanted)) return { pid };
  return { rest: pids.slice(NEWEST_AT_ONCE), all };
}

/** At most this many children of a holder's family are looked at for the same socket. */
const SHARERS_MAX = 16;
/**
 * A process of the holder's family listing more descriptors than this is not read: each is a readlink,
 * and a parent with 5,000 open files cost a lookup 0.2-0.9 s (0.3-0.66 s of the proxy's CPU), one with
 * 19,000 4.4 s (1.9 s). 1024 is the soft limit of open files most Linux systems start a process with
 * (ulimit -n; select() watches no more): a process above it is a pool or a file server, not the
 * pre-fork master or parent a shared socket comes from, whose descriptors are a few listeners and
 * pipes. Skipped, a socket it shares goes unsaid, and the caller is named by the holder found.
 */
const FAMILY_FDS_MAX = 1024;
/**
 * How long a holder found at once waits for its family's turn (lookups run one at a time: the chain in
 * loopbackPeers) before it is named alone: well within the half second a call's report waits for its
 * caller (flows/proxy/server.ts PEER_LOOKUP_MS), so a lookup scanning every process does not unname it.
 */
const FAMILY_WAIT_MS = 200;

/** A process's parent, from /proc/<pid>/stat (`pid (comm) state ppid …`; comm may hold spaces and parens). */
async function parentOf(proc: Proc, pid: string): Promise<string | undefined> {
  const stat = await readFile(path.join(proc.root, pid, 'stat'), 'latin1');
  const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
  return ppid !== undefined && /^[1-9]\d*$/.test(ppid) ? ppid : undefined;
}

/** A process's children started by its main thread (/proc/<pid>/task/<pid>/children), none when unreadable. */
async function childrenOf(proc: Proc, pid: string): Promise<string[]> {
  const text = await readFile(path.join(proc.root, pid, 'task', pid, 'children'), 'latin1').catch(() => '');
  return text.split(' ').filter((n) => /^\d+$/.test(n));
}

/**
 * Who else holds the socket `holder` holds, parent of the family first: a socket is shared across
 * fork (a pre-fork server, node's child_process given it as stdio), so its holders are a parent and
 * its children. Only that family is looked at, the holder's parent and the children of whichever
 * opened it (at most SHARERS_MAX): a few reads per connection, not another scan of every process,
 * none of a process with more than FAMILY_FDS_MAX descriptors. A socket handed to an unrelated process
 * (SCM_RIGHTS) is not found. Off the request's path.
 */
async function familyHolding(proc: Proc, holder: string, inode: string): Promise<string[]> {
  const wanted = `socket:[${inode}]`;
  try {
    const parent = await parentOf(proc, holder);
    const head = parent !== undefined && (await holds(proc, parent, wanted, FAMILY_FDS_MAX)) ? parent : holder;
    const children = (await childrenOf(proc, head)).filter((c) => c !== holder).slice(0, SHARERS_MAX);
    const holding = await Promise.all(children.map((c) => holds(proc, c, wanted, FAMILY_FDS_MAX)));
    const others = children.filter((_, i) => holding[i]);
    return [head, ...(head === holder ? [] : [holder]), ...others];
  } catch {
    return [holder]; // no stat (gone, another OS's /proc): the one found
  }
}

/** The process found holding the socket, with the others of its family that hold it too. */
async function describeHolders(proc: Proc, holder: string, inode: string, command?: string): Promise<PeerProcess> {
  const family = await familyHolding(proc, holder, inode);
  if (family.length === 1) return { pid: Number(holder), command: command ?? (await commandOf(proc, holder)) };
  const named = await Promise.all(family.map(async (pid) => ({ pid: Number(pid), command: pid === holder && command !== undefined ? command : await commandOf(proc, pid).catch(() => '?') })));
  return { ...named[0]!, sharedWith: named.slice(1) };
}

/**
 * The process if it holds the socket, its command read the moment it is found: a short-lived caller
 * (`curl`, a script) exits once answered, and the rest of the lookup (its batch, its family) can
 * outlast it. The command undefined when it was gone by then.
 */
async function holder(proc: Proc, pid: string, wanted: string): Promise<{ pid: string; command?: string } | undefined> {
  if (!(await holds(proc, pid, wanted))) return undefined;
  return { pid, command: await commandOf(proc, pid).catch(() => undefined) };
}

/** The rest of the processes, a few at a time, off the request's path; undefined when none holds the socket. */
async function ownerLater(proc: Proc, inode: string, pids: readonly string[]): Promise<{ pid: string; command?: string } | undefined> {
  const wanted = `socket:[${inode}]`;
  for (let i = 0; i < pids.length; i += SCAN_BATCH) {
    const found = (await Promise.all(pids.slice(i, i + SCAN_BATCH).map((pid) => holder(proc, pid, wanted)))).find((h) => h !== undefined);
    if (found) return found;
  }
  return undefined;
}

/** A script file as an interpreter is given it (`server.mjs`, `app.py`, `app.jar`, `./bin/www`). */
const SCRIPT_FILE = /\.(?:[cm]?js|[cm]?ts|py|php|rb|pl|jar|sh|lua)$/i;

/** How an interpreter reads the words before its script. */
interface Interpreter {
  /** Options whose value is the next word (`node -r dotenv/config`, `python -W ignore`): never the script. */
  value: ReadonlySet<string>;
  /** Options after which there is no script: inline code (`node -e '…'`, `python -c '…'`); a short one may carry it (`node -pe '…'`). */
  noScript: ReadonlySet<string>;
  /** Options whose value is the script, shown with it (`java -jar target/app.jar` as `java -jar app.jar`, `php -f index.php`). */
  scriptValue?: ReadonlySet<string>;
  /** Options whose value is a module that is run, shown with it (`python3 -m uvicorn`, `python3 -mhttp.server`). */
  module?: ReadonlySet<string>;
  /** Subcommands before the script (`deno run main.ts`, `bun run src/index.ts`). */
  subcommands?: ReadonlySet<string>;
  /** Whether a class's name is what it runs, as its script (`java -cp app.jar com.example.Main`). */
  mainClass?: boolean;
  /**
   * Options whose value is `module[/mainclass]` (java's `-m`, `--module`; also written `--module=…`): the main
   * class shown as `-cp`'s is, or `-m module` when the module names its own (the java(1) manual's synopsis:
   * `java [options] -m module[/mainclass] [args ...]`, the words after it the main class's arguments).
   */
  moduleMain?: ReadonlySet<string>;
}

const NODE: Interpreter = {
  value: new Set(['-r', '--require', '--import', '--env-file', '--env-file-if-exists', '--loader', '--experimental-loader', '-C', '--conditions', '--title', '--max-old-space-size', '--stack-size', '--inspect-port', '--input-type', '--redirect-warnings', '--report-dir', '--cpu-prof-dir', '--heap-prof-dir', '--diagnostic-dir', '--watch-path', '--disable-warning', '--icu-data-dir', '--openssl-config', '--unhandled-rejections', '--dns-result-order', '--experimental-default-type', '--localstorage-file', '--secure-heap', '--heapsnapshot-signal']),
  noScript: new Set(['-e', '--eval', '-p', '--print', '-c', '--check', '--test', '-i', '--interactive', '--run']),
};
const PYTHON: Interpreter = { value: new Set(['-W', '-X', '-Q']), noScript: new Set(['-c']), module: new Set(['-m']) };
const RUBY: Interpreter = { value: new Set(['-r', '-I', '-C', '-E', '--encoding']), noScript: new Set(['-e']) };
const PHP: Interpreter = { value: new Set(['-c', '-d', '-z', '-t']), noScript: new Set(['-r', '-S', '-a', '-i', '-l', '-m', '-v']), scriptValue: new Set(['-f']) };
const DENO_BUN: Interpreter = {
  value: new Set(['-c', '--config', '--import-map', '--env-file', '--cwd', '-r', '--preload', '--lock', '--location', '--cert']),
  noScript: new Set(['-e', '--eval', '-p', '--print']),
  subcommands: new Set(['run', 'serve', 'test', 'bench', 'watch']),
};
const JAVA: Interpreter = {
  value: new Set(['-cp', '-classpath', '--class-path', '-p', '--module-path', '--add-modules', '--add-opens', '--add-exports', '--upgrade-module-path', '--limit-modules']),
  noScript: new Set(['-version', '--version', '-h', '-help', '--help']),
  scriptValue: new Set(['-jar']),
  mainClass: true,
  moduleMain: new Set(['-m', '--module']),
};
/** ts-node's own options (its bin.js), as node's are for node: the script is the first word that is neither. */
const TS_NODE: Interpreter = {
  value: new Set(['-r', '--require', '-P', '--project', '-C', '--compiler', '-O', '--compiler-options', '-I', '--ignore', '-D', '--ignore-diagnostics', '--cwd', '--dir', '--scope-dir', '--transpiler']),
  noScript: new Set(['-e', '--eval', '-p', '--print', '-i', '--interactive', '-h', '--help', '-v', '--version', '--showConfig']),
};

/** The interpreter a program's name is, if it is one whose options are known. */
function interpreterOf(program: string): Interpreter | undefined {
  if (program === 'node' || program === 'nodejs') return NODE;
  if (/^(?:python|pypy)(?:\d+(?:\.\d+)*)?$/.test(program)) return PYTHON;
  if (/^ruby(?:\d+(?:\.\d+)*)?$/.test(program)) return RUBY;
  if (/^php(?:\d+(?:\.\d+)*)?$/.test(program)) return PHP;
  if (program === 'deno' || program === 'bun') return DENO_BUN;
  if (program === 'java') return JAVA;
  return undefined;
}

/** A word that can be shown as a script: a file's path, never inline code, a URL or a `name=value`. */
function scriptLike(word: string): boolean {
  return !word.startsWith('-') && !/[\s=?&]/.test(word) && !word.includes('://') && (SCRIPT_FILE.test(word) || word.includes('/'));
}

/** A Java class's name as `java` takes it (`Main`, `com.example.Main`, `Main.java` in source-file mode). */
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** What `java -m module[/mainclass]` runs, shown: the main class (`com.x.Main`), else `-m module`; none when neither is a name. */
function moduleMainOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  const slash = value.indexOf('/');
  if (slash === -1) return JAVA_CLASS.test(value) ? ['-m', value] : [];
  const mainClass = value.slice(slash + 1);
  return JAVA_CLASS.test(value.slice(0, slash)) && JAVA_CLASS.test(mainClass) ? [mainClass] : [];
}

/** A module's name as `python -m` takes it (`uvicorn`, `http.server`), never a path or code. */
const MODULE_NAME = /^[A-Za-z_][\w.]*$/;

/**
 * The loader the tsx command gives the node process it starts (`node --require …/tsx/dist/preflight.cjs
 * --import file:///…/tsx/dist/loader.mjs server.ts` is what /proc holds for `tsx server.ts`, `npx tsx
 * server.ts` and `tsx watch server.ts`): that process is named `tsx`, as it was started.
 */
const TSX_LOADER = /[\\/]tsx[\\/]dist[\\/](?:preflight\.cjs|loader\.mjs)$/;

/**
 * ts-node's bin as node is given it: the shebang of `ts-node server.ts` (npm's `.bin/ts-node` link, its
 * own name kept), or the file itself (pnpm's and yarn's `.bin` scripts run `node …/ts-node/dist/bin.js`).
 * The process is named as it was started, `ts-node server.ts`, from ts-node's own options that follow.
 */
const TS_NODE_BIN = /(?:^|[\\/])(ts-node(?:-esm|-script|-transpile-only|-cwd)?|ts-node[\\/]dist[\\/]bin(-esm|-script|-transpile|-cwd)?\.js)$/;

/** The name `ts-node` gave its bin, from the file's path (`dist/bin-esm.js` is `ts-node-esm`). */
function tsNodeName(match: RegExpExecArray): string {
  if (!match[1]!.includes('dist')) return match[1]!;
  const variant = match[2] ?? '';
  return `ts-node${variant === '-transpile' ? '-transpile-only' : variant}`;
}

/**
 * The child `ts-node --esm` starts (`node --require …/ts-node/dist/child/child-require.js --loader
 * file:///…/ts-node/child-loader.mjs …/dist/child/child-entrypoint.js --brotli-base64-config=… [restArgs]`,
 * ts-node 10 src/child/spawn-child.ts callInChild). restArgs are ts-node's words after its own options:
 * the script first (src/bin.ts: `resolve(cwd, restArgs[0])`), unless the payload (its options, as
 * brotli-compressed JSON: src/child/argv-payload.ts) holds code to evaluate (`-e`/`-p`), whose arguments they are then.
 */
const TS_NODE_CHILD = /[\\/]ts-node[\\/](?:dist[\\/]child[\\/]child-require\.js|child-loader\.mjs)$/;
const TS_NODE_PAYLOAD = '--brotli-base64-config=';
/** ts-node's payload is its options, a few kilobytes: a bigger one is not looked into. */
const TS_NODE_PAYLOAD_MAX = 1 << 20;

/** The script of ts-node's child from the words after child-entrypoint.js (`rest`), or none (code evaluated, the REPL, a payload not read). */
function tsNodeChildScript(rest: readonly string[]): string[] {
  const [payload, script] = rest;
  if (payload === undefined || !payload.startsWith(TS_NODE_PAYLOAD) || script === undefined || !scriptLike(script)) return [];
  try {
    const json = brotliDecompressSync(Buffer.from(payload.slice(TS_NODE_PAYLOAD.length), 'base64'), { maxOutputLength: TS_NODE_PAYLOAD_MAX });
    const state = JSON.parse(json.toString('utf8')) as { parseArgvResult?: { code?: unknown; interactive?: unknown } };
    const argv = state.parseArgvResult;
    if (argv === undefined || typeof argv !== 'object' || argv === null) return [];
    // src/bin.ts: code evaluated unless none was given, or -i was given with a script (the script then runs first).
    return argv.code == null || argv.interactive === true ? [script] : [];
  } catch {
    return [];
  }
}

/**
 * The child `ts-node-dev server.ts` (and `tsnd`) forks, which runs the server and so holds its sockets:
 * `node -r /tmp/ts-node-dev-hook-….js [node options] …/ts-node-dev/lib/wrap.js server.ts [its arguments]`
 * (ts-node-dev 2.0 src/index.ts: its own options stay with the parent). wrap.js drops itself from
 * its own argument list, not from /proc. Named `ts-node-dev` and the script right after wrap.js.
 */
const TS_NODE_DEV_CHILD = /(?:^|[\\/])ts-node-dev[\\/]lib[\\/]wrap\.js$/;

/**
 * A watcher node runs as its script, by npm's `.bin` link or by the file: `nodemon server.js` is `node
 * …/.bin/nodemon server.js`, `ts-node-dev server.ts` `node …/.bin/ts-node-dev server.ts`. It only watches
 * and restarts (the server is its child: `node server.js` for nodemon, TS_NODE_DEV_CHILD): named by the
 * tool alone, since its options that take a value (`--watch src`, `--ignore-watch x`) cannot be told from
 * the script without knowing them all.
 */
const WATCHER_BIN = /(?:^|[\\/])(?:\.bin[\\/](nodemon|ts-node-dev|tsnd)|(nodemon)[\\/]bin[\\/]nodemon\.js|(ts-node-dev)[\\/]lib[\\/]bin\.js)$/;

/**
 * What an interpreter runs, as words to show after it: its script (`dist/server.js`, shown by its name),
 * or the option that names it with it (`-jar app.jar`, `-m uvicorn`), or java's main class (`com.example.Main`);
 * none for inline code or what cannot be told. The script is the first word that is neither an option nor an option's value. Its options are known, so
 * a word with a slash after one that takes no value (`node --inspect build/app`, `python3 -u app/main`)
 * is the script; one written `--x=y` takes no next word. Words after the script are its own arguments
 * and never looked at here. `values`: the options' values passed on the way (a loader that names the runner);
 * `after.rest`: the words after the script, read when the script is a runner with options of its own (ts-node).
 */
function interpretersScript(args: readonly string[], interpreter: Interpreter, values: string[] = [], after: { rest?: readonly string[] } = {}): string[] {
  // The word at `at`, its script (shown after `before`: `-jar`); the words after it are its own arguments.
  const script = (at: number, ...before: string[]) => {
    const word = args[at];
    if (word === undefined) return [];
    after.rest = args.slice(at + 1);
    if (scriptLike(word)) return [...before, word];
    return before.length === 0 && interpreter.mainClass && JAVA_CLASS.test(word) ? [word] : [];
  };
  let subcommandSeen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return script(i + 1);
    if (a.startsWith('-') && a.length > 1) {
      const moduleOption = interpreter.moduleMain && (interpreter.moduleMain.has(a) ? a : [...interpreter.moduleMain].find((o) => a.startsWith(`${o}=`) && o.startsWith('--')));
      if (moduleOption) return moduleMainOf(moduleOption === a ? args[i + 1] : a.slice(moduleOption.length + 1));
      if (a.includes('=')) continue; // `--max-old-space-size=4096`, `--require=x`: its value is in it
      // A short option with its value in the same word: `python3 -mhttp.server`, `node -pe '…'`.
      const short = !a.startsWith('--') && a.length > 2 ? a.slice(0, 2) : undefined;
      if (interpreter.module?.has(a) || (short && interpreter.module?.has(short))) {
        const name = interpreter.module.has(a) ? args[i + 1] : a.slice(2);
        return name !== undefined && MODULE_NAME.test(name) ? [a.slice(0, 2), name] : [];
      }
      if (interpreter.noScript.has(a) || (short && interpreter.noScript.has(short))) return [];
      if (interpreter.scriptValue?.has(a)) return script(i + 1, a);
      if (interpreter.value.has(a)) {
        if (args[i + 1] !== undefined) values.push(args[i + 1]!);
        i++;
      }
      continue;
    }
    if (!subcommandSeen && interpreter.subcommands?.has(a)) {
      subcommandSeen = true;
      continue;
    }
    return script(i);
  }
  return [];
}

/** A file's path: a slash, and a name with an extension after it (`dist/worker.js`, `config/prod.yaml`). */
const FILE_PATH = /\/[^/]*[^/.]\.[A-Za-z][A-Za-z\d]{0,4}$/;

/**
 * Another program's script, its options unknown: a script's file (`server.js`), or a word that is a
 * file's path (`config/prod.yaml`) unless it comes right after an option, whose value it then is (`curl
 * -o /tmp/out.json`); after an option written `--x=y` it is not. Any other word with a slash is not a
 * script: a value (`curl -o /dev/null`), a URL's part, a base64 secret (`kR9x/Qm2ZtW8vLp4aB7c`), of
 * which the tail would show.
 */
function othersScript(args: readonly string[]): string | undefined {
  return args.find((a, i) => {
    if (!scriptLike(a)) return false;
    if (SCRIPT_FILE.test(a)) return true;
    if (!FILE_PATH.test(a)) return false;
    const before = args[i - 1] ?? '';
    return !before.startsWith('-') || before.includes('=');
  });
}

/**
 * A word as shown: its name (a path's last part), or `***` when it looks like a secret. A file's path
 * (a name with an extension at its end) is judged by its name, the only part shown (a secret has no
 * `.`: directories such as npx's cache `_npx/6913fdfd1ea7a741/` stay unjudged); any other word is judged
 * whole, before its last part is taken: the tail of a base64 secret is not a name.
 */
function shownWord(word: string): string {
  if (word.startsWith('-')) return word;
  const name = path.basename(word);
  const judged = FILE_PATH.test(word) || !word.includes('/') ? name : word;
  return looksSecret(judged) ? '***' : name;
}

/**
 * The program and its script (`node server.mjs`, `java -jar app.jar`, `java com.example.Main`, `python3 -m uvicorn`,
 * `tsx server.ts`, `ts-node server.ts`, `ts-node-dev server.ts`; `nodemon` and `ts-node-dev`'s watcher by name alone),
 * or the program alone; a word that looks like a secret as `***`.
 */
export function describeCommand(argv: readonly string[]): string {
  // The program by its name alone: its directories are not shown (a Nix store's or a cache's hashes).
  let program = shownWord(path.basename(argv[0] ?? '?'));
  const interpreter = interpreterOf(program);
  const args = argv.slice(1);
  const values: string[] = [];
  const after: { rest?: readonly string[] } = {};
  const other = interpreter ? undefined : othersScript(args);
  let words = interpreter ? interpretersScript(args, interpreter, values, after) : other ? [other] : [];
  if (interpreter === NODE && values.some((v) => TSX_LOADER.test(v))) program = 'tsx';
  if (interpreter === NODE && values.some((v) => TS_NODE_CHILD.test(v))) [program, words] = ['ts-node', tsNodeChildScript(after.rest ?? [])];
  const tsNode = interpreter === NODE && words.length === 1 ? TS_NODE_BIN.exec(words[0]!) : null;
  if (tsNode) [program, words] = [tsNodeName(tsNode), interpretersScript(after.rest ?? [], TS_NODE)];
  if (interpreter === NODE && words.length === 1 && TS_NODE_DEV_CHILD.test(words[0]!)) {
    const script = after.rest?.[0];
    [program, words] = ['ts-node-dev', script !== undefined && scriptLike(script) ? [script] : []];
  }
  const watcher = interpreter === NODE && words.length === 1 ? WATCHER_BIN.exec(words[0]!) : null;
  if (watcher) [program, words] = [watcher[1] ?? watcher[2] ?? watcher[3]!, []];
  return [program, ...words.map(shownWord)].join(' ').slice(0, 80);
}

function commandNow(proc: Proc, pid: string): string {
  return describeCommand(readFileSync(path.join(proc.root, pid, 'cmdline'), 'utf8').split('\0').filter(Boolean));
}

async function commandOf(proc: Proc, pid: string): Promise<string> {
  return describeCommand((await readFile(path.join(proc.root, pid, 'cmdline'), 'utf8')).split('\0').filter(Boolean));
}

/**
 * A proxy's lookups, rationed: at most LOOKUPS_PER_SECOND begun, and what is not found at once is
 * looked for, as is the family of what is (familyHolding), one lookup at a time (the next waits for
 * it; a holder found at once is named alone if its turn has not come in FAMILY_WAIT_MS). A connection
 * beyond that (an SDK without keep-alive opens one a call) is named by its User-Agent or address
 * instead, so the proxy's CPU never goes to reading /proc under load. One per proxy.
 */
const LOOKUPS_PER_SECOND = 4;

/** Tests only: a stand-in for /proc (`root`, laid out as /proc is) and how many of its processes a lookup looks through at most. */
export interface PeerProcSource {
  root: string;
  maxProcesses?: number;
}

/** A connection as the proxy accepted it: the caller's end is its remote one. */
export type Connection = Pick<Socket, 'remoteAddress' | 'remotePort' | 'localAddress' | 'localPort'>;

/**
 * The process owning the caller's end of a loopback connection to this proxy, if it can be told. Call
 * it when the connection is accepted: part of the lookup happens before it returns.
 */
export function loopbackPeers(source?: PeerProcSource): (connection: Connection) => Promise<PeerLookup> {
  const proc: Proc = source ? { root: source.root, max: source.maxProcesses ?? MAX_PROCESSES, recent: [] } : SYSTEM;
  let chain: Promise<unknown> = Promise.resolve();
  let windowStart = 0;
  let inWindow = 0;
  return ({ remoteAddress, remotePort, localAddress, localPort }) => {
    if (!source && process.platform !== 'linux') return Promise.resolve<PeerLookup>(undefined);
    if (remoteAddress === undefined || remotePort === undefined || localAddress === undefined || localPort === undefined) return Promise.resolve<PeerLookup>(undefined);
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    if (inWindow >= LOOKUPS_PER_SECOND) return Promise.resolve<PeerLookup>(undefined);
    inWindow++;
    let inode: string | undefined;
    let first: { pid: string } | { rest: string[]; all: boolean };
    try {
      inode = socketInode(proc, { address: remoteAddress, port: remotePort }, { address: localAddress, port: localPort });
      if (inode === undefined) return Promise.resolve<PeerLookup>(undefined);
      if (inode === '') return Promise.resolve<PeerLookup>('none');
      first = ownerNow(proc, inode);
      if ('pid' in first) {
        remember(proc, first.pid);
        // Its command at once (a short-lived caller may soon be gone); who shares the socket, later.
        const pid = first.pid;
        const command = commandNow(proc, pid);
        const found = inode;
        const alone: PeerProcess = { pid: Number(pid), command };
        // The family's reads wait their turn behind other lookups, as a lookup later does (one at a
        // time); one not begun within FAMILY_WAIT_MS is skipped, and the holder is named alone.
        return new Promise<PeerLookup>((resolve) => {
          let late = false;
          const timer = setTimeout(() => {
            late = true;
            resolve(alone);
          }, FAMILY_WAIT_MS);
          chain = chain.then(async () => {
            clearTimeout(timer);
            if (!late) resolve(await describeHolders(proc, pid, found, command).catch(() => alone));
          });
        });
      }
    } catch {
      return Promise.resolve<PeerLookup>(undefined);
    }
    const { rest, all } = first;
    const found = inode;
    const lookup = chain.then(async (): Promise<PeerLookup> => {
      try {
        const owner = await ownerLater(proc, found, rest);
        // Not found: 'none' only when every process was looked through (/proc read, under the cap); else a guess.
        if (owner === undefined) return all ? 'none' : undefined;
        // Found, then gone before its command could be read: nothing known (a pid alone names no one).
        if (owner.command === undefined) return undefined;
        remember(proc, owner.pid);
        return await describeHolders(proc, owner.pid, found, owner.command);
      } catch {
        return undefined;
      }
    });
    chain = lookup;
    return lookup;
  };
}

// Which process on this machine owns a loopback caller's connection (Linux): the caller's port changes
// with every connection, its process does not, so a detector can say which two servers fight over a
// token. /proc/net/tcp{,6} gives the socket's inode, /proc/<pid>/fd the process holding it. Looked up
// once per connection, off the request's path (a promise the detectors read when they fire); any
// failure (another OS, /proc unreadable, the process gone or another user's) is simply no name.
import { readFile, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

export interface PeerProcess {
  pid: number;
  /** The program's name and its first argument (a script), never the rest: arguments can hold secrets. */
  command: string;
}

/** The inode of the socket whose local port is `callerPort` and remote port `ownPort`, or undefined. */
async function socketInode(callerPort: number, ownPort: number): Promise<string | undefined> {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  // `  12: 0100007F:C350 0100007F:0F3D 01 00000000:00000000 00:00000000 00000000  1000  0 123456 …`:
  // sl, local, remote, then st, queues, timer, retransmits, uid, timeout, inode. One search of the
  // text, not a split of every line: a busy machine lists thousands of sockets (TIME_WAIT included).
  const line = new RegExp(`^ *\\d+: [\\dA-F]+:${hex(callerPort)} [\\dA-F]+:${hex(ownPort)}(?: +\\S+){6} +(\\d+)`, 'm');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = await readFile(file, 'latin1');
    } catch {
      continue;
    }
    const inode = line.exec(text)?.[1];
    if (inode !== undefined && inode !== '0') return inode;
  }
  return undefined;
}

/** At most this many processes are looked through: a lookup must stay cheap on a crowded machine. */
const MAX_PROCESSES = 4096;

/**
 * The processes found lately, looked through first: the same few servers open connection after
 * connection (an SDK without keep-alive opens one a call), and a whole scan of /proc for each would
 * cost the proxy milliseconds of CPU a call.
 */
const recent: string[] = [];
const RECENT_MAX = 8;

async function holds(pid: string, wanted: string): Promise<boolean> {
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return false; // gone, or another user's
  }
  const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => ''))); // closed meanwhile: ''
  return links.includes(wanted);
}

async function ownerOf(inode: string): Promise<number | undefined> {
  const wanted = `socket:[${inode}]`;
  for (const pid of recent) if (await holds(pid, wanted)) return Number(pid);
  let pids: string[];
  try {
    // Newest first: the caller is most often a server started lately.
    pids = (await readdir('/proc'))
      .filter((n) => /^\d+$/.test(n) && !recent.includes(n))
      .sort((a, b) => Number(b) - Number(a))
      .slice(0, MAX_PROCESSES);
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    if (!(await holds(pid, wanted))) continue;
    recent.unshift(pid);
    recent.length = Math.min(recent.length, RECENT_MAX);
    return Number(pid);
  }
  return undefined;
}

/** A script file as an interpreter is given it (`server.mjs`, `app.py`, `app.jar`, `./bin/www`). */
const SCRIPT_FILE = /\.(?:[cm]?js|[cm]?ts|py|php|rb|pl|jar|sh|lua)$/i;

/** How an interpreter reads the words before its script. */
interface Interpreter {
  /** Options whose value is the next word (`node -r dotenv/config`, `python -W ignore`): never the script. */
  value: ReadonlySet<string>;
  /** Options after which there is no script: inline code, a module (`node -e '…'`, `python -m uvicorn`). */
  noScript: ReadonlySet<string>;
  /** Options whose value is the script (`java -jar target/app.jar`, `php -f index.php`). */
  scriptValue?: ReadonlySet<string>;
  /** Subcommands before the script (`deno run main.ts`, `bun run src/index.ts`). */
  subcommands?: ReadonlySet<string>;
}

const NODE: Interpreter = {
  value: new Set(['-r', '--require', '--import', '--env-file', '--env-file-if-exists', '--loader', '--experimental-loader', '-C', '--conditions', '--title', '--max-old-space-size', '--stack-size', '--inspect-port', '--input-type', '--redirect-warnings', '--report-dir', '--cpu-prof-dir', '--heap-prof-dir', '--diagnostic-dir', '--watch-path', '--disable-warning', '--icu-data-dir', '--openssl-config', '--unhandled-rejections', '--dns-result-order', '--experimental-default-type', '--localstorage-file', '--secure-heap', '--heapsnapshot-signal']),
  noScript: new Set(['-e', '--eval', '-p', '--print', '-c', '--check', '--test', '-i', '--interactive', '--run']),
};
const PYTHON: Interpreter = { value: new Set(['-W', '-X', '-Q']), noScript: new Set(['-m', '-c']) };
const RUBY: Interpreter = { value: new Set(['-r', '-I', '-C', '-E', '--encoding']), noScript: new Set(['-e']) };
const PHP: Interpreter = { value: new Set(['-c', '-d', '-z', '-t']), noScript: new Set(['-r', '-S', '-a', '-i', '-l', '-m', '-v']), scriptValue: new Set(['-f']) };
const DENO_BUN: Interpreter = {
  value: new Set(['-c', '--config', '--import-map', '--env-file', '--cwd', '-r', '--preload', '--lock', '--location', '--cert']),
  noScript: new Set(['-e', '--eval', '-p', '--print']),
  subcommands: new Set(['run', 'serve', 'test', 'bench', 'watch']),
};
const JAVA: Interpreter = {
  value: new Set(['-cp', '-classpath', '--class-path', '-p', '--module-path', '--add-modules', '--add-opens', '--add-exports', '--upgrade-module-path', '--limit-modules']),
  noScript: new Set(['-m', '--module', '-version', '--version', '-h', '-help', '--help']),
  scriptValue: new Set(['-jar']),
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

/**
 * An interpreter's script: the first word that is neither an option nor an option's value. Its options
 * are known, so a word with a slash after one that takes no value (`node --inspect build/app`, `python3
 * -u app/main`) is the script; one written `--x=y` takes no next word. Words after the script are its
 * own arguments and never looked at.
 */
function interpretersScript(args: readonly string[], interpreter: Interpreter): string | undefined {
  let subcommandSeen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1] !== undefined && scriptLike(args[i + 1]!) ? args[i + 1] : undefined;
    if (a.startsWith('-') && a.length > 1) {
      if (a.includes('=')) continue; // `--max-old-space-size=4096`, `--require=x`: its value is in it
      if (interpreter.noScript.has(a)) return undefined;
      if (interpreter.scriptValue?.has(a)) return args[i + 1] !== undefined && scriptLike(args[i + 1]!) ? args[i + 1] : undefined;
      if (interpreter.value.has(a)) i++;
      continue;
    }
    if (!subcommandSeen && interpreter.subcommands?.has(a)) {
      subcommandSeen = true;
      continue;
    }
    return scriptLike(a) ? a : undefined;
  }
  return undefined;
}

/**
 * Another program's script, its options unknown: a word with a slash but no script's extension right
 * after an option is that option's value (`curl -o /dev/null`, `--token AbC/dEf`, a base64 secret), not
 * a script; after an option written `--x=y` it is not.
 */
function othersScript(args: readonly string[]): string | undefined {
  return args.find((a, i) => {
    if (!scriptLike(a)) return false;
    if (SCRIPT_FILE.test(a)) return true;
    const before = args[i - 1] ?? '';
    return !before.startsWith('-') || before.includes('=');
  });
}

/** The program and its script (`node server.mjs`), or the program alone. */
export function describeCommand(argv: readonly string[]): string {
  const program = path.basename(argv[0] ?? '?');
  const interpreter = interpreterOf(program);
  const args = argv.slice(1);
  const script = interpreter ? interpretersScript(args, interpreter) : othersScript(args);
  return (script ? `${program} ${path.basename(script)}` : program).slice(0, 80);
}

async function commandOf(pid: number): Promise<string> {
  return describeCommand((await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean));
}

/**
 * A proxy's lookups, rationed: one at a time (the next waits for it), at most LOOKUPS_PER_SECOND begun.
 * A connection beyond that (an SDK without keep-alive opens one a call) is named by its User-Agent or
 * address instead, so the proxy's CPU never goes to reading /proc under load. One per proxy.
 */
const LOOKUPS_PER_SECOND = 4;

/** The process owning the loopback connection from `callerPort` to this proxy's `ownPort`, if it can be told. */
export function loopbackPeers(): (callerPort: number, ownPort: number) => Promise<PeerProcess | undefined> {
  let chain: Promise<unknown> = Promise.resolve();
  let windowStart = 0;
  let inWindow = 0;
  return (callerPort, ownPort) => {
    if (process.platform !== 'linux') return Promise.resolve(undefined);
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    if (inWindow >= LOOKUPS_PER_SECOND) return Promise.resolve(undefined);
    inWindow++;
    const lookup = chain.then(() => lookUp(callerPort, ownPort));
    chain = lookup;
    return lookup;
  };
}

async function lookUp(callerPort: number, ownPort: number): Promise<PeerProcess | undefined> {
  try {
    const inode = await socketInode(callerPort, ownPort);
    if (!inode) return undefined;
    const pid = await ownerOf(inode);
    if (pid === undefined) return undefined;
    return { pid, command: await commandOf(pid) };
  } catch {
    return undefined;
  }
}

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

/** The program and its script (`node server.mjs`), or the program alone. */
export function describeCommand(argv: readonly string[]): string {
  const program = path.basename(argv[0] ?? '?');
  // A script's path, never inline code (`node -e '…'`), a value (`--secret=…`, a URL, `curl -A name`).
  // A word with a slash but no script's extension right after an option is that option's value (`curl -o
  // /dev/null`, `--token AbC/dEf`, a base64 secret), not a script.
  const script = argv.slice(1).find(
    (a, i, rest) => !a.startsWith('-') && !/[\s=?&]/.test(a) && !a.includes('://') && (SCRIPT_FILE.test(a) || (a.includes('/') && !(rest[i - 1] ?? '').startsWith('-'))),
  );
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

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
  const local = callerPort.toString(16).toUpperCase().padStart(4, '0');
  const remote = ownPort.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = await readFile(file, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || !f[1]!.endsWith(':' + local) || !f[2]!.endsWith(':' + remote)) continue;
      if (f[9] !== '0') return f[9];
    }
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

async function commandOf(pid: number): Promise<string> {
  const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
  const program = path.basename(argv[0] ?? '?');
  // A script's path, never inline code (`node -e '…'`) or a value (`--secret=…`, a URL with a query).
  const script = argv.slice(1).find((a) => !a.startsWith('-') && !/[\s=?&]/.test(a));
  return (script ? `${program} ${path.basename(script)}` : program).slice(0, 80);
}

/** The process owning the loopback connection from `callerPort` to this proxy's `ownPort`, if it can be told. */
export async function loopbackPeer(callerPort: number, ownPort: number): Promise<PeerProcess | undefined> {
  if (process.platform !== 'linux') return undefined;
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

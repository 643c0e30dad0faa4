// This process's stdout or stderr, as Output writes to them (main.ts makes one of each).
//
// Node builds process.stdout and process.stderr on first use as streams, and building one loads its
// stream modules (~20 of them, ~3 ms of CPU per run; issue 19) although a CLI that prints a few lines
// and exits needs none of it. Into a pipe, a file or a socket Node's streams write synchronously on
// POSIX anyway, so here a line goes straight to the descriptor (/dev/null too). A terminal, Windows, or anything else
// gets Node's own stream, built on the first write: it knows the terminal (isTTY, columns, Windows'
// console encoding) and prompts draw on it.
import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';
import type { Writable } from './output.js';

export class ProcessOutput implements Writable {
  private readonly direct: boolean;
  private built: NodeJS.WriteStream | undefined;
  /** The reader went away (`wxauth errcode --list | head`): later lines go nowhere, quietly. */
  private readerGone = false;

  /** `makeStream` builds Node's stream for this descriptor (process.stdout or process.stderr). */
  constructor(
    private readonly fd: number,
    private readonly makeStream: () => NodeJS.WriteStream,
    platform: NodeJS.Platform = process.platform,
  ) {
    this.direct = platform !== 'win32' && isPipeFileOrSocket(fd);
  }

  /** Node's stream (built now if it was not): what prompts draw on. */
  get stream(): NodeJS.WriteStream {
    return (this.built ??= this.makeStream());
  }

  get isTTY(): boolean {
    return !this.direct && this.stream.isTTY === true;
  }

  get columns(): number | undefined {
    return this.direct ? undefined : this.stream.columns;
  }

  write(text: string): boolean {
    // Once the stream exists every line goes through it, so lines keep their order.
    if (!this.direct || this.built) return this.stream.write(text);
    if (this.readerGone) return false;
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full (its reader is slow): Node's stream waits for it.
      if (code === 'EAGAIN') return this.stream.write(bytes.subarray(done));
      // The reader went away: a pipe says EPIPE; a socket (what Node's spawn gives a child as stdio)
      // whose reader closed with data unread says ECONNRESET.
      if (code === 'EPIPE' || code === 'ECONNRESET') {
        this.readerGone = true;
        return false;
      }
      throw error;
    }
    return true;
  }
}

function isPipeFileOrSocket(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (stat.isFIFO() || stat.isFile() || stat.isSocket()) return true;
    // `>/dev/null` (and spawn's stdio 'ignore'): a character device like a terminal, but the null one
    // (POSIX only: Windows never gets here; node:os for its devNull would cost every run a module).
    // Node writes to it synchronously too; building its stream cost such a run ~3 ms and, with the
    // allocations it adds, a young-generation collection.
    return isNullDevice(stat);
  } catch {
    return false; // closed or unknown: let Node's stream deal with it
  }
}

/** Whether a descriptor's stat is /dev/null's (POSIX): a character device, but no terminal. */
export function isNullDevice(stat: Stats): boolean {
  return stat.isCharacterDevice() && stat.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev;
}

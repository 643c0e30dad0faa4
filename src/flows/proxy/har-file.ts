// Write `wxauth proxy --har FILE` as the calls come: each entry is appended to a temporary file beside
// FILE (mode 0600: with --show-secrets it holds appsecrets and tokens, and even masked it names the
// user's servers and openids), and at exit the JSON is closed and the file takes FILE's name. Memory
// stays flat however long the proxy runs (keeping every call for one JSON.stringify at exit ran a
// busy proxy out of heap at Ctrl-C, losing the HAR and the summary), and an interrupted write never
// leaves half a JSON document at FILE.
import fs from 'node:fs';
import path from 'node:path';
import type { HarEntry, HarLog } from '../../core/proxy-har.js';
import { placeOutputFile, tempBeside, type OutputCheck, type PlacedFile } from '../output-file.js';

/** Entries are written together once this much text is waiting (or at exit): a write per call costs a system call each. */
const BATCH_CHARS = 256 * 1024;

export class HarWriter {
  private readonly temp: string;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingChars = 0;
  /** Entries taken so far (the HAR holds them all unless `error` says the write failed). */
  count = 0;
  /** The first write error (ENOSPC…): nothing more is written, the temporary file is dropped at exit. */
  error: NodeJS.ErrnoException | undefined;

  /** Opens the temporary file beside `file` (throws as fs does: the command checked the folder first). */
  constructor(private readonly file: string, version: string) {
    this.temp = tempBeside(path.resolve(file));
    this.fd = fs.openSync(this.temp, 'wx', 0o600);
    const empty: HarLog = { log: { version: '1.2', creator: { name: 'wxauth', version }, entries: [] } };
    const head = JSON.stringify(empty, null, 2);
    // Everything up to the entries' `[`: they follow, and end() closes the array and the object.
    this.pending.push(head.slice(0, head.lastIndexOf('[') + 1));
  }

  /** One call's entry, as its call completes. */
  add(entry: HarEntry): void {
    this.count++;
    if (this.fd === undefined) return;
    // Indented as JSON.stringify(har, null, 2) would indent it, inside log.entries.
    const text = (this.count === 1 ? '\n      ' : ',\n      ') + JSON.stringify(entry, null, 2).replace(/\n/g, '\n      ');
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BATCH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return;
    try {
      fs.writeSync(this.fd, this.pending.join(''));
    } catch (error) {
      this.fail(error);
    }
    this.pending = [];
    this.pendingChars = 0;
  }

  private fail(error: unknown): void {
    this.error ??= error as NodeJS.ErrnoException;
    this.discard();
  }

  /**
   * Close the JSON and give the file its name (see output-file.ts placeOutputFile: FILE is replaced only
   * if it is still the file checked at start, or with --yes). Throws the write's error, the temporary
   * file removed. Synchronous, so it can run from the process's exit event (a second Ctrl-C);
   * `comment` becomes log.comment (HAR 1.2), there to say which calls the file lacks.
   */
  end(check: OutputCheck, yes: boolean, comment?: string): PlacedFile {
    const tail = comment === undefined ? '' : `,\n    "comment": ${JSON.stringify(comment)}`;
    this.pending.push((this.count === 0 ? ']' : '\n    ]') + tail + '\n  }\n}\n');
    this.flush();
    if (this.fd !== undefined) {
      try {
        fs.fsyncSync(this.fd);
        fs.closeSync(this.fd);
        this.fd = undefined;
        return placeOutputFile(this.temp, this.file, check, yes);
      } catch (error) {
        this.fail(error);
      }
    }
    throw this.error ?? new Error('HAR not written');
  }

  /** No HAR after all (the proxy never ran, or a write failed): the temporary file closed and removed. */
  discard(): void {
    try {
      if (this.fd !== undefined) fs.closeSync(this.fd);
    } catch {
      // Closing is all that is left to do with it.
    }
    this.fd = undefined;
    this.pending = [];
    try {
      fs.rmSync(this.temp, { force: true });
    } catch {
      // Its folder is gone or not ours any more: nothing to clean.
    }
  }
}

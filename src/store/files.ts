// Shared plumbing for the two stores (config.json and tokens.json): how they are read, how a broken
// file is reported, how they are written (through conf: atomic, mode 0600), and a small
// cross-process lock so two wxauth processes never lose each other's writes.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type Conf from 'conf';
import { ConfigError } from '../errors.js';

export type Store = Record<string, unknown>;

export function brokenFileError(file: string, error: unknown): ConfigError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ConfigError(
    { key: 'config.file.unreadable', params: { file, detail } },
    { hint: { key: 'config.file.unreadable.hint', params: { file } }, cause: error },
  );
}

// conf (with ajv) costs ~50 ms to load, and most commands only read their settings; it is loaded
// synchronously (Node ≥ 20.19 can require an ES module) on the first write instead of at startup.
const require = createRequire(import.meta.url);
type ConfClass = typeof Conf<Store>;
let ConfCtor: ConfClass | undefined;
function loadConf(): ConfClass {
  ConfCtor ??= (require('conf') as { default: ConfClass }).default;
  return ConfCtor;
}

/**
 * One JSON file in the state directory. read() parses it fresh each time with plain fs (a missing
 * file is empty); update() re-reads, mutates and writes it through conf under the file lock, so
 * concurrent processes keep each other's changes. Opening checks that it parses, so a broken file
 * is reported before a command does anything else — and it is never overwritten or cleared.
 */
export class JsonFile<T extends object> {
  readonly path: string;
  private conf: Conf<Store> | undefined;

  constructor(
    private readonly dir: string,
    private readonly configName: string,
  ) {
    this.path = path.resolve(dir, `${configName}.json`);
    this.read();
  }

  read(): T {
    let text: string;
    try {
      text = fs.readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {} as T;
      throw brokenFileError(this.path, error);
    }
    try {
      const data: unknown = JSON.parse(text);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new SyntaxError('the top level is not a JSON object');
      return data as T;
    } catch (error) {
      throw brokenFileError(this.path, error);
    }
  }

  private writer(): Conf<Store> {
    if (!this.conf) {
      const Ctor = loadConf();
      this.conf = new Ctor({
        projectName: 'wxauth',
        cwd: this.dir,
        configName: this.configName,
        configFileMode: 0o600,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      });
    }
    return this.conf;
  }

  update(mutate: (file: T) => void): void {
    withFileLock(this.path, () => {
      const file = structuredClone(this.read());
      mutate(file);
      try {
        this.writer().store = file as Store;
      } catch (error) {
        throw new ConfigError(
          { key: 'config.file.unwritable', params: { file: this.path, detail: (error as Error).message } },
          { hint: { key: 'config.file.unwritable.hint', params: { file: this.path } }, cause: error },
        );
      }
    });
  }
}

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Run `fn` holding an exclusive lock file next to `file` (O_EXCL create). The read-modify-write inside
 * therefore sees every earlier writer's entry. A lock older than 10 s is a crashed process's: taken over.
 */
export function withFileLock<T>(file: string, fn: () => T): T {
  const lock = `${file}.lock`;
  // The folder holds the appsecret and tokens: only the user may list it.
  fs.mkdirSync(path.dirname(lock), { recursive: true, mode: 0o700 });
  const started = Date.now();
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        const age = Date.now() - fs.statSync(lock).mtimeMs;
        if (age > LOCK_STALE_MS) {
          fs.rmSync(lock, { force: true });
          continue;
        }
      } catch {
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw new ConfigError(
          { key: 'config.file.locked', params: { file: lock } },
          { hint: { key: 'config.file.locked.hint', params: { file: lock } } },
        );
      }
      sleepSync(15 + Math.floor(Math.random() * 20));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

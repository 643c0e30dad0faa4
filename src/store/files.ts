// Shared plumbing for the two conf stores: where state lives, how a broken file is reported, and a
// small cross-process lock so two wxauth processes never lose each other's writes.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { ConfigError } from '../errors.js';

export type Store = Record<string, unknown>;

interface OpenedConf {
  conf: Conf<Store>;
  path: string;
}

/**
 * Open a conf store written 0600 (conf's default is 0666 minus umask). A file that does not parse is
 * reported as a ConfigError (exit 4) naming the file; conf never clears it (clearInvalidConfig: false).
 */
function openConf(dir: string | undefined, configName: string): OpenedConf {
  let conf: Conf<Store>;
  try {
    conf = new Conf<Store>({
      projectName: 'wxauth',
      projectSuffix: '',
      ...(dir ? { cwd: dir } : {}),
      configName,
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
    });
  } catch (error) {
    throw brokenFileError(filePathFor(dir, configName), error);
  }
  return { conf, path: conf.path };
}

function filePathFor(dir: string | undefined, configName: string): string {
  return dir ? path.resolve(dir, `${configName}.json`) : `${configName}.json`;
}

export function brokenFileError(file: string, error: unknown): ConfigError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ConfigError(
    { key: 'config.file.unreadable', params: { file, detail } },
    { hint: { key: 'config.file.unreadable.hint', params: { file } }, cause: error },
  );
}

function readStore(opened: OpenedConf): Store {
  try {
    return opened.conf.store;
  } catch (error) {
    throw brokenFileError(opened.path, error);
  }
}

/**
 * One JSON file behind conf: read() parses it fresh each time; update() re-reads, mutates and writes
 * it under the file lock, so concurrent processes keep each other's changes. Opening checks that it
 * parses, so a broken file is reported before a command does anything else.
 */
export class JsonFile<T extends object> {
  private readonly opened: OpenedConf;

  constructor(dir: string | undefined, configName: string) {
    this.opened = openConf(dir, configName);
    this.read();
  }

  get path(): string {
    return this.opened.path;
  }

  read(): T {
    return readStore(this.opened) as T;
  }

  update(mutate: (file: T) => void): void {
    withFileLock(this.path, () => {
      const file = structuredClone(this.read());
      mutate(file);
      try {
        this.opened.conf.store = file as Store;
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
  fs.mkdirSync(path.dirname(lock), { recursive: true });
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

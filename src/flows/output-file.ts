// A file a command writes at its end (`probe --html FILE`, `proxy --har FILE`), checked before the run,
// so a report or a capture is never lost to a path that cannot be written after the work is done: the
// folder exists and can be written; the name is not a folder, a device or a pipe.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, osReason, type MessageRef } from '../errors.js';
import { FS_WITHOUT_HARD_LINKS, isAlive, osErrorHint, writeNewFile } from '../store/files.js';

/** What was at the path when it was checked (the link itself for a symlink): the file the user agreed to replace. */
export interface SeenFile {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface OutputCheck {
  exists: boolean;
  /** The file there at the check, if any: only that file is replaced at the end (see placeOutputFile). */
  seen?: SeenFile;
}

function seenAt(target: string): SeenFile | undefined {
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  return st ? { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs } : undefined;
}

/**
 * Check `flag FILE` (usage errors, exit 2, naming the flag). Says whether a file is there already, for
 * the command to ask before replacing it. `example`: a file name to suggest when FILE is a folder or a
 * device; `onStdout`: what gives the command's output on stdout instead, for one who named /dev/stdout.
 */
export function checkOutputFile(file: string, flag: string, example: string, onStdout: MessageRef): OutputCheck {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  // Why in the user's words, and advice that fits it (the chmod or chown for a folder that is not theirs).
  const notWritable = (error: unknown) => {
    let hint: MessageRef | undefined = osErrorHint(path.join(dir, path.basename(target)), error, 'write');
    if (hint === undefined) hint = { key: 'common.output.hint' };
    return new UsageError({ key: 'common.output.not_writable', params: { flag, file, dir, detail: osReason(error, 'write') } }, { hint, cause: error });
  };
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw notWritable(error);
  }
  if (st?.isDirectory()) {
    throw new UsageError({ key: 'common.output.is_dir', params: { flag, file } }, { hint: { key: 'common.output.is_dir.hint', params: { flag, example: path.join(file, example) } } });
  }
  // /dev/stdout, /dev/null, a fifo: the end renames a finished file onto the path, which none of them takes.
  if (st && !st.isFile())
    throw new UsageError({ key: 'common.output.not_regular', params: { flag, file } }, { hint: { key: 'common.output.not_regular.hint', params: { flag, example, stdout: onStdout } } });
  let dirOk = false;
  try {
    dirOk = fs.statSync(dir).isDirectory();
  } catch {
    dirOk = false;
  }
  if (!dirOk) throw new UsageError({ key: 'common.output.no_dir', params: { flag, file, dir } }, { hint: { key: 'common.output.hint' } });
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw notWritable(error);
  }
  // The link itself for a symlink (a dangling one included): that is what the end replaces, never its target.
  const seen = seenAt(target);
  return { exists: st !== undefined, ...(seen ? { seen } : {}) };
}

/** Where the finished file went: FILE, or a name beside it when something new had taken FILE. */
export interface PlacedFile {
  file: string;
  /** FILE held another file than the one checked at the start: this one was written beside it. */
  elsewhere: boolean;
}

/** Give `temp` the name `target` unless something is there already (false then). Never replaces anything. */
function claim(temp: string, target: string): boolean {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!FS_WITHOUT_HARD_LINKS.has(code)) throw error;
    // No hard links here: the nearest thing, a look then a rename.
    if (fs.lstatSync(target, { throwIfNoEntry: false })) return false;
    fs.renameSync(temp, target);
    return true;
  }
  fs.rmSync(temp, { force: true });
  return true;
}

/**
 * Move a finished `temp` file (beside FILE) to FILE at the end of a run, hours after checkOutputFile
 * may have passed: FILE is replaced only if it is still the file the user agreed to replace (or
 * --yes). A file that appeared since (another proxy's capture, a report) or that changed is kept,
 * and `temp` becomes `name-2.ext` (or -3…) beside it. A symlink at FILE is replaced itself, never
 * written through: the file it points at is left alone.
 */
export function placeOutputFile(temp: string, file: string, check: OutputCheck, yes: boolean): PlacedFile {
  const target = path.resolve(file);
  const now = seenAt(target);
  const agreed = check.seen !== undefined && now !== undefined && now.dev === check.seen.dev && now.ino === check.seen.ino && now.size === check.seen.size && now.mtimeMs === check.seen.mtimeMs;
  if (yes || agreed) {
    fs.renameSync(temp, target);
    return { file, elsewhere: false };
  }
  if (now === undefined && claim(temp, target)) return { file, elsewhere: false };
  const { dir, name, ext } = path.parse(file);
  for (let n = 2; n < 10_000; n++) {
    const beside = path.join(dir, `${name}-${n}${ext}`);
    if (claim(temp, path.resolve(beside))) return { file: beside, elsewhere: true };
  }
  throw Object.assign(new Error(`no free name beside ${file}`), { code: 'EEXIST' });
}

/**
 * Write `text` to FILE at the end of a run (mode 0600, through a temporary file beside it, flushed,
 * so a failed write leaves FILE as it was), placed as placeOutputFile says.
 */
export function writeOutputFile(file: string, text: string, check: OutputCheck, yes: boolean): PlacedFile {
  const temp = tempBeside(path.resolve(file));
  writeNewFile(temp, text, 0o600);
  try {
    return placeOutputFile(temp, file, check, yes);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * A temporary file's name beside `target` (`.<name>.<pid>-<random>.tmp`, hidden), for a write that
 * takes the target's name at the end. Such files that an earlier run left when it was killed outright
 * (SIGKILL, a crash: a proxy's HAR holds calls nobody will read) are removed first when their process is gone.
 */
export function tempBeside(target: string): string {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // The folder is checked (and reported) by the command.
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = /^(\d+)-[a-z0-9]+\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // Someone else's to clean.
    }
  }
  return path.join(dir, `${prefix}${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
}

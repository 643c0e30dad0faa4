// A file a command writes at its end (`probe --html FILE`, `proxy --har FILE`), checked before the run,
// so a report or a capture is never lost to a path that cannot be written after the work is done: the
// folder exists and can be written; the name is not a folder, a device or a pipe.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, osReason, type MessageRef } from '../errors.js';
import { osErrorHint } from '../store/files.js';

/**
 * Check `flag FILE` (usage errors, exit 2, naming the flag). Says whether a file is there already, for
 * the command to ask before replacing it. `example`: a file name to suggest when FILE is a folder.
 */
export function checkOutputFile(file: string, flag: string, example: string): { exists: boolean } {
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
  if (st && !st.isFile()) throw new UsageError({ key: 'common.output.not_regular', params: { flag, file } }, { hint: { key: 'common.output.hint' } });
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
  return { exists: st !== undefined };
}

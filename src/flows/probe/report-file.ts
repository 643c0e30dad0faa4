// `wxauth probe --html FILE`: the checks made before the run (so a report is never lost to a path that
// cannot be written after every scenario ran) and the write itself.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../errors.js';

/**
 * The folder exists and can be written; the name is not a folder, a device or a pipe. Says whether a
 * file is there already, for the command to ask before replacing it.
 */
export function checkReportTarget(file: string): { exists: boolean } {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError({ key: 'probe.html_file.not_writable', params: { file, dir, detail: code ?? String(error) } }, { hint: { key: 'probe.html_file.hint' } });
  }
  if (st?.isDirectory()) throw new UsageError({ key: 'probe.html_file.is_dir', params: { file } }, { hint: { key: 'probe.html_file.is_dir.hint', params: { example: path.join(file, 'probe.html') } } });
  if (st && !st.isFile()) throw new UsageError({ key: 'probe.html_file.not_regular', params: { file } }, { hint: { key: 'probe.html_file.hint' } });
  let dirOk = false;
  try {
    dirOk = fs.statSync(dir).isDirectory();
  } catch {
    dirOk = false;
  }
  if (!dirOk) throw new UsageError({ key: 'probe.html_file.no_dir', params: { file, dir } }, { hint: { key: 'probe.html_file.hint' } });
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new UsageError({ key: 'probe.html_file.not_writable', params: { file, dir, detail: (error as NodeJS.ErrnoException).code ?? String(error) } }, { hint: { key: 'probe.html_file.hint' } });
  }
  return { exists: st !== undefined };
}

/** Write the page; the error code (ENOSPC, EACCES…) when that fails, for the report to say after the card. */
export function writeReportFile(file: string, html: string): string | undefined {
  try {
    fs.writeFileSync(file, html);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

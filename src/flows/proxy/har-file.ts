// Write `wxauth proxy --har FILE`: the whole log at once, through a temporary file renamed over the
// target, so an interrupted write never leaves half a JSON document. Mode 0600: with --show-secrets
// it holds appsecrets and tokens, and even masked it names the user's servers and openids.
import fs from 'node:fs';
import path from 'node:path';
import { buildHar, type HarEntry } from '../../core/proxy-har.js';
import { UsageError } from '../../errors.js';

/**
 * Check `--har FILE` before the proxy listens, so a capture is never lost to a path that cannot be
 * written at exit: the folder exists and can be written, the name is not a folder, a device or a pipe
 * (the file is replaced by a rename, which must never hit those). Says whether a file is there already,
 * for the command to ask before replacing it.
 */
export function checkHarTarget(file: string): { exists: boolean } {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError({ key: 'proxy.har.not_writable', params: { file, dir, detail: code ?? String(error) } }, { hint: { key: 'proxy.har.path.hint' } });
  }
  if (st?.isDirectory()) throw new UsageError({ key: 'proxy.har.is_dir', params: { file } }, { hint: { key: 'proxy.har.is_dir.hint', params: { example: path.join(file, 'calls.har') } } });
  if (st && !st.isFile()) throw new UsageError({ key: 'proxy.har.not_regular', params: { file } }, { hint: { key: 'proxy.har.path.hint' } });
  let dirOk = false;
  try {
    dirOk = fs.statSync(dir).isDirectory();
  } catch {
    dirOk = false;
  }
  if (!dirOk) throw new UsageError({ key: 'proxy.har.no_dir', params: { file, dir } }, { hint: { key: 'proxy.har.path.hint' } });
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new UsageError({ key: 'proxy.har.not_writable', params: { file, dir, detail: (error as NodeJS.ErrnoException).code ?? String(error) } }, { hint: { key: 'proxy.har.path.hint' } });
  }
  return { exists: st !== undefined };
}

export function writeHarFile(file: string, entries: HarEntry[], version: string): void {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, JSON.stringify(buildHar(entries, version), null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

// Write `wxauth proxy --har FILE`: the whole log at once, through a temporary file renamed over the
// target, so an interrupted write never leaves half a JSON document. Mode 0600: with --show-secrets
// it holds appsecrets and tokens, and even masked it names the user's servers and openids.
import fs from 'node:fs';
import path from 'node:path';
import { buildHar, type HarEntry } from '../../core/proxy-har.js';

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

#!/usr/bin/env node
// `prepare` (npm install of a clone, and npx in one) builds only when dist/ is not built from the sources
// as they are: `node scripts/build-stamp.mjs check || npm run build`. `npm run build` begins with `begin`
// (the stamp is removed, and the hash of the sources as the build starts kept aside) and ends with
// `write` (that hash becomes the stamp): a build that fails leaves no stamp, even after the sources are
// put back as they were (tsc writes its output despite type errors), and a file saved while the build
// ran is not taken as built. `npx wxauth demo` in a clone installs
// the clone into npx's cache as a link to the same folder and runs its `prepare` again, which rebuilt
// everything right after `npm install` had (tsc's ~30 s; minutes on a busy machine) before the demo
// started. `npm run build` always builds and ends with `write`.
//
// The stamp, dist/.build-stamp, is a hash of everything the build reads: src/, the bundle's scripts, the
// tsconfig files, package.json and package-lock.json (the versions of tsc and esbuild).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const pending = path.join(root, 'dist', '.build-stamp.pending');

function inputsHash() {
  const hash = createHash('sha256');
  const add = (file) => {
    hash.update(`${path.relative(root, file).split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  };
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) add(full);
    }
  };
  walk(path.join(root, 'src'));
  for (const name of ['scripts/bundle.mjs', 'scripts/bundle-entry.cjs', 'scripts/build-stamp.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']) {
    const file = path.join(root, name);
    if (fs.existsSync(file)) add(file);
  }
  return hash.digest('hex');
}

const [command] = process.argv.slice(2);
if (command === 'begin') {
  fs.rmSync(stamp, { force: true });
  fs.mkdirSync(path.dirname(pending), { recursive: true });
  fs.writeFileSync(pending, `${inputsHash()}\n`);
} else if (command === 'write') {
  // The hash taken when this build began (`begin`); a build run without it stamps nothing.
  if (fs.existsSync(pending)) fs.renameSync(pending, stamp);
} else if (command === 'check') {
  let saved = '';
  try {
    saved = fs.readFileSync(stamp, 'utf8').trim();
  } catch {
    process.exit(1); // never built (or built before stamps): build
  }
  const built = fs.existsSync(path.join(root, 'dist', 'cli', 'wxauth.js')) && fs.existsSync(path.join(root, 'dist', 'index.js'));
  if (!built || saved !== inputsHash()) process.exit(1);
  console.error('wxauth: dist/ is already built from these sources, so the build is skipped (npm run build rebuilds).');
} else {
  console.error('usage: node scripts/build-stamp.mjs begin|write|check');
  process.exit(2);
}

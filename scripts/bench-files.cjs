// Preloaded by scripts/bench.mjs (with bench-usage.cjs) in each start-up case's untimed warm-up run only:
// at exit, append how many files this process read from wxauth's dist/ folder (its chunks and message
// files) to WXAUTH_BENCH_FILES_FILE. A file more at start is a compile more (docs/speed.md: ~30–100 µs
// fixed per chunk); a change of imports that splits a chunk shows here long before it shows in CPU time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const read = fs.readFileSync;
const marker = `${path.sep}dist${path.sep}`;
// The chunks' V8 code cache (dist/cli/cache/, scripts/bundle-entry.cjs) is not counted: a cache read
// saves a compile rather than adding one, and each chunk has at most one.
const cache = `${path.sep}dist${path.sep}cli${path.sep}cache${path.sep}`;
const seen = new Set();
const note = (file) => {
  if (typeof file === 'string' && file.includes(marker) && !file.includes(cache)) seen.add(file);
};
fs.readFileSync = function readFileSync(file, ...rest) {
  note(file);
  return read.call(this, file, ...rest);
};
// The bundle's entry opens each chunk (its size and time name the chunk's cache), then reads it by descriptor.
const open = fs.openSync;
fs.openSync = function openSync(file, ...rest) {
  note(file);
  return open.call(this, file, ...rest);
};
process.on('exit', () => {
  const out = process.env.WXAUTH_BENCH_FILES_FILE;
  if (out) fs.appendFileSync(out, `${seen.size}\n`);
});

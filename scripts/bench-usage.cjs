// Preloaded by scripts/bench.mjs with `node -r`: at exit, append this process's CPU time (user+sys,
// ms), peak RSS (KiB) and minor page faults to WXAUTH_BENCH_USAGE_FILE. CommonJS on purpose: an ES-module preload
// (--import) would start Node's ES module loader in the `node -e 0` baseline too and hide its cost.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.WXAUTH_BENCH_USAGE_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  fs.appendFileSync(file, `${(u.userCPUTime + u.systemCPUTime) / 1000} ${u.maxRSS} ${u.minorPageFault}\n`);
});

// Preloaded by scripts/bench.mjs: report the process's peak memory when it exits.
import fs from 'node:fs';
process.on('exit', () => {
  const file = process.env.WXAUTH_BENCH_RSS_FILE;
  if (file) fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});

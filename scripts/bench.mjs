#!/usr/bin/env node
// npm run bench — cold-start time and peak memory of wxauth against a bare `node -e 0`.
// A benchmark that reports; it never fails because a machine is slow. Target: within 1.3× of node.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'wxauth.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-bench-'));
const rssFile = path.join(stateDir, 'rss');
const preload = path.join(root, 'scripts', 'bench-rss.mjs');

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'wxauth --version', args: [bin, '--version'] },
  { name: 'wxauth --help', args: [bin, '--help'] },
  { name: 'wxauth errcode 40029', args: [bin, 'errcode', '40029'] },
  { name: 'wxauth inspect <url>', args: [bin, 'inspect', 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&redirect_uri=https%3A%2F%2Fwww.example.com%2Fcb&response_type=code&scope=snsapi_base&state=abc#wechat_redirect'] },
];

const env = { ...process.env, WXAUTH_CONFIG_DIR: stateDir, CI: '1', NO_COLOR: '1', WXAUTH_BENCH_RSS_FILE: rssFile };
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];
for (const c of cases) {
  // One warm-up run so the OS file cache is equally warm for every case.
  spawnSync(process.execPath, c.args, { env, stdio: 'ignore' });
  fs.writeFileSync(rssFile, '');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', preload, ...c.args], { env, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && !c.args.includes('inspect')) console.error(`${c.name} exited ${r.status}`);
  }
  const rss = fs.readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number);
  results.push({ name: c.name, median: median(times), min: Math.min(...times), rssMiB: median(rss) / 1024 });
}

const base = results[0].median;
console.log(`cold start, ${runs} runs each (node ${process.version}, ${os.cpus().length} cores)\n`);
console.log('case'.padEnd(26) + 'median ms'.padStart(10) + 'min ms'.padStart(9) + 'ratio'.padStart(8) + 'peak RSS MiB'.padStart(14));
for (const r of results) {
  const ratio = r.median / base;
  const flag = r === results[0] ? '' : ratio <= 1.3 ? '  ok' : '  above 1.3× target';
  console.log(r.name.padEnd(26) + r.median.toFixed(1).padStart(10) + r.min.toFixed(1).padStart(9) + `${ratio.toFixed(2)}×`.padStart(8) + r.rssMiB.toFixed(1).padStart(14) + flag);
}
fs.rmSync(stateDir, { recursive: true, force: true });

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

// wxauth proxy (issue 15): requests/s through the proxy against direct requests to the emulator, with
// the same keep-alive client and concurrency. The emulator and the proxy each run as their own process,
// as they would for a user (the proxy printing its live line per call); the client runs here.
// Target: proxied ≥ 0.7× direct. Reported, never asserted.
{
  const http = await import('node:http');
  const { spawn } = await import('node:child_process');
  const started = (args, pattern) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { env: { ...env, LANG: 'en_US.UTF-8', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let seen = '';
      const look = (d) => {
        seen += d;
        const m = pattern.exec(seen);
        if (m) resolve({ child, url: m[1] });
      };
      child.stdout.setEncoding('utf8').on('data', look);
      child.stderr.setEncoding('utf8').on('data', look);
      child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${seen}`)));
    });
  const emu = await started(['emulator', '--port', '0'], /^(http:\/\/127\.0\.0\.1:\d+)$/m);
  const proxy = await started(['proxy', '--port', '0', '--upstream', emu.url], /Proxy running: (http:\/\/127\.0\.0\.1:\d+)/);
  const total = Number(process.env.BENCH_PROXY_REQUESTS ?? 4000);
  const concurrency = 32;
  const rate = async (base) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const { hostname, port } = new URL(base);
    const one = () =>
      new Promise((resolve, reject) => {
        http.get({ hostname, port, path: '/sns/auth?access_token=bench&openid=bench', agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
      });
    let left = total;
    const worker = async () => {
      while (left-- > 0) await one();
    };
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    agent.destroy();
    return total / seconds;
  };
  await rate(emu.url); // warm-up, both processes
  await rate(proxy.url);
  const direct = await rate(emu.url);
  const proxied = await rate(proxy.url);
  const ratio = proxied / direct;
  console.log(`\nwxauth proxy, ${total} GET /sns/auth, ${concurrency} at a time, keep-alive (emulator and proxy in their own processes)`);
  console.log(`direct to the emulator  ${direct.toFixed(0).padStart(7)} req/s`);
  console.log(`through wxauth proxy    ${proxied.toFixed(0).padStart(7)} req/s  ${ratio.toFixed(2)}×${ratio >= 0.7 ? '  ok' : '  below 0.7× target'}`);
  for (const p of [proxy, emu]) {
    p.child.removeAllListeners('exit');
    p.child.kill('SIGINT');
  }
}

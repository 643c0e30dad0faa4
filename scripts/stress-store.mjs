#!/usr/bin/env node
// Stress the store lock (issue 13, item 5) at a size too slow for the test suite: many processes
// writing through ConfigStore at once, crashed writers' locks planted (a minute old, in an older
// wxauth's format and as garbage), and kill -9 of writers wherever they are. Checks that every write
// a process acknowledged (setValues returned, as `config set` prints "Saved") is in config.json.
//
//   node scripts/stress-store.mjs [--processes 100] [--writes 10] [--concurrency 100] [--kills 20]
//                                 [--plant-every 200]   (ms between planted crashed-writer locks)
//                                 [--dead-gates 0]      (ms between gates planted as a writer killed
//                                                        inside the gate leaves them; 0: none)
//
// It compiles src/store on its own (like test/store/compile-store.ts), so it tests the source as it
// is, not whatever dist/ holds. Exit code 0 when nothing acknowledged was lost.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '100' },
    writes: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '100' },
    kills: { type: 'string', default: '20' },
    'plant-every': { type: 'string', default: '200' },
    'dead-gates': { type: 'string', default: '0' },
  },
});
const PROCESSES = Number(values.processes);
const WRITES = Number(values.writes);
const CONCURRENCY = Number(values.concurrency);
const KILLS = Number(values.kills);
const PLANT_EVERY_MS = Number(values['plant-every']);
const DEAD_GATES_MS = Number(values['dead-gates']);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-stress-'));
const storeJs = path.join(work, 'js');
execFileSync(
  path.join(ROOT, 'node_modules', '.bin', 'tsc'),
  ['--ignoreConfig', '--noCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023',
    '--skipLibCheck', '--types', 'node', '--rootDir', path.join(ROOT, 'src'), '--outDir', storeJs,
    path.join(ROOT, 'src', 'store', 'config.ts')],
  { cwd: ROOT, stdio: 'inherit' },
);
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(storeJs, 'node_modules'), 'dir');

const dir = path.join(work, 'state');
fs.mkdirSync(dir, { mode: 0o700 });
const file = path.join(dir, 'config.json');
const lock = `${file}.lock`;
const writer = path.join(work, 'writer.mjs');
fs.writeFileSync(
  writer,
  `const { ConfigStore } = await import(${JSON.stringify(pathToFileURL(path.join(storeJs, 'store', 'config.js')).href)});
   const [dir, id, count] = process.argv.slice(2);
   const store = ConfigStore.open(dir);
   for (let j = 0; j < Number(count); j++) {
     const name = 'w' + id + '_' + j;
     const started = Date.now();
     try {
       store.setValues(name, { domain: name + '.example.com' });
       process.stdout.write('ok ' + name + ' ' + (Date.now() - started) + '\\n');
     } catch (e) {
       process.stdout.write('fail ' + name + ' ' + (e.messageRef?.key ?? e.message) + '\\n');
     }
   }`,
);

function plant(content, flag) {
  try {
    fs.writeFileSync(lock, content, { flag, mode: 0o600 });
    const then = (Date.now() - 60_000) / 1000;
    fs.utimesSync(lock, then, then);
    return true;
  } catch {
    return false;
  }
}

plant('4242', 'w');
let planted = 1;
const planter = setInterval(() => {
  if (plant('garbage', 'wx')) planted++;
}, PLANT_EVERY_MS);

// A gate as a writer killed inside it leaves it: its pid gone, on this host. Every waiter then judges
// it stale at once, which is when two of them could both come to hold it (see takeOver in files.ts).
const deadPid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
let gatesPlanted = 0;
const gatePlanter =
  DEAD_GATES_MS > 0 &&
  setInterval(() => {
    try {
      fs.writeFileSync(`${lock}.gate`, JSON.stringify({ pid: deadPid, host: os.hostname(), token: `${deadPid}-dead-${gatesPlanted}` }), { flag: 'wx', mode: 0o600 });
      gatesPlanted++;
    } catch {
      // a live writer's gate is there: leave it
    }
  }, DEAD_GATES_MS);

const acked = new Map();
const failures = new Map();
const running = new Set();
let killed = 0;
let next = 0;
const started = Date.now();

function start(id) {
  const child = spawn(process.execPath, [writer, dir, String(id), String(WRITES)], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(child);
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (d) => {
    buffer += d;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const [status, name, detail] = line.split(' ');
      if (status === 'ok') acked.set(name, Number(detail));
      else failures.set(detail, (failures.get(detail) ?? 0) + 1);
    }
  });
  return new Promise((resolve) =>
    child.on('close', () => {
      running.delete(child);
      resolve();
    }),
  );
}

// Kill -9 a random running writer now and then, until KILLS are done.
const killer = setInterval(() => {
  if (killed >= KILLS || running.size === 0) return;
  const victims = [...running];
  victims[Math.floor(Math.random() * victims.length)].kill('SIGKILL');
  killed++;
}, Math.max(50, Math.floor((PROCESSES * 150) / CONCURRENCY / Math.max(KILLS, 1))));

async function lane() {
  while (next < PROCESSES) await start(next++);
}
await Promise.all(Array.from({ length: Math.min(CONCURRENCY, PROCESSES) }, lane));
clearInterval(planter);
clearInterval(killer);
if (gatePlanter) clearInterval(gatePlanter);

const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
const lost = [...acked.keys()].filter((name) => saved.profiles?.[name]?.domain !== `${name}.example.com`);
// A process's first write also loads its modules, which on a machine this busy takes seconds: shown apart.
const sorted = (list) => list.sort((a, b) => a - b);
const first = sorted([...acked].filter(([name]) => name.endsWith('_0')).map(([, ms]) => ms));
const later = sorted([...acked].filter(([name]) => !name.endsWith('_0')).map(([, ms]) => ms));
const pct = (list, p) => list[Math.min(list.length - 1, Math.floor((list.length * p) / 100))] ?? 0;
const summary = (list) => ({ p50: pct(list, 50), p99: pct(list, 99), max: list.at(-1) ?? 0 });
// A lock this script planted after the last writer finished is its own leftover, not the store's.
const leftovers = fs
  .readdirSync(dir)
  .filter((f) => f !== 'config.json' && !(f === 'config.json.lock' && fs.readFileSync(lock, 'utf8') === 'garbage'))
  // as is a dead gate it planted; a takeover's claim is the store's (left by a waiter killed holding it)
  .filter((f) => !(f === 'config.json.lock.gate' && gatesPlanted > 0));
console.log(
  JSON.stringify(
    {
      processes: PROCESSES,
      writesPerProcess: WRITES,
      concurrency: CONCURRENCY,
      attempted: PROCESSES * WRITES,
      acknowledged: acked.size,
      lost: lost.length,
      lostNames: lost.slice(0, 20),
      failures: Object.fromEntries(failures),
      killed,
      stalePlanted: planted,
      plantEveryMs: PLANT_EVERY_MS,
      deadGatesPlanted: gatesPlanted,
      firstWriteMs: summary(first),
      laterWriteMs: summary(later),
      elapsedMs: Date.now() - started,
      leftoverFiles: leftovers,
    },
    null,
    2,
  ),
);
fs.rmSync(work, { recursive: true, force: true });
process.exitCode = lost.length === 0 ? 0 : 1;

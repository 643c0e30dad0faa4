// Child processes (lock races, kills, dropped privileges) need the stores as plain JS. dist/ is built
// from the whole tree and may be stale or half-way through someone else's change, so each test file
// compiles just src/store and what it imports (~1 s) into a temp dir of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The directory holding store/config.js, store/token-cache.js, errors.js and core/. The caller
 * removes it in afterAll: vitest's fork workers end without an 'exit' event, so exit hooks leave
 * temp dirs behind.
 */
export function compileStore(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-store-js-'));
  const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
  execFileSync(
    tsc,
    [
      '--ignoreConfig',
      // Emit only: type errors are the typecheck's business, not a reason to skip these tests.
      '--noCheck',
      '--module', 'nodenext',
      '--moduleResolution', 'nodenext',
      '--target', 'es2023',
      '--skipLibCheck',
      '--types', 'node',
      '--rootDir', path.join(ROOT, 'src'),
      '--outDir', out,
      path.join(ROOT, 'src', 'store', 'config.ts'),
      path.join(ROOT, 'src', 'store', 'token-cache.ts'),
    ],
    { cwd: ROOT, stdio: 'pipe', timeout: 60_000 },
  );
  // Let any package the store imports be found from the temp dir.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  // Readable by an unprivileged user too (a test drops to `nobody` to meet a real EACCES).
  fs.chmodSync(out, 0o755);
  return out;
}

export interface StoreRun {
  /** null when the child was killed (timeout, or a crash). */
  status: number | null;
  signal: NodeJS.Signals | null;
  ok?: true;
  error?: { name: string; exitCode?: number; key?: string; params?: Record<string, unknown>; hint?: { key: string } };
  stderr: string;
}

/**
 * Run `body` in a child process with ConfigStore and TokenStore (compiled by compileStore) and
 * `dir` in scope, and report what it threw. The child is bounded: killed after `timeoutMs`, and on
 * POSIX limited to 2 GB of address space, so a store that reads /dev/zero whole or waits on a FIFO
 * fails the test instead of hanging it or exhausting the machine. (Not 1 GB: Node 24 reserves more
 * than that before running any code, and dies with SIGTRAP under it; Node 20 and 22 start in less.)
 */
export function runWithStore(storeJs: string, dir: string, body: string, timeoutMs = 5_000): StoreRun {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-store-run-')), 'run.mjs');
  fs.chmodSync(path.dirname(script), 0o755);
  const url = (file: string) => JSON.stringify(pathToFileURL(path.join(storeJs, file)).href);
  fs.writeFileSync(
    script,
    `const { ConfigStore } = await import(${url('store/config.js')});
     const { TokenStore } = await import(${url('store/token-cache.js')});
     const dir = process.argv[2];
     try {
       ${body}
       console.log(JSON.stringify({ ok: true }));
     } catch (e) {
       console.log(JSON.stringify({ error: { name: e.name, exitCode: e.exitCode, key: e.messageRef?.key, params: e.messageRef?.params, hint: e.hint } }));
     }`,
  );
  const r =
    process.platform === 'win32'
      ? spawnSync(process.execPath, [script, dir], { encoding: 'utf8', timeout: timeoutMs })
      : spawnSync('sh', ['-c', 'ulimit -v 2000000; exec "$0" "$@"', process.execPath, script, dir], { encoding: 'utf8', timeout: timeoutMs });
  fs.rmSync(path.dirname(script), { recursive: true, force: true });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  const parsed = last.startsWith('{') ? (JSON.parse(last) as Pick<StoreRun, 'ok' | 'error'>) : {};
  return { status: r.status, signal: r.signal, stderr: r.stderr, ...parsed };
}

// Run the CLI as a user would, with a throwaway state dir, CI=1 (no prompts), no colour; stdout,
// stderr and the exit code come back separately. runCli() runs it in this process (src/app.ts with
// string streams: the same code path as bin/wxauth.cjs minus starting Node); runSpawned()/spawnCli()
// start `node bin/wxauth.cjs` for what only a real process shows (signals, the import graph, pipes).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import fs from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'wxauth.cjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Written to stdin, then stdin is closed. */
  input?: string;
  /** Kill the process after this many ms (the result then has code null). */
  timeoutMs?: number;
  cwd?: string;
  /** The CLI to run (spawned runs only): bin/wxauth.cjs of this checkout unless given. */
  bin?: string;
  /** Spawned runs only: run as this user and group (root meets no EACCES; tests drop to `nobody`). */
  uid?: number;
  gid?: number;
}

/**
 * Whether the permission tests can run: not on Windows, and as root only if `nobody` can start this
 * Node and read this CLI (a Node unpacked into a private folder, as a mktemp -d one is, cannot be
 * started by another user: spawn then fails with EACCES before wxauth runs). .ci/run makes its other
 * Nodes' folders world-readable so these tests run on every Node it tests.
 */
export function permissionTestsRunnable(): boolean {
  if (process.platform === 'win32') return false;
  if (process.getuid?.() !== 0) return true;
  return spawnSync(process.execPath, [BIN, '--version'], { uid: 65534, gid: 65534, stdio: 'ignore' }).status === 0;
}

/** A fresh, empty WXAUTH_CONFIG_DIR, under the run's TMPDIR (test/global-setup.ts removes it at the end;
 * an exit listener per folder did nothing in vitest's workers but warn of a listener leak). */
export function tempConfigDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-test-'));
}

/** The environment every spawned CLI gets: nothing of the developer's own WXAUTH_* or proxies. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('WXAUTH_') || /^(https?|no|all)_proxy$/i.test(k) || k === 'NO_COLOR' || k.startsWith('LC_') || k === 'LANG') continue;
    env[k] = v;
  }
  Object.assign(env, { CI: '1', FORCE_COLOR: '0', LANG: 'en_US.UTF-8' });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  if (!env.WXAUTH_CONFIG_DIR) env.WXAUTH_CONFIG_DIR = tempConfigDir();
  return env;
}

/** Start the CLI without waiting (for long-running commands such as listen or emulator). */
export function spawnCli(args: string[], options: RunOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: baseEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  else child.stdin?.end();
  return child;
}

/** Collect a spawned CLI's output until it exits. */
export function collect(child: ChildProcess, timeoutMs = 30_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Run the built CLI in a child process to completion. */
export function runSpawned(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return collect(spawnCli(args, options), options.timeoutMs);
}

/** A stream that keeps what is written to it, and is a terminal or not as told (isTTY, columns). */
export class TextStream extends Writable {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** A stream that keeps what is written to it (not a terminal, like a pipe). */
class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/**
 * Run the CLI in this process to completion, with its own environment and stdin. An emulator started
 * by the test keeps serving meanwhile (everything is async). `timeoutMs` aborts the run as Ctrl-C would
 * (the result then has code 130).
 */
export async function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const { runCli: run } = await import('../../src/app.js');
  const stdout = new Sink();
  const stderr = new Sink();
  const stdin = Readable.from(options.input === undefined ? [] : [options.input]);
  const controller = new AbortController();
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const code = await run(args, { stdout, stderr, promptOutput: () => stderr, stdin, env: baseEnv(options.env), signal: controller.signal }, VERSION);
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Start the CLI in this process without waiting, for long-running commands (listen, login): the
 * handle looks enough like a ChildProcess for collect() and waitForOutput() — stdout and stderr
 * streams, `close` with the exit code — and kill() aborts the run as Ctrl-C does (exit 130).
 * Signals and the real process edge stay with spawnCli().
 */
export function startCli(args: string[], options: RunOptions = {}): ChildProcess {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const controller = new AbortController();
  const child = Object.assign(new EventEmitter(), {
    stdout,
    stderr,
    kill: () => {
      controller.abort();
      return true;
    },
  });
  void (async () => {
    const { runCli: run } = await import('../../src/app.js');
    const stdin = Readable.from(options.input === undefined ? [] : [options.input]);
    const code = await run(args, { stdout, stderr, promptOutput: () => stderr, stdin, env: baseEnv(options.env), signal: controller.signal }, VERSION);
    stdout.end();
    stderr.end();
    // Let the readers drain what was written before they hear the end.
    setImmediate(() => child.emit('close', code));
  })().catch((error: unknown) => child.emit('error', error));
  return child as unknown as ChildProcess;
}

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Resolve when the child's stdout or stderr matches `pattern` (e.g. a "listening on" line). */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer | string) => {
      seen += d.toString();
      const m = seen.match(pattern);
      if (m) {
        cleanup();
        resolve(m);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${pattern}; saw:\n${seen}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

/** Parse the one JSON document a --json run prints on stdout (fails the test if there is more). */
export function parseJson(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>;
}

/**
 * The environment that aims the CLI at one of an emulator's apps: both WeChat roles and the backup
 * host (so a fallback never leaves the machine), plus the app's appid, secret and account type.
 */
export function emulatorEnv(
  emu: { url: string },
  app: { appid: string; secret: string; type?: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    WXAUTH_API_BASE: emu.url,
    WXAUTH_OPEN_BASE: emu.url,
    WXAUTH_BACKUP_API_BASE: emu.url,
    WXAUTH_APPID: app.appid,
    WXAUTH_SECRET: app.secret,
    ...(app.type ? { WXAUTH_TYPE: app.type } : {}),
    ...extra,
  };
}

/** A loopback port that was free a moment ago (bind port 0, note it, close). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A stand-in for WeChat that counts what reaches it and answers 40013, for tests that a value refused up
 * front sends nothing. Listens from the file's beforeAll to its afterAll; `hits` may be reset.
 */
export function useCountingWechat(): { base: string; hits: number } {
  const wechat = { base: '', hits: 0 };
  const server = http.createServer((_req, res) => {
    wechat.hits++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    wechat.base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return wechat;
}

/**
 * A server that answers every request with its status and headers at once, then `first` and a space every
 * 200 ms, never the end: an answer whose body stalls (a stream left open, a Content-Length larger than
 * what is written). `url` is its origin; `close` stops it and its timers.
 */
export async function startTrickleServer(contentType: string, first: string): Promise<{ url: string; close(): Promise<void> }> {
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': contentType });
    res.write(first);
    const timer = setInterval(() => res.write(' '), 200);
    timers.add(timer);
    res.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: async () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

// Test helpers: talk to the emulator over real sockets (global fetch, no mocks) and normalise the
// random parts of WeChat's answers (rids) before comparing with literal payloads.
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from '../../src/emulator/index.js';

/** A fixed emulator clock: 2026-01-15 02:00:00 UTC = 0x69684a20 Unix seconds. */
export const T0 = Date.UTC(2026, 0, 15, 2, 0, 0);
export const T0_HEX = Math.floor(T0 / 1000).toString(16);

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

async function toAnswer(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // pages and faults are not JSON
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function get(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  return toAnswer(await fetch(base + path, { redirect: 'manual', ...init }));
}

/**
 * POST with `Content-Type: application/json` unless `init.headers` says otherwise: what real clients
 * send to stable_token and what the control API requires (issue 13 item 11).
 */
export async function post(base: string, path: string, body: unknown, init: RequestInit = {}): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return toAnswer(await fetch(base + path, { method: 'POST', body: text, redirect: 'manual', headers: { 'content-type': 'application/json' }, ...init }));
}

export async function postForm(base: string, path: string, form: Record<string, string>, init: RequestInit = {}): Promise<Answer> {
  return toAnswer(
    await fetch(base + path, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
      ...init,
    }),
  );
}

/** Replace 2021+ rids with `RID` so bodies can be compared with WeChat's documented payloads. */
export function norm(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}/g, 'RID');
}

/** Send bytes exactly as given (for junk input the WHATWG URL parser in fetch would refuse). */
export function rawRequest(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export function portOf(url: string): number {
  return Number(new URL(url).port);
}

/**
 * One emulator for a test file, on the fixed clock T0 unless told otherwise: started before the
 * first test, reset before each, closed after the last. The returned handle forwards to it.
 */
export function useEmulator(options: EmulatorOptions = { clock: () => T0 }): EmulatorHandle {
  let handle: EmulatorHandle | undefined;
  beforeAll(async () => {
    handle = await startEmulator(options);
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(() => handle?.reset());
  return new Proxy({} as EmulatorHandle, {
    get(_target, key) {
      if (!handle) throw new Error('the emulator starts in beforeAll; use it inside a test');
      const value = Reflect.get(handle, key) as unknown;
      return typeof value === 'function' ? value.bind(handle) : value;
    },
  });
}

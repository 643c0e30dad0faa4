// probe against an app that does not answer as it should, over real HTTP: a page whose status came and
// whose body never ends is said as such (not "no answer"), and a network failure names the host it tried.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { freePort, parseJson, runCli, tempConfigDir } from './helpers.js';

let emu: EmulatorHandle;
let trickle: http.Server;
let trickleUrl: string;
const timers = new Set<NodeJS.Timeout>();
beforeAll(async () => {
  emu = await startEmulator();
  // Headers at once, then a byte every 200 ms, never the end.
  trickle = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<');
    const timer = setInterval(() => res.write(' '), 200);
    timers.add(timer);
    res.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  });
  await new Promise<void>((r) => trickle.listen(0, '127.0.0.1', r));
  trickleUrl = `http://127.0.0.1:${(trickle.address() as AddressInfo).port}/login`;
});
afterAll(async () => {
  for (const t of timers) clearInterval(t);
  trickle.closeAllConnections();
  await new Promise((r) => trickle.close(r));
  await emu.close();
});

type Check = { id: string; status: string; message: string };

describe('probe: a page whose body never ends', () => {
  it('says the status came and the page did not finish, with the bytes that came (en, zh)', async () => {
    for (const [lang, said] of [
      ['en', /it answered HTTP 200, but the page had not finished after 1000 ms \(\d+ bytes came; --timeout\)/],
      ['zh', /返回了 HTTP 200，但页面 1000 毫秒内没有传完（只收到 \d+ 字节，--timeout）/],
    ] as const) {
      const r = await runCli(['probe', trickleUrl, '--emulator', emu.url, '--only', 'authorize.url', '--timeout', '1000', '--json', '--lang', lang], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
      const doc = parseJson(r.stdout) as { checks: Check[] };
      const c = doc.checks.find((x) => x.id === 'authorize.url')!;
      expect(c.status).toBe('fail');
      expect(c.message).toMatch(said);
      expect(c.message).not.toMatch(/no answer within|内没有应答/);
    }
  });
});

describe('probe: a network failure names the host it tried', () => {
  it('an app that is not running: error.network.host is its host and port', async () => {
    const port = await freePort();
    const r = await runCli(['probe', `http://127.0.0.1:${port}/login`, '--emulator', emu.url, '--only', 'login.completes', '--timeout', '2000', '--json'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(5);
    const error = (parseJson(r.stdout) as { error: { network: Record<string, unknown> } }).error;
    expect(error.network).toMatchObject({ failure: 'refused', host: `127.0.0.1:${port}`, may_have_reached_server: false });
  });

  it('an emulator that is not running: error.network.host is the --emulator host', async () => {
    const port = await freePort();
    const r = await runCli(['probe', trickleUrl, '--emulator', `http://127.0.0.1:${port}`, '--only', 'login.completes', '--timeout', '2000', '--json'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(5);
    const error = (parseJson(r.stdout) as { error: { network: Record<string, unknown> } }).error;
    expect(error.network).toMatchObject({ failure: 'refused', host: `127.0.0.1:${port}` });
  });
});

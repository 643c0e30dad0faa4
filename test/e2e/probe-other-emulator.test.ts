// probe against an app whose authorize link is on this emulator and whose API host (its code exchange) is
// another emulator's, as one left from an earlier run: the login failed as "never called
// /sns/oauth2/access_token", though the app had exchanged the code, at the other emulator (40029).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { runProbe } from '../../src/flows/probe/run.js';
import { tr } from '../../src/ui/i18n.js';
import { startProbeApp } from '../fixtures/probe-apps/apps.js';

let emu: EmulatorHandle;
let other: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
  other = await startEmulator();
});
afterAll(async () => {
  await emu.close();
  await other.close();
});

describe('probe: the app exchanges its codes at another emulator', () => {
  it('login.completes names the other emulator and its 40029, with the API host to change; code.exchanged_once is not "never exchanged" (en, zh)', async () => {
    const appid = DEFAULT_APPIDS.test;
    const app = await startProbeApp('correct', { emulator: emu.url, appid, secret: emu.apps.find((a) => a.appid === appid)!.secret, apiBase: other.url });
    try {
      const report = await runProbe(
        {
          target: `${app.url}/auth/wechat?next=/me`,
          emulator: emu.url,
          // The usual address (127.0.0.1:3900) is played by the other emulator: the test cannot hold 3900.
          usualEmulator: other.url,
          only: ['login.completes', 'code.exchanged_once'],
          reloadDelayMs: 0,
          timeoutMs: 5_000,
          exchangeDelayMs: 100,
          signal: new AbortController().signal,
        },
        { scenario: () => undefined, note: () => undefined },
      );
      const login = report.checks.find((c) => c.id === 'login.completes')!;
      expect(login.status).toBe('fail');
      expect(tr('en', login.message)).toBe(`The login does not complete: the callback /auth/callback sent its code not to this emulator but to another one, ${other.url}, which answered errcode 40029: a code is good only at the emulator that issued it, so no one is signed in (last page HTTP 400).`);
      expect(tr('en', login.fix!)).toBe(`The app’s authorize link is on this emulator, ${emu.url}, but its API host (where it exchanges codes) is still ${other.url}, most likely left from an earlier run. Aim the app’s (or its SDK’s) API host at ${emu.url} too, restart the app and run probe again.`);
      expect(tr('zh', login.message)).toContain(`而是发到了另一个模拟器 ${other.url}，得到 errcode 40029`);
      expect(tr('zh', login.fix!)).toContain(`API 地址（换取 code 的地方）却还是 ${other.url}`);
      const once = report.checks.find((c) => c.id === 'code.exchanged_once')!;
      expect(once.status).toBe('skip');
      expect(tr('en', once.message)).toBe(`On the happy path the callback /auth/callback exchanged the code at another emulator, ${other.url} (errcode 40029), not at this one (see login.completes), so this cannot be judged.`);
      expect(tr('zh', once.message)).not.toContain('没有换取 code');
    } finally {
      await app.close();
    }
  });

  it('an app that exchanges nothing anywhere is still said to have called no /sns/oauth2/access_token', async () => {
    const appid = DEFAULT_APPIDS.test;
    // Its API host is a port where nothing listens: the other emulator's log has no exchange of it.
    const app = await startProbeApp('correct', { emulator: emu.url, appid, secret: emu.apps.find((a) => a.appid === appid)!.secret, apiBase: 'http://127.0.0.1:9', noRetry: true });
    try {
      const report = await runProbe(
        { target: `${app.url}/auth/wechat?next=/me`, emulator: emu.url, usualEmulator: other.url, only: ['login.completes'], reloadDelayMs: 0, timeoutMs: 5_000, exchangeDelayMs: 100, signal: new AbortController().signal },
        { scenario: () => undefined, note: () => undefined },
      );
      expect(report.checks.find((c) => c.id === 'login.completes')!.message.key).toBe('probe.login.completes.no_exchange');
    } finally {
      await app.close();
    }
  });

  it('an exchange the other emulator logged before the run is not this login\'s, even with its clock advanced', async () => {
    const appid = DEFAULT_APPIDS.test;
    // The other emulator's clock moved two hours on (as a test of token expiry does)…
    const advanced = await fetch(`${other.url}/__emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance: 7200 }) });
    expect(advanced.ok).toBe(true);
    // …then an exchange of the same appid there (a code it never issued: 40029), before this run: its
    // logged time, on that clock, is later than this machine's now.
    const secret = other.apps.find((a) => a.appid === appid)!.secret;
    const earlier = await fetch(`${other.url}/sns/oauth2/access_token?appid=${appid}&secret=${secret}&code=earlier&grant_type=authorization_code`);
    expect(((await earlier.json()) as { errcode?: number }).errcode).toBe(40029);
    const app = await startProbeApp('correct', { emulator: emu.url, appid, secret: emu.apps.find((a) => a.appid === appid)!.secret, apiBase: 'http://127.0.0.1:9', noRetry: true });
    try {
      const report = await runProbe(
        { target: `${app.url}/auth/wechat?next=/me`, emulator: emu.url, usualEmulator: other.url, only: ['login.completes'], reloadDelayMs: 0, timeoutMs: 5_000, exchangeDelayMs: 100, signal: new AbortController().signal },
        { scenario: () => undefined, note: () => undefined },
      );
      const login = report.checks.find((c) => c.id === 'login.completes')!;
      expect(login.message.key).toBe('probe.login.completes.no_exchange');
      expect(tr('en', login.message)).not.toContain(other.url);
    } finally {
      await app.close();
      await fetch(`${other.url}/__emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reset: true }) });
    }
  });
});

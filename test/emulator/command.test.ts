// `wxauth emulator` as the registry runs it (options parser, run, presenter) with a fake context: what
// it prints, that it serves until the signal aborts, and how bad flags fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { parseOptions } from '../../src/commands/emulator.js';
import type { Context } from '../../src/context.js';
import { Output } from '../../src/ui/output.js';
import { UsageError } from '../../src/errors.js';
import { get } from './helpers.js';
import { tr } from '../../src/ui/i18n.js';
import { startEmulator } from '../../src/emulator/index.js';

function fakeContext(json: boolean, lang: 'zh' | 'en' = 'en') {
  let stdout = '';
  let stderr = '';
  const out = new Output({
    lang,
    json,
    color: false,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  const controller = new AbortController();
  const ctx = { lang, out, globals: {}, env: {}, interactive: false, now: () => Date.now(), signal: controller.signal, sayHeldWarnings: () => undefined } as unknown as Context;
  return { ctx, controller, stdout: () => stdout, stderr: () => stderr };
}

const emulator = COMMANDS.find((c) => c.name === 'emulator')!;

function run(ctx: Context, opts: Record<string, unknown>) {
  return emulator.execute({ args: [], opts }, ctx);
}

function toOptions(opts: Record<string, unknown>) {
  return parseOptions({ args: [], opts });
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('wxauth emulator', () => {
  it('prints the base URL on stdout, the apps and env lines on stderr, serves until aborted, returns 0', async () => {
    const f = fakeContext(false);
    const done = run(f.ctx, { port: '0' });
    await waitFor(() => f.stdout().includes('\n'));
    const url = f.stdout().trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(f.stderr()).toContain(`export WXAUTH_API_BASE=${url} WXAUTH_OPEN_BASE=${url} WXAUTH_TYPE=service WXAUTH_APPID=wx5e1ec0de00000001 WXAUTH_SECRET=5e1ec0de5e1ec0de5e1ec0de00000001 WXAUTH_DOMAIN=localhost`);
    // Every line but the subscription account's is ready for url and login: the test account's first
    // (its callback has a port, which any user may listen on), then those on port 80, said so.
    const lines = f.stderr().split('\n').filter((l) => l.startsWith('  export '));
    expect(lines.map((l) => /WXAUTH_TYPE=(\w+)/.exec(l)?.[1])).toEqual(['test', 'service', 'website', 'subscription']);
    expect(lines[0]).toContain('WXAUTH_DOMAIN=127.0.0.1:8080 WXAUTH_REDIRECT_URI=http://127.0.0.1:8080/callback');
    expect(lines[1]).toContain('WXAUTH_DOMAIN=localhost WXAUTH_REDIRECT_URI=http://localhost/callback');
    expect(f.stderr()).toContain('A line whose redirect URI has no port calls back on port 80');
    expect(f.stderr()).toContain(`--api-base ${url} --open-base ${url}`);
    expect(f.stderr()).toContain('u2  李四');
    // A subscription account has no web authorization: no callback domain in its line.
    expect(f.stderr()).toContain(`WXAUTH_TYPE=subscription WXAUTH_APPID=wx5e1ec0de00000004 WXAUTH_SECRET=5e1ec0de5e1ec0de5e1ec0de00000004\n`);
    expect((await get(url, '/sns/auth?access_token=a&openid=b')).json.errcode).toBe(40014);
    f.controller.abort();
    expect(await done).toBe(0);
    expect(f.stderr()).toContain('WeChat emulator stopped.');
    await expect(fetch(url + '/sns/auth')).rejects.toThrow();
  });

  it("--host '[::1]' (an IPv6 address written as in a URL) serves on ::1 as --host ::1 does, not 'does not resolve (ENOTFOUND)'", async (t) => {
    const ipv6 = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(0, '::1', () => server.close(() => resolve(true)));
    });
    if (!ipv6) t.skip();
    expect(toOptions({ host: '[::1]' }).host).toBe('::1');
    const f = fakeContext(false);
    const done = run(f.ctx, { port: '0', host: '[::1]' });
    await waitFor(() => f.stdout().includes('\n') || f.stderr().includes('✖'));
    const url = f.stdout().trim();
    expect(url, f.stderr()).toMatch(/^http:\/\/\[::1\]:\d+$/);
    expect((await get(url, '/sns/auth?access_token=a&openid=b')).json.errcode).toBe(40014);
    f.controller.abort();
    expect(await done).toBe(0);
  });

  it('--caller-ip without any app whose whitelist could refuse it says so', async () => {
    const f = fakeContext(false);
    const done = run(f.ctx, { port: '0', callerIp: '203.0.113.9' });
    await waitFor(() => f.stderr().includes('Press Ctrl-C'));
    expect(f.stderr()).toContain('--caller-ip 203.0.113.9: no seeded app has an IP whitelist, so no call is refused (40164)');
    f.controller.abort();
    expect(await done).toBe(0);
  });

  it('--ip-whitelist gives an app a whitelist: its /cgi-bin/ calls from elsewhere get 40164, said at start; a reset keeps it', async () => {
    const f = fakeContext(false);
    const done = run(f.ctx, { port: '0', ipWhitelist: ['wx5e1ec0de00000001=203.0.113.10'], callerIp: '198.51.100.7' });
    await waitFor(() => f.stderr().includes('Press Ctrl-C'));
    expect(f.stderr()).toContain('wx5e1ec0de00000001 has an IP whitelist, 203.0.113.10: other callers get 40164 from /cgi-bin/ calls.');
    expect(f.stderr()).not.toContain('no seeded app has an IP whitelist');
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(f.stderr())![0];
    const token = () => fetch(`${url}/cgi-bin/token?grant_type=client_credential&appid=wx5e1ec0de00000001&secret=5e1ec0de5e1ec0de5e1ec0de00000001`).then((r) => r.json() as Promise<{ errcode?: number; errmsg?: string }>);
    expect(await token()).toMatchObject({ errcode: 40164, errmsg: expect.stringContaining('invalid ip 198.51.100.7') });
    await fetch(`${url}/__emulator/reset`, { method: 'POST', body: '{}' });
    await fetch(`${url}/__emulator/switches`, { method: 'POST', body: JSON.stringify({ callerIp: '198.51.100.7' }) });
    expect((await token()).errcode).toBe(40164);
    f.controller.abort();
    expect(await done).toBe(0);
  });

  it('--ip-whitelist that is not appid=IP, or names an appid the seed lacks: a usage error that says which', async () => {
    expect(() => toOptions({ ipWhitelist: ['wx5e1ec0de00000001=not-an-ip'] })).toThrow(UsageError);
    expect(() => toOptions({ ipWhitelist: ['1.2.3.4'] })).toThrow(UsageError);
    // A bare IP after a pair is that app's.
    expect(toOptions({ ipWhitelist: ['wx5e1ec0de00000001=1.2.3.4,5.6.7.8'] }).emulator.ipWhitelists).toEqual({ wx5e1ec0de00000001: ['1.2.3.4', '5.6.7.8'] });
    const f = fakeContext(false);
    const error = await run(f.ctx, { port: '0', ipWhitelist: ['wx00000000000000ff=1.2.3.4'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(tr('en', (error as UsageError).messageRef)).toContain('--ip-whitelist names wx00000000000000ff, which is not an app of the seed');
  });

  it('--json prints exactly one line first: url, apps, users', async () => {
    const f = fakeContext(true);
    const done = run(f.ctx, { port: '0', fault: ['busy@/cgi-bin/token'], domain: 'wx5e1ec0de00000001=127.0.0.1:5000' });
    await waitFor(() => f.stdout().includes('\n'));
    const lines = f.stdout().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!) as { url: string; apps: Array<Record<string, unknown>>; users: Array<Record<string, unknown>> };
    expect(Object.keys(doc).slice(0, 1)).toEqual(['url']);
    expect(doc.apps.map((a) => a.type)).toEqual(['service', 'test', 'website', 'subscription']);
    expect(doc.apps[0]).toMatchObject({ appid: 'wx5e1ec0de00000001', secret: '5e1ec0de5e1ec0de5e1ec0de00000001', domain: ['127.0.0.1:5000'] });
    expect(doc.users[0]).toMatchObject({ id: 'u1', nickname: '张三' });
    expect(String((doc.users[0]!.openids as Record<string, string>).wx5e1ec0de00000001)).toMatch(/^o.{27}$/);
    expect((await get(doc.url, '/cgi-bin/token')).json.errcode).toBe(-1);
    expect(f.stderr()).toBe('');
    f.controller.abort();
    expect(await done).toBe(0);
    expect(f.stdout().split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('an unverified service account\'s line has no callback, as a subscription account\'s has none (10005: no web authorization); the seed says which scopes each can get', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-seed-'));
    const file = path.join(dir, 'seed.json');
    const app = (n: string, type: string, verified?: boolean) => ({ appid: `wx5e1ec0de000000${n}`, secret: `5e1ec0de5e1ec0de5e1ec0de000000${n}`, type, ...(verified !== undefined ? { verified } : {}), domain: 'localhost' });
    fs.writeFileSync(file, JSON.stringify({ apps: [app('a1', 'service', false), app('a2', 'service'), app('a4', 'subscription')], users: [{ id: 'u1', nickname: 'A' }] }));
    try {
      const f = fakeContext(false);
      const done = run(f.ctx, { port: '0', seed: file });
      await waitFor(() => f.stderr().includes('Ctrl-C'));
      const url = f.stdout().trim();
      const lines = f.stderr().split('\n').filter((l) => l.startsWith('  export '));
      const lineOf = (n: string) => lines.find((l) => l.includes(`WXAUTH_APPID=wx5e1ec0de000000${n} `))!;
      // A seed file's secrets are listed masked (cli.test.ts says why).
      expect(lineOf('a1')).toBe(`  export WXAUTH_API_BASE=${url} WXAUTH_OPEN_BASE=${url} WXAUTH_TYPE=service WXAUTH_APPID=wx5e1ec0de000000a1 WXAUTH_SECRET=5e1e***`);
      expect(lineOf('a4')).toBe(`  export WXAUTH_API_BASE=${url} WXAUTH_OPEN_BASE=${url} WXAUTH_TYPE=subscription WXAUTH_APPID=wx5e1ec0de000000a4 WXAUTH_SECRET=5e1e***`);
      expect(lineOf('a2')).toMatch(/ WXAUTH_DOMAIN=localhost WXAUTH_REDIRECT_URI=http:\/\/localhost\/callback$/);
      // The page reads the same lines, and labels a domain by the scopes an app can get (none: a JS-safe domain only).
      const apps = (await get(url, '/__emulator/seed')).json.apps as Array<{ appid: string; env: string; scopes: string[] }>;
      expect(apps.map((a) => [a.appid.slice(-2), a.scopes])).toEqual([['a1', []], ['a2', ['snsapi_base', 'snsapi_userinfo']], ['a4', []]]);
      // (The page's API gives the secret whole; the listing masks a seed file's.)
      expect(apps.map((a) => `  ${a.env}`.replace(/(WXAUTH_SECRET=.{4})\S*/, '$1***'))).toEqual([lineOf('a1'), lineOf('a2'), lineOf('a4')]);
      f.controller.abort();
      expect(await done).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // A seed without a test account: an unverified 服务号 (a1), a verified one (a2), a 订阅号 (a4).
  const NO_TEST_SEED = (() => {
    const app = (n: string, type: string, verified?: boolean) => ({ appid: `wx5e1ec0de000000${n}`, secret: `5e1ec0de5e1ec0de5e1ec0de000000${n}`, type, ...(verified !== undefined ? { verified } : {}), domain: 'localhost' });
    return JSON.stringify({ apps: [app('a1', 'service', false), app('a2', 'service'), app('a4', 'subscription')], users: [{ id: 'u1', nickname: 'A' }] });
  })();

  /** The start-up banner with `opts` (a `seed` given as its JSON text), and the line right under an app's export line. */
  async function banner(lang: 'en' | 'zh', opts: Record<string, unknown>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-seed-'));
    try {
      const seed = typeof opts.seed === 'string' ? path.join(dir, 'seed.json') : undefined;
      if (seed) fs.writeFileSync(seed, opts.seed as string);
      const f = fakeContext(false, lang);
      const done = run(f.ctx, { port: '0', ...opts, ...(seed ? { seed } : {}) });
      await waitFor(() => f.stderr().includes('Ctrl-C'));
      f.controller.abort();
      expect(await done).toBe(0);
      const lines = f.stderr().split('\n');
      const under = (appid: string) => lines[lines.findIndex((l) => l.startsWith('  export ') && l.includes(`WXAUTH_APPID=${appid} `)) + 1];
      return { text: f.stderr(), under };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('under the line of an app without web authorization the banner says why, that url/login get 10005, and what it is good for (en, zh)', async () => {
    const en = await banner('en', { seed: NO_TEST_SEED });
    expect(en.under('wx5e1ec0de000000a1')).toBe('    ↑ an unverified service account has no web authorization: url / login get 10005 from WeChat; good for the basic access_token (wxauth token) and JS-SDK (wxauth jssdk).');
    expect(en.under('wx5e1ec0de000000a4')).toBe('    ↑ a subscription account has no web authorization: url / login get 10005 from WeChat; good for the basic access_token (wxauth token) and JS-SDK (wxauth jssdk).');
    expect(en.under('wx5e1ec0de000000a2')).toMatch(/^ {2}export /);
    const zh = await banner('zh', { seed: NO_TEST_SEED });
    expect(zh.under('wx5e1ec0de000000a1')).toBe('    ↑ 未认证的服务号没有网页授权权限：url / login 会被微信以 10005 拒绝；可用于基础 access_token（wxauth token）和 JS-SDK（wxauth jssdk）。');
    expect(zh.under('wx5e1ec0de000000a4')).toBe('    ↑ 订阅号没有网页授权权限：url / login 会被微信以 10005 拒绝；可用于基础 access_token（wxauth token）和 JS-SDK（wxauth jssdk）。');
  });

  it('the port-80 note offers the test account’s line only when the seed has one, else a domain that takes any port (en, zh)', async () => {
    const en = await banner('en', { seed: NO_TEST_SEED });
    expect(en.text).not.toContain('test account’s line');
    expect(en.text).toContain('where it cannot, give the app a domain that takes any port (--domain "wx5e1ec0de000000a2=localhost:*", or "domain": "localhost:*" in the seed file) and run wxauth login --host localhost --port 0.');
    const zh = await banner('zh', { seed: NO_TEST_SEED });
    expect(zh.text).toContain('监听不了时给应用一个任意端口的域名（--domain "wx5e1ec0de000000a2=localhost:*"');
    expect(zh.text).not.toContain('测试号那一行');
    // The built-in seed has a test account: its line is the way past port 80.
    expect((await banner('en', {})).text).toContain('where it cannot, use the test account’s line (its domain has a port).');
    expect((await banner('zh', {})).text).toContain('监听不了时用测试号那一行');
  });

  it('a seeded nickname or app name with a line break or a control character stays on its line, escaped (no ESC reaches the terminal)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-seed-'));
    const file = path.join(dir, 'seed.json');
    const app = { appid: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef', type: 'test', name: 'App\x1b[31m\u202eX', domain: '127.0.0.1:5000' };
    fs.writeFileSync(file, JSON.stringify({ apps: [app], users: [{ id: 'eve', nickname: 'Eve\n  u9  Mallory\r\x1b[2J' }] }));
    try {
      const f = fakeContext(false);
      const done = run(f.ctx, { port: '0', seed: file });
      await waitFor(() => f.stderr().includes('Ctrl-C'));
      f.controller.abort();
      expect(await done).toBe(0);
      const userLines = f.stderr().split('\n').filter((line) => line.startsWith('  eve') || line.includes('Mallory'));
      expect(userLines).toEqual(['  eve  Eve\\n  u9  Mallory\\r\\x1b[2J  follows nothing']);
      expect(f.stderr()).toMatch(/^test {2}wx0123456789abcdef {2}\S+ +127\.0\.0\.1:5000 {2}App\\x1b\[31m\\u202eX$/m);
      expect(f.stderr()).not.toContain('\x1b');
      expect(f.stderr()).not.toContain('\u202e');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a port in use is a usage error naming the port, and the port it suggests is free (not the next one, also taken)', async () => {
    // Two busy ports in a row: the one asked for, and the one after it.
    const listen = (server: ReturnType<typeof createServer>, at: number) =>
      new Promise<boolean>((resolve) => {
        server.once('error', () => resolve(false));
        server.listen(at, '127.0.0.1', () => resolve(true));
      });
    let blocker = createServer();
    let next = createServer();
    let port = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      await listen(blocker, 0);
      port = (blocker.address() as { port: number }).port;
      if (port < 65_534 && (await listen(next, port + 1))) break;
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      blocker = createServer();
      next = createServer();
    }
    try {
      const f = fakeContext(false);
      const error = await run(f.ctx, { port: String(port) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).messageRef).toEqual({ key: 'emulator.port.inUse', params: { port } });
      const suggested = ((error as UsageError).hint?.params as { next: number }).next;
      expect(suggested).toBeGreaterThan(port + 1);
      const probe = createServer();
      expect(await listen(probe, suggested)).toBe(true);
      probe.close();
    } finally {
      blocker.close();
      next.close();
    }
  });

  it('a port held by another wxauth emulator says so and names its page, so the user can use the one already running', async () => {
    const first = await startEmulator({ port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      const error = await run(fakeContext(false).ctx, { port: String(port) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).messageRef).toEqual({ key: 'emulator.port.inUse.emulator', params: { port, url: `http://127.0.0.1:${port}` } });
      expect(tr('zh', (error as UsageError).messageRef)).toContain(`端口 ${port} 上已经有一个 wxauth 模拟器在运行`);
    } finally {
      await first.close();
    }
  });

  it.each([
    [{ port: '-1' }, 'emulator.port.invalid'],
    [{ port: 'abc' }, 'emulator.port.invalid'],
    [{ contentType: 'xml' }, 'emulator.option.invalid'],
    [{ ridStyle: 'uuid' }, 'emulator.option.invalid'],
    [{ expiredCodeErrcode: '40163' }, 'emulator.option.invalid'],
    [{ fault: ['delay'] }, 'emulator.fault.problem.delayNeedsMs'],
    [{ domain: 'localhost' }, 'emulator.domain.invalid'],
    [{ set: 'profileEra=1999' }, 'emulator.option.invalid'],
  ])('rejects %o', (opts, key) => {
    expect(() => toOptions(opts)).toThrow(UsageError);
    try {
      toOptions(opts);
    } catch (error) {
      expect((error as UsageError).messageRef.key).toBe(key);
    }
  });

  it('turns flags into switches', () => {
    const o = toOptions({ contentType: 'text', ridStyle: 'hints', expiredCodeErrcode: '42003', denyBehaviour: 'no-redirect', unknownPath: '404', paramOrderCheck: false, callerIp: '10.0.0.1', set: 'profileEra=legacy,stateLengthCheck=false' });
    expect(o.port).toBe(3900);
    expect(o.emulator.switches).toEqual({
      contentType: 'text',
      ridStyle: 'hints',
      expiredCodeErrcode: 42003,
      denyBehaviour: 'no-redirect',
      unknownPath: '404',
      paramOrderCheck: false,
      callerIp: '10.0.0.1',
      profileEra: 'legacy',
      stateLengthCheck: false,
    });
  });

  it('--set takes the ⚠ switches authExpiredErrcode, tokenBadSecretErrcode and minuteQuotaErrmsg, and refuses other values', () => {
    const o = toOptions({ set: 'authExpiredErrcode=40014,tokenBadSecretErrcode=40001,minuteQuotaErrmsg=doc-table' });
    expect(o.emulator.switches).toEqual({ authExpiredErrcode: 40014, tokenBadSecretErrcode: 40001, minuteQuotaErrmsg: 'doc-table' });
    expect(toOptions({ set: 'authExpiredErrcode=42001,tokenBadSecretErrcode=40125' }).emulator.switches).toEqual({ authExpiredErrcode: 42001, tokenBadSecretErrcode: 40125 });
    for (const bad of ['authExpiredErrcode=40001', 'tokenBadSecretErrcode=40013', 'minuteQuotaErrmsg=x']) expect(() => toOptions({ set: bad })).toThrow(UsageError);
  });

  // The ⚠ switches of §0.4, §4, §5 and §11: name, default, the other value, a value refused.
  it.each([
    ['reusedCodeErrcode', 40163, 40029, '42003'],
    ['refreshTokenDays', 30, 180, '90'],
    ['refreshRenews', false, true, 'yes'],
    ['snsRidErrcode', 76001, 76022, '76003'],
    ['credentialErrmsg', 'space', 'comma', '2022'],
  ] as const)('--set takes %s (default %s, or %s) and refuses %s with a usage error (exit 2)', (name, dflt, other, bad) => {
    expect(toOptions({ set: `${name}=${String(other)}` }).emulator.switches).toEqual({ [name]: other });
    expect(toOptions({ set: `${name}=${String(dflt)}` }).emulator.switches).toEqual({ [name]: dflt });
    expect(() => toOptions({ set: `${name}=${bad}` })).toThrow(UsageError);
  });

  it('--set contentType=json-charset (§0.2 ⚠) is taken, contentType=charset refused', () => {
    expect(toOptions({ set: 'contentType=json-charset' }).emulator.switches).toEqual({ contentType: 'json-charset' });
    expect(() => toOptions({ set: 'contentType=charset' })).toThrow(UsageError);
  });

  it('--set redirectErrorWording=by-user-agent|mobile|pc (§1.5 ⚠) is taken, other values refused', () => {
    for (const v of ['by-user-agent', 'mobile', 'pc']) expect(toOptions({ set: `redirectErrorWording=${v}` }).emulator.switches).toEqual({ redirectErrorWording: v });
    expect(() => toOptions({ set: 'redirectErrorWording=windows' })).toThrow(UsageError);
  });

  it('--set snapshotFlag=missing-first (§4 ⚠) is taken, snapshotFlag=never refused', () => {
    expect(toOptions({ set: 'snapshotFlag=missing-first' }).emulator.switches).toEqual({ snapshotFlag: 'missing-first' });
    expect(() => toOptions({ set: 'snapshotFlag=never' })).toThrow(UsageError);
  });

  it('--set dailyQuotaErrmsg=freq-out (JSSDK-FACTS §1.2 ⚠) is taken, dailyQuotaErrmsg=old refused', () => {
    expect(toOptions({ set: 'dailyQuotaErrmsg=freq-out' }).emulator.switches).toEqual({ dailyQuotaErrmsg: 'freq-out' });
    expect(() => toOptions({ set: 'dailyQuotaErrmsg=old' })).toThrow(UsageError);
  });

  it('--set forcePopupEffect=snapshot (§1.1 ⚠) is taken, forcePopupEffect=popup refused', () => {
    expect(toOptions({ set: 'forcePopupEffect=snapshot' }).emulator.switches).toEqual({ forcePopupEffect: 'snapshot' });
    expect(() => toOptions({ set: 'forcePopupEffect=popup' })).toThrow(UsageError);
  });

  it('a domain override for an appid the seed lacks is a usage error (a bad flag, not a bad seed)', async () => {
    const f = fakeContext(false);
    await expect(run(f.ctx, { port: '0', domain: 'wx0000000000000000=localhost' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('a --set item refused', () => {
  const refusal = (set: string) => {
    try {
      toOptions({ set });
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return { message: tr('en', (error as UsageError).messageRef), hint: tr('en', (error as UsageError).hint!) };
    }
    throw new Error(`--set ${set} was taken`);
  };
  it('a known switch with a bad value lists that switch’s values only', () => {
    const r = refusal('refreshTokenDays=90');
    expect(r.hint).toBe('Allowed values: refreshTokenDays=30|180.');
  });
  it('a mistyped name gets the closest switch and its values', () => {
    const r = refusal('refreshTokenDay=180');
    expect(r.message).toBe('--set: there is no switch named refreshTokenDay.');
    expect(r.hint).toBe('Did you mean refreshTokenDays? Its values: refreshTokenDays=30|180.');
  });
  it('spaces around = are read past (a quoted "name = value")', () => {
    expect(toOptions({ set: 'tokenKeyOrder = expires-last' }).emulator.switches).toMatchObject({ tokenKeyOrder: 'expires-last' });
  });
  it('the start of one switch name only gets that switch', () => {
    expect(refusal('ticketGrace=300').hint).toBe('Did you mean ticketGraceSeconds? Its values: ticketGraceSeconds=0|300|3600.');
    // The start of several names suggests none of them.
    expect(refusal('refresh=30').hint).toContain('The switches: contentType,');
  });
  it('a name like none of them lists the names', () => {
    const r = refusal('nonsense=1');
    expect(r.hint).toContain('The switches: contentType, ridStyle,');
    expect(r.hint).toContain('callerIp.');
  });
});

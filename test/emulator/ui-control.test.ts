// The emulator's page and the control endpoints it added (issue 16), over HTTP without a browser: where
// the page is served and how it is locked down, GET /__emulator/user, /qr, the clock offset and reset,
// the switches' allowed values, the seed's export lines, and the live log (GET /__emulator/events, a
// server-sent event stream) with GET /__emulator/requests/<n>'s masked full request and answer.
import { describe, expect, it } from 'vitest';
import { exportLine } from '../../src/emulator/ui-api.js';
import { DEFAULT_APPIDS, startEmulator } from '../../src/emulator/index.js';
import { maskSecrets } from '../../src/emulator/ui-events.js';
import { pickUiLang } from '../../src/emulator/ui-text.js';
import { T0, get, portOf, post, rawRequest, useEmulator } from './helpers.js';
import { runCli, tempConfigDir } from '../e2e/helpers.js';

const SVC = DEFAULT_APPIDS.service;
const WEB = DEFAULT_APPIDS.website;
const SVC_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';

const emu = useEmulator();

const exchange = (code: string, headers: Record<string, string> = {}) =>
  get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=${code}&grant_type=authorization_code`, { headers });

const qrconnect = (state = 'st') =>
  get(emu.url, `/connect/qrconnect?appid=${WEB}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&response_type=code&scope=snsapi_login&state=${state}`);

interface SseEvent {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** A real subscription to /__emulator/events, read frame by frame. */
async function subscribe(headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(`${emu.url}/__emulator/events`, { headers, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  let done = false;
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => /^(event|id|data):/.test(l)).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
          if (fields.event) events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? '{}') as Record<string, unknown> });
        }
      }
    } catch {
      // aborted
    } finally {
      done = true;
    }
  })();
  /** Resolve once `count` events satisfy `match` (polling the buffer; the stream itself is the event). */
  const waitFor = async (match: (e: SseEvent) => boolean, count = 1): Promise<SseEvent[]> => {
    for (let i = 0; i < 500; i++) {
      const found = events.filter(match);
      if (found.length >= count) return found;
      if (done) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no such event; saw ${JSON.stringify(events)}`);
  };
  // Until the emulator has seen the subscriber go, it still keeps details of new requests.
  const close = async () => {
    controller.abort();
    await pump;
    for (let i = 0; i < 500 && (await get(emu.url, '/__emulator/stats')).json.subscribers !== 0; i++) await new Promise((r) => setTimeout(r, 10));
  };
  return { events, waitFor, close };
}

describe('the page: GET / and GET /__emulator/ui', () => {
  it('is one self-contained document under a strict CSP whose nonce is the only way in', async () => {
    for (const path of ['/', '/__emulator/ui']) {
      const page = await get(emu.url, path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
      expect(csp).toContain(`style-src 'nonce-${nonce}'`);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      // Every executable script and every style carries the nonce; nothing is loaded from elsewhere.
      const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.filter((a) => !a.includes('type="application/json"'))).toEqual([` nonce="${nonce}"`]);
      expect([...page.text.matchAll(/<style([^>]*)>/g)].map((m) => m[1])).toEqual([` nonce="${nonce}"`]);
      expect(page.text).not.toMatch(/\s(src|href)="(https?:)?\/\//);
      expect(page.text).not.toMatch(/\son[a-z]+=/i);
      expect(page.text).not.toContain('innerHTML');
    }
    // A fresh nonce each time.
    const a = (await get(emu.url, '/')).headers.get('content-security-policy');
    const b = (await get(emu.url, '/')).headers.get('content-security-policy');
    expect(a).not.toBe(b);
  });

  it('is the emulator\'s own: not logged, not subject to faults', async () => {
    expect((await post(emu.url, '/__emulator/faults', { spec: '500' })).json.ok).toBe(true);
    expect((await get(emu.url, '/')).status).toBe(200);
    expect((await get(emu.url, '/__emulator/ui')).status).toBe(200);
    expect(emu.requests()).toEqual([]);
    // Only GET / is the page; anything else sent to / is a client's request, answered and logged as before.
    await post(emu.url, '/__emulator/faults', { faults: [], replace: true });
    const posted = await post(emu.url, '/', {});
    expect(posted.status).toBe(404);
    expect(posted.text).toContain('nginx');
    expect(emu.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /']);
  });

  it('is served only on the emulator\'s address: `/` for another Host stays WeChat\'s 404, the ui path is refused', async () => {
    const port = portOf(emu.url);
    const root = await rawRequest(port, '/', { headers: { host: 'open.weixin.qq.com' } });
    expect(root.status).toBe(404);
    expect(root.body).toContain('nginx');
    expect(root.body).not.toContain('wxauth');
    const ui = await rawRequest(port, '/__emulator/ui', { headers: { host: `evil.example:${port}` } });
    expect(ui.status).toBe(403);
    expect(ui.body).not.toContain('<script');
    const events = await rawRequest(port, '/__emulator/events', { headers: { host: `evil.example:${port}` } });
    expect(events.status).toBe(403);
    // The refused `/` is a client request like any other, and is logged as before.
    expect(emu.requests().map((r) => r.path)).toEqual(['/']);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect((await rawRequest(port, '/', { headers: { host } })).status, host).toBe(200);
  });

  it('speaks the language of Accept-Language, or of ?lang=', async () => {
    const zh = await get(emu.url, '/', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(zh.text).toContain('<html lang="zh-CN">');
    expect(zh.text).toContain('<title>wxauth 微信模拟器</title>');
    const en = await get(emu.url, '/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('<title>wxauth WeChat emulator</title>');
    expect((await get(emu.url, '/?lang=zh', { headers: { 'accept-language': 'en' } })).text).toContain('<html lang="zh-CN">');
  });

  it('labels every switch GET /__emulator/switches lists, in zh and in en (the ⚠ switches of §0.4, §4, §5 and §11 included)', async () => {
    const page = (await get(emu.url, '/?lang=zh')).text;
    const boot = JSON.parse(/<script type="application\/json" id="boot">([\s\S]*?)<\/script>/.exec(page)![1]!) as { switches: Record<string, { zh: string; en: string }> };
    const listed = Object.keys(((await get(emu.url, '/__emulator/switches')).json as { values: Record<string, unknown> }).values);
    expect(listed).toEqual(expect.arrayContaining(['reusedCodeErrcode', 'refreshTokenDays', 'refreshRenews', 'snsRidErrcode', 'credentialErrmsg']));
    for (const name of listed) {
      expect(boot.switches[name]?.zh, name).toMatch(/[\u4e00-\u9fff]/);
      expect(boot.switches[name]?.en, name).toMatch(/^[A-Za-z0-9/]/);
    }
  });

  it('a switch whose values are bare words says what each one does, in zh and in en (contentType listed no json or text; stateLengthCheck’s zh read “所有客户端、都不拒绝”)', async () => {
    const page = (await get(emu.url, '/?lang=zh')).text;
    const boot = JSON.parse(/<script type="application\/json" id="boot">([\s\S]*?)<\/script>/.exec(page)![1]!) as { switches: Record<string, { zh: string; en: string }> };
    const values = ((await get(emu.url, '/__emulator/switches')).json as { values: Record<string, unknown[]> }).values;
    for (const name of ['contentType', 'refreshRenews']) {
      for (const value of values[name]!) for (const lang of ['zh', 'en'] as const) expect(boot.switches[name]![lang], `${name} ${lang}`).toContain(`${String(value)} = `);
    }
    for (const value of values.stateLengthCheck!) for (const lang of ['zh', 'en'] as const) expect(boot.switches.stateLengthCheck![lang], lang).toMatch(new RegExp(`[（(]${String(value)}[）),，]`));
    expect(boot.switches.stateLengthCheck!.zh).toContain('所有客户端都拒绝（true）、都不拒绝（false），或只有 PC 微信拒绝（pc-only');
  });

  it.each([
    [null, undefined, 'en'],
    [null, 'zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    [null, 'en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    [null, 'fr-FR,zh-TW;q=0.7,en;q=0.5', 'zh'],
    [null, 'en;q=0.3,zh;q=0.6', 'zh'],
    [null, 'zh;q=0', 'en'],
    ['en', 'zh-CN', 'en'],
    ['de', 'zh-CN', 'zh'],
  ] as const)('pickUiLang(%s, %s) = %s', (param, header, lang) => {
    expect(pickUiLang(param, header)).toBe(lang);
  });
});

describe('control endpoints the page uses', () => {
  it('GET /__emulator/user says who "you" are', async () => {
    expect((await get(emu.url, '/__emulator/user')).json).toEqual({ ok: true, user: 'u1' });
    await post(emu.url, '/__emulator/user', { user: 'u3' });
    expect((await get(emu.url, '/__emulator/user')).json).toEqual({ ok: true, user: 'u3' });
  });

  it('GET /__emulator/qr lists QR logins waiting for a scan until they are confirmed, cancelled or expire', async () => {
    expect((await get(emu.url, '/__emulator/qr')).json).toEqual({ ok: true, sessions: [] });
    await qrconnect('first');
    await qrconnect('second');
    const sessions = (await get(emu.url, '/__emulator/qr')).json.sessions as Array<Record<string, unknown>>;
    expect(sessions.map((s) => s.state)).toEqual(['second', 'first']);
    expect(sessions[0]).toMatchObject({ appid: WEB, name: '示例网站应用', redirectUri: 'http://localhost/cb', status: 408, createdAt: new Date(T0).toISOString() });
    expect((await post(emu.url, '/__emulator/scan', { uuid: sessions[0]!.uuid, action: 'confirm' })).json.status).toBe(405);
    expect(((await get(emu.url, '/__emulator/qr')).json.sessions as unknown[]).length).toBe(1);
    await post(emu.url, '/__emulator/clock', { advance: 300 });
    expect((await get(emu.url, '/__emulator/qr')).json.sessions).toEqual([]);
  });

  it('GET /__emulator/clock says how far the clock was moved; POST {"reset": true} puts it back', async () => {
    expect((await get(emu.url, '/__emulator/clock')).json).toEqual({ ok: true, now: T0, iso: new Date(T0).toISOString(), offset: 0 });
    await post(emu.url, '/__emulator/clock', { advance: 300 });
    await post(emu.url, '/__emulator/clock', { advance: 86_400 * 30 });
    expect((await get(emu.url, '/__emulator/clock')).json).toMatchObject({ now: T0 + 300_000 + 86_400_000 * 30, offset: 300 + 86_400 * 30 });
    expect((await post(emu.url, '/__emulator/clock', { reset: true })).json).toEqual({ ok: true, now: T0, iso: new Date(T0).toISOString(), offset: 0 });
    expect((await post(emu.url, '/__emulator/clock', { reset: 'yes' })).status).toBe(400);
  });

  it('GET /__emulator/switches lists the values each switch takes, and the seed each app\'s export line', async () => {
    const switches = (await get(emu.url, '/__emulator/switches')).json;
    expect((switches.values as Record<string, unknown[]>).ridStyle).toEqual(['rid', 'hints', 'none']);
    expect(Object.keys(switches.values as object)).toEqual(Object.keys(switches.switches as object));
    const apps = (await get(emu.url, '/__emulator/seed')).json.apps as Array<Record<string, unknown>>;
    expect(apps[0]!.env).toBe(
      `export WXAUTH_API_BASE=${emu.url} WXAUTH_OPEN_BASE=${emu.url} WXAUTH_TYPE=service WXAUTH_APPID=${SVC} WXAUTH_SECRET=${SVC_SECRET} WXAUTH_DOMAIN=localhost WXAUTH_REDIRECT_URI=http://localhost/callback`,
    );
    // The test account's domain is a pattern (127.0.0.1:*), which wxauth cannot use: the line gives the
    // host:port a real test account registers for its callback.
    expect(apps[1]!.env).toMatch(/ WXAUTH_DOMAIN=127\.0\.0\.1:8080 WXAUTH_REDIRECT_URI=http:\/\/127\.0\.0\.1:8080\/callback$/);
  });

  // After the test account's line, `wxauth url` asked for a redirect URI and offered www.example.com,
  // which that app answers with 10003; then (new-user trial) every url from it said the callback domain
  // was unknown, and the service-account line had no redirect URI at all (url exit 2). Each line now
  // carries a domain its type could register and a redirect_uri under it.
  it('each export line is ready for wxauth url: a checked domain, a redirect_uri the emulator accepts (no 10003)', async () => {
    const apps = (await get(emu.url, '/__emulator/seed')).json.apps as Array<Record<string, unknown>>;
    const expected: Record<string, string> = { test: 'http://127.0.0.1:8080/callback', service: 'http://localhost/callback', website: 'http://localhost/callback' };
    for (const app of apps) {
      const line = String(app.env);
      const env = Object.fromEntries(line.replace(/^export /, '').split(' ').map((kv) => kv.split('=') as [string, string]));
      if (app.type === 'subscription') {
        // No web authorization (10005): nothing to call back to.
        expect(line).not.toContain('WXAUTH_REDIRECT_URI');
        continue;
      }
      expect(env.WXAUTH_REDIRECT_URI, line).toBe(expected[String(app.type)]);
      for (const lang of ['en', 'zh']) {
        const r = await runCli(['--lang', lang, 'url'], { env: { ...env, WXAUTH_CONFIG_DIR: tempConfigDir() } });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/callback domain is unknown|不知道此账号的授权回调域名/);
        if (lang === 'zh') continue;
        const link = r.stdout.trim();
        expect(link).toContain(`redirect_uri=${encodeURIComponent(expected[String(app.type)]!)}`);
        const authorize = await fetch(link, { redirect: 'manual' });
        if (app.type === 'website') {
          // The QR page, not the 该链接无法访问 / redirect_uri 参数错误 page.
          expect(authorize.status).toBe(200);
          const html = await authorize.text();
          expect(html).not.toContain('redirect_uri 参数错误');
          expect(html).not.toContain('该链接无法访问');
        } else {
          // snsapi_base: WeChat goes straight back to the callback with a code, no 10003 page.
          expect(authorize.status).toBe(302);
          expect(authorize.headers.get('location')!.startsWith(`${expected[String(app.type)]}?code=`)).toBe(true);
        }
      }
    }
  });

  it('an unverified service account (no web authorization: 10005) exports no callback, as a subscription account does; a verified one does', () => {
    const app = { appid: 'wx5e1ec0de00000001', secret: '5e1ec0de5e1ec0de5e1ec0de00000001', domain: ['localhost'] };
    const base = 'export WXAUTH_API_BASE=http://127.0.0.1:3900 WXAUTH_OPEN_BASE=http://127.0.0.1:3900';
    expect(exportLine('http://127.0.0.1:3900', { ...app, type: 'service', verified: false })).toBe(`${base} WXAUTH_TYPE=service WXAUTH_APPID=${app.appid} WXAUTH_SECRET=${app.secret}`);
    expect(exportLine('http://127.0.0.1:3900', { ...app, type: 'subscription', verified: false })).toBe(`${base} WXAUTH_TYPE=subscription WXAUTH_APPID=${app.appid} WXAUTH_SECRET=${app.secret}`);
    expect(exportLine('http://127.0.0.1:3900', { ...app, type: 'service', verified: true })).toMatch(/ WXAUTH_DOMAIN=localhost WXAUTH_REDIRECT_URI=http:\/\/localhost\/callback$/);
  });

  it('a website app opened to any port (--domain APPID=localhost:*) exports its host, which login on a local port needs', () => {
    const line = exportLine('http://127.0.0.1:3900', { type: 'website', verified: true, appid: 'wx5e1ec0de00000003', secret: '5e1ec0de5e1ec0de5e1ec0de00000003', domain: ['localhost:*'] });
    expect(line).toMatch(/ WXAUTH_DOMAIN=localhost WXAUTH_REDIRECT_URI=http:\/\/localhost\/callback$/);
    expect(exportLine('http://127.0.0.1:3900', { type: 'test', verified: true, appid: 'wx5e1ec0de00000002', secret: '5e1ec0de5e1ec0de5e1ec0de00000002', domain: ['127.0.0.1:*'] })).toMatch(/ WXAUTH_DOMAIN=127\.0\.0\.1:8080 /);
  });
});

// A tester's run: `wxauth emulator --domain wx5e1ec0de00000003=localhost:8093` printed
// `WXAUTH_DOMAIN=localhost:8093`, which wxauth refuses for a website app (a 授权回调域 has no port), so
// every command from that line exited 4, advising the very emulator --domain just used. The line now
// gives the domain a real account of the type registers (the host; none for an IP, which only a test
// account registers) and keeps the port in the redirect_uri, which this emulator takes.
describe('export lines of an app whose --domain names a port or an IP', () => {
  const cases: Array<{ type: 'service' | 'website' | 'test'; domain: string; redirect: string; wxDomain?: string }> = [
    { type: 'website', domain: 'localhost:8093', redirect: 'http://localhost:8093/callback', wxDomain: 'localhost' },
    { type: 'service', domain: 'localhost:8093', redirect: 'http://localhost:8093/callback', wxDomain: 'localhost' },
    { type: 'website', domain: '127.0.0.1:8093', redirect: 'http://127.0.0.1:8093/callback' },
    { type: 'service', domain: '127.0.0.1:*', redirect: 'http://127.0.0.1:8080/callback' },
    { type: 'website', domain: '127.0.0.1', redirect: 'http://127.0.0.1/callback' },
    { type: 'test', domain: 'localhost:*', redirect: 'http://localhost:8080/callback', wxDomain: 'localhost:8080' },
  ];
  for (const c of cases) {
    it(`${c.type} with --domain ${c.domain}: wxauth url takes the line (en, zh) and the emulator takes its link`, async () => {
      const appid = DEFAULT_APPIDS[c.type];
      const own = await startEmulator({ clock: () => T0, domainOverrides: { [appid]: c.domain } });
      try {
        const apps = (await get(own.url, '/__emulator/seed')).json.apps as Array<Record<string, unknown>>;
        const line = String(apps.find((a) => a.appid === appid)!.env);
        const env = Object.fromEntries(line.replace(/^export /, '').split(' ').map((kv) => kv.split('=') as [string, string]));
        expect(env.WXAUTH_REDIRECT_URI, line).toBe(c.redirect);
        expect(env.WXAUTH_DOMAIN, line).toBe(c.wxDomain);
        for (const lang of ['en', 'zh']) {
          const r = await runCli(['--lang', lang, 'url'], { env: { ...env, WXAUTH_CONFIG_DIR: tempConfigDir() } });
          expect(r.code, r.stderr).toBe(0);
          if (lang === 'zh') continue;
          const authorize = await fetch(r.stdout.trim(), { redirect: 'manual' });
          if (c.type === 'website') {
            expect(authorize.status).toBe(200);
            const html = await authorize.text();
            expect(html).not.toContain('redirect_uri 参数错误');
            expect(html).not.toContain('该链接无法访问');
          } else {
            expect(authorize.status).toBe(302);
            expect(authorize.headers.get('location')!.startsWith(`${c.redirect}?code=`)).toBe(true);
          }
        }
      } finally {
        await own.close();
      }
    });
  }
});

// The refusal of that line's WXAUTH_DOMAIN=localhost:8093 advised "use the emulator: wxauth emulator
// --domain "<appid>=localhost:*"", to a user already on it. Against an emulator it now says what the
// emulator takes: the host as the domain (none for an IP), the port in the redirect_uri alone.
describe('a callback domain with a port refused while aimed at the emulator', () => {
  const websiteEnv = (extra: Record<string, string>): Record<string, string> => ({
    WXAUTH_API_BASE: emu.url,
    WXAUTH_OPEN_BASE: emu.url,
    WXAUTH_TYPE: 'website',
    WXAUTH_APPID: WEB,
    WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de00000003',
    WXAUTH_CONFIG_DIR: tempConfigDir(),
    ...extra,
  });

  it('a name with a port: exit 4, advised to keep the host as the domain and the port in the redirect_uri (en, zh), which then works', async () => {
    const refused = websiteEnv({ WXAUTH_DOMAIN: 'localhost:8093', WXAUTH_REDIRECT_URI: 'http://localhost:8093/callback' });
    const en = await runCli(['url'], { env: refused });
    expect(en.code).toBe(4);
    expect(en.stderr).toContain('WXAUTH_DOMAIN: "localhost:8093" has a port');
    expect(en.stderr).not.toContain('wxauth emulator --domain "<appid>=');
    expect(en.stderr).toContain('→ On the emulator too the callback domain is what the console takes: localhost, without the port. Keep the port in the redirect_uri alone (e.g. http://localhost:8093/callback)');
    const zh = await runCli(['--lang', 'zh', 'url'], { env: refused });
    expect(zh.code).toBe(4);
    expect(zh.stderr).not.toContain('wxauth emulator --domain "<appid>=');
    expect(zh.stderr).toContain('→ 在模拟器上回调域也按后台能登记的写：localhost，不带端口。端口只写在 redirect_uri 里（例如 http://localhost:8093/callback）');
    const followed = await runCli(['url'], { env: { ...refused, WXAUTH_DOMAIN: 'localhost' } });
    expect(followed.code, followed.stderr).toBe(0);
  });

  it('an IP with a port: exit 4, advised to leave the domain unset and keep IP:port in the redirect_uri (en, zh), which then works', async () => {
    const refused = websiteEnv({ WXAUTH_DOMAIN: '127.0.0.1:8093', WXAUTH_REDIRECT_URI: 'http://127.0.0.1:8093/callback' });
    const en = await runCli(['url'], { env: refused });
    expect(en.code).toBe(4);
    expect(en.stderr).not.toContain('wxauth emulator --domain "<appid>=');
    expect(en.stderr).toContain('→ A website app cannot register an IP, on the emulator either: leave WXAUTH_DOMAIN unset and keep the address in the redirect_uri alone (e.g. http://127.0.0.1:8093/callback)');
    const zh = await runCli(['--lang', 'zh', 'url'], { env: refused });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('→ 网站应用不能登记 IP，在模拟器上也一样：不要设置 WXAUTH_DOMAIN，地址只写在 redirect_uri 里（例如 http://127.0.0.1:8093/callback）');
    const { WXAUTH_DOMAIN: _unset, ...followed } = refused;
    const r = await runCli(['url'], { env: followed });
    expect(r.code, r.stderr).toBe(0);
    // Its warning's way to go live is a domain name: a website app registers no IP, on 80/443 or not.
    expect(r.stderr).not.toContain('serve the callback under 127.0.0.1 on 80/443');
    expect(r.stderr).toContain('Before going live: this account cannot register an IP as its callback domain at all; it needs a registered domain name');
    const rz = await runCli(['--lang', 'zh', 'url'], { env: followed });
    expect(rz.stderr).not.toContain('把回调放到 127.0.0.1 的 80/443 端口上');
    expect(rz.stderr).toContain('上线前：这类账号根本不能登记 IP 作为授权回调域，需要一个已登记（备案）的域名');
  });
});

describe('the live log: GET /__emulator/events and GET /__emulator/requests/<n>', () => {
  it('streams each request with its number, app and errcode meaning; the detail has the full request and answer, secrets masked', async () => {
    const sub = await subscribe();
    try {
      await exchange('0somecode', { 'user-agent': '<img src=x onerror=alert(1)>', cookie: 'session=abc123; wxemu_user=u2' });
      const [event] = await sub.waitFor((e) => e.event === 'request');
      expect(event!.id).toBe('1');
      expect(event!.data).toMatchObject({
        seq: 1,
        method: 'GET',
        path: '/sns/oauth2/access_token',
        errcode: 40029,
        appid: SVC,
        meaning: { zh: '不合法的 oauth_code', en: 'invalid code' },
        detail: true,
      });
      const one = (await get(emu.url, '/__emulator/requests/1')).json as { request: Record<string, unknown>; detail: { request: Record<string, unknown>; answer: Record<string, unknown> } };
      expect(one.request).toMatchObject({ seq: 1, errcode: 40029 });
      expect(one.detail.request.url).toBe(`/sns/oauth2/access_token?appid=${SVC}&secret=***&code=***&grant_type=authorization_code`);
      const headers = Object.fromEntries(one.detail.request.headers as Array<[string, string]>);
      expect(headers['user-agent']).toBe('<img src=x onerror=alert(1)>');
      expect(headers.cookie).toBe('session=***; wxemu_user=***');
      expect(one.detail.answer).toMatchObject({ status: 200, headers: [['content-type', 'text/plain']] });
      expect(String(one.detail.answer.body)).toMatch(/^\{"errcode":40029,"errmsg":"invalid code, rid: /);
      const text = JSON.stringify(one);
      for (const secret of [SVC_SECRET, '0somecode', 'abc123']) expect(text).not.toContain(secret);
    } finally {
      await sub.close();
    }
  });

  it('masks a credential header whole (X-Api-Key, X-Access-Token, X-Wx-Secret) by the proxy\'s rule: its bare value has no name= to find', async () => {
    const sub = await subscribe();
    try {
      // Neither value is one the emulator issued, so only the header's name can tell it is a secret.
      const apiKey = 'supersecretvalue123';
      const token = '86_Qm9ndXNVc2VyVG9rZW5Ob3RJc3N1ZWRCeVRoZUVtdWxhdG9y';
      await exchange('0somecode', { 'x-api-key': apiKey, 'x-access-token': token, 'x-wx-secret': 'hunter2hunter2', 'x-request-id': 'req-12345678' });
      const [event] = await sub.waitFor((e) => e.event === 'request');
      const one = (await get(emu.url, `/__emulator/requests/${String(event!.data.seq)}`)).json as { detail: { request: { headers: Array<[string, string]> } } };
      const headers = Object.fromEntries(one.detail.request.headers);
      expect(headers['x-api-key']).toBe('***');
      expect(headers['x-access-token']).toBe('***');
      expect(headers['x-wx-secret']).toBe('***');
      // A header that names no secret is shown as sent.
      expect(headers['x-request-id']).toBe('req-12345678');
      const text = JSON.stringify(one) + JSON.stringify(sub.events);
      for (const secret of [apiKey, token, 'hunter2hunter2']) expect(text).not.toContain(secret);
    } finally {
      await sub.close();
    }
  });

  it('masks the tokens and codes of successful answers and redirects', async () => {
    const sub = await subscribe();
    try {
      const code = emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' });
      const token = (await exchange(code)).json;
      await get(emu.url, `/sns/userinfo?access_token=${String(token.access_token)}&openid=${String(token.openid)}`);
      const basic = (await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`)).json;
      const ticket = (await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${String(basic.access_token)}&type=jsapi`)).json;
      const redirect = await get(emu.url, `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&response_type=code&scope=snsapi_base&state=s`);
      const issued = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
      const events = await sub.waitFor((e) => e.event === 'request', 5);
      // userinfo and getticket carry no appid: the token tells which app they were for.
      expect(events.map((e) => [e.data.path, e.data.appid])).toEqual([
        ['/sns/oauth2/access_token', SVC],
        ['/sns/userinfo', SVC],
        ['/cgi-bin/token', SVC],
        ['/cgi-bin/ticket/getticket', SVC],
        ['/connect/oauth2/authorize', SVC],
      ]);
      const details = await Promise.all(events.map(async (e) => JSON.stringify((await get(emu.url, `/__emulator/requests/${String(e.data.seq)}`)).json)));
      const all = details.join('\n');
      for (const secret of [code, String(token.access_token), String(token.refresh_token), String(basic.access_token), String(ticket.ticket), issued, SVC_SECRET])
        expect(all).not.toContain(secret);
      expect(details[0]).toContain('\\"access_token\\":\\"***\\"');
      expect(details[4]).toContain('http://localhost/cb?code=***&state=s');
    } finally {
      await sub.close();
    }
  });

  it('shows the QR page’s own script as served (its wx_code regex is no code) and still masks the code its poll answers', async () => {
    const sub = await subscribe();
    try {
      const page = await qrconnect('qr-log');
      const uuid = /qrcode\/([A-Za-z0-9_-]+)/.exec(page.text)![1]!;
      const scanned = (await post(emu.url, '/__emulator/scan', { uuid })).json as { code: string };
      const poll = await get(emu.url, `/connect/l/qrconnect?uuid=${uuid}`);
      expect(poll.text).toBe(`window.wx_errcode=405;window.wx_code='${scanned.code}';`);
      const events = await sub.waitFor((e) => e.event === 'request' && String(e.data.path).includes('qrconnect'), 2);
      const [shownPage, shownPoll] = await Promise.all(
        events.map(async (e) => ((await get(emu.url, `/__emulator/requests/${String(e.data.seq)}`)).json as { detail: { answer: { body: string } } }).detail.answer.body),
      );
      // Before, the body masker took `([^']*)'` for a code: `window\.wx_code='***']*)'`, as if one had leaked.
      expect(shownPage).toContain("window\\.wx_code='([^']*)'");
      expect(shownPage).not.toContain('***');
      expect(shownPoll).toBe("window.wx_errcode=405;window.wx_code='***';");
      expect(JSON.stringify(events)).not.toContain(scanned.code);
    } finally {
      await sub.close();
    }
  });

  it('masks the emulator’s own secrets under any name too: a custom parameter, header or JSON field (the log, its events and details)', async () => {
    const sub = await subscribe();
    try {
      const code = emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_base' });
      const basic = String((await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`)).json.access_token);
      // What a home-made client might send: the secret and the token under names nobody would guess.
      await post(emu.url, `/cgi-bin/stable_token?foo=${SVC_SECRET}&bar=${basic}&c=${code}&plain=hello-world-not-a-token`, { app_key: SVC_SECRET, tok: basic, grant_type: 'client_credential', appid: SVC }, {
        headers: { 'content-type': 'application/json', 'x-token': basic, 'x-sign': `k${SVC_SECRET}` },
      });
      const events = await sub.waitFor((e) => e.event === 'request', 2);
      const listed = (await get(emu.url, '/__emulator/requests')).json as { requests: Array<{ path: string; query: Record<string, string> }> };
      expect(listed.requests.at(-1)!.query).toEqual({ foo: '***', bar: '***', c: '***', plain: 'hello-world-not-a-token' });
      const detail = JSON.stringify((await get(emu.url, `/__emulator/requests/${String(events[1]!.data.seq)}`)).json);
      expect(detail).toContain('\\"app_key\\":\\"***\\"');
      expect(detail).toContain('["x-sign","k***"]');
      const all = JSON.stringify(listed) + JSON.stringify(sub.events) + detail;
      for (const secret of [SVC_SECRET, basic, code]) expect(all).not.toContain(secret);
      // A user token sent under another name, then replaced by a refresh (no longer in the stores), and
      // one joined to other token characters: masked all the same when the log is read.
      const userCode = emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' });
      const user = (await exchange(userCode)).json as { access_token: string; refresh_token: string };
      await get(emu.url, `/sns/auth?foo=${user.access_token}&openid=o1&bar=Bearer_${user.refresh_token}`);
      emu.advanceClock(7300);
      await get(emu.url, `/sns/oauth2/refresh_token?appid=${SVC}&grant_type=refresh_token&refresh_token=${user.refresh_token}`);
      const later = JSON.stringify((await get(emu.url, '/__emulator/requests')).json);
      for (const secret of [user.access_token, user.refresh_token]) expect(later).not.toContain(secret);
      expect(later).toContain('"bar":"Bearer_***"');
    } finally {
      await sub.close();
    }
  });

  it('masks the appsecret in any case: upper-cased or mixed, under a name no rule knows (the log, its events and details)', async () => {
    const sub = await subscribe();
    try {
      // What a home-made client might send: the secret upper-cased (or in mixed case) in a field, a parameter, a header.
      const upper = SVC_SECRET.toUpperCase();
      const mixed = SVC_SECRET.replace(/[a-f]/, (c) => c.toUpperCase());
      await post(emu.url, `/cgi-bin/stable_token?foo=${upper}&bar=x${mixed}`, { k: upper, m: mixed, grant_type: 'client_credential', appid: SVC }, {
        headers: { 'content-type': 'application/json', 'x-sign': `K${upper}` },
      });
      const [event] = await sub.waitFor((e) => e.event === 'request');
      const listed = (await get(emu.url, '/__emulator/requests')).json as { requests: Array<{ query: Record<string, string> }> };
      expect(listed.requests.at(-1)!.query).toEqual({ foo: '***', bar: 'x***' });
      const detail = (await get(emu.url, `/__emulator/requests/${String(event!.data.seq)}`)).json as { detail: { request: { url: string; body: string; headers: Array<[string, string]> } } };
      expect(detail.detail.request.url).toBe('/cgi-bin/stable_token?foo=***&bar=x***');
      expect(detail.detail.request.body).toContain('"k":"***","m":"***"');
      expect(Object.fromEntries(detail.detail.request.headers)['x-sign']).toBe('K***');
      const all = JSON.stringify(listed) + JSON.stringify(sub.events) + JSON.stringify(detail);
      expect(all.toLowerCase()).not.toContain(SVC_SECRET);
    } finally {
      await sub.close();
    }
  });

  it('masks a token or the appsecret in the path (a REST-style client: /cgi-bin/user/info/<access_token>): the log, its events and details', async () => {
    const sub = await subscribe();
    try {
      const basic = String((await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`)).json.access_token);
      const user = (await exchange(emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' }))).json as { access_token: string; openid: string };
      await get(emu.url, `/cgi-bin/user/info/${basic}?openid=${user.openid}`);
      await get(emu.url, `/sns/userinfo/${user.access_token}/${SVC_SECRET}`);
      const events = (await sub.waitFor((e) => e.event === 'request', 4)).slice(2);
      const paths = ['/cgi-bin/user/info/***', '/sns/userinfo/***/***'];
      expect(events.map((e) => e.data.path)).toEqual(paths);
      const listed = (await get(emu.url, '/__emulator/requests')).json as { requests: Array<{ path: string }> };
      expect(listed.requests.slice(-2).map((r) => r.path)).toEqual(paths);
      const details = await Promise.all(events.map(async (e) => (await get(emu.url, `/__emulator/requests/${String(e.data.seq)}`)).json as { request: { path: string }; detail: { request: { url: string } } }));
      expect(details.map((d) => d.request.path)).toEqual(paths);
      expect(details.map((d) => d.detail.request.url)).toEqual([`/cgi-bin/user/info/***?openid=${user.openid}`, '/sns/userinfo/***/***']);
      const all = JSON.stringify(listed) + JSON.stringify(sub.events) + JSON.stringify(details);
      for (const secret of [basic, user.access_token, SVC_SECRET]) expect(all).not.toContain(secret);
    } finally {
      await sub.close();
    }
  });

  it('sends the last requests first, then only what a reconnecting client (Last-Event-ID) missed', async () => {
    await exchange('0a');
    await exchange('0b');
    const first = await subscribe();
    expect((await get(emu.url, '/__emulator/stats')).json.subscribers).toBe(1);
    const backlog = await first.waitFor((e) => e.event === 'request', 2);
    expect(backlog.map((e) => e.id)).toEqual(['1', '2']);
    // Requests made while nobody followed the log have no kept detail.
    expect(backlog[0]!.data.detail).toBe(false);
    expect((await get(emu.url, '/__emulator/requests/1')).json).toMatchObject({ ok: true, request: { seq: 1, appid: SVC }, detail: null });
    await first.close();
    expect((await get(emu.url, '/__emulator/stats')).json.subscribers).toBe(0);
    await exchange('0c');
    const again = await subscribe({ 'last-event-id': '2' });
    try {
      const missed = await again.waitFor((e) => e.event === 'request');
      expect(missed.map((e) => e.id)).toEqual(['3']);
      await exchange('0d');
      await again.waitFor((e) => e.event === 'request', 2);
      expect(again.events.filter((e) => e.event === 'request').map((e) => e.id)).toEqual(['3', '4']);
      // Both streams name the same run of the emulator: the page knows it reconnected to the one it showed.
      const run = (events: SseEvent[]) => events.find((e) => e.event === 'hello')?.data.instance;
      expect(run(again.events)).toMatch(/^[0-9a-f]{16}$/);
      expect(run(again.events)).toBe(run(first.events));
    } finally {
      await again.close();
    }
  });

  it('announces control changes (state) and resets (reset); a client that saw more than the log now holds is told it was reset', async () => {
    const sub = await subscribe();
    try {
      await post(emu.url, '/__emulator/faults', { spec: 'busy:1' });
      await sub.waitFor((e) => e.event === 'state');
      await exchange('0x');
      await post(emu.url, '/__emulator/reset', {});
      await sub.waitFor((e) => e.event === 'reset');
      // A refused control call changes nothing and is not announced.
      await post(emu.url, '/__emulator/faults', { spec: 'nonsense' });
      await post(emu.url, '/__emulator/user', { user: 'u2' });
      await sub.waitFor((e) => e.event === 'state', 2);
      // hello first: which run of the emulator this is (a reset keeps it; a restart would change it).
      expect(sub.events.map((e) => e.event)).toEqual(['hello', 'state', 'request', 'reset', 'state']);
    } finally {
      await sub.close();
    }
    const stale = await subscribe({ 'last-event-id': '40' });
    try {
      await stale.waitFor((e) => e.event === 'reset');
    } finally {
      await stale.close();
    }
  });

  it('GET /__emulator/requests/<n> refuses numbers that are not in the log', async () => {
    expect((await get(emu.url, '/__emulator/requests/1')).status).toBe(404);
    expect((await get(emu.url, '/__emulator/requests/abc')).status).toBe(400);
    expect((await get(emu.url, '/__emulator/requests/0')).status).toBe(400);
  });
});

describe('maskSecrets', () => {
  it.each([
    ['{"access_token":"ACCESS","expires_in":7200,"refresh_token":"REFRESH","openid":"o1"}', '{"access_token":"***","expires_in":7200,"refresh_token":"***","openid":"o1"}'],
    ['{"errcode":0,"errmsg":"ok","ticket":"T-1","expires_in":7200}', '{"errcode":0,"errmsg":"ok","ticket":"***","expires_in":7200}'],
    // rid/get echoes the request and the answer as escaped JSON (§11).
    ['"response_body":"{\\"access_token\\":\\"ACCESS\\"}"', '"response_body":"{\\"access_token\\":\\"***\\"}"'],
    ['{"grant_type":"client_credential","appid":"wx1","secret":"S3CRET"}', '{"grant_type":"client_credential","appid":"wx1","secret":"***"}'],
    ['appid=wx1&secret=S3CRET&code=C0DE&grant_type=authorization_code', 'appid=wx1&secret=***&code=***&grant_type=authorization_code'],
    ['http://localhost/cb?code=C0DE&state=s', 'http://localhost/cb?code=***&state=s'],
    ["window.wx_errcode=405;window.wx_code='C0DE';", "window.wx_errcode=405;window.wx_code='***';"],
    // The QR page's script reading that answer: a regex, not a code.
    ["var m=/wx_errcode=(\\d+);window\\.wx_code='([^']*)'/.exec(t)", "var m=/wx_errcode=(\\d+);window\\.wx_code='([^']*)'/.exec(t)"],
    ["window.wx_code='0y8S-myg_GV6';", "window.wx_code='***';"],
    ['{"errcode":40029,"errmsg":"invalid code"}', '{"errcode":40029,"errmsg":"invalid code"}'],
  ])('%s', (input, masked) => {
    expect(maskSecrets(input)).toBe(masked);
  });
});

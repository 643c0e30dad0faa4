// /connect/oauth2/authorize and the consent page, driven over HTTP like a browser would (API-FACTS §1, §3).
import { describe, expect, it } from 'vitest';
import { startEmulator, DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { createServer } from 'node:http';
import { T0, get, postForm, useEmulator } from './helpers.js';

const SVC = DEFAULT_APPIDS.service;
const SVC_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
const TEST = DEFAULT_APPIDS.test;
const WEB = DEFAULT_APPIDS.website;
const SUB = DEFAULT_APPIDS.subscription;
const PORT_TEST = 'wx0000000000007002';

const emu = useEmulator();

function authorizeUrl(appid: string, redirectUri: string, scope: string, state = 'STATE', extra = ''): string {
  return `/connect/oauth2/authorize?appid=${appid}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=${scope}&state=${state}${extra}`;
}

function errcodeOf(page: string): string | undefined {
  return /data-errcode="(\d*)"/.exec(page)?.[1];
}

function messageOf(page: string): string | undefined {
  return /<p class="desc" id="errmsg">([^<]*)<\/p>/.exec(page)?.[1];
}

describe('snsapi_base', () => {
  it('redirects at once (302) to redirect_uri?code=…&state=… and the code exchanges for the current user', async () => {
    const r = await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', 'abc123'));
    expect(r.status).toBe(302);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^http:\/\/localhost\/cb\?code=0[0-9A-Za-z]{31}&state=abc123$/);
    const code = new URL(location).searchParams.get('code')!;
    const token = await get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=${code}&grant_type=authorization_code`);
    expect(token.json.openid).toBe(emu.users[0]!.openids[SVC]);
    expect(token.json.scope).toBe('snsapi_base');
  });

  it('appends with & when redirect_uri has a query, even inside a #fragment (plain concatenation)', async () => {
    const r = await get(emu.url, authorizeUrl(SVC, 'https://localhost/app/#/login?from=wx', 'snsapi_base'));
    expect(r.headers.get('location')).toMatch(/^https:\/\/localhost\/app\/#\/login\?from=wx&code=0\w{31}&state=STATE$/);
  });

  it('an absent state still comes back as state= (empty)', async () => {
    const r = await get(emu.url, `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&response_type=code&scope=snsapi_base`);
    expect(r.headers.get('location')).toMatch(/\?code=0\w{31}&state=$/);
  });
});

describe('error pages in WeChat order', () => {
  it.each([
    ['subdomain of the domain', SVC, 'http://www.localhost/cb', 'snsapi_base', '10003', 'redirect_uri域名与后台配置不一致，错误码：10003'],
    ['port on a production account', SVC, 'http://localhost:8080/cb', 'snsapi_base', '10003', 'redirect_uri域名与后台配置不一致，错误码：10003'],
    ['other host', SVC, 'https://example.com/cb', 'snsapi_userinfo', '10003', 'redirect_uri域名与后台配置不一致，错误码：10003'],
    ['subscription account has no scope right', SUB, 'http://localhost/cb', 'snsapi_base', '10005', '此公众号并没有这些scope的权限，错误码：10005'],
    ['website-app appid', WEB, 'http://localhost/cb', 'snsapi_base', '10016', '不支持微信开放平台的Appid，请使用公众号Appid，错误码：10016'],
    // §1.1 [OBS] and §1.5 [DOC]: snsapi_login on this endpoint -> 10005.
    ['snsapi_login', SVC, 'http://localhost/cb', 'snsapi_login', '10005', '此公众号并没有这些scope的权限，错误码：10005'],
    ['unknown scope', SVC, 'http://localhost/cb', 'snsapi_everything', '', 'Scope 参数错误或没有 Scope 权限'],
  ])('%s', async (_n, appid, redirectUri, scope, code, message) => {
    const r = await get(emu.url, authorizeUrl(appid, redirectUri, scope));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.text).toContain('Oops! Something went wrong:(');
    expect(errcodeOf(r.text)).toBe(code);
    expect(messageOf(r.text)).toBe(message);
  });

  it('10003 on PC WeChat reads "redirect_uri 参数错误" (§1.5 ⚠): by User-Agent by default, forced either way by redirectErrorWording', async () => {
    const url = authorizeUrl(SVC, 'http://localhost:8080/cb', 'snsapi_base');
    const windows = 'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) XWEB/8391 Flue';
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) MicroMessenger/6.8.0(0x16080000) MacWechat/3.8.7(0x13080710) XWEB/1191 Flue';
    const phone = 'Mozilla/5.0 (Linux; Android 13; Pixel 7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI';
    const page = async (ua?: string) => (await get(emu.url, url, ua ? { headers: { 'user-agent': ua } } : {})).text;
    for (const ua of [windows, mac]) {
      const text = await page(ua);
      expect(messageOf(text)).toBe('redirect_uri 参数错误');
      expect(errcodeOf(text)).toBe('10003');
      expect(text).toContain('data-emulator-note');
    }
    for (const ua of [phone, undefined]) expect(messageOf(await page(ua))).toBe('redirect_uri域名与后台配置不一致，错误码：10003');
    emu.configure({ redirectErrorWording: 'mobile' });
    expect(messageOf(await page(windows))).toBe('redirect_uri域名与后台配置不一致，错误码：10003');
    emu.configure({ redirectErrorWording: 'pc' });
    expect(messageOf(await page(phone))).toBe('redirect_uri 参数错误');
    expect(messageOf(await page())).toBe('redirect_uri 参数错误');
    // Only 10003 changes: other error pages keep their code.
    expect(messageOf((await get(emu.url, authorizeUrl(SUB, 'http://localhost/cb', 'snsapi_base'), { headers: { 'user-agent': windows } })).text)).toBe('此公众号并没有这些scope的权限，错误码：10005');
  });

  it('the 10003 note states the port rule the configured domain makes, and a non-http(s) scheme as such', async () => {
    const noteOf = (page: string) => /<p class="emu" data-emulator-note>([^<]*)<\/p>/.exec(page)?.[1] ?? '';
    const production = noteOf((await get(emu.url, authorizeUrl(SVC, 'http://localhost:8080/cb', 'snsapi_base'))).text);
    expect(production).toBe('wxauth emulator: redirect_uri host localhost:8080 does not equal the configured domain (localhost); exact host, no subdomain or parent, no port');
    const custom = await startEmulator({ clock: () => T0, domainOverrides: { [SVC]: '127.0.0.1:47710' } });
    try {
      const withPort = noteOf((await get(custom.url, authorizeUrl(SVC, 'http://127.0.0.1:5000/cb', 'snsapi_base'))).text);
      expect(withPort).toContain('redirect_uri host 127.0.0.1:5000 does not equal the configured domain (127.0.0.1:47710)');
      expect(withPort).toContain('the port as configured');
      expect(withPort).not.toContain('no port');
    } finally {
      await custom.close();
    }
    for (const [uri, scheme] of [['ftp://127.0.0.1:47410/', 'ftp'], ['javascript:alert(7)//localhost', 'javascript']]) {
      const r = await get(emu.url, authorizeUrl(TEST, uri!, 'snsapi_base'));
      expect(errcodeOf(r.text)).toBe('10003');
      const note = noteOf(r.text);
      expect(note).toContain(`redirect_uri must be an http:// or https:// URL, not ${scheme}:`);
      expect(note).not.toContain('redirect_uri host');
    }
  });

  it('the parent domain is not covered either', async () => {
    const custom = await startEmulator({ clock: () => T0, domainOverrides: { [SVC]: 'www.example.com' } });
    try {
      expect(errcodeOf((await get(custom.url, authorizeUrl(SVC, 'https://example.com/cb', 'snsapi_base'))).text)).toBe('10003');
      expect((await get(custom.url, authorizeUrl(SVC, 'https://www.example.com/any/path?x=1', 'snsapi_base'))).status).toBe(302);
    } finally {
      await custom.close();
    }
  });

  it('snsapi_login -> the "Scope 参数错误" page with loginScopeOnAuthorize scope-error; 10005 by default', async () => {
    expect(errcodeOf((await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_login'))).text)).toBe('10005');
    emu.configure({ loginScopeOnAuthorize: 'scope-error' });
    const r = await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_login'));
    expect(errcodeOf(r.text)).toBe('');
    expect(messageOf(r.text)).toBe('Scope 参数错误或没有 Scope 权限');
  });

  it.each([
    ['appid', `/connect/oauth2/authorize?redirect_uri=x&response_type=code&scope=snsapi_base`, '10012', 'appid不能为空，错误码：10012'],
    ['redirect_uri', `/connect/oauth2/authorize?appid=${SVC}&response_type=code&scope=snsapi_base`, '10011', 'redirect_uri不能为空，错误码：10011'],
    ['scope', `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=http%3A%2F%2Flocalhost%2F&response_type=code`, '10010', 'scope不能为空，错误码：10010'],
  ])('missing %s', async (_n, path, code, message) => {
    const r = await get(emu.url, path);
    expect(errcodeOf(r.text)).toBe(code);
    expect(messageOf(r.text)).toBe(message);
  });

  it('parameters out of order -> Scope 参数错误 page; the check can be switched off; extras are ignored', async () => {
    const misordered = `/connect/oauth2/authorize?redirect_uri=${encodeURIComponent('http://localhost/cb')}&appid=${SVC}&response_type=code&scope=snsapi_base&state=s`;
    expect(messageOf((await get(emu.url, misordered)).text)).toBe('Scope 参数错误或没有 Scope 权限');
    const extras = `/connect/oauth2/authorize?client_id=x&appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&response_type=code&scope=snsapi_base&state=s&connect_redirect=1`;
    expect((await get(emu.url, extras)).status).toBe(302);
    emu.configure({ paramOrderCheck: false });
    expect((await get(emu.url, misordered)).status).toBe(302);
  });

  it('state longer than 128 bytes is refused; 128 is fine', async () => {
    expect((await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', 'a'.repeat(128)))).status).toBe(302);
    const long = await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', 'a'.repeat(129)));
    expect(messageOf(long.text)).toBe('state参数过长');
  });

  it('stateLengthCheck=pc-only (§1.3 ⚠ "PC 端微信打开提示 state参数过长，手机端正常"): PC WeChat is refused, a phone redirected', async () => {
    emu.configure({ stateLengthCheck: 'pc-only' });
    const path = authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', 'a'.repeat(129));
    const pc = await get(emu.url, path, { headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; WOW64) MicroMessenger/7.0.20.1781(0x6700143B) NetType/WIFI WindowsWechat(0x63090a13)' } });
    expect(messageOf(pc.text)).toBe('state参数过长');
    expect(pc.text).toContain('only PC WeChat refuses it, a phone lets it through');
    const phone = await get(emu.url, path, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.44 NetType/WIFI Language/zh_CN' } });
    expect(phone.status).toBe(302);
    expect(phone.headers.get('location')).toContain(`state=${'a'.repeat(129)}`);
  });

  it('a state with characters other than letters and digits (§1.3: "warn on non [A-Za-z0-9]") is passed back unchanged and noted in the request log, in both languages', async () => {
    const state = '{"a":1,"b":2}';
    const r = await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', state));
    expect(r.status).toBe(302);
    expect(new URL(r.headers.get('location')!).searchParams.get('state')).toBe(state);
    const [logged] = (await get(emu.url, '/__emulator/requests')).json.requests as Array<{ note?: { zh: string; en: string } }>;
    expect(logged!.note!.en).toContain('state has characters other than letters and digits ({ " : , })');
    expect(logged!.note!.zh).toContain('state 含字母和数字以外的字符');
    // A plain state has no note.
    await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', 'abc123'));
    const requests = (await get(emu.url, '/__emulator/requests')).json.requests as Array<{ note?: unknown }>;
    expect(requests[1]).not.toHaveProperty('note');
  });

  it('a refusal page is in the request log as one: its message, and its code when WeChat shows one', async () => {
    await get(emu.url, authorizeUrl(SVC, 'http://evil.example/cb', 'snsapi_base'));
    await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', 'a'.repeat(129)));
    await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base'));
    const [mismatch, long, ok] = (await get(emu.url, '/__emulator/requests')).json.requests as Array<Record<string, unknown>>;
    expect(mismatch).toMatchObject({ status: 200, errcode: 10003, page: 'redirect_uri域名与后台配置不一致' });
    expect(long).toMatchObject({ status: 200, page: 'state参数过长' });
    expect(long).not.toHaveProperty('errcode');
    expect(ok).toMatchObject({ status: 302 });
    expect(ok).not.toHaveProperty('page');
  });

  it('a long state with response_type first gets the state page, as the community post saw (§1.3), not the order one', async () => {
    const path = `/connect/oauth2/authorize?response_type=code&appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&scope=snsapi_userinfo&state=${'a'.repeat(235)}`;
    expect(messageOf((await get(emu.url, path)).text)).toBe('state参数过长');
  });

  it('escapes every reflected value', async () => {
    const r = await get(emu.url, authorizeUrl(SVC, 'http://evil"><script>alert(1)</script>/', 'snsapi_base'));
    expect(r.text).not.toContain('<script>alert(1)');
    expect(r.text).toContain('&lt;script&gt;');
    const s = await get(emu.url, `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/')}&response_type=code&scope=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
    expect(s.text).not.toContain('<img src=x');
  });
});

describe('test accounts', () => {
  it('may use IP:port; the port must match the configured one', async () => {
    const custom = await startEmulator({ clock: () => T0, domainOverrides: { [TEST]: '127.0.0.1:7002' } });
    try {
      expect((await get(custom.url, authorizeUrl(TEST, 'http://127.0.0.1:7002/cb', 'snsapi_base'))).status).toBe(302);
      expect(errcodeOf((await get(custom.url, authorizeUrl(TEST, 'http://127.0.0.1:7003/cb', 'snsapi_base'))).text)).toBe('10003');
      expect(errcodeOf((await get(custom.url, authorizeUrl(TEST, 'http://127.0.0.1/cb', 'snsapi_base'))).text)).toBe('10003');
    } finally {
      await custom.close();
    }
  });

  it('the built-in test account accepts any local port (127.0.0.1:*)', async () => {
    expect((await get(emu.url, authorizeUrl(TEST, 'http://127.0.0.1:53127/callback', 'snsapi_base'))).status).toBe(302);
  });

  it('10006 when the current user does not follow the test account', async () => {
    emu.setCurrentUser('u2');
    const r = await get(emu.url, authorizeUrl(TEST, 'http://127.0.0.1:9000/cb', 'snsapi_base'));
    expect(messageOf(r.text)).toBe('必须关注此测试号，错误码：10006');
    // A wxemu_user cookie (earlier versions kept a consent page's pick there, above the picker's) is ignored.
    const withCookie = await get(emu.url, authorizeUrl(TEST, 'http://127.0.0.1:9000/cb', 'snsapi_base'), { headers: { cookie: 'wxemu_user=u1' } });
    expect(messageOf(withCookie.text)).toBe('必须关注此测试号，错误码：10006');
    emu.setCurrentUser('u1');
    expect((await get(emu.url, authorizeUrl(TEST, 'http://127.0.0.1:9000/cb', 'snsapi_base'))).status).toBe(302);
  });
});

describe('snsapi_userinfo consent page', () => {
  async function openConsent(appid = SVC, extra = '') {
    const page = await get(emu.url, authorizeUrl(appid, 'http://localhost/cb', 'snsapi_userinfo', 'xyz', extra));
    const ticket = /name="ticket" value="([0-9a-f]+)"/.exec(page.text)?.[1];
    return { page, ticket: ticket! };
  }

  it('shows the app name, what is asked, 允许 / 拒绝 buttons and a user picker defaulting to the first user', async () => {
    const { page } = await openConsent();
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div class="app" id="app-name">示例服务号</div>');
    expect(page.text).toContain('获得你的公开信息（昵称、头像等）');
    expect(page.text).toMatch(/<button[^>]*value="allow">允许<\/button>/);
    expect(page.text).toMatch(/<button[^>]*value="deny">拒绝<\/button>/);
    expect(page.text).toContain('<option value="u1" selected>张三 (u1)</option>');
    expect(page.text).toContain('<option value="u2">李四 (u2)</option>');
  });

  it('允许 -> 302 with code and state; the code is for the picked user and gives userinfo', async () => {
    const { ticket } = await openConsent();
    const r = await postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, user: 'u2', action: 'allow' });
    expect(r.status).toBe(302);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^http:\/\/localhost\/cb\?code=0\w{31}&state=xyz$/);
    // The pick is who "you" are from now on, as the emulator page's picker shows; no cookie of its own.
    expect(r.headers.get('set-cookie')).toBeNull();
    expect((await get(emu.url, '/__emulator/user')).json.user).toBe('u2');
    const code = new URL(location).searchParams.get('code')!;
    const token = await get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=${code}&grant_type=authorization_code`);
    expect(token.json.scope).toBe('snsapi_userinfo');
    expect(token.json.openid).toBe(emu.users[1]!.openids[SVC]);
    const info = await get(emu.url, `/sns/userinfo?access_token=${String(token.json.access_token)}&openid=${String(token.json.openid)}`);
    expect(info.json.nickname).toBe('李四');
  });

  it('the consent form cannot be answered twice', async () => {
    const { ticket } = await openConsent();
    expect((await postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, action: 'allow' })).status).toBe(302);
    const again = await postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, action: 'allow' });
    expect(again.status).toBe(200);
    expect(messageOf(again.text)).toBe('该链接已失效，请重新发起授权');
  });

  it('拒绝 -> redirect_uri?state=STATE only (default); no redirect with the switch', async () => {
    const { ticket } = await openConsent();
    const r = await postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, action: 'deny' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('http://localhost/cb?state=xyz');
    emu.configure({ denyBehaviour: 'no-redirect' });
    const second = await openConsent();
    const n = await postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket: second.ticket, action: 'deny' });
    expect(n.status).toBe(200);
    expect(n.headers.get('location')).toBeNull();
    expect(n.text).toContain('你已拒绝授权');
  });

  it('silent for followers with the switch, unless forcePopup', async () => {
    emu.configure({ silentUserinfo: 'followers' });
    expect((await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_userinfo'))).status).toBe(302);
    const forced = await openConsent(SVC, '&forcePopup=true');
    expect(forced.page.status).toBe(200);
    expect(forced.ticket).toMatch(/^[0-9a-f]+$/);
    emu.setCurrentUser('u3');
    expect((await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_userinfo'))).status).toBe(200);
  });

  it('forcePopup shows the consent page by default; with forcePopupEffect snapshot it enters snapshot mode (§1.1 ⚠)', async () => {
    expect((await openConsent(SVC, '&forcePopup=true')).page.status).toBe(200);
    emu.configure({ forcePopupEffect: 'snapshot' });
    const r = await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_userinfo', 's', '&forcePopup=true'));
    expect(r.status).toBe(302);
    const code = new URL(r.headers.get('location')!).searchParams.get('code')!;
    const token = await get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=${code}&grant_type=authorization_code`);
    expect(token.json).toMatchObject({ scope: 'snsapi_userinfo', is_snapshotuser: 1 });
    // Without forcePopup the consent page stays; snsapi_base ignores forcePopup.
    expect((await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_userinfo'))).status).toBe(200);
    const base = await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', 's', '&forcePopup=true'));
    const baseCode = new URL(base.headers.get('location')!).searchParams.get('code')!;
    expect((await get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=${baseCode}&grant_type=authorization_code`)).json).not.toHaveProperty('is_snapshotuser');
  });

  it('forceSnapShot: snapshot user, is_snapshotuser 1, userinfo 48001', async () => {
    const r = await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_userinfo', 's', '&forceSnapShot=1'));
    expect(r.status).toBe(302);
    const code = new URL(r.headers.get('location')!).searchParams.get('code')!;
    const token = await get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=${code}&grant_type=authorization_code`);
    expect(token.json.is_snapshotuser).toBe(1);
    // The requested scope is kept (§4 example; issue 12 item 15).
    expect(token.json.scope).toBe('snsapi_userinfo');
    const info = await get(emu.url, `/sns/userinfo?access_token=${String(token.json.access_token)}&openid=${String(token.json.openid)}`);
    expect(info.json.errcode).toBe(48001);
  });

  it('a test-account consent for a user who does not follow -> 10006', async () => {
    const page = await get(emu.url, authorizeUrl(TEST, 'http://127.0.0.1:9000/cb', 'snsapi_userinfo'));
    const ticket = /name="ticket" value="([0-9a-f]+)"/.exec(page.text)![1]!;
    const r = await postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, user: 'u3', action: 'allow' });
    expect(messageOf(r.text)).toBe('必须关注此测试号，错误码：10006');
  });

  it('escapes seeded names on the consent page', async () => {
    const custom = await startEmulator({
      seed: {
        apps: [{ appid: PORT_TEST, secret: '0'.repeat(32), type: 'test', name: '<b>x</b>', domain: '127.0.0.1:7002' }],
        users: [{ nickname: '"><script>1</script>', follows: [PORT_TEST] }],
      },
    });
    try {
      const page = await get(custom.url, authorizeUrl(PORT_TEST, 'http://127.0.0.1:7002/cb', 'snsapi_userinfo'));
      expect(page.text).toContain('&lt;b&gt;x&lt;/b&gt;');
      expect(page.text).not.toContain('<script>1</script>');
    } finally {
      await custom.close();
    }
  });
});

describe('a seeded nickname with a bidi override', () => {
  it('is shown escaped on the consent page\'s user picker (as the CLI shows it), and /sns/userinfo returns it exactly as seeded', async () => {
    const nickname = 'admin\u202Etxt.exe';
    const custom = await startEmulator({
      seed: {
        apps: [{ appid: PORT_TEST, secret: '0'.repeat(32), type: 'test', name: 'T', domain: '127.0.0.1:7002' }],
        users: [{ nickname, follows: [PORT_TEST] }],
      },
    });
    try {
      const page = await get(custom.url, authorizeUrl(PORT_TEST, 'http://127.0.0.1:7002/cb', 'snsapi_userinfo'));
      // Before, the U+202E went out raw and reversed the rest of the option: "admin" then "exe.txt".
      expect(page.text).not.toContain('\u202E');
      expect(page.text).toContain('admin\\u202etxt.exe (');
      const code = custom.issueCode({ appid: PORT_TEST, scope: 'snsapi_userinfo' });
      const token = (await get(custom.url, `/sns/oauth2/access_token?appid=${PORT_TEST}&secret=${'0'.repeat(32)}&code=${code}&grant_type=authorization_code`)).json;
      const info = await get(custom.url, `/sns/userinfo?access_token=${String(token.access_token)}&openid=${String(token.openid)}&lang=zh_CN`);
      expect(info.json.nickname).toBe(nickname);
    } finally {
      await custom.close();
    }
  });
});

describe('redirects followed to a real callback server', () => {
  it('snsapi_base on the test account lands on the local callback with code and state', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const res = await fetch(emu.url + authorizeUrl(TEST, `http://127.0.0.1:${port}/wx/callback?from=menu`, 'snsapi_base', 'S1'), { redirect: 'follow' });
      expect(await res.text()).toBe('ok');
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatch(/^\/wx\/callback\?from=menu&code=0\w{31}&state=S1$/);
    } finally {
      server.close();
    }
  });
});

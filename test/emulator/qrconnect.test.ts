// /connect/qrconnect (网站应用 QR login), driven over HTTP: the simulate button's form, the
// programmatic scan endpoint and the long-poll states (API-FACTS §2).
import { describe, expect, it } from 'vitest';
import { startEmulator, DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { qrModules } from '../../src/emulator/qr-svg.js';
import { createServer } from 'node:http';
import { T0, get, post, postForm, useEmulator } from './helpers.js';

const WEB = DEFAULT_APPIDS.website;
const WEB_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000003';
const SVC = DEFAULT_APPIDS.service;

const emu = useEmulator();

function qrconnectUrl(appid: string, redirectUri = 'https://localhost/wechat/callback', scope = 'snsapi_login', extra = ''): string {
  return `/connect/qrconnect?appid=${appid}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=${scope}&state=3d6be0a4035d839573b04816624a415e${extra}`;
}

function uuidOf(page: string): string {
  return /name="uuid" value="([A-Za-z0-9]{16})"/.exec(page)![1]!;
}

function messageOf(page: string): string | undefined {
  return /<p class="desc" id="errmsg">([^<]*)<\/p>/.exec(page)?.[1];
}

describe('qrconnect page', () => {
  it('renders a real QR code and the simulate button', async () => {
    const r = await get(emu.url, qrconnectUrl(WEB));
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/<button[^>]*>模拟扫码并确认 \(simulate scan &amp; confirm\)<\/button>/);
    expect(r.text).toContain('使用微信扫一扫登录「示例网站应用」');
    const uuid = uuidOf(r.text);
    // §2.3: WeChat's page references the QR image by uuid; scrapers take the uuid from this tag (issue 12 item 17).
    expect(r.text).toContain(`<img class="qrcode lightBorder" src="/connect/qrcode/${uuid}">`);
    expect(/<img class="qrcode lightBorder" src="\/connect\/qrcode\/([^"]+)">/.exec(r.text)![1]).toBe(uuid);
    expect(r.text).not.toContain('<svg');
    const svg = await get(emu.url, `/connect/qrcode/${uuid}`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    // The QR encodes the phone confirm URL; compare with an independent encoding of that URL.
    const expected = qrModules(`${emu.url}/connect/confirm?uuid=${uuid}`);
    const dark = expected.flat().filter(Boolean).length;
    expect(dark).toBeGreaterThan(100);
    const runs = (svg.text.match(/h(\d+)v1h-\d+z/g) ?? []).reduce((n, m) => n + Number(/h(\d+)/.exec(m)![1]), 0);
    expect(runs).toBe(dark);
  });

  it('the simulate button (form POST) -> 302 to redirect_uri?code&state; code exchanges with snsapi_login', async () => {
    const page = await get(emu.url, qrconnectUrl(WEB));
    const r = await postForm(emu.url, '/connect/confirm_reply', { uuid: uuidOf(page.text), user: 'u2', action: 'confirm' });
    expect(r.status).toBe(302);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^https:\/\/localhost\/wechat\/callback\?code=0\w{31}&state=3d6be0a4035d839573b04816624a415e$/);
    const code = new URL(location).searchParams.get('code')!;
    const token = await get(emu.url, `/sns/oauth2/access_token?appid=${WEB}&secret=${WEB_SECRET}&code=${code}&grant_type=authorization_code`);
    expect(token.json.scope).toBe('snsapi_login');
    expect(token.json.openid).toBe(emu.users[1]!.openids[WEB]);
    expect(token.json.unionid).toBe(emu.users[1]!.unionids['open-demo']);
  });

  it('long-poll states: 408 waiting, 404 scanned, 405 confirmed with the code (POST /__emulator/scan)', async () => {
    const page = await get(emu.url, qrconnectUrl(WEB));
    const uuid = uuidOf(page.text);
    expect((await get(emu.url, `/connect/l/qrconnect?uuid=${uuid}&_=1`)).text).toBe("window.wx_errcode=408;window.wx_code='';");
    const scanned = await post(emu.url, '/__emulator/scan', { uuid, action: 'scan' });
    expect(scanned.json).toMatchObject({ ok: true, status: 404 });
    expect((await get(emu.url, `/connect/l/qrconnect?uuid=${uuid}`)).text).toBe("window.wx_errcode=404;window.wx_code='';");
    const confirmed = await post(emu.url, '/__emulator/scan', { appid: WEB });
    expect(confirmed.json).toMatchObject({ ok: true, status: 405, uuid });
    const code = String(confirmed.json.code);
    expect(confirmed.json.redirect).toBe(`https://localhost/wechat/callback?code=${code}&state=3d6be0a4035d839573b04816624a415e`);
    expect((await get(emu.url, `/connect/l/qrconnect?uuid=${uuid}`)).text).toBe(`window.wx_errcode=405;window.wx_code='${code}';`);
    // A finished session cannot be confirmed again; the refusal carries a key of the page's texts, so
    // the emulator's page says it in its language.
    const again = await post(emu.url, '/__emulator/scan', { uuid });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ ok: false, error: `QR session ${uuid} is already finished (405)`, problem: { text: 'qr.problem.finished', params: { uuid, status: '405' } } });
    const { UI_TEXT } = await import('../../src/emulator/ui-text.js');
    expect(UI_TEXT['qr.problem.finished'].zh).toBe('二维码登录 {uuid} 已经结束（{status}）');
    expect((await post(emu.url, '/__emulator/clock', { advance: 1e13 })).json).toMatchObject({ ok: false, problem: { text: 'clock.problem.range' } });
  });

  it('POST /__emulator/scan refuses a uuid, appid or user that is not a string instead of confirming as someone else', async () => {
    const uuid = uuidOf((await get(emu.url, qrconnectUrl(WEB))).text);
    // Before, `"user": 5` was ignored and the login confirmed as whoever "you" were (u1), with a code.
    const user = await post(emu.url, '/__emulator/scan', { uuid, user: 5 });
    expect(user.status).toBe(400);
    expect(user.json.error).toBe('user must be a seeded user id (a string: u1, u2, u3); got 5 (a number)');
    // Before, `"uuid": 5` was ignored and the newest pending login confirmed.
    const wrongUuid = await post(emu.url, '/__emulator/scan', { uuid: 5, user: 'u2' });
    expect(wrongUuid.status).toBe(400);
    expect(wrongUuid.json.error).toBe('uuid must be a QR login uuid (GET /__emulator/qr); got 5 (a number)');
    expect((await post(emu.url, '/__emulator/scan', { appid: ['x'] })).json.error).toBe(`appid must be a seeded appid (a string: ${emu.apps.map((a) => a.appid).join(', ')}); got ["x"] (an array)`);
    // The login is still waiting, and a right call (user null: "you") confirms it.
    expect((await get(emu.url, `/connect/l/qrconnect?uuid=${uuid}`)).text).toBe("window.wx_errcode=408;window.wx_code='';");
    expect((await post(emu.url, '/__emulator/scan', { uuid, user: null })).json).toMatchObject({ ok: true, status: 405, uuid });
  });

  it('the request log keeps a poll only when its answer changed: the first, scanned, confirmed with the code', async () => {
    const polls = async () =>
      ((await get(emu.url, '/__emulator/requests')).json.requests as Array<{ path: string; query: Record<string, string> }>)
        .filter((r) => r.path === '/connect/l/qrconnect')
        .map((r) => r.query.uuid);
    const answers = async (uuid: string, n: number) => {
      for (let i = 0; i < n; i++) await get(emu.url, `/connect/l/qrconnect?uuid=${uuid}&_=${i}`);
    };
    const uuid = uuidOf((await get(emu.url, qrconnectUrl(WEB))).text);
    const other = uuidOf((await get(emu.url, qrconnectUrl(WEB, 'https://localhost/other'))).text);
    const before = (await get(emu.url, '/__emulator/requests')).json.total as number;
    // A minute of an open QR page is 60 polls: one row, as is the other page's.
    await answers(uuid, 60);
    await answers(other, 3);
    expect(await polls()).toEqual([uuid, other]);
    expect((await get(emu.url, '/__emulator/requests')).json.total).toBe(before + 2);
    emu.scan({ uuid, action: 'scan' });
    await answers(uuid, 3);
    emu.scan({ uuid, action: 'confirm' });
    await answers(uuid, 3);
    expect(await polls()).toEqual([uuid, other, uuid, uuid]);
    // The answers themselves are unchanged: each poll still hears the state.
    expect((await get(emu.url, `/connect/l/qrconnect?uuid=${uuid}`)).text).toMatch(/^window\.wx_errcode=405;window\.wx_code='0\w{31}';$/);
    // A uuid the emulator does not know is logged each time (a script's mistake, not a page's steady poll).
    await answers('NoSuchLogin00000', 2);
    expect((await polls()).filter((u) => u === 'NoSuchLogin00000')).toHaveLength(2);
  });

  it('cancel -> 403; the QR expires after 5 minutes -> 402', async () => {
    const a = uuidOf((await get(emu.url, qrconnectUrl(WEB))).text);
    emu.scan({ uuid: a, action: 'cancel' });
    expect((await get(emu.url, `/connect/l/qrconnect?uuid=${a}`)).text).toBe("window.wx_errcode=403;window.wx_code='';");
    const b = uuidOf((await get(emu.url, qrconnectUrl(WEB))).text);
    emu.advanceClock(300);
    expect((await get(emu.url, `/connect/l/qrconnect?uuid=${b}`)).text).toBe("window.wx_errcode=402;window.wx_code='';");
    expect(() => emu.scan({ uuid: b })).toThrow(/expired/);
  });

  it('the programmatic scan() returns the redirect for the latest pending session', async () => {
    await get(emu.url, qrconnectUrl(WEB, 'https://localhost/a'));
    await get(emu.url, qrconnectUrl(WEB, 'https://localhost/b'));
    const result = emu.scan();
    expect(result.redirect).toMatch(/^https:\/\/localhost\/b\?code=/);
  });

  it('the page polls and navigates: the script embeds the redirect safely', async () => {
    const r = await get(emu.url, qrconnectUrl(WEB, 'https://localhost/cb?</script><script>alert(1)</script>'));
    // The host is fine, the path is odd: the page must still not break out of its <script>.
    expect(r.text).not.toContain('<script>alert(1)');
    expect(r.text).toContain("fetch('/connect/l/qrconnect?uuid='");
  });

  it('accepts the WxLogin iframe parameters (login_type=jssdk, self_redirect, style, href)', async () => {
    const top = await get(emu.url, qrconnectUrl(WEB, undefined, undefined, '&login_type=jssdk&style=black&self_redirect=false&href='));
    expect(top.text).toContain('target="_top"');
    expect(top.text).toContain('"top":true');
    const inside = await get(emu.url, qrconnectUrl(WEB, undefined, undefined, `&login_type=jssdk&style=white&self_redirect=true&href=${encodeURIComponent('data:text/css;base64,LmltcG93ZXJCb3h7fQ==')}`));
    expect(inside.text).toContain('target="_self"');
    expect(inside.text).toContain('<link rel="stylesheet" href="data:text/css;base64,LmltcG93ZXJCb3h7fQ==">');
    expect(inside.text).toContain('color:#fff');
    const js = await get(emu.url, qrconnectUrl(WEB, undefined, undefined, `&href=${encodeURIComponent('javascript:alert(1)')}`));
    expect(js.text).not.toContain('javascript:alert');
  });
});

describe('qrconnect lang=en (§2.1 ⚠)', () => {
  it('English as documented; with qrLangEn=embedded-chinese the wxLogin.js iframe stays Chinese while the full page follows lang', async () => {
    const full = qrconnectUrl(WEB, undefined, undefined, '&lang=en');
    const embedded = qrconnectUrl(WEB, undefined, undefined, '&lang=en&login_type=jssdk');
    expect((await get(emu.url, embedded)).text).toContain('<h1>WeChat Login</h1>');
    emu.configure({ qrLangEn: 'embedded-chinese' });
    const kept = (await get(emu.url, embedded, { headers: { 'accept-language': 'en' } })).text;
    expect(kept).toContain('<h1>微信登录</h1>');
    // The emulator's own note says why lang=en was not followed.
    expect(kept).toContain('lang=en ignored: switch qrLangEn=embedded-chinese');
    expect((await get(emu.url, full)).text).toContain('<h1>WeChat Login</h1>');
  });
});

describe('the confirm form needs its session', () => {
  it('a cross-site POST without a uuid is refused (400) and leaves the pending login waiting', async () => {
    const page = await get(emu.url, qrconnectUrl(WEB));
    const uuid = uuidOf(page.text);
    const forms: Array<Record<string, string>> = [{ action: 'confirm', user: 'u3' }, { uuid: '', action: 'confirm', user: 'u3' }, { action: 'cancel' }];
    for (const form of forms) {
      const r = await postForm(emu.url, '/connect/confirm_reply', form, {
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      });
      expect(r.status).toBe(400);
      expect(r.headers.get('location')).toBeNull();
      expect(r.text).toContain('the form carries no uuid');
    }
    const poll = await get(emu.url, `/connect/l/qrconnect?uuid=${uuid}`);
    expect(poll.text).toBe("window.wx_errcode=408;window.wx_code='';");
    // The control API keeps its documented convenience: no uuid means the newest pending session.
    expect((await post(emu.url, '/__emulator/scan', { action: 'scan' })).json).toMatchObject({ ok: true, uuid, status: 404 });
  });
});

describe('qrconnect error pages', () => {
  it('an official-account appid gets "Scope 参数错误或没有 Scope 权限"', async () => {
    expect(messageOf((await get(emu.url, qrconnectUrl(SVC))).text)).toBe('Scope 参数错误或没有 Scope 权限');
  });

  // §2.1 [DOC]: "若提示『该链接无法访问』，请检查参数…或scope不为snsapi_login" — for every scope but snsapi_login.
  it.each(['snsapi_userinfo', 'snsapi_base', 'snsapi_everything', ''])('scope %j on a website app -> 该链接无法访问', async (scope) => {
    const r = await get(emu.url, qrconnectUrl(WEB, undefined, scope));
    expect(messageOf(r.text)).toBe('该链接无法访问');
    expect(r.text).not.toContain('Scope 参数错误');
  });

  // §2.1 [DOC]: response_type is required (code). wxLogin.js's iframe sends none (§2.2), and WeChat serves it.
  it('response_type missing or not code -> 该链接无法访问, except in the WxLogin iframe', async () => {
    const without = qrconnectUrl(WEB).replace('&response_type=code', '');
    expect(messageOf((await get(emu.url, without)).text)).toBe('该链接无法访问');
    expect(messageOf((await get(emu.url, qrconnectUrl(WEB).replace('response_type=code', 'response_type=token'))).text)).toBe('该链接无法访问');
    const iframe = await get(emu.url, `${without}&login_type=jssdk&self_redirect=false`);
    expect(iframe.status).toBe(200);
    expect(iframe.text).toContain('<img class="qrcode lightBorder"');
  });

  it('callback domain mismatch or a port -> "redirect_uri 参数错误"', async () => {
    expect(messageOf((await get(emu.url, qrconnectUrl(WEB, 'https://example.com/cb'))).text)).toBe('redirect_uri 参数错误');
    expect(messageOf((await get(emu.url, qrconnectUrl(WEB, 'http://localhost:8101/cb'))).text)).toBe('redirect_uri 参数错误');
  });
});

describe('followed to a real callback server', () => {
  it('the simulate form, redirects followed, delivers code and state to the site', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('logged in');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const site = await startEmulator({ domainOverrides: { [WEB]: `127.0.0.1:${port}` } });
    try {
      const page = await get(site.url, qrconnectUrl(WEB, `http://127.0.0.1:${port}/login/wechat`));
      const res = await fetch(site.url + '/connect/confirm_reply', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ uuid: uuidOf(page.text), action: 'confirm' }).toString(),
        redirect: 'follow',
      });
      expect(await res.text()).toBe('logged in');
      expect(hits[0]).toMatch(/^\/login\/wechat\?code=0\w{31}&state=3d6be0a4035d839573b04816624a415e$/);
    } finally {
      await site.close();
      server.close();
    }
  });
});

// The emulator's note under WeChat's pages follows the browser's Accept-Language (Chinese when it ranks
// zh above en, English otherwise and without the header); WeChat's own page text never changes with it.
// Every page that shows a note is walked once per language, over real HTTP.
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { T0, get, post, postForm, useEmulator, type Answer } from './helpers.js';

const SVC = DEFAULT_APPIDS.service;
const TEST = DEFAULT_APPIDS.test;
const WEB = DEFAULT_APPIDS.website;
const SUB = DEFAULT_APPIDS.subscription;
const UNVERIFIED = 'wx5e1ec0de00000009';

const emu = useEmulator();
// The built-in seed has no unverified 服务号; this one does.
const unverified = useEmulator({
  clock: () => T0,
  seed: {
    apps: [{ appid: UNVERIFIED, secret: '5e1ec0de5e1ec0de5e1ec0de00000009', type: 'service', verified: false, name: '未认证服务号', domain: 'localhost' }],
    users: [{ nickname: '张三', follows: [UNVERIFIED] }],
  },
});

const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };
const EN = { 'accept-language': 'en-US' };
const NOTE = /<p class="emu" data-emulator-note>([^<]*)<\/p>/;

function authorizeUrl(appid: string, redirectUri: string, scope: string, extra = '&state=STATE'): string {
  return `/connect/oauth2/authorize?appid=${appid}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=${scope}${extra}`;
}

function qrconnectUrl(appid: string, redirectUri = 'https://localhost/cb', scope = 'snsapi_login'): string {
  return `/connect/qrconnect?appid=${appid}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=${scope}&state=S`;
}

function formValue(page: string, name: 'ticket' | 'uuid'): string {
  return new RegExp(`name="${name}" value="([^"]+)"`).exec(page)![1]!;
}

type Send = (headers: Record<string, string>) => Promise<Answer>;

interface Case {
  /** What the page is about. */
  name: string;
  send: Send;
  /** The whole note in each language (after the prefix), or a part of it when the note carries a random value. */
  zh: string;
  en: string;
  /** WeChat's own line (#errmsg), when the page is an error page. */
  wechat?: string;
}

const consentTicket = async (headers: Record<string, string>, appid: string = SVC, redirectUri = 'http://localhost/cb') =>
  formValue((await get(emu.url, authorizeUrl(appid, redirectUri, 'snsapi_userinfo'), { headers })).text, 'ticket');
const qrUuid = async () => formValue((await get(emu.url, qrconnectUrl(WEB))).text, 'uuid');

const CASES: Case[] = [
  {
    name: '10003: a port on a production account',
    send: (headers) => get(emu.url, authorizeUrl(SVC, 'http://localhost:8080/cb', 'snsapi_base'), { headers }),
    zh: 'redirect_uri 的主机 localhost:8080 与配置的网页授权域名（localhost）不一致：必须完全相同，子域名和上级域名都不行，也不能带端口',
    en: 'redirect_uri host localhost:8080 does not equal the configured domain (localhost); exact host, no subdomain or parent, no port',
    wechat: 'redirect_uri域名与后台配置不一致，错误码：10003',
  },
  {
    name: '10003: a domain that names ports',
    send: (headers) => get(emu.url, authorizeUrl(TEST, 'http://evil.com/cb', 'snsapi_base'), { headers }),
    zh: 'redirect_uri 的主机 evil.com 与配置的网页授权域名（127.0.0.1:*, localhost:*）不一致：必须完全相同，子域名和上级域名都不行，端口也要与配置一致（配置里没写端口的域名不能带端口，host:* 可带任意端口）',
    en: 'redirect_uri host evil.com does not equal the configured domain (127.0.0.1:*, localhost:*); exact host, no subdomain or parent, the port as configured (a domain without one takes none; host:* any)',
    wechat: 'redirect_uri域名与后台配置不一致，错误码：10003',
  },
  {
    name: '10003: not http(s)',
    send: (headers) => get(emu.url, authorizeUrl(SVC, 'ftp://localhost/x', 'snsapi_base'), { headers }),
    zh: 'redirect_uri 必须是 http:// 或 https:// 开头的网址，不能是 ftp:（收到的是 ftp://localhost/x）',
    en: 'redirect_uri must be an http:// or https:// URL, not ftp: (got ftp://localhost/x)',
    wechat: 'redirect_uri域名与后台配置不一致，错误码：10003',
  },
  {
    name: '10003: no scheme at all',
    send: (headers) => get(emu.url, authorizeUrl(SVC, 'localhost/cb', 'snsapi_base'), { headers }),
    zh: 'redirect_uri 必须是 http:// 或 https:// 开头的网址（收到的是 localhost/cb）',
    en: 'redirect_uri must be an http:// or https:// URL (got localhost/cb)',
    wechat: 'redirect_uri域名与后台配置不一致，错误码：10003',
  },
  {
    name: '10003: no host WeChat can read',
    send: (headers) => get(emu.url, authorizeUrl(SVC, 'http://@localhost/cb', 'snsapi_base'), { headers }),
    zh: 'redirect_uri http://@localhost/cb 里没有微信能识别的主机',
    en: 'redirect_uri http://@localhost/cb has no host WeChat can read',
    wechat: 'redirect_uri域名与后台配置不一致，错误码：10003',
  },
  {
    name: 'snsapi_login on /connect/oauth2/authorize (10005)',
    send: (headers) => get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_login'), { headers }),
    zh: 'snsapi_login 只用于网站应用，在 /connect/qrconnect 上使用',
    en: 'snsapi_login is for website apps on /connect/qrconnect',
    wechat: '此公众号并没有这些scope的权限，错误码：10005',
  },
  {
    name: 'snsapi_login on /connect/oauth2/authorize (switch: scope error)',
    send: async (headers) => {
      emu.configure({ loginScopeOnAuthorize: 'scope-error' });
      return get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_login'), { headers });
    },
    zh: 'snsapi_login 只用于网站应用，在 /connect/qrconnect 上使用',
    en: 'snsapi_login is for website apps on /connect/qrconnect',
    wechat: 'Scope 参数错误或没有 Scope 权限',
  },
  {
    name: 'a subscription account (10005)',
    send: (headers) => get(emu.url, authorizeUrl(SUB, 'http://localhost/cb', 'snsapi_base'), { headers }),
    zh: '订阅号没有网页授权权限（只有已认证的服务号和测试号有）',
    en: 'subscription accounts have no web-authorization rights',
    wechat: '此公众号并没有这些scope的权限，错误码：10005',
  },
  {
    name: 'an unverified service account (10005)',
    send: (headers) => get(unverified.url, authorizeUrl(UNVERIFIED, 'http://localhost/cb', 'snsapi_base'), { headers }),
    zh: '未认证的服务号没有网页授权权限（只有已认证的服务号和测试号有）',
    en: 'unverified service accounts have no web-authorization rights',
    wechat: '此公众号并没有这些scope的权限，错误码：10005',
  },
  {
    name: 'an appid not in the seed',
    send: (headers) => get(emu.url, authorizeUrl('wx0000000000000bad', 'http://localhost/cb', 'snsapi_base'), { headers }),
    zh: '模拟器的种子数据里没有 appid wx0000000000000bad',
    en: "appid wx0000000000000bad is not in the emulator's seed",
    wechat: '该链接无法访问',
  },
  {
    name: 'a website appid on authorize (10016)',
    send: (headers) => get(emu.url, authorizeUrl(WEB, 'http://localhost/cb', 'snsapi_base'), { headers }),
    zh: `${WEB} 是网站应用，请用 /connect/qrconnect`,
    en: `${WEB} is a website app (网站应用); use /connect/qrconnect`,
    wechat: '不支持微信开放平台的Appid，请使用公众号Appid，错误码：10016',
  },
  {
    name: 'parameters out of order',
    send: (headers) =>
      get(emu.url, `/connect/oauth2/authorize?redirect_uri=${encodeURIComponent('http://localhost/cb')}&appid=${SVC}&response_type=code&scope=snsapi_base&state=S`, { headers }),
    zh: '参数必须按 appid、redirect_uri、response_type、scope、state 的顺序排列',
    en: 'parameters must come in the order appid, redirect_uri, response_type, scope, state',
    wechat: 'Scope 参数错误或没有 Scope 权限',
  },
  {
    name: 'response_type other than code',
    send: (headers) =>
      get(emu.url, `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&response_type=token&scope=snsapi_base&state=S`, { headers }),
    zh: 'response_type 必须是 code',
    en: 'response_type must be code',
    wechat: '该链接无法访问',
  },
  {
    name: 'an unknown scope',
    send: (headers) => get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_everything'), { headers }),
    zh: '未知的 scope：snsapi_everything',
    en: 'unknown scope snsapi_everything',
    wechat: 'Scope 参数错误或没有 Scope 权限',
  },
  {
    name: 'a state over 128 bytes',
    send: (headers) => get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_base', `&state=${'a'.repeat(129)}`), { headers }),
    zh: 'state 有 129 字节，微信最多允许 128 字节',
    en: 'state is 129 bytes; WeChat allows 128',
    wechat: 'state参数过长',
  },
  {
    name: 'a user who does not follow the test account (10006)',
    send: (headers) => {
      emu.setCurrentUser('u3');
      return get(emu.url, authorizeUrl(TEST, 'http://127.0.0.1:9000/cb', 'snsapi_base'), { headers });
    },
    zh: '用户 u3 没有关注这个测试号',
    en: 'user u3 does not follow the test account',
    wechat: '必须关注此测试号，错误码：10006',
  },
  {
    name: 'the consent page',
    send: (headers) => get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', 'snsapi_userinfo'), { headers }),
    zh: `${SVC} 的 snsapi_userinfo 授权页：先选微信用户，再点「允许」或「拒绝」`,
    en: `snsapi_userinfo consent for ${SVC}; pick the user, then 允许 (allow) or 拒绝 (deny)`,
  },
  {
    name: 'the consent form fetched with GET',
    send: (headers) => get(emu.url, '/connect/oauth2/authorize_reply', { headers }),
    zh: '授权页的表单要用 POST 提交',
    en: 'the consent form is submitted with POST',
    wechat: '该链接无法访问',
  },
  {
    name: 'the consent form answered twice',
    send: async (headers) => {
      const ticket = await consentTicket({});
      await postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, action: 'allow' });
      return postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, action: 'allow' }, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    },
    zh: '这个授权页已经提交过或已过期，请重新打开授权链接',
    en: 'this consent page was already answered or has expired; open the authorize URL again',
    wechat: '该链接已失效，请重新发起授权',
  },
  {
    name: '拒绝 without a redirect (denyBehaviour no-redirect)',
    send: async (headers) => {
      emu.configure({ denyBehaviour: 'no-redirect' });
      const ticket = await consentTicket({});
      return postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, action: 'deny' }, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    },
    zh: '已拒绝，不跳转（denyBehaviour 为 no-redirect）',
    en: 'denied; no redirect (denyBehaviour no-redirect)',
  },
  {
    name: 'a test-account consent answered as a user who does not follow (10006)',
    send: async (headers) => {
      // u1 follows the test account and gets its consent page; the pick of u3 there makes u3 "you" (the previous send did).
      emu.setCurrentUser('u1');
      const ticket = await consentTicket({}, TEST, 'http://127.0.0.1:9000/cb');
      return postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, user: 'u3', action: 'allow' }, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    },
    zh: '用户 u3 没有关注这个测试号',
    en: 'user u3 does not follow the test account',
    wechat: '必须关注此测试号，错误码：10006',
  },
  {
    name: 'a qrconnect page',
    send: (headers) => get(emu.url, qrconnectUrl(WEB), { headers }),
    zh: '也可以用 POST /__emulator/scan 确认',
    en: 'POST /__emulator/scan also confirms it',
  },
  {
    name: 'qrconnect without an appid',
    send: (headers) => get(emu.url, '/connect/qrconnect?scope=snsapi_login', { headers }),
    zh: '缺少 appid',
    en: 'appid is missing',
    wechat: '该链接无法访问',
  },
  {
    name: 'qrconnect with an appid not in the seed',
    send: (headers) => get(emu.url, qrconnectUrl('wx0000000000000bad'), { headers }),
    zh: '模拟器的种子数据里没有 appid wx0000000000000bad',
    en: "appid wx0000000000000bad is not in the emulator's seed",
    wechat: '该链接无法访问',
  },
  {
    name: 'qrconnect with an official account',
    send: (headers) => get(emu.url, qrconnectUrl(SVC), { headers }),
    zh: `${SVC} 不是网站应用；公众号（服务号、订阅号、测试号）请用 /connect/oauth2/authorize`,
    en: `${SVC} is not a website app (网站应用); official accounts use /connect/oauth2/authorize`,
    wechat: 'Scope 参数错误或没有 Scope 权限',
  },
  {
    name: 'qrconnect with a scope other than snsapi_login',
    send: (headers) => get(emu.url, qrconnectUrl(WEB, 'https://localhost/cb', 'snsapi_base'), { headers }),
    zh: '网站应用必须用 scope=snsapi_login',
    en: 'website apps must use scope=snsapi_login',
    wechat: '该链接无法访问',
  },
  {
    name: 'qrconnect without a redirect_uri',
    send: (headers) => get(emu.url, `/connect/qrconnect?appid=${WEB}&response_type=code&scope=snsapi_login`, { headers }),
    zh: '缺少 redirect_uri',
    en: 'redirect_uri is missing',
    wechat: 'redirect_uri 参数错误',
  },
  {
    name: 'qrconnect with a host other than the 授权回调域',
    send: (headers) => get(emu.url, qrconnectUrl(WEB, 'https://evil.com/cb'), { headers }),
    zh: 'redirect_uri 的主机 evil.com 与配置的授权回调域（localhost）不一致：必须完全相同，子域名和上级域名都不行，也不能带端口',
    en: 'redirect_uri host evil.com does not equal the configured domain (localhost); exact host, no subdomain or parent, no port',
    wechat: 'redirect_uri 参数错误',
  },
  {
    name: 'the QR confirm form fetched with GET',
    send: (headers) => get(emu.url, '/connect/confirm_reply', { headers }),
    zh: '这个表单要用 POST 提交',
    en: 'submit this form with POST',
    wechat: '该链接无法访问',
  },
  {
    name: 'the QR confirm form without a uuid',
    send: (headers) => postForm(emu.url, '/connect/confirm_reply', { action: 'confirm' }, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }),
    zh: '表单里没有 uuid：请在这次登录的扫码页或手机确认页上确认或取消',
    en: 'the form carries no uuid: confirm or cancel from the QR page or the phone page of that login',
    wechat: '该链接无法访问',
  },
  {
    name: 'a QR login confirmed twice',
    send: async (headers) => {
      const uuid = await qrUuid();
      await post(emu.url, '/__emulator/scan', { uuid, action: 'confirm' });
      return postForm(emu.url, '/connect/confirm_reply', { uuid, action: 'confirm' }, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    },
    zh: '已经结束（405）',
    en: 'is already finished (405)',
    wechat: '二维码已失效',
  },
  {
    name: 'a QR login that is not there',
    send: (headers) =>
      postForm(emu.url, '/connect/confirm_reply', { uuid: 'NoSuchLogin00000', action: 'confirm' }, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }),
    zh: '没有二维码登录 NoSuchLogin00000（可能已被重置清掉）',
    en: 'no QR session NoSuchLogin00000',
    wechat: '二维码已失效',
  },
];

/** The page without the note (and a QR page's notes for a finished login), its random values (ticket, QR uuid) made equal. */
function wechatPart(page: string): string {
  let out = page.replace(NOTE, '').replace(/<script type="application\/json" id="finished-notes">[^<]*<\/script>/, '');
  for (const name of ['ticket', 'uuid'] as const) {
    const value = new RegExp(`name="${name}" value="([^"]+)"`).exec(out)?.[1];
    if (value) out = out.split(value).join(name.toUpperCase());
  }
  return out;
}

describe('the emulator note follows Accept-Language; WeChat’s page does not', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const zh = await c.send(ZH);
    const en = await c.send(EN);
    const none = await c.send({});
    const notes = [zh, en, none].map((r) => NOTE.exec(r.text)?.[1]);
    expect(notes[0]).toMatch(/^wxauth 模拟器：/);
    expect(notes[0]).toContain(escape(c.zh));
    for (const note of notes.slice(1)) {
      expect(note).toMatch(/^wxauth emulator: /);
      expect(note).toContain(escape(c.en));
      expect(note).not.toContain(escape(c.zh));
    }
    // WeChat's own text is the same whatever the browser prefers.
    expect(wechatPart(en.text)).toBe(wechatPart(zh.text));
    expect(wechatPart(none.text)).toBe(wechatPart(zh.text));
    expect(zh.status).toBe(none.status);
    if (c.wechat) {
      for (const r of [zh, en, none]) {
        expect(r.text).toContain('<h2>Oops! Something went wrong:(</h2>');
        expect(/<p class="desc" id="errmsg">([^<]*)<\/p>/.exec(r.text)?.[1]).toBe(c.wechat);
      }
    }
  });

  it('whole notes where nothing in them is random', async () => {
    for (const c of CASES.filter((x) => x.wechat && !x.name.startsWith('a QR login'))) {
      expect(NOTE.exec((await c.send(ZH)).text)?.[1], c.name).toBe(`wxauth 模拟器：${escape(c.zh)}`);
      expect(NOTE.exec((await c.send({})).text)?.[1], c.name).toBe(`wxauth emulator: ${escape(c.en)}`);
    }
  });

  it.each([
    ['zh-CN,zh;q=0.9', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR, zh;q=0.5, en;q=0.4', 'zh'],
    ['en;q=0.2, zh;q=0', 'en'],
    ['fr-FR', 'en'],
    ['*', 'en'],
  ])('Accept-Language %s -> %s', async (header, lang) => {
    const r = await get(emu.url, authorizeUrl(SVC, 'http://localhost:8080/cb', 'snsapi_base'), { headers: { 'accept-language': header } });
    expect(NOTE.exec(r.text)?.[1]).toMatch(lang === 'zh' ? /^wxauth 模拟器：redirect_uri 的主机/ : /^wxauth emulator: redirect_uri host/);
  });

  it('a QR page’s lines for a finished login (shown once it is cancelled, confirmed or expired) follow it too', async () => {
    const finished = async (headers: Record<string, string>) =>
      JSON.parse(/<script type="application\/json" id="finished-notes">([^<]*)<\/script>/.exec((await get(emu.url, qrconnectUrl(WEB), { headers })).text)![1]!) as Record<string, string>;
    const zh = await finished(ZH);
    const en = await finished(EN);
    expect(Object.keys(zh).sort()).toEqual(['cancelled', 'confirmed', 'expired']);
    for (const key of Object.keys(zh)) {
      expect(zh[key]).toMatch(/^wxauth 模拟器：.*刷新本页|^wxauth 模拟器：.*重新发起登录/);
      expect(en[key]).toMatch(/^wxauth emulator: .*(reload this page|start a new login)/i);
    }
    expect(await finished({})).toEqual(en);
  });

  it('a note’s values are escaped in both languages', async () => {
    for (const headers of [ZH, EN]) {
      const r = await get(emu.url, authorizeUrl(SVC, 'http://localhost/cb', '<b>x</b>'), { headers });
      expect(NOTE.exec(r.text)?.[1]).toContain('&lt;b&gt;x&lt;/b&gt;');
      expect(r.text).not.toContain('<b>x</b>');
    }
  });
});

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

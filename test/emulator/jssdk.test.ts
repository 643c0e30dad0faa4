// The emulator's JS-SDK: GET /cgi-bin/ticket/getticket (JSSDK-FACTS §1: literal body, same ticket for
// 7200 s, errcodes, the 10,000-a-day quota) and the wx.config check behind /__emulator/jssdk (§2, §3).
// The expected signatures are computed here from the doc's formula with node:crypto, not with the
// client's core, so client and emulator are checked independently.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { Emulator } from '../../src/emulator/server.js';
import { cgiGetTicket } from '../../src/emulator/jssdk.js';
import type { Rq } from '../../src/emulator/reply.js';
import { TICKET_DAILY_QUOTA, cgiQuotaGet } from '../../src/emulator/cgi.js';
import { T0, get, norm, portOf, post, rawRequest, useEmulator } from './helpers.js';

const SVC = DEFAULT_APPIDS.service;
const SVC_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
const TEST = DEFAULT_APPIDS.test;
const TEST_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000002';

const emu = useEmulator();

async function stableToken(appid: string = SVC, secret: string = SVC_SECRET): Promise<string> {
  const r = await post(emu.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid, secret });
  return r.json.access_token as string;
}

async function ticket(appid: string = SVC, secret: string = SVC_SECRET): Promise<string> {
  const r = await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${await stableToken(appid, secret)}&type=jsapi`);
  return r.json.ticket as string;
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe('GET /cgi-bin/ticket/getticket', () => {
  it("answers the doc's body shape: errcode 0, errmsg ok, an 86-char ticket, expires_in 7200", async () => {
    const token = await stableToken();
    const r = await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${token}&type=jsapi`);
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/^\{"errcode":0,"errmsg":"ok","ticket":"[A-Za-z0-9_-]{86}","expires_in":7200\}$/);
  });

  it('hands back the same ticket on a re-fetch and with a new access_token; expires_in stays 7200; a new one after 7200 s', async () => {
    const first = await ticket();
    emu.advanceClock(3600);
    const legacy = await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`);
    const again = await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${legacy.json.access_token as string}&type=jsapi`);
    expect(again.json).toMatchObject({ ticket: first, expires_in: 7200 });
    emu.advanceClock(3601);
    expect(await ticket()).not.toBe(first);
  });

  it('answers 41001, 40001 and 40097 (bad type) with WeChat errmsgs', async () => {
    expect(norm((await get(emu.url, '/cgi-bin/ticket/getticket?type=jsapi')).text)).toBe('{"errcode":41001,"errmsg":"access_token missing rid: RID"}');
    const bad = await get(emu.url, '/cgi-bin/ticket/getticket?access_token=nope&type=jsapi');
    expect(bad.json.errcode).toBe(40001);
    expect(bad.json.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest/);
    const type = await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${await stableToken()}&type=card`);
    expect(norm(type.text)).toBe('{"errcode":40097,"errmsg":"invalid args rid: RID"}');
  });

  it('counts calls where quota/get sees them', async () => {
    const token = await stableToken();
    await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${token}&type=jsapi`);
    const quota = await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${token}`, { cgi_path: '/cgi-bin/ticket/getticket' });
    expect((quota.json.quota as { used: number }).used).toBe(1);
  });

  it('quota/get reports the daily limit getticket enforces (10,000, JSSDK-FACTS §1.4) and the ticket calls made', async () => {
    const token = await stableToken();
    for (let i = 0; i < 3; i++) expect((await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${token}&type=jsapi`)).json.errcode).toBe(0);
    const quota = await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${token}`, { cgi_path: '/cgi-bin/ticket/getticket' });
    expect(quota.json.quota).toEqual({ daily_limit: 10_000, used: 3, remain: 9_997 });
  });

  it('answers 45009 once 10,000 tickets were asked for in a Beijing day, and again the next day', () => {
    // 10,000 HTTP round trips would dominate the suite: the route is called directly (the same
    // function the router calls), with a token put into the emulator's state as stable_token would.
    const e = new Emulator({ clock: () => T0 });
    e.state.basicTokens.set('TOKEN', { appid: SVC, kind: 'stable', issuedAt: T0, expiresAt: T0 + 7_200_000 });
    const rq: Rq = { method: 'GET', path: '/cgi-bin/ticket/getticket', query: new URLSearchParams('access_token=TOKEN&type=jsapi'), rawQuery: 'access_token=TOKEN&type=jsapi', url: '/cgi-bin/ticket/getticket?access_token=TOKEN&type=jsapi', body: '', ip: '127.0.0.1', headers: {} };
    for (let i = 0; i < TICKET_DAILY_QUOTA; i++) expect(cgiGetTicket(e, rq).errcode).toBe(0);
    const over = cgiGetTicket(e, rq);
    expect(over.errcode).toBe(45009);
    expect(norm(over.body)).toBe('{"errcode":45009,"errmsg":"reach max api daily quota limit rid: RID"}');
    // JSSDK-FACTS §1.2 ⚠: the old limits page's wording, switch dailyQuotaErrmsg.
    e.switches = { ...e.switches, dailyQuotaErrmsg: 'freq-out' };
    expect(norm(cgiGetTicket(e, rq).body)).toBe('{"errcode":45009,"errmsg":"api freq out of limit rid: RID"}');
    e.switches = { ...e.switches, dailyQuotaErrmsg: 'reach-max' };
    // quota/get, on the same state, says the limit is reached: the number reported is the one enforced.
    const ask: Rq = { ...rq, method: 'POST', path: '/cgi-bin/openapi/quota/get', body: '{"cgi_path":"/cgi-bin/ticket/getticket"}' };
    expect(JSON.parse(cgiQuotaGet(e, ask).body).quota).toEqual({ daily_limit: TICKET_DAILY_QUOTA, used: TICKET_DAILY_QUOTA, remain: 0 });
  });
});

describe('GET /__emulator/jssdk/check (what the test page asks)', () => {
  const PAGE = 'http://localhost/shop?id=1';

  async function check(params: Record<string, string>): Promise<string> {
    const r = await get(emu.url, `/__emulator/jssdk/check?${new URLSearchParams(params).toString()}`);
    return r.json.errMsg as string;
  }

  it('config:ok for a correct signature (url without #), invalid signature otherwise', async () => {
    const t = await ticket();
    const signature = sha1(`jsapi_ticket=${t}&noncestr=abc&timestamp=1714587457&url=${PAGE}`);
    expect(await check({ url: `${PAGE}#/order`, appId: SVC, timestamp: '1714587457', nonceStr: 'abc', signature })).toBe('config:ok');
    const withFragment = sha1(`jsapi_ticket=${t}&noncestr=abc&timestamp=1714587457&url=${PAGE}#/order`);
    expect(await check({ url: `${PAGE}#/order`, appId: SVC, timestamp: '1714587457', nonceStr: 'abc', signature: withFragment })).toBe('config:invalid signature');
  });

  it('an upper-case signature: accepted by default, refused with upperCaseSignature=reject (WeChat’s behaviour is unverified)', async () => {
    const t = await ticket();
    const upper = sha1(`jsapi_ticket=${t}&noncestr=abc&timestamp=1714587457&url=${PAGE}`).toUpperCase();
    const params = { url: PAGE, appId: SVC, timestamp: '1714587457', nonceStr: 'abc', signature: upper };
    expect(await check(params)).toBe('config:ok');
    emu.configure({ upperCaseSignature: 'reject' });
    expect(await check(params)).toBe('config:invalid signature');
    expect(await check({ ...params, signature: upper.toLowerCase() })).toBe('config:ok');
  });

  it('config:invalid url domain for a page outside the JS-safe domains; config:fail when a field is missing', async () => {
    await ticket();
    expect(await check({ url: 'https://evil.example/', appId: SVC, timestamp: '1', nonceStr: 'a', signature: 'x' })).toBe('config:invalid url domain');
    // Production accounts: 80/443 only (the test account's 127.0.0.1:* takes any port).
    expect(await check({ url: 'http://localhost:3000/', appId: SVC, timestamp: '1', nonceStr: 'a', signature: 'x' })).toBe('config:invalid url domain');
    const t = await ticket(TEST, TEST_SECRET);
    const url = 'http://127.0.0.1:3000/page';
    expect(await check({ url, appId: TEST, timestamp: '1', nonceStr: 'a', signature: sha1(`jsapi_ticket=${t}&noncestr=a&timestamp=1&url=${url}`) })).toBe('config:ok');
    expect(await check({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'a' })).toBe('config:fail');
  });

  it('config:invalid signature when the appid has no live ticket (expired)', async () => {
    const t = await ticket();
    emu.advanceClock(7201);
    const signature = sha1(`jsapi_ticket=${t}&noncestr=abc&timestamp=1&url=${PAGE}`);
    expect(await check({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'abc', signature })).toBe('config:invalid signature');
  });

  it('ticketGraceSeconds (JSSDK-FACTS §5, unverified): 0 by default; 300 keeps an expired ticket, and the one a re-fetch replaced, verifying for 5 more minutes', async () => {
    const old = await ticket();
    const signed = (t: string) => sha1(`jsapi_ticket=${t}&noncestr=abc&timestamp=1&url=${PAGE}`);
    emu.configure({ ticketGraceSeconds: 300 });
    emu.advanceClock(7201);
    expect(await check({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'abc', signature: signed(old) })).toBe('config:ok');
    const next = await ticket();
    expect(next).not.toBe(old);
    expect(await check({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'abc', signature: signed(next) })).toBe('config:ok');
    expect(await check({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'abc', signature: signed(old) })).toBe('config:ok');
    emu.advanceClock(300);
    expect(await check({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'abc', signature: signed(old) })).toBe('config:invalid signature');
    expect(await check({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'abc', signature: signed(next) })).toBe('config:ok');
    emu.configure({ ticketGraceSeconds: 0 });
    emu.advanceClock(7200);
    expect(await check({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'abc', signature: signed(next) })).toBe('config:invalid signature');
  });

  // WeChat's errMsg names no field, domain or ticket; the emulator's page says which, from `why`.
  it('says why: the empty fields, the page host beside the app’s domains, or why no ticket matched', async () => {
    const why = async (params: Record<string, string>) => (await get(emu.url, `/__emulator/jssdk/check?${new URLSearchParams(params).toString()}`)).json;
    expect(await why({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: '' })).toEqual({ errMsg: 'config:fail', why: { missing: ['nonceStr', 'signature'] } });
    expect(await why({ url: 'http://localhost:3000/a', appId: SVC, timestamp: '1', nonceStr: 'a', signature: 'x' })).toEqual({
      errMsg: 'config:invalid url domain',
      why: { host: 'localhost:3000', domains: emu.apps.find((a) => a.appid === SVC)!.domain },
    });
    expect(await why({ url: PAGE, appId: 'wx0000000000000000', timestamp: '1', nonceStr: 'a', signature: 'x' })).toEqual({ errMsg: 'config:invalid signature', why: { signature: 'unknown-app' } });
    expect(await why({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'a', signature: 'x' })).toEqual({ errMsg: 'config:invalid signature', why: { signature: 'no-live-ticket' } });
    const t = await ticket();
    expect(await why({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'a', signature: 'x' })).toEqual({ errMsg: 'config:invalid signature', why: { signature: 'mismatch' } });
    expect(await why({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'a', signature: sha1(`jsapi_ticket=${t}&noncestr=a&timestamp=1&url=${PAGE}`) })).toEqual({ errMsg: 'config:ok' });
  });

  it('answers only this machine (the control API guard)', async () => {
    // fetch may not set Host; a raw request can, as a DNS-rebinding page's browser would.
    const r = await rawRequest(portOf(emu.url), '/__emulator/jssdk?url=x', { headers: { host: 'evil.example' } });
    expect(r.status).toBe(403);
  });
});

describe('/__emulator/tickets: the issued tickets, and ending one now', () => {
  const PAGE = 'http://localhost/shop?id=1';
  const signed = (t: string) => sha1(`jsapi_ticket=${t}&noncestr=abc&timestamp=1&url=${PAGE}`);
  const check = async (t: string) =>
    (await get(emu.url, `/__emulator/jssdk/check?${new URLSearchParams({ url: PAGE, appId: SVC, timestamp: '1', nonceStr: 'abc', signature: signed(t) }).toString()}`)).json.errMsg;

  it('GET lists each app’s ticket with its emulator-clock times; POST expire ends it: the old signature fails, the next getticket issues another', async () => {
    expect((await get(emu.url, '/__emulator/tickets')).json).toEqual({ ok: true, tickets: [] });
    const first = await ticket();
    const listed = (await get(emu.url, '/__emulator/tickets')).json;
    expect(listed.tickets).toEqual([{ appid: SVC, type: 'jsapi', ticket: first, issuedAt: T0, expiresAt: T0 + 7_200_000, expired: false }]);
    emu.advanceClock(60);
    const ended = await post(emu.url, '/__emulator/tickets', { appid: SVC, expire: true });
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ ok: true, appid: SVC, type: 'jsapi', expired: true, tickets: [{ ticket: first, expiresAt: T0 + 60_000, expired: true }] });
    expect(await check(first)).toBe('config:invalid signature');
    const second = await ticket();
    expect(second).not.toBe(first);
    expect(await check(second)).toBe('config:ok');
    // Nothing live to end (another app): said, not an error.
    expect((await post(emu.url, '/__emulator/tickets', { appid: TEST, expire: true })).json).toMatchObject({ ok: true, expired: false });
  });

  it('with ticketGraceSeconds, the ended ticket still verifies for that long, as one past its 7200 s does', async () => {
    const first = await ticket();
    emu.configure({ ticketGraceSeconds: 300 });
    await post(emu.url, '/__emulator/tickets', { appid: SVC, expire: true });
    expect(await check(first)).toBe('config:ok');
    emu.advanceClock(301);
    expect(await check(first)).toBe('config:invalid signature');
  });

  it('refuses a body without a seeded appid, expire: true or a known type (400); a reset forgets the tickets', async () => {
    await ticket();
    for (const body of [{ expire: true }, { appid: 'wx0000000000000000', expire: true }, { appid: SVC }, { appid: SVC, expire: true, type: 'card' }]) {
      const r = await post(emu.url, '/__emulator/tickets', body);
      expect(r.status).toBe(400);
      expect(r.json.error).toContain('"expire": true');
    }
    await post(emu.url, '/__emulator/reset', {});
    expect((await get(emu.url, '/__emulator/tickets')).json.tickets).toEqual([]);
  });
});

describe('the wx.config check page speaks one language, with a link to the other', () => {
  it('English for ?lang=en or an English browser, Chinese for ?lang=zh or a Chinese one; the link keeps the values', async () => {
    const en = (await get(emu.url, `/__emulator/jssdk?lang=en&appId=${SVC}`)).text;
    expect(en).toContain('<h1>wx.config check</h1>');
    expect(en).not.toMatch(/本页|找原因/);
    expect(en).toContain(`href="/__emulator/jssdk?url=&amp;appId=${SVC}&amp;timestamp=&amp;nonceStr=&amp;lang=zh">中文</a>`);
    const zh = (await get(emu.url, '/__emulator/jssdk', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } })).text;
    expect(zh).toContain('<h1>wx.config 检查</h1>');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).not.toContain('Checks a wx.config');
    const browserEn = (await get(emu.url, '/__emulator/jssdk', { headers: { 'accept-language': 'en-US' } })).text;
    expect(browserEn).toContain('Checks a wx.config as WeChat’s JS-SDK does');
    // A checked config: the other language's link runs the same check.
    const run = (await get(emu.url, `/__emulator/jssdk?lang=zh&url=${encodeURIComponent(PAGE_URL)}&appId=${SVC}&timestamp=1&nonceStr=a&signature=x`)).text;
    expect(run).toContain('找原因：');
    expect(run).toContain('&amp;signature=x&amp;lang=en">English</a>');
  });
});

const PAGE_URL = 'http://localhost/shop?id=1';

// Conformance of /cgi-bin/* against WeChat's documented payloads (API-FACTS §8–§13).
import { describe, expect, it } from 'vitest';
import { startEmulator, DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { Emulator } from '../../src/emulator/server.js';
import { cgiStableToken } from '../../src/emulator/cgi.js';
import type { Rq } from '../../src/emulator/reply.js';
import { beijingDay } from '../../src/emulator/state.js';
import { T0, T0_HEX, get, norm, post, useEmulator } from './helpers.js';

const SVC = DEFAULT_APPIDS.service;
const SVC_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
const TEST = DEFAULT_APPIDS.test;
const TEST_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000002';
const SUB = DEFAULT_APPIDS.subscription;
const SUB_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000004';

const emu = useEmulator();

const tokenPath = (appid = SVC as string, secret = SVC_SECRET as string) => `/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`;
async function basicToken(appid: string = SVC, secret: string = SVC_SECRET): Promise<string> {
  return String((await get(emu.url, tokenPath(appid, secret))).json.access_token);
}
const stable = (body: Record<string, unknown>) => post(emu.url, '/cgi-bin/stable_token', body);

describe('/cgi-bin/token', () => {
  it('returns {"access_token","expires_in":7200} as application/json; encoding=utf-8', async () => {
    const r = await get(emu.url, tokenPath());
    expect(r.headers.get('content-type')).toBe('application/json; encoding=utf-8');
    expect(Object.keys(r.json)).toEqual(['access_token', 'expires_in']);
    expect(r.json.expires_in).toBe(7200);
    expect(String(r.json.access_token)).toMatch(/^\d\d_[A-Za-z0-9_-]{130,160}$/);
  });

  it.each([
    ['wrong secret', tokenPath(SVC, '0'.repeat(32)), '{"errcode":40125,"errmsg":"invalid appsecret rid: RID"}'],
    ['unknown appid', tokenPath('wx0000000000000000'), '{"errcode":40013,"errmsg":"invalid appid rid: RID"}'],
    ['missing appid', `/cgi-bin/token?grant_type=client_credential&secret=${SVC_SECRET}`, '{"errcode":41002,"errmsg":"appid missing rid: RID"}'],
    ['missing secret', `/cgi-bin/token?grant_type=client_credential&appid=${SVC}`, '{"errcode":41004,"errmsg":"appsecret missing rid: RID"}'],
    ['bad grant_type', `/cgi-bin/token?grant_type=authorization_code&appid=${SVC}&secret=${SVC_SECRET}`, '{"errcode":40002,"errmsg":"invalid grant_type rid: RID"}'],
  ])('%s', async (_n, path, expected) => {
    const r = await get(emu.url, path);
    expect(r.status).toBe(200);
    expect(norm(r.text)).toBe(expected);
  });

  it('a new token leaves the previous one valid for 5 minutes, then 40001 "not latest"', async () => {
    const first = await basicToken();
    const second = await basicToken();
    expect(second).not.toBe(first);
    emu.advanceClock(299);
    expect((await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${first}`)).json).toHaveProperty('ip_list');
    emu.advanceClock(1);
    expect(norm((await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${first}`)).text)).toBe(
      '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r rid: RID"}',
    );
    expect((await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${second}`)).json).toHaveProperty('ip_list');
    emu.advanceClock(7200);
    expect(norm((await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${second}`)).text)).toBe('{"errcode":42001,"errmsg":"access_token expired rid: RID"}');
  });

  it('daily quota per appid -> 45009 (test account 200/day); the next Beijing day resets it', async () => {
    for (let i = 0; i < 200; i++) expect((await get(emu.url, tokenPath(TEST, TEST_SECRET))).json).toHaveProperty('access_token');
    expect(norm((await get(emu.url, tokenPath(TEST, TEST_SECRET))).text)).toBe('{"errcode":45009,"errmsg":"reach max api daily quota limit rid: RID"}');
    // Another appid is unaffected.
    expect((await get(emu.url, tokenPath())).json).toHaveProperty('access_token');
    emu.advanceClock(86400);
    expect((await get(emu.url, tokenPath(TEST, TEST_SECRET))).json).toHaveProperty('access_token');
  });

  it('45009 reads "api freq out of limit" with dailyQuotaErrmsg freq-out (JSSDK-FACTS §1.2 ⚠) on /cgi-bin/token too (getticket: jssdk.test.ts)', async () => {
    for (let i = 0; i < 200; i++) expect((await get(emu.url, tokenPath(TEST, TEST_SECRET))).json).toHaveProperty('access_token');
    emu.configure({ dailyQuotaErrmsg: 'freq-out' });
    expect(norm((await get(emu.url, tokenPath(TEST, TEST_SECRET))).text)).toBe('{"errcode":45009,"errmsg":"api freq out of limit rid: RID"}');
    emu.configure({ dailyQuotaErrmsg: 'reach-max' });
    expect(norm((await get(emu.url, tokenPath(TEST, TEST_SECRET))).text)).toBe('{"errcode":45009,"errmsg":"reach max api daily quota limit rid: RID"}');
    // Other errors keep their text.
    emu.configure({ dailyQuotaErrmsg: 'freq-out' });
    expect(norm((await get(emu.url, tokenPath(SVC, '0'.repeat(32)))).text)).toBe('{"errcode":40125,"errmsg":"invalid appsecret rid: RID"}');
  });

  it('IP whitelist -> 40164 with the caller IP as WeChat writes it', async () => {
    const custom = await startEmulator({
      clock: () => T0,
      seed: {
        apps: [{ appid: 'wx00000000000000aa', secret: 'a'.repeat(32), type: 'service', domain: 'localhost', ipWhitelist: ['10.0.0.1'] }],
        users: [{ nickname: 'x' }],
      },
    });
    try {
      const r = await get(custom.url, `/cgi-bin/token?grant_type=client_credential&appid=wx00000000000000aa&secret=${'a'.repeat(32)}`);
      // §8 / §0.4 (2021 sample): no comma before rid; public parsers match /not in whitelist rid:/.
      expect(norm(r.text)).toBe('{"errcode":40164,"errmsg":"invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist rid: RID"}');
      expect(r.text).toMatch(/not in whitelist rid:/);
      custom.configure({ callerIp: '10.0.0.1' });
      expect((await get(custom.url, `/cgi-bin/token?grant_type=client_credential&appid=wx00000000000000aa&secret=${'a'.repeat(32)}`)).json).toHaveProperty('access_token');
      custom.configure({ callerIp: '218.58.124.130' });
      const s = await post(custom.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx00000000000000aa', secret: 'a'.repeat(32) });
      expect(norm(s.text)).toBe('{"errcode":40164,"errmsg":"invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: RID"}');
      // §0.4 ⚠: a 2022 sample had the comma; the whitelistErrmsg switch gives it.
      custom.configure({ whitelistErrmsg: '2022' });
      const t = await get(custom.url, `/cgi-bin/token?grant_type=client_credential&appid=wx00000000000000aa&secret=${'a'.repeat(32)}`);
      expect(norm(t.text)).toBe('{"errcode":40164,"errmsg":"invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist, rid: RID"}');
    } finally {
      await custom.close();
    }
  });

  it('POST -> 43001 require GET method', async () => {
    expect(norm((await post(emu.url, tokenPath(), '')).text)).toBe('{"errcode":43001,"errmsg":"require GET method rid: RID"}');
  });

  it('40001 on /cgi-bin: no comma before rid by default, `…, rid: …` with credentialErrmsg comma (§0.4 ⚠); /sns 40001 keeps its comma', async () => {
    const userInfo = `/cgi-bin/user/info?access_token=nope&openid=o`;
    const advert = 'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r';
    expect(norm((await get(emu.url, userInfo)).text)).toBe(`{"errcode":40001,"errmsg":"${advert} rid: RID"}`);
    emu.configure({ credentialErrmsg: 'comma' });
    expect(norm((await get(emu.url, userInfo)).text)).toBe(`{"errcode":40001,"errmsg":"${advert}, rid: RID"}`);
    emu.configure({ tokenBadSecretErrcode: 40001 });
    expect(norm((await get(emu.url, tokenPath(SVC, '0'.repeat(32)))).text)).toBe('{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: RID"}');
    // Other cgi-bin errors keep the space only; /sns 40001 has its comma either way.
    expect(norm((await get(emu.url, tokenPath('wx0000000000000000'))).text)).toBe('{"errcode":40013,"errmsg":"invalid appid rid: RID"}');
    expect(norm((await get(emu.url, '/sns/userinfo?access_token=nope&openid=o')).text)).toBe('{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: RID"}');
    emu.configure({ credentialErrmsg: 'space', tokenBadSecretErrcode: 40125 });
  });

  it('wrong secret: 40125 by default, the older docs\' 40001 with tokenBadSecretErrcode 40001 (§8 ⚠); stable_token keeps 40125', async () => {
    const wrong = tokenPath(SVC, '0'.repeat(32));
    expect(norm((await get(emu.url, wrong)).text)).toBe('{"errcode":40125,"errmsg":"invalid appsecret rid: RID"}');
    emu.configure({ tokenBadSecretErrcode: 40001 });
    expect(norm((await get(emu.url, wrong)).text)).toBe('{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: RID"}');
    expect((await stable({ grant_type: 'client_credential', appid: SVC, secret: 'x' })).json.errcode).toBe(40125);
    expect((await get(emu.url, tokenPath())).json).toHaveProperty('access_token');
    emu.configure({ tokenBadSecretErrcode: 40125 });
    expect((await get(emu.url, wrong)).json.errcode).toBe(40125);
  });
});

describe('/cgi-bin/stable_token', () => {
  it('normal mode returns the same token with the remaining life until 5 minutes before expiry', async () => {
    const a = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET, force_refresh: false });
    expect(Object.keys(a.json)).toEqual(['access_token', 'expires_in']);
    expect(a.json.expires_in).toBe(7200);
    emu.advanceClock(1000);
    const b = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET });
    expect(b.json.access_token).toBe(a.json.access_token);
    expect(b.json.expires_in).toBe(6200);
    emu.advanceClock(5900); // 300 s left: rotates
    const c = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET });
    expect(c.json.access_token).not.toBe(a.json.access_token);
    expect(c.json.expires_in).toBe(7200);
    // The old one keeps working until its own expiry.
    expect((await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${String(a.json.access_token)}`)).json).toHaveProperty('ip_list');
  });

  it('is isolated from /cgi-bin/token', async () => {
    const s = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET });
    await basicToken();
    await basicToken();
    emu.advanceClock(600);
    expect((await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${String(s.json.access_token)}`)).json).toHaveProperty('ip_list');
  });

  it('force_refresh rotates (old one dies), but not within 30 s, and at most 20 a day -> 45009', async () => {
    const a = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET });
    const b = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET, force_refresh: true });
    expect(b.json.access_token).not.toBe(a.json.access_token);
    expect((await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${String(a.json.access_token)}`)).json.errcode).toBe(40001);
    emu.advanceClock(10);
    const c = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET, force_refresh: true });
    expect(c.json.access_token).toBe(b.json.access_token);
    for (let i = 0; i < 19; i++) {
      emu.advanceClock(30);
      const r = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET, force_refresh: true });
      expect(r.json).toHaveProperty('access_token');
    }
    emu.advanceClock(30);
    const over = await stable({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET, force_refresh: true });
    expect(norm(over.text)).toBe('{"errcode":45009,"errmsg":"reach max api daily quota limit rid: RID"}');
  });

  it.each([
    ['form body (not parsed)', `grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`, '{"errcode":41002,"errmsg":"appid missing rid: RID"}'],
    ['bad grant_type', JSON.stringify({ grant_type: 'x', appid: SVC, secret: SVC_SECRET }), '{"errcode":40002,"errmsg":"invalid grant_type rid: RID"}'],
    ['wrong secret', JSON.stringify({ grant_type: 'client_credential', appid: SVC, secret: 'x' }), '{"errcode":40125,"errmsg":"invalid appsecret rid: RID"}'],
    ['unknown appid', JSON.stringify({ grant_type: 'client_credential', appid: 'wx1111111111111111', secret: 'x' }), '{"errcode":40013,"errmsg":"invalid appid rid: RID"}'],
    ['empty body', '', '{"errcode":44002,"errmsg":"empty post data rid: RID"}'],
  ])('%s', async (_n, body, expected) => {
    expect(norm((await post(emu.url, '/cgi-bin/stable_token', body)).text)).toBe(expected);
  });

  it('GET -> 43002 require POST method', async () => {
    expect(norm((await get(emu.url, '/cgi-bin/stable_token')).text)).toBe('{"errcode":43002,"errmsg":"require POST method rid: RID"}');
  });
});

describe('/cgi-bin/stable_token limits: 10,000 a minute, 500,000 a day (§9, §14)', () => {
  // Hundreds of thousands of HTTP round trips would dominate the suite: the calls under the limit go
  // to the route directly (the function the router calls, on the emulator's real counters), the
  // refused ones over HTTP to the same emulator, listening.
  const body = JSON.stringify({ grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET });
  const rq: Rq = { method: 'POST', path: '/cgi-bin/stable_token', query: new URLSearchParams(), rawQuery: '', url: '/cgi-bin/stable_token', body, ip: '127.0.0.1', headers: {} };

  async function listening(): Promise<Emulator> {
    const e = new Emulator({ clock: () => T0 });
    await e.listen(0, '127.0.0.1');
    return e;
  }

  it('the 10,001st call in a minute -> 45011 with the errCode page\'s errmsg; the next minute answers again; another app is unaffected', async () => {
    const e = await listening();
    try {
      for (let i = 0; i < 10_000; i++) expect(cgiStableToken(e, rq).errcode).toBeUndefined();
      const over = await post(e.url, '/cgi-bin/stable_token', body);
      expect(norm(over.text)).toBe('{"errcode":45011,"errmsg":"api minute-quota reach limit, must slower, retry next minute rid: RID"}');
      expect((await post(e.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: TEST, secret: TEST_SECRET })).json).toHaveProperty('access_token');
      // §14 ⚠: the doc tables' spelling, double spaces included.
      e.switches = { ...e.switches, minuteQuotaErrmsg: 'doc-table' };
      expect(norm((await post(e.url, '/cgi-bin/stable_token', body)).text)).toBe('{"errcode":45011,"errmsg":"api minute-quota reach limit  mustslower  retry next minute rid: RID"}');
      e.advanceClock(60);
      expect((await post(e.url, '/cgi-bin/stable_token', body)).json).toHaveProperty('access_token');
      // The refused calls were not counted: quota/get sees the 10,001 that were answered.
      const at = String((await post(e.url, '/cgi-bin/stable_token', body)).json.access_token);
      const q = await post(e.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, { cgi_path: '/cgi-bin/stable_token' });
      expect(q.json.quota).toEqual({ daily_limit: 500_000, used: 10_002, remain: 489_998 });
      expect(q.json.rate_limit).toEqual({ call_count: 10_000, refresh_second: 60 });
    } finally {
      await e.close();
    }
  });

  it('the 500,001st call in a Beijing day -> 45009 reach max api daily quota limit; the next day answers again', async () => {
    const e = await listening();
    try {
      // 500,000 calls would take 50 emulated minutes of the route: today's count is put in the counter
      // the route reads and quota/get reports (the seam the getticket quota test uses for tokens).
      e.state.quota.set(`${SVC} /cgi-bin/stable_token`, { day: beijingDay(T0), used: 499_998 });
      expect((await post(e.url, '/cgi-bin/stable_token', body)).json).toHaveProperty('access_token');
      const at = String((await post(e.url, '/cgi-bin/stable_token', body)).json.access_token);
      expect(norm((await post(e.url, '/cgi-bin/stable_token', body)).text)).toBe('{"errcode":45009,"errmsg":"reach max api daily quota limit rid: RID"}');
      const q = await post(e.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, { cgi_path: '/cgi-bin/stable_token' });
      expect(q.json.quota).toEqual({ daily_limit: 500_000, used: 500_000, remain: 0 });
      e.advanceClock(86_400);
      expect((await post(e.url, '/cgi-bin/stable_token', body)).json).toHaveProperty('access_token');
    } finally {
      await e.close();
    }
  });
});

describe('/cgi-bin/user/info', () => {
  it('follower: subscribe 1 with unionid; non-follower: subscribe 0; foreign openid 40003', async () => {
    const at = await basicToken();
    const u1 = emu.users[0]!;
    const r = await get(emu.url, `/cgi-bin/user/info?access_token=${at}&openid=${u1.openids[SVC]}&lang=zh_CN`);
    expect(r.text).toBe(
      `{"subscribe":1,"openid":"${u1.openids[SVC]}","language":"zh_CN","subscribe_time":1700000000,"unionid":"${u1.unionids['open-demo']}","remark":"","groupid":0,"tagid_list":[],"subscribe_scene":"ADD_SCENE_QR_CODE","qr_scene":0,"qr_scene_str":""}`,
    );
    const u3 = emu.users[2]!;
    // A user who does not follow still gets an empty tagid_list (issue 12 item 16).
    expect((await get(emu.url, `/cgi-bin/user/info?access_token=${at}&openid=${u3.openids[SVC]}`)).text).toBe(
      `{"subscribe":0,"openid":"${u3.openids[SVC]}","unionid":"${u3.unionids['open-demo']}","tagid_list":[]}`,
    );
    expect(norm((await get(emu.url, `/cgi-bin/user/info?access_token=${at}&openid=${u1.openids[TEST]}`)).text)).toBe('{"errcode":40003,"errmsg":"invalid openid rid: RID"}');
    expect(norm((await get(emu.url, `/cgi-bin/user/info?openid=${u1.openids[SVC]}`)).text)).toBe('{"errcode":41001,"errmsg":"access_token missing rid: RID"}');
  });

  it('non-follower of an unbound app: openid and tagid_list only', async () => {
    const at = await basicToken(TEST, TEST_SECRET);
    const u3 = emu.users[2]!;
    expect((await get(emu.url, `/cgi-bin/user/info?access_token=${at}&openid=${u3.openids[TEST]}`)).text).toBe(`{"subscribe":0,"openid":"${u3.openids[TEST]}","tagid_list":[]}`);
  });

  it('userInfoEra current: language is no longer provided, the rest keeps its order', async () => {
    emu.configure({ userInfoEra: 'current' });
    const at = await basicToken();
    const u1 = emu.users[0]!;
    expect((await get(emu.url, `/cgi-bin/user/info?access_token=${at}&openid=${u1.openids[SVC]}&lang=en`)).text).toBe(
      `{"subscribe":1,"openid":"${u1.openids[SVC]}","subscribe_time":1700000000,"unionid":"${u1.unionids['open-demo']}","remark":"","groupid":0,"tagid_list":[],"subscribe_scene":"ADD_SCENE_QR_CODE","qr_scene":0,"qr_scene_str":""}`,
    );
  });

  it('works for a subscription account too', async () => {
    const at = await basicToken(SUB, SUB_SECRET);
    const u1 = emu.users[0]!;
    expect((await get(emu.url, `/cgi-bin/user/info?access_token=${at}&openid=${u1.openids[SUB]}`)).json.subscribe).toBe(1);
  });
});

describe('quota/get, rid/get, clear_quota', () => {
  it('quota/get reports /cgi-bin/token usage and rejects /sns paths with 76022', async () => {
    await basicToken();
    const at = await basicToken();
    const q = await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, { cgi_path: '/cgi-bin/token' });
    expect(q.text).toBe('{"errcode":0,"errmsg":"ok","quota":{"daily_limit":2000,"used":2,"remain":1998},"rate_limit":{"call_count":0,"refresh_second":0},"component_rate_limit":{"call_count":0,"refresh_second":0}}');
    expect(norm((await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, { cgi_path: '/sns/jscode2session' })).text)).toBe(
      '{"errcode":76022,"errmsg":"could not use this cgi_path, no permission rid: RID"}',
    );
    expect(norm((await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, { cgi_path: '/cgi-bin/nope' })).text)).toBe(
      '{"errcode":76021,"errmsg":"cgi_path not found, please check rid: RID"}',
    );
    expect(norm((await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, '{"cgi_path":')).text)).toBe('{"errcode":47001,"errmsg":"data format error rid: RID"}');
  });

  it.each([
    ['no leading /', 'cgi-bin/token'],
    ['a scheme and host prefix', 'https://api.weixin.qq.com/cgi-bin/token'],
    ['a scheme-relative host prefix', '//api.weixin.qq.com/cgi-bin/token'],
    ['an empty path', ''],
  ])('quota/get: a cgi_path with %s -> 76003 (§10 "否则都会76003的报错"), not 76021', async (_n, cgiPath) => {
    const at = await basicToken();
    expect(norm((await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, { cgi_path: cgiPath })).text)).toBe(
      '{"errcode":76003,"errmsg":"could not query this rid,no permission rid: RID"}',
    );
  });

  it('rid/get finds the rid of an injected errcode fault, as the app whose token the faulted call carried', async () => {
    const at = await basicToken();
    emu.addFault({ kind: 'errcode', errcode: 40001, path: '/cgi-bin/ticket/getticket', count: 1 });
    const faulted = await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${at}&type=jsapi`);
    const rid = /rid: ([0-9a-f-]+)/.exec(String(faulted.json.errmsg))![1]!;
    const found = await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${at}`, { rid });
    expect(found.json.errcode).toBe(0);
    expect(JSON.stringify(found.json)).toContain('type=jsapi');
  });

  // A busy fault's -1 was logged without its app (errcode=-1 carried it), so the app whose call met it got
  // 76003 "no permission" for its own rid, where the same answer from an errcode=-1 fault was found.
  it('rid/get finds the rid of a busy fault (-1) as it finds an errcode=-1 fault\'s, as the app whose token the call carried', async () => {
    const at = await basicToken();
    for (const fault of [{ kind: 'busy' as const }, { kind: 'errcode' as const, errcode: -1 }]) {
      emu.addFault({ ...fault, path: '/cgi-bin/ticket/getticket', count: 1 });
      const faulted = await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${at}&type=jsapi`);
      expect(faulted.json.errcode, fault.kind).toBe(-1);
      const rid = /rid: ([0-9a-f-]+)/.exec(String(faulted.json.errmsg))![1]!;
      const found = await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${at}`, { rid });
      expect(found.json.errcode, fault.kind).toBe(0);
    }
  });

  it('rid/get on an /sns/ rid: 76001 "rid not found, please check" by default, 76022 with snsRidErrcode 76022 (§11 ⚠)', async () => {
    const at = await basicToken();
    const snsRid = async () => /rid: (\S+)"/.exec((await get(emu.url, `/sns/auth?access_token=nope&openid=o`)).text)![1]!;
    const ridGet = (rid: string) => post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${at}`, { rid });
    const before = await snsRid();
    expect(norm((await ridGet(before)).text)).toBe('{"errcode":76001,"errmsg":"rid not found, please check rid: RID"}');
    emu.configure({ snsRidErrcode: 76022 });
    const after = await snsRid();
    expect(norm((await ridGet(after)).text)).toBe('{"errcode":76022,"errmsg":"could not use this cgi_path, no permission rid: RID"}');
    // Also from another account (not 76003), and only for 7 days; a cgi rid is still served.
    const other = await basicToken(TEST, TEST_SECRET);
    expect((await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${other}`, { rid: after })).json.errcode).toBe(76022);
    const cgiRid = /rid: (\S+)"/.exec((await get(emu.url, tokenPath(SVC, '0'.repeat(32)))).text)![1]!;
    expect((await ridGet(cgiRid)).json.errcode).toBe(0);
    emu.advanceClock(7 * 86400 + 1);
    expect((await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${await basicToken()}`, { rid: after })).json.errcode).toBe(76001);
    emu.configure({ snsRidErrcode: 76001 });
  });

  it('rid/get answers for rids the emulator issued to this account; 76001 unknown; 76002 malformed; 76003 other account', async () => {
    const bad = await get(emu.url, tokenPath(SVC, '0'.repeat(32)));
    const rid = /rid: (\S+)"/.exec(bad.text)![1]!;
    expect(rid.startsWith(T0_HEX + '-')).toBe(true);
    const at = await basicToken();
    const r = await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${at}`, { rid });
    expect(r.json).toMatchObject({ errcode: 0, errmsg: 'ok' });
    const request = r.json.request as Record<string, unknown>;
    expect(Object.keys(request)).toEqual(['invoke_time', 'cost_in_ms', 'request_url', 'request_body', 'response_body', 'client_ip']);
    expect(request.invoke_time).toBe(Math.floor(T0 / 1000));
    expect(request.request_url).toBe(`grant_type=client_credential&appid=${SVC}&secret=000000xxxx`);
    expect(request.response_body).toBe(bad.text);
    expect(request.client_ip).toBe('127.0.0.1');
    expect(norm((await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${at}`, { rid: '61725984-6126f6f9-040f19c4' })).text)).toBe('{"errcode":76001,"errmsg":"rid not found, please check rid: RID"}');
    expect(norm((await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${at}`, { rid: 'nope' })).text)).toBe('{"errcode":76002,"errmsg":"rid is error rid: RID"}');
    const other = await basicToken(TEST, TEST_SECRET);
    expect((await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${other}`, { rid })).json.errcode).toBe(76003);
    emu.advanceClock(7 * 86400 + 1);
    const late = await basicToken();
    expect((await post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${late}`, { rid })).json.errcode).toBe(76001);
  });

  it('clear_quota resets the counters, 10 a month -> 48006; wrong appid 40013; v2 by appid+appsecret', async () => {
    const at = await basicToken();
    expect((await post(emu.url, `/cgi-bin/clear_quota?access_token=${at}`, { appid: TEST })).json.errcode).toBe(40013);
    expect((await post(emu.url, `/cgi-bin/clear_quota?access_token=${at}`, { appid: SVC })).text).toBe('{"errcode":0,"errmsg":"ok"}');
    const q = await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, { cgi_path: '/cgi-bin/token' });
    expect((q.json.quota as Record<string, number>).used).toBe(0);
    for (let i = 0; i < 8; i++) expect((await post(emu.url, `/cgi-bin/clear_quota?access_token=${at}`, { appid: SVC })).json.errcode).toBe(0);
    expect((await post(emu.url, `/cgi-bin/clear_quota/v2?appid=${SVC}&appsecret=${SVC_SECRET}`, '')).json.errcode).toBe(0);
    expect(norm((await post(emu.url, `/cgi-bin/clear_quota/v2`, { appid: SVC, appsecret: SVC_SECRET })).text)).toBe(
      '{"errcode":48006,"errmsg":"forbid to clear quota because of reaching the limit rid: RID"}',
    );
  });

  it('quota/clear resets one API\'s count for this app only: {"errcode":0,"errmsg":"ok"} (§12)', async () => {
    const quotaOf = async (at: string, cgiPath: string) =>
      (await post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${at}`, { cgi_path: cgiPath })).json.quota as Record<string, number>;
    await basicToken();
    await basicToken();
    const at = await basicToken();
    await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${at}`);
    const other = await basicToken(TEST, TEST_SECRET);
    const cleared = await post(emu.url, `/cgi-bin/openapi/quota/clear?access_token=${at}`, { cgi_path: '/cgi-bin/token' });
    expect(cleared.status).toBe(200);
    expect(cleared.text).toBe('{"errcode":0,"errmsg":"ok"}');
    expect(await quotaOf(at, '/cgi-bin/token')).toEqual({ daily_limit: 2000, used: 0, remain: 2000 });
    // Another path of the same app, and the same path of another app, keep their counts.
    expect((await quotaOf(at, '/cgi-bin/get_api_domain_ip')).used).toBe(1);
    expect((await quotaOf(other, '/cgi-bin/token')).used).toBe(1);
    // The daily quota it guards is really free again: the test account's 200 a day.
    for (let i = 1; i < 200; i++) await basicToken(TEST, TEST_SECRET);
    expect((await get(emu.url, tokenPath(TEST, TEST_SECRET))).json.errcode).toBe(45009);
    // A stable token: the 199 fetches above have retired `other`.
    const stableAt = String((await stable({ grant_type: 'client_credential', appid: TEST, secret: TEST_SECRET })).json.access_token);
    expect((await post(emu.url, `/cgi-bin/openapi/quota/clear?access_token=${stableAt}`, { cgi_path: '/cgi-bin/token' })).json.errcode).toBe(0);
    expect((await get(emu.url, tokenPath(TEST, TEST_SECRET))).json).toHaveProperty('access_token');
  });

  it.each([
    ['a cgi_path without a leading /', { cgi_path: 'cgi-bin/token' }, '{"errcode":76003,"errmsg":"could not query this rid,no permission rid: RID"}'],
    ['a host prefix', { cgi_path: 'https://api.weixin.qq.com/cgi-bin/token' }, '{"errcode":76003,"errmsg":"could not query this rid,no permission rid: RID"}'],
    ['an unknown path', { cgi_path: '/cgi-bin/nope' }, '{"errcode":76021,"errmsg":"cgi_path not found, please check rid: RID"}'],
    ['an /sns/ path', { cgi_path: '/sns/oauth2/access_token' }, '{"errcode":76022,"errmsg":"could not use this cgi_path, no permission rid: RID"}'],
    ['a body that is not JSON', '{"cgi_path":', '{"errcode":47001,"errmsg":"data format error rid: RID"}'],
  ])('quota/clear: %s -> the errcode quota/get gives', async (_n, body, expected) => {
    const at = await basicToken();
    expect(norm((await post(emu.url, `/cgi-bin/openapi/quota/clear?access_token=${at}`, body)).text)).toBe(expected);
  });

  it('quota/clear checks the token like every /cgi-bin call; GET -> 43002', async () => {
    expect(norm((await post(emu.url, '/cgi-bin/openapi/quota/clear', { cgi_path: '/cgi-bin/token' })).text)).toBe('{"errcode":41001,"errmsg":"access_token missing rid: RID"}');
    expect((await post(emu.url, '/cgi-bin/openapi/quota/clear?access_token=nope', { cgi_path: '/cgi-bin/token' })).json.errcode).toBe(40001);
    expect(norm((await get(emu.url, '/cgi-bin/openapi/quota/clear')).text)).toBe('{"errcode":43002,"errmsg":"require POST method rid: RID"}');
  });

  it('quota/clear: 50 clears a month per account (the doc), then 48006; the next month again', async () => {
    const at = await basicToken();
    for (let i = 0; i < 50; i++) expect((await post(emu.url, `/cgi-bin/openapi/quota/clear?access_token=${at}`, { cgi_path: '/cgi-bin/token' })).json.errcode).toBe(0);
    expect(norm((await post(emu.url, `/cgi-bin/openapi/quota/clear?access_token=${at}`, { cgi_path: '/cgi-bin/user/info' })).text)).toBe(
      '{"errcode":48006,"errmsg":"forbid to clear quota because of reaching the limit rid: RID"}',
    );
    // clear_quota keeps its own 10 a month.
    expect((await post(emu.url, `/cgi-bin/clear_quota?access_token=${at}`, { appid: SVC })).json.errcode).toBe(0);
    emu.advanceClock(31 * 86400);
    const later = await basicToken();
    expect((await post(emu.url, `/cgi-bin/openapi/quota/clear?access_token=${later}`, { cgi_path: '/cgi-bin/token' })).json.errcode).toBe(0);
  });

  it('get_api_domain_ip lists the documented IPs', async () => {
    const at = await basicToken();
    expect((await get(emu.url, `/cgi-bin/get_api_domain_ip?access_token=${at}`)).text).toBe('{"ip_list":["101.89.47.18","101.91.34.103","101.91.37.13","109.244.129.223"]}');
  });
});

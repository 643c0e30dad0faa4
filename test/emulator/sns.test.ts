// Conformance of /sns/* against WeChat's documented and observed payloads (API-FACTS §0, §4–§7).
// Expected bodies are written out literally here, never produced by wxauth's client code.
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { T0, T0_HEX, get, norm, useEmulator } from './helpers.js';

const SVC = DEFAULT_APPIDS.service;
const SVC_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
const TEST = DEFAULT_APPIDS.test;
const TEST_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000002';
const WEB = DEFAULT_APPIDS.website;
const WEB_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000003';

const emu = useEmulator();

function exchangePath(appid: string, secret: string, code: string): string {
  return `/sns/oauth2/access_token?appid=${appid}&secret=${secret}&code=${code}&grant_type=authorization_code`;
}

async function exchange(appid: string, secret: string, code: string) {
  return get(emu.url, exchangePath(appid, secret, code));
}

describe('/sns/oauth2/access_token', () => {
  it('exchanges a snsapi_base code: 7200 s token, 28-char openid, no unionid, text/plain, HTTP 200', async () => {
    const code = emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_base' });
    expect(code).toMatch(/^0[0-9A-Za-z]{31}$/);
    const r = await exchange(SVC, SVC_SECRET, code);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain');
    expect(Object.keys(r.json)).toEqual(['access_token', 'expires_in', 'refresh_token', 'openid', 'scope']);
    expect(r.json.expires_in).toBe(7200);
    expect(r.json.scope).toBe('snsapi_base');
    expect(r.json.access_token).toMatch(/^\d\d_[A-Za-z0-9_-]{107}$/);
    expect(r.json.refresh_token).toMatch(/^\d\d_[A-Za-z0-9_-]{107}$/);
    expect(r.json.openid).toBe(emu.users[0]!.openids[SVC]);
    expect(r.json.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(r.text).not.toContain('token_type');
    expect(r.text).not.toContain('errcode');
  });

  it('adds unionid for snsapi_userinfo on an app bound to an open-platform account, same across bound apps', async () => {
    const svc = await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u2', scope: 'snsapi_userinfo' }));
    const web = await exchange(WEB, WEB_SECRET, emu.issueCode({ appid: WEB, user: 'u2', scope: 'snsapi_login' }));
    expect(svc.json.unionid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(web.json.unionid).toBe(svc.json.unionid);
    expect(web.json.openid).not.toBe(svc.json.openid);
    expect(web.json.scope).toBe('snsapi_login');
  });

  it('tokenKeyOrder (§0.3 ⚠ "varies between quoted samples"): expires_in last when switched, the same values', async () => {
    emu.configure({ tokenKeyOrder: 'expires-last' });
    const r = await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u2', scope: 'snsapi_userinfo' }));
    expect(Object.keys(r.json)).toEqual(['access_token', 'refresh_token', 'openid', 'scope', 'expires_in', 'unionid']);
    expect(r.json.expires_in).toBe(7200);
  });

  it('has no unionid when the app is not bound (test account)', async () => {
    const r = await exchange(TEST, TEST_SECRET, emu.issueCode({ appid: TEST, user: 'u1', scope: 'snsapi_userinfo' }));
    expect(r.json.openid).toBe(emu.users[0]!.openids[TEST]);
    expect(r.json).not.toHaveProperty('unionid');
    expect(r.json.openid).not.toBe(emu.users[0]!.openids[SVC]);
  });

  it('marks snapshot users with is_snapshotuser 1, the requested scope and virtual openid/unionid, in the official example order', async () => {
    // §4 success example: access_token, expires_in, refresh_token, openid, scope, is_snapshotuser, unionid;
    // §1.6: a snapshot user's openid and unionid are virtual (issue 12 item 15).
    const r = await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo', snapshot: true }));
    expect(Object.keys(r.json)).toEqual(['access_token', 'expires_in', 'refresh_token', 'openid', 'scope', 'is_snapshotuser', 'unionid']);
    expect(r.json.scope).toBe('snsapi_userinfo');
    expect(r.json.is_snapshotuser).toBe(1);
    expect(r.json.openid).not.toBe(emu.users[0]!.openids[SVC]);
    expect(r.json.unionid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(r.json.unionid).not.toBe(emu.users[0]!.unionids['open-demo']);
    // The refreshed token keeps the scope.
    const refreshed = await get(emu.url, `/sns/oauth2/refresh_token?appid=${SVC}&grant_type=refresh_token&refresh_token=${String(r.json.refresh_token)}`);
    expect(refreshed.json.scope).toBe('snsapi_userinfo');
  });

  it('snapshotFlag missing-first (§4 ⚠): each app\'s first exchange for a snapshot user lacks is_snapshotuser, later ones carry it', async () => {
    const snapshotCode = (appid: string) => emu.issueCode({ appid, user: 'u1', scope: 'snsapi_userinfo', snapshot: true });
    expect((await exchange(SVC, SVC_SECRET, snapshotCode(SVC))).json.is_snapshotuser).toBe(1);
    emu.configure({ snapshotFlag: 'missing-first' });
    // The first code comes the real way: the authorize link with forceSnapShot=1.
    const link = `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&response_type=code&scope=snsapi_userinfo&state=S&forceSnapShot=1`;
    const code = new URL((await get(emu.url, link)).headers.get('location')!).searchParams.get('code')!;
    const first = await exchange(SVC, SVC_SECRET, code);
    expect(Object.keys(first.json)).toEqual(['access_token', 'expires_in', 'refresh_token', 'openid', 'scope', 'unionid']);
    // Still the virtual user: its token is refused by /sns/userinfo as a snapshot user's.
    const info = await get(emu.url, `/sns/userinfo?access_token=${String(first.json.access_token)}&openid=${String(first.json.openid)}`);
    expect(info.json.errcode).toBe(48001);
    const second = await exchange(SVC, SVC_SECRET, snapshotCode(SVC));
    expect(second.json).toMatchObject({ openid: first.json.openid, is_snapshotuser: 1 });
    // Per app: another app's first exchange lacks it too; ordinary users never have it.
    expect((await exchange(TEST, TEST_SECRET, snapshotCode(TEST))).json).not.toHaveProperty('is_snapshotuser');
    expect((await exchange(TEST, TEST_SECRET, snapshotCode(TEST))).json.is_snapshotuser).toBe(1);
    expect((await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' }))).json).not.toHaveProperty('is_snapshotuser');
    // A reset forgets who has exchanged.
    emu.reset();
    emu.configure({ snapshotFlag: 'missing-first' });
    expect((await exchange(SVC, SVC_SECRET, snapshotCode(SVC))).json).not.toHaveProperty('is_snapshotuser');
  });

  it('a snapshot user of an unbound app has no unionid', async () => {
    const r = await exchange(TEST, TEST_SECRET, emu.issueCode({ appid: TEST, user: 'u1', scope: 'snsapi_userinfo', snapshot: true }));
    expect(r.json).toMatchObject({ scope: 'snsapi_userinfo', is_snapshotuser: 1 });
    expect(r.json).not.toHaveProperty('unionid');
  });

  it('answers a reused code with 40163 "code been used", with a rid whose first group is the clock in hex', async () => {
    const code = emu.issueCode({ appid: SVC });
    expect((await exchange(SVC, SVC_SECRET, code)).json).toHaveProperty('access_token');
    const again = await exchange(SVC, SVC_SECRET, code);
    expect(again.status).toBe(200);
    expect(norm(again.text)).toBe('{"errcode":40163,"errmsg":"code been used, rid: RID"}');
    expect(again.text).toContain(`rid: ${T0_HEX}-`);
  });

  it('a reused code: 40163 by default, 40029 "invalid code" with reusedCodeErrcode 40029 (§4 ⚠)', async () => {
    const code = emu.issueCode({ appid: SVC });
    expect((await exchange(SVC, SVC_SECRET, code)).json).toHaveProperty('access_token');
    expect((await exchange(SVC, SVC_SECRET, code)).json.errcode).toBe(40163);
    emu.configure({ reusedCodeErrcode: 40029 });
    expect(norm((await exchange(SVC, SVC_SECRET, code)).text)).toBe('{"errcode":40029,"errmsg":"invalid code, rid: RID"}');
    // Only a spent code changes: a fresh one is still exchanged once.
    const fresh = emu.issueCode({ appid: SVC });
    expect((await exchange(SVC, SVC_SECRET, fresh)).json).toHaveProperty('access_token');
    expect((await exchange(SVC, SVC_SECRET, fresh)).json.errcode).toBe(40029);
    emu.configure({ reusedCodeErrcode: 40163 });
    expect((await exchange(SVC, SVC_SECRET, code)).json.errcode).toBe(40163);
  });

  it('expires official-account codes after 5 minutes with 40029 (default) or 42003 (switch)', async () => {
    const fresh = emu.issueCode({ appid: SVC });
    emu.advanceClock(299);
    expect((await exchange(SVC, SVC_SECRET, fresh)).json).toHaveProperty('access_token');
    const stale = emu.issueCode({ appid: SVC });
    emu.advanceClock(300);
    expect(norm((await exchange(SVC, SVC_SECRET, stale)).text)).toBe('{"errcode":40029,"errmsg":"invalid code, rid: RID"}');
    emu.configure({ expiredCodeErrcode: 42003 });
    const stale2 = emu.issueCode({ appid: SVC });
    emu.advanceClock(301);
    expect(norm((await exchange(SVC, SVC_SECRET, stale2)).text)).toBe('{"errcode":42003,"errmsg":"code expired, rid: RID"}');
  });

  it('keeps website-app codes for 10 minutes', async () => {
    const code = emu.issueCode({ appid: WEB });
    emu.advanceClock(599);
    expect((await exchange(WEB, WEB_SECRET, code)).json.scope).toBe('snsapi_login');
    const late = emu.issueCode({ appid: WEB });
    emu.advanceClock(600);
    expect((await exchange(WEB, WEB_SECRET, late)).json.errcode).toBe(40029);
  });

  it('binds a code to its appid: another appid gets 40029 and the code stays usable', async () => {
    const code = emu.issueCode({ appid: SVC });
    expect(norm((await exchange(TEST, TEST_SECRET, code)).text)).toBe('{"errcode":40029,"errmsg":"invalid code, rid: RID"}');
    expect((await exchange(SVC, SVC_SECRET, code)).json).toHaveProperty('access_token');
  });

  it('is case-sensitive about codes (lower-cased code -> 40029)', async () => {
    const code = emu.issueCode({ appid: SVC });
    expect((await exchange(SVC, SVC_SECRET, code.toLowerCase())).json.errcode).toBe(40029);
  });

  it.each([
    ['wrong secret', `/sns/oauth2/access_token?appid=${SVC}&secret=00000000000000000000000000000000&code=0abc&grant_type=authorization_code`, '{"errcode":40125,"errmsg":"invalid appsecret, rid: RID"}'],
    ['unknown appid', `/sns/oauth2/access_token?appid=wx0000000000000000&secret=${SVC_SECRET}&code=0abc&grant_type=authorization_code`, '{"errcode":40013,"errmsg":"invalid appid, rid: RID"}'],
    ['missing appid', `/sns/oauth2/access_token?secret=${SVC_SECRET}&code=0abc&grant_type=authorization_code`, '{"errcode":41002,"errmsg":"appid missing, rid: RID"}'],
    ['missing secret', `/sns/oauth2/access_token?appid=${SVC}&code=0abc&grant_type=authorization_code`, '{"errcode":41004,"errmsg":"appsecret missing, rid: RID"}'],
    ['missing code', `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&grant_type=authorization_code`, '{"errcode":41008,"errmsg":"missing code, rid: RID"}'],
    ['bad grant_type', `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=0abc&grant_type=client_credential`, '{"errcode":40002,"errmsg":"invalid grant_type, rid: RID"}'],
    ['unknown code', `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=061eY9xX08tQu02IH4wX05BjxX0eY9xA&grant_type=authorization_code`, '{"errcode":40029,"errmsg":"invalid code, rid: RID"}'],
  ])('%s', async (_name, path, expected) => {
    const r = await get(emu.url, path);
    expect(r.status).toBe(200);
    expect(norm(r.text)).toBe(expected);
  });

  it('a wrong secret AND an invalid code: 40125 by default, 40029 with codeCheckOrder code-first (§4 ⚠, §17.4)', async () => {
    const both = `/sns/oauth2/access_token?appid=${SVC}&secret=${'0'.repeat(32)}&code=0nope&grant_type=authorization_code`;
    expect(norm((await get(emu.url, both)).text)).toBe('{"errcode":40125,"errmsg":"invalid appsecret, rid: RID"}');
    emu.configure({ codeCheckOrder: 'code-first' });
    expect(norm((await get(emu.url, both)).text)).toBe('{"errcode":40029,"errmsg":"invalid code, rid: RID"}');
    expect(norm((await get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${'0'.repeat(32)}&grant_type=authorization_code`)).text)).toBe(
      '{"errcode":41008,"errmsg":"missing code, rid: RID"}',
    );
    // A good code with a wrong secret is refused without being spent.
    const code = emu.issueCode({ appid: SVC });
    expect((await exchange(SVC, '0'.repeat(32), code)).json.errcode).toBe(40125);
    expect((await exchange(SVC, SVC_SECRET, code)).json).toHaveProperty('access_token');
    expect((await exchange(SVC, '0'.repeat(32), code)).json.errcode).toBe(40163);
  });

  it('POST on a GET endpoint -> 43001 require GET method', async () => {
    const r = await get(emu.url, exchangePath(SVC, SVC_SECRET, '0abc'), { method: 'POST' });
    expect(norm(r.text)).toBe('{"errcode":43001,"errmsg":"require GET method, rid: RID"}');
  });
});

describe('/sns/oauth2/refresh_token', () => {
  async function grant(scope: 'snsapi_base' | 'snsapi_userinfo' = 'snsapi_userinfo') {
    return (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1', scope }))).json as Record<string, string>;
  }
  const refreshPath = (rt: string, appid: string = SVC) => `/sns/oauth2/refresh_token?appid=${appid}&grant_type=refresh_token&refresh_token=${rt}`;

  it('before expiry keeps the access_token and renews its 7200 s', async () => {
    const g = await grant();
    emu.advanceClock(7000);
    const r = await get(emu.url, refreshPath(g.refresh_token!));
    expect(Object.keys(r.json)).toEqual(['access_token', 'expires_in', 'refresh_token', 'openid', 'scope']);
    expect(r.json.access_token).toBe(g.access_token);
    expect(r.json.refresh_token).toBe(g.refresh_token);
    expect(r.json.expires_in).toBe(7200);
    // Renewed: still valid 7000 s after the refresh, past the original expiry.
    emu.advanceClock(7000);
    const auth = await get(emu.url, `/sns/auth?access_token=${g.access_token}&openid=${g.openid}`);
    expect(auth.text).toBe('{"errcode":0,"errmsg":"ok"}');
  });

  it('after expiry issues a new access_token and the old one answers 42001', async () => {
    const g = await grant();
    emu.advanceClock(7200);
    const r = await get(emu.url, refreshPath(g.refresh_token!));
    expect(r.json.access_token).not.toBe(g.access_token);
    expect(r.json.openid).toBe(g.openid);
    const fresh = await get(emu.url, `/sns/auth?access_token=${String(r.json.access_token)}&openid=${g.openid}`);
    expect(fresh.text).toBe('{"errcode":0,"errmsg":"ok"}');
  });

  it('refresh_token lives 30 days (then 42002); unknown -> 40030; other appid -> 40030', async () => {
    const g = await grant();
    expect(norm((await get(emu.url, refreshPath('86_nope'))).text)).toBe('{"errcode":40030,"errmsg":"invalid refresh_token, rid: RID"}');
    expect(norm((await get(emu.url, refreshPath(g.refresh_token!, TEST))).text)).toBe('{"errcode":40030,"errmsg":"invalid refresh_token, rid: RID"}');
    emu.advanceClock(30 * 86400 - 1);
    expect((await get(emu.url, refreshPath(g.refresh_token!))).json).toHaveProperty('access_token');
    emu.advanceClock(1);
    expect(norm((await get(emu.url, refreshPath(g.refresh_token!))).text)).toBe('{"errcode":42002,"errmsg":"refresh_token expired, rid: RID"}');
  });

  it('refreshTokenDays 180 (§5 ⚠, the mobile-app doc): a refresh_token 31 days old still refreshes, 42002 from day 180; 30 (default): 42002 at day 31', async () => {
    const thirty = await grant();
    emu.configure({ refreshTokenDays: 180 });
    const long = await grant();
    emu.advanceClock(31 * 86400);
    expect(norm((await get(emu.url, refreshPath(thirty.refresh_token!))).text)).toBe('{"errcode":42002,"errmsg":"refresh_token expired, rid: RID"}');
    const r = await get(emu.url, refreshPath(long.refresh_token!));
    expect(r.json).toMatchObject({ refresh_token: long.refresh_token, openid: long.openid, expires_in: 7200 });
    emu.advanceClock(149 * 86400 - 1);
    expect((await get(emu.url, refreshPath(long.refresh_token!))).json).toHaveProperty('access_token');
    emu.advanceClock(1);
    expect(norm((await get(emu.url, refreshPath(long.refresh_token!))).text)).toBe('{"errcode":42002,"errmsg":"refresh_token expired, rid: RID"}');
  });

  it('refreshRenews (§5 ⚠ "重置为30天" vs "不会重置"): off (default) a refresh keeps the 30-day clock; on, it restarts it', async () => {
    const kept = await grant();
    emu.configure({ refreshRenews: true });
    const renewed = await grant();
    emu.configure({ refreshRenews: false });
    emu.advanceClock(20 * 86400);
    expect((await get(emu.url, refreshPath(kept.refresh_token!))).json).toHaveProperty('access_token');
    emu.configure({ refreshRenews: true });
    const r = await get(emu.url, refreshPath(renewed.refresh_token!));
    expect(r.json.refresh_token).toBe(renewed.refresh_token);
    emu.advanceClock(20 * 86400);
    // Day 40: the token refreshed without renewal is 42002; the renewed one lives until day 50.
    expect(norm((await get(emu.url, refreshPath(kept.refresh_token!))).text)).toBe('{"errcode":42002,"errmsg":"refresh_token expired, rid: RID"}');
    emu.configure({ refreshRenews: false });
    expect((await get(emu.url, refreshPath(renewed.refresh_token!))).json).toHaveProperty('access_token');
    emu.advanceClock(10 * 86400);
    expect((await get(emu.url, refreshPath(renewed.refresh_token!))).json.errcode).toBe(42002);
  });

  it('refreshUnexpired (§5 ⚠): by default an unexpired token comes back unchanged and keeps working; new-token replaces it and the old one is dead at once', async () => {
    const first = await grant();
    const same = (await get(emu.url, refreshPath(first.refresh_token!))).json;
    expect(same.access_token).toBe(first.access_token);
    emu.configure({ refreshUnexpired: 'new-token' });
    const fresh = (await get(emu.url, refreshPath(first.refresh_token!))).json;
    expect(fresh.access_token).not.toBe(first.access_token);
    expect(fresh.refresh_token).toBe(first.refresh_token);
    expect((await get(emu.url, `/sns/auth?access_token=${fresh.access_token}&openid=${first.openid}`)).json.errcode).toBe(0);
    expect((await get(emu.url, `/sns/auth?access_token=${first.access_token}&openid=${first.openid}`)).json.errcode).toBe(40014);
  });

  it.each([
    ['missing refresh_token', `/sns/oauth2/refresh_token?appid=${SVC}&grant_type=refresh_token`, '{"errcode":41003,"errmsg":"refresh_token missing, rid: RID"}'],
    ['bad grant_type', `/sns/oauth2/refresh_token?appid=${SVC}&grant_type=authorization_code&refresh_token=x`, '{"errcode":40002,"errmsg":"invalid grant_type, rid: RID"}'],
    ['bogus appid checked first', `/sns/oauth2/refresh_token?appid=appid&grant_type=refresh_token&refresh_token=x`, '{"errcode":40013,"errmsg":"invalid appid, rid: RID"}'],
    ['missing appid', `/sns/oauth2/refresh_token?grant_type=refresh_token&refresh_token=x`, '{"errcode":41002,"errmsg":"appid missing, rid: RID"}'],
  ])('%s', async (_n, path, expected) => {
    expect(norm((await get(emu.url, path)).text)).toBe(expected);
  });
});

describe('/sns/auth', () => {
  it('ok, wrong openid 40003, unknown token 40014, expired 42001, missing 41001/41009', async () => {
    const g = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1' }))).json as Record<string, string>;
    const at = g.access_token!;
    expect((await get(emu.url, `/sns/auth?access_token=${at}&openid=${g.openid}`)).text).toBe('{"errcode":0,"errmsg":"ok"}');
    expect(norm((await get(emu.url, `/sns/auth?access_token=${at}&openid=${emu.users[1]!.openids[SVC]}`)).text)).toBe('{"errcode":40003,"errmsg":"invalid openid, rid: RID"}');
    expect(norm((await get(emu.url, `/sns/auth?access_token=86_bogus&openid=${g.openid}`)).text)).toBe('{"errcode":40014,"errmsg":"invalid access_token, rid: RID"}');
    expect(norm((await get(emu.url, `/sns/auth?openid=${g.openid}`)).text)).toBe('{"errcode":41001,"errmsg":"access_token missing, rid: RID"}');
    expect(norm((await get(emu.url, `/sns/auth?access_token=${at}`)).text)).toBe('{"errcode":41009,"errmsg":"missing openid, rid: RID"}');
    emu.advanceClock(7200);
    expect(norm((await get(emu.url, `/sns/auth?access_token=${at}&openid=${g.openid}`)).text)).toBe('{"errcode":42001,"errmsg":"access_token expired, rid: RID"}');
  });

  it('an expired token: 42001 by default, 40014 "invalid access_token" with authExpiredErrcode 40014 (§6 ⚠); userinfo keeps 42001', async () => {
    const g = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    emu.advanceClock(7200);
    const auth = `/sns/auth?access_token=${g.access_token!}&openid=${g.openid!}`;
    expect(norm((await get(emu.url, auth)).text)).toBe('{"errcode":42001,"errmsg":"access_token expired, rid: RID"}');
    emu.configure({ authExpiredErrcode: 40014 });
    expect(norm((await get(emu.url, auth)).text)).toBe('{"errcode":40014,"errmsg":"invalid access_token, rid: RID"}');
    expect((await get(emu.url, `/sns/userinfo?access_token=${g.access_token!}&openid=${g.openid!}`)).json.errcode).toBe(42001);
    emu.configure({ authExpiredErrcode: 42001 });
    expect((await get(emu.url, auth)).json.errcode).toBe(42001);
  });
});

describe('/sns/userinfo', () => {
  it('returns the post-2021 profile in raw key order with escaped slashes and unionid', async () => {
    const g = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    const r = await get(emu.url, `/sns/userinfo?access_token=${g.access_token}&openid=${g.openid}&lang=zh_CN`);
    expect(r.headers.get('content-type')).toBe('text/plain');
    const u1 = emu.users[0]!;
    expect(r.text).toBe(
      `{"openid":"${g.openid}","nickname":"张三","sex":0,"language":"","city":"","province":"","country":"",` +
        `"headimgurl":"https:\\/\\/thirdwx.qlogo.cn\\/mmopen\\/vi_32\\/Q0j4TwGTfTKemulatorZhangSan0000000000000000000000000000000000000000000\\/132",` +
        `"privilege":[],"unionid":"${u1.unionids['open-demo']}"}`,
    );
  });

  it('accepts lang en / zh_TW and omits unionid for unbound apps', async () => {
    const g = (await exchange(TEST, TEST_SECRET, emu.issueCode({ appid: TEST, user: 'u3', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    const r = await get(emu.url, `/sns/userinfo?access_token=${g.access_token}&openid=${g.openid}&lang=en`);
    expect(r.text).toBe(`{"openid":"${g.openid}","nickname":"Wang Wu","sex":0,"language":"","city":"","province":"","country":"","headimgurl":"","privilege":[]}`);
  });

  it('legacy profile era returns sex, region and language from lang', async () => {
    emu.configure({ profileEra: 'legacy' });
    const g = (await exchange(TEST, TEST_SECRET, emu.issueCode({ appid: TEST, user: 'u1', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    const r = await get(emu.url, `/sns/userinfo?access_token=${g.access_token}&openid=${g.openid}&lang=zh_TW`);
    expect(r.json).toMatchObject({ sex: 1, language: 'zh_TW', city: '广州', province: '广东', country: '中国' });
    expect(String(r.json.headimgurl)).toMatch(/^http:\/\/thirdwx/);
  });

  it('legacy profile era with lang=en gives place names in English/pinyin (§7: "pinyin or Chinese depending on lang")', async () => {
    const g = (await exchange(TEST, TEST_SECRET, emu.issueCode({ appid: TEST, user: 'u2', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    const info = (lang: string) => get(emu.url, `/sns/userinfo?access_token=${g.access_token}&openid=${g.openid}&lang=${lang}`);
    // 2021 era: empty whatever lang says.
    expect((await info('en')).json).toMatchObject({ city: '', province: '', country: '', language: '' });
    emu.configure({ profileEra: 'legacy' });
    expect((await info('en')).json).toMatchObject({ sex: 2, language: 'en', city: 'Hangzhou', province: 'Zhejiang', country: 'China' });
    expect((await info('zh_CN')).json).toMatchObject({ language: 'zh_CN', city: '杭州', province: '浙江', country: '中国' });
    expect((await info('')).json).toMatchObject({ language: 'zh_CN', city: '杭州' });
  });

  it('userinfoLang (§7 ⚠: the doc languages disagree on the default): with no lang, zh_CN by default, en when switched', async () => {
    const g = (await exchange(TEST, TEST_SECRET, emu.issueCode({ appid: TEST, user: 'u2', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    const noLang = () => get(emu.url, `/sns/userinfo?access_token=${g.access_token}&openid=${g.openid}`);
    emu.configure({ profileEra: 'legacy' });
    expect((await noLang()).json).toMatchObject({ language: 'zh_CN', city: '杭州', country: '中国' });
    emu.configure({ userinfoLang: 'en' });
    expect((await noLang()).json).toMatchObject({ language: 'en', city: 'Hangzhou', country: 'China' });
    // A lang the request gives still wins.
    expect((await get(emu.url, `/sns/userinfo?access_token=${g.access_token}&openid=${g.openid}&lang=zh_CN`)).json).toMatchObject({ language: 'zh_CN', city: '杭州' });
  });

  it('nonAsciiJson (§0.3 ⚠): raw UTF-8 by default; escaped writes \\uXXXX as PHP json_encode does, and the body still parses to the same profile', async () => {
    const g = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    const path = `/sns/userinfo?access_token=${g.access_token}&openid=${g.openid}`;
    const raw = await get(emu.url, path);
    expect(raw.text).toContain('"nickname":"张三"');
    emu.configure({ nonAsciiJson: 'escaped' });
    const escaped = await get(emu.url, path);
    expect(escaped.text).toContain('"nickname":"\\u5f20\\u4e09"');
    expect(escaped.text).toContain('https:\\/\\/');
    expect(escaped.text).toMatch(/^[\x00-\x7f]*$/);
    expect(escaped.json).toEqual(raw.json);
  });

  it('snsapi_base token -> 48001 api unauthorized; snapshot user too', async () => {
    const base = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, scope: 'snsapi_base' }))).json as Record<string, string>;
    expect(norm((await get(emu.url, `/sns/userinfo?access_token=${base.access_token}&openid=${base.openid}`)).text)).toBe('{"errcode":48001,"errmsg":"api unauthorized, rid: RID"}');
    const snap = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, scope: 'snsapi_userinfo', snapshot: true }))).json as Record<string, string>;
    expect((await get(emu.url, `/sns/userinfo?access_token=${snap.access_token}&openid=${snap.openid}`)).json.errcode).toBe(48001);
  });

  it('token and openid that do not belong together -> 40003; garbage token -> 40001', async () => {
    const g = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    const other = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u2', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    expect(norm((await get(emu.url, `/sns/userinfo?access_token=${g.access_token}&openid=${other.openid}`)).text)).toBe('{"errcode":40003,"errmsg":"invalid openid, rid: RID"}');
    expect(norm((await get(emu.url, `/sns/userinfo?access_token=access_token&openid=openid`)).text)).toBe(
      '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: RID"}',
    );
  });
});

describe('a basic access_token given to the /sns/ user endpoints', () => {
  it('is answered 40001 like any unknown token, and the request log names it as basic, with a note, for the page and probe', async () => {
    const basic = (await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`)).json.access_token as string;
    const g = (await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_userinfo' }))).json as Record<string, string>;
    expect((await get(emu.url, `/sns/userinfo?access_token=${basic}&openid=${g.openid}`)).json.errcode).toBe(40001);
    expect((await get(emu.url, `/sns/auth?access_token=${basic}&openid=${g.openid}`)).json.errcode).toBe(40014);
    expect((await get(emu.url, `/sns/userinfo?access_token=garbage_token&openid=${g.openid}`)).json.errcode).toBe(40001);
    const log = (await get(emu.url, '/__emulator/requests')).json.requests as Array<Record<string, unknown>>;
    const [userinfo, auth, garbage] = log.slice(-3);
    expect(userinfo).toMatchObject({ path: '/sns/userinfo', errcode: 40001, basicToken: true, note: { en: expect.stringContaining('a basic access_token (from /cgi-bin/token or stable_token)') } });
    expect(userinfo!.note).toMatchObject({ en: expect.stringContaining('so this call was refused (40001).') });
    expect(auth).toMatchObject({ path: '/sns/auth', basicToken: true, note: { en: expect.stringContaining('so this call was refused (40014).') } });
    expect(garbage).not.toHaveProperty('basicToken');
    expect(garbage).not.toHaveProperty('note');
    // The token itself stays masked in the log.
    expect(JSON.stringify(log)).not.toContain(basic);
  });
});

describe('wire switches', () => {
  it('rid style hints (pre-2021) and none', async () => {
    emu.configure({ ridStyle: 'hints' });
    const r = await get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=0x&grant_type=authorization_code`);
    expect(r.json.errmsg).toMatch(/^invalid code, hints: \[ req_id: [A-Za-z0-9]{14} \]$/);
    emu.configure({ ridStyle: 'none' });
    const n = await get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=0x&grant_type=authorization_code`);
    expect(n.text).toBe('{"errcode":40029,"errmsg":"invalid code"}');
  });

  it('rid style hints: a rejected basic token has the plain 40001 text, not 2023\'s getStableAccessToken advert', async () => {
    emu.configure({ ridStyle: 'hints' });
    const r = await get(emu.url, '/cgi-bin/get_api_domain_ip?access_token=zzz');
    expect(r.json.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest hint: \[[A-Za-z0-9]{14}\]$/);
  });

  it('content type outcome: /sns errors application/json; encoding=utf-8, /sns successes text/plain (2026 capture)', async () => {
    emu.configure({ contentType: 'outcome' });
    const error = await get(emu.url, `/sns/auth?access_token=x&openid=y`);
    expect(error.headers.get('content-type')).toBe('application/json; encoding=utf-8');
    const ok = await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC }));
    expect(ok.json).toHaveProperty('access_token');
    expect(ok.headers.get('content-type')).toBe('text/plain');
    const valid = await get(emu.url, `/sns/auth?access_token=${String(ok.json.access_token)}&openid=${String(ok.json.openid)}`);
    expect(valid.text).toBe('{"errcode":0,"errmsg":"ok"}');
    expect(valid.headers.get('content-type')).toBe('text/plain');
    expect((await get(emu.url, '/cgi-bin/token')).headers.get('content-type')).toBe('application/json; encoding=utf-8');
  });

  it('httpOnSns 43003: /sns/* over plain http answers "require https"; https (behind a TLS proxy) and /cgi-bin are unaffected', async () => {
    const code = emu.issueCode({ appid: SVC });
    expect((await get(emu.url, '/sns/auth?access_token=x&openid=y')).json.errcode).toBe(40014);
    emu.configure({ httpOnSns: '43003' });
    const r = await exchange(SVC, SVC_SECRET, code);
    expect(r.status).toBe(200);
    expect(norm(r.text)).toBe('{"errcode":43003,"errmsg":"require https, rid: RID"}');
    expect(norm((await get(emu.url, '/sns/userinfo?access_token=x&openid=y')).text)).toBe('{"errcode":43003,"errmsg":"require https, rid: RID"}');
    expect((await get(emu.url, '/cgi-bin/token')).json.errcode).toBe(41002);
    // The code was not spent by the refused call.
    const viaTls = await get(emu.url, exchangePath(SVC, SVC_SECRET, code), { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTls.json).toHaveProperty('access_token');
  });

  it('content type json-charset: application/json; charset=utf-8, chunked, on /sns and /cgi-bin alike (§0.2 ⚠, 2024-01-14 capture)', async () => {
    const before = await get(emu.url, `/sns/auth?access_token=x&openid=y`);
    expect(before.headers.get('content-type')).toBe('text/plain');
    expect(before.headers.get('content-length')).toBe(String(Buffer.byteLength(before.text)));
    emu.configure({ contentType: 'json-charset' });
    const error = await get(emu.url, `/sns/auth?access_token=x&openid=y`);
    expect(error.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(error.headers.get('transfer-encoding')).toBe('chunked');
    expect(error.headers.get('content-length')).toBeNull();
    expect(error.json.errcode).toBe(40014);
    const ok = await exchange(SVC, SVC_SECRET, emu.issueCode({ appid: SVC }));
    expect(ok.json).toHaveProperty('access_token');
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(ok.headers.get('transfer-encoding')).toBe('chunked');
    const cgi = await get(emu.url, '/cgi-bin/token');
    expect(cgi.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(cgi.headers.get('transfer-encoding')).toBe('chunked');
    expect(cgi.json.errcode).toBe(41002);
    // The keep-alive connection carries the next answer too.
    expect((await get(emu.url, `/sns/auth?access_token=x&openid=y`)).json.errcode).toBe(40014);
  });

  it('content type json forces application/json; encoding=utf-8 on /sns', async () => {
    emu.configure({ contentType: 'json' });
    const r = await get(emu.url, `/sns/auth?access_token=x&openid=y`);
    expect(r.headers.get('content-type')).toBe('application/json; encoding=utf-8');
  });
});

// The control surface (/__emulator/*) and fault injection, over HTTP.
import { describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { startEmulator, faultText, parseFaultSpec, DEFAULT_APPIDS, type FaultSpec } from '../../src/emulator/index.js';
import { T0, get, norm, portOf, post, rawRequest, useEmulator } from './helpers.js';
import { UI_TEXT } from '../../src/emulator/ui-text.js';

const SVC = DEFAULT_APPIDS.service;
const SVC_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';

const emu = useEmulator();

const exchange = (code: string) => get(emu.url, `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=${code}&grant_type=authorization_code`);

describe('the control address itself', () => {
  it('GET /__emulator/ and /__emulator (the addresses the emulator prints) list the endpoints, and are not logged', async () => {
    for (const at of ['/__emulator/', '/__emulator']) {
      const r = await get(emu.url, at);
      expect(r.status, at).toBe(200);
      expect(r.json.page).toBe(`${emu.url}/`);
      const calls = (r.json.endpoints as Array<{ call: string }>).map((e) => e.call);
      expect(calls).toContain('POST /__emulator/reset');
      expect(calls.some((c) => c.includes('/__emulator/requests'))).toBe(true);
    }
    expect(emu.requests().filter((q) => q.path.startsWith('/__emulator'))).toEqual([]);
    // A path that only starts like it is WeChat's 404, as before.
    expect((await get(emu.url, '/__emulatorx')).status).toBe(404);
  });
});

describe('clock', () => {
  it('POST /__emulator/clock {"advance"} expires codes without waiting', async () => {
    const code = String((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u2', scope: 'snsapi_userinfo' })).json.code);
    const moved = await post(emu.url, '/__emulator/clock', { advance: 300 });
    expect(moved.json).toMatchObject({ ok: true, now: T0 + 300_000, iso: '2026-01-15T02:05:00.000Z' });
    expect((await exchange(code)).json.errcode).toBe(40029);
    expect((await post(emu.url, '/__emulator/clock', { advance: 'soon' })).status).toBe(400);
  });

  it('POST /__emulator/clock takes whole seconds, as WeChat\'s lifetimes are: a fraction, a text or a non-finite number is a 400 saying what to send', async () => {
    // Before, 1.5 moved the clock 1.5 s (offset 1.5, while rids and expires_in count whole seconds).
    for (const [advance, got] of [['1.5', '1.5'], ['-0.25', '-0.25'], ['1e400', 'Infinity'], ['"300"', '"300"']] as const) {
      const r = await post(emu.url, '/__emulator/clock', `{"advance": ${advance}}`);
      expect(r.status, advance).toBe(400);
      expect(r.json.error, advance).toBe(`advance must be a whole number of seconds (negative moves the clock back), e.g. {"advance": 300}; got ${got}`);
    }
    expect((await get(emu.url, '/__emulator/clock')).json.offset).toBe(0);
    expect(() => emu.advanceClock(0.5)).toThrow(/whole number of seconds/);
    expect((await post(emu.url, '/__emulator/clock', { reset: 'yes' })).json.error).toBe('reset must be true (back to the real time); got "yes"');
    // Whole seconds both ways still move it (probe moves it back with a negative advance).
    expect((await post(emu.url, '/__emulator/clock', { advance: 301 })).json.offset).toBe(301);
    expect((await post(emu.url, '/__emulator/clock', { advance: -301, reset: false })).json.offset).toBe(0);
  });

  it('POST /tickets, /follow, /user and /whitelist refusals name the field, what it held (its type) and what to send, not "expected {…}" alone', async () => {
    const seededApps = emu.apps.map((a) => a.appid).join(', ');
    const error = async (path: string, body: unknown) => {
      const r = await post(emu.url, path, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      return String(r.json.error);
    };
    const tickets = '; send {"appid": "<seeded appid>", "expire": true, "type": "jsapi" (the default) or "wx_card"}';
    expect(await error('/__emulator/tickets', { appid: 5, expire: true })).toBe(`appid must be a seeded appid (a string: ${seededApps}); got 5 (a number)${tickets}`);
    expect(await error('/__emulator/tickets', { appid: 'wxnope', expire: true })).toBe(`no seeded app "wxnope" (the seeded ones: ${seededApps})${tickets}`);
    expect(await error('/__emulator/tickets', { appid: SVC, expire: 'yes' })).toBe(`expire must be true (the only thing this call does is end a ticket now); got "yes" (a string)${tickets}`);
    expect(await error('/__emulator/tickets', { appid: SVC })).toBe(`expire must be true (the only thing this call does is end a ticket now); got nothing${tickets}`);
    expect(await error('/__emulator/tickets', { appid: SVC, expire: true, type: 'card' })).toBe(`type must be "jsapi" or "wx_card"; got "card" (a string)${tickets}`);
    const follow = '; send {"user": "<seeded user id>", "appid": "<seeded appid>", "follows": true or false}';
    expect(await error('/__emulator/follow', { user: 'u1', appid: SVC, follows: 'true' })).toBe(`follows must be true (follow) or false (stop following); got "true" (a string)${follow}`);
    expect(await error('/__emulator/follow', { user: ['u1'], appid: SVC, follows: true })).toBe(`user must be a seeded user id (a string: u1, u2, u3); got ["u1"] (an array)${follow}`);
    expect(await error('/__emulator/follow', { user: 'alice', appid: SVC, follows: true })).toBe(`no seeded user "alice" (the seeded ones: u1, u2, u3)${follow}`);
    expect(await error('/__emulator/follow', { user: 'u1', follows: true })).toBe(`appid must be a seeded appid (a string: ${seededApps}); got nothing${follow}`);
    // Before: /user's refusals ended without what to send.
    const user = '; send {"user": "<seeded user id>"}';
    expect(await error('/__emulator/user', { user: 'alice' })).toBe(`no seeded user "alice" (the seeded ones: u1, u2, u3)${user}`);
    expect(await error('/__emulator/user', {})).toBe(`user must be a seeded user id (a string: u1, u2, u3); got nothing${user}`);
    const whitelist = '; send {"appid": "<seeded appid>", "ips": ["<IP>", …] or null}';
    expect(await error('/__emulator/whitelist', { appid: 'wxnope', ips: [] })).toBe(`no seeded app "wxnope" (the seeded ones: ${seededApps})${whitelist}`);
    expect(await error('/__emulator/whitelist', { appid: SVC, ips: '203.0.113.10' })).toBe(
      'ips must be an array of IP addresses (strings), or null for no whitelist, e.g. {"ips": ["203.0.113.10"]}; got "203.0.113.10" (a string)',
    );
    expect(await error('/__emulator/whitelist', { appid: SVC })).toMatch(/^ips must be .*; got nothing$/);
  });

  it('POST /__emulator/code with an appid that is not a string: 400 that says so, not a JavaScript error', async () => {
    const r = await post(emu.url, '/__emulator/code', { appid: { toString: 1 } });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe(`appid must be a seeded appid (a string: ${emu.apps.map((a) => a.appid).join(', ')}); got {"toString":1} (an object)`);
  });

  it('an appid the seed lacks is said in one wording by /code, /tickets, /issued (and /whitelist, /follow, /open-account): 400 in a body, 404 in the path', async () => {
    const seeded = emu.apps.map((a) => a.appid).join(', ');
    const said = `no seeded app "wxnope" (the seeded ones: ${seeded})`;
    // Before: "no seeded app wxnope" (/code), "no seeded app \"wxnope\" (the seeded ones: …)" (/tickets),
    // "no app wxnope is seeded; seeded apps: …" (/issued).
    const code = await post(emu.url, '/__emulator/code', { appid: 'wxnope' });
    expect([code.status, code.json.error]).toEqual([400, said]);
    const tickets = await post(emu.url, '/__emulator/tickets', { appid: 'wxnope', expire: true });
    expect(tickets.status).toBe(400);
    expect(String(tickets.json.error).startsWith(`${said}; send {`)).toBe(true);
    const issued = await get(emu.url, '/__emulator/issued/wxnope');
    expect(issued.status).toBe(404);
    expect(issued.json).toEqual({ ok: false, error: said });
    for (const [path, body] of [['/whitelist', { appid: 'wxnope', ips: null }], ['/follow', { user: 'u1', appid: 'wxnope', follows: true }], ['/open-account', { appid: 'wxnope', openAccount: null }]] as const) {
      const r = await post(emu.url, `/__emulator${path}`, body);
      expect(r.status, path).toBe(400);
      expect(String(r.json.error).startsWith(`${said}; send {`), path).toBe(true);
    }
    // A user the seed lacks, the same way, /code included (before: "no seeded user u9").
    expect((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u9' })).json.error).toBe('no seeded user "u9" (the seeded ones: u1, u2, u3)');
  });

  it('a refused field never echoes an appsecret, code or token sent in it: masked as the request log masks them', async () => {
    // An appsecret pasted into the appid field (a swapped pair in a test suite's config).
    const r = await post(emu.url, '/__emulator/tickets', { appid: SVC_SECRET, expire: true });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/^no seeded app "\*\*\*" \(the seeded ones: /);
    const issued = await get(emu.url, `/__emulator/issued/${SVC_SECRET}`);
    expect(issued.status).toBe(404);
    const code = String((await post(emu.url, '/__emulator/code', { appid: SVC })).json.code);
    const wrongType = await post(emu.url, '/__emulator/follow', { user: 'u1', appid: [SVC_SECRET, code], follows: true });
    expect(wrongType.json.error).toMatch(/; got \["\*\*\*","\*\*\*"\] \(an array\); send /);
    for (const answer of [r.json, issued.json, wrongType.json]) {
      expect(JSON.stringify(answer)).not.toContain(SVC_SECRET);
      expect(JSON.stringify(answer)).not.toContain(code);
    }
  });

  it('POST /__emulator/code refuses a mistyped scope, a user or snapshot of the wrong type, and says what is missing: none becomes the default', async () => {
    // Before, "snsapi_userinf" minted a snsapi_base code: its token then got 48001 from /sns/userinfo.
    const typo = await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_userinf' });
    expect(typo.status).toBe(400);
    expect(typo.json.error).toBe('scope must be snsapi_base, snsapi_userinfo or snsapi_login; got "snsapi_userinf" (a string)');
    // Before, a user that is not a string was whoever "you" were, and snapshot "true" was false.
    expect((await post(emu.url, '/__emulator/code', { appid: SVC, user: 2 })).json.error).toBe('user must be a seeded user id (a string: u1, u2, u3); got 2 (a number)');
    expect((await post(emu.url, '/__emulator/code', { appid: SVC, snapshot: 'true' })).json.error).toBe('snapshot must be true or false; got "true" (a string)');
    // Before: "no seeded app " (an empty name).
    const none = await post(emu.url, '/__emulator/code', {});
    expect(none.status).toBe(400);
    expect(none.json.error).toMatch(/^expected \{"appid": "<seeded appid>"/);
    // Absent or null still means the default, and the right values still mint.
    const code = String((await post(emu.url, '/__emulator/code', { appid: SVC, user: null, scope: null, snapshot: false })).json.code);
    expect((await exchange(code)).json.scope).toBe('snsapi_base');
    const userinfo = String((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_userinfo' })).json.code);
    expect((await exchange(userinfo)).json.scope).toBe('snsapi_userinfo');
  });

  it('POST /__emulator/code refuses a scope the app\'s type does not take, as authorize and qrconnect do, naming the type and its scopes', async () => {
    const WEB = DEFAULT_APPIDS.website;
    // Before, both minted a code WeChat never issues, and its exchange passed what a real login fails.
    const login = await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_login' });
    expect(login.status).toBe(400);
    expect(login.json.error).toBe(
      `scope snsapi_login does not fit ${SVC}, a 服务号 (service account, a 公众号): it takes snsapi_base or snsapi_userinfo (WeChat's /connect/oauth2/authorize answers snsapi_login with 10005); snsapi_login is for 网站应用 (website apps)`,
    );
    const base = await post(emu.url, '/__emulator/code', { appid: WEB, user: 'u1', scope: 'snsapi_base' });
    expect(base.status).toBe(400);
    expect(base.json.error).toMatch(new RegExp(`^scope snsapi_base does not fit ${WEB}, a 网站应用 \\(website app\\): it takes snsapi_login only`));
    expect((await post(emu.url, '/__emulator/code', { appid: WEB, scope: 'snsapi_userinfo' })).status).toBe(400);
    expect(() => emu.issueCode({ appid: DEFAULT_APPIDS.test, scope: 'snsapi_login' })).toThrow(/, a 测试号 \(test account, a 公众号\): it takes snsapi_base or snsapi_userinfo/);
    // The scopes that fit still mint, and so does each type's default.
    expect((await post(emu.url, '/__emulator/code', { appid: WEB, scope: 'snsapi_login' })).json.ok).toBe(true);
    expect((await post(emu.url, '/__emulator/code', { appid: WEB })).json.ok).toBe(true);
    expect((await post(emu.url, '/__emulator/code', { appid: SVC, scope: 'snsapi_userinfo' })).json.ok).toBe(true);
  });

  it('POST /__emulator/code mints nothing for an app authorize answers with 10005 (a 订阅号, an unverified 服务号), whatever the scope', async () => {
    const SUB = DEFAULT_APPIDS.subscription;
    // Before, the subscription account got a code of any scope it asked for, while authorize refused it.
    const page = await fetch(`${emu.url}/connect/oauth2/authorize?appid=${SUB}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&response_type=code&scope=snsapi_userinfo&state=s#wechat_redirect`);
    expect(await page.text()).toContain('10005');
    for (const scope of ['snsapi_userinfo', 'snsapi_base', undefined]) {
      const r = await post(emu.url, '/__emulator/code', { appid: SUB, ...(scope ? { scope } : {}) });
      expect(r.status, String(scope)).toBe(400);
      expect(r.json.error).toBe(
        `${SUB}, a 订阅号 (subscription account, a 公众号), can be issued no code: it has no web-authorization rights (网页授权; WeChat's /connect/oauth2/authorize answers 10005 此公众号并没有这些scope的权限); only verified 服务号 and 测试号 have them`,
      );
    }
    const seeded = await startEmulator({ port: 0, seed: { apps: [{ appid: 'wx00000000000000aa', secret: 'a'.repeat(32), type: 'service', verified: false, domain: ['localhost'] }], users: [{ id: 'u1', nickname: 'n' }] } });
    try {
      expect(() => seeded.issueCode({ appid: 'wx00000000000000aa', scope: 'snsapi_base' })).toThrow(/^wx00000000000000aa, a 服务号 \(service account, a 公众号\), can be issued no code: .*\(this one is seeded with "verified": false\)$/);
    } finally {
      await seeded.close();
    }
  });

  it('the Date header is the emulator clock\'s, as the rid is, before any advance too', async () => {
    const r = await exchange('0nope');
    expect(Date.parse(r.headers.get('date')!)).toBe(Math.floor(T0 / 1000) * 1000);
    expect(r.text).toContain(`rid: ${Math.floor(T0 / 1000).toString(16)}-`);
  });

  it('a clock moved back: what was issued in the time undone has no more life than if issued now (stable_token, user token, code, ticket)', async () => {
    const stable = async () => (await post(emu.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET })).json;
    await post(emu.url, '/__emulator/clock', { advance: 7200 });
    const token = String((await stable()).access_token);
    const code = String((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_base' })).json.code);
    const user = (await exchange(String((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_base' })).json.code))).json;
    const ticket = String((await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${token}&type=jsapi`)).json.ticket);
    await post(emu.url, '/__emulator/clock', { reset: true });
    // The same token, with at most its 7200 s left (it said 14400 − elapsed before: a 2-hour token 4 hours from expiry).
    const again = await stable();
    expect(again.access_token).toBe(token);
    expect(again.expires_in).toBeLessThanOrEqual(7200);
    // 7201 s on, each has ended, as one issued at the reset would have.
    await post(emu.url, '/__emulator/clock', { advance: 7201 });
    expect((await stable()).access_token).not.toBe(token);
    expect((await get(emu.url, `/sns/auth?access_token=${String(user.access_token)}&openid=${String(user.openid)}`)).json.errcode).toBe(42001);
    expect((await exchange(code)).json.errcode).toBe(40029);
    const fresh = String((await stable()).access_token);
    expect((await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${fresh}&type=jsapi`)).json.ticket).not.toBe(ticket);
  });

  it('rids follow the emulator clock', async () => {
    emu.advanceClock(3600);
    const r = await exchange('0nope');
    expect(r.text).toContain(`rid: ${Math.floor(T0 / 1000 + 3600).toString(16)}-`);
    // §0.4: the rid's first group is the request time, which equals the Date header of the same answer.
    expect(Date.parse(r.headers.get('date')!)).toBe(Math.floor(T0 / 1000 + 3600) * 1000);
  });
});

describe('requests log', () => {
  it('lists every request with method, path, redacted query, status, time, errcode and rid', async () => {
    await exchange('0secretcode');
    await get(emu.url, '/connect/oauth2/authorize?appid=' + SVC);
    const log = (await get(emu.url, '/__emulator/requests')).json.requests as Array<Record<string, unknown>>;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: '/sns/oauth2/access_token',
      query: { appid: SVC, secret: '***', code: '***', grant_type: 'authorization_code' },
      status: 200,
      time: '2026-01-15T02:00:00.000Z',
      errcode: 40029,
    });
    expect(String(log[0]!.rid)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(JSON.stringify(log)).not.toContain(SVC_SECRET);
    expect(JSON.stringify(log)).not.toContain('0secretcode');
    expect(log[1]).toMatchObject({ path: '/connect/oauth2/authorize', status: 200 });
    expect(emu.requests()).toHaveLength(2);
  });

  it('names the app a stable_token body named as `appid` (the URL has none), its secret masked, a secret sent as the appid too', async () => {
    await post(emu.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET });
    await post(emu.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: SVC, secret: 'wrong' });
    await post(emu.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: SVC_SECRET, secret: SVC_SECRET });
    await post(emu.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wx' + 'x'.repeat(100), secret: 's' });
    await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`);
    const log = (await get(emu.url, '/__emulator/requests')).json.requests as Array<Record<string, unknown>>;
    expect(log.map((r) => [r.path, r.errcode, r.appid])).toEqual([
      ['/cgi-bin/stable_token', undefined, SVC],
      ['/cgi-bin/stable_token', 40125, SVC],
      ['/cgi-bin/stable_token', 40013, '***'],
      // Longer than any appid: not kept as one.
      ['/cgi-bin/stable_token', 40013, undefined],
      // The query's appid, as its query shows it.
      ['/cgi-bin/token', undefined, SVC],
    ]);
    expect(emu.requests().map((r) => r.appid)).toEqual([SVC, SVC, '***', undefined, SVC]);
    expect(JSON.stringify(log)).not.toContain(SVC_SECRET);
  });

  it('a faulted stable_token call names the app its body named, as an answered one does, by the same rule (a secret as the appid masked, an overlong one left out)', async () => {
    const body = { grant_type: 'client_credential', appid: SVC, secret: SVC_SECRET };
    for (const spec of ['500', '502', 'busy', 'errcode=40001', 'garbage', 'delay=1']) {
      await post(emu.url, '/__emulator/faults', { spec: `${spec}@/cgi-bin/stable_token:1` });
      await post(emu.url, '/cgi-bin/stable_token', body);
    }
    await post(emu.url, '/__emulator/faults', { spec: 'reset@/cgi-bin/stable_token:1' });
    await expect(post(emu.url, '/cgi-bin/stable_token', body)).rejects.toThrow();
    await post(emu.url, '/__emulator/faults', { spec: '500@/cgi-bin/stable_token:3' });
    await post(emu.url, '/cgi-bin/stable_token', { ...body, appid: SVC_SECRET });
    await post(emu.url, '/cgi-bin/stable_token', { ...body, appid: 'wx' + 'x'.repeat(100) });
    await post(emu.url, '/cgi-bin/stable_token', 'not json');
    const log = (await get(emu.url, '/__emulator/requests')).json.requests as Array<Record<string, unknown>>;
    expect(log.map((r) => [r.fault, r.appid])).toEqual([
      ['http500', SVC],
      ['http502', SVC],
      ['busy', SVC],
      ['errcode', SVC],
      ['garbage', SVC],
      ['delay', SVC],
      ['reset', SVC],
      ['http500', '***'],
      ['http500', undefined],
      ['http500', undefined],
    ]);
    expect(emu.requests().map((r) => r.appid)).toEqual(log.map((r) => r.appid));
    expect(JSON.stringify(log)).not.toContain(SVC_SECRET);
  });
});

describe('a control POST whose body is not a JSON object', () => {
  it('is told the body is not valid JSON, and where (never quoting it); JSON of another kind is named; nothing changes', async () => {
    const help = 'a control POST takes one JSON object (GET /__emulator/ lists what each call takes)';
    const cases: Array<[string, string]> = [
      ['{bad', `the body is not valid JSON (line 1, column 2); ${help}`],
      ['{"spec": "500:1"}}', `the body is not valid JSON (line 1, column 18); ${help}`],
      ['\ufeff{"spec": "500:1"}', `the body is not valid JSON: it begins with a byte order mark (BOM), which JSON does not allow; ${help}`],
      ['["500:1"]', 'the body must be a JSON object, not an array (GET /__emulator/ lists what each call takes)'],
      ['"500:1"', 'the body must be a JSON object, not a string (GET /__emulator/ lists what each call takes)'],
    ];
    for (const [body, error] of cases) {
      const r = await post(emu.url, '/__emulator/faults', body);
      expect(r.status, body).toBe(400);
      expect(r.json, body).toEqual({ ok: false, error });
    }
    const secret = await post(emu.url, '/__emulator/clock', `{"advance": ${SVC_SECRET}}`);
    expect((secret.json as { error: string }).error).toBe(`the body is not valid JSON (line 1, column 16); ${help}`);
    expect((await get(emu.url, '/__emulator/faults')).json).toEqual({ ok: true, faults: [] });
  });
});

describe('reset, switches, user', () => {
  it('POST /__emulator/reset forgets tokens, codes and the log', async () => {
    const code = emu.issueCode({ appid: SVC });
    const token = (await exchange(code)).json;
    const unspent = emu.issueCode({ appid: SVC });
    expect((await post(emu.url, '/__emulator/reset', {})).json).toEqual({ ok: true });
    expect((await get(emu.url, `/sns/auth?access_token=${String(token.access_token)}&openid=${String(token.openid)}`)).json.errcode).toBe(40014);
    expect(emu.requests().map((r) => r.path)).toEqual(['/sns/auth']);
    expect((await exchange(unspent)).json.errcode).toBe(40029);
    // The first code and grant after the reset take the places the forgotten ones had: only theirs answer.
    const fresh = (await exchange(emu.issueCode({ appid: SVC }))).json;
    expect((await get(emu.url, `/sns/auth?access_token=${String(fresh.access_token)}&openid=${String(fresh.openid)}`)).json.errcode).toBe(0);
    expect((await get(emu.url, `/sns/auth?access_token=${String(token.access_token)}&openid=${String(token.openid)}`)).json.errcode).toBe(40014);
    expect((await exchange(code)).json.errcode).toBe(40029);
  });

  it('POST /__emulator/switches validates and applies', async () => {
    expect((await post(emu.url, '/__emulator/switches', { ridStyle: 'none' })).json.ok).toBe(true);
    expect((await exchange('0x')).text).toBe('{"errcode":40029,"errmsg":"invalid code"}');
    const badSwitch = await post(emu.url, '/__emulator/switches', { ridStyle: 'weird' });
    expect(badSwitch.status).toBe(400);
    expect(String(badSwitch.json.error)).toContain('ridStyle must be one of');
    expect((await post(emu.url, '/__emulator/switches', { nope: 1 })).status).toBe(400);
  });

  it('POST /__emulator/follow lets a user follow a test account (its consent page instead of 10006) and stop; a reset restores the seed’s follows; bad input is a 400', async () => {
    const TEST = DEFAULT_APPIDS.test;
    const authorize = () => get(emu.url, `/connect/oauth2/authorize?appid=${TEST}&redirect_uri=${encodeURIComponent('http://127.0.0.1:3000/cb')}&response_type=code&scope=snsapi_userinfo&state=s#wechat_redirect`);
    const follows = async (id: string) => ((await get(emu.url, '/__emulator/seed')).json.users as Array<{ id: string; follows: string[] }>).find((u) => u.id === id)!.follows;
    await post(emu.url, '/__emulator/user', { user: 'u2' });
    expect((await authorize()).text).toContain('必须关注此测试号');
    expect((await post(emu.url, '/__emulator/follow', { user: 'u2', appid: TEST, follows: true })).json).toEqual({ ok: true, user: 'u2', follows: [DEFAULT_APPIDS.service, TEST] });
    expect((await authorize()).text).toContain('name="ticket"');
    expect(await follows('u2')).toEqual([DEFAULT_APPIDS.service, TEST]);
    // Following twice is following.
    expect((await post(emu.url, '/__emulator/follow', { user: 'u2', appid: TEST, follows: true })).json).toMatchObject({ follows: [DEFAULT_APPIDS.service, TEST] });
    expect((await post(emu.url, '/__emulator/follow', { user: 'u2', appid: TEST, follows: false })).json).toEqual({ ok: true, user: 'u2', follows: [DEFAULT_APPIDS.service] });
    expect((await authorize()).text).toContain('必须关注此测试号');
    await post(emu.url, '/__emulator/follow', { user: 'u3', appid: TEST, follows: true });
    await post(emu.url, '/__emulator/reset', {});
    expect(await follows('u3')).toEqual([]);
    for (const bad of [{ user: 'u9', appid: TEST, follows: true }, { user: 'u2', appid: 'wx00000000000000ff', follows: true }, { user: 'u2', appid: TEST, follows: 'yes' }, { user: 'u2', appid: TEST }])
      expect((await post(emu.url, '/__emulator/follow', bad)).status, JSON.stringify(bad)).toBe(400);
  });

  it('POST /__emulator/open-account unbinds an app from its 开放平台 account (no unionid key in the exchange, /sns/userinfo or /cgi-bin/user/info) and binds it again; a reset restores the seed’s; bad input is a 400', async () => {
    const login = async () => {
      const code = String((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_userinfo' })).json.code);
      const token = (await exchange(code)).json;
      const info = (await get(emu.url, `/sns/userinfo?access_token=${String(token.access_token)}&openid=${String(token.openid)}`)).json;
      return { token, info };
    };
    const bound = await login();
    expect(bound.token.unionid).toEqual(expect.any(String));
    expect(bound.info.unionid).toBe(bound.token.unionid);
    expect((await post(emu.url, '/__emulator/open-account', { appid: SVC, openAccount: null })).json).toEqual({ ok: true, appid: SVC, openAccount: null });
    const unbound = await login();
    // As WeChat answers an app with no 开放平台 account: the key is absent, not null or empty.
    expect(Object.keys(unbound.token)).not.toContain('unionid');
    expect(Object.keys(unbound.info)).not.toContain('unionid');
    expect(unbound.token.openid).toBe(bound.token.openid);
    const seed = (await get(emu.url, '/__emulator/seed')).json as { apps: Array<{ appid: string; openAccount: string | null }> };
    expect(seed.apps.find((a) => a.appid === SVC)!.openAccount).toBeNull();
    expect((await post(emu.url, '/__emulator/open-account', { appid: SVC, openAccount: 'open-demo' })).json).toEqual({ ok: true, appid: SVC, openAccount: 'open-demo' });
    expect((await login()).token.unionid).toBe(bound.token.unionid);
    await post(emu.url, '/__emulator/open-account', { appid: SVC, openAccount: null });
    await post(emu.url, '/__emulator/reset', {});
    expect((await login()).token.unionid).toBe(bound.token.unionid);
    for (const bad of [{ appid: 'wx00000000000000ff', openAccount: null }, { appid: SVC }, { appid: SVC, openAccount: '' }, { appid: SVC, openAccount: 1 }])
      expect((await post(emu.url, '/__emulator/open-account', bad)).status, JSON.stringify(bad)).toBe(400);
  });

  it('POST /__emulator/whitelist sets an app’s IP whitelist (40164 for others), null removes it, a reset restores the start’s; bad input is a 400', async () => {
    const token = () => get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`);
    const set = await post(emu.url, '/__emulator/whitelist', { appid: SVC, ips: ['203.0.113.10', ' 203.0.113.10 ', '2001:db8::1'] });
    expect(set.json).toEqual({ ok: true, appid: SVC, ipWhitelist: ['203.0.113.10', '2001:db8::1'] });
    expect((await token()).json).toMatchObject({ errcode: 40164 });
    expect(((await get(emu.url, '/__emulator/seed')).json.apps as Array<{ appid: string; ipWhitelist: unknown }>).find((a) => a.appid === SVC)!.ipWhitelist).toEqual(['203.0.113.10', '2001:db8::1']);
    emu.configure({ callerIp: '203.0.113.10' });
    expect((await token()).json).toHaveProperty('access_token');
    expect((await post(emu.url, '/__emulator/whitelist', { appid: SVC, ips: ['1.2.3'] })).json).toMatchObject({ ok: false, problem: { text: 'apps.whitelist.invalid', params: { value: '1.2.3' } } });
    expect((await post(emu.url, '/__emulator/whitelist', { appid: 'wx00000000000000ff', ips: null })).status).toBe(400);
    await post(emu.url, '/__emulator/reset', {});
    expect((await token()).json).toHaveProperty('access_token');
    emu.setIpWhitelist(SVC, ['198.51.100.1']);
    expect((await token()).json).toMatchObject({ errcode: 40164 });
    expect((await post(emu.url, '/__emulator/whitelist', { appid: SVC, ips: null })).json).toEqual({ ok: true, appid: SVC, ipWhitelist: null });
    expect((await token()).json).toHaveProperty('access_token');
    // An empty list is no whitelist (not one refusing everybody); the IPv4-mapped form 40164's errmsg
    // shows is the IPv4 address.
    expect((await post(emu.url, '/__emulator/whitelist', { appid: SVC, ips: ['  '] })).json).toEqual({ ok: true, appid: SVC, ipWhitelist: null });
    expect((await post(emu.url, '/__emulator/whitelist', { appid: SVC, ips: ['::FFFF:203.0.113.10'] })).json).toEqual({ ok: true, appid: SVC, ipWhitelist: ['203.0.113.10'] });
    expect((await token()).json).toMatchObject({ errcode: 40164 });
    emu.configure({ callerIp: '203.0.113.10' });
    expect((await token()).json).toHaveProperty('access_token');
  });

  it('POST /__emulator/user changes who "you" are', async () => {
    expect((await post(emu.url, '/__emulator/user', { user: 'u2' })).json.ok).toBe(true);
    const r = await get(emu.url, `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/')}&response_type=code&scope=snsapi_base&state=s`);
    const code = new URL(r.headers.get('location')!).searchParams.get('code')!;
    expect((await exchange(code)).json.openid).toBe(emu.users[1]!.openids[SVC]);
    const nobody = await post(emu.url, '/__emulator/user', { user: 'nobody' });
    expect(nobody.status).toBe(400);
    // Before: only 'expected {"user": "<seeded user id>"}', as if the body had no user at all.
    expect(nobody.json.error).toBe('no seeded user "nobody" (the seeded ones: u1, u2, u3); send {"user": "<seeded user id>"}');
    expect((await get(emu.url, '/__emulator/user')).json.user).toBe('u2');
  });

  it('GET /__emulator/seed lists apps and users; unknown control paths 404; junk bodies 400', async () => {
    const seed = (await get(emu.url, '/__emulator/seed')).json;
    expect((seed.apps as unknown[]).length).toBe(4);
    expect((await get(emu.url, '/__emulator/nope')).status).toBe(404);
    expect((await post(emu.url, '/__emulator/clock', '{not json')).status).toBe(400);
  });

  it('a mistyped control call names the one meant and where the list is; a known path with the wrong method names its methods', async () => {
    const list = `${emu.url}/__emulator/`;
    // POST without a body: the path is judged before the body, so a typo is not "the body must be JSON".
    const typo = await post(emu.url, '/__emulator/rest', '');
    expect(typo.status).toBe(404);
    expect(typo.json).toMatchObject({ ok: false, error: `no such control endpoint: POST /__emulator/rest (did you mean POST /__emulator/reset? the list: GET ${list})`, suggestion: 'POST /__emulator/reset', endpoints: list });
    expect((await post(emu.url, '/__emulator/codes', { appid: SVC })).json.suggestion).toBe('POST /__emulator/code');
    const wrongMethod = await get(emu.url, '/__emulator/reset');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json).toMatchObject({ ok: false, error: 'GET /__emulator/reset is not a control call: /__emulator/reset takes POST', methods: ['POST'] });
    expect((await post(emu.url, '/__emulator/seed', {})).json.methods).toEqual(['GET']);
    // Nothing near: no guess, only the list. Every call the index lists still answers.
    const far = await get(emu.url, '/__emulator/nothing-like-it');
    expect(far.json).toEqual({ ok: false, error: `no such control endpoint: GET /__emulator/nothing-like-it (the list: GET ${list})`, endpoints: list });
    const index = (await get(emu.url, '/__emulator/')).json.endpoints as Array<{ call: string }>;
    for (const { call } of index) {
      for (const piece of call.split(' · ')) {
        const m = /^(?:[A-Z|]+ )?(\/__emulator)?(\/[a-z-]+)/.exec(piece)!;
        if (piece.includes('<') || piece.includes('events')) continue;
        const path = `/__emulator${m[2]}`;
        expect((await get(emu.url, path)).status, path).not.toBe(404);
      }
    }
  });
});

describe('faults', () => {
  it.each([
    ['delay=2000:3', { kind: 'delay', ms: 2000, count: 3 }],
    ['500@/sns/oauth2/access_token', { kind: 'http500', path: '/sns/oauth2/access_token' }],
    ['502:1', { kind: 'http502', count: 1 }],
    ['busy', { kind: 'busy' }],
    ['reset@/cgi-bin/*', { kind: 'reset', path: '/cgi-bin/*' }],
    ['garbage@/sns/userinfo:2', { kind: 'garbage', path: '/sns/userinfo', count: 2 }],
    ['errcode=40001@/cgi-bin/ticket/getticket:1', { kind: 'errcode', errcode: 40001, path: '/cgi-bin/ticket/getticket', count: 1 }],
    ['errcode=-1000', { kind: 'errcode', errcode: -1000 }],
  ])('parses %s', (spec, expected) => {
    expect(parseFaultSpec(spec)).toEqual(expected);
  });

  it.each(['delay', 'explode', '500=3', 'busy:0', '500@nopath', 'delay=-5', 'errcode', 'errcode=12345'])('rejects %s', (spec) => {
    expect(() => parseFaultSpec(spec)).toThrow(/invalid fault/);
  });

  it('an errcode WeChat has no errmsg for in the emulator is refused with the codes it can answer', () => {
    expect(() => parseFaultSpec('errcode=12345')).toThrow(/does not know WeChat’s errmsg for 12345; codes it can answer: -1000, -1, 40001, .*40164/);
    expect(() => parseFaultSpec('errcode')).toThrow(/errcode needs a number, WeChat’s errcode, e\.g\. errcode=40001/);
    expect(() => parseFaultSpec('errcode=40001@cgi-bin/token')).toThrow(/the path after @ starts with \/, e\.g\. @\/cgi-bin\/token/);
  });

  it('parts out of order are said as the order to write them in, with the spec put in it (the control API too, and the page in Chinese); a spec that parses is left alone', async () => {
    const cases: Array<[string, string]> = [
      ['delay=10:1@/x', 'delay=10@/x:1'],
      ['500:3@/cgi-bin/*', '500@/cgi-bin/*:3'],
      ['errcode=40001:1@/cgi-bin/ticket/getticket', 'errcode=40001@/cgi-bin/ticket/getticket:1'],
      ['delay:2=100', 'delay=100:2'],
    ];
    for (const [spec, fixed] of cases) {
      const message = `invalid fault "${spec}": its parts are out of order; write them as KIND[=N][@PATH][:COUNT]: ${fixed}`;
      expect(() => parseFaultSpec(spec), spec).toThrow(message);
      expect(faultText(parseFaultSpec(fixed))).toBe(fixed);
      const r = await post(emu.url, '/__emulator/faults', { spec });
      expect(r.status, spec).toBe(400);
      expect(r.json, spec).toEqual({ ok: false, error: message, problem: { text: 'fault.problem.order', params: { spec, fixed } } });
    }
    // Out of order and wrong in itself: the fault in what it says, not a fix that fails too.
    expect(() => parseFaultSpec('delay=abc:1@/x')).toThrow('invalid fault "delay=abc:1@/x": delay needs a whole number of milliseconds');
    // In order, a COUNT that is no number is still said so; and `busy@/sns/userinfo=1` reads (a path may hold =).
    expect(() => parseFaultSpec('busy:abc')).toThrow('COUNT must be a whole number');
    expect(parseFaultSpec('busy@/sns/userinfo=1')).toEqual({ kind: 'busy', path: '/sns/userinfo=1' });
    expect(UI_TEXT['fault.problem.order'].zh.replace(/\{(\w+)\}/g, (_all, name: string) => ({ spec: 'delay=10:1@/x', fixed: 'delay=10@/x:1' })[name]!)).toBe(
      '故障 "delay=10:1@/x" 无效：各部分的顺序不对，要按 KIND[=N][@PATH][:COUNT] 的顺序写，即 delay=10@/x:1',
    );
    expect((await get(emu.url, '/__emulator/faults')).json).toEqual({ ok: true, faults: [] });
  });

  it('a value that is not a number is said as what that kind takes, with an example, not as the whole syntax (the control API too, and in Chinese)', async () => {
    const cases: Array<[string, string]> = [
      ['errcode=abc', 'invalid fault "errcode=abc": errcode needs a number, WeChat’s errcode, e.g. errcode=40001 or errcode=-1000'],
      ['errcode=', 'invalid fault "errcode=": errcode needs a number, WeChat’s errcode, e.g. errcode=40001 or errcode=-1000'],
      ['errcode=4e4@/cgi-bin/token:1', 'invalid fault "errcode=4e4@/cgi-bin/token:1": errcode needs a number, WeChat’s errcode, e.g. errcode=40001 or errcode=-1000'],
      ['delay=abc', 'invalid fault "delay=abc": delay needs a whole number of milliseconds, e.g. delay=2000'],
      ['delay=2.5:3', 'invalid fault "delay=2.5:3": delay needs a whole number of milliseconds, e.g. delay=2000'],
      ['busy=abc', 'invalid fault "busy=abc": only delay (=MS) and errcode (=CODE) take =N'],
      ['500=x@/sns/userinfo', 'invalid fault "500=x@/sns/userinfo": only delay (=MS) and errcode (=CODE) take =N'],
      ['busy:abc', 'invalid fault "busy:abc": COUNT must be a whole number from 1 to 1000000000'],
      ['reset@/cgi-bin/*:x', 'invalid fault "reset@/cgi-bin/*:x": COUNT must be a whole number from 1 to 1000000000'],
    ];
    for (const [spec, message] of cases) {
      expect(() => parseFaultSpec(spec), spec).toThrow(message);
      const r = await post(emu.url, '/__emulator/faults', { spec });
      expect(r.status, spec).toBe(400);
      expect((r.json as { error: string }).error, spec).toBe(message);
    }
    // The errcode sentences quote the spec as the others do.
    expect(() => parseFaultSpec('errcode')).toThrow('invalid fault "errcode": errcode needs a number');
    expect(() => parseFaultSpec('errcode=0')).toThrow('invalid fault "errcode=0": the emulator does not know WeChat’s errmsg for 0');
    // The page says it in Chinese from the same key and values.
    const zh = (await post(emu.url, '/__emulator/faults', { spec: 'errcode=abc' })).json as { problem: { text: string; params: Record<string, string> } };
    expect(zh.problem.text).toBe('fault.problem.errcodeNeedsCode');
    expect(UI_TEXT['fault.problem.errcodeNeedsCode'].zh.replace(/\{(\w+)\}/g, (_all, name: string) => zh.problem.params[name]!)).toBe(
      '故障 "errcode=abc" 无效：errcode 的值必须是数字，即微信的错误码，例如 errcode=40001 或 errcode=-1000',
    );
    expect((await get(emu.url, '/__emulator/faults')).json).toEqual({ ok: true, faults: [] });
  });

  it("errcode=N answers WeChat's body for that code, with the errmsg each path writes, and counts down", async () => {
    await post(emu.url, '/__emulator/faults', { faults: ['errcode=40001@/cgi-bin/ticket/getticket:1', 'errcode=-1000@/cgi-bin/ticket/getticket:1', 'errcode=40001@/sns/userinfo:1', 'errcode=40164@/cgi-bin/stable_token:1'] });
    const ticket = '/cgi-bin/ticket/getticket?access_token=x&type=jsapi';
    expect(norm((await get(emu.url, ticket)).text)).toBe(
      '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r rid: RID"}',
    );
    expect(norm((await get(emu.url, ticket)).text)).toBe('{"errcode":-1000,"errmsg":"system error rid: RID"}');
    // Spent: the real answer again (an unknown token).
    expect((await get(emu.url, ticket)).json.errcode).toBe(40001);
    expect(norm((await get(emu.url, '/sns/userinfo?access_token=a&openid=b')).text)).toBe('{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: RID"}');
    expect(norm((await post(emu.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'x', secret: 'y' })).text)).toBe(
      '{"errcode":40164,"errmsg":"invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist rid: RID"}',
    );
    expect(emu.requests().map((r) => r.fault)).toEqual(['errcode', 'errcode', undefined, 'errcode', 'errcode']);
    expect((await get(emu.url, '/__emulator/faults')).json).toEqual({ ok: true, faults: [] });
  });

  it('a fault armed at a path the emulator serves nothing at is armed, and the answer says it will never fire', async () => {
    const r = await post(emu.url, '/__emulator/faults', { spec: 'errcode=40001@/cgi-bin/tokne:1' });
    expect(r.status).toBe(200);
    expect(r.json.warnings).toEqual([{ spec: 'errcode=40001@/cgi-bin/tokne:1', path: '/cgi-bin/tokne', suggestion: '/cgi-bin/token' }]);
    expect((await post(emu.url, '/__emulator/faults', { spec: 'busy@/sns/*' })).json).not.toHaveProperty('warnings');
    // And on every read after, so a list (the emulator's page) can mark it beside the others.
    expect((await get(emu.url, '/__emulator/faults')).json).toEqual({
      ok: true,
      faults: [{ kind: 'errcode', errcode: 40001, path: '/cgi-bin/tokne', count: 1 }, { kind: 'busy', path: '/sns/*' }],
      warnings: [{ spec: 'errcode=40001@/cgi-bin/tokne:1', path: '/cgi-bin/tokne', suggestion: '/cgi-bin/token' }],
    });
  });

  it('an errcode fault given as JSON is checked like a spec', async () => {
    expect((await post(emu.url, '/__emulator/faults', { kind: 'errcode', errcode: 45009, path: '/cgi-bin/token', count: 1 })).status).toBe(200);
    expect(norm((await get(emu.url, '/cgi-bin/token?grant_type=client_credential&appid=a&secret=b')).text)).toBe('{"errcode":45009,"errmsg":"reach max api daily quota limit rid: RID"}');
    const bad = await post(emu.url, '/__emulator/faults', { kind: 'errcode', errcode: 'x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('errcode needs a number');
  });

  it('HTTP 500/502 with nginx pages, for the next N requests only', async () => {
    await post(emu.url, '/__emulator/faults', { faults: ['500:1', '502:1'] });
    const a = await get(emu.url, '/sns/auth?access_token=a&openid=b');
    expect(a.status).toBe(500);
    expect(a.text).toContain('<center><h1>500 Internal Server Error</h1></center>');
    const b = await get(emu.url, '/sns/auth?access_token=a&openid=b');
    expect(b.status).toBe(502);
    expect(b.text).toContain('502 Bad Gateway');
    expect((await get(emu.url, '/sns/auth?access_token=a&openid=b')).json.errcode).toBe(40014);
    expect(emu.requests().map((r) => r.fault)).toEqual(['http500', 'http502', undefined]);
  });

  it("a request meets one fault, the first armed that matches; the others keep their counts (README's example)", async () => {
    await post(emu.url, '/__emulator/faults', { faults: ['500@/sns/oauth2/access_token', 'delay=50:3'] });
    expect((await exchange('0x')).status).toBe(500);
    expect((await get(emu.url, '/__emulator/faults')).json.faults).toEqual([
      expect.objectContaining({ kind: 'http500', path: '/sns/oauth2/access_token' }),
      expect.objectContaining({ kind: 'delay', ms: 50, count: 3 }),
    ]);
    // Another path meets the delay, and uses it up.
    expect((await get(emu.url, '/sns/auth?access_token=a&openid=b')).json.errcode).toBe(40014);
    expect((await get(emu.url, '/__emulator/faults')).json.faults).toEqual([expect.anything(), expect.objectContaining({ kind: 'delay', count: 2 })]);
    expect(emu.requests().filter((r) => !r.path.startsWith('/__emulator')).map((r) => r.fault)).toEqual(['http500', 'delay']);
  });

  it('{"remove": spec} takes one fault away and leaves those armed meanwhile; one that fired since is still found by its kind and path', async () => {
    const armed = (answer: { json: unknown }) => ((answer.json as { faults: FaultSpec[] }).faults).map(faultText);
    await post(emu.url, '/__emulator/faults', { faults: ['delay=50:3', '500@/sns/oauth2/access_token', 'busy:1'] });
    // Another client (a script, another tab) arms one after this client read the list.
    await post(emu.url, '/__emulator/faults', { spec: 'garbage@/sns/auth:2' });
    const removed = await post(emu.url, '/__emulator/faults', { remove: '500@/sns/oauth2/access_token' });
    expect(removed.status).toBe(200);
    expect(armed(removed)).toEqual(['delay=50:3', 'busy:1', 'garbage@/sns/auth:2']);
    // The delay fired once since the list was read: removing it as it was listed (":3") still takes it.
    await get(emu.url, '/cgi-bin/getcallbackip');
    expect(armed(await post(emu.url, '/__emulator/faults', { remove: 'delay=50:3' }))).toEqual(['busy:1', 'garbage@/sns/auth:2']);
    // "until cleared" is another fault than "n more times": not taken for it.
    const gone = await post(emu.url, '/__emulator/faults', { remove: 'garbage@/sns/auth' });
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ ok: false, problem: { text: 'faults.gone', params: { spec: 'garbage@/sns/auth' } } });
    expect(String((gone.json as { error: string }).error)).toContain('no armed fault is garbage@/sns/auth');
    expect((await post(emu.url, '/__emulator/faults', { remove: 'meltdown' })).status).toBe(400);
    expect(armed(await get(emu.url, '/__emulator/faults'))).toEqual(['busy:1', 'garbage@/sns/auth:2']);
  });

  it('-1 system busy, path-scoped, until cleared', async () => {
    emu.addFault({ kind: 'busy', path: '/sns/oauth2/access_token' });
    expect(norm((await exchange('0x')).text)).toBe('{"errcode":-1,"errmsg":"system error, rid: RID"}');
    expect(norm((await exchange('0x')).text)).toBe('{"errcode":-1,"errmsg":"system error, rid: RID"}');
    expect((await get(emu.url, '/sns/auth?access_token=a&openid=b')).json.errcode).toBe(40014);
    expect((await get(emu.url, '/__emulator/faults', { method: 'DELETE' })).json).toEqual({ ok: true, faults: [] });
    expect((await exchange('0x')).json.errcode).toBe(40029);
  });

  it('a non-JSON body', async () => {
    emu.setFaults([{ kind: 'garbage', count: 1 }]);
    const r = await exchange('0x');
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it('connection reset', async () => {
    await post(emu.url, '/__emulator/faults', { spec: 'reset:1' });
    await expect(fetch(`${emu.url}/cgi-bin/token`)).rejects.toThrow();
    expect((await get(emu.url, '/cgi-bin/token')).json.errcode).toBe(41002);
    expect(emu.requests()[0]!.fault).toBe('reset');
  });

  it('delay holds only the matching request (others answer first)', async () => {
    emu.setFaults([{ kind: 'delay', ms: 400, path: '/sns/auth', count: 1 }]);
    const order: string[] = [];
    const slow = get(emu.url, '/sns/auth?access_token=a&openid=b').then((r) => order.push(`slow:${String(r.json.errcode)}`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const quick = get(emu.url, '/cgi-bin/token').then((r) => order.push(`quick:${String(r.json.errcode)}`));
    await Promise.all([slow, quick]);
    expect(order).toEqual(['quick:41002', 'slow:40014']);
  });

  it('a delay holds the answer, not the work: the code is spent on arrival, and the same code sent meanwhile gets 40163', async () => {
    emu.setFaults([{ kind: 'delay', ms: 400, path: '/sns/oauth2/access_token', count: 1 }]);
    const code = emu.issueCode({ appid: SVC });
    const started = Date.now();
    const slow = exchange(code);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A client that gave up on the first request and retried: WeChat had spent the code already.
    const retry = await exchange(code);
    expect(retry.json.errcode).toBe(40163);
    expect(Date.now() - started).toBeLessThan(400);
    const first = await slow;
    expect(first.json).toMatchObject({ openid: expect.any(String) as unknown });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    // The log has each request when its answer left: the retry's first, the delayed one after it.
    const logged = emu.requests().filter((r) => r.path === '/sns/oauth2/access_token');
    expect(logged.map((r) => [r.fault, r.errcode])).toEqual([[undefined, 40163], ['delay', undefined]]);
    // ...and says when the held one arrived (this emulator's clock is fixed: the time is T0), its code and secret still masked.
    expect(logged.map((r) => r.arrived)).toEqual([undefined, new Date(T0).toISOString()]);
    expect(logged[1]!.query).toMatchObject({ code: '***', secret: '***' });
    expect(JSON.stringify(logged)).not.toContain(code);
  });

  it('control endpoints are never faulted; invalid fault JSON is a 400', async () => {
    emu.setFaults([{ kind: 'http500' }]);
    expect((await get(emu.url, '/__emulator/requests')).status).toBe(200);
    expect((await post(emu.url, '/__emulator/faults', { kind: 'meltdown' })).status).toBe(400);
  });

  it('faults given at start come back after reset', async () => {
    const faulty = await startEmulator({ faults: [parseFaultSpec('busy@/cgi-bin/token')] });
    try {
      expect((await get(faulty.url, '/cgi-bin/token')).json.errcode).toBe(-1);
      faulty.setFaults([]);
      expect((await get(faulty.url, '/cgi-bin/token')).json.errcode).toBe(41002);
      faulty.reset();
      expect((await get(faulty.url, '/cgi-bin/token')).json.errcode).toBe(-1);
    } finally {
      await faulty.close();
    }
  });
});

describe('rid memory is capped by bytes (issue 13 item 7)', () => {
  const stats = async () => (await get(emu.url, '/__emulator/stats')).json.rids as { count: number; bytes: number; maxBytes: number };

  it('large request bodies never push the retained rid bytes over the cap; the oldest go first; reset releases them', async () => {
    const token = String((await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${SVC_SECRET}`)).json.access_token);
    const big = 'x'.repeat(60 * 1024);
    const rids: string[] = [];
    // 200 × 60 KB: more than the cap, few enough to stay fast. Not JSON, so quota/get answers 47001 with a rid.
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => post(emu.url, `/cgi-bin/openapi/quota/get?access_token=${token}`, big)),
      );
      for (const a of answers) {
        expect(a.json.errcode).toBe(47001);
        rids.push(/rid: (\S+)$/.exec(String(a.json.errmsg))![1]!);
      }
    }
    const capped = await stats();
    expect(capped.maxBytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(capped.bytes).toBeGreaterThan(0);
    expect(capped.bytes).toBeLessThanOrEqual(capped.maxBytes);
    expect(capped.count).toBeLessThan(200);

    const ridGet = (rid: string) => post(emu.url, `/cgi-bin/openapi/rid/get?access_token=${token}`, { rid });
    const newest = await ridGet(rids[rids.length - 1]!);
    expect(newest.json.errcode).toBe(0);
    expect(String((newest.json.request as Record<string, unknown>).request_body)).toHaveLength(60 * 1024);
    expect(norm((await ridGet(rids[0]!)).text)).toBe('{"errcode":76001,"errmsg":"rid not found, please check rid: RID"}');

    expect((await post(emu.url, '/__emulator/reset', {})).json).toEqual({ ok: true });
    expect(await stats()).toMatchObject({ count: 0, bytes: 0 });
  });
});

describe('control API ranges and guards (issue 13 item 11)', () => {
  it('a clock advance that would leave the rid range is a 400, and later requests still answer', async () => {
    for (const advance of [1e308, -1e308, 1e12, -(T0 / 1000) - 1]) {
      const r = await post(emu.url, '/__emulator/clock', { advance });
      expect(r.status, String(advance)).toBe(400);
      expect(String(r.json.error)).toMatch(/advance/);
    }
    expect((await get(emu.url, '/__emulator/clock')).json.now).toBe(T0);
    expect((await get(emu.url, '/sns/auth?access_token=a&openid=b')).json.errcode).toBe(40014);
    expect(() => emu.advanceClock(1e308)).toThrow(RangeError);
    expect((await post(emu.url, '/__emulator/clock', { advance: 86_400 * 365 })).status).toBe(200);
  });

  it('a delay beyond 10 minutes is refused (Node would overflow the timer and never delay)', async () => {
    expect(() => parseFaultSpec('delay=99999999999')).toThrow(/at most 600000/);
    const r = await post(emu.url, '/__emulator/faults', { spec: 'delay=99999999999' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ ok: false, error: expect.stringMatching(/delay=99999999999.*at most 600000 ms/) as unknown });
    expect((await post(emu.url, '/__emulator/faults', { kind: 'delay', ms: 1e12 })).status).toBe(400);
    expect((await get(emu.url, '/__emulator/faults')).json.faults).toEqual([]);
    expect(parseFaultSpec('delay=600000')).toEqual({ kind: 'delay', ms: 600000 });
  });

  it('control calls with a Host that is not this emulator (DNS rebinding) are refused with 403', async () => {
    const port = portOf(emu.url);
    const seed = await rawRequest(port, '/__emulator/seed', { headers: { host: `evil.example:${port}` } });
    expect(seed.status).toBe(403);
    expect(seed.body).not.toContain(SVC_SECRET);
    expect(JSON.parse(seed.body)).toEqual({ ok: false, error: expect.stringContaining('Host') as unknown });
    const arm = await rawRequest(port, '/__emulator/faults', { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json' }, body: '{"spec":"busy"}' });
    expect(arm.status).toBe(403);
    expect(emu.requests()).toEqual([]);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST`]) expect((await rawRequest(port, '/__emulator/seed', { headers: { host } })).status, host).toBe(200);
    // WeChat's own endpoints keep answering whatever the Host (SDKs may send api.weixin.qq.com).
    expect(JSON.parse((await rawRequest(port, '/sns/auth?access_token=a&openid=b', { headers: { host: 'api.weixin.qq.com' } })).body).errcode).toBe(40014);
  });

  it('control POSTs need Content-Type: application/json (a cross-origin text/plain or form POST is refused with 415)', async () => {
    const port = portOf(emu.url);
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', undefined]) {
      const r = await rawRequest(port, '/__emulator/faults', { method: 'POST', headers: type ? { 'content-type': type } : {}, body: '{"spec":"busy"}' });
      expect(r.status, String(type)).toBe(415);
      expect(JSON.parse(r.body)).toEqual({ ok: false, error: expect.stringContaining('application/json') as unknown });
    }
    expect((await rawRequest(port, '/__emulator/reset', { method: 'POST' })).status).toBe(415);
    expect((await get(emu.url, '/__emulator/faults')).json.faults).toEqual([]);
    const ok = await rawRequest(port, '/__emulator/faults', { method: 'POST', headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: '{"spec":"busy:1"}' });
    expect(ok.status).toBe(200);
    expect((await rawRequest(port, '/__emulator/reset', { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(200);
  });
});

describe('switches take a value as text or as JSON, as GET shows it (issue 12 item 18)', () => {
  it('accepts "42003" for a number switch, 404 for a text one, "false" for a boolean, and stores the canonical value', async () => {
    const r = await post(emu.url, '/__emulator/switches', { expiredCodeErrcode: '42003', unknownPath: 404, paramOrderCheck: 'false' });
    expect(r.status).toBe(200);
    expect(r.json.switches).toMatchObject({ expiredCodeErrcode: 42003, unknownPath: '404', paramOrderCheck: false });
    const shown = (await get(emu.url, '/__emulator/switches')).json.switches as Record<string, unknown>;
    // What GET shows can be POSTed back unchanged.
    expect((await post(emu.url, '/__emulator/switches', shown)).json.switches).toEqual(shown);
    expect((await post(emu.url, '/__emulator/switches', { expiredCodeErrcode: '42004' })).status).toBe(400);
    expect((await post(emu.url, '/__emulator/switches', { paramOrderCheck: 'yes' })).status).toBe(400);
  });
});

describe('the ⚠ switches of §6, §8 and §14 through the control API', () => {
  it('POST /__emulator/switches sets authExpiredErrcode, tokenBadSecretErrcode and minuteQuotaErrmsg; GET lists their values, default first', async () => {
    const shown = (await get(emu.url, '/__emulator/switches')).json as { switches: Record<string, unknown>; values: Record<string, unknown[]> };
    expect(shown.switches).toMatchObject({ authExpiredErrcode: 42001, tokenBadSecretErrcode: 40125, minuteQuotaErrmsg: 'errcode-page' });
    expect(shown.values).toMatchObject({ authExpiredErrcode: [42001, 40014], tokenBadSecretErrcode: [40125, 40001], minuteQuotaErrmsg: ['errcode-page', 'doc-table'] });
    const r = await post(emu.url, '/__emulator/switches', { authExpiredErrcode: '40014', tokenBadSecretErrcode: 40001, minuteQuotaErrmsg: 'doc-table' });
    expect(r.json.switches).toMatchObject({ authExpiredErrcode: 40014, tokenBadSecretErrcode: 40001, minuteQuotaErrmsg: 'doc-table' });
    expect((await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${'0'.repeat(32)}`)).json.errcode).toBe(40001);
    expect((await post(emu.url, '/__emulator/switches', { tokenBadSecretErrcode: 40013 })).status).toBe(400);
  });
});

describe('the ⚠ switches of §0.4, §4, §5 and §11 through the control API', () => {
  // name, default, the other value (sent as text), a value refused.
  it.each([
    ['reusedCodeErrcode', 40163, 40029, 42003],
    ['refreshTokenDays', 30, 180, 7],
    ['refreshRenews', false, true, 'yes'],
    ['snsRidErrcode', 76001, 76022, 76021],
    ['credentialErrmsg', 'space', 'comma', 'none'],
  ] as const)('GET /__emulator/switches shows %s = %s by default and lists its values; POST sets %s; POST refuses %s', async (name, dflt, other, bad) => {
    const shown = (await get(emu.url, '/__emulator/switches')).json as { switches: Record<string, unknown>; values: Record<string, unknown[]> };
    expect(shown.switches[name]).toBe(dflt);
    expect(shown.values[name]).toEqual([dflt, other]);
    const r = await post(emu.url, '/__emulator/switches', { [name]: String(other) });
    expect((r.json.switches as Record<string, unknown>)[name]).toBe(other);
    expect((await post(emu.url, '/__emulator/switches', { [name]: bad })).status).toBe(400);
    expect(((await get(emu.url, '/__emulator/switches')).json.switches as Record<string, unknown>)[name]).toBe(other);
  });

  it('reusedCodeErrcode 40029 set over the control API: the second exchange of a code answers 40029 invalid code', async () => {
    const code = String((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_base' })).json.code);
    expect((await exchange(code)).json).toHaveProperty('access_token');
    await post(emu.url, '/__emulator/switches', { reusedCodeErrcode: 40029 });
    expect(norm((await exchange(code)).text)).toBe('{"errcode":40029,"errmsg":"invalid code, rid: RID"}');
  });
});

describe('the ⚠ switches of §0.2, §1.1, §1.5, §4 and JSSDK §1.2 through the control API', () => {
  it('contentType takes json-charset: GET lists it, POST sets it, and API answers go out chunked as application/json; charset=utf-8', async () => {
    const shown = (await get(emu.url, '/__emulator/switches')).json as { switches: Record<string, unknown>; values: Record<string, unknown[]> };
    expect(shown.switches.contentType).toBe('auto');
    expect(shown.values.contentType).toEqual(['auto', 'json', 'text', 'outcome', 'json-charset']);
    expect((await post(emu.url, '/__emulator/switches', { contentType: 'json-charset' })).json.switches).toMatchObject({ contentType: 'json-charset' });
    const r = await get(emu.url, '/sns/auth?access_token=x&openid=y');
    expect([r.headers.get('content-type'), r.headers.get('transfer-encoding')]).toEqual(['application/json; charset=utf-8', 'chunked']);
    expect((await post(emu.url, '/__emulator/switches', { contentType: 'charset' })).status).toBe(400);
  });

  it('redirectErrorWording: GET lists by-user-agent|mobile|pc, POST pc turns 10003 into PC WeChat\'s "redirect_uri 参数错误"', async () => {
    const shown = (await get(emu.url, '/__emulator/switches')).json as { switches: Record<string, unknown>; values: Record<string, unknown[]> };
    expect(shown.switches.redirectErrorWording).toBe('by-user-agent');
    expect(shown.values.redirectErrorWording).toEqual(['by-user-agent', 'mobile', 'pc']);
    const link = `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=${encodeURIComponent('https://example.com/cb')}&response_type=code&scope=snsapi_base&state=S`;
    expect((await get(emu.url, link)).text).toContain('redirect_uri域名与后台配置不一致，错误码：10003');
    expect((await post(emu.url, '/__emulator/switches', { redirectErrorWording: 'pc' })).json.switches).toMatchObject({ redirectErrorWording: 'pc' });
    expect((await get(emu.url, link)).text).toContain('>redirect_uri 参数错误<');
    expect((await post(emu.url, '/__emulator/switches', { redirectErrorWording: 'windows' })).status).toBe(400);
  });

  it('snapshotFlag: GET lists always|missing-first, POST missing-first drops is_snapshotuser from the first snapshot exchange', async () => {
    const shown = (await get(emu.url, '/__emulator/switches')).json as { switches: Record<string, unknown>; values: Record<string, unknown[]> };
    expect(shown.switches.snapshotFlag).toBe('always');
    expect(shown.values.snapshotFlag).toEqual(['always', 'missing-first']);
    expect((await post(emu.url, '/__emulator/switches', { snapshotFlag: 'missing-first' })).json.switches).toMatchObject({ snapshotFlag: 'missing-first' });
    const code = String((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_userinfo', snapshot: true })).json.code);
    const r = await exchange(code);
    expect(r.json).toHaveProperty('openid');
    expect(r.json).not.toHaveProperty('is_snapshotuser');
    expect((await post(emu.url, '/__emulator/switches', { snapshotFlag: 'never' })).status).toBe(400);
  });

  it('dailyQuotaErrmsg (JSSDK-FACTS §1.2 ⚠): GET lists reach-max|freq-out, POST takes freq-out and refuses others', async () => {
    const shown = (await get(emu.url, '/__emulator/switches')).json as { switches: Record<string, unknown>; values: Record<string, unknown[]> };
    expect(shown.switches.dailyQuotaErrmsg).toBe('reach-max');
    expect(shown.values.dailyQuotaErrmsg).toEqual(['reach-max', 'freq-out']);
    expect((await post(emu.url, '/__emulator/switches', { dailyQuotaErrmsg: 'freq-out' })).json.switches).toMatchObject({ dailyQuotaErrmsg: 'freq-out' });
    expect((await post(emu.url, '/__emulator/switches', { dailyQuotaErrmsg: 'api freq out of limit' })).status).toBe(400);
  });

  it('forcePopupEffect (§1.1 ⚠): GET lists consent|snapshot, POST snapshot makes forcePopup=true a snapshot login', async () => {
    const shown = (await get(emu.url, '/__emulator/switches')).json as { switches: Record<string, unknown>; values: Record<string, unknown[]> };
    expect(shown.switches.forcePopupEffect).toBe('consent');
    expect(shown.values.forcePopupEffect).toEqual(['consent', 'snapshot']);
    const link = `/connect/oauth2/authorize?appid=${SVC}&redirect_uri=${encodeURIComponent('http://localhost/cb')}&response_type=code&scope=snsapi_userinfo&state=S&forcePopup=true`;
    expect((await get(emu.url, link)).status).toBe(200);
    expect((await post(emu.url, '/__emulator/switches', { forcePopupEffect: 'snapshot' })).json.switches).toMatchObject({ forcePopupEffect: 'snapshot' });
    const code = new URL((await get(emu.url, link)).headers.get('location')!).searchParams.get('code')!;
    expect((await exchange(code)).json.is_snapshotuser).toBe(1);
    expect((await post(emu.url, '/__emulator/switches', { forcePopupEffect: 'popup' })).status).toBe(400);
  });
});

describe('a code’s status: unused, exchanged when and from where (issue 14)', () => {
  it('GET /__emulator/codes/<code> follows one code through its exchanges, the log masking it meanwhile', async () => {
    const code = String((await post(emu.url, '/__emulator/code', { appid: SVC, user: 'u1', scope: 'snsapi_base' })).json.code);
    const before = await get(emu.url, `/__emulator/codes/${code}`);
    expect(before.json).toMatchObject({ ok: true, code: { status: 'unused', appid: SVC, scope: 'snsapi_base', issuedAt: '2026-01-15T02:00:00.000Z', expiresAt: '2026-01-15T02:05:00.000Z', attempts: [] } });
    const first = await exchange(code);
    expect(first.json.access_token).toEqual(expect.any(String));
    expect((await exchange(code)).json.errcode).toBe(40163);
    const after = (await get(emu.url, `/__emulator/codes/${code}`)).json.code as Record<string, unknown>;
    expect(after).toMatchObject({ status: 'exchanged', exchangedAt: '2026-01-15T02:00:00.000Z', exchangedFrom: expect.any(String) as unknown });
    expect((after.attempts as Array<{ errcode: number }>).map((a) => a.errcode)).toEqual([0, 40163]);
    expect(after.tokens).toMatchObject({ access_token: first.json.access_token, refresh_token: first.json.refresh_token });
    expect((await get(emu.url, '/__emulator/codes/0nosuchcode')).status).toBe(404);
  });

  it('GET /__emulator/issued/<appid> lists the basic tokens that appid holds (both kinds, a replaced one while it works) and its jsapi_tickets', async () => {
    const secret = emu.apps.find((a) => a.appid === SVC)!.secret;
    expect((await get(emu.url, `/__emulator/issued/${SVC}`)).json).toEqual({ ok: true, appid: SVC, basicTokens: [], tickets: [] });
    const legacy1 = String((await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${secret}`)).json.access_token);
    const legacy2 = String((await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${SVC}&secret=${secret}`)).json.access_token);
    const stable = String((await post(emu.url, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: SVC, secret })).json.access_token);
    const ticket = String((await get(emu.url, `/cgi-bin/ticket/getticket?access_token=${stable}&type=jsapi`)).json.ticket);
    expect((await get(emu.url, `/__emulator/issued/${SVC}`)).json).toEqual({ ok: true, appid: SVC, basicTokens: [legacy1, legacy2, stable], tickets: [ticket] });
  });

  it('GET /__emulator/issued/<appid> for an appid the seed lacks is a 404 naming the seeded ones, not an empty list that reads as "nothing leaked"', async () => {
    const r = await get(emu.url, '/__emulator/issued/wx0000000000000bad');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({
      ok: false,
      error: `no seeded app "wx0000000000000bad" (the seeded ones: ${emu.apps.map((a) => a.appid).join(', ')})`,
    });
    // Decoded as probe sends it (encodeURIComponent), and named as sent.
    expect((await get(emu.url, '/__emulator/issued/wx%20typo')).json.error).toMatch(/^no seeded app "wx typo" \(the seeded ones: wx5e1ec0de00000001, /);
  });

  it('a code presented with another appid is not counted as an attempt; an old code shows expired', async () => {
    const code = String((await post(emu.url, '/__emulator/code', { appid: SVC })).json.code);
    await get(emu.url, `/sns/oauth2/access_token?appid=${DEFAULT_APPIDS.test}&secret=x&code=${code}&grant_type=authorization_code`);
    emu.advanceClock(301);
    expect((await get(emu.url, `/__emulator/codes/${code}`)).json.code).toMatchObject({ status: 'expired', attempts: [] });
  });

  it('GET /__emulator/requests?since=N answers only what came after an earlier total', async () => {
    await exchange('0one');
    const { total } = (await get(emu.url, '/__emulator/requests')).json as { total: number };
    expect(total).toBe(1);
    await exchange('0two');
    const later = (await get(emu.url, `/__emulator/requests?since=${total}`)).json as { requests: unknown[]; total: number };
    expect(later.total).toBe(2);
    expect(later.requests).toHaveLength(1);
    expect((await get(emu.url, '/__emulator/requests?since=x')).status).toBe(400);
  });
});

describe('contentType json-charset and HTTP/1.0', () => {
  it('an HTTP/1.0 client gets a Content-Length (HTTP/1.0 has no chunked encoding), an HTTP/1.1 one the chunked answer', async () => {
    await post(emu.url, '/__emulator/switches', { contentType: 'json-charset' });
    try {
      const head = await new Promise<string>((resolve, reject) => {
        const socket = connect(portOf(emu.url), '127.0.0.1', () => socket.end('GET /sns/auth?access_token=x&openid=y HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n'));
        let text = '';
        socket.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve(text)).on('error', reject);
      });
      const headers = head.slice(0, head.indexOf('\r\n\r\n')).toLowerCase();
      const body = head.slice(head.indexOf('\r\n\r\n') + 4);
      expect(headers).toContain('content-type: application/json; charset=utf-8');
      expect(headers).toContain(`content-length: ${Buffer.byteLength(body)}`);
      expect(headers).not.toContain('transfer-encoding');
      expect(JSON.parse(body)).toMatchObject({ errcode: 40014 });
      const r = await get(emu.url, '/sns/auth?access_token=x&openid=y');
      expect(r.headers.get('transfer-encoding')).toBe('chunked');
    } finally {
      await post(emu.url, '/__emulator/switches', { contentType: 'auto' });
    }
  });
});

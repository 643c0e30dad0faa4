// Every WeChat body is narrowed before use (issue 13 item 10): a success body that is not what WeChat's
// docs say — a token that is an object, rid/get without `request` — is exit 5 with the body shown
// (masked), never exit 70, never `[object Object]`, never cached. The stand-in for WeChat is a plain
// node:http server on port 0 answering the odd bodies; the CLI is aimed at it with WXAUTH_API_BASE.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseJson, runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx5e1ec0de00000001';
const SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
const OPENID = 'oLDegwLanAyzhdUfaBqh6Dt4MqtY';
const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
const GOOD_TOKEN = JSON.stringify({ access_token: '86_basicTokenFromTheStandInServer0123456789', expires_in: 7200 });

let server: http.Server;
let base = '';
/** path → body the stand-in answers with HTTP 200. */
let bodies: Record<string, string> = {};
let dir = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = bodies[new URL(req.url ?? '/', 'http://x').pathname];
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json; encoding=utf-8' });
      res.end(body ?? '{"errcode":40066,"errmsg":"invalid url"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  dir = tempConfigDir();
  bodies = {};
});

const cli = (args: string[]) =>
  runCli(args, {
    env: { WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base, WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET, WXAUTH_CONFIG_DIR: dir },
  });

/** The token cache as the run left it ({} when it never wrote one). */
function cache(): Record<string, any> {
  const file = path.join(dir, 'tokens.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>) : {};
}

describe('odd success bodies', () => {
  it('token: an access_token that is an object is exit 5, not printed, not cached; the body is shown masked', async () => {
    // `debug` quotes the secret under a name redaction does not know: only masking by value hides it.
    bodies['/cgi-bin/stable_token'] = JSON.stringify({ access_token: { value: 'x' }, expires_in: 7200, debug: SECRET });
    const r = await cli(['token']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stdout + r.stderr).not.toContain('[object Object]');
    expect(r.stderr).toContain("not what WeChat's docs say");
    expect(r.stderr).toContain('access_token is an object');
    expect(r.stderr).toContain('"debug"');
    expect(r.stderr).not.toContain(SECRET);
    expect(cache().profiles?.default?.basic ?? {}).toEqual({});

    const json = await cli(['token', '--json']);
    expect(json.code).toBe(5);
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(json.stdout).not.toContain(SECRET);
  });

  it('token: expires_in that is not a number is refused the same way', async () => {
    bodies['/cgi-bin/stable_token'] = JSON.stringify({ access_token: '86_tokenWithAnOddLifetime0123456789', expires_in: 'soon' });
    const r = await cli(['token']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('expires_in is a string, not a number');
    expect(cache().profiles?.default?.basic ?? {}).toEqual({});
  });

  it('rid: a rid/get success without `request` is exit 5, not 70', async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/openapi/rid/get'] = '{"errcode":0,"errmsg":"ok"}';
    const r = await cli(['rid', '6357a1b2-0a0b0c0d-01020304']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('request is missing');
  });

  it('rid: a request_body that is not a string is exit 5 too', async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/openapi/rid/get'] = JSON.stringify({
      errcode: 0,
      errmsg: 'ok',
      request: { invoke_time: 1635156704, cost_in_ms: 30, request_url: '', request_body: { secret: SECRET }, response_body: '', client_ip: '1.2.3.4' },
    });
    const r = await cli(['rid', '6357a1b2-0a0b0c0d-01020304']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('request.request_body is an object, not a string');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('user: a tagid_list that is not a list is exit 5, not 70', async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/user/info'] = JSON.stringify({ subscribe: 1, openid: OPENID, tagid_list: 'none' });
    const r = await cli(['user', OPENID]);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('tagid_list is a string, not a list of numbers');
  });

  it('quota: an answer without `quota` is exit 5, not a table of dashes', async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/openapi/quota/get'] = '{"errcode":0,"errmsg":"ok"}';
    const r = await cli(['quota', '/cgi-bin/message/custom/send']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('quota is missing');
  });

  it('domains: an ip_list that is not a list is exit 5, not an empty list', async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/get_api_domain_ip'] = '{"ip_list":"101.89.47.18"}';
    const r = await cli(['domains']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('ip_list is a string, not a list of IP addresses');
  });

  // `wxauth domains | xargs …` feeds firewall rules: a gateway's word was printed and counted as an IP.
  it('domains: an entry that is not an address is exit 5, nothing on stdout; CIDR blocks and IPv6 are addresses', async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/get_api_domain_ip'] = JSON.stringify({ ip_list: ['101.89.47.18', 'rm -rf /'] });
    const r = await cli(['domains']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ip_list[1] is not an IP address');

    bodies['/cgi-bin/get_api_domain_ip'] = JSON.stringify({ ip_list: ['101.89.47.18', '101.226.103.0/25', '240e:e1:a800:1::1'] });
    const ok = await cli(['domains']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('101.89.47.18\n101.226.103.0/25\n240e:e1:a800:1::1\n');
  });

  it('exchange: a refresh_token that is not a string is exit 5 and nothing is cached', async () => {
    bodies['/sns/oauth2/access_token'] = JSON.stringify({
      access_token: '73_userTokenFromTheStandInServer0123456789',
      expires_in: 7200,
      refresh_token: ['73_refresh'],
      openid: OPENID,
      scope: 'snsapi_base',
    });
    const r = await cli(['exchange', CODE]);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('refresh_token is an array, not a string');
    expect(cache().profiles?.default?.users ?? {}).toEqual({});
  });

  // A lifetime no date can hold (1e300 s) was cached, and from then on every `tokens`, `token --show`
  // and `tokens show` ended in exit 70 "Invalid time value" until the cache was cleared by hand.
  it('exchange and token: an expires_in no token lives (1e300, -5) is exit 5, nothing cached, tokens still lists', async () => {
    bodies['/sns/oauth2/access_token'] = JSON.stringify({
      access_token: '73_userTokenFromTheStandInServer0123456789',
      expires_in: 1e300,
      refresh_token: '73_refreshFromTheStandInServer0123456789',
      openid: OPENID,
      scope: 'snsapi_userinfo',
    });
    const r = await cli(['exchange', CODE]);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('expires_in is 1e+300, not a number of seconds from 1 to');
    expect(cache().profiles?.default?.users ?? {}).toEqual({});

    // A negative one was taken as 7200 s and shown as "in 1h59m": a token WeChat says is gone.
    bodies['/cgi-bin/stable_token'] = JSON.stringify({ access_token: '86_basicTokenFromTheStandInServer0123456789', expires_in: -5 });
    const t = await cli(['token']);
    expect(t.code, t.stderr).toBe(5);
    expect(t.stdout).toBe('');
    expect(t.stderr).toContain('expires_in is -5, not a number of seconds');
    expect(cache().profiles?.default?.basic ?? {}).toEqual({});

    const list = await cli(['tokens']);
    expect(list.code, list.stderr).toBe(0);
  });

  // A ticket or basic token with an ESC sequence in it was cached and printed (escaped), exit 0, though
  // --ticket refuses such a string: WeChat's are letters, digits, - and _ only (JSSDK-FACTS §1.1, API-FACTS §0.5).
  it('jssdk ticket and token: a ticket or access_token with a character WeChat\'s never have is exit 5, said which, nothing cached (en, zh)', async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/ticket/getticket'] = JSON.stringify({ errcode: 0, errmsg: 'ok', ticket: 'TK\u001b[2J\u001b]0;owned\u0007', expires_in: 7200 });
    const r = await cli(['jssdk', 'ticket']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("not what WeChat's docs say");
    expect(r.stderr).toContain('ticket has U+001B at character 3, where WeChat’s have letters, digits, - and _ only');
    expect(JSON.stringify(cache())).not.toContain('TK');
    const zh = await cli(['--lang', 'zh', 'jssdk', 'ticket']);
    expect(zh.code).toBe(5);
    expect(zh.stderr).toContain('ticket 的第 3 个字符是 U+001B，微信给的只含字母、数字、- 和 _');

    bodies['/cgi-bin/stable_token'] = JSON.stringify({ access_token: '86_basic\u202eTokenFromTheStandInServer', expires_in: 7200 });
    const t = await cli(['token']);
    expect(t.code, t.stderr).toBe(5);
    expect(t.stdout).toBe('');
    expect(t.stderr).toContain('access_token has U+202E at character 9');
    expect(JSON.stringify(cache())).not.toContain('\u202e');
    expect(JSON.stringify(cache())).toContain('86_basicTokenFromTheStandInServer0123456789');

    // WeChat's own shapes still pass: the docs' ticket and a basic token of `NN_`, letters, digits, - and _.
    bodies['/cgi-bin/stable_token'] = JSON.stringify({ access_token: '70_GTSJ-basic_TokenFromTheStandInServer0123456789', expires_in: 7200 });
    bodies['/cgi-bin/ticket/getticket'] = '{"errcode":0,"errmsg":"ok","ticket":"bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA","expires_in":7200}';
    const ok = await cli(['jssdk', 'ticket', '--show-secrets']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA');
    expect(JSON.stringify(cache())).toContain('bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA');
  });

  // 40001.5 was reported as WeChat's "errcode 40001.5" and 1e400 (JSON for Infinity) as "errcode Infinity", exit 3.
  it('check: an errcode that is not a whole number (40001.5, 1e400) is an answer not shaped as WeChat’s, exit 5', async () => {
    for (const [body, shown] of [
      ['{"errcode":40001.5,"errmsg":"invalid credential"}', 'errcode is 40001.5, not a whole number'],
      ['{"errcode":1e400,"errmsg":"invalid credential"}', 'errcode is Infinity, not a whole number'],
    ] as const) {
      bodies['/sns/auth'] = body;
      const r = await cli(['check', '73_userTokenTypedOnTheCommandLine0123456789', OPENID]);
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toContain(shown);
      expect(r.stderr).not.toContain('answered errcode');
    }
  });

  it('userinfo: a nickname that is an object is exit 5, never printed as [object Object]', async () => {
    bodies['/sns/userinfo'] = JSON.stringify({ openid: OPENID, nickname: { name: 'x' }, sex: 0, headimgurl: '', privilege: [] });
    const r = await cli(['userinfo', '73_userTokenGivenOnTheCommandLine0123456789', OPENID, '--no-refresh']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout + r.stderr).not.toContain('[object Object]');
    expect(r.stderr).toContain('nickname is an object, not a string');
  });
});

// The problems inside the sentence were English in a zh run but for fields that were missing (the
// client parsed core's English strings back to translate those): a wrong type stayed "expires_in is a
// string, not a number" inside 「…的响应不是微信文档描述的样子（…）」. Now each problem is said in the run's
// language, on stderr and in --json's error.message.
describe('the problems of an odd answer, in the user’s language', () => {
  const TOKEN = '73_userTokenTypedOnTheCommandLine0123456789';
  const ENGLISH = /is missing|are missing|is a (string|number)|, not a|not a number|JSON object/;

  it('exchange: a missing openid and an expires_in that is no number (en, zh, --json zh)', async () => {
    bodies['/sns/oauth2/access_token'] = JSON.stringify({ access_token: 'x', expires_in: 'two hours', refresh_token: 'r', scope: 'snsapi_base' });
    const en = await cli(['exchange', CODE]);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stderr).toContain("/sns/oauth2/access_token is not what WeChat's docs say it is (openid is missing; expires_in is a string, not a number): ");

    const zh = await cli(['exchange', CODE, '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(5);
    const line = zh.stderr.split('\n')[0]!;
    expect(line).toContain('/sns/oauth2/access_token 的响应不是微信文档描述的样子（缺少 openid；expires_in 应为数字，实际为字符串）：');
    expect(line.replace(/：\{.*$/, '')).not.toMatch(ENGLISH);

    const json = await cli(['exchange', CODE, '--lang', 'zh', '--json']);
    expect(json.code).toBe(5);
    const doc = parseJson(json.stdout) as { error: { code: string; message: string } };
    expect(doc.error.code).toBe('network');
    expect(doc.error.message).toContain('（缺少 openid；expires_in 应为数字，实际为字符串）');
  });

  // JSON's 1e400 parses as Infinity: "expires_in is a number, not a number" said nothing.
  it('token: an expires_in of 1e400 is said as a number too large, not as "a number, not a number" (en, zh)', async () => {
    bodies['/cgi-bin/stable_token'] = '{"access_token":"86_basicTokenFromTheStandInServer0123456789","expires_in":1e400}';
    const en = await cli(['token']);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stderr).toContain('(expires_in is a number too large to hold, not a number)');
    const zh = await cli(['token', '--lang', 'zh']);
    expect(zh.stderr).toContain('（expires_in 应为数字，实际为大到无法表示的数字）');
  });

  it('check: /sns/auth without errcode, or with errcode and errmsg of the wrong types (en, zh)', async () => {
    bodies['/sns/auth'] = JSON.stringify({ errmsg: 'ok' });
    const en = await cli(['check', TOKEN, OPENID]);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stderr).toContain("/sns/auth is not what WeChat's docs say it is (errcode is missing): ");
    const zh = await cli(['check', TOKEN, OPENID, '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stderr).toContain('/sns/auth 的响应不是微信文档描述的样子（缺少 errcode）：');

    bodies['/sns/auth'] = JSON.stringify({ errcode: 'ok', errmsg: 5 });
    const enType = await cli(['check', TOKEN, OPENID]);
    expect(enType.code, enType.stderr).toBe(5);
    expect(enType.stderr).toContain('(errcode is a string, not a number; errmsg is a number, not a string): ');
    const zhType = await cli(['check', TOKEN, OPENID, '--lang', 'zh']);
    expect(zhType.code, zhType.stderr).toBe(5);
    const line = zhType.stderr.split('\n')[0]!;
    expect(line).toContain('（errcode 应为数字，实际为字符串；errmsg 应为字符串，实际为数字）：');
    expect(line.replace(/：\{.*$/, '')).not.toMatch(ENGLISH);
  });

  it('an errcode that is no whole number, a lifetime out of range, a list item and a body that is no object, in zh', async () => {
    bodies['/sns/auth'] = '{"errcode":40001.5,"errmsg":"invalid credential"}';
    const odd = await cli(['check', TOKEN, OPENID, '--lang', 'zh']);
    expect(odd.code, odd.stderr).toBe(5);
    expect(odd.stderr).toContain('（errcode 是 40001.5，不是整数）');

    bodies['/cgi-bin/stable_token'] = JSON.stringify({ access_token: '86_basicTokenFromTheStandInServer0123456789', expires_in: -5 });
    const life = await cli(['token', '--lang', 'zh']);
    expect(life.code, life.stderr).toBe(5);
    expect(life.stderr).toContain('（expires_in 是 -5，不在 1 到 31622400 秒之间）');

    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/get_api_domain_ip'] = JSON.stringify({ ip_list: ['101.89.47.18', 7, 'nowhere'] });
    const item = await cli(['domains', '--lang', 'zh']);
    expect(item.code, item.stderr).toBe(5);
    expect(item.stderr).toContain('（ip_list[1] 应为字符串（IP 地址），实际为数字）');
    const itemEn = await cli(['domains']);
    expect(itemEn.stderr).toContain('(ip_list[1] is a number, in a list of IP addresses)');

    bodies['/cgi-bin/get_api_domain_ip'] = JSON.stringify({ ip_list: ['101.89.47.18', 'nowhere'] });
    const ip = await cli(['domains', '--lang', 'zh']);
    expect(ip.stderr).toContain('（ip_list[1] 不是 IP 地址）');

    bodies['/cgi-bin/get_api_domain_ip'] = '[]';
    const list = await cli(['domains', '--lang', 'zh']);
    expect(list.code, list.stderr).toBe(5);
    expect(list.stderr).toContain('（响应体不是 JSON 对象）');
  });
});

// A user token answer (/sns/oauth2/access_token, /sns/oauth2/refresh_token) or a userinfo answer with an
// ESC sequence, a NUL or a path in its tokens or ids was used and cached (exit 0, "✔ saved"), where the
// same ESC in a basic token is refused: they are refused alike now, exit 5, nothing cached. WeChat's
// tokens, openids and unionids are letters, digits, - and _ (API-FACTS §0.5).
describe('user token answers are refused as basic token answers are', () => {
  const HOSTILE = '{"access_token":"AT\\u001b[31mRED","expires_in":7200,"refresh_token":"RT\\u001b[0m","openid":"o\\u001b[2Jevil/../../x","scope":"snsapi_base","unionid":"u\\u0000n"}';
  const GOOD = JSON.stringify({ access_token: '73_userTokenFromTheStandInServer0123456789', expires_in: 7200, refresh_token: '73_refreshFromTheStandInServer0123456789', openid: OPENID, scope: 'snsapi_userinfo' });
  const users = () => (cache().profiles?.default?.users ?? {}) as Record<string, Record<string, unknown>>;

  it('exchange: a token, openid or unionid with a control character is exit 5, said which, nothing cached (en, zh, --json)', async () => {
    bodies['/sns/oauth2/access_token'] = HOSTILE;
    const en = await cli(['exchange', CODE]);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stdout).toBe('');
    expect(en.stderr).not.toContain('✔');
    expect(en.stderr).toContain(
      "/sns/oauth2/access_token is not what WeChat's docs say it is (access_token has U+001B at character 3, where WeChat’s have letters, digits, - and _ only; " +
        'openid has U+001B at character 2, where WeChat’s have letters, digits, - and _ only; refresh_token has U+001B at character 3, where WeChat’s have letters, digits, - and _ only; ' +
        'unionid has U+0000 at character 2, where WeChat’s have letters, digits, - and _ only)',
    );
    // The code is spent (a token was issued): said, as for any answer that carries an access_token.
    expect(en.stderr).toContain('so nothing from it was used or saved');
    expect(users()).toEqual({});
    expect(JSON.stringify(cache())).not.toMatch(/\u001b|\u0000|evil/);

    const zh = await cli(['--lang', 'zh', 'exchange', CODE]);
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stderr).toContain('/sns/oauth2/access_token 的响应不是微信文档描述的样子（access_token 的第 3 个字符是 U+001B，微信给的只含字母、数字、- 和 _；openid 的第 2 个字符是 U+001B');
    expect(zh.stderr).toContain('unionid 的第 2 个字符是 U+0000，微信给的只含字母、数字、- 和 _）');
    expect(zh.stderr).toContain('所以其中的内容都没有使用也没有保存');

    const json = await cli(['exchange', CODE, '--json']);
    expect(json.code).toBe(5);
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'network', network: { failure: 'unexpected_shape', issued_token: true } } });
    expect(users()).toEqual({});

    // A path in the openid alone is refused too ('/' is in none of WeChat's); nothing else was wrong.
    bodies['/sns/oauth2/access_token'] = JSON.stringify({ ...JSON.parse(GOOD), openid: 'oLDegw/../../x' });
    const slash = await cli(['exchange', CODE]);
    expect(slash.code, slash.stderr).toBe(5);
    expect(slash.stderr).toContain("(openid has '/' at character 7, where WeChat’s have letters, digits, - and _ only)");
    expect(users()).toEqual({});
  });

  it('refresh: the same answer is exit 5 and the cached token is left as it was (en, zh)', async () => {
    bodies['/sns/oauth2/access_token'] = GOOD;
    expect((await cli(['exchange', CODE])).code).toBe(0);
    const before = users();
    expect(Object.keys(before)).toEqual([`${APPID}:${OPENID}`]);

    bodies['/sns/oauth2/refresh_token'] = HOSTILE;
    const en = await cli(['refresh', '--openid', OPENID]);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain("/sns/oauth2/refresh_token is not what WeChat's docs say it is (access_token has U+001B at character 3");
    expect(en.stderr).not.toContain('Refreshed');
    const zh = await cli(['--lang', 'zh', 'refresh']);
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stderr).toContain('/sns/oauth2/refresh_token 的响应不是微信文档描述的样子（access_token 的第 3 个字符是 U+001B');
    expect(users()).toEqual(before);
  });

  it('userinfo: an openid or unionid with a control character is exit 5, and the cache learns no unionid from it', async () => {
    bodies['/sns/oauth2/access_token'] = GOOD;
    expect((await cli(['exchange', CODE])).code).toBe(0);
    const before = users();
    const profile = { openid: OPENID, nickname: 'Wang', sex: 0, language: '', province: '', city: '', country: '', headimgurl: '', privilege: [] };

    bodies['/sns/userinfo'] = JSON.stringify({ ...profile, unionid: 'u\u0000n' });
    const en = await cli(['userinfo']);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain("/sns/userinfo is not what WeChat's docs say it is (unionid has U+0000 at character 2, where WeChat’s have letters, digits, - and _ only)");
    expect(users()).toEqual(before);

    bodies['/sns/userinfo'] = JSON.stringify({ ...profile, openid: 'o\u001b[2J' });
    const zh = await cli(['--lang', 'zh', 'userinfo']);
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stderr).toContain('/sns/userinfo 的响应不是微信文档描述的样子（openid 的第 2 个字符是 U+001B，微信给的只含字母、数字、- 和 _）');
    expect(users()).toEqual(before);
  });

  it("a mock's tokens and ids of other lengths and shapes in WeChat's alphabet are still taken", async () => {
    bodies['/sns/oauth2/access_token'] = JSON.stringify({ access_token: 'ACCESS_TOKEN', expires_in: 7200, refresh_token: 'mock-refresh-1', openid: 'test_user-1', scope: 'snsapi_userinfo', unionid: 'UNIONID' });
    const r = await cli(['exchange', CODE]);
    expect(r.code, r.stderr).toBe(0);
    expect(users()[`${APPID}:test_user-1`]).toMatchObject({ accessToken: 'ACCESS_TOKEN', refreshToken: 'mock-refresh-1', unionid: 'UNIONID' });
    // An empty unionid or refresh_token still reads as none given, as before.
    bodies['/sns/oauth2/refresh_token'] = JSON.stringify({ access_token: 'ACCESS_TOKEN_2', expires_in: 7200, refresh_token: '', openid: 'test_user-1', scope: 'snsapi_userinfo', unionid: '' });
    const again = await cli(['refresh']);
    expect(again.code, again.stderr).toBe(0);
    expect(users()[`${APPID}:test_user-1`]).toMatchObject({ accessToken: 'ACCESS_TOKEN_2', refreshToken: 'mock-refresh-1', unionid: 'UNIONID' });
  });
});

// `refresh --openid A` whose answer named another user (oOTHER) said "✔ Refreshed … (no cached token to
// tell whether it changed)" though A was cached, and saved the tokens under oOTHER, whom `tokens` then
// listed. WeChat answers a refresh with the openid its refresh_token was issued to (API-FACTS §5).
describe('refresh: an answer that names another user', () => {
  const OTHER = 'oOTHERxxxxxxxxxxxxxxxxxxxxxx';
  const GOOD = JSON.stringify({ access_token: '73_userTokenFromTheStandInServer0123456789', expires_in: 7200, refresh_token: '73_refreshFromTheStandInServer0123456789', openid: OPENID, scope: 'snsapi_userinfo' });
  const users = () => (cache().profiles?.default?.users ?? {}) as Record<string, Record<string, unknown>>;

  it('is exit 5, names both users, and nothing is saved under either (en, zh, --json, --no-save, a typed refresh_token with --openid)', async () => {
    bodies['/sns/oauth2/access_token'] = GOOD;
    expect((await cli(['exchange', CODE])).code).toBe(0);
    const before = users();
    bodies['/sns/oauth2/refresh_token'] = JSON.stringify({ access_token: '73_otherUsersTokenFromTheStandIn0123456', expires_in: 7200, refresh_token: '73_otherUsersRefreshFromTheStandIn01234', openid: OTHER, scope: 'snsapi_userinfo' });

    const en = await cli(['refresh', '--openid', OPENID]);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stdout).toBe('');
    expect(en.stderr).not.toContain('Refreshed');
    expect(en.stderr).toContain(`answered the refresh of ${OPENID}'s refresh_token with another user's tokens (openid ${OTHER})`);
    expect(en.stderr).toContain('Nothing from this answer was used or saved');
    expect(en.stderr).not.toContain('73_otherUsersTokenFromTheStandIn0123456');
    expect(users()).toEqual(before);
    const list = await cli(['tokens']);
    expect(list.stdout).toContain(OPENID);
    expect(list.stdout).not.toContain(OTHER);

    const zh = await cli(['--lang', 'zh', 'refresh']);
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stderr).toContain(`刷新 ${OPENID} 的 refresh_token，得到的却是另一个用户的 token（openid ${OTHER}）`);
    expect(zh.stderr).toContain('这个响应里的内容都没有使用，也没有保存');
    expect(users()).toEqual(before);

    const json = await cli(['refresh', '--json']);
    expect(json.code).toBe(5);
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'network', network: { failure: 'unexpected_shape', issued_token: true } } });

    const noSave = await cli(['refresh', '--no-save']);
    expect(noSave.code, noSave.stderr).toBe(5);
    expect(noSave.stdout).toBe('');

    // A refresh_token the cache does not hold, said with --openid to be that user's: the same.
    const typed = await cli(['refresh', '73_refreshTokenFromElsewhere0123456789', '--openid', OPENID]);
    expect(typed.code, typed.stderr).toBe(5);
    expect(typed.stderr).toContain(`with another user's tokens (openid ${OTHER})`);
    expect(users()).toEqual(before);

    // Without --openid, a refresh_token the cache does not hold is anyone's: its user is cached as before.
    const anyone = await cli(['refresh', '73_refreshTokenFromElsewhere0123456789']);
    expect(anyone.code, anyone.stderr).toBe(0);
    expect(Object.keys(users()).sort()).toEqual([`${APPID}:${OPENID}`, `${APPID}:${OTHER}`].sort());
  });
});

// `userinfo` for A answered with oOTHER's profile printed it as A's (exit 0) and wrote oOTHER's unionid
// into A's cached token. WeChat answers /sns/userinfo with the openid asked for (40003 when it is not the
// token's, API-FACTS §7).
describe('userinfo: an answer that names another user', () => {
  it('is exit 5, names both users, and the cache learns no unionid from it (en, zh)', async () => {
    bodies['/sns/oauth2/access_token'] = JSON.stringify({ access_token: '73_userTokenFromTheStandInServer0123456789', expires_in: 7200, refresh_token: '73_refreshFromTheStandInServer0123456789', openid: OPENID, scope: 'snsapi_userinfo' });
    expect((await cli(['exchange', CODE])).code).toBe(0);
    const before = cache().profiles?.default?.users;
    const other = 'oOTHERxxxxxxxxxxxxxxxxxxxxxx';
    bodies['/sns/userinfo'] = JSON.stringify({ openid: other, nickname: 'Other', sex: 0, language: '', province: '', city: '', country: '', headimgurl: '', privilege: [], unionid: 'uOTHERUNION' });

    const en = await cli(['userinfo']);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain(`answered /sns/userinfo for ${OPENID} with another user's profile (openid ${other})`);
    expect(en.stderr).toContain('Nothing from this answer was used or saved');
    const zh = await cli(['--lang', 'zh', 'userinfo', '--openid', OPENID]);
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stderr).toContain(`查询 ${OPENID} 的 userinfo，得到的却是另一个用户的资料（openid ${other}）`);
    expect(cache().profiles?.default?.users).toEqual(before);
    expect(JSON.stringify(cache())).not.toContain('uOTHERUNION');
  });
});

// `wxauth user <openid>` (/cgi-bin/user/info) read openid and unionid as any string: an answer with an
// ESC sequence or a NUL in them was printed, exit 0, where the same ids in an exchange or userinfo answer
// are refused. They are read alike now, exit 5; an empty unionid still reads as none given.
describe('user/info ids are read as a user token answer’s are', () => {
  it('an openid or unionid with a control character or a / is exit 5, said which (en, zh, --json)', async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/user/info'] = '{"subscribe":0,"openid":"o\\u001b[2J"}';
    const en = await cli(['user', OPENID]);
    expect(en.code, en.stderr).toBe(5);
    expect(en.stdout).toBe('');
    expect(en.stdout + en.stderr).not.toContain('\u001b[2J');
    expect(en.stderr).toContain("/cgi-bin/user/info is not what WeChat's docs say it is (openid has U+001B at character 2, where WeChat’s have letters, digits, - and _ only)");

    bodies['/cgi-bin/user/info'] = JSON.stringify({ subscribe: 1, openid: OPENID, unionid: 'u\u0000n/../x' });
    const zh = await cli(['--lang', 'zh', 'user', OPENID]);
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('/cgi-bin/user/info 的响应不是微信文档描述的样子（unionid 的第 2 个字符是 U+0000，微信给的只含字母、数字、- 和 _）');

    bodies['/cgi-bin/user/info'] = JSON.stringify({ subscribe: 1, openid: 'oLDegw/../../x' });
    const json = await cli(['user', OPENID, '--json']);
    expect(json.code).toBe(5);
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'network', network: { failure: 'unexpected_shape' } } });
  });

  it("a mock's ids in WeChat's alphabet and an empty unionid are still taken", async () => {
    bodies['/cgi-bin/stable_token'] = GOOD_TOKEN;
    bodies['/cgi-bin/user/info'] = JSON.stringify({ subscribe: 0, openid: 'test_user-1', unionid: '' });
    const r = await cli(['user', 'test_user-1']);
    expect(r.code, r.stderr).toBe(0);
    bodies['/cgi-bin/user/info'] = JSON.stringify({ subscribe: 0, openid: 'test_user-1', unionid: 'UNIONID' });
    const j = await cli(['user', 'test_user-1', '--json']);
    expect(j.code, j.stderr).toBe(0);
    expect(j.stdout).toContain('UNIONID');
  });
});

// wxauth user, quota, rid and domains against the emulator over real HTTP: WeChat's debugging APIs
// with the basic token, and the explanations for the answers people find confusing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx5e1ec0de00000001';
const SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
const RID = /[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}/;

let emu: EmulatorHandle;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator();
  dir = tempConfigDir();
});
afterAll(async () => {
  await emu?.close();
});

function cli(args: string[], extra: Record<string, string> = {}) {
  return runCli(args, {
    env: emulatorEnv(emu, { appid: APPID, secret: SECRET }, { WXAUTH_CONFIG_DIR: dir, ...extra }),
  });
}

/** The openid of a seeded user in the service account; u1 follows it, u3 does not. */
const openid = (userId: string, appid = APPID) => emu.users.find((u) => u.id === userId)?.openids[appid] as string;

describe('wxauth user', () => {
  it('subscribe 1: subscribe_time, unionid, remark and tags; the token is fetched once and then reused', async () => {
    const r = await cli(['user', openid('u1')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^subscribe\s+1 \(follows the account\)$/m);
    expect(r.stdout).toMatch(/^subscribe_time\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(\d+\)$/m);
    expect(r.stdout).toMatch(/^unionid\s+o[\w-]+$/m);
    expect(r.stdout).toMatch(/^tagid_list\s+/m);
    expect(r.stderr).toContain('No basic access_token cached');
    // Where the nickname went, before anyone looks for a bug in their code.
    expect(r.stderr).toContain('/cgi-bin/user/info stopped returning them on 2021-12-27');
    expect(r.stderr).toContain('wxauth login --scope snsapi_userinfo');

    const stable = emu.requests().filter((q) => q.path === '/cgi-bin/stable_token').length;
    const again = await cli(['user', openid('u1'), '--json']);
    expect(again.code).toBe(0);
    const doc = parseJson(again.stdout) as { user: Record<string, unknown> };
    expect(doc.user).toMatchObject({ subscribe: 1, openid: openid('u1') });
    expect(emu.requests().filter((q) => q.path === '/cgi-bin/stable_token').length).toBe(stable);
  });

  it('subscribe 0: only openid (and unionid) come back, and that is explained', async () => {
    const r = await cli(['user', openid('u3')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^subscribe\s+0 \(does not follow the account\)$/m);
    expect(r.stdout).not.toContain('subscribe_time');
    expect(r.stderr).toContain('does not follow the account');
    expect(r.stderr).toContain('only openid');
  });

  it('--raw prints WeChat body as it came', async () => {
    const r = await cli(['user', openid('u3'), '--raw']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ subscribe: 0, openid: openid('u3') });
    expect(r.stdout.trim().startsWith('{"subscribe":0')).toBe(true);
  });

  it('an openid of another appid: 40003 with the per-appid explanation (exit 3)', async () => {
    const r = await cli(['user', openid('u1', 'wx5e1ec0de00000003')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('40003');
    expect(r.stderr).toContain('openids are per appid');
    // --raw: WeChat's error body on stdout too, as exchange and the user-token commands print theirs.
    const raw = await cli(['user', openid('u1', 'wx5e1ec0de00000003'), '--raw']);
    expect(raw.code).toBe(3);
    expect(JSON.parse(raw.stdout)).toMatchObject({ errcode: 40003 });
    expect(raw.stderr).toContain('openids are per appid');
  });

  it('on a website app\'s profile, says a website app has no followers and where its users\' profile is (en, zh --json)', async () => {
    const WEBSITE = { appid: 'wx5e1ec0de00000003', secret: '5e1ec0de5e1ec0de5e1ec0de00000003', type: 'website' };
    const web = (args: string[]) => runCli(args, { env: emulatorEnv(emu, WEBSITE, { WXAUTH_CONFIG_DIR: dir }) });
    const r = await web(['user', openid('u1', WEBSITE.appid)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${WEBSITE.appid} is a website app (网站应用, Open Platform)`);
    expect(r.stderr).toContain('wxauth userinfo after wxauth login');
    // Not the follower advice: "never followed, or unfollowed" cannot be for a website app.
    expect(r.stderr).not.toContain('never followed');
    const zh = await web(['--lang', 'zh', 'user', openid('u1', WEBSITE.appid), '--json']);
    expect(zh.code).toBe(0);
    expect(parseJson(zh.stdout)).toMatchObject({ ok: true, warnings: [{ id: 'basic.user.websiteApp', message: expect.stringContaining('是网站应用（开放平台）') }] });
    // A service account's non-follower still gets the follower advice.
    expect((await cli(['user', openid('u3')])).stderr).toContain('never followed');
  });

  it('--help says what its --lang is: WeChat\'s answer, not the interface (en, zh)', async () => {
    // The global --lang (zh|en) has the same name: `user X --lang zh` is refused, and the help said only "zh_CN|zh_TW|en".
    const en = await cli(['user', '--help']);
    expect(en.stdout).toMatch(/--lang <zh_CN\|zh_TW\|en>\s+language WeChat answers in/);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('the interface language goes before the command: wxauth --lang zh user …');
    const zh = await cli(['--lang', 'zh', 'user', '--help']);
    expect(zh.stdout).toMatch(/--lang <zh_CN\|zh_TW\|en>\s+微信返回的语言/);
    expect(zh.stdout.replace(/\s+/g, '')).toContain('界面语言写在命令前：wxauth--langzhuser…');
  });

  it('an access_token given as the openid is named as such, masked (exit 2, en, zh --json)', async () => {
    const token = (await cli(['token'])).stdout.trim();
    expect(token.length).toBeGreaterThan(64);
    const r = await cli(['user', token]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${token.slice(0, 4)}***" looks like an access_token, not an openid.`);
    expect(r.stderr).toContain('wxauth user takes the openid only');
    expect(r.stderr).not.toContain(token);
    const zh = await cli(['--lang', 'zh', 'user', token, '--json']);
    expect(zh.code).toBe(2);
    expect(zh.stdout).not.toContain(token);
    expect(parseJson(zh.stdout)).toMatchObject({ ok: false, error: { code: 'usage', message: `"${token.slice(0, 4)}***" 像是 access_token，不是 openid。` } });
  });

  it('an appsecret (32 hex digits) given as the openid is named as such, masked, nothing sent (exit 2, en, zh --json)', async () => {
    const before = emu.requests().length;
    const r = await cli(['user', SECRET]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${SECRET.slice(0, 4)}***" looks like an appsecret (32 hex digits), not an openid.`);
    expect(r.stderr).toContain('The appsecret goes in the profile');
    expect(r.stderr).not.toContain(SECRET);
    const zh = await cli(['--lang', 'zh', 'user', SECRET.toUpperCase(), '--json']);
    expect(zh.code).toBe(2);
    expect(zh.stdout + zh.stderr).not.toContain(SECRET.toUpperCase());
    expect(parseJson(zh.stdout)).toMatchObject({ ok: false, error: { code: 'usage', message: `"${SECRET.toUpperCase().slice(0, 4)}***" 像是 appsecret（32 位十六进制），不是 openid。` } });
    expect(emu.requests().length).toBe(before);
  });

  it('rejects something that is not an openid before calling WeChat (exit 2)', async () => {
    const r = await cli(['user', 'not an openid']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not an openid');
  });
});

describe('wxauth quota', () => {
  it('daily_limit, used and remain of a /cgi-bin path; a pasted URL is cut to its path', async () => {
    const r = await cli(['quota', '/cgi-bin/stable_token']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^daily_limit\s+500000$/m);
    expect(r.stdout).toMatch(/^used\s+\d+$/m);
    expect(r.stdout).toMatch(/^rate_limit\s+10000 calls per 60 s$/m);
    const url = await cli(['quota', 'https://api.weixin.qq.com/cgi-bin/stable_token?x=1', '--json']);
    expect(url.code).toBe(0);
    expect(parseJson(url.stdout).cgi_path).toBe('/cgi-bin/stable_token');
    expect(url.stderr).toContain('without host and query');
  });

  it('a path with // (at the start, where WeChat takes it for a host, or inside) is refused with the single-slashed path, nothing sent (exit 2, en, zh)', async () => {
    const before = emu.requests().length;
    const r = await cli(['quota', '//cgi-bin/token']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"//cgi-bin/token" has a //: WeChat’s API paths start with a single /');
    expect(r.stderr).toContain('Write it as wxauth quota /cgi-bin/token.');
    expect(r.stderr).not.toContain('76003:');
    const host = await cli(['quota', '//api.weixin.qq.com/cgi-bin/token']);
    expect(host.code).toBe(2);
    expect(host.stderr).toContain('Write it as wxauth quota /cgi-bin/token.');
    const inside = await cli(['quota', '/cgi-bin//stable_token', '--lang', 'zh']);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('"/cgi-bin//stable_token" 里有 //：微信的接口路径只以一个 / 开头');
    expect(inside.stderr).toContain('写成 wxauth quota /cgi-bin/stable_token。');
    // With --clear the command offered keeps it (and --yes): pasted without, it would reset nothing.
    const clear = await cli(['quota', '//cgi-bin/token', '--clear', '--yes']);
    expect(clear.code).toBe(2);
    expect(clear.stderr).toContain('Write it as wxauth quota /cgi-bin/token --clear --yes.');
    const clearZh = await cli(['--lang', 'zh', 'quota', '/cgi-bin//token', '--clear']);
    expect(clearZh.code).toBe(2);
    expect(clearZh.stderr).toContain('写成 wxauth quota /cgi-bin/token --clear。');
    expect(emu.requests().length).toBe(before);
  });

  it('a path that is not one, refused together with --clear, offers an example that keeps --clear (and --yes), nothing sent (exit 2, en, zh)', async () => {
    const before = emu.requests().length;
    const r = await cli(['quota', 'cgi-bin/token', '--clear', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"cgi-bin/token" is not an API path.');
    expect(r.stderr).toContain('Did you mean wxauth quota /cgi-bin/token --clear --yes? An API path starts with /.');
    const zh = await cli(['--lang', 'zh', 'quota', '/cgi-bin/to ken', '--clear']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('例如 wxauth quota /cgi-bin/token --clear 或 /cgi-bin/message/custom/send。');
    // Without --clear the example stays a lookup.
    const plain = await cli(['quota', 'cgi-bin/to ken']);
    expect(plain.stderr).toContain('e.g. wxauth quota /cgi-bin/token or /cgi-bin/message/custom/send.');
    expect(emu.requests().length).toBe(before);
  });

  it('a path given without its leading / names the known API meant, keeping --clear and --profile; nothing sent (exit 2, en, zh)', async () => {
    const before = emu.requests().length;
    const r = await cli(['quota', 'token']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✖ "token" is not an API path.\n→ Did you mean wxauth quota /cgi-bin/token? An API path starts with /.');
    expect((await cli(['quota', 'stable_tokn', '--profile', 'work'])).stderr).toContain('Did you mean wxauth --profile work quota /cgi-bin/stable_token?');
    expect((await cli(['quota', 'cgi-bin/user/info', '--clear'])).stderr).toContain('Did you mean wxauth quota /cgi-bin/user/info --clear?');
    const zh = await cli(['--lang', 'zh', 'quota', 'token']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('→ 是不是想查 wxauth quota /cgi-bin/token？接口路径以 / 开头。');
    // Nothing close to a known API: the general example.
    expect((await cli(['quota', 'foo'])).stderr).toContain('e.g. wxauth quota /cgi-bin/token or /cgi-bin/message/custom/send.');
    expect(emu.requests().length).toBe(before);
  });

  it('a refusal made while reading the flags names its follow-up command with the --profile given (en, zh)', async () => {
    const quota = await cli(['quota', '//cgi-bin/token', '--profile', 'work']);
    expect(quota.code).toBe(2);
    expect(quota.stderr).toContain('Write it as wxauth --profile work quota /cgi-bin/token.');
    const zh = await cli(['--profile', 'work', '--lang', 'zh', 'quota', '/cgi-bin//stable_token']);
    expect(zh.stderr).toContain('写成 wxauth --profile work quota /cgi-bin/stable_token。');
    const token = await cli(['token', '--legacy', '--force-refresh', '--profile', 'work']);
    expect(token.code).toBe(2);
    expect(token.stderr).toContain('Pick one: wxauth --profile work token --force-refresh (stable) or wxauth --profile work token --legacy.');
    const tokens = await cli(['tokens', 'lst', '--profile', 'work']);
    expect(tokens.code).toBe(2);
    expect(tokens.stderr).toContain('Did you mean wxauth --profile work tokens list?');
    // Without --profile, no flag is added.
    expect((await cli(['tokens', 'lst'])).stderr).toContain('Did you mean wxauth tokens list?');
  });

  it('an openid where the tokens action goes names tokens show <openid> (exit 2, en, zh)', async () => {
    const id = 'o8LwORtmsiKdbaTpbgZY93ddxjMk';
    const en = await cli(['tokens', id, '--profile', 'work']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`✖ Unknown tokens action "${id}".\n→ Did you mean wxauth --profile work tokens show ${id}?`);
    const zh = await cli(['--lang', 'zh', 'tokens', id]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`→ 是不是想用 wxauth tokens show ${id}？`);
  });

  it('76021 for a path with a trailing / says to remove it, not to check the spelling (en and zh)', async () => {
    const r = await cli(['quota', '/cgi-bin/token/']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('WeChat does not know /cgi-bin/token/: remove the trailing /, i.e. /cgi-bin/token');
    expect(r.stderr).not.toContain('check the spelling');
    const zh = await cli(['quota', '/cgi-bin/token/', '--lang', 'zh']);
    expect(zh.stderr).toContain('微信不认识 /cgi-bin/token/：去掉末尾的 /，写成 /cgi-bin/token');
  });

  it('76022 for /sns/ paths, explained', async () => {
    const r = await cli(['quota', '/sns/oauth2/access_token']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('76022');
    expect(r.stderr).toContain('Web-authorization APIs (/sns/…) have no quota');
  });
});

describe('wxauth rid', () => {
  it('looks up a rid the emulator issued: time, cost, URL, bodies and client IP', async () => {
    const failed = await cli(['quota', '/cgi-bin/no/such/api', '--json']);
    expect(failed.code).toBe(3);
    const rid = (parseJson(failed.stdout) as { error: { rid: string } }).error.rid;
    expect(rid).toMatch(RID);

    const r = await cli(['rid', rid]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^rid\\s+${rid}$`, 'm'));
    expect(r.stdout).toMatch(/^invoke_time\s+\d{4}-/m);
    expect(r.stdout).toMatch(/^cost_in_ms\s+\d+ ms$/m);
    expect(r.stdout).toMatch(/^client_ip\s+127\.0\.0\.1$/m);
    expect(r.stdout).toContain('{"cgi_path":"/cgi-bin/no/such/api"}');
    expect(r.stdout).toContain('"errcode":76021');
    expect(r.stderr).toContain('answered with errcode 76021');

    // The whole errmsg can be pasted.
    const pasted = await cli(['rid', `cgi_path not found, please check rid: ${rid}`, '--json']);
    expect(pasted.code).toBe(0);
    expect(parseJson(pasted.stdout)).toMatchObject({ rid, request: { client_ip: '127.0.0.1' } });
  });

  it('hides the appsecret of a looked-up stable_token request unless --show-secrets', async () => {
    const wrong = 'ffffffffffffffffffffffffffffffff';
    const res = await fetch(`${emu.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: wrong, force_refresh: false }),
    });
    const body = (await res.json()) as { errcode: number; errmsg: string };
    expect(body.errcode).toBe(40125);
    const rid = RID.exec(body.errmsg)?.[0] as string;

    const hidden = await cli(['rid', rid]);
    expect(hidden.code, hidden.stderr).toBe(0);
    expect(hidden.stdout).not.toContain(wrong);
    expect(hidden.stdout).toContain('"secret":"ffff***"');
    expect(hidden.stderr).toContain('--show-secrets');
    const raw = await cli(['rid', rid, '--raw']);
    expect(raw.stdout).not.toContain(wrong);

    const shown = await cli(['rid', rid, '--show-secrets']);
    expect(shown.stdout).toContain(wrong);
  });

  it('76001 for an unknown rid, and for rids of /sns/ answers, with both reasons explained', async () => {
    const sns = await (await fetch(`${emu.url}/sns/auth?access_token=nope&openid=${openid('u1')}`)).text();
    const snsRid = RID.exec(sns)?.[0] as string;
    expect(snsRid).toBeDefined();
    const r = await cli(['rid', snsRid]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('76001');
    expect(r.stderr).toContain('rids of web-authorization (/sns/…) requests never');

    const unknown = `${Math.floor(Date.now() / 1000).toString(16)}-00000000-00000000`;
    const u = await cli(['rid', unknown]);
    expect(u.code).toBe(3);
    expect(u.stderr).toContain(`WeChat has no record of ${unknown}`);

    // zh leads with the table's meaning: "rid not found, please check" is only its English with a closing phrase.
    const zh = await cli(['rid', unknown, '--lang', 'zh']);
    expect(zh.stderr.split('\n')[0]).toMatch(/返回错误 76001：rid不存在（rid not found, please check，\/cgi-bin\/openapi\/rid\/get）$/);
  });

  it('an errcode where the rid goes points to wxauth errcode, nothing sent (exit 2, en, zh)', async () => {
    const before = emu.requests().length;
    const en = await cli(['rid', '40029']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('✖ "40029" is not a rid.\n→ That is an errcode, not a rid: wxauth errcode 40029 explains it.');
    const zh = await cli(['rid', '-1', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('→ 这是错误码，不是 rid：wxauth errcode -1 解释它。');
    expect(emu.requests().length).toBe(before);
  });

  it('rejects text without a rid (exit 2), and warns about rids older than 7 days', async () => {
    const bad = await cli(['rid', 'hint: [KJZfAa0644e575]']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Pre-2021');
    // A rid with its last digit lost when copying: said as cut short, inside a pasted errmsg too.
    const cut = await cli(['rid', 'invalid code, rid: 6b144d59-ec748cfb-9e80caf']);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('"6b144d59-ec748cfb-9e80caf" looks like a rid cut short: a rid is three groups of 8 hex digits, and this has 23.');
    const cutZh = await cli(['rid', '6b144d59-ec748cfb', '--lang', 'zh']);
    expect(cutZh.stderr).toContain('像是没复制完整的 rid');
    // A time still to come (ffffffff- is 2106): no request made it, so WeChat is not asked (exit 2).
    const before = emu.requests().length;
    const future = await cli(['rid', 'ffffffff-00000000-00000000']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('ffffffff-00000000-00000000 cannot be a real rid');
    expect(future.stderr).toContain('copy the rid again from the errmsg');
    expect(future.stderr).not.toContain('this one is from');
    const futureZh = await cli(['rid', 'ffffffff-00000000-00000000', '--lang', 'zh']);
    expect(futureZh.code).toBe(2);
    expect(futureZh.stderr).toContain('ffffffff-00000000-00000000 不可能是真实的 rid');
    expect(emu.requests().length).toBe(before);
    // Half an hour ahead is within the clock slack: asked, and WeChat's 76001 comes back.
    const soon = (Math.floor(Date.now() / 1000) + 1800).toString(16);
    const ahead = await cli(['rid', `${soon}-00000000-00000000`]);
    expect(ahead.code).toBe(3);
    expect(ahead.stderr).toContain('76001');
    const old = await cli(['rid', '617682e0-09059ac5-34a8e2ea']);
    expect(old.code).toBe(3);
    expect(old.stderr).toContain('WeChat keeps rids for 7 days');
    expect(old.stderr).toContain('older than the 7 days');
  });
});

describe('a pasted text quoted back in a usage error', () => {
  // README: "you can paste the whole errmsg". What people paste is a log line or a curl command with
  // the appsecret, a token or a code in it; the refusal quotes it back, into a terminal or a CI log.
  const token = '86_Kxw0Tu5mQp3VbX8YcL2nR7sD4fG9hJ1kZ6aW0eE3';
  const code = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
  it.each([
    ['rid', `GET https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET} -> invalid appsecret hints: [abc]`, SECRET],
    ['quota', `api.weixin.qq.com/cgi-bin/user/info?access_token=${token}&openid=x`, token],
    ['user', `http://localhost/callback?code=${code}&state=abc`, code],
  ])('%s masks the secret in what it quotes (exit 2, --json too)', async (command, pasted, secret) => {
    for (const json of [[], ['--json']]) {
      const r = await cli([command, pasted, ...json]);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toContain(secret);
      expect(r.stdout + r.stderr).toContain(`${secret.slice(0, 4)}***`);
    }
  });

  // An access_token or the appsecret given alone (pasted into the wrong command): no name says it is
  // a secret, its shape does. Quoted in full, it went into the terminal and the CI log.
  const longToken = `86_${'Kxw0Tu5mQp3VbX8YcL2nR7sD4fG9hJ1kZ6aW0eE3'.repeat(3)}`;
  it.each([
    ['rid', longToken],
    ['rid', SECRET],
    ['quota', longToken],
    ['quota', SECRET],
  ])('%s masks a bare token or appsecret it refuses (en, zh, --json)', async (command, secret) => {
    for (const extra of [[], ['--lang', 'zh'], ['--json']]) {
      const r = await cli([command, secret, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toContain(secret);
      expect(r.stdout + r.stderr).toContain(`${secret.slice(0, 4)}***`);
    }
  });
});

describe('wxauth domains', () => {
  it('prints the IPs behind api.weixin.qq.com one per line', async () => {
    const r = await cli(['domains']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
    expect(r.stderr).toContain('getcallbackip');
    const json = parseJson((await cli(['domains', '--json'])).stdout);
    expect(json.ip_list).toEqual(lines);
  });
});

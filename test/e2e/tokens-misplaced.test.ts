// A token or an openid pasted into the other's place, as happens when copying from exchange's output:
// each is said as the usage mistake it is (exit 2), before anything is sent, naming the user the token
// belongs to, and never quoting a token whole. The CLI runs in-process against the emulator over real HTTP.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle, type PublicApp } from '../../src/emulator/index.js';
import { emulatorEnv, runCli, tempConfigDir } from './helpers.js';
import { seedUserToken } from './seed-tokens.js';
import { TokenStore } from '../../src/store/token-cache.js';

let emu: EmulatorHandle;
let svc: PublicApp;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator();
  svc = emu.apps.find((a) => a.type === 'service')!;
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  dir = tempConfigDir();
  emu.reset();
});

const wx = (args: string[], extra: Record<string, string> = {}) => runCli(args, { env: emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir, ...extra }) });
const calls = (p: string) => emu.requests().filter((r) => r.path === p).length;
const tokensFile = () => fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8');

async function seeded() {
  const { token } = await seedUserToken(emu, dir, svc, 'u1');
  return { openid: token.openid, accessToken: token.accessToken, refreshToken: token.refreshToken! };
}

describe('a token where an openid goes', () => {
  it('tokens show / clear and --openid: exit 2, the owner named, the token never printed, nothing removed', async () => {
    const { openid, accessToken, refreshToken } = await seeded();
    const before = tokensFile();

    const show = await wx(['tokens', 'show', accessToken]);
    expect(show.code).toBe(2);
    expect(show.stderr).toContain(`That is not an openid: ${accessToken.slice(0, 4)}…${accessToken.slice(-4)} is the cached access_token of ${openid}.`);
    expect(show.stderr).toContain(`Name the user by its openid: ${openid}.`);
    expect(show.stderr).not.toContain('Get a token first');

    const clear = await wx(['tokens', 'clear', refreshToken, '--yes', '--lang', 'zh']);
    expect(clear.code).toBe(2);
    expect(clear.stderr).toContain(`是缓存里 ${openid} 的 refresh_token。`);
    expect(clear.stderr).toContain('什么也没有删除。');
    expect(tokensFile()).toBe(before);

    const sent = calls('/sns/auth');
    const check = await wx(['check', '--openid', accessToken, '--json']);
    expect(check.code).toBe(2);
    expect(JSON.parse(check.stdout).error.message).toContain(`is the cached access_token of ${openid}`);
    expect(calls('/sns/auth')).toBe(sent);

    // A token wxauth does not hold: said by its shape, still masked.
    const stranger = 'ab_' + accessToken.slice(3);
    const unknown = await wx(['userinfo', '--openid', stranger]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('has the shape of an access_token or refresh_token; an openid is 28 characters');

    for (const r of [show, clear, check, unknown]) {
      for (const secret of [accessToken, refreshToken, stranger]) expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });
});

describe('check / userinfo given the refresh_token for the access_token', () => {
  it('says which one it is and the command that works, before anything is sent (exit 2)', async () => {
    const { openid, refreshToken } = await seeded();
    const auth = calls('/sns/auth');
    const check = await wx(['check', refreshToken, openid]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`That is the cached refresh_token of ${openid}, not its access_token`);
    expect(check.stderr).toContain(`wxauth check --openid ${openid}`);
    expect(calls('/sns/auth')).toBe(auth);

    const info = calls('/sns/userinfo');
    const userinfo = await wx(['userinfo', refreshToken, '--lang', 'zh_CN'], { LANG: 'zh_CN.UTF-8' });
    expect(userinfo.code).toBe(2);
    expect(userinfo.stderr).toContain(`这是缓存里 ${openid} 的 refresh_token，不是 access_token`);
    expect(userinfo.stderr).toContain(`wxauth userinfo --openid ${openid}`);
    expect(calls('/sns/userinfo')).toBe(info);
    for (const r of [check, userinfo]) expect(r.stdout + r.stderr).not.toContain(refreshToken);
  });
});

describe('refresh given an openid for the refresh_token', () => {
  it('is a usage error pointing at --openid, and nothing is sent (not 40030 "authorise again")', async () => {
    const { openid } = await seeded();
    const sent = calls('/sns/oauth2/refresh_token');
    const r = await wx(['refresh', openid]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${openid} looks like an openid, not a refresh_token.`);
    expect(r.stderr).toContain(`wxauth refresh --openid ${openid}`);
    expect(r.stderr).not.toContain('40030');
    expect(calls('/sns/oauth2/refresh_token')).toBe(sent);
    const zh = await wx(['--lang', 'zh', 'refresh', openid]);
    expect(zh.stderr).toContain(`${openid} 像 openid，不是 refresh_token。`);
  });
});

describe('a code or a callback URL where a token goes (check, userinfo, refresh)', () => {
  it('is refused before anything is sent (not 40014 / 40001 / 40030), the code masked, with exchange to run, in en and zh; the code still works', async () => {
    const { openid } = await seeded();
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_userinfo' });
    const callback = `http://localhost/callback?code=${code}&state=abc`;
    const sent = () => calls('/sns/auth') + calls('/sns/userinfo') + calls('/sns/oauth2/refresh_token') + calls('/sns/oauth2/access_token');
    const before = sent();

    const check = await wx(['check', code]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`${code.slice(0, 4)}*** has the shape of a code (32 letters and digits), given as the access_token;`);
    expect(check.stderr).toContain('Nothing was sent.');
    expect(check.stderr).toContain('wxauth exchange CODE');
    expect(check.stderr).not.toContain('openid');

    const checkUrl = await wx(['check', callback, openid]);
    expect(checkUrl.code).toBe(2);
    expect(checkUrl.stderr).toContain(`This is a callback URL, given as the access_token: http://localhost/callback?code=${code.slice(0, 4)}***&state=abc.`);
    expect(checkUrl.stderr).toContain("wxauth exchange '<callback-url>'");

    const userinfo = await wx(['--lang', 'zh', 'userinfo', code, openid], { WXAUTH_PROFILE: 'svc' });
    expect(userinfo.code).toBe(2);
    expect(userinfo.stderr).toContain(`${code.slice(0, 4)}*** 是 code 的样子（32 位字母和数字），却作为 access_token 传入`);
    expect(userinfo.stderr).toContain('wxauth exchange --profile svc CODE');

    const refresh = await wx(['refresh', callback]);
    expect(refresh.code).toBe(2);
    expect(refresh.stderr).toContain('This is a callback URL, given as the refresh_token:');
    expect(refresh.stderr).not.toContain('40030');
    const refreshZh = await wx(['--lang', 'zh', '--json', 'refresh', code]);
    expect(refreshZh.code).toBe(2);
    expect(JSON.parse(refreshZh.stdout).error.message).toContain('却作为 refresh_token 传入');
    const url = await wx(['refresh', 'https://www.example.com/me']);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('This is a URL, given as the refresh_token: https://www.example.com/me. Nothing was sent.');

    expect(sent()).toBe(before);
    for (const r of [check, checkUrl, userinfo, refresh, refreshZh, url]) expect(r.stdout + r.stderr).not.toContain(code);
    // Unspent: exchange still takes it.
    expect((await wx(['exchange', callback])).code).toBe(0);
  });

  it('a token of a shape WeChat never issues is still sent (a mock may issue any): only the shapes that differ are refused', async () => {
    const { openid } = await seeded();
    const before = calls('/sns/auth');
    // 32 hex digits (the AppSecret's shape, not told apart from a code) and a 40-character word: sent, answered.
    for (const token of ['0123456789abcdef0123456789abcdef', 'A'.repeat(40)]) {
      const r = await wx(['check', token, openid]);
      expect(r.code).toBe(3);
    }
    expect(calls('/sns/auth')).toBe(before + 2);
  });
});

describe('a code or a callback URL where a token goes, with no profile configured', () => {
  it('refresh, check and userinfo say the argument mistake (exit 2), not the missing appid (exit 4), in en and zh', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_userinfo' });
    const callback = `https://www.example.com/cb?code=${code}&state=abc`;
    // No appid anywhere: no profile, no WXAUTH_APPID.
    const bare = (args: string[], extra: Record<string, string> = {}) => runCli(args, { env: { WXAUTH_CONFIG_DIR: dir, ...extra } });
    const refresh = await bare(['refresh', callback]);
    expect(refresh.code, refresh.stderr).toBe(2);
    expect(refresh.stderr).toContain('This is a callback URL, given as the refresh_token:');
    expect(refresh.stderr).not.toContain('appid');
    const zh = await bare(['refresh', code], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain('却作为 refresh_token 传入');
    for (const command of ['check', 'userinfo']) {
      const r = await bare([command, callback]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('This is a callback URL, given as the access_token:');
    }
    for (const r of [refresh, zh]) expect(r.stdout + r.stderr).not.toContain(code);
  });

  it('a refresh_token the cache holds is sent whatever its shape (a mock may issue one shaped like a code)', async () => {
    const { openid } = await seeded();
    const store = TokenStore.open(dir);
    const entry = store.getUser('default', svc.appid, openid)!;
    const codeShaped = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';
    store.putUser('default', { ...entry, refreshToken: codeShaped });
    const before = calls('/sns/oauth2/refresh_token');
    const r = await wx(['refresh', codeShaped]);
    // Sent: the emulator never issued it, so WeChat's answer (40030), not wxauth's refusal.
    expect(r.stderr).not.toContain('shape of a code');
    expect(r.code, r.stderr).toBe(3);
    expect(calls('/sns/oauth2/refresh_token')).toBe(before + 1);
  });
});

describe('exchange given a token for the code', () => {
  it('is refused before the exchange is sent (not 40029 "authorise again"), the token masked, in en and zh', async () => {
    const { accessToken, refreshToken } = await seeded();
    const sent = calls('/sns/oauth2/access_token');
    const r = await wx(['exchange', accessToken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has the shape of an access_token or refresh_token, what an exchange gives, not what it takes.');
    expect(r.stderr).toContain('wxauth check, wxauth userinfo');
    expect(r.stderr).not.toContain('40029');
    const zh = await wx(['--lang', 'zh', '--json', 'exchange', refreshToken], { WXAUTH_PROFILE: 'svc' });
    expect(zh.code).toBe(2);
    const error = JSON.parse(zh.stdout).error;
    expect(error.message).toContain('看起来是 access_token 或 refresh_token');
    expect(error.hint).toContain('wxauth check --profile svc');
    expect(calls('/sns/oauth2/access_token')).toBe(sent);
    for (const out of [r, zh]) expect(out.stdout + out.stderr).not.toMatch(/86_[A-Za-z0-9_-]{8,}/);
  });
});

describe('an empty argument (a shell variable that is not set)', () => {
  it('tokens clear "" --yes removes nothing: an empty openid is not every user', async () => {
    await seeded();
    await seedUserToken(emu, dir, svc, 'u2');
    const before = tokensFile();
    const r = await wx(['tokens', 'clear', '', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The openid is empty (a shell variable that is not set?). Nothing was removed.');
    expect(tokensFile()).toBe(before);
    const zh = await wx(['--lang', 'zh', 'tokens', 'clear', '', '--yes']);
    expect(zh.stderr).toContain('空的 openid 不代表“所有用户”');
    expect(tokensFile()).toBe(before);
  });

  it('tokens show " " is the usage mistake an empty openid is (exit 2), not a user missing from the cache (exit 4)', async () => {
    await seeded();
    for (const args of [['tokens', 'show', ' '], ['tokens', 'list', ' ']]) {
      const r = await wx(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('The openid is empty (a shell variable that is not set?).');
      expect(r.stderr).not.toContain('has no openid');
    }
    const zh = await wx(['--lang', 'zh', 'tokens', 'show', ' ']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('openid 是空的');
  });

  it('check / userinfo / refresh with an empty value do not answer for the latest cached user', async () => {
    await seeded();
    const sent = () => calls('/sns/auth') + calls('/sns/userinfo') + calls('/sns/oauth2/refresh_token');
    const before = sent();
    const check = await wx(['check', '--openid', '']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('--openid is empty');
    expect(check.stdout).toBe('');
    const userinfo = await wx(['--json', 'userinfo', '', '']);
    expect(userinfo.code).toBe(2);
    expect(JSON.parse(userinfo.stdout).error.message).toContain('access_token is empty');
    const refresh = await wx(['--lang', 'zh', 'refresh', '']);
    expect(refresh.code).toBe(2);
    expect(refresh.stderr).toContain('refresh_token 是空的');
    expect(sent()).toBe(before);
  });
});

describe('a token wxauth does not hold, without its openid', () => {
  it('the hint names the command that was run (userinfo, not check)', async () => {
    const token = '86_' + 'x'.repeat(100);
    const r = await wx(['userinfo', token]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wxauth userinfo ACCESS_TOKEN OPENID');
    const zh = await wx(['--lang', 'zh', 'check', token]);
    expect(zh.stderr).toContain('wxauth check ACCESS_TOKEN OPENID');
  });
});

describe('exchange given a placeholder copied from a usage line', () => {
  it('CODE, <code> and ${code} are refused before anything is sent, not answered with 40029', async () => {
    const sent = calls('/sns/oauth2/access_token');
    for (const text of ['CODE', '<code>', '${code}']) {
      const r = await wx(['exchange', text]);
      expect(r.code, text).toBe(2);
      expect(r.stderr).toContain('A code is one word of letters and digits');
      expect(r.stderr).not.toContain('40029');
    }
    expect(calls('/sns/oauth2/access_token')).toBe(sent);
  });
  it('a docs example pasted literally (CODE&state=STATE) is that placeholder refused, not "the user refused" (exit 6)', async () => {
    const sent = calls('/sns/oauth2/access_token');
    for (const text of ['CODE&state=STATE', 'code=CODE&state=STATE']) {
      const r = await wx(['exchange', text]);
      expect(r.code, text).toBe(2);
      expect(r.stderr, text).toContain('A code is one word of letters and digits');
      expect(r.stderr, text).not.toContain('refused');
      const zh = await wx(['--lang', 'zh', 'exchange', text]);
      expect(zh.code, text).toBe(2);
      expect(zh.stderr, text).toContain('这不是 code');
    }
    expect(calls('/sns/oauth2/access_token')).toBe(sent);
  });
});

describe('an openid typed in the wrong case', () => {
  it('an openid in the wrong case is said to be case-sensitive, naming the cached one, not "a character lost or added"', async () => {
    const { openid } = await seeded();
    for (const typed of [openid.toUpperCase(), openid.toLowerCase()]) {
      const r = await wx(['tokens', 'show', typed]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`openids are case-sensitive: the cache has ${openid}, which differs only in upper and lower case`);
      expect(r.stderr).not.toContain('a character lost or added');
    }
    const zh = await wx(['--lang', 'zh', 'userinfo', '--openid', openid.toUpperCase()]);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`openid 区分大小写：缓存里有 ${openid}`);
  });
});

// Next steps that must fit what happened (zh trial, issue "diagnoses" item 5): each case runs the CLI
// in-process against the emulator over real HTTP and reads what the user sees.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { emulatorEnv, runCli, tempConfigDir } from './helpers.js';

const RID = /[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}/;

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.close();
});

const service = () => emu.apps.find((a) => a.type === 'service')!;
function zh(args: string[], extra: Record<string, string> = {}) {
  return runCli(['--lang', 'zh', ...args], { env: emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: tempConfigDir(), ...extra }) });
}

describe('next steps that fit', () => {
  it('check with a token wxauth never saw (40014): not "expired, refresh it", but incomplete or not a web-authorization token', async () => {
    const openid = emu.users[0]!.openids[service().appid]!;
    const r = await zh(['check', 'badtoken', openid]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('40014');
    expect(r.stderr).not.toContain('已过期或已被替换');
    expect(r.stderr).not.toContain('wxauth refresh REFRESH_TOKEN');
    expect(r.stderr).toContain('它可能不完整');
    expect(r.stderr).toContain('误贴了基础 access_token');
    expect(r.stderr).toContain('wxauth exchange CODE');
  });

  it('rid answering 76001 never suggests looking up the failed lookup’s own rid', async () => {
    const unknown = `${Math.floor(Date.now() / 1000).toString(16)}-00000000-00000000`;
    const r = await zh(['rid', unknown]);
    expect(r.code).toBe(3);
    const own = /^rid\s+([0-9a-f-]+)$/m.exec(r.stderr)?.[1];
    expect(own).toMatch(RID);
    expect(own).not.toBe(unknown);
    expect(r.stderr).not.toContain(`wxauth rid ${own}`);
    expect(r.stderr).toContain('这是这次 rid 查询自己的 rid');
  });

  it('tokens show of an unknown openid does not offer passing a token to tokens show', async () => {
    const r = await zh(['tokens', 'show', 'oXXX']);
    expect(r.code).toBe(4);
    expect(r.stderr).not.toContain('也可以直接把 token 作为参数传入');
    expect(r.stderr).toContain('check 和 userinfo 可以直接带上它（wxauth check ACCESS_TOKEN OPENID）');
  });

  it('40125 with the secret from WXAUTH_SECRET names that variable, not config set secret', async () => {
    const r = await zh(['exchange', '0bad'], { WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de0000000f' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('40125');
    expect(r.stderr).toContain('这个 secret 来自环境变量 WXAUTH_SECRET');
    expect(r.stderr).not.toContain('WXAUTH_*');
    expect(r.stderr).not.toContain('然后 wxauth config set secret');
    expect(r.stderr).toContain('所以要改的是 WXAUTH_SECRET');
  });

  // 40001 on the code exchange printed its explanation (about truncated tokens and stable_token) and no
  // next step: the exchange is sent no token, so the credential refused is the appid + secret pair.
  it('exchange answered 40001: a next step about the appid and AppSecret pair, not a truncated token (en, zh, secret from env)', async () => {
    emu.addFault({ kind: 'errcode', errcode: 40001, path: '/sns/oauth2/access_token', count: 3 });
    const r = await zh(['exchange', '0CODE40001']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`→ 换 code 不带任何 token，这里的 40001 多半说的是 appid（${service().appid}）和 AppSecret 对不上`);
    expect(r.stderr).toContain('所以要改的是 WXAUTH_SECRET');
    expect(r.stderr).toContain('这个 secret 来自环境变量 WXAUTH_SECRET');
    expect(r.stderr).not.toContain('token 被截断了');
    const en = await runCli(['exchange', '0CODE40001'], { env: emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: tempConfigDir() }) });
    expect(en.code).toBe(3);
    expect(en.stderr).toContain(`→ A code exchange is sent no token: 40001 here most likely means the appid (${service().appid}) and the AppSecret do not go together`);
    expect(en.stderr).toContain('The appid and AppSecret of the code exchange do not go together');
    // The secret saved in the profile: the step names config set secret.
    const dir = tempConfigDir();
    const env = { WXAUTH_API_BASE: emu.url, WXAUTH_OPEN_BASE: emu.url, WXAUTH_BACKUP_API_BASE: emu.url, WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['config', 'set', 'appid', service().appid], { env })).code).toBe(0);
    expect((await runCli(['config', 'set', 'secret', '-'], { env, input: service().secret })).code).toBe(0);
    const saved = await runCli(['exchange', '0CODE40001'], { env });
    expect(saved.code).toBe(3);
    expect(saved.stderr).toContain('then run printf %s "$WX_SECRET" | wxauth config set secret - (with the right AppSecret in WX_SECRET)');
    expect(saved.stderr).not.toContain(service().secret);
  });

  it('40013 with the appid from WXAUTH_APPID names WXAUTH_APPID, not WXAUTH_*', async () => {
    const r = await zh(['token'], { WXAUTH_APPID: 'wx5e1ec0de0000000f' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('40013');
    expect(r.stderr).toContain('这个 appid 来自环境变量 WXAUTH_APPID');
    expect(r.stderr).not.toContain('WXAUTH_*');
  });
});

describe('the headline of a WeChat error in Chinese', () => {
  it('leads with the code’s meaning and keeps WeChat’s own errmsg beside it (en unchanged); an emulator is named as not WeChat', async () => {
    const r = await zh(['exchange', '0bogus']);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe(`✖ ${emu.url} （不是微信自己的接口域名）返回错误 40029：不合法的 oauth_code（invalid code，/sns/oauth2/access_token）`);
    const json = await zh(['--json', 'exchange', '0bogus']);
    const error = JSON.parse(json.stdout).error;
    expect(error.message).toBe(`${emu.url} （不是微信自己的接口域名）返回错误 40029：不合法的 oauth_code（invalid code，/sns/oauth2/access_token）`);
    expect(error.origin).toBe(emu.url);
    const en = await runCli(['--lang', 'en', 'exchange', '0bogus'], { env: emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: tempConfigDir() }) });
    expect(en.stderr.split('\n')[0]).toBe(`✖ ${emu.url} (not WeChat’s own API host) answered errcode 40029: invalid code (/sns/oauth2/access_token)`);
  });

  it('leads with the statement of a meaning that goes on with advice (40125: 「无效的appsecret，请检查…」); the whole sentence is below', async () => {
    const r = await zh(['exchange', '0bad'], { WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de0000000f' });
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe(`✖ ${emu.url} （不是微信自己的接口域名）返回错误 40125：无效的appsecret（invalid appsecret，/sns/oauth2/access_token）`);
    expect(r.stderr).toContain('无效的appsecret，请检查appsecret的正确性');
  });

  it('cuts the advice where it starts a few characters before 请 (−1: 「系统繁忙，此时请开发者稍候再试」)', async () => {
    await emu.addFault({ kind: 'errcode', errcode: -1, path: '/sns/oauth2/access_token', count: 1 });
    const r = await zh(['exchange', '0busy']);
    expect(r.stderr.split('\n')[0]).toContain('返回错误 -1：系统繁忙（');
  });
});

describe('48001 on userinfo for a token granted snsapi_userinfo', () => {
  it('does not say the token came from snsapi_base: a snapshot user whose first exchange lacked the flag', async () => {
    emu.configure({ snapshotFlag: 'missing-first' });
    try {
      const dir = tempConfigDir();
      const code = emu.issueCode({ appid: service().appid, user: 'u3', scope: 'snsapi_userinfo', snapshot: true });
      const ex = await zh(['exchange', code], { WXAUTH_CONFIG_DIR: dir });
      expect(ex.code).toBe(0);
      expect(ex.stdout).not.toMatch(/^is_snapshotuser/m);
      const r = await zh(['userinfo'], { WXAUTH_CONFIG_DIR: dir });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('48001');
      expect(r.stderr).not.toContain('这个 token 来自 snsapi_base');
      expect(r.stderr).toContain('这个 token 是 snsapi_userinfo 授权得到的');
    } finally {
      emu.configure({ snapshotFlag: 'always' });
    }
  });
});

describe('a profile chosen by --profile is kept in every step of a hint', () => {
  it('48001 (a snsapi_base token): the exchange after the new authorisation carries --profile too', async () => {
    const dir = tempConfigDir();
    const env = { ...emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: dir }), WXAUTH_PROFILE: 'svc' };
    const code = emu.issueCode({ appid: service().appid, user: 'u1', scope: 'snsapi_base' });
    expect((await runCli(['exchange', code], { env })).code).toBe(0);
    const r = await runCli(['userinfo', '--no-refresh'], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('48001');
    expect(r.stderr).toContain('then wxauth exchange --profile svc CODE');
    expect(r.stderr).not.toMatch(/then wxauth exchange\.$/m);
  });
});

describe('refresh given the access_token instead of the refresh_token', () => {
  it('says which one it is and the command that works, before anything is sent (exit 2)', async () => {
    const dir = tempConfigDir();
    const env = emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: dir });
    const code = emu.issueCode({ appid: service().appid, user: 'u2', scope: 'snsapi_userinfo' });
    const ex = await runCli(['exchange', code, '--json', '--show-secrets'], { env });
    expect(ex.code, ex.stderr).toBe(0);
    const { access_token: accessToken, openid } = JSON.parse(ex.stdout) as { access_token: string; openid: string };
    const before = emu.requests().filter((q) => q.path === '/sns/oauth2/refresh_token').length;
    const r = await runCli(['refresh', accessToken], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`That is the cached access_token of ${openid}, not its refresh_token`);
    expect(r.stderr).toContain(`wxauth refresh --openid ${openid}`);
    expect(r.stderr).not.toContain(accessToken);
    expect(emu.requests().filter((q) => q.path === '/sns/oauth2/refresh_token').length).toBe(before);
    const zh = await runCli(['refresh', accessToken], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toContain(`这是缓存里 ${openid} 的 access_token，不是 refresh_token`);
  });
});

describe('a connection cut before the answer', () => {
  it('check (a read) is sent again once and succeeds, saying so; a code exchange is never sent twice', async () => {
    const dir = tempConfigDir();
    const env = emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: dir });
    const code = emu.issueCode({ appid: service().appid, user: 'u1', scope: 'snsapi_base' });
    expect((await runCli(['exchange', code], { env })).code).toBe(0);
    emu.addFault({ kind: 'reset', path: '/sns/auth', count: 1 });
    const r = await runCli(['check'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('The connection was cut before the answer; the request is safe to send again, retry 1:');
    emu.addFault({ kind: 'reset', path: '/sns/oauth2/access_token', count: 1 });
    const before = emu.requests().filter((q) => q.path === '/sns/oauth2/access_token').length;
    const ex = await runCli(['exchange', emu.issueCode({ appid: service().appid, user: 'u1', scope: 'snsapi_base' })], { env });
    expect(ex.code).toBe(5);
    expect(emu.requests().filter((q) => q.path === '/sns/oauth2/access_token').length).toBe(before + 1);
  });
});

describe('an errcode wxauth does not know', () => {
  it('gets a next step all the same: where to look it up (human and --json)', async () => {
    // A server answering an errcode newer than the tables (the emulator answers only codes it knows).
    const server = http.createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end('{"errcode":87654,"errmsg":"something new rid: 6b1383a5-36583f76-c28a8932"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const env = { ...emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: tempConfigDir() }), WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base };
      const r = await runCli(['--lang', 'en', 'exchange', '0whatever'], { env });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/→ wxauth’s tables do not have 87654: look it up in WeChat’s errcode list, https:\/\/\S+; search for the errmsg/);
      const json = await runCli(['--json', 'exchange', '0whatever'], { env });
      expect(JSON.parse(json.stdout).error.hint).toMatch(/errcode list, https:\/\//);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('"authorise again" names the command that works for the profile', () => {
  const en = (args: string[], extra: Record<string, string> = {}) =>
    runCli(['--lang', 'en', ...args], { env: emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: tempConfigDir(), ...extra }) });

  it('a public https redirect_uri (login would refuse it): url, then listen --paste; a local one: login', async () => {
    const PUBLIC = { WXAUTH_REDIRECT_URI: 'https://www.example.com/wechat/callback', WXAUTH_DOMAIN: 'www.example.com', WXAUTH_PROFILE: 'prod' };
    const paste = 'wxauth url --profile prod, authorise, then paste the callback address into wxauth listen --profile prod --paste --exchange (the callback goes to https://www.example.com/wechat/callback, which no listener on this machine can catch)';
    // No cached token (check), a stale code (exchange 40029), a spent one (40163).
    const check = await en(['check'], PUBLIC);
    expect(check.code).toBe(4);
    expect(check.stderr).toContain(`Get a token first: wxauth exchange --profile prod CODE, or ${paste}.`);
    const stale = await en(['exchange', '0bogus'], PUBLIC);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toContain(`(now ${service().appid}): ${paste}.`);
    expect(stale.stderr).not.toContain('wxauth login');
    const zh = await runCli(['--lang', 'zh', 'exchange', '0bogus'], { env: emulatorEnv(emu, service(), { WXAUTH_CONFIG_DIR: tempConfigDir(), ...PUBLIC }) });
    expect(zh.stderr).toContain('wxauth url --profile prod，授权后把回调地址粘贴给 wxauth listen --profile prod --paste --exchange 换取（回调发往 https://www.example.com/wechat/callback，本机上的监听接不到）');
    // The same profile with a callback on this machine: login catches it.
    const local = await en(['exchange', '0bogus'], { ...PUBLIC, WXAUTH_REDIRECT_URI: 'http://localhost:8080/callback', WXAUTH_DOMAIN: 'localhost' });
    expect(local.stderr).toContain(`(now ${service().appid}): wxauth login --profile prod.`);
  });
});

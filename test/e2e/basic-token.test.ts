// wxauth token against the emulator over real HTTP: the stable token by default, the legacy endpoint
// only when confirmed, the 5-minute overlap after a legacy fetch, 40164 / 45009 with their hints, and
// the backup host when the chosen one refuses connections.
import net from 'node:net';
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS, defaultSeed, startEmulator, type EmulatorHandle, type Seed } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';
import { issue } from '../flows/doctor/fixtures.js';

const SERVICE = 'wx5e1ec0de00000001';
const SERVICE_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
/** Extra apps: one behind an IP whitelist, one whose /cgi-bin/token quota is a single call a day. */
const WHITELISTED = { appid: 'wx5e1ec0de000000a1', secret: '5e1ec0de5e1ec0de5e1ec0de000000a1' };
const ONE_A_DAY = { appid: 'wx5e1ec0de000000a2', secret: '5e1ec0de5e1ec0de5e1ec0de000000a2' };
/** The caller IP the emulator pretends to see (the 2022 community sample's address). */
const CALLER_IP = '218.58.124.130';

function seed(): Seed {
  const s = defaultSeed();
  s.apps.push(
    { ...WHITELISTED, type: 'service', name: 'whitelisted', verified: true, domain: 'localhost', ipWhitelist: ['203.0.113.10'] },
    { ...ONE_A_DAY, type: 'service', name: 'one token a day', verified: true, domain: 'localhost', ipWhitelist: null, tokenDailyQuota: 1 },
  );
  return s;
}

let emu: EmulatorHandle;

beforeAll(async () => {
  emu = await startEmulator({ seed: seed(), switches: { callerIp: CALLER_IP } });
});
afterAll(async () => {
  await emu?.close();
});

/** A server of the appid: its own state dir, so its own token cache. */
function server(app: { appid: string; secret: string } = { appid: SERVICE, secret: SERVICE_SECRET }) {
  const dir = tempConfigDir();
  return (args: string[], extra: Record<string, string> = {}) =>
    runCli(args, {
      env: emulatorEnv(emu, app, { WXAUTH_CONFIG_DIR: dir, ...extra }),
    });
}

const calls = (path: string) => emu.requests().filter((r) => r.path === path).length;
const openid = (userId: string) => emu.users.find((u) => u.id === userId)?.openids[SERVICE] as string;

/** A port on which nothing listens: bind, note it, close. */
async function refusedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('wxauth token', () => {
  it('a 40001 from /cgi-bin/token itself (older servers\' wrong AppSecret) blames the secret, not a token war', async () => {
    const own = await startEmulator({ switches: { tokenBadSecretErrcode: 40001 } });
    try {
      const appid = DEFAULT_APPIDS.service;
      const dir = tempConfigDir();
      const r = await runCli(['token', '--legacy', '--yes'], { env: emulatorEnv(own, { appid, secret: '0'.repeat(32) }, { WXAUTH_CONFIG_DIR: dir }) });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/1\. A wrong AppSecret when fetching the token/);
      expect(r.stderr).not.toContain('another server, process or product called /cgi-bin/token again');
      expect(r.stderr).toContain('This secret came from the WXAUTH_SECRET environment variable');
      expect(r.stderr).not.toMatch(/within 7 days `wxauth rid/);
    } finally {
      await own.close();
    }
  });

  it('a wrong WXAUTH_SECRET (40125): unsetting it is offered only when the profile saves a secret of its own; a test account is told its sandbox page', async () => {
    const dir = tempConfigDir();
    const appid = DEFAULT_APPIDS.test;
    const env = emulatorEnv(emu, { appid, secret: '0'.repeat(32), type: 'test' }, { WXAUTH_CONFIG_DIR: dir });
    const only = await runCli(['token'], { env });
    expect(only.code).toBe(3);
    expect(only.stderr).toContain('This secret came from the WXAUTH_SECRET environment variable (profile default, appid wx5e1ec0de00000002), and the profile saves no secret: fix WXAUTH_SECRET');
    expect(only.stderr).not.toContain('to use the config file’s value');
    expect(only.stderr).toContain('mp.weixin.qq.com/debug/cgi-bin/sandbox → 测试号信息 → appsecret for a test account');
    const saved = await runCli(['config', 'set', 'appid', appid, 'secret', '5e1ec0de5e1ec0de5e1ec0de00000002', 'type', 'test', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(saved.code, saved.stderr).toBe(0);
    const over = await runCli(['token'], { env });
    expect(over.stderr).toContain('fix WXAUTH_SECRET, or unset WXAUTH_SECRET to use the config file’s value.');
  });

  it('a token cache that would refuse the token: exit 4 before anything is asked of WeChat (no token lost, nobody\'s invalidated)', async () => {
    const dir = tempConfigDir();
    fs.mkdirSync(dir, { recursive: true });
    // Read-only: readable (so the cache lookups pass), refused on save.
    fs.writeFileSync(path.join(dir, 'tokens.json'), '{}\n', { mode: 0o600 });
    fs.chmodSync(path.join(dir, 'tokens.json'), 0o400);
    const before = { legacy: calls('/cgi-bin/token'), stable: calls('/cgi-bin/stable_token') };
    for (const args of [['token', '--legacy', '--yes'], ['token', '--force-refresh', '--yes'], ['token'], ['user', openid('u1')]]) {
      const r = await runCli(args, { env: emulatorEnv(emu, { appid: SERVICE, secret: SERVICE_SECRET }, { WXAUTH_CONFIG_DIR: dir }) });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(4);
    }
    expect({ legacy: calls('/cgi-bin/token'), stable: calls('/cgi-bin/stable_token') }).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).toBe('{}\n');
  });

  it('a one-off --api-base run at a second emulator keeps its token apart: the profile\'s host still gets its own, unblamed', async () => {
    const other = await startEmulator();
    try {
      const run = server();
      const own = await run(['token']);
      expect(own.code).toBe(0);
      const elsewhere = await run(['token', '--api-base', other.url]);
      expect(elsewhere.code).toBe(0);
      expect(elsewhere.stdout.trim()).not.toBe(own.stdout.trim());
      // Back on the profile's host: the token it issued is still cached, used, and accepted.
      const before = calls('/cgi-bin/stable_token');
      const quota = await run(['quota', '/cgi-bin/user/info']);
      expect(quota.code).toBe(0);
      expect(quota.stderr).not.toContain('another server');
      expect(calls('/cgi-bin/stable_token')).toBe(before);
      expect((await run(['token', '--show'])).stdout.trim()).toBe(own.stdout.trim());
      expect((await run(['token', '--show', '--api-base', other.url])).stdout.trim()).toBe(elsewhere.stdout.trim());
    } finally {
      await other.close();
    }
  });

  it('--region beside --api-base (or WXAUTH_REGION beside WXAUTH_API_BASE) is said not to be used, en and zh, in --json\'s warnings too', async () => {
    const run = server();
    const flags = await run(['token', '--region', 'sh', '--api-base', emu.url]);
    expect(flags.code, flags.stderr).toBe(0);
    expect(flags.stderr).toContain('--region sh is not used: --api-base is given too');
    const env = await run(['token', '--lang', 'zh'], { WXAUTH_REGION: 'sh' });
    expect(env.code, env.stderr).toBe(0);
    expect(env.stderr).toContain('WXAUTH_REGION=sh 没有生效：同时给了 WXAUTH_API_BASE');
    const json = await run(['token', '--json'], { WXAUTH_REGION: 'hk' });
    expect(json.code).toBe(0);
    expect(parseJson(json.stdout).warnings).toEqual([expect.objectContaining({ id: 'config.region.ignored', message: expect.stringContaining('WXAUTH_REGION=hk is not used') })]);
    // A region named closer than the base wins, as documented: nothing to say.
    const closer = await run(['token', '--api-base', emu.url], { WXAUTH_REGION: 'sh' });
    expect(closer.stderr).not.toContain('not used');
  });

  it('--region over a saved apiBase (or WXAUTH_API_BASE) says once that the base is not used this run, en and zh; nothing when they agree', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const init = await runCli(['init', '--profile', 'emu', '--type', 'test', '--appid', SERVICE, '--secret', SERVICE_SECRET, '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/callback', '--api-base', 'http://u:pw@127.0.0.1:3900', '--yes'], { env });
    expect(init.code, init.stderr).toBe(0);
    // tokens reads only the cache: the run resolves its settings as token does, and sends nothing.
    const en = await runCli(['tokens', '--region', 'sh'], { env });
    expect(en.code, en.stderr).toBe(0);
    const said = '--region sh: the apiBase http://u:***@127.0.0.1:3900 saved in profile "emu" is not used for this run: calls, and the appid, secret or tokens they carry, go to https://sh.api.weixin.qq.com.';
    expect(en.stderr.split(said)).toHaveLength(2);
    expect(en.stderr).not.toContain('pw@');
    const zh = await runCli(['tokens', '--region', 'sh', '--lang', 'zh'], { env });
    expect(zh.stderr).toContain('--region sh：profile "emu" 保存的 apiBase http://u:***@127.0.0.1:3900 本次不使用：请求及其中的 appid、secret 或 token 都发往 https://sh.api.weixin.qq.com。');
    const fromEnv = await runCli(['tokens', '--region', 'hk'], { env: { ...env, WXAUTH_API_BASE: 'http://127.0.0.1:3901' } });
    expect(fromEnv.stderr).toContain('--region hk: WXAUTH_API_BASE=http://127.0.0.1:3901 is not used for this run');
    // The region the base already is, or no region: nothing to say.
    expect((await runCli(['tokens', '--region', 'sh'], { env: { ...env, WXAUTH_API_BASE: 'https://sh.api.weixin.qq.com' } })).stderr).not.toContain('not used');
    expect((await runCli(['tokens'], { env })).stderr).not.toContain('not used');
  });

  it('uses stable_token, which hands back the same token on a second call, and caches it for --show', async () => {
    const cli = server();
    const first = await cli(['token']);
    expect(first.code, first.stderr).toBe(0);
    const token = first.stdout.trim();
    expect(token).toMatch(/^\d+_[A-Za-z0-9_-]{40,}$/);
    expect(first.stdout).toBe(token + '\n'); // only the token on stdout, for $(wxauth token)
    expect(first.stderr).toContain("Other servers' token stays valid");
    expect(calls('/cgi-bin/token')).toBe(0);

    const second = await server()(['token']);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe(token);

    const before = calls('/cgi-bin/stable_token');
    const shown = await cli(['token', '--show', '--json']);
    expect(shown.code).toBe(0);
    const doc = parseJson(shown.stdout);
    expect(doc).toMatchObject({ ok: true, appid: SERVICE, kind: 'stable', access_token: token, from: 'cache' });
    expect(doc.expires_in as number).toBeGreaterThan(7000);
    expect(calls('/cgi-bin/stable_token')).toBe(before); // --show never calls WeChat
    // What can end a stable token early: a forced stable_token, not any other server's fetch.
    const human = await cli(['token', '--show']);
    expect(human.stderr).toContain('Not checked with WeChat: a stable_token call with force_refresh=true, from any server, replaces it early (calls without it do not).');
    expect((await cli(['token', '--show', '--lang', 'zh'])).stderr).toContain('未向微信核实：任何服务器带 force_refresh=true 调用 stable_token 都会提前换掉它');
  });

  it('prints the token in full on stdout but redacts it (and the secret) in the -v trace unless --show-secrets', async () => {
    const cli = server();
    const r = await cli(['token', '-v']);
    expect(r.code).toBe(0);
    const token = r.stdout.trim();
    expect(r.stderr).toContain('→ POST');
    expect(r.stderr).not.toContain(token);
    expect(r.stderr).not.toContain(SERVICE_SECRET);
    const shown = await cli(['token', '-v', '--show-secrets']);
    expect(shown.stderr).toContain(token);
  });

  it('--show without a cached token says how to get one (exit 4)', async () => {
    const r = await server()(['token', '--show']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No basic access_token cached for ' + SERVICE);
    expect(r.stderr).toContain('wxauth token');
  });

  it('user, quota and domains use a cached token without the AppSecret; only a fetch asks for it (exit 4, en and zh)', async () => {
    const cli = server();
    const noSecret = { WXAUTH_SECRET: '' };
    // Nothing cached: the secret is named, and nothing is asked of WeChat.
    const before = calls('/cgi-bin/stable_token');
    const none = await cli(['quota', '/cgi-bin/token'], noSecret);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('Missing configuration: secret');
    const noneZh = await cli(['quota', '/cgi-bin/token', '--lang', 'zh', '--json'], noSecret);
    expect(noneZh.code).toBe(4);
    expect(parseJson(noneZh.stdout)).toMatchObject({ ok: false, error: { code: 'config', message: '缺少配置：secret（profile "default"）。' } });
    expect(calls('/cgi-bin/stable_token')).toBe(before);

    expect((await cli(['token'])).code).toBe(0);
    const quota = await cli(['quota', '/cgi-bin/token'], noSecret);
    expect(quota.code, quota.stderr).toBe(0);
    expect(quota.stdout).toMatch(/^remain\s+\d+$/m);
    expect((await cli(['user', openid('u1')], noSecret)).code).toBe(0);
    expect((await cli(['domains'], noSecret)).code).toBe(0);
    expect(calls('/cgi-bin/stable_token')).toBe(before + 1);
    // Neither appid nor secret: both named at once, as before.
    const nothing = await cli(['quota', '/cgi-bin/token'], { WXAUTH_APPID: '', WXAUTH_SECRET: '' });
    expect(nothing.code).toBe(4);
    expect(nothing.stderr).toContain('Missing configuration: appid, secret');
  });

  it('--legacy warns and refuses without --yes when there is no terminal, calling nothing', async () => {
    const before = calls('/cgi-bin/token');
    const r = await server()(['token', '--legacy']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('loses it within 5 minutes');
    expect(r.stderr).toContain('--yes');
    expect(r.stderr).toContain('counts against the daily quota (2000 a day for most official accounts)');
    expect(calls('/cgi-bin/token')).toBe(before);
    // A test account (测试号), where newcomers start, has 200 a day.
    const test = await server({ appid: 'wx5e1ec0de00000002', secret: '5e1ec0de5e1ec0de5e1ec0de00000002' })(['token', '--legacy'], { WXAUTH_TYPE: 'test' });
    expect(test.code).toBe(2);
    expect(test.stderr).toContain('counts against the daily quota (200 a day for a test account)');
    const zh = await server({ appid: 'wx5e1ec0de00000002', secret: '5e1ec0de5e1ec0de5e1ec0de00000002' })(['--lang', 'zh', 'token', '--legacy'], { WXAUTH_TYPE: 'test' });
    expect(zh.stderr).toContain('每次调用还会消耗每日额度（测试号每天 200 次）');
    expect(calls('/cgi-bin/token')).toBe(before);
  });

  it('a 40001 on a cached stable token that stable_token then hands back unchanged is said as such, not as a fresh token', async () => {
    const a = server();
    expect((await a(['token', '--yes'])).code).toBe(0);
    // One 40001 on the next user/info (an errcode fault), while WeChat still holds the stable token valid.
    emu.addFault({ kind: 'errcode', errcode: 40001, path: '/cgi-bin/user/info', count: 1 });
    const r = await a(['user', openid('u2')]);
    expect(r.code, r.stderr).toBe(0);
    // A stable token: only a forced refresh knocks it out, not another server's /cgi-bin/token.
    expect(r.stderr).toContain('rejected the cached stable access_token (40001');
    expect(r.stderr).toContain('only a forced refresh (force_refresh=true) can');
    expect(r.stderr).toContain('stable_token handed back the very token just rejected');
    expect(r.stderr).not.toContain('Fetched a fresh stable token');
  });

  it('a 40001 again on the retry does not advise switching to stable_token, which wxauth just used', async () => {
    const a = server();
    expect((await a(['token', '--yes'])).code).toBe(0);
    emu.addFault({ kind: 'errcode', errcode: 40001, path: '/cgi-bin/user/info', count: 2 });
    const r = await a(['user', openid('u2')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('refused it again (40001)');
    expect(r.stderr).toContain('switching to stable_token is not the fix');
    expect(r.stderr).toContain(`${emu.url} is not WeChat`);
    expect(r.stderr).not.toContain('Switch to POST /cgi-bin/stable_token');
    // A token fetched just now (a server with none cached), refused at once: the same, said of a fresh token.
    emu.addFault({ kind: 'errcode', errcode: 40001, path: '/cgi-bin/user/info', count: 1 });
    const fresh = await server()(['user', openid('u2'), '--json']);
    const error = parseJson(fresh.stdout).error as { hint: string; diagnosis: unknown; explanation: { fixes: unknown[] } };
    expect(error.diagnosis).toEqual({ kind: 'stable_token_rejected', retried: false, same_token: false });
    expect(error.hint).toMatch(/refused a stable token wxauth fetched just now \(40001\)/);
    expect(error.explanation.fixes).toEqual([]);
  });

  it('after another server runs --legacy, the previous token works for 5 minutes, then 40001; the cache recovers with a stable token', async () => {
    const a = server();
    const b = server();
    const ta = await a(['token', '--legacy', '--yes']);
    expect(ta.code, ta.stderr).toBe(0);
    const t1 = ta.stdout.trim();
    const u2 = openid('u2');
    expect((await a(['user', u2])).code).toBe(0);

    const tb = await b(['token', '--legacy', '--yes']);
    expect(tb.code).toBe(0);
    expect(tb.stdout.trim()).not.toBe(t1);

    // Within the overlap server A's cached token still works, silently.
    const within = await a(['user', u2]);
    expect(within.code).toBe(0);
    expect(within.stderr).not.toContain('40001');

    emu.advanceClock(301);
    const direct = (await (await fetch(`${emu.url}/cgi-bin/user/info?access_token=${t1}&openid=${u2}`)).json()) as { errcode: number };
    expect(direct.errcode).toBe(40001);

    const after = await a(['user', u2]);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toContain('rejected the cached basic access_token (40001');
    expect(after.stderr).toContain('another server or tool using ' + SERVICE);
    expect(after.stdout).toContain(u2);
    const cached = parseJson((await a(['token', '--show', '--json'])).stdout);
    expect(cached.kind).toBe('stable');
    expect(cached.access_token).not.toBe(t1);
  });

  it('--force-refresh needs --yes, rotates the stable token, and says so when WeChat did not (30 s rule)', async () => {
    const cli = server();
    const current = (await cli(['token'])).stdout.trim();
    const refused = await cli(['token', '--force-refresh']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('20 a day');

    const forced = await cli(['token', '--force-refresh', '--yes', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    const doc = parseJson(forced.stdout);
    expect(doc.access_token).not.toBe(current);
    expect(doc.rotated).toBe(true);

    const again = await cli(['token', '--force-refresh', '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(doc.access_token);
    expect(again.stderr).toContain('less than 30 s apart');
  });

  it('40164: prints the IP WeChat saw and where to whitelist it', async () => {
    const cli = server(WHITELISTED);
    const r = await cli(['token']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('40164');
    expect(r.stderr).toContain(`WeChat saw the request coming from ${CALLER_IP}.`);
    expect(r.stderr).toContain('设置与开发');
    expect(r.stderr).toContain('IP白名单');
    const json = parseJson((await cli(['token', '--json'])).stdout) as { ok: boolean; error: { errcode: number; hint: string; rid?: string } };
    expect(json.ok).toBe(false);
    expect(json.error.errcode).toBe(40164);
    expect(json.error.hint).toContain(CALLER_IP);
    expect(json.error.rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  it('40164 for a website app: its whitelist is on the Open Platform, not in a 公众号 console', async () => {
    const cli = server(WHITELISTED);
    const r = await cli(['token'], { WXAUTH_TYPE: 'website' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`WeChat saw the request coming from ${CALLER_IP}.`);
    expect(r.stderr).toContain('open.weixin.qq.com → 管理中心');
    // The next step names the Open Platform only (the errcode explanation below it lists both consoles).
    const json = parseJson((await cli(['token', '--json'], { WXAUTH_TYPE: 'website' })).stdout) as { error: { hint: string } };
    expect(json.error.hint).toContain('open.weixin.qq.com');
    expect(json.error.hint).not.toContain('mp.weixin.qq.com');
    const zh = await cli(['--lang', 'zh', 'token'], { WXAUTH_TYPE: 'website' });
    expect(zh.stderr).toContain(`微信看到的请求来源 IP 是 ${CALLER_IP}。网站应用的 IP 白名单在开放平台`);
    // The headline leads with the meaning's statement; WeChat's errmsg, which names the IP, stays beside it.
    expect(zh.stderr.split('\n')[0]).toMatch(/^✖ \S+ （不是微信自己的接口域名）返回错误 40164：调用接口的IP地址不在白名单中（invalid ip \S+/);
  });

  it('45009 on a forced stable_token offers wxauth quota for /cgi-bin/stable_token, under --profile when one was given (hint and fixes, en and zh)', async () => {
    const own = await startEmulator({ faults: [{ kind: 'errcode', errcode: 45009, path: '/cgi-bin/stable_token' }] });
    try {
      const cli = (args: string[]) => runCli(args, { env: emulatorEnv(own, { appid: SERVICE, secret: SERVICE_SECRET }, { WXAUTH_CONFIG_DIR: tempConfigDir() }) });
      const en = await cli(['--profile', 'staging', 'token', '--force-refresh', '--yes']);
      expect(en.code).toBe(3);
      expect(en.stderr).toContain('See the usage with wxauth --profile staging quota /cgi-bin/stable_token;');
      expect(en.stderr).toContain('→ force_refresh is limited to 20 a day. Run wxauth --profile staging token without --force-refresh: it returns the current token and is not subject to that limit. See the count with wxauth --profile staging quota /cgi-bin/stable_token.');
      expect(en.stderr).not.toContain('/cgi-bin/openapi/quota/get');
      const zh = await cli(['--lang', 'zh', 'token', '--force-refresh', '--yes']);
      expect(zh.stderr).toContain('用 wxauth quota /cgi-bin/stable_token 查看用量');
      expect(zh.stderr).toContain('用 wxauth quota /cgi-bin/stable_token 查看次数。');
    } finally {
      await own.close();
    }
  });

  it('45009 on /cgi-bin/token points at wxauth quota; quota shows it, --clear (confirmed) resets it', async () => {
    const cli = server(ONE_A_DAY);
    expect((await cli(['token', '--legacy', '--yes'])).code).toBe(0);
    const exhausted = await cli(['token', '--legacy', '--yes']);
    expect(exhausted.code).toBe(3);
    expect(exhausted.stderr).toContain('45009');
    expect(exhausted.stderr).toContain('wxauth quota /cgi-bin/token');

    const quota = await cli(['quota', '/cgi-bin/token', '--json']);
    expect(quota.code, quota.stderr).toBe(0);
    expect(parseJson(quota.stdout)).toMatchObject({ cgi_path: '/cgi-bin/token', quota: { daily_limit: 1, used: 1, remain: 0 } });

    const unconfirmed = await cli(['quota', '/cgi-bin/token', '--clear']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('10 a month');
    expect(calls('/cgi-bin/clear_quota')).toBe(0);

    const cleared = await cli(['quota', '/cgi-bin/token', '--clear', '--yes']);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stdout).toMatch(/used\s+1 → 0/);
    expect(cleared.stderr).toContain('reset');
    expect(calls('/cgi-bin/clear_quota')).toBe(1);
    expect((await cli(['token', '--legacy', '--yes'])).code).toBe(0);
  });

  it('a connection cut before the answer is advised by the call: resent and cut again, or a token maybe issued, never a code', async () => {
    const cut = await startEmulator({ faults: [{ kind: 'reset', path: '/cgi-bin/*' }] });
    try {
      const cli = (args: string[]) => runCli(args, { env: emulatorEnv(cut, { appid: SERVICE, secret: SERVICE_SECRET }, { WXAUTH_CONFIG_DIR: tempConfigDir() }) });
      for (const args of [['token'], ['user', openid('u1')], ['domains']]) {
        const r = await cli(args);
        expect(r.code, r.stderr).toBe(5);
        expect(r.stderr).toContain('retry 1');
        expect(r.stderr).toContain('→ It was sent again and failed again: check the server and the network');
        expect(r.stderr).not.toContain('code exchange');
      }
      const zh = await cli(['--lang', 'zh', 'token', '--json']);
      expect(parseJson(zh.stdout)).toMatchObject({ error: { hint: '已经重发过一次，仍然失败：检查服务器和中间的网络（代理、VPN），稍后再试。' } });

      const forced = await cli(['--profile', 'staging', 'token', '--force-refresh', '--yes']);
      expect(forced.code).toBe(5);
      expect(forced.stderr).not.toContain('retry 1');
      expect(forced.stderr).toContain('→ The request may have reached WeChat, so the new stable token may already have been issued (and the previous one ended). Run wxauth --profile staging token to get the current one');
      const legacy = await cli(['--lang', 'zh', 'token', '--legacy', '--yes']);
      expect(legacy.code).toBe(5);
      expect(legacy.stderr).toContain('→ 请求可能已到达微信，新的 token 可能已经发出（之前的 token 之后只能再用 5 分钟）；再发一次又会换一个。运行 wxauth token 获取 stable token');
    } finally {
      await cut.close();
    }
  });

  // Without a terminal and --yes, quota --clear fetched a token and called quota/get, printed the table,
  // then refused (exit 2); and it required a <cgi-path> that clear_quota does not take (only the appid).
  it('quota --clear unconfirmed is refused before any call to WeChat; no path is needed, one given is shown before and after', async () => {
    const cli = server();
    const before = emu.requests().length;
    for (const args of [['quota', '/cgi-bin/token', '--clear'], ['quota', '--clear'], ['--lang', 'zh', 'quota', '--clear'], ['--json', 'quota', '--clear']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(emu.requests().length, args.join(' ')).toBe(before);
      if (!args.includes('--json')) expect(r.stdout, args.join(' ')).toBe('');
    }
    expect((await cli(['quota', '--clear'])).stderr).toContain('This step needs confirmation (“Reset all API call counts of wx5e1ec0de00000001 now?”)');
    expect((await cli(['--lang', 'zh', 'quota', '--clear'])).stderr).toContain('这一步需要确认（“现在清零 wx5e1ec0de00000001 所有接口的调用次数？”）');

    const cleared = await cli(['quota', '--clear', '--yes']);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stdout).toBe('');
    expect(cleared.stderr).toContain('API call counts of wx5e1ec0de00000001 reset.');
    expect(emu.requests().slice(before).map((q) => q.path)).toEqual(['/cgi-bin/stable_token', '/cgi-bin/clear_quota']);
    expect(parseJson((await cli(['--json', 'quota', '--clear', '--yes'])).stdout)).toMatchObject({ ok: true, appid: SERVICE, cleared: true });

    // The lookup alone still needs the path, and says how to give it or to clear.
    const missing = await cli(['quota']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give the API path, e.g. wxauth quota /cgi-bin/token; to reset the call counts of every API (10 a month): wxauth quota --clear.');
    expect((await cli(['--lang', 'zh', 'quota'])).stderr).toContain('要清零所有接口的调用次数（每月 10 次）用 wxauth quota --clear');
  });

  it('falls back to the backup host when the API host refuses connections, and says so', async () => {
    const port = await refusedPort();
    const dead = `http://127.0.0.1:${port}`;
    const cli = server();
    const r = await cli(['token'], { WXAUTH_API_BASE: dead, WXAUTH_BACKUP_API_BASE: emu.url });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+_/);
    expect(r.stderr).toContain(`127.0.0.1:${port} is unreachable; trying once more on the backup host ${emu.url}`);
    const user = await cli(['user', openid('u1')], { WXAUTH_API_BASE: dead, WXAUTH_BACKUP_API_BASE: emu.url });
    expect(user.code).toBe(0);
    expect(user.stdout).toContain('subscribe');
  });

  it('an API base whose port answers something that is not HTTP (an SSH banner, a broken Content-Length) is said in the user\'s words, never undici\'s English (zh, en, doctor)', async () => {
    const answers = ['SSH-2.0-OpenSSH_8.9\r\n', 'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n{}'];
    for (const answer of answers) {
      const srv = net.createServer((socket) => socket.once('data', () => socket.end(answer)));
      await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
      const host = `127.0.0.1:${(srv.address() as net.AddressInfo).port}`;
      try {
        const env = { WXAUTH_API_BASE: `http://${host}`, WXAUTH_BACKUP_API_BASE: `http://${host}` };
        const zh = await server()(['token'], { ...env, LANG: 'zh_CN.UTF-8' });
        expect(zh.code).toBe(5);
        expect(zh.stderr).toContain(`✖ ${host} 有回应，但不是合法的 HTTP 响应（HTTPParserError）。`);
        expect(zh.stderr).toContain(`→ 那个端口上有程序在运行，但它不像微信接口：确认接口地址 http://${host} （来源：环境变量 WXAUTH_API_BASE）指向微信接口或 wxauth emulator`);
        expect(zh.stderr).not.toMatch(/Response does not match|protocol/);
        const en = await server()(['token'], env);
        expect(en.stderr).toContain(`✖ ${host} answered, but not with a valid HTTP response (HTTPParserError).`);
        expect(en.stderr).not.toContain('Response does not match');
        const doctor = await server()(['doctor', '--lang', 'zh'], env);
        const credentials = doctor.stdout.split('\n').find((l) => l.startsWith('✖ credentials')) ?? '';
        expect(credentials).toContain(`${host} 有回应，但不是合法的 HTTP 响应（HTTPParserError）。`);
        expect(doctor.stdout).not.toContain('Response does not match');
      } finally {
        await new Promise<void>((resolve) => srv.close(() => resolve()));
      }
    }
  });

  it('an http:// API base on a port that speaks HTTPS says so and suggests https:// (a server that hangs up, one that answers a TLS alert; zh, en)', async () => {
    // Node's https server (like OpenSSL's) closes on a plain request without a byte: undici's "other side closed".
    const { certPem, keyPem } = issue({ names: ['127.0.0.1'], toDays: 2 });
    const tlsServer = https.createServer({ cert: certPem, key: keyPem }, (_req, res) => res.end('{}'));
    // Another kind answers the plain request with a TLS alert record (protocol_version).
    const alertServer = net.createServer((socket) => socket.once('data', () => socket.end(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]))));
    for (const srv of [tlsServer, alertServer]) {
      await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
      const host = `127.0.0.1:${(srv.address() as net.AddressInfo).port}`;
      try {
        const env = { WXAUTH_API_BASE: `http://${host}`, WXAUTH_BACKUP_API_BASE: `http://${host}` };
        const zh = await server()(['token'], { ...env, LANG: 'zh_CN.UTF-8' });
        expect(zh.code).toBe(5);
        expect(zh.stderr).toContain(`✖ ${host} 说的是 HTTPS（TLS），不是明文 HTTP：它没有给这个 http:// 请求 HTTP 回应（`);
        expect(zh.stderr).toContain(`→ 接口地址应当是 https://${host} （来源：环境变量 WXAUTH_API_BASE）。`);
        const en = await server()(['token'], env);
        expect(en.code).toBe(5);
        expect(en.stderr).toContain(`✖ ${host} speaks HTTPS (TLS), not plain HTTP: it gave no HTTP answer to this http:// request (`);
        expect(en.stderr).toContain(`→ The API base should be https://${host} (it came from the variable WXAUTH_API_BASE).`);
        expect(en.stderr).not.toContain('check the server and the network');
      } finally {
        await new Promise<void>((resolve) => srv.close(() => resolve()));
      }
    }
  });
});

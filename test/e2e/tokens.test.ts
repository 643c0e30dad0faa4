// exchange / check / refresh / userinfo as a user runs them: the CLI run in-process against the
// in-process emulator over real HTTP, a fresh config dir per test, stdout / stderr / exit code apart.
// Tests that are not about exchange start from a cache seeded through the store (seed-tokens.ts).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle, type PublicApp } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';
import { seedUserToken } from './seed-tokens.js';
import { StateFiles } from '../../src/store/state.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { formatLocalTime } from '../../src/ui/format.js';

let emu: EmulatorHandle;
let svc: PublicApp;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator();
  const app = emu.apps.find((a) => a.type === 'service');
  if (!app) throw new Error('the default seed has a service account');
  svc = app;
});

afterAll(async () => {
  await emu.close();
});

beforeEach(() => {
  dir = tempConfigDir();
  emu.reset();
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir, ...extra });
}

const wx = (args: string[], extra: Record<string, string> = {}) => runCli(args, { env: env(extra) });

function userOpenid(userId: string): string {
  const user = emu.users.find((u) => u.id === userId);
  const openid = user?.openids[svc.appid];
  if (!openid) throw new Error(`no openid for ${userId}`);
  return openid;
}

function cacheFile(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')) as Record<string, any>;
}

function cachedUsers(): Array<Record<string, any>> {
  return Object.values(cacheFile().profiles?.default?.users ?? {});
}

const snsCalls = (p: string) => emu.requests().filter((r) => r.path === p);

/** Cache a token of `user` (scope as given) for the service account, as a finished exchange would. */
const seed = (user: string, scope: 'snsapi_base' | 'snsapi_userinfo' = 'snsapi_userinfo') => seedUserToken(emu, dir, svc, user, { scope });

describe('wxauth exchange', () => {
  it('turns a code into tokens, prints them with the expiry, and saves them 0600 without the secret', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_userinfo' });
    const r = await wx(['exchange', code]);
    expect(r.code, r.stderr).toBe(0);
    const openid = userOpenid('u1');
    expect(r.stdout).toMatch(new RegExp(`^openid\\s+${openid}$`, 'm'));
    expect(r.stdout).toMatch(/^unionid\s+o\S{27}$/m);
    expect(r.stdout).toMatch(/^scope\s+snsapi_userinfo$/m);
    expect(r.stdout).toMatch(/^access_token\s+\d\d_\S{100,}$/m);
    expect(r.stdout).toMatch(/^refresh_token\s+\d\d_\S{100,}$/m);
    expect(r.stdout).toMatch(/^access_token expires\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(in 1h59m\)$/m);
    expect(r.stdout).toMatch(/^refresh_token expires\s+.*\(in 29d23h\)$/m);
    expect(r.stderr).toContain('saved it to the token cache (profile default)');
    expect(r.stderr).toContain('wxauth userinfo');

    const file = path.join(dir, 'tokens.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(svc.secret);
    const [entry] = cachedUsers();
    expect(entry).toMatchObject({ appid: svc.appid, openid, scope: 'snsapi_userinfo' });
    expect(r.stdout).toContain(entry?.accessToken);
  });

  it('--json is one document with the tokens; --raw is WeChat\'s body as it came', async () => {
    const ex = await wx(['exchange', emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' }), '--json']);
    expect(ex.code, ex.stderr).toBe(0);
    const doc = parseJson(ex.stdout) as Record<string, any>;
    expect(doc).toMatchObject({
      ok: true,
      profile: 'default',
      appid: svc.appid,
      openid: userOpenid('u2'),
      unionid: null,
      scope: 'snsapi_base',
      expires_in: 7200,
      is_snapshotuser: false,
      no_unionid_reason: 'base_scope',
      saved: true,
    });
    expect(doc.access_token).toMatch(/^\d\d_/);
    expect(doc.refresh_token).toMatch(/^\d\d_/);
    expect(Date.parse(doc.expires_at) - Date.now()).toBeGreaterThan(7100_000);

    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_userinfo' });
    const raw = await wx(['exchange', code, '--raw']);
    expect(raw.code, raw.stderr).toBe(0);
    const body = JSON.parse(raw.stdout) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'openid', 'refresh_token', 'scope', 'unionid']);
    expect(raw.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('explains a missing unionid (base scope) and a snapshot user', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u3', scope: 'snsapi_userinfo', snapshot: true });
    const r = await wx(['exchange', code]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^is_snapshotuser\s+1$/m);
    expect(r.stderr).toContain('snapshot page');
    expect(r.stderr).toContain('使用完整服务');
    // Its unionid is virtual too: not one to merge accounts by.
    expect(r.stdout).toMatch(/^unionid\s+\S+$/m);
    expect(r.stderr).toContain('The openid, the unionid (if any) and the profile are virtual');
    expect(r.stderr).toContain('nor merge accounts by this unionid');
    // userinfo would answer 48001: the next step offered is check alone.
    expect(r.stderr).toContain("A snapshot user's token gets 48001 from userinfo");
    expect(r.stderr).not.toContain('Next: wxauth userinfo');
    // userinfo all the same: 48001, said as the snapshot user it is, not as "a snsapi_base token" first.
    const info = await wx(['userinfo']);
    expect(info.code).toBe(3);
    expect(info.stderr).toContain('snapshot-page virtual user');
    expect(info.stderr).not.toMatch(/1\. .*snsapi_base/);
    const infoJson = await wx(['userinfo', '--json']);
    expect(JSON.parse(infoJson.stdout).error.diagnosis).toMatchObject({ kind: 'snapshot_user' });
    // A snapshot user's unionid is virtual but present (API-FACTS §1.6, §4); a base-scope grant has none.
    const base = await wx(['exchange', emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' })]);
    expect(base.code, base.stderr).toBe(0);
    expect(base.stderr).toContain('No unionid');
  });

  it('takes the callback URL pasted from the address bar and warns when its state is not the one wxauth url issued', async () => {
    const url = await wx(['url', '--scope', 'snsapi_base', '--redirect-uri', 'http://localhost/cb', '--state', 'issued42', '--no-qr']);
    expect(url.code, url.stderr).toBe(0);
    // Drive the emulated authorize page like a browser: snsapi_base is silent and 302s to the callback.
    const page = await fetch(url.stdout.trim(), { redirect: 'manual' });
    const callback = page.headers.get('location') ?? '';
    expect(callback).toMatch(/^http:\/\/localhost\/cb\?code=\w{32}&state=issued42$/);

    const ok = await wx(['exchange', callback]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('state matches');

    const forged = callback.replace('issued42', 'forged99').replace(/code=\w+/, `code=${emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' })}`);
    const warned = await wx(['exchange', forged, '--json']);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toContain('state mismatch');
    expect(warned.stderr).toContain('"forged99"');
    expect(warned.stderr).toContain('"issued42"');
    expect(parseJson(warned.stdout).state).toEqual({ received: 'forged99', expected: 'issued42', verdict: 'mismatch', source: 'remembered' });
  });

  it('a callback whose state was already used (an old tab) is refused before its code is sent (exit 6, en and zh); the code alone still goes', async () => {
    const url = await wx(['url', '--scope', 'snsapi_base', '--redirect-uri', 'http://localhost/cb', '--no-qr']);
    expect(url.code, url.stderr).toBe(0);
    const callback = (await fetch(url.stdout.trim(), { redirect: 'manual' })).headers.get('location') ?? '';
    const state = /state=(\w+)$/.exec(callback)![1]!;
    // login took this link's callback (and spent its code) a minute ago.
    const files = new StateFiles(dir);
    const entry = files.get('default').entry!;
    files.put('default', false, undefined, { ...entry, usedAt: Date.now() - 60_000, usedBy: 'login' });
    for (const lang of ['en', 'zh']) {
      const r = await wx(['--lang', lang, 'exchange', callback]);
      expect(r.code).toBe(6);
      expect(r.stdout).toBe('');
      if (lang === 'en') {
        expect(r.stderr).toContain(`This callback’s state "${state}" was already used: wxauth login took its callback at`);
        expect(r.stderr).toContain('Make a fresh link with wxauth url and authorize again');
        expect(r.stderr).toContain('pass the code alone: wxauth exchange CODE');
      } else {
        expect(r.stderr).toContain(`这个回调的 state "${state}" 已经用过：wxauth login 在`);
        expect(r.stderr).toContain('只传 code 本身：wxauth exchange CODE');
      }
    }
    const json = await wx(['exchange', callback, '--json']);
    expect(json.code).toBe(6);
    expect(parseJson(json.stdout).error).toMatchObject({ code: 'callback' });
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(0);
    // The user who wants to try anyway passes the code alone.
    const alone = await wx(['exchange', /code=(\w+)/.exec(callback)![1]!]);
    expect(alone.code, alone.stderr).toBe(0);
  });

  it('a state file with usedAt but no usedBy (edited by hand) reads as used: exchange refuses its callback, listen warns, inspect says state_used, each with the time and that the command is not recorded (en, zh), and nothing rewrites it', async () => {
    const url = await wx(['url', '--scope', 'snsapi_base', '--redirect-uri', 'http://localhost/cb', '--no-qr']);
    expect(url.code, url.stderr).toBe(0);
    const callback = (await fetch(url.stdout.trim(), { redirect: 'manual' })).headers.get('location') ?? '';
    const state = /state=(\w+)$/.exec(callback)![1]!;
    const files = new StateFiles(dir);
    const entry = files.get('default').entry!;
    const usedAt = Date.now() - 60_000;
    // A real file as a hand edit leaves it: usedAt alone.
    fs.writeFileSync(files.pathOf('default'), JSON.stringify({ ...entry, usedAt }, undefined, '\t'), { mode: 0o600 });
    const before = fs.readFileSync(files.pathOf('default'), 'utf8');
    const en = await wx(['exchange', callback]);
    expect(en.code).toBe(6);
    // The time is recorded, so it is said; only the command is not (no placeholder where a command's name goes).
    const at = formatLocalTime(usedAt);
    const enUse = `its callback was taken at ${at} (its file does not record by which command)`;
    const zhUse = `它的回调在 ${at} 已被处理（状态文件没有写明是哪个命令）`;
    expect(en.stderr).toContain(`This callback’s state "${state}" was already used: ${enUse}.`);
    expect(en.stderr).not.toContain('does not record when');
    const zh = await wx(['--lang', 'zh', 'exchange', callback]);
    expect(zh.code).toBe(6);
    expect(zh.stderr).toContain(`这个回调的 state "${state}" 已经用过：${zhUse}。`);
    const listened = await runCli(['listen', '--paste'], { env: env(), input: `${callback}\n` });
    expect(listened.stderr).toContain(`The remembered state "${state}" was already used: ${enUse}.`);
    const zhListened = await runCli(['--lang', 'zh', 'listen', '--paste'], { env: env(), input: `${callback}\n` });
    expect(zhListened.stderr).toContain(`记下的 state "${state}" 已经用过：${zhUse}。`);
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(0);
    const inspect = await wx(['inspect', callback]);
    expect(inspect.code).toBe(1);
    expect(inspect.stdout).toContain('[callback.state_used]');
    expect(inspect.stdout).toContain(`state ${state} is the remembered one, but it was already used: ${enUse}.`);
    expect(inspect.stdout).not.toContain('(command not recorded)');
    expect(inspect.stdout).not.toContain('[callback.state_ok]');
    const zhInspect = await wx(['--lang', 'zh', 'inspect', callback]);
    expect(zhInspect.stdout).toContain(`已经用过：${zhUse}。`);
    const doc = parseJson((await wx(['inspect', callback, '--json'])).stdout) as { findings: { id: string; params: Record<string, unknown> }[] };
    expect(doc.findings.map((f) => f.id)).toEqual(['callback.state_used']);
    expect(doc.findings[0]!.params.at).toBe(new Date(usedAt).toISOString());
    expect(doc.findings[0]!.params).not.toHaveProperty('by');
    expect(doc.findings[0]!.params).not.toHaveProperty('use');
    // The code passed alone is exchanged, and the half-marked file is left as it was (not marked again).
    expect((await wx(['exchange', /code=(\w+)/.exec(callback)![1]!])).code).toBe(0);
    expect(fs.readFileSync(files.pathOf('default'), 'utf8')).toBe(before);
  });

  it('exchanging a callback whose state matched marks the state used: the same address pasted again is refused, naming exchange; --state marks nothing', async () => {
    const url = await wx(['url', '--scope', 'snsapi_base', '--redirect-uri', 'http://localhost/cb', '--no-qr']);
    expect(url.code, url.stderr).toBe(0);
    const callback = (await fetch(url.stdout.trim(), { redirect: 'manual' })).headers.get('location') ?? '';
    const state = /state=(\w+)$/.exec(callback)![1]!;
    const files = new StateFiles(dir);
    // --state checks a state of the user's own: the remembered one is left as it was.
    const other = callback.replace(/code=\w+/, `code=${emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' })}`);
    expect((await wx(['exchange', other, '--state', state])).code).toBe(0);
    expect(files.get('default').entry?.usedAt).toBeUndefined();
    const first = await wx(['exchange', callback]);
    expect(first.code, first.stderr).toBe(0);
    expect(files.get('default').entry).toMatchObject({ value: state, usedBy: 'exchange' });
    const again = await wx(['exchange', callback]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain(`This callback’s state "${state}" was already used: wxauth exchange took its callback at`);
    const zh = await wx(['--lang', 'zh', 'exchange', callback]);
    expect(zh.code).toBe(6);
    expect(zh.stderr).toContain(`这个回调的 state "${state}" 已经用过：wxauth exchange 在`);
    // WeChat was asked twice (--state, then the first paste), never for the refused pastes.
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(2);
  });

  it('a callback that ends after its code, while a state was remembered, is named as cut at its & by the shell', async () => {
    expect((await wx(['url', '--scope', 'snsapi_base', '--redirect-uri', 'http://localhost/cb', '--state', 'issued42', '--no-qr'])).code).toBe(0);
    const cut = await wx(['exchange', `http://localhost/cb?code=${emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })}`]);
    expect(cut.code, cut.stderr).toBe(0);
    expect(cut.stderr).toContain('a URL is cut at its first &');
    expect(cut.stderr).toContain('"issued42"');
    // Another parameter arrived, so the URL was not cut there: the state is simply missing.
    const other = await wx(['exchange', `http://localhost/cb?code=${emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' })}&from=menu`, '--lang', 'zh']);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).toContain('回调地址里没有 state');
    expect(other.stderr).not.toContain('截断');
  });

  it('refuses to spend the code when --state does not match (exit 6)', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', `https://localhost/#/login?code=${code}&state=aaa`, '--state', 'bbb']);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--state expects "bbb"');
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(0);
  });

  it('40163 on a code another process spent: says the callback was probably hit twice', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    // The user's own server exchanged it first (wxauth's cache knows nothing of it).
    const first = await fetch(`${emu.url}/sns/oauth2/access_token?appid=${svc.appid}&secret=${svc.secret}&code=${code}&grant_type=authorization_code`);
    expect(((await first.json()) as { openid?: string }).openid).toBe(userOpenid('u1'));
    const r = await wx(['exchange', code]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/errcode\s+40163/);
    expect(r.stderr).toMatch(/rid\s+[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}/);
    expect(r.stderr).toContain('/sns/oauth2/access_token');
    expect(r.stderr).toContain('hits the callback twice');

    const json = await wx(['exchange', code, '--json']);
    expect(json.code).toBe(3);
    const doc = parseJson(json.stdout) as Record<string, any>;
    expect(doc.ok).toBe(false);
    expect(doc.error).toMatchObject({ code: 'wechat', errcode: 40163, endpoint: '/sns/oauth2/access_token' });
    expect(doc.error.hint).toContain('exactly once');

    const raw = await wx(['exchange', code, '--raw']);
    expect(raw.code).toBe(3);
    expect(JSON.parse(raw.stdout)).toMatchObject({ errcode: 40163 });
  });

  it('a code wxauth itself exchanged: says so, when, and where the tokens are; also where WeChat answers 40029 (§4 ⚠)', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    expect((await wx(['exchange', code])).code).toBe(0);
    // The cache keeps a digest of the code, never the code.
    expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).not.toContain(code);
    const r = await wx(['exchange', code]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+40163/);
    expect(r.stderr).toContain(`→ wxauth itself exchanged this code at `);
    expect(r.stderr).toMatch(/exchanged this code at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(profile default, openid (\S+)\)/);
    expect(r.stderr).toContain(`openid ${userOpenid('u1')})`);
    expect(r.stderr).not.toContain('hits the callback twice');
    // A certain diagnosis: the generic likely causes ("the code expired") are left out, here and in --json,
    // which carries the facts as error.diagnosis.
    expect(r.stderr).not.toContain('Likely causes');
    const json = await wx(['exchange', code, '--json']);
    const error = (parseJson(json.stdout) as { error: Record<string, any> }).error;
    expect(error.diagnosis).toEqual({ kind: 'code_exchanged_by_wxauth', exchanged_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), appid: svc.appid, profile: 'default', openid: userOpenid('u1') });
    expect(error.explanation).toMatchObject({ code: 40163, causes: [], fixes: [] });
    expect(error.hint).toContain('wxauth itself exchanged this code');

    emu.configure({ reusedCodeErrcode: 40029 });
    const zh = await wx(['exchange', code, '--lang', 'zh']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toMatch(/errcode\s+40029/);
    expect(zh.stderr).toMatch(/→ wxauth 自己在 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d 已经用这个 code 换过 token（profile default，openid \S+）/);
    expect(zh.stderr).not.toContain('重新授权拿一个新的 code 并立即换取');
  });

  it('40029 on a code past its 5 minutes (emulator clock)', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    emu.advanceClock(301);
    const r = await wx(['exchange', code]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+40029/);
    expect(r.stderr).toContain('lives 5 minutes');
    expect(r.stderr).toContain(svc.appid);
  });

  it('40029 on a lower-cased code says codes are case-sensitive', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', code.toLowerCase()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+40029/);
    expect(r.stderr).toContain('all lower case');
    // The original is still unspent: the advice says to exchange it as the address bar shows it.
    expect(r.stderr).toContain('The original code was probably not spent');
    expect((await wx(['exchange', code])).code).toBe(0);
  });

  it('40125 on a wrong secret names the env var that supplied it', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', code], { WXAUTH_SECRET: '0'.repeat(32) });
    expect(r.code, r.stderr + r.stdout).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+40125/);
    expect(r.stderr).toContain('WXAUTH_');
    expect(r.stderr).toContain('AppSecret');
    expect(r.stderr).not.toContain('0'.repeat(32));
    // --json carries the same sentence about where the secret came from.
    const json = await wx(['exchange', '--json', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { WXAUTH_SECRET: '0'.repeat(32) });
    const doc = parseJson(json.stdout) as { error: { errcode: number; source?: string } };
    expect(doc.error.errcode).toBe(40125);
    expect(doc.error.source).toContain('came from the WXAUTH_SECRET environment variable');
    expect(json.stdout).not.toContain('0'.repeat(32));
  });

  it('a callback with state but no code is a refusal (exit 6); garbage is a usage error (exit 2)', async () => {
    const denied = await wx(['exchange', 'https://localhost/cb?state=abc']);
    expect(denied.code, denied.stderr + denied.stdout).toBe(6);
    expect(denied.stderr).toContain('refused');
    const nothing = await wx(['exchange', 'https://localhost/cb?foo=1']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('no code parameter');
  });

  it('a code pasted with quotes or split by a space is cleaned, and says so (not sent as-is for a 40029)', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const quoted = await wx(['exchange', `"${code}"`]);
    expect(quoted.code, quoted.stderr).toBe(0);
    expect(quoted.stderr).toContain('Removed the quotes or brackets around what was pasted');
    const code2 = emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' });
    const split = await wx(['exchange', `“${code2.slice(0, 10)} ${code2.slice(10)}”`]);
    expect(split.code, split.stderr).toBe(0);
    expect(split.stderr).toContain('Removed the quotes or brackets around what was pasted, and the whitespace inside the code');
    expect(snsCalls('/sns/oauth2/access_token').every((q) => q.errcode === undefined)).toBe(true);
  });

  it('a callback URL pasted with words around it is read alone: not a refusal (no code) nor another state (CSRF); listen --paste agrees', async () => {
    const cases = [
      (url: string) => `callback: ${url}`,
      (url: string) => `回调：${url}`,
      (url: string) => `URL=${url}`,
      (url: string) => `${url} 这是回调`,
      (url: string) => `${url},`,
      (url: string) => `"${url}" 谢谢`,
    ];
    for (const [i, wrap] of cases.entries()) {
      const code = emu.issueCode({ appid: svc.appid, user: i % 2 ? 'u1' : 'u2', scope: 'snsapi_base' });
      const r = await wx(['exchange', wrap(`http://localhost:8080/cb?code=${code}&state=st${i}`), '--state', `st${i}`]);
      expect(r.code, `${wrap('<url>')}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toContain('Read only the callback address in what was pasted; the words around it were left out.');
      expect(r.stderr).not.toMatch(/refused|forged|CSRF/);
    }
    // A log line's request: the address is the word with code= in it.
    const logged = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const log = await wx(['exchange', `127.0.0.1 - - "GET /cb?code=${logged}&state=lg HTTP/1.1" 200`, '--state', 'lg', '--lang', 'zh']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stderr).toContain('只读取了粘贴内容里的回调地址，前后的文字已忽略。');
    const pasted = await runCli(['listen', '--paste', '--state', 'p9'], { env: env(), input: `callback: http://localhost:8080/cb?code=${logged}&state=p9 这是回调\n` });
    expect(pasted.code, pasted.stderr).toBe(0);
    expect(pasted.stdout).toBe(`code   ${logged}\nstate  p9\n`);
  });

  // As listen --paste reads a paste (core/callback-url.ts pastedAddresses): a callback cut at `&` when
  // copied, then another address on a line of its own, was glued into `code=<cut>https://…`: refused as
  // "no code" with the whole callback right there. The later address is read alone; the cut code unsent.
  it('an address cut at & and a whole callback on the next line are not joined: the later one is read and named, the cut code left unused (en, zh)', async () => {
    const cut = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const next = emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' });
    const r = await wx(['exchange', `https://www.example.com/cb?code=${cut}\nhttps://www.example.com/login/cb?code=${next}&state=na1`, '--state', 'na1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^openid\\s+${userOpenid('u2')}$`, 'm'));
    expect(r.stderr).toContain('The argument holds more than one address: the first has a code but no state (cut at & when copied?)');
    expect(r.stderr).toContain('Read the later one (https://www.example.com/login/cb); the cut address’s code was not sent to WeChat and is still unused.');
    expect(r.stderr).not.toContain(cut);
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(1);
    // Two cut ones, then the whole one, in Chinese; then the first cut code, still good.
    const other = emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' });
    const last = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const zh = await wx(['--lang', 'zh', 'exchange', `https://www.example.com/cb?code=${other}\n https://www.example.com/cb?code=${cut}\nhttps://www.example.com/cb?code=${last}&state=na2`, '--state', 'na2']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('参数里不止一个地址：前 2 个都只有 code、没有 state');
    expect(zh.stderr).toContain('用的是最后一个地址（https://www.example.com/cb）；被截断的那些地址里的 code 都没有发给微信，仍可使用。');
    expect((await wx(['exchange', cut])).code).toBe(0);
    // One address wrapped over two lines is still one address, joined as before, and said as such.
    const wrapped = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const one = await wx(['exchange', `https://www.example.com/cb?code=${wrapped.slice(0, 16)}\n${wrapped.slice(16)}&state=na3`, '--state', 'na3']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).not.toContain('more than one address');
  });

  it('a callback URL split by a line break (wrapped when copied) is joined and said: the code whole, the state not a forgery', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', `http://localhost:8080/cb?code=${code.slice(0, 16)}\n${code.slice(16)}&state=wr\n1`, '--state', 'wr1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Joined the callback URL where a line break split it');
    expect(r.stderr).not.toMatch(/forged|CSRF|no code/);
    const zh = await wx(['--lang', 'zh', 'exchange', `http://localhost:8080/cb?code=${emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' })}&sta\nte=wr2`, '--state', 'wr2']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('去掉了回调地址中间的换行');
  });

  it('a callback URL with full-width ？＆＝ (a Chinese IME, a chat app) is read as inspect reads it, and said, en and zh', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', `http://localhost:8080/cb？code＝${code}＆state＝fw1`, '--state', 'fw1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Read the full-width punctuation (？＆＝＃) in the callback URL as ASCII');
    expect(r.stderr).not.toMatch(/no code/);
    const zh = await wx(['--lang', 'zh', 'exchange', `http://localhost:8080/cb？code＝${emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' })}＆state＝fw2`, '--state', 'fw2']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('回调地址里的全角标点（？＆＝＃）按半角的 ? & = # 读取');
  });

  it('a callback URL with ASCII ?= and a full-width ＆＝ after its state or its code is read whole, not refused as "no code", en and zh', async () => {
    // Before: 'This callback has state="fw3＆code＝…" and no code' (exit 6), and the code's first letters shown.
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', `http://localhost:8080/cb?state=fw3＆code＝${code}`, '--state', 'fw3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Read the full-width punctuation (？＆＝＃) in the callback URL as ASCII');
    expect(r.stderr).not.toMatch(/no code/);
    // Before: the code was `…＆state＝fw4`, refused as no code.
    const zh = await wx(['--lang', 'zh', 'exchange', `http://localhost:8080/cb?code=${emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' })}＆state＝fw4`, '--state', 'fw4']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('回调地址里的全角标点（？＆＝＃）按半角的 ? & = # 读取');
  });

  it('a bare query (no ？ or ?) with full-width ＆＝ is read as a callback and exchanged, en and zh', async () => {
    // Before: "This is not a code: code＝…" (exit 2), nothing sent.
    const r = await wx(['exchange', `code＝${emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })}＆state＝fw5`, '--state', 'fw5']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Read the full-width punctuation (？＆＝＃) in the callback URL as ASCII');
    // Before: the code sent was `…＆state＝fw6` (40029) and no state was compared.
    const zh = await wx(['--lang', 'zh', 'exchange', `code=${emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' })}＆state＝fw6`, '--state', 'fw6']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('回调地址里的全角标点（？＆＝＃）按半角的 ? & = # 读取');
  });

  it('a code that is no code is quoted back with its letters masked: half a code is still a secret', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', `http://localhost:8080/cb?code=${code.slice(0, 16)}{{${code.slice(16)}&state=x`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('What follows code= in this callback URL is no code');
    expect(r.stderr).not.toContain(code.slice(0, 16));
    expect(r.stderr).not.toContain(code.slice(16));
  });

  it('a callback whose redirect_uri kept an old code: the last code (WeChat\'s) is exchanged, and the old one named', async () => {
    const spent = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    expect((await wx(['exchange', spent])).code).toBe(0);
    const fresh = emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' });
    // What WeChat makes of redirect_uri http://localhost:8080/cb?code=<spent>: its own code and state appended.
    const r = await wx(['exchange', `http://localhost:8080/cb?code=${spent}&code=${fresh}&state=d1`, '--state', 'd1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('The callback carries 2 codes: the redirect_uri kept a previous code=. Exchanging the last one');
    const calls = snsCalls('/sns/oauth2/access_token');
    expect(calls[calls.length - 1]?.errcode).toBeUndefined();
    const pasted = await runCli(['listen', '--paste', '--state', 'd1'], { env: env(), input: `http://localhost:8080/cb?code=${spent}&code=${fresh}&state=d1\n` });
    expect(pasted.stdout).toBe(`code   ${fresh}\nstate  d1\n`);
  });

  it('words, or text no code could be, are refused as not a code (exit 2), not glued together and sent for a 40029', async () => {
    for (const [input, lang, said] of [
      ['not a code at all', 'en', 'This is not a code: not a code at all.'],
      ['你好', 'zh', '这不是 code：你好。'],
      ['code：041cQ8ll2nWy5c42enol2R2DZX2cQ8ly', 'en', 'Nothing was sent to WeChat.'],
      ['https://www.example.com/cb?code=你好&state=s', 'en', 'What follows code= in this callback URL is no code (a code is letters and digits)'],
      ['https://www.example.com/cb?code={{code}}&state=s', 'en', 'What follows code= in this callback URL is no code (a code is letters and digits)'],
    ] as const) {
      const r = await wx(['exchange', input, '--lang', lang]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(said);
      expect(r.stderr).not.toContain('Removed the whitespace');
    }
    // Quoted back without the secrets it carries: the AppSecret after a word, a code after a full-width colon.
    const secret = svc.secret;
    const withSecret = await wx(['exchange', `secret ${secret}`, '--json']);
    expect(withSecret.code).toBe(2);
    expect(withSecret.stdout + withSecret.stderr).not.toContain(secret);
    const withCode = await wx(['exchange', 'code：041cQ8ll2nWy5c42enol2R2DZX2cQ8ly']);
    expect(withCode.stderr).toContain('code：041c***');
    expect(withCode.stderr).not.toContain('041cQ8ll2nWy5c42enol2R2DZX2cQ8ly');
    // The part with a code's shape is pointed at by what comes before it; the AppSecret never is.
    expect(withCode.stderr).toContain('The part after “code：” has a code’s shape: pass that part alone');
    expect(withSecret.stdout).not.toContain('has a code’s shape');
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(0);
  });

  it('a value far longer than any code (a file pasted) is refused before anything is sent (exit 2), en and zh; listen --paste agrees; 128 characters are still tried', async () => {
    const long = 'a'.repeat(120_000);
    for (const [input, lang, said] of [
      [long, 'en', 'This is not a code: it is longer than 128 characters, and WeChat’s codes are 32 letters and digits. Nothing was sent to WeChat.'],
      [long, 'zh', '这不是 code：它超过了 128 个字符，而微信的 code 是 32 位字母和数字。没有发给微信。'],
      // A callback URL in quotes, as asked: its code is what is too long, not "pass the URL in quotes".
      [`https://www.example.com/cb?code=${'a'.repeat(129)}&state=abc`, 'en', 'The code in this callback URL is longer than 128 characters, and WeChat’s codes are 32 letters and digits: the URL is probably not a callback from WeChat, or it was cut or joined to other text when copied. Nothing was sent to WeChat.'],
      [`https://www.example.com/cb?code=${'a'.repeat(300)}&state=s`, 'zh', '这个回调地址里的 code 超过了 128 个字符，而微信的 code 是 32 位字母和数字：它多半不是微信跳转回来的地址，或者复制时被截断、和别的文字连在了一起。没有发给微信。'],
    ] as const) {
      const r = await wx(['exchange', input, '--lang', lang]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(said);
      expect(r.stderr).not.toMatch(/API base|HTTP 400/);
      expect(r.stderr).not.toContain('aaaaaaaaaaaa');
      if (input.includes('://')) expect(r.stderr).not.toMatch(/This is not a code|这不是 code|callback URL in quotes: wxauth exchange|用引号括起来粘贴/);
    }
    const pasted = await runCli(['listen', '--paste'], { env: env(), input: `https://www.example.com/cb?code=${'c'.repeat(1000)}&state=s\n` });
    expect(pasted.code, pasted.stderr).toBe(2);
    expect(pasted.stderr).toContain('The code in this callback URL is longer than 128 characters');
    const pastedAlone = await runCli(['listen', '--paste'], { env: env(), input: `${'c'.repeat(1000)}\n` });
    expect(pastedAlone.code, pastedAlone.stderr).toBe(2);
    expect(pastedAlone.stderr).toContain('This is not a code: it is longer than 128 characters');
    expect(pasted.stdout).toBe('');
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(0);
    // A mock's own shape up to the bound is still sent (WeChat, here the emulator, answers 40029).
    const edge = await wx(['exchange', 'd'.repeat(128)]);
    expect(edge.code, edge.stderr).toBe(3);
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(1);
  });

  it('the authorization URL pasted instead of its callback is named as such, not as a refusal (exit 2); listen --paste agrees', async () => {
    const authorizeUrl = `${emu.url}/connect/oauth2/authorize?appid=${svc.appid}&redirect_uri=https%3A%2F%2Flocalhost%2Fcb&response_type=code&scope=snsapi_base&state=s1#wechat_redirect`;
    for (const lang of ['en', 'zh']) {
      const r = await wx(['exchange', authorizeUrl, '--lang', lang]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(lang === 'en' ? 'This is the authorization URL, not the callback' : '这是授权链接，不是回调地址');
      expect(r.stderr).not.toMatch(/refused|拒绝/);
    }
    const pasted = await runCli(['listen', '--paste'], { env: env(), input: authorizeUrl + '\n' });
    expect(pasted.code).toBe(2);
    expect(pasted.stderr).toContain('This is the authorization URL, not the callback');
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(0);
  });

  it('--state with a bare code says a bare code carries no state (exit 2), the code unspent', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', code, '--state', 'foo']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a bare code carries none to check');
    expect(r.stderr).toContain('The code was not spent');
    expect(snsCalls('/sns/oauth2/access_token')).toHaveLength(0);
  });

  it('reads &amp; in a callback copied from HTML as &, and says so', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', `https://localhost/cb?code=${code}&amp;state=s1`, '--state', 's1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Read &amp; in the URL as &');
  });

  it('a state-only callback cut at "&" by the shell says so; listen --paste agrees (same words, exit 6)', async () => {
    const cut = 'https://localhost/cb?state=abc';
    const exchange = await wx(['exchange', cut]);
    const pasted = await runCli(['listen', '--paste', '--state', 'abc'], { env: env(), input: cut + '\n' });
    expect(exchange.code).toBe(6);
    expect(pasted.code).toBe(6);
    expect(exchange.stderr).toContain('cut at its first "&"');
    const line = (r: { stderr: string }) => r.stderr.split('\n').find((l) => l.includes('no code'));
    expect(line(pasted)).toBe(line(exchange));
    // With other parameters it is WeChat's refusal, and both still agree.
    const refused = 'https://localhost/cb?state=abc&connect_redirect=1';
    const a = await wx(['exchange', refused]);
    const b = await runCli(['listen', '--paste', '--state', 'abc'], { env: env(), input: refused + '\n' });
    expect([a.code, b.code]).toEqual([6, 6]);
    expect(a.stderr).toContain('The user refused authorization');
    expect(b.stderr).toContain('The user refused authorization');
  });

  it('names the host and the cause when WeChat cannot be reached (exit 5)', async () => {
    const closed = 'http://127.0.0.1:9';
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' });
    const r = await wx(['exchange', code], { WXAUTH_API_BASE: closed, WXAUTH_BACKUP_API_BASE: closed });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('127.0.0.1:9');
  });
});

describe('wxauth check', () => {
  it('valid: exit 0 with what wxauth knows locally', async () => {
    await seed('u1');
    const r = await wx(['check']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/valid; expires in 1h5\dm/);
    expect(r.stdout).toMatch(new RegExp(`^openid\\s+${userOpenid('u1')}$`, 'm'));
    // No access_token line: check shows the token's expiry, never the token.
    expect(r.stdout).not.toMatch(/^access_token(?! expires)/m);
    expect(r.stdout).toMatch(/^access_token expires\s/m);

    const json = await wx(['check', '--json']);
    const doc = parseJson(json.stdout);
    expect(doc).toMatchObject({ ok: true, valid: true, openid: userOpenid('u1'), source: 'cache', level: 'green' });
    expect(doc.remaining_seconds).toBeGreaterThan(7000);

    const raw = await wx(['check', '--raw']);
    expect(raw.stdout).toBe('{"errcode":0,"errmsg":"ok"}\n');
  });

  it('expired (emulator clock): exit 3 with 42001 and "refresh" as the next step', async () => {
    await seed('u1');
    emu.advanceClock(7201);
    const r = await wx(['check']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+42001/);
    expect(r.stderr).toContain('wxauth refresh');
  });

  it('expired for a cached user who is not the latest: the refresh step names that user, and following it works (en, zh)', async () => {
    const older = (await seed('u1')).entry;
    await seed('u2'); // now the latest user: a bare `wxauth refresh` would refresh u2
    emu.advanceClock(7201);
    const step = `wxauth refresh --openid ${older.openid}`;
    const byOpenid = await wx(['check', '--openid', older.openid]);
    expect(byOpenid.code).toBe(3);
    expect(byOpenid.stderr).toMatch(/errcode\s+42001/);
    expect(byOpenid.stderr).toContain(`refresh it with the cached refresh_token, ${step} (`);
    // The cached access_token of that user, given alone: the cache knows whose it is.
    const byToken = await wx(['check', older.accessToken]);
    expect(byToken.stderr).toContain(`${step} (`);
    const zh = await wx(['--lang', 'zh', 'userinfo', '--no-refresh', older.accessToken, older.openid]);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`用缓存的 refresh_token 刷新，${step}，或者去掉 --no-refresh`);
    // The latest user, picked by default: the bare command is the right one.
    const latest = await wx(['check']);
    expect(latest.stderr).toContain('refresh it with the cached refresh_token, wxauth refresh (');

    expect((await wx(['refresh', '--openid', older.openid])).code).toBe(0);
    expect((await wx(['check', '--openid', older.openid])).code).toBe(0);
  });

  it('40003 when the openid is not the token\'s; arguments override the cache', async () => {
    const seeded = await seed('u1');
    const r = await wx(['check', seeded.entry.accessToken, userOpenid('u2')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+40003/);
    expect(r.stderr).toContain('does not belong to this access_token');
  });

  it('40003 for a cached access_token given with another user\'s openid: the hint names the token\'s own user (en and zh)', async () => {
    const seeded = await seed('u1');
    await seed('u2');
    const owner = seeded.entry.openid;
    const r = await wx(['check', seeded.entry.accessToken, userOpenid('u2')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+40003/);
    expect(r.stderr).toContain(`the token cache holds it as the access_token of ${owner}`);
    expect(r.stderr).toContain(`wxauth check --openid ${owner}`);
    const zh = await wx(['--lang', 'zh', 'userinfo', seeded.entry.accessToken, userOpenid('u2')]);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`token 缓存里它是 ${owner} 的 access_token`);
    expect(zh.stderr).toContain(`wxauth userinfo --openid ${owner}`);
  });

  it('valid at WeChat although the cache says expired: exit 0, and says the clocks disagree', async () => {
    await seed('u1');
    const file = cacheFile();
    const key = Object.keys(file.profiles.default.users)[0] as string;
    file.profiles.default.users[key].accessTokenExpiresAt = Date.now() - 60_000;
    fs.writeFileSync(path.join(dir, 'tokens.json'), JSON.stringify(file));
    const r = await wx(['check']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('WeChat says valid');
    expect(r.stderr).toContain('clocks may disagree');
  });

  it('-v traces the request without the token or the secret', async () => {
    const seeded = await seed('u1');
    const r = await wx(['check', '-v']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('GET http://127.0.0.1');
    expect(r.stderr).toContain('/sns/auth?access_token=');
    expect(r.stderr).not.toContain(seeded.entry.accessToken);
    const ex = await wx(['exchange', emu.issueCode({ appid: svc.appid, user: 'u2', scope: 'snsapi_base' }), '-v']);
    expect(ex.stderr).toContain('/sns/oauth2/access_token?');
    expect(ex.stderr).not.toContain(svc.secret);
  });

  it('speaks Chinese with --lang zh', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_userinfo' });
    const r = await wx(['--lang', 'zh', 'exchange', code]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^access_token 过期\s+\S+ \S+（1小时59分后）$/m);
    expect(r.stderr).toContain('已用 code 换到用户 access_token');
  });

  it('40001 from /sns/auth: the explanation names /sns/auth, the call check made, not /sns/userinfo (en, zh)', async () => {
    await seed('u1');
    emu.addFault({ kind: 'errcode', errcode: 40001, path: '/sns/auth', count: 2 });
    const r = await wx(['check']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1. The token passed to /sns/auth is not a web-authorization token');
    expect(r.stderr).toContain('1. Call /sns/auth with the access_token and openid returned together by /sns/oauth2/access_token.');
    expect(r.stderr).not.toContain('/sns/userinfo');
    const zh = await wx(['--lang', 'zh', 'check']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain('1. 传给 /sns/auth 的不是网页授权 access_token');
    expect(zh.stderr).toContain('1. 调用 /sns/auth 要用 /sns/oauth2/access_token 返回的 access_token 和同一次返回的 openid。');
    expect(zh.stderr).not.toContain('/sns/userinfo');
  });

  it('an empty cache is a missing credential (exit 4, as token --show) that says how to get a token', async () => {
    const r = await wx(['check']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('wxauth login');
  });
});

describe('wxauth refresh', () => {
  // A refresh is sent no AppSecret: its 40001 names the appid + refresh_token pair, a step apart from
  // 40030's "unknown or past its 30 days" (it printed no step at all).
  it('40001 says what a refresh can have sent wrong, apart from 40030 (en, zh)', async () => {
    await seed('u1');
    emu.addFault({ kind: 'errcode', errcode: 40001, path: '/sns/oauth2/refresh_token', count: 2 });
    const r = await wx(['refresh']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`→ A refresh is sent no AppSecret and no access_token, only the appid (${svc.appid}) and the refresh_token`);
    expect(r.stderr).not.toContain('is unknown or past its 30 days');
    // The explanation above the step says the same: no fix of /sns/userinfo's or the basic token's (the
    // refresh it would advise is the call that just failed).
    expect(r.stderr).toContain('1. A refresh is sent no AppSecret and no access_token, only the appid and the refresh_token: this refresh_token was issued to another appid');
    expect(r.stderr).toContain('1. Refresh with the appid that issued this refresh_token');
    expect(r.stderr).not.toContain('Call /sns/userinfo');
    expect(r.stderr).not.toContain('use the refresh_token on /sns/oauth2/refresh_token');
    expect(r.stderr).not.toContain('stable_token');
    const zh = await wx(['refresh'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`→ 刷新不带 AppSecret 也不带 access_token，只带 appid（${svc.appid}）和 refresh_token`);
    expect(zh.stderr).toContain('1. 刷新不带 AppSecret 也不带 access_token，只带 appid 和 refresh_token：这个 refresh_token 是另一个 appid 签发的');
    expect(zh.stderr).toContain('1. 用签发这个 refresh_token 的 appid 去刷新');
    expect(zh.stderr).not.toContain('调用 /sns/userinfo');
    expect(zh.stderr).not.toContain('用 refresh_token 调 /sns/oauth2/refresh_token');
    expect(zh.stderr).not.toContain('stable_token');
    const dead = await wx(['refresh', 'NOTAREFRESHTOKEN']);
    expect(dead.code).toBe(3);
    expect(dead.stderr).toContain('→ The refresh_token is unknown or past its 30 days');
    expect(dead.stderr).not.toContain('A refresh is sent no AppSecret');
  });

  it('extends an unexpired token, replaces an expired one, and keeps the 30-day deadline', async () => {
    const first = (await seed('u1')).entry;
    const extended = await wx(['refresh', '--json']);
    expect(extended.code, extended.stderr).toBe(0);
    const a = parseJson(extended.stdout) as Record<string, any>;
    expect(a).toMatchObject({
      outcome: 'extended',
      access_token: first.accessToken,
      refresh_token_expires_at: new Date(first.refreshTokenExpiresAt as number).toISOString(),
    });

    emu.advanceClock(7201);
    const rotated = await wx(['refresh']);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stderr).toContain('Got a new access_token');
    expect(rotated.stdout).not.toContain(first.accessToken);
    const [entry] = cachedUsers();
    expect(entry?.accessToken).not.toBe(first.accessToken);
    expect(rotated.stdout).toContain(entry?.accessToken);
  });

  it('takes a refresh_token argument; 40030 for an unknown one says authorise again', async () => {
    const r = await wx(['refresh', '86_unknownRefreshToken']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+40030/);
    expect(r.stderr).toContain('wxauth login');
  });

  it('a refresh_token wxauth never saw (exchange --no-save): refreshed, saved, deadline unknown', async () => {
    const code = emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_userinfo' });
    const ex = await wx(['exchange', code, '--no-save', '--json']);
    expect(ex.code, ex.stderr).toBe(0);
    const doc = parseJson(ex.stdout) as Record<string, any>;
    expect(doc.saved).toBe(false);
    expect(ex.stderr).toContain('--no-save');
    expect(fs.existsSync(path.join(dir, 'tokens.json')) ? cachedUsers() : []).toEqual([]);

    const r = await wx(['refresh', doc.refresh_token]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('no cached token to tell whether it changed');
    expect(r.stdout).toMatch(/^refresh_token expires\s+unknown/m);
    expect(cachedUsers()).toHaveLength(1);
    expect(cachedUsers()[0]).toMatchObject({ openid: doc.openid, refreshToken: doc.refresh_token });
    expect(cachedUsers()[0]?.refreshTokenExpiresAt).toBeUndefined();
  });

  it('an older refresh_token of a user the cache holds from another authorisation: not "no cached token" (en, zh)', async () => {
    const old = (await seed('u1')).token.refreshToken!;
    const { openid } = (await seed('u1')).token;
    const r = await wx(['refresh', old]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no cached token');
    expect(r.stderr).toContain(`The cached token of ${openid} came from another authorisation (another refresh_token)`);
    await seed('u1');
    const zh = await wx(['--lang', 'zh', 'refresh', old]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).not.toContain('缓存里没有旧 token');
    expect(zh.stderr).toContain(`缓存里 ${openid} 的 token 来自另一次授权`);
  });

  it('an older refresh_token of a user whose later authorisation is cached: printed, not saved over it (en, zh, --json)', async () => {
    const old = (await seed('u1')).token.refreshToken!;
    const latest = (await seed('u1')).token;
    const before = cacheFile();
    const r = await wx(['refresh', old]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^access_token\s+86_/m);
    expect(r.stdout).toContain(old);
    expect(r.stderr).toContain(`Not saved to the token cache: it holds a snsapi_userinfo token of ${latest.openid} from another authorisation (likely a later one) whose refresh_token still works`);
    expect(r.stderr).toContain(`wxauth tokens clear ${latest.openid} --yes`);
    expect(r.stderr).not.toContain('Token cache updated');
    expect(cacheFile()).toEqual(before);
    expect(cachedUsers()[0]).toMatchObject({ refreshToken: latest.refreshToken });

    const zh = await wx(['--lang', 'zh', 'refresh', old]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain(`没有保存到 token 缓存：缓存里有 ${latest.openid} 另一次授权（很可能是更晚的一次）得到的 snsapi_userinfo token`);
    const json = await wx(['--json', 'refresh', old]);
    expect(parseJson(json.stdout)).toMatchObject({ refresh_token: old, saved: false, kept_cached_token: true });
    expect(cacheFile()).toEqual(before);
  });

  it('an older refresh_token over a cached one whose refresh_token wxauth holds for dead: saved in its place', async () => {
    const old = (await seed('u1')).token.refreshToken!;
    await seed('u1');
    const file = path.join(dir, 'tokens.json');
    const doc = cacheFile();
    for (const u of Object.values(doc.profiles.default.users) as Array<Record<string, any>>) u.refreshTokenExpiresAt = Date.now() - 1000;
    fs.writeFileSync(file, JSON.stringify(doc), { mode: 0o600 });
    const r = await wx(['refresh', old]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('Not saved');
    expect(r.stderr).toContain('Token cache updated');
    expect(cachedUsers()[0]).toMatchObject({ refreshToken: old });
  });

  it('42002 once the refresh_token is past 30 days (emulator clock)', async () => {
    await seed('u1');
    emu.advanceClock(30 * 86_400 + 60);
    const r = await wx(['refresh']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+42002/);
    expect(r.stderr).toContain('authorise again');
  });
});

describe('wxauth userinfo', () => {
  it('when its own refresh fails (42002 after 30 days), says userinfo got 42001 and tried a refresh, before the refresh error', async () => {
    await seed('u1');
    emu.advanceClock(30 * 86_400 + 60);
    const r = await wx(['userinfo']);
    expect(r.code).toBe(3);
    const said = r.stderr.indexOf('/sns/userinfo answered 42001 (access_token expired or replaced), so wxauth tried the refresh_token, and that failed:');
    expect(said).toBeGreaterThanOrEqual(0);
    expect(r.stderr.indexOf('42002')).toBeGreaterThan(said);
  });

  it('prints the profile and explains the empty sex/province/city/country', async () => {
    await seed('u1');
    const r = await wx(['userinfo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^nickname\s+张三$/m);
    expect(r.stdout).toMatch(/^headimgurl\s+https:\/\/thirdwx\.qlogo\.cn\/\S+\/132$/m);
    expect(r.stdout).toMatch(/^privilege\s+\[\]$/m);
    expect(r.stdout).toMatch(/^unionid\s+o\S+$/m);
    expect(r.stdout).toMatch(/^province\s+""$/m);
    expect(r.stderr).toContain('2021-10-20');

    const json = await wx(['userinfo', '--lang', 'en', '--json']);
    const doc = parseJson(json.stdout) as Record<string, any>;
    expect(doc.userinfo).toMatchObject({ openid: userOpenid('u1'), nickname: '张三', sex: 0, privilege: [] });
    expect(doc.notes).toEqual(['profile_fields_removed']);
    expect(doc.refreshed).toBeNull();

    // --raw: WeChat escapes forward slashes; the body comes through untouched.
    const raw = await wx(['userinfo', '--raw']);
    expect(raw.stdout).toContain('https:\\/\\/thirdwx.qlogo.cn');
  });

  it('48001 on a snsapi_base token shows the wxauth url --scope snsapi_userinfo to run', async () => {
    await seed('u2', 'snsapi_base');
    const r = await wx(['userinfo']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+48001/);
    expect(r.stderr).toContain('wxauth url --scope snsapi_userinfo');
    // wxauth knows the token is snsapi_base: the generic causes (snapshot page, missing rights) are left out.
    expect(r.stderr).not.toContain('Likely causes');
    const json = await wx(['userinfo', '--json']);
    expect((parseJson(json.stdout) as { error: { diagnosis: unknown } }).error.diagnosis).toMatchObject({ kind: 'base_scope_token' });
    const staging = await wx(['userinfo', '--profile', 'staging']);
    expect(staging.code).toBe(4);
    expect(staging.stderr).toContain('--profile staging');
  });

  it('42001 from WeChat: refreshes once with the cached refresh_token, says so, retries and saves', async () => {
    const first = (await seed('u1')).entry;
    emu.advanceClock(7201);
    const r = await wx(['userinfo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('/sns/userinfo answered 42001');
    expect(r.stderr).toContain('refreshed it once');
    expect(r.stdout).toMatch(/^nickname\s+张三$/m);
    const paths = emu.requests().map((q) => q.path).filter((p) => p.startsWith('/sns/') && p !== '/sns/oauth2/access_token');
    expect(paths).toEqual(['/sns/userinfo', '/sns/oauth2/refresh_token', '/sns/userinfo']);
    expect(cachedUsers()[0]?.accessToken).not.toBe(first.accessToken);
  });

  it('40001 again after its own refresh: says refreshing did not help, not "refresh it" once more', async () => {
    await seed('u1');
    emu.addFault({ kind: 'errcode', errcode: 40001, path: '/sns/userinfo', count: 2 });
    const r = await wx(['userinfo']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('refreshed it once');
    expect(r.stderr).toContain('Refreshing did not help: the access_token just obtained with the refresh_token was refused too');
    expect(r.stderr).not.toContain('refresh it with the cached refresh_token');
    expect(snsCalls('/sns/oauth2/refresh_token')).toHaveLength(1);
  });

  it('--no-refresh leaves an expired token alone and points at wxauth refresh', async () => {
    await seed('u1');
    emu.advanceClock(7201);
    const r = await wx(['userinfo', '--no-refresh']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/errcode\s+42001/);
    expect(r.stderr).toContain('wxauth refresh');
    // Not "userinfo refreshes once by itself": --no-refresh was what stopped it.
    expect(r.stderr).not.toContain('(wxauth userinfo refreshes once by itself)');
    expect(r.stderr).toContain('--no-refresh kept wxauth userinfo from refreshing it');
    expect(r.stderr).toContain('run it again without --no-refresh');
    const zh = await wx(['--lang', 'zh', 'userinfo', '--no-refresh']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain('去掉 --no-refresh 再运行一次');
    expect(zh.stderr).not.toContain('wxauth userinfo 会自动刷新一次');
    expect(snsCalls('/sns/oauth2/refresh_token')).toHaveLength(0);
  });

  it('a token the cache knows has expired is refreshed before asking', async () => {
    await seed('u1');
    // Let wxauth's own clock see the token as expired: move its deadline into the past.
    const file = cacheFile();
    const key = Object.keys(file.profiles.default.users)[0] as string;
    file.profiles.default.users[key].accessTokenExpiresAt = Date.now() - 10 * 60_000;
    fs.writeFileSync(path.join(dir, 'tokens.json'), JSON.stringify(file));
    const r = await wx(['userinfo', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/expired 10m\d*s? ago/);
    expect(parseJson(r.stdout).refreshed).toMatchObject({ reason: 'local', outcome: 'extended' });
    const paths = emu.requests().map((q) => q.path).filter((p) => p.startsWith('/sns/') && p !== '/sns/oauth2/access_token');
    expect(paths).toEqual(['/sns/oauth2/refresh_token', '/sns/userinfo']);
    expect(cachedUsers()[0]?.accessTokenExpiresAt).toBeGreaterThan(Date.now() + 7000_000);
  });

  it('rejects a --lang WeChat does not know', async () => {
    const r = await wx(['userinfo', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('zh_CN');
  });
});

// The token cache keeps one token per user: an exchange of a snsapi_base code for a user whose cached
// token is a still-valid snsapi_userinfo one replaces it, and says so (userinfo then needs a new
// snsapi_userinfo authorization), instead of leaving `wxauth userinfo` to fail with 48001 unexplained.
describe('exchange over a cached snsapi_userinfo token', () => {
  it('a snsapi_base exchange says it replaced the still-valid userinfo token, in en, zh and --json', async () => {
    const dir = tempConfigDir();
    const env = (extra: Record<string, string> = {}) => emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir, ...extra });
    await seedUserToken(emu, dir, svc, 'u1');
    const r = await runCli(['exchange', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/This user’s cached snsapi_userinfo token \(expires [\d-]+ [\d:]+ \(in 1h59m\)\) was replaced by this snsapi_base one/);
    expect(r.stderr).toContain('wxauth login --scope snsapi_userinfo');

    await seedUserToken(emu, dir, svc, 'u1');
    const zh = await runCli(['exchange', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { env: env({ LANG: 'zh_CN.UTF-8' }) });
    expect(zh.stderr).toContain('已被这个 snsapi_base token 替换');

    await seedUserToken(emu, dir, svc, 'u1');
    const json = await runCli(['exchange', '--json', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { env: env() });
    expect(parseJson(json.stdout)).toMatchObject({ scope: 'snsapi_base', replaced_userinfo_token: true });
  });

  it('says nothing when the cached token was a base one, or another user’s', async () => {
    const dir = tempConfigDir();
    const env = emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir });
    await seedUserToken(emu, dir, svc, 'u1', { scope: 'snsapi_base' });
    await seedUserToken(emu, dir, svc, 'u2');
    const r = await runCli(['exchange', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('was replaced');
  });

  // The emulator answers only WeChat's scopes: a plain server answers this user's openid with a scope none
  // of WeChat's (as terminal-safety.test.ts does). Whether that token is narrower cannot be told, so it is
  // said as unexpected, not as a snsapi_base token that replaced the userinfo one.
  it('says nothing of a replaced userinfo token when the new scope is none of WeChat\'s (en, zh, --json)', async () => {
    const cfg = tempConfigDir();
    await seedUserToken(emu, cfg, svc, 'u1');
    const openid = userOpenid('u1');
    const server = http.createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ access_token: 'ACCESSTOKEN1234', expires_in: 7200, refresh_token: 'REFRESH1234', openid, scope: 'snsapi_unknown' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fake = (extra: Record<string, string> = {}) => ({ env: emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: cfg, WXAUTH_API_BASE: base, WXAUTH_OPEN_BASE: base, WXAUTH_BACKUP_API_BASE: base, ...extra }) });
    try {
      const r = await runCli(['exchange', 'CODE1'], fake());
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("The scope answered, 'snsapi_unknown', is none of");
      expect(r.stderr).not.toContain('was replaced');
      await seedUserToken(emu, cfg, svc, 'u1');
      const zh = await runCli(['exchange', 'CODE2'], fake({ LANG: 'zh_CN.UTF-8' }));
      expect(zh.code, zh.stderr).toBe(0);
      expect(zh.stderr).not.toContain('替换');
      await seedUserToken(emu, cfg, svc, 'u1');
      const json = await runCli(['exchange', '--json', 'CODE3'], fake());
      expect(parseJson(json.stdout)).toMatchObject({ scope: 'snsapi_unknown', replaced_userinfo_token: false });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('refresh of an older refresh_token over a cached snsapi_userinfo token', () => {
  it('keeps the cached userinfo token and says so; userinfo still works (en, zh, --json)', async () => {
    // The user first allowed snsapi_base, then snsapi_userinfo; the base grant's refresh_token is pasted.
    const base = (await seed('u1', 'snsapi_base')).token.refreshToken!;
    const { openid } = (await seed('u1')).token;
    const before = cacheFile();
    const r = await wx(['refresh', base]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('snsapi_base');
    expect(r.stderr).toContain(`Not saved to the token cache: it holds a snsapi_userinfo token of ${openid} from another authorisation`);
    expect(r.stderr).not.toContain('Token cache updated');
    expect(cacheFile()).toEqual(before);
    expect((await wx(['userinfo', '--no-refresh'])).code).toBe(0);

    const zh = await wx(['--lang', 'zh', 'refresh', base]);
    expect(zh.stderr).toContain('没有保存到 token 缓存：缓存里有');
    const json = await wx(['--json', 'refresh', base]);
    expect(parseJson(json.stdout)).toMatchObject({ scope: 'snsapi_base', saved: false, kept_cached_token: true });
    expect(cacheFile()).toEqual(before);
  });
});

describe('a refresh whose tokens the cache refuses (read-only tokens.json)', () => {
  it('refresh stops before the refresh is sent (exit 4), as exchange does before a code is spent: the file and the cached tokens as they were (en, zh, --json)', async () => {
    const { token } = await seed('u1');
    const file = path.join(dir, 'tokens.json');
    fs.chmodSync(file, 0o400);
    const before = fs.readFileSync(file, 'utf8');
    emu.advanceClock(7300); // the access_token has expired at WeChat's end: a refresh would replace it
    const refreshes = () => emu.requests().filter((q) => q.path === '/sns/oauth2/refresh_token').length;
    const r = await wx(['refresh']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('read-only');
    expect(r.stderr).toContain(`The file is kept as it is, and no refresh was sent: the cached tokens are as they were. To let wxauth save the refreshed tokens, run chmod 600 ${file}, then wxauth refresh again. To keep it read-only, add --no-save (wxauth refresh --no-save)`);
    expect(r.stderr).not.toContain('NOT saved');
    const zh = await wx(['--lang', 'zh', 'refresh', token.refreshToken!]);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`文件保持原样，也还没有向微信发送刷新请求，缓存里的 token 没有变化。要让 wxauth 保存刷新后的 token，运行 chmod 600 ${file}`);
    expect(zh.stderr).toContain('想让它保持只读，就加上 --no-save（wxauth refresh --no-save）');
    const json = await wx(['--json', 'refresh']);
    expect(json.code).toBe(4);
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'config', hint: expect.stringContaining('no refresh was sent') } });
    expect(refreshes()).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    // The advice works: writable again, the same refresh_token refreshes and is saved.
    fs.chmodSync(file, 0o600);
    const again = await wx(['refresh']);
    expect(again.code, again.stderr).toBe(0);
    expect(refreshes()).toBe(1);
  });

  it('refresh --no-save, the other way out the refusal names: the cache kept read-only on purpose, the refreshed tokens printed and not written (en, zh, --json)', async () => {
    const { token } = await seed('u1');
    const file = path.join(dir, 'tokens.json');
    fs.chmodSync(file, 0o400);
    const before = fs.readFileSync(file, 'utf8');
    emu.advanceClock(7300); // expired at WeChat's end: the refresh answers a new access_token
    const refreshes = () => emu.requests().filter((q) => q.path === '/sns/oauth2/refresh_token').length;
    const r = await wx(['refresh', '--no-save']);
    expect(r.code, r.stderr).toBe(0);
    const printed = /^access_token\s+(\S+)$/m.exec(r.stdout)?.[1];
    expect(printed).toMatch(/^86_/);
    expect(printed).not.toBe(token.accessToken);
    expect(r.stderr).toContain('--no-save: the refreshed tokens are printed above only, not written to the token cache (profile default), which keeps the tokens it had.');
    expect(r.stderr).not.toContain('read-only');
    expect(r.stderr).not.toContain('Token cache updated');
    expect(refreshes()).toBe(1);
    const zh = await wx(['--lang', 'zh', 'refresh', '--no-save', token.refreshToken!]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('--no-save：刷新后的 token 只打印在上面，没有写入缓存（profile default），缓存里仍是原来的 token。');
    const json = await wx(['--json', 'refresh', '--no-save']);
    expect(json.code, json.stderr).toBe(0);
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, saved: false, openid: token.openid });
    expect(refreshes()).toBe(3);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
  });

  // A writable cache (not the read-only one above, where a write would fail and show nothing): the cached
  // access_token expired by wxauth's own clock and WeChat's, which a plain refresh would replace.
  it('refresh --no-save with the cached access_token expired: the token cache is not changed at all (bytes, mtime), and the next plain refresh still replaces the expired token', async () => {
    const { token } = await seed('u1');
    const file = path.join(dir, 'tokens.json');
    const cache = cacheFile();
    const key = Object.keys(cache.profiles.default.users)[0]!;
    cache.profiles.default.users[key].accessTokenExpiresAt = Date.now() - 60_000;
    fs.writeFileSync(file, JSON.stringify(cache, null, 2), { mode: 0o600 });
    const past = new Date(Date.now() - 3_600_000);
    fs.utimesSync(file, past, past);
    const before = fs.readFileSync(file, 'utf8');
    const mtime = fs.statSync(file).mtimeMs;
    // Every file of the config folder, as it is: nothing else is written in the cache's place either.
    const folder = () => fs.readdirSync(dir, { recursive: true }).map(String).sort().map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]);
    const files = folder();
    emu.advanceClock(7300);
    for (const args of [['refresh', '--no-save'], ['refresh', '--no-save', token.refreshToken!], ['--json', 'refresh', '--no-save']]) {
      const r = await wx(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(fs.readFileSync(file, 'utf8'), args.join(' ')).toBe(before);
      expect(fs.statSync(file).mtimeMs, args.join(' ')).toBe(mtime);
      expect(folder(), args.join(' ')).toEqual(files);
    }
    const saved = await wx(['refresh']);
    expect(saved.code, saved.stderr).toBe(0);
    expect(cachedUsers()[0]?.accessToken).not.toBe(token.accessToken);
  });

  it('refresh --no-save with the refresh_token given: a token cache that is not JSON does not stop it, and is left byte for byte; without --no-save it still stops before sending (en, zh, --json)', async () => {
    const { token } = await seed('u1');
    const file = path.join(dir, 'tokens.json');
    fs.writeFileSync(file, '{"profiles": {', { mode: 0o600 });
    const refreshes = () => emu.requests().filter((q) => q.path === '/sns/oauth2/refresh_token').length;
    const r = await wx(['refresh', '--no-save', token.refreshToken!]);
    expect(r.code, r.stderr).toBe(0);
    expect(/^access_token\s+(\S+)$/m.exec(r.stdout)?.[1]).toMatch(/^86_/);
    expect(r.stderr).toContain(`${file} is not valid JSON`);
    expect(r.stderr).toContain('With --no-save and the refresh_token given, the token cache is not needed: refreshing without it, the file left as it is.');
    const zh = await wx(['--lang', 'zh', 'refresh', '--no-save', token.refreshToken!]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('有 --no-save 且给出了 refresh_token，用不到 token 缓存：不经缓存照常刷新，文件保持原样。');
    const json = await wx(['--json', 'refresh', '--no-save', token.refreshToken!]);
    expect(json.code, json.stderr).toBe(0);
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, saved: false, openid: token.openid });
    expect(refreshes()).toBe(3);
    // The refreshed tokens would have to be saved: refused before anything is sent, as before.
    const saving = await wx(['refresh', token.refreshToken!]);
    expect(saving.code).toBe(4);
    expect(saving.stderr).toContain(`${file} is not valid JSON`);
    // No refresh_token given: the cache is where it is, so its fault is the error.
    expect((await wx(['refresh', '--no-save'])).code).toBe(4);
    expect(refreshes()).toBe(3);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"profiles": {');
  });

  it('a cache that turns read-only while WeChat answers: refresh prints the new tokens, then says they were not saved (exit 4)', async () => {
    await seed('u1');
    const file = path.join(dir, 'tokens.json');
    const inode = fs.statSync(file).ino;
    emu.advanceClock(7300);
    emu.addFault({ kind: 'delay', ms: 2000, path: '/sns/oauth2/refresh_token', count: 1 });
    const started = Date.now();
    const run = wx(['refresh']);
    // Right after the check before sending (it rewrites the file, so its inode changes), or after 1 s.
    while (fs.statSync(file).ino === inode && Date.now() - started < 1000) await new Promise((res) => setTimeout(res, 10));
    fs.chmodSync(file, 0o400);
    const r = await run;
    expect(r.code).toBe(4);
    expect(/^access_token\s+(\S+)$/m.exec(r.stdout)?.[1]).toMatch(/^86_/);
    expect(r.stderr).toContain('The tokens above were NOT saved to the token cache');
    expect(r.stderr).toContain('read-only');
  });

  it('userinfo still answers after its automatic refresh, and warns that the new token was not saved', async () => {
    await seed('u1');
    fs.chmodSync(path.join(dir, 'tokens.json'), 0o400);
    emu.advanceClock(7300);
    const r = await wx(['userinfo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/nickname\s+张三/);
    expect(r.stderr).toContain('The refreshed access_token was not saved to the token cache');
    const json = await wx(['--json', 'userinfo']);
    expect(parseJson(json.stdout)).toMatchObject({ refreshed: { saved: false } });
  });
});

describe('wxauth tokens: an empty cache', () => {
  it('says how to get a token, in both languages', async () => {
    const en = await wx(['tokens']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('The token cache of profile default is empty. Get a token with wxauth login');
    // Not 换一个 ("switch to another one"): there is none to switch from.
    const zh = await wx(['tokens', '--lang', 'zh']);
    expect(zh.stderr).toContain('profile default 的 token 缓存是空的。先获取一个：wxauth login');
  });
});

describe('wxauth tokens: mistakes', () => {
  it('a mistyped action names the one meant (exit 2); clearing an openid not cached is exit 4, as show is, naming a close one', async () => {
    const lst = await wx(['tokens', 'clean', '--lang', 'zh']);
    expect(lst.code).toBe(2);
    expect(lst.stderr).toContain('是不是想用 wxauth tokens clear？');
    const far = await wx(['tokens', 'frobnicate']);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('Usage: wxauth tokens [list | show [openid] | clear [openid]]');
    expect(far.stderr).not.toContain('Did you mean');
    const { openid } = (await seed('u1')).token;
    const none = await wx(['tokens', 'clear', 'oNotCached', '--yes']);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('The token cache of profile default has no openid oNotCached.');
    expect(none.stderr).toContain('Nothing was removed. wxauth tokens lists the cached users.');
    expect(none.stderr).not.toContain('Get a token first');
    // An openid cut short when copying: the cached one is named, and it is still cached.
    const short = await wx(['tokens', 'clear', openid.slice(0, -1), '--yes', '--lang', 'zh']);
    expect(short.code).toBe(4);
    expect(short.stderr).toContain(`缓存里有一个很接近的 openid：${openid}`);
    expect(cachedUsers()).toHaveLength(1);
  });
});

describe('check / userinfo arguments typed the other way round', () => {
  it('an openid first and a token second is a usage error saying so, before anything is sent', async () => {
    const { accessToken, openid } = (await seed('u1')).token;
    const before = snsCalls('/sns/auth').length;
    const swapped = await wx(['check', openid, accessToken]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('The arguments are the wrong way round');
    expect(swapped.stderr).toContain('Usage: wxauth check <access_token> <openid>');
    expect(snsCalls('/sns/auth').length).toBe(before);
    const alone = await wx(['userinfo', openid]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain(`wxauth userinfo --openid ${openid}`);
    // The right order still works.
    expect((await wx(['check', accessToken, openid])).code).toBe(0);
    // An openid cut short: the cached one is named.
    expect((await wx(['userinfo', '--openid', openid.slice(0, -1)])).stderr).toContain(`The cache has a close one: ${openid}`);
  });
});

// `tokens show` without an openid was a usage error even with exactly one user cached. As gh and kubectl
// do with a single candidate: that user is shown and named; with several the refusal names them.
describe('tokens show without an openid', () => {
  it('shows the only cached user, saying which (en, zh, --json); tokens stay masked', async () => {
    const { token } = await seed('u1');
    const r = await wx(['tokens', 'show']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^openid\\s+${token.openid}$`, 'm'));
    expect(r.stdout).not.toContain(token.accessToken);
    expect(r.stderr).toContain(`No openid given: showing ${token.openid}, the only user cached for profile default (with more cached, name one: wxauth tokens show OPENID).`);
    const zh = await wx(['--lang', 'zh', 'tokens', 'show']);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain(`没有指定 openid：显示 profile default 缓存里唯一的用户 ${token.openid}`);
    const json = await wx(['tokens', 'show', '--json']);
    expect(parseJson(json.stdout)).toMatchObject({ profile: 'default', picked_only_user: true, user: { openid: token.openid } });
    const named = await wx(['tokens', 'show', token.openid, '--json']);
    expect(parseJson(named.stdout)).toMatchObject({ picked_only_user: false });
  });

  it('with several users cached refuses (exit 2) and names them, latest first; with none, no cached token (exit 4)', async () => {
    const empty = await wx(['tokens', 'show']);
    expect(empty.code).toBe(4);
    const first = (await seed('u1')).token.openid;
    const second = (await seed('u2')).token.openid;
    const r = await wx(['tokens', 'show']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tokens show needs an openid: 2 users are cached for profile default.');
    // Two seeded in the same millisecond may list either way: the example is the one listed first.
    const named = /Name one of them \(latest first\): (\S+), (\S+), e\.g\. wxauth tokens show (\S+);/.exec(r.stderr);
    expect(new Set([named?.[1], named?.[2]])).toEqual(new Set([first, second]));
    expect(named?.[3]).toBe(named?.[1]);
    const zh = await wx(['--lang', 'zh', 'tokens', 'show']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('tokens show 需要一个 openid：profile default 缓存了 2 个用户。');
  });

  it('with more than five users cached, the refusal names the latest five and says there are more (en and zh)', async () => {
    // Entries written as exchange would leave them: the refusal reads only the cache, no call to WeChat.
    const store = TokenStore.open(dir);
    const t0 = Date.now();
    const openids = Array.from({ length: 7 }, (_, i) => `oTEST${String(i).padStart(23, '0')}`);
    openids.forEach((openid, i) =>
      store.putUser('default', { appid: svc.appid, openid, scope: 'snsapi_base', accessToken: `at${i}`, accessTokenExpiresAt: t0 + 7_200_000, obtainedAt: t0 + i }),
    );
    const r = await wx(['tokens', 'show']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tokens show needs an openid: 7 users are cached for profile default.');
    expect(r.stderr).toContain(`Name one of them (the latest 5 of 7): ${openids.slice(2).reverse().join(', ')}, e.g. wxauth tokens show ${openids[6]};`);
    const zh = await wx(['--lang', 'zh', 'tokens', 'show']);
    expect(zh.stderr).toContain(`指定其中一个（7 个里最近的 5 个）：${openids.slice(2).reverse().join('、')}`);
  });
});

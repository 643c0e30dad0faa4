// The token cache through the CLI: `wxauth tokens list | show | clear`, two concurrent exchanges
// into one cache, and a cache file that does not parse (reported, exit 4, left byte-for-byte).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle, type PublicApp } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';
import { seedUserToken, type SeedOptions } from './seed-tokens.js';

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

const env = (extra: Record<string, string> = {}) => emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir, ...extra });

const wx = (args: string[], extra: Record<string, string> = {}) => runCli(args, { env: env(extra) });

function openidOf(userId: string): string {
  const openid = emu.users.find((u) => u.id === userId)?.openids[svc.appid];
  if (!openid) throw new Error(`no openid for ${userId}`);
  return openid;
}

const code = (user: string, scope: 'snsapi_base' | 'snsapi_userinfo' = 'snsapi_userinfo') => emu.issueCode({ appid: svc.appid, user, scope });

/** A cached token of `user`, put in the store directly: these tests are about the cache, not exchange. */
const seed = (user: string, options: SeedOptions = {}) => seedUserToken(emu, dir, svc, user, options);

describe('wxauth tokens', () => {
  it('lists the cached users with remaining life, never the tokens', async () => {
    const tokenA = (await seed('u1')).entry.accessToken;
    // Listed most recent first: make sure the second one is obtained later.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await seed('u2', { scope: 'snsapi_base' });

    const r = await wx(['tokens']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^openid\s+scope\s+unionid\s+access_token expires\s+refresh_token expires\s+obtained$/);
    // Most recent first.
    expect(lines[1]).toMatch(new RegExp(`^${openidOf('u2')}\\s+snsapi_base\\s+-\\s+in 1h59m\\s+in 29d23h\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$`));
    expect(lines[2]).toMatch(new RegExp(`^${openidOf('u1')}\\s+snsapi_userinfo\\s+o\\S+\\s+in 1h59m`));
    expect(r.stdout + r.stderr).not.toContain(tokenA);

    const json = await wx(['tokens', 'list', '--json']);
    const doc = parseJson(json.stdout) as { users: Array<Record<string, unknown>> };
    expect(doc.users).toHaveLength(2);
    expect(doc.users[1]).toMatchObject({ openid: openidOf('u1'), access_token_level: 'green', refresh_token_level: 'green' });
    expect(doc.users[1]?.access_token).toBe(`${tokenA.slice(0, 4)}…${tokenA.slice(-4)}`);
  });

  it('show masks the tokens unless --show-secrets; levels turn red once expired', async () => {
    const token = (await seed('u1')).entry.accessToken;
    const shown = await wx(['tokens', 'show', openidOf('u1')]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^access_token\s+\d\d_\S…\S{4}$/m);
    expect(shown.stdout).not.toContain(token);
    expect(shown.stderr).toContain('--show-secrets');
    const revealed = await wx(['tokens', 'show', openidOf('u1'), '--show-secrets']);
    expect(revealed.stdout).toMatch(new RegExp(`^access_token\\s+${token}$`, 'm'));

    // wxauth's own clock decides the colour: move the deadline into the past.
    const file = path.join(dir, 'tokens.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const u of Object.values<Record<string, number>>(data.profiles.default.users)) u.accessTokenExpiresAt = Date.now() - 60_000;
    fs.writeFileSync(file, JSON.stringify(data));
    const list = await wx(['tokens', '--json']);
    expect((parseJson(list.stdout) as { users: Array<Record<string, unknown>> }).users[0]).toMatchObject({ access_token_level: 'red' });
    const human = await wx(['tokens']);
    expect(human.stdout).toMatch(/expired \(1m\d*s? ago\)/);

    const missing = await wx(['tokens', 'show', 'oNobody']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('oNobody');
    // One character cut off when copying: the cached openid is named.
    const cut = await wx(['tokens', 'show', openidOf('u1').slice(0, -1)]);
    expect(cut.code).toBe(4);
    expect(cut.stderr).toContain(`The cache has a close one: ${openidOf('u1')}`);
    // Cached, but under another profile: that profile is named, with the command that shows it.
    const staging = await wx(['exchange', code('u3')], { WXAUTH_PROFILE: 'staging' });
    expect(staging.code, staging.stderr).toBe(0);
    const other = await wx(['tokens', 'show', openidOf('u3')]);
    expect(other.code).toBe(4);
    expect(other.stderr).toContain(`It is cached for profile staging: wxauth --profile staging tokens show ${openidOf('u3')}.`);
  });

  it('clear asks for --yes without a terminal, then removes one user or all', async () => {
    await seed('u1');
    await seed('u2');
    const refused = await wx(['tokens', 'clear']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');

    const one = await wx(['tokens', 'clear', openidOf('u1'), '--yes', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(parseJson(one.stdout)).toMatchObject({ removed: 1, openid: openidOf('u1') });
    const left = parseJson((await wx(['tokens', '--json'])).stdout) as { users: Array<{ openid: string }> };
    expect(left.users.map((u) => u.openid)).toEqual([openidOf('u2')]);

    const all = await wx(['tokens', 'clear', '-y']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toContain('Removed the tokens of 1 user');
    const empty = await wx(['tokens']);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('is empty');
  });

  it('keeps profiles apart', async () => {
    await seed('u1', { profile: 'staging' });
    expect((parseJson((await wx(['tokens', '--json'])).stdout) as { users: unknown[] }).users).toHaveLength(0);
    expect((parseJson((await wx(['tokens', '--json', '--profile', 'staging'])).stdout) as { users: unknown[] }).users).toHaveLength(1);
  });

  it('rejects an unknown action', async () => {
    const r = await wx(['tokens', 'purge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('list | show [openid] | clear [openid]');
  });
});

describe('the token cache file', () => {
  it('two exchange processes at once keep both entries', async () => {
    const users = ['u1', 'u2', 'u3'];
    const results = await Promise.all(users.map((u) => wx(['exchange', code(u), '--json'])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const doc = parseJson((await wx(['tokens', '--json'])).stdout) as { users: Array<{ openid: string }> };
    expect(doc.users.map((u) => u.openid).sort()).toEqual(users.map(openidOf).sort());
  });

  it('a cache that does not parse is reported (exit 4), left byte-for-byte, and the code is not spent', async () => {
    const file = path.join(dir, 'tokens.json');
    const broken = '{"profiles": {"default": {"users": {\n  oops\n';
    fs.writeFileSync(file, broken, { mode: 0o600 });
    const c = code('u1');
    const r = await wx(['exchange', c]);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
    expect(emu.requests().filter((q) => q.path === '/sns/oauth2/access_token')).toHaveLength(0);

    for (const args of [['tokens'], ['check'], ['tokens', 'clear', '--yes']]) {
      const other = await wx(args);
      expect(other.code, args.join(' ')).toBe(4);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
  });

  // An older wxauth cached whatever expires_in a server sent: 1e300 s became a deadline of 1e303 ms,
  // which no Date holds, and every later tokens / tokens show / check ended in exit 70 "Invalid time value".
  it('a deadline no date can hold is reported as a cache of the wrong shape (exit 4, en and zh), not an internal error', async () => {
    await seedUserToken(emu, dir, svc, 'u1');
    const file = path.join(dir, 'tokens.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { profiles: Record<string, { users: Record<string, { accessTokenExpiresAt: number }> }> };
    const key = Object.keys(data.profiles.default!.users)[0]!;
    data.profiles.default!.users[key]!.accessTokenExpiresAt = 1e303;
    const poisoned = JSON.stringify(data);
    fs.writeFileSync(file, poisoned, { mode: 0o600 });

    for (const args of [['tokens'], ['tokens', 'show', openidOf('u1')], ['check']]) {
      const r = await wx(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(4);
      expect(r.stderr).toContain('accessTokenExpiresAt it expects a time (ms since 1970, within what a date can hold), found number 1e+303');
      expect(r.stderr).not.toContain('internal error');
    }
    const zh = await wx(['--lang', 'zh', 'tokens']);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('不是 wxauth 写入的格式');
    // What was expected is said in Chinese too, not the English words inside a Chinese sentence.
    expect(zh.stderr).toContain('accessTokenExpiresAt 处应为 时间（1970 年起的毫秒数，且在日期能表示的范围内），实际为 number 1e+303');
    expect(fs.readFileSync(file, 'utf8')).toBe(poisoned);
  });
});

describe('a cached token sent to another host than its issuer', () => {
  it('an emulator token sent to WeChat because --api-base was left out: the failure says where it came from and the flag (en, zh)', async () => {
    expect((await wx(['exchange', code('u1')])).code).toBe(0);
    expect((await wx(['check'])).code).toBe(0);
    // Without the emulator's API base (and no network here): WeChat cannot be reached, and the error
    // says why the token was sent there, and how to send it where it came from.
    const withoutBase = { WXAUTH_API_BASE: '', WXAUTH_BACKUP_API_BASE: 'http://127.0.0.1:9' };
    for (const command of [['check'], ['userinfo'], ['refresh']]) {
      const r = await wx([...command, '--timeout', '1000'], withoutBase);
      expect(r.code, command.join(' ')).not.toBe(0);
      // Offline the name does not resolve (nothing sent); with a network, WeChat's 40001.
      expect(r.stderr, command.join(' ')).toMatch(new RegExp(`^Note: the cached token of openid ${openidOf('u1')} came from ${emu.url.replace(/\./g, '\\.')}, and this run (sent it|would have sent it) to https://api\\.weixin\\.qq\\.com`, 'm'));
      expect(r.stderr).toContain(`run again with --api-base ${emu.url}`);
    }
    const zh = await wx(['--lang', 'zh', 'check', '--timeout', '1000'], withoutBase);
    expect(zh.stderr).toMatch(new RegExp(`缓存的 token 来自 ${emu.url.replace(/\./g, '\\.')}，这次(却发给了|本要发给) https://api\\.weixin\\.qq\\.com`));
    // A note, not a further reason of the failure: `notes`, not `also`.
    const json = parseJson((await wx(['--json', 'check', '--timeout', '1000'], withoutBase)).stdout) as { error: { also?: string[]; notes: string[] } };
    expect(json.error.notes.join('\n')).toContain(`came from ${emu.url}`);
    expect(json.error.also).toBeUndefined();
  });

  it('a base where nothing was sent (a refused port): the note says the token would have gone there, not that it was sent (en, zh)', async () => {
    expect((await wx(['exchange', code('u1')])).code).toBe(0);
    const refused = { WXAUTH_API_BASE: 'http://127.0.0.1:9', WXAUTH_BACKUP_API_BASE: 'http://127.0.0.1:9' };
    for (const command of [['check'], ['userinfo']]) {
      const r = await wx(command, refused);
      expect(r.code, command.join(' ')).toBe(5);
      expect(r.stderr, command.join(' ')).toContain(`came from ${emu.url}, and this run would have sent it to http://127.0.0.1:9 (it was not sent)`);
      expect(r.stderr).not.toContain('this run sent it');
    }
    const zh = await wx(['--lang', 'zh', 'check'], refused);
    expect(zh.stderr).toContain(`缓存的 token 来自 ${emu.url}，这次本要发给 http://127.0.0.1:9 （没有发出去）`);
  });

  it('the note reads as a note: no failure mark, under the error and before its hint, once (en, zh, --json)', async () => {
    expect((await wx(['exchange', code('u1')])).code).toBe(0);
    const refused = { WXAUTH_API_BASE: 'http://127.0.0.1:9', WXAUTH_BACKUP_API_BASE: 'http://127.0.0.1:9' };
    for (const [lang, failed, note] of [
      ['en', '✖ Connection to 127.0.0.1:9 was refused', 'Note: the cached token of openid'],
      ['zh', '✖ 连接 127.0.0.1:9 被拒绝', '注意：openid'],
    ] as const) {
      const r = await wx(['--lang', lang, 'check'], refused);
      expect(r.code).toBe(5);
      const lines = r.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('! '));
      // One failure (the error), then the note as a note, then the error's next step.
      expect(lines.filter((line) => line.startsWith('✖ ')), r.stderr).toEqual([expect.stringContaining(failed)]);
      expect(lines.filter((line) => line.includes(note)), r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(failed);
      expect(lines[1]).toMatch(new RegExp(`^${note}`));
      expect(lines[2]).toMatch(/^→ /);
      expect(lines).toHaveLength(3);
    }
    const doc = parseJson((await wx(['--json', 'check'], refused)).stdout) as { error: { also?: string[]; notes: string[]; hint: string } };
    expect(doc.error.notes).toEqual([expect.stringMatching(/^Note: the cached token of openid .* \(it was not sent\)/)]);
    expect(doc.error.also).toBeUndefined();
  });

  it('not for the same emulator under another name, a token typed on the command line, or a call that succeeds', async () => {
    const exchanged = await wx(['--json', 'exchange', code('u1')]);
    const token = (parseJson(exchanged.stdout) as { access_token: string }).access_token;
    const other = await startEmulator();
    try {
      // 127.0.0.1 and localhost on one port are one issuer: it succeeds, nothing to say.
      const local = await wx(['check'], { WXAUTH_API_BASE: emu.url.replace('127.0.0.1', 'localhost') });
      expect(local.code, local.stderr).toBe(0);
      // Another emulator did not issue it: its own 40001 / 40014, with the note.
      const elsewhere = await wx(['check'], { WXAUTH_API_BASE: other.url });
      expect(elsewhere.code).toBe(3);
      expect(elsewhere.stderr).toContain(`came from ${emu.url}, and this run sent it to ${other.url}`);
      // Typed by the user: sent where the user said, no note.
      const typed = await wx(['check', token, '--openid', openidOf('u1')], { WXAUTH_API_BASE: other.url });
      expect(typed.code).toBe(3);
      expect(typed.stderr).not.toContain('Note: the cached token');
    } finally {
      await other.close();
    }
  });
});

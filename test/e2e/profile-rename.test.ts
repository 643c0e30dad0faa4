// `wxauth profile rename OLD NEW`: there was none, and commander offered the destructive `remove` for
// the word (review h261). Everything kept under the profile's name goes with it: the settings, the
// current-profile pointer, the token cache's entries and spent-code records, the state files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenStore } from '../../src/store/token-cache.js';
import { parseJson, runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';
const INIT = ['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/wechat/callback', '--yes'];

async function twoProfiles(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = tempConfigDir();
  const env = { WXAUTH_CONFIG_DIR: dir };
  for (const p of ['default', 'two']) expect((await runCli(['--profile', p, ...INIT], { env })).code).toBe(0);
  return { dir, env };
}

const configOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { currentProfile?: string; profiles: Record<string, { appid?: string }> };

describe('profile rename', () => {
  it('renames a profile with its tokens, spent codes and state; the current one stays current (en, zh, --json)', async () => {
    const { dir, env } = await twoProfiles();
    const now = Date.now();
    TokenStore.open(dir).putUser('two', { appid: APPID, openid: 'o1', scope: 'snsapi_base', accessToken: 'AT', accessTokenExpiresAt: now + 7_200_000, obtainedAt: now }, { digest: 'd1', appid: APPID, profile: 'two', openid: 'o1', at: now });
    expect((await runCli(['--profile', 'two', 'url', '--no-qr'], { env })).code).toBe(0);
    const state = fs.readFileSync(path.join(dir, 'state-two.json'), 'utf8');

    const r = await runCli(['profile', 'rename', 'two', 'three'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('✔ Renamed profile "two" to "three".');
    expect(r.stderr).toContain('Its 1 cached user token(s) and its remembered state moved with it (wxauth --profile three tokens lists them).');
    expect(r.stderr).not.toContain('current profile');
    expect(Object.keys(configOf(dir).profiles)).toEqual(['default', 'three']);
    const tokens = TokenStore.open(dir);
    expect(tokens.listUsers('three').map((u) => u.openid)).toEqual(['o1']);
    expect(tokens.listUsers('two')).toEqual([]);
    expect(tokens.findSpentCode('d1')?.profile).toBe('three');
    expect(fs.existsSync(path.join(dir, 'state-two.json'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'state-three.json'), 'utf8')).toBe(state);

    // "default" by default (no pointer saved): commands without --profile go on using it under its new name.
    const zh = await runCli(['--lang', 'zh', 'profile', 'rename', 'default', 'prod'], { env });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('✔ 已把 profile "default" 改名为 "prod"。');
    expect(zh.stderr).toContain('它仍是当前 profile：不带 --profile 的命令使用 "prod"。');
    expect(configOf(dir).currentProfile).toBe('prod');
    expect((await runCli(['config', 'get', 'appid'], { env })).stdout.trim()).toBe(APPID);

    const json = await runCli(['profile', 'rename', 'prod', 'main', '--json'], { env });
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, renamed: true, from: 'prod', to: 'main', replaced: false, current: true, movedUsers: 0 });
    expect(configOf(dir).currentProfile).toBe('main');
  });

  it('a saved new name is replaced only with --yes; an unknown old name, the same name or a broken token cache change nothing', async () => {
    const { dir, env } = await twoProfiles();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const taken = await runCli(['profile', 'rename', 'two', 'default'], { env });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('Profile "default" exists: replace it with "two" (the settings, cached tokens and remembered state "default" has now are deleted)?');
    const unknown = await runCli(['profile', 'rename', 'nope', 'x'], { env });
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('There is no profile named "nope"');
    const same = await runCli(['--lang', 'zh', 'profile', 'rename', 'two', 'two'], { env });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('profile 本来就叫 "two"，不用改名。');
    fs.writeFileSync(path.join(dir, 'tokens.json'), '{', { mode: 0o600 });
    const broken = await runCli(['profile', 'rename', 'two', 'three'], { env });
    expect(broken.code).toBe(4);
    expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).toBe('{');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    fs.rmSync(path.join(dir, 'tokens.json'));

    const replaced = await runCli(['profile', 'rename', 'two', 'default', '--yes'], { env });
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toContain('✔ Renamed profile "two" to "default", replacing the "default" saved before.');
    expect(Object.keys(configOf(dir).profiles)).toEqual(['default']);
  });

  it('the words other CLIs use for it point to rename, never to remove; WXAUTH_PROFILE naming the old name is warned of', async () => {
    const { env } = await twoProfiles();
    const mv = await runCli(['profile', 'mv', 'two', 'three'], { env });
    expect(mv.code).toBe(2);
    expect(mv.stderr).toContain("unknown command 'mv'. Did you mean rename?");
    expect(mv.stderr).not.toContain('remove');
    const r = await runCli(['profile', 'rename', 'two', 'three'], { env: { ...env, WXAUTH_PROFILE: 'two' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('WXAUTH_PROFILE=two is set in this shell: commands run here still look for "two", which no longer exists. Set WXAUTH_PROFILE=three.');
    const help = await runCli(['profile', '--help']);
    expect(help.stdout).toContain('wxauth profile rename default prod');
  });
});

const OTHER = 'wxfedcba09876543210';
const user = (appid: string, openid: string, now = Date.now()) => ({ appid, openid, scope: 'snsapi_base', accessToken: `AT-${openid}`, accessTokenExpiresAt: now + 7_200_000, obtainedAt: now });

/** "default" holds another app's users, basic token, ticket and a spent code; "two" one user of its own. */
function seedBoth(dir: string): void {
  const now = Date.now();
  const tokens = TokenStore.open(dir);
  tokens.putUser('default', user(OTHER, 'oOther1'), { digest: 'dOther', appid: OTHER, profile: 'default', openid: 'oOther1', at: now });
  tokens.putUser('default', user(OTHER, 'oOther2'));
  tokens.putBasic('default', { appid: OTHER, kind: 'stable', accessToken: 'BASIC-OTHER', expiresAt: now + 7_200_000, obtainedAt: now });
  tokens.putTicket('default', { appid: OTHER, ticket: 'TICKET-OTHER', expiresAt: now + 7_200_000, obtainedAt: now });
  tokens.putUser('two', user(APPID, 'oTwo'), { digest: 'dTwo', appid: APPID, profile: 'two', openid: 'oTwo', at: now });
}

describe('profile rename over a name the token cache holds entries under (review h266)', () => {
  it('a replaced profile\'s cached tokens are dropped, not mixed into the renamed one\'s, and counted (en, zh, --json)', async () => {
    const { dir, env } = await twoProfiles();
    seedBoth(dir);
    const r = await runCli(['profile', 'rename', 'two', 'default', '--yes'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Dropped what "default" had cached before: 2 user token(s), 1 basic access_token(s), 1 jsapi_ticket(s).');
    expect(r.stderr).toContain('Its 1 cached user token(s) moved with it (wxauth --profile default tokens lists them).');
    const tokens = TokenStore.open(dir);
    expect(tokens.listUsers('default').map((u) => u.openid)).toEqual(['oTwo']);
    expect(tokens.otherEntries('default')).toEqual({ basic: 0, tickets: 0 });
    expect(tokens.findSpentCode('dOther')).toBeUndefined();
    expect(tokens.findSpentCode('dTwo')?.profile).toBe('default');
    const list = await runCli(['tokens', '--json'], { env });
    expect(list.stdout).not.toContain('oOther');

    const zh = await twoProfiles();
    seedBoth(zh.dir);
    const z = await runCli(['--lang', 'zh', 'profile', 'rename', 'two', 'default', '--yes'], { env: zh.env });
    expect(z.code, z.stderr).toBe(0);
    expect(z.stderr).toContain('"default" 原来缓存的 2 个用户 token、1 个基础 access_token、1 个 jsapi_ticket 已删除。');

    const js = await twoProfiles();
    seedBoth(js.dir);
    const j = await runCli(['profile', 'rename', 'two', 'default', '--yes', '--json'], { env: js.env });
    expect(parseJson(j.stdout)).toMatchObject({ ok: true, replaced: true, movedUsers: 1, dropped: { users: 2, basic: 1, tickets: 1 }, stateMoved: false });
  });

  it('names only the kinds the replaced profile had cached, never a count of 0 (en, zh)', async () => {
    for (const lang of ['en', 'zh']) {
      const { dir, env } = await twoProfiles();
      const now = Date.now();
      const tokens = TokenStore.open(dir);
      tokens.putUser('default', user(OTHER, 'oOther1'));
      tokens.putTicket('default', { appid: OTHER, ticket: 'TICKET-OTHER', expiresAt: now + 7_200_000, obtainedAt: now });
      const r = await runCli(['--lang', lang, 'profile', 'rename', 'two', 'default', '--yes'], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(lang === 'en' ? 'Dropped what "default" had cached before: 1 user token(s), 1 jsapi_ticket(s).' : '"default" 原来缓存的 1 个用户 token、1 个 jsapi_ticket 已删除。');
      expect(r.stderr).not.toMatch(/\b0 /);
    }
  });

  it('leftovers of an earlier profile remove under the new name are dropped too, and said, with no --yes needed', async () => {
    const { dir, env } = await twoProfiles();
    seedBoth(dir);
    expect((await runCli(['profile', 'remove', 'default', '--yes'], { env })).code).toBe(0);
    expect(TokenStore.open(dir).listUsers('default')).toHaveLength(2);
    const r = await runCli(['profile', 'rename', 'two', 'default'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('✔ Renamed profile "two" to "default".');
    expect(r.stderr).toContain('Dropped what "default" had cached before: 2 user token(s), 1 basic access_token(s), 1 jsapi_ticket(s).');
    expect(TokenStore.open(dir).listUsers('default').map((u) => u.openid)).toEqual(['oTwo']);
    // The next rename counts only its own users.
    const again = await runCli(['profile', 'rename', 'default', 'three'], { env });
    expect(again.stderr).toContain('Its 1 cached user token(s) moved with it');
    expect(again.stderr).not.toContain('Dropped');
  });

  it('"its remembered state moved" only when a state file did; nothing dropped is said only when something was', async () => {
    const { dir, env } = await twoProfiles();
    expect((await runCli(['--profile', 'two', 'url', '--no-qr'], { env })).code).toBe(0);
    const r = await runCli(['profile', 'rename', 'two', 'three'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Its remembered state (the link wxauth url made last) moved with it: a callback of that link is still checked.');
    expect(r.stderr).not.toContain('cached user token');
    expect(r.stderr).not.toContain('Dropped');
    const zh = await runCli(['--lang', 'zh', 'profile', 'rename', 'three', 'four'], { env });
    expect(zh.stderr).toContain('它记下的 state（wxauth url 最近生成的链接）也改到了新名字下：那个链接的回调照样会被核对。');
    TokenStore.open(dir).putUser('four', user(APPID, 'o1'));
    const both = await runCli(['profile', 'rename', 'four', 'five', '--json'], { env });
    expect(parseJson(both.stdout)).toMatchObject({ movedUsers: 1, stateMoved: true, dropped: { users: 0, basic: 0, tickets: 0 } });
    expect(both.stderr).toContain('Its 1 cached user token(s) and its remembered state moved with it (wxauth --profile five tokens lists them).');
    const none = await runCli(['profile', 'rename', 'default', 'six'], { env });
    expect(none.stderr).not.toContain('remembered state');
    expect(none.stderr).not.toContain('cached user token');
  });

  it('WXAUTH_PROFILE still naming the old name is in the --json document\'s warnings', async () => {
    const { env } = await twoProfiles();
    const r = await runCli(['profile', 'rename', 'two', 'three', '--json'], { env: { ...env, WXAUTH_PROFILE: 'two' } });
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r.stdout)).toMatchObject({ ok: true, warnings: [{ id: 'profile.rename.env', severity: 'warning', message: expect.stringContaining('WXAUTH_PROFILE=two') }] });
  });
});

describe('profile rename when a write fails', () => {
  const tokensOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')) as unknown;

  it('tokens.json that cannot be written: nothing renamed, config.json as it was, and said so (exit 4, en, zh)', async () => {
    const { dir, env } = await twoProfiles();
    seedBoth(dir);
    const config = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const tokens = fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8');
    // Read-only: wxauth keeps such a file as it is (it reads, it does not write); as root too.
    fs.chmodSync(path.join(dir, 'tokens.json'), 0o400);
    for (const lang of ['en', 'zh']) {
      const r = await runCli(['--lang', lang, 'profile', 'rename', 'two', 'three'], { env });
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toContain(lang === 'en' ? 'Nothing was renamed: "two" keeps its settings, cached tokens and state as they were.' : '没有改名："two" 的配置、缓存的 token 和 state 都保持原样。');
      expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(config);
      expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).toBe(tokens);
    }
  });

  it('config.json that cannot be written after the tokens moved: the token cache is put back as it was (exit 4, --json)', async () => {
    const { dir, env } = await twoProfiles();
    seedBoth(dir);
    const config = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const tokens = tokensOf(dir);
    fs.chmodSync(path.join(dir, 'config.json'), 0o400);
    const r = await runCli(['profile', 'rename', 'two', 'default', '--yes', '--json'], { env });
    expect(r.code, r.stderr).toBe(4);
    const doc = parseJson(r.stdout) as { ok: boolean; error: { code: string; notes?: string[] } };
    expect(doc.ok).toBe(false);
    expect(doc.error.notes).toContain('Nothing was renamed: "two" keeps its settings, cached tokens and state as they were.');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(config);
    expect(tokensOf(dir)).toEqual(tokens);
    expect(TokenStore.open(dir).listUsers('default').map((u) => u.openid).sort()).toEqual(['oOther1', 'oOther2']);
  });
});

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
    expect(taken.stderr).toContain('Profile "default" exists: replace it with "two" (the settings "default" has now are deleted)?');
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

// `profile remove p2` keeps p2's cached tokens and names `wxauth --profile p2 tokens clear` to clear
// them. That command used to fail (exit 4: "There is no profile named "p2". Did you mean "p0"?"), so
// the tokens could never be removed, and the did-you-mean pointed the destructive command at another
// profile, whose tokens one more `--yes` would have wiped. Now `tokens` works for a name that only the
// token cache still holds (and says the profile is not saved), and `tokens clear` / `profile remove` of
// a name that is nowhere never offer a near one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempConfigDir } from './helpers.js';

const APP0 = 'wx1234567890abcde0';
const APP2 = 'wx1234567890abcde2';

interface CacheFile {
  profiles: Record<string, { users?: Record<string, unknown>; basic?: Record<string, unknown> }>;
  spentCodes?: Array<{ profile: string }>;
}

function user(appid: string, openid: string) {
  const now = Date.now();
  return { appid, openid, scope: 'snsapi_base', accessToken: `AT-${openid}-0123456789`, refreshToken: `RT-${openid}-0123456789`, accessTokenExpiresAt: now + 3_600_000, refreshTokenExpiresAt: now + 29 * 86_400_000, obtainedAt: now };
}

/** p0 and p2 saved, each with one cached user; p2 also a basic token. */
async function twoProfiles(): Promise<string> {
  const dir = tempConfigDir();
  for (const [name, appid] of [['p0', APP0], ['p2', APP2]] as const) {
    const r = await runCli(['init', '--profile', name, '--type', 'service', '--appid', appid, '--secret', `0123456789abcdef0123456789abcd${name.slice(1)}0`, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y'], {
      env: { WXAUTH_CONFIG_DIR: dir },
    });
    expect(r.code, r.stderr).toBe(0);
  }
  const now = Date.now();
  const file: CacheFile = {
    profiles: {
      p0: { users: { [`${APP0}:oP0user`]: user(APP0, 'oP0user') } },
      p2: { users: { [`${APP2}:oP2user`]: user(APP2, 'oP2user') }, basic: { [APP2]: { appid: APP2, kind: 'stable', accessToken: 'BASIC-p2-0123456789', expiresAt: now + 7_000_000, obtainedAt: now } } },
    },
  };
  fs.writeFileSync(path.join(dir, 'tokens.json'), JSON.stringify(file), { mode: 0o600 });
  return dir;
}

const cache = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')) as CacheFile;

describe('the tokens a removed profile left in the cache', () => {
  it('profile remove names a command that works: tokens clear removes them, and nothing of p0', async () => {
    const dir = await twoProfiles();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const removed = await runCli(['profile', 'remove', 'p2', '--yes'], { env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toContain('wxauth --profile p2 tokens clear');
    // Removing it again: not saved, no did-you-mean, and the command that clears what it left.
    const twice = await runCli(['profile', 'remove', 'p2', '--yes'], { env });
    expect(twice.code).toBe(4);
    expect(twice.stderr).not.toContain('Did you mean');
    expect(twice.stderr).toContain('The token cache still holds what a profile of this name left, though: wxauth --profile p2 tokens clear removes it');

    const clear = await runCli(['--profile', 'p2', 'tokens', 'clear', '--yes'], { env });
    expect(clear.code, clear.stderr).toBe(0);
    expect(clear.stderr).not.toContain('Did you mean');
    expect(clear.stderr).toContain('Removed the tokens of 1 user(s) (profile p2)');
    // No saved profile uses what else p2 left (its basic token): cleared with it, and said.
    expect(clear.stderr).toContain('1 basic access_token(s)');
    const after = cache(dir);
    expect(after.profiles.p2).toBeUndefined();
    expect(Object.keys(after.profiles.p0?.users ?? {})).toEqual([`${APP0}:oP0user`]);
    // Gone: the name now names nothing at all, and is refused as any unknown name.
    const again = await runCli(['--profile', 'p2', 'tokens', 'clear', '--yes'], { env });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('There is no profile named "p2".');
  });

  // Clearing one user of a removed profile's name ended with the note on what else it holds, naming
  // `wxauth --profile p2 token --show`, which fails there (exit 4, no saved profile p2).
  it('tokens clear <openid> of a removed profile names no command that needs a saved profile', async () => {
    const dir = await twoProfiles();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['profile', 'remove', 'p2', '--yes'], { env })).code).toBe(0);
    const one = await runCli(['--profile', 'p2', 'tokens', 'clear', 'oP2user', '--yes'], { env });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toContain('Removed the tokens of 1 user(s) (profile p2)');
    expect(one.stderr).not.toContain('token --show');
    expect(one.stderr).toContain('wxauth --profile p2 tokens clear');
  });

  it('tokens lists them, saying the profile is not saved; in Chinese too', async () => {
    const dir = await twoProfiles();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['profile', 'remove', 'p2', '--yes'], { env })).code).toBe(0);
    const list = await runCli(['--profile', 'p2', 'tokens'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('oP2user');
    expect(list.stdout).not.toContain('oP0user');
    expect(list.stderr).toContain('Profile "p2" is not saved');
    const zh = await runCli(['--lang', 'zh', '--profile', 'p2', 'tokens'], { env });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('oP2user');
    expect(zh.stderr).toContain('profile "p2" 没有保存');
    const zhClear = await runCli(['--lang', 'zh', '--profile', 'p2', 'tokens', 'clear', '--yes'], { env });
    expect(zhClear.code, zhClear.stderr).toBe(0);
    expect(zhClear.stderr).toContain('已删除 1 个用户的 token（profile p2）');
    expect(cache(dir).profiles.p2).toBeUndefined();
  });

  it('without --yes and no terminal, clearing them is refused (exit 2) and nothing is removed', async () => {
    const dir = await twoProfiles();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['profile', 'remove', 'p2', '--yes'], { env })).code).toBe(0);
    const r = await runCli(['--profile', 'p2', 'tokens', 'clear'], { env });
    expect(r.code).toBe(2);
    expect(Object.keys(cache(dir).profiles.p2?.users ?? {})).toEqual([`${APP2}:oP2user`]);
  });
});

describe('a destructive command never offers another profile for a name that is nowhere', () => {
  it.each([
    ['en', ['--profile', 'p3', 'tokens', 'clear', '--yes'], 'There is no profile named "p3".', 'Did you mean'],
    ['zh', ['--lang', 'zh', '--profile', 'p3', 'tokens', 'clear', '--yes'], '没有名为 "p3" 的 profile。', '是不是'],
    ['en', ['profile', 'remove', 'p3', '--yes'], 'There is no profile named "p3".', 'Did you mean'],
    ['zh', ['--lang', 'zh', 'profile', 'remove', 'p3', '--yes'], '没有名为 "p3" 的 profile。', '是不是'],
  ])('%s: %j is exit 4, lists the profiles, names none of them as the one meant', async (_lang, args, said, notSaid) => {
    const dir = await twoProfiles();
    const before = fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8');
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toContain(notSaid);
    expect(r.stderr).toMatch(/p0, p2|p0、p2/);
    expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).toBe(before);
  });

  it('a non-destructive command keeps its did-you-mean', async () => {
    const dir = await twoProfiles();
    const r = await runCli(['--profile', 'p3', 'tokens'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Did you mean');
  });
});

// A new profile given a removed one's name used to inherit its tokens silently: `tokens` then listed the
// old account's user as the new profile's. init and config set appid now say they are there, and how to
// clear them, and remove nothing.
describe('a profile saved over a name the cache holds another appid\'s tokens under', () => {
  const APP9 = 'wx1234567890abcde9';
  const initP2 = (lang: string[]) => ['--profile', 'p2', ...lang, 'init', '--type', 'service', '--appid', APP9, '--secret', '0123456789abcdef0123456789abcd90', '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y'];

  it.each([
    ['en', [] as string[], 'The token cache still holds 1 user token(s), 1 basic access_token(s) under the name p2 for another appid (wx1234567890abcde2), not wx1234567890abcde9', 'wxauth --profile p2 tokens clear removes the user tokens'],
    ['zh', ['--lang', 'zh'], 'token 缓存里仍以 p2 这个名字存着另一个 appid（wx1234567890abcde2）的 1 个用户 token、1 个基础 access_token', 'wxauth --profile p2 tokens clear 删除这些用户 token'],
  ])('%s: init says what p2 left, and keeps it', async (_lang, lang, said, hint) => {
    const dir = await twoProfiles();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['profile', 'remove', 'p2', '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8');
    const r = await runCli(initP2(lang), { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(said);
    expect(r.stderr).toContain(hint);
    expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).toBe(before);
  });

  it('--json carries what is held; the same appid again, or a name holding nothing, says nothing', async () => {
    const dir = await twoProfiles();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['profile', 'remove', 'p2', '--yes'], { env })).code).toBe(0);
    const json = await runCli(['--json', ...initP2([])], { env });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).otherAppidTokens).toEqual({ users: 1, basic: 0 + 1, tickets: 0, appids: [APP2], appid: APP9 });
    // p0 again with its own appid: its tokens are its own, nothing to say.
    const same = await runCli(['--profile', 'p0', 'init', '--type', 'service', '--appid', APP0, '--secret', '0123456789abcdef0123456789abcd00', '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y'], { env });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).not.toContain('The token cache still holds');
  });

  it('config set appid on a profile whose cache holds another appid\'s user says so too', async () => {
    const dir = await twoProfiles();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const r = await runCli(['--profile', 'p0', 'config', 'set', 'appid', APP9], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('The token cache still holds 1 user token(s) under the name p0 for another appid (wx1234567890abcde0), not wx1234567890abcde9');
    const zh = await runCli(['--lang', 'zh', '--profile', 'p0', 'config', 'set', 'appid', APP9], { env });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('wxauth --profile p0 tokens clear 删除这些用户 token');
    expect(Object.keys(cache(dir).profiles.p0?.users ?? {})).toEqual([`${APP0}:oP0user`]);
  });
});

// --profile / WXAUTH_PROFILE naming a profile that does not exist "says so and lists the ones that
// exist" (README), in config list and tokens as in url and config get: exit 4, not "Nothing
// configured yet. Run wxauth init" (exit 0) beside three profiles. A new user with no config file
// and no --profile still gets the friendly first-run answer.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

/** A config folder with the profiles default, svc and web. */
function threeProfiles(): string {
  const dir = tempConfigDir();
  const profile = { type: 'service', appid: APPID, secret: SECRET, domain: 'www.example.com' };
  fs.writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({ currentProfile: 'default', profiles: { default: profile, svc: profile, web: profile } }),
    { mode: 0o600 },
  );
  return dir;
}

describe('a profile that does not exist, named by --profile or WXAUTH_PROFILE', () => {
  it.each([
    ['--profile nope config list', ['--profile', 'nope', 'config', 'list'], {}],
    ['WXAUTH_PROFILE=nope config list', ['config', 'list'], { WXAUTH_PROFILE: 'nope' }],
    ['--profile nope tokens', ['--profile', 'nope', 'tokens'], {}],
    ['WXAUTH_PROFILE=nope tokens', ['tokens'], { WXAUTH_PROFILE: 'nope' }],
    ['WXAUTH_PROFILE=nope tokens list', ['tokens', 'list'], { WXAUTH_PROFILE: 'nope' }],
    ['--profile nope tokens show o1', ['--profile', 'nope', 'tokens', 'show', 'o1'], {}],
    ['--profile nope check', ['--profile', 'nope', 'check'], {}],
    ['WXAUTH_PROFILE=nope check', ['check'], { WXAUTH_PROFILE: 'nope' }],
    ['--profile nope userinfo', ['--profile', 'nope', 'userinfo'], {}],
  ])('%s: exit 4, "no profile named nope", the ones that exist', async (_name, args, env) => {
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: threeProfiles(), ...env } });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('There is no profile named "nope"');
    expect(r.stderr).toContain('default, svc, web');
    expect(r.stderr).not.toContain('Nothing configured yet');
    expect(r.stderr).not.toContain('is empty');
  });

  it('the same answer as url gives, in Chinese and in --json', async () => {
    const dir = threeProfiles();
    const url = await runCli(['--lang', 'zh', '--profile', 'nope', 'url', '--no-qr'], { env: { WXAUTH_CONFIG_DIR: dir } });
    const list = await runCli(['--lang', 'zh', '--profile', 'nope', 'config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    const tokens = await runCli(['--lang', 'zh', '--profile', 'nope', 'tokens'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(list).toEqual({ code: url.code, stdout: '', stderr: url.stderr });
    expect(tokens).toEqual({ code: url.code, stdout: '', stderr: url.stderr });
    expect(list.stderr).toContain('没有名为 "nope" 的 profile');
    const json = await runCli(['--json', '--profile', 'nope', 'config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(json.code).toBe(4);
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'config', hint: expect.stringContaining('default, svc, web') } });
  });

  it('with no config file at all: says there is none and how to create it', async () => {
    const r = await runCli(['--profile', 'nope', 'config', 'list'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('There is no profile named "nope"');
    expect(r.stderr).toContain('wxauth init --profile nope');
  });

  it('a profile given its values by WXAUTH_* alone is still listed, with the warning', async () => {
    const r = await runCli(['config', 'list'], { env: { WXAUTH_CONFIG_DIR: threeProfiles(), WXAUTH_PROFILE: 'ci', WXAUTH_APPID: APPID } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/appid\s+wx1234567890abcdef\s+env/);
    expect(r.stderr).toContain('Profile "ci" is not in the config file');
  });

  it('a profile made of WXAUTH_* values alone (CI) is not refused by check, userinfo or tokens', async () => {
    const env = { WXAUTH_CONFIG_DIR: threeProfiles(), WXAUTH_PROFILE: 'ci', WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET, WXAUTH_API_BASE: 'http://127.0.0.1:9' };
    for (const args of [['check', 'AT-given', 'oCI1'], ['userinfo', 'AT-given', 'oCI1'], ['tokens']]) {
      const r = await runCli(args, { env });
      expect(r.stderr, args.join(' ')).not.toContain('There is no profile named');
    }
    // check and userinfo went on to call the API (here an address where nothing listens: exit 5).
    expect((await runCli(['check', 'AT-given', 'oCI1'], { env })).code).toBe(5);
  });

  it('tokens of a profile used through WXAUTH_* alone are still listed', async () => {
    const dir = threeProfiles();
    const user = { appid: APPID, openid: 'oCI1', scope: 'snsapi_base', accessToken: 'AT-ci', accessTokenExpiresAt: Date.now() + 3_600_000, obtainedAt: Date.now() };
    fs.writeFileSync(path.join(dir, 'tokens.json'), JSON.stringify({ profiles: { ci: { users: { [`${APPID}:oCI1`]: user } } } }), { mode: 0o600 });
    const r = await runCli(['tokens'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_PROFILE: 'ci' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('oCI1');
  });
});

// config set used to create a misspelt --profile silently ("✔ Saved region (profile "nope")", exit 0)
// and leave a half-filled profile that nothing uses. Without a terminal it is refused like the other
// commands refuse that name (exit 4, the profiles that exist) unless --yes; the first profile, with no
// other saved, is made without a question, and a profile made is always said.
describe('config set on a profile that does not exist', () => {
  const profiles = (dir: string) => Object.keys((JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { profiles: object }).profiles);

  it.each([
    ['--profile nope', ['--profile', 'nope'], {}, 'Pick one of them with --profile; to create "nope" with this setting, add --yes'],
    ['WXAUTH_PROFILE=nope', [], { WXAUTH_PROFILE: 'nope' }, 'Fix or unset WXAUTH_PROFILE; to create "nope" with this setting, add --yes'],
  ])('%s, no terminal: exit 4, the profiles that exist, --yes to create it; nothing written', async (_name, flags, env, hint) => {
    const dir = threeProfiles();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli([...flags, 'config', 'set', 'region', 'sh'], { env: { WXAUTH_CONFIG_DIR: dir, ...env } });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('There is no profile named "nope"');
    expect(r.stderr).toContain('Existing profiles: default, svc, web.');
    expect(r.stderr).toContain(hint);
    expect(r.stderr).not.toContain('Saved');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('a Chinese refusal lists the profiles and the missing settings with 、, as Chinese lists them', async () => {
    const dir = threeProfiles();
    const unknown = await runCli(['--lang', 'zh', '--profile', 'nope', 'token'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('现有 profile：default、svc、web。');
    const empty = tempConfigDir();
    const missing = await runCli(['--lang', 'zh', 'token'], { env: { WXAUTH_CONFIG_DIR: empty } });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('缺少配置：appid、secret（profile "default"）。');
    expect(missing.stderr).toContain('设置环境变量 WXAUTH_APPID、WXAUTH_SECRET');
    // config set's own refusal of a profile that is not there, and the regions it or --region accepts.
    const set = await runCli(['--lang', 'zh', '--profile', 'nope', 'config', 'set', 'region', 'sh'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(set.code).toBe(4);
    expect(set.stderr).toContain('现有 profile：default、svc、web。用 --profile 选其中一个');
    const region = await runCli(['--lang', 'zh', 'config', 'set', 'region', 'xx'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('可选：default、api2、sh、sz、hk。');
    // English keeps its commas.
    const en = await runCli(['--lang', 'en', 'token'], { env: { WXAUTH_CONFIG_DIR: empty } });
    expect(en.stderr).toContain('Missing configuration: appid, secret');
  });

  it('in Chinese and in --json, as config get says it', async () => {
    const dir = threeProfiles();
    const zh = await runCli(['--lang', 'zh', '--profile', 'nope', 'config', 'set', 'region', 'sh'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('没有名为 "nope" 的 profile');
    expect(zh.stderr).toContain('确实要新建 "nope" 并保存这一项，就加 --yes');
    const json = await runCli(['--json', '--profile', 'nope', 'config', 'set', 'region', 'sh'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(json.code).toBe(4);
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'config', message: 'There is no profile named "nope".', hint: expect.stringContaining('default, svc, web') } });
    expect(profiles(dir)).toEqual(['default', 'svc', 'web']);
  });

  it('a name a letter or two from a saved one names it: url, config set, profile use (en, zh)', async () => {
    const dir = threeProfiles();
    const env = { WXAUTH_CONFIG_DIR: dir };
    for (const args of [['--profile', 'svcc', 'url'], ['--profile', 'svcc', 'config', 'set', 'region', 'sh'], ['profile', 'use', 'svcc']]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stderr, args.join(' ')).toContain('There is no profile named "svcc". Did you mean "svc"?');
    }
    expect((await runCli(['--lang', 'zh', '--profile', 'svcc', 'url'], { env })).stderr).toContain('没有名为 "svcc" 的 profile。是不是 "svc"？');
    // Nothing near: no guess.
    expect((await runCli(['--profile', 'nope', 'url'], { env })).stderr).not.toContain('Did you mean');
    // A saved name in another case: that one, not "create it" (init refuses a case twin, below).
    const twin = await runCli(['url'], { env: { ...env, WXAUTH_PROFILE: 'SVC' } });
    expect(twin.code).toBe(4);
    expect(twin.stderr).toContain('The saved "svc" differs from it only in case, and "SVC" cannot be made beside it');
    expect(twin.stderr).toContain('use WXAUTH_PROFILE=svc.');
    expect(twin.stderr).not.toContain('init --profile SVC');
    expect((await runCli(['--profile', 'SVC', 'url'], { env })).stderr).toContain('use --profile svc.');
  });

  it('a new profile whose name differs from a saved one only in case is refused (init, config set --yes); nothing written', async () => {
    const dir = threeProfiles();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const env = { WXAUTH_CONFIG_DIR: dir };
    const init = await runCli(['init', '--profile', 'SVC', '--type', 'service', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y'], { env });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('Profile "SVC" differs from the saved "svc" only in case.');
    const set = await runCli(['--profile', 'Svc', 'config', 'set', 'region', 'sh', '--yes', '--lang', 'zh'], { env });
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('profile "Svc" 与已有的 "svc" 只差大小写。');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // "-x" was saved by init --profile -x, then `profile use -x` was "unknown option '-x'": refused where
  // a profile is made (init, config set, by flag or WXAUTH_PROFILE), en and zh, exit 2, nothing written.
  it('a new profile whose name starts with - is refused (init, config set); nothing written', async () => {
    const dir = threeProfiles();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const env = { WXAUTH_CONFIG_DIR: dir };
    const flags = ['--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y'];
    const init = await runCli(['init', '--profile', '-x', ...flags], { env });
    expect(init.code, init.stderr).toBe(2);
    expect(init.stderr).toContain('Profile name "-x" starts with -, which a command line reads as an option (wxauth profile use -x fails with unknown option)');
    expect(init.stderr).toContain('Pick another name, starting with a letter, a digit or _, e.g. --profile x. Nothing was saved.');
    const zh = await runCli(['--lang', 'zh', 'init', '--profile=-x', ...flags], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('profile 名 "-x" 以 - 开头');
    expect(zh.stderr).toContain('例如 --profile x。没有保存任何内容。');
    // A flag is the command line's fault (exit 2); WXAUTH_PROFILE a refused variable (exit 4, README's
    // table), whose hint names the variable to fix.
    for (const [args, extra, code] of [
      [['--profile=-y', 'config', 'set', 'region', 'sh', '--yes'], {}, 2],
      [['config', 'set', 'region', 'sh', '--yes'], { WXAUTH_PROFILE: '-y' }, 4],
      [['init', ...flags], { WXAUTH_PROFILE: '-y' }, 4],
    ] as const) {
      const set = await runCli([...args], { env: { ...env, ...extra } });
      expect(set.code, set.stderr).toBe(code);
      expect(set.stderr).toContain('Profile name "-y" starts with -');
      expect(set.stderr).toContain(code === 4 ? 'The name came from WXAUTH_PROFILE: set it to a name starting with a letter, a digit or _ (e.g. WXAUTH_PROFILE=y), or unset it. Nothing was saved.' : 'e.g. --profile y.');
      expect(set.stderr).not.toContain('Saved');
    }
    const envZh = await runCli(['--lang', 'zh', '--json', 'config', 'set', 'region', 'sh', '--yes'], { env: { ...env, WXAUTH_PROFILE: '-y' } });
    expect(envZh.code).toBe(4);
    expect(parseJson(envZh.stdout)).toMatchObject({ ok: false, error: { code: 'config', hint: expect.stringContaining('这个名字来自环境变量 WXAUTH_PROFILE') } });
    // A name every JavaScript object has, and one differing from a saved one only in case: the same rule.
    const reserved = await runCli(['url'], { env: { ...env, WXAUTH_PROFILE: '__proto__' } });
    expect(reserved.code, reserved.stderr).toBe(4);
    expect(reserved.stderr).toContain('The name came from WXAUTH_PROFILE');
    const twin = await runCli(['config', 'set', 'region', 'sh', '--yes'], { env: { ...env, WXAUTH_PROFILE: 'SVC' } });
    expect(twin.code, twin.stderr).toBe(4);
    expect(twin.stderr).toContain('use WXAUTH_PROFILE=svc');
    const json = await runCli(['--json', 'init', '--profile', '-x', ...flags], { env });
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringContaining('"-x" starts with -') } });
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // "No profile named -z" used to end "create one with wxauth init --profile -z", the refusal above.
  it('a name starting with - that names no profile: the hint creates one init takes, or unsets the variable (en, zh)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const fromEnv = await runCli(['url'], { env: { ...env, WXAUTH_PROFILE: '-z' } });
    expect(fromEnv.code, fromEnv.stderr).toBe(4);
    expect(fromEnv.stderr).toBe(
      '✖ There is no profile named "-z".\n→ The name came from WXAUTH_PROFILE. There are no profiles yet, and a new one cannot be named "-z" (a name starting with - reads as an option): unset WXAUTH_PROFILE and run wxauth init (it creates "default"), or set WXAUTH_PROFILE=z first; or give the values as WXAUTH_* variables.\n',
    );
    const zh = await runCli(['--lang', 'zh', 'url'], { env: { ...env, WXAUTH_PROFILE: '-z' } });
    expect(zh.stderr).toContain('unset WXAUTH_PROFILE 后运行 wxauth init（新建 "default"），或先改成 WXAUTH_PROFILE=z 再运行');
    const flag = await runCli(['--profile', '-z', 'url'], { env });
    expect(flag.code).toBe(4);
    expect(flag.stderr).toContain('create one with wxauth init --profile z, or give the values as WXAUTH_* variables.');
    expect((await runCli(['--lang', 'zh', '--profile', '-z', 'url'], { env })).stderr).toContain('用 wxauth init --profile z 新建');
    for (const r of [fromEnv, zh, flag]) expect(r.stderr).not.toContain('--profile -z');
    // What the hints offer works.
    const flags = ['--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y'];
    const init = await runCli(['init', ...flags], { env: { ...env, WXAUTH_PROFILE: 'z' } });
    expect(init.code, init.stderr).toBe(0);
    // With profiles saved: pick one (or unset the variable); no "create it" either.
    const saved = await runCli(['url'], { env: { ...env, WXAUTH_PROFILE: '-q' } });
    expect(saved.code).toBe(4);
    expect(saved.stderr).toContain('Existing profiles: z. Set it to one of them, or unset it; a name starting with - reads as an option, so no new profile can have it.');
    const savedFlag = await runCli(['--lang', 'zh', '--profile', '-q', 'url'], { env });
    expect(savedFlag.stderr).toContain('现有 profile：z。用 --profile 选其中一个；新建的 profile 名要以字母、数字或 _ 开头（以 - 开头会被命令行当成选项）：wxauth init --profile <名字>。');
    for (const r of [saved, savedFlag]) expect(r.stderr).not.toContain('--profile -q');
  });

  it('a profile saved with a name starting with - still works: profile use -- -x, --profile=-x, profile list', async () => {
    const dir = threeProfiles();
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { profiles: Record<string, object> };
    config.profiles['-x'] = { type: 'service', appid: APPID, secret: SECRET, domain: 'www.example.com' };
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
    const env = { WXAUTH_CONFIG_DIR: dir };
    const set = await runCli(['--profile=-x', 'config', 'set', 'region', 'sh'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain('Saved region (profile "-x")');
    const again = await runCli(['init', '--profile', '-x', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y'], { env });
    expect(again.code, again.stderr).toBe(0);
    // Without --, the name is read as an option: the refusal says how to reach the profile.
    const bare = await runCli(['profile', 'use', '-x'], { env });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("unknown option '-x'");
    expect(bare.stderr).toContain('If -x is the name of a profile, put -- before it: wxauth profile use -- -x');
    const bareZh = await runCli(['--lang', 'zh', 'profile', 'remove', '-x', '--yes'], { env });
    expect(bareZh.code).toBe(2);
    expect(bareZh.stderr).toContain('如果 -x 是 profile 的名字，在它前面加 --：wxauth profile remove -- -x');
    // An unknown option before a name is just that: no hint to reach a profile named after the option.
    const named = await runCli(['profile', 'remove', '--force', 'prod'], { env });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("unknown option '--force'");
    expect(named.stderr).not.toContain('If --force is the name of a profile');
    const use = await runCli(['profile', 'use', '--', '-x'], { env });
    expect(use.code, use.stderr).toBe(0);
    const list = await runCli(['profile', 'list'], { env });
    expect(list.stdout).toMatch(/^\*\s+-x\s+service/m);
    expect((await runCli(['config', 'get', 'appid'], { env })).stdout.trim()).toBe(APPID);
  });

  it('with --yes: creates it and says so', async () => {
    const dir = threeProfiles();
    const r = await runCli(['--profile', 'nope', 'config', 'set', 'region', 'sh', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Profile "nope" did not exist; created it.');
    expect(r.stderr).toContain('Saved region (profile "nope")');
    expect(profiles(dir)).toEqual(['default', 'svc', 'web', 'nope']);
    const json = await runCli(['--json', '--profile', 'other', 'config', 'set', 'region', 'sh', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, profile: 'other', created: true });
  });

  it('an existing profile is set as before, without a word about creating it', async () => {
    const dir = threeProfiles();
    const r = await runCli(['--profile', 'svc', 'config', 'set', 'region', 'sh'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('did not exist');
  });

  it.each([
    ['the default profile', []],
    ['a --profile', ['--profile', 'prod']],
  ])('the first profile on a fresh machine (%s): made without a question, and said', async (_name, flags) => {
    const dir = tempConfigDir();
    const r = await runCli([...flags, 'config', 'set', 'appid', APPID], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Profile "(default|prod)" did not exist; created it\./);
    expect(profiles(dir)).toEqual([flags.length > 0 ? 'prod' : 'default']);
  });

  it('config unset on it: exit 4 with the profiles that exist, not "nope has no region"', async () => {
    const dir = threeProfiles();
    const r = await runCli(['--profile', 'nope', 'config', 'unset', 'region'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('There is no profile named "nope"');
    expect(r.stderr).toContain('default, svc, web');
    expect(r.stderr).not.toContain('nothing to remove');
  });
});

describe('first run: no config file, no --profile', () => {
  it('config list is the friendly "Nothing configured yet" (exit 0)', async () => {
    const r = await runCli(['config', 'list'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('Nothing configured yet. Run wxauth init to start.');
  });

  it('tokens says the cache is empty (exit 0)', async () => {
    const r = await runCli(['tokens'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('The token cache of profile default is empty');
  });

  it('an existing profile that is empty of tokens still says so', async () => {
    const r = await runCli(['--profile', 'svc', 'tokens'], { env: { WXAUTH_CONFIG_DIR: threeProfiles() } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('The token cache of profile svc is empty');
  });
});

describe('an empty --profile (an unset shell variable)', () => {
  it('is a usage error, not the current profile: init and config set write nothing (exit 2)', async () => {
    const dir = threeProfiles();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    for (const args of [
      ['init', '--profile', '', '--type', 'service', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'],
      ['--profile=', 'config', 'set', 'domain', 'www.example.com'],
    ]) {
      const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--profile is empty.');
    }
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });
});

describe('a key in config.json that wxauth does not know (edited by hand)', () => {
  it('is said by every command, with the setting it looks like; its value is not used', async () => {
    const dir = tempConfigDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ currentProfile: 'default', profiles: { default: { appid: 'wx1234567890abcdef', apibase: 'http://127.0.0.1:9', colour: 'red' } } }), { mode: 0o600 });
    const list = await runCli(['config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^apiBase\s+https:\/\/api\.weixin\.qq\.com\s+default$/m);
    expect(list.stderr).toContain('"apibase" in profile "default" is not a wxauth setting, so its value is not used: did you mean apiBase?');
    expect(list.stderr).toContain('"colour" in profile "default" is not a wxauth setting');
    const url = await runCli(['--lang', 'zh', 'url', '--redirect-uri', 'https://www.example.com/cb', '--no-qr'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(url.stderr).toContain('profile "default" 里的 "apibase" 不是 wxauth 的设置项');
  });
});

// With the emulator's WXAUTH_APPID + WXAUTH_SECRET exported, `--profile dfault token` ran and cached a
// token under "dfault" (exit 0), and `--profile ../x token` one under "../x", a name config set refuses
// and no command could clear. A name a slip from a saved profile is that profile mistyped, however the
// account is given; a name not shaped as a profile name is refused everywhere; a name far from every
// saved one still runs on the environment's values alone (CI), as before.
describe('--profile with the account in WXAUTH_* variables', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulator({});
  });
  afterAll(async () => {
    await emu?.close();
  });
  const env = (dir: string, extra: Record<string, string> = {}) => ({ WXAUTH_CONFIG_DIR: dir, ...emulatorEnv(emu, { appid: 'wx5e1ec0de00000001', secret: '5e1ec0de5e1ec0de5e1ec0de00000001', type: 'service' }), WXAUTH_DOMAIN: 'localhost', ...extra });
  const cached = (dir: string) => (fs.existsSync(path.join(dir, 'tokens.json')) ? Object.keys((JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')) as { profiles?: object }).profiles ?? {}) : []);

  it.each([
    ['--profile dfault token', ['--profile', 'dfault', 'token'], {}, 'dfault', 'default'],
    ['--profile defualt url', ['--profile', 'defualt', 'url', '--no-qr', '--redirect-uri', 'http://localhost/cb'], {}, 'defualt', 'default'],
    ['WXAUTH_PROFILE=svcc token', ['token'], { WXAUTH_PROFILE: 'svcc' }, 'svcc', 'svc'],
    ['--profile Web config list', ['--profile', 'Web', 'config', 'list'], {}, 'Web', 'web'],
  ])('%s: refused as without the variables (exit 4, did you mean); nothing cached or remembered', async (_name, args, extra, typo, meant) => {
    const dir = threeProfiles();
    const r = await runCli(args, { env: env(dir, extra) });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`There is no profile named "${typo}". Did you mean "${meant}"?`);
    expect(cached(dir)).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('state-'))).toEqual([]);
    expect(emu.requests().filter((q) => q.path.startsWith('/cgi-bin/'))).toEqual([]);
  });

  it('in Chinese, and doctor too (exit 4)', async () => {
    const dir = threeProfiles();
    const zh = await runCli(['--lang', 'zh', '--profile', 'dfault', 'token'], { env: env(dir) });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('没有名为 "dfault" 的 profile。是不是 "default"？');
    const doctor = await runCli(['--profile', 'dfault', 'doctor', '--timeout', '2000'], { env: env(dir) });
    expect(doctor.code).toBe(4);
    expect(doctor.stdout).toContain('There is no profile named "dfault". Did you mean "default"?');
  });

  it.each([
    ['--profile ../x', ['--profile', '../x'], {}, 2, 'Profile name "../x" is not valid.'],
    ['--profile "my app"', ['--profile', 'my app'], {}, 2, 'Profile name "my app" is not valid.'],
    ['WXAUTH_PROFILE=../x', [], { WXAUTH_PROFILE: '../x' }, 4, 'WXAUTH_PROFILE "../x" is not a valid profile name.'],
  ])('%s: the name config set refuses is refused by token and url too; nothing cached', async (_name, flags, extra, code, message) => {
    const dir = threeProfiles();
    for (const args of [['token'], ['url', '--no-qr', '--redirect-uri', 'http://localhost/cb'], ['config', 'set', 'region', 'sh', '--yes']]) {
      const r = await runCli([...flags, ...args], { env: env(dir, extra) });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr).toContain(message);
    }
    expect(cached(dir)).toEqual([]);
    expect((await runCli(['--lang', 'zh', ...flags, 'token'], { env: env(dir, extra) })).stderr).toMatch(/profile 名 "\.\.\/x" 无效|WXAUTH_PROFILE 的值 "\.\.\/x" 不是有效的 profile 名|profile 名 "my app" 无效/);
  });

  it('a name far from every saved one still runs on the variables alone, its token cached under it, and says it uses none of the saved ones', async () => {
    const dir = threeProfiles();
    const r = await runCli(['--profile', 'ci', 'token'], { env: env(dir) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Cached in profile "ci"');
    expect(r.stderr).toContain('There is no saved profile "ci" (saved: default, svc, web): this run uses only WXAUTH_* variables and flags');
    expect(cached(dir)).toEqual(['ci']);
    const zh = await runCli(['--lang', 'zh', '--json', 'token'], { env: env(dir, { WXAUTH_PROFILE: 'ci' }) });
    expect(parseJson(zh.stdout)).toMatchObject({ ok: true, warnings: [{ id: 'config.profile.unsaved', severity: 'warning', message: expect.stringContaining('没有保存名为 "ci" 的 profile（已保存的：default、svc、web）') }] });
  });

  it('on a machine with no saved profile (CI, the account in WXAUTH_* alone): no such word', async () => {
    const r = await runCli(['token'], { env: env(tempConfigDir(), { WXAUTH_PROFILE: 'ci' }) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('saved profile');
  });
});

// profile list warns of a profile config.json holds under a name wxauth refuses (written by hand); --profile
// __proto__ then said only "choose another name", as if the file held none, leaving the user to wonder why
// the profile list shows it. Now the hint says the file holds it and how to make it usable. It offers what
// profile list's warning offers, renaming the key or deleting the entry (it offered only the rename).
describe('--profile / WXAUTH_PROFILE naming a refused name config.json holds', () => {
  function handWritten(): { dir: string; file: string; before: string } {
    const dir = tempConfigDir();
    const file = path.join(dir, 'config.json');
    const profile = { type: 'service', appid: APPID, secret: SECRET, domain: 'www.example.com' };
    // Written as text: JSON.stringify of an object literal would set __proto__, not a key.
    const before = `{"currentProfile":"dev","profiles":{"dev":${JSON.stringify(profile)},"__proto__":${JSON.stringify(profile)},"constructor":${JSON.stringify(profile)}}}`;
    fs.writeFileSync(file, before, { mode: 0o600 });
    return { dir, file, before };
  }

  it.each([
    ['__proto__', 'tokens', ['tokens']],
    ['constructor', 'config set', ['config', 'set', 'region', 'sh', '--yes']],
    ['__proto__', 'init', ['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '-y']],
    ['constructor', 'url', ['url']],
  ])('--profile %s %s: says the file holds it, to rename or delete it there by hand (exit 2, en and zh), the file untouched', async (name, _command, args) => {
    const { dir, file, before } = handWritten();
    const en = await runCli(['--profile', name, ...args], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(en.code, en.stderr).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(
      `✖ Profile name "${name}" is the name of a built-in property of every JavaScript object; wxauth refuses it so it is never confused with one.\n` +
        `→ ${file} does hold a profile by this name (written there by hand), but wxauth cannot select that name. Edit that file yourself: rename its key to another name (letters, digits, - and _) and pass the new name with --profile, or delete its entry.\n`,
    );
    const zh = await runCli(['--lang', 'zh', '--profile', name, ...args], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`→ ${file} 里确实有这个名字的 profile（手动写进去的），但 wxauth 没法选中这个名字。请手动编辑这个文件：把这个键改成别的名字（字母、数字、- 和 _）再用 --profile 传入新名字，或删掉这一项。`);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('WXAUTH_PROFILE=__proto__: the same, naming the variable (exit 4, en and zh); a refused name the file does not hold keeps the plain hint', async () => {
    const { dir, file } = handWritten();
    const en = await runCli(['url'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_PROFILE: '__proto__' } });
    expect(en.code, en.stderr).toBe(4);
    expect(en.stderr).toContain(`→ The name came from WXAUTH_PROFILE. ${file} does hold a profile by this name (written there by hand), but wxauth cannot select that name. Edit that file yourself: rename its key to another name (letters, digits, - and _) and set WXAUTH_PROFILE to the new name, or delete its entry and unset WXAUTH_PROFILE.\n`);
    const zh = await runCli(['--lang', 'zh', 'url'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_PROFILE: '__proto__' } });
    expect(zh.stderr).toContain(`→ 这个名字来自环境变量 WXAUTH_PROFILE。${file} 里确实有这个名字的 profile（手动写进去的），但 wxauth 没法选中这个名字。请手动编辑这个文件：把这个键改成别的名字（字母、数字、- 和 _）再把 WXAUTH_PROFILE 设成新名字，或删掉这一项并 unset WXAUTH_PROFILE。`);
    const other = await runCli(['--profile', 'prototype', 'tokens'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('→ Choose another name, e.g. dev or prod (letters, digits, - and _), and pass it with --profile or WXAUTH_PROFILE.');
  });
});

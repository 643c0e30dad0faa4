// The CLI frame as a user meets it: spawned processes, stdout / stderr / exit code checked apart.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { BIN, ROOT, parseJson, runCli, runSpawned, tempConfigDir } from './helpers.js';

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const INIT = ['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/wechat/callback'];

describe('wxauth (frame)', () => {
  it('prints its version on stdout', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('shows examples and the exit-code table in --help, in the language of LANG', async () => {
    const en = await runCli(['--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Examples:');
    expect(en.stdout).toContain('wxauth errcode 40029');
    expect(en.stdout).toContain('6 callback failed');
    const zh = await runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('示例：');
    const flag = await runCli(['--lang', 'zh', '--help']);
    expect(flag.stdout).toContain('退出码');
  });

  it('gives every command an example in its --help', async () => {
    const names = COMMANDS.flatMap((c) => [[c.name], ...(c.subcommands ?? []).map((s) => [c.name, s.name])]);
    const results = await Promise.all(names.map((n) => runCli([...n, '--help'])));
    results.forEach((r, i) => {
      expect(r.code, names[i]?.join(' ')).toBe(0);
      expect(r.stdout, names[i]?.join(' ')).toMatch(/Examples:\n {2}wxauth /);
    });
  });

  it('does not load undici, prompts or qrcode-terminal for --help, --version or config commands', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-imports-')), 'imports.log');
    const preload = path.join(ROOT, 'test', 'fixtures', 'record-imports.cjs');
    for (const args of [['--help'], ['--version'], ['config', 'path'], ['url', '--help']]) {
      fs.writeFileSync(log, '');
      const r = await runSpawned(args, { env: { NODE_OPTIONS: `--require=${preload}`, WXAUTH_TEST_IMPORT_LOG: log } });
      expect(r.code, args.join(' ')).toBe(0);
      const loaded = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
      // The recorder works: it saw the bundle's entry require node:vm (commander is bundled in, so it
      // is no longer imported by name).
      expect(loaded, args.join(' ')).toContain('node:vm');
      for (const heavy of ['undici', '@inquirer/prompts', 'qrcode-terminal']) expect(loaded, `${args.join(' ')} loaded ${heavy}`).not.toContain(heavy);
    }
  });

  it('reports an unknown option as a usage error (exit 2), as one JSON document with --json', async () => {
    const r = await runCli(['config', 'list', '--json', '--bogus']);
    expect(r.code).toBe(2);
    const doc = parseJson(r.stdout);
    expect(doc).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringContaining('--bogus') } });
    expect((doc.error as { hint: string }).hint).toContain('--help');
    const human = await runCli(['url', '--scpoe', 'snsapi_base']);
    expect(human.code).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr).toContain('--scpoe');
    expect(human.stderr).toContain('--scope');
  });

  it('reads url --lang as the WeChat page language, not the interface language', async () => {
    // Before any configuration the flags are checked first (6920e50): --lang after url is the QR page's
    // language, refused on the official-account page, and said in the interface's language (zh here).
    const r = await runCli(['url', '--lang', 'en', '--no-qr'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang 只对网站应用扫码页（qrconnect）有效');
    expect(r.stderr).toContain('缺少配置');
    const ui = await runCli(['--lang', 'en', 'url', '--no-qr'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(ui.stderr).toContain('Missing configuration');
  });

  it('config path prints every file absolute when WXAUTH_CONFIG_DIR is relative, the state file too', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-cwd-'));
    const dir = path.join(fs.realpathSync(cwd), 'relative', 'dir');
    const r = await runSpawned(['config', 'path'], { cwd, env: { WXAUTH_CONFIG_DIR: 'relative/dir' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([path.join(dir, 'config.json'), path.join(dir, 'tokens.json'), path.join(dir, 'state-default.json')]);
    const json = await runSpawned(['config', 'path', '--json'], { cwd, env: { WXAUTH_CONFIG_DIR: 'relative/dir' } });
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, state: path.join(dir, 'state-default.json') });
  });

  it('rejects an unknown --lang value', async () => {
    const r = await runCli(['config', 'path', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang zh');
  });

  it('prints completion scripts for bash, zsh and fish, and refuses other shells', async () => {
    const bash = await runCli(['completion', 'bash']);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain('complete -F _wxauth wxauth');
    expect(bash.stdout).toContain('exchange');
    expect((await runCli(['completion', 'zsh'])).stdout).toContain('#compdef wxauth');
    expect((await runCli(['completion', 'fish'])).stdout).toContain('complete -c wxauth');
    const bad = await runCli(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bash, zsh or fish');
  });
});

describe('wxauth init / config / profile', () => {
  it('init without a terminal never prompts: a missing flag is a usage error naming it, and nothing is written', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['init', '--type', 'service', '--appid', APPID], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--secret');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });

  it('init with flags writes a 0600 profile; listings mask the secret unless --show-secrets', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const init = await runCli([...INIT, '--yes'], { env });
    expect(init.code).toBe(0);
    expect(fs.statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600);

    const list = await runCli(['config', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('0123…cdef');
    expect(list.stdout).not.toContain(SECRET);
    const profiles = await runCli(['profile', 'list', '--json'], { env });
    expect(JSON.stringify(parseJson(profiles.stdout))).not.toContain(SECRET);
    const shown = await runCli(['config', 'get', 'secret', '--show-secrets'], { env });
    expect(shown.stdout.trim()).toBe(SECRET);
  });

  it('refuses a redirect_uri outside the callback domain, the way WeChat would (10003)', async () => {
    const dir = tempConfigDir();
    const args = INIT.map((a) => (a === 'https://www.example.com/wechat/callback' ? 'https://api.example.com/cb' : a));
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('10003');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });

  it('lets env override the profile and flags override env, and says where each value came from', async () => {
    const dir = tempConfigDir();
    await runCli(INIT, { env: { WXAUTH_CONFIG_DIR: dir } });
    const r = await runCli(['config', 'list', '--json', '--api-base', 'http://127.0.0.1:1'], {
      env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: APPID, WXAUTH_API_BASE: 'http://127.0.0.1:2' },
    });
    const values = parseJson(r.stdout).values as Record<string, { value: string; source: string }>;
    expect(values.appid).toEqual({ value: APPID, source: 'env' });
    expect(values.apiBase).toEqual({ value: 'http://127.0.0.1:1', source: 'flag' });
    expect(values.domain).toEqual({ value: 'www.example.com', source: 'profile' });
    // Another account's appid in the environment (the emulator's export line beside a real profile):
    // the profile's domain is that account's, not this one's, and every command says so.
    const other = await runCli(['url', '--redirect-uri', 'http://127.0.0.1:8080/cb', '--no-qr'], {
      env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wxaaaaaaaaaaaaaaaa', WXAUTH_TYPE: 'test', WXAUTH_OPEN_BASE: 'http://127.0.0.1:3900' },
    });
    expect(other.code).toBe(0);
    expect(other.stderr).toContain('WXAUTH_APPID (wxaaaaaaaaaaaaaaaa) is not the appid of profile "default" (wx1234567890abcdef)');
    expect(other.stderr).not.toContain('www.example.com');
    // --json lists it among the document's warnings; config get says the saved value was set aside.
    const json = await runCli(['url', '--redirect-uri', 'http://127.0.0.1:8080/cb', '--no-qr', '--json'], {
      env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wxaaaaaaaaaaaaaaaa', WXAUTH_TYPE: 'test', WXAUTH_OPEN_BASE: 'http://127.0.0.1:3900' },
    });
    expect(JSON.stringify(parseJson(json.stdout).warnings)).toContain('is not the appid of profile');
    // No redirect URI: the way out is the flag or the variable, not the profile that was set aside.
    const noRedirect = await runCli(['url', '--no-qr'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wxaaaaaaaaaaaaaaaa', WXAUTH_TYPE: 'test' } });
    expect(noRedirect.code).toBe(2);
    expect(noRedirect.stderr).toContain('or set WXAUTH_REDIRECT_URI');
    expect(noRedirect.stderr).not.toContain('config set redirectUri');
    // Its example is under the callback domain in use (http on this machine's names), not off it for a 10003.
    const local = await runCli(['url', '--no-qr'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wxaaaaaaaaaaaaaaaa', WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'localhost' } });
    expect(local.stderr).toContain('Pass --redirect-uri http://localhost/oauth/callback, or set WXAUTH_REDIRECT_URI');
    const real = await runCli(['url', '--no-qr'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wxaaaaaaaaaaaaaaaa', WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'passport.example.cn' } });
    expect(real.stderr).toContain('--redirect-uri https://passport.example.cn/oauth/callback');
    const getJson = await runCli(['config', 'get', 'domain', '--json'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wxaaaaaaaaaaaaaaaa' } });
    expect(parseJson(getJson.stdout)).toMatchObject({ value: null, setAside: true });
    const get = await runCli(['config', 'get', 'domain'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wxaaaaaaaaaaaaaaaa' } });
    expect(get.code).toBe(1);
    expect(get.stderr).toContain('domain is saved in profile "default", but it belongs to that profile’s account, and WXAUTH_APPID names another one');
    // A missing secret for that account: the variable is the way, not config set (which would replace the
    // profile's own account's secret).
    const noSecret = await runCli(['token', '--api-base', 'http://127.0.0.1:9'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wxaaaaaaaaaaaaaaaa' } });
    expect(noSecret.code).toBe(4);
    expect(noSecret.stderr).toContain('→ Set WXAUTH_SECRET for it; or unset WXAUTH_APPID');
    expect(noSecret.stderr).not.toContain('or wxauth config set secret');
  });

  it('config set says when a WXAUTH_* variable of this shell still wins over what it saved (en, zh, --json)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_DOMAIN: 'api.example.com' };
    const r = await runCli(['config', 'set', 'domain', 'www.example.com'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('WXAUTH_DOMAIN is set in this shell and wins over the profile: commands run here still use it, not the domain just saved');
    expect((await runCli(['--lang', 'zh', 'config', 'set', 'domain', 'www.example.com'], { env })).stderr).toContain('这个 shell 里设置了 WXAUTH_DOMAIN');
    expect(parseJson((await runCli(['config', 'set', 'domain', 'www.example.com', '--json'], { env })).stdout)).toMatchObject({ overridden: [{ key: 'domain', variable: 'WXAUTH_DOMAIN' }] });
    const unset = await runCli(['config', 'set', 'domain', 'www.example.com'], { env: { ...env, WXAUTH_DOMAIN: '' } });
    expect(unset.stderr).not.toContain('wins over the profile');
  });

  it('config set with no current profile (it was removed) and others saved: asks for --yes before making "default"', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['--profile', 'a', 'config', 'set', 'appid', APPID], { env })).code).toBe(0);
    expect((await runCli(['--profile', 'b', 'config', 'set', 'appid', APPID, '--yes'], { env })).code).toBe(0);
    expect((await runCli(['profile', 'remove', 'a', '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['config', 'set', 'domain', 'www.example.com'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('No profile is current (the one that was may have been removed). Existing profiles: b.');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    expect((await runCli(['config', 'set', 'domain', 'www.example.com', '--yes'], { env })).code).toBe(0);
  });

  it('config set validates, profile use switches, profile remove needs --yes off a terminal', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    await runCli(INIT, { env });
    // A profile beside the saved one: made with --yes (without it, a misspelt --profile would be).
    expect((await runCli(['--profile', 'test', 'config', 'set', 'domain', '192.168.1.10:8080', '--yes'], { env })).code).toBe(0);
    const bad = await runCli(['config', 'set', 'appid', 'wx123'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('16 hex');
    expect((await runCli(['profile', 'use', 'test'], { env })).code).toBe(0);
    expect((await runCli(['config', 'get', 'domain'], { env })).stdout.trim()).toBe('192.168.1.10:8080');
    expect((await runCli(['profile', 'use', 'nope'], { env })).code).toBe(4);
    const noYes = await runCli(['profile', 'remove', 'test'], { env });
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('--yes');
    // It says what --yes would agree to.
    expect(noYes.stderr).toContain('This step needs confirmation (“Remove profile "test"?”)');
    // Its remembered state goes with it; the other profile's stays.
    expect((await runCli(['url', '--no-qr', '--force', '--redirect-uri', 'http://192.168.1.10:8080/cb'], { env: { ...env, WXAUTH_APPID: APPID } })).code).toBe(0);
    expect((await runCli(['--profile', 'default', 'url', '--no-qr'], { env })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'state-test.json'))).toBe(true);
    const declined = await runCli(['profile', 'remove', 'test'], { env });
    expect(declined.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'state-test.json'))).toBe(true);
    expect((await runCli(['profile', 'remove', 'test', '--yes'], { env })).code).toBe(0);
    expect(parseJson((await runCli(['profile', 'list', '--json'], { env })).stdout).profiles).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'state-test.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'state-default.json'))).toBe(true);
  });

  it('config get after the current profile was removed says no profile is current and lists the others, as config list does (en, zh, --json)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    for (const p of ['default', 'prod']) await runCli(['--profile', p, ...INIT, '--yes'], { env });
    expect((await runCli(['profile', 'remove', 'default', '--yes'], { env })).code).toBe(0);
    const en = await runCli(['config', 'get', 'appid'], { env });
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('appid is not set: no profile is current, and profile "default" does not exist. Existing profiles: prod; pick one with wxauth profile use <name>.');
    const zh = await runCli(['--lang', 'zh', 'config', 'get', 'appid'], { env });
    expect(zh.stderr).toContain('appid 没有设置：当前没有选中的 profile，profile "default" 也不存在。现有 profile：prod；用 wxauth profile use <名字> 选一个。');
    expect(parseJson((await runCli(['config', 'get', 'appid', '--json'], { env })).stdout)).toMatchObject({ value: null, exists: false, profiles: ['prod'] });
    // config.json naming a current profile that is gone: that one is named, not "no profile is current".
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), currentProfile: 'gone' }));
    const gone = await runCli(['config', 'get', 'appid'], { env });
    expect(gone.stderr).toContain('appid is not set: profile "gone" does not exist. Existing profiles: prod; pick one');
  });

  it('removing the current profile says which one is used now and how to pick another; later runs point at profile use', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    for (const p of ['tmp1', 'prod']) await runCli(['--profile', p, ...INIT, '--yes'], { env });
    expect((await runCli(['profile', 'use', 'tmp1'], { env })).code).toBe(0);
    const removed = await runCli(['profile', 'remove', 'tmp1', '--yes'], { env });
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('It was the current profile: commands without --profile now use "default", which does not exist. Pick another with wxauth profile use <name> (existing: prod).');
    const token = await runCli(['token'], { env });
    expect(token.code).toBe(4);
    expect(token.stderr).toContain('Existing profiles: prod. Pick one with wxauth profile use <name>');
    expect((await runCli(['config', 'list'], { env })).stderr).toContain('Profile "default" does not exist. Existing profiles: prod');
    // "default" itself, never picked with profile use: nothing is current afterwards.
    await runCli([...INIT, '--yes'], { env });
    expect((await runCli(['profile', 'use', 'default'], { env })).code).toBe(0);
    const implicit = await runCli(['profile', 'remove', 'default', '--yes'], { env });
    expect(implicit.stderr).toContain('It was the current profile: no profile is current now. Pick one with wxauth profile use <name> (existing: prod).');
    // A WXAUTH_PROFILE naming none: the variable is what to fix.
    const fromEnv = await runCli(['config', 'list'], { env: { ...env, WXAUTH_PROFILE: 'nope' } });
    expect(fromEnv.stderr).toContain('The name came from the WXAUTH_PROFILE variable');
  });

  it('the profiles left after removing the current one are listed with 、 in Chinese', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    for (const p of ['tmp1', 'prod', 'staging']) await runCli(['--profile', p, ...INIT, '--yes'], { env });
    expect((await runCli(['profile', 'use', 'tmp1'], { env })).code).toBe(0);
    const removed = await runCli(['--lang', 'zh', 'profile', 'remove', 'tmp1', '--yes'], { env });
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('（现有：prod、staging）');
  });

  // profile remove said commands now use "default", but the next profile made (config set --yes, init)
  // silently became the current one: a new profile became current whenever none was named in the file.
  it('after the current profile is removed, a profile made next does not become current; the first profile ever does, and says so', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const current = () => (JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { currentProfile?: string }).currentProfile;
    const first = await runCli(['--profile', 'prod', ...INIT, '--yes'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('It is the first profile, so it is now the current one: commands without --profile use "prod".');
    expect(first.stderr).not.toContain('--profile prod url');
    expect(current()).toBe('prod');
    await runCli(['--profile', 'default', 'config', 'set', 'appid', APPID, '--yes'], { env });
    expect((await runCli(['profile', 'remove', 'prod', '--yes'], { env })).stderr).toContain('commands without --profile now use "default"');
    const staging = await runCli(['--profile', 'staging', 'config', 'set', 'appid', APPID, '--yes'], { env });
    expect(staging.code, staging.stderr).toBe(0);
    expect(staging.stderr).not.toContain('current');
    const emu = await runCli(['--profile', 'emu', ...INIT, '--yes'], { env });
    expect(emu.code, emu.stderr).toBe(0);
    expect(emu.stderr).not.toContain('first profile');
    // init's next step names the profile, since it is not the one used without --profile.
    expect(emu.stderr).toContain('wxauth --profile emu ');
    expect(current()).toBeUndefined();
    const list = parseJson((await runCli(['profile', 'list', '--json'], { env })).stdout) as { current: string; profiles: Array<{ name: string; current: boolean }> };
    expect(list.current).toBe('default');
    expect(list.profiles.filter((p) => p.current).map((p) => p.name)).toEqual(['default']);
    // In Chinese, on a fresh folder.
    const zh = await runCli(['--lang', 'zh', '--profile', 'emu', 'config', 'set', 'appid', APPID], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(zh.stderr).toContain('这是第一个 profile，已设为当前 profile：不带 --profile 的命令都用 "emu"。');
  });

  it('a mistake after a subcommand points at that subcommand\'s help; a flag cut short is completed when only one fits', async () => {
    const typo = await runCli(['jssdk', 'sign', 'https://a.com/', '--tiket', 'T']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean --ticket?');
    expect(typo.stderr).toContain('Run wxauth jssdk sign --help for usage and examples.');
    const short = await runCli(['jssdk', 'verify', '--sig', 'abc']);
    expect(short.stderr).toContain("unknown option '--sig'. Did you mean --signature?");
    expect(short.stderr).toContain('Run wxauth jssdk verify --help');
    // Several flags begin with --re (--redirect-uri, --region): no guess.
    expect((await runCli(['url', '--re'])).stderr).not.toContain('Did you mean');
  });

  it('another CLI\'s word for a subcommand gets ours (profile rm → remove); profile add points at init', async () => {
    const rm = await runCli(['profile', 'rm', 'x']);
    expect(rm.code).toBe(2);
    expect(rm.stderr).toContain("unknown command 'rm'. Did you mean remove?");
    expect((await runCli(['config', 'delete', 'domain'])).stderr).toContain('Did you mean unset?');
    expect((await runCli(['config', 'get', 'secret', '--show'])).stderr).toContain("unknown option '--show'. Did you mean --show-secrets?");
    const add = await runCli(['profile', 'add', 'x']);
    expect(add.code).toBe(2);
    expect(add.stderr).toContain('Profiles are created with init: wxauth init --profile <name>');
  });

  // A JS-SDK user who remembers "sign" got commander's plain "unknown command 'sign'" (and "Did you mean
  // token?" for ticket).
  it('wxauth sign|verify|ticket at the top: the jssdk line meant, the user\'s words kept, nothing secret repeated, en and zh (exit 2)', async () => {
    const sign = await runCli(['sign', 'https://www.example.com/a?code=061abcdefghijklmnop', '--api', 'chooseImage']);
    expect(sign.code).toBe(2);
    expect(sign.stdout).toBe('');
    expect(sign.stderr).toContain("unknown command 'sign'. Did you mean jssdk sign?");
    expect(sign.stderr).toContain("The JS-SDK commands (sign, verify, ticket) are under wxauth jssdk: wxauth jssdk sign 'https://www.example.com/a?code=061a***' --api chooseImage");
    expect(sign.stderr).not.toContain('061abcdefghijklmnop');
    const ticket = await runCli(['--profile', 'p', 'ticket', '--show']);
    expect(ticket.code).toBe(2);
    expect(ticket.stderr).toContain("unknown command 'ticket'. Did you mean jssdk ticket?");
    expect(ticket.stderr).toContain('wxauth --profile p jssdk ticket --show');
    const zh = await runCli(['--lang', 'zh', 'verify', '--url', 'https://www.example.com/', '--ticket', 'kgt8ON7yVITDhtdwci0qeXYZ']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('未知命令 verify，是不是想用 jssdk verify？');
    expect(zh.stderr).toContain('JS-SDK 的命令（sign、verify、ticket）都在 wxauth jssdk 下：wxauth --lang zh jssdk verify --url https://www.example.com/ --ticket "$JSAPI_TICKET"');
    const json = parseJson((await runCli(['--json', 'sign', 'https://www.example.com/'])).stdout) as { error: { code: string; hint: string } };
    expect(json.error).toMatchObject({ code: 'usage', hint: expect.stringContaining('wxauth --json jssdk sign https://www.example.com/') });
  });

  // The hint rewrote the first word equal to the command, wherever it was: a profile named sign got
  // `wxauth --profile jssdk sign sign …`, a line that signs with profile "jssdk".
  it('a global flag\'s value spelt like the command is left alone: the word rewritten is the command (sign, proxy), en and zh', async () => {
    const en = await runCli(['--profile', 'sign', 'sign', 'https://x.example.com/']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('are under wxauth jssdk: wxauth --profile sign jssdk sign https://x.example.com/');
    const zh = await runCli(['--lang', 'zh', '--profile', 'sign', 'sign', 'https://x.example.com/']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('JS-SDK 的命令（sign、verify、ticket）都在 wxauth jssdk 下：wxauth --lang zh --profile sign jssdk sign https://x.example.com/');
    const json = parseJson((await runCli(['--json', '--profile', 'sign', 'sign', 'https://x.example.com/'])).stdout) as { error: { hint: string } };
    expect(json.error.hint).toContain('wxauth --json --profile sign jssdk sign https://x.example.com/');
    // proxy's address given as an operand: the operands are counted from the command, not from the profile.
    const proxy = await runCli(['--profile', 'proxy', 'proxy', 'http://127.0.0.1:3900']);
    expect(proxy.code).toBe(2);
    expect(proxy.stderr).toContain('wxauth proxy --upstream http://127.0.0.1:3900');
  });

  it('jssdk sign --url (verify\'s flag) says sign takes the page URL as its argument, with the URL given, en and zh (exit 2)', async () => {
    const en = await runCli(['jssdk', 'sign', '--url', 'https://www.example.com/a?b=1']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("→ jssdk sign takes the page URL as its argument, not as --url (that is jssdk verify’s): wxauth jssdk sign 'https://www.example.com/a?b=1'");
    const zh = await runCli(['--lang', 'zh', 'jssdk', 'sign', '--url=https://www.example.com/a']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("→ jssdk sign 的页面地址直接作为参数传入，没有 --url 选项（--url 是 jssdk verify 的）：wxauth --lang zh jssdk sign 'https://www.example.com/a'");
    expect((await runCli(['jssdk', 'sign', '--url'])).stderr).toContain("wxauth jssdk sign '<page-url>'");
    // The zh placeholder is Chinese.
    expect((await runCli(['--lang', 'zh', 'jssdk', 'sign', '--url'])).stderr).toContain("wxauth --lang zh jssdk sign '<页面地址>'");
    // Another unknown flag on sign keeps the usual pointer to --help.
    expect((await runCli(['jssdk', 'sign', '--bogus', 'x'])).stderr).toContain('Run wxauth jssdk sign --help');
  });

  it('jssdk sign --url: the command offered keeps the other flags and shows no secret of the URL or the ticket, en and zh', async () => {
    const secret = '0123456789abcdef0123456789abcdef';
    const url = `https://www.example.com/?secret=${secret}&code=061eXYZabcdefghijklmno1234`;
    const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
    for (const [lang, said] of [
      ['en', 'not as --url (that is jssdk verify’s): '],
      ['zh', '没有 --url 选项（--url 是 jssdk verify 的）：'],
    ] as const) {
      for (const form of [['--url', url], [`--url=${url}`]]) {
        const r = await runCli(['--lang', lang, '--profile', 'p', 'jssdk', 'sign', ...form, '--ticket', ticket, '--exact-url']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`${said}wxauth --lang ${lang} --profile p jssdk sign 'https://www.example.com/?secret=0123***&code=061e***' --ticket "$JSAPI_TICKET" --exact-url`);
        for (const shown of [secret, 'XYZabc', ticket.slice(0, 20)]) expect(r.stdout + r.stderr).not.toContain(shown);
      }
    }
    const json = await runCli(['--json', 'jssdk', 'sign', `--url=${url}`]);
    expect(json.code).toBe(2);
    expect(json.stdout + json.stderr).not.toContain(secret);
  });

  it('config keys in any case (appId) and types by their Chinese names (--type 服务号) are taken', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    await runCli(INIT, { env });
    const set = await runCli(['config', 'set', 'appId', 'wxbbbbbbbbbbbbbbbb'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect((await runCli(['config', 'get', 'AppID'], { env })).stdout.trim()).toBe('wxbbbbbbbbbbbbbbbb');
    expect((await runCli(['config', 'set', 'type', '测试号'], { env })).code).toBe(0);
    expect((await runCli(['config', 'get', 'type'], { env })).stdout.trim()).toBe('test');
  });

  // A real terminal (tmux, on its own socket), because only a TTY makes wxauth ask: declining is the
  // same outcome as Ctrl-C at the prompt, exit 130, and nothing removed.
  it.skipIf(!HAS_TMUX)('declining a confirmation in a terminal exits 130 and changes nothing (profile remove, "n")', async () => {
    const dir = tempConfigDir();
    await runCli(INIT, { env: { WXAUTH_CONFIG_DIR: dir } });
    const socket = `wxauth-test-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    const exitFile = path.join(dir, 'exit-code');
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    tmux(
      'new-session', '-d', '-x', '100', '-y', '20',
      `env -u CI WXAUTH_CONFIG_DIR=${q(dir)} LANG=en_US.UTF-8 ${q(process.execPath)} ${q(BIN)} profile remove default; echo $? > ${q(exitFile)}`,
    );
    try {
      await until(() => tmux('capture-pane', '-p').includes('Remove profile "default"?'));
      tmux('send-keys', 'n', 'Enter');
      await until(() => fs.existsSync(exitFile) && fs.readFileSync(exitFile, 'utf8').endsWith('\n'));
      expect(fs.readFileSync(exitFile, 'utf8').trim()).toBe('130');
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).profiles).toHaveProperty('default');
    } finally {
      // The session ends with the command, and the server with it; a server still running is ours to stop.
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    }
  });

  it('never overwrites a config file that does not parse: exit 4, the file named, its bytes kept', async () => {
    const dir = tempConfigDir();
    const file = path.join(dir, 'config.json');
    const broken = '{"profiles":{"default":{"appid":"wx1234567890abcdef"}}'; // one brace short
    fs.writeFileSync(file, broken, { mode: 0o600 });
    for (const args of [['config', 'set', 'domain', 'www.example.com'], [...INIT, '--yes'], ['config', 'list', '--json']]) {
      const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stdout + r.stderr).toContain(file);
      expect(fs.readFileSync(file, 'utf8')).toBe(broken);
    }
  });
});

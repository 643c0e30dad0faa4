// A state folder that others can write to, and a config.json or tokens.json others can read, are said
// once, on stderr, by whatever command opens them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS, startEmulator } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, startCli, tempConfigDir } from './helpers.js';

describe('store warnings', () => {
  it('warns once that the state folder is writable by its group, and the command still runs', async () => {
    const dir = tempConfigDir();
    fs.chmodSync(dir, 0o770);
    const r = await runCli(['config', 'path', '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r.stdout).ok).toBe(true);
    expect(r.stderr).toContain('chmod 700');
    expect(r.stderr.split('chmod 700').length - 1).toBe(1);
  });

  // Every user can write it: a config.json planted there could aim wxauth at another server, which
  // would then get the AppSecret. Refused before it is read; config path still says where, and why, once.
  it.skipIf(process.platform === 'win32')('refuses a state folder every user can write (exit 4); config path still prints the paths and says why once', async () => {
    const dir = tempConfigDir();
    fs.chmodSync(dir, 0o777);
    const r = await runCli(['tokens'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`Every user can write to the state folder ${dir} (mode 0777), so wxauth neither reads nor writes it`);
    expect(r.stderr).toContain(`Run chmod 700 ${dir}`);
    const where = await runCli(['config', 'path', '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(where.code, where.stderr).toBe(0);
    const doc = parseJson(where.stdout) as { config: string; problems: string[] };
    expect(doc.config).toBe(path.join(dir, 'config.json'));
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toContain('Every user can write to the state folder');
  });

  it.skipIf(process.platform === 'win32')('warns about a config.json and a tokens.json others can read: which file, its mode, the chmod (en and zh)', async () => {
    const dir = tempConfigDir();
    const config = path.join(dir, 'config.json');
    const tokens = path.join(dir, 'tokens.json');
    const init = ['init', '--type', 'test', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', '127.0.0.1:3000', '--redirect-uri', 'http://127.0.0.1:3000/cb', '--yes'];
    expect((await runCli(init, { env: { WXAUTH_CONFIG_DIR: dir } })).code).toBe(0);
    fs.writeFileSync(tokens, JSON.stringify({ profiles: {} }), { mode: 0o600 });
    // As wxauth writes them: nothing to say.
    const quiet = await runCli(['tokens'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(quiet.stderr).not.toContain('chmod');

    fs.chmodSync(config, 0o644);
    fs.chmodSync(tokens, 0o644);
    const r = await runCli(['tokens'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${config} can be read by other users (mode 0644): it holds your AppSecret. Run chmod 600 ${config}.`);
    expect(r.stderr).toContain(`${tokens} can be read by other users (mode 0644): it holds your access and refresh tokens. Run chmod 600 ${tokens}.`);
    expect(r.stderr.split('can be read by other users').length - 1).toBe(2);
    const zh = await runCli(['--lang', 'zh', 'config', 'get', 'appid'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain(`${config} 其他用户可读（权限 0644）：里面有你的 AppSecret。运行 chmod 600 ${config}。`);
    // Said, not done: the user decides.
    expect(fs.statSync(config).mode & 0o777).toBe(0o644);
    expect(fs.statSync(tokens).mode & 0o777).toBe(0o644);
  });

  it.skipIf(process.platform === 'win32')('a long-running command that only reads a config.json others can read says so as it starts, not when it ends', async () => {
    const dir = tempConfigDir();
    const config = path.join(dir, 'config.json');
    const init = ['init', '--type', 'test', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', '127.0.0.1:3000', '--redirect-uri', 'http://127.0.0.1:3000/cb', '--yes'];
    expect((await runCli(init, { env: { WXAUTH_CONFIG_DIR: dir } })).code).toBe(0);
    fs.chmodSync(config, 0o644);
    const child = startCli(['listen', '--port', '0', '--state', 's1', '--timeout', '30'], { env: { WXAUTH_CONFIG_DIR: dir } });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      for (let i = 0; i < 500 && !stderr.includes('can be read by other users'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(stderr).toContain(`${config} can be read by other users (mode 0644): it holds your AppSecret. Run chmod 600 ${config}.`);
    } finally {
      child.kill();
    }
  });

  it.skipIf(process.platform === 'win32')('config set on a config.json others can read says, once, that saving made it 0600, and not to run chmod (en and zh)', async () => {
    const dir = tempConfigDir();
    const config = path.join(dir, 'config.json');
    const init = ['init', '--type', 'test', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', '127.0.0.1:3000', '--redirect-uri', 'http://127.0.0.1:3000/cb', '--yes'];
    expect((await runCli(init, { env: { WXAUTH_CONFIG_DIR: dir } })).code).toBe(0);
    fs.chmodSync(config, 0o644);
    const r = await runCli(['config', 'set', 'redirectUri', 'http://127.0.0.1:3000/cb2', 'jsDomains', '127.0.0.1:3000'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.statSync(config).mode & 0o777).toBe(0o600);
    expect(r.stderr).toContain(`Changed ${config} from mode 0644 to 0600, readable only by you: wxauth always saves its files that way.`);
    expect(r.stderr.split('to 0600').length - 1).toBe(1);
    // Done, so not asked for: the "Run chmod 600" warning is not said beside it.
    expect(r.stderr).not.toContain('can be read by other users');
    expect(r.stderr).not.toContain('chmod');
    expect(r.stdout).not.toContain('0600');
    fs.chmodSync(config, 0o640);
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'redirectUri', 'http://127.0.0.1:3000/cb3'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain(`已把 ${config} 的权限从 0640 改为 0600，现在只有你能读：wxauth 保存文件时总是这样写。`);
    expect(zh.stderr).not.toContain('其他用户可读');
    // A set refused after reading the file (a domain the saved redirect_uri is not under, without --yes)
    // leaves it readable: the warning is said, before the error.
    fs.chmodSync(config, 0o644);
    const refused = await runCli(['config', 'set', 'domain', 'www.example.org'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(refused.code).toBe(2);
    expect(fs.statSync(config).mode & 0o777).toBe(0o644);
    expect(refused.stderr).toContain(`${config} can be read by other users (mode 0644): it holds your AppSecret. Run chmod 600 ${config}.`);
    expect(refused.stderr.indexOf('can be read by other users')).toBeLessThan(refused.stderr.indexOf('✖'));
    expect(refused.stderr).not.toContain('to 0600');
    fs.chmodSync(config, 0o600);
    // Written again at 0600: nothing to say.
    expect((await runCli(['config', 'set', 'redirectUri', 'http://127.0.0.1:3000/cb4'], { env: { WXAUTH_CONFIG_DIR: dir } })).stderr).not.toContain('0600');
  });

  // One run, two files: tokens.json written (the basic token cached), so made 0600 and said so; config.json
  // only read, so the chmod is still asked for.
  it.skipIf(process.platform === 'win32')('token on a readable tokens.json: the note that it is now 0600, no chmod for it; the config.json it only read keeps its warning', async () => {
    const emu = await startEmulator();
    try {
      const dir = tempConfigDir();
      const config = path.join(dir, 'config.json');
      const tokens = path.join(dir, 'tokens.json');
      const init = ['init', '--type', 'service', '--appid', DEFAULT_APPIDS.service, '--secret', '5e1ec0de5e1ec0de5e1ec0de00000001', '--domain', 'localhost', '--redirect-uri', 'http://localhost/cb', '--yes'];
      expect((await runCli(init, { env: { WXAUTH_CONFIG_DIR: dir } })).code).toBe(0);
      fs.writeFileSync(tokens, JSON.stringify({ profiles: {} }), { mode: 0o600 });
      fs.chmodSync(config, 0o644);
      fs.chmodSync(tokens, 0o644);
      const env = { WXAUTH_CONFIG_DIR: dir, WXAUTH_API_BASE: emu.url, WXAUTH_OPEN_BASE: emu.url, WXAUTH_BACKUP_API_BASE: emu.url };
      const r = await runCli(['token'], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(fs.statSync(tokens).mode & 0o777).toBe(0o600);
      expect(r.stderr).toContain(`Changed ${tokens} from mode 0644 to 0600, readable only by you`);
      expect(r.stderr).not.toContain(`Run chmod 600 ${tokens}`);
      expect(r.stderr).toContain(`${config} can be read by other users (mode 0644): it holds your AppSecret. Run chmod 600 ${config}.`);
      expect(fs.statSync(config).mode & 0o777).toBe(0o644);
    } finally {
      await emu.close();
    }
  });

  it('says nothing about a 0700 folder', async () => {
    const dir = tempConfigDir();
    fs.chmodSync(dir, 0o700);
    const r = await runCli(['config', 'path'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('chmod');
    // Every file wxauth keeps there, the state file of the profile in use last.
    expect(r.stdout).toBe(['config.json', 'tokens.json', 'state-default.json'].map((f) => path.join(dir, f) + '\n').join(''));
    const prod = await runCli(['--profile', 'prod', 'config', 'path', '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(parseJson(prod.stdout).state).toBe(path.join(dir, 'state-prod.json'));
  });

  it('config path still prints where the files are when config.json does not parse, says why beside them, and leaves the file as it is', async () => {
    const dir = tempConfigDir();
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(config, '{', { mode: 0o600 });
    const r = await runCli(['config', 'path'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(['config.json', 'tokens.json', 'state-default.json'].map((f) => path.join(dir, f) + '\n').join(''));
    expect(r.stderr).toContain(`${config} is not valid JSON: it ends at line 1, column 2`);
    // Which profile is in use is in the file that cannot be read: the default's state file, said as a guess.
    expect(r.stderr).toContain(`the profile in use is unknown: ${path.join(dir, 'state-default.json')} is the default profile’s state file`);
    const json = parseJson((await runCli(['--profile', 'prod', 'config', 'path', '--json', '--lang', 'zh'], { env: { WXAUTH_CONFIG_DIR: dir } })).stdout);
    expect(json).toMatchObject({ ok: true, config, state: path.join(dir, 'state-prod.json') });
    expect(json.stateGuessed).toBeUndefined();
    const guessed = await runCli(['config', 'path', '--json', '--lang', 'zh'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(parseJson(guessed.stdout).stateGuessed).toBe(true);
    expect(guessed.stderr).toContain('不知道当前是哪个 profile');
    expect(json.problems).toEqual([expect.stringContaining(`${config} 不是有效的 JSON`)]);
    expect(fs.readFileSync(config, 'utf8')).toBe('{');
    // The commands that need the profile still refuse it (exit 4), as before.
    expect((await runCli(['config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } })).code).toBe(4);
    // A tokens.json that does not parse, likewise.
    fs.writeFileSync(config, JSON.stringify({ profiles: {} }), { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'tokens.json'), '[1,', { mode: 0o600 });
    const tokens = await runCli(['config', 'path'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(tokens.code, tokens.stderr).toBe(0);
    expect(tokens.stdout.split('\n')[1]).toBe(path.join(dir, 'tokens.json'));
    expect(tokens.stderr).toContain(`${path.join(dir, 'tokens.json')} is not valid JSON`);
    expect(tokens.stderr).not.toContain('profile in use is unknown');
  });
});

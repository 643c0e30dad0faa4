// A bad value of a global flag (--timeout, --api-base, --open-base, --backup-api-base, --region) is
// the command line's fault: a usage error (exit 2) naming the flag, as a refused `config set` value
// is. The same value from WXAUTH_* or a profile stays a configuration error (exit 4), and the message
// names where it came from — the variable, or the profile and its config.json — so the user knows
// what to change. Nothing reaches WeChat either way.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runCli, tempConfigDir, useCountingWechat } from './helpers.js';

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

/** A stand-in for WeChat that counts what reaches it: a value refused up front sends nothing. */
const wechat = useCountingWechat();

/** A config folder with profile "prod" (aimed at the counting server) and `extra` in it. */
function withProfile(extra: Record<string, string> = {}): { dir: string; file: string } {
  const dir = tempConfigDir();
  const file = path.join(dir, 'config.json');
  const prod = { type: 'service', appid: APPID, secret: SECRET, apiBase: wechat.base, openBase: wechat.base, backupApiBase: wechat.base, ...extra };
  fs.writeFileSync(file, JSON.stringify({ currentProfile: 'prod', profiles: { prod } }), { mode: 0o600 });
  return { dir, file };
}

describe('a refused global flag is a usage error (exit 2) naming the flag', () => {
  it.each([
    [['--timeout', '0', 'token'], '--timeout "0"'],
    [['token', '--timeout', 'abc'], '--timeout "abc"'],
    [['--api-base', 'notaurl', 'token'], '--api-base: "notaurl"'],
    [['--open-base', 'ftp://x', 'token'], '--open-base: "ftp://x"'],
    [['--backup-api-base', 'nope', 'token'], '--backup-api-base: "nope"'],
    [['--region', 'xx', 'token'], '--region: region "xx"'],
    // Commands that never use the flag refuse it too: it was taken silently (exit 0).
    [['--timeout', 'abc', 'errcode', '40029'], '--timeout "abc"'],
    [['--api-base', 'notaurl', 'inspect', 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef'], '--api-base: "notaurl"'],
  ])('%j', async (args, named) => {
    wechat.hits = 0;
    const { dir } = withProfile();
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(named);
    expect(r.stdout).toBe('');
    expect(wechat.hits).toBe(0);
  });

  it('in the --json document too: error.code "usage"', async () => {
    const r = await runCli(['--json', '--region', 'xx', 'token'], { env: { WXAUTH_CONFIG_DIR: withProfile().dir } });
    expect(r.code).toBe(2);
    expect(parseJson(r.stdout)).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringContaining('--region') } });
  });

  it('in Chinese', async () => {
    const r = await runCli(['--lang', 'zh', '--api-base', 'notaurl', 'token'], { env: { WXAUTH_CONFIG_DIR: withProfile().dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--api-base："notaurl" 不是 http(s) 地址');
  });

  it('a flag is refused even when the profile has its own bad value (the flag is what the user just typed)', async () => {
    const r = await runCli(['--timeout', '0', 'token'], { env: { WXAUTH_CONFIG_DIR: withProfile({ region: 'xx' }).dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout');
  });

  it('a flag is refused before a config.json that does not parse is reported, and the file stays as it was', async () => {
    const { dir, file } = withProfile();
    fs.writeFileSync(file, '{"profiles": {', { mode: 0o600 });
    const r = await runCli(['--timeout', '0', 'check'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout "0"');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"profiles": {');
  });

  it('config list and probe --emulator check the flags too (config before its broken file)', async () => {
    const { dir, file } = withProfile();
    fs.writeFileSync(file, '{"profiles": {', { mode: 0o600 });
    const config = await runCli(['--api-base', 'nope', 'config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('--api-base');
    const probe = await runCli(['--timeout', '0', 'probe', 'http://127.0.0.1:9/auth', '--emulator', wechat.base], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(probe.code).toBe(2);
    expect(probe.stderr).toContain('--timeout "0"');
  });

  it('doctor stops before any check runs, as with a bad --connect-to', async () => {
    wechat.hits = 0;
    const r = await runCli(['doctor', '--profile', 'prod', '--timeout', '0'], { env: { WXAUTH_CONFIG_DIR: withProfile().dir } });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('--timeout "0"');
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/node|passed|failed/i);
    expect(wechat.hits).toBe(0);
  });
});

describe('the same value from WXAUTH_* or a profile is a config error (exit 4) naming its source', () => {
  it.each([
    ['WXAUTH_API_BASE', 'notaurl'],
    ['WXAUTH_OPEN_BASE', 'ftp://x'],
    ['WXAUTH_BACKUP_API_BASE', 'nope'],
    ['WXAUTH_REGION', 'xx'],
    ['WXAUTH_TYPE', 'corp'],
  ])('%s=%s', async (name, value) => {
    wechat.hits = 0;
    const r = await runCli(['token'], { env: { WXAUTH_CONFIG_DIR: withProfile().dir, [name]: value } });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain(`${name}: `);
    expect(r.stderr).toContain(`"${value}"`);
    expect(wechat.hits).toBe(0);
  });

  it.each([
    ['region', 'xx'],
    ['apiBase', 'notaurl'],
    ['type', 'corp'],
  ])('profile %s=%s: the profile and config.json are named', async (key, value) => {
    wechat.hits = 0;
    const { dir, file } = withProfile({ [key]: value });
    const r = await runCli(['token'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain(`${key} (profile prod, ${file}): `);
    expect(r.stderr).toContain(`"${value}"`);
    expect(wechat.hits).toBe(0);
    const zh = await runCli(['--lang', 'zh', 'token'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`${key} (profile prod, ${file})：`);
  });

  it('doctor reports a bad profile value under its profile check (exit 1), naming where it is', async () => {
    const { dir, file } = withProfile({ region: 'xx' });
    const r = await runCli(['doctor'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toContain(`region (profile prod, ${file})`);
  });
});

// `wxauth --timeout 30 login` set a 30 ms timeout on each request and left login's wait at 300 s: the
// code was sent, the request gave up before the answer, and the code was spent with its token lost.
describe('a global --timeout under 1000 ms is refused before anything is sent, saying it is ms per request', () => {
  it.each([
    ['login', ['--timeout', '30', 'login', '--no-open']],
    ['listen', ['--timeout', '60', 'listen', '--port', '0']],
  ])('%s: the hint puts the wait’s --timeout (seconds) after the command', async (command, args) => {
    wechat.hits = 0;
    const value = args[1]!;
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: withProfile().dir } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`--timeout ${value} gives each request ${value} ms, too short for an answer to arrive (at least 1000).`);
    expect(r.stderr).toContain(`To have ${command} wait ${value} s for the callback, put --timeout after the command (seconds): wxauth ${command} --timeout ${value}.`);
    expect(r.stderr).not.toContain('Listening');
    expect(r.stdout).toBe('');
    expect(wechat.hits).toBe(0);
    const zh = await runCli(['--lang', 'zh', ...args], { env: { WXAUTH_CONFIG_DIR: withProfile().dir } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`要让 ${command} 等回调 ${value} 秒，把 --timeout 放在命令后面（单位是秒）：wxauth ${command} --timeout ${value}。`);
  });

  it('a command without a wait of its own: the code is not sent (exchange), the hint gives the unit and range', async () => {
    wechat.hits = 0;
    const r = await runCli(['exchange', '061abcdefghijklmnopqrstuvwxyz012', '--timeout', '300'], { env: { WXAUTH_CONFIG_DIR: withProfile().dir } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('The global --timeout is in milliseconds, for each request: give 1000 to 600000');
    expect(r.stderr).not.toContain('callback');
    expect(wechat.hits).toBe(0);
    const json = parseJson((await runCli(['--json', '--timeout', '999', 'token'], { env: { WXAUTH_CONFIG_DIR: withProfile().dir } })).stdout);
    expect(json).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringContaining('at least 1000') } });
    const zh = await runCli(['--lang', 'zh', '--timeout', '300', 'token'], { env: { WXAUTH_CONFIG_DIR: withProfile().dir } });
    expect(zh.stderr).toContain('全局 --timeout 的单位是毫秒，每个请求单独计时');
  });

  it('1000 ms and the wait’s own --timeout after the command are taken', async () => {
    const r = await runCli(['--timeout', '1000', 'errcode', '40029'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(0);
  });
});

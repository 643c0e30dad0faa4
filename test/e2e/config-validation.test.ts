// One validation for every way a setting arrives (issue 12 item 4): WXAUTH_* variables are checked
// before anything reaches WeChat; config set refuses what init refuses; changing the domain (or the
// type) re-checks the saved redirect_uri. And the hints around profiles and state files point the
// right way (item 11), in the user's language (item 10).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { EXIT, UsageError } from '../../src/errors.js';
import { createContext } from '../../src/runtime.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { Output } from '../../src/ui/output.js';
import { parseJson, runCli, tempConfigDir, useCountingWechat } from './helpers.js';

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';
const readConfig = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { profiles: Record<string, Record<string, string>> };
const INIT = ['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/wechat/callback'];

/** A stand-in for WeChat that counts what reaches it: a value refused up front sends nothing. */
const wechat = useCountingWechat();

const aimed = (extra: Record<string, string>) => ({ WXAUTH_API_BASE: wechat.base, WXAUTH_BACKUP_API_BASE: wechat.base, WXAUTH_OPEN_BASE: wechat.base, WXAUTH_CONFIG_DIR: tempConfigDir(), ...extra });

async function initialised(extra: string[] = []): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = tempConfigDir();
  const env = { WXAUTH_CONFIG_DIR: dir };
  const r = await runCli([...INIT, ...extra], { env });
  expect(r.code, r.stderr).toBe(0);
  return { dir, env };
}

describe('WXAUTH_* values are checked before any call to WeChat (exit 4, the variable named)', () => {
  it.each([
    ['WXAUTH_APPID', 'ww1234567890abcdef', 'WeCom'],
    ['WXAUTH_APPID', 'wx1234567890ABCDEF', 'wx1234567890abcdef'],
    ['WXAUTH_SECRET', ` ${SECRET}`, 'space'],
    ['WXAUTH_SECRET', SECRET.slice(2), '32 hex'],
  ])('%s=%j', async (name, value, expected) => {
    wechat.hits = 0;
    const r = await runCli(['token'], { env: aimed({ WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET, [name]: value }) });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain(name);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toContain(SECRET);
    expect(wechat.hits).toBe(0);
  });

  it('a port in WXAUTH_DOMAIN of a service account is refused before a URL is built', async () => {
    const r = await runCli(['url', '--no-qr'], {
      env: aimed({ WXAUTH_TYPE: 'service', WXAUTH_APPID: APPID, WXAUTH_DOMAIN: 'www.example.com:8443', WXAUTH_REDIRECT_URI: 'https://www.example.com:8443/cb' }),
    });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('WXAUTH_DOMAIN');
    expect(r.stderr).toContain('test account');
  });

  it('config list shows the refused value as a problem instead of using it', async () => {
    const r = await runCli(['config', 'list', '--json'], { env: aimed({ WXAUTH_APPID: 'ww1234567890abcdef' }) });
    const doc = parseJson(r.stdout) as { values: Record<string, unknown>; problems: Array<{ field: string; source: string; message: string }> };
    expect(doc.values.appid).toBeNull();
    expect(doc.problems).toEqual([expect.objectContaining({ field: 'appid', source: 'env', message: expect.stringContaining('WXAUTH_APPID') })]);
    const human = await runCli(['config', 'list'], { env: aimed({ WXAUTH_APPID: 'ww1234567890abcdef' }) });
    expect(human.stderr).toContain('WXAUTH_APPID');
    // Its row stays in the table, marked, with where it came from.
    expect(human.stdout).toMatch(/^appid +\(refused, not used: see below\) +env$/m);
  });
});

describe('config set: the same rules as init', () => {
  it('a verify file named by a second download (“ (1)”) is said as doctor --verify-file says it, with the command that saves the console\'s name, and the mv back first for a file here (exit 2, en and zh, nothing saved)', async () => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const copy = 'MP_verify_AbC123 (1).txt';
    const r = await runCli(['config', 'set', 'verifyFile', copy], { env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`✖ verifyFile ${copy} is named as a second download or a copy renames the verify file (“ (1)” before .txt): WeChat fetches it from the domain’s root by the name the 公众号 console handed out, MP_verify_AbC123.txt.`);
    expect(r.stderr).toContain('→ Save the name the console handed out (and serve the file under that name at the domain’s root): wxauth config set verifyFile MP_verify_AbC123.txt');
    const zh = await runCli(['--lang', 'zh', '--profile', 'staging', 'config', 'set', 'verifyFile', 'MP_verify_AbC123 - 副本.txt'], { env });
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain('verifyFile MP_verify_AbC123 - 副本.txt 的文件名是重复下载或复制时改出来的（.txt 前多了“ - 副本”）');
    expect(zh.stderr).toContain('保存后台给的原名（网站根目录下的文件也要用这个名字）：wxauth --profile staging config set verifyFile MP_verify_AbC123.txt');
    // The downloaded file is here (the current folder): renamed back first, as doctor offers it.
    const here = fs.mkdtempSync(path.join(dir, 'downloads-'));
    fs.writeFileSync(path.join(here, copy), 'AbC123');
    const cwd = process.cwd();
    process.chdir(here);
    try {
      const mv = await runCli(['config', 'set', 'verifyFile', copy], { env });
      expect(mv.code, mv.stderr).toBe(2);
      expect(mv.stderr).toContain(`→ Rename the file back, then save that name (and serve the file under it at the domain’s root): mv 'MP_verify_AbC123 (1).txt' MP_verify_AbC123.txt && wxauth config set verifyFile MP_verify_AbC123.txt`);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it.each([['domain'], ['jsDomains']])('refuses the AppSecret pasted as %s, without echoing it, in en and zh', async (key) => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['config', 'set', key, SECRET, '--yes'], { env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('look like the AppSecret');
    expect(r.stderr + r.stdout).not.toContain(SECRET);
    const zh = await runCli(['--lang', 'zh', 'config', 'set', key, SECRET, '--yes', '--json'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stdout).toContain('看起来是 AppSecret');
    expect(zh.stderr + zh.stdout).not.toContain(SECRET);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // The AppSecret inside a refused value, or beside it as another value: neither the refusal, its Also
  // lines, its hint nor the command it offers quotes anything of it (32 hex digits in a row).
  it.each([
    [['appid', SECRET, 'jsDomains', `${SECRET}/`]],
    [['appid', SECRET, 'type', 'service', 'domain', `https://${SECRET}:8443/`]],
    [['jsDomains', `${SECRET}/`]],
    [['appid', `wx${SECRET}`]],
    [['appid', `${SECRET}x`]],
    [['redirectUri', `${SECRET}1`]],
    [['type', 'service', 'domain', 'https://www.example.com:8443/', 'redirectUri', `https://www.example.com/cb?k=${SECRET}`]],
  ])('config set %j: the AppSecret in it is never shown (en, zh, --json)', async (pairs) => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    for (const args of [['config', 'set', ...pairs], ['--lang', 'zh', 'config', 'set', ...pairs], ['config', 'set', ...pairs, '--json'], ['--lang', 'zh', 'config', 'set', ...pairs, '--json']]) {
      const r = await runCli(args, { env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout + r.stderr).not.toMatch(/[0-9a-f]{32}/i);
    }
    const shown = await runCli(['config', 'set', ...pairs], { env });
    // What is wrong is still said, and what to do.
    expect(shown.stderr).toMatch(/not shown, so it does not leak|is a whole URL/);
    expect(shown.stderr).toMatch(/→ \S/);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('refuses an upper-case appid (and names the lower-case one) instead of changing it silently', async () => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['config', 'set', 'appid', 'wx1234567890ABCDEF'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wx1234567890abcdef');
    expect(r.stderr).toMatch(/lower.case/);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('config set and WXAUTH_* say which character of a secret or an appid is wrong and where, or only the length (zh, en)', async () => {
    const { env } = await initialised();
    const zh = { ...env, LANG: 'zh_CN.UTF-8' };
    const spaced = `${SECRET.slice(0, 16)} ${SECRET.slice(16)}`;
    const cases: Array<[string, string, string, string]> = [
      ['secret', spaced, 'secret：AppSecret 的第 17 个字符是空格。', 'secret: character 17 of the AppSecret is a space.'],
      ['secret', `${SECRET.slice(0, 31)}G`, 'secret：AppSecret 含非十六进制字符 G（第 32 个）。', 'secret: the AppSecret has a character that is not a hex digit: G (character 32).'],
      ['secret', `${SECRET.slice(0, 16)}\u200b${SECRET.slice(17)}`, 'secret：AppSecret 的第 17 个字符是不可见字符 U+200B。', 'secret: character 17 of the AppSecret is an invisible character, U+200B.'],
      ['secret', SECRET.slice(1), 'secret：AppSecret 有 31 个字符，应为 32 位十六进制。', 'secret: the AppSecret has 31 characters; it needs 32 hex digits.'],
      ['appid', 'wx5e1ec0de0000001', 'appid："wx5e1ec0de0000001" 不是 appid：它有 17 个字符，appid 是 18 个（wx 加 16 位十六进制）。', 'appid: "wx5e1ec0de0000001" is not an appid: it has 17 characters; an appid has 18 (wx and 16 hex digits).'],
      ['appid', 'wx5e1ec0de00000o01', 'appid："wx5e1ec0de00000o01" 不是 appid：含非十六进制字符 o（第 16 个）。', 'appid: "wx5e1ec0de00000o01" is not an appid: it has a character that is not a hex digit: o (character 16).'],
      ['appid', 'xw5e1ec0de00000001', 'appid："xw5e1ec0de00000001" 不是 appid：它不以 wx 开头。', 'appid: "xw5e1ec0de00000001" is not an appid: it does not start with wx.'],
    ];
    for (const [key, value, zhText, enText] of cases) {
      const z = await runCli(['config', 'set', key, value], { env: zh });
      expect(z.code, value).toBe(2);
      expect(z.stderr).toContain(`✖ ${zhText}`);
      const e = await runCli(['config', 'set', key, value], { env });
      expect(e.stderr).toContain(`✖ ${enText}`);
      if (key === 'secret') expect(z.stderr + e.stderr).not.toContain(value.slice(0, 16));
    }
    // A base URL with a query: the API paths would be swallowed; the query (a key, perhaps) is not echoed.
    const queried = await runCli(['--api-base', 'http://127.0.0.1:3900/x?key=Zq9secretvalue', 'token'], { env });
    expect(queried.code).toBe(2);
    expect(queried.stderr).toContain('--api-base has a ?query or #fragment');
    expect(queried.stderr).not.toContain('Zq9secretvalue');
    // The 原始ID shown beside the appid in the console.
    const ghid = await runCli(['config', 'set', 'appid', 'gh_123456789abc'], { env });
    expect(ghid.code).toBe(2);
    expect(ghid.stderr).toContain('is the account’s original ID (原始ID, gh_…), not its appid');
    // The AppSecret pasted as the appid: said as such, never echoed (a CI log would keep it).
    const swapped = await runCli(['config', 'set', 'appid', SECRET], { env });
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('32 hex digits look like the AppSecret, not an appid');
    expect(swapped.stderr).not.toContain(SECRET.slice(4));
    // The same words for the same value from the environment (exit 4, the variable named).
    const fromEnv = await runCli(['token'], { env: aimed({ WXAUTH_APPID: APPID, WXAUTH_SECRET: spaced, LANG: 'zh_CN.UTF-8' }) });
    expect(fromEnv.code).toBe(4);
    expect(fromEnv.stderr).toContain('WXAUTH_SECRET：AppSecret 的第 17 个字符是空格。');
  });

  it('refuses a WeCom corpid and a secret with a space, saying which', async () => {
    const { env } = await initialised();
    const corp = await runCli(['config', 'set', 'appid', 'ww1234567890abcdef'], { env });
    expect(corp.code).toBe(2);
    expect(corp.stderr).toContain('WeCom');
    const spaced = await runCli(['config', 'set', 'secret', `${SECRET} `], { env });
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toContain('space');
  });

  it('refuses host:port as the domain of a production account, accepts it on a test account', async () => {
    const { env } = await initialised();
    const r = await runCli(['config', 'set', 'domain', 'www.example.com:8443'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('test account');
    const t = await runCli(['--profile', 'lab', 'init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '10.0.0.2:8080', '--redirect-uri', 'http://10.0.0.2:8080/cb'], { env });
    expect(t.code, t.stderr).toBe(0);
    const ok = await runCli(['--profile', 'lab', 'config', 'set', 'domain', '10.0.0.2:9090'], { env });
    // The saved redirect_uri names port 8080: re-checked below; here only the shape matters.
    expect(ok.stderr).not.toContain('test account');
  });

  it('an IP:port on a production account: the hint does not say to drop the port (the IP is refused too)', async () => {
    const { env } = await initialised();
    const named = await runCli(['config', 'set', 'domain', 'www.example.com:8443'], { env });
    expect(named.stderr).toContain('Use www.example.com and serve the callback on port 443 or 80');
    const r = await runCli(['config', 'set', 'domain', '127.0.0.1:3001'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Use 127.0.0.1');
    expect(r.stderr).toContain('Use the domain name registered in the console');
    expect(r.stderr).toContain('use a test account (type test)');
    const zh = await runCli(['config', 'set', 'domain', '127.0.0.1:3001'], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).not.toContain('改用 127.0.0.1');
    expect(zh.stderr).toContain('登记的域名');
    expect(zh.stderr).toContain('请用测试号（type test）');
    // What the old hint led to is refused too, so the new one leads elsewhere.
    const bare = await runCli(['config', 'set', 'domain', '127.0.0.1'], { env });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('is an IP address');
  });

  it('a new domain that the saved redirect_uri is not under: exit 2, says so and how to go on; nothing saved', async () => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['config', 'set', 'domain', 'www.example.org'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('https://www.example.com/wechat/callback');
    expect(r.stderr).toContain('www.example.org');
    expect(r.stderr).toContain('10003');
    // The saved redirect_uri's path under the new domain: a command that runs as pasted.
    expect(r.stderr).toContain('Set the domain and a redirect_uri under it together: wxauth config set domain www.example.org redirectUri https://www.example.org/wechat/callback;');
    expect(r.stderr).toContain('--yes');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    // Setting the redirect_uri first is refused the other way round, and says the same way out.
    const outside = await runCli(['config', 'set', 'redirectUri', 'https://www.example.org/cb'], { env });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('change the domain with it: wxauth config set domain www.example.org redirectUri https://www.example.org/cb;');

    // The way out that needs no flag: both in one command, checked as one change.
    const both = await runCli(['config', 'set', 'domain', 'www.example.org', 'redirectUri', 'https://www.example.org/cb', '--json'], { env });
    expect(both.code, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject({ values: [{ key: 'domain', value: 'www.example.org' }, { key: 'redirectUri', value: 'https://www.example.org/cb' }] });
    expect((await runCli(['config', 'get', 'redirectUri'], { env })).stdout.trim()).toBe('https://www.example.org/cb');
    // Still one check for the pair: a redirect_uri outside the domain given beside it is refused, nothing saved.
    const saved = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    expect((await runCli(['config', 'set', 'domain', 'www.example.net', 'redirectUri', 'https://www.example.org/cb'], { env })).code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(saved);
    const unpaired = await runCli(['config', 'set', 'domain', 'www.example.net', 'redirectUri'], { env });
    expect(unpaired.code).toBe(2);
    expect(unpaired.stderr).toContain('"redirectUri" has no value');
  });

  it('type subscription beside a saved callback domain: refused as init refuses it, saved with --yes', async () => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['config', 'set', 'type', 'subscription'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no web authorization');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    expect((await runCli(['config', 'set', 'type', 'subscription', '--yes'], { env })).code).toBe(0);
  });

  it('a type that the saved domain does not fit (service with a test account\'s IP:port) is re-checked too', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '10.0.0.2:8080', '--redirect-uri', 'http://10.0.0.2:8080/cb'], { env });
    const r = await runCli(['config', 'set', 'type', 'service'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('10.0.0.2:8080');
  });

  it('--yes saves it anyway and says the redirect_uri no longer matches', async () => {
    const { dir } = await initialised();
    let stderr = '';
    const out = new Output({ lang: 'en', json: false, color: false, stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } });
    const ctx = createContext({
      lang: 'en', out, globals: {}, env: { WXAUTH_CONFIG_DIR: dir }, interactive: false,
      signal: new AbortController().signal, stdin: process.stdin, promptOutput: () => process.stderr,
    });
    const config = COMMANDS.find((c) => c.name === 'config')!;
    const refused = await config.execute({ sub: 'set', args: ['domain', 'www.example.org'], opts: {} }, ctx).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect(await config.execute({ sub: 'set', args: ['domain', 'www.example.org'], opts: { yes: true } }, ctx)).toBe(EXIT.ok);
    expect(stderr).toContain('no longer');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).profiles.default.domain).toBe('www.example.org');
  });

  // With the emulator's service-account variables (WXAUTH_TYPE=service) and no type saved, a jsDomains with
  // a port was saved (exit 0), then refused by every jssdk verify (exit 4) and listed as "refused, not used".
  it('a value the type in effect refuses (WXAUTH_TYPE, over the profile) is refused as the commands would, naming the variable; --yes saves it', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir, WXAUTH_TYPE: 'service' };
    await runCli(['config', 'set', 'appid', APPID], { env: { WXAUTH_CONFIG_DIR: dir } });
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['config', 'set', 'jsDomains', '127.0.0.1:8080'], { env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('127.0.0.1:8080 in jsDomains (profile default');
    expect(r.stderr).toContain('has a port, which only a test account');
    expect(r.stderr).toContain('WXAUTH_TYPE=service is set in this shell and wins over the profile');
    expect(r.stderr).not.toContain('Saved');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'domain', '127.0.0.1:8080'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('这个 shell 里设置了 WXAUTH_TYPE=service，它比 profile 优先');
    // Without the variable the profile (no type saved) takes it, as before.
    expect((await runCli(['config', 'set', 'jsDomains', '127.0.0.1:8080'], { env: { WXAUTH_CONFIG_DIR: dir } })).code).toBe(0);
    const yes = await runCli(['config', 'set', 'jsDomains', '127.0.0.1:9090', '--yes'], { env });
    expect(yes.code).toBe(0);
    expect(yes.stderr).toContain('! 127.0.0.1:9090 in jsDomains');
    // A value that fits the type in effect is saved as ever; one WXAUTH_DOMAIN overrides is not used here at all.
    expect((await runCli(['config', 'set', 'jsDomains', 'www.example.com'], { env })).code).toBe(0);
    expect((await runCli(['config', 'set', 'domain', '127.0.0.1:8080'], { env: { ...env, WXAUTH_DOMAIN: 'www.example.com' } })).code).toBe(0);
  });
});

// A redirect_uri copied from an address bar with its code, or the AppSecret pasted into it, was echoed
// in full by config set --json, config get and config list, while `config get secret` masks the secret.
describe('values that carry a secret are echoed masked, as the secret is', () => {
  it('a redirect_uri with a code and the profile\'s AppSecret: masked in set --json, get and list (en, zh); --show-secrets shows it', async () => {
    const { env } = await initialised();
    const CODE = '061abcDEF123ghiJKL456mno789pq';
    const uri = `https://www.example.com/wechat/callback?code=${CODE}&x=${SECRET}`;
    const set = await runCli(['config', 'set', 'redirectUri', uri, '--json'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect(parseJson(set.stdout).value).toBe('https://www.example.com/wechat/callback?code=061a***&x=0123***');
    for (const args of [['config', 'get', 'redirectUri'], ['config', 'list'], ['--lang', 'zh', 'config', 'list'], ['config', 'list', '--json']]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toContain('callback?code=061a***&x=0123***');
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain(CODE);
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain(SECRET);
    }
    expect((await runCli(['--show-secrets', 'config', 'get', 'redirectUri'], { env })).stdout.trim()).toBe(uri);
  });

  it('init says the redirect_uri it saved masked too, in its next step and --json (en, zh); the file holds it as given', async () => {
    const CODE = '061abcDEF123ghiJKL456mno789pq';
    const uri = `https://www.example.com/#/login?code=${CODE}`;
    const dir = tempConfigDir();
    const r = await runCli([...INIT.slice(0, -1), uri, '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r.stdout).redirectUri).toBe('https://www.example.com/#/login?code=061a***');
    expect(r.stdout + r.stderr).not.toContain(CODE);
    const zh = await runCli(['--lang', 'zh', ...INIT.slice(0, -1), uri, '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('code=061a***');
    expect(zh.stderr).not.toContain(CODE);
    expect(readConfig(dir).profiles.default!.redirectUri).toBe(uri);
  });

  it('init on a local https redirect_uri offers its http form as a command to paste, without the code and state it carried and quoted for the shell', async () => {
    const CODE = '061abcDEF123ghiJKL456mno789pq';
    const uri = `https://127.0.0.1:8443/cb?code=${CODE}&x=1&state=abc`;
    const dir = tempConfigDir();
    const args = ['init', '--type', 'test', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', '127.0.0.1:8443', '--redirect-uri', uri, '--yes'];
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("config set redirectUri 'http://127.0.0.1:8443/cb?x=1'");
    expect(r.stdout + r.stderr).not.toContain(CODE);
    const shown = await runCli(['--show-secrets', ...args], { env: { WXAUTH_CONFIG_DIR: dir } });
    // The command is the one to run either way: a redirect_uri takes no code or state of its own.
    expect(shown.stderr).toContain("config set redirectUri 'http://127.0.0.1:8443/cb?x=1'");
  });
});

// config set's conflicts quoted a saved redirect_uri in full, code included, and offered a command
// holding it; a masked one pasted back would save `code=061a***`.
describe('config set\'s conflicts quote a redirect_uri masked and offer only commands that run as pasted', () => {
  const CODE = '061abcDEF123ghiJKL456mno789pq';
  it('a saved redirect_uri with a code, the domain changed: masked in the refusal and the --yes warning; the hint leaves the code out (en, zh)', async () => {
    const { env } = await initialised();
    expect((await runCli(['config', 'set', 'redirectUri', `https://www.example.com/wechat/callback?code=${CODE}&x=1`], { env })).code).toBe(0);
    const en = await runCli(['config', 'set', 'domain', 'b.example.com'], { env });
    expect(en.code, en.stderr).toBe(EXIT.usage);
    expect(en.stderr).toContain('redirect_uri https://www.example.com/wechat/callback?code=061a***&x=1 is no longer under');
    expect(en.stderr).toContain("wxauth config set domain b.example.com redirectUri 'https://b.example.com/wechat/callback?x=1' (leaving out its code, which");
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'domain', 'b.example.com'], { env });
    expect(zh.code, zh.stderr).toBe(EXIT.usage);
    expect(zh.stderr).toContain('已保存的 redirect_uri https://www.example.com/wechat/callback?code=061a***&x=1 不再位于');
    expect(zh.stderr).toContain("wxauth config set domain b.example.com redirectUri 'https://b.example.com/wechat/callback?x=1'（其中去掉了 code");
    const yes = await runCli(['config', 'set', 'domain', 'b.example.com', '--yes'], { env });
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stderr).toContain('callback?code=061a***&x=1');
    for (const r of [en, zh, yes]) expect(r.stdout + r.stderr).not.toContain(CODE);
  });

  it('a redirect_uri given outside the domain: the hint offers it without its code (en, zh); --show-secrets offers it whole', async () => {
    const { env } = await initialised();
    const uri = `https://c.example.com/cb?code=${CODE}`;
    const en = await runCli(['config', 'set', 'redirectUri', uri], { env });
    expect(en.code, en.stderr).toBe(EXIT.usage);
    expect(en.stderr).toContain('wxauth config set domain c.example.com redirectUri https://c.example.com/cb (leaving out its code');
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'redirectUri', uri], { env });
    expect(zh.stderr).toContain('wxauth config set domain c.example.com redirectUri https://c.example.com/cb（其中去掉了 code');
    for (const r of [en, zh]) expect(r.stdout + r.stderr).not.toContain(CODE);
    const shown = await runCli(['--show-secrets', 'config', 'set', 'redirectUri', uri], { env });
    expect(shown.stderr).toContain(`redirectUri '${uri}';`);
  });

  it('a type change that moves a redirect_uri with a code: removed first rather than offered masked', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['config', 'set', 'type', 'test', 'domain', 'a.example.com:8080', 'redirectUri', `https://a.example.com:8080/cb?code=${CODE}`], { env })).code).toBe(0);
    const r = await runCli(['config', 'set', 'type', 'service'], { env });
    expect(r.code, r.stderr).toBe(EXIT.usage);
    expect(r.stderr).toContain('(wxauth config unset redirectUri), then wxauth config set type service domain a.example.com;');
    expect(r.stderr).not.toContain('***');
  });

  it('the AppSecret inside the saved redirect_uri: no command with it, the unset hint instead', async () => {
    const { env } = await initialised();
    expect((await runCli(['config', 'set', 'redirectUri', `https://www.example.com/wechat/callback?x=${SECRET}`], { env })).code).toBe(0);
    const r = await runCli(['config', 'set', 'domain', 'b.example.com'], { env });
    expect(r.code, r.stderr).toBe(EXIT.usage);
    expect(r.stderr).toContain('callback?x=0123***');
    expect(r.stderr).toContain('remove the saved redirect_uri first (wxauth config unset redirectUri)');
    expect(r.stderr).not.toContain(SECRET);
  });
});

// `config get domain` printed WXAUTH_DOMAIN's value as if it were the saved one, with no word on stderr.
describe('config get says when a WXAUTH_* variable gives the value', () => {
  it('names the variable and the value the profile saves, on stderr (en, zh, --json); the value on stdout stays the one in use', async () => {
    const { env } = await initialised();
    const r = await runCli(['config', 'get', 'domain'], { env: { ...env, WXAUTH_DOMAIN: 'b.example.com' } });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('b.example.com');
    expect(r.stderr).toContain('domain comes from WXAUTH_DOMAIN in this shell, which wins over the www.example.com saved in profile "default"');
    const zh = await runCli(['--lang', 'zh', 'config', 'get', 'secret'], { env: { ...env, WXAUTH_SECRET: 'fedcba9876543210fedcba9876543210' } });
    expect(zh.stderr).toContain('secret 取自这个 shell 的 WXAUTH_SECRET，它比 profile "default" 保存的 0123…cdef 优先');
    expect(zh.stdout + zh.stderr).not.toContain(SECRET);
    const json = await runCli(['config', 'get', 'region', '--json'], { env: { ...env, WXAUTH_REGION: 'sh' } });
    expect(parseJson(json.stdout).fromEnv).toEqual({ variable: 'WXAUTH_REGION' });
    expect(json.stderr).toContain('profile "default" saves none');
    // From the profile: nothing more said.
    expect((await runCli(['config', 'get', 'domain'], { env })).stderr).toBe('');
  });
});

// `config set region sh` beside a saved apiBase was saved without a word, and every call still went to the
// API base (the profile's apiBase wins over its region).
describe('a region and an apiBase side by side in a profile', () => {
  it('config set refuses to save the one that would not be used, with the commands that keep one; --yes saves it and every run says so (en, zh)', async () => {
    const { dir, env } = await initialised();
    expect((await runCli(['config', 'set', 'apiBase', 'http://127.0.0.1:9'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['config', 'set', 'region', 'sh'], { env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('region sh would not be used (calls go to http://127.0.0.1:9)');
    expect(r.stderr).toContain('Run wxauth config unset apiBase first, then wxauth config set region sh');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'region', 'sh'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('region sh 不会生效');
    const yes = await runCli(['config', 'set', 'region', 'sh', '--yes', '--json'], { env });
    expect(yes.code, yes.stderr).toBe(0);
    expect(parseJson(yes.stdout).warnings).toEqual([expect.stringContaining('region sh would not be used')]);
    const list = await runCli(['config', 'list'], { env });
    expect(list.stderr).toContain('Profile "default" saves both region sh and apiBase http://127.0.0.1:9: the API base wins');
    expect(list.stderr).toContain('wxauth config unset region (the API base), or wxauth config unset apiBase (the region)');
    // The base set beside a saved region: refused the same way, its hint removing the region.
    const other = await initialised();
    expect((await runCli(['config', 'set', 'region', 'hk'], { env: other.env })).code).toBe(0);
    const base = await runCli(['config', 'set', 'apiBase', 'http://127.0.0.1:9'], { env: other.env });
    expect(base.code).toBe(2);
    expect(base.stderr).toContain('Run wxauth config unset region first, then wxauth config set apiBase http://127.0.0.1:9');
    // A base with a password: the hint does not repeat it in a command to paste.
    const secret = await runCli(['config', 'set', 'apiBase', 'http://user:pa55word@127.0.0.1:9'], { env: other.env });
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('Run wxauth config unset region first, then this config set again');
    expect(secret.stderr).not.toContain('pa55word');
    // The region's own host is no conflict.
    expect((await runCli(['config', 'set', 'apiBase', 'https://hk.api.weixin.qq.com'], { env: other.env })).code).toBe(0);
  });
});

// A hash route's address (`https://site/#/login`) or the callback's own URL copied as the redirect_uri is
// accepted by WeChat and costs the login later (the code after the #, where the server never sees it; two
// codes in one callback). url says so when it builds the link; init and config set say so when it is saved.
describe('a redirect_uri saved with a # fragment or a code of its own: warned about when saved', () => {
  it('config set: saved, with the warning and its fix (en, zh, --json); a plain one: no warning', async () => {
    const { dir, env } = await initialised();
    const hash = await runCli(['config', 'set', 'redirect_uri', 'https://www.example.com/#/login'], { env });
    expect(hash.code, hash.stderr).toBe(0);
    expect(readConfig(dir).profiles.default!.redirectUri).toBe('https://www.example.com/#/login');
    expect(hash.stderr).toContain('! redirect_uri carries a # fragment (#/login), e.g. a hash route: the code will land after the #, where your server never sees it.');
    expect(hash.stderr).toContain('→ Call back to an address without # (e.g. /oauth/callback) that handles the code, then route to the front end.');
    const zh = await runCli(['config', 'set', 'redirect_uri', 'https://www.example.com/cb?code=0a1b2c&state=xyz'], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('! redirect_uri 自己已经带着 code, state 参数');
    expect(zh.stderr).toContain('→ 生成授权链接前，先从 redirect_uri 中去掉 code 和 state 参数。');
    // A secret in a hash route's query is masked in the warning, as everywhere.
    const json = await runCli(['config', 'set', 'redirect_uri', `https://www.example.com/cb#/x?secret=${SECRET}`, '--json'], { env });
    expect(json.stderr).not.toContain(SECRET);
    const warnings = parseJson(json.stdout).warnings as Array<{ id: string; message: string }>;
    expect(warnings).toEqual([expect.objectContaining({ id: 'redirect_uri.fragment', severity: 'warning' })]);
    expect(warnings[0]!.message).toContain('(#/x?secret=0123***)');
    // The fix said under it on stderr is the document's too.
    expect((warnings[0] as { fix?: unknown }).fix).toBe("Call back to an address without # (e.g. /oauth/callback) that handles the code, then route to the front end.");
    const plain = await runCli(['config', 'set', 'redirect_uri', 'https://www.example.com/wechat/callback'], { env });
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain('!');
  });

  // url rates an http redirect_uri `info` (a note under the link): init and config set say it as url
  // does, a note and not a `!` warning, and --json lists it so, its effect and fix filled.
  it('an http redirect_uri: saved, with url\'s clear-text note, not a warning (init and config set, en, zh, --json); none on this machine, the LAN or a test account', async () => {
    const dir = tempConfigDir();
    const init = await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'http://www.example.com/cb'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(init.code, init.stderr).toBe(0);
    expect(readConfig(dir).profiles.default!.redirectUri).toBe('http://www.example.com/cb');
    expect(init.stderr).toContain('\nredirect_uri uses http. It works, but the code travels in clear text; WeChat’s docs recommend https for the callback.\n→ Use https in production');
    expect(init.stderr).not.toContain('! redirect_uri uses http');
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'redirect_uri', 'http://www.example.com/cb2'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code, zh.stderr).toBe(0);
    expect(readConfig(dir).profiles.default!.redirectUri).toBe('http://www.example.com/cb2');
    expect(zh.stderr).toContain('\nredirect_uri 使用 http。可以用，但 code 会以明文经过网络；微信文档建议回调使用 https。\n→ 生产环境改用 https');
    expect(zh.stderr).not.toContain('! redirect_uri 使用 http');
    const json = await runCli(['--json', 'config', 'set', 'redirect_uri', 'http://www.example.com/cb3'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(json.code, json.stderr).toBe(0);
    expect((parseJson(json.stdout) as { warnings: unknown[] }).warnings).toEqual([
      {
        id: 'redirect_uri.http',
        severity: 'info',
        message: 'redirect_uri uses http.',
        effect: 'It works, but the code travels in clear text; WeChat’s docs recommend https for the callback.',
        fix: 'Use https in production, and keep http/https the same as what the server actually serves.',
      },
    ]);
    // This machine's own address (the emulator, a local listener): the code never crosses a network.
    const local = await runCli(['config', 'set', 'redirect_uri', 'http://127.0.0.1:8080/cb', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).not.toContain('uses http');
    // A private LAN address: the code crosses only the local network.
    const lan = await runCli(['config', 'set', 'redirect_uri', 'http://192.168.1.10/cb', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(lan.code, lan.stderr).toBe(0);
    expect(lan.stderr).not.toContain('uses http');
    // A test account, as README's setup has it (a LAN IP:port, or a public one): never production, no note.
    for (const host of ['192.168.1.10:8080', '82.157.150.202:7002']) {
      const test = await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', host, '--redirect-uri', `http://${host}/cb`, '--yes', '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
      expect(test.code, test.stderr).toBe(0);
      expect(test.stderr).not.toContain('uses http');
      expect(JSON.stringify(parseJson(test.stdout))).not.toContain('redirect_uri.http');
      const set = await runCli(['config', 'set', 'redirect_uri', `http://${host}/cb2`], { env: { WXAUTH_CONFIG_DIR: dir } });
      expect(set.code, set.stderr).toBe(0);
      expect(set.stderr).not.toContain('uses http');
    }
  });

  it('init: saved, with the warning after the line that says so', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/#/login'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(readConfig(dir).profiles.default!.redirectUri).toBe('https://www.example.com/#/login');
    expect(r.stderr).toMatch(/✔ Saved profile "default"[^\n]*\n! redirect_uri carries a # fragment \(#\/login\)/);
  });
});

// The hints of config set's refusals offered `wxauth config set type <type> jsDomains <domain>`, which a
// shell reads as redirections: every command a refusal offers runs as pasted, the values filled in.
describe('config set refusals offer commands that run as pasted', () => {
  const placeholder = /<[^>\s]+>/;

  it('a type the saved domain and JS-safe domains do not fit: the values it would take (服务号 is service)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    await runCli(['config', 'set', 'type', 'test', 'domain', 'www.example.com:8080', 'redirectUri', 'http://www.example.com:8080/wechat/cb', 'jsDomains', 'www.example.com:8080,127.0.0.1:8080'], { env });
    const r = await runCli(['config', 'set', 'type', '服务号'], { env });
    expect(r.code).toBe(2);
    // One command changes the type with all it does not take, each made to fit: the IP entry dropped.
    const command = 'wxauth config set type service domain www.example.com redirectUri http://www.example.com/wechat/cb jsDomains www.example.com';
    expect(r.stderr).toContain(`Change the type together with what it does not take: ${command};`);
    expect(r.stderr).not.toMatch(placeholder);
    // Run as offered, it saves.
    expect((await runCli(command.split(' ').slice(1), { env })).code).toBe(0);
    const zh = await runCli(['--lang', 'zh', '--profile', 'default', 'config', 'set', 'type', '测试号', 'domain', '10.0.0.2:8080', '--yes'], { env });
    expect(zh.code, zh.stderr).toBe(0);
    const ip = await runCli(['--lang', 'zh', '--profile', 'default', 'config', 'set', 'type', '网站应用'], { env });
    expect(ip.code).toBe(2);
    expect(ip.stderr).toContain('网站应用的授权回调域不能带端口');
    expect(ip.stderr).toContain('先删除网站应用用不了的设置（wxauth --profile default config unset domain redirectUri jsDomains），再 wxauth --profile default config set type website；');
    expect(ip.stderr).not.toMatch(placeholder);
  });

  it('公众号 is either of two types: both commands, in en and zh; 订阅号, 测试号 and 网站应用 are taken', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const en = await runCli(['config', 'set', 'type', '公众号'], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('"公众号" (official account) is either a 服务号 (service) or a 订阅号 (subscription).');
    expect(en.stderr).toContain('A 服务号: wxauth config set type service; a 订阅号: wxauth config set type subscription.');
    const zh = await runCli(['--lang', 'zh', '--profile', 'app', 'config', 'set', 'type', '公众号'], { env });
    expect(zh.stderr).toContain('"公众号" 分服务号（service）和订阅号（subscription）两种');
    expect(zh.stderr).toContain('服务号：wxauth --profile app config set type service；订阅号：wxauth --profile app config set type subscription。');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    for (const [name, type] of [['订阅号', 'subscription'], ['测试号', 'test'], ['网站应用', 'website']]) {
      expect((await runCli(['config', 'set', 'type', name!], { env })).code).toBe(0);
      expect((await runCli(['config', 'get', 'type'], { env })).stdout.trim()).toBe(type);
    }
  });

  it('a URL given as the domain: the command with its host', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const r = await runCli(['config', 'set', 'domain', 'https://www.example.com/'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('domain: "https://www.example.com/" is a whole URL; only its host goes here.');
    expect(r.stderr).toContain('Without the scheme and the path: wxauth config set domain www.example.com');
    const zh = await runCli(['--lang', 'zh', '--profile', 'web', 'config', 'set', 'domain', 'http://H5.Example.com:8080/a/b'], { env });
    expect(zh.stderr).toContain('去掉协议和路径：wxauth --profile web config set domain h5.example.com:8080');
    // init says the host too (its --domain flag).
    expect((await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'https://www.example.com/x', '--redirect-uri', 'https://www.example.com/cb'], { env })).stderr).toContain('Without the scheme and the path: www.example.com.');
  });
});

// https://www.example.com:8443/ on a saved 服务号 was answered with `config set domain www.example.com:8443`,
// which that profile then refused for its port (10003): the host alone is offered, with why the port goes.
// `config set domain www.example.com/` (a slash copied along) was answered "is not a bare host name",
// with no word of the slash nor the value meant.
describe('a host with a path given as the domain', () => {
  it('config set says the slash or the path and offers the host (en, zh; a 服务号 without its port); init --domain too', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const slash = await runCli(['config', 'set', 'domain', 'www.example.com/'], { env });
    expect(slash.code).toBe(2);
    expect(slash.stderr).toBe('✖ domain: "www.example.com/" ends with a slash, which is a path; only the host goes here.\n→ Without the path: wxauth config set domain www.example.com\n');
    const zh = await runCli(['--lang', 'zh', '--profile', 'web', 'config', 'set', 'domain', 'www.example.com/wechat/callback'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('domain："www.example.com/wechat/callback" 带了路径，这里只填主机名（路径写在 redirect_uri 里）。');
    expect(zh.stderr).toContain('去掉路径：wxauth --profile web config set domain www.example.com\n');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    expect((await runCli(['config', 'set', 'type', 'service'], { env })).code).toBe(0);
    const port = await runCli(['config', 'set', 'domain', 'www.example.com:8443/cb'], { env });
    // The hint drops the port too: the problem says it has one.
    expect(port.stderr).toContain('domain: "www.example.com:8443/cb" has a port and a path; only the host goes here (the path belongs in the redirect_uri).');
    const portZh = await runCli(['--lang', 'zh', 'config', 'set', 'domain', 'www.example.com:8443/'], { env });
    expect(portZh.stderr).toContain('domain："www.example.com:8443/" 带了端口，末尾还多了斜杠 /（那是路径）；这里只填主机名。\n→ 去掉端口和路径：');
    const slashPort = await runCli(['config', 'set', 'domain', 'www.example.com:8443/'], { env });
    expect(slashPort.stderr).toContain('domain: "www.example.com:8443/" has a port and ends with a slash, which is a path; only the host goes here.\n→ Without the port and the path:');
    const initPort = await runCli(['--profile', 'p3', 'init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com:8443/cb', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env });
    expect(initPort.stderr).toContain('--domain: "www.example.com:8443/cb" has a port and a path; only the host goes here');
    const initPortZh = await runCli(['--lang', 'zh', '--profile', 'p3', 'init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com:8443/cb', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env });
    expect(initPortZh.stderr).toContain('--domain："www.example.com:8443/cb" 带了端口和路径，这里只填主机名');
    // A test account keeps the port: the path alone is said.
    const testPort = await runCli(['--profile', 'p3', 'init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com:8443/cb', '--redirect-uri', 'http://www.example.com:8443/cb', '--yes'], { env });
    expect(testPort.stderr).toContain('--domain: "www.example.com:8443/cb" has a path; only the host goes here');
    expect(port.stderr).toContain('→ Without the port and the path: a service account’s callback domain is registered with WeChat as a bare host');
    expect(port.stderr).toMatch(/: wxauth config set domain www\.example\.com\n/);
    // The command offered runs as pasted.
    expect((await runCli(['config', 'set', 'domain', 'www.example.com'], { env })).code).toBe(0);
    const init = await runCli(['--profile', 'p2', 'init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com/', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('--domain: "www.example.com/" ends with a slash, which is a path; only the host goes here.');
    expect(init.stderr).toContain('Without the path: www.example.com.');
  });
});

describe('a URL with a port given as a production account\'s domain', () => {
  it('config set (en, zh) and init --domain offer the host without the port; nothing saved', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const en = await runCli(['config', 'set', 'domain', 'https://www.example.com:8443/'], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('domain: "https://www.example.com:8443/" is a whole URL; only its host goes here.');
    expect(en.stderr).toContain('a service account’s callback domain is registered with WeChat as a bare host, no port, and the callback is then served on port 443 or 80');
    expect(en.stderr).toMatch(/: wxauth config set domain www\.example\.com\n/);
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'domain', 'https://www.example.com:8443/cb'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('去掉协议、端口和路径：服务号的回调域名在微信后台只填主机名、不能带端口，回调要在 443 或 80 端口上提供');
    expect(zh.stderr).toMatch(/：wxauth config set domain www\.example\.com\n/);
    // The type given beside it counts, not the saved one: a test account keeps its port.
    const website = await runCli(['config', 'set', 'type', 'website', 'domain', 'https://www.example.com:8443/'], { env });
    expect(website.stderr).toContain('a website app’s callback domain is registered with WeChat as a bare host');
    const test = await runCli(['config', 'set', 'type', 'test', 'domain', 'https://www.example.com:8443/'], { env });
    // The type given with it is kept in the command offered (the pairs given are never dropped).
    expect(test.stderr).toContain('Nothing was saved; the whole command with domain corrected: wxauth config set type test domain www.example.com:8443');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    const init = await runCli(['--profile', 'p2', 'init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'https://www.example.com:8443/', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('the callback is then served on port 443 or 80): www.example.com.');
  });
  it('config set jsDomains with a URL among them: the domains meant, without the port on a 服务号 (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const en = await runCli(['config', 'set', 'jsDomains', 'https://h5.example.com:8443/,example.com'], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('https://h5.example.com:8443/ in jsDomains is a whole URL; only its domain goes here.');
    expect(en.stderr).toContain('a service account’s JS-safe domains are entered without a port, and the page is then served on port 443 or 80: h5.example.com,example.com');
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'jsDomains', 'https://h5.example.com:8443/'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('去掉协议、端口和路径：服务号的 JS接口安全域名只填域名、不能带端口，网页要在 443 或 80 端口上提供：h5.example.com');
    const test = await runCli(['config', 'set', 'type', 'test', 'jsDomains', 'https://h5.example.com:8443/'], { env });
    expect(test.stderr).toContain('Without the scheme and the path: h5.example.com:8443');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });
});

describe('JS-safe domains and the other pairs of one config set', () => {
  it('a website app: its own refusal, however the jsDomains value is spelt (a URL, a path, quotes)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    for (const value of ['a.com', 'https://a.com/', 'a.com/mp', "'a.com'", 'https://a.com/ b.com']) {
      const r = await runCli(['config', 'set', 'type', 'website', 'jsDomains', value], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('A website app has no JS-SDK, so jsDomains means nothing for it');
      expect(r.stderr).not.toContain('is not a domain');
    }
    // The type saved counts as the one given beside it does.
    expect((await runCli(['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env })).code).toBe(0);
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'jsDomains', 'https://a.com/'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('网站应用没有 JS-SDK，jsDomains 对它没有意义');
  });
  it('a path in jsDomains is refused with why (the page’s domain is what WeChat checks) and the domains to enter (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const en = await runCli(['config', 'set', 'jsDomains', 'h5.example.com/mp,example.com'], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('h5.example.com/mp in jsDomains has a path; a JS-safe domain (JS接口安全域名) is a bare domain: WeChat checks the page’s domain only, so the domain covers the pages under every path.');
    expect(en.stderr).toContain('Enter it without the path: h5.example.com,example.com.');
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'type', 'service', 'jsDomains', 'h5.example.com:8443/mp'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('jsDomains 里的 h5.example.com:8443/mp 带了路径；JS接口安全域名只填域名');
    expect(zh.stderr).toContain('去掉端口和路径：服务号的 JS接口安全域名只填域名、不能带端口，网页要在 443 或 80 端口上提供：h5.example.com。');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });
  it('an AppSecret pasted under another setting of the same command is never repeated in the command offered (en, zh, --json)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    for (const args of [
      ['domain', 'https://a.com/x', 'appid', SECRET],
      ['jsDomains', 'h5.example.com/mp', 'domain', SECRET],
      ['--lang', 'zh', 'config', 'set', 'domain', 'https://a.com/x', 'redirectUri', SECRET],
      ['--json', 'config', 'set', 'domain', 'https://a.com/x', 'appid', SECRET],
    ]) {
      const r = await runCli(args[0]!.startsWith('--') ? args : ['config', 'set', ...args], { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout, args.join(' ')).not.toContain(SECRET);
    }
    // Not "run the same command again with domain a.com": that run would stop on the appid.
    const en = await runCli(['config', 'set', 'domain', 'https://a.com/x', 'appid', SECRET], { env });
    expect(en.stderr).toContain('Nothing was saved: with domain a.com, and the other values refused here fixed, run it again.');
    expect(en.stderr).not.toContain('the same command again');
    // A jsDomains for a website app has no right spelling: it is to be removed, not "fixed".
    const website = ['config', 'set', 'type', 'website', 'domain', 'www.example.com/', 'jsDomains', 'h5.example.com'];
    const removed = await runCli(website, { env });
    expect(removed.code).toBe(2);
    expect(removed.stderr).toContain('→ Without the path: www.example.com. Nothing was saved: with domain www.example.com and jsDomains removed, run it again.\n');
    expect(removed.stderr).not.toContain('fixed');
    const removedZh = await runCli(['--lang', 'zh', ...website], { env });
    expect(removedZh.stderr).toContain('→ 去掉路径：www.example.com。这次什么都没有保存：把 domain 改成 www.example.com，去掉 jsDomains，然后重新运行。\n');
    // Beside a value that can be fixed (an AppSecret as the appid): both said.
    const both = await runCli([...website, 'appid', SECRET], { env });
    expect(both.stderr).toContain('Nothing was saved: with domain www.example.com, jsDomains removed and the other values refused here fixed, run it again.\n');
    const bothZh = await runCli(['--lang', 'zh', ...website, 'appid', SECRET], { env });
    expect(bothZh.stderr).toContain('这次什么都没有保存：把 domain 改成 www.example.com，去掉 jsDomains，再改好这里列出的其他被拒绝的值，然后重新运行。\n');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });
  // `config set domain https://…:8080/ appid <AppSecret>` answered "run the same command again with domain
  // www.example.com", and that run stopped on the appid: one refusal a run. Every value refused is said at once.
  it('every value refused is said in one run, the AppSecret given as the appid never shown (en, zh, --json); fixed as said, it saves', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'a.com', '--redirect-uri', 'https://a.com/cb', '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const OTHER = 'fedcba9876543210fedcba9876543210';
    const en = await runCli(['config', 'set', 'domain', 'https://www.example.com:8080/', 'appid', OTHER], { env });
    expect(en.code).toBe(2);
    const lines = en.stderr.trim().split('\n');
    expect(lines[0]).toBe('✖ domain: "https://www.example.com:8080/" is a whole URL; only its host goes here.');
    // The domain's fix under the domain's line; the appid's in its own "Also:" line, the last one.
    expect(lines[1]).toMatch(/^→ .*www\.example\.com\. Nothing was saved: with domain www\.example\.com, and the other values refused here fixed, run it again\.$/);
    expect(lines[2]).toMatch(/^✖ Also: appid: 32 hex digits look like the AppSecret, not an appid \(not shown, so it does not leak\)\. An appid is wx followed by 16 hex digits/);
    expect(lines).toHaveLength(3);
    expect(en.stderr).not.toContain(OTHER);
    // A domain whose shape is right but the saved type refuses (a port on a 服务号) is said beside the appid too.
    const port = await runCli(['--lang', 'zh', 'config', 'set', 'appid', OTHER, 'domain', 'www.example.com:8080'], { env });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('✖ appid：这是 32 位十六进制，看起来是 AppSecret，不是 appid（为免泄露不显示它）。');
    expect(port.stderr).toContain('✖ 另外：domain："www.example.com:8080" 带端口，只有测试号（test）能登记端口；服务号的回调域名不能带');
    expect(port.stderr).toContain('这次什么都没有保存：把 domain 改成 www.example.com，再改好这里列出的其他被拒绝的值，然后重新运行。');
    expect(port.stderr).not.toContain(OTHER);
    const json = await runCli(['--json', 'config', 'set', 'domain', 'https://www.example.com:8080/', 'appid', OTHER], { env });
    expect(json.stdout).not.toContain(OTHER);
    const doc = parseJson(json.stdout) as { error: { also?: string[] } };
    expect(doc.error.also).toHaveLength(1);
    expect(doc.error.also![0]).toContain('appid: 32 hex digits look like the AppSecret');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    // Fixed as the refusal says, the next run saves.
    const fixed = await runCli(['config', 'set', 'domain', 'www.example.com', 'appid', 'wxfedcba9876543210', 'redirectUri', 'https://www.example.com/cb'], { env });
    expect(fixed.code, fixed.stderr).toBe(0);
  });
  it('a domain or jsDomains refused for its port: the command offered keeps the other pairs given (en, zh); nothing saved', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const domain = await runCli(['config', 'set', 'type', 'service', 'domain', 'www.example.com:8080', 'appid', APPID], { env });
    expect(domain.code).toBe(2);
    expect(domain.stderr).toContain('Nothing was saved; the whole command with domain corrected: wxauth config set type service domain www.example.com appid wx1234567890abcdef\n');
    const js = await runCli(['--lang', 'zh', 'config', 'set', 'type', 'service', 'jsDomains', 'h5.example.com:8080,example.com', 'appid', APPID], { env });
    expect(js.code).toBe(2);
    expect(js.stderr).toContain('这次什么都没有保存；改好 jsDomains、其余照旧的完整命令：wxauth config set type service jsDomains h5.example.com,example.com appid wx1234567890abcdef\n');
    // A secret given is never repeated: the command reads it from WX_SECRET.
    const secret = await runCli(['--profile', 'p1', 'config', 'set', 'type', 'service', 'domain', 'https://www.example.com:8443/x', 'secret', SECRET], { env });
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('the AppSecret read from WX_SECRET (put it there first): printf %s "$WX_SECRET" | wxauth --profile p1 config set type service domain www.example.com secret -\n');
    expect(secret.stderr).not.toContain(SECRET);
    // A value that would be shown masked (a code in a redirect_uri) is not repeated in a command.
    const masked = await runCli(['config', 'set', 'type', 'service', 'domain', 'www.example.com:8080', 'redirectUri', 'https://www.example.com/cb?code=061abc'], { env });
    expect(masked.stderr).toContain('Nothing was saved: run the same command again with domain www.example.com.');
    expect(masked.stderr).not.toContain('061abc');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });
});

describe('hints that point the right way (issue 12 item 11)', () => {
  it('--profile nope: "no such profile", listing the ones that exist, not "missing appid"', async () => {
    const { env } = await initialised();
    await runCli(['--profile', 'staging', ...INIT], { env });
    const r = await runCli(['--profile', 'nope', 'token'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('nope');
    expect(r.stderr).not.toContain('Missing configuration');
    expect(r.stderr).toContain('default, staging');
    expect(r.stderr).toContain('wxauth init --profile nope');
    const viaEnv = await runCli(['url'], { env: { ...env, WXAUTH_PROFILE: 'nope' } });
    expect(viaEnv.stderr).toContain('default, staging');
    const get = await runCli(['--profile', 'nope', 'config', 'get', 'appid'], { env });
    expect(get.code).toBe(4);
    expect(get.stderr).toContain('default, staging');
    // Creating it is still how a profile comes to exist.
    expect((await runCli(['--profile', 'nope', ...INIT], { env })).code).toBe(0);
    expect((await runCli(['--profile', 'nope', 'config', 'get', 'appid'], { env })).stdout.trim()).toBe(APPID);
  });

  it('a profile with every value from the environment still works without being saved', async () => {
    const r = await runCli(['--profile', 'ci', 'config', 'get', 'appid'], { env: { WXAUTH_APPID: APPID } });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(APPID);
  });

  it('profile remove p4: the tokens it leaves are cleared with --profile p4, not the current profile', async () => {
    const { dir, env } = await initialised();
    await runCli(['--profile', 'p4', ...INIT], { env });
    TokenStore.open(dir).putUser('p4', {
      appid: APPID, openid: 'o1', scope: 'snsapi_base', accessToken: 'AT', accessTokenExpiresAt: Date.now() + 7_200_000, obtainedAt: Date.now(),
    });
    const r = await runCli(['profile', 'remove', 'p4', '--yes'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wxauth --profile p4 tokens clear');
    // And that command does clear them, though the profile is gone.
    const clear = await runCli(['--profile', 'p4', 'tokens', 'clear', '--yes'], { env });
    expect(clear.code, clear.stderr).toBe(0);
    expect(TokenStore.open(dir).listUsers('p4')).toHaveLength(0);
    // Nothing cached: nothing to clear, nothing said about it.
    await runCli(['--profile', 'p5', ...INIT], { env });
    const none = await runCli(['profile', 'remove', 'p5', '--yes'], { env });
    expect(none.stderr).not.toContain('tokens clear');
  });

  it('a tokens.json that does not parse: says the cache can be deleted, not "run init"', async () => {
    const { dir, env } = await initialised();
    fs.writeFileSync(path.join(dir, 'tokens.json'), '{', { mode: 0o600 });
    const r = await runCli(['tokens'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(path.join(dir, 'tokens.json'));
    expect(r.stderr).not.toContain('init');
    expect(r.stderr).toMatch(/delete/i);
    expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).toBe('{');
  });

  it('a config folder that is a file: says so, not "fix the JSON"', async () => {
    const file = path.join(tempConfigDir(), 'not-a-folder');
    fs.writeFileSync(file, 'hello');
    for (const args of [['config', 'list'], ['tokens'], ['config', 'set', 'domain', 'www.example.com']]) {
      const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: file } });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stderr, args.join(' ')).toContain(file);
      expect(r.stderr, args.join(' ')).toMatch(/is a file, not a folder/);
      expect(r.stderr, args.join(' ')).not.toContain('JSON');
      expect(fs.readFileSync(file, 'utf8')).toBe('hello');
    }
  });
});

describe('table headers in Chinese (issue 12 item 10)', () => {
  it('config list and profile list', async () => {
    const { env } = await initialised();
    const list = await runCli(['--lang', 'zh', 'config', 'list'], { env });
    const header = list.stdout.split('\n').find((l) => l.includes('来源')) ?? '';
    expect(header).toMatch(/^配置项\s+值\s+来源$/);
    const profiles = await runCli(['--lang', 'zh', 'profile', 'list'], { env });
    const head = profiles.stdout.split('\n')[0] ?? '';
    expect(head).not.toMatch(/profile|type|domain/);
    expect(head).toContain('类型');
    const en = await runCli(['profile', 'list'], { env });
    expect(en.stdout.split('\n')[0]).toMatch(/profile\s+type\s+appid\s+secret\s+domain/);
  });
});

describe('config unset', () => {
  it('takes several keys, removed in one change, and says which were not there', async () => {
    const { dir, env } = await initialised();
    expect((await runCli(['config', 'set', 'apiBase', 'http://127.0.0.1:3900', 'openBase', 'http://127.0.0.1:3900'], { env })).code).toBe(0);
    const r = await runCli(['config', 'unset', 'apiBase', 'openBase', 'jsDomains', '--json'], { env });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout)).toMatchObject({ keys: ['apiBase', 'openBase', 'jsDomains'], removed_keys: ['apiBase', 'openBase'], key: 'apiBase', removed: true });
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { profiles: Record<string, Record<string, unknown>> };
    expect(saved.profiles.default).not.toHaveProperty('apiBase');
    expect(saved.profiles.default).not.toHaveProperty('openBase');
    expect(saved.profiles.default).toHaveProperty('domain');
    // One unknown name refuses the whole change.
    expect((await runCli(['config', 'unset', 'domain', 'nope'], { env })).code).toBe(2);
  });

  // A new user's pass: config set says "✔ Saved … to <file>", config unset said a bare "Removed …".
  it('says what it removed as config set says what it saved: a ✔ line naming the file, en and zh', async () => {
    const { dir, env } = await initialised();
    const file = path.join(dir, 'config.json');
    expect((await runCli(['config', 'set', 'apiBase', 'http://127.0.0.1:3900', 'openBase', 'http://127.0.0.1:3900'], { env })).code).toBe(0);
    const en = await runCli(['config', 'unset', 'apiBase', 'openBase', 'jsDomains'], { env });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain(`✔ Removed apiBase, openBase (profile "default") from ${file}`);
    expect(en.stderr).toContain('Profile "default" has no jsDomains; nothing to remove.');
    expect((await runCli(['config', 'set', 'apiBase', 'http://127.0.0.1:3900'], { env })).code).toBe(0);
    const zh = await runCli(['--lang', 'zh', 'config', 'unset', 'apiBase'], { env });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain(`✔ 已从 ${file} 中删除 profile "default" 的 apiBase`);
    expect(zh.stderr).not.toContain('Removed');
    expect(parseJson((await runCli(['config', 'unset', 'apiBase', '--json'], { env })).stdout)).toMatchObject({ removed: false, file });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).profiles.default).toHaveProperty('domain');
  });
});

describe('config set/get/unset of a name that is no setting', () => {
  it('a mistyped one: "Did you mean domain?" (en, zh), exit 2, nothing saved; a pasted secret is not echoed as the name', async () => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const en = await runCli(['config', 'set', 'domian', 'www.example.org'], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('There is no setting named "domian". Did you mean domain?');
    const zh = await runCli(['--lang', 'zh', 'config', 'get', 'secert'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('没有名为 "secert" 的配置项。是不是 secret？');
    expect((await runCli(['config', 'unset', 'redirectUrl'], { env })).stderr).toContain('Did you mean redirectUri?');
    const pasted = await runCli(['config', 'set', SECRET, 'x'], { env });
    expect(pasted.code).toBe(2);
    expect(pasted.stderr).not.toContain(SECRET);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('init\'s flag spelling (redirect-uri, js-domains) names the setting, as redirect_uri does', async () => {
    const { dir, env } = await initialised();
    const r = await runCli(['config', 'set', 'redirect-uri', 'https://www.example.com/other', 'js-domains', 'www.example.com'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(readConfig(dir).profiles.default).toMatchObject({ redirectUri: 'https://www.example.com/other', jsDomains: 'www.example.com' });
    expect((await runCli(['config', 'get', 'redirect-uri'], { env })).stdout.trim()).toBe('https://www.example.com/other');
  });
});

describe('an appid refusal says what an appid is once', () => {
  it('the AppSecret or the 原始ID given as the appid (init, config set, a test account): the message and its hint do not both say "wx and 16 hex digits", en and zh', async () => {
    const runs = [
      ['init', '--type', 'service', '--appid', SECRET, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'],
      ['init', '--type', 'test', '--appid', SECRET, '--secret', SECRET, '--redirect-uri', 'https://www.example.com/cb'],
      ['init', '--type', 'service', '--appid', 'gh_123456789abc', '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'],
      ['config', 'set', 'appid', SECRET],
      ['config', 'set', 'appid', 'gh_123456789abc'],
    ];
    for (const args of runs) {
      const e = await runCli(args, { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
      expect(e.code, e.stderr).toBe(2);
      expect(e.stderr.match(/16 hex digits/g), e.stderr).toHaveLength(1);
      const z = await runCli(['--lang', 'zh', ...args], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
      expect(z.code, z.stderr).toBe(2);
      expect(z.stderr.match(/16 位十六进制/g), z.stderr).toHaveLength(1);
    }
  });
});

// A value config set or init accepts held 32 hex digits in a row (the AppSecret's shape) and was then
// shown in full by set --json, get, list and init's next step, while every refusal keeps such a run out
// of sight; `<AppSecret>:8443` as the domain, a plain mistake, was even saved when the type was unknown.
describe('32 hex digits in a row are never quoted by a refusal of config set or init; a value they accept is shown as saved', () => {
  const OTHER = 'fedcba9876543210fedcba9876543210';
  const RUN = /[0-9a-f]{32}/i;
  const variants = (args: string[]) => [args, ['--lang', 'zh', ...args], [...args, '--json'], ['--lang', 'zh', ...args, '--json']];

  it('the AppSecret with a port as the domain, no type saved: refused as the AppSecret (exit 2), nothing written (en, zh, --json)', async () => {
    const dir = tempConfigDir();
    for (const args of variants(['config', 'set', 'domain', `${SECRET}:8443`])) {
      const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(RUN);
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(/look like the AppSecret, not a domain|看起来是 AppSecret，不是域名/);
    }
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });

  // A value they accept is shown as saved: a tenant id or an MD5 in a callback's path or query is no
  // secret, and `config get --json` is what scripts read (the profile's own AppSecret is masked, above).
  it('a redirect_uri carrying a 32-hex id of its own: saved and shown as given by set, get and list (en, zh, --json)', async () => {
    const { dir, env } = await initialised();
    const uri = `https://www.example.com/wechat/cb/${OTHER}?tenant=${OTHER}`;
    expect((await runCli(['config', 'set', 'redirectUri', uri], { env })).code).toBe(0);
    expect(readConfig(dir).profiles.default!.redirectUri).toBe(uri);
    expect(parseJson((await runCli(['config', 'get', 'redirectUri', '--json'], { env })).stdout).value).toBe(uri);
    for (const args of [...variants(['config', 'get', 'redirectUri']), ...variants(['config', 'list'])]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toContain(uri);
    }
  });

  it('a redirect_uri whose host holds them, outside the domain: the mismatch said without quoting it (en, zh, --json), nothing saved', async () => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    for (const args of variants(['config', 'set', 'redirectUri', `https://${OTHER}.example.com/cb`])) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(RUN);
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(/host differs from the callback domain|的主机与回调域名不一致/);
    }
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    const init = await runCli([...INIT.slice(0, -1), `https://${OTHER}.example.com/cb`], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(init.code, init.stderr).toBe(EXIT.usage);
    expect(init.stdout + init.stderr).not.toMatch(RUN);
  });

  // A 订阅号's refusal of callback settings offered `config set type service redirectUri '<the value given>'`,
  // a code or such a run in it included.
  it.each([['x', OTHER], ['code', '061abcDEF123ghiJKL456mno789pq']])('a redirect_uri with ?%s=… on a subscription account: the command offered sets the type only (en, zh, --json)', async (name, value) => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    expect((await runCli(['config', 'set', 'type', 'subscription'], { env })).code).toBe(0);
    for (const args of variants(['config', 'set', 'redirectUri', `https://www.example.com/cb?${name}=${value}`])) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain(value);
      expect(r.stdout + r.stderr, args.join(' ')).toMatch(/first set a type that has it: wxauth config set type service \(|先改成能授权的类型：wxauth config set type service（/);
    }
    // Nothing masked in it: the whole command, as before.
    const plain = await runCli(['config', 'set', 'domain', 'www.example.com'], { env });
    expect(plain.stderr).toContain('wxauth config set type service domain www.example.com (');
  });

});

describe('a base URL holding one of WeChat’s API paths is refused, with the base without it', () => {
  it('config set, the flags, init and WXAUTH_API_BASE (en and zh); nothing saved, nothing sent; a gateway prefix stays allowed', async () => {
    const { dir, env } = await initialised();
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const en = await runCli(['config', 'set', 'apiBase', 'https://api.weixin.qq.com/cgi-bin/token'], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('apiBase: "https://api.weixin.qq.com/cgi-bin/token" holds WeChat’s API path /cgi-bin/token');
    expect(en.stderr).toContain('→ Give the base without it: https://api.weixin.qq.com ');
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'apiBase', 'https://api.weixin.qq.com/cgi-bin/token'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('里带了微信的接口路径 /cgi-bin/token');
    expect(zh.stderr).toContain('去掉接口路径，只写：https://api.weixin.qq.com');
    const open = await runCli(['config', 'set', 'openBase', 'https://open.weixin.qq.com/connect/oauth2/authorize'], { env });
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('→ Give the base without it: https://open.weixin.qq.com ');
    // A gateway's own prefix before the API path is kept in the base offered.
    const backup = await runCli(['config', 'set', 'backupApiBase', 'http://127.0.0.1:3913/wechat-gw/sns/oauth2/access_token'], { env });
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('→ Give the base without it: http://127.0.0.1:3913/wechat-gw ');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    wechat.hits = 0;
    const flag = await runCli(['--api-base', `${wechat.base}/cgi-bin/token`, 'token'], { env });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(`--api-base: "${wechat.base}/cgi-bin/token" holds WeChat’s API path /cgi-bin/token`);
    const fromEnv = await runCli(['token'], { env: { ...env, WXAUTH_API_BASE: `${wechat.base}/sns` } });
    expect(fromEnv.code).toBe(4);
    expect(fromEnv.stderr).toContain(`→ Give the base without it: ${wechat.base} `);
    expect(wechat.hits).toBe(0);
    const fresh = tempConfigDir();
    const init = await runCli([...INIT, '--api-base', 'http://127.0.0.1:3913/cgi-bin/'], { env: { WXAUTH_CONFIG_DIR: fresh } });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('holds WeChat’s API path /cgi-bin/');
    expect(fs.existsSync(path.join(fresh, 'config.json'))).toBe(false);
    for (const [key, value] of [['apiBase', 'http://127.0.0.1:3913/wechat-gw'], ['openBase', 'https://gw.example.com/connect']]) {
      const ok = await runCli(['config', 'set', key!, value!], { env });
      expect(ok.code, ok.stderr).toBe(0);
    }
  });
});

describe('a URL whose port is out of range', () => {
  it('is said to be that, not "not an http(s) URL" (en and zh; flag, config set, env)', async () => {
    const { env } = await initialised();
    const en = await runCli(['--api-base', 'http://127.0.0.1:99999', 'token'], { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--api-base: "http://127.0.0.1:99999" has port 99999, out of range: a port is 1 to 65535.');
    expect(en.stderr).not.toContain('is not an http(s) URL');
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'redirectUri', 'http://127.0.0.1:70000/callback'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('redirectUri："http://127.0.0.1:70000/callback" 的端口 70000 超出范围：端口只能是 1 到 65535。');
    const fromEnv = await runCli(['token'], { env: { ...env, WXAUTH_OPEN_BASE: 'http://[::1]:65536' } });
    expect(fromEnv.code).toBe(4);
    expect(fromEnv.stderr).toContain('WXAUTH_OPEN_BASE: "http://[::1]:65536" has port 65536, out of range');
  });
});

// A profile aimed at the emulator (openBase not WeChat's) took its export line's domain but refused the
// redirect_uri on a port of this machine that url takes (with a warning), advising "use the emulator".
describe('config set against the emulator', () => {
  it("takes a website app's redirect_uri on a port of this machine when the profile's links go to the emulator", async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const init = await runCli(['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'localhost', '--redirect-uri', 'http://localhost/callback', '--open-base', 'http://127.0.0.1:3977', '--yes'], { env });
    expect(init.code, init.stderr).toBe(0);
    const r = await runCli(['config', 'set', 'redirectUri', 'http://localhost:8093/callback'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(readConfig(dir).profiles.default!.redirectUri).toBe('http://localhost:8093/callback');
    // Against WeChat, still refused.
    expect((await runCli(['config', 'set', 'openBase', 'https://open.weixin.qq.com', 'redirectUri', 'http://localhost:8094/callback'], { env })).code).toBe(EXIT.usage);
  });
});

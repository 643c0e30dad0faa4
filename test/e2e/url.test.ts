// `wxauth url` as a user runs it: the built binary, a throwaway config dir, stdout / stderr / exit code
// checked apart.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import qrcode from 'qrcode-terminal';
import { BIN, ROOT, TextStream, baseEnv, collect, parseJson, runCli, runSpawned, tempConfigDir } from './helpers.js';

const OA = 'wx807d86fb6b3d4fd2';
const WEB = 'wxbdc5610cc59c1631';
const SECRET = '0123456789abcdef0123456789abcdef';
const URL_LINE = /^https:\/\/open\.weixin\.qq\.com\/connect\/oauth2\/authorize\?appid=wx807d86fb6b3d4fd2&redirect_uri=https%3A%2F%2Fwww\.example\.com%2Foauth%2Fcallback&response_type=code&scope=snsapi_base&state=([A-Za-z0-9]{32})#wechat_redirect\n$/;

let dir: string;

beforeAll(async () => {
  dir = tempConfigDir();
  const init = (profile: string, type: string, appid: string, domain: string, redirect: string) =>
    runCli(['init', '--profile', profile, '--type', type, '--appid', appid, '--secret', SECRET, '--domain', domain, '--redirect-uri', redirect, '-y'], {
      env: { WXAUTH_CONFIG_DIR: dir },
    });
  // One after the other (both write the same config file), then make `default` the current profile.
  const results = [
    await init('web', 'website', WEB, 'passport.example.com', 'https://passport.example.com/wechat/callback'),
    await init('default', 'service', OA, 'www.example.com', 'https://www.example.com/oauth/callback'),
    await runCli(['profile', 'use', 'default'], { env: { WXAUTH_CONFIG_DIR: dir } }),
  ];
  for (const r of results) expect(r.code, r.stderr).toBe(0);
});

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { WXAUTH_CONFIG_DIR: dir, ...env } });

describe('wxauth url', () => {
  it('prints the URL alone on stdout and says where the redirect lands on stderr', async () => {
    const r = await run(['url']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(URL_LINE);
    expect(r.stderr).toContain('phone');
    expect(r.stderr).toContain('https://www.example.com/oauth/callback');
    // Not a terminal: no QR code (its block characters) anywhere.
    expect(r.stdout + r.stderr).not.toMatch(/[▀▄█]/);
  });

  it('makes a new random state each time', async () => {
    const [a, b] = await Promise.all([run(['url']), run(['url'])]);
    const sa = URL_LINE.exec(a.stdout)?.[1];
    const sb = URL_LINE.exec(b.stdout)?.[1];
    expect(sa).toBeDefined();
    expect(sa).not.toBe(sb);
  });

  it('--json gives url, endpoint, params, state and warnings', async () => {
    const r = await run(['url', '--json', '--scope', 'snsapi_userinfo', '--force-popup']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r.stdout) as { url: string; endpoint: string; params: string[][]; state: string; warnings: unknown[] };
    expect(doc.endpoint).toBe('authorize');
    expect(doc.state).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(doc.url).toContain(`&scope=snsapi_userinfo&state=${doc.state}&forcePopup=true#wechat_redirect`);
    expect(doc.params).toEqual([
      ['appid', OA],
      ['redirect_uri', 'https://www.example.com/oauth/callback'],
      ['response_type', 'code'],
      ['scope', 'snsapi_userinfo'],
      ['state', doc.state],
      ['forcePopup', 'true'],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('picks qrconnect and snsapi_login for a website app', async () => {
    const r = await run(['url', '--profile', 'web', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^https:\/\/open\.weixin\.qq\.com\/connect\/qrconnect\?appid=wxbdc5610cc59c1631&redirect_uri=https%3A%2F%2Fpassport\.example\.com%2Fwechat%2Fcallback&response_type=code&scope=snsapi_login&state=[A-Za-z0-9]{32}&lang=en#wechat_redirect\n$/);
    expect(r.stderr).toContain('desktop browser');
  });

  it('aims at another open base (the emulator) with --open-base', async () => {
    const r = await run(['url', '--open-base', 'http://127.0.0.1:4999']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:4999\/connect\/oauth2\/authorize\?appid=/);
    // Not WeChat: no phone to scan with; a browser opens the page that plays WeChat's part.
    expect(r.stderr).toContain('This link goes to 127.0.0.1:4999, not WeChat');
    expect(r.stderr).not.toContain('phone');
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ['snsapi_login on authorize', ['--scope', 'snsapi_login'], /snsapi_login .*\/connect\/oauth2\/authorize/],
    ['snsapi_base on qrconnect', ['--profile', 'web', '--scope', 'snsapi_base'], /snsapi_base .*\/connect\/qrconnect/],
    ['a JSON-style state', ['--state', '{a:1}'], /outside a-zA-Z0-9: \{ : \}/],
    ['a state over 128 bytes', ['--state', 'a'.repeat(129)], /129 bytes/],
    ['a redirect_uri on another host', ['--redirect-uri', 'https://api.example.org/cb'], /api\.example\.org.*www\.example\.com/],
    ['a redirect_uri on the parent domain', ['--redirect-uri', 'https://example.com/cb'], /example\.com.*www\.example\.com/],
    ['a non-http(s) redirect_uri', ['--redirect-uri', 'ftp://www.example.com/cb'], /scheme ftp:/],
    ['a redirect_uri without a scheme', ['--redirect-uri', 'www.example.com/cb'], /no http:\/\/ or https:\/\//],
    // Hosts WHATWG's parser normalises into the callback domain, which WeChat compares as written.
    ['a redirect_uri with a user name before the host', ['--redirect-uri', 'https://user@www.example.com/cb'], /user name or password before its host: user@www\.example\.com/],
    ['a redirect_uri host in full-width letters', ['--redirect-uri', 'https://ｗｗｗ.example.com/cb'], /outside ASCII/],
  ];

  // "redirect_uri不支持带端口号" (API-FACTS §1.5) against "non-default ports" (§3): a default port written
  // out is not documented either way, so it is a warning that says so, and the URL is built.
  it('builds a URL whose redirect_uri writes out the default port, warning that WeChat may refuse it', async () => {
    const r = await run(['url', '--redirect-uri', 'https://www.example.com:443/cb']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^! redirect_uri writes out the default port: www\.example\.com:443\. Drop “:443”/m);
  });
  for (const [name, args, reason] of refusals) {
    it(`refuses ${name} with exit 2, the reason and the fix`, async () => {
      const r = await run(['url', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).toContain('→ ');
      expect(r.stderr).toContain('--force');
    });
  }

  // WeChat accepts them (API-FACTS §1.3 reports only {a:1,b:2}-style values altered): issue 12 item 2.
  it('builds a URL with a UUID or base64url state, warning what WeChat may do (exit 0)', async () => {
    const uuid = await run(['url', '--state', '3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f']);
    expect(uuid.code, uuid.stderr).toBe(0);
    expect(uuid.stdout).toContain('&state=3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f#wechat_redirect');
    expect(uuid.stderr).toMatch(/state contains -/);
    expect(uuid.stderr).toContain('may');
    const web = await run(['url', '--profile', 'web', '--state', 'a_b.c', '--json']);
    expect(web.code, web.stderr).toBe(0);
    const doc = parseJson(web.stdout) as { warnings: Array<{ id: string }> };
    expect(doc.warnings.map((w) => w.id)).toEqual(['state.charset_unreserved']);
  });

  it('--force builds a refused URL anyway and says what WeChat will do', async () => {
    const r = await run(['url', '--redirect-uri', 'https://api.example.org/cb', '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/redirect_uri=https%3A%2F%2Fapi\.example\.org%2Fcb&/);
    expect(r.stderr).toContain('Built anyway');
    expect(r.stderr).toContain('10003');
  });

  it('says what a note means, not only the fact (redirect_uri on http)', async () => {
    const r = await run(['url', '--profile', 'web', '--redirect-uri', 'http://passport.example.com/wechat/callback']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('redirect_uri uses http. It works, but the code travels in clear text');
  });

  it("no clear-text note on README's emulator profile (a test account on http://127.0.0.1:8080), as init gives none", async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const init = await runCli(['init', '--profile', 'emu', '--type', 'test', '--appid', 'wx5e1ec0de00000002', '--secret', '5e1ec0de5e1ec0de5e1ec0de00000002', '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/callback', '--api-base', 'http://127.0.0.1:3900', '--open-base', 'http://127.0.0.1:3900', '--yes'], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).not.toContain('clear text');
    for (const LANG of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
      const r = await runCli(['url', '--no-qr'], { env: { ...env, LANG } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/clear text|明文/);
    }
    // A LAN callback on a service account is no note either; a public http one still is.
    const lan = await runCli(['url', '--no-qr', '--redirect-uri', 'http://192.168.1.5/cb', '--force'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(lan.stderr).not.toContain('clear text');
    const inspected = await runCli(['inspect', `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${OA}&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback&response_type=code&scope=snsapi_base&state=Xq3v9TzLm0aB7cD2#wechat_redirect`], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(inspected.stdout).not.toContain('redirect_uri.http');
  });

  it('ends a reason that closes on a value with a full stop before the next sentence', async () => {
    // (--force: given plainly, an encoded --redirect-uri is refused before the lint, as the next test shows.)
    const r = await run(['url', '--redirect-uri', 'https%3A%2F%2Fwww.example.com%2Fcb', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('WeChat sees https%3A%2F%2Fwww.example.com%2Fcb. — That is not a URL');
    const zh = await run(['url', '--state', 'a{b'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('以外的字符：{。文档规定');
  });

  // A state outside a-zA-Z0-9 comes back altered, not refused (API-FACTS §1.3), on authorize as on qrconnect.
  it("refuses a Chinese or spaced state on an official account as its own choice, as on a website app", async () => {
    for (const state of ['登录', 'hello world']) {
      const r = await run(['url', '--state', state]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Not building this URL (WeChat would accept it; wxauth refuses): state contains characters outside a-zA-Z0-9');
      expect(r.stderr).not.toContain('WeChat would reject');
      expect(r.stderr).toContain('To build it anyway, add --force.');
    }
    const forced = await run(['url', '--state', '登录', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('Built anyway (--force); WeChat accepts it, but: state contains');
    const zh = await run(['url', '--state', '登录'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('不生成这条链接（微信会接受它，但 wxauth 不生成）');
  });

  // WeChat calls back with an empty state (API-FACTS §1.3): the refusal is wxauth's, not WeChat's.
  it('refuses an empty state as its own choice, without claiming WeChat would reject the URL', async () => {
    const r = await run(['url', '--state', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Not building this URL (WeChat would accept it; wxauth refuses): There is no state');
    expect(r.stderr).not.toContain('WeChat would reject');
    expect(r.stderr).toContain('To build it anyway, add --force.');
    const forced = await run(['url', '--state', '', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('Built anyway (--force); WeChat accepts it, but: There is no state');
    expect(forced.stderr).not.toContain('WeChat will reject');
    expect(forced.stderr).toContain('This URL has no state: wxauth exchange / listen / inspect have nothing to check the callback against.');
    const zh = await run(['url', '--state', ''], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('微信会接受它，但 wxauth 不生成');
  });

  it('--force with --json lists the problem under warnings', async () => {
    const r = await run(['url', '--json', '--scope', 'snsapi_login', '--force']);
    expect(r.code).toBe(0);
    const doc = parseJson(r.stdout) as { warnings: Array<{ id: string; severity: string; message: string; effect: string; fix: string }> };
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({ id: 'scope.login_on_authorize', severity: 'error' });
    expect(doc.warnings[0]?.effect).toContain('10005');
  });

  it('refuses in the user’s language', async () => {
    const r = await run(['url', '--state', 'a{b'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不生成这条链接');
    expect(r.stderr).toContain('--force');
  });

  it('rejects --authorize with --qrconnect, and --lang on authorize', async () => {
    const both = await run(['url', '--authorize', '--qrconnect']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--authorize and --qrconnect');
    const lang = await run(['url', '--lang', 'en']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('qrconnect');
    // `--lang cn` after url asked for Chinese: the way to wxauth's own Chinese is offered, not the English in use.
    const cn = await run(['url', '--lang', 'cn']);
    expect(cn.code).toBe(2);
    expect(cn.stderr).toContain('put --lang before url: wxauth --lang zh url.');
    expect(lang.stderr).toContain('put --lang before url: wxauth --lang en url.');
  });

  it('asks for a redirect URI when neither the flag nor the profile has one', async () => {
    // A fresh config dir: only the appid, from the environment.
    const r = await runCli(['url'], { env: { WXAUTH_APPID: OA } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--redirect-uri');
    // A scope on the wrong endpoint is said first: fixing the redirect_uri would only lead to it.
    const scope = await runCli(['--lang', 'zh', 'url', '--scope', 'snsapi_login'], { env: { WXAUTH_APPID: OA, WXAUTH_TYPE: 'service' } });
    expect(scope.code).toBe(2);
    expect(scope.stderr.split('\n')[0]).toContain('snsapi_login 用在了公众号授权地址');
    expect(scope.stderr).toContain('另外：还不知道回调地址（redirect_uri）');
  });

  it('--redirect-uri given already encoded (copied out of an authorize URL): says to give it as is, with the decoded value', async () => {
    const r = await run(['url', '--redirect-uri', 'https%3A%2F%2Fwww.example.com%2Fcb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is already URL-encoded');
    expect(r.stderr).toContain('wxauth encodes it once when it builds the link: https://www.example.com/cb');
    expect(r.stderr).not.toContain('a framework or SDK encodes it again');
  });

  it('a domain refusal whose domain came from WXAUTH_DOMAIN names the variable, which config set cannot change', async () => {
    const r = await run(['url', '--redirect-uri', 'https://www.example.com/cb'], { WXAUTH_DOMAIN: 'api.example.com' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Also: this callback domain (api.example.com) came from WXAUTH_DOMAIN');
    const saved = await run(['url', '--redirect-uri', 'https://api.example.org/cb']);
    expect(saved.stderr).not.toContain('WXAUTH_DOMAIN');
    // A port a real account's domain can never take: the fix is the redirect_uri, the domain is right.
    const port = await run(['url', '--redirect-uri', 'https://api.example.com:8443/cb'], { WXAUTH_DOMAIN: 'api.example.com', WXAUTH_TYPE: 'service' });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('the port does not fit the callback domain api.example.com');
    expect(port.stderr).not.toContain('WXAUTH_DOMAIN');
  });

  // The way out is the headline's: right under it, not under the last "Also:" line, whose fix it is not.
  it('says a refusal\'s way out under it, then its further reasons each with its own fix, and lists them in --json', async () => {
    const args = ['url', '--qrconnect', '--scope', 'snsapi_userinfo', '--redirect-uri', 'https://www.example.com/cb'];
    const r = await run(args);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Not building this URL');
    expect(lines[1]).toMatch(/^→ /);
    expect(lines[2]).toMatch(/^✖ Also: /);
    const doc = parseJson((await run([...args, '--json'])).stdout) as { error: { also: string[] } };
    expect(doc.error.also).toHaveLength(1);
    expect(doc.error.also[0]).toMatch(/^Also: /);
  });

  it('--embed prints the WxLogin snippet with the iframe URL', async () => {
    const r = await run(['url', '--profile', 'web', '--embed']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<script src="https://res.wx.qq.com/connect/zh_CN/htmledition/js/wxLogin.js"></script>');
    expect(r.stdout).toContain('new WxLogin({');
    expect(r.stdout).toContain('redirect_uri: "https%3A%2F%2Fpassport.example.com%2Fwechat%2Fcallback"');
    expect(r.stdout).toMatch(/iframe: https:\/\/open\.weixin\.qq\.com\/connect\/qrconnect\?appid=wxbdc5610cc59c1631&scope=snsapi_login&redirect_uri=https%3A%2F%2Fpassport\.example\.com%2Fwechat%2Fcallback&state=[A-Za-z0-9]{32}&login_type=jssdk&self_redirect=false/);
    const json = await run(['url', '--profile', 'web', '--embed', '--json']);
    const doc = parseJson(json.stdout) as { embed: { iframeUrl: string; config: Record<string, unknown> }; state: string };
    expect(doc.embed.config).toMatchObject({ appid: WEB, scope: 'snsapi_login', state: doc.state });
    expect(doc.embed.iframeUrl).toContain('login_type=jssdk');
  });

  it('--embed is refused for an official account', async () => {
    const r = await run(['url', '--embed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--embed');
    // The way out is a website app's own profile, not changing this account's type (which is refused):
    // the one saved (web), by name, not how to make another.
    expect(r.stderr).toContain('→ An embedded QR needs a website app’s own appid; a website-app profile is saved, so use it: wxauth --profile web url --embed\n');
    expect(r.stderr).not.toContain('wxauth init');
    expect(r.stderr).not.toContain('config set type website');
    const zh = await run(['--lang', 'zh', 'url', '--embed']);
    expect(zh.stderr).toContain('→ 内嵌二维码要用网站应用自己的 appid；已经保存了网站应用的配置，用它生成：wxauth --profile web url --embed\n');
  });

  // The fix of snsapi_login on an official account is a website app's profile: the one saved, else one
  // made under a name no profile has (never `init --profile web` over an account saved as web).
  it('snsapi_login on an official account names the saved website-app profile, else a free name to make one', async () => {
    const saved = await run(['url', '--scope', 'snsapi_login']);
    expect(saved.code).toBe(2);
    expect(saved.stdout).toBe('');
    expect(saved.stderr).toContain('→ Inside WeChat use snsapi_base / snsapi_userinfo; desktop QR login needs a website app’s appid on /connect/qrconnect, and a website-app profile is saved, so use it: wxauth --profile web url. To build this one anyway (e.g. to reproduce the error), add --force.\n');
    expect(saved.stderr).not.toContain('wxauth init');
    const zh = await run(['--lang', 'zh', 'url', '--scope', 'snsapi_login']);
    expect(zh.stderr).toContain('→ 在微信里登录用 snsapi_base / snsapi_userinfo；PC 扫码登录要用网站应用的 appid，走 /connect/qrconnect。已经保存了网站应用的配置，用它生成：wxauth --profile web url。如果就是要复现这个错误，加上 --force。\n');
    // No website app saved, and this official account's own profile is named web.
    const own = tempConfigDir();
    const init = await runCli(['init', '--profile', 'web', '--type', 'service', '--appid', OA, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y'], { env: { WXAUTH_CONFIG_DIR: own } });
    expect(init.code, init.stderr).toBe(0);
    const before = fs.readFileSync(path.join(own, 'config.json'), 'utf8');
    const taken = await runCli(['--profile', 'web', 'url', '--scope', 'snsapi_login'], { env: { WXAUTH_CONFIG_DIR: own } });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('set up a profile for that app (wxauth init --type website --profile website), then run wxauth --profile website url. To build this one anyway');
    expect(taken.stderr).not.toContain('--profile web)');
    const embed = await runCli(['--profile', 'web', 'url', '--embed'], { env: { WXAUTH_CONFIG_DIR: own } });
    expect(embed.stderr).toContain('(wxauth init --type website --profile website), then run wxauth --profile website url --embed.');
    // Built anyway: the finding's own fix (inspect's) offers no name of ours either.
    const forced = await runCli(['--profile', 'web', 'url', '--scope', 'snsapi_login', '--force', '--json'], { env: { WXAUTH_CONFIG_DIR: own } });
    expect(forced.code, forced.stderr).toBe(0);
    const fix = (parseJson(forced.stdout) as { warnings: Array<{ id: string; fix: string }> }).warnings.find((w) => w.id === 'scope.login_on_authorize')?.fix;
    expect(fix).toContain('wxauth init --type website --profile <name>');
    expect(fix).not.toContain('--profile web');
    expect(fs.readFileSync(path.join(own, 'config.json'), 'utf8')).toBe(before);
  });

  it('--open hands the URL to xdg-open, detached', async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-open-'));
    const log = path.join(bin, 'opened.txt');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${log}'\n`, { mode: 0o755 });
    const r = await run(['url', '--open'], { PATH: `${bin}:${process.env.PATH ?? ''}` });
    expect(r.code, r.stderr).toBe(0);
    for (let i = 0; i < 50 && !fs.existsSync(log); i++) await new Promise((res) => setTimeout(res, 50));
    expect(fs.readFileSync(log, 'utf8')).toBe(r.stdout.trim());
    expect(r.stderr).toContain('Opened in the browser');
  });

  it('--open without any opener warns and still succeeds', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-noopen-'));
    const r = await run(['url', '--open'], { PATH: empty });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(URL_LINE);
    expect(r.stderr).toContain('Could not open a browser');
  });

  // `wxauth url --open > f`: the URL is in f, not "above" on the terminal.
  it('--open without any opener, stdout redirected: names stdout as where the URL went, not "above", en and zh', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-noopen-'));
    const { runCli: runApp } = await import('../../src/app.js');
    // stdout to a file, stderr on the terminal: the URL is not here, and said to be elsewhere.
    const inProcess = async (args: string[], stdoutTTY: boolean, stderrTTY: boolean) => {
      const stdout = new TextStream(stdoutTTY, 100);
      const stderr = new TextStream(stderrTTY, 100);
      const code = await runApp(args, { stdout, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env: baseEnv({ WXAUTH_CONFIG_DIR: dir, PATH: empty, NO_COLOR: '1' }), signal: new AbortController().signal }, '0.0.0');
      return { code, stdout: stdout.text, stderr: stderr.text };
    };
    const r = await inProcess(['url', '--open', '--no-qr'], false, true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Could not open a browser (no xdg-open / open / start?); the URL went to stdout (the file or pipe it is redirected to), not here: open it from there by hand.');
    expect(r.stderr).not.toContain('above');
    const zh = await inProcess(['--lang', 'zh', 'url', '--open', '--no-qr'], false, true);
    expect(zh.stderr).toContain('链接写到了 stdout（重定向到的文件或管道），不在这里');
    expect(zh.stderr).not.toContain('上面');
    const embed = await inProcess(['--profile', 'web', 'url', '--embed', '--open'], false, true);
    expect(embed.code, embed.stderr).toBe(0);
    expect(embed.stderr).toContain('the snippet went to stdout (the file or pipe it is redirected to), not here: open the address on its // iframe: line by hand.');
    // Neither a terminal (`> f 2>&1` puts both in one file, the URL right there): stdout named, no "not here".
    const both = await run(['url', '--open'], { PATH: empty });
    expect(both.code, both.stderr).toBe(0);
    expect(both.stderr).toContain('Could not open a browser (no xdg-open / open / start?); the URL went to stdout (the file or pipe it is redirected to): open it from there by hand.');
    expect(both.stderr).not.toContain('not here');
    const bothZh = await run(['--lang', 'zh', 'url', '--open'], { PATH: empty });
    expect(bothZh.stderr).toContain('链接写到了 stdout（重定向到的文件或管道），请从那里取出来手动打开。');
    expect(bothZh.stderr).not.toContain('不在这里');
    const bothEmbed = await run(['--profile', 'web', 'url', '--embed', '--open'], { PATH: empty });
    expect(bothEmbed.stderr).toContain('the snippet went to stdout (the file or pipe it is redirected to): open the address on its // iframe: line by hand.');
    // On a terminal the URL is above the warning, and said to be.
    const tty = await inProcess(['url', '--open', '--no-qr'], true, false);
    expect(tty.code, tty.stderr).toBe(0);
    expect(tty.stderr).toContain('Could not open a browser (no xdg-open / open / start?); copy the URL above by hand.');
  });

  // xdg-open exits 3 when it finds no browser to hand the URL to: it exists, so "no xdg-open?" would mislead.
  it('--open with an opener that runs and fails names it and its exit status, not a missing opener, en, zh and --json', async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-failopen-'));
    fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    const r = await run(['url', '--open'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(URL_LINE);
    expect(r.stderr).toContain('! xdg-open failed to open a browser (exit status 3; run xdg-open on the URL yourself to see its error); the URL went to stdout');
    expect(r.stderr).not.toContain('no xdg-open');
    const zh = await run(['--lang', 'zh', 'url', '--open'], env);
    expect(zh.stderr).toContain('xdg-open 没能打开浏览器（退出码 3；自己用 xdg-open 打开这个链接，就能看到它报的错），链接写到了 stdout');
    expect(zh.stderr).not.toContain('没有 xdg-open');
    const json = parseJson((await run(['url', '--open', '--json'], env)).stdout) as { warnings: Array<{ id: string; message: string }> };
    expect(json.warnings.find((w) => w.id === 'url.open.failed')?.message).toBe('xdg-open failed to open a browser (exit status 3; run xdg-open on the URL yourself to see its error); the URL is in the JSON output on stdout (.url): open it by hand.');
  });

  // An xdg-open that is there but not executable (a copy that lost its mode, a noexec mount): "no xdg-open?" would send the user looking for one.
  it('--open with an opener that exists but cannot be started says so, with the error code, not a missing opener, en, zh and --json', async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-noexec-'));
    fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n', { mode: 0o644 });
    // Only this folder: a system xdg-open further along PATH would be started instead.
    const env = { PATH: bin };
    const r = await run(['url', '--open'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(URL_LINE);
    expect(r.stderr).toContain('! xdg-open was found but could not be started (EACCES, permission denied: is it executable? chmod +x); the URL went to stdout');
    expect(r.stderr).not.toContain('no xdg-open');
    const zh = await run(['--lang', 'zh', 'url', '--open'], env);
    expect(zh.stderr).toContain('找到了 xdg-open，但无法启动（EACCES，权限不足：它有可执行权限吗？chmod +x），链接写到了 stdout');
    expect(zh.stderr).not.toContain('没有 xdg-open');
    const json = parseJson((await run(['url', '--open', '--json'], env)).stdout) as { warnings: Array<{ id: string; message: string }> };
    expect(json.warnings.find((w) => w.id === 'url.open.failed')?.message).toBe('xdg-open was found but could not be started (EACCES, permission denied: is it executable? chmod +x); the URL is in the JSON output on stdout (.url): open it by hand.');
  });

  // An opener killed by a signal has no exit status: "exit status SIGTERM" named a number that never was.
  it('--open with an opener killed by a signal says which signal, not an exit status, en and zh', async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-killedopen-'));
    fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nkill -TERM $$\n', { mode: 0o755 });
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    const r = await run(['url', '--open'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(URL_LINE);
    expect(r.stderr).toContain('! xdg-open failed to open a browser (it was killed by signal SIGTERM; run xdg-open on the URL yourself to see its error); the URL went to stdout');
    expect(r.stderr).not.toContain('exit status');
    const zh = await run(['--lang', 'zh', 'url', '--open'], env);
    expect(zh.stderr).toContain('xdg-open 没能打开浏览器（它被信号 SIGTERM 终止；自己用 xdg-open 打开这个链接，就能看到它报的错），链接写到了 stdout');
    expect(zh.stderr).not.toContain('退出码');
  });

  it('loads neither undici, prompts nor qrcode-terminal when stderr is not a terminal', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-imports-')), 'imports.log');
    const preload = path.join(ROOT, 'test', 'fixtures', 'record-imports.cjs');
    fs.writeFileSync(log, '');
    const r = await runSpawned(['url'], { env: { WXAUTH_CONFIG_DIR: dir, NODE_OPTIONS: `--require=${preload}`, WXAUTH_TEST_IMPORT_LOG: log } });
    expect(r.code, r.stderr).toBe(0);
    const loaded = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
    for (const heavy of ['undici', '@inquirer/prompts', 'qrcode-terminal']) expect(loaded).not.toContain(heavy);
  });
});

// `script` (util-linux) runs the CLI on a pseudo-terminal, so stderr is a TTY as for a real user.
const hasScript = (() => {
  try {
    return fs.statSync('/usr/bin/script').isFile() && process.platform === 'linux';
  } catch {
    return false;
  }
})();

describe.skipIf(!hasScript)('wxauth url on a terminal', () => {
  async function onTerminal(args: string[], configDir = dir): Promise<{ url: string; terminal: string }> {
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-tty-')), 'stdout.txt');
    const command = [process.execPath, BIN, 'url', ...args].join(' ') + ` 2>&1 1>${outFile}`;
    const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], { env: baseEnv({ WXAUTH_CONFIG_DIR: configDir }), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin?.end();
    const r = await collect(child);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return { url: fs.readFileSync(outFile, 'utf8'), terminal: r.stdout.replace(/\r/g, '') };
  }

  it('draws a QR code of exactly the printed URL on stderr, the URL alone on stdout', async () => {
    const { url, terminal } = await onTerminal([]);
    expect(url).toMatch(URL_LINE);
    const expected = await new Promise<string>((resolve) => qrcode.generate(url.trim(), { small: true }, resolve));
    expect(terminal).toContain(expected);
    expect(terminal).toContain('Scan it with WeChat on the phone');
  });

  // Without a terminal there is no QR code to scan: the advice was "Scan it" all the same.
  it('in a pipe (no QR code drawn) the advice is to open the link in phone WeChat, not to scan it', async () => {
    const r = await runCli(['url'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('Scan it');
    expect(r.stderr).toContain('Open it in WeChat on the phone (official-account links only work inside WeChat: send it to yourself');
  });

  it("an official account's callback on this machine: no QR code for a phone that cannot reach it, the link is for desktop WeChat", async () => {
    const local = tempConfigDir();
    const init = await runCli(['init', '--type', 'service', '--appid', OA, '--secret', SECRET, '--domain', 'localhost', '--redirect-uri', 'http://localhost/cb', '-y'], { env: { WXAUTH_CONFIG_DIR: local } });
    expect(init.code, init.stderr).toBe(0);
    const { url, terminal } = await onTerminal([], local);
    expect(url).toMatch(/^https:\/\/open\.weixin\.qq\.com\/connect\/oauth2\/authorize\?/);
    expect(terminal).not.toMatch(/[▀▄█]/);
    expect(terminal).toContain('Open it in desktop WeChat on this machine');
    expect(terminal).not.toContain('Scan it with WeChat on the phone');
    // Where a QR code would have been, why there is none and how to have one.
    expect(terminal).toContain('No QR code: a phone that scans it cannot reach a callback on this machine (--qr draws one anyway).');
    const forced = await onTerminal(['--qr'], local);
    expect(forced.terminal).toMatch(/[▀▄█]/);
    expect(forced.terminal).not.toContain('No QR code');
    // Without a terminal no QR code is ever drawn: nothing to explain.
    const piped = await runCli(['url'], { env: { WXAUTH_CONFIG_DIR: local } });
    expect(piped.stderr).toContain('Open it in desktop WeChat on this machine');
    expect(piped.stderr).not.toContain('No QR code');
  });

  it('--no-qr leaves it out', async () => {
    const { url, terminal } = await onTerminal(['--no-qr']);
    expect(url).toMatch(URL_LINE);
    expect(terminal).not.toMatch(/[▀▄█]/);
    expect(terminal).toContain('phone');
  });
});

describe('wxauth url --qr', () => {
  it('forces the QR code onto stderr when stderr is not a terminal (issue 12 item 8)', async () => {
    const dir = tempConfigDir();
    const init = await runCli(['init', '--type', 'test', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/callback', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(init.code, init.stderr).toBe(0);
    const plain = await runCli(['url'], { env: { WXAUTH_CONFIG_DIR: dir } });
    const forced = await runCli(['url', '--qr'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(forced.code, forced.stderr).toBe(0);
    expect(plain.stderr).not.toMatch(/[▀▄█]/);
    expect(forced.stderr).toMatch(/[▀▄█]{10}/);
    // The URL alone stays on stdout either way.
    expect(forced.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('wxauth url on a subscription-account profile', () => {
  it('says first that a subscription account has no web authorization, and to use a test account’s own appid and secret', async () => {
    const sub = tempConfigDir();
    const init = await runCli(['init', '--type', 'subscription', '--appid', OA, '--secret', SECRET, '--yes'], { env: { WXAUTH_CONFIG_DIR: sub } });
    expect(init.code, init.stderr).toBe(0);
    // No redirect_uri saved (init does not keep one for a subscription account): not what to fix first.
    const r = await runCli(['--lang', 'zh', 'url'], { env: { WXAUTH_CONFIG_DIR: sub } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('不知道回调地址');
    expect(r.stderr).toContain(`${OA} 是订阅号，订阅号没有网页授权权限`);
    expect(r.stderr).toContain('wxauth init --profile test --type test（会询问 appid 和 secret）');
    expect(r.stderr).toContain('只把 type 改成 test 没用');
    expect(r.stderr).not.toContain('wxauth config set type test');
    // With a redirect_uri, the same words.
    const withUri = await runCli(['--lang', 'zh', 'url', '--redirect-uri', 'https://www.example.com/cb'], { env: { WXAUTH_CONFIG_DIR: sub } });
    expect(withUri.code).toBe(2);
    expect(withUri.stderr).toContain('只把 type 改成 test 没用');
    expect(withUri.stderr).not.toContain('wxauth config set type test');
  });
});

describe('wxauth url before any configuration', () => {
  it('says a mistake in its flags first (exit 2, the flag’s own words), the missing appid after it', async () => {
    const fresh = tempConfigDir();
    const url = (args: string[]) => runCli(args, { env: { WXAUTH_CONFIG_DIR: fresh } });
    const scope = await url(['url', '--scope', 'bogus']);
    expect(scope.code).toBe(2);
    expect(scope.stdout).toBe('');
    expect(scope.stderr).toContain('The scope bogus is not a WeChat web-authorization scope');
    // What the configuration lacks comes after, with its own way out.
    expect(scope.stderr).toMatch(/scope[\s\S]*Also: Missing configuration: appid \(profile "default"\)\. Run wxauth init --profile default/);
    // The line as a user sees it, whole: nothing after its last word.
    expect(scope.stderr.split('\n')).toContain('✖ Also: Missing configuration: appid (profile "default"). Run wxauth init --profile default, or wxauth config set appid <value>, or set WXAUTH_APPID.');
    const redirect = await url(['--lang', 'zh', 'url', '--redirect-uri', 'notaurl']);
    expect(redirect.code).toBe(2);
    expect(redirect.stderr).toContain('redirect_uri');
    expect(redirect.stderr.split('\n')).toContain('✖ 另外：缺少配置：appid（profile "default"）。运行 wxauth init --profile default，或 wxauth config set appid <值>，或设置环境变量 WXAUTH_APPID。');
    const state = await url(['--json', 'url', '--state', 'a{b']);
    expect(state.code).toBe(2);
    const doc = parseJson(state.stdout) as { error: { code: string; message: string; also: string[] } };
    expect(doc.error.code).toBe('usage');
    expect(doc.error.message).toContain('state contains characters outside a-zA-Z0-9');
    expect(doc.error.also.at(-1)).toContain('Missing configuration: appid');
    // Flags with nothing wrong in them: the missing configuration is the whole answer, as before.
    const plain = await url(['url', '--scope', 'snsapi_userinfo', '--redirect-uri', 'https://www.example.com/cb']);
    expect(plain.code).toBe(4);
    expect(plain.stderr).toContain('Missing configuration: appid');
    expect(plain.stderr).not.toContain('Also:');
    // Nothing was written for the refused runs: the folder has no profile or state.
    expect(fs.readdirSync(fresh).filter((f) => f.startsWith('state-'))).toEqual([]);
  });

  it('a profile name that names no profile is said first, not a flag judged without its account type (exit 4)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const web = ['init', '--profile', 'web', '--type', 'website', '--appid', 'wx2234567890abcdef', '--secret', 'a'.repeat(32), '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'];
    expect((await runCli(web, { env })).code).toBe(0);
    // --lang is the QR page's language: fine for the website app meant, not to be refused for a type unknown.
    const typo = await runCli(['--profile', 'website', 'url', '--lang', 'en', '--no-qr'], { env });
    expect(typo.code).toBe(4);
    expect(typo.stderr).toMatch(/^✖ There is no profile named "website"/);
    expect(typo.stderr).not.toContain('--lang only applies');
    const zh = await runCli(['--lang', 'zh', '--profile', 'website', 'url', '--lang', 'en', '--no-qr'], { env });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toMatch(/^✖ 没有名为 "website" 的 profile/);
    expect((await runCli(['--profile', 'web', 'url', '--lang', 'en', '--no-qr'], { env })).code).toBe(0);
  });
});

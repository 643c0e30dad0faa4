// wxauth jssdk in-process (runCli) against the emulator on port 0: the ticket through the cached basic
// token and its cache, sign's string and snippet (checked against the emulator's own verdict), verify
// naming the mistake, the jsDomains setting and the domain check.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.close();
});

const SERVICE = { appid: DEFAULT_APPIDS.service, secret: '5e1ec0de5e1ec0de5e1ec0de00000001', type: 'service' };
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const calls = (path: string) => emu.requests().filter((r) => r.path === path).length;

/** One server of the appid: its own state dir, so its own token and ticket cache. */
function server(extra: Record<string, string> = {}) {
  const dir = tempConfigDir();
  return Object.assign((args: string[], more: Record<string, string> = {}) => runCli(args, { env: emulatorEnv(emu, SERVICE, { WXAUTH_CONFIG_DIR: dir, ...extra, ...more }) }), { dir });
}

async function emulatorVerdict(q: Record<string, string>): Promise<string> {
  const r = await fetch(`${emu.url}/__emulator/jssdk/check?${new URLSearchParams(q).toString()}`);
  return ((await r.json()) as { errMsg: string }).errMsg;
}

describe('wxauth jssdk ticket', () => {
  it('fetches through stable_token, caches the ticket; a second run and --show use the cache', async () => {
    const cli = server();
    const before = calls('/cgi-bin/ticket/getticket');
    const first = await cli(['jssdk', 'ticket']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^[A-Za-z0-9_-]{86}\n$/);
    expect(first.stderr).toMatch(/Got the jsapi_ticket from 127\.0\.0\.1:\d+: 1h59m|Got the jsapi_ticket from 127\.0\.0\.1:\d+: 2h/);
    expect(calls('/cgi-bin/stable_token')).toBeGreaterThan(0);
    const second = await cli(['jssdk', 'ticket']);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain('WeChat was not called');
    expect(calls('/cgi-bin/ticket/getticket')).toBe(before + 1);
    const show = await cli(['jssdk', 'ticket', '--show', '--json']);
    expect(show.code).toBe(0);
    expect(parseJson(show.stdout)).toMatchObject({ ticket: first.stdout.trim(), from: 'cache', appid: SERVICE.appid });
    // sign says where its ticket came from in the same words as ticket and token do.
    const signed = await cli(['jssdk', 'sign', 'https://www.example.com/page', '--json']);
    expect(parseJson(signed.stdout)).toMatchObject({ ticket_from: 'cache' });
  });

  it('--refresh asks WeChat while the cached ticket lasts; with --show it is a usage error; tokens names the cached ticket and basic token', async () => {
    const cli = server();
    await cli(['jssdk', 'ticket']);
    const before = calls('/cgi-bin/ticket/getticket');
    const again = await cli(['jssdk', 'ticket', '--refresh']);
    expect(again.code, again.stderr).toBe(0);
    expect(calls('/cgi-bin/ticket/getticket')).toBe(before + 1);
    expect(again.stderr).toContain('WeChat returned the ticket already cached');
    const both = await cli(['jssdk', 'ticket', '--refresh', '--show']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--show and --refresh cannot be used together.');
    // `tokens` lists users only; it says what else the cache holds instead of calling it empty.
    const list = await cli(['tokens']);
    expect(list.stderr).toContain('No user tokens are cached for profile default.');
    expect(list.stderr).toContain('The cache also holds basic access_tokens (1) and jsapi_tickets (1)');
    expect(parseJson((await cli(['tokens', '--json'])).stdout)).toMatchObject({ users: [], others: { basic_tokens: 1, tickets: 1 } });
    const clear = await cli(['tokens', 'clear', '--yes', '--lang', 'zh']);
    expect(clear.stderr).toContain('缓存里还有 1 个基础 access_token 和 1 个 jsapi_ticket');
  });

  it('-1000 from getticket says the access_token sent had gone bad and to fetch a fresh one; 45009 offers wxauth quota for getticket (en, zh)', async () => {
    const cli = server();
    emu.setFaults([{ kind: 'errcode', errcode: -1000, path: '/cgi-bin/ticket/getticket', count: 2 }]);
    try {
      const en = await cli(['--profile', 'staging', 'jssdk', 'ticket', '--refresh']);
      expect(en.code).toBe(3);
      expect(en.stderr).toContain('The access_token sent had gone bad');
      expect(en.stderr).toContain('wxauth --profile staging token fetches the current stable token from WeChat and replaces the cached one; then wxauth --profile staging jssdk ticket --refresh.');
      const zh = await cli(['--lang', 'zh', 'jssdk', 'ticket', '--refresh']);
      expect(zh.stderr).toContain('换一个新的 access_token 再取 ticket：wxauth token 向微信重新获取当前有效的 stable token');
    } finally {
      emu.setFaults([]);
    }
    emu.setFaults([{ kind: 'errcode', errcode: 45009, path: '/cgi-bin/ticket/getticket', count: 1 }]);
    try {
      const quota = await cli(['--profile', 'staging', 'jssdk', 'ticket', '--refresh']);
      expect(quota.code).toBe(3);
      expect(quota.stderr).toContain('See the usage with wxauth --profile staging quota /cgi-bin/ticket/getticket;');
      expect(quota.stderr).not.toContain('/cgi-bin/openapi/quota/get');
    } finally {
      emu.setFaults([]);
    }
  });

  it('a busy page instead of JSON is a moment\'s overload, not a wrong base; another page names where the base came from (en, zh)', async () => {
    const cli = server();
    // Sent three times each (getticket is safe to repeat: two retries, as for -1).
    emu.setFaults([{ kind: 'garbage', path: '/cgi-bin/ticket/getticket', count: 6 }]);
    try {
      const en = await cli(['jssdk', 'ticket', '--refresh']);
      expect(en.code).toBe(5);
      expect(en.stderr).toContain('Answered with a busy page instead of JSON; retry 2:');
      expect(en.stderr).toContain('系统繁忙 service busy');
      expect(en.stderr).toContain('→ WeChat (or a gateway in between) answered with a busy page: try again shortly.');
      expect(en.stderr).not.toContain('--api-base');
      const zh = await cli(['--lang', 'zh', 'jssdk', 'ticket', '--refresh']);
      expect(zh.stderr).toContain('→ 微信（或中间的网关）返回了一个“繁忙”页面：稍等片刻再试。');
    } finally {
      emu.setFaults([]);
    }
    // A page that says nothing of being busy: the base is suspect, and named by where it came from.
    const page = await cli(['jssdk', 'ticket', '--refresh'], { WXAUTH_API_BASE: `${emu.url}/__emulator/ui` });
    expect(page.code).toBe(5);
    expect(page.stderr).toMatch(/→ (Nothing answers|Check that the API base) .*\(.*the variable WXAUTH_API_BASE\)/);
  });

  it('sign and verify refuse the AppSecret (or a 32-hex value) given as --ticket, without echoing it', async () => {
    const cli = server();
    const sign = await cli(['jssdk', 'sign', 'https://h5.example.com/p', '--ticket', SERVICE.secret]);
    expect(sign.code).toBe(2);
    expect(sign.stderr).toContain('The --ticket given is this profile’s AppSecret, not a jsapi_ticket.');
    expect(sign.stderr + sign.stdout).not.toContain(SERVICE.secret);
    const verify = await cli(['jssdk', 'verify', '--url', 'https://h5.example.com/p', '--signature', 'a'.repeat(40), '--timestamp', '1714587457', '--nonce', 'abc', '--ticket', '0123456789abcdef0123456789ABCDEF', '--lang', 'zh']);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain('像 AppSecret，不像 jsapi_ticket');
  });

  it('--show with nothing cached is exit 4 with the way out, in Chinese too', async () => {
    const r = await server()(['jssdk', 'ticket', '--show', '--lang', 'zh']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('没有');
    expect(r.stderr).toContain('wxauth jssdk ticket');
  });

  it('with nothing configured, names appid and secret at once, as wxauth token does (en, zh)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    for (const args of [['jssdk', 'ticket'], ['jssdk', 'sign', 'https://h5.example.com/'], ['token']]) {
      const r = await runCli([...args, '--lang', 'en'], { env });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stderr, args.join(' ')).toContain('Missing configuration: appid, secret');
      expect(r.stderr, args.join(' ')).toContain('WXAUTH_APPID, WXAUTH_SECRET');
    }
    const zh = await runCli(['jssdk', 'ticket', '--lang', 'zh'], { env });
    expect(zh.stderr).toContain('缺少配置：appid、secret');
    // --show reads the cache only: the secret is not needed.
    const show = await runCli(['jssdk', 'ticket', '--show', '--lang', 'en'], { env });
    expect(show.stderr).toContain('Missing configuration: appid (profile');
  });
});

describe('wxauth jssdk sign', () => {
  it('drops the fragment (and says so), prints string1, the signature and a wx.config the emulator accepts', async () => {
    const cli = server();
    const r = await cli(['jssdk', 'sign', 'http://localhost/shop?id=1#/cart']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Dropped #/cart');
    const signature = /signature\s+([0-9a-f]{40})/.exec(r.stdout)?.[1];
    const ts = /timestamp\s+(\d{10})/.exec(r.stdout)?.[1];
    const nonce = /nonceStr\s+([A-Za-z0-9]{16})/.exec(r.stdout)?.[1];
    expect(r.stdout).toMatch(/string1\s+jsapi_ticket=[A-Za-z0-9_-]{4}\*\*\*&noncestr=[A-Za-z0-9]{16}&timestamp=\d{10}&url=http:\/\/localhost\/shop\?id=1\n/);
    expect(r.stdout).toContain(`wx.config({\n  debug: false,\n  appId: '${SERVICE.appid}',`);
    expect(await emulatorVerdict({ url: 'http://localhost/shop?id=1#/cart', appId: SERVICE.appid, timestamp: ts!, nonceStr: nonce!, signature: signature! })).toBe('config:ok');
    // The first run fetched the ticket; the next signs with the cached one, and says so every time
    // (WeChat may have ended it since: a cache restarting its clock on a re-fetch, the emulator's Expire
    // it now). Not "another server fetched one": a fetch within its life returns the same ticket.
    expect(r.stderr).not.toContain('Signed with the cached jsapi_ticket');
    const again = await cli(['jssdk', 'sign', 'http://localhost/shop?id=1']);
    expect(again.stderr).toMatch(/Signed with the cached jsapi_ticket \(\d[^)]* left by wxauth’s count; WeChat was not asked\)/);
    expect(again.stderr).toContain('a fetch before then returns the same ticket with expires_in 7200 again');
    expect(again.stderr).not.toContain('another server');
    expect(again.stderr).toContain('wxauth jssdk ticket --refresh gets it again');
  });

  it('--json with a given ticket, timestamp and nonce reproduces the official example (--exact-url: its URL has no /)', async () => {
    const r = await server()([
      'jssdk', 'sign', 'http://mp.weixin.qq.com?params=value', '--json', '--exact-url',
      '--ticket', 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
      '--timestamp', '1414587457', '--nonce', 'Wm3WZYTPz0wzccnW',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r.stdout)).toMatchObject({ signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed', ticket_from: 'option', url: 'http://mp.weixin.qq.com?params=value' });
  });

  // --ticket - reads the ticket from a pipe, as --secret - does, so it is in no command line. It once
  // signed the literal ticket "-" without a word.
  it('--ticket - reads the ticket from stdin (same signature as the official example); an empty pipe is refused (exit 2)', async () => {
    const dir = tempConfigDir();
    const args = ['jssdk', 'sign', 'http://mp.weixin.qq.com?params=value', '--json', '--exact-url', '--ticket', '-', '--timestamp', '1414587457', '--nonce', 'Wm3WZYTPz0wzccnW'];
    const r = await runCli(args, { env: emulatorEnv(emu, SERVICE, { WXAUTH_CONFIG_DIR: dir }), input: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r.stdout)).toMatchObject({ signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed', ticket_from: 'option' });
    const empty = await runCli(args, { env: emulatorEnv(emu, SERVICE, { WXAUTH_CONFIG_DIR: dir }), input: '' });
    expect(empty.code).toBe(2);
    expect(parseJson(empty.stdout)).toMatchObject({ ok: false, error: { message: expect.stringContaining('--ticket - read no jsapi_ticket from stdin') as unknown as string } });
  });

  // getticket's whole JSON answer piped in (curl … | wxauth jssdk sign … --ticket -), an error answer, a
  // NUL: each was signed as the ticket, a signature WeChat never accepts, without a word.
  it('a --ticket no jsapi_ticket can be (getticket’s JSON, an error answer, a control character) is refused, exit 2, without echoing it (en, zh)', async () => {
    const env = emulatorEnv(emu, SERVICE, { WXAUTH_CONFIG_DIR: tempConfigDir() });
    const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
    const sign = ['jssdk', 'sign', 'https://h5.example.com/', '--ticket', '-'];
    const json = await runCli(sign, { env, input: `{"errcode":0,"errmsg":"ok","ticket":"${ticket}","expires_in":7200}\n` });
    expect(json.code, json.stderr).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('The --ticket given is getticket’s whole JSON answer, not the ticket itself.');
    expect(json.stderr).toContain('jq -r .ticket');
    expect(json.stderr).not.toContain(ticket);
    const error = await runCli(['--lang', 'zh', 'jssdk', 'verify', '--url', 'https://h5.example.com/', '--signature', '0f9de62fce790f9a083d5c99e95740ceb90c27ed', '--timestamp', '1414587457', '--nonce', 'abc', '--ticket', '-'], {
      env,
      input: '{"errcode":40001,"errmsg":"invalid credential"}\n',
    });
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('--ticket 给出的是 getticket 的错误应答（errcode 40001），里面没有 ticket');
    expect(error.stderr).toContain('wxauth errcode 40001');
    const nul = await runCli(sign, { env, input: 'sM4A\u0000OVd\n' });
    expect(nul.code).toBe(2);
    expect(nul.stderr).toContain('character 5 here is an invisible character, U+0000');
    expect(nul.stderr).not.toContain('sM4A');
  });

  // A ticket copied with a trailing newline or space, or pasted inside quotes (a shell quoted twice, a
  // .env line), was refused as "not a jsapi_ticket" though the ticket itself was right.
  it('--ticket with whitespace or one pair of quotes around it signs the ticket inside; the quotes are said (en, zh), whitespace is not; other shapes are still refused', async () => {
    const env = emulatorEnv(emu, SERVICE, { WXAUTH_CONFIG_DIR: tempConfigDir() });
    const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
    const sign = (given: string, ...more: string[]) =>
      runCli([...more, 'jssdk', 'sign', 'http://mp.weixin.qq.com?params=value', '--exact-url', '--ticket', given, '--timestamp', '1414587457', '--nonce', 'Wm3WZYTPz0wzccnW'], { env });
    const official = '0f9de62fce790f9a083d5c99e95740ceb90c27ed';
    const spaced = await sign(`  ${ticket} \n`);
    expect(spaced.code, spaced.stderr).toBe(0);
    expect(spaced.stdout).toContain(official);
    expect(spaced.stderr).not.toContain('quotes');
    const quoted = await sign(`"${ticket}"\n`);
    expect(quoted.code, quoted.stderr).toBe(0);
    expect(quoted.stdout).toContain(official);
    expect(quoted.stderr).toContain('The quotes around --ticket ("…") are not part of a ticket: dropped.');
    const zh = await sign(`“${ticket}”`, '--lang', 'zh');
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain(official);
    expect(zh.stderr).toContain('--ticket 两边的引号（“…”）不是 ticket 的一部分，已去掉。');
    // --json says it too (it said it on stderr only): the dropped quotes and the same sentence.
    const json = await sign(`"${ticket}"`, '--json');
    expect(parseJson(json.stdout)).toMatchObject({ signature: official, ticket_unquoted: { open: '"', close: '"', message: 'The quotes around --ticket ("…") are not part of a ticket: dropped.' } });
    expect(parseJson((await sign(ticket, '--json')).stdout)).toMatchObject({ ticket_unquoted: null });
    const verified = await runCli(['jssdk', 'verify', '--url', 'http://mp.weixin.qq.com?params=value', '--signature', official, '--ticket', `“${ticket}”`, '--timestamp', '1414587457', '--nonce', 'Wm3WZYTPz0wzccnW', '--json', '--lang', 'zh'], { env });
    expect(parseJson(verified.stdout)).toMatchObject({ ticket_unquoted: { open: '“', close: '”', message: '--ticket 两边的引号（“…”）不是 ticket 的一部分，已去掉。' } });
    // Not a pair, or a pair with more than a ticket inside: refused as before, never signed.
    for (const given of [`"${ticket}'`, `'${ticket} '`, `"${ticket}" "x"`]) {
      const r = await sign(given);
      expect(r.code, given).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('The --ticket given is not a jsapi_ticket');
      expect(r.stderr).not.toContain(ticket);
    }
    // A zero-width space a chat app slipped in is dropped, as from a pasted code.
    const invisible = await sign(`\u200b${ticket}\ufeff`);
    expect(invisible.code, invisible.stderr).toBe(0);
    expect(invisible.stdout).toContain(official);
    // Blank (or empty) is no ticket: the hint says what leaving --ticket out does, not --nonce's default.
    for (const given of [' \n', '']) {
      const blank = await sign(given);
      expect(blank.code).toBe(2);
      expect(blank.stdout).toBe('');
      expect(blank.stderr).toContain('--ticket is empty');
      expect(blank.stderr).toContain('leave the option out: sign and verify then use the cached ticket');
      expect(blank.stderr).not.toContain('nonceStr');
    }
  });

  // config set refuses jsDomains on a website app ("a website app has no JS-SDK"), yet sign handed out a
  // wx.config with the website app's appId without a word.
  it('on a website app’s profile, warns that a website app has no JS-SDK and names what to sign with instead (en, zh, --json)', async () => {
    const website = { appid: DEFAULT_APPIDS.website, secret: '5e1ec0de5e1ec0de5e1ec0de00000003', type: 'website' };
    const env = emulatorEnv(emu, website, { WXAUTH_CONFIG_DIR: tempConfigDir() });
    const en = await runCli(['jssdk', 'sign', 'https://localhost/x'], { env });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain(`Profile default is a website app (appid ${website.appid}), and a website app has no JS-SDK: wx.config takes an official account’s appId`);
    expect(en.stderr).toContain('wxauth --profile <account> jssdk sign');
    const zh = await runCli(['jssdk', 'sign', 'https://localhost/x', '--lang', 'zh', '--json'], { env });
    expect(parseJson(zh.stdout)).toMatchObject({ warnings: [{ id: 'jssdk.website-app', severity: 'warning', appid: website.appid, message: expect.stringContaining('网站应用没有 JS-SDK') as unknown as string }] });
    // A service account's profile: no such warning.
    const service = await server()(['jssdk', 'sign', 'https://localhost/x']);
    expect(service.stderr).not.toContain('website app');
  });

  // The snippet sign prints would get invalid url domain on the phone: said here, as verify says it, not left to wx.config.
  it('a page outside the jsDomains, or on a port, is warned about (en, zh, --json); a page within them is not', async () => {
    const cli = server({ WXAUTH_JS_DOMAINS: 'example.com' });
    const en = await cli(['jssdk', 'sign', 'https://evil.com/shop']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain('Host evil.com is not within the JS-safe domains (example.com): the page gets invalid url domain');
    expect(en.stderr).toContain('export WXAUTH_JS_DOMAINS=example.com,evil.com');
    const zh = await cli(['jssdk', 'sign', 'https://h5.example.com:8443/shop', '--lang', 'zh', '--json']);
    expect(parseJson(zh.stdout)).toMatchObject({
      warnings: [{ id: 'jssdk.domain', severity: 'warning', domain: { problem: 'port', port: '8443', host: 'h5.example.com' }, message: expect.stringContaining('8443') as unknown as string }],
    });
    expect(zh.stderr).toContain('invalid url domain');
    const within = await cli(['jssdk', 'sign', 'https://h5.example.com/shop']);
    expect(within.stderr).not.toContain('invalid url domain');
    // Without jsDomains there is nothing to check against: no warning (verify says it was not checked).
    expect((await server()(['jssdk', 'sign', 'https://evil.com/shop'])).stderr).not.toContain('invalid url domain');
  });

  it('refuses a URL that is not http(s) (exit 2)', async () => {
    const r = await server()(['jssdk', 'sign', '/shop', '--ticket', 't']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('full URL');
  });
});

describe('wxauth jssdk verify', () => {
  it('match → exit 0; the URL signed with its #fragment → exit 1 naming it; the domain checked against jsDomains', async () => {
    const cli = server();
    expect((await cli(['config', 'set', 'jsDomains', 'example.com'])).code).toBe(0);
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const page = 'https://h5.example.com/shop?id=1';
    const good = sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`);
    const ok = await cli(['jssdk', 'verify', '--url', page, '--signature', good, '--timestamp', '1714587457', '--nonce', 'abc']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('The signature is right');
    expect(ok.stderr).toContain('Host h5.example.com is within the JS-safe domains (example.com)');

    const withFragment = sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}#/order`);
    const bad = await cli(['jssdk', 'verify', '--url', `${page}#/order`, '--signature', withFragment, '--timestamp', '1714587457', '--nonce', 'abc', '--json']);
    expect(bad.code).toBe(1);
    expect(parseJson(bad.stdout)).toMatchObject({ ok: false, verdict: 'mistake', mistake: { id: 'fragment', signed_url: `${page}#/order` } });
    expect(bad.stderr).toContain('this signature is for the URL with its fragment');
  });

  // sign warned that a website app has no JS-SDK; verify said "The signature is right" and exit 0 for
  // a wx.config that cannot succeed in WeChat whatever its signature.
  it('on a website app’s profile, a matching signature still fails (exit 1): a website app has no JS-SDK, said on stdout and stderr (en, zh --json)', async () => {
    const website = { appid: DEFAULT_APPIDS.website, secret: '5e1ec0de5e1ec0de5e1ec0de00000003', type: 'website' };
    const env = emulatorEnv(emu, website, { WXAUTH_CONFIG_DIR: tempConfigDir() });
    const ticket = (await runCli(['jssdk', 'ticket'], { env })).stdout.trim();
    const page = 'https://h5.example.com/shop?id=3';
    const good = sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`);
    const args = ['jssdk', 'verify', '--url', page, '--signature', good, '--timestamp', '1714587457', '--nonce', 'abc'];
    const en = await runCli(args, { env });
    expect(en.code, en.stderr).toBe(1);
    expect(en.stderr).toContain(`Profile default is a website app (appid ${website.appid}), and a website app has no JS-SDK`);
    expect(en.stderr).toContain('wxauth --profile <account> jssdk verify');
    expect(en.stdout).toMatch(new RegExp(`appId +✖ ${website.appid} is a website app: no JS-SDK`));
    const zh = await runCli([...args, '--lang', 'zh', '--json'], { env });
    expect(zh.code).toBe(1);
    expect(parseJson(zh.stdout)).toMatchObject({ ok: false, verdict: 'match', warnings: [{ id: 'jssdk.website-app', appid: website.appid, message: expect.stringContaining('网站应用没有 JS-SDK') as unknown as string }] });
  });

  it('a match with the cached ticket is checked with WeChat: a ticket ended early is the old-ticket verdict (exit 1); unreachable, the match says it was not checked', async () => {
    const cli = server({ WXAUTH_JS_DOMAINS: 'example.com' });
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const page = 'https://h5.example.com/shop?id=2';
    const args = ['jssdk', 'verify', '--url', page, '--signature', sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`), '--timestamp', '1714587457', '--nonce', 'abc'];
    const live = await cli(args);
    expect(live.code, live.stderr).toBe(0);
    expect(live.stderr).toContain('with the current jsapi_ticket');
    expect(live.stderr).toContain('Asked WeChat once (getticket): the cached jsapi_ticket is still the live one.');
    // The emulator page's "Expire it now": WeChat no longer takes the ticket the server (and wxauth) cached.
    const ended = await fetch(`${emu.url}/__emulator/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appid: SERVICE.appid, expire: true }) });
    expect(((await ended.json()) as { expired: boolean }).expired).toBe(true);
    const dead = await cli([...args, '--json']);
    expect(dead.code, dead.stderr).toBe(1);
    expect(parseJson(dead.stdout)).toMatchObject({ verdict: 'mistake', mistake: { id: 'stale-ticket' }, live_check: { outcome: 'replaced' } });
    // The checklist's advice, the ticket the server used passed with --ticket: the same verdict, not "right".
    const given = await cli([...args, '--ticket', ticket]);
    expect(given.code, given.stderr).toBe(1);
    expect(given.stderr).toContain('Asked WeChat once (getticket): the live jsapi_ticket is another one; the one given by --ticket, which made this signature, is dead or not this appid’s.');
    expect(given.stderr).not.toContain('The signature is right');
    expect(given.stdout).not.toMatch(/verdict\s+match/);
    // The same signature made with the new ticket, without the AppSecret: the cached basic token still
    // asks WeChat (a secret is needed only to fetch one).
    const fresh = (await cli(['jssdk', 'ticket', '--show'])).stdout.trim();
    expect(fresh).not.toBe(ticket);
    const freshArgs = ['jssdk', 'verify', '--url', page, '--signature', sha1(`jsapi_ticket=${fresh}&noncestr=abc&timestamp=1714587457&url=${page}`), '--timestamp', '1714587457', '--nonce', 'abc'];
    const cachedToken = await cli(freshArgs, { WXAUTH_SECRET: '' });
    expect(cachedToken.code, cachedToken.stderr).toBe(0);
    expect(cachedToken.stderr).toContain('Asked WeChat once (getticket): the cached jsapi_ticket is still the live one.');
    // On a server that cannot ask WeChat (no AppSecret, and no basic token to ask with): a match from
    // the cache, said as unchecked.
    const file = path.join(cli.dir, 'tokens.json');
    const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as { profiles: Record<string, { basic?: unknown }> };
    for (const profile of Object.values(cache.profiles)) delete profile.basic;
    fs.writeFileSync(file, JSON.stringify(cache), { mode: 0o600 });
    const offline = await cli(freshArgs, { WXAUTH_SECRET: '' });
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stderr).toContain('not checked with WeChat that the ticket is still live');
    // And why not, in a line of its own.
    expect(offline.stderr).toMatch(/Could not ask WeChat whether the ticket is still live: .*secret/i);
  });

  // After an emulator reset the 40001 on the cached token was blamed on a forced refresh elsewhere alone.
  it('after the emulator was reset, the 40001 on the cached token names the reset as a cause and what to do; the old ticket is named dead (en, zh)', async () => {
    const own = await startEmulator();
    try {
      const dir = tempConfigDir();
      const cli = (args: string[]) => runCli(args, { env: emulatorEnv(own, SERVICE, { WXAUTH_CONFIG_DIR: dir }) });
      const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
      const page = 'https://h5.example.com/p';
      const args = ['jssdk', 'verify', '--url', page, '--signature', sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`), '--timestamp', '1714587457', '--nonce', 'abc'];
      const reset = async () => expect((await fetch(`${own.url}/__emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
      await reset();
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(
        `But ${own.url} is not WeChat: if it is wxauth's emulator, a reset (POST /__emulator/reset) or a restart also forgets every token and jsapi_ticket it issued, with this same 40001. wxauth fetches again by itself; a server of yours aimed at it holds dead ones too and must fetch its token and ticket again.`,
      );
      expect(r.stderr).toContain('the live jsapi_ticket is another one; the cached one, which made this signature, is dead.');
      await reset();
      const zh = await cli(['jssdk', 'ticket', '--refresh', '--lang', 'zh']);
      expect(zh.code, zh.stderr).toBe(0);
      expect(zh.stderr).toContain(`不过 ${own.url} 不是微信：如果它是 wxauth 的模拟器，它被重置（POST /__emulator/reset）或重启时也会忘掉它发过的所有 token 和 jsapi_ticket，同样答 40001。`);
    } finally {
      await own.close();
    }
  });

  it('a page on a port no JS-safe domain names: says a real account needs 80/443 and a test account registers host:port', async () => {
    const cli = server({ WXAUTH_JS_DOMAINS: 'localhost' });
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const page = 'http://localhost:8000/shop?id=1';
    const signature = sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`);
    const r = await cli(['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1714587457', '--nonce', 'abc']);
    expect(r.code).toBe(1);
    // The profile is a service account's: it cannot take localhost:8000, so no command to set it.
    expect(r.stderr).toContain('The page uses port 8000 (localhost): a service account’s JS-SDK pages must be on port 80/443');
    expect(r.stderr).not.toContain('config set jsDomains localhost:8000');
    // Type unknown: a real account needs 80/443, a test account registers host:port.
    const untyped = await cli(['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1714587457', '--nonce', 'abc'], { WXAUTH_TYPE: '' });
    expect(untyped.stderr).toContain('a real account’s JS-SDK pages must be on port 80/443');
    expect(untyped.stderr).toContain('wxauth config set jsDomains localhost:8000');
    // A test account registers host:port (a service account cannot: see "config set jsDomains" below).
    expect((await cli(['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1714587457', '--nonce', 'abc'], { WXAUTH_JS_DOMAINS: 'localhost:8000', WXAUTH_TYPE: 'test' })).code).toBe(0);
  });

  it("without jsDomains, sends the user to the console's JS-safe domains before config set, and says when only a test account can bind it (en, zh)", async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const verify = (url: string, lang = 'en') =>
      runCli(['jssdk', 'verify', '--url', url, '--ticket', 'x', '--signature', sha1(`jsapi_ticket=x&noncestr=abc&timestamp=1714587457&url=${url}`), '--timestamp', '1714587457', '--nonce', 'abc', '--lang', lang], { env });

    const plain = await verify('https://h5.shop.cn/a?x=1');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('The domain was not checked: the profile has no jsDomains.');
    // The console first: setting the page's own host unseen would make every later verify pass by definition.
    expect(plain.stderr).toContain('first look in the console (设置与开发 → 公众号设置 → 功能设置 → JS接口安全域名) for h5.shop.cn or a parent domain of it');
    expect(plain.stderr).toContain('wxauth config set jsDomains <the console’s domains> (h5.shop.cn only if the console lists it)');
    expect(plain.stderr).not.toContain('h5.example.com');
    expect((await verify('https://h5.shop.cn/a?x=1', 'zh')).stderr).toContain('wxauth config set jsDomains <后台的域名>（只有后台确实填了它，才写 h5.shop.cn）');

    const local = await verify('https://127.0.0.1:8080/shop?id=1');
    expect(local.stderr).toContain('The page is on 127.0.0.1:8080, an IP address and port 8080: a real account’s JS-SDK pages must be on a domain name on port 80/443');
    expect(local.stderr).toContain('a test account registers “127.0.0.1:8080” as its JS-safe domain (then wxauth config set jsDomains 127.0.0.1:8080 has it checked)');
    expect((await verify('https://127.0.0.1:8080/shop?id=1', 'zh')).stderr).toContain('页面在 127.0.0.1:8080，用的是 IP 地址和端口 8080：正式公众号的 JS-SDK 页面必须用域名、在 80/443 端口');
    expect((await verify('https://h5.shop.cn:8443/')).stderr).toContain('The page is on h5.shop.cn:8443, port 8443:');
    expect((await verify('https://10.0.0.2/')).stderr).toContain('The page is on 10.0.0.2, an IP address:');

    // --json carries the same suggestion for a script: the entry, whether only a test account can bind it, the command.
    const json = async (url: string) => parseJson((await runCli(['jssdk', 'verify', '--url', url, '--ticket', 'x', '--signature', sha1(`jsapi_ticket=x&noncestr=abc&timestamp=1714587457&url=${url}`), '--timestamp', '1714587457', '--nonce', 'abc', '--json'], { env })).stdout);
    expect(await json('https://h5.shop.cn/a?x=1')).toMatchObject({ domain: null, domain_unchecked: { reason: 'no-js-domains', host: 'h5.shop.cn', suggested: 'h5.shop.cn', test_account_only: false, command: 'wxauth config set jsDomains h5.shop.cn' } });
    expect(await json('https://127.0.0.1:8080/shop')).toMatchObject({ domain_unchecked: { suggested: '127.0.0.1:8080', test_account_only: true, command: 'wxauth config set jsDomains 127.0.0.1:8080' } });
    expect((await json('https://a..b/x')).domain_unchecked).toEqual({ reason: 'no-js-domains', host: 'a..b', suggested: null });

    // On a service profile, IP:port cannot be its JS-safe domain: said so, and no command config set would refuse.
    const service = await runCli(['jssdk', 'verify', '--url', 'https://127.0.0.1:8080/shop', '--ticket', 'x', '--signature', sha1('jsapi_ticket=x&noncestr=abc&timestamp=1714587457&url=https://127.0.0.1:8080/shop'), '--timestamp', '1714587457', '--nonce', 'abc'], { env: { ...env, WXAUTH_TYPE: 'service' } });
    expect(service.stderr).toContain('The page is on 127.0.0.1:8080, an IP address and port 8080: a service account cannot register it as a JS-safe domain');
    expect(service.stderr).not.toContain('config set jsDomains');
    const serviceJson = await runCli(['jssdk', 'verify', '--url', 'https://127.0.0.1:8080/shop', '--ticket', 'x', '--signature', sha1('jsapi_ticket=x&noncestr=abc&timestamp=1714587457&url=https://127.0.0.1:8080/shop'), '--timestamp', '1714587457', '--nonce', 'abc', '--json'], { env: { ...env, WXAUTH_TYPE: 'service' } });
    expect((parseJson(serviceJson.stdout) as { domain_unchecked: unknown }).domain_unchecked).toEqual({ reason: 'no-js-domains', host: '127.0.0.1', suggested: '127.0.0.1:8080', test_account_only: true });

    // A host the setting would refuse is not suggested.
    const refused = await verify('https://a..b/x');
    expect(refused.stderr).toContain('the page’s host a..b is not a domain jsDomains can hold');
    expect(refused.stderr).not.toContain('config set jsDomains a..b');
    expect((await verify('https://a..b/x', 'zh')).stderr).toContain('页面的主机 a..b 不是 jsDomains 能填的域名');

    // The command suggested is taken, and then the host is checked.
    expect((await runCli(['config', 'set', 'jsDomains', '127.0.0.1:8080'], { env })).code).toBe(0);
    expect((await verify('https://127.0.0.1:8080/shop?id=1')).stderr).toContain('Host 127.0.0.1 is within the JS-safe domains (127.0.0.1:8080)');

    // Under another profile, the suggested command names it (or it would set the default profile's).
    const prod = await runCli(['--profile', 'prod', 'jssdk', 'verify', '--url', 'https://h5.shop.cn/a', '--ticket', 'x', '--signature', sha1('jsapi_ticket=x&noncestr=abc&timestamp=1714587457&url=https://h5.shop.cn/a'), '--timestamp', '1714587457', '--nonce', 'abc'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(prod.stderr).toContain('wxauth --profile prod config set jsDomains <the console’s domains>');
  });

  it('a --ticket wxauth holds for another appid than the page’s: a matching signature is no pass (exit 1), and says whose ticket it is (en, zh)', async () => {
    const cli = server();
    // The test account's ticket, fetched into the same cache under profile staging.
    const other = await cli(['jssdk', 'ticket'], { WXAUTH_PROFILE: 'staging', WXAUTH_APPID: DEFAULT_APPIDS.test, WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de00000002', WXAUTH_TYPE: 'test' });
    expect(other.code, other.stderr).toBe(0);
    const ticket = other.stdout.trim();
    const page = 'https://h5.example.com/shop?id=1';
    const signature = sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`);
    const args = ['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1714587457', '--nonce', 'abc', '--ticket', ticket];
    const r = await cli([...args, '--json']);
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout)).toMatchObject({ ok: false, verdict: 'match', ticket_of_other_appid: { appid: DEFAULT_APPIDS.test, profile: 'staging' } });
    const human = await cli(args);
    expect(human.stdout).toContain(`✖ ${DEFAULT_APPIDS.test}’s ticket`);
    expect(human.stderr).toContain(`The --ticket given is ${DEFAULT_APPIDS.test}’s jsapi_ticket (cached for profile staging), while the page’s appId is ${SERVICE.appid}`);
    expect((await cli([...args, '--lang', 'zh'])).stderr).toContain(`--ticket 给出的是 ${DEFAULT_APPIDS.test} 的 jsapi_ticket`);
    // The service account's own ticket: a pass, nothing said.
    const own = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const ok = await cli(['jssdk', 'verify', '--url', page, '--signature', sha1(`jsapi_ticket=${own}&noncestr=abc&timestamp=1714587457&url=${page}`), '--timestamp', '1714587457', '--nonce', 'abc', '--ticket', own]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).not.toContain('--ticket given is');
  });

  it('a signature made with another appid\'s ticket this machine holds, without --ticket: named as such (exit 1), not the unknown checklist', async () => {
    const cli = server();
    const other = await cli(['jssdk', 'ticket'], { WXAUTH_PROFILE: 'staging', WXAUTH_APPID: DEFAULT_APPIDS.test, WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de00000002', WXAUTH_TYPE: 'test' });
    expect(other.code, other.stderr).toBe(0);
    const page = 'https://h5.example.com/shop?id=3';
    const signature = sha1(`jsapi_ticket=${other.stdout.trim()}&noncestr=abc&timestamp=1714587457&url=${page}`);
    const r = await cli(['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1714587457', '--nonce', 'abc', '--json']);
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout)).toMatchObject({ verdict: 'mistake', mistake: { id: 'other-appid-ticket', signed_ticket: { appid: DEFAULT_APPIDS.test } } });
    const zh = await cli(['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1714587457', '--nonce', 'abc', '--lang', 'zh']);
    expect(zh.stderr).toContain(`找到了：签名用的是 ${DEFAULT_APPIDS.test} 的 jsapi_ticket`);
  });

  it('a --ticket beside the cached ticket that made the signature: still the old-ticket verdict, and says which of the two decides', async () => {
    const cli = server();
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const page = 'https://h5.example.com/page?x=1';
    const signature = sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`);
    const r = await cli(['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1714587457', '--nonce', 'abc', '--ticket', 'bogusTicketbogusTicketbogusTicket', '--json']);
    // wxauth's expiry for its cached ticket is its own reckoning (JSSDK-FACTS §1.3): which ticket is live
    // is not known here, so the verdict stays, and the output says what settles it.
    expect(r.code, r.stderr).toBe(1);
    expect(parseJson(r.stdout)).toMatchObject({ verdict: 'mistake', mistake: { id: 'stale-ticket' }, ticket_from: 'option', signed_with_cached_ticket: { obtained_at: expect.any(String) } });
    expect(r.stderr).toContain('The jsapi_ticket that made this signature is the one wxauth cached at');
    expect(r.stderr).toContain('wxauth jssdk verify without --ticket checks against wxauth’s ticket');
  });

  it('reads a pasted wx.config, names the access_token mistake, and says the domain is not listed (zh)', async () => {
    const cli = server({ WXAUTH_JS_DOMAINS: 'a.com' });
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    expect(ticket).not.toBe('');
    const token = (await cli(['token', '--show'])).stdout.trim();
    const page = 'https://h5.example.com/p';
    const signature = sha1(`jsapi_ticket=${token}&noncestr=n1&timestamp=1714587457&url=${page}`);
    const r = await cli(['jssdk', 'verify', `wx.config({appId:'${SERVICE.appid}',timestamp:1714587457,nonceStr:'n1',signature:'${signature}',jsApiList:['chooseImage']})`, '--url', page, '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('签名里用的是 access_token');
    expect(r.stderr).toContain('域名 h5.example.com 不在 JS接口安全域名（a.com）里');
  });

  it('stdout tells the whole verdict: a right signature on a host outside jsDomains, another appId or noncestr is not "match" alone (exit 1)', async () => {
    const cli = server({ WXAUTH_JS_DOMAINS: 'example.com' });
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const sign = (page: string) => sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`);
    const args = (page: string) => ['jssdk', 'verify', '--url', page, '--signature', sign(page), '--timestamp', '1714587457', '--nonce', 'abc'];
    const outside = await cli(args('https://other.com/p'));
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/^verdict {3}match$/m);
    expect(outside.stdout).toMatch(/^domain {4}✖ other\.com not within example\.com$/m);
    const zh = await cli([...args('https://other.com/p'), '--lang', 'zh']);
    expect(zh.stdout).toMatch(/^域名 {5}✖ other\.com 不在 example\.com 内$/m);
    const inside = await cli(args('https://h5.example.com/p'));
    expect(inside.code).toBe(0);
    expect(inside.stdout).toMatch(/^domain {4}✔ h5\.example\.com within example\.com$/m);
    const port = await cli(args('https://h5.example.com:8443/p'));
    expect(port.code).toBe(1);
    expect(port.stdout).toMatch(/^domain {4}✖ h5\.example\.com on port 8443$/m);
    const unchecked = await cli(args('https://other.com/p'), { WXAUTH_JS_DOMAINS: '' });
    expect(unchecked.code).toBe(0);
    expect(unchecked.stdout).toMatch(/^domain {4}not checked \(no jsDomains\)$/m);
    // A pasted wx.config of another account, or with noncestr in lower case: a row of its own.
    const page = 'https://h5.example.com/p';
    const pasted = (config: string) => cli(['jssdk', 'verify', `wx.config({${config},timestamp:1714587457,signature:'${sign(page)}'})`, '--url', page]);
    const other = await pasted("appId:'wx1234567890abcdef',nonceStr:'abc'");
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(new RegExp(`^appId {5}✖ wx1234567890abcdef, not ${SERVICE.appid} \\(the ticket’s\\)$`, 'm'));
    const lower = await pasted(`appId:'${SERVICE.appid}',noncestr:'abc'`);
    expect(lower.code).toBe(1);
    expect(lower.stdout).toMatch(/^nonceStr  ✖ spelt noncestr in wx\.config$/m);
  });

  it('a signature that is not 40 hex digits is refused first, saying what was given and what is expected (exit 2, zh and en)', async () => {
    const cli = server();
    const args = ['jssdk', 'verify', '--url', 'https://a.com/', '--timestamp', '1714587457', '--nonce', 'abc'];
    const zh = await cli([...args, '--signature', 'abc', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('✖ --signature "abc" 不是 wx.config 的签名：签名是 SHA-1，40 位十六进制，这里有 3 个字符。');
    expect(zh.stderr).not.toMatch(/常见错误|1009/);
    const en = await cli([...args, '--signature', 'abc']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('✖ --signature "abc" is not a wx.config signature: a signature is a SHA-1, 40 hex digits; this has 3 characters.');
    const nonHex = `${'0'.repeat(39)}z`;
    const char = await cli([...args, '--signature', nonHex, '--lang', 'zh']);
    expect(char.code).toBe(2);
    expect(char.stderr).toContain(`这里含非十六进制字符 z（第 40 个）。`);
    // From a pasted wx.config the field is named as it is written there.
    const pasted = await cli(['jssdk', 'verify', "wx.config({appId:'wx1234567890abcdef',timestamp:1714587457,nonceStr:'n1',signature:'abc'})", '--url', 'https://a.com/']);
    expect(pasted.code).toBe(2);
    expect(pasted.stderr).toContain('signature "abc" is not a wx.config signature');
  });

  it('a missing field is a usage error naming it', async () => {
    const r = await server()(['jssdk', 'verify', '--url', 'https://a.com/', '--signature', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timestamp, --nonce');
  });

  // The wx.error alert pasted instead of the wx.config it refused: once only "Missing --signature,
  // --timestamp, --nonce", with a hint to paste the whole wx.config, which the user believed they had done.
  it('wx.error’s result pasted instead of the wx.config says what it is and where its meaning is (exit 2, en, zh)', async () => {
    const en = await server()(['jssdk', 'verify', '{"errMsg":"config:invalid signature"}', '--url', 'https://a.com/']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('✖ Missing --signature, --timestamp, --nonce.');
    expect(en.stderr).toContain('→ What was pasted is wx.error’s result (errMsg: config:invalid signature), not the wx.config it refused');
    expect(en.stderr).toContain('wxauth errcode "config:invalid signature" explains the errMsg itself');
    const zh = await server()(['jssdk', 'verify', "{errMsg: 'config:invalid signature'}", '--url', 'https://a.com/', '--lang', 'zh']);
    expect(zh.stderr).toContain('→ 粘贴的是 wx.error 的结果（errMsg：config:invalid signature），不是被拒的 wx.config');
  });
});

describe('config set jsDomains', () => {
  it('refuses a URL where a domain belongs', async () => {
    const r = await server()(['config', 'set', 'jsDomains', 'https://a.com/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('https://a.com/x in jsDomains is a whole URL; only its domain goes here.');
    expect(r.stderr).toContain('Without the scheme and the path: a.com');
  });

  it('a port or an IP on a service profile is refused as the domain is (en, zh); a test profile takes it; the file is left as it was', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['config', 'set', 'type', 'service', 'jsDomains', 'h5.example.com'], { env })).code).toBe(0);
    const file = path.join(dir, 'config.json');
    const before = fs.readFileSync(file, 'utf8');
    const port = await runCli(['config', 'set', 'jsDomains', 'example.com,127.0.0.1:4299'], { env });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('127.0.0.1:4299 in jsDomains has a port, which only a test account (测试号) can register as a JS-safe domain; a service account’s JS-SDK pages are served on port 80/443');
    expect(port.stderr).toContain('for an IP and a port, use a test account (type test)');
    const zh = await runCli(['config', 'set', 'jsDomains', 'h5.example.com:8443', '--lang', 'zh'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('jsDomains 里的 h5.example.com:8443 带端口，只有测试号（test）能把带端口的地址填为 JS接口安全域名；服务号的 JS-SDK 页面只能在 80/443 端口');
    expect(zh.stderr).toContain('改填 h5.example.com（不带端口）');
    const ip = await runCli(['config', 'set', 'jsDomains', '10.0.0.2'], { env });
    expect(ip.code).toBe(2);
    expect(ip.stderr).toContain('10.0.0.2 in jsDomains is an IP address, which only a test account (测试号) can register as a JS-safe domain');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    // Without a type, today's behaviour: the shape only.
    expect((await runCli(['--profile', 'bare', 'config', 'set', 'jsDomains', '127.0.0.1:4299', '--yes'], { env })).code).toBe(0);
  });

  it('config set type re-checks the saved jsDomains (refused, --yes saves it and says why)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['config', 'set', 'type', 'test', 'jsDomains', '127.0.0.1:4299'], { env })).code).toBe(0);
    const file = path.join(dir, 'config.json');
    const before = fs.readFileSync(file, 'utf8');
    const r = await runCli(['config', 'set', 'type', 'service'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('127.0.0.1:4299 in jsDomains has a port');
    // An IP is no service account's JS-safe domain: the hint removes it first, each command as it runs.
    expect(r.stderr).toContain('Remove what a service account cannot take first (wxauth config unset jsDomains), then wxauth config set type service;');
    expect(r.stderr).not.toMatch(/<[a-z]+>/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect((await runCli(['config', 'set', 'type', 'service', 'jsDomains', 'h5.example.com'], { env })).code).toBe(0);
    expect((await runCli(['config', 'set', 'type', 'test', 'jsDomains', '127.0.0.1:4299'], { env })).code).toBe(0);
    const yes = await runCli(['config', 'set', 'type', 'service', '--yes'], { env });
    expect(yes.code).toBe(0);
    expect(yes.stderr).toContain('127.0.0.1:4299 in jsDomains has a port');
  });

  it('a website app has no JS-SDK: jsDomains is refused on one (en, zh), and a type change to website says to remove it', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['config', 'set', 'type', 'website'], { env })).code).toBe(0);
    const r = await runCli(['config', 'set', 'jsDomains', 'h5.example.com'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('A website app has no JS-SDK, so jsDomains means nothing for it');
    expect(r.stderr).not.toContain('JS-SDK pages');
    expect((await runCli(['--lang', 'zh', 'config', 'set', 'jsDomains', 'h5.example.com'], { env })).stderr).toContain('网站应用没有 JS-SDK');
    expect((await runCli(['config', 'set', 'type', 'service', 'jsDomains', 'h5.example.com'], { env })).code).toBe(0);
    const change = await runCli(['config', 'set', 'type', 'website'], { env });
    expect(change.code).toBe(2);
    expect(change.stderr).toContain('Remove what a website app cannot take first (wxauth config unset jsDomains), then wxauth config set type website;');
  });

  it('verify on a service account never approves a host:port jsDomains WeChat refuses: the refusal is said (exit 4), online and with --ticket', async () => {
    const page = 'http://127.0.0.1:4299/p';
    const cli = server({ WXAUTH_JS_DOMAINS: '127.0.0.1:4299' });
    const ticket = (await cli(['jssdk', 'ticket'], { WXAUTH_JS_DOMAINS: '' })).stdout.trim();
    const signature = sha1(`jsapi_ticket=${ticket}&noncestr=abc&timestamp=1714587457&url=${page}`);
    // What WeChat (the emulator) says of this page for the service account.
    expect(await emulatorVerdict({ url: page, appId: SERVICE.appid, timestamp: '1714587457', nonceStr: 'abc', signature })).toBe('config:invalid url domain');
    const args = ['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1714587457', '--nonce', 'abc'];
    for (const extra of [[], ['--ticket', ticket]]) {
      const r = await cli([...args, ...extra]);
      expect(r.code, extra.join(' ')).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('127.0.0.1:4299 in WXAUTH_JS_DOMAINS has a port, which only a test account (测试号) can register');
      expect(r.stderr).not.toContain('within the JS-safe domains');
      expect(r.stderr).not.toContain('not checked');
    }
    const zh = await cli([...args, '--lang', 'zh']);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('WXAUTH_JS_DOMAINS 里的 127.0.0.1:4299 带端口');
    // The same entry saved in a service profile is named with the profile and its file.
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    await runCli(['config', 'set', 'type', 'test', 'jsDomains', '127.0.0.1:4299'], { env });
    await runCli(['config', 'set', 'type', 'service', '--yes'], { env });
    const saved = await runCli([...args, '--ticket', ticket], { env });
    expect(saved.code).toBe(4);
    expect(saved.stderr).toContain(`127.0.0.1:4299 in jsDomains (profile default, ${path.join(dir, 'config.json')}) has a port`);
    // Only verify reads jsDomains: the commands that do not still run (such an entry was saveable before).
    await runCli(['config', 'set', 'appid', SERVICE.appid, 'domain', 'www.example.com', 'redirectUri', 'https://www.example.com/cb'], { env });
    const url = await runCli(['url', '--no-qr'], { env });
    expect(url.code, url.stderr).toBe(0);
    expect(url.stdout).toContain('https://open.weixin.qq.com/connect/oauth2/authorize?appid=');
    expect((await runCli(['jssdk', 'sign', page, '--ticket', ticket], { env })).code).toBe(0);
  });
});

describe('wxauth errcode knows the JS-SDK messages', () => {
  it.each([
    ['config:invalid signature', /63002[\s\S]*jssdk verify/],
    ['config:fail,Error: 系统错误，错误码：40048,invalid url domain', /40048[\s\S]*JS接口安全域名/],
    ['the permission value is offline verifying', /wx\.ready/],
    ['config:permission denied', /jsApiList/],
  ])('%s', async (text, pattern) => {
    const r = await runCli(['errcode', text]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toMatch(pattern);
  });
});

// What a tester found running `wxauth jssdk` as a new user (each fixed with this test).
describe('wxauth jssdk: secrets, location.href, the ticket cache, offline use', () => {
  const OFFICIAL_TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
  const TS = '1714587457';
  const signed = (ticket: string, url: string, nonce = 'abc') => sha1(`jsapi_ticket=${ticket}&noncestr=${nonce}&timestamp=${TS}&url=${url}`);

  it('verify never prints the access_token or the ticket (human or --json) unless --show-secrets, and says how to see them', async () => {
    const cli = server();
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const token = (await cli(['token', '--show'])).stdout.trim();
    const page = 'https://h5.example.com/shop?id=1';
    const args = ['jssdk', 'verify', '--url', page, '--signature', signed(token, page), '--timestamp', TS, '--nonce', 'abc'];
    const json = await cli([...args, '--json']);
    expect(json.code).toBe(1);
    expect(parseJson(json.stdout)).toMatchObject({ mistake: { id: 'access-token', string1: `jsapi_ticket=${token.slice(0, 4)}***&noncestr=abc&timestamp=${TS}&url=${page}` } });
    const human = await cli(args);
    for (const r of [json, human]) {
      expect(r.stdout + r.stderr).not.toContain(token);
      expect(r.stdout + r.stderr).not.toContain(ticket);
    }
    expect(human.stdout).toContain(`jsapi_ticket=${ticket.slice(0, 4)}***&noncestr=abc`);
    expect(human.stderr).toContain('--show-secrets shows the full string1');
    const shown = await cli([...args, '--json', '--show-secrets']);
    expect(parseJson(shown.stdout)).toMatchObject({ string1: `jsapi_ticket=${ticket}&noncestr=abc&timestamp=${TS}&url=${page}`, mistake: { string1: `jsapi_ticket=${token}&noncestr=abc&timestamp=${TS}&url=${page}` } });
  });

  // The table once showed only the expected signature: the user had to find theirs in the command line.
  it('verify shows the signature given right above the expected one (en, zh, --json), the ticket still masked', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const page = 'https://h5.example.com/x';
    const expected = signed(OFFICIAL_TICKET, page);
    const wrong = 'F50191877b62b116ef830363a3a613ed652a2d5d';
    const args = ['jssdk', 'verify', '--url', page, '--ticket', OFFICIAL_TICKET, '--signature', wrong, '--timestamp', TS, '--nonce', 'abc'];
    const en = await runCli(args, { env });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`\ngiven     ${wrong}\nexpected  ${expected}\n`);
    const zh = await runCli([...args, '--lang', 'zh'], { env });
    expect(zh.stdout).toMatch(new RegExp(`\\n给出的 +${wrong}\\n应为 +${expected}\\n`));
    const json = await runCli([...args, '--json'], { env });
    expect(parseJson(json.stdout)).toMatchObject({ given: wrong, expected });
    for (const r of [en, zh, json]) expect(r.stdout + r.stderr).not.toContain(OFFICIAL_TICKET);
  });

  it('sign signs what location.href reports (non-ASCII percent-encoded), says so, and the emulator accepts it', async () => {
    const cli = server();
    const typed = 'http://localhost/商品/详情?name=手机';
    const href = 'http://localhost/%E5%95%86%E5%93%81/%E8%AF%A6%E6%83%85?name=%E6%89%8B%E6%9C%BA';
    const r = await cli(['jssdk', 'sign', typed, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r.stdout) as { url: string; signature: string; timestamp: number; nonceStr: string };
    expect(doc.url).toBe(href);
    expect(r.stderr).toContain(`The browser reports this page as ${href}`);
    expect(await emulatorVerdict({ url: href, appId: SERVICE.appid, timestamp: String(doc.timestamp), nonceStr: doc.nonceStr, signature: doc.signature })).toBe('config:ok');
    const zh = await cli(['jssdk', 'sign', 'http://localhost?x=1', '--lang', 'zh']);
    expect(zh.stderr).toContain('浏览器报告这个页面为 http://localhost/?x=1');
  });

  it('verify: the href form is a match; the URL as written (raw Chinese, no /) is the named mistake, en and zh', async () => {
    const cli = server();
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const typed = 'https://h5.example.com/商品/详情?name=手机';
    const href = 'https://h5.example.com/%E5%95%86%E5%93%81/%E8%AF%A6%E6%83%85?name=%E6%89%8B%E6%9C%BA';
    const ok = await cli(['jssdk', 'verify', '--url', typed, '--signature', signed(ticket, href), '--timestamp', TS, '--nonce', 'abc']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('The signature is right');
    const raw = await cli(['jssdk', 'verify', '--url', typed, '--signature', signed(ticket, typed), '--timestamp', TS, '--nonce', 'abc', '--json']);
    expect(raw.code).toBe(1);
    expect(parseJson(raw.stdout)).toMatchObject({ url: href, mistake: { id: 'as-written', signed_url: typed } });
    expect(raw.stderr).toContain('not as location.href reports it');

    const noSlash = 'https://h5.example.com?x=1';
    const slashOk = await cli(['jssdk', 'verify', '--url', noSlash, '--signature', signed(ticket, 'https://h5.example.com/?x=1'), '--timestamp', TS, '--nonce', 'abc']);
    expect(slashOk.code, slashOk.stderr).toBe(0);
    expect(slashOk.stderr).not.toContain('trailing slash');
    const asTyped = await cli(['jssdk', 'verify', '--url', noSlash, '--signature', signed(ticket, noSlash), '--timestamp', TS, '--nonce', 'abc', '--lang', 'zh']);
    expect(asTyped.code).toBe(1);
    expect(asTyped.stdout).toMatch(/^结论 {5}常见错误：签了书写形式的 URL，不是 location\.href（as-written）$/m);
    expect(asTyped.stderr).toContain('而不是 location.href 报告的 https://h5.example.com/?x=1');
  });

  it('the verdict line is in Chinese under zh', async () => {
    const cli = server();
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const page = 'https://h5.example.com/shop?id=1';
    const r = await cli(['jssdk', 'verify', '--url', `${page}#/o`, '--signature', signed(ticket, `${page}#/o`), '--timestamp', TS, '--nonce', 'abc'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(1);
    // A short name in the run's language, the id beside it (as --json and README's table give it).
    expect(r.stdout).toMatch(/^结论 {5}常见错误：签了带 # 的 URL（fragment）$/m);
    expect(r.stdout).not.toContain('verdict');
    const en = await cli(['jssdk', 'verify', '--url', `${page}#/o`, '--signature', signed(ticket, `${page}#/o`), '--timestamp', TS, '--nonce', 'abc']);
    expect(en.stdout).toMatch(/^verdict {3}mistake: the URL signed with its #fragment \(fragment\)$/m);
  });

  // A server that reads the clock once to sign and again for wx.config: a timestamp a second or two
  // off, which verify once left to its checklist ("none of the known mistakes reproduces it").
  it('a signature whose timestamp is a few seconds off wx.config’s is named: the clock read twice (exit 1, en, zh, --json)', async () => {
    const page = 'https://h5.example.com/shop?id=1';
    const signature = sha1(`jsapi_ticket=${OFFICIAL_TICKET}&noncestr=abc&timestamp=1414587455&url=${page}`);
    const args = ['jssdk', 'verify', '--url', page, '--signature', signature, '--timestamp', '1414587457', '--nonce', 'abc', '--ticket', OFFICIAL_TICKET];
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const en = await runCli(args, { env });
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/^verdict +mistake: the timestamp taken twice \(timestamp-drift\)$/m);
    expect(en.stderr).toContain('✖ Found it: the signature used timestamp 1414587455, a few seconds off the one in wx.config: the server read the clock twice (once to sign, once for wx.config). Read the time once');
    const zh = await runCli([...args, '--lang', 'zh', '--json'], { env });
    expect(parseJson(zh.stdout)).toMatchObject({ verdict: 'mistake', mistake: { id: 'timestamp-drift', signed_timestamp: '1414587455', message: expect.stringContaining('服务端取了两次时间') as unknown as string } });
  });

  it('every mistake id has a short label in zh and en', async () => {
    const { MISTAKES } = await import('../../src/core/jssdk.js');
    const { catalogue } = await import('../../src/ui/messages/index.js');
    for (const id of MISTAKES) {
      const entry = (catalogue as Record<string, { zh: string; en: string } | undefined>)[`jssdk.mistake.label.${id}`];
      expect(entry?.zh, id).toMatch(/\p{Script=Han}/u);
      expect(entry?.en, id).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('a ticket WeChat hands back after its cached expiry is cached afresh (not "expired" for good, not re-fetched each run)', async () => {
    const dir = tempConfigDir();
    const cli = (args: string[]) => runCli(args, { env: emulatorEnv(emu, SERVICE, { WXAUTH_CONFIG_DIR: dir }) });
    const first = await cli(['jssdk', 'ticket']);
    expect(first.code, first.stderr).toBe(0);
    const file = path.join(dir, 'tokens.json');
    const tokens = JSON.parse(fs.readFileSync(file, 'utf8')) as { profiles: Record<string, { tickets: Record<string, { expiresAt: number }> }> };
    for (const profile of Object.values(tokens.profiles)) for (const t of Object.values(profile.tickets ?? {})) t.expiresAt = 1;
    fs.writeFileSync(file, JSON.stringify(tokens));
    const again = await cli(['jssdk', 'ticket']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toMatch(/: (1h59m|2h) left/);
    expect(again.stderr).toContain('after the cached expiry had passed');
    const fetches = calls('/cgi-bin/ticket/getticket');
    const show = await cli(['jssdk', 'ticket', '--show', '--json']);
    expect(show.code, show.stderr).toBe(0);
    expect((parseJson(show.stdout) as { expires_in: number }).expires_in).toBeGreaterThan(7000);
    expect((await cli(['jssdk', 'ticket'])).stderr).toContain('WeChat was not called');
    expect(calls('/cgi-bin/ticket/getticket')).toBe(fetches);
  });

  it('sign and verify with --ticket need no appid: a marked placeholder and a note (en, zh)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const r = await runCli(['jssdk', 'sign', 'http://mp.weixin.qq.com?params=value', '--exact-url', '--ticket', OFFICIAL_TICKET, '--timestamp', '1414587457', '--nonce', 'Wm3WZYTPz0wzccnW'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/signature\s+0f9de62fce790f9a083d5c99e95740ceb90c27ed/);
    expect(r.stdout).toContain("appId: '<YOUR_APPID>',");
    expect(r.stderr).toContain('No appid is configured');
    const zh = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--lang', 'zh'], { env });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('没有配置 appid');
    const v = await runCli(['jssdk', 'verify', '--url', 'http://mp.weixin.qq.com/?params=value', '--ticket', OFFICIAL_TICKET, '--signature', sha1(`jsapi_ticket=${OFFICIAL_TICKET}&noncestr=n&timestamp=${TS}&url=http://mp.weixin.qq.com/?params=value`), '--timestamp', TS, '--nonce', 'n', '--json'], { env });
    expect(v.code, v.stderr).toBe(0);
    expect(parseJson(v.stdout)).toMatchObject({ ok: true, appid: null, verdict: 'match' });
  });

  it("--landing-url: the landing URL's signature is right on iOS, wrong on Android; exit 1 with the per-platform fix", async () => {
    const cli = server();
    const ticket = (await cli(['jssdk', 'ticket'])).stdout.trim();
    const landing = 'https://h5.example.com/entry?from=share';
    const page = 'https://h5.example.com/order/2';
    const r = await cli(['jssdk', 'verify', '--url', page, '--landing-url', landing, '--signature', signed(ticket, landing), '--timestamp', TS, '--nonce', 'abc', '--json']);
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout)).toMatchObject({ verdict: 'ios-only', landing: { signed_url: landing, ios: 'right', android: 'wrong' } });
    const human = await cli(['jssdk', 'verify', '--url', page, '--landing-url', landing, '--signature', signed(ticket, landing), '--timestamp', TS, '--nonce', 'abc']);
    expect(human.stderr).toContain('so it is right on iOS');
    expect(human.stderr).toContain('Sign per platform');
    expect(human.stderr).not.toContain('Found it');
  });

  it('--json lists each warning said on stderr in the shape README promises ({id, severity, message, effect, fix}), its own fields kept', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const sign = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '1714587457000', '--json'], { env });
    const said = /! (timestamp 1714587457000 is in milliseconds[^\n]*)/.exec(sign.stderr)?.[1];
    expect(said).toBeDefined();
    expect((parseJson(sign.stdout) as { warnings: unknown[] }).warnings).toEqual([
      { id: 'jssdk.timestamp-ms', severity: 'warning', message: said, effect: null, fix: null, kind: 'timestamp-ms', timestamp: '1714587457000' },
    ]);
    const page = 'https://h5.example.com/shop?id=1';
    const upper = signed('t', page).toUpperCase();
    const verify = await runCli(['jssdk', 'verify', '--url', `${page}#/o`, '--ticket', 't', '--signature', upper, '--timestamp', TS, '--nonce', 'abc', '--json', '--lang', 'zh'], { env });
    const doc = parseJson(verify.stdout) as { warnings: Array<Record<string, unknown>> };
    expect(doc.warnings).toEqual([
      { id: 'jssdk.url-changed', severity: 'warning', message: "已去掉 #/o：# 及其后的部分不参与签名（页面里用 location.href.split('#')[0]）。", effect: null, fix: null, kind: 'url-changed', changes: [{ kind: 'fragment-dropped', fragment: '#/o' }] },
      { id: 'jssdk.upper-case-signature', severity: 'warning', message: expect.stringContaining('签名是大写的'), effect: null, fix: null, kind: 'upper-case-signature' },
    ]);
    for (const w of doc.warnings) expect(verify.stderr).toContain(w.message as string);
  });

  it("--json carries the mistake's diagnosis and fix in the run's language, as stderr says them", async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const page = 'https://h5.example.com/shop?id=1';
    const args = ['jssdk', 'verify', '--url', `${page}#/o`, '--ticket', 't', '--signature', signed('t', `${page}#/o`), '--timestamp', TS, '--nonce', 'abc'];
    const en = parseJson((await runCli([...args, '--json'], { env })).stdout) as { mistake: Record<string, unknown> };
    expect(en.mistake).toMatchObject({
      id: 'fragment',
      message: `Found it: this signature is for the URL with its fragment (${page}#/o).`,
      fix: "Drop the # and what follows before signing: location.href.split('#')[0].",
    });
    const zh = await runCli([...args, '--json', '--lang', 'zh'], { env });
    expect(zh.code).toBe(1);
    expect(parseJson(zh.stdout)).toMatchObject({ mistake: { id: 'fragment', message: `找到了：这个签名签的是带 # 的 URL（${page}#/o）。`, fix: "去掉 # 及其后的部分再签：location.href.split('#')[0]。" } });
    // Human stderr is the two as one line, as before.
    expect((await runCli([...args, '--lang', 'zh'], { env })).stderr).toContain(`✖ 找到了：这个签名签的是带 # 的 URL（${page}#/o）。去掉 # 及其后的部分再签：location.href.split('#')[0]。`);
    expect((await runCli(args, { env })).stderr).toContain(`✖ Found it: this signature is for the URL with its fragment (${page}#/o). Drop the # and what follows`);
    // The domain check's sentence too.
    const outside = parseJson((await runCli([...args, '--json'], { env: { ...env, WXAUTH_JS_DOMAINS: 'example.org' } })).stdout) as { domain: Record<string, unknown> };
    expect(outside.domain).toMatchObject({ ok: false, problem: 'not-listed', message: expect.stringContaining('Host h5.example.com is not within the JS-safe domains (example.org)') });
    // Where to add it: a real account's console menu, or a test account's sandbox page; the command names the profile.
    const service = await runCli(['--profile', 'shop', ...args], { env: { ...env, WXAUTH_JS_DOMAINS: 'example.org', WXAUTH_TYPE: 'service' } });
    // The list came from WXAUTH_JS_DOMAINS, which config set cannot override: the variable to update.
    expect(service.stderr).toContain(
      'under 设置与开发 → 公众号设置 → 功能设置 → JS接口安全域名, then update WXAUTH_JS_DOMAINS, where this list comes from (wxauth config set would not change it): export WXAUTH_JS_DOMAINS=example.org,h5.example.com.',
    );
    // Saved in the profile: the whole list to paste (config set replaces it), the saved domains and this host.
    expect((await runCli(['--profile', 'shop', 'config', 'set', 'type', 'service', 'jsDomains', 'example.org', '--yes'], { env })).code).toBe(0);
    const saved = await runCli(['--profile', 'shop', ...args], { env });
    expect(saved.stderr).toContain('then update wxauth --profile shop config set jsDomains example.org,h5.example.com (it replaces the whole list).');
    const test = await runCli(['--profile', 'shop', ...args], { env: { ...env, WXAUTH_JS_DOMAINS: 'example.org', WXAUTH_TYPE: 'test' } });
    expect(test.stderr).toContain('A test account sets its JS接口安全域名 (JS-safe domain) on its sandbox page (mp.weixin.qq.com/debug/cgi-bin/sandbox)');
    expect(test.stderr).not.toContain('公众号设置');
  });

  it('sign --api warns about a name outside the JS-SDK API list, suggests the known one, and keeps it (exit 0; en, zh, --json)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const args = ['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--api', 'chooseImage,fooBar,scanQRcode'];
    const r = await runCli(args, { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('! scanQRcode in jsApiList is not in the JS-SDK’s list of APIs: did you mean scanQRCode?');
    expect(r.stderr).toContain('! fooBar in jsApiList is not in the JS-SDK’s list of APIs (the doc’s appendix of all JS APIs)');
    expect(r.stderr).not.toContain('chooseImage in jsApiList');
    // Not refused: WeChat adds APIs, so the snippet keeps the list as given.
    expect(r.stdout).toContain("jsApiList: ['chooseImage', 'fooBar', 'scanQRcode'],");
    const zh = await runCli([...args, '--lang', 'zh'], { env });
    expect(zh.stderr).toContain('jsApiList 里的 scanQRcode 不在 JS-SDK 的接口列表里，是不是 scanQRCode？');
    const json = await runCli([...args, '--json'], { env });
    expect(json.code).toBe(0);
    expect((parseJson(json.stdout) as { warnings: unknown[] }).warnings).toEqual([
      { id: 'jssdk.unknown-api', severity: 'warning', message: expect.stringContaining('fooBar in jsApiList'), effect: null, fix: null, name: 'fooBar', suggestion: null },
      { id: 'jssdk.unknown-api', severity: 'warning', message: expect.stringContaining('did you mean scanQRCode?'), effect: null, fix: null, name: 'scanQRcode', suggestion: 'scanQRCode' },
    ]);
    // The default list and the doc's names draw no warning.
    const plain = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--api', 'updateAppMessageShareData,getLocalImgData,checkJsApi,openAddress'], { env });
    expect(plain.stderr).not.toContain('jsApiList');
    expect((await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET], { env })).stderr).not.toContain('jsApiList');
  });

  it('sign warns about a zero-padded timestamp (signed as the number) and one that is not 10 digits, en and zh', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const padded = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '0001700000000', '--json'], { env });
    expect(padded.code).toBe(0);
    expect(padded.stderr).toContain('timestamp 0001700000000 has leading zeros: 1700000000 was signed');
    expect(parseJson(padded.stdout)).toMatchObject({ timestamp: 1700000000, warnings: [{ id: 'jssdk.timestamp-padded', given: '0001700000000', timestamp: '1700000000' }] });
    const short = await runCli(['--lang', 'zh', 'jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '17000000'], { env });
    expect(short.code).toBe(0);
    expect(short.stderr).toContain('timestamp 17000000 是 8 位：wx.config 要的是当前的秒数（10 位');
    // --json carries the message's parameters (digits, now) as the other warnings do, not the timestamp alone.
    const shortJson = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '17000000', '--json'], { env });
    const digitsWarning = (parseJson(shortJson.stdout) as { warnings: Array<Record<string, unknown>> }).warnings.find((w) => w.id === 'jssdk.timestamp-digits');
    expect(digitsWarning).toMatchObject({ timestamp: '17000000', digits: 8, now: expect.any(Number) });
    expect(digitsWarning!.message).toContain(`(10 digits, e.g. ${digitsWarning!.now as number})`);
    // One digit is said in the singular (en).
    const one = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '5'], { env });
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('timestamp 5 has 1 digit: wx.config wants the current time in seconds (10 digits, e.g. ');
    const oneZh = await runCli(['--lang', 'zh', 'jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '5'], { env });
    expect(oneZh.stderr).toContain('timestamp 5 只有 1 位：wx.config 要的是当前的秒数（10 位');
    const plain = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '1700000000'], { env });
    expect(plain.stderr).not.toContain('timestamp 1700000000');
  });

  it('sign warns about a millisecond timestamp as verify does; an explicitly empty --nonce is a usage error', async () => {
    const r = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '1714587457000', '--json'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is in milliseconds (13 digits); WeChat wants seconds');
    expect(parseJson(r.stdout)).toMatchObject({ warnings: [{ kind: 'timestamp-ms', timestamp: '1714587457000' }] });
    const empty = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--nonce', ''], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--nonce is empty');
    expect(empty.stdout).toBe('');
  });

  // --api "" once signed with the default list and --api " , " with an empty one: both silently.
  it('sign --api naming no API ("" or " , ") is a usage error that says what to give (exit 2; en, zh, --json)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    for (const value of ['', ' , ']) {
      const r = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--api', value], { env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--api names no API (got ${JSON.stringify(value)}): the wx.config’s jsApiList would be empty.`);
      expect(r.stderr).toContain('or leave --api out for the share APIs updateAppMessageShareData,updateTimelineShareData.');
    }
    const zh = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--api', ' , ', '--lang', 'zh'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--api 没有给出任何接口名（收到的是 " , "），wx.config 的 jsApiList 会是空的。');
    const json = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--api', '', '--json'], { env });
    expect(json.code).toBe(2);
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringContaining('--api names no API') } });
  });

  // The snippet once put the nonce between quotes as it was: --nonce "it's" printed nonceStr: 'it's',
  // a syntax error on the page, and a backslash became an escape, so wx.config carried another nonce.
  it('the wx.config snippet carries a nonce with a quote, a backslash or a tab as signed: pasted, it runs and its signature matches', async () => {
    const nonce = "it's a \\n\tnonce";
    const r = await runCli(['jssdk', 'sign', 'https://a.com/', '--ticket', OFFICIAL_TICKET, '--timestamp', '1414587457', '--nonce', nonce], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(0);
    const snippet = r.stdout.slice(r.stdout.indexOf('wx.config('));
    const configs: Record<string, unknown>[] = [];
    new Function('wx', snippet)({ config: (c: Record<string, unknown>) => configs.push(c) });
    expect(configs[0]?.nonceStr).toBe(nonce);
    expect(configs[0]?.signature).toBe(sha1(`jsapi_ticket=${OFFICIAL_TICKET}&noncestr=${nonce}&timestamp=1414587457&url=https://a.com/`));
  });
});

describe('wxauth errcode and the jssdk stage', () => {
  it('--stage jssdk lists the JS-SDK codes (and jssdk is among the stages offered)', async () => {
    const r = await runCli(['errcode', '--stage', 'jssdk', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((parseJson(r.stdout) as { codes: Array<{ code: number }> }).codes.map((c) => c.code).sort()).toEqual([-1000, 40048, 63002]);
    const bad = await runCli(['errcode', '--stage', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Choose one of: .*\bjssdk\b/);
  });

  it.each([
    ['config:permission denied', 'JS-SDK message "config:permission denied" (related codes 48001)'],
    ['the permission value is offline verifying', 'JS-SDK message "the permission value is offline verifying" (related codes 63002)'],
    // JSSDK-FACTS §3 (附录5): function not exist = the client version is too old; no numbered code.
    ['chooseImage:function not exist', 'JS-SDK message "function not exist" (no errcode for it)'],
  ])('%s is a JS-SDK message with the jssdk stage', async (text, title) => {
    const r = await runCli(['errcode', text]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(title);
    expect(r.stdout).toMatch(/Stage\s+Official Account JS-SDK/);
    expect(r.stdout).not.toContain('authorize page');
    const zh = await runCli(['errcode', text, '--lang', 'zh']);
    expect(zh.stdout).toMatch(/环节\s+公众号 JS-SDK/);
  });

  it('function not exist says the client is too old, in --json without a made-up code', async () => {
    const r = await runCli(['errcode', 'function not exist', '--json']);
    const [result] = (parseJson(r.stdout) as { results: Array<Record<string, unknown>> }).results;
    expect(result).toMatchObject({ stage: 'jssdk', related: [], match: 'page' });
    expect(result).not.toHaveProperty('code');
    expect(JSON.stringify(result)).toContain('too old');
  });

  it('one keyword hit is "matches 1 errcode" (singular)', async () => {
    const r = await runCli(['errcode', 'refresh_token expired']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('"refresh_token expired" matches 1 errcode:');
  });

  // JSSDK-FACTS §3 (附录5): a bare config:fail is missing parameters; with ",Error: …" the reason follows.
  it('a bare config:fail is incomplete parameters; config:fail,Error: invalid signature is still the signature', async () => {
    const bare = await runCli(['errcode', 'config:fail']);
    expect(bare.stdout.split('\n')[0]).toBe('JS-SDK message "config:fail" (no errcode for it)');
    expect(bare.stdout).toContain('appId, timestamp, nonceStr, signature and jsApiList are all required');
    const signature = await runCli(['errcode', 'config:fail,Error: invalid signature']);
    expect(signature.stdout).toMatch(/errcode 63002/);
    expect(signature.stdout).not.toContain('incomplete');
  });

  // A new user's trial: wx.error(res) printed with JSON.stringify(res) and pasted was "No errcode … matches" (exit 1).
  it.each([
    ['{"errMsg":"config:invalid signature"}', 'config:invalid signature', /^"config:invalid signature" matches 1 errcode:\nerrcode 63002\n[\s\S]*jssdk verify/],
    ['{"errMsg":"config:invalid url domain"}', 'config:invalid url domain', /^"config:invalid url domain" matches 1 errcode:\nerrcode 40048\n[\s\S]*JS接口安全域名/],
    ['{"realAuthUrl":[],"errMsg":"config:invalid url domain"}', 'config:invalid url domain', /^"config:invalid url domain" matches 1 errcode:\nerrcode 40048\n/],
    ['wx.error: {"errMsg":"config:invalid signature"}', 'config:invalid signature', /^"config:invalid signature" matches 1 errcode:\nerrcode 63002\n/],
    ['wx.config:fail', 'config:fail', /^JS-SDK message "config:fail" \(no errcode for it\)\n[\s\S]*are all required/],
    ['wx.config:invalid signature', 'config:invalid signature', /^"config:invalid signature" matches 1 errcode:\nerrcode 63002\n/],
  ])('%s is explained by its message, and says what it read', async (text, read, explained) => {
    const r = await runCli(['errcode', text]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(explained);
    expect(r.stderr).toBe(`Read "${read}" from the pasted text\n`);
  });

  it('a pasted wx.error object in Chinese, in --json (masked as given), and one whose errMsg is unknown', async () => {
    const zh = await runCli(['errcode', '{"realAuthUrl":[],"errMsg":"config:invalid url domain"}', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toBe('从粘贴的内容读出「config:invalid url domain」\n');
    expect(zh.stdout).toMatch(/^「config:invalid url domain」匹配到 1 个错误码：\n错误码 40048\n[\s\S]*JS接口安全域名/);
    const pasted = '{"realAuthUrl":["https://h5.example.com/p?code=061Xyz0w3abcDEF12345678abcdefGHI&state=s"],"errMsg":"config:invalid signature"}';
    const json = await runCli(['errcode', pasted, '--json']);
    const [result] = (parseJson(json.stdout) as { results: Array<Record<string, unknown>> }).results;
    expect(result).toMatchObject({ code: 63002, read: 'config:invalid signature' });
    expect(result?.input).toContain('"errMsg":"config:invalid signature"');
    expect(json.stdout).not.toContain('061Xyz0w3abcDEF12345678abcdefGHI');
    const unknown = await runCli(['errcode', '{"errMsg":"config:no such thing"}']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No errcode or error page matches "config:no such thing"');
  });

  it('require subscribe is the test account not followed (附录5), related to 43004', async () => {
    const r = await runCli(['errcode', 'require subscribe']);
    expect(r.stdout.split('\n')[0]).toBe('JS-SDK message "require subscribe" (related codes 43004)');
    expect(r.stdout).toContain('has not followed the test account');
  });
});

describe('wxauth jssdk sign: the argument before the configuration', () => {
  it('a page URL that is not a full http(s) URL is a usage error (exit 2) before missing configuration (exit 4) and before any ticket is fetched (en, zh)', async () => {
    const bare = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const en = await runCli(['jssdk', 'sign', 'notaurl'], { env: bare });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('✖ notaurl is not a full http(s) URL.');
    expect(en.stderr).not.toContain('Missing configuration');
    const zh = await runCli(['--lang', 'zh', 'jssdk', 'sign', 'notaurl'], { env: bare });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('✖ notaurl 不是 http(s) 开头的完整 URL。');
    expect(zh.stderr).not.toContain('缺少配置');
    // Configured, nothing cached: the URL is refused before the token and ticket are fetched.
    const before = [calls('/cgi-bin/stable_token'), calls('/cgi-bin/ticket/getticket')];
    const configured = await server()(['jssdk', 'sign', 'notaurl']);
    expect(configured.code).toBe(2);
    expect([calls('/cgi-bin/stable_token'), calls('/cgi-bin/ticket/getticket')]).toEqual(before);
  });
  it('verify --url takes the same check: not a full http(s) URL is exit 2 before the configuration, with --ticket too, and before any ticket is fetched', async () => {
    const claim = ['--url', 'notaurl', '--signature', '0123456789abcdef0123456789abcdef01234567', '--timestamp', '1700000000', '--nonce', 'abc'];
    const bare = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const en = await runCli(['jssdk', 'verify', ...claim], { env: bare });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('✖ notaurl is not a full http(s) URL.');
    expect(en.stderr).not.toContain('Missing configuration');
    // Offline (--ticket): no verdict on the sums of a non-URL.
    const offline = await runCli(['--lang', 'zh', 'jssdk', 'verify', ...claim, '--ticket', 'T'], { env: bare });
    expect(offline.code).toBe(2);
    expect(offline.stdout).toBe('');
    expect(offline.stderr).toContain('✖ notaurl 不是 http(s) 开头的完整 URL。');
    const before = [calls('/cgi-bin/stable_token'), calls('/cgi-bin/ticket/getticket')];
    const configured = await server()(['jssdk', 'verify', ...claim]);
    expect(configured.code).toBe(2);
    expect([calls('/cgi-bin/stable_token'), calls('/cgi-bin/ticket/getticket')]).toEqual(before);
  });
});

// wxauth jssdk in-process (runCli) against the emulator on port 0: the ticket through the cached basic
// token and its cache, sign's string and snippet (checked against the emulator's own verdict), verify
// naming the mistake, the jsDomains setting and the domain check.
import { createHash } from 'node:crypto';
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
  return (args: string[], more: Record<string, string> = {}) => runCli(args, { env: emulatorEnv(emu, SERVICE, { WXAUTH_CONFIG_DIR: dir, ...extra, ...more }) });
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
  });

  it('--show with nothing cached is exit 4 with the way out, in Chinese too', async () => {
    const r = await server()(['jssdk', 'ticket', '--show', '--lang', 'zh']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('没有');
    expect(r.stderr).toContain('wxauth jssdk ticket');
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
    expect(r.stdout).toMatch(/string1\s+jsapi_ticket=[A-Za-z0-9_-]{86}&noncestr=[A-Za-z0-9]{16}&timestamp=\d{10}&url=http:\/\/localhost\/shop\?id=1\n/);
    expect(r.stdout).toContain(`wx.config({\n  debug: false,\n  appId: '${SERVICE.appid}',`);
    expect(await emulatorVerdict({ url: 'http://localhost/shop?id=1#/cart', appId: SERVICE.appid, timestamp: ts!, nonceStr: nonce!, signature: signature! })).toBe('config:ok');
  });

  it('--json with a given ticket, timestamp and nonce reproduces the official example', async () => {
    const r = await server()([
      'jssdk', 'sign', 'http://mp.weixin.qq.com?params=value', '--json',
      '--ticket', 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
      '--timestamp', '1414587457', '--nonce', 'Wm3WZYTPz0wzccnW',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r.stdout)).toMatchObject({ signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed', ticket_from: 'option', url: 'http://mp.weixin.qq.com?params=value' });
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
    expect(r.stderr).toContain('域名 h5.example.com 不在 JS 接口安全域名（a.com）里');
  });

  it('a missing field is a usage error naming it', async () => {
    const r = await server()(['jssdk', 'verify', '--url', 'https://a.com/', '--signature', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timestamp, --nonce');
  });
});

describe('config set jsDomains', () => {
  it('refuses a URL where a domain belongs', async () => {
    const r = await server()(['config', 'set', 'jsDomains', 'https://a.com/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('without http(s)://');
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

// A login server's own mock, or a company gateway, aimed at with --api-base / WXAUTH_API_BASE, may issue
// user tokens of 32 letters and digits: a code's shape on WeChat (API-FACTS §0.5) and on the emulator,
// where check / userinfo / refresh refuse it before sending (tokens-misplaced.test.ts). Against such a
// server it is sent, and when the answer is an error a note says what its shape may mean. A callback URL
// or another URL is still refused everywhere: those are never tokens. The stand-in is a plain node:http
// server on port 0 answering WeChat-shaped bodies; the CLI is aimed at it with WXAUTH_API_BASE.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { startProxy } from '../../src/flows/proxy/server.js';
import { runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx5e1ec0de00000002';
const SECRET = '5e1ec0de5e1ec0de5e1ec0de00000002';
const OPENID = 'oLDegwLanAyzhdUfaBqh6Dt4MqtY';
// The mock's tokens: 32 letters and digits (mixed case, so not the AppSecret's 32 hex digits).
const MOCK_ACCESS = 'Mk7access0Token1Of2The3Mock4Srv5';
const MOCK_REFRESH = 'Mk7refresh0Token1Of2The3Mock4Sr6';
const MOCK_NEW_ACCESS = 'Mk7newAccess0Token1Of2The3Mock47';
// The mock's codes: 64 characters with '-' and '_' (base64url), the shape of a WeChat token, not of a code.
const MOCK_CODE = 'mK-7code_0f-The_M0ck-Serv3r_base64url-0123456789-abcdefghij_KLMNO';
// A WeChat-shaped access_token given to exchange by mistake.
const NN_TOKEN = '86_' + 'Ab1_'.repeat(27);
// Code-shaped, and not a token the mock knows: what a user who pasted a code by mistake sends.
const UNKNOWN = 'Zz9unknownToThe0Mock1Server2abcd';

let server: http.Server;
let base = '';
let dir = '';
/** What the stand-in was asked, path and query. */
let asked: Array<{ path: string; query: URLSearchParams }> = [];

const json = (res: http.ServerResponse, body: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json; encoding=utf-8' });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      asked.push({ path: url.pathname, query: url.searchParams });
      const q = url.searchParams;
      const invalid = { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest rid: 6756b7a1-2c3d4e5f-0a1b2c3d' };
      if (url.pathname === '/sns/auth') return json(res, q.get('access_token') === MOCK_ACCESS ? { errcode: 0, errmsg: 'ok' } : invalid);
      if (url.pathname === '/sns/userinfo') {
        if (q.get('access_token') !== MOCK_ACCESS) return json(res, invalid);
        return json(res, { openid: OPENID, nickname: 'Mock User', sex: 0, province: '', city: '', country: '', headimgurl: '', privilege: [] });
      }
      if (url.pathname === '/sns/oauth2/access_token') {
        if (q.get('code') !== MOCK_CODE) return json(res, { errcode: 40029, errmsg: 'invalid code rid: 6756b7a1-2c3d4e5f-0a1b2c3f' });
        return json(res, { access_token: MOCK_ACCESS, expires_in: 7200, refresh_token: MOCK_REFRESH, openid: OPENID, scope: 'snsapi_base' });
      }
      if (url.pathname === '/sns/oauth2/refresh_token') {
        if (q.get('refresh_token') !== MOCK_REFRESH) return json(res, { errcode: 40030, errmsg: 'invalid refresh_token rid: 6756b7a1-2c3d4e5f-0a1b2c3e' });
        return json(res, { access_token: MOCK_NEW_ACCESS, expires_in: 7200, refresh_token: MOCK_REFRESH, openid: OPENID, scope: 'snsapi_userinfo' });
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  dir = tempConfigDir();
  asked = [];
});

const cli = (args: string[], extra: Record<string, string> = {}) =>
  runCli(args, { env: { WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base, WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET, WXAUTH_CONFIG_DIR: dir, ...extra } });
const sent = (path: string) => asked.filter((a) => a.path === path);

describe('a mock API base whose tokens are 32 letters and digits', () => {
  it('check, userinfo and refresh send them and succeed (they were refused as a code, exit 2, nothing sent)', async () => {
    const check = await cli(['check', MOCK_ACCESS, OPENID]);
    expect(check.stderr).not.toContain('shape of a code');
    expect(check.code, check.stderr).toBe(0);
    expect(sent('/sns/auth').map((a) => a.query.get('access_token'))).toEqual([MOCK_ACCESS]);

    const userinfo = await cli(['userinfo', MOCK_ACCESS, OPENID]);
    expect(userinfo.code, userinfo.stderr).toBe(0);
    expect(userinfo.stdout).toContain('Mock User');

    const refresh = await cli(['refresh', MOCK_REFRESH]);
    expect(refresh.code, refresh.stderr).toBe(0);
    expect(sent('/sns/oauth2/refresh_token').map((a) => a.query.get('refresh_token'))).toEqual([MOCK_REFRESH]);

    // zh: the same, sent and answered.
    const zh = await cli(['check', MOCK_ACCESS, OPENID], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).not.toContain('code 的样子');
  });

  it('a code-shaped value the mock refuses: its answer, with a note on what the shape may mean, masked, in en and zh', async () => {
    const check = await cli(['check', UNKNOWN, OPENID]);
    expect(check.code, check.stderr).toBe(3);
    expect(check.stderr).toContain('40001');
    expect(check.stderr).toContain(`${UNKNOWN.slice(0, 4)}*** has the shape of a WeChat code (32 letters and digits); it was sent as the access_token because the API base ${base} is not WeChat's (a mock's or a gateway's tokens may look like this). If it is a code, exchange it first: wxauth exchange CODE.`);

    const refresh = await cli(['--lang', 'zh', 'refresh', UNKNOWN]);
    expect(refresh.code, refresh.stderr).toBe(3);
    expect(refresh.stderr).toContain('40030');
    expect(refresh.stderr).toContain(`${UNKNOWN.slice(0, 4)}*** 是微信 code 的样子（32 位字母和数字）；接口地址 ${base} 不是微信的（模拟服务或网关的 token 可能就是这个样子），所以它作为 refresh_token 发送了。如果它其实是 code，先换成 token：wxauth exchange CODE。`);

    const json = await cli(['--json', 'userinfo', UNKNOWN, OPENID]);
    expect(json.code, json.stderr).toBe(3);
    expect(JSON.parse(json.stdout).error.notes.join(' ')).toContain('it was sent as the access_token');
    for (const r of [check, refresh, json]) expect(r.stdout + r.stderr).not.toContain(UNKNOWN);
  });

  it('a callback URL or another URL is still refused before anything is sent (never a token)', async () => {
    const callback = `http://localhost/callback?code=${UNKNOWN}&state=abc`;
    const check = await cli(['check', callback, OPENID]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('This is a callback URL, given as the access_token:');
    const refresh = await cli(['refresh', 'https://www.example.com/me']);
    expect(refresh.code).toBe(2);
    expect(refresh.stderr).toContain('This is a URL, given as the refresh_token: https://www.example.com/me. Nothing was sent.');
    expect(asked.filter((a) => a.path.startsWith('/sns/'))).toEqual([]);
  });
});

describe('a mock API base whose codes have a token\'s shape (the reverse, exchange)', () => {
  it('exchange sends such a code and succeeds (it was refused as a token, exit 2, nothing sent)', async () => {
    const r = await cli(['exchange', MOCK_CODE]);
    expect(r.stderr).not.toContain('This is not a code');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(MOCK_ACCESS);
    expect(sent('/sns/oauth2/access_token').map((a) => a.query.get('code'))).toEqual([MOCK_CODE]);
  });

  it('a WeChat-shaped token the mock refuses as a code: its answer, with a note on what the shape may mean, masked, in en and zh', async () => {
    const en = await cli(['exchange', NN_TOKEN]);
    expect(en.code, en.stderr).toBe(3);
    expect(en.stderr).toContain('40029');
    expect(en.stderr).toContain(`Note: ${NN_TOKEN.slice(0, 4)}*** has the shape of an access_token or refresh_token; it was sent as the code because the API base ${base} is not WeChat's (a mock's or a gateway's codes may look like this). If wxauth exchange got it, the user's tokens are already cached: wxauth tokens lists them.`);
    const zh = await cli(['--lang', 'zh', 'exchange', NN_TOKEN]);
    expect(zh.code, zh.stderr).toBe(3);
    expect(zh.stderr).toContain(`注意：${NN_TOKEN.slice(0, 4)}*** 看起来是 access_token 或 refresh_token；接口地址 ${base} 不是微信的（模拟服务或网关的 code 可能就是这个样子），所以它作为 code 发送了。如果它是 wxauth exchange 换到的，用户的 token 已经在缓存里：wxauth tokens 列出它们。`);
    for (const r of [en, zh]) expect(r.stdout + r.stderr).not.toContain(NN_TOKEN);
  });
});

// A wxauth proxy in front of the emulator (its own API base in a profile aimed at the proxy) answered the
// emulator question with its 403, so it was taken for a mock: a code given as a token was sent (40014,
// exit 3, with a note calling the base "not WeChat's"), and the proxy showed a refused call wxauth itself
// made. The proxy is now asked what it is, as probe asks it, and judged by its upstream.
describe('a wxauth proxy as the API base', () => {
  it('in front of the emulator: a code given as the access_token is refused before sending, and the proxy shows no refused call; in front of a mock: sent', async () => {
    const emu = await startEmulator({ port: 0 });
    const blocked: unknown[] = [];
    const proxyTo = (upstream: string) => startProxy({ host: '127.0.0.1', port: 0, upstream, timeoutMs: 5000, showSecrets: false, hooks: { call: () => {}, hit: () => {}, blocked: (b) => blocked.push(b) } });
    const overEmulator = await proxyTo(emu.url);
    const overMock = await proxyTo(base);
    try {
      const code = emu.issueCode({ appid: emu.apps.find((a) => a.type === 'service')!.appid, scope: 'snsapi_base' });
      const refused = await cli(['check', code, OPENID], { WXAUTH_API_BASE: overEmulator.url, WXAUTH_BACKUP_API_BASE: overEmulator.url });
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toContain('Nothing was sent.');
      expect(emu.requests().filter((q) => q.path.startsWith('/sns/'))).toEqual([]);
      expect(blocked).toEqual([]);
      const viaProxy = await cli(['check', MOCK_ACCESS, OPENID], { WXAUTH_API_BASE: overMock.url, WXAUTH_BACKUP_API_BASE: overMock.url });
      expect(viaProxy.code, viaProxy.stderr).toBe(0);
      expect(sent('/sns/auth').map((a) => a.query.get('access_token'))).toEqual([MOCK_ACCESS]);
      expect(blocked).toEqual([]);
    } finally {
      await overEmulator.close();
      await overMock.close();
      await emu.close();
    }
  });
});

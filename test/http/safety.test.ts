// What the HTTP client may send where, and what its errors may show: the backup-host rule, the proxy
// it names, and secrets masked by value in errors it builds. Against plain node:http servers on port 0.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatHttpClient, backupFor, isExactWechatBase, proxyFor } from '../../src/http/client.js';
import { hideUrlCredentials as showProxyUrl } from '../../src/core/secrets.js';
import { KnownSecrets } from '../../src/core/secrets.js';
import { NetworkError, WechatApiError } from '../../src/errors.js';
import { tr } from '../../src/ui/i18n.js';

const SECRET = '0123456789abcdef0123456789abcdef';

describe('backupFor', () => {
  const api2 = 'https://api2.weixin.qq.com';
  it("uses WeChat's default backup only when the api base is one of WeChat's own hosts", () => {
    for (const apiBase of ['https://api.weixin.qq.com', 'https://sh.api.weixin.qq.com', 'https://hk.api.weixin.qq.com/']) {
      expect(backupFor({ apiBase, backupApiBase: api2, backupChosen: false }), apiBase).toBe(api2);
    }
    for (const apiBase of ['http://127.0.0.1:9000', 'https://proxy.example.com', 'https://api.weixin.qq.com/prefix', 'http://api.weixin.qq.com']) {
      expect(backupFor({ apiBase, backupApiBase: api2, backupChosen: false }), apiBase).toBeUndefined();
    }
  });

  it('always uses a backup the user chose', () => {
    expect(backupFor({ apiBase: 'http://127.0.0.1:9000', backupApiBase: 'http://127.0.0.1:9001', backupChosen: true })).toBe('http://127.0.0.1:9001');
    expect(backupFor({ apiBase: 'http://127.0.0.1:9000', backupApiBase: undefined, backupChosen: true })).toBeUndefined();
  });

  it('knows no WeChat host in a string that is not a URL', () => {
    expect(isExactWechatBase('api.weixin.qq.com')).toBe(false);
  });
});

describe('the proxy in use', () => {
  it('masks the password, or a lone user name (often a token)', () => {
    expect(showProxyUrl('http://user:pa55@proxy.corp:3128')).toBe('http://user:***@proxy.corp:3128');
    expect(showProxyUrl('http://ghp_token@proxy.corp:3128/')).toBe('http://***@proxy.corp:3128/');
    expect(showProxyUrl('http://proxy.corp:3128')).toBe('http://proxy.corp:3128');
  });

  it('is HTTPS_PROXY (else HTTP_PROXY) for https, HTTP_PROXY for http, as undici picks it', () => {
    const both = { httpProxy: 'http://a:1', httpsProxy: 'http://b:2', noProxy: '' };
    expect(proxyFor('https://api.weixin.qq.com/x', both)).toMatchObject({ variable: 'HTTPS_PROXY', hostname: 'b', port: '2' });
    expect(proxyFor('http://127.0.0.1/x', both)).toMatchObject({ variable: 'HTTP_PROXY', hostname: 'a', port: '1' });
    expect(proxyFor('https://api.weixin.qq.com/x', { ...both, httpsProxy: '' })).toMatchObject({ variable: 'HTTP_PROXY', port: '1' });
    expect(proxyFor('https://api.weixin.qq.com/x', { httpProxy: '', httpsProxy: '', noProxy: '' })).toBeUndefined();
    expect(proxyFor('https://api.weixin.qq.com/x', undefined)).toBeUndefined();
  });
});

describe('errors built by the client', () => {
  let server: http.Server;
  let base = '';
  let answer = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(answer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('mask a known secret in errmsg and raw of a WeChat error, unless --show-secrets', async () => {
    answer = JSON.stringify({ errcode: 40013, errmsg: `invalid appid, you sent ${SECRET} rid: 6357a1b2-0a0b0c0d-01020304` });
    const secrets = new KnownSecrets();
    secrets.add(SECRET);
    const err = await new WechatHttpClient({ apiBase: base, timeoutMs: 2000, secrets })
      .call({ method: 'GET', path: '/cgi-bin/token', idempotent: false })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect((err as WechatApiError).errmsg).toBe('invalid appid, you sent 0123*** rid: 6357a1b2-0a0b0c0d-01020304');
    expect((err as WechatApiError).rid).toBe('6357a1b2-0a0b0c0d-01020304');
    expect((err as WechatApiError).raw).not.toContain(SECRET);

    const shown = await new WechatHttpClient({ apiBase: base, timeoutMs: 2000, secrets, showSecrets: true })
      .call({ method: 'GET', path: '/cgi-bin/token', idempotent: false })
      .catch((e: unknown) => e);
    expect((shown as WechatApiError).errmsg).toContain(SECRET);
  });

  it('learn what they send: a secret in the query is masked in the answer without being registered', async () => {
    answer = `<html>you asked for secret ${SECRET}</html>`;
    const err = await new WechatHttpClient({ apiBase: base, timeoutMs: 2000 })
      .call({ method: 'GET', path: '/cgi-bin/token', query: { appid: 'wx1', secret: SECRET }, idempotent: false })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(JSON.stringify((err as NetworkError).messageRef)).not.toContain(SECRET);
    expect(String((err as NetworkError).messageRef.params?.preview)).toContain('you asked for secret 0123***');
  });

  it('a body that does not narrow is an unexpected_shape NetworkError naming the problems; nothing is returned', async () => {
    answer = '{"access_token":["x"]}';
    const err = await new WechatHttpClient({ apiBase: base, timeoutMs: 2000 })
      .call({ method: 'GET', path: '/cgi-bin/token', idempotent: false }, (body) =>
        typeof (body as { access_token?: unknown }).access_token === 'string' ? { ok: true, value: body } : { ok: false, problems: [{ kind: 'type', field: 'access_token', expected: 'string', found: 'array' }] },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).failure).toBe('unexpected_shape');
    expect((err as NetworkError).issuedToken).toBe(false);
    expect((err as NetworkError).exitCode).toBe(5);
    expect((err as NetworkError).messageRef).toMatchObject({ key: 'http.unexpected', params: { endpoint: '/cgi-bin/token' } });
    expect(tr('en', (err as NetworkError).messageRef)).toContain('(access_token is an array, not a string)');
  });
});

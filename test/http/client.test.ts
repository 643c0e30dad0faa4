// The HTTP client against a real node:http server on port 0 — never a mocked fetch.
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatHttpClient, toCurl, type ClientNotice } from '../../src/http/client.js';
import { WechatApi } from '../../src/http/api.js';
import { Agent } from 'undici';
import { CancelledError, NetworkError, WechatApiError } from '../../src/errors.js';
import { tr } from '../../src/ui/i18n.js';
import { issue } from '../flows/doctor/fixtures.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

let server: http.Server;
let base: string;
const routes = new Map<string, Handler>();
const hits = new Map<string, number>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const handler = routes.get(path);
      if (handler) handler(req, res, body);
      else {
        res.writeHead(404);
        res.end('not found');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function route(path: string, handler: Handler): void {
  routes.set(path, handler);
  hits.delete(path);
}

async function refusedBase(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}

function client(overrides: Partial<ConstructorParameters<typeof WechatHttpClient>[0]> = {}) {
  return new WechatHttpClient({ apiBase: base, timeoutMs: 2000, retryDelaysMs: [10, 10], ...overrides });
}

describe('WechatHttpClient', () => {
  it('parses a JSON body sent as text/plain, as WeChat does on /sns/*', async () => {
    route('/sns/oauth2/access_token', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('{"access_token":"ACCESS","expires_in":7200,"refresh_token":"REFRESH","openid":"oABC","scope":"snsapi_base"}');
    });
    const api = new WechatApi(client());
    const res = await api.exchangeCode({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), code: 'CODE' });
    expect(res.data.openid).toBe('oABC');
    expect(res.contentType).toBe('text/plain');
    expect(res.raw).toContain('"expires_in":7200');
  });

  it('turns a non-JSON body into a network error that shows the first bytes', async () => {
    route('/cgi-bin/token', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
      res.end('<html><body>502 Bad Gateway from some proxy</body></html>');
    });
    const err = await client().call({ method: 'GET', path: '/cgi-bin/token', idempotent: true }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.failure).toBe('not_json');
    expect(err.messageRef.params.preview).toContain('<html><body>502 Bad Gateway');
    expect(err.exitCode).toBe(5);
  });

  it('blames a 404 on the API base, JSON or not, naming where the base came from', async () => {
    route('/api/cgi-bin/user/info', (_q, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"ok":false,"error":"no such endpoint"}');
    });
    const origin = { from: 'env', name: 'WXAUTH_API_BASE' } as const;
    const json = await client({ apiBase: `${base}/api`, apiBaseOrigin: origin }).call({ method: 'GET', path: '/cgi-bin/user/info', idempotent: true }).catch((e) => e);
    expect(json.failure).toBe('http_status');
    expect(json.hint).toEqual({
      key: 'http.notFound.hint',
      params: { base: `${base}/api`, path: '/cgi-bin/user/info', where: { key: 'http.base.env', params: { name: 'WXAUTH_API_BASE' } } },
    });
    // The test server's own 404 is text: the same advice; the origin unknown, all three places are named.
    const page = await client().call({ method: 'GET', path: '/cgi-bin/nothing', idempotent: true }).catch((e) => e);
    expect(page.failure).toBe('not_json');
    expect(page.hint).toMatchObject({ key: 'http.notFound.hint', params: { path: '/cgi-bin/nothing', where: { key: 'http.base.unknown' } } });
  });

  it('a page that says busy is an overload to wait out; another page blames the base, naming where it came from', async () => {
    route('/cgi-bin/ticket/getticket', (_q, res) => {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>系统繁忙，请稍后再试</p></body></html>');
    });
    const busy = await client().call({ method: 'GET', path: '/cgi-bin/ticket/getticket', idempotent: true }).catch((e) => e);
    expect(busy.hint).toEqual({ key: 'http.busy.hint' });
    route('/cgi-bin/ticket/getticket', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome to nginx!</body></html>');
    });
    const origin = { from: 'profile', name: 'apiBase', profile: 'staging' } as const;
    const page = await client({ apiBaseOrigin: origin }).call({ method: 'GET', path: '/cgi-bin/ticket/getticket', idempotent: true }).catch((e) => e);
    expect(page.hint).toEqual({ key: 'http.notJson.hint', params: { base, where: { key: 'http.base.profile', params: { name: 'apiBase', profile: 'staging' } } } });
  });

  it('an https:// base on a plain-HTTP server says to use http://, not to check certificates', async () => {
    route('/cgi-bin/stable_token', (_q, res) => res.end('{"access_token":"T","expires_in":7200}'));
    const tlsBase = base.replace(/^http:/, 'https:');
    const origin = { from: 'flag', name: '--api-base' } as const;
    const err = await client({ apiBase: tlsBase, apiBaseOrigin: origin, retryDelaysMs: [] }).call({ method: 'POST', path: '/cgi-bin/stable_token', body: {}, idempotent: true }).catch((e) => e);
    expect(err.failure).toBe('tls');
    expect(err.hint).toEqual({ key: 'http.tls.plain.hint', params: { host: new URL(base).host, http: base, where: { key: 'http.base.flag', params: { name: '--api-base' } } } });
  });

  it('the wrong scheme is said at once, not after a retry: the answer would be the same (http:// on a TLS port, https:// on a plain one)', async () => {
    // Node's https server hangs up on a plain request; another kind answers it with a TLS alert record.
    const { certPem, keyPem } = issue({ names: ['127.0.0.1'], toDays: 2 });
    const tlsServer = https.createServer({ cert: certPem, key: keyPem }, (_q, res) => res.end('{}'));
    const alertServer = net.createServer((socket) => socket.once('data', () => socket.end(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]))));
    for (const srv of [tlsServer, alertServer]) {
      let connections = 0;
      srv.on('connection', () => connections++);
      await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
      try {
        const notices: ClientNotice[] = [];
        const plainBase = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
        const err = await client({ apiBase: plainBase, notice: (e) => notices.push(e) }).call({ method: 'POST', path: '/cgi-bin/stable_token', body: {}, idempotent: true }).catch((e) => e);
        expect(err.message).toBe('http.tls.expected');
        expect(notices).toEqual([]);
        // The request's connection, and for the server that hung up the client's TLS handshake asking why.
        expect(connections).toBe(srv === tlsServer ? 2 : 1);
      } finally {
        await new Promise((r) => srv.close(r));
      }
    }
    route('/cgi-bin/stable_token', (_q, res) => res.end('{"access_token":"T","expires_in":7200}'));
    const notices: ClientNotice[] = [];
    const err = await client({ apiBase: base.replace(/^http:/, 'https:'), notice: (e) => notices.push(e) }).call({ method: 'POST', path: '/cgi-bin/stable_token', body: {}, idempotent: true }).catch((e) => e);
    expect(err.hint).toMatchObject({ key: 'http.tls.plain.hint' });
    expect(notices).toEqual([]);
  });

  it('a certificate the client does not trust is said at once, not after a retry (a second handshake gets the same certificate)', async () => {
    const { certPem, keyPem } = issue({ names: ['other.example'], toDays: 2 });
    const srv = https.createServer({ cert: certPem, key: keyPem }, (_q, res) => res.end('{}'));
    let connections = 0;
    srv.on('connection', () => connections++);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    try {
      const notices: ClientNotice[] = [];
      const tlsBase = `https://127.0.0.1:${(srv.address() as AddressInfo).port}`;
      const err = await client({ apiBase: tlsBase, notice: (e) => notices.push(e) }).call({ method: 'POST', path: '/cgi-bin/stable_token', body: {}, idempotent: true }).catch((e) => e);
      expect(err).toBeInstanceOf(NetworkError);
      expect(err.message).toBe('http.tls');
      expect(notices).toEqual([]);
      expect(connections).toBe(1);
    } finally {
      await new Promise((r) => srv.close(r));
    }
  });

  it('stops reading a body over 1 MiB', async () => {
    route('/big', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('"' + 'x'.repeat(1024 * 1024 + 10) + '"');
    });
    const err = await client().call({ method: 'GET', path: '/big', idempotent: true }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.failure).toBe('too_large');
  });

  it('times out on a slow server and says so', async () => {
    route('/slow', (_q, res) => {
      setTimeout(() => {
        if (!res.destroyed) res.end('{}');
      }, 1500);
    });
    const started = Date.now();
    const err = await client({ timeoutMs: 200 }).call({ method: 'GET', path: '/slow', idempotent: false }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.failure).toBe('timeout');
    expect(err.messageRef.params.timeout).toBe(200);
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('names a refused connection as such, with the host', async () => {
    const dead = await refusedBase();
    const err = await client({ apiBase: dead }).call({ method: 'GET', path: '/sns/auth', idempotent: true }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.failure).toBe('refused');
    expect(err.mayHaveReachedServer).toBe(false);
    expect(err.messageRef.params.host).toBe(new URL(dead).host);
  });

  it("a lookup of WeChat's own host that fails blames this machine's network or DNS, not a typo", async () => {
    // A real undici Agent whose resolver finds nothing, as on a machine with no DNS: every name fails.
    const noDns = new Agent({
      connect: { lookup: (hostname: string, _o: unknown, cb: (e: Error) => void) => cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname })) } as never,
    });
    try {
      const err = await client({ apiBase: 'https://api.weixin.qq.com', dispatcher: noDns }).call({ method: 'GET', path: '/sns/auth', idempotent: true }).catch((e) => e);
      expect(err).toBeInstanceOf(NetworkError);
      expect(err.failure).toBe('dns');
      expect(err.host).toBe('api.weixin.qq.com');
      expect(tr('en', err.hint)).toMatch(/^api\.weixin\.qq\.com is WeChat's own host name: .*offline or has no working DNS/);
      expect(tr('en', err.hint)).not.toMatch(/misspelt|typo/);
      expect(tr('zh', err.hint)).toMatch(/^api\.weixin\.qq\.com 是微信自己的域名，解析不了多半是本机没联网或 DNS 不可用/);
      expect(tr('zh', err.hint)).not.toMatch(/拼错/);
    } finally {
      await noDns.close();
    }
  });

  it('no route to the host (ENETUNREACH, EHOSTUNREACH) is said as such, not as a refused connection', async () => {
    for (const code of ['ENETUNREACH', 'EHOSTUNREACH']) {
      // A real undici Agent whose connect fails as the OS fails it offline or with a VPN down.
      const noRoute = new Agent({ connect: (_o, cb) => cb(Object.assign(new Error(`connect ${code} 203.0.113.9:443`), { code }), null) });
      try {
        const err = await client({ apiBase: 'https://gw.example.invalid', dispatcher: noRoute }).call({ method: 'GET', path: '/sns/auth', idempotent: true }).catch((e) => e);
        expect(err).toBeInstanceOf(NetworkError);
        expect(err.failure, code).toBe('unreachable');
        expect(err.mayHaveReachedServer).toBe(false);
        expect(tr('en', err.messageRef)).toBe(`There is no route from this machine to gw.example.invalid (${code}): the request was not sent.`);
        expect(tr('en', err.hint)).toMatch(new RegExp(`^${code} means this machine cannot get to that network or host: check that it is online, that a VPN is connected`));
        expect(tr('en', err.hint)).not.toMatch(/running server|refused/);
        expect(tr('zh', err.messageRef)).toBe(`本机没有通往 gw.example.invalid 的路由（${code}）：请求没有发出去。`);
        expect(tr('zh', err.hint)).toMatch(/VPN 是否断开/);
      } finally {
        await noRoute.close();
      }
    }
  });

  it('treats errcode != 0 as a WeChat error even with HTTP 200, and pulls the rid out of errmsg', async () => {
    route('/sns/oauth2/access_token', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('{"errcode":40029,"errmsg":"invalid code, rid: 649e76e7-618a82cc-31b5e199"}');
    });
    const err = await client()
      .call({ method: 'GET', path: '/sns/oauth2/access_token', idempotent: false })
      .catch((e) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect(err.errcode).toBe(40029);
    expect(err.rid).toBe('649e76e7-618a82cc-31b5e199');
    expect(err.endpoint).toBe('/sns/oauth2/access_token');
    expect(err.exitCode).toBe(3);
  });

  it('reads the older "hints: [ req_id: … ]" suffix and an errcode sent as a string, even on HTTP 500', async () => {
    route('/sns/userinfo', (_q, res) => {
      res.writeHead(500, { 'content-type': 'application/json; encoding=utf-8' });
      res.end('{"errcode":"40001","errmsg":"invalid credential, access_token is invalid or not latest, hints: [ req_id: hhJAv0I2e-9Qkj4a ]"}');
    });
    const err = await client().call({ method: 'GET', path: '/sns/userinfo', idempotent: true }).catch((e) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect(err.errcode).toBe(40001);
    expect(err.rid).toBe('hhJAv0I2e-9Qkj4a');
    expect(err.httpStatus).toBe(500);
  });

  it('accepts errcode 0 bodies as success (/sns/auth)', async () => {
    route('/sns/auth', (_q, res) => res.end('{"errcode":0,"errmsg":"ok"}'));
    const api = new WechatApi(client());
    const res = await api.checkToken({ accessToken: 'T', openid: 'o' });
    expect(res.data.errmsg).toBe('ok');
  });

  it('never resends a code exchange that may have reached WeChat (a reset connection)', async () => {
    route('/sns/oauth2/access_token', (req) => req.socket.destroy());
    const api = new WechatApi(client());
    const err = await api.exchangeCode({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), code: 'C' }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.failure).toBe('reset');
    expect(hits.get('/sns/oauth2/access_token')).toBe(1);
  });

  it('sends an idempotent call again once when its connection is cut before the answer (a kept-alive connection closed under it), and tells the caller', async () => {
    let n = 0;
    route('/sns/auth', (req, res) => {
      n++;
      if (n === 1) req.socket.destroy();
      else res.end('{"errcode":0,"errmsg":"ok"}');
    });
    const notices: ClientNotice[] = [];
    const res = await client({ notice: (e) => notices.push(e) }).call({ method: 'GET', path: '/sns/auth', idempotent: true });
    expect(res.data).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(hits.get('/sns/auth')).toBe(2);
    expect(notices).toEqual([expect.objectContaining({ kind: 'retry', reason: 'reset', attempt: 1 })]);
  });

  it('a second cut connection on the same idempotent call is the error (one resend only)', async () => {
    route('/sns/auth', (req) => req.socket.destroy());
    const err = await client().call({ method: 'GET', path: '/sns/auth', idempotent: true }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.failure).toBe('reset');
    expect(hits.get('/sns/auth')).toBe(2);
  });

  it('advises on a cut connection by what the call may have done: resent and cut again, a code spent, a token issued', async () => {
    // A call that may be repeated was sent again: not "a code exchange is never retried".
    route('/cgi-bin/user/info', (req) => req.socket.destroy());
    const safe = await client().call({ method: 'GET', path: '/cgi-bin/user/info', idempotent: true }).catch((e) => e);
    expect(hits.get('/cgi-bin/user/info')).toBe(2);
    expect(safe.hint).toEqual({ key: 'http.reset.hint.retried' });
    // No resend allowed (doctor's one attempt): safe to send again by hand.
    const once = await client({ retryDelaysMs: [] }).call({ method: 'GET', path: '/cgi-bin/user/info', idempotent: true }).catch((e) => e);
    expect(once.hint).toEqual({ key: 'http.reset.hint.safe' });

    route('/sns/oauth2/access_token', (req) => req.socket.destroy());
    const api = new WechatApi(client({ profile: 'staging' }));
    const code = await api.exchangeCode({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), code: 'C' }).catch((e) => e);
    expect(code.hint).toEqual({ key: 'http.reset.hint.code', params: { slow: '' } });

    route('/cgi-bin/stable_token', (req) => req.socket.destroy());
    const forced = await api.getStableToken({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), forceRefresh: true }).catch((e) => e);
    expect(hits.get('/cgi-bin/stable_token')).toBe(1);
    expect(forced.hint).toEqual({ key: 'http.reset.hint.forcedToken', params: { p: ' --profile staging', slow: '' } });
    const normal = await api.getStableToken({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32) }).catch((e) => e);
    expect(normal.hint).toEqual({ key: 'http.reset.hint.retried' });

    route('/cgi-bin/token', (req) => req.socket.destroy());
    const legacy = await new WechatApi(client()).getToken({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32) }).catch((e) => e);
    expect(hits.get('/cgi-bin/token')).toBe(1);
    expect(legacy.hint).toEqual({ key: 'http.reset.hint.legacyToken', params: { p: '', slow: '' } });

    route('/cgi-bin/clear_quota', (req) => req.socket.destroy());
    const cleared = await api.clearQuota({ accessToken: 'T', appid: 'wx1234567890abcdef' }).catch((e) => e);
    expect(cleared.hint).toEqual({ key: 'http.reset.hint.counted', params: { slow: '' } });
  });

  it('advises on a call that timed out after it went out as on a cut one (a token may have been issued), with the timeout beside it', async () => {
    const silent = () => undefined; // takes the request, never answers
    const api = new WechatApi(client({ profile: 'staging', timeoutMs: 150 }));
    route('/cgi-bin/stable_token', silent);
    const forced = await api.getStableToken({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), forceRefresh: true }).catch((e) => e);
    expect(forced.failure).toBe('timeout');
    expect(forced.hint).toEqual({ key: 'http.reset.hint.forcedToken', params: { p: ' --profile staging', slow: { key: 'http.timeout.slow', params: { timeout: 150 } } } });
    route('/cgi-bin/token', silent);
    const legacy = await api.getToken({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32) }).catch((e) => e);
    expect(legacy.hint).toMatchObject({ key: 'http.reset.hint.legacyToken' });
    // A call safe to repeat keeps the plain advice: allow more time.
    const normal = await api.getStableToken({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32) }).catch((e) => e);
    expect(normal.hint).toEqual({ key: 'http.timeout.hint' });
  });

  it('a deadline that comes before the connection is made means the request was never sent: the code is unused, even when the connect fails later', async () => {
    // An https:// base on a server that takes the TCP connection and never answers the TLS handshake:
    // no byte of the request can leave before the handshake. The connection then fails after the
    // deadline (here the server hangs up at 600 ms; on a real network EHOSTUNREACH can come after
    // --timeout), and the connector's own timeout is longer than the deadline, as undici's coarse
    // connect timer can be.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      setTimeout(() => socket.destroy(), 600);
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const dispatcher = new Agent({ connect: { timeout: 5000 } });
    try {
      const notices: ClientNotice[] = [];
      const tlsBase = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const api = new WechatApi(client({ apiBase: tlsBase, timeoutMs: 300, dispatcher, notice: (n) => notices.push(n) }));
      const err = await api.exchangeCode({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), code: 'CODE' }).catch((e) => e);
      expect(err).toBeInstanceOf(NetworkError);
      expect(err.failure).toBe('timeout');
      expect(err.mayHaveReachedServer).toBe(false);
      // Not "the request may have reached the server… a code is single-use": nothing was sent, so it
      // was safe to try once more.
      expect(err.hint).toMatchObject({ key: 'http.timeout.hint' });
      expect(notices.map((n) => n.kind === 'retry' && n.reason)).toEqual(['unreachable']);
    } finally {
      await dispatcher.destroy();
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  describe('a connection cut before the request was written (no deadline involved)', () => {
    /**
     * A TCP server for an https:// base that never finishes a TLS handshake: `close` says when it
     * hangs up on each connection ('at once', or a moment after the ClientHello came). Nothing of the
     * HTTP request can leave before the handshake, so the code in it is unused.
     */
    async function hangsUpDuringHandshake(close: 'at once' | 'after hello', run: (base: string, accepted: () => number) => Promise<void>): Promise<void> {
      let accepted = 0;
      const sockets = new Set<net.Socket>();
      const s = net.createServer((socket) => {
        accepted++;
        sockets.add(socket);
        if (close === 'at once') socket.destroy();
        else socket.once('data', () => setTimeout(() => socket.destroy(), 50));
      });
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
      const dispatcher = new Agent();
      try {
        await run(`https://127.0.0.1:${(s.address() as AddressInfo).port}`, () => accepted);
      } finally {
        await dispatcher.destroy();
        for (const socket of sockets) socket.destroy();
        await new Promise((r) => s.close(r));
      }
    }

    for (const close of ['at once', 'after hello'] as const) {
      it(`a server that hangs up ${close} during the TLS handshake: the code exchange was never sent, so it is tried once more and said unused`, async () => {
        await hangsUpDuringHandshake(close, async (tlsBase, accepted) => {
          const notices: ClientNotice[] = [];
          const api = new WechatApi(client({ apiBase: tlsBase, timeoutMs: 5000, notice: (n) => notices.push(n) }));
          const err = await api.exchangeCode({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), code: 'CODE' }).catch((e) => e);
          expect(err).toBeInstanceOf(NetworkError);
          expect(err.failure).toBe('reset');
          expect(err.mayHaveReachedServer).toBe(false);
          // Not "the request may have reached the server… a code is single-use".
          expect(err.hint?.key).not.toBe('http.reset.hint.code');
          expect(tr('en', err.messageRef)).toContain('before the request was sent');
          expect(tr('zh', err.messageRef)).toContain('请求还没有发出');
          // Nothing left, so a second try was safe even for a single-use code (and no third).
          expect(notices.map((n) => n.kind === 'retry' && n.reason)).toEqual(['unreachable']);
          expect(accepted()).toBe(2);
        });
      });
    }

    it('Ctrl-C during the TLS handshake is a cancel before the request was written; Ctrl-C while the server holds the request is not', async () => {
      await hangsUpDuringHandshake('after hello', async (tlsBase) => {
        const early = new AbortController();
        setTimeout(() => early.abort(), 20);
        const api = new WechatApi(client({ apiBase: tlsBase, timeoutMs: 5000, signal: early.signal }));
        const err = await api.exchangeCode({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), code: 'CODE' }).catch((e) => e);
        expect(err).toBeInstanceOf(CancelledError);
        expect(err.unsent).toBe(true);
      });
      route('/sns/oauth2/access_token', () => {});
      const late = new AbortController();
      const stalled = new WechatApi(client({ timeoutMs: 5000, signal: late.signal }));
      const pending = stalled.exchangeCode({ appid: 'wx1234567890abcdef', secret: 's'.repeat(32), code: 'CODE' }).catch((e) => e);
      for (let i = 0; i < 200 && !hits.get('/sns/oauth2/access_token'); i++) await new Promise((r) => setTimeout(r, 10));
      late.abort();
      const err = await pending;
      expect(err).toBeInstanceOf(CancelledError);
      expect(err.unsent).toBe(false);
    });
  });

  it('retries -1 "system busy" on an idempotent call, and tells the caller', async () => {
    let n = 0;
    route('/sns/auth', (_q, res) => {
      n++;
      res.end(n === 1 ? '{"errcode":-1,"errmsg":"system error"}' : '{"errcode":0,"errmsg":"ok"}');
    });
    const notices: ClientNotice[] = [];
    const res = await client({ notice: (e) => notices.push(e) }).call({ method: 'GET', path: '/sns/auth', idempotent: true });
    expect(res.data).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(hits.get('/sns/auth')).toBe(2);
    expect(notices).toEqual([expect.objectContaining({ kind: 'retry', reason: 'busy' })]);
  });

  it('retries a busy page (系统繁忙 instead of JSON) like -1 on an idempotent call, never on a code exchange', async () => {
    let n = 0;
    route('/cgi-bin/ticket/getticket', (_q, res) => {
      n++;
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
        res.end('<html><body>系统繁忙 service busy</body></html>');
      } else res.end('{"errcode":0,"errmsg":"ok","ticket":"T","expires_in":7200}');
    });
    const notices: ClientNotice[] = [];
    const res = await client({ notice: (e) => notices.push(e) }).call({ method: 'GET', path: '/cgi-bin/ticket/getticket', idempotent: true });
    expect(res.data).toMatchObject({ ticket: 'T' });
    expect(notices).toEqual([expect.objectContaining({ kind: 'retry', reason: 'busy_page', attempt: 1 })]);
    route('/sns/oauth2/access_token', (_q, res) => res.end('<html><body>系统繁忙，请稍后再试</body></html>'));
    const err = await client().call({ method: 'GET', path: '/sns/oauth2/access_token', idempotent: false }).catch((e) => e);
    expect(err.failure).toBe('busy_page');
    expect(err.hint).toEqual({ key: 'http.busy.hint' });
    expect(hits.get('/sns/oauth2/access_token')).toBe(1);
  });

  it('does not retry -1 on a call that is not idempotent', async () => {
    route('/sns/oauth2/access_token', (_q, res) => res.end('{"errcode":-1,"errmsg":"system error"}'));
    const err = await client().call({ method: 'GET', path: '/sns/oauth2/access_token', idempotent: false }).catch((e) => e);
    expect(err.errcode).toBe(-1);
    expect(hits.get('/sns/oauth2/access_token')).toBe(1);
  });

  it('falls back once to the backup host when the API host refuses connections', async () => {
    route('/cgi-bin/get_api_domain_ip', (_q, res) => res.end('{"ip_list":["101.89.47.18"]}'));
    const notices: ClientNotice[] = [];
    const c = client({ apiBase: await refusedBase(), backupApiBase: base, notice: (e) => notices.push(e) });
    const res = await c.call({ method: 'GET', path: '/cgi-bin/get_api_domain_ip', idempotent: true });
    expect(res.data).toEqual({ ip_list: ['101.89.47.18'] });
    expect(res.base).toBe(base);
    expect(notices.some((n) => n.kind === 'fallback')).toBe(true);
  });

  it('redacts secret, code and tokens in -v traces unless asked, keeping appid', async () => {
    route('/sns/oauth2/access_token', (_q, res) => {
      res.end('{"access_token":"73_SECRETACCESSTOKENVALUE","expires_in":7200,"refresh_token":"73_SECRETREFRESHVALUE","openid":"oABC","scope":"snsapi_base"}');
    });
    const lines: string[] = [];
    const curls: string[] = [];
    const api = new WechatApi(client({ trace: (l) => lines.push(l), curl: (c) => curls.push(c) }));
    const secret = '0123456789abcdef0123456789abcdef';
    await api.exchangeCode({ appid: 'wx1234567890abcdef', secret, code: '061eY9xX08tQu02IH4wX05BjxX0eY9xA' });
    const trace = lines.join('\n') + curls.join('\n');
    expect(trace).toContain('appid=wx1234567890abcdef');
    expect(trace).not.toContain(secret);
    expect(trace).not.toContain('061eY9xX08tQu02IH4wX05BjxX0eY9xA');
    expect(trace).not.toContain('SECRETACCESSTOKENVALUE');
    expect(trace).not.toContain('SECRETREFRESHVALUE');
    expect(lines[1]).toMatch(/^← 200 .* \d+ ms/);
    expect(curls[0]).toMatch(/^curl -sS '.*\/sns\/oauth2\/access_token\?appid=wx1234567890abcdef&secret=0123\*\*\*/);

    const shown: string[] = [];
    await new WechatApi(client({ trace: (l) => shown.push(l), showSecrets: true })).exchangeCode({
      appid: 'wx1234567890abcdef',
      secret,
      code: 'C0DE0000',
    });
    expect(shown.join('\n')).toContain(secret);
  });

  it('builds a curl command for a POST with its JSON body, redacted the same way', () => {
    const cmd = toCurl({ method: 'POST', url: 'https://api.weixin.qq.com/cgi-bin/stable_token', body: '{"secret":"abcd***"}' });
    expect(cmd).toBe(`curl -sS -X POST -H 'Content-Type: application/json' --data '{"secret":"abcd***"}' 'https://api.weixin.qq.com/cgi-bin/stable_token'`);
  });
});

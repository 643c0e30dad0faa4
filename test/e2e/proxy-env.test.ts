// HTTP(S)_PROXY / NO_PROXY come from the run's environment (what the user's shell exported), and WeChat
// calls go through that proxy. In-process runs make this visible: this process has no proxy set.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

describe('proxy variables', () => {
  let proxy: http.Server;
  let wechat: http.Server;
  let proxyUrl = '';
  /** What reached the proxy: the CONNECT target, then the request the tunnel carried. */
  const seen: string[] = [];

  beforeAll(async () => {
    // Stands in for WeChat behind the proxy.
    wechat = http.createServer((req, res) => {
      seen.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
    await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve));
    const wechatPort = (wechat.address() as AddressInfo).port;
    // A forward proxy: undici tunnels through CONNECT; every tunnel goes to the stand-in.
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      seen.push(`CONNECT ${req.url ?? ''}`);
      const upstream = net.connect(wechatPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    wechat.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await new Promise<void>((resolve) => wechat.close(() => resolve()));
  });

  const args = ['check', 'ACCESS_TOKEN_FROM_TEST', 'o_openid_from_test'];
  const env = { WXAUTH_API_BASE: 'http://api.wechat.test', WXAUTH_BACKUP_API_BASE: 'http://api.wechat.test' };

  it('sends WeChat calls through HTTP_PROXY from the environment it was given', async () => {
    seen.length = 0;
    const r = await runCli(args, { env: { ...env, HTTP_PROXY: proxyUrl } });
    expect(r.code, r.stderr).toBe(0);
    expect(seen[0]).toBe('CONNECT api.wechat.test:80');
    expect(seen[1]).toMatch(/^api\.wechat\.test\/sns\/auth\?/);
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    seen.length = 0;
    const r = await runCli(args, { env: { ...env, HTTP_PROXY: proxyUrl, NO_PROXY: 'api.wechat.test' }, timeoutMs: 15_000 });
    // Direct means resolving api.wechat.test, which does not exist: a network error, and the proxy saw nothing.
    expect(r.code).toBe(5);
    expect(seen).toEqual([]);
  });
});

// The HTTP client behind a forward proxy that is up but opens no tunnel (src/http/proxy-agent.ts):
// real sockets on port 0. undici 7 alone reconnected to such a proxy at once and forever, and the call
// never settled, --timeout and Ctrl-C notwithstanding (nodejs/undici#3897).
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WechatHttpClient, type ClientNotice } from '../../src/http/client.js';
import { NetworkError } from '../../src/errors.js';

interface Proxy {
  url: string;
  connections: number;
  close(): Promise<void>;
}
const proxies: Proxy[] = [];

/** A proxy that reads the CONNECT, then hangs up ('hangs-up') or never answers ('silent'). */
async function proxy(kind: 'hangs-up' | 'silent'): Promise<Proxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    p.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket)).on('error', () => undefined);
    if (kind === 'hangs-up') socket.once('data', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const p: Proxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: 0,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  proxies.push(p);
  return p;
}

// A closed proxy refuses the next CONNECT, which ends a loop still going after a failed test.
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

/** A client whose calls to an http base (nothing listens there: the tunnel never opens) go through `p`. */
function client(p: Proxy, timeoutMs: number, notices: ClientNotice[]): WechatHttpClient {
  return new WechatHttpClient({
    apiBase: 'http://127.0.0.1:9',
    timeoutMs,
    retryDelaysMs: [10, 10],
    proxy: { httpProxy: p.url, httpsProxy: '', noProxy: '' },
    notice: (n) => notices.push(n),
  });
}

describe('WechatHttpClient behind a proxy that opens no tunnel', () => {
  it('a proxy that hangs up on CONNECT: the call fails as never sent, sent again once, two connections in all', async () => {
    const p = await proxy('hangs-up');
    const notices: ClientNotice[] = [];
    const err = await client(p, 5000, notices)
      .call({ method: 'POST', path: '/cgi-bin/stable_token', body: { grant_type: 'client_credential' }, idempotent: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    const e = err as NetworkError;
    expect(e.failure).toBe('reset');
    // Nothing went through the proxy: as safe to send again as a refused connection.
    expect(e.mayHaveReachedServer).toBe(false);
    expect(e.messageRef).toMatchObject({ key: 'http.proxy.noTunnel', params: { proxy: p.url, variable: 'HTTP_PROXY', host: '127.0.0.1:9' } });
    expect(e.hint).toMatchObject({ key: 'http.proxy.noTunnel.hint', params: { host: '127.0.0.1:9', hostname: '127.0.0.1' } });
    expect(notices).toEqual([expect.objectContaining({ kind: 'retry', reason: 'unreachable', attempt: 1 })]);
    expect(p.connections).toBe(2);
  });

  it('a proxy that never answers CONNECT: the call fails within the timeout, naming the proxy, as never sent', async () => {
    const p = await proxy('silent');
    const notices: ClientNotice[] = [];
    // A code exchange: never resent once it may have reached WeChat; this one never left.
    const err = await client(p, 300, notices)
      .call({ method: 'GET', path: '/sns/oauth2/access_token', query: { appid: 'wx1', secret: 's', code: 'c', grant_type: 'authorization_code' }, idempotent: false })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    const e = err as NetworkError;
    expect(e.failure).toBe('timeout');
    expect(e.mayHaveReachedServer).toBe(false);
    expect(e.messageRef).toMatchObject({ key: 'http.proxy.noTunnel.timeout', params: { proxy: p.url, host: '127.0.0.1:9', timeout: 300 } });
    expect(e.hint).toMatchObject({ key: 'http.proxy.noTunnel.hint' });
    expect(p.connections).toBe(2);
  });
});

// The HTTP client behind a forward proxy that is up but opens no tunnel (src/http/proxy-agent.ts):
// real sockets on port 0. undici 7 alone reconnected to such a proxy at once and forever, and the call
// never settled, --timeout and Ctrl-C notwithstanding (nodejs/undici#3897).
import { afterEach, describe, expect, it } from 'vitest';
import { WechatHttpClient, type ClientNotice } from '../../src/http/client.js';
import { NetworkError } from '../../src/errors.js';
import { closeTunnelLessProxies, tunnelLessProxy, type TunnelLessProxy } from '../fixtures/tunnel-less-proxy.js';

afterEach(closeTunnelLessProxies);

/** A client whose calls to an http base (nothing listens there: the tunnel never opens) go through `p`. */
function client(p: TunnelLessProxy, timeoutMs: number, notices: ClientNotice[]): WechatHttpClient {
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
    const p = await tunnelLessProxy('connect');
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
    const p = await tunnelLessProxy('silent');
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

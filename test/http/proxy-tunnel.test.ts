// The HTTP client behind a forward proxy that is up but opens no tunnel (src/http/proxy-agent.ts):
// real sockets on port 0. undici 7 alone reconnected to such a proxy at once and forever, and the call
// never settled, --timeout and Ctrl-C notwithstanding (nodejs/undici#3897).
import net, { type AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WechatHttpClient, type ClientNotice } from '../../src/http/client.js';
import { CancelledError, NetworkError } from '../../src/errors.js';
import { collect, spawnCli } from '../e2e/helpers.js';
import { startConnectProxy } from '../flows/doctor/fixtures.js';
import { closeTunnelLessProxies, tunnelLessProxy, type TunnelLessProxy } from '../fixtures/tunnel-less-proxy.js';

afterEach(closeTunnelLessProxies);

/**
 * A proxy address where a TCP connect neither completes nor fails: a listening socket whose accept
 * queue is full, as a proxy host that drops SYNs looks (this machine answers every outbound connect, so
 * a blackhole address cannot stand in). The socket is held by a worker thread that blocks right after
 * listen(), so nothing is ever accepted; two connects fill the queue of backlog 1, the kernel then drops
 * the SYNs of the next. close() ends the worker and the held connections.
 */
async function proxyNeverConnecting(): Promise<{ url: string; close(): Promise<void> }> {
  const worker = new Worker(
    `const net = require('node:net');
     const { parentPort } = require('node:worker_threads');
     const server = net.createServer().listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
       parentPort.postMessage(server.address().port);
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
     });`,
    { eval: true },
  );
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  const held: net.Socket[] = [];
  for (let i = 0; i < 2; i++) {
    const socket = net.connect({ host: '127.0.0.1', port }).on('error', () => undefined);
    held.push(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const s of held) s.destroy();
      await worker.terminate();
    },
  };
}

/**
 * A client whose calls to an http base (nothing listens there: the tunnel never opens) go through the
 * proxy at `proxyUrl` (HTTP_PROXY; NO_PROXY `noProxy`), without retries unless `o` gives them.
 */
function viaProxy(proxyUrl: string, o: Partial<ConstructorParameters<typeof WechatHttpClient>[0]> & { timeoutMs: number }, noProxy = ''): WechatHttpClient {
  return new WechatHttpClient({ apiBase: 'http://127.0.0.1:9', retryDelaysMs: [], proxy: { httpProxy: proxyUrl, httpsProxy: '', noProxy }, ...o });
}

function client(p: TunnelLessProxy, timeoutMs: number, notices: ClientNotice[]): WechatHttpClient {
  return viaProxy(p.url, { timeoutMs, retryDelaysMs: [10, 10], notice: (n) => notices.push(n) });
}

/** An idempotent stable_token call: its error, or its answer. */
const stableToken = (c: WechatHttpClient): Promise<unknown> =>
  c.call({ method: 'POST', path: '/cgi-bin/stable_token', body: { grant_type: 'client_credential' }, idempotent: true }).catch((e: unknown) => e);

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

  it('a proxy whose TCP connect never completes: the call fails within the run\'s timeout, not undici\'s 10 s', async () => {
    const p = await proxyNeverConnecting();
    try {
      const notices: ClientNotice[] = [];
      const c = viaProxy(p.url, { timeoutMs: 300, notice: (n) => notices.push(n) });
      const err = await stableToken(c);
      expect(err).toBeInstanceOf(NetworkError);
      const e = err as NetworkError;
      expect(e.failure).toBe('timeout');
      expect(e.mayHaveReachedServer).toBe(false);
      // The proxy is named: it is what could not be reached.
      expect(e.messageRef).toMatchObject({ key: 'http.proxy.unreachable', params: { proxy: p.url, variable: 'HTTP_PROXY', host: '127.0.0.1:9', code: 'UND_ERR_CONNECT_TIMEOUT' } });
      // undici gave up on the connect after the 300 ms given, not after its own 10 s.
      const undiciError = (e.cause as Error & { cause?: Error }).cause;
      expect(undiciError?.message).toMatch(/timeout: 300ms\)$/);
    } finally {
      await p.close();
    }
  });

  it('a server that never answers the TLS handshake inside a working tunnel: the call fails within the run\'s timeout', async () => {
    // The target takes the connection and says nothing (the silent fixture, reached through a tunnel).
    const target = await tunnelLessProxy('silent');
    const proxy = await startConnectProxy();
    try {
      const c = new WechatHttpClient({
        apiBase: `https://${new URL(target.url).host}`,
        timeoutMs: 300,
        retryDelaysMs: [],
        proxy: { httpProxy: '', httpsProxy: proxy.url, noProxy: '' },
      });
      const err = await stableToken(c);
      expect(proxy.tunnels).toEqual([new URL(target.url).host]);
      expect(err).toBeInstanceOf(NetworkError);
      expect(err).toMatchObject({ failure: 'timeout', mayHaveReachedServer: false });
      // undici gave up on the handshake after the 300 ms given, not after its own 10 s.
      expect(((err as NetworkError).cause as Error).message).toMatch(/timeout: 300ms\)$/);
    } finally {
      await proxy.close();
    }
  });

  it('Ctrl-C while the proxy has not answered CONNECT: the call ends at once, cancelled, not when --timeout is up', async () => {
    const p = await tunnelLessProxy('silent');
    const run = new AbortController();
    // Far beyond the test's own timeout: waiting it out fails the test.
    const c = viaProxy(p.url, { timeoutMs: 120_000, signal: run.signal });
    const call = stableToken(c);
    while (p.connections === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    run.abort();
    expect(await call).toBeInstanceOf(CancelledError);
    expect(p.connections).toBe(1);
  });

  it('Ctrl-C while the connection to the proxy is still being made: the call ends at once, cancelled', async () => {
    const p = await proxyNeverConnecting();
    try {
      const run = new AbortController();
      const c = viaProxy(p.url, { timeoutMs: 120_000, signal: run.signal });
      const call = stableToken(c);
      // The connect has begun (it never completes); when exactly does not matter.
      await new Promise((resolve) => setTimeout(resolve, 50));
      run.abort();
      expect(await call).toBeInstanceOf(CancelledError);
    } finally {
      await p.close();
    }
  });

  it('Ctrl-C (SIGINT) to the real process behind a silent HTTPS_PROXY: exit 130 at once, quietly', async () => {
    const p = await tunnelLessProxy('silent');
    const child = spawnCli(['token', '--timeout', '120000'], {
      env: { WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de00000002', HTTPS_PROXY: p.url },
    });
    const done = collect(child);
    while (p.connections === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/internal error|did not answer|timeout/i);
  });
});

describe('WechatHttpClient behind a proxy that cannot be reached', () => {
  /** A port nothing listens on (bound, then closed): a connect to it is refused. */
  const closedPort = async (): Promise<number> => {
    const s = net.createServer();
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const { port } = s.address() as AddressInfo;
    await new Promise<void>((resolve) => s.close(() => resolve()));
    return port;
  };

  it('does not try the backup host through the same dead proxy: one retry, then the error naming the proxy', async () => {
    const proxy = `http://127.0.0.1:${await closedPort()}`;
    const notices: ClientNotice[] = [];
    const c = viaProxy(proxy, { backupApiBase: 'http://127.0.0.1:10', timeoutMs: 2000, retryDelaysMs: [10], notice: (n) => notices.push(n) });
    const err = await stableToken(c);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).messageRef).toMatchObject({ key: 'http.proxy.unreachable', params: { proxy, host: '127.0.0.1:9' } });
    expect(notices.map((n) => n.kind)).toEqual(['retry']);
  });

  it('does not try the backup host through a proxy that opened no tunnel either', async () => {
    const p = await tunnelLessProxy('connect');
    const notices: ClientNotice[] = [];
    const c = viaProxy(p.url, { backupApiBase: 'http://127.0.0.1:10', timeoutMs: 2000, retryDelaysMs: [10], notice: (n) => notices.push(n) });
    const err = await stableToken(c);
    expect((err as NetworkError).messageRef).toMatchObject({ key: 'http.proxy.noTunnel', params: { proxy: p.url, host: '127.0.0.1:9' } });
    expect(notices.map((n) => n.kind)).toEqual(['retry']);
    expect(p.connections).toBe(2);
  });

  it('still falls back when the backup host goes direct (NO_PROXY)', async () => {
    const proxy = `http://127.0.0.1:${await closedPort()}`;
    const backup = `http://127.0.0.1:${await closedPort()}`;
    const notices: ClientNotice[] = [];
    const c = viaProxy(proxy, { backupApiBase: backup, timeoutMs: 2000, retryDelaysMs: [10], notice: (n) => notices.push(n) }, new URL(backup).host);
    const err = await stableToken(c);
    expect(notices.map((n) => n.kind)).toEqual(['retry', 'fallback', 'retry']);
    // The backup's own failure: a refused connection to it, not the proxy.
    expect((err as NetworkError).messageRef).toMatchObject({ key: 'http.refused' });
  });
});

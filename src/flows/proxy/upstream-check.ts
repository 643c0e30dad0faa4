// Whether the proxy's upstream answers a connection at start (wxauth proxy): an emulator not started
// yet, or a mistyped --upstream port, otherwise shows only as the first call's 502. A TCP connection,
// not a request: nothing is sent upstream. Skipped when an HTTP(S)_PROXY carries the upstream calls
// (the proxy in between is what would answer). Never stops the proxy: the upstream may come up later.
import { connect } from 'node:net';
import { portOf } from '../../core/endpoints.js';
import { proxyRoute, type ProxySettings } from '../../core/proxy-route.js';

/** The OS error of a connection to `upstream`, or undefined when it connected (or was not tried). */
export function upstreamUnreachable(upstream: string, settings: ProxySettings, timeoutMs = 3000): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    return Promise.resolve(undefined);
  }
  if (proxyRoute(url, settings).via === 'proxy') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(portOf(url)) });
    const done = (code: string | undefined) => {
      socket.destroy();
      resolve(code);
    };
    socket.setTimeout(timeoutMs, () => done('ETIMEDOUT'));
    socket.once('connect', () => done(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'ERROR'));
  });
}

// The dispatcher every call to WeChat goes through: undici's EnvHttpProxyAgent (HTTP(S)_PROXY and
// NO_PROXY of the run), with its CONNECT to a forward proxy made to fail instead of spinning.
//
// undici 7 (up to 7.30.3 at least; nodejs/undici#3897, fixed upstream by #5441 in 8.x) has a
// ProxyAgent that, when the proxy accepts the TCP connection and then closes it before answering
// CONNECT (a proxy that does not do CONNECT, one that refuses the target by hanging up, a VPN client
// half up), passes the SocketError ('other side closed', UND_ERR_SOCKET) to its Client as a connect
// error. The Client takes UND_ERR_SOCKET for a recoverable hiccup of an established connection: the
// request stays queued and the Client connects again at once, with no backoff and no end. Thousands
// of CONNECTs a second, a core at 100%, and the request never settles: its AbortSignal only reaches a
// request once it is written to a socket, so neither --timeout nor Ctrl-C ends it. `wxauth doctor`
// never finished behind such a proxy, and every other command would have hung alike. A proxy that
// takes the CONNECT and never answers held the request for undici's 300 s headers timeout, --timeout
// or not.
//
// So the Client that speaks to the proxy (ProxyAgent's clientFactory) is undici's Pool with two
// changes: the proxy has the run's timeout to answer CONNECT (headersTimeout); and a CONNECT the proxy
// cut or left unanswered fails with ProxyConnectionError (UND_ERR_PRX_CONN, the code undici#5441 gives
// a cut one), which the Client does not retry, so the request fails with it, at once. The client
// (client.ts toNetworkError) says so: the proxy took the connection and opened no tunnel, so nothing
// was sent, and a call is as safe to send again as when the proxy cannot be reached.
//
// ProxyAgent ignores the `connect` options for the connections it makes: it dials the proxy with a
// connector built from `proxyTls`, and runs the TLS to the target inside the tunnel with one built
// from `requestTls`, both with undici's own 10 s connect timeout unless told. Both get the run's
// timeout here; a connect to the proxy that does not complete in it (a host that drops the SYNs)
// fails with ProxyConnectTimeoutError, which names the proxy's address so the client blames the proxy.
//
// Ctrl-C: a request's AbortSignal reaches it only once it is written to a socket, and while the proxy
// is being dialled or asked to CONNECT, nothing is written yet: the abort was noted and the request
// waited out the proxy (its connect or CONNECT timeout). So an agent made for a run is given the run's
// signal, and it ends what it is doing with the proxy when that aborts: the CONNECT (undici's own
// abort) and a connection to the proxy still being made (its socket destroyed). The request then fails
// at once with the abort, which the client reports as cancelled (exit 130).
import { EnvHttpProxyAgent, Pool, buildConnector, type Dispatcher } from 'undici';
import type { ProxySettings } from '../core/proxy-route.js';

/** undici's code (nodejs/undici#5441) for a proxy that cut the connection while a CONNECT tunnel was
 * being set up; here also for one that did not answer CONNECT in time. */
export const PROXY_CONNECTION_CODE = 'UND_ERR_PRX_CONN';

/**
 * The proxy took the connection but opened no tunnel: it closed the connection before it answered
 * CONNECT, or did not answer within the run's timeout. `cause` is undici's error (UND_ERR_SOCKET,
 * ECONNRESET, EPIPE; UND_ERR_HEADERS_TIMEOUT). Nothing of the request itself was sent.
 */
export class ProxyConnectionError extends Error {
  readonly code = PROXY_CONNECTION_CODE;
  override readonly name = 'ProxyConnectionError';
  constructor(cause: unknown) {
    super(`the proxy opened no tunnel: ${(cause as Error | undefined)?.message ?? String(cause)}`, { cause });
  }
}

/**
 * The TCP connection to the proxy itself did not complete within the run's timeout. `address` is the
 * proxy's host, as in the error of a refused connection, so the client says the proxy could not be
 * reached; `cause` is undici's ConnectTimeoutError.
 */
export class ProxyConnectTimeoutError extends Error {
  readonly code = 'UND_ERR_CONNECT_TIMEOUT';
  override readonly name = 'ProxyConnectTimeoutError';
  readonly address: string;
  constructor(proxy: URL, cause: unknown) {
    super(`could not connect to the proxy ${proxy.host}: ${(cause as Error | undefined)?.message ?? String(cause)}`, { cause });
    this.address = proxy.hostname.replace(/^\[|\]$/g, '');
  }
}

/** How a CONNECT fails when the proxy takes the connection and hangs up: a FIN (undici's 'other side
 * closed'), a reset. */
export const PROXY_CUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/** The CONNECT failures that mean "no tunnel": cut, or no answer within the timeout. */
const NO_TUNNEL_CODES = new Set([...PROXY_CUT_CODES, 'UND_ERR_HEADERS_TIMEOUT']);

/** A connector whose connection, while it is being made, is destroyed when `signal` aborts. */
function abortable(connector: buildConnector.connector, signal: AbortSignal): buildConnector.connector {
  return (options, callback) => {
    let end = (): void => undefined;
    // undici's connector returns the socket it is connecting (its type says void).
    const socket = (connector as (...a: Parameters<buildConnector.connector>) => { destroy(error?: Error): void } | undefined)(options, (...result) => {
      signal.removeEventListener('abort', end);
      callback(...result);
    });
    if (!socket) return;
    end = () => socket.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) end();
    else signal.addEventListener('abort', end, { once: true });
  };
}

/**
 * ProxyAgent's client to the proxy: undici's Pool, CONNECT bounded by `timeoutMs`, a cut CONNECT final;
 * with the run's `signal`, the connect to the proxy and the CONNECT end when it aborts.
 */
function proxyClient(origin: URL, options: { connect?: unknown }, timeoutMs: number, signal: AbortSignal | undefined): Dispatcher {
  const connector = signal && typeof options.connect === 'function' ? { connect: abortable(options.connect as buildConnector.connector, signal) } : {};
  const pool = new Pool(origin, { ...options, ...connector, headersTimeout: timeoutMs } as Pool.Options);
  const connect = pool.connect.bind(pool) as (o: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>;
  // ProxyAgent calls connect(options) without a callback and awaits it; it passes no signal of its own.
  const guarded = (o: Dispatcher.ConnectOptions): Promise<Dispatcher.ConnectData> =>
    connect({ ...o, ...(signal && !o.signal ? { signal } : {}) }).catch((error: unknown) => {
      const code = (error as { code?: unknown } | undefined)?.code as string;
      if (NO_TUNNEL_CODES.has(code)) throw new ProxyConnectionError(error);
      // The only connection this pool makes is the one to the proxy.
      if (code === 'UND_ERR_CONNECT_TIMEOUT') throw new ProxyConnectTimeoutError(origin, error);
      throw error;
    });
  return Object.assign(pool, { connect: guarded as Dispatcher['connect'] });
}

export interface ProxyAgentOptions {
  /** The run's HTTP(S)_PROXY / NO_PROXY; undefined: undici reads process.env itself. */
  proxy?: ProxySettings;
  /** Connect timeout for direct connections and to a proxy, and how long a proxy has to answer CONNECT. */
  timeoutMs: number;
  /** undici's connect options or connector for direct connections (through a proxy, ProxyAgent dials). */
  connect?: EnvHttpProxyAgent.Options['connect'];
  keepAliveTimeout?: number;
  /** The run's abort signal (Ctrl-C): what the agent is doing with a proxy ends when it aborts. */
  signal?: AbortSignal;
  /**
   * The CAs for the TLS to the target inside a proxy's tunnel, as node:tls's `ca` (it replaces Node's
   * store: include tls.rootCertificates). Undefined: Node's, with NODE_EXTRA_CA_CERTS. Direct
   * connections take theirs from `connect`.
   */
  ca?: string[];
}

export function proxyAwareAgent(o: ProxyAgentOptions): EnvHttpProxyAgent {
  return new EnvHttpProxyAgent({
    // A direct connection still being made (its TCP connect or TLS handshake) ends at Ctrl-C too: the
    // request's own signal reaches undici only once it is written, so it waited out the connect timeout.
    connect: o.connect ?? (o.signal ? abortable(buildConnector({ timeout: o.timeoutMs }), o.signal) : { timeout: o.timeoutMs }),
    ...(o.keepAliveTimeout !== undefined ? { keepAliveTimeout: o.keepAliveTimeout } : {}),
    ...(o.proxy ?? {}),
    // The connection to the proxy, and the TLS to the target inside its tunnel (see above).
    proxyTls: { timeout: o.timeoutMs },
    requestTls: { timeout: o.timeoutMs, ...(o.ca ? { ca: o.ca } : {}) },
    clientFactory: (origin: URL, options: object) => proxyClient(origin, options, o.timeoutMs, o.signal),
  });
}

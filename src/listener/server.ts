// The local callback listener as a library function (STYLE practice 11): bind, wait for WeChat's
// redirect, check state, hand back the code — or throw a typed error. It knows nothing of the terminal:
// progress goes out through callbacks, page texts through an injected translator.
//
// Duplicate awareness (PEERS (c)3, API-FACTS §1.6): WeChat sometimes calls redirect_uri twice with the
// same code, and the second exchange answers 40163. After the first code the listener keeps serving
// for a short window, records every hit (time, User-Agent, WeChat's `uin`/`pass_ticket` markers) and
// reports a repeated code as a duplicate instead of exchanging it again.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, timingSafeEqual } from 'node:crypto';
import { CallbackError, CancelledError, UsageError } from '../errors.js';
import { parseCallbackUrl } from '../core/callback-url.js';
import { renderPage, securityHeaders, type PageOutcome, type Translate } from './page.js';
import { acceptedHostNames, hostHeaderAllowed, isWildcardHost, lanAddresses } from './addresses.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PATH = '/callback';
export const DEFAULT_DUPLICATE_WINDOW_MS = 2000;
/** A callback URL is short; anything longer is junk (WeChat codes are 32 chars, states ≤ 128 bytes). */
export const MAX_URL_BYTES = 4096;
export const MAX_HEADER_BYTES = 8192;

export type HitKind =
  /** The first (or another distinct) code with a matching state. */
  | 'code'
  /** The same code again: the callback was called twice. */
  | 'duplicate'
  /** state only: the user refused consent. */
  | 'denied'
  | 'state_mismatch'
  /** The callback path, but `code=` empty or otherwise unusable. */
  | 'invalid'
  /** Host header names another site (DNS rebinding) — refused. */
  | 'wrong_host';

export interface CallbackHit {
  /** 1, 2, 3… in arrival order. */
  seq: number;
  /** ISO time the request arrived. */
  time: string;
  at: number;
  method: string;
  userAgent?: string;
  remoteAddress?: string;
  kind: HitKind;
  code?: string;
  state?: string;
  /** WeChat's internal-hop markers seen on the request (`connect_redirect`, `uin`, `key`, `pass_ticket`). */
  markers: string[];
  /** For a duplicate: the seq of the hit that first brought this code. */
  firstSeq?: number;
  /** For wrong_host: the Host header sent. */
  hostHeader?: string;
}

export interface ListenerOptions {
  /** Address to bind; default 127.0.0.1. `0.0.0.0` also serves the LAN (a phone on the same Wi-Fi). */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** The callback path; default /callback. Every other path answers 404. */
  path?: string;
  /** When set, a callback whose state differs is refused (compared in constant time). */
  expectedState?: string;
  /** How long to wait for the first callback. */
  timeoutMs: number;
  signal?: AbortSignal;
  lang: 'zh' | 'en';
  /** Renders catalogue keys `listen.page.*` (the browser page speaks the user's language). */
  translate: Translate;
  /** Every hit on the callback path (and every wrong-Host request), as it happens. */
  onHit?: (hit: CallbackHit) => void;
  /** Each distinct accepted code, once — the place to start an exchange. */
  onCode?: (hit: CallbackHit) => void;
  /** How long to keep listening after the first code, to catch a duplicate call. */
  duplicateWindowMs?: number;
  /** Extra Host names to accept, e.g. the redirect_uri's host when a hosts-file entry points it here. */
  allowedHosts?: string[];
  now?: () => number;
}

export interface CallbackResult {
  code: string;
  /** The state as received ('' when WeChat sent `state=`). */
  state?: string;
  /** Whether the state was compared with an expected one. */
  stateChecked: boolean;
  /** Every hit on the callback path, in order. */
  hits: CallbackHit[];
  /** Hits that repeated an already-received code. */
  duplicates: CallbackHit[];
  /** Distinct accepted codes, in order (normally one). */
  codes: string[];
  /** Requests refused or answered 404 (junk, probes, other paths). */
  ignored: number;
}

export interface CallbackListener {
  /** The URL the listener is reachable on (the callback path included). */
  url: string;
  host: string;
  port: number;
  path: string;
  /** With a wildcard bind: the LAN URLs, one per non-internal IPv4 address. */
  lanUrls: string[];
  /** Settles once: the first code (after the duplicate window), or a CallbackError / CancelledError. */
  result: Promise<CallbackResult>;
  /** Stop listening now (rejects `result` with CancelledError if it had not settled). */
  close(): Promise<void>;
}

/** Compare states without leaking, through timing, how many leading characters matched. */
export function statesEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function bindError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new UsageError(
        { key: 'listen.port.inUse', params: { port, host } },
        { hint: { key: 'listen.port.inUse.hint', params: { port } }, cause: error },
      );
    case 'EACCES':
      return new UsageError(
        { key: 'listen.port.denied', params: { port, host } },
        { hint: { key: 'listen.port.denied.hint', params: { port } }, cause: error },
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError(
        { key: 'listen.host.unavailable', params: { host } },
        { hint: { key: 'listen.host.unavailable.hint' }, cause: error },
      );
    default:
      return new UsageError(
        { key: 'listen.bind.failed', params: { host, port, detail: error.message } },
        { hint: { key: 'listen.port.inUse.hint', params: { port } }, cause: error },
      );
  }
}

export function normalizePath(path: string | undefined): string {
  const p = path === undefined || path === '' ? DEFAULT_PATH : path;
  return p.startsWith('/') ? p : '/' + p;
}

/** Bind and start serving; `result` settles with the callback. */
export async function startCallbackListener(options: ListenerOptions): Promise<CallbackListener> {
  const host = options.host ?? DEFAULT_HOST;
  const path = normalizePath(options.path);
  const now = options.now ?? (() => Date.now());
  const windowMs = options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
  const t = options.translate;

  if (options.signal?.aborted) throw new CancelledError();

  const hits: CallbackHit[] = [];
  const duplicates: CallbackHit[] = [];
  const codes = new Map<string, number>();
  let ignored = 0;
  let seq = 0;
  let first: CallbackHit | undefined;
  let settled = false;
  let closing = false;
  let resolveResult!: (r: CallbackResult) => void;
  let rejectResult!: (e: unknown) => void;
  const result = new Promise<CallbackResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // The caller may only look at `result` later; never let it count as unhandled meanwhile.
  result.catch(() => undefined);

  let timeoutTimer: NodeJS.Timeout | undefined;
  let windowTimer: NodeJS.Timeout | undefined;
  let names = new Set<string>();
  let port = options.port ?? 0;

  // Slow or half-open connections must not pile up while we wait for the one real callback: Node only
  // enforces the header/request timeouts when it sweeps connections, every 30 s unless told otherwise.
  const server: Server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: 5000, requestTimeout: 10_000, connectionsCheckingInterval: 1000 },
    (req, res) => handle(req, res),
  );
  server.keepAliveTimeout = 1000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    ignored++;
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });

  const shutdown = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (closing) return resolve();
      closing = true;
      clearTimeout(timeoutTimer);
      clearTimeout(windowTimer);
      options.signal?.removeEventListener('abort', onAbort);
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const settle = (outcome: { ok: true } | { ok: false; error: unknown }) => {
    if (settled) return;
    settled = true;
    clearTimeout(timeoutTimer);
    clearTimeout(windowTimer);
    // Let the response that settled things reach the browser before the sockets are closed.
    setImmediate(() => {
      void shutdown().then(() => {
        if (outcome.ok) {
          resolveResult({
            code: first!.code!,
            state: first!.state,
            stateChecked: options.expectedState !== undefined,
            hits: [...hits],
            duplicates: [...duplicates],
            codes: [...codes.keys()],
            ignored,
          });
        } else rejectResult(outcome.error);
      });
    });
  };

  const onAbort = () => settle({ ok: false, error: new CancelledError() });

  const send = (res: ServerResponse, status: number, outcome: PageOutcome, extra: { state?: string; codePrefix?: string; withScript?: boolean } = {}) => {
    const body = renderPage({ outcome, lang: options.lang, t, ...extra });
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
      ...securityHeaders(extra.withScript === true),
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };

  const record = (req: IncomingMessage, kind: HitKind, extra: Partial<CallbackHit> = {}): CallbackHit => {
    const at = now();
    const ua = req.headers['user-agent'];
    const hit: CallbackHit = {
      seq: ++seq,
      time: new Date(at).toISOString(),
      at,
      method: req.method ?? 'GET',
      userAgent: typeof ua === 'string' ? ua.slice(0, 300) : undefined,
      remoteAddress: req.socket.remoteAddress?.replace(/^::ffff:/, ''),
      kind,
      markers: [],
      ...extra,
    };
    if (kind !== 'wrong_host') hits.push(hit);
    try {
      options.onHit?.(hit);
    } catch {
      // A presenter failing must not take the listener down.
    }
    return hit;
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const rawUrl = req.url ?? '/';
    if (Buffer.byteLength(rawUrl) > MAX_URL_BYTES) {
      ignored++;
      res.writeHead(414, { connection: 'close', 'content-length': 0 }).end();
      return;
    }
    const hostHeader = req.headers.host;
    if (!hostHeaderAllowed(hostHeader, names)) {
      ignored++;
      record(req, 'wrong_host', { hostHeader: typeof hostHeader === 'string' ? hostHeader.slice(0, 200) : undefined });
      send(res, 421, 'wrong_host');
      return;
    }
    const q = rawUrl.indexOf('?');
    const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
    if (pathname === '/favicon.ico') {
      res.writeHead(204, { connection: 'close', 'cache-control': 'max-age=86400' }).end();
      return;
    }
    if (pathname !== path) {
      ignored++;
      send(res, 404, 'not_found');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      ignored++;
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, 'method');
      return;
    }
    // The WHATWG-free parser of core keeps duplicates and WeChat's hop markers visible.
    const parsed = parseCallbackUrl('http://listener.invalid' + rawUrl);
    const code = parsed.code;
    const state = parsed.state;
    const markers = parsed.markers;
    const stateOk = options.expectedState === undefined || (state !== undefined && statesEqual(state, options.expectedState));

    if (parsed.params.length === 0) {
      // A bare visit (or a hash route whose code sits in the fragment): serve the forwarding page.
      ignored++;
      send(res, 200, 'waiting', { withScript: true });
      return;
    }
    if (code !== undefined && code !== '') {
      if (!stateOk) {
        record(req, 'state_mismatch', { code, state, markers });
        send(res, 400, 'state_mismatch', { state });
        // A forged or stale-tab request after the real code was caught is logged, not fatal.
        if (!first) {
          settle({
            ok: false,
            error: new CallbackError(
              'state_mismatch',
              { key: 'listen.stateMismatch', params: { got: state ?? '', expected: options.expectedState } },
              { hint: { key: 'listen.stateMismatch.hint' } },
            ),
          });
        }
        return;
      }
      const firstSeq = codes.get(code);
      if (firstSeq !== undefined) {
        const hit = record(req, 'duplicate', { code, state, markers, firstSeq });
        duplicates.push(hit);
        send(res, 200, 'duplicate', { state, codePrefix: code.slice(0, 6) });
        return;
      }
      if (settled) {
        // After the window (a straggler racing the shutdown): nothing more to do for it.
        send(res, 200, 'duplicate', { state });
        return;
      }
      const hit = record(req, 'code', { code, state, markers });
      codes.set(code, hit.seq);
      send(res, 200, 'success', { state, codePrefix: code.slice(0, 6) });
      try {
        options.onCode?.(hit);
      } catch {
        // Starting an exchange must not take the listener down; the caller sees its own failure.
      }
      if (!first) {
        first = hit;
        clearTimeout(timeoutTimer);
        windowTimer = setTimeout(() => settle({ ok: true }), windowMs);
      }
      return;
    }
    if (code === undefined && state !== undefined) {
      // WeChat's refusal: `redirect_uri?state=STATE` without code (API-FACTS §1.4).
      if (!stateOk) {
        record(req, 'state_mismatch', { state, markers });
        send(res, 400, 'state_mismatch', { state });
        if (!first) {
          settle({
            ok: false,
            error: new CallbackError(
              'state_mismatch',
              { key: 'listen.stateMismatch', params: { got: state, expected: options.expectedState } },
              { hint: { key: 'listen.stateMismatch.hint' } },
            ),
          });
        }
        return;
      }
      record(req, 'denied', { state, markers });
      send(res, 200, 'denied', { state });
      if (!first) {
        settle({ ok: false, error: new CallbackError('denied', { key: 'listen.denied' }, { hint: { key: 'listen.denied.hint' } }) });
      }
      return;
    }
    record(req, 'invalid', { code, state, markers });
    send(res, 400, 'invalid', state === undefined ? {} : { state });
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(bindError(error, host, port));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host, exclusive: true });
  });
  server.on('error', () => undefined);
  port = (server.address() as AddressInfo).port;
  names = acceptedHostNames(host, options.allowedHosts ?? []);

  timeoutTimer = setTimeout(() => {
    settle({
      ok: false,
      error: new CallbackError(
        'timeout',
        { key: 'listen.timeout', params: { seconds: Math.round(options.timeoutMs / 1000) } },
        { hint: { key: 'listen.timeout.hint' } },
      ),
    });
  }, options.timeoutMs);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const shownHost = isWildcardHost(host) ? '127.0.0.1' : formatHost(host);
  const portPart = port === 80 ? '' : `:${port}`;
  return {
    url: `http://${shownHost}${portPart}${path}`,
    host,
    port,
    path,
    lanUrls: isWildcardHost(host) ? lanAddresses().map((a) => `http://${a}${portPart}${path}`) : [],
    result,
    close: async () => {
      settle({ ok: false, error: new CancelledError() });
      await shutdown();
    },
  };
}

/** Listen, wait for the callback, stop. `onListening` receives the bound listener (its URL and port). */
export async function waitForCallback(
  options: ListenerOptions & { onListening?: (listener: CallbackListener) => void | Promise<void> },
): Promise<CallbackResult> {
  const listener = await startCallbackListener(options);
  try {
    await options.onListening?.(listener);
  } catch (error) {
    await listener.close();
    throw error;
  }
  return listener.result;
}

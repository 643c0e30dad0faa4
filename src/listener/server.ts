// The local callback listener as a library function (STYLE practice 11): bind, wait for WeChat's
// redirect, hand back the code — or throw a typed error. It knows nothing of the terminal: progress goes
// out through callbacks, page texts through an injected translator.
//
// This file is the node:http adapter: it reads each request and the clock, asks core's
// decideCallbackHit (core/callback-decision.ts) what to answer and what to do next, then writes the page
// and runs the timers and sockets. Every timing is an option, so tests need not wait for real.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { hash, timingSafeEqual } from 'node:crypto';
import { CallbackError, CancelledError, UsageError, bindReason } from '../errors.js';
import {
  type HitKind,
  DEFAULT_DUPLICATE_WINDOW_MS,
  NOTHING_SEEN,
  decideCallbackHit,
  describeTimeout,
  type FinishesOn,
  type CallbackAnswer,
  type CallbackDecisionOptions,
  type CallbackFailureReport,
  type CallbackHit,
  type CallbackProgress,
} from '../core/callback-decision.js';
import { renderPage, securityHeaders, type Translate } from './page.js';
import { acceptedHostNames, hostHeaderAllowed, isPrivateLanHost, isWildcardHost, lanAddresses } from './addresses.js';
import { hostInText, onThisMachineOrLan } from '../core/host-names.js';
import type { AuthEndpoint } from '../core/authorize-url.js';
import type { RememberedLink, StateOnlyLink } from '../core/callback-url.js';

// The types and limits moved to core with the decisions; re-exported so existing importers keep working.
export { DEFAULT_DUPLICATE_WINDOW_MS, type CallbackHit, type HitKind } from '../core/callback-decision.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PATH = '/callback';
export const MAX_HEADER_BYTES = 8192;
// Slow or half-open connections must not pile up while we wait for the one real callback. Node enforces
// the header and request timeouts only when it sweeps its connections, every 30 s unless told otherwise.
export const DEFAULT_HEADERS_TIMEOUT_MS = 5000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_CONNECTIONS_CHECK_INTERVAL_MS = 1000;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 1000;
/**
 * How many hits the result keeps, besides the first code: the last 20. A page (or a script) can hit the
 * listener thousands of times in a wait; a result that listed every hit grew without bound and buried
 * the one that mattered in a 1,000-entry --json document (issue 13 item 14). Every hit is still counted
 * by kind, and reported through onHit as it happens.
 */
export const KEPT_HITS = 20;

export interface ListenerOptions {
  /** Address to bind; default 127.0.0.1. `0.0.0.0` also serves the LAN (a phone on the same Wi-Fi). */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** The callback path; default /callback. Every other path answers 404. */
  path?: string;
  /** The redirect_uri's query, shown in the listener's URLs (callbacks are matched by path alone). */
  search?: string;
  /** When set, a callback whose state differs is refused (compared in constant time). */
  expectedState?: string;
  /** A state already used (its callback caught by an earlier login or listen): a callback carrying it is refused. */
  spentState?: string;
  /** The scope of expectedState's link, when known: a state-only callback of a snsapi_base link is no refusal. */
  expectedScope?: string;
  /**
   * The state remembered now, read again when a callback's state is not expectedState: a link made by
   * `wxauth url` after the listener started replaced it, and its callback is the newest, not a forgery.
   */
  laterState?: () => RememberedLink | undefined;
  /** The endpoint of expectedState's link, else the account type's (a website app's is qrconnect). */
  expectedEndpoint?: AuthEndpoint;
  /**
   * The redirect_uri of a link made since the listener started, asked at the timeout: when its callback
   * goes to another port or path than this listener's, that is why nothing came.
   */
  laterRedirect?: () => string | undefined;
  /** How long to wait for the first callback. */
  timeoutMs: number;
  /** Where the authorization is finished, for the timeout's advice (core/callback-decision.ts); default phone. */
  finishesOn?: FinishesOn;
  /** The run made the authorize link itself (login): its redirect_uri, once the link is made. */
  ownLink?: () => string | undefined;
  /** ` --profile x` for the commands the timeout's advice names. */
  profileFlag?: string;
  /** The profile's redirect_uri when it is not this machine's (a public one): the timeout says nothing could arrive. */
  callbackElsewhere?: string;
  signal?: AbortSignal;
  lang: 'zh' | 'en';
  /** Renders catalogue keys `listen.page.*` (the browser page speaks the user's language). */
  translate: Translate;
  /** Every hit on the callback path (and every wrong-Host request), as it happens. */
  onHit?: (hit: CallbackHit) => void;
  /** Each distinct accepted code, once — the place to start an exchange. */
  onCode?: (hit: CallbackHit) => void;
  /** How long to keep listening after the first code, to catch a duplicate call; default 2 s. */
  duplicateWindowMs?: number;
  /** How long a client may take to send its request headers before it is answered 408; default 5 s. */
  headersTimeoutMs?: number;
  /** How long a client may take to send its whole request; default 10 s (or headersTimeoutMs, if longer). */
  requestTimeoutMs?: number;
  /** How often the two timeouts above are enforced (Node's connection sweep); default 1 s. */
  connectionsCheckIntervalMs?: number;
  /** How long an idle keep-alive connection stays open; default 1 s. */
  keepAliveTimeoutMs?: number;
  /**
   * The callback URL names `localhost`, which a browser may reach on 127.0.0.1 or on [::1] (Chromium
   * goes to [::1] when something listens there): listen on the other loopback address too, on the same port. Bound to one only,
   * a dev server holding the other (Vite on `localhost` binds [::1] on macOS) would take the callback
   * while this listener waited in vain: that is refused as the port in use.
   */
  bothLoopbacks?: boolean;
  /**
   * With port 0 (any free port) and bothLoopbacks: the port each try asks for, by its number (1 to 5);
   * default 0, the system's choice. A test hands out one held on the other loopback address first, the
   * case the retry is for, which the system's choice cannot be made to produce.
   */
  anyPort?: (attempt: number) => number;
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
  /** listen --paste: a code pasted alone, with a state expected that it could not carry (not checked). */
  bareCode?: boolean;
  /** listen --paste: the callback address was read out of words around it (a log line, a chat message). */
  pastedAmongWords?: boolean;
  /** listen --paste: a callback address split by a line break (wrapped when copied) was joined. */
  pastedJoined?: boolean;
  /** listen --paste: full-width ？＆＝＃ in the callback address were read as ASCII (core/callback-url.ts asciiSeparators). */
  pastedFullwidth?: boolean;
  /** The first code's hit and the last KEPT_HITS hits on the callback path, in order. */
  hits: CallbackHit[];
  /** Every hit on the callback path (and every wrong-Host request), counted by kind. */
  counts: Partial<Record<HitKind, number>>;
  /** Hits counted but no longer listed in `hits` (only the last KEPT_HITS are kept). */
  hitsOmitted: number;
  /** Kept hits that repeated an already-received code (`counts.duplicate` has them all). */
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
  return timingSafeEqual(digestOf(a), digestOf(b));
}

function digestOf(text: string): Buffer {
  // One call, not createHash().update().digest(): half the cost, on every callback (issue 19).
  return hash('sha256', text, 'buffer');
}

/**
 * statesEqual for one expected state: its digest is made once, not on every callback (for speed: a
 * listener answering a flood of stale callbacks hashes only what arrives).
 */
/** The later link a received state belongs to (not expectedState's): its scope and endpoint. Compared plainly: the state was accepted already. */
function laterLinkOf(received: string, expected: string | undefined, later: RememberedLink | undefined, endpoint: AuthEndpoint | undefined): StateOnlyLink | undefined {
  if (later === undefined || received === expected || later.value !== received) return undefined;
  return { scope: later.scope, endpoint: later.endpoint ?? endpoint };
}

function statesEqualTo(expected: string | undefined, later?: () => RememberedLink | undefined): (received: string, expected: string) => boolean {
  const expectedDigest = expected === undefined ? undefined : digestOf(expected);
  return (received, other) => {
    const got = digestOf(received);
    if (timingSafeEqual(got, other === expected && expectedDigest ? expectedDigest : digestOf(other))) return true;
    // Only for the listener's own state: another comparison (a duplicate's) is not about a newer link.
    const newer = other === expected ? later?.()?.value : undefined;
    return newer !== undefined && newer !== expected && timingSafeEqual(got, digestOf(newer));
  };
}

/** A page ready to send: its bytes and headers. */
interface RenderedPage {
  body: Buffer;
  /** Flat name, value, … list for writeHead. */
  headers: Array<string | number>;
}

/**
 * The last pages rendered, by everything that shapes them. A listener answers the same page again and
 * again (stale tabs, replays, probes): rendering, translating and UTF-8-encoding it once is what a
 * static server would do (for speed, issue 19). Bounded: the state in a page comes from the request.
 */
const KEPT_PAGES = 32;

/**
 * The page's language: the browser's first choice when it is Chinese or English (the person looking at
 * the page may not read the terminal's language), else the CLI's.
 */
function pageLang(accept: string | undefined, fallback: 'zh' | 'en'): 'zh' | 'en' {
  const first = accept?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh' : first.startsWith('en') ? 'en' : fallback;
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
        { hint: { key: 'listen.port.denied.hint' }, cause: error },
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError(
        { key: 'listen.host.unavailable', params: { host } },
        { hint: { key: 'listen.host.unavailable.hint' }, cause: error },
      );
    case 'EINVAL':
      // Not bindReason's advice to add the interface: the callback URL could not carry it (plan.ts parseHost).
      return new UsageError(
        {
          key: 'listen.bind.failed',
          params: { host: hostInText(host), port, detail: { key: /^fe[89ab][0-9a-f]:/i.test(host) ? 'listen.bind.EINVAL.linkLocal' : 'listen.bind.EINVAL', params: { code: 'EINVAL' } } },
        },
        { hint: { key: 'listen.host.unavailable.hint' }, cause: error },
      );
    default:
      return new UsageError(
        { key: 'listen.bind.failed', params: { host: hostInText(host), port, detail: bindReason(error) } },
        { hint: { key: 'listen.port.inUse.hint', params: { port } }, cause: error },
      );
  }
}

/**
 * Listen on the loopback address `bound` is not (127.0.0.1 ↔ ::1) on `port`, handing each connection to
 * `server`, so a browser reaches the listener whichever address it picks for `localhost`. The port taken
 * there is refused like a port in use; no such address here (no IPv6) leaves the one bind alone.
 */
function bindOtherLoopback(bound: string, port: number, server: Server): Promise<NetServer | undefined> {
  const other = bound === '127.0.0.1' ? '::1' : bound === '::1' ? '127.0.0.1' : undefined;
  if (other === undefined) return Promise.resolve(undefined);
  const twin = createNetServer((socket) => server.emit('connection', socket));
  return new Promise((resolve, reject) => {
    twin.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return resolve(undefined);
      reject(
        new UsageError(
          { key: 'listen.port.inUse.loopback', params: { port, bound: hostInText(bound), other: hostInText(other) } },
          { hint: { key: 'listen.port.inUse.hint', params: { port } }, cause: error },
        ),
      );
    });
    twin.listen({ port, host: other, exclusive: true, ipv6Only: other === '::1' }, () => {
      twin.on('error', () => undefined);
      resolve(twin);
    });
  });
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
  if (options.signal?.aborted) throw new CancelledError();

  const acceptedNames = acceptedHostNames(host, options.allowedHosts ?? []);
  const decisionOptions: CallbackDecisionOptions = {
    path,
    expectedState: options.expectedState,
    duplicateWindowMs: options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS,
    ...(options.profileFlag ? { profileFlag: options.profileFlag } : {}),
    ...(options.expectedScope !== undefined ? { expectedScope: options.expectedScope } : {}),
    ...(options.expectedEndpoint !== undefined ? { expectedEndpoint: options.expectedEndpoint } : {}),
    // A later link's state, accepted besides expectedState: what a state-only callback means is that link's.
    ...(options.laterState ? { linkOf: (received: string) => laterLinkOf(received, options.expectedState, options.laterState!(), options.expectedEndpoint) } : {}),
    hostAllowed: (header) => hostHeaderAllowed(header, acceptedNames),
    statesEqual: statesEqualTo(options.expectedState, options.laterState),
    ...(options.spentState !== undefined ? { isSpent: (received: string) => statesEqual(received, options.spentState!) } : {}),
  };
  let progress: CallbackProgress = NOTHING_SEEN;
  /** The state the first code was checked against: the one given, or a link's made since (none given). */
  let checkedAgainst = options.expectedState;
  // Kept here rather than in `progress`: appending to an immutable list on every hit would make a flood
  // quadratic. Only the last KEPT_HITS are kept (plus the first code, in `progress.first`); all are counted.
  const recent: CallbackHit[] = [];
  const counts: Partial<Record<HitKind, number>> = {};
  let kept = 0;
  let ignored = 0;
  let closing = false;
  let resolveResult!: (r: CallbackResult) => void;
  let rejectResult!: (e: unknown) => void;
  const result = new Promise<CallbackResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // The caller may only look at `result` later; never let it count as unhandled meanwhile.
  result.catch(() => undefined);

  /** The other loopback address's socket (bothLoopbacks), handing its connections to `server`. */
  let twin: NetServer | undefined;
  let timeoutTimer: NodeJS.Timeout | undefined;
  let windowTimer: NodeJS.Timeout | undefined;
  let port = options.port ?? 0;

  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const server: Server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout,
      // Node refuses a request timeout shorter than the headers timeout, so the default grows with it.
      requestTimeout: options.requestTimeoutMs ?? Math.max(DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout),
      connectionsCheckingInterval: options.connectionsCheckIntervalMs ?? DEFAULT_CONNECTIONS_CHECK_INTERVAL_MS,
    },
    (req, res) => handle(req, res),
  );
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
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
      twin?.close();
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const settle = (outcome: { ok: true } | { ok: false; error: unknown }) => {
    if (progress.settled) return;
    progress = { ...progress, settled: true };
    clearTimeout(timeoutTimer);
    clearTimeout(windowTimer);
    // Let the response that settled things reach the browser before the sockets are closed.
    setImmediate(() => {
      void shutdown().then(() => {
        if (outcome.ok) {
          const first = progress.first!;
          const hits = recent[0] !== undefined && recent[0].seq <= first.seq ? [...recent] : [first, ...recent];
          resolveResult({
            code: progress.first!.code!,
            state: progress.first!.state,
            stateChecked: checkedAgainst !== undefined,
            hits,
            counts: { ...counts },
            hitsOmitted: kept - hits.length,
            duplicates: hits.filter((h) => h.kind === 'duplicate'),
            codes: [...progress.codes.keys()],
            ignored,
          });
        } else rejectResult(outcome.error);
      });
    });
  };
  const fail = (report: CallbackFailureReport) => settle({ ok: false, error: new CallbackError(report.failure, report.message, { hint: report.hint }) });

  const onAbort = () => settle({ ok: false, error: new CancelledError() });

  const answer = (res: ServerResponse, a: CallbackAnswer) => {
    if (a.kind === 'empty') {
      const cache = a.status === 204 ? { 'cache-control': `max-age=${a.maxAgeSeconds}` } : { 'content-length': 0 };
      res.writeHead(a.status, { connection: 'close', ...cache }).end();
      return;
    }
    const page = pageFor(a, pageLang(res.req.headers['accept-language'], options.lang));
    if (a.allow !== undefined) res.setHeader('allow', a.allow);
    res.writeHead(a.status, page.headers as string[]);
    res.end(res.req.method === 'HEAD' ? undefined : page.body);
  };

  const pages = new Map<string, RenderedPage>();
  const pageFor = (a: Extract<CallbackAnswer, { outcome: unknown }>, lang: 'zh' | 'en'): RenderedPage => {
    // Unambiguous without JSON.stringify on every hit: fixed fields first, the code prefix with its
    // length, the state (anything a request sent) last, running to the end.
    const key = `${lang} ${a.outcome} ${a.withScript === true ? 1 : 0}${a.noCode === true ? 0 : 1}${a.verdict === undefined ? '-' : a.verdict} ${a.codePrefix === undefined ? '-' : `${a.codePrefix.length}:${a.codePrefix}`} ${a.state === undefined ? '-' : `=${a.state}`}`;
    let page = pages.get(key);
    if (page === undefined) {
      const body = Buffer.from(renderPage({ outcome: a.outcome, lang, t: options.translate, state: a.state, codePrefix: a.codePrefix, withScript: a.withScript, noCode: a.noCode, verdict: a.verdict }), 'utf8');
      const headers: Array<string | number> = ['content-type', 'text/html; charset=utf-8', 'content-length', body.length, 'connection', 'close'];
      for (const [name, value] of Object.entries(securityHeaders(a.withScript === true))) headers.push(name, value);
      page = { body, headers };
      if (pages.size >= KEPT_PAGES) pages.delete(pages.keys().next().value!);
      pages.set(key, page);
    }
    return page;
  };

  // A presenter or an exchange failing must not take the listener down; the caller sees its own failure.
  const notify = (callback: ((hit: CallbackHit) => void) | undefined, hit: CallbackHit) => {
    try {
      callback?.(hit);
    } catch {
      // Deliberately ignored: see above.
    }
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const ua = req.headers['user-agent'];
    // No state to expect at start, but `wxauth url` has made a link since: its state is the one to check
    // (else a forged callback would be taken unchecked for as long as this listener runs).
    const adopted = options.expectedState === undefined ? options.laterState?.() : undefined;
    const decision = decideCallbackHit(
      {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        host: req.headers.host,
        userAgent: typeof ua === 'string' ? ua : undefined,
        remoteAddress: req.socket.remoteAddress,
        ...(typeof req.headers['sec-fetch-dest'] === 'string' ? { fetchDest: req.headers['sec-fetch-dest'] } : {}),
        at: now(),
      },
      progress,
      // The adopted link's scope and endpoint come with its state through linkOf (laterLinkOf): a state-only
      // callback means what that link makes of it.
      adopted === undefined ? decisionOptions : { ...decisionOptions, expectedState: adopted.value },
    );
    if (decision.hit?.kind === 'code' && progress.first === undefined) checkedAgainst ??= adopted?.value;
    progress = decision.progress;
    if (decision.ignored) ignored++;
    const { hit, next } = decision;
    if (hit) {
      counts[hit.kind] = (counts[hit.kind] ?? 0) + 1;
      if (decision.keepHit) {
        kept++;
        recent.push(hit);
        if (recent.length > KEPT_HITS) recent.shift();
      }
      notify(options.onHit, hit);
    }
    answer(res, decision.answer);
    // Each distinct accepted code, once: the place to start an exchange while the window is still open.
    if (hit?.kind === 'code') notify(options.onCode, hit);
    if (next.kind === 'resolve_after_window') {
      clearTimeout(timeoutTimer);
      windowTimer = setTimeout(() => settle({ ok: true }), next.windowMs);
    } else if (next.kind === 'settle_error') {
      fail(next);
    }
  }

  const bind = () =>
    new Promise<void>((resolve, reject) => {
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
  // Any free port (0) is one free on both loopback addresses when both are served: another is tried when
  // the one given out on the first is taken on the other; a port the user chose is refused at once.
  const anyPort = (options.port ?? 0) === 0 ? (options.anyPort ?? (() => 0)) : undefined;
  for (let attempt = 1; ; attempt++) {
    if (anyPort !== undefined) port = anyPort(attempt);
    await bind();
    port = (server.address() as AddressInfo).port;
    if (options.bothLoopbacks !== true) break;
    try {
      twin = await bindOtherLoopback((server.address() as AddressInfo).address, port, server);
      break;
    } catch (error) {
      if (anyPort !== undefined && attempt < 5) {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        continue;
      }
      await shutdown();
      throw error;
    }
  }
  server.on('error', () => undefined);

  // Callbacks refused for their state on the way are named in the timeout's failure.
  const shownHost = isWildcardHost(host) ? '127.0.0.1' : hostInText(host);
  const portPart = port === 80 ? '' : `:${port}`;
  const rest = path + (options.search ?? '');
  const url = `http://${shownHost}${portPart}${rest}`;
  const lanUrls = isWildcardHost(host) ? lanAddresses().map((a) => `http://${a}${portPart}${rest}`) : [];
  // Reachable from the Wi-Fi already (a wildcard bind, or a LAN address): the timeout's advice is not --host 0.0.0.0.
  const fromLan = lanUrls[0] ?? (isPrivateLanHost(host) ? url : undefined);
  const lan = fromLan !== undefined ? { url: fromLan, port } : isWildcardHost(host) ? ('none' as const) : undefined;
  timeoutTimer = setTimeout(() => {
    // login's link, made after the listener started: its redirect_uri is known by now.
    const ownLink = options.ownLink?.();
    const later = options.laterRedirect?.();
    const movedTo = later !== undefined && !reachesListener(later, port, path) ? later : undefined;
    fail(
      describeTimeout(options.timeoutMs, progress, options.expectedState ?? options.laterState?.()?.value, {
        ...(movedTo !== undefined ? { movedTo: { uri: movedTo, here: url } } : {}),
        ...(options.finishesOn ? { finishesOn: options.finishesOn } : {}),
        ...(lan ? { lan } : {}),
        ...(ownLink !== undefined ? { ownLink } : {}),
        ...(options.callbackElsewhere ? { elsewhere: options.callbackElsewhere } : {}),
        ...(options.profileFlag ? { p: options.profileFlag } : {}),
      }),
    );
  }, options.timeoutMs);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    url,
    host,
    port,
    path,
    lanUrls,
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

/** Whether a callback to `uri` could come to a listener on `port` and `path`: http, on this machine or the LAN, with both. */
function reachesListener(uri: string, port: number, path: string): boolean {
  const local = onThisMachineOrLan(uri, 'http:');
  return local !== undefined && Number(local.url.port || 80) === port && local.url.pathname === path;
}

// The one HTTP client for WeChat's API (undici). It owns transport concerns only: one keep-alive
// agent honouring HTTP(S)_PROXY/NO_PROXY, timeouts, body cap, JSON parsing whatever the Content-Type,
// errcode → WechatApiError, narrowing success bodies, safe retries, the backup host, and -v / --curl
// traces. Secrets are masked by name AND by value in everything it shows or puts in an error: the
// values it sends (appsecret, code, tokens) and those the caller registered in `secrets`.
import { request as undiciRequest, type Dispatcher } from 'undici';
import { deadline } from './deadline.js';
import { PROXY_CONNECTION_CODE, PROXY_CUT_CODES, proxyAwareAgent } from './proxy-agent.js';
import { CancelledError, NetworkError, WechatApiError, messageRef, type MessageRef, type NestedMessage, type NetworkFailure, type ParamValue } from '../errors.js';
import { isBusyPage, isJsonBehindBom, isRecord, oddErrcode, readErrorBody, type Expected, type Narrowed, type ShapeProblem, type ValueKind } from '../core/responses.js';
import { KnownSecrets, hideUrlCredentials, isSecretName, redactUrl } from '../core/secrets.js';
import { REGIONS, answeredPlainHttp, answeredTls, cutCall, httpsOf, isWechatApiBase, joinUrl, plainHttpOf, portOf, type ApiBaseOrigin } from '../core/endpoints.js';
import { codePointName, profileFlag } from '../core/validate.js';
import { proxyRoute, type ProxySettings } from '../core/proxy-route.js';
import { shellQuote } from '../core/shell.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ClientOptions {
  apiBase: string;
  /**
   * Tried once when apiBase cannot be reached. Only a host the user chose, or WeChat's own
   * disaster-recovery host when apiBase is WeChat's (see backupFor): the request carries the appid
   * and often the secret.
   */
  backupApiBase?: string;
  timeoutMs: number;
  /** Receives human trace lines (-v), and the same facts as data (`entry`, masked alike); undefined = no trace. */
  trace?: (line: string, entry: TraceEntry) => void;
  /** Receives an equivalent curl command (--curl). */
  curl?: (command: string) => void;
  /** Called when a retry or fallback happens, so the CLI can say so. */
  notice?: (event: ClientNotice) => void;
  showSecrets?: boolean;
  /**
   * Secret values to mask wherever they show up (the run's appsecret, cached tokens). The client adds
   * every secret it sends or receives. Default: a set of its own.
   */
  secrets?: KnownSecrets;
  signal?: AbortSignal;
  /** Injected for tests; defaults to a shared EnvHttpProxyAgent built from `proxy`. */
  dispatcher?: Dispatcher;
  /**
   * HTTP(S)_PROXY / NO_PROXY of the run (the CLI passes its own environment, which in-process runs do
   * not share with this process). Undefined: undici reads process.env itself.
   */
  proxy?: ProxySettings;
  /** Backoff before retries (ms); tests set small values. */
  retryDelaysMs?: number[];
  /** The profile of the run: a command a hint offers names it (` --profile x`, core/validate.ts profileFlag). */
  profile?: string;
  /** Where apiBase came from (a flag, a variable, a profile's setting): hints that blame the base name it. */
  apiBaseOrigin?: ApiBaseOrigin;
  /**
   * The run prints a failed answer's whole body itself (the CLI's --raw, on stdout): a hint points to
   * that instead of asking for a run with -v to see it.
   */
  rawShown?: boolean;
}


/**
 * Where an idempotent call may go when apiBase cannot be reached: a backup the user chose, or WeChat's
 * default disaster-recovery host only when apiBase is one of WeChat's own hosts. A request aimed at an
 * emulator or a proxy of the user's must never leave for api2.weixin.qq.com with the appid and secret.
 */
export function backupFor(c: { apiBase: string; backupApiBase?: string; backupChosen: boolean }): string | undefined {
  if (!c.backupApiBase) return undefined;
  return c.backupChosen || isExactWechatBase(c.apiBase) ? c.backupApiBase : undefined;
}

/**
 * Exactly one of WeChat's API bases (api, api2, sh, sz, hk: API-FACTS §0.6: https, no path of its own):
 * the only bases whose calls may fall back to WeChat's backup host. core/endpoints' isWechatApiBase is
 * the looser question (a WeChat host by name, whatever the scheme).
 */
export function isExactWechatBase(base: string): boolean {
  try {
    const url = new URL(base);
    return (url.pathname === '/' || url.pathname === '') && url.search === '' && Object.values(REGIONS).includes(url.origin as never);
  } catch {
    return false;
  }
}


/** One -v trace line's facts: secrets already masked as in the line (unless showSecrets). */
export type TraceEntry =
  | { kind: 'request'; method: string; url: string; body?: string }
  | { kind: 'response'; status: number; contentType: string; elapsedMs: number; body: string };

export type ClientNotice =
  | { kind: 'retry'; reason: 'unreachable' | 'busy' | 'busy_page' | 'reset'; attempt: number; url: string }
  | { kind: 'fallback'; from: string; to: string };

export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | undefined>;
  /** JSON body for POST. */
  body?: unknown;
  /**
   * Safe to send twice. A code exchange is NOT: the code is single-use, and a retry after the request
   * may have reached WeChat would burn it into 40163.
   */
  idempotent: boolean;
}

/** What was sent, with secrets redacted unless --show-secrets: the CLI shows it (oauth2c's practice). */
export interface SentRequest {
  method: string;
  url: string;
  body?: string;
}

export interface ApiResponse<T = unknown> {
  status: number;
  contentType: string;
  /** The body exactly as WeChat sent it. */
  raw: string;
  data: T;
  elapsedMs: number;
  request: SentRequest;
  /** Which base answered (differs from apiBase after a fallback). */
  base: string;
}

/**
 * One keep-alive agent per run (its abort signal, which ends the agent's dealings with a proxy:
 * proxy-agent.ts), proxy setting and timeout. A CLI run has one; in-process test runs each their own.
 */
const sharedAgents = new WeakMap<object, Map<string, Dispatcher>>();
/** The owner of the agents of clients given no signal. */
const NO_SIGNAL = {};

function defaultAgent(timeoutMs: number, proxy: ProxySettings | undefined, signal: AbortSignal | undefined): Dispatcher {
  let agents = sharedAgents.get(signal ?? NO_SIGNAL);
  if (!agents) sharedAgents.set(signal ?? NO_SIGNAL, (agents = new Map()));
  const key = JSON.stringify([proxy ?? null, timeoutMs]);
  let agent = agents.get(key);
  if (!agent) {
    agent = proxyAwareAgent({ proxy, timeoutMs, keepAliveTimeout: 10_000, ...(signal ? { signal } : {}) });
    agents.set(key, agent);
  }
  return agent;
}

/** Whether any attempt of one call (retries and the backup host included) had its request written. */
interface Left {
  written: boolean;
}

/** Turns a parsed success body into the type WeChat documents, or says what is off. */
export type Narrow<T> = (body: unknown) => Narrowed<T>;

export class WechatHttpClient {
  readonly options: ClientOptions;
  /** What this client masks: shared with the caller when given, so errors built elsewhere can use it. */
  readonly secrets: KnownSecrets;

  constructor(options: ClientOptions) {
    this.options = options;
    this.secrets = options.secrets ?? new KnownSecrets();
  }

  /**
   * Send `req`; with `narrow`, a success body that is not what WeChat's docs say is a NetworkError
   * (exit 5) showing the body masked, so no caller ever caches or prints a malformed answer.
   */
  async call<T = unknown>(req: ApiRequest, narrow?: Narrow<T>): Promise<ApiResponse<T>> {
    // Whether any attempt of this call (a retry, the backup host) put its request on a connection: a
    // cancel says whether something may have left by all of them, not by the last one only.
    const left: Left = { written: false };
    try {
      return await this.callWithRetries<T>(this.options.apiBase, req, narrow, left);
    } catch (error) {
      const backup = this.options.backupApiBase;
      if (
        error instanceof NetworkError &&
        !error.mayHaveReachedServer &&
        req.idempotent &&
        backup &&
        backup !== this.options.apiBase &&
        // A proxy that cannot be reached, or opens no tunnel, fails the backup host alike when it would
        // carry that call too: trying it only doubled the wait (up to two more --timeouts).
        !(error.failedProxy !== undefined && proxyFor(backup, this.options.proxy)?.shown === error.failedProxy)
      ) {
        this.options.notice?.({ kind: 'fallback', from: this.shown(this.options.apiBase, 'url'), to: this.shown(backup, 'url') });
        return await this.callWithRetries<T>(backup, req, narrow, left);
      }
      throw error;
    }
  }

  private async callWithRetries<T>(base: string, req: ApiRequest, narrow: Narrow<T> | undefined, left: Left): Promise<ApiResponse<T>> {
    const delays = this.options.retryDelaysMs ?? [300, 1000];
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send<T>(base, req, narrow, left, attempt > 0);
      } catch (error) {
        const delay = delays[attempt];
        if (delay === undefined || this.options.signal?.aborted) throw error;
        // Never reached the server: safe to resend, even a code exchange. Not when the scheme is wrong for
        // the port (sameOnRetry): the same request would get the same answer, only later.
        const unreachable = error instanceof NetworkError && !error.mayHaveReachedServer && !error.sameOnRetry && attempt === 0;
        // WeChat's "-1 system busy", or a page saying busy instead of JSON, on a call that may be repeated.
        const busy = error instanceof WechatApiError && error.errcode === -1 && req.idempotent;
        const busyPage = error instanceof NetworkError && error.failure === 'busy_page' && req.idempotent;
        // A connection cut before the answer on a call that may be repeated: most often a kept-alive
        // connection the server closed just as the request went out (its idle timeout, or a server
        // that stalled past it). Sent again once, on a fresh connection; never a code exchange.
        const reset = error instanceof NetworkError && error.failure === 'reset' && req.idempotent && attempt === 0;
        if (!unreachable && !busy && !busyPage && !reset) throw error;
        this.options.notice?.({
          kind: 'retry',
          reason: unreachable ? 'unreachable' : busy ? 'busy' : busyPage ? 'busy_page' : 'reset',
          attempt: attempt + 1,
          url: this.shown(joinUrl(base, req.path), 'url'),
        });
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private buildUrl(base: string, req: ApiRequest): string {
    const url = new URL(joinUrl(base, req.path));
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined) url.searchParams.append(k, v);
    }
    return url.toString();
  }

  /** An answer that is JSON but not shaped as WeChat's docs say (exit 5): never used or cached. */
  private unexpected(url: string, endpoint: string, problems: readonly ShapeProblem[], raw: string, data: unknown, status: number): NetworkError {
    const token = isRecord(data) ? data.access_token : undefined;
    const host = new URL(url).host;
    return new NetworkError(
      'unexpected_shape',
      {
        key: 'http.unexpected',
        params: { host, endpoint, problems: problemsParam(problems), preview: preview(this.shown(raw, 'text')) },
      },
      { mayHaveReachedServer: true, hint: { key: 'http.unexpected.hint' }, issuedToken: typeof token === 'string' && token !== '', host, status, raw: this.shown(raw, 'text') },
    );
  }

  /**
   * Text for the user: secrets hidden by name (URL query, JSON, JSON in strings, quoted queries) and by
   * value; a URL's credentials (a gateway's `user:pass@`) by where they are, however short.
   */
  private shown(text: string, kind: 'url' | 'text'): string {
    if (this.options.showSecrets) return text;
    return kind === 'url' ? this.secrets.mask(hideUrlCredentials(redactUrl(text))) : this.secrets.redact(text);
  }

  /** Text that is ours but may quote a secret (an undici message, a URL): known values only. */
  private masked(text: string): string {
    return this.options.showSecrets ? text : this.secrets.mask(text);
  }

  /** The base as a hint shows it, and where it came from (the backup host is a setting of its own). */
  private baseParams(base: string): { base: string; where: MessageRef } {
    return { base: this.shown(base, 'url'), where: baseWhere(base === this.options.apiBase ? this.options.apiBaseOrigin : 'backup') };
  }

  /**
   * A page instead of JSON: one that says busy is a moment's overload, a 404 a wrong base, a 5xx the
   * server's failure, anything else a base aimed elsewhere.
   */
  private notJsonHint(base: string, req: ApiRequest, status: number, raw: string, bom: boolean): MessageRef {
    if (bom) return messageRef('http.notJson.bom.hint', this.baseParams(base));
    if (isBusyPage(raw)) return messageRef('http.busy.hint');
    if (status === 404) return this.notFoundHint(base, req);
    if (status >= 500) return this.serverErrorHint();
    return messageRef('http.notJson.hint', this.baseParams(base));
  }

  /** An HTTP error status with a JSON body that is no WeChat error. */
  private statusHint(base: string, req: ApiRequest, status: number): MessageRef {
    if (status === 404) return this.notFoundHint(base, req);
    return this.serverErrorHint();
  }

  /** A 5xx: the server's failure; its whole answer is on stdout already under --raw, else -v shows it. */
  private serverErrorHint(): MessageRef {
    if (this.options.rawShown === true) return messageRef('http.serverError.raw.hint');
    return messageRef('http.serverError.hint');
  }

  /** A 404, JSON or not: the path is not there, so the base (or a path put into it) is wrong. */
  private notFoundHint(base: string, req: ApiRequest): MessageRef {
    return messageRef('http.notFound.hint', { ...this.baseParams(base), path: req.path });
  }

  /**
   * An http:// base whose server hung up without a byte of answer: a server that speaks TLS there (an
   * https port; Node's and OpenSSL's servers close on a plain request without a word) is told by a TLS
   * handshake tried once, so the advice can be https:// rather than "check the network". Only for a
   * base that is not WeChat's and not reached through a proxy; the handshake is bounded by the run's
   * timeout (at most 2 s) and the run's signal, and its certificate is not judged (only whether TLS answers).
   */
  private async speaksTlsInstead(error: unknown, url: string): Promise<boolean> {
    const target = new URL(url);
    if (target.protocol !== 'http:' || isWechatApiBase(url) || proxyFor(url, this.options.proxy) !== undefined) return false;
    const codes = errorCodes(error);
    if (!codes.some((c) => c === 'UND_ERR_SOCKET' || c === 'ECONNRESET') || !nothingRead(error)) return false;
    const tls = await import('node:tls');
    const host = target.hostname.replace(/^\[|\]$/g, '');
    return await new Promise<boolean>((resolve) => {
      const socket = tls.connect({ host, port: Number(portOf(target)), rejectUnauthorized: false, ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }) });
      const done = (answer: boolean) => {
        clearTimeout(timer);
        this.options.signal?.removeEventListener('abort', abort);
        socket.destroy();
        resolve(answer);
      };
      const abort = () => done(false);
      const timer = setTimeout(abort, Math.min(this.options.timeoutMs, 2000));
      this.options.signal?.addEventListener('abort', abort, { once: true });
      socket.once('secureConnect', () => done(true));
      socket.once('error', () => done(false));
    });
  }

  /** Everything this request carries under a secret's name becomes a known secret before it is sent. */
  private learnSent(req: ApiRequest): void {
    for (const [name, value] of Object.entries(req.query ?? {})) if (isSecretName(name)) this.secrets.add(value);
    this.secrets.addFields(req.body);
  }

  /** `resent`: this is the call sent again after a failed attempt (the hints say so). */
  private async send<T>(base: string, req: ApiRequest, narrow: Narrow<T> | undefined, left: Left, resent = false): Promise<ApiResponse<T>> {
    this.learnSent(req);
    const url = this.buildUrl(base, req);
    const bodyText = req.body === undefined ? undefined : JSON.stringify(req.body);
    const sent: SentRequest = {
      method: req.method,
      url: this.shown(url, 'url'),
      ...(bodyText === undefined ? {} : { body: this.shown(bodyText, 'text') }),
    };
    if (this.options.curl) this.options.curl(toCurl(sent));
    this.options.trace?.(`→ ${sent.method} ${sent.url}${sent.body ? `\n  ${sent.body}` : ''}`, { kind: 'request', ...sent });

    const started = performance.now();
    // Our own timer, not AbortSignal.timeout inside AbortSignal.any (deadline.ts says why).
    const limit = deadline(this.options.timeoutMs, this.options.signal);
    // Whether the request went onto a connection before the deadline: a connection (or TLS handshake,
    // or proxy tunnel) that never completed in time carried nothing, so the code in it is unused.
    let written = false;
    // The answer as far as it came: its status once the status line and headers are in, and how many
    // bytes of its body since (a body that stalls is said as such, not as no answer at all).
    const got: { status?: number; bytes: number } = { bytes: 0 };
    let status: number;
    let contentType = '';
    let raw: string;
    try {
      const res = await undiciRequest(url, {
        method: req.method,
        dispatcher: onWrite(this.options.dispatcher ?? defaultAgent(this.options.timeoutMs, this.options.proxy, this.options.signal), () => {
          written = !limit.signal.aborted;
          if (written) left.written = true;
        }),
        signal: limit.signal,
        headers: {
          'user-agent': 'wxauth',
          accept: 'application/json, text/plain, */*',
          ...(bodyText === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: bodyText,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      status = res.statusCode;
      got.status = status;
      const ct = res.headers['content-type'];
      contentType = Array.isArray(ct) ? ct.join(', ') : (ct ?? '');
      raw = await readCapped(res.body, url, status, got);
    } catch (error) {
      if (error instanceof NetworkError || error instanceof CancelledError) throw error;
      const timedOut = (limit.signal.reason as Error | undefined)?.name === 'TimeoutError';
      const speaksTls = !timedOut && (await this.speaksTlsInstead(error, url));
      throw toNetworkError(error, url, this.options, timedOut, (text) => this.masked(text), { req, resent, speaksTls, written, anyWritten: left.written, ...(got.status === undefined ? {} : { answered: { status: got.status, bytes: got.bytes } }), ...this.baseParams(base) });
    } finally {
      limit.done();
    }
    const elapsedMs = Math.round(performance.now() - started);
    const shownBody = this.shown(raw, 'text');
    this.options.trace?.(`← ${status} ${contentType || '-'} ${elapsedMs} ms\n  ${shownBody}`, { kind: 'response', status, contentType, elapsedMs, body: shownBody });

    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      const host = new URL(url).host;
      // JSON behind a byte-order mark: "not JSON" beside an excerpt that read as JSON (preview's trim took
      // the mark away) left nothing to go on. WeChat never sends one; a relay in between did.
      const bom = isJsonBehindBom(raw);
      throw new NetworkError(
        isBusyPage(raw) ? 'busy_page' : 'not_json',
        {
          key: bom ? 'http.notJson.bom' : 'http.notJson',
          params: { host, status, contentType: contentType || '-', preview: preview(this.shown(raw, 'text')) },
        },
        { mayHaveReachedServer: true, hint: this.notJsonHint(base, req, status, raw, bom), host, status, raw: this.shown(raw, 'text') },
      );
    }
    const odd = oddErrcode(data);
    if (odd) throw this.unexpected(url, req.path, [odd], raw, undefined, status);
    const err = readErrorBody(data);
    if (err) {
      // errmsg and the body are shown in the report (and by --raw): an errmsg may quote the request.
      const origin = new URL(url).origin;
      throw new WechatApiError({
        ...err,
        errmsg: this.shown(err.errmsg, 'text'),
        endpoint: req.path,
        raw: this.shown(raw, 'text'),
        httpStatus: status,
        // WeChat's own host by its name, whatever the scheme or port written.
        ...(isWechatApiBase(origin) ? {} : { origin }),
      });
    }
    if (status >= 400) {
      const host = new URL(url).host;
      throw new NetworkError(
        'http_status',
        { key: 'http.status', params: { host, status, preview: preview(this.shown(raw, 'text')) } },
        { mayHaveReachedServer: true, hint: this.statusHint(base, req, status), host, status, raw: this.shown(raw, 'text') },
      );
    }
    let value = data as T;
    if (narrow) {
      const narrowed = narrow(data);
      if (!narrowed.ok) throw this.unexpected(url, req.path, narrowed.problems, raw, data, status);
      value = narrowed.value;
    }
    // Tokens WeChat just handed out are secrets from now on (a later trace or error may quote them).
    this.secrets.addFields(value);
    return { status, contentType, raw, data: value, elapsedMs, request: sent, base };
  }
}

/**
 * The problems of an answer as the message's parameter, each said in the user's language from its data
 * (core/responses.ts ShapeProblem): the fields that are missing (the common case, a gateway that drops
 * openid) together where the first of them was, the others in the order core found them.
 */
function problemsParam(problems: readonly ShapeProblem[]): ParamValue {
  const missing = problems.flatMap((p) => (p.kind === 'missing' ? [p.field] : []));
  const said: NestedMessage[] = [];
  for (const p of problems) {
    if (p.kind !== 'missing') said.push(problemRef(p));
    else if (p.field === missing[0]) said.push({ key: missing.length === 1 ? 'http.unexpected.missing.one' : 'http.unexpected.missing.many', params: { fields: missing } });
  }
  // One after another, as the language separates them (`a; b` / `a；b`).
  return said.reduceRight<NestedMessage | undefined>((more, problem) => (more ? { key: 'http.unexpected.and', params: { problem, more } } : problem), undefined);
}

function problemRef(p: Exclude<ShapeProblem, { kind: 'missing' }>): NestedMessage {
  switch (p.kind) {
    case 'not_object':
      return { key: 'http.unexpected.notObject' };
    case 'type':
      return { key: 'http.unexpected.type', params: { field: p.field, expected: kindRef(p.expected), found: kindRef(p.found) } };
    case 'lifetime':
      return { key: 'http.unexpected.lifetime', params: { field: p.field, value: p.value, max: p.max } };
    case 'item':
      return { key: 'http.unexpected.item', params: { field: p.field, index: p.index, found: kindRef(p.found), items: { key: `http.unexpected.items.${p.items}` } } };
    case 'not_ip':
      return { key: 'http.unexpected.notIp', params: { field: p.field, index: p.index } };
    case 'errcode':
      return { key: 'http.unexpected.errcode', params: { value: p.value } };
    case 'alphabet':
      return { key: 'http.unexpected.alphabet', params: { field: p.field, position: p.position, char: charName(p.char) } };
  }
}

/** One character as a problem names it: a visible ASCII one in quotes ('.'), any other by its code point (U+001B). */
function charName(char: string): string {
  return /^[!-~]$/.test(char) ? `'${char}'` : codePointName(char);
}

const kindRef = (kind: Expected | ValueKind): NestedMessage => ({ key: `http.unexpected.kind.${kind}` });

/**
 * `dispatcher`, calling `started` when undici puts the request on a connected socket (onRequestStart:
 * the TCP connect, TLS handshake and any proxy tunnel done; the request is written right after, unless
 * its signal aborted by then, when undici drops it unwritten). Each request gets its own call, a reused
 * keep-alive connection included; a connection that fails or is still being made never calls it.
 */
function onWrite(dispatcher: Dispatcher, started: () => void): Dispatcher {
  return dispatcher.compose((dispatch) => (opts, handler) =>
    dispatch(opts, {
      onRequestStart(controller, context) {
        started();
        handler.onRequestStart?.(controller, context);
      },
      onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart: (controller, statusCode, headers, statusMessage) => handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    }),
  );
}


/** The body on one line, cut at 120 characters. A byte-order mark is kept (JS's \s and trim() count it as a blank), for the sanitiser to show. */
function preview(text: string): string {
  const oneLine = text.replace(/[^\S\ufeff]+/g, ' ').replace(/^ | $/g, '');
  return oneLine.length > 120 ? oneLine.slice(0, 120) + '…' : oneLine || '(empty)';
}

/** `got.bytes`: how much of the body has come, kept as it comes (said when the body stalls). */
async function readCapped(body: AsyncIterable<Uint8Array> & { destroy?: (e?: Error) => void }, url: string, status: number, got: { bytes: number }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    got.bytes = size;
    if (size > MAX_BODY_BYTES) {
      body.destroy?.();
      throw new NetworkError(
        'too_large',
        { key: 'http.tooLarge', params: { host: new URL(url).host, limit: '1 MiB' } },
        { mayHaveReachedServer: true, hint: { key: 'http.tooLarge.hint' }, host: new URL(url).host, status },
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An error and its causes, at most five deep: undici wraps socket and parser errors in its own. */
function causeChain(error: unknown): Array<Record<string, unknown>> {
  const chain: Array<Record<string, unknown>> = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    chain.push(e as Record<string, unknown>);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

/** Every `code` (and the name) along an error's cause chain: undici wraps socket errors. */
function errorCodes(error: unknown): string[] {
  return causeChain(error).flatMap(({ code, name }) => [code, name].filter((c): c is string => typeof c === 'string'));
}

/**
 * The code to name an answer that is not HTTP by: llhttp's HPE_* when undici passed it on, else the
 * error's name (HTTPParserError); undici's own codes for a header block over its limit and a body
 * shorter or longer than its Content-Length. Undefined for any other failure.
 */
function malformedCode(codes: string[]): string | undefined {
  const known = codes.find((c) => c.startsWith('HPE_') || c === 'UND_ERR_HEADERS_OVERFLOW' || c === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH');
  if (known !== undefined) return known;
  return codes.includes('HTTPParserError') ? 'HTTPParserError' : undefined;
}

/** Whether the connection closed before a byte came back (undici's SocketError notes the socket's counts). */
function nothingRead(error: unknown): boolean {
  const socket = causeChain(error)
    .map((e) => e.socket as { bytesRead?: unknown } | undefined)
    .find((s) => s !== undefined && s !== null && typeof s.bytesRead === 'number');
  return socket !== undefined && socket.bytesRead === 0;
}

/** The bytes undici's HTTP parser choked on (HTTPParserError's data), along the cause chain. */
function parserData(error: unknown): string | undefined {
  return causeChain(error).map((e) => e.data).find((d): d is string => typeof d === 'string');
}

/** Every `address`/`hostname` and `port` along an error's cause chain (what a socket error names). */
function errorEndpoints(error: unknown): Array<{ host?: string; port?: string }> {
  return causeChain(error).flatMap(({ address, hostname, port }) => {
    const host = typeof address === 'string' ? address : typeof hostname === 'string' ? hostname : undefined;
    return host === undefined ? [] : [{ host, port: port === undefined ? undefined : String(port) }];
  });
}

/** undici's words when the proxy answers CONNECT with anything but 200. */
const TUNNEL_RE = /Proxy response \((\d{3})\) !== 200 when HTTP Tunneling/;

export interface ProxyInUse {
  /** The proxy URL as it may be shown: its password (or a lone user name, often a token) masked. */
  shown: string;
  /** The variable it came from. */
  variable: 'HTTPS_PROXY' | 'HTTP_PROXY';
  hostname: string;
  port: string;
}

/** The proxy undici's EnvHttpProxyAgent sends `url` through (proxyRoute: NO_PROXY included), if any. */
export function proxyFor(url: string, proxy: ProxySettings | undefined): ProxyInUse | undefined {
  if (!proxy) return undefined;
  const route = proxyRoute(new URL(url), proxy);
  if (route.via !== 'proxy') return undefined;
  const { proxy: value, variable } = route;
  try {
    const u = new URL(value);
    const port = portOf(u);
    return { shown: hideUrlCredentials(value), variable, hostname: u.hostname.replace(/^\[|\]$/g, ''), port };
  } catch {
    return { shown: hideUrlCredentials(value), variable, hostname: '', port: '' };
  }
}

/** Where an API base came from, as the hints' {where} says it. */
export function baseWhere(origin: ApiBaseOrigin | 'backup' | undefined): MessageRef {
  if (origin === undefined) return messageRef('http.base.unknown');
  if (origin === 'backup') return messageRef('http.base.backup');
  switch (origin.from) {
    case 'flag':
      return messageRef('http.base.flag', { name: origin.name });
    case 'env':
      return messageRef('http.base.env', { name: origin.name });
    case 'profile':
      return messageRef('http.base.profile', { name: origin.name, profile: origin.profile });
    case 'default':
      return messageRef('http.base.default');
  }
}

/**
 * The advice after a request that went out and got no answer (the connection cut, or no answer in
 * time): what the call may have done decides it (core/endpoints.ts cutCall); a call safe to repeat was
 * resent once already, or may be sent again. `timeoutMs`: it timed out, so WeChat may only be slow.
 */
function lostAnswerHint(req: ApiRequest, resent: boolean, profile: string | undefined, timeoutMs?: number): MessageRef {
  const p = profileFlag(profile ?? 'default');
  const slow: ParamValue = timeoutMs === undefined ? '' : { key: 'http.timeout.slow', params: { timeout: timeoutMs } };
  switch (cutCall(req.path, req.idempotent)) {
    case 'safe':
      if (timeoutMs !== undefined) return messageRef('http.timeout.hint');
      return messageRef(resent ? 'http.reset.hint.retried' : 'http.reset.hint.safe');
    case 'code':
      return messageRef('http.reset.hint.code', { slow });
    case 'legacy-token':
      return messageRef('http.reset.hint.legacyToken', { p, slow });
    case 'forced-token':
      return messageRef('http.reset.hint.forcedToken', { p, slow });
    case 'counted':
      return messageRef('http.reset.hint.counted', { slow });
    case 'unsafe':
      return messageRef('http.reset.hint.unsafe', { slow });
  }
}

function toNetworkError(
  error: unknown,
  url: string,
  options: ClientOptions,
  timedOut: boolean,
  mask: (text: string) => string,
  call: {
    req: ApiRequest;
    resent: boolean;
    speaksTls?: boolean;
    written: boolean;
    anyWritten: boolean;
    base: string;
    where: MessageRef;
    /** The status line and headers had come (with this status), and `bytes` of the body, when it failed. */
    answered?: { status: number; bytes: number };
  },
): Error {
  // Ctrl-C: whether any attempt of the call had its request written by then (a code exchange cancelled
  // during the connect or TLS handshake left its code unused).
  if (options.signal?.aborted && !timedOut) return new CancelledError({ cause: error, unsent: !call.anyWritten });
  const target = new URL(url);
  const host = target.host;
  const codes = errorCodes(error);
  const has = (...names: string[]) => names.some((n) => codes.includes(n));
  const code = codes[0] ?? 'UNKNOWN';
  const detail = mask(error instanceof Error ? error.message : String(error));

  // A proxy between us and WeChat failed: name it (and where it was configured) instead of undici's words.
  const proxy = proxyFor(url, options.proxy);
  const viaProxy = { proxy: proxy?.shown ?? '-', variable: proxy?.variable ?? 'HTTPS_PROXY / HTTP_PROXY', host, hostname: target.hostname };
  const tunnel = TUNNEL_RE.exec(detail);
  if (tunnel) {
    const params = { ...viaProxy, status: tunnel[1] };
    // CONNECT was refused, so the request itself never left: safe to retry and to fall back.
    return new NetworkError('other', { key: 'http.proxy.tunnel', params }, { mayHaveReachedServer: false, cause: error, hint: { key: 'http.proxy.tunnel.hint', params }, host });
  }

  // The proxy took the connection and opened no tunnel (proxy-agent.ts): it hung up on the CONNECT or
  // never answered it. Nothing was sent, so the call is safe to resend.
  if (has(PROXY_CONNECTION_CODE)) {
    const hint = messageRef('http.proxy.noTunnel.hint', viaProxy);
    const failedProxy = proxy ? { failedProxy: proxy.shown } : {};
    if (has('UND_ERR_HEADERS_TIMEOUT')) {
      return new NetworkError('timeout', messageRef('http.proxy.noTunnel.timeout', { ...viaProxy, timeout: options.timeoutMs }), { mayHaveReachedServer: false, cause: error, hint, host, ...failedProxy });
    }
    const cut = codes.find((c) => PROXY_CUT_CODES.has(c)) ?? code;
    return new NetworkError('reset', messageRef('http.proxy.noTunnel', { ...viaProxy, code: cut }), { mayHaveReachedServer: false, cause: error, hint, host, ...failedProxy });
  }

  let failure: NetworkFailure = 'other';
  let reached = true;
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) {
    failure = 'timeout';
    reached = false;
  } else if (timedOut || has('UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'TimeoutError')) {
    failure = 'timeout';
  } else if (has('ECONNREFUSED')) {
    failure = 'refused';
    reached = false;
  } else if (has('EHOSTUNREACH', 'ENETUNREACH')) {
    // No route from this machine: nothing there refused anything, so "is a server running?" is the wrong question.
    failure = 'unreachable';
    reached = false;
  } else if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) {
    failure = 'dns';
    reached = false;
  } else if (codes.some((c) => /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(c))) {
    failure = 'tls';
    reached = false;
  } else if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED')) {
    failure = 'reset';
  }
  // The request was never put on a connection: the connection (or its TLS handshake, or a proxy's
  // tunnel) failed before undici could write a byte of it, whatever came of it (a server that hung up
  // during the handshake, a socket error, the deadline while a SYN was unanswered). Nothing reached the
  // server, so a code in it is unused.
  if (!call.written) reached = false;
  // The status line and headers came, then the body did not end in time (a body trickled out, a
  // Content-Length larger than what was written, a gateway holding the rest): an answer began, so not
  // "no answer". Still a timeout for --json (error.network.status says an answer began), and for the
  // advice: the request reached the server, so what it may have done is said as for any late answer.
  if (failure === 'timeout' && call.answered !== undefined) {
    const { status, bytes } = call.answered;
    // Not a ?: between message unions (TS2590).
    let stalledHint: MessageRef = lostAnswerHint(call.req, call.resent, options.profile, options.timeoutMs);
    if (cutCall(call.req.path, call.req.idempotent) === 'safe') stalledHint = messageRef('http.timeout.bodyStalled.hint', { base: call.base, where: call.where, timeout: options.timeoutMs });
    return new NetworkError('timeout', messageRef('http.timeout.bodyStalled', { host, status, bytes, timeout: options.timeoutMs }), {
      mayHaveReachedServer: true,
      cause: error,
      hint: stalledHint,
      host,
      status,
    });
  }
  const proxyDown =
    proxy !== undefined &&
    !reached &&
    errorEndpoints(error).some((e) => e.host === proxy.hostname && (e.port === undefined || e.port === proxy.port));
  if (proxyDown) {
    const params = { proxy: proxy.shown, variable: proxy.variable, host, hostname: target.hostname, code };
    return new NetworkError(failure, { key: 'http.proxy.unreachable', params }, { mayHaveReachedServer: false, failedProxy: proxy.shown, cause: error, hint: { key: 'http.proxy.unreachable.hint', params }, host });
  }
  // An https port spoken to in plain HTTP: it hung up at once (a TLS handshake then succeeded there), or
  // answered with a TLS record. Nothing was done with the request; the fix is the scheme, so no retry.
  const tlsAnswer = malformedCode(codes) !== undefined && answeredTls(parserData(error)) ? malformedCode(codes) : undefined;
  if (target.protocol === 'http:' && !proxy && (call.speaksTls === true || tlsAnswer !== undefined)) {
    // A TLS server reads no plain request: the call was never made (a code sent in it is still unused).
    return new NetworkError('other', messageRef('http.tls.expected', { host, code: tlsAnswer ?? code }), {
      mayHaveReachedServer: false,
      sameOnRetry: true,
      cause: error,
      host,
      hint: messageRef('http.tls.expected.hint', { host, https: httpsOf(call.base), where: call.where }),
    });
  }
  // One params object for the whole family of http.<failure> texts; each uses the ones it needs.
  let hint: MessageRef;
  if (failure === 'reset' && reached) hint = lostAnswerHint(call.req, call.resent, options.profile);
  else if (failure === 'reset') hint = messageRef('http.reset.unsent.hint', { check: messageRef('http.reset.unsent.check', { base: call.base, where: call.where }) });
  // Timed out after the request went out: a token call may have issued a token all the same.
  else if (failure === 'timeout' && reached) hint = lostAnswerHint(call.req, call.resent, options.profile, options.timeoutMs);
  // An https:// base on a server that speaks plain HTTP (an emulator, a local gateway): not a
  // certificate, clock or CA matter. Never said of WeChat's own hosts: there it is something in between.
  else if (failure === 'tls' && target.protocol === 'https:' && !isWechatApiBase(url) && [...codes, detail].some(answeredPlainHttp))
    hint = messageRef('http.tls.plain.hint', { host, http: plainHttpOf(call.base), where: call.where });
  // WeChat's own host name is not misspelt: its lookup failing is this machine's network or DNS.
  else if (failure === 'dns' && isWechatApiBase(url)) hint = messageRef('http.dns.hint.wechat', { hostname: target.hostname });
  else hint = messageRef(`http.${failure}.hint`, { host, hostname: target.hostname, code, timeout: options.timeoutMs, base: call.base, where: call.where });
  // Something answered, but not in HTTP undici can read (another service on the port, an https port
  // spoken to in http, a broken header): said in the user's words with llhttp's code, never undici's
  // English message, whose reason is llhttp's own prose (undici 7 gives its HTTPParserError no code).
  const malformed = failure === 'other' ? malformedCode(codes) : undefined;
  if (malformed !== undefined) {
    return new NetworkError('other', messageRef('http.malformed', { host, code: malformed }), {
      mayHaveReachedServer: true,
      cause: error,
      hint: messageRef('http.malformed.hint', { base: call.base, where: call.where }),
      host,
    });
  }
  // A connection cut before the request was written says so (not a ?: between message unions: TS2590).
  let message: MessageRef = messageRef(`http.${failure}`, { host, code, detail, timeout: options.timeoutMs });
  if (failure === 'reset' && !reached) message = messageRef('http.reset.unsent', { host, code });
  return new NetworkError(
    failure,
    message,
    // A certificate or handshake refused (failure 'tls', http.tls.plain.hint among them) is refused again
    // the same way a second later: said at once, not after a retry. A handshake that timed out may not be.
    { mayHaveReachedServer: reached, cause: error, hint, host, sameOnRetry: failure === 'tls' && !codes.some((c) => /TIMEOUT/i.test(c)) },
  );
}

export function toCurl(req: SentRequest): string {
  const parts = ['curl', '-sS'];
  if (req.method !== 'GET') parts.push('-X', req.method);
  if (req.body !== undefined) parts.push('-H', shellQuote('Content-Type: application/json'), '--data', shellQuote(req.body));
  parts.push(shellQuote(req.url));
  return parts.join(' ');
}

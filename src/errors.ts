import { stripErrmsgSuffix } from './core/errmsg.js';

// One error hierarchy for the whole CLI. Commands and helpers throw; only src/app.ts (reportError)
// turns an error into an exit code, which src/main.ts hands to the process. Messages are catalogue keys (src/ui/messages) plus parameters, so the language is
// chosen once, at the edge, and code below the UI never needs to know it.

export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  wechat: 3,
  config: 4,
  network: 5,
  callback: 6,
  internal: 70,
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

import type { MessageKey, NestedMessage, ParamsOf, ParamValue } from './ui/messages/index.js';

/** Every catalogue key (the catalogue is data in ui/messages; layers below ui may name its keys). */
export type { MessageKey };

/** A value is shown as it is, or (a nested message) rendered in the same language as the sentence. */
export type MessageParams = Record<string, ParamValue>;
export type { NestedMessage, ParamValue };

/** A catalogue key with its parameters; rendered by ui/i18n in the user's language. */
/**
 * A reference whose key the compiler checks but whose params it cannot: for keys chosen at run time
 * (an outcome, an errcode, a finding id) whose params are shared by the whole set. Prefer a literal
 * `{ key, params }`, which is checked in full.
 */
export function messageRef(key: MessageKey, params?: MessageParams): MessageRef {
  return { key, params } as MessageRef;
}

/**
 * A catalogue key with exactly the parameters its text uses; rendered by ui/i18n in the user's language.
 * A union over every key, so `{ key: 'url.refused', params: {…} }` is checked against that key's text.
 */
export type MessageRef = {
  [K in MessageKey]: keyof ParamsOf<K> extends never ? { key: K; params?: Record<string, never> } : { key: K; params: ParamsOf<K> };
}[MessageKey];

export interface WxauthErrorOptions {
  hint?: MessageRef;
  /** Further reasons of the same failure, said after its message and before the hint (url's "Also: …"). */
  also?: readonly MessageRef[];
  /** Facts that may explain the failure without being one (a cached token sent elsewhere than its issuer): said as notes. */
  notes?: readonly MessageRef[];
  cause?: unknown;
}

export class WxauthError extends Error {
  readonly exitCode: ExitCode = EXIT.internal;
  /** Stable, machine-readable name used in --json output (`error.code`). */
  readonly code: string = 'internal';
  /** Read as a plain key/params pair (the constructor took a checked MessageRef). */
  readonly messageRef: MessageRef & { readonly params?: MessageParams };
  readonly hint?: MessageRef & { readonly params?: MessageParams };
  /** Further reasons; a flow that learns one after the error was made may add it (withAlso). */
  readonly also: MessageRef[];
  /** Notes on the failure, not further failures; a flow that learns one after the error was made may add it. */
  readonly notes: MessageRef[];

  constructor(message: MessageRef, options: WxauthErrorOptions = {}) {
    super(message.key, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.messageRef = message;
    this.hint = options.hint;
    this.also = [...(options.also ?? [])];
    this.notes = [...(options.notes ?? [])];
  }
}

/** Bad or missing arguments (exit 2). */
export class UsageError extends WxauthError {
  override readonly exitCode = EXIT.usage;
  override readonly code: string = 'usage';
}

/** Config or credentials missing or invalid; also config/token files that do not parse (exit 4). */
export class ConfigError extends WxauthError {
  override readonly exitCode = EXIT.config;
  override readonly code: string = 'config';
}

export interface WechatApiErrorDetails {
  errcode: number;
  errmsg: string;
  rid?: string;
  /** Path of the WeChat endpoint that answered, e.g. `/sns/oauth2/access_token`. */
  endpoint: string;
  /** The body exactly as WeChat sent it. */
  raw: string;
  httpStatus?: number;
  /**
   * The origin that answered, when it is not one of WeChat's own API hosts (an emulator, a proxy, a
   * gateway): the headline names it, so an emulator's 40029 is not taken for WeChat's.
   */
  origin?: string;
}

/**
 * What wxauth knows for certain about a WeChat error, beyond the errcode. The error's hint says it in
 * words; --json carries these facts as `error.diagnosis`.
 * - code_exchanged_by_wxauth: the code sent to exchange is one wxauth itself exchanged before (its token
 *   cache keeps a digest of each code it exchanged, never the code).
 * - snapshot_user: /sns/userinfo's 48001 for a token whose exchange said is_snapshotuser=1 (a
 *   snapshot-page virtual user, API-FACTS §1.6), not a snsapi_base token.
 * - base_scope_token: /sns/userinfo's 48001 for a token wxauth knows was granted snsapi_base only.
 * - stable_token_rejected: a /cgi-bin call's 40001 for a token wxauth had just fetched with stable_token
 *   (`retried`: after the cached one was refused; `same_token`: stable_token handed that one back), so the
 *   generic advice to switch to stable_token does not apply.
 */
export type WechatDiagnosis =
  | {
      kind: 'code_exchanged_by_wxauth';
      /** ms since the epoch */
      exchangedAt: number;
      /** The appid, profile and openid of that exchange. */
      appid: string;
      profile: string;
      openid: string;
    }
  | { kind: 'snapshot_user'; openid: string }
  | { kind: 'base_scope_token'; openid: string }
  | { kind: 'stable_token_rejected'; retried: boolean; sameToken: boolean };

/** WeChat answered with errcode ≠ 0, whatever the HTTP status (exit 3). */
export class WechatApiError extends WxauthError {
  override readonly exitCode = EXIT.wechat;
  override readonly code: string = 'wechat';
  readonly errcode: number;
  readonly errmsg: string;
  readonly rid?: string;
  readonly endpoint: string;
  readonly raw: string;
  readonly httpStatus?: number;
  readonly origin?: string;
  readonly diagnosis?: WechatDiagnosis;

  constructor(details: WechatApiErrorDetails, options: WxauthErrorOptions & { diagnosis?: WechatDiagnosis } = {}) {
    // The headline carries errmsg without its rid suffix; the rid is shown on its own line.
    const params = { errcode: details.errcode, errmsg: stripErrmsgSuffix(details.errmsg), endpoint: details.endpoint };
    super(details.origin ? { key: 'wechat.error.at', params: { ...params, origin: details.origin } } : { key: 'wechat.error', params }, options);
    this.errcode = details.errcode;
    this.errmsg = details.errmsg;
    this.rid = details.rid;
    this.endpoint = details.endpoint;
    this.raw = details.raw;
    this.httpStatus = details.httpStatus;
    this.origin = details.origin;
    this.diagnosis = options.diagnosis;
  }
}

/**
 * The same WeChat error with `hint` as the next step (errcode, errmsg, rid and endpoint kept, the
 * original as `cause`): the layer that knows the situation adds the advice, the client that met the
 * error does not. No hint: the error itself.
 */
export function withHint(error: WechatApiError, hint: MessageRef | undefined, diagnosis?: WechatDiagnosis): WechatApiError {
  const kept = diagnosis ?? error.diagnosis;
  if (!hint && kept === error.diagnosis) return error;
  return new WechatApiError(
    {
      errcode: error.errcode,
      errmsg: error.errmsg,
      rid: error.rid,
      endpoint: error.endpoint,
      raw: error.raw,
      httpStatus: error.httpStatus,
      origin: error.origin,
    },
    { ...(hint ? { hint } : {}), cause: error, ...(kept ? { diagnosis: kept } : {}) },
  );
}

export type NetworkFailure =
  | 'dns'
  | 'refused'
  /** No route to the network or host (ENETUNREACH, EHOSTUNREACH): offline, a VPN or a firewall; nothing was sent. */
  | 'unreachable'
  | 'reset'
  | 'tls'
  | 'timeout'
  | 'http_status'
  /** Not JSON at all: a gateway's 502 page, an empty or cut body. */
  | 'not_json'
  /**
   * JSON, but not shaped as WeChat's docs say (openid missing, a field of the wrong type, an odd
   * errcode): nothing of it is used or cached. With issuedToken, it carried a token all the same.
   */
  | 'unexpected_shape'
  /** Not JSON but a page saying busy (系统繁忙): a moment's overload, retried like -1 on a call safe to repeat. */
  | 'busy_page'
  | 'too_large'
  | 'other';

/** DNS, refused, reset, TLS, timeout, or an answer that is not WeChat JSON (exit 5). */
export class NetworkError extends WxauthError {
  override readonly exitCode = EXIT.network;
  override readonly code: string = 'network';
  readonly failure: NetworkFailure;
  /** Whether the request may have reached the server (decides whether a retry is safe). */
  readonly mayHaveReachedServer: boolean;
  /**
   * The forward proxy (HTTP(S)_PROXY, as shown) that failed the call before anything was sent, whatever
   * the host: it could not be reached, or it opened no tunnel (hung up on the CONNECT, or never answered it).
   */
  readonly failedProxy?: string;
  /**
   * Sending again would meet the same answer: the base's scheme is wrong for the port (http:// on a TLS
   * port, https:// on a plain one). The client does not retry it, though nothing reached the server.
   */
  readonly sameOnRetry: boolean;
  /**
   * The answer, though not one wxauth can use (JSON not shaped as WeChat's: openid missing), carried an
   * access_token: the server did issue a token, so a code sent for it is spent.
   */
  readonly issuedToken: boolean;
  /** The host (and port, when not the scheme's) the call went to, as a URL's `host` writes it. */
  readonly host?: string;
  /** The HTTP status of an answer that came but was not WeChat's JSON (a 502 page, a 404). */
  readonly status?: number;
  /**
   * That answer's body as it came (known secrets masked unless --show-secrets), for --raw. Not for a body
   * cut at the size limit: that one is not the body as it came.
   */
  readonly raw?: string;

  constructor(
    failure: NetworkFailure,
    message: MessageRef,
    options: WxauthErrorOptions & {
      mayHaveReachedServer: boolean;
      failedProxy?: string;
      sameOnRetry?: boolean;
      host?: string;
      status?: number;
      issuedToken?: boolean;
      raw?: string;
    },
  ) {
    super(message, options);
    this.failure = failure;
    this.mayHaveReachedServer = options.mayHaveReachedServer;
    this.sameOnRetry = options.sameOnRetry === true;
    // A flow that says the same failure with its own advice (a new NetworkError, the client's as `cause`)
    // keeps the facts of the call: --json's error.network and --raw read them from the error thrown.
    const from = options.cause instanceof NetworkError ? options.cause : undefined;
    this.issuedToken = (options.issuedToken ?? from?.issuedToken) === true;
    const failedProxy = options.failedProxy ?? from?.failedProxy;
    const host = options.host ?? from?.host;
    const status = options.status ?? from?.status;
    const raw = options.raw ?? from?.raw;
    if (failedProxy !== undefined) this.failedProxy = failedProxy;
    if (host !== undefined) this.host = host;
    if (status !== undefined) this.status = status;
    if (raw !== undefined) this.raw = raw;
  }
}

export type CallbackFailure = 'denied' | 'state_mismatch' | 'timeout';

/** The OAuth callback did not deliver a usable code (exit 6). */
export class CallbackError extends WxauthError {
  override readonly exitCode = EXIT.callback;
  override readonly code: string = 'callback';
  readonly failure: CallbackFailure;

  constructor(failure: CallbackFailure, message: MessageRef, options: WxauthErrorOptions = {}) {
    super(message, options);
    this.failure = failure;
  }
}

/** The user pressed Ctrl-C or aborted a prompt (exit 130). */
export class CancelledError extends WxauthError {
  override readonly exitCode = EXIT.cancelled;
  override readonly code: string = 'cancelled';
  /**
   * Set by the HTTP client: the cancel came before the request was written (during the connect, the TLS
   * handshake or a proxy's tunnel), so nothing of it reached the server. False when it may have.
   */
  readonly unsent?: boolean;
  constructor(options: WxauthErrorOptions & { unsent?: boolean } = {}) {
    super({ key: 'common.cancelled' }, options);
    if (options.unsent !== undefined) this.unsent = options.unsent;
  }
}

/** A bug in wxauth (exit 70). */
export class InternalError extends WxauthError {
  override readonly exitCode = EXIT.internal;
  override readonly code: string = 'internal';
}

export function isWxauthError(error: unknown): error is WxauthError {
  return error instanceof WxauthError;
}

/**
 * The OS error codes wxauth says in words (`common.os.<code>` in the catalogue). Node's own text for
 * them is English whatever the user's language, and names the file it tried — for a write, an internal
 * temporary or lock file the user never made.
 */
const OS_CODES = new Set([
  'ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EDQUOT', 'EEXIST', 'EMFILE', 'ENFILE',
  'ELOOP', 'ENAMETOOLONG', 'EBUSY', 'EIO', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ETIMEOUT',
  'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRINUSE', 'EADDRNOTAVAIL', 'ENODATA',
]);

/** The error's `code` (`ENOENT`…) when it has one. */
export function osErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * Why an OS call failed, as a message to put in another message's parameter (rendered in the same
 * language, ui/i18n.ts): 「没有读取权限（EACCES）」 / "permission denied (EACCES)". The code stays in
 * brackets, for searching. `access` says which permission was missing, when the caller knows.
 * An error that is only a code (doctor's facts) may be passed as `{ code }`. A code wxauth has no words
 * for falls back to Node's description, without the path Node appends (it may be a temporary file's).
 */
export function osReason(error: unknown, access?: 'read' | 'write'): MessageRef {
  const code = osErrorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return { key: access ? `common.os.denied.${access}` : 'common.os.denied', params: { code } };
  if (code === 'ENFILE') return { key: 'common.os.EMFILE', params: { code } };
  if (code === 'ETIMEOUT') return { key: 'common.os.ETIMEDOUT', params: { code } };
  if (code !== undefined && OS_CODES.has(code)) return messageRef(`common.os.${code}` as MessageKey, { code });
  const given = (error as { message?: unknown } | null | undefined)?.message;
  const message = typeof given === 'string' ? given : typeof error === 'object' && error !== null ? '' : String(error ?? '');
  // Node's form is `CODE: description, syscall 'path'`: keep the description.
  const detail = message.replace(/^[A-Z][A-Z0-9_]+: /, '').replace(/, \w+ '.*'( -> '.*')?$/, '').trim();
  if (code === undefined || !detail || detail === code) return { key: 'common.os.other.nocode', params: { detail: code ?? (detail || message) } };
  return { key: 'common.os.other', params: { detail, code } };
}

/**
 * Why an address could not be listened on, as a parameter of a message: osReason's words, and for
 * EINVAL (Linux's answer for a link-local IPv6 address without its interface, fe80::1) what it means
 * there, instead of Node's English "listen EINVAL: invalid argument". `host` is the address as given.
 */
export function bindReason(error: unknown, host?: string): MessageRef {
  const code = osErrorCode(error);
  if (code === 'EINVAL') return { key: host !== undefined && /^\[?fe[89ab][0-9a-f]:/i.test(host) ? 'common.os.bind.EINVAL.linkLocal' : 'common.os.bind.EINVAL', params: { code } };
  return osReason(error);
}

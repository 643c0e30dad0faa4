// The user-token half of the flow as library functions: code → token, refresh, check, userinfo (with
// one automatic refresh), each saving what it learns to the token cache. Shared by the exchange /
// refresh / check / userinfo commands and by `login` and `demo`. Knows nothing of the terminal: the
// results carry everything a presenter needs, and errors carry the next step as a hint.
import { createHash } from 'node:crypto';
import { CancelledError, ConfigError, NetworkError, UsageError, WechatApiError, WxauthError, messageRef, withHint, type MessageRef, type WechatDiagnosis } from '../errors.js';
import {
  TOKEN_EXPIRED_ERRCODES,
  canRefresh,
  exchangeDeadlines,
  noUnionidReason,
  refreshDeadlineAfterRefresh,
  refreshOutcome,
  grantsUserinfo,
  splitScopes,
  tokenArgsMistake,
  codeAsTokenArg,
  quotedInput,
  toSnsToken,
  toSnsUserinfo,
  tokenStatus,
  userinfoNotes,
  grantOf,
  type Grant,
  type NoUnionidReason,
  type RefreshOutcome,
  type SnsToken,
  type SnsUserinfo,
  type UserinfoNote,
} from '../core/token.js';
import { authorizeAgain, nextStep, type EnvCredentials, type UserTokenSituation } from '../core/next-step.js';
import { profileFlag } from '../core/validate.js';
import { DEFAULT_API_BASE, isWechatApiBase, tokenHostOf } from '../core/endpoints.js';
import { sameOrigin } from '../core/host-names.js';
import type { ApiResponse } from '../http/client.js';
import type { SnsAccessTokenResponse, SnsAuthResponse, SnsUserinfoResponse, UserinfoLang, WechatApi } from '../http/api.js';
import type { SpentCodeLoss, TokenStore, UserTokenEntry } from '../store/token-cache.js';
import type { StateUser } from '../store/state.js';
import { unwritableError } from '../store/files.js';
import { noCachedUser } from './no-cached-user.js';

export interface UserTokenDeps {
  api: WechatApi;
  /** The token cache; undefined = neither read nor write it. */
  tokens?: TokenStore;
  /** The profile the cache entries belong to. */
  profile: string;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Which credentials came from WXAUTH_APPID / WXAUTH_SECRET, for the advice when WeChat refuses one. */
  fromEnv?: EnvCredentials;
  /** The profile's redirect_uri: the advice says `wxauth login` only where login can catch the callback. */
  redirectUri?: string;
  /**
   * A token argument of a code's shape (32 letters and digits) is sent, not refused: the API base is neither
   * WeChat's nor the emulator (a mock, a gateway), whose tokens may have that shape (sendsCodeShaped).
   * The callback-URL and URL refusals stay.
   */
  sendCodeShaped?: boolean;
}

/**
 * What wxauth knows for certain about userinfo's 48001 from the cached token: a snapshot-page virtual
 * user (the exchange said is_snapshotuser=1), or a token granted neither snsapi_userinfo nor
 * snsapi_login. The generic causes would only contradict or blur the hint that says so.
 */
function snapshotDiagnosis(error: unknown, entry: { isSnapshotUser?: boolean; openid: string; scope?: string } | undefined): WechatDiagnosis | undefined {
  if (!(error instanceof WechatApiError) || error.errcode !== 48001 || !entry) return undefined;
  if (entry.isSnapshotUser === true) return { kind: 'snapshot_user', openid: entry.openid };
  if (entry.scope !== undefined && !grantsUserinfo(splitScopes(entry.scope))) return { kind: 'base_scope_token', openid: entry.openid };
  return undefined;
}

/**
 * Rethrow a WeChat error with the next step for this call (main.ts adds the errcode knowledge base), and
 * what wxauth knows for certain about it, if anything.
 */
function advised(error: unknown, situation: UserTokenSituation, diagnosis?: WechatDiagnosis): unknown {
  return error instanceof WechatApiError ? withHint(error, nextStep(error.errcode, situation), diagnosis) : error;
}

/**
 * How a code exchange that may have reached the server failed: no answer (timed out; reset or cut), an
 * answer that is not WeChat's (a gateway's 502 page, a busy page, an empty or malformed body, an HTTP
 * error), or one that carried a token but not WeChat's whole answer (openid missing: the code is spent).
 * Any of them may have spent the code: a gateway forwards it to WeChat before it answers with its page.
 */
function lostAnswer(error: unknown): SpentCodeLoss | undefined {
  if (!(error instanceof NetworkError) || !error.mayHaveReachedServer) return undefined;
  if (error.failure === 'timeout') return 'timeout';
  if (error.issuedToken) return 'tokens';
  // 'other': an answer undici could not read as HTTP (http.malformed), else a failure with no answer.
  if (error.failure === 'reset' || (error.failure === 'other' && error.messageRef.key !== 'http.malformed')) return 'reset';
  return 'answer';
}

/**
 * A code exchange whose answer was lost: the request went out, so WeChat may have spent the code. The
 * advice says so and what to do (try the same code once: 40163 means it was spent), instead of only
 * "allow more time" or "try again later". The request was never resent (the client does not retry it).
 * Tokens in an answer wxauth could not use: the code is spent for certain, so the advice is a new one.
 */
function lostExchange(error: unknown, profile: string, redirectUri: string | undefined): unknown {
  const lost = lostAnswer(error);
  if (!(error instanceof NetworkError) || lost === undefined) return error;
  const hint = lostExchangeHint(error, lost, profileFlag(profile), authorizeAgain(profile, redirectUri));
  return new NetworkError(error.failure, error.messageRef, { mayHaveReachedServer: true, cause: error, hint });
}

/** The advice of lostExchange (returns, not a chain of ?: between message unions: TS2590). */
function lostExchangeHint(error: NetworkError, lost: SpentCodeLoss, p: string, login: MessageRef): MessageRef {
  // The status came and then the body stalled (http/client.ts): not "no answer came".
  if (lost === 'timeout' && error.status !== undefined) return { key: 'tokens.exchange.maybeSpent.stalled.hint', params: { p, login, status: error.status, timeout: error.messageRef.params?.timeout } };
  if (lost === 'timeout') return { key: 'tokens.exchange.maybeSpent.timeout.hint', params: { p, login, timeout: error.messageRef.params?.timeout } };
  if (lost === 'tokens') return { key: 'tokens.exchange.spentUnusable.hint', params: { login } };
  if (lost === 'reset') return { key: 'tokens.exchange.maybeSpent.hint', params: { p, login } };
  if (error.hint) return messageRef('tokens.exchange.maybeSpent.answer.hint', { p, login, fix: error.hint });
  return messageRef('tokens.exchange.maybeSpent.answer.hint', { p, login, fix: messageRef('http.unexpected.hint') });
}

/**
 * A code exchange that never left this machine (refused, DNS, TLS, a proxy that could not be reached):
 * the code is unused, so the advice says so and how to exchange it once the base is fixed, instead of
 * letting a user who caught it through login or listen believe it lost.
 */
function unsentExchange(error: unknown, p: ExchangeParams): unknown {
  if (!(error instanceof NetworkError) || error.mayHaveReachedServer || !error.hint) return error;
  return new NetworkError(error.failure, error.messageRef, {
    mayHaveReachedServer: false,
    cause: error,
    hint: unsentHint(error, error.hint, p),
    sameOnRetry: error.sameOnRetry,
  });
}

/**
 * The advice after Ctrl-C during an exchange: before the request was written, the code is unused and
 * how to exchange it still; after, it may be spent (returns, not ?: between message unions: TS2590).
 */
function cancelHint(p: ExchangeParams, unsent: boolean): MessageRef {
  if (!unsent) return messageRef('tokens.exchange.cancelled.hint');
  if (!p.caught) return messageRef('tokens.exchange.cancelled.unsent.hint');
  return messageRef('tokens.exchange.cancelled.unsent.caught.hint', { p: profileFlag(p.profile), until: { localTime: p.caught.at + p.caught.lifetimeMs } });
}

/**
 * The advice of unsentExchange (returns, not ?: between message unions: TS2590). A cut TLS handshake's
 * error (http.reset.unsent) already says nothing left this machine: its hint does not say it again.
 */
function unsentHint(error: NetworkError, hint: MessageRef, p: ExchangeParams): MessageRef {
  const fix = withoutResend(hint);
  const said = error.messageRef.key === 'http.reset.unsent';
  if (!p.caught && said) return messageRef('http.exchange.unsent.said.hint', { fix });
  if (!p.caught) return messageRef('http.exchange.unsent.hint', { fix });
  const until = { localTime: p.caught.at + p.caught.lifetimeMs };
  if (said) return messageRef('http.exchange.unsent.caught.said.hint', { fix, p: profileFlag(p.profile), until });
  return messageRef('http.exchange.unsent.caught.hint', { fix, p: profileFlag(p.profile), until });
}

/**
 * The client's advice without its closing "the request is safe to send again" (a cut TLS handshake's):
 * the code sentence after it says the same for the code, and more.
 */
function withoutResend(hint: MessageRef): MessageRef {
  if (hint.key !== 'http.reset.unsent.hint') return hint;
  return hint.params.check as MessageRef;
}

// ---------------------------------------------------------------------------------------------
// exchange
// ---------------------------------------------------------------------------------------------

export interface ExchangeParams extends UserTokenDeps {
  appid: string;
  secret: string;
  code: string;
  /** Write the result to the cache (default true when `tokens` is given). */
  save?: boolean;
  /**
   * The remembered state whose callback brought this code (the command says which, and who it is): marked
   * used once WeChat has answered with tokens, the code being spent then, so an old tab of its link or the
   * address pasted again is refused. Never after a failed exchange: a retry must still work.
   */
  usesState?: { store: StateMarker; otherAccount: boolean; value: string; by: StateUser };
  /**
   * The code came from a callback this run caught (login, listen --exchange): when, and how long a code
   * lives (5 minutes, 10 for a website app's). An exchange that never left this machine then says until
   * when the code can still be exchanged, from the address the browser landed on.
   */
  caught?: { at: number; lifetimeMs: number };
}

/** Where a state is marked used (store/state.ts StateFiles; a narrow view, so tests can pass a plain object). */
export interface StateMarker {
  markUsed(profile: string, otherAccount: boolean, appid: string, value: string, by: StateUser, now: number): boolean;
}

export interface ExchangeResult {
  token: SnsToken;
  /** The cache entry (also built when not saved). */
  entry: UserTokenEntry;
  saved: boolean;
  /**
   * The save failed after WeChat answered: the code is spent, so these tokens exist only in this result.
   * The presenter prints them first, then this error, and the command exits with its code (4).
   */
  saveError?: WxauthError;
  /** Why the answer has no unionid (undefined when it has one). */
  noUnionid?: NoUnionidReason;
  /**
   * What the granted scope lets the token do (core/token.ts grantOf, of token.scopes): kept here for the
   * presenters, which import no core function, and acted on as it is by login.
   */
  grant: Grant;
  /**
   * A snsapi_base token replaced this user's cached snsapi_userinfo one that was still usable (the cache
   * keeps one token per user): `userinfo` now needs a new snsapi_userinfo authorization.
   */
  replacedUserinfo?: { accessTokenExpiresAt: number };
  /** When the request was sent: the deadlines count from here. */
  sentAt: number;
  response: ApiResponse<SnsAccessTokenResponse>;
}

/** GET /sns/oauth2/access_token, narrowed, saved. Never retried (a code is single-use). */
export async function exchangeCode(p: ExchangeParams): Promise<ExchangeResult> {
  const sentAt = p.now();
  let response: ApiResponse<SnsAccessTokenResponse>;
  try {
    response = await p.api.exchangeCode({ appid: p.appid, secret: p.secret, code: p.code });
  } catch (error) {
    // The request may have reached WeChat and spent the code, its tokens never received: Ctrl-C after it
    // was written (whether it got there the client cannot tell), no answer (timed out, cut), or an answer
    // that is not WeChat's (a gateway's error page after it forwarded the code). Remembered (openid
    // unknown), so the next try's 40163 names this run as one possible cause, not a doubled callback; and
    // a cancel is said now, as it otherwise is silent. Ctrl-C before the request was written (during the
    // connect or TLS handshake) sent nothing: the code is unused, so it is neither remembered nor said lost.
    const lost = lostAnswer(error);
    const cancelled = error instanceof CancelledError ? { unsent: error.unsent === true } : undefined;
    if ((cancelled && !cancelled.unsent) || lost) rememberSentCode(p, sentAt, lost);
    if (cancelled) throw new CancelledError({ hint: cancelHint(p, cancelled.unsent), cause: error, unsent: cancelled.unsent });
    const spent = error instanceof WechatApiError && (error.errcode === 40163 || error.errcode === 40029) ? spentByWxauth(p) : undefined;
    const situation: UserTokenSituation = { use: 'exchange', profile: p.profile, redirectUri: p.redirectUri, appid: p.appid, code: p.code, fromEnv: p.fromEnv, ...(spent ? { spentHere: spent } : {}) };
    // A code wxauth only may have sent (a cancelled run, openid '') is not a certainty: no diagnosis, so
    // the generic causes (a doubled callback…) stay beside the step that names that run.
    const diagnosis = spent && spent.openid !== '' ? ({ kind: 'code_exchanged_by_wxauth', exchangedAt: spent.at, appid: spent.appid, profile: spent.profile, openid: spent.openid } as const) : undefined;
    throw unsentExchange(lostExchange(advised(error, situation, diagnosis), p.profile, p.redirectUri), p);
  }
  // The client narrowed the body (a malformed one is a NetworkError, never cached).
  const token = toSnsToken(response.data);
  // Single use, once its code is spent: whatever becomes of the save below.
  if (p.usesState) p.usesState.store.markUsed(p.profile, p.usesState.otherAccount, p.appid, p.usesState.value, p.usesState.by, p.now());
  const deadlines = exchangeDeadlines(sentAt, token.expiresIn);
  const entry: UserTokenEntry = {
    appid: p.appid,
    openid: token.openid,
    ...(token.unionid ? { unionid: token.unionid } : {}),
    scope: token.scope,
    accessToken: token.accessToken,
    accessTokenExpiresAt: deadlines.accessTokenExpiresAt,
    ...(token.refreshToken ? { refreshToken: token.refreshToken, refreshTokenExpiresAt: deadlines.refreshTokenExpiresAt } : {}),
    obtainedAt: sentAt,
    ...(token.isSnapshotUser ? { isSnapshotUser: true } : {}),
    issuer: issuerOf(p.api),
  };
  const grant = grantOf(token.scopes);
  const save = p.save ?? true;
  let saveError: WxauthError | undefined;
  let replacedUserinfo: ExchangeResult['replacedUserinfo'];
  if (save && p.tokens) {
    // Never let a failed save swallow the tokens: the code behind them cannot be exchanged again.
    try {
      const before = p.tokens.getUser(p.profile, p.appid, token.openid);
      // Only a narrower grant (snsapi_base) is said to have replaced it: a scope none of WeChat's cannot be
      // told to be narrower (it is said as unexpected instead), and snsapi_login may read userinfo too.
      if (before && grant === 'base' && before.scope.split(',').includes('snsapi_userinfo') && before.accessTokenExpiresAt > sentAt) {
        replacedUserinfo = { accessTokenExpiresAt: before.accessTokenExpiresAt };
      }
      p.tokens.putUser(p.profile, entry, { digest: codeDigest(p.code), appid: p.appid, profile: p.profile, openid: token.openid, at: sentAt });
    } catch (error) {
      saveError = asStoreError(error, p.tokens.path);
    }
  }
  return {
    token,
    entry,
    saved: save && p.tokens !== undefined && saveError === undefined,
    ...(saveError ? { saveError } : {}),
    noUnionid: noUnionidReason(token),
    grant,
    ...(replacedUserinfo && saveError === undefined ? { replacedUserinfo } : {}),
    sentAt,
    response,
  };
}

/** Record a code whose exchange went out without an answer (see SpentCodeEntry); the cache is only a memory here. */
function rememberSentCode(p: ExchangeParams, at: number, lost: SpentCodeLoss | undefined): void {
  if (!p.tokens || p.save === false) return;
  try {
    p.tokens.recordSpentCode({ digest: codeDigest(p.code), appid: p.appid, profile: p.profile, openid: '', at, ...(lost ? { lost } : {}) });
  } catch {
    // What the user is told about is the cancel or the lost answer, not this.
  }
}

/**
 * What the token cache keeps of a code it exchanged: enough to recognise the same code again, not to
 * recover it (a code is a credential, so it is never written down). Not salted with the appid, so a
 * code exchanged under one appid is recognised when it is tried under another.
 */
export function codeDigest(code: string): string {
  return createHash('sha256').update(code).digest('hex').slice(0, 32);
}

/**
 * Whether wxauth itself exchanged this code before (40163, or 40029 where WeChat answers a reused code
 * so, API-FACTS §4 ⚠, or where the code belongs to another appid): then the advice says so instead of
 * guessing. An unreadable cache is no answer; the error is reported as it came.
 */
function spentByWxauth(p: ExchangeParams): UserTokenSituation['spentHere'] {
  if (!p.tokens) return undefined;
  try {
    return p.tokens.findSpentCode(codeDigest(p.code));
  } catch {
    return undefined;
  }
}

/** A store failure as a WxauthError (exit 4), whatever threw it: fs errors reach here raw at times. */
function asStoreError(error: unknown, file: string): WxauthError {
  if (error instanceof WxauthError) return error;
  return unwritableError(file, error);
}

/**
 * Before a code is sent: can its tokens be saved? A code is single-use (a second exchange is 40163), so
 * a cache that would refuse them — not our shape, read-only, a folder that takes no write, a lock held
 * by another live process — stops the command here, exit 4, with the code still unused (issue 13 item 1).
 */
export function checkTokensSavable(tokens: TokenStore, profile: string, before: 'exchange' | 'refresh' = 'exchange'): void {
  try {
    tokens.assertWritable(profile);
  } catch (error) {
    const refused = asStoreError(error, tokens.path);
    // A read-only cache before a code exchange: besides chmod, the exchange itself can leave it alone.
    // Before a refresh: nothing was sent, so the cached tokens are still the ones WeChat knows.
    if (refused instanceof ConfigError && refused.hint?.key === 'config.file.readOnly.tokens.hint') {
      const key = before === 'refresh' ? 'config.file.readOnly.tokens.refresh.hint' : 'config.file.readOnly.tokens.exchange.hint';
      throw new ConfigError(refused.messageRef, { hint: { key, params: refused.hint.params ?? {} }, cause: refused });
    }
    throw refused;
  }
}

// ---------------------------------------------------------------------------------------------
// Picking a cached token
// ---------------------------------------------------------------------------------------------

export interface PickedToken {
  accessToken: string;
  openid: string;
  /** The cache entry this token belongs to, when wxauth knows it. */
  entry?: UserTokenEntry;
  source: 'cache' | 'args';
  /** An access_token given with another openid than the one the cache holds it for: that user's openid. */
  owner?: string;
}

/**
 * The access_token + openid to use: the arguments when given (looked up in the cache for what wxauth
 * knows about them), else the cached token of `openid` or of the latest user.
 */
export function pickUserToken(
  tokens: TokenStore | undefined,
  q: { profile: string; appid?: string; accessToken?: string; openid?: string; redirectUri?: string; use?: 'check' | 'userinfo'; sendCodeShaped?: boolean },
): PickedToken {
  if (q.accessToken) {
    const entry = tokens?.listUsers(q.profile).find((u) => u.accessToken === q.accessToken);
    // The user's refresh_token given for its access_token (the two look alike): WeChat would answer 40014,
    // read as "not a web-authorization token". Said before anything is sent, as refresh says the reverse.
    const holder = entry ? undefined : tokens?.listUsers(q.profile).find((u) => u.refreshToken === q.accessToken);
    if (holder) {
      const params = { openid: holder.openid, p: profileFlag(q.profile), command: q.use ?? 'check' };
      throw new UsageError({ key: 'tokens.args.isRefreshToken', params }, { hint: { key: 'tokens.args.isRefreshToken.hint', params } });
    }
    // A code or callback URL where the token goes (not one the cache knows as a token, which a mock may shape so).
    if (!entry) refuseCodeAsToken(q.use ?? 'check', q.accessToken, q.profile, q.sendCodeShaped);
    const openid = q.openid ?? entry?.openid;
    if (!openid) {
      throw new UsageError({ key: 'tokens.openidNeeded' }, { hint: { key: 'tokens.openidNeeded.hint', params: { command: q.use ?? 'check' } } });
    }
    return { accessToken: q.accessToken, openid, entry: entry && entry.openid === openid ? entry : undefined, source: 'args', ...(entry && entry.openid !== openid ? { owner: entry.openid } : {}) };
  }
  const entry = tokens?.getUser(q.profile, q.appid, q.openid);
  if (!entry) throw noCachedUser(q.profile, q.openid, tokens, q.appid, q.redirectUri);
  return { accessToken: entry.accessToken, openid: entry.openid, entry, source: 'cache' };
}

/** Who issues the tokens this run receives: `wechat`, or another API host's origin (the emulator). */
function issuerOf(api: WechatApi): string {
  return tokenHostOf(api.http.options.apiBase) ?? 'wechat';
}

/**
 * A cached token sent to another host than the one it came from: when the call fails, why it may have
 * (a token is valid only where it was issued), as a note on the error (not a failure of its own). One the emulator
 * issued, sent to WeChat because --api-base was left out this time, gets 40001 / 40014 (or, offline, a
 * DNS failure) with nothing else to say why. Not a refusal: a proxy or a gateway in front of the issuer
 * has another address and forwards the token where it is valid.
 */
function issuerNote(entry: UserTokenEntry | undefined, api: WechatApi, profile: string, unsent: boolean): MessageRef | undefined {
  const now = issuerOf(api);
  // 'wechat' is not a URL: equal or not; an origin is one issuer under two names of this machine too.
  if (entry?.issuer === undefined || entry.issuer === now || sameOrigin(entry.issuer, now)) return undefined;
  const params = { openid: entry.openid, issuer: entry.issuer === 'wechat' ? DEFAULT_API_BASE : entry.issuer, host: now === 'wechat' ? DEFAULT_API_BASE : now, p: profileFlag(profile) };
  // Nothing left this machine (refused, DNS, TLS): the token would have gone there, it was not sent.
  if (unsent) return messageRef(entry.issuer === 'wechat' ? 'tokens.otherIssuer.wechat.unsent' : 'tokens.otherIssuer.unsent', params);
  return messageRef(entry.issuer === 'wechat' ? 'tokens.otherIssuer.wechat' : 'tokens.otherIssuer', params);
}

/** The access_token given on the command line when the cache does not know it as a token (else undefined). */
function givenUnknown(picked: PickedToken): string | undefined {
  return picked.source === 'args' && picked.entry === undefined && picked.owner === undefined ? picked.accessToken : undefined;
}

/**
 * A code-shaped argument that was sent (sendCodeShaped: a mock's or a gateway's API base) and answered
 * with an error: what its shape may mean, as a note, so a code pasted by mistake is still said as one.
 */
function withCodeShapeNote(error: unknown, given: string | undefined, kind: 'access_token' | 'refresh_token', p: Pick<UserTokenDeps, 'api' | 'profile' | 'sendCodeShaped'>): unknown {
  if (p.sendCodeShaped !== true || given === undefined || !(error instanceof WechatApiError) || codeAsTokenArg(given) !== 'code') return error;
  error.notes.push(messageRef('tokens.args.codeShaped.sent', { input: quotedInput(given.trim()), kind, base: p.api.http.options.apiBase, p: profileFlag(p.profile) }));
  return error;
}

/**
 * Whether a token argument of a code's shape is to be sent rather than refused (UserTokenDeps.sendCodeShaped):
 * only when it has that shape and the API base is not one of WeChat's hosts, nor a wxauth emulator on
 * this machine or a wxauth proxy in front of either (issuesWechatShapes). WeChat's user tokens and the emulator's are
 * `NN_` and ~107 more characters (API-FACTS §0.5), so there such an argument is a code; a mock or a company
 * gateway may issue tokens of 32 letters and digits, which were refused with no way to send them.
 */
export async function sendsCodeShaped(apiBase: string, value: string | undefined, signal?: AbortSignal): Promise<boolean> {
  if (value === undefined || codeAsTokenArg(value) !== 'code') return false;
  return !(await issuesWechatShapes(apiBase, signal));
}

/**
 * Whether the API base issues codes and user tokens of WeChat's shapes (a code 32 letters and digits, a
 * token `NN_` and ~107 more, API-FACTS §0.5), so that one given for the other can be refused by its shape:
 * WeChat's API hosts, and a wxauth emulator on this machine, or a wxauth proxy in front of either (asked of
 * it, flows/emulator-at.ts, loaded only then). Not a
 * mock or a company gateway, whose codes and tokens may have any shape. Asked only on the rare path of an
 * argument of the other's shape (sendsCodeShaped; exchange given a token's shape).
 */
export async function issuesWechatShapes(apiBase: string, signal?: AbortSignal): Promise<boolean> {
  if (isWechatApiBase(apiBase)) return true;
  const { issuesWechatShapesAt } = await import('./emulator-at.js');
  return issuesWechatShapesAt(apiBase, signal);
}

/**
 * exchange sent a code of a WeChat token's shape (a mock's or a gateway's API base) and the answer was an
 * error: what its shape may mean, as a note (the reverse of withCodeShapeNote).
 */
export function withTokenShapeNote(error: unknown, code: string, api: WechatApi, profile: string): unknown {
  if (!(error instanceof WechatApiError)) return error;
  error.notes.push(messageRef('tokens.exchange.input.tokenShaped.sent', { input: quotedInput(code), base: api.http.options.apiBase, p: profileFlag(profile) }));
  return error;
}

/** The error, with the issuer note of `entry` (a cached token; undefined for one the user gave) added to its notes. */
function withIssuerNote(error: unknown, entry: UserTokenEntry | undefined, p: Pick<UserTokenDeps, 'api' | 'profile'>): unknown {
  if (!(error instanceof WxauthError)) return error;
  const note = issuerNote(entry, p.api, p.profile, error instanceof NetworkError && !error.mayHaveReachedServer);
  if (note) error.notes.push(note);
  return error;
}

// ---------------------------------------------------------------------------------------------
// refresh
// ---------------------------------------------------------------------------------------------

export interface RefreshParams extends UserTokenDeps {
  appid: string;
  /** Given on the command line; else the cached one of `openid` or of the latest user. */
  refreshToken?: string;
  openid?: string;
  save?: boolean;
  /**
   * `wxauth refresh`: a cache that would refuse the new tokens (read-only, not our shape, locked) stops it
   * before the refresh is sent (checkTokensSavable), as exchange stops before a code is spent. A refresh
   * answers a new access_token when the old one has expired (API-FACTS §5), which would then exist only in
   * this run's output. userinfo's automatic refresh goes on and says the token was not saved.
   */
  refuseUnsavable?: boolean;
}

export interface RefreshResult {
  token: SnsToken;
  entry: UserTokenEntry;
  /** The cache entry before the refresh, when wxauth knew this refresh_token. */
  previous?: UserTokenEntry;
  /** Whether the access_token string changed or was only given a new expiry. */
  outcome: RefreshOutcome;
  /**
   * The outcome is unknown although the cache held a token of this user: one from another authorisation
   * (another refresh_token), which says nothing of whether this grant's access_token changed.
   */
  otherGrantCached?: boolean;
  /** wxauth believed the refresh_token was already past its 30 days (WeChat was asked anyway). */
  refreshExpiredLocally: boolean;
  saved: boolean;
  /**
   * Not saved: the cache holds another token of this user, from another authorisation (likely a later
   * one), whose refresh_token can still be used, which this one (from a refresh_token given on the
   * command line) would have replaced (the cache keeps one token per user). `userinfo`: the cached one
   * reads userinfo and this snsapi_base one cannot; `other_grant`: any other such token.
   */
  keptCached?: { scope: string; reason: 'userinfo' | 'other_grant' };
  /**
   * The save failed after WeChat answered (a read-only cache, say): WeChat may have replaced the cached
   * access_token, so these tokens exist only in this result. The presenter prints them first, then this
   * error, and the command exits with its code (4).
   */
  saveError?: WxauthError;
  sentAt: number;
  response: ApiResponse<SnsAccessTokenResponse>;
}

/**
 * A refresh_token given on the command line, judged before anything is sent: the cache entry that holds
 * it (undefined when none does), or a UsageError for what it certainly is not. The user's access_token
 * given for its refresh_token (the two look alike) and a code or callback URL would get 40030 from WeChat,
 * read as "authorise again". Only after the cache lookup: a value the cache holds as a token is never
 * refused by its shape (a mock may issue tokens shaped like a code). `wxauth refresh` calls it before the
 * config is required too, so the argument mistake is said first, as check and userinfo say it.
 */
export function refuseRefreshTokenArg(tokens: TokenStore | undefined, profile: string, redirectUri: string | undefined, refreshToken: string, sendCodeShaped?: boolean): UserTokenEntry | undefined {
  const previous = tokens?.listUsers(profile).find((u) => u.refreshToken === refreshToken);
  if (previous) return previous;
  const holder = tokens?.listUsers(profile).find((u) => u.accessToken === refreshToken);
  if (holder) {
    const params = { openid: holder.openid, p: profileFlag(profile) };
    let hint: MessageRef = messageRef('tokens.next.reauthorize', { login: authorizeAgain(profile, redirectUri) });
    if (holder.refreshToken) hint = messageRef('tokens.refresh.isAccessToken.hint', params);
    throw new UsageError({ key: 'tokens.refresh.isAccessToken', params }, { hint });
  }
  refuseCodeAsToken('refresh', refreshToken, profile, sendCodeShaped);
  return undefined;
}

export async function refreshUserToken(p: RefreshParams): Promise<RefreshResult> {
  let previous: UserTokenEntry | undefined;
  let refreshToken = p.refreshToken;
  if (refreshToken) {
    previous = refuseRefreshTokenArg(p.tokens, p.profile, p.redirectUri, refreshToken, p.sendCodeShaped);
  } else {
    previous = p.tokens?.getUser(p.profile, p.appid, p.openid);
    if (!previous) throw noCachedUser(p.profile, p.openid, p.tokens, p.appid, p.redirectUri);
    if (!previous.refreshToken) {
      throw new ConfigError(
        { key: 'tokens.noRefreshToken', params: { openid: previous.openid } },
        { hint: { key: 'tokens.next.reauthorize', params: { login: authorizeAgain(p.profile, p.redirectUri) } } },
      );
    }
    refreshToken = previous.refreshToken;
  }
  const appid = previous?.appid ?? p.appid;
  const before = previous ? tokenStatus(previous, p.now()) : undefined;
  if (p.refuseUnsavable === true && (p.save ?? true) && p.tokens) checkTokensSavable(p.tokens, p.profile, 'refresh');
  const sentAt = p.now();
  let response: ApiResponse<SnsAccessTokenResponse>;
  try {
    response = await p.api.refreshToken({ appid, refreshToken });
  } catch (error) {
    // A refresh_token typed on the command line went where the user sent it.
    const situation: UserTokenSituation = { use: 'refresh', profile: p.profile, redirectUri: p.redirectUri, appid, fromEnv: appid === p.appid ? p.fromEnv : undefined };
    throw withCodeShapeNote(withIssuerNote(advised(error, situation), p.refreshToken === undefined ? previous : undefined, p), previous === undefined ? p.refreshToken : undefined, 'refresh_token', p);
  }
  const token = toSnsToken(response.data);
  // WeChat answers a refresh with the openid its refresh_token was issued to (API-FACTS §5). Another one
  // means this refresh_token is not the user's it was cached (or named with --openid) for, or the server
  // does not answer as WeChat does: nothing is saved, neither under the user asked for (another's tokens)
  // nor under the one answered (a cached token of theirs replaced by tokens of unknown origin).
  const expected = previous?.openid ?? p.openid;
  if (expected !== undefined && token.openid !== expected) throw otherUserAnswered(expected, token.openid, response.base, p);
  const sameUser = previous && previous.openid === token.openid ? previous : undefined;
  const refreshTokenExpiresAt = refreshDeadlineAfterRefresh(sameUser, refreshToken);
  const unionid = token.unionid ?? sameUser?.unionid;
  const entry: UserTokenEntry = {
    appid,
    openid: token.openid,
    ...(unionid ? { unionid } : {}),
    scope: token.scope || sameUser?.scope || '',
    accessToken: token.accessToken,
    accessTokenExpiresAt: sentAt + token.expiresIn * 1000,
    refreshToken: token.refreshToken ?? refreshToken,
    ...(refreshTokenExpiresAt !== undefined ? { refreshTokenExpiresAt } : {}),
    obtainedAt: sentAt,
    ...(sameUser?.isSnapshotUser ? { isSnapshotUser: true } : {}),
    issuer: issuerOf(p.api),
  };
  // The user's cached token from another authorisation (another refresh_token), if any.
  const otherGrant = sameUser ? undefined : p.tokens?.getUser(p.profile, appid, token.openid);
  const save = p.save ?? true;
  // An old refresh_token typed on the command line must not silently take the place of the user's cached
  // token from another authorisation while that one can still be refreshed: the cache would lose the
  // latest authorisation (and, for a snsapi_base grant over a snsapi_userinfo one, userinfo would answer
  // 48001 for a user who did grant it). Kept, and said so; the refreshed tokens are still printed for
  // the user to use. A cached token whose refresh_token is dead is replaced: this one is the better.
  const cached = save ? otherGrant : undefined;
  const keptCached: RefreshResult['keptCached'] =
    cached && cached.refreshToken !== refreshToken && canRefresh(tokenStatus(cached, p.now()))
      ? { scope: cached.scope, reason: grantsUserinfo(splitScopes(cached.scope)) && !grantsUserinfo(splitScopes(entry.scope)) ? 'userinfo' : 'other_grant' }
      : undefined;
  let saveError: WxauthError | undefined;
  if (save && p.tokens && !keptCached) {
    // Never let a failed save swallow the tokens: the refresh is done at WeChat's end.
    try {
      p.tokens.putUser(p.profile, entry);
    } catch (error) {
      saveError = asStoreError(error, p.tokens.path);
    }
  }
  return {
    token,
    entry,
    previous: sameUser,
    outcome: refreshOutcome(sameUser?.accessToken, token.accessToken),
    ...(otherGrant ? { otherGrantCached: true } : {}),
    refreshExpiredLocally: before?.refresh?.expired ?? false,
    saved: save && p.tokens !== undefined && !keptCached && saveError === undefined,
    ...(keptCached ? { keptCached } : {}),
    ...(saveError ? { saveError } : {}),
    sentAt,
    response,
  };
}

/** A refresh answered with another user's tokens (refreshUserToken): exit 5, as an answer not shaped as WeChat's is; it carried a token. */
function otherUserAnswered(expected: string, answered: string, base: string, p: Pick<RefreshParams, 'profile' | 'redirectUri'>): NetworkError {
  const host = new URL(base).host;
  return new NetworkError(
    'unexpected_shape',
    { key: 'tokens.refresh.otherUser', params: { host, expected, answered } },
    { mayHaveReachedServer: true, issuedToken: true, host, hint: { key: 'tokens.refresh.otherUser.hint', params: { expected, login: authorizeAgain(p.profile, p.redirectUri) } } },
  );
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

export interface CheckParams extends UserTokenDeps {
  appid?: string;
  accessToken?: string;
  openid?: string;
}

export interface CheckResult {
  /** Always true: an invalid token throws a WechatApiError (exit 3) with the next step. */
  valid: true;
  picked: PickedToken;
  response: ApiResponse<SnsAuthResponse>;
}

/** GET /sns/auth. Throws WechatApiError with the reason and the next step (refresh, or authorise again). */
export async function checkUserToken(p: CheckParams): Promise<CheckResult> {
  const picked = pickUserToken(p.tokens, { profile: p.profile, redirectUri: p.redirectUri, appid: p.appid, accessToken: p.accessToken, openid: p.openid, use: 'check', sendCodeShaped: p.sendCodeShaped });
  try {
    const response = await p.api.checkToken({ accessToken: picked.accessToken, openid: picked.openid });
    return { valid: true, picked, response };
  } catch (error) {
    throw withCodeShapeNote(withIssuerNote(advised(error, situationOf('check', p, picked.entry, picked)), picked.source === 'cache' ? picked.entry : undefined, p), givenUnknown(picked), 'access_token', p);
  }
}

/**
 * The cached user a check / userinfo was about, for the advice's `wxauth refresh` / `check` to name with
 * --openid: when the user named one (--openid, a positional openid), or when those commands without it
 * would pick another user (the latest of the appid). Undefined for the latest user picked by default.
 */
function cachedUserToName(p: UserTokenDeps & { appid?: string; openid?: string }, entry: UserTokenEntry | undefined): string | undefined {
  if (!entry) return undefined;
  if (p.openid !== undefined) return entry.openid;
  let latest: UserTokenEntry | undefined;
  try {
    latest = p.tokens?.getUser(p.profile, p.appid);
  } catch {
    // A cache that cannot be read now: name the user, which is right either way.
  }
  return latest && latest.openid === entry.openid && latest.appid === entry.appid ? undefined : entry.openid;
}

/** What the advice after a check / userinfo error depends on: whether wxauth could still refresh. */
function situationOf(
  use: 'check' | 'userinfo',
  p: UserTokenDeps & { appid?: string; openid?: string },
  entry: UserTokenEntry | undefined,
  picked?: PickedToken,
): UserTokenSituation {
  const cachedUser = cachedUserToName(p, entry);
  return {
    use,
    profile: p.profile,
    redirectUri: p.redirectUri,
    appid: entry?.appid ?? p.appid,
    canRefresh: entry ? canRefresh(tokenStatus(entry, p.now())) : false,
    isSnapshotUser: entry?.isSnapshotUser,
    ...(entry?.scope ? { scope: entry.scope } : {}),
    // A token typed on the command line that wxauth never obtained: it may not be a user token at all.
    unknownToken: picked !== undefined && picked.source === 'args' && picked.entry === undefined && picked.owner === undefined,
    // The cache knows whose token this is: 40003 then names that user.
    ...(picked?.owner !== undefined ? { tokenOwner: picked.owner } : {}),
    ...(cachedUser !== undefined ? { cachedUser } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// userinfo
// ---------------------------------------------------------------------------------------------

export interface UserinfoParams extends UserTokenDeps {
  appid?: string;
  accessToken?: string;
  openid?: string;
  lang?: UserinfoLang;
  /** Refresh once when the cached access_token is expired (locally, or 42001/40001/40014). */
  autoRefresh: boolean;
  /** Told right after an automatic refresh, before the retry (so it can be said even if the retry fails). */
  onRefresh?: (refreshed: AutoRefresh) => void;
  /** Told when that automatic refresh fails, before its error: the user asked for userinfo, not a refresh. */
  onRefreshFailed?: (reason: AutoRefresh['reason']) => void;
}

export interface AutoRefresh {
  /** `local`: the cache said it had expired; a number: the errcode WeChat answered first. */
  reason: 'local' | number;
  result: RefreshResult;
}

export interface UserinfoResult {
  userinfo: SnsUserinfo;
  notes: UserinfoNote[];
  picked: PickedToken;
  /** The cache entry after this call (refreshed and/or with the unionid learnt). */
  entry?: UserTokenEntry;
  refreshed?: AutoRefresh;
  response: ApiResponse<SnsUserinfoResponse>;
}

export async function fetchUserinfo(p: UserinfoParams): Promise<UserinfoResult> {
  const picked = pickUserToken(p.tokens, { profile: p.profile, redirectUri: p.redirectUri, appid: p.appid, accessToken: p.accessToken, openid: p.openid, use: 'userinfo', sendCodeShaped: p.sendCodeShaped });
  let entry = picked.entry;
  let accessToken = picked.accessToken;
  let refreshed: AutoRefresh | undefined;

  const refreshOnce = async (reason: AutoRefresh['reason'], current: UserTokenEntry): Promise<UserTokenEntry> => {
    let result: Awaited<ReturnType<typeof refreshUserToken>>;
    try {
      result = await refreshUserToken({ ...p, appid: current.appid, refreshToken: current.refreshToken, save: true });
    } catch (error) {
      // A Ctrl-C is not a failed refresh (and says nothing of its own).
      if (!(error instanceof CancelledError)) p.onRefreshFailed?.(reason);
      throw error;
    }
    refreshed = { reason, result };
    p.onRefresh?.(refreshed);
    accessToken = result.token.accessToken;
    return result.entry;
  };

  if (p.autoRefresh && entry) {
    const status = tokenStatus(entry, p.now());
    if (status.access.expired && canRefresh(status)) entry = await refreshOnce('local', entry);
  }

  let response: ApiResponse<SnsUserinfoResponse>;
  try {
    response = await p.api.getUserinfo({ accessToken, openid: picked.openid, lang: p.lang });
  } catch (error) {
    const retry =
      error instanceof WechatApiError &&
      TOKEN_EXPIRED_ERRCODES.includes(error.errcode) &&
      p.autoRefresh &&
      !refreshed &&
      entry !== undefined &&
      canRefresh(tokenStatus(entry, p.now()));
    if (!retry || !entry) {
      const situation = { ...situationOf('userinfo', p, entry, picked), ...(p.autoRefresh ? {} : { noAutoRefresh: true }) };
      throw withCodeShapeNote(withIssuerNote(advised(error, situation, snapshotDiagnosis(error, entry)), picked.source === 'cache' ? entry : undefined, p), givenUnknown(picked), 'access_token', p);
    }
    entry = await refreshOnce((error as WechatApiError).errcode, entry);
    try {
      response = await p.api.getUserinfo({ accessToken, openid: picked.openid, lang: p.lang });
    } catch (again) {
      // The token just refreshed refused too: refreshing again is no way forward (refreshedAlready).
      throw withIssuerNote(advised(again, { ...situationOf('userinfo', p, entry), refreshedAlready: true }, snapshotDiagnosis(again, entry)), picked.source === 'cache' ? entry : undefined, p);
    }
  }
  const userinfo = toSnsUserinfo(response.data);
  // WeChat answers with the openid asked for (40003 when it is not the token's, API-FACTS §7): another
  // one's profile is not printed as this user's, nor its unionid learnt into this user's cached token.
  if (userinfo.openid !== picked.openid) {
    const host = new URL(response.base).host;
    const params = { host, expected: picked.openid, answered: userinfo.openid };
    throw new NetworkError('unexpected_shape', { key: 'tokens.userinfo.otherUser', params }, { mayHaveReachedServer: true, host, hint: { key: 'tokens.userinfo.otherUser.hint' } });
  }
  // Learn the unionid when the exchange did not carry one (e.g. the token was obtained elsewhere).
  if (entry && userinfo.unionid && entry.unionid !== userinfo.unionid && p.tokens) {
    entry = { ...entry, unionid: userinfo.unionid };
    p.tokens.putUser(p.profile, entry);
  }
  return { userinfo, notes: userinfoNotes(userinfo), picked, entry, refreshed, response };
}

/**
 * An argument given empty (`--openid "$OPENID"` with the variable unset, `check "" …`): its name, for
 * refuseEmptyArg. Found while parsing; refused once the profile is known, so the hint's commands name it.
 */
export function emptyArgOf(values: ReadonlyArray<readonly [name: string, value: string | undefined]>): string | undefined {
  return values.find(([, value]) => value !== undefined && value.trim() === '')?.[0];
}

/** Refuses an empty argument (emptyArgOf), never read as left out, which would use the latest user's cached token and answer for someone else. */
export function refuseEmptyArg(command: 'check' | 'userinfo' | 'refresh', name: string | undefined, profile: string): void {
  if (name !== undefined) throw new UsageError({ key: 'tokens.args.empty', params: { name } }, { hint: { key: 'tokens.args.empty.hint', params: { command, p: profileFlag(profile) } } });
}

/**
 * A code or a callback URL (or another URL) given where an access_token or refresh_token goes, by its shape
 * (core/token.ts codeAsTokenArg): refused before anything is sent, with `exchange`, which takes it (the
 * reverse of exchange's refusal of a token). Quoted masked: the code is a secret.
 */
export function refuseCodeAsToken(command: 'check' | 'userinfo' | 'refresh', value: string, profile: string, sendCodeShaped = false): void {
  const found = codeAsTokenArg(value);
  if (found === undefined || (found === 'code' && sendCodeShaped)) return;
  const cut = value.length > 200 ? value.slice(0, 200) + '…' : value;
  const params = { input: quotedInput(cut.trim()), kind: command === 'refresh' ? 'refresh_token' : 'access_token', command, p: profileFlag(profile) };
  if (found === 'callback') throw new UsageError({ key: 'tokens.args.callbackAsToken', params }, { hint: { key: 'tokens.args.callbackAsToken.hint', params } });
  if (found === 'url') throw new UsageError({ key: 'tokens.args.urlAsToken', params }, { hint: { key: 'tokens.args.urlAsToken.hint', params } });
  throw new UsageError({ key: 'tokens.args.codeAsToken', params }, { hint: { key: 'tokens.args.codeAsToken.hint', params } });
}

/**
 * `check` / `userinfo <access_token> [openid]` typed the other way round (`o8Lw… 86_…`), or with an
 * openid where the token goes: a usage error saying so, before WeChat answers a puzzling 40014.
 */
export function refuseMistypedTokenArgs(command: 'check' | 'userinfo', accessToken: string | undefined, openid: string | undefined): void {
  const mistake = tokenArgsMistake(accessToken, openid);
  if (mistake === 'swapped') throw new UsageError({ key: 'tokens.args.swapped' }, { hint: { key: 'tokens.args.swapped.hint', params: { command } } });
  if (mistake === 'openid_as_token') throw new UsageError({ key: 'tokens.args.openidAsToken', params: { openid: accessToken ?? '' } }, { hint: { key: 'tokens.args.openidAsToken.hint', params: { command, openid: accessToken ?? '' } } });
}

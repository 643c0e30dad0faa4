// User (web-authorization) tokens, as pure functions: narrowing WeChat's raw /sns/* bodies into typed
// results and expiry maths (the advice after an errcode is in next-step.ts). No fs, no network, no
// clock: `now` is always passed in (milliseconds since the epoch).
import { codeTooLong, isAuthorizeUrl, looksLikeCode, parseCallbackUrl, type ParsedCallback } from './callback-url.js';
import { isScope } from './endpoints.js';
import { NOT_AN_OBJECT, readFields, type Narrowed } from './responses.js';
import { redactText, redactValue } from './secrets.js';

export type { Narrowed } from './responses.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * refresh_token life: 30 days from the user's authorisation (公众号 and 网站应用 docs, API-FACTS §5 and
 * §14). The 180-day figure belongs to mobile apps. Refreshing does not restart the clock as far as
 * anyone can tell (⚠ §17.5), so wxauth keeps the original deadline across refreshes.
 */
export const REFRESH_TOKEN_LIFETIME_MS = 30 * DAY;

/** The access_token WeChat documents (7200 s); used only when a body omits expires_in. */
export const DEFAULT_ACCESS_TOKEN_TTL_S = 7200;

/** How long an authorization code lives (API-FACTS §14): 5 minutes for an official account's, 10 for a website app's. */
export function codeLifetimeMs(type: string | undefined): number {
  return (type === 'website' ? 10 : 5) * 60_000;
}

export type Scope = 'snsapi_base' | 'snsapi_userinfo' | 'snsapi_login' | string;

/** A successful /sns/oauth2/access_token or /sns/oauth2/refresh_token body, narrowed. */
export interface SnsToken {
  accessToken: string;
  /** Seconds from the moment WeChat answered. */
  expiresIn: number;
  refreshToken?: string;
  openid: string;
  /** As WeChat wrote it (one iOS log shows a trailing comma: `snsapi_userinfo,`, API-FACTS §4). */
  scope: string;
  /** The granted scopes, split on commas, empty items dropped. */
  scopes: string[];
  unionid?: string;
  /** `is_snapshotuser: 1`: the user only saw the snapshot page; openid and profile are virtual (§1.6). */
  isSnapshotUser: boolean;
}

export function splitScopes(scope: string): string[] {
  return scope
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** GET /sns/oauth2/access_token and /sns/oauth2/refresh_token (API-FACTS §4, §5), as WeChat names them. */
export interface SnsAccessTokenResponse {
  access_token: string;
  /** 7200 when WeChat leaves it out. */
  expires_in: number;
  refresh_token?: string;
  openid: string;
  scope: string;
  is_snapshotuser?: number;
  unionid?: string;
}

/**
 * Narrow a token body (errcode already ruled out by the client), in WeChat's names. Missing
 * `access_token` or `openid` is a problem, and so is any documented field of the wrong type (a token
 * that is an object would be cached and printed as `[object Object]`) and a token or id with a
 * character none of WeChat's has (an ESC, a NUL, a `/`); a missing `expires_in` falls back to WeChat's
 * documented 7200 s.
 */
export function readSnsAccessTokenResponse(body: unknown): Narrowed<SnsAccessTokenResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  // Tokens and ids as a basic token's access_token is read (FieldReader.credential): one with a control
  // character, a space or a `/` is none of WeChat's, and would be cached and printed.
  const accessToken = f.credential('access_token');
  const openid = f.credential('openid');
  const expiresIn = f.lifetime('expires_in', DEFAULT_ACCESS_TOKEN_TTL_S);
  const refreshToken = f.optionalCredential('refresh_token');
  const scope = f.optionalString('scope') ?? '';
  const unionid = f.optionalCredential('unionid');
  const snapshot = f.optionalNumber('is_snapshotuser');
  return f.done(() => ({
    access_token: accessToken as string,
    expires_in: expiresIn,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    openid: openid as string,
    scope,
    ...(snapshot !== undefined ? { is_snapshotuser: snapshot } : {}),
    ...(unionid ? { unionid } : {}),
  }));
}

/** A narrowed token answer in wxauth's terms. */
export function toSnsToken(r: SnsAccessTokenResponse): SnsToken {
  return {
    accessToken: r.access_token,
    expiresIn: r.expires_in,
    refreshToken: r.refresh_token,
    openid: r.openid,
    scope: r.scope,
    scopes: splitScopes(r.scope),
    unionid: r.unionid,
    isSnapshotUser: r.is_snapshotuser === 1,
  };
}

/** Narrow a raw token body straight into wxauth's terms. */
export function readSnsTokenBody(body: unknown): Narrowed<SnsToken> {
  const read = readSnsAccessTokenResponse(body);
  return read.ok ? { ok: true, value: toSnsToken(read.value) } : read;
}

/** A successful /sns/userinfo body, narrowed. Unknown fields are kept in `extra`. */
export interface SnsUserinfo {
  openid: string;
  nickname: string;
  /** 0 unknown, 1 male, 2 female. Always 0 since 2021-10-20. */
  sex: number;
  language?: string;
  province: string;
  city: string;
  country: string;
  headimgurl: string;
  privilege: string[];
  unionid?: string;
  extra: Record<string, unknown>;
}

const USERINFO_FIELDS = ['openid', 'nickname', 'sex', 'language', 'province', 'city', 'country', 'headimgurl', 'privilege', 'unionid'];

/**
 * GET /sns/userinfo (§7) as WeChat names it: the known fields narrowed, any others (is_snapshotuser,
 * fields WeChat may add) kept beside them.
 */
export type SnsUserinfoResponse = Omit<SnsUserinfo, 'extra'> & { is_snapshotuser?: number } & Record<string, unknown>;

export function readUserinfoResponse(body: unknown): Narrowed<SnsUserinfoResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  // openid and unionid as a token answer's are read (the unionid is learnt into the token cache); the
  // profile fields are the user's own text, shown escaped.
  const openid = f.credential('openid');
  // A missing profile field reads as empty (WeChat has emptied them since 2021-10-20); one of another
  // type is not WeChat's answer.
  const nickname = f.optionalString('nickname');
  // wechatpy's fixture has "sex":"1" (a string); the live API sends a number (API-FACTS §7).
  const sex = f.optionalNumber('sex');
  const language = f.optionalString('language');
  const province = f.optionalString('province');
  const city = f.optionalString('city');
  const country = f.optionalString('country');
  const headimgurl = f.optionalString('headimgurl');
  const privilege = f.optionalList('privilege', (v) => (typeof v === 'string' ? v : undefined), 'strings');
  const unionid = f.optionalCredential('unionid');
  return f.done(() => ({
    ...(body as Record<string, unknown>),
    openid: openid as string,
    nickname: nickname ?? '',
    sex: sex ?? 0,
    language,
    province: province ?? '',
    city: city ?? '',
    country: country ?? '',
    headimgurl: headimgurl ?? '',
    privilege: privilege ?? [],
    unionid,
  }));
}

/** A narrowed userinfo answer in wxauth's terms: the known fields, the rest in `extra`. */
export function toSnsUserinfo(r: SnsUserinfoResponse): SnsUserinfo {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!USERINFO_FIELDS.includes(k)) extra[k] = v;
  return {
    openid: r.openid,
    nickname: r.nickname,
    sex: r.sex,
    language: r.language,
    province: r.province,
    city: r.city,
    country: r.country,
    headimgurl: r.headimgurl,
    privilege: r.privilege,
    unionid: r.unionid,
    extra,
  };
}

export function readUserinfoBody(body: unknown): Narrowed<SnsUserinfo> {
  const read = readUserinfoResponse(body);
  return read.ok ? { ok: true, value: toSnsUserinfo(read.value) } : read;
}

export type UserinfoNote =
  /** sex 0 and empty province/city/country: WeChat stopped returning them on 2021-10-20 (§7). */
  | 'profile_fields_removed'
  /** headimgurl empty: the user has no avatar (§7). */
  | 'no_avatar'
  /** unionid absent: the app is not bound to an open-platform (开放平台) account. */
  | 'no_unionid';

export function userinfoNotes(u: SnsUserinfo): UserinfoNote[] {
  const notes: UserinfoNote[] = [];
  if (u.sex === 0 && u.province === '' && u.city === '' && u.country === '') notes.push('profile_fields_removed');
  if (u.headimgurl === '') notes.push('no_avatar');
  if (!u.unionid) notes.push('no_unionid');
  return notes;
}

/** `…/132` → 132 (px); 0 means 640×640 (§7). */
export function avatarSize(headimgurl: string): number | undefined {
  const m = /\/(0|46|64|96|132)$/.exec(headimgurl);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** Why an exchange/refresh answer carries no unionid (§4); `unexpected_scope`: the scope is none WeChat grants, so no reason can be told. */
export type NoUnionidReason = 'base_scope' | 'snapshot' | 'not_bound' | 'unexpected_scope';

/**
 * The granted scope is not made of snsapi_base, snsapi_userinfo and snsapi_login (empty, a typo, control
 * characters from a server that is not WeChat): what the token may do cannot be told from it, so no next
 * step or unionid reason is guessed from it.
 */
export function isUnexpectedScope(scopes: readonly string[]): boolean {
  return scopes.length === 0 || scopes.some((s) => !isScope(s));
}

/** snsapi_userinfo (公众号) and snsapi_login (网站应用) grants may read /sns/userinfo; snsapi_base may not (48001). */
export function grantsUserinfo(scopes: readonly string[]): boolean {
  return scopes.includes('snsapi_userinfo') || scopes.includes('snsapi_login');
}

/**
 * What a granted scope lets its token do, the one answer exchange and login both act on: read userinfo
 * (snsapi_userinfo, snsapi_login), not (snsapi_base alone), or cannot be told: any scope none of WeChat's
 * three (API-FACTS §3: snsapi_base, snsapi_userinfo, snsapi_login), even beside snsapi_userinfo
 * (`snsapi_userinfo,foo`), since such an answer is not WeChat's as documented (the server may not be
 * WeChat) and whatever is guessed from it could be wrong. `wxauth userinfo` then tells for sure.
 */
export type Grant = 'userinfo' | 'base' | 'unexpected';

export function grantOf(scopes: readonly string[]): Grant {
  return isUnexpectedScope(scopes) ? 'unexpected' : grantsUserinfo(scopes) ? 'userinfo' : 'base';
}

export function noUnionidReason(token: Pick<SnsToken, 'unionid' | 'scopes' | 'isSnapshotUser'>): NoUnionidReason | undefined {
  if (token.unionid) return undefined;
  if (token.isSnapshotUser) return 'snapshot';
  if (isUnexpectedScope(token.scopes)) return 'unexpected_scope';
  // unionid only comes with snsapi_userinfo (公众号) or snsapi_login (网站应用) grants.
  if (!grantsUserinfo(token.scopes)) return 'base_scope';
  return 'not_bound';
}

// ---------------------------------------------------------------------------------------------
// Expiry maths.
// ---------------------------------------------------------------------------------------------

/** The deadlines of a freshly exchanged token. `now` = when the request was sent (errs on the short side). */
export function exchangeDeadlines(now: number, expiresIn: number): { accessTokenExpiresAt: number; refreshTokenExpiresAt: number } {
  return { accessTokenExpiresAt: now + expiresIn * SECOND, refreshTokenExpiresAt: now + REFRESH_TOKEN_LIFETIME_MS };
}

/** Milliseconds left until `expiresAt` (negative once past). */
export function remaining(expiresAt: number, now: number): number {
  return expiresAt - now;
}

export type LifeLevel = 'green' | 'yellow' | 'red';

/**
 * Colour thresholds. access_token (2 h): yellow under 30 min, red under 5 min or expired.
 * refresh_token (30 days): yellow under 7 days, red under 1 day or expired.
 */
export const THRESHOLDS = {
  access: { yellow: 30 * MINUTE, red: 5 * MINUTE },
  refresh: { yellow: 7 * DAY, red: DAY },
} as const;

export function lifeLevel(remainingMs: number, kind: 'access' | 'refresh'): LifeLevel {
  const t = THRESHOLDS[kind];
  if (remainingMs <= t.red) return 'red';
  if (remainingMs <= t.yellow) return 'yellow';
  return 'green';
}

export interface Life {
  expiresAt: number;
  remainingMs: number;
  expired: boolean;
  level: LifeLevel;
}

export function life(expiresAt: number, now: number, kind: 'access' | 'refresh'): Life {
  const remainingMs = remaining(expiresAt, now);
  return { expiresAt, remainingMs, expired: remainingMs <= 0, level: lifeLevel(remainingMs, kind) };
}

/** What wxauth knows locally about a cached user token. */
export interface TokenStatus {
  access: Life;
  /** undefined when no refresh_token or no known deadline. */
  refresh?: Life;
  hasRefreshToken: boolean;
}

export function tokenStatus(
  entry: { accessTokenExpiresAt: number; refreshToken?: string; refreshTokenExpiresAt?: number },
  now: number,
): TokenStatus {
  return {
    access: life(entry.accessTokenExpiresAt, now, 'access'),
    refresh:
      entry.refreshToken && entry.refreshTokenExpiresAt !== undefined
        ? life(entry.refreshTokenExpiresAt, now, 'refresh')
        : undefined,
    hasRefreshToken: entry.refreshToken !== undefined && entry.refreshToken !== '',
  };
}

/** A refresh_token that may still work: present and not known to be past its 30 days. */
export function canRefresh(status: TokenStatus): boolean {
  return status.hasRefreshToken && !(status.refresh?.expired ?? false);
}

/**
 * What a refresh did to the access_token. 开放平台 docs: an unexpired token keeps its string and gets a
 * new expiry ("相当于续期"); an expired one is replaced (API-FACTS §5).
 */
export type RefreshOutcome = 'extended' | 'rotated' | 'unknown';

export function refreshOutcome(previousAccessToken: string | undefined, newAccessToken: string): RefreshOutcome {
  if (previousAccessToken === undefined) return 'unknown';
  return previousAccessToken === newAccessToken ? 'extended' : 'rotated';
}

/**
 * The refresh_token deadline after a refresh: the original one when the refresh_token is the one we
 * knew (WeChat keeps the 30 days from the authorisation), unknown otherwise.
 */
export function refreshDeadlineAfterRefresh(
  previous: { refreshToken?: string; refreshTokenExpiresAt?: number } | undefined,
  usedRefreshToken: string,
): number | undefined {
  if (!previous || previous.refreshToken !== usedRefreshToken) return undefined;
  return previous.refreshTokenExpiresAt;
}

// ---------------------------------------------------------------------------------------------
// Reading what the user pasted into `wxauth exchange`.
// ---------------------------------------------------------------------------------------------

export type ExchangeInput =
  | { ok: true; form: 'code'; code: string }
  | { ok: true; form: 'url'; code: string; state?: string; callback: ParsedCallback }
  | { ok: false; reason: 'empty' | 'no_code' | 'code_empty' | 'code_invalid' | 'code_too_long' | 'denied' | 'authorize_url' | 'not_code' | 'token'; callback?: ParsedCallback };

/**
 * A bare code (no `=`, `?`, `#`, `/` or spaces), or a callback URL / query to pull code and state from.
 * A bare word of a WeChat token's shape is `token` (refused), but with `tokenShapeIsCode` (an API base
 * that is neither WeChat's nor the emulator: a mock may issue codes of that shape).
 * Words, or text with characters no code has (not printable ASCII: 你好, a full-width colon, a control
 * character), are `not_code`: no URL and no code, so nothing to send WeChat for a 40029. A printable
 * ASCII word of another shape is still a code to try (an emulator or a mock may issue other shapes),
 * up to CODE_MAX_LENGTH characters (`code_too_long` past it).
 */
export function readExchangeInput(input: string, options: { tokenShapeIsCode?: boolean } = {}): ExchangeInput {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/[=?#/&]/.test(text) && !/^[\x21-\x7e]+$/.test(text)) return { ok: false, reason: 'not_code' };
  if (!/[=?#/&\s]/.test(text)) {
    // An access_token or refresh_token pasted back (`86_…`, 100+ characters with `_` or `-`, which no
    // code has, API-FACTS §0.5): an exchange's output, not its input. WeChat would answer 40029, read as
    // an expired code.
    // Not against a mock's or a gateway's API base (tokenShapeIsCode), whose codes may have that shape.
    if (looksLikeAccessToken(text) && /[_-]/.test(text) && options.tokenShapeIsCode !== true) return { ok: false, reason: 'token' };
    // A placeholder (isPlaceholderCode): nothing to send WeChat for a 40029 read as an expired code.
    if (isPlaceholderCode(text)) return { ok: false, reason: 'not_code' };
    // 120 KB of one word went to WeChat, and its answer was read as the API base's fault (codeTooLong).
    if (codeTooLong(text)) return { ok: false, reason: 'code_too_long' };
    return { ok: true, form: 'code', code: text };
  }
  const callback = parseCallbackUrl(text);
  if (isAuthorizeUrl(callback)) return { ok: false, reason: 'authorize_url', callback };
  // `CODE&state=STATE`, a docs example copied from after its code=: the placeholder where the code goes,
  // not a refusal (a real code there is taken as the code by parseCallbackUrl). A code= holding a
  // placeholder (`code=CODE&state=STATE`) is no code either: WeChat's 40029 would read as an expired code.
  const lead = callback.form === 'query' ? callback.params[0] : undefined;
  // (A one-letter word there, `x&state=…`, stays a parameter: state alone is still a refusal.)
  if (callback.code === undefined && lead?.bare && lead.rawName.length > 1 && isPlaceholderCode(lead.rawName)) return { ok: false, reason: 'not_code' };
  if (callback.code !== undefined && PLACEHOLDER_WORD.test(callback.code)) return { ok: false, reason: 'not_code' };
  if (callback.code === undefined) {
    // A callback with state but no code: the user refused (old docs: `redirect_uri?state=STATE`, §1.4).
    const denied = callback.states.length > 0;
    return { ok: false, reason: denied ? 'denied' : 'no_code', callback };
  }
  if (callback.code === '') return { ok: false, reason: 'code_empty', callback };
  // A code= with characters no code has (你好, a template's {{code}} or ${code} never filled in): not sent
  // to WeChat for a 40029 that would read as an expired code. A URL's values are decoded here, so a
  // code holds only a URL's unreserved characters (WeChat's: letters and digits, API-FACTS §0.5).
  if (!/^[A-Za-z0-9._~-]+$/.test(callback.code)) return { ok: false, reason: 'code_invalid', callback };
  if (codeTooLong(callback.code)) return { ok: false, reason: 'code_too_long', callback };
  return { ok: true, form: 'url', code: callback.code, state: callback.state, callback };
}

/**
 * A template never filled in (`${code}`, `{{code}}`), or a placeholder copied from a usage line or the
 * docs (`CODE`, `<code>` once its brackets are gone, `...`): no code. The characters allowed are those a
 * callback's code= may hold.
 */
const PLACEHOLDER_WORD = /^(?:code|your_?code|x+|\.+)$/i;

function isPlaceholderCode(word: string): boolean {
  return !/^[A-Za-z0-9._~-]+$/.test(word) || PLACEHOLDER_WORD.test(word);
}

/**
 * Text that is no code but holds one part of a code's shape after a label (`code：041c…`, `code: 041c…`,
 * copied from a note or a chat): the label, to name the part by (never the part itself, a secret).
 * Undefined when there is no such single part, or it is the AppSecret, or what precedes it is no label.
 */
export function labelBeforeCode(input: string, secret?: string): string | undefined {
  const runs = [...input.matchAll(/(?<![0-9A-Za-z])[0-9A-Za-z]{32}(?![0-9A-Za-z])/g)].filter((m) => m[0] !== secret);
  if (runs.length !== 1) return undefined;
  const label = input.slice(0, runs[0]!.index).trim();
  return label !== '' && label.length <= 40 && !/[0-9A-Za-z]{32}/.test(label) && (secret === undefined || !label.includes(secret)) ? label : undefined;
}

export type StateVerdict = 'match' | 'mismatch' | 'no_expected' | 'not_received';

/** Compare the state that came back with the one wxauth issued (or the one the user expects). */
export function compareState(received: string | undefined, expected: string | undefined): StateVerdict {
  if (expected === undefined) return 'no_expected';
  if (received === undefined) return 'not_received';
  return received === expected ? 'match' : 'mismatch';
}

/** Lower-cased codes give 40029 (codes are case-sensitive, API-FACTS §0.5); all-lower-case is a hint. */
export function looksLowerCased(code: string): boolean {
  return /^[0-9a-z]{32}$/.test(code) && /[a-z]/.test(code) && !/^[0-9a-f]{32}$/.test(code);
}

// ---------------------------------------------------------------------------------------------
// Errcodes the flows act on (what to tell the user is in next-step.ts).
// ---------------------------------------------------------------------------------------------

/** Token-expired errcodes: 42001 expired, 40001 invalid or replaced, 40014 invalid (seen for expired too, §6). */
export const TOKEN_EXPIRED_ERRCODES: readonly number[] = [42001, 40001, 40014];

/** An openid's shape: 28 characters from WeChat's URL-safe alphabet, starting with `o` (API-FACTS §0.5). */
export function looksLikeOpenid(value: string): boolean {
  return /^o[A-Za-z0-9_-]{27}$/.test(value);
}

/** An access_token's shape: `86_…`-style, far longer than an openid. */
export function looksLikeAccessToken(value: string): boolean {
  return value.length >= 64 && /^[A-Za-z0-9_-]+$/.test(value);
}

/**
 * A refused argument as its refusal quotes it back: a bare access_token, or 32 letters and digits (the
 * shape of a code, API-FACTS §0.5, and of every appsecret, 32 hex digits), masked whole; a longer paste
 * with its named secrets masked (redactText: `secret=…`, a URL's query). `wxauth rid <token>` printed
 * the whole token, and `wxauth rid <code>` the whole code.
 */
export function quotedInput(input: string): string {
  if (looksLikeAccessToken(input) || looksLikeCode(input)) return redactValue(input);
  return redactText(input);
}

/**
 * What an argument given where an access_token or refresh_token goes (check, userinfo, refresh) is, when
 * its shape says it is certainly none: WeChat's user tokens are `NN_` and ~107 more of [A-Za-z0-9_-]
 * (API-FACTS §0.5), so a callback URL or query with its `code=` (`callback`), another whole URL (`url`),
 * or a bare code, 32 letters and digits (`code`) is none. Sent, it came back as 40030 "authorise again",
 * 40014 or 40001. Not `code` for 32 hex digits (the AppSecret's shape, no code's to tell); undefined for
 * anything else, which is sent as it is (a mock's token may have any shape).
 */
export function codeAsTokenArg(value: string): 'callback' | 'url' | 'code' | undefined {
  const text = value.trim();
  if (/[?#=/:&]/.test(text)) {
    if (/(?:^|[?&#])code=/.test(text) && parseCallbackUrl(text).code) return 'callback';
    return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) ? 'url' : undefined;
  }
  return looksLikeCode(text) && !/^[0-9a-f]{32}$/i.test(text) ? 'code' : undefined;
}

/**
 * What is wrong with `<access_token> [openid]` as typed, when the shapes say so: the two swapped, or an
 * openid alone where the token goes (the user meant the cached token of that openid).
 */
export function tokenArgsMistake(accessToken: string | undefined, openid: string | undefined): 'swapped' | 'openid_as_token' | undefined {
  if (accessToken === undefined || !looksLikeOpenid(accessToken)) return undefined;
  if (openid === undefined) return 'openid_as_token';
  return looksLikeAccessToken(openid) ? 'swapped' : undefined;
}

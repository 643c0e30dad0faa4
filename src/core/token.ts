// User (web-authorization) tokens, as pure functions: narrowing WeChat's raw /sns/* bodies into typed
// results and expiry maths (the advice after an errcode is in next-step.ts). No fs, no network, no
// clock: `now` is always passed in (milliseconds since the epoch).
import { parseCallbackUrl, type ParsedCallback } from './callback-url.js';

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

export type Narrowed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number WeChat may send as a number or a numeric string. */
function readNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

function readString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function splitScopes(scope: string): string[] {
  return scope
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Narrow a token body (errcode already ruled out by the client). Missing `access_token` or `openid`
 * is a problem; a missing `expires_in` falls back to WeChat's documented 7200 s.
 */
export function readSnsTokenBody(body: unknown): Narrowed<SnsToken> {
  if (!isRecord(body)) return { ok: false, problems: ['the body is not a JSON object'] };
  const problems: string[] = [];
  const accessToken = readString(body.access_token);
  const openid = readString(body.openid);
  if (!accessToken) problems.push('access_token is missing');
  if (!openid) problems.push('openid is missing');
  if (!accessToken || !openid) return { ok: false, problems };
  const expiresIn = readNumber(body.expires_in) ?? DEFAULT_ACCESS_TOKEN_TTL_S;
  const scope = typeof body.scope === 'string' ? body.scope : '';
  const snapshot = readNumber(body.is_snapshotuser);
  return {
    ok: true,
    value: {
      accessToken,
      expiresIn,
      refreshToken: readString(body.refresh_token),
      openid,
      scope,
      scopes: splitScopes(scope),
      unionid: readString(body.unionid),
      isSnapshotUser: snapshot === 1,
    },
  };
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

export function readUserinfoBody(body: unknown): Narrowed<SnsUserinfo> {
  if (!isRecord(body)) return { ok: false, problems: ['the body is not a JSON object'] };
  const openid = readString(body.openid);
  if (!openid) return { ok: false, problems: ['openid is missing'] };
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!USERINFO_FIELDS.includes(k)) extra[k] = v;
  return {
    ok: true,
    value: {
      openid,
      nickname: typeof body.nickname === 'string' ? body.nickname : '',
      // wechatpy's fixture has "sex":"1" (a string); the live API sends a number (API-FACTS §7).
      sex: readNumber(body.sex) ?? 0,
      language: typeof body.language === 'string' ? body.language : undefined,
      province: typeof body.province === 'string' ? body.province : '',
      city: typeof body.city === 'string' ? body.city : '',
      country: typeof body.country === 'string' ? body.country : '',
      headimgurl: typeof body.headimgurl === 'string' ? body.headimgurl : '',
      privilege: Array.isArray(body.privilege) ? body.privilege.map(String) : [],
      unionid: readString(body.unionid),
      extra,
    },
  };
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

/** Why an exchange/refresh answer carries no unionid (§4). */
export type NoUnionidReason = 'base_scope' | 'snapshot' | 'not_bound';

export function noUnionidReason(token: Pick<SnsToken, 'unionid' | 'scopes' | 'isSnapshotUser'>): NoUnionidReason | undefined {
  if (token.unionid) return undefined;
  if (token.isSnapshotUser) return 'snapshot';
  // unionid only comes with snsapi_userinfo (公众号) or snsapi_login (网站应用) grants.
  if (!token.scopes.includes('snsapi_userinfo') && !token.scopes.includes('snsapi_login')) return 'base_scope';
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
  | { ok: false; reason: 'empty' | 'no_code' | 'code_empty' | 'denied'; callback?: ParsedCallback };

/** A bare code (no `=`, `?`, `#`, `/` or spaces), or a callback URL / query to pull code and state from. */
export function readExchangeInput(input: string): ExchangeInput {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/[=?#/&\s]/.test(text)) return { ok: true, form: 'code', code: text };
  const callback = parseCallbackUrl(text);
  if (callback.code === undefined) {
    // A callback with state but no code: the user refused (old docs: `redirect_uri?state=STATE`, §1.4).
    const denied = callback.states.length > 0;
    return { ok: false, reason: denied ? 'denied' : 'no_code', callback };
  }
  if (callback.code === '') return { ok: false, reason: 'code_empty', callback };
  return { ok: true, form: 'url', code: callback.code, state: callback.state, callback };
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

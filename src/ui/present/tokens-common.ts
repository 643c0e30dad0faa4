// What the user-token presenters (exchange, refresh, check, userinfo, tokens, login) share: lifetimes
// coloured by how much is left, ISO times for --json, the cached-user document, --raw on a WeChat error,
// and a save that failed after WeChat answered (the tokens printed first).
//
// Secrets policy: exchange and refresh print the access_token and refresh_token in full, on stdout and
// in --json, because obtaining them is the point (scripts need them); check and userinfo never print
// tokens; `tokens list` never prints them, `tokens show` masks them unless --show-secrets. Traces (-v,
// --curl) redact them in the HTTP client.
import type { Life, LifeLevel, TokenStatus } from '../../core/token.js';
import type { WxauthError } from '../../errors.js';
import type { UserTokenEntry } from '../../store/token-cache.js';
import type { Output } from '../output.js';
import { formatDeadline, formatRelative, isoTime } from '../format.js';
import { tr } from '../i18n.js';
import { errorObject } from './error.js';

/** Where a user-token result was obtained: what every presenter of this family needs besides the result. */
export interface UserTokenScene {
  /** Milliseconds since the epoch, read when the call returned. */
  now: number;
  profile: string;
  /** ` --profile x` or '' (for the commands suggested in hints). */
  profileFlag: string;
  /** --raw: print WeChat's body exactly as it came instead of the data lines. */
  raw: boolean;
}

/** A cached user as `tokens` shows it: the tokens already masked unless --show-secrets. */
export interface CachedUserView {
  entry: UserTokenEntry;
  status: TokenStatus;
  accessToken: string;
  refreshToken?: string;
}

export function colour(out: Output, level: LifeLevel, text: string): string {
  return level === 'green' ? out.style.green(text) : level === 'yellow' ? out.style.yellow(text) : out.style.red(text);
}

/** `2026-01-15 12:00:00 (in 1h59m)`, coloured by how much life is left. */
export function showLife(out: Output, life: Life, now: number): string {
  return colour(out, life.level, formatDeadline(life.expiresAt, now, out.lang));
}

/** `1h59m` green, or `expired (5m ago)` red. */
export function shortLife(out: Output, life: Life | undefined, now: number): string {
  if (!life) return '-';
  const text = life.expired
    ? out.t('tokens.value.expired', { ago: formatRelative(life.expiresAt - now, out.lang) })
    : formatRelative(life.remainingMs, out.lang);
  return colour(out, life.level, text);
}

export function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : isoTime(ms);
}

export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

export function userDocument(v: CachedUserView): Record<string, unknown> {
  const { entry, status } = v;
  return {
    appid: entry.appid,
    openid: entry.openid,
    unionid: entry.unionid ?? null,
    scope: entry.scope,
    access_token: v.accessToken,
    access_token_expires_at: isoTime(entry.accessTokenExpiresAt),
    access_token_remaining_seconds: seconds(status.access.remainingMs),
    access_token_level: status.access.level,
    refresh_token: v.refreshToken ?? null,
    refresh_token_expires_at: iso(entry.refreshTokenExpiresAt),
    refresh_token_remaining_seconds: status.refresh ? seconds(status.refresh.remainingMs) : null,
    refresh_token_level: status.refresh?.level ?? null,
    obtained_at: isoTime(entry.obtainedAt),
    is_snapshotuser: entry.isSnapshotUser === true,
  };
}

/** The error document of a save that failed after WeChat answered (in --json, beside the tokens). */
export function saveErrorDocument(out: Output, error: WxauthError): Record<string, unknown> {
  return errorObject(error.code, tr(out.lang, error.messageRef), error.hint ? tr(out.lang, error.hint) : undefined);
}

/** Said AFTER the tokens were printed: they were not saved, why, and what to do. */
export function presentSaveFailure(out: Output, error: WxauthError, key: 'tokens.exchange.saveFailed' | 'tokens.refresh.saveFailed' = 'tokens.exchange.saveFailed'): void {
  out.failure(out.t(key));
  out.say(tr(out.lang, error.messageRef));
  if (error.hint) out.say(out.style.cyan('→ ') + tr(out.lang, error.hint));
}

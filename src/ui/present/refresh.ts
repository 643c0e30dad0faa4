// wxauth refresh: the new tokens on stdout, whether the access_token changed and how long the
// refresh_token still lives on stderr, one --json document, or WeChat's body with --raw.
import type { RefreshResult } from '../../flows/user-token.js';
import type { Output } from '../output.js';
import { formatDeadline, isoTime } from '../format.js';
import { iso, presentSaveFailure, saveErrorDocument, type UserTokenScene } from './tokens-common.js';

export interface RefreshCommandResult extends UserTokenScene {
  refresh: RefreshResult;
  /** --no-save: the refreshed tokens were only printed, the cache left as it was. */
  noSave?: boolean;
  /** 4 when the tokens could not be saved after WeChat answered (they are printed all the same). */
  exitCode?: number;
}

export function present(result: RefreshCommandResult, out: Output): void {
  const { refresh: r, now } = result;
  out.result({
    profile: result.profile,
    appid: r.entry.appid,
    openid: r.token.openid,
    unionid: r.entry.unionid ?? null,
    scope: r.entry.scope,
    access_token: r.token.accessToken,
    refresh_token: r.entry.refreshToken ?? null,
    expires_in: r.token.expiresIn,
    expires_at: isoTime(r.entry.accessTokenExpiresAt),
    refresh_token_expires_at: iso(r.entry.refreshTokenExpiresAt),
    outcome: r.outcome,
    previous_expires_at: iso(r.previous?.accessTokenExpiresAt),
    saved: r.saved,
    kept_cached_token: r.keptCached !== undefined,
    ...(r.saveError ? { error: saveErrorDocument(out, r.saveError) } : {}),
  });
  if (result.raw) out.raw(r.response.raw);
  const none = out.t('tokens.value.none');
  out.fields([
    ['openid', r.token.openid],
    ['scope', r.entry.scope],
    ['access_token', r.token.accessToken],
    ['refresh_token', r.entry.refreshToken ?? none],
    [out.t('tokens.label.expires'), formatDeadline(r.entry.accessTokenExpiresAt, now, out.lang)],
    [
      out.t('tokens.label.refreshExpires'),
      r.entry.refreshTokenExpiresAt === undefined ? out.t('tokens.value.refreshUnknown') : formatDeadline(r.entry.refreshTokenExpiresAt, now, out.lang),
    ],
  ]);
  // The tokens are on stdout by now: a failed save is said after them, never instead of them.
  if (r.saveError) {
    presentSaveFailure(out, r.saveError, 'tokens.refresh.saveFailed');
    return;
  }
  const expiry = formatDeadline(r.entry.accessTokenExpiresAt, now, out.lang);
  // "No cached token" would be untrue when the cache holds one of this user from another authorisation.
  if (r.outcome === 'unknown' && r.otherGrantCached) out.success(out.t('tokens.refresh.unknown.otherGrant', { expiry, openid: r.token.openid }));
  else out.success(out.t(`tokens.refresh.${r.outcome}`, { expiry }));
  if (r.refreshExpiredLocally) out.note(out.t('tokens.refresh.localExpired'));
  if (r.entry.refreshTokenExpiresAt !== undefined) {
    out.note(out.t('tokens.refresh.refreshUntil', { expiry: formatDeadline(r.entry.refreshTokenExpiresAt, now, out.lang) }));
  }
  if (r.saved) out.note(out.t('tokens.refresh.saved', { profile: result.profile }));
  else if (result.noSave) out.note(out.t('tokens.refresh.notSaved', { profile: result.profile }));
  if (r.keptCached) {
    const key = r.keptCached.reason === 'userinfo' ? 'tokens.refresh.keptCached' : 'tokens.refresh.keptCached.otherGrant';
    out.warning(key, out.t(key, { scope: r.keptCached.scope, newScope: r.entry.scope, openid: r.token.openid, p: result.profileFlag }));
  }
}

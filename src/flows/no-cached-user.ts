// No cached user token to use, said as a missing credential: shared by the flows that need a cached token
// (check, refresh, userinfo: flows/user-token.ts) and by `wxauth tokens show`. A module of its own so that
// `tokens` does not load user-token.ts (node:crypto) for it.
import { suggest } from '../core/closest.js';
import { ConfigError, UsageError, messageRef, type MessageRef, type WxauthError } from '../errors.js';
import { authorizeAgain } from '../core/next-step.js';
import { looksLikeAccessToken } from '../core/token.js';
import { maskSecret, profileFlag } from '../core/validate.js';
import type { TokenStore } from '../store/token-cache.js';

/**
 * No cached token to use: a missing credential (exit 4, as `token --show` on an empty cache), not a
 * mistake in the command line. When the profile does hold tokens, but of another appid (its appid was
 * changed, or WXAUTH_APPID points elsewhere), saying "empty" would send the user to `wxauth tokens`,
 * which lists them: name the appids instead.
 */
export function noCachedUser(
  profile: string,
  openid: string | undefined,
  tokens?: TokenStore,
  appid?: string,
  redirectUri?: string,
  /** `tokens clear` of this openid: told nothing was removed, not to get a token. */
  clearing = false,
): WxauthError {
  if (openid !== undefined && looksLikeAccessToken(openid)) return tokenGivenAsOpenid(profile, openid, tokens, clearing);
  const others = appid === undefined ? [] : (tokens?.listUsers(profile) ?? []).filter((u) => u.appid !== appid && (openid === undefined || u.openid === openid));
  if (appid !== undefined && others.length > 0) {
    const appids = [...new Set(others.map((u) => u.appid))];
    return new ConfigError(
      openid ? { key: 'tokens.otherAppidOpenid', params: { profile, appid, others: appids, openid } } : { key: 'tokens.otherAppid', params: { profile, appid, others: appids } },
      { hint: { key: 'tokens.otherAppid.hint', params: { p: profileFlag(profile), appid, login: authorizeAgain(profile, redirectUri) } } },
    );
  }
  const cached = (tokens?.listUsers(profile) ?? []).filter((u) => appid === undefined || u.appid === appid).map((u) => u.openid);
  // An openid a character or two off one in the cache (cut short, mistyped when copying): the cached one named.
  // openids are case-sensitive: one typed in the wrong case (O8LW…, o8lw…) is named as such, not as a
  // character lost or added.
  const sameIgnoringCase = openid === undefined ? undefined : cached.find((o) => o !== openid && o.toLowerCase() === openid.toLowerCase());
  const close = openid === undefined || sameIgnoringCase !== undefined ? undefined : suggest(openid, cached);
  // The openid is cached, but under another profile (the token was got with --profile staging, say).
  const elsewhere = openid === undefined || close !== undefined || sameIgnoringCase !== undefined ? undefined : tokens?.profilesHolding(openid, profile)[0];
  let hint: MessageRef = messageRef('tokens.noCachedUser.hint', { p: profileFlag(profile), login: authorizeAgain(profile, redirectUri) });
  if (clearing) hint = messageRef('tokens.clear.nothingFor.hint', { p: profileFlag(profile) });
  if (sameIgnoringCase !== undefined) hint = messageRef('tokens.noCachedOpenid.case.hint', { openid: sameIgnoringCase });
  else if (close !== undefined) hint = messageRef('tokens.noCachedOpenid.close.hint', { openid: close });
  else if (elsewhere !== undefined)
    hint = messageRef('tokens.noCachedOpenid.otherProfile.hint', { other: elsewhere, p: profileFlag(elsewhere), action: clearing ? 'clear' : 'show', openid: openid ?? '' });
  return new ConfigError(openid ? { key: 'tokens.noCachedOpenid', params: { profile, openid } } : { key: 'tokens.noCachedUser', params: { profile } }, { hint });
}

/**
 * A token where an openid goes (`tokens show <access_token>`, `check --openid <refresh_token>`): the two
 * are easily mixed up when copying from `exchange`'s output. Said as the usage mistake it is (exit 2),
 * naming the user the token belongs to when it is cached, and never quoting the token whole: "no openid
 * 86_…" would print the secret and send the user to get a token they already have.
 */
function tokenGivenAsOpenid(profile: string, value: string, tokens: TokenStore | undefined, clearing: boolean): UsageError {
  const shown = maskSecret(value);
  const holder = tokens?.listUsers(profile).find((u) => u.accessToken === value || u.refreshToken === value);
  if (holder) {
    const kind = holder.accessToken === value ? 'access_token' : 'refresh_token';
    return new UsageError(
      { key: 'tokens.openidIsCachedToken', params: { value: shown, kind, openid: holder.openid } },
      { hint: { key: clearing ? 'tokens.openidIsToken.clear.hint' : 'tokens.openidIsToken.hint', params: { openid: holder.openid } } },
    );
  }
  return new UsageError(
    { key: 'tokens.openidIsToken', params: { value: shown, length: value.length } },
    { hint: { key: clearing ? 'tokens.openidIsToken.unknown.clear.hint' : 'tokens.openidIsToken.unknown.hint', params: { p: profileFlag(profile) } } },
  );
}

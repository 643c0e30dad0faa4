// wxauth token: the basic access_token alone on stdout (for piping), its lifetime and what the fetch
// did to other servers on stderr, one --json document, or WeChat's body with --raw.
import type { BasicTokenEntry } from '../../store/token-cache.js';
import type { FetchedBasicToken } from '../../flows/basic-token.js';
import type { Output } from '../output.js';
import { formatDuration, formatTime } from './basic-common.js';

export type TokenCommandResult =
  /** --show: the cached token, still valid for `remainingMs`. */
  | { mode: 'show'; entry: BasicTokenEntry; remainingMs: number; profile: string; now: number }
  | { mode: 'fetch'; fetched: FetchedBasicToken; forceRefresh: boolean; profile: string; now: number; raw: boolean };

function describe(entry: BasicTokenEntry, profile: string, now: number, from: 'wechat' | 'cache', host?: string): Record<string, unknown> {
  return {
    appid: entry.appid,
    profile,
    kind: entry.kind,
    access_token: entry.accessToken,
    expires_in: Math.max(0, Math.floor((entry.expiresAt - now) / 1000)),
    expires_at: new Date(entry.expiresAt).toISOString(),
    obtained_at: new Date(entry.obtainedAt).toISOString(),
    from,
    ...(host ? { host } : {}),
  };
}

export function present(result: TokenCommandResult, out: Output): void {
  if (result.mode === 'show') {
    const { entry } = result;
    out.result(describe(entry, result.profile, result.now, 'cache'));
    out.data(entry.accessToken);
    out.say(
      out.t('basic.show.life', {
        kind: out.t(`basic.kind.${entry.kind}`),
        left: formatDuration(out, result.remainingMs),
        at: formatTime(entry.expiresAt),
        obtained: formatTime(entry.obtainedAt),
        // What can end it early differs: any /cgi-bin/token call, or only a forced stable_token (API-FACTS §8, §9).
        risk: { key: entry.kind === 'stable' ? 'basic.show.risk.stable' : 'basic.show.risk.legacy' },
      }),
    );
    return;
  }

  const { fetched, now } = result;
  const { entry, response } = fetched;
  const host = new URL(response.base).host;
  out.result({ ...describe(entry, result.profile, now, 'wechat', host), ...(result.forceRefresh ? { rotated: !fetched.notRotated } : {}) });
  if (result.raw) out.raw(response.raw);
  out.data(entry.accessToken);

  const left = formatDuration(out, entry.expiresAt - now);
  // force_refresh invalidates the previous stable token (API-FACTS, stable_token "Force mode"), unless
  // WeChat handed the same one back (forced calls < 30 s apart): only then do other servers keep theirs.
  const rotatedByForce = entry.kind === 'stable' && result.forceRefresh && !fetched.notRotated;
  out.success(out.t(rotatedByForce ? 'basic.token.done.forced' : `basic.token.done.${entry.kind}`, { left, host, at: formatTime(entry.expiresAt) }));
  if (result.forceRefresh) {
    if (fetched.notRotated) out.warning('basic.force.notRotated', out.t('basic.force.notRotated'));
    else out.note(out.t('basic.force.limits'));
  }
  if (entry.kind === 'legacy') {
    const replaced = fetched.previous?.kind === 'legacy' && fetched.previous.accessToken !== entry.accessToken;
    out.note(out.t(replaced ? 'basic.legacy.replaced' : 'basic.legacy.after'));
  }
  out.note(out.t('basic.token.cached', { profile: result.profile }));
}

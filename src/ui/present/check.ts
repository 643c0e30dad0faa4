// wxauth check: WeChat's verdict with what wxauth knows locally (expiry, refresh deadline); never the token.
import type { TokenStatus } from '../../core/token.js';
import type { CheckResult } from '../../flows/user-token.js';
import type { Output } from '../output.js';
import { formatLocalTime, formatRelative } from '../format.js';
import { iso, seconds, showLife, type UserTokenScene } from './tokens-common.js';

export interface CheckCommandResult extends UserTokenScene {
  check: CheckResult;
  /** The cache's view of the token, when the cache knows it. */
  status?: TokenStatus;
}

export function present(result: CheckCommandResult, out: Output): void {
  const { check: r, status, now } = result;
  const entry = r.picked.entry;
  out.result({
    profile: result.profile,
    valid: true,
    openid: r.picked.openid,
    source: r.picked.source,
    expires_at: iso(entry?.accessTokenExpiresAt),
    remaining_seconds: status ? seconds(status.access.remainingMs) : null,
    level: status?.access.level ?? null,
    refresh_token_expires_at: iso(entry?.refreshTokenExpiresAt),
  });
  if (result.raw) out.raw(r.response.raw);
  out.fields([
    ['openid', r.picked.openid],
    ['scope', entry?.scope],
    [out.t('tokens.label.expires'), status ? showLife(out, status.access, now) : out.t('tokens.value.unknown')],
    [out.t('tokens.label.refreshExpires'), status?.refresh ? showLife(out, status.refresh, now) : undefined],
  ]);
  if (!status) {
    out.success(out.t('tokens.check.validUnknown'));
  } else if (status.access.expired) {
    out.success(out.t('tokens.check.validPlain'));
    out.note(out.t('tokens.check.localDisagrees', { when: formatLocalTime(status.access.expiresAt) }));
  } else {
    out.success(out.t('tokens.check.valid', { expiry: formatRelative(status.access.remainingMs, out.lang) }));
  }
}

// wxauth userinfo: the profile on stdout with what WeChat no longer sends explained on stderr, one
// --json document, or WeChat's body with --raw. An automatic refresh is announced as it happens.
import type { Context } from '../../context.js';
import type { AutoRefresh, UserinfoResult } from '../../flows/user-token.js';
import type { Output } from '../output.js';
import { formatDeadline, formatRelative, isoTime } from '../format.js';
import { tr } from '../i18n.js';
import type { UserTokenScene } from './tokens-common.js';

export interface UserinfoCommandResult extends UserTokenScene {
  /** `refreshed`, when set, was already announced through userinfoAnnouncements(). */
  userinfo: UserinfoResult;
}

/** What userinfo says while it runs: before asking WeChat, and right after an automatic refresh. */
export function userinfoAnnouncements(ctx: Pick<Context, 'out' | 'now'>) {
  const { out } = ctx;
  /** Why the token was refreshed (or the refresh tried): the cache saw it expire, or WeChat's errcode. */
  const sayWhy = (kind: 'refreshed' | 'refreshFailed', reason: AutoRefresh['reason'], previousExpiresAt: number | undefined) => {
    if (reason === 'local') {
      const ago = previousExpiresAt === undefined ? '-' : formatRelative(previousExpiresAt - ctx.now(), out.lang);
      out.warning(`tokens.userinfo.${kind}.local`, out.t(`tokens.userinfo.${kind}.local`, { ago }));
    } else {
      out.warning(`tokens.userinfo.${kind}.errcode`, out.t(`tokens.userinfo.${kind}.errcode`, { errcode: reason }));
    }
  };
  return {
    /** --no-refresh and the cache knows the token has expired: WeChat is asked anyway. */
    expiredNoRefresh(remainingMs: number): void {
      out.warning('tokens.userinfo.expiredNoRefresh', out.t('tokens.userinfo.expiredNoRefresh', { ago: formatRelative(remainingMs, out.lang) }));
    },
    /** The refresh userinfo tried on its own failed: said before its error, which names the refresh endpoint. */
    refreshFailed(reason: AutoRefresh['reason'], previousExpiresAt: number | undefined): void {
      sayWhy('refreshFailed', reason, previousExpiresAt);
    },
    /** "The cached access_token expired 5m ago: refreshed it once…" */
    refreshed(refreshed: AutoRefresh, previousExpiresAt: number | undefined): void {
      sayWhy('refreshed', refreshed.reason, previousExpiresAt);
      const expiry = formatDeadline(refreshed.result.entry.accessTokenExpiresAt, ctx.now(), out.lang);
      out.note(out.t(`tokens.refresh.${refreshed.result.outcome}`, { expiry }));
      // The profile is still fetched with the new token, but the cache keeps the old one, which WeChat
      // may have replaced: said, with why and what to do, rather than left for the next run's 40001.
      const failed = refreshed.result.saveError;
      if (failed) out.warning('tokens.userinfo.refreshNotSaved', out.t('tokens.userinfo.refreshNotSaved', { reason: tr(out.lang, failed.messageRef) }));
    },
  };
}

export function present(result: UserinfoCommandResult, out: Output): void {
  const r = result.userinfo;
  const u = r.userinfo;
  out.result({
    profile: result.profile,
    userinfo: {
      openid: u.openid,
      nickname: u.nickname,
      sex: u.sex,
      ...(u.language !== undefined ? { language: u.language } : {}),
      province: u.province,
      city: u.city,
      country: u.country,
      headimgurl: u.headimgurl,
      privilege: u.privilege,
      unionid: u.unionid ?? null,
      ...u.extra,
    },
    notes: r.notes,
    refreshed: r.refreshed
      ? { reason: r.refreshed.reason, outcome: r.refreshed.result.outcome, expires_at: isoTime(r.refreshed.result.entry.accessTokenExpiresAt), saved: r.refreshed.result.saved }
      : null,
  });
  if (result.raw) out.raw(r.response.raw);
  const none = out.t('tokens.value.none');
  const blank = (s: string) => (s === '' ? '""' : s);
  const extra = Object.entries(u.extra).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
  out.fields([
    ['openid', u.openid],
    ['nickname', blank(u.nickname)],
    ['headimgurl', blank(u.headimgurl)],
    ['unionid', u.unionid ?? none],
    ['privilege', JSON.stringify(u.privilege)],
    ['sex', String(u.sex)],
    ['province', blank(u.province)],
    ['city', blank(u.city)],
    ['country', blank(u.country)],
    ['language', u.language === undefined ? undefined : blank(u.language)],
    ...extra,
  ]);
  for (const note of r.notes) out.note(out.t(`tokens.userinfo.note.${note}`));
  if (u.headimgurl !== '') out.note(out.t('tokens.userinfo.note.avatar'));
}

// wxauth userinfo [access_token] [openid] [--lang zh_CN|zh_TW|en] [--no-refresh]: GET /sns/userinfo.
// A cached access_token that has expired (known locally, or 42001/40001 from WeChat) is refreshed
// once with the cached refresh_token, and the call retried; --no-refresh turns that off.
import type { Context } from '../context.js';
import { UsageError, WechatApiError } from '../errors.js';
import type { UserinfoLang } from '../http/api.js';
import { tokenStatus } from '../core/token.js';
import { profileFlag } from '../core/next-step.js';
import { fetchUserinfo, pickUserToken } from '../flows/user-token.js';
import { presentAutoRefresh, presentUserinfo } from '../ui/present-tokens.js';
import { formatRelative } from '../ui/format.js';

const LANGS: readonly UserinfoLang[] = ['zh_CN', 'zh_TW', 'en'];

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const [accessToken, positionalOpenid] = args;
  const openid = positionalOpenid ?? (typeof opts.openid === 'string' ? opts.openid : undefined);
  const lang = typeof opts.lang === 'string' ? opts.lang : undefined;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) {
    throw new UsageError({ key: 'tokens.userinfo.lang.invalid', params: { value: lang } }, { hint: { key: 'tokens.userinfo.lang.invalid.hint' } });
  }
  const autoRefresh = opts.refresh !== false;
  const config = await ctx.resolveConfig();
  const tokens = await ctx.tokenStore();
  const query = { profile: config.profile, appid: config.appid, accessToken, openid };
  // What the cache said before the call, for the "expired 5m ago, refreshed" line.
  const before = pickUserToken(tokens, query).entry;
  const out = ctx.out;
  if (!autoRefresh && before) {
    const status = tokenStatus(before, ctx.now());
    if (status.access.expired) {
      out.warn(out.t('tokens.userinfo.expiredNoRefresh', { ago: formatRelative(status.access.remainingMs, out.lang) }));
    }
  }
  const api = await ctx.api(config);
  const present = { now: ctx.now(), profile: config.profile, profileFlag: profileFlag(config.profile), raw: ctx.globals.raw === true };
  try {
    const result = await fetchUserinfo({
      api,
      tokens,
      ...query,
      lang: lang as UserinfoLang | undefined,
      autoRefresh,
      now: () => ctx.now(),
      onRefresh: (refreshed) => presentAutoRefresh(out, refreshed, present, before?.accessTokenExpiresAt),
    });
    presentUserinfo(out, result, { ...present, now: ctx.now() }, { announced: true });
  } catch (error) {
    if (error instanceof WechatApiError && ctx.globals.raw) out.raw(error.raw);
    throw error;
  }
}

// wxauth userinfo [access_token] [openid] [--lang zh_CN|zh_TW|en] [--no-refresh]: GET /sns/userinfo.
// A cached access_token that has expired (known locally, or 42001/40001 from WeChat) is refreshed
// once with the cached refresh_token, and the call retried; --no-refresh turns that off.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { UsageError } from '../errors.js';
import type { UserinfoLang } from '../core/responses.js';
import { tokenStatus } from '../core/token.js';
import { profileFlag } from '../core/validate.js';
import { emptyArgOf, fetchUserinfo, pickUserToken, refuseEmptyArg, refuseMistypedTokenArgs, sendsCodeShaped } from '../flows/user-token.js';
import { refuseUnusableProfile } from '../store/resolve.js';
import { userinfoAnnouncements, type UserinfoCommandResult } from '../ui/present/userinfo.js';
import { uiLang } from '../ui/i18n.js';

const LANGS: readonly UserinfoLang[] = ['zh_CN', 'zh_TW', 'en'];

export interface UserinfoOptions {
  accessToken?: string;
  openid?: string;
  lang?: UserinfoLang;
  autoRefresh: boolean;
  /** An argument given empty, by name: refused in run(), where the profile its hint names is known. */
  emptyArg?: string;
}

export function parseOptions({ args, opts, profile }: CommandInput): UserinfoOptions {
  const [accessToken, positionalOpenid] = args;
  const openid = positionalOpenid ?? (typeof opts.openid === 'string' ? opts.openid : undefined);
  const emptyArg = emptyArgOf([['access_token', accessToken], ['openid', positionalOpenid], ['--openid', typeof opts.openid === 'string' ? opts.openid : undefined]]);
  if (emptyArg === undefined) refuseMistypedTokenArgs('userinfo', accessToken, positionalOpenid);
  const lang = typeof opts.lang === 'string' ? opts.lang : undefined;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) {
    throw new UsageError({ key: 'tokens.userinfo.lang.invalid', params: { value: lang } }, { hint: { key: 'tokens.userinfo.lang.invalid.hint', params: { ui: uiLang(lang) ?? 'zh|en', p: profileFlag(profile ?? 'default') } } });
  }
  return {
    ...(accessToken !== undefined ? { accessToken } : {}),
    ...(openid !== undefined ? { openid } : {}),
    ...(lang !== undefined ? { lang: lang as UserinfoLang } : {}),
    autoRefresh: opts.refresh !== false,
    ...(emptyArg !== undefined ? { emptyArg } : {}),
  };
}

export async function run(options: UserinfoOptions, ctx: Context): Promise<UserinfoCommandResult> {
  const { autoRefresh } = options;
  const config = await ctx.resolveConfig();
  refuseEmptyArg('userinfo', options.emptyArg, config.profile);
  const tokens = await ctx.tokenStore();
  refuseUnusableProfile(config, tokens.listUsers(config.profile).length);
  // A code-shaped token is sent to a mock or a gateway (whose tokens may look so), refused elsewhere.
  const sendCodeShaped = await sendsCodeShaped(config.apiBase, options.accessToken, ctx.signal);
  const query = { profile: config.profile, redirectUri: config.redirectUri, appid: config.appid, accessToken: options.accessToken, openid: options.openid, use: 'userinfo' as const, sendCodeShaped };
  const announce = userinfoAnnouncements(ctx);
  // What the cache said before the call, for the "expired 5m ago, refreshed" line.
  const before = pickUserToken(tokens, query).entry;
  if (!autoRefresh && before) {
    const status = tokenStatus(before, ctx.now());
    if (status.access.expired) announce.expiredNoRefresh(status.access.remainingMs);
  }
  const api = await ctx.api(config);
  const userinfo = await fetchUserinfo({
      api,
      tokens,
      ...query,
      lang: options.lang,
      autoRefresh,
      now: () => ctx.now(),
      // Said when it happens, before the retry, so it is shown even if the retry fails.
      onRefresh: (refreshed) => announce.refreshed(refreshed, before?.accessTokenExpiresAt),
      onRefreshFailed: (reason) => announce.refreshFailed(reason, before?.accessTokenExpiresAt),
    });
  return { userinfo, now: ctx.now(), profile: config.profile, profileFlag: profileFlag(config.profile), raw: ctx.globals.raw === true };
}

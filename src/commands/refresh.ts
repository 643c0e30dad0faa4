// wxauth refresh [refresh_token] [--openid]: GET /sns/oauth2/refresh_token. Without an argument the
// cached refresh_token of the latest user (or --openid) is used; the cache is updated (not with --no-save,
// for a cache kept read-only on purpose: the refreshed tokens are printed only).
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { envCredentials } from '../core/next-step.js';
import { profileFlag } from '../core/validate.js';
import { looksLikeOpenid } from '../core/token.js';
import { UsageError } from '../errors.js';
import { emptyArgOf, refreshUserToken, refuseEmptyArg, refuseRefreshTokenArg } from '../flows/user-token.js';
import type { RefreshCommandResult } from '../ui/present/refresh.js';

export interface RefreshOptions {
  refreshToken?: string;
  openid?: string;
  /** Write the refreshed tokens to the cache (false with --no-save; then a read-only cache is no reason to stop). */
  save: boolean;
  /** An argument given empty, by name: refused in run(), where the profile its hint names is known. */
  emptyArg?: string;
}

export function parseOptions({ args, opts }: CommandInput): RefreshOptions {
  const given = args[0];
  const emptyArg = emptyArgOf([['refresh_token', given], ['--openid', typeof opts.openid === 'string' ? opts.openid : undefined]]);
  return {
    ...(args[0] !== undefined ? { refreshToken: args[0] } : {}),
    ...(typeof opts.openid === 'string' ? { openid: opts.openid } : {}),
    save: opts.save !== false,
    ...(emptyArg !== undefined ? { emptyArg } : {}),
  };
}

export async function run(options: RefreshOptions, ctx: Context): Promise<RefreshCommandResult> {
  // The argument mistakes first (their hints name the profile), before anything is required or sent.
  const { profile, redirectUri } = await ctx.resolveConfig();
  refuseEmptyArg('refresh', options.emptyArg, profile);
  // `wxauth refresh o8Lw…`: an openid where the refresh_token goes (the user meant that user's cached
  // token). WeChat would answer 40030, read as "authorise again".
  const given = options.refreshToken;
  if (given !== undefined && looksLikeOpenid(given)) {
    throw new UsageError({ key: 'tokens.args.openidAsRefreshToken', params: { openid: given } }, { hint: { key: 'tokens.args.openidAsRefreshToken.hint', params: { openid: given, p: profileFlag(profile) } } });
  }
  // A code, a callback URL or the user's access_token where the refresh_token goes is wrong whatever the
  // config: said before a missing appid (exit 2 before exit 4), once the cache has said whether it holds
  // that value as a refresh_token (then it is sent, whatever its shape).
  if (given !== undefined) refuseRefreshTokenArg(await ctx.tokenStore(), profile, redirectUri, given);
  // /sns/oauth2/refresh_token needs the appid but not the secret (API-FACTS §5).
  const config = await ctx.requireConfig(['appid']);
  const appid = config.appid as string;
  const tokens = await ctx.tokenStore();
  const api = await ctx.api(config);
  const refresh = await refreshUserToken({ api, tokens, profile: config.profile, redirectUri: config.redirectUri, appid, refreshToken: options.refreshToken, openid: options.openid, now: () => ctx.now(), fromEnv: envCredentials(config.sources), save: options.save, refuseUnsavable: true });
  return {
    refresh,
    now: ctx.now(),
    profile: config.profile,
    profileFlag: profileFlag(config.profile),
    raw: ctx.globals.raw === true,
    ...(options.save ? {} : { noSave: true }),
    ...(refresh.saveError ? { exitCode: refresh.saveError.exitCode } : {}),
  };
}

// wxauth refresh [refresh_token] [--openid]: GET /sns/oauth2/refresh_token. Without an argument the
// cached refresh_token of the latest user (or --openid) is used; the cache is updated (not with --no-save,
// for a cache kept read-only on purpose: the refreshed tokens are printed only).
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { envCredentials } from '../core/next-step.js';
import { profileFlag } from '../core/validate.js';
import { looksLikeOpenid } from '../core/token.js';
import { ConfigError, UsageError } from '../errors.js';
import { emptyArgOf, refreshUserToken, refuseEmptyArg, refuseRefreshTokenArg, sendsCodeShaped } from '../flows/user-token.js';
import type { RefreshCommandResult } from '../ui/present/refresh.js';
import type { TokenStore } from '../store/token-cache.js';

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
  const { profile, redirectUri, apiBase } = await ctx.resolveConfig();
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
  const tokens = await usableTokens(options, ctx, profile);
  // A code-shaped refresh_token is sent to a mock or a gateway (whose tokens may look so), refused elsewhere.
  const sendCodeShaped = await sendsCodeShaped(apiBase, given, ctx.signal);
  if (given !== undefined) refuseRefreshTokenArg(tokens, profile, redirectUri, given, sendCodeShaped);
  // /sns/oauth2/refresh_token needs the appid but not the secret (API-FACTS §5).
  const config = await ctx.requireConfig(['appid']);
  const appid = config.appid as string;
  const api = await ctx.api(config);
  const refresh = await refreshUserToken({ api, tokens, profile: config.profile, redirectUri: config.redirectUri, appid, refreshToken: options.refreshToken, openid: options.openid, now: () => ctx.now(), fromEnv: envCredentials(config.sources), save: options.save, refuseUnsavable: true, sendCodeShaped });
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

/**
 * The token cache, or none: `--no-save` with the refresh_token given neither needs it (the token to send
 * is given) nor writes it, so a cache that cannot be read (not JSON, unreadable) is said as a warning
 * and left as it is, not a reason to stop (exit 4). Without --no-save it still stops the run before
 * anything is sent (the refreshed tokens must be saved); without the argument the cache is where the
 * refresh_token is.
 */
async function usableTokens(options: RefreshOptions, ctx: Context, profile: string): Promise<TokenStore | undefined> {
  if (options.save || options.refreshToken === undefined) return ctx.tokenStore();
  try {
    const tokens = await ctx.tokenStore(); // read whole as it opens
    tokens.listUsers(profile);
    return tokens;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const ref = { key: 'tokens.refresh.noSave.cacheUnread', params: { problem: error.messageRef } } as const;
    ctx.out.warning(ref.key, ctx.out.tr(ref));
    return undefined;
  }
}

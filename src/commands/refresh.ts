// wxauth refresh [refresh_token] [--openid]: GET /sns/oauth2/refresh_token. Without an argument the
// cached refresh_token of the latest user (or --openid) is used; the cache is updated.
import type { Context } from '../context.js';
import { WechatApiError } from '../errors.js';
import { profileFlag } from '../core/next-step.js';
import { refreshUserToken } from '../flows/user-token.js';
import { presentRefresh } from '../ui/present-tokens.js';

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const refreshToken = args[0];
  const openid = typeof opts.openid === 'string' ? opts.openid : undefined;
  // /sns/oauth2/refresh_token needs the appid but not the secret (API-FACTS §5).
  const config = await ctx.requireConfig(['appid']);
  const appid = config.appid as string;
  const tokens = await ctx.tokenStore();
  const api = await ctx.api(config);
  try {
    const result = await refreshUserToken({ api, tokens, profile: config.profile, appid, refreshToken, openid, now: () => ctx.now() });
    presentRefresh(ctx.out, result, { now: ctx.now(), profile: config.profile, profileFlag: profileFlag(config.profile), raw: ctx.globals.raw === true });
  } catch (error) {
    if (error instanceof WechatApiError && ctx.globals.raw) ctx.out.raw(error.raw);
    throw error;
  }
}

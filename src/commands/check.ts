// wxauth check [access_token] [openid]: GET /sns/auth. Exit 0 when WeChat says valid; exit 3 (a
// WechatApiError carrying the reason and the next step) when not.
import type { Context } from '../context.js';
import { WechatApiError } from '../errors.js';
import { tokenStatus } from '../core/token.js';
import { profileFlag } from '../core/next-step.js';
import { checkUserToken } from '../flows/user-token.js';
import { presentCheck } from '../ui/present-tokens.js';

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const [accessToken, positionalOpenid] = args;
  const openid = positionalOpenid ?? (typeof opts.openid === 'string' ? opts.openid : undefined);
  const config = await ctx.resolveConfig();
  const tokens = await ctx.tokenStore();
  const api = await ctx.api(config);
  try {
    const result = await checkUserToken({ api, tokens, profile: config.profile, appid: config.appid, accessToken, openid, now: () => ctx.now() });
    const now = ctx.now();
    const status = result.picked.entry ? tokenStatus(result.picked.entry, now) : undefined;
    presentCheck(ctx.out, result, status, { now, profile: config.profile, profileFlag: profileFlag(config.profile), raw: ctx.globals.raw === true });
  } catch (error) {
    if (error instanceof WechatApiError && ctx.globals.raw) ctx.out.raw(error.raw);
    throw error;
  }
}

// wxauth check [access_token] [openid]: GET /sns/auth. Exit 0 when WeChat says valid; exit 3 (a
// WechatApiError carrying the reason and the next step) when not.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { tokenStatus } from '../core/token.js';
import { profileFlag } from '../core/validate.js';
import { refuseUnusableProfile } from '../store/resolve.js';
import { checkUserToken, refuseEmptyArgs, refuseMistypedTokenArgs } from '../flows/user-token.js';
import type { CheckCommandResult } from '../ui/present/check.js';

export interface CheckOptions {
  accessToken?: string;
  openid?: string;
}

export function parseOptions({ args, opts }: CommandInput): CheckOptions {
  const [accessToken, positionalOpenid] = args;
  const openid = positionalOpenid ?? (typeof opts.openid === 'string' ? opts.openid : undefined);
  refuseEmptyArgs('check', [['access_token', accessToken], ['openid', positionalOpenid], ['--openid', typeof opts.openid === 'string' ? opts.openid : undefined]]);
  refuseMistypedTokenArgs('check', accessToken, positionalOpenid);
  return { ...(accessToken !== undefined ? { accessToken } : {}), ...(openid !== undefined ? { openid } : {}) };
}

export async function run(options: CheckOptions, ctx: Context): Promise<CheckCommandResult> {
  const config = await ctx.resolveConfig();
  const tokens = await ctx.tokenStore();
  refuseUnusableProfile(config, tokens.listUsers(config.profile).length);
  const api = await ctx.api(config);
  const check = await checkUserToken({ api, tokens, profile: config.profile, redirectUri: config.redirectUri, appid: config.appid, ...options, now: () => ctx.now() });
  const now = ctx.now();
  // What wxauth knows locally about the token WeChat just accepted (nothing for a token given as arguments).
  const status = check.picked.entry ? tokenStatus(check.picked.entry, now) : undefined;
  return { check, status, now, profile: config.profile, profileFlag: profileFlag(config.profile), raw: ctx.globals.raw === true };
}

// wxauth check [access_token] [openid]: GET /sns/auth. Exit 0 when WeChat says valid; exit 3 (a
// WechatApiError carrying the reason and the next step) when not.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { tokenStatus } from '../core/token.js';
import { profileFlag } from '../core/validate.js';
import { refuseUnusableProfile } from '../store/resolve.js';
import { checkUserToken, emptyArgOf, refuseEmptyArg, refuseMistypedTokenArgs, sendsCodeShaped } from '../flows/user-token.js';
import type { CheckCommandResult } from '../ui/present/check.js';

export interface CheckOptions {
  accessToken?: string;
  openid?: string;
  /** An argument given empty, by name: refused in run(), where the profile its hint names is known. */
  emptyArg?: string;
}

export function parseOptions({ args, opts }: CommandInput): CheckOptions {
  const [accessToken, positionalOpenid] = args;
  const openid = positionalOpenid ?? (typeof opts.openid === 'string' ? opts.openid : undefined);
  const emptyArg = emptyArgOf([['access_token', accessToken], ['openid', positionalOpenid], ['--openid', typeof opts.openid === 'string' ? opts.openid : undefined]]);
  if (emptyArg === undefined) refuseMistypedTokenArgs('check', accessToken, positionalOpenid);
  return { ...(accessToken !== undefined ? { accessToken } : {}), ...(openid !== undefined ? { openid } : {}), ...(emptyArg !== undefined ? { emptyArg } : {}) };
}

export async function run(options: CheckOptions, ctx: Context): Promise<CheckCommandResult> {
  const config = await ctx.resolveConfig();
  refuseEmptyArg('check', options.emptyArg, config.profile);
  const tokens = await ctx.tokenStore();
  refuseUnusableProfile(config, tokens.listUsers(config.profile).length);
  // A code-shaped token is sent to a mock or a gateway (whose tokens may look so), refused elsewhere.
  const sendCodeShaped = await sendsCodeShaped(config.apiBase, options.accessToken, ctx.signal);
  const api = await ctx.api(config);
  const check = await checkUserToken({ api, tokens, profile: config.profile, redirectUri: config.redirectUri, appid: config.appid, ...options, sendCodeShaped, now: () => ctx.now() });
  const now = ctx.now();
  // What wxauth knows locally about the token WeChat just accepted (nothing for a token given as arguments).
  const status = check.picked.entry ? tokenStatus(check.picked.entry, now) : undefined;
  return { check, status, now, profile: config.profile, profileFlag: profileFlag(config.profile), raw: ctx.globals.raw === true };
}

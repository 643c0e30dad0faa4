// wxauth user <openid> [--lang zh_CN|zh_TW|en]
// GET /cgi-bin/user/info with the basic token: whether the user follows the account, since when,
// unionid, remark and tags. Not the web-authorization profile (that is `wxauth userinfo`).
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { UsageError, WechatApiError, withHint } from '../errors.js';
import { nextStep } from '../core/next-step.js';
import { looksLikeAccessToken, quotedInput } from '../core/token.js';
import { isSecret, profileFlag } from '../core/validate.js';
import type { UserinfoLang } from '../core/responses.js';
import { basicTokenEvents } from '../ui/present/basic-common.js';
import type { UserCommandResult } from '../ui/present/user.js';
import { uiLang } from '../ui/i18n.js';

const LANGS: readonly UserinfoLang[] = ['zh_CN', 'zh_TW', 'en'];

export interface UserOptions {
  openid: string;
  lang?: UserinfoLang;
}

export function parseOptions({ args, opts, profile }: CommandInput): UserOptions {
  const openid = (args[0] ?? '').trim();
  // user/info's URL takes access_token and openid, so the token is what people paste here first.
  if (looksLikeAccessToken(openid)) {
    throw new UsageError({ key: 'basic.user.openid.isToken', params: { value: quotedInput(openid) } }, { hint: { key: 'basic.user.openid.isToken.hint' } });
  }
  // 32 hex digits is an appsecret's shape, never an openid's (28 characters, §0.5): the appsecret pasted
  // in the wrong place. Quoted masked, and not sent to WeChat as an openid.
  if (isSecret(openid)) {
    throw new UsageError({ key: 'basic.user.openid.isSecret', params: { value: quotedInput(openid) } }, { hint: { key: 'basic.user.openid.isSecret.hint' } });
  }
  // openids are 28 characters of [A-Za-z0-9_-] in practice (API-FACTS §0.5); accept any such length.
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(openid)) {
    // Quoted back masked: a pasted callback or API URL carries the code or a token (quotedInput).
    throw new UsageError({ key: 'basic.user.openid.invalid', params: { openid: quotedInput(openid) } }, { hint: { key: 'basic.user.openid.invalid.hint' } });
  }
  const lang = opts.lang;
  if (lang !== undefined && !LANGS.includes(lang as UserinfoLang)) {
    throw new UsageError({ key: 'basic.user.lang.invalid', params: { lang: String(lang) } }, { hint: { key: 'basic.user.lang.invalid.hint', params: { ui: uiLang(String(lang)) ?? 'zh|en', p: profileFlag(profile ?? 'default') } } });
  }
  return { openid, ...(lang !== undefined ? { lang: lang as UserinfoLang } : {}) };
}

export async function run(options: UserOptions, ctx: Context): Promise<UserCommandResult> {
  const { service, appid, api, config } = await ctx.basicTokenService(basicTokenEvents(ctx));
  try {
    const response = await service.use((accessToken) => api.getUserInfo({ accessToken, openid: options.openid, lang: options.lang }));
    return { appid, response, raw: ctx.globals.raw === true, websiteApp: config.type === 'website' };
  } catch (error) {
    if (error instanceof WechatApiError) throw withHint(error, nextStep(error.errcode, { use: 'user', appid }));
    throw error;
  }
}

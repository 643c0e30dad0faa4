// wxauth user <openid> [--lang zh_CN|zh_TW|en]
// GET /cgi-bin/user/info with the basic token: whether the user follows the account, since when,
// unionid, remark and tags. Not the web-authorization profile (that is `wxauth userinfo`).
import type { Context } from '../context.js';
import { UsageError, WechatApiError, withHint } from '../errors.js';
import { nextStep } from '../core/next-step.js';
import { openBasicTokenService } from '../flows/basic-token.js';
import type { UserinfoLang } from '../http/api.js';
import { formatTime, presentTokenEvent } from '../ui/basic-present.js';

const LANGS: readonly UserinfoLang[] = ['zh_CN', 'zh_TW', 'en'];

interface UserOptions {
  openid: string;
  lang?: UserinfoLang;
}

function toOptions(args: string[], opts: Record<string, unknown>): UserOptions {
  const openid = (args[0] ?? '').trim();
  // openids are 28 characters of [A-Za-z0-9_-] in practice (API-FACTS §0.5); accept any such length.
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(openid)) {
    throw new UsageError({ key: 'basic.user.openid.invalid', params: { openid } }, { hint: { key: 'basic.user.openid.invalid.hint' } });
  }
  const lang = opts.lang;
  if (lang !== undefined && !LANGS.includes(lang as UserinfoLang)) {
    throw new UsageError({ key: 'basic.user.lang.invalid', params: { lang: String(lang) } }, { hint: { key: 'basic.user.lang.invalid.hint' } });
  }
  return { openid, ...(lang !== undefined ? { lang: lang as UserinfoLang } : {}) };
}

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const options = toOptions(args, opts);
  const { out } = ctx;
  const config = await ctx.requireConfig(['appid', 'secret']);
  const api = await ctx.api(config);
  const { service, appid } = openBasicTokenService({
    config,
    api,
    store: await ctx.tokenStore(),
    now: () => ctx.now(),
    onEvent: (event) => presentTokenEvent(out, event, ctx.now(), ctx.globals.verbose === true),
  });

  let response;
  try {
    response = await service.use((accessToken) => api.getUserInfo({ accessToken, openid: options.openid, lang: options.lang }));
  } catch (error) {
    if (error instanceof WechatApiError) throw withHint(error, nextStep(error.errcode, { use: 'user', appid }));
    throw error;
  }
  const user = response.data;
  out.result({ appid, user });
  if (ctx.globals.raw) out.raw(response.raw);

  const following = Number(user.subscribe) === 1;
  out.fields([
    ['openid', user.openid],
    ['subscribe', `${user.subscribe} (${out.t(following ? 'basic.user.follows' : 'basic.user.notFollowing')})`],
    ['subscribe_time', user.subscribe_time ? `${formatTime(user.subscribe_time * 1000)} (${user.subscribe_time})` : undefined],
    ['unionid', user.unionid],
    ['remark', user.remark === undefined ? undefined : user.remark === '' ? out.t('basic.user.empty') : user.remark],
    ['tagid_list', user.tagid_list === undefined ? undefined : user.tagid_list.length > 0 ? user.tagid_list.join(', ') : out.t('basic.user.empty')],
    ['groupid', user.groupid === undefined ? undefined : String(user.groupid)],
    ['language', user.language || undefined],
    ['subscribe_scene', user.subscribe_scene],
    ['qr_scene', user.qr_scene === undefined || user.qr_scene === 0 ? undefined : String(user.qr_scene)],
    ['qr_scene_str', user.qr_scene_str || undefined],
  ]);
  if (!following) {
    out.note(out.t('basic.user.subscribe0'));
  } else if (user.unionid === undefined) {
    out.note(out.t('basic.user.noUnionid'));
  }
}

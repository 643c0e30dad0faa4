// Which scopes WeChat would issue a code of for an app, in one place: the authorize and qrconnect pages
// (pages.ts), POST /__emulator/code (issueCode) and probe's codes (flows/probe/control.ts) all ask it.
// Pure: no I/O, so probe may import it beside the emulator's types.
import type { NormalizedApp } from './seed.js';
import type { Scope } from './state.js';
import { UI_TEXT } from './ui-text.js';

type AppKind = Pick<NormalizedApp, 'type' | 'verified'>;

/**
 * The scopes a code can be issued for `app` and the page it logs in on: a 网站应用 on /connect/qrconnect
 * with snsapi_login only (API-FACTS §2.1), a 公众号 on /connect/oauth2/authorize with snsapi_base or
 * snsapi_userinfo (§1.1); `none` when it may log in on neither: only verified 服务号 (and test accounts)
 * have 网页授权 rights, a 订阅号 or an unverified 服务号 gets 10005 (§1.1, §1.5).
 */
export type Issuable =
  | { page: 'qrconnect' | 'authorize'; scopes: readonly Scope[] }
  | { page: 'authorize'; scopes: readonly []; none: 'subscription' | 'unverified' };

const WEBSITE: Issuable = { page: 'qrconnect', scopes: ['snsapi_login'] };
const OFFICIAL: Issuable = { page: 'authorize', scopes: ['snsapi_base', 'snsapi_userinfo'] };

export function issuableScopes(app: AppKind): Issuable {
  if (app.type === 'website') return WEBSITE;
  if (app.type === 'subscription') return { page: 'authorize', scopes: [], none: 'subscription' };
  if (app.type === 'service' && !app.verified) return { page: 'authorize', scopes: [], none: 'unverified' };
  return OFFICIAL;
}

/** An app type as the control API's sentences name it: WeChat's word, then the English (the page's words). */
function typeName(app: AppKind): string {
  const { zh, en } = UI_TEXT[`type.${app.type}`];
  return app.type === 'website' ? `${zh} (${en})` : `${zh} (${en}, a 公众号)`;
}

/**
 * Why WeChat would never issue a code of `scope` for `app`, as the control API says it; undefined when
 * it would. `scope` undefined: whether the app can be issued any code at all.
 */
export function scopeRefusal(app: AppKind & Pick<NormalizedApp, 'appid'>, scope: Scope | undefined): string | undefined {
  const issuable = issuableScopes(app);
  const named = `${app.appid}, a ${typeName(app)}`;
  if ('none' in issuable)
    return `${named}, can be issued no code: it has no web-authorization rights (网页授权; WeChat's /connect/oauth2/authorize answers 10005 此公众号并没有这些scope的权限); only verified 服务号 and 测试号 have them${app.type === 'service' ? ' (this one is seeded with "verified": false)' : ''}`;
  if (scope === undefined || issuable.scopes.includes(scope)) return undefined;
  return issuable.page === 'qrconnect'
    ? `scope ${scope} does not fit ${named}: it takes snsapi_login only (WeChat's /connect/qrconnect refuses any other scope with 该链接无法访问); snsapi_base and snsapi_userinfo are for 公众号`
    : `scope ${scope} does not fit ${named}: it takes snsapi_base or snsapi_userinfo (WeChat's /connect/oauth2/authorize answers snsapi_login with 10005); snsapi_login is for 网站应用 (website apps)`;
}

// Building WeChat's authorization URLs.
//
// 公众号/服务号/测试号: https://open.weixin.qq.com/connect/oauth2/authorize (scope snsapi_base | snsapi_userinfo)
// 网站应用:            https://open.weixin.qq.com/connect/qrconnect        (scope snsapi_login)
//
// WeChat matches the authorize URL against a strict pattern: "微信会对授权链接做正则强匹配校验，如果链接的
// 参数顺序不对，授权页面将无法正常访问" (old OA doc, API-FACTS §1.2). The order is appid, redirect_uri,
// response_type, scope, state, then `#wechat_redirect`; redirect_uri is URL-encoded exactly once (§1.1).
import { PATHS, joinUrl, DEFAULT_OPEN_BASE, isWechatOpenBase, type Scope } from './endpoints.js';

export type AuthEndpoint = 'authorize' | 'qrconnect';
export const AUTH_ENDPOINTS: readonly AuthEndpoint[] = ['authorize', 'qrconnect'];

// The scopes live in endpoints.ts, a module every token command already loads (token.ts reads a scope
// with isScope): importing them from here put this module's chunk in their start-up (issue 19).
export { SCOPES, isScope, type Scope } from './endpoints.js';

/** Which scopes each endpoint accepts: snsapi_login only on qrconnect, the other two only on authorize. */
export const ENDPOINT_SCOPES: Record<AuthEndpoint, readonly Scope[]> = {
  authorize: ['snsapi_base', 'snsapi_userinfo'],
  qrconnect: ['snsapi_login'],
};

/** The five parameters WeChat requires, in the order it requires them. */
export const ORDERED_PARAMS = ['appid', 'redirect_uri', 'response_type', 'scope', 'state'] as const;

export const WECHAT_REDIRECT_FRAGMENT = 'wechat_redirect';

/** qrconnect's UI language (`cn` default, `en`). */
export type QrLang = 'cn' | 'en';

export interface BuildAuthorizeUrlInput {
  /** `https://open.weixin.qq.com` or the emulator's base. */
  openBase?: string;
  endpoint: AuthEndpoint;
  appid: string;
  /** The redirect URI as the user means it (not encoded; it is encoded here, once). */
  redirectUri: string;
  scope: string;
  /** Omitted from the URL when undefined; sent as `state=` when ''. */
  state?: string;
  /** `forcePopup=true`: ask WeChat to show the consent page even where it would be silent (authorize). */
  forcePopup?: boolean;
  /** qrconnect page language. */
  lang?: QrLang;
}

export interface AuthorizeUrl {
  url: string;
  /** The query parameters in URL order, decoded. */
  params: Array<[string, string]>;
  /** Scheme, host and path, without the query. */
  endpointUrl: string;
}

export function endpointUrl(endpoint: AuthEndpoint, openBase: string = DEFAULT_OPEN_BASE): string {
  return joinUrl(openBase, PATHS[endpoint]);
}

export function buildAuthorizeUrl(input: BuildAuthorizeUrlInput): AuthorizeUrl {
  const params: Array<[string, string]> = [
    ['appid', input.appid],
    ['redirect_uri', input.redirectUri],
    ['response_type', 'code'],
    ['scope', input.scope],
  ];
  if (input.state !== undefined) params.push(['state', input.state]);
  if (input.lang !== undefined) params.push(['lang', input.lang]);
  if (input.forcePopup) params.push(['forcePopup', 'true']);
  const base = endpointUrl(input.endpoint, input.openBase);
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return { url: `${base}?${query}#${WECHAT_REDIRECT_FRAGMENT}`, params, endpointUrl: base };
}

/** Where WeChat's WxLogin script lives (website apps, embedded QR login; API-FACTS §2.2). */
export const WXLOGIN_SCRIPT = 'https://res.wx.qq.com/connect/zh_CN/htmledition/js/wxLogin.js';
/** Where the emulator serves its copy of that script, which frames the emulator's QR page instead of WeChat's. */
export const WXLOGIN_SCRIPT_PATH = '/connect/zh_CN/htmledition/js/wxLogin.js';

export interface WxLoginEmbedInput {
  openBase?: string;
  appid: string;
  redirectUri: string;
  state: string;
  /** Container element id. */
  id?: string;
  /** false (default): the top window navigates to redirect_uri; true: the iframe does. */
  selfRedirect?: boolean;
  style?: 'black' | 'white';
  /** Custom CSS: an https URL or `data:text/css;base64,…`. */
  href?: string;
  lang?: QrLang;
}

export interface WxLoginEmbed {
  script: string;
  /** The object to pass to `new WxLogin(...)`; redirect_uri already URL-encoded, as the script expects. */
  config: Record<string, string | boolean>;
  /** The iframe URL WxLogin builds from that config. */
  iframeUrl: string;
  /** A copy-paste HTML snippet. */
  html: string;
}

/**
 * What an embedded QR login needs. WxLogin concatenates its options into the iframe URL without
 * encoding them, so redirect_uri must be passed already encoded. The iframe URL below mirrors what
 * wxLogin.js builds (appid, scope, redirect_uri, state, login_type=jssdk, self_redirect, styletype,
 * sizetype, bgcolor, rst, then style/href/lang when set) — note: no response_type, no #wechat_redirect.
 */
export function buildWxLoginEmbed(input: WxLoginEmbedInput): WxLoginEmbed {
  const id = input.id ?? 'login_container';
  const selfRedirect = input.selfRedirect ?? false;
  const style = input.style ?? 'black';
  const redirect = encodeURIComponent(input.redirectUri);
  const config: Record<string, string | boolean> = {
    self_redirect: selfRedirect,
    id,
    appid: input.appid,
    scope: 'snsapi_login',
    redirect_uri: redirect,
    state: input.state,
    style,
    href: input.href ?? '',
  };
  if (input.lang === 'en') config.lang = 'en';
  let iframeUrl =
    `${endpointUrl('qrconnect', input.openBase)}?appid=${input.appid}&scope=snsapi_login` +
    `&redirect_uri=${redirect}&state=${input.state}&login_type=jssdk` +
    `&self_redirect=${selfRedirect ? 'true' : 'false'}&styletype=&sizetype=&bgcolor=&rst=&style=${style}`;
  if (input.href) iframeUrl += `&href=${input.href}`;
  if (input.lang === 'en') iframeUrl += '&lang=en';
  const body = Object.entries(config)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)},`)
    .join('\n');
  // Another open base (the emulator) serves its own copy: WeChat's would frame the real QR page.
  const script = input.openBase === undefined || isWechatOpenBase(input.openBase) ? WXLOGIN_SCRIPT : joinUrl(input.openBase, WXLOGIN_SCRIPT_PATH);
  const html = [
    `<div id=${JSON.stringify(id)}></div>`,
    `<script src="${script}"></script>`,
    '<script>',
    '  // iframe: ' + iframeUrl,
    '  new WxLogin({',
    body,
    '  });',
    '</script>',
  ].join('\n');
  return { script, config, iframeUrl, html };
}

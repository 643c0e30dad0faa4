// Typed calls to WeChat's API. Each returns the parsed body, the raw text and the request it sent,
// so commands can show exactly what happened (-v, --raw). Types mirror WeChat's wire names.
import { PATHS } from '../core/endpoints.js';
import type { SnsUserinfo } from '../core/token.js';
import { WechatHttpClient, type ApiResponse, type ClientOptions } from './client.js';

/** GET /sns/oauth2/access_token and /sns/oauth2/refresh_token (API-FACTS §4, §5). */
export interface SnsAccessTokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  openid: string;
  scope: string;
  is_snapshotuser?: number;
  unionid?: string;
}

/** GET /sns/auth: `{"errcode":0,"errmsg":"ok"}` when valid (§6). */
export interface SnsAuthResponse {
  errcode: number;
  errmsg: string;
}

/**
 * GET /sns/userinfo (§7): the fields core/token.ts declares (and readUserinfoBody narrows the body
 * into), as WeChat names them, plus is_snapshotuser. Since 2021-10-20 sex is 0 and
 * province/city/country are empty.
 */
export type SnsUserinfoResponse = Omit<SnsUserinfo, 'extra'> & { is_snapshotuser?: number };

/** GET /cgi-bin/token and POST /cgi-bin/stable_token (§8, §9). */
export interface BasicTokenResponse {
  access_token: string;
  expires_in: number;
}

/** GET /cgi-bin/user/info: with subscribe 0 only openid (and unionid when bound) come back. */
export interface CgiUserInfoResponse {
  subscribe: number;
  openid: string;
  language?: string;
  subscribe_time?: number;
  unionid?: string;
  remark?: string;
  groupid?: number;
  tagid_list?: number[];
  subscribe_scene?: string;
  qr_scene?: number;
  qr_scene_str?: string;
}

/** POST /cgi-bin/openapi/quota/get (§10). */
export interface QuotaGetResponse {
  errcode: number;
  errmsg: string;
  quota: { daily_limit: number; used: number; remain: number };
  rate_limit?: { call_count: number; refresh_second: number };
  component_rate_limit?: { call_count: number; refresh_second: number };
}

/** POST /cgi-bin/openapi/rid/get (§11). */
export interface RidGetResponse {
  errcode: number;
  errmsg: string;
  request: {
    invoke_time: number;
    cost_in_ms: number;
    request_url: string;
    request_body: string;
    response_body: string;
    client_ip: string;
  };
}

/** POST /cgi-bin/clear_quota (§12). */
export interface ClearQuotaResponse {
  errcode: number;
  errmsg: string;
}

/** GET /cgi-bin/get_api_domain_ip (§13). */
export interface ApiDomainIpResponse {
  ip_list: string[];
}

export type UserinfoLang = 'zh_CN' | 'zh_TW' | 'en';

export class WechatApi {
  readonly http: WechatHttpClient;

  constructor(options: ClientOptions | WechatHttpClient) {
    this.http = options instanceof WechatHttpClient ? options : new WechatHttpClient(options);
  }

  /** Code → user token. Never retried once it may have reached WeChat: a code is single-use. */
  exchangeCode(p: { appid: string; secret: string; code: string }): Promise<ApiResponse<SnsAccessTokenResponse>> {
    return this.http.call({
      method: 'GET',
      path: PATHS.snsAccessToken,
      query: { appid: p.appid, secret: p.secret, code: p.code, grant_type: 'authorization_code' },
      idempotent: false,
    });
  }

  refreshToken(p: { appid: string; refreshToken: string }): Promise<ApiResponse<SnsAccessTokenResponse>> {
    return this.http.call({
      method: 'GET',
      path: PATHS.snsRefreshToken,
      query: { appid: p.appid, grant_type: 'refresh_token', refresh_token: p.refreshToken },
      idempotent: true,
    });
  }

  checkToken(p: { accessToken: string; openid: string }): Promise<ApiResponse<SnsAuthResponse>> {
    return this.http.call({
      method: 'GET',
      path: PATHS.snsAuth,
      query: { access_token: p.accessToken, openid: p.openid },
      idempotent: true,
    });
  }

  getUserinfo(p: { accessToken: string; openid: string; lang?: UserinfoLang }): Promise<ApiResponse<SnsUserinfoResponse>> {
    return this.http.call({
      method: 'GET',
      path: PATHS.snsUserinfo,
      query: { access_token: p.accessToken, openid: p.openid, lang: p.lang },
      idempotent: true,
    });
  }

  /** Legacy basic token: every call invalidates the token other servers hold (after 5 min), so never retried. */
  getToken(p: { appid: string; secret: string }): Promise<ApiResponse<BasicTokenResponse>> {
    return this.http.call({
      method: 'GET',
      path: PATHS.token,
      query: { grant_type: 'client_credential', appid: p.appid, secret: p.secret },
      idempotent: false,
    });
  }

  /** Stable token; normal mode returns the same token and may be repeated, force mode rotates it. */
  getStableToken(p: { appid: string; secret: string; forceRefresh?: boolean }): Promise<ApiResponse<BasicTokenResponse>> {
    return this.http.call({
      method: 'POST',
      path: PATHS.stableToken,
      body: { grant_type: 'client_credential', appid: p.appid, secret: p.secret, force_refresh: p.forceRefresh === true },
      idempotent: p.forceRefresh !== true,
    });
  }

  getUserInfo(p: { accessToken: string; openid: string; lang?: UserinfoLang }): Promise<ApiResponse<CgiUserInfoResponse>> {
    return this.http.call({
      method: 'GET',
      path: PATHS.userInfo,
      query: { access_token: p.accessToken, openid: p.openid, lang: p.lang },
      idempotent: true,
    });
  }

  getQuota(p: { accessToken: string; cgiPath: string }): Promise<ApiResponse<QuotaGetResponse>> {
    return this.http.call({
      method: 'POST',
      path: PATHS.quotaGet,
      query: { access_token: p.accessToken },
      body: { cgi_path: p.cgiPath },
      idempotent: true,
    });
  }

  getRid(p: { accessToken: string; rid: string }): Promise<ApiResponse<RidGetResponse>> {
    return this.http.call({
      method: 'POST',
      path: PATHS.ridGet,
      query: { access_token: p.accessToken },
      body: { rid: p.rid },
      idempotent: true,
    });
  }

  /** Limited to 10 a month per account: never retried. */
  clearQuota(p: { accessToken: string; appid: string }): Promise<ApiResponse<ClearQuotaResponse>> {
    return this.http.call({
      method: 'POST',
      path: PATHS.clearQuota,
      query: { access_token: p.accessToken },
      body: { appid: p.appid },
      idempotent: false,
    });
  }

  getApiDomainIp(p: { accessToken: string }): Promise<ApiResponse<ApiDomainIpResponse>> {
    return this.http.call({
      method: 'GET',
      path: PATHS.apiDomainIp,
      query: { access_token: p.accessToken },
      idempotent: true,
    });
  }
}

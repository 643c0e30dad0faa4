// Typed calls to WeChat's API. Each returns the parsed body narrowed to the type WeChat documents (a
// body of another shape is a NetworkError, exit 5), the raw text and the request it sent, so commands
// can show exactly what happened (-v, --raw). Types mirror WeChat's wire names and live in core, with
// the functions that narrow into them.
import { PATHS } from '../core/endpoints.js';
import {
  readApiDomainIpBody,
  readBasicTokenBody,
  readCgiUserInfoBody,
  readOkBody,
  readQuotaGetBody,
  readRidGetBody,
  type ApiDomainIpResponse,
  type BasicTokenResponse,
  type CgiUserInfoResponse,
  type OkResponse,
  type QuotaGetResponse,
  type RidGetResponse,
  type UserinfoLang,
} from '../core/responses.js';
import { readSnsAccessTokenResponse, readUserinfoResponse, type SnsAccessTokenResponse, type SnsUserinfoResponse } from '../core/token.js';
import { WechatHttpClient, type ApiResponse, type ClientOptions } from './client.js';

export type {
  ApiDomainIpResponse,
  BasicTokenResponse,
  CgiUserInfoResponse,
  QuotaGetResponse,
  RidGetResponse,
  SnsAccessTokenResponse,
  SnsUserinfoResponse,
};

/** GET /sns/auth: `{"errcode":0,"errmsg":"ok"}` when valid (§6). */
export type SnsAuthResponse = OkResponse;

/** POST /cgi-bin/clear_quota (§12). */
export type ClearQuotaResponse = OkResponse;

export type { UserinfoLang };

export class WechatApi {
  readonly http: WechatHttpClient;

  constructor(options: ClientOptions | WechatHttpClient) {
    this.http = options instanceof WechatHttpClient ? options : new WechatHttpClient(options);
  }

  /** Code → user token. Never retried once it may have reached WeChat: a code is single-use. */
  exchangeCode(p: { appid: string; secret: string; code: string }): Promise<ApiResponse<SnsAccessTokenResponse>> {
    return this.http.call(
      {
        method: 'GET',
        path: PATHS.snsAccessToken,
        query: { appid: p.appid, secret: p.secret, code: p.code, grant_type: 'authorization_code' },
        idempotent: false,
      },
      readSnsAccessTokenResponse,
    );
  }

  refreshToken(p: { appid: string; refreshToken: string }): Promise<ApiResponse<SnsAccessTokenResponse>> {
    return this.http.call(
      {
        method: 'GET',
        path: PATHS.snsRefreshToken,
        query: { appid: p.appid, grant_type: 'refresh_token', refresh_token: p.refreshToken },
        idempotent: true,
      },
      readSnsAccessTokenResponse,
    );
  }

  checkToken(p: { accessToken: string; openid: string }): Promise<ApiResponse<SnsAuthResponse>> {
    return this.http.call(
      {
        method: 'GET',
        path: PATHS.snsAuth,
        query: { access_token: p.accessToken, openid: p.openid },
        idempotent: true,
      },
      readOkBody,
    );
  }

  getUserinfo(p: { accessToken: string; openid: string; lang?: UserinfoLang }): Promise<ApiResponse<SnsUserinfoResponse>> {
    return this.http.call(
      {
        method: 'GET',
        path: PATHS.snsUserinfo,
        query: { access_token: p.accessToken, openid: p.openid, lang: p.lang },
        idempotent: true,
      },
      readUserinfoResponse,
    );
  }

  /** Legacy basic token: every call invalidates the token other servers hold (after 5 min), so never retried. */
  getToken(p: { appid: string; secret: string }): Promise<ApiResponse<BasicTokenResponse>> {
    return this.http.call(
      {
        method: 'GET',
        path: PATHS.token,
        query: { grant_type: 'client_credential', appid: p.appid, secret: p.secret },
        idempotent: false,
      },
      readBasicTokenBody,
    );
  }

  /** Stable token; normal mode returns the same token and may be repeated, force mode rotates it. */
  getStableToken(p: { appid: string; secret: string; forceRefresh?: boolean }): Promise<ApiResponse<BasicTokenResponse>> {
    return this.http.call(
      {
        method: 'POST',
        path: PATHS.stableToken,
        body: { grant_type: 'client_credential', appid: p.appid, secret: p.secret, force_refresh: p.forceRefresh === true },
        idempotent: p.forceRefresh !== true,
      },
      readBasicTokenBody,
    );
  }

  getUserInfo(p: { accessToken: string; openid: string; lang?: UserinfoLang }): Promise<ApiResponse<CgiUserInfoResponse>> {
    return this.http.call(
      {
        method: 'GET',
        path: PATHS.userInfo,
        query: { access_token: p.accessToken, openid: p.openid, lang: p.lang },
        idempotent: true,
      },
      readCgiUserInfoBody,
    );
  }

  getQuota(p: { accessToken: string; cgiPath: string }): Promise<ApiResponse<QuotaGetResponse>> {
    return this.http.call(
      {
        method: 'POST',
        path: PATHS.quotaGet,
        query: { access_token: p.accessToken },
        body: { cgi_path: p.cgiPath },
        idempotent: true,
      },
      readQuotaGetBody,
    );
  }

  getRid(p: { accessToken: string; rid: string }): Promise<ApiResponse<RidGetResponse>> {
    return this.http.call(
      {
        method: 'POST',
        path: PATHS.ridGet,
        query: { access_token: p.accessToken },
        body: { rid: p.rid },
        idempotent: true,
      },
      readRidGetBody,
    );
  }

  /** Limited to 10 a month per account: never retried. */
  clearQuota(p: { accessToken: string; appid: string }): Promise<ApiResponse<ClearQuotaResponse>> {
    return this.http.call(
      {
        method: 'POST',
        path: PATHS.clearQuota,
        query: { access_token: p.accessToken },
        body: { appid: p.appid },
        idempotent: false,
      },
      readOkBody,
    );
  }

  getApiDomainIp(p: { accessToken: string }): Promise<ApiResponse<ApiDomainIpResponse>> {
    return this.http.call(
      {
        method: 'GET',
        path: PATHS.apiDomainIp,
        query: { access_token: p.accessToken },
        idempotent: true,
      },
      readApiDomainIpBody,
    );
  }
}

// Public types of the local WeChat emulator. These describe the emulator's own configuration and
// seed data; its HTTP answers are WeChat's literal payloads (see wire.ts), never built from the
// client's types (STYLE practice 13).
import type { Scope } from '../core/endpoints.js';

/** 服务号 / 订阅号 / 公众平台测试号 / 开放平台网站应用. */
export type AppType = 'service' | 'subscription' | 'test' | 'website';

export interface SeedApp {
  /** `wx` + 16 hex digits. */
  appid: string;
  /** 32 hex digits. */
  secret: string;
  type: AppType;
  /** Display name shown on the consent and QR pages. */
  name?: string;
  /** Only verified 服务号 have web-authorization rights (default true for service accounts). */
  verified?: boolean;
  /**
   * 网页授权域名 / 授权回调域: a host, optionally `host:port` (test accounts only in real WeChat; the
   * emulator also honours an explicit port on other types so local callbacks can work). The emulator-only
   * form `host:*` accepts any port on that host. Several domains may be given.
   */
  domain?: string | string[];
  /** 开放平台 account the app is bound to; apps bound to the same one share a user's unionid. */
  openAccount?: string | null;
  /** Caller IPs allowed on /cgi-bin/token and /cgi-bin/stable_token; absent or null = not enforced. */
  ipWhitelist?: string[] | null;
  /** /cgi-bin/token calls allowed per day (default 2000; 200 for test accounts). */
  tokenDailyQuota?: number;
}

export interface SeedUser {
  /** Stable id used by the consent picker, the scan endpoint and `follows`; default `u1`, `u2`, … */
  id?: string;
  nickname: string;
  headimgurl?: string;
  /** Appids this user follows (关注). Test accounts require it (10006). */
  follows?: string[];
  /** Pre-2021 profile values, only returned with the `legacy` profile era switch. */
  sex?: 0 | 1 | 2;
  province?: string;
  city?: string;
  country?: string;
}

export interface Seed {
  apps: SeedApp[];
  users: SeedUser[];
}

/** Behaviour switches for facts API-FACTS.md marks uncertain (⚠), with the likelier default first. */
export interface EmulatorSwitches {
  /**
   * Force one Content-Type; default `auto` = text/plain on /sns/*, `application/json; encoding=utf-8` on
   * /cgi-bin/* (§0.2). `outcome`: as auto, except /sns/* errors are `application/json; encoding=utf-8`
   * (a 2026 capture, issue 12 item 18). `json-charset`: every API answer `application/json; charset=utf-8`
   * with `Transfer-Encoding: chunked` and no Content-Length (§0.2's 2024-01-14 observation, ⚠).
   */
  contentType: 'auto' | 'json' | 'text' | 'outcome' | 'json-charset';
  /** errmsg suffix: 2021+ `rid: …`, pre-2021 `hints: [ req_id: … ]` / `hint: […]`, or none. */
  ridStyle: 'rid' | 'hints' | 'none';
  /** What an expired code answers: 40029 (observed) or 42003 (documented). */
  expiredCodeErrcode: 40029 | 42003;
  /** Refusing consent: redirect with `?state=` only (old docs) or no redirect at all. */
  denyBehaviour: 'redirect-state-only' | 'no-redirect';
  /** Unknown /sns and /cgi-bin paths: `{"errcode":40066,"errmsg":"invalid url"}` or an HTTP 404. */
  unknownPath: '40066' | '404';
  /** Reject authorize links whose appid/redirect_uri/response_type/scope/state are out of order. */
  paramOrderCheck: boolean;
  /**
   * snsapi_login on /connect/oauth2/authorize: the 10005 page (§1.1 [OBS], §1.5 [DOC]: "snsapi_login on
   * this endpoint") or the "Scope 参数错误或没有 Scope 权限" page.
   */
  loginScopeOnAuthorize: '10005' | 'scope-error';
  /**
   * 10003's wording on /connect/oauth2/authorize (§1.5 ⚠): `by-user-agent` = PC WeChat's plain
   * "redirect_uri 参数错误" for a User-Agent with `WindowsWechat` or `MacWechat`, else mobile's
   * "redirect_uri域名与后台配置不一致，错误码：10003"; `mobile` / `pc` force one.
   */
  redirectErrorWording: 'by-user-agent' | 'mobile' | 'pc';
  /**
   * forcePopup on snsapi_userinfo (§1.1 ⚠): `consent` = the consent page, as the doc says; `snapshot` =
   * snapshot mode, as one developer reported (as if forceSnapShot were given).
   */
  forcePopupEffect: 'consent' | 'snapshot';
  /** When snsapi_userinfo skips the consent page (forcePopup always shows it). */
  silentUserinfo: 'never' | 'followers';
  /** userinfo profile: post-2021-10 (sex 0, empty region, empty language) or the legacy one. */
  profileEra: '2021' | 'legacy';
  /**
   * Reject a state longer than 128 bytes on /connect/oauth2/authorize: every client (`true`), none, or
   * only PC WeChat (`pc-only`, a User-Agent with `WindowsWechat` or `MacWechat`): §1.3 ⚠ "PC 端微信打开提示
   * state参数过长，手机端正常".
   */
  stateLengthCheck: boolean | 'pc-only';
  /** 40164's errmsg: `…, not in whitelist rid: …` (2021 and §8 samples) or `…, not in whitelist, rid: …` (2022 sample), §0.4 ⚠. */
  whitelistErrmsg: '2021' | '2022';
  /** /cgi-bin/user/info: `2021` (after the 2021-12-27 change: no nickname/avatar, language kept) or `current` (the current doc: no language). */
  userInfoEra: '2021' | 'current';
  /** /sns/* over plain http: answered (`allow`) or `{"errcode":43003,"errmsg":"require https"}` (§0.1's global table). */
  httpOnSns: 'allow' | '43003';
  /** /sns/oauth2/access_token check order (§4 ⚠, §17.4): secret before the code, or the code first (one 2026 report). */
  codeCheckOrder: 'secret-first' | 'code-first';
  /**
   * is_snapshotuser on a snapshot user's /sns/oauth2/access_token (§4 ⚠): `always` (the doc) or
   * `missing-first` — left out of each app's first exchange for that user, as observed "on first calls".
   */
  snapshotFlag: 'always' | 'missing-first';
  /** An expired token on /sns/auth: 42001 (doc table) or 40014, as WeChat sometimes reports it (§6 ⚠). */
  authExpiredErrcode: 42001 | 40014;
  /** A wrong secret on /cgi-bin/token: 40125 `invalid appsecret` (modern) or 40001 (older docs), §8 ⚠. */
  tokenBadSecretErrcode: 40125 | 40001;
  /**
   * 45009's errmsg (JSSDK-FACTS §1.2 ⚠; API-FACTS §8): `reach-max` = `reach max api daily quota limit`
   * (observed 2015–2021) or `freq-out` = the old API_Call_Limits page's `api freq out of limit`.
   */
  dailyQuotaErrmsg: 'reach-max' | 'freq-out';
  /**
   * 45011's errmsg (§14 ⚠): the errCode page's `api minute-quota reach limit, must slower, retry next minute`
   * or the doc tables' `api minute-quota reach limit  mustslower  retry next minute` (double spaces).
   */
  minuteQuotaErrmsg: 'errcode-page' | 'doc-table';
  /** A code exchanged a second time (§4 ⚠): 40163 `code been used` (many observations) or 40029 `invalid code` (a 2016 report). */
  reusedCodeErrcode: 40163 | 40029;
  /** The sns refresh_token's lifetime in days (§5 ⚠, §14): 30 (OA and website docs) or 180 (the mobile-app doc). */
  refreshTokenDays: 30 | 180;
  /** Whether a successful refresh restarts the refresh_token's clock (§5 ⚠: "重置为30天" vs "不会重置"); default no. */
  refreshRenews: boolean;
  /**
   * Key order of /sns/oauth2/access_token's answer (§0.3 ⚠ "varies between quoted samples — do not rely on
   * it"): `doc` = access_token, expires_in, refresh_token, openid, scope (the official example), or
   * `expires-last` = access_token, refresh_token, openid, scope, expires_in (another quoted sample); the
   * optional is_snapshotuser and unionid follow either way.
   */
  tokenKeyOrder: 'doc' | 'expires-last';
  /**
   * /sns/oauth2/refresh_token while the access_token is still valid (§5, §14 ⚠: the 开放平台 docs say the
   * same string with its expiry extended, the OA doc is silent): `extend` (the same token) or `new-token`
   * (a new one; the old one stops working at once).
   */
  refreshUnexpired: 'extend' | 'new-token';
  /**
   * /sns/userinfo's `lang` when the request has none (§7 ⚠: the Chinese doc says en, the English doc
   * zh_CN). Seen only with profileEra=legacy: since 2021 the language and places are empty.
   */
  userinfoLang: 'zh_CN' | 'en';
  /**
   * Non-ASCII text in /sns/userinfo bodies (§0.3 ⚠; /cgi-bin/user/info carries none): raw UTF-8, as raw samples
   * show, or `\uXXXX` escapes, as the one PHP `@returnExample` has.
   */
  nonAsciiJson: 'raw' | 'escaped';
  /**
   * The QR page's language for `lang=en` (§2.1 ⚠): English as documented (`follows-lang`), or Chinese in
   * the embedded variant (`login_type=jssdk`, wxLogin.js's iframe) as observed in 2024 (`embedded-chinese`).
   */
  qrLangEn: 'follows-lang' | 'embedded-chinese';
  /**
   * Seconds an expired jsapi_ticket still verifies wx.config signatures (JSSDK-FACTS §1.3, §5: the overlap
   * is unverified; one report had an old ticket working ~3 h after issue). 0 by default.
   */
  ticketGraceSeconds: 0 | 300 | 3600;
  /** rid/get on an /sns/ rid (§11 ⚠): 76001 `rid not found, please check` (observed) or 76022 (the doc note). */
  snsRidErrcode: 76001 | 76022;
  /** 40001's rid suffix on /cgi-bin/* (§0.4 ⚠): `… or not latest rid: …` (`space`) or `… or not latest, rid: …` (`comma`). */
  credentialErrmsg: 'space' | 'comma';
  /** JSSDK-FACTS §2.1: every SDK signs in lower case; whether WeChat takes an upper-case signature is unverified. */
  upperCaseSignature: 'accept' | 'reject';
  /** The caller IP used for whitelist checks; undefined = the socket's remote address. */
  callerIp?: string;
}

export type FaultKind = 'delay' | 'http500' | 'http502' | 'busy' | 'reset' | 'garbage' | 'errcode';

export interface FaultSpec {
  kind: FaultKind;
  /** Milliseconds, for `delay`. */
  ms?: number;
  /** The errcode WeChat answers, for `errcode` (one the emulator has an errmsg for: faults.ts FAULT_ERRCODES). */
  errcode?: number;
  /** Only requests whose path equals this (or starts with it when it ends in `*`). */
  path?: string;
  /** How many matching requests it applies to; absent = until cleared. */
  count?: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  seed?: Seed;
  /** Milliseconds since the epoch; advanceClock() adds to it. Default Date.now. */
  clock?: () => number;
  /** Replace the domain of seeded apps: `{ [appid]: 'host[:port]' }`. */
  domainOverrides?: Record<string, string | string[]>;
  /** Set the IP whitelist of seeded apps (API-FACTS §8: 40164 for a caller not on it): `{ [appid]: ['1.2.3.4'] }`. */
  ipWhitelists?: Record<string, string[]>;
  switches?: Partial<EmulatorSwitches>;
  faults?: FaultSpec[];
  /** How long a client may take to send its request headers before a 408 (default 10 s; the whole request 30 s). */
  headersTimeoutMs?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** Query parameters; secrets (secret, access_token, refresh_token, code) redacted. */
  query: Record<string, string>;
  /**
   * The app the request named: its `appid` parameter, or the appid of a stable_token call's JSON body
   * (masked as query values are). Absent when it named none (a call with an access_token only).
   */
  appid?: string;
  status: number;
  /** ISO time on the emulator clock: when the answer left. */
  time: string;
  /**
   * When the request arrived and was served (a code spent, a token issued), for an answer held back by a
   * `delay` fault; without it the answer left as the request arrived. Two exchanges of one code answered
   * in one order may have arrived in the other (probe's wechat.slow).
   */
  arrived?: string;
  errcode?: number;
  rid?: string;
  fault?: FaultKind;
  /** The error page WeChat would have shown (its message; its code is `errcode` when it shows one). */
  page?: string;
  /** A stable_token call with force_refresh (its POST body is not in the log). */
  forceRefresh?: boolean;
  /** A /sns/ user endpoint (userinfo, auth) was given a basic access_token, and refused it. */
  basicToken?: boolean;
  /** What the log has to say beyond the answer (a state WeChat may alter: request-notes.ts), in both languages. */
  note?: { zh: string; en: string };
}

export interface PublicApp {
  appid: string;
  secret: string;
  type: AppType;
  name: string;
  verified: boolean;
  domain: string[];
  openAccount: string | null;
  ipWhitelist: string[] | null;
  tokenDailyQuota: number;
}

export interface PublicUser {
  id: string;
  nickname: string;
  headimgurl: string;
  follows: string[];
  /** The user's openid in each seeded app (openids differ per app). */
  openids: Record<string, string>;
  /** The user's unionid per 开放平台 account. */
  unionids: Record<string, string>;
}

export interface ScanOptions {
  /** QR session uuid; default the most recent pending one (of `appid` if given). */
  uuid?: string;
  appid?: string;
  /** Seeded user id; default the first user. */
  user?: string;
  /** `confirm` (default), `scan` (scanned, awaiting confirmation) or `cancel`. */
  action?: 'confirm' | 'scan' | 'cancel';
}

export interface ScanResult {
  uuid: string;
  status: number;
  code?: string;
  /** Where the browser is sent (confirm only). */
  redirect?: string;
}

export interface IssueCodeOptions {
  appid: string;
  user?: string;
  scope?: Scope;
  snapshot?: boolean;
}

export interface EmulatorHandle {
  /** `http://host:port`, no trailing slash; serves both open.weixin.qq.com and api.weixin.qq.com. */
  url: string;
  apps: PublicApp[];
  users: PublicUser[];
  close(): Promise<void>;
  /** Move the emulator clock by whole seconds (negative: back). RangeError for a fraction, or past 1970 … 2106. */
  advanceClock(seconds: number): void;
  /** Milliseconds since the epoch on the emulator clock. */
  now(): number;
  requests(): RequestRecord[];
  scan(options?: ScanOptions): ScanResult;
  /**
   * Mint an authorization code as if the user had just authorized (skips the pages). RangeError for an
   * unknown appid or user, or a scope the app's type does not take (snsapi_login is a 网站应用's only).
   */
  issueCode(options: IssueCodeOptions): string;
  setFaults(faults: FaultSpec[]): void;
  addFault(fault: FaultSpec): void;
  configure(switches: Partial<EmulatorSwitches>): void;
  /** An app's IP whitelist (null: none); /cgi-bin/* calls from any other address get 40164. RangeError for an unknown appid or a non-IP. */
  setIpWhitelist(appid: string, ips: readonly string[] | null): void;
  /** The 开放平台 account an app is bound to (null: none, so no unionid in its answers). RangeError for an unknown appid. */
  setOpenAccount(appid: string, openAccount: string | null): void;
  /** The user "you" are in the emulated WeChat client (as the emulator page's picker sets it; a pick on a consent or QR page sets it too). */
  setCurrentUser(id: string): void;
  /** Forget codes, tokens, quotas, rids, requests and clock offset; restore the starting faults, switches, IP whitelists, follows and 开放平台 bindings; keep the seed. */
  reset(): void;
}

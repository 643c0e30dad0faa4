// WeChat's hosts and paths. Bases are overridable (flags, env, profile) so users and tests can aim
// wxauth at the emulator.

export const DEFAULT_OPEN_BASE = 'https://open.weixin.qq.com';

/** Where `wxauth emulator` listens unless told otherwise (and where probe looks for it). */
export const EMULATOR_DEFAULT_PORT = 3900;

/** The three scopes of web authorization (which endpoint takes which: authorize-url.ts ENDPOINT_SCOPES). */
export const SCOPES = ['snsapi_base', 'snsapi_userinfo', 'snsapi_login'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Whether an open base is WeChat's own page host (whose authorize page refuses desktop browsers), not an emulator. */
export function isWechatOpenBase(base: string): boolean {
  return base.replace(/\/+$/, '') === DEFAULT_OPEN_BASE;
}

/**
 * `127.0.0.1:3900`, `localhost:3000/login`: an address typed without its scheme. The http:// URL it
 * most likely means (local servers speak plain HTTP), or undefined when it is not such an address. A
 * port alone (`4000`, `:4000/login`) means this machine's.
 */
export function withHttpScheme(value: string): string | undefined {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(value)) return undefined;
  const port = /^:?(\d{1,5})(?=[/?#]|$)/.exec(value);
  if (port) return Number(port[1]) > 0 && Number(port[1]) <= 65535 ? `http://127.0.0.1:${port[1]}${value.slice(port[0].length)}` : undefined;
  if (!/^(?:[\w-]+(?:\.[\w-]+)*|\[[\da-f:.]+\])(?::\d{1,5})?(?:[/?#]|$)/i.test(value)) return undefined;
  try {
    return new URL(`http://${value}`).protocol === 'http:' ? `http://${value}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * OpenSSL's words, as a code or a message, when a TLS hello was answered in plain HTTP: it reads
 * "HTTP/1.1 400 …" as a TLS record, of a wrong version or too long. The server is there; the scheme is wrong.
 */
export function answeredPlainHttp(codeOrMessage: string): boolean {
  return /WRONG_VERSION_NUMBER|wrong version number|PACKET_LENGTH_TOO_LONG|packet length too long/i.test(codeOrMessage);
}

/**
 * The first bytes of an answer that are a TLS record (an alert or a handshake, of SSL 3.0 to TLS 1.3's
 * record version) rather than "HTTP/1.1 …": an HTTPS port spoken to in plain HTTP, answering in TLS.
 */
export function answeredTls(data: string | undefined): boolean {
  return data !== undefined && /^[\x15\x16]\x03[\x00-\x04]/.test(data);
}

/** The https:// form of an http:// base, its port kept (`http://h` → `https://h:80`): the same server, spoken to in TLS. */
export function httpsOf(base: string): string {
  return sameServerAs(base, 'https:');
}

/** The http:// form of an https:// base, its port kept (`https://h` → `http://h:443`): the same server, spoken to in plain HTTP. */
export function plainHttpOf(base: string): string {
  return sameServerAs(base, 'http:');
}

/** `base` with the other scheme and its own port written out; no trailing `/` added to a bare origin. */
function sameServerAs(base: string, protocol: 'http:' | 'https:'): string {
  const url = new URL(base);
  const port = portOf(url);
  url.protocol = protocol;
  url.port = port;
  const text = url.toString();
  return url.pathname === '/' && !base.endsWith('/') ? text.replace(/\/$/, '') : text;
}

/**
 * API hosts, from WeChat's "接口域名说明" page (developers.weixin.qq.com/doc/service/Basic_Information/
 * Interface_field_description.html): api = nearest access point; api2 = cross-region disaster recovery;
 * sh/sz/hk = regional access points.
 */
export const REGIONS = {
  default: 'https://api.weixin.qq.com',
  api2: 'https://api2.weixin.qq.com',
  sh: 'https://sh.api.weixin.qq.com',
  sz: 'https://sz.api.weixin.qq.com',
  hk: 'https://hk.api.weixin.qq.com',
} as const;

export type Region = keyof typeof REGIONS;

export const DEFAULT_API_BASE = REGIONS.default;
/** WeChat's disaster-recovery domain: where an idempotent call goes when the chosen host is unreachable. */
export const DEFAULT_BACKUP_API_BASE = REGIONS.api2;

/** Whether an API base is one of WeChat's own API hosts (REGIONS), not an emulator or a proxy. */
export function isWechatApiBase(base: string): boolean {
  let host: string;
  try {
    host = new URL(base).hostname.toLowerCase();
  } catch {
    return false;
  }
  return Object.values(REGIONS).some((region) => new URL(region).hostname === host);
}

export function isRegion(value: string): value is Region {
  return Object.hasOwn(REGIONS, value);
}

export const PATHS = {
  authorize: '/connect/oauth2/authorize',
  qrconnect: '/connect/qrconnect',
  snsAccessToken: '/sns/oauth2/access_token',
  snsRefreshToken: '/sns/oauth2/refresh_token',
  snsAuth: '/sns/auth',
  snsUserinfo: '/sns/userinfo',
  token: '/cgi-bin/token',
  stableToken: '/cgi-bin/stable_token',
  userInfo: '/cgi-bin/user/info',
  quotaGet: '/cgi-bin/openapi/quota/get',
  ridGet: '/cgi-bin/openapi/rid/get',
  clearQuota: '/cgi-bin/clear_quota',
  apiDomainIp: '/cgi-bin/get_api_domain_ip',
} as const;

/**
 * What a connection cut before the answer leaves behind, by the call (the request may have reached
 * WeChat). `safe`: a call that may be sent twice (the client resends it once); `code`: the code
 * exchange, whose code is single-use (API-FACTS §4); `legacy-token`: GET /cgi-bin/token, which issues a
 * new token and ends the previous one after 5 minutes (§8); `forced-token`: stable_token with
 * force_refresh, which ends the previous stable token (§9); `counted`: clear_quota, 10 a month (§12);
 * `unsafe`: any other call not marked safe to repeat.
 */
export type CutCall = 'safe' | 'code' | 'legacy-token' | 'forced-token' | 'counted' | 'unsafe';

/** What a cut call to `path` may have done (CutCall); `idempotent` as the request was marked. */
export function cutCall(path: string, idempotent: boolean): CutCall {
  if (idempotent) return 'safe';
  switch (path) {
    case PATHS.snsAccessToken:
      return 'code';
    case PATHS.token:
      return 'legacy-token';
    // Only the forced call is not idempotent (http/api.ts getStableToken).
    case PATHS.stableToken:
      return 'forced-token';
    case PATHS.clearQuota:
      return 'counted';
    default:
      return 'unsafe';
  }
}

/**
 * Where the API base came from, for a hint that speaks of it: the flag or variable by its name, a
 * profile's setting (apiBase, or region when the base is the region's host), or wxauth's default.
 */
export type ApiBaseOrigin =
  | { from: 'flag' | 'env'; name: string }
  | { from: 'profile'; name: string; profile: string }
  | { from: 'default' };

/** Join a base URL (which may carry a path prefix) and an absolute path. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/** /cgi-bin/token and stable_token: the calls that issue a basic token rather than use one. */
export function isTokenEndpoint(endpoint: string | undefined): boolean {
  return endpoint === PATHS.token || endpoint === PATHS.stableToken;
}

/**
 * Which host issued a basic token or jsapi_ticket, as the token cache keeps it apart: undefined for
 * WeChat's own API hosts (every region and the backup host hand out the same appid's tokens), else the
 * base's origin (an emulator, a proxy). A token from one emulator is refused by another ("40001"), and
 * a one-off `--api-base` run must not replace the token the profile's own host handed out.
 */
export function tokenHostOf(apiBase: string): string | undefined {
  if (isWechatApiBase(apiBase)) return undefined;
  try {
    return new URL(apiBase).origin;
  } catch {
    return apiBase;
  }
}

/** A URL's port, its scheme's default when it names none ('443' for https:, '80' otherwise). */
export function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

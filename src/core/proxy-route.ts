// Where `wxauth proxy` sends what it receives, as pure decisions: which CONNECT targets --intercept
// decrypts (WeChat's API hosts and open.weixin.qq.com on 443) and which it tunnels untouched, how a
// CONNECT target or an absolute-URI request names its host, and whether the proxy's own upstream goes
// through the HTTP(S)_PROXY of the run (NO_PROXY read as undici's EnvHttpProxyAgent reads it, so the
// proxy and the rest of wxauth agree on which hosts go direct).
import { DEFAULT_OPEN_BASE, REGIONS } from './endpoints.js';
import { isLoopbackHost, unmappedIpv4 } from './host-names.js';

/** The hosts --intercept decrypts: the API hosts (api, api2, sh/sz/hk: API-FACTS §0.6) and the page host. */
export const INTERCEPTED_HOSTS: readonly string[] = [...Object.values(REGIONS), DEFAULT_OPEN_BASE].map((base) => new URL(base).hostname);

/** TLS is only terminated on 443: anything else to these hosts is not HTTPS as an SDK speaks it, and is tunnelled. */
const INTERCEPTED_PORT = 443;

export function isInterceptedHost(host: string): boolean {
  return INTERCEPTED_HOSTS.includes(host.toLowerCase().replace(/\.$/, ''));
}

/** WeChat's API hosts (api, api2, sh/sz/hk.api), without the page host. */
const API_HOSTS: readonly string[] = Object.values(REGIONS).map((base) => new URL(base).hostname);

/**
 * The same names as a set, for a Host header: a call that reached the proxy with `Host:
 * api.weixin.qq.com` was aimed at WeChat by a hosts-file entry or a reverse proxy (nginx's
 * `proxy_set_header Host api.weixin.qq.com`). No page can rebind WeChat's names, so the DNS-rebinding
 * guard answers them as the proxy's own.
 */
export const API_HOST_NAMES: ReadonlySet<string> = new Set(API_HOSTS);

/**
 * Whether an absolute-form request (`GET http://api.weixin.qq.com/sns/auth?…`, from a client that has the
 * proxy as its HTTP_PROXY) is a call to WeChat's API: one of its API hosts, on the scheme's own port. A
 * WeChat name with a port of its own is not (where a hosts file maps it to 127.0.0.1 it reaches any
 * local port). Without --intercept the proxy forwards these, and only these, to its upstream.
 */
export function namesWechatApi(url: URL): boolean {
  return url.port === '' && API_HOSTS.includes(url.hostname.toLowerCase().replace(/\.$/, ''));
}

export interface HostPort {
  host: string;
  port: number;
}

/** `api.weixin.qq.com:443`, `[::1]:8443` → host and port; anything else (no port, a path) → undefined. */
export function parseConnectTarget(target: string): HostPort | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})$/.exec(target.trim());
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: m[1]!.replace(/^\[|\]$/g, '').toLowerCase(), port };
}

/** Whether CONNECT `target` is decrypted (true) or tunnelled untouched (false). */
export function interceptsConnect(target: HostPort): boolean {
  return target.port === INTERCEPTED_PORT && isInterceptedHost(target.host);
}

/** The proxy variables of a run; '' = not set. */
export interface ProxySettings {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

/** The proxy variables as curl and undici read them: lower case first, then upper case; '' = none. */
export function proxySettingsFrom(env: Readonly<Record<string, string | undefined>>): ProxySettings {
  return {
    httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  };
}

export type ProxyRoute = { via: 'direct'; reason: 'none' | 'no_proxy' } | { via: 'proxy'; variable: 'HTTPS_PROXY' | 'HTTP_PROXY'; proxy: string };

/**
 * Where undici's EnvHttpProxyAgent (lib/dispatcher/env-http-proxy-agent.js) sends a request to `url`,
 * the rules mirrored so wxauth proxy, doctor and the API client agree: https URLs use HTTPS_PROXY, or
 * HTTP_PROXY when HTTPS_PROXY is unset (how machines with only http_proxy reach the outside); http URLs
 * HTTP_PROXY; NO_PROXY entries split on commas and spaces, `*` alone for every host, a leading `.` or
 * `*.` for subdomains, an optional `:port`; the host compared with IPv6 brackets kept.
 */
export function proxyRoute(url: URL, settings: ProxySettings): ProxyRoute {
  const https = url.protocol === 'https:';
  const proxy = https ? settings.httpsProxy || settings.httpProxy : settings.httpProxy;
  if (!proxy) return { via: 'direct', reason: 'none' };
  if (settings.noProxy === '*') return { via: 'direct', reason: 'no_proxy' };
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number(url.port) || (https ? 443 : 80);
  for (const entry of settings.noProxy.split(/[,\s]/)) {
    if (!entry) continue;
    const parsed = /^(.+):(\d+)$/.exec(entry);
    const host = (parsed ? parsed[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    const entryPort = parsed ? Number(parsed[2]) : 0;
    if (entryPort && entryPort !== port) continue;
    if (hostname === host || hostname.endsWith(`.${host}`)) return { via: 'direct', reason: 'no_proxy' };
  }
  return { via: 'proxy', variable: https && settings.httpsProxy ? 'HTTPS_PROXY' : 'HTTP_PROXY', proxy };
}

/** The proxy URL a request to `url` goes through, or undefined for a direct connection (proxyRoute). */
export function upstreamProxyFor(url: URL, settings: ProxySettings): string | undefined {
  const route = proxyRoute(url, settings);
  return route.via === 'proxy' ? route.proxy : undefined;
}

/**
 * Whether a request path is `/` as a server reads it (`/?x`, `/./`, `/a/..`): the emulator's own page on
 * its address (which the proxy's Host, rewritten to the upstream's, is), steering it through the control
 * API. WeChat's API has nothing there (its nginx answers 404), so the proxy refuses it before any upstream
 * but WeChat's own hosts.
 */
export function reachesRootPage(target: string): boolean {
  const path = target.split(/[?#]/, 1)[0]!;
  if (path === '/') return true;
  if (!/[.%\\\t\n\r]/.test(path)) return false;
  try {
    return new URL(path.startsWith('/') ? path : `/${path}`, 'http://x').pathname === '/';
  } catch {
    return false;
  }
}

/**
 * Whether a request path reaches the emulator's control API (`/__emulator/…`: its seed holds the
 * appsecrets, and it arms faults). The proxy is for WeChat's API and never forwards these. Read as a
 * server might: percent-decoded, backslashes as slashes, dot segments resolved, any case.
 */
export function reachesEmulatorControl(target: string): boolean {
  // The query is not a path: a server splits it off before decoding.
  let text = target.split(/[?#]/, 1)[0]!;
  for (let i = 0; i < 3; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      break;
    }
    if (decoded === text) break;
    text = decoded;
  }
  text = text.replace(/\\/g, '/').toLowerCase();
  const control = /\/__emulator(?:[/?#;]|$)/;
  if (control.test(text)) return true;
  // What the URL parser would still change here: dot segments (`.`, or `%2e` left by a fourth level of
  // encoding) and the tabs and newlines it drops. A path with none of them is read already: the usual
  // WeChat call skips the parser (for speed: every proxied call, issue 19).
  if (!/[.%\t\n\r]/.test(text)) return false;
  try {
    return control.test(new URL(text.startsWith('/') ? text : `/${text}`, 'http://x').pathname);
  } catch {
    return false;
  }
}

/**
 * The site a browser says sent this request, when it is another site's web page: WeChat's API is called
 * by servers, which send neither `Sec-Fetch-Site` nor `Origin`; a page on another site (any site the
 * developer visits) could otherwise send calls through the proxy from this machine's IP, which may be on
 * an IP whitelist. `cross-site` when only Fetch Metadata says so, `Origin: null` for a page that hides its
 * site; undefined for anything else. A URL
 * typed into the address bar is none, and WeChat's web pages under /connect/ are for browsers from
 * other sites (the app sends its users to the authorize page, a site embeds wxLogin.js and its QR
 * iframe): a GET of one (isPagePath) is the flow itself.
 */
export function sentByAnotherSite(method: string | undefined, target: string, headers: { origin?: string | string[]; 'sec-fetch-site'?: string | string[] }): string | undefined {
  if (method === 'GET' && isPagePath(target)) return undefined;
  const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site') return (origin ?? 'cross-site').slice(0, 100);
  // `Origin: null` is a page too, one that hides its site: a sandboxed iframe's form, a file:// page, a
  // cross-site redirect. Without Fetch Metadata (a LAN address is not a trustworthy origin) it is all
  // there is to tell a page's POST by; servers send no Origin at all.
  if (site === undefined && origin === 'null') return 'Origin: null';
  if (site === undefined && origin !== undefined && !isLoopbackOrigin(origin)) return origin.slice(0, 100);
  return undefined;
}

/**
 * Whether a request target is under WeChat's /connect/ pages however a server reads it. The proxy
 * forwards the target as it came, so the path is judged as sent: it must start with `/connect/` and
 * hold nothing a server could still turn into another path. No `..` (a dot segment; Tomcat's `..;`),
 * no backslash, and no percent-encoded dot, slash, backslash or percent: `/connect/..%2fcgi-bin/token`
 * is /cgi-bin/token to an upstream that decodes before it resolves dot segments (nginx in front of an
 * API commonly does), and `%252f` to one that decodes twice. WeChat's page paths have none of them.
 */
function isPagePath(target: string): boolean {
  const path = target.split(/[?#]/, 1)[0]!;
  return path.startsWith('/connect/') && !/\.\.|\\|%(?:2e|2f|5c|25)/i.test(path);
}

/** An Origin header naming this machine (a local page of the user's own, or the proxy's). */
function isLoopbackOrigin(origin: string): boolean {
  try {
    return isLoopbackHost(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/**
 * Whether a caller's address is this machine: loopback (also IPv4-mapped, `::ffff:127.0.0.1`, as a
 * dual-stack socket reports it), or one of the machine's own addresses (`own`: a server here that was
 * given the LAN address the proxy printed). A TCP peer on the network cannot take those addresses.
 */
export function isThisMachine(ip: string, own: Iterable<string>): boolean {
  const bare = unmappedIpv4(ip).replace(/%.*$/, '').toLowerCase();
  if (isLoopbackHost(bare)) return true;
  for (const address of own) if (address.replace(/%.*$/, '').toLowerCase() === bare) return true;
  return false;
}

/** On the proxy's own refusals (403): this answer is wxauth proxy's, not its upstream's. */
export const PROXY_HEADER = 'X-Wxauth-Proxy';
/** On a refused /__emulator/ call from this machine: the --upstream the proxy forwards to (origin and path). */
export const PROXY_UPSTREAM_HEADER = 'X-Wxauth-Proxy-Upstream';
/**
 * Sent by `wxauth probe` (as PROXY_HEADER's value) when it asks a loopback origin whether it is a wxauth
 * proxy: the proxy answers as to any /__emulator/ call, without a "refused" line in its live view.
 */
export const PROXY_QUESTION = 'which-upstream';

// Does a redirect_uri fall under the account's configured callback domain (网页授权域名 / 授权回调域)?
// Rules (API-FACTS §3):
// - exact host match: configuring www.qq.com covers http://www.qq.com/music.html but not pay.qq.com or
//   qq.com — subdomains and the parent are NOT covered, and `www.` matters;
// - any path or query under the host is fine;
// - production accounts reject any non-default port (10003, "redirect_uri不支持带端口号") and cannot
//   register IP addresses; test accounts (测试号) may register an IP, and if the redirect_uri has a port
//   the configured value must include it (`82.157.150.202:7002`);
// - the scheme is not part of the match, but it must be http or https.
import type { AccountType } from './validate.js';

export type DomainMismatchReason =
  /** redirect_uri is not an absolute URL. */
  | 'invalid_uri'
  /** Not http(s). */
  | 'scheme'
  /** A different host altogether. */
  | 'host'
  /** redirect host is a subdomain of the configured one (api.example.com vs example.com). */
  | 'subdomain'
  /** redirect host is a parent of the configured one (example.com vs www.example.com). */
  | 'parent'
  /** A port where none is allowed, or not the configured one. */
  | 'port'
  /** An IP address on an account type that can only register domain names. */
  | 'ip'
  /** The configured domain itself is not a bare host[:port]. */
  | 'bad_domain';

export interface DomainMatchInput {
  redirectUri: string;
  /** The configured callback domain: host[:port], no scheme. */
  domain: string;
  accountType?: AccountType;
}

export type DomainMatch =
  | { ok: true; host: string; port: string }
  | {
      ok: false;
      reason: DomainMismatchReason;
      /** The redirect_uri's host and port ('' = default port), when it parsed. */
      host?: string;
      port?: string;
      /** The configured domain's host and port. */
      domainHost?: string;
      domainPort?: string;
    };

/** host[:port] of a configured domain, lower-cased; undefined if it is not that shape. */
export function splitDomain(domain: string): { host: string; port: string } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(domain.trim().toLowerCase());
  if (!m || !m[1]) return undefined;
  return { host: m[1], port: m[2] ?? '' };
}

/**
 * Whether a host, as `splitDomain` or WHATWG URL gives it, is written as an address rather than a name:
 * dotted IPv4 digits or a bracketed IPv6. A shape test, not a validator (999.1.1.1 counts): it decides
 * "this is an address, not a domain", the same either way. The strict reader of WeChat's IP lists
 * (addresses and CIDR blocks) is responses.ts's `isIpEntry`; the emulator, outside core, uses node's `isIP`.
 */
export function isIpHost(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

/**
 * A name or address of this machine: `localhost`, 127.x.x.x, `::1` (bracketed or not, any case). The
 * same test as core/host-names.ts's, kept here too: `url` and `inspect` load this module, and importing
 * host-names (or it importing this) costs them one more chunk to read at start (issue 19, measured
 * with strace: 34 files for url against 33).
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * RFC 1918 / link-local IPv4 (10/8, 172.16/12, 192.168/16, 169.254/16): where a phone on the same Wi-Fi
 * reaches this machine. The same test as core/host-names.ts's, kept here for the reason above
 * (test/core/domain.test.ts holds the two to it).
 */
export function isPrivateLanHost(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

/**
 * Whether an http redirect_uri on `host` sends the code across a public network in clear text: the note
 * (inspect's redirect_uri.http) that url and inspect give for a link and init and config set for a saved
 * redirect_uri, one rule for all four. Not for a test account (`type` 'test'), which is never production
 * (its fix is "use https in production"; README's setup puts it on http://IP:port), nor for this
 * machine's own address or a private LAN one (the emulator, a local listener, a phone on the same
 * Wi-Fi): the code crosses no public network. core/redirect-cautions.ts writes the same rule with
 * host-names' tests (test/core/domain.test.ts holds them equal).
 */
export function httpCodeInClear(host: string, type: string | undefined): boolean {
  return type !== 'test' && !isLoopbackHost(host) && !host.toLowerCase().endsWith('.localhost') && !isPrivateLanHost(host);
}

/** `localhost` (or a name under it, RFC 6761) as a callback domain: one only this machine resolves, and no registrar sells. */
export function isLoopbackDomain(domain: string): boolean {
  const host = splitDomain(domain)?.host;
  return host !== undefined && (isLoopbackHost(host) || host.endsWith('.localhost'));
}

export function matchCallbackDomain(input: DomainMatchInput): DomainMatch {
  let url: URL;
  try {
    url = new URL(input.redirectUri.trim());
  } catch {
    return { ok: false, reason: 'invalid_uri' };
  }
  const host = url.hostname.toLowerCase();
  // WHATWG drops an explicit default port (https://a.com:443/ → ''), a user name and password, and maps
  // non-ASCII letters; WeChat compares the host as written, and inspect checks it so
  // (core/inspect.ts checkRawAuthority). Here, the host the settings and the listener go by.
  const port = url.port;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme', host, port };
  if (host === '') return { ok: false, reason: 'invalid_uri' };
  const configured = splitDomain(input.domain);
  if (!configured) return { ok: false, reason: 'bad_domain', host, port };
  const base = { host, port, domainHost: configured.host, domainPort: configured.port };

  if (host !== configured.host) {
    if (host.endsWith('.' + configured.host)) return { ok: false, reason: 'subdomain', ...base };
    if (configured.host.endsWith('.' + host)) return { ok: false, reason: 'parent', ...base };
    return { ok: false, reason: 'host', ...base };
  }
  const type = input.accountType;
  if (type !== undefined && type !== 'test' && isIpHost(host)) return { ok: false, reason: 'ip', ...base };
  if (type === 'test' || type === undefined) {
    // Test accounts compare host:port as configured; an unknown type gets the same rule, which still
    // rejects a port the configured value does not name.
    if (port !== configured.port) return { ok: false, reason: 'port', ...base };
  } else if (port !== '') {
    return { ok: false, reason: 'port', ...base };
  }
  return { ok: true, host, port };
}

/**
 * The callback domain a redirect_uri needs, as the console takes it: its host, and its port too on a
 * test account (the only type that registers host:port, above). Undefined when it is not an http(s) URL.
 */
export function domainForRedirect(redirectUri: string, type: AccountType | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  return type === 'test' && url.port !== '' ? url.host : url.hostname;
}

/**
 * A redirect_uri to give as an example: under the profile's callback domain (http on this machine's
 * own names, which have no certificate), else the documentation's www.example.com. An example off the
 * configured domain would be refused as 10003 when followed.
 */
export function exampleRedirectUri(domain: string | undefined): string {
  const d = domain === undefined ? undefined : splitDomain(domain);
  if (d === undefined) return 'https://www.example.com/oauth/callback';
  return `${isLoopbackHost(d.host) ? 'http' : 'https'}://${d.host}${d.port ? `:${d.port}` : ''}/oauth/callback`;
}

/**
 * Where a callback under the configured domain lands when nothing else names one (`login` with no
 * redirect_uri): http on the domain's host, on the port the domain names (a test account's host:port),
 * else on the default port 80 — the only one a domain without a port allows: WeChat refuses a
 * redirect_uri with a port there (§3, 10003 / "redirect_uri 参数错误"). Undefined when the domain is
 * not host[:port].
 */
export function callbackUnderDomain(domain: string | undefined, path: string): { uri: string; host: string } | undefined {
  const d = domain === undefined ? undefined : splitDomain(domain);
  if (d === undefined) return undefined;
  return { uri: `http://${d.host}${d.port ? `:${d.port}` : ''}${path}`, host: d.host };
}

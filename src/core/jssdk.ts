// The JS-SDK permission signature (公众号 `wx.config`), as pure functions: which URL WeChat wants
// signed, the string that is hashed, and — when a page reports `config:invalid signature` — which of
// the well-known mistakes reproduces the signature the server produced. No hashing here (core has no
// node:crypto): callers pass a sha1 function (flows/jssdk.ts passes node:crypto's).
// Facts: ../shared/wechat/JSSDK-FACTS.md §2 (algorithm, URL rules), §2.2 (wx.config), §3 (failures).
import { NOT_AN_OBJECT, readFields, type Narrowed } from './responses.js';
import { redactValue } from './secrets.js';
import { isIpHost } from './domain.js';
import { isCallbackDomain, ticketCharProblem } from './validate.js';
import type { MessageRef } from '../errors.js';
import { suggest } from './closest.js';
import { INVISIBLE_CHARS, QUOTE_PAIRS } from './pasted.js';

/** Lower-case hex sha1 of a UTF-8 string. */
export type Sha1 = (text: string) => string;

/** The four signed values, under the names wx.config uses. */
export interface SignInput {
  ticket: string;
  nonceStr: string;
  timestamp: string;
  url: string;
}

/**
 * string1 of JSSDK-FACTS §2: the four fields sorted by name (ASCII), `key=value` joined with `&`, all
 * names lower case (so `noncestr`, although wx.config spells it `nonceStr`), raw values, no URL escaping.
 * Sorted, the order is always jsapi_ticket, noncestr, timestamp, url ("不要改变参数顺序", WeCom 96909).
 * `nonceKey` exists only to reproduce the `nonceStr` mistake; the sort order is the same either way.
 */
export function stringToSign(input: SignInput, nonceKey: 'noncestr' | 'nonceStr' = 'noncestr'): string {
  const fields: Array<[string, string]> = [
    ['jsapi_ticket', input.ticket],
    [nonceKey, input.nonceStr],
    ['timestamp', input.timestamp],
    ['url', input.url],
  ];
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return fields.map(([k, v]) => `${k}=${v}`).join('&');
}

export interface Signed {
  string1: string;
  signature: string;
}

/**
 * string1 with its ticket masked as traces mask secrets (`jsapi_ticket=83dG***&noncestr=…`): the
 * signed ticket (or the access_token or old ticket a mistake signed) is a secret; the rest is not.
 */
export function maskString1(string1: string): string {
  const m = /^jsapi_ticket=(.*?)(&nonce[sS]tr=.*)$/s.exec(string1);
  if (!m) return string1;
  return `jsapi_ticket=${redactValue(m[1] ?? '')}${m[2] ?? ''}`;
}

/** A diagnosis with every string1 in it masked (maskString1), for output without --show-secrets. */
export function maskDiagnosis(d: Diagnosis): Diagnosis {
  const string1 = maskString1(d.string1);
  if (d.verdict === 'mistake') return { ...d, string1, found: { ...d.found, string1: maskString1(d.found.string1) } };
  if (d.verdict === 'ios-only') return { ...d, string1, landingString1: maskString1(d.landingString1) };
  return { ...d, string1 };
}

export function signJsapi(input: SignInput, sha1: Sha1): Signed {
  const string1 = stringToSign(input);
  return { string1, signature: sha1(string1).toLowerCase() };
}

// ---------------------------------------------------------------------------------------------
// The page URL
// ---------------------------------------------------------------------------------------------

/** What normalisation changed, so the user is told (never silently). */
export type UrlChange =
  /** §2 / 附录5: "不包含#及其后面部分" — location.href.split('#')[0]. */
  | { kind: 'fragment-dropped'; fragment: string }
  /** §2: a page sends the URL encodeURIComponent'd; the server decodes once, then signs the decoded string. */
  | { kind: 'decoded'; from: string }
  | { kind: 'trimmed' }
  /**
   * The URL as written is not what the page's location.href reports (WHATWG serialisation: non-ASCII
   * in path and query percent-encoded as UTF-8, host in lower case, default port dropped, `/` for an
   * empty path, `.`/`..` segments resolved). The page signs location.href, so that form is signed.
   */
  | { kind: 'href'; from: string; to: string; rules: HrefRule[] };

/** Which of location.href's rewrites turned the URL as written into the one signed (empty: others, unnamed). */
export type HrefRule = 'scheme-case' | 'idn' | 'non-ascii' | 'encoded' | 'host-case' | 'default-port' | 'empty-path' | 'dot-segments';

/** The rewrites `written` needed to become location.href (core/jssdk.ts pageUrl's `href` change). */
export function hrefRules(written: string): HrefRule[] {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(written);
  if (!m) return [];
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const rules: HrefRule[] = [];
  if (/[A-Z]/.test(scheme)) rules.push('scheme-case');
  if (/[^\x00-\x7f]/.test(authority)) rules.push('idn');
  if (/[^\x00-\x7f]/.test(rest)) rules.push('non-ascii');
  // ASCII a browser percent-encodes in a path or query (a space, quotes, <, >, `, {, }, |, \, ^).
  if (/[ "<>`{}|\\^]/.test(rest)) rules.push('encoded');
  if (/[A-Z]/.test(authority)) rules.push('host-case');
  const port = /:(\d+)$/.exec(authority)?.[1];
  if ((port === '443' && scheme.toLowerCase() === 'https') || (port === '80' && scheme.toLowerCase() === 'http')) rules.push('default-port');
  if (rest === '' || rest.startsWith('?')) rules.push('empty-path');
  if (/\/\.\.?(?:[/?]|$)/.test(rest.split('?')[0]!)) rules.push('dot-segments');
  return rules;
}

export type PageUrl =
  | {
      ok: true;
      /** location.href.split('#')[0]: what the page reports and signs. */
      url: string;
      input: string;
      /** The URL as written (trimmed, decoded once, without #…) before the location.href rewrite. */
      written: string;
      changes: UrlChange[];
    }
  | { ok: false; input: string; problem: 'not-http-url' };

const ENCODED_URL = /^https?%3A%2F%2F/i;

/**
 * The URL as WeChat compares it: what the page's `location.href.split('#')[0]` gives (§2, 附录5), i.e.
 * the WHATWG-serialised URL (`new URL(u).href`) without the fragment. A browser never reports a URL
 * as typed: it percent-encodes non-ASCII in path and query as UTF-8, lower-cases the host, drops the
 * default port and turns an empty path into `/` (so `http://qq.com` reads `http://qq.com/`, §2 host-only
 * URLs). A URL sent encodeURIComponent'd is decoded once first (§2). Every rewrite is a change the
 * user is told about; nothing else (query order, percent-escapes already there) is touched.
 */
export function normalizePageUrl(input: string): PageUrl {
  const changes: UrlChange[] = [];
  let url = input;
  if (url.trim() !== url) {
    url = url.trim();
    changes.push({ kind: 'trimmed' });
  }
  if (ENCODED_URL.test(url)) {
    try {
      const decoded = decodeURIComponent(url);
      changes.push({ kind: 'decoded', from: url });
      url = decoded;
    } catch {
      return { ok: false, input, problem: 'not-http-url' };
    }
  }
  const hash = url.indexOf('#');
  if (hash >= 0) {
    changes.push({ kind: 'fragment-dropped', fragment: url.slice(hash) });
    url = url.slice(0, hash);
  }
  const href = locationHref(url);
  if (href === undefined || !parseHttpUrl(href)) return { ok: false, input, problem: 'not-http-url' };
  if (href !== url) changes.push({ kind: 'href', from: url, to: href, rules: hrefRules(url) });
  return { ok: true, url: href, input, written: url, changes };
}

/** `new URL(url).href` for an absolute http(s) URL without credentials; undefined for anything else. */
function locationHref(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  parsed.hash = '';
  return parsed.href;
}

interface UrlParts {
  scheme: string;
  /** host[:port] as written */
  authority: string;
  host: string;
  /** explicit port, undefined for the scheme's default */
  port: string | undefined;
  /** the path as written, '' when absent */
  path: string;
  /** `?query` as written, '' when absent */
  rest: string;
}

/** Split an http(s) URL (normalizePageUrl's location.href form, or a URL as written) into its parts. */
function parseHttpUrl(url: string): UrlParts | undefined {
  const m = /^(https?):\/\/([^/?#@\s]+)([^?#\s]*)(\?[^#\s]*)?$/i.exec(url);
  if (!m) return undefined;
  const authority = m[2] ?? '';
  const hp = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hp) return undefined;
  const scheme = (m[1] ?? '').toLowerCase();
  let port = hp[2];
  if ((scheme === 'http' && port === '80') || (scheme === 'https' && port === '443')) port = undefined;
  return { scheme, authority, host: (hp[1] ?? '').toLowerCase(), port, path: m[3] ?? '', rest: m[4] ?? '' };
}

// ---------------------------------------------------------------------------------------------
// JS接口安全域名
// ---------------------------------------------------------------------------------------------

export type DomainVerdict =
  | { ok: true; host: string; domain: string }
  /**
   * The host is not one of the domains and not under one (§3 invalid url domain). `withHost`: the
   * domains with the host added, as `config set jsDomains` takes them, when each is a plain host name (a
   * shell word as it is) and the page has no port.
   */
  | { ok: false; host: string; problem: 'not-listed'; domains: string[]; withHost?: string }
  /** §3: JS-SDK pages are served on 80/443 only, so the domain is entered without a port. */
  | { ok: false; host: string; problem: 'port'; port: string; domains: string[] }
  /** No domains configured for the profile: nothing to check against. */
  | { ok: false; host: string; problem: 'none-configured'; domains: string[] };

/**
 * Is the page's host one of the JS-safe domains? A bound parent domain covers its subdomains (附录5
 * "绑定父级域名"). The current rule is 80/443 only, with no port entered; an older revision said to
 * include the port (§3 ⚠), so a domain entered with a port matches that port exactly.
 */
export function checkJsDomain(pageUrl: string, domains: readonly string[]): DomainVerdict {
  const parts = parseHttpUrl(pageUrl.split('#')[0] ?? '');
  const host = parts?.host ?? pageUrl;
  if (domains.length === 0) return { ok: false, host, problem: 'none-configured', domains: [] };
  if (!parts) return { ok: false, host, problem: 'not-listed', domains: [...domains] };
  let portOnly: string | undefined;
  for (const raw of domains) {
    const entry = raw.trim().toLowerCase();
    const colon = entry.lastIndexOf(':');
    const hasPort = colon > 0 && !entry.endsWith(']');
    const domain = hasPort ? entry.slice(0, colon) : entry;
    const port = hasPort ? entry.slice(colon + 1) : undefined;
    if (parts.host !== domain && !parts.host.endsWith(`.${domain}`)) continue;
    if (port !== undefined ? port === parts.port : parts.port === undefined) return { ok: true, host: parts.host, domain: raw };
    portOnly = parts.port;
  }
  if (portOnly !== undefined) return { ok: false, host: parts.host, problem: 'port', port: portOnly, domains: [...domains] };
  const list = [...domains.map((d) => d.trim()), parts.host];
  const plain = parts.port === undefined && list.every((d) => /^[A-Za-z0-9.-]+(?::\d+)?$/.test(d));
  return { ok: false, host: parts.host, problem: 'not-listed', domains: [...domains], ...(plain ? { withHost: list.join(',') } : {}) };
}

/**
 * With no jsDomains set, what the setting could hold for the page's own host: `entry` is host[:port]
 * as `config set jsDomains` takes it, absent when the setting would refuse the host. An IP address or a
 * port is for a test account only: a real account's JS-SDK pages are on a bound domain on 80/443 (§3).
 */
export interface PageJsDomain {
  host: string;
  entry?: string;
  ip: boolean;
  port?: string;
}

export function pageJsDomain(pageUrl: string): PageJsDomain {
  const parts = parseHttpUrl(pageUrl.split('#')[0] ?? '');
  if (!parts) return { host: pageUrl, ip: false };
  const entry = parts.port === undefined ? parts.host : `${parts.host}:${parts.port}`;
  return {
    host: parts.host,
    ...(isCallbackDomain(entry) ? { entry } : {}),
    ip: isIpHost(parts.host),
    ...(parts.port !== undefined ? { port: parts.port } : {}),
  };
}

/** `a.com, b.com` → ['a.com', 'b.com'] (the jsDomains setting). */
export function splitJsDomains(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,，\s]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
}

// ---------------------------------------------------------------------------------------------
// Diagnosing `config:invalid signature`
// ---------------------------------------------------------------------------------------------

/** What the page's wx.config carried (or the server printed). */
export interface SignatureClaim {
  /** The page's URL as the user knows it (location.href); may still carry #…. */
  url: string;
  signature: string;
  timestamp: string;
  nonceStr: string;
}

/** What wxauth knows independently. */
export interface SignatureFacts {
  /** The jsapi_ticket WeChat checks against (the cached or freshly fetched one, or --ticket). */
  ticket: string;
  /** The basic access_token of the appid, to recognise "signed the access_token instead" (§3 [OBS]). */
  accessToken?: string;
  /** Tickets held before the current one (an old cache, another server's copy, §1.3). */
  staleTickets?: string[];
  /** Tickets of other appids this machine holds (a server signing with another account's ticket). */
  otherAppTickets?: Array<{ appid: string; ticket: string }>;
  /** The URLs the user first landed on (--landing-url): what iOS verifies for a history-mode SPA (§3.1). */
  otherUrls?: string[];
}

/** The mistakes of JSSDK-FACTS §2–§3, most common first (the order they are tried in). */
export const MISTAKES = [
  'fragment',
  'share-params',
  'as-written',
  'encoded',
  'other-url',
  'query-order',
  'scheme',
  'trailing-slash',
  'port',
  'scheme-slash',
  'nonce-key',
  'nonce-case',
  'nonce-space',
  'timestamp-ms',
  'timestamp-drift',
  'no-ticket',
  'access-token',
  'stale-ticket',
  'other-appid-ticket',
] as const;
export type MistakeId = (typeof MISTAKES)[number];

/** What to check when no known mistake reproduces the signature (附录5's list, in its order). */
export const CHECKS = ['algorithm', 'nonce-timestamp', 'full-url', 'appid', 'ticket-cache', 'dynamic-url', 'ios-landing'] as const;
export type CheckId = (typeof CHECKS)[number];

/** One reconstruction of what the server may have signed. */
export interface Attempt {
  mistake: MistakeId;
  string1: string;
  /** The URL that was signed in this attempt (when it differs from the page's). */
  url?: string;
  /** The timestamp that was signed (timestamp-ms, timestamp-drift). */
  timestamp?: string;
  /** The nonce that was signed (nonce-case, nonce-space). */
  nonce?: string;
  /** Which ticket was signed: the access_token, the index of a stale ticket, another appid's, or none at all (what an empty variable prints). */
  ticket?: 'access-token' | { stale: number } | { none: string } | { appid: string };
}

export type Diagnosis =
  | { verdict: 'match'; url: string; string1: string; expected: string; warnings: DiagnosisWarning[] }
  /**
   * The signature is the landing URL's (--landing-url): what iOS WeChat verifies for a history-mode SPA,
   * while Android verifies the current URL (JSSDK-FACTS §3.1 ⚠: practice reports, not the official text;
   * may vary by client version). Right on iOS, wrong on Android — unless the page signs per platform.
   */
  | { verdict: 'ios-only'; url: string; string1: string; expected: string; landingUrl: string; landingString1: string; warnings: DiagnosisWarning[] }
  | { verdict: 'mistake'; url: string; string1: string; expected: string; found: Attempt; warnings: DiagnosisWarning[] }
  /** `tried`: signatures computed (each kind of mistake in its variants); `kinds`: how many kinds of mistake. */
  | { verdict: 'unknown'; url: string; string1: string; expected: string; tried: number; kinds: number; checks: CheckId[]; warnings: DiagnosisWarning[] };

export type DiagnosisWarning =
  /** §2.1: every SDK emits lower case; whether WeChat accepts upper case is unverified. */
  | { kind: 'upper-case-signature' }
  /** §2: "timestamp in seconds"; 13 digits is Date.now(). */
  | { kind: 'timestamp-ms'; timestamp: string }
  | { kind: 'url-changed'; changes: UrlChange[] };

/** The URL without the query pairs `drop` picks; undefined when none is dropped. */
function withoutParams(url: string, drop: (pair: string) => boolean): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  const kept = url
    .slice(q + 1)
    .split('&')
    .filter((pair) => !drop(pair));
  const next = url.slice(0, q) + (kept.length > 0 ? `?${kept.join('&')}` : '');
  return next === url ? undefined : next;
}

/**
 * The nonces a server may have signed when wx.config's `nonce` differs from it only in spaces: trimmed, every
 * space dropped, a space that was a `+` (form decoding), a `+` that became a space; and `nonce` with a line end
 * or a space added.
 */
function nonceSpaceVariants(nonce: string): string[] {
  // And the reverse: the server signed a nonce read with its line end or a space (a file, an env var)
  // while wx.config got it trimmed.
  const out = new Set([nonce.trim(), nonce.replace(/\s+/g, ''), nonce.replace(/ /g, '+'), nonce.replace(/\+/g, ' '), `${nonce}\n`, `${nonce} `, ` ${nonce}`, `${nonce}\r\n`]);
  out.delete(nonce);
  out.delete('');
  return [...out];
}

/** The URL variants each URL mistake would have signed instead of `url` (the page's, without #). */
function urlVariants(claim: SignatureClaim, url: string, written: string, facts: SignatureFacts): Array<{ mistake: MistakeId; url: string }> {
  const out: Array<{ mistake: MistakeId; url: string }> = [];
  const add = (mistake: MistakeId, candidate: string | undefined) => {
    if (candidate !== undefined && candidate !== url && !out.some((o) => o.url === candidate)) out.push({ mistake, url: candidate });
  };
  // fragment: the URL as given (when it had one), else the usual hash-router fragments.
  const given = claim.url.trim();
  if (given.includes('#')) {
    const raw = ENCODED_URL.test(given) ? safeDecode(given) : given;
    add('fragment', hrefOf(raw));
    add('fragment', raw);
  }
  for (const f of ['#/', '#', '#wechat_redirect']) add('fragment', url + f);
  for (const other of facts.otherUrls ?? []) if (other.includes('#')) add('fragment', hrefOf(other.trim()));
  // WeChat's share parameters (附录5 (6): "WeChat appends parameters to shared links"): a page opened
  // from a shared link carries from=… and isappinstalled=…, which a server signing a URL it built
  // itself (or cached per path) leaves out.
  add('share-params', withoutParams(url, (pair) => SHARE_PARAM.test(pair)));
  // as written: the URL as typed when location.href reports it otherwise (non-ASCII not encoded, no
  // `/` for an empty path, upper-case host, default port), or the href with its escapes decoded.
  add('as-written', written);
  add('as-written', safeDecodeUri(url));
  // The root written without its `/` (https://a.com?x=1), as a server that builds the URL from its parts
  // writes it: location.href always has the `/`, so this is the as-written mistake, whichever form --url took.
  add('as-written', url.replace(/^(https?:\/\/[^/?#]+)\/(?=\?|$)/i, '$1'));
  // encoded: sent with encodeURIComponent and never decoded (§2), or encodeURI'd.
  add('encoded', encodeURIComponent(url));
  add('encoded', encodeURI(url));
  // another URL: the landing URL (iOS history mode, §3.1), the page before the OAuth hop (without
  // code/state, §2 "通过a链接…跳转到b链接"), the path without its query, the site root.
  add('other-url', withoutParams(url, (pair) => ['code', 'state'].includes(pair.split('=')[0] ?? '')));
  const q = url.indexOf('?');
  if (q >= 0) add('other-url', url.slice(0, q));
  const root = /^(https?:\/\/[^/?#]+)/i.exec(url)?.[1];
  if (root) {
    add('other-url', `${root}/`);
    add('other-url', root);
  }
  // The query's parameters in another order: a server that rebuilds the URL from parsed parameters
  // (sorted, or in its framework's order) instead of signing it as the page has it.
  if (q >= 0) {
    const pairs = url.slice(q + 1).split('&');
    if (pairs.length > 1) {
      add('query-order', `${url.slice(0, q)}?${[...pairs].sort().join('&')}`);
      add('query-order', `${url.slice(0, q)}?${[...pairs].reverse().join('&')}`);
    }
  }
  // http vs https.
  const otherScheme = /^https:/i.test(url) ? 'http:' + url.slice(6) : /^http:/i.test(url) ? 'https:' + url.slice(5) : undefined;
  add('scheme', otherScheme);
  // A trailing slash added or dropped on the path.
  add('trailing-slash', toggleSlash(url));
  // A port in the signed URL that the page's location.href does not have: the default one written out
  // (:443, :80), or the backend's own behind a reverse proxy (a server reading its Host and port).
  const parts = /^(https?):\/\/([^/?#:]+)(\/.*)?$/i.exec(url);
  if (parts) {
    const [, scheme = 'https', host = '', rest = '/'] = parts;
    add('port', `${scheme}://${host}:${scheme.toLowerCase() === 'https' ? 443 : 80}${rest}`);
    for (const port of BACKEND_PORTS) for (const s of ['http', 'https']) add('port', `${s}://${host}:${port}${rest}`);
  }
  // Two at once, the pair seen together behind TLS-terminating proxies: the other scheme and the slash.
  if (otherScheme) add('scheme-slash', toggleSlash(otherScheme));
  return out;
}

/**
 * What WeChat appends to a shared page's URL (附录5 (6)): from=singlemessage|groupmessage|timeline and
 * isappinstalled=…; a `from` of the page's own (from=menu) is not one.
 */
const SHARE_PARAM = /^(?:isappinstalled=.*|from=(?:singlemessage|groupmessage|timeline))$/;
/** Ports web backends commonly listen on behind nginx. */
const BACKEND_PORTS = [8080, 8000, 3000, 5000, 8081, 8888, 9000, 7001, 8443];

/** The URL with a trailing slash on its path added, or dropped. */
function toggleSlash(url: string): string {
  const q = url.indexOf('?');
  const [base = url, query] = q >= 0 ? [url.slice(0, q), url.slice(q)] : [url, ''];
  return base.endsWith('/') ? base.slice(0, -1) + query : `${base}/${query}`;
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** location.href of a URL (with its fragment), or the URL itself when it does not parse. */
function hrefOf(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** How far a timestamp taken twice may drift (a slow ticket fetch between the two reads included). */
const TIMESTAMP_DRIFT_S = 10;

/**
 * Recompute the signature; if it differs, try each known mistake alone and name the first that
 * reproduces the given signature; else say what to check (附录5 order). Pure: the hash is passed in.
 */
export function diagnoseSignature(claim: SignatureClaim, facts: SignatureFacts, sha1: Sha1): Diagnosis {
  const warnings: DiagnosisWarning[] = [];
  const normalized = normalizePageUrl(claim.url);
  const url = normalized.ok ? normalized.url : claim.url.split('#')[0] ?? claim.url;
  const written = normalized.ok ? normalized.written : url;
  if (normalized.ok && normalized.changes.length > 0) warnings.push({ kind: 'url-changed', changes: normalized.changes });
  const given = claim.signature.trim();
  if (given !== given.toLowerCase()) warnings.push({ kind: 'upper-case-signature' });
  if (/^\d{13}$/.test(claim.timestamp.trim())) warnings.push({ kind: 'timestamp-ms', timestamp: claim.timestamp.trim() });
  const wanted = given.toLowerCase();
  const base: SignInput = { ticket: facts.ticket, nonceStr: claim.nonceStr, timestamp: claim.timestamp.trim(), url };
  const { string1, signature: expected } = signJsapi(base, sha1);
  if (expected === wanted) return { verdict: 'match', url, string1, expected, warnings };
  // The landing URL (iOS history-mode SPA, §3.1), in the form its location.href had.
  for (const landing of facts.otherUrls ?? []) {
    const page = normalizePageUrl(landing);
    const landingUrl = page.ok ? page.url : landing.split('#')[0] ?? landing;
    if (landingUrl === url) continue;
    const landingString1 = stringToSign({ ...base, url: landingUrl });
    if (sha1(landingString1).toLowerCase() === wanted) return { verdict: 'ios-only', url, string1, expected, landingUrl, landingString1, warnings };
  }

  let tried = 0;
  const kinds = new Set<string>();
  const attempt = (a: Attempt): Attempt | undefined => {
    tried += 1;
    kinds.add(a.mistake);
    return sha1(a.string1).toLowerCase() === wanted ? a : undefined;
  };
  const found = ((): Attempt | undefined => {
    for (const v of urlVariants(claim, url, written, facts)) {
      const hit = attempt({ mistake: v.mistake, url: v.url, string1: stringToSign({ ...base, url: v.url }) });
      if (hit) return hit;
    }
    const nonceKey = attempt({ mistake: 'nonce-key', string1: stringToSign(base, 'nonceStr') });
    if (nonceKey) return nonceKey;
    // The nonce in another case than wx.config's (a server that lower- or upper-cases what it generates).
    for (const nonce of new Set([base.nonceStr.toLowerCase(), base.nonceStr.toUpperCase()])) {
      if (nonce === base.nonceStr) continue;
      const hit = attempt({ mistake: 'nonce-case', nonce, string1: stringToSign({ ...base, nonceStr: nonce }) });
      if (hit) return hit;
    }
    // The nonce's spaces: copied with a space around it (a log line, a terminal selection), or a `+` that a
    // query string or form decoding turned into a space on its way to wx.config (or the reverse): the
    // signed noncestr must equal wx.config's nonceStr character for character (§2 注意事项).
    for (const nonce of nonceSpaceVariants(base.nonceStr)) {
      const hit = attempt({ mistake: 'nonce-space', nonce, string1: stringToSign({ ...base, nonceStr: nonce }) });
      if (hit) return hit;
    }
    // Milliseconds: signed Date.now() while wx.config got seconds (any of the 1000 ms in that second),
    // or wx.config got the milliseconds while the server signed seconds.
    const ts = base.timestamp;
    if (/^\d{1,11}$/.test(ts)) {
      for (let ms = 0; ms < 1000; ms++) {
        const signedTs = String(Number(ts) * 1000 + ms);
        const hit = attempt({ mistake: 'timestamp-ms', timestamp: signedTs, string1: stringToSign({ ...base, timestamp: signedTs }) });
        if (hit) return hit;
      }
    } else if (/^\d{13}$/.test(ts)) {
      const seconds = String(Math.floor(Number(ts) / 1000));
      const hit = attempt({ mistake: 'timestamp-ms', timestamp: seconds, string1: stringToSign({ ...base, timestamp: seconds }) });
      if (hit) return hit;
    }
    // The clock read twice (once to sign, once for wx.config): a timestamp a few seconds off (§2.2 注意事项:
    // the signed timestamp must equal wx.config's), nearest first.
    if (/^\d{1,11}$/.test(ts)) {
      for (let d = 1; d <= TIMESTAMP_DRIFT_S; d++) {
        for (const signedTs of [Number(ts) - d, Number(ts) + d]) {
          if (signedTs < 0) continue;
          const hit = attempt({ mistake: 'timestamp-drift', timestamp: String(signedTs), string1: stringToSign({ ...base, timestamp: String(signedTs) }) });
          if (hit) return hit;
        }
      }
    }
    // No ticket at all: getticket failed (40001, 42001…) and the server signed what its empty variable prints.
    for (const none of ['', 'undefined', 'null', 'None', 'nil']) {
      const hit = attempt({ mistake: 'no-ticket', ticket: { none }, string1: stringToSign({ ...base, ticket: none }) });
      if (hit) return hit;
    }
    if (facts.accessToken) {
      const hit = attempt({ mistake: 'access-token', ticket: 'access-token', string1: stringToSign({ ...base, ticket: facts.accessToken }) });
      if (hit) return hit;
    }
    for (const [i, stale] of (facts.staleTickets ?? []).entries()) {
      if (stale === facts.ticket) continue;
      const hit = attempt({ mistake: 'stale-ticket', ticket: { stale: i }, string1: stringToSign({ ...base, ticket: stale }) });
      if (hit) return hit;
    }
    for (const other of facts.otherAppTickets ?? []) {
      if (other.ticket === facts.ticket) continue;
      const hit = attempt({ mistake: 'other-appid-ticket', ticket: { appid: other.appid }, string1: stringToSign({ ...base, ticket: other.ticket }) });
      if (hit) return hit;
    }
    return undefined;
  })();
  if (found) return { verdict: 'mistake', url, string1, expected, found, warnings };
  return { verdict: 'unknown', url, string1, expected, tried, kinds: kinds.size, checks: [...CHECKS], warnings };
}

// ---------------------------------------------------------------------------------------------
// wx.config
// ---------------------------------------------------------------------------------------------

export interface WxConfig {
  appId?: string;
  timestamp?: string;
  nonceStr?: string;
  signature?: string;
  jsApiList?: string[];
  /** `noncestr` written in lower case inside wx.config (a mistake of its own: §2.2 wants nonceStr). */
  lowerNonceKey?: boolean;
  /** wx.error's (or the debug alert's) `errMsg`, when that is what was pasted (`config:invalid signature`). */
  errMsg?: string;
}

/**
 * Read a pasted `wx.config({...})` (or its object, or the debug alert's JSON): JavaScript object
 * syntax with unquoted keys and single quotes is common, so fields are picked by pattern rather than
 * with JSON.parse. Unknown or missing fields are simply absent.
 */
export function parseWxConfig(text: string): WxConfig {
  const pick = (key: string): string | undefined => {
    const re = new RegExp(`["']?\\b${key}\\b["']?\\s*:\\s*(?:"([^"]*)"|'([^']*)'|\`([^\`]*)\`|([^,}\\s]+))`);
    const m = re.exec(text);
    return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
  };
  const out: WxConfig = {};
  const appId = pick('appId');
  if (appId !== undefined) out.appId = appId;
  const timestamp = pick('timestamp');
  if (timestamp !== undefined) out.timestamp = timestamp;
  const nonceStr = pick('nonceStr');
  if (nonceStr !== undefined) out.nonceStr = nonceStr;
  else {
    const lower = pick('noncestr');
    if (lower !== undefined) {
      out.nonceStr = lower;
      out.lowerNonceKey = true;
    }
  }
  const signature = pick('signature');
  if (signature !== undefined) out.signature = signature;
  const errMsg = pick('errMsg');
  if (errMsg !== undefined) out.errMsg = errMsg;
  const list = /["']?\bjsApiList\b["']?\s*:\s*\[([^\]]*)\]/.exec(text);
  if (list) out.jsApiList = [...(list[1] ?? '').matchAll(/["'`]([^"'`]+)["'`]/g)].map((m) => m[1] ?? '');
  return out;
}

/**
 * The wx.* APIs a jsApiList may name. The JS-SDK doc's 附录2 "所有JS接口列表" (jweixin 1.6.0: the OA page
 * developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html, read through its public copies and
 * the typings that reproduce it, e.g. npm wechat-open-js-sdk's index.d.ts `ApiMethod`), then the APIs the
 * same page describes outside that list (checkJsApi 基础接口, getLocalImgData 图像接口, openAddress 共享收货地址)
 * and those jweixin-1.6.0.js itself maps to client calls (openEnterpriseRedPacket, the iBeacon trio,
 * consumeAndShareCard). Not a gate: WeChat adds APIs, so `jssdk sign --api` only warns about a name
 * outside it.
 */
export const JS_API_NAMES = [
  // 附录2, in its order
  'updateAppMessageShareData', 'updateTimelineShareData', 'onMenuShareTimeline', 'onMenuShareAppMessage', 'onMenuShareQQ',
  'onMenuShareWeibo', 'onMenuShareQZone', 'startRecord', 'stopRecord', 'onVoiceRecordEnd', 'playVoice', 'pauseVoice',
  'stopVoice', 'onVoicePlayEnd', 'uploadVoice', 'downloadVoice', 'chooseImage', 'previewImage', 'uploadImage',
  'downloadImage', 'translateVoice', 'getNetworkType', 'openLocation', 'getLocation', 'hideOptionMenu', 'showOptionMenu',
  'hideMenuItems', 'showMenuItems', 'hideAllNonBaseMenuItem', 'showAllNonBaseMenuItem', 'closeWindow', 'scanQRCode',
  'chooseWXPay', 'openProductSpecificView', 'addCard', 'chooseCard', 'openCard',
  // described elsewhere on the page, or mapped by jweixin-1.6.0.js
  'checkJsApi', 'getLocalImgData', 'openAddress', 'openEnterpriseRedPacket', 'startSearchBeacons', 'stopSearchBeacons',
  'onSearchBeacons', 'consumeAndShareCard',
] as const;

/** A jsApiList name not in JS_API_NAMES, with the known name it most likely meant (names are case-sensitive). */
export interface UnknownJsApi {
  name: string;
  suggestion?: string;
}

export function unknownJsApis(list: readonly string[]): UnknownJsApi[] {
  const known: readonly string[] = JS_API_NAMES;
  const out: UnknownJsApi[] = [];
  for (const name of new Set(list)) {
    if (known.includes(name)) continue;
    const suggestion = suggest(name, known);
    out.push({ name, ...(suggestion ? { suggestion } : {}) });
  }
  return out;
}

/** A nonceStr like the official sample's: 16 characters of [A-Za-z0-9] (JSSDK-FACTS §1.3, §4). */
export function nonceFromBytes(bytes: Uint8Array, length = 16): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return out;
}

/** The wx.config appId when no appid is configured (sign/verify --ticket need none): clearly not one. */
export const APPID_PLACEHOLDER = '<YOUR_APPID>';

/**
 * A single-quoted JavaScript string literal whose value is `s`: a nonce given with a quote or a backslash (sign
 * --nonce takes any text) must reach wx.config as signed, not end the string or become an escape.
 */
function jsString(s: string): string {
  const escaped = s.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (c) =>
    c === '\\' || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `'${escaped}'`;
}

/** The `wx.config({...})` snippet for a page (jsApiList is the page's choice; a placeholder list here). */
export function wxConfigSnippet(p: { appId: string; timestamp: number | string; nonceStr: string; signature: string; jsApiList: string[] }): string {
  const list = p.jsApiList.map(jsString).join(', ');
  return [
    'wx.config({',
    '  debug: false,',
    `  appId: ${jsString(p.appId)},`,
    `  timestamp: ${p.timestamp},`,
    `  nonceStr: ${jsString(p.nonceStr)},`,
    `  signature: ${jsString(p.signature)},`,
    `  jsApiList: [${list}],`,
    '});',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// GET /cgi-bin/ticket/getticket
// ---------------------------------------------------------------------------------------------

export const TICKET_PATH = '/cgi-bin/ticket/getticket';

/** JSSDK-FACTS §1.1: `{"errcode":0,"errmsg":"ok","ticket":"…","expires_in":7200}`. */
export interface TicketResponse {
  ticket: string;
  expires_in: number;
}

/** Narrow a success body (errcode ≠ 0 never gets here: the client turns it into a WechatApiError). */
export function readTicketBody(body: unknown): Narrowed<TicketResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  const ticket = f.credential('ticket');
  const expires_in = f.lifetime('expires_in', 7200);
  return f.done(() => ({ ticket: ticket as string, expires_in }));
}

/**
 * When a fetched ticket expires. §1.3 [OBS]: a re-fetch within the lifetime returns the SAME ticket
 * with `expires_in: 7200` again, not its remaining life; re-stamping "7200 s from now" keeps a dead
 * ticket in the cache (invalid signature until it is cleared, w7corp/easywechat#1580). So when the
 * ticket is the one already cached and its first expiry is still ahead, that expiry is kept. Once it
 * has passed, WeChat handing the same ticket back means it lives on: the fresh expiry is stamped
 * (keeping a past one would leave the ticket "expired" for good and re-fetch it on every call).
 */
export function ticketExpiry(fetched: TicketResponse, obtainedAt: number, cached?: { ticket: string; expiresAt: number }): number {
  const fresh = obtainedAt + fetched.expires_in * 1000;
  return keepsFirstExpiry(fetched, obtainedAt, cached) ? Math.min((cached as { expiresAt: number }).expiresAt, fresh) : fresh;
}

/** Whether ticketExpiry keeps the cached entry's expiry (same ticket, expiry still in the future). */
export function keepsFirstExpiry(fetched: { ticket: string }, obtainedAt: number, cached?: { ticket: string; expiresAt: number }): boolean {
  return cached !== undefined && cached.ticket === fetched.ticket && cached.expiresAt > obtainedAt;
}

// ---------------------------------------------------------------------------------------------
// A jsapi_ticket given by hand (--ticket)
// ---------------------------------------------------------------------------------------------

const CLOSING_QUOTE: ReadonlyMap<string, string> = new Map(QUOTE_PAIRS);

/**
 * A ticket as pasted: whitespace around it (a trailing newline or space from a copy) and the invisible
 * characters a chat app slips in are dropped, and then one pair of matching quotes around the whole of
 * it, with `quotes` saying which (so the run can say so). Nothing else: a value with a quote or a blank
 * left inside is not a ticket that was merely wrapped, and the shape check refuses it as it is.
 */
export function unwrapTicket(given: string): { ticket: string; quotes?: { open: string; close: string } } {
  const ticket = given.replace(INVISIBLE_CHARS, '').trim();
  const chars = Array.from(ticket);
  const open = chars[0];
  const close = open === undefined ? undefined : CLOSING_QUOTE.get(open);
  if (chars.length < 3 || close === undefined || chars[chars.length - 1] !== close) return { ticket };
  return { ticket: chars.slice(1, -1).join(''), quotes: { open, close } as { open: string; close: string } };
}

/**
 * What makes `ticket` no jsapi_ticket (base64url only), or undefined: getticket's whole JSON answer
 * piped in (curl … | wxauth jssdk sign … --ticket -), an error answer with no ticket in it, a line with
 * a space, a quote or a control character. Signed as given, it makes a signature WeChat never accepts,
 * and nothing would say why. The value is a secret, so the message names the shape, never the value.
 * `p` is the ` --profile X` the hint's command carries.
 */
export function ticketShapeRefusal(ticket: string, p: string): { message: MessageRef; hint: MessageRef } | undefined {
  const problem = ticketCharProblem(ticket);
  if (problem === undefined) return undefined;
  const body = jsonObject(ticket);
  if (body && typeof body.ticket === 'string') return { message: { key: 'jssdk.ticket.json' }, hint: { key: 'jssdk.ticket.json.hint' } };
  if (body && typeof body.errcode === 'number') {
    return { message: { key: 'jssdk.ticket.errorBody', params: { errcode: body.errcode } }, hint: { key: 'jssdk.ticket.errorBody.hint', params: { errcode: body.errcode } } };
  }
  const hint: MessageRef = { key: 'jssdk.ticket.isSecret.hint', params: { p } };
  if (problem.kind === 'blank') return { message: { key: 'jssdk.ticket.blank', params: { what: problem.what, position: problem.position } }, hint };
  return { message: { key: 'jssdk.ticket.char', params: { char: problem.char, position: problem.position } }, hint };
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

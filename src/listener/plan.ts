// Where to listen, decided from flags and the configured redirect_uri (shared by listen and login). Pure
// but for the machine's addresses, read (os.networkInterfaces) to tell a LAN redirect host that is not here.
import { isIP } from 'node:net';
import { UsageError } from '../errors.js';
import { bindHostOf, onThisMachineOrLan, unreachableListenHost } from '../core/host-names.js';
import { isLoopbackHost, isPrivateLanHost, isWildcardHost, lanAddresses } from './addresses.js';
import { DEFAULT_HOST, DEFAULT_PATH } from './server.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_TIMEOUT_SECONDS = 300;
export const MAX_TIMEOUT_SECONDS = 86_400;

export interface ListenFlags {
  port?: unknown;
  host?: unknown;
  path?: unknown;
  timeout?: unknown;
}

export interface ListenPlan {
  host: string;
  port: number;
  path: string;
  /** The local redirect_uri's query ('?from=x'), kept in the addresses shown (WeChat appends code and
   * state to it); '' when there is none or --path replaced the redirect's path. */
  search: string;
  timeoutMs: number;
  /** Where port and path came from. */
  source: 'flags' | 'redirect' | 'default';
  /** The redirect_uri used for the defaults, when it was local. */
  redirectUri?: string;
  /** A configured redirect_uri that is not local (so it could not give the defaults). */
  notLocal?: string;
  /** notLocal is on this machine or the LAN, only https (the listener has no certificate): the http URL to use. */
  notLocalHttps?: HttpsLocalRedirect;
  /** The redirect_uri's host, accepted in the Host header (e.g. a hosts-file name pointing here). */
  allowedHosts: string[];
  /** The callback's host is `localhost` (--host, else the local redirect_uri's): listen on 127.0.0.1 and [::1]. */
  bothLoopbacks: boolean;
  /**
   * --port or --path differ from the local redirect_uri's: WeChat sends the browser to that
   * redirect_uri, so nothing arrives here unless something forwards it.
   */
  mismatch?: { redirectUri: string; port?: number; path?: string };
  /**
   * The local redirect_uri's host is a LAN address this machine does not have (another computer's,
   * or this one's before DHCP gave it another): WeChat sends the phone there, and nothing arrives here.
   */
  elsewhere?: { redirectUri: string; host: string; here: string[]; use?: string };
}

export function parsePort(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const n = Number(text);
  if (!/^\d{1,5}$/.test(text) || n > 65_535) {
    throw new UsageError({ key: 'listen.port.invalid', params: { value: text } }, { hint: { key: 'listen.port.invalid.hint' } });
  }
  return n;
}

export function parseTimeoutSeconds(value: unknown): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const text = String(value).trim();
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || n <= 0 || n > MAX_TIMEOUT_SECONDS) {
    throw new UsageError({ key: 'listen.timeout.invalid', params: { value: text } }, { hint: { key: 'listen.timeout.invalid.hint' } });
  }
  return n;
}

export function parsePath(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!text.startsWith('/') || /[?#]/.test(text)) {
    throw new UsageError({ key: 'listen.path.invalid', params: { value: text } }, { hint: { key: 'listen.path.invalid.hint' } });
  }
  // What a browser percent-encodes in a path (WHATWG URL's path percent-encode set: controls, space,
  // ", <, >, `, {, } and every non-ASCII character; a backslash it reads as /): a callback would arrive
  // with it encoded and never match this path, and the relay page would forward nowhere.
  const bad = /[\x00-\x20"<>`{}\\\x7f-\u{10ffff}]/u.exec(text)?.[0];
  if (bad !== undefined) {
    const char = /\s/.test(bad) ? JSON.stringify(bad) : bad;
    throw new UsageError({ key: 'listen.path.char', params: { value: text, char } }, { hint: { key: 'listen.path.char.hint' } });
  }
  return text;
}

export function parseHost(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  // An IPv6 address with its interface (fe80::1%eth0, as the emulator takes it): no URL can name an
  // interface (WHATWG URL, so browsers and WeChat, refuse `[fe80::1%25eth0]`), so the callback could never come.
  if (text.includes('%') && isIP(text.replace(/^\[|\]$/g, '')) === 6) {
    throw new UsageError({ key: 'listen.host.zoned', params: { value: text } }, { hint: { key: 'listen.host.unavailable.hint' } });
  }
  // A multicast or broadcast address: Linux binds 224.0.0.1 all the same, and nothing ever connects.
  if (unreachableListenHost(text) === 'multicast') {
    throw new UsageError({ key: 'listen.host.multicast', params: { value: text } }, { hint: { key: 'listen.host.unavailable.hint' } });
  }
  if (!/^(\[?[0-9A-Fa-f:.]+\]?|[A-Za-z0-9.-]+)$/.test(text)) {
    throw new UsageError({ key: 'listen.host.invalid', params: { value: text } }, { hint: { key: 'listen.host.unavailable.hint' } });
  }
  return bindHostOf(text);
}

/**
 * A redirect_uri this machine can receive: http on a loopback or private-LAN host, or on one of
 * `machine`, this machine's own addresses (core's listenerCanReceive).
 */
export function localRedirect(uri: string | undefined, machine: readonly string[] = []): { host: string; port: number; path: string; search: string } | undefined {
  const local = onThisMachineOrLan(uri, 'http:', machine);
  if (!local) return undefined;
  const { url, host } = local;
  return { host, port: url.port === '' ? 80 : Number(url.port), path: url.pathname || '/', search: url.search };
}

/**
 * A redirect_uri on this machine or the LAN that the listener still cannot receive because it is https
 * (the listener speaks plain http: it has no certificate): the http URL to use instead. Without a port,
 * http would be port 80, which an ordinary user cannot bind, so the listener's default port is named.
 */
export interface HttpsLocalRedirect {
  uri: string;
  http: string;
  host: string;
  port: number;
  portMissing: boolean;
}

function httpsLocalRedirect(uri: string | undefined): HttpsLocalRedirect | undefined {
  const local = onThisMachineOrLan(uri, 'https:');
  if (!uri || !local) return undefined;
  const { url } = local;
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  return { uri, http: `http://${url.hostname}:${port}${url.pathname || '/'}${url.search}`, host: url.hostname, port, portMissing: url.port === '' };
}

/** The redirect_uri on this machine's address: a Wi-Fi one first (a docker/WSL bridge or a VPN is no use to a phone). */
function suggestedHere(redirectUri: string, here: string[]): { use?: string } {
  const address = here.find(isPrivateLanHost) ?? here[0];
  if (address === undefined) return {};
  const url = new URL(redirectUri);
  return { use: `${url.protocol}//${address}${url.port ? `:${url.port}` : ''}${url.pathname}${url.search}` };
}

/**
 * flags > the first local redirect_uri among `redirectUris` (the one `wxauth url` used, then the
 * profile's) > defaults (127.0.0.1:8080/callback). A LAN redirect host makes the default bind 0.0.0.0
 * so the phone that follows it can connect.
 */
export function planListener(flags: ListenFlags, redirectUris: Array<string | undefined>, machineAddresses: () => string[] = lanAddresses): ListenPlan {
  const port = parsePort(flags.port);
  const host = parseHost(flags.host);
  const path = parsePath(flags.path);
  const timeoutMs = Math.round(parseTimeoutSeconds(flags.timeout) * 1000);
  let redirectUri: string | undefined;
  let local: ReturnType<typeof localRedirect>;
  let notLocal: string | undefined;
  let addresses: string[] | undefined;
  const machine = () => (addresses ??= machineAddresses());
  for (const uri of redirectUris) {
    if (!uri) continue;
    // This machine's addresses are asked for only when a host is neither loopback nor private.
    local = localRedirect(uri) ?? localRedirect(uri, machine());
    if (local) {
      redirectUri = uri;
      break;
    }
    notLocal ??= uri;
  }
  const notLocalHttps = local ? undefined : httpsLocalRedirect(notLocal);
  // A LAN host, or one of this machine's own public addresses: the phone connects from outside.
  const defaultHost = local && !isLoopbackHost(local.host) ? '0.0.0.0' : DEFAULT_HOST;
  const allowedHosts = local && !isWildcardHost(local.host) ? [local.host] : [];
  // A browser may take `localhost` to either loopback address; an explicit --host 127.0.0.1 is kept as said.
  const bothLoopbacks = (host ?? local?.host)?.toLowerCase() === 'localhost';
  const source: ListenPlan['source'] = port !== undefined || path !== undefined ? 'flags' : local ? 'redirect' : 'default';
  const portDiffers = local !== undefined && port !== undefined && port !== local.port;
  const pathDiffers = local !== undefined && path !== undefined && path !== local.path;
  const mismatch =
    redirectUri !== undefined && (portDiffers || pathDiffers)
      ? { redirectUri, ...(portDiffers ? { port: local!.port } : {}), ...(pathDiffers ? { path: local!.path } : {}) }
      : undefined;
  // Only an IP literal can be told apart from this machine's addresses (a name may resolve here).
  const here = local && isPrivateLanHost(local.host) ? machine() : [];
  const elsewhere = local && redirectUri !== undefined && isPrivateLanHost(local.host) && !here.includes(local.host) ? { redirectUri, host: local.host, here, ...suggestedHere(redirectUri, here) } : undefined;
  return {
    host: host ?? defaultHost,
    port: port ?? local?.port ?? DEFAULT_PORT,
    path: path ?? local?.path ?? DEFAULT_PATH,
    search: path === undefined ? (local?.search ?? '') : '',
    timeoutMs,
    source,
    ...(local ? { redirectUri } : {}),
    ...(local ? {} : notLocal ? { notLocal } : {}),
    ...(notLocalHttps ? { notLocalHttps } : {}),
    allowedHosts,
    bothLoopbacks,
    ...(mismatch ? { mismatch } : {}),
    ...(elsewhere ? { elsewhere } : {}),
  };
}

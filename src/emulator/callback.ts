// How WeChat builds the callback URL and matches the callback domain (API-FACTS §1.4, §3).

/**
 * §1.4: plain string concatenation — `?` if the URI has no `?`, else `&` — even when the URI has a
 * `#fragment` (the code then lands inside the fragment, as observed).
 */
export function appendToRedirect(redirectUri: string, params: Array<[string, string]>): string {
  // A loop, not map/join: every authorize redirect passes here (issue 19).
  let url = redirectUri;
  let separator = redirectUri.includes('?') ? '&' : '?';
  for (const [k, v] of params) {
    url += `${separator}${k}=${encodeURIComponent(v)}`;
    separator = '&';
  }
  return url;
}

export interface RedirectTarget {
  scheme: string;
  host: string;
  /** Explicit port in the URI, or undefined for the scheme's default. */
  port: string | undefined;
  path: string;
}

/** Parse redirect_uri as WeChat needs it: http(s) only, host and explicit port. */
export function parseRedirect(uri: string): RedirectTarget | undefined {
  // The path and query are opaque to WeChat (any path under the host is allowed), so `s`: anything goes.
  const m = /^(https?):\/\/([^/?#:@\s]+|\[[0-9a-fA-F:.]+\])(?::(\d*))?([/?#].*)?$/is.exec(uri);
  if (!m) return undefined;
  const scheme = (m[1] ?? '').toLowerCase();
  let port = m[3] === '' ? undefined : m[3];
  if ((scheme === 'http' && port === '80') || (scheme === 'https' && port === '443')) port = undefined;
  return { scheme, host: (m[2] ?? '').toLowerCase(), port, path: m[4] ?? '/' };
}

/**
 * §3: the configured domain must equal the redirect host exactly (no subdomains, no parent). A
 * configured `host:port` must match the port; production accounts reject any non-default port unless
 * the configured domain itself names it (real WeChat never allows that; the emulator permits it so a
 * local callback can work); `host:*` (emulator-only) accepts any port. A configured `host/path`
 * requires the redirect path to start with that path.
 */
export function domainMatches(configured: string[], target: RedirectTarget): boolean {
  for (const entry of configured) {
    const slash = entry.indexOf('/');
    const hostPart = slash >= 0 ? entry.slice(0, slash) : entry;
    const pathPart = slash >= 0 ? entry.slice(slash) : '';
    const colon = hostPart.lastIndexOf(':');
    const host = colon >= 0 ? hostPart.slice(0, colon) : hostPart;
    const port = colon >= 0 ? hostPart.slice(colon + 1) : undefined;
    if (host !== target.host) continue;
    if (port === '*') {
      // any port, or none
    } else if (port !== target.port) continue;
    if (pathPart && !target.path.startsWith(pathPart)) continue;
    return true;
  }
  return false;
}

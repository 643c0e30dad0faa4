// Control endpoints the emulator's page needed and scripts can use too (issue 16): who "you" are,
// the QR logins waiting for a scan, and the `export …` line for an app.
import type { Emulator } from './server.js';
import { controlJson, type Reply } from './reply.js';
import type { PublicApp } from './types.js';
import { QR_TTL_MS } from './control.js';
import { domainMatches, parseRedirect } from './callback.js';
import { callbackUnderDomain, domainForRedirect, isIpHost } from '../core/domain.js';
import { issuableScopes } from './scopes.js';

/**
 * The shell line that aims wxauth at one app of this emulator: the same line `wxauth emulator` prints
 * and the page copies, ready for `wxauth url` and `wxauth login` as it is. Each line carries a callback
 * domain a real account of that type could register and a redirect_uri under it that the app's domains
 * take, so url lints the link against the domain and the emulator accepts it:
 * - the test account (`127.0.0.1:*`): login's default callback http://127.0.0.1:8080/callback, with
 *   the domain a real test account registers for it, `127.0.0.1:8080` (host:port, API-FACTS §3);
 * - a test account opened to any port on another host (`--domain APPID=localhost:*`): that host on
 *   login's default port, `localhost:8080` and http://localhost:8080/callback;
 * - an app whose domain has no port (the 服务号's and 网站应用's `localhost`): http://localhost/callback,
 *   port 80, the only one WeChat allows such a domain (10003 otherwise). Any other type's domain is
 *   given as its host alone, as its console would take it (wxauth refuses a port there, exit 4): the
 *   port of `--domain APPID=localhost:8093` (emulator-only, as `localhost:*` is, the way to try a login
 *   on a local port) goes in the redirect_uri only, which wxauth's lint allows on this machine against
 *   the emulator; an IP (`127.0.0.1:8093`), which only a test account registers, gives no domain at all.
 * An app that can be issued no code (scopes.ts issuableScopes: a subscription account, an unverified
 * service account) has no web authorization: no domain, no redirect_uri (init saves none either), so
 * the line invites no `wxauth login` that the authorize page would refuse with 10005.
 */
export function exportLine(url: string, app: Pick<PublicApp, 'type' | 'verified' | 'appid' | 'secret' | 'domain'>): string {
  const { domain, redirectUri } = 'none' in issuableScopes(app) ? {} : callbackFor(app);
  return `export WXAUTH_API_BASE=${url} WXAUTH_OPEN_BASE=${url} WXAUTH_TYPE=${app.type} WXAUTH_APPID=${app.appid} WXAUTH_SECRET=${app.secret}${domain ? ` WXAUTH_DOMAIN=${domain}` : ''}${redirectUri ? ` WXAUTH_REDIRECT_URI=${redirectUri}` : ''}`;
}

function callbackFor(app: Pick<PublicApp, 'type' | 'domain'>): { domain?: string; redirectUri?: string } {
  const takes = (uri: string) => {
    const target = parseRedirect(uri);
    return target !== undefined && domainMatches(app.domain, target);
  };
  const first = app.domain[0];
  // host, and `:port` or `:*`, of the first domain; undefined for one with a path (a 公众号's `host/path`).
  const entry = first === undefined ? undefined : /^([^:/[\]]+|\[[0-9a-fA-F:.]+\])(?::(\d+|\*))?$/.exec(first);
  const host = entry?.[1];
  const port = entry?.[2];
  if (app.type === 'test') {
    // Where `wxauth login` listens when nothing says otherwise, if the app's domains take it.
    if (takes(LOGIN_CALLBACK)) return { domain: first !== undefined && !first.includes('*') ? first : domainForRedirect(LOGIN_CALLBACK, 'test'), redirectUri: LOGIN_CALLBACK };
    // `host:*` (emulator-only): the host:port a real test account registers for login's default port.
    const shown = host !== undefined && port === '*' ? `${host}:${LOGIN_PORT}` : first !== undefined && !first.includes('*') ? first : undefined;
    return underDomain(shown, takes);
  }
  // Any other type registers no port (§3: 10003 "redirect_uri不支持带端口号"; a website app's QR page,
  // "redirect_uri 参数错误") and no IP: the callback domain is the host alone, and none for an IP (wxauth
  // refuses one for these types, exit 4). A port the emulator's --domain names (`localhost:8093`, which
  // WeChat never allows; `localhost:*`, any) stays in the redirect_uri, which this emulator takes and
  // wxauth's lint allows on this machine against an emulator (core/inspect.ts domain.emulator_only).
  if (host === undefined) return underDomain(first !== undefined && !first.includes('*') ? first : undefined, takes);
  const domain = isIpHost(host.toLowerCase()) ? undefined : host;
  const candidates = port === '*' ? [LOGIN_CALLBACK, `http://${host}/callback`] : [`http://${host}${port ? `:${port}` : ''}/callback`];
  const redirectUri = candidates.find(takes);
  return { ...(domain ? { domain } : {}), ...(redirectUri ? { redirectUri } : {}) };
}

/** The callback under the domain shown, as login would make it (core/domain.ts callbackUnderDomain), if the app's domains take it. */
function underDomain(shown: string | undefined, takes: (uri: string) => boolean): { domain?: string; redirectUri?: string } {
  const under = callbackUnderDomain(shown, '/callback');
  return { ...(shown ? { domain: shown } : {}), ...(under && takes(under.uri) ? { redirectUri: under.uri } : {}) };
}

/** Where `wxauth login` listens when nothing says otherwise (listener/plan.ts DEFAULT_PORT, listener/server.ts DEFAULT_HOST and DEFAULT_PATH). */
const LOGIN_PORT = 8080;
const LOGIN_CALLBACK = `http://127.0.0.1:${LOGIN_PORT}/callback`;

/** GET /__emulator/user: the seeded user "you" are (POST /__emulator/user changes it). */
export function currentUser(emu: Emulator): Reply {
  return controlJson({ ok: true, user: emu.currentUser });
}

/**
 * GET /__emulator/qr: QR logins still waiting (§2.3: 408 not scanned, 404 scanned), newest first, each
 * with the uuid POST /__emulator/scan takes. Expired (402), confirmed (405) and cancelled (403)
 * sessions are left out.
 */
export function pendingQr(emu: Emulator): Reply {
  const now = emu.now();
  const sessions = [...emu.state.qr.values()]
    .filter((s) => (s.status === 408 || s.status === 404) && now - s.createdAt < QR_TTL_MS)
    .reverse()
    .map((s) => ({
      uuid: s.uuid,
      appid: s.appid,
      name: emu.app(s.appid)?.name ?? s.appid,
      state: s.state,
      redirectUri: s.redirectUri,
      status: s.status,
      createdAt: new Date(s.createdAt).toISOString(),
      expiresAt: new Date(s.createdAt + QR_TTL_MS).toISOString(),
    }));
  return controlJson({ ok: true, sessions });
}

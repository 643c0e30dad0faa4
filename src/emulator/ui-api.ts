// Control endpoints the emulator's page needed and scripts can use too (issue 16): who "you" are,
// the QR logins waiting for a scan, and the `export …` line for an app.
import type { Emulator } from './server.js';
import { controlJson, type Reply } from './reply.js';
import type { PublicApp } from './types.js';
import { QR_TTL_MS } from './control.js';
import { domainMatches, parseRedirect } from './callback.js';

/**
 * The shell line that aims wxauth at one app of this emulator: the same line `wxauth emulator` prints
 * and the page copies. A `host:*` pattern (`--domain APPID=localhost:*`, the way to try a website app
 * on a local listener) is given as its host, which wxauth's lint then allows any port on the emulator
 * for; a test account's patterns are left out (a test account takes IP:port anyway).
 */
export function exportLine(url: string, app: Pick<PublicApp, 'type' | 'appid' | 'secret' | 'domain'>): string {
  // A subscription account has no web authorization, so no callback domain to set (init saves none either).
  const first = app.type === 'subscription' ? undefined : app.domain[0];
  const shown = first === undefined || !first.includes('*') ? first : app.type !== 'test' && /^[^*]+:\*$/.test(first) ? first.slice(0, -2) : undefined;
  const domain = shown ? ` WXAUTH_DOMAIN=${shown}` : '';
  // An app whose domains take the callback `wxauth login` listens on by default gets it as its
  // redirect_uri, so `wxauth url` after the line builds a link the emulator accepts (without one it asked
  // for a redirect URI and offered www.example.com, which these apps answer with 10003).
  const target = app.type === 'subscription' ? undefined : parseRedirect(LOGIN_CALLBACK);
  const redirect = target && domainMatches(app.domain, target) ? ` WXAUTH_REDIRECT_URI=${LOGIN_CALLBACK}` : '';
  return `export WXAUTH_API_BASE=${url} WXAUTH_OPEN_BASE=${url} WXAUTH_TYPE=${app.type} WXAUTH_APPID=${app.appid} WXAUTH_SECRET=${app.secret}${domain}${redirect}`;
}

/** Where `wxauth login` listens when nothing says otherwise (listener/plan.ts DEFAULT_PORT, listener/server.ts DEFAULT_HOST and DEFAULT_PATH). */
const LOGIN_CALLBACK = 'http://127.0.0.1:8080/callback';

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

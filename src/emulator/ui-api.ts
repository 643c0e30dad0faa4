// Control endpoints the emulator's page needed and scripts can use too (issue 16): who "you" are,
// the QR logins waiting for a scan, and the `export …` line for an app.
import type { Emulator } from './server.js';
import { controlJson, type Reply } from './reply.js';
import type { PublicApp } from './types.js';
import { QR_TTL_MS } from './control.js';

/**
 * The shell line that aims wxauth at one app of this emulator: the same line `wxauth emulator` prints
 * and the page copies. The domain is left out when it is a pattern (`host:*`) wxauth cannot use.
 */
export function exportLine(url: string, app: Pick<PublicApp, 'type' | 'appid' | 'secret' | 'domain'>): string {
  // A subscription account has no web authorization, so no callback domain to set (init saves none either).
  const domain = app.type !== 'subscription' && app.domain[0] && !app.domain[0].includes('*') ? ` WXAUTH_DOMAIN=${app.domain[0]}` : '';
  return `export WXAUTH_API_BASE=${url} WXAUTH_OPEN_BASE=${url} WXAUTH_TYPE=${app.type} WXAUTH_APPID=${app.appid} WXAUTH_SECRET=${app.secret}${domain}`;
}

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

// Fill the token cache as `wxauth exchange` would, without running it: the emulator mints a code,
// the user-token flow exchanges it over real HTTP, and the TokenStore writes it to the run's state dir.
// Tests of check, refresh, userinfo and tokens start from here; only exchange's own tests run exchange.
import type { EmulatorHandle } from '../../src/emulator/index.js';
import { exchangeCode, type ExchangeResult } from '../../src/flows/user-token.js';
import { WechatApi } from '../../src/http/api.js';
import { TokenStore } from '../../src/store/token-cache.js';

export interface SeedOptions {
  scope?: 'snsapi_base' | 'snsapi_userinfo';
  snapshot?: boolean;
  profile?: string;
}

/** Cache a real token of seeded user `user` (u1, u2…) of `app` in the state dir `dir`. */
export async function seedUserToken(
  emu: EmulatorHandle,
  dir: string,
  app: { appid: string; secret: string },
  user: string,
  options: SeedOptions = {},
): Promise<ExchangeResult> {
  const code = emu.issueCode({ appid: app.appid, user, scope: options.scope ?? 'snsapi_userinfo', snapshot: options.snapshot });
  return exchangeCode({
    api: new WechatApi({ apiBase: emu.url, timeoutMs: 5000, retryDelaysMs: [] }),
    tokens: TokenStore.open(dir),
    profile: options.profile ?? 'default',
    appid: app.appid,
    secret: app.secret,
    code,
    // The CLI runs on the real clock in these tests; the cache's deadlines must match it.
    now: () => Date.now(),
  });
}

// The basic-token service over real HTTP: when it reuses the cache, when it fetches, and that a
// rejected token is replaced exactly once (never a loop, never the legacy endpoint).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatApi } from '../../src/http/api.js';
import { BasicTokenService, REUSE_MARGIN_MS, type BasicTokenCache, type BasicTokenEvent } from '../../src/flows/basic-token.js';
import type { BasicTokenEntry } from '../../src/store/token-cache.js';
import { WechatApiError } from '../../src/errors.js';

const APPID = 'wx5e1ec0de00000001';

/** A token cache in memory, same contract as the TokenStore. */
function memoryCache(initial?: BasicTokenEntry): BasicTokenCache & { entry?: BasicTokenEntry } {
  const cache: BasicTokenCache & { entry?: BasicTokenEntry } = {
    entry: initial,
    getBasic: () => cache.entry,
    putBasic: (_p, e) => {
      cache.entry = e;
    },
    removeBasic: () => {
      const had = cache.entry ? 1 : 0;
      cache.entry = undefined;
      return had;
    },
  };
  return cache;
}

/**
 * A WeChat stand-in: stable_token hands out `fresh-N`, /cgi-bin/token is counted, and user/info
 * accepts only the tokens in `accepted` (40001 otherwise), as after another server's fetch.
 */
let server: http.Server;
let base: string;
const hits: string[] = [];
const accepted = new Set<string>();
let issued = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname);
    res.setHeader('content-type', 'application/json; encoding=utf-8');
    if (url.pathname === '/cgi-bin/stable_token') {
      issued += 1;
      res.end(JSON.stringify({ access_token: `fresh-${issued}`, expires_in: 7200 }));
      return;
    }
    const token = url.searchParams.get('access_token') ?? '';
    if (accepted.has(token)) res.end(JSON.stringify({ subscribe: 1, openid: url.searchParams.get('openid') }));
    else res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest rid: 6b000000-00000000-00000000' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function service(cache: BasicTokenCache, now: number, events: BasicTokenEvent[] = []) {
  const api = new WechatApi({ apiBase: base, timeoutMs: 5000, retryDelaysMs: [] });
  return new BasicTokenService({ api, store: cache, profile: 'default', appid: APPID, secret: 's', now: () => now, onEvent: (e) => events.push(e) });
}

const userInfo = (api: WechatApi) => (accessToken: string) => api.getUserInfo({ accessToken, openid: 'o1' });

describe('BasicTokenService.use', () => {
  it('reuses an unexpired cached token without fetching', async () => {
    const now = 1_000_000;
    const cache = memoryCache({ appid: APPID, kind: 'legacy', accessToken: 'cached', expiresAt: now + 3600_000, obtainedAt: now - 60_000 });
    accepted.add('cached');
    hits.length = 0;
    const events: BasicTokenEvent[] = [];
    const s = service(cache, now, events);
    const res = await s.use(userInfo(new WechatApi({ apiBase: base, timeoutMs: 5000 })));
    expect(res.data.subscribe).toBe(1);
    expect(hits).toEqual(['/cgi-bin/user/info']);
    expect(events.map((e) => e.kind)).toEqual(['cached']);
  });

  it('does not reuse a token about to expire: fetches a stable one and caches it with its expiry', async () => {
    const now = 2_000_000;
    const cache = memoryCache({ appid: APPID, kind: 'stable', accessToken: 'old', expiresAt: now + REUSE_MARGIN_MS - 1, obtainedAt: now - 7000_000 });
    hits.length = 0;
    const events: BasicTokenEvent[] = [];
    const s = service(cache, now, events);
    accepted.add(`fresh-${issued + 1}`);
    await s.use(userInfo(new WechatApi({ apiBase: base, timeoutMs: 5000 })));
    expect(hits).toEqual(['/cgi-bin/stable_token', '/cgi-bin/user/info']);
    expect(cache.entry).toMatchObject({ kind: 'stable', accessToken: `fresh-${issued}`, expiresAt: now + 7200_000, obtainedAt: now });
    expect(events).toMatchObject([{ kind: 'fetched', reason: 'expired' }]);
  });

  it('replaces a rejected cached token once with a stable one, and never loops when that one is rejected too', async () => {
    const now = 3_000_000;
    const cache = memoryCache({ appid: APPID, kind: 'legacy', accessToken: 'superseded', expiresAt: now + 3600_000, obtainedAt: now - 60_000 });
    hits.length = 0;
    const events: BasicTokenEvent[] = [];
    const s = service(cache, now, events);
    const error = await s.use(userInfo(new WechatApi({ apiBase: base, timeoutMs: 5000 }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as WechatApiError).errcode).toBe(40001);
    expect(hits).toEqual(['/cgi-bin/user/info', '/cgi-bin/stable_token', '/cgi-bin/user/info']);
    expect(hits).not.toContain('/cgi-bin/token');
    expect(events.map((e) => e.kind)).toEqual(['cached', 'rejected', 'fetched']);
    expect(events[1]).toMatchObject({ kind: 'rejected', errcode: 40001, message: { key: 'basic.event.rejected.40001', params: { appid: APPID } } });
  });

  it('lets other errors through untouched, keeping the cached token', async () => {
    const now = 4_000_000;
    const entry: BasicTokenEntry = { appid: APPID, kind: 'stable', accessToken: 'kept', expiresAt: now + 3600_000, obtainedAt: now };
    const cache = memoryCache(entry);
    const s = service(cache, now);
    const boom = new WechatApiError({ errcode: 40003, errmsg: 'invalid openid', endpoint: '/cgi-bin/user/info', raw: '{}' });
    await expect(s.use(() => Promise.reject(boom))).rejects.toBe(boom);
    expect(cache.entry).toBe(entry);
  });

  it('asks for the secret only when it has to fetch', async () => {
    const now = 5_000_000;
    const api = new WechatApi({ apiBase: base, timeoutMs: 5000 });
    let asked = 0;
    const missingSecret = (): never => {
      asked += 1;
      throw new Error('no secret');
    };
    accepted.add('has-time');
    const withCache = new BasicTokenService({ api, store: memoryCache({ appid: APPID, kind: 'stable', accessToken: 'has-time', expiresAt: now + 3600_000, obtainedAt: now }), profile: 'p', appid: APPID, now: () => now, missingSecret });
    await withCache.use(userInfo(api));
    expect(asked).toBe(0);
    const empty = new BasicTokenService({ api, store: memoryCache(), profile: 'p', appid: APPID, now: () => now, missingSecret });
    await expect(empty.use(userInfo(api))).rejects.toThrow('no secret');
    expect(asked).toBe(1);
  });
});

// The basic (global) access_token, without breaking production. Every server of an appid shares one
// basic token, and a fetch from `GET /cgi-bin/token` invalidates the token the others hold (they keep
// it for at most 5 more minutes, then get 40001: API-FACTS §8). `POST /cgi-bin/stable_token` without
// force_refresh hands back the SAME token while it is valid (§9), so it is the default here; the legacy
// endpoint and forced refreshes are explicit choices of the command. Tokens are cached per profile and
// appid with their expiry, and the debugging commands (user, quota, rid, domains) reuse a cached one.
import { WechatApiError, withHint, type MessageRef } from '../errors.js';
import { parseErrorBody } from '../core/errcodes.js';
import { nextStep } from '../core/next-step.js';
import { TOKEN_EXPIRED_ERRCODES } from '../core/token.js';
import { tokenHostOf } from '../core/endpoints.js';
import type { ApiResponse } from '../http/client.js';
import type { BasicTokenResponse, WechatApi } from '../http/api.js';
import type { BasicTokenEntry } from '../store/token-cache.js';
import type { ResolvedConfig } from '../store/resolve.js';
import type { AccountType } from '../core/validate.js';

/** The part of the token store this service needs (the TokenStore satisfies it). */
export interface BasicTokenCache {
  getBasic(profile: string, appid: string, apiHost?: string): BasicTokenEntry | undefined;
  putBasic(profile: string, entry: BasicTokenEntry): void;
  removeBasic(profile: string, appid?: string, apiHost?: string): number;
  /** Throws when a token could not be saved for `profile` (store/token-cache.ts; absent in tests' plain caches). */
  assertWritable?(profile: string): void;
}

/** A cached token this close to its expiry is not reused (the call may take a while, clocks drift). */
export const REUSE_MARGIN_MS = 60_000;

export type BasicTokenEvent =
  /** A cached, unexpired token is being used. */
  | { kind: 'cached'; entry: BasicTokenEntry }
  /** A token was fetched from WeChat (and cached). */
  /** `sameAsRejected`: after a rejection, WeChat handed back the very token it had just refused. */
  | { kind: 'fetched'; entry: BasicTokenEntry; reason: 'none-cached' | 'expired' | 'rejected' | 'requested'; sameAsRejected?: boolean }
  /** WeChat rejected the cached token; a fresh stable token is fetched once. `message` says why (next-step.ts). */
  | { kind: 'rejected'; entry: BasicTokenEntry; errcode: number; message?: MessageRef };

export interface BasicTokenDeps {
  api: WechatApi;
  store: BasicTokenCache;
  profile: string;
  appid: string;
  /** The API host when it is not WeChat's (core/endpoints.ts tokenHostOf): its tokens are cached apart. */
  apiHost?: string;
  /** Needed only to fetch; a cached token can be used without it. */
  secret?: string;
  now(): number;
  onEvent?: (event: BasicTokenEvent) => void;
  /** Called when a fetch is needed and no secret was given; must throw (a ConfigError naming the field). */
  missingSecret?: () => never;
  /** The profile's account type, for where to whitelist an IP (40164). */
  type?: AccountType;
}

export interface FetchOptions {
  /** `GET /cgi-bin/token`: invalidates the token other servers hold. */
  legacy?: boolean;
  /** stable_token with force_refresh: rotates the stable token for everyone (20 a day, ≥30 s apart). */
  forceRefresh?: boolean;
}

export interface FetchedBasicToken {
  entry: BasicTokenEntry;
  response: ApiResponse<BasicTokenResponse>;
  /** The token that was cached for this appid before, if any (to tell a rotation from a repeat). */
  previous?: BasicTokenEntry;
  /** force_refresh returned the token we already had: WeChat did not rotate (forced calls < 30 s apart). */
  notRotated: boolean;
}

export type CacheStatus =
  | { status: 'none' }
  | { status: 'expired'; entry: BasicTokenEntry }
  | { status: 'valid'; entry: BasicTokenEntry; remainingMs: number };

/** What the cache holds for a profile, appid and API host, judged against `now` (no network: `token --show`). */
export function inspectBasicCache(store: Pick<BasicTokenCache, 'getBasic'>, profile: string, appid: string, now: number, apiHost?: string): CacheStatus {
  const entry = store.getBasic(profile, appid, apiHost);
  if (!entry) return { status: 'none' };
  const remainingMs = entry.expiresAt - now;
  if (remainingMs <= 0) return { status: 'expired', entry };
  return { status: 'valid', entry, remainingMs };
}

export class BasicTokenService {
  constructor(private readonly deps: BasicTokenDeps) {}

  /** What the cache holds for this profile and appid, judged against the clock (no network). */
  inspectCache(): CacheStatus {
    return inspectBasicCache(this.deps.store, this.deps.profile, this.deps.appid, this.deps.now(), this.deps.apiHost);
  }

  /** Fetch a token from WeChat (stable by default) and cache it with its expiry. */
  async fetch(options: FetchOptions = {}, reason: 'none-cached' | 'expired' | 'rejected' | 'requested' = 'requested', rejectedToken?: string): Promise<FetchedBasicToken> {
    const { api, appid } = this.deps;
    const secret = this.deps.secret;
    if (secret === undefined) {
      if (this.deps.missingSecret) this.deps.missingSecret();
      throw new Error('BasicTokenService.fetch needs the appsecret');
    }
    const { apiHost } = this.deps;
    const previous = this.deps.store.getBasic(this.deps.profile, appid, apiHost);
    // Before the call: a token WeChat hands out and the cache then refuses would be lost, and a legacy
    // fetch or a forced refresh would still have invalidated the one the other servers hold.
    this.deps.store.assertWritable?.(this.deps.profile);
    const kind = options.legacy ? 'legacy' : 'stable';
    let response: ApiResponse<BasicTokenResponse>;
    try {
      response = options.legacy
        ? await api.getToken({ appid, secret })
        : await api.getStableToken({ appid, secret, forceRefresh: options.forceRefresh === true });
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      const mode = options.forceRefresh ? 'force' : options.legacy ? 'legacy' : 'stable';
      throw withHint(error, nextStep(error.errcode, { use: 'token', mode, ip: callerIp(error), type: this.deps.type, profile: this.deps.profile }));
    }
    const obtainedAt = this.deps.now();
    // The client narrowed the body: a token that is not a string never gets here, so never into the cache.
    const entry: BasicTokenEntry = {
      appid,
      kind,
      accessToken: response.data.access_token,
      // WeChat's expires_in is the REMAINING life (a stable token may be returned mid-life, §9).
      expiresAt: obtainedAt + response.data.expires_in * 1000,
      obtainedAt,
      ...(apiHost === undefined ? {} : { apiHost }),
    };
    this.deps.store.putBasic(this.deps.profile, entry);
    this.deps.onEvent?.({ kind: 'fetched', entry, reason, ...(rejectedToken !== undefined && rejectedToken === entry.accessToken ? { sameAsRejected: true } : {}) });
    return {
      entry,
      response,
      ...(previous ? { previous } : {}),
      notRotated: options.forceRefresh === true && previous?.kind === 'stable' && previous.accessToken === entry.accessToken,
    };
  }

  /**
   * Run `call` with a usable token: the cached one while it has more than REUSE_MARGIN_MS left, else
   * a fresh stable token. When WeChat rejects a CACHED token (40001/42001/40014 — typically another
   * server fetched a new one), the entry is dropped, the event says so, and the call is repeated once
   * with a fresh stable token. A token fetched just now is never retried: that would loop.
   */
  async use<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const cache = this.inspectCache();
    if (cache.status === 'valid' && cache.remainingMs > REUSE_MARGIN_MS) {
      this.deps.onEvent?.({ kind: 'cached', entry: cache.entry });
      try {
        return await call(cache.entry.accessToken);
      } catch (error) {
        if (!isRejectedToken(error)) throw error;
        this.deps.store.removeBasic(this.deps.profile, this.deps.appid, this.deps.apiHost);
        const message = nextStep(error.errcode, { use: 'cached-token-rejected', appid: this.deps.appid, kind: cache.entry.kind, ...(this.deps.apiHost ? { apiHost: this.deps.apiHost } : {}) });
        this.deps.onEvent?.({ kind: 'rejected', entry: cache.entry, errcode: error.errcode, message });
        const fresh = await this.fetch({}, 'rejected', cache.entry.accessToken);
        return await this.callFresh(call, fresh.entry.accessToken, cache.entry.accessToken);
      }
    }
    const fresh = await this.fetch({}, cache.status === 'none' ? 'none-cached' : 'expired');
    return await this.callFresh(call, fresh.entry.accessToken);
  }

  /**
   * `call` with a stable token fetched just now (after `rejected` was refused, when given). Refused
   * with 40001 all the same, the error says so: its generic fix, switching to stable_token, is what
   * wxauth just did.
   */
  private async callFresh<T>(call: (accessToken: string) => Promise<T>, accessToken: string, rejected?: string): Promise<T> {
    try {
      return await call(accessToken);
    } catch (error) {
      if (!(error instanceof WechatApiError) || error.errcode !== 40001) throw error;
      const retried = rejected !== undefined;
      const sameToken = rejected === accessToken;
      const hint = nextStep(40001, { use: 'stable-token-rejected', appid: this.deps.appid, endpoint: error.endpoint, retried, sameToken, ...(this.deps.apiHost ? { apiHost: this.deps.apiHost } : {}) });
      throw withHint(error, hint, { kind: 'stable_token_rejected', retried, sameToken });
    }
  }
}

/**
 * Errcodes that mean "this token is no longer accepted": 40001 (invalid or not latest: someone fetched
 * a new one), 42001 (expired), 40014 (not a valid token at all). A cached token answered with one of
 * these is dropped and a fresh stable token is fetched once (the same list wechatpy retries on, §16).
 */
export function isRejectedToken(error: unknown): error is WechatApiError {
  return error instanceof WechatApiError && TOKEN_EXPIRED_ERRCODES.includes(error.errcode);
}

/** The caller IP WeChat wrote into errmsg (40164: "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"). */
export function callerIp(error: WechatApiError): string | undefined {
  const parsed = parseErrorBody(error.raw) ?? parseErrorBody(JSON.stringify({ errcode: error.errcode, errmsg: error.errmsg }));
  return parsed?.ip ?? parsed?.ipv6;
}

/** What a command hands over to get the service: the resolved profile, the API client, the cache and the clock. */
export interface BasicTokenSetup {
  config: Pick<ResolvedConfig, 'profile' | 'appid' | 'secret' | 'type' | 'apiBase'>;
  api: WechatApi;
  store: BasicTokenCache;
  now(): number;
  /** Where its events (cached / fetched / rejected) are shown. */
  onEvent?: (event: BasicTokenEvent) => void;
  /** Throws the refusal of a fetch without the appsecret (a cached token needs none). */
  missingSecret?: () => never;
}

/** The service for the profile's appid (the caller has required the appid; the secret is needed only to fetch). */
export function openBasicTokenService(setup: BasicTokenSetup): { service: BasicTokenService; appid: string } {
  const appid = setup.config.appid as string;
  const service = new BasicTokenService({
    api: setup.api,
    store: setup.store,
    profile: setup.config.profile,
    appid,
    apiHost: tokenHostOf(setup.config.apiBase),
    secret: setup.config.secret,
    type: setup.config.type,
    now: setup.now,
    onEvent: setup.onEvent,
    ...(setup.missingSecret ? { missingSecret: setup.missingSecret } : {}),
  });
  return { service, appid };
}

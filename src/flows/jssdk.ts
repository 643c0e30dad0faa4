// The JS-SDK use cases: the jsapi_ticket (fetched through the cached basic token, cached with its
// expiry), signing a page URL, and diagnosing a signature a page was refused with. The hashing and
// randomness live here (core/jssdk.ts is pure and takes them as arguments).
// Facts: ../shared/wechat/JSSDK-FACTS.md §1 (ticket), §2 (signature), §3 (failures).
import { createHash, randomBytes } from 'node:crypto';
import {
  TICKET_PATH,
  checkJsDomain,
  diagnoseSignature,
  nonceFromBytes,
  normalizePageUrl,
  pageJsDomain,
  readTicketBody,
  signJsapi,
  splitJsDomains,
  ticketExpiry,
  wxConfigSnippet,
  type Diagnosis,
  type DomainVerdict,
  type PageJsDomain,
  type SignatureClaim,
  keepsFirstExpiry,
  type UrlChange,
} from '../core/jssdk.js';
import { CancelledError, WxauthError, type MessageRef } from '../errors.js';
import type { ApiResponse } from '../http/client.js';
import type { WechatApi } from '../http/api.js';
import type { BasicTokenEntry, JsapiTicketEntry } from '../store/token-cache.js';
import type { BasicTokenService } from './basic-token.js';
import { REUSE_MARGIN_MS } from './basic-token.js';
import type { TicketResponse } from '../core/jssdk.js';

export const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** The part of the token store the ticket needs (TokenStore satisfies it). */
export interface TicketCache {
  getTicket(profile: string, appid: string, apiHost?: string): JsapiTicketEntry | undefined;
  putTicket(profile: string, entry: JsapiTicketEntry): void;
}

export type TicketStatus =
  | { status: 'none' }
  | { status: 'expired'; entry: JsapiTicketEntry }
  | { status: 'valid'; entry: JsapiTicketEntry; remainingMs: number };

export function inspectTicketCache(store: Pick<TicketCache, 'getTicket'>, profile: string, appid: string, now: number, apiHost?: string): TicketStatus {
  const entry = store.getTicket(profile, appid, apiHost);
  if (!entry) return { status: 'none' };
  const remainingMs = entry.expiresAt - now;
  return remainingMs > 0 ? { status: 'valid', entry, remainingMs } : { status: 'expired', entry };
}

/** The cached ticket while it has more than a minute left (no secret, no call needed), else undefined. */
export function reusableTicket(store: Pick<TicketCache, 'getTicket'>, profile: string, appid: string, now: number, apiHost?: string): ObtainedTicket | undefined {
  const cache = inspectTicketCache(store, profile, appid, now, apiHost);
  return cache.status === 'valid' && cache.remainingMs > REUSE_MARGIN_MS ? { entry: cache.entry, source: 'cached' } : undefined;
}

export interface TicketDeps {
  api: WechatApi;
  /** The basic-token service of the same profile and appid (stable_token first, cached). */
  basic: BasicTokenService;
  store: TicketCache;
  profile: string;
  appid: string;
  /** The API host when it is not WeChat's (core/endpoints.ts tokenHostOf): its tickets are cached apart. */
  apiHost?: string;
  /** Ask WeChat even while the cached ticket lasts (`jssdk ticket --refresh`). */
  refresh?: boolean;
  now(): number;
}

export interface ObtainedTicket {
  entry: JsapiTicketEntry;
  /** cached: no call to WeChat (§1.3: the quota is small; cache the ticket globally). */
  source: 'cached' | 'fetched';
  response?: ApiResponse<TicketResponse>;
  /** WeChat handed back the ticket already cached (§1.3: same ticket within its life). */
  same?: boolean;
  /** The cached entry's first expiry was kept (same ticket, expiry still ahead); else stamped afresh. */
  kept?: boolean;
}

/**
 * The appid's jsapi_ticket: the cached one while it has more than a minute left (unless `refresh`),
 * else one fetched with `GET /cgi-bin/ticket/getticket?type=jsapi` through the basic-token service (a
 * cached basic token, refreshed once if WeChat rejects it), then cached with its expiry (ticketExpiry, §1.3).
 */
export async function obtainTicket(deps: TicketDeps): Promise<ObtainedTicket> {
  const reusable = deps.refresh ? undefined : reusableTicket(deps.store, deps.profile, deps.appid, deps.now(), deps.apiHost);
  if (reusable) return reusable;
  // What the cache held (expired, or under a minute left): its ticket may come back the same (§1.3).
  const before = deps.store.getTicket(deps.profile, deps.appid, deps.apiHost);
  const response = await deps.basic.use((accessToken) =>
    deps.api.http.call({ method: 'GET', path: TICKET_PATH, query: { access_token: accessToken, type: 'jsapi' }, idempotent: true }, readTicketBody),
  );
  const obtainedAt = deps.now();
  const kept = keepsFirstExpiry(response.data, obtainedAt, before);
  const entry: JsapiTicketEntry = {
    appid: deps.appid,
    ticket: response.data.ticket,
    expiresAt: ticketExpiry(response.data, obtainedAt, before),
    obtainedAt: kept && before ? before.obtainedAt : obtainedAt,
    ...(before && before.ticket !== response.data.ticket ? { previous: before.ticket } : before?.previous ? { previous: before.previous } : {}),
    ...(deps.apiHost === undefined ? {} : { apiHost: deps.apiHost }),
  };
  deps.store.putTicket(deps.profile, entry);
  return { entry, source: 'fetched', response, same: before?.ticket === entry.ticket, kept };
}

export interface SignedPage {
  /** The URL as given, and the one signed (fragment dropped, decoded, location.href form), with what changed. */
  input: string;
  url: string;
  changes: UrlChange[];
  /** Signed exactly as given (--exact-url): no location.href form, no fragment drop. */
  exact: boolean;
  timestamp: number;
  nonceStr: string;
  string1: string;
  signature: string;
  snippet: string;
  /**
   * The page's host against the profile's JS-safe domains, when it has some and the host is not within
   * them (or is on a port): the snippet's wx.config would get invalid url domain whatever the signature
   * (JSSDK-FACTS §3), as verify says. Absent without jsDomains, or when the host is within them.
   */
  domain?: Extract<DomainVerdict, { ok: false }>;
}

/**
 * Sign a page for wx.config: timestamp in seconds (§2), a 16-character nonce, sha1 of string1. The URL
 * is signed in the form the page's location.href reports it, unless `exact` (a test vector, or a
 * server's string to reproduce byte for byte).
 */
export function signPage(p: {
  url: string;
  appid: string;
  ticket: string;
  now: number;
  timestamp?: number;
  nonceStr?: string;
  jsApiList: string[];
  exact?: boolean;
  /** The profile's JS-safe domains (config jsDomains), to warn about a page outside them. */
  jsDomains?: string;
}): SignedPage | { problem: 'not-http-url'; input: string } {
  const page = normalizePageUrl(p.url);
  if (!page.ok) return { problem: 'not-http-url', input: p.url };
  const url = p.exact ? p.url : page.url;
  const timestamp = p.timestamp ?? Math.floor(p.now / 1000);
  const nonceStr = p.nonceStr ?? nonceFromBytes(randomBytes(16));
  const { string1, signature } = signJsapi({ ticket: p.ticket, nonceStr, timestamp: String(timestamp), url }, sha1);
  const domains = splitJsDomains(p.jsDomains);
  const domain = domains.length > 0 ? checkJsDomain(url, domains) : undefined;
  return {
    input: p.url,
    url,
    changes: p.exact ? [] : page.changes,
    exact: p.exact === true,
    timestamp,
    nonceStr,
    string1,
    signature,
    snippet: wxConfigSnippet({ appId: p.appid, timestamp, nonceStr, signature, jsApiList: p.jsApiList }),
    ...(domain && !domain.ok ? { domain } : {}),
  };
}

export interface VerifyFacts {
  ticket: string;
  accessToken?: string;
  staleTickets: string[];
  /** Tickets of other appids this machine holds (a server signing with another account's ticket). */
  otherAppTickets?: Array<{ appid: string; ticket: string }>;
  otherUrls: string[];
  jsDomains?: string;
}

export interface VerifiedSignature {
  diagnosis: Diagnosis;
  /** Undefined when the profile has no jsDomains set (nothing to check against). */
  domain?: DomainVerdict;
  /** Without jsDomains: what the setting could hold for the page's host, to suggest. */
  unchecked?: PageJsDomain;
}

/** Recompute and diagnose (core/jssdk.ts), and check the page's host against the JS-safe domains. */
export function verifySignature(claim: SignatureClaim, facts: VerifyFacts): VerifiedSignature {
  const diagnosis = diagnoseSignature(
    claim,
    { ticket: facts.ticket, accessToken: facts.accessToken, staleTickets: facts.staleTickets, otherAppTickets: facts.otherAppTickets, otherUrls: facts.otherUrls },
    sha1,
  );
  const domains = splitJsDomains(facts.jsDomains);
  return { diagnosis, ...(domains.length > 0 ? { domain: checkJsDomain(diagnosis.url, domains) } : { unchecked: pageJsDomain(diagnosis.url) }) };
}

/** The part of the token store verify reads (TokenStore satisfies it). */
export interface VerifyCache extends Pick<TicketCache, 'getTicket'> {
  getBasic(profile: string, appid: string, apiHost?: string): BasicTokenEntry | undefined;
  /** Which profile and appid this cache holds `ticket` for, if any. */
  ticketHolder(ticket: string): { profile: string; appid: string } | undefined;
  /** The tickets this cache holds for appids other than `appid` (current and previous), in any profile. */
  otherAppTickets(appid: string): Array<{ appid: string; ticket: string }>;
}

export interface VerifyPageRequest {
  claim: SignatureClaim;
  /** --ticket: the ticket to check against instead of the appid's own (an offline sum). */
  ticket?: string;
  landingUrls: string[];
  /** A pasted wx.config's appId. */
  configAppId?: string;
  store: VerifyCache;
  profile: string;
  /** Undefined only with --ticket and no appid configured. */
  appid?: string;
  apiHost?: string;
  jsDomains?: string;
  /** The appid's ticket: cached or fetched (obtainTicket), or asked of WeChat afresh with `refresh`. */
  obtain(refresh: boolean): Promise<ObtainedTicket>;
}

/** Where the ticket a page is checked against came from: --ticket, the cache, or WeChat. */
export type TicketFrom = 'option' | 'cached' | 'fetched';

export interface VerifiedPage {
  verified: VerifiedSignature;
  ticketFrom: TicketFrom;
  /**
   * A match with the cached ticket or a --ticket of a known appid, checked with WeChat (one getticket
   * call): the live ticket was the one signed with (`same`) or another (the verdict then is
   * stale-ticket); or the call could not be made, and why (`unchecked`).
   */
  liveCheck?: { outcome: 'same' | 'replaced' } | { outcome: 'unchecked'; reason: MessageRef };
  /**
   * --ticket was given, and the "old ticket" that made the signature is the one cached (obtained at this
   * time): which of the two is live decides who is wrong, and the cached ticket's expiry is only
   * wxauth's reckoning (JSSDK-FACTS §1.3), so the verdict stays and this is said.
   */
  signedWithCached?: { obtainedAt: number };
  /** The pasted wx.config's appId when it is not the profile's (附录5: the ticket's appid must be the config's). */
  otherAppId?: string;
  /** --ticket is one this cache holds for another appid (of `profile`) than the page's `pageAppid`. */
  ticketOfOtherAppid?: { profile: string; appid: string; pageAppid: string };
}

/**
 * `jssdk verify`: which ticket the page was signed with, and with what mistake (verifySignature), against
 * --ticket or the appid's own ticket; the tickets cached before it are the stale candidates (§1.3).
 */
export async function verifyPage(r: VerifyPageRequest): Promise<VerifiedPage> {
  const { store, profile, appid, apiHost } = r;
  const cached = appid ? store.getTicket(profile, appid, apiHost) : undefined;
  let ticket: string;
  let ticketFrom: VerifiedPage['ticketFrom'];
  if (r.ticket) {
    ticket = r.ticket;
    ticketFrom = 'option';
  } else {
    const got = await r.obtain(false);
    ticket = got.entry.ticket;
    ticketFrom = got.source;
  }
  // Stale candidates: what the cache held before (§1.3), and the cached ticket when --ticket overrides it.
  let staleTickets: string[] = [];
  const verifyWith = (current: string): VerifiedSignature => {
    const after = appid ? store.getTicket(profile, appid, apiHost) : undefined;
    staleTickets = [...new Set([cached?.ticket, cached?.previous, after?.previous, r.ticket].filter((t): t is string => t !== undefined && t !== current))];
    return verifySignature(r.claim, {
      ticket: current,
      accessToken: appid ? store.getBasic(profile, appid, apiHost)?.accessToken : undefined,
      staleTickets,
      otherUrls: r.landingUrls,
      jsDomains: r.jsDomains,
      // A server signing with another account's ticket: tried last, only among what this machine holds.
      ...(appid && !r.ticket ? { otherAppTickets: store.otherAppTickets(r.configAppId ?? appid) } : {}),
    });
  };
  let verified = verifyWith(ticket);
  // A --ticket this cache holds for another appid than the page's (wx.config's appId, else the
  // profile's): WeChat checks the signature against that appid's own ticket, so a match proves nothing
  // (said as such; WeChat is not asked about a ticket already known to be another appid's).
  const pageAppid = r.configAppId ?? appid;
  const holder = r.ticket && pageAppid ? store.ticketHolder(r.ticket) : undefined;
  const ticketOfOtherAppid = holder && pageAppid && holder.appid !== pageAppid ? { ...holder, pageAppid } : undefined;
  // A match with the cached ticket proves the server signs with what wxauth cached, not that WeChat
  // still takes it: a ticket ended early (§1.3, the emulator's "Expire it now") signs "right" and fails
  // wx.config. So the match is checked with WeChat, which hands back the same ticket while it lives
  // (§1.3): another one means the signer's is dead. One getticket call, only after a match; if it cannot
  // be made (offline, no secret), the match says it was not checked. The same for a --ticket of a known
  // appid: the ticket the server used may be one WeChat has since replaced (the trial passed a dead
  // ticket and was told the signature was right).
  let liveCheck: VerifiedPage['liveCheck'];
  if ((ticketFrom === 'cached' || (ticketFrom === 'option' && appid !== undefined && !ticketOfOtherAppid)) && verified.diagnosis.verdict === 'match') {
    const live = await r.obtain(true).catch((error: unknown) => {
      // A bug, or Ctrl-C, is not a check that could not be made.
      if (!(error instanceof WxauthError) || error instanceof CancelledError) throw error;
      // Said, not thrown: the signature's verdict stands; only its freshness is unknown.
      liveCheck = { outcome: 'unchecked', reason: error.messageRef };
      return undefined;
    });
    if (live) {
      if (ticketFrom === 'cached') ticketFrom = live.source;
      liveCheck = { outcome: live.entry.ticket === ticket ? 'same' : 'replaced' };
      if (live.entry.ticket !== ticket) verified = verifyWith(live.entry.ticket);
    }
  }
  const d = verified.diagnosis;
  const signer = d.verdict === 'mistake' && d.found.mistake === 'stale-ticket' ? d.found.ticket : undefined;
  const staleIndex = typeof signer === 'object' && 'stale' in signer ? signer.stale : undefined;
  const signedWithCached = r.ticket && cached && staleIndex !== undefined && staleTickets[staleIndex] === cached.ticket ? { obtainedAt: cached.obtainedAt } : undefined;
  const otherAppId = appid && r.configAppId && r.configAppId !== appid ? r.configAppId : undefined;
  return {
    verified,
    ticketFrom,
    ...(liveCheck ? { liveCheck } : {}),
    ...(signedWithCached ? { signedWithCached } : {}),
    ...(otherAppId ? { otherAppId } : {}),
    ...(ticketOfOtherAppid ? { ticketOfOtherAppid } : {}),
  };
}

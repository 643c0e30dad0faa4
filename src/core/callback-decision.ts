// What the local callback listener does with one request, as a pure function (STYLE practice 11): the
// request's facts plus what the listener has seen so far go in; the page to answer, the hit to record and
// what to do next come out. listener/server.ts is the node:http adapter around it: it reads the clock,
// owns the sockets and timers, and renders the page. Keeping the decisions here lets them be tested as a
// table, without sockets and without waiting.
//
// Duplicate awareness (PEERS (c)3, API-FACTS §1.6): WeChat sometimes calls redirect_uri twice with the
// same code, and the second exchange answers 40163. So the first code does not end the wait at once: the
// listener keeps serving for a short window, records every hit (time, User-Agent, WeChat's
// `uin`/`pass_ticket` markers) and reports a repeated code as a duplicate instead of handing it out again.
import type { CallbackFailure, MessageRef } from '../errors.js';
import type { AuthEndpoint } from './authorize-url.js';
import { parseCallbackUrl, stateOnlyFailure, stateOnlyVerdict, type StateOnlyLink, type StateOnlyVerdict } from './callback-url.js';

/** Long enough to see WeChat's second call, short enough not to keep the user waiting. */
export const DEFAULT_DUPLICATE_WINDOW_MS = 2000;
/** A callback URL is short; anything longer is junk (WeChat codes are 32 chars, states ≤ 128 bytes). */
export const MAX_URL_BYTES = 4096;

export type HitKind =
  /** The first (or another distinct) code with a matching state. */
  | 'code'
  /** The same code again: the callback was called twice. */
  | 'duplicate'
  /** state only: the user refused consent. */
  | 'denied'
  /**
   * state only, and no state to check: WeChat's refusal looks like this (API-FACTS §1.4), but so does any
   * page's link to `callback?state=x`, and without a state of ours nothing tells them apart. Logged; the
   * wait goes on (ending it as "the user refused" misled).
   */
  | 'state_only'
  | 'state_mismatch'
  /** The callback path, but `code=` empty or otherwise unusable. */
  | 'invalid'
  /** Host header names another site (DNS rebinding) — refused. */
  | 'wrong_host'
  /**
   * A HEAD on the callback path (a link-preview bot, a browser's or WeChat's prefetch): answered with a
   * GET's headers and taken for nothing, but reported, so a user who saw "nothing happened" knows
   * something came. Not kept in the result's hits.
   */
  | 'head';

export interface CallbackHit {
  /** 1, 2, 3… in arrival order. */
  seq: number;
  /** ISO time the request arrived. */
  time: string;
  at: number;
  method: string;
  userAgent?: string;
  remoteAddress?: string;
  kind: HitKind;
  code?: string;
  state?: string;
  /** WeChat's internal-hop markers seen on the request (`connect_redirect`, `uin`, `key`, `pass_ticket`). */
  markers: string[];
  /** For a duplicate: the seq of the hit that first brought this code. */
  firstSeq?: number;
  /** For head: on the bare callback path, no parameters (a preview of the address itself): it had no code to leave for the GET. */
  bare?: boolean;
  /** For head: parameters but no code (a state alone, say): nothing is left for the GET to take either. */
  noCode?: boolean;
  /** For wrong_host: the Host header sent. */
  hostHeader?: string;
  /** For state_mismatch: the state is the remembered one, already used by an earlier login or listen (an old tab). */
  spent?: boolean;
  /**
   * For denied: what the link (options.expectedScope, expectedEndpoint) makes of a state-only callback
   * (core/callback-url.ts): 'lost_code' for snsapi_base, which shows no consent page (no one refused: the
   * code was lost on the way), 'refused_qr' for a website app's QR login. Said so on the page and the hit line.
   */
  verdict?: StateOnlyVerdict;
}

/** Which page the browser is shown (listener/page.ts renders it in the user's language). */
export type PageOutcome = 'success' | 'duplicate' | 'denied' | 'state_only' | 'state_mismatch' | 'invalid' | 'waiting' | 'not_found' | 'wrong_host' | 'method';

/** One request, as the adapter read it off the socket. */
export interface CallbackRequest {
  method: string;
  /** The request target as sent: path and query, e.g. `/callback?code=…&state=…`. */
  url: string;
  /** The Host header, if any. */
  host?: string;
  userAgent?: string;
  remoteAddress?: string;
  /**
   * The browser's Sec-Fetch-Dest header, if it sent one. WeChat's redirect to the callback is a page
   * navigation (`document`, or `iframe` for a WxLogin QR code redirecting in its frame); an `<img>`, a
   * script or a fetch() from another site's page is not, and is refused.
   */
  fetchDest?: string;
  /** When it arrived (ms since the epoch): the adapter reads the clock, not this module. */
  at: number;
}

/** What the listener has seen so far: all a decision depends on besides the request. */
export interface CallbackProgress {
  /** The seq of the last hit recorded (wrong-Host ones included); the next hit is seq + 1. */
  seq: number;
  /** Each accepted code, with the seq of the hit that first brought it. */
  codes: ReadonlyMap<string, number>;
  /** The first accepted code: its arrival opened the duplicate window (`first.at` is when). */
  first?: CallbackHit;
  /**
   * Callbacks refused for their state before a code was caught: how many, and the last state seen.
   * They no longer end the wait (see ENDS_THE_WAIT); a timeout names them, so the user learns that
   * something did arrive — an old tab, or someone else's request.
   */
  /** `lastState` undefined: the last one carried no state at all. */
  refused?: { count: number; lastState: string | undefined; lastSpent?: boolean };
  /** State-only callbacks that came while no state was checked (kind state_only), before a code: the timeout names them. */
  stateOnly?: { count: number; lastState: string };
  /**
   * The wait is over (window closed, refusal, timeout, Ctrl-C) and the server is shutting down. Set by
   * the adapter when it settles, whatever the reason; requests racing the shutdown still get a page.
   */
  settled: boolean;
}

export const NOTHING_SEEN: CallbackProgress = { seq: 0, codes: new Map(), settled: false };

export interface CallbackDecisionOptions {
  /** The callback path (normalised, with its leading `/`); every other path answers 404. */
  path: string;
  /** When set, a callback whose state differs is refused. */
  expectedState?: string;
  duplicateWindowMs: number;
  /**
   * Whether a Host header names this listener: the DNS-rebinding guard. Passed in because the accepted
   * names depend on the machine's interfaces (listener/addresses.ts).
   */
  hostAllowed: (hostHeader: string | undefined) => boolean;
  /** Compares the received state with the expected one in constant time (that needs node:crypto, which core does not import). */
  statesEqual: (received: string, expected: string) => boolean;
  /** ` --profile x` (or '') for the commands a refusal's advice names. */
  profileFlag?: string;
  /**
   * Whether a received state is one already used: the remembered state whose callback an earlier login or
   * listen caught. A state is single use, so its callback again (an old tab reopened) is refused.
   */
  isSpent?: (received: string) => boolean;
  /**
   * The scope of the link whose state is expectedState, when known (login's own link, the link `wxauth url`
   * remembered). snsapi_base shows no consent page (API-FACTS §1.4), so its state-only callback is no one
   * pressing refuse: the code was lost on the way, and the advice to use snsapi_base would be absurd.
   */
  expectedScope?: string;
  /**
   * The endpoint of that link, or the account type's when the link is not known (a website app logs in
   * on qrconnect only): a state-only callback there is a QR login cancelled on the phone.
   */
  expectedEndpoint?: AuthEndpoint;
  /**
   * The link of an accepted state other than expectedState (a link `wxauth url` made since the listener
   * started, whose state statesEqual accepts too): its scope and endpoint, in place of expectedScope's.
   */
  linkOf?: (received: string) => StateOnlyLink | undefined;
}

/** The answer to write: an HTML page, or a bare status line. */
export type CallbackAnswer =
  | {
      kind: 'page';
      status: 200 | 400 | 404 | 405 | 421;
      outcome: PageOutcome;
      /** The state as received (the page shows it escaped). */
      state?: string;
      /** The first characters of the code: the whole code is a secret until it is exchanged. */
      codePrefix?: string;
      /** The page carries the script that forwards a hash-route code (page.ts HASH_FORWARD_SCRIPT). */
      withScript?: boolean;
      /** A refused callback that brought no code (state only): its page says the callback, not a code, was refused. */
      noCode?: boolean;
      /** A denied one: what its link makes of it (CallbackHit.verdict); a snsapi_base link's page says no one refused. */
      verdict?: StateOnlyVerdict;
      /** The methods a 405 names in its Allow header. */
      allow?: string;
    }
  /** 414: a URL too long to be a callback. */
  | { kind: 'empty'; status: 414 }
  /** 204: the browser's favicon probe, cacheable so it does not come back on every page. */
  | { kind: 'empty'; status: 204; maxAgeSeconds: number };

/** Why the wait failed: the adapter turns this into a CallbackError. */
export interface CallbackFailureReport {
  failure: CallbackFailure;
  message: MessageRef;
  hint: MessageRef;
}

export type CallbackNext =
  /** Nothing changes: still waiting for a code, or inside the duplicate window, or already settling. */
  | { kind: 'keep_waiting' }
  /** The first code: stop the overall timeout, keep serving `windowMs` for a duplicate, then resolve with it. */
  | { kind: 'resolve_after_window'; windowMs: number }
  /** End the wait now with this failure. */
  | ({ kind: 'settle_error' } & CallbackFailureReport);

export interface CallbackDecision {
  answer: CallbackAnswer;
  /** The hit to report as it happens (onHit); absent for requests that are no callback attempt. */
  hit?: CallbackHit;
  /** Whether `hit` belongs in the result's hits (a wrong-Host request is reported, not kept). */
  keepHit: boolean;
  /** Whether the request counts in the result's `ignored` (refused, another path, a bare visit). */
  ignored: boolean;
  next: CallbackNext;
  /** What has been seen, this request included. */
  progress: CallbackProgress;
}

/**
 * Hits that end the wait when no code has been caught yet; after the first code every hit is logged and
 * the wait goes on. Only WeChat's refusal (state only, with OUR state: API-FACTS §1.4) is here. A wrong
 * state is not: RFC 9700 §4.7 asks the client to reject a response it did not ask for — a stale tab,
 * or a cross-site `<img src="http://127.0.0.1:P/callback?state=old">` from any page — and RFC 8252
 * §8.3 closes the loopback listener once *the* authorization response has arrived, which a forged one
 * is not. So it is refused (400) and logged, and the real callback can still come (STYLE 11).
 */
const ENDS_THE_WAIT: ReadonlySet<HitKind> = new Set<HitKind>(['denied']);

const KEEP_WAITING: CallbackNext = { kind: 'keep_waiting' };
const ALLOWED_METHODS = ['GET', 'HEAD'];
const CODE_PREFIX_LENGTH = 6;
const utf8 = new TextEncoder();

/**
 * Whether `text` is more than `limit` bytes in UTF-8. A UTF-16 unit is 1 to 3 bytes (a surrogate pair,
 * two units, is 4), so most URLs are settled by their length alone, without encoding them (for speed:
 * every hit on the listener, issue 19).
 */
function utf8LongerThan(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8.encode(text).length > limit;
}

/** Where an authorization that calls this listener back is finished: in phone WeChat (WeChat's own
 * authorize page, which cannot reach 127.0.0.1) or in a browser on this machine (qrconnect, the emulator). */
export type FinishesOn = 'phone' | 'browser';

/** Where the wait was, for the timeout's advice (listener/server.ts fills it in). */
export interface TimeoutWhere {
  /** Default phone. */
  finishesOn?: FinishesOn;
  /** The listener's address on the LAN when a phone could already reach it (bound to 0.0.0.0 or a LAN
   * address); 'none' when it listened on every address but this machine has no LAN address. */
  lan?: { url: string; port: number } | 'none';
  /** login made the link, with this redirect_uri (the listener's own address): nothing of it to check; a refusal's advice is to run login again. */
  ownLink?: string;
  /** The redirect_uri the link sends the callback to, when it is not this machine (a public one): nothing can arrive here. */
  elsewhere?: string;
  /** ` --profile x` for the commands the advice names. */
  p?: string;
  /** A link made since the wait began sends its callback to `uri`, not to this listener at `here`. */
  movedTo?: { uri: string; here: string };
}

/**
 * The failure of a wait that saw no code in time. When callbacks with another state were refused on
 * the way, that is what the user needs to hear (exit 6 as a state mismatch, naming them), not only
 * "nothing arrived". The advice depends on where the authorization is finished (`listen` cannot know:
 * phone WeChat, the usual case) and where the listener and the link pointed.
 */
export function describeTimeout(
  timeoutMs: number,
  soFar: Pick<CallbackProgress, 'refused' | 'stateOnly'> = NOTHING_SEEN,
  expectedState?: string,
  where: TimeoutWhere = {},
): CallbackFailureReport {
  const seconds = Math.round(timeoutMs / 1000);
  if (soFar.refused && soFar.refused.count > 0) {
    const { count, lastState, lastSpent } = soFar.refused;
    if (lastSpent === true) {
      return { failure: 'state_mismatch', message: { key: 'listen.timeout.refused.spent', params: { seconds, count, got: lastState ?? '' } }, hint: { key: 'listen.stateSpent.hint', params: { p: where.p ?? '' } } };
    }
    if (lastState === undefined) {
      return { failure: 'state_mismatch', message: { key: 'listen.timeout.refused.noState', params: { seconds, count, expected: expectedState ?? '' } }, hint: { key: 'listen.stateMissing.hint', params: { p: where.p ?? '' } } };
    }
    return {
      failure: 'state_mismatch',
      message: { key: 'listen.timeout.refused', params: { seconds, count, got: lastState, expected: expectedState ?? '' } },
      // login makes its own link and has no --state: its advice is to run it again, not listen's.
      hint: { key: where.ownLink !== undefined ? 'listen.stateMismatch.hint.login' : 'listen.stateMismatch.hint', params: { p: where.p ?? '' } },
    };
  }
  if (soFar.stateOnly && soFar.stateOnly.count > 0) {
    // Perhaps the user's refusal, perhaps any page's link: said as what came, with the way to tell next time.
    return {
      failure: 'timeout',
      message: { key: 'listen.timeout.stateOnly', params: { seconds, count: soFar.stateOnly.count, got: soFar.stateOnly.lastState } },
      hint: { key: 'listen.timeout.stateOnly.hint', params: { p: where.p ?? '' } },
    };
  }
  return { failure: 'timeout', message: { key: 'listen.timeout', params: { seconds } }, hint: timeoutHint(where) };
}

function timeoutHint(where: TimeoutWhere): MessageRef {
  const { lan, p = '' } = where;
  if (where.movedTo !== undefined) return { key: 'listen.timeout.hint.moved', params: { uri: where.movedTo.uri, here: where.movedTo.here, p } };
  if (where.elsewhere !== undefined) return { key: 'listen.timeout.hint.elsewhere', params: { uri: where.elsewhere, p } };
  if (where.finishesOn === 'browser') return { key: 'listen.timeout.hint.browser' };
  if (lan === 'none') return { key: 'listen.timeout.hint.noLan' };
  if (lan === undefined) return { key: 'listen.timeout.hint' };
  if (where.ownLink !== undefined) return { key: 'listen.timeout.hint.lan.ownLink', params: { url: where.ownLink, port: lan.port, host: hostOf(where.ownLink) } };
  return { key: 'listen.timeout.hint.lan', params: { url: lan.url, port: lan.port, p } };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * A callback refused for its state, as the listener and `listen --paste` say it. A code that came with no
 * state at all is not "another state": something dropped it on the way (a redirect that keeps only
 * `code=`, an address copied short), and that is what to look at.
 */
export function describeStateMismatch(hit: Pick<CallbackHit, 'code' | 'state'>, expectedState: string | undefined, p = ''): { message: MessageRef; hint: MessageRef } {
  if (hit.code !== undefined && hit.state === undefined) {
    return { message: { key: 'listen.stateMissing', params: { expected: expectedState ?? '' } }, hint: { key: 'listen.stateMissing.hint', params: { p } } };
  }
  return {
    message: { key: hit.code === undefined ? 'listen.stateMismatch.noCode' : 'listen.stateMismatch', params: { got: hit.state ?? '', expected: expectedState } },
    hint: { key: 'listen.stateMismatch.hint', params: { p } },
  };
}

/** Decide what one request to the listener gets, and what it changes. Pure: time comes in `request.at`. */
export function decideCallbackHit(request: CallbackRequest, soFar: CallbackProgress, options: CallbackDecisionOptions): CallbackDecision {
  const refuse = (answer: CallbackAnswer): CallbackDecision => ({ answer, keepHit: false, ignored: true, next: KEEP_WAITING, progress: soFar });
  const page = (status: 200 | 400 | 404 | 405 | 421, outcome: PageOutcome, extra: Partial<Extract<CallbackAnswer, { kind: 'page' }>> = {}): CallbackAnswer => ({
    kind: 'page',
    status,
    outcome,
    ...extra,
  });
  const hitOf = (kind: HitKind, extra: Partial<CallbackHit>): CallbackHit => ({
    seq: soFar.seq + 1,
    time: new Date(request.at).toISOString(),
    at: request.at,
    method: request.method,
    userAgent: request.userAgent?.slice(0, 300),
    remoteAddress: request.remoteAddress?.replace(/^::ffff:/, ''),
    kind,
    markers: [],
    ...extra,
  });

  // A HEAD on the callback path, with parameters or none (a prefetch, a link preview of the bare address):
  // answered with the headers a GET would get, said in its own hit line and counted in hit_counts, not
  // also among the "unrelated" requests ignored.
  const headHit = (answer: CallbackAnswer, extra: Pick<CallbackHit, 'bare' | 'noCode' | 'state'> = {}): CallbackDecision => {
    const head = hitOf('head', extra);
    return { ...refuse(answer), ignored: false, hit: head, progress: { ...soFar, seq: head.seq } };
  };

  if (utf8LongerThan(request.url, MAX_URL_BYTES)) return refuse({ kind: 'empty', status: 414 });
  if (!options.hostAllowed(request.host)) {
    const hit = hitOf('wrong_host', { hostHeader: request.host?.slice(0, 200) });
    return { ...refuse(page(421, 'wrong_host')), hit, progress: { ...soFar, seq: hit.seq } };
  }
  const q = request.url.indexOf('?');
  const pathname = q === -1 ? request.url : request.url.slice(0, q);
  if (pathname === '/favicon.ico') {
    return { answer: { kind: 'empty', status: 204, maxAgeSeconds: 86_400 }, keepHit: false, ignored: false, next: KEEP_WAITING, progress: soFar };
  }
  if (pathname !== options.path) return refuse(page(404, 'not_found'));
  if (!ALLOWED_METHODS.includes(request.method)) return refuse(page(405, 'method', { allow: ALLOWED_METHODS.join(', ') }));
  // A code sent by another site's page as an image, script or fetch() (login CSRF: the attacker's own
  // code would be exchanged into this cache, and any hit would end the wait): refused unseen, like junk.
  if (request.fetchDest !== undefined && request.fetchDest !== 'document' && request.fetchDest !== 'iframe') return refuse(page(400, 'invalid'));

  // core's own parser (not WHATWG) keeps duplicates and WeChat's hop markers visible.
  const { code, state, markers, params } = parseCallbackUrl('http://listener.invalid' + request.url);
  // A bare visit, or a hash route whose code sits in the fragment the browser never sends: serve the
  // page whose script moves the fragment's query into the real one.
  if (params.length === 0) return request.method === 'HEAD' ? headHit(page(200, 'waiting', { withScript: true }), { bare: true }) : refuse(page(200, 'waiting', { withScript: true }));

  const expected = options.expectedState;
  // A state already used is refused first: it may still equal the remembered one (nothing newer made since).
  const spent = state !== undefined && options.isSpent?.(state) === true;
  const stateOk = !spent && (expected === undefined || (state !== undefined && options.statesEqual(state, expected)));
  let hit: CallbackHit;
  let answer: CallbackAnswer;
  let progress: CallbackProgress;
  if (code !== undefined && code !== '') {
    const firstSeq = soFar.codes.get(code);
    if (!stateOk) {
      hit = hitOf('state_mismatch', { code, state, markers, ...(spent ? { spent } : {}) });
      answer = page(400, 'state_mismatch', { state });
      progress = refusedOne(soFar, hit);
    } else if (firstSeq !== undefined) {
      hit = hitOf('duplicate', { code, state, markers, firstSeq });
      answer = page(200, 'duplicate', { state, codePrefix: code.slice(0, CODE_PREFIX_LENGTH) });
      progress = { ...soFar, seq: hit.seq };
    } else if (soFar.settled) {
      // A new code racing the shutdown (after the window, a timeout or Ctrl-C): nothing more to do for it.
      return { answer: page(200, 'duplicate', { state }), keepHit: false, ignored: false, next: KEEP_WAITING, progress: soFar };
    } else {
      hit = hitOf('code', { code, state, markers });
      answer = page(200, 'success', { state, codePrefix: code.slice(0, CODE_PREFIX_LENGTH) });
      progress = { ...soFar, seq: hit.seq, codes: new Map(soFar.codes).set(code, hit.seq), first: soFar.first ?? hit };
    }
  } else if (code === undefined && state !== undefined && expected === undefined) {
    // No state to check: a refusal cannot be told from any page's `callback?state=x` (see state_only).
    hit = hitOf('state_only', { state, markers });
    answer = page(200, 'state_only', { state });
    progress = soFar.first !== undefined || soFar.settled ? { ...soFar, seq: hit.seq } : { ...soFar, seq: hit.seq, stateOnly: { count: (soFar.stateOnly?.count ?? 0) + 1, lastState: state } };
  } else if (code === undefined && state !== undefined) {
    // WeChat's refusal: `redirect_uri?state=STATE` without code (API-FACTS §1.4).
    // Who could have refused depends on the link: a snsapi_base one shows no consent page, so no one
    // did (nextAfter says it the same way); a QR login is cancelled on the phone.
    // (Left out when the link is not known: the hit and page as they always were.)
    const known = stateOk ? stateOnlyVerdict(options.linkOf?.(state) ?? { scope: options.expectedScope, endpoint: options.expectedEndpoint }) : 'unknown';
    const verdict = known === 'unknown' ? {} : { verdict: known };
    hit = hitOf(stateOk ? 'denied' : 'state_mismatch', { state, markers, ...(spent ? { spent } : {}), ...verdict });
    answer = stateOk ? page(200, 'denied', { state, ...verdict }) : page(400, 'state_mismatch', { state, noCode: true });
    progress = stateOk ? { ...soFar, seq: hit.seq } : refusedOne(soFar, hit);
  } else {
    hit = hitOf('invalid', { code, state, markers });
    answer = page(400, 'invalid', state === undefined ? {} : { state });
    progress = { ...soFar, seq: hit.seq };
  }
  // A HEAD (a browser's prefetch, a link-preview bot fetching a pasted link) gets the headers a GET would and
  // changes nothing: taking its code would end the wait before the browser came, and --exchange or login would
  // spend the code the browser's GET then brings (40163 for the user's own server).
  if (request.method === 'HEAD') return headHit(answer, code === undefined || code === '' ? { noCode: true, ...(state === undefined ? {} : { state }) } : {});
  return { answer, hit, keepHit: true, ignored: false, next: nextAfter(hit, soFar, options), progress };
}

/** A callback refused for its state: counted (once a code is caught, it is only logged). */
function refusedOne(soFar: CallbackProgress, hit: CallbackHit): CallbackProgress {
  if (soFar.first !== undefined || soFar.settled) return { ...soFar, seq: hit.seq };
  return { ...soFar, seq: hit.seq, refused: { count: (soFar.refused?.count ?? 0) + 1, lastState: hit.state, ...(hit.spent === true ? { lastSpent: true } : {}) } };
}

/** What a recorded hit does to the wait, given what came before it. */
function nextAfter(hit: CallbackHit, soFar: CallbackProgress, options: CallbackDecisionOptions): CallbackNext {
  // Once a code is caught (or the wait is over) the rest is logged only: the code is what the user came for.
  if (soFar.first !== undefined || soFar.settled) return KEEP_WAITING;
  if (hit.kind === 'code') return { kind: 'resolve_after_window', windowMs: options.duplicateWindowMs };
  // The user's refusal (the only hit that ends the wait: ENDS_THE_WAIT).
  if (ENDS_THE_WAIT.has(hit.kind)) {
    const p = options.profileFlag ?? '';
    const { message, hint } = stateOnlyFailure(hit.verdict ?? 'unknown', p);
    return { kind: 'settle_error', failure: 'denied', message, hint };
  }
  return KEEP_WAITING;
}

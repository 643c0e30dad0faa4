// The emulator: one node:http server playing both open.weixin.qq.com (pages) and api.weixin.qq.com
// (JSON APIs). This file owns the plumbing — limits, routing, faults, the request log, rids — and the
// routes live in sns.ts, cgi.ts, pages.ts and control.ts.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import type {
  EmulatorHandle,
  EmulatorOptions,
  EmulatorSwitches,
  FaultKind,
  FaultSpec,
  IssueCodeOptions,
} from './types.js';
import { defaultSeed, normalizeSeed, normalizeWhitelist, publicUsers, type NormalizedApp, type NormalizedSeed, type NormalizedUser } from './seed.js';
import { EmulatorState, type Scope } from './state.js';
import { BASIC_TOKEN_LENGTH, ERRMSG, SNS_TOKEN_LENGTH, ERRMSG_45009_LEGACY, ERRMSG_45011_DOC_TABLE, contentTypeFor, errorBody, newHintId, newRid, nginxErrorPage, suffix, whitelistErrmsg, type Family } from './wire.js';
import { plain, type Reply, type Rq } from './reply.js';
import { takeFault, validateFault } from './faults.js';
import { SNS_ACCESS_TTL, snsAccessToken, snsAuth, snsRefreshToken, snsRefreshTtl, snsUserinfo } from './sns.js';
import { handleControl, scan } from './control.js';
import { PAGE_PATH_LIST, handlePage, isPagePath } from './pages.js';
import { cgiApiDomainIp, cgiClearQuota, cgiClearQuotaV2, cgiQuotaClear, cgiQuotaGet, cgiRidGet, cgiStableToken, cgiToken, cgiUserInfo, errmsg40001, faultedStableAppid, jsonBody } from './cgi.js';
import { DEFAULT_SWITCHES } from './switches.js';
import { TICKET_PATH, cgiGetTicket, handleJssdkPage, isIssuedTicket, isJssdkPagePath, rewindTickets } from './jssdk.js';
import { acceptedHostNames, hostHeaderAllowed } from './host-guard.js';
import { EVENTS_PATH, announce, openEventStream, type LogTap } from './ui-events.js';
import { UI_PATH } from './ui-page.js';
import { parseTarget, type Target } from './target.js';
import { RequestLog } from './request-log.js';
import { issuableScopes, scopeRefusal } from './scopes.js';
import { suggest } from '../core/closest.js';

export const MAX_BODY_BYTES = 64 * 1024;
/** How much of a body past MAX_BODY_BYTES is read and dropped so that its 413 reaches the client (readBody). */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
export const MAX_URL_BYTES = 8 * 1024;

/**
 * The emulator clock must stay where a rid can carry it: the first rid group is the Unix time in
 * 8 hex digits (API-FACTS §0.4), so 1970-01-01 up to 2106-02-07. Beyond it `new Date()` and the rids
 * break (issue 13 item 11: an advance of 1e308 made every later request fail).
 */
export const MAX_CLOCK_MS = 0xffffffff * 1000;

/** §4/§1.6: OA codes live 5 minutes, website-app codes 10 minutes. */
export const CODE_TTL_OA = 300;
export const CODE_TTL_WEBSITE = 600;

interface ApiRoute {
  method: 'GET' | 'POST';
  family: Family;
  handle(emu: Emulator, rq: Rq): Reply;
}

const STABLE_TOKEN_PATH = '/cgi-bin/stable_token';

const API_ROUTES: Record<string, ApiRoute> = {
  '/sns/oauth2/access_token': { method: 'GET', family: 'sns', handle: snsAccessToken },
  '/sns/oauth2/refresh_token': { method: 'GET', family: 'sns', handle: snsRefreshToken },
  '/sns/auth': { method: 'GET', family: 'sns', handle: snsAuth },
  '/sns/userinfo': { method: 'GET', family: 'sns', handle: snsUserinfo },
  '/cgi-bin/token': { method: 'GET', family: 'cgi', handle: cgiToken },
  [STABLE_TOKEN_PATH]: { method: 'POST', family: 'cgi', handle: cgiStableToken },
  '/cgi-bin/user/info': { method: 'GET', family: 'cgi', handle: cgiUserInfo },
  '/cgi-bin/openapi/quota/get': { method: 'POST', family: 'cgi', handle: cgiQuotaGet },
  '/cgi-bin/openapi/quota/clear': { method: 'POST', family: 'cgi', handle: cgiQuotaClear },
  '/cgi-bin/openapi/rid/get': { method: 'POST', family: 'cgi', handle: cgiRidGet },
  '/cgi-bin/clear_quota': { method: 'POST', family: 'cgi', handle: cgiClearQuota },
  '/cgi-bin/clear_quota/v2': { method: 'POST', family: 'cgi', handle: cgiClearQuotaV2 },
  '/cgi-bin/get_api_domain_ip': { method: 'GET', family: 'cgi', handle: cgiApiDomainIp },
  [TICKET_PATH]: { method: 'GET', family: 'cgi', handle: cgiGetTicket },
};

/**
 * Whether a fault's path can ever match a request WeChat's side answers (an API or a page; `…*` a prefix
 * of one): a mistyped path (/cgi-bin/tokne) would never fire. Also the paths to suggest instead.
 */
export function servesPath(path: string): boolean {
  if (path.endsWith('*')) return knownPaths().some((p) => p.startsWith(path.slice(0, -1)));
  return API_ROUTES[path] !== undefined || isPagePath(path);
}

export function knownPaths(): string[] {
  return [...Object.keys(API_ROUTES), ...PAGE_PATH_LIST];
}

/**
 * A fault that can never fire, said by --fault at start and by POST /__emulator/faults: its path, which the
 * emulator serves nothing at, and the closest served path. Undefined for a fault that can fire.
 */
export function neverFires(fault: FaultSpec): { path: string; suggestion?: string } | undefined {
  if (fault.path === undefined || servesPath(fault.path)) return undefined;
  const suggestion = suggest(fault.path, knownPaths(), 4);
  return suggestion === undefined ? { path: fault.path } : { path: fault.path, suggestion };
}

/** The control API: `/__emulator/…`, and `/__emulator` itself (the `control` address `--json` prints). */
function isControlPath(path: string): boolean {
  return path.startsWith('/__emulator') && (path.length === 11 || path.charCodeAt(11) === 47 /* / */);
}

export function isApiPath(path: string): boolean {
  return Object.hasOwn(API_ROUTES, path);
}

/** rid/get's `request_url` is the query string with credentials shortened, like `access_token=50_Im7xxxx` (§11). */
function maskQuery(raw: string): string {
  return raw.replace(/((?:^|&)(?:access_token|secret|appsecret|refresh_token)=)([^&]{0,6})[^&]*/g, '$1$2xxxx');
}

function forwardedHttps(rq: Rq): boolean {
  const proto = rq.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/**
 * `{'content-type': type}`, one object per type for every API answer: a reply's headers are only read,
 * so they are shared rather than made for each request (issue 19). Frozen, so that stays true.
 */
const typeHeaderObjects = new Map<string, Record<string, string>>();
/**
 * An `errcode` fault's errmsg where it is not simply ERRMSG's: 40164 names the caller's IP, /cgi-bin's
 * 40001 carries the getStableAccessToken advert, 45011 follows minuteQuotaErrmsg (as the real paths
 * write them). Undefined: fail()'s own (ERRMSG, 45009 by dailyQuotaErrmsg).
 */
function faultErrmsg(emu: Emulator, rq: Rq, family: Family, errcode: number): string | undefined {
  if (errcode === 40164) return whitelistErrmsg(rq.ip);
  if (errcode === 40001 && family === 'cgi') return errmsg40001(emu);
  if (errcode === 45011 && emu.switches.minuteQuotaErrmsg === 'doc-table') return ERRMSG_45011_DOC_TABLE;
  return undefined;
}

/**
 * The app a faulted request speaks for, so its rid is that app's for rid/get as a real answer's is: the
 * appid it names (query or JSON body), else the one its access_token belongs to.
 */
function appidOf(emu: Emulator, rq: Rq): string | undefined {
  const named = rq.query.get('appid');
  if (named) return named;
  const token = rq.query.get('access_token');
  if (token) return emu.state.basicTokens.get(token)?.appid ?? emu.state.basicTokens.retiredAppid(token) ?? emu.state.grants.byAccess(token)?.appid;
  const appid = rq.body === '' ? undefined : jsonBody(rq)?.appid;
  return typeof appid === 'string' ? appid : undefined;
}

function typeHeaders(type: string): Record<string, string> {
  let headers = typeHeaderObjects.get(type);
  if (headers === undefined) {
    headers = Object.freeze({ 'content-type': type });
    typeHeaderObjects.set(type, headers);
  }
  return headers;
}

/**
 * A browser asks every page's host for /favicon.ico (the emulator's jssdk page, a control endpoint
 * opened as JSON): 204, cacheable, so its console shows no 404. Not WeChat's (neither host's API has
 * the path), so it is neither logged nor faulted: a `500:1` stays for the client under test.
 */
const FAVICON: Reply = Object.freeze({ status: 204, headers: Object.freeze({ 'cache-control': 'max-age=86400' }), body: '', unlogged: true as const });

/** A whitelist entry that is not an IP address (`value`, as given). */
export class NotAnIpError extends RangeError {
  constructor(readonly value: string) {
    super(`${JSON.stringify(value)} is not an IP address`);
  }
}

function normalizeIp(address: string | undefined): string {
  if (!address) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Where a code, a token or a ticket can be in a text: a run of the characters they are made of. */
const TOKEN_RUN = /[A-Za-z0-9_-]{16,}/g;
/**
 * A token of this emulator's making by its shape ('86_' and the length of a user token or a basic one,
 * wire.ts), issued now or before a refresh or a newer fetch replaced it, inside a longer run too.
 */
const EMULATOR_TOKEN = new RegExp(`86_(?:[A-Za-z0-9_-]{${BASIC_TOKEN_LENGTH - 3}}|[A-Za-z0-9_-]{${SNS_TOKEN_LENGTH - 3}})`, 'g');

/**
 * Every appsecret in `secrets` (16 characters or more), in any case: a hex secret means the same
 * upper-cased, and a client that sends or echoes it so leaks it all the same (the proxy's masker,
 * core/secrets.ts spellings, reads it so too).
 */
function secretsPattern(secrets: readonly string[]): RegExp | null {
  const long = secrets.filter((s) => s.length >= 16).sort((a, b) => b.length - a.length);
  return long.length === 0 ? null : new RegExp(long.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
}

export class Emulator {
  readonly seed: NormalizedSeed;
  switches: EmulatorSwitches;
  state = new EmulatorState();
  faults: FaultSpec[];
  /** What clients sent (the emulator's own control calls left out): `GET /__emulator/requests`, the page's live log. */
  log = this.newLog();
  currentUser: string;
  private offsetMs = 0;
  private readonly baseClock: () => number;
  private readonly initialFaults: FaultSpec[];
  private readonly initialSwitches: EmulatorSwitches;
  /** Each app's IP whitelist as it started (the seed, then --ip-whitelist): what reset() puts back. */
  private readonly initialWhitelists: ReadonlyMap<string, string[] | null>;
  /** Each user's follows at the start: a reset restores them (POST /__emulator/follow changes them). */
  private readonly initialFollows: ReadonlyMap<string, string[]>;
  /** Each app's 开放平台 account at the start: a reset restores them (POST /__emulator/open-account changes them). */
  private readonly initialOpenAccounts: ReadonlyMap<string, string | null>;
  /** The seed's apps and users by id: every authorize and exchange looks one up (a find per call cost a closure, issue 19). */
  private readonly appsById: ReadonlyMap<string, NormalizedApp>;
  private readonly usersById: ReadonlyMap<string, NormalizedUser>;
  private server?: Server;
  url = '';
  /**
   * Which run of an emulator this is: a page left open while the emulator was stopped and started again
   * on the same address reconnects to another one, with its own seed, faults, clock and log (ui-events.ts
   * says it to each subscriber, so the page draws the new one instead of the old one's state).
   */
  readonly instance = randomBytes(8).toString('hex');
  /** Host names the control API answers to (host-guard.ts); filled in by listen(). */
  controlHosts = new Set<string>();
  /** Set only while someone follows the log (GET /__emulator/events, ui-events.ts): with nobody subscribed, recording does nothing more. */
  logTap: LogTap | undefined = undefined;

  constructor(options: EmulatorOptions = {}) {
    this.seed = normalizeSeed(options.seed ?? defaultSeed(), options.domainOverrides);
    this.appsById = new Map(this.seed.apps.map((a) => [a.appid, a]));
    this.usersById = new Map(this.seed.users.map((u) => [u.id, u]));
    this.initialSwitches = { ...DEFAULT_SWITCHES, ...(options.switches ?? {}) };
    this.switches = { ...this.initialSwitches };
    this.baseClock = options.clock ?? Date.now;
    this.initialFaults = (options.faults ?? []).map(validateFault);
    this.faults = this.initialFaults.map((f) => ({ ...f }));
    this.currentUser = this.seed.users[0]!.id;
    for (const [appid, ips] of Object.entries(options.ipWhitelists ?? {})) this.setIpWhitelist(appid, ips);
    this.initialWhitelists = new Map(this.seed.apps.map((a) => [a.appid, a.ipWhitelist ? [...a.ipWhitelist] : null]));
    this.initialFollows = new Map(this.seed.users.map((u) => [u.id, [...u.follows]]));
    this.initialOpenAccounts = new Map(this.seed.apps.map((a) => [a.appid, a.openAccount]));
  }

  /**
   * A user follows (关注) an app from now on, or no longer does: what a person does by scanning the
   * account's QR code, or 不再关注. Throws RangeError for an unknown user or appid.
   */
  setFollows(userId: string, appid: string, follows: boolean): void {
    const user = this.user(userId);
    if (!user) throw new RangeError(`no seeded user ${userId}`);
    if (!this.app(appid)) throw new RangeError(`no seeded app ${appid}`);
    // A new list: the seed's own arrays may be the caller's (startEmulator({ seed })).
    if (follows && !user.follows.includes(appid)) user.follows = [...user.follows, appid];
    if (!follows) user.follows = user.follows.filter((a) => a !== appid);
  }

  /**
   * The 开放平台 account an app is bound to from now on (null: none), as binding or unbinding it on
   * open.weixin.qq.com does (管理中心 → 绑定公众号/网站应用). An unbound app's exchange, /sns/userinfo and
   * /cgi-bin/user/info carry no unionid key at all (§4), as a test account's never do. Throws RangeError
   * for an unknown appid or an empty account name.
   */
  setOpenAccount(appid: string, openAccount: string | null): void {
    const app = this.app(appid);
    if (!app) throw new RangeError(`no seeded app ${appid}`);
    if (openAccount !== null && openAccount.trim() === '') throw new RangeError('openAccount must be a name, or null for none');
    app.openAccount = openAccount === null ? null : openAccount.trim();
  }

  /**
   * An app's IP whitelist from now on (null: none, every caller allowed), as the 公众平台 console's
   * 开发 → 基本配置 → IP白名单 sets it. Throws RangeError for an unknown appid or a value that is not an IP.
   */
  setIpWhitelist(appid: string, ips: readonly string[] | null): void {
    const app = this.app(appid);
    if (!app) throw new RangeError(`no seeded app ${appid}`);
    const bad = (ips ?? []).find((ip) => ip.trim() !== '' && isIP(ip.trim()) === 0);
    if (bad !== undefined) throw new NotAnIpError(bad.trim());
    // Compared with the caller as normalizeIp gives it (::ffff:1.2.3.4, as 40164's errmsg writes it, is
    // 1.2.3.4); an empty list is no whitelist, not one that refuses everybody. A seed's list is made so too.
    app.ipWhitelist = normalizeWhitelist(ips ?? []);
  }

  now(): number {
    return this.baseClock() + this.offsetMs;
  }

  /** How far advanceClock() has moved the clock, in ms (GET /__emulator/clock shows it). */
  get clockOffsetMs(): number {
    return this.offsetMs;
  }

  /** Back to the base clock (POST /__emulator/clock {"reset": true}). */
  resetClock(): void {
    const back = this.offsetMs > 0;
    this.offsetMs = 0;
    if (back) this.rewound();
  }

  advanceClock(seconds: number): void {
    if (!Number.isInteger(seconds)) throw new RangeError(`advance needs a whole number of seconds (negative moves the clock back); got ${seconds}`);
    const next = this.baseClock() + this.offsetMs + seconds * 1000;
    if (!(next >= 0 && next <= MAX_CLOCK_MS))
      throw new RangeError(
        `advance ${seconds} would move the emulator clock outside 1970-01-01 … 2106-02-07 (rids carry the time as 8 hex digits of Unix seconds, API-FACTS §0.4)`,
      );
    this.offsetMs += seconds * 1000;
    if (seconds < 0) this.rewound();
  }

  /** The clock went back: what was issued in the time undone is as if issued now (state.ts rewindEntry). */
  private rewound(): void {
    const now = this.now();
    this.state.rewind(now, { access: SNS_ACCESS_TTL * 1000, refresh: snsRefreshTtl(this) * 1000 });
    rewindTickets(this, now);
  }

  app(appid: string): NormalizedApp | undefined {
    return this.appsById.get(appid);
  }

  user(id: string): NormalizedUser | undefined {
    return this.usersById.get(id);
  }

  /** `http://host:port` as the client addressed the emulator (its Host header), or the emulator's own URL's. */
  originOf(rq: Rq): string {
    const host = rq.headers.host;
    return `http://${typeof host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : new URL(this.url).host}`;
  }

  /** A fresh request log, which reads a failed /sns/ call's token as basic when this emulator issued it so. */
  private newLog(): RequestLog {
    return new RequestLog(
      undefined,
      (token) => token !== '' && (this.state.basicTokens.get(token) !== undefined || this.state.basicTokens.retiredAppid(token) !== undefined),
      (text) => this.maskIssued(text),
    );
  }

  /**
   * `text` with every secret this emulator knows masked by value as `***`: the seed's appsecrets
   * anywhere, each code or ticket it issued (a run of token characters looked up whole), and any token
   * of its making by shape (a refreshed user token is no longer in its stores). The request log masks by name first; this catches the
   * same values under other names (`foo=<secret>`, a custom header, a JSON field), as the proxy does.
   * Called when the log is read or shown, never on a request's own path.
   */
  maskIssued(text: string): string {
    this.secretsPattern ??= secretsPattern(this.seed.apps.map((a) => a.secret));
    const out = this.secretsPattern ? text.replace(this.secretsPattern, '***') : text;
    return out.replace(TOKEN_RUN, (run) => (this.issued(run) ? '***' : run.includes('86_') ? run.replace(EMULATOR_TOKEN, '***') : run));
  }

  /** The seed's appsecrets as one pattern, made on the first read of the log; null when none is long enough to mask. */
  private secretsPattern: RegExp | null | undefined;

  private issued(text: string): boolean {
    const s = this.state;
    return (
      s.codes.find(text) >= 0 ||
      s.grants.byAccess(text) !== undefined ||
      s.grants.byRefresh(text) !== undefined ||
      s.basicTokens.get(text) !== undefined ||
      s.basicTokens.retiredAppid(text) !== undefined ||
      isIssuedTicket(this, text)
    );
  }

  reset(): void {
    this.state = new EmulatorState(this.state);
    this.faults = this.initialFaults.map((f) => ({ ...f }));
    this.switches = { ...this.initialSwitches };
    this.log = this.newLog();
    this.offsetMs = 0;
    this.currentUser = this.seed.users[0]!.id;
    for (const app of this.seed.apps) {
      const initial = this.initialWhitelists.get(app.appid);
      app.ipWhitelist = initial ? [...initial] : null;
      app.openAccount = this.initialOpenAccounts.get(app.appid) ?? null;
    }
    for (const user of this.seed.users) user.follows = [...(this.initialFollows.get(user.id) ?? [])];
  }

  /** A WeChat error: HTTP 200, `{"errcode","errmsg"}` with the rid suffix; the rid is remembered for rid/get. */
  fail(rq: Rq, family: Family, errcode: number, appid?: string, errmsg?: string): Reply {
    const now = this.now();
    const style = this.switches.ridStyle;
    const rid = style === 'hints' ? newHintId() : newRid(now);
    // JSSDK-FACTS §1.2 ⚠: every 45009 (daily quota) in the old limits page's words when dailyQuotaErrmsg says so.
    const legacy45009 = errcode === 45009 && errmsg === undefined && this.switches.dailyQuotaErrmsg === 'freq-out';
    const text = (legacy45009 ? ERRMSG_45009_LEGACY : (errmsg ?? ERRMSG[errcode] ?? 'system error')) + suffix(style, family, errcode, rid, this.switches);
    const body = errorBody(errcode, text);
    // Only /cgi-bin rids are kept: rid/get does not serve /sns rids (§11: 76001 for them), so keeping
    // their bodies would only cost memory. With `snsRidErrcode` 76022 an /sns rid is kept without its
    // request and body, only so that rid/get can tell it is one (cgi.ts cgiRidGet).
    if (style === 'rid' && family === 'sns' && this.switches.snsRidErrcode === 76022) {
      this.state.rids.add({ rid, appid, family, invokeTime: Math.floor(now / 1000), costMs: 0, requestUrl: '', requestBody: '', responseBody: '', clientIp: '' });
    } else if (style === 'rid' && family === 'cgi') {
      this.state.rids.add({
        rid,
        appid,
        family,
        invokeTime: Math.floor(now / 1000),
        costMs: 1 + Math.floor(Math.random() * 40),
        requestUrl: maskQuery(rq.rawQuery),
        requestBody: rq.body,
        responseBody: body,
        clientIp: rq.ip,
      });
    }
    const reply: Reply = { status: 200, headers: typeHeaders(contentTypeFor(this.switches.contentType, family, 'error')), body, errcode, rid: style === 'none' ? undefined : rid };
    if (this.switches.contentType === 'json-charset') reply.chunked = true;
    return reply;
  }

  /** A WeChat success body (already serialised in WeChat's key order). */
  ok(_rq: Rq, family: Family, body: string): Reply {
    const reply: Reply = { status: 200, headers: typeHeaders(contentTypeFor(this.switches.contentType, family, 'ok')), body, errcode: body.startsWith('{"errcode":0') ? 0 : undefined };
    if (this.switches.contentType === 'json-charset') reply.chunked = true;
    return reply;
  }

  /** Record a code as the authorize / qrconnect pages do. */
  mintCode(appid: string, userId: string, scope: Scope, snapshot = false): string {
    const app = this.app(appid);
    const ttl = app?.type === 'website' ? CODE_TTL_WEBSITE : CODE_TTL_OA;
    const now = this.now();
    // A long-running emulator must not grow without bound: the codes are kept a generation at a time
    // (state.ts CODES_KEPT; by the time a code is dropped it has long expired or been used).
    return this.state.codes.mint(appid, userId, scope, snapshot, now, now + ttl * 1000);
  }

  issueCode(options: IssueCodeOptions): string {
    const app = this.app(options.appid);
    if (!app) throw new RangeError(`no seeded app ${options.appid}`);
    const userId = options.user ?? this.currentUser;
    if (!this.user(userId)) throw new RangeError(`no seeded user ${userId}`);
    // What authorize and qrconnect refuse (pages.ts, by the same scopes.ts): snsapi_login on a 公众号
    // (10005), a 网站应用 on any other scope, any scope of an app without 网页授权 rights (10005). A code
    // WeChat would never issue is not minted either: its exchange would pass a test that the real login fails.
    const refusal = scopeRefusal(app, options.scope);
    if (refusal) throw new RangeError(refusal);
    const scope = options.scope ?? issuableScopes(app).scopes[0]!;
    return this.mintCode(app.appid, userId, scope, options.snapshot ?? false);
  }

  /** The reply: a promise only when it waits (a `delay` fault, some control calls); the usual path stays synchronous. */
  /** `socket`: destroyed by a `reset` fault. */
  private dispatch(rq: Rq, socket: { destroy(): void }): Reply | Promise<Reply> {
    if (isJssdkPagePath(rq.path)) return handleJssdkPage(this, rq);
    if (isControlPath(rq.path)) return handleControl(this, rq);
    if (rq.path === '/favicon.ico') return FAVICON;
    const fault = takeFault(this.faults, rq.path);
    if (fault) {
      rq.fault = fault.kind;
      if (fault.kind === 'delay') {
        // Slow to answer, not slow to act: the request is served when it arrives (a code is spent, a
        // token issued) and its answer leaves `ms` later. A client that gives up and sends the same code
        // again meanwhile gets 40163; served after the wait instead, the retry would take the code and
        // the abandoned request get the 40163 nobody reads (docs/emulator-notes.md).
        rq.arrivedAt = this.now();
        const reply = this.route(rq);
        return new Promise((resolve) => setTimeout(() => resolve(reply), fault.ms ?? 0));
      }
      const reply = this.faultReply(rq, fault.kind, fault.errcode ?? -1, socket);
      // The log names the app a stable_token body named whatever answered it, as cgi.ts does for the
      // calls no fault meets (the URL has no appid); the body is read here only, on a faulted call.
      if (rq.path === STABLE_TOKEN_PATH) {
        const appid = faultedStableAppid(this, rq);
        if (appid !== undefined) reply.appid = appid;
      }
      return reply;
    }
    return this.route(rq);
  }

  /** What a fault other than `delay` answers instead of WeChat: a new object each time (the log's fields are set on it). */
  private faultReply(rq: Rq, kind: Exclude<FaultKind, 'delay'>, errcode: number, socket: { destroy(): void }): Reply {
    const family: Family = rq.path.startsWith('/sns/') ? 'sns' : 'cgi';
    switch (kind) {
      case 'http500':
      case 'http502': {
        const status = kind === 'http500' ? 500 : 502;
        return { status, headers: { 'content-type': 'text/html' }, body: nginxErrorPage(status) };
      }
      case 'busy':
        return this.fail(rq, family, -1, appidOf(this, rq));
      case 'errcode':
        return this.fail(rq, family, errcode, appidOf(this, rq), faultErrmsg(this, rq, family, errcode));
      case 'garbage':
        return { status: 200, headers: { 'content-type': 'text/html; charset=gbk' }, body: '<html><body>系统繁忙 service busy</body></html>' };
      case 'reset':
        socket.destroy();
        return { status: 0, headers: {}, body: '', reset: true };
    }
  }

  /** WeChat's answer to a request no fault intercepted. */
  private route(rq: Rq): Reply {
    // §0.1 global table: 43003 "require https". The emulator itself speaks only http; behind a
    // TLS-terminating proxy X-Forwarded-Proto says the client did use https.
    if (rq.path.startsWith('/sns/') && this.switches.httpOnSns === '43003' && !forwardedHttps(rq)) return this.fail(rq, 'sns', 43003);
    const route = API_ROUTES[rq.path];
    if (route) {
      if (rq.method !== route.method) return this.fail(rq, route.family, route.method === 'GET' ? 43001 : 43002);
      return route.handle(this, rq);
    }
    if (isPagePath(rq.path)) return handlePage(this, rq);
    if ((rq.path.startsWith('/sns/') || rq.path.startsWith('/cgi-bin/')) && this.switches.unknownPath === '40066')
      return this.fail(rq, rq.path.startsWith('/sns/') ? 'sns' : 'cgi', 40066);
    return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n' };
  }

  /** Log a request; `path` only where it is not what parseTarget(url) gives (request-log.ts). */
  private record(method: string, url: string, path: string | undefined, reply: Reply, rq?: Rq): void {
    const seq = this.log.add(method, url, path, reply.status, this.now(), reply.errcode, reply.rid, rq?.fault, reply.page, reply.forceRefresh, rq?.arrivedAt, reply.appid);
    if (this.logTap !== undefined) this.logTap(this.log.get(seq)!, seq, rq, reply);
  }

  /**
   * One request. Synchronous unless it must wait (a request body, a `delay` fault, a control call that
   * awaits): a promise per request was a measurable share of the request path under load (issue 19).
   */
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void> {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    // A URL of at most a third of the limit in UTF-16 units is within it in bytes: no count needed.
    if (rawUrl.length * 3 > MAX_URL_BYTES && Buffer.byteLength(rawUrl) > MAX_URL_BYTES) {
      send(res, plain('414 Request-URI Too Large', 414), true);
      this.record(method, '', '(too long)', { status: 414, headers: {}, body: '' });
      return;
    }
    const target = parseTarget(rawUrl);
    if (!target) {
      send(res, plain('400 Bad Request', 400), true);
      return;
    }
    // Most requests (every GET WeChat's APIs take) have no body: no stream to wait for.
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return this.serve(req, res, method, rawUrl, target, '');
    return readBody(req).then((body) => this.serve(req, res, method, rawUrl, target, body));
  }

  private serve(req: IncomingMessage, res: ServerResponse, method: string, rawUrl: string, target: Target, body: string | undefined): void | Promise<void> {
    const { pathname, query } = target;
    if (body === undefined) {
      const reply = plain('413 Request Entity Too Large', 413);
      send(res, reply, true);
      this.record(method, rawUrl, undefined, reply);
      return;
    }
    const rq: Rq = {
      method,
      // `/` on the emulator's own address is its page (issue 16); on any other Host it stays WeChat's 404.
      path: pathname === '/' && method === 'GET' && hostHeaderAllowed(req.headers.host, this.controlHosts) ? UI_PATH : pathname,
      query,
      rawQuery: target.rawQuery,
      url: rawUrl,
      body,
      ip: this.switches.callerIp ?? normalizeIp(req.socket.remoteAddress),
      headers: req.headers,
    };
    if (rq.path === EVENTS_PATH) return openEventStream(this, rq, res);
    let answer: Reply | Promise<Reply>;
    try {
      answer = this.dispatch(rq, req.socket);
    } catch (error) {
      answer = internalError(error);
    }
    if (answer instanceof Promise) return answer.then((reply) => this.finish(rq, res, reply), (error: unknown) => this.finish(rq, res, internalError(error)));
    this.finish(rq, res, answer);
  }

  private finish(rq: Rq, res: ServerResponse, reply: Reply): void {
    // A moved clock (/__emulator/clock) or one given to startEmulator moves the Date header too: WeChat's
    // rid starts with the request time, which equals the Date of the same answer (API-FACTS §0.4). On
    // the real clock, node:http's own Date (no per-request cost).
    if ((this.offsetMs !== 0 || this.baseClock !== Date.now) && !res.headersSent) res.setHeader('date', new Date(this.now()).toUTCString());
    // What went out is logged: the reply, or the 500 that replaced it if it could not be sent.
    const sent = reply.reset ? reply : sendReply(res, reply, false);
    // The log is what a client under test sent; the emulator's own control calls are left out, and so
    // are the few answers marked unlogged (a QR page's poll that reports no change: Reply.unlogged).
    if (sent.unlogged !== true && !isControlPath(rq.path)) this.record(rq.method, rq.url, undefined, sent, rq);
  }

  async listen(port: number, host: string, headersTimeoutMs = 10_000): Promise<void> {
    // A client that sends its request slowly or not at all is cut off after 10 s for the headers and 30 s
    // for the whole request (Node's defaults, 60 s and 300 s, checked every 30 s, would let idle
    // connections pile up). A `delay` fault delays the answer, which these do not count.
    const server = createServer({ maxHeaderSize: 16 * 1024, headersTimeout: headersTimeoutMs, requestTimeout: Math.max(30_000, headersTimeoutMs), connectionsCheckingInterval: Math.min(2_000, headersTimeoutMs) }, (req, res) => {
      const failed = () => {
        if (!res.headersSent) sendInstead(res, plain('500 emulator internal error', 500));
      };
      try {
        this.handle(req, res)?.catch(failed);
      } catch {
        failed();
      }
    });
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      else socket.destroy();
    });
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.controlHosts = acceptedHostNames(host);
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    // Bound to every interface: clients on this machine reach it on loopback.
    this.url = `http://${shownHost === '0.0.0.0' || shownHost === '[::]' ? '127.0.0.1' : shownHost}:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  handleApi(): EmulatorHandle {
    const changes =
      <A extends unknown[], R>(change: (...args: A) => R) =>
      (...args: A): R => {
        const result = change(...args);
        announce(this, 'state');
        return result;
      };
    return {
      url: this.url,
      apps: this.seed.apps.map((a) => ({ ...a, domain: [...a.domain], ipWhitelist: a.ipWhitelist ? [...a.ipWhitelist] : null })),
      users: publicUsers(this.seed),
      close: () => this.close(),
      // A change made through this handle is announced to the emulator's page as a control call's is
      // (ui-events.ts), so the page shows it without waiting for the next logged request.
      advanceClock: changes((seconds: number) => this.advanceClock(seconds)),
      now: () => this.now(),
      requests: () => this.log.entries().map((r) => r.toJSON()),
      issueCode: (options) => this.issueCode(options),
      setFaults: changes((faults: FaultSpec[]) => {
        this.faults = faults.map(validateFault);
      }),
      addFault: changes((fault: FaultSpec) => {
        this.faults.push(validateFault(fault));
      }),
      setIpWhitelist: changes((appid: string, ips: readonly string[] | null) => this.setIpWhitelist(appid, ips)),
      setOpenAccount: changes((appid: string, openAccount: string | null) => this.setOpenAccount(appid, openAccount)),
      configure: changes((switches: Partial<EmulatorSwitches>) => {
        this.switches = { ...this.switches, ...switches };
      }),
      setCurrentUser: changes((id: string) => {
        if (!this.user(id)) throw new RangeError(`no seeded user ${id}`);
        this.currentUser = id;
      }),
      scan: changes((options?: Parameters<EmulatorHandle['scan']>[0]) => scan(this, options ?? {})),
      reset: () => {
        this.reset();
        announce(this, 'reset');
      },
    };
  }
}

function internalError(error: unknown): Reply {
  return plain(`500 emulator internal error: ${(error as Error).message}`, 500);
}

/**
 * A body past MAX_BODY_BYTES is read on and dropped, and only then answered 413 (undefined), as nginx's
 * lingering close does: answered at once and closed, a client still sending (a 5 MB upload) met EPIPE or
 * a reset instead of the 413. Past DRAIN_MAX_BYTES (or the server's requestTimeout) the connection is cut.
 */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > DRAIN_MAX_BYTES) {
        done = true;
        req.socket.destroy();
        resolve(undefined);
        return;
      }
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => {
      if (done) return;
      done = true;
      resolve('');
    });
  });
}

/**
 * The reply on the wire: its headers, then Content-Length and Connection. They go to writeHead as one
 * flat name, value, … list rather than a copy of the reply's object (for speed: every request).
 * A `chunked` reply has no Content-Length and its body goes out in a write() before end(): node:http
 * then sends it with `Transfer-Encoding: chunked` (HTTP/1.1; an HTTP/1.0 client gets a Content-Length).
 */
function send(res: ServerResponse, reply: Reply, close: boolean): void {
  if (res.headersSent || res.destroyed) return;
  // HTTP/1.0 has no chunked encoding: such a client gets the Content-Length, not a body ended by a close
  // its `connection: keep-alive` would not expect.
  const chunked = reply.chunked === true && res.req.httpVersion !== '1.0';
  const headers: Array<string | string[] | number> = [];
  for (const name in reply.headers) headers.push(name, reply.headers[name]!);
  if (!chunked) headers.push('content-length', Buffer.byteLength(reply.body));
  headers.push('connection', close ? 'close' : 'keep-alive');
  res.writeHead(reply.status, headers as string[]);
  if (chunked) {
    res.write(reply.body);
    res.end();
  } else res.end(reply.body);
}

/**
 * send(), and when node:http refuses the reply (a header it cannot write throws in writeHead), a 500
 * saying why instead. Returns what was answered, so the request log keeps the request either way.
 */
export function sendReply(res: ServerResponse, reply: Reply, close: boolean): Reply {
  try {
    send(res, reply, close);
    return reply;
  } catch (error) {
    const instead = internalError(error);
    sendInstead(res, instead);
    return instead;
  }
}

/**
 * A reply in place of one whose writeHead threw: that call had already set the status line's reason
 * (a 500 went out as `500 Found`) and some of its headers (its cookies with them). Both are cleared.
 */
function sendInstead(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  res.statusMessage = '';
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  send(res, reply, true);
}

// `wxauth probe`: play phone WeChat's browser against the user's own login, with the emulator as
// WeChat, and check what their server does in the situations WeChat really produces (issue 14). Each
// scenario runs in a fresh browser session; what the app asked WeChat comes from the emulator's log.
import { randomBytes } from 'node:crypto';
import { maxHeaderSize } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { shellWord } from '../../core/shell.js';
import { CancelledError, NetworkError, UsageError, messageRef, type MessageKey, type MessageParams, type MessageRef, type ParamValue } from '../../errors.js';
import { PATHS, answeredPlainHttp, isTokenEndpoint, portOf } from '../../core/endpoints.js';
import { findingParamsJson, inspectUrl, keysOfFinding } from '../../core/inspect.js';
import { base64Forms, base64Views, credentialParams } from '../../core/secret-shapes.js';
import { hideUrlCredentials, maskSecretValues, redactText, redactUrl, redactValue } from '../../core/secrets.js';
import type { PublicApp, PublicUser } from '../../emulator/index.js';
import { ProbeBrowser, basicAuthOf, isWechatOpenUrl, speaksTls, type Hop, type Page, type Seen } from './browser.js';
import { isLoopbackHost, sameOrigin } from '../../core/host-names.js';
import { DEFAULT_EMULATOR, EmulatorControl, exchangeAtOtherEmulator, markOtherEmulator, proxyUpstream, whatAnswersAt } from './control.js';
import {
  CHECK_IDS,
  FOREIGN_RETURN_URL,
  RETURN_PARAM_EXAMPLES,
  RETURN_PARAM_NAMES,
  SCENARIOS_OF,
  identityShown,
  missingValueShown,
  pageProblem,
  showsCodeUsed,
  urlHasCode,
  type CheckId,
  type Evidence,
  type Identity,
  type ProbeCheck,
  type ScenarioId,
  type ScenarioRecord,
  type WechatCall,
} from './checks.js';

export interface ProbeOptions {
  /** The URL that starts the app's WeChat login, host exactly as given (cookies are bound to it). */
  target: string;
  /** The emulator's origin (its control API). */
  emulator: string;
  only?: CheckId[];
  skip?: CheckId[];
  /** The login start's return-to parameter (redirect.open). */
  returnParam?: string;
  /** How long after the login the reload comes (callback.reload). */
  reloadDelayMs: number;
  /** Per request: an app that does not answer in this time "hangs". */
  timeoutMs: number;
  /** Where another emulator is looked for when the app exchanged nothing here (tests give their own; default DEFAULT_EMULATOR). */
  usualEmulator?: string;
  /** How late WeChat answers the code exchange in wechat.slow (--exchange-delay). */
  exchangeDelayMs: number;
  signal: AbortSignal;
  /** Cookies each session sends the app from its start (--cookie): a login that needs the site's own session first. */
  cookies?: ReadonlyArray<readonly [string, string]>;
  /**
   * --show-secrets: the hops' addresses and the landing address are shown as they were (a code, a ticket in
   * `/me?t=…`), not masked. What secrets.leak quotes from a page stays masked.
   */
  showSecrets?: boolean;
}

export interface ProbeHooks {
  /** A scenario starts. */
  scenario(id: ScenarioId): void;
  /** Something probe did instead of WeChat, or had to assume. */
  note(ref: MessageRef): void;
}

export interface ProbeReport {
  target: string;
  emulator: string;
  appid?: string;
  scope?: string;
  /** authorize (公众号) or qrconnect (网站应用). */
  endpoint?: 'authorize' | 'qrconnect';
  /** The app sent the browser to the real open.weixin.qq.com; probe used the emulator's pages instead. */
  rewroteOpenHost: boolean;
  checks: ProbeCheck[];
  scenarios: ScenarioRecord[];
}

interface AuthorizeInfo {
  /** As the app gave it (maybe on open.weixin.qq.com). */
  original: string;
  /** On the emulator. */
  url: string;
  endpoint: 'authorize' | 'qrconnect';
  appid: string;
  redirectUri: string;
  scope: string;
  state?: string;
  rewritten: boolean;
}

/** inspect's findings whose fix tells wxauth's profile the callback domain (`wxauth config set domain`). */
// (domain.host_ip and host_ip_website too: inspect's fix for them is about wxauth's own login / listen
// --host, which is not what the probed app runs.)
/** Why the checks after the login were skipped, by where the callback went instead of the app. */
const SKIP_ELSEWHERE = { scheme: 'probe.skip.scheme_mismatch', port: 'probe.skip.other_port', foreign: 'probe.skip.foreign_callback' } as const;

const EMULATOR_DOMAIN_FINDINGS = new Set<string>(['domain.port', 'domain.host', 'domain.host_ip', 'domain.host_ip_website', 'domain.emulator_host_ip', 'domain.ip', 'domain.bad_config', 'domain.unchecked', 'redirect_uri.port', 'redirect_uri.ip']);

function emulatorDomainFix(appid: string, hostport: string): MessageRef {
  return { key: 'probe.finding.fix.emulator_domain', params: { appid, hostport: hostport || '<host:port>' } };
}

const AUTH_PATHS: Record<string, 'authorize' | 'qrconnect'> = { '/connect/oauth2/authorize': 'authorize', '/connect/qrconnect': 'qrconnect' };

/** `emulator`: the emulator's origin and any wxauth proxy in front of it the app links to. */
function authorizeEndpoint(url: string, emulator: ReadonlySet<string>): 'authorize' | 'qrconnect' | undefined {
  try {
    const u = new URL(url);
    if (!emulator.has(u.origin) && !isWechatOpenUrl(url)) return undefined;
    return AUTH_PATHS[u.pathname];
  } catch {
    return undefined;
  }
}

/**
 * An authorize link in a page that sends the browser on with script or a meta refresh instead of a 302:
 * the first on WeChat or the emulator (`emulator`), or the first `other` accepts.
 */
function authorizeLinkIn(body: string, emulator: ReadonlySet<string>, other?: (url: string) => boolean): string | undefined {
  const re = /https?:\/\/[^\s"'<>()]+\/connect\/(?:oauth2\/authorize|qrconnect)\?[^\s"'<>()]+/g;
  // JSON in a script may escape its slashes (PHP's json_encode does by default): https:\/\/open…
  for (const m of body.replace(/\\\//g, '/').matchAll(re)) {
    const url = m[0].replace(/&amp;/g, '&').replace(/\\u0026/g, '&');
    if (other ? other(url) : authorizeEndpoint(url, emulator)) return url;
  }
  return undefined;
}

/** §1.4: WeChat appends with `?` or `&` by plain concatenation. */
function appendParams(uri: string, params: Array<[string, string]>): string {
  return uri + (uri.includes('?') ? '&' : '?') + params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** The callback's code: the last one, WeChat's (it appends after any the redirect_uri kept, §1.4). */
function codeOf(url: string): string | undefined {
  const m = [...url.matchAll(/[?&#]code=([^&#]*)/g)].pop();
  return m ? decodeURIComponent(m[1]!) : undefined;
}

function samePath(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

function wechatCalls(records: Array<{ method: string; path: string; query: Record<string, string>; status: number; time: string; arrived?: string; errcode?: number; fault?: string; forceRefresh?: boolean; basicToken?: boolean }>): WechatCall[] {
  // A call under a path of its own (/sns/sns/…, /api/sns/…: a base URL with a path) is kept too, so the
  // report can name it (misaddressedExchange).
  return records
    .filter((r) => r.path.includes('/sns/') || r.path.includes('/cgi-bin/'))
    .map((r) => ({
      method: r.method,
      path: r.path,
      query: r.query,
      status: r.status,
      time: r.time,
      ...(r.arrived !== undefined ? { arrived: r.arrived } : {}),
      ...(r.errcode !== undefined ? { errcode: r.errcode } : {}),
      ...(r.fault ? { fault: r.fault } : {}),
      ...(r.forceRefresh ? { forceRefresh: true } : {}),
      ...(r.basicToken ? { basicToken: true } : {}),
    }));
}

/**
 * A code exchange sent under a path of its own (`/sns/sns/oauth2/access_token`, `/api/sns/…`): the app's
 * WeChat base URL carries a path, which the app's client puts before every WeChat path. The extra path
 * and what WeChat (the emulator) answered: 40066 invalid url, or a 404 page.
 */
export function misaddressedExchange(calls: WechatCall[]): { path: string; extra: string; answer: string } | undefined {
  const call = calls.find((c) => c.path !== PATHS.snsAccessToken && c.path.endsWith(PATHS.snsAccessToken));
  if (!call) return undefined;
  return { path: call.path, extra: call.path.slice(0, -PATHS.snsAccessToken.length), answer: call.errcode ? `errcode ${call.errcode}` : `HTTP ${call.status}` };
}

const check = (id: CheckId, status: ProbeCheck['status'], key: string, params: MessageParams = {}, evidence: Evidence = {}, fix = status === 'fail' || status === 'warn'): ProbeCheck => ({
  id,
  status,
  // Each check's outcome keys are built from its id; a test runs every check and renders every key.
  message: messageRef(`probe.${id}.${key}` as MessageKey, params),
  ...(fix ? { fix: messageRef(`probe.${id}.fix` as MessageKey, params) } : {}),
  evidence,
});

/**
 * When the emulator says a code was exchanged, as a message parameter: the presenter shows it in the
 * terminal's local time, as every other time wxauth prints; the --json evidence keeps the ISO stamp.
 */
function exchangedAtParam(iso: string | undefined): ParamValue {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? '' : { localTime: ms };
}

/**
 * Whether an emulator older than this wxauth let the retry of a late exchange take the code: the exchange
 * that arrived first was refused and a later one got the user. WeChat spends a code when the request
 * arrives, so there the first to arrive is the one that can get the user. Judged by when each request
 * arrived, not by the order the answers left: a retry that arrives after the late answer left (a loaded
 * machine) is answered after it, as an older emulator's retry that took the code was answered before it.
 * The log says when a held-back request arrived (`arrived`); an emulator that does not say is older, and
 * there the delayed exchange, which took the fault, is the one that arrived first.
 */
function retryTookTheCode(calls: readonly WechatCall[]): boolean {
  const exchanges = calls.filter((c) => c.path === PATHS.snsAccessToken);
  const arrival = (c: WechatCall): number => (c.arrived !== undefined ? Date.parse(c.arrived) : c.fault === 'delay' ? -Infinity : Date.parse(c.time));
  const gotUser = (c: WechatCall) => c.errcode === undefined || c.errcode === 0;
  // On a tie the delayed exchange arrived first: it took the fault.
  const first = exchanges.reduce<WechatCall | undefined>((a, c) => (a === undefined || arrival(c) < arrival(a) || (arrival(c) === arrival(a) && c.fault === 'delay') ? c : a), undefined);
  return first !== undefined && !gotUser(first) && exchanges.some(gotUser);
}

// A cookie's name known to carry no identity: a flash message, a language or theme, a time zone, a CSRF
// token, a consent banner's answer, analytics (_ga, _gid). Any other name may say who the visitor is
// (sid, PHPSESSID, .AspNetCore.Cookies, passport, uid, wx_openid, Phoenix's _app_key…): too many to list,
// so the short list is of those that cannot.
// A load balancer's stickiness cookie (AWS's AWSALB, Alibaba Cloud SLB's SERVERID, F5's BIGipServer…,
// Alibaba Cloud WAF's acw_tc) names a server, not a visitor, and may change on every answer.
const NO_IDENTITY_COOKIE_NAME = /^[._-]*(?:flash|msg|message|notice|alert|lang|language|locale|i18n|theme|tz|timezone|csrf|csrftoken|xsrf|consent|cookieconsent|ga|gid|awsalb|awsalbcors|awselb|awselbcors|serverid|route|acw_tc|bigipserver[\w.-]*)(?:[._-].*)?$/i;

/**
 * Whether a cookie's value may be a session sealed in the cookie itself, encrypted or signed anew on
 * every answer, so that a new value may hold the same session: Laravel's base64 JSON `{"iv":…}` and
 * signed JSON payloads (Flask, cookie-session) start `eyJ`, itsdangerous' compressed ones `.eJ`, Rails'
 * are `data--iv--tag`, and any value of 100 characters or more may be one. A short id that changed
 * (express-session's `s:id.sig`, PHPSESSID) names another session: it needs no replay to say so.
 */
function sealedValue(value: string | undefined): boolean {
  if (value === undefined) return false;
  let v = value;
  try {
    v = decodeURIComponent(value);
  } catch {
    // a value with a stray %: read as it is
  }
  return v.length >= 100 || /^(?:eyJ|\.eJ)/.test(v) || /^[A-Za-z0-9+/=_-]{8,}--[A-Za-z0-9+/=_-]{8,}/.test(v);
}

/**
 * The --cookie names two browsers both still send as given (ProbeBrowser.startCookiesKept) that may say
 * who the visitor is: any name but those known to carry no identity (NO_IDENTITY_COOKIE_NAME), or one the
 * app set again (its own session, kept by the login).
 */
function sharedStartCookies(a: ProbeBrowser, b: ProbeBrowser): string[] {
  const kept = new Map(a.startCookiesKept().map((c) => [c.name, c.setByApp]));
  return b
    .startCookiesKept()
    .filter((c) => kept.has(c.name) && (!NO_IDENTITY_COOKIE_NAME.test(c.name) || c.setByApp || kept.get(c.name) === true))
    .map((c) => c.name);
}

/**
 * What WeChat answered the exchanges of a used code, from a code's attempts (the first being the one
 * that spent it): 40163 today, 40029 on older servers (the emulator's reusedCodeErrcode switch).
 */
function reuseErrcode(attempts: ReadonlyArray<{ errcode: number }>): number {
  return attempts.slice(1).find((a) => a.errcode !== 0)?.errcode ?? 40163;
}

/** undici's code for an answer whose headers exceed Node's parser limit (--max-http-header-size, 16 KB by default). */
const HEADERS_OVERFLOW = 'UND_ERR_HEADERS_OVERFLOW';

/**
 * An answer Node could not parse, as a `{problem}`: headers over Node's limit are said with their size and
 * how to raise the limit (the same words as the first page's probe.app_headers_big), on whichever page.
 */
function protocolProblem(code: string | undefined, timeoutMs: number): Record<string, string | number> {
  if (code === HEADERS_OVERFLOW) return { problem: 'probe.problem.headers_big', code, kb: Math.round(maxHeaderSize / 1024), ms: timeoutMs };
  return { problem: 'probe.problem.protocol', code: code ?? '', ms: timeoutMs };
}

/** A page whose status and headers came and whose body then did not end within --timeout, as a `{problem}`. */
function stalledProblem(stalled: { status: number; bytes: number }, timeoutMs: number): Record<string, string | number> {
  return { problem: 'probe.problem.body_stalled', status: stalled.status, bytes: stalled.bytes, ms: timeoutMs };
}

/**
 * The `{problem}` of an error_page message, named by a `probe.problem.*` key the presenter renders in the
 * user's language (ui/present/probe.ts), with the facts it needs.
 */
function problemParams(p: NonNullable<ReturnType<typeof pageProblem>>, timeoutMs: number): Record<string, string | number> {
  if (p.kind === 'no_answer' && p.error === 'protocol') return protocolProblem(p.code, timeoutMs);
  if (p.kind === 'no_answer' && p.stalled) return stalledProblem(p.stalled, timeoutMs);
  if (p.kind === 'no_answer') return { problem: p.error === 'timeout' ? 'probe.problem.timeout' : 'probe.problem.network', ms: timeoutMs };
  if (p.kind === 'stack') return { problem: 'probe.problem.stack', runtime: p.runtime, status: p.status };
  return { problem: 'probe.problem.status', status: p.status };
}

/** A page the user sees as broken: pageProblem's (no answer, a stack trace, a 5xx), or any other 4xx; undefined for one that works. */
function pageFailure(page: Page, timeoutMs: number): Record<string, string | number> | undefined {
  const problem = pageProblem(page);
  if (problem) return problemParams(problem, timeoutMs);
  return page.status >= 400 ? { problem: 'probe.problem.status', status: page.status } : undefined;
}

export async function runProbe(options: ProbeOptions, hooks: ProbeHooks): Promise<ProbeReport> {
  try {
    return await probeApp(options, hooks);
  } catch (error) {
    // Ctrl-C aborts fetch (and the waits) with a bare AbortError: the run was cancelled (exit 130), not a
    // bug, and every scenario has put the emulator back in its finally by now. An undo that failed
    // (control.ts) is said as it is, not as a cancel that left everything as it was.
    const undoFailed = error instanceof NetworkError && error.messageRef.key === 'probe.undo_failed';
    if (options.signal.aborted && !undoFailed && !(error instanceof CancelledError)) throw new CancelledError({ cause: error, hint: { key: 'probe.cancelled' } });
    throw error;
  }
}

async function probeApp(given: ProbeOptions, hooks: ProbeHooks): Promise<ProbeReport> {
  // A start URL with user:password@ (a staging site behind basic auth): every request goes to the URL
  // without them, and the app's origin alone gets them as an Authorization header (browser.ts).
  const basic = basicAuthOf(given.target);
  const options: ProbeOptions = basic ? { ...given, target: basic.url } : given;
  const emulator = options.emulator.replace(/\/+$/, '');
  const control = new EmulatorControl(emulator, options.signal);
  const apps = await control.apps(); // throws NetworkError (exit 5) when the emulator is not running
  /** An appid's seeded app: a code minted for it takes only the scopes it can be issued (issueCode). */
  const appOf = (appid: string): PublicApp | undefined => apps.find((a) => a.appid === appid);

  const targetUrl = new URL(options.target);
  // The emulator answered its control API at the start URL's origin: the two addresses were swapped or doubled.
  if (sameOrigin(targetUrl.origin, emulator)) throw new UsageError({ key: 'probe.target_is_emulator', params: { url: options.target, emulator } }, { hint: { key: 'probe.target_is_emulator.hint' } });
  const seen: Seen[] = [];
  const allowed = new Set([targetUrl.origin]);
  const selected = (id: CheckId) => (!options.only || options.only.includes(id)) && !(options.skip ?? []).includes(id);
  const wanted = new Set<ScenarioId>(['happy']);
  for (const id of CHECK_IDS) if (selected(id)) for (const s of SCENARIOS_OF[id]) wanted.add(s);
  // A check runs when it was asked for, or when its scenario is wanted by one that was (secrets.leak reads
  // every answer); finish() reports only the ones asked for.
  // A check --skip names never runs its scenario, whoever would read its answers (--skip code.expired
  // must not move the clock). One exception: session.per_user's second login is part of unionid.absent's
  // judgement (two people sharing an account with unionids too is not the missing unionid's doing), so it
  // runs for a selected unionid.absent under --skip session.per_user as under --only unionid.absent.
  const skipped = (id: CheckId) => (options.skip ?? []).includes(id);
  const runs = (id: CheckId) =>
    selected(id) || (id === 'session.per_user' && selected('unionid.absent')) || (!skipped(id) && SCENARIOS_OF[id].some((s) => s !== 'happy' && wanted.has(s)));

  const report: ProbeReport = { target: hideUrlCredentials(given.target), emulator, rewroteOpenHost: false, checks: [], scenarios: [] };
  const results = new Map<CheckId, ProbeCheck>();
  const put = (c: ProbeCheck) => results.set(c.id, c);
  /**
   * The emulator's pages: its origin, and a wxauth proxy forwarding to it when the app builds its
   * authorize link on that (README's proxy recipe: WECHAT_API_BASE on the proxy, and the example app
   * takes its open base from it). Found by the proxy's answer to the control API.
   */
  const fronts = new Set<string>();
  const pages = new Set<string>([emulator]);
  const startCookies = options.cookies && options.cookies.length > 0 ? { host: new URL(options.target).host, pairs: options.cookies } : undefined;
  const browser = (timeoutMs = options.timeoutMs) => new ProbeBrowser({ allowedOrigins: allowed, emulatorOrigin: emulator, emulatorFronts: fronts, timeoutMs, signal: options.signal, seen, showSecrets: options.showSecrets === true, ...(startCookies ? { startCookies } : {}), ...(basic ? { appAuthorization: { origin: basic.origin, header: basic.header } } : {}) });
  const codesSeen = new Set<string>();

  /** Run a scenario, recording its hops (from `b`, from the hop index it starts at) and the WeChat calls meanwhile. */
  const scenario = async <T>(id: ScenarioId, b: ProbeBrowser, body: (notes: MessageRef[]) => Promise<T>, clockShiftMs = 0): Promise<{ value: T; record: ScenarioRecord }> => {
    hooks.scenario(id);
    const mark = await control.mark();
    const firstHop = b.hops.length;
    const started = Date.now();
    const notes: MessageRef[] = [];
    const value = await body(notes);
    const calls = wechatCalls(await control.requestsSince(mark));
    // Each call on the hops' time scale, for the diagram. The emulator stamps with its own clock, which is
    // the wall clock except while code.expired has moved it ahead: a stamp past now is one of those.
    const now = Date.now();
    for (const c of calls) {
      const at = Date.parse(c.time);
      if (Number.isNaN(at)) continue;
      c.atMs = Math.max(0, (at > now + 1000 ? at - clockShiftMs : at) - b.started);
    }
    const record: ScenarioRecord = { id, hops: b.hops.slice(firstHop), wechat: calls, elapsedMs: Date.now() - started, notes };
    report.scenarios.push(record);
    return { value, record };
  };

  /** wxauth proxies the app linked to that forward elsewhere: origin → their upstream ('' unsaid). */
  const proxies = new Map<string, string>();
  /** An authorize page on a loopback origin that is neither the emulator nor the app: a wxauth proxy, maybe. */
  const maybeFront = (url: string): boolean => {
    try {
      const u = new URL(url);
      return AUTH_PATHS[u.pathname] !== undefined && !pages.has(u.origin) && !allowed.has(u.origin) && !proxies.has(u.origin) && isLoopbackHost(u.hostname);
    } catch {
      return false;
    }
  };

  /**
   * A link to an authorize page on such an origin (from a 302 or in a page): a wxauth proxy whose
   * upstream is the emulator is from now on one of the emulator's fronts. Anything else is requested as
   * a host probe does not contact, as any other (authorize.url then says which it is).
   */
  const throughFront = async (b: ProbeBrowser, url: string): Promise<void> => {
    const origin = new URL(url).origin;
    const upstream = await proxyUpstream(origin, options.timeoutMs, options.signal);
    if (upstream !== undefined && upstream !== '' && sameOrigin(upstream, emulator)) {
      fronts.add(origin);
      pages.add(origin);
      hooks.note({ key: 'probe.note.via_proxy', params: { proxy: origin, emulator } });
      return;
    }
    if (upstream !== undefined) proxies.set(origin, upstream);
    await b.request('GET', url);
  };

  /** Where a browser may go on its own: anywhere before WeChat's authorize page (or a front that leads there). */
  const beforeWechat = (next: string): boolean => authorizeEndpoint(next, pages) === undefined && !maybeFront(next);

  /** Start the login; stop before the browser reaches WeChat's authorize page. */
  const startLogin = async (b: ProbeBrowser, start: string): Promise<{ auth?: AuthorizeInfo; page: Page }> => {
    const { page, pending } = await b.follow(start, beforeWechat);
    if (pending && maybeFront(pending)) await throughFront(b, pending);
    else if (!pending && page.status === 200 && !authorizeLinkIn(page.body, pages)) {
      const link = authorizeLinkIn(page.body, pages, maybeFront);
      if (link) await throughFront(b, link);
    }
    // The host the browser tried, for --json's error.network (as the API client names the one it called).
    const host = new URL(page.url).host;
    if (page.hop.to === 'app' && page.status === 0 && page.hop.error === 'network' && b.hops.length === 1)
      throw new NetworkError('refused', { key: 'probe.app_down', params: { url: start } }, { hint: { key: 'probe.app_down.hint' }, host, mayHaveReachedServer: false });
    // Something listens there, and it hung up on plain HTTP without a word: an HTTPS server, most often.
    // A TLS handshake on the same port tells (an app that drops every request is not one).
    if (page.hop.to === 'app' && page.status === 0 && page.hop.error === 'closed' && b.hops.length === 1) {
      const https = start.startsWith('http:') && (await speaksTls(start, Math.min(options.timeoutMs, 3000), options.signal)) ? start.replace(/^http:/, 'https:') : undefined;
      throw new NetworkError('reset', { key: 'probe.app_closed', params: { url: start } }, { hint: https ? { key: 'probe.app_closed.hint.https', params: { url: https } } : { key: 'probe.app_closed.hint' }, host, mayHaveReachedServer: true });
    }
    // It answered, but not in HTTP Node reads: not "cannot reach", which sends the user to start an app that runs.
    if (page.hop.to === 'app' && page.status === 0 && page.hop.error === 'protocol' && b.hops.length === 1) {
      const code = page.hop.protocolCode ?? 'protocol';
      const big = code === HEADERS_OVERFLOW;
      // Node's limit (16 KB unless --max-http-header-size says otherwise), which fetch keeps to.
      const kb = big ? Math.round(maxHeaderSize / 1024) : 0;
      if (big) throw new NetworkError('other', { key: 'probe.app_headers_big', params: { url: start, code, kb } }, { hint: { key: 'probe.app_headers_big.hint' }, host, mayHaveReachedServer: true });
      throw new NetworkError('other', { key: 'probe.app_not_http', params: { url: start, code } }, { hint: { key: 'probe.app_closed.hint' }, host, mayHaveReachedServer: true });
    }
    if (page.hop.to === 'app' && page.status === 0 && page.hop.error === 'tls' && b.hops.length === 1) {
      // Plain HTTP on that port answers a TLS hello with garbage; anything else is the certificate.
      const plain = answeredPlainHttp(page.hop.tlsCode ?? '');
      const code = page.hop.tlsCode ?? 'tls';
      throw new NetworkError('tls', { key: plain ? 'probe.app_tls.plain' : 'probe.app_tls.cert', params: { url: start, code } }, { hint: { key: plain ? 'probe.app_tls.plain.hint' : 'probe.app_tls.cert.hint', params: { url: start.replace(/^https:/, 'http:') } }, host, mayHaveReachedServer: true });
    }
    const original = pending && authorizeEndpoint(pending, pages) ? pending : page.status === 200 ? authorizeLinkIn(page.body, pages) : undefined;
    if (!original) return { page };
    const endpoint = authorizeEndpoint(original, pages)!;
    const u = new URL(original);
    const routed = b.route(original);
    const auth: AuthorizeInfo = {
      original,
      url: routed.url,
      endpoint,
      appid: u.searchParams.get('appid') ?? '',
      redirectUri: u.searchParams.get('redirect_uri') ?? '',
      scope: u.searchParams.get('scope') ?? '',
      state: u.searchParams.get('state') ?? undefined,
      rewritten: routed.rewritten,
    };
    return { auth, page };
  };

  /** WeChat's part: the authorize page, consent (or refusal), and the callback URL it would send the browser to. */
  const wechatStep = async (b: ProbeBrowser, auth: AuthorizeInfo, decision: 'allow' | 'deny', notes: MessageRef[]): Promise<{ callback?: string; refused?: string }> => {
    const stateOnly = () => appendParams(auth.redirectUri, [['state', auth.state ?? '']]);
    if (decision === 'deny' && auth.scope === 'snsapi_base') {
      // snsapi_base shows no consent page: probe delivers the refusal WeChat's docs describe (§1.4).
      notes.push({ key: 'probe.note.deny_delivered' });
      return { callback: stateOnly() };
    }
    const page = await b.request('GET', auth.url);
    if (page.status >= 300 && page.status < 400 && page.location) return { callback: page.location };
    const ticket = /name="ticket" value="([^"]+)"/.exec(page.body)?.[1];
    if (ticket) {
      // Where the page came from (the emulator, or the proxy in front of it): its cookies are there.
      const reply = await b.postForm(new URL('/connect/oauth2/authorize_reply', auth.url).toString(), { ticket, action: decision });
      if (reply.status >= 300 && reply.status < 400 && reply.location) return { callback: reply.location };
      if (decision === 'deny') {
        notes.push({ key: 'probe.note.deny_delivered' });
        return { callback: stateOnly() };
      }
      return { refused: quoted(wechatWords(reply.body)) };
    }
    const uuid = /\/connect\/qrcode\/([\w-]+)/.exec(page.body)?.[1];
    if (uuid) {
      // 网站应用: the phone scans and confirms (§2.3); a refusal does not redirect, so probe delivers the state-only callback.
      if (decision === 'deny') {
        await control.scan(uuid, 'cancel');
        notes.push({ key: 'probe.note.deny_delivered' });
        return { callback: stateOnly() };
      }
      const scanned = await control.scan(uuid, 'confirm');
      notes.push({ key: 'probe.note.scanned' });
      return scanned.redirect ? { callback: scanned.redirect } : { refused: 'no redirect after scan' };
    }
    return { refused: quoted(wechatWords(page.body)) };
  };

  const deliver = (b: ProbeBrowser, callback: string, duplicate = false) => b.follow(callback, () => true, { duplicate });

  // ── the happy path ──────────────────────────────────────────────────────────────────────────────
  const hb = browser();
  let auth: AuthorizeInfo | undefined;
  let app: PublicApp | undefined;
  let happyCode: string | undefined;
  let happyCallback: string | undefined;
  let happyFinal: { page: Page; pending?: string } | undefined;
  /** The words of the page WeChat (the emulator) showed instead of redirecting ('' when it had none). */
  let happyRefused: string | undefined;
  /** The redirect_uri is not the app's: another server (foreign), or the app's host and port on the other scheme. */
  let callbackElsewhere: keyof typeof SKIP_ELSEWHERE | undefined;
  /** The redirect_uri names the app by its other loopback name (localhost for 127.0.0.1): its origin. */
  let callbackAlias: string | undefined;
  // Where the other emulator's log stands (when one runs at the usual address): its exchanges after this
  // mark are this login's. The one probe can ask is the usual address's.
  const usual = options.usualEmulator ?? DEFAULT_EMULATOR;
  const otherMark = sameOrigin(usual, emulator) ? undefined : await markOtherEmulator(usual, options.signal);
  const happyRun = await scenario('happy', hb, async (notes) => {
    if (basic) hooks.note({ key: 'probe.note.basic_auth', params: { user: basic.username, origin: basic.origin } });
    const started = await startLogin(hb, options.target);
    auth = started.auth;
    if (!auth) return;
    app = apps.find((a) => a.appid === auth!.appid);
    if (!app) return;
    let redirectOrigin: string | undefined;
    try {
      const r = new URL(auth.redirectUri);
      redirectOrigin = r.origin;
      // The callback may name the app by another loopback name (localhost vs 127.0.0.1): still the app,
      // on the same port. Another port is another server, which probe never contacts (README).
      if (isLoopbackHost(r.hostname) && isLoopbackHost(targetUrl.hostname) && r.protocol === targetUrl.protocol && r.port === targetUrl.port && r.origin !== targetUrl.origin) {
        allowed.add(r.origin);
        callbackAlias = r.origin;
      }
    } catch {
      redirectOrigin = undefined;
    }
    if (!redirectOrigin || !allowed.has(redirectOrigin)) {
      // The app's own host and port on the other scheme (https built behind a plain-http server, or the
      // reverse): the app's bug, not a split frontend and backend.
      const r = redirectOrigin ? new URL(redirectOrigin) : undefined;
      const sameHost = r !== undefined && (r.hostname === targetUrl.hostname || (isLoopbackHost(r.hostname) && isLoopbackHost(targetUrl.hostname)));
      const samePort = r !== undefined && portOf(r) === portOf(targetUrl);
      const sameServer = sameHost && samePort && r.protocol !== targetUrl.protocol;
      // The app's host and scheme on another port: a port written into the app's public-URL setting, as
      // often as another server of the user's.
      const samePlaceOtherPort = sameHost && !samePort && r.protocol === targetUrl.protocol;
      callbackElsewhere = sameServer ? 'scheme' : samePlaceOtherPort ? 'port' : 'foreign';
      return;
    }
    if (auth.rewritten) {
      report.rewroteOpenHost = true;
      hooks.note({ key: 'probe.note.rewrote', params: { emulator } });
      notes.push({ key: 'probe.note.rewrote', params: { emulator } });
    }
    const step = await wechatStep(hb, auth, 'allow', notes);
    if (!step.callback) {
      happyRefused = step.refused ?? '';
      return;
    }
    happyCallback = step.callback;
    happyCode = codeOf(step.callback);
    if (happyCode) codesSeen.add(happyCode);
    happyFinal = await deliver(hb, step.callback);
  });
  report.appid = auth?.appid;
  report.scope = auth?.scope;
  report.endpoint = auth?.endpoint;

  // authorize.url
  if (!auth) {
    const last = happyRun.record.hops.at(-1);
    const reason = startFailure(happyRun.record.hops, options.timeoutMs);
    const proxied = reason.problem === 'probe.problem.other_emulator' ? proxies.get(String(reason.host)) : undefined;
    // Statements, not a conditional: a union of the catalogue's messages is more than tsc can hold.
    let otherFix: MessageRef | undefined;
    if (reason.problem === 'probe.problem.other_emulator' && proxied === undefined) otherFix = await otherEmulatorFix(String(reason.host), emulator, options.timeoutMs, options.signal);
    // A 401 that asks for HTTP basic auth (nginx's auth_basic on a staging site): the password, not a cookie.
    // Read off the hop that answered the 401, and only when it is the start URL's own origin: that origin
    // alone is sent the start URL's user:password@, so a 401 from any other host is no password to add there.
    const lastSeen = last?.to === 'app' && last.status === 401 ? seen.at(-1) : undefined;
    const askedBasic =
      reason.problem === 'probe.problem.status' && reason.status === 401 && lastSeen !== undefined && lastSeen.status === 401 && new URL(lastSeen.url).origin === targetUrl.origin && /^www-authenticate:\s*basic\b/im.test(lastSeen.headers);
    let fix: MessageRef =
      proxied !== undefined
        ? proxied === ''
          ? { key: 'probe.authorize.url.fix.other_proxy_unsaid', params: { host: String(reason.host), emulator } }
          : { key: 'probe.authorize.url.fix.other_proxy', params: { host: String(reason.host), upstream: proxied, emulator } }
        : askedBasic
          ? basic
            ? { key: 'probe.authorize.url.fix.basic_auth_refused', params: { url: options.target, user: basic.username } }
            : { key: 'probe.authorize.url.fix.basic_auth', params: { url: options.target } }
          : // 401/403 from the start itself: most often a login that needs the site's own session first.
            reason.problem === 'probe.problem.status' && (reason.status === 401 || reason.status === 403) && !options.cookies?.length
            ? { key: 'probe.authorize.url.fix.session', params: { url: options.target, status: Number(reason.status) } }
            : // It began to answer and its page never ended: what keeps it open, not "should 302-redirect".
              reason.problem === 'probe.problem.body_stalled'
              ? { key: 'probe.authorize.url.fix.stalled', params: { url: options.target, status: Number(reason.status), ms: options.timeoutMs } }
              : { key: 'probe.authorize.url.fix.none', params: { url: options.target } };
    // Another emulator's origin: --emulator named only where an emulator answers (otherEmulatorFix).
    if (otherFix !== undefined) fix = otherFix;
    put({ ...check('authorize.url', 'fail', 'none', { url: options.target, ...reason }, { scenarios: ['happy'], hops: happyRun.record.hops, details: { status: last?.status ?? 0, ...(last?.error ? { error: last.error } : {}) } }, false), fix });
  } else if (!app) {
    put({ ...check('authorize.url', 'fail', 'unknown_appid', { appid: auth.appid, emulator }, { scenarios: ['happy'] }, false), fix: messageRef('probe.authorize.url.fix.unknown_appid', { appid: auth.appid, emulator }) });
  } else {
    const redirectHost = (() => {
      try {
        return new URL(auth.redirectUri).host;
      } catch {
        return '';
      }
    })();
    // The app's own callback domain, as the emulator's seed has it. `host:*` (an emulator convenience:
    // `wxauth emulator --domain appid=localhost:*`) stands for that host with the callback's port.
    const redirectName = redirectHost.split(':')[0];
    const anyPort = app.domain.some((d) => d.endsWith(':*') && d.slice(0, -2) === redirectName);
    // No domain of the app fits: inspect compares with the first, its `:*` dropped (`localhost:*` is the
    // emulator's way of saying any port, which inspect would not read as a domain).
    const domain = anyPort ? redirectHost : (app.domain.find((d) => d === redirectHost || d === redirectName) ?? app.domain[0]?.replace(/:\*$/, ''));
    const inspected = inspectUrl(auth.original, {
      profile: { appid: app.appid, type: app.type, ...(domain ? { domain } : {}), redirectUri: auth.redirectUri },
      ...(auth.rewritten ? {} : { openBase: new URL(auth.original).origin }),
    });
    // The phone here is probe's browser on this machine, so "a phone cannot reach a loopback callback"
    // does not apply to this run; every other finding is inspect's, as `wxauth inspect` shows it.
    // A port on a production account's callback is refused by real WeChat, but when the emulator's domain is
    // `host:*` the user chose any port for this local run (`wxauth emulator --domain appid=localhost:*`, the
    // only way to probe a 网站应用 on localhost:3000): the port is the test setup's, not the app's bug
    // (inspect says it as domain.emulator_only on the emulator, domain.port elsewhere).
    const findings = inspected.findings
      .filter((f) => f.severity !== 'info' && f.id !== 'redirect_uri.loopback_phone' && !(anyPort && (f.id === 'domain.port' || f.id === 'domain.emulator_only' || f.id === 'domain.emulator_only_oa' || f.id === 'domain.emulator_port_test'))).map((f) => {
        const keys = keysOfFinding(f);
        // The callback domain here is the emulator's seed, not wxauth's profile: inspect's "wxauth config
        // set domain" would change the wrong thing.
        const finding = { id: f.id, severity: f.severity, params: findingParamsJson(f.params), message: messageRef(keys.message, f.params), fix: messageRef(keys.fix, f.params) };
        if (EMULATOR_DOMAIN_FINDINGS.has(f.id)) finding.fix = emulatorDomainFix(app!.appid, redirectHost);
        return finding;
      });
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    // The emulator's page outranks the lint's warnings: "WeChat accepts it, with warnings" of a URL the
    // emulator answered with 10003 sent users looking everywhere but the callback domain.
    const refused = !!happyRefused;
    const status = errors > 0 || refused ? 'fail' : warnings > 0 ? 'warn' : 'pass';
    const key = errors > 0 ? (errors === 1 ? 'errors_one' : 'errors') : refused ? 'refused' : warnings > 0 ? (warnings === 1 ? 'warnings_one' : 'warnings') : 'ok';
    // The link itself in the fix's inspect command, quoted for the shell (its state is no secret: probe made it).
    const link = shellWord(auth.original);
    const urlCheck = check('authorize.url', status, key, { endpoint: auth.endpoint, appid: auth.appid, scope: auth.scope, errors, warnings, page: happyRefused ?? '', emulator, link }, { scenarios: ['happy'], findings, details: { url: auth.original.replace(/([?&]state=)[^&#]*/, '$1…') } });
    // Nothing wrong with the callback's domain (a constant state, a scope): each finding's own fix, not
    // advice about callback domains and test accounts.
    // (The emulator's page refusing the link counts when it is WeChat's redirect_uri page, 10003.)
    const domainWrong = findings.some((f) => f.id.startsWith('domain.') || EMULATOR_DOMAIN_FINDINGS.has(f.id)) || (refused && /10003|redirect_uri/.test(happyRefused ?? ''));
    if (urlCheck.fix && !domainWrong) urlCheck.fix = messageRef('probe.authorize.url.fix.findings', { emulator, link });
    // The probed app is the emulator's test account already: "use the test account" would go in a circle.
    else if (urlCheck.fix && app.type === 'test') urlCheck.fix = messageRef('probe.authorize.url.fix.test', { appid: app.appid, emulator, link });
    // A 网站应用 has no test account (no QR login) and no IP callback domain: the localhost way when the
    // callback's host is what is wrong, else the findings' own fixes (each finding carries one).
    else if (urlCheck.fix && app.type === 'website')
      urlCheck.fix = findings.some((f) => f.id.startsWith('domain.'))
        ? { key: 'probe.authorize.url.fix.website', params: { appid: app.appid, port: portOf(targetUrl), emulator, link } }
        : { key: 'probe.authorize.url.fix.findings', params: { emulator, link } };
    put(urlCheck);
  }

  if (!auth || !app || !happyFinal || !happyCode) {

    for (const id of CHECK_IDS) {
      if (results.has(id)) continue;
      if (id === 'login.completes') {
        const evidence: Evidence = { scenarios: ['happy'], hops: happyRun.record.hops };
        if (callbackElsewhere === 'scheme') {
          const callback = auth?.redirectUri ?? '';
          const scheme = callback.slice(0, callback.indexOf(':'));
          const served = targetUrl.protocol.slice(0, -1);
          put({ ...check(id, 'fail', 'scheme_mismatch', { callback, scheme, served }, evidence, false), fix: messageRef('probe.login.completes.fix.scheme_mismatch', { scheme, served, origin: targetUrl.origin }) });
        } else if (callbackElsewhere === 'port') {
          const callback = auth?.redirectUri ?? '';
          const port = String(portOf(new URL(callback)));
          put({ ...check(id, 'fail', 'other_port', { callback, port, origin: targetUrl.origin }, evidence, false), fix: messageRef('probe.login.completes.fix.other_port', { port, origin: targetUrl.origin }) });
        } else if (callbackElsewhere === 'foreign') {
          const callback = auth?.redirectUri ?? '';
          put({ ...check(id, 'fail', 'foreign_callback', { callback, origin: targetUrl.origin }, evidence, false), fix: messageRef('probe.login.completes.fix.foreign_callback', { origin: targetUrl.origin }) });
        } else if (happyRefused) {
          // WeChat's (the emulator's) page stopped it: say its words here too, authorize.url may not have run (--only).
          put(check(id, 'fail', 'not_started_page', { page: happyRefused }, evidence, false));
        } else put(check(id, 'fail', 'not_started', {}, evidence, false));
        continue;
      }
      results.set(id, { id, status: 'skip', message: { key: callbackElsewhere ? SKIP_ELSEWHERE[callbackElsewhere] : 'probe.skip.no_login' }, evidence: {} });
    }
    return finish(report, results, selected, options.showSecrets === true);
  }
  const callbackUrl = happyCallback!;
  const appSecret = app.secret;

  // What the happy path's callback did with the code: WeChat's log says whether the app exchanged it and
  // what WeChat answered. A page that looks fine proves nothing when the exchange failed or never came.
  const happyStatus = await control.codeStatus(happyCode);
  const happyExchanges = happyRun.record.wechat.filter((c) => c.path === '/sns/oauth2/access_token');
  const happyAttempts = happyStatus?.attempts ?? [];
  const exchangedOk = happyStatus?.status === 'exchanged' || happyAttempts.some((a) => a.errcode === 0);
  const failedErrcode = exchangedOk ? undefined : (happyAttempts.find((a) => a.errcode !== 0)?.errcode ?? happyExchanges.find((c) => c.errcode !== undefined && c.errcode !== 0)?.errcode ?? (happyExchanges.find((c) => c.status >= 500) ? -1 : undefined));
  const exchangeAttempted = exchangedOk || failedErrcode !== undefined || happyExchanges.length > 0;
  // No exchange here: the app may send its codes to another emulator (its API host left on an earlier
  // run's), which answers 40029 for a code it never issued.
  const elsewhere = !exchangeAttempted && otherMark !== undefined ? await exchangeAtOtherEmulator(usual, app.appid, otherMark, options.signal) : undefined;
  const elsewhereAnswer = elsewhere ? (elsewhere.errcode ? `errcode ${elsewhere.errcode}` : `HTTP ${elsewhere.status}`) : '';
  const callbackPath = (() => {
    try {
      return new URL(callbackUrl).pathname;
    } catch {
      return callbackUrl;
    }
  })();

  // login.completes
  {
    const { page, pending } = happyFinal;
    const problem = pageProblem(page);
    const evidence: Evidence = { scenarios: ['happy'], hops: happyRun.record.hops, wechat: happyRun.record.wechat };
    const leftCallback = !samePath(page.url, callbackUrl);
    const session = hb.appCookieCount() > 0 || leftCallback;
    const cookies = hb.appCookieCount();
    // The first /sns/userinfo call WeChat refused on the happy path (48001 for a snsapi_base token, 40001
    // for a basic token…), not a fault probe or the user armed: where a login that fails after a good
    // exchange most likely stopped.
    const userinfoRefused = happyRun.record.wechat.find((c) => c.path === PATHS.snsUserinfo && c.errcode && !c.fault);
    const scope = auth.scope;
    const userinfoFix = (c: WechatCall): MessageRef => {
      if (c.errcode === 48001) return messageRef('probe.login.completes.fix.userinfo_scope', { scope });
      return messageRef('probe.login.completes.fix.userinfo_errcode', { errcode: c.errcode! });
    };
    // The code sent under an extra path (a base URL with a path): said whatever page followed, a 500 included.
    const misaddressed = exchangeAttempted ? undefined : misaddressedExchange(happyRun.record.wechat);
    if (pending) put(check('login.completes', 'fail', 'foreign_redirect', { url: new URL(pending).origin }, evidence));
    else if (misaddressed) {
      put({ ...check('login.completes', 'fail', 'misaddressed', { path: callbackPath, sent: misaddressed.path, answer: misaddressed.answer }, evidence, false), fix: messageRef('probe.login.completes.fix.misaddressed', { extra: misaddressed.extra, emulator }) });
    }
    // The code went to another emulator: what the page then shows (an error, a stack) follows from that.
    else if (elsewhere) {
      const params = { path: callbackPath, other: elsewhere.origin, answer: elsewhereAnswer, status: page.status, emulator };
      put({ ...check('login.completes', 'fail', 'other_emulator_api', params, evidence, false), fix: messageRef('probe.login.completes.fix.other_emulator_api', params) });
    }
    // Slow, not broken: what it waits on is the question (a WeChat call without a timeout, a database…).
    // With the authorize link on the real open.weixin.qq.com and no exchange seen, real WeChat's API
    // host is one thing it may be waiting on, not the only one.
    else if (problem?.kind === 'no_answer' && problem.error === 'timeout') {
      let fix: MessageRef = messageRef('probe.login.completes.fix.timeout', { ms: options.timeoutMs });
      // It began to answer (the status came) and then hung: what keeps its page open, not what it waits on.
      if (problem.stalled) fix = messageRef('probe.login.completes.fix.stalled', { status: problem.stalled.status, ms: options.timeoutMs });
      else if (!exchangeAttempted && report.rewroteOpenHost) fix = messageRef('probe.login.completes.fix.timeout_real', { ms: options.timeoutMs, emulator });
      put({ ...check('login.completes', 'fail', 'error_page', problemParams(problem, options.timeoutMs), evidence, false), fix });
    }
    // The browser was sent to the real open.weixin.qq.com and the emulator never saw the exchange: the
    // app's server is still aimed at real WeChat, whatever its page then shows (an error, usually). Not
    // when the callback answered 404: no route takes the path (said by no_exchange below).
    else if (!exchangeAttempted && report.rewroteOpenHost && !(page.status === 404 && !leftCallback)) {
      put({ ...check('login.completes', 'fail', 'real_wechat', { path: callbackPath }, evidence, false), fix: messageRef('probe.login.completes.fix.real_wechat', { emulator, path: callbackPath }) });
    } else if (problem) {
      const broke = check('login.completes', 'fail', 'error_page', problemParams(problem, options.timeoutMs), evidence);
      // After a good exchange, on an app with no 开放平台 account the answer has no unionid (§4): the
      // commonest crash there is code that reads it unconditionally. A /sns/userinfo WeChat refused on
      // the way is the likelier cause, and said first.
      if (exchangedOk && userinfoRefused) put({ ...broke, fix: userinfoFix(userinfoRefused) });
      else put(exchangedOk && !app.openAccount ? { ...broke, fix: messageRef('probe.login.completes.fix.no_unionid', { appid: app.appid }) } : broke);
    }
    else if (!exchangeAttempted) put({ ...check('login.completes', 'fail', 'no_exchange', { path: callbackPath, status: page.status }, evidence, false), fix: messageRef('probe.login.completes.fix.no_exchange', { path: callbackPath }) });
    else if (!exchangedOk) {
      const errcode = failedErrcode ?? -1;
      put({ ...check('login.completes', 'fail', 'exchange_failed', { errcode, status: page.status }, { ...evidence, details: { errcode } }, false), fix: exchangeFix(errcode, app.appid, emulator) });
    } else if (page.status >= 400 && userinfoRefused) {
      // The exchange worked; the login stopped where WeChat refused /sns/userinfo (userinfo.scope's finding).
      const errcode = userinfoRefused.errcode!;
      put({ ...check('login.completes', 'fail', 'userinfo_failed', { status: page.status, errcode }, { ...evidence, details: { errcode } }, false), fix: userinfoFix(userinfoRefused) });
    } else if (page.status >= 400) put(check('login.completes', 'fail', 'error_status', { status: page.status }, evidence));
    else if (!session) put(check('login.completes', 'fail', 'no_session', {}, evidence));
    // The first exchange got the user, and the app then exchanged the same code again (a retry, a second
    // handler): WeChat's answer to that one (40163) is what many apps show, whatever the status says.
    else if (happyAttempts.slice(1).some((a) => a.errcode !== 0)) {
      const errcode = reuseErrcode(happyAttempts);
      put({ ...check('login.completes', 'warn', 'then_failed', { status: page.status, errcode }, { ...evidence, details: { errcode } }, false), fix: messageRef('probe.login.completes.fix.then_failed') });
    } else put(check('login.completes', 'pass', cookies === 1 ? 'ok_one' : 'ok', { status: page.status, cookies }, evidence));
    // Started on one loopback name, called back on the other: a browser keeps cookies per host name, so
    // the session that holds the state (or the return path) never reaches the callback. As a user's
    // browser would fail the same way, the failure stays; what it is, is said first. Only when the
    // callback exchanged nothing: an exchange means its state check passed, and the failure (an
    // errcode, a crash) is its own.
    if (callbackAlias !== undefined && !exchangeAttempted && results.get('login.completes')?.status === 'fail') {
      // The start URL's user:password@ (basic auth) goes with it: that name is still behind the gate. Said
      // as user:***, as the target is, so the user sees the credentials are needed without the password shown.
      const aliasStart = new URL(callbackAlias + options.target.slice(targetUrl.origin.length));
      if (basic) {
        const typed = new URL(given.target);
        aliasStart.username = typed.username;
        aliasStart.password = typed.password;
      }
      const start = hideUrlCredentials(aliasStart.toString());
      put({
        ...check('login.completes', 'fail', 'loopback_alias', { callback: callbackAlias, origin: targetUrl.origin, start }, evidence, false),
        fix: messageRef('probe.login.completes.fix.loopback_alias', { callback: callbackAlias, start }),
      });
    }
  }

  /**
   * The happy path ended in an error page after WeChat's part (login.completes): a scenario that ends on
   * the same page says nothing new, and its fix (retry the exchange, remember codes…) would send the user
   * after a bug that is not there. Such outcomes are skipped, pointing at login.completes.
   */
  const happyBroke = ['probe.login.completes.error_page', 'probe.login.completes.error_status', 'probe.login.completes.userinfo_failed'].includes(results.get('login.completes')?.message.key ?? '');
  /**
   * The happy path got to its end without a failure or warning of login.completes: only then is "the
   * login makes no such call" an observation. A login that stopped on the way (a second exchange's 40163,
   * an error page) may make the call after the point where it stopped.
   */
  const happyDone = results.get('login.completes')?.status === 'pass';
  const sameFailure = (id: CheckId, scenarioId: ScenarioId, evidence: Evidence = {}) => put({ id, status: 'skip', message: { key: 'probe.skip.same_failure' }, evidence: { scenarios: [scenarioId], ...evidence } });

  /**
   * The happy path's callback did not answer within --timeout (`stalled`: its status came, its page never
   * ended): probe hung up, and what it knows of the exchange is what the emulator had seen by then.
   */
  const unanswered = happyFinal.page.status === 0 && happyFinal.page.hop.error === 'timeout' ? { stalled: happyFinal.page.hop.stalled } : undefined;

  /**
   * Checks that only mean something when the happy path's callback exchanged a code (`attempt`) or got a
   * user out of it (`ok`): otherwise "refused before the code was exchanged" is true of an app that
   * never exchanges anything. Returns false (and records the skip) when `id` cannot be judged.
   */
  const judgeable = (id: CheckId, needs: 'attempt' | 'ok'): boolean => {
    if (!runs(id)) return false;
    if (!exchangeAttempted) {
      // A callback that never answered (slower than --timeout) is not one that "never exchanged".
      let message = messageRef('probe.skip.no_exchange', { path: callbackPath });
      if (elsewhere) message = messageRef('probe.skip.exchanged_elsewhere', { path: callbackPath, other: elsewhere.origin, answer: elsewhereAnswer });
      else if (unanswered?.stalled) message = messageRef('probe.skip.stalled', { path: callbackPath, status: unanswered.stalled.status, ms: options.timeoutMs });
      else if (unanswered) message = messageRef('probe.skip.no_answer', { path: callbackPath, ms: options.timeoutMs });
      put({ id, status: 'skip', message, evidence: { scenarios: ['happy'] } });
      return false;
    }
    if (needs === 'ok' && !exchangedOk) {
      put({ id, status: 'skip', message: messageRef('probe.skip.exchange_failed', { errcode: failedErrcode ?? -1 }), evidence: { scenarios: ['happy'] } });
      return false;
    }
    return true;
  };

  // code.exchanged_once
  {
    const attempts = happyAttempts.length;
    const evidence: Evidence = { scenarios: ['happy'], wechat: happyExchanges, details: { attempts } };
    // No exchange at all is login.completes's failure (the app not aimed at this emulator, usually): a
    // second failure here would only add a fix about single-use codes that does not fit.
    // A callback that did not answer may still exchange the code after probe stopped waiting: "never
    // exchanged" is more than probe knows; what the emulator had seen when it hung up is what it knows.
    if (attempts === 0 && !exchangeAttempted) {
      let message = messageRef('probe.skip.no_exchange', { path: callbackPath });
      if (elsewhere) message = messageRef('probe.skip.exchanged_elsewhere', { path: callbackPath, other: elsewhere.origin, answer: elsewhereAnswer });
      else if (unanswered?.stalled) message = messageRef('probe.skip.stalled_unexchanged', { path: callbackPath, status: unanswered.stalled.status, ms: options.timeoutMs });
      else if (unanswered) message = messageRef('probe.skip.no_answer_unexchanged', { path: callbackPath, ms: options.timeoutMs });
      put({ id: 'code.exchanged_once', status: 'skip', message, evidence });
    }
    else if (attempts > 1) put(check('code.exchanged_once', 'fail', 'twice', { attempts, errcode: reuseErrcode(happyAttempts) }, evidence));
    else if (!exchangedOk) put({ id: 'code.exchanged_once', status: 'skip', message: messageRef('probe.skip.exchange_failed', { errcode: failedErrcode ?? -1 }), evidence });
    else put(check('code.exchanged_once', 'pass', 'ok', { attempts }, evidence));
  }

  // url.code_left
  if (judgeable('url.code_left', 'ok')) {
    const finalUrl = happyFinal.page.url;
    const evidence: Evidence = { scenarios: ['happy'], details: { final: happyFinal.page.hop.url } };
    // An error page at the callback keeps the code in the address bar: the error is the bug to fix first.
    if (happyBroke && urlHasCode(finalUrl)) sameFailure('url.code_left', 'happy', evidence);
    else put(urlHasCode(finalUrl) ? check('url.code_left', 'fail', 'left', {}, evidence) : check('url.code_left', 'pass', 'ok', {}, evidence));
  }

  /** The seeded user the happy path logged in as: the code's user, else the one the app got the openid of. */
  const happyUser = (users: PublicUser[]): PublicUser | undefined => {
    const openid = happyStatus?.tokens?.openid;
    return users.find((u) => u.id === happyStatus?.user) ?? users.find((u) => openid !== undefined && u.openids[app!.appid] === openid);
  };
  /** How a page may show `u` signed in to this app: its openid, nickname and (bound to 开放平台) unionid. */
  const identity = (u: PublicUser): Identity => {
    const unionid = app!.openAccount ? u.unionids[app!.openAccount] : undefined;
    return { openid: u.openids[app!.appid] ?? '', nickname: u.nickname, ...(unionid ? { unionid } : {}) };
  };

  // session.renewed: the app's cookies when the browser left for WeChat, against those after the login
  // (before the reload below, which uses the same browser). A login that keeps the session it found
  // signs in whoever planted that session's id before it (session fixation, OWASP): the id must change.
  if (judgeable('session.renewed', 'ok')) {
    const before = hb.appCookiesBeforeWechat ?? new Map<string, string>();
    const after = hb.appCookies();
    const nameOf = (key: string) => key.slice(key.indexOf(' ') + 1);
    // Names only: a session cookie's value is the session.
    const names = (keys: Iterable<string>) => [...keys].map(nameOf);
    // The evidence keeps its one-string shape for --json; the message takes the list, joined in the user's language.
    const evidence: Evidence = { scenarios: ['happy'], details: { before: names(before.keys()).join(', '), after: names(after.keys()).join(', ') } };
    const kept = [...before.keys()].filter((key) => after.get(key) === before.get(key));
    // Only a kept cookie that may say who the visitor is can be a planted session: a language, a flash
    // message or a CSRF token left as it was signs no one in, and is never named as the session.
    const keptSession = kept.filter((key) => !NO_IDENTITY_COOKIE_NAME.test(nameOf(key)));
    // Cookies the login set anew (added, or given another value).
    const renewed = [...after].filter(([key, value]) => before.get(key) !== value).map(([key]) => key);
    // Cookies from before that the login set again with another value, whose name may say who the visitor is.
    const reissued = [...before.keys()].filter((key) => after.has(key) && after.get(key) !== before.get(key) && !NO_IDENTITY_COOKIE_NAME.test(nameOf(key)));
    /** Of cookies from before set again, those whose new value may seal the same session anew (sealedValue). */
    const sealed = (keys: readonly string[]) => keys.filter((key) => before.has(key) && sealedValue(after.get(key)));
    /** `kept`, `kept_session`, `planted` and `planted_page` say "the cookie … is" for one name, "the cookies … are" for several. */
    const counted = (key: 'kept' | 'kept_session' | 'planted' | 'planted_page') => (keptSession.length === 1 ? (`${key}_one` as const) : key);
    if (!happyDone) sameFailure('session.renewed', 'happy', evidence);
    else {
      // Which cookie signs the user in is not in the names (.AspNetCore.Session kept beside a new
      // .AspNetCore.Cookies is right; sid kept beside a new flash is fixation). Tried as an attacker
      // would: a fresh browser with only the cookies from before the login opens the page the login
      // ended on, and is it signed in as the user? First one with no cookies at all: a page that shows
      // the user to anyone with its URL (a token in the query) says nothing about the cookies, and is
      // said whatever the cookies did (a login that renewed them all still ends on such an address).
      const landing = happyFinal.page;
      const first = happyUser(await control.users());
      const nobody: Identity = { openid: '', nickname: '' };
      const judged = first && !samePath(landing.url, callbackUrl) && identityShown(landing.body, identity(first), nobody).length > 0;
      // The address signs the user in: finish() masks the values in it that look like the credential
      // (and a callback's code) wherever it is said, unless --show-secrets.
      const url = landing.hop.url;
      /**
       * The landing page compared whole, for a page that shows no one. A browser with no cookies that gets
       * the very page the user got (status, address, body) shows the page tells no one apart (a ticket in
       * its address, a page that loads the user with script): `bare`, the cookies cannot be judged by it.
       * Else a browser with only the pre-login cookies: the user's page (`landing`) while the bare one went
       * elsewhere (back to the login) is fixation; where the bare one went (`bare_replay`) means they sign
       * no one in; anything else is `neither`.
       */
      /**
       * A fresh browser with only the cookies from before the login opens the landing page (drawn in the
       * report as the other scenarios are): whom it shows, and the evidence after the bare browser's.
       */
      const replayPlanted = async (bareEvidence: Evidence): Promise<{ page: Page; shown: ReturnType<typeof identityShown>; status: number; replayed: Evidence }> => {
        const rb = browser();
        const { value: again } = await scenario('session_replay', rb, async () => {
          rb.plantAppCookies(before);
          return rb.follow(landing.url, beforeWechat);
        });
        const shown = first ? identityShown(again.page.body, identity(first), nobody) : [];
        const replayed: Evidence = { ...bareEvidence, scenarios: ['happy', 'session_bare', 'session_replay'], hops: [...(bareEvidence.hops ?? []), ...rb.hops], details: { ...bareEvidence.details, replayed: url, replayStatus: again.page.status } };
        return { page: again.page, shown, status: again.page.status, replayed };
      };
      const comparePages = async (): Promise<{ same: 'bare' | 'landing' | 'bare_replay' | 'neither'; status: number; evidence: Evidence }> => {
        const samePage = (a: Page, b: Page) => a.status === b.status && a.url === b.url && a.body === b.body;
        const nb = browser();
        const { value: opened } = await scenario('session_bare', nb, async () => nb.follow(landing.url, beforeWechat));
        const bareEvidence: Evidence = { ...evidence, scenarios: ['happy', 'session_bare'], hops: nb.hops, details: { ...evidence.details, bare: url, bareStatus: opened.page.status } };
        if (samePage(opened.page, landing)) return { same: 'bare', status: opened.page.status, evidence: bareEvidence };
        const { page: again, status, replayed } = await replayPlanted(bareEvidence);
        const same = samePage(again, landing) ? 'landing' : samePage(again, opened.page) ? 'bare_replay' : 'neither';
        return { same, status, evidence: replayed };
      };
      let bare: { shown: ReturnType<typeof identityShown>; evidence: Evidence } | undefined;
      if (judged) {
        const nb = browser();
        const { value: opened } = await scenario('session_bare', nb, async () => nb.follow(landing.url, beforeWechat));
        bare = { shown: identityShown(opened.page.body, identity(first), nobody), evidence: { ...evidence, scenarios: ['happy', 'session_bare'], hops: nb.hops, details: { ...evidence.details, bare: url, bareStatus: opened.page.status } } };
      }
      if (judged && bare && bare.shown.length > 0) put({ ...check('session.renewed', 'warn', before.size === 0 ? 'url_signs_in_none' : 'url_signs_in', { url, what: `probe.what.${bare.shown[0]}` }, bare.evidence, false), fix: messageRef('probe.session.renewed.fix_url') });
      // No cookie before WeChat: no session to renew (the address above is said all the same).
      else if (before.size === 0) put(check('session.renewed', 'skip', 'none', {}, bare?.evidence ?? evidence));
      // A cookie from before set again with a new value may hold the same session (Laravel encrypts its
      // session cookie anew on every answer): a new value proves nothing, so the old one is replayed.
      else if (judged && bare && reissued.length > 0 && keptSession.length === 0) {
        const { shown, replayed, status } = await replayPlanted(bare.evidence);
        if (shown.length > 0) put(check('session.renewed', 'fail', reissued.length === 1 ? 'reissued_one' : 'reissued', { names: names(reissued), url, what: `probe.what.${shown[0]}` }, replayed));
        else put(check('session.renewed', 'pass', 'ok_reissued', { names: names(reissued), url, status }, replayed));
      }
      // A cookie set again with a new value, and a page that shows no one: the new value may re-encrypt the
      // same session (Laravel), so the names prove nothing and the page is compared whole, as below for a
      // kept session beside a new flash. (A login that ends on the callback cannot be opened again.)
      else if (!judged && reissued.length > 0 && keptSession.length === 0 && !samePath(landing.url, callbackUrl)) {
        const pages = await comparePages();
        const params = { names: names(reissued), url };
        if (pages.same === 'bare') put(check('session.renewed', 'warn', 'untested_reissued_page', { ...params, status: landing.status }, pages.evidence, false));
        else if (pages.same === 'landing') put(check('session.renewed', 'fail', reissued.length === 1 ? 'reissued_page_one' : 'reissued_page', { ...params, status: landing.status }, pages.evidence));
        else if (pages.same === 'bare_replay') put(check('session.renewed', 'pass', 'ok_reissued_page', { ...params, status: pages.status }, pages.evidence));
        else put(check('session.renewed', 'warn', 'unclear_reissued_page', { ...params, status: pages.status }, pages.evidence, false));
      }
      // The same on a login that ends on its callback: that address cannot be opened again (its code is
      // spent, and another exchange would count in callback.reload), so the old value goes untested.
      // Only a value that may seal the same session anew (sealedValue): a short id that changed is a new session.
      else if (sealed(reissued).length > 0 && keptSession.length === 0 && samePath(landing.url, callbackUrl)) put(check('session.renewed', 'warn', 'untested_reissued_callback', { names: names(sealed(reissued)), url }, evidence, false));
      // Every cookie from before changed or is gone: a planted value names no session any more.
      else if (kept.length === 0) put(check('session.renewed', 'pass', 'ok', {}, bare?.evidence ?? evidence));
      // The ones left as they were carry no identity: no session id from before survives the login.
      else if (keptSession.length === 0) put(check('session.renewed', 'pass', 'ok_no_identity_kept', { names: names(kept) }, bare?.evidence ?? evidence));
      // Nothing new: the cookies from before are the signed-in session.
      else if (renewed.length === 0) put(check('session.renewed', 'fail', counted('kept'), { names: names(keptSession) }, evidence));
      else if (judged && bare) {
        const { shown, replayed, status } = await replayPlanted(bare.evidence);
        if (shown.length > 0) put(check('session.renewed', 'fail', counted('planted'), { names: names(keptSession), url, what: `probe.what.${shown[0]}` }, replayed));
        else put(check('session.renewed', 'pass', 'ok_kept', { names: names(keptSession), renewed: names(renewed), url, status }, replayed));
      } else {
        // The page shows no one (or is the callback), and an identity cookie from before was kept: by the
        // names. A new cookie counts as the new session unless its name says it carries no identity (a
        // flash message, a language, a CSRF token, a load balancer's).
        const signs = renewed.filter((key) => !NO_IDENTITY_COOKIE_NAME.test(nameOf(key)));
        // Beside a kept one, only an added cookie proves a new session by its name: one from before set
        // again (a re-encrypted session, a last_visit stamp, a counter) may leave the kept sid signing in.
        const added = signs.filter((key) => !before.has(key));
        if (added.length > 0) put(check('session.renewed', 'pass', 'ok', {}, evidence));
        else if (signs.length > 0 && samePath(landing.url, callbackUrl)) put(check('session.renewed', 'warn', 'untested_kept_callback', { names: names(keptSession), reissued: names(signs), url }, evidence, false));
        else if (signs.length > 0) {
          const pages = await comparePages();
          if (pages.same === 'bare') put(check('session.renewed', 'warn', 'untested_page', { names: names(keptSession), url, status: landing.status }, pages.evidence, false));
          else if (pages.same === 'landing') put(check('session.renewed', 'fail', counted('planted_page'), { names: names(keptSession), url, status: landing.status }, pages.evidence));
          else if (pages.same === 'bare_replay') put(check('session.renewed', 'pass', 'ok_kept_page', { names: names(keptSession), url, status: pages.status }, pages.evidence));
          // Neither page, and the names cannot say either (the one set again may or may not be the session).
          else put(check('session.renewed', 'warn', 'unclear_kept_page', { names: names(keptSession), reissued: names(signs), url, status: pages.status }, pages.evidence, false));
        } else if (samePath(landing.url, callbackUrl)) put(check('session.renewed', 'fail', counted('kept_session'), { names: names(keptSession), added: names(renewed) }, evidence));
        else {
          // Only a flash beside the kept session cookies: by the names that is fixation, but the page is
          // compared whole before saying so (comparePages).
          const pages = await comparePages();
          if (pages.same === 'bare') put(check('session.renewed', 'warn', 'untested_page', { names: names(keptSession), url, status: landing.status }, pages.evidence, false));
          else {
            const replayed = pages.evidence;
            if (pages.same === 'landing') put(check('session.renewed', 'fail', counted('planted_page'), { names: names(keptSession), url, status: landing.status }, replayed));
            else if (pages.same === 'bare_replay') put(check('session.renewed', 'pass', 'ok_kept_page', { names: names(keptSession), url, status: pages.status }, replayed));
            // Neither page: by the names.
            else put(check('session.renewed', 'fail', counted('kept_session'), { names: names(keptSession), added: names(renewed) }, replayed));
          }
        }
      }
    }
  }

  // callback.reload: the same browser, a little later, the same callback URL. Only after an exchange that
  // worked: an app retrying a code whose exchange failed (a wrong secret, 40125) does right, and no 40163
  // ever comes.
  if (judgeable('callback.reload', 'ok')) {
    if (options.reloadDelayMs > 0) await sleep(options.reloadDelayMs, undefined, { signal: options.signal });
    const before = happyStatus?.attempts.length ?? 0;
    const { value: final, record } = await scenario('reload', hb, async () => deliver(hb, callbackUrl));
    const afterAttempts = (await control.codeStatus(happyCode))?.attempts ?? [];
    const after = afterAttempts.length;
    const errcode = reuseErrcode(afterAttempts.slice(before - 1));
    const problem = pageProblem(final.page);
    const evidence: Evidence = { scenarios: ['reload'], hops: record.hops, wechat: record.wechat, details: { exchangesBefore: before, exchangesAfter: after } };
    if (happyBroke && after === before && (problem || final.page.status >= 400)) sameFailure('callback.reload', 'reload', evidence);
    else if (problem) put(check('callback.reload', 'fail', 'error_page', problemParams(problem, options.timeoutMs), evidence));
    else if (after > before && (final.page.status >= 400 || showsCodeUsed(final.page.body))) put(check('callback.reload', 'fail', 'code_used_shown', { status: final.page.status, errcode }, evidence));
    // No second exchange, but an error page all the same (a state check that refuses a callback it has
    // already served): the user who reloads sees an error although signed in.
    else if (final.page.status >= 400 || showsCodeUsed(final.page.body)) put(check('callback.reload', 'warn', 'refused', { status: final.page.status }, evidence));
    else put(check('callback.reload', 'pass', after > before ? 'ok_reexchanged' : 'ok', { status: final.page.status, errcode }, evidence));
  }

  /** A fresh session up to the callback WeChat would deliver (not delivered). */
  const upToCallback = async (b: ProbeBrowser, decision: 'allow' | 'deny', notes: MessageRef[], start = options.target) => {
    const started = await startLogin(b, start);
    if (!started.auth) return undefined;
    const step = await wechatStep(b, started.auth, decision, notes);
    if (step.callback) {
      const code = codeOf(step.callback);
      if (code) codesSeen.add(code);
    }
    return step.callback ? { auth: started.auth, callback: step.callback } : undefined;
  };
  const lost = (id: CheckId, scenarioId: ScenarioId) => put({ id, status: 'skip', message: { key: 'probe.skip.scenario_lost' }, evidence: { scenarios: [scenarioId] } });

  /** The hops browser `from` made since hop `since`, added to `record` (a scenario of browser `into`) on its time scale. */
  const adoptHops = (record: ScenarioRecord, from: ProbeBrowser, since: number, into: ProbeBrowser): void => {
    for (const h of from.hops.slice(since)) record.hops.push({ ...h, startMs: Math.max(0, h.startMs + from.started - into.started) });
  };

  /**
   * Another person for a second login: a test account's consent is for its followers only (10006, §1.5),
   * so another follower if the seed has one, else any other user (who follows it for that one login).
   */
  const otherUser = (users: PublicUser[], first: PublicUser | undefined): PublicUser | undefined => {
    const others = users.filter((u) => u !== first);
    return app!.type === 'test' ? (others.find((u) => u.follows.includes(app!.appid)) ?? others[0]) : others[0];
  };
  /**
   * `user` logs in, in browser `b`, as the emulator's current user for this one login; on a test account
   * they do not follow, they follow it for it (POST /__emulator/follow). Both are put back afterwards,
   * Ctrl-C included. 'no_follow' when this emulator cannot make them follow; undefined when the login
   * never reached the callback.
   */
  const loginAs = async (b: ProbeBrowser, user: PublicUser, notes: MessageRef[]): Promise<{ page: Page; pending?: string } | 'no_follow' | undefined> => {
    const onto = app!;
    const previous = await control.currentUser();
    let followed = false;
    await control.setUser(user.id);
    try {
      if (onto.type === 'test' && !user.follows.includes(onto.appid)) {
        followed = await control.follow(user.id, onto.appid, true);
        if (!followed) return 'no_follow';
      }
      notes.push(messageRef(followed ? 'probe.note.second_user_followed' : 'probe.note.second_user', { user: user.id, name: user.nickname, appid: onto.appid }));
      const got = await upToCallback(b, 'allow', notes);
      return got ? await deliver(b, got.callback) : undefined;
    } finally {
      if (followed) await control.follow(user.id, onto.appid, false, true);
      await control.setUser(previous, true);
    }
  };

  // session.per_user: two people signed in at once each keep their own account. The happy path's browser
  // is the first person; another seeded user logs in in a fresh browser; then the first person opens
  // their landing page again. An app that keeps the signed-in user where every visitor reads it (a
  // module-level variable, a profile or token cached under the appid or a fixed key) shows the second
  // user there, or hands the second user the first one's profile. One more login, one more page.
  /**
   * Whether session.per_user's second person (unionids present) landed on a page that shows them: the
   * baseline unionid.absent holds the same person's login without a unionid against.
   */
  let secondWithUnionid: { user: string; shown: boolean } | undefined;
  if (judgeable('session.per_user', 'ok')) {
    const landing = happyFinal.page;
    const url = landing.hop.url;
    const users = await control.users();
    const first = happyUser(users);
    const second = otherUser(users, first);
    const evidence: Evidence = { scenarios: ['happy'], details: { landing: url } };
    if (!happyDone) sameFailure('session.per_user', 'happy', evidence);
    // The login ends on the callback (the code still in its URL): opening it again logs in again.
    else if (samePath(landing.url, callbackUrl)) put(check('session.per_user', 'skip', 'at_callback', { url }, evidence));
    else if (!first || !second) put(check('session.per_user', 'skip', 'one_user', { emulator }, evidence));
    else if (identityShown(landing.body, identity(first), identity(second)).length === 0) put(check('session.per_user', 'skip', 'no_identity', { url }, evidence));
    else {
      const one = identity(first);
      const two = identity(second);
      const who = { first: first.id, firstName: first.nickname, second: second.id, secondName: second.nickname, url };
      const b = browser();
      let revisitFrom = 0;
      const { value, record } = await scenario('second_user', b, async (notes) => {
        const landed = await loginAs(b, second, notes);
        if (landed === 'no_follow') return 'no_follow' as const;
        if (!landed) return undefined;
        // The first person again, in their own browser; a way back to the login stops before WeChat.
        revisitFrom = hb.hops.length;
        const again = await hb.follow(landing.url, beforeWechat);
        return { landed, again };
      });
      // The first browser's hops belong to this scenario too.
      if (value && value !== 'no_follow') adoptHops(record, hb, revisitFrom, b);
      const details = { first: first.id, second: second.id, landing: url };
      if (value === 'no_follow') put(check('session.per_user', 'skip', 'no_follower', { ...who, appid: app.appid }, { scenarios: ['second_user'], details }));
      else if (!value) lost('session.per_user', 'second_user');
      else {
        const secondUrl = value.landed.page.hop.url;
        const againPage = value.again.page;
        const evidence: Evidence = { scenarios: ['second_user'], hops: record.hops, wechat: record.wechat, details: { ...details, secondLanding: secondUrl, revisitStatus: againPage.status } };
        const againShowsSecond = identityShown(againPage.body, two, one);
        const secondShowsFirst = identityShown(value.landed.page.body, one, two);
        secondWithUnionid = { user: second.id, shown: identityShown(value.landed.page.body, two, one).length > 0 };
        // Both browsers still send a --cookie as given (the app's own session, which the login kept, or the
        // site's account): the two people were one visitor of the site, and a mix-up may be probe's doing.
        const shared = sharedStartCookies(hb, b);
        if ((againShowsSecond.length > 0 || secondShowsFirst.length > 0) && shared.length > 0) put(check('session.per_user', 'skip', 'shared_cookie', { ...who, names: shared }, evidence));
        else if (againShowsSecond.length > 0) put(check('session.per_user', 'fail', 'shows_second', { ...who, what: `probe.what.${againShowsSecond[0]}` }, evidence));
        else if (secondShowsFirst.length > 0) put(check('session.per_user', 'fail', 'second_sees_first', { ...who, secondUrl, what: `probe.what.${secondShowsFirst[0]}` }, evidence));
        else if (identityShown(value.landed.page.body, two, one).length === 0) put(check('session.per_user', 'skip', 'second_unknown', { ...who, secondUrl, status: value.landed.page.status }, evidence));
        else if (identityShown(againPage.body, one, two).length > 0) put(check('session.per_user', 'pass', 'ok', who, evidence));
        else put(check('session.per_user', 'skip', 'gone', { ...who, status: againPage.status }, evidence));
      }
    }
  }

  // unionid.absent: WeChat gives a unionid only to snsapi_userinfo/snsapi_login grants of apps bound to a
  // 开放平台 account (§4); a 测试号, an app not yet bound or a snsapi_base login gets none. A server written
  // against one that has it crashes without it, or keys its accounts by the missing value ("undefined",
  // "null", ""), and every user without a unionid then shares one account. The app is unbound from its
  // account (POST /__emulator/open-account) for two logins: the first person again in a fresh browser, then
  // a second person in another one, and the first browser opens its page again. Bound again afterwards.
  if (judgeable('unionid.absent', 'ok')) {
    const account = app.openAccount;
    const landing = happyFinal.page;
    if (!happyDone) sameFailure('unionid.absent', 'happy');
    // The happy path had no unionid either: the app already does without one (login.completes judged it).
    else if (!account) put(check('unionid.absent', 'skip', 'skip_unbound', { appid: app.appid }, { scenarios: ['happy'] }));
    else if ((happyStatus?.scope ?? auth.scope) === 'snsapi_base') put(check('unionid.absent', 'skip', 'skip_base', { scope: 'snsapi_base' }, { scenarios: ['happy'] }));
    else {
      const appid = app.appid;
      const users = await control.users();
      const first = happyUser(users);
      const second = otherUser(users, first);
      const withoutUnionid = (u: PublicUser | undefined): Identity => (u ? { openid: u.openids[appid] ?? '', nickname: u.nickname } : { openid: '', nickname: '' });
      const one = withoutUnionid(first);
      const two = withoutUnionid(second);
      const happyUnionid = first?.unionids[account];
      /** `body` with the app unbound, bound again after (Ctrl-C included); 'no_endpoint' on an emulator without the control. */
      const unbound = async <T>(notes: MessageRef[], body: () => Promise<T>): Promise<T | 'no_endpoint'> => {
        if (!(await control.setOpenAccount(appid, null))) return 'no_endpoint';
        notes.push(messageRef('probe.note.unbound', { appid, account }));
        try {
          return await body();
        } finally {
          await control.setOpenAccount(appid, account, true);
        }
      };
      const nb = browser();
      const { value: alone, record: aloneRecord } = await scenario('no_unionid', nb, (notes) =>
        unbound(notes, async () => {
          const got = await upToCallback(nb, 'allow', notes);
          return got ? { landed: await deliver(nb, got.callback), code: codeOf(got.callback) } : undefined;
        }),
      );
      const details = { appid, openAccount: account };
      const evidence: Evidence = { scenarios: ['no_unionid'], hops: aloneRecord.hops, wechat: aloneRecord.wechat, details };
      const status = alone && alone !== 'no_endpoint' && alone.code ? await control.codeStatus(alone.code) : undefined;
      const page = alone && alone !== 'no_endpoint' ? alone.landed.page : undefined;
      const url = page?.hop.url ?? '';
      const failure = page ? pageFailure(page, options.timeoutMs) : undefined;
      const literal = page ? missingValueShown(page.body, landing.body, happyUnionid) : undefined;
      if (alone === 'no_endpoint') put(check('unionid.absent', 'skip', 'skip_old_emulator', { emulator }, { scenarios: ['happy'] }));
      else if (!alone || !page) lost('unionid.absent', 'no_unionid');
      // The exchange itself failed (a fault the user armed, say): nothing here says what a missing unionid does.
      // Its errcode as the app got it: the code's own attempts, else the emulator's log of the call (a
      // fault answers before the code is looked up, leaving no attempt on it), as the happy path's.
      else if (status?.status !== 'exchanged') {
        const errcode = status?.attempts.find((a) => a.errcode !== 0)?.errcode ?? aloneRecord.wechat.find((c) => c.path === PATHS.snsAccessToken && c.errcode !== undefined && c.errcode !== 0)?.errcode ?? -1;
        put(check('unionid.absent', 'skip', 'exchange_failed', { errcode }, evidence));
      }
      else if (failure) put(check('unionid.absent', 'fail', 'error_page', failure, evidence));
      else if (literal) put(check('unionid.absent', 'fail', 'literal', { value: literal, url }, evidence));
      else if (!first || identityShown(page.body, one, two).length === 0) put(check('unionid.absent', 'skip', 'no_identity', { url }, evidence));
      else if (!second) put(check('unionid.absent', 'skip', 'one_user', { emulator }, evidence));
      else {
        const who = { first: first.id, firstName: first.nickname, second: second.id, secondName: second.nickname, url };
        // A login that ends on the callback (the code in its URL) would log in again if opened: not revisited.
        const revisit = !samePath(page.url, callbackUrl);
        const sb = browser();
        let revisitFrom = 0;
        const { value: pair, record } = await scenario('no_unionid_second', sb, (notes) =>
          unbound(notes, async () => {
            const landed = await loginAs(sb, second, notes);
            if (landed === 'no_follow' || !landed) return landed;
            revisitFrom = nb.hops.length;
            const again = revisit ? await nb.follow(page.url, beforeWechat) : undefined;
            return { landed, again };
          }),
        );
        // The first browser's hops belong to this scenario too.
        if (typeof pair === 'object' && pair !== null && pair.again) adoptHops(record, nb, revisitFrom, sb);
        const both: Evidence = { scenarios: ['no_unionid', 'no_unionid_second'], hops: [...aloneRecord.hops, ...record.hops], wechat: [...aloneRecord.wechat, ...record.wechat], details: { ...details, first: first.id, second: second.id, landing: url } };
        if (pair === 'no_endpoint') put(check('unionid.absent', 'skip', 'skip_old_emulator', { emulator }, both));
        else if (pair === 'no_follow') put(check('unionid.absent', 'skip', 'no_follower', { ...who, appid }, both));
        else if (!pair) lost('unionid.absent', 'no_unionid_second');
        else {
          const secondPage = pair.landed.page;
          const secondUrl = secondPage.hop.url;
          const secondFailure = pageFailure(secondPage, options.timeoutMs);
          const secondLiteral = missingValueShown(secondPage.body, landing.body, happyUnionid);
          const secondShowsFirst = identityShown(secondPage.body, one, two);
          const againShowsSecond = pair.again ? identityShown(pair.again.page.body, two, one) : [];
          // session.per_user saw the same mix-up with unionids present: it is not the missing unionid's.
          const perUser = results.get('session.per_user')?.status === 'fail';
          const shared = sharedStartCookies(nb, sb);
          if (secondFailure) put(check('unionid.absent', 'fail', 'second_failed', { ...who, secondUrl, ...secondFailure }, both));
          else if (secondLiteral) put(check('unionid.absent', 'fail', 'literal', { value: secondLiteral, url: secondUrl }, both));
          else if ((secondShowsFirst.length > 0 || againShowsSecond.length > 0) && shared.length > 0) put(check('unionid.absent', 'skip', 'shared_cookie', { ...who, names: shared }, both));
          else if ((secondShowsFirst.length > 0 || againShowsSecond.length > 0) && perUser) put(check('unionid.absent', 'skip', selected('session.per_user') ? 'same_as_per_user' : skipped('session.per_user') ? 'same_as_per_user_skipped' : 'same_as_per_user_unselected', who, both));
          else if (secondShowsFirst.length > 0) put(check('unionid.absent', 'fail', 'merged', { ...who, secondUrl, what: `probe.what.${secondShowsFirst[0]}` }, both));
          else if (againShowsSecond.length > 0) put(check('unionid.absent', 'fail', 'merged_back', { ...who, what: `probe.what.${againShowsSecond[0]}` }, both));
          // A page that shows no one: a new account's form, say, unless the same person's login with a
          // unionid showed them. Then the missing unionid turned them away (an "already bound" page on 200).
          else if (identityShown(secondPage.body, two, one).length === 0)
            put(secondWithUnionid?.user === second.id && secondWithUnionid.shown ? check('unionid.absent', 'fail', 'second_turned_away', { ...who, secondUrl, status: secondPage.status }, both) : check('unionid.absent', 'skip', 'second_unknown', { ...who, secondUrl, status: secondPage.status }, both));
          else put(check('unionid.absent', 'pass', 'ok', { ...who, secondUrl }, both));
        }
      }
    }
  }

  // callback.duplicate: WeChat's double hit, same cookies, the second within ~100 ms (§1.6). Only after an
  // exchange that worked, as callback.reload.
  if (judgeable('callback.duplicate', 'ok')) {
    const b = browser();
    const { value, record } = await scenario('duplicate', b, async (notes) => {
      const got = await upToCallback(b, 'allow', notes);
      if (!got) return undefined;
      // WeChat's own second hop adds connect_redirect/uin/key/pass_ticket (§1.2, PEERS (b) 4).
      const second = got.callback + `&uin=${encodeURIComponent(Buffer.from(String(1_000_000_000 + Math.floor(Math.random() * 1e9))).toString('base64'))}&key=&pass_ticket=${randomBytes(24).toString('base64url')}`;
      const first = deliver(b, got.callback);
      await sleep(40, undefined, { signal: options.signal });
      const last = deliver(b, second, true);
      const [a, z] = await Promise.all([first, last]);
      return { code: codeOf(got.callback)!, a, z };
    });
    if (!value) lost('callback.duplicate', 'duplicate');
    else {
      const attempts = (await control.codeStatus(value.code))?.attempts ?? [];
      const problem = pageProblem(value.z.page) ?? pageProblem(value.a.page);
      const evidence: Evidence = { scenarios: ['duplicate'], hops: record.hops, wechat: record.wechat, details: { exchanges: attempts.length, secondHitStatus: value.z.page.status } };
      // An app that already exchanges twice in one callback (code.exchanged_once): say so, so the two bugs
      // are not read as one. When WeChat's second hit added no exchange to the happy path's count, the
      // app handles the duplicate (it de-duplicates by code): only its own double exchange is a bug.
      const own = results.get('code.exchanged_once');
      if (attempts.length > 1 && own?.status === 'fail' && attempts.length <= happyAttempts.length)
        put(check('callback.duplicate', 'pass', 'own_only', { attempts: attempts.length }, evidence));
      else if (attempts.length > 1 && own?.status === 'fail')
        put(check('callback.duplicate', 'fail', 'twice_own', { attempts: attempts.length }, evidence));
      else if (attempts.length > 1) {
        // What the browser shows is the second hit's answer: an error page there is what the user sees.
        const seen = pageFailure(value.z.page, options.timeoutMs);
        const params = { attempts: attempts.length, errcode: reuseErrcode(attempts) };
        put(seen ? { ...check('callback.duplicate', 'fail', 'twice_seen', { ...params, ...seen }, evidence, false), fix: { key: 'probe.callback.duplicate.fix' } } : check('callback.duplicate', 'fail', 'twice', params, evidence));
      }
      // One exchange, and the error page the happy path ends on too.
      else if (happyBroke && (problem || value.z.page.status >= 400)) sameFailure('callback.duplicate', 'duplicate', evidence);
      else if (problem) put(check('callback.duplicate', 'fail', 'error_page', problemParams(problem, options.timeoutMs), evidence));
      // Only one exchange, yet the user ends on an error: the page says the code was used, or the
      // second hit was refused outright (a state used up by the first, say).
      else if (showsCodeUsed(value.z.page.body)) put(check('callback.duplicate', 'fail', 'error_shown', { status: value.z.page.status }, evidence));
      else if (value.z.page.status >= 400) put(check('callback.duplicate', 'fail', 'refused', { status: value.z.page.status }, evidence));
      else put(check('callback.duplicate', 'pass', 'ok', {}, evidence));
    }
  }

  /**
   * state.forged, once a made-up state was refused: an attacker holds a state the app really issued,
   * the one it gave the attacker's own browser. An app that checks a state against every state it ever
   * issued (a cache keyed by the state itself, a signed state not tied to the session, the last state
   * in a module-level variable, one state for every login) refuses a random one and takes that one:
   * login CSRF all the same. A second browser starts a login after this one's; its state comes back
   * to this browser's callback with a fresh code. Not when both browsers send a --cookie as given that
   * says who the visitor is: to the app they are then one visitor, whose latest state that is; nor when
   * one of the two logins came back without a state. The verdict then says that half was not tried.
   */
  const otherBrowsersState = async (forged: Evidence): Promise<void> => {
    const mine = browser();
    const theirs = browser();
    type Other = { untested: 'shared_cookie'; names: string[] } | { untested: 'no_other_state' } | { untested?: undefined; code: string; same: boolean };
    const { value, record } = await scenario('state_other', mine, async (notes): Promise<Other> => {
      const started = await startLogin(mine, options.target);
      const other = await startLogin(theirs, options.target);
      const state = other.auth?.state;
      const shared = sharedStartCookies(mine, theirs);
      if (shared.length > 0) return { untested: 'shared_cookie', names: shared };
      if (!started.auth?.state || !state) return { untested: 'no_other_state' };
      const code = await control.issueCode(started.auth.appid, started.auth.scope, appOf(started.auth.appid));
      codesSeen.add(code);
      notes.push({ key: 'probe.note.other_state' });
      await deliver(mine, appendParams(started.auth.redirectUri, [['code', code], ['state', state]]));
      return { code, same: state === started.auth.state };
    });
    // The second half did not run: the made-up state's refusal passes, saying what was left untested and
    // why, never as the plain ok that says both halves were tried.
    if (value.untested !== undefined) {
      const evidence: Evidence = { ...forged, scenarios: ['state_forged', 'state_other'], hops: [...(forged.hops ?? []), ...record.hops], details: { ...forged.details, otherBrowser: value.untested } };
      put(value.untested === 'shared_cookie' ? check('state.forged', 'pass', 'ok_shared_cookie', { names: value.names }, evidence) : check('state.forged', 'pass', 'ok_no_other_state', {}, evidence));
      return;
    }
    const status = await control.codeStatus(value.code);
    const evidence: Evidence = {
      scenarios: ['state_forged', 'state_other'],
      hops: [...(forged.hops ?? []), ...record.hops],
      wechat: [...(forged.wechat ?? []), ...record.wechat],
      details: { code: status?.status ?? 'unknown', ...(status?.exchangedAt ? { exchangedAt: status.exchangedAt } : {}) },
    };
    if ((status?.attempts.length ?? 0) > 0) put({ ...check('state.forged', 'fail', value.same ? 'exchanged_same' : 'exchanged_other', { at: exchangedAtParam(status?.exchangedAt) }, evidence, false), fix: { key: 'probe.state.forged.fix_other' } });
    else put(check('state.forged', 'pass', 'ok_other', {}, evidence));
  };

  // state.forged / state.missing: a code the app never asked for, delivered to this session's callback.
  for (const [id, scenarioId] of [['state.forged', 'state_forged'], ['state.missing', 'state_missing']] as const) {
    if (!judgeable(id, 'attempt')) continue;
    const b = browser();
    const { value, record } = await scenario(scenarioId, b, async (notes) => {
      const started = await startLogin(b, options.target);
      if (!started.auth) return undefined;
      const code = await control.issueCode(started.auth.appid, started.auth.scope, appOf(started.auth.appid));
      codesSeen.add(code);
      const params: Array<[string, string]> = [['code', code]];
      if (id === 'state.forged') params.push(['state', 'forged' + randomBytes(9).toString('hex')]);
      notes.push({ key: id === 'state.forged' ? 'probe.note.forged' : 'probe.note.missing' });
      const final = await deliver(b, appendParams(started.auth.redirectUri, params));
      return { code, final, hadState: Boolean(started.auth.state) };
    });
    if (!value) {
      lost(id, scenarioId);
      continue;
    }
    const status = await control.codeStatus(value.code);
    const evidence: Evidence = { scenarios: [scenarioId], hops: record.hops, wechat: record.wechat, details: { code: status?.status ?? 'unknown', ...(status?.exchangedAt ? { exchangedAt: status.exchangedAt } : {}) } };
    if ((status?.attempts.length ?? 0) > 0) put(check(id, 'fail', value.hadState ? 'exchanged' : 'exchanged_no_state', { at: exchangedAtParam(status?.exchangedAt) }, evidence));
    else if (id === 'state.forged' && value.hadState) await otherBrowsersState(evidence);
    else put(check(id, 'pass', 'ok', {}, evidence));
  }

  /** The app's answer to one callback, judged: no 5xx, no stack trace, no hang. */
  const judged = (id: CheckId, scenarioId: ScenarioId, final: { page: Page } | undefined, record: ScenarioRecord, extra: Record<string, string | number> = {}) => {
    if (!final) return lost(id, scenarioId);
    const problem = pageProblem(final.page);
    const evidence: Evidence = { scenarios: [scenarioId], hops: record.hops, wechat: record.wechat };
    if (!problem) return put(check(id, 'pass', 'ok', { status: final.page.status, ...extra }, evidence));
    const failed = check(id, 'fail', 'error_page', { ...problemParams(problem, options.timeoutMs), ...extra }, evidence);
    // A page of the app's own with a way on (a link, a form: "重试"), sent with a 5xx status: the page is
    // right, only its status is wrong; "show a page to retry from" would ask for what is there.
    const offersAWayOn = problem.kind === '5xx' && /<a\s[^>]*href|<form[\s>]/i.test(final.page.body);
    put(offersAWayOn ? { ...failed, fix: messageRef('probe.fix.status_only', { status: final.page.status }) } : failed);
  };

  // consent.denied: 拒绝 → redirect_uri?state=… only (§1.4).
  if (judgeable('consent.denied', 'attempt')) {
    const b = browser();
    const { value, record } = await scenario('denied', b, async (notes) => {
      const got = await upToCallback(b, 'deny', notes);
      return got ? await deliver(b, got.callback) : undefined;
    });
    judged('consent.denied', 'denied', value, record);
  }

  // code.expired: 5 minutes on the emulator clock (10 for website apps, §1.6); WeChat answers 40029.
  if (judgeable('code.expired', 'ok')) {
    const b = browser();
    const seconds = (auth.endpoint === 'qrconnect' ? 600 : 300) + 1;
    const { value, record } = await scenario('expired', b, async (notes) => {
      const got = await upToCallback(b, 'allow', notes);
      if (!got) return undefined;
      await control.advanceClock(seconds);
      notes.push({ key: 'probe.note.clock', params: { seconds } });
      try {
        return await deliver(b, got.callback);
      } finally {
        await control.restoreClock(seconds);
      }
    }, seconds * 1000);
    judged('code.expired', 'expired', value, record);
  }

  // wechat.busy: -1 system busy, then HTTP 500, once each on the exchange (§0.1; faults.ts).
  if (judgeable('wechat.busy', 'ok')) {
    const outcomes: Array<{ kind: string; final?: { page: Page }; record: ScenarioRecord }> = [];
    for (const [scenarioId, kind] of [['busy_errcode', 'busy'], ['busy_http500', 'http500']] as const) {
      const b = browser();
      const previous = await control.faults();
      const { value, record } = await scenario(scenarioId, b, async (notes) => {
        const got = await upToCallback(b, 'allow', notes);
        if (!got) return undefined;
        await control.setFaults([{ kind, path: '/sns/oauth2/access_token', count: 1 }, ...previous]);
        notes.push({ key: 'probe.note.fault', params: { kind: kind === 'busy' ? '{"errcode":-1}' : 'HTTP 500' } });
        try {
          return await deliver(b, got.callback);
        } finally {
          await control.setFaults(previous, true);
        }
      });
      outcomes.push({ kind, final: value, record });
    }
    // The exchange worked after all (the app sent it again, past the single fault): the login completed, and
    // its page is the user's. Otherwise the user is left on the app's failure page, which must offer a way on.
    const verdicts = outcomes.map((o) => ({ ...o, verdict: o.final ? busyVerdict(o.final.page, exchangeWorked(o.record.wechat)) : undefined }));
    const worst = (['problem', 'empty', 'no_way_on'] as const).map((kind) => verdicts.find((v) => v.verdict?.kind === kind)).find((v) => v !== undefined);
    const retryPage = verdicts.find((v) => v.verdict?.kind === 'upstream_page' || v.verdict?.kind === 'retry_page');
    const faultOf = (kind: string) => (kind === 'busy' ? '-1' : 'HTTP 500');
    const evidence: Evidence = { scenarios: ['busy_errcode', 'busy_http500'], hops: outcomes.flatMap((o) => o.record.hops), wechat: outcomes.flatMap((o) => o.record.wechat) };
    if (outcomes.some((o) => !o.final)) lost('wechat.busy', 'busy_errcode');
    // The same failure only when the busy scenario's exchange then worked: an app that 500s on a failed
    // exchange has a bug of its own, whatever happens after a good one.
    else if (worst?.verdict?.kind === 'problem' && happyBroke && exchangeWorked(worst.record.wechat)) sameFailure('wechat.busy', 'busy_errcode', evidence);
    else if (worst?.verdict?.kind === 'problem') {
      const { problem } = worst.verdict;
      const page = worst.final!.page;
      const params = { ...problemParams(problem, options.timeoutMs), fault: faultOf(worst.kind) };
      const failed = check('wechat.busy', 'fail', 'error_page', params, evidence, false);
      // What was wrong, named: a hang, the server's own 5xx (500: an unhandled error), a dropped
      // connection or a stack (finish() puts its words first). A page of the app's own with a way on is right but for its status.
      const offersAWayOn = problem.kind === '5xx' && offersWayOn(page.body);
      let fix: MessageRef = messageRef('probe.wechat.busy.fix.unhandled', { status: page.status });
      if (problem.kind === 'no_answer' && problem.stalled) fix = messageRef('probe.wechat.busy.fix.stalled', { fault: params.fault, status: problem.stalled.status });
      else if (problem.kind === 'no_answer' && problem.error === 'timeout') fix = messageRef('probe.wechat.busy.fix', params);
      else if (problem.kind !== '5xx') fix = messageRef('probe.wechat.busy.fix.catch');
      else if (offersAWayOn) fix = messageRef('probe.wechat.busy.fix.status_only', { status: page.status });
      put({ ...failed, fix });
    } else if (worst?.verdict?.kind === 'empty') {
      const status = worst.final!.page.status;
      put({ ...check('wechat.busy', 'fail', 'empty', { fault: faultOf(worst.kind), status }, evidence, false), fix: messageRef('probe.wechat.busy.fix.empty', { status }) });
    } else if (worst?.verdict?.kind === 'no_way_on') {
      const page = worst.final!.page;
      const fault = faultOf(worst.kind);
      // A page that shows only WeChat's errcode ("登录失败 -1") tells a user nothing they can act on.
      let fix: MessageRef = messageRef('probe.wechat.busy.fix.no_way_on', { status: page.status });
      if (showsFault(page.body, worst.kind)) fix = messageRef('probe.wechat.busy.fix.no_way_on_errcode', { status: page.status, fault });
      put({ ...check('wechat.busy', 'warn', 'no_way_on', { fault, status: page.status }, evidence, false), fix });
    }
    // 502/503/504 with a page to try again from: a fitting answer to WeChat's failure, said as such.
    else if (retryPage?.verdict?.kind === 'upstream_page') put(check('wechat.busy', 'pass', 'ok_upstream_page', { fault: faultOf(retryPage.kind), status: retryPage.final!.page.status }, evidence));
    else if (retryPage) put(check('wechat.busy', 'pass', 'ok_page', { fault: faultOf(retryPage.kind), status: retryPage.final!.page.status }, evidence));
    else put(check('wechat.busy', 'pass', 'ok', {}, evidence));
  }

  // wechat.slow: WeChat takes exchangeDelayMs to answer the exchange, once (a `delay` fault, which the
  // emulator serves on arrival and answers late: the code is spent by the first request). A server whose
  // client times out first and sends the same code again gets 40163 and shows a login error although WeChat
  // answered; one that waits signs the user in. When the app gives up without a second exchange, its page is
  // judged as wechat.busy judges one after WeChat's failure (busyVerdict): from its side WeChat failed.
  if (judgeable('wechat.slow', 'ok')) {
    const delay = options.exchangeDelayMs;
    // WeChat alone takes `delay`: the callback has that on top of what --timeout allows any answer.
    const pageTimeoutMs = options.timeoutMs + delay;
    const b = browser(pageTimeoutMs);
    const previous = await control.faults();
    const { value, record } = await scenario('slow_exchange', b, async (notes) => {
      const got = await upToCallback(b, 'allow', notes);
      const code = got ? codeOf(got.callback) : undefined;
      if (!got || !code) return undefined;
      // First: the emulator takes the first fault that matches, and one of the user's own may match too.
      await control.setFaults([{ kind: 'delay', ms: delay, path: PATHS.snsAccessToken, count: 1 }, ...previous]);
      notes.push({ key: 'probe.note.slow', params: { delay } });
      const logged = await control.mark();
      const at = b.hops.length;
      try {
        const final = await deliver(b, got.callback);
        // The late answer is logged when it leaves, maybe after the app's page came back (an app that gave
        // up): waited for, so that it is this scenario's call and not the next one's.
        if (((await control.codeStatus(code))?.attempts.length ?? 0) > 0) {
          const until = Date.now() + delay + 1_000;
          while (!(await control.requestsSince(logged)).some((r) => r.path === PATHS.snsAccessToken && r.fault === 'delay') && Date.now() < until) await sleep(100, undefined, { signal: options.signal });
        }
        return { final, code, callbackHop: b.hops[at]! };
      } finally {
        await control.setFaults(previous, true);
      }
    });
    const slowStatus = value ? await control.codeStatus(value.code) : undefined;
    const attempts = slowStatus?.attempts ?? [];
    const codeUser = slowStatus?.user;
    const took = value?.callbackHop.durationMs ?? 0;
    const evidence: Evidence = { scenarios: ['slow_exchange'], hops: record.hops, wechat: record.wechat, details: { delayMs: delay, exchanges: attempts.length, callbackMs: took } };
    const page = value?.final.page;
    // Nothing answered the browser within --timeout after WeChat's (late) answer.
    const hung = page?.status === 0 && page.hop.error === 'timeout';
    // Of those, one whose status came and whose page then did not end: it began to answer, and hung.
    const stalled = hung ? page.hop.stalled : undefined;
    if (!value || !page) lost('wechat.slow', 'slow_exchange');
    else if (attempts.length === 0) put(check('wechat.slow', 'skip', 'skip_no_exchange', { path: callbackPath }, evidence));
    // The app sends every code more than once (code.exchanged_once): a retry on its timeout cannot be told from that.
    else if (happyAttempts.length > 1 && attempts.length <= happyAttempts.length) put(check('wechat.slow', 'skip', 'skip_twice', { attempts: happyAttempts.length }, evidence));
    else if (attempts.length > 1) {
      const params = { delay, attempts: attempts.length, errcode: reuseErrcode(attempts) };
      // An error page, WeChat's words on a page, or a page that stays on the callback where the happy path went on.
      const stopped = samePath(page.url, callbackUrl) && !samePath(happyFinal.page.url, callbackUrl);
      if (stalled) {
        put({
          ...check('wechat.slow', 'fail', 'retried_stalled', { ...params, status: stalled.status, timeout: options.timeoutMs }, evidence, false),
          fix: messageRef('probe.wechat.slow.fix.retried_stalled', { retry: messageRef('probe.wechat.slow.fix', params) }),
        });
      } else if (hung) {
        // The retry failed and then nothing answered the browser: a hang, timed from WeChat's answer (as no_answer).
        put({
          ...check('wechat.slow', 'fail', 'retried_no_answer', { ...params, timeout: options.timeoutMs }, evidence, false),
          fix: messageRef('probe.wechat.slow.fix.retried_no_answer', { retry: messageRef('probe.wechat.slow.fix', params) }),
        });
      } else {
        const seen =
          pageFailure(page, pageTimeoutMs) ??
          (showsCodeUsed(page.body) ? { problem: 'probe.problem.status', status: page.status } : stopped ? { problem: 'probe.problem.stopped', status: page.status, landing: happyFinal.page.hop.url } : undefined);
        if (seen) put(check('wechat.slow', 'fail', 'retried', { ...params, ...seen }, evidence));
        else if (retryTookTheCode(record.wechat)) put(check('wechat.slow', 'fail', 'retried_old_emulator', { ...params, status: page.status, emulator }, evidence));
        else {
          // The page shows the code's user (their openid, nickname or unionid): the app signed them in
          // with the first request's late answer, as it would with WeChat; the retry only ever gets 40163.
          const users = await control.users();
          const user = users.find((u) => u.id === codeUser);
          const other = user ? otherUser(users, user) : undefined;
          const shown = user ? identityShown(page.body, identity(user), other ? identity(other) : { openid: '', nickname: '' }) : [];
          if (shown[0] !== undefined) put(check('wechat.slow', 'warn', 'retried_signed_in', { ...params, status: page.status, url: page.hop.url, what: `probe.what.${shown[0]}` }, evidence));
          else put(check('wechat.slow', 'fail', 'retried_unseen', { ...params, status: page.status, url: page.hop.url }, evidence));
        }
      }
    } else if (stalled) {
      put({ ...check('wechat.slow', 'fail', 'stalled', { delay, status: stalled.status, timeout: options.timeoutMs }, evidence, false), fix: messageRef('probe.wechat.slow.fix.stalled', {}) });
    } else if (hung) {
      // Said here rather than as problem.timeout: the wait was --timeout after WeChat's answer, not --timeout.
      put({ ...check('wechat.slow', 'fail', 'no_answer', { delay, timeout: options.timeoutMs }, evidence, false), fix: messageRef('probe.wechat.slow.fix.no_answer', {}) });
    } else if (took >= delay) {
      // The app waited for WeChat's answer (its callback answered after it).
      const failure = pageFailure(page, pageTimeoutMs);
      if (!failure) put(check('wechat.slow', 'pass', 'ok', { delay, status: page.status, took }, evidence));
      else if (happyBroke) sameFailure('wechat.slow', 'slow_exchange', evidence);
      else put({ ...check('wechat.slow', 'fail', 'failed_after_wait', { delay, ...failure }, evidence, false), fix: messageRef('probe.wechat.slow.fix.after_wait', { delay }) });
    } else {
      // The app gave up before WeChat answered, and sent the code no second time.
      const verdict = busyVerdict(page, false);
      const status = page.status;
      const pageFix: MessageRef = messageRef('probe.wechat.slow.fix.page', { delay });
      if (verdict.kind === 'problem') {
        // A page of the app's own with a way on, sent as a 5xx of its own: only its status is wrong.
        let fix = pageFix;
        if (verdict.problem.kind === '5xx' && offersWayOn(page.body)) fix = messageRef('probe.fix.status_only', { status });
        put({ ...check('wechat.slow', 'fail', 'error_page', { delay, took, ...problemParams(verdict.problem, pageTimeoutMs) }, evidence, false), fix });
      } else if (verdict.kind === 'empty') put({ ...check('wechat.slow', 'fail', 'empty', { delay, took, status }, evidence, false), fix: pageFix });
      else if (verdict.kind === 'no_way_on') put({ ...check('wechat.slow', 'warn', 'no_way_on', { delay, took, status }, evidence, false), fix: pageFix });
      else put(check('wechat.slow', 'pass', 'ok_gave_up', { delay, took, status }, evidence));
    }
  }

  // basic_token.rejected: the token war (API-FACTS §8, §9). The first call the login makes with a basic
  // access_token (any /cgi-bin/* but the token endpoints, as the happy path showed) answers 40001 once,
  // as it does when another server or tool fetched a new token. The login should still end well, best
  // by fetching a token again and retrying that call.
  if (judgeable('basic_token.rejected', 'ok')) {
    // A success may be logged with errcode 0 (getticket, quota/get): `!c.errcode`, not `=== undefined`.
    // The token endpoints themselves are sent a secret, not a token: never a token war's 40001.
    const apiCalls = happyRun.record.wechat.filter((c) => c.path.startsWith('/cgi-bin/') && !isTokenEndpoint(c.path));
    // A call a fault answered (reset: status 0, no errcode; garbage: a 200 that is no body) did not
    // work either; one only delayed did.
    const call = apiCalls.find((c) => !c.errcode && (!c.fault || c.fault === 'delay') && c.status > 0 && c.status < 400);
    // Every such call already failed in the happy path (an errcode of its own, or a fault the user armed):
    // a planted 40001 would test nothing, and "makes no call" would be untrue.
    const failed = call ? undefined : apiCalls[0];
    if (failed) {
      const answer = failed.errcode ? `errcode ${failed.errcode}` : failed.fault ? `--fault ${failed.fault}` : `HTTP ${failed.status}`;
      put(check('basic_token.rejected', 'skip', 'skip_call_failed', { path: failed.path, answer }, { scenarios: ['happy'], wechat: [failed] }));
    }
    else if (!call) put(check('basic_token.rejected', 'skip', happyDone ? 'skip_no_call' : 'skip_no_call_unfinished', {}, { scenarios: ['happy'] }));
    else {
      const b = browser();
      const previous = await control.faults();
      const { value, record } = await scenario('token_rejected', b, async (notes) => {
        // First: the emulator takes the first fault that matches, and one of the user's own may match too.
        await control.setFaults([{ kind: 'errcode', errcode: 40001, path: call.path, count: 1 }, ...previous]);
        notes.push({ key: 'probe.note.token_rejected', params: { path: call.path } });
        try {
          const got = await upToCallback(b, 'allow', notes);
          return got ? await deliver(b, got.callback) : undefined;
        } finally {
          await control.setFaults(previous, true);
        }
      });
      const rejected = record.wechat.findIndex((c) => c.path === call.path && c.fault === 'errcode');
      const after = rejected >= 0 ? record.wechat.slice(rejected + 1) : [];
      const retry = after.findIndex((c) => c.path === call.path && !c.errcode);
      // The 40001 here is one answer; against WeChat the old token stays dead, so only a retry after
      // fetching a token again would have worked.
      const refetched = retry >= 0 && after.slice(0, retry).some((c) => isTokenEndpoint(c.path));
      // Fetched again with /cgi-bin/token: every such fetch knocks out the token the app's other servers
      // hold, so the recovery starts the next token war (basic_token.per_login sees only the happy path).
      const warring = after.some((c) => c.path === PATHS.token);
      // Fetched again with stable_token's force_refresh: that invalidates the stable token the other
      // servers hold at once (§9), the same war by the other endpoint.
      const forced = after.some((c) => c.path === PATHS.stableToken && c.forceRefresh === true);
      const evidence: Evidence = { scenarios: ['token_rejected'], hops: record.hops, wechat: record.wechat, details: { path: call.path } };
      const problem = value ? pageProblem(value.page) : undefined;
      const status = value?.page.status ?? 0;
      if (!value) lost('basic_token.rejected', 'token_rejected');
      else if (rejected < 0) put(check('basic_token.rejected', 'skip', 'skip_not_called', { path: call.path }, evidence));
      else if (happyBroke && (problem || status >= 400)) sameFailure('basic_token.rejected', 'token_rejected', evidence);
      else if (problem) put(check('basic_token.rejected', 'fail', 'error_page', { ...problemParams(problem, options.timeoutMs), path: call.path }, evidence));
      // A refusal page (4xx) where the happy path signed the user in: the login did not complete.
      else if (status >= 400) put(check('basic_token.rejected', 'fail', 'refused', { path: call.path, status }, evidence));
      else if (retry < 0) put(check('basic_token.rejected', 'warn', 'not_retried', { path: call.path }, evidence));
      else if (!refetched) put(check('basic_token.rejected', 'warn', 'same_token', { path: call.path }, evidence));
      else if (warring) put(check('basic_token.rejected', 'warn', 'token_war', { path: call.path }, evidence));
      else if (forced) put(check('basic_token.rejected', 'warn', 'forced', { path: call.path }, evidence));
      else put(check('basic_token.rejected', 'pass', 'ok', { path: call.path }, evidence));
    }
  }

  // redirect.open: a foreign absolute URL in the return-to parameter must not be followed after login.
  if (judgeable('redirect.open', 'ok')) {
    const param = options.returnParam ?? RETURN_PARAM_NAMES.find((n) => targetUrl.searchParams.has(n));
    if (!param) put(check('redirect.open', 'skip', 'skip_no_param', { names: RETURN_PARAM_EXAMPLES }));
    else {
      const b = browser();
      const start = new URL(options.target);
      start.searchParams.set(param, FOREIGN_RETURN_URL);
      const { value, record } = await scenario('open_redirect', b, async (notes) => {
        const got = await upToCallback(b, 'allow', notes, start.toString());
        return got ? await deliver(b, got.callback) : undefined;
      });
      const foreign = record.hops.find((h) => h.to === 'blocked' && h.url.startsWith(new URL(FOREIGN_RETURN_URL).origin));
      const evidence: Evidence = { scenarios: ['open_redirect'], hops: record.hops, details: { param, planted: FOREIGN_RETURN_URL } };
      if (!value) lost('redirect.open', 'open_redirect');
      else if (foreign) put(check('redirect.open', 'fail', 'followed', { param, url: FOREIGN_RETURN_URL }, evidence));
      else put(check('redirect.open', 'pass', 'ok', { param }, evidence));
    }
  }

  // basic_token.per_login, across every login of the run: a freshly started app with a shared cache fetches
  // one token in its first login and none after; one that fetches per login does so in each. The
  // token_rejected scenario is left out: fetching again after a 40001 is the recovery it asks for.
  if (runs('basic_token.per_login')) {
    const logins = report.scenarios.filter((s) => s.id !== 'token_rejected' && s.wechat.some((c) => c.path === '/sns/oauth2/access_token' && !c.errcode));
    const fetching = report.scenarios.filter((s) => s.id !== 'token_rejected').map((s) => ({ id: s.id, calls: s.wechat.filter((c) => c.path === '/cgi-bin/token') })).filter((s) => s.calls.length > 0);
    const calls = fetching.flatMap((s) => s.calls);
    const evidence: Evidence = { scenarios: fetching.length > 0 ? fetching.map((s) => s.id) : ['happy'], ...(calls.length > 0 ? { wechat: calls } : {}) };
    // No login got a user: "no /cgi-bin/token call" is then no finding (the app may fetch after the exchange).
    if (calls.length === 0 && logins.length === 0) put({ id: 'basic_token.per_login', status: 'skip', message: { key: 'probe.skip.no_login_done' }, evidence });
    else if (calls.length === 0) put(check('basic_token.per_login', 'pass', 'ok', {}, evidence));
    else if (calls.length === 1) put(check('basic_token.per_login', 'pass', logins.length > 1 ? 'once' : 'once_alone', { logins: logins.length }, evidence));
    // /cgi-bin/token's daily quota: 2000 for an Official Account, 200 for a 测试号 (API-FACTS §8; the emulator's default too).
    else put(check('basic_token.per_login', 'warn', 'fetched', { count: calls.length, logins: fetching.length, quota: app.type === 'test' ? 200 : 2000 }, evidence));
  }

  // userinfo.scope: what /sns/userinfo is given. A snsapi_base token → 48001 (§7), a basic access_token →
  // 40001 (§7), in any scenario; any other refusal in the happy path (a wrong openid, a token of another
  // login) is a login that ends without the user's profile.
  if (judgeable('userinfo.scope', 'ok')) {
    const calls = report.scenarios.flatMap((s) => s.wechat).filter((c) => c.path === '/sns/userinfo');
    const refused = calls.filter((c) => c.errcode === 48001);
    const basic = calls.filter((c) => c.basicToken);
    // A fault probe or the user armed is not the app's doing.
    const failedHappy = happyRun.record.wechat.filter((c) => c.path === '/sns/userinfo' && c.errcode && !c.fault && !c.basicToken && c.errcode !== 48001);
    if (basic.length > 0)
      put({ ...check('userinfo.scope', 'fail', 'basic_token', { count: basic.length, errcode: basic[0]!.errcode ?? 40001 }, { scenarios: ['happy'], wechat: basic }), fix: { key: 'probe.userinfo.scope.fix.basic_token' } });
    else if (refused.length > 0) put(check('userinfo.scope', 'fail', 'base_token', { count: refused.length, scope: auth.scope }, { scenarios: ['happy'], wechat: refused }));
    else if (failedHappy.length > 0)
      put({ ...check('userinfo.scope', 'fail', 'errcode', { count: failedHappy.length, errcode: failedHappy[0]!.errcode! }, { scenarios: ['happy'], wechat: failedHappy }), fix: messageRef('probe.userinfo.scope.fix.errcode', { errcode: failedHappy[0]!.errcode! }) });
    else if (calls.length > 0) put(check('userinfo.scope', 'pass', 'ok', { scope: auth.scope }, { scenarios: ['happy'] }));
    // No call, but the login broke before its end (an error page after the exchange, or a warning such
    // as a second exchange's 40163): the app may call /sns/userinfo after the point where it stopped, so
    // "it does not call it" would be a guess.
    else if (happyBroke || !happyDone)
      put({ id: 'userinfo.scope', status: 'skip', message: { key: 'probe.skip.login_broke' }, evidence: { scenarios: ['happy'] } });
    else put(check('userinfo.scope', 'pass', 'ok_not_called', { scope: auth.scope }, { scenarios: ['happy'] }));
  }

  // secrets.leak: the appsecret, every user token the emulator issued in this run, and the app's basic
  // tokens and jsapi_tickets, anywhere the app answered the browser, base64- (a session cookie) or hex-encoded too.
  if (selected('secrets.leak')) {
    const values = new Map<string, string>([[appSecret, 'appsecret']]);
    const issued = await control.issued(app.appid);
    for (const token of issued.basicTokens) values.set(token, 'basic_token');
    for (const ticket of issued.tickets) values.set(ticket, 'jsapi_ticket');
    for (const code of codesSeen) {
      const s = await control.codeStatus(code);
      if (s?.tokens) {
        values.set(s.tokens.access_token, 'access_token');
        values.set(s.tokens.refresh_token, 'refresh_token');
      }
    }
    const spellings = (v: string) => [v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1)];
    // Hex-encoded (a value "obfuscated" into a cookie or a data attribute), in either case: still the secret.
    const hexOf = (v: string) => Buffer.from(v).toString('hex');
    const hexes = [...values.keys()].map(hexOf);
    // What the report shows of a page or URL: every secret this run knows masked by value (the codes
    // too: a callback URL carries its code, and a page quoting the exchange request both), and any
    // other secret-named parameter or field by name.
    // By name first. A whole value masked by value first (`secret=5e1e***`) would now be kept as it is by
    // name (redactValue keeps a mask), but one inside a longer value (`code=ab` + the code) would become
    // `code=ab081a***`, which the name=value word pattern reads only up to the `*`: masked again, `code=******`.
    // Base64 spellings too: a page that prints a secret and its base64 would hand the excerpt's reader
    // the secret the check just masked.
    const base64s = [...values.keys()].flatMap(base64Forms);
    const masked = (text: string) => maskSecretValues(redactText(text), [...values.keys(), ...hexes, ...base64s, ...codesSeen]);
    const leaks: Array<{ what: string; where: string; url: string; excerpt: string }> = [];
    for (const s of seen) {
      const texts = [['headers', s.headers], ['body', s.body], ...base64Views(s.headers).map((v) => ['headers_base64', v]), ...base64Views(s.body).map((v) => ['body_base64', v])] as const;
      for (const [value, what] of values) {
        const hex = hexOf(value);
        for (const [place, text] of texts) {
          const spelled = spellings(value).find((sp) => text.includes(sp));
          const inHex = !spelled && (place === 'headers' || place === 'body') && (text.includes(hex) || text.includes(hex.toUpperCase()));
          if (!spelled && !inHex) continue;
          const where = inHex ? `${place}_hex` : place;
          // Masked whole before the excerpt is cut: a secret cut in half at an edge, or cut off from its
          // name (`"access_token":"…`), would no longer be recognised. The leak is found again in the
          // masked text by its masked form.
          const whole = masked(text);
          const shown = redactValue(inHex ? hex : value);
          const found = whole.indexOf(shown);
          const at = found >= 0 ? found : Math.max(0, whole.indexOf('***'));
          const from = Math.max(0, at - 60);
          const to = Math.min(whole.length, at + shown.length + 40);
          const excerpt = ((from > 0 ? '…' : '') + whole.slice(from, to) + (to < whole.length ? '…' : '')).replace(/\s+/g, ' ');
          leaks.push({ what, where, url: masked(s.url), excerpt });
        }
      }
    }
    const unique = leaks.filter((l, i) => leaks.findIndex((m) => m.what === l.what && m.url === l.url && m.where === l.where) === i);
    if (unique.length > 0) {
      const first = unique[0]!;
      // The appsecret needs resetting; a user token needs keeping off the page (it expires by itself).
      // The worst first: the appsecret needs resetting, a basic token controls the whole account's API
      // until replaced, a user token only one user's until it expires.
      const fix: MessageRef = {
        key: unique.some((l) => l.what === 'appsecret') ? 'probe.secrets.leak.fix' : unique.some((l) => l.what === 'basic_token' || l.what === 'jsapi_ticket') ? 'probe.secrets.leak.fix.basic' : 'probe.secrets.leak.fix.token',
      };
      const kinds = [...new Set(unique.map((l) => l.what))];
      // Each kind found is named: an access_token and its refresh_token leak together, and both matter.
      const several = kinds.length > 1;
      put({ ...check('secrets.leak', 'fail', several ? 'leaked_several' : 'leaked', { what: `probe.what.${first.what}`, where: `probe.where.${first.where}`, url: first.url, count: unique.length, ...(several ? { kinds } : {}) }, { details: { excerpt: first.excerpt, kinds: kinds.join(', ') } }, false), fix });
    } else put(check('secrets.leak', 'pass', 'ok', { responses: seen.length }, { details: { responses: seen.length, tokens: values.size - 1 } }));
  }

  return finish(report, results, selected, options.showSecrets === true, happyFinal.page.url);
}

/** Why the login start never reached WeChat's authorize page, as a `probe.problem.*` reason for `{problem}`. */
function startFailure(hops: Array<{ url: string; status: number; error?: string; tlsCode?: string; protocolCode?: string; location?: string; stalled?: { status: number; bytes: number } }>, timeoutMs: number): Record<string, string | number> {
  const last = hops.at(-1);
  if (!last) return { problem: 'probe.problem.network' };
  if (last.error === 'blocked-foreign-host') {
    // A Location of file:, javascript:, weixin:…: no host at all, and nothing a login start that reaches
    // WeChat sends (its authorize page is https://open.weixin.qq.com/connect/…, API-FACTS §1, §2).
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(last.url)?.[1]?.toLowerCase();
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return { problem: scheme === 'weixin' ? 'probe.problem.weixin_scheme' : 'probe.problem.scheme', location: last.url, scheme };
    const host = last.url.replace(/^(https?:\/\/[^/?#]+).*$/, '$1');
    // WeChat's authorize path on a host that is neither WeChat's nor this emulator: the app is aimed at
    // another emulator (one started on another port, say), not missing its redirect.
    let path = '';
    try {
      path = new URL(last.url).pathname;
    } catch {
      // Not a URL: said as another host.
    }
    return { problem: AUTH_PATHS[path] ? 'probe.problem.other_emulator' : 'probe.problem.foreign', host };
  }
  if (last.status === 0 && last.error === 'protocol') return protocolProblem(last.protocolCode, timeoutMs);
  if (last.status === 0 && last.stalled) return stalledProblem(last.stalled, timeoutMs);
  if (last.status === 0) return { problem: last.error === 'timeout' ? 'probe.problem.timeout' : last.error === 'tls' ? 'probe.problem.tls' : 'probe.problem.network', ms: timeoutMs, code: last.tlsCode ?? '' };
  if (last.status >= 300 && last.status < 400 && last.location) return { problem: 'probe.problem.loop', count: hops.length };
  if (last.status >= 400) return { problem: 'probe.problem.status', status: last.status };
  return { problem: 'probe.problem.no_link', status: last.status };
}

/**
 * authorize.url's fix when the app's authorize link is on another emulator's origin (`host`): `--emulator
 * host` only when an emulator answers there. Nothing there (a port from an earlier run): start one there
 * or aim the app at this one. Another server: aim the app at this one. A host off this machine, which
 * probe does not contact: it cannot tell, and says how to look.
 */
async function otherEmulatorFix(host: string, emulator: string, timeoutMs: number, signal: AbortSignal): Promise<MessageRef> {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    return messageRef('probe.authorize.url.fix.other_emulator', { host, emulator });
  }
  if (!isLoopbackHost(url.hostname)) return messageRef('probe.authorize.url.fix.other_emulator_remote', { host, emulator });
  const answer = await whatAnswersAt(host, timeoutMs, signal);
  if (answer === 'emulator') return messageRef('probe.authorize.url.fix.other_emulator', { host, emulator });
  if (answer === 'none') return messageRef('probe.authorize.url.fix.other_emulator_down', { host, emulator, port: portOf(url) });
  return messageRef('probe.authorize.url.fix.other_emulator_other', { host, emulator });
}

/** What to do about the errcode the app's own exchange got (the app's credentials, not wxauth's profile). */
function exchangeFix(errcode: number, appid: string, emulator: string): MessageRef {
  if (errcode === 40125 || errcode === 41004) return messageRef('probe.login.completes.fix.secret', { errcode, appid, emulator });
  if (errcode === 40013 || errcode === 41002) return messageRef('probe.login.completes.fix.appid', { errcode, appid });
  if (errcode === -1) return messageRef('probe.login.completes.fix.busy', {});
  return messageRef('probe.login.completes.fix.errcode', { errcode });
}

/**
 * An address as the report says it in a message, a fix or a detail: its code masked whatever it looks like,
 * and the values in it that look like a credential (a ticket in `/me?t=…`, an address that alone signs its
 * holder in), whichever scenario's address it is.
 */
function maskedAddress(url: string): string {
  return redactUrl(url, [...new Set(['code', ...credentialParams(url)])]);
}

/** An address in a message's parameters: absolute http(s), as every page, hop and callback probe names. */
const ADDRESS = /^https?:\/\//i;

/** A parameter with every address in it masked (maskedAddress), in a nested message or a list too. */
function maskedParam(value: unknown): unknown {
  if (typeof value === 'string') return ADDRESS.test(value) ? maskedAddress(value) : value;
  if (Array.isArray(value)) return value.map(maskedParam);
  if (value !== null && typeof value === 'object' && 'key' in value) return maskedMessage(value as MessageRef);
  return value;
}

/** Parameters with every address among them masked. */
function maskedParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, maskedParam(v)]));
}

/** A message with every address among its parameters masked. */
function maskedMessage(ref: MessageRef): MessageRef {
  // Statements, not `cond ? ref : messageRef(…)`: a union of the catalogue's messages is more than tsc can hold.
  const params = (ref as { params?: Record<string, unknown> }).params;
  if (params === undefined) return ref;
  return messageRef(ref.key, maskedParams(params) as MessageParams);
}

function finish(report: ProbeReport, results: Map<CheckId, ProbeCheck>, selected: (id: CheckId) => boolean, showSecrets: boolean, landingUrl?: string): ProbeReport {
  report.checks = CHECK_IDS.map((id) => {
    if (!selected(id)) return { id, status: 'skip', message: { key: 'probe.skip.not_selected' }, evidence: {} } satisfies ProbeCheck;
    const c = results.get(id) ?? ({ id, status: 'skip', message: { key: 'probe.skip.lost' }, evidence: {} } satisfies ProbeCheck);
    // A page that shows users a stack trace, whichever check judged it: that comes first in the fix, the
    // check's own advice after it (what the page should have said).
    const shown = c.message.params as Record<string, unknown> | undefined;
    if (c.fix && shown?.problem === 'probe.problem.stack') return { ...c, fix: { key: 'probe.fix.stack', params: { runtime: String(shown.runtime), then: c.fix } } };
    return c;
  });
  // --show-secrets: every address as it was, in hops, messages, fixes and details alike.
  if (showSecrets) return report;
  // Every address a message, a fix, a finding, a scenario's note or a detail says, whichever check or
  // scenario put it there (session.per_user's landing, wechat.slow's page, a callback with its code):
  // masked here, in one place, rather than by each check.
  for (const c of report.checks) {
    c.message = maskedMessage(c.message);
    if (c.fix) c.fix = maskedMessage(c.fix);
    if (c.evidence.findings) c.evidence.findings = c.evidence.findings.map((f) => ({ ...f, params: maskedParams(f.params) as typeof f.params, message: maskedMessage(f.message), fix: maskedMessage(f.fix) }));
    const details = c.evidence.details;
    if (details) for (const [k, v] of Object.entries(details)) if (typeof v === 'string' && ADDRESS.test(v)) details[k] = maskedAddress(v);
  }
  for (const s of report.scenarios) s.notes = s.notes.map(maskedMessage);
  // The address the login ended on may sign its holder in (`/me?t=…`): its values that look like a
  // credential are masked wherever the report shows that address (the happy path's hops, the fresh
  // browsers' hops, the callback's Location, a check's details), as secrets by name are at each hop.
  const landingSecrets = landingUrl ? credentialParams(landingUrl) : [];
  if (landingSecrets.length > 0) {
    const masked = new Set<Hop>();
    const mask = (hop: Hop) => {
      if (masked.has(hop)) return;
      masked.add(hop);
      hop.url = redactUrl(hop.url, landingSecrets);
      if (hop.location !== undefined) hop.location = redactUrl(hop.location, landingSecrets);
    };
    for (const s of report.scenarios) s.hops.forEach(mask);
    for (const c of report.checks) {
      c.evidence.hops?.forEach(mask);
      const details = c.evidence.details;
      if (details) for (const [k, v] of Object.entries(details)) if (typeof v === 'string') details[k] = redactUrl(v, landingSecrets);
    }
  }
  return report;
}

/** A page that gives the user a way on: a link or a form, or words asking them to try again. */
function offersWayOn(body: string): boolean {
  return /<a\s[^>]*href|<form[\s>]/i.test(body) || /重试|再试|稍后|retry|try again/i.test(textOf(body));
}

/** An exchange WeChat (the emulator) answered with a token: the app got its user. */
function exchangeWorked(calls: WechatCall[]): boolean {
  return calls.some((c) => c.path === PATHS.snsAccessToken && !c.errcode && !c.fault && c.status === 200);
}

/** The page's words show WeChat's failure as it came (-1, errcode, HTTP 500) rather than in words a user can act on. */
function showsFault(body: string, kind: string): boolean {
  const text = textOf(body);
  if (/errcode|errmsg|system busy/i.test(text)) return true;
  return kind === 'busy' ? /(?:^|[^\w.-])-1(?![\w.])/.test(text) : /\b500\b/.test(text);
}

/**
 * The app's answer when WeChat failed the exchange (wechat.busy), or took longer than the app would wait
 * (wechat.slow, an app that gave up without a second exchange). `completed`: the app got its user after all
 * (it sent the exchange again), so its page is the signed-in one and only a failure of its own counts.
 * Otherwise the user is left on the app's answer to the failure, which must let them try again (README:
 * a link, a form, or words such as 重试), whatever its status: a page without one is `no_way_on`, an empty
 * one `empty`. 502, 503 and 504 are the statuses of an upstream's failure: a page of the app's own sent
 * with one is a deliberate answer (`upstream_page`); a 500 (or another 5xx), a stack trace or no answer is
 * the app's own failure.
 */
function busyVerdict(page: Page, completed: boolean): { kind: 'problem'; problem: NonNullable<ReturnType<typeof pageProblem>> } | { kind: 'empty' | 'no_way_on' | 'upstream_page' | 'retry_page' | 'ok' } {
  const problem = pageProblem(page);
  const upstream = page.status === 502 || page.status === 503 || page.status === 504;
  if (problem && !(problem.kind === '5xx' && upstream)) return { kind: 'problem', problem };
  if (completed && !upstream) return { kind: 'ok' };
  if (textOf(page.body) === '') return { kind: 'empty' };
  if (!offersWayOn(page.body)) return { kind: 'no_way_on' };
  return upstream ? { kind: 'upstream_page' } : { kind: 'retry_page' };
}

/** The words of an HTML page WeChat (the emulator) showed instead of redirecting: its error, for the report. */
function textOf(body: string): string {
  return body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * WeChat's words on its page, quoted as such: the emulator's own note under them (data-emulator-note,
 * in the browser's language, which probe's WeChat browser asks as Chinese) is wxauth's, not WeChat's.
 */
function wechatWords(body: string): string {
  return textOf(body.replace(/<p\b[^>]*\bdata-emulator-note\b[^>]*>[\s\S]*?<\/p>/gi, ' '));
}

/** A page's words for a message: whole up to 300 characters, else cut at a space and marked. */
function quoted(text: string): string {
  if (text.length <= 300) return text;
  const cut = text.slice(0, 300);
  const space = cut.lastIndexOf(' ');
  return (space > 200 ? cut.slice(0, space) : cut) + '…';
}

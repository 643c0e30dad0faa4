// What `wxauth proxy` concludes from the calls it sees: the live line's facts for each call, and the
// detectors — patterns that only show across several calls or several servers, each with a stable
// id, the evidence and the fix. Pure: time comes in with each call; state is bounded so a proxy can run
// for days. The WeChat behaviour each detector relies on is cited where it is checked (API-FACTS.md).
import { messageRef, type MessageRef } from '../errors.js';
import { explainErrcode, parseErrorBody, type Bilingual } from './errcodes.js';
import { ProxyMasker, headerValue, readCall, secretValuesOf, splitTarget, type CallerProcess, type CallFacts, type ProxyExchange, type ProxyOutcome } from './proxy-call.js';
import { isTokenEndpoint, isWechatApiBase } from './endpoints.js';
import { isAppid } from './validate.js';
import { isJsonBehindBom } from './responses.js';

export const DETECTOR_IDS = [
  'code.reused',
  'basic_token.refetched',
  'token.not_latest',
  'token.retried',
  'quota.high',
  'ip.whitelist',
  'userinfo.base_scope',
  'userinfo.basic_token',
  'refresh.expired',
  'path.doubled',
] as const;

export type DetectorId = (typeof DETECTOR_IDS)[number];

/** One call as the live line, --json and the HAR show it: secrets already masked (unless --show-secrets). */
export interface ObservedCall {
  id: number;
  /** Milliseconds since the epoch, when the request arrived. */
  time: number;
  caller: string;
  method: string;
  endpoint: string;
  appid?: string;
  outcome: ProxyOutcome;
  failure?: string;
  status?: number;
  /**
   * What the call got, as one label (answerOf): `ok`, the errcode (`40163`), an outcome with no answer
   * (`timeout`, `unreachable`, `reset`, `aborted`, `stopped`), or an answer that is not WeChat's JSON:
   * `http_302`, `http_500` (a status of 300 or more without an errcode), `not_json`, `not_object` (JSON,
   * but an array, a string or a number: not the object WeChat sends), `empty`, `too_large`.
   */
  answer: string;
  /**
   * The answer is JSON behind a byte-order mark (U+FEFF; a relay's file saved as UTF-8 with BOM): `answer`
   * is `not_json`, as the caller's JSON parser and wxauth's own client refuse it; `errcode`, when set, is
   * what the JSON behind the mark says. WeChat never sends one.
   */
  bom?: true;
  errcode?: number;
  errmsg?: string;
  /** The errcode's one-line meaning, from the errcode knowledge base. */
  meaning?: Bilingual;
  /**
   * Where a 3xx answer sends the caller (its Location, as sent: relative or absolute), masked as the HAR's
   * Location header and redirectURL are (ProxyMasker.header: as a URL, then as text). WeChat's API never redirects: a captive portal, a gateway's
   * login page or a wrong upstream does, and where it goes is the clue.
   */
  location?: string;
  /**
   * A relative Location (`/cb?code=…`, `login`, `//host/…`) resolved against the request's WeChat URL (the
   * one a forward-proxy caller named, https://api.weixin.qq.com/… with --intercept; else the upstream and
   * the call's path, the HAR's request.url), masked as `location`: the line says where the caller goes,
   * which the relative form leaves to the reader. Unset for an absolute Location.
   */
  locationResolved?: string;
  rid?: string;
  latencyMs: number;
  /** The query string, masked ('' when there is none). */
  query: string;
  requestBody: string;
  responseBody: string;
  requestBodySize: number;
  responseBodySize: number;
  /** The answer was compressed and, decompressed, larger than the bytes kept: not decoded (responseBody is ''). */
  responseBodyTooLarge?: true;
}

export interface DetectorHit {
  id: DetectorId;
  /** When the call that triggered it arrived. */
  time: number;
  /** The call that triggered it. */
  callId: number;
  endpoint: string;
  appid?: string;
  evidence: MessageRef;
  fix: MessageRef;
}

export interface ObserveResult {
  call: ObservedCall;
  hits: DetectorHit[];
}

export interface ProxyObserverOptions {
  showSecrets: boolean;
  /** Secrets known before any call (the saved AppSecrets): masked under any name from the first call on. */
  knownSecrets?: Iterable<string>;
  /** Daily quotas by path, over the defaults (QUOTA_DEFAULTS). */
  quotas?: Record<string, number>;
  /**
   * The upstream every call goes to when it is not one of WeChat's API hosts (--upstream: the emulator,
   * a gateway): its own refusals (40164 from the emulator's whitelist) are said as its, not WeChat's.
   */
  otherUpstream?: string;
}

/**
 * Daily quotas WeChat documents (API-FACTS §8, §9, §14): /cgi-bin/token 2000 a day for an Official
 * Account (200 on test accounts: --quota), stable_token 500 000 a day. quota/get answers that pass
 * through replace these with the account's real numbers.
 */
export const QUOTA_DEFAULTS: Readonly<Record<string, number>> = {
  '/cgi-bin/token': 2000,
  '/cgi-bin/stable_token': 500_000,
};

/** A detector fires when a path passes this share of its daily quota. */
export const QUOTA_ALERT_SHARE = 0.8;

/** A basic token's life when the answer does not say (API-FACTS §8: 7200 s). */
const BASIC_TOKEN_SECONDS = 7200;
/**
 * How early a caller that keeps its basic token may fetch the next one and still be keeping it: SDKs
 * renew ahead of expires_in — wechatpy 60 s, WxJava 200 s (expiresTime = now + (expires_in - 200) s),
 * EasyWeChat 4 500 s (safeSeconds), Senparc's WeiXinMPSDK 600 s, silenceper/wechat 1500 s (its cache
 * TTL is expires_in - 1500) — so a refetch with 30 minutes or less left is the renewal of a cache
 * such an SDK keeps, the widest of them with room for its clock and latency; more is a caller keeping none.
 */
const RENEW_AHEAD_MS = 30 * 60_000;
/** How long a code is worth remembering: it lives 5 minutes, 10 for website apps (API-FACTS §14). */
const CODE_MEMORY_MS = 30 * 60_000;
/** Tokens remembered for appid lookups and evidence; the oldest are forgotten first. */
const TOKEN_MEMORY = 20_000;
/**
 * The longest code remembered: WeChat's are 32 characters (API-FACTS §0.5). The code is the caller's to
 * choose, and TOKEN_MEMORY codes of a request line's length each would hold hundreds of megabytes.
 */
const CODE_MAX_LENGTH = 128;
/**
 * Apps remembered by appid (the current basic token of each), and appid-and-path pairs (quota counts,
 * limits learnt from quota/get): a proxy serves a handful of apps; past these the least recently
 * counted are forgotten. The appid is the caller's to choose, so these are bounded like the rest.
 */
const APP_MEMORY = 1_000;
const QUOTA_MEMORY = 10_000;
/** quota/get's cgi_path as WeChat's API paths are spelled (`/cgi-bin/message/custom/send`), or it is not learnt. */
const CGI_PATH = /^\/[A-Za-z0-9_./-]{1,200}$/;

/** How an exchange sent to the upstream can end without its answer reaching the caller (not `unreachable`: never sent). */
const LOST_OUTCOMES = ['timeout', 'reset', 'aborted', 'stopped'] as const;
type LostOutcome = (typeof LOST_OUTCOMES)[number];

const EXCHANGE_PATHS = new Set(['/sns/oauth2/access_token', '/sns/oauth2/component/access_token']);
const REFRESH_PATHS = new Set(['/sns/oauth2/refresh_token', '/sns/oauth2/component/refresh_token']);

/** Whether a request target (path and query) is a code exchange, read without parsing its query. */
export function isCodeExchange(target: string): boolean {
  const q = target.indexOf('?');
  return EXCHANGE_PATHS.has(q === -1 ? target : target.slice(0, q));
}

/** The last day beijingDay() wrote out: calls come in by the thousand on the same day. */
let lastDay = { index: NaN, text: '' };

/** WeChat counts quotas per Beijing day (UTC+8, no daylight saving). */
export function beijingDay(time: number): string {
  const index = Math.floor((time + 8 * 3600_000) / 86_400_000);
  if (index !== lastDay.index) lastDay = { index, text: new Date(index * 86_400_000).toISOString().slice(0, 10) };
  return lastDay.text;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

/** A Map that forgets its oldest entries past `limit`. */
class Bounded<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }
  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > this.limit) super.delete(this.keys().next().value as K);
    return this;
  }
}

interface Sighting {
  time: number;
  /** address:port, which changes with each connection: said with what names the caller for longer. */
  caller: string;
  /** The owning program (loopback callers, Linux), filled in once its lookup ends. */
  owner?: CallerProcess;
  /** The caller's User-Agent, when it sent one. */
  agent?: string;
}

/**
 * A caller as a detector names it: its program (pid and command) when known, else its User-Agent (said
 * with "no process found" when a lookup ran and found none), else its
 * address and port, said to be one connection's (a process's next connection has another port).
 */
function who(s: Sighting): MessageRef {
  const shared = s.owner?.sharedWith;
  if (s.owner?.pid !== undefined && shared?.length) {
    // Every holder: any of them may have sent it. (messageRef: pid and command are --json's, not in the words.)
    const commands = [...new Set([s.owner.command ?? '?', ...shared.map((p) => p.command)])];
    return messageRef('proxy.caller.process_shared', { address: s.caller, pid: s.owner.pid, command: s.owner.command ?? '?', pids: [s.owner.pid, ...shared.map((p) => p.pid)].map(String), commands });
  }
  if (s.owner?.pid !== undefined) return { key: 'proxy.caller.process', params: { address: s.caller, pid: s.owner.pid, command: s.owner.command ?? '?' } };
  // "No process found" only where one was looked for: not for a LAN caller, another OS, a lookup rationed or late.
  if (s.agent) return { key: s.owner?.missed ? 'proxy.caller.agent_missed' : 'proxy.caller.agent', params: { address: s.caller, agent: s.agent } };
  return { key: 'proxy.caller.port', params: { address: s.caller } };
}

/**
 * Surely one caller: one process (both pids known, the same, with the same command: not a pid reused
 * by another program), else one connection (the same address:port: one client's keep-alive
 * connection). Never two connections whose processes are unknown: two callers sending the same
 * User-Agent (any two curls) may be any two processes; nor a connection several processes share.
 */
function sameCaller(a: Sighting, b: Sighting): boolean {
  // A connection several processes hold (inherited across fork): which one sent each call is unknown.
  if (a.owner?.sharedWith?.length || b.owner?.sharedWith?.length) return false;
  return a.owner?.pid !== undefined && b.owner?.pid !== undefined ? a.owner.pid === b.owner.pid && a.owner.command === b.owner.command : a.caller === b.caller;
}

/**
 * The one caller of two sightings (sameCaller), named once: its process when known (the connections'
 * addresses then add nothing but are kept for --json), else its one connection.
 */
function whoAlone(first: Sighting, me: Sighting): MessageRef {
  const owner = me.owner?.pid !== undefined ? me.owner : first.owner;
  // (messageRef: the address is not in the words, only in --json's params.)
  if (owner?.pid !== undefined) return messageRef('proxy.caller.process_alone', { address: first.caller === me.caller ? me.caller : `${first.caller}, ${me.caller}`, pid: owner.pid, command: owner.command ?? '?' });
  return who(me);
}

function agentOf(exchange: Pick<ProxyExchange, 'requestHeaders'>): string | undefined {
  for (const [k, v] of exchange.requestHeaders) if (k.length === 10 && k.toLowerCase() === 'user-agent') return v.slice(0, 80);
  return undefined;
}

interface UserToken extends Sighting {
  appid?: string;
  scope?: string;
}

interface BasicToken extends Sighting {
  appid: string;
  token: string;
  expiresAt: number;
  /**
   * Other callers stable_token handed the same token (without force_refresh it returns the current one to
   * every caller, API-FACTS §9), at most HOLDERS_KEPT: a forced refresh knocks it out for each of them.
   */
  others?: Sighting[];
}

/** Callers of one stable token remembered besides the first: enough to know whether any is another process. */
const HOLDERS_KEPT = 8;

interface Superseded {
  appid: string;
  issued: Sighting;
  by: Sighting;
  /** Knocked out by a stable_token call with force_refresh, not by a /cgi-bin/token fetch. */
  forced?: boolean;
}

interface QuotaCount {
  day: string;
  count: number;
  limit: number;
  fired: boolean;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * 40001 where a token is used, not issued: WeChat's table text opens with "AppSecret 错误", which only
 * /cgi-bin/token can mean; on a call it is the token that was refused (replaced by a newer fetch, or the
 * wrong kind: a basic token on /sns/userinfo). The detectors under the line say which.
 */
const TOKEN_REJECTED: Bilingual = {
  zh: 'access_token 无效或不是最新（被重新获取的 token 顶掉，或用错了 token 种类）。',
  // Short enough for the call's line (ui/present/proxy.ts liveMeaning), where it is the whole meaning.
  en: 'access_token invalid or not the latest (a newer one was fetched, or wrong kind)',
};

/**
 * 41002/41004 from stable_token for a body that is not JSON: stable_token reads a JSON body only, so a
 * form (or multipart, PHP curl's array) carrying appid and secret reads as none (API-FACTS §9 [OBS]).
 * WeChat's own "appid missing", on a line that shows the appid, would send the user looking elsewhere.
 * What is wrong is the body, and the label says how: sent as another type it was not JSON at all (a form); sent as application/json it was JSON that does not
 * parse (a quote or brace lost in building it by hand), or JSON that is no object, and naming the header the
 * caller did set would send them to look at the wrong thing.
 */
const STABLE_NOT_JSON: Bilingual = {
  // Short enough for the call's line (ui/present/proxy.ts liveMeaning), where it is the whole meaning.
  zh: 'stable_token 只接受 JSON 请求体（application/json）：这次不是 JSON，没读到 appid/secret',
  en: 'appid and secret unread: the body is not JSON, and stable_token reads only JSON',
};
const STABLE_BAD_JSON: Bilingual = {
  // No "，请" in it: liveMeaning cuts a line's meaning there.
  zh: 'Content-Type 是 application/json，但请求体不是合法的 JSON，没读到 appid/secret',
  en: 'appid and secret unread: the body is not valid JSON (though sent as JSON)',
};
const STABLE_JSON_NOT_OBJECT: Bilingual = {
  zh: '请求体是 JSON，但不是对象，没读到 appid/secret',
  en: 'appid and secret unread: the JSON body is not an object',
};

/** A request's Content-Type names JSON: application/json, or a +json type. */
function sentAsJson(headers: Array<[string, string]>): boolean {
  return /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(headerValue(headers, 'content-type') ?? '');
}

/** Why stable_token read no appid or secret from a body that is not a JSON object, or undefined when it is one. */
function stableBodyProblem(exchange: ProxyExchange): Bilingual | undefined {
  // A body cut where the proxy stopped keeping it cannot be judged from what was kept.
  if (exchange.requestBodyTruncated) return undefined;
  const shape = jsonShape(exchange.requestBody);
  if (shape === 'object') return undefined;
  if (shape === 'other') return STABLE_JSON_NOT_OBJECT;
  return sentAsJson(exchange.requestHeaders) ? STABLE_BAD_JSON : STABLE_NOT_JSON;
}

/** What a text parses to as JSON: 'object' (what WeChat sends), 'other' (an array, a string, a number), or 'none'. */
function jsonShape(text: string): 'object' | 'other' | 'none' {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? 'object' : 'other';
  } catch {
    return 'none';
  }
}

/**
 * 40066 on a call that is not a mini program's page submission: WeChat's table text, "不合法的 url ，递交的
 * 页面被sitemap标记为拦截", is /wxa/search/wxaapi_submitpages's case (a page the sitemap blocks). On
 * /sns/ and /cgi-bin/ it is the general one, a URL WeChat does not serve (API-FACTS §0: an unknown path);
 * path.doubled says when a base URL's path doubled it.
 */
const INVALID_URL: Bilingual = {
  zh: '不合法的 url（多半是接口路径不对）',
  en: 'invalid url (most likely a wrong API path)',
};

/** Answers that are a file, not JSON: media downloads (API-FACTS §0.2, channels media download), QR images. */
const FILE_TYPE = /^\s*(?:image|audio|video)\/|^\s*application\/(?:octet-stream|pdf|zip)\b/i;

/**
 * What a call got, as the live line, the summary, --json and the HAR label it (ObservedCall.answer).
 * WeChat's API answers JSON (API-FACTS §0.1, §0.2: parsed whatever the Content-Type), so an answer
 * without an errcode is `ok` only when it is a JSON object, or a file (a media download, a QR image):
 * a 200 HTML page is a captive portal's or a gateway's, a redirect another host's, as wxauth's own client
 * calls them not_json, and so JSON behind a byte-order mark (ObservedCall.bom). WeChat's pages under /connect/ (the authorize page, its 302 to the callback,
 * wxLogin.js) are for browsers: HTML and redirects are what they answer.
 */
export function answerOf(exchange: ProxyExchange, facts: CallFacts): string {
  if (exchange.outcome !== 'answered') return exchange.outcome;
  // The proxy's own reading trims a byte-order mark away (JS counts it a blank); the caller's parser does not.
  if (bomJson(exchange)) return 'not_json';
  if (facts.errcode !== undefined) return String(facts.errcode);
  const status = exchange.status ?? 200;
  if (status >= 400) return `http_${status}`;
  if (facts.endpoint.startsWith('/connect/')) return 'ok';
  if (status >= 300 && status !== 304) return `http_${status}`;
  if (facts.answer || status === 204 || status === 304 || exchange.method === 'HEAD') return 'ok';
  if (FILE_TYPE.test(headerValue(exchange.responseHeaders, 'content-type') ?? '')) return 'ok';
  // More than the proxy keeps: a JSON object is WeChat's success (a list of 10,000 openids from
  // user/get; WeChat's errors are a few dozen bytes, and one would show in the first bytes kept).
  if (exchange.responseBodyTruncated && /^\s*\{/.test(exchange.responseBody)) return /"errcode"\s*:\s*-?[1-9]/.test(exchange.responseBody) ? 'too_large' : 'ok';
  // Otherwise unread (or not decompressed), unless its first bytes show it is no JSON (a page).
  if (exchange.responseBodyTooLarge || (exchange.responseBodyTruncated && /^\s*\[/.test(exchange.responseBody))) return 'too_large';
  if (exchange.responseBodySize === 0) return 'empty';
  // JSON all the same (an array, a string, a number): not a page, but not the object WeChat sends either.
  return jsonShape(exchange.responseBody) === 'none' ? 'not_json' : 'not_object';
}

/** An answer, read whole, that is JSON but for a byte-order mark before it (which JSON.parse refuses). */
export function bomJson(exchange: ProxyExchange): boolean {
  return exchange.outcome === 'answered' && !exchange.responseBodyTruncated && !exchange.responseBodyTooLarge && isJsonBehindBom(exchange.responseBody);
}

/**
 * A relative Location (RFC 9110 §10.2.2 allows one; HAR 1.2's redirectURL keeps it as sent) resolved against
 * the request's WeChat URL: the one the caller named when it used the proxy as a forward proxy (with
 * --intercept, https://api.weixin.qq.com/…, whatever upstream stands in for it), where a client following it
 * goes; otherwise the upstream's (the WeChat the proxy stands for). Undefined for an absolute one, or one no
 * URL can be made of.
 */
export function resolveRelativeLocation(location: string, exchange: ProxyExchange): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(location)) return undefined;
  try {
    return new URL(location, (exchange.asked ?? exchange.upstream).replace(/\/+$/, '') + exchange.target).href;
  } catch {
    return undefined;
  }
}

/** A 3xx answer's Location (not a 304's, which redirects nowhere), as the upstream sent it. */
export function redirectOf(exchange: ProxyExchange): string | undefined {
  const status = exchange.status ?? 0;
  if (exchange.outcome !== 'answered' || status < 300 || status >= 400 || status === 304) return undefined;
  const location = headerValue(exchange.responseHeaders, 'location')?.trim();
  return location ? location : undefined;
}

export class ProxyObserver {
  readonly masker: ProxyMasker;
  private readonly quotas: Record<string, number>;
  /**
   * Codes by their first exchange: one WeChat answered (the code is spent), or one whose answer was lost
   * (`lost`: the upstream timed out or reset, the caller gave up, the proxy stopped), which WeChat may
   * still have served: a retry's 40163 is then that exchange's doing, not another process's.
   */
  private readonly codes = new Bounded<string, Sighting & { appid?: string; lost?: LostOutcome; pendingId?: number }>(TOKEN_MEMORY);
  /**
   * Code exchanges sent and not yet observed, by call id: a retry or a second callback can get its 40163
   * before the first exchange's answer (WeChat slow to answer, not to spend the code) is back.
   */
  private readonly exchangesInFlight = new Bounded<number, Sighting & { code: string }>(TOKEN_MEMORY);
  private readonly userTokens = new Bounded<string, UserToken>(TOKEN_MEMORY);
  private readonly refreshTokens = new Bounded<string, UserToken>(TOKEN_MEMORY);
  private readonly basicTokens = new Bounded<string, BasicToken>(APP_MEMORY);
  /** Each app's current stable token (a family of its own: a /cgi-bin/token fetch does not touch it, API-FACTS §9). */
  private readonly stableTokens = new Bounded<string, BasicToken>(APP_MEMORY);
  /** Basic tokens (/cgi-bin/token, stable_token) by value: for whom, who got them and when. */
  private readonly basicIssued = new Bounded<string, Sighting & { appid: string; source: string }>(TOKEN_MEMORY);
  private readonly superseded = new Bounded<string, Superseded>(TOKEN_MEMORY);
  /** Basic tokens WeChat refused (40001, 42001) on a call: when, with what, and whether their reuse was said. */
  private readonly refusedTokens = new Bounded<string, { time: number; errcode: number; appid?: string; said: boolean }>(TOKEN_MEMORY);
  private readonly quotaCounts = new Bounded<string, QuotaCount>(QUOTA_MEMORY);
  private readonly meanings = new Bounded<string, Bilingual>(1000);
  /** Limits learnt from quota/get answers, by `appid path`. */
  private readonly learntLimits = new Bounded<string, { limit: number; used: number; day: string }>(QUOTA_MEMORY);
  private readonly otherUpstream: string | undefined;

  constructor(options: ProxyObserverOptions) {
    this.masker = new ProxyMasker(options.showSecrets, undefined, options.knownSecrets);
    this.quotas = { ...QUOTA_DEFAULTS, ...(options.quotas ?? {}) };
    this.otherUpstream = options.otherUpstream;
  }

  /**
   * A call has been sent on (its answer not back): a code exchange is remembered until observe(), so that
   * another exchange of the code answered first is told as the second, not as one whose first use went
   * elsewhere. Every begun call must be observed.
   */
  begin(exchange: Pick<ProxyExchange, 'id' | 'startedAt' | 'caller' | 'target' | 'requestHeaders' | 'callerProcess'>): void {
    if (!isCodeExchange(exchange.target)) return;
    const code = splitTarget(exchange.target).query.code;
    if (!code || code.length > CODE_MAX_LENGTH) return;
    const me: Sighting & { code: string } = { time: exchange.startedAt, caller: exchange.caller, code };
    if (exchange.callerProcess) me.owner = exchange.callerProcess;
    const agent = agentOf(exchange);
    if (agent) me.agent = agent;
    this.exchangesInFlight.set(exchange.id, me);
  }

  observe(exchange: ProxyExchange): ObserveResult {
    this.exchangesInFlight.delete(exchange.id);
    const read = readCall(exchange);
    this.masker.learn(secretValuesOf(read));
    // A secret seen in traffic is masked by value in the path too (`GET /cgi-bin/x/<appsecret>`), as the
    // HAR masks it: the call, every detector hit and message built from it, the quota keys.
    const facts = { ...read, endpoint: this.masker.target(read.endpoint) };
    const appid = this.appidOf(facts);
    const call = this.describe(exchange, facts, appid);
    const hits: DetectorHit[] = [];
    const hit = (id: DetectorId, evidence: MessageRef, fix: MessageRef) =>
      hits.push({ id, time: exchange.startedAt, callId: exchange.id, endpoint: facts.endpoint, ...(appid ? { appid } : {}), evidence, fix });
    const me: Sighting = { time: exchange.startedAt, caller: exchange.caller };
    if (exchange.callerProcess) me.owner = exchange.callerProcess;
    const agent = agentOf(exchange);
    if (agent) me.agent = agent;

    // WeChat consumed the code when it handed out a token for it (or says it already had: 40163). Not
    // after a -1 (全局返回码: 系统繁忙，此时请开发者稍候再试) or an HTTP 5xx, and not after a refusal of the
    // call itself (40125 wrong secret, 41004 no secret, 40029 a code it does not take): exchanging the
    // same code again once the secret is fixed is right, not a reuse that would get 40163.
    const consumed = exchange.outcome === 'answered' && (exchange.status ?? 0) < 500 && (facts.errcode === undefined || facts.errcode === 0 || facts.errcode === 40163);
    // Sent to WeChat but its answer lost on the way: WeChat may have spent the code all the same (not when
    // the upstream was never reached).
    const lost = LOST_OUTCOMES.find((o) => o === exchange.outcome);
    // What is remembered is keyed or tagged by an appid only when it is shaped like WeChat's: any other
    // (a scanner's, a typo) is an unknown app, as when a call names none. The line still shows it.
    const known = appid !== undefined && isAppid(appid) ? appid : undefined;
    this.detectCodeReuse(facts, known, me, exchange.id, consumed, lost, call.answer, hit);
    this.detectNotLatest(facts, appid, me, call.answer, hit);
    // /sns/sns/…, /cgi-bin/cgi-bin/…, /api/sns/…: the client's API base carries a path of its own, which
    // its SDK puts before every WeChat path (WeChat answers 40066 invalid url, or a 404: API-FACTS §0).
    // Only on WeChat's answers to a path it does not have: a gateway under a path of its own answers the rest.
    const doubled = facts.errcode === 40066 || exchange.status === 404 ? /^(\/.+?)(\/(?:sns|cgi-bin)\/.*)$/.exec(facts.endpoint) : null;
    if (doubled) {
      // The example base is the one this client used, without the path: its Host, this proxy's address
      // (served on http), or under --intercept WeChat's own host, which clients reach on https.
      const host = headerValue(exchange.requestHeaders, 'host') ?? 'host:port';
      const scheme = isWechatApiBase(`https://${host}`) ? 'https' : 'http';
      hit('path.doubled', { key: 'proxy.hit.path.doubled', params: { path: facts.endpoint, extra: doubled[1]!, meant: doubled[2]! } }, { key: 'proxy.fix.path.doubled', params: { extra: doubled[1]!, base: `${scheme}://${host}` } });
    }
    if (facts.errcode === 40164) {
      // The errmsg names the address WeChat saw (API-FACTS §8): that, not the caller's, is what to whitelist.
      const parsed = parseErrorBody(JSON.stringify({ errcode: 40164, errmsg: facts.errmsg ?? '' }));
      const ip = parsed?.ip ?? parsed?.ipv6 ?? '?';
      const params = { ip, caller: who(me), appid: appid ?? '?', endpoint: facts.endpoint };
      const upstream = this.otherUpstream;
      if (upstream === undefined) hit('ip.whitelist', { key: 'proxy.hit.ip.whitelist', params }, { key: 'proxy.fix.ip.whitelist', params: { ip } });
      else hit('ip.whitelist', { key: 'proxy.hit.ip.whitelist.upstream', params: { ...params, upstream } }, { key: 'proxy.fix.ip.whitelist.upstream', params: { ip, upstream, appid: known ?? 'APPID' } });
    }
    if (facts.endpoint === '/sns/userinfo' && facts.errcode === 48001) {
      // 48001 on /sns/userinfo means the token lacks snsapi_userinfo (API-FACTS §7); a snapshot user's
      // userinfo token gets it too, so only a token seen being issued as snsapi_base is named.
      const token = this.userTokens.get(facts.query.access_token ?? '');
      if (token?.scope !== undefined && token.scope.split(',').includes('snsapi_base') && !token.scope.includes('snsapi_userinfo')) {
        hit('userinfo.base_scope', { key: 'proxy.hit.userinfo.base_scope', params: { issued: iso(token.time), issuer: who(token), appid: appid ?? '?' } }, { key: 'proxy.fix.userinfo.base_scope' });
      }
    }
    if ((facts.endpoint === '/sns/userinfo' || facts.endpoint === '/sns/auth') && facts.errcode !== undefined) {
      // The user endpoints take the web-authorization token /sns/oauth2/access_token returns, never a
      // basic one: WeChat answers such a token 40001 (API-FACTS §7), which alone reads like a wrong AppSecret.
      const basic = this.basicIssued.get(facts.query.access_token ?? '');
      if (basic) {
        hit(
          'userinfo.basic_token',
          { key: 'proxy.hit.userinfo.basic_token', params: { endpoint: facts.endpoint, errcode: facts.errcode, appid: basic.appid, source: basic.source, issuer: who(basic), issued: iso(basic.time) } },
          { key: 'proxy.fix.userinfo.basic_token' },
        );
      }
    }
    if (REFRESH_PATHS.has(facts.endpoint) && facts.errcode === 42002) {
      // refresh_token lives 30 days (API-FACTS §5, §14); after that only a new authorization helps.
      const seen = this.refreshTokens.get(facts.query.refresh_token ?? '');
      const evidence: MessageRef = seen
        ? { key: 'proxy.hit.refresh.expired.seen', params: { issued: iso(seen.time), issuer: who(seen), appid: appid ?? '?' } }
        : { key: 'proxy.hit.refresh.expired', params: { appid: appid ?? '?' } };
      hit('refresh.expired', evidence, { key: 'proxy.fix.refresh.expired' });
    }
    this.learnTokens(facts, known, me, hit);
    this.countQuota(facts, known, exchange.startedAt, hit);
    return { call, hits };
  }

  /** How many entries each memory holds: all bounded, whatever callers send. */
  remembered(): Record<'codes' | 'userTokens' | 'refreshTokens' | 'basicTokens' | 'basicIssued' | 'superseded' | 'refusedTokens' | 'quotaCounts' | 'meanings' | 'learntLimits', number> {
    return {
      codes: this.codes.size,
      userTokens: this.userTokens.size,
      refreshTokens: this.refreshTokens.size,
      basicTokens: this.basicTokens.size,
      basicIssued: this.basicIssued.size,
      superseded: this.superseded.size,
      refusedTokens: this.refusedTokens.size,
      quotaCounts: this.quotaCounts.size,
      meanings: this.meanings.size,
      learntLimits: this.learntLimits.size,
    };
  }

  /** The appid a call is for: named in the query or body, else known from the token it carries. */
  private appidOf(facts: CallFacts): string | undefined {
    const named = str(facts.query.appid) ?? str(facts.body?.appid);
    if (named) return named;
    const token = facts.query.access_token;
    if (token) return this.userTokens.get(token)?.appid ?? this.basicIssued.get(token)?.appid;
    const refresh = facts.query.refresh_token;
    if (refresh) return this.refreshTokens.get(refresh)?.appid;
    return undefined;
  }

  private describe(exchange: ProxyExchange, facts: CallFacts, appid: string | undefined): ObservedCall {
    const q = exchange.target.indexOf('?');
    const call: ObservedCall = {
      id: exchange.id,
      time: exchange.startedAt,
      caller: exchange.caller,
      method: exchange.method,
      endpoint: facts.endpoint,
      outcome: exchange.outcome,
      answer: answerOf(exchange, facts),
      latencyMs: exchange.latencyMs,
      query: q === -1 ? '' : this.masker.target(exchange.target.slice(q)).slice(1),
      requestBody: this.masker.text(exchange.requestBody),
      responseBody: this.masker.text(exchange.responseBody),
      requestBodySize: exchange.requestBodySize,
      responseBodySize: exchange.responseBodySize,
    };
    if (appid) call.appid = appid;
    if (bomJson(exchange)) call.bom = true;
    if (exchange.failure) call.failure = exchange.failure;
    if (exchange.status !== undefined) call.status = exchange.status;
    if (facts.errcode !== undefined) {
      call.errcode = facts.errcode;
      call.errmsg = this.masker.text(facts.errmsg ?? '');
      call.meaning = this.meaningOf(facts.errcode, facts.endpoint);
      if (facts.endpoint === '/cgi-bin/stable_token' && (facts.errcode === 41002 || facts.errcode === 41004)) call.meaning = stableBodyProblem(exchange) ?? call.meaning;
    }
    if (facts.rid) call.rid = facts.rid;
    if (exchange.responseBodyTooLarge) call.responseBodyTooLarge = true;
    const location = redirectOf(exchange);
    if (location !== undefined) {
      call.location = this.masker.header('location', location);
      const resolved = resolveRelativeLocation(location, exchange);
      if (resolved !== undefined) call.locationResolved = this.masker.header('location', resolved);
    }
    return call;
  }

  /** The errcode's meaning, looked up once per errcode and endpoint: the lookup costs more than the rest of a line. */
  private meaningOf(errcode: number, endpoint: string): Bilingual {
    const key = `${errcode} ${endpoint}`;
    let meaning = this.meanings.get(key);
    if (!meaning) {
      // Where the call sends the secret (the token endpoints, the code exchange, a refresh), 40001 may be it.
      const issuing = isTokenEndpoint(endpoint) || EXCHANGE_PATHS.has(endpoint) || REFRESH_PATHS.has(endpoint);
      meaning =
        errcode === 40001 && !issuing ? TOKEN_REJECTED : errcode === 40066 && !endpoint.startsWith('/wxa/') ? INVALID_URL : explainErrcode(errcode, { endpoint }).meaning;
      this.meanings.set(key, meaning);
    }
    return meaning;
  }

  private detectCodeReuse(facts: CallFacts, appid: string | undefined, me: Sighting, id: number, consumed: boolean, lost: LostOutcome | undefined, answer: string, hit: (id: DetectorId, e: MessageRef, f: MessageRef) => void): void {
    if (!EXCHANGE_PATHS.has(facts.endpoint)) return;
    const code = facts.query.code;
    if (!code) return;
    for (const [k, v] of this.codes) if (me.time - v.time > CODE_MEMORY_MS) this.codes.delete(k);
      else break;
    let first = this.codes.get(code);
    if (first?.pendingId === id) {
      // This is the exchange a 40163 answered before it (below): said then, as the first of the two.
      if (consumed || lost !== undefined) this.codes.set(code, { ...me, ...(appid ? { appid } : {}), ...(lost !== undefined ? { lost } : {}) });
      return;
    }
    if (!first && facts.errcode === 40163) {
      // Another exchange of this code, sent earlier, is still waiting for its answer: it is the first.
      let earliest: [number, Sighting] | undefined;
      for (const [other, sent] of this.exchangesInFlight) if (sent.code === code && sent.time <= me.time && (!earliest || sent.time < earliest[1].time)) earliest = [other, sent];
      if (earliest) {
        const sent = earliest[1];
        first = { time: sent.time, caller: sent.caller, ...(sent.owner ? { owner: sent.owner } : {}), ...(sent.agent ? { agent: sent.agent } : {}), pendingId: earliest[0] };
        this.codes.set(code, first);
      }
    }
    if (first?.lost !== undefined) {
      // The first exchange got no answer; this one says whether WeChat had served it. 40163: it had, and
      // the retry could never work. A token: it had not, and the code is spent only now.
      if (facts.errcode === 40163) {
        this.codes.set(code, { ...first, lost: undefined });
        hit(
          'code.reused',
          { key: 'proxy.hit.code.reused.lost', params: { code: this.masker.value(code), first: iso(first.time), firstCaller: who(first), lost: { key: `proxy.summary.failure.${first.lost}`, params: {} }, second: iso(me.time), secondCaller: who(me) } },
          { key: 'proxy.fix.code.reused.lost' },
        );
      } else if (consumed) this.codes.set(code, { ...me, ...(appid ? { appid } : {}) });
      return;
    }
    if (first) {
      // A code is single-use: the second exchange gets 40163 (API-FACTS §1.6, §4). One caller both times
      // (one process, often one keep-alive connection) is named once: the same code path ran twice.
      const params = { code: this.masker.value(code), first: iso(first.time), second: iso(me.time), answer };
      if (!sameCaller(first, me)) {
        hit('code.reused', { key: 'proxy.hit.code.reused', params: { ...params, firstCaller: who(first), secondCaller: who(me) } }, { key: 'proxy.fix.code.reused' });
        return;
      }
      // One caller, named once (whoAlone). Two exchanges within a second are told apart by the gap, not
      // by two equal clock times.
      const caller = whoAlone(first, me);
      const ms = Math.max(0, me.time - first.time);
      const evidence = messageRef(ms < 1000 ? 'proxy.hit.code.reused.same_soon' : 'proxy.hit.code.reused.same', { ...params, caller, ms });
      hit('code.reused', evidence, { key: 'proxy.fix.code.reused' });
      return;
    }
    if ((consumed || lost !== undefined) && code.length <= CODE_MAX_LENGTH) this.codes.set(code, { ...me, ...(appid ? { appid } : {}), ...(lost !== undefined ? { lost } : {}) });
    if (facts.errcode === 40163) {
      hit('code.reused', { key: 'proxy.hit.code.reused.unseen', params: { code: this.masker.value(code), caller: who(me) } }, { key: 'proxy.fix.code.reused' });
    }
  }

  private detectNotLatest(facts: CallFacts, appid: string | undefined, me: Sighting, answer: string, hit: (id: DetectorId, e: MessageRef, f: MessageRef) => void): void {
    // On a /sns/ user endpoint a basic token is the wrong kind of token, old or new (userinfo.basic_token
    // says so): "fetch it with stable_token" would not help there. The token endpoints are sent a secret.
    const token = facts.query.access_token;
    if (!token || facts.endpoint.startsWith('/sns/') || isTokenEndpoint(facts.endpoint)) return;
    const refused = this.refusedTokens.get(token);
    if (refused) {
      // The token WeChat refused a moment ago, sent again (an SDK's retry that takes the token from the
      // same cache, as wechat-api's 40001 retry does): said once per token; every later use of it is the
      // same mistake, not news, and not another token war.
      if (refused.said) return;
      refused.said = true;
      hit(
        'token.retried',
        { key: 'proxy.hit.token.retried', params: { caller: who(me), errcode: refused.errcode, refused: iso(refused.time), appid: appid ?? refused.appid ?? '?', answer } },
        { key: 'proxy.fix.token.retried' },
      );
      return;
    }
    if (facts.errcode !== 40001 && facts.errcode !== 42001) return;
    this.refusedTokens.set(token, { time: me.time, errcode: facts.errcode, ...(appid ? { appid } : {}), said: false });
    if (facts.errcode !== 40001) return;
    const old = this.superseded.get(token);
    if (!old) return;
    // A new /cgi-bin/token invalidates the previous one after at most 5 minutes (API-FACTS §8).
    hit(
      'token.not_latest',
      {
        key: old.forced ? 'proxy.hit.token.not_latest.forced' : 'proxy.hit.token.not_latest',
        params: { appid: appid ?? old.appid, issued: iso(old.issued.time), issuer: who(old.issued), refetched: iso(old.by.time), refetcher: who(old.by) },
      },
      { key: old.forced ? 'proxy.fix.basic_token.forced' : 'proxy.fix.basic_token' },
    );
  }

  private learnTokens(facts: CallFacts, appid: string | undefined, me: Sighting, hit: (id: DetectorId, e: MessageRef, f: MessageRef) => void): void {
    const answer = facts.answer;
    const accessToken = str(answer?.access_token);
    if (!answer || facts.errcode !== undefined || !accessToken) return;
    if (EXCHANGE_PATHS.has(facts.endpoint) || REFRESH_PATHS.has(facts.endpoint)) {
      const scope = str(answer.scope) ?? (REFRESH_PATHS.has(facts.endpoint) ? this.refreshTokens.get(facts.query.refresh_token ?? '')?.scope : undefined);
      const info: UserToken = { ...me, ...(appid ? { appid } : {}), ...(scope ? { scope } : {}) };
      this.userTokens.set(accessToken, info);
      const refresh = str(answer.refresh_token);
      // A refresh keeps the refresh_token's age: it is the first sighting that dates it.
      if (refresh && !this.refreshTokens.has(refresh)) this.refreshTokens.set(refresh, info);
      return;
    }
    const expiresIn = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : BASIC_TOKEN_SECONDS;
    const stable = facts.endpoint === '/cgi-bin/stable_token';
    if ((!stable && facts.endpoint !== '/cgi-bin/token') || !appid) return;
    this.basicIssued.set(accessToken, { ...me, appid, source: facts.endpoint });
    // A new /cgi-bin/token knocks out the previous one. stable_token is a family of its own (a
    // /cgi-bin/token fetch does not touch it, API-FACTS §9) whose previous token falls only to
    // force_refresh: true, the token war by another road; a new one without it is the normal rotation
    // of the last 5 minutes, when old and new both work.
    const family = stable ? this.stableTokens : this.basicTokens;
    const forced = stable && (facts.body?.force_refresh === true || facts.body?.force_refresh === 'true');
    const previous = family.get(appid);
    if (stable && previous?.token === accessToken) {
      // The same stable token to another caller: one more holder of it, the first still the one that got it first.
      const others = previous.others ?? [];
      if (others.length < HOLDERS_KEPT && !sameCaller(previous, me) && !others.some((h) => sameCaller(h, me))) previous.others = [...others, me];
      family.set(appid, previous);
      return;
    }
    if (previous && previous.token !== accessToken && (!stable || forced)) {
      this.superseded.set(previous.token, { appid, issued: previous, by: me, ...(forced ? { forced: true } : {}) });
      const left = Math.max(1, Math.round((previous.expiresAt - me.time) / 60_000));
      // Not news: replacing a token WeChat refused (40001, 42001) since it was issued, as the uncached
      // fix says (fetch again after a 40001; no process is left holding a working one), and the caller
      // that got it renewing it a little early (RENEW_AHEAD_MS or less left): it keeps its token.
      const refused = this.refusedTokens.get(previous.token);
      const recovering = refused !== undefined && refused.time >= previous.time;
      const same = !forced && sameCaller(previous, me);
      // A forced refresh knocks the stable token out for every caller that got it: another's (the war),
      // one whose process is not known, or none but the caller's own.
      const holders = [previous, ...(previous.others ?? [])];
      const otherHolders = forced ? holders.filter((h) => !sameCaller(h, me)) : [];
      const knownOther = otherHolders.find((h) => h.owner?.pid !== undefined && me.owner?.pid !== undefined);
      // Two connections, and the process behind one or both not known (a curl gone before its lookup
      // found it, a caller on another machine): one process or two, the proxy cannot tell.
      const unknown = !same && (previous.owner?.pid === undefined || me.owner?.pid === undefined) && previous.caller !== me.caller;
      const renewing = same && previous.expiresAt - me.time <= RENEW_AHEAD_MS;
      if (!recovering && !renewing && me.time < previous.expiresAt) {
        if (same) {
          // The caller that got the token fetched another: it does not keep it. Not a war between
          // services: each such fetch spends the day's /cgi-bin/token quota (API-FACTS §8: 2000 for an
          // Official Account), and the token it replaced works 5 more minutes at most (§8), so only a
          // copy of it kept elsewhere (another worker, a shared cache) then gets 40001.
          const limit = this.tokenLimit(appid, me.time);
          hit(
            'basic_token.refetched',
            { key: 'proxy.hit.basic_token.refetched.same', params: { appid, issued: iso(previous.time), caller: whoAlone(previous, me), left, limit } },
            { key: 'proxy.fix.basic_token.uncached' },
          );
        } else if (forced && otherHolders.length === 0) {
          // Its own token, which stable_token would have handed back until 5 minutes before expiry (§9):
          // the forced refresh invalidated it, and spent one of the 20 a day (≥ 30 s apart) WeChat allows.
          hit(
            'basic_token.refetched',
            { key: 'proxy.hit.basic_token.force_refreshed.same', params: { appid, issued: iso(previous.time), caller: whoAlone(previous, me), left } },
            { key: 'proxy.fix.basic_token.forced' },
          );
        } else if (forced && !knownOther) {
          const holder = otherHolders[0]!;
          hit(
            'basic_token.refetched',
            { key: 'proxy.hit.basic_token.force_refreshed.unknown', params: { appid, issued: iso(holder.time), issuer: who(holder), caller: who(me), left } },
            { key: 'proxy.fix.basic_token.forced' },
          );
        } else if (unknown && !forced) {
          // Said as either: a process keeping no token (the quota it spends) or two fetching their own.
          const limit = this.tokenLimit(appid, me.time);
          hit(
            'basic_token.refetched',
            { key: 'proxy.hit.basic_token.refetched.unknown', params: { appid, issued: iso(previous.time), issuer: who(previous), caller: who(me), left, limit } },
            { key: 'proxy.fix.basic_token' },
          );
        } else {
          hit(
            'basic_token.refetched',
            {
              key: forced ? 'proxy.hit.basic_token.force_refreshed' : 'proxy.hit.basic_token.refetched',
              params: { appid, issued: iso((knownOther ?? previous).time), issuer: who(knownOther ?? previous), caller: who(me), left },
            },
            { key: forced ? 'proxy.fix.basic_token.forced' : 'proxy.fix.basic_token' },
          );
        }
      }
    }
    family.set(appid, { ...me, appid, token: accessToken, expiresAt: me.time + expiresIn * 1000 });
  }

  /** /cgi-bin/token's daily limit for an app: what quota/get said today, else the default or --quota. */
  private tokenLimit(appid: string, time: number): number {
    const learnt = this.learntLimits.get(`${appid} /cgi-bin/token`);
    return learnt?.day === beijingDay(time) ? learnt.limit : this.quotas['/cgi-bin/token']!;
  }

  private countQuota(facts: CallFacts, appid: string | undefined, time: number, hit: (id: DetectorId, e: MessageRef, f: MessageRef) => void): void {
    const day = beijingDay(time);
    // quota/get tells the real limit and how much was used before the proxy saw anything (API-FACTS §10).
    if (facts.endpoint === '/cgi-bin/openapi/quota/get' && facts.errcode === undefined && appid) {
      const path = str(facts.body?.cgi_path);
      const quota = facts.answer?.quota;
      if (path && CGI_PATH.test(path) && typeof quota === 'object' && quota !== null) {
        const { daily_limit: limit, used } = quota as Record<string, unknown>;
        if (typeof limit === 'number' && limit > 0 && typeof used === 'number') {
          this.learntLimits.set(`${appid} ${path}`, { limit, used, day });
          const key = `${appid} ${path}`;
          const count = this.quotaCounts.get(key);
          this.quotaCounts.set(key, { day, count: used, limit, fired: count?.day === day ? count.fired : false });
          this.checkQuota(key, path, appid, hit);
        }
      }
    }
    const learnt = appid ? this.learntLimits.get(`${appid} ${facts.endpoint}`) : undefined;
    const limit = learnt?.day === day ? learnt.limit : this.quotas[facts.endpoint];
    if (limit === undefined) return;
    const key = `${appid ?? '?'} ${facts.endpoint}`;
    const count = this.quotaCounts.get(key);
    const next: QuotaCount = count?.day === day ? { ...count, count: count.count + 1, limit } : { day, count: 1, limit, fired: false };
    this.quotaCounts.set(key, next);
    this.checkQuota(key, facts.endpoint, appid, hit);
  }

  private checkQuota(key: string, path: string, appid: string | undefined, hit: (id: DetectorId, e: MessageRef, f: MessageRef) => void): void {
    const count = this.quotaCounts.get(key);
    if (!count || count.fired || count.count <= count.limit * QUOTA_ALERT_SHARE) return;
    count.fired = true;
    hit(
      'quota.high',
      { key: 'proxy.hit.quota.high', params: { path, appid: appid ?? '?', count: count.count, limit: count.limit, percent: Math.floor((count.count / count.limit) * 100), day: count.day } },
      { key: path === '/cgi-bin/token' ? 'proxy.fix.quota.token' : 'proxy.fix.quota' },
    );
  }
}

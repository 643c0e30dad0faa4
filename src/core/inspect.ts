// Linting WeChat auth URLs before use. Most WeChat login failures happen before any API call: WeChat
// shows a page (10003 "redirect_uri 参数错误", "Scope 参数错误或没有 Scope 权限", "该链接无法访问")
// instead of redirecting. This module predicts those pages from the URL alone.
//
// Findings are language-neutral: a stable id, a severity and parameters. The catalogue
// (src/ui/messages/inspect.ts, keys `inspect.<id>`, `inspect.<id>.effect`, `inspect.<id>.fix`) renders
// them. Every rule cites the behaviour it follows in ../shared/wechat/API-FACTS.md (copied facts are
// summarised in comments; the product never reads that file).
import {
  ENDPOINT_SCOPES,
  ORDERED_PARAMS,
  SCOPES,
  WECHAT_REDIRECT_FRAGMENT,
  isScope,
  type AuthEndpoint,
} from './authorize-url.js';
import {
  parseCallbackUrl,
  parseQuery,
  splitUrl,
  fragmentQuery,
  decodeComponent,
  looksLikeCode,
  redirectUriParams,
  carriedCallbackParams,
  WECHAT_HOP_MARKERS,
  linkOfState,
  stateOnlyVerdict,
  asciiSeparators,
  asciiReadingMeant,
  type QueryParam,
} from './callback-url.js';
import { matchCallbackDomain, httpCodeInClear, isIpHost, isLoopbackHost } from './domain.js';
import { PATHS, DEFAULT_OPEN_BASE } from './endpoints.js';
import { validateState, showChar, STATE_MAX_BYTES } from './state.js';
import { isAppid, isCallbackDomain, type AccountType } from './validate.js';
import { isSecretName, redactUrl, redactValue } from './secrets.js';
import { levenshtein, suggest } from './closest.js';

export type Severity = 'error' | 'warning' | 'info';
export type InspectKind = 'authorize' | 'qrconnect' | 'callback' | 'unknown';

/** Every finding id, so the catalogue can be checked for completeness. */
export const FINDING_IDS = [
  'input.empty',
  'input.unrecognised',
  'input.whitespace',
  'input.truncated',
  'input.fullwidth',
  'input.fullwidth_callback',
  'endpoint.no_scheme',
  'endpoint.http',
  'endpoint.host',
  'endpoint.path',
  'endpoint.scheme',
  'endpoint.real_wechat',
  'params.html_escaped',
  'params.bad_encoding',
  'params.duplicate',
  'params.unknown',
  'params.secret',
  'params.token',
  'params.misspelt',
  'params.missing',
  'params.empty',
  'params.order',
  'params.connect_redirect',
  'params.wechat_hop',
  'response_type.invalid',
  'scope.unknown',
  'scope.misspelt',
  'scope.multiple',
  'scope.login_on_authorize',
  'scope.oa_on_qrconnect',
  'fragment.missing',
  'fragment.missing_qrconnect',
  'fragment.wrong',
  'fragment.params_after',
  'fragment.before_query',
  'redirect_uri.not_encoded',
  'redirect_uri.query_split',
  'redirect_uri.hash_unencoded',
  'redirect_uri.double_encoded',
  'redirect_uri.encoded_many',
  'redirect_uri.whitespace',
  'redirect_uri.no_scheme',
  'redirect_uri.invalid',
  'redirect_uri.relative',
  'redirect_uri.bad_scheme',
  'redirect_uri.fragment',
  'redirect_uri.carries_code',
  'redirect_uri.http',
  'redirect_uri.loopback_phone',
  'redirect_uri.ip',
  'redirect_uri.port',
  'redirect_uri.userinfo',
  'redirect_uri.host_non_ascii',
  'redirect_uri.default_port',
  'redirect_uri.scheme_mismatch',
  'domain.host',
  'domain.host_ip',
  'domain.emulator_host_ip',
  'domain.host_ip_website',
  'domain.subdomain',
  'domain.parent',
  'domain.port',
  'domain.ip',
  'domain.emulator_only',
  'domain.emulator_only_oa',
  'domain.emulator_port_test',
  'domain.bad_config',
  'domain.unchecked',
  'state.absent',
  'state.charset',
  'state.charset_unreserved',
  'state.whitespace',
  'state.too_long',
  'state.placeholder',
  'appid.placeholder',
  'appid.wecom',
  'appid.shape',
  'appid.upper_case',
  'appid.upper_case_profile',
  'appid.profile_mismatch',
  'appid.website_on_authorize',
  'appid.oa_on_qrconnect',
  'appid.subscription',
  'callback.denied',
  'callback.code_empty',
  'callback.code_shape',
  'callback.code_duplicate',
  'callback.code_in_fragment',
  'callback.code_seen',
  'callback.state_ok',
  'callback.state_mismatch',
  'callback.state_used',
  'callback.state_missing',
  'callback.state_unverified',
  'callback.no_state',
  'callback.state_duplicate',
  'callback.wechat_hop',
  'callback.oauth_error',
] as const;

export type FindingId = (typeof FINDING_IDS)[number];

/** A finding's values; a list stays a list, so its sentence joins it as the user's language does (`a, b` / `a、b`). */
export type FindingParams = Record<string, string | number | readonly string[]>;

/** A finding's values as --json has always shown them: a list as one `a, b` string. */
export function findingParamsJson(params: FindingParams): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value.join(', ') : value]));
}

export interface Finding {
  id: FindingId;
  severity: Severity;
  params: FindingParams;
}

/**
 * Findings said in other words by their params (keysOfFinding), under the same id (--json unchanged): a
 * finding whose sentences depend on what is known beyond the URL. callback.denied of the remembered
 * snsapi_base link (no consent page: the code was lost) and of a QR login (cancelled on the phone), by
 * params.verdict (core/callback-url.ts stateOnlyVerdict).
 */
export const FINDING_VARIANTS = ['callback.denied.base', 'callback.denied.qr', 'domain.emulator_only.ip', 'domain.emulator_only_oa.ip'] as const;
export type FindingTextId = FindingId | (typeof FINDING_VARIANTS)[number];

/** A finding's three catalogue keys, as types: ui/findings.ts hands them to t(), so a finding id without its texts fails tsc. */
export interface FindingKeys<I extends FindingTextId = FindingTextId> {
  message: `inspect.${I}`;
  effect: `inspect.${I}.effect`;
  fix: `inspect.${I}.fix`;
}

/** Catalogue keys of a finding's three sentences. */
export function findingKeys<I extends FindingTextId>(id: I): FindingKeys<I> {
  return { message: `inspect.${id}`, effect: `inspect.${id}.effect`, fix: `inspect.${id}.fix` };
}

/** The keys of this finding's sentences: its variant's when it has one (FindingTextId). */
export function keysOfFinding(finding: Finding): FindingKeys {
  if (finding.id === 'callback.denied' && finding.params.verdict === 'lost_code') return findingKeys('callback.denied.base');
  if (finding.id === 'callback.denied' && finding.params.verdict === 'refused_qr') return findingKeys('callback.denied.qr');
  // An IP host (127.0.0.1:8093 against the emulator): no 公众号 or website app registers an IP at all, so
  // "serve it under 127.0.0.1 on 80/443" is no way to go live; a registered domain name is.
  const onIp = typeof finding.params.host === 'string' && isIpHost(finding.params.host);
  if (finding.id === 'domain.emulator_only' && onIp) return findingKeys('domain.emulator_only.ip');
  if (finding.id === 'domain.emulator_only_oa' && onIp) return findingKeys('domain.emulator_only_oa.ip');
  return findingKeys(finding.id);
}

export interface InspectProfile {
  appid?: string;
  type?: AccountType;
  /** Callback domain: host[:port], no scheme. */
  domain?: string;
  /** The profile's usual redirect_uri (its scheme tells http from https). */
  redirectUri?: string;
}

export interface InspectContext {
  profile?: InspectProfile;
  /** The state `wxauth url` remembered for this profile. */
  rememberedState?: string;
  /** The scope and endpoint of that state's link (the state file has them): what a callback without a code means. */
  rememberedLink?: { scope?: string | undefined; endpoint?: AuthEndpoint | undefined };
  /**
   * The remembered state was used already: its callback taken by `by` (login, listen or exchange) at `at`
   * (ms since the epoch), each left out when its file does not record it. A state is single use: the same
   * callback again is an old tab or a replay. The finding carries both as they are; its presenter words them.
   */
  rememberedStateUsed?: { at?: number; by?: string };
  /** Codes already seen (e.g. by the listener): a repeat means WeChat hit the callback twice. */
  seenCodes?: string[];
  /** An open base other than open.weixin.qq.com to accept as WeChat's (the emulator). */
  openBase?: string;
  /**
   * --show-secrets: a finding quotes a secret's value (a badly encoded code, a redirect_uri carrying
   * one) as written. Otherwise masked, as the parameter list masks it.
   */
  showSecrets?: boolean;
}

export interface InspectResult {
  kind: InspectKind;
  /** The parameters as WeChat would read them (decoded), in URL order; for callbacks, query then fragment. */
  params: Array<[string, string]>;
  findings: Finding[];
  /** For auth URLs: the decoded redirect_uri. */
  redirectUri?: string;
  /** A WxLogin iframe URL (`login_type=jssdk`). */
  embedded?: boolean;
  /**
   * Parameters whose values are the WeChat session of whoever copied the link (`uin`, `key` on a link
   * copied after WeChat's own redirect, params.wechat_hop): redactParams masks them as it masks secrets.
   */
  sessionParams?: string[];
}

const WECHAT_OPEN_HOST = 'open.weixin.qq.com';

/** Parameters WeChat documents or is known to accept besides the five ordered ones (API-FACTS §1.1, §1.2, §2.1, §2.2). */
const EXTRA_PARAMS: Record<AuthEndpoint, readonly string[]> = {
  authorize: ['forcePopup', 'forceSnapShot', 'connect_redirect', 'component_appid'],
  qrconnect: [
    'lang',
    'login_type',
    'self_redirect',
    'styletype',
    'sizetype',
    'bgcolor',
    'rst',
    'style',
    'href',
    'stylelite',
    'fast_login',
    'connect_redirect',
  ],
};

/** Parameters that carry the account's secret or a token, by name: a leak in an authorize link. */
const LEAKED_PARAMS: Readonly<Record<string, 'params.secret' | 'params.token'>> = {
  secret: 'params.secret',
  appsecret: 'params.secret',
  app_secret: 'params.secret',
  client_secret: 'params.secret',
  access_token: 'params.token',
  refresh_token: 'params.token',
  component_access_token: 'params.token',
};

/** WeChat's page-level codes for a missing parameter (sibling catalogue, API-FACTS §1.5). */
const MISSING_ERRCODE: Record<string, string> = {
  appid: '10012',
  redirect_uri: '10011',
  scope: '10010',
  response_type: '',
};

/** States that are constants copied from the docs or examples: they protect against nothing. */
/** Outside WeChat's documented a-zA-Z0-9, but unreserved in URLs (RFC 3986 §2.3) and seen to survive. */
const URL_SAFE_STATE_CHARS = ['-', '_', '.'];
const PLACEHOLDER_STATES = new Set(['state', 'status', '123', '1234', '1', '0', 'test', 'abc', 'xyz', 'stateparam']);

/** Show invisible characters in a value quoted in a message. */
export function visible(s: string, max = 120): string {
  const shown = [...s].map((c) => (/\s/.test(c) || /[\x00-\x1f\x7f]/.test(c) ? showChar(c) : c)).join('');
  return shown.length > max ? shown.slice(0, max - 1) + '…' : shown;
}

interface UrlParts {
  scheme?: string;
  host?: string;
  path: string;
}

/** scheme, host[:port] and path of the part before `?`, tolerating a missing scheme. */
function urlParts(base: string): UrlParts | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(base);
  if (m) return { scheme: (m[1] ?? '').toLowerCase(), host: (m[2] ?? '').toLowerCase(), path: m[3] ?? '' };
  const bare = /^(?:\/\/)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?)(\/.*)?$/.exec(base);
  if (bare) return { host: (bare[1] ?? '').toLowerCase(), path: bare[2] ?? '' };
  return undefined;
}

function openBaseHost(openBase: string | undefined): { scheme: string; host: string; path: string } | undefined {
  if (!openBase) return undefined;
  const parts = urlParts(openBase.replace(/\/+$/, ''));
  if (!parts?.scheme || !parts.host) return undefined;
  return { scheme: parts.scheme, host: parts.host, path: parts.path };
}

function looksLikeWechatHost(host: string): boolean {
  const h = host.replace(/:\d+$/, '');
  return levenshtein(h, WECHAT_OPEN_HOST) <= 3 || /weixin|wechat|wx\.qq/.test(h);
}

/** Which endpoint a (possibly misspelt) path points at. */
function classifyPath(path: string): { endpoint?: AuthEndpoint; exact: boolean } {
  if (path === PATHS.authorize) return { endpoint: 'authorize', exact: true };
  if (path === PATHS.qrconnect) return { endpoint: 'qrconnect', exact: true };
  const p = path.toLowerCase();
  if (p.includes('qrconnect') || p.includes('qr_connect') || p.includes('qrlogin')) return { endpoint: 'qrconnect', exact: false };
  if (p.includes('authorize') || p.includes('oauth')) return { endpoint: 'authorize', exact: false };
  if (levenshtein(p, PATHS.qrconnect) <= 3) return { endpoint: 'qrconnect', exact: false };
  if (levenshtein(p, PATHS.authorize) <= 4) return { endpoint: 'authorize', exact: false };
  return { exact: false };
}

class Findings {
  readonly list: Finding[] = [];
  add(id: FindingId, severity: Severity, params: FindingParams = {}): void {
    this.list.push({ id, severity, params });
  }
  has(id: FindingId): boolean {
    return this.list.some((f) => f.id === id);
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Inspect an authorize URL, a qrconnect URL (or a WxLogin iframe URL) or a callback URL. Never throws:
 * whatever the input, the answer is a result with findings.
 */
/** Findings that are the cause of the others a URL gets: said first, whatever their severity. */
const EXPLAINS_OTHERS: ReadonlySet<FindingId> = new Set<FindingId>(['input.truncated', 'input.fullwidth', 'fragment.before_query']);

export function inspectUrl(input: string, ctx: InspectContext = {}): InspectResult {
  let result: InspectResult;
  try {
    result = inspectInner(typeof input === 'string' ? input : String(input), ctx);
  } catch {
    // A bug in a rule must not hide the other findings from the user; report what we can.
    result = { kind: 'unknown', params: [], findings: [{ id: 'input.unrecognised', severity: 'error', params: {} }] };
  }
  // Stable order: a finding that explains the others first (a URL cut at its first `&` is why its
  // parameters are missing), then by severity, keeping rule order within a severity.
  const rank = (f: Finding) => (EXPLAINS_OTHERS.has(f.id) ? -1 : SEVERITY_ORDER[f.severity]);
  result.findings = result.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
  return result;
}

export function hasErrors(result: InspectResult): boolean {
  return result.findings.some((f) => f.severity === 'error');
}

/**
 * What WeChat appends to an authorize link on its internal redirect besides connect_redirect (which is
 * said on its own, params.connect_redirect): `uin`, `key`, `pass_ticket`, the copier's session.
 */
const WECHAT_HOP_PARAMS = WECHAT_HOP_MARKERS.filter((name) => name !== 'connect_redirect');
/** Of those, the ones isSecretName does not mask already (pass_ticket ends in "ticket"). */
const WECHAT_SESSION_PARAMS: readonly string[] = ['uin', 'key'];

/**
 * WeChat's hop parameters among a link's parameter names (params.wechat_hop): which are there, whether
 * they are WeChat's hop (pass_ticket, or two of them: an app's own `key` alone is not), and then which
 * are the copier's session, masked wherever the link is shown (redactParams, redactUrl's `also`).
 */
function wechatHop(names: readonly string[]): { hop: string[]; isHop: boolean; session: string[] } {
  const hop: string[] = WECHAT_HOP_PARAMS.filter((name) => names.includes(name));
  const isHop = hop.includes('pass_ticket') || hop.length >= 2;
  return { hop, isHop, session: isHop ? WECHAT_SESSION_PARAMS.filter((name) => hop.includes(name)) : [] };
}

/**
 * A value from the link as a finding quotes it: secrets by name (and `session`, the copier's WeChat
 * session) masked unless --show-secrets, as the parameter list masks them; invisible characters shown.
 */
function quoted(value: string, max: number, ctx: InspectContext, session: readonly string[] = []): string {
  return visible(ctx.showSecrets === true ? value : redactUrl(value, session), max);
}

/**
 * Whether a reading of `text` found what the URL is: an authorization URL on its endpoint's path with
 * every required parameter (and its #wechat_redirect, when the text ends with a full-width one), or a
 * callback with a code or a state.
 */
function readsAsMeant(result: InspectResult, text: string): boolean {
  const has = (id: FindingId) => result.findings.some((f) => f.id === id);
  if (result.kind === 'callback') return result.params.some(([name]) => name === 'code' || name === 'state');
  if (result.kind === 'unknown') return false;
  if (has('endpoint.path') || has('params.missing')) return false;
  return !(/\uFF03wechat_redirect$/.test(text) && (has('fragment.missing') || has('fragment.missing_qrconnect')));
}

function inspectInner(input: string, ctx: InspectContext, fragmentMoved = false, asciiRead = false): InspectResult {
  const findings = new Findings();
  // Quotes or angle brackets come along when a URL is copied out of JSON, logs or Markdown.
  const text = input.trim().replace(/^["'`<]+|["'`>]+$/g, '').trim();
  if (text === '') {
    findings.add('input.empty', 'error');
    return { kind: 'unknown', params: [], findings: findings.list };
  }
  // ？ ＆ ＝ ＃ typed with a Chinese input method or converted by a chat app: to a browser and to WeChat
  // they are letters, not the URL's punctuation, so the path and the parameters run together. But a
  // full-width character inside a value is the value's own text (`cb?title=第１期＃特刊`: the browser
  // percent-encodes it, WeChat decodes it back). So the URL is read as written first; only when that
  // reading fails (or, for a callback, finds less of its code and state) and one with the separators made
  // ASCII succeeds is the latter taken, and said once.
  if (!asciiRead && /[\uFF1F\uFF06\uFF1D\uFF03]/.test(text)) {
    const asWritten = inspectInner(text, ctx, fragmentMoved, true);
    const separators = asciiSeparators(text);
    // A callback that found SOME code or state as written may still be misread: `?state=abc＆code＝021…` has
    // a state with its code inside it ("the user refused"). Decided as exchange and listen --paste decide
    // it (core/callback-url.ts asciiReadingMeant), so the commands agree.
    const callbackMisread = asWritten.kind === 'callback' && asciiReadingMeant(text, separators);
    if (readsAsMeant(asWritten, text) && !callbackMisread) return asWritten;
    if (separators.chars.length === 0) return asWritten;
    const result = inspectInner(separators.text, ctx, fragmentMoved, true);
    if (!readsAsMeant(result, separators.text)) return asWritten;
    // A callback is what WeChat's redirect opened, with ASCII punctuation: the full-width ones came with
    // the copy (a chat app), so it is read as meant, with a note.
    const callback = result.kind === 'callback';
    result.findings.unshift({
      id: callback ? 'input.fullwidth_callback' : 'input.fullwidth',
      severity: callback ? 'info' : 'error',
      params: { chars: separators.chars.join(' ') },
    });
    return result;
  }
  const split = splitUrl(text);
  const parts = urlParts(split.base);
  // `…/authorize#wechat_redirect?appid=…&state=…`: the fragment written first, so every parameter is in
  // it and none reaches WeChat. Read as a callback, its state made it "the user refused"; it is this
  // authorization URL with its parameters in the wrong place. Said once, then the parameters are
  // checked where they belong.
  const moved = (split.query ?? '') === '' ? /^wechat_redirect[?&]+(.*)$/s.exec(split.fragment ?? '') : null;
  if (moved && parts && !fragmentMoved) {
    const names = parseQuery(moved[1] ?? '').map((p) => p.name.toLowerCase());
    const authNames = ['appid', 'redirect_uri', 'scope', 'response_type'];
    if (names.some((n) => authNames.includes(n)) && (looksLikeWechatHost(parts.host ?? '') || classifyPath(parts.path).endpoint)) {
      const rest = moved[1] ?? '';
      const result = inspectInner(`${split.base}?${rest.replace(/#wechat_redirect$/, '')}#wechat_redirect`, ctx, true, asciiRead);
      if (result.kind === 'authorize' || result.kind === 'qrconnect') {
        result.findings.unshift({ id: 'fragment.before_query', severity: 'error', params: {} });
        return result;
      }
    }
  }
  const query = parseQuery(split.query ?? '');
  const names = new Set(query.map((p) => p.name.toLowerCase().replace(/^amp;/, '')));
  const hasAuthParams = names.has('appid') || names.has('redirect_uri') || names.has('scope');
  const open = openBaseHost(ctx.openBase);
  const host = parts?.host ?? '';
  const pathInfo = classifyPath(parts?.path ?? '');
  const isOpenHost = host === WECHAT_OPEN_HOST || (open !== undefined && host === open.host);
  // A callback on a host or path that merely sounds like WeChat (wechat.example.com/oauth/callback) is
  // still a callback: it has a code or a state and none of the authorization parameters.
  const callbackLike = !hasAuthParams && (names.has('code') || names.has('state') || /[#&?](code|state)=/.test(split.fragment ?? ''));
  const authLike =
    !callbackLike &&
    parts !== undefined &&
    (isOpenHost || (looksLikeWechatHost(host) && (pathInfo.endpoint !== undefined || hasAuthParams)) ||
      (pathInfo.endpoint !== undefined && hasAuthParams && host.length > 0));

  if (authLike && parts) return inspectAuthUrl(text, split, parts, query, pathInfo, ctx, findings);

  const callback = parseCallbackUrl(text);
  const cbNames = new Set(callback.params.map((p) => p.name));
  if (cbNames.has('code') || cbNames.has('state') || cbNames.has('error')) {
    return inspectCallback(callback, ctx, findings);
  }
  if (hasAuthParams && parts) return inspectAuthUrl(text, split, parts, query, pathInfo, ctx, findings);
  const { session } = wechatHop(callback.params.map((p) => p.name));
  findings.add('input.unrecognised', 'error', { input: quoted(text, 80, ctx, session) });
  return { kind: 'unknown', params: callback.params.map((p) => [p.name, p.value]), findings: findings.list, ...(session.length > 0 ? { sessionParams: session } : {}) };
}

function inspectAuthUrl(
  text: string,
  split: ReturnType<typeof splitUrl>,
  parts: UrlParts,
  given: QueryParam[],
  pathInfo: { endpoint?: AuthEndpoint; exact: boolean },
  ctx: InspectContext,
  findings: Findings,
): InspectResult {
  // `&amp;state=…` (a URL copied out of HTML) is its own error (params.html_escaped, below); the other
  // checks read the parameter by its name, so a state that is there is not also called absent.
  const htmlEscaped = given.filter((p) => p.name.startsWith('amp;'));
  const query = htmlEscaped.length === 0 ? given : given.map((p) => (p.name.startsWith('amp;') ? { ...p, name: p.name.slice(4) } : p));
  const first = (name: string) => query.find((p) => p.name === name);
  const scopeValue = first('scope')?.value ?? '';
  const endpoint: AuthEndpoint =
    pathInfo.endpoint ?? (scopeValue.includes('snsapi_login') ? 'qrconnect' : 'authorize');
  const isAuthorize = endpoint === 'authorize';
  const embedded = endpoint === 'qrconnect' && first('login_type')?.value === 'jssdk';
  const open = openBaseHost(ctx.openBase);

  // --- endpoint ---------------------------------------------------------------------------------
  // What is expected follows the host the URL is on: open.weixin.qq.com speaks https, whatever the
  // profile's open base; the open base (the emulator) speaks its own scheme.
  const onOpenBase = open !== undefined && parts.host === open.host;
  const onWechatHost = parts.host === WECHAT_OPEN_HOST;
  const hostOk = onWechatHost || onOpenBase;
  const expectedBase = (onWechatHost || !open ? DEFAULT_OPEN_BASE : ctx.openBase!.replace(/\/+$/, '')) + PATHS[endpoint];
  const expectedScheme = onWechatHost || !open ? 'https' : open.scheme;
  if (parts.scheme === undefined) {
    findings.add('endpoint.no_scheme', 'warning', { expected: expectedBase });
  } else if (parts.scheme !== expectedScheme && hostOk) {
    if (parts.scheme === 'http' && expectedScheme === 'https') findings.add('endpoint.http', 'warning', { expected: expectedBase });
    else findings.add('endpoint.scheme', 'error', { scheme: parts.scheme, expectedScheme, host: parts.host ?? '', expected: expectedBase });
  }
  if (!hostOk) findings.add('endpoint.host', 'error', { host: parts.host ?? '', expected: expectedBase });
  // A real WeChat URL checked by a profile aimed at the emulator: right as it is, but worth a word,
  // since the URLs wxauth builds for this profile go to the emulator instead.
  if (onWechatHost && open !== undefined && open.host !== WECHAT_OPEN_HOST) {
    findings.add('endpoint.real_wechat', 'info', { openBase: ctx.openBase!.replace(/\/+$/, '') });
  }
  const pathPrefix = open && parts.host === open.host ? open.path : '';
  if (parts.path !== pathPrefix + PATHS[endpoint]) {
    findings.add('endpoint.path', 'error', { path: parts.path || '/', expected: PATHS[endpoint] });
  }

  // `wxauth inspect https://…?appid=wx…&redirect_uri=…` without quotes: the shell ends the command at
  // the first `&`, so only the first parameter arrives.
  if (query.length === 1 && split.fragment === undefined) {
    findings.add('input.truncated', 'warning', { name: query[0]?.name ?? '' });
  }

  // --- whitespace outside redirect_uri ------------------------------------------------------------
  const redirectParam = first('redirect_uri');
  // A raw space inside state's value (`state=hello world#wechat_redirect`) is said of the state below
  // (state.whitespace), as redirect_uri's is of redirect_uri: not the URL's alone.
  const spacedState = first('state');
  const stateSpace = spacedState !== undefined && /\s/.test(spacedState.rawValue) ? spacedState : undefined;
  let outside = redirectParam ? text.replace(redirectParam.rawValue, '') : text;
  if (stateSpace) outside = outside.replace(stateSpace.rawValue, '');
  if (/\s/.test(outside)) {
    const ch = [...new Set([...outside].filter((c) => /\s/.test(c)))].map(showChar).join(' ');
    findings.add('input.whitespace', 'error', { chars: ch });
  }

  // --- parameters --------------------------------------------------------------------------------
  const known = [...ORDERED_PARAMS, ...EXTRA_PARAMS[endpoint]];
  if (htmlEscaped.length > 0) {
    findings.add('params.html_escaped', 'error', { names: htmlEscaped.map((p) => p.name) });
  }
  // `uin`, `key`, `pass_ticket`: WeChat adds them on its own internal hop (API-FACTS §1.2), so a link
  // copied from WeChat's address bar has them. Not unknown to WeChat: the copier's session, said once.
  const { hop, isHop, session } = wechatHop(query.map((p) => p.name));
  const malformed = new Set<string>();
  for (const p of query) {
    if (!p.malformed || malformed.has(p.name)) continue;
    malformed.add(p.name);
    // A code or a session key that does not decode is still that secret: quoted masked, as it is listed.
    const secret = ctx.showSecrets !== true && (isSecretName(p.name) || session.includes(p.name)) && p.rawValue !== '';
    findings.add('params.bad_encoding', 'error', { name: p.name, value: secret ? redactValue(p.rawValue) : visible(p.rawValue, 60) });
  }
  const counts = new Map<string, number>();
  for (const p of query) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  for (const [name, count] of counts) {
    if (count > 1 && known.includes(name)) findings.add('params.duplicate', 'error', { name, count });
  }

  // An unencoded redirect_uri with its own query: `redirect_uri=https://a.com/cb?x=1&y=2&response_type=…`
  // cuts `y=2` off into a top-level parameter that WeChat ignores (API-FACTS §1.1).
  const lostToSplit = new Set<QueryParam>();
  if (redirectParam && /[:/]/.test(redirectParam.rawValue) && redirectParam.rawValue.includes('?')) {
    const index = query.indexOf(redirectParam);
    for (const p of query.slice(index + 1)) {
      if (known.includes(p.name) || p.name.startsWith('amp;')) break;
      lostToSplit.add(p);
    }
  }
  // An unencoded `#` in redirect_uri starts the fragment: everything after it never reaches WeChat.
  const fq = split.fragment !== undefined ? fragmentQuery(split.fragment.replace(/#.*$/, '')) : undefined;
  const fragmentParams = parseQuery(fq ?? (split.fragment ?? '').replace(/#.*$/, ''));
  const fragmentHead = (split.fragment ?? '').split(/[&?]/)[0] ?? '';
  const lostToHash =
    fragmentHead === WECHAT_REDIRECT_FRAGMENT
      ? []
      : ORDERED_PARAMS.filter(
          (name) => !query.some((p) => p.name === name) && fragmentParams.some((p) => p.name === name),
        );

  // The fix names connect_redirect too when the link has it (WeChat added it on the same hop).
  const remove = query.some((p) => p.name === 'connect_redirect') ? [...hop, 'connect_redirect'] : hop;
  if (isHop) findings.add('params.wechat_hop', 'warning', { names: hop, remove });
  // Each name once: `&a=1` repeated 30,000 times is one unknown parameter, not 30,000 warnings.
  const named = new Set<string>(isHop ? hop : []);
  for (const p of query) {
    if (known.includes(p.name) || lostToSplit.has(p) || p.name.startsWith('amp;')) continue;
    if (p.name === 'code' || p.name === 'state') continue;
    if (named.has(p.name)) continue;
    named.add(p.name);
    // An AppSecret or a token in the link every user's phone opens (and proxies' logs, and the Referer): a
    // leak, whatever WeChat does with the parameter. Exact names only: pass_ticket (WeChat's own) or an
    // invite_code are no secret of the account's.
    const leaked = LEAKED_PARAMS[p.name.toLowerCase()];
    if (p.value !== '' && leaked) {
      findings.add(leaked, 'error', { name: p.name });
      continue;
    }
    const suggestion = suggest(p.name, known);
    if (suggestion) findings.add('params.misspelt', 'warning', { name: p.name, suggestion });
    else findings.add('params.unknown', 'warning', { name: p.name });
  }
  const required = embedded ? (['appid', 'redirect_uri', 'scope'] as const) : (['appid', 'redirect_uri', 'response_type', 'scope'] as const);
  for (const name of required) {
    const p = first(name);
    if (p === undefined) {
      if ((lostToHash as readonly string[]).includes(name)) continue;
      if (htmlEscaped.some((h) => h.name === 'amp;' + name)) continue;
      findings.add('params.missing', 'error', { name, errcode: MISSING_ERRCODE[name] ?? '' });
    } else if (p.value === '') {
      findings.add('params.empty', 'error', { name, errcode: MISSING_ERRCODE[name] ?? '' });
    }
  }
  if (!embedded) {
    const positions = ORDERED_PARAMS.map((name) => ({ name, at: query.findIndex((p) => p.name === name) })).filter(
      (x) => x.at !== -1,
    );
    const actual = [...positions].sort((a, b) => a.at - b.at).map((x) => x.name);
    if (actual.join() !== positions.map((x) => x.name).join()) {
      // WeChat regex-matches the authorize URL; website apps reportedly fail too inside the WeChat client.
      findings.add('params.order', isAuthorize ? 'error' : 'warning', {
        actual,
        expected: ORDERED_PARAMS,
      });
    }
  }
  if (first('connect_redirect')) findings.add('params.connect_redirect', 'info');

  // --- response_type -----------------------------------------------------------------------------
  const responseType = first('response_type');
  if (responseType && responseType.value !== '' && responseType.value !== 'code') {
    findings.add('response_type.invalid', 'error', { value: visible(responseType.value, 40) });
  }

  // --- scope -------------------------------------------------------------------------------------
  if (scopeValue !== '') {
    const scopes = scopeValue.split(/[,\s+]+/).filter((s) => s !== '');
    if (scopes.length > 1) findings.add('scope.multiple', isAuthorize ? 'error' : 'warning', { scope: visible(scopeValue, 80) });
    for (const s of new Set(scopes)) {
      if (!isScope(s)) {
        // A slip on one of this endpoint's own scopes (snsapi_userifno, snsapi_userInfo) is said with the
        // one meant; one of the other endpoint's is not offered: it would only be refused next.
        const meant = suggest(s, ENDPOINT_SCOPES[endpoint], 4);
        if (meant !== undefined) findings.add('scope.misspelt', 'error', { scope: visible(s, 40), suggestion: meant });
        else findings.add('scope.unknown', 'error', { scope: visible(s, 40), suggestion: suggest(s, SCOPES, 4) ?? '' });
      } else if (!ENDPOINT_SCOPES[endpoint].includes(s)) {
        if (isAuthorize) findings.add('scope.login_on_authorize', 'error', { scope: s });
        else findings.add('scope.oa_on_qrconnect', 'error', { scope: s });
      }
    }
  }

  // --- fragment ----------------------------------------------------------------------------------
  if (lostToHash.length > 0) {
    findings.add('redirect_uri.hash_unencoded', 'error', { lost: lostToHash });
  } else if (!embedded) {
    const fragment = split.fragment;
    if (fragment === undefined || fragment === '') {
      // The 网页授权 doc requires it; the 网站应用 doc only shows it in its example, and a QR page
      // opened in a browser works without it: a note, in words that do not say "required".
      if (isAuthorize) findings.add('fragment.missing', 'error');
      else findings.add('fragment.missing_qrconnect', 'info');
    } else if (fragment !== WECHAT_REDIRECT_FRAGMENT) {
      const head = fragment.split(/[&?]/)[0] ?? '';
      if (head === WECHAT_REDIRECT_FRAGMENT && /[&=]/.test(fragment)) {
        findings.add('fragment.params_after', 'error', { after: quoted(fragment.slice(head.length), 80, ctx, session) });
      } else {
        // Quoted as the other findings quote the link (`#/x?code=…`, `#access_token=…` masked), its `#` read
        // as the separator it is, then left off: the message writes its own.
        findings.add('fragment.wrong', isAuthorize ? 'error' : 'warning', { fragment: quoted('#' + fragment, 61, ctx, session).slice(1) });
      }
    }
  }

  // --- redirect_uri ------------------------------------------------------------------------------
  let redirectUri: string | undefined;
  if (redirectParam && redirectParam.value !== '') {
    redirectUri = redirectParam.value;
    checkRedirectUri(redirectParam, lostToSplit, endpoint, ctx, findings, parts.host, first('appid')?.value.trim() ?? '');
  }

  // --- state -------------------------------------------------------------------------------------
  const state = first('state');
  if (state === undefined || state.value === '') {
    if (!lostToHash.includes('state')) findings.add('state.absent', 'warning');
  } else {
    const check = validateState(state.value);
    // Written raw in the link: where the link is posted it ends at the space (the rest of the link
    // lost), and opened whole the space goes as %20, outside a-zA-Z0-9 (API-FACTS §1.3).
    const raw = stateSpace === state ? [...new Set([...state.rawValue].filter((c) => /\s/.test(c)))] : [];
    if (raw.length > 0) {
      findings.add('state.whitespace', isAuthorize ? 'error' : 'warning', {
        chars: raw.map(showChar).join(' '),
        value: visible(state.value, 60),
        head: visible(state.rawValue.split(/\s/)[0] ?? '', 60),
      });
    }
    for (const issue of check.issues) {
      if (issue.kind === 'charset') {
        // `-`, `_` and `.` (a UUID, base64url) need no percent-encoding and have not been seen altered:
        // API-FACTS §1.3 reports only `{a:1,b:2}`-style values coming back changed, and WeChat accepts
        // them today. So they are a warning everywhere (what WeChat may do), the rest an error on authorize.
        const outside = [...new Set([...state.value].filter((c) => !/^[A-Za-z0-9]$/.test(c) && !raw.includes(c)))];
        const unreserved = outside.filter((c) => URL_SAFE_STATE_CHARS.includes(c));
        const others = outside.filter((c) => !URL_SAFE_STATE_CHARS.includes(c));
        if (others.length > 0) findings.add('state.charset', isAuthorize ? 'error' : 'warning', { chars: others.map(showChar).join(' ') });
        if (unreserved.length > 0) findings.add('state.charset_unreserved', 'warning', { chars: unreserved.join(' ') });
      } else if (issue.kind === 'too_long') {
        findings.add('state.too_long', isAuthorize ? 'error' : 'warning', { bytes: issue.bytes, max: STATE_MAX_BYTES });
      }
    }
    if (PLACEHOLDER_STATES.has(state.value.toLowerCase())) findings.add('state.placeholder', 'warning', { state: state.value });
  }

  // --- appid -------------------------------------------------------------------------------------
  const appid = first('appid');
  if (appid && appid.value !== '') checkAppid(appid.value.trim(), endpoint, ctx, findings);

  return {
    kind: endpoint,
    // Shown masked: a secret found in the link is named, not printed again (the redirect_uri's own
    // query by name too; --show-secrets is for traces, and the link itself is the user's input).
    params: query.map((p) => [p.name, p.name === 'redirect_uri' ? redactUrl(p.value) : LEAKED_PARAMS[p.name.toLowerCase()] ? redactValue(p.value) : p.value]),
    findings: findings.list,
    redirectUri,
    embedded,
    // The copier's WeChat session (params.wechat_hop): masked in what is shown, as a secret is.
    ...(isHop ? { sessionParams: session } : {}),
  };
}

/** How many times `value` must be decoded before it reads `http(s)://` (at most 50: hostile input). */
function encodings(value: string): number {
  let text = value;
  for (let n = 0; n < 50; n++) {
    if (/^https?:/i.test(text)) return n;
    const next = decodeComponent(text);
    if (!next.ok || next.text === text) return n;
    text = next.text;
  }
  return 50;
}

function checkRedirectUri(
  param: QueryParam,
  lostToSplit: Set<QueryParam>,
  endpoint: AuthEndpoint,
  ctx: InspectContext,
  findings: Findings,
  /** The host the authorize URL itself is on. */
  authHost: string | undefined,
  /** The URL's appid, for the emulator's --domain in a finding. */
  appid: string,
): void {
  const raw = param.rawValue;
  const decoded = param.value;
  if (lostToSplit.size > 0) {
    findings.add('redirect_uri.query_split', 'error', {
      lost: quoted('?' + [...lostToSplit].map((p) => (p.bare ? p.rawName : `${p.rawName}=${p.rawValue}`)).join('&'), 1000, ctx).slice(1),
    });
  } else if (/[:/?]/.test(raw)) {
    findings.add('redirect_uri.not_encoded', 'warning', { value: quoted(raw, 80, ctx) });
  }
  // Encoded twice: WeChat decodes once and sees `https%3A%2F%2F…`, not a URL → 10003 / redirect_uri 参数错误.
  // Encoded three times or more (`https%253A…` after WeChat's decoding) is the same mistake, more times:
  // said with how many, not as a URL with no scheme.
  const doubleEncoded = /^\s*https?%(25)*3a/i.test(decoded);
  if (doubleEncoded) {
    const times = encodings(decoded.trim()) + 1;
    if (times > 2) findings.add('redirect_uri.encoded_many', 'error', { times, value: quoted(decoded, 80, ctx) });
    else findings.add('redirect_uri.double_encoded', 'error', { value: quoted(decoded, 80, ctx) });
  }
  if (/\s/.test(decoded)) {
    const chars = [...new Set([...decoded].filter((c) => /\s/.test(c)))].map(showChar).join(' ');
    findings.add('redirect_uri.whitespace', 'error', { chars, value: quoted(decoded, 80, ctx) });
  }
  if (doubleEncoded) return;

  const value = decoded.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(value);
  if (value.startsWith('//')) {
    findings.add('redirect_uri.no_scheme', 'error', { value: quoted(value, 80, ctx) });
    return;
  }
  if (value.startsWith('/') || value.startsWith('.') || value.startsWith('?')) {
    findings.add('redirect_uri.relative', 'error', { value: quoted(value, 80, ctx) });
    return;
  }
  if (!scheme) {
    findings.add('redirect_uri.no_scheme', 'error', { value: quoted(value, 80, ctx) });
    return;
  }
  const name = (scheme[1] ?? '').toLowerCase();
  const rest = scheme[2] ?? '';
  if (name !== 'http' && name !== 'https') {
    // `localhost:3000/cb` reads as scheme "localhost"; that is a missing scheme, not a foreign one.
    if (/^\d+(\/|$)/.test(rest)) findings.add('redirect_uri.no_scheme', 'error', { value: quoted(value, 80, ctx) });
    else findings.add('redirect_uri.bad_scheme', 'error', { scheme: name });
    return;
  }
  if (!rest.startsWith('//')) {
    findings.add('redirect_uri.no_scheme', 'error', { value: quoted(value, 80, ctx) });
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // It has its scheme: what fails is the rest, no host, a host with characters no host has (a
    // control character, a bracket), or a port that is no number.
    findings.add('redirect_uri.invalid', 'error', { value: quoted(value, 80, ctx) });
    return;
  }
  const host = url.hostname.toLowerCase();
  // WHATWG's parser lets `; { } , $ ( ) ' & !` through in a host (`https://x;{touch,p};x.com/cb`). No
  // callback domain can be such a host (the console, and `config set domain`, take a bare host name:
  // API-FACTS §3), so WeChat answers 10003 whatever the profile; and it is no word to print inside a
  // command for the user to run: the findings below that name the host to configure are not reached.
  if (!isCallbackDomain(host)) {
    findings.add('redirect_uri.invalid', 'error', { value: quoted(value, 80, ctx) });
    return;
  }
  const hashAt = value.indexOf('#');
  if (hashAt !== -1) findings.add('redirect_uri.fragment', 'warning', { fragment: quoted(value.slice(hashAt), 60, ctx) });
  // Its own query, and a hash route's (`#/cb?secret=…`): both go out with the link.
  const inner = redirectUriParams(value);
  const carried = carriedCallbackParams(inner);
  if (carried !== '') findings.add('redirect_uri.carries_code', 'warning', { names: carried });
  // An AppSecret or a token in the callback's own query goes out with the link as surely as one beside it.
  for (const p of inner) {
    const leaked = LEAKED_PARAMS[p.name.toLowerCase()];
    if (leaked && p.value !== '') findings.add(leaked, 'error', { name: `redirect_uri → ${p.name}` });
  }
  const type = ctx.profile?.type;
  // The rule init and config set apply to a saved redirect_uri: no note for a test account (the
  // profile's; without one, the host alone decides), this machine or the LAN.
  if (url.protocol === 'http:' && httpCodeInClear(host, type)) findings.add('redirect_uri.http', 'info');

  const loopback = isLoopbackHost(host);
  // Only WeChat's own authorize page runs inside the phone's WeChat; a URL on another open base (the
  // emulator) is a page a desktop browser opens, from which 127.0.0.1 is reachable. Judged by the URL's
  // host: a profile aimed at the emulator still gets the warning for a real WeChat URL.
  const open = openBaseHost(ctx.openBase);
  const onWechat = open === undefined || open.host === WECHAT_OPEN_HOST || authHost !== open.host;
  // A URL on the emulator: the emulator decides the callback domain (emulator/callback.ts). Like
  // WeChat it refuses a port or an IP for an account that is not a test account, unless its domain
  // for the app names that port (`wxauth emulator --domain APPID=localhost:*`), which WeChat never
  // allows: the only way to try a website app's login on a local listener. So there, for a callback
  // on this machine, those two are said as warnings (what WeChat would do, and how to make the
  // emulator accept it), not refused.
  const onEmulator = !onWechat;
  if (loopback && endpoint === 'authorize' && onWechat) findings.add('redirect_uri.loopback_phone', 'warning', { host });
  checkRawAuthority(rest, url, host, type, onEmulator, findings);

  const domain = ctx.profile?.domain;
  if (domain) {
    const match = matchCallbackDomain({ redirectUri: value, domain, accountType: type });
    if (!match.ok) {
      const hostport = (match.host ?? host) + (match.port ? `:${match.port}` : '');
      const params = {
        host: match.host ?? host,
        port: match.port ?? '',
        hostport,
        hostportArg: domainArg(hostport),
        domain,
        type: type ?? '',
      };
      switch (match.reason) {
        case 'host': {
          // An IP where the domain is a name: configuring that IP is the fix only for a test account
          // (API-FACTS §3: only test accounts may register an IP), so other accounts are told otherwise.
          const domainHost = match.domainHost ?? '';
          if (onEmulator && loopback && isLoopbackHost(domainHost) && type !== 'test' && type !== 'website') {
            // This machine under another of its names (127.0.0.1 for a localhost domain): on the
            // emulator the way is the domain's own name, and its --domain for a port (not a test account).
            findings.add('domain.emulator_host_ip', 'error', {
              ...params,
              appid: appidWord(appid),
              domainHost,
            });
          } else if (isIpHost(params.host) && type !== undefined && type !== 'test') {
            findings.add(type === 'website' ? 'domain.host_ip_website' : 'domain.host_ip', 'error', {
              ...params,
              appid: appidWord(appid),
            });
          } else {
            // A test account registers IP:port, and its callback domain must then name the port too.
            const configure = type === 'test' && params.port !== '' ? params.hostport : params.host;
            // As a shell word: the host passed isCallbackDomain above, so only an IPv6 host's brackets
            // (a glob) need quotes, around hex digits, colons and dots. (core/shell.ts would be a start-up
            // chunk of its own for url and inspect, issue 19.)
            findings.add('domain.host', 'error', { ...params, configure, configureArg: domainArg(configure) });
          }
          break;
        }
        case 'subdomain':
          findings.add('domain.subdomain', 'error', params);
          break;
        case 'parent':
          findings.add('domain.parent', 'error', params);
          break;
        case 'port':
        case 'ip':
          // (Both reasons come after the host matched: only the port, or an IP as the host, is refused.)
          // Only for this machine's own listener: any other host with a port is refused as on WeChat.
          if (onEmulator && loopback && type === 'test' && match.reason === 'port') {
            // The emulator's test account takes any port on this machine (its seed: 127.0.0.1:*,
            // localhost:*): `login --port 0`, the advice for a busy port, must not be refused for it.
            findings.add('domain.emulator_port_test', 'warning', params);
          } else if (onEmulator && loopback && type !== 'test') {
            // The way forward depends on the account: a website app has only the emulator; a 公众号 can
            // also move to a test account, whose callback domain may be IP:port on real WeChat.
            const pattern = `${match.host ?? host}:*`;
            findings.add(type === 'website' ? 'domain.emulator_only' : 'domain.emulator_only_oa', 'warning', {
              ...params,
              appid: appidWord(appid),
              pattern,
            });
          } else {
            findings.add(match.reason === 'port' ? 'domain.port' : 'domain.ip', 'error', params);
          }
          break;
        case 'bad_domain':
          findings.add('domain.bad_config', 'warning', { domain });
          break;
        default:
          break;
      }
    }
  } else {
    if (isIpHost(host) && !loopback && type !== 'test') {
      findings.add('redirect_uri.ip', type === undefined ? 'warning' : 'error', { host });
    }
    if (url.port !== '' && type !== 'test' && type !== undefined && onEmulator && loopback) {
      // A port on this machine against the emulator, with no domain to match (a 公众号 or website app
      // cannot register an IP: the emulator's export line for --domain APPID=127.0.0.1:8093 sets none):
      // said as with a domain above, a warning of what WeChat would do and how the emulator takes it.
      const hostport = url.host.toLowerCase();
      findings.add(type === 'website' ? 'domain.emulator_only' : 'domain.emulator_only_oa', 'warning', {
        host,
        port: url.port,
        hostport,
        hostportArg: domainArg(hostport),
        domain: host,
        type,
        appid: appidWord(appid),
        pattern: `${host}:*`,
      });
    } else if (url.port !== '' && type !== 'test') {
      findings.add('redirect_uri.port', type === undefined ? 'warning' : 'error', { port: url.port, hostportArg: domainArg(url.host) });
    }
    findings.add('domain.unchecked', 'info');
  }

  // http vs https: the configured redirect_uri's scheme is what the account was set up with.
  const usual = ctx.profile?.redirectUri;
  if (usual) {
    try {
      const u = new URL(usual);
      if (u.hostname.toLowerCase() === host && u.protocol !== url.protocol) {
        findings.add('redirect_uri.scheme_mismatch', 'warning', {
          scheme: url.protocol.replace(':', ''),
          expected: u.protocol.replace(':', ''),
        });
      }
    } catch {
      // An unparsable profile redirectUri is the config command's business.
    }
  }
}

/**
 * redirect_uri's authority as written. WeChat takes the host as it is written and compares it with the
 * callback domain (API-FACTS §3: the exact host), and the doc refuses any port on it (§1.5:
 * "redirect_uri不支持带端口号"); the checks above read the host after WHATWG's parser, which maps
 * full-width and other non-ASCII letters (IDNA: `ｌｏｃａｌｈｏｓｔ` is `localhost`), drops a user name and
 * password, and drops a default port written out. Each of those passed them, and was refused as 10003.
 * `rest` is the redirect_uri after its `scheme:`; `host` is WHATWG's host, known to be a domain's shape.
 */
function checkRawAuthority(rest: string, url: URL, host: string, type: AccountType | undefined, onEmulator: boolean, findings: Findings): void {
  // The authority ends where WHATWG ends it for http(s): at / ? # or \.
  const authority = /^\/\/([^/?#\\]*)/.exec(rest)?.[1] ?? '';
  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    // A password is not repeated into a terminal or a report: the user name alone, then `:…`.
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    findings.add('redirect_uri.userinfo', 'error', { userinfo: visible(colon === -1 ? userinfo : `${userinfo.slice(0, colon)}:…`, 40), host });
  }
  const hostPort = authority.slice(at + 1);
  const rawHost = /^(\[[^\]]*\]|[^:]*)/.exec(hostPort)?.[1] ?? '';
  const rawPort = hostPort.slice(rawHost.length + 1);
  if (/[^\x00-\x7f]/.test(rawHost)) findings.add('redirect_uri.host_non_ascii', 'error', { host: visible(rawHost, 60), ascii: host });
  // A port other than the default is the domain checks' business (url.port has it); `host:` with no
  // digits is no port at all. On a test account the configured host:port decides (§3): the domain
  // check compares it.
  if (rawPort !== '' && url.port === '' && type !== 'test') {
    // A warning: WeChat's doc says "redirect_uri不支持带端口号" (API-FACTS §1.5), the troubleshooting doc
    // "non-default ports" (§3); how it treats a default port written out is not documented, and the
    // emulator reads it as the default (emulator/callback.ts), as WHATWG does. Dropping it costs nothing.
    findings.add('redirect_uri.default_port', 'warning', { hostport: `${host}:${rawPort}`, host, port: rawPort });
  }
}

/** A host[:port] as a shell argument in a fix's command: an IPv6 literal's brackets quoted (zsh globs them). */
function domainArg(hostport: string): string {
  return hostport.startsWith('[') ? `'${hostport}'` : hostport;
}

/**
 * The URL's appid as a fix prints it inside `wxauth emulator --domain "{appid}=…"`, a command the user
 * pastes: the URL is anyone's text, so anything but an appid (`$(…)` included) is the placeholder APPID.
 * The rest of that word is this machine's name or the profile's domain (checkSetting's shape), so the
 * whole has nothing a shell reads inside double quotes.
 */
function appidWord(appid: string): string {
  return APPID_ANY_CASE.test(appid) ? appid.toLowerCase() : 'APPID';
}

/**
 * An appid in any case, the `wx` too (`WX807D86FB6B3D4FD2` pasted from a form that upper-cases): validate.ts
 * isAppid takes `wx` as written, so this one is inspect's, for an appid said with its lower-case form.
 */
const APPID_ANY_CASE = /^wx[0-9a-f]{16}$/i;

function checkAppid(given: string, endpoint: AuthEndpoint, ctx: InspectContext, findings: Findings): void {
  if (/^(your_?)?app_?id$|^wx[x*]{4,}$|^x{3,}$|^[${<%]|^\{.*\}$|^<.*>$/i.test(given)) {
    findings.add('appid.placeholder', 'error', { appid: visible(given, 40) });
    return;
  }
  // WeChat's AppIDs are lower case, and init and config set refuse any other (core/validate.ts
  // checkAppid, in the same words); WeChat, like the emulator, looks the app up by the appid as
  // written. Said with the lower-case form, and whether that is the profile's own; the checks below
  // go on with it.
  let appid = given;
  if (APPID_ANY_CASE.test(given) && given !== given.toLowerCase()) {
    appid = given.toLowerCase();
    findings.add(ctx.profile?.appid === appid ? 'appid.upper_case_profile' : 'appid.upper_case', 'error', { appid: given, lower: appid });
  }
  if (!isAppid(appid)) {
    if (/^ww[0-9a-f]{16}$/i.test(appid) || /^wwl/i.test(appid)) findings.add('appid.wecom', 'error', { appid });
    else findings.add('appid.shape', 'error', { appid: visible(appid, 40) });
    return;
  }
  const profile = ctx.profile;
  if (!profile) return;
  if (profile.appid && profile.appid.toLowerCase() !== appid.toLowerCase()) {
    findings.add('appid.profile_mismatch', 'warning', { appid, expected: profile.appid });
    return;
  }
  if (profile.type === 'website' && endpoint === 'authorize') findings.add('appid.website_on_authorize', 'error', { appid });
  if (profile.type && profile.type !== 'website' && endpoint === 'qrconnect') {
    findings.add('appid.oa_on_qrconnect', 'error', { appid, type: profile.type });
  }
  if (profile.type === 'subscription' && endpoint === 'authorize') findings.add('appid.subscription', 'error', { appid });
}

function inspectCallback(
  cb: ReturnType<typeof parseCallbackUrl>,
  ctx: InspectContext,
  findings: Findings,
): InspectResult {
  for (const issue of cb.issues) {
    if (issue.kind === 'oauth_error') {
      findings.add('callback.oauth_error', 'error', { error: visible(issue.error, 60), description: visible(issue.description ?? '', 80) });
    }
  }
  if (cb.code === undefined) {
    // Who could have refused is the link's (core/callback-url.ts): the remembered one's when the state is
    // its own, else the account type's (a website app's QR login). Said in --json as params.verdict.
    const remembered = ctx.rememberedState !== undefined ? { value: ctx.rememberedState, ...ctx.rememberedLink } : undefined;
    const verdict = stateOnlyVerdict(linkOfState(cb.state, remembered, ctx.profile?.type));
    findings.add('callback.denied', 'error', verdict === 'unknown' ? {} : { verdict });
  } else if (cb.code === '') {
    findings.add('callback.code_empty', 'error');
  } else {
    if (!looksLikeCode(cb.code)) findings.add('callback.code_shape', 'warning', { length: cb.code.length });
    if (cb.codeLocation === 'fragment') findings.add('callback.code_in_fragment', 'warning');
    const seen = ctx.seenCodes ?? [];
    if (seen.includes(cb.code)) findings.add('callback.code_seen', 'error');
  }
  if (cb.codes.length > 1) findings.add('callback.code_duplicate', 'error', { count: cb.codes.length });

  const remembered = ctx.rememberedState;
  if (remembered !== undefined && remembered !== '') {
    if (cb.state === undefined || cb.state === '') findings.add('callback.state_missing', 'error', { expected: remembered });
    else if (cb.state !== remembered) findings.add('callback.state_mismatch', 'error', { state: visible(cb.state, 60), expected: remembered });
    else if (ctx.rememberedStateUsed !== undefined) {
      const { at, by } = ctx.rememberedStateUsed;
      findings.add('callback.state_used', 'error', { state: remembered, ...(at !== undefined ? { at } : {}), ...(by !== undefined ? { by } : {}) });
    }
    else findings.add('callback.state_ok', 'info');
  } else if (cb.state === undefined || cb.state === '') {
    findings.add('callback.no_state', 'warning');
  } else {
    findings.add('callback.state_unverified', 'info');
  }
  if (cb.states.length > 1) findings.add('callback.state_duplicate', 'warning', { count: cb.states.length });
  if (cb.markers.length > 0) findings.add('callback.wechat_hop', 'warning', { markers: cb.markers });

  // A callback opened after WeChat's hop carries the copier's session too: masked as an authorize link's.
  const { session } = wechatHop(cb.params.map((p) => p.name));
  return { kind: 'callback', params: cb.params.map((p) => [p.name, p.value]), findings: findings.list, ...(session.length > 0 ? { sessionParams: session } : {}) };
}

/**
 * Mask secret values (`code`, `secret`, tokens) in a parameter list, keeping a recognisable tail; and
 * the values of `also` (a result's sessionParams). Any other value is masked as a URL (redactUrl): a
 * `next=/home?code=…` or `return=…%3Faccess_token%3D…` carries a secret inside it.
 */
export function redactParams(params: Array<[string, string]>, also: readonly string[] = []): Array<[string, string]> {
  return params.map(([name, value]) => {
    if (value === '') return [name, value];
    if (isSecretName(name) || also.includes(name)) return [name, value.length > 8 ? `…${value.slice(-4)}` : '…'];
    return [name, redactUrl(value, also)];
  });
}

/** An error page WeChat shows instead of redirecting: its text and, where it has one, its code. */
export interface WechatPage {
  text: string;
  errcode?: number;
}

const PAGE_10003: WechatPage = { text: 'redirect_uri域名与后台配置不一致', errcode: 10003 };
const PAGE_REDIRECT_PARAM: WechatPage = { text: 'redirect_uri 参数错误' };
const PAGE_SCOPE: WechatPage = { text: 'Scope 参数错误或没有 Scope 权限' };
const PAGE_10005: WechatPage = { text: '此公众号并没有这些scope的权限', errcode: 10005 };
const PAGE_UNREACHABLE: WechatPage = { text: '该链接无法访问' };

/**
 * The page(s) WeChat is expected to show for an error-level finding (API-FACTS §1.5, §2.1), or
 * undefined where WeChat does not answer with a page (or we do not know which). Several pages are
 * given where sources disagree (⚠): PC and phone word 10003 differently; snsapi_login on authorize has
 * been seen as both "Scope 参数错误" and 10005.
 */
export function predictWechatPage(finding: Finding, kind: InspectKind): WechatPage[] | undefined {
  const qr = kind === 'qrconnect';
  const redirectPages = qr ? [PAGE_REDIRECT_PARAM, PAGE_UNREACHABLE] : [PAGE_10003, PAGE_REDIRECT_PARAM];
  switch (finding.id) {
    case 'domain.host':
    case 'domain.host_ip':
    case 'domain.host_ip_website':
    case 'domain.emulator_host_ip':
    case 'domain.subdomain':
    case 'domain.parent':
    case 'domain.port':
    case 'domain.ip':
    case 'redirect_uri.no_scheme':
    case 'redirect_uri.invalid':
    case 'redirect_uri.relative':
    case 'redirect_uri.bad_scheme':
    case 'redirect_uri.double_encoded':
    case 'redirect_uri.encoded_many':
    case 'redirect_uri.whitespace':
    case 'redirect_uri.userinfo':
    case 'redirect_uri.host_non_ascii':
    case 'redirect_uri.default_port':
      return redirectPages;
    case 'scope.login_on_authorize':
      return [PAGE_SCOPE, PAGE_10005];
    case 'scope.unknown':
    case 'scope.misspelt':
    case 'scope.multiple':
      return qr ? [PAGE_SCOPE, PAGE_UNREACHABLE] : [PAGE_SCOPE, PAGE_10005];
    case 'scope.oa_on_qrconnect':
    case 'appid.oa_on_qrconnect':
      return [PAGE_SCOPE, PAGE_UNREACHABLE];
    case 'params.order':
      return [PAGE_SCOPE, PAGE_UNREACHABLE];
    case 'appid.website_on_authorize':
      return [{ text: '不支持微信开放平台的Appid，请使用公众号Appid', errcode: 10016 }];
    case 'appid.subscription':
      return [PAGE_10005];
    case 'state.too_long':
      return qr ? undefined : [{ text: 'state参数过长' }];
    case 'response_type.invalid':
      return [PAGE_UNREACHABLE];
    case 'input.fullwidth':
      return [PAGE_UNREACHABLE];
    case 'fragment.before_query':
      return [{ text: 'appid不能为空', errcode: 10012 }, PAGE_UNREACHABLE];
    case 'params.missing':
    case 'params.empty': {
      const byName: Record<string, WechatPage> = {
        appid: { text: 'appid不能为空', errcode: 10012 },
        redirect_uri: { text: 'redirect_uri不能为空', errcode: 10011 },
        scope: { text: 'scope不能为空', errcode: 10010 },
      };
      const page = byName[String(finding.params.name)];
      return page ? [page, PAGE_UNREACHABLE] : [PAGE_UNREACHABLE];
    }
    default:
      return undefined;
  }
}

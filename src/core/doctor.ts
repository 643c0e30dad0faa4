// `wxauth doctor`'s verdicts: pure functions from facts (a resolved profile, a lint, what a probe
// saw) to one check each, and the report model. No I/O: src/flows/doctor/ gathers the facts (DNS,
// TLS, HTTP, stable_token) and hands them here, so every verdict is table-testable.
import { proxyRoute, type ProxyRoute, type ProxySettings } from './proxy-route.js';
import { PATHS, isWechatApiBase } from './endpoints.js';
import type { MessageRef, ParamValue } from '../errors.js';
import { messageRef, osReason } from '../errors.js';
import { findingKeys, type Finding } from './inspect.js';
import { checkCallbackPair, hasWebAuth, isVerifyFileName, type AccountType } from './validate.js';
import { matchCallbackDomain } from './domain.js';
import { profileFlag } from './validate.js';
import { isLoopbackHost } from './host-names.js';
import { redactUrl } from './secrets.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** Stable ids, in report order: the offline checks, then the online ones. */
export const CHECK_IDS = [
  'profile',
  'authorize',
  'domain',
  'token-cache',
  'node',
  'proxy',
  'connect-to',
  'dns.api',
  'dns.callback',
  'verify-file',
  'js-domains',
  'redirect',
  'tls',
  'scheme',
  'credentials',
  'clock',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

const OFFLINE_CHECKS: readonly CheckId[] = ['profile', 'authorize', 'domain', 'token-cache', 'node', 'proxy'];

/** What a check saw, as plain values: printed under --json, never a secret. */
export type Evidence = Record<string, string | number | boolean | null>;

export interface DoctorCheck {
  id: CheckId;
  status: CheckStatus;
  message: MessageRef;
  /** What to do, for a warning or a failure (and how to enable a skipped check). */
  fix?: MessageRef;
  evidence: Evidence;
}

export interface DoctorReport {
  profile: string;
  /** In CHECK_IDS order, each with its phase (offline checks read only this machine). */
  checks: Array<DoctorCheck & { phase: 'offline' | 'online' }>;
  /** 1 when any check failed; warnings alone leave 0. */
  exitCode: 0 | 1;
  /**
   * This machine could not resolve WeChat's own API host: it has no working DNS or internet, so what
   * the online checks found is about this machine, not the deployment. Their fixes (check your DNS
   * records, your server's port 443…) would send the user the wrong way and are held back.
   */
  offlineMachine?: { host: string; code: string };
}

/** The checks that call WeChat's API host: their failure to reach it is one failure, said once for each. */
const WECHAT_CALLS: readonly CheckId[] = ['dns.api', 'credentials'];

/** A lookup that failed like this on WeChat's own host means no DNS here (ETIMEOUT: a resolver that never answers). */
const OFFLINE_DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ETIMEOUT']);

/**
 * A failed check that never reached its host, by its evidence: the OS code of a lookup or connection
 * (`code` for DNS, `error` for HTTP and TLS) or the client's failure kind (credentials).
 */
function unreached(c: DoctorCheck): boolean {
  const { code, error, failure } = c.evidence;
  if (failure === 'dns' || failure === 'refused' || failure === 'unreachable' || failure === 'timeout') return true;
  return [code, error].some((v) => typeof v === 'string' && (NOT_CONNECTED.has(v) || OFFLINE_DNS_CODES.has(v) || v === 'ETIMEDOUT'));
}

/** Checks in CHECK_IDS order, and the exit code: a failure is 1, warnings and skips are 0. */
export function buildReport(profile: string, checks: DoctorCheck[]): DoctorReport {
  const order = (c: DoctorCheck) => CHECK_IDS.indexOf(c.id);
  const dnsApi = checks.find((c) => c.id === 'dns.api');
  const host = String(dnsApi?.evidence.host ?? '');
  const code = String(dnsApi?.evidence.code ?? '');
  const online = checks.filter((c) => !OFFLINE_CHECKS.includes(c.id));
  // Only when nothing online got through: a check that passed, warned, or failed on an answer (a 502,
  // a certificate) shows this machine does reach something, and its findings are the deployment's.
  const nothingAnswered = online.every((c) => c.id === 'connect-to' || c.status === 'skip' || (c.status === 'fail' && unreached(c)));
  // One of WeChat's own API hosts (endpoints.ts REGIONS): its lookup failing is this machine's problem.
  const wechatUnresolved = dnsApi?.status === 'fail' && isWechatApiBase(`https://${host}`) && OFFLINE_DNS_CODES.has(code);
  const offlineMachine = wechatUnresolved && nothingAnswered ? { host, code } : undefined;
  const sorted = [...checks]
    .sort((a, b) => order(a) - order(b))
    .map((c) => {
      const phase = OFFLINE_CHECKS.includes(c.id) ? ('offline' as const) : ('online' as const);
      // Offline here: an online failure's fix would blame the deployment for this machine's network.
      if (offlineMachine && phase === 'online' && c.status === 'fail' && c.fix && unreached(c)) {
        const { fix: _held, ...rest } = c;
        return { ...rest, phase };
      }
      // Something answered (a deployment reached through --connect-to, say), yet WeChat's own host does
      // not resolve: the calls to WeChat failed on this machine's DNS or network, not on WeChat's
      // records ("check the DNS records of api.weixin.qq.com") or a misspelt host.
      if (wechatUnresolved && WECHAT_CALLS.includes(c.id) && c.status === 'fail' && unreached(c)) {
        const fix: MessageRef = { key: 'doctor.wechatUnresolved.fix', params: { host } };
        return { ...c, fix, phase };
      }
      return { ...c, phase };
    });
  return { profile, checks: sorted, exitCode: sorted.some((c) => c.status === 'fail') ? 1 : 0, ...(offlineMachine ? { offlineMachine } : {}) };
}

const check = (id: CheckId, status: CheckStatus, message: MessageRef, evidence: Evidence = {}, fix?: MessageRef): DoctorCheck => ({
  id,
  status,
  message,
  ...(fix ? { fix } : {}),
  evidence,
});

/** A check that cannot run without some settings. */
export function skipNeeds(id: CheckId, fields: string[]): DoctorCheck {
  // No fix of its own: the profile check names what is missing and how to set it.
  return check(id, 'skip', { key: 'doctor.skip.needs', params: { fields } }, { needs: fields.join(',') });
}

/**
 * A check about the callback (the authorize URL, the callback domain and what serves it) on an account
 * without web authorization: a subscription account, for which WeChat answers 10005 to any authorize URL.
 */
export function skipNoWebAuth(id: CheckId): DoctorCheck {
  return check(id, 'skip', { key: 'doctor.skip.noWebAuth' }, { type: 'subscription', webAuthorization: false });
}

// ── profile ──────────────────────────────────────────────────────────────────────────────────────

/** What the resolver made of the profile (secret reduced to "set or not"). */
export interface ProfileFacts {
  profile: string;
  appid?: string;
  secretSet: boolean;
  type?: AccountType;
  domain?: string;
  redirectUri?: string;
  verifyFile?: string;
  /** A value the one validation refused, an unknown --profile, or a missing field: the resolver's own words. */
  problem?: { message: MessageRef; hint?: MessageRef };
  /** Fields the checks need that are not set, in this order: appid, secret, domain, redirectUri (a subscription account: appid, secret). */
  missing: string[];
  /** For the "missing" hints: the first field's value to set (or the placeholder) and the env variables of all (store/resolve.ts missingSettings). */
  settings: { first: string; value: string | MessageRef; env: readonly string[] };
  /**
   * The appid came from WXAUTH_APPID; `profileAppid`: the profile's own, when that is another account
   * (whose settings the resolver left out). `config set` or `init` would then write that account's profile.
   * `secret`: the secret came from WXAUTH_SECRET too (the whole account is the environment's, as the
   * emulator's export line gives it).
   */
  envAppid?: { profileAppid?: string; secret: boolean };
}

export function evaluateProfile(f: ProfileFacts): DoctorCheck {
  const evidence: Evidence = {
    profile: f.profile,
    appid: f.appid ?? null,
    secret: f.secretSet ? 'set' : null,
    type: f.type ?? null,
    domain: f.domain ?? null,
    redirectUri: f.redirectUri ?? null,
    verifyFile: f.verifyFile ?? null,
  };
  if (f.problem) return check('profile', 'fail', f.problem.message, evidence, f.problem.hint);
  if (f.missing.length > 0 && f.envAppid && f.appid) {
    // The account is the variable's: complete it with variables too, or drop the variable for the
    // profile's own. Leading with config set (or init) would write this appid's settings over the profile.
    const params = { appid: f.appid, fields: f.missing, env: f.settings.env, profile: f.profile };
    const other = f.envAppid.profileAppid;
    if (other !== undefined) {
      return check('profile', 'fail', { key: 'doctor.profile.envAppid.otherAccount', params: { ...params, profileAppid: other } }, { ...evidence, appidSource: 'env' }, {
        key: 'doctor.profile.envAppid.otherAccount.fix',
        params: { ...params, profileAppid: other },
      });
    }
    // Appid and secret both from the environment (the emulator's line, a CI job): the rest goes there too.
    const fix: MessageRef = f.envAppid.secret
      ? { key: 'doctor.profile.envAccount.missing.fix', params: { appid: f.appid, env: f.settings.env, profile: f.profile } }
      : { key: 'doctor.profile.envAppid.missing.fix', params: { ...params, p: profileFlag(f.profile), first: f.settings.first, value: f.settings.value } };
    return check('profile', 'fail', { key: 'doctor.profile.envAppid.missing', params }, { ...evidence, appidSource: 'env' }, fix);
  }
  if (f.missing.length > 0) {
    return check('profile', 'fail', { key: 'config.missing', params: { fields: f.missing, profile: f.profile } }, evidence, {
      key: 'config.missing.hint',
      params: { profile: f.profile, ...f.settings },
    });
  }
  if (!f.type) return check('profile', 'warn', { key: 'doctor.profile.noType', params: { profile: f.profile } }, evidence, { key: 'doctor.profile.noType.fix', params: { p: profileFlag(f.profile) } });
  // No web authorization at all: no domain or redirect_uri to ask for (config set refuses them), only
  // another account to point to. A warning: the profile is fine for what it can do (wxauth token).
  if (!hasWebAuth(f.type)) {
    return check('profile', 'warn', { key: 'doctor.profile.subscription', params: { profile: f.profile, appid: f.appid ?? '' } }, { ...evidence, webAuthorization: false }, { key: 'doctor.profile.subscription.fix' });
  }
  return check(
    'profile',
    'ok',
    { key: 'doctor.profile.ok', params: { profile: f.profile, appid: f.appid ?? '', type: { key: `account.typeName.${f.type}` }, domain: f.domain ?? '', redirectUri: f.redirectUri ?? '' } },
    evidence,
  );
}

// ── authorize URL: account type vs endpoint vs scope ─────────────────────────────────────────────

/** The state doctor made up itself (the URL `url` builds carries a fresh one). */
const DOCTOR_STATE = /^state\./;
const DOMAIN = /^domain\./;

/**
 * inspect's verdict on the authorize URL the profile makes (flows/authorize.ts planAuthorize, the one
 * `url` and `login` build, with the same lint): any error fails, as `wxauth url` refuses the URL; else
 * the first warning warns. A domain error the domain check already fails on is named, not repeated:
 * `domainFailed` says the domain check failed.
 */
export function evaluateAuthorize(a: { type?: AccountType; endpoint: string; scope: string; url: string; findings: Finding[]; domainFailed?: boolean; noDomain?: boolean }): DoctorCheck {
  const relevant = a.findings.filter((f) => !DOCTOR_STATE.test(f.id) && f.severity !== 'info');
  const evidence: Evidence = { endpoint: a.endpoint, scope: a.scope, findings: relevant.map((f) => f.id).join(',') || null };
  const errors = relevant.filter((f) => f.severity === 'error');
  // Findings the domain check words itself, when it failed: named by id only.
  const byDomain = (f: Finding) => a.domainFailed === true && DOMAIN.test(f.id);
  const own = errors.find((f) => !byDomain(f));
  if (own) {
    const keys = findingKeys(own.id);
    return check('authorize', 'fail', messageRef(keys.message, own.params), evidence, messageRef(keys.fix, own.params));
  }
  if (errors.length > 0) {
    return check('authorize', 'fail', { key: 'doctor.authorize.refusedDomain', params: { findings: errors.map((f) => f.id) } }, evidence, { key: 'doctor.authorize.refusedDomain.fix' });
  }
  const warning = relevant.find((f) => !byDomain(f));
  if (warning) {
    const keys = findingKeys(warning.id);
    return check('authorize', 'warn', messageRef(keys.message, warning.params), evidence, messageRef(keys.fix, warning.params));
  }
  const type: ParamValue = a.type ? { key: `account.typeName.${a.type}` } : '-';
  // No callback domain to hold the redirect_uri against: WeChat's first question (10003) is unanswered.
  return check('authorize', 'ok', { key: a.noDomain === true ? 'doctor.authorize.okNoDomain' : 'doctor.authorize.ok', params: { type, endpoint: a.endpoint, scope: a.scope } }, evidence);
}

// ── redirect_uri vs 网页授权域名 ──────────────────────────────────────────────────────────────────

export function evaluateDomain(type: AccountType | undefined, domain: string, redirectUri: string): DoctorCheck {
  const match = matchCallbackDomain({ redirectUri, domain, accountType: type });
  if (match.ok) return check('domain', 'ok', { key: 'doctor.domain.ok', params: { host: match.host + (match.port ? `:${match.port}` : ''), domain } }, { domain, host: match.host });
  // checkCallbackPair words a mismatch as config set and init do (it runs the same matchCallbackDomain).
  const pair = checkCallbackPair(type, domain, redirectUri);
  const evidence: Evidence = { domain, host: match.host ?? null, reason: match.reason };
  return pair.ok ? check('domain', 'ok', { key: 'doctor.domain.ok', params: { host: match.host ?? '', domain } }, evidence) : check('domain', 'fail', pair.problem, evidence, pair.hint);
}

// ── token cache ──────────────────────────────────────────────────────────────────────────────────

export type TokenCacheFacts =
  | { readable: true; basic: { status: 'none' } | { status: 'expired' } | { status: 'valid'; kind: string; remainingMs: number }; users: number }
  | { readable: false; message: MessageRef; hint?: MessageRef };

export function evaluateTokenCache(f: TokenCacheFacts): DoctorCheck {
  if (!f.readable) return check('token-cache', 'fail', f.message, {}, f.hint);
  const evidence: Evidence = { basic: f.basic.status, users: f.users };
  switch (f.basic.status) {
    case 'none':
      return check('token-cache', 'ok', { key: 'doctor.tokenCache.none', params: { users: f.users } }, evidence);
    case 'expired':
      return check('token-cache', 'ok', { key: 'doctor.tokenCache.expired', params: { users: f.users } }, evidence);
    case 'valid': {
      const minutes = Math.floor(f.basic.remainingMs / 60_000);
      return check('token-cache', 'ok', { key: 'doctor.tokenCache.valid', params: { kind: f.basic.kind, minutes, users: f.users } }, { ...evidence, kind: f.basic.kind, remainingSeconds: Math.floor(f.basic.remainingMs / 1000) });
    }
  }
}

// ── Node ─────────────────────────────────────────────────────────────────────────────────────────

function parseVersion(v: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

/** Does `version` satisfy package.json's engines.node? Only the `>=X.Y.Z` form wxauth uses is judged. */
export function satisfiesEngines(version: string, engines: string): boolean | undefined {
  const m = /^>=\s*(\S+)$/.exec(engines.trim());
  const want = m ? parseVersion(m[1] ?? '') : undefined;
  const have = parseVersion(version);
  if (!want || !have) return undefined;
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
  }
  return true;
}

export function evaluateNode(version: string, engines: string): DoctorCheck {
  const evidence: Evidence = { version, engines: engines || null };
  if (engines === '') return check('node', 'ok', { key: 'doctor.node.unknown', params: { version } }, evidence);
  const ok = satisfiesEngines(version, engines);
  if (ok === false) return check('node', 'fail', { key: 'doctor.node.old', params: { version, engines } }, evidence, { key: 'doctor.node.old.fix', params: { engines } });
  return check('node', 'ok', { key: 'doctor.node.ok', params: { version, engines } }, evidence);
}

// ── proxy ────────────────────────────────────────────────────────────────────────────────────────


/**
 * Where the API client (undici's EnvHttpProxyAgent) sends a request to `url`: core/proxy-route.ts's
 * proxyRoute, which wxauth proxy uses too; `shown` masks the proxy's password.
 */
export function routeFor(url: string, v: ProxySettings, shown: (proxy: string) => string = (p) => p): ProxyRoute {
  const route = proxyRoute(new URL(url), v);
  return route.via === 'proxy' ? { ...route, proxy: shown(route.proxy) } : route;
}

/**
 * The proxy variables in effect and what they do: the WeChat API client honours them (undici's
 * EnvHttpProxyAgent, fed the run's environment); doctor's probes of the callback domain do not, and
 * say so. A proxy on the API path while WeChat was unreachable is the likely culprit: a warning.
 */
export function evaluateProxy(
  apiUrl: string,
  v: ProxySettings,
  /** Whether WeChat answered the credentials call; `proxy-unreachable`: the proxy itself refused or was not found. */
  apiReached: boolean | 'proxy-unreachable' | undefined,
  shown: (proxy: string) => string,
  callbackUrl?: string,
): DoctorCheck {
  const host = new URL(apiUrl).host;
  const hostname = new URL(apiUrl).hostname;
  const route = routeFor(apiUrl, v, shown);
  const evidence: Evidence = {
    HTTPS_PROXY: v.httpsProxy ? shown(v.httpsProxy) : null,
    HTTP_PROXY: v.httpProxy ? shown(v.httpProxy) : null,
    NO_PROXY: v.noProxy || null,
    api: route.via,
    // doctor's own callback probes always connect directly; this says whether the variables would
    // send a request to the callback host through the proxy (for code on this machine that honours them).
    callback: 'direct',
    callbackMatchesProxy: callbackUrl ? routeFor(callbackUrl, v).via === 'proxy' : null,
  };
  if (route.via === 'direct') {
    if (route.reason === 'none' && !v.httpProxy && !v.httpsProxy) return check('proxy', 'ok', { key: 'doctor.proxy.none' }, evidence);
    // HTTPS_PROXY alone does not apply to an http:// API base (an emulator, a relay).
    if (route.reason === 'none') return check('proxy', 'ok', { key: 'doctor.proxy.otherScheme', params: { host } }, evidence);
    return check('proxy', 'ok', { key: 'doctor.proxy.bypassed', params: { noProxy: v.noProxy, host } }, evidence);
  }
  const params = { host, proxy: route.proxy, variable: route.variable };
  if (apiReached === 'proxy-unreachable') {
    // Not a proxy that swallows calls: nothing answered at its address (credentials says how it failed).
    return check('proxy', 'fail', { key: 'doctor.proxy.unreachable', params }, evidence, { key: 'doctor.proxy.unreachable.fix', params: { hostname, variable: route.variable } });
  }
  if (apiReached === false) {
    const url = new URL(apiUrl);
    // url.host keeps IPv6 brackets and drops a default port: put the port back.
    const target = url.port ? url.host : `${url.host}:${url.protocol === 'https:' ? 443 : 80}`;
    return check('proxy', 'warn', { key: 'doctor.proxy.apiFailed', params }, evidence, { key: 'doctor.proxy.apiFailed.fix', params: { hostname, target } });
  }
  return check('proxy', 'ok', { key: 'doctor.proxy.api', params }, evidence);
}

// ── --connect-to ─────────────────────────────────────────────────────────────────────────────────

/** curl's --connect-to HOST1:PORT1:HOST2:PORT2: an empty HOST1/PORT1 matches any, an empty HOST2/PORT2 keeps the original. */
export interface ConnectRule {
  spec: string;
  host: string;
  port?: number;
  toHost: string;
  toPort?: number;
}

const PART = String.raw`(\[[0-9A-Fa-f:.]*\]|[^:\[\]]*)`;
const CONNECT_TO = new RegExp(`^${PART}:(\\d*):${PART}:(\\d*)$`);

export function parseConnectTo(spec: string): ConnectRule | undefined {
  const m = CONNECT_TO.exec(spec.trim());
  if (!m) return undefined;
  const port = (s: string | undefined): number | undefined | null => {
    if (!s) return undefined;
    const n = Number(s);
    return n >= 1 && n <= 65535 ? n : null;
  };
  const p1 = port(m[2]);
  const p2 = port(m[4]);
  if (p1 === null || p2 === null) return undefined;
  const unbracket = (h: string) => h.replace(/^\[|\]$/g, '').toLowerCase();
  const rule: ConnectRule = { spec, host: unbracket(m[1] ?? ''), toHost: unbracket(m[3] ?? '') };
  if (p1 !== undefined) rule.port = p1;
  if (p2 !== undefined) rule.toPort = p2;
  return rule;
}

export interface ConnectTarget {
  host: string;
  port: number;
  /** The rule that mapped it; undefined: not mapped. */
  rule?: ConnectRule;
}

/** Where a connection to host:port really goes: the first matching rule, as curl does. */
export function mapConnect(rules: readonly ConnectRule[], host: string, port: number): ConnectTarget {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  for (const rule of rules) {
    if ((rule.host === '' || rule.host === h) && (rule.port === undefined || rule.port === port)) {
      return { host: rule.toHost || h, port: rule.toPort ?? port, rule };
    }
  }
  return { host: h, port };
}

/** A connection doctor made through HTTP(S)_PROXY (the WeChat call): the proxy dials the host itself. */
export interface ProxiedConnection {
  host: string;
  port: number;
  /** The proxy as it may be shown (password masked), and the variable it came from. */
  proxy: string;
  variable: string;
}

/**
 * The --connect-to rules against the host:port pairs doctor aimed at (before mapping). A rule that
 * mapped nothing warns when it looks like a mistake: its host is one doctor never dialled (a typo), or
 * doctor dialled that host unmapped on another port (the wrong port); the warning names what was
 * dialled as named (and so looked up in DNS), so the failures that follow are not blamed on the
 * server. A rule that was merely not needed this run (the http fallback for port 80 when https
 * answered) is listed in the evidence as unused. Evidence lists every rule and what it mapped.
 */
export function evaluateConnectTo(
  rules: readonly ConnectRule[],
  aimed: ReadonlyArray<{ host: string; port: number }>,
  /**
   * The connections a proxy carried: a rule matching one was not applied to it (the CONNECT names the
   * host, which the proxy resolves and dials); warned about, so it is neither silently ignored nor
   * taken for a typo.
   */
  proxied: readonly ProxiedConnection[] = [],
): DoctorCheck {
  const seen = new Map<string, { host: string; port: number }>();
  for (const a of aimed) seen.set(hostPort(a.host.toLowerCase(), a.port), { host: a.host.toLowerCase(), port: a.port });
  const used = new Map<ConnectRule, string[]>();
  const direct: Array<{ host: string; port: number }> = [];
  for (const t of seen.values()) {
    const mapped = mapConnect(rules, t.host, t.port);
    if (mapped.rule) used.set(mapped.rule, [...(used.get(mapped.rule) ?? []), `${hostPort(t.host, t.port)} → ${hostPort(mapped.host, mapped.port)}`]);
    else direct.push(t);
  }
  const notApplied = new Map<ConnectRule, ProxiedConnection[]>();
  for (const t of proxied) {
    const rule = mapConnect(rules, t.host, t.port).rule;
    if (rule) notApplied.set(rule, [...(notApplied.get(rule) ?? []), t]);
  }
  const idle = rules.filter((r) => !used.has(r) && !notApplied.has(r));
  // A host-less rule for port 80 maps the http fallback, which is dialled only when https fails: idle,
  // it was not needed (the other host-less ports are dialled whenever anything is: idle, a mistake).
  const mistaken = idle.filter((r) => (r.host === '' ? r.port !== 80 : ![...seen.values()].some((t) => t.host === r.host) || direct.some((t) => t.host === r.host)));
  // In the rules' order, and the unmapped ones sorted: the probes run at once, so their order is not.
  const mappings = rules.flatMap((r) => used.get(r) ?? []);
  // Lists go into the messages as arrays: joined with ", " in English and "、" in Chinese.
  const directList = direct.map((t) => hostPort(t.host, t.port)).sort();
  const directText = directList.join(', ');
  const evidence: Evidence = {
    rules: rules.map((r) => r.spec).join(' '),
    mapped: mappings.join(', ') || null,
    unmatched: mistaken.map((r) => r.spec).join(' ') || null,
    unused: idle.filter((r) => !mistaken.includes(r)).map((r) => r.spec).join(' ') || null,
    direct: directText || null,
    proxied: [...notApplied].map(([r, ts]) => `${r.spec} (${ts.map((t) => hostPort(t.host, t.port)).join(', ')})`).join(' ') || null,
  };
  if (mistaken.length > 0) {
    const params = { rules: mistaken.map((r) => r.spec), direct: directList.length > 0 ? directList : '-' };
    return check('connect-to', 'warn', { key: 'doctor.connectTo.unmatched', params }, evidence, { key: 'doctor.connectTo.unmatched.fix', params });
  }
  const carried = [...notApplied.values()].flat();
  const first = carried[0];
  if (first) {
    const params = {
      rules: [...notApplied.keys()].map((r) => r.spec),
      targets: carried.map((t) => hostPort(t.host, t.port)),
      proxy: first.proxy,
      variable: first.variable,
      hostname: first.host.includes(':') ? `[${first.host}]` : first.host,
    };
    return check('connect-to', 'warn', { key: 'doctor.connectTo.proxied', params }, evidence, { key: 'doctor.connectTo.proxied.fix', params });
  }
  const unused = idle.filter((r) => !mistaken.includes(r)).map((r) => r.spec);
  const mapped = mappings.length > 0 ? mappings : '-';
  // A rule not needed this run is said, so one the user gave does not vanish from the line.
  if (unused.length > 0) return check('connect-to', 'ok', { key: 'doctor.connectTo.ok.unused', params: { mappings: mapped, unused } }, evidence);
  return check('connect-to', 'ok', { key: 'doctor.connectTo.ok', params: { mappings: mapped } }, evidence);
}

/** `host:port` as one writes it (IPv6 in brackets). */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

// ── DNS ──────────────────────────────────────────────────────────────────────────────────────────

export type DnsFacts =
  | { kind: 'ip'; host: string }
  | { kind: 'mapped'; host: string; port: number; target: string }
  /** Calls to this host go through a proxy, which resolves the name itself. */
  | { kind: 'proxied'; host: string; proxy: string }
  | { kind: 'resolved'; host: string; addresses: string[] }
  | { kind: 'failed'; host: string; code: string };

export function evaluateDns(id: 'dns.api' | 'dns.callback', f: DnsFacts): DoctorCheck {
  switch (f.kind) {
    case 'ip':
      return check(id, 'ok', { key: 'doctor.dns.ip', params: { host: f.host } }, { host: f.host });
    case 'mapped':
      return check(id, 'ok', { key: 'doctor.dns.mapped', params: { host: f.host, port: f.port, target: f.target } }, { host: f.host, mappedTo: f.target, lookedUp: false });
    case 'proxied':
      return check(id, 'ok', { key: 'doctor.dns.proxied', params: { host: f.host, proxy: f.proxy } }, { host: f.host, proxy: f.proxy, lookedUp: false });
    case 'resolved':
      return check(id, 'ok', { key: 'doctor.dns.ok', params: { host: f.host, addresses: f.addresses } }, { host: f.host, addresses: f.addresses.join(',') });
    case 'failed':
      return check(id, 'fail', { key: 'doctor.dns.fail', params: { host: f.host, code: osReason({ code: f.code }) } }, { host: f.host, code: f.code }, { key: 'doctor.dns.fail.fix', params: { host: f.host } });
  }
}

// ── HTTP answers (verify file, redirect_uri) ─────────────────────────────────────────────────────

/** What one GET saw: an answer (body capped by the probe) or why there was none. */
export type HttpFacts =
  | { url: string; answered: true; status: number; location?: string; body: string }
  /**
   * `silentMs`: the connection was made and the request sent, then no answer came within that many ms (a
   * hanging handler, not a firewall); with `status`, the status line and headers came but the body had
   * not ended by then (a body trickled out, a Content-Length larger than what is written).
   */
  | { url: string; answered: false; error: string; silentMs?: number; status?: number };

/** What the verify file must contain: the local file's content, or else the token in its name. */
export interface VerifyExpectation {
  name: string;
  /** The local file's content, when --verify-file named a file that exists. */
  content?: string;
}

/** The MP_verify file's content as the console hands it out: the token between `MP_verify_` and `.txt`. */
export function expectedVerifyContent(v: VerifyExpectation): string {
  if (v.content !== undefined) return v.content.trim();
  return isVerifyFileName(v.name) ? v.name.slice('MP_verify_'.length, -'.txt'.length) : v.name;
}

/** How much of a Location header a line shows: a redirect's target is said, not reproduced (Node lets a header run to 16 KiB). */
const LOCATION_SHOWN = 200;

/**
 * A Location header from the user's server as a check's line says it: its secrets masked by name as the
 * traces mask them (a callback that redirects a hit without a code to `/home?access_token=…`), and cut
 * to LOCATION_SHOWN characters. The evidence keeps it whole, masked (redactedLocation).
 */
function shownLocation(location: string): string {
  const masked = redactUrl(location);
  return masked.length > LOCATION_SHOWN ? `${masked.slice(0, LOCATION_SHOWN)}…` : masked;
}

/** A Location header for --json's evidence: whole, its secrets masked ("never a secret or a token"). */
function redactedLocation(location: string | undefined): string | null {
  return location === undefined ? null : redactUrl(location);
}

function excerpt(body: string, max = 40): string {
  const one = body.replace(/\s+/g, ' ').trim();
  if (one === '') return '(empty)';
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/** The status line and headers came and the body never ended (a body trickled out, a Content-Length larger than what was written). */
function bodyUnended(f: HttpFacts): f is Extract<HttpFacts, { answered: false }> & { silentMs: number; status: number } {
  return !f.answered && f.silentMs !== undefined && f.status !== undefined;
}

/**
 * The other scheme's attempt, said inside the main line: its status, its body that never ended, or why
 * it was not reached (connection refused…, in the user's language, as the other unreached checks say it).
 */
function alsoOf(other: HttpFacts): MessageRef {
  if (bodyUnended(other)) return { key: 'doctor.verify.also.bodyUnended', params: { url: other.url, status: other.status, ms: other.silentMs } };
  if (other.answered) return { key: 'doctor.verify.also', params: { url: other.url, answer: String(other.status) } };
  if (other.silentMs !== undefined) return { key: 'doctor.verify.also.silent', params: { url: other.url, ms: other.silentMs } };
  // Taken and then not HTTPS or not HTTP: said as the main lines say them, not as a server out of reach.
  if (isTlsFailure(other.error)) return { key: 'doctor.verify.also.tlsFailed', params: { url: other.url, error: other.error } };
  if (isMalformedReply(other.error)) return { key: 'doctor.verify.also.malformed', params: { url: other.url, error: other.error } };
  return { key: 'doctor.verify.also.unreached', params: { url: other.url, reason: osReason({ code: other.error }) } };
}

function describeHttp(f: HttpFacts): string {
  return f.answered ? String(f.status) : f.error;
}

/** Only 公众号 accounts (service, subscription) verify a 网页授权域名 with a file; test accounts and website apps don't. */
export function needsVerifyFile(type: AccountType | undefined): boolean {
  return type !== 'test' && type !== 'website';
}

/**
 * `https://DOMAIN/MP_verify_xxx.txt`, and `http://` when https gave no right answer: 200 with the
 * expected content passes (saying which scheme answered); otherwise what the better attempt saw.
 */
export function evaluateVerifyFile(domain: string, expected: VerifyExpectation, https: HttpFacts, http: HttpFacts | undefined, cert?: ServedCertificate): DoctorCheck {
  const want = expectedVerifyContent(expected);
  const right = (f: HttpFacts | undefined) => f?.answered === true && f.status === 200 && f.body.trim() === want;
  const evidence: Evidence = { name: expected.name, https: describeHttp(https), http: http ? describeHttp(http) : null, comparedWith: expected.content !== undefined ? 'local file' : 'name' };
  // The GET takes any certificate (it judges the answer): one the tls check refuses is said here too,
  // not passed over while the tls line fails it. Whether WeChat's ownership check verifies the
  // certificate is not documented (API-FACTS §3 says nothing of it): served over http as well, the file
  // is found either way; on https alone, a warning, not a verdict.
  const refused = right(https) ? refusedCertificate(cert) : undefined;
  if (right(https) && !refused) return check('verify-file', 'ok', { key: 'doctor.verify.ok', params: { url: https.url } }, { ...evidence, answeredBy: 'https' });
  if (http && right(http)) {
    if (refused) {
      return check('verify-file', 'ok', { key: 'doctor.verify.okHttpCert', params: { url: http.url, https: https.url } }, { ...evidence, answeredBy: 'http', certificate: refused.code });
    }
    return check('verify-file', 'ok', { key: 'doctor.verify.okHttp', params: { url: http.url, https: describeHttp(https) } }, { ...evidence, answeredBy: 'http' });
  }
  if (refused) {
    const httpUrl = `http://${domain}/${expected.name}`;
    const name = expected.name;
    return check(
      'verify-file',
      'warn',
      { key: 'doctor.verify.okUntrusted', params: { url: https.url, detail: refused.check.message } },
      { ...evidence, answeredBy: 'https', certificate: refused.code },
      cert?.tlsLine || !refused.check.fix
        ? { key: 'doctor.verify.untrusted.fix', params: { name, http: httpUrl } }
        : { key: 'doctor.verify.untrusted.unchecked.fix', params: { name, http: httpUrl, tlsFix: refused.check.fix } },
    );
  }
  // The most telling attempt: one that answered 200, else one that sent 200 and never ended its body,
  // else one that answered, else https.
  const attempts = [https, ...(http ? [http] : [])];
  const shown =
    attempts.find((f) => f.answered && f.status === 200) ?? attempts.find((f) => !f.answered && f.status === 200) ?? attempts.find((f) => f.answered) ?? https;
  const name = expected.name;
  if (!shown.answered && isMalformedReply(shown.error)) {
    return check('verify-file', 'fail', { key: 'doctor.http.malformed', params: { url: shown.url, error: shown.error } }, evidence, { key: 'doctor.http.malformed.fix' });
  }
  if (bodyUnended(shown)) {
    // The status line came and the body never ended: said as the redirect check says it, not as a
    // server that cannot be reached (a port to open) when it answered.
    return check(
      'verify-file',
      'fail',
      { key: 'doctor.redirect.bodyUnended', params: { url: shown.url, status: shown.status, ms: shown.silentMs } },
      { ...evidence, error: shown.error, silentMs: shown.silentMs, status: shown.status },
      { key: 'doctor.verify.bodyUnended.fix', params: { name } },
    );
  }
  if (!shown.answered) {
    // `error` as every other unreached check has it: buildReport tells an offline machine by it.
    return check('verify-file', 'fail', { key: 'doctor.verify.unreachable', params: { url: shown.url, error: osReason({ code: shown.error }) } }, { ...evidence, error: shown.error }, { key: 'doctor.verify.unreachable.fix', params: { domain, name } });
  }
  if (shown.status === 200) {
    return check('verify-file', 'fail', { key: 'doctor.verify.content', params: { url: shown.url, expected: want, got: excerpt(shown.body) } }, { ...evidence, got: excerpt(shown.body) }, {
      key: 'doctor.verify.content.fix',
      params: { name },
    });
  }
  // The other scheme's answer too, when it was asked (https failed, http was tried): both are said.
  const other = attempts.find((f) => f !== shown);
  // `&&`, not a `let` given a value later: narrowing a MessageRef (a union of every catalogue key) by an
  // assignment costs tsc most of a minute (ui/present/error.ts errorHint).
  const also = other && alsoOf(other);
  const fix: MessageRef = { key: 'doctor.verify.upload.fix', params: { domain, name, url: shown.url } };
  // A redirect: whether WeChat's check follows one is not documented, so it is a warning, not a verdict;
  // but http sending it on to the https URL that did not serve the file leads nowhere either way.
  const toFailedHttps = shown !== https && (shown.location ?? '').toLowerCase().startsWith('https://');
  if (shown.status >= 300 && shown.status < 400 && !toFailedHttps) {
    return check('verify-file', 'warn', messageRef(also ? 'doctor.verify.redirect.also' : 'doctor.verify.redirect', { url: shown.url, status: shown.status, location: shown.location ? shownLocation(shown.location) : '-', ...(also ? { also } : {}) }), evidence, fix);
  }
  return check('verify-file', 'fail', messageRef(also ? 'doctor.verify.status.also' : 'doctor.verify.status', { url: shown.url, status: shown.status, ...(also ? { also } : {}) }), evidence, fix);
}

/**
 * The JS-safe domains (JS接口安全域名) besides the callback domain: binding one takes the same MP_verify
 * file at its root, as the console's dialog asks for 业务域名 and 网页授权域名 too (observed in public
 * setup guides, e.g. blog.cachecha.com/csdn/weixin_39872872/111199152.html; JSSDK-FACTS §3: invalid url
 * domain is a page outside them). One check for them all:
 * the first domain that does not serve the file is named, with its fix; all serving it pass.
 */
export function evaluateJsDomains(results: ReadonlyArray<{ domain: string; check: DoctorCheck }>, sameAsCallback: readonly string[]): DoctorCheck {
  const evidence: Evidence = { checked: results.map((r) => r.domain).join(', ') || null, sameAsCallback: sameAsCallback.join(', ') || null };
  if (results.length === 0) return check('js-domains', 'skip', { key: 'doctor.jsDomains.same', params: { domains: sameAsCallback } }, evidence);
  const bad = results.find((r) => r.check.status !== 'ok');
  if (!bad) {
    const domains = results.map((r) => r.domain);
    if (results.length === 1) return check('js-domains', 'ok', { key: 'doctor.jsDomains.ok.one', params: { domain: domains[0]! } }, evidence);
    return check('js-domains', 'ok', { key: 'doctor.jsDomains.ok', params: { domains } }, evidence);
  }
  const { status, message, fix } = bad.check;
  return check('js-domains', status, { key: 'doctor.jsDomains.one', params: { domain: bad.domain, detail: message } }, { ...evidence, ...bad.check.evidence, domain: bad.domain }, fix);
}

/**
 * No JS-safe domain check: no JS-SDK for the account type, none set, or no verify file name to look for.
 * `profile`: the one checked, named in the fix's `wxauth config set` (else it would set the default's).
 */
export function skipJsDomains(type: AccountType | undefined, reason: 'type' | 'none' | 'none_unknown_profile' | 'name', profile: string): DoctorCheck {
  const p = profileFlag(profile);
  if (reason === 'type' && type === 'website') return check('js-domains', 'skip', { key: 'doctor.jsDomains.website' }, { type });
  if (reason === 'type') return check('js-domains', 'skip', { key: 'doctor.jsDomains.notNeeded', params: { type: type ? { key: `account.type.${type}` } : '-' } }, { type: type ?? null });
  if (reason === 'none') return check('js-domains', 'skip', { key: 'doctor.jsDomains.none' }, {}, { key: 'doctor.jsDomains.none.fix', params: { p } });
  if (reason === 'none_unknown_profile') return check('js-domains', 'skip', { key: 'doctor.jsDomains.none' }, {});
  return check('js-domains', 'skip', { key: 'doctor.verify.noName' }, {}, { key: 'doctor.verify.noName.fix', params: { p } });
}

/** No verify file check: not needed for this account type, or no name to look for. */
export function skipVerifyFile(type: AccountType | undefined, profile: string): DoctorCheck {
  // The account type by its name in the sentence's language (测试号, test account), not its config value.
  if (!needsVerifyFile(type)) return check('verify-file', 'skip', { key: 'doctor.verify.notNeeded', params: { type: type ? { key: `account.type.${type}` } : '-' } }, { type: type ?? null });
  return check('verify-file', 'skip', { key: 'doctor.verify.noName' }, {}, { key: 'doctor.verify.noName.fix', params: { p: profileFlag(profile) } });
}

/** What doctor adds to the redirect_uri to see whether a redirect keeps the query: a refusal's callback carries only a state. */
const CALLBACK_PROBE_STATE = 'wxauthdoctor';

/** The redirect_uri as WeChat's refusal would hit it: its own query kept, `state=` added (never a code). */
export function withDoctorState(redirectUri: string): string {
  const [base, hash] = redirectUri.split('#', 2) as [string, string | undefined];
  return `${base}${base.includes('?') ? '&' : '?'}state=${CALLBACK_PROBE_STATE}${hash === undefined ? '' : `#${hash}`}`;
}

/** A fetch that answered with a redirect (its Location kept). */
type Redirect = HttpFacts & { answered: true; location: string };

/**
 * Whether the `stated` fetch was sent on to the same path (give or take a trailing slash, on any scheme
 * or host) without its query: a server's normalising redirect (a slash added, http → https by a rule
 * that forgets `$args`) that loses the code and state WeChat appends. A redirect to another path (a
 * callback sending a refusal to /login) is the app's own answer, not this.
 */
function dropsQueryOnTheWay(stated: HttpFacts | undefined): stated is Redirect {
  if (!isRedirect(stated)) return false;
  const target = locationOf(stated);
  return target !== undefined && samePath(target.pathname, new URL(stated.url).pathname) && !target.search.includes(`state=${CALLBACK_PROBE_STATE}`);
}

/** A 3xx answer with a Location. */
function isRedirect(f: HttpFacts | undefined): f is Redirect {
  return f?.answered === true && f.status >= 300 && f.status < 400 && f.location !== undefined;
}

/**
 * Where a redirect leads, resolved against the address fetched; undefined for a Location that is no
 * URL, or no web address (file:, javascript:, ftp:…), which a browser sent by WeChat cannot follow.
 */
function locationOf(f: { url: string; location: string }): URL | undefined {
  try {
    const target = new URL(f.location, f.url);
    return target.protocol === 'http:' || target.protocol === 'https:' ? target : undefined;
  } catch {
    return undefined;
  }
}

/** The same path, give or take trailing slashes. */
function samePath(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** How many redirects doctor follows from the stated fetch (a browser gives up after about 20; the two forms of a path loop in two). */
export const MAX_REDIRECT_HOPS = 4;

/** An address as fetched: without its fragment, which a browser never sends. */
function asFetched(url: URL | string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/**
 * Where doctor fetches next, following the stated fetch's redirects: only a redirect to the callback's
 * own path (give or take a trailing slash, on either scheme) on the callback's own host. That is a
 * server's normalising rule (a slash added or removed, http → https), which the real callback meets too,
 * code or no code; a redirect to another path (a refusal sent to /login) is the app's answer to a hit
 * without a code, and is not followed. Only the callback's own host is fetched: doctor dials what the
 * profile names, never a host the server under test picks (169.254.169.254, an intranet address).
 * Undefined when there is nothing to follow, or when the address was fetched already (`fetched`): a
 * loop, which redirectLoop names.
 */
export function nextRedirectHop(from: HttpFacts | undefined, callback: string, fetched: readonly string[] = []): string | undefined {
  if (!isRedirect(from)) return undefined;
  const target = locationOf(from);
  const own = new URL(callback);
  if (!target || target.hostname !== own.hostname || !samePath(target.pathname, own.pathname)) return undefined;
  const next = asFetched(target);
  return fetched.some((url) => asFetched(url) === next) ? undefined : next;
}

/**
 * The redirects of the stated fetch and of the hops followed from it (nextRedirectHop), when the last one
 * sends the browser back to an address already fetched (the redirect_uri, its stated fetch, a hop): a
 * loop, round which the browser WeChat opens goes until it gives up. Undefined otherwise (the chain
 * lands, leaves the callback's path, or is still redirecting after MAX_REDIRECT_HOPS).
 */
/** The stated fetch and the hops followed from it, when every one of them redirects; undefined otherwise. */
function redirectChain(stated: HttpFacts | undefined, hops: readonly HttpFacts[]): Redirect[] | undefined {
  const chain = [stated, ...hops];
  return chain.every((h) => isRedirect(h)) ? (chain as Redirect[]) : undefined;
}

function redirectLoop(f: HttpFacts, stated: HttpFacts | undefined, hops: readonly HttpFacts[]): Redirect[] | undefined {
  const chain = redirectChain(stated, hops);
  if (!chain) return undefined;
  const target = locationOf(chain[chain.length - 1]!);
  if (!target) return undefined;
  const back = asFetched(target);
  const fetched = [f.url, ...chain.map((h) => h.url)];
  return fetched.some((url) => asFetched(url) === back) ? chain : undefined;
}

/**
 * The redirects of the stated fetch and of MAX_REDIRECT_HOPS hops followed from it, when the last still
 * sends the browser on along the callback's path to an address not fetched yet: doctor stopped following
 * a chain that neither landed nor came back. Undefined otherwise.
 */
function redirectsOnward(f: HttpFacts, stated: HttpFacts | undefined, hops: readonly HttpFacts[]): Redirect[] | undefined {
  if (hops.length < MAX_REDIRECT_HOPS) return undefined;
  const chain = redirectChain(stated, hops);
  if (!chain) return undefined;
  return nextRedirectHop(chain[chain.length - 1], f.url, [f.url, ...chain.map((h) => h.url)]) === undefined ? undefined : chain;
}

/**
 * The fix of a redirect that drops the query: make the address it leads to the redirect_uri (shown as
 * `location`), or keep the query on that hop; but when doctor fetched that address (`to`, among the
 * followed hops) and found its handshake failing, nothing on its port, or a certificate the tls check
 * refuses (`certs`), a redirect_uri there would stop WeChat's redirect just the same, so only keeping
 * the query is offered, saying why.
 */
function dropsQueryFix(location: string, to: URL | string | undefined, followed: readonly HttpFacts[], certs?: HopCertificates): MessageRef {
  const at = to === undefined ? undefined : asFetched(to);
  const hop = followed.find((h) => asFetched(h.url) === at);
  // Served, on a certificate the tls check refuses: a redirect_uri there stops WeChat's browser too.
  const refused = hop?.answered ? hopCertificateRefused(hop.url, certs) : undefined;
  const why = notServed(hop) ?? (refused ? { reason: { key: 'doctor.scheme.https.certRefused', params: { code: refused.code } } satisfies MessageRef, error: refused.code } : undefined);
  if (at === undefined || !why) return { key: 'doctor.redirect.dropsQuery.fix', params: { location } };
  return { key: 'doctor.redirect.dropsQuery.unserved.fix', params: { location: shownLocation(at), why: why.reason } };
}

/** Whether `back`, the fetch of the redirect's target, redirects to `url`'s own path again (give or take its slash): a loop. */
function redirectsBack(url: string, back: HttpFacts | undefined): back is Redirect {
  if (!isRedirect(back)) return false;
  const again = locationOf(back);
  return again !== undefined && samePath(again.pathname, new URL(url).pathname);
}

type Answered = Extract<HttpFacts, { answered: true }>;
type Unanswered = Extract<HttpFacts, { answered: false }>;

/**
 * One answer of the callback judged as WeChat's redirect will meet it, whether it is the redirect_uri's
 * own answer or where its followed redirects land (evaluateRedirect), so the two are judged by one rule.
 * `shown`: the address as the line says it (a followed hop's, masked as its Location was).
 */
function judgeCallbackAnswer(f: HttpFacts, shown: string = f.url, tlsLine = true, landing = false): DoctorCheck | undefined {
  return f.answered ? judgeCallbackStatus(f, shown) : judgeNoAnswer(f, shown, tlsLine, landing);
}

/**
 * Whether the tls line judges the handshake of `fetched`: it checks the redirect_uri's own host and
 * port, and only an https redirect_uri's (an http one is skipped), so not where an http callback is
 * sent to https.
 */
function tlsChecked(redirectUri: string, fetched: string): boolean {
  const own = new URL(redirectUri);
  return own.protocol === 'https:' && own.host === new URL(fetched).host;
}

/**
 * No answer: malformed, a failed TLS handshake, a body that never ends, silence, or unreachable. Always
 * a failure. `tlsLine`: whether the tls line below judges this address's handshake (the fix points there).
 * `landing`: `f` is where the redirect_uri's redirects lead, not the redirect_uri itself.
 */
function judgeNoAnswer(f: Unanswered, shown: string = f.url, tlsLine = true, landing = false): DoctorCheck {
  const host = new URL(f.url).host;
  if (isMalformedReply(f.error)) {
    return check('redirect', 'fail', { key: 'doctor.http.malformed', params: { url: shown, error: f.error } }, { url: shown, error: f.error }, { key: 'doctor.http.malformed.fix' });
  }
  if (new URL(f.url).protocol === 'https:' && isTlsFailure(f.error)) {
    // The connection was taken and the TLS handshake failed (plain http on 443, an old protocol): not
    // a firewall; the tls check says what the handshake met, when it checks this address: for an http
    // redirect_uri sent on to https it is skipped, and the fix says how to see the handshake instead.
    const u = new URL(f.url);
    const fix: MessageRef = tlsLine
      ? { key: 'doctor.redirect.tlsFailed.fix', params: { host } }
      : { key: 'doctor.redirect.tlsFailed.unchecked.fix', params: { host, hostname: u.hostname, port: u.port || '443' } };
    return check('redirect', 'fail', { key: 'doctor.redirect.tlsFailed', params: { url: shown, error: f.error } }, { url: shown, error: f.error }, fix);
  }
  if (bodyUnended(f)) {
    return check('redirect', 'fail', { key: 'doctor.redirect.bodyUnended', params: { url: shown, status: f.status, ms: f.silentMs } }, { url: shown, error: f.error, silentMs: f.silentMs, status: f.status }, { key: 'doctor.redirect.bodyUnended.fix' });
  }
  if (f.silentMs !== undefined) {
    // Connected and asked, then nothing: the server is reachable (no firewall to open); its callback
    // handler hangs on a hit without a code, and WeChat's redirect would hang the same way.
    return check('redirect', 'fail', { key: 'doctor.redirect.silent', params: { url: shown, ms: f.silentMs } }, { url: shown, error: f.error, silentMs: f.silentMs }, { key: 'doctor.redirect.silent.fix' });
  }
  // A callback on this machine refusing connections (a local listener's address): nothing listens
  // there yet, and no firewall is in between. A local server that hangs is the generic case.
  // Where the redirects lead, unreachable: the redirect_uri's own server answered (it sent the redirect),
  // so "start your server" or `wxauth listen` on the redirect_uri's port would not help; the rule that
  // sends the callback there is what to change (a force-https rule where no https server runs, say).
  const local = f.error === 'ECONNREFUSED' && isLoopbackHost(new URL(f.url).hostname);
  const fix: MessageRef = landing
    ? { key: 'doctor.redirect.unreachable.landing.fix', params: { host } }
    : local
      ? { key: 'doctor.redirect.unreachable.local.fix' }
      : { key: 'doctor.redirect.unreachable.fix', params: { host } };
  return check('redirect', 'fail', { key: 'doctor.redirect.unreachable', params: { url: shown, error: osReason({ code: f.error }) } }, { url: shown, error: f.error }, fix);
}

/**
 * A status answered: a 5xx fails, a 404/405-like 4xx warns (400/401/403 are a callback refusing a hit
 * without a code: fine), a redirect to no web address fails. Undefined when the status is fine as such.
 */
function judgeCallbackStatus(f: Answered, shown: string = f.url): DoctorCheck | undefined {
  const evidence: Evidence = { url: shown, status: f.status, location: redactedLocation(f.location) };
  if (f.status >= 500) return check('redirect', 'fail', { key: 'doctor.redirect.5xx', params: { url: shown, status: f.status } }, evidence, { key: 'doctor.redirect.5xx.fix' });
  if (f.status >= 400 && ![400, 401, 403].includes(f.status)) {
    return check('redirect', 'warn', { key: 'doctor.redirect.4xx', params: { url: shown, status: f.status } }, evidence, { key: 'doctor.redirect.4xx.fix' });
  }
  if (isRedirect(f) && !locationOf(f)) {
    // file:///…, javascript:…, or no URL at all: the browser WeChat opens stops on this answer.
    return check('redirect', 'fail', { key: 'doctor.redirect.notWeb', params: { url: shown, status: f.status, location: shownLocation(f.location) } }, evidence, { key: 'doctor.redirect.notWeb.fix' });
  }
  return undefined;
}

/**
 * The redirect_uri fetched as WeChat's redirect will fetch it (GET, redirects not followed): a 5xx
 * fails, a 404/405-like 4xx warns (400/401/403 are a callback refusing a hit without a code), a
 * redirect that drops the query on the way to its own path fails, the rest passes saying what it
 * answered. `stated`: the same redirect_uri fetched with `state=` added, when the plain fetch was a
 * redirect (see dropsQueryOnTheWay); `hops`: the redirects followed from it along the callback's own path
 * (nextRedirectHop), the first of them where a query-dropping redirect leads. Any of those redirects
 * dropping the query fails (the first hop that does is named); a chain that comes back to an address
 * already fetched fails as a loop, the query kept or not; one still going after MAX_REDIRECT_HOPS warns
 * (redirectsOnward); where one lands, or the stated fetch's own answer when it does not redirect, is
 * judged as the redirect_uri's own answer is (judgeCallbackAnswer). `certs`: the certificates of the
 * https addresses the hops reached (the GETs take any): where the chain lands on one the tls check
 * refuses, WeChat's browser stops there, whatever status it answered (landedOnRefusedCertificate).
 */
export function evaluateRedirect(f: HttpFacts, stated?: HttpFacts, hops: readonly HttpFacts[] = [], certs?: HopCertificates): DoctorCheck {
  const target = hops[0];
  if (!f.answered) return judgeNoAnswer(f);
  const direct = judgeCallbackStatus(f);
  if (direct) return direct;
  const evidence: Evidence = { url: f.url, status: f.status, location: redactedLocation(f.location) };
  if (f.location && dropsQueryOnTheWay(stated) && redirectsBack(f.url, target)) {
    // The address the fix below would name redirects back: naming it as "the final address" sends the
    // user round the loop (/callback → /callback/ → /callback).
    return check(
      'redirect',
      'fail',
      { key: 'doctor.redirect.loop', params: { url: f.url, status: stated.status, location: shownLocation(stated.location), backStatus: target.status, back: shownLocation(target.location) } },
      { ...evidence, statedUrl: stated.url, statedLocation: redactedLocation(stated.location), targetUrl: target.url, targetStatus: target.status, targetLocation: redactedLocation(target.location) },
      { key: 'doctor.redirect.loop.fix' },
    );
  }
  if (f.location && dropsQueryOnTheWay(stated)) {
    return check(
      'redirect',
      'fail',
      { key: 'doctor.redirect.dropsQuery', params: { url: f.url, status: stated.status, location: shownLocation(stated.location) } },
      { ...evidence, statedUrl: stated.url, statedLocation: redactedLocation(stated.location) },
      dropsQueryFix(shownLocation(f.location), locationOf(stated), hops, certs),
    );
  }
  const loop = f.location ? redirectLoop(f, stated, hops) : undefined;
  // A later hop may drop the query the stated fetch's redirect kept (http → https keeping it, then a
  // slash rule that does not): WeChat's code is lost there as surely as on the first hop, so each
  // followed redirect is held to the same rule (dropsQueryOnTheWay), before a loop is called one that
  // keeps the query.
  const dropping = f.location && isRedirect(stated) ? hops.findIndex((h) => dropsQueryOnTheWay(h)) : -1;
  if (dropping >= 0) {
    const hop = hops[dropping] as Redirect;
    const kept = [stated, ...hops.slice(0, dropping)] as Array<Redirect>;
    // The address it drops the query on the way to, whole (a relative Location is the hop's scheme
    // and host, not the redirect_uri's). When the chain then comes back round, that address is no
    // final one to copy: the loop's fix (make one form answer) is the true one.
    const to = new URL(hop.location, hop.url).href;
    // Returns, not `?:` between a literal and a MessageRef (TS2590: too complex to represent).
    const fix = (): MessageRef => {
      if (loop) return { key: 'doctor.redirect.loopKept.fix' };
      return dropsQueryFix(shownLocation(to), to, hops, certs);
    };
    return check(
      'redirect',
      'fail',
      { key: 'doctor.redirect.dropsQueryHop', params: { url: f.url, chain: kept.map((h) => `${h.status} → ${shownLocation(h.location)}`), hop: shownLocation(hop.url), status: hop.status, location: shownLocation(hop.location) } },
      { ...evidence, statedUrl: kept[0]!.url, chain: kept.map((h) => `${h.status} ${redactedLocation(h.location)}`).join(' -> '), hopUrl: redactedLocation(hop.url), hopStatus: hop.status, hopLocation: redactedLocation(hop.location) },
      fix(),
    );
  }
  if (loop) {
    // The query survives, so no hop loses the code: the browser goes round until it gives up
    // ("too many redirects") and the callback never runs (/callback → /callback/ → /callback, each
    // keeping ?state=…, as Laravel's trailing-slash rule and nginx's $request_uri do).
    const chain = loop.map((h) => `${h.status} → ${shownLocation(h.location)}`);
    return check(
      'redirect',
      'fail',
      { key: 'doctor.redirect.loopKept', params: { url: f.url, chain } },
      { ...evidence, statedUrl: loop[0]!.url, chain: loop.map((h) => `${h.status} ${redactedLocation(h.location)}`).join(' -> ') },
      { key: 'doctor.redirect.loopKept.fix' },
    );
  }
  const onward = f.location ? redirectsOnward(f, stated, hops) : undefined;
  if (onward) {
    // Not seen to fail: a browser follows 20 (Chromium's limit; WeChat's Android webview is Chromium),
    // doctor 4. But a callback's own normalising needs two at most (http → https, a trailing /), so a
    // chain along its path that has not repeated by then is a rule rewriting the address on every hop
    // (a / added each time, a parameter appended again), which as a rule never lands. A warning, with
    // the chain, for the user to find that rule.
    return check(
      'redirect',
      'warn',
      { key: 'doctor.redirect.onward', params: { url: f.url, count: onward.length, chain: onward.map((h) => `${h.status} → ${shownLocation(h.location)}`) } },
      { ...evidence, statedUrl: onward[0]!.url, chain: onward.map((h) => `${h.status} ${redactedLocation(h.location)}`).join(' -> ') },
      { key: 'doctor.redirect.onward.fix' },
    );
  }
  // The plain fetch redirected, but the stated one (the query WeChat's redirect comes with) answered
  // itself: that answer is the one WeChat's redirect meets, judged as the redirect_uri's own is (a
  // callback that redirects a bare hit to a login page and crashes on a query, or stops answering).
  if (f.location && stated !== undefined && hops.length === 0) {
    const itself = judgeCallbackAnswer(stated, shownLocation(stated.url), tlsChecked(f.url, stated.url));
    if (itself) {
      return check(
        'redirect',
        itself.status,
        { key: 'doctor.redirect.statedAnswers', params: { url: f.url, status: f.status, location: shownLocation(f.location), verdict: itself.message } },
        { ...evidence, statedUrl: redactedLocation(stated.url), statedStatus: stated.answered ? stated.status : (stated.status ?? null), statedError: stated.answered ? null : stated.error },
        itself.fix,
      );
    }
    // Fine as such (a 200, a 400 refusing a hit without a code): the line says that is what answered,
    // not "(not followed)", which read as if doctor had skipped the address WeChat's redirect meets.
    if (stated.answered && !isRedirect(stated)) {
      const shown = shownLocation(stated.url);
      return check(
        'redirect',
        'ok',
        { key: 'doctor.redirect.statedAnswersOk', params: { url: f.url, status: f.status, location: shownLocation(f.location), stated: shown, statedStatus: stated.status } },
        { ...evidence, statedUrl: redactedLocation(stated.url), statedStatus: stated.status },
      );
    }
  }
  // Followed along the callback's own path (hops): WeChat's redirect, code and all, ends where the chain
  // lands, so that answer is judged by the rule the redirect_uri's own answer is (a 5xx, a 404, no
  // answer), and the line says the chain that led there.
  const end = hops[hops.length - 1];
  if (f.location && end !== undefined) {
    const led = [stated, ...hops.slice(0, -1)].filter((h) => isRedirect(h));
    const refused = end.answered ? hopCertificateRefused(end.url, certs) : undefined;
    const landed = end.answered && refused ? landedOnRefusedCertificate(f.url, end, refused) : judgeCallbackAnswer(end, shownLocation(end.url), tlsChecked(f.url, end.url), true);
    if (landed) {
      return check(
        'redirect',
        landed.status,
        { key: 'doctor.redirect.landed', params: { url: f.url, chain: led.map((h) => `${h.status} → ${shownLocation(h.location)}`), verdict: landed.message } },
        {
          ...evidence,
          chain: led.map((h) => `${h.status} ${redactedLocation(h.location)}`).join(' -> '),
          landedUrl: redactedLocation(end.url),
          landedStatus: end.answered ? end.status : (end.status ?? null),
          landedError: end.answered ? null : end.error,
          ...(refused ? { landedCertificate: refused.code } : {}),
        },
        landed.fix,
      );
    }
    // No answer is always judged above, so a fine landing is a status.
    if (end.answered) {
      const ended: MessageRef = { key: 'doctor.redirect.followed.status', params: { status: end.status } };
      return check('redirect', 'ok', { key: 'doctor.redirect.okFollowed', params: { url: f.url, status: f.status, location: shownLocation(f.location), end: shownLocation(end.url), ended } }, evidence);
    }
  }
  if (f.location) return check('redirect', 'ok', { key: 'doctor.redirect.okRedirect', params: { url: f.url, status: f.status, location: shownLocation(f.location) } }, evidence);
  return check('redirect', 'ok', { key: 'doctor.redirect.ok', params: { url: f.url, status: f.status } }, evidence);
}

/**
 * The certificates of the https addresses evaluateRedirect's hops reached, as probeTls saw each host and
 * port (keyed by URL.host: `a.com`, `a.com:8443`), for the verdicts on them: the GETs take any certificate.
 */
export interface HopCertificates {
  now: number;
  byHost: Readonly<Record<string, TlsFacts>>;
}

/** The tls check's failure of the certificate `url` (an https hop) was served on; undefined when it passes or was not probed. */
function hopCertificateRefused(url: string, certs: HopCertificates | undefined): { check: DoctorCheck; code: string } | undefined {
  const u = new URL(url);
  const facts = u.protocol === 'https:' ? certs?.byHost[u.host] : undefined;
  return facts ? refusedCertificate({ facts, now: certs!.now }) : undefined;
}

/**
 * Where the callback's redirects land answers, but on a certificate the tls check refuses: WeChat's
 * browser stops at that certificate (an http callback forced to https on a self-signed one, say), so the
 * callback never runs, whatever it answered. The fix points at the tls line when it judges that host and
 * port (an https redirect_uri's own); else it says the certificate's own fix (the tls line skips an http
 * redirect_uri, and judges no other port), or to drop the rule that sends the callback there.
 */
function landedOnRefusedCertificate(redirectUri: string, end: Answered, refused: { check: DoctorCheck; code: string }): DoctorCheck {
  const u = new URL(end.url);
  const shown = shownLocation(end.url);
  const fix: MessageRef =
    tlsChecked(redirectUri, end.url) || !refused.check.fix
      ? { key: 'doctor.redirect.certRefused.fix' }
      : { key: 'doctor.redirect.certRefused.unchecked.fix', params: { host: u.host, origin: u.origin, tlsFix: refused.check.fix } };
  return check('redirect', 'fail', { key: 'doctor.redirect.certRefused', params: { url: shown, status: end.status, detail: refused.check.message } }, { url: shown, certificate: refused.code }, fix);
}

// ── TLS ──────────────────────────────────────────────────────────────────────────────────────────

export type TlsFacts =
  | {
      handshake: true;
      host: string;
      port: number;
      /** Node's authorizationError code (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID…); undefined: trusted and for this name. */
      error?: string;
      subject: string;
      /** DNS names and IPs the certificate is for. */
      names: string[];
      /**
       * Whether the certificate is for `host`, checked whatever `error` is: Node checks the name only
       * once the chain is trusted, so a self-signed certificate for another name says only
       * DEPTH_ZERO_SELF_SIGNED_CERT. Undefined: not checked.
       */
      forName?: boolean;
      issuer: string;
      selfSigned: boolean;
      validFrom: number;
      validTo: number;
    }
  | { handshake: false; host: string; port: number; error: string };

const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The server was reached but its answer is not HTTP (llhttp's HPE_* codes: a bad header, a TLS port
 * spoken to in plain http, a crashed handler writing garbage): not "cannot be reached".
 */
function isMalformedReply(error: string): boolean {
  return error.startsWith('HPE_');
}

/** A handshake that began and failed: OpenSSL's EPROTO (plain HTTP answered on the https port) and its ERR_SSL_* codes. */
function isTlsFailure(error: string): boolean {
  return error === 'EPROTO' || error.startsWith('ERR_SSL_') || error.startsWith('ERR_TLS_');
}

/** Errors where nothing took the TCP connection, so no TLS handshake ever began. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * `callback`: given for the tls line itself (the https redirect_uri's certificate), with the profile's
 * account type. Only a test account is offered an http callback beside the certificate's fix (reported to
 * work, though WeChat's doc says the callback 应当使用https: API-FACTS §3); a service or website account,
 * one whose type is not known, and a fix quoted by another line (refusedCertificate: an http callback
 * sent on to https, a verify file; a JS-safe domain, which is no callback) get the certificate's own fix.
 */
export function evaluateTls(f: TlsFacts, now: number, callback?: { type?: AccountType }): DoctorCheck {
  const httpToo = callback?.type === 'test';
  const host = f.host;
  if (!f.handshake && NOT_CONNECTED.has(f.error)) {
    return check('tls', 'fail', { key: 'doctor.tls.noConnection', params: { host, port: f.port, error: osReason({ code: f.error }) } }, { host, port: f.port, error: f.error }, {
      key: 'doctor.tls.noConnection.fix',
      params: { host, port: f.port },
    });
  }
  if (!f.handshake) {
    return check('tls', 'fail', { key: 'doctor.tls.unreachable', params: { host, port: f.port, error: osReason({ code: f.error }) } }, { host, port: f.port, error: f.error }, {
      key: 'doctor.tls.unreachable.fix',
      params: { host, port: f.port },
    });
  }
  const days = Math.floor((f.validTo - now) / DAY_MS);
  const expires = isoDay(f.validTo);
  const evidence: Evidence = {
    host,
    port: f.port,
    subject: f.subject,
    names: f.names.join(',') || null,
    issuer: f.issuer,
    validFrom: new Date(f.validFrom).toISOString(),
    validTo: new Date(f.validTo).toISOString(),
    daysLeft: days,
    verifyError: f.error ?? null,
    forName: f.forName ?? null,
  };
  const names = f.names.length > 0 ? f.names : f.subject;
  // Expiry first: an expired certificate is also "untrusted", and its date is what the user must act on.
  // Node checks the name only for a trusted chain, so an expired or untrusted one for another name says
  // only that: the name (checked anyway, forName) is said with it, as both must be fixed.
  if (f.error === 'CERT_HAS_EXPIRED' || f.validTo <= now) {
    if (f.forName === false) {
      return check('tls', 'fail', { key: 'doctor.tls.expiredName', params: { host, expires, names } }, evidence, { key: 'doctor.tls.expiredName.fix', params: { host } });
    }
    return check('tls', 'fail', { key: 'doctor.tls.expired', params: { host, expires } }, evidence, { key: 'doctor.tls.expired.fix' });
  }
  if (f.error === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return check('tls', 'fail', { key: 'doctor.tls.name', params: { host, names } }, evidence, { key: 'doctor.tls.name.fix', params: { host } });
  }
  if (f.error === 'DEPTH_ZERO_SELF_SIGNED_CERT' || (f.error !== undefined && f.selfSigned)) {
    // Self-signed and for another name: both must be fixed, so both are said (a CA certificate for the wrong name still fails).
    if (f.forName === false) {
      const fix = httpToo ? 'doctor.tls.selfSignedName.testAccount.fix' : 'doctor.tls.selfSignedName.certOnly.fix';
      return check('tls', 'fail', { key: 'doctor.tls.selfSignedName', params: { host, issuer: f.issuer, names } }, evidence, { key: fix, params: { host } });
    }
    return check('tls', 'fail', { key: 'doctor.tls.selfSigned', params: { host, issuer: f.issuer } }, evidence, { key: httpToo ? 'doctor.tls.selfSigned.testAccount.fix' : 'doctor.tls.selfSigned.certOnly.fix' });
  }
  if (f.error !== undefined) {
    if (f.forName === false) {
      return check('tls', 'fail', { key: 'doctor.tls.untrustedName', params: { host, code: f.error, issuer: f.issuer, names } }, evidence, { key: 'doctor.tls.untrustedName.fix', params: { host } });
    }
    return check('tls', 'fail', { key: 'doctor.tls.untrusted', params: { host, code: f.error, issuer: f.issuer } }, evidence, { key: 'doctor.tls.untrusted.fix' });
  }
  if (days < EXPIRY_WARNING_DAYS) return check('tls', 'warn', { key: 'doctor.tls.expiring', params: { host, expires, days } }, evidence, { key: 'doctor.tls.expiring.fix' });
  return check('tls', 'ok', { key: 'doctor.tls.ok', params: { host, issuer: f.issuer, expires, days } }, evidence);
}

export function skipTlsForHttp(url: string): DoctorCheck {
  return check('tls', 'skip', { key: 'doctor.tls.http' }, { url });
}

/**
 * The certificate an https address served, as probeTls saw it on that host and port, for a check
 * whose GET took any certificate (the verify file, the https an http callback is sent to). `tlsLine`:
 * the tls line judges this same host and port (an https redirect_uri's), so a fix can point there.
 */
export interface ServedCertificate {
  facts: TlsFacts;
  now: number;
  tlsLine?: boolean;
}

/**
 * The tls check's failure for a certificate that was served (the handshake done), with Node's code for
 * the evidence; undefined when it passes or warns (expiring soon is still valid), or when there was no
 * handshake to judge (what the GET met then is said by its own line).
 */
export function refusedCertificate(cert: ServedCertificate | undefined): { check: DoctorCheck; code: string } | undefined {
  if (!cert?.facts.handshake) return undefined;
  const judged = evaluateTls(cert.facts, cert.now);
  return judged.status === 'fail' ? { check: judged, code: cert.facts.error ?? 'CERT_HAS_EXPIRED' } : undefined;
}

// ── http vs https ────────────────────────────────────────────────────────────────────────

/**
 * The authorize URL carries the profile's redirect_uri as is, so its scheme is the one WeChat sends
 * users back on. It must be the one the server serves: an https redirect_uri on a host that only
 * answers http, or an http one the server bounces to https, is a protocol mismatch. WeChat shows no
 * errcode for it: it redirects as told, and the user lands on a page that does not open, or the code
 * is lost in the bounce.
 * `same` is the redirect_uri's GET; `other` the same URL on the other scheme (only probed when
 * https could not be reached); `followed`: the redirects doctor followed from the redirect_uri
 * (evaluateRedirect's hops), where the https address an http redirect_uri is sent to may have been
 * fetched: when its handshake failed or nothing took the connection, "use the https callback" cannot
 * work yet, and the fix says what must come first. `stated`: the redirect_uri fetched with `state=`,
 * from which `followed` goes on: where the first Location stays on http (a slash added) and a later
 * redirect turns to https, that hop is the mismatch, named by the line (httpsUpgradeAlong).
 */
export function evaluateScheme(
  redirectUri: string,
  same: HttpFacts,
  other: HttpFacts | undefined,
  profile: string,
  followed: readonly HttpFacts[] = [],
  cert?: ServedCertificate,
  stated?: HttpFacts,
): DoctorCheck {
  const p = profileFlag(profile);
  const u = new URL(redirectUri);
  const scheme = u.protocol.replace(':', '');
  const evidence: Evidence = { scheme, answered: describeHttp(same), other: other ? describeHttp(other) : null };
  if (!same.answered && !other?.answered) return check('scheme', 'skip', { key: 'doctor.scheme.noAnswer' }, evidence);
  if (scheme === 'https' && !same.answered && other?.answered) {
    const http = `http://${u.host}${u.pathname}${u.search}`;
    return check('scheme', 'fail', { key: 'doctor.scheme.httpsDown' }, evidence, { key: 'doctor.scheme.httpsDown.fix', params: { host: u.host, http, p } });
  }
  const upgrade = httpsUpgradeAlong(redirectUri, same, stated, followed);
  if (upgrade && same.answered && same.location) {
    const { target, via } = upgrade;
    // The https callback where the server sends it: its port kept (https://host:8443/…), since that is
    // where the https server answers; 443 is left out, as a URL writes it. Reached along the followed
    // redirects (the callback's own path, give or take a slash), its path is the one doctor fetched there.
    const https = `https://${target.host}${via ? target.pathname : u.pathname}${u.search}`;
    const origin = `https://${target.host}`;
    const message: MessageRef = via
      ? { key: 'doctor.scheme.upgradeHop', params: { location: shownLocation(same.location), hop: shownLocation(via.url), to: shownLocation(via.location) } }
      : { key: 'doctor.scheme.upgrade', params: { location: shownLocation(same.location) } };
    const seen: Evidence = via ? { ...evidence, httpsHop: redactedLocation(via.url), httpsLocation: redactedLocation(via.location) } : evidence;
    // Fetched along the redirects, or else only dialled (a Location on another path, which doctor does
    // not follow): a handshake that failed either way is no https callback to advise.
    const why = notServed(followed.find((h) => new URL(h.url).protocol === 'https:' && new URL(h.url).host === target.host)) ?? handshakeNotDone(cert);
    if (why) {
      // The server sends the callback to an https address that doctor fetched and found unserved: a
      // redirect_uri on it would meet the same handshake or closed port, so serving HTTPS comes first
      // (or the force-https rule goes: WeChat's doc asks for https, but http callbacks are seen to work, API-FACTS §3).
      return check('scheme', 'warn', message, { ...seen, https: origin, httpsError: why.error }, {
        key: 'doctor.scheme.upgrade.unserved.fix',
        params: { origin, why: why.reason, host: target.hostname, https, p },
      });
    }
    // Served, on a certificate the tls check would refuse (the GETs take any): an https redirect_uri
    // would stop WeChat's browser at that certificate, so it is fixed first. The tls line skips an
    // http redirect_uri, so what is wrong with it and how to fix it are said here.
    const refused = refusedCertificate(cert);
    if (refused?.check.fix) {
      return check('scheme', 'warn', message, { ...seen, https: origin, certificate: refused.code }, {
        key: 'doctor.scheme.upgrade.untrusted.fix',
        params: { detail: refused.check.message, tlsFix: refused.check.fix, https, p },
      });
    }
    return check('scheme', 'warn', message, seen, { key: 'doctor.scheme.upgrade.fix', params: { https, p } });
  }
  return check('scheme', 'ok', { key: 'doctor.scheme.ok', params: { scheme } }, evidence);
}

/**
 * Where an http redirect_uri's server sends it on https on its own host by its first Location (the
 * scheme line's warning), or undefined: an https redirect_uri, no redirect, a Location that is no URL,
 * another host, a redirect on http (httpsUpgradeAlong follows that one). The flow dials that address's
 * certificate for evaluateScheme as soon as the first answer is in.
 */
export function httpsUpgradeTarget(redirectUri: string, same: HttpFacts): URL | undefined {
  const u = new URL(redirectUri);
  if (u.protocol !== 'http:' || !same.answered || !same.location) return undefined;
  let target: URL;
  try {
    target = new URL(same.location, redirectUri);
  } catch {
    return undefined;
  }
  return target.protocol === 'https:' && target.hostname === u.hostname ? target : undefined;
}

/**
 * Where an http redirect_uri is first sent on to https on its own host: its own first Location
 * (httpsUpgradeTarget), or else along the redirects doctor followed from the stated fetch, which stay on
 * http a hop or more first (http /cb → http /cb/ → https /cb/: a slash rule, then a force-https one).
 * `via`: that followed redirect, when it is not the first Location. Undefined when the chain never
 * turns to https on this host.
 */
export function httpsUpgradeAlong(redirectUri: string, same: HttpFacts, stated: HttpFacts | undefined, followed: readonly HttpFacts[]): { target: URL; via?: Redirect } | undefined {
  const first = httpsUpgradeTarget(redirectUri, same);
  if (first) return { target: first };
  const u = new URL(redirectUri);
  if (u.protocol !== 'http:' || !isRedirect(same)) return undefined;
  for (const h of [stated, ...followed]) {
    const to = isRedirect(h) ? locationOf(h) : undefined;
    if (!h || !to) return undefined;
    // Only the callback's own path (give or take a slash), as nextRedirectHop follows: a hop to https on
    // another path (the app's login page, for a request without a code) is no https callback to offer.
    if (to.protocol === 'https:') return to.hostname === u.hostname && samePath(to.pathname, u.pathname) ? { target: to, via: h as Redirect } : undefined;
  }
  return undefined;
}

/**
 * Why an address doctor fetched is not served: its TLS handshake failed (plain http on 443), or
 * nothing took the connection (refused, unreachable, timed out before connecting). Undefined when it
 * answered, or took the connection and then failed in another way (a silent handler, a body that never
 * ends: it is served, and the redirect line judges that answer), or was not fetched.
 */
function notServed(f: HttpFacts | undefined): { reason: MessageRef; error: string } | undefined {
  if (f === undefined || f.answered || isMalformedReply(f.error)) return undefined;
  if (isTlsFailure(f.error)) return { reason: { key: 'doctor.scheme.https.tlsFailed', params: { error: f.error } }, error: f.error };
  if (f.silentMs !== undefined || f.error === 'cancelled') return undefined;
  return { reason: { key: 'doctor.scheme.https.unreached', params: { error: osReason({ code: f.error }) } }, error: f.error };
}

/**
 * Why the https address an http callback is sent to is not served, by its TLS probe alone (the address
 * doctor did not fetch): nothing took the connection, or the handshake did not complete. Undefined when
 * it did (its certificate is refusedCertificate's to judge), or when Ctrl-C ended the probe.
 */
function handshakeNotDone(cert: ServedCertificate | undefined): { reason: MessageRef; error: string } | undefined {
  const f = cert?.facts;
  if (f === undefined || f.handshake || f.error === 'cancelled') return undefined;
  if (NOT_CONNECTED.has(f.error) || f.error.startsWith('ETIMEDOUT')) {
    return { reason: { key: 'doctor.scheme.https.unreached', params: { error: osReason({ code: f.error }) } }, error: f.error };
  }
  return { reason: { key: 'doctor.scheme.https.tlsFailed', params: { error: f.error } }, error: f.error };
}

// ── credentials through stable_token ─────────────────────────────────────────────────────────────

export type CredentialFacts =
  | { outcome: 'ok'; host: string; appid: string; expiresIn: number }
  | { outcome: 'errcode'; host: string; appid: string; errcode: number; errmsg: string; rid?: string; ip?: string; hint?: MessageRef }
  | { outcome: 'network'; host: string; message: MessageRef; hint?: MessageRef; failure: string };

/** Whose credentials: the account type says where the console keeps them, the source how to change them. */
export interface CredentialOwner {
  profile: string;
  type?: AccountType;
  /** The value came from WXAUTH_APPID / WXAUTH_SECRET, which override the profile: `config set` would not help. */
  appidFromEnv: boolean;
  secretFromEnv: boolean;
  /** The API base the call went to: a 40164 from a host that is not WeChat's is that host's whitelist. */
  apiBase?: string;
}

type Console = 'oa' | 'website' | 'test';
const consoleOf = (type: AccountType | undefined): Console => (type === 'website' ? 'website' : type === 'test' ? 'test' : 'oa');

/**
 * The fix for a wrong AppID (40013) or AppSecret (40125): where to copy it from (the account type's
 * console) and how to set it — `config set` for a saved value, the WXAUTH_* variable that overrides it.
 */
const CREDENTIAL_FIXES = {
  40013: {
    oa: { saved: 'doctor.credentials.40013.fix', env: 'doctor.credentials.40013.fix.env' },
    website: { saved: 'doctor.credentials.40013.fix.website', env: 'doctor.credentials.40013.fix.website.env' },
    test: { saved: 'doctor.credentials.40013.fix.test', env: 'doctor.credentials.40013.fix.test.env' },
  },
  40125: {
    oa: { saved: 'doctor.credentials.40125.fix', env: 'doctor.credentials.40125.fix.env' },
    website: { saved: 'doctor.credentials.40125.fix.website', env: 'doctor.credentials.40125.fix.website.env' },
    test: { saved: 'doctor.credentials.40125.fix.test', env: 'doctor.credentials.40125.fix.test.env' },
  },
} as const;

function credentialFix(errcode: 40013 | 40125, o: CredentialOwner): MessageRef {
  const keys = CREDENTIAL_FIXES[errcode][consoleOf(o.type)];
  const fromEnv = errcode === 40013 ? o.appidFromEnv : o.secretFromEnv;
  return fromEnv ? { key: keys.env } : { key: keys.saved, params: { p: profileFlag(o.profile) } };
}

export function evaluateCredentials(f: CredentialFacts, owner: CredentialOwner = { profile: 'default', appidFromEnv: false, secretFromEnv: false }): DoctorCheck {
  switch (f.outcome) {
    case 'ok':
      return check('credentials', 'ok', { key: 'doctor.credentials.ok', params: { host: f.host, appid: f.appid, expiresIn: f.expiresIn } }, { host: f.host, endpoint: PATHS.stableToken, expiresIn: f.expiresIn });
    case 'errcode': {
      const evidence: Evidence = { host: f.host, endpoint: PATHS.stableToken, errcode: f.errcode, errmsg: f.errmsg, rid: f.rid ?? null, ip: f.ip ?? null };
      if (f.errcode === 40013) return check('credentials', 'fail', { key: 'doctor.credentials.40013', params: { appid: f.appid } }, { ...evidence, appidSource: owner.appidFromEnv ? 'env' : 'profile' }, credentialFix(40013, owner));
      if (f.errcode === 40125) return check('credentials', 'fail', { key: 'doctor.credentials.40125', params: { appid: f.appid } }, { ...evidence, secretSource: owner.secretFromEnv ? 'env' : 'profile' }, credentialFix(40125, owner));
      if (f.errcode === 40164) {
        const ip = f.ip ?? '?';
        // An API base that is not WeChat's (the emulator with --ip-whitelist, a gateway in front of
        // WeChat): the whitelist is that host's, or WeChat's seeing the gateway: not this machine's IP
        // to add in the console as such.
        if (owner.apiBase !== undefined && !isWechatApiBase(owner.apiBase)) {
          return check('credentials', 'fail', { key: 'doctor.credentials.40164.other', params: { ip, host: f.host, appid: f.appid } }, evidence, {
            key: 'doctor.credentials.40164.other.fix',
            params: { ip, host: f.host, appid: f.appid },
          });
        }
        // A website app keeps its whitelist on the Open Platform (errcode-knowledge's WHITELIST_OPEN).
        const fix: MessageRef = consoleOf(owner.type) === 'website' ? { key: 'doctor.credentials.40164.fix.website', params: { ip } } : { key: 'doctor.credentials.40164.fix', params: { ip } };
        return check('credentials', 'fail', { key: 'doctor.credentials.40164', params: { ip } }, evidence, fix);
      }
      let fix: MessageRef = { key: 'doctor.credentials.errcode.fix', params: { errcode: f.errcode } };
      if (f.hint) fix = f.hint;
      return check('credentials', 'fail', { key: 'doctor.credentials.errcode', params: { errcode: f.errcode, errmsg: f.errmsg } }, evidence, fix);
    }
    case 'network':
      return check('credentials', 'fail', f.message, { host: f.host, endpoint: PATHS.stableToken, failure: f.failure }, f.hint);
  }
}

// ── clock skew ───────────────────────────────────────────────────────────────────────────────────

/** Beyond this, JS-SDK signatures and token expiry maths go wrong in ways that are hard to see. */
const CLOCK_SKEW_WARNING_S = 60;

/**
 * This machine's clock against the Date header of WeChat's answer (second resolution, so ±1 s is
 * noise). `localMs` is our clock when the answer arrived. `apiBase`: where that answer came from; a
 * host that is not WeChat's (the wxauth emulator, whose clock can be moved) says nothing about this
 * machine's clock, so a difference is reported as that host's and the check is skipped.
 */
export function evaluateClock(date: string | undefined, localMs: number | undefined, apiBase?: string): DoctorCheck {
  if (localMs === undefined) return check('clock', 'skip', { key: 'doctor.clock.noAnswer' }, {});
  const server = date === undefined ? NaN : Date.parse(date);
  if (Number.isNaN(server)) return check('clock', 'skip', { key: 'doctor.clock.noDate' }, { date: date ?? null });
  const skewS = Math.round((localMs - server) / 1000);
  const evidence: Evidence = { date: date ?? null, local: new Date(localMs).toISOString(), skewSeconds: skewS };
  const other = apiBase !== undefined && !isWechatApiBase(apiBase) ? URL.parse(apiBase)?.host : undefined;
  if (other !== undefined) {
    const params = { host: other, skew: Math.abs(skewS), limit: CLOCK_SKEW_WARNING_S };
    if (Math.abs(skewS) <= CLOCK_SKEW_WARNING_S) return check('clock', 'ok', { key: 'doctor.clock.other.ok', params }, { ...evidence, host: other });
    return check('clock', 'skip', { key: skewS > 0 ? 'doctor.clock.other.behind' : 'doctor.clock.other.ahead', params }, { ...evidence, host: other });
  }
  if (Math.abs(skewS) > CLOCK_SKEW_WARNING_S) {
    const message: MessageRef = skewS > 0 ? { key: 'doctor.clock.ahead', params: { skew: skewS } } : { key: 'doctor.clock.behind', params: { skew: -skewS } };
    return check('clock', 'warn', message, evidence, { key: 'doctor.clock.fix' });
  }
  return check('clock', 'ok', { key: 'doctor.clock.ok', params: { skew: Math.abs(skewS), limit: CLOCK_SKEW_WARNING_S } }, evidence);
}

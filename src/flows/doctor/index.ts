// wxauth doctor as a use case: gather the facts about a deployment and hand them to core/doctor.ts for
// the verdicts. Offline facts first (the resolved profile, the authorize URL's lint, the callback
// domain rule, the token cache, Node, the proxy variables), then the online probes, all at once: DNS,
// the verify file, the redirect_uri, its certificate, and stable_token (reachability, credentials,
// IP whitelist, and WeChat's Date header for the clock). Takes a clock, a resolver and extra CAs, so
// tests need no sleeps and trust their own certificates; never Context, never the terminal.
import type { ProxySettings } from '../../core/proxy-route.js';
import fs from 'node:fs';
import { CancelledError, ConfigError, type MessageRef } from '../../errors.js';
import {
  buildReport,
  evaluateAuthorize,
  evaluateClock,
  evaluateConnectTo,
  evaluateCredentials,
  evaluateDns,
  evaluateDomain,
  evaluateNode,
  evaluateProfile,
  evaluateProxy,
  evaluateRedirect,
  evaluateScheme,
  evaluateTls,
  evaluateTokenCache,
  withDoctorState,
  MAX_REDIRECT_HOPS,
  nextRedirectHop,
  evaluateJsDomains,
  evaluateVerifyFile,
  httpsUpgradeAlong,
  httpsUpgradeTarget,
  needsVerifyFile,
  refusedCertificate,
  routeFor,
  skipNeeds,
  skipNoWebAuth,
  skipJsDomains,
  skipTlsForHttp,
  skipVerifyFile,
  type ConnectRule,
  type DoctorCheck,
  type DoctorReport,
  type HttpFacts,
  type TlsFacts,
  type TokenCacheFacts,
  type VerifyExpectation,
} from '../../core/doctor.js';
import { hasWebAuth } from '../../core/validate.js';
import { splitJsDomains } from '../../core/jssdk.js';
import { splitDomain } from '../../core/domain.js';
import { tokenHostOf } from '../../core/endpoints.js';
import type { KnownSecrets } from '../../core/secrets.js';
import { apiBaseOrigin, isUnknownProfile, missingSettings, unknownProfileError, type ResolvedConfig } from '../../store/resolve.js';
import type { BasicTokenEntry, UserTokenEntry } from '../../store/token-cache.js';
import { inspectBasicCache } from '../basic-token.js';
import { planAuthorize } from '../authorize.js';
import { probeDns, probeGet, probeTls, systemLookup, type Lookup, type ProbeOptions } from './probes.js';
import type { CredentialProbe } from './wechat.js';


/** The part of the token store doctor reads (it never writes). */
export interface DoctorTokenStore {
  getBasic(profile: string, appid: string, apiHost?: string): BasicTokenEntry | undefined;
  listUsers(profile: string, appid?: string): UserTokenEntry[];
}

export interface DoctorInput {
  /** The resolved profile, or the ConfigError the resolver threw (a file that does not parse, a bad type). */
  config: ResolvedConfig | { error: ConfigError; profile: string };
  /** The verify file: from --verify-file (a name, or a local file read by the command) or the profile. */
  verify?: VerifyExpectation;
  connectTo: readonly ConnectRule[];
}

export interface DoctorDeps {
  now(): number;
  /** Per-check deadline (ms). */
  timeoutMs: number;
  /** The run's HTTP(S)_PROXY / NO_PROXY (the API client honours them). */
  proxy: ProxySettings;
  /** Shows a proxy URL without its password. */
  showProxy(url: string): string;
  openTokenStore(): Promise<DoctorTokenStore>;
  lookup?: Lookup;
  /** CAs to trust besides Node's: tests' own; the CLI relies on Node's (and NODE_EXTRA_CA_CERTS). */
  ca?: string | string[];
  nodeVersion?: string;
  /** package.json's engines.node; read from the package when not given. */
  engines?: string;
  secrets?: KnownSecrets;
  showSecrets?: boolean;
  signal?: AbortSignal;
  trace?: (line: string) => void;
  curl?: (command: string) => void;
}

/** What doctor tells as it goes: -v's request and response lines, --curl's commands (secrets masked by the API client). */
export type DoctorHooks = Pick<DoctorDeps, 'trace' | 'curl'>;

const CHECKED_FIELDS = ['appid', 'secret', 'domain', 'redirectUri'] as const;
/** A subscription account has no web authorization: no callback domain or redirect_uri to ask for. */
const CREDENTIAL_FIELDS = ['appid', 'secret'] as const;

/**
 * engines.node of this package: the nearest package.json named wxauth above this module (src/flows/
 * doctor, dist/flows/doctor, or a bundle's chunk in dist/cli all find it). '' when it cannot be read.
 */
function packageEngines(from: string = import.meta.url): string {
  let dir = new URL('.', from);
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; engines?: { node?: string } };
      if (pkg.name === 'wxauth') return pkg.engines?.node ?? '';
    } catch {
      // Not here; look one folder up.
    }
    dir = new URL('..', dir);
  }
  return '';
}

/** WXAUTH_APPID gave the appid: the profile's own appid, when the resolver set that account aside. */
function envAppidFacts(config: ResolvedConfig): { profileAppid?: string; secret: boolean } {
  const other = config.otherAccount;
  const secret = config.sources.secret === 'env';
  return other?.key === 'config.profile.otherAppid' ? { profileAppid: String(other.params.profileAppid), secret } : { secret };
}

function profileCheck(config: ResolvedConfig): DoctorCheck {
  const fields = hasWebAuth(config.type) ? CHECKED_FIELDS : CREDENTIAL_FIELDS;
  const missing = fields.filter((f) => config[f] === undefined);
  const first = config.errors[0];
  let problem: { message: MessageRef; hint?: MessageRef } | undefined;
  if (first) problem = { message: first.error.messageRef, ...(first.error.hint ? { hint: first.error.hint } : {}) };
  else if (missing.length > 0 && isUnknownProfile(config)) {
    const error = unknownProfileError(config);
    problem = { message: error.messageRef, ...(error.hint ? { hint: error.hint } : {}) };
  }
  return evaluateProfile({
    profile: config.profile,
    ...(config.appid ? { appid: config.appid } : {}),
    secretSet: config.secret !== undefined,
    ...(config.type ? { type: config.type } : {}),
    ...(config.domain ? { domain: config.domain } : {}),
    ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}),
    ...(config.verifyFile ? { verifyFile: config.verifyFile } : {}),
    ...(problem ? { problem } : {}),
    missing: [...missing],
    settings: missingSettings(config, missing),
    ...(config.sources.appid === 'env' ? { envAppid: envAppidFacts(config) } : {}),
  });
}

function authorizeCheck(config: ResolvedConfig, domain: DoctorCheck): DoctorCheck {
  if (!config.appid || !config.redirectUri) return skipNeeds('authorize', [...(config.appid ? [] : ['appid']), ...(config.redirectUri ? [] : ['redirectUri'])]);
  // The URL `wxauth url` would build for this profile; forced, so the findings come back instead of a
  // refusal, with a fixed state (doctor remembers nothing).
  const plan = planAuthorize(
    { config, force: true, forceFlag: false, state: 'wxauthdoctor' },
    { hooks: { describe: () => ({ message: '', effect: '', fix: '' }), alsoRefused: () => ({ key: 'url.refused.other', params: { message: '' } }) } },
  );
  return evaluateAuthorize({
    ...(config.type ? { type: config.type } : {}),
    endpoint: plan.endpoint,
    scope: plan.scope,
    url: plan.url,
    findings: [...plan.blocking, ...plan.warnings, ...plan.notes],
    domainFailed: domain.status === 'fail',
    noDomain: config.domain === undefined,
  });
}

async function tokenCacheCheck(config: ResolvedConfig, deps: DoctorDeps): Promise<DoctorCheck> {
  let facts: TokenCacheFacts;
  try {
    const store = await deps.openTokenStore();
    const basic = config.appid ? inspectBasicCache(store, config.profile, config.appid, deps.now(), tokenHostOf(config.apiBase)) : { status: 'none' as const };
    facts = {
      readable: true,
      basic: basic.status === 'valid' ? { status: 'valid', kind: basic.entry.kind, remainingMs: basic.remainingMs } : { status: basic.status },
      users: store.listUsers(config.profile).length,
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    facts = { readable: false, message: error.messageRef, ...(error.hint ? { hint: error.hint } : {}) };
  }
  return evaluateTokenCache(facts);
}

/** The callback domain's host and the port a browser would use for it (the redirect_uri's, when it is that host). */
function callbackHost(config: ResolvedConfig): { host: string; port: number } | undefined {
  const redirect = config.redirectUri ? new URL(config.redirectUri) : undefined;
  const redirectPort = redirect ? Number(redirect.port) || (redirect.protocol === 'https:' ? 443 : 80) : 443;
  const domain = config.domain ? splitDomain(config.domain) : undefined;
  if (domain) return { host: domain.host, port: domain.port ? Number(domain.port) : redirect && redirect.hostname.toLowerCase() === domain.host ? redirectPort : 443 };
  if (redirect) return { host: redirect.hostname, port: redirectPort };
  return undefined;
}

/**
 * One TLS handshake per host and port in a run, shared by the checks that need that certificate (the
 * tls line, the verify file served on https, a JS-safe domain, the https an http callback is sent to),
 * so they judge the same certificate and dial it once.
 */
export type TlsProbe = (host: string, port: number) => Promise<TlsFacts>;

function sharedTlsProbe(probe: ProbeOptions): TlsProbe {
  const seen = new Map<string, Promise<TlsFacts>>();
  return (host, port) => {
    const key = `${host.toLowerCase()}:${port}`;
    let facts = seen.get(key);
    if (!facts) seen.set(key, (facts = probeTls(host, port, probe)));
    return facts;
  };
}

interface CertProbe {
  tls: TlsProbe;
  now: () => number;
  /** The redirect_uri: when it is https, the tls line judges its host and port. */
  redirectUri?: string;
}

async function verifyFileCheck(config: ResolvedConfig, verify: VerifyExpectation | undefined, probe: ProbeOptions, certs: CertProbe): Promise<DoctorCheck> {
  if (!config.domain) return skipNeeds('verify-file', ['domain']);
  if (!needsVerifyFile(config.type) || !verify) return skipVerifyFile(config.type, config.profile);
  const url = new URL(`https://${config.domain}/${verify.name}`);
  const https = await probeGet(url.href, probe);
  // The GET takes any certificate; served with a 200, the certificate it came on is judged as the tls
  // line judges one (the same handshake when the redirect_uri is on this host and port).
  const served = https.answered && https.status === 200;
  const own = certs.redirectUri !== undefined && URL.canParse(certs.redirectUri) ? new URL(certs.redirectUri) : undefined;
  const tlsLine = own?.protocol === 'https:' && own.host === url.host;
  const cert = served ? { facts: await certs.tls(url.hostname, Number(url.port) || 443), now: certs.now(), tlsLine } : undefined;
  // http only when https did not give a 200 on a valid certificate: WeChat's check accepts either scheme.
  const right = served && refusedCertificate(cert) === undefined;
  const http = right ? undefined : await probeGet(`http://${config.domain}/${verify.name}`, probe);
  return evaluateVerifyFile(config.domain, verify, https, http, cert);
}

/** The verify file at the root of each JS-safe domain that is not the callback domain (checked by verify-file). */
async function jsDomainsCheck(config: ResolvedConfig, verify: VerifyExpectation | undefined, probe: ProbeOptions, tls: TlsProbe, now: () => number): Promise<DoctorCheck> {
  // A website app has no JS-SDK; a test account binds its JS domain without a file.
  if (!needsVerifyFile(config.type)) return skipJsDomains(config.type, 'type', config.profile);
  const domains = splitJsDomains(config.jsDomains);
  // --profile naming no profile, and nothing set for it (the profile check fails, saying what to do):
  // no "config set jsDomains" for it. (Set through WXAUTH_* variables, it is a profile being used.)
  const noProfile = isUnknownProfile(config) && config.appid === undefined;
  if (domains.length === 0) return skipJsDomains(config.type, noProfile ? 'none_unknown_profile' : 'none', config.profile);
  if (!verify) return skipJsDomains(config.type, 'name', config.profile);
  const callback = config.domain?.toLowerCase();
  const others = domains.filter((d) => d.toLowerCase() !== callback);
  const results = await Promise.all(others.map(async (domain) => ({ domain, check: await jsDomainCheck(config, domain, verify, probe, tls, now) })));
  return evaluateJsDomains(results, domains.filter((d) => d.toLowerCase() === callback));
}

/**
 * One JS-safe domain: its verify file, and, when it serves https at all, its certificate (the tls check
 * judges only the callback's host; a phone refuses an H5 page whose certificate is not for its name, so
 * a page on that domain never gets to wx.config). A domain without https (pages on http) is not judged
 * on TLS.
 */
async function jsDomainCheck(config: ResolvedConfig, domain: string, verify: VerifyExpectation, probe: ProbeOptions, tls: TlsProbe, now: () => number): Promise<DoctorCheck> {
  const { host, port } = splitDomain(domain) ?? { host: domain, port: undefined };
  const [file, tlsFacts] = await Promise.all([verifyFileCheck({ ...config, domain }, verify, probe, { tls, now }), tls(host, port ? Number(port) : 443)]);
  if (file.status === 'fail' || !tlsFacts.handshake) return file;
  // A certificate the phone refuses fails the domain, whatever the file's line says (its warning about
  // that same certificate, whether WeChat's check takes it, is the lesser matter for a page's domain).
  const tlsCheck = evaluateTls(tlsFacts, now());
  if (tlsCheck.status === 'fail') return tlsCheck;
  return file.status === 'ok' && tlsCheck.status !== 'ok' ? tlsCheck : file;
}

async function redirectChecks(config: ResolvedConfig, probe: ProbeOptions, tls: TlsProbe, now: () => number): Promise<DoctorCheck[]> {
  const redirectUri = config.redirectUri;
  if (!redirectUri) return [skipNeeds('redirect', ['redirectUri']), skipNeeds('tls', ['redirectUri']), skipNeeds('scheme', ['redirectUri'])];
  const u = new URL(redirectUri);
  const secure = u.protocol === 'https:';
  const [answer, tlsFacts] = await Promise.all([probeGet(redirectUri, probe), secure ? tls(u.hostname, Number(u.port) || 443) : Promise.resolve(undefined)]);
  // An http callback the server sends to https on its own host: that address's certificate, which the
  // GETs take whatever it is, decides whether "use the https callback" can work (the tls line skips an
  // http redirect_uri). Dialled beside the fetches below, so a host that never answers costs no more time.
  // (A chain that stays on http a hop first is known once followed, below: its https is dialled then.)
  const upgrade = httpsUpgradeTarget(redirectUri, answer);
  if (upgrade) void tls(upgrade.hostname, Number(upgrade.port) || 443);
  // https that did not answer at all: does the same host answer on http? That is the scheme mismatch's shape.
  let other: HttpFacts | undefined;
  if (secure && !answer.answered) other = await probeGet(`http://${u.host}${u.pathname}${u.search}`, probe);
  // A redirect: fetched again as a refusal's callback (state= only, never a code), to see the query survive it.
  const redirected = answer.answered && answer.status >= 300 && answer.status < 400 && answer.location !== undefined;
  const stated = redirected ? await probeGet(withDoctorState(redirectUri), probe) : undefined;
  // Where that redirect leads, followed along the callback's own path on its own host only (a slash
  // added or removed, http → https), a few hops, until it lands or comes back to an address already
  // fetched: a loop, query kept or not, never reaches the callback; a lost query's fix names the first.
  const hops: HttpFacts[] = [];
  const fetched = [redirectUri, ...(stated ? [stated.url] : [])];
  for (let from = stated; hops.length < MAX_REDIRECT_HOPS; ) {
    const next = nextRedirectHop(from, redirectUri, fetched);
    if (next === undefined) break;
    from = await probeGet(next, probe);
    hops.push(from);
    fetched.push(next);
  }
  // Where the chain turns to https on the callback's host: the first Location, or a later hop (http /cb →
  // http /cb/ → https /cb/). The run's shared handshake: the one dialled above, or the hops' own below.
  const upgradeAt = httpsUpgradeAlong(redirectUri, answer, stated, hops)?.target;
  const upgradeCert = upgradeAt ? { facts: await tls(upgradeAt.hostname, Number(upgradeAt.port) || 443), now: now() } : undefined;
  // The certificates of the https addresses the hops reached (the GETs take any), judged where the chain
  // lands: one handshake per host and port, shared (most often the one dialled for the upgrade above).
  const hopHosts = [...new Set(hops.filter((h) => h.answered && new URL(h.url).protocol === 'https:').map((h) => new URL(h.url).host))];
  const byHost = Object.fromEntries(
    await Promise.all(
      hopHosts.map(async (host) => {
        const at = new URL(`https://${host}`);
        return [host, await tls(at.hostname, Number(at.port) || 443)] as const;
      }),
    ),
  );
  return [
    evaluateRedirect(answer, stated, hops, { now: now(), byHost }),
    tlsFacts ? evaluateTls(tlsFacts, now(), config.type ? { type: config.type } : {}) : skipTlsForHttp(redirectUri),
    evaluateScheme(redirectUri, answer, other, config.profile, hops, upgradeCert, stated),
  ];
}

export async function runDoctor(input: DoctorInput, deps: DoctorDeps): Promise<DoctorReport> {
  const nodeCheck = evaluateNode(deps.nodeVersion ?? process.versions.node, deps.engines ?? packageEngines());
  if ('error' in input.config) {
    // Nothing else can be judged without a profile: say why, and what Node is.
    const { error, profile } = input.config;
    return buildReport(profile, [
      { id: 'profile', status: 'fail', message: error.messageRef, ...(error.hint ? { fix: error.hint } : {}), evidence: {} },
      nodeCheck,
    ]);
  }
  const config = input.config;
  // Every host:port the probes aim at, so a --connect-to rule that matched none of them is reported.
  const aimedAt: Array<{ host: string; port: number }> = [];
  const aimed = (host: string, port: number) => void aimedAt.push({ host, port });
  const probe: ProbeOptions = { connectTo: input.connectTo, timeoutMs: deps.timeoutMs, aimed, ...(deps.ca ? { ca: deps.ca } : {}), ...(deps.signal ? { signal: deps.signal } : {}) };
  const lookup = deps.lookup ?? systemLookup;
  const tls = sharedTlsProbe(probe);

  // A subscription account has no callback: every check of one is skipped, saying why.
  const webAuth = hasWebAuth(config.type);
  const domain = !webAuth
    ? skipNoWebAuth('domain')
    : config.domain && config.redirectUri
      ? evaluateDomain(config.type, config.domain, config.redirectUri) : skipNeeds('domain', [...(config.domain ? [] : ['domain']), ...(config.redirectUri ? [] : ['redirectUri'])]);
  const offline: DoctorCheck[] = [
    profileCheck(config),
    webAuth ? authorizeCheck(config, domain) : skipNoWebAuth('authorize'),
    domain,
    await tokenCacheCheck(config, deps),
    nodeCheck,
  ];

  const api = new URL(config.apiBase);
  const apiPort = Number(api.port) || (api.protocol === 'https:' ? 443 : 80);
  const callback = webAuth ? callbackHost(config) : undefined;
  const apiRoute = routeFor(config.apiBase, deps.proxy, deps.showProxy);
  const { appid, secret } = config;
  const credentials: Promise<CredentialProbe | undefined> =
    appid && secret
      ? // Loaded only when there is something to check: it brings the API client (undici).
        import('./wechat.js').then(({ probeCredentials }) =>
          probeCredentials({
            apiBase: config.apiBase,
            apiBaseOrigin: apiBaseOrigin(config),
            profile: config.profile,
            appid,
            secret,
            timeoutMs: deps.timeoutMs,
            connectTo: input.connectTo,
            aimed,
            proxy: deps.proxy,
            now: deps.now,
            ...(deps.ca ? { ca: deps.ca } : {}),
            ...(deps.secrets ? { secrets: deps.secrets } : {}),
            ...(deps.showSecrets ? { showSecrets: true } : {}),
            ...(deps.signal ? { signal: deps.signal } : {}),
            ...(deps.trace ? { trace: deps.trace } : {}),
            ...(deps.curl ? { curl: deps.curl } : {}),
          }),
        )
      : Promise.resolve(undefined);
  const [dnsApi, dnsCallback, verify, jsDomains, redirect, wechat] = await Promise.all([
    apiRoute.via === 'proxy'
      ? Promise.resolve(evaluateDns('dns.api', { kind: 'proxied', host: api.hostname, proxy: apiRoute.proxy }))
      : probeDns(api.hostname, apiPort, lookup, probe).then((f) => evaluateDns('dns.api', f)),
    callback
      ? probeDns(callback.host, callback.port, lookup, probe).then((f) => evaluateDns('dns.callback', f))
      : Promise.resolve(webAuth ? skipNeeds('dns.callback', ['domain']) : skipNoWebAuth('dns.callback')),
    webAuth
      ? verifyFileCheck(config, input.verify, probe, { tls, now: deps.now, ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}) })
      : Promise.resolve(skipNoWebAuth('verify-file')),
    jsDomainsCheck(config, input.verify, probe, tls, deps.now),
    webAuth ? redirectChecks(config, probe, tls, deps.now) : Promise.resolve((['redirect', 'tls', 'scheme'] as const).map(skipNoWebAuth)),
    credentials,
  ]);
  // Ctrl-C: the probes ended at once; what they saw is no report (exit 130, as every command).
  if (deps.signal?.aborted) throw new CancelledError();
  const missingCredentials = [...(config.appid ? [] : ['appid']), ...(config.secret ? [] : ['secret'])];
  // The WeChat call, when a proxy carried it: --connect-to could not re-aim it (wechat.ts maps direct connections only).
  const proxied = wechat && apiRoute.via === 'proxy' ? [{ host: api.hostname.replace(/^\[|\]$/g, ''), port: apiPort, proxy: apiRoute.proxy, variable: apiRoute.variable }] : [];
  const online: DoctorCheck[] = [
    ...(input.connectTo.length > 0 ? [evaluateConnectTo(input.connectTo, aimedAt, proxied)] : []),
    dnsApi,
    dnsCallback,
    verify,
    jsDomains,
    ...redirect,
    wechat
      ? evaluateCredentials(wechat.facts, {
          profile: config.profile,
          ...(config.type ? { type: config.type } : {}),
          appidFromEnv: config.sources.appid === 'env',
          secretFromEnv: config.sources.secret === 'env',
          apiBase: config.apiBase,
        })
      : skipNeeds('credentials', missingCredentials),
    wechat ? evaluateClock(wechat.date, wechat.localMs, config.apiBase) : skipNeeds('clock', missingCredentials),
  ];
  // Whether WeChat answered at all tells a proxy that swallows the calls from one that works, and from
  // one that is not there (the client's own words for a proxy it could not reach).
  const proxyDown = wechat?.facts.outcome === 'network' && wechat.facts.message.key === 'http.proxy.unreachable';
  const reached = wechat === undefined ? undefined : proxyDown ? 'proxy-unreachable' : wechat.localMs !== undefined;
  offline.push(evaluateProxy(config.apiBase, deps.proxy, reached, deps.showProxy, webAuth ? config.redirectUri : undefined));
  return buildReport(config.profile, [...offline, ...online]);
}

// The authorize step as a use case: which endpoint, which scope, the URL, `inspect`'s verdict on it, and
// the state remembered for exchange / listen / inspect. Shared by `url` (which prints the URL) and
// `login` (which opens it and waits for the callback), so both refuse the same URLs with the same words:
// a URL WeChat rejects shows its error page on the phone, long after the terminal could have said why.
import fs from 'node:fs';
import { ConfigError, UsageError, type MessageRef } from '../errors.js';
import { exampleRedirectUri } from '../core/domain.js';
import { buildAuthorizeUrl, buildWxLoginEmbed, type AuthEndpoint, type QrLang, type Scope, type WxLoginEmbed } from '../core/authorize-url.js';
import { generateState, type RandomBytes } from '../core/state.js';
import { keysOfFinding, inspectUrl, type Finding, type FindingId, type FindingKeys } from '../core/inspect.js';
import { profileFlag, refuseEncodedRedirect, type AccountType } from '../core/validate.js';
import type { ResolvedConfig } from '../store/resolve.js';
import type { StateEntry } from '../store/state.js';

/** What `url` refuses on every endpoint even where `inspect` only warns: a state with characters such as
 * `{ : ,` or over 128 bytes comes back altered (or not at all) after WeChat's internal redirect
 * (API-FACTS §1.3). Not `state.charset_unreserved` (`-`, `_`, `.`: a UUID, base64url), which WeChat
 * accepts today: `url` builds it and warns. */
export const ALWAYS_BLOCKING: readonly FindingId[] = ['state.charset', 'state.too_long', 'state.absent'];

/**
 * Errors of inspect's that WeChat itself lets through: a state outside a-zA-Z0-9 comes back altered,
 * not refused (API-FACTS §1.3), on authorize as on qrconnect; an absent state comes back empty. url
 * refuses them as its own choice (ALWAYS_BLOCKING), never in WeChat's name. (state.too_long is
 * WeChat's: its page says state参数过长.)
 */
const WECHAT_LETS_THROUGH: readonly FindingId[] = ['state.charset', 'state.absent'];

/**
 * The operating system's random bytes: read from /dev/urandom where there is one (Linux, macOS), else
 * node:crypto's. Same source as crypto.randomBytes; loading node:crypto for 16 bytes was ~5 ms of every
 * `wxauth url` start on a 2-core machine (issue 19).
 */
function osRandomBytes(n: number): Uint8Array {
  let fd: number | undefined;
  try {
    fd = fs.openSync('/dev/urandom', 'r');
    const bytes = Buffer.alloc(n);
    for (let got = 0; got < n; ) {
      const read = fs.readSync(fd, bytes, got, n - got, null);
      if (read === 0) throw new Error('/dev/urandom ended');
      got += read;
    }
    return bytes;
  } catch {
    return process.getBuiltinModule('node:crypto').randomBytes(n);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A lint finding with the catalogue keys of its three sentences, so a presenter can word it without core. */
export interface LintFinding extends Finding {
  keys: FindingKeys;
  /** ` --profile x` for the commands a fix offers (`wxauth config set domain …`), so they change this profile. */
  profileFlag: string;
  /** WeChat refuses the URL over it (else a refusal, or --force, is wxauth's own: WECHAT_LETS_THROUGH). */
  wechatRejects: boolean;
}

/** A finding in the user's words. */
export interface FindingText {
  message: string;
  effect: string;
  fix: string;
}

/** Presentation hooks: the flow knows no language, so the words of a refusal come from the caller's UI. */
export interface AuthorizeHooks {
  /** The finding in the user's language (the refusal quotes the first blocking one). */
  describe(finding: LintFinding): FindingText;
  /** A blocking finding after the first as one line of the refusal ("Also: …"; the error names the first). */
  alsoRefused(finding: LintFinding): MessageRef;
}

/** The profile settings an authorize URL and its lint depend on. */
export type AuthorizeConfig = Pick<ResolvedConfig, 'profile' | 'appid' | 'type' | 'domain' | 'redirectUri' | 'openBase'> & Partial<Pick<ResolvedConfig, 'otherAccount' | 'sources'>>;

export interface AuthorizeRequest {
  config: AuthorizeConfig;
  /** --authorize / --qrconnect; undefined: the account type decides, then the scope. */
  endpoint?: AuthEndpoint;
  scope?: string;
  /** Where WeChat sends the user back; undefined: the profile's redirectUri. */
  redirectUri?: string;
  /** undefined: a fresh random one. */
  state?: string;
  forcePopup?: boolean;
  /** qrconnect's page language. */
  lang?: QrLang;
  /** Also build the WxLogin embed (qrconnect only). */
  embed?: boolean;
  /** Build it even when WeChat would reject it: the blocking findings come back with the plan. */
  force?: boolean;
  /** Whether the caller has a --force flag the refusal may suggest. `login` has none (a URL WeChat
   * rejects can never complete a login), so its refusal gives the fix to the configuration and says to
   * run login again: `wxauth url --force` (a link to reproduce the error) is no step towards a login. */
  forceFlag: boolean;
  /**
   * The saved profiles by name (the config file's), read only by a refusal whose fix is a website app's
   * profile (snsapi_login or --embed on an official account's authorize page): it names the one saved,
   * or a name free to make one under (websiteProfile). Undefined: none saved.
   */
  savedProfiles?: () => Readonly<Record<string, { type?: string }>>;
}

/** A saved website-app profile to use, or (none saved) a free name to make one under. */
export type WebsiteProfile = { saved: string } | { free: string };

/**
 * The website-app profile a refusal of snsapi_login or --embed on an official account sends the user to
 * (url and login both): the first saved, by name; with none, a name free for one (`web`, unless a
 * profile has it: the hint must not lead to replacing this account's own, as `init --profile web` would).
 */
export function websiteProfile(profiles: Readonly<Record<string, { type?: string }>>): WebsiteProfile {
  const names = Object.keys(profiles);
  const saved = names.find((name) => profiles[name]?.type === 'website');
  if (saved !== undefined) return { saved };
  const taken = new Set(names.map((name) => name.toLowerCase()));
  const free = ['web', 'website', 'qrlogin'].find((name) => !taken.has(name));
  if (free !== undefined) return { free };
  for (let n = 2; ; n++) if (!taken.has(`web${n}`)) return { free: `web${n}` };
}

function websiteProfileOf(request: AuthorizeRequest): WebsiteProfile {
  return websiteProfile(request.savedProfiles?.() ?? {});
}

export interface AuthorizeDeps {
  hooks: AuthorizeHooks;
  /** Randomness for the state; node:crypto's by default. */
  random?: RandomBytes;
}

/** A URL that passed the lint (or was forced), with everything a presenter or a listener needs. */
export interface AuthorizePlan {
  appid: string;
  endpoint: AuthEndpoint;
  scope: string;
  state: string;
  redirectUri: string;
  url: string;
  /** The query parameters in URL order, decoded. */
  params: Array<[string, string]>;
  embed?: WxLoginEmbed;
  /** What WeChat would reject: empty unless forced. */
  blocking: LintFinding[];
  warnings: LintFinding[];
  notes: LintFinding[];
}

/** A redirect_uri to lint the rest of a URL with when none is known (its own findings are set aside). */
const REDIRECT_PLACEHOLDER = 'https://redirect-uri.invalid/';

/** The endpoint: forced by a flag, else by the account type (website apps scan on qrconnect), else by the scope. */
export function chooseEndpoint(flag: AuthEndpoint | undefined, type: AccountType | undefined, scope: string | undefined): AuthEndpoint {
  if (flag) return flag;
  if (type === 'website') return 'qrconnect';
  if (type !== undefined) return 'authorize';
  return scope === 'snsapi_login' ? 'qrconnect' : 'authorize';
}

/** The scope when none is given: snsapi_login is qrconnect's only scope; on authorize the silent one. */
export function defaultScope(endpoint: AuthEndpoint): Scope {
  return endpoint === 'qrconnect' ? 'snsapi_login' : 'snsapi_base';
}

function keyed(f: Finding, profile: string): LintFinding {
  return { ...f, keys: keysOfFinding(f), profileFlag: profileFlag(profile), wechatRejects: f.severity === 'error' && !WECHAT_LETS_THROUGH.includes(f.id) };
}

/**
 * Choose, build and lint, without side effects. Throws UsageError when the options contradict the
 * endpoint, when there is no redirect_uri, and, unless `force` is set, when WeChat would reject the URL
 * ('url.refused') or it has a state wxauth will not build (ALWAYS_BLOCKING; 'url.refused.policy').
 */
export function planAuthorize(request: AuthorizeRequest, deps: AuthorizeDeps): AuthorizePlan {
  return plan(request, deps, false);
}

/** The appid a URL is linted with while the configuration has none (refuseFlagMistakes); its findings are set aside. */
const APPID_STAND_IN = 'wx0000000000000000';

/**
 * What the flags alone get wrong, for a run with no appid yet (`url` before `init`): the refusals
 * planAuthorize makes once a profile exists (a scope WeChat refuses, a --redirect-uri that is no URL, a
 * state wxauth will not build, --lang or --embed on authorize), in the same words, so a usage mistake
 * is said first (exit 2) and the missing configuration after. Nothing about the appid, the callback
 * domain, the account type or a missing redirect_uri: only the configuration settles those.
 */
export function refuseFlagMistakes(request: AuthorizeRequest, deps: AuthorizeDeps): void {
  plan({ ...request, config: { ...request.config, appid: APPID_STAND_IN } }, deps, true);
}

/** Findings over what the configuration says, set aside while it has no appid (refuseFlagMistakes). */
const CONFIG_FINDING = /^(?:appid|domain)\./;

function plan(request: AuthorizeRequest, deps: AuthorizeDeps, flagsOnly: boolean): AuthorizePlan {
  const { config } = request;
  const appid = config.appid ?? '';
  const endpoint = chooseEndpoint(request.endpoint, config.type, request.scope);
  if (request.lang !== undefined && endpoint === 'authorize') {
    // Said with wxauth's own language the one the page language asked for: cn → zh.
    throw new UsageError({ key: 'url.lang.authorize' }, { hint: { key: 'url.lang.authorize.hint', params: { ui: request.lang === 'cn' ? 'zh' : 'en' } } });
  }
  if (request.embed && endpoint !== 'qrconnect') {
    const site = websiteProfileOf(request);
    const hint: MessageRef = 'saved' in site ? { key: 'url.embed.authorize.hint.website', params: { p: profileFlag(site.saved) } } : { key: 'url.embed.authorize.hint', params: { name: site.free } };
    throw new UsageError({ key: 'url.embed.authorize' }, { hint });
  }
  // A subscription account has no web authorization at all (10005, whatever the URL): say that before
  // asking for a redirect_uri that could not help.
  if (config.type === 'subscription' && endpoint === 'authorize' && !request.force && !flagsOnly) {
    refuse([keyed({ id: 'appid.subscription', severity: 'error', params: { appid } }, config.profile)], request, deps);
  }
  const redirectUri = request.redirectUri ?? config.redirectUri;
  // --redirect-uri copied out of an authorize URL, still encoded (the profile's value is checked when saved).
  const encoded = request.redirectUri !== undefined && !request.force ? refuseEncodedRedirect(request.redirectUri, '--redirect-uri') : undefined;
  if (encoded) throw new UsageError(encoded.problem, { hint: encoded.hint });
  const scope = request.scope ?? defaultScope(endpoint);
  const state = request.state ?? generateState(deps.random ?? osRandomBytes);
  const lint = (uri: string) => {
    const built = buildAuthorizeUrl({ openBase: config.openBase, endpoint, appid, redirectUri: uri, scope, state, forcePopup: request.forcePopup, lang: request.lang });
    // The same rules as `wxauth inspect`, so every URL built here inspects cleanly.
    const inspected = inspectUrl(built.url, {
      profile: { appid, type: config.type, domain: config.domain, redirectUri: config.redirectUri },
      openBase: config.openBase,
    });
    const findings = inspected.findings.filter((f) => !flagsOnly || !CONFIG_FINDING.test(f.id)).map((f) => keyed(f, config.profile));
    return { built, findings, blocking: findings.filter((f) => f.severity === 'error' || ALWAYS_BLOCKING.includes(f.id)) };
  };
  if (redirectUri === undefined || redirectUri === '') {
    // A scope or appid WeChat would refuse whatever the redirect_uri is said first: fixing the
    // redirect_uri first would only lead to that refusal on the next run.
    if (!request.force) {
      const regardless = lint(REDIRECT_PLACEHOLDER).blocking.filter((f) => !/^(?:domain|redirect_uri)\./.test(f.id));
      if (regardless.length > 0) refuse(regardless, request, deps, [{ key: 'url.redirectUri.missing.also' }]);
    }
    // Checked, not built: refuseFlagMistakes reads nothing of it.
    if (flagsOnly) return { appid, endpoint, scope, state, redirectUri: '', url: '', params: [], blocking: [], warnings: [], notes: [] };
    // With the profile set aside for another account (WXAUTH_APPID), saving one there would not help.
    const example = exampleRedirectUri(config.domain);
    throw new UsageError({ key: 'url.redirectUri.missing' }, { hint: { key: config.otherAccount ? 'url.redirectUri.missing.env.hint' : 'url.redirectUri.missing.hint', params: { example } } });
  }

  const { built, findings, blocking } = lint(redirectUri);
  const embed = request.embed ? buildWxLoginEmbed({ openBase: config.openBase, appid, redirectUri, state, lang: request.lang }) : undefined;
  const warnings = findings.filter((f) => f.severity === 'warning' && !blocking.includes(f));
  const notes = findings.filter((f) => f.severity === 'info');

  if (blocking.length > 0 && !request.force) refuse(blocking, request, deps);

  return { appid, endpoint, scope, state, redirectUri, url: built.url, params: built.params, embed, blocking, warnings, notes };
}

/** Refuse a URL WeChat would reject (or one wxauth will not build), in the words of its first blocking finding. */
function refuse(blocking: LintFinding[], request: AuthorizeRequest, deps: AuthorizeDeps, more: MessageRef[] = []): never {
  // What WeChat rejects first: the refusal speaks in WeChat's name only for it; the rest of
  // ALWAYS_BLOCKING (a state WeChat hands back altered, or none) is wxauth's own refusal.
  const [first, ...rest] = [...blocking.filter((f) => f.wechatRejects), ...blocking.filter((f) => !f.wechatRejects)];
  const text = first ? deps.hooks.describe(first) : { message: '', effect: '', fix: '' };
  const wechat = first?.wechatRejects === true;
  throw new UsageError(
    { key: wechat ? 'url.refused' : 'url.refused.policy', params: { reason: text.message, effect: text.effect } },
    {
      hint: refusalHint(request, first?.id, wechat, text.fix),
      also: rest.map((f): MessageRef => deps.hooks.alsoRefused(f)).concat(more, domainFromEnv(blocking, request)),
    },
  );
}

/**
 * What to do instead: for login (no --force to offer), the fix and a login again; for url, the fix or
 * --force. For snsapi_login on an official account the fix is the website app's profile (websiteQr).
 */
function refusalHint(request: AuthorizeRequest, firstId: string | undefined, wechat: boolean, fix: string): MessageRef {
  if (firstId === 'scope.login_on_authorize') return websiteQr(request);
  if (request.forceFlag) return wechat ? { key: 'url.refused.hint', params: { fix } } : { key: 'url.refused.hint.policy', params: { fix } };
  return { key: 'url.refused.hint.login', params: { fix } };
}

/**
 * The next step after snsapi_login on an official account: QR login is a website app's, so the command
 * to paste is url (with --force offered) or login on that app's profile (the one saved, by name), or how
 * to make one under a name no profile has.
 */
function websiteQr(request: AuthorizeRequest): MessageRef {
  const site = websiteProfileOf(request);
  if ('saved' in site) {
    const p = profileFlag(site.saved);
    return request.forceFlag ? { key: 'url.refused.hint.website', params: { p } } : { key: 'url.refused.hint.login.website', params: { p } };
  }
  return request.forceFlag ? { key: 'url.refused.hint.noWebsite', params: { name: site.free } } : { key: 'url.refused.hint.login.noWebsite', params: { name: site.free } };
}

/**
 * A refusal over the callback domain, when the domain came from WXAUTH_DOMAIN: its fix ("config set
 * domain …") would not change what this run uses, so the variable is named. Not when the fix keeps the
 * domain and moves redirect_uri under it (this machine by another name, an IP or a port a real account
 * cannot register): the domain is right there, and "fix or unset WXAUTH_DOMAIN" would lead away from it.
 */
function domainFromEnv(blocking: LintFinding[], request: AuthorizeRequest): MessageRef[] {
  const { config } = request;
  const domainMayBeWrong = (f: LintFinding) => DOMAIN_FIXES.includes(f.id) || (f.id === 'domain.port' && config.type === 'test');
  if (config.sources?.domain !== 'env' || !blocking.some(domainMayBeWrong)) return [];
  return [{ key: 'url.refused.domainFromEnv', params: { domain: config.domain ?? '' } }];
}

/** Domain findings whose fix may be another callback domain (the others say to move redirect_uri under it). */
const DOMAIN_FIXES: readonly FindingId[] = ['domain.host', 'domain.subdomain', 'domain.parent'];

/** Where the state is remembered: the profile's state file (store/state.ts; a narrow view, so tests can pass a plain object). */
export interface StateStore {
  put(profile: string, otherAccount: boolean, appid: string | undefined, state: StateEntry): void;
}

/**
 * Remember the plan's state for the profile: exchange, listen and inspect check the callback against it.
 * A link of another account than the profile's (WXAUTH_APPID: the resolver's otherAccount) is kept
 * apart, so it never replaces the state of the profile's own account.
 */
export function rememberState(store: StateStore, config: Pick<AuthorizeConfig, 'profile' | 'otherAccount'>, plan: AuthorizePlan, now: number): void {
  const entry = { value: plan.state, issuedAt: now, redirectUri: plan.redirectUri, scope: plan.scope, endpoint: plan.endpoint, appid: plan.appid };
  store.put(config.profile, config.otherAccount !== undefined, plan.appid, entry);
}

/** A URL that WeChat accepts, and whether its state is remembered. */
export interface Authorized {
  plan: AuthorizePlan;
  /**
   * Why the state could not be remembered (a state folder that cannot be written): the URL is still
   * good, only exchange / listen / inspect will have no state to check the callback against.
   */
  notRemembered?: ConfigError;
}

/**
 * planAuthorize, then remember the state. The store is opened only once the URL is accepted, so a
 * refusal is reported as such even when the state folder cannot be written; a state that cannot be
 * remembered does not cost the user the URL (what `url` is run for).
 */
export async function authorize(
  request: AuthorizeRequest,
  deps: AuthorizeDeps & { openStore: () => Promise<StateStore>; now: () => number },
): Promise<Authorized> {
  const plan = planAuthorize(request, deps);
  try {
    rememberState(await deps.openStore(), request.config, plan, deps.now());
    return { plan };
  } catch (error) {
    // The store's refusals (a folder that cannot be written, a file in the way) are ConfigErrors; a
    // bug or a cancel still throws.
    if (!(error instanceof ConfigError)) throw error;
    return { plan, notRemembered: error };
  }
}

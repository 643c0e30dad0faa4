// wxauth login [--scope S] [--authorize|--qrconnect] [--no-open] [--port N] [--host H] [--timeout S]
// The whole flow in one command: the authorize / qrconnect URL with a fresh state (flows/authorize.ts,
// so it refuses what `wxauth url` refuses), the listener (flows/callback.ts), QR code or browser, the
// callback, exchange, check, and userinfo for scopes that allow it (flows/user-token.ts) — ending with
// a summary and the tokens cached. What it shows on the way comes from ui/present/login.ts's hooks.
//
// Machine-readable progress: in human mode the authorize URL is the FIRST line on stdout, alone (like
// `wxauth url`), and the summary follows; with --json, stdout keeps its single document and stderr
// carries JSON Lines only: `{"event":"authorize_url","url":"…"}` first, then waiting, hit, step… events.
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { osReason, UsageError, type MessageRef } from '../errors.js';
import { isScope, SCOPES, type AuthEndpoint, type Scope } from '../core/authorize-url.js';
import { suggest } from '../core/closest.js';
import type { FinishesOn } from '../core/callback-decision.js';
import { callbackUnderDomain, isLoopbackHost, splitDomain } from '../core/domain.js';
import { isWechatOpenBase } from '../core/endpoints.js';
import { generateState } from '../core/state.js';
import { envCredentials } from '../core/next-step.js';
import { profileFlag } from '../core/validate.js';
import type { SnsUserinfo } from '../core/token.js';
import { DEFAULT_PATH, planListener, type CallbackHit, type CallbackResult, type ListenFlags, type ListenPlan } from '../listener/index.js';
import { chooseEndpoint, defaultScope, planAuthorize, rememberState, type AuthorizeHooks, type AuthorizePlan, type AuthorizeRequest, type LintFinding } from '../flows/authorize.js';
import { callbackUrlOf, expectedCallbackUrl, openCallback, type CallbackHooks } from '../flows/callback.js';
import type { ExchangeResult } from '../flows/user-token.js';
import { tKey } from '../ui/i18n.js';
import { loginHooks } from '../ui/present/login.js';

export interface LoginOptions {
  endpoint?: AuthEndpoint;
  scope?: Scope;
  open: boolean;
  flags: ListenFlags;
  /** --port or --host given: the listener decides redirect_uri, whatever the profile says. */
  listenerDecides: boolean;
}

/** The authorize URL as login shows it. */
export interface LoginLink {
  url: string;
  redirectUri: string;
  endpoint: AuthEndpoint;
  /** Whether login hands the URL to the desktop browser next (the presenter says so first). */
  openBrowser: boolean;
  /** Where the login is finished: phone WeChat (WeChat's own authorize page), or a browser on this machine (qrconnect, or the emulator). */
  finishesOn: FinishesOn;
  /** The lint's warnings on the URL (what `wxauth url` prints as warnings): login goes on, but says them. */
  warnings: LintFinding[];
}

/** What `login` shows while it runs: the refusal's words, the listener's progress, then each step. */
export interface LoginHooks extends AuthorizeHooks, CallbackHooks {
  onLink(link: LoginLink): Promise<void>;
  /** --open started no browser: `reason` says why, as url --open says it (ui/browser.ts openFailureReason). */
  onBrowserFailed(reason: MessageRef): void;
  /** The callback arrived (duplicates and junk are reported here). */
  onCallback(callback: CallbackResult): void;
  onStep(step: 'exchange' | 'check' | 'userinfo'): void;
  onChecked(): void;
  /** snsapi_base: there is no userinfo to fetch. */
  /** `grant`: why (a snsapi_base token, or a scope none of WeChat's, which cannot tell). */
  onUserinfoSkipped(scope: string, grant: 'base' | 'unexpected', profileFlag: string): void;
  /** The configured redirect_uri names a LAN address this machine does not have. */
  onElsewhere(elsewhere: NonNullable<ListenPlan['elsewhere']>): void;
}

export interface LoginResult {
  exchanged: ExchangeResult;
  userinfo?: SnsUserinfo;
  now: number;
  profile: string;
  /** ` --profile X`, or '' for the default: the commands the summary names run on this profile. */
  profileFlag: string;
  authorizeUrl: string;
  redirectUri: string;
  hits: CallbackHit[];
  duplicates: number;
  /** Every hit counted by kind, and how many are not listed in `hits`. */
  counts: CallbackResult['counts'];
  hitsOmitted: number;
  showSecrets: boolean;
  /** 4 when the tokens could not be saved after WeChat answered (they are printed all the same). */
  exitCode?: number;
}

export function parseOptions({ opts }: CommandInput): LoginOptions {
  if (opts.authorize === true && opts.qrconnect === true) {
    throw new UsageError({ key: 'listen.login.endpoint.conflict' }, { hint: { key: 'listen.login.endpoint.conflict.hint' } });
  }
  const scope = typeof opts.scope === 'string' ? opts.scope : undefined;
  if (scope !== undefined && !isScope(scope)) {
    // A misspelt scope (snsapi_userifno, userinfo) gets the one meant, as url's and inspect's do.
    const meant = suggest(scope, SCOPES, 4) ?? suggest(`snsapi_${scope}`, SCOPES, 2);
    const hint: MessageRef = meant !== undefined ? { key: 'listen.login.scope.invalid.suggest', params: { suggestion: meant } } : { key: 'listen.login.scope.invalid.hint' };
    throw new UsageError({ key: 'listen.login.scope.invalid', params: { value: scope } }, { hint });
  }
  const flags: ListenFlags = { port: opts.port, host: opts.host, timeout: opts.timeout };
  // Bad --port/--host/--timeout fail here, before the profile is read.
  planListener(flags, []);
  return {
    endpoint: opts.authorize === true ? 'authorize' : opts.qrconnect === true ? 'qrconnect' : undefined,
    scope,
    // commander turns --no-open into open: false
    open: opts.open !== false,
    flags,
    listenerDecides: opts.port !== undefined || opts.host !== undefined,
  };
}

export async function run(options: LoginOptions, ctx: Context): Promise<LoginResult> {
  // First: with --json, stderr is JSON Lines from here on (a store's warning said while the config is
  // read is an event too).
  const hooks = loginHooks(ctx.out);
  const config = await ctx.requireConfig(['appid', 'secret']);
  // No redirect_uri configured: the callback goes where the callback domain says (domain localhost →
  // http://localhost/callback), not to a default address the domain would refuse (10003). A domain
  // without a port means port 80: a 服务号's or 网站应用's domain never takes one (API-FACTS §3).
  const underDomain = !options.listenerDecides && !config.redirectUri ? callbackUnderDomain(config.domain, DEFAULT_PATH) : undefined;
  // --port without --host: the listener's URL is on the domain's own name when that is this machine's
  // (`login --port 80` on a localhost domain gives http://localhost/callback, not 127.0.0.1).
  const domainHost = config.domain === undefined ? undefined : splitDomain(config.domain)?.host;
  const flags: ListenFlags =
    options.listenerDecides && options.flags.host === undefined && domainHost !== undefined && isLoopbackHost(domainHost) ? { ...options.flags, host: domainHost } : options.flags;
  const plan = planListener(flags, options.listenerDecides ? [] : [config.redirectUri ?? underDomain?.uri]);
  // The domain is neither this machine nor the LAN: a callback WeChat sends there never reaches the listener.
  if (underDomain !== undefined && plan.notLocal === underDomain.uri) {
    const p = profileFlag(config.profile);
    const hint: MessageRef = config.type === 'test' ? { key: 'listen.login.redirect.notLocal.test.hint', params: { p } } : { key: 'listen.login.redirect.notLocal.hint', params: { p } };
    throw new UsageError({ key: 'listen.login.domain.notLocal', params: { domain: config.domain ?? '' } }, { hint });
  }
  const endpoint = chooseEndpoint(options.endpoint, config.type, options.scope);
  const scope = options.scope ?? defaultScope(endpoint);
  // A configured public redirect_uri cannot reach this machine; say so before anything is opened.
  if (!options.listenerDecides && plan.notLocal) {
    // On this machine but https: the listener has no certificate. Say that, not "not local".
    const https = plan.notLocalHttps;
    if (https) {
      // A test account may have a port in its callback domain; any other account may not (10003).
      const params = { http: https.http, p: profileFlag(config.profile), appid: config.appid ?? 'APPID', host: https.host };
      const fromEnv = config.sources.redirectUri === 'env';
      const hint: MessageRef =
        config.type === 'test'
          ? { key: fromEnv ? 'listen.login.redirect.https.env.hint' : 'listen.login.redirect.https.hint', params }
          : { key: fromEnv ? 'listen.login.redirect.https.env.real.hint' : 'listen.login.redirect.https.real.hint', params };
      throw new UsageError({ key: https.portMissing ? 'listen.login.redirect.https.noPort' : 'listen.login.redirect.https', params: { uri: https.uri } }, { hint });
    }
    const p = profileFlag(config.profile);
    const hint: MessageRef = config.type === 'test' ? { key: 'listen.login.redirect.notLocal.test.hint', params: { p } } : { key: 'listen.login.redirect.notLocal.hint', params: { p } };
    throw new UsageError({ key: 'listen.login.redirect.notLocal', params: { uri: plan.notLocal } }, { hint });
  }
  if (!options.listenerDecides && plan.elsewhere) hooks.onElsewhere(plan.elsewhere);

  // authorize on WeChat itself: phone WeChat (a QR code), since WeChat's real authorize page refuses
  // desktop browsers. qrconnect, and anything on an emulator: a browser on this machine.
  const finishesOn: FinishesOn = endpoint === 'authorize' && isWechatOpenBase(config.openBase) ? 'phone' : 'browser';
  // The redirect_uri: the configured local one, else where the listener will be. The URL is linted as
  // `wxauth url` lints it, before anything listens, whenever that address is known in advance (not
  // with --port 0): a URL WeChat rejects would only show its error page on the phone.
  const configured = !options.listenerDecides && plan.redirectUri ? plan.redirectUri : undefined;
  // Open already (the configuration came from it); its file is read again only by a refusal naming a website-app profile.
  const configStore = await ctx.configStore();
  const request: AuthorizeRequest = { config, endpoint, scope, state: generateState((n) => randomBytes(n)), forceFlag: false, savedProfiles: () => configStore.snapshot().profiles };
  const expected = configured ?? expectedCallbackUrl(plan);
  const early: AuthorizePlan | undefined = expected === undefined ? undefined : planAuthorize({ ...request, redirectUri: expected }, { hooks });

  const tokens = await ctx.tokenStore();
  // Before any code can arrive: a cache that cannot take the tokens stops login here (exit 4), not after
  // WeChat has answered for a code that cannot be exchanged twice (issue 13 item 1).
  const { checkTokensSavable } = await import('../flows/user-token.js');
  checkTokensSavable(tokens, config.profile);
  let linkRedirect: string | undefined;
  const session = await openCallback(
    {
      plan,
      expectedState: request.state,
      // Login's own link: its scope (defaulted above) and endpoint say what a state-only callback means.
      expectedScope: scope,
      expectedEndpoint: endpoint,
      signal: ctx.signal,
      lang: ctx.lang,
      translate: (key, params, lang) => tKey(lang, key, params),
      now: () => ctx.now(),
      finishesOn,
      // The link's redirect_uri, once made below: the timeout names it.
      ownLink: () => linkRedirect,
      profileFlag: profileFlag(config.profile),
      // Ctrl-C: no code came (the link stays valid, its state remembered), or one came and was not yet exchanged.
      // API-FACTS §1.6: an official account's code lives 5 minutes, a website app's 10.
      stoppedHint: (codeArrived) =>
        codeArrived
          ? { key: 'listen.stopped.codeArrived', params: { p: profileFlag(config.profile), minutes: endpoint === 'qrconnect' ? 10 : 5 } }
          : { key: 'listen.stopped.login', params: { p: profileFlag(config.profile) } },
    },
    hooks,
  ).catch((error: unknown) => {
    // Port 80 because the callback domain takes no port (the domain's own callback, or a configured
    // redirect_uri without one): the generic "use a port above 1024" would be refused by WeChat.
    throw plan.port === 80 && expected !== undefined && domainTakesNoPort(config) ? portEightyRefused(error, config, expected) : error;
  });
  try {
    const redirectUri = configured ?? callbackUrlOf(session);
    linkRedirect = redirectUri;
    // Where the listener really is (port 0, a LAN address that changed): linted again, refused likewise.
    const link = early?.redirectUri === redirectUri ? early : planAuthorize({ ...request, redirectUri }, { hooks });
    rememberState(await ctx.stateFiles(), config, link, ctx.now());

    const openBrowser = options.open && finishesOn === 'browser';
    await hooks.onLink({ url: link.url, redirectUri, endpoint, openBrowser, finishesOn, warnings: link.warnings });
    if (openBrowser) {
      const { tryOpenInBrowser, openerFailureOf, openFailureReason } = await import('../ui/browser.js');
      const outcome = await tryOpenInBrowser(link.url, ctx.env);
      if (!outcome.opened) hooks.onBrowserFailed(openFailureReason(openerFailureOf(outcome)));
    }

    const callback = await session.wait();
    hooks.onCallback(callback);

    const { exchangeCode, checkUserToken, fetchUserinfo } = await import('../flows/user-token.js');
    const { codeLifetimeMs } = await import('../core/token.js');
    const api = await ctx.api(config);
    hooks.onStep('exchange');
    // This link's state is used once its code is spent (the flow marks it; a failed exchange leaves the link
    // usable for a retry): an old tab of it reopened under a later listen, exchange or inspect is refused.
    const usesState = { store: await ctx.stateFiles(), otherAccount: config.otherAccount !== undefined, value: link.state, by: 'login' as const };
    const exchanged = await exchangeCode({ api, tokens, profile: config.profile, redirectUri: config.redirectUri, now: () => ctx.now(), appid: config.appid!, secret: config.secret!, code: callback.code, fromEnv: envCredentials(config.sources), usesState, caught: { at: ctx.now(), lifetimeMs: codeLifetimeMs(config.type) } });
    // A cache that refused the tokens is not read or written again in this run: the check and userinfo
    // still run on the tokens in hand, and the presenter prints them before saying they were not saved.
    const deps = { api, tokens: exchanged.saveError ? undefined : tokens, profile: config.profile, now: () => ctx.now() };
    hooks.onStep('check');
    await checkUserToken({ ...deps, appid: config.appid, openid: exchanged.token.openid, accessToken: exchanged.token.accessToken });
    hooks.onChecked();
    // As exchange says it (grantOf): a scope none of WeChat's (`snsapi_userinfo,foo`) cannot tell whether
    // userinfo is allowed, so it is skipped and said so, never tried on a guess.
    let userinfo: SnsUserinfo | undefined;
    if (exchanged.grant === 'userinfo') {
      hooks.onStep('userinfo');
      userinfo = (await fetchUserinfo({ ...deps, appid: config.appid, openid: exchanged.token.openid, autoRefresh: true })).userinfo;
    } else {
      hooks.onUserinfoSkipped(exchanged.token.scope, exchanged.grant, profileFlag(config.profile));
    }
    return {
      exchanged,
      userinfo,
      now: ctx.now(),
      profile: config.profile,
      profileFlag: profileFlag(config.profile),
      authorizeUrl: link.url,
      redirectUri,
      hits: callback.hits,
      duplicates: callback.counts.duplicate ?? callback.duplicates.length,
      counts: callback.counts,
      hitsOmitted: callback.hitsOmitted,
      showSecrets: ctx.globals.showSecrets === true,
      ...(exchanged.saveError ? { exitCode: exchanged.saveError.exitCode } : {}),
    };
  } finally {
    await session.close();
  }
}

/** The callback domain has no port (a 服务号's or 网站应用's never does): a callback there is on port 80. */
function domainTakesNoPort(config: { type?: string; domain?: string }): boolean {
  const d = config.domain === undefined ? undefined : splitDomain(config.domain);
  return d !== undefined ? d.port === '' : config.type === 'service' || config.type === 'website';
}

/**
 * Port 80 could not be bound where a callback domain without a port put the listener: the generic
 * "use a port above 1024 and the same port in the callback domain" would be wrong for an account whose
 * domain can take no port, so the domain's rule is said, and what can be done instead.
 */
function portEightyRefused(error: unknown, config: { type?: string; appid?: string; domain?: string; profile: string }, uri: string): unknown {
  if (!(error instanceof UsageError) || (error.messageRef.key !== 'listen.port.denied' && error.messageRef.key !== 'listen.port.inUse')) return error;
  const host = new URL(uri).hostname;
  const p = profileFlag(config.profile);
  const appid = config.appid ?? 'APPID';
  const hint: MessageRef =
    config.type === 'test'
      ? { key: 'listen.login.domain.port80.test.hint', params: { host, p } }
      : { key: config.type === 'website' ? 'listen.login.domain.port80.website.hint' : 'listen.login.domain.port80.hint', params: { appid, host, p } };
  return new UsageError({ key: 'listen.login.domain.port80', params: { domain: config.domain ?? host, uri, reason: osReason(error.cause) } }, { hint, cause: error });
}

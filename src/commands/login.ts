// wxauth login [--scope S] [--authorize|--qrconnect] [--no-open] [--port N] [--host H] [--timeout S]
// The whole flow in one command: listener first (so the port is known), the authorize / qrconnect URL
// with a fresh state, QR code or browser, the callback, exchange, check, and userinfo for scopes that
// allow it — ending with a summary and the tokens cached.
//
// Machine-readable progress: in human mode the authorize URL is the FIRST line on stdout, alone (like
// `wxauth url`), and the summary follows; with --json, stdout keeps its single document and the URL is
// announced on stderr as one JSON line `{"event":"authorize_url","url":"…"}`.
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { buildAuthorizeUrl, isScope, ENDPOINT_SCOPES, type AuthEndpoint } from '../core/authorize-url.js';
import { DEFAULT_OPEN_BASE } from '../core/endpoints.js';
import { generateState } from '../core/state.js';
import { planListener, type ListenPlan } from '../listener/plan.js';
import type { ResolvedConfig } from '../store/resolve.js';

interface LoginOptions {
  endpoint?: AuthEndpoint;
  scope?: string;
  open: boolean;
  plan: ListenPlan;
  /** --port or --host given: the listener decides redirect_uri, whatever the profile says. */
  listenerDecides: boolean;
}

function toOptions(opts: Record<string, unknown>, config: ResolvedConfig): LoginOptions {
  if (opts.authorize === true && opts.qrconnect === true) {
    throw new UsageError({ key: 'listen.login.endpoint.conflict' }, { hint: { key: 'listen.login.endpoint.conflict.hint' } });
  }
  const scope = typeof opts.scope === 'string' ? opts.scope : undefined;
  if (scope !== undefined && !isScope(scope)) {
    throw new UsageError({ key: 'listen.login.scope.invalid', params: { value: scope } }, { hint: { key: 'listen.login.scope.invalid.hint' } });
  }
  const listenerDecides = opts.port !== undefined || opts.host !== undefined;
  return {
    endpoint: opts.authorize === true ? 'authorize' : opts.qrconnect === true ? 'qrconnect' : undefined,
    scope,
    // commander turns --no-open into open: false
    open: opts.open !== false,
    plan: planListener({ port: opts.port, host: opts.host, timeout: opts.timeout }, listenerDecides ? [] : [config.redirectUri]),
    listenerDecides,
  };
}

/** Forced by a flag, else the account type, else the scope (as `wxauth url` decides). */
function chooseEndpoint(options: LoginOptions, config: ResolvedConfig): AuthEndpoint {
  if (options.endpoint) return options.endpoint;
  if (config.type === 'website') return 'qrconnect';
  if (config.type !== undefined) return 'authorize';
  return options.scope === 'snsapi_login' ? 'qrconnect' : 'authorize';
}

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const { out } = ctx;
  const config = await ctx.requireConfig(['appid', 'secret']);
  const options = toOptions(opts, config);
  const endpoint = chooseEndpoint(options, config);
  const scope = options.scope ?? (endpoint === 'qrconnect' ? 'snsapi_login' : 'snsapi_base');
  if (!ENDPOINT_SCOPES[endpoint].some((s) => s === scope)) {
    throw new UsageError({ key: 'listen.login.scope.mismatch', params: { scope, endpoint } }, { hint: { key: 'listen.login.scope.mismatch.hint' } });
  }
  const { plan } = options;
  // A configured public redirect_uri cannot reach this machine; say so before anything is opened.
  if (!options.listenerDecides && plan.notLocal) {
    throw new UsageError({ key: 'listen.login.redirect.notLocal', params: { uri: plan.notLocal } }, { hint: { key: 'listen.login.redirect.notLocal.hint' } });
  }

  const { startCallbackListener } = await import('../listener/index.js');
  const { Countdown, presentHit, presentAftermath, hitsForJson, presentLoginSummary } = await import('../ui/present-listen.js');
  const tokens = await ctx.tokenStore();
  const state = generateState((n) => randomBytes(n));
  let countdown: InstanceType<typeof Countdown> | undefined;
  const listener = await startCallbackListener({
    host: plan.host,
    port: plan.port,
    path: plan.path,
    expectedState: state,
    timeoutMs: plan.timeoutMs,
    signal: ctx.signal,
    lang: out.lang,
    translate: (key, params) => out.t(key, params),
    allowedHosts: plan.allowedHosts,
    onHit: (hit) => presentHit(out, hit, countdown),
  });
  try {
    // The redirect_uri: the configured local one, else where the listener really is (a LAN address
    // when bound to every interface, so the phone that follows it can connect).
    const redirectUri = !options.listenerDecides && plan.redirectUri ? plan.redirectUri : (listener.lanUrls[0] ?? listener.url);
    const built = buildAuthorizeUrl({ endpoint, openBase: config.openBase, appid: config.appid!, redirectUri, scope, state });
    tokens.putState(config.profile, { value: state, issuedAt: ctx.now(), redirectUri, scope, endpoint, appid: config.appid });

    out.say(out.style.bold(out.t('listen.login.step.url')));
    if (out.json) out.say(JSON.stringify({ event: 'authorize_url', url: built.url }));
    else out.data(built.url);
    out.note(out.t('listen.login.redirect.listener', { uri: redirectUri }));
    await openOrShow(ctx, built.url, endpoint, options.open, config.openBase);

    out.say(out.style.bold(out.t('listen.login.step.listen')));
    out.say(out.t('listen.listening', { url: out.style.bold(listener.url) }));
    out.say(out.t('listen.waiting', { seconds: Math.round(plan.timeoutMs / 1000) }));
    countdown = new Countdown(out, ctx.now() + plan.timeoutMs, () => ctx.now());
    countdown.start();
    let callback;
    try {
      callback = await listener.result;
    } finally {
      countdown.stop();
    }
    presentAftermath(out, callback);

    const { exchangeCode, checkUserToken, fetchUserinfo } = await import('../flows/user-token.js');
    const api = await ctx.api(config);
    const deps = { api, tokens, profile: config.profile, now: () => ctx.now() };
    out.say(out.style.bold(out.t('listen.login.step.exchange')));
    const exchanged = await exchangeCode({ ...deps, appid: config.appid!, secret: config.secret!, code: callback.code });
    out.say(out.style.bold(out.t('listen.login.step.check')));
    await checkUserToken({ ...deps, appid: config.appid, openid: exchanged.token.openid, accessToken: exchanged.token.accessToken });
    out.success(out.t('listen.login.check.ok'));
    const wantsUserinfo = exchanged.token.scopes.includes('snsapi_userinfo') || exchanged.token.scopes.includes('snsapi_login');
    let userinfo;
    if (wantsUserinfo) {
      out.say(out.style.bold(out.t('listen.login.step.userinfo')));
      userinfo = (await fetchUserinfo({ ...deps, appid: config.appid, openid: exchanged.token.openid, autoRefresh: true })).userinfo;
    } else {
      out.note(out.t('listen.login.userinfo.skipped', { scope: exchanged.token.scope }));
    }
    presentLoginSummary(out, {
      exchanged,
      userinfo,
      now: ctx.now(),
      profile: config.profile,
      authorizeUrl: built.url,
      redirectUri,
      hits: hitsForJson(callback.hits, ctx.globals.showSecrets === true),
      duplicates: callback.duplicates.length,
    });
  } finally {
    await listener.close();
  }
}

/** authorize: a QR code for phone WeChat (and the browser when aimed at an emulator); qrconnect: the browser. */
async function openOrShow(ctx: Context, url: string, endpoint: AuthEndpoint, open: boolean, openBase: string): Promise<void> {
  const { out } = ctx;
  const realWechat = openBase.replace(/\/+$/, '') === DEFAULT_OPEN_BASE.replace(/\/+$/, '');
  if (endpoint === 'authorize') {
    const drawn = await out.qr(url);
    out.note(out.t(drawn ? 'listen.login.open.phone' : 'listen.login.open.phoneLink'));
    if (realWechat || !open) return;
  } else if (!open) {
    out.note(out.t('listen.login.open.manual'));
    return;
  }
  const { openInBrowser } = await import('../ui/browser.js');
  out.note(out.t('listen.login.open.browser'));
  if (!(await openInBrowser(url, ctx.env))) out.warn(out.t('listen.login.open.failed', { detail: 'xdg-open / open / start' }));
}

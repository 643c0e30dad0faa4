// wxauth url [--scope S] [--redirect-uri URL] [--state S] [--authorize|--qrconnect] [--force-popup]
//            [--lang cn|en] [--qr|--no-qr] [--open] [--embed] [--force]
// Builds the authorize / qrconnect URL, lints it with the same rules as `inspect`, refuses what WeChat
// would reject (unless --force), remembers the state for exchange/listen, and prints the URL alone on
// stdout (ui/present/url.ts). The QR code and the "where will the redirect land" line go to stderr.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { messageRef, UsageError, WxauthError, type ParamValue } from '../errors.js';
import type { AuthEndpoint, QrLang } from '../core/authorize-url.js';
import { isWechatOpenBase } from '../core/endpoints.js';
import { profileFlag } from '../core/validate.js';
import { authorize, refuseFlagMistakes, type AuthorizeConfig, type AuthorizeHooks, type AuthorizePlan, type AuthorizeRequest } from '../flows/authorize.js';
import { authorizeHooks } from '../ui/present/url.js';
import { uiLang } from '../ui/i18n.js';
import type { OpenerFailure } from '../ui/browser.js';

export interface UrlOptions {
  endpoint?: AuthEndpoint;
  scope?: string;
  redirectUri?: string;
  state?: string;
  forcePopup: boolean;
  lang?: QrLang;
  qr: boolean;
  /** --qr given: draw the QR code even when stderr is not a terminal. */
  qrForced: boolean;
  open: boolean;
  embed: boolean;
  force: boolean;
}

export interface UrlResult {
  plan: AuthorizePlan;
  profile: string;
  /** Why the state could not be remembered; the URL is printed all the same. */
  stateNotRemembered?: WxauthError;
  qr: boolean;
  qrForced: boolean;
  /** --open: whether a browser opener started; undefined without --open. */
  opened?: boolean;
  /**
   * --open, when there was an opener and it did not open: its name and what happened (its exit status, the
   * signal that killed it, or the system's error code when it could not be started: EACCES); absent when there
   * was none to start.
   */
  openerFailed?: OpenerFailure;
  /** WeChat's real authorize page refuses desktop browsers (the emulator, another open base, does not). */
  desktopRefused: boolean;
  /** The open base's host when it is not WeChat's (the emulator): the link is opened in a browser, not scanned. */
  notWechatHost?: string;
}

export function parseOptions({ opts, profile }: CommandInput): UrlOptions {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (opts.authorize === true && opts.qrconnect === true) {
    throw new UsageError({ key: 'url.endpoint.both' }, { hint: { key: 'url.endpoint.both.hint' } });
  }
  const lang = str(opts.lang);
  if (lang !== undefined && lang !== 'cn' && lang !== 'en') {
    throw new UsageError({ key: 'url.lang.invalid', params: { value: lang } }, { hint: { key: 'url.lang.invalid.hint', params: { ui: uiLang(lang) ?? 'zh|en', p: profileFlag(profile ?? 'default') } } });
  }
  return {
    endpoint: opts.authorize === true ? 'authorize' : opts.qrconnect === true ? 'qrconnect' : undefined,
    scope: str(opts.scope),
    redirectUri: str(opts.redirectUri),
    state: str(opts.state),
    forcePopup: opts.forcePopup === true,
    lang: lang as QrLang | undefined,
    qr: opts.qr !== false,
    // commander leaves `qr` undefined unless --qr or --no-qr was given.
    qrForced: opts.qr === true,
    open: opts.open === true,
    embed: opts.embed === true,
    force: opts.force === true,
  };
}

export async function run(options: UrlOptions, ctx: Context): Promise<UrlResult> {
  const hooks = authorizeHooks(ctx.out);
  const resolved = await ctx.resolveConfig();
  // Open already (resolveConfig read it); its file is read again only by a refusal naming a website-app
  // profile (snsapi_login or --embed on an official account).
  const configStore = await ctx.configStore();
  const request = (config: AuthorizeConfig): AuthorizeRequest => ({
    config,
    endpoint: options.endpoint,
    scope: options.scope,
    redirectUri: options.redirectUri,
    state: options.state,
    forcePopup: options.forcePopup,
    lang: options.lang,
    embed: options.embed,
    force: options.force,
    forceFlag: true,
    savedProfiles: () => configStore.snapshot().profiles,
  });
  // No appid yet (before init): a mistake in the flags is said first, as once a profile exists, with
  // what the configuration lacks after it; fixing the configuration first would only lead to it.
  if (resolved.appid === undefined) await refuseFlagsFirst(request(resolved), hooks, ctx);
  const config = await ctx.requireConfig(['appid']);
  const { plan, notRemembered } = await authorize(request(config), { hooks, openStore: () => ctx.stateFiles(), now: () => ctx.now() });
  let opened: boolean | undefined;
  let openerFailed: UrlResult['openerFailed'];
  // --open: hand the URL (the iframe's, for --embed) to the desktop browser; failing is a warning, never an error.
  if (options.open) {
    const { tryOpenInBrowser, openerFailureOf } = await import('../ui/browser.js');
    const outcome = await tryOpenInBrowser(plan.embed ? plan.embed.iframeUrl : plan.url, ctx.env);
    opened = outcome.opened;
    openerFailed = openerFailureOf(outcome);
  }
  return {
    plan,
    profile: config.profile,
    ...(notRemembered ? { stateNotRemembered: notRemembered } : {}),
    qr: options.qr,
    qrForced: options.qrForced,
    opened,
    ...(openerFailed ? { openerFailed } : {}),
    desktopRefused: plan.endpoint === 'authorize' && isWechatOpenBase(config.openBase),
    // openBase is a URL the resolver checked.
    ...(isWechatOpenBase(config.openBase) ? {} : { notWechatHost: new URL(config.openBase).host }),
  };
}

/**
 * refuseFlagMistakes' refusal, with requireConfig's (the missing appid) as its last "Also". Only when
 * the configuration is simply not there yet (config.missing): a profile name that names no profile, or a
 * refused WXAUTH_* value, is the mistake to fix first, and without the account's type the flags cannot be
 * judged fairly (`--profile website url --lang en` would be refused for a page it may not use).
 */
async function refuseFlagsFirst(request: AuthorizeRequest, hooks: AuthorizeHooks, ctx: Context): Promise<void> {
  const missing = await ctx.requireConfig(['appid']).then(
    () => undefined,
    (e: unknown) => (e instanceof WxauthError ? e : undefined),
  );
  if (missing === undefined || missing.messageRef.key !== 'config.missing') return;
  try {
    refuseFlagMistakes(request, { hooks });
  } catch (error) {
    if (error instanceof UsageError) error.also.push(messageRef('url.configMissing.also', { problem: missing.messageRef as ParamValue, hint: (missing.hint as ParamValue) ?? '' }));
    throw error;
  }
}

// wxauth url [--scope S] [--redirect-uri URL] [--state S] [--authorize|--qrconnect] [--force-popup]
//            [--lang cn|en] [--qr|--no-qr] [--open] [--embed] [--force]
// Builds the authorize / qrconnect URL, lints it with the same rules as `inspect`, refuses what WeChat
// would reject (unless --force), remembers the state for exchange/listen, and prints the URL alone on
// stdout. The QR code and the "where will the redirect land" line go to stderr.
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.js';
import { renderFinding, type RenderedFinding } from '../ui/findings.js';
import { UsageError } from '../errors.js';
import {
  buildAuthorizeUrl,
  buildWxLoginEmbed,
  type AuthEndpoint,
  type QrLang,
  type WxLoginEmbed,
} from '../core/authorize-url.js';
import { generateState } from '../core/state.js';
import { findingKeys, inspectUrl, type Finding, type FindingId } from '../core/inspect.js';
import type { ResolvedConfig } from '../store/resolve.js';

interface UrlOptions {
  endpoint?: AuthEndpoint;
  scope?: string;
  redirectUri?: string;
  state?: string;
  forcePopup: boolean;
  lang?: QrLang;
  qr: boolean;
  open: boolean;
  embed: boolean;
  force: boolean;
}

/** What `url` refuses on every endpoint even where `inspect` only warns: the explicit rules. */
const ALWAYS_BLOCKING: readonly FindingId[] = ['state.charset', 'state.too_long', 'state.absent'];

function toOptions(opts: Record<string, unknown>): UrlOptions {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (opts.authorize === true && opts.qrconnect === true) {
    throw new UsageError({ key: 'url.endpoint.both' }, { hint: { key: 'url.endpoint.both.hint' } });
  }
  const lang = str(opts.lang);
  if (lang !== undefined && lang !== 'cn' && lang !== 'en') {
    throw new UsageError({ key: 'url.lang.invalid', params: { value: lang } }, { hint: { key: 'url.lang.invalid.hint' } });
  }
  return {
    endpoint: opts.authorize === true ? 'authorize' : opts.qrconnect === true ? 'qrconnect' : undefined,
    scope: str(opts.scope),
    redirectUri: str(opts.redirectUri),
    state: str(opts.state),
    forcePopup: opts.forcePopup === true,
    lang: lang as QrLang | undefined,
    qr: opts.qr !== false,
    open: opts.open === true,
    embed: opts.embed === true,
    force: opts.force === true,
  };
}

/** The endpoint: forced by a flag, else by the account type, else by the scope. */
function chooseEndpoint(options: UrlOptions, config: ResolvedConfig): AuthEndpoint {
  if (options.endpoint) return options.endpoint;
  if (config.type === 'website') return 'qrconnect';
  if (config.type !== undefined) return 'authorize';
  return options.scope === 'snsapi_login' ? 'qrconnect' : 'authorize';
}

function render(ctx: Context, f: Finding): RenderedFinding {
  return renderFinding(ctx.out, f, findingKeys(f.id));
}

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const { out } = ctx;
  const options = toOptions(opts);
  const config = await ctx.requireConfig(['appid']);
  const appid = config.appid ?? '';
  const endpoint = chooseEndpoint(options, config);
  if (options.lang !== undefined && endpoint === 'authorize') {
    throw new UsageError({ key: 'url.lang.authorize' }, { hint: { key: 'url.lang.authorize.hint' } });
  }
  if (options.embed && endpoint !== 'qrconnect') {
    throw new UsageError({ key: 'url.embed.authorize' }, { hint: { key: 'url.embed.authorize.hint' } });
  }
  const redirectUri = options.redirectUri ?? config.redirectUri;
  if (redirectUri === undefined || redirectUri === '') {
    throw new UsageError({ key: 'url.redirectUri.missing' }, { hint: { key: 'url.redirectUri.missing.hint' } });
  }
  const scope = options.scope ?? (endpoint === 'qrconnect' ? 'snsapi_login' : 'snsapi_base');
  const state = options.state ?? generateState((n) => randomBytes(n));

  const built = buildAuthorizeUrl({
    openBase: config.openBase,
    endpoint,
    appid,
    redirectUri,
    scope,
    state,
    forcePopup: options.forcePopup,
    lang: options.lang,
  });
  const embed: WxLoginEmbed | undefined = options.embed
    ? buildWxLoginEmbed({ openBase: config.openBase, appid, redirectUri, state, lang: options.lang })
    : undefined;

  // The same rules as `wxauth inspect`, so every URL built here inspects cleanly.
  const inspected = inspectUrl(built.url, {
    profile: { appid, type: config.type, domain: config.domain, redirectUri: config.redirectUri },
    openBase: config.openBase,
  });
  const blocking = inspected.findings.filter((f) => f.severity === 'error' || ALWAYS_BLOCKING.includes(f.id));
  const warnings = inspected.findings.filter((f) => f.severity === 'warning' && !blocking.includes(f));
  const notes = inspected.findings.filter((f) => f.severity === 'info');

  if (blocking.length > 0 && !options.force) {
    const [first, ...rest] = blocking.map((f) => render(ctx, f));
    if (!out.json) for (const other of rest) out.failure(out.t('url.refused.other', { message: `${other.message} ${other.fix}` }));
    throw new UsageError(
      { key: 'url.refused', params: { reason: first?.message ?? '', effect: first?.effect ?? '' } },
      { hint: { key: 'url.refused.hint', params: { fix: first?.fix ?? '' } } },
    );
  }

  const store = await ctx.tokenStore();
  store.putState(config.profile, { value: state, issuedAt: ctx.now(), redirectUri, scope, endpoint, appid });

  const reported = [...blocking, ...warnings].map((f) => render(ctx, f));
  out.result({
    url: built.url,
    endpoint,
    params: built.params,
    state,
    warnings: reported,
    ...(embed ? { embed: { script: embed.script, config: embed.config, iframeUrl: embed.iframeUrl, html: embed.html } } : {}),
  });

  if (embed) out.data(embed.html);
  else out.data(built.url);
  if (out.json) {
    if (options.open) await openTarget(ctx, embed ? embed.iframeUrl : built.url, endpoint, config.openBase);
    return 0;
  }

  for (const f of blocking) {
    const r = render(ctx, f);
    out.warn(out.t('url.forced', { message: r.message, effect: r.effect }));
  }
  for (const f of warnings) {
    const r = render(ctx, f);
    out.warn(out.t('url.warning', { message: r.message, fix: r.fix }));
  }
  for (const f of notes) out.note(render(ctx, f).message);

  if (embed) {
    out.note(out.t('url.embed.note', { id: String(embed.config.id) }));
  } else {
    if (options.qr) await out.qr(built.url);
    out.say(out.t(endpoint === 'authorize' ? 'url.landing.authorize' : 'url.landing.qrconnect', { redirectUri }));
  }
  out.note(out.t('url.state.remembered', { state, profile: config.profile }));

  if (options.open) await openTarget(ctx, embed ? embed.iframeUrl : built.url, endpoint, config.openBase);
  return 0;
}

/** --open: hand the URL to the desktop browser; failing to do so is a warning, never an error. */
async function openTarget(ctx: Context, target: string, endpoint: AuthEndpoint, openBase: string): Promise<void> {
  const { out } = ctx;
  const { openInBrowser } = await import('../ui/browser.js');
  if (await openInBrowser(target, ctx.env)) out.note(out.t('url.open.opened'));
  else out.warn(out.t('url.open.failed'));
  // WeChat's real authorize page refuses desktop browsers; the emulator (another open base) does not.
  if (endpoint === 'authorize' && /^https:\/\/open\.weixin\.qq\.com\/?$/.test(openBase)) out.note(out.t('url.open.authorizeNote'));
}

// wxauth jssdk ticket [--show] | sign <page-url> | verify [wx.config] --url U --signature S --timestamp T --nonce N
// The 公众号 JS-SDK's own wall after web authorization: the jsapi_ticket, the wx.config signature, and
// which known mistake a refused signature comes from (JSSDK-FACTS §1–§3). The ticket goes through the
// cached basic token (stable_token first, as `wxauth token` does) and is cached with its expiry.
import { profileFlag } from '../core/validate.js';
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { ConfigError, EXIT, UsageError, type MessageRef } from '../errors.js';
import { APPID_PLACEHOLDER, maskDiagnosis, maskString1, normalizePageUrl, parseWxConfig, ticketShapeRefusal, unknownJsApis, unwrapTicket, type SignatureClaim, type UnknownJsApi } from '../core/jssdk.js';
import { hexProblem, isSecret, type AccountType } from '../core/validate.js';
import { tokenHostOf } from '../core/endpoints.js';
import { inspectTicketCache, obtainTicket, reusableTicket, signPage, verifyPage, type ObtainedTicket, type SignedPage, type TicketFrom, type VerifiedPage } from '../flows/jssdk.js';
import type { JsapiTicketEntry } from '../store/token-cache.js';
import { basicTokenEvents } from '../ui/present/basic-common.js';

/** The share APIs most pages configure first (jweixin 1.4+), as a placeholder jsApiList for the snippet. */
export const DEFAULT_JS_API_LIST = ['updateAppMessageShareData', 'updateTimelineShareData'];

export type JssdkOptions =
  | { sub: 'ticket'; show: boolean; refresh: boolean }
  | { sub: 'sign'; url: string; ticket?: string; timestamp?: number; timestampText?: string; nonceStr?: string; jsApiList: string[]; exactUrl: boolean }
  | {
      sub: 'verify';
      claim: SignatureClaim;
      ticket?: string;
      landingUrls: string[];
      /** From a pasted wx.config: its appId (checked against the profile's) and `noncestr` spelt in lower case. */
      configAppId?: string;
      lowerNonceKey: boolean;
    };

export type { TicketFrom } from '../flows/jssdk.js';

export type JssdkResult =
  | {
      sub: 'ticket';
      profile: string;
      now: number;
      entry: JsapiTicketEntry;
      from: 'cached' | 'fetched';
      same: boolean;
      /** With `same`: the first expiry was kept (still ahead); otherwise the fresh one was stamped. */
      kept: boolean;
      host?: string;
      raw?: string;
    }
  | {
      sub: 'sign';
      profile: string;
      /** Undefined when none is configured and --ticket made one unnecessary: the snippet has a placeholder. */
      appid?: string;
      appidPlaceholder?: string;
      /** string1's ticket is masked unless showSecrets. */
      signed: SignedPage;
      ticketFrom: TicketFrom;
      /** A cached ticket's time left by wxauth's count (WeChat was not asked: it may have replaced it). */
      cachedTicketLeftMs?: number;
      /** §2: WeChat wants seconds; 13 digits is Date.now() (verify warns about the same). */
      timestampMs: boolean;
      /**
       * --timestamp as given with leading zeros (`0001700000000`): signed as the number (1700000000), what a
       * page's JS sends for a number; a page sending the text as given gets another signature.
       */
      timestampPadded?: string;
      /** The signed timestamp is neither 10 digits (seconds now) nor 13 (timestampMs), not seconds of these years: the seconds now, for the warning's example. */
      timestampDigitsNow?: number;
      /** --api names outside the JS-SDK's API list (core/jssdk.ts JS_API_NAMES): kept, but warned about. */
      unknownApis: UnknownJsApi[];
      /** The profile is a website app (网站应用): it has no JS-SDK, so a wx.config with its appId fails. */
      websiteApp: boolean;
      /** For the domain warning's fix (signed.domain), as verify's: ` --profile X`, the account type, where jsDomains came from. */
      profileFlag: string;
      accountType?: AccountType;
      jsDomainsFromEnv: boolean;
      showSecrets: boolean;
      /** --ticket came wrapped in these quotes, dropped before signing. */
      ticketUnquoted?: { open: string; close: string };
    }
  | ({
      sub: 'verify';
      profile: string;
      /** ` --profile X` for the commands it suggests (empty for the default profile). */
      profileFlag: string;
      /** Undefined when none is configured and --ticket made one unnecessary. */
      appid?: string;
      lowerNonceKey: boolean;
      /** The signature as given (--signature or the pasted wx.config's), shown beside the expected one. */
      given: string;
      /** The profile's account type when known: only a test account can bind a port or an IP (JSSDK-FACTS §3). */
      accountType?: AccountType;
      /** The JS-safe domains came from WXAUTH_JS_DOMAINS: a fix updates that, not the profile (which it overrides). */
      jsDomainsFromEnv: boolean;
      /** The profile is a website app (网站应用): no JS-SDK, so wx.config with its appId fails whatever the signature. */
      websiteApp: boolean;
      showSecrets: boolean;
      /** --ticket came wrapped in these quotes, dropped before checking. */
      ticketUnquoted?: { open: string; close: string };
      exitCode: typeof EXIT.ok | typeof EXIT.checkFailed;
      // The verdict, which ticket, the live check and what else verify found (flows/jssdk.ts); its
      // string1s masked unless showSecrets.
    } & VerifiedPage);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** An option given explicitly empty (`--nonce ''`) is a mistake, not "use the default". */
function notEmpty(value: unknown, flag: string): void {
  if (value === '') throw emptyOption(flag);
}

/** A page URL sign cannot sign: not a full http(s) URL. */
function badPageUrl(url: string): UsageError {
  return new UsageError({ key: 'jssdk.usage.url', params: { url } }, { hint: { key: 'jssdk.usage.url.hint' } });
}

/** `flag` given empty; --ticket's hint says what leaving it out does (the cached or a fetched ticket). */
function emptyOption(flag: string): UsageError {
  const hint: MessageRef = flag === '--ticket' ? { key: 'jssdk.ticket.empty.hint' } : { key: 'jssdk.usage.empty.hint', params: { flag } };
  return new UsageError({ key: 'jssdk.usage.empty', params: { flag } }, { hint });
}

function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,13}$/.test(value)) throw new UsageError({ key: 'jssdk.usage.timestamp', params: { flag, value } }, { hint: { key: 'jssdk.usage.timestamp.hint' } });
  return Number(value);
}

/**
 * A signature that is not 40 hex digits (a SHA-1) cannot be any of the mistakes verify tries: say what
 * was given and what is expected before trying them. Upper case passes (verify warns about it).
 */
function checkSignatureShape(signature: string, name: string): void {
  const problem = hexProblem(signature, 40);
  if (problem === undefined) return;
  const hint = { key: 'jssdk.invalid.signature.hint' } as const;
  if (problem.kind === 'length') throw new UsageError({ key: 'jssdk.invalid.signature.length', params: { name, value: signature, length: problem.length } }, { hint });
  if (problem.kind === 'char') throw new UsageError({ key: 'jssdk.invalid.signature.char', params: { name, value: signature, char: problem.char, position: problem.position } }, { hint });
  throw new UsageError({ key: 'jssdk.invalid.signature.blank', params: { name, value: signature, what: problem.what, position: problem.position } }, { hint });
}

export function parseOptions(input: CommandInput): JssdkOptions {
  const { opts, args } = input;
  switch (input.sub) {
    case 'ticket':
      if (opts.show === true && opts.refresh === true) throw new UsageError({ key: 'jssdk.ticket.showRefresh' }, { hint: { key: 'jssdk.ticket.showRefresh.hint' } });
      return { sub: 'ticket', show: opts.show === true, refresh: opts.refresh === true };
    case 'sign': {
      const url = args[0] ?? '';
      // Said before any configuration is looked at or a ticket fetched: a URL that cannot be signed is
      // the argument's mistake (exit 2), whatever the profile lacks (exit 4).
      if (!normalizePageUrl(url).ok) throw badPageUrl(url);
      const apis = typeof opts.api === 'string' ? opts.api.split(/[,\s]+/).filter((a) => a !== '') : undefined;
      // --api "" or " , " names no API: a wx.config with an empty jsApiList declares nothing the page
      // may call (each call then fails with permission denied), so it is a mistake, not "the default".
      if (apis !== undefined && apis.length === 0) {
        throw new UsageError(
          { key: 'jssdk.usage.emptyApi', params: { value: JSON.stringify(opts.api) } },
          { hint: { key: 'jssdk.usage.emptyApi.hint', params: { defaults: DEFAULT_JS_API_LIST.join(',') } } },
        );
      }
      const o: JssdkOptions = { sub: 'sign', url, jsApiList: apis ?? DEFAULT_JS_API_LIST, exactUrl: opts.exactUrl === true };
      notEmpty(opts.ticket, '--ticket');
      notEmpty(opts.nonce, '--nonce');
      notEmpty(opts.timestamp, '--timestamp');
      const ticket = str(opts.ticket);
      if (ticket) o.ticket = ticket;
      const ts = seconds(str(opts.timestamp), '--timestamp');
      if (ts !== undefined) [o.timestamp, o.timestampText] = [ts, str(opts.timestamp)];
      const nonce = str(opts.nonce);
      if (nonce) o.nonceStr = nonce;
      return o;
    }
    case 'verify': {
      // A pasted wx.config (or the debug alert's JSON) gives the fields; flags win over it.
      const pasted = args.length > 0 ? parseWxConfig(args.join(' ')) : {};
      for (const [flag, value] of [['--url', opts.url], ['--signature', opts.signature], ['--timestamp', opts.timestamp], ['--nonce', opts.nonce], ['--ticket', opts.ticket], ['--landing-url', opts.landingUrl]] as const) notEmpty(value, flag);
      const url = str(opts.url);
      const signature = str(opts.signature) ?? pasted.signature;
      const timestamp = str(opts.timestamp) ?? pasted.timestamp;
      const nonceStr = str(opts.nonce) ?? pasted.nonceStr;
      const missing = [
        ['--url', url],
        ['--signature', signature],
        ['--timestamp', timestamp],
        ['--nonce', nonceStr],
      ].filter(([, v]) => v === undefined).map(([flag]) => flag as string);
      if (missing.length > 0) {
        // wx.error's result pasted instead of the wx.config it refused: say what it is, and where its meaning is.
        const hint: MessageRef = pasted.errMsg !== undefined && pasted.signature === undefined ? { key: 'jssdk.usage.verifyMissing.errMsg.hint', params: { errMsg: pasted.errMsg } } : { key: 'jssdk.usage.verifyMissing.hint' };
        throw new UsageError({ key: 'jssdk.usage.verifyMissing', params: { flags: missing } }, { hint });
      }
      // As sign: a page URL that cannot be signed is the argument's mistake (exit 2), said before any
      // configuration is read or a ticket fetched; a verdict on it would only compare sums of a non-URL.
      if (!normalizePageUrl(url as string).ok) throw badPageUrl(url as string);
      checkSignatureShape(signature as string, str(opts.signature) !== undefined ? '--signature' : 'signature');
      seconds(timestamp, '--timestamp');
      const landing = opts.landingUrl;
      return {
        sub: 'verify',
        claim: { url: url as string, signature: signature as string, timestamp: timestamp as string, nonceStr: nonceStr as string },
        ...(str(opts.ticket) ? { ticket: str(opts.ticket) } : {}),
        landingUrls: typeof landing === 'string' && landing !== '' ? [landing] : [],
        ...(pasted.appId ? { configAppId: pasted.appId } : {}),
        lowerNonceKey: pasted.lowerNonceKey === true,
      };
    }
    default:
      throw new UsageError({ key: 'common.commander', params: { detail: `jssdk ${input.sub ?? ''}` } }, { hint: { key: 'common.commander.hint', params: { command: 'wxauth jssdk' } } });
  }
}

/**
 * The appid's ticket: a cached one with more than a minute left needs no secret and no call (unless
 * `refresh`); else one is fetched through the basic-token service (which needs the appsecret).
 */
async function ticketOf(ctx: Context, profile: string, appid: string, apiHost: string | undefined, refresh = false): Promise<ObtainedTicket> {
  const store = await ctx.tokenStore();
  const cached = refresh ? undefined : reusableTicket(store, profile, appid, ctx.now(), apiHost);
  if (cached) return cached;
  const { service, api, config } = await ctx.basicTokenService(basicTokenEvents(ctx));
  return obtainTicket({ api, basic: service, store, profile: config.profile, appid: config.appid as string, apiHost, refresh, now: () => ctx.now() });
}

export async function run(given: JssdkOptions, ctx: Context): Promise<JssdkResult> {
  // --ticket -: read from a pipe, so the ticket is in no command line (history, ps, CI logs).
  const read: JssdkOptions =
    given.sub !== 'ticket' && given.ticket === '-'
      ? { ...given, ticket: await (await import('../flows/stdin.js')).ticketFromStdin(ctx.stdin, '--ticket', `wxauth jssdk ${given.sub} … --ticket -`) }
      : given;
  // A ticket pasted with a trailing newline or space, or inside quotes (a shell quoted twice, a .env
  // line): the ticket is what is inside. Dropped quotes are said (ticketUnquoted); whitespace is not.
  const unwrapped = read.sub !== 'ticket' && read.ticket !== undefined ? unwrapTicket(read.ticket) : undefined;
  if (unwrapped !== undefined && unwrapped.ticket === '') throw emptyOption('--ticket');
  const options: JssdkOptions = unwrapped !== undefined && read.sub !== 'ticket' ? { ...read, ticket: unwrapped.ticket } : read;
  const ticketUnquoted = unwrapped?.quotes !== undefined ? { ticketUnquoted: unwrapped.quotes } : {};
  // With --ticket, sign and verify are offline sums: no appid needed (the snippet gets a placeholder).
  const offline = options.sub !== 'ticket' && options.ticket !== undefined;
  // Without an appid, name at once everything the run needs (as `wxauth token` does): no cached ticket
  // can be found without one, so it will be fetched with the basic token, which takes the secret too.
  // With an appid, a cached ticket needs no secret, and a fetch asks for it (basicTokenService).
  const resolved = await ctx.resolveConfig();
  const cacheOnly = options.sub === 'ticket' && options.show;
  // verify checks the page's host against jsDomains: a value the resolver refused (from the profile or
  // WXAUTH_JS_DOMAINS, e.g. a port on a service account) stops it with that refusal, offline or not
  // (requireConfig stops other commands only for the settings they use); left out silently, the domain
  // would read "not checked".
  const jsDomainsRefused = options.sub === 'verify' ? resolved.errors.find((p) => p.field === 'jsDomains') : undefined;
  if (jsDomainsRefused) throw jsDomainsRefused.error;
  // The AppSecret (32 hex digits) given as --ticket: a jsapi_ticket is 86 characters of base64url
  // (JSSDK-FACTS §1), and a signature made with the secret is one WeChat never accepts.
  if (options.sub !== 'ticket' && options.ticket !== undefined && (options.ticket === resolved.secret || isSecret(options.ticket))) {
    throw new UsageError(
      { key: options.ticket === resolved.secret ? 'jssdk.ticket.isSecret' : 'jssdk.ticket.looksLikeSecret' },
      { hint: { key: 'jssdk.ticket.isSecret.hint', params: { p: profileFlag(resolved.profile) } } },
    );
  }
  const refusal = options.sub !== 'ticket' && options.ticket !== undefined ? ticketShapeRefusal(options.ticket, profileFlag(resolved.profile)) : undefined;
  if (refusal !== undefined) throw new UsageError(refusal.message, { hint: refusal.hint });
  const config = offline ? resolved : await ctx.requireConfig(cacheOnly || resolved.appid !== undefined ? ['appid'] : ['appid', 'secret']);
  // requireConfig made sure of it unless offline (sign/verify --ticket), where it may be undefined.
  const appid: string | undefined = config.appid;
  const profile = config.profile;
  // Tickets and tokens an emulator issued are cached apart from WeChat's (and from another emulator's).
  const apiHost = tokenHostOf(config.apiBase);
  const showSecrets = ctx.globals.showSecrets === true;

  switch (options.sub) {
    case 'ticket': {
      const id = appid as string;
      if (options.show) {
        // No network and no secret: what the cache holds, for scripts.
        const cache = inspectTicketCache(await ctx.tokenStore(), profile, id, ctx.now(), apiHost);
        if (cache.status !== 'valid') {
          throw new ConfigError(
            { key: cache.status === 'none' ? 'jssdk.show.none' : 'jssdk.show.expired', params: { appid: id, profile } },
            { hint: { key: 'jssdk.show.none.hint' } },
          );
        }
        return { sub: 'ticket', profile, now: ctx.now(), entry: cache.entry, from: 'cached', same: true, kept: true };
      }
      const got = await ticketOf(ctx, profile, id, apiHost, options.refresh);
      return {
        sub: 'ticket',
        profile,
        now: ctx.now(),
        entry: got.entry,
        from: got.source,
        same: got.same === true,
        kept: got.kept !== false,
        ...(got.response ? { host: new URL(got.response.base).host, ...(ctx.globals.raw ? { raw: got.response.raw } : {}) } : {}),
      };
    }
    case 'sign': {
      const got = options.ticket ? undefined : await ticketOf(ctx, profile, appid as string, apiHost);
      const ticket = got ? { ticket: got.entry.ticket, from: got.source } : { ticket: options.ticket as string, from: 'option' as const };
      const signed = signPage({
        url: options.url,
        appid: appid ?? APPID_PLACEHOLDER,
        ticket: ticket.ticket,
        now: ctx.now(),
        timestamp: options.timestamp,
        nonceStr: options.nonceStr,
        jsApiList: options.jsApiList,
        exact: options.exactUrl,
        ...(config.jsDomains === undefined ? {} : { jsDomains: config.jsDomains }),
      });
      if ('problem' in signed) throw badPageUrl(signed.input);
      const timestampMs = options.timestamp !== undefined && String(options.timestamp).length === 13;
      const padded = options.timestampText !== undefined && options.timestampText !== String(options.timestamp) ? options.timestampText : undefined;
      const timestampDigits = options.timestamp !== undefined && ![10, 13].includes(String(options.timestamp).length);
      return {
        sub: 'sign',
        profile,
        ...(appid ? { appid } : { appidPlaceholder: APPID_PLACEHOLDER }),
        signed: showSecrets ? signed : { ...signed, string1: maskString1(signed.string1) },
        ticketFrom: ticket.from,
        ...(got?.source === 'cached' ? { cachedTicketLeftMs: got.entry.expiresAt - ctx.now() } : {}),
        timestampMs,
        ...(padded === undefined ? {} : { timestampPadded: padded }),
        ...(timestampDigits ? { timestampDigitsNow: Math.floor(ctx.now() / 1000) } : {}),
        unknownApis: unknownJsApis(options.jsApiList),
        // config set refuses jsDomains on a website app for the same reason (jssdk.invalid.jsDomains.website).
        websiteApp: appid !== undefined && config.type === 'website',
        profileFlag: profileFlag(profile),
        ...(config.type ? { accountType: config.type } : {}),
        jsDomainsFromEnv: config.sources.jsDomains === 'env',
        showSecrets,
        ...ticketUnquoted,
      };
    }
    case 'verify': {
      const page = await verifyPage({
        claim: options.claim,
        ...(options.ticket ? { ticket: options.ticket } : {}),
        landingUrls: options.landingUrls,
        ...(options.configAppId ? { configAppId: options.configAppId } : {}),
        store: await ctx.tokenStore(),
        profile,
        ...(appid ? { appid } : {}),
        ...(apiHost === undefined ? {} : { apiHost }),
        ...(config.jsDomains === undefined ? {} : { jsDomains: config.jsDomains }),
        obtain: (refresh) => ticketOf(ctx, profile, appid as string, apiHost, refresh),
      });
      const { verified, otherAppId, ticketOfOtherAppid } = page;
      // As sign warns: a website app's wx.config fails in WeChat even with a signature that matches.
      const websiteApp = appid !== undefined && config.type === 'website';
      const ok = verified.diagnosis.verdict === 'match' && (verified.domain === undefined || verified.domain.ok) && !otherAppId && !options.lowerNonceKey && !ticketOfOtherAppid && !websiteApp;
      return {
        sub: 'verify',
        profile,
        profileFlag: profileFlag(profile),
        ...(appid ? { appid } : {}),
        ...page,
        // Every string1 carries a ticket or token: masked unless --show-secrets.
        verified: showSecrets ? verified : { ...verified, diagnosis: maskDiagnosis(verified.diagnosis) },
        lowerNonceKey: options.lowerNonceKey,
        given: options.claim.signature,
        ...(config.type ? { accountType: config.type } : {}),
        jsDomainsFromEnv: config.sources.jsDomains === 'env',
        websiteApp,
        showSecrets,
        ...ticketUnquoted,
        exitCode: ok ? EXIT.ok : EXIT.checkFailed,
      };
    }
  }
}

// wxauth jssdk ticket [--show] | sign <page-url> | verify [wx.config] --url U --signature S --timestamp T --nonce N
// The 公众号 JS-SDK's own wall after web authorization: the jsapi_ticket, the wx.config signature, and
// which known mistake a refused signature comes from (JSSDK-FACTS §1–§3). The ticket goes through the
// cached basic token (stable_token first, as `wxauth token` does) and is cached with its expiry.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { ConfigError, EXIT, UsageError } from '../errors.js';
import { parseWxConfig, type SignatureClaim } from '../core/jssdk.js';
import { inspectTicketCache, obtainTicket, reusableTicket, signPage, verifySignature, type ObtainedTicket, type SignedPage, type VerifiedSignature } from '../flows/jssdk.js';
import type { JsapiTicketEntry } from '../store/token-cache.js';
import { basicTokenEvents } from '../ui/present/basic-common.js';

/** The share APIs most pages configure first (jweixin 1.4+), as a placeholder jsApiList for the snippet. */
export const DEFAULT_JS_API_LIST = ['updateAppMessageShareData', 'updateTimelineShareData'];

export type JssdkOptions =
  | { sub: 'ticket'; show: boolean }
  | { sub: 'sign'; url: string; ticket?: string; timestamp?: number; nonceStr?: string; jsApiList: string[] }
  | {
      sub: 'verify';
      claim: SignatureClaim;
      ticket?: string;
      landingUrls: string[];
      /** From a pasted wx.config: its appId (checked against the profile's) and `noncestr` spelt in lower case. */
      configAppId?: string;
      lowerNonceKey: boolean;
    };

export type TicketFrom = 'option' | 'cached' | 'fetched';

export type JssdkResult =
  | { sub: 'ticket'; profile: string; now: number; entry: JsapiTicketEntry; from: 'cached' | 'fetched'; same: boolean; host?: string; raw?: string }
  | { sub: 'sign'; profile: string; appid: string; signed: SignedPage; ticketFrom: TicketFrom }
  | {
      sub: 'verify';
      profile: string;
      appid: string;
      verified: VerifiedSignature;
      ticketFrom: TicketFrom;
      /** The pasted wx.config's appId when it is not the profile's (附录5: the ticket's appid must be the config's). */
      otherAppId?: string;
      lowerNonceKey: boolean;
      exitCode: typeof EXIT.ok | typeof EXIT.checkFailed;
    };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,13}$/.test(value)) throw new UsageError({ key: 'jssdk.usage.timestamp', params: { flag, value } }, { hint: { key: 'jssdk.usage.timestamp.hint' } });
  return Number(value);
}

export function parseOptions(input: CommandInput): JssdkOptions {
  const { opts, args } = input;
  switch (input.sub) {
    case 'ticket':
      return { sub: 'ticket', show: opts.show === true };
    case 'sign': {
      const url = args[0] ?? '';
      const apis = str(opts.api)?.split(/[,\s]+/).filter((a) => a !== '');
      const o: JssdkOptions = { sub: 'sign', url, jsApiList: apis ?? DEFAULT_JS_API_LIST };
      const ticket = str(opts.ticket);
      if (ticket) o.ticket = ticket;
      const ts = seconds(str(opts.timestamp), '--timestamp');
      if (ts !== undefined) o.timestamp = ts;
      const nonce = str(opts.nonce);
      if (nonce) o.nonceStr = nonce;
      return o;
    }
    case 'verify': {
      // A pasted wx.config (or the debug alert's JSON) gives the fields; flags win over it.
      const pasted = args.length > 0 ? parseWxConfig(args.join(' ')) : {};
      const url = str(opts.url);
      const signature = str(opts.signature) ?? pasted.signature;
      const timestamp = str(opts.timestamp) ?? pasted.timestamp;
      const nonceStr = str(opts.nonce) ?? pasted.nonceStr;
      const missing = [
        ['--url', url],
        ['--signature', signature],
        ['--timestamp', timestamp],
        ['--nonce', nonceStr],
      ].filter(([, v]) => v === undefined).map(([flag]) => flag);
      if (missing.length > 0) {
        throw new UsageError({ key: 'jssdk.usage.verifyMissing', params: { flags: missing.join(', ') } }, { hint: { key: 'jssdk.usage.verifyMissing.hint' } });
      }
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
      throw new UsageError({ key: 'common.commander', params: { detail: `jssdk ${input.sub ?? ''}` } }, { hint: { key: 'common.commander.hint' } });
  }
}

/**
 * The appid's ticket: a cached one with more than a minute left needs no secret and no call; else
 * one is fetched through the basic-token service (which needs the appsecret).
 */
async function ticketOf(ctx: Context, profile: string, appid: string): Promise<ObtainedTicket> {
  const store = await ctx.tokenStore();
  const cached = reusableTicket(store, profile, appid, ctx.now());
  if (cached) return cached;
  const { service, api, config } = await ctx.basicTokenService(basicTokenEvents(ctx));
  return obtainTicket({ api, basic: service, store, profile: config.profile, appid: config.appid as string, now: () => ctx.now() });
}

export async function run(options: JssdkOptions, ctx: Context): Promise<JssdkResult> {
  const config = await ctx.requireConfig(['appid']);
  const appid = config.appid as string;
  const profile = config.profile;

  switch (options.sub) {
    case 'ticket': {
      if (options.show) {
        // No network and no secret: what the cache holds, for scripts.
        const cache = inspectTicketCache(await ctx.tokenStore(), profile, appid, ctx.now());
        if (cache.status !== 'valid') {
          throw new ConfigError(
            { key: cache.status === 'none' ? 'jssdk.show.none' : 'jssdk.show.expired', params: { appid, profile } },
            { hint: { key: 'jssdk.show.none.hint' } },
          );
        }
        return { sub: 'ticket', profile, now: ctx.now(), entry: cache.entry, from: 'cached', same: true };
      }
      const got = await ticketOf(ctx, profile, appid);
      return {
        sub: 'ticket',
        profile,
        now: ctx.now(),
        entry: got.entry,
        from: got.source,
        same: got.same === true,
        ...(got.response ? { host: new URL(got.response.base).host, ...(ctx.globals.raw ? { raw: got.response.raw } : {}) } : {}),
      };
    }
    case 'sign': {
      const ticket = options.ticket ? { ticket: options.ticket, from: 'option' as const } : await ticketOf(ctx, profile, appid).then((t) => ({ ticket: t.entry.ticket, from: t.source }));
      const signed = signPage({ url: options.url, appid, ticket: ticket.ticket, now: ctx.now(), timestamp: options.timestamp, nonceStr: options.nonceStr, jsApiList: options.jsApiList });
      if ('problem' in signed) throw new UsageError({ key: 'jssdk.usage.url', params: { url: signed.input } }, { hint: { key: 'jssdk.usage.url.hint' } });
      return { sub: 'sign', profile, appid, signed, ticketFrom: ticket.from };
    }
    case 'verify': {
      const store = await ctx.tokenStore();
      const cached = store.getTicket(profile, appid);
      let ticket: string;
      let ticketFrom: TicketFrom;
      if (options.ticket) {
        ticket = options.ticket;
        ticketFrom = 'option';
      } else {
        const got = await ticketOf(ctx, profile, appid);
        ticket = got.entry.ticket;
        ticketFrom = got.source;
      }
      // Stale candidates: what the cache held before (§1.3), and the cached ticket when --ticket overrides it.
      const after = store.getTicket(profile, appid);
      const stale = [cached?.ticket, cached?.previous, after?.previous].filter((t): t is string => t !== undefined && t !== ticket);
      const verified = verifySignature(options.claim, {
        ticket,
        accessToken: store.getBasic(profile, appid)?.accessToken,
        staleTickets: [...new Set(stale)],
        otherUrls: options.landingUrls,
        jsDomains: config.jsDomains,
      });
      const otherAppId = options.configAppId && options.configAppId !== appid ? options.configAppId : undefined;
      const ok = verified.diagnosis.verdict === 'match' && (verified.domain === undefined || verified.domain.ok) && !otherAppId && !options.lowerNonceKey;
      return {
        sub: 'verify',
        profile,
        appid,
        verified,
        ticketFrom,
        ...(otherAppId ? { otherAppId } : {}),
        lowerNonceKey: options.lowerNonceKey,
        exitCode: ok ? EXIT.ok : EXIT.checkFailed,
      };
    }
  }
}

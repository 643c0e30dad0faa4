// wxauth token [--legacy] [--force-refresh] [--show] [--yes]
// The basic access_token. Default: POST /cgi-bin/stable_token without force_refresh, which returns
// the token the appid already has instead of replacing it (API-FACTS §9), so production keeps working.
// The token is printed in full on stdout (that is what the user asked for, e.g. for piping); -v traces
// and the emulator's logs redact it.
import type { Context } from '../context.js';
import { ConfigError, UsageError } from '../errors.js';
import { inspectBasicCache, openBasicTokenService } from '../flows/basic-token.js';
import type { BasicTokenEntry } from '../store/token-cache.js';
import { confirmOrRequireYes, formatDuration, formatTime, presentTokenEvent } from '../ui/basic-present.js';

interface TokenOptions {
  legacy: boolean;
  forceRefresh: boolean;
  show: boolean;
  yes: boolean;
}

function toOptions(opts: Record<string, unknown>): TokenOptions {
  const o: TokenOptions = {
    legacy: opts.legacy === true,
    forceRefresh: opts.forceRefresh === true,
    show: opts.show === true,
    yes: opts.yes === true,
  };
  if (o.show && (o.legacy || o.forceRefresh)) {
    throw new UsageError({ key: 'basic.token.showConflict' }, { hint: { key: 'basic.token.showConflict.hint' } });
  }
  if (o.legacy && o.forceRefresh) {
    throw new UsageError({ key: 'basic.token.legacyForce' }, { hint: { key: 'basic.token.legacyForce.hint' } });
  }
  return o;
}

function describe(entry: BasicTokenEntry, profile: string, now: number, from: 'wechat' | 'cache', host?: string): Record<string, unknown> {
  return {
    appid: entry.appid,
    profile,
    kind: entry.kind,
    access_token: entry.accessToken,
    expires_in: Math.max(0, Math.floor((entry.expiresAt - now) / 1000)),
    expires_at: new Date(entry.expiresAt).toISOString(),
    obtained_at: new Date(entry.obtainedAt).toISOString(),
    from,
    ...(host ? { host } : {}),
  };
}

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const options = toOptions(opts);
  const { out } = ctx;

  if (options.show) {
    const config = await ctx.requireConfig(['appid']);
    const cache = inspectBasicCache(await ctx.tokenStore(), config.profile, config.appid as string, ctx.now());
    if (cache.status === 'none') {
      throw new ConfigError(
        { key: 'basic.show.none', params: { appid: config.appid, profile: config.profile } },
        { hint: { key: 'basic.show.none.hint' } },
      );
    }
    if (cache.status === 'expired') {
      throw new ConfigError(
        { key: 'basic.show.expired', params: { appid: config.appid, at: formatTime(cache.entry.expiresAt) } },
        { hint: { key: 'basic.show.none.hint' } },
      );
    }
    out.result(describe(cache.entry, config.profile, ctx.now(), 'cache'));
    out.data(cache.entry.accessToken);
    out.say(
      out.t('basic.show.life', {
        kind: out.t(`basic.kind.${cache.entry.kind}`),
        left: formatDuration(out, cache.remainingMs),
        at: formatTime(cache.entry.expiresAt),
        obtained: formatTime(cache.entry.obtainedAt),
      }),
    );
    return;
  }

  const config = await ctx.requireConfig(['appid', 'secret']);
  const appid = config.appid as string;
  if (options.legacy) {
    out.warn(out.t('basic.legacy.warn', { appid }));
    await confirmOrRequireYes(ctx, out, { key: 'basic.legacy.confirm', params: { appid } }, {
      yes: options.yes,
      declined: { key: 'basic.declined' },
    });
  } else if (options.forceRefresh) {
    out.warn(out.t('basic.force.warn', { appid }));
    await confirmOrRequireYes(ctx, out, { key: 'basic.force.confirm', params: { appid } }, {
      yes: options.yes,
      declined: { key: 'basic.declined' },
    });
  }

  const { service } = openBasicTokenService({
    config,
    api: await ctx.api(config),
    store: await ctx.tokenStore(),
    now: () => ctx.now(),
    onEvent: (event) => presentTokenEvent(out, event, ctx.now(), ctx.globals.verbose === true),
  });
  const fetched = await service.fetch({ legacy: options.legacy, forceRefresh: options.forceRefresh });
  const { entry, response } = fetched;
  const host = new URL(response.base).host;

  out.result({ ...describe(entry, config.profile, ctx.now(), 'wechat', host), ...(options.forceRefresh ? { rotated: !fetched.notRotated } : {}) });
  if (ctx.globals.raw) out.raw(response.raw);
  out.data(entry.accessToken);

  const left = formatDuration(out, entry.expiresAt - ctx.now());
  out.success(out.t(`basic.token.done.${entry.kind}`, { left, host, at: formatTime(entry.expiresAt) }));
  if (options.forceRefresh) {
    if (fetched.notRotated) out.warn(out.t('basic.force.notRotated'));
    else out.note(out.t('basic.force.limits'));
  }
  if (entry.kind === 'legacy') {
    const replaced = fetched.previous?.kind === 'legacy' && fetched.previous.accessToken !== entry.accessToken;
    out.note(out.t(replaced ? 'basic.legacy.replaced' : 'basic.legacy.after'));
  }
  out.note(out.t('basic.token.cached', { profile: config.profile }));
}

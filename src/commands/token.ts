// wxauth token [--legacy] [--force-refresh] [--show] [--yes]
// The basic access_token. Default: POST /cgi-bin/stable_token without force_refresh, which returns
// the token the appid already has instead of replacing it (API-FACTS §9), so production keeps working.
// The token is printed in full on stdout (that is what the user asked for, e.g. for piping); -v traces
// and the emulator's logs redact it.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { ConfigError, UsageError } from '../errors.js';
import { inspectBasicCache } from '../flows/basic-token.js';
import { tokenHostOf } from '../core/endpoints.js';
import { profileFlag } from '../core/validate.js';
import { formatLocalTime } from '../ui/format.js';
import { basicTokenEvents } from '../ui/present/basic-common.js';
import { confirmOrCancel } from '../ui/present/confirm.js';
import type { TokenCommandResult } from '../ui/present/token.js';

export interface TokenOptions {
  legacy: boolean;
  forceRefresh: boolean;
  show: boolean;
  yes: boolean;
}

export function parseOptions({ opts, profile }: CommandInput): TokenOptions {
  // A follow-up command the refusal names carries the --profile given (` --profile work`), pasteable as it is.
  const p = profileFlag(profile ?? 'default');
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
    throw new UsageError({ key: 'basic.token.legacyForce' }, { hint: { key: 'basic.token.legacyForce.hint', params: { p } } });
  }
  return o;
}

export async function run(options: TokenOptions, ctx: Context): Promise<TokenCommandResult> {
  if (options.show) {
    // No network and no secret needed: what the cache holds, for scripts.
    const config = await ctx.requireConfig(['appid']);
    const cache = inspectBasicCache(await ctx.tokenStore(), config.profile, config.appid as string, ctx.now(), tokenHostOf(config.apiBase));
    if (cache.status === 'none') {
      throw new ConfigError(
        { key: 'basic.show.none', params: { appid: config.appid, profile: config.profile } },
        { hint: { key: 'basic.show.none.hint' } },
      );
    }
    if (cache.status === 'expired') {
      throw new ConfigError(
        { key: 'basic.show.expired', params: { appid: config.appid, at: formatLocalTime(cache.entry.expiresAt) } },
        { hint: { key: 'basic.show.none.hint' } },
      );
    }
    return { mode: 'show', entry: cache.entry, remainingMs: cache.remainingMs, profile: config.profile, now: ctx.now() };
  }

  // Both endpoints below cut the token other servers hold: say so and ask before spending anything.
  const { appid, type } = await ctx.requireConfig(['appid', 'secret']);
  if (options.legacy) {
    const quota = { key: type === 'test' ? 'basic.legacy.quota.test' : 'basic.legacy.quota.default' } as const;
    await confirmOrCancel(ctx, { yes: options.yes, warning: { key: 'basic.legacy.warn', params: { appid, quota } }, question: { key: 'basic.legacy.confirm', params: { appid } } });
  } else if (options.forceRefresh) {
    await confirmOrCancel(ctx, { yes: options.yes, warning: { key: 'basic.force.warn', params: { appid } }, question: { key: 'basic.force.confirm', params: { appid } } });
  }

  const { service, config } = await ctx.basicTokenService(basicTokenEvents(ctx));
  const fetched = await service.fetch({ legacy: options.legacy, forceRefresh: options.forceRefresh });
  return { mode: 'fetch', fetched, forceRefresh: options.forceRefresh, profile: config.profile, now: ctx.now(), raw: ctx.globals.raw === true };
}

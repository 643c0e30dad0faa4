// What the basic-token presenters (token, user, quota, rid, domains) share: durations and times in the
// style of the rest of wxauth, and what the token service did, said as it happens.
import type { Context } from '../../context.js';
import type { BasicTokenEvent } from '../../flows/basic-token.js';
import type { Output } from '../output.js';
import { formatDuration as formatDurationIn, formatLocalTime } from '../format.js';

/** One duration style across wxauth (`1h59m` / `1小时59分`): the shared formatter in the user's language. */
export function formatDuration(out: Output, ms: number): string {
  return formatDurationIn(Math.max(0, ms), out.lang);
}

/** Local wall-clock time, as every other command shows it. */
export const formatTime = formatLocalTime;

/**
 * The token service's events as talk on stderr, for Context.basicTokenService(): a rejected cached
 * token always (it means another server took the token over), a fetch always (it costs quota), reuse
 * of the cache only with -v.
 */
export function basicTokenEvents(ctx: Pick<Context, 'out' | 'now' | 'globals'>): (event: BasicTokenEvent) => void {
  const { out } = ctx;
  const verbose = ctx.globals.verbose === true;
  return (event) => {
    const now = ctx.now();
    const kind = out.t(`basic.kind.${event.entry.kind}`);
    switch (event.kind) {
      case 'cached':
        if (verbose) out.note(out.t('basic.event.cached', { kind, left: formatDuration(out, event.entry.expiresAt - now) }));
        return;
      case 'rejected': {
        // Which errcode means what is decided in core/next-step.ts; the durations are shown here.
        if (!event.message) return;
        out.warning(
          event.message.key,
          out.tKey(event.message.key, {
            ...event.message.params,
            kind,
            age: formatDuration(out, now - event.entry.obtainedAt),
            left: formatDuration(out, event.entry.expiresAt - now),
          }),
        );
        return;
      }
      case 'fetched':
        if (event.reason === 'requested') return;
        out.note(
          out.t(event.sameAsRejected ? 'basic.event.fetched.rejected.same' : `basic.event.fetched.${event.reason}`, { appid: event.entry.appid, left: formatDuration(out, event.entry.expiresAt - now) }),
        );
        return;
    }
  };
}

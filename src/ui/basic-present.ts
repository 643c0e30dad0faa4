// Presentation shared by the basic-token commands (token, user, quota, rid, domains): remaining
// lifetimes, times, what the token service did, and the "are you sure" gate for calls that change
// WeChat's state for every server of the appid.
import { CancelledError, UsageError, type MessageRef } from '../errors.js';
import type { BasicTokenEvent } from '../flows/basic-token.js';
import type { Prompts } from './prompt.js';
import type { Output } from './output.js';
import { formatDuration as formatDurationIn, formatLocalTime } from './format.js';

/** One duration style across wxauth (`1h59m` / `1小时59分`): the shared formatter in the user's language. */
export function formatDuration(out: Output, ms: number): string {
  return formatDurationIn(Math.max(0, ms), out.lang);
}

/** Local wall-clock time, as every other command shows it. */
export const formatTime = formatLocalTime;

/**
 * What the token service did, as talk on stderr: a rejected cached token always (it means another
 * server took the token over), a fetch always (it costs quota), reuse of the cache only with -v.
 */
export function presentTokenEvent(out: Output, event: BasicTokenEvent, now: number, verbose: boolean): void {
  const kind = out.t(`basic.kind.${event.entry.kind}`);
  switch (event.kind) {
    case 'cached':
      if (verbose) out.note(out.t('basic.event.cached', { kind, left: formatDuration(out, event.entry.expiresAt - now) }));
      return;
    case 'rejected': {
      // Which errcode means what is decided in core/next-step.ts; the durations are shown here.
      if (!event.message) return;
      out.warn(
        out.t(event.message.key, {
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
      out.note(out.t(`basic.event.fetched.${event.reason}`, { appid: event.entry.appid, left: formatDuration(out, event.entry.expiresAt - now) }));
      return;
  }
}

export interface ConfirmGate {
  interactive: boolean;
  prompts(): Promise<Prompts>;
}

/**
 * Ask before a call that affects every server of the appid. `--yes` skips the question; without a
 * terminal (or with CI set) and without `--yes` it is a usage error, never a hang.
 */
export async function confirmOrRequireYes(
  gate: ConfirmGate,
  out: Output,
  question: MessageRef,
  options: { yes: boolean; declined: MessageRef },
): Promise<void> {
  if (options.yes) return;
  if (!gate.interactive) {
    throw new UsageError({ key: 'common.confirmNeedsYes' }, { hint: { key: 'common.confirmNeedsYes.hint' } });
  }
  const prompts = await gate.prompts();
  const ok = await prompts.confirm({ message: out.t(question.key, question.params), default: false });
  if (!ok) {
    out.say(out.t(options.declined.key, options.declined.params));
    throw new CancelledError();
  }
}

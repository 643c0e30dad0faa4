// The "are you sure" gate before a command changes something that cannot be undone (clearing cached
// tokens, resetting WeChat's call counts, fetching a token that invalidates other servers' one).
// Declining ends the run like Ctrl-C at the same prompt: CancelledError, exit 130, and either way
// "Nothing was changed." (--json: one document with error.code "cancelled").
import { CancelledError, UsageError, type MessageRef } from '../../errors.js';
import type { Context } from '../../context.js';
import { tr } from '../i18n.js';

export interface Confirmation {
  /** --yes / -y: go ahead without asking. */
  yes: boolean;
  question: MessageRef;
  /** Said first, whether or not we then ask (the risk is worth reading even with --yes). */
  warning?: MessageRef;
}

/**
 * Ask before going on. `--yes` skips the question; without a terminal (or with CI set) and without
 * `--yes` it is a usage error, never a hang.
 */
export async function confirmOrCancel(ctx: Pick<Context, 'out' | 'interactive' | 'prompts'>, c: Confirmation): Promise<void> {
  const { out } = ctx;
  // In --json mode the risk is listed in the document's warnings as well.
  if (c.warning) out.warning(c.warning.key, tr(out.lang, c.warning));
  if (c.yes) return;
  if (!ctx.interactive) {
    // Which question: "this step needs confirmation" alone did not say what --yes would agree to.
    throw new UsageError({ key: 'common.confirmNeedsYes', params: { question: c.question } }, { hint: { key: 'common.confirmNeedsYes.hint' } });
  }
  const prompts = await ctx.prompts();
  let agreed: boolean;
  try {
    agreed = await prompts.confirm({ message: tr(out.lang, c.question), default: false });
  } catch (error) {
    // Ctrl-C at the question: the same outcome as "no", said the same way.
    if (error instanceof CancelledError && !error.hint) throw new CancelledError({ hint: { key: 'common.cancelled.declined' }, cause: error });
    throw error;
  }
  if (!agreed) throw new CancelledError({ hint: { key: 'common.cancelled.declined' } });
}

/**
 * A question whose "no" goes on (the default): a choice within a run already agreed to, such as
 * `profile remove` asking whether its cached tokens go too. Only asked on a terminal (the caller checks
 * ctx.interactive); Ctrl-C at it cancels the run, as at any prompt.
 */
export async function askYesNo(ctx: Pick<Context, 'out' | 'prompts'>, question: MessageRef): Promise<boolean> {
  const prompts = await ctx.prompts();
  try {
    return await prompts.confirm({ message: tr(ctx.out.lang, question), default: false });
  } catch (error) {
    if (error instanceof CancelledError && !error.hint) throw new CancelledError({ hint: { key: 'common.cancelled.declined' }, cause: error });
    throw error;
  }
}

// wxauth errcode [inputs...] [--list] [--stage S] [--wecom] [--endpoint PATH]
// Offline: loads only the pure errcode core and the presenter, never the network or prompts.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { LIST_STAGES, explainInputs, listErrcodes, type ExplainedInput } from '../core/errcodes.js';
import { printExplanation, printUnknown } from '../ui/explain.js';

interface ErrcodeOptions {
  inputs: string[];
  list: boolean;
  stage?: string;
  wecom: boolean;
  endpoint?: string;
  apiBase?: string;
}

function toOptions(ctx: Context, args: string[], opts: Record<string, unknown>): ErrcodeOptions {
  const options: ErrcodeOptions = {
    inputs: args.filter((a) => a.trim() !== ''),
    list: opts.list === true,
    wecom: opts.wecom === true,
  };
  if (typeof opts.stage === 'string') options.stage = opts.stage;
  if (typeof opts.endpoint === 'string') options.endpoint = opts.endpoint;
  if (typeof ctx.globals.apiBase === 'string') options.apiBase = ctx.globals.apiBase;
  if (options.stage !== undefined && !(LIST_STAGES as readonly string[]).includes(options.stage)) {
    throw new UsageError(
      { key: 'errcode.stage.invalid', params: { stage: options.stage } },
      { hint: { key: 'errcode.stage.invalid.hint', params: { stages: LIST_STAGES.join(', ') } } },
    );
  }
  // --stage alone means "list that stage".
  if (options.stage !== undefined && options.inputs.length === 0) options.list = true;
  if (options.list && options.inputs.length > 0) {
    throw new UsageError(
      { key: 'errcode.listWithInputs' },
      { hint: { key: 'errcode.listWithInputs.hint', params: { inputs: options.inputs.join(' ') } } },
    );
  }
  if (!options.list && options.inputs.length === 0) {
    throw new UsageError({ key: 'errcode.noInput' }, { hint: { key: 'errcode.noInput.hint' } });
  }
  return options;
}

function list(ctx: Context, options: ErrcodeOptions): number {
  const { out } = ctx;
  const codes = listErrcodes({ stage: options.stage, wecom: options.wecom });
  out.result({ codes });
  out.table(
    [out.t('errcode.list.code'), out.t('errcode.list.stage'), out.t('errcode.list.meaning')],
    codes.map((c) => [String(c.code), c.stages.join(', ') || '-', c.meaning[out.lang]]),
  );
  const all = options.wecom || options.stage === 'all';
  out.note(out.t(all ? 'errcode.list.countAll' : 'errcode.list.count', { count: codes.length }));
  return 0;
}

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const options = toOptions(ctx, args, opts);
  if (options.list) return list(ctx, options);

  const { out } = ctx;
  const { results, unknown } = explainInputs(options.inputs, {
    wecom: options.wecom,
    endpoint: options.endpoint,
    apiBase: options.apiBase,
  });
  out.result({ results, unknown });

  // Group keyword hits by input: the best one in full, the rest as a short table.
  const groups: ExplainedInput[][] = [];
  for (const r of results) {
    const last = groups[groups.length - 1];
    if (r.match === 'keyword' && last?.[0]?.match === 'keyword' && last[0].input === r.input) last.push(r);
    else groups.push([r]);
  }
  let first = true;
  for (const group of groups) {
    const [head, ...rest] = group;
    if (!head) continue;
    if (!first) out.data('');
    first = false;
    if (head.match === 'keyword') out.data(out.t('errcode.keyword.title', { input: head.input, count: group.length }));
    if (head.match === 'body' && !out.json) out.note(out.t('errcode.body.read', { errcode: head.code }));
    printExplanation(out, head, { to: 'stdout' });
    if (rest.length) {
      out.data('');
      out.data(out.t('errcode.keyword.more', { input: head.input }));
      out.table(
        [out.t('errcode.list.code'), out.t('errcode.list.meaning')],
        rest.map((r) => [String(r.code), r.meaning[out.lang]]),
      );
    }
  }
  // In --json mode the document carries the unknown inputs; stderr stays quiet for scripts.
  for (const u of out.json ? [] : unknown) {
    if (!first) out.say('');
    first = false;
    printUnknown(out, u);
  }
  if (unknown.length > 0) {
    // "A check found problems": some inputs are not in the tables. errcode never calls WeChat.
    return 1;
  }
  return 0;
}

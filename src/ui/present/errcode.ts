// wxauth errcode: explanations are the command's data (stdout); unknown inputs are talk (stderr).
import type { ErrcodeResult } from '../../commands/errcode.js';
import type { ExplainedInput } from '../../core/errcodes.js';
import { printExplanation, printUnknown, untranslatedCell } from '../explain.js';
import type { Output } from '../output.js';

export function present(result: ErrcodeResult, out: Output): void {
  if (result.mode === 'list') {
    out.result({ codes: result.codes });
    out.table(
      [out.t('errcode.list.code'), out.t('errcode.list.stage'), out.t('errcode.list.meaning')],
      result.codes.map((c) => [String(c.code), c.stages.join(', ') || '-', untranslatedCell(out, c)]),
    );
    // The count restates the document: with --json, stderr stays quiet for scripts.
    if (!out.json) out.note(out.t(result.all ? 'errcode.list.countAll' : 'errcode.list.count', { count: result.codes.length }));
    return;
  }

  const { results, unknown } = result;
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
    // A wx.error object pasted whole is explained by its errMsg, and named by it (PastedInput.read).
    if (head.read !== undefined && !out.json) out.note(out.t('errcode.read', { text: head.read }));
    const input = head.read ?? head.input;
    if (head.match === 'keyword') out.data(group.length === 1 ? out.t('errcode.keyword.titleOne', { input }) : out.t('errcode.keyword.title', { input, count: group.length }));
    if (head.match === 'body' && !out.json) out.note(out.t('errcode.body.read', { errcode: head.code }));
    if (head.readAs === 'log' && !out.json) out.note(out.t('errcode.readAsLog'));
    printExplanation(out, head, { to: 'stdout' });
    if (rest.length) {
      out.data('');
      out.data(out.t('errcode.keyword.more', { input }));
      out.table(
        [out.t('errcode.list.code'), out.t('errcode.list.meaning')],
        rest.map((r) => [String(r.code), untranslatedCell(out, r)]),
      );
    }
  }
  // In --json mode the document carries the unknown inputs; stderr stays quiet for scripts.
  for (const u of out.json ? [] : unknown) {
    if (!first) out.say('');
    first = false;
    printUnknown(out, u);
  }
}

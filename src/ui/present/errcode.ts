// wxauth errcode: explanations are the command's data (stdout); unknown inputs are talk (stderr).
import type { ErrcodeResult } from '../../commands/errcode.js';
import type { LogEntry } from '../../core/errcode-log.js';
import type { ExplainedInput } from '../../core/errcodes.js';
import { NUMBER_RE, printExplanation, printUnknown, untranslatedCell } from '../explain.js';
import type { Output } from '../output.js';

/** The full-width runs named in the note, and the most of each shown (an errcode has at most 8 digits and a sign). */
const FULLWIDTH_NAMED = 3;
const FULLWIDTH_RUN = 12;

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

  const { results, unknown, log } = result;
  // A piped log: each entry of results and unknown carries its line and count; `more` the codes past the cap.
  out.result({
    results,
    unknown,
    ...(log ? { more: log.found.slice(log.limit), ...(log.success ? { success: log.success } : {}) } : {}),
    ...(result.cut !== undefined ? { cut: result.cut } : {}),
    ...(result.fullwidth !== undefined ? { fullwidth: result.fullwidth } : {}),
  });
  if (result.cut !== undefined && !out.json) out.warn(out.t('errcode.log.cut', { size: result.cut.toLocaleString('en-US') }));
  // `４００２９` read as 40029: said, as config and inspect say what they make of full-width input. A run longer
  // than any errcode (8 digits) is named by its start.
  if (result.fullwidth !== undefined && !out.json) {
    const shown = result.fullwidth.slice(0, FULLWIDTH_NAMED);
    const cut = (run: string) => (run.length > FULLWIDTH_RUN ? `${run.slice(0, FULLWIDTH_RUN)}…` : run);
    const more = result.fullwidth.length > FULLWIDTH_NAMED ? ['…'] : [];
    out.note(out.t('errcode.input.fullwidth', { typed: [...shown.map((r) => cut(r.typed)), ...more], read: [...shown.map((r) => cut(r.read)), ...more] }));
  }
  // One errcode on one line of a longer text: its "Read errcode … from line …" note says it all.
  const alone = log !== undefined && log.found.length === 1 && log.found[0]?.count === 1 && log.success === undefined;
  if (log && !alone && !out.json) {
    const listed = log.found.slice(0, log.limit).map((e) => logEntry(out, e));
    if (log.found.length > log.limit) listed.push('…');
    out.note(out.t(log.found.length === 1 ? 'errcode.log.foundOne' : 'errcode.log.found', { count: log.found.length, codes: listed }));
    if (log.success) out.note(out.t('errcode.log.success', { entry: logEntry(out, log.success) }));
  }
  // Group keyword hits by input: the best one in full, the rest as a short table.
  const groups: ExplainedInput[][] = [];
  for (const r of results) {
    const last = groups[groups.length - 1];
    if (r.match === 'keyword' && last?.[0]?.match === 'keyword' && last[0].input === r.input) last.push(r);
    else groups.push([r]);
  }
  let first = true;
  // Said once for a piped log, whose codes are all lines of it.
  let saidLog = false;
  for (const group of groups) {
    const [head, ...rest] = group;
    if (!head) continue;
    if (!first) out.data('');
    first = false;
    // A wx.error object pasted whole is explained by its errMsg, and named by it (PastedInput.read).
    if (head.read !== undefined && !out.json) out.note(out.t('errcode.read', { text: head.read }));
    const input = head.read ?? head.input;
    if (head.match === 'keyword') out.data(group.length === 1 ? out.t('errcode.keyword.titleOne', { input }) : out.t('errcode.keyword.title', { input, count: group.length }));
    if (head.line !== undefined && !out.json) out.note(out.t('errcode.log.read', { errcode: head.code, line: head.line }));
    else if (head.match === 'body' && !out.json) out.note(out.t('errcode.body.read', { errcode: head.code }));
    // `040029` is 40029 (an errcode is a JSON number: no leading zeros); said, since the title names the code, not what was typed.
    else if (head.match === 'code' && !out.json && NUMBER_RE.test(head.input) && head.input !== String(head.code)) out.note(out.t('errcode.readNumber', { input: head.input, code: head.code }));
    if (head.readAs === 'log' && !out.json && !(log && saidLog)) out.note(out.t('errcode.readAsLog'));
    if (head.readAs === 'log') saidLog = true;
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
    if (u.line !== undefined) out.note(out.t('errcode.log.read', { errcode: u.code, line: u.line }));
    printUnknown(out, u);
  }
  const rest = log && !out.json ? log.found.slice(log.limit) : [];
  if (rest[0] !== undefined) {
    // The codes past the cap, named (the first 20: a log of thousands of codes is not read line by line here).
    const listed = rest.slice(0, 20).map((e) => logEntry(out, e));
    if (rest.length > 20) listed.push('…');
    out.say('');
    out.note(out.t('errcode.log.more', { count: rest.length, limit: log?.limit, codes: listed, code: rest[0].code }));
  }
}

/** `40163 (line 1)`, `40164 ×2 (line 3)`: a code of a piped log, how many lines carry it, the first. */
function logEntry(out: Output, e: LogEntry): string {
  return e.count > 1 ? out.t('errcode.log.entryCount', { code: e.code, count: e.count, line: e.line }) : out.t('errcode.log.entry', { code: e.code, line: e.line });
}

// wxauth inspect: the report is the command's data, so it goes to stdout.
import type { InspectCommandResult } from '../../commands/inspect.js';
import type { Finding } from '../../core/inspect.js';
import type { StateUser } from '../../store/state.js';
import { renderFinding } from '../findings.js';
import type { Output } from '../output.js';
import type { Context } from '../../context.js';

/** `inspect -` on a terminal: what to do, as nothing else would say that wxauth is waiting. */
export function announceReadingTerminal(ctx: Pick<Context, 'out'>): void {
  ctx.out.note(ctx.out.t('inspect.stdin.tty'));
}

function kindLabel(result: InspectCommandResult): `inspect.kind.${InspectCommandResult['kind'] | 'qrconnect_embedded'}` {
  if (result.kind === 'qrconnect' && result.embedded) return 'inspect.kind.qrconnect_embedded';
  return `inspect.kind.${result.kind}`;
}

/** `Fix: ` in English; a full-width colon (怎么办：) needs no space after it. */
function label(text: string): string {
  return text.endsWith('：') ? text : text + ' ';
}

function id(s: string): string {
  return s;
}

/**
 * callback.state_used carries when and by which command the state was used, as its file records them;
 * its sentence says that in the words listen and exchange use (stateUseSaid), as its {use}.
 */
async function worded(finding: Finding, out: Output): Promise<Finding> {
  if (finding.id !== 'callback.state_used') return finding;
  // Loaded only for this finding: a static import costs every inspect a chunk more at start (issue 19).
  const { stateUseSaid } = await import('./exchange.js');
  const { at, by } = finding.params;
  const use = stateUseSaid({ ...(typeof at === 'number' ? { at } : {}), ...(typeof by === 'string' ? { by: by as StateUser } : {}) });
  return { ...finding, params: { ...finding.params, use: out.tr(use) } };
}

export async function present(result: InspectCommandResult, out: Output): Promise<void> {
  const { params } = result;
  const findings = await Promise.all(result.findings.map((f) => worded(f.finding, out)));
  const rendered = findings.map((finding, i) => renderFinding(out, finding, result.findings[i]!.keys, result.profileFlag));
  if (result.extracted !== undefined && !out.json) out.note(out.t('inspect.extracted', { address: result.extracted }));
  out.result({
    ...(result.extracted !== undefined ? { extracted: result.extracted } : {}),
    kind: result.kind,
    ...(result.embedded ? { embedded: true } : {}),
    params,
    findings: result.findings.map((f, i) => ({ ...rendered[i], params: f.jsonParams, ...(f.wechatPage ? { wechatPage: f.wechatPage } : {}) })),
  });
  if (out.json) return;

  // Colour only where the report is read on a terminal: stdout may be a file.
  const style = out.stdout.isTTY === true ? out.style : { bold: id, red: id, yellow: id, cyan: id, dim: id };
  out.data(style.bold(out.t(kindLabel(result))));
  if (params.length > 0) {
    const width = Math.max(...params.map(([name]) => name.length));
    // Escaped by the sanitiser, as the findings' characters are (\x1b, not JSON's \u001b; a quote as it is).
    for (const [name, value] of params) out.data(`  ${name.padEnd(width)}  ${out.safe(value)}`);
    if (result.redacted) out.data(style.dim('  ' + out.t('inspect.redacted')));
  }
  out.data('');
  const colour = { error: style.red, warning: style.yellow, info: style.cyan } as const;
  rendered.forEach((r, i) => {
    const severity = r.severity as keyof typeof colour;
    out.data(`${colour[severity](out.t(`inspect.severity.${severity}`))} ${style.dim(`[${r.id}]`)} ${r.message}`);
    // A run of one finding (three missing parameters) shares its effect and fix: said once, after the last.
    const next = rendered[i + 1];
    if (next !== undefined && next.id === r.id && next.effect === r.effect && next.fix === r.fix) return;
    out.data(`  ${label(out.t('inspect.label.effect'))}${r.effect}`);
    out.data(`  ${label(out.t('inspect.label.fix'))}${r.fix}`);
  });
  const count = (s: string) => result.findings.filter((f) => f.finding.severity === s).length;
  if (count('error') + count('warning') === 0) out.data(style.bold(out.t('inspect.summary.clean')));
  out.data(out.t('inspect.summary', { errors: count('error'), warnings: count('warning'), infos: count('info') }));
}

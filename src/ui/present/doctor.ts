// wxauth doctor: the report on stdout, one line per check (✔ ! ✖ -, the check's id and what it saw),
// the fix under each failure and warning (and under a skip that can be enabled); --json prints
// `{ profile, checks: [{ id, status, message, fix, evidence }], summary, exitCode }`.
import type { DoctorResult } from '../../commands/doctor.js';
import type { CheckStatus } from '../../core/doctor.js';
import type { DoctorHooks } from '../../flows/doctor/index.js';
import type { Output } from '../output.js';

const MARK: Record<CheckStatus, string> = { ok: '✔', warn: '!', fail: '✖', skip: '-' };

/** -v and --curl on stderr, as the API client traces them for every other command (runtime.ts). */
export function doctorHooks(out: Output, flags: { verbose?: boolean; curl?: boolean }): DoctorHooks {
  return {
    ...(flags.verbose ? { trace: (line: string) => out.note(line) } : {}),
    ...(flags.curl ? { curl: (command: string) => out.say(command) } : {}),
  };
}

export function present(result: DoctorResult, out: Output): void {
  const count = (s: CheckStatus) => result.checks.filter((c) => c.status === s).length;
  const summary = { ok: count('ok'), warn: count('warn'), fail: count('fail'), skip: count('skip') };
  out.result({
    profile: result.profile,
    checks: result.checks.map((c) => ({
      id: c.id,
      status: c.status,
      phase: c.phase,
      message: out.tr(c.message),
      fix: c.fix ? out.tr(c.fix) : null,
      evidence: c.evidence,
    })),
    summary,
    exitCode: result.exitCode,
    ...(result.offlineMachine ? { offline_machine: { host: result.offlineMachine.host, code: result.offlineMachine.code, message: out.t('doctor.report.offlineMachine', result.offlineMachine) } } : {}),
  });
  if (out.json) return;
  const id = (s: string) => s;
  const style = out.stdout.isTTY === true ? out.style : { bold: id, red: id, yellow: id, green: id, dim: id, cyan: id };
  const colour: Record<CheckStatus, (s: string) => string> = { ok: style.green, warn: style.yellow, fail: style.red, skip: style.dim };
  const width = Math.max(...result.checks.map((c) => c.id.length));
  const sep = out.lang === 'en' ? ' ' : '';
  const line = (c: DoctorResult['checks'][number]) => {
    out.data(`${colour[c.status](MARK[c.status])} ${c.id.padEnd(width)}  ${out.tr(c.message)}`);
    if (c.fix && c.status !== 'ok') out.data(`  ${' '.repeat(width + 2)}${style.dim(out.t('doctor.report.fix'))}${sep}${out.tr(c.fix)}`);
  };
  out.data(style.bold(out.t('doctor.report.title', { profile: result.profile })));
  const offline = result.checks.filter((c) => c.phase === 'offline');
  const online = result.checks.filter((c) => c.phase === 'online');
  out.data('');
  out.data(style.bold(out.t('doctor.report.offline')));
  offline.forEach(line);
  if (online.length > 0) {
    out.data('');
    out.data(style.bold(out.t('doctor.report.online')));
    if (result.offlineMachine) out.data(style.yellow(out.t('doctor.report.offlineMachine', result.offlineMachine)));
    online.forEach(line);
  }
  out.data('');
  out.data(out.t('doctor.report.summary', summary));
}

// wxauth probe: the report card on stdout (✔ ✖ ! per check, the fix under each failure), progress on
// stderr through the hooks, the --json document `{ target, emulator, appid, checks: [...] }`, and the
// self-contained --html page with a sequence diagram of browser ↔ app ↔ WeChat per scenario.
import type { ProbeResult } from '../../commands/probe.js';
import type { ProbeReport, ProbeHooks } from '../../flows/probe/run.js';
import type { ProbeCheck, ScenarioRecord } from '../../flows/probe/checks.js';
import type { Output } from '../output.js';
import { renderMessage, t, tr, type Lang } from '../i18n.js';
import type { MessageKey } from '../messages/index.js';
import { osReason, type MessageRef } from '../../errors.js';

/**
 * A check's message in `lang`: a parameter naming a `probe.problem.*` text (what went wrong with a page)
 * or a `probe.where.*` / `probe.what.*` word is rendered in the same language with the same parameters (flows/probe/run.ts
 * chooses them), so no English word is left in a Chinese sentence.
 */
function render(lang: Lang, ref: MessageRef): string {
  const params = ref.params as Record<string, string | number | undefined> | undefined;
  if (!params) return tr(lang, ref);
  const words = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && /^probe\.(?:problem|where|what)\./.test(e[1]));
  if (words.length === 0) return tr(lang, ref);
  return renderMessage(lang, ref.key, { ...params, ...Object.fromEntries(words.map(([name, key]) => [name, renderMessage(lang, key as MessageKey, params)])) });
}

export function probeHooks(out: Output, target: string, emulator: string, deployed = false, showSecrets = false): ProbeHooks {
  let started = false;
  return {
    scenario: (id) => {
      if (!started) {
        started = true;
        // probe forges callbacks and repeats them: worth a word before it does so to a live site.
        if (deployed) out.warning('probe.target.deployed', out.t('probe.target.deployed', { host: new URL(target).host }));
        out.say(out.t('probe.progress.start', { target, emulator }));
        // Said once, as proxy says it; with --json listed in the document's warnings too.
        if (showSecrets) out.warning('probe.unmasked', out.t('probe.unmasked'));
      }
      out.note(out.t('probe.progress.scenario', { title: out.t(`probe.scenario.${id}`) }));
    },
    note: (ref) => out.note(tr(out.lang, ref)),
  };
}

const MARK = { pass: '✔', fail: '✖', warn: '!', skip: '-' } as const;

function checkDoc(lang: Lang, c: ProbeCheck): Record<string, unknown> {
  const evidence = c.evidence.findings ? { ...c.evidence, findings: c.evidence.findings.map((f) => ({ ...f, message: tr(lang, f.message), fix: tr(lang, f.fix) })) } : c.evidence;
  return { id: c.id, status: c.status, message: render(lang, c.message), fix: c.fix ? render(lang, c.fix) : null, evidence };
}

export function present(result: ProbeResult, out: Output): void {
  out.result({
    target: result.target,
    emulator: result.emulator,
    appid: result.appid ?? null,
    scope: result.scope ?? null,
    endpoint: result.endpoint ?? null,
    rewroteOpenHost: result.rewroteOpenHost,
    strict: result.strict,
    checks: result.checks.map((c) => checkDoc(out.lang, c)),
    scenarios: result.scenarios.map((s) => ({ ...s, notes: s.notes.map((n) => tr(out.lang, n)) })),
    ...(result.html ? { html: result.html } : {}),
    ...(result.htmlRequested ? { htmlRequested: result.htmlRequested } : {}),
    ...(result.htmlError ? { htmlError: result.htmlError } : {}),
  });
  if (result.htmlRequested && result.html) out.warning('probe.html_file.elsewhere', out.t('probe.html_file.elsewhere', { file: result.htmlRequested, written: result.html }));
  else if (result.html && !result.htmlError) out.note(out.t('probe.report.html', { file: result.html }));
  if (!out.json) card(result, out);
  if (result.htmlError && result.html) out.failure(out.t('probe.html_file.failed', { file: result.html, detail: osReason({ code: result.htmlError }, 'write') }));
}

function card(result: ProbeResult, out: Output): void {
  const id = (s: string) => s;
  const style = out.stdout.isTTY === true ? out.style : { bold: id, red: id, yellow: id, green: id, dim: id, cyan: id };
  const colour = { pass: style.green, fail: style.red, warn: style.yellow, skip: style.dim } as const;
  out.data(style.bold(out.t('probe.report.title', { target: result.target })));
  if (result.appid) out.data(out.t('probe.report.app', { appid: result.appid, endpoint: result.endpoint ?? '', scope: result.scope ?? '' }));
  out.data('');
  const width = Math.max(...result.checks.map((c) => c.id.length));
  for (const c of result.checks) {
    out.data(`${colour[c.status](MARK[c.status])} ${c.id.padEnd(width)}  ${render(out.lang, c.message)}`);
    if (c.fix && c.status !== 'pass') out.data(`    ${style.dim(out.t('probe.report.fix'))}${out.lang === 'en' ? ' ' : ''}${render(out.lang, c.fix)}`);
    // authorize.url's findings, as `wxauth inspect` words them: what is wrong and what to do.
    if (c.status !== 'pass')
      for (const f of c.evidence.findings ?? []) {
        out.data(`    ${f.severity === 'error' ? style.red('✖') : style.yellow('!')} ${tr(out.lang, f.message)}`);
        out.data(`      ${style.dim(out.t('probe.report.fix'))}${out.lang === 'en' ? ' ' : ''}${tr(out.lang, f.fix)}`);
      }
    if (c.status === 'fail' && c.evidence.details?.excerpt) out.data(`    ${style.dim(out.t('probe.report.evidence'))}${out.lang === 'en' ? ' ' : ''}${String(c.evidence.details.excerpt)}`);
  }
  const count = (s: ProbeCheck['status']) => result.checks.filter((c) => c.status === s).length;
  out.data('');
  out.data(out.t('probe.report.summary', { pass: count('pass'), fail: count('fail'), warn: count('warn'), skip: count('skip') }));
  if (result.strict && count('warn') > 0) out.note(out.t('probe.report.strict'));
}

// ── the HTML page ───────────────────────────────────────────────────────────────────────────────

/**
 * Text for the page: its control characters and bidi/invisible marks written as escapes (`\x1b`,
 * `\u202e`) as the card shows them (Output.safe, ui/sanitize.ts), so `cat report.html` acts on no escape
 * sequence an app's page carried and a browser reorders no evidence; then HTML's own escapes.
 */
type Escape = (s: string) => string;

function htmlEscaper(out: Pick<Output, 'safe'>): Escape {
  return (s) => out.safe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const LANE = { browser: 90, app: 330, wechat: 570 } as const;

/**
 * The hop a WeChat call belongs after. The app calls WeChat while it answers a browser hop, so the call
 * (stamped when it ended) lies within that app hop's time; the first such hop is the one, since stamps
 * have millisecond resolution and a fast run can end the exchange in the millisecond the next page begins.
 * A call within no app hop goes after the last hop that began before it.
 */
function callSlot(hops: ScenarioRecord['hops'], ms: number): number {
  const owner = hops.findIndex((h) => h.to === 'app' && h.startMs <= ms && ms <= h.startMs + h.durationMs);
  if (owner >= 0) return owner;
  let last = -1;
  for (const [i, h] of hops.entries()) if (h.startMs <= ms) last = i;
  return last;
}

/** One SVG sequence diagram: each hop is an arrow browser → app/WeChat and its answer back; WeChat calls app → WeChat. */
function diagram(lang: Lang, s: ScenarioRecord, esc: Escape): string {
  // `at`: its time, as shown; `slot`: the hop a row belongs after (its own index for a hop), `ms` the order within it.
  type Row = { from: keyof typeof LANE; to: keyof typeof LANE; label: string; back?: string; at: number; ms: number; slot: number; bad?: boolean; answerOnly?: boolean };
  const rows: Row[] = [];
  for (const [i, h] of s.hops.entries()) {
    const to = h.to === 'emulator' ? 'wechat' : 'app';
    const path = h.url.replace(/^https?:\/\/[^/]+/, '');
    rows.push({
      from: 'browser',
      to,
      label: `${h.method} ${path.length > 60 ? path.slice(0, 57) + '…' : path}${h.to === 'blocked' ? ' ' + t(lang, 'probe.html.blocked') : ''}`,
      back: h.to === 'blocked' ? undefined : `${h.status || h.error || ''}${h.location ? ' → ' + h.location.replace(/^https?:\/\/[^/]+/, '').slice(0, 40) : ''} (${h.durationMs} ms)`,
      at: h.startMs,
      ms: Number.NEGATIVE_INFINITY,
      slot: i,
      bad: h.status >= 500 || h.status === 0,
    });
  }
  for (const c of s.wechat) {
    const ms = c.atMs ?? Number.POSITIVE_INFINITY;
    rows.push({ from: 'app', to: 'wechat', label: `${c.method} ${c.path}`, back: `${c.status}${c.errcode !== undefined ? ' errcode ' + c.errcode : ''}${c.fault ? ' [' + c.fault + ']' : ''}`, at: ms, ms, slot: callSlot(s.hops, ms), bad: c.errcode !== undefined && c.errcode !== 0 });
  }
  // Each call right after the hop that made it: an exchange between the callback hop and the page after it.
  rows.sort((a, b) => a.slot - b.slot || a.ms - b.ms);
  // A hop whose answer waited for WeChat calls is drawn in two: the request, the calls it made, then the
  // answer, so that a callback's 302 comes after the code exchange it caused, as it happened.
  for (let i = 0; i < rows.length; i++) {
    const hop = rows[i]!;
    if (hop.from !== 'browser' || hop.back === undefined) continue;
    let last = i;
    while (last + 1 < rows.length && rows[last + 1]!.slot === hop.slot && rows[last + 1]!.from === 'app') last++;
    if (last === i) continue;
    rows.splice(last + 1, 0, { ...hop, label: '', answerOnly: true });
    hop.back = undefined;
    i = last + 1;
  }
  const step = 44;
  const height = 60 + rows.length * step + 20;
  const parts: string[] = [];
  for (const [lane, x] of Object.entries(LANE)) {
    const title = lane === 'browser' ? t(lang, 'probe.html.browser') : lane === 'app' ? t(lang, 'probe.html.app') : t(lang, 'probe.html.wechat');
    parts.push(`<text x="${x}" y="20" text-anchor="middle" class="lane">${esc(title)}</text><line x1="${x}" y1="30" x2="${x}" y2="${height - 10}" class="life"/>`);
  }
  rows.forEach((r, i) => {
    const y = 56 + i * step;
    const x1 = LANE[r.from];
    const x2 = LANE[r.to];
    if (r.answerOnly) {
      parts.push(`<line x1="${x2}" y1="${y}" x2="${x1}" y2="${y}" class="res${r.bad ? ' bad' : ''}" marker-end="url(#arrow)"/>`);
      parts.push(`<text x="${Math.min(x1, x2) + 6}" y="${y + 13}" class="lbl dim">${esc(r.back ?? '')}</text>`);
      return;
    }
    const time = Number.isFinite(r.at) ? `+${r.at} ms ` : '';
    parts.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" class="req${r.bad ? ' bad' : ''}" marker-end="url(#arrow)"/>`);
    parts.push(`<text x="${Math.min(x1, x2) + 6}" y="${y - 5}" class="lbl">${esc(time + r.label)}</text>`);
    if (r.back !== undefined) {
      parts.push(`<line x1="${x2}" y1="${y + 14}" x2="${x1}" y2="${y + 14}" class="res${r.bad ? ' bad' : ''}" marker-end="url(#arrow)"/>`);
      parts.push(`<text x="${Math.min(x1, x2) + 6}" y="${y + 27}" class="lbl dim">${esc(r.back)}</text>`);
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="${height}" viewBox="0 0 700 ${height}" role="img"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>${parts.join('')}</svg>`;
}

/** A self-contained page (no scripts, no external resources): the checks, then a diagram per scenario. */
export function renderProbeHtml(report: ProbeReport, out: Pick<Output, 'lang' | 'safe'>): string {
  const lang = out.lang;
  const esc = htmlEscaper(out);
  const checks = report.checks
    .map((c) => `<tr class="${c.status}"><td>${MARK[c.status]}</td><td><code>${esc(c.id)}</code></td><td>${esc(render(lang, c.message))}${c.fix && c.status !== 'pass' ? `<div class="fix">${esc(t(lang, 'probe.report.fix'))} ${esc(render(lang, c.fix))}</div>` : ''}${c.status !== 'pass' && c.evidence.findings?.length ? `<ul>${c.evidence.findings.map((f) => `<li>${f.severity === 'error' ? '✖' : '!'} ${esc(tr(lang, f.message))}<div class="fix">${esc(t(lang, 'probe.report.fix'))} ${esc(tr(lang, f.fix))}</div></li>`).join('')}</ul>` : ''}${c.status === 'fail' && c.evidence.details?.excerpt ? `<div class="fix">${esc(t(lang, 'probe.report.evidence'))} <code>${esc(String(c.evidence.details.excerpt))}</code></div>` : ''}</td></tr>`)
    .join('');
  const scenarios = report.scenarios
    .map((s) => `<section><h3>${esc(t(lang, `probe.scenario.${s.id}`))} <small>${s.elapsedMs} ms</small></h3>${s.notes.map((n) => `<p class="note">${esc(tr(lang, n))}</p>`).join('')}${diagram(lang, s, esc)}</section>`)
    .join('');
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t(lang, 'probe.html.title'))}</title><style>
body{font:14px/1.5 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td{padding:4px 8px;vertical-align:top;border-bottom:1px solid #eee}
tr.fail td:first-child{color:#c00}tr.pass td:first-child{color:#080}tr.warn td:first-child{color:#b60}tr.skip{color:#888}.fix{color:#555;font-size:13px}
svg{border:1px solid #ddd;background:#fafafa;margin:.5em 0}.lane{font-weight:600;font-size:13px}.life{stroke:#bbb;stroke-dasharray:4 3}.req{stroke:#246}.res{stroke:#888;stroke-dasharray:3 2}.bad{stroke:#c00}.lbl{font:11px monospace;fill:#222}.dim{fill:#666}.note{color:#555;font-style:italic}
</style></head><body><h1>${esc(t(lang, 'probe.report.title', { target: report.target }))}</h1>${report.appid ? `<p>${esc(t(lang, 'probe.report.app', { appid: report.appid, endpoint: report.endpoint ?? '', scope: report.scope ?? '' }))}</p>` : ''}<h2>${esc(t(lang, 'probe.html.checks'))}</h2><table>${checks}</table><h2>${esc(t(lang, 'probe.html.scenarios'))}</h2>${scenarios}</body></html>\n`;
}

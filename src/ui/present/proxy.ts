// wxauth proxy: one live line per call on stderr (talk: the user watches it, scripts read --json), a
// highlighted line per detector hit with its fix, and on Ctrl-C the summary table on stdout (the run's
// data). With --json, stdout carries JSON lines instead: one per call, per hit, and the summary, for jq.
// Everything shown arrives masked from the flow (unless --show-secrets); this module only lays it out.
import type { ProxyResult } from '../../commands/proxy.js';
import type { DetectorHit, ObservedCall } from '../../core/proxy-detect.js';
import type { Output } from '../output.js';

export interface ProxyStarted {
  url: string;
  upstream: string;
  /** The address it listens on: anything but loopback is worth a warning. */
  host: string;
  showSecrets: boolean;
}

export interface ProxyHooks {
  started(info: ProxyStarted): void;
  call(call: ObservedCall): void;
  hit(hit: DetectorHit, call: ObservedCall): void;
}

/** A body or query on one line, cut to a length a terminal can take. */
function oneLine(text: string, max = 2000): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}… (${flat.length - max} more)` : flat;
}

function clock(time: number): string {
  const d = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function firstSentence(text: string): string {
  const cut = text.split(/(?<=[。；;.])\s*/)[0] ?? text;
  return cut.length > 80 ? cut.slice(0, 79) + '…' : cut;
}

export function proxyHooks(out: Output, options: { verbose: boolean }): ProxyHooks {
  const outcomeText = (call: ObservedCall): string => {
    if (call.outcome !== 'answered') return out.t(`proxy.line.${call.outcome}`, { failure: call.failure ?? '' });
    if (call.errcode === undefined) return out.style.green(out.t('proxy.line.ok'));
    const meaning = call.meaning ? ` ${firstSentence(call.meaning[out.lang])}` : '';
    return out.style.red(`${call.errcode}${meaning}`);
  };

  return {
    started({ url, upstream, host, showSecrets }) {
      if (out.json) {
        out.emit({ type: 'started', url, upstream });
        return;
      }
      out.success(out.t('proxy.started', { url, upstream }));
      out.say(out.t('proxy.aim', { url }));
      if (showSecrets) out.warn(out.t('proxy.unmasked'));
      else out.note(out.t('proxy.masked'));
      if (!['127.0.0.1', 'localhost', '::1'].includes(host)) out.warn(out.t('proxy.exposed', { host }));
      out.note(out.t('proxy.stopHint'));
    },

    call(call) {
      if (out.json) {
        out.emit({ type: 'call', ...call, time: new Date(call.time).toISOString() });
        return;
      }
      const parts = [
        out.style.dim(clock(call.time)),
        call.caller,
        `${call.method} ${call.endpoint}`,
        call.appid ?? '-',
        String(call.status ?? '-'),
        outcomeText(call),
        `${call.latencyMs} ms`,
      ];
      if (call.rid) parts.push(`rid ${call.rid}`);
      out.say(parts.join('  '));
      if (options.verbose) {
        if (call.query) out.say(out.style.dim(`    ? ${oneLine(call.query)}`));
        if (call.requestBody) out.say(out.style.dim(`    > ${oneLine(call.requestBody)}`));
        if (call.responseBody) out.say(out.style.dim(`    < ${oneLine(call.responseBody)}`));
      }
    },

    hit(hit) {
      const evidence = out.tr(hit.evidence);
      const fix = out.tr(hit.fix);
      if (out.json) {
        out.emit({ type: 'hit', id: hit.id, time: new Date(hit.time).toISOString(), call: hit.callId, endpoint: hit.endpoint, appid: hit.appid, evidence, fix, params: hit.evidence.params ?? {} });
        return;
      }
      out.say(out.style.yellow(out.style.bold(`  ⚑ [${hit.id}] `) + evidence));
      out.say(out.style.yellow(`    ${out.t('proxy.line.fix', { fix })}`));
    },
  };
}

/** After Ctrl-C: the summary per endpoint and the detector counts. */
export function present(result: ProxyResult, out: Output): void {
  const { summary } = result;
  if (out.json) {
    out.emit({ type: 'summary', url: result.url, upstream: result.upstream, ...summary, ...(result.har ? { har: result.har } : {}) });
    return;
  }
  out.say();
  out.say(out.t('proxy.stopped', { calls: summary.calls }));
  if (summary.endpoints.length === 0) out.note(out.t('proxy.summary.none'));
  else {
    out.table(
      [out.t('proxy.summary.endpoint'), out.t('proxy.summary.calls'), out.t('proxy.summary.errors'), out.t('proxy.summary.p50'), out.t('proxy.summary.p95')],
      summary.endpoints.map((e) => [
        e.endpoint,
        String(e.calls),
        [...Object.entries(e.errcodes).map(([code, n]) => `${code}×${n}`), ...Object.entries(e.failures).map(([kind, n]) => `${kind}×${n}`)].join(' ') || '-',
        `${e.p50Ms} ms`,
        `${e.p95Ms} ms`,
      ]),
      'stdout',
    );
  }
  const fired = Object.entries(summary.detectors);
  out.say(fired.length === 0 ? out.t('proxy.summary.noDetectors') : out.t('proxy.summary.detectors', { list: fired.map(([id, n]) => `${id}×${n}`).join(', ') }));
  if (result.har) {
    if (result.har.error) out.warn(out.t('proxy.har.failed', { file: result.har.file, detail: result.har.error }));
    else out.note(out.t('proxy.har.written', { file: result.har.file, count: result.har.count }));
  }
}

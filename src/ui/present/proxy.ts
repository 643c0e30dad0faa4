// wxauth proxy: one live line per call on stderr (talk: the user watches it, scripts read --json), a
// highlighted line per detector hit with its fix, and on Ctrl-C the summary table on stdout (the run's
// data). With --json, stdout carries JSON lines instead: one per call, per hit, and the summary, for jq.
// Everything shown arrives masked from the flow (unless --show-secrets); this module only lays it out.
//
// The live lines are written together, at most every 50 ms, not once per call (../live-lines.ts).
import path from 'node:path';
import type { HarAtExit, ProxyResult } from '../../commands/proxy.js';
import type { DetectorHit, ObservedCall } from '../../core/proxy-detect.js';
import { osReason, type MessageRef } from '../../errors.js';
import type { Blocked, PassedThrough, RefusedHandshake } from '../../flows/proxy/server.js';
import type { Output } from '../output.js';
import { liveLines } from '../live-lines.js';
import { formatLocalTime, hostInText, joinText } from '../format.js';

export interface ProxyStarted {
  url: string;
  /** With --host 0.0.0.0: a real address of this machine for the lines callers copy (0.0.0.0 cannot be dialled). */
  reach?: string;
  upstream: string;
  /** The upstream's path, when it has one (every call is sent under it), and its origin alone. */
  upstreamPath?: { path: string; origin: string };
  /** The address it listens on: anything but loopback is worth a warning. */
  host: string;
  showSecrets: boolean;
  /** --intercept: the CA and the hosts it decrypts. */
  intercept?: { certPath: string; keyPath: string; created: boolean; outdated: boolean; hosts: string[]; upstream?: string };
}

export interface ProxyHooks {
  started(info: ProxyStarted): void;
  call(call: ObservedCall): void;
  hit(hit: DetectorHit, call: ObservedCall): void;
  passed(info: PassedThrough): void;
  refused(info: RefusedHandshake): void;
  blocked(info: Blocked): void;
  /** The upstream did not take a connection at start (commands/proxy.ts): calls get 502 until it does. */
  /** `given`: the upstream came from --upstream (else it is WeChat's API host, --region's or the default). */
  upstreamDown(info: { upstream: string; code: string; given: boolean }): void;
  /** Ctrl-C came while `calls` still waited for the upstream: they get a second, and a second Ctrl-C quits at once. */
  stopping(info: { calls: number; har: boolean }): void;
  /** A second Ctrl-C quit at once (from the process's exit event: synchronous), the HAR written of what was recorded. */
  quitAtOnce(info: { har: HarAtExit }): void;
  /** Write what is still queued (before the summary, and on the way out). */
  flush(): void;
}

/** A body or query on one line, cut to a length a terminal can take. */
function oneLine(text: string, max = 2000): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}… (${flat.length - max} more)` : flat;
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * A hit's params for --json: each caller as its address, as before callers were named, with what names
 * it beside (`issuer_process: {pid, command}`, with `shared_by`, every pid holding the connection, when
 * several do; `issuer_agent`), so a script reading `.params.issuer` keeps
 * working.
 */
function jsonParams(params: MessageRef['params']): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    const ref = value as { key?: unknown; params?: Record<string, unknown> } | null;
    if (ref === null || typeof ref !== 'object' || typeof ref.key !== 'string' || !ref.key.startsWith('proxy.caller.')) {
      doc[name] = value;
      continue;
    }
    const p = ref.params ?? {};
    doc[name] = p.address;
    if (p.pid !== undefined) doc[`${name}_process`] = { pid: p.pid, command: p.command, ...(Array.isArray(p.pids) ? { shared_by: p.pids.map(Number) } : {}) };
    if (p.agent !== undefined) doc[`${name}_agent`] = p.agent;
  }
  return doc;
}

/** Whether a hit names a caller by its address and port (no process known): one connection, not a process. */
function namesConnection(params: MessageRef['params']): boolean {
  return Object.values((params ?? {}) as Record<string, unknown>).some((value) => {
    const key = (value as { key?: unknown } | null)?.key;
    return key === 'proxy.caller.agent' || key === 'proxy.caller.port';
  });
}

/**
 * A detector message's params with its ISO UTC times (issued, refetched…) as local time, `2026-12-04
 * 02:04:27`; a later one on the same day as the one before it by its time alone (`… and again at 02:04:31`).
 */
function localTimes(params: MessageRef['params']): Record<string, string | number> | undefined {
  if (!params) return undefined;
  let day: string | undefined;
  return Object.fromEntries(
    Object.entries(params as Record<string, string | number>).map(([k, v]) => {
      if (typeof v !== 'string' || !ISO_UTC.test(v)) return [k, v];
      const local = formatLocalTime(Date.parse(v));
      const [date, time] = local.split(' ');
      const shown = date === day ? time! : local;
      day = date;
      return [k, shown];
    }),
  );
}

function clock(time: number): string {
  const d = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** Characters of a redirect's Location on a call's line (--json and the HAR keep it whole). */
const LOCATION_MAX = 200;

/** Characters of an errcode's meaning on a call's line. */
const MEANING_MAX = 80;

/**
 * An errcode's meaning as the call's line shows it: what the code means, not what to do. The first
 * sentence, without the advice WeChat's Chinese table texts add after it (`不合法的 access_token ，请开发者认真
 * 比对…`: the English column is the bare meaning; `wxauth errcode` shows the whole text); cut, when still
 * too long, where a clause ends, never inside a word.
 */
function liveMeaning(text: string): string {
  let cut = (text.split(/(?<=[。；;])|(?<=\.)(?=\s|$)/)[0] ?? text).trim();
  cut = cut.replace(/\s*[，,]\s*(?:请|please\b).*$/i, '').replace(/\s*[；;，,]$/, '');
  if (cut.length <= MEANING_MAX) return cut;
  const head = cut.slice(0, MEANING_MAX - 1);
  const end = Math.max(head.lastIndexOf('，'), head.lastIndexOf(', '), head.lastIndexOf('（'), head.lastIndexOf(' ('), head.lastIndexOf('、'));
  return `${end >= MEANING_MAX / 2 ? head.slice(0, end) : head.replace(/\s+\S*$/, '')}…`;
}

export function proxyHooks(out: Output, options: { verbose: boolean }): ProxyHooks {
  const outcomeText = (call: ObservedCall): string => {
    if (call.outcome !== 'answered') return out.t(`proxy.line.${call.outcome}`, { failure: call.failure ?? '' });
    // JSON behind a byte-order mark: "not JSON" beside a body that reads as JSON leaves nothing to go on.
    if (call.bom) return out.style.red(call.errcode === undefined ? out.t('proxy.line.notJson.bom') : out.t('proxy.line.notJson.bom.errcode', { errcode: call.errcode }));
    // An answer without a WeChat body (a 502 from a gateway, a captive portal's 200 page) is not "ok".
    if (call.errcode === undefined) {
      // A redirect says where it goes: WeChat's API never redirects, a captive portal or a gateway's login does;
      // the authorize page's 302 (ok) goes to the redirect_uri, the first thing to check on a 10003. A
      // relative Location is shown resolved, and said to be.
      if (call.location !== undefined && call.status !== undefined) {
        const key = `proxy.line.${call.answer === 'ok' ? 'redirected' : 'redirect'}${call.locationResolved !== undefined ? '.relative' : ''}` as const;
        const text = out.t(key, { status: call.status, location: out.safe(oneLine(call.locationResolved ?? call.location, LOCATION_MAX)) });
        return call.answer === 'ok' ? out.style.green(text) : out.style.red(text);
      }
      if (call.answer === 'ok') return out.style.green(out.t('proxy.line.ok'));
      const text = answerText(out, call.answer);
      return call.answer === 'too_large' ? out.style.yellow(text) : out.style.red(text);
    }
    const meaning = call.meaning ? ` ${liveMeaning(call.meaning[out.lang])}` : '';
    return out.style.red(`${call.errcode}${meaning}`);
  };

  const { say, emitLine, flush } = liveLines(out);
  /** Whether a hit has said yet that a caller's port is one connection's (said once, not per caller). */
  let portNoted = false;

  return {
    flush,

    started({ url, reach, upstream, upstreamPath, host, showSecrets, intercept }) {
      if (out.json) {
        out.emit({ type: 'started', url, upstream, ...(intercept ? { intercept: { ca: intercept.certPath, created: intercept.created, hosts: intercept.hosts, upstream: intercept.upstream ?? null } } : {}) });
        return;
      }
      out.success(out.t('proxy.started', { url, upstream }));
      if (intercept) {
        const u = new URL(reach ?? url);
        const bundle = path.join(path.dirname(intercept.certPath), 'proxy-ca-bundle.pem');
        out.say(out.t('proxy.intercept.started', { hosts: intercept.hosts, where: intercept.upstream ?? out.t('proxy.intercept.realHosts') }));
        out.say(out.t(intercept.created ? 'proxy.intercept.ca.created' : 'proxy.intercept.ca.reused', { cert: intercept.certPath, key: intercept.keyPath }));
        if (intercept.outdated) outdatedCaWarning(out, intercept.certPath, intercept.keyPath);
        out.say(out.t('proxy.intercept.env'));
        out.say(`  export HTTPS_PROXY=${u.origin} HTTP_PROXY=${u.origin} NO_PROXY=localhost,127.0.0.1`);
        out.say(out.t('proxy.intercept.trust'));
        out.say(out.t('proxy.intercept.trust.node', { cert: intercept.certPath }));
        out.say(out.t('proxy.intercept.trust.java', { cert: intercept.certPath, host: u.hostname, port: u.port }));
        out.say(out.t('proxy.intercept.trust.php', { bundle }));
        out.say(out.t('proxy.intercept.trust.python', { bundle }));
        out.say(out.t('proxy.intercept.trust.go', { bundle }));
        out.note(out.t('proxy.intercept.bundle', { cert: intercept.certPath, bundle }));
      } else out.say(out.t('proxy.aim', { url: reach ?? url }));
      // A path on the upstream comes before every call's own: `/sns` there makes /sns/sns/oauth2/access_token
      // (40066). WeChat's hosts take none; a gateway under a path may.
      if (upstreamPath) out.warn(out.t('proxy.upstream.path', { prefix: upstreamPath.path, example: `${upstreamPath.path}/sns/oauth2/access_token`, origin: upstreamPath.origin }));
      if (showSecrets) out.warn(out.t('proxy.unmasked'));
      else out.note(out.t('proxy.masked'));
      if (!['127.0.0.1', 'localhost', '::1'].includes(host)) out.warn(out.t(intercept ? 'proxy.intercept.exposed' : 'proxy.exposed', { host: hostInText(host) }));
      out.note(out.t('proxy.stopHint'));
    },

    passed(info) {
      if (!options.verbose && !info.failure) return;
      if (out.json) {
        emitLine({ type: 'passed', ...info });
        return;
      }
      const line = info.failure
        ? out.t('proxy.intercept.passedFailed', { caller: info.caller, target: info.target, failure: info.failure })
        : out.t(info.kind === 'tunnel' ? 'proxy.intercept.passed' : 'proxy.intercept.passedHttp', { caller: info.caller, target: info.target });
      say(out.style.dim(line));
    },

    stopping({ calls, har }) {
      // Not a JSON line: the summary says the rest. Said only when the wait is real, so that a second
      // Ctrl-C, which exits at once (main.ts), is not pressed without knowing what it costs.
      if (out.json) return;
      say(out.t(har ? 'proxy.stopping.har' : 'proxy.stopping', { calls }));
    },

    quitAtOnce({ har }) {
      // From the exit event: nothing queued may wait for a timer, so everything is flushed here.
      if (out.json) emitLine({ type: 'quit', har });
      else {
        const head = out.t('proxy.quit');
        if (har.error) say(out.marked('warn', joinText(out.lang, head, out.t('proxy.har.failed', { file: har.file, detail: osReason({ code: har.error }, 'write') }))));
        else if (har.requested) say(out.marked('warn', joinText(out.lang, head, out.t('proxy.har.elsewhere', { file: har.requested, written: har.file, count: har.count }))));
        else if (har.left > 0) say(out.marked('warn', joinText(out.lang, head, out.t('proxy.quit.harLeft', { file: har.file, count: har.count, left: har.left }))));
        else say(out.marked('note', joinText(out.lang, head, out.t('proxy.har.written', { file: har.file, count: har.count }))));
      }
      flush();
    },

    upstreamDown({ upstream, code, given }) {
      if (out.json) {
        emitLine({ type: 'upstream_down', upstream, code });
        return;
      }
      // Without --upstream there is no --upstream to check: it is this machine that cannot reach WeChat.
      say(out.marked('warn', out.t(given ? 'proxy.upstream.down' : 'proxy.upstream.down.wechat', { upstream, reason: osReason({ code }) })));
    },

    blocked(info) {
      if (out.json) {
        emitLine({ type: 'blocked', ...info });
        return;
      }
      if (info.reason === 'connect') say(out.marked('warn', out.t('proxy.blocked.connect', { caller: info.caller, target: info.target, base: info.base ?? '' })));
      else if (info.reason === 'control' && info.target === '/') say(out.marked('warn', out.t('proxy.blocked.control.page', { caller: info.caller, target: info.target })));
      else say(out.marked('warn', out.t(`proxy.blocked.${info.reason}`, { caller: info.caller, target: info.target })));
    },

    refused(info) {
      if (out.json) {
        emitLine({ type: 'refused', ...info });
        return;
      }
      const { host, caller, detail } = info;
      const key = info.closed ? 'proxy.intercept.closed' : info.cause === 'plain_http' ? 'proxy.intercept.refused.plain_http' : info.cause === 'old_tls' ? 'proxy.intercept.refused.old_tls' : info.cause === 'other' ? 'proxy.intercept.refused.other' : 'proxy.intercept.refused';
      say(out.marked('warn', out.t(key, { host, caller, detail })));
    },

    call(call) {
      if (out.json) {
        emitLine({ type: 'call', ...call, time: new Date(call.time).toISOString() });
        return;
      }
      // The appid is the caller's to choose, decoded from the query or a JSON body: a `%0a` in it must not
      // start a line of its own that reads as another call (the line keeps its own newlines, not its values').
      const parts = [
        out.style.dim(clock(call.time)),
        out.safe(call.caller),
        `${call.method} ${out.safe(call.endpoint)}`,
        call.appid === undefined ? '-' : out.safe(call.appid),
        String(call.status ?? '-'),
        outcomeText(call),
        `${call.latencyMs} ms`,
      ];
      if (call.rid) parts.push(`rid ${out.safe(call.rid)}`);
      say(parts.join('  '));
      if (options.verbose) {
        if (call.query) say(out.style.dim(`    ? ${oneLine(call.query)}`));
        if (call.requestBody) say(out.style.dim(`    > ${oneLine(call.requestBody)}`));
        if (call.responseBody) say(out.style.dim(`    < ${oneLine(call.responseBody)}`));
        else if (call.responseBodyTooLarge) say(out.style.dim(`    < ${out.t('proxy.line.tooLarge', { size: call.responseBodySize })}`));
      }
    },

    hit(hit) {
      // The human line shows times as local wall-clock time (the call lines' clock is local too);
      // --json keeps the detector's ISO UTC.
      const evidence = out.json ? out.tKey(hit.evidence.key, answerParam(out, hit.evidence.params)) : out.tKey(hit.evidence.key, localTimes(answerParam(out, hit.evidence.params)));
      const fix = out.tr(hit.fix);
      if (out.json) {
        emitLine({ type: 'hit', id: hit.id, time: new Date(hit.time).toISOString(), call: hit.callId, endpoint: hit.endpoint, appid: hit.appid, evidence, fix, params: jsonParams(hit.evidence.params) });
        return;
      }
      say(out.style.yellow(out.style.bold(`  ⚑ [${hit.id}] `) + evidence));
      say(out.style.yellow(`    ${out.t('proxy.line.fix', { fix })}`));
      if (!portNoted && namesConnection(hit.evidence.params)) {
        portNoted = true;
        say(out.style.dim(`    ${out.t('proxy.caller.portNote')}`));
      }
    },
  };
}

/** An earlier wxauth's CA: still used (replacing it would break every trust store that has it), with how to get a constrained one. */
function outdatedCaWarning(out: Output, cert: string, key: string): void {
  out.warning('proxy.ca.outdated', out.t('proxy.ca.outdated', { cert, key }));
}

/**
 * A failure kind of the summary (core/proxy-stats.ts: an outcome, `http_502`, `not_json`…) in the user's
 * language; English keeps the names --json uses.
 */
function failureLabel(out: Output, kind: string): string {
  const http = /^http_(\d+)$/.exec(kind);
  if (http) return out.t('proxy.summary.failure.http', { status: http[1]! });
  if (SUMMARY_FAILURES.has(kind)) return out.t(`proxy.summary.failure.${kind as SummaryFailure}`);
  return kind;
}

const SUMMARY_FAILURE_KINDS = ['unreachable', 'timeout', 'reset', 'aborted', 'stopped', 'not_json', 'not_object', 'empty', 'too_large'] as const;
type SummaryFailure = (typeof SUMMARY_FAILURE_KINDS)[number];
const SUMMARY_FAILURES: ReadonlySet<string> = new Set(SUMMARY_FAILURE_KINDS);
/** The labels of an answer that is not WeChat's JSON, as a call's line words them. */
const LINE_WORDS: Readonly<Record<string, 'proxy.line.notJson' | 'proxy.line.notObject' | 'proxy.line.empty' | 'proxy.line.unread'>> = {
  not_json: 'proxy.line.notJson',
  not_object: 'proxy.line.notObject',
  empty: 'proxy.line.empty',
  too_large: 'proxy.line.unread',
};

/**
 * A call's answer label (core/proxy-detect.ts answerOf) in words, as its line says it: `ok`, the errcode,
 * `HTTP 500, no errcode`, `not JSON, no errcode`…; a call that got no answer as the summary names it (timeout).
 */
function answerText(out: Output, answer: string): string {
  if (answer === 'ok') return out.t('proxy.line.ok');
  if (/^-?\d+$/.test(answer)) return answer;
  const http = /^http_(\d+)$/.exec(answer);
  if (http) return out.t('proxy.line.httpError', { status: Number(http[1]) });
  const words = Object.hasOwn(LINE_WORDS, answer) ? LINE_WORDS[answer] : undefined;
  if (words !== undefined) return out.t(words);
  return failureLabel(out, answer);
}

/** A hit's params with its `answer` (a label: code.reused, token.retried) in words; --json keeps the label. */
function answerParam(out: Output, params: MessageRef['params']): MessageRef['params'] {
  const answer = (params as Record<string, unknown> | undefined)?.answer;
  return typeof answer === 'string' ? ({ ...params, answer: answerText(out, answer) } as MessageRef['params']) : params;
}

/** After Ctrl-C: the summary per endpoint and the detector counts. */
export function present(result: ProxyResult, out: Output): void {
  if (result.kind === 'ca') {
    // The certificate only: `wxauth proxy --print-ca > ca.pem` leaves a PEM file and nothing else.
    if (out.json) out.emit({ type: 'ca', path: result.certPath, created: result.created, pem: result.certPem });
    else {
      out.data(result.certPem.trimEnd());
      out.note(out.t(result.created ? 'proxy.intercept.ca.created' : 'proxy.intercept.ca.reused', { cert: result.certPath, key: result.keyPath }));
      if (result.outdated) outdatedCaWarning(out, result.certPath, result.keyPath);
    }
    for (const warning of result.warnings) out.warning(warning.key, out.tr(warning));
    return;
  }
  const { summary } = result;
  if (out.json) {
    out.emit({ type: 'summary', url: result.url, upstream: result.upstream, ...summary, ...(result.har ? { har: result.har } : {}) });
    return;
  }
  out.say();
  out.say(summary.unanswered > 0 ? out.t('proxy.stopped.unanswered', { calls: summary.calls, unanswered: summary.unanswered }) : out.t('proxy.stopped', { calls: summary.calls }));
  if (summary.endpoints.length === 0) out.note(out.t('proxy.summary.none'));
  else {
    out.table(
      [out.t('proxy.summary.endpoint'), out.t('proxy.summary.calls'), out.t('proxy.summary.errors'), out.t('proxy.summary.p50'), out.t('proxy.summary.p95')],
      summary.endpoints.map((e) => [
        e.other ? out.t('proxy.summary.other') : e.endpoint,
        String(e.calls),
        [...Object.entries(e.errcodes).map(([code, n]) => `${code}×${n}`), ...Object.entries(e.failures).map(([kind, n]) => `${failureLabel(out, kind)}×${n}`)].join(out.lang === 'zh' ? '、' : ' ') || '-',
        `${e.p50Ms} ms`,
        `${e.p95Ms} ms`,
      ]),
      'stdout',
    );
  }
  const other = summary.endpoints.find((e) => e.other);
  if (other && summary.endpointLimit !== undefined) out.note(out.t('proxy.summary.otherNote', { limit: summary.endpointLimit, calls: other.calls }));
  const fired = Object.entries(summary.detectors);
  out.say(fired.length === 0 ? out.t('proxy.summary.noDetectors') : out.t('proxy.summary.detectors', { list: fired.map(([id, n]) => `${id}×${n}`) }));
  if (result.har) {
    if (result.har.error) out.warn(out.t('proxy.har.failed', { file: result.har.file, detail: osReason({ code: result.har.error }, 'write') }));
    else if (result.har.requested) out.warn(out.t('proxy.har.elsewhere', { file: result.har.requested, written: result.har.file, count: result.har.count }));
    else out.note(out.t('proxy.har.written', { file: result.har.file, count: result.har.count }));
  }
}

// wxauth listen, and the callback listener wherever it runs (listen, login): the listening banner, a
// countdown on stderr (rewritten in place only on a terminal), one line per hit, the duplicate warning,
// then the code and state on stdout — or, with --relay-snippet, the forwarding page on stdout.
import type { ExpectedState, ListenHooks, ListenResult } from '../../commands/listen.js';
import type { CallbackWait } from '../../flows/callback.js';
import type { CallbackHit, CallbackResult } from '../../listener/index.js';
import type { Output } from '../output.js';
import { formatDeadline, formatDuration, isoTime, joinText } from '../format.js';
import { liveLines, type LiveLines } from '../live-lines.js';
import { present as presentExchange, stateUseSaid } from './exchange.js';

/** A code shown in a log: its first 6 characters, unless --show-secrets. */
export function maskCode(code: string | undefined, showSecrets: boolean): string | undefined {
  if (code === undefined) return undefined;
  if (showSecrets || code.length <= 6) return code;
  return code.slice(0, 6) + '…';
}

/** A line that rewrites itself on a terminal ("Waiting… 4m59s left"); silent when stderr is not a TTY. */
export class Countdown {
  private timer: NodeJS.Timeout | undefined;
  private shown = false;

  constructor(
    private readonly out: Output,
    private readonly deadline: number,
    private readonly now: () => number,
  ) {}

  start(): void {
    if (!this.out.stderrIsTTY || this.out.json) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((this.deadline - this.now()) / 1000) * 1000);
      this.out.stderr.write('\r\u001b[K' + this.out.terminalLine(this.out.style.dim(this.out.t('listen.countdown', { left: formatDuration(left, this.out.lang) }))));
      this.shown = true;
    };
    tick();
    this.timer = setInterval(tick, 1000);
    this.timer.unref();
  }

  /** Clear the countdown line so a normal line can be printed; the next tick redraws it. */
  clear(): void {
    if (this.shown) {
      this.out.stderr.write('\r\u001b[K');
      this.shown = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}

/** The countdown and the hit lines of one wait, shared by listen and login. Hit lines are written
 * together, at most every 50 ms (../live-lines.ts: a listener flooded with stale callbacks spent much
 * of its time on one stderr write per hit), the countdown line cleared first; a code's line is written
 * at once, and the end of the wait writes what is left, then stops the countdown. */
export class WaitDisplay {
  private countdown: Countdown | undefined;
  private readonly lines: LiveLines;

  constructor(private readonly out: Output) {
    this.lines = liveLines(out, { beforeWrite: () => this.countdown?.clear() });
  }

  start(wait: CallbackWait): void {
    this.countdown = new Countdown(this.out, wait.deadline, wait.now);
    this.countdown.start();
  }

  hit(hit: CallbackHit): void {
    for (const line of hitLines(this.out, hit)) this.lines.say(line);
    // The code is what the user waits for, and an exchange may print right after it.
    if (hit.kind === 'code') this.lines.flush();
  }

  /** A line said among the hits, at once (after those before it, the countdown cleared first). */
  say(line: string): void {
    this.lines.say(line);
    this.lines.flush();
  }

  stop(): void {
    this.lines.flush();
    this.countdown?.stop();
  }
}

/** Local wall-clock time with milliseconds: two hits of one duplicate are often milliseconds apart. */
function clock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

// A hit's line is the same sentence for every hit of one kind and User-Agent but for its number and
// time. A flood of callbacks rendered, sanitised and styled it again for each (about a tenth of the
// listener's CPU per hit, issue 19); it is made once per shape, with these private-use characters
// (never in a catalogue text, left as they are by sanitize) where the number and time go. Bounded: the
// User-Agent comes from the request.
const SEQ_SLOT = '\uE000';
const TIME_SLOT = '\uE001';
const KEPT_SHAPES = 32;
const lineShapes = new WeakMap<Output, Map<string, string>>();

function hitLine(out: Output, hit: CallbackHit & { kind: Exclude<CallbackHit['kind'], 'wrong_host' | 'head'> }): string {
  const ua = hit.userAgent ?? '-';
  const mark = hit.kind === 'code' ? 'success' : hit.kind === 'duplicate' || hit.kind === 'invalid' || hit.kind === 'state_only' ? 'warn' : 'failure';
  // A code refused for carrying no state at all is said as such, not as "another state"; a state-only
  // callback of a snsapi_base link (no consent page) as a code lost, not a refusal.
  const kind = hit.kind === 'state_mismatch' && hit.spent === true ? 'state_used' : hit.kind === 'state_mismatch' && hit.code !== undefined && hit.state === undefined ? 'state_missing' : hit.kind === 'denied' && hit.verdict === 'lost_code' ? 'denied.base' : hit.kind;
  // A User-Agent carrying the slot characters itself is rendered the plain way.
  if (ua.includes(SEQ_SLOT) || ua.includes(TIME_SLOT)) return out.marked(mark, out.t(`listen.hit.${kind}`, { seq: hit.seq, time: clock(hit.at), ua }));
  let shapes = lineShapes.get(out);
  if (shapes === undefined) lineShapes.set(out, (shapes = new Map()));
  const key = `${kind} ${ua}`;
  let shape = shapes.get(key);
  if (shape === undefined) {
    shape = out.marked(mark, out.tKey(`listen.hit.${kind}`, { seq: SEQ_SLOT, time: TIME_SLOT, ua }));
    if (shapes.size >= KEPT_SHAPES) shapes.delete(shapes.keys().next().value!);
    shapes.set(key, shape);
  }
  return shape.replace(SEQ_SLOT, String(hit.seq)).replace(TIME_SLOT, clock(hit.at));
}

/** One line per hit, marked as out.success / warn / failure mark theirs, with WeChat's hop markers when present. */
export function hitLines(out: Output, hit: CallbackHit): string[] {
  // Numbered like every other hit: it took a number, and a gap (#3, then #5) reads as a line lost.
  if (hit.kind === 'wrong_host') return [out.marked('warn', out.t('listen.hit.wrong_host', { seq: hit.seq, time: clock(hit.at), host: hit.hostHeader ?? '' }))];
  // A HEAD takes nothing: one dim line, so "nothing happened" is not what the user sees.
  if (hit.kind === 'head') return [out.marked('note', out.t(hit.bare ? 'listen.hit.head.bare' : hit.noCode ? (hit.state !== undefined ? 'listen.hit.head.stateOnly' : 'listen.hit.head.noCode') : 'listen.hit.head', { seq: hit.seq, time: clock(hit.at), ua: hit.userAgent ?? '-' }))];
  const lines = [hitLine(out, hit as CallbackHit & { kind: Exclude<CallbackHit['kind'], 'wrong_host' | 'head'> })];
  if (hit.markers.length > 0) lines.push(out.marked('note', out.t('listen.hit.markers', { markers: hit.markers })));
  return lines;
}

/** What happened besides the one code: duplicates (the 40163 trap), extra codes, ignored junk. */
export function presentAftermath(out: Output, result: CallbackResult): void {
  if (result.pastedAmongWords) out.note(out.t('listen.paste.amongWords'));
  if (result.pastedJoined) out.note(out.t('listen.paste.joined'));
  if (result.pastedFullwidth) out.note(out.t('tokens.exchange.input.cleaned.fullwidth'));
  if (result.bareCode) out.warning('listen.paste.bareCode', out.t('listen.paste.bareCode'));
  const duplicates = result.counts.duplicate ?? result.duplicates.length;
  if (duplicates > 0) {
    out.warning('listen.duplicate', out.t('listen.duplicate', { count: duplicates + 1 }));
    if (result.duplicates.some((d) => d.markers.some((m) => m === 'uin' || m === 'pass_ticket'))) {
      out.note(out.t('listen.duplicate.markers'));
    }
  }
  if (result.codes.length > 1) out.warning('listen.extraCodes', out.t('listen.extraCodes', { count: result.codes.length - 1 }));
  if (result.ignored > 0) out.note(out.t('listen.ignored', { count: result.ignored }));
  if (result.hitsOmitted > 0) {
    const counts = Object.entries(result.counts).map(([kind, n]) => `${kind} ${n}`);
    const total = Object.values(result.counts).reduce((a, n) => a + (n ?? 0), 0);
    out.note(out.t('listen.hitsOmitted', { total, counts, kept: result.hits.length }));
  }
}

/** The hit counts for --json: every hit counted by kind, and how many are not listed. */
export function hitCountsForJson(result: CallbackResult): Record<string, unknown> {
  return { hit_counts: { ...result.counts }, hits_omitted: result.hitsOmitted };
}

/**
 * What a `denied` hit (our state, no code) means, for --json, as inspect's params.verdict says it:
 * `verdict` (lost_code: a snsapi_base link, no refusal; refused_consent; refused_qr: a QR login cancelled
 * on the phone), absent when the link is not known; kind stays "denied" and no_consent_page stays for
 * older readers. One helper for listen's and login's hit events and the document's hits.
 */
export function verdictJson(verdict: CallbackHit['verdict']): Record<string, unknown> {
  if (verdict === undefined) return {};
  return { verdict, ...(verdict === 'lost_code' ? { no_consent_page: true } : {}) };
}

/** Hits for --json, codes masked unless --show-secrets. */
export function hitsForJson(hits: CallbackHit[], showSecrets: boolean): Array<Record<string, unknown>> {
  return hits.map((h) => ({
    seq: h.seq,
    time: h.time,
    kind: h.kind,
    user_agent: h.userAgent,
    remote_address: h.remoteAddress,
    ...(h.code !== undefined ? { code: maskCode(h.code, showSecrets) } : {}),
    ...(h.state !== undefined ? { state: h.state } : {}),
    ...(h.markers.length > 0 ? { markers: h.markers } : {}),
    ...(h.firstSeq !== undefined ? { first_seq: h.firstSeq } : {}),
    ...verdictJson(h.verdict),
  }));
}

function expectedStateLine(out: Output, expected: ExpectedState | undefined): void {
  if (!expected) {
    out.warning('listen.state.unchecked', out.t('listen.state.unchecked'));
    return;
  }
  const source =
    expected.source === 'flag'
      ? out.t('listen.state.source.flag')
      : out.t('listen.state.source.remembered', { ago: formatDuration(expected.now - expected.issuedAt, out.lang) });
  out.note(out.t('listen.state.expected', { state: expected.state, source }));
  if (expected.source === 'remembered' && expected.used) spentWarning(out, expected);
}

/** The remembered state was used already: said at start, so a refused old tab is no surprise. */
function spentWarning(out: Output, expected: Extract<ExpectedState, { source: 'remembered' }>): void {
  const used = expected.used!;
  // What the file records of the use, each case in its own words (stateUseSaid), never guessed.
  out.warning('listen.state.spent', out.t('listen.state.spent', { state: expected.state, use: stateUseSaid(used), p: used.profileFlag }));
}

/** The `waiting` event of login/listen --json: where the listener is (port 0 resolved) and for how long. */
export function waitingEvent(wait: CallbackWait): { event: 'waiting' } & Record<string, unknown> {
  const { listener } = wait;
  return { event: 'waiting', url: listener.url, host: listener.host, port: listener.port, path: listener.path, timeout_seconds: Math.round(wait.timeoutMs / 1000) };
}

/** The port-mismatch warning (a warning the --json document lists too). */
function mismatchWarning(out: Output, m: Parameters<ListenHooks['onMismatch']>[0], here: Parameters<ListenHooks['onMismatch']>[1]): void {
  out.warning(
    'listen.redirect.mismatch',
    out.t('listen.redirect.mismatch', {
      uri: m.redirectUri,
      there: `:${m.port ?? here.port}${m.path ?? here.path}`,
      here: here.port === 0 ? out.t('listen.port.random', { path: here.path }) : `:${here.port}${here.path}`,
    }),
  );
}

/** The redirect_uri names a LAN address this machine does not have (listen and login). */
export function elsewhereWarning(out: Output, e: Parameters<ListenHooks['onElsewhere']>[0]): void {
  out.warning(
    'listen.redirect.elsewhere',
    e.use
      ? out.t('listen.redirect.elsewhere', { uri: e.redirectUri, host: e.host, here: e.here, use: e.use })
      : out.t('listen.redirect.elsewhere.none', { uri: e.redirectUri, host: e.host }),
  );
}

/** Why the configured redirect_uri gave no port and path: not local, or (`http` given) local but https. */
function notLocalNote(out: Output, uri: string, http: string | undefined): void {
  out.note(http ? out.t('listen.redirect.httpsLocal', { uri, http }) : out.t('listen.redirect.notLocal', { uri }));
}

/** Where the listener is: on a wildcard bind (--host 0.0.0.0, or a LAN redirect_uri) say it is reachable from the network. */
export function listeningLine(out: Output, listener: { url: string; host: string; port: number }): string {
  const url = out.style.bold(listener.url);
  return listener.host === '0.0.0.0' || listener.host === '::' ? out.t('listen.listening.all', { host: listener.host, port: listener.port, url }) : out.t('listen.listening', { url });
}

/**
 * --paste on a terminal: the question and what the lines pasted so far are, on stderr; with --json, whose
 * stderr is JSON Lines only, as events (`paste_prompt`, `paste_refused`, `paste_empty`, `paste_more`; an
 * address cut short followed by another is a warning).
 */
function pasteHooks(out: Output): Pick<ListenHooks, 'onPastePrompt' | 'onPasteRefused' | 'onPasteEmpty' | 'onPasteMore' | 'onPasteNewAddress'> {
  // Said with the verdict, whatever it is (a warning, so --json's warnings[] has it too).
  const onPasteNewAddress = () => out.warning('listen.paste.newAddress', out.t('listen.paste.newAddress'));
  if (out.json)
    return {
      onPastePrompt: () => out.event({ event: 'paste_prompt', message: joinText(out.lang, out.t('listen.paste.prompt'), out.t('listen.paste.how')) }),
      onPasteRefused: (message, hint) => out.event({ event: 'paste_refused', message: joinText(out.lang, out.tr(message), hint ? out.tr(hint) : '') }),
      onPasteEmpty: () => out.event({ event: 'paste_empty', message: out.t('listen.paste.empty') }),
      onPasteMore: (lines) => out.event({ event: 'paste_more', lines, message: out.t('listen.paste.more', { lines }) }),
      onPasteNewAddress,
    };
  return {
    onPastePrompt: (again) => {
      out.say(`? ${out.t('listen.paste.prompt')}`);
      if (!again) out.note(out.t('listen.paste.how'));
    },
    onPasteRefused: (message, hint) => out.warn(joinText(out.lang, out.tr(message), hint ? out.tr(hint) : '')),
    onPasteEmpty: () => out.note(out.t('listen.paste.empty')),
    onPasteMore: (lines) => out.note(out.t('listen.paste.more', { lines })),
    onPasteNewAddress,
  };
}

/** What `listen` shows while it runs. */
export function listenHooks(out: Output): ListenHooks {
  if (out.json) return jsonListenHooks(out);
  const display = new WaitDisplay(out);
  return {
    ...pasteHooks(out),
    onExpectedState: (expected) => expectedStateLine(out, expected),
    onNotLocal: (uri, http) => notLocalNote(out, uri, http),
    onNoRedirect: (url, profile) => out.note(out.t('listen.redirect.none', { url, profile })),
    onMismatch: (m, here) => mismatchWarning(out, m, here),
    onElsewhere: (e) => elsewhereWarning(out, e),
    onReadingStdin: () => out.note(out.t('listen.paste.stdin')),
    onListening: (listener) => {
      out.say(listeningLine(out, listener));
      if (listener.lanUrls.length > 0) {
        for (const url of listener.lanUrls) out.say(out.t('listen.lan', { url: out.style.bold(url) }));
        out.note(out.t('listen.lan.domain', { host: new URL(listener.lanUrls[0]!).hostname, port: listener.port }));
      } else if (listener.host === '0.0.0.0' || listener.host === '::') {
        out.warning('listen.lan.none', out.t('listen.lan.none'));
      }
    },
    onWaiting: (wait) => {
      out.say(out.t('listen.waiting', { seconds: Math.round(wait.timeoutMs / 1000) }));
      display.start(wait);
    },
    onHit: (hit) => display.hit(hit),
    onExchangeStart: () => display.say(out.t('listen.exchange.start')),
    onWaitOver: () => display.stop(),
    onCallback: (result, how) => {
      out.fields([
        ['code', result.code],
        ['state', result.state ?? ''],
      ]);
      presentAftermath(out, result);
      if (how.newerLink) out.note(out.t(how.newerLink === 'first' ? 'listen.state.newer.first' : 'listen.state.newer'));
      if (how.exchanging) {
        if (!how.announced) out.say(out.t('listen.exchange.start'));
      } else out.note(out.t('listen.next.exchange', { minutes: how.codeMinutes, p: how.profileFlag }));
    },
  };
}

/** The callback in listen's --json document. */
function callbackDocument(out: Output, result: CallbackResult, showSecrets: boolean): void {
  out.result({
    callback: {
      code: result.code,
      state: result.state ?? null,
      state_checked: result.stateChecked,
      hits: hitsForJson(result.hits, showSecrets),
      ...hitCountsForJson(result),
      duplicates: result.counts.duplicate ?? result.duplicates.length,
      ignored: result.ignored,
    },
  });
}

/**
 * listen --json: stdout keeps its single document; stderr carries JSON Lines only, as login's does —
 * `listening` (with the port really bound: --port 0), `waiting`, one `hit` per request, `warning`s
 * (also listed in the document), then `callback`. Codes are masked in events unless --show-secrets.
 */
function jsonListenHooks(out: Output): ListenHooks {
  out.streamEvents();
  const listenerDoc = (listener: CallbackWait['listener']) => ({ url: listener.url, host: listener.host, port: listener.port, path: listener.path, lan_urls: listener.lanUrls });
  return {
    ...pasteHooks(out),
    onExpectedState: (expected) => {
      if (!expected) out.warning('listen.state.unchecked', out.t('listen.state.unchecked'));
      else {
        out.event({ event: 'expected_state', state: expected.state, source: expected.source, ...(expected.source === 'remembered' && expected.used ? { used_at: expected.used.at !== undefined ? new Date(expected.used.at).toISOString() : null, used_by: expected.used.by ?? null } : {}) });
        if (expected.source === 'remembered' && expected.used) spentWarning(out, expected);
      }
    },
    onNotLocal: (uri, http) => notLocalNote(out, uri, http),
    onNoRedirect: (url, profile) => out.note(out.t('listen.redirect.none', { url, profile })),
    onMismatch: (m, here) => mismatchWarning(out, m, here),
    onElsewhere: (e) => elsewhereWarning(out, e),
    onReadingStdin: () => out.event({ event: 'reading_stdin' }),
    onListening: (listener) => {
      out.result({ listening: listenerDoc(listener) });
      out.event({ event: 'listening', ...listenerDoc(listener) });
      if (listener.lanUrls.length === 0 && (listener.host === '0.0.0.0' || listener.host === '::')) out.warning('listen.lan.none', out.t('listen.lan.none'));
    },
    onWaiting: (wait) => out.event(waitingEvent(wait)),
    // kind stays "denied" for a state-only callback with our state; verdict says what it meant (verdictJson).
    onHit: (hit) => out.event({ event: 'hit', seq: hit.seq, kind: hit.kind, time: hit.time, ...verdictJson(hit.verdict) }),
    onWaitOver: () => undefined,
    onExchangeStart: () => out.event({ event: 'step', step: 'exchange' }),
    onCallback: (result, how) => {
      callbackDocument(out, result, how.showSecrets);
      out.event({ event: 'callback', code: maskCode(result.code, how.showSecrets), state: result.state ?? null, state_checked: result.stateChecked });
      presentAftermath(out, result);
      if (how.newerLink) out.note(out.t(how.newerLink === 'first' ? 'listen.state.newer.first' : 'listen.state.newer'));
      if (how.exchanging && !how.announced) out.event({ event: 'step', step: 'exchange' });
    },
  };
}

export function present(result: ListenResult, out: Output): void {
  if (result.mode === 'callback') {
    if (result.exchange) presentExchange(result.exchange, out);
    return;
  }
  out.result({ domain: result.domain, targets: result.targets, redirect_uri: result.redirectUri, expires_at: isoTime(result.expiresAt), html: result.html });
  out.say(out.t('listen.relay.intro', { domain: result.domain, example: result.redirectUri }));
  out.say(out.t('listen.relay.target', { targets: result.targets.map((url, index) => out.t('listen.relay.targetItem', { url, index })) }));
  out.warning('listen.relay.expires', out.t('listen.relay.expires', { deadline: formatDeadline(result.expiresAt, result.now, out.lang), domain: result.domain }));
  out.data(result.html.trimEnd());
  // Asked to listen beyond loopback, but this machine has no LAN address to write in: only ?to=0 exists.
  // Where to open the authorization link: an official account's opens only in WeChat (desktop WeChat
  // on this computer), a website app's QR login in any browser.
  const params = { host: result.host, port: result.port, path: result.path, example: result.redirectUri };
  const where = result.inWechat ? '.wechat' : '';
  if (result.onlyHost) out.note(out.t('listen.relay.then.host', params));
  else if (result.lan && result.targets.length === 1) out.note(out.t(`listen.relay.then.noLan${where}`, params));
  else if (result.lan) out.note(out.t('listen.relay.then.lan', params));
  else out.note(out.t(`listen.relay.then${where}`, params));
}

// The one presentation module. Commands never import chalk, qrcode-terminal or prompts; they call
// these helpers. stdout carries data only; everything else (progress, colour, QR codes, traces) goes
// to stderr. In --json mode stdout carries exactly one JSON document, printed by main.ts at the end.
import type { MessageParams, MessageRef } from '../errors.js';
import { isNestedMessage, renderMessage, type Lang, type ParamArgs } from './i18n.js';
import type { MessageKey } from './messages/index.js';
import { sanitize } from './sanitize.js';
import { mayBeStyled, ownStyle, stripStyle } from './ansi.js';

/** A warning in a --json document: the shape `url` gives its findings. */
export interface WarningEntry {
  id: string;
  /** 'info': a note (finding()) the document lists beside the warnings, as inspect rates it. */
  severity: 'warning' | 'info';
  message: string;
  effect: string | null;
  fix: string | null;
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface OutputOptions {
  lang: Lang;
  json: boolean;
  /** Colour on stderr (a terminal, or FORCE_COLOR). */
  color: boolean;
  /** Colour on stdout too: only when it is a terminal itself (or FORCE_COLOR); default `color`. */
  stdoutColor?: boolean;
  stdout: Writable;
  stderr: Writable;
}

const plain: Style = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  green: (s) => s,
  yellow: (s) => s,
  cyan: (s) => s,
};

/**
 * JSON.stringify escapes only C0 controls. A value from outside (a nickname, an errmsg) can also hold
 * C1 controls (U+009B is a terminal's CSI), line and paragraph separators and bidi overrides, which a
 * terminal showing `--json` would act on: they are written as \uXXXX, the same JSON value.
 */
const UNSAFE_IN_TERMINAL = /[\u0080-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\u206a-\u206f\ufeff]/;

export function terminalSafeJson(doc: unknown, indent?: number): string {
  const text = JSON.stringify(doc, null, indent);
  if (!UNSAFE_IN_TERMINAL.test(text)) return text;
  return text.replace(new RegExp(UNSAFE_IN_TERMINAL.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export class Output {
  readonly lang: Lang;
  readonly json: boolean;
  readonly color: boolean;
  readonly stdout: Writable;
  readonly stderr: Writable;
  style: Style = plain;
  private document: Record<string, unknown> | undefined;
  /** Our own styles' marks written as the terminal's colour codes (ansi.ts ownStyle): the only escape sequences human output has. */
  private toTerminal: (text: string) => string = (text) => text;
  /**
   * Data's lines as stdout takes them: coloured on a terminal, our marks dropped into a pipe or a file
   * (a `wxauth tokens | grep` or a saved `errcode` note gets no escape codes, even from a run whose
   * stderr is a terminal).
   */
  private toStdout: (text: string) => string = (text) => text;
  private rawPrinted = false;
  private emitted = false;
  /** proxy/emulator --json: stdout carries JSON Lines (streamLines()). */
  private stdoutLines = false;
  /** login/listen --json: stderr carries JSON Lines events only (streamEvents()). */
  private eventLines = false;
  /** --json: the warnings said with warning(), listed in the document's `warnings` too. */
  private readonly warningList: WarningEntry[] = [];

  constructor(options: OutputOptions) {
    this.lang = options.lang;
    this.json = options.json;
    this.color = options.color;
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    if (options.color) {
      const own = ownStyle();
      this.style = own.style;
      this.toTerminal = own.toTerminal;
      this.toStdout = options.stdoutColor === false ? stripStyle : own.toTerminal;
    }
  }

  /**
   * A value from outside (WeChat's answer, a callback's state, the user's input echoed back), made safe
   * to interpolate into a human line: control characters shown escaped, newlines included.
   */
  safe(value: string): string {
    return sanitize(value);
  }

  /**
   * A catalogue message in the user's language. In human output its string params are values from
   * outside as often as not, so they are escaped, every escape sequence in them included (a param we
   * styled ourselves stays styled: our styles are marked, not written as ESC, until the line is
   * printed); in --json mode messages are part of the document and stay exact.
   */
  t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string {
    return this.render(key, params[0]);
  }

  /** A key chosen at run time from data (a finding id, an outcome); its params travel with the data. */
  tKey(key: MessageKey, params?: MessageParams): string {
    return this.render(key, params);
  }

  /** A message reference (an error's, a warning's), rendered as t() renders. */
  tr(ref: MessageRef): string {
    return this.render(ref.key, ref.params);
  }

  private render(key: MessageKey, params: MessageParams | undefined): string {
    if (this.json || !params) return renderMessage(this.lang, key, params);
    const clean: MessageParams = {};
    for (const [name, value] of Object.entries(params))
      clean[name] = typeof value === 'string' ? sanitize(value) : isNestedMessage(value) ? this.render(value.key, value.params) : value;
    return renderMessage(this.lang, key, clean);
  }

  /**
   * The last line of defence for everything printed for humans: a line keeps its newlines and tabs; any
   * other control character, any escape sequence included, is shown escaped, whoever forgot to call
   * safe(). Then, and only then, our own styles become the terminal's colour codes.
   */
  terminalLine(line: string): string {
    return this.toTerminal(sanitize(line, { allow: '\n\t' }));
  }

  /** A line of data on stdout (human mode only; in --json mode the document carries the data). */
  data(line: string): void {
    if (this.json || this.rawPrinted) return;
    this.stdout.write(this.toStdout(sanitize(line, { allow: '\n\t' })) + '\n');
  }

  /** A line of talk on stderr: progress, notes, explanations. Shown in --json mode too (stderr). */
  say(line = ''): void {
    // A command whose stderr is JSON Lines (login/listen --json) has no room for loose text: whatever
    // talk reaches it anyway (a store's warning, a trace) becomes an event.
    if (this.eventLines) return this.talkEvent('message', line);
    this.stderr.write(this.terminalLine(line) + '\n');
  }

  note(line: string): void {
    if (this.eventLines) return this.talkEvent('note', line);
    this.say(this.marked('note', line));
  }

  warn(line: string): void {
    if (this.eventLines) return this.talkEvent('warning', line);
    this.say(this.marked('warn', line));
  }

  /**
   * A warning the document must carry too: said on stderr as warn() says it (with --json-lines stderr,
   * a `{"event":"warning"}` line), and in --json mode listed in the document's `warnings` array in the
   * shape `url` lists its findings ({id, severity, message, effect, fix}; effect and fix null here).
   * `event` names the JSON Lines event when the warning has a name of its own (login's browser_failed).
   */
  warning(id: string, line: string, event: { event: string } = { event: 'warning' }): void {
    if (this.json) this.warningList.push({ id, severity: 'warning', message: line, effect: null, fix: null });
    if (this.eventLines) return this.event({ ...event, id, message: line });
    this.say(this.marked('warn', line));
  }

  /**
   * A lint finding said outside url and inspect (init and config set, of the redirect_uri saved): `line`
   * (its message and effect) as a warning (`!`) or, for severity info, a note; listed in --json's
   * `warnings` with its effect and fix apart, as inspect lists it. The fix line is the presenter's.
   */
  finding(line: string, entry: { id: string; severity: 'warning' | 'info'; message: string; effect?: string; fix?: string }): void {
    if (this.json) this.warningList.push({ id: entry.id, severity: entry.severity, message: entry.message, effect: entry.effect ?? null, fix: entry.fix ?? null });
    if (this.eventLines) return this.event({ event: entry.severity === 'info' ? 'note' : 'warning', id: entry.id, message: line });
    this.say(this.marked(entry.severity === 'info' ? 'note' : 'warn', line));
  }

  success(line: string): void {
    if (this.eventLines) return this.talkEvent('success', line);
    this.say(this.marked('success', line));
  }

  failure(line: string): void {
    if (this.eventLines) return this.talkEvent('failure', line);
    this.say(this.marked('failure', line));
  }

  /**
   * From now on stderr carries JSON Lines only, one `{"event":…}` object per line (login and listen
   * with --json: a script follows them while stdout waits for its single document). No-op without --json.
   */
  streamEvents(): void {
    if (this.json) this.eventLines = true;
  }

  /**
   * This command's --json output is JSON Lines on stdout (proxy, emulator): one compact `{"type":…}`
   * object per line, so a failure is one `{"type":"error",…}` line too. No-op without --json.
   */
  streamLines(): void {
    if (this.json) this.stdoutLines = true;
  }

  /** stdout carries JSON Lines (streamLines() was called). */
  get streamsLines(): boolean {
    return this.stdoutLines;
  }

  /** stderr carries JSON Lines events (streamEvents() was called). */
  get streamsEvents(): boolean {
    return this.eventLines;
  }

  /** One event as a JSON line on stderr (login/listen --json). */
  event(doc: { event: string } & Record<string, unknown>): void {
    this.stderr.write(terminalSafeJson(doc) + '\n');
  }

  private talkEvent(kind: 'message' | 'note' | 'warning' | 'success' | 'failure', line: string): void {
    this.event({ event: kind, message: stripAnsi(line) });
  }

  /** A line as note/warn/success/failure print it, for callers that queue their lines (live-lines.ts). */
  marked(kind: 'note' | 'warn' | 'success' | 'failure', line: string): string {
    switch (kind) {
      case 'note':
        return this.style.dim(line);
      case 'warn':
        return this.style.yellow('! ' + line);
      case 'success':
        return this.style.green('✔ ' + line);
      case 'failure':
        return this.style.red('✖ ' + line);
    }
  }

  /** `--raw`: WeChat's body exactly as it came, on stdout; later data lines are suppressed. */
  raw(body: string): void {
    if (this.json) return;
    this.stdout.write(body.endsWith('\n') ? body : body + '\n');
    this.rawPrinted = true;
  }

  /** Set (or extend) the JSON document that --json prints. */
  result(doc: Record<string, unknown>): void {
    this.document = { ...(this.document ?? {}), ...doc };
  }

  /** The --json document, with every warning() said so far appended to its `warnings`. */
  getDocument(): Record<string, unknown> | undefined {
    if (this.warningList.length === 0) return this.document;
    const doc = this.document ?? {};
    const listed = Array.isArray(doc.warnings) ? (doc.warnings as unknown[]) : [];
    return { ...doc, warnings: [...listed, ...this.warningList] };
  }

  /** The warnings said with warning() so far (for documents printed before the run ends). */
  get warnings(): readonly WarningEntry[] {
    return this.warningList;
  }

  /**
   * Print one JSON document on stdout now (for long-running commands such as the emulator, whose first
   * line must appear before they finish). main.ts then prints nothing more on stdout.
   */
  emit(doc: Record<string, unknown>, indent?: number): void {
    this.stdout.write(terminalSafeJson(doc, indent) + '\n');
    this.emitted = true;
  }

  get hasEmitted(): boolean {
    return this.emitted;
  }

  get stderrIsTTY(): boolean {
    return this.stderr.isTTY === true;
  }

  /** Aligned `label  value` lines. Values are one line each, escaped as safe() does (our own styles kept). */
  fields(rows: Array<[string, string | undefined]>, to: 'stdout' | 'stderr' = 'stdout'): void {
    const shown = rows
      .filter((r): r is [string, string] => r[1] !== undefined)
      .map(([label, value]): [string, string] => [label, sanitize(value)]);
    const width = Math.max(0, ...shown.map(([label]) => displayWidth(label)));
    for (const [label, value] of shown) {
      const line = `${label}${' '.repeat(width - displayWidth(label))}  ${value}`;
      if (to === 'stdout') this.data(line);
      else this.say(line);
    }
  }

  /** A table with a header row; widths count CJK characters as two columns. */
  table(headers: string[], cells: string[][], to: 'stdout' | 'stderr' = 'stdout'): void {
    // Cells are escaped before measuring, so the columns line up with what the terminal shows.
    const rows = cells.map((row) => row.map((c) => sanitize(c)));
    const widths = headers.map((h, i) =>
      Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
    );
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - displayWidth(c))))
        .join('  ')
        .trimEnd();
    const emit = (s: string) => (to === 'stdout' ? this.data(s) : this.say(s));
    // Wider than the terminal it goes to (tokens list: ~110 columns), a table's lines would wrap into a
    // jumble: each row becomes a block of `header  value` lines instead. Into a pipe or a file the table
    // stays a table, for scripts and column tools.
    const stream = to === 'stdout' ? this.stdout : this.stderr;
    const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
    if (stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 && total > stream.columns) {
      const labelWidth = Math.max(...headers.map((h) => displayWidth(h)));
      rows.forEach((row, r) => {
        if (r > 0) emit('');
        headers.forEach((h, i) => emit(`${this.style.bold(h)}${' '.repeat(labelWidth - displayWidth(h))}  ${row[i] ?? ''}`.trimEnd()));
      });
      return;
    }
    emit(this.style.bold(line(headers)));
    for (const row of rows) emit(line(row));
  }

  /**
   * A QR code on stderr: only on a terminal, unless `force` (url --qr, for a terminal that does not say
   * it is one, or a file to look at later). A code wider than the terminal wraps into noise no phone
   * can scan, so one that does not fit is replaced by a line saying so; false then, and callers offer
   * the link another way. Loads qrcode-terminal lazily.
   */
  async qr(text: string, options: { force?: boolean } = {}): Promise<boolean> {
    if (!this.stderrIsTTY && options.force !== true) return false;
    const { renderQr, qrWidth } = await import('./qr.js');
    const rendered = await renderQr(text);
    const columns = this.stderr.columns;
    const width = qrWidth(rendered);
    if (columns !== undefined && columns > 0 && width > columns) {
      this.note(this.t('common.qr.tooWide', { width, columns }));
      return false;
    }
    this.stderr.write(rendered + '\n');
    return true;
  }
}

/** `s` without colour codes: the terminal's, and our own styles' (ansi.ts). */
export function stripAnsi(s: string): string {
  return stripStyle(s);
}

/**
 * The characters a terminal gives two columns: CJK, full-width forms, emoji. The ranges of the Basic
 * Multilingual Plane come first: wrapToWidth's regular expression takes only those (wideClass).
 */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1faff],
  [0x20000, 0x3fffd],
];

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  // By index, not for…of, and the colour codes stripped only when there are some: the help pages measure
  // every word, and an iterator and a regular-expression replace per word were ~12 KB of garbage per
  // description (a scavenge on every `wxauth --help`, issue 19).
  const text = mayBeStyled(s) ? stripStyle(s) : s;
  let width = text.length;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      i++;
      width--; // a surrogate pair is one character
    }
    if (cp >= 0x1100 && WIDE_RANGES.some(([from, to]) => cp >= from && cp <= to)) width++;
  }
  return width;
}

/**
 * The wide characters of the Basic Multilingual Plane, as a character-class body. (Not the emoji and rare
 * CJK beyond it: a `u` regular expression with those ranges cost a scavenge on every `wxauth --help`,
 * issue 19; a run of them just stays one piece.)
 */
function wideClass(): string {
  const hex = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;
  return WIDE_RANGES.filter(([, to]) => to <= 0xffff)
    .map(([from, to]) => `${hex(from)}-${hex(to)}`)
    .join('');
}
const OPENING = '（「『《〈【“‘(';
const CLOSING = '，。、；：！？）」』》〉】”’…)';
/**
 * Where a line may break: before a word of other scripts (its leading space kept), or before any one
 * Chinese character. A closing mark stays with what it closes and an opening one with what follows, so
 * no line starts with 「，」 or ends with 「（」 (the rule Chinese typesetting calls 避头尾).
 */
let breakable: RegExp | undefined; // made on first use: only Chinese help pages need it

/**
 * How `line` may break. ASCII text only at spaces, as commander's own wrapping does, with a cheap regular
 * expression (the root help wraps ~30 descriptions on every `wxauth --help`, issue 19). Other text by
 * the rule above: a word of other scripts stops at a mark, so “拒绝” is the pieces “拒 and 绝”, never a
 * lone “ at a line's end.
 */
function breakPattern(line: string): RegExp {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(line)) return /\s*\S+/g;
  if (breakable === undefined) {
    const wide = wideClass();
    // ’ before a letter is an apostrophe (domain’s), part of the word, not a closing quote to break after.
    breakable = new RegExp(`\\s*[${OPENING}]*(?:(?:[^\\s${wide}${OPENING}${CLOSING}]|’(?=[A-Za-z]))+|[${wide}])[${CLOSING}]*|\\s*[${OPENING}${CLOSING}]+`, 'g');
  }
  return breakable;
}

/**
 * `text` wrapped to `width` terminal columns. Chinese has no spaces to break at, and each character
 * takes two columns: wrapping by spaces and counting characters (as commander's help does) left lines
 * twice too long, which the terminal then broke mid-phrase. A word longer than the width stays whole.
 */
export function wrapToWidth(text: string, width: number): string {
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const pieces = line.match(breakPattern(line));
      if (pieces === null) return '';
      const lines: string[] = [];
      let current = pieces[0]!;
      let used = displayWidth(current);
      for (const piece of pieces.slice(1)) {
        const w = displayWidth(piece);
        if (used + w <= width) {
          current += piece;
          used += w;
          continue;
        }
        lines.push(current);
        current = piece.trimStart();
        used = displayWidth(current);
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

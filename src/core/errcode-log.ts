// The errcodes of a piped server log (`tail -n 200 app.log | wxauth errcode`, `grep errcode app.log |
// wxauth errcode`): every errcode in it, read the way `wxauth errcode` reads one pasted line
// (./errcodes.ts: an errcode after its key, `错误码：10003`, a known code in a line about a failed call),
// grouped by code in the order first seen. Loaded only when something is piped (issue 19: a code typed as
// an argument never loads this). Pure: no fs, no process.

import { CODE_IN_TEXT_RE, ERRCODE_KEY_RE, explainInputs, hostFamilyOf, isKnownErrcode, knownCodeInLine, type ExplainInputsResult } from './errcodes.js';

export interface LoggedErrcode {
  code: number;
  /** The line (1-based) of its first occurrence. */
  line: number;
  /** How many lines (a body printed over several lines counts once) carry it. */
  count: number;
  /**
   * What to explain it from: the line of its first occurrence, or the lines of the body around it when
   * the body is printed over several (pretty-printed JSON); just its own `{…}` (else the line from its
   * key on) when that line holds other codes too.
   */
  text: string;
}

/** A code found in a piped log: how many lines carry it and the first. */
export type LogEntry = Pick<LoggedErrcode, 'code' | 'count' | 'line'>;

export interface PipedLog {
  /** Every errcode found but 0, in the order first seen; the first `limit` are explained. */
  found: LogEntry[];
  limit: number;
  /** errcode 0 (a success), found but not explained when other codes are there. */
  success?: LogEntry;
}

/**
 * The most codes of a piped log explained (the rest are named, with how to explain one). A login fails
 * at one of a handful of stages, each with a few likely codes: a log with more distinct codes than
 * that is several problems at once, and 10 full explanations (~15 lines each) are already a few screens.
 */
export const LOG_EXPLAIN_LIMIT = 10;

type ExplainInputsOptions = NonNullable<Parameters<typeof explainInputs>[1]>;

/**
 * A piped text read as a server's log, when it holds more than one errcode (several lines, or one code
 * on several lines), or one errcode with other lines around its line or body: each code explained once,
 * from its own line or body (not from an errmsg, rid or path on another line), in the order first seen,
 * errcode 0 left out when there are others (a success, not what went wrong), at most LOG_EXPLAIN_LIMIT;
 * `quoted`, the texts they were read from (for masking). Undefined for none, or one errcode that is the
 * whole text (a body, pretty-printed or not, or one line: read whole as before).
 */
export function explainLog(text: string, options: ExplainInputsOptions): { log: PipedLog; explained: ExplainInputsResult; quoted: string[] } | undefined {
  const found = findErrcodesInLog(text, { wecom: options.wecom });
  const total = found.reduce((n, e) => n + e.count, 0);
  if (total === 0 || (total === 1 && isWhole(text, found[0]!.text))) return undefined;
  const errors = found.filter((e) => e.code !== 0);
  const success = found.find((e) => e.code === 0);
  const shown = errors.length > 0 ? errors : found;
  const entry = ({ code, count, line }: LogEntry): LogEntry => ({ code, count, line });
  const log: PipedLog = { found: shown.map(entry), limit: LOG_EXPLAIN_LIMIT };
  if (errors.length > 0 && success !== undefined) log.success = entry(success);
  const explained: ExplainInputsResult = { results: [], unknown: [] };
  const explain = shown.slice(0, LOG_EXPLAIN_LIMIT);
  // A host on other lines (`> Host: qyapi.weixin.qq.com` of curl -v, a URL the log line before names)
  // says whose API answered, as it does in a body pasted whole: when the log names one family only.
  const logHost = hostFamilyOf(text);
  // curl -v's request line (`> GET /sns/oauth2/access_token?… HTTP/1.1`) names the call its answer is
  // from: when the text holds one such call, its path is the endpoint (unless --endpoint says otherwise).
  const sent = curlRequestPath(text);
  const common = { ...options, ...(logHost !== undefined ? { logHost } : {}), ...(sent !== undefined && options.endpoint === undefined ? { endpoint: sent } : {}) };
  for (const e of explain) {
    const one = explainLogged(e, common);
    explained.results.push(...one.results);
    explained.unknown.push(...one.unknown);
  }
  return { log, explained, quoted: explain.map((e) => e.text) };
}

/** The WeChat API path of the one request curl -v printed in `text` (`> GET /sns/… HTTP/1.1`); undefined for none or several. */
function curlRequestPath(text: string): string | undefined {
  const paths = new Set<string>();
  for (const m of text.matchAll(/^> [A-Z]+ (\/(?:sns|cgi-bin|connect)\/[A-Za-z0-9_/]*[A-Za-z0-9_])[^\s]* HTTP\/[\d.]+\r?$/gm)) paths.add(m[1]!);
  return paths.size === 1 ? [...paths][0] : undefined;
}

/**
 * The one errcode's text is the whole piped text: its line or body and nothing else, or a JSON document
 * whose body is printed over more lines than are looked through for its braces (MAX_BODY_LINES).
 */
function isWhole(text: string, own: string): boolean {
  const whole = text.trim();
  if (own === whole) return true;
  if (!/^[{[]/.test(whole)) return false;
  try {
    JSON.parse(whole);
    return true;
  } catch {
    return false;
  }
}

/**
 * One code of a piped log, explained from the text it was found in (its line: the errmsg, rid and words
 * around it), marked with the lines that carry it. When that text reads as another code (a line the
 * existing reading takes another way), the code alone, so that what is explained is what was counted.
 */
function explainLogged(entry: LoggedErrcode, options: ExplainInputsOptions): ExplainInputsResult {
  const fromText = explainInputs([entry.text], options);
  const all = [...fromText.results, ...fromText.unknown];
  const explained = all.length === 1 && all[0]?.code === entry.code ? fromText : explainInputs([String(entry.code)], options);
  for (const shown of [...explained.results, ...explained.unknown]) {
    shown.line = entry.line;
    shown.count = entry.count;
  }
  return explained;
}

interface Occurrence {
  code: number;
  /** Where its number is in the text. */
  at: number;
  /** Where its key starts (`"errcode"`, `错误码`), or its number for a code found without one. */
  from: number;
  line: number;
  /** The lines (0-based, inclusive) of what it is read from. */
  first: number;
  last: number;
}

// A body printed over more lines than this is not looked for around a code: its own line is read.
const MAX_BODY_LINES = 60;
// How far back and ahead to look for the braces of a body printed over several lines.
const MAX_BODY_CHARS = 8000;
// How many lines after a code's own (with no errmsg) its errmsg may be on, in a body dumped a key a line.
const MAX_ERRMSG_LINES_AFTER = 3;
const ERRMSG_KEY_RE = /errmsg|错误信息/i;

/**
 * Every errcode in `text` with how many lines carry it and where it is first, in the order first seen.
 * A number counts only as the existing reading of a pasted line counts it: after an errcode key
 * (`"errcode":40163`, `errcode=40163`, `errcode 40163`, `错误码：10003`), or a code the table knows in a line
 * about a failed call (knownCodeInLine: not a time, a port, a rid, a count). `error code N` counts
 * only for a code the table knows: HTTP servers write `error code 502` too.
 */
export function findErrcodesInLog(text: string, options: { wecom?: boolean } = {}): LoggedErrcode[] {
  const wecom = options.wecom === true;
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const lineOf = (at: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const found: Occurrence[] = [];
  const seenAt = new Set<number>();
  for (const re of [ERRCODE_KEY_RE, CODE_IN_TEXT_RE]) {
    for (const m of text.matchAll(new RegExp(re.source, 'gi'))) {
      const digits = m[1];
      if (digits === undefined) continue;
      const from = m.index ?? 0;
      const at = from + m[0].length - digits.length;
      if (seenAt.has(at)) continue;
      const code = Number(digits);
      // Past the safe integers no errcode can be, and its Number() is another number (…890 is …000).
      if (!Number.isSafeInteger(code)) continue;
      if (!/errcode|错误码/i.test(m[0]) && !isKnownErrcode(code, wecom ? 'wecom' : 'wechat')) continue;
      seenAt.add(at);
      const line = lineOf(at);
      const body = bodyAround(text, at, lineOf);
      const [first, last] = body !== undefined && body[1] - body[0] < MAX_BODY_LINES ? body : [line, line];
      found.push({ code, at, from, line, first, last });
    }
  }
  // A line with no errcode key (nor inside a body that has one) may still name a code in words.
  const covered = new Uint8Array(lines.length);
  for (const o of found) covered.fill(1, o.first, o.last + 1);
  lines.forEach((l, i) => {
    if (covered[i] === 1) return;
    const led = knownCodeInLine(l, wecom);
    if (led) found.push({ code: led.errcode, at: starts[i]!, from: starts[i]!, line: i, first: i, last: i });
  });
  // A body dumped a key a line without braces of its own to find (PHP's print_r `[errcode] => 40001`, then
  // `[errmsg] => …`; Python's pprint; `errcode: 40001` then `errmsg: …`): a code whose line has no errmsg
  // is read with the errmsg on one of the next few lines, when no other code comes first.
  const codeLines = new Set(found.map((o) => o.line));
  for (const o of found) {
    if (o.first !== o.last || ERRMSG_KEY_RE.test(lines[o.line]!)) continue;
    for (let j = o.line + 1; j < lines.length && j <= o.line + MAX_ERRMSG_LINES_AFTER; j++) {
      if (codeLines.has(j) || /errcode|错误码/i.test(lines[j]!)) break;
      if (ERRMSG_KEY_RE.test(lines[j]!)) {
        o.last = j;
        break;
      }
    }
  }
  found.sort((a, b) => a.at - b.at);

  const textOf = (o: Occurrence) => lines.slice(o.first, o.last + 1).join('\n').trim();
  // Each body (or line) is read by one code: one that holds several gives each the narrowest text around it.
  const codesIn = new Map<number, Set<number>>();
  for (const o of found) {
    const codes = codesIn.get(o.first) ?? new Set<number>();
    codes.add(o.code);
    codesIn.set(o.first, codes);
  }
  const byCode = new Map<number, LoggedErrcode & { bodies: Set<number> }>();
  for (const o of found) {
    const entry = byCode.get(o.code);
    if (entry) {
      if (!entry.bodies.has(o.first)) entry.count += 1;
      entry.bodies.add(o.first);
      continue;
    }
    const alone = (codesIn.get(o.first)?.size ?? 1) === 1;
    const own = alone ? undefined : innermostObject(text, o.at);
    const shown = alone ? textOf(o) : (own ?? text.slice(o.from, starts[o.line]! + lines[o.line]!.length)).trim();
    byCode.set(o.code, { code: o.code, line: o.line + 1, count: 1, text: shown, bodies: new Set([o.first]) });
  }
  return [...byCode.values()].map(({ code, line, count, text: shown }) => ({ code, line, count, text: shown }));
}

/**
 * The lines (0-based) from the `{` to the `}` of a body printed over several lines around `at` (its `{`
 * ends a line, as JSON.stringify(…, null, 2), jq and console.log print it); undefined otherwise. A line cut
 * short after its `{` is not joined to a brace further on.
 */
function bodyAround(text: string, at: number, lineOf: (at: number) => number): [number, number] | undefined {
  const open = openingBrace(text, at);
  if (open === undefined || !/^[ \t]*\r?\n/.test(text.slice(open + 1, open + 200))) return undefined;
  const close = closingBrace(text, at);
  if (close === undefined) return undefined;
  const first = lineOf(open);
  const last = lineOf(close);
  return first === last ? undefined : [first, last];
}

/** The `{…}` around `at`, when both braces are near it. */
function innermostObject(text: string, at: number): string | undefined {
  const open = openingBrace(text, at);
  const close = open === undefined ? undefined : closingBrace(text, at);
  return open !== undefined && close !== undefined ? text.slice(open, close + 1) : undefined;
}

function openingBrace(text: string, at: number): number | undefined {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i >= at - MAX_BODY_CHARS; i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function closingBrace(text: string, at: number): number | undefined {
  let depth = 0;
  for (let i = at; i < text.length && i <= at + MAX_BODY_CHARS; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

// Fault injection: make the next N requests (or every request to a path) slow, fail, or break.
//
// Spec syntax (the --fault flag and `{"spec": …}` on POST /__emulator/faults):
//   KIND[=N][@PATH][:COUNT]
//   KIND  = delay | 500 | 502 | busy | reset | garbage | errcode
//   delay=2000:3                     the next 3 requests wait 2 s, then answer normally
//   500@/sns/oauth2/access_token     every access_token call gets HTTP 500 (until cleared)
//   busy:1                           the next request gets {"errcode":-1,"errmsg":"system error"}
//   reset@/cgi-bin/*                 connections to /cgi-bin/… are reset
//   errcode=40001@/cgi-bin/ticket/getticket:1
//                                    the next getticket gets WeChat's 40001 (its errmsg and rid as WeChat writes them)
import type { FaultKind, FaultSpec } from './types.js';
import { UI_TEXT, type UiTextKey } from './ui-text.js';
import { ERRMSG } from './wire.js';

/**
 * The errcodes an `errcode` fault can answer: those the emulator has WeChat's errmsg for (wire.ts
 * ERRMSG, -1000 included) and 40164, whose errmsg names the caller's IP. Sorted, for the error that lists them.
 */
export const FAULT_ERRCODES: readonly number[] = [...Object.keys(ERRMSG).map(Number), 40164].sort((a, b) => a - b);

const KINDS: Record<string, FaultKind> = {
  delay: 'delay',
  '500': 'http500',
  http500: 'http500',
  '502': 'http502',
  http502: 'http502',
  busy: 'busy',
  '-1': 'busy',
  reset: 'reset',
  garbage: 'garbage',
  'non-json': 'garbage',
  errcode: 'errcode',
};

/** What can be wrong in a fault: `fault.problem.<id>` in ui-text.ts (the page's texts) and the CLI's catalogue. */
export type FaultProblemId = UiTextKey extends infer K ? (K extends `fault.problem.${infer Id}` ? Id : never) : never;

export class FaultSpecError extends Error {
  readonly spec: string;
  /**
   * The catalogue key of the sentence (src/ui/messages/emulator.ts) and its values, for the CLI: a list
   * stays a list, joined as the user's language lists (`a, b` / `a、b`).
   */
  readonly problem: { key: `emulator.fault.problem.${FaultProblemId}`; params: Record<string, string | readonly string[]> };
  /** The same sentence as a key of the emulator page's texts (ui-text.ts), for the control API's answer. */
  readonly pageKey: `fault.problem.${FaultProblemId}`;
  /** Its values for the page, whose texts take strings only: a list as one `a, b` string. */
  readonly pageParams: Record<string, string>;
  constructor(spec: string, id: FaultProblemId, values: Record<string, string | number | readonly (string | number)[]> = {}) {
    const params: Record<string, string | readonly string[]> = { spec };
    const pageParams: Record<string, string> = { spec };
    for (const [name, value] of Object.entries(values)) {
      params[name] = typeof value === 'object' ? value.map(String) : String(value);
      pageParams[name] = typeof value === 'object' ? value.join(', ') : String(value);
    }
    super(UI_TEXT[`fault.problem.${id}`].en.replace(/\{(\w+)\}/g, (whole, name: string) => pageParams[name] ?? whole));
    this.name = 'FaultSpecError';
    this.spec = spec;
    this.problem = { key: `emulator.fault.problem.${id}`, params };
    this.pageKey = `fault.problem.${id}`;
    this.pageParams = pageParams;
  }
}

/**
 * Ranges (issue 13 item 11): Node's timers hold at most 2^31-1 ms and fire at once beyond it
 * (TimeoutOverflowWarning), so a long delay silently became none. Ten minutes outlasts any client
 * timeout worth testing.
 */
export const MAX_DELAY_MS = 600_000;
export const MAX_COUNT = 1_000_000_000;

// N and COUNT are taken as written and checked per kind below: errcode=abc is told errcode needs a
// number, not shown the whole syntax again.
const SPEC = /^([a-z0-9-]+)(?:=([^@:\s]*))?(?:@(\/[^:\s]*))?(?::(\S*))?$/i;
const WHOLE = /^\d+$/;

/**
 * An `errcode` fault's code, checked: an integer the emulator has an errmsg for. `shown` is the spec as
 * the sentence quotes it: a --fault spec in quotes as the other sentences have it, JSON as it is.
 */
function faultErrcode(spec: string, given: unknown, shown = spec): number {
  // As JSON a code may come as text ("40001"), as switch values may.
  const value = typeof given === 'string' && /^-?\d+$/.test(given) ? Number(given) : given;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new FaultSpecError(spec, 'errcodeNeedsCode', { spec: shown });
  if (!FAULT_ERRCODES.includes(value)) throw new FaultSpecError(spec, 'errcodeUnknown', { spec: shown, errcode: value, errcodes: FAULT_ERRCODES });
  return value;
}

export function parseFaultSpec(spec: string): FaultSpec {
  try {
    return parseInOrder(spec);
  } catch (error) {
    // `delay=10:1@/x` read in order is a COUNT of `1@/x`: say the order instead, with the spec put in it,
    // when that reads. Only on the way out: a spec that parses is never second-guessed (a path may hold `=`).
    const fixed = error instanceof FaultSpecError ? reordered(spec) : undefined;
    if (fixed !== undefined) throw new FaultSpecError(spec, 'order', { fixed });
    throw error;
  }
}

/** The parts of `KIND[=N][@PATH][:COUNT]` written in another order, put in that one; undefined when they are in order or do not read so. */
function reordered(spec: string): string | undefined {
  const m = /^([a-z0-9-]+)((?:[=@:][^=@:\s]*)+)$/i.exec(spec.trim());
  if (!m) return undefined;
  const parts = [...m[2]!.matchAll(/([=@:])([^=@:\s]*)/g)].map((p) => [p[1]!, p[2]!] as const);
  const marks = parts.map(([mark]) => '=@:'.indexOf(mark));
  if (new Set(marks).size !== marks.length || marks.every((mark, i) => i === 0 || marks[i - 1]! < mark)) return undefined;
  const fixed = m[1]! + [...parts].sort((a, b) => '=@:'.indexOf(a[0]) - '=@:'.indexOf(b[0])).map(([mark, value]) => mark + value).join('');
  try {
    parseInOrder(fixed);
    return fixed;
  } catch {
    return undefined;
  }
}

function parseInOrder(spec: string): FaultSpec {
  const m = SPEC.exec(spec.trim());
  // @cgi-bin/token: said as the path it is, not as the whole syntax.
  if (!m && /@[^/\s]/.test(spec)) throw new FaultSpecError(spec, 'pathSlash');
  if (!m) throw new FaultSpecError(spec, 'syntax');
  const kind = KINDS[(m[1] ?? '').toLowerCase()];
  if (!kind) throw new FaultSpecError(spec, 'unknownKind', { kind: m[1] ?? '' });
  const fault: FaultSpec = { kind };
  if (kind === 'delay') {
    if (m[2] === undefined || !WHOLE.test(m[2])) throw new FaultSpecError(spec, 'delayNeedsMs');
    fault.ms = Number(m[2]);
    if (fault.ms > MAX_DELAY_MS) throw new FaultSpecError(spec, 'delayTooLong', { max: MAX_DELAY_MS });
  } else if (kind === 'errcode') {
    fault.errcode = faultErrcode(spec, m[2] === undefined || !/^-?\d+$/.test(m[2]) ? undefined : Number(m[2]), `"${spec}"`);
  } else if (m[2] !== undefined) throw new FaultSpecError(spec, 'onlyDelayMs');
  if (m[3] !== undefined) fault.path = m[3];
  if (m[4] !== undefined) {
    const count = WHOLE.test(m[4]) ? Number(m[4]) : NaN;
    if (!(count >= 1 && count <= MAX_COUNT)) throw new FaultSpecError(spec, 'countRange', { max: MAX_COUNT });
    fault.count = count;
  }
  return fault;
}

/** Check a fault object that came as JSON; returns a clean copy. */
export function validateFault(value: unknown): FaultSpec {
  if (typeof value === 'string') return parseFaultSpec(value);
  if (typeof value !== 'object' || value === null) throw new FaultSpecError(String(value), 'notSpec');
  const v = value as Record<string, unknown>;
  if (typeof v.spec === 'string') return parseFaultSpec(v.spec);
  const kind = typeof v.kind === 'string' ? (KINDS[v.kind] ?? (Object.values(KINDS).includes(v.kind as FaultKind) ? (v.kind as FaultKind) : undefined)) : undefined;
  if (!kind) throw new FaultSpecError(JSON.stringify(value), 'kind');
  const fault: FaultSpec = { kind };
  if (kind === 'delay') {
    if (typeof v.ms !== 'number' || !(v.ms >= 0) || v.ms > MAX_DELAY_MS)
      throw new FaultSpecError(JSON.stringify(value), 'delayMs', { max: MAX_DELAY_MS });
    fault.ms = v.ms;
  }
  if (kind === 'errcode') fault.errcode = faultErrcode(JSON.stringify(value), v.errcode);
  if (v.path !== undefined) {
    if (typeof v.path !== 'string' || !v.path.startsWith('/')) throw new FaultSpecError(JSON.stringify(value), 'path');
    fault.path = v.path;
  }
  if (v.count !== undefined) {
    if (typeof v.count !== 'number' || !Number.isInteger(v.count) || v.count < 1 || v.count > MAX_COUNT)
      throw new FaultSpecError(JSON.stringify(value), 'count', { max: MAX_COUNT });
    fault.count = v.count;
  }
  return fault;
}

/** A fault as the --fault syntax writes it (`errcode=40001@/cgi-bin/token:1`), as the page lists it too. */
export function faultText(fault: FaultSpec): string {
  const kind = fault.kind === 'http500' ? '500' : fault.kind === 'http502' ? '502' : fault.kind;
  const value = fault.kind === 'delay' ? `=${fault.ms ?? 0}` : fault.kind === 'errcode' ? `=${fault.errcode ?? ''}` : '';
  return `${kind}${value}${fault.path !== undefined ? `@${fault.path}` : ''}${fault.count !== undefined ? `:${fault.count}` : ''}`;
}

/**
 * Take one armed fault away, named as the --fault syntax writes it (the page's Remove button, a script):
 * the first written the same, else the same fault with another count left (it fired since the list was
 * read). Naming the one to remove, rather than sending back the whole list without it, leaves as they are
 * the faults another client armed or removed meanwhile. False when none is armed.
 */
export function removeFault(faults: FaultSpec[], wanted: FaultSpec): boolean {
  const text = faultText(wanted);
  let index = faults.findIndex((f) => faultText(f) === text);
  if (index < 0 && wanted.count !== undefined) {
    const uncounted = faultText({ ...wanted, count: undefined });
    index = faults.findIndex((f) => f.count !== undefined && faultText({ ...f, count: undefined }) === uncounted);
  }
  if (index < 0) return false;
  faults.splice(index, 1);
  return true;
}

export function faultMatches(fault: FaultSpec, path: string): boolean {
  if (fault.path === undefined) return true;
  if (fault.path.endsWith('*')) return path.startsWith(fault.path.slice(0, -1));
  return path === fault.path;
}

/** Take the first fault matching `path`, counting it down; exhausted faults are removed. */
export function takeFault(faults: FaultSpec[], path: string): FaultSpec | undefined {
  // Usually there is none: no search (and no closure made for it) on every request.
  if (faults.length === 0) return undefined;
  const index = faults.findIndex((f) => faultMatches(f, path));
  if (index < 0) return undefined;
  const fault = faults[index]!;
  if (fault.count !== undefined) {
    fault.count -= 1;
    if (fault.count <= 0) faults.splice(index, 1);
  }
  return { ...fault };
}

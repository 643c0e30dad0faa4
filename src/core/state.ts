// The OAuth `state` parameter. WeChat's authorize doc: "state … 只能为a-zA-Z0-9的参数值，最多128字节";
// a state with other characters has come back altered after WeChat's internal redirect, and a 235-char
// state produced an error page (API-FACTS §1.3). Randomness is passed in so this stays pure and testable.

export const STATE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const STATE_MAX_BYTES = 128;
export const DEFAULT_STATE_LENGTH = 32;

/** A source of random bytes, e.g. `node:crypto`'s `randomBytes`. */
export type RandomBytes = (n: number) => Uint8Array;

/**
 * A random state of `length` characters from a-zA-Z0-9. Bytes ≥ 248 (= 4 × 62) are thrown away so every
 * character is equally likely (a plain `byte % 62` would favour the first 8 characters).
 */
export function generateState(randomBytes: RandomBytes, length = DEFAULT_STATE_LENGTH): string {
  const limit = 256 - (256 % STATE_ALPHABET.length);
  let out = '';
  while (out.length < length) {
    const bytes = randomBytes(Math.max(16, length - out.length + 8));
    if (bytes.length === 0) throw new Error('randomBytes returned no bytes');
    for (const byte of bytes) {
      if (byte >= limit) continue;
      out += STATE_ALPHABET[byte % STATE_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export type StateIssue =
  | { kind: 'empty' }
  | { kind: 'charset'; chars: string }
  | { kind: 'too_long'; bytes: number };

export interface StateValidation {
  ok: boolean;
  issues: StateIssue[];
  /** UTF-8 length: WeChat's limit is in bytes, so one 汉字 counts three. */
  bytes: number;
}

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Check a state against WeChat's rules: non-empty, a-zA-Z0-9 only, at most 128 bytes. */
export function validateState(state: string): StateValidation {
  const bytes = utf8Length(state);
  const issues: StateIssue[] = [];
  if (state === '') issues.push({ kind: 'empty' });
  const bad = [...new Set([...state].filter((c) => !/^[A-Za-z0-9]$/.test(c)))];
  if (bad.length > 0) issues.push({ kind: 'charset', chars: bad.map(showChar).join(' ') });
  if (bytes > STATE_MAX_BYTES) issues.push({ kind: 'too_long', bytes });
  return { ok: issues.length === 0, issues, bytes };
}

/** Make invisible characters visible in messages: a space or a line break would otherwise vanish. */
export function showChar(c: string): string {
  if (c === ' ') return '␠';
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const cp = c.codePointAt(0) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  return c;
}

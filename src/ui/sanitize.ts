// The one sanitiser for text from outside (WeChat's fields, errmsg, a callback's state, a pasted URL,
// the user's own arguments echoed back). A terminal acts on control characters: ESC starts cursor
// moves, screen clears, title changes and OSC 52 clipboard writes; C1 (U+0080–U+009F) does the same
// on terminals that honour 8-bit controls; CR and backspace overwrite what was printed; bidi overrides
// make text read differently from what it is ("Trojan Source", CVE-2021-42574). They are shown
// escaped (`\x1b`, `\u009b`), so the user sees what arrived and the terminal acts on none of it.
// --json documents are data for programs and keep the exact values; this is for human output only.

// Also the invisible marks that reorder or hide text without a trace: the bidi marks (U+200E LRM, U+200F
// RLM, U+061C ALM), the zero-width space (U+200B) and the byte-order mark (U+FEFF). Not U+200C/U+200D,
// which scripts and emoji sequences (a family in a nickname) need.
// And the other invisible format characters: the soft hyphen (U+00AD), the Mongolian vowel separator
// (U+180E), the word joiner and invisible operators (U+2060–U+2064), the deprecated format controls
// (U+206A–U+206F).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\u206a-\u206f\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

export interface SanitizeOptions {
  /** Leave these characters as they are (a whole line may keep its newlines and tabs). */
  allow?: string;
}

/**
 * `value` with every control character shown escaped, ESC included: an escape sequence from outside is
 * never acted on, even one that equals a colour code of ours (ui/ansi.ts: our own styles are not
 * written as ESC until Output prints the line).
 */
export function sanitize(value: string, options: SanitizeOptions = {}): string {
  const { allow = '' } = options;
  return value.replace(CONTROL, (match) => (allow.includes(match) ? match : escapeOne(match)));
}

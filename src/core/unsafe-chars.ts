// The characters that act on a terminal or reorder or hide text (control characters, C1, bidi
// overrides and marks, zero-width and other invisible format characters), and how they are shown:
// the same set and escapes as ui/sanitize.ts, which the CLI's human output goes through (ui/ may not
// import this; test/core/unsafe-chars.test.ts keeps the two the same). For what wxauth shows outside a
// terminal: the emulator's own pages, where a U+202E in a seeded nickname reversed what followed it.
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\u206a-\u206f\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `value` with each such character written as an escape (`\u202e`, `\x1b`, `\n`); the rest as it is. */
export function escapeUnsafe(value: string): string {
  return value.replace(UNSAFE_CHARS, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const cp = ch.codePointAt(0) ?? 0;
    return cp < 0x80 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}

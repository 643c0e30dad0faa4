// core/unsafe-chars.ts (the emulator's pages) and ui/sanitize.ts (the CLI's human output) escape the
// same characters the same way: ui/ may not import core, so the list is written twice and kept equal here.
import { describe, expect, it } from 'vitest';
import { escapeUnsafe } from '../../src/core/unsafe-chars.js';
import { sanitize } from '../../src/ui/sanitize.js';

describe('escapeUnsafe', () => {
  it('escapes every BMP character exactly as the CLI sanitizer does', () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (escapeUnsafe(ch) !== sanitize(ch)) expect(escapeUnsafe(ch), `U+${cp.toString(16)}`).toBe(sanitize(ch));
    }
    expect(escapeUnsafe('a\u202Eb\u200Bc\n')).toBe('a\\u202eb\\u200bc\\n');
  });
});

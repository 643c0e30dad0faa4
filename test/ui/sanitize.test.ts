import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/ui/sanitize.js';

describe('sanitize', () => {
  it('shows C0, DEL, C1 and bidi controls escaped', () => {
    expect(sanitize('a\u001b]52;c;eA==\u0007b')).toBe('a\\x1b]52;c;eA==\\x07b');
    expect(sanitize('\u009b2J\u007f\u0000')).toBe('\\u009b2J\\x7f\\x00');
    expect(sanitize('x\u202ey\u2066')).toBe('x\\u202ey\\u2066');
    expect(sanitize('1\n2\r3\t4')).toBe('1\\n2\\r3\\t4');
  });

  it('shows the invisible marks escaped too: bidi marks, zero-width space, byte-order mark', () => {
    // An openid that reads "oAdmin" but is not: nothing invisible reaches the terminal.
    expect(sanitize('o\u200eAd\u200fmin\u061c\u200b\ufeff')).toBe('o\\u200eAd\\u200fmin\\u061c\\u200b\\ufeff');
    expect(sanitize('a\u00adb\u180ec\u2060d\u2064e\u206af\u206f')).toBe('a\\u00adb\\u180ec\\u2060d\\u2064e\\u206af\\u206f');
  });

  it('--json writes the same characters as \\u escapes of the same value', async () => {
    const { terminalSafeJson } = await import('../../src/ui/output.js');
    const value = 'o\u200eA\u00ad\u2060\ufeff';
    const text = terminalSafeJson({ openid: value });
    expect(text).toBe('{"openid":"o\\u200eA\\u00ad\\u2060\\ufeff"}');
    expect(JSON.parse(text)).toEqual({ openid: value });
  });

  it('leaves ordinary text, CJK and emoji alone, emoji joined by ZWJ included', () => {
    expect(sanitize('张三 🐼 https://a.com/?q=1&s=2')).toBe('张三 🐼 https://a.com/?q=1&s=2');
    expect(sanitize('👨\u200d👩\u200d👧 کتاب\u200cها')).toBe('👨\u200d👩\u200d👧 کتاب\u200cها');
  });

  it('keeps the characters it is allowed to, and escapes every escape sequence, colour codes included', () => {
    expect(sanitize('\u001b[31mred\u001b[39m\n', { allow: '\n' })).toBe('\\x1b[31mred\\x1b[39m\n');
    expect(sanitize('\u001b[8mhidden\u001b[2J')).toBe('\\x1b[8mhidden\\x1b[2J');
  });
});

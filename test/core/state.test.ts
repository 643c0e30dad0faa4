import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateState, validateState, STATE_ALPHABET } from '../../src/core/state.js';

/** A deterministic byte source: cycles through the given bytes. */
function cycling(bytes: number[]): (n: number) => Uint8Array {
  let i = 0;
  return (n) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length] ?? 0);
}

describe('generateState', () => {
  it('makes 32 characters of a-zA-Z0-9 by default', () => {
    const s = generateState(cycling([0, 61, 62, 123, 200, 247]));
    expect(s).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(validateState(s).ok).toBe(true);
  });

  it('maps bytes onto the alphabet modulo 62', () => {
    expect(generateState(cycling([0, 1, 61, 62, 26]), 5)).toBe('AB9Aa');
    expect(STATE_ALPHABET).toHaveLength(62);
  });

  it('throws away bytes 248..255 so no character is favoured', () => {
    // 248..255 would map to A..H again and make them 5/256 instead of 4/256 likely.
    expect(generateState(cycling([248, 255, 250, 1]), 3)).toBe('BBB');
  });

  it('is uniform: every character is reachable and counts are even over all byte values', () => {
    const all = Array.from({ length: 256 }, (_, i) => i);
    const s = generateState(cycling(all), 248 * 4);
    const counts = new Map<string, number>();
    for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    expect(new Set(counts.values())).toEqual(new Set([16]));
  });

  it('honours a requested length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 128 }), fc.uint8Array({ minLength: 1, maxLength: 64 }), (len, seed) => {
        const bytes = [...seed];
        if (bytes.every((b) => b >= 248)) bytes.push(7);
        expect(generateState(cycling(bytes), len)).toHaveLength(len);
      }),
    );
  });
});

describe('validateState', () => {
  it('accepts a-zA-Z0-9 up to 128 bytes', () => {
    expect(validateState('abcXYZ019').ok).toBe(true);
    expect(validateState('a'.repeat(128)).ok).toBe(true);
  });

  it('rejects 129 bytes, counting UTF-8 bytes not characters', () => {
    expect(validateState('a'.repeat(129)).issues).toEqual([{ kind: 'too_long', bytes: 129 }]);
    const chinese = validateState('微'.repeat(43)); // 43 × 3 = 129 bytes
    expect(chinese.bytes).toBe(129);
    expect(chinese.issues.map((i) => i.kind)).toEqual(['charset', 'too_long']);
  });

  it('names the offending characters, making invisible ones visible', () => {
    expect(validateState('a-b_c d\n').issues).toEqual([{ kind: 'charset', chars: '- _ ␠ \\n' }]);
  });

  it('rejects the empty string', () => {
    expect(validateState('').issues).toEqual([{ kind: 'empty' }]);
  });
});

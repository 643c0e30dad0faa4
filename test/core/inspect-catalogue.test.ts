// Every finding inspect can produce must render in both languages: message, effect and fix.
import { describe, expect, it } from 'vitest';
import { FINDING_IDS, FINDING_VARIANTS, findingKeys } from '../../src/core/inspect.js';
import { messages } from '../../src/ui/messages/inspect.js';

const catalogue: Record<string, { zh: string; en: string }> = messages;

describe('inspect catalogue', () => {
  for (const id of [...FINDING_IDS, ...FINDING_VARIANTS]) {
    it(`has message, effect and fix for ${id} in zh and en`, () => {
      for (const key of Object.values(findingKeys(id))) {
        const entry = catalogue[key];
        expect(entry, key).toBeDefined();
        expect(entry?.zh.trim(), key).not.toBe('');
        expect(entry?.en.trim(), key).not.toBe('');
        // The same placeholders in both languages, so neither loses information.
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(entry?.zh ?? ''), key).toEqual(names(entry?.en ?? ''));
      }
    });
  }

  it('has no finding entries for ids the core does not know', () => {
    const known = new Set([...FINDING_IDS, ...FINDING_VARIANTS].flatMap((id) => Object.values(findingKeys(id))));
    const findingLike = Object.keys(catalogue).filter((k) =>
      /^inspect\.(input|endpoint|params|response_type|scope|fragment|redirect_uri|domain|state|appid|callback)\./.test(k),
    );
    expect(findingLike.filter((k) => !known.has(k))).toEqual([]);
  });
});

// Help examples are pasted into shells as they are: a URL with ? & # or * in it must be quoted, or zsh
// answers "no matches found" and bash may glob it (the trial copied `wxauth probe http://…?next=/me`).
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { catalogue } from '../../src/ui/messages/index.js';

describe('help examples', () => {
  it('quote every URL a shell would glob or cut', () => {
    const examples = Object.entries(catalogue).filter(([key]) => key.endsWith('.examples'));
    expect(examples.length).toBeGreaterThan(20);
    const unquoted: string[] = [];
    for (const [key, message] of examples) {
      for (const lang of ['zh', 'en'] as const) {
        for (const line of message[lang].split('\n')) {
          // A shell comment out (`  # what it does`, where an apostrophe would open a "quote"), then the
          // quoted spans of this line, then any URL left with a character the shell treats specially.
          const bare = line.replace(/\s#\s.*$/, '').replace(/"[^"]*"|'[^']*'/g, '""');
          for (const url of bare.match(/(?:https?:\/\/|\blocalhost:|\b127\.0\.0\.1:)[^\s"']*[?&#*][^\s"']*/g) ?? []) unquoted.push(`${key} (${lang}): ${url}`);
        }
      }
    }
    expect(unquoted).toEqual([]);
  });

  it('proxy shows each of its options in an example (the trial found --quota and -y without one)', () => {
    const proxy = COMMANDS.find((c) => c.name === 'proxy')!;
    for (const lang of ['zh', 'en'] as const) {
      const examples = catalogue['cli.proxy.examples'][lang].split('\n').map((line) => line.replace(/\s#\s.*$/, ''));
      const missing = (proxy.options ?? []).filter(([flags]) => !flags.split(/,\s*/).some((flag) => examples.some((line) => line.split(/\s+/).includes(flag.split(' ')[0]!))));
      expect(missing.map(([flags]) => flags), lang).toEqual([]);
    }
  });
});

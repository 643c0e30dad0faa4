// wxauth's colours are painted by src/ui/ansi.ts, not chalk (it says why); what a terminal shows must
// not change: for any text, plain, multi-line or already styled, each style writes what chalk's
// level 1 wrote.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ansiStyle } from '../../src/ui/ansi.js';
import type { Style } from '../../src/ui/output.js';

const chalk = new Chalk({ level: 1 });
const NAMES = ['bold', 'dim', 'red', 'green', 'yellow', 'cyan'] as const satisfies ReadonlyArray<keyof Style>;
const name = fc.constantFrom(...NAMES);
/** Text with the characters that matter: newlines, CRLF, escapes, CJK. */
const text = fc.array(fc.constantFrom('a', '码', ' ', '\n', '\r\n', '\r', '\u001b', '[', '0', 'm', '\t'), { maxLength: 12 }).map((a) => a.join(''));
/** A text styled by a nest of styles, built the same way by both painters. */
type Tree = string | { style: (typeof NAMES)[number]; parts: Tree[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.record({ style: name, parts: fc.array(tie('tree'), { maxLength: 3 }) })),
})).tree;
const render = (t: Tree, paint: (style: (typeof NAMES)[number], s: string) => string): string => (typeof t === 'string' ? t : paint(t.style, t.parts.map((p) => render(p, paint)).join('')));

describe('colours', () => {
  it('paints every style as chalk did, for any text', () => {
    fc.assert(
      fc.property(name, text, (style, s) => {
        expect(ansiStyle[style](s)).toBe(chalk[style](s));
      }),
      { numRuns: 500 },
    );
  });

  it('paints nested styles as chalk did (an inner style never ends the outer one)', () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(render(t, (style, s) => ansiStyle[style](s))).toBe(render(t, (style, s) => chalk[style](s)));
      }),
      { numRuns: 500 },
    );
    expect(ansiStyle.red(`a ${ansiStyle.bold('b')} c\nd`)).toBe('\u001b[31ma \u001b[1mb\u001b[22m c\u001b[39m\n\u001b[31md\u001b[39m');
  });
});

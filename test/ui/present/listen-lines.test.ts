// The listener's line per hit is made once per shape (kind, User-Agent) and its number and time put in
// (issue 19): what the user reads must be what rendering the sentence for that hit gives — the
// User-Agent sanitised, the number and time in place — whatever the User-Agent holds.
import { describe, expect, it } from 'vitest';
import { Output } from '../../../src/ui/output.js';
import { hitLines } from '../../../src/ui/present/listen.js';
import type { CallbackHit } from '../../../src/listener/index.js';

const kinds = ['code', 'duplicate', 'denied', 'state_mismatch', 'invalid'] as const;
const mark = { code: 'success', duplicate: 'warn', invalid: 'warn', denied: 'failure', state_mismatch: 'failure' } as const;
const userAgents = ['Mozilla/5.0 (iPhone) MicroMessenger/8.0.50', 'evil\u001b[31mred\u001b]52;c;x\u0007', 'a$&b$1$$', '\uE000 and \uE001', '-'];

/** The time as the line shows it: local wall clock with milliseconds. */
function clock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

describe('listener hit lines', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const color of [false, true]) {
      it(`are the sentence rendered for each hit (${lang}, color ${color})`, () => {
        const sink = { write: () => true };
        const out = new Output({ lang, json: false, color, stdout: sink, stderr: sink });
        let seq = 0;
        // Twice over: the second round is served from the shapes the first one made.
        for (let round = 0; round < 2; round++) {
          for (const kind of kinds) {
            for (const ua of userAgents) {
              seq += 7;
              const at = Date.UTC(2026, 11, 3, 3, 4, 5) + seq * 1001;
              const hit: CallbackHit = { seq, time: new Date(at).toISOString(), at, method: 'GET', userAgent: ua, kind, markers: [] };
              const expected = out.marked(mark[kind], out.t(`listen.hit.${kind}`, { seq, time: clock(at), ua }));
              expect(hitLines(out, hit)).toEqual([expected]);
              expect(expected).toContain(`#${seq} ${clock(at)}`);
            }
          }
        }
      });
    }
  }

  // It takes a number like any hit: shown without it, the terminal read #3 then #5, a line seemingly lost.
  for (const lang of ['en', 'zh'] as const) {
    it(`number a request refused for its Host, with its time (${lang})`, () => {
      const sink = { write: () => true };
      const out = new Output({ lang, json: false, color: false, stdout: sink, stderr: sink });
      const at = Date.UTC(2026, 11, 3, 3, 4, 5, 678);
      const hit: CallbackHit = { seq: 4, time: new Date(at).toISOString(), at, method: 'GET', kind: 'wrong_host', hostHeader: 'evil.example', markers: [] };
      const [line] = hitLines(out, hit);
      expect(line).toMatch(new RegExp(`(?:^|\\s)#4 ${clock(at).replace(/\./g, '\\.')} `));
      expect(line).toContain('evil.example');
    });
  }
});

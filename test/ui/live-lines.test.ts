// JSON Lines written through ui/live-lines.ts (proxy --json): every line, not only the first, writes the
// characters JSON.stringify leaves raw (C1, U+2028/9, bidi overrides) as \u escapes.
import { describe, expect, it } from 'vitest';
import { Output } from '../../src/ui/output.js';
import { liveLines } from '../../src/ui/live-lines.js';

describe('liveLines emitLine', () => {
  it('escapes what a terminal would act on in the first line and in every queued line after it', () => {
    let stdout = '';
    const out = new Output({ lang: 'en', json: true, color: false, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } });
    const lines = liveLines(out);
    lines.emitLine({ type: 'started', note: 'a\u009bb' });
    lines.emitLine({ type: 'call', errmsg: 'x\u009b31my\u202ez\u2028' });
    lines.flush();
    expect(stdout).not.toMatch(/[\u0080-\u009f\u2028\u202e]/);
    const docs = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(docs[0]!.note).toBe('a\u009bb');
    expect(docs[1]!.errmsg).toBe('x\u009b31my\u202ez\u2028');
  });
});

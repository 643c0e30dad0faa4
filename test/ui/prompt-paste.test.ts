// What the secret prompt gets of the terminal's input (ui/prompt-paste.ts): a line break with more text
// behind it is a paste's, kept in the one answer; one last in what came is Enter once the quiet time passed.
import { describe, expect, it } from 'vitest';
import { PASTE_QUIET_MS as LISTEN_PASTE_QUIET_MS } from '../../src/flows/stdin.js';
import { createPasteFilter, LINE_MARK, PASTE_END_LOST_MS, PASTE_QUIET_MS, pastedLines } from '../../src/ui/prompt-paste.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const START = '\u001b[200~';
const END = '\u001b[201~';

/** Pieces in, what the prompt gets out; `settle` after the pieces (the quiet time passed). */
function feed(pieces: string[], settle = true): { out: string; waiting: boolean } {
  const filter = createPasteFilter();
  let out = pieces.map((p) => filter.push(p)).join('');
  const waiting = filter.waiting;
  if (settle) out += filter.settle();
  return { out, waiting };
}

describe('createPasteFilter', () => {
  it('typed keys pass as typed; Enter, a read of its own, is Enter at once, and what is typed next is no second line', () => {
    expect(feed(['a', 'b', '\r'], false)).toEqual({ out: 'ab\r', waiting: false });
    expect(feed(['a', '\r', 'b', '\n', 'c', '\r\n'], false)).toEqual({ out: 'a\rb\rc\r', waiting: false });
    expect(feed(['ab']).out).toBe('ab');
  });

  it('a line break after text of the same read waits: it may be a paste cut where the terminal wrote it in two', () => {
    expect(feed(['ab\r'], false)).toEqual({ out: 'ab', waiting: true });
    expect(feed(['ab\r']).out).toBe('ab\r');
    expect(feed(['ab\r', 'c']).out).toBe(`ab${LINE_MARK}c\r`);
    // Enter pressed while a paste waits to be answered answers it now, once.
    expect(feed([`${SECRET}\r重置`, '\r'], false)).toEqual({ out: `${SECRET}${LINE_MARK}重置\r`, waiting: false });
    // A break alone inside a bracketed paste is the paste's.
    expect(feed([`${START}${SECRET}`, '\n', `重置${END}`]).out).toBe(`${SECRET}${LINE_MARK}重置\r`);
  });

  it('a paste with a second line, in one piece or two: one answer with the break kept, then answered', () => {
    for (const pieces of [[`${SECRET}\r重置`], [`${SECRET}\r`, '重置'], [`${SECRET}\n`, '\n重置']]) {
      expect(feed(pieces).out).toBe(`${SECRET}${LINE_MARK}重置\r`);
    }
  });

  it('a key typed after a paste (Ctrl-U) leaves the line to the person: no Enter of its own', () => {
    expect(feed([`${SECRET}\r重置`, '\u0015']).out).toBe(`${SECRET}${LINE_MARK}重置\u0015`);
  });

  it('Enter then a control key at once: the break was Enter, not a paste', () => {
    expect(feed([`${SECRET}\r\u0003`]).out).toBe(`${SECRET}\r\u0003`);
  });

  it("a control character after a line break inside a bracketed paste is the paste's: the break is no Enter", () => {
    // The prompt is cancelled with the paste refused, not answered with its first line.
    expect(feed([`${START}${SECRET}\n`, '\u0003'], false).out).toBe(`${SECRET}${LINE_MARK}\u0003`);
    expect(feed([`${START}${SECRET}\n\u0015x${END}`]).out).toBe(`${SECRET}${LINE_MARK}\u0015x\r`);
  });

  it('a bracketed paste: its end says when it is over; its trailing break is Enter, its leading ones none', () => {
    expect(feed([`${START}\n${SECRET}\n${END}`], false)).toEqual({ out: `${SECRET}\r`, waiting: false });
    expect(feed([`${START}wx1234567890abcdef\n${SECRET}${END}`]).out).toBe(`wx1234567890abcdef${LINE_MARK}${SECRET}\r`);
    // The bracket cut between two pieces.
    expect(feed([`${START}${SECRET}\n\u001b[20`, '1~']).out).toBe(`${SECRET}\r`);
    expect(feed([`${START}a\u001b[2`, `01~`]).out).toBe('a');
  });

  it('a bracketed paste is open until its end comes: a line break at the end of a piece waits for it, and is no Enter once the rest comes', () => {
    const filter = createPasteFilter();
    expect(filter.push(`${START}${SECRET}\n`)).toBe(SECRET);
    expect({ waiting: filter.waiting, pasteOpen: filter.pasteOpen }).toEqual({ waiting: true, pasteOpen: true });
    expect(filter.push(`重置${END}`)).toBe(`${LINE_MARK}重置`);
    expect({ waiting: filter.waiting, pasteOpen: filter.pasteOpen }).toEqual({ waiting: true, pasteOpen: false });
    expect(filter.settle()).toBe('\r');
    // Its end lost: settled (after the longer wait), the break is Enter and the paste over.
    const lost = createPasteFilter();
    lost.push(`${START}${SECRET}\n`);
    expect(lost.settle()).toBe('\r');
    expect(lost.pasteOpen).toBe(false);
  });
});

describe('pastedLines', () => {
  it('joins the lines with \\n, blank ones left out; a value without a break is as typed', () => {
    expect(pastedLines(`${SECRET}${LINE_MARK}重置`)).toBe(`${SECRET}\n重置`);
    expect(pastedLines(`${LINE_MARK}${SECRET}${LINE_MARK} `)).toBe(SECRET);
    expect(pastedLines(' a ')).toBe(' a ');
  });
});

describe('PASTE_QUIET_MS', () => {
  // ui/ may not import flows/ (test/architecture.test.ts), so the two pastes' quiet time is written twice.
  it('is the same for the secret prompt and listen --paste; a bracketed paste waits longer for its end', () => {
    expect(PASTE_QUIET_MS).toBe(LISTEN_PASTE_QUIET_MS);
    expect(PASTE_END_LOST_MS).toBeGreaterThan(PASTE_QUIET_MS);
  });
});

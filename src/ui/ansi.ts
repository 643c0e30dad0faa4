// Colour for human output: the six styles wxauth uses, as the terminal's basic SGR codes (chalk's
// level 1), painted exactly as chalk paints them (test/ui/ansi.test.ts compares the two on random and
// nested text). chalk itself is an ES module: loading it started Node's ES module loader in every
// coloured run, ~16 ms of CPU on a terminal, more than the rest of `wxauth errcode` (issue 19).
import type { Style } from './output.js';

/** One style: its opening and closing codes around the text, as chalk does it. */
function paint(open: string, close: string): (text: string) => string {
  return (text) => {
    if (!text) return text;
    // Text already styled: wherever an inner style closes ours, open ours again.
    if (text.includes('\u001b')) text = text.replaceAll(close, close + open);
    // Each line on its own, so a line never starts in another line's colour.
    if (text.includes('\n')) text = text.replace(/\r?\n/g, (newline) => close + newline + open);
    return open + text + close;
  };
}

const sgr = (code: number) => `\u001b[${code}m`;

export const ansiStyle: Style = {
  bold: paint(sgr(1), sgr(22)),
  dim: paint(sgr(2), sgr(22)),
  red: paint(sgr(31), sgr(39)),
  green: paint(sgr(32), sgr(39)),
  yellow: paint(sgr(33), sgr(39)),
  cyan: paint(sgr(36), sgr(39)),
};

/** Every escape sequence ansiStyle writes: the only ones human output keeps (Output, sanitize). */
export const ANSI_CODES: ReadonlySet<string> = new Set(Object.values(ansiStyle).flatMap((paint) => paint('x').match(/\u001b\[[0-9;]*m/g) ?? []));

// Colour for human output: the six styles wxauth uses, as the terminal's basic SGR codes (chalk's
// level 1), painted exactly as chalk paints them (test/ui/ansi.test.ts compares the two on random and
// nested text). chalk itself is an ES module: loading it started Node's ES module loader in every
// coloured run, ~16 ms of CPU on a terminal, more than the rest of `wxauth errcode` (issue 19).
import fs from 'node:fs';
import type { Style } from './output.js';

/** One style: its opening and closing codes around the text, as chalk does it. `lead` starts every code. */
function paint(open: string, close: string, lead: string): (text: string) => string {
  return (text) => {
    if (!text) return text;
    // Text already styled: wherever an inner style closes ours, open ours again.
    if (text.includes(lead)) text = text.replaceAll(close, close + open);
    // Each line on its own, so a line never starts in another line's colour.
    if (text.includes('\n')) text = text.replace(/\r?\n/g, (newline) => close + newline + open);
    return open + text + close;
  };
}

/** The six styles, each code written as `lead` + its number + `m` (ESC[ for a terminal). */
function styles(lead: string): Style {
  const code = (n: number) => `${lead}${n}m`;
  return {
    bold: paint(code(1), code(22), lead),
    dim: paint(code(2), code(22), lead),
    red: paint(code(31), code(39), lead),
    green: paint(code(32), code(39), lead),
    yellow: paint(code(33), code(39), lead),
    cyan: paint(code(36), code(39), lead),
  };
}

export const ansiStyle: Style = styles('\u001b[');

/**
 * Our styles as Output paints them: the same codes, but each marked with a lead no value from outside
 * can hold (a noncharacter and a random number made once per run, never printed), in place of ESC[. A
 * value from outside is then escaped whole — an ESC[32m in a callback's state included, even though it
 * is one of our codes — while text we styled, inside a message's parameter, a field or a table cell,
 * stays styled: only the last step before the terminal (toTerminal) turns our marks into ESC[.
 */
export interface OwnStyle {
  style: Style;
  /** `text` with our marks written as the terminal's codes. */
  toTerminal(text: string): string;
}

let own: (OwnStyle & { mark: string; codes: RegExp }) | undefined;

/** The run's own style, made on first use (only a coloured run needs its random lead). */
export function ownStyle(): OwnStyle {
  if (own === undefined) {
    const mark = '\uFDD0' + randomHex() + '[';
    own = {
      mark,
      codes: new RegExp(`\uFDD0${mark.slice(1, -1)}\\[\\d+m`, 'g'),
      style: styles(mark),
      toTerminal: (text) => (text.includes(mark) ? text.replaceAll(mark, '\u001b[') : text),
    };
  }
  return own;
}

/** `text` without the colour codes: the terminal's (ESC[…m) and our marked ones. */
export function stripStyle(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (text.includes('\u001b')) text = text.replace(/\u001b\[[0-9;]*m/g, '');
  if (own !== undefined && text.includes(own.mark)) text = text.replace(own.codes, '');
  return text;
}

/** Whether `text` may hold a colour code (a cheap test before stripStyle). */
export function mayBeStyled(text: string): boolean {
  return text.includes('\u001b') || text.includes('\uFDD0');
}

/**
 * 16 random hex digits from the operating system: /dev/urandom where there is one, else Web Crypto
 * (which costs ~1 ms to load, and node:crypto more: issue 19).
 */
function randomHex(): string {
  const bytes = new Uint8Array(8);
  let fd: number | undefined;
  try {
    fd = fs.openSync('/dev/urandom', 'r');
    if (fs.readSync(fd, bytes, 0, bytes.length, null) !== bytes.length) throw new Error('short read');
  } catch {
    globalThis.crypto.getRandomValues(bytes);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

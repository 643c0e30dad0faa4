// A paste of several lines at a one-line prompt (init's text and secret prompts). A terminal writes a
// paste as if it were typed: its line breaks are Enter. The secret prompt took the first line as the
// answer, and the rest (an AppSecret copied with the 重置 under it, or with the AppID row above) went to
// the next prompt, typed and shown there, one Enter from being saved as the domain; the AppID prompt took
// the AppID of the console's two rows and typed the AppSecret unseen into the masked secret prompt. This filter stands between the terminal and the
// prompt: a line break with more text behind it is part of a paste and stays in the answer as LINE_MARK,
// for the prompt's validate to refuse; a line break last in what came, after text of the same read, is
// held until PASTE_QUIET_MS pass with nothing more (then it is Enter), since a terminal may write a paste
// in pieces (listen --paste waits as long: flows/stdin.ts). A line break that came alone, in a read of its
// own, is the Enter key, at once: a person typing the next answer right after it is not pasting. A paste that held a line break is then answered (Enter) as the terminal
// would have done at that break, but whole: the prompt says at once that it holds more than one line. In a bracketed paste (ESC[200~ … ESC[201~, which a terminal sends
// once asked with ESC[?2004h) the terminal says where the paste ends: a line break at its end is Enter,
// as typed, and line breaks before its first character are dropped. Until its end comes, no line break
// of it is Enter, however long the terminal takes between two pieces of it (over ssh, a long paste): the
// quiet time is PASTE_END_LOST_MS then, in case the end never comes. A terminal that does not know
// bracketed paste ignores the request, and the quiet time alone decides.

/**
 * Where a line break of a paste stands in the prompt's line: U+2424 SYMBOL FOR NEWLINE (␤), a printable
 * character readline inserts like any other. Not U+2028 LINE SEPARATOR: Node 24's readline ends a line
 * there, so the prompt answered with the paste's last line alone (CI on Node 24 caught it).
 */
export const LINE_MARK = '\u2424';

/**
 * How long after a line break the rest of the same paste may still come (a person types the next line
 * much later). The same wait as listen --paste's, flows/stdin.ts PASTE_QUIET_MS, which ui/ may not import
 * (test/ui/prompt-paste.test.ts keeps the two equal).
 */
export const PASTE_QUIET_MS = 150;

/**
 * Inside a bracketed paste, how long with nothing more before its end (ESC[201~) is taken as lost and a
 * line break held is Enter: the terminal said the paste goes on, so a pause between its pieces is no Enter.
 */
export const PASTE_END_LOST_MS = 1000;

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
/** A bracket cut at the end of a piece: kept until the next piece, which holds the rest of it. */
const CUT_BRACKET = /\u001b\[(?:2(?:0[01]?)?)?$/;
/** The Enter key, as a terminal sends it: a read holding one line break and nothing else. */
const TYPED_ENTER = /^(?:\r\n?|\n)$/;
/** Keys, not text: a control character (a tab is text). */
const CONTROL = /^[\u0000-\u0008\u000b-\u001f\u007f]$/;

export interface PasteFilter {
  /** What the prompt gets of a piece of the terminal's input. */
  push(piece: string): string;
  /**
   * A line break waits to be known as Enter (PASTE_QUIET_MS with nothing more) or as part of a paste, or
   * a paste with a line break was typed: settle() once the quiet time passed.
   */
  readonly waiting: boolean;
  /**
   * A bracketed paste has begun and its end has not come: what is waiting is settled after
   * PASTE_END_LOST_MS, not PASTE_QUIET_MS.
   */
  readonly pasteOpen: boolean;
  /**
   * The quiet time passed: the line break held, or the paste holding one, is answered (Enter). Within a
   * bracketed paste, its end is taken as lost.
   */
  settle(): string;
}

export function createPasteFilter(): PasteFilter {
  let inPaste = false;
  let pasteStarted = false;
  let held = false;
  // A paste's line break is in the line since the last Enter.
  let marked = false;
  let carry = '';
  return {
    push(piece) {
      // Enter pressed: a read of its own, a line break alone. A paste's breaks come with its text (a
      // terminal writes a paste at once, and a piece of it is cut where a buffer ends, not around one
      // byte), so this one is Enter at once, not held: keys typed right after it, before the next prompt
      // is drawn, are the next answer, not a second line of this one. What was waiting is answered by it.
      if (carry === '' && !inPaste && TYPED_ENTER.test(piece)) {
        held = false;
        marked = false;
        return '\r';
      }
      let text = carry + piece;
      carry = '';
      const cut = CUT_BRACKET.exec(text);
      if (cut) {
        carry = cut[0];
        text = text.slice(0, cut.index);
      }
      let out = '';
      // A piece that brings a paste's line break is answered once quiet; one that brings keys typed
      // after it (Ctrl-U, more text) is not: the line is the person's again.
      let markedNow = false;
      let typed = false;
      for (const part of text.split(/(\u001b\[20[01]~)/)) {
        if (part === PASTE_START) {
          inPaste = true;
          pasteStarted = false;
          continue;
        }
        if (part === PASTE_END) {
          inPaste = false;
          if (held) {
            out += '\r';
            marked = markedNow = false;
          }
          held = false;
          continue;
        }
        for (const char of part) {
          if (char === '\r' || char === '\n') {
            // Blank lines are one break; the breaks before a bracketed paste's first character, none.
            if (!inPaste || pasteStarted) held = true;
            continue;
          }
          if (held) {
            // A key such as Ctrl-U is no part of a paste: the break before it was Enter. Inside a bracketed
            // paste whose end has not come, it is: keys typed come after the paste's end.
            if (CONTROL.test(char) && !inPaste) out += '\r';
            else {
              out += LINE_MARK;
              markedNow = true;
            }
          }
          held = false;
          pasteStarted = true;
          typed ||= !inPaste;
          out += char;
        }
      }
      if (markedNow) marked = true;
      else if (typed) marked = false;
      return out;
    },
    get waiting() {
      return held || marked;
    },
    get pasteOpen() {
      return inPaste;
    },
    settle() {
      // Settled within a bracketed paste (after PASTE_END_LOST_MS): its end was lost.
      inPaste = false;
      if (!held && !marked) return '';
      held = false;
      marked = false;
      return '\r';
    },
  };
}

/** The lines of an answer that held a paste's line breaks, blank ones left out, joined by \n. */
export function pastedLines(value: string): string {
  if (!value.includes(LINE_MARK)) return value;
  return value
    .split(LINE_MARK)
    .filter((line) => line.trim() !== '')
    .join('\n');
}

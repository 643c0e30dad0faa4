// Where a state file stops being JSON, for the message about it. JSON.parse's own message quotes the
// text around the fault ("...\"secret\": '5e1ec0de5\"... is not valid JSON"): in config.json that can
// be part of the appsecret, more than the usual mask shows, and it is English whatever the user's
// language. This scanner finds the same fault (RFC 8259, as JSON.parse reads it) and says only where
// it is and what kind of fault it is. It runs only after JSON.parse has failed, so a good file costs
// nothing more.

export type JsonFault =
  /** Nothing but whitespace. */
  | 'empty'
  /** A byte order mark before the value (some Windows editors write one). */
  | 'bom'
  /** The text ends inside a value: a closing quote, bracket or brace is missing. */
  | 'end'
  /** A character that cannot stand here. */
  | 'character'
  /** A raw control character (a tab, a line break) inside a string. */
  | 'control'
  /** A backslash escape JSON does not have. */
  | 'escape'
  /** More text after the value. */
  | 'trailing';

export interface JsonSyntaxFault {
  fault: JsonFault;
  /** In UTF-16 units from the start, as JSON.parse's "at position N" counts. */
  offset: number;
  /** 1-based, as editors count. */
  line: number;
  /** 1-based, in characters (code points) from the start of the line. */
  column: number;
  /** The character at the fault, when it is printable ASCII punctuation (a quote, a comma…); never a letter or a digit, which may belong to a secret. */
  char?: string;
}

const isWhitespace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** Offset and kind of the first fault in `text`, or undefined when it is valid JSON. */
function scan(text: string): { offset: number; fault: JsonFault } | undefined {
  const n = text.length;
  let i = 0;
  /** The open containers, innermost last. */
  const stack: number[] = [];
  const at = (fault: JsonFault) => ({ offset: i, fault: i >= n && fault !== 'empty' && fault !== 'trailing' ? ('end' as const) : fault });
  const skip = () => {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
  };
  /** A string starting at i (a quote); undefined when it is well-formed. */
  const string = (): ReturnType<typeof at> | undefined => {
    i++;
    for (;;) {
      if (i >= n) return at('end');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return at('control');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      i++;
      if (i >= n) return at('end');
      const e = text.charCodeAt(i);
      if (e === 0x75) {
        i++;
        for (let k = 0; k < 4; k++, i++) {
          if (i >= n) return at('end');
          if (!isHex(text.charCodeAt(i))) return at('escape');
        }
      } else if ('"\\/bfnrt'.includes(text[i] as string)) i++;
      else return at('escape');
    }
  };
  /** `"key"` and the colon after it, at i. */
  const key = (): ReturnType<typeof at> | undefined => {
    skip();
    if (text.charCodeAt(i) !== 0x22) return at('character');
    const bad = string();
    if (bad) return bad;
    skip();
    if (text.charCodeAt(i) !== 0x3a) return at('character');
    i++;
    return undefined;
  };
  const digits = (): ReturnType<typeof at> | undefined => {
    if (!isDigit(text.charCodeAt(i))) return at('character');
    while (isDigit(text.charCodeAt(i))) i++;
    return undefined;
  };
  const number = (): ReturnType<typeof at> | undefined => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else {
      const bad = digits();
      if (bad) return bad;
    }
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      const bad = digits();
      if (bad) return bad;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      const bad = digits();
      if (bad) return bad;
    }
    return undefined;
  };

  if (text.charCodeAt(0) === 0xfeff) return { offset: 0, fault: 'bom' };
  skip();
  if (i >= n) return { offset: i, fault: 'empty' };
  for (;;) {
    // A value starts here.
    skip();
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      i++;
      skip();
      if (text.charCodeAt(i) === c + 2) i++; // {} or []
      else {
        stack.push(c);
        if (c === 0x7b) {
          const bad = key();
          if (bad) return bad;
        }
        continue;
      }
    } else if (c === 0x22) {
      const bad = string();
      if (bad) return bad;
    } else if (c === 0x2d || isDigit(c)) {
      const bad = number();
      if (bad) return bad;
    } else {
      const word = ['true', 'false', 'null'].find((w) => w[0] === text[i]);
      if (!word) return at('character');
      for (const letter of word) {
        if (text[i] !== letter) return at('character');
        i++;
      }
    }
    // The value is complete: close what it completes, up to the next value.
    for (;;) {
      skip();
      const open = stack[stack.length - 1];
      if (open === undefined) return i < n ? at('trailing') : undefined;
      const d = text.charCodeAt(i);
      if (d === open + 2) {
        i++;
        stack.pop();
        continue;
      }
      if (d !== 0x2c) return at('character');
      i++;
      if (open === 0x7b) {
        const bad = key();
        if (bad) return bad;
      }
      break;
    }
  }
}

/**
 * The first fault in `text` (JSON.parse refused it), with its line and column; undefined if the
 * scanner finds none (it reads JSON as JSON.parse does, so that is not expected).
 */
export function findJsonFault(text: string): JsonSyntaxFault | undefined {
  const found = scan(text);
  if (!found) return undefined;
  const before = text.slice(0, found.offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.length - before.replaceAll('\n', '').length + 1;
  const column = Array.from(before.slice(lineStart)).length + 1;
  const c = text[found.offset];
  const char = found.fault === 'character' && c !== undefined && /^[!-/:-@[-`{-~]$/.test(c) ? c : undefined;
  return { fault: found.fault, offset: found.offset, line, column, ...(char !== undefined ? { char } : {}) };
}

// The errcode tables and the errcode knowledge as the CLI bundle keeps them (scripts/bundle.mjs writes
// them with rowsText and reads them with textRows, in errcode-tables.ts's place): one line per row,
// sorted by code, `<code>\t<JSON>`. A lookup finds the row's line and decodes that line alone, so
// explaining one code allocates one row instead of the whole table, and JSON keeps tabs and newlines
// inside texts escaped. The bundle hands over the file's bytes (a Buffer), not a string: decoding
// 160 KB of tables into a string was a quarter of what `wxauth errcode 40029` allocated, and fresh
// memory is start-up time (issue 19). Pure.
import type { CodeTable, ErrcodeTable, TableRow } from './errcode-tables.js';

/** A text from rowsText, as a string or as its UTF-8 bytes (a Buffer: offsets are then byte offsets). */
export type RowsText = string | { indexOf(needle: string, from?: number): number; toString(encoding: 'utf8', start: number, end?: number): string };

/** The text of rows (starting with a newline, so every line can be found as `\n<code>\t`). */
export function rowsText<T extends { code: number }>(rows: readonly T[], encode: (row: T) => unknown): string {
  return [...rows]
    .sort((a, b) => a.code - b.code)
    .map((r) => `\n${r.code}\t${JSON.stringify(encode(r))}`)
    .join('');
}

/** Rows over `text` (from rowsText) that are decoded as they are asked for, each once. */
export function textRows<T>(text: RowsText, decodeRow: (code: number, json: unknown) => T): CodeTable<T> {
  const slice = (start: number, end: number): string => (typeof text === 'string' ? text.slice(start, end === -1 ? undefined : end) : text.toString('utf8', start, end === -1 ? undefined : end));
  const decoded = new Map<number, T | undefined>();
  let all: Map<number, T> | undefined;

  const decode = (code: number, from: number): T => {
    const tab = text.indexOf('\t', from);
    return decodeRow(code, JSON.parse(slice(tab + 1, text.indexOf('\n', tab))));
  };
  const find = (code: number): T | undefined => {
    if (all) return all.get(code);
    if (!decoded.has(code)) {
      const at = Number.isSafeInteger(code) ? text.indexOf(`\n${code}\t`) : -1;
      decoded.set(code, at === -1 ? undefined : decode(code, at + 1));
    }
    return decoded.get(code);
  };
  /** Every row, in code order, reusing the rows already decoded. */
  const every = (): Map<number, T> => {
    if (!all) {
      all = new Map();
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
        const code = Number(slice(at + 1, text.indexOf('\t', at)));
        all.set(code, decoded.get(code) ?? decode(code, at + 1));
      }
    }
    return all;
  };
  return {
    get: find,
    has: (code) => find(code) !== undefined,
    keys: () => every().keys(),
    values: () => every().values(),
  };
}

/** An errcode table's text: each row as [zh, en, sources]. */
export function tableText(rows: readonly TableRow[]): string {
  return rowsText(rows, (r) => [r.zh, r.en, r.sources]);
}

/** An errcode table over its text. */
export function textTable(text: RowsText): ErrcodeTable {
  return textRows(text, (code, json) => {
    const [zh, en, sources] = json as [string, string, string[]];
    return { code, zh, en, sources };
  });
}

// The errcode tables as the CLI bundle keeps them (scripts/bundle.mjs writes them with tableText and
// reads them with textTable, in errcode-tables.ts's place): one line per row, sorted by code,
// `<code>\t<JSON of [zh, en, sources]>`. A lookup finds the row's line and decodes that line alone, so
// explaining one code allocates one row instead of the whole table, and JSON keeps tabs and newlines
// inside texts escaped. Pure.
import type { ErrcodeTable, TableRow } from './errcode-tables.js';

/** The text of a table (starting with a newline, so every line can be found as `\n<code>\t`). */
export function tableText(rows: readonly TableRow[]): string {
  return [...rows]
    .sort((a, b) => a.code - b.code)
    .map((r) => `\n${r.code}\t${JSON.stringify([r.zh, r.en, r.sources])}`)
    .join('');
}

/** A table over `text` (from tableText) that decodes rows as they are asked for, each once. */
export function textTable(text: string): ErrcodeTable {
  const decoded = new Map<number, TableRow | undefined>();
  let all: Map<number, TableRow> | undefined;

  const decode = (code: number, from: number): TableRow => {
    const tab = text.indexOf('\t', from);
    const end = text.indexOf('\n', tab);
    const [zh, en, sources] = JSON.parse(text.slice(tab + 1, end === -1 ? undefined : end)) as [string, string, string[]];
    return { code, zh, en, sources };
  };
  const find = (code: number): TableRow | undefined => {
    if (all) return all.get(code);
    if (!decoded.has(code)) {
      const at = Number.isSafeInteger(code) ? text.indexOf(`\n${code}\t`) : -1;
      decoded.set(code, at === -1 ? undefined : decode(code, at + 1));
    }
    return decoded.get(code);
  };
  /** Every row, in code order, reusing the rows already decoded. */
  const every = (): Map<number, TableRow> => {
    if (!all) {
      all = new Map();
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
        const code = Number(text.slice(at + 1, text.indexOf('\t', at)));
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

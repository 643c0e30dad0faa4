// The CLI bundle reads the errcode tables through textTable and the knowledge through textRows, over
// the files' bytes (scripts/bundle.mjs); src/ and every other test read them as Maps. The two must
// agree on every row and entry, or the installed CLI would explain codes differently from what the
// tests check.
import { describe, expect, it } from 'vitest';
import { errcodeTable, knowledgeTable, type TableName, type TableRow } from '../../src/core/errcode-tables.js';
import { rowsText, tableText, textRows, textTable } from '../../src/core/errcode-table-text.js';

describe('the errcode tables as the bundle keeps them', () => {
  for (const name of ['wechat', 'wecom'] as TableName[]) {
    it(`${name}: the same row for every code, looked up one at a time, in the text and in its bytes`, () => {
      const map = errcodeTable(name);
      const text = tableText([...map.values()]);
      for (const table of [textTable(text), textTable(Buffer.from(text))]) {
        for (const [code, row] of map as ReadonlyMap<number, TableRow>) {
          expect(table.has(code), String(code)).toBe(true);
          expect(table.get(code), String(code)).toEqual(row);
        }
      }
    });

    it(`${name}: every row from the bytes, as from the text`, () => {
      const text = tableText([...errcodeTable(name).values()]);
      expect([...textTable(Buffer.from(text)).values()]).toEqual([...textTable(text).values()]);
    });

    it(`${name}: every row in code order, reusing rows already looked up`, () => {
      const map = errcodeTable(name);
      const text = textTable(tableText([...map.values()].reverse()));
      const early = text.get(40029);
      const codes = [...text.keys()];
      expect(codes).toEqual([...map.keys()].sort((a, b) => a - b));
      expect([...text.values()]).toEqual(codes.map((c) => map.get(c)));
      if (early) expect(text.get(40029)).toBe(early);
    });
  }

  it('has no row for an unknown, partial or non-integer code', () => {
    const text = textTable(tableText([...errcodeTable('wechat').values()]));
    for (const code of [99999, 4002, 400290, 1.5, Number.NaN, -2]) expect(text.get(code), String(code)).toBeUndefined();
    expect(text.get(-1)?.code).toBe(-1);
  });

  it('gives every knowledge entry, by code and all together, from the bytes of its text', () => {
    const map = knowledgeTable();
    const entries = textRows(Buffer.from(rowsText([...map.values()], (e) => e)), (code, json) => json);
    for (const entry of map.values()) expect(entries.get(entry.code), String(entry.code)).toEqual(entry);
    expect(entries.get(40030 + 99999)).toBeUndefined();
    expect([...entries.values()]).toEqual([...map.values()].sort((a, b) => a.code - b.code));
  });

  it('keeps tabs, newlines and quotes inside texts', () => {
    const rows: TableRow[] = [{ code: 7, zh: '甲\t乙\n丙 "丁"', en: 'a\tb\nc', sources: ['x'] }, { code: 8, zh: '', en: 'e', sources: [] }];
    for (const text of [textTable(tableText(rows)), textTable(Buffer.from(tableText(rows)))]) {
      expect(text.get(7)).toEqual(rows[0]);
      expect([...text.values()]).toEqual(rows);
    }
  });
});

// The two errcode tables (WeChat's and WeCom's, copied with provenance into ./data, see
// ./data/SOURCES.md), as errcodes.ts reads them: a row by code, and every row on demand. Pure.
//
// src/ and the tests read the JSON arrays into Maps. The CLI bundle puts this module's place to
// errcode-table-text.ts over a compact text it writes beside itself (scripts/bundle.mjs): `wxauth
// errcode 40029` then decodes the one row it explains instead of all 1,916 (issue 19).
import tableData from './data/errcodes.json' with { type: 'json' };
import wecomData from './data/errcodes-wecom.json' with { type: 'json' };

export interface TableRow {
  code: number;
  zh: string;
  en: string;
  sources: string[];
}

export type TableName = 'wechat' | 'wecom';

/** What errcodes.ts asks of a table (a Map has it all). */
export type ErrcodeTable = Pick<ReadonlyMap<number, TableRow>, 'get' | 'has' | 'keys' | 'values'>;

const tables: Partial<Record<TableName, ErrcodeTable>> = {};

/** One table, indexed on first use. */
export function errcodeTable(name: TableName): ErrcodeTable {
  return (tables[name] ??= new Map(((name === 'wechat' ? tableData : wecomData) as TableRow[]).map((r) => [r.code, r])));
}

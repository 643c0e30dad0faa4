// The two errcode tables (WeChat's and WeCom's, copied with provenance into ./data, see
// ./data/SOURCES.md) and the hand-written knowledge (./errcode-knowledge.ts), as errcodes.ts reads
// them: a row or an entry by code, and all of them on demand. Pure.
//
// src/ and the tests read them into Maps. The CLI bundle puts errcode-table-text.ts in this module's
// place, over compact texts it writes beside itself (scripts/bundle.mjs): `wxauth errcode 40029` then
// decodes the one row and the one entry it explains instead of all of them (issue 19).
import tableData from './data/errcodes.json' with { type: 'json' };
import wecomData from './data/errcodes-wecom.json' with { type: 'json' };
import { KNOWLEDGE, type KnowledgeEntry } from './errcode-knowledge.js';

export interface TableRow {
  code: number;
  zh: string;
  en: string;
  sources: string[];
}

export type TableName = 'wechat' | 'wecom';

/** What errcodes.ts asks of a table (a Map has it all). */
export type CodeTable<T> = Pick<ReadonlyMap<number, T>, 'get' | 'has' | 'keys' | 'values'>;

/** An errcode table. */
export type ErrcodeTable = CodeTable<TableRow>;

const tables: Partial<Record<TableName, ErrcodeTable>> = {};

/** One table, indexed on first use. */
export function errcodeTable(name: TableName): ErrcodeTable {
  return (tables[name] ??= new Map(((name === 'wechat' ? tableData : wecomData) as TableRow[]).map((r) => [r.code, r])));
}

/** The knowledge entries by code. */
export type KnowledgeTable = CodeTable<KnowledgeEntry>;

let knowledge: KnowledgeTable | undefined;

/** The knowledge, indexed on first use. */
export function knowledgeTable(): KnowledgeTable {
  return (knowledge ??= new Map(KNOWLEDGE.map((k) => [k.code, k])));
}

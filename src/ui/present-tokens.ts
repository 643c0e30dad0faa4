// What is left of the old user-token presenters: `listen --exchange` still prints its exchange through
// this name. The rendering itself lives in ui/present/exchange.ts; delete this file when listen calls
// that module's present() directly.
import type { ExchangeResult } from '../flows/user-token.js';
import type { Output } from './output.js';
import { present } from './present/exchange.js';

export function presentExchange(out: Output, exchange: ExchangeResult, c: { now: number; profile: string; profileFlag: string; raw?: boolean }): void {
  present({ exchange, now: c.now, profile: c.profile, profileFlag: c.profileFlag, raw: c.raw === true }, out);
}

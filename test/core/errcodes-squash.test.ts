import { describe, expect, it } from 'vitest';
import { squash } from '../../src/core/errcodes.js';

// squash() is how `wxauth errcode` matches a pasted page text or search words against WeChat's texts
// (and whether two tables' meanings are the same): punctuation, symbols and blanks do not count. Its
// class is written out instead of `\p{P}\p{S}` (issue 19); it must drop exactly what that class drops.
const BLOCKS: Array<[number, number]> = [
  [0x0000, 0x00ff], // ASCII, Latin-1
  [0x2000, 0x206f], // general punctuation
  [0x2190, 0x23ff], // arrows, mathematical operators, technical
  [0x25a0, 0x27bf], // shapes, symbols, dingbats
  [0x2e00, 0x2e7f], // supplemental punctuation (⸺)
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0x30a0, 0x30ff], // katakana (゠, the middle dot ・)
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xffef], // half-width and full-width forms
];
const byProperty = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, (m) => (m.includes('_') ? '_' : ''));

describe('squash', () => {
  it('drops exactly the blanks, punctuation and symbols Unicode names, over the blocks WeChat texts use', () => {
    const differ: string[] = [];
    for (const [from, to] of BLOCKS) {
      for (let c = from; c <= to; c++) {
        const text = `a${String.fromCharCode(c)}b`;
        if (squash(text) !== byProperty(text)) differ.push(`U+${c.toString(16).padStart(4, '0')}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('keeps letters, digits, CJK and one _ for a run holding one', () => {
    expect(squash('不合法的 oauth_code（code 无效、已过期）。')).toBe('不合法的oauth_codecode无效已过期');
    expect(squash('invalid appsecret, view more at http://t.cn/RAEkdVq')).toBe('invalidappsecretviewmoreathttptcnraekdvq');
    expect(squash('access_token ,_ missing')).toBe('access_token_missing');
    expect(squash('Ａ１【提示】→ ok')).toBe('ａ１提示ok');
  });
});

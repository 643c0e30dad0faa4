// Chinese typography in composed lines (issue 12 item 10): a meaning and its note join without the
// ASCII space English needs ("含义 （中文为…）" read as a stray gap); English keeps its space.
import { describe, expect, it } from 'vitest';
import type { ErrcodeExplanation } from '../../src/core/errcodes.js';
import { printExplanation } from '../../src/ui/explain.js';
import { Output } from '../../src/ui/output.js';

const E = {
  code: 12345,
  known: true,
  table: 'wechat',
  meaning: { zh: '中文含义', en: 'English meaning' },
  derived: ['zh'],
  untranslated: ['en'],
  causes: [],
  fixes: [],
} as unknown as ErrcodeExplanation;

function print(lang: 'zh' | 'en'): string {
  let text = '';
  const sink = { write: (s: string) => (text += s) };
  printExplanation(new Output({ lang, json: false, color: false, stdout: sink, stderr: sink }), E, { to: 'stdout' });
  return text;
}

describe('printExplanation joins', () => {
  it('zh: no space before a full-width bracket', () => {
    const zh = print('zh');
    expect(zh).toContain('中文含义（中文为 wxauth 所译');
    expect(zh).not.toMatch(/\S （/);
  });

  it('en: a space before the note', () => {
    expect(print('en')).toContain('English meaning (no source has English text');
  });
});

describe('printExplanation: the other language', () => {
  function printed(e: ErrcodeExplanation, lang: 'zh' | 'en'): string {
    let text = '';
    const sink = { write: (s: string) => (text += s) };
    printExplanation(new Output({ lang, json: false, color: false, stdout: sink, stderr: sink }), e, { to: 'stdout' });
    return text;
  }
  const derivedEn = { ...E, meaning: { zh: '只有中文', en: 'English by wxauth' }, derived: ['en'], untranslated: undefined } as unknown as ErrcodeExplanation;
  const page = { ...E, meaning: { zh: '页面提示', en: 'The page says' }, derived: undefined, untranslated: undefined, page: { id: 'p', text: { zh: 'x', en: 'x' } } } as unknown as ErrcodeExplanation;
  const sourced = { ...E, meaning: { zh: '官方中文', en: 'official english' }, derived: undefined, untranslated: undefined } as unknown as ErrcodeExplanation;

  it('zh shows no English that wxauth wrote itself (a derived translation, an error page’s explanation)', () => {
    expect(printed(derivedEn, 'zh')).toContain('只有中文');
    expect(printed(derivedEn, 'zh')).not.toContain('English by wxauth');
    expect(printed(page, 'zh')).toContain('页面提示');
    expect(printed(page, 'zh')).not.toContain('The page says');
  });

  it('zh keeps a source’s English; en keeps the Chinese in every case', () => {
    expect(printed(sourced, 'zh')).toContain('official english');
    expect(printed(derivedEn, 'en')).toContain('只有中文');
    expect(printed(page, 'en')).toContain('页面提示');
  });
});

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

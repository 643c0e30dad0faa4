// Help pages wrap by terminal columns (ui/output.ts wrapToWidth): a Chinese character takes two and
// Chinese has no spaces, so commander's own wrapping (spaces, one column a character) overflowed.
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToWidth } from '../../src/ui/output.js';
import { t } from '../../src/ui/i18n.js';

const FAULT_ZH = t('zh', 'cli.emulator.opt.fault');

describe('wrapToWidth', () => {
  it('keeps every line of a Chinese description within the width, in columns', () => {
    for (const width of [30, 46, 60]) {
      const lines = wrapToWidth(FAULT_ZH, width).split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      // Nothing lost or added but the breaks (and the spaces a break replaced).
      expect(lines.join('').replace(/\s/g, '')).toBe(FAULT_ZH.replace(/\s/g, ''));
    }
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    const text = '用户点“拒绝”后：redirect-state-only（默认，只带 state 跳回）|no-redirect；@PATH 只作用于该路径（/cgi-bin/* 表示前缀），:COUNT 只作用于接下来的请求。';
    for (let width = 4; width <= 50; width++) {
      const lines = wrapToWidth(text, width).split('\n');
      for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。、；：！？）」』》〉】”’…)]/);
      for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/[（「『《〈【“‘(]$/);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });

  it('keeps an apostrophe (’) inside its word: never “domain’” at a line\'s end and “s” on the next', () => {
    const text = 'Check a real deployment before anyone scans: profile, authorize URL, the domain’s verify file, certificate, callback';
    for (let width = 20; width <= 90; width++) {
      const lines = wrapToWidth(text, width).split('\n');
      for (const line of lines) expect(line, `width ${width}`).not.toMatch(/^s\b/);
      expect(lines.join(' ')).toBe(text);
    }
  });

  it('breaks English only at spaces, and keeps a word longer than the width whole', () => {
    const text = 'inject a fault (repeatable): KIND[=MS][@PATH][:COUNT], KIND one of delay';
    const lines = wrapToWidth(text, 20).split('\n');
    expect(lines.join(' ')).toBe(text);
    expect(lines).toContain('KIND[=MS][@PATH][:COUNT],');
  });

  it('keeps curly quotes with the words they quote', () => {
    expect(wrapToWidth('用户点“拒绝”后', 7)).toBe('用户点\n“拒绝”\n后');
    expect(wrapToWidth('Test your own server’s login: leaked secrets…', 20)).toBe('Test your own\nserver’s login:\nleaked secrets…');
  });

  it('keeps the lines it was given', () => {
    expect(wrapToWidth('一\n\n二', 40)).toBe('一\n\n二');
  });
});

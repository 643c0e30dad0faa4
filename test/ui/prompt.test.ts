// inquirer's key hints ("↑↓ navigate • ⏎ select") in the user's language (issue 12 item 10).
import { describe, expect, it } from 'vitest';
import { plainTheme, promptTheme } from '../../src/ui/prompt.js';

describe('promptTheme', () => {
  it('zh: the select prompt key hints are Chinese', () => {
    const tip = promptTheme('zh').style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']]);
    expect(tip).toBe('↑↓ 移动 • ⏎ 选择');
  });

  it('en: the hints stay as inquirer words them; unknown actions pass through', () => {
    expect(promptTheme('en').style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']])).toBe('↑↓ navigate • ⏎ select');
    expect(promptTheme('zh').style.keysHelpTip([['x', 'frobnicate']])).toBe('x frobnicate');
  });
});

describe('plainTheme (--no-color)', () => {
  it('styles nothing: the same marks and words, no escape codes', () => {
    const theme = plainTheme('zh');
    const { keysHelpTip, ...texts } = theme.style;
    const styled = [theme.prefix.idle, theme.prefix.done, keysHelpTip([['⏎', 'select']]), ...Object.values(texts).map((f) => f('x'))];
    for (const text of styled) expect(text).not.toMatch(/\u001b\[/);
    expect(theme.style.defaultAnswer('y/N')).toBe('(y/N)');
    expect(theme.style.keysHelpTip([['↑↓', 'navigate']])).toBe('↑↓ 移动');
  });
});

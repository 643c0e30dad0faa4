// A table wider than the terminal it goes to (ui/output.ts table): each row becomes a block of
// `header  value` lines, instead of lines the terminal wraps into a jumble (tokens list at 80 columns).
import { describe, expect, it } from 'vitest';
import { displayWidth, Output } from '../../src/ui/output.js';

const HEADERS = ['openid', 'scope', 'unionid', 'access_token 过期', 'refresh_token 过期', '获取时间'];
const ROWS = [
  ['o8LwORtmsiKdbaTpbgZY93ddxjMk', 'snsapi_userinfo', 'oDrS6I0_CPleJ6h_NufzfJRpNajb', '1小时59分后', '29天23小时后', '2026-01-15 10:00:00'],
  ['o8LwORtmsiKdbaTpbgZY93ddxjMz', 'snsapi_base', '', '5分后', '29天后', '2026-01-15 11:00:00'],
];

function render(stdout: { isTTY?: boolean; columns?: number }): string[] {
  let text = '';
  const out = new Output({ lang: 'zh', json: false, color: false, stdout: { ...stdout, write: (s: string) => (text += s) }, stderr: { write: () => undefined } });
  out.table(HEADERS, ROWS);
  return text.split('\n').slice(0, -1);
}

describe('a table wider than its terminal', () => {
  it('on an 80-column terminal, prints each row as a block of header and value, every line within the width', () => {
    const lines = render({ isTTY: true, columns: 80 });
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(lines).toContain('refresh_token 过期  29天23小时后');
    expect(lines).toContain(`openid${' '.repeat(14)}o8LwORtmsiKdbaTpbgZY93ddxjMz`);
    // The blocks are separated by one empty line, and the empty unionid keeps its label.
    expect(lines.filter((l) => l === '')).toHaveLength(1);
    expect(lines).toContain('unionid');
  });

  it('stays a table on a terminal wide enough, and always into a pipe or a file', () => {
    for (const stdout of [{ isTTY: true, columns: 200 }, {}]) {
      const lines = render(stdout);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^openid\s+scope\s+unionid\s+access_token 过期\s+refresh_token 过期\s+获取时间$/);
    }
  });
});

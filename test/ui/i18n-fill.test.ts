// Values put into a Chinese sentence (ui/i18n.ts fill): the space a template puts after a value is right
// after 「10:00:00」 and wrong after a full-width 「）」.
import { describe, expect, it } from 'vitest';
import { tr } from '../../src/ui/i18n.js';

describe('filling a value into a Chinese sentence', () => {
  it('drops the space after a value that ends in full-width punctuation, and only then', () => {
    const ref = (expiry: string) => ({ key: 'tokens.refresh.refreshUntil', params: { expiry } }) as const;
    expect(tr('zh', ref('2026-12-04 03:03:06（29天23小时后）'))).toContain('：2026-12-04 03:03:06（29天23小时后）之后预计需要用户重新授权。');
    expect(tr('zh', ref('2026-12-04 03:03:06'))).toContain('：2026-12-04 03:03:06 之后预计需要用户重新授权。');
    expect(tr('en', ref('2026-12-04 03:03:06 (in 29d23h)'))).toContain('after 2026-12-04 03:03:06 (in 29d23h).');
  });
});

describe('a URL before a full-width bracket in Chinese', () => {
  it('is followed by a space, so a terminal’s link ends with the URL', () => {
    expect(tr('zh', { key: 'emulator.page', params: { page: 'http://127.0.0.1:3900/' } })).toMatch(/^模拟器页面：http:\/\/127\.0\.0\.1:3900\/ （/);
    expect(tr('en', { key: 'emulator.page', params: { page: 'http://127.0.0.1:3900/' } })).toContain('http://127.0.0.1:3900/ (');
  });
});

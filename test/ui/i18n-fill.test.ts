// Values put into a Chinese sentence (ui/i18n.ts fill): the space a template puts after a value is right
// after 「10:00:00」 and wrong after a full-width 「）」.
import { describe, expect, it } from 'vitest';
import { tr } from '../../src/ui/i18n.js';

describe('filling a value into a Chinese sentence', () => {
  it('drops the space after a value that ends in full-width punctuation, and only then', () => {
    const ref = (expiry: string) => ({ key: 'tokens.refresh.refreshUntil', params: { expiry } }) as const;
    expect(tr('zh', ref('2026-12-04 03:03:06（29天23小时后）'))).toContain('：预计 2026-12-04 03:03:06（29天23小时后）之后需要用户重新授权。');
    expect(tr('zh', ref('2026-12-04 03:03:06'))).toContain('：预计 2026-12-04 03:03:06 之后需要用户重新授权。');
    expect(tr('en', ref('2026-12-04 03:03:06 (in 29d23h)'))).toContain('after 2026-12-04 03:03:06 (in 29d23h).');
  });
});

describe('a URL before a full-width bracket in Chinese', () => {
  it('is followed by a space, so a terminal’s link ends with the URL', () => {
    expect(tr('zh', { key: 'emulator.page', params: { page: 'http://127.0.0.1:3900/' } })).toMatch(/^模拟器页面：http:\/\/127\.0\.0\.1:3900\/ （/);
    expect(tr('en', { key: 'emulator.page', params: { page: 'http://127.0.0.1:3900/' } })).toContain('http://127.0.0.1:3900/ (');
  });
});

describe('a moment given below the UI ({ localTime })', () => {
  it('is shown as the local wall-clock time, in both languages', () => {
    const at = new Date(2026, 0, 15, 10, 0, 7).getTime();
    const ref = { key: 'tokens.next.code_spent_here', params: { at: { localTime: at }, openid: 'oU1', p: '', codeProfile: 'default', cp: '', login: { key: 'tokens.again.login', params: { p: '' } } } } as const;
    expect(tr('en', ref)).toMatch(/^wxauth itself exchanged this code at 2026-01-15 10:00:07 \(profile default, openid oU1\)\./);
    expect(tr('zh', ref)).toMatch(/^wxauth 自己在 2026-01-15 10:00:07 已经用这个 code 换过 token（profile default，openid oU1）。/);
  });
});

// url's "Also: {problem} {hint}" (and init's) with no hint; config set's "{hint} Nothing was saved…".
describe('a value given as empty text at either end of a sentence', () => {
  const missing = { key: 'config.missing', params: { fields: ['appid'], profile: 'default' } } as const;
  it('takes its space with it: no trailing space after the last word, no leading one before the first', () => {
    expect(tr('en', { key: 'url.configMissing.also', params: { problem: missing, hint: '' } })).toBe('Also: Missing configuration: appid (profile "default").');
    expect(tr('zh', { key: 'url.configMissing.also', params: { problem: missing, hint: '' } })).toBe('另外：缺少配置：appid（profile "default"）。');
    expect(tr('en', { key: 'init.also', params: { problem: missing, hint: '' } })).toBe('Also: Missing configuration: appid (profile "default").');
    expect(tr('zh', { key: 'init.also', params: { problem: missing, hint: '' } })).toBe('另外：缺少配置：appid（profile "default"）。');
    expect(tr('en', { key: 'config.set.corrected.again.hint', params: { hint: '', key: 'domain', value: 'www.example.com' } })).toBe('Nothing was saved: run the same command again with domain www.example.com.');
  });
  it('leaves a sentence whose values are there as it was', () => {
    const hint = { key: 'config.missing.hint', params: { profile: 'default', first: 'appid', value: '<value>', env: ['WXAUTH_APPID'] } } as const;
    expect(tr('en', { key: 'url.configMissing.also', params: { problem: missing, hint } })).toBe('Also: Missing configuration: appid (profile "default"). Run wxauth init --profile default, or wxauth config set appid <value>, or set WXAUTH_APPID.');
    // An empty value inside the sentence is left alone: `wxauth{p} login` with no profile flag.
    expect(tr('en', { key: 'url.refused.hint.login.website', params: { p: '' } })).toMatch(/log in with it: wxauth login$/);
  });
});

// The presenter main.ts uses for every WechatApiError (compact, stderr) and `wxauth errcode` uses
// for its data (full, stdout).
import { describe, expect, it } from 'vitest';
import { explainErrcode, explainInputs } from '../../src/core/errcodes.js';
import { printExplanation, printUnknown } from '../../src/ui/explain.js';
import { Output } from '../../src/ui/output.js';
import type { Lang } from '../../src/ui/i18n.js';

function capture(lang: Lang, json = false) {
  const stdout = { text: '', write(s: string) { this.text += s; } };
  const stderr = { text: '', write(s: string) { this.text += s; } };
  const out = new Output({ lang, json, color: false, stdout, stderr });
  return { out, stdout, stderr };
}

describe('printExplanation, compact (what a failing command shows)', () => {
  it('prints the meaning, the top causes and fixes for that endpoint, in the user language, on stderr', () => {
    const { out, stdout, stderr } = capture('en');
    printExplanation(out, explainErrcode(40001, { endpoint: '/cgi-bin/user/info' }), { compact: true });
    expect(stdout.text).toBe('');
    const lines = stderr.text.trimEnd().split('\n');
    expect(lines[0]).toBe('errcode 40001  invalid credential, access_token is invalid or not latest');
    expect(lines[1]).toBe('Likely causes (most likely first)');
    expect(lines[2]).toMatch(/^ {2}1\. The basic access_token was invalidated/);
    expect(stderr.text).not.toMatch(/used as the user token/);
    expect(stderr.text).toMatch(/Fixes\n {2}1\. Switch to POST \/cgi-bin\/stable_token/);
    expect(stderr.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(lines[lines.length - 1]).toBe('Full explanation: wxauth errcode 40001');
  });

  it('in Chinese, with at most three causes', () => {
    const { out, stderr } = capture('zh');
    printExplanation(out, explainErrcode(40029, { endpoint: '/sns/oauth2/access_token' }), { compact: true });
    expect(stderr.text.split('\n')[0]).toBe('错误码 40029  不合法的 oauth_code');
    expect(stderr.text).toMatch(/ {2}3\. /);
    expect(stderr.text).not.toMatch(/可能原因（按可能性排序）\n(?: {2}\d\. .*\n){4}/);
  });

  it('fills in the caller IP for 40164 when given the errmsg', () => {
    const { out, stderr } = capture('zh');
    printExplanation(
      out,
      explainErrcode(40164, { endpoint: '/cgi-bin/token', errmsg: 'invalid ip 9.8.7.6 ipv6 ::ffff:9.8.7.6, not in whitelist rid: 6392f3df-1a2b3c4d-5e6f7a8b' }),
      { compact: true },
    );
    expect(stderr.text).toContain('把 9.8.7.6 加入公众号的 IP 白名单');
  });
});

describe('printExplanation, full (wxauth errcode)', () => {
  it('prints both languages of the meaning, user language first, on stdout', () => {
    const { out, stdout, stderr } = capture('zh');
    printExplanation(out, explainErrcode(42002), { to: 'stdout' });
    expect(stderr.text).toBe('');
    expect(stdout.text).toMatch(/^错误码 42002\n含义\s+refresh_token 超时\n\s+refresh_token expired\n/);
    expect(stdout.text).toContain('文档');
  });

  it('says when a meaning is not in any source', () => {
    const { out, stdout } = capture('en');
    printExplanation(out, explainErrcode(101), { to: 'stdout' });
    expect(stdout.text).toContain('(no source has English text; the Chinese is shown)');
    expect(stdout.text).toContain('wxauth has no further notes on this code');
  });

  it('without an endpoint, marks the causes that belong to particular endpoints', () => {
    const { out, stdout } = capture('en');
    printExplanation(out, explainErrcode(40001), { to: 'stdout' });
    expect(stdout.text).toMatch(/as the user token\. The two are not interchangeable\. \(\/sns\/userinfo, \/sns\/auth\)/);
    expect(stdout.text).toMatch(/points at exactly this\. \(\/cgi-bin\/\*\)/);
  });

  it('prints nothing on stdout in --json mode (the JSON document carries it)', () => {
    const { out, stdout } = capture('en', true);
    printExplanation(out, explainErrcode(40029), { to: 'stdout' });
    expect(stdout.text).toBe('');
  });
});

describe('printUnknown', () => {
  it('says the code is unknown and lists the nearest codes and where to look, on stderr', () => {
    const { out, stdout, stderr } = capture('zh');
    const [u] = explainInputs(['10007']).unknown;
    if (!u) throw new Error('expected an unknown input');
    printUnknown(out, u);
    expect(stdout.text).toBe('');
    expect(stderr.text).toMatch(/^✖ 未收录的错误码：10007\n同一段（10xxx）里已收录的错误码：\n错误码\s+含义\n10006\s+必须关注此测试号\n/);
    expect(stderr.text).toContain('可以去这里查：');
  });

  it('asks about a login code one slip away before the nearest codes, in the user language', () => {
    const [u] = explainInputs(['41063']).unknown;
    if (!u) throw new Error('expected an unknown input');
    const en = capture('en');
    printUnknown(en.out, u);
    expect(en.stderr.text).toMatch(/^✖ Unknown errcode: 41063\n→ Did you mean 40163\? code been used \(wxauth errcode 40163\)\nKnown codes of the same range \(41xxx\):/);
    const zh = capture('zh');
    printUnknown(zh.out, u);
    expect(zh.stderr.text).toMatch(/^✖ 未收录的错误码：41063\n→ 是不是 40163？oauth_code已使用（wxauth errcode 40163）\n/);
  });
});

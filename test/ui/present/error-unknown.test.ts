// An errcode the tables do not have gets where to look it up as its next step. The explanation's doc is
// optional (ErrcodeExplanation): without one, the hint was given `doc: ''` and read
// "…WeChat’s errcode list, ; search for…". It now says the same advice as a whole sentence of its own.
import { describe, expect, it } from 'vitest';
import { explainErrcode } from '../../../src/core/errcodes.js';
import { WechatApiError } from '../../../src/errors.js';
import { Output } from '../../../src/ui/output.js';
import { presentError } from '../../../src/ui/present/error.js';

function shown(lang: 'en' | 'zh', json: boolean, doc: 'keep' | 'drop') {
  let stdout = '';
  let stderr = '';
  const out = new Output({ lang, json, color: false, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  const error = new WechatApiError({ errcode: 87654, errmsg: 'something new', endpoint: '/sns/oauth2/access_token', raw: '{"errcode":87654,"errmsg":"something new"}' });
  const explained = explainErrcode(87654, { endpoint: '/sns/oauth2/access_token' });
  expect(explained.known).toBe(false);
  const explanation = doc === 'keep' ? explained : { ...explained, doc: undefined };
  presentError(out, error, { explanation });
  return { stdout, stderr };
}

describe('an unknown errcode’s hint', () => {
  it('with the doc page: names it', () => {
    expect(shown('en', false, 'keep').stderr).toMatch(/→ wxauth’s tables do not have 87654: look it up in WeChat’s errcode list, https:\/\/\S+; search for the errmsg/);
  });

  it('without a doc page: no empty place in the sentence (en, zh, --json)', () => {
    const en = shown('en', false, 'drop').stderr;
    expect(en).toContain('→ wxauth’s tables do not have 87654: look it up in WeChat’s errcode list, search for the errmsg as WeChat wrote it, and read the docs of the endpoint you called.\n');
    expect(en).not.toMatch(/, ;|list, ;/);
    const zh = shown('zh', false, 'drop').stderr;
    expect(zh).toContain('→ wxauth 的错误码表里没有 87654：到微信的全局错误码页查，用 errmsg 的原文搜索，并对照你这次调用的接口文档。\n');
    expect(zh).not.toContain('查 ，');
    const json = JSON.parse(shown('en', true, 'drop').stdout) as { error: { hint: string } };
    expect(json.error.hint).toBe('wxauth’s tables do not have 87654: look it up in WeChat’s errcode list, search for the errmsg as WeChat wrote it, and read the docs of the endpoint you called.');
  });
});

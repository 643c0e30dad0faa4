// A lint finding in words (ui/findings.ts): an account type in a sentence is its name in that language,
// while --json keeps the finding's params as they are.
import { describe, expect, it } from 'vitest';
import { findingKeys, inspectUrl } from '../../src/core/inspect.js';
import { renderFinding } from '../../src/ui/findings.js';
import { Output } from '../../src/ui/output.js';

const url = 'https://open.weixin.qq.com/connect/qrconnect?appid=wx5e1ec0de00000002&redirect_uri=http%3A%2F%2F127.0.0.1%3A7003%2Fcb&response_type=code&scope=snsapi_login&state=s#wechat_redirect';

describe('renderFinding', () => {
  it('names the profile’s account type in the sentence’s language', () => {
    const result = inspectUrl(url, { profile: { appid: 'wx5e1ec0de00000002', type: 'test', domain: '127.0.0.1:7003' } });
    const finding = result.findings.find((f) => f.id === 'appid.oa_on_qrconnect')!;
    expect(finding.params.type).toBe('test');
    const render = (lang: 'zh' | 'en') => renderFinding(new Output({ lang, json: false, color: false, stdout: { write: () => true }, stderr: { write: () => true } }), finding, findingKeys(finding.id)).message;
    expect(render('zh')).toBe('wx5e1ec0de00000002 是公众号（测试号）的 AppID，却用在了网站应用扫码地址上。');
    expect(render('en')).toBe('wx5e1ec0de00000002 is an official account’s AppID (a test account), used on the website-app endpoint.');
  });
});

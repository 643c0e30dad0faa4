// What `wxauth proxy` says when its upstream takes no connection at start: about --upstream only when
// the user gave one; otherwise that this machine cannot reach WeChat's API host, and how to aim the
// proxy at the emulator instead.
import { describe, expect, it } from 'vitest';
import { Output } from '../../../src/ui/output.js';
import { proxyHooks } from '../../../src/ui/present/proxy.js';

function said(lang: 'en' | 'zh', info: { upstream: string; code: string; given: boolean }): string {
  let text = '';
  const sink = { write: (chunk: string) => ((text += chunk), true) };
  const out = new Output({ lang, json: false, color: false, stdout: sink as never, stderr: sink as never });
  const hooks = proxyHooks(out, { verbose: false });
  hooks.upstreamDown(info);
  hooks.flush();
  return text;
}

describe('proxy: the upstream does not take connections at start', () => {
  it('without --upstream: WeChat’s API host cannot be reached from here; aim at the emulator with --upstream', () => {
    const en = said('en', { upstream: 'https://api.weixin.qq.com', code: 'ENOTFOUND', given: false });
    expect(en).toContain('WeChat’s API host https://api.weixin.qq.com (no --upstream was given) cannot be reached from this machine');
    expect(en).toContain('ENOTFOUND');
    expect(en).toContain('wxauth proxy --upstream http://127.0.0.1:3900');
    expect(en).not.toContain('check --upstream');
    expect(en).not.toContain('is the emulator running');
    const zh = said('zh', { upstream: 'https://api.weixin.qq.com', code: 'EAI_AGAIN', given: false });
    expect(zh).toContain('这台机器现在连不上微信的 API 主机 https://api.weixin.qq.com');
    expect(zh).toContain('没有指定 --upstream');
    expect(zh).toContain('wxauth proxy --upstream http://127.0.0.1:3900');
    expect(zh).not.toContain('检查 --upstream');
  });

  it('with --upstream: check it (an emulator not started, a wrong port)', () => {
    const en = said('en', { upstream: 'http://127.0.0.1:3999', code: 'ECONNREFUSED', given: true });
    expect(en).toContain('The upstream http://127.0.0.1:3999 does not take connections now');
    expect(en).toContain('check --upstream (is the emulator running, is the port right?)');
    const zh = said('zh', { upstream: 'http://127.0.0.1:3999', code: 'ECONNREFUSED', given: true });
    expect(zh).toContain('检查 --upstream');
  });
});

// How `wxauth proxy` words a detector's hit on its live line: code.reused by one process names it once
// (its pid, not two connection addresses), and a second time on the same day is said as a time alone.
import { describe, expect, it } from 'vitest';
import { Output } from '../../../src/ui/output.js';
import { proxyHooks } from '../../../src/ui/present/proxy.js';
import { ProxyObserver } from '../../../src/core/proxy-detect.js';
import type { ProxyExchange } from '../../../src/core/proxy-call.js';

const SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';

function exchange(id: number, startedAt: number, over: Partial<ProxyExchange>): ProxyExchange {
  return {
    id, startedAt, latencyMs: 5, caller: '127.0.0.1:1', method: 'GET', target: `/sns/oauth2/access_token?appid=wx1&secret=${SECRET}&code=CODE_QRSTUVWX&grant_type=authorization_code`, upstream: 'https://api.weixin.qq.com',
    httpVersion: '1.1', requestHeaders: [], requestBody: '', requestBodySize: 0, requestBodyTruncated: false, outcome: 'answered', status: 200,
    responseHeaders: [], responseBody: id === 1 ? '{"access_token":"ACCESS_TOKEN_1234567","openid":"o1"}' : '{"errcode":40163,"errmsg":"code been used"}', responseBodySize: 0, responseBodyTruncated: false, ...over,
  };
}

function said(lang: 'en' | 'zh', gapMs: number, known = true): string {
  const o = new ProxyObserver({ showSecrets: false });
  // Local noon: the gap never crosses midnight.
  const at = new Date(2026, 11, 5, 12, 21, 4, 100).getTime();
  const proc = { pid: 11912, command: 'node koa-app.mjs' };
  // Without a process known, one caller is one connection (a keep-alive): the same address:port.
  o.observe(exchange(1, at, { caller: '127.0.0.1:40666', ...(known ? { callerProcess: proc } : {}) }));
  const { hits, call } = o.observe(exchange(2, at + gapMs, known ? { caller: '127.0.0.1:40668', callerProcess: proc } : { caller: '127.0.0.1:40666' }));
  let text = '';
  const sink = { write: (chunk: string) => ((text += chunk), true) };
  const out = new Output({ lang, json: false, color: false, stdout: sink as never, stderr: sink as never });
  const hooks = proxyHooks(out, { verbose: false });
  for (const h of hits) hooks.hit(h, call);
  hooks.flush();
  return text;
}

describe('proxy code.reused by one caller', () => {
  it('one process, two connections, 26 ms apart: the process once with its pid, the first time, and the gap', () => {
    const en = said('en', 26);
    expect(en).toContain('The same code (CODE***) was exchanged twice by the same caller, pid 11912 (node koa-app.mjs): at 2026-12-05 12:21:04, and again 26 ms later (answer: 40163).');
    expect(en).not.toContain('127.0.0.1:40666');
    const zh = said('zh', 26);
    expect(zh).toContain('被同一个调用方 pid 11912（node koa-app.mjs）换了两次：第一次在 2026-12-05 12:21:04，26 毫秒后又换了一次（结果：40163）');
  });

  it('seconds apart on the same day: the second time without its date', () => {
    expect(said('en', 7000)).toContain('at 2026-12-05 12:21:04, and again at 12:21:11 (answer: 40163)');
  });

  it('no process known: the one connection is named by its address', () => {
    const text = said('en', 26, false);
    expect(text).toContain('by the same caller, 127.0.0.1:40666: at');
  });
});

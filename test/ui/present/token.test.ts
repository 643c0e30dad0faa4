// token --force-refresh: what the presenter says must agree with what happened. force_refresh
// invalidates the previous stable token (API-FACTS, stable_token "Force mode"), so "other servers'
// token stays valid" is true only of a plain fetch, or of a forced call WeChat did not rotate (<30 s).
import { describe, expect, it } from 'vitest';
import type { FetchedBasicToken } from '../../../src/flows/basic-token.js';
import { Output } from '../../../src/ui/output.js';
import { present } from '../../../src/ui/present/token.js';

const NOW = Date.parse('2026-01-15T10:00:00Z');

function run(lang: 'en' | 'zh', forceRefresh: boolean, notRotated: boolean) {
  let stdout = '';
  let stderr = '';
  const out = new Output({ lang, json: false, color: false, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  const entry = { appid: 'wx1234567890abcdef', kind: 'stable' as const, accessToken: 'NEW', expiresAt: NOW + 7_200_000, obtainedAt: NOW };
  const fetched = {
    entry,
    notRotated,
    previous: { ...entry, accessToken: notRotated ? 'NEW' : 'OLD' },
    response: { status: 200, contentType: 'application/json', raw: '', data: {}, elapsedMs: 1, request: {}, base: 'https://api.weixin.qq.com' },
  } as unknown as FetchedBasicToken;
  present({ mode: 'fetch', fetched, forceRefresh, profile: 'default', now: NOW, raw: false }, out);
  return { stdout, stderr };
}

describe('token presenter after force_refresh', () => {
  it('a rotated token says the previous one no longer works, never that it stays valid', () => {
    const en = run('en', true, false);
    expect(en.stderr).not.toMatch(/stays valid/);
    expect(en.stderr).toMatch(/previous stable token no longer works/);
    const zh = run('zh', true, false);
    expect(zh.stderr).not.toContain('不受影响');
    expect(zh.stderr).toContain('之前的 stable_token 已失效');
  });

  it('a plain fetch, and a forced one WeChat did not rotate, leave other servers alone', () => {
    expect(run('en', false, false).stderr).toMatch(/Other servers' token stays valid/);
    expect(run('en', true, true).stderr).toMatch(/Other servers' token stays valid/);
  });
});

// The HTML report's sequence diagram (ui/present/probe.ts): WeChat's stamps and the browser's have
// millisecond resolution, so a call and a hop can share one. CI once drew the happy path's exchange after
// the page the callback redirects to: on a fast run the exchange ended in the millisecond the next hop began.
import { describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../../src/flows/probe/run.js';
import { renderProbeHtml } from '../../../src/ui/present/probe.js';
import { sanitize } from '../../../src/ui/sanitize.js';

/** The Output's part the page needs: its language and the sanitiser (Output.safe). */
const EN = { lang: 'en', safe: (s: string) => sanitize(s) } as const;

function report(atMs: number): ProbeReport {
  return {
    target: 'http://127.0.0.1:3000/auth/wechat',
    emulator: 'http://127.0.0.1:3900',
    rewroteOpenHost: false,
    checks: [],
    scenarios: [
      {
        id: 'happy',
        hops: [
          { method: 'GET', url: 'http://127.0.0.1:3000/auth/callback?code=***&state=s', to: 'app', status: 302, location: '/me', startMs: 10, durationMs: 5 },
          { method: 'GET', url: 'http://127.0.0.1:3000/me', to: 'app', status: 200, startMs: 15, durationMs: 2 },
        ],
        wechat: [{ method: 'GET', path: '/sns/oauth2/access_token', query: {}, status: 200, time: '', atMs }],
        elapsedMs: 20,
        notes: [],
      },
    ],
  } as ProbeReport;
}

describe('the probe report diagram', () => {
  const order = (html: string): [number, number, number] => [html.indexOf('GET /auth/callback?'), html.indexOf('GET /sns/oauth2/access_token'), html.indexOf('GET /me')];

  it('draws a call that ended in the millisecond the next hop began with the hop still in flight, before the next', () => {
    const [callback, exchange, me] = order(renderProbeHtml(report(15), EN));
    expect(callback).toBeGreaterThan(0);
    expect(exchange).toBeGreaterThan(callback);
    expect(me).toBeGreaterThan(exchange);
  });

  it('keeps plain time order otherwise', () => {
    const [callback, exchange, me] = order(renderProbeHtml(report(12), EN));
    expect(exchange).toBeGreaterThan(callback);
    expect(me).toBeGreaterThan(exchange);
    const late = order(renderProbeHtml(report(18), EN));
    expect(late[1]).toBeGreaterThan(late[2]);
  });

  it("draws the callback's answer after the code exchange it waited for, not beside its request", () => {
    const html = renderProbeHtml(report(12), EN);
    const answer = html.indexOf('302 → /me (5 ms)');
    expect(answer).toBeGreaterThan(html.indexOf('GET /sns/oauth2/access_token'));
    expect(answer).toBeLessThan(html.indexOf('GET /me'));
    // A hop that made no call keeps its answer under its request.
    expect(html.indexOf('200 (2 ms)')).toBeGreaterThan(html.indexOf('GET /me'));
  });
});

// The listener keeps the pages it has rendered (issue 19: a flood of stale callbacks is answered like a
// static server would). What a browser sees must not change: each page shows the state that request
// carried, the same request gets the same bytes, and HEAD gets the headers without the page.
import { describe, expect, it } from 'vitest';
import { startCallbackListener } from '../../src/listener/index.js';
import { tKey } from '../../src/ui/i18n.js';
import { get } from './http.js';

describe('pages answered again and again', () => {
  it('show each request its own state, the same bytes for the same request, and only headers to HEAD', async () => {
    const listener = await startCallbackListener({ port: 0, timeoutMs: 10_000, lang: 'zh', translate: (key, params) => tKey('zh', key, params), expectedState: 'expected1' });
    try {
      const first = await get(listener.port, '/callback?code=0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&state=stale%3Cone%3E');
      const again = await get(listener.port, '/callback?code=0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&state=stale%3Cone%3E');
      const other = await get(listener.port, '/callback?code=0bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb&state=stale-two');
      expect(first.status).toBe(400);
      expect(first.body).toContain('<code id="state">stale&#60;one&#62;</code>');
      expect(again.body).toBe(first.body);
      expect(again.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(first.body)), 'cache-control': 'no-store', connection: 'close' });
      expect(other.body).toContain('<code id="state">stale-two</code>');
      expect(other.body).not.toContain('stale&#60;one');
      // The Chinese page, byte for byte as long as its Content-Length says.
      expect(other.body).toMatch(/[\u4e00-\u9fff]/);
      expect(Number(other.headers['content-length'])).toBe(Buffer.byteLength(other.body));
      // A code with no state at all (state= empty is another state): its own words.
      const stateless = await get(listener.port, '/callback?code=0ccccccccccccccccccccccccccccccc');
      expect(stateless.status).toBe(400);
      expect(stateless.body).toContain('却没有 state');
      expect(other.body).not.toContain('却没有 state');
      const head = await get(listener.port, '/callback?code=0bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb&state=stale-two', {}, 'HEAD');
      expect(head.status).toBe(400);
      expect(head.body).toBe('');
      expect(head.headers['content-length']).toBe(other.headers['content-length']);
    } finally {
      await listener.close();
    }
  });
});

// The request log keeps each URL's characters in a cell of one buffer rather than as a string per
// request (issue 19); what is read back must be the request as it came, whatever its length or
// characters, after the ring has gone round any number of times.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LoggedRequest, RequestLog } from '../../src/emulator/request-log.js';
import { parseTarget } from '../../src/emulator/target.js';

/** What the log should give back for `url`, built without the log. */
function expected(url: string, status: number, at: number) {
  const target = parseTarget(url);
  return new LoggedRequest('GET', target?.pathname ?? url, target?.rawQuery ?? '', status, at).toJSON();
}

// Lengths around the 512-character cell, Latin-1 beyond ASCII (as node's parser gives raw bytes) and
// characters beyond Latin-1 (a URL handed in some other way).
const piece = fc.constantFrom('a', 'code=', '&', '%E4%B8%AD', 'é', '\u00ff', '中', '😀', '/', '?', 'x'.repeat(100), 'y'.repeat(250));
const url = fc.array(piece, { maxLength: 8 }).map((parts) => '/sns/auth?state=' + parts.join(''));

describe('request log', () => {
  it('reads back every kept URL as it was added, across cell and string storage and ring wrap-around', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(url, { maxLength: 12 }), (capacity, urls) => {
        const log = new RequestLog(capacity);
        urls.forEach((u, i) => log.add('GET', u, undefined, 200, i * 1000, undefined, undefined, undefined));
        expect(log.total).toBe(urls.length);
        const kept = urls.slice(Math.max(0, urls.length - capacity));
        expect(log.entries().map((e) => e.toJSON())).toEqual(kept.map((u, i) => expected(u, 200, (urls.length - kept.length + i) * 1000)));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a URL of exactly one cell, one past it and the 8 KiB limit', () => {
    const log = new RequestLog(2);
    for (const length of [512, 513, 8192, 511]) {
      const u = '/sns/auth?openid=' + 'o'.repeat(length - 17);
      expect(u).toHaveLength(length);
      const n = log.add('GET', u, undefined, 200, 0, 40014, 'rid', undefined);
      expect(log.get(n)?.toJSON()).toMatchObject({ path: '/sns/auth', query: { openid: 'o'.repeat(length - 17) }, errcode: 40014, rid: 'rid' });
    }
  });
});

// The emulator reads a plain request target without the URL parser (issue 19); what the routes see —
// path, query string as sent, parsed parameters — must be exactly what `new URL` gives, for any target.
// Routes act on these (rid/get echoes the query, authorize checks parameter order), so a difference
// would change an answer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTarget } from '../../src/emulator/target.js';
import { FifoMap } from '../../src/emulator/state.js';
import { startEmulator } from '../../src/emulator/index.js';
import { portOf, rawRequest } from './helpers.js';

function viaUrl(rawUrl: string): { pathname: string; rawQuery: string; params: string[][] } {
  const url = new URL('http://emulator.invalid' + (rawUrl.startsWith('/') ? rawUrl : '/' + rawUrl));
  return { pathname: url.pathname, rawQuery: url.search.slice(1), params: [...url.searchParams] };
}

function viaTarget(rawUrl: string): { pathname: string; rawQuery: string; params: string[][] } | undefined {
  const t = parseTarget(rawUrl);
  return t && { pathname: t.pathname, rawQuery: t.rawQuery, params: [...t.query] };
}

// Characters that matter to the URL parser: dot segments, `?` inside the query, percent signs,
// characters it percent-encodes, backslashes, `#`, non-ASCII.
const piece = fc.constantFrom('/', '.', '..', '?', '&', '=', '%2e', '%2E', '%', '#', "'", '"', ' ', '<', '>', '\\', '+', '~', '`', '{', '|', 'é', '中', 'a', 'Z', '0', '-', '_', 'code', 'appid');

describe('request targets', () => {
  it('path, raw query and parameters are what new URL gives, for any target', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const rawUrl = '/' + parts.join('');
        expect(viaTarget(rawUrl)).toEqual(viaUrl(rawUrl));
      }),
      { numRuns: 3000 },
    );
  });

  it('each parameter a route reads is what URLSearchParams reads, for any target and name', () => {
    // Query.get finds plain parameters in the raw string instead of parsing them all (issue 19).
    const sameAsUrlSearchParams = (prefix: string, pieces: fc.Arbitrary<string>, maxLength: number, names: fc.Arbitrary<string>) =>
      fc.assert(
        fc.property(fc.array(pieces, { maxLength }), names, (parts, n) => {
          const rawUrl = prefix + parts.join('');
          const params = new URL('http://emulator.invalid' + rawUrl).searchParams;
          const query = parseTarget(rawUrl)!.query;
          expect([query.get(n), query.has(n)]).toEqual([params.get(n), params.has(n)]);
        }),
        { numRuns: 5000 },
      );
    sameAsUrlSearchParams('/', piece, 14, fc.constantFrom('appid', 'code', 'a', '', '?code', '?', 'co', 'code=', '%61', 'a+', 'é'));
    // Encoded pieces: the pair asked for is decoded as URLSearchParams decodes it, whatever the encoding.
    const encoded = fc.constantFrom('a', 'code', '=', '&', '+', '%', '%3D', '%26', '%2B', '%20', '%61', '%E4%B8%AD', '%E4%B8', '%C3', '%zz', '%ED%A0%80', 'é', '?');
    sameAsUrlSearchParams('/sns/auth?', encoded, 12, fc.constantFrom('a', 'code', 'a=b', 'a&b', 'a b', 'a+', '中', '+', ' ', '=', ''));
    const query = parseTarget('/sns/auth?access_token=a&openid=&openid=b&code&x=1=2&&appid=wx1')!.query;
    expect([query.get('access_token'), query.get('openid'), query.get('code'), query.get('x'), query.get('appid'), query.get('acc')]).toEqual(['a', '', '', '1=2', 'wx1', null]);
  });

  it('a query that itself starts with ? keeps it, and dot segments are resolved', () => {
    expect(viaTarget('/sns/auth??access_token=a')).toEqual({ pathname: '/sns/auth', rawQuery: '?access_token=a', params: [['?access_token', 'a']] });
    expect(viaTarget('/x/../sns/auth?a=1')?.pathname).toBe('/sns/auth');
    expect(viaTarget("/sns/auth?state=it's")?.rawQuery).toBe('state=it%27s');
  });

  it('over HTTP, a dot-segment path reaches the route it resolves to', async () => {
    const emu = await startEmulator();
    try {
      const answer = await rawRequest(portOf(emu.url), '/cgi-bin/../sns/auth?access_token=a&openid=b');
      expect(answer.body).toContain('"errcode":40014');
    } finally {
      await emu.close();
    }
  });
});

// The capped memories (codes, grants, rids, QR and consent sessions) drop their oldest entry through
// FifoMap.shift, which keeps one iterator instead of rescanning (issue 19): it must still name the
// oldest live entry whatever happened to the map in between.
describe('FifoMap', () => {
  it('shift removes the oldest live entry, as a fresh keys().next() would, through sets, deletes and clears', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.record({ op: fc.constant('set' as const), key: fc.integer({ min: 0, max: 30 }) }), fc.record({ op: fc.constantFrom('delete' as const, 'shift' as const, 'clear' as const), key: fc.integer({ min: 0, max: 30 }) })), { maxLength: 200 }), (ops) => {
        const fifo = new FifoMap<number, number>();
        const plain = new Map<number, number>();
        for (const { op, key } of ops) {
          if (op === 'set') {
            fifo.set(key, key);
            plain.set(key, key);
          } else if (op === 'delete') {
            fifo.delete(key);
            plain.delete(key);
          } else if (op === 'clear') {
            fifo.clear();
            plain.clear();
          } else {
            const oldest = plain.keys().next();
            if (!oldest.done) plain.delete(oldest.value);
            expect(fifo.shift()?.[0]).toBe(oldest.done ? undefined : oldest.value);
          }
          expect([...fifo.keys()]).toEqual([...plain.keys()]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

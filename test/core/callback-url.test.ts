import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCallbackUrl, parseQuery, splitUrl } from '../../src/core/callback-url.js';

const CODE = '041cQ8ll2nWy5c42enol2R2DZX2cQ8ly';

describe('parseCallbackUrl', () => {
  it('reads code and state from a full URL', () => {
    const r = parseCallbackUrl(`https://www.example.com/oauth/callback?code=${CODE}&state=abc123`);
    expect(r).toMatchObject({ form: 'url', base: 'https://www.example.com/oauth/callback', code: CODE, state: 'abc123', codeLocation: 'query' });
    expect(r.issues).toEqual([]);
  });

  it('reads a bare query, with or without the leading ?', () => {
    for (const input of [`code=${CODE}&state=s1`, `?code=${CODE}&state=s1`, `  code=${CODE}&state=s1\n`]) {
      const r = parseCallbackUrl(input);
      expect(r.form).toBe('query');
      expect(r.code).toBe(CODE);
      expect(r.state).toBe('s1');
    }
  });

  it('finds the code inside the fragment of a hash-route URL', () => {
    const r = parseCallbackUrl(`https://www.netpad.net.cn/oauthui/#/login/wechat?code=${CODE}&state=s1`);
    expect(r.code).toBe(CODE);
    expect(r.codeLocation).toBe('fragment');
    expect(r.stateLocation).toBe('fragment');
  });

  it('reports a refusal: state but no code', () => {
    const r = parseCallbackUrl('https://www.example.com/cb?state=s1');
    expect(r.code).toBeUndefined();
    expect(r.issues).toEqual([{ kind: 'code_missing' }]);
  });

  it('reports several codes, keeping the first as the one a server would read', () => {
    const r = parseCallbackUrl(`https://a.com/cb?code=OLD&state=x&code=${CODE}&state=y`);
    expect(r.code).toBe('OLD');
    expect(r.codes).toEqual(['OLD', CODE]);
    expect(r.issues).toContainEqual({ kind: 'code_duplicate', count: 2 });
    expect(r.issues).toContainEqual({ kind: 'state_duplicate', count: 2 });
  });

  it("notices WeChat's internal-hop markers", () => {
    const r = parseCallbackUrl(`https://a.com/cb?code=${CODE}&state=x&connect_redirect=1&uin=MTI&key=k&pass_ticket=p`);
    expect(r.markers).toEqual(['connect_redirect', 'uin', 'key', 'pass_ticket']);
  });

  it('decodes percent-encoded values once', () => {
    expect(parseCallbackUrl('https://a.com/cb?code=abc&state=a%2Bb').state).toBe('a+b');
  });

  it('says so when there is nothing to read', () => {
    expect(parseCallbackUrl('').issues).toEqual([{ kind: 'empty_input' }]);
    expect(parseCallbackUrl('https://a.com/cb').issues).toEqual([{ kind: 'no_params' }]);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void parseCallbackUrl(s)), { numRuns: 1000 });
  });
});

describe('splitUrl / parseQuery', () => {
  it('keeps line breaks that the WHATWG parser would drop', () => {
    const s = splitUrl('https://a.com/p?x=1\r\n&y=2#frag');
    expect(s).toEqual({ base: 'https://a.com/p', query: 'x=1\r\n&y=2', fragment: 'frag' });
  });

  it('keeps order, duplicates, bare names and malformed escapes', () => {
    expect(parseQuery('a=1&b&a=2&c=%E4%B8&&').map((p) => [p.name, p.value, p.bare, p.malformed])).toEqual([
      ['a', '1', false, false],
      ['b', '', true, false],
      ['a', '2', false, false],
      ['c', '%E4%B8', false, true],
    ]);
  });
});

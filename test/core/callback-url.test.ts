import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asciiReadingMeant, authorizeUrlRefusal, cleanPastedCode, isAuthorizeUrl, parseCallbackUrl, parseQuery, splitUrl } from '../../src/core/callback-url.js';

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

  it('reports several codes, and takes the last as WeChat\'s (it appends its code and state to the redirect_uri, §1.4)', () => {
    const r = parseCallbackUrl(`https://a.com/cb?code=OLD&state=x&code=${CODE}&state=y`);
    expect(r.code).toBe(CODE);
    expect(r.state).toBe('y');
    // A redirect_uri with a fragment gets them inside it, after what the fragment held.
    const hashed = parseCallbackUrl(`https://a.com/cb?code=OLD#/login?code=${CODE}&state=y`);
    expect([hashed.code, hashed.codeLocation]).toEqual([CODE, 'fragment']);
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

describe('the authorization URL pasted as a callback', () => {
  const base = 'appid=wx807d86fb6b3d4fd2&redirect_uri=https%3A%2F%2Fwww.example.com%2Fcb&response_type=code&scope=snsapi_base&state=s1';
  it('is recognised on either authorization page, or by response_type; a refusal whose redirect_uri carries an appid is not', () => {
    expect(isAuthorizeUrl(parseCallbackUrl(`https://open.weixin.qq.com/connect/oauth2/authorize?${base}#wechat_redirect`))).toBe(true);
    expect(isAuthorizeUrl(parseCallbackUrl('https://open.weixin.qq.com/connect/qrconnect?appid=wx1&scope=snsapi_login&state=s'))).toBe(true);
    expect(isAuthorizeUrl(parseCallbackUrl(`http://127.0.0.1:3900/somewhere?${base}`))).toBe(true);
    expect(isAuthorizeUrl(parseCallbackUrl('https://a.example.com/cb?appid=wx1&scope=snsapi_base&state=abc'))).toBe(false);
    expect(isAuthorizeUrl(parseCallbackUrl(`https://open.weixin.qq.com/connect/oauth2/authorize?${base}&code=0abc`))).toBe(false);
  });

  it('gets a hint in the words of where the URL goes', () => {
    const hintOf = (url: string) => authorizeUrlRefusal(parseCallbackUrl(url), ' --profile p').hint;
    expect(hintOf(`https://open.weixin.qq.com/connect/oauth2/authorize?${base}`)).toEqual({ key: 'tokens.exchange.input.authorize_url.hint', params: { p: ' --profile p' } });
    expect(hintOf('https://open.weixin.qq.com/connect/qrconnect?appid=wx1&scope=snsapi_login').key).toBe('tokens.exchange.input.authorize_url.qrconnect.hint');
    expect(hintOf(`http://127.0.0.1:3900/connect/oauth2/authorize?${base}`)).toEqual({ key: 'tokens.exchange.input.authorize_url.other.hint', params: { host: '127.0.0.1:3900', p: ' --profile p' } });
  });
});

describe('cleanPastedCode and &amp;', () => {
  it('reads &amp; (also escaped twice) as &, and says so', () => {
    expect(cleanPastedCode('https://a.example.com/cb?code=0abc&amp;amp;state=s1')).toEqual({ text: 'https://a.example.com/cb?code=0abc&state=s1', removed: ['amp'] });
    expect(cleanPastedCode('0abc').removed).toEqual([]);
  });

  it('joins a code split by a space, but leaves words as words', () => {
    expect(cleanPastedCode(`${CODE.slice(0, 9)} ${CODE.slice(9)}`)).toEqual({ text: CODE, removed: ['whitespace'] });
    expect(cleanPastedCode('not a code at all')).toEqual({ text: 'not a code at all', removed: [] });
  });

  it('joins a callback URL a line break split (a wrapped copy), in the code, the state or a name; not the words on the next line', () => {
    const url = `https://a.example.com/cb?code=${CODE}&state=s1`;
    expect(cleanPastedCode(`https://a.example.com/cb?code=${CODE.slice(0, 16)}\n${CODE.slice(16)}&state=s1`)).toEqual({ text: url, removed: ['linebreak'] });
    expect(cleanPastedCode(`https://a.example.com/cb?code=${CODE}&state=s\r\n  1`)).toEqual({ text: url, removed: ['linebreak'] });
    expect(cleanPastedCode(`https://a.example.com/cb?code=${CODE}&sta\nte=s1`)).toEqual({ text: url, removed: ['linebreak'] });
    // The state on a line of its own, its `&` lost where a chat app cut the link: a parameter, not the code's tail.
    expect(cleanPastedCode(`https://a.example.com/cb?code=${CODE}\nstate=s1`)).toEqual({ text: url, removed: ['linebreak'] });
    expect(cleanPastedCode(`https://a.example.com/cb?code=${CODE}&\nstate=s1`)).toEqual({ text: url, removed: ['linebreak'] });
    // The next line in other words is no continuation: left to addressInText, as before.
    expect(cleanPastedCode(`${url}\n这是回调`)).toEqual({ text: url, removed: ['surrounding'] });
  });

  it('reads the full-width ？ ＆ ＝ a Chinese IME or a chat app put in a callback URL as ASCII, as inspect does; a full-width character in a value stays', () => {
    expect(cleanPastedCode(`https://a.com/cb？code＝${CODE}＆state＝yyy`)).toEqual({ text: `https://a.com/cb?code=${CODE}&state=yyy`, removed: ['fullwidth'] });
    // Read as written it already has its code and state: the ＃ and ？ are the state's own text.
    expect(cleanPastedCode(`https://a.com/cb?code=${CODE}&state=第＃1期？`)).toEqual({ text: `https://a.com/cb?code=${CODE}&state=第＃1期？`, removed: [] });
  });

  it('reads ＆＝ as ASCII when the URL as written finds a state or a code with the rest swallowed into its value', () => {
    // Before: a state was found as written, so `abc123＆code＝…` was the state and there was no code.
    expect(cleanPastedCode(`https://a.com/cb?state=abc123＆code＝${CODE}`)).toEqual({ text: `https://a.com/cb?state=abc123&code=${CODE}`, removed: ['fullwidth'] });
    // Before: a code of 45 characters (with ＆state＝abc123 in it) and no state.
    expect(cleanPastedCode(`https://a.com/cb?code=${CODE}＆state＝abc123`)).toEqual({ text: `https://a.com/cb?code=${CODE}&state=abc123`, removed: ['fullwidth'] });
    // Code and state found both ways, but the state as written holds `＆from＝…`: the query's next parameter.
    expect(cleanPastedCode(`https://a.com/cb?code=${CODE}&state=abc123＆from＝timeline`)).toEqual({ text: `https://a.com/cb?code=${CODE}&state=abc123&from=timeline`, removed: ['fullwidth'] });
    // A ＆ or ＝ in a value that starts no `name＝` pair is the value's own text.
    expect(cleanPastedCode(`https://a.com/cb?code=${CODE}&state=A＆B`)).toEqual({ text: `https://a.com/cb?code=${CODE}&state=A＆B`, removed: [] });
  });

  it('reads a bare query (no ？ or ?) with full-width ＆＝ as ASCII, as a bare query with ASCII ones is read', () => {
    // Before: no ？ or ? to start the query, so nothing was converted: `code＝…` was one word, "not a code".
    expect(cleanPastedCode(`code＝${CODE}＆state＝xyz`)).toEqual({ text: `code=${CODE}&state=xyz`, removed: ['fullwidth'] });
    // Before: a code of 42 characters (`…＆state＝xyz`) and no state.
    expect(cleanPastedCode(`code=${CODE}＆state＝xyz`)).toEqual({ text: `code=${CODE}&state=xyz`, removed: ['fullwidth'] });
    expect(cleanPastedCode(`${CODE}＆state＝xyz`)).toEqual({ text: `${CODE}&state=xyz`, removed: ['fullwidth'] });
    // A value's own full-width text stays, as in a URL's query.
    expect(cleanPastedCode(`code=${CODE}&state=第＃1期＆x`)).toEqual({ text: `code=${CODE}&state=第＃1期＆x`, removed: [] });
  });

  it('asciiReadingMeant: more of code and state, or a full-width ＆name＝ inside one, as written', () => {
    expect(asciiReadingMeant(`https://a.com/cb?state=abc123＆code＝${CODE}`)).toBe(true);
    expect(asciiReadingMeant(`?code=${CODE}＆state＝abc123`)).toBe(true);
    expect(asciiReadingMeant(`https://a.com/cb？code＝${CODE}＆state＝yyy`)).toBe(true);
    expect(asciiReadingMeant(`https://a.com/cb?code=${CODE}&state=第＃1期？`)).toBe(false);
    expect(asciiReadingMeant(`https://a.com/cb?title=第＃1期&code=${CODE}&state=abc123`)).toBe(false);
    // The other parameters' values are theirs: a ＆x＝ in one leaves code and state as they are.
    expect(asciiReadingMeant(`https://a.com/cb?code=${CODE}&state=abc&q=a＆b＝c`)).toBe(false);
  });

  it('drops the invisible characters copied text carries, and full-width quotes', () => {
    expect(cleanPastedCode(`${CODE}\u200b`)).toEqual({ text: CODE, removed: ['whitespace'] });
    expect(cleanPastedCode(`＂${CODE}＂`)).toEqual({ text: CODE, removed: ['quotes'] });
  });
});

// The JS-SDK signature core: the official example, URL normalisation, the JS-safe domain rule and the
// diagnosis of every known mistake. node:crypto's sha1 is passed in, as flows/jssdk.ts does.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MISTAKES,
  checkJsDomain,
  diagnoseSignature,
  maskString1,
  normalizePageUrl,
  ticketExpiry,
  ticketShapeRefusal,
  unwrapTicket,
  parseWxConfig,
  signJsapi,
  stringToSign,
  type MistakeId,
  type SignInput,
} from '../../src/core/jssdk.js';

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

// The official example of WeChat's JS-SDK doc, 附录1 "JS-SDK使用权限签名算法" (OA page
// developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html#62, current revision, quoted at
// https://www.cnblogs.com/wugh8726254/p/13352503.html), and the same inputs and signature on WeCom's
// official "JS-SDK 签名算法" page https://developer.work.weixin.qq.com/document/path/96909 (found with
// the search tool; JSSDK-FACTS §2.1).
const OFFICIAL = {
  noncestr: 'Wm3WZYTPz0wzccnW',
  jsapi_ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
  timestamp: '1414587457',
  url: 'http://mp.weixin.qq.com?params=value',
  string1:
    'jsapi_ticket=sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value',
  signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
};

describe('the signature algorithm', () => {
  it('reproduces the official 附录1 example: string1 and sha1', () => {
    const input: SignInput = { ticket: OFFICIAL.jsapi_ticket, nonceStr: OFFICIAL.noncestr, timestamp: OFFICIAL.timestamp, url: OFFICIAL.url };
    expect(stringToSign(input)).toBe(OFFICIAL.string1);
    expect(signJsapi(input, sha1)).toEqual({ string1: OFFICIAL.string1, signature: OFFICIAL.signature });
  });

  it("reproduces the older revision's example (url without query; cnblogs.com/txw1958/p/weixin-jsapi-signature.html)", () => {
    const input = { ticket: OFFICIAL.jsapi_ticket, nonceStr: OFFICIAL.noncestr, timestamp: OFFICIAL.timestamp, url: 'http://mp.weixin.qq.com' };
    expect(signJsapi(input, sha1).signature).toBe('f4d90daf4b3bca3078ab155816175ba34c443a7b');
  });

  it("reproduces EasyWeChat's test vector (JSSDK-FACTS §2.1)", () => {
    const input = { ticket: 'mock-ticket', nonceStr: 'mock-nonce', timestamp: '1601234567', url: 'https://www.easywechat.com/' };
    expect(signJsapi(input, sha1).signature).toBe('22772d2fb393ab9f7f6a5a54168a566fbf1ab767');
  });
});

describe('normalizePageUrl', () => {
  it('drops the fragment and says so', () => {
    const r = normalizePageUrl('https://h5.example.com/shop?id=1#/order/2');
    expect(r).toMatchObject({ ok: true, url: 'https://h5.example.com/shop?id=1', changes: [{ kind: 'fragment-dropped', fragment: '#/order/2' }] });
  });
  it('decodes an encodeURIComponent-ed URL once, then drops the fragment', () => {
    const r = normalizePageUrl(encodeURIComponent('https://h5.example.com/a?x=1#/b'));
    expect(r.ok && r.url).toBe('https://h5.example.com/a?x=1');
    expect(r.ok && r.changes.map((c) => c.kind)).toEqual(['decoded', 'fragment-dropped']);
  });
  it('gives what location.href reports: / for an empty path, and says so', () => {
    const r = normalizePageUrl('http://mp.weixin.qq.com?params=value');
    expect(r).toMatchObject({
      ok: true,
      url: 'http://mp.weixin.qq.com/?params=value',
      written: 'http://mp.weixin.qq.com?params=value',
      changes: [{ kind: 'href', from: 'http://mp.weixin.qq.com?params=value', to: 'http://mp.weixin.qq.com/?params=value', rules: ['empty-path'] }],
    });
  });
  it('percent-encodes non-ASCII as UTF-8, lower-cases the host, drops the default port (WHATWG, as location.href)', () => {
    expect(normalizePageUrl('https://h5.example.com/商品/详情?name=手机')).toMatchObject({
      ok: true,
      url: 'https://h5.example.com/%E5%95%86%E5%93%81/%E8%AF%A6%E6%83%85?name=%E6%89%8B%E6%9C%BA',
    });
    expect(normalizePageUrl('HTTPS://H5.Example.COM:443/Shop?Id=1#/x')).toMatchObject({ ok: true, url: 'https://h5.example.com/Shop?Id=1' });
  });
  it('names only the location.href rewrites this URL needed', () => {
    const rulesOf = (u: string) => {
      const r = normalizePageUrl(u);
      return r.ok ? r.changes.find((c) => c.kind === 'href') : undefined;
    };
    expect(rulesOf('https://A.com:443')).toMatchObject({ rules: ['host-case', 'default-port', 'empty-path'] });
    expect(rulesOf('https://a.com/商品?id=1')).toMatchObject({ rules: ['non-ascii'] });
    expect(rulesOf('https://a.com/x/../y')).toMatchObject({ rules: ['dot-segments'] });
    expect(rulesOf('HTTPS://a.com/a b')).toMatchObject({ rules: ['scheme-case', 'encoded'] });
    expect(rulesOf('https://例子.中国/p')).toMatchObject({ rules: ['idn'] });
    expect(rulesOf('http://a.com:8080/p')).toBeUndefined();
  });
  it('leaves a URL already in location.href form alone (no change to report)', () => {
    expect(normalizePageUrl('https://h5.example.com/a%20b/?q=%E6%89%8B&x=1')).toMatchObject({ ok: true, url: 'https://h5.example.com/a%20b/?q=%E6%89%8B&x=1', changes: [] });
  });
  it('refuses what is not an http(s) URL', () => {
    expect(normalizePageUrl('ftp://x.com/').ok).toBe(false);
    expect(normalizePageUrl('/order').ok).toBe(false);
  });
});

describe('checkJsDomain', () => {
  it('accepts the host and its subdomains (a bound parent domain covers them)', () => {
    expect(checkJsDomain('https://a.com/x', ['a.com'])).toMatchObject({ ok: true });
    expect(checkJsDomain('https://m.a.com/x', ['b.com', 'a.com'])).toMatchObject({ ok: true, domain: 'a.com' });
  });
  it('refuses another host, a port, or an empty list', () => {
    expect(checkJsDomain('https://evil-a.com/', ['a.com'])).toMatchObject({ ok: false, problem: 'not-listed' });
    expect(checkJsDomain('https://a.com:8443/', ['a.com'])).toMatchObject({ ok: false, problem: 'port', port: '8443' });
    expect(checkJsDomain('https://a.com:8443/', ['a.com:8443'])).toMatchObject({ ok: true });
    expect(checkJsDomain('https://a.com/', [])).toMatchObject({ ok: false, problem: 'none-configured' });
  });
  it('gives the list with the host added, to paste into config set jsDomains, only when it is plain host names', () => {
    expect(checkJsDomain('https://h5.shop.cn/p', ['a.com', ' b.com'])).toMatchObject({ problem: 'not-listed', withHost: 'a.com,b.com,h5.shop.cn' });
    // A page on a port (a real account could not list it) or a host that is shell syntax: no list.
    expect(checkJsDomain('https://h5.shop.cn:8443/p', ['a.com'])).not.toHaveProperty('withHost');
    expect(checkJsDomain('https://x;{touch,p}.shop.cn/p', ['a.com'])).not.toHaveProperty('withHost');
  });
});

describe('diagnoseSignature', () => {
  const TICKET = 'HoagFKDcsGMVCIY2vOjf9gp11nBxu1ZVWX1bM9QbYpUNdZTTe6Tpy9mA-aKZ1xDQc93LJX9MhsLf1Al1F7yBhA';
  const STALE = 'kgt8ON7yVITDhtdwci0qeZWDYY9lXgWr0SfbNNRrJFP1Mq1Lv2xwT9mE7yTaHhN9YJ0kl1YfKLn1eM5x8Ztv3A';
  const TOKEN = '86_AccessTokenNotATicket0123456789';
  const OTHER_APP = 'OtherAppTicket_bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzW';
  const PAGE = 'https://h5.example.com/shop/list?from=menu';
  const NONCE = 'Wm3WZYTPz0wzccnW';
  const TS = '1714587457';
  const facts = { ticket: TICKET, accessToken: TOKEN, staleTickets: [STALE], otherUrls: ['https://h5.example.com/entry?from=share'], otherAppTickets: [{ appid: 'wx5e1ec0de00000002', ticket: OTHER_APP }] };
  const sign = (over: Partial<SignInput>, nonceKey: 'noncestr' | 'nonceStr' = 'noncestr') =>
    sha1(stringToSign({ ticket: TICKET, nonceStr: NONCE, timestamp: TS, url: PAGE, ...over }, nonceKey));

  it('says match when the recomputed signature is the given one', () => {
    const d = diagnoseSignature({ url: PAGE, signature: sign({}), timestamp: TS, nonceStr: NONCE }, facts, sha1);
    expect(d.verdict).toBe('match');
  });

  // Each row: what the server really signed; the diagnosis must name that mistake.
  // The optional 4th is the page URL given to verify, the 5th wx.config's nonceStr (what the page logged).
  const table: Array<[MistakeId, string, () => string, string?, string?]> = [
    ['fragment', 'the URL with #/order', () => sign({ url: `${PAGE}#/order` }), `${PAGE}#/order`],
    ['fragment', 'a hash-router #/ it was not told about', () => sign({ url: `${PAGE}#/` })],
    ['as-written', 'the URL as written, not location.href (host-only, no /)', () => sign({ url: 'https://h5.example.com?from=menu' }), 'https://h5.example.com?from=menu'],
    ['as-written', 'the root without its /, the page given as location.href has it (WeChat’s docs sample)', () => sign({ url: 'https://h5.example.com?from=menu' }), 'https://h5.example.com/?from=menu'],
    ['as-written', 'the raw Chinese path where location.href has it percent-encoded', () => sign({ url: 'https://h5.example.com/商品?name=手机' }), 'https://h5.example.com/商品?name=手机'],
    ['as-written', 'the decoded form, the page URL given as location.href reports it', () => sign({ url: 'https://h5.example.com/商品' }), 'https://h5.example.com/%E5%95%86%E5%93%81'],
    ['encoded', 'the URL encodeURIComponent-ed', () => sign({ url: encodeURIComponent(PAGE) })],
    ['other-url', 'the site root', () => sign({ url: 'https://h5.example.com/' })],
    ['other-url', 'the URL before the OAuth hop', () => sign({ url: PAGE }), `${PAGE}&code=061eY9xX08tQu02IH4wX05BjxX0eY9xA&state=abc`],
    ['scheme', 'http instead of https', () => sign({ url: PAGE.replace('https:', 'http:') })],
    ['trailing-slash', 'a trailing slash on the path', () => sign({ url: 'https://h5.example.com/shop/list/?from=menu' })],
    ['nonce-key', 'nonceStr as the key in the string', () => sign({}, 'nonceStr')],
    ['timestamp-ms', 'Date.now() signed, seconds in wx.config', () => sign({ timestamp: `${TS}123` })],
    ['timestamp-drift', 'the clock read again for wx.config, two seconds later', () => sign({ timestamp: String(Number(TS) - 2) })],
    ['access-token', 'the access_token signed as the ticket', () => sign({ ticket: TOKEN })],
    ['stale-ticket', 'an old ticket', () => sign({ ticket: STALE })],
    ['other-appid-ticket', 'the ticket of another account this machine holds', () => sign({ ticket: OTHER_APP })],
    ['fragment', 'a bare #wechat_redirect left on the page URL', () => sign({ url: `${PAGE}#wechat_redirect` })],
    ['share-params', 'a shared link, signed without what WeChat appended', () => sign({ url: PAGE }), `${PAGE}&from=singlemessage&isappinstalled=0`],
    ['query-order', 'the query rebuilt in sorted order', () => sign({ url: 'https://h5.example.com/shop?from=menu&id=1' }), 'https://h5.example.com/shop?id=1&from=menu'],
    ['port', 'the default port written out', () => sign({ url: 'https://h5.example.com:443/shop/list?from=menu' })],
    ['port', 'the backend’s own port behind nginx', () => sign({ url: 'http://h5.example.com:8080/shop/list?from=menu' })],
    ['scheme-slash', 'the other scheme and a trailing slash together', () => sign({ url: 'http://h5.example.com/shop/list/?from=menu' })],
    ['nonce-case', 'the nonce lower-cased on the server', () => sign({ nonceStr: NONCE.toLowerCase() })],
    ['nonce-space', 'wx.config’s nonceStr copied with a trailing space', () => sign({}), PAGE, `${NONCE} `],
    ['nonce-space', 'a + in the signed nonce that reached wx.config as a space (form decoding)', () => sign({ nonceStr: 'ab+cd/ef' }), PAGE, 'ab cd/ef'],
    ['nonce-space', 'the server signed the form-decoded nonce, wx.config kept its +', () => sign({ nonceStr: 'ab cd' }), PAGE, 'ab+cd'],
    ['nonce-space', 'the server signed a nonce read from a file with its line end, wx.config got it trimmed', () => sign({ nonceStr: `${NONCE}\n` }), PAGE, NONCE],
    ['no-ticket', 'getticket failed and the server signed "undefined"', () => sign({ ticket: 'undefined' })],
    ['no-ticket', 'an empty ticket', () => sign({ ticket: '' })],
  ];

  it.each(table)('names %s (%s)', (mistake, _why, signature, url = PAGE, nonceStr = NONCE) => {
    const d = diagnoseSignature({ url, signature: signature(), timestamp: TS, nonceStr }, facts, sha1);
    expect(d.verdict).toBe('mistake');
    expect(d.verdict === 'mistake' && d.found.mistake).toBe(mistake);
  });

  it('a signature of the href form is a match, however the URL was typed', () => {
    for (const [typed, href] of [
      ['https://h5.example.com/商品/详情?name=手机', 'https://h5.example.com/%E5%95%86%E5%93%81/%E8%AF%A6%E6%83%85?name=%E6%89%8B%E6%9C%BA'],
      ['https://h5.example.com?x=1', 'https://h5.example.com/?x=1'],
      ['https://H5.EXAMPLE.com:443/p', 'https://h5.example.com/p'],
    ]) {
      const d = diagnoseSignature({ url: typed as string, signature: sign({ url: href }), timestamp: TS, nonceStr: NONCE }, facts, sha1);
      expect(d.verdict, typed).toBe('match');
      expect(d.url).toBe(href);
    }
  });

  it("the landing URL's signature is right on iOS only (JSSDK-FACTS §3.1), not a plain mistake", () => {
    const landing = 'https://h5.example.com/entry?from=share';
    const d = diagnoseSignature({ url: PAGE, signature: sign({ url: landing }), timestamp: TS, nonceStr: NONCE }, facts, sha1);
    expect(d).toMatchObject({ verdict: 'ios-only', landingUrl: landing, url: PAGE });
  });

  it('covers every mistake it knows', () => {
    expect(new Set(table.map(([m]) => m))).toEqual(new Set(MISTAKES));
  });

  it('signed ms in wx.config too: the timestamp warning, seconds recognised', () => {
    const d = diagnoseSignature({ url: PAGE, signature: sign({ timestamp: TS }), timestamp: `${TS}000`, nonceStr: NONCE }, facts, sha1);
    expect(d).toMatchObject({ verdict: 'mistake', found: { mistake: 'timestamp-ms', timestamp: TS } });
    expect(d.warnings).toContainEqual({ kind: 'timestamp-ms', timestamp: `${TS}000` });
  });

  it('lists what to check when nothing reproduces it', () => {
    const d = diagnoseSignature({ url: PAGE, signature: 'f'.repeat(40), timestamp: TS, nonceStr: NONCE }, facts, sha1);
    expect(d.verdict).toBe('unknown');
    expect(d.verdict === 'unknown' && d.checks).toContain('appid');
    // How many kinds of mistake were tried (only those that apply), apart from how many signatures that took.
    const kinds = d.verdict === 'unknown' ? d.kinds : 0;
    expect(kinds).toBeGreaterThan(5);
    expect(kinds).toBeLessThanOrEqual(MISTAKES.length);
    expect(d.verdict === 'unknown' && d.tried).toBeGreaterThan(kinds);
    // Without an access_token, an old ticket or another appid's to try, those three kinds were not tried, and are not counted.
    const offline = diagnoseSignature({ url: PAGE, signature: 'f'.repeat(40), timestamp: TS, nonceStr: NONCE }, { ticket: facts.ticket }, sha1);
    expect(offline).toMatchObject({ verdict: 'unknown', kinds: kinds - 3 });
  });
});

describe('maskString1', () => {
  it('masks the ticket as traces do and keeps the rest', () => {
    expect(maskString1(OFFICIAL.string1)).toBe('jsapi_ticket=sM4A***&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value');
    expect(maskString1('jsapi_ticket=86_AccessToken0123456789&nonceStr=n&timestamp=1&url=u')).toBe('jsapi_ticket=86_A***&nonceStr=n&timestamp=1&url=u');
  });
});

describe('ticketExpiry', () => {
  const T = { ticket: 'same-ticket', expires_in: 7200 };
  it('keeps the first expiry of the same ticket while it is ahead', () => {
    expect(ticketExpiry(T, 1_000_000, { ticket: 'same-ticket', expiresAt: 2_000_000 })).toBe(2_000_000);
  });
  it('stamps the fresh expiry once the cached one has passed (the same ticket handed back lives on)', () => {
    expect(ticketExpiry(T, 1_000_000, { ticket: 'same-ticket', expiresAt: 1 })).toBe(1_000_000 + 7_200_000);
    expect(ticketExpiry(T, 1_000_000, { ticket: 'same-ticket', expiresAt: 1_000_000 })).toBe(1_000_000 + 7_200_000);
  });
  it('a new ticket gets its own expiry', () => {
    expect(ticketExpiry(T, 5, { ticket: 'old', expiresAt: 9_999_999_999 })).toBe(5 + 7_200_000);
  });
});

describe('parseWxConfig', () => {
  it('reads a pasted wx.config with JS syntax', () => {
    const c = parseWxConfig(`wx.config({ debug: true, appId: 'wx5e1ec0de00000001', timestamp: 1414587457, nonceStr: "abc", signature: '0f9d', jsApiList: ['chooseImage', "scanQRCode"] })`);
    expect(c).toEqual({ appId: 'wx5e1ec0de00000001', timestamp: '1414587457', nonceStr: 'abc', signature: '0f9d', jsApiList: ['chooseImage', 'scanQRCode'] });
  });
  it('notices noncestr spelt in lower case inside wx.config', () => {
    expect(parseWxConfig('{"noncestr":"abc"}')).toEqual({ nonceStr: 'abc', lowerNonceKey: true });
  });
});

describe('the jsDomains setting (core/validate.ts)', () => {
  it('takes bare domains, comma-separated; refuses a URL or nothing, with catalogued words', async () => {
    const { checkSetting } = await import('../../src/core/validate.js');
    const { catalogue } = await import('../../src/ui/messages/index.js');
    expect(checkSetting('jsDomains', 'a.com,m.b.com')).toEqual({ ok: true, value: 'a.com,m.b.com' });
    for (const value of ['https://a.com/x', ',']) {
      const r = checkSetting('jsDomains', value);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      // Plain key/params pairs: an array of the MessageRef union is too big for the compiler to spell.
      type Plain = { key: string; params?: Record<string, unknown> };
      for (const ref of [r.problem as Plain, r.hint as Plain]) {
        const entry = (catalogue as Record<string, { en: string } | undefined>)[ref.key];
        expect(entry, ref.key).toBeDefined();
        for (const [, param] of (entry?.en ?? '').matchAll(/\{(\w+)\}/g)) expect(ref.params ?? {}, `${ref.key} {${param}}`).toHaveProperty(param as string);
      }
    }
  });
});

describe('the JS-SDK API names (jssdk sign --api)', () => {
  it('knows the doc\'s list; an unknown name gets the closest known one, case first', async () => {
    const { JS_API_NAMES, unknownJsApis } = await import('../../src/core/jssdk.js');
    expect(JS_API_NAMES).toContain('updateAppMessageShareData');
    expect(JS_API_NAMES).toContain('scanQRCode');
    expect(new Set(JS_API_NAMES).size).toBe(JS_API_NAMES.length);
    expect(unknownJsApis(['chooseImage', 'scanQRcode', 'chooseImg', 'fooBar', 'fooBar'])).toEqual([
      { name: 'scanQRcode', suggestion: 'scanQRCode' },
      { name: 'chooseImg', suggestion: 'chooseImage' },
      { name: 'fooBar' },
    ]);
  });
});

describe('a --ticket given by hand', () => {
  const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
  it('unwrapTicket drops whitespace around it and one pair of matching quotes, saying which quotes', () => {
    expect(unwrapTicket(`${ticket}\r\n`)).toEqual({ ticket });
    expect(unwrapTicket(` '${ticket}' `)).toEqual({ ticket, quotes: { open: "'", close: "'" } });
    expect(unwrapTicket(`「${ticket}」`)).toEqual({ ticket, quotes: { open: '「', close: '」' } });
    // One pair only, and only a matching one: what is left is checked as it is.
    expect(unwrapTicket(`""${ticket}""`)).toEqual({ ticket: `"${ticket}"`, quotes: { open: '"', close: '"' } });
    expect(unwrapTicket(`"${ticket}'`)).toEqual({ ticket: `"${ticket}'` });
    expect(unwrapTicket(`”${ticket}“`)).toEqual({ ticket: `”${ticket}“` });
    expect(unwrapTicket('""')).toEqual({ ticket: '""' });
    expect(unwrapTicket(`\u200b"${ticket}"\u2060`)).toEqual({ ticket, quotes: { open: '"', close: '"' } });
  });

  it('ticketShapeRefusal names the shape (JSON answer, error answer, a wrong character), never the value', () => {
    expect(ticketShapeRefusal(ticket, '')).toBeUndefined();
    expect(ticketShapeRefusal(`{"errcode":0,"ticket":"${ticket}"}`, '')?.message).toEqual({ key: 'jssdk.ticket.json' });
    expect(ticketShapeRefusal('{"errcode":40001,"errmsg":"x"}', '')?.message).toEqual({ key: 'jssdk.ticket.errorBody', params: { errcode: 40001 } });
    expect(ticketShapeRefusal(`"${ticket}"`, ' --profile b')).toEqual({
      message: { key: 'jssdk.ticket.char', params: { char: '"', position: 1 } },
      hint: { key: 'jssdk.ticket.isSecret.hint', params: { p: ' --profile b' } },
    });
    expect(ticketShapeRefusal(`${ticket} x`, '')?.message.key).toBe('jssdk.ticket.blank');
  });
});

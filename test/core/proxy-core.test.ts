// The pure parts of wxauth proxy: masking, the Beijing day, percentiles, and a quota/get answer
// teaching the quota detector the account's real numbers.
import { describe, expect, it } from 'vitest';
import { ProxyMasker, readCall, type ProxyExchange } from '../../src/core/proxy-call.js';
import { ProxyObserver, beijingDay } from '../../src/core/proxy-detect.js';
import { tr } from '../../src/ui/i18n.js';
import type { MessageRef } from '../../src/errors.js';
import { ProxyStats, percentile } from '../../src/core/proxy-stats.js';
import type { ObservedCall } from '../../src/core/proxy-detect.js';
import { interceptsConnect, isThisMachine, parseConnectTarget, reachesEmulatorControl, sentByAnotherSite, upstreamProxyFor } from '../../src/core/proxy-route.js';

const SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';

function exchange(over: Partial<ProxyExchange>): ProxyExchange {
  return {
    id: 1, startedAt: Date.UTC(2026, 0, 1, 3), latencyMs: 5, caller: '127.0.0.1:1', method: 'GET', target: '/', upstream: 'https://api.weixin.qq.com',
    httpVersion: '1.1', requestHeaders: [], requestBody: '', requestBodySize: 0, requestBodyTruncated: false, outcome: 'answered', status: 200,
    responseHeaders: [], responseBody: '', responseBodySize: 0, responseBodyTruncated: false, ...over,
  };
}

describe('ProxyMasker', () => {
  const m = new ProxyMasker(false);
  it('masks secrets by name in queries, JSON, nested JSON and forms, and by value once seen', () => {
    expect(m.target(`/cgi-bin/token?appid=wx1&secret=${SECRET}`)).toBe('/cgi-bin/token?appid=wx1&secret=5e1e***');
    expect(m.text(`{"grant_type":"client_credential","appid":"wx1","secret":"${SECRET}"}`)).not.toContain(SECRET);
    expect(m.text(`appid=wx1&appsecret=${SECRET}`)).toBe('appid=wx1&appsecret=5e1e***');
    expect(m.text(`{"response_body":"{\\"access_token\\":\\"${SECRET}\\"}"}`)).not.toContain(SECRET);
    m.learn([SECRET]);
    expect(m.text(`invalid secret ${SECRET}`)).toBe('invalid secret 5e1e***');
    expect(m.header('Cookie', 'sid=abcdefghijkl')).toBe('sid=***');
  });
  it('masks a credential inside a form value by its name too (JSON or XML sent as one field of a form)', () => {
    const fresh = new ProxyMasker(false);
    const encoded = (v: string) => encodeURIComponent(v);
    for (const body of [
      `data={"access_token":"${SECRET}"}`,
      `xml=<xml><AppSecret>${SECRET}</AppSecret></xml>`,
      `appid=wx1&payload={"secret":"${SECRET}","n":1}`,
      // Encoded, as URLSearchParams, axios, requests and curl --data-urlencode send it.
      `data=${encoded(`{"access_token":"${SECRET}"}`)}`,
      `xml=${encoded(`<AppSecret>${SECRET}</AppSecret>`)}`,
      `msg=hello+world&note=${encoded(`secret=${SECRET}`)}`,
    ]) {
      const shown = fresh.text(body);
      expect(shown, body).not.toContain(SECRET);
      expect(shown, body).toContain('5e1e***');
    }
    // A form body masked once is left as it was (redactValue keeps a mask), so nothing is masked twice.
    expect(fresh.text(`appid=wx1&code=0a1bcdefgh`)).toBe('appid=wx1&code=0a1b***');
  });
  it('masks credential headers by their names (X-Api-Key, X-Access-Token, X-Wx-Secret), not plain ones', () => {
    const fresh = new ProxyMasker(false);
    for (const name of ['X-Api-Key', 'x-access-token', 'X-Wx-Secret', 'X-Auth-Token', 'apikey']) expect(fresh.header(name, 'KEYSECRET0123456789'), name).toBe('KEYS***');
    for (const name of ['Content-Type', 'User-Agent', 'X-Request-Id', 'Accept']) expect(fresh.header(name, 'text/plain; charset=utf-8'), name).toBe('text/plain; charset=utf-8');
  });
  it('masks the open platform\'s secrets and any field named like one (…secret, …ticket, …_token, …code), in bodies, queries and forms', () => {
    const names = ['component_appsecret', 'component_verify_ticket', 'authorizer_refresh_token', 'authorizer_access_token', 'component_access_token', 'pre_auth_code', 'auth_code', 'js_code', 'session_key', 'ticket', 'suite_ticket', 'my_secret'];
    for (const name of names) {
      const value = `${SECRET}-${name}`;
      const fresh = new ProxyMasker(false);
      expect(fresh.text(JSON.stringify({ [name]: value })), name).not.toContain(SECRET);
      expect(fresh.text(JSON.stringify({ body: JSON.stringify({ [name]: value }) })), name).not.toContain(SECRET);
      expect(fresh.target(`/cgi-bin/component/api_query_auth?${name}=${value}`), name).not.toContain(SECRET);
      expect(fresh.text(`appid=wx1&${name}=${value}`), name).not.toContain(SECRET);
    }
    // Not secrets: errcode and the other fields stay readable.
    expect(m.text('{"errcode":40001,"errmsg":"invalid credential","expires_in":7200,"component_appid":"wx9"}')).toBe('{"errcode":40001,"errmsg":"invalid credential","expires_in":7200,"component_appid":"wx9"}');
    expect(m.target('/cgi-bin/component/api_component_token?component_appid=wx9&errcode=1&country_code=86')).toBe('/cgi-bin/component/api_component_token?component_appid=wx9&errcode=1&country_code=86');
  });

  it('masks WXAUTH_SECRET=… inside string values (the emulator seed\'s export lines), and learns open-platform values for later', () => {
    const fresh = new ProxyMasker(false);
    const seed = JSON.stringify({ apps: [{ appid: 'wx1', env: `export WXAUTH_API_BASE=http://127.0.0.1:3900 WXAUTH_APPID=wx1 WXAUTH_SECRET=${SECRET} WXAUTH_DOMAIN=a.test` }] });
    const shown = fresh.text(seed);
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain('WXAUTH_APPID=wx1');
    expect(shown).toContain('WXAUTH_DOMAIN=a.test');
    const o = new ProxyObserver({ showSecrets: false });
    const ticket = 'ticket@@@' + SECRET;
    o.observe(exchange({ method: 'POST', target: '/cgi-bin/component/api_component_token', requestHeaders: [['content-type', 'application/json']], requestBody: JSON.stringify({ component_appid: 'wx9', component_appsecret: SECRET, component_verify_ticket: ticket }) }));
    // Quoted later in an errmsg: masked by value.
    const later = o.observe(exchange({ target: '/x', responseBody: `{"errcode":61006,"errmsg":"component ticket ${ticket} is invalid"}` }));
    expect(JSON.stringify(later.call)).not.toContain(SECRET);
  });

  it('masks a secret seen earlier in a later call\'s path: the call and the detector hits built from it', () => {
    const o = new ProxyObserver({ showSecrets: false });
    o.observe(exchange({ target: `/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=${SECRET}` }));
    const later = o.observe(
      exchange({ target: `/cgi-bin/x/${SECRET}`, responseBody: '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6b105a9b-cc9ecac2-0ef2b18d"}' }),
    );
    expect(later.call.endpoint).toBe('/cgi-bin/x/5e1e***');
    expect(later.hits.map((h) => h.id)).toContain('ip.whitelist');
    expect(JSON.stringify(later)).not.toContain(SECRET);
  });

  it('stable_token\'s 41002 for a body that is no JSON object names what the body was, by its Content-Type: a form, broken JSON sent as JSON, JSON that is no object; a cut body or an object keeps WeChat\'s meaning', () => {
    const meaning = (contentType: string, body: string, over: Partial<ProxyExchange> = {}) =>
      new ProxyObserver({ showSecrets: false }).observe(
        exchange({ method: 'POST', target: '/cgi-bin/stable_token', requestHeaders: [['Content-Type', contentType]], requestBody: body, responseBody: '{"errcode":41002,"errmsg":"appid missing rid: 6b105a9b-cc9ecac2-0ef2b18d"}', ...over }),
      ).call.meaning;
    expect(meaning('application/x-www-form-urlencoded', `appid=wx1&secret=${SECRET}`)?.en).toBe('appid and secret unread: the body is not JSON, and stable_token reads only JSON');
    expect(meaning('application/json', '{"appid":"wx1"')).toEqual({
      zh: 'Content-Type 是 application/json，但请求体不是合法的 JSON，没读到 appid/secret',
      en: 'appid and secret unread: the body is not valid JSON (though sent as JSON)',
    });
    expect(meaning('application/vnd.api+json; charset=utf-8', "{appid:'wx1'}")?.en).toBe('appid and secret unread: the body is not valid JSON (though sent as JSON)');
    expect(meaning('application/json', '[{"appid":"wx1"}]')).toEqual({ zh: '请求体是 JSON，但不是对象，没读到 appid/secret', en: 'appid and secret unread: the JSON body is not an object' });
    expect(meaning('application/json', '{"appid":"wx1"', { requestBodyTruncated: true })?.en).toBe('appid missing');
    expect(meaning('application/json', '{"secret":"x"}')?.en).toBe('appid missing');
  });

  it('a 40164 is WeChat\'s, with the console\'s whitelist as the fix, unless the upstream is another host', () => {
    const refused = () => exchange({ target: '/cgi-bin/token?grant_type=client_credential&appid=wx1234567890abcdef&secret=x', responseBody: '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6b105a9b-cc9ecac2-0ef2b18d"}' });
    const [wechat] = new ProxyObserver({ showSecrets: false }).observe(refused()).hits;
    expect(wechat).toMatchObject({ id: 'ip.whitelist', evidence: { key: 'proxy.hit.ip.whitelist', params: { ip: '1.2.3.4' } }, fix: { key: 'proxy.fix.ip.whitelist' } });
    const [other] = new ProxyObserver({ showSecrets: false, otherUpstream: 'http://127.0.0.1:3900' }).observe(refused()).hits;
    expect(other).toMatchObject({ id: 'ip.whitelist', evidence: { key: 'proxy.hit.ip.whitelist.upstream', params: { upstream: 'http://127.0.0.1:3900', ip: '1.2.3.4' } } });
    expect(other!.fix).toMatchObject({ key: 'proxy.fix.ip.whitelist.upstream', params: { appid: 'wx1234567890abcdef' } });
    // The fix is a command to paste: an appid that is not WeChat's shape (anyone's text) becomes APPID, never `<appid>` or shell syntax.
    const odd = exchange({ target: '/cgi-bin/token?grant_type=client_credential&appid=x%3Btouch%20p&secret=x', responseBody: '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"}' });
    const [oddHit] = new ProxyObserver({ showSecrets: false, otherUpstream: 'http://127.0.0.1:3900' }).observe(odd).hits;
    expect(oddHit!.fix).toMatchObject({ key: 'proxy.fix.ip.whitelist.upstream', params: { appid: 'APPID' } });
  });

  it('shows everything with --show-secrets', () => {
    const clear = new ProxyMasker(true);
    expect(clear.target(`/x?secret=${SECRET}`)).toContain(SECRET);
  });
});

describe('readCall', () => {
  it('reads errcode and rid from a text/plain answer, and a form body', () => {
    const facts = readCall(exchange({ target: '/sns/oauth2/access_token?code=abc', responseHeaders: [['Content-Type', 'text/plain']], responseBody: '{"errcode":40163,"errmsg":"code been used, rid: 6b105a9b-cc9ecac2-0ef2b18d"}' }));
    expect(facts).toMatchObject({ endpoint: '/sns/oauth2/access_token', errcode: 40163, rid: '6b105a9b-cc9ecac2-0ef2b18d', query: { code: 'abc' } });
    const form = readCall(exchange({ method: 'POST', requestHeaders: [['content-type', 'application/x-www-form-urlencoded']], requestBody: 'appid=wx1&appsecret=s' }));
    expect(form.body).toEqual({ appid: 'wx1', appsecret: 's' });
  });
});

describe('quota and time', () => {
  it('counts per Beijing day: 16:00 UTC is already the next day in Beijing', () => {
    expect(beijingDay(Date.UTC(2026, 0, 1, 15, 59))).toBe('2026-01-01');
    expect(beijingDay(Date.UTC(2026, 0, 1, 16, 0))).toBe('2026-01-02');
  });
  it('nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBe(0);
  });
  it('a quota/get answer passing through sets the limit and the use so far', () => {
    const o = new ProxyObserver({ showSecrets: false });
    const got = o.observe(exchange({
      method: 'POST', target: '/cgi-bin/openapi/quota/get?access_token=tok', requestBody: '{"cgi_path":"/cgi-bin/token"}',
      responseBody: '{"errcode":0,"errmsg":"ok","quota":{"daily_limit":2000,"used":1700,"remain":300}}',
      requestHeaders: [['content-type', 'application/json']],
    }));
    // The appid of quota/get is only known from its token: unknown here, so nothing is learnt.
    expect(got.hits).toEqual([]);
    const named = o.observe(exchange({
      method: 'POST', target: '/cgi-bin/openapi/quota/get?access_token=tok', requestBody: '{"cgi_path":"/cgi-bin/token","appid":"wx5e1ec0de00000001"}',
      responseBody: '{"errcode":0,"errmsg":"ok","quota":{"daily_limit":2000,"used":1700,"remain":300}}',
    }));
    expect(named.hits.map((h) => h.id)).toEqual(['quota.high']);
    expect(named.hits[0]!.evidence.params).toMatchObject({ count: 1700, limit: 2000, percent: 85 });
  });
});

describe('the detectors\' memory, whatever appids callers send', () => {
  const APP = 'wx5e1ec0de00000001';
  const token = (o: ProxyObserver, appid: string, n: number, time = Date.UTC(2026, 0, 1, 3)) =>
    o.observe(exchange({ startedAt: time, target: `/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appid)}&secret=${SECRET}`, responseBody: `{"access_token":"BASIC_TOKEN_${n}_${'t'.repeat(100)}","expires_in":7200}` }));
  const quotaGet = (o: ProxyObserver, appid: string, path: string) =>
    o.observe(exchange({ method: 'POST', target: '/cgi-bin/openapi/quota/get?access_token=tok', requestHeaders: [['content-type', 'application/json']], requestBody: JSON.stringify({ appid, cgi_path: path }), responseBody: '{"errcode":0,"errmsg":"ok","quota":{"daily_limit":100000,"used":1,"remain":99999}}' }));

  // With --show-secrets, so that the masker's work on each call does not slow the thousands down: what is
  // remembered is the same.
  it('keeps nothing per appid for appids not shaped like WeChat\'s (a scanner\'s 2 KB ones), even when the upstream answers them', () => {
    const o = new ProxyObserver({ showSecrets: true });
    for (let i = 0; i < 3000; i++) {
      const junk = `${'a'.repeat(2000)}${i}`;
      const { call } = token(o, junk, i);
      // The call's line still says what the caller sent.
      expect(call.appid).toBe(junk);
      quotaGet(o, junk, `/cgi-bin/${'p'.repeat(2000)}${i}`);
    }
    const kept = o.remembered();
    expect(kept.basicTokens).toBe(0);
    expect(kept.learntLimits).toBe(0);
    // Counted as an unknown app's, as a call naming none is: one `? /cgi-bin/token` count.
    expect(kept.quotaCounts).toBe(1);
  });

  it('stays capped for appids shaped like WeChat\'s, and a real app keeps its detections through such a flood', () => {
    const o = new ProxyObserver({ showSecrets: true, quotas: { '/cgi-bin/token': 3 } });
    const t0 = Date.UTC(2026, 0, 1, 3);
    expect(token(o, APP, 0, t0).hits).toEqual([]);
    for (let i = 1; i <= 12_000; i++) {
      const appid = `wx${i.toString(16).padStart(16, '0')}`;
      token(o, appid, i, t0 + i);
      quotaGet(o, appid, `/cgi-bin/path${i}`);
    }
    const kept = o.remembered();
    expect(kept.basicTokens).toBeLessThanOrEqual(1000);
    expect(kept.quotaCounts).toBeLessThanOrEqual(10_000);
    expect(kept.learntLimits).toBeLessThanOrEqual(10_000);
    for (const [name, size] of Object.entries(kept)) expect(size, name).toBeLessThanOrEqual(20_000);
    // The real app, forgotten under the flood, still fetching: its token is remembered afresh, the
    // refetch that knocks it out is named, and its quota counted.
    const after = t0 + 20_000;
    expect(token(o, APP, 100_001, after).hits).toEqual([]);
    const refetch = token(o, APP, 100_002, after + 1000);
    expect(refetch.hits.map((h) => [h.id, h.appid])).toEqual([['basic_token.refetched', APP]]);
    const third = token(o, APP, 100_003, after + 2000);
    expect(third.hits.map((h) => [h.id, h.appid])).toEqual([['basic_token.refetched', APP], ['quota.high', APP]]);
    expect(third.hits[1]!.evidence.params).toMatchObject({ count: 3, limit: 3 });
  });

  it('remembers codes of WeChat\'s length for code.reused, not a scanner\'s kilobytes-long ones', () => {
    const o = new ProxyObserver({ showSecrets: true });
    const exchangeCode = (code: string) =>
      o.observe(exchange({ target: `/sns/oauth2/access_token?appid=${APP}&secret=${SECRET}&code=${code}&grant_type=authorization_code`, responseBody: '{"access_token":"ACCESS_TOKEN_1234567","openid":"o1"}' }));
    for (let i = 0; i < 100; i++) exchangeCode(`0${'c'.repeat(4000)}${i}`);
    expect(o.remembered().codes).toBe(0);
    const real = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
    expect(exchangeCode(real).hits).toEqual([]);
    expect(exchangeCode(real).hits.map((h) => h.id)).toEqual(['code.reused']);
    expect(o.remembered().codes).toBe(1);
  });
});

describe('proxy routing (--intercept and the upstream proxy)', () => {
  it('decrypts only WeChat API hosts and open.weixin.qq.com on 443', () => {
    for (const host of ['api.weixin.qq.com', 'api2.weixin.qq.com', 'sh.api.weixin.qq.com', 'sz.api.weixin.qq.com', 'hk.api.weixin.qq.com', 'open.weixin.qq.com', 'API.WEIXIN.QQ.COM'])
      expect(interceptsConnect(parseConnectTarget(`${host}:443`)!), host).toBe(true);
    expect(interceptsConnect(parseConnectTarget('api.weixin.qq.com:80')!)).toBe(false);
    for (const host of ['mp.weixin.qq.com', 'weixin.qq.com', 'api.weixin.qq.com.evil.example', 'evilapi.weixin.qq.com', 'example.test'])
      expect(interceptsConnect(parseConnectTarget(`${host}:443`)!), host).toBe(false);
  });

  it('reads CONNECT targets as host:port only', () => {
    expect(parseConnectTarget('api.weixin.qq.com:443')).toEqual({ host: 'api.weixin.qq.com', port: 443 });
    expect(parseConnectTarget('[::1]:8443')).toEqual({ host: '::1', port: 8443 });
    for (const bad of ['api.weixin.qq.com', 'http://api.weixin.qq.com:443', 'a.b:0', 'a.b:70000', '/path:1']) expect(parseConnectTarget(bad), bad).toBeUndefined();
  });

  it('picks the upstream proxy as undici EnvHttpProxyAgent does, NO_PROXY included', () => {
    const s = { httpProxy: 'http://p:1', httpsProxy: 'http://ps:2', noProxy: '' };
    expect(upstreamProxyFor(new URL('https://api.weixin.qq.com'), s)).toBe('http://ps:2');
    expect(upstreamProxyFor(new URL('http://127.0.0.1:3900'), s)).toBe('http://p:1');
    // Only HTTP_PROXY set (common behind a corporate proxy): https goes through it too, as in undici.
    expect(upstreamProxyFor(new URL('https://api.weixin.qq.com'), { ...s, httpsProxy: '' })).toBe('http://p:1');
    expect(upstreamProxyFor(new URL('https://api.weixin.qq.com'), { ...s, httpProxy: '', httpsProxy: '' })).toBeUndefined();
    expect(upstreamProxyFor(new URL('https://api.weixin.qq.com'), { ...s, noProxy: '*' })).toBeUndefined();
    expect(upstreamProxyFor(new URL('https://sh.api.weixin.qq.com'), { ...s, noProxy: '.weixin.qq.com' })).toBeUndefined();
    expect(upstreamProxyFor(new URL('https://api.weixin.qq.com'), { ...s, noProxy: 'localhost, *.qq.com' })).toBeUndefined();
    expect(upstreamProxyFor(new URL('http://127.0.0.1:3900'), { ...s, noProxy: '127.0.0.1:3900' })).toBeUndefined();
    expect(upstreamProxyFor(new URL('http://127.0.0.1:3901'), { ...s, noProxy: '127.0.0.1:3900' })).toBe('http://p:1');
    expect(upstreamProxyFor(new URL('https://notweixin.qq.com'), { ...s, noProxy: 'weixin.qq.com' })).toBe('http://ps:2');
  });
});

describe('who the proxy serves', () => {
  it('a caller is this machine when it is loopback (also IPv4-mapped) or one of the machine\'s own addresses', () => {
    const own = ['127.0.0.1', '::1', '192.0.2.2', 'fd00::2'];
    for (const ip of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '192.0.2.2', '::ffff:192.0.2.2', 'FD00::2']) expect(isThisMachine(ip, own), ip).toBe(true);
    for (const ip of ['192.0.2.3', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::3', '', '0.0.0.0']) expect(isThisMachine(ip, own), ip).toBe(false);
  });
  it('the emulator\'s control paths, however spelled; WeChat paths pass', () => {
    for (const p of ['/__emulator/seed', '/__EMULATOR', '/%5f%5femulator/seed', '/%255F%255Femulator/seed', '/a/../__emulator/x', '\\__emulator\\seed', '/__emulator?x', '/__emu\tlator/seed', '/a/%25252e%25252e/__emulator/x']) expect(reachesEmulatorControl(p), p).toBe(true);
    for (const p of ['/cgi-bin/token?grant_type=client_credential', '/sns/oauth2/access_token', '/__emulatorish', '/x?note=/__emulator']) expect(reachesEmulatorControl(p), p).toBe(false);
  });
  it('another site reaches WeChat\'s /connect/ pages only by a path no server reads as another: no `..`, no encoded dot, slash, backslash or percent', () => {
    const crossSite = { 'sec-fetch-site': 'cross-site' };
    for (const p of [
      '/connect/..%2fcgi-bin/message/custom/send?access_token=X',
      '/connect/%2e%2e%2fcgi-bin/token',
      '/connect/%2E%2E/cgi-bin/token',
      '/connect/..%5ccgi-bin/token',
      '/connect/..%5Ccgi-bin/token',
      '/connect/a/..%2F..%2Fcgi-bin/token',
      '/connect/../cgi-bin/token',
      '/connect/..;/cgi-bin/token',
      '/connect/..\\cgi-bin/token',
      '/connect/%252e%252e%252fcgi-bin/token',
      '/cgi-bin/token?next=/connect/',
    ])
      expect(sentByAnotherSite('GET', p, crossSite), p).toBe('cross-site');
    for (const p of [
      '/connect/oauth2/authorize?appid=wx5e1ec0de00000001&redirect_uri=https%3A%2F%2Fa.example%2F..%2Fcb&state=%2e%2e',
      '/connect/qrconnect?appid=wx5e1ec0de00000003',
      '/connect/qrcode/0a1B2c3D4e5F6g7H',
      '/connect/zh_CN/htmledition/js/wxLogin.js',
    ])
      expect(sentByAnotherSite('GET', p, crossSite), p).toBeUndefined();
    // Only a GET: a page's POST to the authorize reply is still a page's.
    expect(sentByAnotherSite('POST', '/connect/oauth2/authorize_reply', crossSite)).toBe('cross-site');
  });
});

describe('answerOf (what a call got, as its line, the summary, --json and the HAR label it)', () => {
  const label = (over: Partial<ProxyExchange>) => new ProxyObserver({ showSecrets: false }).observe(exchange({ target: '/cgi-bin/token?appid=wx1', ...over })).call.answer;
  const html = [['Content-Type', 'text/html; charset=utf-8']] as Array<[string, string]>;
  it('is ok only for a JSON object (or a file), and says what any other answer without an errcode is', () => {
    expect(label({ responseBody: '{"access_token":"T","expires_in":7200}', responseBodySize: 38 })).toBe('ok');
    expect(label({ responseBody: '{"errcode":40013,"errmsg":"invalid appid"}', responseBodySize: 42 })).toBe('40013');
    // A captive portal or a gateway answering 200 with a page is not WeChat's answer; nor an empty body.
    expect(label({ responseHeaders: html, responseBody: '<html>Sign in to the Wi-Fi</html>', responseBodySize: 33 })).toBe('not_json');
    // JSON all the same, but not the object WeChat sends.
    expect(label({ responseBody: '[1,2]', responseBodySize: 5 })).toBe('not_object');
    expect(label({ responseBody: '"ok"', responseBodySize: 4 })).toBe('not_object');
    expect(label({ responseHeaders: html, responseBody: '', responseBodySize: 0 })).toBe('empty');
    // A redirect to another host, and an HTTP error, without an errcode.
    expect(label({ status: 302, responseHeaders: [['Location', 'http://portal.example/']] })).toBe('http_302');
    expect(label({ status: 500, responseHeaders: html, responseBody: '<html>500</html>', responseBodySize: 16 })).toBe('http_500');
    // More than the proxy keeps: a JSON object is WeChat's success (user/get's 10,000 openids), unless
    // its first bytes hold an errcode; anything else is not read, so not said to be ok.
    expect(label({ responseBody: '{"total":2,"data":{"openid":["o1",', responseBodySize: 200_000, responseBodyTruncated: true })).toBe('ok');
    expect(label({ responseBody: '{"errcode":40001,"errmsg":"' + 'x'.repeat(100), responseBodySize: 200_000, responseBodyTruncated: true })).toBe('too_large');
    expect(label({ responseBody: '["o1",', responseBodySize: 200_000, responseBodyTruncated: true })).toBe('too_large');
    expect(label({ responseHeaders: html, responseBody: '<html>' + 'x'.repeat(100), responseBodySize: 200_000, responseBodyTruncated: true })).toBe('not_json');
    expect(label({ responseHeaders: [['Content-Encoding', 'br']], responseBody: '', responseBodySize: 900, responseBodyTooLarge: true })).toBe('too_large');
    // No answer at all: the outcome.
    for (const outcome of ['timeout', 'unreachable', 'reset', 'aborted', 'stopped'] as const) expect(label({ outcome, status: undefined })).toBe(outcome);
  });
  // JSON behind a byte-order mark (a relay's PHP file saved as UTF-8 with BOM) read as `ok` or its errcode,
  // as the proxy's own reading trimmed the mark away, though the caller's JSON parser (and wxauth's own
  // client) refuses it: not_json now, said to be JSON behind a BOM, the errcode behind it kept.
  it('calls JSON behind a byte-order mark not_json, marked bom, the errcode behind it kept', () => {
    const observe = (body: string) => new ProxyObserver({ showSecrets: false }).observe(exchange({ target: '/cgi-bin/token?appid=wx1', responseBody: body, responseBodySize: body.length })).call;
    const token = observe('\ufeff{"access_token":"86_tokenBehindAByteOrderMark0123","expires_in":7200}');
    expect(token).toMatchObject({ answer: 'not_json', bom: true });
    expect(token.errcode).toBeUndefined();
    expect(observe('\ufeff{"errcode":40013,"errmsg":"invalid appid"}')).toMatchObject({ answer: 'not_json', bom: true, errcode: 40013 });
    // A page behind a mark is no JSON at all; an object without one is WeChat's, as before.
    expect(observe('\ufeff<html>Sign in</html>')).toMatchObject({ answer: 'not_json' });
    expect(observe('\ufeff<html>Sign in</html>').bom).toBeUndefined();
    expect(observe('{"errcode":40013,"errmsg":"invalid appid"}').bom).toBeUndefined();
  });
  it('keeps ok for a file (a media download, a QR image), a HEAD or a 204, and for WeChat\'s pages under /connect/', () => {
    expect(label({ target: '/cgi-bin/media/get?media_id=M', responseHeaders: [['Content-Type', 'image/jpeg']], responseBody: '\xff\xd8', responseBodySize: 300_000, responseBodyTruncated: true })).toBe('ok');
    expect(label({ method: 'HEAD', responseBodySize: 0 })).toBe('ok');
    expect(label({ status: 204, responseBodySize: 0 })).toBe('ok');
    expect(label({ target: '/connect/oauth2/authorize?appid=wx1', responseHeaders: html, responseBody: '<html>', responseBodySize: 6 })).toBe('ok');
    expect(label({ target: '/connect/oauth2/authorize?appid=wx1', status: 302, responseHeaders: [['Location', 'https://app.example/cb?code=C&state=S']] })).toBe('ok');
  });
});

describe('ProxyStats (the Ctrl-C summary)', () => {
  it('counts WeChat errcodes, calls that got no answer, and HTTP errors without an errcode', () => {
    const stats = new ProxyStats();
    const call = (over: Partial<ObservedCall>): ObservedCall => ({
      id: 1, time: 0, caller: '127.0.0.1', method: 'GET', endpoint: '/sns/oauth2/access_token', outcome: 'answered', status: 200, answer: 'ok',
      latencyMs: 3, query: '', requestBody: '', responseBody: '', requestBodySize: 0, responseBodySize: 0, ...over,
    });
    stats.addCall(call({}));
    stats.addCall(call({ errcode: 40029, answer: '40029' }));
    stats.addCall(call({ status: 500, answer: 'http_500' }));
    stats.addCall(call({ status: 502, answer: 'http_502' }));
    // Answers that are not WeChat's JSON: a captive portal's 200 page, a redirect, a body too large to read.
    stats.addCall(call({ answer: 'not_json' }));
    stats.addCall(call({ status: 302, answer: 'http_302' }));
    stats.addCall(call({ answer: 'too_large' }));
    stats.addCall(call({ outcome: 'unreachable', status: undefined, answer: 'unreachable' }));
    // The caller leaving first is not the upstream's silence.
    stats.addCall(call({ outcome: 'aborted', status: undefined, answer: 'aborted' }));
    const summary = stats.summary();
    expect(summary.endpoints[0]).toMatchObject({ calls: 9, errcodes: { 40029: 1 }, failures: { http_500: 1, http_502: 1, not_json: 1, http_302: 1, too_large: 1, unreachable: 1, aborted: 1 } });
    // A gateway's 502 is an answer; only the unreachable call got none.
    expect(summary).toMatchObject({ calls: 9, unanswered: 1 });
  });
});

describe('callers in detector evidence', () => {
  const APP = 'wx5e1ec0de00000001';
  const exchangeOf = (code: string, id: number, over: Partial<ProxyExchange>) =>
    exchange({ id, target: `/sns/oauth2/access_token?appid=wx1&secret=${SECRET}&code=${code}&grant_type=authorization_code`, responseBody: id === 1 ? '{"access_token":"ACCESS_TOKEN_1234567","openid":"o1"}' : '{"errcode":40163,"errmsg":"code been used"}', ...over });
  it('names a caller by its process when known, else its User-Agent, else its port said to be one connection\'s', () => {
    const o = new ProxyObserver({ showSecrets: false });
    o.observe(exchangeOf('CODE_ABCDEFGH', 1, { caller: '127.0.0.1:42106', callerProcess: { pid: 4242, command: 'node server-a.mjs' } }));
    const { hits } = o.observe(exchangeOf('CODE_ABCDEFGH', 2, { caller: '127.0.0.1:42156', requestHeaders: [['User-Agent', 'wechat-api/1.35']] }));
    expect(hits[0]!.evidence.params).toMatchObject({
      firstCaller: { key: 'proxy.caller.process', params: { address: '127.0.0.1:42106', pid: 4242, command: 'node server-a.mjs' } },
      secondCaller: { key: 'proxy.caller.agent', params: { address: '127.0.0.1:42156', agent: 'wechat-api/1.35' } },
    });
    const bare = new ProxyObserver({ showSecrets: false });
    bare.observe(exchangeOf('CODE_IJKLMNOP', 1, { caller: '10.0.0.5:40000' }));
    const again = bare.observe(exchangeOf('CODE_IJKLMNOP', 2, { caller: '10.0.0.5:40001' }));
    expect(again.hits[0]!.evidence.params).toMatchObject({ firstCaller: { key: 'proxy.caller.port', params: { address: '10.0.0.5:40000' } } });
  });

  // A server that fetches /cgi-bin/token again while its own token is valid does not keep it: the war
  // between services ("every process holding the old token", "let one service own it") is not its fault.
  it('basic_token.refetched by the caller that got the previous token says it keeps none (en, zh); another caller is the war; two connections whose processes are not both known are said to be either (en, zh)', () => {
    const t0 = Date.UTC(2026, 0, 1, 3);
    const fetchToken = (o: ProxyObserver, n: number, over: Partial<ProxyExchange>) =>
      o.observe(exchange({ id: n, startedAt: t0 + n * 60_000, target: `/cgi-bin/token?grant_type=client_credential&appid=${APP}&secret=${SECRET}`, responseBody: `{"access_token":"BASIC_TOKEN_${n}_${'t'.repeat(60)}","expires_in":7200}`, ...over }));
    const server = { pid: 4242, command: 'node server.mjs' };
    const o = new ProxyObserver({ showSecrets: false, quotas: { '/cgi-bin/token': 200 } });
    fetchToken(o, 1, { caller: '127.0.0.1:40100', callerProcess: server });
    const again = fetchToken(o, 2, { caller: '127.0.0.1:40102', callerProcess: { ...server } });
    expect(again.hits.map((h) => [h.id, h.evidence.key, h.fix.key])).toEqual([['basic_token.refetched', 'proxy.hit.basic_token.refetched.same', 'proxy.fix.basic_token.uncached']]);
    const hit = again.hits[0]!;
    expect(tr('en', hit.evidence)).toBe(
      `pid 4242 (node server.mjs) fetched a new /cgi-bin/token for ${APP} while the one it got itself at 2026-01-01T03:01:00.000Z had about 119 minutes left: it does not keep its token. Each fetch spends one of the 200 /cgi-bin/token calls a day, and the token it replaced works 5 more minutes at most, so any copy of it kept elsewhere (another worker, a shared cache) then gets 40001.`,
    );
    expect(tr('zh', hit.evidence)).toBe(
      `pid 4242（node server.mjs）为 ${APP} 又调了一次 /cgi-bin/token，而它自己在 2026-01-01T03:01:00.000Z 拿到的 token 还有约 119 分钟才过期：它没有缓存 token。每调一次都要占用 /cgi-bin/token 每天 200 次的额度；被顶掉的旧 token 最多还能用 5 分钟，之后别处留着的副本（其他 worker、共享缓存里的）会收到 40001。`,
    );
    expect(tr('en', hit.fix)).toMatch(/^Keep the token \(in the process, or in a cache every worker reads\)/);
    expect(tr('zh', hit.fix)).toMatch(/^把 token 缓存起来/);
    // Another process: the war, as before.
    const other = fetchToken(o, 3, { caller: '127.0.0.1:40104', callerProcess: { pid: 5151, command: 'node worker.mjs' } });
    expect(other.hits.map((h) => [h.evidence.key, h.fix.key])).toEqual([['proxy.hit.basic_token.refetched', 'proxy.fix.basic_token']]);
    // The same pid running another program (reused): not the same process.
    const reused = fetchToken(o, 4, { caller: '127.0.0.1:40106', callerProcess: { pid: 5151, command: 'python3 app.py' } });
    expect(reused.hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.refetched']);
    // Processes unknown: one keep-alive connection is one client; two connections with the same
    // User-Agent (any two curls) may be two processes, and are not said to be one; nor to be two.
    const bare = new ProxyObserver({ showSecrets: false });
    const curl: Array<[string, string]> = [['User-Agent', 'curl/8.5.0']];
    fetchToken(bare, 1, { caller: '10.0.0.5:40000', requestHeaders: curl });
    const twoCurls = fetchToken(bare, 2, { caller: '10.0.0.5:40001', requestHeaders: curl });
    expect(twoCurls.hits.map((h) => [h.evidence.key, h.fix.key])).toEqual([['proxy.hit.basic_token.refetched.unknown', 'proxy.fix.basic_token']]);
    expect(tr('en', twoCurls.hits[0]!.evidence)).toBe(
      `10.0.0.5:40001 (a guess from its User-Agent "curl/8.5.0") fetched a new /cgi-bin/token for ${APP} while the one 10.0.0.5:40000 (a guess from its User-Agent "curl/8.5.0") got at 2026-01-01T03:01:00.000Z had about 119 minutes left. Whether one process made both calls could not be told: either a process that does not keep its token fetched again (each fetch spends one of the 2000 /cgi-bin/token calls a day), or two processes each fetch their own. Either way the token it replaced works 5 more minutes at most, and anything still using it then gets 40001.`,
    );
    expect(tr('zh', twoCurls.hits[0]!.evidence)).toBe(
      `10.0.0.5:40001（按 User-Agent「curl/8.5.0」猜的）为 ${APP} 重新获取了 /cgi-bin/token，而 10.0.0.5:40000（按 User-Agent「curl/8.5.0」猜的）在 2026-01-01T03:01:00.000Z 拿到的 token 还有约 119 分钟才过期。分辨不出这两次调用是不是同一个进程发的：要么是某个进程没有缓存 token，又取了一次（每次都占用 /cgi-bin/token 每天 2000 次的额度），要么是两个进程各取各的。不管哪种，被顶掉的旧 token 最多还能用 5 分钟，之后还在用它的地方都会收到 40001。`,
    );
    // A loopback caller whose lookup missed (a curl gone before it was found) after a named one: not "another process" either.
    const half = new ProxyObserver({ showSecrets: false });
    fetchToken(half, 1, { caller: '127.0.0.1:40100', callerProcess: server });
    const missed = fetchToken(half, 2, { caller: '127.0.0.1:40102', callerProcess: { missed: true }, requestHeaders: curl });
    expect(missed.hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.refetched.unknown']);
    expect(tr('en', missed.hits[0]!.evidence)).toMatch(/^127\.0\.0\.1:40102 \(no process found; a guess from its User-Agent "curl\/8\.5\.0"\) fetched .* while the one 127\.0\.0\.1:40100 \(pid 4242, node server\.mjs\) got at .* Whether one process made both calls could not be told/);
    const kept = fetchToken(bare, 3, { caller: '10.0.0.5:40001', requestHeaders: curl });
    expect(kept.hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.refetched.same']);
    expect(tr('en', kept.hits[0]!.evidence)).toMatch(/^10\.0\.0\.5:40001 \(a guess from its User-Agent "curl\/8\.5\.0"\) fetched a new \/cgi-bin\/token .* the 2000 \/cgi-bin\/token calls a day/);
  });

  // stable_token without force_refresh hands every caller the same token (API-FACTS §9): a forced refresh
  // knocks it out for each of them. Said of the caller's own token when it alone got it, of another's when
  // another process got it too, and as either when that other's process is not known.
  it('basic_token.refetched for a forced stable_token refresh names whose token it knocked out: its own, another holder’s, or one it cannot tell (en, zh)', () => {
    const t0 = Date.UTC(2026, 0, 1, 3);
    const stable = (o: ProxyObserver, n: number, token: string, force: boolean, over: Partial<ProxyExchange>) =>
      o.observe(exchange({ id: n, startedAt: t0 + n * 60_000, method: 'POST', target: '/cgi-bin/stable_token', requestBody: JSON.stringify({ grant_type: 'client_credential', appid: APP, secret: SECRET, ...(force ? { force_refresh: true } : {}) }), responseBody: `{"access_token":"${token}","expires_in":7200}`, ...over }));
    const token = (n: number) => `STABLE_TOKEN_${n}_${'s'.repeat(60)}`;
    const a = { pid: 4242, command: 'node server-a.mjs' };
    const b = { pid: 5151, command: 'node server-b.mjs' };
    // Its own: the same process, on another connection.
    const own = new ProxyObserver({ showSecrets: false });
    stable(own, 1, token(1), false, { caller: '127.0.0.1:40100', callerProcess: a });
    stable(own, 2, token(1), false, { caller: '127.0.0.1:40102', callerProcess: { ...a } });
    const mine = stable(own, 3, token(3), true, { caller: '127.0.0.1:40104', callerProcess: { ...a } });
    expect(mine.hits.map((h) => [h.evidence.key, h.fix.key])).toEqual([['proxy.hit.basic_token.force_refreshed.same', 'proxy.fix.basic_token.forced']]);
    expect(tr('en', mine.hits[0]!.evidence)).toBe(
      `pid 4242 (node server-a.mjs) called stable_token with force_refresh for ${APP} while the stable token it got itself at 2026-01-01T03:01:00.000Z had about 118 minutes left: the forced refresh invalidated its own token, which stable_token without force_refresh would have kept handing back, so any copy of it kept elsewhere (another worker, a shared cache) now gets 40001. Forced refreshes are limited to 20 a day, and one less than 30 s after the last does not refresh (the same token comes back).`,
    );
    expect(tr('zh', mine.hits[0]!.evidence)).toBe(
      `pid 4242（node server-a.mjs）调用 stable_token 时带了 force_refresh，为 ${APP} 强制换了新 token，而它自己在 2026-01-01T03:01:00.000Z 拿到的 stable token 还有约 118 分钟才过期：强制刷新让它手上的这个 token 作废了（不带 force_refresh 调用本来会一直返回它），别处留着的副本（其他 worker、共享缓存里的）现在会收到 40001。强制刷新每天最多 20 次；离上一次强制刷新不到 30 秒的不会换新，返回的还是原来的 token。`,
    );
    // Another process got the same token after it: the war, naming that one, whichever asked last.
    const war = new ProxyObserver({ showSecrets: false });
    stable(war, 1, token(1), false, { caller: '127.0.0.1:40100', callerProcess: a });
    stable(war, 2, token(1), false, { caller: '127.0.0.1:40200', callerProcess: b });
    stable(war, 3, token(1), false, { caller: '127.0.0.1:40102', callerProcess: { ...a } });
    const theirs = stable(war, 4, token(4), true, { caller: '127.0.0.1:40104', callerProcess: { ...a } });
    expect(theirs.hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.force_refreshed']);
    expect(theirs.hits[0]!.evidence.params).toMatchObject({ issuer: { key: 'proxy.caller.process', params: { pid: 5151 } }, issued: '2026-01-01T03:02:00.000Z' });
    // The other holder's process not known (a curl gone before its lookup): either.
    const unsure = new ProxyObserver({ showSecrets: false });
    stable(unsure, 1, token(1), false, { caller: '127.0.0.1:40300', callerProcess: { missed: true }, requestHeaders: [['User-Agent', 'curl/8.5.0']] });
    const either = stable(unsure, 2, token(2), true, { caller: '127.0.0.1:40104', callerProcess: a });
    expect(either.hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.force_refreshed.unknown']);
    expect(tr('en', either.hits[0]!.evidence)).toBe(
      `127.0.0.1:40104 (pid 4242, node server-a.mjs) called stable_token with force_refresh for ${APP}, forcing a new token while the stable token 127.0.0.1:40300 (no process found; a guess from its User-Agent "curl/8.5.0") got at 2026-01-01T03:01:00.000Z had about 119 minutes left. Whether the same process got that token could not be told; either way the forced refresh invalidated it, so anything still using it (that process, another worker, a shared cache) gets 40001.`,
    );
    expect(tr('zh', either.hits[0]!.evidence)).toBe(
      `127.0.0.1:40104（pid 4242，node server-a.mjs）调用 stable_token 时带了 force_refresh，为 ${APP} 强制换了新 token，而 127.0.0.1:40300（没找到进程，按 User-Agent「curl/8.5.0」猜的）在 2026-01-01T03:01:00.000Z 拿到的 stable token 还有约 119 分钟才过期。分辨不出拿到旧 token 的是不是同一个进程；不管是不是，强制刷新都让旧 token 作废了，还在用它的地方（那个进程、其他 worker、共享缓存）都会收到 40001。`,
    );
  });

  // The uncached fix tells a server to fetch again after a 40001, and SDKs that keep the token renew it
  // ahead of expires_in (WxJava 200 s, EasyWeChat 500 s, silenceper/wechat 1500 s): neither keeps none.
  it('basic_token.refetched is not said of a refetch after the token was refused (40001, 42001), nor of the same caller renewing with 30 minutes or less left (en, zh)', () => {
    const t0 = Date.UTC(2026, 0, 1, 3);
    const server = { pid: 4242, command: 'node server.mjs' };
    const tokenOf = (n: number) => `BASIC_TOKEN_${n}_${'t'.repeat(60)}`;
    const fetchToken = (o: ProxyObserver, n: number, at: number, over: Partial<ProxyExchange> = {}) =>
      o.observe(exchange({ id: n, startedAt: at, caller: `127.0.0.1:${40100 + n}`, callerProcess: { ...server }, target: `/cgi-bin/token?grant_type=client_credential&appid=${APP}&secret=${SECRET}`, responseBody: `{"access_token":"${tokenOf(n)}","expires_in":7200}`, ...over }));
    const refuse = (o: ProxyObserver, n: number, token: string, at: number, errcode: number) =>
      o.observe(exchange({ id: n, startedAt: at, caller: `127.0.0.1:${40100 + n}`, callerProcess: { ...server }, target: `/cgi-bin/user/info?access_token=${token}&openid=o1`, responseBody: `{"errcode":${errcode},"errmsg":"invalid credential rid: 6b105a9b-cc9ecac2-0ef2b18d"}` }));
    for (const errcode of [40001, 42001]) {
      const o = new ProxyObserver({ showSecrets: false });
      fetchToken(o, 1, t0);
      expect(refuse(o, 2, tokenOf(1), t0 + 60_000, errcode).hits).toEqual([]);
      expect(fetchToken(o, 3, t0 + 61_000).hits, String(errcode)).toEqual([]);
      // Another process replacing the refused token is no war either: nobody holds a working one.
      refuse(o, 4, tokenOf(3), t0 + 120_000, errcode);
      expect(fetchToken(o, 5, t0 + 121_000, { callerProcess: { pid: 5151, command: 'node worker.mjs' } }).hits, String(errcode)).toEqual([]);
      // The token it got since is kept by nobody if fetched again while valid and not refused.
      expect(fetchToken(o, 6, t0 + 180_000, { callerProcess: { pid: 5151, command: 'node worker.mjs' } }).hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.refetched.same']);
    }
    // Renewing a kept token early: 5 minutes left (WxJava, EasyWeChat), 25 (silenceper/wechat), 30.
    for (const minutesLeft of [5, 25, 30]) {
      const o = new ProxyObserver({ showSecrets: false });
      fetchToken(o, 1, t0);
      expect(fetchToken(o, 2, t0 + (120 - minutesLeft) * 60_000).hits, String(minutesLeft)).toEqual([]);
    }
    // With more left, it keeps none: said as before.
    const o = new ProxyObserver({ showSecrets: false, quotas: { '/cgi-bin/token': 200 } });
    fetchToken(o, 1, t0);
    const early = fetchToken(o, 2, t0 + 89 * 60_000);
    expect(early.hits.map((h) => [h.evidence.key, h.fix.key])).toEqual([['proxy.hit.basic_token.refetched.same', 'proxy.fix.basic_token.uncached']]);
    expect(tr('en', early.hits[0]!.evidence)).toMatch(/^pid 4242 \(node server\.mjs\) fetched a new \/cgi-bin\/token for wx5e1ec0de00000001 while the one it got itself at 2026-01-01T03:00:00\.000Z had about 31 minutes left: it does not keep its token\./);
    expect(tr('zh', early.hits[0]!.evidence)).toMatch(/^pid 4242（node server\.mjs）为 wx5e1ec0de00000001 又调了一次 \/cgi-bin\/token，而它自己在 2026-01-01T03:00:00\.000Z 拿到的 token 还有约 31 分钟才过期：它没有缓存 token。/);
    // Another caller within those 30 minutes is still the war: the token it replaced was someone's.
    const war = new ProxyObserver({ showSecrets: false });
    fetchToken(war, 1, t0);
    expect(fetchToken(war, 2, t0 + 100 * 60_000, { callerProcess: { pid: 5151, command: 'node worker.mjs' } }).hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.refetched']);
  });

  it('a connection several processes hold is named by all of them, and never said to be one caller (en, zh)', () => {
    const t0 = Date.UTC(2026, 0, 1, 3);
    const fetchToken = (o: ProxyObserver, n: number, over: Partial<ProxyExchange>) =>
      o.observe(exchange({ id: n, startedAt: t0 + n * 60_000, target: `/cgi-bin/token?grant_type=client_credential&appid=${APP}&secret=${SECRET}`, responseBody: `{"access_token":"BASIC_TOKEN_${n}_${'t'.repeat(60)}","expires_in":7200}`, ...over }));
    // A pre-fork server: the master's connection inherited by two workers; both fetches on it.
    const shared = { pid: 4242, command: 'node server.mjs', sharedWith: [{ pid: 4250, command: 'node server.mjs' }, { pid: 4251, command: 'node server.mjs' }] };
    const o = new ProxyObserver({ showSecrets: false });
    fetchToken(o, 1, { caller: '127.0.0.1:40100', callerProcess: shared });
    const { hits } = fetchToken(o, 2, { caller: '127.0.0.1:40100', callerProcess: shared });
    expect(hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.refetched']);
    const { caller } = hits[0]!.evidence.params as { caller: MessageRef };
    expect(tr('en', caller)).toBe('127.0.0.1:40100 (shared by pid 4242, 4250, 4251, running node server.mjs: which of them sent it cannot be told)');
    expect(tr('zh', caller)).toBe('127.0.0.1:40100（pid 4242、4250、4251 共用这一个连接，运行的是 node server.mjs：分不出是哪一个发的）');
    // Holders running different programs are each named.
    const spawned = { pid: 4242, command: 'node parent.js', sharedWith: [{ pid: 4250, command: 'node worker.js' }] };
    const again = new ProxyObserver({ showSecrets: false });
    fetchToken(again, 1, { caller: '127.0.0.1:40200', callerProcess: { pid: 4300, command: 'node other.js' } });
    const other = fetchToken(again, 2, { caller: '127.0.0.1:40202', callerProcess: spawned });
    expect(tr('en', (other.hits[0]!.evidence.params as { caller: MessageRef }).caller)).toBe('127.0.0.1:40202 (shared by pid 4242, 4250, running node parent.js, node worker.js: which of them sent it cannot be told)');
  });

  it('says "no process found" of a User-Agent caller only when a lookup ran and missed, reason first in zh', () => {
    const o = new ProxyObserver({ showSecrets: false });
    const agent: Array<[string, string]> = [['User-Agent', 'curl/8.5.0']];
    // The first: a LAN caller, another OS, a lookup rationed: nothing was looked up. The second: looked up, not found.
    o.observe(exchangeOf('CODE_QRSTUVWX', 1, { caller: '10.0.0.5:40000', callerProcess: {}, requestHeaders: agent }));
    const { hits } = o.observe(exchangeOf('CODE_QRSTUVWX', 2, { caller: '127.0.0.1:40001', callerProcess: { missed: true }, requestHeaders: agent }));
    const { firstCaller, secondCaller } = hits[0]!.evidence.params as { firstCaller: MessageRef; secondCaller: MessageRef };
    expect(tr('en', firstCaller)).toBe('10.0.0.5:40000 (a guess from its User-Agent "curl/8.5.0")');
    expect(tr('zh', firstCaller)).toBe('10.0.0.5:40000（按 User-Agent「curl/8.5.0」猜的）');
    expect(tr('en', secondCaller)).toBe('127.0.0.1:40001 (no process found; a guess from its User-Agent "curl/8.5.0")');
    expect(tr('zh', secondCaller)).toBe('127.0.0.1:40001（没找到进程，按 User-Agent「curl/8.5.0」猜的）');
  });

  it('a retry after an exchange whose answer was lost: its 40163 blames that exchange, not a first use elsewhere; a token means it was not spent', () => {
    const o = new ProxyObserver({ showSecrets: false });
    const lostOne = (code: string, outcome: ProxyExchange['outcome']) => o.observe(exchangeOf(code, 1, { caller: '127.0.0.1:40100', outcome, status: undefined, responseBody: '' }));
    expect(lostOne('CODE_LOSTAAAA', 'timeout').hits).toEqual([]);
    const retried = o.observe(exchangeOf('CODE_LOSTAAAA', 2, { caller: '127.0.0.1:40102' }));
    expect(retried.hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.code.reused.lost']);
    expect(retried.hits[0]!.evidence.params).toMatchObject({ lost: { key: 'proxy.summary.failure.timeout' }, firstCaller: { params: { address: '127.0.0.1:40100' } } });
    expect(retried.hits[0]!.fix.key).toBe('proxy.fix.code.reused.lost');
    // WeChat had not served the lost one: the retry's token is the code's first use, and a third exchange its reuse.
    expect(lostOne('CODE_LOSTBBBB', 'aborted').hits).toEqual([]);
    expect(o.observe(exchangeOf('CODE_LOSTBBBB', 1, { caller: '127.0.0.1:40104' })).hits).toEqual([]);
    const third = o.observe(exchangeOf('CODE_LOSTBBBB', 2, { caller: '127.0.0.1:40106' }));
    expect(third.hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.code.reused']);
    expect(third.hits[0]!.evidence.params).toMatchObject({ firstCaller: { params: { address: '127.0.0.1:40104' } } });
    // Never sent (the upstream unreachable): nothing remembered, a later 40163 is a first use elsewhere.
    lostOne('CODE_LOSTCCCC', 'unreachable');
    expect(o.observe(exchangeOf('CODE_LOSTCCCC', 2, {})).hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.code.reused.unseen']);
  });

  it('a 40163 back before the first exchange\'s answer (WeChat slow to answer): one hit, naming the first as first, not a use elsewhere', () => {
    const o = new ProxyObserver({ showSecrets: false });
    const a = exchangeOf('CODE_RACEAAAA', 1, { caller: '127.0.0.1:40200', startedAt: 1000, requestHeaders: [['User-Agent', 'server-a']] });
    const b = exchangeOf('CODE_RACEAAAA', 2, { caller: '127.0.0.1:40202', startedAt: 1100 });
    o.begin(a);
    o.begin(b);
    const second = o.observe(b);
    expect(second.hits.map((h) => h.evidence.key)).toEqual(['proxy.hit.code.reused']);
    expect(second.hits[0]!.evidence.params).toMatchObject({ firstCaller: { params: { address: '127.0.0.1:40200', agent: 'server-a' } }, secondCaller: { params: { address: '127.0.0.1:40202' } }, answer: '40163' });
    expect(o.observe(a).hits).toEqual([]);
    // A third exchange later is a reuse of the code the first one spent.
    const third = o.observe(exchangeOf('CODE_RACEAAAA', 3, { caller: '127.0.0.1:40204', startedAt: 5000 }));
    expect(third.hits[0]!.evidence.params).toMatchObject({ firstCaller: { params: { address: '127.0.0.1:40200' } } });
  });

  it('path.doubled gives the base the client used: the proxy on http, WeChat’s host (under --intercept) on https', () => {
    const o = new ProxyObserver({ showSecrets: false });
    const doubled = (host: string) =>
      o.observe(exchange({ id: 1, target: '/wechat/sns/oauth2/access_token?appid=wx1&code=c', status: 200, responseBody: '{"errcode":40066,"errmsg":"invalid url"}', requestHeaders: [['Host', host]] })).hits.find((h) => h.id === 'path.doubled')!;
    expect(doubled('127.0.0.1:3901').fix).toMatchObject({ params: { base: 'http://127.0.0.1:3901', extra: '/wechat' } });
    expect(doubled('api.weixin.qq.com').fix).toMatchObject({ params: { base: 'https://api.weixin.qq.com' } });
  });

  it('one process over two connections: named once by its process (both addresses kept for --json only); within a second, by the gap', () => {
    const o = new ProxyObserver({ showSecrets: false });
    const proc = { pid: 4242, command: 'node app.mjs' };
    const at = Date.UTC(2026, 11, 5, 7, 21, 4, 100);
    o.observe(exchangeOf('CODE_QRSTUVWX', 1, { caller: '127.0.0.1:40070', callerProcess: proc, startedAt: at }));
    const { hits } = o.observe(exchangeOf('CODE_QRSTUVWX', 2, { caller: '127.0.0.1:40082', callerProcess: proc, startedAt: at + 26 }));
    expect(hits[0]!.evidence).toMatchObject({ key: 'proxy.hit.code.reused.same_soon', params: { ms: 26, caller: { key: 'proxy.caller.process_alone', params: { address: '127.0.0.1:40070, 127.0.0.1:40082', pid: 4242, command: 'node app.mjs' } } } });
    // The pid known for the first connection only (its lookup for the second not ended): still that process.
    const later = new ProxyObserver({ showSecrets: false });
    later.observe(exchangeOf('CODE_YZABCDEF', 1, { caller: '127.0.0.1:40090', callerProcess: proc, startedAt: at }));
    const again = later.observe(exchangeOf('CODE_YZABCDEF', 2, { caller: '127.0.0.1:40090', startedAt: at + 5000 }));
    expect(again.hits[0]!.evidence).toMatchObject({ key: 'proxy.hit.code.reused.same', params: { caller: { key: 'proxy.caller.process_alone', params: { pid: 4242 } } } });
  });
});

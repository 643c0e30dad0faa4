// core/doctor.ts as tables: --connect-to parsing and mapping (curl's rules), undici's NO_PROXY rules
// mirrored, engines, the clock threshold, verify-file content, which answers of a callback pass, and
// the order of certificate verdicts.
import { describe, expect, it } from 'vitest';
import { tr } from '../../src/ui/i18n.js';
import {
  nextRedirectHop,
  buildReport,
  evaluateAuthorize,
  evaluateProxy,
  evaluateClock,
  evaluateConnectTo,
  evaluateDns,
  evaluateRedirect,
  evaluateScheme,
  evaluateTls,
  evaluateVerifyFile,
  expectedVerifyContent,
  mapConnect,
  parseConnectTo,
  routeFor,
  satisfiesEngines,
  type TlsFacts,
} from '../../src/core/doctor.js';

describe('--connect-to', () => {
  it('parses curl’s HOST1:PORT1:HOST2:PORT2, empty parts and bracketed IPv6', () => {
    expect(parseConnectTo('www.example.com:443:127.0.0.1:8443')).toMatchObject({ host: 'www.example.com', port: 443, toHost: '127.0.0.1', toPort: 8443 });
    expect(parseConnectTo('::127.0.0.1:')).toMatchObject({ host: '', toHost: '127.0.0.1' });
    expect(parseConnectTo('::127.0.0.1:')?.port).toBeUndefined();
    expect(parseConnectTo('WWW.Example.com:443:[::1]:8443')).toMatchObject({ host: 'www.example.com', toHost: '::1', toPort: 8443 });
    for (const bad of ['www.example.com:443:127.0.0.1', 'a:b:c:d', 'h:70000:x:1', 'h:443:x:0', '']) expect(parseConnectTo(bad), bad).toBeUndefined();
  });

  it('maps with the first matching rule, keeping what the rule leaves empty', () => {
    const rules = ['a.com:443:10.0.0.1:8443', '::10.0.0.2:', 'a.com:80::8080'].map((s) => parseConnectTo(s)!);
    expect(mapConnect(rules, 'a.com', 443)).toMatchObject({ host: '10.0.0.1', port: 8443 });
    expect(mapConnect(rules, 'A.COM', 80)).toMatchObject({ host: '10.0.0.2', port: 80 });
    expect(mapConnect([parseConnectTo('a.com:80::8080')!], 'a.com', 80)).toMatchObject({ host: 'a.com', port: 8080 });
    expect(mapConnect([parseConnectTo('a.com:80::8080')!], 'a.com', 443).rule).toBeUndefined();
  });
});

describe('routeFor (undici EnvHttpProxyAgent’s choice)', () => {
  const v = (noProxy: string, httpsProxy = 'http://proxy:3128', httpProxy = '') => ({ httpProxy, httpsProxy, noProxy });
  it.each([
    ['https://api.weixin.qq.com/', v(''), 'proxy'],
    ['https://api.weixin.qq.com/', v('*'), 'direct'],
    ['https://api.weixin.qq.com/', v('weixin.qq.com'), 'direct'],
    ['https://api.weixin.qq.com/', v('.qq.com'), 'direct'],
    ['https://api.weixin.qq.com/', v('*.qq.com'), 'direct'],
    ['https://api.weixin.qq.com/', v('eixin.qq.com'), 'proxy'],
    ['https://api.weixin.qq.com/', v('api.weixin.qq.com:8443'), 'proxy'],
    ['https://api.weixin.qq.com/', v('api.weixin.qq.com:443'), 'direct'],
    ['https://api.weixin.qq.com/', v('localhost, api.weixin.qq.com'), 'direct'],
    ['http://127.0.0.1:3900/', v(''), 'direct'],
    ['http://127.0.0.1:3900/', v('', '', 'http://proxy:3128'), 'proxy'],
    ['https://api.weixin.qq.com/', v('', '', 'http://proxy:3128'), 'proxy'],
  ])('%s with %o → %s', (url, vars, via) => {
    expect(routeFor(url, vars).via).toBe(via);
  });

  it('names the variable that applies', () => {
    expect(routeFor('https://api.weixin.qq.com/', v('', '', 'http://p:1'))).toMatchObject({ via: 'proxy', variable: 'HTTP_PROXY' });
    expect(routeFor('https://api.weixin.qq.com/', v(''))).toMatchObject({ via: 'proxy', variable: 'HTTPS_PROXY' });
  });
});

describe('satisfiesEngines', () => {
  it.each([
    ['20.20.2', '>=20.19', true],
    ['v20.19.0', '>=20.19', true],
    ['20.18.9', '>=20.19', false],
    ['22.0.0', '>=20.19', true],
    ['18.20.0', '>=20.19.1', false],
    ['20.19.0', '^20', undefined],
  ])('%s vs %s → %s', (version, engines, ok) => {
    expect(satisfiesEngines(version, engines)).toBe(ok);
  });
});

describe('evaluateClock', () => {
  const date = 'Wed, 02 Dec 2026 20:00:00 GMT';
  const at = Date.parse(date);
  it('passes within 60 s either way, warns beyond, skips without a Date or an answer', () => {
    expect(evaluateClock(date, at + 60_000).status).toBe('ok');
    expect(evaluateClock(date, at - 60_000).status).toBe('ok');
    expect(evaluateClock(date, at + 61_000)).toMatchObject({ status: 'warn', message: { key: 'doctor.clock.ahead', params: { skew: 61 } } });
    expect(evaluateClock(date, at - 3_600_000)).toMatchObject({ status: 'warn', message: { key: 'doctor.clock.behind', params: { skew: 3600 } } });
    expect(evaluateClock(undefined, at).status).toBe('skip');
    expect(evaluateClock('yesterday-ish', at).status).toBe('skip');
    expect(evaluateClock(date, undefined)).toMatchObject({ status: 'skip', message: { key: 'doctor.clock.noAnswer' } });
  });

  // The emulator's clock can be moved (/__emulator/clock) and its Date header moves with it: two hours
  // ahead read as "this machine's clock is 7200 s behind WeChat's".
  it('against a host that is not WeChat’s, a difference is that host’s, not this machine’s: skipped, naming the host', () => {
    expect(evaluateClock(date, at - 7_200_000, 'http://127.0.0.1:3911')).toMatchObject({
      status: 'skip',
      message: { key: 'doctor.clock.other.ahead', params: { host: '127.0.0.1:3911', skew: 7200 } },
    });
    expect(evaluateClock(date, at + 120_000, 'http://127.0.0.1:3911')).toMatchObject({ status: 'skip', message: { key: 'doctor.clock.other.behind', params: { skew: 120 } } });
    expect(evaluateClock(date, at + 2_000, 'http://127.0.0.1:3911')).toMatchObject({ status: 'ok', message: { key: 'doctor.clock.other.ok', params: { host: '127.0.0.1:3911' } } });
    // WeChat's own hosts, any region: this machine's clock.
    expect(evaluateClock(date, at - 7_200_000, 'https://api.weixin.qq.com')).toMatchObject({ status: 'warn', message: { key: 'doctor.clock.behind' } });
    expect(evaluateClock(date, at - 7_200_000, 'https://sh.api.weixin.qq.com')).toMatchObject({ status: 'warn' });
  });
});

describe('verify file content', () => {
  it('is the token in the name, or the local file’s content without trailing whitespace', () => {
    expect(expectedVerifyContent({ name: 'MP_verify_AbC123.txt' })).toBe('AbC123');
    expect(expectedVerifyContent({ name: 'MP_verify_AbC123.txt', content: 'AbC123\r\n' })).toBe('AbC123');
  });
});

describe('evaluateRedirect', () => {
  const at = (status: number, location?: string) => evaluateRedirect({ url: 'https://a.com/cb', answered: true, status, body: '', ...(location ? { location } : {}) });
  it.each([
    [200, 'ok'],
    [302, 'ok'],
    [400, 'ok'],
    [401, 'ok'],
    [403, 'ok'],
    [404, 'warn'],
    [405, 'warn'],
    [500, 'fail'],
    [502, 'fail'],
  ])('%i → %s', (status, verdict) => {
    expect(at(status).status).toBe(verdict);
  });
  // A Location a browser cannot follow: once read as "the query is dropped, make file:///cb the redirect_uri".
  it.each(['file:///cb', 'javascript:alert(1)', 'ftp://a.com/cb'])('a redirect to %s fails as no web address, with no redirect_uri to copy', (location) => {
    const stated = { url: 'https://a.com/cb?state=wxauthdoctor', answered: true as const, status: 302, body: '', location };
    const verdict = evaluateRedirect({ url: 'https://a.com/cb', answered: true, status: 302, body: '', location }, stated);
    expect(verdict).toMatchObject({ status: 'fail', message: { key: 'doctor.redirect.notWeb', params: { location } }, fix: { key: 'doctor.redirect.notWeb.fix' } });
    expect(nextRedirectHop(stated, 'https://a.com/cb')).toBeUndefined();
  });
  // doctor dials what the profile names: a redirect to another host (the cloud metadata address) is judged, not fetched.
  it('a redirect is followed only along the callback’s own path on its own host, and never to an address already fetched', () => {
    const to = (location: string, fetched: string[] = []) => nextRedirectHop({ url: 'https://a.com/cb?state=wxauthdoctor', answered: true, status: 301, body: '', location }, 'https://a.com/cb', fetched);
    expect(to('/cb/')).toBe('https://a.com/cb/');
    expect(to('/cb/?state=wxauthdoctor')).toBe('https://a.com/cb/?state=wxauthdoctor');
    expect(to('http://a.com/cb')).toBe('http://a.com/cb');
    expect(to('http://169.254.169.254/cb')).toBeUndefined();
    expect(to('file:///cb')).toBeUndefined();
    // The app's own answer to a hit without a code, not a normalising rule: judged, not fetched.
    expect(to('/login')).toBeUndefined();
    expect(to('/cb?state=wxauthdoctor', ['https://a.com/cb?state=wxauthdoctor'])).toBeUndefined();
  });
  // Laravel's trailing-slash rule against nginx's $request_uri: each keeps the query, and the browser
  // goes round until "too many redirects". Once passed as "answers 302 (not followed)".
  it('a chain that keeps the query and comes back to an address already fetched fails as a loop; one that lands passes', () => {
    const r = (url: string, status: number, location?: string) => ({ url, answered: true as const, status, body: '', ...(location ? { location } : {}) });
    const plain = r('https://a.com/cb', 302, '/cb/');
    const stated = r('https://a.com/cb?state=wxauthdoctor', 302, '/cb/?state=wxauthdoctor');
    const loop = evaluateRedirect(plain, stated, [r('https://a.com/cb/?state=wxauthdoctor', 301, 'https://a.com/cb?state=wxauthdoctor')]);
    expect(loop).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.redirect.loopKept', params: { url: 'https://a.com/cb', chain: ['302 → /cb/?state=wxauthdoctor', '301 → https://a.com/cb?state=wxauthdoctor'] } },
      fix: { key: 'doctor.redirect.loopKept.fix' },
    });
    expect(evaluateRedirect(plain, stated, [r('https://a.com/cb/?state=wxauthdoctor', 400)])).toMatchObject({ status: 'ok', message: { key: 'doctor.redirect.okFollowed', params: { end: 'https://a.com/cb/?state=wxauthdoctor', ended: { key: 'doctor.redirect.followed.status', params: { status: 400 } } } } });
    // Still redirecting when doctor stopped following: not called a loop.
    expect(evaluateRedirect(plain, stated, [r('https://a.com/cb/?state=wxauthdoctor', 301, '/cb//?state=wxauthdoctor')])).toMatchObject({ status: 'ok' });
  });
  // WeChat's redirect, code and all, ends where the chain lands: a 404 or a 5xx there was once ✔
  // ("followed to …, which answers 404") and doctor exited 0 while every login failed there.
  it('where a followed chain lands is judged as the redirect_uri’s own answer is, and the line says the chain', () => {
    const r = (url: string, status: number, location?: string) => ({ url, answered: true as const, status, body: '', ...(location ? { location } : {}) });
    const plain = r('https://a.com/cb', 301, '/cb/');
    const stated = r('https://a.com/cb?state=wxauthdoctor', 301, '/cb/?state=wxauthdoctor');
    const hop = r('https://a.com/cb/?state=wxauthdoctor', 302, 'http://a.com/cb/?state=wxauthdoctor');
    const landsOn = (end: Parameters<typeof evaluateRedirect>[0]) => evaluateRedirect(plain, stated, [hop, end]);
    for (const status of [404, 502]) {
      // The same status and fix as the redirect_uri answering it directly.
      const direct = evaluateRedirect(r('http://a.com/cb/?state=wxauthdoctor', status));
      expect(landsOn(r('http://a.com/cb/?state=wxauthdoctor', status))).toMatchObject({
        status: direct.status,
        message: { key: 'doctor.redirect.landed', params: { url: 'https://a.com/cb', chain: ['301 → /cb/?state=wxauthdoctor', '302 → http://a.com/cb/?state=wxauthdoctor'], verdict: direct.message } },
        fix: direct.fix!,
        evidence: { landedUrl: 'http://a.com/cb/?state=wxauthdoctor', landedStatus: status },
      });
    }
    expect(landsOn(r('http://a.com/cb/?state=wxauthdoctor', 404)).status).toBe('warn');
    expect(landsOn(r('http://a.com/cb/?state=wxauthdoctor', 502)).status).toBe('fail');
    // No answer where it lands: the redirect_uri's own unreachable verdict, and a fix for the redirect that
    // sends the callback there: the redirect_uri's server answered, so "start your server" or `wxauth
    // listen` (a review: a force-https rule on a local callback got both) would not help.
    expect(landsOn({ url: 'http://a.com/cb/?state=wxauthdoctor', answered: false, error: 'ECONNREFUSED' })).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.redirect.landed', params: { verdict: { key: 'doctor.redirect.unreachable' } } },
      fix: { key: 'doctor.redirect.unreachable.landing.fix', params: { host: 'a.com' } },
    });
    const local = r('http://127.0.0.1:8093/cb', 302, 'https://127.0.0.1/cb');
    const localStated = r('http://127.0.0.1:8093/cb?state=wxauthdoctor', 302, 'https://127.0.0.1/cb?state=wxauthdoctor');
    expect(evaluateRedirect(local, localStated, [{ url: 'https://127.0.0.1/cb?state=wxauthdoctor', answered: false, error: 'ECONNREFUSED' }])).toMatchObject({
      status: 'fail',
      fix: { key: 'doctor.redirect.unreachable.landing.fix', params: { host: '127.0.0.1' } },
    });
    // The redirect_uri itself refusing on this machine keeps its own fix (start the server, or wxauth listen).
    expect(evaluateRedirect({ url: 'http://127.0.0.1:8093/cb', answered: false, error: 'ECONNREFUSED' })).toMatchObject({ fix: { key: 'doctor.redirect.unreachable.local.fix' } });
    // A callback refusing a hit without a code, where the chain lands, is fine as it is directly.
    expect(landsOn(r('http://a.com/cb/?state=wxauthdoctor', 400))).toMatchObject({ status: 'ok', message: { key: 'doctor.redirect.okFollowed' } });
    // A token the server put in a hop's address is masked in the verdict it quotes.
    expect(JSON.stringify(landsOn(r('http://a.com/cb/?state=wxauthdoctor&access_token=86_SECRETSECRET', 500)))).not.toMatch(/SECRET/);
  });
  // http → https keeping the query, then a slash rule that drops it: WeChat's code is lost on hop 2,
  // and the chain passed when it landed on a 200 or a 400, since only the first redirect was checked.
  it('a followed hop that drops the query fails, naming the hop, and the fix names where it goes', () => {
    const r = (url: string, status: number, location?: string) => ({ url, answered: true as const, status, body: '', ...(location ? { location } : {}) });
    const plain = r('http://a.com/cb', 301, 'https://a.com/cb');
    const stated = r('http://a.com/cb?state=wxauthdoctor', 301, 'https://a.com/cb?state=wxauthdoctor');
    const drops = r('https://a.com/cb?state=wxauthdoctor', 302, '/cb/');
    for (const end of [r('https://a.com/cb/', 200), r('https://a.com/cb/', 400)]) {
      expect(evaluateRedirect(plain, stated, [drops, end])).toMatchObject({
        status: 'fail',
        message: { key: 'doctor.redirect.dropsQueryHop', params: { url: 'http://a.com/cb', chain: ['301 → https://a.com/cb?state=wxauthdoctor'], hop: 'https://a.com/cb?state=wxauthdoctor', status: 302, location: '/cb/' } },
        // The relative Location is the hop's scheme: the final address is https, not the redirect_uri's http.
        fix: { key: 'doctor.redirect.dropsQuery.fix', params: { location: 'https://a.com/cb/' } },
        evidence: { chain: '301 https://a.com/cb?state=wxauthdoctor', hopUrl: 'https://a.com/cb?state=wxauthdoctor', hopStatus: 302, hopLocation: '/cb/' },
      });
    }
    // The address it drops the query on the way to, fetched and found unserved (its handshake failing,
    // nothing on its port): "make the redirect_uri the final address" cannot work; keep the query.
    for (const [end, why] of [
      [{ url: 'https://a.com/cb/', answered: false as const, error: 'EPROTO' }, { key: 'doctor.scheme.https.tlsFailed', params: { error: 'EPROTO' } }],
      [{ url: 'https://a.com/cb/', answered: false as const, error: 'ECONNREFUSED' }, { key: 'doctor.scheme.https.unreached' }],
    ] as const) {
      expect(evaluateRedirect(plain, stated, [drops, end]).fix).toMatchObject({ key: 'doctor.redirect.dropsQuery.unserved.fix', params: { location: 'https://a.com/cb/', why } });
    }
    // The first redirect dropping it, to an https that is not served: the same.
    const firstDrops = r('http://a.com/cb?state=wxauthdoctor', 301, 'https://a.com/cb');
    expect(evaluateRedirect(plain, firstDrops, [{ url: 'https://a.com/cb', answered: false, error: 'ECONNREFUSED' }])).toMatchObject({
      message: { key: 'doctor.redirect.dropsQuery' },
      fix: { key: 'doctor.redirect.dropsQuery.unserved.fix', params: { location: 'https://a.com/cb' } },
    });
    expect(evaluateRedirect(plain, firstDrops, [r('https://a.com/cb', 400)]).fix).toMatchObject({ key: 'doctor.redirect.dropsQuery.fix', params: { location: 'https://a.com/cb' } });
    // Dropping it on the way back to an address already fetched: no final address to copy, the loop's fix.
    const back = r('https://a.com/cb/?state=wxauthdoctor', 301, 'http://a.com/cb');
    const slash = r('http://a.com/cb?state=wxauthdoctor', 301, 'https://a.com/cb/?state=wxauthdoctor');
    expect(evaluateRedirect(plain, slash, [back])).toMatchObject({ status: 'fail', message: { key: 'doctor.redirect.dropsQueryHop' }, fix: { key: 'doctor.redirect.loopKept.fix' } });
    // Every hop keeping it: where it lands is judged, as before.
    expect(evaluateRedirect(plain, stated, [r('https://a.com/cb?state=wxauthdoctor', 302, '/cb/?state=wxauthdoctor'), r('https://a.com/cb/?state=wxauthdoctor', 400)])).toMatchObject({ status: 'ok', message: { key: 'doctor.redirect.okFollowed' } });
  });
  // The bare address redirects (to a login page, say) but the one with a query crashes: doctor said
  // "(not followed)" with a ✔, judging only the redirect, while WeChat's redirect meets the 5xx.
  it('a stated fetch that answers itself is judged as the redirect_uri’s own answer is', () => {
    const r = (url: string, status: number, location?: string) => ({ url, answered: true as const, status, body: '', ...(location ? { location } : {}) });
    const plain = r('https://a.com/cb', 302, '/login');
    for (const [status, verdict] of [[502, 'fail'], [404, 'warn']] as const) {
      const direct = evaluateRedirect(r('https://a.com/cb?state=wxauthdoctor', status));
      expect(evaluateRedirect(plain, r('https://a.com/cb?state=wxauthdoctor', status))).toMatchObject({
        status: verdict,
        message: { key: 'doctor.redirect.statedAnswers', params: { url: 'https://a.com/cb', status: 302, location: '/login', verdict: direct.message } },
        fix: direct.fix!,
        evidence: { statedUrl: 'https://a.com/cb?state=wxauthdoctor', statedStatus: status },
      });
    }
    expect(evaluateRedirect(plain, { url: 'https://a.com/cb?state=wxauthdoctor', answered: false, error: 'ETIMEDOUT', silentMs: 8000 })).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.redirect.statedAnswers', params: { verdict: { key: 'doctor.redirect.silent' } } },
    });
    // A callback refusing a hit without a code, or redirecting it elsewhere too: fine, as before. The
    // first says what answered (it once said "(not followed)", as if doctor had skipped that address).
    for (const status of [200, 400]) {
      expect(evaluateRedirect(plain, r('https://a.com/cb?state=wxauthdoctor', status))).toMatchObject({
        status: 'ok',
        message: { key: 'doctor.redirect.statedAnswersOk', params: { url: 'https://a.com/cb', status: 302, location: '/login', stated: 'https://a.com/cb?state=wxauthdoctor', statedStatus: status } },
        evidence: { statedUrl: 'https://a.com/cb?state=wxauthdoctor', statedStatus: status },
      });
    }
    expect(evaluateRedirect(plain, r('https://a.com/cb?state=wxauthdoctor', 302, '/login'))).toMatchObject({ status: 'ok', message: { key: 'doctor.redirect.okRedirect' } });
  });
  // An http redirect_uri sent to https whose handshake fails: the fix pointed at "the tls line below",
  // which is skipped for an http redirect_uri.
  it('a failed handshake where an http callback is sent to https says how to see it, not the tls line', () => {
    const r = (url: string, status: number, location?: string) => ({ url, answered: true as const, status, body: '', ...(location ? { location } : {}) });
    const tlsFail = (url: string) => ({ url, answered: false as const, error: 'EPROTO' });
    const viaHttp = evaluateRedirect(r('http://a.com/cb', 301, 'https://a.com/cb'), r('http://a.com/cb?state=wxauthdoctor', 301, 'https://a.com/cb?state=wxauthdoctor'), [tlsFail('https://a.com/cb?state=wxauthdoctor')]);
    expect(viaHttp).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.redirect.landed', params: { verdict: { key: 'doctor.redirect.tlsFailed' } } },
      fix: { key: 'doctor.redirect.tlsFailed.unchecked.fix', params: { host: 'a.com', hostname: 'a.com', port: '443' } },
    });
    // An https redirect_uri: the tls line checks that host, and the fix points there.
    const viaHttps = evaluateRedirect(r('https://a.com/cb', 301, '/cb/'), r('https://a.com/cb?state=wxauthdoctor', 301, '/cb/?state=wxauthdoctor'), [tlsFail('https://a.com/cb/?state=wxauthdoctor')]);
    expect(viaHttps.fix).toEqual({ key: 'doctor.redirect.tlsFailed.fix', params: { host: 'a.com' } });
    expect(evaluateRedirect(tlsFail('https://a.com/cb')).fix).toEqual({ key: 'doctor.redirect.tlsFailed.fix', params: { host: 'a.com' } });
  });
  // /cb → /cb/ → /cb// → …, each keeping the query: no address repeats, so it was no loop, and doctor
  // said nothing of a chain the browser gives up on ("too many redirects").
  it('a chain still redirecting along the callback’s path after the hops doctor follows is a warning that names the chain', () => {
    const r = (url: string, status: number, location?: string) => ({ url, answered: true as const, status, body: '', ...(location ? { location } : {}) });
    const slashes = (n: number) => `/cb${'/'.repeat(n)}?state=wxauthdoctor`;
    const plain = r('https://a.com/cb', 302, '/cb/');
    const stated = r('https://a.com/cb?state=wxauthdoctor', 302, slashes(1));
    const hops = [1, 2, 3, 4].map((n) => r(`https://a.com${slashes(n)}`, 302, slashes(n + 1)));
    expect(evaluateRedirect(plain, stated, hops)).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.redirect.onward', params: { url: 'https://a.com/cb', count: 5, chain: [1, 2, 3, 4, 5].map((n) => `302 → ${slashes(n)}`) } },
      fix: { key: 'doctor.redirect.onward.fix' },
      evidence: { chain: [1, 2, 3, 4, 5].map((n) => `302 ${slashes(n)}`).join(' -> ') },
    });
    // Fewer hops than doctor follows (the flow stopped because the chain left the callback's path), or
    // a last hop that leaves the path (/login): not still redirecting along it.
    expect(evaluateRedirect(plain, stated, hops.slice(0, 3)).message.key).not.toBe('doctor.redirect.onward');
    expect(evaluateRedirect(plain, stated, [...hops.slice(0, 3), r(`https://a.com${slashes(4)}`, 302, '/login')])).toMatchObject({ status: 'ok', message: { key: 'doctor.redirect.okFollowed' } });
  });
  // The user's server chose the Location: a token or a code in it is masked as traces mask it, in the
  // line and in --json's evidence (which README promises holds no secret), as verify-file's redirect was.
  it('a redirect to a URL carrying an access_token or a code is said with them masked', () => {
    const verdict = at(302, 'https://a.com/home?access_token=86_SECRETSECRETSECRET&code=061SECRETCODE&x=1');
    expect(verdict.status).toBe('ok');
    expect(JSON.stringify(verdict)).not.toMatch(/SECRET/);
    expect(verdict).toMatchObject({ message: { params: { location: expect.stringContaining('&x=1') } }, evidence: { location: expect.stringContaining('access_token=') } });
  });
  // A hostile or broken server can send a Location of up to 16 KiB (Node's header limit): the line names it, cut.
  it('a long Location is cut in the line and kept whole in the evidence', () => {
    const location = `https://login.a.com/sso?next=${'x'.repeat(8000)}`;
    const verdict = at(302, location);
    const said = (verdict.message as { params: { location: string } }).params.location;
    expect(said.length).toBeLessThanOrEqual(201);
    expect(said.endsWith('…')).toBe(true);
    expect(verdict.evidence).toMatchObject({ location });
  });
  it('fails when nothing answered', () => {
    expect(evaluateRedirect({ url: 'https://a.com/cb', answered: false, error: 'ECONNREFUSED' })).toMatchObject({ status: 'fail', message: { key: 'doctor.redirect.unreachable' } });
  });
  // The server was reached: "make sure it is running" would send the user the wrong way.
  it('a reply that is not HTTP is a malformed answer, not an unreachable server', () => {
    expect(evaluateRedirect({ url: 'https://a.com/cb', answered: false, error: 'HPE_INVALID_HEADER_TOKEN' })).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.http.malformed', params: { error: 'HPE_INVALID_HEADER_TOKEN' } },
      fix: { key: 'doctor.http.malformed.fix' },
    });
  });
});

// Where the redirects landed was judged by its status alone (the GETs take any certificate): an http
// callback forced to https on a self-signed certificate got "✔ followed to …, which answers 400", though
// WeChat's browser stops at that certificate and the callback never runs.
describe('evaluateRedirect where the redirects land on a certificate the tls check refuses', () => {
  const now = Date.parse('2026-12-02T00:00:00Z');
  const cert = (host: string, over: Partial<Extract<TlsFacts, { handshake: true }>> = {}): TlsFacts => ({
    handshake: true, host, port: 443, subject: host, names: [host], issuer: host, selfSigned: false, validFrom: now - 86_400_000, validTo: now + 90 * 86_400_000, ...over,
  });
  const selfSigned = cert('a.com', { error: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true });
  const chain = (from: string, to: string) => ({
    plain: { url: from, answered: true as const, status: 301, body: '', location: to },
    stated: { url: `${from}?state=wxauthdoctor`, answered: true as const, status: 301, body: '', location: `${to}?state=wxauthdoctor` },
    hops: [{ url: `${to}?state=wxauthdoctor`, answered: true as const, status: 400, body: 'missing code' }],
  });
  it('an http callback sent to https: fails, saying the certificate and its own fix (the tls line skips an http redirect_uri)', () => {
    const c = chain('http://a.com/cb', 'https://a.com/cb');
    const verdict = evaluateRedirect(c.plain, c.stated, c.hops, { now, byHost: { 'a.com': selfSigned } });
    expect(verdict).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.redirect.landed', params: { verdict: { key: 'doctor.redirect.certRefused', params: { url: 'https://a.com/cb?state=wxauthdoctor', status: 400, detail: { key: 'doctor.tls.selfSigned' } } } } },
      fix: { key: 'doctor.redirect.certRefused.unchecked.fix', params: { host: 'a.com', origin: 'https://a.com', tlsFix: { key: 'doctor.tls.selfSigned.certOnly.fix' } } },
      evidence: { landedStatus: 400, landedCertificate: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
    // A valid certificate, or one only expiring soon, or none probed: the landing's status decides, as before.
    for (const certs of [{ now, byHost: { 'a.com': cert('a.com') } }, { now, byHost: { 'a.com': cert('a.com', { validTo: now + 3 * 86_400_000 }) } }, undefined]) {
      expect(evaluateRedirect(c.plain, c.stated, c.hops, certs)).toMatchObject({ status: 'ok', message: { key: 'doctor.redirect.okFollowed' } });
    }
  });
  // 84b0df5a held back "make the redirect_uri the final address" only for an address whose handshake failed or that nothing answered.
  it('a redirect dropping the query to an address served on a refused certificate: not that address as the redirect_uri', () => {
    const plain = { url: 'http://a.com/cb', answered: true as const, status: 301, body: '', location: 'https://a.com/cb' };
    const stated = { url: 'http://a.com/cb?state=wxauthdoctor', answered: true as const, status: 301, body: '', location: 'https://a.com/cb' };
    const hops = [{ url: 'https://a.com/cb', answered: true as const, status: 400, body: 'missing code' }];
    expect(evaluateRedirect(plain, stated, hops, { now, byHost: { 'a.com': selfSigned } })).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.redirect.dropsQuery' },
      fix: { key: 'doctor.redirect.dropsQuery.unserved.fix', params: { location: 'https://a.com/cb', why: { key: 'doctor.scheme.https.certRefused', params: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } } } },
    });
    expect(evaluateRedirect(plain, stated, hops, { now, byHost: { 'a.com': cert('a.com') } }).fix).toMatchObject({ key: 'doctor.redirect.dropsQuery.fix' });
  });
  it('an https callback landing on its own host and port points at the tls line; on another port, says the fix itself', () => {
    const own = chain('https://a.com/cb', 'https://a.com/cb/');
    expect(evaluateRedirect(own.plain, own.stated, own.hops, { now, byHost: { 'a.com': selfSigned } })).toMatchObject({ status: 'fail', fix: { key: 'doctor.redirect.certRefused.fix' } });
    const port = chain('https://a.com/cb', 'https://a.com:8443/cb');
    const expired = cert('a.com', { error: 'CERT_HAS_EXPIRED', validTo: now - 86_400_000, port: 8443 });
    expect(evaluateRedirect(port.plain, port.stated, port.hops, { now, byHost: { 'a.com:8443': expired } })).toMatchObject({
      status: 'fail',
      fix: { key: 'doctor.redirect.certRefused.unchecked.fix', params: { host: 'a.com:8443', origin: 'https://a.com:8443', tlsFix: { key: 'doctor.tls.expired.fix' } } },
    });
  });
});

// "Use the https callback" for an http redirect_uri the server sends to https, even where doctor had
// fetched that https address and found its handshake failing or nothing on its port: advice that
// cannot work. The fix now says HTTPS must be served first (or the force-https rule removed).
describe('evaluateScheme', () => {
  const bounce = { url: 'http://a.com/cb', answered: true as const, status: 301, body: '', location: 'https://a.com/cb' };
  type Facts = NonNullable<Parameters<typeof evaluateScheme>[2]>;
  const hop = (facts: { answered: true; status: number; body: string } | { answered: false; error: string; silentMs?: number }): Facts[] => [{ url: 'https://a.com/cb?state=wxauthdoctor', ...facts }];
  it('an https address doctor found served (or did not fetch): use it', () => {
    for (const followed of [[], hop({ answered: true, status: 400, body: '' }), hop({ answered: false, error: 'ETIMEDOUT (300 ms)', silentMs: 300 })]) {
      expect(evaluateScheme('http://a.com/cb', bounce, undefined, 'default', followed)).toMatchObject({
        status: 'warn',
        message: { key: 'doctor.scheme.upgrade' },
        fix: { key: 'doctor.scheme.upgrade.fix', params: { https: 'https://a.com/cb' } },
      });
    }
  });
  it('an https address whose handshake fails, or where nothing answers: serve HTTPS first', () => {
    expect(evaluateScheme('http://a.com/cb', bounce, undefined, 'default', hop({ answered: false, error: 'EPROTO' }))).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.scheme.upgrade' },
      fix: { key: 'doctor.scheme.upgrade.unserved.fix', params: { origin: 'https://a.com', host: 'a.com', https: 'https://a.com/cb', why: { key: 'doctor.scheme.https.tlsFailed', params: { error: 'EPROTO' } } } },
      evidence: { https: 'https://a.com', httpsError: 'EPROTO' },
    });
    expect(evaluateScheme('http://a.com/cb', bounce, undefined, 'default', hop({ answered: false, error: 'ECONNREFUSED' }))).toMatchObject({
      fix: { key: 'doctor.scheme.upgrade.unserved.fix', params: { why: { key: 'doctor.scheme.https.unreached', params: { error: { key: 'common.os.ECONNREFUSED' } } } } },
    });
    // On another port, the address judged is that one.
    const port = { ...bounce, location: 'https://a.com:8443/cb' };
    const other = [{ url: 'https://a.com:8443/cb?state=wxauthdoctor', answered: false as const, error: 'ECONNREFUSED' }];
    expect(evaluateScheme('http://a.com/cb', port, undefined, 'default', other).fix).toMatchObject({
      key: 'doctor.scheme.upgrade.unserved.fix',
      params: { origin: 'https://a.com:8443', https: 'https://a.com:8443/cb' },
    });
  });
  // The https example dropped the port the server sends the callback to (https://a.com/cb for :8443).
  it('the https callback it names keeps a port that is not 443', () => {
    for (const [location, https] of [['https://a.com:8443/cb', 'https://a.com:8443/cb'], ['https://a.com:443/cb', 'https://a.com/cb'], ['https://a.com/cb', 'https://a.com/cb']]) {
      expect(evaluateScheme('http://a.com/cb?x=1', { ...bounce, location }, undefined, 'default').fix).toMatchObject({ key: 'doctor.scheme.upgrade.fix', params: { https: `${https}?x=1` } });
    }
  });
  // The GETs take any certificate, so an expired or self-signed one where the callback is sent still got
  // "use the https callback", which would stop WeChat's browser at that certificate.
  it('an https address served on a certificate the tls check refuses: fix the certificate first', () => {
    const now = Date.parse('2026-12-02T00:00:00Z');
    const facts = (over: Partial<Extract<TlsFacts, { handshake: true }>>): TlsFacts => ({
      handshake: true, host: 'a.com', port: 8443, subject: 'a.com', names: ['a.com'], issuer: 'a.com', selfSigned: false, validFrom: now - 86_400_000, validTo: now + 90 * 86_400_000, ...over,
    });
    const port = { ...bounce, location: 'https://a.com:8443/cb' };
    const selfSigned = evaluateScheme('http://a.com/cb', port, undefined, 'default', [], { facts: facts({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true }), now });
    expect(selfSigned).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.scheme.upgrade' },
      fix: { key: 'doctor.scheme.upgrade.untrusted.fix', params: { https: 'https://a.com:8443/cb', detail: { key: 'doctor.tls.selfSigned', params: { host: 'a.com' } }, tlsFix: { key: 'doctor.tls.selfSigned.certOnly.fix' } } },
      evidence: { https: 'https://a.com:8443', certificate: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
    const expired = evaluateScheme('http://a.com/cb', bounce, undefined, 'default', [], { facts: facts({ error: 'CERT_HAS_EXPIRED', validTo: now - 86_400_000 }), now });
    expect(expired.fix).toMatchObject({ key: 'doctor.scheme.upgrade.untrusted.fix', params: { detail: { key: 'doctor.tls.expired' }, tlsFix: { key: 'doctor.tls.expired.fix' } } });
    // A valid one, or one only expiring soon (still valid): use it.
    for (const cert of [facts({}), facts({ validTo: now + 3 * 86_400_000 })]) {
      expect(evaluateScheme('http://a.com/cb', bounce, undefined, 'default', [], { facts: cert, now }).fix).toMatchObject({ key: 'doctor.scheme.upgrade.fix' });
    }
    // A handshake that failed, or no connection, on an address doctor did not fetch (no hop): no https
    // callback to advise ("use the https callback" was said). Ctrl-C's probe says nothing of it.
    const failed = (error: string): TlsFacts => ({ handshake: false, host: 'a.com', port: 443, error });
    expect(evaluateScheme('http://a.com/cb', bounce, undefined, 'default', [], { facts: failed('EPROTO'), now })).toMatchObject({
      status: 'warn',
      evidence: { https: 'https://a.com', httpsError: 'EPROTO' },
      fix: { key: 'doctor.scheme.upgrade.unserved.fix', params: { why: { key: 'doctor.scheme.https.tlsFailed', params: { error: 'EPROTO' } }, https: 'https://a.com/cb' } },
    });
    expect(evaluateScheme('http://a.com/cb', bounce, undefined, 'default', [], { facts: failed('ECONNREFUSED'), now }).fix).toMatchObject({
      key: 'doctor.scheme.upgrade.unserved.fix',
      params: { why: { key: 'doctor.scheme.https.unreached' } },
    });
    expect(evaluateScheme('http://a.com/cb', bounce, undefined, 'default', [], { facts: failed('cancelled'), now }).fix).toMatchObject({ key: 'doctor.scheme.upgrade.fix' });
  });
  // Only the first Location was read: http /sl → http /sl/ → https /sl/ got "✔ scheme … uses http, and
  // the server answers on http", while the redirect line followed the chain to https.
  it('an http callback that turns to https only after a redirect on http: the hop that turns it is named, its certificate judged', () => {
    const now = Date.parse('2026-12-02T00:00:00Z');
    const plain = { url: 'http://a.com/sl', answered: true as const, status: 301, body: '', location: 'http://a.com/sl/' };
    const stated = { url: 'http://a.com/sl?state=wxauthdoctor', answered: true as const, status: 301, body: '', location: 'http://a.com/sl/?state=wxauthdoctor' };
    const turn = { url: 'http://a.com/sl/?state=wxauthdoctor', answered: true as const, status: 301, body: '', location: 'https://a.com/sl/?state=wxauthdoctor' };
    const landed = { url: 'https://a.com/sl/?state=wxauthdoctor', answered: true as const, status: 400, body: 'missing code' };
    expect(evaluateScheme('http://a.com/sl', plain, undefined, 'default', [turn, landed], undefined, stated)).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.scheme.upgradeHop', params: { location: 'http://a.com/sl/', hop: 'http://a.com/sl/?state=wxauthdoctor', to: 'https://a.com/sl/?state=wxauthdoctor' } },
      // The https address the chain reached (and doctor fetched), not the redirect_uri's path on https.
      fix: { key: 'doctor.scheme.upgrade.fix', params: { https: 'https://a.com/sl/' } },
      evidence: { httpsHop: 'http://a.com/sl/?state=wxauthdoctor', httpsLocation: 'https://a.com/sl/?state=wxauthdoctor' },
    });
    // On a self-signed certificate: the certificate first, as for a first redirect to https.
    const selfSigned: TlsFacts = { handshake: true, host: 'a.com', port: 443, error: 'DEPTH_ZERO_SELF_SIGNED_CERT', subject: 'a.com', names: ['a.com'], issuer: 'a.com', selfSigned: true, validFrom: now - 86_400_000, validTo: now + 90 * 86_400_000 };
    expect(evaluateScheme('http://a.com/sl', plain, undefined, 'default', [turn, landed], { facts: selfSigned, now }, stated)).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.scheme.upgradeHop' },
      fix: { key: 'doctor.scheme.upgrade.untrusted.fix', params: { https: 'https://a.com/sl/', tlsFix: { key: 'doctor.tls.selfSigned.certOnly.fix' } } },
    });
    // Its handshake failing where the chain reached it: HTTPS served first.
    expect(evaluateScheme('http://a.com/sl', plain, undefined, 'default', [turn, { url: landed.url, answered: false, error: 'EPROTO' }], undefined, stated).fix).toMatchObject({
      key: 'doctor.scheme.upgrade.unserved.fix',
      params: { origin: 'https://a.com', why: { key: 'doctor.scheme.https.tlsFailed' } },
    });
    // A chain that stays on http, or leaves the host for https elsewhere, is no mismatch on this host.
    const stays = { ...turn, location: 'http://a.com/sl//?state=wxauthdoctor' };
    expect(evaluateScheme('http://a.com/sl', plain, undefined, 'default', [stays, { ...landed, url: 'http://a.com/sl//?state=wxauthdoctor' }], undefined, stated).message.key).toBe('doctor.scheme.ok');
    const elsewhere = { ...turn, location: 'https://b.com/sl/?state=wxauthdoctor' };
    expect(evaluateScheme('http://a.com/sl', plain, undefined, 'default', [elsewhere], undefined, stated).message.key).toBe('doctor.scheme.ok');
    // The slash hop sending a request without a code to the app's login page on https: no https callback
    // to offer (the fix named https://a.com/login, where every code would then go), nor a mismatch to claim.
    const login = { ...turn, location: 'https://a.com/login?next=%2Fsl%2F' };
    const check = evaluateScheme('http://a.com/sl', plain, undefined, 'default', [login], undefined, stated);
    expect(check.message.key).toBe('doctor.scheme.ok');
    expect(JSON.stringify(check)).not.toContain('/login');
  });
});

// The scheme fixes said "web authorization accepts http callbacks" as a fact; WeChat's doc says the
// callback 应当使用https, and only reports say http ones work (API-FACTS §3, marked as disputed).
describe('the scheme fixes on http callbacks', () => {
  it('say what is known: the documentation asks for https, http callbacks are seen to work (en, zh)', () => {
    const params = { host: 'a.com', http: 'http://a.com/cb', https: 'https://a.com/cb', origin: 'https://a.com', why: 'x', detail: 'y', tlsFix: 'z', p: '' };
    for (const key of ['doctor.scheme.httpsDown.fix', 'doctor.scheme.upgrade.unserved.fix', 'doctor.scheme.upgrade.untrusted.fix'] as const) {
      const en = tr('en', { key, params } as never);
      const zh = tr('zh', { key, params } as never);
      expect(en).not.toContain('accepts http callbacks');
      expect(en).toContain('WeChat’s documentation says the callback should use https, but http callbacks are seen to work');
      expect(zh).not.toContain('网页授权接受 http 回调');
      expect(zh).toContain('微信文档说回调应当使用 https，但有开发者实测 http 回调也能用');
    }
  });
});

// The GET of the verify file takes any certificate: "✔ answers 200 with the right content" stood above
// "✖ tls … self-signed" for the same host. Whether WeChat's check verifies it is not documented.
describe('evaluateVerifyFile and the certificate it was served on', () => {
  const now = Date.parse('2026-12-02T00:00:00Z');
  const name = 'MP_verify_AbC123xyz.txt';
  const https = { url: `https://www.example.com/${name}`, answered: true as const, status: 200, body: 'AbC123xyz' };
  const facts = (over: Partial<Extract<TlsFacts, { handshake: true }>> = {}): TlsFacts => ({
    handshake: true, host: 'www.example.com', port: 443, subject: 'www.example.com', names: ['www.example.com'], issuer: 'www.example.com', selfSigned: false, validFrom: now - 86_400_000, validTo: now + 90 * 86_400_000, ...over,
  });
  const selfSigned = facts({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true });
  it('on https alone, a refused certificate warns, saying so; the fix points at the tls line when it judges that host', () => {
    const http404 = { url: `http://www.example.com/${name}`, answered: true as const, status: 404, body: '' };
    expect(evaluateVerifyFile('www.example.com', { name }, https, http404, { facts: selfSigned, now, tlsLine: true })).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.verify.okUntrusted', params: { url: https.url, detail: { key: 'doctor.tls.selfSigned' } } },
      fix: { key: 'doctor.verify.untrusted.fix', params: { name, http: `http://www.example.com/${name}` } },
      evidence: { answeredBy: 'https', certificate: 'DEPTH_ZERO_SELF_SIGNED_CERT', http: '404' },
    });
    // No tls line for it (an http redirect_uri): the tls check's own fix is said.
    expect(evaluateVerifyFile('www.example.com', { name }, https, http404, { facts: selfSigned, now, tlsLine: false }).fix).toMatchObject({
      key: 'doctor.verify.untrusted.unchecked.fix',
      params: { tlsFix: { key: 'doctor.tls.selfSigned.certOnly.fix' } },
    });
  });
  // The tls line's fix offered "a test account can use an http callback instead" to every account type,
  // service and website ones included; quoted where the callback is http already (the scheme line), or
  // for a verify file or a JS-safe domain, that advice does not fit either.
  it('the certificate fix quoted by another line, or on the tls line of an account that is no test account, is the certificate’s alone', () => {
    const otherName = facts({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true, forName: false, names: ['other.example.org'] });
    expect(evaluateTls(selfSigned, now, { type: 'test' }).fix).toEqual({ key: 'doctor.tls.selfSigned.testAccount.fix' });
    expect(evaluateTls(otherName, now, { type: 'test' }).fix).toEqual({ key: 'doctor.tls.selfSignedName.testAccount.fix', params: { host: 'www.example.com' } });
    // A service or website account, one whose type is not known, and a fix quoted by another line.
    for (const line of [{ type: 'service' as const }, { type: 'website' as const }, {}, undefined]) {
      expect(evaluateTls(selfSigned, now, line).fix, JSON.stringify(line)).toEqual({ key: 'doctor.tls.selfSigned.certOnly.fix' });
      expect(evaluateTls(otherName, now, line).fix, JSON.stringify(line)).toEqual({ key: 'doctor.tls.selfSignedName.certOnly.fix', params: { host: 'www.example.com' } });
    }
    // Offered to a test account, it says no more than is known: WeChat's doc asks for https (API-FACTS §3).
    expect(tr('en', { key: 'doctor.tls.selfSigned.testAccount.fix' })).toBe(
      'Use a certificate from a public CA (e.g. Let’s Encrypt); or, as this is a test account, use an http callback instead (WeChat’s documentation says the callback should use https, but http callbacks are seen to work).',
    );
    expect(tr('zh', { key: 'doctor.tls.selfSigned.testAccount.fix' })).toBe('换成公开 CA 签发的证书（例如 Let’s Encrypt）；这是测试号，也可以改用 http 回调（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）。');
    for (const lang of ['en', 'zh'] as const) {
      expect(tr(lang, { key: 'doctor.tls.selfSigned.certOnly.fix' })).not.toMatch(/http callback|http 回调/);
      expect(tr(lang, { key: 'doctor.tls.selfSignedName.certOnly.fix', params: { host: 'www.example.com' } })).not.toMatch(/http callback|http 回调/);
    }
  });
  it('served over http too, it passes, saying the https one’s certificate is not valid; a valid or expiring one passes as before', () => {
    const http = { url: `http://www.example.com/${name}`, answered: true as const, status: 200, body: 'AbC123xyz' };
    expect(evaluateVerifyFile('www.example.com', { name }, https, http, { facts: selfSigned, now, tlsLine: true })).toMatchObject({
      status: 'ok',
      message: { key: 'doctor.verify.okHttpCert', params: { url: http.url, https: https.url } },
      evidence: { answeredBy: 'http', certificate: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
    for (const cert of [undefined, facts(), facts({ validTo: now + 3 * 86_400_000 })]) {
      expect(evaluateVerifyFile('www.example.com', { name }, https, undefined, cert && { facts: cert, now })).toMatchObject({ status: 'ok', message: { key: 'doctor.verify.ok' } });
    }
  });
});

describe('evaluateTls', () => {
  const now = Date.parse('2026-12-02T00:00:00Z');
  const day = 86_400_000;
  it('a refused connection is no connection, not a failed TLS handshake', () => {
    expect(evaluateTls({ handshake: false, host: 'a.com', port: 443, error: 'ECONNREFUSED' }, now).message.key).toBe('doctor.tls.noConnection');
    expect(evaluateTls({ handshake: false, host: 'a.com', port: 443, error: 'ECONNRESET' }, now).message.key).toBe('doctor.tls.unreachable');
  });
  const cert = (over: Partial<Extract<TlsFacts, { handshake: true }>>): TlsFacts => ({
    handshake: true,
    host: 'a.com',
    port: 443,
    subject: 'a.com',
    names: ['a.com'],
    issuer: 'R11, Let’s Encrypt',
    selfSigned: false,
    validFrom: now - 30 * day,
    validTo: now + 60 * day,
    ...over,
  });
  it('orders verdicts: expired, wrong name, self-signed, untrusted, expiring (warn), ok', () => {
    expect(evaluateTls(cert({ error: 'CERT_HAS_EXPIRED', validTo: now - day }), now).message.key).toBe('doctor.tls.expired');
    expect(evaluateTls(cert({ error: 'ERR_TLS_CERT_ALTNAME_INVALID', names: ['b.com'] }), now).message).toMatchObject({ key: 'doctor.tls.name', params: { names: ['b.com'] } });
    expect(evaluateTls(cert({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true }), now).message.key).toBe('doctor.tls.selfSigned');
    expect(evaluateTls(cert({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true, forName: true }), now).message.key).toBe('doctor.tls.selfSigned');
    // Self-signed and for another name: one line with both, since both need fixing.
    expect(evaluateTls(cert({ error: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true, forName: false, names: ['b.com'] }), now)).toMatchObject({
      message: { key: 'doctor.tls.selfSignedName', params: { host: 'a.com', names: ['b.com'] } },
      fix: { key: 'doctor.tls.selfSignedName.certOnly.fix', params: { host: 'a.com' } },
    });
    expect(evaluateTls(cert({ error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }), now).message.key).toBe('doctor.tls.untrusted');
    expect(evaluateTls(cert({ validTo: now + 13 * day }), now)).toMatchObject({ status: 'warn', message: { params: { days: 13 } } });
    expect(evaluateTls(cert({ validTo: now + 14 * day }), now).status).toBe('ok');
  });
});

describe('buildReport', () => {
  it('orders checks by id, and only a failure makes exit code 1', () => {
    const c = (id: 'clock' | 'profile', status: 'ok' | 'warn' | 'fail' | 'skip') => ({ id, status, message: { key: 'doctor.clock.noAnswer' as const }, evidence: {} });
    expect(buildReport('p', [c('clock', 'warn'), c('profile', 'ok')]).checks.map((x) => [x.id, x.phase])).toEqual([
      ['profile', 'offline'],
      ['clock', 'online'],
    ]);
    expect(buildReport('p', [c('clock', 'warn'), c('profile', 'skip')]).exitCode).toBe(0);
    expect(buildReport('p', [c('clock', 'fail')]).exitCode).toBe(1);
  });
});

describe('evaluateAuthorize (the lint wxauth url runs)', () => {
  const base = { type: 'service' as const, endpoint: 'authorize', scope: 'snsapi_base', url: 'https://open.weixin.qq.com/connect/oauth2/authorize' };
  const parent = { id: 'domain.parent', severity: 'error', params: { host: 'example.com', domain: 'www.example.com' } } as never;
  const scope = { id: 'scope.multiple', severity: 'error', params: { scope: 'a,b' } } as never;
  it('fails on a domain error, naming it when the domain check already explains it, in full when not', () => {
    const named = evaluateAuthorize({ ...base, findings: [parent], domainFailed: true });
    expect(named).toMatchObject({ status: 'fail', message: { key: 'doctor.authorize.refusedDomain', params: { findings: ['domain.parent'] } } });
    expect(evaluateAuthorize({ ...base, findings: [parent], domainFailed: false })).toMatchObject({ status: 'fail', message: { key: 'inspect.domain.parent' } });
  });
  it('words an error of its own first, and passes only without errors', () => {
    expect(evaluateAuthorize({ ...base, findings: [parent, scope], domainFailed: true }).message.key).toBe('inspect.scope.multiple');
    expect(evaluateAuthorize({ ...base, findings: [] })).toMatchObject({ status: 'ok', message: { key: 'doctor.authorize.ok' } });
  });
});

describe('evaluateProxy', () => {
  it('names the API’s real port in the fix when WeChat was unreachable through the proxy', () => {
    const v = { httpProxy: 'http://proxy:3128', httpsProxy: '', noProxy: '' };
    expect(evaluateProxy('http://127.0.0.1:3900/', v, false, (p) => p).fix).toMatchObject({ params: { target: '127.0.0.1:3900' } });
    expect(evaluateProxy('https://api.weixin.qq.com/', v, false, (p) => p).fix).toMatchObject({ params: { target: 'api.weixin.qq.com:443' } });
    expect(evaluateProxy('http://[::1]:3900/', v, false, (p) => p).fix).toMatchObject({ params: { target: '[::1]:3900' } });
  });
});

describe('evaluateConnectTo', () => {
  const rule = (spec: string) => parseConnectTo(spec)!;
  const aimed = [
    { host: 'www.example.com', port: 443 },
    { host: 'www.example.com', port: 443 },
    { host: 'www.example.com', port: 80 },
    { host: 'api.weixin.qq.com', port: 443 },
  ];
  it('warns about a rule that matched nothing, naming it and what was dialled as named', () => {
    const typo = rule('www.exmaple.com:443:127.0.0.1:39443');
    const c = evaluateConnectTo([typo], aimed);
    expect(c).toMatchObject({ status: 'warn', message: { key: 'doctor.connectTo.unmatched', params: { rules: [typo.spec], direct: ['api.weixin.qq.com:443', 'www.example.com:443', 'www.example.com:80'] } } });
    expect(c.evidence).toMatchObject({ rules: typo.spec, unmatched: typo.spec, mapped: null });
  });
  it('counts a rule an earlier one shadows, or on another port, as unmatched; passes when every rule mapped something', () => {
    const first = rule('www.example.com:443:127.0.0.1:1');
    expect(evaluateConnectTo([first, rule('www.example.com:443:127.0.0.1:2')], aimed).message).toMatchObject({ params: { rules: ['www.example.com:443:127.0.0.1:2'] } });
    // The wrong port: www.example.com was dialled on 443 and 80 unmapped.
    expect(evaluateConnectTo([rule('www.example.com:8443:127.0.0.1:2')], aimed).status).toBe('warn');
    const ok = evaluateConnectTo([first, rule('www.example.com:80:127.0.0.1:3')], aimed);
    expect(ok).toMatchObject({ status: 'ok', evidence: { mapped: 'www.example.com:443 → 127.0.0.1:1, www.example.com:80 → 127.0.0.1:3', direct: 'api.weixin.qq.com:443', unmatched: null } });
  });
  it('does not warn about a standby rule for a port this run did not need (http when https answered)', () => {
    const c = evaluateConnectTo([rule('www.example.com:443:127.0.0.1:1'), rule('www.example.com:80:127.0.0.1:3')], [{ host: 'www.example.com', port: 443 }]);
    expect(c).toMatchObject({ status: 'ok', evidence: { unused: 'www.example.com:80:127.0.0.1:3', unmatched: null } });
    // ...and says it on the line, so a rule the user gave does not vanish from it.
    expect(c.message).toEqual({ key: 'doctor.connectTo.ok.unused', params: { mappings: ['www.example.com:443 → 127.0.0.1:1'], unused: ['www.example.com:80:127.0.0.1:3'] } });
    // A host-less rule for port 80 (every host's http fallback) is the same standby, not a mistake.
    const hostless = evaluateConnectTo([rule('www.example.com:443:127.0.0.1:1'), rule(':80:127.0.0.1:3')], [{ host: 'www.example.com', port: 443 }, { host: 'api.weixin.qq.com', port: 443 }]);
    expect(hostless).toMatchObject({ status: 'ok', evidence: { unused: ':80:127.0.0.1:3', unmatched: null } });
    // On another port it maps every host dialled there: idle, it names a port nothing uses (a typo).
    expect(evaluateConnectTo([rule(':8443:127.0.0.1:3')], [{ host: 'www.example.com', port: 443 }]).status).toBe('warn');
  });
  it('says a rule matching a call a proxy carried was not applied to it, rather than calling it a typo', () => {
    const viaProxy = [{ host: 'api.weixin.qq.com', port: 443, proxy: 'http://proxy:3128', variable: 'HTTPS_PROXY' }];
    const api = rule('api.weixin.qq.com:443:127.0.0.1:9');
    const site = rule('www.example.com:443:127.0.0.1:1');
    const c = evaluateConnectTo([site, api], [{ host: 'www.example.com', port: 443 }], viaProxy);
    expect(c).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.connectTo.proxied', params: { rules: [api.spec], targets: ['api.weixin.qq.com:443'], proxy: 'http://proxy:3128', variable: 'HTTPS_PROXY' } },
      fix: { key: 'doctor.connectTo.proxied.fix', params: { hostname: 'api.weixin.qq.com' } },
      evidence: { mapped: 'www.example.com:443 → 127.0.0.1:1', unmatched: null, proxied: `${api.spec} (api.weixin.qq.com:443)` },
    });
    // A host-less rule would have re-aimed the call too: said alike.
    expect(evaluateConnectTo([rule(':443:127.0.0.1:1')], [{ host: 'www.example.com', port: 443 }], viaProxy).message).toMatchObject({ key: 'doctor.connectTo.proxied' });
    // A rule the proxied call does not match is judged as before; nothing proxied, nothing said of it.
    expect(evaluateConnectTo([site], [{ host: 'www.example.com', port: 443 }], viaProxy)).toMatchObject({ status: 'ok', evidence: { proxied: null } });
  });
});

describe('a callback that does not answer', () => {
  it('on this machine, points at starting the server or wxauth listen, not at firewalls', () => {
    const local = evaluateRedirect({ url: 'http://127.0.0.1:8080/callback', answered: false, error: 'ECONNREFUSED' });
    expect(local.fix).toEqual({ key: 'doctor.redirect.unreachable.local.fix' });
    // A local server that hangs is not "nothing listens".
    expect(evaluateRedirect({ url: 'http://127.0.0.1:8080/callback', answered: false, error: 'ETIMEDOUT' }).fix).toMatchObject({ key: 'doctor.redirect.unreachable.fix' });
    const remote = evaluateRedirect({ url: 'https://www.example.com/cb', answered: false, error: 'ECONNREFUSED' });
    expect(remote.fix).toEqual({ key: 'doctor.redirect.unreachable.fix', params: { host: 'www.example.com' } });
  });
});

describe('a machine without DNS or internet', () => {
  const unreachable = evaluateRedirect({ url: 'https://www.example.com/cb', answered: false, error: 'ENOTFOUND' });

  it('is said once, and the online failures lose their fixes (they would blame the deployment)', () => {
    const report = buildReport('prod', [evaluateDns('dns.api', { kind: 'failed', host: 'api.weixin.qq.com', code: 'ENOTFOUND' }), unreachable]);
    expect(report.offlineMachine).toEqual({ host: 'api.weixin.qq.com', code: 'ENOTFOUND' });
    expect(report.exitCode).toBe(1);
    for (const c of report.checks.filter((x) => x.status === 'fail')) expect(c.fix, c.id).toBeUndefined();
  });

  it('is still said when a verify file was looked for and could not be reached either', () => {
    const verify = evaluateVerifyFile('www.example.com', { name: 'MP_verify_AbC123xyz.txt' }, { url: 'https://www.example.com/MP_verify_AbC123xyz.txt', answered: false, error: 'ENOTFOUND' }, { url: 'http://www.example.com/MP_verify_AbC123xyz.txt', answered: false, error: 'ENOTFOUND' });
    const report = buildReport('prod', [evaluateDns('dns.api', { kind: 'failed', host: 'api.weixin.qq.com', code: 'ENOTFOUND' }), unreachable, verify]);
    expect(report.offlineMachine).toEqual({ host: 'api.weixin.qq.com', code: 'ENOTFOUND' });
    for (const c of report.checks.filter((x) => x.status === 'fail')) expect(c.fix, c.id).toBeUndefined();
  });

  it('is not concluded when something online answered (a callback reached through --connect-to answering 502)', () => {
    const answered = evaluateRedirect({ url: 'https://www.example.com/cb', answered: true, status: 502, body: '' });
    const report = buildReport('prod', [evaluateDns('dns.api', { kind: 'failed', host: 'api.weixin.qq.com', code: 'EAI_AGAIN' }), answered]);
    expect(report.offlineMachine).toBeUndefined();
    expect(report.checks.find((c) => c.id === answered.id)?.fix).toBeDefined();
    // WeChat's own host still did not resolve: its fix is this machine's DNS, not WeChat's records.
    expect(report.checks.find((c) => c.id === 'dns.api')?.fix).toEqual({ key: 'doctor.wechatUnresolved.fix', params: { host: 'api.weixin.qq.com' } });
  });

  it('counts a resolver that never answers (ETIMEOUT) as no DNS', () => {
    const report = buildReport('prod', [evaluateDns('dns.api', { kind: 'failed', host: 'api.weixin.qq.com', code: 'ETIMEOUT' }), unreachable]);
    expect(report.offlineMachine).toEqual({ host: 'api.weixin.qq.com', code: 'ETIMEOUT' });
  });

  it('is not concluded from a host of the user’s own that does not resolve', () => {
    const report = buildReport('prod', [evaluateDns('dns.api', { kind: 'failed', host: 'wx-gw.example.com', code: 'ENOTFOUND' }), unreachable]);
    expect(report.offlineMachine).toBeUndefined();
    expect(report.checks.find((c) => c.id === 'dns.api')?.fix).toBeDefined();
    expect(report.checks.find((c) => c.id === unreachable.id)?.fix).toBeDefined();
  });
});

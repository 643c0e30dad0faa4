// Where the listener binds, what a pasted callback yields, and what the relay page may forward to.
import { describe, expect, it } from 'vitest';
import { evaluatePastedCallback, planListener, buildRelaySnippet, localRedirect } from '../../src/listener/index.js';
import { CallbackError, UsageError } from '../../src/errors.js';

describe('planListener', () => {
  it.each([
    // [flags, redirect uris, host, port, path, source]
    [{}, [], '127.0.0.1', 8080, '/callback', 'default'],
    [{}, ['http://127.0.0.1:5174/wx/cb?x=1'], '127.0.0.1', 5174, '/wx/cb', 'redirect'],
    [{}, ['http://localhost/cb'], '127.0.0.1', 80, '/cb', 'redirect'],
    // A LAN redirect: the phone that follows it must be able to connect, so bind every interface.
    [{}, ['http://192.168.1.20:8000/cb'], '0.0.0.0', 8000, '/cb', 'redirect'],
    // The first local one wins: what `wxauth url` used, before the profile's.
    [{}, [undefined, 'https://www.example.com/cb', 'http://10.0.0.5:9000/a'], '0.0.0.0', 9000, '/a', 'redirect'],
    [{ port: '0', path: '/x' }, ['http://127.0.0.1:5174/wx/cb'], '127.0.0.1', 0, '/x', 'flags'],
    [{ host: '0.0.0.0' }, [], '0.0.0.0', 8080, '/callback', 'default'],
  ])('%j with %j binds %s:%s%s (%s)', (flags, uris, host, port, path, source) => {
    const plan = planListener(flags, uris as Array<string | undefined>);
    expect([plan.host, plan.port, plan.path, plan.source]).toEqual([host, port, path, source]);
  });

  it('listens on both loopback addresses only when the callback names localhost (a browser may take it to [::1])', () => {
    expect(planListener({}, ['http://localhost:8080/callback']).bothLoopbacks).toBe(true);
    expect(planListener({ host: 'LOCALHOST' }, []).bothLoopbacks).toBe(true);
    // Named by address, or bound where the user said: one address.
    expect(planListener({}, ['http://127.0.0.1:8080/callback']).bothLoopbacks).toBe(false);
    expect(planListener({ host: '127.0.0.1' }, ['http://localhost:8080/callback']).bothLoopbacks).toBe(false);
    expect(planListener({ host: '0.0.0.0' }, ['http://localhost:8080/callback']).bothLoopbacks).toBe(false);
  });

  it('keeps the redirect_uri\'s query for the addresses it shows, unless --path replaced the path', () => {
    expect(planListener({}, ['http://192.168.1.20:8000/cb?from=menu']).search).toBe('?from=menu');
    expect(planListener({ port: '8000' }, ['http://192.168.1.20:8000/cb?from=menu']).search).toBe('?from=menu');
    expect(planListener({ path: '/x' }, ['http://192.168.1.20:8000/cb?from=menu']).search).toBe('');
    expect(planListener({}, ['https://www.example.com/cb?from=menu']).search).toBe('');
  });

  it('names a public redirect_uri it could not use, and never takes port or path from it', () => {
    const plan = planListener({}, ['https://www.example.com:8443/wechat/callback']);
    expect(plan).toMatchObject({ port: 8080, path: '/callback', notLocal: 'https://www.example.com:8443/wechat/callback' });
  });

  // WeChat sends the browser to the redirect_uri: a listener on another port or path never sees it.
  it('names the port or path the redirect_uri sends the callback to when --port / --path differ', () => {
    const uri = 'http://127.0.0.1:5174/wx/cb';
    expect(planListener({ port: '5175' }, [uri]).mismatch).toEqual({ redirectUri: uri, port: 5174 });
    expect(planListener({ path: '/cb' }, [uri]).mismatch).toEqual({ redirectUri: uri, path: '/wx/cb' });
    expect(planListener({ port: '5174', path: '/wx/cb' }, [uri]).mismatch).toBeUndefined();
    expect(planListener({ port: '5175' }, ['https://www.example.com/cb']).mismatch).toBeUndefined();
  });

  it('names a LAN redirect_uri whose IP this machine does not have, with the addresses it does have', () => {
    const uri = 'http://192.168.1.20:8080/callback';
    expect(planListener({}, [uri], () => ['192.168.1.7']).elsewhere).toEqual({ redirectUri: uri, host: '192.168.1.20', here: ['192.168.1.7'], use: 'http://192.168.1.7:8080/callback' });
    // The Wi-Fi address is suggested before a public or bridge one, and the query is kept.
    expect(planListener({}, ['http://192.168.1.20:8080/cb?x=1'], () => ['203.0.113.5', '192.168.1.7']).elsewhere?.use).toBe('http://192.168.1.7:8080/cb?x=1');
    expect(planListener({}, [uri], () => ['192.168.1.20']).elsewhere).toBeUndefined();
    // Loopback is always here; a public one is not local at all (named as notLocal instead).
    expect(planListener({}, ['http://127.0.0.1:8080/cb'], () => []).elsewhere).toBeUndefined();
    expect(planListener({}, ['https://www.example.com/cb'], () => []).elsewhere).toBeUndefined();
  });

  it('takes a redirect_uri on one of this machine\'s own public addresses (a cloud server), bound to every interface', () => {
    const uri = 'http://203.0.113.5:8080/wx/cb';
    const plan = planListener({}, [uri], () => ['203.0.113.5']);
    expect(plan).toMatchObject({ host: '0.0.0.0', port: 8080, path: '/wx/cb', source: 'redirect', redirectUri: uri, allowedHosts: ['203.0.113.5'] });
    expect(plan.notLocal).toBeUndefined();
    // Another machine's public address is still not one the listener can receive.
    expect(planListener({}, [uri], () => ['198.51.100.9']).notLocal).toBe(uri);
  });

  it('suggests only an address it would then accept, even when the machine has no private one', () => {
    const machine = () => ['192.0.2.2'];
    const suggested = planListener({}, ['http://192.168.1.5:8080/callback'], machine).elsewhere?.use;
    expect(suggested).toBe('http://192.0.2.2:8080/callback');
    expect(planListener({}, [suggested], machine)).toMatchObject({ redirectUri: suggested, host: '0.0.0.0' });
  });

  it('accepts the redirect host in the Host header (a hosts-file name pointing here)', () => {
    expect(planListener({}, ['http://127.0.0.1:5174/cb']).allowedHosts).toEqual(['127.0.0.1']);
  });

  it.each([
    [{ port: '65536' }, 'listen.port.invalid'],
    [{ port: '-1' }, 'listen.port.invalid'],
    [{ port: '80a' }, 'listen.port.invalid'],
    [{ timeout: '0' }, 'listen.timeout.invalid'],
    [{ timeout: 'soon' }, 'listen.timeout.invalid'],
    [{ timeout: '86401' }, 'listen.timeout.invalid'],
    [{ path: 'callback' }, 'listen.path.invalid'],
    [{ path: '/cb?x=1' }, 'listen.path.invalid'],
    // Characters a browser sends percent-encoded: no callback would match, and a relay page would forward nowhere.
    [{ path: '/cb"' }, 'listen.path.char'],
    [{ path: '/cb{id}' }, 'listen.path.char'],
    [{ path: '/c b' }, 'listen.path.char'],
    [{ path: '/cb<x>' }, 'listen.path.char'],
    [{ path: '/回调' }, 'listen.path.char'],
    [{ host: 'a b' }, 'listen.host.invalid'],
  ])('%j is a usage error (%s)', (flags, key) => {
    let error: unknown;
    try {
      planListener(flags, []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).messageRef.key).toBe(key);
    expect((error as UsageError).hint).toBeDefined();
  });

  it('reads --timeout in seconds', () => {
    expect(planListener({ timeout: '2.5' }, []).timeoutMs).toBe(2500);
    expect(planListener({}, []).timeoutMs).toBe(300_000);
  });

  it('only http loopback / private-LAN redirect URIs are local', () => {
    expect(localRedirect('http://[::1]:3000/cb')).toEqual({ host: '::1', port: 3000, path: '/cb', search: '' });
    expect(localRedirect('https://127.0.0.1/cb')).toBeUndefined();
    expect(localRedirect('http://172.32.0.1/cb')).toBeUndefined();
    expect(localRedirect('http://172.20.0.1/cb')).toMatchObject({ host: '172.20.0.1' });
    expect(localRedirect('not a url')).toBeUndefined();
  });
});

describe('evaluatePastedCallback', () => {
  const code = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
  it('takes the code from a full URL, a hash route or a bare query', () => {
    expect(evaluatePastedCallback(`https://www.example.com/cb?code=${code}&state=s`, 's', 0).code).toBe(code);
    expect(evaluatePastedCallback(`https://www.example.com/#/login?code=${code}&state=s`, 's', 0).state).toBe('s');
    expect(evaluatePastedCallback(`code=${code}&state=s`, undefined, 0).stateChecked).toBe(false);
  });

  it('refuses a mismatching state, reports a refusal, and asks again when there is no code', () => {
    expect(() => evaluatePastedCallback(`https://a.com/cb?code=${code}&state=old`, 'new', 0)).toThrow(CallbackError);
    const denied = (() => {
      try {
        evaluatePastedCallback('https://a.com/cb?state=new', 'new', 0);
      } catch (e) {
        return e as CallbackError;
      }
    })();
    expect(denied?.failure).toBe('denied');
    expect(() => evaluatePastedCallback('https://a.com/cb', 'new', 0)).toThrow(UsageError);
    expect(() => evaluatePastedCallback('https://a.com/cb?code=&state=new', 'new', 0)).toThrow(UsageError);
  });

  it('judges as the listener does (decideCallbackHit): a state-only callback with another state is a mismatch', () => {
    const error = (() => {
      try {
        evaluatePastedCallback('https://a.com/cb?state=old&uin=', 'new', 0);
      } catch (e) {
        return e as CallbackError;
      }
    })();
    expect(error).toBeInstanceOf(CallbackError);
    expect(error?.failure).toBe('state_mismatch');
  });

  it('says a state-only callback may have been cut at "&", as exchange does', () => {
    const error = (() => {
      try {
        evaluatePastedCallback('https://a.com/cb?state=new', 'new', 0);
      } catch (e) {
        return e as CallbackError;
      }
    })();
    expect(error?.messageRef).toEqual({ key: 'listen.stateOnly.cut', params: { state: 'new' } });
  });

  it('strips quotes around a pasted URL', () => {
    expect(evaluatePastedCallback(`"https://a.com/cb?code=${code}&state=s"`, 's', 0).code).toBe(code);
  });
});

describe('buildRelaySnippet', () => {
  const texts = { title: 'Forwarding</title><script>', blocked: 'blocked', noCode: 'no code', expired: 'expired' };
  it('writes the allowlist into the page and takes no target from the URL', () => {
    const html = buildRelaySnippet({ targets: ['http://127.0.0.1:8080/callback', 'javascript:alert(1)', 'http://192.168.1.2:8080/callback'], lang: 'en', texts, now: Date.now() });
    expect(html).toContain('"targets":["http://127.0.0.1:8080/callback","http://192.168.1.2:8080/callback"]');
    expect(html).not.toContain('javascript:alert');
    // Only `to` (an index), `code` and `state` (their last values, WeChat's) are read from the query.
    expect([...html.matchAll(/(?:q\.get|last)\('(\w+)'\)/g)].map((m) => m[1]).sort()).toEqual(['code', 'state', 'to']);
    expect([...html.matchAll(/q\.(get|getAll)\(/g)].map((m) => m[1]).sort()).toEqual(['get', 'getAll']);
    // Texts are escaped in HTML and in the script.
    expect(html).toContain('<title>Forwarding&#60;/title&#62;&#60;script&#62;</title>');
    expect(html).toContain('Forwarding\\u003c/title\\u003e\\u003cscript\\u003e');
  });

  it('writes in when it stops forwarding: made at `now`, for an hour unless told otherwise', () => {
    const now = Date.UTC(2026, 0, 15, 10, 0, 0);
    expect(buildRelaySnippet({ targets: ['http://127.0.0.1:8080/callback'], lang: 'en', texts, now })).toContain(`"expires":${now + 3_600_000}`);
    const short = buildRelaySnippet({ targets: ['http://127.0.0.1:8080/callback'], lang: 'en', texts, now, ttlMinutes: 5 });
    expect(short).toContain(`"expires":${now + 300_000}`);
    expect(short).toContain('forwards until 2026-01-15T10:05:00.000Z');
    // The expiry is checked before anything is read from the address.
    expect(short.indexOf('Date.now() < c.expires')).toBeLessThan(short.indexOf('location.search'));
  });
});

import { describe, expect, it } from 'vitest';
import { exampleRedirectUri, httpCodeInClear, isLoopbackHost, isPrivateLanHost, matchCallbackDomain } from '../../src/core/domain.js';
import { isLoopbackHost as hostNamesLoopback, isPrivateLanHost as hostNamesLan } from '../../src/core/host-names.js';
import { savedRedirectCautions } from '../../src/core/redirect-cautions.js';

// The doc's own example: "配置以后此域名下面的页面 http://www.qq.com/music.html 、 http://www.qq.com/login.html
// 都可以进行OAuth2.0鉴权。但 http://pay.qq.com 、 http://music.qq.com 、 http://qq.com 无法进行OAuth2.0鉴权".
describe('matchCallbackDomain', () => {
  const svc = (redirectUri: string, domain = 'www.qq.com') => matchCallbackDomain({ redirectUri, domain, accountType: 'service' });

  it('accepts any path and query under the exact host', () => {
    expect(svc('http://www.qq.com/music.html')).toMatchObject({ ok: true });
    expect(svc('https://WWW.QQ.COM/login.html?x=1#y')).toMatchObject({ ok: true });
    expect(svc('https://www.qq.com:443/cb')).toMatchObject({ ok: true });
  });

  it('rejects siblings, subdomains and the parent', () => {
    expect(svc('http://pay.qq.com/')).toMatchObject({ ok: false, reason: 'host' });
    expect(svc('http://qq.com/')).toMatchObject({ ok: false, reason: 'parent' });
    expect(svc('http://m.www.qq.com/')).toMatchObject({ ok: false, reason: 'subdomain' });
  });

  it('rejects any port on production accounts', () => {
    expect(svc('https://www.qq.com:8443/cb')).toMatchObject({ ok: false, reason: 'port', port: '8443' });
    expect(matchCallbackDomain({ redirectUri: 'https://a.com:8080/', domain: 'a.com', accountType: 'website' })).toMatchObject({ ok: false, reason: 'port' });
  });

  it('lets test accounts use IP:port, matching the configured port exactly', () => {
    const t = (redirectUri: string) => matchCallbackDomain({ redirectUri, domain: '82.157.150.202:7002', accountType: 'test' });
    expect(t('http://82.157.150.202:7002/cb')).toMatchObject({ ok: true });
    expect(t('http://82.157.150.202:7003/cb')).toMatchObject({ ok: false, reason: 'port' });
    expect(t('http://82.157.150.202/cb')).toMatchObject({ ok: false, reason: 'port' });
  });

  it('refuses an IP on account types that can only register domains', () => {
    expect(matchCallbackDomain({ redirectUri: 'http://10.0.0.1/cb', domain: '10.0.0.1', accountType: 'service' })).toMatchObject({ ok: false, reason: 'ip' });
  });

  it('rejects non-http(s) and unparsable redirect URIs', () => {
    expect(svc('ftp://www.qq.com/x')).toMatchObject({ ok: false, reason: 'scheme' });
    expect(svc('www.qq.com/x')).toMatchObject({ ok: false, reason: 'invalid_uri' });
  });

  it('flags a configured domain that is not host[:port]', () => {
    expect(svc('https://www.qq.com/', 'https://www.qq.com/')).toMatchObject({ ok: false, reason: 'bad_domain' });
  });
});

describe('exampleRedirectUri: an example under the domain in use', () => {
  it('https under a real domain, http on this machine, the docs’ example without one', () => {
    expect(exampleRedirectUri('passport.example.cn')).toBe('https://passport.example.cn/oauth/callback');
    expect(exampleRedirectUri('localhost')).toBe('http://localhost/oauth/callback');
    expect(exampleRedirectUri('127.0.0.1:8080')).toBe('http://127.0.0.1:8080/oauth/callback');
    expect(exampleRedirectUri(undefined)).toBe('https://www.example.com/oauth/callback');
    // A name that only starts like a loopback address is a site of its own.
    expect(exampleRedirectUri('127.evil.com')).toBe('https://127.evil.com/oauth/callback');
  });
});

describe('isLoopbackHost', () => {
  it('is this machine only: localhost in any case, 127.x.x.x, ::1 bracketed or not', () => {
    for (const h of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['127.evil.com', 'localhost.evil.com', '10.0.0.1', '']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('agrees with host-names’ copy (kept apart so that url and inspect read one chunk less)', () => {
    for (const h of ['localhost', 'LocalHost', '127.0.0.1', '127.255.0.9', '::1', '[::1]', '127.evil.com', 'example.com', '[::2]', '128.0.0.1']) {
      expect(isLoopbackHost(h), h).toBe(hostNamesLoopback(h));
    }
  });
});

describe('isPrivateLanHost', () => {
  it('agrees with host-names’ copy (kept apart so that url and inspect read one chunk less)', () => {
    for (const h of ['10.0.0.1', '192.168.1.5', '172.16.0.1', '172.31.255.255', '172.32.0.1', '169.254.1.1', '11.0.0.1', '192.169.0.1', 'localhost', 'example.com', '[::1]', '']) {
      expect(isPrivateLanHost(h), h).toBe(hostNamesLan(h));
    }
  });
});

describe('httpCodeInClear', () => {
  it('is a public host of an account that is not a test account: not this machine, the LAN, or a test account', () => {
    expect(httpCodeInClear('www.example.com', 'service')).toBe(true);
    expect(httpCodeInClear('www.example.com', undefined)).toBe(true);
    expect(httpCodeInClear('8.8.8.8', 'service')).toBe(true);
    for (const h of ['127.0.0.1', 'localhost', 'app.localhost', 'App.Localhost', '[::1]', '192.168.1.5', '10.0.0.2']) expect(httpCodeInClear(h, 'service'), h).toBe(false);
    expect(httpCodeInClear('localhost.example.com', 'service')).toBe(true);
    expect(httpCodeInClear('82.157.150.202', 'test')).toBe(false);
  });
});

describe('savedRedirectCautions and httpCodeInClear', () => {
  it('note an http redirect_uri by the same rule (init and config set, url and inspect)', () => {
    for (const host of ['www.example.com', '8.8.8.8', '127.0.0.1', 'LOCALHOST', 'app.localhost', 'localhost.example.com', '[::1]', '192.168.1.5', '172.20.0.1', '169.254.0.1']) {
      for (const type of ['service', 'website', 'test', undefined]) {
        const noted = savedRedirectCautions(`http://${host}:8080/cb`, type).some((c) => c.id === 'redirect_uri.http');
        expect(noted, `${host} ${type}`).toBe(httpCodeInClear(new URL(`http://${host}/`).hostname, type));
      }
    }
  });
});

// withHttpScheme: an address typed without its scheme, and what is not one.
import { describe, expect, it } from 'vitest';
import { answeredPlainHttp, httpsOf, plainHttpOf, withHttpScheme } from '../../src/core/endpoints.js';

describe('withHttpScheme', () => {
  it.each([
    ['127.0.0.1:3900', 'http://127.0.0.1:3900'],
    ['localhost:3000/login?next=/me', 'http://localhost:3000/login?next=/me'],
    ['www.example.com', 'http://www.example.com'],
    ['[::1]:8080/cb', 'http://[::1]:8080/cb'],
    // A port alone is this machine's (http://4000 would be the IP 0.0.15.160).
    ['4000', 'http://127.0.0.1:4000'],
    [':4000/auth/wechat', 'http://127.0.0.1:4000/auth/wechat'],
  ])('%s → %s', (value, url) => {
    expect(withHttpScheme(value)).toBe(url);
  });

  it.each(['http://127.0.0.1:3900', 'ftp://x', 'mailto:a@b.c', '', 'not a url', '/login', 'localhost:99999999', '0', '70000'])('%s is not an address missing its scheme', (value) => {
    expect(withHttpScheme(value)).toBeUndefined();
  });
});

describe('isWechatApiBase (core): which API hosts a WeChat error is said to come from WeChat itself', () => {
  it('each of WeChat’s API hosts by name, whatever the scheme; an emulator, a proxy or a look-alike not', async () => {
    const { isWechatApiBase } = await import('../../src/core/endpoints.js');
    for (const base of ['https://api.weixin.qq.com', 'http://api.weixin.qq.com', 'https://api2.weixin.qq.com', 'https://sh.api.weixin.qq.com', 'https://hk.api.weixin.qq.com', 'https://API.weixin.qq.com:443'])
      expect(isWechatApiBase(base), base).toBe(true);
    for (const base of ['http://127.0.0.1:3900', 'https://api.weixin.qq.com.evil.example', 'https://weixin.qq.com', 'not a url']) expect(isWechatApiBase(base), base).toBe(false);
  });
});

describe('a TLS hello answered in plain HTTP', () => {
  it('is told by OpenSSL\'s code or words, not by a certificate error', () => {
    expect(answeredPlainHttp('ERR_SSL_WRONG_VERSION_NUMBER')).toBe(true);
    expect(answeredPlainHttp('C0B7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number')).toBe(true);
    expect(answeredPlainHttp('ERR_SSL_PACKET_LENGTH_TOO_LONG')).toBe(true);
    expect(answeredPlainHttp('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe(false);
    expect(answeredPlainHttp('CERT_HAS_EXPIRED')).toBe(false);
  });

  it('the http:// base keeps the port and the path prefix the https:// one had', () => {
    expect(plainHttpOf('https://127.0.0.1:3900')).toBe('http://127.0.0.1:3900');
    expect(plainHttpOf('https://gw.example.com/wechat')).toBe('http://gw.example.com:443/wechat');
    expect(plainHttpOf('https://gw.example.com')).toBe('http://gw.example.com:443');
  });

  it('the https:// base (an http:// one aimed at a TLS port) keeps the port and the path prefix alike', () => {
    expect(httpsOf('http://127.0.0.1:3900')).toBe('https://127.0.0.1:3900');
    expect(httpsOf('http://gw.example.com/wechat/')).toBe('https://gw.example.com:80/wechat/');
    expect(httpsOf('http://gw.example.com')).toBe('https://gw.example.com:80');
  });
});

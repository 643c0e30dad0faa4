// Which proxy a network error names: the one undici really used for that URL, NO_PROXY included
// (a request NO_PROXY sent direct must not be blamed on the proxy).
import { describe, expect, it } from 'vitest';
import { proxyFor } from '../../src/http/client.js';

const settings = (over: Partial<{ httpProxy: string; httpsProxy: string; noProxy: string }>) => ({ httpProxy: '', httpsProxy: '', noProxy: '', ...over });

describe('proxyFor', () => {
  it('names HTTPS_PROXY for https, HTTP_PROXY when only that is set, with the password masked', () => {
    expect(proxyFor('https://api.weixin.qq.com/cgi-bin/token', settings({ httpsProxy: 'http://u:pw@10.0.0.1:3128' }))).toEqual({ shown: 'http://u:***@10.0.0.1:3128', variable: 'HTTPS_PROXY', hostname: '10.0.0.1', port: '3128' });
    expect(proxyFor('https://api.weixin.qq.com/cgi-bin/token', settings({ httpProxy: 'http://10.0.0.2' }))).toMatchObject({ variable: 'HTTP_PROXY', port: '80' });
    expect(proxyFor('http://127.0.0.1:9/sns/auth', settings({ httpsProxy: 'http://10.0.0.1:3128' }))).toBeUndefined();
  });

  it('names no proxy for a host NO_PROXY sends direct', () => {
    const s = settings({ httpsProxy: 'http://10.0.0.1:3128', httpProxy: 'http://10.0.0.1:3128', noProxy: 'localhost,127.0.0.1,.weixin.qq.com' });
    expect(proxyFor('https://api.weixin.qq.com/cgi-bin/token', s)).toBeUndefined();
    expect(proxyFor('http://127.0.0.1:8080/sns/auth', s)).toBeUndefined();
    expect(proxyFor('https://example.com/', s)).toMatchObject({ variable: 'HTTPS_PROXY' });
  });
});

import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, buildWxLoginEmbed } from '../../src/core/authorize-url.js';
import { inspectUrl } from '../../src/core/inspect.js';

describe('buildAuthorizeUrl', () => {
  it("reproduces the doc's qrconnect example byte for byte", () => {
    const { url } = buildAuthorizeUrl({
      endpoint: 'qrconnect',
      appid: 'wxbdc5610cc59c1631',
      redirectUri: 'https://passport.yhd.com/wechat/callback.do',
      scope: 'snsapi_login',
      state: '3d6be0a4035d839573b04816624a415e',
    });
    expect(url).toBe(
      'https://open.weixin.qq.com/connect/qrconnect?appid=wxbdc5610cc59c1631&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fwechat%2Fcallback.do&response_type=code&scope=snsapi_login&state=3d6be0a4035d839573b04816624a415e#wechat_redirect',
    );
  });

  it("reproduces the old doc's authorize example, query-bearing redirect_uri included", () => {
    const { url, params } = buildAuthorizeUrl({
      endpoint: 'authorize',
      appid: 'wx520c15f417810387',
      redirectUri: 'https://chong.qq.com/php/index.php?d=&c=wxAdapter&m=mobileDeal&showwxpaytitle=1&vb2ctag=4_2030_5_1194_60',
      scope: 'snsapi_base',
      state: '123',
    });
    expect(url).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387&redirect_uri=https%3A%2F%2Fchong.qq.com%2Fphp%2Findex.php%3Fd%3D%26c%3DwxAdapter%26m%3DmobileDeal%26showwxpaytitle%3D1%26vb2ctag%3D4_2030_5_1194_60&response_type=code&scope=snsapi_base&state=123#wechat_redirect',
    );
    expect(params.map(([k]) => k)).toEqual(['appid', 'redirect_uri', 'response_type', 'scope', 'state']);
  });

  it('encodes redirect_uri exactly once, even if it already contains escapes', () => {
    const { url } = buildAuthorizeUrl({ endpoint: 'authorize', appid: 'wx807d86fb6b3d4fd2', redirectUri: 'https://a.com/cb?next=%2Fhome', scope: 'snsapi_base', state: 'x' });
    expect(url).toContain('redirect_uri=https%3A%2F%2Fa.com%2Fcb%3Fnext%3D%252Fhome&');
    expect(inspectUrl(url).redirectUri).toBe('https://a.com/cb?next=%2Fhome');
  });

  it('puts forcePopup and lang after state, before the fragment, and honours the open base', () => {
    const a = buildAuthorizeUrl({ openBase: 'http://127.0.0.1:4000/', endpoint: 'authorize', appid: 'wx807d86fb6b3d4fd2', redirectUri: 'https://a.com/', scope: 'snsapi_userinfo', state: 'x', forcePopup: true });
    expect(a.url).toBe('http://127.0.0.1:4000/connect/oauth2/authorize?appid=wx807d86fb6b3d4fd2&redirect_uri=https%3A%2F%2Fa.com%2F&response_type=code&scope=snsapi_userinfo&state=x&forcePopup=true#wechat_redirect');
    const q = buildAuthorizeUrl({ endpoint: 'qrconnect', appid: 'wxbdc5610cc59c1631', redirectUri: 'https://a.com/', scope: 'snsapi_login', state: 'x', lang: 'en' });
    expect(q.url).toMatch(/&state=x&lang=en#wechat_redirect$/);
  });

  it('omits state when undefined', () => {
    const { url } = buildAuthorizeUrl({ endpoint: 'authorize', appid: 'wx807d86fb6b3d4fd2', redirectUri: 'https://a.com/', scope: 'snsapi_base' });
    expect(url).toMatch(/scope=snsapi_base#wechat_redirect$/);
  });
});

describe('buildWxLoginEmbed', () => {
  it('builds the iframe URL the way wxLogin.js does', () => {
    const e = buildWxLoginEmbed({ appid: 'wxbdc5610cc59c1631', redirectUri: 'https://passport.yhd.com/cb', state: 'k3Vd8Q' });
    expect(e.iframeUrl).toBe(
      'https://open.weixin.qq.com/connect/qrconnect?appid=wxbdc5610cc59c1631&scope=snsapi_login&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fcb&state=k3Vd8Q&login_type=jssdk&self_redirect=false&styletype=&sizetype=&bgcolor=&rst=&style=black',
    );
    expect(e.config).toMatchObject({ appid: 'wxbdc5610cc59c1631', scope: 'snsapi_login', redirect_uri: 'https%3A%2F%2Fpassport.yhd.com%2Fcb', self_redirect: false, id: 'login_container' });
    expect(e.html).toContain('new WxLogin({');
    expect(e.html).toContain('<script src="https://res.wx.qq.com/connect/zh_CN/htmledition/js/wxLogin.js"></script>');
    const inspected = inspectUrl(e.iframeUrl, { profile: { appid: 'wxbdc5610cc59c1631', type: 'website', domain: 'passport.yhd.com' } });
    expect(inspected.embedded).toBe(true);
    expect(inspected.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

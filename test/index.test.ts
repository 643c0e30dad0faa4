// The programmatic API a user's own test suite would use: `import { startEmulator, WechatApi } from 'wxauth'`.
import { describe, expect, it } from 'vitest';
import { WechatApi, WechatApiError, buildAuthorizeUrl, inspectUrl, startEmulator } from 'wxauth';

describe('package exports', () => {
  it('lets a test suite start the emulator and talk to it with the typed client', async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      const app = emu.apps.find((a) => a.type === 'service');
      expect(app).toBeDefined();
      const api = new WechatApi({ apiBase: emu.url, timeoutMs: 3000 });
      const first = await api.getStableToken({ appid: app!.appid, secret: app!.secret });
      const second = await api.getStableToken({ appid: app!.appid, secret: app!.secret });
      expect(second.data.access_token).toBe(first.data.access_token);
      const err = await api.exchangeCode({ appid: app!.appid, secret: app!.secret, code: '0'.repeat(32) }).catch((e) => e);
      expect(err).toBeInstanceOf(WechatApiError);
      expect(err.errcode).toBe(40029);
    } finally {
      await emu.close();
    }
  });

  it('builds a URL that its own linter accepts', () => {
    const built = buildAuthorizeUrl({
      endpoint: 'authorize',
      appid: 'wx1234567890abcdef',
      redirectUri: 'https://www.example.com/cb?a=1&b=2',
      scope: 'snsapi_userinfo',
      state: 'abc123',
    });
    const result = inspectUrl(built.url, { profile: { appid: 'wx1234567890abcdef', type: 'service', domain: 'www.example.com' } });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(built.url).toContain('redirect_uri=https%3A%2F%2Fwww.example.com%2Fcb%3Fa%3D1%26b%3D2');
  });
});

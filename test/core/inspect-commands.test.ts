// The commands inspect's fixes (and url's refusals, which quote them) tell the user to run. A value that
// comes from the URL under inspection is anyone's text: it must never reach such a command as shell
// syntax (`wxauth config set domain x;{touch,p};x.com` ran `touch` when pasted into bash).
import { describe, expect, it } from 'vitest';
import { findingKeys, inspectUrl, type Finding, type InspectContext } from '../../src/core/inspect.js';
import { tKey } from '../../src/ui/i18n.js';

const OA = 'wx807d86fb6b3d4fd2';
const AUTH = 'https://open.weixin.qq.com/connect/oauth2/authorize';
const EMU = 'http://127.0.0.1:3900';
const service: InspectContext = { profile: { appid: OA, type: 'service', domain: 'www.example.com' } };

function link(redirectUri: string, { base = AUTH, appid = OA } = {}): string {
  return `${base}?appid=${encodeURIComponent(appid)}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=snsapi_base&state=abcDEF123#wechat_redirect`;
}

/** A finding's params as the presenter (ui/findings.ts renderFinding) fills them: {p} is the profile flag, here the default profile's (empty). */
const filled = (params: Finding['params'] | undefined, p = '') => ({ ...params, p });

/** Every sentence of every finding, in both languages. */
function texts(url: string, ctx: InspectContext): string[] {
  return inspectUrl(url, ctx).findings.flatMap((f) =>
    Object.values(findingKeys(f.id)).flatMap((key) => (['zh', 'en'] as const).map((lang) => tKey(lang, key, filled(f.params)))),
  );
}

describe('a host from the URL in a command the fix prints', () => {
  it('is not offered as a domain to configure when no domain can be it (shell syntax in the host)', () => {
    for (const host of ['x;{touch,wxauth-pwned};x.com', 'x;{touch,p}.www.example.com', 'a$(id).example.com', "it's.example.com", 'a&b.example.com', 'a!b,c.example.com']) {
      for (const ctx of [service, { profile: { appid: OA, type: 'test' as const, domain: '127.0.0.1:8080' } }, {}]) {
        const result = inspectUrl(link(`https://${host}/cb`), ctx);
        expect(result.findings.filter((f) => f.severity !== 'info').map((f) => f.id), host).toEqual(['redirect_uri.invalid']);
        for (const text of texts(link(`https://${host}/cb`), ctx)) expect(text).not.toMatch(/wxauth [^。.]*(touch|\$\(|it's|a&b|a!b)/);
      }
    }
  });

  it('names the profile that was linted against, so the command changes that one and not the current one', () => {
    const domainHost = inspectUrl(link('https://api.other.com/cb'), service).findings.find((f) => f.id === 'domain.host');
    expect(tKey('en', 'inspect.domain.host.fix', filled(domainHost?.params, ' --profile svc'))).toContain('wxauth config set domain api.other.com --profile svc.');
    const port = inspectUrl(link('http://192.168.1.10:8080/cb'), { profile: { appid: OA, type: 'service' } }).findings.find((f) => f.id === 'redirect_uri.port');
    // The host and port of the URL, not a <host:port> the shell would read as a redirection.
    expect(tKey('zh', 'inspect.redirect_uri.port.fix', filled(port?.params, ' --profile svc'))).toContain('wxauth config set domain 192.168.1.10:8080 --profile svc。');
  });

  it('is one shell word where it is offered: a bracketed IPv6 test-account domain is quoted', () => {
    const ctx: InspectContext = { profile: { appid: OA, type: 'test', domain: '127.0.0.1:8080' } };
    const finding = inspectUrl(link('http://[::2]:8080/cb'), ctx).findings.find((f) => f.id === 'domain.host');
    expect(finding?.params).toMatchObject({ configure: '[::2]:8080', configureArg: "'[::2]:8080'" });
    expect(tKey('en', 'inspect.domain.host.fix', filled(finding?.params))).toContain("wxauth config set domain '[::2]:8080'.");
    // A plain domain stays as it is.
    const plain = inspectUrl(link('https://api.other.com/cb'), service).findings.find((f) => f.id === 'domain.host');
    expect(tKey('zh', 'inspect.domain.host.fix', filled(plain?.params))).toContain('wxauth config set domain api.other.com。');
  });
});

describe("the URL's appid in the emulator's --domain", () => {
  const emulator: InspectContext = { ...service, openBase: EMU };
  it('is the appid itself when it is one', () => {
    const finding = inspectUrl(link('http://127.0.0.1:8080/cb', { base: `${EMU}/connect/oauth2/authorize` }), { ...emulator, profile: { ...service.profile, domain: 'localhost' } }).findings.find(
      (f) => f.id === 'domain.emulator_host_ip',
    );
    expect(finding?.params.appid).toBe(OA);
    expect(tKey('en', 'inspect.domain.emulator_host_ip.fix', filled(finding?.params))).toContain(`wxauth login --host localhost --port 0, with the emulator started as wxauth emulator --domain "${OA}=localhost:*" (`);
  });

  it('is the placeholder APPID when the URL carries shell syntax there', () => {
    const hostile = '$(touch pwned)`id`';
    const cases: Array<[string, InspectContext, string]> = [
      ['http://127.0.0.1:8080/cb', { ...emulator, profile: { ...service.profile, domain: 'localhost' } }, 'domain.emulator_host_ip'],
      ['http://localhost:8080/cb', { ...emulator, profile: { ...service.profile, domain: 'localhost' } }, 'domain.emulator_only_oa'],
      ['http://localhost:8080/cb', { ...emulator, profile: { appid: OA, type: 'website', domain: 'localhost' } }, 'domain.emulator_only'],
      ['http://127.0.0.1:8080/cb', { profile: { appid: OA, type: 'website', domain: 'localhost' } }, 'domain.host_ip_website'],
    ];
    for (const [uri, ctx, id] of cases) {
      const path = ctx.profile?.type === 'website' ? 'qrconnect' : 'oauth2/authorize';
      const base = `${ctx.openBase ?? 'https://open.weixin.qq.com'}/connect/${path}`;
      const url = link(uri, { base, appid: hostile }).replace('snsapi_base', ctx.profile?.type === 'website' ? 'snsapi_login' : 'snsapi_base');
      const finding = inspectUrl(url, ctx).findings.find((f) => f.id === id);
      expect(finding, id).toBeDefined();
      expect(finding?.params.appid, id).toBe('APPID');
      for (const lang of ['zh', 'en'] as const) {
        const fix = tKey(lang, findingKeys(finding!.id).fix, filled(finding!.params));
        expect(fix, id).toContain('wxauth emulator --domain "APPID=');
        expect(fix, id).not.toContain('touch');
      }
    }
  });
});

// The authorize flow that `url` and `login` share: which endpoint and scope it picks, what it refuses
// (a table, without the CLI), that --force turns refusals into findings, that the state is remembered
// only for an accepted URL — and, through the CLI, that url and login refuse with the same words.
import { describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../src/errors.js';
import type { StateEntry } from '../../src/store/state.js';
import {
  authorize,
  chooseEndpoint,
  defaultScope,
  planAuthorize,
  websiteProfile,
  type AuthorizeConfig,
  type AuthorizeHooks,
  type AuthorizeRequest,
  type LintFinding,
} from '../../src/flows/authorize.js';
import { runCli, tempConfigDir } from '../e2e/helpers.js';

const OA = 'wx807d86fb6b3d4fd2';
const WEB = 'wxbdc5610cc59c1631';
const TEST = 'wx5e1ec0de00000002';
const OPEN = 'https://open.weixin.qq.com';

const service: AuthorizeConfig = { profile: 'default', appid: OA, type: 'service', domain: 'www.example.com', redirectUri: 'https://www.example.com/oauth/callback', openBase: OPEN };
const website: AuthorizeConfig = { profile: 'web', appid: WEB, type: 'website', domain: 'passport.example.com', redirectUri: 'https://passport.example.com/cb', openBase: OPEN };
const testAccount: AuthorizeConfig = { profile: 'test', appid: TEST, type: 'test', openBase: OPEN };

/** Words that name the finding, so a test can see which one the refusal quotes. */
function recordingHooks(): AuthorizeHooks {
  return {
    describe: (f) => ({ message: `<${f.id}>`, effect: `<${f.keys.effect}>`, fix: `<${f.keys.fix}>` }),
    alsoRefused: (f) => ({ key: 'url.refused.other', params: { message: `<${f.id}>` } }),
  };
}

function refusal(request: AuthorizeRequest): { error: UsageError; others: string[] } {
  const hooks = recordingHooks();
  try {
    planAuthorize(request, { hooks });
  } catch (error) {
    if (error instanceof UsageError) return { error, others: error.also.map((m) => String((m.params as { message?: string } | undefined)?.message)) };
    throw error;
  }
  throw new Error('not refused');
}

describe('chooseEndpoint and defaultScope', () => {
  const table: Array<[Parameters<typeof chooseEndpoint>, string]> = [
    [['qrconnect', 'service', undefined], 'qrconnect'],
    [['authorize', 'website', 'snsapi_login'], 'authorize'],
    [[undefined, 'website', undefined], 'qrconnect'],
    [[undefined, 'service', 'snsapi_login'], 'authorize'],
    [[undefined, 'test', undefined], 'authorize'],
    [[undefined, undefined, 'snsapi_login'], 'qrconnect'],
    [[undefined, undefined, 'snsapi_userinfo'], 'authorize'],
    [[undefined, undefined, undefined], 'authorize'],
  ];
  for (const [args, expected] of table) {
    it(`flag ${args[0] ?? '-'}, type ${args[1] ?? '-'}, scope ${args[2] ?? '-'} → ${expected}`, () => {
      expect(chooseEndpoint(...args)).toBe(expected);
    });
  }
  it('defaults to the silent scope on authorize and to snsapi_login on qrconnect', () => {
    expect(defaultScope('authorize')).toBe('snsapi_base');
    expect(defaultScope('qrconnect')).toBe('snsapi_login');
  });
});

describe('planAuthorize refuses what WeChat rejects', () => {
  const refused: Array<[string, AuthorizeRequest, string]> = [
    ['snsapi_login on authorize', { config: service, scope: 'snsapi_login', forceFlag: true }, 'scope.login_on_authorize'],
    ['snsapi_base on qrconnect', { config: website, scope: 'snsapi_base', forceFlag: true }, 'scope.oa_on_qrconnect'],
    ['a JSON-style state (authorize: an error)', { config: service, state: '{a:1}', forceFlag: true }, 'state.charset'],
    ['a qrconnect state with a brace (inspect only warns; url refuses)', { config: website, state: 'a{b', forceFlag: true }, 'state.charset'],
    ['a state over 128 bytes', { config: service, state: 'a'.repeat(129), forceFlag: true }, 'state.too_long'],
    ['a redirect_uri on another host', { config: service, redirectUri: 'https://api.example.org/cb', forceFlag: true }, 'domain.host'],
    ['a redirect_uri on the parent domain', { config: service, redirectUri: 'https://example.com/cb', forceFlag: true }, 'domain.parent'],
    ['a port on a production account', { config: service, redirectUri: 'https://www.example.com:8443/cb', forceFlag: true }, 'domain.port'],
    ['the local listener on a service account whose domain is localhost', { config: { ...service, domain: 'localhost' }, redirectUri: 'http://127.0.0.1:8080/callback', forceFlag: false }, 'domain.host_ip'],
    ['a port on a service account without a domain', { config: { ...service, domain: undefined }, redirectUri: 'http://127.0.0.1:8080/callback', forceFlag: false }, 'redirect_uri.port'],
    ['a website app on authorize', { config: website, endpoint: 'authorize', scope: 'snsapi_base', forceFlag: true }, 'appid.website_on_authorize'],
    ['a non-http(s) redirect_uri', { config: service, redirectUri: 'ftp://www.example.com/cb', forceFlag: true }, 'redirect_uri.bad_scheme'],
  ];
  for (const [name, request, id] of refused) {
    // WeChat itself takes a state with a brace, on either endpoint (it may come back altered, API-FACTS
    // §1.3): refused as wxauth's choice, not in WeChat's name.
    const key = id === 'state.charset' ? 'url.refused.policy' : 'url.refused';
    it(`${name} → ${id}, exit 2 (${key})`, () => {
      const { error } = refusal(request);
      expect(error.exitCode).toBe(2);
      expect(error.messageRef).toEqual({ key, params: { reason: `<${id}>`, effect: `<inspect.${id}.effect>` } });
      // snsapi_login's fix is a website app's profile, by name (tested below), not inspect's words.
      if (id !== 'scope.login_on_authorize') expect(error.hint?.params).toEqual({ fix: `<inspect.${id}.fix>` });
    });
  }

  it('quotes the first problem and carries the others as the refusal\'s further reasons', () => {
    const { error, others } = refusal({ config: service, state: 'a+b', redirectUri: 'https://api.example.org/cb', forceFlag: true });
    expect(error.messageRef.params?.reason).toBe('<domain.host>');
    expect(others).toEqual(['<state.charset>']);
  });

  it("speaks in WeChat's name first for what WeChat rejects, before a state it only hands back altered", () => {
    const { error, others } = refusal({ config: service, state: '登录', redirectUri: 'https://api.example.org/cb', forceFlag: true });
    expect(error.messageRef.key).toBe('url.refused');
    expect(error.messageRef.params?.reason).toBe('<domain.host>');
    expect(others).toEqual(['<state.charset>']);
    const forced = planAuthorize({ config: service, state: 'hello world', forceFlag: true, force: true }, { hooks: recordingHooks() });
    expect(forced.blocking.map((f) => [f.id, f.wechatRejects])).toEqual([['state.charset', false]]);
  });

  it('suggests --force to url, and to a caller without the flag (login) the fix and to run it again', () => {
    expect(refusal({ config: service, redirectUri: 'https://api.example.org/cb', forceFlag: true }).error.hint?.key).toBe('url.refused.hint');
    expect(refusal({ config: service, scope: 'bogus', forceFlag: false }).error.hint?.key).toBe('url.refused.hint.login');
  });

  it('snsapi_login on an official account: url or login on the saved website-app profile, by name, else how to make one under a free name', () => {
    const saved = (profiles: Record<string, { type?: string }>) => () => profiles;
    for (const [forceFlag, command] of [[false, 'login'], [true, 'url']] as const) {
      const key = command === 'login' ? 'url.refused.hint.login' : 'url.refused.hint';
      expect(refusal({ config: service, scope: 'snsapi_login', forceFlag }).error.hint).toEqual({ key: `${key}.noWebsite`, params: { name: 'web' } });
      // This account's own profile is named web: init --profile web would replace it.
      expect(refusal({ config: service, scope: 'snsapi_login', forceFlag, savedProfiles: saved({ Web: { type: 'service' } }) }).error.hint).toEqual({ key: `${key}.noWebsite`, params: { name: 'website' } });
      expect(refusal({ config: service, scope: 'snsapi_login', forceFlag, savedProfiles: saved({ web: { type: 'service' }, 'shop web': { type: 'website' } }) }).error.hint).toEqual({ key: `${key}.website`, params: { p: " --profile 'shop web'" } });
    }
  });

  it('--embed on an official account: url --embed on the saved website-app profile, else how to make one under a free name', () => {
    expect(refusal({ config: service, embed: true, forceFlag: true, savedProfiles: () => ({ default: { type: 'service' }, shop: { type: 'website' } }) }).error.hint).toEqual({ key: 'url.embed.authorize.hint.website', params: { p: ' --profile shop' } });
    expect(refusal({ config: service, embed: true, forceFlag: true, savedProfiles: () => ({ web: { type: 'service' } }) }).error.hint).toEqual({ key: 'url.embed.authorize.hint', params: { name: 'website' } });
  });

  it('offers web, website, qrlogin, then web2… as a new profile name, never one a profile has in any case', () => {
    expect(websiteProfile({})).toEqual({ free: 'web' });
    expect(websiteProfile({ WEB: {}, website: { type: 'test' }, QRLogin: {} })).toEqual({ free: 'web2' });
    expect(websiteProfile({ web: {}, website: {}, qrlogin: {}, web2: {} })).toEqual({ free: 'web3' });
    expect(websiteProfile({ a: { type: 'service' }, b: { type: 'website' }, c: { type: 'website' } })).toEqual({ saved: 'b' });
  });

  it('builds a UUID or base64url state (WeChat accepts it), with a warning (issue 12 item 2)', () => {
    for (const [config, state] of [[service, '3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f'], [website, 'eyJh_bGc.iOi']] as const) {
      const plan = planAuthorize({ config, state, forceFlag: true }, { hooks: recordingHooks() });
      expect(plan.blocking).toEqual([]);
      expect(plan.warnings.map((f) => f.id)).toEqual(['state.charset_unreserved']);
    }
  });

  it('accepts what WeChat accepts: a test account on its local listener, with a port', () => {
    const plan = planAuthorize({ config: testAccount, redirectUri: 'http://127.0.0.1:8080/callback', state: 'Abc123', forceFlag: false }, { hooks: recordingHooks() });
    expect(plan.url).toBe(`${OPEN}/connect/oauth2/authorize?appid=${TEST}&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback&response_type=code&scope=snsapi_base&state=Abc123#wechat_redirect`);
    expect(plan.blocking).toEqual([]);
    // The phone cannot reach 127.0.0.1: a warning, not a refusal (a LAN address or a relay fixes it).
    expect(plan.warnings.map((f) => f.id)).toEqual(['redirect_uri.loopback_phone']);
  });

  it('a local listener with a port on a production account: refused on WeChat, only a warning on the emulator (whose --domain can name the port)', () => {
    const emulator = 'http://127.0.0.1:3000';
    const local = { ...website, domain: 'localhost', openBase: emulator };
    const plan = planAuthorize({ config: local, redirectUri: 'http://localhost:8080/callback', state: 'Abc123', forceFlag: false }, { hooks: recordingHooks() });
    expect(plan.url.startsWith(`${emulator}/connect/qrconnect?`)).toBe(true);
    expect(plan.blocking).toEqual([]);
    const warning = plan.warnings.find((f) => f.id === 'domain.emulator_only');
    expect(warning?.params).toMatchObject({ appid: WEB, pattern: 'localhost:*', domain: 'localhost' });
    // The same profile aimed at WeChat: refused as before.
    expect(refusal({ config: { ...local, openBase: OPEN }, redirectUri: 'http://localhost:8080/callback', forceFlag: false }).error.messageRef.params?.reason).toBe('<domain.port>');
    // On the emulator too, a host other than the profile's domain is refused (domain.host, as on WeChat),
    // and so is a port on a host that is not this machine's: only a local listener needs the emulator's leave.
    expect(refusal({ config: local, redirectUri: 'http://127.0.0.1:8080/callback', forceFlag: false }).error.messageRef.params?.reason).toBe('<domain.host_ip_website>');
    expect(refusal({ config: { ...local, domain: 'passport.example.com' }, redirectUri: 'https://passport.example.com:8443/cb', forceFlag: false }).error.messageRef.params?.reason).toBe('<domain.port>');
  });

  it('a test account on the emulator: another port on this machine is a warning (its test account takes 127.0.0.1:*), not a refusal', () => {
    const emulator = 'http://127.0.0.1:3000';
    const local = { ...testAccount, domain: '127.0.0.1:8080', openBase: emulator };
    // What `login --port 0` makes when 8080 is busy (its own advice).
    const plan = planAuthorize({ config: local, redirectUri: 'http://127.0.0.1:41234/callback', state: 'Abc123', forceFlag: false }, { hooks: recordingHooks() });
    expect(plan.blocking).toEqual([]);
    expect(plan.warnings.find((f) => f.id === 'domain.emulator_port_test')?.params).toMatchObject({ hostport: '127.0.0.1:41234', domain: '127.0.0.1:8080' });
    // Aimed at WeChat, where the port must match: refused as before.
    expect(refusal({ config: { ...local, openBase: OPEN }, redirectUri: 'http://127.0.0.1:41234/callback', forceFlag: false }).error.messageRef.params?.reason).toBe('<domain.port>');
  });

  it("a production account on the emulator, its domain localhost and the listener at 127.0.0.1: the emulator's way, not a test account", () => {
    const local = { ...service, domain: 'localhost', redirectUri: undefined, openBase: 'http://127.0.0.1:3900' };
    const error = refusal({ config: local, redirectUri: 'http://127.0.0.1:8080/callback', forceFlag: false }).error;
    expect(error.messageRef.params?.reason).toBe('<domain.emulator_host_ip>');
    expect(error.hint?.params?.fix).toBe('<inspect.domain.emulator_host_ip.fix>');
    const forced = planAuthorize({ config: local, redirectUri: 'http://127.0.0.1:8080/callback', force: true, forceFlag: true }, { hooks: recordingHooks() });
    expect(forced.blocking.find((f) => f.id === 'domain.emulator_host_ip')?.params).toMatchObject({ appid: OA, domainHost: 'localhost', hostport: '127.0.0.1:8080' });
    // Aimed at WeChat: the test-account advice as before.
    expect(refusal({ config: { ...local, openBase: OPEN }, redirectUri: 'http://127.0.0.1:8080/callback', forceFlag: false }).error.messageRef.params?.reason).toBe('<domain.host_ip>');
  });

  it('builds a refused URL with force, the problems kept as blocking findings', () => {
    const plan = planAuthorize({ config: service, scope: 'snsapi_login', force: true, forceFlag: true }, { hooks: recordingHooks() });
    expect(plan.blocking.map((f) => f.id)).toEqual(['scope.login_on_authorize']);
    expect(plan.blocking[0]?.keys).toEqual({ message: 'inspect.scope.login_on_authorize', effect: 'inspect.scope.login_on_authorize.effect', fix: 'inspect.scope.login_on_authorize.fix' });
  });

  it('makes a fresh 32-character state from the randomness it is given', () => {
    const bytes = (n: number) => new Uint8Array(n).fill(1);
    const plan = planAuthorize({ config: service, forceFlag: true }, { hooks: recordingHooks(), random: bytes });
    expect(plan.state).toBe('B'.repeat(32));
  });

  it("makes it from the system's randomness by default: a different state every time", () => {
    const states = new Set(Array.from({ length: 50 }, () => planAuthorize({ config: service, forceFlag: true }, { hooks: recordingHooks() }).state));
    expect(states.size).toBe(50);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9]{32}$/);
    // Every character of the alphabet turns up in 1,600 (a source stuck on a few bytes would not do that).
    expect(new Set([...states].join('')).size).toBe(62);
  });

  it('asks for a redirect_uri, and refuses --lang / --embed where they mean nothing, before linting', () => {
    const noRedirect = refusal({ config: { ...service, redirectUri: undefined }, forceFlag: true }).error;
    expect(noRedirect.messageRef.key).toBe('url.redirectUri.missing');
    // A scope WeChat refuses whatever the redirect_uri is said first, the missing redirect_uri beside it.
    const wrongScope = refusal({ config: { ...service, redirectUri: undefined }, scope: 'snsapi_login', forceFlag: true }).error;
    expect(wrongScope.messageRef.params?.reason).toBe('<scope.login_on_authorize>');
    expect(wrongScope.also.map((m) => m.key)).toEqual(['url.redirectUri.missing.also']);
    expect(refusal({ config: service, lang: 'en', forceFlag: true }).error.messageRef.key).toBe('url.lang.authorize');
    expect(refusal({ config: service, embed: true, forceFlag: true }).error.messageRef.key).toBe('url.embed.authorize');
  });
});

describe('authorize remembers the state of an accepted URL only', () => {
  function store() {
    const saved: Array<[string, StateEntry]> = [];
    let opened = 0;
    return {
      saved,
      opened: () => opened,
      open: async () => {
        opened++;
        return { put: (profile: string, _otherAccount: boolean, _appid: string | undefined, entry: StateEntry) => saved.push([profile, entry]) };
      },
    };
  }

  it('remembers value, time, redirect_uri, scope, endpoint and appid for the profile', async () => {
    const s = store();
    const { plan, notRemembered } = await authorize({ config: website, state: 'S1', forceFlag: true }, { hooks: recordingHooks(), openStore: s.open, now: () => 42 });
    expect(s.saved).toEqual([['web', { value: 'S1', issuedAt: 42, redirectUri: 'https://passport.example.com/cb', scope: 'snsapi_login', endpoint: 'qrconnect', appid: WEB }]]);
    expect(plan.endpoint).toBe('qrconnect');
    expect(notRemembered).toBeUndefined();
  });

  it('a state folder that cannot be written costs the check, not the URL; a bug still throws', async () => {
    const unwritable = new ConfigError({ key: 'common.internal', params: { detail: 'x' } });
    const failing = (error: Error) => async () => ({
      put: () => {
        throw error;
      },
    });
    const got = await authorize({ config: website, state: 'S1', forceFlag: true }, { hooks: recordingHooks(), openStore: failing(unwritable), now: () => 42 });
    expect(got.plan.state).toBe('S1');
    expect(got.notRemembered).toBe(unwritable);
    await expect(authorize({ config: website, state: 'S1', forceFlag: true }, { hooks: recordingHooks(), openStore: failing(new TypeError('bug')), now: () => 42 })).rejects.toBeInstanceOf(TypeError);
  });

  it('does not even open the token cache for a refused URL', async () => {
    const s = store();
    await expect(authorize({ config: service, scope: 'snsapi_login', forceFlag: true }, { hooks: recordingHooks(), openStore: s.open, now: () => 42 })).rejects.toBeInstanceOf(UsageError);
    expect(s.opened()).toBe(0);
  });
});

describe('url and login refuse the same URL in the same words', () => {
  it('a service profile whose domain is localhost: a listener asked for on 127.0.0.1:8080 is refused by both', async () => {
    const env = {
      WXAUTH_CONFIG_DIR: tempConfigDir(),
      WXAUTH_APPID: OA,
      WXAUTH_SECRET: '0123456789abcdef0123456789abcdef',
      WXAUTH_TYPE: 'service',
      WXAUTH_DOMAIN: 'localhost',
    };
    const url = await runCli(['url', '--redirect-uri', 'http://127.0.0.1:8080/callback'], { env });
    // Without --host/--port login now calls back under the domain (localhost:80): asked for 127.0.0.1:8080.
    const login = await runCli(['login', '--no-open', '--host', '127.0.0.1', '--port', '8080'], { env });
    expect(url.code).toBe(2);
    expect(login.code).toBe(2);
    const headline = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('✖ '));
    expect(headline(login.stderr)).toBe(headline(url.stderr));
    expect(headline(url.stderr)).toContain('redirect_uri points at 127.0.0.1:8080, which is not the callback domain localhost');
    // Only the way around differs: login has no --force, and a link WeChat rejects is no step towards a
    // login, so it gives the fix and says to run login again (not `wxauth url --force`).
    expect(url.stderr).toContain('add --force');
    expect(login.stderr).toContain('Then run wxauth login again');
    expect(login.stderr).not.toContain('--force');
    const zh = await runCli(['--lang', 'zh', 'login', '--no-open', '--host', '127.0.0.1', '--port', '8080'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('改好后再运行 wxauth login');
    expect(zh.stderr).not.toContain('--force');
    expect(login.stdout).toBe('');
  });

  it('in --json, both documents carry the same error message', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: OA, WXAUTH_SECRET: '0123456789abcdef0123456789abcdef', WXAUTH_TYPE: 'service' };
    const url = await runCli(['url', '--json', '--redirect-uri', 'http://127.0.0.1:8080/callback'], { env });
    const login = await runCli(['login', '--json', '--no-open'], { env });
    const error = (stdout: string) => {
      const { code, message } = (JSON.parse(stdout) as { error: { code: string; message: string } }).error;
      return { code, message };
    };
    expect(error(login.stdout)).toEqual(error(url.stdout));
    expect(error(url.stdout).code).toBe('usage');
    expect(error(url.stdout).message).toContain('port 8080');
  });
});

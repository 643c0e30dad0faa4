// The config store and precedence resolution, in temp dirs (never the real home directory).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigStore, validateValue } from '../../src/store/config.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { apiBaseOrigin, checkGlobalFlags, resolveConfig, requireFields, stateDir } from '../../src/store/resolve.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { maskSecret } from '../../src/core/validate.js';
import { compileStore } from './compile-store.js';

// Removed in afterAll: vitest's fork workers end without an 'exit' event.
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-store-'));
  made.push(dir);
  return dir;
}

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

describe('ConfigStore', () => {
  it('writes profiles to a 0600 file in WXAUTH_CONFIG_DIR and reads them back', () => {
    const dir = path.join(tempDir(), 'state');
    const store = ConfigStore.open(dir);
    store.setValues('prod', { type: 'service', appid: APPID, secret: SECRET });
    expect(store.path).toBe(path.join(dir, 'config.json'));
    expect(fs.statSync(store.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const again = ConfigStore.open(dir);
    expect(again.getProfile('prod')).toEqual({ type: 'service', appid: APPID, secret: SECRET });
    expect(again.currentProfile()).toBe('prod');
  });

  it('leaves a config file that does not parse byte-for-byte as it was, and reports it as exit 4', () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    const broken = '{"profiles": {"prod": {"appid": "wx1234567890abcdef",, }\n';
    fs.writeFileSync(file, broken, { mode: 0o600 });
    const err = (() => {
      try {
        ConfigStore.open(dir);
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.exitCode).toBe(4);
    expect(err.messageRef.params?.file).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
  });

  it('refuses values WeChat would never accept, explaining the expected shape', () => {
    expect(() => validateValue('appid', 'wx123')).toThrow(UsageError);
    expect(() => validateValue('secret', 'not-a-secret')).toThrow(UsageError);
    expect(() => validateValue('domain', 'https://www.example.com')).toThrow(UsageError);
    expect(() => validateValue('domain', 'www.example.com/path')).toThrow(UsageError);
    expect(() => validateValue('domain', 'www.exa mple.com')).toThrow(UsageError);
    expect(() => validateValue('redirectUri', '/callback')).toThrow(UsageError);
    expect(() => validateValue('redirectUri', 'ftp://www.example.com/cb')).toThrow(UsageError);
    expect(validateValue('domain', '192.168.1.10:8080')).toBe('192.168.1.10:8080');
    // The type decides whether a port is allowed: only test accounts register one.
    expect(() => validateValue('domain', '192.168.1.10:8080', { type: 'service' })).toThrow(UsageError);
    expect(validateValue('domain', '192.168.1.10:8080', { type: 'test' })).toBe('192.168.1.10:8080');
    // Refused, not lower-cased behind the user's back: the message gives the lower-case spelling.
    expect(() => validateValue('appid', 'wx1234567890ABCDEF')).toThrow(expect.objectContaining({ messageRef: expect.objectContaining({ params: expect.objectContaining({ lower: APPID }) }) }));
    expect(validateValue('appid', APPID)).toBe(APPID);
  });

  it('masks a secret to its first and last four characters', () => {
    expect(maskSecret(SECRET)).toBe('0123…cdef');
  });
});

describe('resolveConfig precedence: flags > env > profile > defaults', () => {
  const profiles = {
    prod: { type: 'service' as const, appid: APPID, secret: SECRET, apiBase: 'http://profile.example' },
    other: { type: 'website' as const, appid: 'wxaaaaaaaaaaaaaaaa' },
  };

  it('takes the profile, then env over profile, then flags over env', () => {
    const fromProfile = resolveConfig({ globals: {}, env: {}, profiles, currentProfile: 'prod' });
    expect(fromProfile.appid).toBe(APPID);
    expect(fromProfile.apiBase).toBe('http://profile.example');
    expect(fromProfile.sources.apiBase).toBe('profile');

    const fromEnv = resolveConfig({ globals: {}, env: { WXAUTH_API_BASE: 'http://env.example', WXAUTH_APPID: APPID }, profiles, currentProfile: 'prod' });
    expect(fromEnv.apiBase).toBe('http://env.example');
    expect(fromEnv.appid).toBe(APPID);
    expect(fromEnv.sources.appid).toBe('env');
    expect(fromEnv.secret).toBe(SECRET);
    expect(fromEnv.otherAccount).toBeUndefined();

    const fromFlag = resolveConfig({ globals: { apiBase: 'http://flag.example' }, env: { WXAUTH_API_BASE: 'http://env.example' }, profiles, currentProfile: 'prod' });
    expect(fromFlag.apiBase).toBe('http://flag.example');
    expect(fromFlag.sources.apiBase).toBe('flag');
  });

  it('WXAUTH_APPID naming another account: the profile\'s own account settings are left out, and it says so', () => {
    const profile = { type: 'service' as const, appid: APPID, secret: SECRET, domain: 'www.example.com', redirectUri: 'https://www.example.com/cb', apiBase: 'http://profile.example' };
    const r = resolveConfig({ globals: {}, env: { WXAUTH_APPID: 'wxbbbbbbbbbbbbbbbb', WXAUTH_TYPE: 'test' }, profiles: { prod: profile }, currentProfile: 'prod' });
    expect(r.appid).toBe('wxbbbbbbbbbbbbbbbb');
    expect(r.type).toBe('test');
    expect([r.secret, r.domain, r.redirectUri]).toEqual([undefined, undefined, undefined]);
    // Not the account's: the network settings still come from the profile.
    expect(r.apiBase).toBe('http://profile.example');
    expect(r.otherAccount).toEqual({ key: 'config.profile.otherAppid', params: { appid: 'wxbbbbbbbbbbbbbbbb', profile: 'prod', profileAppid: APPID } });
    // The same account misspelt (case, quotes, a space) is the appid check's to report, not another account.
    for (const bad of ['WX1234567890ABCDEF', `'${APPID}'`, `${APPID} `]) {
      const misspelt = resolveConfig({ globals: {}, env: { WXAUTH_APPID: bad }, profiles: { prod: profile }, currentProfile: 'prod' });
      expect(misspelt.otherAccount, bad).toBeUndefined();
      expect(misspelt.secret, bad).toBe(SECRET);
    }
    // What the environment gives is used.
    expect(resolveConfig({ globals: {}, env: { WXAUTH_APPID: 'wxbbbbbbbbbbbbbbbb', WXAUTH_DOMAIN: 'localhost' }, profiles: { prod: profile }, currentProfile: 'prod' }).domain).toBe('localhost');
  });

  it('picks the profile by --profile, then WXAUTH_PROFILE, then the current one, then "default"', () => {
    expect(resolveConfig({ globals: { profile: 'other' }, env: { WXAUTH_PROFILE: 'prod' }, profiles, currentProfile: 'prod' }).appid).toBe('wxaaaaaaaaaaaaaaaa');
    expect(resolveConfig({ globals: {}, env: { WXAUTH_PROFILE: 'other' }, profiles, currentProfile: 'prod' }).profile).toBe('other');
    expect(resolveConfig({ globals: {}, env: {}, profiles }).profile).toBe('default');
  });

  it('falls back to WeChat hosts and maps --region to its host', () => {
    const r = resolveConfig({ globals: { region: 'sh' }, env: {}, profiles: {} });
    expect(r.apiBase).toBe('https://sh.api.weixin.qq.com');
    expect(r.openBase).toBe('https://open.weixin.qq.com');
    expect(r.backupApiBase).toBe('https://api2.weixin.qq.com');
    expect(r.timeoutMs).toBe(10_000);
  });

  it('a region named closer to the run than a saved apiBase wins (flag over env over profile); an apiBase as close wins', () => {
    const profiles = { p: { apiBase: 'http://127.0.0.1:3900' } };
    expect(resolveConfig({ globals: { region: 'hk' }, env: {}, profiles, currentProfile: 'p' })).toMatchObject({ apiBase: 'https://hk.api.weixin.qq.com', sources: { apiBase: 'flag' } });
    expect(resolveConfig({ globals: {}, env: { WXAUTH_REGION: 'sh' }, profiles, currentProfile: 'p' })).toMatchObject({ apiBase: 'https://sh.api.weixin.qq.com', sources: { apiBase: 'env' } });
    expect(resolveConfig({ globals: {}, env: {}, profiles: { p: { apiBase: 'http://127.0.0.1:3900', region: 'sh' } }, currentProfile: 'p' }).apiBase).toBe('http://127.0.0.1:3900');
    expect(resolveConfig({ globals: { region: 'hk', apiBase: 'http://127.0.0.1:8' }, env: {}, profiles, currentProfile: 'p' }).apiBase).toBe('http://127.0.0.1:8');
    expect(resolveConfig({ globals: {}, env: { WXAUTH_REGION: 'sh', WXAUTH_API_BASE: 'http://127.0.0.1:7' }, profiles, currentProfile: 'p' }).apiBase).toBe('http://127.0.0.1:7');
  });

  it('a region and an API base of the same level: the region not used is reported (flags, variables), not one a level apart', () => {
    const profiles = { p: { apiBase: 'http://127.0.0.1:3900' } };
    expect(resolveConfig({ globals: { region: 'hk', apiBase: 'http://127.0.0.1:8' }, env: {}, profiles, currentProfile: 'p' }).regionIgnored).toEqual({
      key: 'config.region.ignored',
      params: { region: '--region hk', apiBase: '--api-base' },
    });
    expect(resolveConfig({ globals: {}, env: { WXAUTH_REGION: 'sh', WXAUTH_API_BASE: 'http://127.0.0.1:7' }, profiles: {} }).regionIgnored).toEqual({
      key: 'config.region.ignored',
      params: { region: 'WXAUTH_REGION=sh', apiBase: 'WXAUTH_API_BASE' },
    });
    // The base is the region's own host: nothing is lost.
    expect(resolveConfig({ globals: { region: 'sh', apiBase: 'https://sh.api.weixin.qq.com/' }, env: {}, profiles: {} }).regionIgnored).toBeUndefined();
    // A region closer than the base wins; a flag base over a variable region is plain precedence.
    expect(resolveConfig({ globals: { region: 'hk' }, env: {}, profiles, currentProfile: 'p' }).regionIgnored).toBeUndefined();
    expect(resolveConfig({ globals: { apiBase: 'http://127.0.0.1:8' }, env: { WXAUTH_REGION: 'sh' }, profiles: {} }).regionIgnored).toBeUndefined();
  });

  it('a region and an API base both saved in the profile: the region not used is reported, with the commands that keep one', () => {
    const both = (apiBase: string) => resolveConfig({ globals: {}, env: {}, profiles: { p: { apiBase, region: 'sh' } }, currentProfile: 'p' });
    expect(both('http://u:pw@127.0.0.1:3900')).toMatchObject({
      apiBase: 'http://u:pw@127.0.0.1:3900',
      regionIgnored: {
        key: 'config.region.ignored.profile',
        params: { profile: 'p', region: 'sh', apiBase: 'http://u:***@127.0.0.1:3900', unsetRegion: 'wxauth --profile p config unset region', unsetApiBase: 'wxauth --profile p config unset apiBase' },
      },
    });
    // The region's own host: nothing is lost.
    expect(both('https://sh.api.weixin.qq.com/').regionIgnored).toBeUndefined();
  });

  it('says where the API base came from, by the setting that chose it: apiBase or a region, flag, variable or profile', () => {
    const profiles = { p: { apiBase: 'http://127.0.0.1:3900' } };
    const origin = (input: Omit<Parameters<typeof resolveConfig>[0], 'profiles' | 'currentProfile'>) => apiBaseOrigin(resolveConfig({ ...input, profiles, currentProfile: 'p' }));
    expect(origin({ globals: {}, env: {} })).toEqual({ from: 'profile', name: 'apiBase', profile: 'p' });
    expect(origin({ globals: {}, env: { WXAUTH_API_BASE: 'http://127.0.0.1:7' } })).toEqual({ from: 'env', name: 'WXAUTH_API_BASE' });
    expect(origin({ globals: { apiBase: 'http://127.0.0.1:8' }, env: {} })).toEqual({ from: 'flag', name: '--api-base' });
    expect(origin({ globals: { region: 'hk' }, env: {} })).toEqual({ from: 'flag', name: '--region' });
    expect(origin({ globals: {}, env: { WXAUTH_REGION: 'sh' } })).toEqual({ from: 'env', name: 'WXAUTH_REGION' });
    expect(apiBaseOrigin(resolveConfig({ globals: {}, env: {}, profiles: {} }))).toEqual({ from: 'default' });
  });

  it('names every missing field and the env var that would supply it', () => {
    const r = resolveConfig({ globals: {}, env: {}, profiles: {} });
    const err = (() => {
      try {
        requireFields(r, ['appid', 'secret']);
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err?.exitCode).toBe(4);
    expect(err?.messageRef.params?.fields).toEqual(['appid', 'secret']);
    expect(err?.hint?.params?.env).toEqual(['WXAUTH_APPID', 'WXAUTH_SECRET']);
  });

  it('takes an account type from env or a profile as --type takes it: Service and 服务号 are service, not dropped', () => {
    expect(resolveConfig({ globals: {}, env: { WXAUTH_TYPE: '服务号' }, profiles: {} }).type).toBe('service');
    expect(resolveConfig({ globals: {}, env: { WXAUTH_TYPE: 'Website' }, profiles: {} }).type).toBe('website');
    expect(resolveConfig({ globals: {}, env: {}, profiles: { p: { type: '测试号' as never } }, currentProfile: 'p' }).type).toBe('test');
  });

  it('rejects an unknown account type or region from any source: a flag as a usage error, env or a profile as a config error', () => {
    expect(() => resolveConfig({ globals: {}, env: { WXAUTH_TYPE: 'miniprogram' }, profiles: {} })).toThrow(ConfigError);
    expect(() => resolveConfig({ globals: {}, env: { WXAUTH_REGION: 'bj' }, profiles: {} })).toThrow(ConfigError);
    expect(() => resolveConfig({ globals: {}, env: {}, profiles: { p: { region: 'bj' as never } }, currentProfile: 'p' })).toThrow(ConfigError);
    expect(() => resolveConfig({ globals: { region: 'bj' }, env: {}, profiles: {} })).toThrow(UsageError);
    expect(() => resolveConfig({ globals: { timeout: 'soon' }, env: {}, profiles: {} })).toThrow(UsageError);
  });

  it('checkGlobalFlags: every global flag with a value, checked without reading any file (a usage error naming the flag)', () => {
    expect(checkGlobalFlags({})).toBe(10_000);
    expect(checkGlobalFlags({ timeout: '2500', apiBase: 'http://127.0.0.1:3900', region: 'sh' })).toBe(2500);
    for (const [globals, name] of [
      [{ timeout: '0' }, '--timeout'],
      [{ apiBase: 'notaurl' }, '--api-base'],
      [{ openBase: 'ftp://x' }, '--open-base'],
      [{ backupApiBase: ' http://x' }, '--backup-api-base'],
      [{ region: 'xx' }, '--region'],
    ] as const) {
      const error = (() => {
        try {
          checkGlobalFlags(globals);
        } catch (e) {
          return e as UsageError;
        }
        throw new Error(`${name} was accepted`);
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect(JSON.stringify(error.messageRef)).toContain(name === '--timeout' ? 'config.timeout.invalid' : `"name":"${name}"`);
    }
  });
});

describe('resolveConfig: the one validation on every source (issue 12 item 4)', () => {
  const thrown = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as ConfigError;
    }
    throw new Error('did not throw');
  };

  it('leaves a refused WXAUTH_* value out of the config, reports it in errors, and requireFields throws it (exit 4)', () => {
    const r = resolveConfig({ globals: {}, env: { WXAUTH_APPID: 'ww1234567890abcdef', WXAUTH_SECRET: ` ${SECRET}` }, profiles: {} });
    expect(r.appid).toBeUndefined();
    expect(r.secret).toBeUndefined();
    expect(r.sources.appid).toBeUndefined();
    expect(r.errors.map((e) => [e.field, e.source, e.error.messageRef.key])).toEqual([
      ['appid', 'env', 'config.invalid.appid.wecom'],
      ['secret', 'env', 'config.invalid.space'],
    ]);
    const err = thrown(() => requireFields(r, ['secret']));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.exitCode).toBe(4);
    // The field the command needs comes first, and the variable is named.
    expect(err.messageRef).toMatchObject({ key: 'config.invalid.space', params: { name: 'WXAUTH_SECRET' } });
    expect(JSON.stringify(err.messageRef)).not.toContain(SECRET);
  });

  it('an env value that is refused does not fall back to the profile’s value', () => {
    const r = resolveConfig({ globals: {}, env: { WXAUTH_APPID: 'wx1234567890ABCDEF' }, profiles: { p: { appid: APPID } }, currentProfile: 'p' });
    expect(r.appid).toBeUndefined();
    expect(r.errors[0]?.error.messageRef.params).toMatchObject({ name: 'WXAUTH_APPID', lower: APPID });
  });

  it('checks the domain for the resolved account type, and names a profile value by its profile', () => {
    const r = resolveConfig({ globals: {}, env: {}, profiles: { prod: { type: 'service', appid: APPID, secret: SECRET, domain: 'www.example.com:8443' } }, currentProfile: 'prod' });
    expect(r.domain).toBeUndefined();
    expect(r.errors[0]?.error.messageRef).toMatchObject({ key: 'config.invalid.domain.port', params: { name: 'domain (profile prod)' } });
    // A command that needs only the credentials still does not run on a configuration WeChat would refuse.
    expect(() => requireFields(r, ['appid', 'secret'])).toThrow(ConfigError);
    const test = resolveConfig({ globals: {}, env: { WXAUTH_TYPE: 'test' }, profiles: { prod: { type: 'service', domain: 'www.example.com:8443' } }, currentProfile: 'prod' });
    expect(test.domain).toBe('www.example.com:8443');
    expect(test.errors).toEqual([]);
  });

  it('--profile or WXAUTH_PROFILE naming a profile that does not exist: "no profile named", with the ones that exist', () => {
    const profiles = { prod: { appid: APPID }, staging: { appid: APPID } };
    const err = thrown(() => requireFields(resolveConfig({ globals: { profile: 'nope' }, env: {}, profiles }), ['appid']));
    expect(err.messageRef).toEqual({ key: 'config.profile.unknown', params: { profile: 'nope' } });
    expect(err.hint).toEqual({ key: 'config.profile.unknown.create.hint', params: { profile: 'nope', profiles: ['prod', 'staging'] } });
    const none = thrown(() => requireFields(resolveConfig({ globals: {}, env: { WXAUTH_PROFILE: 'nope' }, profiles: {} }), ['appid']));
    expect(none.hint?.key).toBe('config.profile.none.hint');
    // Named by WXAUTH_PROFILE beside profiles that exist: the variable is what to fix.
    const env = thrown(() => requireFields(resolveConfig({ globals: {}, env: { WXAUTH_PROFILE: 'nope' }, profiles }), ['appid']));
    expect(env.hint).toEqual({ key: 'config.profile.unknown.env.hint', params: { profile: 'nope', profiles: ['prod', 'staging'] } });
    // The current profile gone while others remain: pick one, not "init".
    const gone = thrown(() => requireFields(resolveConfig({ globals: {}, env: {}, profiles, currentProfile: 'removed' }), ['appid']));
    expect(gone.hint).toEqual({ key: 'config.missing.pickProfile.hint', params: { profile: 'removed', profiles: ['prod', 'staging'] } });
    // The default profile, never created: still "missing", pointing at init.
    const fresh = thrown(() => requireFields(resolveConfig({ globals: {}, env: {}, profiles: {} }), ['appid']));
    expect(fresh.messageRef.key).toBe('config.missing');
    // Everything from the environment: an unsaved profile name is fine.
    expect(requireFields(resolveConfig({ globals: { profile: 'ci' }, env: { WXAUTH_APPID: APPID }, profiles }), ['appid']).appid).toBe(APPID);
  });
});

describe('stateDir', () => {
  it('is WXAUTH_CONFIG_DIR when set, else the per-user config directory conf would use', () => {
    expect(stateDir({ WXAUTH_CONFIG_DIR: '/tmp/x' }, 'linux', '/home/u')).toBe('/tmp/x');
    expect(stateDir({}, 'linux', '/home/u')).toBe('/home/u/.config/wxauth');
    expect(stateDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/wxauth');
    expect(stateDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Preferences/wxauth');
  });
});

describe('TokenStore', () => {
  const entry = (openid: string, obtainedAt: number) => ({
    appid: APPID,
    openid,
    scope: 'snsapi_userinfo',
    accessToken: 'AT-' + openid,
    accessTokenExpiresAt: obtainedAt + 7_200_000,
    refreshToken: 'RT-' + openid,
    refreshTokenExpiresAt: obtainedAt + 30 * 86_400_000,
    obtainedAt,
  });

  it('keeps users per profile, newest first, in a 0600 file apart from the config', () => {
    const dir = tempDir();
    const tokens = TokenStore.open(dir);
    tokens.putUser('prod', entry('oAAA', 1000));
    tokens.putUser('prod', entry('oBBB', 2000));
    tokens.putUser('dev', entry('oCCC', 3000));
    expect(tokens.path).toBe(path.join(dir, 'tokens.json'));
    expect(fs.statSync(tokens.path).mode & 0o777).toBe(0o600);
    expect(tokens.listUsers('prod').map((u) => u.openid)).toEqual(['oBBB', 'oAAA']);
    expect(tokens.getUser('prod', APPID)?.openid).toBe('oBBB');
    expect(tokens.removeUsers('prod', 'oAAA')).toBe(1);
    expect(tokens.listUsers('prod').map((u) => u.openid)).toEqual(['oBBB']);
    expect(tokens.listUsers('dev')).toHaveLength(1);
  });

  it('does not lose entries when several processes write at once', async () => {
    const dir = tempDir();
    const script = path.join(dir, 'writer.mjs');
    // The writers run the store as compiled from src/ now, not whatever dist/ holds.
    const storeJs = compileStore();
    made.push(storeJs);
    const distUrl = pathToFileURL(path.join(storeJs, 'store', 'token-cache.js')).href;
    fs.writeFileSync(
      script,
      `const { TokenStore } = await import(${JSON.stringify(distUrl)});
       const store = TokenStore.open(process.argv[2]);
       for (let i = 0; i < 10; i++) store.putUser('p', { appid: 'wx1234567890abcdef', openid: 'o' + process.argv[3] + '_' + i, scope: 's', accessToken: 't', accessTokenExpiresAt: 1, obtainedAt: i });`,
    );
    const run = (n: number) =>
      new Promise<number | null>((resolve) => fork(script, [dir, String(n)], { stdio: 'ignore' }).on('exit', resolve));
    const codes = await Promise.all([run(1), run(2), run(3), run(4)]);
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(TokenStore.open(dir).listUsers('p')).toHaveLength(40);
  });

  it('reports a token cache that does not parse and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'tokens.json');
    fs.writeFileSync(file, 'not json at all', { mode: 0o600 });
    expect(() => TokenStore.open(dir)).toThrow(ConfigError);
    expect(fs.readFileSync(file, 'utf8')).toBe('not json at all');
  });
});

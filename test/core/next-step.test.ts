// The one errcode → next-step table, as a table: the same errcode gets different advice on different
// calls, and the facts of the situation (profile, code, refresh possible, rid age…) shape it.
import { describe, expect, it } from 'vitest';
import { RID_RETENTION_MS, nextStep, type Situation, type UserTokenSituation } from '../../src/core/next-step.js';
import { profileFlag } from '../../src/core/validate.js';
import { sections } from '../../src/ui/messages/index.js';

const user = (use: UserTokenSituation['use'], facts: Omit<Partial<UserTokenSituation>, 'use'> = {}): UserTokenSituation => ({
  use,
  profile: 'default',
  appid: 'wx1',
  ...facts,
});
const LOWER_CODE = '061ey9xx08tqu02ih4wx05bjxx0ey9xa';
const MIXED_CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
const userParams = { profile: 'default', p: '', appid: 'wx1', login: { key: 'tokens.again.login', params: { p: '', scope: '' } }, loginUserinfo: { key: 'tokens.again.login', params: { p: '', scope: ' --scope snsapi_userinfo' } }, user: '' };
const SPENT = { at: Date.UTC(2026, 0, 15, 2), appid: 'wx1', profile: 'default', openid: 'oU1' };

describe('nextStep', () => {
  it.each<[string, number, Situation, string | undefined]>([
    // user-token calls
    ['new code after 40029', 40029, user('exchange', { code: MIXED_CODE }), 'tokens.next.new_code'],
    ['lower-cased code', 40029, user('exchange', { code: LOWER_CODE }), 'tokens.next.new_code_lower'],
    ['expired code', 42003, user('exchange'), 'tokens.next.new_code'],
    ['missing code', 41008, user('exchange'), 'tokens.next.new_code'],
    ['40029 is not about a code on refresh', 40029, user('refresh'), undefined],
    ['code used twice', 40163, user('exchange'), 'tokens.next.code_used'],
    ['code wxauth itself spent', 40163, user('exchange', { spentHere: SPENT }), 'tokens.next.code_spent_here'],
    ['code wxauth itself spent, answered 40029 (§4 ⚠)', 40029, user('exchange', { code: MIXED_CODE, spentHere: SPENT }), 'tokens.next.code_spent_here'],
    ['an expired code is expired, whoever spent it', 42003, user('exchange', { spentHere: SPENT }), 'tokens.next.new_code'],
    ['a code wxauth exchanged with another appid', 40029, user('exchange', { spentHere: { ...SPENT, appid: 'wx2' } }), 'tokens.next.code_spent_other_appid'],
    ['wrong secret', 40125, user('exchange'), 'tokens.next.fix_secret'],
    ['missing secret', 41004, user('exchange'), 'tokens.next.fix_secret'],
    ['wrong appid', 40013, user('refresh'), 'tokens.next.fix_appid'],
    ['missing appid', 41002, user('exchange'), 'tokens.next.fix_appid'],
    ['dead refresh_token', 40030, user('refresh'), 'tokens.next.reauthorize'],
    ['40001 on refresh: the appid + refresh_token pair, not "authorise again" alone', 40001, user('refresh'), 'tokens.next.refresh_credential'],
    ['refresh_token past 30 days', 42002, user('refresh'), 'tokens.next.reauthorize'],
    ['refresh_token revoked', 42007, user('refresh'), 'tokens.next.reauthorize'],
    ['refresh_token missing', 41003, user('refresh'), 'tokens.next.reauthorize'],
    ['expired, refreshable', 42001, user('check', { canRefresh: true }), 'tokens.next.refresh'],
    ['replaced, not refreshable', 40001, user('userinfo', { canRefresh: false }), 'tokens.next.reauthorize_no_refresh'],
    ['invalid, refreshable', 40014, user('check', { canRefresh: true }), 'tokens.next.refresh'],
    ['42001 on exchange says nothing', 42001, user('exchange'), undefined],
    ['openid of another app', 40003, user('check'), 'tokens.next.openid_mismatch'],
    ['snsapi_base token', 48001, user('userinfo'), 'tokens.next.need_userinfo_scope'],
    ['snsapi_base token, its scope known', 48001, user('userinfo', { scope: 'snsapi_base' }), 'tokens.next.need_userinfo_scope'],
    ['a token granted snsapi_userinfo, no snapshot flag: not "ask for the scope"', 48001, user('userinfo', { scope: 'snsapi_userinfo' }), 'tokens.next.userinfo_scope_refused'],
    ['snapshot user', 48001, user('userinfo', { isSnapshotUser: true }), 'tokens.next.snapshot_user'],
    ['48001 on check says nothing', 48001, user('check'), undefined],
    ['busy', -1, user('exchange'), undefined],
    // the basic token
    ['IP not whitelisted, IP known', 40164, { use: 'token', mode: 'stable', ip: '203.0.113.7' }, 'basic.ip.hint'],
    ['IP not whitelisted, IP unknown', 40164, { use: 'token', mode: 'legacy' }, 'basic.ip.unknown.hint'],
    ['a website app, IP known: the Open Platform', 40164, { use: 'token', mode: 'stable', ip: '203.0.113.7', type: 'website' }, 'basic.ip.website.hint'],
    ['a website app, IP unknown', 40164, { use: 'token', mode: 'stable', type: 'website' }, 'basic.ip.website.unknown.hint'],
    ['a 公众号 profile keeps the console hint', 40164, { use: 'token', mode: 'stable', ip: '203.0.113.7', type: 'service' }, 'basic.ip.hint'],
    ['legacy quota', 45009, { use: 'token', mode: 'legacy' }, 'basic.quota.legacy.hint'],
    ['legacy quota of a test account: its 200 a day', 45009, { use: 'token', mode: 'legacy', type: 'test' }, 'basic.quota.legacy.test.hint'],
    ['stable quota', 45009, { use: 'token', mode: 'stable' }, 'basic.quota.stable.hint'],
    ['force_refresh quota', 45009, { use: 'token', mode: 'force' }, 'basic.quota.force.hint'],
    ['other token errors', 40125, { use: 'token', mode: 'stable' }, undefined],
    ['cached token replaced', 40001, { use: 'cached-token-rejected', appid: 'wx1' }, 'basic.event.rejected.40001'],
    ['cached token expired early', 42001, { use: 'cached-token-rejected', appid: 'wx1' }, 'basic.event.rejected.42001'],
    ['cached token invalid', 40014, { use: 'cached-token-rejected', appid: 'wx1' }, 'basic.event.rejected.40014'],
    ['not a token rejection', 48001, { use: 'cached-token-rejected', appid: 'wx1' }, undefined],
    ['cached stable token replaced: a forced refresh, not a token war', 40001, { use: 'cached-token-rejected', appid: 'wx1', kind: 'stable' }, 'basic.event.rejected.40001.stable'],
    ['cached legacy token replaced', 40001, { use: 'cached-token-rejected', appid: 'wx1', kind: 'legacy' }, 'basic.event.rejected.40001'],
    ['fresh stable token refused', 40001, { use: 'stable-token-rejected', appid: 'wx1', endpoint: '/cgi-bin/user/info', retried: false, sameToken: false }, 'basic.stable.rejected.fresh'],
    ['fresh stable token refused after a retry', 40001, { use: 'stable-token-rejected', appid: 'wx1', endpoint: '/cgi-bin/user/info', retried: true, sameToken: false }, 'basic.stable.rejected.again'],
    ['the same stable token refused twice, not WeChat', 40001, { use: 'stable-token-rejected', appid: 'wx1', endpoint: '/cgi-bin/user/info', retried: true, sameToken: true, apiHost: 'http://127.0.0.1:1' }, 'basic.stable.rejected.same'],
    ['a fresh stable token expired: the errcode explanation', 42001, { use: 'stable-token-rejected', appid: 'wx1', endpoint: '/cgi-bin/user/info', retried: false, sameToken: false }, undefined],
    // quota
    ['/sns/ has no quota', 76022, { use: 'quota-get', cgiPath: '/sns/userinfo' }, 'basic.quota.sns.hint'],
    ['no right to query', 76022, { use: 'quota-get', cgiPath: '/cgi-bin/message/custom/send' }, 'basic.quota.76022.hint'],
    ['unknown path', 76021, { use: 'quota-get', cgiPath: '/cgi-bin/nope' }, 'basic.quota.76021.hint'],
    ['path with a trailing /', 76021, { use: 'quota-get', cgiPath: '/cgi-bin/token/' }, 'basic.quota.76021.slash.hint'],
    ['malformed path', 76003, { use: 'quota-get', cgiPath: 'cgi-bin/token' }, 'basic.quota.76003.hint'],
    ['clears used up', 48006, { use: 'quota-clear', appid: 'wx1' }, 'basic.clear.48006.hint'],
    ['clear with the wrong appid', 40013, { use: 'quota-clear', appid: 'wx1' }, 'basic.clear.40013.hint'],
    ['40013 on quota/get says nothing', 40013, { use: 'quota-get', cgiPath: '/cgi-bin/token' }, undefined],
    // rid
    ['no such rid', 76001, { use: 'rid', rid: 'r', appid: 'wx1', at: 't', ageMs: 1000 }, 'basic.rid.76001.hint'],
    ['rid past 7 days', 76001, { use: 'rid', rid: 'r', appid: 'wx1', at: 't', ageMs: RID_RETENTION_MS + 1 }, 'basic.rid.76001.old.hint'],
    ['rid a little ahead of this clock', 76001, { use: 'rid', rid: 'r', appid: 'wx1', at: 't', ageMs: -60_000 }, 'basic.rid.76001.hint'],
    ['malformed rid', 76002, { use: 'rid', rid: 'r', appid: 'wx1', at: 't', ageMs: 0 }, 'basic.rid.76002.hint'],
    ['rid of another account', 76003, { use: 'rid', rid: 'r', appid: 'wx1', at: 't', ageMs: 0 }, 'basic.rid.76003.hint'],
    ['rid of a /sns/ call', 76022, { use: 'rid', rid: 'r', appid: 'wx1', at: 't', ageMs: 0 }, 'basic.rid.76022.hint'],
    // cgi-bin/user/info
    ['openid of another app (user)', 40003, { use: 'user', appid: 'wx1' }, 'basic.user.40003.hint'],
    ['no user/info permission', 48001, { use: 'user', appid: 'wx1' }, 'basic.user.48001.hint'],
    // where a rejected credential came from
    ['secret from env, the profile saving none', 40125, { use: 'credentials', profile: 'p', appid: 'wx1', sources: { secret: 'env' } }, 'common.source.envVarOnly'],
    ['secret from env over the profile’s', 40125, { use: 'credentials', profile: 'p', appid: 'wx1', sources: { secret: 'env' }, envOverProfile: { secret: true } }, 'common.source.envVar'],
    ['appid from the profile', 41002, { use: 'credentials', profile: 'p', sources: { appid: 'profile' } }, 'common.source.profile'],
    ['source unknown', 40013, { use: 'credentials', profile: 'p', sources: {} }, undefined],
    ['not a credential errcode', 40029, { use: 'credentials', profile: 'p', sources: { appid: 'flag', secret: 'flag' } }, undefined],
  ])('%s: %d', (_name, errcode, situation, key) => {
    expect(nextStep(errcode, situation)?.key).toBe(key);
  });

  it('a 40001 on a cached token from a host that is not WeChat names that host (an emulator reset forgets its tokens); from WeChat, no host', () => {
    for (const kind of ['stable', 'legacy'] as const) {
      expect(nextStep(40001, { use: 'cached-token-rejected', appid: 'wx1', kind, apiHost: 'http://127.0.0.1:3900' })?.params).toEqual({
        appid: 'wx1',
        host: { key: 'basic.event.rejected.host', params: { host: 'http://127.0.0.1:3900' } },
      });
      expect(nextStep(40001, { use: 'cached-token-rejected', appid: 'wx1', kind })?.params).toEqual({ appid: 'wx1', host: '' });
    }
  });

  it('aims the refresh / check a step names at the cached user the call was about, not the latest one', () => {
    for (const [situation, key] of [
      [user('check', { canRefresh: true, cachedUser: 'oU1' }), 'tokens.next.refresh'],
      [user('userinfo', { canRefresh: true, noAutoRefresh: true, cachedUser: 'oU1' }), 'tokens.next.refresh_no_auto'],
      [user('userinfo', { canRefresh: true, refreshedAlready: true, cachedUser: 'oU1' }), 'tokens.next.refresh_did_not_help'],
    ] as const) {
      expect(nextStep(42001, situation)).toEqual({ key, params: { ...userParams, user: ' --openid oU1' } });
    }
    // The latest user, picked by default: the bare command picks the same one.
    expect(nextStep(42001, user('check', { canRefresh: true }))?.params).toMatchObject({ user: '' });
  });

  it('carries the facts the message needs', () => {
    expect(nextStep(40163, user('exchange'))).toEqual({ key: 'tokens.next.code_used', params: userParams });
    expect(nextStep(40163, user('exchange', { spentHere: SPENT }))).toEqual({ key: 'tokens.next.code_spent_here', params: { ...userParams, at: { localTime: SPENT.at }, openid: 'oU1', codeAppid: 'wx1', codeProfile: 'default', cp: '' } });
    expect(nextStep(40030, { use: 'refresh', profile: 'staging' })).toEqual({
      key: 'tokens.next.reauthorize',
      params: {
        profile: 'staging',
        p: ' --profile staging',
        appid: '-',
        login: { key: 'tokens.again.login', params: { p: ' --profile staging', scope: '' } },
        loginUserinfo: { key: 'tokens.again.login', params: { p: ' --profile staging', scope: ' --scope snsapi_userinfo' } },
        user: '',
      },
    });
    // A redirect_uri login cannot listen on (a real account's public callback): url, then listen --paste.
    expect(nextStep(40030, { use: 'refresh', profile: 'prod', redirectUri: 'https://www.example.com/cb' })?.params).toMatchObject({
      login: { key: 'tokens.again.paste', params: { p: ' --profile prod', uri: 'https://www.example.com/cb', scope: '' } },
    });
    expect(nextStep(40030, { use: 'refresh', profile: 'prod', redirectUri: 'http://192.168.1.5:8080/cb' })?.params).toMatchObject({ login: { key: 'tokens.again.login' } });
    expect(nextStep(40164, { use: 'token', mode: 'stable', ip: '203.0.113.7' })).toEqual({ key: 'basic.ip.hint', params: { ip: '203.0.113.7' } });
    expect(nextStep(45009, { use: 'token', mode: 'legacy' })?.params).toEqual({ p: '', path: '/cgi-bin/token' });
    expect(nextStep(45009, { use: 'token', mode: 'stable' })?.params).toEqual({ p: '', path: '/cgi-bin/stable_token' });
    // Every 45009 offers `wxauth quota <the refused path>`, under the profile of the run.
    expect(nextStep(45009, { use: 'token', mode: 'force', profile: 'staging' })?.params).toEqual({ p: ' --profile staging', path: '/cgi-bin/stable_token' });
    expect(nextStep(45009, { use: 'token', mode: 'stable', profile: 'staging' })?.params).toEqual({ p: ' --profile staging', path: '/cgi-bin/stable_token' });
    expect(nextStep(76021, { use: 'quota-get', cgiPath: '/cgi-bin/x' })?.params).toEqual({ path: '/cgi-bin/x' });
    expect(nextStep(76003, { use: 'rid', rid: 'r', appid: 'wx1', at: 't', ageMs: 0 })?.params).toEqual({ rid: 'r', appid: 'wx1', at: 't' });
    expect(nextStep(40013, { use: 'credentials', profile: 'p', sources: { appid: 'flag' } })).toEqual({
      key: 'common.source.flag',
      params: { field: 'appid', profile: 'p', appid: '-' },
    });
  });

  it('only names keys the catalogue has', () => {
    const keys = new Set(Object.values(sections).flatMap((s) => Object.keys(s)));
    const situations: Situation[] = [
      user('exchange', { code: LOWER_CODE }),
      user('refresh'),
      user('check', { canRefresh: true }),
      user('userinfo', { isSnapshotUser: true }),
      { use: 'token', mode: 'force' },
      { use: 'cached-token-rejected', appid: 'wx1' },
      { use: 'cached-token-rejected', appid: 'wx1', kind: 'stable' },
      ...[false, true].flatMap((retried) => [false, true].flatMap((sameToken) => [undefined, 'http://127.0.0.1:1'].map((apiHost): Situation => ({ use: 'stable-token-rejected', appid: 'wx1', endpoint: '/cgi-bin/user/info', retried, sameToken, ...(apiHost ? { apiHost } : {}) })))),
      { use: 'quota-get', cgiPath: '/sns/auth' },
      { use: 'quota-clear', appid: 'wx1' },
      { use: 'rid', rid: 'r', appid: 'wx1', at: 't', ageMs: 0 },
      { use: 'user', appid: 'wx1' },
      ...['flag', 'env', 'profile', 'default'].map((source): Situation => ({ use: 'credentials', profile: 'p', sources: { appid: source, secret: source } })),
    ];
    // Every errcode WeChat documents for these calls, and then some: whatever comes back must exist.
    const errcodes = [-1, 40001, 40003, 40013, 40014, 40029, 40030, 40125, 40163, 40164, 41002, 41003, 41004, 41008, 42001, 42002, 42003, 42007, 45009, 48001, 48006, 76001, 76002, 76003, 76021, 76022];
    for (const situation of situations) {
      for (const errcode of errcodes) {
        const ref = nextStep(errcode, situation);
        if (ref) expect(keys.has(ref.key), `${situation.use} ${errcode} → ${ref.key}`).toBe(true);
      }
    }
  });
});

describe('profileFlag', () => {
  it('names the profile only when it is not the default, quoted when it has to be', () => {
    expect(profileFlag('default')).toBe('');
    expect(profileFlag('staging')).toBe(' --profile staging');
    expect(profileFlag('my profile')).toBe(" --profile 'my profile'");
    expect(profileFlag('$(id)')).toBe(" --profile '$(id)'");
  });
});

import { describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  MINUTE,
  REFRESH_TOKEN_LIFETIME_MS,
  canRefresh,
  codeAsTokenArg,
  compareState,
  exchangeDeadlines,
  lifeLevel,
  looksLowerCased,
  noUnionidReason,
  readExchangeInput,
  labelBeforeCode,
  readSnsTokenBody,
  readUserinfoBody,
  refreshDeadlineAfterRefresh,
  refreshOutcome,
  remaining,
  splitScopes,
  tokenStatus,
  userinfoNotes,
} from '../../src/core/token.js';
import { formatDeadline, formatDuration, formatLocalTime, formatRelative } from '../../src/ui/format.js';

const T0 = Date.UTC(2026, 0, 15, 2, 0, 0);

describe('readSnsTokenBody', () => {
  it('narrows the real 2023 sample (API-FACTS §4), without unionid', () => {
    const body = JSON.parse(
      '{"access_token":"73_NSpWjmw0","refresh_token":"73_ThqPeIUC","openid":"on_I362w6EIVWnpo4ttq7i5-Sc9s","scope":"snsapi_userinfo","expires_in":7200}',
    );
    const r = readSnsTokenBody(body);
    expect(r).toEqual({
      ok: true,
      value: {
        accessToken: '73_NSpWjmw0',
        expiresIn: 7200,
        refreshToken: '73_ThqPeIUC',
        openid: 'on_I362w6EIVWnpo4ttq7i5-Sc9s',
        scope: 'snsapi_userinfo',
        scopes: ['snsapi_userinfo'],
        unionid: undefined,
        isSnapshotUser: false,
      },
    });
  });

  it('reads is_snapshotuser, unionid, a string expires_in and a trailing-comma scope', () => {
    const r = readSnsTokenBody({ access_token: 'A', expires_in: '7200', refresh_token: 'R', openid: 'o1', scope: 'snsapi_userinfo,', is_snapshotuser: 1, unionid: 'u1' });
    expect(r.ok && r.value).toMatchObject({ expiresIn: 7200, scopes: ['snsapi_userinfo'], isSnapshotUser: true, unionid: 'u1' });
  });

  it('falls back to 7200 s when expires_in is missing', () => {
    const r = readSnsTokenBody({ access_token: 'A', openid: 'o1', scope: 'snsapi_base' });
    expect(r.ok && r.value.expiresIn).toBe(7200);
  });

  it('reports what is missing instead of inventing a token', () => {
    expect(readSnsTokenBody({ openid: 'o1' })).toEqual({ ok: false, problems: [{ kind: 'missing', field: 'access_token' }] });
    expect(readSnsTokenBody([])).toEqual({ ok: false, problems: [{ kind: 'not_object' }] });
    expect(readSnsTokenBody({ access_token: '', openid: '' })).toEqual({ ok: false, problems: [{ kind: 'missing', field: 'access_token' }, { kind: 'missing', field: 'openid' }] });
  });
});

describe('readUserinfoBody and its notes', () => {
  it('flags the 2021-10-20 blanks, keeps unknown fields', () => {
    const raw =
      '{"openid":"oVLC_6lTZxSWkoZA9L1povjQiplA","nickname":"等疯","sex":0,"language":"","city":"","province":"","country":"","headimgurl":"https:\\/\\/thirdwx.qlogo.cn\\/mmopen\\/vi_32\\/VTmt\\/132","privilege":[],"unionid":"omvh-6e_lb4ZVFoqTKpnOspgSZIY","is_snapshotuser":0}';
    const r = readUserinfoBody(JSON.parse(raw));
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.headimgurl).toBe('https://thirdwx.qlogo.cn/mmopen/vi_32/VTmt/132');
    expect(r.value.extra).toEqual({ is_snapshotuser: 0 });
    expect(userinfoNotes(r.value)).toEqual(['profile_fields_removed']);
  });

  it('reads the string sex of peer fixtures and notes a missing avatar and unionid', () => {
    const r = readUserinfoBody({ openid: 'o', nickname: 'n', sex: '1', province: 'P', city: 'C', country: 'CN', headimgurl: '', privilege: ['A'] });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.sex).toBe(1);
    expect(userinfoNotes(r.value)).toEqual(['no_avatar', 'no_unionid']);
  });
});

describe('noUnionidReason', () => {
  it('says base scope, snapshot or not bound', () => {
    expect(noUnionidReason({ scopes: ['snsapi_base'], isSnapshotUser: false })).toBe('base_scope');
    expect(noUnionidReason({ scopes: ['snsapi_base'], isSnapshotUser: true })).toBe('snapshot');
    expect(noUnionidReason({ scopes: ['snsapi_userinfo'], isSnapshotUser: false })).toBe('not_bound');
    expect(noUnionidReason({ scopes: ['snsapi_login'], isSnapshotUser: false })).toBe('not_bound');
    expect(noUnionidReason({ scopes: ['snsapi_userinfo'], isSnapshotUser: false, unionid: 'x' })).toBeUndefined();
  });
  it('does not guess snsapi_base from a scope none of WeChat grants (empty, a typo, control characters)', () => {
    expect(noUnionidReason({ scopes: ['snsapi_userinfo\u001b[0m'], isSnapshotUser: false })).toBe('unexpected_scope');
    expect(noUnionidReason({ scopes: [], isSnapshotUser: false })).toBe('unexpected_scope');
    expect(noUnionidReason({ scopes: ['snsapi_base', 'snsapi_bsae'], isSnapshotUser: false })).toBe('unexpected_scope');
    expect(noUnionidReason({ scopes: ['snsapi_base', 'snsapi_userinfo'], isSnapshotUser: false })).toBe('not_bound');
  });
});

describe('expiry maths', () => {
  it('access_token from expires_in, refresh_token 30 days from the authorisation', () => {
    expect(exchangeDeadlines(T0, 7200)).toEqual({ accessTokenExpiresAt: T0 + 2 * HOUR, refreshTokenExpiresAt: T0 + 30 * DAY });
    expect(REFRESH_TOKEN_LIFETIME_MS).toBe(2_592_000_000);
  });

  it('remaining goes negative once past', () => {
    expect(remaining(T0 + 1000, T0)).toBe(1000);
    expect(remaining(T0, T0 + 1000)).toBe(-1000);
  });

  it.each([
    [2 * HOUR, 'access', 'green'],
    [30 * MINUTE + 1, 'access', 'green'],
    [30 * MINUTE, 'access', 'yellow'],
    [5 * MINUTE + 1, 'access', 'yellow'],
    [5 * MINUTE, 'access', 'red'],
    [-1, 'access', 'red'],
    [8 * DAY, 'refresh', 'green'],
    [7 * DAY, 'refresh', 'yellow'],
    [DAY, 'refresh', 'red'],
  ] as const)('%d ms of %s life is %s', (ms, kind, level) => {
    expect(lifeLevel(ms, kind)).toBe(level);
  });

  it('tokenStatus and canRefresh', () => {
    const entry = { accessTokenExpiresAt: T0 - 1, refreshToken: 'R', refreshTokenExpiresAt: T0 + DAY * 2 };
    const s = tokenStatus(entry, T0);
    expect(s.access.expired).toBe(true);
    expect(s.refresh?.level).toBe('yellow');
    expect(canRefresh(s)).toBe(true);
    expect(canRefresh(tokenStatus({ ...entry, refreshTokenExpiresAt: T0 }, T0))).toBe(false);
    expect(canRefresh(tokenStatus({ accessTokenExpiresAt: T0 }, T0))).toBe(false);
    // A refresh_token whose deadline wxauth does not know may still work.
    expect(canRefresh(tokenStatus({ accessTokenExpiresAt: T0, refreshToken: 'R' }, T0))).toBe(true);
  });

  it('refresh outcome: same string = extended, new string = rotated', () => {
    expect(refreshOutcome('A', 'A')).toBe('extended');
    expect(refreshOutcome('A', 'B')).toBe('rotated');
    expect(refreshOutcome(undefined, 'B')).toBe('unknown');
  });

  it('keeps the original refresh deadline only for the refresh_token it belongs to', () => {
    expect(refreshDeadlineAfterRefresh({ refreshToken: 'R', refreshTokenExpiresAt: 5 }, 'R')).toBe(5);
    expect(refreshDeadlineAfterRefresh({ refreshToken: 'R', refreshTokenExpiresAt: 5 }, 'S')).toBeUndefined();
    expect(refreshDeadlineAfterRefresh(undefined, 'R')).toBeUndefined();
  });
});

describe('readExchangeInput', () => {
  const code = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
  it('takes a bare code as is', () => {
    expect(readExchangeInput(` ${code}\n`)).toEqual({ ok: true, form: 'code', code });
  });
  it('pulls code and state from a callback URL, a hash route and a bare query', () => {
    const a = readExchangeInput(`https://www.example.com/cb?code=${code}&state=abc`);
    expect(a.ok && a.form === 'url' && [a.code, a.state]).toEqual([code, 'abc']);
    const b = readExchangeInput(`https://www.example.com/#/login?code=${code}&state=xyz`);
    expect(b.ok && b.form === 'url' && [b.code, b.state]).toEqual([code, 'xyz']);
    const c = readExchangeInput(`code=${code}&state=s1`);
    expect(c.ok && c.code).toBe(code);
  });
  it('takes the code copied with what followed it (CODE&state=…) as that code, not as a refusal', () => {
    const d = readExchangeInput(`${code}&state=abc`);
    expect(d.ok && d.form === 'url' && [d.code, d.state]).toEqual([code, 'abc']);
    // A word that is not a code's stays a parameter: state alone is still a refusal.
    expect(readExchangeInput('x&state=abc')).toMatchObject({ ok: false, reason: 'denied' });
  });
  it('refuses a docs example pasted literally (CODE&state=STATE, code=CODE&state=STATE) as a placeholder, not a refusal', () => {
    expect(readExchangeInput('CODE&state=STATE')).toEqual({ ok: false, reason: 'not_code' });
    expect(readExchangeInput('code=CODE&state=STATE')).toEqual({ ok: false, reason: 'not_code' });
    expect(readExchangeInput('https://www.example.com/cb?code=CODE&state=STATE')).toEqual({ ok: false, reason: 'not_code' });
    // A template in code= stays what it was: characters no code has.
    expect(readExchangeInput('https://www.example.com/cb?code={{code}}&state=a')).toMatchObject({ ok: false, reason: 'code_invalid' });
  });
  it('refuses a value longer than CODE_MAX_LENGTH as too long for a code, bare or in a callback; up to it, still a code', () => {
    expect(readExchangeInput('a'.repeat(120_000))).toEqual({ ok: false, reason: 'code_too_long' });
    expect(readExchangeInput(`https://www.example.com/cb?code=${'a'.repeat(129)}&state=s`)).toMatchObject({ ok: false, reason: 'code_too_long' });
    expect(readExchangeInput('a'.repeat(128))).toEqual({ ok: true, form: 'code', code: 'a'.repeat(128) });
  });
  it('refuses an access_token or refresh_token pasted back as the code, and only those', () => {
    const token = '86_' + 'PK455XHT0QW8KFjncvj-AsUe92ZOWvUyEMum29Bz_zuXN4s-ysHkuUq_fJwoYzoD485JirQsXpREtg_FcntVUsEVxqO43CrSooWFg8u5V6l';
    expect(readExchangeInput(token)).toEqual({ ok: false, reason: 'token' });
    // A code pasted twice, or letters and digits only, is no token: it goes to WeChat as before.
    expect(readExchangeInput(code + code)).toMatchObject({ ok: true, form: 'code' });
  });
  it('refuses a placeholder or a template never filled in, as the callback form does', () => {
    for (const text of ['CODE', 'code', '...', 'xxxx', '${code}', '{{code}}', '<code>', 'code;']) {
      expect(readExchangeInput(text), text).toEqual({ ok: false, reason: 'not_code' });
    }
    // Short or odd but code-like words still go to WeChat, whose answer is the authority.
    for (const text of ['0bogus', '0bad-code', 'codes0123']) expect(readExchangeInput(text)).toMatchObject({ ok: true, form: 'code', code: text });
  });
  it('recognises a refusal (state only), a URL without code and an empty code', () => {
    expect(readExchangeInput('https://www.example.com/cb?state=abc')).toMatchObject({ ok: false, reason: 'denied' });
    expect(readExchangeInput('https://www.example.com/cb?foo=1')).toMatchObject({ ok: false, reason: 'no_code' });
    expect(readExchangeInput('https://www.example.com/cb?code=&state=a')).toMatchObject({ ok: false, reason: 'code_empty' });
    expect(readExchangeInput('  ')).toEqual({ ok: false, reason: 'empty' });
  });
  it('refuses words and text no code could be, and names the label before a code-shaped part', () => {
    expect(readExchangeInput('not a code')).toEqual({ ok: false, reason: 'not_code' });
    expect(readExchangeInput('你好')).toEqual({ ok: false, reason: 'not_code' });
    expect(readExchangeInput(`code：${code}`)).toEqual({ ok: false, reason: 'not_code' });
    expect(labelBeforeCode(`code：${code}`)).toBe('code：');
    expect(labelBeforeCode(`code: ${code}`, '5e1ec0de5e1ec0de5e1ec0de00000001')).toBe('code:');
    // The AppSecret is no code to point at, nor is a lone part with nothing before it, nor two parts.
    expect(labelBeforeCode('secret 5e1ec0de5e1ec0de5e1ec0de00000001', '5e1ec0de5e1ec0de5e1ec0de00000001')).toBeUndefined();
    expect(labelBeforeCode(`${code}\u3000`)).toBeUndefined();
    expect(labelBeforeCode(`a ${code} b ${code.toLowerCase()}`)).toBeUndefined();
  });
});

describe('compareState and looksLowerCased', () => {
  it('compares', () => {
    expect(compareState('a', 'a')).toBe('match');
    expect(compareState('a', 'b')).toBe('mismatch');
    expect(compareState(undefined, 'b')).toBe('not_received');
    expect(compareState('a', undefined)).toBe('no_expected');
  });
  it('spots a lower-cased code but not a mixed-case or hex one', () => {
    expect(looksLowerCased('061ey9xx08tqu02ih4wx05bjxx0ey9xa')).toBe(true);
    expect(looksLowerCased('061eY9xX08tQu02IH4wX05BjxX0eY9xA')).toBe(false);
    expect(looksLowerCased('0123456789abcdef0123456789abcdef')).toBe(false);
  });
});

describe('splitScopes', () => {
  it('splits on commas', () => {
    expect(splitScopes('snsapi_base,snsapi_userinfo')).toEqual(['snsapi_base', 'snsapi_userinfo']);
    expect(splitScopes('')).toEqual([]);
  });
});

describe('formatDuration / formatRelative', () => {
  it.each([
    [2 * HOUR, '2h', '2小时'],
    [HOUR + 59 * MINUTE + 59_000, '1h59m', '1小时59分'],
    [29 * DAY + 23 * HOUR + 59 * MINUTE, '29d23h', '29天23小时'],
    [4 * MINUTE + 30_000, '4m30s', '4分30秒'],
    [12 * MINUTE + 30_000, '12m', '12分'],
    [45_000, '45s', '45秒'],
    [0, '0s', '0秒'],
  ])('%d ms → %s / %s', (ms, en, zh) => {
    expect(formatDuration(ms, 'en')).toBe(en);
    expect(formatDuration(ms, 'zh')).toBe(zh);
  });
  it('says in / ago', () => {
    expect(formatRelative(HOUR, 'en')).toBe('in 1h');
    expect(formatRelative(-5 * MINUTE, 'en')).toBe('5m ago');
    expect(formatRelative(HOUR, 'zh')).toBe('1小时后');
    expect(formatRelative(-5 * MINUTE, 'zh')).toBe('5分前');
  });
  it('brackets the deadline in the language of the text around it: full-width in Chinese', () => {
    const at = formatLocalTime(T0 + 2 * HOUR);
    expect(formatDeadline(T0 + 2 * HOUR, T0 + MINUTE, 'zh')).toBe(`${at}（1小时59分后）`);
    expect(formatDeadline(T0 + 2 * HOUR, T0 + MINUTE, 'en')).toBe(`${at} (in 1h59m)`);
  });
});

describe('codeAsTokenArg: what is certainly no token where a token goes (API-FACTS §0.5)', () => {
  it('a callback with its code, another URL, a bare code; nothing else', () => {
    const code = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
    expect(codeAsTokenArg(`https://www.example.com/cb?code=${code}&state=abc`)).toBe('callback');
    expect(codeAsTokenArg(`https://www.example.com/#/login?code=${code}`)).toBe('callback');
    expect(codeAsTokenArg(`code=${code}&state=abc`)).toBe('callback');
    expect(codeAsTokenArg('https://www.example.com/cb?state=abc')).toBe('url');
    expect(codeAsTokenArg(` ${code} `)).toBe('code');
    // A token (NN_ and ~107 more), 32 hex digits (an AppSecret's shape), another length, a name=value: sent as they are.
    expect(codeAsTokenArg('73_NSpWjmw0mXLvwFwYA8J8iJXECda9jWN3U1wb79_u8D2d1qLDYlQT0QBsCbop2-2w-m09pOSBtl3F5xkj4zmBtytllbcuc6GxWgRch4YIHHI')).toBeUndefined();
    expect(codeAsTokenArg('0123456789abcdef0123456789ABCDEF')).toBeUndefined();
    expect(codeAsTokenArg(code.slice(1))).toBeUndefined();
    expect(codeAsTokenArg('access_token=73_NSpW')).toBeUndefined();
    expect(codeAsTokenArg('https://www.example.com/cb?code=&state=abc')).toBe('url');
  });
});

// Codes and user tokens carry the slot the emulator keeps them in (state.ts CodeStore / GrantStore,
// issue 19). What a client sees must not change: a near-miss of a live code or token is an unknown one,
// a forgotten one stays unknown after its slot holds a newer entry, and codes and tokens keep
// WeChat's shapes and do not repeat.
import { describe, expect, it } from 'vitest';
import { CodeStore, GrantStore } from '../../src/emulator/state.js';
import { DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { get, useEmulator } from './helpers.js';

const SVC = DEFAULT_APPIDS.service;
const SVC_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';

const emu = useEmulator();

const exchangePath = (code: string) => `/sns/oauth2/access_token?appid=${SVC}&secret=${SVC_SECRET}&code=${code}&grant_type=authorization_code`;

/** `text` with the character at `index` replaced by another one of the same alphabet. */
function nearMiss(text: string, index: number): string {
  const c = text[index]!;
  return text.slice(0, index) + (c === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('codes and tokens that carry their slot', () => {
  it('answers 40029 / 40014 for a code or token one character off a live one, wherever the character is', async () => {
    const code = emu.issueCode({ appid: SVC, user: 'u1', scope: 'snsapi_base' });
    for (const index of [1, 15, 28, 29, 30, 31]) {
      const r = await get(emu.url, exchangePath(nearMiss(code, index)));
      expect(r.json.errcode, `code character ${index}`).toBe(40029);
    }
    const token = (await get(emu.url, exchangePath(code))).json as { access_token: string; refresh_token: string; openid: string };
    for (const index of [3, 60, 106, 107, 108, 109]) {
      const r = await get(emu.url, `/sns/auth?access_token=${nearMiss(token.access_token, index)}&openid=${token.openid}`);
      expect(r.json.errcode, `token character ${index}`).toBe(40014);
      const refreshed = await get(emu.url, `/sns/oauth2/refresh_token?appid=${SVC}&grant_type=refresh_token&refresh_token=${nearMiss(token.refresh_token, index)}`);
      expect(refreshed.json.errcode, `refresh_token character ${index}`).toBe(40030);
    }
    // The refresh_token is not an access_token, nor the other way round.
    expect((await get(emu.url, `/sns/auth?access_token=${token.refresh_token}&openid=${token.openid}`)).json.errcode).toBe(40014);
    expect((await get(emu.url, `/sns/auth?access_token=${token.access_token}&openid=${token.openid}`)).json.errcode).toBe(0);
  });

  it('forgets a code and a grant for good: a newer entry in the same slot does not answer to the old code or tokens', () => {
    const codes = new CodeStore(4);
    const grants = new GrantStore(4);
    const first = codes.mint('wx1', 'u1', 'snsapi_base', false, 0, 1000);
    const grant = grants.create('wx1', 'u1', 'o1', 'snsapi_base', false, 1000, 2000);
    const firstAccess = grant.accessToken;
    const firstRefresh = grant.refreshToken;
    const firstSerial = grant.serial;
    const later: string[] = [];
    // Two more generations: the first code's and grant's slot is reused.
    for (let i = 0; i < 8; i++) {
      later.push(codes.mint('wx1', 'u1', 'snsapi_base', false, 0, 1000));
      grants.create('wx1', 'u1', 'o1', 'snsapi_base', false, 1000, 2000);
    }
    expect(codes.find(first)).toBe(-1);
    expect(codes.get(first)).toBeUndefined();
    expect(grants.byAccess(firstAccess)).toBeUndefined();
    expect(grants.byRefresh(firstRefresh)).toBeUndefined();
    expect(grants.bySerial(firstSerial)).toBeUndefined();
    // Nine codes in generations of four: the third generation holds one, the second is kept whole, the
    // first (the first code and three more) is gone.
    expect(codes.size).toBe(5);
    for (const code of later.slice(0, 3)) expect(codes.find(code)).toBe(-1);
    for (const code of later.slice(3)) expect(codes.find(code)).toBeGreaterThanOrEqual(0);
    expect(new Set(later).size).toBe(later.length);
    for (const code of later) expect(code).toMatch(/^0[0-9A-Za-z]{31}$/);
  });

  it('keeps a refreshed grant under its new access_token only, with the same refresh_token', () => {
    const grants = new GrantStore(4);
    const grant = grants.create('wx1', 'u1', 'o1', 'snsapi_userinfo', true, 1000, 2000);
    const { accessToken: oldAccess, refreshToken } = grant;
    const found = grants.byRefresh(refreshToken)!;
    grants.renewAccess(found);
    expect(found.accessToken).not.toBe(oldAccess);
    expect(found.accessToken).toMatch(/^86_[0-9A-Za-z_-]{107}$/);
    expect(grants.byAccess(oldAccess)).toBeUndefined();
    const renewed = grants.byAccess(found.accessToken)!;
    expect(renewed).toMatchObject({ appid: 'wx1', userId: 'u1', openid: 'o1', scope: 'snsapi_userinfo', snapshot: true, refreshToken, accessExpiresAt: 1000, refreshExpiresAt: 2000 });
  });
});

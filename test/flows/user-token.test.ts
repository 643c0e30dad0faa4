// The user-token service (shared with login/demo) against the in-process emulator over real HTTP,
// with a real token cache in a temp dir and an injected wxauth clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle, type PublicApp } from '../../src/emulator/index.js';
import { WechatApi } from '../../src/http/api.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { ConfigError, UsageError, WechatApiError } from '../../src/errors.js';
import { StateFiles } from '../../src/store/state.js';
import { exchangeCode, fetchUserinfo, pickUserToken, refreshUserToken, type AutoRefresh } from '../../src/flows/user-token.js';

let emu: EmulatorHandle;
let svc: PublicApp;
let tokens: TokenStore;
let api: WechatApi;
let clock: number;
const now = () => clock;

beforeAll(async () => {
  emu = await startEmulator();
  svc = emu.apps.find((a) => a.type === 'service') as PublicApp;
  api = new WechatApi({ apiBase: emu.url, timeoutMs: 5000, retryDelaysMs: [] });
});

afterAll(async () => {
  await emu.close();
});

beforeEach(() => {
  emu.reset();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-usertoken-'));
  tokens = TokenStore.open(dir);
  clock = Date.UTC(2026, 0, 15, 2, 0, 0);
});

const deps = () => ({ api, tokens, profile: 'default', now });
const codeFor = (user: string, scope: 'snsapi_base' | 'snsapi_userinfo' = 'snsapi_userinfo') => emu.issueCode({ appid: svc.appid, user, scope });

describe('exchangeCode', () => {
  it('saves an entry whose deadlines count from the moment the request was sent', async () => {
    const r = await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u1') });
    expect(r.saved).toBe(true);
    expect(r.entry).toMatchObject({
      appid: svc.appid,
      scope: 'snsapi_userinfo',
      accessTokenExpiresAt: clock + 7200_000,
      refreshTokenExpiresAt: clock + 30 * 86_400_000,
      obtainedAt: clock,
    });
    expect(tokens.getUser('default', svc.appid)).toEqual(r.entry);
    expect(r.noUnionid).toBeUndefined();
  });

  it('--no-save leaves the cache alone', async () => {
    const r = await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u1'), save: false });
    expect(r.saved).toBe(false);
    expect(tokens.listUsers('default')).toEqual([]);
  });

  it('rethrows WeChat errors with the next step as a hint, keeping errcode, rid and raw body', async () => {
    const code = codeFor('u1');
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code });
    const error = await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatApiError);
    const e = error as WechatApiError;
    expect(e.errcode).toBe(40163);
    expect(e.rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(JSON.parse(e.raw)).toMatchObject({ errcode: 40163 });
    // wxauth spent it itself: the hint says when, and for whom (the tokens it got then are cached).
    expect(e.hint).toMatchObject({ key: 'tokens.next.code_spent_here', params: { at: { localTime: clock }, openid: tokens.getUser('default', svc.appid)!.openid } });
  });

  it('recognises every code it spent, by a digest kept apart from the tokens, and not one spent elsewhere', async () => {
    const first = codeFor('u1');
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: first });
    const firstAt = clock;
    // A newer code of the same user: the first code is still known.
    clock += 60_000;
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u1') });
    expect(fs.readFileSync(tokens.path, 'utf8')).not.toContain(first);
    emu.configure({ reusedCodeErrcode: 40029 });
    const again = (await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: first }).catch((e: unknown) => e)) as WechatApiError;
    expect(again.errcode).toBe(40029);
    expect(again.hint).toMatchObject({ key: 'tokens.next.code_spent_here', params: { at: { localTime: firstAt }, codeProfile: 'default' } });
    expect(again.diagnosis).toEqual({ kind: 'code_exchanged_by_wxauth', exchangedAt: firstAt, appid: svc.appid, profile: 'default', openid: expect.any(String) });

    // Another profile of the same cache knows it too, and says which profile spent it.
    const other = (await exchangeCode({ ...deps(), profile: 'staging', appid: svc.appid, secret: svc.secret, code: first }).catch((e: unknown) => e)) as WechatApiError;
    expect(other.hint).toMatchObject({ key: 'tokens.next.code_spent_here', params: { codeProfile: 'default', cp: '' } });

    // Tried under another appid: the code belongs to the one wxauth exchanged it with.
    const test = emu.apps.find((a) => a.type === 'test') as PublicApp;
    const wrongApp = (await exchangeCode({ ...deps(), appid: test.appid, secret: test.secret, code: first }).catch((e: unknown) => e)) as WechatApiError;
    expect(wrongApp.hint).toMatchObject({ key: 'tokens.next.code_spent_other_appid', params: { codeAppid: svc.appid, appid: test.appid } });

    // Exchanged without saving (as another process would): wxauth cannot know, and says what is likely.
    const elsewhere = codeFor('u2');
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: elsewhere, save: false });
    emu.configure({ reusedCodeErrcode: 40163 });
    const used = (await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: elsewhere }).catch((e: unknown) => e)) as WechatApiError;
    expect(used.hint?.key).toBe('tokens.next.code_used');
    expect(used.diagnosis).toBeUndefined();

    // tokens clear forgets the users' codes too: no openid of theirs stays in the file.
    const openid = tokens.listUsers('default')[0]!.openid;
    expect(tokens.removeUsers('default')).toBe(1);
    expect(fs.readFileSync(tokens.path, 'utf8')).not.toContain(openid);
    const forgotten = (await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: first }).catch((e: unknown) => e)) as WechatApiError;
    expect(forgotten.hint?.key).toBe('tokens.next.code_used');
  });

  it('marks the state it is told of used once WeChat answered, by whom and when; never after a failed exchange', async () => {
    // A real state file: the one rule "used once its code was exchanged" lives here, not in each command.
    const files = new StateFiles(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-usertoken-state-')));
    files.put('default', false, undefined, { value: 'st-1', issuedAt: clock - 60_000, appid: svc.appid });
    const usesState = { store: files, otherAccount: false, value: 'st-1', by: 'listen' as const };
    const code = codeFor('u1');
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: 'not-a-code-' + code.slice(11), usesState }).catch(() => undefined);
    expect(files.get('default').entry?.usedAt).toBeUndefined();
    clock += 5_000;
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code, save: false, usesState });
    expect(files.get('default').entry).toMatchObject({ value: 'st-1', usedAt: clock, usedBy: 'listen' });
    // Another state (a link made since) is left unused.
    files.put('default', false, undefined, { value: 'st-2', issuedAt: clock, appid: svc.appid });
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u2'), usesState });
    expect(files.get('default').entry?.usedAt).toBeUndefined();
  });

  it('keeps the newest 100 spent codes', async () => {
    const entry = { appid: svc.appid, openid: 'o1', scope: 'snsapi_base', accessToken: 'AT', accessTokenExpiresAt: clock + 7200_000, obtainedAt: clock };
    for (let i = 0; i < 105; i++) tokens.putUser('default', entry, { digest: `d${i}`, appid: svc.appid, profile: 'default', openid: 'o1', at: i });
    expect(tokens.findSpentCode('d4')).toBeUndefined();
    expect(tokens.findSpentCode('d5')).toMatchObject({ at: 5 });
    expect(tokens.findSpentCode('d104')).toMatchObject({ at: 104 });
  });
});

describe('refreshUserToken', () => {
  it('uses the cached refresh_token and keeps the original 30-day deadline', async () => {
    const first = await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u1') });
    clock += 3 * 3600_000;
    emu.advanceClock(3 * 3600);
    const r = await refreshUserToken({ ...deps(), appid: svc.appid });
    expect(r.outcome).toBe('rotated');
    expect(r.entry.refreshTokenExpiresAt).toBe(first.entry.refreshTokenExpiresAt);
    expect(r.entry.accessTokenExpiresAt).toBe(clock + 7200_000);
    expect(r.entry.unionid).toBe(first.entry.unionid);
    expect(tokens.getUser('default', svc.appid)?.accessToken).toBe(r.token.accessToken);
  });

  it('without a cache entry: a missing credential (ConfigError, exit 4) saying how to get one', async () => {
    const e = await refreshUserToken({ ...deps(), appid: svc.appid }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).messageRef.key).toBe('tokens.noCachedUser');
  });
});

describe('fetchUserinfo', () => {
  it('announces the automatic refresh before retrying, even when the retry fails', async () => {
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u2', 'snsapi_base') });
    emu.advanceClock(7201);
    const seen: AutoRefresh[] = [];
    const e = await fetchUserinfo({ ...deps(), autoRefresh: true, onRefresh: (r) => seen.push(r) }).catch((x: unknown) => x);
    expect(seen.map((s) => s.reason)).toEqual([42001]);
    expect((e as WechatApiError).errcode).toBe(48001);
    expect((e as WechatApiError).hint?.key).toBe('tokens.next.need_userinfo_scope');
  });

  it('refreshes first when wxauth\'s own clock says the token expired', async () => {
    await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u1') });
    clock += 7201_000;
    const r = await fetchUserinfo({ ...deps(), autoRefresh: true });
    expect(r.refreshed?.reason).toBe('local');
    // The emulator's clock did not move: WeChat extended the same token.
    expect(r.refreshed?.result.outcome).toBe('extended');
    expect(r.userinfo.nickname).toBe('张三');
  });

  it('learns the unionid from userinfo when the cache lacks it', async () => {
    const ex = await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u1') });
    const { unionid: _dropped, ...withoutUnionid } = ex.entry;
    tokens.putUser('default', withoutUnionid);
    const r = await fetchUserinfo({ ...deps(), autoRefresh: false });
    expect(r.userinfo.unionid).toBe(ex.entry.unionid);
    expect(tokens.getUser('default', svc.appid)?.unionid).toBe(ex.entry.unionid);
  });
});

describe('pickUserToken', () => {
  it('finds the openid of a token the cache knows; asks for it otherwise', async () => {
    const ex = await exchangeCode({ ...deps(), appid: svc.appid, secret: svc.secret, code: codeFor('u1') });
    expect(pickUserToken(tokens, { profile: 'default', accessToken: ex.token.accessToken })).toMatchObject({ openid: ex.token.openid, source: 'args' });
    expect(() => pickUserToken(tokens, { profile: 'default', accessToken: 'unknown' })).toThrow(UsageError);
  });
});

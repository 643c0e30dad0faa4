// profile rename moves the token cache's entries in two writes (store/token-cache.ts beginRename): the
// first drops what the new name held and copies the old name's entries there, the second removes them
// from the old name. Each half-done state it can stop in must be one the user can finish from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenStore, type UserTokenEntry } from '../../src/store/token-cache.js';

const dirs: string[] = [];
function seeded(): { dir: string; store: TokenStore } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-rename-'));
  dirs.push(dir);
  const store = TokenStore.open(dir);
  store.putUser('old', user('wx00000000000000aa', 'oMine'), { digest: 'dMine', appid: 'wx00000000000000aa', profile: 'old', openid: 'oMine', at: 1 });
  store.putUser('new', user('wx00000000000000bb', 'oTheirs'), { digest: 'dTheirs', appid: 'wx00000000000000bb', profile: 'new', openid: 'oTheirs', at: 2 });
  return { dir, store };
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const user = (appid: string, openid: string): UserTokenEntry => ({ appid, openid, scope: 'snsapi_base', accessToken: `AT-${openid}`, accessTokenExpiresAt: 2_000_000, obtainedAt: 1_000_000 });
const openids = (store: TokenStore, profile: string) => store.listUsers(profile).map((u) => u.openid);

describe('TokenStore.beginRename', () => {
  it('the second write failing leaves a copy under the old name, nothing lost; run again, it finishes', () => {
    const { dir, store } = seeded();
    const move = store.beginRename('old', 'new');
    expect(move).toMatchObject({ movedUsers: 1, dropped: { users: 1, basic: 0, tickets: 0 } });
    fs.chmodSync(path.join(dir, 'tokens.json'), 0o400);
    expect(() => move.finish()).toThrow();
    expect(openids(store, 'old')).toEqual(['oMine']);
    expect(openids(store, 'new')).toEqual(['oMine']);
    fs.chmodSync(path.join(dir, 'tokens.json'), 0o600);
    move.finish();
    expect(openids(store, 'old')).toEqual([]);
    expect(openids(store, 'new')).toEqual(['oMine']);
    expect(store.findSpentCode('dMine')?.profile).toBe('new');
    expect(store.findSpentCode('dTheirs')).toBeUndefined();
  });

  it('an undo that cannot be written: the same rename begun again ends as one that went well', () => {
    const { store } = seeded();
    // First write done; config.json then refused the rename and the undo could not be written either
    // (profile.rename.failed.copied says to run the rename again).
    store.beginRename('old', 'new');
    const again = store.beginRename('old', 'new');
    expect(again.movedUsers).toBe(1);
    again.finish();
    expect(openids(store, 'new')).toEqual(['oMine']);
    expect(openids(store, 'old')).toEqual([]);
  });

  it('undo puts back what the new name held, its spent-code records in their places', () => {
    const { dir, store } = seeded();
    const before = JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')) as unknown;
    store.beginRename('old', 'new').undo();
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8'))).toEqual(before);
  });

  it('a cache that holds neither name is not written, nor created', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-rename-'));
    dirs.push(dir);
    const move = TokenStore.open(dir).beginRename('a', 'b');
    move.finish();
    expect(fs.existsSync(path.join(dir, 'tokens.json'))).toBe(false);
  });
});

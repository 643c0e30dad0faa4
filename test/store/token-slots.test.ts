// Basic tokens and tickets are cached per profile, appid and issuing host (store/token-cache.ts
// cacheSlot, core/endpoints.ts tokenHostOf): WeChat's hosts share the appid's slot, which older files
// already have; each emulator origin has its own, and the expired ones are dropped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REGIONS, tokenHostOf } from '../../src/core/endpoints.js';
import { TokenStore, type BasicTokenEntry } from '../../src/store/token-cache.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-slots-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const APPID = 'wx5e1ec0de00000001';
const entry = (accessToken: string, extra: Partial<BasicTokenEntry> = {}): BasicTokenEntry => ({ appid: APPID, kind: 'stable', accessToken, expiresAt: 2_000_000, obtainedAt: 1_000_000, ...extra });

describe('token slots per issuing host', () => {
  it('every WeChat host (each region, the backup) is one issuer; an emulator is its origin', () => {
    for (const base of Object.values(REGIONS)) expect(tokenHostOf(base), base).toBeUndefined();
    expect(tokenHostOf('http://127.0.0.1:3900/')).toBe('http://127.0.0.1:3900');
    expect(tokenHostOf('http://localhost:3900/prefix')).toBe('http://localhost:3900');
  });

  it('reads the slot an older wxauth wrote (the appid alone) as WeChat\'s; an entry in the wrong slot is not used', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'tokens.json'),
      JSON.stringify({ profiles: { default: { basic: { [APPID]: entry('OLD_WECHAT_TOKEN'), [`${APPID} http://127.0.0.1:3900`]: entry('MISFILED', { apiHost: 'http://127.0.0.1:3901' }) } } } }),
      { mode: 0o600 },
    );
    const store = TokenStore.open(dir);
    expect(store.getBasic('default', APPID)?.accessToken).toBe('OLD_WECHAT_TOKEN');
    expect(store.getBasic('default', APPID, 'http://127.0.0.1:3900')).toBeUndefined();
    expect(store.getBasic('default', APPID, 'http://127.0.0.1:3901')).toBeUndefined();
  });

  it('keeps WeChat\'s and each emulator\'s token apart, and drops an emulator\'s expired slot when another is written', () => {
    const store = TokenStore.open(tempDir());
    store.putBasic('default', entry('WECHAT', { expiresAt: 500 }));
    store.putBasic('default', entry('EMU_A', { apiHost: 'http://127.0.0.1:3900', expiresAt: 500 }));
    store.putBasic('default', entry('EMU_B', { apiHost: 'http://127.0.0.1:3901', obtainedAt: 1_000 }));
    expect(store.getBasic('default', APPID, 'http://127.0.0.1:3901')?.accessToken).toBe('EMU_B');
    // EMU_A expired (500 < 1000): gone; WeChat's expired entry stays for `token --show` to report.
    expect(store.getBasic('default', APPID, 'http://127.0.0.1:3900')).toBeUndefined();
    expect(store.getBasic('default', APPID)?.accessToken).toBe('WECHAT');
  });
});

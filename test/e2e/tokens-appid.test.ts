// check / refresh / userinfo when the profile's cache holds tokens of another appid (the profile's
// appid was changed, or WXAUTH_APPID points elsewhere): said as such, not as an empty cache while
// `wxauth tokens` lists the users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle, type PublicApp } from '../../src/emulator/index.js';
import { emulatorEnv, runCli, tempConfigDir } from './helpers.js';
import { seedUserToken } from './seed-tokens.js';

let emu: EmulatorHandle;
let svc: PublicApp;
let other: PublicApp;
let dir: string;
let openid: string;

beforeAll(async () => {
  emu = await startEmulator();
  const [a, b] = emu.apps.filter((app) => app.type !== 'website');
  if (!a || !b) throw new Error('the default seed has two official accounts');
  [svc, other] = [a, b];
  dir = tempConfigDir();
  openid = (await seedUserToken(emu, dir, svc, 'u1')).entry.openid;
});

afterAll(async () => {
  await emu.close();
});

/** The CLI with the other account's appid: the cached token is svc's. */
const wx = (args: string[], extra: Record<string, string> = {}) => runCli(args, { env: emulatorEnv(emu, other, { WXAUTH_CONFIG_DIR: dir, ...extra }) });

describe('a cache holding tokens of another appid', () => {
  it('check, refresh and userinfo name the appid the tokens are of, not "empty"', async () => {
    for (const command of ['check', 'refresh', 'userinfo']) {
      const r = await wx([command]);
      expect(r.code, command).toBe(4);
      expect(r.stderr, command).toContain(`The token cache of profile default has no user of appid ${other.appid}: its tokens are of ${svc.appid}`);
      expect(r.stderr, command).not.toContain('is empty');
    }
    const listed = await wx(['tokens']);
    expect(listed.stdout).toContain(openid);
  });

  it('tokens lists the users with their appid when it is not the run\'s', async () => {
    const listed = await wx(['tokens']);
    const [header, row] = listed.stdout.split('\n');
    expect(header).toMatch(/^appid\s+openid/);
    expect(row).toContain(`${svc.appid}  `);
    expect(row).toContain(openid);
    // With the profile's own appid, one app: no column.
    const own = await runCli(['tokens'], { env: emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir }) });
    expect(own.stdout.split('\n')[0]).toMatch(/^openid/);
  });

  it('with an openid, says that openid has tokens of the other appid (in zh too)', async () => {
    const r = await wx(['check', '--openid', openid]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`openid ${openid} has tokens of ${svc.appid}, not of the current appid ${other.appid}`);
    const zh = await wx(['check', '--openid', openid], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain(`openid ${openid} 的 token 属于 ${svc.appid}，不属于现在的 appid ${other.appid}`);
  });

  it('an openid cached for no appid at all is still "has no openid"', async () => {
    const r = await wx(['check', '--openid', 'oNoSuchOpenid0000000000000000']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('has no openid oNoSuchOpenid0000000000000000');
  });
});

describe('a refused WXAUTH_APPID', () => {
  it('check and userinfo stop naming it (exit 4) instead of using another appid\'s cached token', async () => {
    for (const command of ['check', 'userinfo']) {
      const r = await runCli([command, '--json'], { env: emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wx5e1ec0de0000000' }) });
      expect(r.code, command).toBe(4);
      expect(r.stdout, command).not.toContain('"valid":true');
      expect(r.stdout, command).toContain('WXAUTH_APPID');
    }
    const zh = await runCli(['check'], { env: emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wx123', LANG: 'zh_CN.UTF-8' }) });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('WXAUTH_APPID');
    expect(zh.stderr).not.toContain('有效');
  });
});

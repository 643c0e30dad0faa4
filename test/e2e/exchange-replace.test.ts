// The token cache keeps one token per user: an exchange of a snsapi_base code for a user whose cached
// token is a still-valid snsapi_userinfo one replaces it, and says so (userinfo then needs a new
// snsapi_userinfo authorization), instead of leaving `wxauth userinfo` to fail with 48001 unexplained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle, type PublicApp } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';
import { seedUserToken } from './seed-tokens.js';

let emu: EmulatorHandle;
let svc: PublicApp;

beforeAll(async () => {
  emu = await startEmulator();
  const app = emu.apps.find((a) => a.type === 'service');
  if (!app) throw new Error('the default seed has a service account');
  svc = app;
});

afterAll(async () => {
  await emu.close();
});

describe('exchange over a cached snsapi_userinfo token', () => {
  it('a snsapi_base exchange says it replaced the still-valid userinfo token, in en, zh and --json', async () => {
    const dir = tempConfigDir();
    const env = (extra: Record<string, string> = {}) => emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir, ...extra });
    await seedUserToken(emu, dir, svc, 'u1');
    const r = await runCli(['exchange', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/This user’s cached snsapi_userinfo token \(expires [\d-]+ [\d:]+ \(in 1h59m\)\) was replaced by this snsapi_base one/);
    expect(r.stderr).toContain('wxauth login --scope snsapi_userinfo');

    await seedUserToken(emu, dir, svc, 'u1');
    const zh = await runCli(['exchange', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { env: env({ LANG: 'zh_CN.UTF-8' }) });
    expect(zh.stderr).toContain('已被这个 snsapi_base token 替换');

    await seedUserToken(emu, dir, svc, 'u1');
    const json = await runCli(['exchange', '--json', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { env: env() });
    expect(parseJson(json.stdout)).toMatchObject({ scope: 'snsapi_base', replaced_userinfo_token: true });
  });

  it('says nothing when the cached token was a base one, or another user’s', async () => {
    const dir = tempConfigDir();
    const env = emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir });
    await seedUserToken(emu, dir, svc, 'u1', { scope: 'snsapi_base' });
    await seedUserToken(emu, dir, svc, 'u2');
    const r = await runCli(['exchange', emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_base' })], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('was replaced');
  });
});

// Profile names that every JavaScript object already has (issue 13, item 8): "__proto__" set the
// profiles object's prototype instead of adding a key (so `config set` printed "Saved" and wrote
// nothing), "constructor" and "toString" were found where there was no profile. Refused everywhere a
// name comes in; the stores hold profiles in objects without a prototype.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigStore, validateProfileName } from '../../src/store/config.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { pickProfileName, resolveConfig } from '../../src/store/resolve.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { runCli } from '../e2e/helpers.js';

// Removed in afterAll: vitest's fork workers end without an 'exit' event.
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-names-'));
  made.push(dir);
  return dir;
}

function thrown(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    return error as UsageError;
  }
  throw new Error('expected a throw');
}

const APPID = 'wx1234567890abcdef';
const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe.each(RESERVED)('the profile name %s', (name) => {
  const refused = (fn: () => unknown) => {
    const err = thrown(fn);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.exitCode).toBe(2);
    expect(err.messageRef).toEqual({ key: 'config.profile.reserved', params: { name } });
    expect(err.hint?.key).toBe('config.profile.reserved.hint');
  };

  it('is refused by validation, by the config store and by profile selection', () => {
    const dir = tempDir();
    const store = ConfigStore.open(dir);
    store.setValues('prod', { appid: APPID });
    const before = fs.readFileSync(store.path, 'utf8');
    refused(() => validateProfileName(name));
    refused(() => store.setValues(name, { appid: APPID }));
    refused(() => store.useProfile(name));
    refused(() => store.removeProfile(name));
    refused(() => store.unsetValues(name, ['appid']));
    refused(() => pickProfileName({ profile: name }, {}, undefined));
    // From WXAUTH_PROFILE it is configuration, not a mistake on the command line: exit 4, the hint names the variable.
    const fromEnv = thrown(() => pickProfileName({}, { WXAUTH_PROFILE: name }, undefined));
    expect(fromEnv).toBeInstanceOf(ConfigError);
    expect(fromEnv.exitCode).toBe(4);
    expect(fromEnv.messageRef).toEqual({ key: 'config.profile.reserved', params: { name } });
    expect(fromEnv.hint?.key).toBe('config.profile.reserved.env.hint');
    refused(() => resolveConfig({ globals: { profile: name }, env: {}, profiles: store.profiles() }));
    expect(fs.readFileSync(store.path, 'utf8')).toBe(before);
    expect(store.getProfile(name)).toBeUndefined();
  });

  it('is refused by the token cache, and no object prototype is touched', () => {
    const tokens = TokenStore.open(tempDir());
    const user = { appid: APPID, openid: 'o1', scope: 'snsapi_base', accessToken: 'AT', accessTokenExpiresAt: 1, obtainedAt: 1 };
    refused(() => tokens.putUser(name, user));
    expect(tokens.listUsers(name)).toEqual([]);
    expect(tokens.getBasic(name, APPID)).toBeUndefined();
    expect(tokens.legacyState(name)).toBeUndefined();
    expect(({} as Record<string, unknown>).users).toBeUndefined();
  });
});

describe('profiles held without a prototype', () => {
  it('a hand-written profile named "constructor" is data, and absent names are absent', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ profiles: { constructor: { appid: APPID }, prod: { appid: APPID } } }),
      { mode: 0o600 },
    );
    const store = ConfigStore.open(dir);
    expect(Object.keys(store.profiles()).sort()).toEqual(['constructor', 'prod']);
    expect(store.getProfile('toString')).toBeUndefined();
    expect(store.getProfile('valueOf')).toBeUndefined();
    expect(resolveConfig({ globals: { profile: 'prod' }, env: {}, profiles: store.profiles() }).appid).toBe(APPID);
  });

  it('a token cache with "__proto__" in it reads as data and pollutes nothing', () => {
    const dir = tempDir();
    const text = `{"profiles":{"__proto__":{"users":{}},"dev":{"users":{},"state":{"value":"s","issuedAt":1}}}}`;
    fs.writeFileSync(path.join(dir, 'tokens.json'), text, { mode: 0o600 });
    const tokens = TokenStore.open(dir);
    expect(tokens.listUsers('dev')).toEqual([]);
    expect(tokens.legacyState('dev')).toEqual({ value: 's', issuedAt: 1 });
    expect(({} as Record<string, unknown>).users).toBeUndefined();
  });
});

describe('through the CLI', () => {
  it('`--profile __proto__ config set`, `profile use constructor` and `profile remove toString` are usage errors', async () => {
    const dir = tempDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['config', 'set', 'appid', APPID], { env })).code).toBe(0);
    const file = path.join(dir, 'config.json');
    const before = fs.readFileSync(file, 'utf8');
    for (const args of [
      ['--profile', '__proto__', 'config', 'set', 'appid', APPID],
      ['profile', 'use', 'constructor'],
      ['profile', 'remove', 'toString', '--yes'],
    ]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(args.find((a) => RESERVED.includes(a))!);
      expect(r.stderr).not.toMatch(/Saved|✔/);
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
    }
  });

  it('a profile written by hand under such a name: profile list warns, naming it and the way out (en, zh, --json); use, rename and remove say to edit the file; the file is never changed', async () => {
    const dir = tempDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const file = path.join(dir, 'config.json');
    const text = `{"profiles":{"dev":{"appid":"${APPID}"},"__proto__":{"type":"service","appid":"${APPID}"},"prototype":{"appid":"${APPID}"}},"currentProfile":"dev"}`;
    fs.writeFileSync(file, text, { mode: 0o600 });
    const list = await runCli(['profile', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('__proto__');
    expect(list.stderr).toContain(
      `! Profile "__proto__" in ${file} has a name wxauth refuses (a built-in property of every JavaScript object), so no command can use, rename or remove it. Edit that file yourself: rename its key to another name (letters, digits, - and _), or delete its entry; wxauth leaves the file as it is.\n`,
    );
    expect(list.stderr).toContain(`! Profile "prototype" in ${file}`);
    expect(list.stderr).not.toContain('"dev" in');
    const zh = await runCli(['--lang', 'zh', 'profile', 'list'], { env });
    expect(zh.stderr).toContain(`! ${file} 里的 profile "__proto__" 用的是 wxauth 不接受的名字（每个 JavaScript 对象都有的内置属性名），哪个命令都没法使用、改名或删除它。`);
    const json = await runCli(['profile', 'list', '--json'], { env });
    expect((JSON.parse(json.stdout) as { warnings: Array<{ id: string; message: string }> }).warnings.map((w) => w.id)).toEqual(['profile.reserved', 'profile.reserved']);
    for (const args of [
      ['profile', 'remove', '__proto__', '--yes'],
      ['profile', 'rename', 'prototype', 'proto'],
      ['profile', 'use', '__proto__'],
    ]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(`→ ${file} has a profile by this name (written there by hand), which no command can use, rename or remove. Edit that file yourself`);
    }
    const zhRemove = await runCli(['--lang', 'zh', 'profile', 'remove', '__proto__', '--yes'], { env });
    expect(zhRemove.stderr).toContain(`→ ${file} 里有这个名字的 profile（手动写进去的），哪个命令都没法使用、改名或删除它。`);
    // A reserved name the file does not hold: the usual advice, another name.
    expect((await runCli(['profile', 'remove', 'toString', '--yes'], { env })).stderr).toContain('Choose another name');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});

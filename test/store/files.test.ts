// State files that are not what wxauth wrote (issue 13): JSON of the wrong shape (item 6), a FIFO,
// a device or a huge file where config.json should be (item 9), a file the user made read-only and a
// folder others can write (item 13). Each is reported as a ConfigError (exit 4) naming the file and
// what to do, and the file is left byte for byte as it was.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigStore } from '../../src/store/config.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { MAX_STATE_FILE_BYTES } from '../../src/store/files.js';
import { resolveConfig } from '../../src/store/resolve.js';
import { ConfigError } from '../../src/errors.js';
import { runCli } from '../e2e/helpers.js';
import { compileStore, runWithStore } from './compile-store.js';

// Removed in afterAll: vitest's fork workers end without an 'exit' event.
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-files-'));
  made.push(dir);
  return dir;
}

function thrown(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a throw');
}

const APPID = 'wx1234567890abcdef';
const posix = process.platform !== 'win32';

let storeJs: string;
beforeAll(() => {
  storeJs = compileStore();
  made.push(storeJs);
});

describe('a state file that parses but is not in the shape wxauth writes (item 6)', () => {
  const user = { appid: APPID, openid: 'o1', scope: 'snsapi_base', accessToken: 'AT', accessTokenExpiresAt: 1, obtainedAt: 1 };
  const tokenCases: Array<[string, unknown, string, string]> = [
    ['profiles is a string', { profiles: 'oops' }, 'profiles', 'string "oops"'],
    ['a user entry is null', { profiles: { default: { users: { k: null } } } }, 'profiles.default.users.k', 'null'],
    ['a token is a number', { profiles: { default: { users: { [`${APPID}:o1`]: { ...user, accessToken: 5 } } } } }, `profiles.default.users["${APPID}:o1"].accessToken`, 'number 5'],
    ['a field is null', { profiles: { dev: { users: { u: { ...user, refreshToken: null } } } } }, 'profiles.dev.users.u.refreshToken', 'null'],
    ['a basic token of an unknown kind', { profiles: { default: { basic: { [APPID]: { appid: APPID, kind: 'other', accessToken: 'AT', expiresAt: 1, obtainedAt: 1 } } } } }, `profiles.default.basic.${APPID}.kind`, 'string "other"'],
    ['the state is an array', { profiles: { default: { state: [] } } }, 'profiles.default.state', 'array'],
    ['a profile is null', { profiles: { 'my-app': null } }, 'profiles["my-app"]', 'null'],
    ['the top level is an array', [], '(top level)', 'array'],
  ];

  it.each(tokenCases)('tokens.json where %s: exit 4 naming the file and the path inside it, bytes kept', (_name, data, where, found) => {
    const dir = tempDir();
    const file = path.join(dir, 'tokens.json');
    const text = JSON.stringify(data);
    fs.writeFileSync(file, text, { mode: 0o600 });
    const err = thrown(() => TokenStore.open(dir));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.exitCode).toBe(4);
    expect(err.messageRef).toMatchObject({ key: 'config.file.wrongShape', params: { file, where, found } });
    // The next step: tokens.json is only a cache, so deleting it is an option.
    expect(err.hint).toMatchObject({ key: 'config.file.wrongShape.tokens.hint', params: { file, where } });
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  const configCases: Array<[string, unknown, string]> = [
    ['a null profile', { profiles: { default: null } }, 'profiles.default'],
    ['profiles as an array', { profiles: [] }, 'profiles'],
    ['an appid that is a list', { profiles: { prod: { appid: [APPID] } } }, 'profiles.prod.appid'],
    ['a numeric currentProfile', { currentProfile: 7, profiles: {} }, 'currentProfile'],
  ];

  it.each(configCases)('config.json with %s: exit 4 naming the file and the path inside it, bytes kept', (_name, data, where) => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    const text = JSON.stringify(data, null, 2);
    fs.writeFileSync(file, text, { mode: 0o600 });
    const err = thrown(() => ConfigStore.open(dir));
    expect(err.exitCode).toBe(4);
    expect(err.messageRef).toMatchObject({ key: 'config.file.wrongShape', params: { file, where } });
    expect(err.hint?.key).toBe('config.file.wrongShape.hint');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('through the CLI: reading and writing both stop with exit 4 and the path inside the file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    const text = '{"profiles":{"default":null}}';
    fs.writeFileSync(file, text, { mode: 0o600 });
    for (const args of [['config', 'list'], ['config', 'set', 'domain', 'www.example.com']]) {
      const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain('profiles.default');
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
    }
  });

  // Root ignores permission bits, so the child drops to `nobody` to meet a real EACCES.
  it.skipIf(!posix)('a lock that cannot be created (EACCES) is exit 4 naming config.json and the folder, not exit 70', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, 'config.json');
    const text = JSON.stringify({ profiles: { default: { appid: APPID } } });
    fs.writeFileSync(file, text, { mode: 0o644 });
    if (process.getuid?.() !== 0) fs.chmodSync(dir, 0o555);
    const drop = process.getuid?.() === 0 ? 'process.setgid(65534); process.setuid(65534);' : '';
    // One write elsewhere first, still as root, so every module a write needs is already loaded:
    // `nobody` may not be able to read the checkout itself (CI clones into a 0700 folder).
    const warm = tempDir();
    const r = runWithStore(
      storeJs,
      dir,
      `ConfigStore.open(${JSON.stringify(warm)}).setValues('default', { domain: 'warm.example.com' }); ${drop} ConfigStore.open(dir).setValues('default', { domain: 'www.example.com' });`,
    );
    // The file the user knows (config.json, not the lock or its temporary files), the folder, and why in words.
    expect(r.error).toMatchObject({ name: 'ConfigError', exitCode: 4, key: 'config.file.lockFailed', params: { file, dir, reason: { key: 'common.os.denied.write', params: { code: 'EACCES' } } } });
    expect(r.error?.hint).toMatchObject({ key: 'config.file.unwritable.fix.hint', params: { fix: { key: process.getuid?.() === 0 ? 'common.file.hint.denied.write' : 'common.file.hint.denied.write.own', params: { dir } } } });
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    fs.chmodSync(dir, 0o755); // so afterAll can remove it
  });
});

describe('a state path that is not a regular file (item 9)', () => {
  it.skipIf(!posix)('a FIFO as config.json is refused at once instead of waiting forever for a writer', () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    execFileSync('mkfifo', [file]);
    const started = Date.now();
    const r = runWithStore(storeJs, dir, 'ConfigStore.open(dir);', 5_000);
    expect(r.signal, 'the store hung on the FIFO').toBeNull();
    expect(r.error).toMatchObject({ exitCode: 4, key: 'config.file.notRegular.fifo', params: { file } });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it.skipIf(!posix)('tokens.json linked to /dev/zero is refused instead of read until memory runs out', () => {
    const dir = tempDir();
    const file = path.join(dir, 'tokens.json');
    fs.symlinkSync('/dev/zero', file);
    const r = runWithStore(storeJs, dir, 'TokenStore.open(dir);', 5_000);
    expect(r.signal, 'the store read /dev/zero').toBeNull();
    expect(r.error).toMatchObject({ exitCode: 4, key: 'config.file.notRegular.charDevice', params: { file } });
    expect(fs.readlinkSync(file)).toBe('/dev/zero');
  });

  it.skipIf(!posix)('a character device is named as such (not reported as JSON that does not parse)', () => {
    const dir = tempDir();
    fs.symlinkSync('/dev/null', path.join(dir, 'config.json'));
    const err = thrown(() => ConfigStore.open(dir));
    expect(err.messageRef).toMatchObject({ key: 'config.file.notRegular.charDevice' });
    expect(err.hint?.key).toBe('config.file.notRegular.hint');
  });

  it('the kind of file is named in the user’s language: no English word in zh output', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'config.json'));
    const zh = await runCli(['--lang', 'zh', 'config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`${path.join(dir, 'config.json')} 不是普通文件（而是目录）`);
    expect(zh.stderr.replaceAll(dir, '')).not.toMatch(/directory/);
    const en = await runCli(['config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(en.stderr).toContain('is not a regular file (it is a directory)');
    if (!posix) return;
    const fifo = tempDir();
    execFileSync('mkfifo', [path.join(fifo, 'tokens.json')]);
    const pipe = await runCli(['--lang', 'zh', 'tokens'], { env: { WXAUTH_CONFIG_DIR: fifo } });
    expect(pipe.code).toBe(4);
    expect(pipe.stderr).toContain('不是普通文件（而是命名管道（FIFO））');
  });

  it('a config.json over 4 MiB is refused, not read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, `{"profiles":{}}${' '.repeat(MAX_STATE_FILE_BYTES)}`, { mode: 0o600 });
    const err = thrown(() => ConfigStore.open(dir));
    expect(err.exitCode).toBe(4);
    expect(err.messageRef).toMatchObject({ key: 'config.file.tooLarge', params: { file, limit: 4 * 1024 * 1024 } });
    expect(fs.statSync(file).size).toBe(MAX_STATE_FILE_BYTES + 15);
  });

  it('a regular file reached through a symlink is still read (dotfile managers link config files)', () => {
    const dir = tempDir();
    const target = path.join(tempDir(), 'real-config.json');
    fs.writeFileSync(target, JSON.stringify({ profiles: { prod: { appid: APPID } } }), { mode: 0o600 });
    fs.symlinkSync(target, path.join(dir, 'config.json'));
    expect(ConfigStore.open(dir).getProfile('prod')).toEqual({ appid: APPID });
  });
});

describe.skipIf(!posix)('permissions the user chose or should fix (item 13)', () => {
  it('a read-only (0400) config.json is kept as it is: the write is refused, not done through a 0600 copy', () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    const text = JSON.stringify({ profiles: { default: { appid: APPID } } });
    fs.writeFileSync(file, text);
    fs.chmodSync(file, 0o400);
    const store = ConfigStore.open(dir);
    const err = thrown(() => store.setValues('default', { domain: 'www.example.com' }));
    expect(err.exitCode).toBe(4);
    expect(err.messageRef).toMatchObject({ key: 'config.file.readOnly', params: { file, mode: '0400' } });
    expect(err.hint).toMatchObject({ key: 'config.file.readOnly.hint', params: { file } });
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    // Reading it is fine: read-only is a choice, not a fault.
    expect(store.getProfile('default')).toEqual({ appid: APPID });
  });

  it('a read-only tokens.json gets advice for a token cache (chmod), not config.json\'s', () => {
    const dir = tempDir();
    const file = path.join(dir, 'tokens.json');
    fs.writeFileSync(file, '{}\n');
    fs.chmodSync(file, 0o400);
    const err = thrown(() => TokenStore.open(dir).assertWritable('default'));
    expect(err.messageRef).toMatchObject({ key: 'config.file.readOnly', params: { file, mode: '0400' } });
    expect(err.hint).toMatchObject({ key: 'config.file.readOnly.tokens.hint', params: { file } });
    expect(fs.readFileSync(file, 'utf8')).toBe('{}\n');
  });

  /** What opening the folder's stores throws, or undefined. */
  const refusalOf = (open: () => unknown): ConfigError | undefined => {
    try {
      open();
      return undefined;
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
  };

  // Anyone who can write the folder can plant a config.json aiming wxauth at their server, which then
  // gets the AppSecret: every user (0777) is refused before anything is read; its group (0770), as with
  // user private groups, is a warning.
  it.skipIf(!posix)('a state folder every user can write (0777) is refused (exit 4) and left as it is; one its group can write is a warning, never printed', () => {
    const dir = tempDir();
    const config = path.join(dir, 'config.json');
    const text = JSON.stringify({ profiles: { default: { appid: APPID, apiBase: 'http://127.0.0.1:4950' } } });
    fs.writeFileSync(config, text, { mode: 0o600 });
    fs.chmodSync(dir, 0o777);
    for (const open of [() => ConfigStore.open(dir), () => TokenStore.open(dir)]) {
      const refused = refusalOf(open);
      expect(refused?.exitCode).toBe(4);
      expect(refused?.messageRef).toEqual({ key: 'config.dir.worldWritable', params: { dir, mode: '0777' } });
      expect(refused?.hint).toEqual({ key: 'config.dir.worldWritable.hint', params: { dir } });
    }
    expect(fs.readFileSync(config, 'utf8')).toBe(text);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o777);

    fs.chmodSync(dir, 0o770);
    const opened = ConfigStore.open(dir);
    const warning = { key: 'config.dir.writableByOthers', params: { dir, mode: '0770' } };
    expect(opened.warnings()).toEqual([warning]);
    expect(TokenStore.open(dir).warnings()).toEqual([warning]);
    const resolved = resolveConfig({ globals: {}, env: {}, profiles: opened.profiles(), currentProfile: opened.currentProfile(), warnings: opened.warnings() });
    expect(resolved.warnings).toContainEqual(warning);

    fs.chmodSync(dir, 0o700);
    expect(ConfigStore.open(dir).warnings()).toEqual([]);
    fs.chmodSync(dir, 0o750);
    expect(ConfigStore.open(dir).warnings()).toEqual([]);
  });

  it.skipIf(!posix)('a folder owned by another user is refused, unless that user is root (who can replace anything anyway)', () => {
    const dir = tempDir();
    const { uid } = fs.statSync(dir);
    const spy = vi.spyOn(process, 'getuid').mockReturnValue(uid + 1);
    try {
      const refused = refusalOf(() => ConfigStore.open(dir));
      if (uid === 0) expect(refused).toBeUndefined();
      else expect(refused?.messageRef).toEqual({ key: 'config.dir.otherOwner', params: { dir, uid } });
    } finally {
      spy.mockRestore();
    }
  });

  // Only root can give a folder away (chown), so only a root run checks it. The attack: another user's
  // folder whose config.json aims wxauth at their server, which then receives WXAUTH_SECRET.
  it.skipIf(!posix || process.getuid?.() !== 0)('a state folder another user owns is refused (exit 4) before its config.json is read, naming its owner', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ profiles: { default: { appid: APPID, apiBase: 'http://127.0.0.1:4950' } } }), { mode: 0o600 });
    fs.chownSync(dir, 4242, 4242);
    try {
      for (const open of [() => ConfigStore.open(dir), () => TokenStore.open(dir)]) {
        const refused = refusalOf(open);
        expect(refused?.exitCode).toBe(4);
        expect(refused?.messageRef).toEqual({ key: 'config.dir.otherOwner', params: { dir, uid: 4242 } });
      }
    } finally {
      fs.chownSync(dir, 0, 0);
    }
    expect(ConfigStore.open(dir).warnings()).toEqual([]);
  });

  it.skipIf(!posix)('a config.json or tokens.json others can read (0644, 0640) comes back as a warning naming the file and its mode; the file is left as it is', () => {
    const dir = tempDir();
    const config = path.join(dir, 'config.json');
    const tokens = path.join(dir, 'tokens.json');
    fs.writeFileSync(config, JSON.stringify({ profiles: { default: { appid: APPID } } }), { mode: 0o600 });
    fs.writeFileSync(tokens, JSON.stringify({ profiles: {} }), { mode: 0o600 });
    fs.chmodSync(dir, 0o700);
    expect(ConfigStore.open(dir).warnings()).toEqual([]);
    expect(TokenStore.open(dir).warnings()).toEqual([]);

    fs.chmodSync(config, 0o644);
    fs.chmodSync(tokens, 0o640);
    expect(ConfigStore.open(dir).warnings()).toEqual([{ key: 'config.file.readableByOthers', params: { file: config, mode: '0644' } }]);
    expect(TokenStore.open(dir).warnings()).toEqual([{ key: 'config.tokens.readableByOthers', params: { file: tokens, mode: '0640' } }]);
    expect(fs.statSync(config).mode & 0o777).toBe(0o644);
    expect(fs.statSync(tokens).mode & 0o777).toBe(0o640);

    // Others may write (0620) but not read: not this warning's business. And no file, no warning.
    fs.chmodSync(config, 0o620);
    expect(ConfigStore.open(dir).warnings()).toEqual([]);
    expect(ConfigStore.open(tempDir()).warnings()).toEqual([]);
  });
});

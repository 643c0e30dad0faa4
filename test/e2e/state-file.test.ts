// The state `wxauth url` remembers lives in state-<profile>.json (src/store/state.ts), not in the token
// cache: url never rewrites tokens.json, a state an older wxauth left in tokens.json is still checked,
// and a state file that cannot be used is said and ignored, never a reason to stop.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFiles, stateFileName } from '../../src/store/state.js';
import { parseJson, runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx807d86fb6b3d4fd2';
const CODE = '041cQ8ll2nWy5c42enol2R2DZX2cQ8ly';
const callback = (state: string) => `https://www.example.com/oauth/callback?code=${CODE}&state=${state}`;
const posix = process.platform !== 'win32';

function setUp() {
  const dir = tempConfigDir();
  const env = { WXAUTH_CONFIG_DIR: dir };
  const run = (args: string[]) => runCli(args, { env });
  return { dir, run };
}

async function init(run: (args: string[]) => ReturnType<typeof runCli>, profile = 'default') {
  const r = await run(['init', '--profile', profile, '--type', 'service', '--appid', APPID, '--secret', '0123456789abcdef0123456789abcdef', '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/oauth/callback', '-y']);
  expect(r.code, r.stderr).toBe(0);
}

describe('the remembered state (state-<profile>.json)', () => {
  it('url writes it (0600) for its profile and leaves the token cache alone, even a broken one', async () => {
    const { dir, run } = setUp();
    await init(run);
    await init(run, 'prod');
    fs.writeFileSync(path.join(dir, 'tokens.json'), '{ not json', { mode: 0o600 });
    const built = await run(['url', '--json']);
    expect(built.code, built.stderr).toBe(0);
    const { state } = parseJson(built.stdout) as { state: string };
    const file = path.join(dir, 'state-default.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ value: state, scope: 'snsapi_base', endpoint: 'authorize', appid: APPID });
    if (posix) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).toBe('{ not json');

    // Another profile's URL has a file of its own: default's state still checks out.
    const prod = await run(['--profile', 'prod', 'url', '--json']);
    const prodState = (parseJson(prod.stdout) as { state: string }).state;
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'state-prod.json'), 'utf8')).value).toBe(prodState);
    fs.rmSync(path.join(dir, 'tokens.json'));
    const ok = await run(['inspect', callback(state)]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('[callback.state_ok]');
  });

  it.skipIf(!posix)('a symlink planted where the state file goes is replaced, and the file it points at is left alone', async () => {
    const { dir, run } = setUp();
    await init(run);
    const victim = path.join(path.dirname(dir), `victim-${path.basename(dir)}.txt`);
    fs.writeFileSync(victim, 'IMPORTANT USER DATA, not json\n');
    fs.symlinkSync(victim, path.join(dir, 'state-default.json'));
    const built = await run(['url', '--json']);
    expect(built.code, built.stderr).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('IMPORTANT USER DATA, not json\n');
    const file = path.join(dir, 'state-default.json');
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(false);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).value).toBe((parseJson(built.stdout) as { state: string }).state);
  });

  it('inspect does not check a callback against a state remembered for another appid (same profile, another WXAUTH_APPID)', async () => {
    const { dir, run } = setUp();
    await init(run);
    const other = await runCli(['url', '--json'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wx5e1ec0de00000001', WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'www.example.com', WXAUTH_REDIRECT_URI: 'https://www.example.com/oauth/callback' } });
    expect(other.code, other.stderr).toBe(0);
    const { state } = parseJson(other.stdout) as { state: string };
    const mine = await run(['inspect', callback(state)]);
    expect(mine.stdout).not.toContain('[callback.state_ok]');
    const theirs = await runCli(['inspect', callback(state)], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wx5e1ec0de00000001', WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'www.example.com', WXAUTH_REDIRECT_URI: 'https://www.example.com/oauth/callback' } });
    expect(theirs.stdout).toContain('[callback.state_ok]');
  });

  it("a link of another account (WXAUTH_APPID, say the emulator's) is remembered apart: the profile's own state still checks out; profile remove takes both", async () => {
    const { dir, run } = setUp();
    await init(run);
    await init(run, 'spare');
    const own = (parseJson((await run(['url', '--json'])).stdout) as { state: string }).state;
    const otherEnv = { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wx5e1ec0de00000001', WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'www.example.com', WXAUTH_REDIRECT_URI: 'https://www.example.com/oauth/callback' };
    const other = await runCli(['url', '--json'], { env: otherEnv });
    expect(other.code, other.stderr).toBe(0);
    const theirState = (parseJson(other.stdout) as { state: string }).state;
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'state-default.wx5e1ec0de00000001.json'), 'utf8')).value).toBe(theirState);
    // Back on the profile's own account: its state is the one it issued, not "none remembered".
    const mine = await run(['inspect', callback(own)]);
    expect(mine.stdout).toContain('[callback.state_ok]');
    // And the other account's callback still checks out under that account.
    expect((await runCli(['inspect', callback(theirState)], { env: otherEnv })).stdout).toContain('[callback.state_ok]');
    expect((await run(['profile', 'remove', 'default', '--yes'])).code).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('state-default'))).toEqual([]);
  });

  it('a state an older wxauth kept in tokens.json is still checked until url writes a file', async () => {
    const { dir, run } = setUp();
    await init(run);
    const legacy = { profiles: { default: { state: { value: 'olderWxauth42', issuedAt: Date.now(), appid: APPID } } } };
    fs.writeFileSync(path.join(dir, 'tokens.json'), JSON.stringify(legacy), { mode: 0o600 });
    const forged = await run(['inspect', callback('forged'), '--json']);
    expect(forged.code).toBe(1);
    expect((parseJson(forged.stdout) as { findings: Array<{ id: string; message: string }> }).findings[0]).toMatchObject({ id: 'callback.state_mismatch', message: expect.stringContaining('olderWxauth42') });

    const built = await run(['url', '--json']);
    const { state } = parseJson(built.stdout) as { state: string };
    const ok = await run(['inspect', callback(state)]);
    expect(ok.stdout).toContain('[callback.state_ok]');
    // The old entry is left as it was: url does not rewrite the token cache.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8'))).toEqual(legacy);
  });

  it('a state file that is not JSON is said and ignored (en, zh), and the next url replaces it', async () => {
    const { dir, run } = setUp();
    await init(run);
    const file = path.join(dir, 'state-default.json');
    fs.writeFileSync(file, '{"value":', { mode: 0o600 });
    const en = await run(['inspect', callback('abc')]);
    expect(en.code, en.stderr).toBe(0);
    // Where the JSON breaks, in the user's words; not JSON.parse's English excerpt.
    expect(en.stderr).toContain(`${file} is not valid JSON`);
    expect(en.stderr).not.toMatch(/Unexpected end of JSON input|SyntaxError/);
    expect(en.stderr).toContain(`So ${file} is ignored, as if no state were remembered. Running wxauth url again writes a new one`);
    expect(en.stdout).not.toContain('[callback.state_mismatch]');
    const zh = await run(['--lang', 'zh', 'inspect', callback('abc')]);
    expect(zh.stderr).toContain(`因此忽略 ${file}，当作没有记录 state`);
    expect(zh.stderr).toContain(`${file} 不是有效的 JSON`);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"value":');

    const built = await run(['url', '--json']);
    expect(built.code, built.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).value).toBe((parseJson(built.stdout) as { state: string }).state);
  });

  it('a state file of the wrong shape is ignored likewise, naming what is wrong', async () => {
    const { dir, run } = setUp();
    await init(run);
    const file = path.join(dir, 'state-default.json');
    fs.writeFileSync(file, JSON.stringify({ value: 42, issuedAt: 1 }), { mode: 0o600 });
    const r = await run(['listen', '--timeout', '0.01', '--port', '0']);
    expect(r.stderr).toContain(`So ${file} is ignored`);
    expect(r.stderr).toContain('value');
    expect(r.stderr).not.toContain('Expected state: 42');
  });

  it('a folder where the state file should be: ignored by readers; url still prints its URL and says the state is not remembered, and why', async () => {
    const { dir, run } = setUp();
    await init(run);
    const file = path.join(dir, 'state-default.json');
    fs.mkdirSync(file);
    const read = await run(['inspect', callback('abc')]);
    expect(read.code).toBe(0);
    expect(read.stderr).toContain('is not a regular file (it is a directory)');
    const write = await run(['url', '--no-qr', '--state', 'S1']);
    expect(write.code, write.stderr).toBe(0);
    expect(write.stdout).toMatch(/^https:\/\/open\.weixin\.qq\.com\/connect\/oauth2\/authorize\?appid=.*&state=S1#wechat_redirect\n$/);
    expect(write.stderr).toContain(`its state S1 was not remembered, so wxauth exchange / listen / inspect will have nothing to check the callback against: Cannot write ${file}`);
    expect(write.stderr).toContain('→ wxauth changed nothing.');
    expect(write.stderr).not.toContain('remembered for profile');
    const zh = await runCli(['url', '--no-qr', '--state', 'S1'], { env: { WXAUTH_CONFIG_DIR: dir, LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('它的 state S1 没能记下');
    const json = await run(['url', '--no-qr', '--state', 'S1', '--json']);
    expect(json.code).toBe(0);
    const doc = parseJson(json.stdout);
    expect(doc.stateRemembered).toBe(false);
    expect(doc.warnings).toEqual([expect.objectContaining({ id: 'state.not_remembered', message: expect.stringContaining(`Cannot write ${file}`) })]);
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('url with no state folder yet (settings from the environment) makes it, 0700, and remembers the state there', async () => {
    const dir = path.join(tempConfigDir(), 'not', 'yet');
    const env = { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: APPID, WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'www.example.com' };
    const r = await runCli(['url', '--redirect-uri', 'https://www.example.com/oauth/callback', '--state', 'fromFlags42', '--no-qr'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'state-default.json'), 'utf8')).value).toBe('fromFlags42');
    if (posix) expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('names a file inside the state folder for any profile text, one file per name', () => {
    const names = ['default', 'my app', '../../etc/passwd', 'a/b', 'C:\\x', '中文', 'CON', 'a'.repeat(64), '%61', '__proto__'];
    const files = names.map((name) => stateFileName(name));
    expect(new Set(files).size).toBe(names.length);
    for (const [i, file] of files.entries()) {
      expect(file, names[i]).toMatch(/^state-[A-Za-z0-9_%-]+\.json$/);
      expect(path.dirname(path.join('/state', file)), names[i]).toBe(path.normalize('/state'));
    }
    expect(stateFileName('default')).toBe('state-default.json');
    const dir = tempConfigDir();
    const store = new StateFiles(dir);
    store.put('my app', false, undefined, { value: 'spaced', issuedAt: 1 });
    expect(store.get('my app')).toEqual({ entry: { value: 'spaced', issuedAt: 1 } });
    expect(store.get('my_app')).toEqual({});
  });
});

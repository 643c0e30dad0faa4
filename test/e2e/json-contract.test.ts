// The --json contract (README "JSON output"): exactly one document on stdout, errors included; for
// login and listen, stderr carries JSON Lines events only; every warning also in the document; the
// JSON-Lines commands (proxy, emulator) keep their framing when they fail. Real HTTP to the emulator.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { StateFiles } from '../../src/store/state.js';
import { collect, emulatorEnv, freePort, parseJson, runCli, startCli, tempConfigDir, waitForOutput } from './helpers.js';

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

/** Every stderr line, parsed: each must be one JSON object with an `event`. */
function events(stderr: string): Array<{ event: string } & Record<string, unknown>> {
  return stderr
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const parsed = JSON.parse(l) as { event?: unknown };
      expect(typeof parsed.event, l).toBe('string');
      return parsed as { event: string } & Record<string, unknown>;
    });
}

/** `login --json` on a local listener, answered with a code as WeChat's redirect would bring it. */
async function loginWithCode(args: string[], env: Record<string, string>, dir: string, port: number, appid: string) {
  const run = runCli(['login', '--no-open', '--json', '--timeout', '20', ...args], { env: { ...env, WXAUTH_CONFIG_DIR: dir } });
  let state: string | undefined;
  await until(() => (state = (() => { try { return new StateFiles(dir).get('default').entry?.value; } catch { return undefined; } })()) !== undefined);
  await new Promise((r) => setTimeout(r, 100));
  const code = emu.issueCode({ appid, scope: 'snsapi_base' });
  await fetch(`http://127.0.0.1:${port}/cb?code=${code}&state=${state}`);
  return { result: await run, code };
}

describe('login --json: stderr is JSON Lines only', () => {
  it('a retry is a {"event":"retry"} line, not human text', async () => {
    const app = emu.apps.find((a) => a.type === 'test')!;
    const port = await freePort();
    const env = emulatorEnv(emu, app, { WXAUTH_REDIRECT_URI: `http://127.0.0.1:${port}/cb`, WXAUTH_API_BASE: 'http://127.0.0.1:1' });
    const { result: r } = await loginWithCode([], env, tempConfigDir(), port, app.appid);
    expect(r.code, r.stderr).toBe(5);
    const list = events(r.stderr);
    expect(list).toContainEqual(expect.objectContaining({ event: 'retry', reason: 'unreachable', attempt: 1, url: 'http://127.0.0.1:1/sns/oauth2/access_token' }));
    expect((parseJson(r.stdout) as { ok: boolean }).ok).toBe(false);
  });

  it('-v: the trace is request/response events, secrets masked as in the human trace', async () => {
    const app = emu.apps.find((a) => a.type === 'test')!;
    const port = await freePort();
    const env = emulatorEnv(emu, app, { WXAUTH_REDIRECT_URI: `http://127.0.0.1:${port}/cb` });
    const { result: r, code } = await loginWithCode(['-v'], env, tempConfigDir(), port, app.appid);
    expect(r.code, r.stderr).toBe(0);
    const list = events(r.stderr);
    const request = list.find((e) => e.event === 'request' && String(e.url).includes('/sns/oauth2/access_token'));
    expect(request).toMatchObject({ method: 'GET' });
    expect(list).toContainEqual(expect.objectContaining({ event: 'response', status: 200 }));
    expect(r.stderr).not.toContain(app.secret);
    expect(r.stderr).not.toContain(code);
    const token = (parseJson(r.stdout) as { login: { openid: string } }).login;
    expect(token.openid).toBeTruthy();
  });
});

describe('listen --json: stderr is JSON Lines events', () => {
  it('says where it listens (the port --port 0 bound) before the callback arrives, and nothing but events', async () => {
    const child = startCli(['listen', '--json', '--port', '0', '--state', 's1', '--timeout', '20'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    const done = collect(child);
    const [line] = await waitForOutput(child, /\{"event":"waiting".*\}(?=\n)/);
    const waiting = JSON.parse(line!) as { url: string; port: number; path: string; timeout_seconds: number };
    expect(waiting.port).toBeGreaterThan(0);
    expect(waiting).toMatchObject({ path: '/callback', url: `http://127.0.0.1:${waiting.port}/callback`, timeout_seconds: 20 });
    await new Promise<void>((resolve) => http.get(`${waiting.url}?code=CODE123456789&state=s1`, (res) => res.resume().on('end', resolve)));
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    const list = events(r.stderr);
    expect(list.map((e) => e.event)).toEqual(['expected_state', 'listening', 'waiting', 'hit', 'callback']);
    expect(list.find((e) => e.event === 'callback')).toMatchObject({ code: 'CODE12…', state: 's1' });
    expect(parseJson(r.stdout)).toMatchObject({ ok: true, callback: { code: 'CODE123456789' } });
  });

  it('the port-mismatch warning is an event and is listed in the document', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_REDIRECT_URI: 'http://127.0.0.1:8080/callback' };
    const r = await runCli(['listen', '--json', '--port', '18181', '--state', 's', '--timeout', '1'], { env });
    expect(r.code).toBe(6);
    const list = events(r.stderr);
    expect(list).toContainEqual(expect.objectContaining({ event: 'warning', id: 'listen.redirect.mismatch' }));
    const doc = parseJson(r.stdout) as { ok: boolean; warnings: Array<Record<string, unknown>> };
    expect(doc.ok).toBe(false);
    expect(doc.warnings).toContainEqual({ id: 'listen.redirect.mismatch', severity: 'warning', message: expect.stringContaining('http://127.0.0.1:8080/callback'), effect: null, fix: null });
  });
});

describe('--json: every warning is in the document too', () => {
  it('url --json --open with no browser to open lists "Could not open a browser" in warnings', async () => {
    const env = {
      WXAUTH_CONFIG_DIR: tempConfigDir(),
      WXAUTH_APPID: 'wx5e1ec0de00000002',
      WXAUTH_TYPE: 'website',
      WXAUTH_REDIRECT_URI: 'https://www.example.com/cb',
      WXAUTH_DOMAIN: 'www.example.com',
      // No opener on this PATH: the browser cannot be opened.
      PATH: tempConfigDir(),
    };
    const r = await runCli(['url', '--json', '--open'], { env });
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r.stdout) as { warnings: Array<Record<string, unknown>> };
    expect(doc.warnings).toEqual([{ id: 'url.open.failed', severity: 'warning', message: expect.stringContaining('Could not open a browser'), effect: null, fix: null }]);
    // A new user's pass: with --json nothing is "above"; the warning says where in the document the URL is.
    const message = String(doc.warnings[0]!.message);
    expect(message).toContain('the URL is in the JSON output on stdout (.url)');
    expect(message).not.toContain('above');
    const zh = await runCli(['--lang', 'zh', 'url', '--json', '--open'], { env });
    const zhMessage = String((parseJson(zh.stdout) as { warnings: Array<Record<string, unknown>> }).warnings[0]!.message);
    expect(zhMessage).toContain('链接在 stdout 的 JSON 输出里（.url 字段）');
    expect(zhMessage).not.toContain('上面');
    // --embed opens the iframe's URL: the warning names that field, and on the terminal the snippet's line.
    const embed = await runCli(['url', '--json', '--open', '--embed'], { env });
    expect(String((parseJson(embed.stdout) as { warnings: Array<Record<string, unknown>> }).warnings[0]!.message)).toContain('(.embed.iframeUrl)');
    // (stdout is not a terminal here: the snippet went there, and its line is named, not "above".)
    const human = await runCli(['url', '--open', '--embed'], { env });
    expect(human.stderr).toContain('the snippet went to stdout (the file or pipe it is redirected to): open the address on its // iframe: line by hand');
  });

  it('token --json --legacy lists the "other servers lose their token" warning', async () => {
    const app = emu.apps.find((a) => a.type === 'service')!;
    const r = await runCli(['token', '--json', '--legacy', '--yes'], { env: { ...emulatorEnv(emu, app), WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r.stdout) as { kind: string; warnings: Array<Record<string, unknown>> };
    expect(doc.kind).toBe('legacy');
    expect(doc.warnings).toEqual([expect.objectContaining({ id: 'basic.legacy.warn', severity: 'warning', message: expect.stringContaining('loses it within 5 minutes') })]);
  });
});

describe('JSON Lines commands keep their framing when they fail', () => {
  it('proxy --port abc: one compact {"type":"error","ok":false,"error":{…}} line', async () => {
    const r = await runCli(['--json', 'proxy', '--port', 'abc'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code).toBe(2);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ type: 'error', ok: false, error: { code: 'usage', message: 'Invalid port: abc', hint: expect.any(String) } });
  });

  it('proxy --bogus (a mistake commander catches before the command runs): the same compact error line', async () => {
    const r = await runCli(['--json', 'proxy', '--bogus'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code).toBe(2);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'error', ok: false, error: { code: 'usage', hint: expect.stringContaining('wxauth proxy --help') } });
  });

  it('emulator --port <busy>: one compact error line; its first line on success has a type', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await runCli(['--json', 'emulator', '--port', String(port)], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
      expect(r.code).not.toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
      const line = JSON.parse(r.stdout) as { type: string; ok: boolean; error: Record<string, unknown> };
      expect(line).toMatchObject({ type: 'error', ok: false });
      expect(Object.keys(line.error).slice(0, 3)).toEqual(['code', 'message', 'hint']);
    } finally {
      busy.close();
    }
    const child = startCli(['--json', 'emulator', '--port', '0'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    const done = collect(child);
    // url stays the first key (README shows the line so); type says what the line is.
    const [first] = await waitForOutput(child, /\{"url":.*"type":"started"\}(?=\n)/);
    expect(JSON.parse(first!)).toMatchObject({ type: 'started', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), apps: expect.any(Array) });
    child.kill();
    await done;
  });
});

describe('the error object always carries code, message and hint', () => {
  it('a 40125 from WeChat: hint is there (null when there is no advice)', async () => {
    const app = emu.apps.find((a) => a.type === 'service')!;
    const env = { ...emulatorEnv(emu, app), WXAUTH_SECRET: '0'.repeat(32), WXAUTH_CONFIG_DIR: tempConfigDir() };
    const r = await runCli(['--json', 'token'], { env });
    expect(r.code).toBe(3);
    const { error } = parseJson(r.stdout) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ code: 'wechat', errcode: 40125 });
    expect(error).toHaveProperty('hint');
    expect(error.hint === null || typeof error.hint === 'string').toBe(true);
  });

  it('cancelled: {"code":"cancelled","message":…,"hint":…} (what the stop left, for listen)', async () => {
    const r = await runCli(['--json', 'listen', '--port', '0', '--timeout', '30'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() }, timeoutMs: 500 });
    expect(r.code).toBe(130);
    expect((parseJson(r.stdout) as { error: unknown }).error).toEqual({ code: 'cancelled', message: 'Cancelled.', hint: expect.stringContaining('Stopped waiting for the callback') });
  });
});

describe('doctor: no profile to check is exit 4, as for every command, with its report', () => {
  it('--profile nope: exit 4, the failed profile check still printed', async () => {
    const r = await runCli(['--json', '--profile', 'nope', 'doctor'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code).toBe(4);
    const doc = parseJson(r.stdout) as { ok: boolean; exitCode: number; checks: Array<{ id: string; status: string; message: string }> };
    expect(doc.ok).toBe(false);
    expect(doc.exitCode).toBe(4);
    expect(doc.checks.find((c) => c.id === 'profile')).toMatchObject({ status: 'fail', message: 'There is no profile named "nope".' });
  });

  it('a config.json that does not parse: exit 4, human report on stdout', async () => {
    const dir = tempConfigDir();
    fs.writeFileSync(path.join(dir, 'config.json'), '{bad');
    const r = await runCli(['doctor'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/✖ profile .*config\.json is not valid JSON/);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe('{bad');
  });

  it('a fresh machine (no config.json, no WXAUTH_* values): exit 4, the report says what to set', async () => {
    const r = await runCli(['--json', 'doctor', '--timeout', '1000'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code).toBe(4);
    const doc = parseJson(r.stdout) as { exitCode: number; checks: Array<{ id: string; status: string; message: string }> };
    expect(doc.exitCode).toBe(4);
    expect(doc.checks.find((c) => c.id === 'profile')).toMatchObject({ status: 'fail', message: expect.stringContaining('Missing configuration: appid') });
  });

  it('values from the environment alone are a profile to check: a missing one is a failed check, exit 1', async () => {
    const r = await runCli(['--json', 'doctor', '--timeout', '1000'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx1234567890abcdef' } });
    expect(r.code).toBe(1);
    expect((parseJson(r.stdout) as { exitCode: number }).exitCode).toBe(1);
    // The same under a profile named by WXAUTH_PROFILE that is not saved (CI): exit 1, not "no such profile".
    const ci = await runCli(['--json', 'doctor', '--timeout', '1000'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_PROFILE: 'ci', WXAUTH_APPID: 'wx1234567890abcdef' } });
    expect(ci.code).toBe(1);
    expect((parseJson(ci.stdout) as { exitCode: number }).exitCode).toBe(1);
  });

  it('a tokens.json that does not parse: exit 4, the file left as it was', async () => {
    const dir = tempConfigDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ profiles: { default: { type: 'service', appid: 'wx1234567890abcdef', secret: '0123456789abcdef0123456789abcdef', domain: 'www.example.com', redirectUri: 'https://www.example.com/cb' } } }));
    fs.writeFileSync(path.join(dir, 'tokens.json'), '{"profiles":');
    const r = await runCli(['doctor', '--timeout', '1000'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/✖ token-cache .*tokens\.json/);
    expect(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')).toBe('{"profiles":');
  });
});

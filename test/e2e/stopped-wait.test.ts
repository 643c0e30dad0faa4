// Ctrl-C while login, listen or demo waits for the callback ended with exit 130 and nothing on stderr:
// the user could not tell whether a code had been spent, or whether the link was still good. Each now
// says, in one line, what the stop left (startCli's kill() aborts the run as Ctrl-C does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { collect, emulatorEnv, freePort, parseJson, runCli, startCli, tempConfigDir, waitForOutput } from './helpers.js';

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const testApp = () => emu.apps.find((a) => a.type === 'test')!;

async function stoppedWhileWaiting(args: string[], env: Record<string, string>) {
  const child = startCli(args, { env: { ...env, WXAUTH_CONFIG_DIR: tempConfigDir() } });
  const done = collect(child);
  await waitForOutput(child, /(Waiting for the callback|等待回调)/);
  child.kill();
  return done;
}

describe('Ctrl-C during the wait for the callback says what it left, exit 130', () => {
  it('login: nothing exchanged, the link still valid (en, zh)', async () => {
    const port = await freePort();
    const env = emulatorEnv(emu, testApp(), { WXAUTH_REDIRECT_URI: `http://127.0.0.1:${port}/cb` });
    const en = await stoppedWhileWaiting(['login', '--no-open', '--timeout', '30'], env);
    expect(en.code).toBe(130);
    expect(en.stderr).toContain(
      "Stopped waiting for the callback: no code came and nothing was exchanged. The link above stays valid (wxauth remembers its state): its callback address can still be pasted to wxauth exchange '<callback URL>', or run wxauth login to start over.",
    );
    const zh = await stoppedWhileWaiting(['--lang', 'zh', 'login', '--no-open', '--timeout', '30'], env);
    expect(zh.code).toBe(130);
    expect(zh.stderr).toContain('已停止等待回调：没有收到 code，也没有换取任何 token。上面的链接仍然有效（wxauth 记着它的 state）');
  });

  it('listen: nothing exchanged, the remembered state as it was (en, zh; --json as the error\'s hint)', async () => {
    const env = emulatorEnv(emu, testApp());
    const en = await stoppedWhileWaiting(['listen', '--port', '0', '--state', 's1', '--timeout', '30'], env);
    expect(en.code).toBe(130);
    expect(en.stderr).toContain('Stopped waiting for the callback: no code came, nothing was exchanged, and the remembered state is as it was.');
    const zh = await stoppedWhileWaiting(['--lang', 'zh', 'listen', '--port', '0', '--state', 's1', '--timeout', '30'], env);
    expect(zh.stderr).toContain('已停止等待回调：没有收到 code，也没有换取任何 token，记下的 state 保持不变。');
    const json = await runCli(['--json', 'listen', '--port', '0', '--timeout', '30'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() }, timeoutMs: 500 });
    expect(json.code).toBe(130);
    expect((parseJson(json.stdout) as { error: unknown }).error).toEqual({ code: 'cancelled', message: 'Cancelled.', hint: expect.stringContaining('Stopped waiting for the callback') });
  });

  it('login: a code that came within the duplicate window is said as not sent to WeChat, with its lifetime', async () => {
    const port = await freePort();
    const app = testApp();
    const env = emulatorEnv(emu, app, { WXAUTH_REDIRECT_URI: `http://127.0.0.1:${port}/cb` });
    const child = startCli(['login', '--no-open', '--timeout', '30'], { env: { ...env, WXAUTH_CONFIG_DIR: tempConfigDir() } });
    const done = collect(child);
    const [, state] = await waitForOutput(child, /state=([A-Za-z0-9]+)/);
    await waitForOutput(child, /Waiting for the callback/);
    const code = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
    await fetch(`http://127.0.0.1:${port}/cb?code=${code}&state=${state}`);
    child.kill();
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("Stopped before the code that arrived was exchanged: it was not sent to WeChat and works for 5 minutes after it was issued. Paste the address the browser landed on to wxauth exchange '<callback URL>'.");
    expect(emu.requests().filter((q) => q.path === '/sns/oauth2/access_token')).toHaveLength(0);
  });

  it('demo: says nothing of the user\'s was changed, exit 130 (was an internal error, exit 70, when the scripted browser was stopped)', async () => {
    // At once, and while the scripted browser is on the consent page (the demo takes some 300 ms).
    for (const ms of [1, 50]) {
      const r = await runCli(['demo'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() }, timeoutMs: ms });
      expect(r.code, r.stderr).toBe(130);
      expect(r.stderr).toContain('demo stopped: nothing of yours was changed');
      expect(r.stderr).not.toContain('demo failed');
    }
    const zh = await runCli(['--lang', 'zh', 'demo'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() }, timeoutMs: 50 });
    expect(zh.stderr).toContain('demo 已停止：没有动你的任何配置或 token');
  });
});

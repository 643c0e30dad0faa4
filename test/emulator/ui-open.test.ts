// `wxauth emulator --open` (issue 16), run in-process: it hands the emulator's page to the platform's
// opener (a fake xdg-open first on PATH records what it was given), says so when the opener fails, and
// without a display says the page's URL instead of starting anything. The page is mentioned either way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasDisplay } from '../../src/ui/browser.js';
import { collect, startCli, waitForOutput } from '../e2e/helpers.js';
import { get } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A folder with a fake `xdg-open` running this shell body; `$1` is the URL it was asked to open. */
function fakeOpener(body: string): { dir: string; seen: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-open-'));
  dirs.push(dir);
  const seen = path.join(dir, 'seen');
  fs.writeFileSync(path.join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${seen}'\n${body}\n`, { mode: 0o755 });
  return { dir, seen };
}

/** Start `wxauth emulator …` in-process, collecting everything it prints from the first byte. */
function start(args: string[], env: Record<string, string | undefined>) {
  const child = startCli(['emulator', '--port', '0', '--open', ...args], { env });
  const result = collect(child);
  return { child, stop: () => (child.kill(), result) };
}

const linux = process.platform !== 'darwin' && process.platform !== 'win32';

describe.skipIf(!linux)('wxauth emulator --open', () => {
  it('opens the page with the opener and says so', async () => {
    const opener = fakeOpener('exit 0');
    const { child, stop } = start([], { DISPLAY: ':0', WAYLAND_DISPLAY: undefined, PATH: `${opener.dir}:/usr/bin:/bin` });
    const [, page] = await waitForOutput(child, /Opened the emulator page in the browser: (\S+)/);
    const result = await stop();
    expect(page).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(fs.readFileSync(opener.seen, 'utf8')).toBe(page);
    expect(result.stdout.trim()).toBe(page!.slice(0, -1));
    expect(result.code).toBe(0);
  });

  it('without a display starts nothing and says the URL to open', async () => {
    const opener = fakeOpener('exit 0');
    const { child, stop } = start([], { DISPLAY: undefined, WAYLAND_DISPLAY: undefined, PATH: `${opener.dir}:/usr/bin:/bin` });
    const [, page] = await waitForOutput(child, /No display \(DISPLAY \/ WAYLAND_DISPLAY unset\) to open a browser on; open (\S+) in a browser\./);
    // The URL it names is the page, and it is being served.
    expect((await get(page!, '')).text).toContain('<title>wxauth WeChat emulator</title>');
    await stop();
    expect(fs.existsSync(opener.seen)).toBe(false);
  });

  it('says in Chinese when the opener fails (xdg-open exits 3 without a browser), and keeps serving', async () => {
    const opener = fakeOpener('exit 3');
    const { child, stop } = start(['--lang', 'zh'], { DISPLAY: ':0', PATH: `${opener.dir}:/usr/bin:/bin` });
    const [, page] = await waitForOutput(child, /xdg-open 没能打开浏览器（退出码 3；自己用 xdg-open 打开这个链接，就能看到它报的错），请手动在浏览器中打开 (\S+)/);
    expect((await get(page!.replace(/\/$/, ''), '/__emulator/clock')).json.ok).toBe(true);
    const result = await stop();
    expect(result.stderr).toContain(`模拟器页面：${page}`);
    expect(result.code).toBe(0);
  });

  // As url --open says them (url.open.reason.*): an opener that is there but not executable, or killed by a
  // signal, was "xdg-open / open / start failed", which sent the user looking for a missing one.
  it('names an opener that cannot be started (EACCES) or is killed by a signal, and why, as url --open does, en and zh', async () => {
    const noexec = fakeOpener('exit 0');
    fs.chmodSync(path.join(noexec.dir, 'xdg-open'), 0o644);
    const ending = /(?:in a browser yourself\.|请手动在浏览器中打开 \S+)\n/;
    for (const [lang, expected] of [
      ['en', /! xdg-open was found but could not be started \(EACCES, permission denied: is it executable\? chmod \+x\); open http:\/\/127\.0\.0\.1:\d+\/ in a browser yourself\./],
      ['zh', /! 找到了 xdg-open，但无法启动（EACCES，权限不足：它有可执行权限吗？chmod \+x），请手动在浏览器中打开 http:\/\/127\.0\.0\.1:\d+\//],
    ] as const) {
      const { child, stop } = start(['--lang', lang], { DISPLAY: ':0', PATH: noexec.dir });
      await waitForOutput(child, ending);
      const result = await stop();
      expect(result.stderr).toMatch(expected);
      expect(result.stderr).not.toMatch(/xdg-open \/ open \/ start/);
      expect(result.code).toBe(0);
    }
    const killed = fakeOpener('kill -TERM $$');
    const { child, stop } = start([], { DISPLAY: ':0', PATH: `${killed.dir}:/usr/bin:/bin` });
    await waitForOutput(child, ending);
    const result = await stop();
    expect(result.stderr).toMatch(/! xdg-open failed to open a browser \(it was killed by signal SIGTERM; run xdg-open on the URL yourself to see its error\); open http:\/\/127\.0\.0\.1:\d+\/ in a browser yourself\./);
  });

  it('--json stays one document (with the page) and says nothing more', async () => {
    const opener = fakeOpener('exit 3');
    const { child, stop } = start(['--json'], { DISPLAY: ':0', PATH: `${opener.dir}:/usr/bin:/bin` });
    await waitForOutput(child, /\n/);
    // Wait until the opener has been tried (it records its argument first).
    for (let i = 0; i < 300 && !fs.existsSync(opener.seen); i++) await new Promise((r) => setTimeout(r, 10));
    const result = await stop();
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!) as { url: string; page: string };
    expect(doc.page).toBe(`${doc.url}/`);
    expect(result.stderr).toBe('');
  });
});

describe('hasDisplay', () => {
  it.each([
    [{}, 'linux', false],
    [{ DISPLAY: ':0' }, 'linux', true],
    [{ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', true],
    [{ DISPLAY: '' }, 'freebsd', false],
    [{}, 'darwin', true],
    [{}, 'win32', true],
  ] as const)('%o on %s: %s', (env, platform, expected) => {
    expect(hasDisplay(env, platform)).toBe(expected);
  });
});

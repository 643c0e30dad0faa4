import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openerFor, tryOpenInBrowser } from '../../src/ui/browser.js';

/** Whether the opener worked (what url, login and emulator --open read first). */
const openInBrowser = async (...args: Parameters<typeof tryOpenInBrowser>) => (await tryOpenInBrowser(...args)).opened;

/** A folder holding a fake `xdg-open` with this shell body, to put first on PATH. */
const dirs: string[] = [];
function fakeOpener(body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-opener-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'xdg-open'), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const URL = 'https://open.weixin.qq.com/connect/qrconnect?appid=wx1&redirect_uri=https%3A%2F%2Fa.com&response_type=code&scope=snsapi_login&state=s#wechat_redirect';

describe('openerFor', () => {
  it('uses xdg-open on Linux and open on macOS, passing the URL as one argument', () => {
    expect(openerFor(URL, 'linux')).toEqual({ command: 'xdg-open', args: [URL] });
    expect(openerFor(URL, 'darwin')).toEqual({ command: 'open', args: [URL] });
  });

  it('escapes & for cmd.exe on Windows, or start would cut the URL at the first parameter', () => {
    const opener = openerFor(URL, 'win32');
    expect(opener.command).toBe('cmd');
    expect(opener.verbatim).toBe(true);
    const line = opener.args.at(-1) ?? '';
    expect(line.startsWith('start "" https://open.weixin.qq.com/')).toBe(true);
    expect(line).toContain('appid=wx1^&redirect_uri=');
    expect(line).not.toMatch(/[^^]&/);
  });
});

describe('tryOpenInBrowser: opened', () => {
  it('resolves false instead of throwing when no opener exists', async () => {
    await expect(openInBrowser(URL, { PATH: '/nonexistent-wxauth-test' }, 'linux')).resolves.toBe(false);
  });

  // xdg-open exits 3 when it finds no browser (headless box, no DE): that is not "opened".
  it('resolves false when the opener exits with a failure status', async () => {
    await expect(openInBrowser(URL, { PATH: fakeOpener('exit 3') }, 'linux')).resolves.toBe(false);
  });

  it('tells an opener that ran and failed (its exit status) from none to start', async () => {
    await expect(tryOpenInBrowser(URL, { PATH: fakeOpener('exit 3') }, 'linux')).resolves.toEqual({ opened: false, opener: 'xdg-open', failure: 'exit', status: 3 });
    await expect(tryOpenInBrowser(URL, { PATH: '/nonexistent-wxauth-test' }, 'linux')).resolves.toEqual({ opened: false, opener: 'xdg-open', failure: 'missing' });
  });

  it('tells an opener that is there but cannot be started (its error code) and one killed by a signal (its name) from the others', async () => {
    const noexec = fakeOpener('exit 0');
    fs.chmodSync(path.join(noexec, 'xdg-open'), 0o644);
    await expect(tryOpenInBrowser(URL, { PATH: noexec }, 'linux')).resolves.toEqual({ opened: false, opener: 'xdg-open', failure: 'unstartable', error: 'EACCES' });
    await expect(tryOpenInBrowser(URL, { PATH: fakeOpener('kill -TERM $$') }, 'linux')).resolves.toEqual({ opened: false, opener: 'xdg-open', failure: 'signal', signal: 'SIGTERM' });
  });

  it('resolves true when the opener exits 0', async () => {
    await expect(openInBrowser(URL, { PATH: fakeOpener('exit 0') }, 'linux')).resolves.toBe(true);
  });

  it("does not hand wxauth's settings (WXAUTH_SECRET) to the browser it starts", async () => {
    const seen = path.join(fakeOpener(''), 'env.txt');
    const opener = path.dirname(seen);
    fs.writeFileSync(path.join(opener, 'xdg-open'), `#!/bin/sh\n/usr/bin/env > '${seen}'\n`, { mode: 0o755 });
    await expect(openInBrowser(URL, { PATH: opener, WXAUTH_SECRET: '0123456789abcdef0123456789abcdef', WXAUTH_APPID: 'wx1', HOME: '/home/dev' }, 'linux')).resolves.toBe(true);
    const env = fs.readFileSync(seen, 'utf8');
    expect(env).toContain('HOME=/home/dev');
    expect(env).not.toContain('WXAUTH_');
  });

  it('resolves true when the opener is still running after the wait (it handed over to a browser)', async () => {
    const started = Date.now();
    await expect(openInBrowser(URL, { PATH: fakeOpener('exec /bin/sleep 2') }, 'linux', { waitMs: 200 })).resolves.toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});


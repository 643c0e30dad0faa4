// The --html report in real Chromium (Debian's /usr/bin/chromium through playwright-core): it renders
// a diagram per scenario and logs no console errors. And, without a browser, what an app sent reaches
// the page escaped, as the card shows it.
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { CHROMIUM, SKIP_REASON, launchChromium } from '../browser/chromium.js';
import { runCli } from './helpers.js';
import { startProbeApp } from '../fixtures/probe-apps/apps.js';

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe.skipIf(!CHROMIUM)(`probe --html in Chromium${CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  it('renders the checks and one sequence diagram per scenario, with no console errors', async () => {
    const appid = DEFAULT_APPIDS.test;
    const app = await startProbeApp('exchanges-twice', { emulator: emu.url, appid, secret: emu.apps.find((a) => a.appid === appid)!.secret });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-html-'));
    const file = path.join(dir, 'report.html');
    const browser = await launchChromium();
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', '--exchange-delay', '100', '--html', file]);
      expect(r.code).toBe(1);
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(pathToFileURL(file).toString());
      expect(await page.locator('tr').count()).toBe(20); // one row per check
      expect(await page.locator('tr.fail').count()).toBe(2);
      const diagrams = page.locator('section svg');
      expect(await diagrams.count()).toBe(15); // state.forged runs two: a made-up state, then another browser's; session.renewed two: a browser with no cookies, then one with the pre-login sid (set again at the login)
      const box = await diagrams.first().boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(await page.locator('section').first().locator('svg line.req').count()).toBeGreaterThan(3);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('probe --html: what the app sent is shown escaped in the page', () => {
  it("a leaked secret's evidence quoted with ESC sequences and a bidi override: the page holds \\x1b and \\u202e as text, never the characters (en, zh)", async () => {
    const appid = DEFAULT_APPIDS.test;
    const secret = emu.apps.find((a) => a.appid === appid)!.secret;
    // A login server whose callback page prints the AppSecret, then a screen clear, a title change and a U+202E.
    const server = createServer((req, res) => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (req.url!.startsWith('/start')) {
        res.writeHead(302, { location: `${emu.url}/connect/oauth2/authorize?appid=${appid}&redirect_uri=${encodeURIComponent(origin + '/cb')}&response_type=code&scope=snsapi_base&state=s1234567#wechat_redirect` });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<p>debug ${secret} \x1b[2J\x1b]0;owned\x07 \u202edrowssap</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-html-'));
    try {
      for (const lang of ['en', 'zh']) {
        const file = path.join(dir, `report-${lang}.html`);
        const start = `http://127.0.0.1:${(server.address() as AddressInfo).port}/start`;
        const r = await runCli(['probe', start, '--emulator', emu.url, '--only', 'secrets.leak', '--reload-delay', '0', '--exchange-delay', '100', '--html', file, '--lang', lang]);
        expect(r.stdout).toContain('\\x1b[2J\\x1b]0;owned\\x07 \\u202edrowssap');
        const html = fs.readFileSync(file, 'utf8');
        expect(html).toContain('\\x1b[2J\\x1b]0;owned\\x07 \\u202edrowssap');
        expect(html).not.toMatch(/[\x1b\x07\u202e]/);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

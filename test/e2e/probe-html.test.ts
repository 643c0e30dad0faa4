// The --html report in real Chromium (Debian's /usr/bin/chromium through playwright-core): it renders
// a diagram per scenario and logs no console errors.
import fs from 'node:fs';
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

// The emulator's wx.config test page in real Chromium: its script calls the stand-in wx.config, which
// asks the emulator for WeChat's verdict and fires wx.ready or wx.error, as jweixin does. One page
// signed by `wxauth jssdk sign` (in-process, the real command) must say config:ok; a wrong signature
// config:invalid signature; a page outside the JS-safe domains config:invalid url domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli } from '../e2e/helpers.js';
import { CHROMIUM, SKIP_REASON, launchChromium } from './chromium.js';

describe.skipIf(!CHROMIUM)(`wx.config page in Chromium${CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let emu: EmulatorHandle;
  let browser: Browser;

  beforeAll(async () => {
    emu = await startEmulator();
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  async function verdict(params: Record<string, string>): Promise<string> {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    try {
      await page.goto(`${emu.url}/__emulator/jssdk?${new URLSearchParams(params).toString()}`);
      const result = page.locator('#result.ok, #result.error');
      await result.waitFor({ timeout: 10_000 });
      return (await result.textContent()) ?? '';
    } finally {
      await context.close();
    }
  }

  it('the page leaves the console clean: the browser’s /favicon.ico gets 204, not a 404', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()} ${m.location().url}`);
    });
    try {
      await page.goto(`${emu.url}/__emulator/jssdk`);
      // Chromium asks for the icon after the load, outside the events Playwright reports; a 404 came
      // within a second.
      await page.waitForTimeout(1500);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  const app = () => emu.apps.find((a) => a.appid === DEFAULT_APPIDS.service)!;

  async function sign(url: string): Promise<{ appId: string; timestamp: string; nonceStr: string; signature: string }> {
    const r = await runCli(['jssdk', 'sign', url, '--json'], { env: emulatorEnv(emu, app()) });
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r.stdout);
    return { appId: app().appid, timestamp: String(doc.timestamp), nonceStr: String(doc.nonceStr), signature: String(doc.signature) };
  }

  it('a page signed by wxauth jssdk sign: config:ok (the #fragment is not signed)', async () => {
    const url = 'http://localhost/shop?id=1#/cart';
    expect(await verdict({ url, ...(await sign(url)) })).toBe('config:ok');
  });

  it('a wrong signature: config:invalid signature', async () => {
    const url = 'http://localhost/shop?id=1';
    const config = await sign(url);
    expect(await verdict({ url: 'http://localhost/shop?id=2', ...config })).toBe('config:invalid signature');
    expect(await verdict({ url, ...config, signature: 'f'.repeat(40) })).toBe('config:invalid signature');
  });

  it("wxauth signs the URL the page's location.href reports (non-ASCII encoded, host lower-cased, / for an empty path)", async () => {
    const { normalizePageUrl } = await import('../../src/core/jssdk.js');
    const port = new URL(emu.url).port;
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      for (const typed of [`http://LocalHost:${port}/商品/详情?name=手机#/cart`, `http://localhost:${port}?x=1`, `http://localhost:${port}/a b/?q="c"`]) {
        await page.goto(typed);
        const href = await page.evaluate<string>("location.href.split('#')[0]");
        const ours = normalizePageUrl(typed);
        expect(ours.ok && ours.url, typed).toBe(href);
      }
    } finally {
      await context.close();
    }
  });

  it('a page outside the JS-safe domains: config:invalid url domain', async () => {
    const url = 'https://evil.example/shop';
    expect(await verdict({ url, ...(await sign(url)) })).toBe('config:invalid url domain');
  });
});

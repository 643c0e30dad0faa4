// The pages in a real browser (playwright-core + a system Chromium): the qrconnect page's polling
// script, the simulate button, the WxLogin iframe's top/self redirect, and the consent buttons.
// Skipped, with the reason printed, when no Chromium is installed (set CHROMIUM_PATH to point at one).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';

import { CHROMIUM, launchChromium } from '../browser/chromium.js';

describe.skipIf(!CHROMIUM)('pages in a browser', () => {
  let browser: Browser;
  let emu: EmulatorHandle;
  let callback: Server;
  let cb = '';

  beforeAll(async () => {
    callback = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url?.startsWith('/host')) {
        // A site embedding the WxLogin iframe.
        const src = decodeURIComponent(req.url.slice('/host?src='.length));
        res.end(`<html><body><iframe id="wx" src="${src.replace(/"/g, '&quot;')}" width="400" height="600"></iframe></body></html>`);
        return;
      }
      res.end(`<html><body>CALLBACK ${req.url ?? ''}</body></html>`);
    });
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    const port = (callback.address() as { port: number }).port;
    cb = `http://127.0.0.1:${port}`;
    emu = await startEmulator({ domainOverrides: { [DEFAULT_APPIDS.website]: `127.0.0.1:${port}`, [DEFAULT_APPIDS.service]: `127.0.0.1:${port}` } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
    callback?.close();
  });

  const qrconnect = (state: string, extra = '') =>
    `${emu.url}/connect/qrconnect?appid=${DEFAULT_APPIDS.website}&redirect_uri=${encodeURIComponent(cb + '/cb')}&response_type=code&scope=snsapi_login&state=${state}${extra}`;

  it('the QR page polls and follows a programmatic scan to redirect_uri?code&state', async () => {
    const page = await browser.newPage();
    await page.goto(qrconnect('polled'));
    await expect.poll(() => emu.requests().some((r) => r.path === '/connect/l/qrconnect')).toBe(true);
    const result = emu.scan({ appid: DEFAULT_APPIDS.website, user: 'u2' });
    await page.waitForURL(/\/cb\?/, { timeout: 10_000 });
    expect(page.url()).toBe(`${cb}/cb?code=${result.code}&state=polled`);
    await page.close();
  });

  it('the simulate button completes the login', async () => {
    const page = await browser.newPage();
    await page.goto(qrconnect('button'));
    await page.getByText('模拟扫码并确认 (simulate scan & confirm)').click();
    await page.waitForURL(/\/cb\?/);
    expect(page.url()).toMatch(new RegExp(`^${cb}/cb\\?code=0\\w{31}&state=button$`));
    await page.close();
  });

  it('a cancelled or expired QR login turns the simulate button off and says to reload or start again', async () => {
    // Cancelled, in a Chinese browser: WeChat's line, then the emulator's note in Chinese.
    const zh = await browser.newContext({ locale: 'zh-CN' });
    const page = await zh.newPage();
    await page.goto(qrconnect('cancel'));
    const simulate = page.locator('#simulate');
    expect(await simulate.isEnabled()).toBe(true);
    expect(await page.locator('#finished').isVisible()).toBe(false);
    const uuid = await page.locator('input[name="uuid"]').inputValue();
    emu.scan({ uuid, action: 'cancel' });
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toBe('您已取消此次登录');
    expect(await simulate.isDisabled()).toBe(true);
    expect(await page.locator('#user').isDisabled()).toBe(true);
    expect(await page.locator('#finished').textContent()).toBe(
      'wxauth 模拟器：这次登录已取消，不能再确认。要再试，请刷新本页（换一个新的二维码），或从网站重新发起登录。',
    );
    // As it says: a reload is a new login whose button works.
    await page.reload();
    expect(await page.locator('input[name="uuid"]').inputValue()).not.toBe(uuid);
    expect(await page.locator('#simulate').isEnabled()).toBe(true);
    await zh.close();

    // Expired, in an English browser.
    const en = await browser.newContext({ locale: 'en-US' });
    const second = await en.newPage();
    await second.goto(qrconnect('expire'));
    await second.locator('#simulate').waitFor();
    emu.advanceClock(300);
    try {
      await expect.poll(() => second.locator('#status').textContent(), { timeout: 10_000 }).toBe('二维码已失效，请刷新页面');
      expect(await second.locator('#simulate').isDisabled()).toBe(true);
      expect(await second.locator('#finished').textContent()).toBe(
        'wxauth emulator: This QR code has expired (after 5 minutes) and cannot be confirmed any more. Reload this page (a new QR code) or start a new login from your site.',
      );
    } finally {
      emu.advanceClock(-300);
      await en.close();
    }
  });

  it('WxLogin iframe: self_redirect=false navigates the top window, true stays in the iframe', async () => {
    const page = await browser.newPage();
    await page.goto(`${cb}/host?src=${encodeURIComponent(qrconnect('top', '&login_type=jssdk&self_redirect=false&style=black&href='))}`);
    await page.frameLocator('#wx').getByText('模拟扫码并确认 (simulate scan & confirm)').click();
    await page.waitForURL(/\/cb\?/);
    expect(page.url()).toMatch(/state=top$/);

    await page.goto(`${cb}/host?src=${encodeURIComponent(qrconnect('inside', '&login_type=jssdk&self_redirect=true'))}`);
    await expect.poll(() => [...emu.requests()].reverse().find((r) => r.path === '/connect/l/qrconnect') !== undefined).toBe(true);
    emu.scan({ appid: DEFAULT_APPIDS.website });
    await expect.poll(() => page.frames().some((f) => /\/cb\?.*state=inside$/.test(f.url())), { timeout: 10_000 }).toBe(true);
    expect(page.url()).toMatch(/\/host\?/);
    await page.close();
  });

  it('consent page: pick a user, click 允许', async () => {
    const page = await browser.newPage();
    await page.goto(`${emu.url}/connect/oauth2/authorize?appid=${DEFAULT_APPIDS.service}&redirect_uri=${encodeURIComponent(cb + '/cb')}&response_type=code&scope=snsapi_userinfo&state=xyz`);
    await page.selectOption('#user', 'u2');
    await page.getByText('允许', { exact: true }).click();
    await page.waitForURL(/\/cb\?/);
    expect(page.url()).toMatch(new RegExp(`^${cb}/cb\\?code=0\\w{31}&state=xyz$`));
    await page.goto(`${emu.url}/connect/oauth2/authorize?appid=${DEFAULT_APPIDS.service}&redirect_uri=${encodeURIComponent(cb + '/cb')}&response_type=code&scope=snsapi_userinfo&state=no`);
    // The pick made "you" u2: the next consent page starts there.
    expect(await page.inputValue('#user')).toBe('u2');
    await page.getByText('拒绝', { exact: true }).click();
    await page.waitForURL(/\/cb\?/);
    expect(page.url()).toBe(`${cb}/cb?state=no`);
    await page.close();
  });
});

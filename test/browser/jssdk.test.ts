// The emulator's wx.config test page in real Chromium: its script calls the stand-in wx.config, which
// asks the emulator for WeChat's verdict and fires wx.ready or wx.error, as jweixin does. One page
// signed by `wxauth jssdk sign` (in-process, the real command) must say config:ok; a wrong signature
// config:invalid signature; a page outside the JS-safe domains config:invalid url domain.
import { createHash } from 'node:crypto';
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
  /** The service account's live jsapi_ticket, as the emulator issued it (sign fetched it). */
  const ticketOf = async () => (((await (await fetch(`${emu.url}/__emulator/issued/${app().appid}`)).json()) as { tickets: string[] }).tickets[0] ?? '');

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

  it('a wrong signature: config:invalid signature, and the wxauth jssdk verify line that finds why, which does', async () => {
    const url = 'http://localhost/shop?id=1';
    const config = await sign(url);
    expect(await verdict({ url: 'http://localhost/shop?id=2', ...config })).toBe('config:invalid signature');
    expect(await verdict({ url, ...config, signature: 'f'.repeat(40) })).toBe('config:invalid signature');
    // The page signed with its #fragment: the page shows the command, and the command names the mistake.
    const withFragment = 'http://localhost/shop?id=1#/cart';
    const signed = await sign(url);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${emu.url}/__emulator/jssdk?${new URLSearchParams({ url: withFragment, ...signed, signature: createHash('sha1').update(`jsapi_ticket=${await ticketOf()}&noncestr=${signed.nonceStr}&timestamp=${signed.timestamp}&url=${withFragment}`).digest('hex') }).toString()}`);
      await page.locator('#result.error').waitFor();
      const line = (await page.locator('#debug code').textContent()) ?? '';
      expect(await page.locator('#debug').isVisible()).toBe(true);
      expect(line).toMatch(/^wxauth jssdk verify --url 'http:\/\/localhost\/shop\?id=1#\/cart' --signature '[0-9a-f]{40}' --timestamp '\d+' --nonce '\w+'$/);
      const args = [...line.matchAll(/--(\w+) '([^']*)'/g)].flatMap((m) => [`--${m[1]}`, m[2]!]);
      const r = await runCli(['jssdk', 'verify', ...args], { env: emulatorEnv(emu, app()) });
      expect(r.stderr).toContain('Found it: this signature is for the URL with its fragment');
    } finally {
      await context.close();
    }
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

  /** The result and the note under it that says why (the emulator's own words; WeChat's errMsg has none). */
  async function why(params: Record<string, string>): Promise<{ result: string; note: string }> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${emu.url}/__emulator/jssdk?${new URLSearchParams(params).toString()}`);
      await page.locator('#result.error').waitFor({ timeout: 10_000 });
      const note = page.locator('#why');
      await note.waitFor({ timeout: 10_000 });
      return { result: (await page.locator('#result').textContent()) ?? '', note: (await note.textContent()) ?? '' };
    } finally {
      await context.close();
    }
  }

  it('a failed wx.config says why beneath the errMsg: the host against the domains (en), a missing field and an expired ticket (zh)', async () => {
    const port = 'http://localhost:3000/shop';
    const domains = app().domain.join(', ');
    expect(await why({ url: port, ...(await sign('http://localhost/shop')), lang: 'en' })).toEqual({
      result: 'config:invalid url domain',
      note: `The page’s host localhost:3000 is not among appId ${app().appid}’s JS-safe domains (in this emulator: ${domains}). A domain without a port takes ports 80 and 443 only; to have the emulator take another, restart it with wxauth emulator --domain "${app().appid}=host[:port]" (it replaces this appId’s domains).`,
    });
    const signed = await sign('http://localhost/shop');
    const missing = await why({ url: 'http://localhost/shop', ...signed, nonceStr: '', lang: 'zh' });
    expect(missing.result).toBe('config:fail');
    expect(missing.note).toMatch(/^这些参数是空的：nonceStr。/);
    await fetch(`${emu.url}/__emulator/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appid: app().appid, expire: true }) });
    const expired = await why({ url: 'http://localhost/shop', ...signed, lang: 'zh' });
    expect(expired.result).toBe('config:invalid signature');
    expect(expired.note).toContain(`appId ${app().appid} 现在没有有效的 jsapi_ticket`);
  });
});

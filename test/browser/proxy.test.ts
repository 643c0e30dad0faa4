// wxauth proxy against a web page in a real browser (headless Chromium): a page on another site that
// the developer happens to visit must not be able to send WeChat calls through the proxy, from this
// machine's IP, whatever it does (fetch no-cors, a form post, an image). Needs Chromium (chromium.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { startProxy, type Blocked, type ProxyHandle } from '../../src/flows/proxy/server.js';
import { buildWxLoginEmbed } from '../../src/core/authorize-url.js';
import { CHROMIUM, SKIP_REASON, launchChromium } from './chromium.js';

describe.skipIf(!CHROMIUM)(`wxauth proxy and a page on another site, in Chromium${CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let emu: EmulatorHandle;
  let proxy: ProxyHandle;
  let browser: Browser;
  const blocked: Blocked[] = [];
  let calls = 0;

  beforeAll(async () => {
    emu = await startEmulator({ domainOverrides: { [DEFAULT_APPIDS.website]: ['localhost:*'] } });
    proxy = await startProxy({ host: '127.0.0.1', port: 0, upstream: emu.url, timeoutMs: 5000, showSecrets: false, hooks: { call: () => calls++, hit: () => {}, blocked: (b) => blocked.push(b) } });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await emu?.close();
  });

  it('fetch (no-cors), a form post and an image from the page reach nothing; the emulator sees no call', async () => {
    const app = emu.apps.find((a) => a.appid === DEFAULT_APPIDS.service)!;
    const body = JSON.stringify({ grant_type: 'client_credential', appid: app.appid, secret: app.secret, force_refresh: true });
    const page = `<!doctype html><title>a site</title>
<form id="f" method="POST" action="${proxy.url}/cgi-bin/stable_token" enctype="text/plain" target="sink"><input name='${body.slice(0, -1)},"x":"' value='"}'></form>
<iframe name="sink"></iframe>
<img src="${proxy.url}/cgi-bin/token?grant_type=client_credential&appid=${app.appid}&secret=${app.secret}">
<script>
  fetch('${proxy.url}/cgi-bin/stable_token', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: ${JSON.stringify(body)} })
    .finally(() => { document.getElementById('f').submit(); });
</script>`;
    // "Another site": a page on localhost, which to the browser is another site than 127.0.0.1.
    const site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
    const before = emu.requests().length;
    try {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
      await expect.poll(() => blocked.length, { timeout: 10_000 }).toBe(3);
      await context.close();
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
    expect(blocked.every((b) => b.reason === 'page')).toBe(true);
    expect(calls).toBe(0);
    expect(emu.requests().slice(before).filter((r) => r.path.startsWith('/cgi-bin/'))).toEqual([]);
  }, 30_000);

  it('a site that embeds the QR login through the proxy (its open base) still gets wxLogin.js and the QR page', async () => {
    const seen = blocked.length;
    let snippet = '';
    const site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>login</title>${snippet}`));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
    const port = (site.address() as AddressInfo).port;
    snippet = buildWxLoginEmbed({ openBase: proxy.url, appid: DEFAULT_APPIDS.website, redirectUri: `http://localhost:${port}/cb`, state: 's' }).html;
    try {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`http://localhost:${port}/`);
      await tab.frameLocator('#login_container iframe').locator('#simulate').waitFor({ timeout: 10_000 });
      await context.close();
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
    expect(blocked.slice(seen)).toEqual([]);
  }, 30_000);
});

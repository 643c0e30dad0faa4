// The flow in a real browser: headless Chromium (playwright-core) against the in-process emulator and
// the built CLI. What is checked is what a user sees — the consent page's 允许 button, the QR page's
// "simulate scan" button, the listener's page text in the DOM — and what the CLI prints and returns.
// Needs `npm run build` first, and Chromium (see chromium.ts; skipped with a reason when absent).
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { buildRelaySnippet } from '../../src/listener/index.js';
import { collect, emulatorEnv, freePort, runCli, startCli, waitForOutput } from '../e2e/helpers.js';
import { CHROMIUM, SKIP_REASON, launchChromium } from './chromium.js';

const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';

describe.skipIf(!CHROMIUM)(`in Chromium${CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let emu: EmulatorHandle;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Website apps may not use ports in real WeChat; locally the callback needs one, so the emulator's
    // website app takes any port on localhost, as README tells a user to start it
    // (`wxauth emulator --domain wx5e1ec0de00000003=localhost:*`).
    emu = await startEmulator({ domainOverrides: { [DEFAULT_APPIDS.website]: ['localhost:*'] } });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  async function freshPage(locale?: string): Promise<Page> {
    await page?.context().close();
    const context = await browser.newContext(locale ? { locale } : {});
    page = await context.newPage();
    return page;
  }

  function envFor(type: 'test' | 'website', redirectUri: string): Record<string, string> {
    const app = emu.apps.find((a) => a.type === type)!;
    return emulatorEnv(emu, app, { WXAUTH_DOMAIN: new URL(redirectUri).host, WXAUTH_REDIRECT_URI: redirectUri });
  }

  it('login --scope snsapi_userinfo: 允许 on the consent page, the listener page, the openid in the terminal', async () => {
    const port = await freePort();
    const child = startCli(['login', '--scope', 'snsapi_userinfo', '--no-open', '--timeout', '30'], {
      env: envFor('test', `http://127.0.0.1:${port}/callback`),
    });
    const done = collect(child, 40_000);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    const p = await freshPage();
    await p.goto(url!);
    await expect(p.locator('#app-name').textContent()).resolves.toBe('测试号');
    await p.getByRole('button', { name: '允许' }).click();
    await p.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${port}/callback\\?code=`));
    await expect(p.locator('#title').textContent()).resolves.toBe('Code received');
    await expect(p.locator('#detail').textContent()).resolves.toContain('you can close this window');
    // The consent page names an icon of its own: no /favicon.ico 404 in the emulator's request log.
    expect(emu.requests().filter((q) => q.path === '/favicon.ico')).toEqual([]);
    const r = await done;
    const openid = emu.users[0]!.openids[emu.apps.find((a) => a.type === 'test')!.appid]!;
    expect(r.stderr).toContain('Login complete');
    expect(r.stdout).toMatch(new RegExp(`openid\\s+${openid}`));
    expect(r.stdout).toMatch(/nickname\s+张三/);
    expect(r.code).toBe(0);
  }, 40_000);

  it('login --qrconnect: the QR page, "simulate scan", then the listener; unionid from the Open Platform binding', async () => {
    const port = await freePort();
    // A website profile whose domain is localhost, as a user sets it up: on the emulator, login warns
    // that WeChat would refuse the port and goes on (the emulator's domain names any port).
    const child = startCli(['login', '--qrconnect', '--no-open', '--timeout', '30', '--lang', 'zh'], {
      env: { ...envFor('website', `http://localhost:${port}/wx/login`), WXAUTH_DOMAIN: 'localhost' },
    });
    const done = collect(child, 40_000);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+\/connect\/qrconnect\?\S+wechat_redirect)\n/);
    // A Chinese browser: the listener's page speaks its language (Accept-Language), as it would the CLI's.
    const p = await freshPage('zh-CN');
    await p.goto(url!);
    // The QR code is really drawn — an <img> the emulator serves, as on WeChat's page — and the
    // phone-less way through is the button.
    await expect(p.evaluate("(() => { const img = document.querySelector('img.qrcode'); return !!img && img.complete && img.naturalWidth > 0; })()")).resolves.toBe(true);
    await p.locator('#simulate').click();
    await p.waitForURL(new RegExp(`^http://localhost:${port}/wx/login\\?code=`));
    await expect(p.locator('#title').textContent()).resolves.toBe('已收到 code');
    const r = await done;
    const website = emu.apps.find((a) => a.type === 'website')!;
    const user = emu.users[0]!;
    // On failure, say what login said on stderr (once seen failing under a full suite's load, not alone).
    expect(r.stdout, r.stderr).toMatch(new RegExp(`openid\\s+${user.openids[website.appid]}`));
    expect(r.stdout).toMatch(new RegExp(`unionid\\s+${user.unionids[website.openAccount!]}`));
    expect(r.stdout).toMatch(/scope\s+snsapi_login/);
    expect(r.stderr).toContain(`wxauth emulator --domain "${website.appid}=localhost:*"`);
    expect(r.code).toBe(0);
  }, 40_000);

  it('url --embed against the emulator: the snippet loads the emulator\'s wxLogin.js, whose iframe is the emulator\'s QR page; a scan sends the top window to redirect_uri', async () => {
    const hits: string[] = [];
    let snippet = '';
    const site = http.createServer((req, res) => {
      if (req.url?.startsWith('/cb')) {
        hits.push(req.url);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>callback</title>logged in');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>login</title>${snippet}`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
    const port = (site.address() as net.AddressInfo).port;
    try {
      const r = await runCli(['url', '--embed'], { env: { ...envFor('website', `http://localhost:${port}/cb`), WXAUTH_DOMAIN: 'localhost' } });
      expect(r.code, r.stderr).toBe(0);
      snippet = r.stdout;
      expect(snippet).toContain(`<script src="${emu.url}/connect/zh_CN/htmledition/js/wxLogin.js"></script>`);
      expect(snippet).not.toContain('res.wx.qq.com');
      const p = await freshPage();
      await p.goto(`http://localhost:${port}/`);
      const frame = p.frameLocator('#login_container iframe');
      await frame.locator('#simulate').click();
      await p.waitForURL(new RegExp(`^http://localhost:${port}/cb\\?code=`));
      expect(hits).toHaveLength(1);
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  }, 40_000);

  it('a callback whose state carries markup shows it as text: escaped, never run', async () => {
    const child = startCli(['listen', '--port', '0', '--state', 'expected', '--timeout', '20']);
    const done = collect(child, 30_000);
    const [, url] = await waitForOutput(child, /Listening on (http:\/\/\S+)/);
    const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    const p = await freshPage();
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await p.goto(`${url}?code=${CODE}&state=${encodeURIComponent(evil)}`);
    await expect(p.locator('#title').textContent()).resolves.toBe('State mismatch — this code was refused');
    await expect(p.locator('#state').textContent()).resolves.toBe(evil);
    await expect(p.evaluate('typeof window.__pwned')).resolves.toBe('undefined');
    await expect(p.locator('main img').count()).resolves.toBe(0);
    await expect(p.locator('main script').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    // A forged state no longer ends the wait (it is refused and logged); stop it as Ctrl-C would.
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/refused/i);
  }, 30_000);

  it('a hash-route redirect_uri: the code in the fragment is forwarded by the waiting page', async () => {
    const child = startCli(['listen', '--port', '0', '--state', 'h1', '--timeout', '20']);
    const done = collect(child, 30_000);
    const [, url] = await waitForOutput(child, /Listening on (http:\/\/\S+)/);
    const p = await freshPage();
    // WeChat appends ?code=…&state=… after the # of a hash-route redirect_uri (API-FACTS §1.4).
    await p.goto(`${url}#/login?code=${CODE}&state=h1`);
    await p.waitForURL(/\/callback\?code=/);
    await expect(p.locator('#title').textContent()).resolves.toBe('Code received');
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`code   ${CODE}\nstate  h1\n`);
  }, 30_000);

  it('the --relay-snippet page forwards code and state to the listener, and only to its allowlist', async () => {
    // Stand-in for the public callback domain: a static server with the page on it. Bound before the
    // listener's port is picked, so its listen(0) cannot be handed that same port.
    let page = '';
    const site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
    const sitePort = (site.address() as net.AddressInfo).port;
    const port = await freePort();
    const snippet = await runCli(['listen', '--relay-snippet', '--port', String(port)], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(snippet.code).toBe(0);
    page = snippet.stdout;
    try {
      const child = startCli(['listen', '--port', String(port), '--state', 'r1', '--timeout', '20']);
      const done = collect(child, 30_000);
      await waitForOutput(child, /Listening on/);
      const p = await freshPage();
      await p.goto(`http://127.0.0.1:${sitePort}/wxauth-relay.html?to=9&code=${CODE}&state=r1`);
      await expect(p.locator('#msg').textContent()).resolves.toBe('The forwarding target is not on the allowlist; stopped.');
      expect(p.url()).toContain(`127.0.0.1:${sitePort}`);
      // A redirect_uri that kept an old code gets WeChat's appended after it: the page forwards the last.
      await p.goto(`http://127.0.0.1:${sitePort}/wxauth-relay.html?code=0ldC0de0ldC0de0ldC0de0ldC0de000&code=${CODE}&state=r1`);
      await p.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${port}/callback\\?code=`));
      await expect(p.locator('#title').textContent()).resolves.toBe('Code received');
      const r = await done;
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`code   ${CODE}\nstate  r1\n`);
    } finally {
      site.close();
    }
  }, 30_000);

  it('a --relay-snippet page past its expiry forwards nothing and says it expired, in both languages', async () => {
    // The site first, then the listener's port: a port freePort() hands back is free only until the next
    // bind, and the site's listen(0) could otherwise be given the very same one.
    let html = '';
    const site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()));
    const sitePort = (site.address() as net.AddressInfo).port;
    const port = await freePort();
    // Made 61 minutes ago with the default lifetime (60 minutes): a page left on the domain.
    html = buildRelaySnippet({
      targets: [`http://127.0.0.1:${port}/callback`],
      lang: 'en',
      now: Date.now() - 61 * 60_000,
      texts: { title: 'Forwarding', blocked: 'blocked', noCode: 'no code', expired: 'This relay page has expired and forwards nothing. 这个中转页面已过期，不再转发。' },
    });
    try {
      const child = startCli(['listen', '--port', String(port), '--state', 'x1', '--timeout', '20']);
      const done = collect(child, 30_000);
      await waitForOutput(child, /Listening on/);
      const p = await freshPage();
      await p.goto(`http://127.0.0.1:${sitePort}/wxauth-relay.html?code=${CODE}&state=x1`);
      await expect(p.locator('#msg').textContent()).resolves.toBe('This relay page has expired and forwards nothing. 这个中转页面已过期，不再转发。');
      // Give a navigation, had one started, the time to reach the listener.
      await p.waitForTimeout(500);
      expect(p.url()).toBe(`http://127.0.0.1:${sitePort}/wxauth-relay.html?code=${CODE}&state=x1`);
      child.kill('SIGINT');
      const r = await done;
      expect(r.code).toBe(130);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toContain('code received');
    } finally {
      site.close();
    }
  }, 30_000);
});

// `wxauth login` end to end against the in-process emulator, with a scripted browser (plain HTTP):
// the URL the CLI prints first on stdout is opened, the consent form is submitted, the redirect lands
// on the CLI's own listener. The real-browser version of this is test/browser/login.test.ts.
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { StateFiles } from '../../src/store/state.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { collect, emulatorEnv, freePort, parseJson, runCli, startCli, tempConfigDir, waitForOutput, type CliResult } from './helpers.js';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

function envFor(type: 'test' | 'website' | 'service', redirectUri?: string): Record<string, string> {
  const app = emu.apps.find((a) => a.type === type)!;
  return emulatorEnv(emu, app, redirectUri ? { WXAUTH_REDIRECT_URI: redirectUri } : {});
}

/** What a browser does on the emulator's consent page: GET it, submit 允许 (or 拒绝), follow the redirect. */
async function consent(url: string, action: 'allow' | 'deny'): Promise<{ status: number; text: string }> {
  const page = await fetch(url, { redirect: 'manual' });
  const html = await page.text();
  const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
  expect(ticket, html).toBeDefined();
  const reply = await fetch(new URL('/connect/oauth2/authorize_reply', url), {
    method: 'POST',
    body: new URLSearchParams({ ticket: ticket!, user: 'u1', action }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  expect(reply.status).toBe(302);
  const landing = await fetch(reply.headers.get('location')!, { redirect: 'manual' });
  return { status: landing.status, text: await landing.text() };
}

describe('wxauth login', () => {
  // The new-user trial typed snsapi_userifno: url and inspect offered the one meant, login did not.
  it('a misspelt --scope is refused (exit 2) with the scope meant; one nothing is close to gets the list', async () => {
    for (const [typed, meant] of [['snsapi_userifno', 'snsapi_userinfo'], ['userinfo', 'snsapi_userinfo'], ['snsapi_bsae', 'snsapi_base']]) {
      const r = await runCli(['login', '--scope', typed!]);
      expect(r.code, typed).toBe(2);
      expect(r.stderr).toContain(`--scope does not accept "${typed}".`);
      expect(r.stderr).toContain(`Did you mean --scope ${meant}?`);
    }
    const far = await runCli(['login', '--scope', 'email']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('Did you mean');
    expect(far.stderr).toContain('Use snsapi_base or snsapi_userinfo');
  });

  it('a login that times out on the emulator says it finishes in this machine\'s browser, not in phone WeChat', async () => {
    const port = await freePort();
    const env = { ...envFor('test', `http://127.0.0.1:${port}/callback`), WXAUTH_CONFIG_DIR: tempConfigDir() };
    const r = await runCli(['login', '--no-open', '--timeout', '1'], { env });
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('This login finishes in a browser on this machine');
    expect(r.stderr).not.toContain('phone WeChat');
  });

  it('a website app logs in on a local listener against an emulator whose --domain names the port, warning that WeChat would not', async () => {
    const local = await startEmulator({ domainOverrides: { [emu.apps.find((a) => a.type === 'website')!.appid]: ['localhost:*'] } });
    try {
      const app = local.apps.find((a) => a.type === 'website')!;
      const env = { ...emulatorEnv(local, app, { WXAUTH_DOMAIN: 'localhost' }), WXAUTH_CONFIG_DIR: tempConfigDir() };
      const child = startCli(['login', '--host', 'localhost', '--port', '0', '--no-open', '--timeout', '20'], { env });
      const done = collect(child);
      const [, url] = await waitForOutput(child, /(http:\/\/\S+\/connect\/qrconnect\?\S+wechat_redirect)\n/);
      // What the browser does: open the QR page, then follow where the confirmed scan sends it.
      expect((await fetch(url!)).status).toBe(200);
      const scanned = local.scan({ appid: app.appid, action: 'confirm' });
      expect((await fetch(scanned.redirect!, { redirect: 'manual' })).status).toBe(200);
      const r = await done;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`openid\\s+${local.users[0]!.openids[app.appid]}`));
      expect(r.stderr).toContain('a real account cannot have a port or an IP in its callback');
      // This emulator was started with that --domain: the advice is not to run it, but what shows it lacks one.
      expect(r.stderr).toContain(`The emulator takes this link only if its --domain names this port for the app (one started as wxauth emulator --domain "${app.appid}=localhost:*", as in the README, does); if its QR page shows 10003 instead, it does not: restart it that way.`);
      expect(r.stderr).not.toContain('To try the login on this machine: wxauth emulator');
    } finally {
      await local.close();
    }
  });

  it('runs the whole snsapi_userinfo flow: URL first on stdout, then a summary, tokens cached', async () => {
    const port = await freePort();
    const dir = tempConfigDir();
    const env = { ...envFor('test', `http://127.0.0.1:${port}/callback`), WXAUTH_CONFIG_DIR: dir };
    const child = startCli(['login', '--scope', 'snsapi_userinfo', '--no-open', '--timeout', '20'], { env });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    expect(url).toContain(`redirect_uri=${encodeURIComponent(`http://127.0.0.1:${port}/callback`)}`);
    expect(url).toMatch(/&state=[A-Za-z0-9]{32}#wechat_redirect$/);
    const landing = await consent(url!, 'allow');
    expect(landing.text).toContain('Code received');
    const r = await done;
    expect(r.code).toBe(0);
    const app = emu.apps.find((a) => a.type === 'test')!;
    const openid = emu.users[0]!.openids[app.appid]!;
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(url);
    expect(r.stdout).toMatch(new RegExp(`openid\\s+${openid}`));
    expect(r.stdout).toMatch(/scope\s+snsapi_userinfo/);
    expect(r.stdout).toMatch(/nickname\s+张三/);
    expect(r.stdout).toMatch(/access_token expires\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(in 1h59m\)/);
    expect(r.stderr).toContain('Login complete');
    expect(r.stderr).toContain('Tokens cached in profile "default" (see wxauth tokens).');
    // The token cache in the config dir really holds the user, and the state login issued.
    const cached = TokenStore.open(dir).getUser('default', app.appid, openid);
    expect(cached).toMatchObject({ openid, scope: 'snsapi_userinfo' });
    expect(url).toContain(`state=${new StateFiles(dir).get('default').entry!.value}#`);
    const paths = emu.requests().map((q) => q.path);
    expect(paths).toEqual(expect.arrayContaining(['/sns/oauth2/access_token', '/sns/auth', '/sns/userinfo']));
    // A state is single use: login marks it used, and its callback again (the old tab reopened) under a
    // later listen is refused as used, not taken as fresh and exchanged into a 40163.
    expect(new StateFiles(dir).get('default').entry).toMatchObject({ usedBy: 'login', usedAt: expect.any(Number) });
    const state = /state=([A-Za-z0-9]+)#/.exec(url!)![1]!;
    const later = runCli(['listen', '--timeout', '2'], { env });
    let page: Response | undefined;
    for (let i = 0; i < 100 && page === undefined; i++) {
      page = await fetch(`http://127.0.0.1:${port}/callback?code=061eY9xX08tQu02IH4wX05BjxX0eY9xA&state=${state}`).catch(() => new Promise<undefined>((r) => setTimeout(() => r(undefined), 25)));
    }
    expect(page?.status).toBe(400);
    const l = await later;
    expect(l.code).toBe(6);
    expect(l.stderr).toContain('wxauth login took its callback');
  });

  it('a snsapi_base login says why there is no unionid: the scope, not an Open Platform binding', async () => {
    const port = await freePort();
    const child = startCli(['login', '--no-open', '--timeout', '20'], { env: envFor('test', `http://127.0.0.1:${port}/cb`) });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    const res = await fetch(url!, { redirect: 'manual' });
    await fetch(res.headers.get('location')!);
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/unionid\s+\(none: snsapi_base grants never carry one\)/);
    expect(r.stdout).not.toContain('Open Platform');
  });

  it('on another profile, the closing note names the tokens command of that profile', async () => {
    const port = await freePort();
    const child = startCli(['login', '--no-open', '--timeout', '20'], { env: { ...envFor('test', `http://127.0.0.1:${port}/cb`), WXAUTH_PROFILE: 'emu' } });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    const res = await fetch(url!, { redirect: 'manual' });
    await fetch(res.headers.get('location')!);
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    // `wxauth tokens` alone would list the default profile's cache, without this user.
    expect(r.stderr).toContain('Tokens cached in profile "emu" (see wxauth tokens --profile emu).');
  });

  it('a refusal on another profile: the advice\'s url and login commands carry --profile', async () => {
    const port = await freePort();
    const env = { ...envFor('test', `http://127.0.0.1:${port}/callback`), WXAUTH_PROFILE: 'emu' };
    const child = startCli(['login', '--scope', 'snsapi_userinfo', '--no-open', '--timeout', '20'], { env });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    await consent(url!, 'deny');
    const r = await done;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('build the link with wxauth url --profile emu --scope snsapi_base (or wxauth login --profile emu --scope snsapi_base)');
    // exchange of a refusal's callback says the same.
    const ex = await runCli(['exchange', `http://127.0.0.1:${port}/callback?state=abc&from=wechat`], { env });
    expect(ex.code).toBe(6);
    expect(ex.stderr).toContain('wxauth url --profile emu --scope snsapi_base');
    // A pasted callback of another state: the fresh link is built on that profile too.
    const paste = await runCli(['listen', '--paste', '--state', 'mine'], { env, input: `http://127.0.0.1:${port}/callback?code=061eY9xX08tQu02IH4wX05BjxX0eY9xA&state=other\n` });
    expect(paste.code).toBe(6);
    expect(paste.stderr).toContain('Build a fresh link with wxauth url --profile emu and authorize again');
  });

  it('with --json: one document on stdout, the URL announced as a JSON line on stderr', async () => {
    const port = await freePort();
    const child = startCli(['login', '--no-open', '--json', '--timeout', '20'], { env: envFor('test', `http://127.0.0.1:${port}/cb`) });
    const done = collect(child);
    const [line] = await waitForOutput(child, /\{"event":"authorize_url","url":"[^"]+".*\}(?=\n)/);
    const { url } = JSON.parse(line!) as { url: string };
    // snsapi_base (the default) is silent: the emulator redirects at once.
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    await fetch(res.headers.get('location')!);
    const r = await done;
    expect(r.code).toBe(0);
    const doc = parseJson(r.stdout) as { ok: boolean; login: Record<string, unknown> };
    expect(doc.ok).toBe(true);
    expect(doc.login).toMatchObject({ scope: 'snsapi_base', nickname: null, redirect_uri: `http://127.0.0.1:${port}/cb` });
    expect(r.stderr).toContain('"event":"userinfo_skipped"');
  });

  it('a scope none of WeChat\'s beside snsapi_userinfo (snsapi_userinfo,foo): login says it cannot tell and calls no userinfo, as exchange says', async () => {
    // A plain server in WeChat's place (the emulator answers only WeChat's scopes).
    const paths: string[] = [];
    const server = http.createServer((req, res) => {
      paths.push((req.url ?? '').split('?')[0]!);
      res.setHeader('Content-Type', 'application/json');
      if (req.url?.startsWith('/sns/oauth2/access_token')) res.end(JSON.stringify({ access_token: 'ACCESSTOKEN1234', expires_in: 7200, refresh_token: 'REFRESH1234', openid: 'oFAKE1234567890', scope: 'snsapi_userinfo,foo' }));
      else if (req.url?.startsWith('/sns/userinfo')) res.end(JSON.stringify({ openid: 'oFAKE1234567890', nickname: 'n', sex: 0, province: '', city: '', country: '', headimgurl: '', privilege: [] }));
      else res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
      const port = await freePort();
      const child = startCli(['login', '--no-open', '--json', '--timeout', '20'], { env: { ...envFor('test', `http://127.0.0.1:${port}/cb`), WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base } });
      const done = collect(child);
      const [line] = await waitForOutput(child, /\{"event":"authorize_url","url":"[^"]+".*\}(?=\n)/);
      const state = new URL((JSON.parse(line!) as { url: string }).url).searchParams.get('state')!;
      await fetch(`http://127.0.0.1:${port}/cb?code=CODE1234567890&state=${state}`);
      const r = await done;
      expect(r.code, r.stderr).toBe(0);
      expect(paths).toContain('/sns/oauth2/access_token');
      expect(paths).not.toContain('/sns/userinfo');
      expect(r.stderr).toContain('"event":"userinfo_skipped","scope":"snsapi_userinfo,foo","reason":"unexpected_scope"');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  // As url --open says them (url.open.reason.*): an opener that is there but not executable, or killed by a
  // signal, was "no xdg-open / open / start to run, or it failed", which sent the user looking for a missing one.
  it('--open with an opener that cannot be started (EACCES) or is killed by a signal names it and why, as url --open does, en, zh and --json', async () => {
    const opener = (body: string, mode: number) => {
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-loginopen-'));
      fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\n${body}\n`, { mode });
      return bin;
    };
    const noexec = opener('exit 0', 0o644);
    const killed = opener('kill -TERM $$', 0o755);
    const login = async (args: string[], bin: string, until: RegExp): Promise<CliResult> => {
      const port = await freePort();
      const env = { ...envFor('test', `http://127.0.0.1:${port}/cb`), WXAUTH_CONFIG_DIR: tempConfigDir(), PATH: bin };
      const child = startCli([...args, 'login', '--timeout', '20'], { env });
      const done = collect(child);
      await waitForOutput(child, until);
      child.kill();
      return done;
    };
    const warned = /(?:the link above yourself\.|上面的链接。|"event":"browser_failed".*)\n/i;
    const en = await login([], noexec, warned);
    expect(en.stderr).toContain('! xdg-open was found but could not be started (EACCES, permission denied: is it executable? chmod +x); open the link above yourself.');
    expect(en.stderr).not.toContain('no xdg-open');
    const zh = await login(['--lang', 'zh'], noexec, warned);
    expect(zh.stderr).toContain('! 找到了 xdg-open，但无法启动（EACCES，权限不足：它有可执行权限吗？chmod +x），请手动打开上面的链接。');
    expect(zh.stderr).not.toContain('没有可用的');
    const signal = await login([], killed, warned);
    expect(signal.stderr).toContain('! xdg-open failed to open a browser (it was killed by signal SIGTERM; run xdg-open on the URL yourself to see its error); open the link above yourself.');
    const json = await login(['--json'], noexec, warned);
    const event = json.stderr.split('\n').filter((l) => l.includes('"browser_failed"')).map((l) => JSON.parse(l) as { message: string })[0];
    expect(event?.message).toBe('xdg-open was found but could not be started (EACCES, permission denied: is it executable? chmod +x); open the url of the authorize_url event yourself.');
  });

  it('with --json, stderr carries only JSON event lines, one per line (issue 12 item 9)', async () => {
    const port = await freePort();
    const dir = tempConfigDir();
    const app = emu.apps.find((a) => a.type === 'test')!;
    // An opener that finds no browser (xdg-open's exit 3 on a headless box): its warning is an event too.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-noopen-'));
    fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const env = { ...envFor('test', `http://127.0.0.1:${port}/cb`), WXAUTH_CONFIG_DIR: dir, PATH: bin };
    const run = runCli(['login', '--json', '--timeout', '20'], { env });
    // The state login issued is remembered before the link goes out: answer as WeChat would.
    let state: string | undefined;
    await until(() => (state = (() => { try { return new StateFiles(dir).get('default').entry?.value; } catch { return undefined; } })()) !== undefined);
    await new Promise((r) => setTimeout(r, 100));
    const code = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
    await fetch(`http://127.0.0.1:${port}/cb?code=${code}&state=${state}`);
    const r = await run;
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    const events = lines.map((l) => JSON.parse(l) as { event: string });
    expect(events[0]).toMatchObject({ event: 'authorize_url' });
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['authorize_url', 'waiting', 'hit', 'step']));
    // No link "above" in JSON Lines: the warning points at the event that carries it.
    expect(JSON.stringify(events.find((e) => e.event === 'browser_failed'))).toContain('open the url of the authorize_url event yourself.');
    // xdg-open ran and exited 3: named with its status, as url --open names it.
    expect(JSON.stringify(events.find((e) => e.event === 'browser_failed'))).toContain('xdg-open failed to open a browser (exit status 3;');
    expect((parseJson(r.stdout) as { ok: boolean }).ok).toBe(true);
  });

  // A new user's pass: login's refusal of another state sent them to `wxauth url` and to a --state login
  // does not have ("unknown option '--state'", exit 2). login makes its own link: run it again.
  it('a callback with another state: the advice is to run login again, never --state or wxauth url (human and --json, en and zh)', async () => {
    const wrongState = async (args: string[]): Promise<CliResult> => {
      const port = await freePort();
      const dir = tempConfigDir();
      // A wrong state never ends the wait: the hint comes at the timeout, long enough for a loaded CI's fetch to land before it.
      const run = runCli([...args, 'login', '--no-open', '--timeout', '6'], { env: { ...envFor('test', `http://127.0.0.1:${port}/cb`), WXAUTH_CONFIG_DIR: dir, WXAUTH_PROFILE: 'emu' } });
      // login listens before it remembers its state, so the listener takes the callback once the state is there.
      await until(() => { try { return new StateFiles(dir).get('emu').entry?.value !== undefined; } catch { return false; } });
      const answer = await fetch(`http://127.0.0.1:${port}/cb?code=abc&state=xyz`);
      expect(answer.status).toBe(400);
      return run;
    };
    const [json, zh] = await Promise.all([wrongState(['--json']), wrongState(['--lang', 'zh'])]);
    expect(json.code, json.stderr).toBe(6);
    const { hint } = (parseJson(json.stdout) as { error: { hint: string } }).error;
    expect(hint).toContain('Run wxauth login --profile emu again');
    expect(hint).not.toContain('--state');
    expect(hint).not.toContain('wxauth url');
    expect(zh.code, zh.stderr).toBe(6);
    expect(zh.stderr).toContain('重新运行 wxauth login --profile emu');
    expect(zh.stderr).not.toContain('--state');
    expect(zh.stderr).not.toContain('wxauth url');
  });

  it('a refusal on the consent page ends with exit 6 and advice', async () => {
    const port = await freePort();
    const child = startCli(['login', '--scope', 'snsapi_userinfo', '--no-open', '--timeout', '20'], { env: envFor('test', `http://127.0.0.1:${port}/callback`) });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    const landing = await consent(url!, 'deny');
    expect(landing.text).toContain('Authorization was refused');
    const r = await done;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('The user refused authorization');
  });

  it('a state-only callback of its snsapi_base link (no consent page to refuse on) is not said as the user refusing', async () => {
    const port = await freePort();
    const child = startCli(['login', '--scope', 'snsapi_base', '--no-open', '--timeout', '20'], { env: envFor('test', `http://127.0.0.1:${port}/callback`) });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    const state = /state=([A-Za-z0-9]+)#/.exec(url!)![1]!;
    await fetch(`http://127.0.0.1:${port}/callback?state=${state}`);
    const r = await done;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('The link asked for snsapi_base, which shows no consent page, so no one refused');
    expect(r.stderr).not.toContain('The user refused authorization');
  });

  it('refuses a public redirect_uri it could never receive, before opening anything', async () => {
    const r = await runCli(['login'], { env: envFor('test', 'https://www.example.com/callback') });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('https://www.example.com/callback is not a local or LAN address');
    expect(r.stderr).toContain('--relay-snippet');
  });

  // Issue 11: login lints its URL as `wxauth url` does, and refuses what WeChat would reject. A listener
  // address the user chose (--host 127.0.0.1 on a localhost domain) is refused before anything listens.
  it('refuses what `wxauth url` refuses, with url’s words and exit 2, before anything listens', async () => {
    const dir = tempConfigDir();
    const env = { ...envFor('service'), WXAUTH_DOMAIN: 'localhost', WXAUTH_CONFIG_DIR: dir };
    // The port it would use is taken: still the refusal, not "port in use" — it never tried to bind.
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runCli(['login', '--no-open', '--host', '127.0.0.1', '--port', String(port)], { env });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`Not building this URL, WeChat would reject it: redirect_uri points at 127.0.0.1:${port}, which is not the callback domain localhost (the same machine, by another name).`);
      expect(r.stderr).toContain('Then run wxauth login again');
      expect(r.stderr).not.toContain('--force');
      expect(r.stderr).not.toContain('already in use');
      expect(r.stderr).not.toContain('Listening on');
      expect(new StateFiles(dir).get('default')).toEqual({});
      // The advice leads somewhere: on the emulator, the domain's own name and the emulator's --domain for
      // a port; or port 80, as a real account's localhost has no port.
      expect(r.stderr).toContain(`wxauth login --host localhost --port 0, with the emulator started as wxauth emulator --domain "${emu.apps.find((a) => a.type === 'service')!.appid}=localhost:*"`);
      expect(r.stderr).toContain('or --port 80');
      // The domain is right, the address was wrong: nothing says to change WXAUTH_DOMAIN.
      expect(r.stderr).not.toContain('WXAUTH_DOMAIN');
    } finally {
      blocker.close();
    }
    const portless = await runCli(['url', '--redirect-uri', 'http://localhost/callback', '--no-qr'], { env });
    expect(portless.code, portless.stderr).toBe(0);
  });

  // The new-user trial: the emulator's service-account line (WXAUTH_DOMAIN=localhost, no redirect URI)
  // got login's default 127.0.0.1:8080, refused for not being the domain, with "fix or unset
  // WXAUTH_DOMAIN". The default now follows the domain.
  it('with no redirect_uri, the callback goes under the callback domain: localhost:<port> on a test account', async () => {
    const port = await freePort();
    const dir = tempConfigDir();
    const env = { ...envFor('test'), WXAUTH_DOMAIN: `localhost:${port}`, WXAUTH_CONFIG_DIR: dir };
    const child = startCli(['login', '--scope', 'snsapi_userinfo', '--no-open', '--timeout', '20'], { env });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    expect(url).toContain(`redirect_uri=${encodeURIComponent(`http://localhost:${port}/callback`)}`);
    const landing = await consent(url!, 'allow');
    expect(landing.text).toContain('Code received');
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`The link’s redirect_uri (where WeChat sends the code): http://localhost:${port}/callback`);
    expect(r.stderr).toContain('Login complete');
  });

  it('a 服务号 / 网站应用 domain takes no port: login listens on port 80, and says so when it cannot', async () => {
    const service = emu.apps.find((a) => a.type === 'service')!;
    const website = emu.apps.find((a) => a.type === 'website')!;
    // Hold port 80 if this user may (else it is denied to login too, or someone else holds it): either
    // way login cannot listen there.
    const blocker = net.createServer();
    const held = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen(80, '127.0.0.1', () => resolve(true));
    });
    try {
      for (const lang of ['en', 'zh'] as const) {
        const r = await runCli(['--lang', lang, 'login', '--no-open', '--timeout', '1'], { env: { ...envFor('service'), WXAUTH_DOMAIN: 'localhost', WXAUTH_CONFIG_DIR: tempConfigDir() } });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).not.toContain('WXAUTH_DOMAIN');
        expect(r.stderr).not.toMatch(/redirect_uri (points at|指向) 127\.0\.0\.1/);
        if (lang === 'en') {
          expect(r.stderr).toContain('✖ The callback domain localhost has no port, so the callback must be on port 80 (http://localhost/callback): WeChat refuses a redirect_uri with a port its domain does not name (10003');
          expect(r.stderr).toMatch(/login cannot listen on port 80: (the port is already in use|permission denied) \(E[A-Z]+\)\./);
          expect(r.stderr).toContain('Or use a test account, whose callback domain may carry a port');
          expect(r.stderr).toContain(`wxauth emulator --domain "${service.appid}=localhost:*", then wxauth login --host localhost --port 0.`);
        } else {
          expect(r.stderr).toContain('✖ 授权回调域名 localhost 不带端口，所以回调只能在 80 端口（http://localhost/callback）');
          expect(r.stderr).toContain('login 监听不了 80 端口：');
          expect(r.stderr).toContain('或者换用测试号，它的回调域可以带端口');
        }
      }
      // The emulator's service-account line gives the redirect_uri too: the same rule, not "use a port
      // above 1024 and the same port in the callback domain", which such a domain cannot take.
      const line = await runCli(['login', '--no-open', '--timeout', '1'], { env: { ...envFor('service', 'http://localhost/callback'), WXAUTH_DOMAIN: 'localhost', WXAUTH_CONFIG_DIR: tempConfigDir() } });
      expect(line.code, line.stderr).toBe(2);
      expect(line.stderr).toContain('The callback domain localhost has no port, so the callback must be on port 80 (http://localhost/callback)');
      expect(line.stderr).not.toContain('Use a port above 1024');
      const web = await runCli(['login', '--no-open', '--timeout', '1'], { env: { ...envFor('website'), WXAUTH_DOMAIN: 'localhost', WXAUTH_CONFIG_DIR: tempConfigDir() } });
      expect(web.code, web.stderr).toBe(2);
      expect(web.stderr).toContain('The callback domain localhost has no port, so the callback must be on port 80');
      expect(web.stderr).toContain(`Website apps have no test accounts; to try the QR login on this machine, use the emulator: wxauth emulator --domain "${website.appid}=localhost:*"`);
      expect(web.stderr).not.toContain('Or use a test account');
    } finally {
      if (held) await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  // Where port 80 may be bound (root, macOS, a container), the 服务号 login completes on the domain as is.
  it('a 服务号 whose domain is localhost logs in on http://localhost/callback where port 80 is free to bind', async (t) => {
    const probe = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(80, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) return t.skip();
    const env = { ...envFor('service'), WXAUTH_DOMAIN: 'localhost', WXAUTH_CONFIG_DIR: tempConfigDir() };
    const child = startCli(['login', '--scope', 'snsapi_userinfo', '--no-open', '--timeout', '20'], { env });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /(http:\/\/\S+wechat_redirect)\n/);
    expect(url).toContain(`redirect_uri=${encodeURIComponent('http://localhost/callback')}`);
    const landing = await consent(url!, 'allow');
    expect(landing.text).toContain('Code received');
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('WXAUTH_DOMAIN');
    expect(r.stdout).toMatch(new RegExp(`openid\\s+${emu.users[0]!.openids[emu.apps.find((a) => a.type === 'service')!.appid]}`));
  });

  it('a callback domain that is not this machine is said to be so when no redirect_uri is set, not blamed on WXAUTH_DOMAIN', async () => {
    const r = await runCli(['login', '--no-open'], { env: { ...envFor('service'), WXAUTH_DOMAIN: 'www.example.com', WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No redirect_uri is set, and the callback domain www.example.com is neither this machine nor the LAN');
    expect(r.stderr).toContain('wxauth listen --relay-snippet');
    expect(r.stderr).not.toContain('unset WXAUTH_DOMAIN');
  });

  it('a scope on the wrong endpoint gets url’s refusal naming what WeChat shows (10005), with or without --port 0', async () => {
    const env = { ...envFor('test'), WXAUTH_CONFIG_DIR: tempConfigDir() };
    for (const extra of [[], ['--port', '0']]) {
      const r = await runCli(['login', '--no-open', '--scope', 'snsapi_login', '--authorize', ...extra], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('snsapi_login is used on the official-account endpoint /connect/oauth2/authorize');
      expect(r.stderr).toContain('10005');
      expect(r.stdout).toBe('');
    }
    const zh = await runCli(['login', '--no-open', '--scope', 'snsapi_base', '--qrconnect', '--lang', 'zh'], { env });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('snsapi_base 用在了网站应用扫码地址 /connect/qrconnect 上');
  });

  it('snsapi_login on an official account: the next step is a login one can paste, on the saved website-app profile by name, else how to make one', async () => {
    const dir = tempConfigDir();
    const env = { ...envFor('test'), WXAUTH_CONFIG_DIR: dir };
    const none = await runCli(['login', '--no-open', '--scope', 'snsapi_login'], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('wxauth init --type website --profile web, then run wxauth --profile web login');
    // Not "run wxauth login again": that is this profile's login, refused the same way.
    expect(none.stderr).not.toContain('wxauth login again');
    // This account's own profile named web (no website app saved): the name offered is another, so the
    // hint never leads to replacing it.
    const app = envFor('test');
    const ownDir = tempConfigDir();
    const mine = await runCli(['init', '--profile', 'web', '--type', 'test', '--appid', app['WXAUTH_APPID']!, '--secret', app['WXAUTH_SECRET']!, '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/cb', '-y'], { env: { WXAUTH_CONFIG_DIR: ownDir } });
    expect(mine.code, mine.stderr).toBe(0);
    const taken = await runCli(['--profile', 'web', 'login', '--no-open', '--scope', 'snsapi_login'], { env: { WXAUTH_CONFIG_DIR: ownDir } });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('wxauth init --type website --profile website, then run wxauth --profile website login');
    const web = emu.apps.find((a) => a.type === 'website')!;
    const init = await runCli(['init', '--profile', 'shopweb', '--type', 'website', '--appid', web.appid, '--secret', web.secret, '--domain', 'passport.example.com', '--redirect-uri', 'https://passport.example.com/cb', '-y'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(init.code, init.stderr).toBe(0);
    const named = await runCli(['--lang', 'zh', 'login', '--no-open', '--scope', 'snsapi_login'], { env });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('用它登录：wxauth --profile shopweb login');
    expect(named.stderr).not.toContain('wxauth init --type website');
  });

  // A service account may not register an IP (only test accounts may): `config set domain 127.0.0.1`
  // would be refused, so the advice is a host name the domain allows, or a test account.
  it('on a service profile, the refusal of 127.0.0.1 offers localhost or a test account, never configuring the IP', async () => {
    const env = { ...envFor('service'), WXAUTH_DOMAIN: 'localhost', WXAUTH_CONFIG_DIR: tempConfigDir() };
    // On the emulator: its own way (above). Aimed at WeChat's open base: localhost on port 80, or a test account.
    const r = await runCli(['login', '--no-open', '--host', '127.0.0.1', '--port', '8080', '--lang', 'zh'], { env: { ...env, WXAUTH_OPEN_BASE: 'https://open.weixin.qq.com' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('redirect_uri 指向 127.0.0.1:8080，与授权回调域名 localhost 不一致；而且只有测试号能把 IP 配成网页授权域名。');
    expect(r.stderr).toContain('login / listen 加上 --host localhost');
    expect(r.stderr).toContain('换用测试号');
    expect(r.stderr).not.toContain('config set domain 127.0.0.1');
    expect(r.stderr).not.toContain('配置 127.0.0.1');
    expect(r.stderr).not.toContain('WXAUTH_DOMAIN');
  });

  it('on a website profile, the refusal of 127.0.0.1 offers localhost and the emulator, not an IP or a test account', async () => {
    const app = emu.apps.find((a) => a.type === 'website')!;
    const env = { ...envFor('website'), WXAUTH_DOMAIN: 'localhost', WXAUTH_CONFIG_DIR: tempConfigDir() };
    const r = await runCli(['login', '--no-open', '--host', '127.0.0.1', '--port', '8080', '--lang', 'zh'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('网站应用的授权回调域不能是 IP');
    expect(r.stderr).toContain(`wxauth emulator --domain "${app.appid}=localhost:*"，再 wxauth login --host localhost --port 0`);
    expect(r.stderr).not.toContain('config set domain 127.0.0.1');
    expect(r.stderr).not.toContain('换用测试号');
  });

  it('a redirect_uri on this machine but https is refused for being https (the listener speaks http), with the http URL to use', async () => {
    // From WXAUTH_REDIRECT_URI: the variable is what to change (config set would be overridden by it).
    const fromEnv = await runCli(['login', '--no-open', '--lang', 'zh'], { env: { ...envFor('test', 'https://127.0.0.1:8080/callback'), WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stdout).toBe('');
    expect(fromEnv.stderr).not.toContain('不是本机或局域网地址');
    expect(fromEnv.stderr).toContain('redirect_uri https://127.0.0.1:8080/callback 在本机，但用的是 https：本地监听只支持 http（没有证书），收不到这个回调。');
    expect(fromEnv.stderr).toContain('WXAUTH_REDIRECT_URI=http://127.0.0.1:8080/callback');

    // init's default on a service profile: https and no port.
    const dir = tempConfigDir();
    const app = emu.apps.find((a) => a.type === 'service')!;
    const init = await runCli(['init', '--type', 'service', '--appid', app.appid, '--secret', app.secret, '--domain', 'localhost', '--redirect-uri', 'https://localhost/wechat/callback', '-y'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(init.code, init.stderr).toBe(0);
    const saved = await runCli(['login', '--no-open', '--lang', 'zh'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_API_BASE: emu.url, WXAUTH_OPEN_BASE: emu.url } });
    expect(saved.code).toBe(2);
    expect(saved.stderr).not.toContain('不是本机或局域网地址');
    expect(saved.stderr).toContain('redirect_uri https://localhost/wechat/callback 在本机，但用的是 https 且没有端口');
    expect(saved.stderr).toContain('wxauth config set redirectUri http://localhost:8080/wechat/callback --yes');
    expect(saved.stderr).toContain(`wxauth emulator --domain "${app.appid}=localhost:*"`);
  });

  it('a service account on a local port (emulator): the warning’s advice fits a 公众号, not a website app', async () => {
    const env = { ...envFor('service'), WXAUTH_DOMAIN: 'localhost', WXAUTH_CONFIG_DIR: tempConfigDir() };
    const app = emu.apps.find((a) => a.type === 'service')!;
    const r = await runCli(['--lang', 'zh', 'login', '--host', 'localhost', '--port', '0', '--no-open', '--timeout', '1'], { env });
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('正式公众号的回调地址不能带端口或用 IP');
    expect(r.stderr).toContain(`对模拟器：只有 --domain 给这个公众号写了这个端口时它才接受这个链接（用 wxauth emulator --domain "${app.appid}=localhost:*" 启动的就是）；如果授权页显示 10003，说明没有，按这条命令重新启动模拟器。`);
    expect(r.stderr).toContain('换用测试号');
    expect(r.stderr).not.toContain('网站应用登录');
  });

  it('listen names no command it cannot know: a state that login remembered is not said to be wxauth url’s', async () => {
    const port = await freePort();
    const env = { ...envFor('test', `http://127.0.0.1:${port}/callback`), WXAUTH_CONFIG_DIR: tempConfigDir() };
    const login = await runCli(['--lang', 'zh', 'login', '--no-open', '--timeout', '1'], { env });
    expect(login.code).toBe(6);
    const state = /[?&]state=([A-Za-z0-9]+)/.exec(login.stdout)?.[1];
    expect(state).toBeDefined();
    const listen = await runCli(['--lang', 'zh', 'listen', '--timeout', '1'], { env });
    expect(listen.code).toBe(6);
    expect(listen.stderr).toMatch(new RegExp(`期望的 state：${state}（\\d+秒前生成授权链接时记下的）`));
    expect(listen.stderr).not.toContain('wxauth url 在');
  });

  it('needs appid and secret (exit 4)', async () => {
    const r = await runCli(['login']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('WXAUTH_APPID');
  });
});

describe('login with stdout in a file and stderr on a terminal', () => {
  it('shows the link on the terminal too, where "the link above" points; the file gets it once', async () => {
    const { Readable } = await import('node:stream');
    const { runCli: run } = await import('../../src/app.js');
    const { TextStream, baseEnv } = await import('./helpers.js');
    const file = new TextStream(false);
    const terminal = new TextStream(true, 200);
    const env = baseEnv({ WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_OPEN_BASE: 'http://127.0.0.1:9', WXAUTH_API_BASE: 'http://127.0.0.1:9' });
    const code = await run(['login', '--no-open', '--port', '0', '--timeout', '1'], { stdout: file, stderr: terminal, promptOutput: () => terminal, stdin: Readable.from([]), env, signal: new AbortController().signal }, '0.0.0');
    expect(code).toBe(6);
    const link = file.text.trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:9\/connect\/oauth2\/authorize\?appid=wx5e1ec0de00000002&/);
    const lines = terminal.text.split('\n');
    expect(lines.indexOf(link)).toBeGreaterThan(-1);
    expect(lines.indexOf(link)).toBeLessThan(lines.findIndex((l) => l.includes('Open the link above in a browser.')));
  });
});

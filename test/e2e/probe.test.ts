// wxauth probe against real servers (test/fixtures/probe-apps): the correct app passes, and each app
// with a planted bug is flagged for exactly that bug. The CLI runs in-process (runCli), the emulator
// and the apps are node:http servers on port 0.
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, DEFAULT_APPIDS, defaultSeed, type EmulatorHandle } from '../../src/emulator/index.js';
import { runCli, startCli } from './helpers.js';
import { startProxy, type ProxyHandle } from '../../src/flows/proxy/server.js';
import { startProbeApp, type ProbeAppKind, type ProbeAppOptions } from '../fixtures/probe-apps/apps.js';
import { startSeparateAuthCookieApp } from '../fixtures/probe-apps/separate-auth-cookie.js';
import { startLoginInUrlApp, type LoginInUrlOptions } from '../fixtures/probe-apps/login-in-url.js';
import { startReencryptedSessionApp } from '../fixtures/probe-apps/reencrypted-session.js';
import { issue, startHttpsSite } from '../flows/doctor/fixtures.js';
import { formatLocalTime } from '../../src/ui/format.js';

const APPID = DEFAULT_APPIDS.test;
let emu: EmulatorHandle;
let secret: string;

beforeAll(async () => {
  // The website app's callback domain is localhost:* here, as a user would set with `wxauth emulator --domain`.
  emu = await startEmulator({ domainOverrides: { [DEFAULT_APPIDS.website]: 'localhost:*' } });
  secret = emu.apps.find((a) => a.appid === APPID)!.secret;
});
afterAll(async () => {
  await emu.close();
});

interface Doc {
  target: string;
  emulator: string;
  appid: string;
  strict?: boolean;
  checks: Array<{ id: string; status: string; message: string; fix: string | null; evidence: Record<string, unknown> }>;
}

/**
 * wechat.slow's late answer, short: a test waits it out in every run of every check (--only secrets.leak
 * too). Unless a test gives its own, the fixtures (which wait 10 s) see a WeChat 100 ms slow, and wait.
 */
const FAST_SLOW = ['--exchange-delay', '100'];

async function probe(kind: ProbeAppKind, extra: string[] = [], appid: string = APPID, appOptions: Partial<ProbeAppOptions> = {}) {
  const appSecret = emu.apps.find((a) => a.appid === appid)!.secret;
  const app = await startProbeApp(kind, { emulator: emu.url, appid, secret: appSecret, hostname: appid === DEFAULT_APPIDS.website ? 'localhost' : undefined, ...appOptions });
  try {
    const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', '--json', ...(extra.includes('--exchange-delay') ? [] : FAST_SLOW), ...extra]);
    const doc = JSON.parse(r.stdout) as Doc;
    return { ...r, doc, failing: doc.checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.id).sort() };
  } finally {
    await app.close();
  }
}

const ALL_IDS = ['authorize.url', 'login.completes', 'code.exchanged_once', 'callback.duplicate', 'callback.reload', 'url.code_left', 'session.renewed', 'session.per_user', 'unionid.absent', 'state.forged', 'state.missing', 'consent.denied', 'code.expired', 'wechat.busy', 'wechat.slow', 'secrets.leak', 'redirect.open', 'basic_token.per_login', 'basic_token.rejected', 'userinfo.scope'];


/** `wxauth probe ARGS`, returned once its happy path has begun: its output so far (and to come) and its exit. */
async function probeUntilHappyPath(args: string[]): Promise<{ out: { stdout: string; stderr: string }; closed: Promise<number | null> }> {
  const child = startCli(['probe', ...args]);
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (out.stdout += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve) =>
    child.stderr!.on('data', (d: Buffer) => {
      out.stderr += d.toString();
      if (out.stderr.includes('happy path')) resolve();
    }),
  );
  return { out, closed };
}

describe('wxauth probe', () => {
  it('passes the correct app: every check id present, exit 0', async () => {
    const r = await probe('correct');
    expect(r.doc.checks.map((c) => c.id)).toEqual(ALL_IDS);
    expect(r.failing).toEqual([]);
    // It makes no /cgi-bin call with a basic token, so the token war has nothing to test; a test account
    // is bound to no 开放平台 account, so its logins never had a unionid to lose.
    const others = r.doc.checks.filter((c) => c.id !== 'basic_token.rejected' && c.id !== 'unionid.absent');
    expect(others.every((c) => c.status === 'pass'), JSON.stringify(others.filter((c) => c.status !== 'pass'))).toBe(true);
    expect(r.doc.checks.find((c) => c.id === 'basic_token.rejected')).toMatchObject({ status: 'skip', message: 'The login makes no /cgi-bin call with a basic access_token, so there is nothing to test.' });
    expect(r.doc.checks.find((c) => c.id === 'unionid.absent')).toMatchObject({ status: 'skip', message: `In the emulator ${APPID} is bound to no 开放平台 account (a test account never can be), so its logins never carry a unionid: the happy path already was a login without one (see login.completes).` });
    expect(r.doc).toMatchObject({ emulator: emu.url, appid: APPID });
    expect(r.code).toBe(0);
  });

  it('tells a refusal page and a retry with the rejected token apart from a crash', async () => {
    const refuses = (await probe('subscribe-refuses', ['--only', 'basic_token.rejected'])).doc.checks.find((c) => c.id === 'basic_token.rejected')!;
    expect(refuses).toMatchObject({ status: 'fail', message: 'After /cgi-bin/user/info answered 40001 (the basic token knocked out elsewhere) the login did not complete: the app answered HTTP 403.' });
    const same = (await probe('subscribe-same-token', ['--only', 'basic_token.rejected'])).doc.checks.find((c) => c.id === 'basic_token.rejected')!;
    expect(same.status).toBe('warn');
    expect(same.message).toMatch(/retried with the same token, which happened to work here; on WeChat a token knocked out stays dead/);
    const war = (await probe('subscribe-token-war', ['--only', 'basic_token.rejected'])).doc.checks.find((c) => c.id === 'basic_token.rejected')!;
    expect(war).toMatchObject({ status: 'warn', message: expect.stringContaining('fetched the token again with /cgi-bin/token') });
    // The same war by stable_token: a forced refresh invalidates the other servers' stable token.
    const forced = (await probe('subscribe-forced', ['--only', 'basic_token.rejected'])).doc.checks.find((c) => c.id === 'basic_token.rejected')!;
    expect(forced).toMatchObject({ status: 'warn', message: expect.stringContaining('fetched the token again with stable_token and force_refresh=true') });
    expect((forced.evidence.wechat as Array<{ path: string; forceRefresh?: boolean }>).filter((c) => c.forceRefresh).map((c) => c.path)).toEqual(['/cgi-bin/stable_token']);
  });

  it('says the /cgi-bin call already failed in the normal login (a fault the user armed), not that the login makes none', async () => {
    const faulty = await startEmulator({ faults: [{ kind: 'errcode', errcode: 45009, path: '/cgi-bin/user/info' }] });
    const app = await startProbeApp('subscribe-check', { emulator: faulty.url, appid: APPID, secret: faulty.apps.find((a) => a.appid === APPID)!.secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', faulty.url, '--reload-delay', '0', '--json', '--only', 'basic_token.rejected']);
      const rejected = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'basic_token.rejected')!;
      expect(rejected).toMatchObject({ status: 'skip', message: 'In the normal login the app\'s call to /cgi-bin/user/info already failed (errcode 45009), so a planted 40001 would test nothing; fix that first, then run probe again.' });
      const zh = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', faulty.url, '--reload-delay', '0', '--only', 'basic_token.rejected'], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(zh.stdout + zh.stderr).toContain('正常登录时应用对 /cgi-bin/user/info 的调用就已失败（errcode 45009）');
    } finally {
      await app.close();
      await faulty.close();
    }
    // A reset armed there: no answer at all, said as the fault.
    const resetting = await startEmulator({ faults: [{ kind: 'reset', path: '/cgi-bin/user/info' }] });
    const app2 = await startProbeApp('subscribe-check', { emulator: resetting.url, appid: APPID, secret: resetting.apps.find((a) => a.appid === APPID)!.secret });
    try {
      const r = await runCli(['probe', `${app2.url}/auth/wechat?next=/me`, '--emulator', resetting.url, '--reload-delay', '0', '--json', '--only', 'basic_token.rejected']);
      expect((JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'basic_token.rejected')).toMatchObject({ status: 'skip', message: expect.stringContaining('already failed (--fault reset)') });
    } finally {
      await app2.close();
      await resetting.close();
    }
  });

  it('http:// to a port that serves HTTPS: says the port hung up and to use https://, not that the app is down', async () => {
    const site = await startHttpsSite(issue({ names: ['127.0.0.1'], toDays: 30 }), { '/login': { status: 302, headers: { location: '/x' } } });
    try {
      const r = await runCli(['probe', `http://127.0.0.1:${site.port}/login`, '--emulator', emu.url]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`Something listens at http://127.0.0.1:${site.port}/login, but it closed the connection without an answer.`);
      expect(r.stderr).toContain(`That port serves HTTPS (it completed a TLS handshake): use https://127.0.0.1:${site.port}/login.`);
      expect(r.stderr).not.toContain('Cannot reach your app');
    } finally {
      await site.close();
    }
  });

  it('an http app that hangs up on every request is not told to use https:// (no TLS there either)', async () => {
    const dropper = createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    const port = (dropper.address() as AddressInfo).port;
    try {
      const r = await runCli(['probe', `http://127.0.0.1:${port}/login`, '--emulator', emu.url]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`Something listens at http://127.0.0.1:${port}/login, but it closed the connection without an answer.`);
      expect(r.stderr).toContain('Check that this port is your app (not another service), and look at its log.');
      expect(r.stderr).not.toContain('https://');
    } finally {
      await new Promise((resolve) => dropper.close(resolve));
    }
  });

  it('a port that answers with something that is not HTTP (another service, headers a parser refuses, headers over 16 KB) is said so, en and zh, not "cannot reach your app"', async () => {
    const raw = (answer: string) =>
      createNetServer((socket) => {
        socket.on('error', () => {});
        socket.once('data', () => socket.end(answer));
      });
    const servers = [raw('SSH-2.0-OpenSSH_9.6\r\n'), raw('HTTP/1.1 302 Found\r\nLocation: /x\r\nX-Note: \x1b[31m\r\nContent-Length: 0\r\n\r\n'), raw(`HTTP/1.1 302 Found\r\nLocation: /x\r\nX-Big: ${'a'.repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`)];
    const ports = await Promise.all(servers.map((server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))));
    try {
      for (const [i, port] of ports.entries()) {
        const r = await runCli(['probe', `http://127.0.0.1:${port}/login`, '--emulator', emu.url]);
        expect(r.code).toBe(5);
        expect(r.stderr).not.toContain('Cannot reach your app');
        if (i < 2) {
          expect(r.stderr).toMatch(new RegExp(`Something answers at http://127\\.0\\.0\\.1:${port}/login, but not in HTTP a browser can read \\((?:HPE_INVALID_[A-Z_]+|Expected HTTP/[^)]*|Invalid header value char|Invalid header token)\\)\\.`));
          expect(r.stderr).toContain('Check that this port is your app (not another service), and look at its log.');
        } else {
          expect(r.stderr).toContain(`The answer from http://127.0.0.1:${port}/login has headers over 16 KB, more than probe (Node) reads (UND_ERR_HEADERS_OVERFLOW).`);
          expect(r.stderr).toContain('NODE_OPTIONS=--max-http-header-size=262144');
        }
      }
      const zh = await runCli(['probe', `http://127.0.0.1:${ports[0]}/login`, '--emulator', emu.url, '--lang', 'zh']);
      expect(zh.stderr).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${ports[0]}/login 上有程序应答，但应答不是浏览器能读的 HTTP（(?:HPE_INVALID_CONSTANT|Expected HTTP/[^）]*)）。`));
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });

  it('a callback whose answer is not HTTP a browser can read fails login.completes saying so, not "the connection failed"', async () => {
    const app = createNetServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', (chunk) => {
        const port = (app.address() as AddressInfo).port;
        const callback = encodeURIComponent(`http://127.0.0.1:${port}/auth/callback`);
        if (chunk.toString('latin1').startsWith('GET /login'))
          socket.end(`HTTP/1.1 302 Found\r\nLocation: ${emu.url}/connect/oauth2/authorize?appid=${APPID}&redirect_uri=${callback}&response_type=code&scope=snsapi_base&state=s1#wechat_redirect\r\nContent-Length: 0\r\n\r\n`);
        else socket.end('HTTP/1.1 302 Found\r\nLocation: /me\r\nX-User: \x1b[31m\r\nContent-Length: 0\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    try {
      const r = await runCli(['probe', `http://127.0.0.1:${(app.address() as AddressInfo).port}/login`, '--emulator', emu.url, '--only', 'login.completes', '--json']);
      const completes = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'login.completes')!;
      expect(completes.status).toBe('fail');
      expect(completes.message).toMatch(/its answer is not HTTP a browser can read \((?:HPE_INVALID_HEADER_TOKEN|Invalid header (?:token|value char))\)/);
    } finally {
      await new Promise((resolve) => app.close(resolve));
    }
  });

  it('a callback whose headers exceed Node\'s 16 KB (the first page fine) fails login.completes with the size and the NODE_OPTIONS way round it, en and zh', async () => {
    const app = createNetServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', (chunk) => {
        const port = (app.address() as AddressInfo).port;
        const callback = encodeURIComponent(`http://127.0.0.1:${port}/auth/callback`);
        if (chunk.toString('latin1').startsWith('GET /login'))
          socket.end(`HTTP/1.1 302 Found\r\nLocation: ${emu.url}/connect/oauth2/authorize?appid=${APPID}&redirect_uri=${callback}&response_type=code&scope=snsapi_base&state=s1#wechat_redirect\r\nContent-Length: 0\r\n\r\n`);
        else socket.end(`HTTP/1.1 302 Found\r\nLocation: /me\r\nSet-Cookie: big=${'a'.repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`);
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    try {
      const start = `http://127.0.0.1:${(app.address() as AddressInfo).port}/login`;
      const completes = async (lang: string) => {
        const r = await runCli(['probe', start, '--emulator', emu.url, '--only', 'login.completes', '--json', '--lang', lang]);
        return (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'login.completes')!;
      };
      const en = await completes('en');
      expect(en.status).toBe('fail');
      expect(en.message).toBe('The login ends in an error: its answer has headers over 16 KB, more than probe (Node) reads (UND_ERR_HEADERS_OVERFLOW); browsers take up to 256 KB, but headers this large are most often a bug (a cookie that grows on every visit, say); to probe anyway, run probe with NODE_OPTIONS=--max-http-header-size=262144.');
      const zh = await completes('zh');
      expect(zh.message).toBe('登录以错误结束：应答头超过 16 KB，比 probe（Node）能读的多（UND_ERR_HEADERS_OVERFLOW）；浏览器能接受到 256 KB，但这么大的头多半是个 bug（比如每次访问都变长的 cookie）；仍要测，就用 NODE_OPTIONS=--max-http-header-size=262144 运行 probe。');
    } finally {
      await new Promise((resolve) => app.close(resolve));
    }
  });

  it('WeChat\'s authorize page spelt http:// or in capitals is still WeChat\'s: sent to the emulator, not called another emulator', async () => {
    const site = createServer((req, res) => {
      const callback = encodeURIComponent(`http://127.0.0.1:${(site.address() as AddressInfo).port}/auth/callback`);
      res.writeHead(302, { location: `http://OPEN.weixin.qq.com/connect/oauth2/authorize?appid=${APPID}&redirect_uri=${callback}&response_type=code&scope=snsapi_base&state=abc#wechat_redirect` }).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const r = await runCli(['probe', `http://127.0.0.1:${(site.address() as AddressInfo).port}/login`, '--emulator', emu.url, '--json', '--only', 'authorize.url']);
      const url = (JSON.parse(r.stdout) as Doc & { rewroteOpenHost: boolean }).checks.find((c) => c.id === 'authorize.url')!;
      expect(url.message).not.toMatch(/another emulator|never sent the browser/);
      expect((JSON.parse(r.stdout) as { rewroteOpenHost: boolean }).rewroteOpenHost).toBe(true);
    } finally {
      site.closeAllConnections();
      site.close();
    }
  });

  it('a login start that redirects to file:, javascript: or weixin: is said to go to that scheme, not "another host" (en, zh)', async () => {
    let to = '';
    const site = createServer((_req, res) => res.writeHead(302, { location: to }).end());
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const start = `http://127.0.0.1:${(site.address() as AddressInfo).port}/login`;
    const message = async (location: string, lang: string) => {
      to = location;
      const r = await runCli(['probe', start, '--emulator', emu.url, '--json', '--only', 'authorize.url', '--lang', lang]);
      const url = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'authorize.url')!;
      expect(url.status).toBe('fail');
      return url.message;
    };
    try {
      expect(await message('file:///etc/passwd', 'en')).toBe(
        `${start} never sent the browser to WeChat’s authorize page (oauth2/authorize or qrconnect): it redirected to file:///etc/passwd: a file: address, not a web page, which a WeChat login never sends the browser to (WeChat’s authorize page is https://).`,
      );
      expect(await message('file:///etc/passwd', 'zh')).toBe(
        `${start} 没有把浏览器送到微信的授权页（oauth2/authorize 或 qrconnect）：它跳到了 file:///etc/passwd：这是 file: 地址，不是网页，微信登录从不会把浏览器送到这种地址（微信授权页是 https:// 的）。`,
      );
      expect(await message('JavaScript:alert(1)', 'en')).toContain(': a javascript: address, not a web page');
      expect(await message('weixin://dl/business/?t=abc', 'en')).toBe(
        `${start} never sent the browser to WeChat’s authorize page (oauth2/authorize or qrconnect): it redirected to weixin://dl/business/?t=abc: a weixin: link, not WeChat’s web authorization, which is an https:// page on open.weixin.qq.com (inside WeChat too).`,
      );
      expect(await message('weixin://dl/business/?t=abc', 'zh')).toContain('这是 weixin: 链接，不是微信网页授权；网页授权走的是 open.weixin.qq.com 上的 https:// 页面（在微信里打开也一样）');
      // Another web host is still another host.
      expect(await message('https://elsewhere.example/x', 'en')).toContain('it redirected to another host, https://elsewhere.example, which probe does not contact');
    } finally {
      site.closeAllConnections();
      site.close();
    }
  });

  it('a website app with a wrong scope gets the findings\' own fixes, not the localhost way or the test account', async () => {
    const r = await probe('website', ['--only', 'authorize.url'], DEFAULT_APPIDS.website, { hostname: 'localhost', scope: 'snsapi_userinfo' });
    const url = r.doc.checks.find((c) => c.id === 'authorize.url')!;
    expect(url.status).toBe('fail');
    expect((url.evidence.findings as Array<{ id: string }>).some((f) => f.id.startsWith('domain.'))).toBe(false);
    // The link itself, quoted for the shell, where a placeholder was: probe knows it.
    expect(url.fix).toMatch(new RegExp(`^Follow the fix under each finding listed below; wxauth inspect --open-base ${emu.url} '${emu.url}/connect/qrconnect\\?appid=${DEFAULT_APPIDS.website}&[^']*' checks the link on its own \\(without --open-base for a link to real WeChat\\)\\.$`));
  });

  it('a website app on localhost against an emulator without --domain: every Fix is about the emulator, none about wxauth\'s profile', async () => {
    const plain = await startEmulator();
    const appid = DEFAULT_APPIDS.website;
    const app = await startProbeApp('website', { emulator: plain.url, appid, secret: plain.apps.find((a) => a.appid === appid)!.secret, hostname: 'localhost', realOpenHost: true });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', plain.url, '--only', 'authorize.url,login.completes']);
      expect(r.stdout).toContain(`wxauth emulator --domain "${appid}=localhost:*"`);
      expect(r.stdout).toContain(`start the emulator as wxauth emulator --domain "${appid}=${new URL(app.url).host}"`);
      expect(r.stdout).not.toContain('wxauth config set');
      expect(r.stdout).toContain('in WeChat’s own Chinese words');
      // Only WeChat's words are quoted as WeChat's: the emulator's own (Chinese, for probe's browser) note is not.
      expect(r.stdout).toContain('redirect_uri 参数错误');
      expect(r.stdout).not.toContain('wxauth 模拟器');
    } finally {
      await app.close();
      await plain.close();
    }
  });

  it('a website app started on 127.0.0.1 (its emulator domain localhost:*): the mismatch and the localhost way, not a test account', async () => {
    const r = await probe('website', ['--only', 'authorize.url'], DEFAULT_APPIDS.website, { hostname: '127.0.0.1' });
    const url = r.doc.checks.find((c) => c.id === 'authorize.url')!;
    expect(url.status).toBe('fail');
    expect(JSON.stringify(url)).not.toContain('not of the form host[:port]');
    expect(url.fix).toContain('test on localhost, with probe and the app at http://localhost:');
    expect(url.fix).not.toContain(DEFAULT_APPIDS.test);
    // inspect's own finding for it, compared with the emulator's domain (its :* dropped).
    const findings = url.evidence.findings as Array<{ id: string; message: string }>;
    expect(findings.map((f) => f.id)).toEqual(['domain.host_ip_website']);
    expect(findings[0]!.message).toMatch(/^redirect_uri points at 127\.0\.0\.1:\d+, which is not the callback domain localhost; a website app’s callback domain cannot be an IP\.$/);
  });

  it('an app aimed at another emulator is said as such, not as an app without an authorize redirect', async () => {
    const other = await startEmulator();
    const app = await startProbeApp('correct', { emulator: other.url, appid: APPID, secret: other.apps.find((a) => a.appid === APPID)!.secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'authorize.url']);
      const url = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'authorize.url')!;
      expect(url.message).toBe(`${app.url}/auth/wechat never sent the browser to WeChat’s authorize page (oauth2/authorize or qrconnect): it redirected to an authorize page on ${other.url}, not on this emulator: the app uses another emulator (or another WeChat host).`);
      expect(url.fix).toBe(`Let probe and the app use the same emulator: wxauth probe … --emulator ${other.url}, or aim the app at ${emu.url}.`);
    } finally {
      await app.close();
      await other.close();
    }
  });

  it('an app aimed at an emulator that no longer runs, or at a server that is none: the fix names --emulator only where an emulator answers', async () => {
    const gone = await startEmulator();
    const goneUrl = gone.url;
    const app = await startProbeApp('correct', { emulator: goneUrl, appid: APPID, secret: gone.apps.find((a) => a.appid === APPID)!.secret });
    await gone.close();
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'authorize.url']);
      const url = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'authorize.url')!;
      const port = new URL(goneUrl).port;
      expect(url.fix).toBe(`Nothing answers at ${goneUrl}: the emulator the app’s authorize link names is not running (a port from an earlier run, say). Aim the app at this emulator, ${emu.url} (its authorize-link host and its API base both), or start one where the app looks, wxauth emulator --port ${port}, and run probe with --emulator ${goneUrl}.`);
      const zh = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'authorize.url', '--lang', 'zh']);
      expect(zh.stdout).toContain(`怎么办：${goneUrl} 上没有任何服务应答：应用授权链接指向的模拟器没有在运行`);
      expect(zh.stdout).toContain(`wxauth emulator --port ${port}，再用 --emulator ${goneUrl} 运行 probe。`);
    } finally {
      await app.close();
    }
    // Something answers there, and it is not an emulator (the app's own port, another service).
    const other: Server = createServer((_req, res) => res.writeHead(404).end('not found'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const aimed = await startProbeApp('correct', { emulator: otherUrl, appid: APPID, secret });
    try {
      const r = await runCli(['probe', `${aimed.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'authorize.url']);
      const url = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'authorize.url')!;
      expect(url.fix).toBe(`${otherUrl} answers, but not as a wxauth emulator (it has no control API at /__emulator/), so probe cannot run the login there. Aim the app’s WeChat addresses (its authorize-link host and its API base) at ${emu.url}.`);
      expect(url.fix).not.toContain('--emulator');
    } finally {
      await aimed.close();
      await new Promise((resolve) => other.close(resolve));
    }
    // A host off this machine, which probe never contacts: it says it cannot tell, and how to look.
    const remote = await startProbeApp('correct', { emulator: 'http://192.0.2.1:3900', appid: APPID, secret });
    try {
      const r = await runCli(['probe', `${remote.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'authorize.url']);
      const url = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'authorize.url')!;
      expect(url.fix).toBe(`probe does not contact http://192.0.2.1:3900 (it is not on this machine), so it cannot tell whether an emulator runs there: open http://192.0.2.1:3900/__emulator/ in a browser, where an emulator answers with its list of endpoints. If one does, run probe with --emulator http://192.0.2.1:3900; otherwise aim the app at ${emu.url}.`);
    } finally {
      await remote.close();
    }
  });

  it("an app whose login page sends the browser on by script, its link JSON-escaped (https:\\/\\/…, PHP's json_encode): probe finds the link and logs in", async () => {
    const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret, pageRedirect: true });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'authorize.url,login.completes']);
      expect(r.stdout).toMatch(/✔ authorize\.url/);
      expect(r.stdout).toMatch(/✔ login\.completes/);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    } finally {
      await app.close();
    }
  });

  describe('an app aimed at a wxauth proxy in front of the emulator (README\'s proxy recipe)', () => {
    let proxy: ProxyHandle;
    beforeAll(async () => {
      proxy = await startProxy({ host: '127.0.0.1', port: 0, upstream: emu.url, timeoutMs: 5000, showSecrets: false, hooks: { call: () => {}, hit: () => {} } });
    });
    afterAll(async () => {
      await proxy.close();
    });

    it('probe goes through the proxy to WeChat\'s pages, says so, and still sees the planted 40163', async () => {
      const app = await startProbeApp('double-exchange', { emulator: proxy.url, appid: APPID, secret });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', '--only', 'authorize.url,login.completes,code.exchanged_once,callback.duplicate']);
        expect(r.stderr).toContain(`The app’s authorize link is on ${proxy.url}, a wxauth proxy forwarding to this emulator (${emu.url}): probe goes through it to WeChat’s pages.`);
        expect(r.stdout).toMatch(/✔ authorize\.url/);
        // The login got its user, then the second exchange's 40163: a warning, not a pass.
        expect(r.stdout).toMatch(/! login\.completes/);
        expect(r.stdout).toMatch(/✖ code\.exchanged_once/);
        expect(r.stdout).toMatch(/✖ callback\.duplicate/);
        expect(r.stdout).not.toContain('not on this emulator');
        expect(r.code).toBe(1);
      } finally {
        await app.close();
      }
    });

    it('an API base of the proxy plus /sns: the fix says to drop the /sns, never that the base should be the emulator\'s address', async () => {
      const app = await startProbeApp('base-with-path', { emulator: proxy.url, appid: APPID, secret });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'login.completes']);
        const c = (JSON.parse(r.stdout) as Doc).checks.find((x) => x.id === 'login.completes')!;
        expect(c.message).toContain('sent the code to /sns/sns/oauth2/access_token');
        expect(c.fix).toContain('Give it its API base without /sns: the scheme, host and port alone');
        expect(c.fix).toContain('through a wxauth proxy, the proxy’s address');
        expect(c.fix).not.toContain(`alone: ${emu.url}`);
      } finally {
        await app.close();
      }
    });

    it('an app whose page script (not a 302) sends the browser to the proxy: probe goes through it too', async () => {
      const app = await startProbeApp('correct', { emulator: proxy.url, appid: APPID, secret, pageRedirect: true });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'authorize.url,login.completes']);
        expect(r.stderr).toContain(`The app’s authorize link is on ${proxy.url}, a wxauth proxy forwarding to this emulator (${emu.url})`);
        expect(r.stdout).toMatch(/✔ authorize\.url/);
        expect(r.stdout).toMatch(/✔ login\.completes/);
        expect(r.code, r.stdout + r.stderr).toBe(0);
      } finally {
        await app.close();
      }
    });

    it('--emulator on the proxy: says it is a wxauth proxy and names the emulator behind it (exit 2), in both languages', async () => {
      const app = await startProbeApp('correct', { emulator: proxy.url, appid: APPID, secret });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', proxy.url]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`${proxy.url} is a wxauth proxy, not the emulator`);
        expect(r.stderr).toContain(`Keep --emulator on the emulator behind it: --emulator ${emu.url}.`);
        const zh = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', proxy.url, '--lang', 'zh']);
        expect(zh.stderr).toContain(`${proxy.url} 是 wxauth proxy，不是模拟器`);
        expect(zh.stderr).toContain(`--emulator ${emu.url}`);
      } finally {
        await app.close();
      }
    });

    it('a proxy in front of another emulator is named as a proxy, with the --emulator or --upstream that fixes it', async () => {
      const other = await startEmulator();
      const app = await startProbeApp('correct', { emulator: proxy.url, appid: APPID, secret });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', other.url, '--json', '--only', 'authorize.url']);
        const url = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'authorize.url')!;
        expect(url.status).toBe('fail');
        expect(url.fix).toBe(`${proxy.url} is a wxauth proxy forwarding to ${emu.url}, not to this emulator: run probe with --emulator ${emu.url}, or start the proxy with --upstream ${other.url}.`);
      } finally {
        await app.close();
        await other.close();
      }
    });
  });

  it('names the errcode the emulator gave the second exchange (40029 with reusedCodeErrcode=40029), not always 40163', async () => {
    const old = await startEmulator({ switches: { reusedCodeErrcode: 40029 } });
    const app = await startProbeApp('exchanges-twice', { emulator: old.url, appid: APPID, secret: old.apps.find((a) => a.appid === APPID)!.secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', old.url, '--reload-delay', '0', '--json', '--only', 'callback.duplicate']);
      const duplicate = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'callback.duplicate')!;
      expect(duplicate).toMatchObject({ status: 'fail', message: expect.stringMatching(/exchange the same code \d+ times \(the second gets 40029\)/) });
      // The second hit's answer is what the browser shows: the user's error page is named.
      expect(duplicate.message).toMatch(/, and the user ends on HTTP 400\.$/);
    } finally {
      await app.close();
      await old.close();
    }
  });

  it('passes an app that checks the subscription with a cached basic token and retries once when it was knocked out (40001)', async () => {
    const r = await probe('subscribe-check');
    // But unionid.absent: a test account's logins never carry a unionid (skipped, saying so).
    const judged = r.doc.checks.filter((c) => c.id !== 'unionid.absent');
    expect(judged.every((c) => c.status === 'pass'), JSON.stringify(judged.filter((c) => c.status !== 'pass'))).toBe(true);
    const rejected = r.doc.checks.find((c) => c.id === 'basic_token.rejected')!;
    expect(rejected.message).toBe('When /cgi-bin/user/info answered 40001 (the basic token knocked out elsewhere), the app fetched a token again, retried, and the login completed.');
    // The evidence shows the faulted call, the token fetched again and the retry that worked.
    const calls = (rejected.evidence.wechat as Array<{ path: string; errcode?: number; fault?: string }>).map((c) => `${c.path}${c.fault ? ` ${c.fault} ${c.errcode}` : ''}`);
    expect(calls).toEqual(['/sns/oauth2/access_token', '/cgi-bin/user/info errcode 40001', '/cgi-bin/stable_token', '/cgi-bin/user/info', '/sns/userinfo']);
    expect(r.code).toBe(0);
  });

  it('warns before forging callbacks to a host that looks like a deployed site; not for this machine', async () => {
    const r = await runCli(['probe', 'http://www.example.invalid/login', '--emulator', emu.url, '--only', 'login.completes', '--timeout', '2000']);
    expect(r.stderr).toContain('www.example.invalid looks like a deployed site');
    expect(r.stderr.indexOf('looks like a deployed site')).toBeLessThan(r.stderr.indexOf('Probing'));
    const local = await runCli(['probe', 'http://127.0.0.1:9/login', '--emulator', emu.url, '--only', 'login.completes', '--timeout', '2000']);
    expect(local.stderr).not.toContain('looks like a deployed site');
  });

  it('--only secrets.leak reads every scenario\'s answers: a secret shown only on an error page is still found', async () => {
    const r = await probe('leaks-secret', ['--only', 'secrets.leak']);
    expect(r.failing).toEqual(['secrets.leak']);
    expect(r.doc.checks.filter((c) => c.id !== 'secrets.leak').every((c) => c.status === 'skip')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('--skip keeps a check\'s scenario from running although secrets.leak reads every scenario\'s answers', async () => {
    const r = await probe('correct', ['--skip', 'code.expired,wechat.busy,wechat.slow']);
    const ran = (r.doc as unknown as { scenarios: Array<{ id: string }> }).scenarios.map((s) => s.id);
    expect(ran).not.toContain('expired');
    expect(ran).not.toContain('busy_errcode');
    expect(ran).not.toContain('slow_exchange');
    expect(r.doc.checks.find((c) => c.id === 'wechat.slow')).toMatchObject({ status: 'skip', message: 'Not selected (--only / --skip).' });
    expect(ran).toContain('duplicate');
    expect(r.doc.checks.find((c) => c.id === 'secrets.leak')?.status).toBe('pass');
  });

  it('a callback on the app\'s host and port but the other scheme is said as such, not as a split frontend and backend', async () => {
    const r = await probe('correct', [], APPID, { redirectScheme: 'https' });
    const completes = r.doc.checks.find((c) => c.id === 'login.completes');
    expect(completes).toMatchObject({ status: 'fail', message: expect.stringMatching(/^The callback https:\/\/127\.0\.0\.1:\d+\/auth\/callback uses https, but the app serves http on that host and port/) });
    expect(completes?.fix).toMatch(/X-Forwarded-Proto/);
    expect(completes?.message).not.toMatch(/not on the app/);
  });

  it('authorize.url fails with the emulator\'s page when the emulator refused the URL, whatever the lint only warned about', async () => {
    // The service account's callback domain without a port, and the app on a port: WeChat's 10003.
    const strict = await startEmulator({ domainOverrides: { [DEFAULT_APPIDS.service]: '127.0.0.1' } });
    const appid = DEFAULT_APPIDS.service;
    const app = await startProbeApp('correct', { emulator: strict.url, appid, secret: strict.apps.find((a) => a.appid === appid)!.secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', strict.url, '--json']);
      const doc = JSON.parse(r.stdout) as Doc;
      const url = doc.checks.find((c) => c.id === 'authorize.url');
      expect(url?.status).toBe('fail');
      expect(url?.message).not.toMatch(/accepts/);
      // login.completes quotes the page too: with --only it is the one place that says why.
      expect(doc.checks.find((c) => c.id === 'login.completes')?.message).toMatch(/WeChat’s authorize page \(the emulator’s\) refused it, in WeChat’s own Chinese words: ".*redirect_uri域名与后台配置不一致/);
      expect(r.code).toBe(1);
    } finally {
      await app.close();
      await strict.close();
    }
  });

  it('passes the app whose WeChat client is wechat-oauth from npm (its open.weixin.qq.com link sent to the emulator)', async () => {
    const r = await probe('sdk');
    expect(r.failing).toEqual([]);
    expect(r.stderr).toContain('open.weixin.qq.com');
    expect(r.code).toBe(0);
  });

  it('passes a correct website app (网站应用): QR login on /connect/qrconnect, scanned and confirmed through the emulator', async () => {
    const r = await probe('website', [], DEFAULT_APPIDS.website);
    expect(r.failing, JSON.stringify(r.doc.checks.filter((c) => c.status !== 'pass'), null, 1)).toEqual([]);
    // The second person scans as the emulator's next user (no following needed outside test accounts).
    expect(r.doc.checks.find((c) => c.id === 'session.per_user')).toMatchObject({ status: 'pass', message: expect.stringContaining('after 李四 (u2) logged in in another browser') });
    const authorize = r.doc.checks.find((c) => c.id === 'authorize.url')!;
    expect(JSON.stringify(authorize.evidence)).toContain('/connect/qrconnect');
    expect(r.code).toBe(0);
  });

  it('an app that never answers the refusal callback is flagged, and probe still ends (after --timeout)', async () => {
    const r = await probe('hangs-on-denial', ['--timeout', '1500', '--only', 'consent.denied']);
    expect(r.failing).toEqual(['consent.denied']);
    const denied = r.doc.checks.find((c) => c.id === 'consent.denied')!;
    expect(denied.status).toBe('fail');
    expect(JSON.stringify(denied)).toMatch(/timeout|timed out|超时/i);
    expect(r.code).toBe(1);
  });

  it('Express\'s default error page on a refusal (its stack with <br> and &nbsp;, HTTP 400): consent.denied fails, saying users see the stack', async () => {
    const r = await probe('denial-express-400', ['--only', 'consent.denied']);
    const denied = r.doc.checks.find((c) => c.id === 'consent.denied')!;
    expect(denied).toMatchObject({
      status: 'fail',
      message: 'When the user refuses consent (a callback with state only) the app fails: HTTP 400 with a stack trace (node) shown to the user, which gives away the server’s file paths and code layout.',
    });
    expect(denied.fix).toBe('Never send a stack trace (node) to the browser: catch the error and show a short page of your own (Express prints the stack unless NODE_ENV=production; Flask’s or Django’s debug mode and PHP’s display_errors do too). Then: A callback without a code means the user refused: show “login cancelled” with a way to try again.');
    expect(r.code).toBe(1);
    const zh = await probe('denial-express-400', ['--only', 'consent.denied', '--lang', 'zh']);
    expect(zh.doc.checks.find((c) => c.id === 'consent.denied')!.message).toContain('HTTP 400，页面向用户显示了堆栈跟踪（node），暴露了服务器上的文件路径');
  });

  const planted: Array<[ProbeAppKind, string[], number]> = [
    ['exchanges-twice', ['callback.duplicate', 'callback.reload'], 1],
    ['ignores-state', ['state.forged', 'state.missing'], 1],
    // A random state is refused, but any state the app ever issued is taken, another browser's included.
    ['state-not-bound', ['state.forged'], 1],
    ['denial-500', ['consent.denied'], 1],
    ['code-left', ['url.code_left'], 1],
    ['leaks-secret', ['secrets.leak'], 1],
    ['token-per-login', ['basic_token.per_login'], 0],
    ['open-redirect', ['redirect.open'], 1],
    // The sid cookie set before the login (it holds the state) still names the signed-in session after it.
    ['keeps-session', ['session.renewed'], 1],
    // The same kept sid, and a new cookie beside it that says nothing of who the visitor is: still fixation.
    ['keeps-session-flash', ['session.renewed'], 1],
    // The signed-in user in a module-level variable: the first browser's /me shows whoever logged in last.
    ['shared-user', ['session.per_user'], 1],
    // The nickname cached under a fixed key: the second person's /me shows the first one's nickname.
    ['profile-cache-shared', ['session.per_user'], 1],
    ['userinfo-base', ['userinfo.scope'], 1],
    ['userinfo-basic-token', ['userinfo.scope'], 1],
    // No second exchange, but the reload and WeChat's second hit each end on an error page.
    ['refuses-reload', ['callback.duplicate', 'callback.reload'], 1],
    ['subscribe-500', ['basic_token.rejected'], 1],
    ['subscribe-refuses', ['basic_token.rejected'], 1],
    ['subscribe-no-retry', ['basic_token.rejected'], 0],
    ['subscribe-same-token', ['basic_token.rejected'], 0],
    // Recovers, but with /cgi-bin/token: the next token war (the happy path never calls it, so per_login passes).
    ['subscribe-token-war', ['basic_token.rejected'], 0],
    ['subscribe-forced', ['basic_token.rejected'], 0],
  ];
  for (const [kind, ids, code] of planted) {
    it(`flags exactly the planted bug: ${kind} → ${ids.join(', ')}`, async () => {
      const r = await probe(kind);
      expect(r.failing, JSON.stringify(r.doc.checks.filter((c) => c.status !== 'pass'), null, 1)).toEqual(ids);
      expect(r.code).toBe(code);
    });
  }

  it('session.renewed: a login that keeps the one sid and sets no new cookie fails, the kept cookie said as one session id (en, zh)', async () => {
    const verdict = (r: { doc: Doc }) => r.doc.checks.find((c) => c.id === 'session.renewed')!;
    const en = await probe('keeps-session', ['--only', 'session.renewed']);
    expect(verdict(en), JSON.stringify(verdict(en), null, 1)).toMatchObject({
      status: 'fail',
      message: 'The cookie the app set before the login (sid) is unchanged after it, and no new one came: whoever planted that session id in the user’s browser before the login is signed in as the user after it (session fixation).',
    });
    const zh = await probe('keeps-session', ['--only', 'session.renewed', '--lang', 'zh']);
    expect(verdict(zh).message).toBe('登录前应用设置的 cookie（sid）在登录后原样未变，也没有新的 cookie：谁在登录前把这个会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。');
  });

  it('session.renewed: a login that keeps the sid and adds only a flash cookie fails: the planted sid alone opens /me signed in (en, zh)', async () => {
    const verdict = (r: { doc: Doc }) => r.doc.checks.find((c) => c.id === 'session.renewed')!;
    const en = await probe('keeps-session-flash', ['--only', 'session.renewed']);
    expect(verdict(en)).toMatchObject({ status: 'fail', message: expect.stringMatching(/^The cookie the app set before the login \(sid\) is unchanged after it, and a fresh browser with only the cookies from before the login opens \S+\/me signed in as the user \(it shows their openid\)/) });
    const zh = await probe('keeps-session-flash', ['--only', 'session.renewed', '--lang', 'zh']);
    expect(verdict(zh).message).toMatch(/一个只带着登录前那些 cookie 的新浏览器打开 \S+\/me，是以这个用户登录的状态（页面显示了其 openid）/);
  });

  // A correct app whose pre-login session cookie stays as it was while the login signs in with a cookie
  // of its own (ASP.NET Core's .AspNetCore.Session + .AspNetCore.Cookies; sid + passport): the planted
  // session id alone opens the landing page signed out, so there is no fixation to report.
  for (const [sessionName, authName] of [['.AspNetCore.Session', '.AspNetCore.Cookies'], ['sid', 'passport']] as const) {
    it(`session.renewed: a kept ${sessionName} beside a new ${authName} that alone signs in passes (the planted ${sessionName} opens /me signed out)`, async () => {
      const app = await startSeparateAuthCookieApp({ emulator: emu.url, appid: APPID, secret, sessionName, authName });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed']);
        const doc = JSON.parse(r.stdout) as Doc;
        const verdict = doc.checks.find((c) => c.id === 'session.renewed')!;
        expect(verdict, JSON.stringify(verdict, null, 1)).toMatchObject({ status: 'pass', message: expect.stringMatching(new RegExp(`^The login kept ${sessionName.replaceAll('.', '\\.')} as it was, but a fresh browser with only the cookies from before the login opens \\S+/me without the user on it \\(HTTP 401\\): the login signs the user in with ${authName.replaceAll('.', '\\.')}, which it set anew`)) });
        expect(r.code).toBe(0);
      } finally {
        await app.close();
      }
    });
  }

  it('session.renewed\'s replay of the pre-login cookies is a scenario: in --json with its hops, and drawn in --html like the others', async () => {
    const app = await startSeparateAuthCookieApp({ emulator: emu.url, appid: APPID, secret });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-replay-'));
    const file = path.join(dir, 'report.html');
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed', '--html', file]);
      const doc = JSON.parse(r.stdout) as Doc & { scenarios: Array<{ id: string; hops: Array<{ url: string }> }> };
      expect(doc.checks.find((c) => c.id === 'session.renewed')!.evidence.scenarios).toEqual(['happy', 'session_bare', 'session_replay']);
      const replay = doc.scenarios.find((s) => s.id === 'session_replay');
      expect(replay?.hops.map((h) => h.url)).toEqual([`${app.url}/me`]);
      const html = fs.readFileSync(file, 'utf8');
      expect(html).toMatch(/<section><h3>a fresh browser with the pre-login cookies <small>\d+ ms<\/small><\/h3>[^]*?<svg/);
      // Before it, the landing page opened with no cookies at all (it answers 401 there: the address alone signs no one in).
      expect(html).toMatch(/<section><h3>a fresh browser with no cookies <small>\d+ ms<\/small><\/h3>[^]*?<svg/);
      expect(doc.scenarios.find((s) => s.id === 'session_bare')?.hops.map((h) => h.url)).toEqual([`${app.url}/me`]);
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // The landing page shows no user (it loads them with script): probe cannot tell the user on it, and judges
  // first by the names of the cookies the login set anew. A new cookie whose name may say who the visitor is
  // counts as the new session. A flash message beside the kept sid does not: then the page is compared whole.
  // keeps-session-flash sends a browser with no cookies back to the login, and one with only the pre-login
  // sid gets the user's very page: fixation, shown by the replay (it was blamed on the names alone).
  it('session.renewed, the landing page showing no user: a kept .AspNetCore.Session beside a new .AspNetCore.Cookies passes; a kept sid beside a new flash cookie fails, the planted sid getting the user\'s page (en, zh)', async () => {
    const verdict = (doc: Doc) => doc.checks.find((c) => c.id === 'session.renewed')!;
    const app = await startSeparateAuthCookieApp({ emulator: emu.url, appid: APPID, secret, anonymous: true });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed']);
      const doc = JSON.parse(r.stdout) as Doc;
      expect(verdict(doc), JSON.stringify(verdict(doc), null, 1)).toMatchObject({ status: 'pass', message: 'The login starts a new session: a cookie the app set before it changed, or the login set a new one.' });
      // Judged by the names: no fresh browser was sent with the planted cookies.
      expect(verdict(doc).evidence.details).not.toHaveProperty('replayed');
      expect(r.code).toBe(0);
    } finally {
      await app.close();
    }
    const en = await probe('keeps-session-flash', ['--only', 'session.renewed'], APPID, { anonymous: true });
    expect(verdict(en.doc), JSON.stringify(verdict(en.doc), null, 1)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^The session cookie the app set before the login \(sid\) is unchanged after it, and a fresh browser with only the cookies from before the login opens http:\/\/127\.0\.0\.1:\d+\/me and gets the very page the user got \(HTTP 200\), which a browser with no cookies does not: whoever planted that session id in the user’s browser before the login is signed in as the user after it \(session fixation\)\.$/),
      fix: expect.stringContaining('req.session.regenerate()'),
    });
    expect(verdict(en.doc).evidence.scenarios).toEqual(['happy', 'session_bare', 'session_replay']);
    expect(verdict(en.doc).evidence.details).toMatchObject({ replayStatus: 200 });
    expect(en.code).toBe(1);
    const zh = await probe('keeps-session-flash', ['--only', 'session.renewed', '--lang', 'zh'], APPID, { anonymous: true });
    expect(verdict(zh.doc).message).toMatch(/^登录前应用设置的会话 cookie（sid）在登录后原样未变；一个只带着登录前那些 cookie 的新浏览器打开 \S+\/me，得到的正是用户登录后看到的页面（HTTP 200），而不带 cookie 的浏览器得不到：谁在登录前把这个会话 id 塞进用户的浏览器/);
  });

  /** probe --only session.renewed against a login-in-url app (the user signed in by a ticket in /me's address): its verdict and exit. */
  const renewedInUrl = async (options: Pick<LoginInUrlOptions, 'state' | 'anonymous' | 'alsoKept' | 'onceTicket'>, lang: string[] = []) => {
    const app = await startLoginInUrlApp({ emulator: emu.url, appid: APPID, secret, ...options });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed', ...lang]);
      const doc = JSON.parse(r.stdout) as Doc;
      return { verdict: doc.checks.find((c) => c.id === 'session.renewed')!, code: r.code };
    } finally {
      await app.close();
    }
  };

  // lang=en set before the login and left as it was, flash=welcome after: neither says who the visitor is,
  // and the state's cookie is gone. Nothing planted can survive the login. When /me shows no one (judged by
  // the names) that passes, lang never named the session; when /me?t=… shows the user to a browser with no
  // cookies at all, that the address alone signs in is said all the same (it was a pass saying nothing).
  it('session.renewed: a login that leaves only lang as it was (a flash cookie after it) passes, lang never named as the session; an address that signs anyone in is still said (en, zh)', async () => {
    const en = await renewedInUrl({ state: 'state-cookie', anonymous: true });
    expect(en.verdict, JSON.stringify(en.verdict, null, 1)).toMatchObject({
      status: 'pass',
      message: 'Of the cookies the app set before the login, the ones unchanged after it (lang) say nothing of who the visitor is (a language, a flash message, a CSRF token): no session id planted before the login survives it.',
    });
    expect(en.code).toBe(0);
    const zh = await renewedInUrl({ state: 'state-cookie', anonymous: true }, ['--lang', 'zh']);
    expect(zh.verdict.message).toBe('登录前应用设置的 cookie 里，登录后原样未变的（lang）不代表访问者是谁（语言、提示消息、CSRF 令牌之类）：登录前塞进浏览器的会话 id 不会在登录后留下来。');
    const shown = await renewedInUrl({ state: 'state-cookie', anonymous: false });
    expect(shown.verdict, JSON.stringify(shown.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^A fresh browser with no cookies at all opens http:\/\/127\.0\.0\.1:\d+\/me\?t=[0-9a-f]{4}\*\*\*, where the login ends, signed in as the user \(it shows their openid\)/),
      fix: expect.stringContaining('Keep the sign-in out of the address'),
    });
    expect(shown.verdict.evidence.scenarios).toEqual(['happy', 'session_bare']);
    expect(shown.code).toBe(0);
    const shownZh = await renewedInUrl({ state: 'state-cookie', anonymous: false }, ['--lang', 'zh']);
    expect(shownZh.verdict.message).toMatch(/^一个不带任何 cookie 的新浏览器打开登录后落到的 \S+\/me\?t=[0-9a-f]{4}\*\*\*，也是以这个用户登录的状态/);
  });

  // The landing page /me?t=… shows the user to a browser with no cookies at all: whether the sid kept from
  // before the login signs anyone in cannot be told by opening it, so no fixation is blamed on sid; that the
  // address alone signs in is said instead.
  it('session.renewed: a landing page whose address alone signs the user in (/me?t=…) is a warning saying so, not a fixation blamed on the kept sid (en, zh)', async () => {
    const en = await renewedInUrl({ state: 'sid' });
    expect(en.verdict, JSON.stringify(en.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^A fresh browser with no cookies at all opens http:\/\/127\.0\.0\.1:\d+\/me\?t=[0-9a-f]{4}\*\*\*, where the login ends, signed in as the user \(it shows their openid\): anyone who has that address .* opens it as the user\. For the same reason it cannot tell whether the cookies kept from before the login sign anyone in \(session fixation\), so that was not judged\.$/),
      fix: expect.stringContaining('Keep the sign-in out of the address'),
    });
    expect(en.verdict.evidence.scenarios).toEqual(['happy', 'session_bare']);
    // The ticket (32 hex digits) signs anyone in: masked in the warning and in the check's details.
    expect(JSON.stringify([en.verdict.message, en.verdict.evidence.details])).not.toMatch(/[0-9a-f]{32}/);
    expect(en.code).toBe(0);
    const zh = await renewedInUrl({ state: 'sid' }, ['--lang', 'zh']);
    expect(zh.verdict.message).toMatch(/^一个不带任何 cookie 的新浏览器打开登录后落到的 \S+\/me\?t=[0-9a-f]{4}\*\*\*，也是以这个用户登录的状态（页面显示了其 openid）：拿到这个地址的人/);
    expect(zh.verdict.fix).toContain('不要把登录凭据放在地址里');
  });

  // /me?t=… says only "signed in" (no openid, no nickname), and the kept sid (and uid) sign no one in: the
  // ticket in the address does. By the names that was a fixation; but a browser with no cookies at all gets
  // the very same page, so the page cannot tell whether the kept cookies sign anyone in: untested, said as
  // such, the kept cookies named without lang. (A fail here blamed a fixation that is not there.)
  it('session.renewed, a landing page that shows no one and is the same without cookies: the kept sid is untested, not a fixation; named without lang (en, zh)', async () => {
    const one = await renewedInUrl({ state: 'sid', anonymous: true });
    expect(one.verdict, JSON.stringify(one.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^The page the login ends on, http:\/\/127\.0\.0\.1:\d+\/me\?t=[0-9a-f]{4}\*\*\*, does not show who is signed in, and a fresh browser with no cookies at all gets the very same page \(HTTP 200\): it cannot tell whether the cookies kept from before the login \(sid\) sign anyone in \(session fixation\), so that was not judged\./),
    });
    expect(one.verdict.evidence.scenarios).toEqual(['happy', 'session_bare']);
    expect(one.code).toBe(0);
    const two = await renewedInUrl({ state: 'sid', anonymous: true, alsoKept: 'uid' });
    expect(two.verdict).toMatchObject({ status: 'warn', message: expect.stringContaining('the cookies kept from before the login (sid, uid) sign anyone in') });
    const twoZh = await renewedInUrl({ state: 'sid', anonymous: true, alsoKept: 'uid' }, ['--lang', 'zh']);
    expect(twoZh.verdict.message).toMatch(/^登录后落到的 \S+\/me\?t=[0-9a-f]{4}\*\*\* 不显示登录的是谁，一个不带任何 cookie 的新浏览器打开它也得到一模一样的页面（HTTP 200）：据此看不出登录前原样留下的 cookie（sid、uid）能不能让人登进去/);
  });

  // The same app with a ticket that works once: a browser with no cookies, sent to the used address, gets
  // 401, and so does one with only the pre-login sid. The sid signs no one in: a pass, not the fixation
  // the names alone said.
  it('session.renewed, a landing page that shows no one: a kept sid that gets what a cookie-less browser gets (401) passes (en, zh)', async () => {
    const en = await renewedInUrl({ state: 'sid', anonymous: true, onceTicket: true });
    expect(en.verdict, JSON.stringify(en.verdict, null, 1)).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/^The login kept sid as it was, but a fresh browser with only the cookies from before the login gets at http:\/\/127\.0\.0\.1:\d+\/me\?t=[0-9a-f]{4}\*\*\* what a browser with no cookies at all gets \(HTTP 401\), not the page the user got: a planted id signs no one in\.$/),
    });
    expect(en.verdict.evidence.scenarios).toEqual(['happy', 'session_bare', 'session_replay']);
    expect(en.code).toBe(0);
    const zh = await renewedInUrl({ state: 'sid', anonymous: true, onceTicket: true }, ['--lang', 'zh']);
    expect(zh.verdict.message).toMatch(/^登录保留了 sid 原值，但一个只带着登录前那些 cookie 的新浏览器打开 \S+，得到的和不带任何 cookie 的浏览器一样（HTTP 401），不是用户登录后的页面/);
  });

  // Laravel sets its session cookie again on every answer, encrypted anew: after the login it always has a
  // new value, so by the values every login renewed it. A browser with only the pre-login (old) value opens
  // /me: the login that kept the session inside shows it the user (fixation, it passed as renewed); the one
  // that regenerated the session shows it no one.
  it('session.renewed: a session cookie encrypted anew at the login (Laravel) is replayed: the same session inside fails, a regenerated one passes (en, zh)', async () => {
    const run = async (login: 'keeps' | 'regenerates', lang: string[] = []) => {
      const app = await startReencryptedSessionApp({ emulator: emu.url, appid: APPID, secret, login });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed', ...lang]);
        return { verdict: (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'session.renewed')!, code: r.code };
      } finally {
        await app.close();
      }
    };
    const keeps = await run('keeps');
    expect(keeps.verdict, JSON.stringify(keeps.verdict, null, 1)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^The login set laravel_session again with a new value, but a fresh browser with only the cookies from before the login \(the old value\) opens http:\/\/127\.0\.0\.1:\d+\/me signed in as the user \(it shows their openid\): the old value still opens the signed-in session \(the new one re-encrypts the same session, as Laravel does on every answer/),
      fix: expect.stringContaining('$request->session()->regenerate()'),
    });
    expect(keeps.verdict.evidence.scenarios).toEqual(['happy', 'session_bare', 'session_replay']);
    expect(keeps.code).toBe(1);
    const keepsZh = await run('keeps', ['--lang', 'zh']);
    expect(keepsZh.verdict.message).toMatch(/^登录时应用给 laravel_session 换了新值，但一个只带着登录前那些 cookie（旧值）的新浏览器打开 \S+\/me，是以这个用户登录的状态（页面显示了其 openid）/);
    const regenerates = await run('regenerates');
    expect(regenerates.verdict, JSON.stringify(regenerates.verdict, null, 1)).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/^The login set laravel_session anew, and a fresh browser with only the cookies from before the login opens http:\/\/127\.0\.0\.1:\d+\/me without the user on it \(HTTP 401\): a planted id signs no one in\.$/),
    });
    expect(regenerates.code).toBe(0);
    const regeneratesZh = await run('regenerates', ['--lang', 'zh']);
    expect(regeneratesZh.verdict.message).toMatch(/^登录给 laravel_session 换了新值，一个只带着登录前那些 cookie 的新浏览器打开 \S+\/me 时页面上没有这个用户（HTTP 401）/);
  });

  // The same Laravel app whose /me says only "welcome back" (no openid, no nickname): nothing to judge the
  // replay by the user, so the page is compared whole. The session kept inside gives the old value the very
  // page the user got (fixation; this passed as "a new session" by the new value alone); the regenerated
  // one gives it what a browser with no cookies gets (401); a /me that welcomes anyone cannot tell.
  const reencryptedNamingNoOne = async (login: 'keeps' | 'regenerates', shows: 'no one' | 'no one, to anyone', lang: string[] = []) => {
    const app = await startReencryptedSessionApp({ emulator: emu.url, appid: APPID, secret, login, shows });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed', ...lang]);
      return { verdict: (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'session.renewed')!, code: r.code };
    } finally {
      await app.close();
    }
  };
  it('session.renewed: a session cookie encrypted anew, the landing page naming no one, the same session inside: the old value gets the user\'s page, a fail (en, zh)', async () => {
    const run = reencryptedNamingNoOne;
    const keeps = await run('keeps', 'no one');
    expect(keeps.verdict, JSON.stringify(keeps.verdict, null, 1)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^The login set laravel_session again with a new value, but a fresh browser with only the cookies from before the login \(the old value\) opens http:\/\/127\.0\.0\.1:\d+\/me and gets the very page the user got \(HTTP 200\), which a browser with no cookies does not: the old value still opens the signed-in session/),
      fix: expect.stringContaining('$request->session()->regenerate()'),
    });
    expect(keeps.verdict.evidence.scenarios).toEqual(['happy', 'session_bare', 'session_replay']);
    expect(keeps.code).toBe(1);
    const keepsZh = await run('keeps', 'no one', ['--lang', 'zh']);
    expect(keepsZh.verdict.message).toMatch(/^登录时应用给 laravel_session 换了新值，但一个只带着登录前那些 cookie（旧值）的新浏览器打开 \S+\/me，得到的正是用户登录后看到的页面（HTTP 200），而不带 cookie 的浏览器得不到/);
  });

  it('session.renewed: a session cookie encrypted anew, the landing page naming no one, a regenerated session: the old value gets what no cookies get (401), a pass by the pages (en, zh)', async () => {
    const run = reencryptedNamingNoOne;
    const regenerates = await run('regenerates', 'no one');
    expect(regenerates.verdict, JSON.stringify(regenerates.verdict, null, 1)).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/^The login set laravel_session anew, and a fresh browser with only the cookies from before the login \(the old value\) gets at http:\/\/127\.0\.0\.1:\d+\/me what a browser with no cookies at all gets \(HTTP 401\), not the page the user got: a planted id signs no one in\.$/),
    });
    expect(regenerates.verdict.evidence.scenarios).toEqual(['happy', 'session_bare', 'session_replay']);
    expect(regenerates.code).toBe(0);
    const regeneratesZh = await run('regenerates', 'no one', ['--lang', 'zh']);
    expect(regeneratesZh.verdict.message).toMatch(/^登录给 laravel_session 换了新值，一个只带着登录前那些 cookie（旧值）的新浏览器打开 \S+\/me，得到的和不带任何 cookie 的浏览器一样（HTTP 401）/);
  });

  it('session.renewed: a session cookie encrypted anew, a landing page that welcomes anyone: not judged, a warning, never "a new session" (en, zh)', async () => {
    const run = reencryptedNamingNoOne;
    const anyone = await run('keeps', 'no one, to anyone');
    expect(anyone.verdict, JSON.stringify(anyone.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^The login set laravel_session again with a new value, but a new value may only re-encrypt the same session \(as Laravel does on every answer\); the page the login ends on, http:\/\/127\.0\.0\.1:\d+\/me, does not show who is signed in, and a fresh browser with no cookies at all gets the very same page \(HTTP 200\): it cannot tell whether the old value still opens the signed-in session \(session fixation\), so that was not judged\./),
    });
    expect(anyone.verdict.evidence.scenarios).toEqual(['happy', 'session_bare']);
    expect(anyone.code).toBe(0);
    const anyoneZh = await run('keeps', 'no one, to anyone', ['--lang', 'zh']);
    expect(anyoneZh.verdict.message).toMatch(/^登录给 laravel_session 换了新值，但新值可能只是把同一个会话重新加密（Laravel 每次响应都会这样做）；登录后落到的 \S+\/me 不显示登录的是谁，一个不带任何 cookie 的新浏览器打开它也得到一模一样的页面（HTTP 200）/);
  });

  /** probe --only session.renewed against the Laravel-like app (reencrypted-session.ts) with these options: its verdict and exit. */
  const reencrypted = async (options: Omit<Parameters<typeof startReencryptedSessionApp>[0], 'emulator' | 'appid' | 'secret'>, lang: string[] = []) => {
    const app = await startReencryptedSessionApp({ emulator: emu.url, appid: APPID, secret, ...options });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed', ...lang]);
      return { verdict: (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'session.renewed')!, code: r.code };
    } finally {
      await app.close();
    }
  };

  // The regenerated session, /me naming no one, and a cookie naming a session the app forgot gets "session
  // expired" (401), not the "not signed in" a browser with no cookies gets: the old value's page is neither
  // the user's nor the cookie-less one, so nothing is judged (a warning, not a pass nor a fixation).
  it('session.renewed: a session cookie encrypted anew, the old value getting a page of its own ("session expired"): unclear, a warning (en, zh)', async () => {
    const en = await reencrypted({ login: 'regenerates', shows: 'no one', forgotten: 'expired' });
    expect(en.verdict, JSON.stringify(en.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^The login set laravel_session again with a new value, but a new value may only re-encrypt the same session \(as Laravel does on every answer\); the page the login ends on, http:\/\/127\.0\.0\.1:\d+\/me, does not show who is signed in, and a fresh browser with only the cookies from before the login \(the old value\) gets there \(HTTP 401\) neither the page the user got nor what a browser with no cookies gets: it cannot tell whether the old value still opens the signed-in session \(session fixation\), so that was not judged\./),
      fix: null,
    });
    expect(en.verdict.evidence.scenarios).toEqual(['happy', 'session_bare', 'session_replay']);
    expect(en.code).toBe(0);
    const zh = await reencrypted({ login: 'regenerates', shows: 'no one', forgotten: 'expired' }, ['--lang', 'zh']);
    expect(zh.verdict.message).toMatch(/^登录给 laravel_session 换了新值，但新值可能只是把同一个会话重新加密（Laravel 每次响应都会这样做）；登录后落到的 \S+\/me 不显示登录的是谁，一个只带着登录前那些 cookie（旧值）的新浏览器打开它（HTTP 401），得到的既不是用户登录后的页面，也不是不带 cookie 的浏览器得到的页面/);
  });

  // The login ends on its callback (the page drawn there, no redirect after it): that address cannot be
  // opened again (its code is spent), so the old value cannot be replayed. The session kept inside passed as
  // "a new session" by the new value alone; kept or regenerated, it is said as untested, the code masked.
  it('session.renewed: a session cookie encrypted anew, the login ending on its callback: untested, a warning, never "a new session" (en, zh)', async () => {
    const keeps = await reencrypted({ login: 'keeps', landsOn: 'callback' });
    expect(keeps.verdict, JSON.stringify(keeps.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^The login set laravel_session again with a new value, but a new value may only re-encrypt the same session \(as Laravel does on every answer\); the login ends on its callback, http:\/\/127\.0\.0\.1:\d+\/auth\/callback\?code=[0-9A-Za-z]{4}\*\*\*&state=[0-9a-f]{16,}, which cannot be opened again without using its code a second time: it cannot tell whether the old value still opens the signed-in session \(session fixation\), so that was not judged\. Check by hand that the login issues a new session id/),
      fix: null,
    });
    expect(keeps.code).toBe(0);
    const regenerates = await reencrypted({ login: 'regenerates', landsOn: 'callback' });
    // Kept or regenerated, the same words: the new value cannot tell them apart.
    const unaddressed = (m: string) => m.replace(/http:\/\/\S+, which/, 'URL, which');
    expect(regenerates.verdict.status).toBe('warn');
    expect(unaddressed(regenerates.verdict.message)).toBe(unaddressed(keeps.verdict.message));
    const zh = await reencrypted({ login: 'keeps', landsOn: 'callback' }, ['--lang', 'zh']);
    expect(zh.verdict.message).toMatch(/^登录给 laravel_session 换了新值，但新值可能只是把同一个会话重新加密（Laravel 每次响应都会这样做）；登录停在回调地址 \S+\/auth\/callback\?code=[0-9A-Za-z]{4}\*\*\*&state=[0-9a-f]{16,} 本身，这个地址不能再打开一次（那会第二次使用它的 code）：看不出旧值是否仍能打开已登录的会话（会话固定），这一项没有判断。/);
  });

  // The same callback landing with a short sid set beside laravel_session before WeChat and kept as it was:
  // the new laravel_session may only re-encrypt the session the kept sid came with, and the callback cannot
  // be opened again to replay them, so it is untested (a warning naming both), never "a new session". With
  // the sid renewed too, no cookie is kept and it is not this warning (the laravel_session one instead).
  it('session.renewed: a kept sid beside a session cookie encrypted anew, the login ending on its callback: untested, a warning naming both, the code masked (en, zh)', async () => {
    const en = await reencrypted({ login: 'keeps', landsOn: 'callback', sid: 'kept' });
    expect(en.verdict, JSON.stringify(en.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^The login kept sid as it was and set laravel_session again with a new value, but a new value may only re-encrypt the same session \(as Laravel does on every answer\); the login ends on its callback, http:\/\/127\.0\.0\.1:\d+\/auth\/callback\?code=[0-9A-Za-z]{4}\*\*\*&state=[0-9a-f]{16,}, which cannot be opened again without using its code a second time: it cannot tell whether the cookies from before the login still open the signed-in session \(session fixation\), so that was not judged\. Check by hand that the login issues a new session id/),
      fix: null,
    });
    expect(en.code).toBe(0);
    const zh = await reencrypted({ login: 'keeps', landsOn: 'callback', sid: 'kept' }, ['--lang', 'zh']);
    expect(zh.verdict.status).toBe('warn');
    expect(zh.verdict.message).toMatch(/^登录保留了 sid 原值，又给 laravel_session 换了新值，但新值可能只是把同一个会话重新加密（Laravel 每次响应都会这样做）；登录停在回调地址 http:\/\/127\.0\.0\.1:\d+\/auth\/callback\?code=[0-9A-Za-z]{4}\*\*\*&state=[0-9a-f]{16,} 本身，这个地址不能再打开一次（那会第二次使用它的 code）：看不出登录前的 cookie 是否仍能打开已登录的会话（会话固定），这一项没有判断。/);
    // The sid renewed by the login too: nothing kept, so only laravel_session is said, as untested.
    const renewed = await reencrypted({ login: 'keeps', landsOn: 'callback', sid: 'renewed' });
    expect(renewed.verdict, JSON.stringify(renewed.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^The login set laravel_session again with a new value, but a new value may only re-encrypt the same session .* the login ends on its callback, /),
    });
    expect(renewed.verdict.message).not.toContain('kept');
  });

  // A kept sid beside AWSALB, which a load balancer sets again with a new value on every answer, and /me
  // naming no one: by the names AWSALB was "the new session" and the fixation passed. The planted sid alone
  // (with the old AWSALB) gets the user's very page, which a browser with no cookies does not: a fail.
  it('session.renewed: a kept sid beside a cookie set anew on every answer (AWSALB), the landing page naming no one: the planted sid gets the user\'s page, a fail (en, zh)', async () => {
    const en = await probe('keeps-session', ['--only', 'session.renewed'], APPID, { anonymous: true, stickyCookie: true });
    const verdict = (doc: Doc) => doc.checks.find((c) => c.id === 'session.renewed')!;
    expect(verdict(en.doc), JSON.stringify(verdict(en.doc), null, 1)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^The session cookie the app set before the login \(sid\) is unchanged after it, and a fresh browser with only the cookies from before the login opens http:\/\/127\.0\.0\.1:\d+\/me and gets the very page the user got \(HTTP 200\), which a browser with no cookies does not/),
      fix: expect.stringContaining('req.session.regenerate()'),
    });
    expect(verdict(en.doc).evidence.scenarios).toEqual(['happy', 'session_bare', 'session_replay']);
    expect(en.code).toBe(1);
    const zh = await probe('keeps-session', ['--only', 'session.renewed', '--lang', 'zh'], APPID, { anonymous: true, stickyCookie: true });
    expect(verdict(zh.doc).message).toMatch(/^登录前应用设置的会话 cookie（sid）在登录后原样未变；一个只带着登录前那些 cookie 的新浏览器打开 \S+\/me，得到的正是用户登录后看到的页面（HTTP 200）/);
    // The correct app behind the same load balancer (sid renewed, AWSALB set anew) still passes.
    const correct = await probe('correct', ['--only', 'session.renewed'], APPID, { anonymous: true, stickyCookie: true });
    expect(verdict(correct.doc), JSON.stringify(verdict(correct.doc), null, 1)).toMatchObject({ status: 'pass' });
  });

  // A load balancer's cookie is the only one (AWSALB, new on every answer) and the login ends on its callback:
  // it names a server, not a visitor, so it is not "a session encrypted anew" (the Laravel warning it got).
  // And a short session id set anew on the callback (code-left's regenerated sid) is a new session, a pass.
  it('session.renewed: a load balancer\'s cookie set anew, or a short session id set anew on the callback, is not taken for a re-encrypted session', async () => {
    const verdict = (doc: Doc) => doc.checks.find((c) => c.id === 'session.renewed')!;
    const sticky = await probe('no-session', ['--only', 'session.renewed'], APPID, { stickyCookie: true });
    expect(verdict(sticky.doc), JSON.stringify(verdict(sticky.doc), null, 1)).toMatchObject({ status: 'pass' });
    expect(verdict(sticky.doc).message).not.toMatch(/Laravel|AWSALB/);
    const regenerated = await probe('code-left', ['--only', 'session.renewed']);
    expect(verdict(regenerated.doc), JSON.stringify(verdict(regenerated.doc), null, 1)).toMatchObject({ status: 'pass' });
  });

  // A kept sid beside a cookie of the app's own that every answer sets anew (a last_visit stamp, no load
  // balancer's): a cookie from before with a new value is no proof of a new session beside a kept one, so
  // the planted sid is still tried and fails; it passed as 'a new session' for a moment this evening.
  it('session.renewed: a kept sid beside a last_visit stamp set anew on every answer is still tried: a fail, never "a new session"', async () => {
    const verdict = (doc: Doc) => doc.checks.find((c) => c.id === 'session.renewed')!;
    const run = await probe('keeps-session', ['--only', 'session.renewed'], APPID, { anonymous: true, stickyCookie: true, stickyCookieName: 'last_visit' });
    expect(verdict(run.doc), JSON.stringify(verdict(run.doc), null, 1)).toMatchObject({ status: 'fail', message: expect.stringMatching(/\(sid\) is unchanged after it/) });
  });

  // No cookie before WeChat (the state waits in the server) and a login that ends on /me?t=…, which shows
  // the user to a browser with no cookies at all: the address is said, as it is whatever the cookies did
  // (it was a plain skip, "no session to renew"); with no cookies before, no fixation is spoken of.
  it('session.renewed: no cookie before WeChat, a landing address that alone signs the user in: the address is still said (en, zh)', async () => {
    const en = await renewedInUrl({ state: 'server' });
    expect(en.verdict, JSON.stringify(en.verdict, null, 1)).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^A fresh browser with no cookies at all opens http:\/\/127\.0\.0\.1:\d+\/me\?t=[0-9a-f]{4}\*\*\*, where the login ends, signed in as the user \(it shows their openid\): anyone who has that address .* opens it as the user\. \(The app set no cookie before sending the browser to WeChat, so there was no session for the login to renew\.\)$/),
      fix: expect.stringContaining('Keep the sign-in out of the address'),
    });
    expect(en.verdict.evidence.scenarios).toEqual(['happy', 'session_bare']);
    expect(en.code).toBe(0);
    const zh = await renewedInUrl({ state: 'server' }, ['--lang', 'zh']);
    expect(zh.verdict.message).toMatch(/^一个不带任何 cookie 的新浏览器打开登录后落到的 \S+\/me\?t=[0-9a-f]{4}\*\*\*，也是以这个用户登录的状态（页面显示了其 openid）：.*（应用在把浏览器送去微信之前没有设置 cookie，没有需要更新的会话。）$/);
    // A page that shows no one: still the plain skip.
    const anonymous = await renewedInUrl({ state: 'server', anonymous: true });
    expect(anonymous.verdict).toMatchObject({ status: 'skip', message: 'The app set no cookie before sending the browser to WeChat: there is no session for the login to renew.' });
  });

  // The ticket in /me?t=… signs anyone in: masked not only in the warning but in every hop the --json
  // and --html evidence show (the happy path's, the cookie-less browser's, the callback's Location).
  it('session.renewed: the landing address\'s ticket is masked in the hops of --json and --html, as in the warning', async () => {
    const app = await startLoginInUrlApp({ emulator: emu.url, appid: APPID, secret, state: 'sid' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-ticket-'));
    const file = path.join(dir, 'report.html');
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed', '--html', file]);
      const doc = JSON.parse(r.stdout) as Doc & { scenarios: Array<{ id: string; hops: Array<{ url: string; location?: string }> }> };
      const hops = doc.scenarios.flatMap((s) => s.hops);
      // The hops to /me were there, masked: the happy path's and the fresh browser's.
      expect(hops.filter((h) => /\/me\?t=[0-9a-f]{4}\*\*\*$/.test(h.url)).length).toBeGreaterThanOrEqual(2);
      expect(hops.some((h) => h.location !== undefined && /\/me\?t=[0-9a-f]{4}\*\*\*$/.test(h.location))).toBe(true);
      expect(r.stdout).not.toMatch(/t=[0-9a-f]{32}/);
      expect(fs.readFileSync(file, 'utf8')).not.toMatch(/t=[0-9a-f]{32}/);
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // A ticket of digits only (no letters to mix with) is a credential all the same: masked in every hop. With
  // --show-secrets the user asked to see the addresses as they were: the ticket and the callback's code shown.
  it('session.renewed: a digits-only ticket in the landing address is masked in the hops; --show-secrets shows the hops as they were', async () => {
    const app = await startLoginInUrlApp({ emulator: emu.url, appid: APPID, secret, state: 'sid', ticket: 'digits' });
    try {
      const hopsOf = (stdout: string) => (JSON.parse(stdout) as { scenarios: Array<{ hops: Array<{ url: string; location?: string }> }> }).scenarios.flatMap((s) => s.hops);
      const args = ['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.renewed'];
      const masked = await runCli(args);
      const hops = hopsOf(masked.stdout);
      expect(hops.filter((h) => /\/me\?t=\d{4}\*\*\*$/.test(h.url)).length).toBeGreaterThanOrEqual(2);
      expect(hops.some((h) => h.location !== undefined && /\/me\?t=\d{4}\*\*\*$/.test(h.location))).toBe(true);
      expect(masked.stdout).not.toMatch(/t=\d{16}/);
      expect(masked.stdout).not.toMatch(/code=[A-Za-z0-9]{20,}/);

      const shown = await runCli([...args, '--show-secrets']);
      const shownHops = hopsOf(shown.stdout);
      expect(shownHops.filter((h) => /\/me\?t=\d{16}$/.test(h.url)).length).toBeGreaterThanOrEqual(2);
      expect(shownHops.some((h) => h.location !== undefined && /\/me\?t=\d{16}$/.test(h.location))).toBe(true);
      expect(shownHops.some((h) => /\/auth\/callback\?code=[A-Za-z0-9]{20,}&/.test(h.url))).toBe(true);
      expect(shownHops.filter((h) => `${h.url} ${h.location ?? ''}`.includes('***'))).toEqual([]);
      const verdict = (JSON.parse(shown.stdout) as Doc).checks.find((c) => c.id === 'session.renewed')!;
      expect(verdict.message).toMatch(/\/me\?t=\d{16}, where the login ends/);
    } finally {
      await app.close();
    }
  });

  // session.per_user says the page the login ended on; here that address alone signs the user in (/me?t=<ticket>),
  // so its message masks the ticket as the hops do, in both languages; --show-secrets says it as it was.
  it('session.per_user: a ticket in the landing address its message says is masked, unless --show-secrets', async () => {
    const app = await startLoginInUrlApp({ emulator: emu.url, appid: APPID, secret, state: 'server' });
    try {
      const args = ['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--json', '--only', 'session.per_user'];
      const verdictOf = (stdout: string) => (JSON.parse(stdout) as Doc).checks.find((c) => c.id === 'session.per_user')!;
      for (const lang of ['en', 'zh']) {
        const masked = await runCli([...args, '--lang', lang]);
        const verdict = verdictOf(masked.stdout);
        expect(verdict.status).toBe('pass');
        expect(verdict.message).toMatch(/\/me\?t=[0-9a-f]{4}\*\*\*/);
        expect(masked.stdout).not.toMatch(/t=[0-9a-f]{32}/);
      }
      expect(JSON.parse((await runCli(args)).stdout).warnings ?? []).toEqual([]);
      const shownRun = await runCli([...args, '--show-secrets']);
      const shown = verdictOf(shownRun.stdout);
      expect(shown.message).toMatch(/\/me\?t=[0-9a-f]{32} in the first browser/);
      // Said once on stderr at the start, and listed in the document's warnings.
      expect(shownRun.stderr.match(/--show-secrets: the report shows addresses in clear/g)).toHaveLength(1);
      expect((JSON.parse(shownRun.stdout) as { warnings: Array<{ id: string }> }).warnings.map((w) => w.id)).toEqual(['probe.unmasked']);
      const zh = await runCli([...args, '--show-secrets', '--lang', 'zh']);
      expect(zh.stderr).toContain('已加 --show-secrets：报告里的地址');
    } finally {
      await app.close();
    }
  });

  // Both browsers sending the same --cookie are one visitor to the app, so the other browser's state is not
  // tried; the made-up state's refusal is not a plain pass then: the verdict says which half went untested.
  // state-not-bound takes any state it ever issued and ignores gate=1: a plain ok here hid that bug.
  it('state.forged: both browsers sending a --cookie (gate=1, .AspNetCore.Cookies) pass only the made-up state\'s half, saying the other browser\'s state went untested and why (en, zh)', async () => {
    const verdict = (r: { doc: Doc }) => r.doc.checks.find((c) => c.id === 'state.forged')!;
    for (const cookie of ['gate=1', '.AspNetCore.Cookies=member']) {
      const name = cookie.slice(0, cookie.indexOf('='));
      const r = await probe('state-not-bound', ['--only', 'state.forged', '--cookie', cookie]);
      expect(verdict(r), JSON.stringify(verdict(r), null, 1)).toMatchObject({
        status: 'pass',
        message: `The callback with a forged state was refused before the code was exchanged. Only that half was tested: whether the app takes a state it gave another browser was not, since both browsers send ${name} as --cookie gave it, so to the site they are one visitor. To test it, run probe on a login start that needs no --cookie, or give --cookie only cookies that do not say who the visitor is.`,
      });
      expect(verdict(r).evidence.details).toMatchObject({ otherBrowser: 'shared_cookie' });
    }
    const zh = await probe('state-not-bound', ['--only', 'state.forged', '--cookie', 'gate=1', '--lang', 'zh']);
    expect(verdict(zh).message).toBe('带伪造 state 的回调被拒绝，code 没有被换取。只测了这一半：应用发给另一个浏览器的 state 会不会被接受没有测，因为两个浏览器都还带着 --cookie 给的 gate，值没变，对网站来说它们是同一个访客。要测这一半，对不需要 --cookie 的登录入口运行 probe，或者只给 --cookie 不代表访问者身份的 cookie。');
    // A cookie known to carry no identity keeps both halves: the bug is found through it.
    const lang = await probe('state-not-bound', ['--only', 'state.forged', '--cookie', 'lang=en']);
    expect(verdict(lang).status).toBe('fail');
  });

  // one-pending-state keeps one state for the whole server: while the made-up state's login still waits,
  // the next browser's authorize link has no state, so the other browser's state cannot be tried. The
  // correct app gives both browsers a state, and both halves are tried (the last test's ok_other).
  it('state.forged: an app that gives a second browser no state passes only the made-up state\'s half, saying the other browser\'s state went untested and why (en, zh)', async () => {
    const verdict = (r: { doc: Doc }) => r.doc.checks.find((c) => c.id === 'state.forged')!;
    const r = await probe('one-pending-state', ['--only', 'state.forged']);
    expect(verdict(r), JSON.stringify(verdict(r), null, 1)).toMatchObject({
      status: 'pass',
      message: 'The callback with a forged state was refused before the code was exchanged. Only that half was tested: whether the app takes a state it gave another browser was not, since one of two more logins started came back with no state in its authorize URL.',
    });
    expect(verdict(r).evidence.details).toMatchObject({ otherBrowser: 'no_other_state' });
    const zh = await probe('one-pending-state', ['--only', 'state.forged', '--lang', 'zh']);
    expect(verdict(zh).message).toBe('带伪造 state 的回调被拒绝，code 没有被换取。只测了这一半：应用发给另一个浏览器的 state 会不会被接受没有测，因为再次发起的两次登录里有一次的授权链接没有 state。');
  });

  it('state.forged: a state the app gave another browser, taken by a callback in this one, fails in en and zh (a random one alone passed such an app)', async () => {
    const verdict = (r: { doc: Doc }) => r.doc.checks.find((c) => c.id === 'state.forged')!;
    const unbound = await probe('state-not-bound', ['--only', 'state.forged']);
    expect(verdict(unbound)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^The app refused a made-up state, but exchanged a code that came with a state it had given another browser \(exchanged at .+\): its states are not tied to the visitor’s session/),
      fix: expect.stringContaining('keep the state in the visitor’s own session'),
    });
    expect(unbound.code).toBe(1);
    const scenarios = (JSON.parse(unbound.stdout) as { scenarios: Array<{ id: string }> }).scenarios.map((s) => s.id);
    expect(scenarios).toEqual(['happy', 'state_forged', 'state_other']);
    const zh = await probe('state-not-bound', ['--only', 'state.forged', '--lang', 'zh']);
    expect(verdict(zh).message).toContain('另一个浏览器');
    const correct = await probe('correct', ['--only', 'state.forged']);
    expect(verdict(correct)).toMatchObject({ status: 'pass', message: 'The callbacks with a forged state and with a state the app gave another browser were both refused before their codes were exchanged.' });
  });

  it('session.per_user: a second person logging in while the first is signed in; the first browser’s page showing the second (or the second shown the first) fails, in en and zh; the emulator’s user and follows are put back', async () => {
    const verdict = (r: { doc: Doc }) => r.doc.checks.find((c) => c.id === 'session.per_user')!;
    const shared = await probe('shared-user', ['--only', 'session.per_user']);
    expect(verdict(shared)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^After 李四 \(u2\) logged in in another browser, the first browser’s http:\/\/127\.0\.0\.1:\d+\/me, which showed 张三 \(u1\), shows 李四’s openid: the app keeps the signed-in user where every visitor reads it, so one person sees another’s account\.$/),
      fix: expect.stringContaining('never in a module-level variable, a static field or a singleton; cache user access_tokens and profiles under the user’s openid (or the session), never under the appid or a fixed key'),
    });
    expect(shared.code).toBe(1);
    // Only followers may log in to a test account: u2 followed it for the one login, and no longer does.
    const scenario = (JSON.parse(shared.stdout) as { scenarios: Array<{ id: string; notes: string[] }> }).scenarios.find((s) => s.id === 'second_user')!;
    expect(scenario.notes).toContain(`probe logged in as 李四 (u2) in a fresh browser; only followers may log in to a test account, so u2 followed ${APPID} for this login (POST /__emulator/follow), undone afterwards with the emulator’s current user.`);
    expect(((await (await fetch(`${emu.url}/__emulator/user`)).json()) as { user: string }).user).toBe('u1');
    const users = ((await (await fetch(`${emu.url}/__emulator/seed`)).json()) as { users: Array<{ id: string; follows: string[] }> }).users;
    expect(users.find((u) => u.id === 'u2')!.follows).toEqual([DEFAULT_APPIDS.service]);
    const zh = await probe('shared-user', ['--only', 'session.per_user', '--lang', 'zh']);
    expect(verdict(zh).message).toMatch(/^李四（u2）在另一个浏览器登录后，第一个浏览器的 http:\/\/127\.0\.0\.1:\d+\/me 原本显示 张三（u1），现在显示的却是 李四 的账号（openid）：/);
    expect(verdict(zh).fix).toContain('不要按 appid 或 "wechat_user" 这样的固定键缓存');
    const cached = verdict(await probe('profile-cache-shared', ['--only', 'session.per_user']));
    expect(cached).toMatchObject({ status: 'fail', message: expect.stringMatching(/^李四 \(u2\), logging in in another browser after 张三 \(u1\), lands on http:\/\/127\.0\.0\.1:\d+\/me, which shows 张三’s nickname: /) });
    expect(verdict(await probe('correct', ['--only', 'session.per_user']))).toMatchObject({ status: 'pass', message: expect.stringMatching(/after 李四 \(u2\) logged in in another browser, http:\/\/127\.0\.0\.1:\d+\/me in the first browser still shows 张三 \(u1\)\.$/) });
    // Nothing on the page says who is signed in: nothing to compare, and no second login spent on it.
    const anonymous = await probe('shared-user', ['--only', 'session.per_user'], APPID, { anonymous: true });
    expect(verdict(anonymous)).toMatchObject({ status: 'skip', message: expect.stringContaining('shows neither the openid, the unionid nor the nickname of who logged in, so probe cannot tell whose account it shows') });
    expect(anonymous.doc.checks.map((c) => c.id)).toContain('session.per_user');
    expect((JSON.parse(anonymous.stdout) as { scenarios: Array<{ id: string }> }).scenarios.map((s) => s.id)).toEqual(['happy']);
    // The login ends on the callback itself: opening it again would log in again.
    expect(verdict(await probe('code-left', ['--only', 'session.per_user']))).toMatchObject({ status: 'skip', message: expect.stringContaining('The login ends on the callback itself') });
  });

  // A code is masked one way wherever probe shows it (core/secrets.ts redactValue: its first four characters,
  // then ***): the callback address a message quotes is a hop's address, already masked, and masking it
  // again turned `code=0a1b***` into `code=***` there while the hops kept `code=0a1b***`.
  it('a code is masked the same way in the messages (human and --json) as in the hops: its first four characters, then ***', async () => {
    const codesIn = (text: string) => [...text.matchAll(/[?&]code=([^&\s",)]*)/g)].map((m) => m[1]!);
    const json = await probe('code-left', ['--only', 'session.per_user']);
    const doc = JSON.parse(json.stdout) as Doc & { scenarios: Array<{ id: string; hops: Array<{ url: string; location?: string }> }> };
    const message = doc.checks.find((c) => c.id === 'session.per_user')!.message;
    const [inMessage] = codesIn(message);
    expect(inMessage).toMatch(/^[0-9A-Za-z]{4}\*\*\*$/);
    // The same code, masked alike, in the happy path's callback hop the message quotes.
    const callbackHop = doc.scenarios.find((s) => s.id === 'happy')!.hops.find((h) => h.url.includes('/auth/callback?'))!;
    expect(codesIn(callbackHop.url)).toEqual([inMessage]);
    // Every code anywhere in the document (messages, details, hops, locations): one shape.
    expect(codesIn(json.stdout).length).toBeGreaterThan(2);
    expect(codesIn(json.stdout).filter((c) => !/^[0-9A-Za-z]{4}\*\*\*$/.test(c))).toEqual([]);
    // The human card says it so too, in either language.
    const app = await startProbeApp('code-left', { emulator: emu.url, appid: APPID, secret });
    try {
      for (const lang of ['en', 'zh']) {
        const card = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--only', 'session.per_user', '--lang', lang]);
        const line = card.stdout.split('\n').find((l) => l.includes('session.per_user'))!;
        expect(codesIn(line)).toHaveLength(1);
        expect(codesIn(card.stdout).filter((c) => !/^[0-9A-Za-z]{4}\*\*\*$/.test(c))).toEqual([]);
      }
    } finally {
      await app.close();
    }
  });

  describe('unionid.absent (the 服务号 bound to 开放平台, its callback domain localhost:*)', () => {
    const SERVICE = DEFAULT_APPIDS.service;
    let bound: EmulatorHandle;
    beforeAll(async () => {
      bound = await startEmulator({ domainOverrides: { [SERVICE]: 'localhost:*' } });
    });
    afterAll(async () => {
      await bound.close();
    });
    const probeBound = async (kind: ProbeAppKind, extra: string[] = [], appOptions: Partial<ProbeAppOptions> = {}) => {
      const app = await startProbeApp(kind, { emulator: bound.url, appid: SERVICE, secret: bound.apps.find((a) => a.appid === SERVICE)!.secret, hostname: 'localhost', ...appOptions });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', bound.url, '--reload-delay', '0', '--json', ...FAST_SLOW, ...extra]);
        const doc = JSON.parse(r.stdout) as Doc & { scenarios: Array<{ id: string; notes: string[] }> };
        return { ...r, doc, verdict: doc.checks.find((c) => c.id === 'unionid.absent')!, failing: doc.checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.id).sort() };
      } finally {
        await app.close();
      }
    };
    const openAccount = async () => ((await (await fetch(`${bound.url}/__emulator/seed`)).json()) as { apps: Array<{ appid: string; openAccount: string | null }> }).apps.find((a) => a.appid === SERVICE)!.openAccount;

    it('passes the app that falls back to the openid (every other check too), the app bound again afterwards', async () => {
      const r = await probeBound('unionid-accounts');
      expect(r.failing, JSON.stringify(r.doc.checks.filter((c) => c.status !== 'pass'), null, 1)).toEqual([]);
      expect(r.verdict).toMatchObject({ status: 'pass', message: expect.stringMatching(/^Without a unionid the login still completes and each person keeps their own account: 张三 \(u1\) and 李四 \(u2\) both logged in with none, and 李四’s login lands on http:\/\/localhost:\d+\/me, which shows 李四, not 张三\.$/) });
      expect(r.doc.scenarios.map((s) => s.id)).toEqual(expect.arrayContaining(['no_unionid', 'no_unionid_second']));
      expect(r.doc.scenarios.find((s) => s.id === 'no_unionid')!.notes).toContain(`The emulator unbound ${SERVICE} from its 开放平台 account open-demo for this login (POST /__emulator/open-account): the exchange and /sns/userinfo answer with no unionid key, as for an app not bound to 开放平台; bound again afterwards.`);
      expect(r.code).toBe(0);
      expect(await openAccount()).toBe('open-demo');
    });

    it('--cookie with the app’s own session, which the login keeps: no merge is blamed on the missing unionid (both browsers were one visitor)', async () => {
      const app = await startProbeApp('keeps-session', { emulator: bound.url, appid: SERVICE, secret: bound.apps.find((a) => a.appid === SERVICE)!.secret, hostname: 'localhost' });
      try {
        const sid = /sid=([a-f0-9]+)/.exec((await fetch(`${app.url}/me`, { redirect: 'manual' })).headers.get('set-cookie') ?? '')![1]!;
        const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', bound.url, '--only', 'unionid.absent', '--json', '--cookie', `sid=${sid}`]);
        const verdict = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'unionid.absent')!;
        expect(verdict).toMatchObject({ status: 'skip', message: expect.stringContaining('both browsers still send sid as --cookie gave it: to the site they are one visitor, so this does not show that the app merges accounts') as unknown });
      } finally {
        await app.close();
      }
    });

    it('the planted bugs: accounts keyed by the missing unionid merge two people; a unionid read unconditionally is a 500; "undefined" shown as the id — in en and zh', async () => {
      const merged = await probeBound('unionid-merge');
      expect(merged.failing).toEqual(['unionid.absent']);
      expect(merged.verdict).toMatchObject({
        status: 'fail',
        message: expect.stringMatching(/^Two people without a unionid are merged into one account: 李四 \(u2\), logging in in another browser after 张三 \(u1\), lands on http:\/\/localhost:\d+\/me, which shows 张三’s (openid|nickname)\./),
        fix: expect.stringContaining('fall back to the openid when it is not'),
      });
      expect(merged.verdict.fix).toContain('apps bound to a 开放平台 account');
      expect(merged.verdict.fix).toContain('never use a missing value (undefined, null, "") as a key');
      expect(merged.code).toBe(1);
      expect(await openAccount()).toBe('open-demo');
      const crashes = await probeBound('unionid-500', ['--only', 'unionid.absent']);
      expect(crashes.verdict).toMatchObject({ status: 'fail', message: expect.stringContaining('When WeChat’s answer carries no unionid (a test account, an app not bound to 开放平台, a snsapi_base login) the login fails: HTTP 500 with a stack trace (node)') });
      expect(crashes.failing).toEqual(['unionid.absent']);
      const literal = await probeBound('unionid-literal', ['--only', 'unionid.absent']);
      expect(literal.verdict).toMatchObject({ status: 'fail', message: expect.stringMatching(/^Without a unionid, http:\/\/localhost:\d+\/me shows "undefined" where the user’s id belongs/) });
      // The first person without a unionid gets in; the second one's insert of the same key fails.
      const unique = await probeBound('unionid-unique', ['--only', 'unionid.absent']);
      expect(unique.verdict).toMatchObject({ status: 'fail', message: expect.stringMatching(/^张三 \(u1\) could log in without a unionid, but the next login without one, by 李四 \(u2\), fails at http:\/\/localhost:\d+\/auth\/callback\?code=\w*\*\*\*&state=\w+: HTTP 500 with a stack trace \(node\)/) });
      const zh = await probeBound('unionid-merge', ['--only', 'unionid.absent', '--lang', 'zh']);
      expect(zh.verdict.message).toMatch(/^两个没有 unionid 的人被合并成了一个账号：李四（u2）在 张三（u1）之后从另一个浏览器登录，落到的 http:\/\/localhost:\d+\/me 显示的却是 张三 的账号（(openid|昵称)）。/);
      expect(zh.verdict.fix).toContain('没有就退回 openid');
      expect(await openAccount()).toBe('open-demo');
    });

    it('skips, saying why: a snsapi_base login (never a unionid), a page that shows no one', async () => {
      const base = await probeBound('unionid-merge', ['--only', 'unionid.absent'], { scope: 'snsapi_base' });
      expect(base.verdict).toMatchObject({ status: 'skip', message: 'The login asks for snsapi_base, whose exchange never carries a unionid, so the app cannot depend on one.' });
      // No login without a unionid (session.per_user's second login runs for it all the same, see checks.ts).
      expect(base.doc.scenarios.map((s) => s.id)).not.toContain('no_unionid');
      const anonymous = await probeBound('unionid-merge', ['--only', 'unionid.absent'], { anonymous: true });
      expect(anonymous.verdict).toMatchObject({ status: 'skip', message: expect.stringContaining('shows neither the openid nor the nickname of who logged in, so probe cannot tell whether two people without one share an account') });
      expect(anonymous.doc.scenarios.map((s) => s.id)).toContain('no_unionid');
      expect(anonymous.doc.scenarios.map((s) => s.id)).not.toContain('no_unionid_second');
    });
  });

  it('session.per_user: an emulator without POST /__emulator/follow (older than this wxauth) cannot let a second user onto the test account; said as such, the current user put back', async () => {
    const relay = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        if (req.url === '/__emulator/follow') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"ok":false,"error":"no such control endpoint: POST /__emulator/follow"}');
        const body = Buffer.concat(chunks);
        const upstream = await fetch(emu.url + req.url, { method: req.method, headers: { 'content-type': String(req.headers['content-type'] ?? 'text/plain') }, ...(body.length ? { body } : {}), redirect: 'manual' });
        const headers: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') headers[k] = v.replaceAll(emu.url, `http://127.0.0.1:${(relay.address() as AddressInfo).port}`);
        });
        res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    const app = await startProbeApp('shared-user', { emulator: relayUrl, appid: APPID, secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', relayUrl, '--reload-delay', '0', '--json', '--only', 'session.per_user']);
      expect((JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'session.per_user')).toMatchObject({
        status: 'skip',
        message: `Only followers may log in to the test account ${APPID}, only 张三 (u1) follows it in the emulator’s seed, and this emulator has no POST /__emulator/follow to make 李四 (u2) follow it for the test: update the emulator, or add the test account to another user’s "follows" in a seed file (wxauth emulator --seed FILE).`,
      });
      expect(((await (await fetch(`${emu.url}/__emulator/user`)).json()) as { user: string }).user).toBe('u1');
    } finally {
      await app.close();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });

  it('session.per_user: an emulator seeded with one user has no second person to log in; said as such', async () => {
    const seed = defaultSeed();
    const lonely = await startEmulator({ seed: { ...seed, users: seed.users.slice(0, 1) } });
    const app = await startProbeApp('shared-user', { emulator: lonely.url, appid: APPID, secret: lonely.apps.find((a) => a.appid === APPID)!.secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', lonely.url, '--reload-delay', '0', '--json', '--only', 'session.per_user']);
      expect((JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'session.per_user')).toMatchObject({ status: 'skip', message: `The emulator’s seed has only one user, so no second person can log in: add another to the seed (wxauth emulator --seed FILE; ${lonely.url}/__emulator/seed shows the users).` });
      expect(r.code).toBe(0);
    } finally {
      await app.close();
      await lonely.close();
    }
  });

  it('basic_token.per_login: a freshly started app that caches its one token passes; one that fetches per login is warned, also with --only', async () => {
    const cached = await probe('token-cached', ['--only', 'basic_token.per_login']);
    const ok = cached.doc.checks.find((c) => c.id === 'basic_token.per_login')!;
    expect(ok.status).toBe('pass');
    expect(ok.message).toBe('Only one login called /cgi-bin/token, once (an empty cache being filled); the others reused the token (2 logins).');
    expect(cached.code).toBe(0);
    const full = await probe('token-cached');
    expect(full.failing).not.toContain('basic_token.per_login');
    const perLogin = await probe('token-per-login', ['--only', 'basic_token.per_login']);
    const warned = perLogin.doc.checks.find((c) => c.id === 'basic_token.per_login')!;
    expect(warned.status).toBe('warn');
    // A test account's /cgi-bin/token allows 200 a day; an Official Account's 2000.
    expect(warned.message).toBe('Logins call /cgi-bin/token again and again (2 calls in 2 scenarios): it knocks out the token your other servers hold (40001) and eats the 200-a-day quota.');
    const svc = DEFAULT_APPIDS.service;
    const anyPort = await startEmulator({ domainOverrides: { [svc]: 'localhost:*' } });
    const app = await startProbeApp('token-per-login', { emulator: anyPort.url, appid: svc, secret: anyPort.apps.find((a) => a.appid === svc)!.secret, hostname: 'localhost' });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', anyPort.url, '--reload-delay', '0', '--json', '--only', 'basic_token.per_login']);
      expect((JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'basic_token.per_login')!.message).toContain('and eats the 2000-a-day quota.');
    } finally {
      await app.close();
      await anyPort.close();
    }
    const zh = await probe('token-cached', ['--only', 'basic_token.per_login', '--lang', 'zh']);
    expect(zh.doc.checks.find((c) => c.id === 'basic_token.per_login')!.message).toContain('只有一次登录调用了 /cgi-bin/token');
  });

  it('authorize.url on the emulator\'s test account with nothing wrong in its domain (a scope): the findings\' own fixes, no callback-domain advice', async () => {
    const r = await probe('correct', ['--only', 'authorize.url'], APPID, { scope: 'snsapi_login' });
    const url = r.doc.checks.find((c) => c.id === 'authorize.url');
    expect(url?.status).toBe('fail');
    expect(url?.fix).toContain(`Follow the fix under each finding listed below; wxauth inspect --open-base ${emu.url} '${emu.url}/connect/oauth2/authorize?appid=${APPID}&`);
    expect(url?.fix).not.toContain('test account');
  });

  it('authorize.url of a service account on 127.0.0.1 (its domain is localhost): each finding\'s fix is about the emulator\'s domain, none about wxauth\'s login / listen', async () => {
    const svc = DEFAULT_APPIDS.service;
    // Its link on the real open.weixin.qq.com (an SDK's host), as the trial's app had it: inspect reads it as real WeChat's.
    const r = await probe('correct', ['--only', 'authorize.url'], svc, { realOpenHost: true });
    const url = r.doc.checks.find((c) => c.id === 'authorize.url')!;
    const findings = url.evidence.findings as Array<{ id: string; fix: string }>;
    expect(findings.map((f) => f.id)).toContain('domain.host_ip');
    for (const f of findings) expect(f.fix, f.id).not.toMatch(/login \/ listen|wxauth init/);
    expect(findings.find((f) => f.id === 'domain.host_ip')?.fix).toContain(`wxauth emulator --domain "${svc}=127.0.0.1:`);
  });

  it('authorize.url of an appid the emulator does not know: the fix is about the appid, not the link\'s findings', async () => {
    const app = await startProbeApp('correct', { emulator: emu.url, appid: 'wx1234567890abcdef', secret: 'x'.repeat(32) });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'authorize.url', '--json']);
      const url = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'authorize.url')!;
      expect(url.message).toBe(`appid wx1234567890abcdef is not in the seed of the emulator at ${emu.url}.`);
      expect(url.fix).toContain('must be one the emulator knows');
      expect(url.fix).not.toContain('inspect');
    } finally {
      await app.close();
    }
  });

  it('authorize.url on the test account whose callback domain is wrong: set with emulator --domain, and inspect told where the link goes', async () => {
    const r = await probe('correct', ['--only', 'authorize.url'], APPID, { redirectOrigin: 'http://www.example.com' });
    const url = r.doc.checks.find((c) => c.id === 'authorize.url');
    expect(url?.fix).toContain(`wxauth emulator --domain ${APPID}=<host:port>`);
    expect(url?.fix).toContain(`wxauth inspect --open-base ${emu.url} '${emu.url}/connect/oauth2/authorize?appid=${APPID}&redirect_uri=http%3A%2F%2Fwww.example.com`);
  });

  it('an app that exchanges twice in one callback: code.exchanged_once fails, and callback.duplicate says it is the same bug plus WeChat\'s hit', async () => {
    const r = await probe('double-exchange', ['--only', 'code.exchanged_once,callback.duplicate']);
    expect(r.failing).toEqual(['callback.duplicate', 'code.exchanged_once']);
    expect(r.doc.checks.find((c) => c.id === 'callback.duplicate')?.message).toMatch(/already exchanges a code more than once in a single callback \(see code\.exchanged_once\)/);
    // The same double exchange inside the exchange each code's hits share: WeChat's second hit adds none,
    // so only code.exchanged_once is the app's bug (callback.duplicate told it to add what it has).
    const deduped = await probe('double-exchange-deduped', ['--only', 'code.exchanged_once,callback.duplicate']);
    expect(deduped.failing).toEqual(['code.exchanged_once']);
    expect(deduped.doc.checks.find((c) => c.id === 'callback.duplicate')).toMatchObject({ status: 'pass', message: 'WeChat’s second hit added no exchange: the 2 exchanges are the app’s own, in a single callback (see code.exchanged_once); the duplicate itself is handled.' });
    // The happy path's page is no proof: its second exchange's 40163 is what many such apps show.
    const whole = await probe('double-exchange', ['--only', 'login.completes,basic_token.rejected']);
    const login = whole.doc.checks.find((c) => c.id === 'login.completes')!;
    expect(login.status).toBe('warn');
    // A login that stopped warning: "it makes no /cgi-bin call" would state as a fact what was not seen.
    expect(whole.doc.checks.find((c) => c.id === 'basic_token.rejected')?.message).toBe('The login did not go through (see login.completes), and as far as it got it made no /cgi-bin call with a basic access_token, so this cannot be tested.');
    expect(login.message).toContain('then exchanged the same code again and got 40163');
    expect(login.fix).toContain('Exchange each code once');
  });

  it('userinfo.scope names a basic access_token given to /sns/userinfo, with its own fix (en, zh)', async () => {
    const r = await probe('userinfo-basic-token', ['--only', 'userinfo.scope']);
    const c = r.doc.checks.find((x) => x.id === 'userinfo.scope')!;
    expect(c.status).toBe('fail');
    expect(c.message).toBe('The app gives /sns/userinfo a basic access_token (from /cgi-bin/token or stable_token), and WeChat answers 40001 (calls: 1): the user’s nickname and avatar never arrive.');
    expect(c.fix).toContain('with the access_token /sns/oauth2/access_token returned for this user');
    const zh = await probe('userinfo-basic-token', ['--only', 'userinfo.scope', '--lang', 'zh']);
    expect(zh.doc.checks.find((x) => x.id === 'userinfo.scope')!.message).toContain('应用把基础 access_token');
  });

  it('an app that falls over after the exchange fails login.completes alone: the scenarios ending on the same page are skipped, not failed with other fixes', async () => {
    const r = await probe('crashes-after-exchange');
    expect(r.failing).toEqual(['login.completes']);
    const c = (id: string) => r.doc.checks.find((x) => x.id === id)!;
    for (const id of ['callback.duplicate', 'callback.reload', 'url.code_left', 'wechat.busy', 'wechat.slow']) {
      expect(c(id), id).toMatchObject({ status: 'skip', message: 'This scenario ends on the same error page as the happy path (see login.completes): fix that first, then this can be judged.' });
    }
    // The test account has no 开放平台 account: no unionid in the answer, the commonest crash there.
    expect(c('login.completes').fix).toContain('so the exchange answer has no unionid');
    // Bugs that do not end on that page are still found: a refusal is judged on its own.
    expect(c('consent.denied').status).toBe('pass');
  });

  it('an exchange sent under an extra path (a base URL ending in /sns) is named, with the base to use', async () => {
    const r = await probe('base-with-path', ['--only', 'login.completes']);
    const c = r.doc.checks.find((x) => x.id === 'login.completes')!;
    expect(c.status).toBe('fail');
    expect(c.message).toBe('The login does not complete: the callback /auth/callback sent the code to /sns/sns/oauth2/access_token, not /sns/oauth2/access_token (answered errcode 40066), so no one is signed in.');
    expect(c.fix).toContain(`carries a path, /sns, and its client puts /sns/… after it. Give it its API base without /sns: the scheme, host and port alone (${emu.url} when it calls this emulator directly; through a wxauth proxy, the proxy’s address).`);
    // The same when the app then falls over: the misaddressed call is the news, not the 500.
    const crashed = (await probe('base-with-path-500', ['--only', 'login.completes'])).doc.checks.find((x) => x.id === 'login.completes')!;
    expect(crashed.message).toContain('sent the code to /sns/sns/oauth2/access_token');
  });

  it('--cookie: a login behind the site’s own session is probed with that session; a malformed one is refused without its value', async () => {
    const without = await probe('needs-session', ['--only', 'authorize.url']);
    expect(without.failing).toEqual(['authorize.url']);
    expect(without.doc.checks.find((c) => c.id === 'authorize.url')!.fix).toContain('answered HTTP 403: if the login start needs the site’s own session first');
    const withCookie = await probe('needs-session', ['--cookie', 'lang=zh; site_session=member']);
    expect(withCookie.failing, JSON.stringify(withCookie.doc.checks.filter((c) => c.status !== 'pass'), null, 1)).toEqual([]);
    expect(withCookie.code).toBe(0);
    // The cookies given are the session's own, not the app's: an app that sets none still has no session.
    for (const extra of [[], ['--cookie', 'site_session=member']]) {
      const none = await probe('no-session', ['--only', 'login.completes', ...extra]);
      expect(none.doc.checks.find((c) => c.id === 'login.completes'), extra.join(' ')).toMatchObject({ status: 'fail', message: expect.stringContaining('The callback set no cookie') });
    }
    const bad = await runCli(['probe', 'http://127.0.0.1:9/auth/wechat', '--cookie', 'secretvalue123']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cookie "secr…" is not of the form name=value.');
    expect(bad.stderr).not.toContain('secretvalue123');
  });

  it('--cookie with the app’s own session, which the login keeps: session.per_user is skipped, not blamed on a shared variable; a real mix-up still fails', async () => {
    /** probe --only session.per_user with `--cookie` made of a live session of the app (as copied from a signed-in browser) and `more`. */
    const perUser = async (kind: ProbeAppKind, cookie: (sid: string) => string, lang: string[] = []) => {
      const app = await startProbeApp(kind, { emulator: emu.url, appid: APPID, secret: emu.apps.find((a) => a.appid === APPID)!.secret });
      try {
        const sid = /sid=([a-f0-9]+)/.exec((await fetch(`${app.url}/me`, { redirect: 'manual' })).headers.get('set-cookie') ?? '')![1]!;
        const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--only', 'session.per_user', '--json', '--cookie', cookie(sid), ...lang]);
        return { ...(JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'session.per_user')!, sid, code: r.code };
      } finally {
        await app.close();
      }
    };
    // keeps-session signs each person into the session it was given: both browsers were handed the same one.
    const kept = await perUser('keeps-session', (sid) => `sid=${sid}`);
    expect(kept).toMatchObject({ status: 'skip', message: expect.stringContaining('both browsers show one person’s account; but both still send sid as --cookie gave it: to the site they are one visitor') as unknown });
    expect(kept.message).toContain('If the login kept the session it was given, see session.renewed.');
    expect(kept.message).not.toContain(kept.sid);
    expect(kept.code).toBe(0);
    const keptZh = await perUser('keeps-session', (sid) => `sid=${sid}`, ['--lang', 'zh']);
    expect(keptZh.message).toContain('但两个浏览器都还带着 --cookie 给的 sid，值没变：对网站来说它们是同一个访客');
    // The login renews the session, so the browsers no longer share it: the module-level user is still found.
    expect(await perUser('shared-user', (sid) => `sid=${sid}`)).toMatchObject({ status: 'fail', message: expect.stringContaining('the app keeps the signed-in user where every visitor reads it') as unknown });
    // A cookie that says nothing of who the visitor is (lang) shares no one.
    expect(await perUser('shared-user', () => 'lang=zh')).toMatchObject({ status: 'fail', message: expect.stringContaining('the app keeps the signed-in user where every visitor reads it') as unknown });
  });

  it('--strict: a warning fails the run (exit 1) and says so; without it, exit 0', async () => {
    const plain = await probe('token-per-login', ['--only', 'basic_token.per_login']);
    expect(plain.code).toBe(0);
    const strict = await probe('token-per-login', ['--only', 'basic_token.per_login', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.doc.strict).toBe(true);
  });

  it('a callback slower than --timeout is said to be slow, with what to look at, not as a crash', async () => {
    const exchanges = () => emu.requests().filter((q) => q.path === '/sns/oauth2/access_token').length;
    const r = await probe('slow-callback', ['--timeout', '1500', '--only', 'login.completes,consent.denied']);
    // The fixture, hung up on, must not exchange later, into the next test's run on this emulator.
    const after = exchanges();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(exchanges()).toBe(after);
    const c = r.doc.checks.find((x) => x.id === 'login.completes')!;
    expect(c.status).toBe('fail');
    expect(c.message).toBe('The login ends in an error: no answer within 1500 ms (--timeout).');
    expect(c.fix).toBe('The callback did not answer within 1500 ms: what is it waiting on? A WeChat call without a timeout, a database, a lock… A user’s browser gives up too. If it is only slow, raise probe’s --timeout.');
    // The checks that need a working happy path say it did not answer, not that it "never exchanged".
    expect(r.doc.checks.find((x) => x.id === 'consent.denied')).toMatchObject({ status: 'skip', message: 'On the happy path the callback /auth/callback did not answer within 1500 ms (see login.completes), so this cannot be judged.' });
    // Its authorize link on the real open.weixin.qq.com, no exchange seen: said as a timeout still, with
    // real WeChat's API host as one thing it may wait on (not as "still calls api.weixin.qq.com").
    const real = await probe('slow-callback', ['--timeout', '1000', '--only', 'login.completes'], APPID, { realOpenHost: true });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const t = real.doc.checks.find((x) => x.id === 'login.completes')!;
    expect(t.message).toBe('The login ends in an error: no answer within 1000 ms (--timeout).');
    expect(t.fix).toContain(`the app may be waiting on api.weixin.qq.com (aim the app’s or its SDK’s API host at the emulator, ${emu.url}), or on something else`);
  });

  // The callback that never answered was said to have "never exchanged the code": probe hung up on it and
  // cannot know what it did after; it knows what the emulator had seen by then.
  it('code.exchanged_once of a callback that did not answer says no exchange was seen before probe stopped waiting, not "never exchanged" (en, zh)', async () => {
    const en = await probe('slow-callback', ['--timeout', '1000', '--only', 'code.exchanged_once']);
    expect(en.doc.checks.find((x) => x.id === 'code.exchanged_once')).toMatchObject({
      status: 'skip',
      message: 'On the happy path the callback /auth/callback did not answer within 1000 ms (see login.completes), and when probe stopped waiting the emulator had seen no exchange of its code: whether the app exchanges it, and only once, cannot be judged.',
    });
    const zh = await probe('slow-callback', ['--timeout', '1000', '--only', 'code.exchanged_once', '--lang', 'zh']);
    const c = zh.doc.checks.find((x) => x.id === 'code.exchanged_once')!;
    expect(c.message).toBe('正常登录时回调 /auth/callback 在 1000 毫秒内没有应答（见 login.completes），到 probe 放弃等待时，模拟器还没收到这个 code 的换取请求；应用之后是否换取、是否只换取一次，这里无法判断。');
    expect(c.message).not.toContain('没有换取 code');
  });

  it('an app that falls over after the exchange: login.completes fails, and userinfo.scope is not passed on a guess', async () => {
    const r = await probe('crashes-after-exchange', ['--only', 'login.completes,userinfo.scope']);
    expect(r.doc.checks.find((c) => c.id === 'login.completes')?.status).toBe('fail');
    expect(r.doc.checks.find((c) => c.id === 'userinfo.scope')).toMatchObject({ status: 'skip', message: expect.stringContaining('The login did not go through after the code was exchanged') });
    expect(r.code).toBe(1);
  });

  it('says what a refused second hit and a refused reload look like to the user (no second exchange in either)', async () => {
    const r = await probe('refuses-reload');
    const byId = (id: string) => r.doc.checks.find((c) => c.id === id)!;
    expect(byId('callback.duplicate')).toMatchObject({ status: 'fail', message: expect.stringContaining('second hit was refused (HTTP 403)') });
    expect(byId('callback.reload')).toMatchObject({ status: 'warn', message: expect.stringContaining('the user sees an error page (HTTP 403)') });
  });

  it('an app still aimed at real WeChat: the login fails saying its server most likely still calls api.weixin.qq.com', async () => {
    const r = await probe('real-wechat');
    const login = r.doc.checks.find((c) => c.id === 'login.completes')!;
    expect(login).toMatchObject({ status: 'fail', message: expect.stringContaining('its server most likely still calls api.weixin.qq.com') });
    expect(login.fix).toContain(`at the emulator, ${emu.url}, or run it through wxauth proxy --intercept`);
    // One failure for one cause: no exchange reached the emulator, so what the app does with codes is not judged.
    expect(r.failing).toEqual(['login.completes']);
    expect(r.code).toBe(1);
  });

  it('an app on the real open.weixin.qq.com whose callback path has no route (404): said as the route, not as the API host', async () => {
    const r = await probe('correct', ['--only', 'login.completes'], APPID, { realOpenHost: true, redirectPath: '/wechat/cb' });
    const login = r.doc.checks.find((c) => c.id === 'login.completes')!;
    expect(login.status).toBe('fail');
    expect(login.message).toContain('the callback /wechat/cb never called /sns/oauth2/access_token');
    expect(login.message).toContain('HTTP 404');
    expect(login.message).not.toContain('still calls api.weixin.qq.com');
    expect(login.fix).toContain('handles the path in its redirect_uri, /wechat/cb');
  });

  it('an expired code answered with the app\'s own retry page, as a 502: code.expired fails on the status, and the fix keeps the page', async () => {
    const r = await probe('retry-page-502', ['--only', 'code.expired']);
    const c = r.doc.checks.find((x) => x.id === 'code.expired')!;
    expect(c.status).toBe('fail');
    expect(c.fix).toBe('The page itself can stay (it gives the user a way to retry); its status is what is wrong: send it with 200 (or a 4xx), not 502. A 5xx says the server broke: monitoring alerts, and proxies and CDNs may swap in their own error page.');
  });

  it('a login that ends on a 400 because /sns/userinfo answered 48001 (a snsapi_base token): login.completes says so and its fix is the scope, not cookies', async () => {
    const r = await probe('userinfo-base', [], APPID, { userinfoFailure: 400 });
    const login = r.doc.checks.find((c) => c.id === 'login.completes')!;
    expect(login).toMatchObject({ status: 'fail', message: 'The login ends on HTTP 400: the code exchange worked, then /sns/userinfo answered errcode 48001 (see userinfo.scope).' });
    expect(login.fix).toBe('The login stops at /sns/userinfo’s 48001: a snsapi_base token may not read the user’s profile. Authorize with scope=snsapi_userinfo when the login needs the nickname and avatar; when the openid is enough, sign the user in with it and do not call /sns/userinfo.');
    expect(login.fix).not.toContain('cookie');
    expect(r.doc.checks.find((c) => c.id === 'userinfo.scope')!.status).toBe('fail');
    // The scenarios that end on the same page are not failed again.
    expect(r.doc.checks.find((c) => c.id === 'callback.reload')!.status).toBe('skip');
    // With the basic token given to /sns/userinfo: its errcode, and the pair the exchange returned.
    const basic = (await probe('userinfo-basic-token', ['--only', 'login.completes'], APPID, { userinfoFailure: 400 })).doc.checks.find((c) => c.id === 'login.completes')!;
    expect(basic.message).toContain('then /sns/userinfo answered errcode 40001');
    expect(basic.fix).toContain('it needs the access_token and openid the same exchange returned (not the basic access_token)');
  });

  it('wechat.busy: a retry page on 502/503/504 passes (an upstream failure\'s status); a 500, a stack, an empty page or no way on are each said with their own fix', async () => {
    const busy = async (exchangeFailure: ProbeAppOptions['exchangeFailure'], lang: string[] = []) =>
      (await probe('correct', ['--only', 'wechat.busy', ...lang], APPID, { noRetry: true, exchangeFailure })).doc.checks.find((c) => c.id === 'wechat.busy')!;
    // Python's stdlib app: no retry, its own page "重试" on 502.
    expect(await busy({ status: 502, page: 'retry' })).toMatchObject({ status: 'pass', message: 'When WeChat answers -1, the app shows its own page to try again from (HTTP 502): a fitting status for WeChat’s failure.' });
    expect((await busy({ status: 503, page: 'retry' }, ['--lang', 'zh'])).message).toBe('微信返回 -1 时，应用显示自己的页面让用户重试（HTTP 503）：上游失败用这个状态码是合适的。');
    // The same page on a 500: only the status is wrong, and the fix says so (not "retry at most once").
    const five = await busy({ status: 500, page: 'retry' });
    expect(five).toMatchObject({ status: 'fail', message: 'When WeChat answers -1, the app fails: HTTP 500.' });
    expect(five.fix).toBe('The page itself can stay (it gives the user a way to retry); its status is what is wrong: HTTP 500 says your own server broke. When WeChat fails, send that page as 502 or 503 (or a 4xx, or 200).');
    const plain500 = await busy({ status: 500, page: 'words' });
    expect(plain500.fix).toMatch(/^HTTP 500 says your own server broke \(an unhandled error\)\. Catch the exchange’s failure/);
    const thrown = await busy({ status: 500, page: 'throw' });
    expect(thrown.status).toBe('fail');
    expect(thrown.message).toContain('HTTP 500 with a stack trace (node) shown to the user');
    expect(thrown.fix).toMatch(/^Never send a stack trace \(node\) to the browser: .* Then: Catch the exchange’s failure/);
    expect(await busy({ status: 503, page: 'empty' })).toMatchObject({ status: 'fail', message: 'When WeChat answers -1, the app answers HTTP 503 with an empty page: the user is left with nothing to do.' });
    expect(await busy({ status: 502, page: 'words' })).toMatchObject({ status: 'warn', message: 'When WeChat answers -1, the app shows a page with HTTP 502, but no way to try again (no link or form).' });
  });

  it('wechat.busy: a 200 that reads only "登录失败 -1" is no page to try again from (README: passes on a login that completes or a way on), said with the errcode; a 200 retry page passes', async () => {
    const busy = async (exchangeFailure: ProbeAppOptions['exchangeFailure'], lang: string[] = []) =>
      (await probe('correct', ['--only', 'wechat.busy', ...lang], APPID, { noRetry: true, exchangeFailure })).doc.checks.find((c) => c.id === 'wechat.busy')!;
    const bare = await busy({ status: 200, page: 'errcode' });
    expect(bare).toMatchObject({ status: 'warn', message: 'When WeChat answers -1, the app shows a page with HTTP 200, but no way to try again (no link or form).' });
    expect(bare.fix).toBe('HTTP 200 can stay, but the page shows only WeChat’s failure (-1), which tells a user nothing they can act on: say that WeChat is busy for now, add a link back to the login start so they can try again, and keep the errcode for your server’s log.');
    const zh = await busy({ status: 200, page: 'errcode' }, ['--lang', 'zh']);
    expect(zh.message).toBe('微信返回 -1 时，应用用 HTTP 200 显示了一个页面，但没有给用户重试的路（没有链接或表单）。');
    expect(zh.fix).toBe('HTTP 200 可以保留，但页面只有微信的错误（-1），用户看不懂，也不知道下一步做什么：写明微信暂时繁忙，并加一个回到登录入口的链接让用户重试；错误码记到服务器日志里。');
    // Words alone, no errcode: the plain no-way-on fix. An empty 200: nothing to do, a failure.
    expect(await busy({ status: 200, page: 'words' })).toMatchObject({ status: 'warn', fix: 'HTTP 200 and the page can stay; add a link back to the login start so the user can try again.' });
    expect(await busy({ status: 200, page: 'empty' })).toMatchObject({ status: 'fail', message: 'When WeChat answers -1, the app answers HTTP 200 with an empty page: the user is left with nothing to do.' });
    // The page README asks for, on 200 or a 4xx: a pass that says what it saw.
    expect(await busy({ status: 200, page: 'retry' })).toMatchObject({ status: 'pass', message: 'When WeChat answers -1, the app shows its own page to try again from (HTTP 200).' });
    expect((await busy({ status: 400, page: 'retry' }, ['--lang', 'zh'])).message).toBe('微信返回 -1 时，应用显示自己的页面让用户重试（HTTP 400）。');
    // The correct app sends the exchange again and signs the user in: said as such.
    const retried = (await probe('correct', ['--only', 'wechat.busy'])).doc.checks.find((c) => c.id === 'wechat.busy')!;
    expect(retried).toMatchObject({ status: 'pass', message: 'Both when WeChat is busy (-1) and on its HTTP 500, the app sends the exchange again and the login completes.' });
  });

  describe('wechat.slow: WeChat answers the code exchange late (a delay fault; the code spent on arrival)', () => {
    const slow = (r: { doc: Doc }) => r.doc.checks.find((c) => c.id === 'wechat.slow')!;

    it('an app that sends the code again after its own 2.5 s timeout fails at the default delay (6 s): the retry got 40163, the user a login error', async () => {
      // The default on purpose: no --exchange-delay. That costs this test the 6 s a user's run pays.
      const app = await startProbeApp('retries-on-timeout', { emulator: emu.url, appid: APPID, secret });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--json', '--only', 'wechat.slow']);
        const c = slow({ doc: JSON.parse(r.stdout) as Doc });
        expect(c).toMatchObject({
          status: 'fail',
          message: 'WeChat took 6000 ms to answer the code exchange, and the app sent the same code again (exchanges: 2): WeChat had spent it on the first request, so the retry got 40163 (code been used) and the user sees the login fail: HTTP 400.',
        });
        expect(c.fix).toMatch(/^Do not retry a code exchange: a code is single-use, and WeChat spends it on the first request even when its answer comes late, so a retry can only get 40163\. .*retry only on a connect error, before the request went out; and give it a timeout well above 6000 ms \(10 s or more\)\./);
        // The emulator's log has both calls with the code: the retry's 40163 first, the late answer after it.
        const calls = (c.evidence.wechat as Array<{ path: string; errcode?: number; fault?: string }>).filter((w) => w.path === '/sns/oauth2/access_token');
        expect(calls.map((w) => [w.errcode, w.fault])).toEqual([[40163, undefined], [undefined, 'delay']]);
        expect(c.evidence.details).toMatchObject({ delayMs: 6000, exchanges: 2 });
        expect(r.code).toBe(1);
      } finally {
        await app.close();
      }
    });

    it('the same in Chinese, on the report card with its fix (a shorter delay and timeout)', async () => {
      const r = await probe('retries-on-timeout', ['--only', 'wechat.slow', '--exchange-delay', '1500', '--lang', 'zh'], APPID, { exchangeTimeoutMs: 1200 });
      const c = slow(r);
      expect(c.message).toBe('微信用了 1500 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 2 次）：微信在第一次请求到达时就用掉了这个 code，所以重试得到 40163（code been used），用户看到登录失败：HTTP 400。');
      expect(c.fix).toContain('不要重试换取 code 的请求：code 只能用一次');
      const app = await startProbeApp('retries-on-timeout', { emulator: emu.url, appid: APPID, secret, exchangeTimeoutMs: 1200 });
      try {
        const card = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--only', 'wechat.slow', '--exchange-delay', '1500'], { env: { LANG: 'zh_CN.UTF-8' } });
        expect(card.stdout).toMatch(/✖ wechat\.slow +微信用了 1500 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次/);
        expect(card.stdout).toMatch(/\n {4}怎么办：不要重试换取 code 的请求/);
        expect(card.stderr).toContain('· 微信迟迟不响应换取 code');
        expect(card.stderr).not.toContain('下一次换取 code 时'); // the note is the scenario's (--json, --html), not progress
      } finally {
        await app.close();
      }
    });

    it('passes an app that waits for WeChat (the correct one), and wechat-oauth from npm, which gives up after its 5 s timeout (at the default delay) without a retry and shows a page to try again from', async () => {
      const waits = slow(await probe('correct', ['--only', 'wechat.slow', '--exchange-delay', '1000']));
      expect(waits).toMatchObject({ status: 'pass', message: expect.stringMatching(/^WeChat took 1000 ms to answer the code exchange; the app waited for it and completed the login \(HTTP 200, the callback answered after 1\d{3} ms\)\.$/) });
      const sdk = slow(await probe('sdk', ['--only', 'wechat.slow', '--exchange-delay', '6000']));
      expect(sdk).toMatchObject({ status: 'pass', message: expect.stringMatching(/^WeChat took 6000 ms to answer the code exchange; the app gave up after 5\d{3} ms without sending the code again, and showed a page to try again from \(HTTP 400\)\. A timeout above 6000 ms would have signed the user in\.$/) });
      expect(sdk.evidence.details).toMatchObject({ exchanges: 1 });
    });

    it('a retry whose failure page is a 200 on the callback (the example app before its fix) is still a login that failed: said as where it stopped', async () => {
      const r = await probe('retries-on-timeout', ['--only', 'wechat.slow', '--exchange-delay', '1000'], APPID, { exchangeTimeoutMs: 900, exchangeFailure: { status: 200, page: 'retry' } });
      expect(slow(r)).toMatchObject({
        status: 'fail',
        message: expect.stringMatching(/so the retry got 40163 \(code been used\) and the user sees the login fail: the login stops on the callback page \(HTTP 200\), where the happy path went on to http:\/\/127\.0\.0\.1:\d+\/me\.$/) as unknown,
      });
    });

    it('an app whose timeout path never answers fails as a hang, said as WeChat’s delay plus --timeout', async () => {
      const r = await probe('hangs-on-slow-exchange', ['--only', 'wechat.slow', '--exchange-delay', '1000', '--timeout', '1000'], APPID, { exchangeTimeoutMs: 900 });
      expect(slow(r)).toMatchObject({
        status: 'fail',
        message: 'WeChat answered the code exchange after 1000 ms, and the callback had still not answered 1000 ms later (--timeout): the user is left waiting.',
        fix: expect.stringMatching(/^The callback must answer even when WeChat is slow: give the exchange a timeout/) as unknown,
      });
      expect(r.code).toBe(1);
    });

    it('an app that gives up without a retry is judged as wechat.busy judges a page after WeChat failed: a stack, an empty page, no way on', async () => {
      // The app gives up 600 ms before WeChat answers: under a loaded machine's stalls of the shared event
      // loop a 100 ms margin let both timers fire in one turn, and the answer went out before the app's
      // abort reached the emulator (probe then rightly saw an app that waited).
      const gaveUp = async (exchangeFailure: ProbeAppOptions['exchangeFailure']) =>
        slow(await probe('correct', ['--only', 'wechat.slow', '--exchange-delay', '1500'], APPID, { exchangeTimeoutMs: 900, exchangeFailure }));
      const thrown = await gaveUp({ status: 500, page: 'throw' });
      expect(thrown.status).toBe('fail');
      expect(thrown.message).toMatch(/^WeChat took 1500 ms to answer the code exchange; the app gave up after \d+ ms and fails: HTTP 500 with a stack trace \(node\) shown to the user/);
      expect(thrown.fix).toMatch(/^Never send a stack trace \(node\) to the browser: .* Then: When the exchange times out, show a page of your own/);
      expect(await gaveUp({ status: 503, page: 'empty' })).toMatchObject({ status: 'fail', message: expect.stringMatching(/the app gave up after \d+ ms and answers HTTP 503 with an empty page/) as unknown });
      expect(await gaveUp({ status: 502, page: 'words' })).toMatchObject({ status: 'warn', message: expect.stringMatching(/the app gave up after \d+ ms and shows a page with HTTP 502, but no way to try again/) as unknown });
      expect(await gaveUp({ status: 502, page: 'retry' })).toMatchObject({ status: 'pass', message: expect.stringContaining('without sending the code again, and showed a page to try again from (HTTP 502)') as unknown });
      // A 200 that reads only "登录失败 -1"-style words is no page to try again from either.
      expect(await gaveUp({ status: 200, page: 'errcode' })).toMatchObject({ status: 'warn', message: expect.stringMatching(/the app gave up after \d+ ms and shows a page with HTTP 200, but no way to try again/) as unknown });
    });

    it('an app that exchanges every code twice is code.exchanged_once’s bug, not a retry on a timeout: skipped, saying so', async () => {
      const r = await probe('double-exchange', ['--only', 'code.exchanged_once,wechat.slow']);
      expect(slow(r)).toMatchObject({ status: 'skip', message: 'The app exchanges every code 2 times (see code.exchanged_once), so a retry on its own timeout cannot be told apart here.' });
    });

    it('--exchange-delay out of range is refused before anything runs (exit 2), the hint naming the nearest value in range, not a unit', async () => {
      const r = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--exchange-delay', '50']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--exchange-delay takes a number of milliseconds from 100 to 60000.');
      expect(r.stderr).toContain('→ Give a whole number in that range, e.g. --exchange-delay 100 (the default is 6000; above your HTTP client’s timeout it shows what a timeout and a retry do).');
      const huge = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--exchange-delay', '999999999']);
      expect(huge.code).toBe(2);
      expect(huge.stderr).toContain('→ Give a whole number in that range, e.g. --exchange-delay 60000 (the default is 6000;');
      expect(huge.stderr).not.toContain('unit');
      const zh = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--exchange-delay', '999999999', '--lang', 'zh']);
      expect(zh.stderr).toContain('→ 写这个范围内的整数，例如 --exchange-delay 60000（默认 6000；比你的 HTTP 客户端的超时长才测得出超时后的重试）。');
      expect(zh.stderr).not.toContain('不带单位');
    });

    it('a delay given with a unit (6s, 1.5s) is refused with the milliseconds to type instead, in en and zh (exit 2)', async () => {
      const seconds = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--exchange-delay', '6s']);
      expect(seconds.code).toBe(2);
      expect(seconds.stderr).toContain('→ Give whole milliseconds without a unit, e.g. --exchange-delay 6000 (the default is 6000;');
      const zh = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--exchange-delay', '1.5s', '--lang', 'zh']);
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain('--exchange-delay 需要 100 到 60000 之间的毫秒数。');
      expect(zh.stderr).toContain('→ 写整数毫秒，不带单位，例如 --exchange-delay 1500（默认 6000；比你的 HTTP 客户端的超时长才测得出超时后的重试）。');
      const reload = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--reload-delay', '2s']);
      expect(reload.code).toBe(2);
      expect(reload.stderr).toContain('--reload-delay takes a number of milliseconds from 0 to 60000.');
      expect(reload.stderr).toContain('→ Give whole milliseconds without a unit, e.g. --reload-delay 2000 (the default is 2000; 0 reloads right after the login).');
      const reloadZh = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--reload-delay', '2s', '--lang', 'zh']);
      expect(reloadZh.code).toBe(2);
      expect(reloadZh.stderr).toContain('→ 写整数毫秒，不带单位，例如 --reload-delay 2000（默认 2000；0 表示登录后马上重新加载）。');
      // A plain number out of range has no unit to take off.
      const negative = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--reload-delay', '-1', '--lang', 'zh']);
      expect(negative.code).toBe(2);
      expect(negative.stderr).toContain('→ 写这个范围内的整数，例如 --reload-delay 0（默认 2000；0 表示登录后马上重新加载）。');
      const negativeEn = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--reload-delay', '-1']);
      expect(negativeEn.stderr).toContain('→ Give a whole number in that range, e.g. --reload-delay 0 (the default is 2000; 0 reloads right after the login).');
    });
  });

  it('a login start without a return-to parameter: redirect.open is skipped, naming common ones of each kind (next and back among them)', async () => {
    const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret: emu.apps.find((a) => a.appid === APPID)!.secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'redirect.open', '--json']);
      const open = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'redirect.open')!;
      expect(open.status).toBe('skip');
      expect(open.message).toBe('The login start has no return-to parameter (such as redirect, returnTo, return_url, next, back, from, continue, url); name it with --return-param.');
    } finally {
      await app.close();
    }
  });

  const statusOf = (doc: Doc) => Object.fromEntries(doc.checks.map((c) => [c.id, c.status]));

  it('an app whose own exchange fails (wrong AppSecret, 40125) does not complete the login, and the checks that need an exchange are skipped', async () => {
    const r = await probe('correct', [], APPID, { secret: 'not-the-emulators-secret' });
    const login = r.doc.checks.find((c) => c.id === 'login.completes')!;
    expect(login.status).toBe('fail');
    expect(login.message).toContain('40125');
    expect(login.fix).toMatch(/AppSecret/);
    expect(login.fix).toContain(APPID);
    const s = statusOf(r.doc);
    // Nothing about errors the app handles can be learnt from an app that gets 40125 for every code.
    for (const id of ['code.exchanged_once', 'code.expired', 'wechat.busy', 'url.code_left', 'redirect.open', 'userinfo.scope']) expect(s[id], id).toBe('skip');
    // Trying the code again on WeChat's second hit after a failed exchange is right, and no 40163 ever
    // came: no double-exchange verdict, and no 40163 named.
    for (const id of ['callback.duplicate', 'callback.reload']) expect(s[id], id).toBe('skip');
    expect(JSON.stringify(r.doc.checks)).not.toContain('40163');
    expect(r.failing).toEqual(['login.completes']);
    expect(r.doc.checks.find((c) => c.id === 'code.expired')!.message).toContain('40125');
    expect(r.code).toBe(1);
  });

  it('a redirect_uri path the app does not handle: login.completes says no exchange happened, and the checks that judge exchanges are skipped, not passed', async () => {
    const r = await probe('correct', [], APPID, { redirectPath: '/auth/wrong' });
    const login = r.doc.checks.find((c) => c.id === 'login.completes')!;
    expect(login.status).toBe('fail');
    expect(login.message).toContain('/auth/wrong');
    expect(login.message).toMatch(/never called \/sns\/oauth2\/access_token/);
    expect(login.fix).toContain('/auth/wrong');
    const s = statusOf(r.doc);
    for (const id of ['callback.duplicate', 'callback.reload', 'state.forged', 'state.missing', 'consent.denied', 'code.expired', 'wechat.busy', 'code.exchanged_once']) expect(s[id], id).toBe('skip');
    // One failure for one cause, and the skip says where to look.
    expect(r.doc.checks.find((c) => c.id === 'code.exchanged_once')?.message).toBe('On the happy path the callback /auth/wrong never exchanged the code (see login.completes), so this cannot be judged.');
    // No login got a user: "no /cgi-bin/token call per login" is not passed on that (secrets.leak looked at
    // every answer the app gave, so it stands).
    expect(r.doc.checks.filter((c) => c.status === 'pass').map((c) => c.id).sort()).toEqual(['authorize.url', 'secrets.leak']);
    expect(r.doc.checks.find((c) => c.id === 'basic_token.per_login')).toMatchObject({ status: 'skip', message: 'No login got a user (see login.completes), so whether the app fetches a basic access_token per login cannot be seen.' });
    expect(r.code).toBe(1);
  });

  it('an app whose redirect_uri says localhost, probed on 127.0.0.1: the callback is reached, and the lost session cookie is named with where to start', async () => {
    const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret, hostname: 'localhost' });
    try {
      const start = `${app.url.replace('localhost', '127.0.0.1')}/auth/wechat?next=/me`;
      const r = await runCli(['probe', start, '--emulator', emu.url, '--reload-delay', '0', '--json', ...FAST_SLOW]);
      const login = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'login.completes')!;
      expect(login.status).toBe('fail');
      expect(login.message).toContain(`it starts on ${new URL(start).origin}, but the callback goes to ${app.url}. A browser keeps cookies per host name`);
      expect(login.fix).toContain(`start at ${app.url}/auth/wechat?next=/me`);
      expect(r.stdout).not.toContain('blocked-foreign-host');
      // Started on the name the redirect_uri uses, the same app passes.
      const same = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', '--json', ...FAST_SLOW]);
      expect(same.code, same.stderr).toBe(0);
    } finally {
      await app.close();
    }
    // Started with user:password@ (a staging site behind basic auth): the place to start keeps the user
    // name, so the user sees the credentials are still needed there, and never the password (en, zh).
    const password = 'hunter2pass';
    const gated = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret, hostname: 'localhost', basicAuth: { user: 'alice', password } });
    try {
      const start = `${gated.url.replace('http://localhost', `http://alice:${password}@127.0.0.1`)}/auth/wechat?next=/me`;
      const shown = `${gated.url.replace('http://', 'http://alice:***@')}/auth/wechat?next=/me`;
      const en = await runCli(['probe', start, '--emulator', emu.url, '--only', 'login.completes', ...FAST_SLOW]);
      expect(en.stdout).toContain(`start at ${shown} (probe too)`);
      const zh = await runCli(['probe', start, '--emulator', emu.url, '--only', 'login.completes', '--lang', 'zh', ...FAST_SLOW]);
      expect(zh.stdout).toContain(`从 ${shown} 开始测试`);
      expect(en.stdout + en.stderr + zh.stdout + zh.stderr).not.toContain(password);
    } finally {
      await gated.close();
    }
    // An app that exchanged (no state check to lose) and failed on its own: its own cause, not the cookie.
    const wrong = await startProbeApp('ignores-state', { emulator: emu.url, appid: APPID, secret: '0'.repeat(32), hostname: 'localhost' });
    try {
      const r = await runCli(['probe', `${wrong.url.replace('localhost', '127.0.0.1')}/auth/wechat`, '--emulator', emu.url, '--only', 'login.completes', '--json']);
      const login = (JSON.parse(r.stdout) as Doc).checks.find((c) => c.id === 'login.completes')!;
      expect(login.message).toContain('40125');
      expect(login.message).not.toContain('cookies per host name');
    } finally {
      await wrong.close();
    }
  });

  it('a callback on another server (another port): named, never contacted in any scenario, and the other checks skipped', async () => {
    const hits: string[] = [];
    const other = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('frontend');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const port = (other.address() as AddressInfo).port;
      const r = await probe('correct', [], APPID, { redirectOrigin: `http://127.0.0.1:${port}` });
      const login = r.doc.checks.find((c) => c.id === 'login.completes')!;
      expect(login.status).toBe('fail');
      // The same host on another port: said as the port (a public-URL setting's, usually), not as another host.
      expect(login.message).toContain(`is on port ${port}, while the app’s login starts on http://127.0.0.1:`);
      expect(login.message).not.toContain('not on the app’s host');
      expect(login.message).not.toContain('blocked-foreign-host');
      expect(login.fix).toContain('PUBLIC_URL');
      expect(login.fix).toMatch(/one origin/);
      expect(r.doc.checks.find((c) => c.id === 'consent.denied')?.message).toContain('on another port');
      expect(hits).toEqual([]);
      expect(r.doc.checks.filter((c) => c.status === 'pass').map((c) => c.id)).toEqual(['authorize.url']);
      expect(r.code).toBe(1);
    } finally {
      other.close();
    }
  });

  describe('a login that never starts says why', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url?.startsWith('/missing')) return res.writeHead(404).end('not found');
        if (req.url?.startsWith('/loop')) return res.writeHead(302, { location: '/loop' }).end();
        if (req.url?.startsWith('/hang')) return;
        // Sent on to this server's other loopback name, which asks for basic auth: another origin's 401.
        if (req.url?.startsWith('/elsewhere')) return res.writeHead(302, { location: base.replace('127.0.0.1', 'localhost') + '/gated' }).end();
        if (req.url?.startsWith('/gated')) return res.writeHead(401, { 'www-authenticate': 'Basic realm="staging"' }).end('401');
        res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>hello</h1>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });
    const cases: Array<[string, string[], RegExp, RegExp]> = [
      ['/missing', [], /HTTP 404/, /HTTP 404/],
      ['/plain', [], /HTTP 200 with a page that neither redirects/, /HTTP 200，页面既没有跳转到微信/],
      ['/loop', [], /redirected 16 times/, /跳转了 16 次/],
      ['/hang', ['--timeout', '1000'], /no answer within 1000 ms/, /1000 毫秒内没有应答/],
    ];
    for (const [path, extra, en, zh] of cases) {
      it(path, async () => {
        for (const [lang, re] of [['en', en], ['zh', zh]] as const) {
          const r = await runCli(['probe', base + path, '--emulator', emu.url, '--lang', lang, ...extra]);
          const line = r.stdout.split('\n').find((l) => l.includes('authorize.url'))!;
          expect(line).toMatch(re);
          expect(r.stdout).not.toContain('wxauth inspect');
          expect(r.stdout).not.toMatch(/cookie/i);
          expect(r.stdout).not.toMatch(/\. $/m);
          expect(r.code).toBe(1);
        }
      });
    }
    it('a 401 asking for basic auth from another origin than the start\'s is not said as the start URL needing user:password@ (that origin is never contacted before the authorize link)', async () => {
      const r = await runCli(['probe', base + '/elsewhere', '--emulator', emu.url, '--only', 'authorize.url']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/authorize\.url .*localhost/);
      expect(r.stdout).not.toMatch(/basic auth/i);
      // The start's own origin asking for it is.
      const own = await runCli(['probe', base + '/gated', '--emulator', emu.url, '--only', 'authorize.url']);
      expect(own.stdout).toContain(`Fix: ${base}/gated asks for HTTP basic auth (WWW-Authenticate: Basic)`);
    });
    it('an --emulator that answers but is not one (the app\'s port): says so, names the control path it asked, never suggests the same URL (exit 2)', async () => {
      const r = await runCli(['probe', base + '/plain', '--emulator', base]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${base} answers, but it is not a wxauth emulator (is it your app?): /__emulator/seed got HTTP`);
      const hint = r.stderr.split('\n').find((l) => l.startsWith('→'))!;
      expect(hint).toContain('the address `wxauth emulator` printed');
      expect(hint).not.toContain(base);
      expect(hint).not.toContain('name its address with --emulator');
      const zh = await runCli(['probe', base + '/plain', '--emulator', base, '--lang', 'zh']);
      expect(zh.stderr).toContain('不是 wxauth 模拟器（是你的应用吗？）');
    });

    it('the emulator\'s own port as the app: says this is the emulator, not the app (exit 2)', async () => {
      const r = await runCli(['probe', `${emu.url}/login`, '--emulator', emu.url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${emu.url}/login is the emulator (${emu.url}), not your app`);
      expect(r.stderr).not.toContain('authorize.url');
    });

    it('https:// to a plain-HTTP app names the TLS failure and the http:// address (exit 5)', async () => {
      const r = await runCli(['probe', base.replace('http:', 'https:') + '/plain', '--emulator', emu.url]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('plain HTTP');
      expect(r.stderr).toContain(base + '/plain');
      expect(r.stderr).not.toContain('Check that the app is running');
    });
  });

  it('Ctrl-C while the clock is moved ahead: exit 130 (cancelled, not a bug), and the emulator clock is moved back', async () => {
    const app = await startProbeApp('hangs-on-expired', { emulator: emu.url, appid: APPID, secret });
    try {
      const child = startCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'code.expired', '--timeout', '60000']);
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      // The app hangs on the expired code's callback, with the clock 301 s ahead: Ctrl-C there.
      const offset = async () => ((await (await fetch(`${emu.url}/__emulator/clock`)).json()) as { offset: number }).offset;
      for (let i = 0; i < 400 && (await offset()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await offset()).toBe(301);
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      expect(stderr).not.toMatch(/internal error|aborted/i);
      expect(stderr).toContain('probe stopped; the emulator’s clock, faults, current user, follows and 开放平台 bindings are as they were.');
      expect(await offset()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('Ctrl-C after the emulator moved its clock but before it answered: the clock is still moved back', async () => {
    // A relay in front of the emulator that holds back the answer to the clock's advance: the emulator
    // has applied it, probe has not heard so yet, and Ctrl-C comes in between.
    let applied: () => void = () => {};
    const advanceApplied = new Promise<void>((resolve) => (applied = resolve));
    const relay = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks);
        const upstream = await fetch(emu.url + req.url, { method: req.method, headers: { 'content-type': String(req.headers['content-type'] ?? 'text/plain') }, ...(body.length ? { body } : {}), redirect: 'manual' });
        const text = Buffer.from(await upstream.arrayBuffer());
        const holdBack = req.url === '/__emulator/clock' && req.method === 'POST' && /"advance":\d/.test(body.toString());
        if (holdBack) {
          applied();
          await new Promise((resolve) => setTimeout(resolve, 1500));
        }
        const headers: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') headers[k] = v.replaceAll(emu.url, `http://127.0.0.1:${(relay.address() as AddressInfo).port}`);
        });
        res.writeHead(upstream.status, headers).end(text);
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    const app = await startProbeApp('correct', { emulator: relayUrl, appid: APPID, secret });
    try {
      const child = startCli(['probe', `${app.url}/auth/wechat`, '--emulator', relayUrl, '--only', 'code.expired']);
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      await advanceApplied;
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      expect(stderr).toContain('probe stopped; the emulator’s clock, faults, current user, follows and 开放平台 bindings are as they were.');
      expect(((await (await fetch(`${emu.url}/__emulator/clock`)).json()) as { offset: number }).offset).toBe(0);
    } finally {
      await app.close();
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  it('Ctrl-C when the emulator is gone: the clock it could not put back is said, not "as they were" (exit 5)', async () => {
    const own = await startEmulator();
    const app = await startProbeApp('hangs-on-expired', { emulator: own.url, appid: APPID, secret: own.apps.find((a) => a.appid === APPID)!.secret });
    try {
      // Ctrl-C comes 2.5 s in; by then the clock is 301 s ahead and the emulator has been stopped.
      const run = runCli(['probe', `${app.url}/auth/wechat`, '--emulator', own.url, '--only', 'code.expired', '--timeout', '60000'], { timeoutMs: 2500 });
      const offset = async () => ((await (await fetch(`${own.url}/__emulator/clock`)).json()) as { offset: number }).offset;
      for (let i = 0; i < 80 && (await offset()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await offset()).toBe(301);
      await own.close();
      const r = await run;
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`Could not put the clock, faults, current user, follows and 开放平台 bindings of the emulator at ${own.url} back as they were.`);
      expect(r.stderr).toContain('/__emulator/reset');
      expect(r.stderr).not.toContain('probe stopped');
    } finally {
      await app.close();
    }
  });

  it('Ctrl-C during the wait before the reload stops at once, not when the wait is over', async () => {
    const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret });
    try {
      const child = startCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'callback.reload', '--reload-delay', '60000']);
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      // The happy path takes well under a second; then the 60 s wait before the reload begins.
      for (let i = 0; i < 400 && !stderr.includes('happy path'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      child.kill('SIGINT');
      // Before the wait is over: waiting it out would take the test past its own timeout.
      expect(await closed).toBe(130);
      expect(stderr).not.toContain('reload of the callback');
      expect(stderr).toContain('probe stopped');
    } finally {
      await app.close();
    }
  });

  it('a mistyped --only check is refused with the check meant; one far from any, with the list', async () => {
    const typo = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--only', 'login.completes,state.forgd']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('There is no check called “state.forgd”.');
    expect(typo.stderr).toContain('Did you mean state.forged?');
    const far = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--skip', 'everything', '--lang', 'zh']);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('可用的检查：authorize.url、login.completes');
  });

  it('--only and --skip that leave no check are refused before anything is contacted (exit 2), naming both lists, en and zh', async () => {
    // Nothing listens on port 9: a run that went on would end "Cannot reach the emulator" (exit 5), or, had it
    // got that far, "Passed: 0 … skipped: 20" with exit 0, a CI job passing without a check.
    const none = 'http://127.0.0.1:9';
    const both = await runCli(['probe', `${none}/auth`, '--emulator', none, '--only', 'state.forged,state.missing', '--skip', 'state.missing,state.forged', '--json']);
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stdout).error).toMatchObject({ code: 'usage', message: '--only state.forged, state.missing with --skip state.missing, state.forged leaves no check to run: probe would test nothing.', hint: 'Leave the checks --only names out of --skip; to run just a few checks, --only alone is enough.' });
    const zh = await runCli(['probe', `${none}/auth`, '--emulator', none, '--only', 'authorize.url', '--skip', 'authorize.url', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--only authorize.url 去掉 --skip authorize.url 之后，一项检查也不剩，probe 什么都不会测。');
    expect(zh.stdout).toBe('');
    const all = await runCli(['probe', `${none}/auth`, '--emulator', none, '--skip', ALL_IDS.join(',')]);
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('--skip names every check: probe would test nothing.');
    expect(all.stderr).toContain('Skip fewer checks, or name the ones to run with --only.');
    const empty = await runCli(['probe', `${none}/auth`, '--emulator', none, '--only', ',']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--only names no check.');
    // An empty --skip (a CI variable left unset: --skip "$SKIP") is refused the same way, not a run of everything.
    const emptySkip = await runCli(['probe', `${none}/auth`, '--emulator', none, '--skip', '']);
    expect(emptySkip.code).toBe(2);
    expect(emptySkip.stderr).toContain('--skip names no check.');
    expect(emptySkip.stderr).toContain('Name the checks to skip, separated by commas, or leave out --skip to run them all.');
    const emptySkipZh = await runCli(['probe', `${none}/auth`, '--emulator', none, '--skip', ' , ', '--lang', 'zh']);
    expect(emptySkipZh.code).toBe(2);
    expect(emptySkipZh.stderr).toContain('--skip 没有写任何检查。');
    expect(emptySkipZh.stderr).toContain('写出要跳过的检查（用逗号分隔）；想全部都测，就去掉 --skip。');
    expect(empty.stderr + all.stderr + zh.stderr).not.toMatch(/Cannot reach|无法连接/);
    // One check left is a run.
    const one = await runCli(['probe', `${none}/auth`, '--emulator', none, '--only', 'authorize.url,state.forged', '--skip', 'state.forged']);
    expect(one.code).toBe(5);
  });

  it('--html: a missing folder or a folder as the file is refused before any scenario runs (exit 2); an existing file needs --yes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-'));
    try {
      for (const [file, text] of [[path.join(dir, 'nope', 'x.html'), 'does not exist'], [dir, 'is a folder']] as const) {
        const r = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--html', file]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(text);
        expect(r.stderr).not.toContain('happy path');
      }
      const kept = path.join(dir, 'kept.html');
      fs.writeFileSync(kept, 'mine');
      const refused = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', emu.url, '--html', kept]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--yes');
      expect(fs.readFileSync(kept, 'utf8')).toBe('mine');
      const r = await probe('correct', ['--html', kept, '--yes', '--only', 'authorize.url']);
      expect(r.code).toBe(0);
      expect(fs.readFileSync(kept, 'utf8')).toContain('<svg');
      // Written as config and HAR files are: through a temporary file, mode 0600.
      expect(fs.statSync(kept).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--html on a symlink replaces the link with the report; the file it pointed at is left as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-'));
    try {
      const precious = path.join(dir, 'precious.txt');
      fs.writeFileSync(precious, 'not a report', { mode: 0o644 });
      fs.chmodSync(precious, 0o644);
      const link = path.join(dir, 'report.html');
      fs.symlinkSync(precious, link);
      const r = await probe('correct', ['--html', link, '--yes', '--only', 'authorize.url']);
      expect(r.code).toBe(0);
      expect(fs.readFileSync(precious, 'utf8')).toBe('not a report');
      expect(fs.statSync(precious).mode & 0o777).toBe(0o644);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
      expect(fs.readFileSync(link, 'utf8')).toContain('<svg');
      expect(fs.statSync(link).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const json of [false, true]) {
    it(`--html: a file that appeared at the path while the checks ran is kept; the report goes beside it, and it says so${json ? ' (--json)' : ''}`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-'));
      const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret });
      const file = path.join(dir, 'r.html');
      try {
        const { out, closed } = await probeUntilHappyPath([`${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', ...FAST_SLOW, '--html', file, ...(json ? ['--json'] : [])]);
        fs.writeFileSync(file, 'someone else’s page');
        expect(await closed).toBe(0);
        expect(fs.readFileSync(file, 'utf8')).toBe('someone else’s page');
        const beside = path.join(dir, 'r-2.html');
        expect(fs.readFileSync(beside, 'utf8')).toContain('<svg');
        expect(fs.statSync(beside).mode & 0o777).toBe(0o600);
        const said = `${file} appeared or changed after the checks began, so it was not replaced; the HTML report was written to ${beside} instead. Pass --yes to replace it.`;
        if (json) {
          const doc = JSON.parse(out.stdout) as { html: string; htmlRequested: string; warnings: Array<{ id: string; message: string }> };
          expect(doc.html).toBe(beside);
          expect(doc.htmlRequested).toBe(file);
          expect(doc.warnings).toContainEqual(expect.objectContaining({ id: 'probe.html_file.elsewhere', message: said }));
        } else expect(out.stderr).toContain(said);
      } finally {
        await app.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  // A failed check stays exit 1 (the news a CI job acts on); only a clean run ends with the write's exit 2.
  for (const [kind, exit, passed] of [['correct', 2, 'Passed: 18,'], ['exchanges-twice', 1, '✖ callback.duplicate']] as const) {
    it(`--html that fails to write after the run still prints the report card, then the error (${kind}: exit ${exit})`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-'));
      const app = await startProbeApp(kind, { emulator: emu.url, appid: APPID, secret });
      try {
        const { out, closed } = await probeUntilHappyPath([`${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', ...FAST_SLOW, '--html', path.join(dir, 'r.html')]);
        // The folder goes away while the scenarios run (checked fine at the start).
        fs.rmSync(dir, { recursive: true, force: true });
        expect(await closed).toBe(exit);
        expect(out.stdout).toContain('✔ login.completes');
        expect(out.stdout).toContain(passed);
        // The reason in words, the code kept for searching (not a bare code).
        expect(out.stderr).toMatch(/could not be written to .*r\.html: does not exist \(ENOENT\)/);
      } finally {
        await app.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('authorize.url shows inspect\'s findings (what is wrong and the fix) on the card, in --json and in the HTML', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-'));
    try {
      const file = path.join(dir, 'r.html');
      const human = await probe('correct', ['--html', file], APPID, { scope: 'snsapi_login' });
      const check = human.doc.checks.find((c) => c.id === 'authorize.url')!;
      expect(check.message).toBe('The authorize URL has an error WeChat refuses (below).');
      const findings = check.evidence.findings as Array<{ message: string; fix: string }>;
      expect(findings[0]!.message).toContain('snsapi_login');
      expect(findings[0]!.fix).toContain('qrconnect');
      expect(fs.readFileSync(file, 'utf8')).toContain('snsapi_login is used on');
      const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret, scope: 'snsapi_login' });
      try {
        const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--lang', 'zh']);
        expect(r.stdout).toMatch(/✖ authorize\.url .*1 处错误/);
        expect(r.stdout).toMatch(/\n {4}✖ snsapi_login 用在了公众号授权地址/);
        expect(r.stdout).toMatch(/\n {6}怎么办：/);
        // The check's own Fix comes before the findings it sends the reader to, so it points down at them.
        expect(r.stdout).toMatch(/\n {4}怎么办：按下面列出的每条问题各自的修复去改；[^\n]*\n {4}✖ snsapi_login 用在了公众号授权地址/);
        const en = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'authorize.url']);
        expect(en.stdout).toMatch(/\n {4}Fix: Follow the fix under each finding listed below; [^\n]*\n {4}✖ snsapi_login /);
        expect(en.stdout).not.toContain('above');
      } finally {
        await app.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says "a cookie", "Passed: 18" — no "1 cookies" or "1 warnings" on the card (the token war skipped: no /cgi-bin call; unionid.absent: a test account has none)', async () => {
    const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', ...FAST_SLOW]);
      expect(r.stdout).toContain('and the app set a cookie.');
      expect(r.stdout).toContain('Passed: 18, failed: 0, warnings: 0, skipped: 2.');
      expect(r.stdout).not.toMatch(/\b1 (cookies|warnings|errors|times|places|calls)\b/);
      expect(r.stdout).not.toMatch(/\ban (authorize|qrconnect)\b/);
    } finally {
      await app.close();
    }
  });

  it('a leaked user token gets a token fix, not "reset the appsecret"; where it leaked is in the user\'s language', async () => {
    const app = await startProbeApp('leaks-token', { emulator: emu.url, appid: APPID, secret });
    try {
      const en = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', ...FAST_SLOW, '--only', 'secrets.leak']);
      expect(en.stdout).toMatch(/✖ secrets\.leak +The access_token appears .*\(body, /);
      expect(en.stdout).toContain('Keep WeChat’s access_token and refresh_token on the server');
      expect(en.stdout).not.toContain('reset the appsecret');
      const zh = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', ...FAST_SLOW, '--only', 'secrets.leak', '--lang', 'zh']);
      expect(zh.stdout).toMatch(/access_token 出现在应用给浏览器的应答里（正文，/);
      expect(zh.stdout).not.toMatch(/（body|（headers/);
      expect(zh.code).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('names every kind of secret it found: an access_token and its refresh_token leaked together (en, zh)', async () => {
    const app = await startProbeApp('leaks-tokens', { emulator: emu.url, appid: APPID, secret });
    try {
      const en = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', ...FAST_SLOW, '--only', 'secrets.leak']);
      expect(en.stdout).toMatch(/✖ secrets\.leak +The access_token and other secrets \(access_token, refresh_token\) appear .*\(first: body, /);
      const zh = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', ...FAST_SLOW, '--only', 'secrets.leak', '--lang', 'zh']);
      expect(zh.stdout).toContain('access_token 等几种秘密（access_token、refresh_token）出现在应用给浏览器的应答里（第一处：正文，');
      expect(zh.code).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('finds the account\'s basic access_token on a page, en and zh, and masks it in the report', async () => {
    const basic = await probe('leaks-basic-token', ['--only', 'secrets.leak']);
    const leak = basic.doc.checks.find((c) => c.id === 'secrets.leak')!;
    expect(leak).toMatchObject({ status: 'fail', message: expect.stringMatching(/^The basic access_token appears in what the app sent the browser \(body, /) });
    expect(leak.fix).toMatch(/^Keep the basic access_token and the jsapi_ticket on the server/);
    // The report masks what it found.
    const token = ((await (await fetch(`${emu.url}/__emulator/issued/${APPID}`)).json()) as { basicTokens: string[] }).basicTokens.at(-1)!;
    expect(basic.stdout).not.toContain(token);
    const zh = await probe('leaks-basic-token', ['--only', 'secrets.leak', '--lang', 'zh']);
    expect(zh.doc.checks.find((c) => c.id === 'secrets.leak')?.message).toMatch(/^基础 access_token 出现在应用给浏览器的应答里（正文，/);
  });

  it('finds a user access_token inside a JWT-style session cookie (base64) and in hex, and shows it masked', async () => {
    const cookie = await probe('token-in-cookie', ['--only', 'secrets.leak']);
    expect(cookie.doc.checks.find((c) => c.id === 'secrets.leak')).toMatchObject({ status: 'fail', message: expect.stringContaining('The access_token appears in what the app sent the browser (base64-encoded in the headers, a session cookie say,') });
    expect(cookie.code).toBe(1);
    // Hex-encoded (upper case here) is still the token, and the report shows it masked.
    const hex = await probe('token-in-hex', ['--only', 'secrets.leak']);
    const hexLeak = hex.doc.checks.find((c) => c.id === 'secrets.leak')!;
    expect(hexLeak).toMatchObject({ status: 'fail', message: expect.stringContaining('The access_token appears in what the app sent the browser (hex-encoded in the body,') });
    expect((hexLeak.evidence as { details: { excerpt: string } }).details.excerpt).toMatch(/data-t="[0-9a-f]{4}\*\*\*"/);
    expect(hex.stdout).not.toMatch(/[0-9A-F]{40}/);
  });

  it('masks the base64 spelling of a secret in its excerpt too: a page printing a token and its base64 gives neither away', async () => {
    const both = await probe('token-and-base64', ['--only', 'secrets.leak']);
    const leak = both.doc.checks.find((c) => c.id === 'secrets.leak')!;
    expect(leak).toMatchObject({ status: 'fail', message: expect.stringContaining('The access_token appears in what the app sent the browser (body,') });
    const excerpt = (leak.evidence as { details: { excerpt: string } }).details.excerpt;
    expect(excerpt).toMatch(/token=.{4}\*\*\* session=/);
    // The session's base64 is cut into masked pieces wherever the token's bytes are: no run of it long
    // enough to decode to more than a few characters of the token is left.
    const session = /session=(\S+)/.exec(excerpt)![1]!;
    expect(session).toContain('***');
    expect(Buffer.from(session.replace(/\*+/g, ''), 'base64').toString('latin1')).not.toMatch(/[A-Za-z0-9_-]{12}/);
  });

  it('without --emulator, the API base the other commands use is the emulator: --api-base, then WXAUTH_API_BASE, then the profile', async () => {
    const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret });
    try {
      const flag = await runCli(['probe', `${app.url}/auth/wechat`, '--api-base', emu.url, '--only', 'login.completes', '--json']);
      expect(flag.code, flag.stderr).toBe(0);
      expect(JSON.parse(flag.stdout)).toMatchObject({ emulator: emu.url });
      const env = await runCli(['probe', `${app.url}/auth/wechat`, '--only', 'login.completes', '--json'], { env: { WXAUTH_API_BASE: emu.url } });
      expect(env.code, env.stderr).toBe(0);
      expect(JSON.parse(env.stdout)).toMatchObject({ emulator: emu.url });
      // Then the profile's apiBase, as `wxauth config set apiBase` saves it.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-profile-'));
      try {
        expect((await runCli(['config', 'set', 'apiBase', emu.url], { env: { WXAUTH_CONFIG_DIR: dir } })).code).toBe(0);
        const profile = await runCli(['probe', `${app.url}/auth/wechat`, '--only', 'login.completes', '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
        expect(profile.code, profile.stderr).toBe(0);
        expect(JSON.parse(profile.stdout)).toMatchObject({ emulator: emu.url });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await app.close();
    }
  });

  it('masks the leaked secret in its evidence', async () => {
    const r = await probe('leaks-secret');
    expect(r.stdout).not.toContain(secret);
    const leak = r.doc.checks.find((c) => c.id === 'secrets.leak')!;
    expect(JSON.stringify(leak.evidence)).toContain('***');
    // The codes too: the page quoted the whole exchange request, code included (a code is a secret).
    const fullCodes = (text: string) => text.match(/code=[0-9A-Za-z]{20,}/g) ?? [];
    expect(fullCodes(JSON.stringify(leak))).toEqual([]);
    expect(fullCodes(r.stdout + r.stderr)).toEqual([]);
  });

  it('a start URL with user:password@ (a staging site behind basic auth) is probed with them as basic auth, the password never printed (card, --json, --html), en and zh', async () => {
    const password = 'hunter2pass';
    const app = await startProbeApp('correct', { emulator: emu.url, appid: APPID, secret, basicAuth: { user: 'alice', password } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-'));
    try {
      const start = `${app.url.replace('http://', 'http://alice:' + password + '@')}/auth/wechat?next=/me`;
      const shown = `${app.url.replace('http://', 'http://alice:***@')}/auth/wechat?next=/me`;
      const file = path.join(dir, 'r.html');
      const json = await runCli(['probe', start, '--emulator', emu.url, '--reload-delay', '0', '--json', '--html', file, ...FAST_SLOW]);
      const doc = JSON.parse(json.stdout) as Doc;
      expect(doc.target).toBe(shown);
      expect(doc.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([]);
      expect(json.code).toBe(0);
      expect(json.stdout + json.stderr + fs.readFileSync(file, 'utf8')).not.toContain(password);
      const en = await runCli(['probe', start, '--emulator', emu.url, '--reload-delay', '0', '--only', 'login.completes', ...FAST_SLOW]);
      expect(en.stderr).toContain(`Probing ${shown} (emulator ${emu.url})`);
      expect(en.stderr).toContain(`Signing in to ${app.url} as alice with HTTP basic auth (the password goes to that origin only: never to the emulator or another host the app redirects to).`);
      expect(en.stdout).toContain(`wxauth probe: ${shown}`);
      expect(en.stdout).toMatch(/✔ login\.completes/);
      const zh = await runCli(['probe', start, '--emulator', emu.url, '--reload-delay', '0', '--only', 'login.completes', '--lang', 'zh', ...FAST_SLOW]);
      expect(zh.stderr).toContain(`以 alice 的身份用 HTTP Basic 认证访问 ${app.url} （密码只发给这个地址`);
      expect(en.stdout + en.stderr + zh.stdout + zh.stderr).not.toContain(password);
      // A wrong password: the app's 401, said as the credentials refused (not a cookie to copy), without the password.
      const wrong = await runCli(['probe', start.replace(password, 'nope12345'), '--emulator', emu.url, '--only', 'authorize.url']);
      expect(wrong.stdout).toContain(`Fix: ${app.url}/auth/wechat?next=/me refused the HTTP basic auth for alice (HTTP 401): check the user name and password in the start URL.`);
      expect(wrong.stdout + wrong.stderr).not.toContain('nope12345');
      // None given: asked for, en and zh.
      const none = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'authorize.url']);
      expect(none.stdout).toContain(`Fix: ${app.url}/auth/wechat asks for HTTP basic auth (WWW-Authenticate: Basic): put the user name and password in the start URL, as http://user:password@host/…; probe sends them to that origin only.`);
      const noneZh = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--only', 'authorize.url', '--lang', 'zh']);
      expect(noneZh.stdout).toContain('要求 HTTP Basic 认证（WWW-Authenticate: Basic）：把用户名和密码写进登录入口地址');
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an --emulator URL with user:password@ is refused before anything is contacted (exit 2), the password masked', async () => {
    const r = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', 'http://bob:pw12345@127.0.0.1:9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The emulator URL http://bob:***@127.0.0.1:9 carries a user name and password; the emulator takes none.');
    expect(r.stderr).toContain('Leave out the user:password@, e.g. --emulator http://127.0.0.1:9.');
    expect(r.stderr).not.toContain('pw12345');
  });

  it('WeChat\'s own authorize link or API address as the start URL is refused before anything runs (exit 2), asking for the app\'s login start, en and zh', async () => {
    const none = 'http://127.0.0.1:9';
    const link = `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${APPID}&redirect_uri=${encodeURIComponent('http://127.0.0.1:3000/cb')}&response_type=code&scope=snsapi_base&state=x#wechat_redirect`;
    const en = await runCli(['probe', link, '--emulator', none]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('This is WeChat’s own authorize link (open.weixin.qq.com), not your app’s login start: probe starts the login on your app and lets the emulator play WeChat.');
    expect(en.stderr).toContain('Give the URL on your app that starts the WeChat login and redirects to WeChat’s authorize page');
    expect(en.stderr).not.toMatch(/looks like a deployed site|Cannot reach/);
    expect(en.stdout).toBe('');
    const qr = await runCli(['probe', `http://OPEN.weixin.qq.com/connect/qrconnect?appid=${APPID}&scope=snsapi_login`, '--emulator', none, '--lang', 'zh']);
    expect(qr.code).toBe(2);
    expect(qr.stderr).toContain('这是微信自己的授权链接（open.weixin.qq.com），不是你的应用的登录入口');
    expect(qr.stderr).toContain('给出你的应用里开始微信登录、再跳转到微信授权页的那个地址');
    // An API call pasted with its secret: refused without quoting it.
    const api = await runCli(['probe', `https://api.weixin.qq.com/sns/oauth2/access_token?appid=${APPID}&secret=${secret}&code=abc&grant_type=authorization_code`, '--emulator', none, '--json']);
    expect(api.code).toBe(2);
    expect(JSON.parse(api.stdout).error).toMatchObject({ code: 'usage', message: 'This is WeChat’s API (api.weixin.qq.com), not your app’s login start: probe starts the login on your app and lets the emulator play WeChat.' });
    expect(api.stdout + api.stderr).not.toContain(secret);
  });

  it('a start URL or --emulator typed without http://: refused before anything runs, with the URL meant (exit 2)', async () => {
    const app = await runCli(['probe', '127.0.0.1:3000/login']);
    expect(app.code).toBe(2);
    expect(app.stderr).toContain('“127.0.0.1:3000/login” is not an http(s) URL.');
    expect(app.stderr).toContain('did you mean http://127.0.0.1:3000/login?');
    const emulator = await runCli(['probe', 'http://127.0.0.1:3000/login', '--emulator', 'localhost:3900', '--lang', 'zh']);
    expect(emulator.code).toBe(2);
    expect(emulator.stderr).toContain('是不是 http://localhost:3900？');
    // Not every bad URL is a missing scheme.
    expect((await runCli(['probe', 'ftp://x/login'])).stderr).not.toContain('did you mean');
  });

  it('prints a report card in Chinese with the fix under each failure', async () => {
    const app = await startProbeApp('ignores-state', { emulator: emu.url, appid: APPID, secret });
    try {
      const r = await runCli(['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--reload-delay', '0', '--lang', 'zh', '--only', 'state.forged']);
      expect(r.stdout).toContain('✖ state.forged');
      // When the app exchanged it, in local time as wxauth prints every time (2026-12-07 14:43:59), not a UTC ISO stamp.
      expect(r.stdout).toMatch(/应用换取了一个带伪造 state 的 code（换取于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d）/);
      expect(r.stdout).toContain('怎么办：');
      expect(r.stdout).toMatch(/- redirect\.open\s+未选中/);
      expect(r.stderr).toContain('伪造的 state');
      expect(r.code).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('the time a forged or missing state\'s code was exchanged is local time on the card, en and zh; --json evidence keeps the ISO stamp', async () => {
    const app = await startProbeApp('ignores-state', { emulator: emu.url, appid: APPID, secret });
    try {
      const args = ['probe', `${app.url}/auth/wechat`, '--emulator', emu.url, '--reload-delay', '0', '--only', 'state.forged,state.missing'];
      const json = await runCli([...args, '--json']);
      const doc = JSON.parse(json.stdout) as Doc;
      const iso = doc.checks.find((c) => c.id === 'state.forged')!.evidence.details as { exchangedAt: string };
      expect(iso.exchangedAt).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
      const local = formatLocalTime(Date.parse(iso.exchangedAt));
      expect(doc.checks.find((c) => c.id === 'state.forged')!.message).toContain(`(exchanged at ${local})`);
      const en = await runCli(args);
      expect(en.stdout).toMatch(/exchanged a code that came with a forged state \(exchanged at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)/);
      expect(en.stdout).toMatch(/exchanged a code that came without any state \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)/);
      const zh = await runCli([...args, '--lang', 'zh']);
      expect(zh.stdout).toMatch(/应用换取了一个不带 state 的 code（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d）/);
      expect(en.stdout + zh.stdout).not.toMatch(/\d\dT\d\d:\d\d:[\d.]+Z/);
    } finally {
      await app.close();
    }
  });

  it('exit 5 and says how to start the emulator when it is not running', async () => {
    const r = await runCli(['probe', 'http://127.0.0.1:9/auth', '--emulator', 'http://127.0.0.1:9']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('Cannot reach the emulator at http://127.0.0.1:9.');
    // How to start one; or, on a machine where one runs on the default port (a developer's), that one
    // (test/flows/probe-control.test.ts covers it with an emulator of its own).
    expect(r.stderr).toMatch(/Start it in another terminal with `wxauth emulator`|An emulator is running at http:\/\/127\.0\.0\.1:3900: use --emulator/);
  });

  it('refuses an unknown check id (exit 2)', async () => {
    const r = await runCli(['probe', 'http://127.0.0.1:9/auth', '--only', 'nope']);
    expect(r.code).toBe(2);
  });

  it('writes a self-contained HTML page with a diagram per scenario', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-probe-')), 'report.html');
    await probe('correct', ['--html', file]);
    const html = fs.readFileSync(file, 'utf8');
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(8);
    // Self-contained: no scripts, no stylesheets or images from elsewhere.
    expect(html).not.toMatch(/<script|<link|src="/i);
    // Each app → WeChat call sits at its time: the happy path's exchange comes after the callback hop and
    // before the signed-in page the callback redirects to, not after every hop.
    const happy = html.slice(html.indexOf('<section>'), html.indexOf('</section>'));
    const at = (label: string) => happy.indexOf(label);
    expect(at('GET /auth/callback?')).toBeGreaterThan(0);
    expect(at('GET /sns/oauth2/access_token')).toBeGreaterThan(at('GET /auth/callback?'));
    expect(at('GET /sns/oauth2/access_token')).toBeLessThan(at('GET /me'));
    // The expired code's exchange (clock moved 301 s ahead) still lands inside its scenario's time line.
    const start = html.indexOf('<h3>expired code');
    expect(start).toBeGreaterThan(0);
    const expired = html.slice(start, html.indexOf('</section>', start));
    expect(Number(/\+(\d+) ms GET \/sns\/oauth2\/access_token/.exec(expired)?.[1])).toBeLessThan(60_000);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});

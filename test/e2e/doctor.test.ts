// wxauth doctor as a user runs it: in-process (runCli) against the emulator as WeChat and local sites,
// the report in en and zh, --json, exit codes (1 on a failure, 0 with warnings only), the verifyFile
// setting, usage errors, and one spawned run that trusts a test CA through NODE_EXTRA_CA_CERTS (Node
// reads it at process start, so only a real process shows that the CLI keeps Node's trust store).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS, defaultSeed, startEmulator, type EmulatorHandle, type Seed } from '../../src/emulator/index.js';
import { emulatorEnv, freePort, parseJson, permissionTestsRunnable, runCli, runSpawned, startCli, tempConfigDir } from './helpers.js';
import { closeTunnelLessProxies, tunnelLessProxy, type TunnelLessProxy } from '../fixtures/tunnel-less-proxy.js';
import { issue, makeCa, startConnectProxy, startHttpSite, startHttpsSite, writeTemp, type Site, type TestCa } from '../flows/doctor/fixtures.js';

const TEST_APP = { appid: DEFAULT_APPIDS.test, secret: '5e1ec0de5e1ec0de5e1ec0de00000002', type: 'test' };
const SERVICE = { appid: DEFAULT_APPIDS.service, secret: '5e1ec0de5e1ec0de5e1ec0de00000001', type: 'service' };
const WHITELISTED = { appid: 'wx5e1ec0de000000a1', secret: '5e1ec0de5e1ec0de5e1ec0de000000a1', type: 'service' as const };
const CALLER_IP = '218.58.124.130';
const DOMAIN = 'www.example.com';
const VERIFY_NAME = 'MP_verify_Tok123abc.txt';

let emu: EmulatorHandle;
let ca: TestCa;
/** http sites for test accounts (an IP:port domain, no certificate). */
let ok400: Site;
let broken: Site;
let missing: Site;
/** https sites for www.example.com, reached through --connect-to. */
let selfSigned: Site;
let trusted: Site;
let plain: Site;

beforeAll(async () => {
  const seed: Seed = defaultSeed();
  seed.apps.push({ ...WHITELISTED, name: 'whitelisted', verified: true, domain: 'localhost', ipWhitelist: ['203.0.113.10'] });
  emu = await startEmulator({ seed, switches: { callerIp: CALLER_IP } });
  ca = makeCa();
  const routes = (callback: number) => ({
    [`/${VERIFY_NAME}`]: { status: 200, body: 'Tok123abc' },
    '/wechat/callback': { status: callback, body: callback === 500 ? 'Internal Server Error' : 'missing code' },
  });
  ok400 = await startHttpSite(routes(400));
  broken = await startHttpSite(routes(500));
  missing = await startHttpSite({});
  selfSigned = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90 }), routes(400));
  trusted = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), routes(400));
  plain = await startHttpSite(routes(400));
}, 60_000);

afterAll(async () => {
  await Promise.all([emu, ok400, broken, missing, selfSigned, trusted, plain].map((s) => s?.close()));
});

/** A test account whose callback is the http site on 127.0.0.1:port. */
function testAccount(site: Site, extra: Record<string, string> = {}): Record<string, string> {
  return emulatorEnv(emu, TEST_APP, {
    WXAUTH_DOMAIN: `127.0.0.1:${site.port}`,
    WXAUTH_REDIRECT_URI: `http://127.0.0.1:${site.port}/wechat/callback`,
    WXAUTH_CONFIG_DIR: tempConfigDir(),
    ...extra,
  });
}

/** A service account on www.example.com, which --connect-to sends to local sites. */
function serviceAccount(app: { appid: string; secret: string; type: string } = SERVICE, extra: Record<string, string> = {}): Record<string, string> {
  return emulatorEnv(emu, app, {
    WXAUTH_DOMAIN: DOMAIN,
    WXAUTH_REDIRECT_URI: `https://${DOMAIN}/wechat/callback`,
    WXAUTH_CONFIG_DIR: tempConfigDir(),
    ...extra,
  });
}

const connect = (https: Site) => ['--connect-to', `${DOMAIN}:443:127.0.0.1:${https.port}`, '--connect-to', `${DOMAIN}:80:127.0.0.1:${plain.port}`];

/** The report line of one check (its mark and id, then the text). */
const lineOf = (stdout: string, id: string) => stdout.split('\n').find((l) => new RegExp(`^. ${id.replace('.', '\\.')}\\s`).test(l)) ?? '';

describe('wxauth doctor (text)', () => {
  it('says why a redirect_uri cannot be reached in the user\'s words, the code in brackets (zh, en)', async () => {
    const port = await freePort();
    const env = testAccount({ port } as Site);
    const zh = await runCli(['doctor'], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(zh.code, zh.stderr).toBe(1);
    expect(lineOf(zh.stdout, 'redirect')).toContain(`http://127.0.0.1:${port}/wechat/callback 连不上：连接被拒绝（ECONNREFUSED）。`);
    const en = await runCli(['doctor'], { env });
    expect(lineOf(en.stdout, 'redirect')).toContain(`http://127.0.0.1:${port}/wechat/callback cannot be reached: connection refused (ECONNREFUSED).`);
    // --json keeps the bare code in the evidence, and says the reason in the message.
    const json = parseJson((await runCli(['doctor', '--json'], { env: { ...env, LANG: 'zh_CN.UTF-8' } })).stdout) as { checks: Array<{ id: string; message: string; evidence: Record<string, unknown> }> };
    const redirect = json.checks.find((c) => c.id === 'redirect');
    expect(redirect?.evidence.error).toBe('ECONNREFUSED');
    expect(redirect?.message).toContain('连不上：连接被拒绝（ECONNREFUSED）');
  });

  it('lists what a skipped check needs with 、 in Chinese and with commas in English', async () => {
    const env = emulatorEnv(emu, { appid: '', secret: '' }, { WXAUTH_CONFIG_DIR: tempConfigDir() });
    const zh = await runCli(['--lang', 'zh', 'doctor'], { env });
    expect(lineOf(zh.stdout, 'authorize')).toContain('跳过：需要 appid、redirectUri。');
    expect(lineOf(zh.stdout, 'domain')).toContain('跳过：需要 domain、redirectUri。');
    const en = await runCli(['--lang', 'en', 'doctor'], { env });
    expect(lineOf(en.stdout, 'authorize')).toContain('Skipped: needs appid, redirectUri.');
  });

  it('fails (exit 1) on a redirect_uri that answers 500, with the fix under it, in English', async () => {
    const r = await runCli(['doctor'], { env: testAccount(broken) });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^wxauth doctor: profile default$/m);
    expect(r.stdout).toMatch(/^Offline checks$/m);
    expect(r.stdout).toMatch(/^Online checks$/m);
    expect(lineOf(r.stdout, 'redirect')).toMatch(new RegExp(`^✖ redirect\\s+http://127\\.0\\.0\\.1:${broken.port}/wechat/callback answers 500: a server error\\.$`));
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('✖ redirect'));
    expect(lines[at + 1]).toMatch(/^\s+Fix: Read the server’s log/);
    expect(lineOf(r.stdout, 'credentials')).toMatch(/^✔ credentials\s+127\.0\.0\.1:\d+ is reachable and appid wx\w+ and its secret are right/);
    expect(lineOf(r.stdout, 'tls')).toMatch(/^- tls\s+Skipped: the redirect_uri is http/);
    expect(lineOf(r.stdout, 'verify-file')).toMatch(/^- verify-file\s+Skipped: a test account’s callback domain needs no MP_verify file\.$/);
    expect(r.stdout).toMatch(/^\d+ passed, \d+ warned, 1 failed, \d+ skipped\.$/m);
  });

  it('says the same in Chinese', async () => {
    const r = await runCli(['doctor', '--lang', 'zh'], { env: testAccount(broken) });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^本机检查$/m);
    expect(lineOf(r.stdout, 'redirect')).toMatch(/^✖ redirect\s+http:\/\/127\.0\.0\.1:\d+\/wechat\/callback 返回 500：服务器出错。$/);
    expect(r.stdout).toMatch(/^\s+怎么办：看服务器日志/m);
    expect(r.stdout).toMatch(/项失败/);
  });

  // A callback that takes the request and never answers was "cannot be reached: ETIMEDOUT", with a fix
  // about firewalls and security groups, though the server had answered the connection.
  it('a callback that takes the request and answers nothing is a hanging handler, not "cannot be reached" behind a firewall (en, zh)', async () => {
    const hung: http.ServerResponse[] = [];
    const silent = http.createServer((_req, res) => void hung.push(res));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const site = { port } as Site;
    try {
      const en = await runCli(['doctor', '--timeout', '1000'], { env: testAccount(site) });
      expect(en.code, en.stdout).toBe(1);
      expect(lineOf(en.stdout, 'redirect')).toMatch(new RegExp(`^✖ redirect\\s+http://127\\.0\\.0\\.1:${port}/wechat/callback took the connection and the request, then answered nothing within 1000 ms\\.$`));
      expect(en.stdout).toMatch(/^\s+Fix: The server is reachable \(no firewall to open\): the callback handler hangs on a hit without a code/m);
      expect(en.stdout).not.toContain('cannot be reached');
      const zh = await runCli(['doctor', '--timeout', '1000', '--lang', 'zh', '--json'], { env: testAccount(site) });
      const redirect = (parseJson(zh.stdout) as { checks: Array<{ id: string; message: string; evidence: Record<string, unknown> }> }).checks.find((c) => c.id === 'redirect');
      expect(redirect?.message).toBe(`http://127.0.0.1:${port}/wechat/callback 接受了连接，也收到了请求，但 1000 毫秒内没有任何应答。`);
      expect(redirect?.evidence).toMatchObject({ silentMs: 1000 });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  // A callback that answers 200 and never finishes its body (a Content-Length larger than what is
  // written) was "took the connection and the request, then answered nothing", with a fix about a
  // handler hanging on a hit without a code, though it had answered.
  it('a callback whose body never ends says it answered, and that the response is never finished (en, zh)', async () => {
    const open: http.ServerResponse[] = [];
    const trickle = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('<html>');
      open.push(res);
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    const port = (trickle.address() as AddressInfo).port;
    const site = { port } as Site;
    try {
      const en = await runCli(['doctor', '--timeout', '1000'], { env: testAccount(site) });
      expect(en.code, en.stdout).toBe(1);
      expect(lineOf(en.stdout, 'redirect')).toMatch(new RegExp(`^✖ redirect\\s+http://127\\.0\\.0\\.1:${port}/wechat/callback answered 200, but its body had not ended after 1000 ms\\.$`));
      expect(en.stdout).toMatch(/^\s+Fix: The server is reachable and the callback answers, but the response is never finished/m);
      expect(en.stdout).not.toContain('answered nothing');
      const zh = await runCli(['doctor', '--timeout', '1000', '--lang', 'zh', '--json'], { env: testAccount(site) });
      const redirect = (parseJson(zh.stdout) as { checks: Array<{ id: string; message: string; evidence: Record<string, unknown> }> }).checks.find((c) => c.id === 'redirect');
      expect(redirect?.message).toBe(`http://127.0.0.1:${port}/wechat/callback 返回了 200，但 1000 毫秒后响应体还没有结束。`);
      expect(redirect?.evidence).toMatchObject({ silentMs: 1000, status: 200 });
    } finally {
      trickle.closeAllConnections();
      trickle.close();
    }
  });

  it('a redirect whose body never ends is judged as the redirect it is (a browser follows it on its headers), not as a page loading forever', async () => {
    const open: http.ServerResponse[] = [];
    const trickle = http.createServer((_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere', 'content-length': '100' });
      res.write('x');
      open.push(res);
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    const site = { port: (trickle.address() as AddressInfo).port } as Site;
    try {
      const en = await runCli(['doctor', '--timeout', '1000'], { env: testAccount(site) });
      expect(lineOf(en.stdout, 'redirect')).not.toContain('body had not ended');
      expect(lineOf(en.stdout, 'redirect')).toContain('302');
    } finally {
      trickle.closeAllConnections();
      trickle.close();
    }
  });

  // Plain HTTP on the https port: redirect said "cannot be reached: EPROTO" with a fix about firewalls,
  // while the tls line below it said the handshake met plain HTTP.
  it('an https callback whose handshake fails (plain HTTP on 443) is a TLS setup to fix, not a firewall (en, zh)', async () => {
    const args = ['doctor', '--connect-to', `${DOMAIN}:443:127.0.0.1:${plain.port}`, '--connect-to', `${DOMAIN}:80:127.0.0.1:${plain.port}`];
    const en = await runCli(args, { env: serviceAccount() });
    expect(en.code).toBe(1);
    expect(lineOf(en.stdout, 'redirect')).toMatch(new RegExp(`^✖ redirect\\s+https://${DOMAIN.replace(/\./g, '\\.')}/wechat/callback took the connection, but the TLS handshake failed \\((EPROTO|ERR_SSL_\\w+)\\)\\.$`));
    expect(en.stdout).toContain(`Fix: The server is reachable (no firewall to open); the HTTPS setup of ${DOMAIN} is wrong: the tls line below says what the handshake met`);
    expect(en.stdout).not.toContain('firewalls and security groups');
    const zh = await runCli([...args, '--lang', 'zh'], { env: serviceAccount() });
    expect(lineOf(zh.stdout, 'redirect')).toContain('连上了，但 TLS 握手失败');
  });

  // A callback and its slashed twin redirecting to each other: the fix once said to make the redirect_uri
  // "the final address (as /wechat/callback/ has it)", which only redirected back.
  it('a redirect loop between the callback and its trailing-/ form is named as a loop, not fixed by "use the other address" (en, zh)', async () => {
    const loop = await startHttpSite({
      '/wechat/callback': { status: 302, headers: { location: '/wechat/callback/' } },
      '/wechat/callback/': { status: 301, headers: { location: '/wechat/callback' } },
    });
    try {
      const env = testAccount(loop);
      const en = await runCli(['doctor'], { env });
      expect(en.code, en.stdout).toBe(1);
      expect(lineOf(en.stdout, 'redirect')).toMatch(
        new RegExp(`^✖ redirect\\s+http://127\\.0\\.0\\.1:${loop.port}/wechat/callback and /wechat/callback/ redirect to each other: fetched with \\?state=… the first answers 302, to /wechat/callback/, which answers 301, back to /wechat/callback\\.`),
      );
      expect(en.stdout).toMatch(/^\s+Fix: Make one of the two addresses answer instead of redirecting/m);
      expect(en.stdout).not.toContain('Make the redirect_uri the final address');
      const zh = await runCli(['doctor', '--lang', 'zh'], { env });
      expect(zh.code).toBe(1);
      expect(lineOf(zh.stdout, 'redirect')).toContain('/wechat/callback 和 /wechat/callback/ 互相跳转');
      expect(zh.stdout).toMatch(/^\s+怎么办：让这两个地址中的一个直接应答/m);
    } finally {
      await loop.close();
    }
  });

  // Laravel's trailing-slash rule against nginx's $request_uri: /wechat/callback → /wechat/callback/ →
  // /wechat/callback, each keeping ?state=…. The query survives every hop, so doctor once passed it as
  // "answers 302, redirecting to /wechat/callback/ (not followed)" and exited 0, while the phone's browser
  // stops at "too many redirects" and the login never completes.
  it('a callback whose two forms redirect to each other keeping the query fails as a loop, and doctor dials nothing else (en, zh)', async () => {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(`${req.headers.host} ${req.url}`);
      const url = new URL(req.url ?? '/', 'http://www.example.com');
      if (url.pathname === '/wechat/callback') res.writeHead(302, { location: `/wechat/callback/${url.search}` }).end();
      else if (url.pathname === '/wechat/callback/') res.writeHead(302, { location: `http://www.example.com/wechat/callback${url.search}` }).end();
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const env = emulatorEnv(emu, TEST_APP, { WXAUTH_DOMAIN: DOMAIN, WXAUTH_REDIRECT_URI: `http://${DOMAIN}/wechat/callback`, WXAUTH_CONFIG_DIR: tempConfigDir() });
      const args = ['doctor', '--connect-to', `${DOMAIN}:80:127.0.0.1:${port}`];
      const en = await runCli(args, { env });
      expect(en.code, en.stdout).toBe(1);
      expect(lineOf(en.stdout, 'redirect').replace(/^✖ redirect\s+/, '')).toBe(
        `http://${DOMAIN}/wechat/callback redirects in a loop: fetched with ?state=… it answers 302 → /wechat/callback/?state=wxauthdoctor, 302 → http://${DOMAIN}/wechat/callback?state=wxauthdoctor, back to an address already fetched. The query is kept, but the browser WeChat opens goes round until it gives up (“too many redirects”), so the callback never runs.`,
      );
      expect(en.stdout).toMatch(/^\s+Fix: Make one form of the callback address answer instead of redirecting .*set the redirect_uri to exactly the form the server answers, with or without the trailing \//m);
      // The plain fetch, the stated one, and one hop: the next address was fetched already, so not again.
      expect(hits).toEqual([`${DOMAIN} /wechat/callback`, `${DOMAIN} /wechat/callback?state=wxauthdoctor`, `${DOMAIN} /wechat/callback/?state=wxauthdoctor`]);
      const zh = await runCli([...args, '--lang', 'zh'], { env });
      expect(zh.code).toBe(1);
      expect(lineOf(zh.stdout, 'redirect')).toContain(`http://${DOMAIN}/wechat/callback 陷入循环跳转：带上 ?state=… 访问时依次是 302 → /wechat/callback/?state=wxauthdoctor、302 → http://${DOMAIN}/wechat/callback?state=wxauthdoctor，又回到了已经访问过的地址`);
      expect(zh.stdout).toMatch(/^\s+怎么办：让回调地址的一种写法直接应答/m);
      const json = parseJson((await runCli([...args, '--json'], { env })).stdout) as { checks: Array<{ id: string; status: string; evidence: Record<string, unknown> }> };
      expect(json.checks.find((c) => c.id === 'redirect')).toMatchObject({ status: 'fail', evidence: { chain: expect.stringContaining('302 /wechat/callback/?state=wxauthdoctor') } });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  /** A plain http server for www.example.com's port 80 (reached with --connect-to), logging what it was asked. */
  async function callbackSite(answer: (url: URL, res: http.ServerResponse) => void): Promise<{ port: number; hits: string[]; close: () => void }> {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      answer(new URL(req.url ?? '/', `http://${DOMAIN}`), res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      hits,
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }

  // A trailing-slash rule sending the callback to a form the app has no route for (404), or to one that
  // crashes (502): the real callback, code and all, ends there. Once ✔ "followed to …, which answers
  // 404", exit 0.
  it('a followed redirect that lands on a 404 or a 5xx is judged as the callback answering it, with the chain (en, zh, --json)', async () => {
    const site = await callbackSite((url, res) => {
      if (url.pathname === '/nf' || url.pathname === '/err') res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      else if (url.pathname === '/nf/') res.writeHead(404).end('not found');
      else res.writeHead(502).end('bad gateway');
    });
    try {
      const run = (path: string, ...extra: string[]) =>
        runCli(['doctor', '--connect-to', `${DOMAIN}:80:127.0.0.1:${site.port}`, ...extra], {
          env: emulatorEnv(emu, TEST_APP, { WXAUTH_DOMAIN: DOMAIN, WXAUTH_REDIRECT_URI: `http://${DOMAIN}${path}`, WXAUTH_CONFIG_DIR: tempConfigDir() }),
        });
      const nf = await run('/nf');
      expect(lineOf(nf.stdout, 'redirect')).toBe(
        `! redirect      http://${DOMAIN}/nf redirects (fetched with ?state=… it answers 301 → /nf/?state=wxauthdoctor); where it lands: http://${DOMAIN}/nf/?state=wxauthdoctor answers 404: that is what users will see when WeChat sends them back with a code.`,
      );
      expect(nf.stdout).toMatch(/^\s+Fix: Make sure the callback route exists and takes GET/m);
      const err = await run('/err');
      expect(err.code, err.stdout).toBe(1);
      expect(lineOf(err.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/err redirects (fetched with ?state=… it answers 301 → /err/?state=wxauthdoctor); where it lands: http://${DOMAIN}/err/?state=wxauthdoctor answers 502: a server error.`,
      );
      const zh = await run('/err', '--lang', 'zh');
      expect(zh.code).toBe(1);
      expect(lineOf(zh.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/err 会跳转（带上 ?state=… 访问时依次是 301 → /err/?state=wxauthdoctor），跳转的终点：http://${DOMAIN}/err/?state=wxauthdoctor 返回 502：服务器出错。`,
      );
      expect(zh.stdout).toMatch(/^\s+怎么办：看服务器日志/m);
      const json = parseJson((await run('/err', '--json')).stdout) as { checks: Array<{ id: string; status: string; evidence: Record<string, unknown> }> };
      expect(json.checks.find((c) => c.id === 'redirect')).toMatchObject({ status: 'fail', evidence: { chain: '301 /err/?state=wxauthdoctor', landedUrl: `http://${DOMAIN}/err/?state=wxauthdoctor`, landedStatus: 502 } });
    } finally {
      site.close();
    }
  });

  // A rule adding one more / on every hop, keeping the query: no address comes back, so it was no loop,
  // and doctor passed a chain the phone's browser ends with "too many redirects".
  it('a chain still redirecting along the callback’s path after 4 hops warns with the chain, and doctor fetches no more (en, zh)', async () => {
    const site = await callbackSite((url, res) => res.writeHead(302, { location: `${url.pathname}/${url.search}` }).end());
    try {
      const env = emulatorEnv(emu, TEST_APP, { WXAUTH_DOMAIN: DOMAIN, WXAUTH_REDIRECT_URI: `http://${DOMAIN}/cb`, WXAUTH_CONFIG_DIR: tempConfigDir() });
      const args = ['doctor', '--connect-to', `${DOMAIN}:80:127.0.0.1:${site.port}`];
      const en = await runCli(args, { env });
      const chain = [1, 2, 3, 4, 5].map((n) => `302 → /cb${'/'.repeat(n)}?state=wxauthdoctor`);
      expect(lineOf(en.stdout, 'redirect')).toBe(
        `! redirect      http://${DOMAIN}/cb is still redirecting after 5 redirects: fetched with ?state=… it answers ${chain.join(', ')}, each to an address not fetched before, and doctor follows no further. A browser gives up after 20 (“too many redirects”), and a callback address needs two at most (http → https, a trailing /); a rule that rewrites the address anew on every hop (one more / each time, a parameter appended again) usually never reaches the callback.`,
      );
      expect(en.stdout).toMatch(/^\s+Fix: Compare the addresses above to see what each hop adds/m);
      // The plain fetch, the stated one, and 4 hops.
      expect(site.hits).toEqual(['/cb', '/cb?state=wxauthdoctor', ...[1, 2, 3, 4].map((n) => `/cb${'/'.repeat(n)}?state=wxauthdoctor`)]);
      const zh = await runCli([...args, '--lang', 'zh'], { env });
      expect(lineOf(zh.stdout, 'redirect')).toContain(`! redirect      http://${DOMAIN}/cb 跳转了 5 次还在跳：带上 ?state=… 访问时依次是 ${chain.join('、')}，每一跳都是没访问过的新地址`);
      expect(zh.stdout).toMatch(/^\s+怎么办：对比上面的地址，看每一跳加了什么/m);
    } finally {
      site.close();
    }
  });

  // Gaps of the followed chain, on one server: a later hop that drops the query (only the first
  // redirect was checked), a callback that redirects a bare hit but crashes on one with a query (✔ "not
  // followed"), or answers 400 to it (✔ "(not followed)", as if doctor had skipped the address WeChat's
  // redirect meets), and an http callback sent to an https whose handshake fails or where nothing
  // listens (the fix pointed at the tls line, which an http redirect_uri skips; the scheme line said
  // "use the https callback"). Port 443 is mapped to the same plain-HTTP server, 8443 to a closed port.
  it('a later hop dropping the query, a stated fetch answering itself, an unserved https from an http callback: each said as it is (en, zh)', async () => {
    const closed = await freePort();
    const site = await callbackSite((url, res) => {
      if (url.pathname === '/hop') res.writeHead(301, { location: `/hop/${url.search}` }).end();
      else if (url.pathname === '/hop/') res.writeHead(301, { location: '/hop//' }).end();
      else if (url.pathname === '/crash' && url.search === '') res.writeHead(302, { location: '/login' }).end();
      else if (url.pathname === '/crash') res.writeHead(502).end('bad gateway');
      else if (url.pathname === '/refuses' && url.search === '') res.writeHead(302, { location: '/login' }).end();
      else if (url.pathname === '/tls') res.writeHead(301, { location: `https://${DOMAIN}/tls${url.search}` }).end();
      else if (url.pathname === '/closed') res.writeHead(301, { location: `https://${DOMAIN}:8443/closed${url.search}` }).end();
      else if (url.pathname === '/drops') res.writeHead(301, { location: `https://${DOMAIN}/drops` }).end();
      else if (url.pathname === '/home') res.writeHead(301, { location: `https://${DOMAIN}/` }).end();
      else if (url.pathname === '/homeClosed') res.writeHead(301, { location: `https://${DOMAIN}:8443/` }).end();
      else res.writeHead(400).end('missing code');
    });
    try {
      const run = (path: string, ...extra: string[]) =>
        runCli(['doctor', '--connect-to', `${DOMAIN}:80:127.0.0.1:${site.port}`, '--connect-to', `${DOMAIN}:443:127.0.0.1:${site.port}`, '--connect-to', `${DOMAIN}:8443:127.0.0.1:${closed}`, ...extra], {
          env: emulatorEnv(emu, TEST_APP, { WXAUTH_DOMAIN: DOMAIN, WXAUTH_REDIRECT_URI: `http://${DOMAIN}${path}`, WXAUTH_CONFIG_DIR: tempConfigDir() }),
        });
      const hop = await run('/hop');
      expect(hop.code, hop.stdout).toBe(1);
      expect(lineOf(hop.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/hop redirects, dropping the query on the way: fetched with ?state=… it answers 301 → /hop/?state=wxauthdoctor, keeping it so far; then http://${DOMAIN}/hop/?state=wxauthdoctor answers 301, to /hop//, without it. The code and state WeChat appends to the callback are lost on that hop; the callback never gets them.`,
      );
      expect(hop.stdout).toMatch(new RegExp(`^\\s+Fix: Make the redirect_uri the final address \\(as http://${DOMAIN}/hop// has it`, 'm'));
      const hopZh = await run('/hop', '--lang', 'zh');
      expect(lineOf(hopZh.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/hop 会跳转，而且中途丢掉了查询参数：带上 ?state=… 访问时依次是 301 → /hop/?state=wxauthdoctor，到这里查询参数都还在；接着 http://${DOMAIN}/hop/?state=wxauthdoctor 返回 301，跳到 /hop//，查询参数没了。微信在回调地址后面加的 code 和 state 在这一跳丢失，回调收不到。`,
      );

      const crash = await run('/crash');
      expect(crash.code, crash.stdout).toBe(1);
      expect(lineOf(crash.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/crash answers 302, redirecting to /login; but fetched with a query (?state=…, as WeChat’s redirect comes), it answers itself: http://${DOMAIN}/crash?state=wxauthdoctor answers 502: a server error.`,
      );
      expect(crash.stdout).toMatch(/^\s+Fix: Read the server’s log/m);
      const crashZh = await run('/crash', '--lang', 'zh');
      expect(lineOf(crashZh.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/crash 返回 302，跳转到 /login；但带上查询参数（?state=…，微信跳转回来时就带着参数）访问时，它不跳转，直接应答：http://${DOMAIN}/crash?state=wxauthdoctor 返回 502：服务器出错。`,
      );

      const refuses = await run('/refuses');
      expect(lineOf(refuses.stdout, 'redirect')).toBe(
        `✔ redirect      http://${DOMAIN}/refuses answers 302, redirecting to /login; fetched with a query (?state=…, as WeChat’s redirect comes) it does not redirect: http://${DOMAIN}/refuses?state=wxauthdoctor answers 400 itself.`,
      );
      expect(refuses.stdout).not.toContain('not followed');
      const refusesZh = await run('/refuses', '--lang', 'zh');
      expect(lineOf(refusesZh.stdout, 'redirect')).toBe(
        `✔ redirect      http://${DOMAIN}/refuses 返回 302，跳转到 /login；带上查询参数（?state=…，微信跳转回来时就带着参数）访问时不跳转：http://${DOMAIN}/refuses?state=wxauthdoctor 直接返回 400。`,
      );

      const tls = await run('/tls');
      expect(tls.code, tls.stdout).toBe(1);
      expect(lineOf(tls.stdout, 'redirect')).toMatch(new RegExp(`where it lands: https://${DOMAIN}/tls\\?state=wxauthdoctor took the connection, but the TLS handshake failed \\((EPROTO|ERR_SSL_\\w+)\\)\\.$`));
      expect(lineOf(tls.stdout, 'tls')).toMatch(/^- tls\s+Skipped: the redirect_uri is http/);
      expect(tls.stdout).toMatch(new RegExp(`^\\s+Fix: .*The redirect_uri is http, so the tls line below does not check the https address it is sent to: openssl s_client -connect ${DOMAIN}:443 -servername ${DOMAIN} shows what the handshake meets\\.$`, 'm'));
      expect(tls.stdout).not.toContain('the tls line below says what the handshake met');
      const tlsZh = await run('/tls', '--lang', 'zh');
      expect(tlsZh.stdout).toMatch(new RegExp(`^\\s+怎么办：.*redirect_uri 用的是 http，下面的 tls 一行不检查它跳去的 https 地址；用 openssl s_client -connect ${DOMAIN}:443 -servername ${DOMAIN} 看握手遇到了什么。$`, 'm'));
      // The scheme line: not "use the https callback", which would meet the same handshake.
      const schemeFix = (stdout: string) => stdout.split('\n')[stdout.split('\n').indexOf(lineOf(stdout, 'scheme')) + 1] ?? '';
      expect(lineOf(tls.stdout, 'scheme')).toBe(`! scheme        The redirect_uri uses http, but the server redirects to https://${DOMAIN}/tls: the schemes differ and the code may be lost on the way.`);
      expect(schemeFix(tls.stdout)).toMatch(
        new RegExp(`^\\s+Fix: Not the https callback yet: https://${DOMAIN} takes the connection, but the TLS handshake fails \\((EPROTO|ERR_SSL_\\w+)\\), so with an https redirect_uri WeChat’s redirect would stop there just the same\\. Serve HTTPS on ${DOMAIN} with a valid certificate first, then: wxauth config set redirectUri https://${DOMAIN}/tls; or keep the http callback and remove the rule that sends it to https \\(WeChat’s documentation says the callback should use https, but http callbacks are seen to work\\)\\.$`),
      );
      expect(schemeFix(tlsZh.stdout)).toMatch(
        new RegExp(`^\\s+怎么办：现在还不能改用 https 回调：https://${DOMAIN} 连得上，但 TLS 握手失败（(EPROTO|ERR_SSL_\\w+)）；redirect_uri 改成 https，微信的跳转也会停在那里。先在 ${DOMAIN} 上配好 HTTPS 和有效的证书，再改用 https：wxauth config set redirectUri https://${DOMAIN}/tls；或者继续用 http 回调，去掉把回调地址跳转到 https 的规则（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）。$`),
      );
      expect(tls.stdout).not.toContain('Use the https callback');
      const closedEn = await run('/closed');
      // The https callback it names keeps the port the server sends it to (it was https://…/closed).
      expect(schemeFix(closedEn.stdout)).toMatch(
        new RegExp(`^\\s+Fix: Not the https callback yet: https://${DOMAIN}:8443 cannot be reached: connection refused \\(ECONNREFUSED\\), so with an https redirect_uri .* then: wxauth config set redirectUri https://${DOMAIN}:8443/closed; or keep`),
      );
      // Where the redirect lands unreachable, zh's placeholder has matching brackets (it was ‹该地址>).
      const closedZh = await run('/closed', '--lang', 'zh');
      expect(closedZh.stdout).toContain('wxauth config set redirectUri <该地址>，再重新生成授权链接');
      expect(closedZh.stdout).not.toContain('‹');

      // A redirect dropping the query, to an https whose handshake fails (plain HTTP on 443): the fix
      // said "make the redirect_uri the final address", which would stop at the same handshake.
      const drops = await run('/drops');
      expect(lineOf(drops.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/drops redirects, dropping the query: fetched with ?state=… it answers 301, to https://${DOMAIN}/drops. The code and state WeChat appends to the callback are lost on this hop; the callback never gets them.`,
      );
      const redirectFix = (stdout: string) => (stdout.split('\n')[stdout.split('\n').indexOf(lineOf(stdout, 'redirect')) + 1] ?? '').trim();
      expect(redirectFix(drops.stdout)).toMatch(
        new RegExp(`^Fix: Have the server keep the query on this hop \\(nginx: return 301 \\$scheme://\\$host\\$request_uri;, not \\$uri alone\\)\\. Not the address it redirects to as the redirect_uri, yet: https://${DOMAIN}/drops takes the connection, but the TLS handshake fails \\((EPROTO|ERR_SSL_\\w+)\\), so WeChat’s redirect would stop there just the same until that is fixed\\.$`),
      );
      expect(drops.stdout).not.toContain('Make the redirect_uri the final address');
      // Sent to https on another path, which doctor does not follow, so only its handshake was probed:
      // it fails (plain HTTP on 443) or nothing listens (8443), and "Use the https callback" would meet that.
      const home = await run('/home');
      expect(lineOf(home.stdout, 'scheme')).toBe(`! scheme        The redirect_uri uses http, but the server redirects to https://${DOMAIN}/: the schemes differ and the code may be lost on the way.`);
      expect(schemeFix(home.stdout)).toMatch(
        new RegExp(`^\\s+Fix: Not the https callback yet: https://${DOMAIN} takes the connection, but the TLS handshake fails \\((EPROTO|ERR_SSL_\\w+)\\), so with an https redirect_uri WeChat’s redirect would stop there just the same\\. Serve HTTPS on ${DOMAIN} with a valid certificate first, then: wxauth config set redirectUri https://${DOMAIN}/home; or keep`),
      );
      expect(home.stdout).not.toContain('Use the https callback');
      const homeZh = await run('/home', '--lang', 'zh');
      expect(schemeFix(homeZh.stdout)).toMatch(new RegExp(`^\\s+怎么办：现在还不能改用 https 回调：https://${DOMAIN} 连得上，但 TLS 握手失败（(EPROTO|ERR_SSL_\\w+)）；`));
      expect(homeZh.stdout).not.toContain('改用 https 的回调地址');
      const homeClosed = await run('/homeClosed');
      expect(schemeFix(homeClosed.stdout)).toMatch(new RegExp(`^\\s+Fix: Not the https callback yet: https://${DOMAIN}:8443 cannot be reached: connection refused \\(ECONNREFUSED\\), so`));

      const dropsZh = await run('/drops', '--lang', 'zh');
      expect(redirectFix(dropsZh.stdout)).toMatch(
        new RegExp(`^怎么办：让服务器在这一跳保留查询参数（nginx：return 301 \\$scheme://\\$host\\$request_uri;，不要只写 \\$uri）。现在还不能把 redirect_uri 设成跳转后的地址：https://${DOMAIN}/drops 连得上，但 TLS 握手失败（(EPROTO|ERR_SSL_\\w+)），微信的跳转也会停在那里，要先让它能正常访问。$`),
      );
    } finally {
      site.close();
    }
  });

  // An http callback the server sends to https on a self-signed certificate: doctor's GETs take any
  // certificate, so the scheme line said "Use the https callback", which would stop WeChat's browser at
  // that certificate, and the verify file served there passed. The tls line skips an http redirect_uri,
  // so both say what is wrong with the certificate and how to fix it.
  it('an http callback sent to an https on a self-signed certificate: fix the certificate first; its verify file warns (en, zh)', async () => {
    const site = await callbackSite((url, res) => {
      if (url.pathname === '/wechat/callback') res.writeHead(301, { location: `https://${DOMAIN}/wechat/callback${url.search}` }).end();
      else if (url.pathname === '/drops') res.writeHead(301, { location: `https://${DOMAIN}/drops` }).end();
      else res.writeHead(404).end('not found');
    });
    try {
      const run = (...extra: string[]) =>
        runCli(['doctor', '--verify-file', VERIFY_NAME, '--connect-to', `${DOMAIN}:80:127.0.0.1:${site.port}`, '--connect-to', `${DOMAIN}:443:127.0.0.1:${selfSigned.port}`, ...extra], {
          env: serviceAccount(SERVICE, { WXAUTH_REDIRECT_URI: `http://${DOMAIN}/wechat/callback` }),
        });
      const next = (stdout: string, id: string) => (stdout.split('\n')[stdout.split('\n').indexOf(lineOf(stdout, id)) + 1] ?? '').trim();
      const en = await run();
      // Where the redirect lands: WeChat's browser stops at that certificate (it was ✔ "followed to …, which answers 400").
      expect(en.code, en.stdout).toBe(1);
      expect(lineOf(en.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/wechat/callback redirects (fetched with ?state=… it answers 301 → https://${DOMAIN}/wechat/callback?state=wxauthdoctor); where it lands: https://${DOMAIN}/wechat/callback?state=wxauthdoctor answers 400, but on a certificate WeChat’s browser refuses: The certificate of ${DOMAIN} is self-signed (${DOMAIN}): phones and WeChat do not trust it.`,
      );
      expect(next(en.stdout, 'redirect')).toBe(
        `Fix: WeChat’s browser stops at that certificate, so the callback never runs. The tls line below does not judge ${DOMAIN}: it checks only an https redirect_uri’s own host and port. Fix the certificate: Use a certificate from a public CA (e.g. Let’s Encrypt). Or remove the rule that sends the callback to https://${DOMAIN}.`,
      );
      expect(lineOf(en.stdout, 'tls')).toMatch(/^- tls\s+Skipped: the redirect_uri is http/);
      expect(lineOf(en.stdout, 'scheme')).toBe(`! scheme        The redirect_uri uses http, but the server redirects to https://${DOMAIN}/wechat/callback: the schemes differ and the code may be lost on the way.`);
      expect(next(en.stdout, 'scheme')).toBe(
        `Fix: Not the https callback yet. The certificate of ${DOMAIN} is self-signed (${DOMAIN}): phones and WeChat do not trust it. With an https redirect_uri, WeChat’s redirect would stop at that certificate just the same. First: Use a certificate from a public CA (e.g. Let’s Encrypt). Then: wxauth config set redirectUri https://${DOMAIN}/wechat/callback. Or keep the http callback and remove the rule that sends it to https (WeChat’s documentation says the callback should use https, but http callbacks are seen to work).`,
      );
      expect(en.stdout).not.toContain('Use the https callback');
      expect(lineOf(en.stdout, 'verify-file')).toMatch(/^! verify-file\s+https:\/\/www\.example\.com\/MP_verify_Tok123abc\.txt answers 200 with the right content, but on a certificate that is not valid/);
      // No tls line judges it: the fix says the tls check's own fix.
      expect(next(en.stdout, 'verify-file')).toBe(
        `Fix: Serve ${VERIFY_NAME} over http as well (http://${DOMAIN}/${VERIFY_NAME}), or fix the certificate: Use a certificate from a public CA (e.g. Let’s Encrypt).`,
      );
      const zh = await run('--lang', 'zh');
      expect(lineOf(zh.stdout, 'redirect')).toBe(
        `✖ redirect      http://${DOMAIN}/wechat/callback 会跳转（带上 ?state=… 访问时依次是 301 → https://${DOMAIN}/wechat/callback?state=wxauthdoctor），跳转的终点：https://${DOMAIN}/wechat/callback?state=wxauthdoctor 返回 400，但它的证书会被微信内置浏览器拒绝：${DOMAIN} 的证书是自签名的（${DOMAIN}）：手机和微信不信任它。`,
      );
      expect(next(zh.stdout, 'redirect')).toBe(
        `怎么办：微信内置浏览器会停在这张证书上，回调不会执行。下面的 tls 一行不检查 ${DOMAIN}：它只检查 https 的 redirect_uri 本身的主机和端口。先处理证书：换成公开 CA 签发的证书（例如 Let’s Encrypt）。或者去掉把回调地址跳转到 https://${DOMAIN} 的规则。`,
      );
      expect(next(zh.stdout, 'scheme')).toBe(
        `怎么办：现在还不能改用 https 回调。${DOMAIN} 的证书是自签名的（${DOMAIN}）：手机和微信不信任它。redirect_uri 改成 https，微信的跳转也会停在这张证书上。先处理证书：换成公开 CA 签发的证书（例如 Let’s Encrypt）。然后再改用 https：wxauth config set redirectUri https://${DOMAIN}/wechat/callback。或者继续用 http 回调，去掉把回调地址跳转到 https 的规则（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）。`,
      );
      expect(next(zh.stdout, 'verify-file')).toBe(`怎么办：让 http://${DOMAIN}/${VERIFY_NAME} 也能直接取到 ${VERIFY_NAME}，或者修好证书：换成公开 CA 签发的证书（例如 Let’s Encrypt）。`);
      // A redirect dropping the query, to that https: "make the redirect_uri the final address" named an
      // address WeChat's browser would stop at just the same.
      const drops = await runCli(['doctor', '--connect-to', `${DOMAIN}:80:127.0.0.1:${site.port}`, '--connect-to', `${DOMAIN}:443:127.0.0.1:${selfSigned.port}`], {
        env: serviceAccount(SERVICE, { WXAUTH_REDIRECT_URI: `http://${DOMAIN}/drops` }),
      });
      expect(next(drops.stdout, 'redirect')).toBe(
        `Fix: Have the server keep the query on this hop (nginx: return 301 $scheme://$host$request_uri;, not $uri alone). Not the address it redirects to as the redirect_uri, yet: https://${DOMAIN}/drops answers on a certificate WeChat’s browser refuses (DEPTH_ZERO_SELF_SIGNED_CERT), so WeChat’s redirect would stop there just the same until that is fixed.`,
      );
      const dropsZh = await runCli(['doctor', '--lang', 'zh', '--connect-to', `${DOMAIN}:80:127.0.0.1:${site.port}`, '--connect-to', `${DOMAIN}:443:127.0.0.1:${selfSigned.port}`], {
        env: serviceAccount(SERVICE, { WXAUTH_REDIRECT_URI: `http://${DOMAIN}/drops` }),
      });
      expect(next(dropsZh.stdout, 'redirect')).toBe(
        `怎么办：让服务器在这一跳保留查询参数（nginx：return 301 $scheme://$host$request_uri;，不要只写 $uri）。现在还不能把 redirect_uri 设成跳转后的地址：https://${DOMAIN}/drops 的证书会被微信内置浏览器拒绝（DEPTH_ZERO_SELF_SIGNED_CERT），微信的跳转也会停在那里，要先让它能正常访问。`,
      );
    } finally {
      site.close();
    }
  });

  // The scheme line read only the first Location: an http callback whose server adds a slash on http
  // first, then sends it to https (http /sl → http /sl/ → https /sl/), got "✔ scheme … uses http, and the
  // server answers on http" under a redirect line that followed it to https.
  it('an http callback turned to https only after a slash redirect: the scheme line names the hop that turns, and the certificate there (en, zh)', async () => {
    const site = await callbackSite((url, res) => {
      if (url.pathname === '/sl') res.writeHead(301, { location: `http://${DOMAIN}/sl/${url.search}` }).end();
      else if (url.pathname === '/sl/') res.writeHead(301, { location: `https://${DOMAIN}/sl/${url.search}` }).end();
      else res.writeHead(404).end('not found');
    });
    const https = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90 }), { '/sl/': { status: 400, body: 'missing code' } });
    try {
      const run = (...extra: string[]) =>
        runCli(['doctor', '--connect-to', `${DOMAIN}:80:127.0.0.1:${site.port}`, '--connect-to', `${DOMAIN}:443:127.0.0.1:${https.port}`, ...extra], {
          env: serviceAccount(SERVICE, { WXAUTH_REDIRECT_URI: `http://${DOMAIN}/sl` }),
        });
      const next = (stdout: string, id: string) => (stdout.split('\n')[stdout.split('\n').indexOf(lineOf(stdout, id)) + 1] ?? '').trim();
      const en = await run();
      expect(lineOf(en.stdout, 'scheme')).toBe(
        `! scheme        The redirect_uri uses http, and the server first redirects it on http (to http://${DOMAIN}/sl/), but http://${DOMAIN}/sl/?state=wxauthdoctor then redirects to https://${DOMAIN}/sl/?state=wxauthdoctor: the schemes differ and the code may be lost on the way.`,
      );
      // The certificate where the chain turned to https is the one judged: "use the https callback" is not advised on it.
      expect(next(en.stdout, 'scheme')).toBe(
        `Fix: Not the https callback yet. The certificate of ${DOMAIN} is self-signed (${DOMAIN}): phones and WeChat do not trust it. With an https redirect_uri, WeChat’s redirect would stop at that certificate just the same. First: Use a certificate from a public CA (e.g. Let’s Encrypt). Then: wxauth config set redirectUri https://${DOMAIN}/sl/. Or keep the http callback and remove the rule that sends it to https (WeChat’s documentation says the callback should use https, but http callbacks are seen to work).`,
      );
      expect(en.stdout).not.toContain('Use the https callback');
      const zh = await run('--lang', 'zh');
      expect(lineOf(zh.stdout, 'scheme')).toBe(
        `! scheme        redirect_uri 用 http，服务器先在 http 上跳转（到 http://${DOMAIN}/sl/），接着 http://${DOMAIN}/sl/?state=wxauthdoctor 又跳转到 https://${DOMAIN}/sl/?state=wxauthdoctor：协议不一致，code 可能在跳转中丢失。`,
      );
      expect(next(zh.stdout, 'scheme')).toMatch(/^怎么办：现在还不能改用 https 回调。/);
      expect(next(zh.stdout, 'scheme')).toContain(`然后再改用 https：wxauth config set redirectUri https://${DOMAIN}/sl/。`);
      // --json: the hop that turned, in the evidence.
      const json = parseJson((await run('--json')).stdout) as { checks: Array<{ id: string; status: string; evidence: Record<string, unknown> }> };
      expect(json.checks.find((c) => c.id === 'scheme')).toMatchObject({
        status: 'warn',
        evidence: { httpsHop: `http://${DOMAIN}/sl/?state=wxauthdoctor`, httpsLocation: `https://${DOMAIN}/sl/?state=wxauthdoctor`, certificate: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      });
    } finally {
      site.close();
      await https.close();
    }
  });

  // A Location no browser follows once read as a dropped query, with "make file:///wechat/callback the
  // redirect_uri" as the fix, and doctor dialled localhost:80 for it.
  it('a callback redirecting to file:// fails as no web address and sends doctor nowhere else (en, zh)', async () => {
    const bad = await startHttpSite({ '/wechat/callback': { status: 302, headers: { location: 'file:///wechat/callback' } } });
    try {
      const env = testAccount(bad);
      const en = await runCli(['doctor'], { env });
      expect(en.code, en.stdout).toBe(1);
      expect(lineOf(en.stdout, 'redirect')).toContain(
        `http://127.0.0.1:${bad.port}/wechat/callback answers 302, redirecting to file:///wechat/callback: that is not a web (http/https) address`,
      );
      expect(en.stdout).toMatch(/^\s+Fix: Have the callback answer itself, or redirect to an http\(s\) address on your site/m);
      expect(en.stdout).not.toContain('Make the redirect_uri the final address');
      const zh = await runCli(['doctor', '--lang', 'zh'], { env });
      expect(lineOf(zh.stdout, 'redirect')).toContain('跳到 file:///wechat/callback：这不是网页地址（http/https）');
      const json = parseJson((await runCli(['doctor', '--json'], { env })).stdout) as { checks: Array<{ id: string; status: string }> };
      expect(json.checks.find((c) => c.id === 'redirect')?.status).toBe('fail');
    } finally {
      await bad.close();
    }
  });

  it('exits 0 when there are only warnings (a callback path that answers 404)', async () => {
    const r = await runCli(['doctor'], { env: testAccount(missing) });
    expect(r.code, r.stdout).toBe(0);
    expect(lineOf(r.stdout, 'redirect')).toMatch(/^! redirect\s+.* answers 404: that is what users will see/);
    expect(r.stdout).not.toMatch(/^✖/m);
  });

  it('a 404 from an API base with a wrong path says the base is wrong and where it came from, not that the server failed (en, zh)', async () => {
    const wrong = `${emu.url}/__emulator/seed`;
    const en = await runCli(['doctor', '--api-base', wrong], { env: testAccount(ok400) });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`Fix: Nothing answers /cgi-bin/stable_token at ${wrong}, so the API base is probably wrong (it came from the --api-base flag).`);
    expect(en.stdout).not.toContain('The server failed');
    const zh = await runCli(['doctor', '--lang', 'zh'], { env: testAccount(ok400, { WXAUTH_API_BASE: wrong }) });
    expect(zh.stdout).toContain(`${wrong} 上没有 /cgi-bin/stable_token 这个接口，多半是接口地址写错了（来源：环境变量 WXAUTH_API_BASE）。`);
  });

  it('an https:// API base on the emulator (plain HTTP) says to use http://, in doctor and in token (en, zh)', async () => {
    const https = emu.url.replace(/^http:/, 'https:');
    const host = new URL(emu.url).host;
    const en = await runCli(['doctor', '--api-base', https], { env: testAccount(ok400) });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`Fix: ${host} answered in plain HTTP, not TLS: the API base should be ${emu.url} (it came from the --api-base flag).`);
    expect(en.stdout).not.toContain('NODE_EXTRA_CA_CERTS');
    const token = await runCli(['--lang', 'zh', 'token'], { env: testAccount(ok400, { WXAUTH_API_BASE: https, WXAUTH_BACKUP_API_BASE: https }) });
    expect(token.code).toBe(5);
    expect(token.stderr).toContain(`→ ${host} 用明文 HTTP 响应，不是 TLS：接口地址应当是 ${emu.url} （来源：环境变量 WXAUTH_API_BASE）。`);
  });

  it('names the IP WeChat saw for 40164 and where to whitelist it (zh)', async () => {
    // WeChat's own API host, dialled at the emulator.
    const asWechat = ['--api-base', 'http://api.weixin.qq.com', '--connect-to', `api.weixin.qq.com:80:127.0.0.1:${new URL(emu.url).port}`];
    const r = await runCli(['doctor', '--lang', 'zh', ...connect(trusted), ...asWechat], { env: serviceAccount(WHITELISTED) });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'credentials')).toContain(`本机的出口 IP ${CALLER_IP} 不在 IP 白名单里（40164）`);
    expect(r.stdout).toContain(`设置与开发 → 基本配置 → IP白名单」添加 ${CALLER_IP}`);
  });

  // Against the emulator the fix once sent the user to the 公众号 console to add the address; the
  // whitelist is the emulator's own (--ip-whitelist), as proxy's ip.whitelist says.
  it('a 40164 from an API base that is not WeChat’s (the emulator) names that host’s whitelist, not the console’s (en, zh)', async () => {
    const host = new URL(emu.url).host;
    const en = await runCli(['doctor', ...connect(trusted)], { env: serviceAccount(WHITELISTED) });
    expect(en.code).toBe(1);
    expect(lineOf(en.stdout, 'credentials')).toContain(`${host} refused the call for ${WHITELISTED.appid} (40164): the address it saw, ${CALLER_IP}, is not in the IP whitelist. ${host} is not WeChat’s API host`);
    expect(en.stdout).toContain(`Fix: When ${host} is the wxauth emulator: restart it without --ip-whitelist for ${WHITELISTED.appid}, or with --ip-whitelist ${WHITELISTED.appid}=${CALLER_IP}`);
    expect(en.stdout).not.toContain('This machine’s egress IP');
    const zh = await runCli(['doctor', '--lang', 'zh', ...connect(trusted)], { env: serviceAccount(WHITELISTED) });
    expect(lineOf(zh.stdout, 'credentials')).toContain(`${host} 拒绝了 ${WHITELISTED.appid} 的调用（40164）`);
    expect(zh.stdout).toContain(`怎么办：${host} 是 wxauth 模拟器时：重启它并去掉 ${WHITELISTED.appid} 的 --ip-whitelist`);
  });

  it('names a wrong secret (40125) and never prints it', async () => {
    const secret = 'ab'.repeat(16);
    const r = await runCli(['doctor', ...connect(trusted)], { env: serviceAccount({ ...SERVICE, secret }) });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'credentials')).toContain('The AppSecret of appid');
    expect(lineOf(r.stdout, 'credentials')).toContain('(40125 invalid appsecret)');
    expect(r.stdout + r.stderr).not.toContain(secret);
    // The secret came from WXAUTH_SECRET, which overrides the profile: config set would not help.
    expect(r.stdout).toContain('fix the WXAUTH_SECRET environment variable: this secret came from it');
    expect(r.stdout).not.toContain('wxauth config set secret');
  });

  it('sends a website app to the Open Platform for its AppSecret, and a saved secret to config set (zh)', async () => {
    const dir = tempConfigDir();
    // Everything saved in profile web; only the emulator's addresses come from the environment.
    const rest = { WXAUTH_API_BASE: emu.url, WXAUTH_OPEN_BASE: emu.url, WXAUTH_BACKUP_API_BASE: emu.url, WXAUTH_CONFIG_DIR: dir };
    const saved = { type: 'website', appid: DEFAULT_APPIDS.website, secret: 'ab'.repeat(16), domain: DOMAIN, redirectUri: `https://${DOMAIN}/wechat/callback` };
    for (const [k, v] of Object.entries(saved)) {
      expect((await runCli(['config', 'set', k, v, '--profile', 'web'], { env: rest })).code).toBe(0);
    }
    const r = await runCli(['doctor', '--lang', 'zh', '--profile', 'web', ...connect(trusted)], { env: rest });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'credentials')).toContain('（40125 invalid appsecret）');
    expect(r.stdout).toContain('open.weixin.qq.com → 管理中心 → 网站应用 → 查看');
    expect(r.stdout).toContain('printf %s "$WX_SECRET" | wxauth config set secret - --profile web');
    expect(r.stdout).not.toContain('设置与开发');
  });
});

describe('wxauth doctor --profile naming no profile', () => {
  it('says so (exit 4) and gives no "config set" fix for the profile that does not exist', async () => {
    const env = { WXAUTH_API_BASE: emu.url, WXAUTH_OPEN_BASE: emu.url, WXAUTH_BACKUP_API_BASE: emu.url, WXAUTH_CONFIG_DIR: tempConfigDir() };
    const r = await runCli(['doctor', '--profile', 'nosuch'], { env });
    expect(r.code).toBe(4);
    expect(lineOf(r.stdout, 'profile')).toContain('There is no profile named "nosuch".');
    expect(r.stdout).not.toContain('--profile nosuch config set');
  });
});

describe('wxauth doctor on a subscription account (no web authorization)', () => {
  const SUBSCRIPTION = { appid: DEFAULT_APPIDS.subscription, secret: '5e1ec0de5e1ec0de5e1ec0de00000004' };
  const CALLBACK_CHECKS = ['authorize', 'domain', 'dns.callback', 'verify-file', 'redirect', 'tls', 'scheme'];

  /** A subscription profile saved by init (which saves no domain), the emulator as WeChat. */
  async function savedSubscription(secret = SUBSCRIPTION.secret): Promise<Record<string, string>> {
    const env = { WXAUTH_API_BASE: emu.url, WXAUTH_OPEN_BASE: emu.url, WXAUTH_BACKUP_API_BASE: emu.url, WXAUTH_CONFIG_DIR: tempConfigDir() };
    const init = await runCli(['init', '--profile', 'sub', '--type', 'subscription', '--appid', SUBSCRIPTION.appid, '--secret', secret, '-y'], { env });
    expect(init.code, init.stderr).toBe(0);
    return env;
  }

  it('says there is no web authorization (10005) and which account to use, asks for no domain, skips the callback checks (en)', async () => {
    const env = await savedSubscription();
    const r = await runCli(['doctor', '--profile', 'sub'], { env });
    // Only a warning: the credentials and clock still pass against WeChat.
    expect(r.code, r.stdout).toBe(0);
    expect(lineOf(r.stdout, 'profile')).toMatch(/^! profile\s+Profile sub is a subscription account \(订阅号\), which has no web authorization: WeChat answers 10005/);
    expect(r.stdout).toMatch(/^\s+Fix: For web authorization use another account: a verified service account, or a test account/m);
    // Nothing the user cannot do: config set refuses a domain for a subscription account.
    expect(r.stdout).not.toContain('config set domain');
    expect(r.stdout).not.toContain('Missing configuration');
    for (const id of CALLBACK_CHECKS) expect(lineOf(r.stdout, id)).toMatch(new RegExp(`^- ${id.replace('.', '\\.')}\\s+Skipped: a subscription account has no web authorization`));
    expect(lineOf(r.stdout, 'credentials')).toMatch(/^✔ credentials/);
    expect(lineOf(r.stdout, 'clock')).toMatch(/^✔ clock/);
    expect(r.stdout + r.stderr).not.toContain(SUBSCRIPTION.secret);
    const refused = await runCli(['--profile', 'sub', 'config', 'set', 'domain', 'localhost'], { env });
    expect(refused.code).toBe(2);
  });

  it('says the same in Chinese, without English words of its own', async () => {
    const env = await savedSubscription();
    const r = await runCli(['doctor', '--profile', 'sub'], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stdout).toBe(0);
    expect(lineOf(r.stdout, 'profile')).toMatch(/^! profile\s+profile sub 是订阅号，订阅号没有网页授权权限：.*10005/);
    expect(r.stdout).toMatch(/^\s+怎么办：网页授权要换一个号：已认证的服务号，或测试号/m);
    expect(r.stdout).not.toContain('config set domain');
    for (const id of CALLBACK_CHECKS) expect(lineOf(r.stdout, id)).toMatch(/跳过：订阅号没有网页授权，没有回调可查。$/);
    expect(r.stdout).not.toMatch(/Skipped|subscription account|web authorization/);
  });

  it('asks only for what a subscription account needs: a missing secret, not a domain (exit 1), and says so in --json', async () => {
    const env = await savedSubscription();
    expect((await runCli(['--profile', 'sub', 'config', 'unset', 'secret'], { env })).code).toBe(0);
    const r = await runCli(['doctor', '--profile', 'sub'], { env });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'profile')).toContain('Missing configuration: secret (profile "sub").');
    expect(r.stdout).not.toMatch(/domain, redirectUri|config set domain|WXAUTH_DOMAIN/);
    const doc = parseJson((await runCli(['doctor', '--profile', 'sub', '--json'], { env })).stdout) as { checks: Array<{ id: string; status: string; evidence: Record<string, unknown> }> };
    for (const id of CALLBACK_CHECKS) expect(doc.checks.find((c) => c.id === id)).toMatchObject({ status: 'skip', evidence: { webAuthorization: false } });
  });
});

describe('wxauth doctor with WXAUTH_APPID naming another account than the profile', () => {
  /** Profile default saved for the service account; only the emulator's addresses come from the environment. */
  async function savedService(): Promise<{ env: Record<string, string>; dir: string }> {
    const dir = tempConfigDir();
    const env = { WXAUTH_API_BASE: emu.url, WXAUTH_OPEN_BASE: emu.url, WXAUTH_BACKUP_API_BASE: emu.url, WXAUTH_CONFIG_DIR: dir };
    const saved = { type: 'service', appid: SERVICE.appid, secret: SERVICE.secret, domain: DOMAIN, redirectUri: `https://${DOMAIN}/wechat/callback` };
    for (const [k, v] of Object.entries(saved)) expect((await runCli(['config', 'set', k, v], { env })).code).toBe(0);
    return { env, dir };
  }

  it('leads the fix with unsetting WXAUTH_APPID or setting the other variables, never init or config set over the profile (en, zh)', async () => {
    const { env: savedEnv, dir } = await savedService();
    const env = { ...savedEnv, WXAUTH_APPID: TEST_APP.appid };
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const en = await runCli(['doctor'], { env });
    expect(en.code).toBe(1);
    expect(lineOf(en.stdout, 'profile')).toBe(
      `✖ profile       Missing configuration for appid ${TEST_APP.appid}, which came from WXAUTH_APPID: secret, domain, redirectUri. Profile default holds another account’s settings (appid ${SERVICE.appid}), so they are not used.`,
    );
    const lines = en.stdout.split('\n');
    const fix = lines[lines.findIndex((l) => l.startsWith('✖ profile')) + 1] ?? '';
    expect(fix).toMatch(/^\s+Fix: Unset WXAUTH_APPID to check profile default as saved/);
    expect(fix).toContain(`or also set WXAUTH_SECRET, WXAUTH_DOMAIN, WXAUTH_REDIRECT_URI for appid ${TEST_APP.appid}.`);
    expect(en.stdout).not.toMatch(/Run wxauth init|wxauth config set secret <value>/);
    expect(en.stdout + en.stderr).not.toContain(SERVICE.secret);

    const zh = await runCli(['doctor'], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(1);
    expect(lineOf(zh.stdout, 'profile')).toContain(`appid ${TEST_APP.appid} 来自环境变量 WXAUTH_APPID，缺少配置：secret、domain、redirectUri。profile default 保存的是另一个账号（appid ${SERVICE.appid}）的设置`);
    expect(zh.stdout).toMatch(/^\s+怎么办：unset WXAUTH_APPID，检查 profile default 保存的账号/m);
    expect(zh.stdout).not.toMatch(/Missing|Fix:|Unset/);
    // doctor changed nothing, and the profile is whole again without the variable.
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    const saved = await runCli(['doctor', ...connect(trusted)], { env: savedEnv });
    expect(lineOf(saved.stdout, 'profile')).toMatch(/^✔ profile\s+Profile default has every setting/);
  });

  it('passes the profile check once the other account’s variables are set too, as the fix says', async () => {
    const { dir } = await savedService();
    const env = { ...testAccount(ok400), WXAUTH_CONFIG_DIR: dir };
    const r = await runCli(['doctor'], { env });
    expect(r.stderr).toContain(`WXAUTH_APPID (${TEST_APP.appid}) is not the appid of profile "default" (${SERVICE.appid})`);
    expect(lineOf(r.stdout, 'profile'), r.stdout).toMatch(new RegExp(`^✔ profile\\s+Profile default has every setting the checks need: appid ${TEST_APP.appid}, type test`));
    expect(lineOf(r.stdout, 'credentials')).toMatch(/^✔ credentials/);
  });

  it("the emulator's own export line for its test account passes the profile as printed; without its domain, the fix names the domain to add", async () => {
    const seed = (await (await fetch(`${emu.url}/__emulator/seed`)).json()) as { apps: Array<{ appid: string; env: string }> };
    const line = seed.apps.find((a) => a.appid === TEST_APP.appid)!.env;
    const printed: Record<string, string> = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    for (const [, name, value] of line.matchAll(/(\w+)=(\S+)/g)) printed[name!] = value!;
    expect(printed.WXAUTH_DOMAIN).toBe('127.0.0.1:8080');
    const asPrinted = await runCli(['doctor'], { env: printed });
    expect(lineOf(asPrinted.stdout, 'profile')).toMatch(/^✔ profile/);
    expect(lineOf(asPrinted.stdout, 'domain')).toMatch(/^✔ domain/);
    // The line as an older wxauth printed it, without the domain.
    const { WXAUTH_DOMAIN: _domain, ...env } = printed;
    const r = await runCli(['doctor'], { env });
    expect(lineOf(r.stdout, 'profile')).toContain('which came from WXAUTH_APPID: domain.');
    expect(r.stdout).toMatch(/^\s+Fix: Appid wx5e1ec0de00000002 and its secret come from the environment: add WXAUTH_DOMAIN=127\.0\.0\.1:8080 to the same export;/m);
    // Without a domain the authorize URL is not called one WeChat would accept.
    expect(lineOf(r.stdout, 'authorize')).toMatch(/^✔ authorize\s+The authorize URL’s endpoint and scope are right: .*depends on the callback domain, which is not set/);
    expect(r.stdout).not.toContain('WeChat would accept it');
    const fixed = await runCli(['doctor'], { env: { ...env, WXAUTH_DOMAIN: '127.0.0.1:8080' } });
    expect(lineOf(fixed.stdout, 'profile')).toMatch(/^✔ profile/);
    expect(lineOf(fixed.stdout, 'domain')).toMatch(/^✔ domain/);
  });

  it('without a saved profile: unset the variable and save a profile, or set the others (en, zh)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_API_BASE: emu.url, WXAUTH_APPID: TEST_APP.appid };
    const en = await runCli(['doctor'], { env });
    expect(en.code).toBe(1);
    expect(lineOf(en.stdout, 'profile')).toContain(`Missing configuration for appid ${TEST_APP.appid}, which came from WXAUTH_APPID: secret, domain, redirectUri.`);
    expect(en.stdout).toMatch(/^\s+Fix: Unset WXAUTH_APPID and save the settings in profile default \(wxauth init --profile default, or wxauth config set secret <value>\); or also set WXAUTH_SECRET, WXAUTH_DOMAIN, WXAUTH_REDIRECT_URI for appid/m);
    const zh = await runCli(['doctor'], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toMatch(/^\s+怎么办：unset WXAUTH_APPID，把设置保存在 profile default 里/m);
  });
});

describe('wxauth doctor agrees with wxauth url', () => {
  // The user trial: domain www.example.com, redirect_uri on example.com (a missing www.).
  const parentEnv = () => serviceAccount(SERVICE, { WXAUTH_REDIRECT_URI: 'https://example.com/wechat/callback' });
  const parentConnect = () => [...connect(trusted), '--connect-to', `example.com:443:127.0.0.1:${trusted.port}`];

  it('fails the authorize URL that url refuses (10003), naming the finding once, and calls no profile complete', async () => {
    const url = await runCli(['url'], { env: parentEnv() });
    expect(url.code).toBe(2);
    const r = await runCli(['doctor', ...parentConnect()], { env: parentEnv() });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'authorize')).toMatch(/^✖ authorize\s+wxauth url would refuse to build this authorize URL \(domain\.parent\): .*the domain check below/);
    expect(r.stdout).not.toContain('WeChat would accept it');
    expect(lineOf(r.stdout, 'domain')).toMatch(/^✖ domain\s+The redirect_uri host example\.com differs from the callback domain www\.example\.com/);
    // The 10003 explanation is said once, by the domain check.
    expect(r.stdout.match(/10003/g)).toHaveLength(1);
    expect(lineOf(r.stdout, 'profile')).toMatch(/^✔ profile\s+Profile default has every setting the checks need:/);
    expect(r.stdout).not.toMatch(/is complete/);
  });

  it('says so in Chinese', async () => {
    const r = await runCli(['doctor', '--lang', 'zh', ...parentConnect()], { env: parentEnv() });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'authorize')).toMatch(/^✖ authorize\s+wxauth url 会拒绝生成这个授权链接（domain\.parent）/);
    expect(r.stdout).not.toContain('微信会接受');
    expect(lineOf(r.stdout, 'profile')).not.toContain('完整');
  });
});

describe('wxauth doctor -v --curl', () => {
  it('traces the stable_token call and its curl command on stderr, the secret masked, the report on stdout', async () => {
    const secret = SERVICE.secret;
    const r = await runCli(['doctor', '-v', '--curl', ...connect(trusted)], { env: serviceAccount() });
    expect(r.stderr).toMatch(/POST .*\/cgi-bin\/stable_token/);
    expect(r.stderr).toMatch(/^curl .*\/cgi-bin\/stable_token/m);
    expect(r.stderr).not.toContain(secret);
    expect(r.stdout).not.toMatch(/^curl /m);
    expect(lineOf(r.stdout, 'credentials')).toMatch(/^✔ credentials/);
  });
});

describe('wxauth doctor and the run’s proxy variables', () => {
  it('sends the WeChat call through HTTP_PROXY of the run (a dead one here) and says the proxy cannot be reached, as credentials does', async () => {
    const r = await runCli(['doctor'], { env: testAccount(ok400, { HTTP_PROXY: 'http://user:pw@127.0.0.1:1' }) });
    expect(r.code).toBe(1);
    // Not "the proxy may be swallowing the calls": nothing answered at its address.
    expect(lineOf(r.stdout, 'proxy')).toMatch(/^✖ proxy\s+Calls to 127\.0\.0\.1:\d+ go through the proxy http:\/\/user:\*\*\*@127\.0\.0\.1:1 \(HTTP_PROXY\), which could not be reached: nothing gets to WeChat/);
    expect(lineOf(r.stdout, 'credentials')).toMatch(/^✖ credentials\s+Could not reach the proxy/);
    expect(r.stdout).toContain('Start the proxy, or correct the address and port in HTTP_PROXY; if you need no proxy, unset HTTP_PROXY or set NO_PROXY=127.0.0.1.');
    expect(r.stdout).not.toContain('swallowing');
    // The callback is reached directly all the same.
    expect(lineOf(r.stdout, 'redirect')).toMatch(/^✔ redirect/);
    expect(r.stdout).not.toContain(':pw@');
    const zh = await runCli(['--lang', 'zh', 'doctor'], { env: testAccount(ok400, { HTTP_PROXY: 'http://127.0.0.1:1' }) });
    expect(lineOf(zh.stdout, 'proxy')).toContain('而这个代理连不上：请求根本到不了微信');
  });
});

afterEach(closeTunnelLessProxies);

describe('wxauth doctor behind a proxy that is up but opens no tunnel', () => {
  // undici 7 reconnected to such a proxy at once and forever (nodejs/undici#3897): doctor never
  // finished, a core at 100% and tens of thousands of CONNECTs (src/http/proxy-agent.ts).
  it.each(['accept', 'connect'] as const)('hangs up on %s: the proxy may be swallowing the calls; one connection per run (HTTP_PROXY, HTTPS_PROXY, in-process and spawned)', async (drops) => {
    const swallowing = /^! proxy\s+Calls to \S+ go through the proxy http:\/\/127\.0\.0\.1:\d+ \((HTTPS?_PROXY)\), and WeChat could not be reached: the proxy may be swallowing the calls\.$/;
    const noTunnel = (proxy: TunnelLessProxy) =>
      new RegExp(`^✖ credentials\\s+The proxy ${proxy.url.replace(/\./g, '\\.')} \\(from HTTPS?_PROXY\\) took the connection but opened no tunnel to \\S+: it hung up on the CONNECT \\((UND_ERR_SOCKET|ECONNRESET|EPIPE)\\)\\. Nothing was sent\\.$`);

    // HTTP_PROXY and the emulator's http address, as the dead-proxy test above; in-process.
    const viaHttp = await tunnelLessProxy(drops);
    const r = await runCli(['doctor'], { env: testAccount(ok400, { HTTP_PROXY: viaHttp.url }) });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'proxy')).toMatch(swallowing);
    expect(lineOf(r.stdout, 'proxy')).toContain('(HTTP_PROXY)');
    expect(lineOf(r.stdout, 'credentials')).toMatch(noTunnel(viaHttp));
    expect(r.stdout).toContain(`Check that the proxy is working and supports and allows CONNECT to 127.0.0.1:${new URL(emu.url).port} (a proxy that only forwards plain HTTP requests will not do)`);
    expect(lineOf(r.stdout, 'redirect')).toMatch(/^✔ redirect/);
    // doctor makes one call to WeChat and never retries it: one connection, not a storm.
    expect(viaHttp.connections).toBe(1);

    // HTTPS_PROXY and WeChat's own https host, as on a developer's machine (the proxy is all it dials).
    const viaHttps = await tunnelLessProxy(drops);
    const s = await runCli(['doctor'], { env: testAccount(ok400, { WXAUTH_API_BASE: 'https://api.weixin.qq.com', HTTPS_PROXY: viaHttps.url }) });
    expect(lineOf(s.stdout, 'proxy')).toMatch(swallowing);
    expect(lineOf(s.stdout, 'proxy')).toContain('(HTTPS_PROXY)');
    expect(lineOf(s.stdout, 'credentials')).toMatch(noTunnel(viaHttps));
    expect(viaHttps.connections).toBe(1);

    // The real process, in zh: the same verdict, and it ends (a storm was killed at collect()'s timeout).
    const spawned = await tunnelLessProxy(drops);
    const z = await runSpawned(['--lang', 'zh', 'doctor'], { env: testAccount(ok400, { HTTP_PROXY: spawned.url }), timeoutMs: 15_000 });
    expect(z.code).toBe(1);
    expect(lineOf(z.stdout, 'proxy')).toContain('而微信没有连通：可能是代理挡住了请求');
    expect(lineOf(z.stdout, 'credentials')).toMatch(/^✖ credentials\s+代理 http:\/\/127\.0\.0\.1:\d+ ?（来自 HTTP_PROXY）接受了连接，却没有为 127\.0\.0\.1:\d+ 建立通道：收到 CONNECT 后就断开了（(UND_ERR_SOCKET|ECONNRESET|EPIPE)）。请求没有发出去。$/);
    expect(spawned.connections).toBe(1);
  });

  it('Ctrl-C while the proxy leaves the CONNECT unanswered: doctor stops at once (exit 130), not when --timeout is up', async () => {
    const silent = await tunnelLessProxy('silent');
    const child = startCli(['doctor', '--timeout', '120000'], { env: testAccount(ok400, { HTTP_PROXY: silent.url }) });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    while (silent.connections === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    expect(await closed).toBe(130);
  });
});

describe('wxauth doctor --connect-to', () => {
  it('aims www.example.com at a local site: not looked up, Host and SNI kept, the self-signed certificate failed', async () => {
    const before = selfSigned.hits.length;
    const r = await runCli(['doctor', '--verify-file', VERIFY_NAME, ...connect(selfSigned)], { env: serviceAccount() });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, 'dns.callback')).toMatch(new RegExp(`^✔ dns\\.callback\\s+www\\.example\\.com:443 is mapped to 127\\.0\\.0\\.1:${selfSigned.port} by --connect-to: not looked up\\.$`));
    expect(lineOf(r.stdout, 'tls')).toMatch(/^✖ tls\s+The certificate of www\.example\.com is self-signed/);
    // The file is on http too (port 80 is the plain site): found there; the https one's certificate is said, not passed over.
    expect(lineOf(r.stdout, 'verify-file')).toBe(
      `✔ verify-file   http://${DOMAIN}/${VERIFY_NAME} answers 200 with the right content (https://${DOMAIN}/${VERIFY_NAME} serves it too, but on a certificate that is not valid).`,
    );
    const hits = selfSigned.hits.slice(before);
    expect(hits.map((h) => h.path)).toEqual(expect.arrayContaining([`/${VERIFY_NAME}`, '/wechat/callback']));
    expect(new Set(hits.map((h) => h.host))).toEqual(new Set([DOMAIN]));
  });

  // The tls line's fix said "a test account can use an http callback instead" to a service (and website)
  // account, which is none; a test account is told it, as no more than is known (WeChat's doc asks for https).
  it('the tls line offers an http callback beside the certificate fix to a test account only (en, zh)', async () => {
    const fixOf = (stdout: string) => (stdout.split('\n')[stdout.split('\n').indexOf(lineOf(stdout, 'tls')) + 1] ?? '').trim();
    const service = serviceAccount();
    const en = await runCli(['doctor', ...connect(selfSigned)], { env: service });
    expect(lineOf(en.stdout, 'tls')).toMatch(/^✖ tls\s+The certificate of www\.example\.com is self-signed/);
    expect(fixOf(en.stdout)).toBe('Fix: Use a certificate from a public CA (e.g. Let’s Encrypt).');
    const zh = await runCli(['doctor', '--lang', 'zh', ...connect(selfSigned)], { env: service });
    expect(fixOf(zh.stdout)).toBe('怎么办：换成公开 CA 签发的证书（例如 Let’s Encrypt）。');
    const test = emulatorEnv(emu, TEST_APP, { WXAUTH_DOMAIN: DOMAIN, WXAUTH_REDIRECT_URI: `https://${DOMAIN}/wechat/callback`, WXAUTH_CONFIG_DIR: tempConfigDir() });
    const testEn = await runCli(['doctor', ...connect(selfSigned)], { env: test });
    expect(fixOf(testEn.stdout)).toBe(
      'Fix: Use a certificate from a public CA (e.g. Let’s Encrypt); or, as this is a test account, use an http callback instead (WeChat’s documentation says the callback should use https, but http callbacks are seen to work).',
    );
    const testZh = await runCli(['doctor', '--lang', 'zh', ...connect(selfSigned)], { env: test });
    expect(fixOf(testZh.stdout)).toBe('怎么办：换成公开 CA 签发的证书（例如 Let’s Encrypt）；这是测试号，也可以改用 http 回调（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）。');
  });

  // "✔ verify-file … answers 200 with the right content" above "✖ tls … self-signed", for the same
  // host: the GET takes any certificate. Served on https alone, the line now says so, and warns
  // (whether WeChat's check accepts such a certificate is not documented).
  it('a verify file served on a self-signed https alone warns, saying the certificate is not valid and what to do (en, zh)', async () => {
    const args = ['doctor', '--verify-file', VERIFY_NAME, '--connect-to', `${DOMAIN}:443:127.0.0.1:${selfSigned.port}`, '--connect-to', `${DOMAIN}:80:127.0.0.1:${missing.port}`];
    const fixOf = (stdout: string) => stdout.split('\n')[stdout.split('\n').indexOf(lineOf(stdout, 'verify-file')) + 1] ?? '';
    const en = await runCli(args, { env: serviceAccount() });
    expect(lineOf(en.stdout, 'tls')).toMatch(/^✖ tls\s+The certificate of www\.example\.com is self-signed/);
    expect(lineOf(en.stdout, 'verify-file')).toBe(
      `! verify-file   https://${DOMAIN}/${VERIFY_NAME} answers 200 with the right content, but on a certificate that is not valid, and whether WeChat’s check accepts one is not documented: The certificate of ${DOMAIN} is self-signed (${DOMAIN}): phones and WeChat do not trust it.`,
    );
    expect(fixOf(en.stdout).trim()).toBe(`Fix: Serve ${VERIFY_NAME} over http as well (http://${DOMAIN}/${VERIFY_NAME}), or fix the certificate: the tls line below says what is wrong with it.`);
    const zh = await runCli([...args, '--lang', 'zh'], { env: serviceAccount() });
    expect(lineOf(zh.stdout, 'verify-file')).toBe(
      `! verify-file   https://${DOMAIN}/${VERIFY_NAME} 返回 200，内容正确，但证书有问题，而微信的校验是否接受这样的证书，文档没有说明：${DOMAIN} 的证书是自签名的（${DOMAIN}）：手机和微信不信任它。`,
    );
    expect(fixOf(zh.stdout).trim()).toBe(`怎么办：让 http://${DOMAIN}/${VERIFY_NAME} 也能直接取到 ${VERIFY_NAME}，或者修好证书：下面 tls 一行说明了证书的问题。`);
  });

  it('warns about a rule that matched no connection (a typo), in en and zh, and lists the rules in --json', async () => {
    const typo = `www.exmaple.com:443:127.0.0.1:${trusted.port}`;
    const args = ['doctor', ...connect(trusted), '--connect-to', typo];
    const en = await runCli(args, { env: serviceAccount() });
    expect(lineOf(en.stdout, 'connect-to')).toContain(`! connect-to`);
    expect(lineOf(en.stdout, 'connect-to')).toContain(`--connect-to ${typo} matched no connection, so doctor connected to 127.0.0.1:${new URL(emu.url).port} as named`);
    // The standby http rule (https answered, so port 80 was not needed) is not called a mistake.
    expect(lineOf(en.stdout, 'connect-to')).not.toContain(':80:');
    const zh = await runCli([...args, '--lang', 'zh'], { env: serviceAccount() });
    expect(lineOf(zh.stdout, 'connect-to')).toContain(`--connect-to ${typo} 没有匹配任何连接，doctor 按原名连接了`);
    const json = parseJson((await runCli([...args, '--json'], { env: serviceAccount() })).stdout) as { checks: Array<{ id: string; status: string; evidence: Record<string, unknown> }> };
    const c = json.checks.find((x) => x.id === 'connect-to')!;
    expect(c.status).toBe('warn');
    expect(String(c.evidence.rules)).toContain(typo);
    expect(c.evidence.unmatched).toBe(typo);
  });

  it('says a rule was not applied to the WeChat call a proxy carried (not a typo), in en and zh, with how to apply it', async () => {
    const proxy = await startConnectProxy();
    try {
      const emuPort = new URL(emu.url).port;
      const rule = `127.0.0.1:${emuPort}:127.0.0.1:1`;
      const env = testAccount(ok400, { HTTP_PROXY: proxy.url });
      const en = await runCli(['doctor', '--connect-to', rule], { env });
      // The call went through the proxy to the emulator, not to 127.0.0.1:1.
      expect(proxy.tunnels).toEqual([`127.0.0.1:${emuPort}`]);
      expect(lineOf(en.stdout, 'credentials')).toMatch(/^✔ credentials/);
      expect(lineOf(en.stdout, 'connect-to')).toMatch(
        new RegExp(`^! connect-to\\s+--connect-to ${rule} was not applied to 127\\.0\\.0\\.1:${emuPort}: that call went through the proxy http://127\\.0\\.0\\.1:\\d+ \\(HTTP_PROXY\\), which connects to the host by its name itself, so no rule can re-aim it\\.$`),
      );
      expect(en.stdout).toContain('To have the rule applied, let that call go direct: NO_PROXY=127.0.0.1 wxauth doctor … (the same options otherwise).');
      expect(en.stdout).not.toContain('matched no connection');
      const zh = await runCli(['--lang', 'zh', 'doctor', '--connect-to', rule], { env });
      expect(lineOf(zh.stdout, 'connect-to')).toContain(`--connect-to ${rule} 没有用在 127.0.0.1:${emuPort} 上：这个调用经代理 ${proxy.url} （HTTP_PROXY）发出，由代理按主机名自己去连接，规则改不了它连到哪里。`);
      expect(zh.stdout).toContain('要让规则对它生效，就让这个调用直连：NO_PROXY=127.0.0.1 wxauth doctor …（其余选项不变）。');
    } finally {
      await proxy.close();
    }
  });

  it('refuses a malformed mapping (exit 2)', async () => {
    const r = await runCli(['doctor', '--connect-to', 'www.example.com:443:127.0.0.1'], { env: serviceAccount() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--connect-to www.example.com:443:127.0.0.1 is not HOST:PORT:ADDR:PORT2.');
    expect(r.stderr).toContain('As curl’s');
  });
});

describe('wxauth doctor --json', () => {
  it('prints one document: every check with a stable id, status, message, fix and evidence; nothing cached', async () => {
    const env = serviceAccount();
    const before = emu.requests().length;
    const r = await runCli(['doctor', '--json', '--verify-file', VERIFY_NAME, ...connect(trusted)], { env });
    const doc = parseJson(r.stdout) as { checks: Array<Record<string, unknown>>; exitCode: number; profile: string; summary: Record<string, number> };
    expect(doc.checks.map((c) => c.id)).toEqual([
      'profile',
      'authorize',
      'domain',
      'token-cache',
      'node',
      'proxy',
      'connect-to',
      'dns.api',
      'dns.callback',
      'verify-file',
      'js-domains',
      'redirect',
      'tls',
      'scheme',
      'credentials',
      'clock',
    ]);
    for (const c of doc.checks) expect(Object.keys(c).sort()).toEqual(['evidence', 'fix', 'id', 'message', 'phase', 'status']);
    // The test CA is not trusted in-process: the TLS check fails, so the document says exit 1.
    const tls = doc.checks.find((c) => c.id === 'tls')!;
    expect(tls.status).toBe('fail');
    expect(tls.evidence).toMatchObject({ issuer: 'wxauth doctor test CA, wxauth tests', verifyError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(doc.exitCode).toBe(1);
    expect(r.code).toBe(1);
    expect(doc.summary.fail).toBe(1);
    expect(doc.checks.find((c) => c.id === 'credentials')).toMatchObject({ status: 'ok', fix: null });
    // stable_token only, and the token it got is neither printed nor cached.
    const paths = emu.requests().slice(before).map((q) => q.path);
    expect(paths).toEqual(['/cgi-bin/stable_token']);
    // The token stable_token hands out (the same one again while it is valid, API-FACTS §9).
    const res = await fetch(`${emu.url}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: SERVICE.appid, secret: SERVICE.secret }),
    });
    const token = ((await res.json()) as { access_token: string }).access_token;
    expect(token.length).toBeGreaterThan(20);
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(r.stdout).not.toContain(SERVICE.secret);
    const again = await runCli(['doctor', '--json', ...connect(trusted)], { env });
    const cache = (parseJson(again.stdout) as typeof doc).checks.find((c) => c.id === 'token-cache')!;
    expect(cache.evidence).toMatchObject({ basic: 'none' });
  });
});

describe('the verifyFile setting and --verify-file', () => {
  it('config set verifyFile refuses a path or another name (exit 2), saves a name, and doctor uses it', async () => {
    const env = serviceAccount();
    const bad = await runCli(['config', 'set', 'verifyFile', '/var/www/MP_verify_Tok123abc.txt'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a file name like MP_verify_xxx.txt');
    const set = await runCli(['config', 'set', 'verifyFile', VERIFY_NAME], { env });
    expect(set.code, set.stderr).toBe(0);
    const before = trusted.hits.length;
    const r = await runCli(['doctor', ...connect(trusted)], { env });
    expect(lineOf(r.stdout, 'verify-file')).toMatch(/^✔ verify-file/);
    expect(trusted.hits.slice(before).map((h) => h.path)).toContain(`/${VERIFY_NAME}`);
  });

  it('under --profile, the fixes that name config set name the profile, and following them makes the check run', async () => {
    const env = serviceAccount();
    const r = await runCli(['--profile', 'prod', 'doctor', ...connect(trusted)], { env });
    expect(r.stdout).toContain('wxauth --profile prod config set verifyFile MP_verify_xxx.txt');
    expect(r.stdout).toContain('wxauth --profile prod config set jsDomains h5.example.com');
    expect(r.stdout).not.toMatch(/wxauth config set (verifyFile|jsDomains)/);
    expect((await runCli(['--profile', 'prod', 'config', 'set', 'verifyFile', VERIFY_NAME], { env })).code).toBe(0);
    const again = await runCli(['--profile', 'prod', 'doctor', ...connect(trusted)], { env });
    expect(lineOf(again.stdout, 'verify-file')).toMatch(/^✔ verify-file/);
  });

  it('compares the served file with a local one given by path', async () => {
    const local = writeTemp(VERIFY_NAME, 'NotWhatIsServed');
    const r = await runCli(['doctor', '--verify-file', local, ...connect(trusted)], { env: serviceAccount() });
    expect(lineOf(r.stdout, 'verify-file')).toBe(`✖ verify-file   https://www.example.com/${VERIFY_NAME} answers 200, but the content is not NotWhatIsServed (got Tok123abc).`);
  });

  it('names in its fix the URL it checked: http when https could not be reached (en, zh)', async () => {
    const closed = await freePort();
    const args = ['doctor', '--verify-file', VERIFY_NAME, '--connect-to', `${DOMAIN}:443:127.0.0.1:${closed}`, '--connect-to', `${DOMAIN}:80:127.0.0.1:${missing.port}`];
    const checked = `http://${DOMAIN}/${VERIFY_NAME}`;
    const en = await runCli(args, { env: serviceAccount() });
    expect(en.code).toBe(1);
    const lines = en.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('✖ verify-file'));
    expect(lines[at]).toContain(`${checked} answers 404, not 200`);
    expect(lines[at + 1]).toMatch(/^\s+Fix: Put MP_verify_Tok123abc\.txt/);
    expect(lines[at + 1]).toContain(`so that ${checked} is served directly`);
    expect(lines[at + 1]).not.toContain('https://');
    const zh = await runCli(args, { env: { ...serviceAccount(), LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(1);
    const zhLines = zh.stdout.split('\n');
    const zat = zhLines.findIndex((l) => l.startsWith('✖ verify-file'));
    expect(zhLines[zat]).toContain(`${checked} 返回 404，不是 200`);
    expect(zhLines[zat + 1]).toContain(`让 ${checked} 能直接访问`);
    expect(zhLines[zat + 1]).not.toContain('https://');
  });

  // A verify file served with 200 and a body that never ends (a Content-Length larger than what is
  // written) was "cannot be reached: ETIMEDOUT", with a fix about opening port 80 or 443.
  it('a verify file whose 200 body never ends is said as the redirect check says it, not as unreachable (en, zh)', async () => {
    const trickle = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
      res.write('Tok');
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    const port = (trickle.address() as AddressInfo).port;
    const closed = await freePort();
    const args = ['doctor', '--timeout', '1000', '--verify-file', VERIFY_NAME, '--connect-to', `${DOMAIN}:443:127.0.0.1:${closed}`, '--connect-to', `${DOMAIN}:80:127.0.0.1:${port}`];
    const checked = `http://${DOMAIN}/${VERIFY_NAME}`;
    try {
      const en = await runCli(args, { env: serviceAccount() });
      expect(en.code).toBe(1);
      const lines = en.stdout.split('\n');
      const at = lines.findIndex((l) => l.startsWith('✖ verify-file'));
      expect(lines[at]).toBe(`✖ verify-file   ${checked} answered 200, but its body had not ended after 1000 ms.`);
      expect(lines[at + 1]).toMatch(/^\s+Fix: The server is reachable and answers, but the response for MP_verify_Tok123abc\.txt is never finished/);
      expect(lines[at + 1]).not.toContain('port 80 or 443');
      const zh = await runCli([...args, '--json'], { env: { ...serviceAccount(), LANG: 'zh_CN.UTF-8' } });
      const verify = (parseJson(zh.stdout) as { checks: Array<{ id: string; message: string; evidence: Record<string, unknown> }> }).checks.find((c) => c.id === 'verify-file');
      expect(verify?.message).toBe(`${checked} 返回了 200，但 1000 毫秒后响应体还没有结束。`);
      expect(verify?.evidence).toMatchObject({ silentMs: 1000, status: 200 });
    } finally {
      trickle.closeAllConnections();
      trickle.close();
    }
  });

  // The other scheme's result in the "also" part was its raw error, "ETIMEDOUT (300 ms)", for an
  // http attempt whose status line came and whose body never ended.
  it('the other scheme\'s attempt whose body never ended is said in the main line\'s words, not as ETIMEDOUT (en, zh)', async () => {
    // 1 s, not 300 ms: the https attempt's TLS handshake must finish within it on a loaded machine (a full
    // suite run saw "ETIMEDOUT (300 ms)" for it), while the http body never ends.
    const notFound = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90 }), {});
    const trickle = http.createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain', 'content-length': '1000' });
      res.write('Not');
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    const port = (trickle.address() as AddressInfo).port;
    const args = ['doctor', '--timeout', '1000', '--verify-file', VERIFY_NAME, '--connect-to', `${DOMAIN}:443:127.0.0.1:${notFound.port}`, '--connect-to', `${DOMAIN}:80:127.0.0.1:${port}`];
    try {
      const en = await runCli(args, { env: serviceAccount() });
      expect(en.code).toBe(1);
      expect(lineOf(en.stdout, 'verify-file')).toBe(
        `✖ verify-file   https://${DOMAIN}/${VERIFY_NAME} answers 404, not 200 (http://${DOMAIN}/${VERIFY_NAME} answered 404, but its body had not ended after 1000 ms): WeChat cannot verify that you own the domain.`,
      );
      expect(en.stdout).not.toContain('ETIMEDOUT');
      const zh = await runCli([...args, '--json'], { env: { ...serviceAccount(), LANG: 'zh_CN.UTF-8' } });
      const verify = (parseJson(zh.stdout) as { checks: Array<{ id: string; message: string }> }).checks.find((c) => c.id === 'verify-file');
      expect(verify?.message).toBe(`https://${DOMAIN}/${VERIFY_NAME} 返回 404，不是 200（http://${DOMAIN}/${VERIFY_NAME} 返回了 404，但 1000 毫秒后响应体还没有结束）：微信校验不了域名的归属。`);
    } finally {
      trickle.closeAllConnections();
      trickle.close();
      await notFound.close();
    }
  });

  it('refuses something that is neither a verify file name nor a file (exit 2)', async () => {
    const r = await runCli(['doctor', '--verify-file', 'verify.txt'], { env: serviceAccount() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--verify-file verify.txt is neither a file name like MP_verify_xxx.txt nor a file that can be read.');
  });

  it('a readable file that is not a verify file (/etc/passwd) is said to be one by the wrong name, not unreadable (exit 2, en and zh)', async () => {
    const file = path.join(tempConfigDir(), 'passwd');
    fs.writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\n');
    const en = await runCli(['doctor', '--verify-file', file], { env: serviceAccount() });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`✖ --verify-file ${file} is a file, but not a verify file: WeChat fetches one named like MP_verify_xxx.txt from the domain’s root, and this one is named passwd.`);
    expect(en.stderr).not.toContain('can be read');
    const zh = await runCli(['doctor', '--verify-file', file], { env: { ...serviceAccount(), LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`✖ --verify-file ${file} 是个文件，但不是校验文件：微信按 MP_verify_xxx.txt 这样的文件名到域名根目录下取，而它叫 passwd。`);
  });

  it('a verify file renamed by a second download or a copy (“ (1)”, “ - Copy”) is said so, with the mv back to the console\'s name; a bare such name, with that name (exit 2, en and zh)', async () => {
    const dir = tempConfigDir();
    const file = path.join(dir, 'MP_verify_Tok123abc (1).txt');
    fs.writeFileSync(file, 'Tok123abc');
    const en = await runCli(['doctor', '--verify-file', file], { env: serviceAccount() });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`✖ --verify-file ${file} is named as a second download or a copy renames the verify file (“ (1)” before .txt): WeChat fetches it from the domain’s root by the name the 公众号 console handed out, ${VERIFY_NAME}.`);
    expect(en.stderr).toContain(`→ Rename it back, and serve it under that name at the domain’s root: mv '${file}' ${path.join(dir, VERIFY_NAME)}`);
    expect(en.stderr).not.toContain('not a verify file');
    const zh = await runCli(['doctor', '--verify-file', file], { env: { ...serviceAccount(), LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`✖ --verify-file ${file} 的文件名是重复下载或复制时改出来的（.txt 前多了“ (1)”）：微信按公众号后台给的原名 ${VERIFY_NAME} 到域名根目录下取。`);
    expect(zh.stderr).toContain(`→ 改回原名，并以这个名字放到域名根目录下：mv '${file}' ${path.join(dir, VERIFY_NAME)}`);
    // Only its name given, no such file here: the name to give instead.
    const bare = await runCli(['doctor', '--verify-file', 'MP_verify_Tok123abc - Copy.txt'], { env: serviceAccount() });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('(“ - Copy” before .txt)');
    expect(bare.stderr).toContain(`→ Give the name the console handed out: wxauth doctor --verify-file ${VERIFY_NAME}`);
    expect(bare.stderr).not.toContain('neither a file name');
  });

  it('a URL given as --verify-file is refused with the name to give instead (exit 2)', async () => {
    const r = await runCli(['doctor', '--verify-file', `https://www.example.com/${VERIFY_NAME}`], { env: serviceAccount() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--verify-file takes the file’s name or a local path, not a URL');
    expect(r.stderr).toContain(`wxauth doctor --verify-file ${VERIFY_NAME}`);
  });

  it('a --verify-file path that cannot be read says why: missing, a folder, no permission (exit 2, zh and en)', async () => {
    const dir = tempConfigDir();
    const missingFile = path.join(dir, 'MP_verify_nope.txt');
    const zh = await runCli(['doctor', '--verify-file', missingFile], { env: { ...serviceAccount(), LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`✖ --verify-file ${missingFile}：不存在（ENOENT）。`);
    expect(zh.stderr).toContain(`→ 检查路径：${missingFile} 不存在。`);
    expect(zh.stderr).not.toContain('既不是');
    const en = await runCli(['doctor', '--verify-file', missingFile], { env: serviceAccount() });
    expect(en.stderr).toContain(`✖ --verify-file ${missingFile}: does not exist (ENOENT).`);

    const folder = path.join(dir, 'MP_verify_Tok123abc.txt');
    fs.mkdirSync(folder);
    const dirRun = await runCli(['doctor', '--verify-file', folder], { env: { ...serviceAccount(), LANG: 'zh_CN.UTF-8' } });
    expect(dirRun.code).toBe(2);
    expect(dirRun.stderr).toContain(`✖ --verify-file ${folder}：是文件夹，不是文件（EISDIR）。`);
    expect(dirRun.stderr).toContain(`→ ${folder} 是文件夹：请给出一个文件的路径。`);
  });

  it.skipIf(!permissionTestsRunnable())('a --verify-file path without read permission: 没有读取权限（EACCES） and the chmod or chown', async () => {
    const root = process.getuid?.() === 0;
    const dir = tempConfigDir();
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, VERIFY_NAME);
    fs.writeFileSync(file, 'Tok123abc');
    fs.chmodSync(file, 0o000);
    const r = await runSpawned(['doctor', '--verify-file', file], { env: { ...serviceAccount(), WXAUTH_CONFIG_DIR: dir, LANG: 'zh_CN.UTF-8' }, ...(root ? { uid: 65534, gid: 65534 } : {}) });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`✖ --verify-file ${file}：没有读取权限（EACCES）。`);
    expect(r.stderr).toContain(root ? `sudo chown nobody ${file}` : `chmod u+r ${file}`);
  });

  it('completes verifyFile as a config key', async () => {
    const r = await runCli(['completion', 'bash'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.stdout).toContain('verifyFile');
  });
});

describe('wxauth doctor in a real process', () => {
  it('trusts a CA from NODE_EXTRA_CA_CERTS, as Node does at start: the certificate passes with its issuer and expiry', async () => {
    const caFile = writeTemp('ca.pem', ca.certPem);
    const r = await runSpawned(['doctor', '--verify-file', VERIFY_NAME, ...connect(trusted)], { env: { ...serviceAccount(), NODE_EXTRA_CA_CERTS: caFile } });
    expect(lineOf(r.stdout, 'tls'), r.stderr).toMatch(/^✔ tls\s+The certificate of www\.example\.com is valid: issued by wxauth doctor test CA, wxauth tests, expires \d{4}-\d\d-\d\d \((89|90) days left\)\.$/);
    expect(r.code, r.stdout).toBe(0);
  });
});

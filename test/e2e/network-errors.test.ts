// Network failures as a script and a user meet them: --json's error.network tells them apart in any
// language, the hints name where the host came from, and --raw prints the body that came. Real HTTP
// servers: a port nothing listens on, a server answering a 502 page, `.invalid` names (RFC 6761: never
// resolve).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, parseJson, runCli, startTrickleServer, tempConfigDir } from './helpers.js';

const APP = { WXAUTH_APPID: 'wx1234567890abcdef', WXAUTH_SECRET: '0123456789abcdef0123456789abcdef' };
const PAGE = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>\n';

let gateway: http.Server;
let gatewayBase: string;
beforeAll(async () => {
  gateway = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      // /shaped/…: JSON, but a token answer without openid (a gateway that rewrote WeChat's answer).
      if (req.url?.startsWith('/shaped/')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('{"access_token":"ACCESS_TOKEN_VALUE","expires_in":7200,"refresh_token":"REFRESH_TOKEN_VALUE","scope":"snsapi_base"}');
        return;
      }
      // /bom/…: WeChat's JSON behind a relay that put a byte-order mark before it (a PHP file saved with one).
      if (req.url?.startsWith('/bom/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('\ufeff{"errcode":0,"errmsg":"ok"}');
        return;
      }
      res.writeHead(502, { 'content-type': 'text/html' });
      // /echo/…: a gateway whose error page quotes the request it could not forward, secret and all.
      res.end(req.url?.startsWith('/echo/') ? `<html><body>upstream failed for ${body}</body></html>` : PAGE);
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  gatewayBase = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});
afterAll(async () => {
  gateway.closeAllConnections();
  await new Promise((r) => gateway.close(r));
});

function token(args: string[], env: Record<string, string> = {}) {
  return runCli(['token', '--timeout', '3000', ...args], { env: { ...APP, WXAUTH_CONFIG_DIR: tempConfigDir(), ...env } });
}

describe('--json: error.network tells network failures apart', () => {
  it('refused, a 502 page and an unknown host each have their failure, host and status, in Chinese too', async () => {
    const port = await freePort();
    const cases = [
      { base: `http://127.0.0.1:${port}`, network: { failure: 'refused', host: `127.0.0.1:${port}`, status: null, may_have_reached_server: false, issued_token: false, proxy: null } },
      { base: gatewayBase, network: { failure: 'not_json', host: new URL(gatewayBase).host, status: 502, may_have_reached_server: true, issued_token: false, proxy: null } },
      { base: 'https://api.weixn.invalid', network: { failure: 'dns', host: 'api.weixn.invalid', status: null, may_have_reached_server: false, issued_token: false, proxy: null } },
    ];
    for (const { base, network } of cases) {
      for (const lang of ['en', 'zh']) {
        const r = await token(['--json', '--lang', lang, '--api-base', base]);
        expect(r.code, r.stderr).toBe(5);
        const error = (parseJson(r.stdout) as { error: Record<string, unknown> }).error;
        expect(error.code).toBe('network');
        expect(error.network).toEqual(network);
      }
    }
  });
});

describe('--json: an answer that is JSON but not shaped as WeChat\'s', () => {
  it('is unexpected_shape, not not_json, and says whether it carried a token (the code is then spent for certain)', async () => {
    for (const lang of ['en', 'zh']) {
      const r = await runCli(['exchange', '--json', '--lang', lang, '--api-base', `${gatewayBase}/shaped`, 'abcdefghijklmnopqrstuvwxyz012345'], {
        env: { ...APP, WXAUTH_CONFIG_DIR: tempConfigDir() },
      });
      expect(r.code, r.stderr).toBe(5);
      const error = (parseJson(r.stdout) as { error: Record<string, unknown> }).error;
      expect(error.network).toEqual({ failure: 'unexpected_shape', host: new URL(gatewayBase).host, status: 200, may_have_reached_server: true, issued_token: true, proxy: null });
      expect(r.stdout).not.toContain('ACCESS_TOKEN_VALUE');
    }
  });
});

describe('JSON that starts with a byte-order mark', () => {
  it('shows the mark in the excerpt and says a relay in between added it (en and zh), exit 5', async () => {
    const host = new URL(gatewayBase).host;
    const en = await token(['--lang', 'en', '--api-base', `${gatewayBase}/bom`]);
    expect(en.code).toBe(5);
    expect(en.stderr).toContain(`✖ ${host} answered JSON that starts with a byte-order mark (U+FEFF), which is not JSON (HTTP 200, Content-Type application/json): \\ufeff{"errcode":0,"errmsg":"ok"}`);
    expect(en.stderr).toContain('WeChat never sends one');
    const zh = await token(['--lang', 'zh', '--api-base', `${gatewayBase}/bom`]);
    expect(zh.code).toBe(5);
    expect(zh.stderr).toContain(`✖ ${host} 返回的 JSON 前面多了一个字节顺序标记（BOM，U+FEFF），这样就不是 JSON 了（HTTP 200，Content-Type application/json）：\\ufeff{"errcode":0,"errmsg":"ok"}`);
    expect(zh.stderr).toContain('微信从不发送 BOM');
  });
});

describe('a host name that does not resolve', () => {
  it('names the API base it came from and says to check its spelling, in English and Chinese', async () => {
    const en = await token(['--lang', 'en'], { WXAUTH_API_BASE: 'https://api.weixn.invalid' });
    expect(en.code).toBe(5);
    expect(en.stderr).toContain('✖ Could not resolve the host name api.weixn.invalid (ENOTFOUND).');
    expect(en.stderr).toContain(
      "→ Check the host name api.weixn.invalid in the API base https://api.weixn.invalid (from the variable WXAUTH_API_BASE) for a typo; if it is right, check this machine's DNS and network connection.",
    );
    const zh = await token(['--lang', 'zh'], { WXAUTH_API_BASE: 'https://api.weixn.invalid' });
    expect(zh.code).toBe(5);
    expect(zh.stderr).toContain('→ 看看接口地址 https://api.weixn.invalid （来源：环境变量 WXAUTH_API_BASE）里的主机名 api.weixn.invalid 是否拼错；没拼错的话，检查本机的 DNS 和网络连接。');
  });
});

describe('--raw on an answer that is not WeChat JSON', () => {
  it('prints the body as it came on stdout; the failure is still said on stderr, exit 5', async () => {
    for (const lang of ['en', 'zh']) {
      const r = await token(['--raw', '--lang', lang, '--api-base', gatewayBase]);
      expect(r.code).toBe(5);
      expect(r.stdout).toBe(PAGE);
      expect(r.stderr).toContain(lang === 'en' ? `✖ ${new URL(gatewayBase).host} did not answer with JSON (HTTP 502` : `✖ ${new URL(gatewayBase).host} 返回的不是 JSON（HTTP 502`);
    }
  });

  it('the hint points to the body --raw printed, not to a run with -v (en, zh); without --raw it still offers -v', async () => {
    const en = await token(['--raw', '--api-base', gatewayBase]);
    expect(en.stderr).toContain('→ The server failed; try again later. --raw printed its whole answer on stdout.');
    expect(en.stderr).not.toContain('-v');
    const zh = await token(['--raw', '--lang', 'zh', '--api-base', gatewayBase]);
    expect(zh.stderr).toContain('→ 服务器端出错，稍后重试；完整响应已按 --raw 输出到标准输出（stdout）。');
    expect(zh.stderr).not.toContain('-v');
    // An exchange's hint keeps the same first sentence before what it says of the code.
    const exchange = await runCli(['exchange', '--raw', '--api-base', gatewayBase, 'abcdefghijklmnopqrstuvwxyz012345'], { env: { ...APP, WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(exchange.code).toBe(5);
    expect(exchange.stderr).toContain('→ The server failed; try again later. --raw printed its whole answer on stdout. Mind that the code was sent');
    const plain = await token(['--api-base', gatewayBase]);
    expect(plain.stderr).toContain('→ The server failed; try again later, and run with -v to see the whole answer if it persists.');
  });

  it('masks a secret the page quotes, as in an error body, unless --show-secrets', async () => {
    const masked = await token(['--raw', '--api-base', `${gatewayBase}/echo`]);
    expect(masked.code).toBe(5);
    expect(masked.stdout).toMatch(/^<html><body>upstream failed for \{"grant_type":"client_credential","appid":"wx1234567890abcdef","secret":"[^"]*\*\*\*[^"]*"/);
    expect(masked.stdout + masked.stderr).not.toContain(APP.WXAUTH_SECRET);
    const shown = await token(['--raw', '--show-secrets', '--api-base', `${gatewayBase}/echo`]);
    expect(shown.code).toBe(5);
    expect(shown.stdout).toContain(`"secret":"${APP.WXAUTH_SECRET}"`);
  });
});

describe('an answer whose body never ends', () => {
  // The status line and headers at once, then a byte every 200 ms, never the end: the answer began, so
  // "did not answer within N ms" would send the user looking for a dead host.
  let trickle: Awaited<ReturnType<typeof startTrickleServer>>;
  let trickleBase: string;
  beforeAll(async () => {
    trickle = await startTrickleServer('application/json', '{');
    trickleBase = trickle.url;
  });
  afterAll(() => trickle.close());

  it('says the status came and the body stalled, with how much came (en, zh), and --json keeps failure timeout with the status', async () => {
    const host = new URL(trickleBase).host;
    const run = (lang: string, json = false) =>
      runCli(['token', '--timeout', '1000', '--lang', lang, '--api-base', trickleBase, ...(json ? ['--json'] : [])], { env: { ...APP, WXAUTH_CONFIG_DIR: tempConfigDir() } });
    const en = await run('en');
    expect(en.code, en.stderr).toBe(5);
    expect(en.stderr).toMatch(new RegExp(`${host} answered HTTP 200, but its body had not ended after 1000 ms \\(\\d+ bytes came\\)`));
    expect(en.stderr).not.toContain('did not answer within');
    const zh = await run('zh');
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stderr).toMatch(new RegExp(`${host} 返回了 HTTP 200，但响应体 1000 ms 后还没有传完（只收到 \\d+ 字节）`));
    expect(zh.stderr).not.toContain('内没有响应');
    const json = await run('en', true);
    expect(json.code).toBe(5);
    const error = (parseJson(json.stdout) as { error: Record<string, unknown> }).error;
    expect(error.network).toEqual({ failure: 'timeout', host, status: 200, may_have_reached_server: true, issued_token: false, proxy: null });
  });

  it('a code exchange whose answer stalled says the request reached the server, not that no answer came (en, zh)', async () => {
    const run = (lang: string) =>
      runCli(['exchange', '--timeout', '1000', '--lang', lang, '--api-base', trickleBase, 'abcdefghijklmnopqrstuvwxyz012345'], { env: { ...APP, WXAUTH_CONFIG_DIR: tempConfigDir() } });
    const en = await run('en');
    expect(en.code, en.stderr).toBe(5);
    expect(en.stderr).toContain('The request reached the server (it answered HTTP 200), so WeChat has most likely spent the code');
    expect(en.stderr).not.toContain('no answer came');
    const zh = await run('zh');
    expect(zh.code, zh.stderr).toBe(5);
    expect(zh.stderr).toContain('请求已经到了服务器（它返回了 HTTP 200）');
    expect(zh.stderr).not.toContain('没有收到响应');
  });
});

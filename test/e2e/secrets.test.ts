// Secrets are masked by VALUE as well as by name (issue 13 item 2): the appsecret, the code being
// exchanged and the tokens wxauth sends or knows never reach the terminal or the --json document,
// whatever wraps them — rid/get's request_body (JSON inside a JSON string, so `\"secret\":\"…\"`),
// a WAF or proxy page that echoes the request, an errmsg quoting the URL. --show-secrets shows them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx5e1ec0de00000001';
const SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
const RID = /[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}/;
const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
const ACCESS_TOKEN = '73_NSpWsecretUserAccessTokenValueForTheEchoTest';
/** A basic token the cache holds; the run never sends it. */
const CACHED = '86_cachedBasicTokenThatThisRunNeverSends0123456789';

/** Everything a run showed: stdout and stderr together. */
const shown = (r: { stdout: string; stderr: string }) => r.stdout + '\n' + r.stderr;

describe('rid/get answers that carry the appsecret', () => {
  let emu: EmulatorHandle;
  let dir: string;
  let rid: string;

  beforeAll(async () => {
    emu = await startEmulator();
    dir = tempConfigDir();
    // A request that carried the profile's own secret and failed with a rid: the 21st forced
    // stable_token refresh of the day is 45009 (API-FACTS §9); 30 s apart so each one counts.
    // 21 refreshes 31 s apart span 11 minutes of the emulator's clock: not across a Beijing midnight,
    // where the daily count starts again (a CI run at 23:49 Beijing time never reached 45009).
    const beijingSecond = Math.floor((emu.now() / 1000 + 8 * 3600) % 86_400);
    if (beijingSecond > 86_400 - 15 * 60) emu.advanceClock(86_400 - beijingSecond + 60);
    let body: { errcode?: number; errmsg?: string } = {};
    for (let i = 0; i < 21 && body.errcode !== 45009; i++) {
      const res = await fetch(`${emu.url}/cgi-bin/stable_token`, {
        method: 'POST',
        body: JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: SECRET, force_refresh: true }),
      });
      body = (await res.json()) as typeof body;
      emu.advanceClock(31);
    }
    expect(body.errcode).toBe(45009);
    rid = RID.exec(body.errmsg ?? '')?.[0] as string;
  });
  afterAll(async () => {
    await emu?.close();
  });

  const cli = (args: string[]) => runCli(args, { env: emulatorEnv(emu, { appid: APPID, secret: SECRET }, { WXAUTH_CONFIG_DIR: dir }) });

  it('-v: the trace of rid/get does not show the secret inside request_body', async () => {
    const r = await cli(['rid', rid, '-v']);
    expect(r.code, r.stderr).toBe(0);
    // The trace did show the answer (with its request_body), only without the secret.
    expect(r.stderr).toContain('request_body');
    expect(r.stderr).toContain('force_refresh');
    expect(shown(r)).not.toContain(SECRET);
  });

  it('--json -v: neither the trace nor the document shows it', async () => {
    const r = await cli(['rid', rid, '--json', '-v']);
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r.stdout)).toMatchObject({ rid });
    expect(shown(r)).not.toContain(SECRET);
  });

  it('--curl -v --raw: no secret anywhere either', async () => {
    const r = await cli(['rid', rid, '--curl', '-v', '--raw']);
    expect(r.code, r.stderr).toBe(0);
    expect(shown(r)).not.toContain(SECRET);
  });

  it('--show-secrets -v shows it, as asked', async () => {
    const r = await cli(['rid', rid, '-v', '--show-secrets']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(SECRET);
  });
});

describe('answers that echo the request: a WAF page, an errmsg quoting the URL', () => {
  let server: http.Server;
  let base = '';
  /** What the stand-in answers: a 502 page echoing the request, or a WeChat-style errmsg quoting it. */
  let mode: 'waf' | 'errmsg' | 'cached' = 'waf';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        if (mode === 'cached') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errcode: 40013, errmsg: `invalid appid, current token ${CACHED} rid: 6357a1b2-0a0b0c0d-01020304` }));
          return;
        }
        if (mode === 'errmsg') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errcode: 40013, errmsg: `invalid appid, request was ${req.method} ${req.url} ${body} rid: 6357a1b2-0a0b0c0d-01020304` }));
          return;
        }
        // What a WAF or a reverse proxy in front of an API typically answers: the request, quoted.
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(
          `<html><head><title>502 Bad Gateway</title></head><body><h1>Request blocked</h1>` +
            `<pre>${req.method} ${req.url} HTTP/1.1\nHost: ${req.headers.host}\n\n${body}</pre></body></html>`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const cli = (args: string[], dir = tempConfigDir()) =>
    runCli(args, {
      env: { WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base, WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET, WXAUTH_CONFIG_DIR: dir },
    });

  const runs: Array<[string, string[], string]> = [
    ['stable_token (secret in the POST body)', ['token'], SECRET],
    ['legacy /cgi-bin/token (secret in the query)', ['token', '--legacy', '--yes'], SECRET],
    ['a code exchange (secret and code in the query)', ['exchange', CODE], CODE],
    ['a token check (access_token in the query)', ['check', ACCESS_TOKEN, 'oLDegwLanAyzhdUfaBqh6Dt4MqtY'], ACCESS_TOKEN],
  ];

  for (const [what, args, value] of runs) {
    it(`${what}: the echoed page is reported without the secret, in text, -v and --json`, async () => {
      mode = 'waf';
      const human = await cli([...args, '-v', '--curl']);
      expect(human.code, human.stderr).toBe(5);
      // The page was shown (what went wrong stays visible), minus the secret.
      expect(human.stderr).toContain('Request blocked');
      expect(shown(human)).not.toContain(value);
      expect(shown(human)).not.toContain(SECRET);

      const json = await cli([...args, '--json', '-v']);
      expect(json.code).toBe(5);
      expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'network' } });
      expect(shown(json)).not.toContain(value);
      expect(shown(json)).not.toContain(SECRET);
    });
  }

  it('an errmsg quoting the request: masked in the report, human and --json', async () => {
    mode = 'errmsg';
    for (const args of [['token'], ['token', '--legacy', '--yes']]) {
      const human = await cli(args);
      expect(human.code, human.stderr).toBe(3);
      expect(human.stderr).toContain('40013');
      expect(human.stderr).toContain('request was');
      expect(shown(human)).not.toContain(SECRET);

      const json = await cli([...args, '--json', '-v']);
      expect(json.code).toBe(3);
      const doc = parseJson(json.stdout) as { error: { errmsg: string } };
      expect(doc.error.errmsg).toContain('request was');
      expect(shown(json)).not.toContain(SECRET);
    }
  });

  it('a token from the cache that this run never sent is masked too', async () => {
    mode = 'cached';
    const dir = tempConfigDir();
    // Expired, so `token` fetches (and meets the answer quoting the cached one) instead of reusing it.
    TokenStore.open(dir).putBasic('default', { appid: APPID, kind: 'stable', accessToken: CACHED, expiresAt: Date.now() - 1000, obtainedAt: Date.now() - 7_200_000 });
    for (const args of [['user', 'oLDegwLanAyzhdUfaBqh6Dt4MqtY'], ['token', '--json']]) {
      const r = await cli(args, dir);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stdout + r.stderr).toContain('current token');
      expect(shown(r)).not.toContain(CACHED);
    }
  });

  it('--show-secrets: the echoed secret is shown, as asked', async () => {
    mode = 'waf';
    const r = await cli(['token', '--legacy', '--yes', '--show-secrets', '-v']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(SECRET);
  });
});

describe('a password in a base URL (an authenticating gateway)', () => {
  it('is masked in -v traces, retry lines and config list/get, shown with --show-secrets', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET };
    const base = ['--api-base', 'http://gate:Pa55word-42@127.0.0.1:1', '--backup-api-base', 'http://gate:Pa55word-42@127.0.0.1:1'];
    const token = await runCli([...base, '-v', 'token'], { env });
    expect(token.code).toBe(5);
    expect(shown(token)).toContain('http://gate:***@127.0.0.1:1/cgi-bin/stable_token');
    expect(shown(token)).not.toContain('Pa55');
    // However short (value masking skips anything under 6 characters), and a token as the user name.
    const short = await runCli(['--api-base', 'http://gw:abcd@127.0.0.1:1', '--backup-api-base', 'http://tok3n@127.0.0.1:1', '-v', '--curl', 'token'], { env });
    expect(shown(short)).not.toContain('abcd');
    expect(shown(short)).not.toContain('tok3n');
    expect(shown(short)).toContain('http://gw:***@127.0.0.1:1/cgi-bin/stable_token');
    expect(shown(short)).toContain('http://***@127.0.0.1:1');
    const list = await runCli([...base, 'config', 'list'], { env });
    expect(list.stdout).toContain('http://gate:***@127.0.0.1:1');
    expect(shown(list)).not.toContain('Pa55word-42');
    expect((await runCli([...base, 'config', 'get', 'apiBase', '--show-secrets'], { env })).stdout.trim()).toBe('http://gate:Pa55word-42@127.0.0.1:1');
  });

  it('is masked where a refused URL is quoted back: --api-base, proxy --upstream, probe (human and --json)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET };
    const api = await runCli(['token', '--api-base', 'ftp://gate:Pa55word-42@x'], { env });
    expect(api.code).toBe(2);
    expect(api.stderr).toContain('"ftp://gate:***@x" is not an http(s) URL');
    const json = await runCli(['token', '--api-base', 'ftp://gate:Pa55word-42@x', '--json'], { env });
    const proxy = await runCli(['proxy', '--upstream', 'http://gate:Pa55word-42@127.0.0.1:3900'], { env });
    expect(proxy.code).toBe(2);
    expect(proxy.stderr).toContain('Invalid upstream: http://gate:***@127.0.0.1:3900');
    const probe = await runCli(['probe', 'http://127.0.0.1:1/login', '--emulator', 'ftp://gate:Pa55word-42@x'], { env });
    // Without a scheme, and percent-encoded (a redirect_uri copied out of an authorize URL).
    const bare = await runCli(['proxy', '--upstream', 'gate:Pa55word-42@127.0.0.1:3900'], { env });
    expect(bare.stderr).toContain('gate:***@127.0.0.1:3900');
    const encoded = await runCli(['url', '--redirect-uri', 'https%3A%2F%2Fgate%3APa55word-42%40www.example.com%2Fcb'], { env });
    expect(encoded.stderr).toContain('https://gate:***@www.example.com/cb');
    for (const r of [api, json, proxy, probe, bare, encoded]) expect(shown(r)).not.toContain('Pa55word-42');
  });
});

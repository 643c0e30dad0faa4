// When the network fails: where a request may go next, and what the error says.
// - The backup host (issue 13 item 15): a request aimed at the user's own server (an emulator, a proxy)
//   never falls back to WeChat's api2 host with the appid and secret; a backup the user chose still works.
// - A proxy that fails (item 12) is named, credentials masked, with what to check.
// - An exchange whose answer never came (item 16) says the code may be spent and what to do.
// Stand-ins are plain node:http servers on port 0; the default backup (api2.weixin.qq.com) is never
// reached from here, so the -v trace and the error text show whether it was tried.
import http from 'node:http';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, parseJson, runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx5e1ec0de00000001';
const SECRET = '5e1ec0de5e1ec0de5e1ec0de00000001';
const OPENID = 'oLDegwLanAyzhdUfaBqh6Dt4MqtY';
const TOKEN = '73_userTokenGivenOnTheCommandLine0123456789';
const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** The hosts the -v trace shows requests going to. */
function tracedHosts(stderr: string): string[] {
  return [...stderr.matchAll(/^→ (?:GET|POST) (https?:\/\/[^/\s]+)/gm)].map((m) => m[1] as string);
}

describe('the backup host', () => {
  let backup: http.Server;
  let backupBase = '';
  const backupHits: string[] = [];
  let dead = '';

  beforeAll(async () => {
    backup = http.createServer((req, res) => {
      backupHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
    backupBase = await listen(backup);
    // A port nobody listens on: connections are refused, the request never leaves.
    dead = `http://127.0.0.1:${await freePort()}`;
  });
  afterAll(() => close(backup));

  const check = ['check', TOKEN, OPENID, '-v'];
  const env = (extra: Record<string, string>) => ({ WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET, WXAUTH_CONFIG_DIR: tempConfigDir(), ...extra });

  it('--api-base on a closed port and no backup chosen: exit 5, and nothing goes to api2.weixin.qq.com', async () => {
    const r = await runCli(['--api-base', dead, ...check], { env: env({}) });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).not.toContain('api2.weixin.qq.com');
    expect(r.stderr).not.toContain('backup');
    expect(new Set(tracedHosts(r.stderr))).toEqual(new Set([dead]));
  });

  it('the same with WXAUTH_API_BASE, and with the api base stored in the profile', async () => {
    const fromEnv = await runCli(check, { env: env({ WXAUTH_API_BASE: dead }) });
    expect(fromEnv.code, fromEnv.stderr).toBe(5);
    expect(fromEnv.stderr).not.toContain('api2.weixin.qq.com');
    expect(new Set(tracedHosts(fromEnv.stderr))).toEqual(new Set([dead]));

    const dir = tempConfigDir();
    const set = await runCli(['config', 'set', 'apiBase', dead], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(set.code, set.stderr).toBe(0);
    const fromProfile = await runCli(check, { env: { WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET, WXAUTH_CONFIG_DIR: dir } });
    expect(fromProfile.code, fromProfile.stderr).toBe(5);
    expect(fromProfile.stderr).not.toContain('api2.weixin.qq.com');
    expect(new Set(tracedHosts(fromProfile.stderr))).toEqual(new Set([dead]));
  });

  it('a backup the user chose is still used once (flag or env)', async () => {
    backupHits.length = 0;
    const flag = await runCli(['--api-base', dead, '--backup-api-base', backupBase, ...check], { env: env({}) });
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stderr).toContain(`trying once more on the backup host ${backupBase}`);
    const viaEnv = await runCli(check, { env: env({ WXAUTH_API_BASE: dead, WXAUTH_BACKUP_API_BASE: backupBase }) });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect(backupHits).toHaveLength(2);
  });
});

describe('a proxy that fails', () => {
  let proxy: http.Server;
  let proxyPort = 0;
  const connects: string[] = [];

  beforeAll(async () => {
    // Answers every CONNECT with 502, as a corporate proxy does when it cannot (or will not) reach the host.
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
      connects.push(req.url ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    proxyPort = Number(new URL(await listen(proxy)).port);
  });
  afterAll(() => close(proxy));

  const api = { WXAUTH_API_BASE: 'http://api.wechat.test', WXAUTH_BACKUP_API_BASE: 'http://api.wechat.test', WXAUTH_CONFIG_DIR: '' };

  it('502 to CONNECT: names the proxy and its variable, password masked, and what to check; not undici\'s words', async () => {
    const HTTP_PROXY = `http://wxuser:hunter22@127.0.0.1:${proxyPort}`;
    const r = await runCli(['check', TOKEN, OPENID], { env: { ...api, WXAUTH_CONFIG_DIR: tempConfigDir(), HTTP_PROXY } });
    expect(r.code, r.stderr).toBe(5);
    expect(connects).toContain('api.wechat.test:80');
    expect(r.stderr).toContain(`http://wxuser:***@127.0.0.1:${proxyPort}`);
    expect(r.stderr).toContain('HTTP_PROXY');
    expect(r.stderr).toContain('HTTP 502 to CONNECT');
    expect(r.stderr).toContain('NO_PROXY');
    expect(r.stderr).not.toContain('hunter22');
    expect(r.stderr).not.toContain('Proxy response');

    const json = await runCli(['check', TOKEN, OPENID, '--json'], { env: { ...api, WXAUTH_CONFIG_DIR: tempConfigDir(), HTTP_PROXY } });
    expect(json.code).toBe(5);
    const doc = parseJson(json.stdout) as { error: { message: string; hint: string } };
    expect(doc.error.message).toContain(`http://wxuser:***@127.0.0.1:${proxyPort}`);
    expect(doc.error.hint).toContain('NO_PROXY');
    expect(json.stdout).not.toContain('hunter22');
  });

  it('a proxy nobody listens on: names it instead of blaming the API host', async () => {
    const HTTP_PROXY = `http://127.0.0.1:${await freePort()}`;
    const r = await runCli(['check', TOKEN, OPENID], { env: { ...api, WXAUTH_CONFIG_DIR: tempConfigDir(), HTTP_PROXY } });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain(`Could not reach the proxy ${HTTP_PROXY} (from HTTP_PROXY`);
    expect(r.stderr).not.toContain('Connection to api.wechat.test was refused');
  });
});

describe('an exchange whose answer never came', () => {
  let silent: http.Server;
  let silentBase = '';
  let hits = 0;

  beforeAll(async () => {
    // Takes the request and never answers: WeChat may well have spent the code meanwhile.
    silent = http.createServer((req) => {
      if (req.url?.startsWith('/sns/oauth2/access_token')) hits++;
      req.resume();
    });
    silentBase = await listen(silent);
  });
  afterAll(() => close(silent));

  const env = () => ({ WXAUTH_API_BASE: silentBase, WXAUTH_BACKUP_API_BASE: silentBase, WXAUTH_APPID: APPID, WXAUTH_SECRET: SECRET, WXAUTH_CONFIG_DIR: tempConfigDir() });

  it('says the code may already be spent and what to do, not only "allow more time"; sent once', async () => {
    hits = 0;
    const r = await runCli(['exchange', CODE, '--timeout', '1000'], { env: env() });
    expect(r.code, r.stderr).toBe(5);
    expect(hits).toBe(1);
    expect(r.stderr).toContain('did not answer within 1000 ms');
    expect(r.stderr).toContain('WeChat may already have received and spent it');
    expect(r.stderr).toContain('40163');
    expect(r.stderr).toContain('wxauth login');
    expect(r.stderr).toContain('--timeout <ms> (now 1000 ms)');

    const json = await runCli(['exchange', CODE, '--timeout', '1000', '--json'], { env: env() });
    expect(json.code).toBe(5);
    const doc = parseJson(json.stdout) as { error: { hint: string } };
    expect(doc.error.hint).toContain('may already have received and spent it');
  });
});

// A redirect_uri with characters outside ASCII (a Chinese page name, `café`) comes back in Location
// percent-encoded as UTF-8, as a browser would send it: node:http refused the header (HTTP 500, the code
// minted and lost, nothing in the request log) or wrote it as Latin-1 (`caf%E9` at the callback).
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { locationHeader } from '../../src/emulator/reply.js';
import { sendReply } from '../../src/emulator/server.js';
import { get, post, postForm, useEmulator } from './helpers.js';

const TEST = DEFAULT_APPIDS.test;
const TEST_SECRET = '5e1ec0de5e1ec0de5e1ec0de00000002';
const SVC = DEFAULT_APPIDS.service;
const WEB = DEFAULT_APPIDS.website;

const emu = useEmulator();

function authorizeUrl(appid: string, redirectUri: string, scope: string, state = 's'): string {
  return `/connect/oauth2/authorize?appid=${appid}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=${scope}&state=${state}`;
}

async function requestLog(): Promise<Array<{ path: string; status: number }>> {
  return (await get(emu.url, '/__emulator/requests')).json.requests as Array<{ path: string; status: number }>;
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

/** A callback server on a free port: resolves with the request target it was sent. */
async function callbackServer(): Promise<{ port: number; hit: Promise<string> }> {
  let seen!: (url: string) => void;
  const hit = new Promise<string>((resolve) => (seen = resolve));
  const server = createServer((req, res) => {
    seen(req.url ?? '');
    res.end('ok');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, hit };
}

describe('non-ASCII redirect_uri', () => {
  it('snsapi_base: 302 with the UTF-8 percent-encoded URI, the request logged, the code exchangeable', async () => {
    const r = await get(emu.url, authorizeUrl(TEST, 'http://127.0.0.1:5000/cb?from=首页', 'snsapi_base'));
    expect(r.status).toBe(302);
    const location = r.headers.get('location')!;
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:5000\/cb\?from=%E9%A6%96%E9%A1%B5&code=\w{32}&state=s$/);
    const url = new URL(location);
    expect(url.searchParams.get('from')).toBe('首页');
    const log = await requestLog();
    expect(log.map((e) => [e.path, e.status])).toEqual([['/connect/oauth2/authorize', 302]]);
    const token = await get(emu.url, `/sns/oauth2/access_token?appid=${TEST}&secret=${TEST_SECRET}&code=${url.searchParams.get('code')}&grant_type=authorization_code`);
    expect(token.json.openid).toBe(emu.users[0]!.openids[TEST]);
  });

  it('a Latin-1 letter (café) reaches the callback as UTF-8 (caf%C3%A9), not as one byte (caf%E9)', async () => {
    const cb = await callbackServer();
    const r = await get(emu.url, authorizeUrl(TEST, `http://127.0.0.1:${cb.port}/cb?name=café`, 'snsapi_base'));
    expect(r.status).toBe(302);
    // The header's bytes (fetch reads them as Latin-1): a client that sends them on as they are, like curl.
    expect(r.headers.get('location')).toContain('/cb?name=caf%C3%A9&code=');
    await fetch(r.headers.get('location')!);
    const target = await cb.hit;
    expect(target).toMatch(/^\/cb\?name=caf%C3%A9&code=\w{32}&state=s$/);
    expect(new URL(target, 'http://x').searchParams.get('name')).toBe('café');
  });

  it('existing %XX and ASCII are left as they are; control characters are encoded', async () => {
    const r = await get(emu.url, authorizeUrl(TEST, 'http://127.0.0.1:5000/cb?q=a%20b&t=\t&x=1', 'snsapi_base'));
    expect(r.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:5000\/cb\?q=a%20b&t=%09&x=1&code=/);
  });

  it('the consent page: 允许 and 拒绝 both redirect (302) with the encoded URI', async () => {
    for (const action of ['allow', 'deny']) {
      const page = await get(emu.url, authorizeUrl(SVC, 'http://localhost/回调?from=首页', 'snsapi_userinfo', 'st'));
      expect(page.status).toBe(200);
      const ticket = /name="ticket" value="([0-9a-f]+)"/.exec(page.text)![1]!;
      const r = await postForm(emu.url, '/connect/oauth2/authorize_reply', { ticket, user: 'u1', action });
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toMatch(
        action === 'allow' ? /^http:\/\/localhost\/%E5%9B%9E%E8%B0%83\?from=%E9%A6%96%E9%A1%B5&code=\w{32}&state=st$/ : /^http:\/\/localhost\/%E5%9B%9E%E8%B0%83\?from=%E9%A6%96%E9%A1%B5&state=st$/,
      );
    }
    expect((await requestLog()).map((e) => e.status)).toEqual([200, 302, 200, 302]);
  });

  it('the QR page simulate button (POST /connect/confirm_reply) redirects with the encoded URI', async () => {
    const page = await get(emu.url, `/connect/qrconnect?appid=${WEB}&redirect_uri=${encodeURIComponent('http://localhost/cb?from=首页')}&response_type=code&scope=snsapi_login&state=q`);
    const uuid = /name="uuid" value="([^"]+)"/.exec(page.text)![1]!;
    const r = await postForm(emu.url, '/connect/confirm_reply', { uuid, action: 'confirm', user: 'u2' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toMatch(/^http:\/\/localhost\/cb\?from=%E9%A6%96%E9%A1%B5&code=\w{32}&state=q$/);
    // The control API answers the same URI, unencoded (JSON carries any text).
    const again = await get(emu.url, `/connect/qrconnect?appid=${WEB}&redirect_uri=${encodeURIComponent('http://localhost/cb?from=首页')}&response_type=code&scope=snsapi_login&state=q2`);
    expect(again.status).toBe(200);
    expect((await post(emu.url, '/__emulator/scan', {})).json.redirect).toMatch(/^http:\/\/localhost\/cb\?from=首页&code=/);
  });
});

describe('locationHeader', () => {
  it('encodes as UTF-8 and never throws on a lone surrogate (written as U+FFFD)', () => {
    expect(locationHeader('http://h/a?b=c%2F&d=e f')).toBe('http://h/a?b=c%2F&d=e f');
    expect(locationHeader('http://h/é\u{1F600}')).toBe('http://h/%C3%A9%F0%9F%98%80');
    expect(locationHeader('http://h/\uD800x\uDC00')).toBe('http://h/%EF%BF%BDx%EF%BF%BD');
    expect(locationHeader('http://h/\x7f\x00')).toBe('http://h/%7F%00');
  });
});

describe('a reply node:http refuses to send', () => {
  it('becomes a 500 "Internal Server Error" (not "500 Found") without the refused reply’s headers', async () => {
    const server = createServer((_req, res) => {
      const sent = sendReply(res, { status: 302, headers: { 'set-cookie': 'a=b', location: 'http://h/\u0100' }, body: '' }, false);
      res.on('finish', () => server.emit('sent', sent.status));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const answered = new Promise<number>((resolve) => server.once('sent', resolve));
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) =>
      httpGet({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/' }, resolve).on('error', reject),
    );
    res.resume();
    expect(res.statusCode).toBe(500);
    expect(res.statusMessage).toBe('Internal Server Error');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers.location).toBeUndefined();
    expect(await answered).toBe(500);
  });
});

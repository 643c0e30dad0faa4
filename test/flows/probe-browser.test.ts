// The probe browser's HTTP basic auth (a start URL with user:password@): the Authorization header goes to
// the app's origin alone, never to the emulator or another origin the browser may visit, over real sockets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeBrowser, basicAuthOf } from '../../src/flows/probe/browser.js';

const servers: Server[] = [];
const seen: Array<{ port: number; authorization?: string }> = [];

async function server(): Promise<string> {
  const s = createServer((req, res) => {
    seen.push({ port: (s.address() as AddressInfo).port, authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  servers.push(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

let app: string;
let other: string;
let emulator: string;
beforeAll(async () => {
  [app, other, emulator] = [await server(), await server(), await server()];
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('probe browser: basic auth from the start URL', () => {
  it('takes user:password@ out of the URL, decoded, and sends it to the app origin only', async () => {
    const basic = basicAuthOf(`${app.replace('http://', 'http://al%40ice:p%3Ass@')}/login?next=/me`)!;
    expect(basic.url).toBe(`${app}/login?next=/me`);
    expect(basic.username).toBe('al@ice');
    expect(Buffer.from(basic.header.slice('Basic '.length), 'base64').toString()).toBe('al@ice:p:ss');
    expect(basicAuthOf(`${app}/login`)).toBeUndefined();

    const b = new ProbeBrowser({ allowedOrigins: new Set([app, other]), emulatorOrigin: emulator, timeoutMs: 5000, signal: new AbortController().signal, seen: [], appAuthorization: { origin: basic.origin, header: basic.header } });
    for (const url of [basic.url, `${other}/cb`, `${emulator}/connect/oauth2/authorize?appid=x`]) expect((await b.request('GET', url)).status).toBe(200);
    const port = (origin: string) => Number(new URL(origin).port);
    expect(seen).toEqual([
      { port: port(app), authorization: basic.header },
      { port: port(other), authorization: undefined },
      { port: port(emulator), authorization: undefined },
    ]);
  });
});

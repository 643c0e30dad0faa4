// wxauth proxy (issue 15) with the emulator (or a plain node:http server) as upstream and real clients
// behind it: wxauth itself, the wechat-oauth SDK from npm, and raw node:http requests for the bytes.
// Loopback only; no mocked fetch. The command runs in-process with its own abort controller (Ctrl-C).
import http from 'node:http';
import net from 'node:net';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageParams } from '../../src/errors.js';
import { startEmulator, defaultSeed, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { startProxy, type Blocked, type ProxyHandle } from '../../src/flows/proxy/server.js';
import { loopbackPeers, type PeerProcSource } from '../../src/flows/proxy/peer-process.js';
import { tr } from '../../src/ui/i18n.js';
import type { MessageRef } from '../../src/errors.js';
import { fakeProc } from '../fixtures/fake-proc.js';
import type { DetectorHit, ObservedCall } from '../../src/core/proxy-detect.js';
import type { HarEntry } from '../../src/core/proxy-har.js';
import { BIN, baseEnv, collect, freePort, runCli, spawnCli, waitForOutput } from './helpers.js';

const require = createRequire(import.meta.url);
const SERVICE: string = DEFAULT_APPIDS.service;

interface Raw {
  status: number;
  statusMessage: string;
  rawHeaders: string[];
  body: Buffer;
}

function request(base: string, target: string, options: { method?: string; headers?: Record<string, string> | string[]; body?: Buffer | string; agent?: http.Agent; localAddress?: string; localPort?: number; signal?: AbortSignal } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = http.request({ host: url.hostname, port: url.port, method: options.method ?? 'GET', path: target, headers: options.headers, agent: options.agent ?? false, ...(options.localAddress ? { localAddress: options.localAddress } : {}), ...(options.localPort ? { localPort: options.localPort } : {}), ...(options.signal ? { signal: options.signal } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Raw headers without Date (its second may tick between two calls). */
function withoutDate(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() !== 'date') out.push(raw[i]!, raw[i + 1]!);
  return out;
}

interface Recorded {
  calls: ObservedCall[];
  hits: DetectorHit[];
  blocked: Blocked[];
}

async function proxyTo(upstream: string, extra: { timeoutMs?: number; quotas?: Record<string, number>; showSecrets?: boolean; peerLookupMs?: number; peerProcesses?: PeerProcSource; requestTimeoutMs?: number; headersTimeoutMs?: number } = {}): Promise<ProxyHandle & Recorded & { harEntries(): HarEntry[] }> {
  const rec: Recorded = { calls: [], hits: [], blocked: [] };
  const har: HarEntry[] = [];
  const handle = await startProxy({
    host: '127.0.0.1',
    port: 0,
    upstream,
    timeoutMs: extra.timeoutMs ?? 5000,
    showSecrets: extra.showSecrets ?? false,
    quotas: extra.quotas,
    ...(extra.peerLookupMs !== undefined ? { peerLookupMs: extra.peerLookupMs } : {}),
    ...(extra.peerProcesses ? { peerProcesses: extra.peerProcesses } : {}),
    ...(extra.requestTimeoutMs !== undefined ? { requestTimeoutMs: extra.requestTimeoutMs } : {}),
    ...(extra.headersTimeoutMs !== undefined ? { headersTimeoutMs: extra.headersTimeoutMs } : {}),
    har: (entry) => har.push(entry),
    hooks: { call: (c) => rec.calls.push(c), hit: (h) => rec.hits.push(h), blocked: (b) => rec.blocked.push(b) },
  });
  return Object.assign(handle, rec, { harEntries: () => har });
}

/**
 * Has the proxy's process lookup find this test process at once from now on, as it finds a server that
 * called lately (peer-process.ts keeps the last few): a proxy run by the command allows its lookup 0.5 s,
 * which a whole scan of /proc can overrun on a loaded machine, and this process is no newest one.
 */
async function lookupKnowsThisProcess(): Promise<void> {
  const look = loopbackPeers();
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const found = new Promise<unknown>((resolve) => server.once('connection', (s) => void look(s).then(resolve)));
  const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  try {
    expect(await found).toMatchObject({ pid: process.pid });
  } finally {
    socket.destroy();
    server.close();
  }
}

/** Send raw `bytes` to the proxy at `url` and collect what comes back until it closes the connection (or `ms` pass). */
async function untilClosed(url: string, bytes: string, ms: number): Promise<{ answer: string; closed: boolean }> {
  const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(bytes);
  let answer = '';
  socket.on('data', (d: Buffer) => (answer += d.toString()));
  const closed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  socket.destroy();
  return { answer, closed };
}

/** Wait until the hooks have seen `n` calls (they report when the answer has been sent). */
async function calls(p: Recorded, n: number): Promise<void> {
  for (let i = 0; i < 200 && p.calls.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  expect(p.calls.length).toBeGreaterThanOrEqual(n);
}

/**
 * The emulator behind a relay that holds back its answer to the first call `held` picks (WeChat slow to
 * answer, not to act: the emulator has served the call, so a code is spent) until release(). `served`
 * settles once the emulator has answered that call. The order of answers is then the test's, not a timer's.
 */
async function holdingRelay(held: (req: http.IncomingMessage) => boolean) {
  let onServed!: () => void;
  const served = new Promise<void>((resolve) => (onServed = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  const server = http.createServer((req, res) => {
    const hold = !holding && held(req);
    if (hold) holding = true;
    const up = http.request(`${emu.url}${req.url ?? '/'}`, { method: req.method, headers: req.headers, agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        void (async () => {
          if (hold) {
            onServed();
            await released;
          }
          if (res.destroyed) return; // the proxy gave up on it (its caller went away)
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        })();
      });
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    served,
    release,
    close() {
      release();
      server.closeAllConnections();
      server.close();
    },
  };
}

let emu: EmulatorHandle;
beforeAll(async () => {
  const seed = defaultSeed();
  // The subscription app only answers from a whitelisted IP: its /cgi-bin/token gives 40164.
  seed.apps.find((a) => a.appid === DEFAULT_APPIDS.subscription)!.ipWhitelist = ['198.51.100.7'];
  emu = await startEmulator({ seed, switches: { ridStyle: 'none' } });
});
afterAll(async () => {
  await emu.close();
});

const app = () => emu.apps.find((a) => a.appid === SERVICE)!;
const tokenPath = (appid: string = SERVICE, secret: string = app().secret) => `/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`;
const exchangePath = (code: string) => `/sns/oauth2/access_token?appid=${SERVICE}&secret=${app().secret}&code=${code}&grant_type=authorization_code`;

describe('pass-through', () => {
  it('answers byte for byte what the upstream answers directly: status, raw headers (order and case), body', async () => {
    const p = await proxyTo(emu.url);
    try {
      for (const target of ['/sns/oauth2/access_token?appid=wx5e1ec0de00000001&code=nope', '/cgi-bin/nowhere', '/sns/auth?access_token=x&openid=y']) {
        const direct = await request(emu.url, target);
        const proxied = await request(p.url, target);
        expect(proxied.status).toBe(direct.status);
        expect(proxied.statusMessage).toBe(direct.statusMessage);
        expect(withoutDate(proxied.rawHeaders)).toEqual(withoutDate(direct.rawHeaders));
        expect(proxied.rawHeaders.filter((h) => h.toLowerCase() === 'date')).toHaveLength(direct.rawHeaders.filter((h) => h.toLowerCase() === 'date').length);
        expect(proxied.body.equals(direct.body)).toBe(true);
      }
    } finally {
      await p.close();
    }
  });

  describe('against an echo server', () => {
    let echo: http.Server;
    let echoUrl: string;
    beforeAll(async () => {
      echo = http.createServer((req, res) => {
        const hash = crypto.createHash('sha256');
        let size = 0;
        req.on('data', (c: Buffer) => {
          hash.update(c);
          size += c.length;
        });
        req.on('end', () => {
          if (req.url?.startsWith('/big')) {
            // A 12 MiB answer with a header in odd case, chunked.
            res.writeHead(200, ['X-Odd-Case', 'Yes', 'Content-Type', 'application/octet-stream']);
            const block = Buffer.alloc(1024 * 1024, 7);
            for (let i = 0; i < 12; i++) res.write(block);
            res.end();
            return;
          }
          const body = JSON.stringify({ method: req.method, url: req.url, raw: req.rawHeaders, size, sha: hash.digest('hex') });
          res.writeHead(201, 'Made Up', { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        });
      });
      await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
      echoUrl = `http://127.0.0.1:${(echo.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((r) => echo.close(() => r())));

    it('forwards method, path, query, headers (order, case, repeats) and a 20 MiB body unchanged; only Host names the upstream', async () => {
      const p = await proxyTo(echoUrl);
      try {
        const body = crypto.randomBytes(20 * 1024 * 1024);
        // Written by hand on a socket: node's client mis-frames a body sent with an array of raw headers.
        const head = ['PUT /cgi-bin/stable_token?a=1&a=2&b=%E4%B8%AD HTTP/1.1', `Host: ${new URL(p.url).host}`, 'X-Trace: one', 'x-trace: two', 'Content-Type: application/json', `Content-Length: ${body.length}`, 'Connection: close', '', ''].join('\r\n');
        const reply = await new Promise<Buffer>((resolve, reject) => {
          const socket = net.connect(Number(new URL(p.url).port), '127.0.0.1');
          const chunks: Buffer[] = [];
          socket.on('data', (c: Buffer) => chunks.push(c));
          socket.on('end', () => resolve(Buffer.concat(chunks)));
          socket.on('error', reject);
          // Not end(): a half-closed caller is a caller gone away, to node's server as to most.
          socket.write(head);
          socket.write(body);
        });
        const split = reply.indexOf('\r\n\r\n');
        const res = { status: Number(/^HTTP\/1\.1 (\d+)/.exec(reply.toString('latin1'))?.[1]), statusMessage: /^HTTP\/1\.1 \d+ ([^\r]*)/.exec(reply.toString('latin1'))?.[1], body: reply.subarray(split + 4) };
        expect(res.status).toBe(201);
        expect(res.statusMessage).toBe('Made Up');
        const seen = JSON.parse(res.body.toString()) as { method: string; url: string; raw: string[]; size: number; sha: string };
        expect(seen.method).toBe('PUT');
        expect(seen.url).toBe('/cgi-bin/stable_token?a=1&a=2&b=%E4%B8%AD');
        expect(seen.size).toBe(body.length);
        expect(seen.sha).toBe(crypto.createHash('sha256').update(body).digest('hex'));
        const names = seen.raw.filter((_, i) => i % 2 === 0);
        expect(names.filter((n) => n !== 'Host' && n !== 'Connection')).toEqual(['X-Trace', 'x-trace', 'Content-Type', 'Content-Length']);
        expect(seen.raw[seen.raw.indexOf('Host') + 1]).toBe(new URL(echoUrl).host);
        await calls(p, 1);
        expect(p.calls[0]!.requestBodySize).toBe(body.length);
        const har = p.harEntries()[0]!;
        expect(har.comment).toMatch(/truncated/);
      } finally {
        await p.close();
      }
    });

    it('streams a 12 MiB answer back unchanged', async () => {
      const p = await proxyTo(echoUrl);
      try {
        // Both with keep-alive: Connection and Keep-Alive describe the hop, and the proxy's hop to the upstream is always kept alive.
        const agent = new http.Agent({ keepAlive: true });
        const direct = await request(echoUrl, '/big', { agent });
        const proxied = await request(p.url, '/big', { agent });
        agent.destroy();
        expect(proxied.body.length).toBe(12 * 1024 * 1024);
        expect(proxied.body.equals(direct.body)).toBe(true);
        expect(withoutDate(proxied.rawHeaders)).toEqual(withoutDate(direct.rawHeaders));
      } finally {
        await p.close();
      }
    });
  });

  it('cuts off a caller that never finishes sending its request (a trickled body), instead of holding the connection', async () => {
    const p = await proxyTo(emu.url, { requestTimeoutMs: 500 });
    try {
      const { answer, closed } = await untilClosed(p.url, 'POST /cgi-bin/stable_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"grant', 5000);
      expect(closed).toBe(true);
      expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    } finally {
      await p.close();
    }
  });

  it('cuts off a caller that trickles its headers a byte at a time (slowloris) soon after the headers timeout, not at Node\'s 30 s sweep', async () => {
    // The request timeout stays at its 5 minutes: only the headers timeout is short. Node checks both
    // on its connection sweep, which used to run every 30 s; the bound of 10 s is what it must now beat.
    const p = await proxyTo(emu.url, { headersTimeoutMs: 1000 });
    const socket = net.connect(Number(new URL(p.url).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('error', () => undefined);
    const bytes = 'GET /sns/auth?access_token=t&openid=o HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200);
    let sent = 0;
    const trickle = setInterval(() => {
      if (socket.writable && sent < bytes.length) socket.write(bytes[sent++]!);
    }, 200);
    try {
      const closed = await new Promise<boolean>((resolve) => {
        const bound = setTimeout(() => resolve(false), 10_000);
        socket.once('close', () => {
          clearTimeout(bound);
          resolve(true);
        });
      });
      expect(closed).toBe(true);
      expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      // The proxy still serves the next caller.
      expect((await request(p.url, '/sns/auth?access_token=t&openid=o')).status).toBe(200);
    } finally {
      clearInterval(trickle);
      socket.destroy();
      await p.close();
    }
  }, 20_000);

  it('an answer already begun (an upstream that answered before the trickled body was in) is never followed by a 408', async () => {
    const early = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '27' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
    await new Promise<void>((resolve) => early.listen(0, '127.0.0.1', () => resolve()));
    const p = await proxyTo(`http://127.0.0.1:${(early.address() as net.AddressInfo).port}`, { requestTimeoutMs: 500 });
    try {
      const { answer } = await untilClosed(p.url, 'POST /cgi-bin/media/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\npart', 4000);
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(answer).not.toContain('408');
    } finally {
      await p.close();
      await new Promise<void>((resolve) => early.close(() => resolve()));
    }
  });

  it('serves concurrent callers: 60 at once, each gets its own answer', async () => {
    const p = await proxyTo(emu.url);
    try {
      const targets = Array.from({ length: 60 }, (_, i) => `/sns/auth?access_token=t${i}&openid=o${i}`);
      const [direct, proxied] = await Promise.all([Promise.all(targets.map((t) => request(emu.url, t))), Promise.all(targets.map((t) => request(p.url, t)))]);
      proxied.forEach((r, i) => expect(r.body.toString()).toBe(direct[i]!.body.toString()));
      await calls(p, 60);
      expect(p.summary().endpoints).toEqual([expect.objectContaining({ endpoint: '/sns/auth', calls: 60 })]);
    } finally {
      await p.close();
    }
  });
});

describe('DNS rebinding and the emulator\'s control API', () => {
  it('answers only its own addresses in Host: a rebound name is refused (403) before anything reaches the upstream', async () => {
    const p = await proxyTo(emu.url);
    try {
      const port = new URL(p.url).port;
      const seed = await request(p.url, '/__emulator/seed', { headers: { Host: `evil.attacker.test:${port}` } });
      expect(seed.status).toBe(403);
      expect(seed.body.toString()).toMatch(/^wxauth proxy: refused: Host "evil\.attacker\.test:\d+" is not an address of this proxy.*DNS rebinding/);
      expect(seed.body.toString()).not.toContain(app().secret);
      const token = await request(p.url, tokenPath(), { headers: { Host: `evil.attacker.test:${port}` } });
      expect(token.status).toBe(403);
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
        const ok = await request(p.url, tokenPath(), { headers: { Host: host } });
        expect(ok.status, host).toBe(200);
        expect(JSON.parse(ok.body.toString())).toHaveProperty('access_token');
      }
      // Only the answered calls were seen and forwarded; the refusals were reported as such.
      await calls(p, 3);
      expect(p.calls).toHaveLength(3);
      expect(p.blocked).toEqual([
        { reason: 'host', caller: expect.stringMatching(/^127\.0\.0\.1:\d+$/) as unknown as string, target: `evil.attacker.test:${port}` },
        { reason: 'host', caller: expect.stringMatching(/^127\.0\.0\.1:\d+$/) as unknown as string, target: `evil.attacker.test:${port}` },
      ]);
    } finally {
      await p.close();
    }
  });

  // A hosts-file entry or an nginx in front (proxy_set_header Host api.weixin.qq.com) sends WeChat's own
  // name; no page can rebind it, so it is answered. A look-alike is still refused.
  it('answers Host: api.weixin.qq.com (and the regional API hosts), with or without a port; a look-alike stays refused', async () => {
    const p = await proxyTo(emu.url);
    try {
      const port = new URL(p.url).port;
      for (const host of ['api.weixin.qq.com', `api.weixin.qq.com:${port}`, 'sh.api.weixin.qq.com', 'API.WEIXIN.QQ.COM']) {
        const ok = await request(p.url, tokenPath(), { headers: { Host: host } });
        expect(ok.status, host).toBe(200);
        expect(JSON.parse(ok.body.toString())).toHaveProperty('access_token');
      }
      for (const host of ['api.weixin.qq.com.evil.test', 'open.weixin.qq.com', 'weixin.qq.com']) {
        expect((await request(p.url, tokenPath(), { headers: { Host: host } })).status, host).toBe(403);
      }
      await calls(p, 4);
      expect(p.blocked.map((b) => b.target)).toEqual(['api.weixin.qq.com.evil.test', 'open.weixin.qq.com', 'weixin.qq.com']);
    } finally {
      await p.close();
    }
  });

  it('--allow-host adds a name of yours (host.docker.internal from a container); other names stay refused', async () => {
    const px = await runProxyCommand(['--upstream', emu.url, '--allow-host', 'host.docker.internal']);
    const port = new URL(px.url).port;
    const ok = await request(px.url, tokenPath(), { headers: { Host: `host.docker.internal:${port}` } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body.toString())).toHaveProperty('access_token');
    const still = await request(px.url, tokenPath(), { headers: { Host: `evil.attacker.test:${port}` } });
    expect(still.status).toBe(403);
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text).toContain('--allow-host');
  });

  it('never forwards /__emulator/ paths, however they are spelled, even from this machine', async () => {
    const p = await proxyTo(emu.url);
    try {
      const before = await request(emu.url, '/__emulator/seed');
      expect(before.status).toBe(200);
      for (const target of ['/__emulator/seed', '/__EMULATOR/seed', '/%5F%5Femulator/seed', '/x/../__emulator/seed', '/./__emulator/faults', '/__emulator']) {
        const res = await request(p.url, target, { method: target.endsWith('faults') ? 'POST' : 'GET', headers: { 'Content-Type': 'application/json' }, body: target.endsWith('faults') ? '{}' : undefined });
        expect(res.status, target).toBe(403);
        expect(res.body.toString(), target).toMatch(/control API/);
        expect(res.body.toString(), target).not.toContain(app().secret);
        // Said for programs too (wxauth probe): this is a wxauth proxy, and to this machine, its upstream.
        const headers = Object.fromEntries(Array.from({ length: res.rawHeaders.length / 2 }, (_, i) => [res.rawHeaders[2 * i]!.toLowerCase(), res.rawHeaders[2 * i + 1]!]));
        expect(headers['x-wxauth-proxy'], target).toBe('1');
        expect(headers['x-wxauth-proxy-upstream'], target).toBe(emu.url);
      }
      expect(p.blocked.map((b) => b.reason)).toEqual(Array(6).fill('control'));
      // wxauth probe asking what this is gets the same answer, and no "refused" line in the live view.
      const { proxyUpstream } = await import('../../src/flows/probe/control.js');
      expect(await proxyUpstream(p.url, 3000, new AbortController().signal)).toBe(emu.url);
      expect(p.blocked).toHaveLength(6);
    } finally {
      await p.close();
    }
  });

  // `/` reached the emulator's own page: the proxy names the upstream in Host, and the emulator serves its
  // page to requests addressed to itself.
  it('does not forward / (the emulator’s page) to an upstream that is not WeChat’s; WeChat’s API paths still go through', async () => {
    const direct = await request(emu.url, '/');
    expect(direct.body.toString()).toContain('<html');
    const p = await proxyTo(emu.url);
    try {
      for (const target of ['/', '/?lang=en', '/./', '/x/..']) {
        const res = await request(p.url, target);
        expect(res.status, target).toBe(403);
        expect(res.body.toString(), target).not.toContain('<html');
        expect(res.body.toString(), target).toContain('emulator\'s own page');
      }
      expect(p.blocked.map((b) => [b.reason, b.target])).toEqual(Array(4).fill(['control', '/']));
      expect(JSON.parse((await request(p.url, tokenPath())).body.toString())).toHaveProperty('access_token');
      expect((await request(p.url, '/cgi-bin/getcallbackip?access_token=x')).status).not.toBe(403);
    } finally {
      await p.close();
    }
  });

  it('says when a client speaks TLS (https://) to its plain-HTTP port, once per caller, with the http:// address', async () => {
    const p = await proxyTo(emu.url);
    try {
      const tls = await import('node:tls');
      const port = Number(new URL(p.url).port);
      for (let i = 0; i < 2; i++) {
        await new Promise<void>((resolve) => {
          const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false });
          s.on('error', () => resolve());
          s.on('close', () => resolve());
        });
      }
      for (let i = 0; i < 200 && p.blocked.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(p.blocked).toEqual([{ reason: 'tls', caller: expect.stringMatching(/^127\.0\.0\.1:\d+$/), target: p.url }]);
    } finally {
      await p.close();
    }
  });

  it('refuses a call a web page on another site sent; passes servers, the address bar, a local page and a browser sent to the authorize page', async () => {
    const p = await proxyTo(emu.url);
    try {
      const stable = JSON.stringify({ grant_type: 'client_credential', appid: SERVICE, secret: app().secret, force_refresh: true });
      // What Chromium sends for fetch(..., { mode: 'no-cors', method: 'POST' }) from https://evil.example.
      const page = await request(p.url, '/cgi-bin/stable_token', { method: 'POST', headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Content-Type': 'text/plain' }, body: stable });
      expect(page.status).toBe(403);
      expect(page.body.toString()).toMatch(/^wxauth proxy: refused: a web page on another site \(https:\/\/evil\.example\) sent this/);
      // A browser without Fetch Metadata: the Origin says it.
      expect((await request(p.url, tokenPath(), { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
      // A cross-site navigation to an API path is a page's call too.
      expect((await request(p.url, tokenPath(), { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(403);
      // A form in a sandboxed iframe (or a file:// page) sends `Origin: null` and, to a LAN address, no
      // Fetch Metadata: a page all the same.
      const sandboxed = await request(p.url, '/cgi-bin/clear_quota', { method: 'POST', headers: { Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'appid=x' });
      expect(sandboxed.status).toBe(403);
      expect(sandboxed.body.toString()).toContain('a web page on another site (Origin: null)');
      expect(p.blocked.map((b) => [b.reason, b.target])).toEqual([['page', 'https://evil.example'], ['page', 'https://evil.example'], ['page', 'cross-site'], ['page', 'Origin: null']]);
      // A server (no such headers), the address bar (none), a page of this machine, and a browser the app
      // sends on to the authorize page (the app's open base at the proxy) all pass.
      expect((await request(p.url, tokenPath())).status).toBe(200);
      expect((await request(p.url, tokenPath(), { headers: { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(200);
      expect((await request(p.url, tokenPath(), { headers: { Origin: 'http://localhost:3000' } })).status).toBe(200);
      const authorize = `/connect/oauth2/authorize?appid=${SERVICE}&redirect_uri=${encodeURIComponent('http://localhost:3000/cb')}&response_type=code&scope=snsapi_base&state=s`;
      expect((await request(p.url, authorize, { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } })).status).not.toBe(403);
      // A site that embeds the QR login loads wxLogin.js as a script, not a navigation.
      const script = await request(p.url, '/connect/zh_CN/htmledition/js/wxLogin.js', { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'script' } });
      expect(script.status).toBe(200);
      // A page path that resolves to an API path is the API path.
      expect((await request(p.url, `/connect/../${tokenPath().slice(1)}`, { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(403);
      expect(p.blocked).toHaveLength(5);
    } finally {
      await p.close();
    }
  });

  it('a page path that an upstream decoding %2f or %5c before resolving dot segments (nginx) would read as an API path is refused to another site', async () => {
    // Such an upstream: it decodes, then resolves `..`, as nginx does before it matches a location.
    const seen: string[] = [];
    const nginx = http.createServer((req, res) => {
      seen.push(new URL(decodeURIComponent(req.url!).replace(/\\/g, '/'), 'http://x').pathname);
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
    await new Promise<void>((resolve) => nginx.listen(0, '127.0.0.1', resolve));
    const p = await proxyTo(`http://127.0.0.1:${(nginx.address() as net.AddressInfo).port}`);
    try {
      // What Chromium sends for <img src="http://127.0.0.1:PORT/connect/..%2fcgi-bin/…"> on another site.
      const image = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' };
      const escapes = [
        '/connect/..%2fcgi-bin/message/custom/send?access_token=X',
        '/connect/%2e%2e%2fcgi-bin/token?grant_type=client_credential&appid=wx5e1ec0de00000001&secret=s',
        '/connect/..%5ccgi-bin/token?appid=x',
        '/connect/%2E%2E%2Fcgi-bin/token',
        '/connect/oauth2/..%2F..%2Fcgi-bin/token',
        '/connect/..;/cgi-bin/token',
        '/connect/..\\cgi-bin/token',
        '/connect/%252e%252e%252fcgi-bin/token',
      ];
      for (const target of escapes) {
        const res = await request(p.url, target, { headers: image });
        expect(res.status, target).toBe(403);
        expect(res.body.toString(), target).toContain('a web page on another site (cross-site) sent this');
      }
      expect(seen).toEqual([]);
      expect(p.blocked.map((b) => b.reason)).toEqual(escapes.map(() => 'page'));
      // The same paths from a server (no Fetch Metadata) are forwarded as they came; and WeChat's pages still
      // load from another site, with an encoded redirect_uri in the query.
      expect((await request(p.url, escapes[0]!)).status).toBe(200);
      const authorize = `/connect/oauth2/authorize?appid=${SERVICE}&redirect_uri=${encodeURIComponent('http://localhost:3000/cb')}&response_type=code&scope=snsapi_base&state=s`;
      expect((await request(p.url, authorize, { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(200);
      expect((await request(p.url, '/connect/zh_CN/htmledition/js/wxLogin.js', { headers: { ...image, 'Sec-Fetch-Dest': 'script' } })).status).toBe(200);
      expect(seen).toEqual(['/cgi-bin/message/custom/send', '/connect/oauth2/authorize', '/connect/zh_CN/htmledition/js/wxLogin.js']);
    } finally {
      await p.close();
      await new Promise<void>((resolve) => nginx.close(() => resolve()));
    }
  });

  it('wxauth proxy says on screen (both languages) and in --json why it refused a call', async () => {
    for (const [args, expected] of [
      [[], /refused \(403\): Host "evil\.attacker\.test:\d+" is not an address of this proxy/],
      [['--lang', 'zh'], /已拒绝（403），Host「evil\.attacker\.test:\d+」不是代理自己的地址/],
    ] as const) {
      const px = await runProxyCommand(['--upstream', emu.url, ...args]);
      const res = await request(px.url, '/__emulator/seed', { headers: { Host: `evil.attacker.test:${new URL(px.url).port}` } });
      expect(res.status).toBe(403);
      expect(await px.stop()).toBe(0);
      expect(px.stderr.text).toMatch(expected);
    }
    const px = await runProxyCommand(['--upstream', emu.url, '--json']);
    await request(px.url, '/__emulator/seed');
    expect(await px.stop()).toBe(0);
    const lines = px.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.type === 'blocked')).toMatchObject({ reason: 'control', target: '/__emulator/seed' });
  });
});

/** CONNECT `authority` through the proxy, as an HTTPS_PROXY client opens its tunnel: the status it got. */
function connectStatus(proxy: string, authority: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(proxy);
    const req = http.request({ host: url.hostname, port: url.port, method: 'CONNECT', path: authority, agent: false });
    req.on('connect', (res: http.IncomingMessage, socket: net.Socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a client that has the proxy as its HTTPS_PROXY or HTTP_PROXY (no --intercept)', () => {
  it('a tunnel (CONNECT) gets a 405, and the proxy says on screen (both languages) and in --json why, once per caller and target', async () => {
    const px = await runProxyCommand(['--upstream', emu.url]);
    for (const authority of ['api.weixin.qq.com:443', 'api.weixin.qq.com:443', 'example.com:443']) expect(await connectStatus(px.url, authority)).toBe(405);
    expect(await px.stop()).toBe(0);
    const said = px.stderr.text.split('\n').filter((l) => l.includes('CONNECT'));
    expect(said, px.stderr.text).toHaveLength(2);
    expect(said[0]).toMatch(/^! 127\.0\.0\.1:\d+ asked for a tunnel \(CONNECT api\.weixin\.qq\.com:443\) and got a 405: it has this proxy as its HTTPS_PROXY/);
    expect(said[0]).toContain('restart it as wxauth proxy --intercept');
    expect(said[0]).toContain(`aim its SDK's API base at ${px.url}.`);
    expect(said[1]).toContain('(CONNECT example.com:443)');

    const zh = await runProxyCommand(['--upstream', emu.url, '--lang', 'zh']);
    expect(await connectStatus(zh.url, 'api.weixin.qq.com:443')).toBe(405);
    expect(await zh.stop()).toBe(0);
    expect(zh.stderr.text).toMatch(/127\.0\.0\.1:\d+ 想经代理建立隧道（CONNECT api\.weixin\.qq\.com:443），已回 405：它把这个代理设成了 HTTPS_PROXY/);
    expect(zh.stderr.text).toContain(`把 SDK 的 API 地址改成 ${zh.url}`);

    const json = await runProxyCommand(['--upstream', emu.url, '--json']);
    expect(await connectStatus(json.url, 'api.weixin.qq.com:443')).toBe(405);
    expect(await json.stop()).toBe(0);
    const lines = json.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.type === 'blocked')).toEqual([{ type: 'blocked', reason: 'connect', caller: expect.stringMatching(/^127\.0\.0\.1:\d+$/), target: 'api.weixin.qq.com:443', base: json.url }]);
  });

  it('a call to WeChat\'s API in absolute form (HTTP_PROXY) goes to the upstream and is shown; other hosts are refused with the way out, not --allow-host', async () => {
    const p = await proxyTo(emu.url);
    try {
      // As curl --proxy sends it: the absolute URL, and WeChat's name in Host.
      const target = '/sns/auth?access_token=abc&openid=def';
      const direct = await request(emu.url, target);
      for (const host of ['api.weixin.qq.com', 'sh.api.weixin.qq.com']) {
        const proxied = await request(p.url, `http://${host}${target}`, { headers: { Host: host } });
        expect(proxied.status, host).toBe(direct.status);
        expect(proxied.body.equals(direct.body), host).toBe(true);
      }
      await calls(p, 2);
      expect(p.calls.map((c) => [c.endpoint, c.errcode])).toEqual([['/sns/auth', 40014], ['/sns/auth', 40014]]);
      // What the proxy never forwards stays refused in this form too: the control API, a page's call.
      expect((await request(p.url, 'http://api.weixin.qq.com/__emulator/seed', { headers: { Host: 'api.weixin.qq.com' } })).status).toBe(403);
      expect((await request(p.url, `http://api.weixin.qq.com${target}`, { headers: { Host: 'api.weixin.qq.com', Origin: 'https://evil.example' } })).status).toBe(403);
      // Any other host, or a WeChat name on a port of its own, is not WeChat's API: refused, and said why.
      for (const url of ['http://example.com/', 'http://api.weixin.qq.com:3977/', `http://open.weixin.qq.com/connect/qrconnect?appid=${SERVICE}`]) {
        const res = await request(p.url, url, { headers: { Host: new URL(url).host } });
        expect(res.status, url).toBe(403);
        expect(res.body.toString(), url).toMatch(/^wxauth proxy: refused: without --intercept this proxy forwards only calls to WeChat's API hosts/);
      }
      expect(p.calls).toHaveLength(2);
      expect(p.blocked.map((b) => [b.reason, b.target])).toEqual([
        ['control', '/__emulator/seed'],
        ['page', 'https://evil.example'],
        ['forward', 'http://example.com'],
        ['forward', 'http://api.weixin.qq.com:3977'],
        ['forward', 'http://open.weixin.qq.com'],
      ]);
    } finally {
      await p.close();
    }
    const px = await runProxyCommand(['--upstream', emu.url]);
    expect((await request(px.url, 'http://api.weixin.qq.com/sns/auth?access_token=abc&openid=def', { headers: { Host: 'api.weixin.qq.com' } })).status).toBe(200);
    expect((await request(px.url, 'http://example.com/', { headers: { Host: 'example.com' } })).status).toBe(403);
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text).toMatch(/127\.0\.0\.1:\d+ {2}GET \/sns\/auth {2}- {2}200 {2}40014/);
    expect(px.stderr.text).toMatch(/127\.0\.0\.1:\d+ used the proxy as its HTTP_PROXY for http:\/\/example\.com and got a 403: without --intercept the proxy forwards only calls to WeChat's API hosts/);
    expect(px.stderr.text).not.toContain('--allow-host');
    expect(px.stdout.text).toMatch(/\/sns\/auth +1 +40014×1/);
  });
});

describe('upstream failures', () => {
  it('an upstream that cannot be reached is a 502 with a short text body, never a WeChat body', async () => {
    const port = await freePort();
    const p = await proxyTo(`http://127.0.0.1:${port}`);
    try {
      const res = await request(p.url, tokenPath());
      expect(res.status).toBe(502);
      expect(res.body.toString()).toMatch(/^wxauth proxy: cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\nwxauth proxy：连不上 http:\/\/127\.0\.0\.1:\d+（ECONNREFUSED）\n$/);
      expect(res.body.toString()).not.toMatch(/errcode/);
      await calls(p, 1);
      expect(p.calls[0]).toMatchObject({ outcome: 'unreachable', failure: 'ECONNREFUSED', status: 502 });
    } finally {
      await p.close();
    }
  });

  it('an https upstream whose TLS handshake fails (EPROTO: it speaks plain HTTP) is the documented 502, not a reset', async () => {
    const p = await proxyTo(emu.url.replace(/^http:/, 'https:'));
    try {
      const res = await request(p.url, tokenPath());
      expect(res.status).toBe(502);
      expect(res.body.toString()).toMatch(/^wxauth proxy: cannot reach https:\/\/127\.0\.0\.1:\d+ \(EPROTO\)\n/);
      await calls(p, 1);
      expect(p.calls[0]).toMatchObject({ outcome: 'unreachable', failure: 'EPROTO', status: 502 });
      expect(p.calls[0]!.caller).toMatch(/^127\.0\.0\.1:\d+$/);
    } finally {
      await p.close();
    }
  });

  it('an upstream that resets resets the caller too, as it would directly', async () => {
    const p = await proxyTo(emu.url);
    try {
      emu.addFault({ kind: 'reset', count: 1 });
      const direct = await request(emu.url, '/sns/auth').then(() => 'answered', (e: NodeJS.ErrnoException) => e.code);
      emu.addFault({ kind: 'reset', count: 1 });
      const proxied = await request(p.url, '/sns/auth').then(() => 'answered', (e: NodeJS.ErrnoException) => e.code);
      expect(direct).toBe('ECONNRESET');
      expect(proxied).toBe('ECONNRESET');
      await calls(p, 1);
      expect(p.calls[0]!.outcome).toBe('reset');
      // The caller is named even though its socket was gone by the time the call was reported.
      expect(p.calls[0]!.caller).toMatch(/^127\.0\.0\.1:\d+$/);
    } finally {
      emu.setFaults([]);
      await p.close();
    }
  });

  it('an upstream silent past --timeout is a 504 with a short text body; a quick one passes', async () => {
    // A second of timeout: the quick call must get through it on a loaded CI machine too (200 ms did not
    // in a full run beside other jobs).
    const p = await proxyTo(emu.url, { timeoutMs: 1000 });
    try {
      emu.addFault({ kind: 'delay', ms: 3000, count: 1 });
      const slow = await request(p.url, '/sns/auth');
      expect(slow.status).toBe(504);
      expect(slow.body.toString()).toBe(`wxauth proxy: ${emu.url} did not answer within 1000 ms\nwxauth proxy：${emu.url} 在 1000 毫秒内没有响应\n`);
      const quick = await request(p.url, '/sns/auth');
      expect(quick.status).toBe(200);
      await calls(p, 2);
      expect(p.calls.map((c) => c.outcome).sort()).toEqual(['answered', 'timeout']);
    } finally {
      emu.setFaults([]);
      await p.close();
    }
  });
});

describe('detectors', () => {
  const ids = (p: Recorded) => p.hits.map((h) => h.id);

  it('code.reused: a caller whose process was not looked for among all processes is a guess by User-Agent, not "no process found"', async (t) => {
    if (process.platform !== 'linux') t.skip();
    // A stand-in for /proc listing the two callers' sockets and 20 processes, none of them holding either:
    // looked through all of them, the lookup found none; capped at 19 (as at 4096 on a crowded machine), it does not know.
    const named = async (maxProcesses: number): Promise<[string, string]> => {
      const proc = fakeProc();
      for (let pid = 100; pid < 120; pid++) proc.process(pid, ['node', 'other.js'], [9000 + pid]);
      const p = await proxyTo(emu.url, { peerLookupMs: 10_000, peerProcesses: { root: proc.root, maxProcesses } });
      try {
        const own = Number(new URL(p.url).port);
        const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_userinfo' });
        for (const [i, agent] of ['curl/8.5.0', 'Python-urllib/3.11'].entries()) {
          const port = await freePort();
          proc.socket(port, own, 7001 + i);
          await request(p.url, exchangePath(code), { localPort: port, headers: { 'User-Agent': agent } });
        }
        await calls(p, 2);
        const params = p.hits.find((h) => h.id === 'code.reused')!.evidence.params as { secondCaller: MessageRef };
        return [tr('en', params.secondCaller), tr('zh', params.secondCaller)];
      } finally {
        await p.close();
        proc.remove();
      }
    };
    const [en, zh] = await named(19);
    expect(en).toMatch(/^127\.0\.0\.1:\d+ \(a guess from its User-Agent "Python-urllib\/3\.11"\)$/);
    expect(zh).toMatch(/^127\.0\.0\.1:\d+（按 User-Agent「Python-urllib\/3\.11」猜的）$/);
    const [allEn, allZh] = await named(20);
    expect(allEn).toMatch(/^127\.0\.0\.1:\d+ \(no process found; a guess from its User-Agent "Python-urllib\/3\.11"\)$/);
    expect(allZh).toMatch(/^127\.0\.0\.1:\d+（没找到进程，按 User-Agent「Python-urllib\/3\.11」猜的）$/);
  });

  // Two curls fetching /cgi-bin/token, each gone before the lookup found it: the refetch was said as
  // the war between two processes ("every process holding the old token"), which one curl run twice is not.
  it('basic_token.refetched: two connections whose processes the lookup did not find are said to be one process or two, not named as two (en, zh)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    const proc = fakeProc();
    for (let pid = 100; pid < 110; pid++) proc.process(pid, ['node', 'other.js'], [9000 + pid]);
    const p = await proxyTo(emu.url, { peerLookupMs: 10_000, peerProcesses: { root: proc.root } });
    try {
      const own = Number(new URL(p.url).port);
      for (const inode of [7101, 7102]) {
        const port = await freePort();
        proc.socket(port, own, inode);
        await request(p.url, tokenPath(), { localPort: port, headers: { 'User-Agent': 'curl/8.5.0' } });
      }
      await calls(p, 2);
      expect(ids(p)).toEqual(['basic_token.refetched']);
      const { evidence, fix } = p.hits[0]!;
      expect(evidence.key).toBe('proxy.hit.basic_token.refetched.unknown');
      const [first, second] = [p.calls[0]!.caller, p.calls[1]!.caller].map((c) => c.replace(/\./g, '\\.'));
      expect(tr('en', evidence)).toMatch(new RegExp(`^${second} \\(no process found; a guess from its User-Agent "curl/8\\.5\\.0"\\) fetched a new /cgi-bin/token for ${SERVICE} while the one ${first} \\(no process found; .*\\) got at .* had about 120 minutes left\\. Whether one process made both calls could not be told: either a process that does not keep its token fetched again \\(each fetch spends one of the 2000 /cgi-bin/token calls a day\\), or two processes each fetch their own\\.`));
      expect(tr('zh', evidence)).toContain('分辨不出这两次调用是不是同一个进程发的：要么是某个进程没有缓存 token，又取了一次');
      expect(tr('en', evidence)).not.toContain('every process holding the old token');
      expect(fix.key).toBe('proxy.fix.basic_token');
    } finally {
      await p.close();
      proc.remove();
    }
  });

  it('code.reused: the same code twice names both callers; two codes do not', async () => {
    // Waits as long as the lookup takes: on a loaded machine it can take longer than the 0.5 s a user's proxy allows.
    const p = await proxyTo(emu.url, { peerLookupMs: 10_000 });
    try {
      const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_userinfo' });
      await request(p.url, exchangePath(code));
      await request(p.url, exchangePath(code));
      await calls(p, 2);
      expect(p.calls[1]!.errcode).toBe(40163);
      expect(ids(p)).toEqual(['code.reused']);
      const params = p.hits[0]!.evidence.params as MessageParams;
      // Both calls are this test process's (Linux): named once, by its pid, not as two connections.
      if (process.platform === 'linux') {
        expect(params.caller).toMatchObject({ key: 'proxy.caller.process_alone', params: { pid: process.pid } });
        expect(params.firstCaller).toBeUndefined();
      }
      expect(params.answer).toBe('40163');
      expect(String(params.code)).not.toContain(code);

      await request(p.url, exchangePath(emu.issueCode({ appid: SERVICE })));
      await request(p.url, exchangePath(emu.issueCode({ appid: SERVICE })));
      await calls(p, 4);
      expect(ids(p)).toEqual(['code.reused']);

      // A retry after WeChat was busy (-1) or answered HTTP 500 is right: the code was not consumed.
      for (const kind of ['busy', 'http500'] as const) {
        const retried = emu.issueCode({ appid: SERVICE });
        emu.addFault({ kind, path: '/sns/oauth2/access_token', count: 1 });
        await request(p.url, exchangePath(retried));
        const ok = await request(p.url, exchangePath(retried));
        expect(JSON.parse(ok.body.toString())).toHaveProperty('access_token');
      }
      await calls(p, 8);
      expect(ids(p)).toEqual(['code.reused']);

      // So is a retry once the secret is fixed (40125) or given (41004): WeChat refused the call, not
      // the code. It was once called a reuse, "answer: ok … the second exchange gets 40163".
      const wrongSecret = (c: string) => exchangePath(c).replace(`secret=${app().secret}`, `secret=${'0'.repeat(32)}`);
      const noSecret = (c: string) => exchangePath(c).replace(`&secret=${app().secret}`, '');
      for (const refused of [wrongSecret, noSecret]) {
        const fixed = emu.issueCode({ appid: SERVICE });
        await request(p.url, refused(fixed));
        const ok = await request(p.url, exchangePath(fixed));
        expect(JSON.parse(ok.body.toString())).toHaveProperty('access_token');
      }
      await calls(p, 12);
      expect(p.calls.slice(8).map((c) => c.errcode ?? 'ok')).toEqual([40125, 'ok', 41004, 'ok']);
      expect(ids(p)).toEqual(['code.reused']);

      // Both exchanges on one keep-alive connection: one caller, named once.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const twice = emu.issueCode({ appid: SERVICE });
      await request(p.url, exchangePath(twice), { agent });
      await request(p.url, exchangePath(twice), { agent });
      agent.destroy();
      await calls(p, 14);
      // (Within a second of the first: said by the gap.)
      expect(p.hits[1]!.evidence).toMatchObject({ key: expect.stringMatching(/^proxy\.hit\.code\.reused\.same(?:_soon)?$/), params: { caller: { params: { address: expect.stringMatching(/^127\.0\.0\.1:\d+$/) } }, answer: '40163' } });
    } finally {
      emu.setFaults([]);
      await p.close();
    }
  });

  it('an HTTP error without a WeChat body is not shown as ok', async () => {
    const px = await runProxyCommand(['--upstream', emu.url]);
    emu.addFault({ kind: 'http500', path: '/sns/auth', count: 1 });
    await request(px.url, '/sns/auth?access_token=x&openid=y');
    for (let i = 0; i < 200 && !px.stderr.text.includes('/sns/auth'); i++) await new Promise((r) => setTimeout(r, 10));
    emu.setFaults([]);
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text).toMatch(/GET \/sns\/auth {2}- {2}500 {2}HTTP 500, no errcode/);
  });

  // The hit said "(answer: ok)" for a second exchange that got an HTTP 500 and no token.
  it('code.reused says the second exchange’s real answer: an HTTP 500 or a timeout is not "ok" (en, zh; --json keeps the label)', async () => {
    for (const [lang, says] of [
      ['en', '(answer: HTTP 500, no errcode)'],
      ['zh', '（结果：HTTP 500，没有 errcode）'],
    ] as const) {
      const px = await runProxyCommand(['--upstream', emu.url, '--lang', lang]);
      const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_base' });
      await request(px.url, exchangePath(code));
      emu.addFault({ kind: 'http500', path: '/sns/oauth2/access_token', count: 1 });
      await request(px.url, exchangePath(code));
      for (let i = 0; i < 200 && !px.stderr.text.includes('[code.reused]'); i++) await new Promise((r) => setTimeout(r, 10));
      emu.setFaults([]);
      expect(await px.stop()).toBe(0);
      expect(px.stderr.text).toContain(says);
      expect(px.stderr.text).not.toMatch(/answer: ok|结果：(?:ok|成功)/);
    }
    // An exchange that timed out: the label the summary uses, for scripts as for the screen.
    const p = await proxyTo(emu.url, { timeoutMs: 300 });
    try {
      const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_base' });
      await request(p.url, exchangePath(code));
      emu.addFault({ kind: 'delay', path: '/sns/oauth2/access_token', ms: 1000, count: 1 });
      expect((await request(p.url, exchangePath(code))).status).toBe(504);
      await calls(p, 2);
      expect(p.calls[1]!.answer).toBe('timeout');
      expect(p.hits.map((h) => [h.id, (h.evidence.params as MessageParams).answer])).toEqual([['code.reused', 'timeout']]);
      expect(tr('en', p.hits[0]!.evidence)).not.toContain('answer: ok');
    } finally {
      emu.setFaults([]);
      await p.close();
    }
    // --json: the hit's params keep the label, its evidence says it in words.
    const js = await runProxyCommand(['--upstream', emu.url, '--json']);
    try {
      const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_base' });
      await request(js.url, exchangePath(code));
      emu.addFault({ kind: 'http500', path: '/sns/oauth2/access_token', count: 1 });
      await request(js.url, exchangePath(code));
      for (let i = 0; i < 200 && !js.stdout.text.includes('"hit"'); i++) await new Promise((r) => setTimeout(r, 10));
    } finally {
      emu.setFaults([]);
      expect(await js.stop()).toBe(0);
    }
    const hit = js.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as { type: string; evidence?: string; params?: { answer?: string } }).find((l) => l.type === 'hit')!;
    expect(hit.params!.answer).toBe('http_500');
    expect(hit.evidence).toContain('(answer: HTTP 500, no errcode)');
  });

  // A captive portal's (or a gateway's) 200 page, a redirect to another host or an empty body were all
  // "ok" (a JSON object larger than the proxy keeps, user/get's 10,000 openids, stays ok): the column says `ok` or the errcode, and wxauth's own client calls them not_json.
  it('an answer that is not WeChat’s JSON is said for what it is on the line, in the summary, --json and the HAR (a redirect with where it goes, a JSON array as JSON but not an object); a file or a JSON answer stays ok (en, zh)', async () => {
    const big = JSON.stringify({ total: 30000, count: 10000, data: { openid: Array.from({ length: 10000 }, (_, i) => `o${String(i).padStart(27, '0')}`) } });
    const upstream = http.createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/cgi-bin/token') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html><body>Sign in to the guest Wi-Fi</body></html>');
      else if (path === '/sns/auth') res.writeHead(302, { Location: 'http://portal.example/login' }).end();
      else if (path === '/sns/userinfo') res.writeHead(200, { 'Content-Type': 'text/html; charset=gbk', 'Content-Length': '0' }).end();
      else if (path === '/cgi-bin/user/get') res.writeHead(200, { 'Content-Type': 'application/json' }).end(big);
      else if (path === '/cgi-bin/media/get') res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(Buffer.alloc(2048, 0xff));
      else if (path === '/cgi-bin/getcallbackip') res.writeHead(200, { 'Content-Type': 'application/json' }).end('["101.226.103.0/25"]');
      // A gateway's login, carrying the call it caught encoded in its query, secret included.
      else if (path === '/cgi-bin/ticket/getticket') res.writeHead(302, { Location: `https://sso.corp.example/login?next=%2Fcgi-bin%2Ftoken%3Fappid%3D${SERVICE}%26secret%3D${'5ec2e7'.repeat(5)}ab` }).end();
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`;
    const paths = ['/cgi-bin/token', '/sns/auth', '/sns/userinfo', '/cgi-bin/user/get', '/cgi-bin/media/get', '/cgi-bin/getcallbackip', '/cgi-bin/ticket/getticket', '/cgi-bin/menu/create'];
    const secret = '5ec2e7'.repeat(5) + 'ab';
    const har = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-proxy-answers-')), 'calls.har');
    try {
      const en = await runProxyCommand(['--upstream', base, '--har', har]);
      for (const p of paths) await request(en.url, p);
      for (let i = 0; i < 200 && !en.stderr.text.includes('/cgi-bin/menu/create'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await en.stop()).toBe(0);
      expect(en.stderr.text).toMatch(/GET \/cgi-bin\/token {2}- {2}200 {2}not JSON, no errcode/);
      // Where a redirect goes is the clue (a captive portal, a gateway's login), its query masked as any URL.
      expect(en.stderr.text).toMatch(/GET \/sns\/auth {2}- {2}302 {2}HTTP 302 to http:\/\/portal\.example\/login, no errcode/);
      expect(en.stderr.text).toContain('302  HTTP 302 to https://sso.corp.example/login?next=%2Fcgi-bin%2Ftoken%3Fappid%3D' + SERVICE + '%26secret%3D5ec2***, no errcode');
      expect(en.stderr.text).toMatch(/GET \/cgi-bin\/getcallbackip {2}- {2}200 {2}JSON but not an object, no errcode/);
      expect(en.stderr.text).toMatch(/GET \/sns\/userinfo {2}- {2}200 {2}empty answer, no errcode/);
      expect(en.stderr.text).toMatch(/GET \/cgi-bin\/user\/get {2}- {2}200 {2}ok/);
      expect(en.stderr.text).toMatch(/GET \/cgi-bin\/media\/get {2}- {2}200 {2}ok/);
      expect(en.stderr.text).toMatch(/GET \/cgi-bin\/menu\/create {2}- {2}200 {2}ok/);
      expect(en.stdout.text).toMatch(/\/cgi-bin\/token +1 +not_json×1 /);
      expect(en.stdout.text).toMatch(/\/sns\/auth +1 +http_302×1 /);
      expect(en.stdout.text).toMatch(/\/sns\/userinfo +1 +empty×1 /);
      expect(en.stdout.text).toMatch(/\/cgi-bin\/getcallbackip +1 +not_object×1 /);
      expect(en.stdout.text).toMatch(/\/cgi-bin\/user\/get +1 +- /);
      expect(en.stdout.text).toMatch(/\/cgi-bin\/media\/get +1 +- /);
      const entries = (JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
      expect(entries.map((e) => e._wxauth.answer)).toEqual(['not_json', 'http_302', 'empty', 'ok', 'ok', 'not_object', 'http_302', 'ok']);
      expect(entries.map((e) => e.response.redirectURL)).toEqual(['', 'http://portal.example/login', '', '', '', '', expect.stringMatching(/^https:\/\/sso\.corp\.example\/login\?next=.*%26secret%3D5ec2\*\*\*$/), '']);
      // The Location header itself, masked the same way.
      expect(entries[6]!.response.headers.find((h) => h.name === 'Location')!.value).toBe(entries[6]!.response.redirectURL);
      expect(fs.readFileSync(har, 'utf8')).not.toContain(secret);
      expect(en.stderr.text).not.toContain(secret);

      const zh = await runProxyCommand(['--upstream', base, '--lang', 'zh']);
      for (const p of [...paths.slice(0, 4), '/cgi-bin/getcallbackip']) await request(zh.url, p);
      for (let i = 0; i < 200 && !zh.stderr.text.includes('/cgi-bin/getcallbackip'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await zh.stop()).toBe(0);
      expect(zh.stderr.text).toContain('200  不是 JSON，没有 errcode');
      expect(zh.stderr.text).toContain('302  HTTP 302，跳转到 http://portal.example/login，没有 errcode');
      expect(zh.stderr.text).toContain('200  应答为空，没有 errcode');
      expect(zh.stderr.text).toContain('200  是 JSON 但不是对象，没有 errcode');
      expect(zh.stdout.text).toMatch(/\/cgi-bin\/token +1 +不是 JSON×1 /);
      expect(zh.stdout.text).toMatch(/\/sns\/userinfo +1 +空应答×1 /);
      expect(zh.stdout.text).toMatch(/\/cgi-bin\/getcallbackip +1 +JSON 但不是对象×1 /);
      expect(zh.stdout.text).not.toMatch(/not_json|not_object|too_large/);

      // --json: the call lines keep their keys and add `answer`.
      const js = await runProxyCommand(['--upstream', base, '--json']);
      for (const p of paths) await request(js.url, p);
      for (let i = 0; i < 200 && (js.stdout.text.match(/"type":"call"/g) ?? []).length < paths.length; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await js.stop()).toBe(0);
      const lines = js.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const callLines = lines.filter((l) => l.type === 'call');
      expect(callLines.map((l) => [l.endpoint, l.outcome, l.status, l.answer, l.location])).toEqual([
        ['/cgi-bin/token', 'answered', 200, 'not_json', undefined],
        ['/sns/auth', 'answered', 302, 'http_302', 'http://portal.example/login'],
        ['/sns/userinfo', 'answered', 200, 'empty', undefined],
        ['/cgi-bin/user/get', 'answered', 200, 'ok', undefined],
        ['/cgi-bin/media/get', 'answered', 200, 'ok', undefined],
        ['/cgi-bin/getcallbackip', 'answered', 200, 'not_object', undefined],
        ['/cgi-bin/ticket/getticket', 'answered', 302, 'http_302', expect.stringMatching(/%26secret%3D5ec2\*\*\*$/)],
        ['/cgi-bin/menu/create', 'answered', 200, 'ok', undefined],
      ]);
      expect(js.stdout.text).not.toContain(secret);
      expect(lines.at(-1)).toMatchObject({ type: 'summary' });
    } finally {
      upstream.close();
      fs.rmSync(path.dirname(har), { recursive: true, force: true });
    }
  });

  // A relay answering JSON behind a byte-order mark (a PHP file saved as UTF-8 with BOM) was `ok` on the
  // line, or its errcode, though the caller's JSON parser (and wxauth's own client) refuses it: the line says
  // it is JSON behind a BOM now, the summary, --json and the HAR label it not_json, --json marks it bom.
  it('an answer that is JSON behind a byte-order mark is said as such on the line, not_json in the summary, --json and the HAR (en, zh)', async () => {
    const upstream = http.createServer((req, res) => {
      const p = (req.url ?? '/').split('?')[0];
      if (p === '/cgi-bin/token') res.writeHead(200, { 'Content-Type': 'application/json' }).end('\ufeff{"access_token":"86_tokenBehindAByteOrderMark0123","expires_in":7200}');
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('\ufeff{"errcode":40013,"errmsg":"invalid appid"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`;
    const paths = ['/cgi-bin/token', '/sns/oauth2/access_token'];
    const har = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-proxy-bom-')), 'calls.har');
    try {
      const en = await runProxyCommand(['--upstream', base, '--har', har]);
      for (const p of paths) await request(en.url, p);
      for (let i = 0; i < 200 && !en.stderr.text.includes('/sns/oauth2/access_token'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await en.stop()).toBe(0);
      expect(en.stderr.text).toMatch(/GET \/cgi-bin\/token {2}- {2}200 {2}JSON behind a byte-order mark \(U\+FEFF\), which the caller’s JSON parser refuses; WeChat never sends one/);
      expect(en.stderr.text).toContain('200  errcode 40013 in JSON behind a byte-order mark (U+FEFF)');
      expect(en.stderr.text).not.toMatch(/token {2}- {2}200 {2}ok/);
      expect(en.stdout.text).toMatch(/\/cgi-bin\/token +1 +not_json×1 /);
      expect(en.stdout.text).toMatch(/\/sns\/oauth2\/access_token +1 +40013×1 +not_json×1 /);
      const entries = (JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
      expect(entries.map((e) => e._wxauth.answer)).toEqual(['not_json', 'not_json']);

      const zh = await runProxyCommand(['--upstream', base, '--lang', 'zh']);
      for (const p of paths) await request(zh.url, p);
      for (let i = 0; i < 200 && !zh.stderr.text.includes('/sns/oauth2/access_token'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await zh.stop()).toBe(0);
      expect(zh.stderr.text).toContain('200  JSON 前面多了字节顺序标记（BOM，U+FEFF），调用方的 JSON 解析会失败');
      expect(zh.stderr.text).toContain('200  errcode 40013 的 JSON 前面多了字节顺序标记（BOM，U+FEFF）');

      const js = await runProxyCommand(['--upstream', base, '--json']);
      for (const p of paths) await request(js.url, p);
      for (let i = 0; i < 200 && (js.stdout.text.match(/"type":"call"/g) ?? []).length < paths.length; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await js.stop()).toBe(0);
      const calls = js.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.type === 'call');
      expect(calls.map((l) => [l.endpoint, l.answer, l.bom, l.errcode])).toEqual([
        ['/cgi-bin/token', 'not_json', true, undefined],
        ['/sns/oauth2/access_token', 'not_json', true, 40013],
      ]);
    } finally {
      upstream.close();
      fs.rmSync(path.dirname(har), { recursive: true, force: true });
    }
  });

  // A gateway's login whose ?next= holds another ?next= (the call went through two redirects): the secret
  // in it is percent-encoded twice (%253D), and masking read the outer ?next='s value as one whole, so it
  // showed in clear on the line, in --json's location and in the HAR. Only the Location has the secret.
  it('a secret percent-encoded twice in a redirect’s Location is masked on the line, in --json and in the HAR', async () => {
    const secret = 'b0d1e5'.repeat(5) + 'cd';
    const location = `https://sso.corp.example/login?next=%2Fn%3Fnext%3D%252Fcgi-bin%252Ftoken%253Fsecret%253D${secret}`;
    const upstream = http.createServer((req, res) => res.writeHead(302, { Location: location }).end());
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`;
    const har = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-proxy-nested-')), 'calls.har');
    try {
      const en = await runProxyCommand(['--upstream', base, '--har', har]);
      await request(en.url, '/cgi-bin/ticket/getticket');
      for (let i = 0; i < 200 && !en.stderr.text.includes('/cgi-bin/ticket/getticket'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await en.stop()).toBe(0);
      // Shown as sent, the secret masked.
      const shown = `https://sso.corp.example/login?next=%2Fn%3Fnext%3D%252Fcgi-bin%252Ftoken%253Fsecret%253Db0d1***`;
      expect(en.stderr.text).toContain(`302  HTTP 302 to ${shown}, no errcode`);
      const entry = (JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries[0]!;
      expect(entry.response.redirectURL).toBe(shown);
      expect(entry.response.headers.find((h) => h.name === 'Location')!.value).toBe(shown);
      expect(fs.readFileSync(har, 'utf8')).not.toContain(secret);
      expect(en.stderr.text).not.toContain(secret);

      const js = await runProxyCommand(['--upstream', base, '--json']);
      await request(js.url, '/cgi-bin/ticket/getticket');
      for (let i = 0; i < 200 && !js.stdout.text.includes('/cgi-bin/ticket/getticket'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await js.stop()).toBe(0);
      const call = js.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.type === 'call');
      expect(call).toMatchObject({ status: 302, answer: 'http_302', location: shown });
      expect(js.stdout.text + js.stderr.text).not.toContain(secret);
    } finally {
      upstream.close();
      fs.rmSync(path.dirname(har), { recursive: true, force: true });
    }
  });

  // A form body to stable_token got "41002 appid missing" on a line that shows the appid it carried. A body
  // sent as application/json that does not parse is the body's fault, not the header's, which the caller did set.
  it('stable_token refused for a body that is not JSON says so on the line, not just "appid missing": a form as not JSON, a broken JSON body sent as JSON as invalid JSON; a JSON body without appid keeps WeChat’s meaning (en, zh)', async () => {
    const form = `grant_type=client_credential&appid=${SERVICE}&secret=${app().secret}`;
    const noAppid = JSON.stringify({ grant_type: 'client_credential', secret: app().secret });
    const broken = JSON.stringify({ grant_type: 'client_credential', appid: SERVICE, secret: app().secret }).slice(0, -1);
    const run = async (lang: string) => {
      const px = await runProxyCommand(['--upstream', emu.url, '--lang', lang]);
      await request(px.url, '/cgi-bin/stable_token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      await request(px.url, '/cgi-bin/stable_token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: noAppid });
      await request(px.url, '/cgi-bin/stable_token', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: broken });
      for (let i = 0; i < 200 && (px.stderr.text.match(/stable_token {2}/g) ?? []).length < 3; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await px.stop()).toBe(0);
      return px.stderr.text.split('\n').filter((l) => l.includes('POST /cgi-bin/stable_token'));
    };
    const en = await run('en');
    expect(en[0]).toMatch(new RegExp(`POST /cgi-bin/stable_token {2}${SERVICE} {2}200 {2}41002 appid and secret unread: the body is not JSON, and stable_token reads only JSON `));
    expect(en[1]).toMatch(/POST \/cgi-bin\/stable_token {2}- {2}200 {2}41002 appid missing /);
    expect(en[2]).toMatch(/POST \/cgi-bin\/stable_token {2}- {2}200 {2}41002 appid and secret unread: the body is not valid JSON \(though sent as JSON\) /);
    expect(en[2]).not.toContain('application/json');
    const zh = await run('zh');
    expect(zh[0]).toContain('41002 stable_token 只接受 JSON 请求体（application/json）：这次不是 JSON，没读到 appid/secret');
    expect(zh[2]).toContain('41002 Content-Type 是 application/json，但请求体不是合法的 JSON，没读到 appid/secret ');
  });

  it('basic_token.refetched and token.not_latest: a refetch while valid, then the old token is refused and the refetch is named', async () => {
    const p = await proxyTo(emu.url);
    try {
      const first = JSON.parse((await request(p.url, tokenPath())).body.toString()) as { access_token: string };
      await request(p.url, `/cgi-bin/get_api_domain_ip?access_token=${first.access_token}`);
      await calls(p, 2);
      expect(ids(p)).toEqual([]);
      await request(p.url, tokenPath());
      await calls(p, 3);
      expect(ids(p)).toEqual(['basic_token.refetched']);
      emu.advanceClock(301);
      await request(p.url, `/cgi-bin/get_api_domain_ip?access_token=${first.access_token}`);
      await calls(p, 4);
      expect(p.calls[3]!.errcode).toBe(40001);
      expect(ids(p)).toEqual(['basic_token.refetched', 'token.not_latest']);
      expect((p.hits[1]!.evidence.params as MessageParams).refetched).toBe(new Date(p.calls[2]!.time).toISOString());
      // A 40001 for a token nobody fetched through the proxy is not blamed on a refetch.
      await request(p.url, '/cgi-bin/get_api_domain_ip?access_token=made-up-token-123');
      await calls(p, 5);
      expect(p.calls[4]!.errcode).toBe(40001);
      expect(ids(p)).toHaveLength(2);
      // The same old token given to /sns/userinfo: the wrong kind of token there, old or new; only
      // userinfo.basic_token says so (stable_token, not_latest's fix, would not help).
      const user = JSON.parse((await request(p.url, exchangePath(emu.issueCode({ appid: SERVICE, scope: 'snsapi_userinfo' })))).body.toString()) as { openid: string };
      await request(p.url, `/sns/userinfo?access_token=${first.access_token}&openid=${user.openid}`);
      await calls(p, 7);
      expect(p.calls[6]!.errcode).toBe(40001);
      expect(ids(p)).toEqual(['basic_token.refetched', 'token.not_latest', 'userinfo.basic_token']);
    } finally {
      await p.close();
    }
  });

  /** A POST /cgi-bin/stable_token for the test account from local port `localPort`, forced or not. */
  const stable = (force: boolean, localPort: number) => ({
    method: 'POST',
    localPort,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: DEFAULT_APPIDS.test, secret: '5e1ec0de5e1ec0de5e1ec0de00000002', ...(force ? { force_refresh: true } : {}) }),
  });

  // The token war by stable_token: one server forcing a refresh knocks out the stable token the others
  // hold. The proxy once said nothing, neither at the forced refresh nor at the 40001 that followed.
  // Each call comes from a process of a stand-in /proc, so which server made it is the test's to say.
  it('basic_token.refetched and token.not_latest for a stable_token force_refresh that knocks out another server’s stable token (en, zh)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    const proc = fakeProc();
    const p = await proxyTo(emu.url, { peerLookupMs: 10_000, peerProcesses: { root: proc.root } });
    try {
      const own = Number(new URL(p.url).port);
      // Server A's two connections, server B's two.
      const ports = [await freePort(), await freePort(), await freePort(), await freePort()];
      ports.forEach((port, i) => proc.socket(port, own, 7201 + i));
      proc.process(4101, ['node', 'server-a.mjs'], [7201, 7204]);
      proc.process(4102, ['node', 'server-b.mjs'], [7202, 7203]);
      const held = JSON.parse((await request(p.url, '/cgi-bin/stable_token', stable(false, ports[0]!))).body.toString()) as { access_token: string };
      // B asks normally (the same token), then forces a refresh.
      expect(JSON.parse((await request(p.url, '/cgi-bin/stable_token', stable(false, ports[1]!))).body.toString())).toMatchObject({ access_token: held.access_token });
      const forced = JSON.parse((await request(p.url, '/cgi-bin/stable_token', stable(true, ports[2]!))).body.toString()) as { access_token: string };
      expect(forced.access_token).not.toBe(held.access_token);
      emu.advanceClock(301);
      const refused = await request(p.url, `/cgi-bin/get_api_domain_ip?access_token=${held.access_token}`, { localPort: ports[3]! });
      expect(JSON.parse(refused.body.toString())).toMatchObject({ errcode: 40001 });
      await calls(p, 4);
      expect(ids(p)).toEqual(['basic_token.refetched', 'token.not_latest']);
      const [war, notLatest] = p.hits as [DetectorHit, DetectorHit];
      // B knocked out the token A holds: A is named, not B itself.
      expect(war.evidence.key).toBe('proxy.hit.basic_token.force_refreshed');
      expect(tr('en', war.evidence)).toMatch(/^127\.0\.0\.1:\d+ \(pid 4102, node server-b\.mjs\) called stable_token with force_refresh for wx5e1ec0de00000002, forcing a new token while the stable token 127\.0\.0\.1:\d+ \(pid 4101, node server-a\.mjs\) got at .* had about \d+ minutes left/);
      expect(tr('en', notLatest.evidence)).toMatch(/^This 40001 for wx5e1ec0de00000002 used the stable token .* which was knocked out by .* calling stable_token with force_refresh at/);
      expect(tr('en', war.fix)).toContain('Call stable_token without force_refresh');
      expect(tr('zh', war.evidence)).toContain('调用 stable_token 时带了 force_refresh，为 wx5e1ec0de00000002 强制换了新 token');
      expect(tr('zh', notLatest.evidence)).toContain('带 force_refresh 调用 stable_token 强制换掉');
    } finally {
      // 30 s apart at least, or WeChat hands the same token back (API-FACTS §9): the next test forces again.
      emu.advanceClock(31);
      await p.close();
      proc.remove();
    }
  });

  // One server forcing a refresh of the stable token it got itself: the proxy said it as the war
  // between two servers, naming the same pid as the one whose token was knocked out.
  it('basic_token.refetched for a stable_token force_refresh by the process that holds the token says it knocked out its own token (en, zh)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    const proc = fakeProc();
    const p = await proxyTo(emu.url, { peerLookupMs: 10_000, peerProcesses: { root: proc.root } });
    try {
      const own = Number(new URL(p.url).port);
      const ports = [await freePort(), await freePort()];
      ports.forEach((port, i) => proc.socket(port, own, 7301 + i));
      proc.process(4201, ['node', 'server.mjs'], [7301, 7302]);
      const held = JSON.parse((await request(p.url, '/cgi-bin/stable_token', stable(false, ports[0]!))).body.toString()) as { access_token: string };
      const forced = JSON.parse((await request(p.url, '/cgi-bin/stable_token', stable(true, ports[1]!))).body.toString()) as { access_token: string };
      expect(forced.access_token).not.toBe(held.access_token);
      await calls(p, 2);
      expect(ids(p)).toEqual(['basic_token.refetched']);
      const { evidence, fix } = p.hits[0]!;
      expect(evidence.key).toBe('proxy.hit.basic_token.force_refreshed.same');
      expect(tr('en', evidence)).toMatch(
        /^pid 4201 \(node server\.mjs\) called stable_token with force_refresh for wx5e1ec0de00000002 while the stable token it got itself at .* had about \d+ minutes left: the forced refresh invalidated its own token, which stable_token without force_refresh would have kept handing back, so any copy of it kept elsewhere \(another worker, a shared cache\) now gets 40001\. Forced refreshes are limited to 20 a day, and one less than 30 s after the last does not refresh \(the same token comes back\)\.$/,
      );
      expect(tr('zh', evidence)).toMatch(/^pid 4201（node server\.mjs）调用 stable_token 时带了 force_refresh，为 wx5e1ec0de00000002 强制换了新 token，而它自己在 .* 拿到的 stable token 还有约 \d+ 分钟才过期：强制刷新让它手上的这个 token 作废了/);
      expect(tr('en', evidence)).not.toContain('every process holding it');
      expect(fix.key).toBe('proxy.fix.basic_token.forced');
    } finally {
      emu.advanceClock(31);
      await p.close();
      proc.remove();
    }
  });

  it('token.retried: a retry with the token WeChat just refused is said once as that, not as a second token.not_latest', async () => {
    const p = await proxyTo(emu.url);
    try {
      const first = JSON.parse((await request(p.url, tokenPath())).body.toString()) as { access_token: string };
      await request(p.url, tokenPath());
      emu.advanceClock(301);
      // wechat-api's 40001 retry: the same call, the same token from its cache.
      for (let i = 0; i < 2; i++) await request(p.url, `/cgi-bin/user/info?access_token=${first.access_token}&openid=o1`);
      await calls(p, 4);
      expect(p.calls.slice(2).map((c) => c.errcode)).toEqual([40001, 40001]);
      expect(ids(p)).toEqual(['basic_token.refetched', 'token.not_latest', 'token.retried']);
      const retried = p.hits[2]!;
      expect(retried.evidence).toMatchObject({ key: 'proxy.hit.token.retried', params: { errcode: 40001, refused: new Date(p.calls[2]!.time).toISOString(), answer: '40001' } });
      expect(retried.fix).toEqual({ key: 'proxy.fix.token.retried' });
      // Every later use of that token is the same mistake: nothing more.
      for (let i = 0; i < 2; i++) await request(p.url, `/cgi-bin/user/info?access_token=${first.access_token}&openid=o1`);
      await calls(p, 6);
      expect(ids(p)).toHaveLength(3);
      // An expired token (42001) sent again is the same retry.
      emu.addFault({ kind: 'errcode', errcode: 42001, path: '/cgi-bin/get_api_domain_ip', count: 1 });
      const second = JSON.parse((await request(p.url, tokenPath())).body.toString()) as { access_token: string };
      for (let i = 0; i < 2; i++) await request(p.url, `/cgi-bin/get_api_domain_ip?access_token=${second.access_token}`);
      await calls(p, 9);
      expect(ids(p).filter((id) => id === 'token.retried')).toHaveLength(2);
      expect(p.hits.at(-1)!.evidence).toMatchObject({ params: { errcode: 42001, answer: 'ok' } });
    } finally {
      emu.setFaults([]);
      await p.close();
    }
  });

  it('names two app processes fighting over the basic token by pid and command (Linux), not by ephemeral ports alone', async (t) => {
    if (process.platform !== 'linux') t.skip();
    // Waits as long as the lookup takes: on a loaded machine it can take longer than the 0.5 s a user's proxy allows.
    const p = await proxyTo(emu.url, { peerLookupMs: 10_000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-callers-'));
    try {
      const script = (name: string) => {
        const file = path.join(dir, name);
        // Holds its connection open a moment, as an SDK's keep-alive pool does.
        fs.writeFileSync(file, `const r = await fetch(process.argv[2]); await r.text(); await new Promise((s) => setTimeout(s, 1500));\n`);
        return file;
      };
      const run = (file: string) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, [file, p.url + tokenPath()], { stdio: 'ignore' });
          child.on('error', reject);
          child.on('exit', () => resolve(child.pid!));
        });
      const a = await run(script('server-a.mjs'));
      const b = await run(script('server-b.mjs'));
      await calls(p, 2);
      expect(ids(p)).toEqual(['basic_token.refetched']);
      const params = p.hits[0]!.evidence.params as MessageParams;
      expect(params.issuer).toEqual({ key: 'proxy.caller.process', params: { address: p.calls[0]!.caller, pid: a, command: 'node server-a.mjs' } });
      expect(params.caller).toEqual({ key: 'proxy.caller.process', params: { address: p.calls[1]!.caller, pid: b, command: 'node server-b.mjs' } });
    } finally {
      await p.close();
    }
  });

  it('names each call by the process that made it when the processes call in another order than they started: the first started, the last to call (Linux)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    // A report had a JVM (started first, slow to start, so calling last) and curl (started second,
    // calling first) named the other way round: the lower pid is not the first caller. Here the first
    // started waits to be told, then calls on two connections of its own; the second calls at once.
    // Each keeps its connections open (as an SDK's keep-alive pool does) until the calls are reported:
    // on a machine busy starting processes, a caller is often none of the newest few looked at when its
    // connection is accepted, and the scan after that cannot find a connection already closed. This
    // test is about the order of the calls; a caller gone before any lookup could see it is not named.
    const p = await proxyTo(emu.url, { peerLookupMs: 10_000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-order-'));
    const url = p.url + tokenPath();
    // A connection of its own for each call (an agent each), kept open until stdin closes.
    const get = "const http = require('node:http'); const get = (u) => new Promise((ok, ko) => http.get(u, { agent: new http.Agent({ keepAlive: true }) }, (r) => { r.resume(); r.on('end', ok); }).on('error', ko)); process.stdin.on('end', () => process.exit(0));";
    const first = path.join(dir, 'server-first.cjs');
    fs.writeFileSync(first, `${get}\nprocess.stdout.write('ready\\n'); process.stdin.once('data', async () => { await get(process.argv[2]); await get(process.argv[2]); process.stdout.write('done\\n'); });\n`);
    const second = path.join(dir, 'server-second.cjs');
    fs.writeFileSync(second, `${get}\nget(process.argv[2]).then(() => process.stdout.write('done\\n')); process.stdin.resume();\n`);
    const a = spawn(process.execPath, [first, url], { stdio: ['pipe', 'pipe', 'inherit'] });
    const aExited = new Promise<void>((resolve) => a.on('exit', () => resolve()));
    let b: ReturnType<typeof spawn> | undefined;
    let bExited: Promise<void> | undefined;
    try {
      await waitForOutput(a, /ready/);
      b = spawn(process.execPath, [second, url], { stdio: ['pipe', 'pipe', 'inherit'] });
      const started = b;
      bExited = new Promise<void>((resolve) => started.on('exit', () => resolve()));
      await waitForOutput(b, /done/);
      a.stdin!.write('go\n');
      await waitForOutput(a, /done/);
      await calls(p, 3);
      for (let i = 0; i < 1000 && p.hits.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      const refetches = p.hits.filter((h) => h.id === 'basic_token.refetched');
      const named = refetches.map((h) => h.evidence.params as MessageParams);
      // The second started called first: it issued the token the first started knocked out.
      expect(named[0]!.issuer).toEqual({ key: 'proxy.caller.process', params: { address: p.calls[0]!.caller, pid: b.pid, command: 'node server-second.cjs' } });
      expect(named[0]!.caller).toEqual({ key: 'proxy.caller.process', params: { address: p.calls[1]!.caller, pid: a.pid, command: 'node server-first.cjs' } });
      // Its second connection (another port) is the same process's, and named so: once, as the process
      // that refetched its own token (it keeps none), not as a war with itself.
      expect(p.calls[2]!.caller).not.toBe(p.calls[1]!.caller);
      expect(named).toHaveLength(2);
      expect(refetches.map((h) => h.evidence.key)).toEqual(['proxy.hit.basic_token.refetched', 'proxy.hit.basic_token.refetched.same']);
      expect(named[1]!.caller).toEqual({ key: 'proxy.caller.process_alone', params: { address: `${p.calls[1]!.caller}, ${p.calls[2]!.caller}`, pid: a.pid, command: 'node server-first.cjs' } });
    } finally {
      b?.stdin!.end();
      a.stdin!.end();
      await Promise.all([aExited, bExited]);
      await p.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the process whose socket it is, not another one with a connection between the same port numbers on other addresses (Linux)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    // A port is unique only with its address. Another process (started first) holds a connection from
    // 127.0.0.1:X to 127.0.0.1:P, a server of its own; the caller dials the proxy, on [::1]:P, from
    // [::1]:X. Both sockets are listed as "X to P" (net/tcp, then net/tcp6): the proxy named the other
    // process for the caller's token fetch.
    const hits: DetectorHit[] = [];
    let p: ProxyHandle | undefined;
    let other: net.Server | undefined;
    for (let i = 0; i < 5 && !other; i++) {
      try {
        p = await startProxy({ host: '::1', port: 0, upstream: emu.url, timeoutMs: 5000, showSecrets: false, peerLookupMs: 10_000, hooks: { call: () => undefined, hit: (h) => hits.push(h) } });
      } catch {
        return t.skip(); // no IPv6 loopback here
      }
      const port = Number(new URL(p.url).port);
      other = await new Promise<net.Server | undefined>((resolve) => {
        const server = net.createServer((c) => c.resume());
        server.once('error', () => resolve(undefined)).listen(port, '127.0.0.1', () => resolve(server));
      });
      if (!other) await p.close();
    }
    if (!other || !p) return t.skip(); // the proxy's port number taken on 127.0.0.1 each time
    const port = Number(new URL(p.url).port);
    const holder = spawn(process.execPath, ['-e', `const s = require("node:net").connect(${port}, "127.0.0.1", () => process.stdout.write("port " + s.localPort + "\\n")); process.stdin.resume();`], { stdio: ['pipe', 'pipe', 'inherit'] });
    const held = new Promise<void>((resolve) => holder.on('exit', () => resolve()));
    try {
      const samePort = Number((await waitForOutput(holder, /port (\d+)/))[1]);
      // Two token fetches, the first from [::1]:X, the second from any port: the second knocks out the first's
      // token. Each on a connection the caller keeps open (a keep-alive agent of its own), and the caller
      // stays until the test is done: a lookup can find only a connection still there, and on a machine
      // busy starting processes the slower scan came after a closed one had gone (as in "another order").
      const fetches = [
        `const http = require("node:http"); const get = (o) => new Promise((ok, ko) => http.get({ host: "::1", port: ${port}, path: ${JSON.stringify(tokenPath())}, agent: new http.Agent({ keepAlive: true }), ...o }, (r) => { r.resume(); r.on("end", ok); }).on("error", ko));`,
        `get({ localAddress: "::1", localPort: ${samePort} }).then(() => get({})).then(() => process.stdout.write("done\\n")); process.stdin.resume();`,
      ].join('\n');
      const caller = spawn(process.execPath, ['-e', fetches], { stdio: ['pipe', 'pipe', 'inherit'] });
      const gone = new Promise<void>((resolve) => caller.on('exit', () => resolve()));
      try {
        await waitForOutput(caller, /done/);
        for (let i = 0; i < 1000 && hits.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      } finally {
        caller.stdin!.end();
        caller.kill();
        await gone;
      }
      const params = hits.find((h) => h.id === 'basic_token.refetched')?.evidence.params as MessageParams | undefined;
      // Both fetches are the caller's (one process, two connections): named once, its first connection first.
      expect(params?.caller).toMatchObject({ key: 'proxy.caller.process_alone', params: { pid: caller.pid } });
      expect(String((params?.caller as unknown as { params: { address: string } }).params.address).startsWith(`[::1]:${samePort}, `)).toBe(true);
    } finally {
      holder.stdin!.end();
      holder.kill();
      await held;
      other.close();
      await p.close();
    }
  });

  it('code.reused by one process over keep-alive names it by pid and command, found when its connection was accepted (Linux)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    // The lookup may take as long as it needs: the caller stays alive until the test has read the hit.
    const p = await proxyTo(emu.url, { peerLookupMs: 60_000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-caller-'));
    const file = path.join(dir, 'login-demo.cjs');
    // Two exchanges of one code over one keep-alive connection, then waits until its stdin closes.
    fs.writeFileSync(file, [
      "const http = require('node:http');",
      'const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });',
      "const get = (u) => new Promise((ok, ko) => http.get(u, { agent }, (r) => { r.resume(); r.on('end', ok); }).on('error', ko));",
      "(async () => { await get(process.argv[2]); await get(process.argv[2]); process.stdout.write('done\\n'); process.stdin.on('end', () => process.exit(0)); process.stdin.resume(); })();",
    ].join('\n'));
    const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_userinfo' });
    const child = spawn(process.execPath, [file, p.url + exchangePath(code)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    try {
      await calls(p, 2);
      for (let i = 0; i < 6000 && p.hits.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(p.hits.map((h) => h.id)).toEqual(['code.reused']);
      const params = p.hits[0]!.evidence.params as MessageParams;
      expect(params.caller).toMatchObject({ key: 'proxy.caller.process_alone', params: { pid: child.pid, command: 'node login-demo.cjs' } });
    } finally {
      child.stdin!.end();
      await exited;
      await p.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quota.high past 80% of the daily quota, once; not below', async () => {
    const p = await proxyTo(emu.url, { quotas: { '/cgi-bin/token': 5 } });
    try {
      for (let i = 0; i < 4; i++) await request(p.url, tokenPath(DEFAULT_APPIDS.test, emu.apps.find((a) => a.appid === DEFAULT_APPIDS.test)!.secret));
      await calls(p, 4);
      expect(ids(p).filter((id) => id === 'quota.high')).toEqual([]);
      await request(p.url, tokenPath(DEFAULT_APPIDS.test, emu.apps.find((a) => a.appid === DEFAULT_APPIDS.test)!.secret));
      await request(p.url, tokenPath(DEFAULT_APPIDS.test, emu.apps.find((a) => a.appid === DEFAULT_APPIDS.test)!.secret));
      await calls(p, 6);
      const quota = p.hits.filter((h) => h.id === 'quota.high');
      expect(quota).toHaveLength(1);
      expect(quota[0]!.evidence.params).toMatchObject({ path: '/cgi-bin/token', count: 5, limit: 5, percent: 100 });
    } finally {
      await p.close();
    }
  });

  it('ip.whitelist names the IP the emulator saw, as the emulator\'s refusal with its own fix; another error does not', async () => {
    const p = await proxyTo(emu.url);
    try {
      const sub = emu.apps.find((a) => a.appid === DEFAULT_APPIDS.subscription)!;
      await request(p.url, tokenPath(sub.appid, sub.secret));
      await request(p.url, tokenPath(sub.appid, 'f'.repeat(32)));
      await calls(p, 2);
      expect(p.calls[0]!.errcode).toBe(40164);
      expect(p.hits.map((h) => h.id)).toEqual(['ip.whitelist']);
      expect((p.hits[0]!.evidence.params as MessageParams).ip).toBe('127.0.0.1');
      // Not "WeChat saw", and not the MP console's whitelist: the emulator's --ip-whitelist.
      expect(p.hits[0]!.evidence).toMatchObject({ key: 'proxy.hit.ip.whitelist.upstream', params: { upstream: new URL(emu.url).origin } });
      expect(p.hits[0]!.fix).toMatchObject({ key: 'proxy.fix.ip.whitelist.upstream', params: { appid: sub.appid, ip: '127.0.0.1' } });
    } finally {
      await p.close();
    }
  });

  it('userinfo.base_scope on a snsapi_base token; not on a snsapi_userinfo one', async () => {
    const p = await proxyTo(emu.url);
    try {
      for (const scope of ['snsapi_base', 'snsapi_userinfo'] as const) {
        const code = emu.issueCode({ appid: SERVICE, scope });
        const token = JSON.parse((await request(p.url, exchangePath(code))).body.toString()) as { access_token: string; openid: string };
        await request(p.url, `/sns/userinfo?access_token=${token.access_token}&openid=${token.openid}&lang=zh_CN`);
      }
      await calls(p, 4);
      expect(p.calls[1]!.errcode).toBe(48001);
      expect(p.calls[3]!.errcode).toBeUndefined();
      expect(ids(p)).toEqual(['userinfo.base_scope']);
      expect(p.hits[0]!.appid).toBe(SERVICE);
    } finally {
      await p.close();
    }
  });

  it('userinfo.basic_token when /sns/userinfo gets a basic token the proxy saw issued; not for a user token', async () => {
    const p = await proxyTo(emu.url);
    try {
      const basic = JSON.parse((await request(p.url, tokenPath())).body.toString()) as { access_token: string };
      const user = JSON.parse((await request(p.url, exchangePath(emu.issueCode({ appid: SERVICE, scope: 'snsapi_userinfo' })))).body.toString()) as { access_token: string; openid: string };
      await request(p.url, `/sns/userinfo?access_token=${basic.access_token}&openid=${user.openid}&lang=zh_CN`);
      await request(p.url, `/sns/userinfo?access_token=${user.access_token}&openid=${user.openid}&lang=zh_CN`);
      await calls(p, 4);
      expect(p.calls[2]!.errcode).toBe(40001);
      expect(p.calls[3]!.errcode).toBeUndefined();
      expect(ids(p)).toEqual(['userinfo.basic_token']);
      expect(p.hits[0]).toMatchObject({ appid: SERVICE, callId: p.calls[2]!.id });
      expect(p.hits[0]!.evidence).toMatchObject({ key: 'proxy.hit.userinfo.basic_token', params: { endpoint: '/sns/userinfo', errcode: 40001, source: '/cgi-bin/token' } });
      // The line's one-line meaning is about the token, not WeChat's table text that opens with the AppSecret.
      expect(p.calls[2]!.meaning?.en).toMatch(/^access_token invalid or not the latest/);
      expect(p.calls[2]!.meaning?.zh).not.toContain('AppSecret');
    } finally {
      await p.close();
    }
  });

  it('path.doubled when a client’s API base carries a path (/sns/sns/…, /api/cgi-bin/…); not for WeChat’s own paths', async () => {
    const p = await proxyTo(emu.url);
    try {
      await request(p.url, `/sns/sns/oauth2/access_token?appid=${SERVICE}&secret=x&code=y&grant_type=authorization_code`);
      await request(p.url, '/api/cgi-bin/token?grant_type=client_credential');
      await request(p.url, tokenPath());
      await calls(p, 3);
      expect(ids(p)).toEqual(['path.doubled', 'path.doubled']);
      expect(p.hits[0]!.evidence).toMatchObject({ key: 'proxy.hit.path.doubled', params: { path: '/sns/sns/oauth2/access_token', extra: '/sns', meant: '/sns/oauth2/access_token' } });
      expect(p.hits[1]!.evidence.params).toMatchObject({ extra: '/api', meant: '/cgi-bin/token' });
      // The fix's example is this client's own base (the proxy's address), without the extra path.
      expect(p.hits[0]!.fix).toMatchObject({ key: 'proxy.fix.path.doubled', params: { extra: '/sns', base: p.url } });
      // Another errcode under such a path (a gateway answering for WeChat) is not this mistake.
      emu.addFault({ kind: 'errcode', errcode: 40029, path: '/wx/sns/oauth2/access_token', count: 1 });
      await request(p.url, `/wx/sns/oauth2/access_token?appid=${SERVICE}&code=y`);
      await calls(p, 4);
      expect(ids(p)).toEqual(['path.doubled', 'path.doubled']);
    } finally {
      await p.close();
    }
  });

  it('refresh.expired on 42002, dating the refresh_token; a fresh refresh passes', async () => {
    const p = await proxyTo(emu.url);
    try {
      const token = JSON.parse((await request(p.url, exchangePath(emu.issueCode({ appid: SERVICE })))).body.toString()) as { refresh_token: string };
      const refresh = `/sns/oauth2/refresh_token?appid=${SERVICE}&grant_type=refresh_token&refresh_token=${token.refresh_token}`;
      await request(p.url, refresh);
      await calls(p, 2);
      expect(ids(p)).toEqual([]);
      emu.advanceClock(31 * 86400);
      await request(p.url, refresh);
      await calls(p, 3);
      expect(p.calls[2]!.errcode).toBe(42002);
      expect(ids(p)).toEqual(['refresh.expired']);
      expect(p.hits[0]!.evidence.key).toBe('proxy.hit.refresh.expired.seen');
    } finally {
      await p.close();
    }
  });
});

describe('wechat-oauth (npm) behind the proxy', () => {
  it('exchanges a code and gets the user through the proxy; its second exchange of the same code is caught', async () => {
    const p = await proxyTo(emu.url);
    const OAuth = require('wechat-oauth') as new (appid: string, secret: string) => {
      getAccessToken(code: string, cb: (err: Error | null, result: { data: { access_token: string; openid: string } }) => void): void;
      getUser(openid: string, cb: (err: Error | null, user: { nickname: string }) => void): void;
      request(url: string, opts: unknown, cb: unknown): void;
    };
    // As SDK-HOSTS.md §6: the SDK hard-codes https://api.weixin.qq.com, so its one request() is re-aimed.
    const proto = (OAuth as unknown as { prototype: { request: (url: string, opts: unknown, cb: unknown) => void } }).prototype;
    const original = proto.request;
    proto.request = function (this: unknown, url: string, opts: unknown, cb: unknown) {
      return original.call(this, url.replace('https://api.weixin.qq.com', p.url), opts, cb);
    };
    try {
      const client = new OAuth(SERVICE, app().secret);
      const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_userinfo' });
      const first = await new Promise<{ access_token: string; openid: string }>((resolve, reject) => client.getAccessToken(code, (err, r) => (err ? reject(err) : resolve(r.data))));
      expect(first.openid).toMatch(/^o/);
      const user = await new Promise<{ nickname: string }>((resolve, reject) => client.getUser(first.openid, (err, u) => (err ? reject(err) : resolve(u))));
      expect(user.nickname).toBeTruthy();
      const again = await new Promise<Error & { code?: number }>((resolve) => client.getAccessToken(code, (err) => resolve(err as Error & { code?: number })));
      expect(again.code).toBe(40163);
      await calls(p, 3);
      expect(p.calls.map((c) => c.endpoint)).toEqual(['/sns/oauth2/access_token', '/sns/userinfo', '/sns/oauth2/access_token']);
      expect(p.calls[1]!.appid).toBe(SERVICE);
      expect(p.hits.map((h) => h.id)).toEqual(['code.reused']);
    } finally {
      proto.request = original;
      await p.close();
    }
  });
});

/** A string stream that keeps what is written (not a terminal). */
class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _e: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** `wxauth proxy …` in this process until stop() (Ctrl-C), like helpers.runCli but with the abort in hand. */
/** Whether this machine can listen on ::1 (a host without IPv6 cannot, and skips what needs it). */
const ipv6Loopback = new Promise<boolean>((resolve) => {
  const server = net.createServer();
  server.once('error', () => resolve(false));
  server.listen(0, '::1', () => server.close(() => resolve(true)));
});

async function runProxyCommand(args: string[], env: Record<string, string> = {}) {
  const { runCli: run } = await import('../../src/app.js');
  const stdout = new Sink();
  const stderr = new Sink();
  const controller = new AbortController();
  const port = await freePort();
  const done = run(['proxy', '--port', String(port), ...args], { stdout, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env: baseEnv(env), signal: controller.signal }, '0.0.0-test');
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (stdout.text.includes('"started"') || stderr.text.includes(url) || stderr.text.includes(`:${port} → `)) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return {
    url,
    stdout,
    stderr,
    async stop() {
      controller.abort();
      return done;
    },
  };
}

describe('wxauth proxy (the command)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-proxy-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says at start when the upstream takes no connection (an emulator not started, a wrong port)', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const down = await runProxyCommand(['--upstream', nowhere]);
    for (let i = 0; i < 200 && !down.stderr.text.includes('does not take connections'); i++) await new Promise((r) => setTimeout(r, 10));
    await down.stop();
    expect(down.stderr.text).toContain(`The upstream ${nowhere} does not take connections now`);
    expect(down.stderr.text).toContain('ECONNREFUSED');
    expect(down.stderr.text).toContain('check --upstream');
    // The check itself: nothing for an upstream that connects, nothing tried through an HTTP(S)_PROXY.
    const { upstreamUnreachable } = await import('../../src/flows/proxy/upstream-check.js');
    const direct = { httpProxy: '', httpsProxy: '', noProxy: '' };
    expect(await upstreamUnreachable(emu.url, direct)).toBeUndefined();
    expect(await upstreamUnreachable(nowhere, direct)).toBe('ECONNREFUSED');
    expect(await upstreamUnreachable(nowhere, { ...direct, httpProxy: 'http://127.0.0.1:1' })).toBeUndefined();
  });

  it('warns at start of an --upstream with a path, which comes before every call’s own (/sns/sns/…)', async () => {
    const px = await runProxyCommand(['--upstream', `${emu.url}/sns`]);
    const zh = await runProxyCommand(['--upstream', `${emu.url}/sns/`, '--lang', 'zh']);
    const plain = await runProxyCommand(['--upstream', emu.url]);
    await Promise.all([px.stop(), zh.stop(), plain.stop()]);
    expect(px.stderr.text).toContain(`--upstream has a path, /sns: every call goes to /sns + its own path (e.g. /sns/sns/oauth2/access_token). WeChat’s hosts take none: unless the upstream is a gateway under that path, use --upstream ${emu.url}.`);
    expect(zh.stderr.text).toContain('--upstream 带了路径 /sns');
    expect(plain.stderr.text).not.toContain('has a path');
  });

  it('without --upstream, WeChat’s API host out of reach (no DNS, no network): says so, not "check --upstream"', async (t) => {
    const px = await runProxyCommand([]);
    // Up to the check's own timeout (3 s) and a little more.
    for (let i = 0; i < 400 && !px.stderr.text.includes('cannot be reached'); i++) await new Promise((r) => setTimeout(r, 10));
    await px.stop();
    // This machine reaches api.weixin.qq.com: nothing to warn about, and nothing to check here.
    if (!px.stderr.text.includes('cannot be reached')) t.skip();
    expect(px.stderr.text).toContain('WeChat’s API host https://api.weixin.qq.com (no --upstream was given) cannot be reached from this machine');
    expect(px.stderr.text).toContain('wxauth proxy --upstream http://127.0.0.1:3900');
    expect(px.stderr.text).not.toContain('check --upstream');
  });

  // A client with the proxy as its HTTP_PROXY may put credentials in the absolute URL's userinfo and in
  // Proxy-Authorization (curl -x http://u:p@proxy http://u:p@host/…): meant for the proxy or nobody, they
  // are never forwarded upstream, shown on the live line or written to the HAR.
  it('an absolute-form call with userinfo and Proxy-Authorization: neither forwarded upstream, shown live, nor in the HAR', async () => {
    const seen: Array<{ url: string; headers: http.IncomingHttpHeaders }> = [];
    const upstream = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.setHeader('Content-Type', 'application/json');
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const har = path.join(dir, 'userinfo.har');
    const secretWords = ['hunter2', 'Pr0xyPa55', Buffer.from('alice:Pr0xyPa55').toString('base64')];
    try {
      const px = await runProxyCommand(['--upstream', `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`, '--har', har, '-v']);
      const res = await request(px.url, 'http://bob:hunter2@api.weixin.qq.com/sns/auth?access_token=abc&openid=def', {
        headers: { Host: 'api.weixin.qq.com', 'Proxy-Authorization': `Basic ${secretWords[2]}` },
      });
      expect(res.status).toBe(200);
      expect(await px.stop()).toBe(0);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.url).toBe('/sns/auth?access_token=abc&openid=def');
      expect(seen[0]!.headers['proxy-authorization']).toBeUndefined();
      const forwarded = JSON.stringify(seen[0]!.headers);
      const live = px.stderr.text + px.stdout.text;
      expect(live).toMatch(/GET \/sns\/auth {2}- {2}200 {2}ok/);
      const written = fs.readFileSync(har, 'utf8');
      expect((JSON.parse(written) as { log: { entries: Array<{ request: { url: string } }> } }).log.entries[0]!.request.url).not.toContain('@');
      for (const word of secretWords) {
        expect(forwarded, word).not.toContain(word);
        expect(live, word).not.toContain(word);
        expect(written, word).not.toContain(word);
      }
    } finally {
      upstream.close();
    }
  });

  it('wxauth itself behind it: live lines on stderr, the summary on stdout, a HAR on Ctrl-C; no secret in any of them', async () => {
    const har = path.join(dir, 'calls.har');
    const px = await runProxyCommand(['--upstream', emu.url, '--har', har, '-v']);
    const env = { WXAUTH_API_BASE: px.url, WXAUTH_OPEN_BASE: emu.url, WXAUTH_BACKUP_API_BASE: px.url, WXAUTH_APPID: SERVICE, WXAUTH_SECRET: app().secret, WXAUTH_TYPE: 'service' };
    const configDir = fs.mkdtempSync(path.join(dir, 'cfg-'));
    // wxauth token asks stable_token: the appsecret travels in a JSON body (masked below too).
    const token = await runCli(['token', '--json', '--show-secrets'], { env: { ...env, WXAUTH_CONFIG_DIR: configDir } });
    expect(token.code).toBe(0);
    const basic = String((JSON.parse(token.stdout) as Record<string, unknown>).access_token ?? '');
    const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_userinfo' });
    const exchange = await runCli(['exchange', code, '--json', '--show-secrets'], { env: { ...env, WXAUTH_CONFIG_DIR: configDir } });
    expect(exchange.code).toBe(0);
    const user = JSON.parse(exchange.stdout) as Record<string, unknown>;
    const again = await runCli(['exchange', code], { env: { ...env, WXAUTH_CONFIG_DIR: configDir } });
    expect(again.code).toBe(3);
    expect(await px.stop()).toBe(0);

    expect(px.stderr.text).toMatch(/POST \/cgi-bin\/stable_token {2}wx5e1ec0de00000001 {2}200 {2}ok/);
    expect(px.stderr.text).toMatch(/> \{.*"secret":"5e1e\*\*\*"/);
    expect(px.stderr.text).toMatch(/GET \/sns\/oauth2\/access_token {2}wx5e1ec0de00000001 {2}200 {2}40163 /);
    expect(px.stderr.text).toContain('[code.reused]');
    expect(px.stdout.text).toMatch(/\/sns\/oauth2\/access_token +2 +40163×1/);
    expect(px.stderr.text).toContain('Proxy stopped; calls forwarded: 3.');
    const harText = fs.readFileSync(har, 'utf8');
    const log = JSON.parse(harText) as { log: { version: string; entries: Array<{ request: { url: string } }> } };
    expect(log.log.version).toBe('1.2');
    expect(log.log.entries).toHaveLength(3);
    expect(fs.statSync(har).mode & 0o777).toBe(0o600);
    const secrets = [app().secret, code, basic, String(user.access_token ?? ''), String(user.refresh_token ?? '')];
    for (const s of secrets) expect(s.length).toBeGreaterThan(8);
    for (const text of [px.stdout.text, px.stderr.text, harText]) for (const s of secrets) expect(text).not.toContain(s);
  });

  // Ctrl-C while a call waited on a silent upstream: the call was once said after the summary ("calls
  // forwarded: 0 … No calls went through the proxy"), as "upstream reset (ECONNRESET)", and left out of the HAR.
  it('a call still waiting for the upstream at Ctrl-C is cut, said as the proxy’s doing before the summary, counted and in the HAR; the wait is said (en, zh)', async () => {
    const received: http.IncomingMessage[] = [];
    const silent = http.createServer((req) => void received.push(req));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const upstream = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      const run = async (lang: string) => {
        const har = path.join(dir, `stopped-${lang}.har`);
        const px = await runProxyCommand(['--upstream', upstream, '--har', har, '--lang', lang]);
        const before = received.length;
        const call = request(px.url, `/cgi-bin/token?grant_type=client_credential&appid=${SERVICE}&secret=${app().secret}`).catch((e: NodeJS.ErrnoException) => e.code);
        for (let i = 0; i < 200 && received.length === before; i++) await new Promise((r) => setTimeout(r, 10));
        expect(await px.stop()).toBe(0);
        expect(await call).toBe('ECONNRESET');
        const entries = (JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
        return { px, entries };
      };
      const [en, zh] = await Promise.all([run('en'), run('zh')]);
      const line = en.px.stderr.text.indexOf('the upstream had not finished answering when the proxy stopped: the proxy cut this call');
      expect(line).toBeGreaterThan(-1);
      // Said at Ctrl-C, while the call still waits: a second Ctrl-C (which exits at once) costs the HAR.
      const stopping = en.px.stderr.text.indexOf('Stopping: 1 call(s) still wait for the upstream; they get a second, then are cut, and the HAR is written. Ctrl-C again quits at once, without the summary; the HAR is still written, with the calls recorded by then and without those still in flight.');
      expect(stopping).toBeGreaterThan(-1);
      expect(stopping).toBeLessThan(line);
      expect(zh.px.stderr.text).toContain('正在停止：还有 1 个调用在等上游应答');
      expect(line).toBeLessThan(en.px.stderr.text.indexOf('Proxy stopped'));
      expect(en.px.stderr.text).not.toContain('upstream reset');
      expect(en.px.stderr.text).toContain('Proxy stopped; calls: 1, of which 1 got no answer from the upstream');
      expect(en.px.stdout.text).toMatch(/\/cgi-bin\/token +1 +cut at stop×1/);
      expect(en.entries.map((e) => e._wxauth.outcome)).toEqual(['stopped']);
      expect(zh.px.stderr.text).toContain('代理停止时上游还没有应答完：这次调用被代理切断');
      expect(zh.px.stdout.text).toMatch(/\/cgi-bin\/token +1 +代理停止时切断×1/);
      expect(zh.entries).toHaveLength(1);
      // Nothing in flight: nothing to wait for, nothing said.
      const idle = await runProxyCommand(['--upstream', upstream]);
      expect(await idle.stop()).toBe(0);
      expect(idle.stderr.text).not.toContain('Stopping');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('masks a saved AppSecret from the first call, under a name no rule knows (appkey=, an X-Sign header, a form field)', async () => {
    const har = path.join(dir, 'saved-secret.har');
    const configDir = fs.mkdtempSync(path.join(dir, 'cfg-'));
    // A profile saved as a user would (not the run's WXAUTH_SECRET): the proxy reads the config.
    const secret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    expect((await runCli(['config', 'set', 'secret', secret, '--profile', 'other', '--yes'], { env: { WXAUTH_CONFIG_DIR: configDir } })).code).toBe(0);
    expect((await runCli(['config', 'set', 'appid', 'wx5e1ec0de00000001', '--profile', 'other'], { env: { WXAUTH_CONFIG_DIR: configDir } })).code).toBe(0);
    // WXAUTH_APPID differing from the saved profile's: nothing about the profile is said (the proxy does not use it).
    const px = await runProxyCommand(['--upstream', emu.url, '--har', har, '-v', '--json'], { WXAUTH_CONFIG_DIR: configDir, WXAUTH_PROFILE: 'other', WXAUTH_APPID: 'wx1234567890abcdef' });
    await request(px.url, `/cgi-bin/user/info?access_token=nope&openid=o1&appkey=${secret}`, { headers: { 'x-wx-sign': secret } });
    await request(px.url, '/cgi-bin/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `app_secret_key=${secret}` });
    for (let i = 0; i < 200 && (px.stdout.text.match(/"type":"call"/g) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await px.stop()).toBe(0);
    const harText = fs.readFileSync(har, 'utf8');
    expect(px.stdout.text).toContain('appkey=a1b2***');
    expect(px.stderr.text).not.toContain('still are');
    for (const text of [px.stdout.text, px.stderr.text, harText]) expect(text).not.toContain(secret);
  });

  it('a login authorized through it: the HAR never holds the code in clear, the authorize 302\'s Location and redirectURL included', async () => {
    const har = path.join(dir, 'authorize.har');
    const px = await runProxyCommand(['--upstream', emu.url, '--har', har, '-v']);
    const redirect = 'http://localhost/wechat/cb';
    const authorize = `/connect/oauth2/authorize?appid=${SERVICE}&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&scope=snsapi_base&state=s1#wechat_redirect`;
    const answer = await request(px.url, authorize, { headers: { 'User-Agent': 'Mozilla/5.0 MicroMessenger/8.0.49' } });
    expect(answer.status).toBe(302);
    const location = answer.rawHeaders[answer.rawHeaders.findIndex((h) => h.toLowerCase() === 'location') + 1]!;
    const code = new URL(location).searchParams.get('code')!;
    expect(code.length).toBeGreaterThan(8);
    // The callback's exchange, as the app behind the proxy makes it.
    expect((await request(px.url, exchangePath(code))).status).toBe(200);
    expect(await px.stop()).toBe(0);
    const harText = fs.readFileSync(har, 'utf8');
    const entries = (JSON.parse(harText) as { log: { entries: HarEntry[] } }).log.entries;
    expect(entries).toHaveLength(2);
    expect(entries[0]!.response.redirectURL).toMatch(/^http:\/\/localhost\/wechat\/cb\?code=\w{4}\*\*\*&state=s1$/);
    expect(entries[0]!.response.headers.find((h) => h.name.toLowerCase() === 'location')!.value).toBe(entries[0]!.response.redirectURL);
    expect(harText).not.toContain(code);
    for (const text of [px.stdout.text, px.stderr.text]) expect(text).not.toContain(code);
  });

  // The authorize page's 302 read `ok`, without where it sends the browser, while every other 3xx line said it:
  // the redirect_uri it goes to is what a 10003 is about. Its code masked there as in the HAR, unless asked.
  it('the authorize 302\'s line says where it goes (HTTP 302 to the redirect_uri), its code masked unless --show-secrets (en, zh)', async () => {
    const redirect = 'http://localhost/wechat/cb';
    const authorize = `/connect/oauth2/authorize?appid=${SERVICE}&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&scope=snsapi_base&state=s1#wechat_redirect`;
    const browser = { headers: { 'User-Agent': 'Mozilla/5.0 MicroMessenger/8.0.49' } };
    const codeOf = (answer: Raw) => new URL(answer.rawHeaders[answer.rawHeaders.findIndex((h) => h.toLowerCase() === 'location') + 1]!).searchParams.get('code')!;
    for (const [lang, line] of [
      ['en', /GET \/connect\/oauth2\/authorize {2}wx5e1ec0de00000001 {2}302 {2}HTTP 302 to http:\/\/localhost\/wechat\/cb\?code=\w{4}\*\*\*&state=s1 {2}\d+ ms/],
      ['zh', /GET \/connect\/oauth2\/authorize {2}wx5e1ec0de00000001 {2}302 {2}HTTP 302，跳转到 http:\/\/localhost\/wechat\/cb\?code=\w{4}\*\*\*&state=s1 {2}\d+ ms/],
    ] as const) {
      const px = await runProxyCommand(['--upstream', emu.url, '--lang', lang]);
      const code = codeOf(await request(px.url, authorize, browser));
      for (let i = 0; i < 200 && !px.stderr.text.includes('/connect/oauth2/authorize'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await px.stop()).toBe(0);
      expect(px.stderr.text).toMatch(line);
      expect(px.stderr.text).not.toContain(code);
    }
    const shown = await runProxyCommand(['--upstream', emu.url, '--show-secrets']);
    const code = codeOf(await request(shown.url, authorize, browser));
    for (let i = 0; i < 200 && !shown.stderr.text.includes('/connect/oauth2/authorize'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await shown.stop()).toBe(0);
    expect(shown.stderr.text).toContain(`302  HTTP 302 to ${redirect}?code=${code}&state=s1  `);
    // --json keeps its label (ok: WeChat's page answered) and gives the Location.
    const js = await runProxyCommand(['--upstream', emu.url, '--json']);
    await request(js.url, authorize, browser);
    for (let i = 0; i < 200 && !js.stdout.text.includes('"type":"call"'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await js.stop()).toBe(0);
    const call = js.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.type === 'call')!;
    expect(call).toMatchObject({ endpoint: '/connect/oauth2/authorize', status: 302, answer: 'ok', location: expect.stringMatching(/^http:\/\/localhost\/wechat\/cb\?code=\w{4}\*\*\*&state=s1$/) });
    expect(call.locationResolved).toBeUndefined();
  });

  // A relative Location (`/cb?code=…`) was shown as sent: no host, so not where the caller goes. The line
  // resolves it against the request's URL and says it was relative; --json adds locationResolved beside the
  // Location as sent, which the HAR's redirectURL keeps (HAR 1.2 allows a relative one); masked everywhere.
  it('a relative Location is shown resolved against the request on the line, said to be relative, and masked; --json and the HAR keep it as sent (en, zh)', async () => {
    const code = 'relcode' + '0123456789'.repeat(2);
    const upstream = http.createServer((req, res) => {
      const p = (req.url ?? '/').split('?')[0];
      if (p === '/connect/oauth2/authorize') res.writeHead(302, { Location: `/wechat/cb?code=${code}&state=s1` }).end();
      else if (p === '/sns/auth') res.writeHead(302, { Location: `login?next=%2Fsns%2Fauth%3Faccess_token%3D${code}` }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`;
    const har = path.join(dir, 'relative.har');
    try {
      const en = await runProxyCommand(['--upstream', base, '--har', har, '--yes']);
      await request(en.url, '/connect/oauth2/authorize?appid=' + SERVICE + '&state=s1');
      await request(en.url, '/sns/auth?access_token=x&openid=o1');
      for (let i = 0; i < 200 && !en.stderr.text.includes('/sns/auth'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await en.stop()).toBe(0);
      expect(en.stderr.text).toContain(`302  HTTP 302 to ${base}/wechat/cb?code=relc***&state=s1 (a relative Location, resolved against the WeChat URL called)  `);
      expect(en.stderr.text).toContain(`302  HTTP 302 to ${base}/sns/login?next=%2Fsns%2Fauth%3Faccess_token%3Drelc*** (a relative Location, resolved against the WeChat URL called), no errcode`);
      expect(en.stderr.text).not.toContain(code);
      const harText = fs.readFileSync(har, 'utf8');
      const entries = (JSON.parse(harText) as { log: { entries: HarEntry[] } }).log.entries;
      expect(entries.map((e) => e.response.redirectURL)).toEqual(['/wechat/cb?code=relc***&state=s1', 'login?next=%2Fsns%2Fauth%3Faccess_token%3Drelc***']);
      expect(harText).not.toContain(code);

      const zh = await runProxyCommand(['--upstream', base, '--lang', 'zh']);
      await request(zh.url, '/connect/oauth2/authorize?appid=' + SERVICE + '&state=s1');
      await request(zh.url, '/sns/auth?access_token=x&openid=o1');
      for (let i = 0; i < 200 && !zh.stderr.text.includes('/sns/auth'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await zh.stop()).toBe(0);
      expect(zh.stderr.text).toContain(`302  HTTP 302，跳转到 ${base}/wechat/cb?code=relc***&state=s1 （Location 是相对地址，已按所请求的微信地址补全）  `);
      expect(zh.stderr.text).toContain(`302  HTTP 302，跳转到 ${base}/sns/login?next=%2Fsns%2Fauth%3Faccess_token%3Drelc*** （Location 是相对地址，已按所请求的微信地址补全），没有 errcode`);

      const js = await runProxyCommand(['--upstream', base, '--json']);
      await request(js.url, '/connect/oauth2/authorize?appid=' + SERVICE + '&state=s1');
      for (let i = 0; i < 200 && !js.stdout.text.includes('"type":"call"'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await js.stop()).toBe(0);
      const call = js.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.type === 'call')!;
      expect(call).toMatchObject({ answer: 'ok', location: '/wechat/cb?code=relc***&state=s1', locationResolved: `${base}/wechat/cb?code=relc***&state=s1` });
      expect(js.stdout.text).not.toContain(code);
    } finally {
      upstream.close();
    }
  });

  it('zh: a 40029 that went through with no detector firing is said as "no detector fired", not "no problem found"', async () => {
    const px = await runProxyCommand(['--upstream', emu.url, '--lang', 'zh']);
    expect((await request(px.url, exchangePath('not-a-code-123456'))).status).toBe(200);
    expect(await px.stop()).toBe(0);
    expect(px.stdout.text + px.stderr.text).toContain('没有检测器触发');
    expect(px.stdout.text + px.stderr.text).not.toContain('没有检测到问题');
  });

  it('a code exchange whose answer was lost (its caller gave up) and was retried: the 40163 is blamed on the lost exchange, not on a first use elsewhere (en, zh)', async () => {
    for (const [lang, says] of [
      ['en', 'got no answer (aborted) although WeChat had spent the code; so the retry at'],
      ['zh', '但没有收到应答（调用方先断开），而微信已经用掉了这个 code'],
    ] as const) {
      // WeChat slow to answer, not to act: the code is spent when the request arrives, its answer never comes back.
      const relay = await holdingRelay((req) => req.url!.startsWith('/sns/oauth2/access_token'));
      const px = await runProxyCommand(['--upstream', relay.url, '--lang', lang]);
      const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_base' });
      try {
        const caller = new AbortController();
        const lost = request(px.url, exchangePath(code), { signal: caller.signal });
        await relay.served;
        caller.abort();
        await expect(lost).rejects.toThrow();
        // The proxy has seen its caller go (its line is out) before the retry is sent.
        for (let i = 0; i < 200 && !px.stderr.text.includes('/sns/oauth2/access_token'); i++) await new Promise((r) => setTimeout(r, 10));
        expect(JSON.parse((await request(px.url, exchangePath(code))).body.toString())).toMatchObject({ errcode: 40163 });
      } finally {
        relay.close();
      }
      expect(await px.stop()).toBe(0);
      expect(px.stderr.text).toContain('[code.reused]');
      expect(px.stderr.text).toContain(says);
      expect(px.stderr.text).not.toMatch(/did not go through the proxy|第一次使用没有经过代理/);
    }
  });

  it('two exchanges of one code, the second answered first (WeChat slow to answer the first): one code.reused naming them in order', async () => {
    if (process.platform === 'linux') await lookupKnowsThisProcess();
    const relay = await holdingRelay((req) => req.headers['user-agent'] === 'first-server');
    const px = await runProxyCommand(['--upstream', relay.url]);
    const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_base' });
    try {
      const first = request(px.url, exchangePath(code), { headers: { 'User-Agent': 'first-server' } });
      // The first has spent the code at the emulator; its answer is held until the second's is in.
      await relay.served;
      const second = await request(px.url, exchangePath(code), { headers: { 'User-Agent': 'second-server' } });
      expect(JSON.parse(second.body.toString())).toMatchObject({ errcode: 40163 });
      relay.release();
      expect(JSON.parse((await first).body.toString())).toHaveProperty('access_token');
    } finally {
      relay.close();
    }
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text.match(/\[code\.reused\]/g)).toHaveLength(1);
    // Both exchanges are this test process's (Linux): named once, by its pid, never by the User-Agents (a guess); the
    // answer is the second's 40163, never the first's token.
    const hitLine = px.stderr.text.split('\n').find((l) => l.includes('[code.reused]')) ?? '';
    expect(hitLine).toContain('(answer: 40163)');
    if (process.platform === 'linux') {
      expect(hitLine).toContain(`pid ${process.pid} (`);
      expect(hitLine).not.toContain('User-Agent');
    }
    expect(px.stderr.text).not.toContain('did not go through the proxy');
  });

  it('an appid with a newline in it (%0a in the query, \\n in a JSON body) cannot start a line that reads as another call', async () => {
    const px = await runProxyCommand(['--upstream', emu.url]);
    const forged = '12:00:00.000  127.0.0.1:1  GET /cgi-bin/token  wx5e1ec0de00000001  200  ok  1 ms';
    await request(px.url, `/cgi-bin/token?grant_type=client_credential&appid=x%0a${encodeURIComponent(forged)}&secret=s`);
    await request(px.url, '/cgi-bin/stable_token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credential', appid: `y\n${forged}`, secret: 's' }) });
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text.split('\n').filter((l) => l.startsWith('12:00:00.000'))).toEqual([]);
    expect(px.stderr.text).toContain(`GET /cgi-bin/token  x\\n${forged}  200  40013 `);
    expect(px.stderr.text).toContain(`POST /cgi-bin/stable_token  y\\n${forged}  200  40013 `);
  });

  it('a call\'s line says what its errcode means whole, in either language: not cut inside a word, without the table\'s advice', async () => {
    const lineOf = (text: string, endpoint: string) => text.split('\n').find((l) => l.includes(`GET ${endpoint}  `)) ?? text;
    const en = await runProxyCommand(['--upstream', emu.url]);
    await request(en.url, '/cgi-bin/get_api_domain_ip?access_token=made-up-token-123');
    expect(await en.stop()).toBe(0);
    expect(lineOf(en.stderr.text, '/cgi-bin/get_api_domain_ip')).toMatch(/ 40001 access_token invalid or not the latest \(a newer one was fetched, or wrong kind\) {2}\d+ ms/);

    const zh = await runProxyCommand(['--upstream', emu.url, '--lang', 'zh']);
    emu.addFault({ kind: 'errcode', errcode: 42001, path: '/cgi-bin/user/info', count: 1 });
    await request(zh.url, '/cgi-bin/user/info?access_token=expired-token-123&openid=o');
    await request(zh.url, '/sns/auth?access_token=made-up-token-123&openid=o');
    expect(await zh.stop()).toBe(0);
    // WeChat's table says 42001 is "access_token 超时，请检查 access_token 的有效期，请参考基础支持 - …".
    expect(lineOf(zh.stderr.text, '/cgi-bin/user/info')).toMatch(/ 42001 access_token 超时 {2}\d+ ms/);
    expect(lineOf(zh.stderr.text, '/sns/auth')).toMatch(/ 40014 不合法的 access_token {2}\d+ ms/);
    expect(zh.stderr.text).not.toContain('…');
  });

  it('40066 on a doubled /sns/sns/… path is said as an invalid URL, not as a mini program\'s sitemap refusal', async () => {
    const doubled = `/sns/sns/oauth2/access_token?appid=${SERVICE}&secret=x&code=y&grant_type=authorization_code`;
    for (const [args, meaning] of [
      [['--lang', 'zh'], '40066 不合法的 url（多半是接口路径不对）'],
      [[], '40066 invalid url (most likely a wrong API path)'],
    ] as const) {
      const px = await runProxyCommand(['--upstream', emu.url, ...args]);
      await request(px.url, doubled);
      expect(await px.stop()).toBe(0);
      expect(px.stderr.text).toContain(`GET /sns/sns/oauth2/access_token  ${SERVICE}  200  ${meaning}  `);
      expect(px.stderr.text).toContain('[path.doubled]');
      expect(px.stderr.text).not.toContain('sitemap');
    }
  });

  it('the summary does not call forwarded what never got an answer from the upstream', async () => {
    const px = await runProxyCommand(['--upstream', `http://127.0.0.1:${await freePort()}`]);
    expect((await request(px.url, tokenPath())).status).toBe(502);
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text).toContain('Proxy stopped; calls: 1, of which 1 got no answer from the upstream (the table says why).');
    expect(px.stdout.text).toMatch(/\/cgi-bin\/token +1 +unreachable×1/);
  });

  it("--host '[::1]' (an IPv6 address written as in a URL) binds ::1 as --host ::1 does, not 'does not resolve (ENOTFOUND)'", async (t) => {
    if (!(await ipv6Loopback)) t.skip();
    for (const host of ['[::1]', '::1']) {
      const px = await runProxyCommand(['--host', host, '--upstream', emu.url]);
      const port = new URL(px.url).port;
      for (let i = 0; i < 200 && !px.stderr.text.includes(`[::1]:${port}`) && !px.stderr.text.includes('✖'); i++) await new Promise((r) => setTimeout(r, 10));
      const answer = await new Promise<number>((resolve, reject) => {
        http.get({ host: '::1', port, path: tokenPath(), agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); }).on('error', reject);
      });
      expect(answer, px.stderr.text).toBe(200);
      expect(await px.stop(), host).toBe(0);
      expect(px.stderr.text).not.toContain('ENOTFOUND');
      expect(px.stderr.text).toContain(`[::1]:${port}`);
    }
  });

  it('says once, not in every hit, that a caller known only by its address (and User-Agent) is one connection', async (t) => {
    // Callers from a LAN address of this machine: the proxy looks processes up for loopback callers only,
    // so these are named by their User-Agent, or by address and port alone.
    const lan = Object.values(os.networkInterfaces()).flatMap((l) => l ?? []).find((i) => !i.internal && i.family === 'IPv4')?.address;
    if (!lan) t.skip();
    const px = await runProxyCommand(['--host', lan!, '--upstream', emu.url]);
    const via = `http://${lan}:${new URL(px.url).port}`;
    const python = { 'User-Agent': 'Python-urllib/3.11' };
    const first = JSON.parse((await request(via, tokenPath(), { localAddress: lan, headers: python })).body.toString()) as { access_token: string };
    await request(via, tokenPath(), { localAddress: lan });
    emu.advanceClock(301);
    await request(via, `/cgi-bin/get_api_domain_ip?access_token=${first.access_token}`, { localAddress: lan, headers: python });
    expect(await px.stop()).toBe(0);
    const hits = px.stderr.text.split('\n').filter((l) => l.includes('⚑'));
    expect(hits.map((l) => /\[([\w.]+)\]/.exec(l)?.[1])).toEqual(['basic_token.refetched', 'token.not_latest']);
    for (const line of hits) expect(line).toContain(`${lan}:`);
    // Nothing was looked up for a LAN caller: a guess, never "no process found".
    for (const line of hits) expect(line).toContain('(a guess from its User-Agent "Python-urllib/3.11")');
    expect(px.stderr.text).not.toContain('no process found');
    expect(px.stderr.text.split('does not name a process')).toHaveLength(2);
  });

  it('token.not_latest names the refetch by what its line shows, its path and time, not by a call number the lines do not show', async () => {
    const px = await runProxyCommand(['--upstream', emu.url]);
    const first = JSON.parse((await request(px.url, tokenPath())).body.toString()) as { access_token: string };
    await request(px.url, tokenPath());
    emu.advanceClock(301);
    await request(px.url, `/cgi-bin/get_api_domain_ip?access_token=${first.access_token}`);
    expect(await px.stop()).toBe(0);
    const lines = px.stderr.text.split('\n');
    const refetch = lines.filter((l) => l.includes('GET /cgi-bin/token  '))[1];
    const hit = lines.find((l) => l.includes('[token.not_latest]'));
    expect(hit, px.stderr.text).toBeDefined();
    expect(hit).not.toMatch(/\(call \d+\)/);
    // The refetch's line starts with its local time: the hit names that time and its path.
    const clock = /^(\d\d:\d\d:\d\d)\./.exec(refetch ?? '')?.[1];
    expect(clock, refetch).toBeDefined();
    // On the same day as the token's issue (named first, with its date), the refetch is said by its time alone.
    expect(hit).toMatch(new RegExp(`got at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, .* fetched from /cgi-bin/token at ${clock}\\.`));
  });

  it('zh: the summary table says its failures in Chinese', async () => {
    const down = await runProxyCommand(['--upstream', `http://127.0.0.1:${await freePort()}`, '--lang', 'zh']);
    expect((await request(down.url, tokenPath())).status).toBe(502);
    expect(await down.stop()).toBe(0);
    expect(down.stdout.text).toMatch(/\/cgi-bin\/token +1 +上游连不上×1 /);
    const px = await runProxyCommand(['--upstream', emu.url, '--lang', 'zh']);
    emu.addFault({ kind: 'http500', path: '/sns/auth', count: 1 });
    await request(px.url, '/sns/auth?access_token=x&openid=y');
    await request(px.url, '/sns/auth?access_token=x&openid=y');
    // Two detectors, listed as Chinese lists them.
    await request(px.url, tokenPath());
    await request(px.url, tokenPath());
    await request(px.url, `/sns/sns/oauth2/access_token?appid=${SERVICE}&secret=x&code=y&grant_type=authorization_code`);
    expect(await px.stop()).toBe(0);
    expect(px.stdout.text).toMatch(/\/sns\/auth +2 +40014×1、HTTP 500（无 errcode）×1 /);
    expect(px.stderr.text).toContain('检测结果：basic_token.refetched×1、path.doubled×1');
    expect(px.stdout.text).toMatch(/耗时 p50 +耗时 p95/);
    for (const text of [down.stdout.text, px.stdout.text]) expect(text).not.toMatch(/unreachable|http_500/);
  });

  it('a detector names times in local time on screen (as the call lines’ clock), ISO UTC in --json', async () => {
    const savedTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      for (const json of [false, true]) {
        const px = await runProxyCommand(['--upstream', emu.url, '--lang', 'zh', ...(json ? ['--json'] : [])]);
        // A /cgi-bin/token refetch while the first token is valid: basic_token.refetched names when the first was fetched.
        await request(px.url, tokenPath());
        await request(px.url, tokenPath());
        for (let i = 0; i < 200 && !(json ? px.stdout.text : px.stderr.text).includes('basic_token.refetched'); i++) await new Promise((r) => setTimeout(r, 10));
        await px.stop();
        if (json) {
          const hit = px.stdout.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; id?: string; params?: { issued?: string } }).find((l) => l.type === 'hit');
          expect(hit?.params?.issued).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        } else {
          const line = px.stderr.text.split('\n').find((l) => l.includes('[basic_token.refetched]'));
          expect(line, px.stderr.text).toBeDefined();
          expect(line).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
          const when = /在 (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) 拿到的 token/.exec(line!)?.[1];
          expect(when, line).toBeDefined();
          // Local (UTC+8) wall-clock time, not UTC's.
          expect(Math.abs(Date.parse(when!.replace(' ', 'T') + '+08:00') - Date.now())).toBeLessThan(60_000);
        }
      }
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it('--json prints one JSON object per line: started, each call, each hit, the summary; --show-secrets shows them', async () => {
    if (process.platform === 'linux') await lookupKnowsThisProcess();
    const px = await runProxyCommand(['--upstream', emu.url, '--json', '--show-secrets']);
    const code = emu.issueCode({ appid: SERVICE });
    await request(px.url, exchangePath(code));
    await request(px.url, exchangePath(code));
    for (let i = 0; i < 100 && !px.stdout.text.includes('"hit"'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await px.stop()).toBe(0);
    const lines = px.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(['started', 'call', 'call', 'hit', 'summary']);
    expect(lines[3]).toMatchObject({ id: 'code.reused', endpoint: '/sns/oauth2/access_token', appid: SERVICE });
    // Callers stay addresses in the params, as scripts read them; what names a caller comes beside.
    const params = lines[3]!.params as Record<string, unknown>;
    // Both calls are this test process's (Linux): one caller (its connections' addresses) with its process beside.
    if (process.platform === 'linux') {
      expect(params.caller).toMatch(/^127\.0\.0\.1:\d+(?:, 127\.0\.0\.1:\d+)?$/);
      expect(params.caller_process).toMatchObject({ pid: process.pid });
      expect(params.firstCaller).toBeUndefined();
    }
    expect(lines[1]!.query).toContain(app().secret);
    expect(lines[4]).toMatchObject({ calls: 2, detectors: { 'code.reused': 1 } });
  });

  // A second Ctrl-C while a call still waited once exited without the HAR, leaving only its hidden .tmp.
  it('a second Ctrl-C while a call is in flight quits at once and still writes the HAR of the calls recorded, saying what it lacks (spawned; en, zh)', async () => {
    const waiting: http.IncomingMessage[] = [];
    // Answers /fast at once and never answers anything else.
    const upstream = http.createServer((req, res) => {
      if (req.url?.startsWith('/fast')) res.end('{"errcode":0,"errmsg":"ok"}');
      else waiting.push(req);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`;
    try {
      for (const lang of ['en', 'zh']) {
        const folder = fs.mkdtempSync(path.join(dir, 'twice-'));
        const har = path.join(folder, 'calls.har');
        const port = await freePort();
        const child = spawnCli(['proxy', '--port', String(port), '--upstream', base, '--har', har, '--lang', lang]);
        const done = collect(child);
        await waitForOutput(child, new RegExp(`127\\.0\\.0\\.1:${port}`));
        expect((await request(`http://127.0.0.1:${port}`, '/fast/cgi-bin/get_api_domain_ip')).status).toBe(200);
        const before = waiting.length;
        const cut = request(`http://127.0.0.1:${port}`, '/slow/cgi-bin/get_api_domain_ip').catch((e: NodeJS.ErrnoException) => e.code);
        for (let i = 0; i < 400 && waiting.length === before; i++) await new Promise((r) => setTimeout(r, 10));
        const stopping = waitForOutput(child, lang === 'en' ? /Stopping: 1 call/ : /正在停止/);
        child.kill('SIGINT');
        await stopping;
        child.kill('SIGINT');
        const r = await done;
        await cut;
        expect(r.code, r.stderr).toBe(130);
        // A complete HAR under its name, the call answered in it, and no temporary file left beside it.
        expect(fs.readdirSync(folder)).toEqual(['calls.har']);
        const log = (JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: HarEntry[]; comment?: string } }).log;
        expect(log.entries.map((e) => e.request.url)).toEqual([expect.stringContaining('/fast/cgi-bin/get_api_domain_ip')]);
        expect(log.comment).toBe('wxauth proxy quit at once (Ctrl-C or a signal again): 1 call(s) still in flight then are not in this file.');
        if (lang === 'en') expect(r.stderr).toContain(`! Quit at once (Ctrl-C again). HAR written: ${har} (calls: 1); the 1 call(s) still in flight then are not in it (its log.comment says so).`);
        else expect(r.stderr).toContain(`已立即退出（又按了一次 Ctrl-C）。已写入 HAR：${har}（1 条调用）；当时还在进行中的 1 个调用没有记进去`);
      }
    } finally {
      upstream.closeAllConnections();
      upstream.close();
    }
  });

  // A process is what is tested here: SIGTERM (kill, docker stop) and SIGHUP (terminal closed) reach main.ts.
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} ends the proxy as Ctrl-C does: the HAR is written (spawned)`, async () => {
      const har = path.join(dir, `${signal}.har`);
      const port = await freePort();
      const child = spawnCli(['proxy', '--port', String(port), '--upstream', emu.url, '--har', har]);
      const done = collect(child);
      await waitForOutput(child, new RegExp(`127\\.0\\.0\\.1:${port}`));
      await request(`http://127.0.0.1:${port}`, tokenPath());
      child.kill(signal);
      const r = await done;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('HAR written');
      expect((JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: unknown[] } }).log.entries).toHaveLength(1);
    });
  }

  // A terminal that really closes: the proxy runs under util-linux's `script` (a pty of its own), which
  // is killed, so the pty hangs up and the proxy gets SIGHUP with a terminal that is gone. Node 20 then
  // aborted at exit with an assertion and a native stack trace (nodejs/node#51519).
  const hasScript = spawnSync('script', ['-qec', 'true', '/dev/null'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!hasScript)('a closed terminal (SIGHUP, the pty gone) ends the proxy without a crash, the HAR written', async () => {
    const har = path.join(dir, 'closed-terminal.har');
    const errors = path.join(dir, 'closed-terminal.err');
    const port = await freePort();
    const command = [process.execPath, BIN, 'proxy', '--port', String(port), '--upstream', emu.url, '--har', har].map((a) => `'${a}'`).join(' ');
    const term = spawn('script', ['-qec', `${command} 2>'${errors}'`, '/dev/null'], { env: baseEnv({}), stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    for (let i = 0; i < 200 && !(fs.existsSync(errors) && fs.readFileSync(errors, 'utf8').includes(`127.0.0.1:${port}`)); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    await request(`http://127.0.0.1:${port}`, tokenPath());
    process.kill(-term.pid!, 'SIGKILL');
    for (let i = 0; i < 200 && !fs.existsSync(har); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    // Give a crash at exit the time to be written.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stderr = fs.readFileSync(errors, 'utf8');
    expect(stderr).toContain('HAR written');
    expect(stderr).not.toMatch(/Assertion failed|Native stack trace/);
    expect((JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: unknown[] } }).log.entries).toHaveLength(1);
  });

  it.skipIf(!hasScript)('SIGHUP sent by hand while its terminal is still there: the proxy ends normally, exit 0', async () => {
    const har = path.join(dir, 'hup-by-hand.har');
    const errors = path.join(dir, 'hup-by-hand.err');
    const exit = path.join(dir, 'hup-by-hand.exit');
    const port = await freePort();
    const command = [process.execPath, BIN, 'proxy', '--port', String(port), '--upstream', emu.url, '--har', har].map((a) => `'${a}'`).join(' ');
    const term = spawn('script', ['-qec', `${command} 2>'${errors}'; echo $? > '${exit}'`, '/dev/null'], { env: baseEnv({}), stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    try {
      for (let i = 0; i < 200 && !(fs.existsSync(errors) && fs.readFileSync(errors, 'utf8').includes(`127.0.0.1:${port}`)); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      // The node process itself, by its program (the shell that `script` runs has the same words on its
      // command line; /proc/<pid>/comm is the main thread's name, which Node 24 renames).
      const pid = spawnSync('pgrep', ['-f', '--', `--har ${har}`], { encoding: 'utf8' })
        .stdout.split('\n')
        .map(Number)
        .find((p) => p > 0 && fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0')[0] === process.execPath);
      expect(pid).toBeGreaterThan(0);
      process.kill(pid!, 'SIGHUP');
      for (let i = 0; i < 200 && !(fs.existsSync(exit) && fs.readFileSync(exit, 'utf8').trim() !== ''); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(fs.readFileSync(exit, 'utf8').trim()).toBe('0');
      expect(fs.readFileSync(errors, 'utf8')).toContain('HAR written');
    } finally {
      try {
        process.kill(-term.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('checks --har before listening: a missing folder or a folder as the file is exit 2, and nothing listens', async () => {
    const port = await freePort();
    for (const [file, text] of [[path.join(dir, 'no-such-dir', 'x.har'), 'does not exist'], [dir, 'is a folder']] as const) {
      const r = await runCli(['proxy', '--port', String(port), '--upstream', emu.url, '--har', file], { timeoutMs: 5000 });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toContain(`127.0.0.1:${port}`);
    }
    const zh = await runCli(['proxy', '--port', String(port), '--upstream', emu.url, '--har', path.join(dir, 'no-such-dir', 'x.har'), '--lang', 'zh'], { timeoutMs: 5000 });
    expect(zh.stderr).toContain('不存在');
  });

  it('a HAR that cannot be written at the end (its folder removed while the proxy ran) is said and ends with exit 2', async () => {
    const gone = fs.mkdtempSync(path.join(dir, 'gone-'));
    const har = path.join(gone, 'calls.har');
    const px = await runProxyCommand(['--upstream', emu.url, '--har', har]);
    await request(px.url, tokenPath());
    fs.rmSync(gone, { recursive: true, force: true });
    expect(await px.stop()).toBe(2);
    expect(px.stderr.text).toContain(har);
    expect(px.stderr.text).toContain('ENOENT');
    expect(px.stdout.text).toContain('/cgi-bin/token');
  });

  it('an existing --har file is not replaced without --yes; with --yes it is', async () => {
    const har = path.join(dir, 'kept.har');
    fs.writeFileSync(har, 'my earlier capture');
    const port = await freePort();
    const r = await runCli(['proxy', '--port', String(port), '--upstream', emu.url, '--har', har], { timeoutMs: 5000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(fs.readFileSync(har, 'utf8')).toBe('my earlier capture');
    const px = await runProxyCommand(['--upstream', emu.url, '--har', har, '--yes']);
    expect(await px.stop()).toBe(0);
    expect(JSON.parse(fs.readFileSync(har, 'utf8'))).toMatchObject({ log: { version: '1.2' } });
  });

  it('--har: a temporary file left by a proxy killed outright is removed by the next one; a live proxy\'s is kept', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'left-'));
    const har = path.join(sub, 'h.har');
    // A pid that is surely gone: a child that has exited.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const dead = path.join(sub, `.h.har.${gone}-abc123.tmp`);
    const live = path.join(sub, `.h.har.${process.pid}-def456.tmp`);
    fs.writeFileSync(dead, '{"log":', { mode: 0o600 });
    fs.writeFileSync(live, '{"log":', { mode: 0o600 });
    const px = await runProxyCommand(['--upstream', emu.url, '--har', har]);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(await px.stop()).toBe(0);
    expect(JSON.parse(fs.readFileSync(har, 'utf8'))).toMatchObject({ log: { version: '1.2' } });
  });

  it('--har goes to disk as the calls come (a 0600 file beside it), not kept in memory; at the end it is one HAR with every call', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'stream-'));
    const har = path.join(sub, 'busy.har');
    const px = await runProxyCommand(['--upstream', emu.url, '--har', har]);
    // Calls with 4 KiB bodies: more than a batch's worth of entries while the proxy still runs.
    const body = JSON.stringify({ filler: 'x'.repeat(4096) });
    const n = 150;
    for (let i = 0; i < n; i++) await request(px.url, `/cgi-bin/nowhere?i=${i}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    for (let i = 0; i < 200 && px.stderr.text.split('POST /cgi-bin/nowhere').length <= n; i++) await new Promise((r) => setTimeout(r, 10));
    const during = fs.readdirSync(sub).filter((name) => name !== 'busy.har');
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.busy\.har\..*\.tmp$/);
    const partial = path.join(sub, during[0]!);
    expect(fs.statSync(partial).mode & 0o777).toBe(0o600);
    expect(fs.statSync(partial).size).toBeGreaterThan(256 * 1024);
    expect(fs.existsSync(har)).toBe(false);
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text).toContain(`HAR written: ${har} (calls: ${n})`);
    expect(fs.readdirSync(sub)).toEqual(['busy.har']);
    const log = JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { version: string; creator: { name: string }; entries: Array<{ request: { url: string; postData?: { text: string } } }> } };
    expect(log.log.version).toBe('1.2');
    expect(log.log.creator.name).toBe('wxauth');
    expect(log.log.entries).toHaveLength(n);
    expect(log.log.entries.map((e) => new URL(e.request.url).searchParams.get('i'))).toEqual(Array.from({ length: n }, (_, i) => String(i)));
    expect(log.log.entries[0]!.request.postData?.text).toBe(body);
    expect(fs.statSync(har).mode & 0o777).toBe(0o600);
    // No call: still a valid, empty HAR.
    const empty = path.join(sub, 'empty.har');
    const quiet = await runProxyCommand(['--upstream', emu.url, '--har', empty]);
    expect(await quiet.stop()).toBe(0);
    expect(JSON.parse(fs.readFileSync(empty, 'utf8'))).toMatchObject({ log: { version: '1.2', entries: [] } });
  });

  it('a --har file that appeared while the proxy ran (another proxy’s capture) is kept: this HAR goes beside it, and it says so', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'appeared-'));
    const har = path.join(sub, 'capture.har');
    for (const lang of ['en', 'zh'] as const) {
      fs.rmSync(har, { force: true });
      fs.rmSync(path.join(sub, 'capture-2.har'), { force: true });
      const px = await runProxyCommand(['--upstream', emu.url, '--har', har, '--lang', lang]);
      await request(px.url, tokenPath());
      fs.writeFileSync(har, 'the other proxy’s capture');
      expect(await px.stop()).toBe(0);
      expect(fs.readFileSync(har, 'utf8')).toBe('the other proxy’s capture');
      const beside = path.join(sub, 'capture-2.har');
      expect((JSON.parse(fs.readFileSync(beside, 'utf8')) as { log: { entries: unknown[] } }).log.entries).toHaveLength(1);
      expect(px.stderr.text).toContain(
        lang === 'en'
          ? `${har} appeared or changed after the proxy started, so it was not replaced; the HAR was written to ${beside} instead (calls: 1). Pass --yes to replace it.`
          : `${har} 是代理启动之后才出现或被改过的文件，没有替换它；HAR 写到了 ${beside}（1 条调用）`,
      );
    }
    // --json: the summary names both.
    fs.rmSync(har);
    const px = await runProxyCommand(['--upstream', emu.url, '--har', har, '--json']);
    fs.writeFileSync(har, 'changed');
    await px.stop();
    const summary = px.stdout.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.type === 'summary')!;
    expect(summary.har).toEqual({ file: path.join(sub, 'capture-3.har'), requested: har, count: 0 });
    expect(fs.readFileSync(har, 'utf8')).toBe('changed');
    // With --yes it is replaced, whatever took its place.
    const yes = await runProxyCommand(['--upstream', emu.url, '--har', har, '--yes']);
    fs.writeFileSync(har, 'changed again');
    expect(await yes.stop()).toBe(0);
    expect(JSON.parse(fs.readFileSync(har, 'utf8'))).toMatchObject({ log: { version: '1.2' } });
    expect(yes.stderr.text).toContain(`HAR written: ${har}`);
  });

  it('a compressed answer that expands past what the proxy keeps (a brotli or gzip bomb) is not decoded: said so, and passed on unchanged', async () => {
    const bombs: Record<string, Buffer> = {
      br: zlib.brotliCompressSync(Buffer.alloc(16 * 1024 * 1024, 'a')),
      gzip: zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024, 'a'), { level: 9 }),
    };
    const small = zlib.gzipSync(Buffer.from('{"errcode":40013,"errmsg":"invalid appid"}'));
    const upstream = http.createServer((req, res) => {
      const kind = req.url!.includes('small') ? 'small' : req.url!.includes('gzip') ? 'gzip' : 'br';
      const bytes = kind === 'small' ? small : bombs[kind]!;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': kind === 'br' ? 'br' : 'gzip', 'Content-Length': bytes.length });
      res.end(bytes);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const har = path.join(dir, 'bomb.har');
    try {
      const px = await runProxyCommand(['--upstream', `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`, '-v', '--har', har]);
      for (const kind of ['br', 'gzip'] as const) {
        const got = await request(px.url, `/cgi-bin/${kind}`);
        expect(got.body.equals(bombs[kind]!)).toBe(true);
      }
      await request(px.url, '/cgi-bin/small');
      expect(await px.stop()).toBe(0);
      const lines = px.stderr.text.split('\n');
      for (const kind of ['br', 'gzip'] as const) {
        const at = lines.findIndex((l) => l.includes(`GET /cgi-bin/${kind} `));
        expect(lines[at + 1]).toContain(`< (a compressed answer of ${bombs[kind]!.length} bytes; decompressed it is over the first 64 KiB the proxy keeps: not decoded)`);
      }
      // A small compressed answer is still read.
      expect(px.stderr.text).toMatch(/GET \/cgi-bin\/small .*40013/);
      const entries = (JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: Array<{ response: { content: { text: string; size: number; comment?: string } } }> } }).log.entries;
      expect(entries[0]!.response.content).toMatchObject({ text: '', size: bombs.br!.length, comment: expect.stringContaining('not decoded') });
      expect(entries[1]!.response.content).toMatchObject({ text: '', size: bombs.gzip!.length, comment: expect.stringContaining('not decoded') });
      expect(entries[2]!.response.content.text).toContain('40013');
      const zh = await runProxyCommand(['--upstream', `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`, '-v', '--lang', 'zh']);
      await request(zh.url, '/cgi-bin/br');
      await zh.stop();
      expect(zh.stderr.text).toContain('解压后超过代理保留的前 64 KiB，未解码显示');
    } finally {
      upstream.close();
    }
  });

  it('counts the first 300 distinct paths one by one, the rest in one “(other paths)” row, and says so', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const px = await runProxyCommand(['--upstream', emu.url, '--lang', lang]);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
      try {
        await Promise.all(Array.from({ length: 320 }, (_, i) => request(px.url, `/cgi-bin/random-${i}`, { agent })));
        await request(px.url, '/cgi-bin/random-0', { agent });
      } finally {
        agent.destroy();
      }
      expect(await px.stop()).toBe(0);
      const rows = px.stdout.text.split('\n').filter((l) => /^\S.* \d+ ms\s*$/.test(l) || l.includes('/cgi-bin/random-'));
      expect(rows.filter((l) => l.includes('/cgi-bin/random-'))).toHaveLength(300);
      const other = lang === 'en' ? '(other paths)' : '（其他路径）';
      expect(px.stdout.text).toMatch(new RegExp(`\\n${other.replace(/[()]/g, '\\$&')} +20 `));
      // The last row of the table.
      const table = px.stdout.text.split('\n').filter((l) => l.includes(' ms'));
      expect(table.at(-1)).toContain(other);
      expect(px.stderr.text).toContain(
        lang === 'en'
          ? 'Only the first 300 distinct paths are counted one by one; 20 calls to paths seen after them are counted together in the “(other paths)” row.'
          : '只有前 300 个不同的路径单独计数；之后出现的其他路径的 20 次调用合计在“（其他路径）”一行。',
      );
    }
  });

  it('an appsecret in a URL path is masked by value on the live line and in the summary, as in the HAR', async () => {
    const px = await runProxyCommand(['--upstream', emu.url]);
    await request(px.url, tokenPath());
    await request(px.url, `/cgi-bin/x/${app().secret}`);
    for (let i = 0; i < 100 && !px.stderr.text.includes('/cgi-bin/x/'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text).toMatch(/GET \/cgi-bin\/x\/5e1e\*\*\*/);
    expect(px.stderr.text + px.stdout.text).not.toContain(app().secret);
    expect(px.stdout.text).toContain('/cgi-bin/x/5e1e***');
  });

  it('speaks Chinese, and refuses a bad upstream (exit 2)', async () => {
    const px = await runProxyCommand(['--upstream', emu.url], { LANG: 'zh_CN.UTF-8' });
    expect(await px.stop()).toBe(0);
    expect(px.stderr.text).toContain('代理已启动');
    const bad = await runCli(['proxy', '--upstream', 'ftp://x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ftp://x');
    // An address typed without its scheme: the http:// URL it means, ready to paste (en, zh).
    const bare = await runCli(['proxy', '--upstream', '127.0.0.1:3900']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('did you mean http://127.0.0.1:3900?');
    expect((await runCli(['proxy', '--upstream', 'localhost:3900', '--lang', 'zh'])).stderr).toContain('是不是 http://localhost:3900？');
  });

  // --port 3900 --upstream http://127.0.0.1:3900 (the emulator's port given to the proxy): it once started
  // and forwarded each call to itself, thousands a second, until Ctrl-C.
  it('refuses an --upstream that is the proxy itself, before listening (exit 2, en, zh --json)', async () => {
    const port = String(await freePort());
    const en = await runCli(['proxy', '--port', port, '--upstream', `http://127.0.0.1:${port}`]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`✖ --upstream http://127.0.0.1:${port} is this proxy itself (port ${port}): every call would be forwarded back to it, over and over.`);
    expect(en.stderr).toContain('→ Give the proxy a port of its own with --port');
    expect(en.stderr).not.toContain('Proxy running');
    const zh = await runCli(['proxy', '--port', port, '--upstream', `http://localhost:${port}/`, '--lang', 'zh', '--json']);
    expect(zh.code).toBe(2);
    expect(JSON.parse(zh.stdout)).toMatchObject({ type: 'error', ok: false, error: { code: 'usage', message: `--upstream http://localhost:${port} 就是这个代理自己（端口 ${port}）：每个调用都会被转发回代理，无休止地循环。` } });
    // Another port on this machine (the emulator's) is an upstream like any other.
    const other = await runProxyCommand(['--upstream', emu.url]);
    expect(await other.stop()).toBe(0);
    expect(other.stderr.text).toContain(`→ ${emu.url}`);
  });
});

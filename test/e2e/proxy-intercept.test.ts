// wxauth proxy --intercept (issue 15): the HTTPS forward proxy with the local CA, over real sockets.
// Clients that trust the CA (node:https through a CONNECT tunnel, undici's ProxyAgent, a spawned node
// with NODE_EXTRA_CA_CERTS + EnvHttpProxyAgent, curl, and the printed Java and Python lines run as printed) reach the emulator through it and get its exact
// bytes; a client that does not trust the CA fails its handshake; other hosts are tunnelled untouched
// (a local TLS server with its own CA stands in for them, dialled through the flow's connectTo).
// Also: the CA store (0600 key, reuse, refusal of a corrupt or exposed key) and the upstream through
// the run's HTTP_PROXY / NO_PROXY.
import { execFile, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import tls from 'node:tls';
import { ProxyAgent, request as undiciRequest } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { startProxy, STOP_GRACE_MS, type Blocked, type PassedThrough, type ProxyHandle } from '../../src/flows/proxy/server.js';
import { hostCertificates, type HostContexts } from '../../src/flows/proxy/certs.js';
import { openProxyCa, type ProxyCa } from '../../src/store/ca.js';
import { isThisMachine } from '../../src/core/proxy-route.js';
import type { DetectorHit, ObservedCall } from '../../src/core/proxy-detect.js';
import type { HarEntry } from '../../src/core/proxy-har.js';
import { ROOT, baseEnv, freePort, runCli, runSpawned } from './helpers.js';

const SERVICE: string = DEFAULT_APPIDS.service;

interface Raw {
  status: number;
  rawHeaders: string[];
  body: Buffer;
}

function collect(res: http.IncomingMessage): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
    res.on('error', reject);
  });
}

function plain(base: string, target: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    http.get({ host: url.hostname, port: url.port, path: target, agent: false }, (res) => collect(res).then(resolve, reject)).on('error', reject);
  });
}

/** CONNECT host:port through the proxy; resolves with the tunnel once the proxy said 200. */
function connect(proxy: string, authority: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const url = new URL(proxy);
    const req = http.request({ host: url.hostname, port: url.port, method: 'CONNECT', path: authority, agent: false });
    req.on('connect', (res, socket) => (res.statusCode === 200 ? resolve(socket) : reject(Object.assign(new Error(`CONNECT ${res.statusCode}`), { status: res.statusCode }))));
    req.on('error', reject);
    req.end();
  });
}

/** An HTTPS request through a CONNECT tunnel, as HTTPS_PROXY clients send it; `ca` = what the client trusts. */
async function viaTunnel(proxy: string, host: string, target: string, ca: string | undefined, port = 443): Promise<Raw> {
  const socket = await connect(proxy, `${host}:${port}`);
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host, path: target, createConnection: () => tls.connect({ socket, servername: host, ...(ca ? { ca } : {}) }) },
      (res) => collect(res).then(resolve, reject),
    );
    req.on('error', (error) => {
      // As a client's pool would: the tunnel goes with the failed TLS connection.
      socket.destroy();
      reject(error);
    });
    req.end();
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
  passed: PassedThrough[];
  refused: Array<{ host: string; caller: string; detail: string; cause?: string }>;
  blocked: Blocked[];
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), what).toBe(true);
}

let emu: EmulatorHandle;
let dir: string;
let ca: ProxyCa;
let contexts: HostContexts;
/**
 * A CA like any public one (no name constraints, unlike wxauth's), made here with node-forge: the other
 * sites' certificates come from it.
 */
async function plainCa(): Promise<{ certPem: string; keyPem: string }> {
  const { default: forge } = await import('node-forge');
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000 * 30);
  const name = [{ name: 'commonName', value: 'some public CA (test)' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, critical: true }, { name: 'subjectKeyIdentifier' }]);
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

/** A stand-in for any other HTTPS site: its own CA, which the proxy's CA has nothing to do with. */
let other: tls.Server;
let otherCa: { certPem: string; keyPem: string };
const otherSeen: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ switches: { ridStyle: 'none' } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-intercept-'));
  ca = await openProxyCa(path.join(dir, 'state'));
  contexts = await hostCertificates(ca);
  otherCa = await plainCa();
  const otherContexts = await hostCertificates(otherCa);
  other = tls.createServer({ SNICallback: (name, cb) => cb(null, otherContexts(name)) }, (socket) => {
    socket.once('data', (d: Buffer) => {
      otherSeen.push(d.toString('latin1').split('\r\n')[0]!);
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: close\r\n\r\nnot intercept');
    });
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
});
afterAll(async () => {
  await emu.close();
  await new Promise<void>((r) => other.close(() => r()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function interceptProxy(extra: { upstream?: string; host?: string; localCaller?: (ip: string) => boolean; har?: (entry: HarEntry) => void } = {}): Promise<ProxyHandle & Recorded> {
  const rec: Recorded = { calls: [], hits: [], passed: [], refused: [], blocked: [] };
  const otherPort = (other.address() as AddressInfo).port;
  const handle = await startProxy({
    host: extra.host ?? '127.0.0.1',
    port: 0,
    upstream: emu.url,
    timeoutMs: 5000,
    showSecrets: false,
    ...(extra.localCaller ? { localCaller: extra.localCaller } : {}),
    ...(extra.har ? { har: extra.har } : {}),
    hooks: { call: (c) => rec.calls.push(c), hit: (h) => rec.hits.push(h), passed: (p) => rec.passed.push(p), refused: (r) => rec.refused.push(r), blocked: (b) => rec.blocked.push(b) },
    intercept: { contexts, upstream: extra.upstream ?? emu.url },
    // The stand-in for other sites: example.test:443 is dialled at the local TLS server.
    connectTo: (t) => (t.host === 'example.test' ? { host: '127.0.0.1', port: otherPort } : t),
  });
  return Object.assign(handle, rec);
}

const app = () => emu.apps.find((a) => a.appid === SERVICE)!;
const exchangePath = (code: string) => `/sns/oauth2/access_token?appid=${SERVICE}&secret=${app().secret}&code=${code}&grant_type=authorization_code`;

describe('a client that trusts the CA', () => {
  it('reaches the emulator through CONNECT api.weixin.qq.com:443 and gets its exact bytes; the call is shown and code.reused fires', async () => {
    const p = await interceptProxy();
    try {
      const target = '/sns/auth?access_token=x&openid=y';
      const direct = await plain(emu.url, target);
      const proxied = await viaTunnel(p.url, 'api.weixin.qq.com', target, ca.certPem);
      expect(proxied.status).toBe(direct.status);
      expect(withoutDate(proxied.rawHeaders)).toEqual(withoutDate(direct.rawHeaders));
      expect(proxied.body.equals(direct.body)).toBe(true);

      const code = emu.issueCode({ appid: SERVICE, scope: 'snsapi_userinfo' });
      const first = await viaTunnel(p.url, 'api.weixin.qq.com', exchangePath(code), ca.certPem);
      expect(JSON.parse(first.body.toString())).toHaveProperty('access_token');
      const again = await viaTunnel(p.url, 'sh.api.weixin.qq.com', exchangePath(code), ca.certPem);
      expect(JSON.parse(again.body.toString())).toMatchObject({ errcode: 40163 });
      await until(() => p.calls.length >= 3 && p.hits.length >= 1, 'three calls and a hit');
      expect(p.calls.map((c) => c.endpoint)).toEqual(['/sns/auth', '/sns/oauth2/access_token', '/sns/oauth2/access_token']);
      expect(p.calls[2]).toMatchObject({ appid: SERVICE, errcode: 40163 });
      expect(p.hits.map((h) => h.id)).toEqual(['code.reused']);
      // Masked like the reverse proxy's: neither the secret nor the code in what is shown.
      for (const c of p.calls) expect(JSON.stringify(c)).not.toContain(app().secret);
      expect(JSON.stringify(p.calls[1])).not.toContain(code);
      expect(p.refused).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('undici ProxyAgent (what EnvHttpProxyAgent uses for HTTPS_PROXY) trusting the CA gets the same bytes as direct', async () => {
    const p = await interceptProxy();
    const agent = new ProxyAgent({ uri: p.url, requestTls: { ca: ca.certPem } });
    try {
      const target = `/cgi-bin/token?grant_type=client_credential&appid=${SERVICE}&secret=${'f'.repeat(32)}`;
      const direct = await plain(emu.url, target);
      const res = await undiciRequest(`https://api.weixin.qq.com${target}`, { dispatcher: agent });
      const body = Buffer.from(await res.body.arrayBuffer());
      expect(res.statusCode).toBe(direct.status);
      expect(body.equals(direct.body)).toBe(true);
      await until(() => p.calls.length >= 1, 'the call');
      expect(p.calls[0]).toMatchObject({ endpoint: '/cgi-bin/token', errcode: 40125 });
    } finally {
      await agent.close();
      await p.close();
    }
  });

  it('plain-HTTP requests in absolute form (HTTP_PROXY clients) to WeChat are observed; to other hosts only passed on', async () => {
    const p = await interceptProxy();
    try {
      const target = '/sns/auth?access_token=abc&openid=def';
      const direct = await plain(emu.url, target);
      const proxied = await plain(p.url, `http://api.weixin.qq.com${target}`);
      expect(proxied.body.equals(direct.body)).toBe(true);
      const passedOn = await plain(p.url, `${emu.url}${target}`);
      expect(passedOn.body.equals(direct.body)).toBe(true);
      await until(() => p.calls.length >= 1 && p.passed.length >= 1, 'one call, one pass');
      expect(p.calls).toHaveLength(1);
      expect(p.passed[0]).toMatchObject({ kind: 'http', target: emu.url });
    } finally {
      await p.close();
    }
  });
});

// A relative Location was resolved against the upstream (the emulator, with --upstream), a place the
// client never asked for: it asked https://api.weixin.qq.com/…, and a relative Location takes it there.
describe('a relative Location', () => {
  it('is resolved against the WeChat URL the client asked for, not the upstream', async () => {
    const upstream = http.createServer((req, res) => res.writeHead(302, { Location: 'login?next=%2Fsns%2Fauth' }).end());
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const p = await interceptProxy({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
    try {
      expect((await viaTunnel(p.url, 'api.weixin.qq.com', '/sns/auth?access_token=x&openid=o1', ca.certPem)).status).toBe(302);
      // An HTTP_PROXY client's absolute-form request: the URL it named.
      expect((await plain(p.url, 'http://api.weixin.qq.com/sns/auth?access_token=x&openid=o1')).status).toBe(302);
      await until(() => p.calls.length >= 2, 'two calls');
      expect(p.calls.map((c) => c.locationResolved)).toEqual(['https://api.weixin.qq.com/sns/login?next=%2Fsns%2Fauth', 'http://api.weixin.qq.com/sns/login?next=%2Fsns%2Fauth']);
    } finally {
      await p.close();
      upstream.close();
    }
  });

  // The HAR's request.url was the upstream's (http://127.0.0.1:…/sns/auth), while its redirectURL stayed
  // relative: a HAR viewer resolving one against the other sent the client to the stand-in, a place it
  // never asked for, and the file did not show the URL the server called. Now request.url is what the
  // client asked for, and where the proxy sent it is _wxauth.sentTo.
  it("is kept as sent in the HAR, whose request.url is the WeChat URL asked for and _wxauth.sentTo the upstream's", async () => {
    const upstream = http.createServer((req, res) => res.writeHead(302, { Location: 'login?next=%2Fsns%2Fauth' }).end());
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const entries: HarEntry[] = [];
    const p = await interceptProxy({ upstream: base, har: (e) => entries.push(e) });
    try {
      expect((await viaTunnel(p.url, 'api.weixin.qq.com', '/sns/auth?access_token=x&openid=o1', ca.certPem)).status).toBe(302);
      await until(() => entries.length >= 1, 'the HAR entry');
      expect(entries[0]!.request.url).toBe('https://api.weixin.qq.com/sns/auth?access_token=***&openid=o1');
      expect(entries[0]!.response.redirectURL).toBe('login?next=%2Fsns%2Fauth');
      expect(new URL(entries[0]!.response.redirectURL, entries[0]!.request.url).href).toBe(p.calls[0]!.locationResolved);
      expect(entries[0]!._wxauth.sentTo).toBe(`${base}/sns/auth?access_token=***&openid=o1`);
    } finally {
      await p.close();
      upstream.close();
    }
  });
});

describe('callers from the network (--host 0.0.0.0)', () => {
  // A real non-loopback address of this machine to call from, when it has one. The proxy counts this
  // machine's own addresses as local, so the refusal test tells it to count loopback only: the caller
  // is then a real socket from a non-loopback address. Without such an address, every caller is remote.
  const lan = Object.values(os.networkInterfaces()).flatMap((l) => l ?? []).find((i) => !i.internal && i.family === 'IPv4')?.address;
  const loopbackOnly = (ip: string) => (lan ? isThisMachine(ip, []) : false);

  function from(proxyUrl: string, options: http.RequestOptions): Promise<http.ClientRequest> {
    const url = new URL(proxyUrl);
    return Promise.resolve(http.request({ host: lan ?? '127.0.0.1', port: url.port, agent: false, ...(lan ? { localAddress: lan } : {}), ...options }));
  }

  it('reach only WeChat\'s hosts: a tunnel or an absolute-form request to this machine\'s loopback is 403, and says to use NO_PROXY', async () => {
    const p = await interceptProxy({ host: '0.0.0.0', localCaller: loopbackOnly });
    try {
      const emuPort = new URL(emu.url).port;
      // CONNECT 127.0.0.1:<emulator> from the network: refused, never dialled.
      const tunnel = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        void from(p.url, { method: 'CONNECT', path: `127.0.0.1:${emuPort}` }).then((req) => {
          req.on('connect', (res, socket, head) => {
            const chunks: Buffer[] = [head];
            socket.on('data', (c: Buffer) => chunks.push(c));
            socket.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
            socket.on('error', reject);
          });
          req.on('error', reject);
          req.end();
        });
      });
      expect(tunnel.status).toBe(403);
      expect(tunnel.body).toMatch(/^wxauth proxy: refused: .* is not on this machine.*add 127\.0\.0\.1 to NO_PROXY/);
      // GET http://127.0.0.1:<emulator>/__emulator/clock in absolute form: refused too.
      const absolute = await new Promise<Raw>((resolve, reject) => {
        void from(p.url, { path: `http://127.0.0.1:${emuPort}/__emulator/clock`, headers: { Host: `127.0.0.1:${emuPort}` } }).then((req) => {
          req.on('response', (res) => collect(res).then(resolve, reject));
          req.on('error', reject);
          req.end();
        });
      });
      expect(absolute.status).toBe(403);
      expect(absolute.body.toString()).toMatch(/NO_PROXY/);
      expect(absolute.body.toString()).not.toMatch(/now|offset/);
      // A WeChat name with a port of its own is not WeChat's API: refused too.
      const ported = await new Promise<Raw>((resolve, reject) => {
        void from(p.url, { path: `http://api.weixin.qq.com:${emuPort}/sns/auth?access_token=abc&openid=def`, headers: { Host: `api.weixin.qq.com:${emuPort}` } }).then((req) => {
          req.on('response', (res) => collect(res).then(resolve, reject));
          req.on('error', reject);
          req.end();
        });
      });
      expect(ported.status).toBe(403);
      expect(p.passed).toHaveLength(0);
      expect(p.blocked).toEqual([
        { reason: 'network', caller: expect.any(String) as unknown as string, target: '127.0.0.1' },
        { reason: 'network', caller: expect.any(String) as unknown as string, target: `127.0.0.1:${emuPort}` },
        { reason: 'network', caller: expect.any(String) as unknown as string, target: `api.weixin.qq.com:${emuPort}` },
      ]);
      // WeChat's hosts still work from the network: absolute form to api.weixin.qq.com is observed.
      const wechat = await new Promise<Raw>((resolve, reject) => {
        void from(p.url, { path: 'http://api.weixin.qq.com/sns/auth?access_token=abc&openid=def', headers: { Host: 'api.weixin.qq.com' } }).then((req) => {
          req.on('response', (res) => collect(res).then(resolve, reject));
          req.on('error', reject);
          req.end();
        });
      });
      expect(wechat.status).toBe(200);
      expect(JSON.parse(wechat.body.toString())).toHaveProperty('errcode');
      await until(() => p.calls.length >= 1, 'the WeChat call');
    } finally {
      await p.close();
    }
  });

  it('a caller on this machine keeps reaching other hosts, through 127.0.0.1 or the LAN address the proxy prints', async () => {
    const p = await interceptProxy({ host: '0.0.0.0' });
    try {
      const port = new URL(p.url).port;
      const socket = await connect(`http://127.0.0.1:${port}`, `127.0.0.1:${new URL(emu.url).port}`);
      socket.destroy();
      await until(() => p.passed.filter((x) => x.kind === 'tunnel' && !x.failure).length === 1, 'the tunnel');
      if (lan) {
        expect(p.reachUrl).toBe(`http://${lan}:${port}`);
        const viaLan = await new Promise<number>((resolve, reject) => {
          const req = http.request({ host: lan, port, localAddress: lan, method: 'CONNECT', path: `127.0.0.1:${new URL(emu.url).port}`, agent: false });
          req.on('connect', (res, s) => {
            s.destroy();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
        expect(viaLan).toBe(200);
      }
    } finally {
      await p.close();
    }
  });

  it('wxauth proxy --intercept --host 0.0.0.0 prints a real address of this machine in the lines to copy, never 0.0.0.0', async () => {
    const state = path.join(dir, 'lan-lines');
    const { runCli: run } = await import('../../src/app.js');
    const stdout = new Sink();
    const stderr = new Sink();
    const controller = new AbortController();
    const port = await freePort();
    const done = run(['proxy', '--intercept', '--host', '0.0.0.0', '--port', String(port), '--upstream', emu.url], { stdout, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env: baseEnv({ WXAUTH_CONFIG_DIR: state }), signal: controller.signal }, '0.0.0-test');
    try {
      await until(() => stderr.text.includes('Ctrl-C'), 'the start lines');
      const where = lan ?? '0.0.0.0';
      expect(stderr.text).toContain(`export HTTPS_PROXY=http://${where}:${port} HTTP_PROXY=http://${where}:${port}`);
      expect(stderr.text).toContain(`-Dhttps.proxyHost=${where} -Dhttps.proxyPort=${port}`);
      if (lan) expect(stderr.text).not.toMatch(/HTTPS_PROXY=http:\/\/0\.0\.0\.0|proxyHost=0\.0\.0\.0/);
      // What other machines may do through it is said.
      expect(stderr.text).toMatch(/reach WeChat's hosts through it[\s\S]*NO_PROXY/);
    } finally {
      controller.abort();
      expect(await done).toBe(0);
    }
  });
});

describe('fail closed', () => {
  it('a handshake that fails for another reason than the CA is not blamed on it: plain HTTP in the tunnel, TLS 1.0/1.1 only', async () => {
    const p = await interceptProxy();
    try {
      // Plain HTTP sent into the tunnel (a base URL of http://api.weixin.qq.com:443).
      const tunnel = await connect(p.url, 'api.weixin.qq.com:443');
      tunnel.on('error', () => undefined);
      tunnel.end('GET /cgi-bin/token HTTP/1.1\r\nHost: api.weixin.qq.com\r\n\r\n');
      await until(() => p.refused.length >= 1, 'the plain-HTTP refusal');
      expect(p.refused[0]).toMatchObject({ detail: 'ERR_SSL_HTTP_REQUEST', cause: 'plain_http' });
      // A client that offers only TLS 1.0/1.1 (old Java, old PHP/curl), whatever it trusts.
      const old = await connect(p.url, 'api.weixin.qq.com:443');
      await new Promise<void>((resolve) => {
        const c = tls.connect({ socket: old, servername: 'api.weixin.qq.com', ca: ca.certPem, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
        c.on('error', () => resolve());
        c.on('secureConnect', () => resolve());
      });
      old.destroy();
      await until(() => p.refused.length >= 2, `the old-TLS refusal: ${JSON.stringify(p.refused)}`);
      expect(p.refused[1]).toMatchObject({ cause: 'old_tls' });
      expect(p.refused[1]!.detail).toMatch(/UNSUPPORTED_PROTOCOL|VERSION/);
      expect(p.calls).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('a client that does not trust the CA fails with a certificate error; nothing reaches WeChat, the refusal is reported', async () => {
    const p = await interceptProxy();
    try {
      const error = await viaTunnel(p.url, 'api.weixin.qq.com', '/sns/auth?access_token=x&openid=y', undefined).then(
        () => undefined,
        (e: NodeJS.ErrnoException) => e,
      );
      expect(error?.code).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/);
      // A client trusting only the other site's CA is no better off.
      const wrong = await viaTunnel(p.url, 'api.weixin.qq.com', '/sns/auth', otherCa.certPem).then(
        () => undefined,
        (e: NodeJS.ErrnoException) => e,
      );
      expect(wrong?.code).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|CERT/);
      await until(() => p.refused.length >= 2, `two refusals: ${JSON.stringify(p.refused)}`);
      expect(p.refused[0]).toMatchObject({ host: 'api.weixin.qq.com', caller: expect.stringMatching(/^127\.0\.0\.1:\d+$/), cause: 'ca' });
      expect(p.calls).toEqual([]);
      expect(p.passed).toEqual([]);
      // A client that trusts the CA, served the same way, adds no refusal.
      await viaTunnel(p.url, 'api.weixin.qq.com', '/sns/auth', ca.certPem);
      await until(() => p.calls.length === 1, 'the trusted call');
      expect(p.refused).toHaveLength(2);
    } finally {
      await p.close();
    }
  });

  /**
   * Stops the proxy and says whether the stop waited out its grace (the timer close() sets to cut what calls
   * in flight leave): not a wall-clock bound, which a loaded machine would break.
   */
  async function stopAndSayIfCut(p: ProxyHandle): Promise<boolean> {
    let cut = false;
    const real = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) =>
      real(
        (...a: unknown[]) => {
          if (ms === STOP_GRACE_MS) cut = true;
          fn(...a);
        },
        ms,
        ...rest,
      )) as typeof setTimeout);
    try {
      await p.close();
    } finally {
      spy.mockRestore();
    }
    return cut;
  }

  // Ctrl-C with a client stuck mid-handshake waited the second calls in flight get, then said the client
  // "closed its connection … does not trust wxauth's CA": the proxy had cut it, and no call was in flight.
  it('stops at once with a client stuck mid-handshake (a CONNECT, then part of a ClientHello), and does not blame the CA for the cut', async () => {
    const p = await interceptProxy();
    const tunnel = await connect(p.url, 'api.weixin.qq.com:443');
    tunnel.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => tunnel.once('close', () => resolve()));
    // A TLS record header announcing 512 bytes, and the first few of a ClientHello: then nothing.
    tunnel.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]));
    expect(await stopAndSayIfCut(p)).toBe(false);
    await closed;
    await new Promise((r) => setImmediate(r));
    expect(p.refused).toEqual([]);
  });

  // The same with a client past its handshake (so it trusts the CA) that has sent no request yet: the stop
  // waited the second, then blamed the CA for the proxy's own cut.
  it('stops at once with a client that finished its handshake but sent no request, and does not blame the CA', async () => {
    const p = await interceptProxy();
    const tunnel = await connect(p.url, 'api.weixin.qq.com:443');
    tunnel.on('error', () => undefined);
    const secure = tls.connect({ socket: tunnel, servername: 'api.weixin.qq.com', rejectUnauthorized: false });
    secure.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => secure.once('close', () => resolve()));
    // A TLS 1.3 server sends its session ticket once it has the client's Finished: its handshake is done too.
    await new Promise<void>((resolve) => secure.once('session', () => resolve()));
    expect(await stopAndSayIfCut(p)).toBe(false);
    await closed;
    await new Promise((r) => setImmediate(r));
    expect(p.refused).toEqual([]);
  });

  /**
   * A client through a tunnel, trusting the CA, that has sent a request line and one header and no end:
   * returned once the proxy has decrypted those bytes (on a loaded machine that may take a while).
   */
  async function halfSentRequest(p: Awaited<ReturnType<typeof interceptProxy>>) {
    const tunnel = await connect(p.url, 'api.weixin.qq.com:443');
    tunnel.on('error', () => undefined);
    const secure = tls.connect({ socket: tunnel, servername: 'api.weixin.qq.com', ca: ca.certPem });
    secure.on('error', () => undefined);
    // (Written after the session event's turn: a write from inside it corrupts node's TLS 1.3 client record.)
    await new Promise<void>((resolve) => secure.once('session', () => setImmediate(resolve)));
    const received = { text: '' };
    secure.on('data', (d: Buffer) => (received.text += d.toString('latin1')));
    const closed = new Promise<void>((resolve) => secure.once('close', () => resolve()));
    secure.write('GET /sns/auth?access_token=x&openid=o1 HTTP/1.1\r\nHost: api.weixin.qq.com\r\n');
    await vi.waitFor(() => expect(p.requestsBegun()).toBe(1), { timeout: 5_000, interval: 5 });
    return { secure, received, closed };
  }

  // A request whose headers were still coming when Ctrl-C came was cut at once, with the silent tunnels: a
  // plain connection holding half a request gets the grace calls in flight get (node's server counts it
  // as busy from its first byte), and so does a decrypted one now.
  it('lets a request whose headers are half sent when the stop comes finish within the grace: the client gets its answer', async () => {
    const p = await interceptProxy();
    // The request line and one header: then the stop, then the rest.
    const { secure, received, closed } = await halfSentRequest(p);
    const stopped = p.close();
    secure.write('Connection: close\r\n\r\n');
    await closed;
    await stopped;
    expect(received.text).toMatch(/^HTTP\/1\.1 200 /);
    expect(received.text).toContain('"errcode"');
    expect(p.calls.map((c) => [c.endpoint, c.outcome])).toEqual([['/sns/auth', 'answered']]);
    expect(p.refused).toEqual([]);
  });

  // Its headers never completed: cut when the grace ends, as any call still in flight, and not blamed on the CA
  // (the client decrypted what it sent: it trusts it).
  it('cuts a request whose headers never complete when the grace ends, without blaming the CA', async () => {
    const p = await interceptProxy();
    const { received, closed } = await halfSentRequest(p);
    expect(await stopAndSayIfCut(p)).toBe(true);
    await closed;
    await new Promise((r) => setImmediate(r));
    expect(received.text).toBe('');
    expect(p.calls).toEqual([]);
    expect(p.refused).toEqual([]);
  });

  it('speaking plain HTTP inside a tunnel to a WeChat host gets no answer in clear', async () => {
    const p = await interceptProxy();
    try {
      const socket = await connect(p.url, 'api.weixin.qq.com:443');
      const got = await new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
        socket.on('close', () => resolve(text));
        socket.on('error', () => undefined);
        socket.write('GET /sns/auth?access_token=x&openid=y HTTP/1.1\r\nHost: api.weixin.qq.com\r\n\r\n');
      });
      expect(got).not.toMatch(/errcode|HTTP\/1\.1/);
      expect(p.calls).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('other hosts', () => {
  it('are tunnelled untouched: the site presents its own certificate, which a client trusting only that site accepts', async () => {
    const p = await interceptProxy();
    try {
      otherSeen.length = 0;
      const res = await viaTunnel(p.url, 'example.test', '/anything', otherCa.certPem);
      expect(res.body.toString()).toBe('not intercept');
      expect(otherSeen).toEqual(['GET /anything HTTP/1.1']);
      // The proxy's CA would not do for it: nothing was re-signed.
      const refused = await viaTunnel(p.url, 'example.test', '/anything', ca.certPem).then(
        () => undefined,
        (e: NodeJS.ErrnoException) => e,
      );
      expect(refused?.code).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|CERT/);
      await until(() => p.passed.length >= 2, 'two tunnels');
      expect(p.passed[0]).toMatchObject({ kind: 'tunnel', target: 'example.test:443' });
      expect(p.calls).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('a WeChat host on another port than 443 is tunnelled, not decrypted; an unreachable one is a 502', async () => {
    const p = await interceptProxy();
    try {
      const port = await freePort();
      const failure = await connect(p.url, `localhost:${port}`).then(
        () => undefined,
        (e: Error & { status?: number }) => e,
      );
      expect(failure?.status).toBe(502);
      await until(() => p.passed.some((x) => x.failure === 'ECONNREFUSED'), 'the failed tunnel');
    } finally {
      await p.close();
    }
  });
});

describe('the CA store', () => {
  it('creates the CA once (key 0600, certificate 0644) and reuses it', async () => {
    const state = path.join(dir, 'fresh');
    const first = await openProxyCa(state);
    expect(first.created).toBe(true);
    expect(fs.statSync(first.keyPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(first.certPath).mode & 0o777).toBe(0o644);
    expect(first.keyPath).toBe(path.join(state, 'proxy-ca-key.pem'));
    const second = await openProxyCa(state);
    expect(second.created).toBe(false);
    expect(second.certPem).toBe(first.certPem);
    expect(fs.readFileSync(second.keyPath, 'utf8')).toBe(first.keyPem);
  });

  it('the CA can vouch only for weixin.qq.com: a client that trusts it still refuses a certificate it signed for another site', async () => {
    // What a stolen proxy-ca-key.pem could do: sign www.example.com. The CA's nameConstraints forbid it.
    const handshake = (servername: string) =>
      new Promise<string>((resolve) => {
        const server = tls.createServer({ SNICallback: (name, cb) => cb(null, contexts(name)) }, (socket) => socket.end());
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          const client = tls.connect({ host: '127.0.0.1', port, servername, ca: ca.certPem }, () => {
            client.end();
            server.close();
            resolve('ok');
          });
          client.on('error', (error: NodeJS.ErrnoException) => {
            server.close();
            resolve(`${error.code ?? ''} ${error.message}`);
          });
        });
      });
    expect(await handshake('api.weixin.qq.com')).toBe('ok');
    expect(await handshake('open.weixin.qq.com')).toBe('ok');
    // The leaf names www.example.com correctly; only the CA's constraint makes OpenSSL refuse it.
    expect(await handshake('www.example.com')).toMatch(/permitted subtree violation/);
  });

  it('nor for any IP address: a certificate its key signs for 127.0.0.1 is refused by a client that trusts the CA', async () => {
    // A stolen key signing a leaf for an internal service reached by IP (RFC 5280: IPs excluded, not permitted).
    const { default: forge } = await import('node-forge');
    const caCert = forge.pki.certificateFromPem(ca.certPem);
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const leaf = forge.pki.createCertificate();
    leaf.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    leaf.serialNumber = '01' + crypto.randomBytes(8).toString('hex');
    leaf.validity.notBefore = new Date(Date.now() - 86_400_000);
    leaf.validity.notAfter = new Date(Date.now() + 86_400_000);
    leaf.setSubject([{ name: 'organizationName', value: 'x' }]);
    leaf.setIssuer(caCert.subject.attributes);
    leaf.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }]);
    leaf.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
    const server = tls.createServer({ key: privateKey.export({ type: 'pkcs8', format: 'pem' }), cert: forge.pki.certificateToPem(leaf) }, (socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const outcome = await new Promise<string>((resolve) => {
      const client = tls.connect({ host: '127.0.0.1', port, ca: ca.certPem }, () => {
        client.end();
        resolve('ok');
      });
      client.on('error', (error: NodeJS.ErrnoException) => resolve(`${error.code ?? ''} ${error.message}`));
    });
    server.close();
    expect(outcome).toMatch(/excluded subtree violation/);
  });

  it('a CA an earlier wxauth made (IP subtrees permitted, not excluded) is still used, with a warning saying how to replace it', async () => {
    const state = path.join(dir, 'outdated');
    const made = await openProxyCa(state);
    expect(made.outdated).toBe(false);
    // The same CA re-signed with the earlier extension: the IP subtrees under permitted.
    const { default: forge } = await import('node-forge');
    const cert = forge.pki.certificateFromPem(made.certPem);
    const a = forge.asn1;
    const seq = (items: import('node-forge').asn1.Asn1[]) => a.create(a.Class.UNIVERSAL, a.Type.SEQUENCE, true, items);
    const ip = (bytes: number) => seq([a.create(a.Class.CONTEXT_SPECIFIC, 7, false, '\0'.repeat(bytes))]);
    const dns = seq([a.create(a.Class.CONTEXT_SPECIFIC, 2, false, 'weixin.qq.com')]);
    const old = a.toDer(seq([a.create(a.Class.CONTEXT_SPECIFIC, 0, true, [dns, ip(8), ip(32)])])).getBytes();
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true, pathLenConstraint: 0 },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { id: '2.5.29.30', critical: true, value: old },
    ]);
    cert.sign(forge.pki.privateKeyFromPem(made.keyPem), forge.md.sha256.create());
    const oldPem = forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
    fs.writeFileSync(made.certPath, oldPem);
    expect((await openProxyCa(state)).outdated).toBe(true);
    const r = await runCli(['proxy', '--print-ca'], { env: { WXAUTH_CONFIG_DIR: state } });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(oldPem.trim());
    expect(r.stderr).toContain('This CA has no name constraint (an earlier wxauth made its CAs without one, or it was made elsewhere)');
    expect(r.stderr).toContain(made.certPath);
    expect(fs.readFileSync(made.certPath, 'utf8')).toBe(oldPem);
  });

  it('--print-ca says when the folder holding the CA is writable by its group; one everyone can write is refused (exit 4), nothing printed', async () => {
    const state = path.join(dir, 'open-folder');
    await openProxyCa(state);
    fs.chmodSync(state, 0o770);
    try {
      const r = await runCli(['proxy', '--print-ca'], { env: { WXAUTH_CONFIG_DIR: state } });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^-----BEGIN CERTIFICATE-----/);
      expect(r.stderr).toContain(`The state folder ${state} is writable by its group (mode 0770)`);
      fs.chmodSync(state, 0o777);
      for (const args of [['proxy', '--print-ca'], ['proxy', '--intercept', '--port', '0']]) {
        const refused = await runCli(args, { env: { WXAUTH_CONFIG_DIR: state } });
        expect(refused.code, args.join(' ')).toBe(4);
        expect(refused.stdout).toBe('');
        expect(refused.stderr).toContain(`Every user can write to the state folder ${state} (mode 0777)`);
      }
    } finally {
      fs.chmodSync(state, 0o700);
    }
  });

  // Only root can give files away (chown), so only a root run checks it. Another user who planted the
  // CA could swap it under the processes told to trust it (NODE_EXTRA_CA_CERTS).
  it.skipIf(process.getuid?.() !== 0)('a CA key or certificate another user owns is refused (exit 4), left as it is, with the way to make one of your own', async () => {
    const state = path.join(dir, 'planted');
    const made = await openProxyCa(state);
    fs.chownSync(made.keyPath, 4242, 4242);
    try {
      const r = await runCli(['proxy', '--intercept', '--port', '0'], { env: { WXAUTH_CONFIG_DIR: state } });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`${made.keyPath} belongs to another user (uid 4242), so wxauth does not use it`);
      expect(r.stderr).toContain(`rm ${made.certPath} ${made.keyPath}`);
      expect(r.stderr).not.toContain('NODE_EXTRA_CA_CERTS');
      expect(fs.readFileSync(made.keyPath, 'utf8')).toBe(made.keyPem);
    } finally {
      fs.chownSync(made.keyPath, 0, 0);
    }
  });

  it('refuses a key others can read, and a corrupt key, leaving it byte for byte as it was (exit 4)', async () => {
    const state = path.join(dir, 'broken');
    const made = await openProxyCa(state);
    fs.chmodSync(made.keyPath, 0o644);
    const exposed = await runCli(['proxy', '--intercept', '--port', '0'], { env: { WXAUTH_CONFIG_DIR: state } });
    expect(exposed.code).toBe(4);
    expect(exposed.stderr).toContain(made.keyPath);
    expect(exposed.stderr).toContain('0644');
    expect(fs.readFileSync(made.keyPath, 'utf8')).toBe(made.keyPem);
    expect(fs.statSync(made.keyPath).mode & 0o777).toBe(0o644);

    fs.chmodSync(made.keyPath, 0o600);
    const garbage = '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n';
    fs.writeFileSync(made.keyPath, garbage);
    const corrupt = await runCli(['proxy', '--intercept', '--port', '0', '--lang', 'zh'], { env: { WXAUTH_CONFIG_DIR: state } });
    expect(corrupt.code).toBe(4);
    expect(corrupt.stderr).toContain(made.keyPath);
    expect(corrupt.stderr).toContain('不会覆盖');
    expect(fs.readFileSync(made.keyPath, 'utf8')).toBe(garbage);
    expect(fs.readFileSync(made.certPath, 'utf8')).toBe(made.certPem);
  });

  it('a certificate without its key is refused (exit 4), never replaced by a new CA: restore the key or delete both', async () => {
    const state = path.join(dir, 'keyless');
    const made = await openProxyCa(state);
    fs.rmSync(made.keyPath);
    for (const lang of ['en', 'zh']) {
      const run = await runCli(['proxy', '--intercept', '--port', '0', '--lang', lang], { env: { WXAUTH_CONFIG_DIR: state } });
      expect(run.code, lang).toBe(4);
      expect(run.stderr).toContain(made.certPath);
      expect(run.stderr).toContain(made.keyPath);
      expect(run.stderr).toMatch(lang === 'en' ? /does not replace it[\s\S]*delete both/ : /不会替换它[\s\S]*删除/);
      expect(fs.readFileSync(made.certPath, 'utf8')).toBe(made.certPem);
      expect(fs.existsSync(made.keyPath)).toBe(false);
    }
    await expect(openProxyCa(state)).rejects.toMatchObject({ exitCode: 4 });
    expect(fs.readFileSync(made.certPath, 'utf8')).toBe(made.certPem);
    expect(fs.readdirSync(state).sort()).toEqual(['proxy-ca.pem']);
  });

  it('a certificate that does not belong to the key is refused in the user\'s language, not with an English detail', async () => {
    const state = path.join(dir, 'mismatch');
    const made = await openProxyCa(state);
    fs.writeFileSync(made.certPath, otherCa.certPem);
    const zh = await runCli(['proxy', '--intercept', '--port', '0', '--lang', 'zh'], { env: { WXAUTH_CONFIG_DIR: state } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('不是一对');
    expect(zh.stderr).not.toMatch(/does not belong|certificate/i);
    const en = await runCli(['proxy', '--intercept', '--port', '0'], { env: { WXAUTH_CONFIG_DIR: state } });
    expect(en.stderr).toContain(`The CA certificate ${made.certPath} does not belong to the key ${made.keyPath}.`);
    expect(fs.readFileSync(made.certPath, 'utf8')).toBe(otherCa.certPem);
  });
});

describe('the upstream honours the run\'s HTTP_PROXY / NO_PROXY', () => {
  let forward: http.Server;
  let forwardUrl = '';
  const seen: string[] = [];
  beforeAll(async () => {
    const emuPort = Number(new URL(emu.url).port);
    forward = http.createServer((_req, res) => res.writeHead(405).end());
    forward.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      seen.push(`CONNECT ${req.url ?? ''}`);
      // Every tunnel leads to the emulator, whatever host was asked for.
      const upstream = net.connect(emuPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => forward.listen(0, '127.0.0.1', () => r()));
    forwardUrl = `http://127.0.0.1:${(forward.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    forward.closeAllConnections();
    await new Promise<void>((r) => forward.close(() => r()));
  });

  async function reverse(noProxy: string): Promise<ProxyHandle & { calls: ObservedCall[] }> {
    const calls: ObservedCall[] = [];
    const handle = await startProxy({
      host: '127.0.0.1',
      port: 0,
      upstream: 'http://api.wechat.test',
      timeoutMs: 5000,
      showSecrets: false,
      hooks: { call: (c) => calls.push(c), hit: () => undefined },
      upstreamProxy: { httpProxy: forwardUrl, httpsProxy: '', noProxy },
    });
    return Object.assign(handle, { calls });
  }

  it('reaches the upstream through the forward proxy (CONNECT), and the answer passes unchanged', async () => {
    seen.length = 0;
    const p = await reverse('');
    try {
      const target = '/sns/auth?access_token=x&openid=y';
      const direct = await plain(emu.url, target);
      const res = await plain(p.url, target);
      expect(res.body.equals(direct.body)).toBe(true);
      expect(seen).toEqual(['CONNECT api.wechat.test:80']);
    } finally {
      await p.close();
    }
  });

  const lanAddress = Object.values(os.networkInterfaces()).flatMap((l) => l ?? []).find((i) => !i.internal && i.family === 'IPv4')?.address;

  /**
   * A reverse proxy whose upstream-proxy variables point back at itself (`self` names its own port),
   * and the one call /sns/auth makes through it: answered as if the variables were unset, not looped.
   */
  async function throughProxyPointingAtItself(host: string, self: (port: number) => { httpProxy: string; httpsProxy: string }, via: (p: { url: string }, port: number) => string, check?: (p: { reachUrl: string }, port: number) => void): Promise<void> {
    const port = await freePort();
    const calls: ObservedCall[] = [];
    const p = await startProxy({
      host,
      port,
      upstream: emu.url,
      timeoutMs: 3000,
      showSecrets: false,
      hooks: { call: (c) => calls.push(c), hit: () => undefined },
      upstreamProxy: { ...self(port), noProxy: '' },
    });
    try {
      check?.(p, port);
      const target = '/sns/auth?access_token=x&openid=y';
      const res = await plain(via(p, port), target);
      expect(res.body.equals((await plain(emu.url, target)).body)).toBe(true);
      await until(() => calls.length === 1, 'one call, not a loop');
      expect(calls[0]!.outcome).toBe('answered');
    } finally {
      await p.close();
    }
  }

  it.skipIf(!lanAddress)('with --host 0.0.0.0, also ignores the LAN address it prints for itself', async () => {
    await throughProxyPointingAtItself(
      '0.0.0.0',
      (port) => ({ httpProxy: `http://${lanAddress}:${port}`, httpsProxy: `http://${lanAddress}:${port}` }),
      (_p, port) => `http://127.0.0.1:${port}`,
      (p, port) => expect(p.reachUrl).toBe(`http://${lanAddress}:${port}`),
    );
  });

  it('ignores a proxy variable that points at the proxy itself (the export line it prints), instead of looping', async () => {
    await throughProxyPointingAtItself(
      '127.0.0.1',
      (port) => ({ httpProxy: `http://localhost:${port}`, httpsProxy: `http://127.0.0.1:${port}` }),
      (p) => p.url,
    );
  });

  it('goes direct for a NO_PROXY host (here: a name that does not resolve, so a 502)', async () => {
    seen.length = 0;
    const p = await reverse('localhost,.wechat.test');
    try {
      const res = await plain(p.url, '/sns/auth');
      expect(res.status).toBe(502);
      expect(res.body.toString()).toMatch(/^wxauth proxy: cannot reach http:\/\/api\.wechat\.test \((ENOTFOUND|EAI_AGAIN)\)\n/);
      expect(seen).toEqual([]);
    } finally {
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

/** `wxauth proxy --intercept --upstream <emulator>` run in-process until its start lines are out; abort `controller` to stop it. */
async function interceptCommand(state: string) {
  const { runCli: run } = await import('../../src/app.js');
  const stdout = new Sink();
  const stderr = new Sink();
  const controller = new AbortController();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const done = run(['proxy', '--intercept', '--port', String(port), '--upstream', emu.url], { stdout, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env: baseEnv({ WXAUTH_CONFIG_DIR: state }), signal: controller.signal }, '0.0.0-test');
  try {
    await until(() => stderr.text.includes('Ctrl-C'), 'the start lines');
  } catch (error) {
    controller.abort();
    throw error;
  }
  return { stdout, stderr, controller, url, done };
}

describe('wxauth proxy --intercept (the command) with real clients in their own processes', () => {
  it('prints the CA and how to trust it; curl and a node with NODE_EXTRA_CA_CERTS + HTTPS_PROXY reach the emulator; the key is never shown', async () => {
    const state = path.join(dir, 'cli');
    const { stdout, stderr, controller, url, done } = await interceptCommand(state);
    try {
      const cert = path.join(state, 'proxy-ca.pem');
      for (const s of [cert, `HTTPS_PROXY=${url}`, `NODE_EXTRA_CA_CERTS=${cert}`, 'keytool -importcert', 'curl.cainfo=', 'openssl.cafile=', 'REQUESTS_CA_BUNDLE=', 'SSL_CERT_FILE=']) expect(stderr.text).toContain(s);

      const target = '/sns/auth?access_token=from-a-process&openid=o1';
      const direct = (await plain(emu.url, target)).body.toString();
      // curl: --proxy and --cacert, as a PHP or shell client would be set up.
      const hasCurl = spawnSync('curl', ['--version']).status === 0;
      if (hasCurl) {
        const curl = await new Promise<string>((resolve, reject) =>
          execFile('curl', ['-sS', '--proxy', url, '--cacert', cert, `https://api.weixin.qq.com${target}`], (e, out, err) => (e ? reject(new Error(`${e.message} ${err}`)) : resolve(out))),
        );
        expect(curl).toBe(direct);
      }
      // A node process configured only through its environment, as a user's server would be.
      const script = `import { EnvHttpProxyAgent, setGlobalDispatcher } from 'undici';
setGlobalDispatcher(new EnvHttpProxyAgent());
const res = await fetch('https://api.weixin.qq.com${target}');
process.stdout.write(await res.text());`;
      const child = await runProgram(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: baseEnv({ HTTPS_PROXY: url, NODE_EXTRA_CA_CERTS: cert }) });
      expect(child.err).toBe('');
      expect(child.out).toBe(direct);
      // The same node without the CA: refused, never answered.
      const untrusting = await runProgram(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: baseEnv({ HTTPS_PROXY: url }) });
      expect(untrusting.out).toBe('');
      expect(untrusting.err).toMatch(/certificate|UNABLE_TO_VERIFY/i);
      await until(() => stderr.text.split('GET /sns/auth').length - 1 >= (hasCurl ? 2 : 1), 'the live lines');
      expect(stderr.text).toContain('does not trust');
    } finally {
      controller.abort();
      expect(await done).toBe(0);
    }
    const key = fs.readFileSync(path.join(state, 'proxy-ca-key.pem'), 'utf8');
    const keyBody = key.split('\n')[1]!;
    expect(stdout.text + stderr.text).not.toContain(keyBody);
    expect(stdout.text).toMatch(/\/sns\/auth/);

    const printed = await runCli(['proxy', '--print-ca'], { env: { WXAUTH_CONFIG_DIR: state } });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(fs.readFileSync(path.join(state, 'proxy-ca.pem'), 'utf8'));
    expect(printed.stdout + printed.stderr).not.toContain(keyBody);
    // Four processes of its own (curl, two node clients, --print-ca) and a CA key made on the spot: past
    // the default 20 s once on a machine busy with other jobs, where it takes ~2 s alone.
  }, 60_000);
});

describe("wxauth's own errors through --intercept: WeChat's host is named as WeChat", () => {
  // Three spawned runs through the proxy: 60 s, as this file's other spawning tests, for a loaded machine.
  it('an errcode from https://api.weixin.qq.com (the emulator behind the intercepting proxy) says "WeChat answered", with no origin', { timeout: 60_000 }, async () => {
    const state = path.join(dir, 'cli-own');
    const { controller, url, done } = await interceptCommand(state);
    try {
      const cert = path.join(state, 'proxy-ca.pem');
      const config = path.join(dir, 'cli-own-config');
      const env = { HTTPS_PROXY: url, NODE_EXTRA_CA_CERTS: cert, WXAUTH_CONFIG_DIR: config, WXAUTH_TYPE: 'service', WXAUTH_APPID: SERVICE, WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de00000001' };
      const r = await runSpawned(['exchange', '0bogus'], { env });
      expect(r.stderr.split('\n')[0]).toBe('✖ WeChat answered errcode 40029: invalid code (/sns/oauth2/access_token)');
      expect(r.code).toBe(3);
      const json = await runSpawned(['exchange', '0bogus', '--json'], { env });
      expect(JSON.parse(json.stdout).error).not.toHaveProperty('origin');
      // In Chinese, with the meaning first.
      const zh = await runSpawned(['--lang', 'zh', 'exchange', '0bogus'], { env });
      expect(zh.stderr.split('\n')[0]).toBe('✖ 微信返回错误 40029：不合法的 oauth_code（invalid code，/sns/oauth2/access_token）');
    } finally {
      controller.abort();
      expect(await done).toBe(0);
    }
  });
});

/** A program's exit code (1 when it was killed or could not start), stdout and stderr. */
function runProgram(file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, timeout: 60_000 }, (e, out, err) => resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err }));
  });
}

const hasJava = spawnSync('java', ['-version']).status === 0 && spawnSync('keytool', ['-help']).status === 0;
const hasPython = spawnSync('python3', ['-c', 'import ssl, urllib.request']).status === 0;
const systemBundle = '/etc/ssl/certs/ca-certificates.crt';

// The trust lines `proxy --intercept` prints for other languages, run as printed: a JVM (HttpURLConnection,
// what -Dhttps.proxyHost reaches) and python3's urllib. Machines without them skip their half.
describe.skipIf(!hasJava && !hasPython)('wxauth proxy --intercept: the Java and Python lines it prints, run as printed', () => {
  it('a JVM started with the printed trust store and flags, and python3 with the printed bundle, get the emulator\'s bytes; python3 without the bundle, a certificate error', { timeout: 120_000 }, async () => {
    const state = path.join(dir, 'cli-langs');
    const work = fs.mkdtempSync(path.join(dir, 'langs-'));
    const { stderr, controller, url, done } = await interceptCommand(state);
    try {
      const target = '/sns/auth?access_token=from-another-language&openid=o1';
      const direct = (await plain(emu.url, target)).body.toString();
      const wechat = `https://api.weixin.qq.com${target}`;

      if (hasJava) {
        const line = /^ {2}Java {4}(.+), then start with (.+?) \(WxJava/m.exec(stderr.text);
        expect(line, stderr.text).not.toBeNull();
        const [, setup, flags] = line!;
        const javaHome = /java\.home = (.+)/.exec(spawnSync('java', ['-XshowSettings:properties', '-version'], { encoding: 'utf8' }).stderr)![1]!.trim();
        const made = await runProgram('sh', ['-c', setup!], { cwd: work, env: { ...process.env, JAVA_HOME: javaHome } });
        expect(made.code, made.err).toBe(0);
        fs.writeFileSync(
          path.join(work, 'Get.java'),
          'public class Get { public static void main(String[] a) throws Exception { System.out.print(new String(new java.net.URL(a[0]).openConnection().getInputStream().readAllBytes(), "UTF-8")); } }\n',
        );
        const java = await runProgram('java', [...flags!.split(' '), 'Get.java', wechat], { cwd: work });
        expect(java.err).toBe('');
        expect(java.out).toBe(direct);
      }

      if (hasPython && fs.existsSync(systemBundle)) {
        const bundleLine = /e\.g\. (cat \S+ \S+ > \S+)$/m.exec(stderr.text);
        expect(bundleLine, stderr.text).not.toBeNull();
        expect((await runProgram('sh', ['-c', bundleLine![1]!])).code).toBe(0);
        const bundle = /^ {2}Python {2}REQUESTS_CA_BUNDLE=\S+ \(requests\), SSL_CERT_FILE=(\S+) \(httpx, urllib\)$/m.exec(stderr.text)![1]!;
        const script = 'import sys, urllib.request\nsys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())';
        const env = { ...baseEnv({ HTTPS_PROXY: url }), SSL_CERT_FILE: bundle };
        const python = await runProgram('python3', ['-c', script, wechat], { env });
        expect(python.err).toBe('');
        expect(python.out).toBe(direct);
        const untrusting = await runProgram('python3', ['-c', script, wechat], { env: baseEnv({ HTTPS_PROXY: url }) });
        expect(untrusting.out).toBe('');
        expect(untrusting.err).toContain('CERTIFICATE_VERIFY_FAILED');
      }
      await until(() => stderr.text.split('GET /sns/auth').length - 1 >= Number(hasJava) + Number(hasPython), 'the live lines');
    } finally {
      controller.abort();
      expect(await done).toBe(0);
    }
  });
});

describe('wxauth probe through --intercept', () => {
  it('probes an app that keeps https://api.weixin.qq.com and https://open.weixin.qq.com, re-aimed only by HTTPS_PROXY and the CA', async () => {
    const p = await interceptProxy();
    // The example app with WeChat's real hosts; Node 20's fetch needs EnvHttpProxyAgent to read
    // HTTPS_PROXY (newer Node: NODE_USE_ENV_PROXY=1), so a preload installs it, as a user's app would.
    const preload = path.join(dir, 'env-proxy.mjs');
    fs.writeFileSync(preload, `import { EnvHttpProxyAgent, setGlobalDispatcher } from ${JSON.stringify(path.join(ROOT, 'node_modules', 'undici', 'index.js'))};\nsetGlobalDispatcher(new EnvHttpProxyAgent());\n`);
    const port = await freePort();
    const appEnv = baseEnv({
      HTTPS_PROXY: p.url,
      NODE_EXTRA_CA_CERTS: ca.certPath,
      WECHAT_API_BASE: 'https://api.weixin.qq.com',
      WECHAT_OPEN_BASE: 'https://open.weixin.qq.com',
      PORT: String(port),
    });
    const app = spawn(process.execPath, ['--import', preload, path.join(ROOT, 'examples', 'wechat-login-app', 'server.mjs')], { env: appEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let seen = '';
        app.stdout!.on('data', (d: Buffer) => {
          seen += d.toString();
          if (seen.includes(`127.0.0.1:${port}`)) resolve();
        });
        app.on('exit', (code) => reject(new Error(`the app exited ${code}: ${seen}`)));
      });
      // WeChat 100 ms slow in wechat.slow: the default 6 s would outlast this proxy's 5 s timeout and test that instead.
      const probe = await runCli(['probe', `http://127.0.0.1:${port}/auth/wechat?next=/me`, '--emulator', emu.url, '--exchange-delay', '100']);
      expect(probe.code, probe.stdout + probe.stderr).toBe(0);
      expect(probe.stdout + probe.stderr).toMatch(/✔ login\.completes/);
      // Every exchange the app made went through the proxy to the emulator.
      expect(p.calls.filter((c) => c.endpoint === '/sns/oauth2/access_token').length).toBeGreaterThan(3);
      expect(p.refused).toEqual([]);
    } finally {
      app.kill();
      await p.close();
    }
  });
});

// Certificates and servers made in the test, for `wxauth doctor`: a test CA (trusted only where a test
// says so), leaf certificates that are valid, expired, for another name, self-signed or about to
// expire, and local http/https servers that serve a verify file and a callback that answers what the
// test wants; and a forward proxy that tunnels every CONNECT where it is asked to. Keys come from
// node:crypto, certificates from node-forge.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';

const DAY = 86_400_000;

interface KeyPair {
  keyPem: string;
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
}

function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { keyPem: privateKey, privateKey: forge.pki.privateKeyFromPem(privateKey), publicKey: forge.pki.publicKeyFromPem(publicKey) };
}

export interface Issued {
  certPem: string;
  keyPem: string;
}

export interface TestCa extends Issued {
  cert: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
  name: string;
}

function serial(): string {
  // Positive and minimal, as src/store/ca.ts makes them: a first byte of 01. ('0' + hex, as before, made
  // a 00 byte whenever the random bytes began with 00 and something under 80: a DER integer padded
  // needlessly, which Node 22 and 24's OpenSSL 3.5 refuses, "illegal padding": ~1 certificate in 300-500.)
  return '01' + randomBytes(15).toString('hex');
}

export function makeCa(name = 'wxauth doctor test CA'): TestCa {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - DAY);
  cert.validity.notAfter = new Date(Date.now() + 3650 * DAY);
  const attrs = [
    { name: 'commonName', value: name },
    { name: 'organizationName', value: 'wxauth tests' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem, privateKey: keys.privateKey, name };
}

export interface LeafOptions {
  names: string[];
  /** Validity, relative to now. */
  fromDays?: number;
  toDays: number;
  /** Signed by this CA; undefined: self-signed. */
  ca?: TestCa;
}

export function issue(o: LeafOptions): Issued {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() + (o.fromDays ?? -30) * DAY);
  cert.validity.notAfter = new Date(Date.now() + o.toDays * DAY);
  const subject = [{ name: 'commonName', value: o.names[0] ?? 'localhost' }];
  cert.setSubject(subject);
  cert.setIssuer(o.ca ? o.ca.cert.subject.attributes : subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: o.names.map((n) => (/^\d+\.\d+\.\d+\.\d+$/.test(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
  ]);
  cert.sign(o.ca ? o.ca.privateKey : keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}

/** What a test site answers: path → status and body (anything else: 404). */
export type Routes = Record<string, { status: number; body?: string; headers?: Record<string, string> }>;

export interface Site {
  port: number;
  /** Paths requested, in order, with their Host header. */
  hits: Array<{ path: string; host: string }>;
  routes: Routes;
  close(): Promise<void>;
}

function handler(site: Pick<Site, 'hits' | 'routes'>): http.RequestListener {
  return (req, res) => {
    site.hits.push({ path: req.url ?? '', host: req.headers.host ?? '' });
    const route = site.routes[(req.url ?? '').split('?')[0] ?? ''];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
      return;
    }
    // `{query}` in a header stands for the request's own query (`?…`, or nothing): a redirect that keeps it.
    const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '';
    const headers = Object.fromEntries(Object.entries(route.headers ?? {}).map(([k, v]) => [k, v.replace('{query}', query)]));
    res.writeHead(route.status, { 'content-type': 'text/plain', ...headers }).end(route.body ?? '');
  };
}

async function listen(server: http.Server | https.Server, routes: Routes, hits: Site['hits']): Promise<Site> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A TLS client that gives up on a certificate resets; that is not the test's business.
  server.on('tlsClientError', () => undefined);
  return {
    port: (server.address() as net.AddressInfo).port,
    hits,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export async function startHttpsSite(cert: Issued, routes: Routes): Promise<Site> {
  const hits: Site['hits'] = [];
  const site = { hits, routes };
  return listen(https.createServer({ key: cert.keyPem, cert: cert.certPem }, handler(site)), routes, hits);
}

export async function startHttpSite(routes: Routes): Promise<Site> {
  const hits: Site['hits'] = [];
  const site = { hits, routes };
  return listen(http.createServer(handler(site)), routes, hits);
}

export interface ConnectProxy {
  url: string;
  /** The CONNECT targets asked for, in order (`host:port`). */
  tunnels: string[];
  close(): Promise<void>;
}

/** A forward proxy on port 0 that opens a tunnel to whatever host:port a CONNECT names (plain requests: 405). */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const at = target.lastIndexOf(':');
    const upstream = net.connect(Number(target.slice(at + 1)), target.slice(0, at).replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy()).on('close', () => client.destroy());
    client.on('error', () => upstream.destroy()).on('close', () => upstream.destroy());
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A PEM file in a temp folder (NODE_EXTRA_CA_CERTS, --verify-file paths). */
export function writeTemp(name: string, content: string): string {
  // Under the run's TMPDIR, which test/global-setup.ts removes at the end.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-doctor-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

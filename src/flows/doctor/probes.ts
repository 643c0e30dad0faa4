// doctor's network probes of the user's own deployment: DNS, a TLS handshake, a plain GET. Each one
// has its own deadline, honours --connect-to (core/doctor.ts mapConnect: a mapped host:port is dialled
// at its target, while SNI, the certificate name check and the Host header keep the original name),
// and reports what it saw as facts for core/doctor.ts; none of them throws.
//
// They connect directly, never through HTTP(S)_PROXY: they stand in for WeChat's servers and users'
// phones, which reach the callback domain from the internet, not through this machine's proxy.
import { setMaxListeners } from 'node:events';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { hostPort, mapConnect, type ConnectRule, type DnsFacts, type HttpFacts, type TlsFacts } from '../../core/doctor.js';

/** Name resolution as connections do it (getaddrinfo: /etc/hosts, then DNS). Injected by tests. */
export type Lookup = (host: string) => Promise<string[]>;

export const systemLookup: Lookup = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface ProbeOptions {
  connectTo: readonly ConnectRule[];
  timeoutMs: number;
  /** Extra CAs to trust besides Node's (tests trust their own CA this way; the CLI passes none). */
  ca?: string | string[];
  /** Told every host:port a probe aims at, before --connect-to maps it (so doctor can say which rules matched nothing). */
  aimed?: (host: string, port: number) => void;
  /** Ctrl-C: each probe ends at once (its facts say `cancelled`; runDoctor then throws CancelledError). */
  signal?: AbortSignal;
}

/** Calls `end` when the run is cancelled; returns what undoes the subscription. */
function onCancel(signal: AbortSignal | undefined, end: () => void): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    queueMicrotask(end);
    return () => {};
  }
  // One listener per probe in flight, and a profile with many JS-safe domains runs a dozen at once: not
  // a leak (each is removed when its probe ends), so Node's warning at 11 would only mislead.
  setMaxListeners(0, signal);
  signal.addEventListener('abort', end, { once: true });
  return () => signal.removeEventListener('abort', end);
}

function errorCode(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code === 'string') return e.code;
  return typeof e?.message === 'string' ? e.message : String(error);
}

const bare = (host: string) => host.replace(/^\[|\]$/g, '');

/** DNS for `host` as a connection to host:port would need it: none for an IP or a --connect-to mapping. */
export async function probeDns(host: string, port: number, lookup: Lookup, options: ProbeOptions): Promise<DnsFacts> {
  const h = bare(host);
  options.aimed?.(h, port);
  const target = mapConnect(options.connectTo, h, port);
  if (target.rule) return { kind: 'mapped', host: h, port, target: hostPort(target.host, target.port) };
  if (net.isIP(h)) return { kind: 'ip', host: h };
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe = () => {};
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), options.timeoutMs);
    unsubscribe = onCancel(options.signal, () => reject(Object.assign(new Error('cancelled'), { code: 'cancelled' })));
  });
  try {
    const addresses = await Promise.race([lookup(h), deadline]);
    return addresses.length > 0 ? { kind: 'resolved', host: h, addresses } : { kind: 'failed', host: h, code: 'ENODATA' };
  } catch (error) {
    return { kind: 'failed', host: h, code: errorCode(error) };
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
}

type PeerCert = tls.DetailedPeerCertificate;

function describeName(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return '';
  const pick = (k: string) => {
    const v = name[k];
    return Array.isArray(v) ? v.join(' ') : v;
  };
  return [pick('CN'), pick('O')].filter((v): v is string => Boolean(v)).filter((v, i, all) => all.indexOf(v) === i).join(', ');
}

function certNames(cert: PeerCert): string[] {
  const san = cert.subjectaltname ?? '';
  return san
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter((entry) => entry !== '');
}

/**
 * A TLS handshake with host:port, accepting whatever certificate comes (to describe it), then judging
 * it as a browser would: Node's chain verification (its CAs plus NODE_EXTRA_CA_CERTS, plus `ca`) and
 * the name check against the original host, not the --connect-to target.
 */
export function probeTls(host: string, port: number, options: ProbeOptions): Promise<TlsFacts> {
  const h = bare(host);
  options.aimed?.(h, port);
  const target = mapConnect(options.connectTo, h, port);
  // Cancelled already (a fallback probe started after Ctrl-C): nothing is dialled.
  if (options.signal?.aborted) return Promise.resolve({ handshake: false, host: h, port, error: 'cancelled' });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (facts: TlsFacts) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      socket.destroy();
      resolve(facts);
    };
    const socket = tls.connect({
      host: target.host,
      port: target.port,
      ...(net.isIP(h) ? {} : { servername: h }),
      ...(options.ca ? { ca: withSystemRoots(options.ca) } : {}),
      rejectUnauthorized: false,
      checkServerIdentity: (_name, cert) => tls.checkServerIdentity(h, cert),
    });
    const timer = setTimeout(() => finish({ handshake: false, host: h, port, error: `ETIMEDOUT (${options.timeoutMs} ms)` }), options.timeoutMs);
    const unsubscribe = onCancel(options.signal, () => finish({ handshake: false, host: h, port, error: 'cancelled' }));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      if (!cert || Object.keys(cert).length === 0) {
        finish({ handshake: false, host: h, port, error: 'no certificate' });
        return;
      }
      const error = socket.authorized ? undefined : String(socket.authorizationError ?? 'UNTRUSTED');
      // Issued by itself: the same name as subject and issuer (the chain Node saw may be the leaf alone).
      const selfSigned = JSON.stringify(cert.subject) === JSON.stringify(cert.issuer);
      finish({
        handshake: true,
        host: h,
        port,
        ...(error ? { error } : {}),
        subject: describeName(cert.subject as unknown as Record<string, string>),
        names: certNames(cert),
        // Node skips the name check when the chain failed (a self-signed certificate): checked here anyway.
        forName: tls.checkServerIdentity(h, cert) === undefined,
        issuer: describeName(cert.issuer as unknown as Record<string, string>),
        selfSigned,
        validFrom: Date.parse(cert.valid_from),
        validTo: Date.parse(cert.valid_to),
      });
    });
    socket.once('error', (error) => finish({ handshake: false, host: h, port, error: errorCode(error) }));
  });
}

/** `ca` replaces Node's roots in tls options; keep them, so a test CA is trusted in addition. */
export function withSystemRoots(ca: string | string[]): string[] {
  return [...tls.rootCertificates, ...(Array.isArray(ca) ? ca : [ca])];
}

/** How much of a body a probe keeps: a verify file is a few bytes, a callback page is only described. */
const MAX_PROBE_BODY = 64 * 1024;

/**
 * One GET, as a browser following WeChat's redirect would send it: no redirects followed, Host and
 * SNI the URL's, the certificate not enforced (the TLS check judges it; here only the answer counts).
 */
export function probeGet(url: string, options: ProbeOptions): Promise<HttpFacts> {
  const u = new URL(url);
  const secure = u.protocol === 'https:';
  const host = bare(u.hostname);
  const port = Number(u.port) || (secure ? 443 : 80);
  options.aimed?.(host, port);
  const target = mapConnect(options.connectTo, host, port);
  if (options.signal?.aborted) return Promise.resolve({ url, answered: false, error: 'cancelled' });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (facts: HttpFacts) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      req.destroy();
      resolve(facts);
    };
    const common: http.RequestOptions = {
      host: target.host,
      port: target.port,
      path: `${u.pathname}${u.search}`,
      method: 'GET',
      headers: { host: u.host, 'user-agent': 'wxauth-doctor', accept: '*/*' },
      agent: false,
    };
    const req = secure
      ? https.request({
          ...common,
          ...(net.isIP(host) ? {} : { servername: host }),
          ...(options.ca ? { ca: withSystemRoots(options.ca) } : {}),
          rejectUnauthorized: false,
        })
      : http.request(common);
    // Whether the request got through (TCP, and TLS for https): a timeout after that is a silent server.
    let connected = false;
    // The status, once the status line and headers have come: a timeout after that is a body never ended.
    let status: number | undefined;
    req.once('socket', (socket) => socket.once(secure ? 'secureConnect' : 'connect', () => (connected = true)));
    const timer = setTimeout(
      () => finish({ url, answered: false, error: `ETIMEDOUT (${options.timeoutMs} ms)`, ...(connected ? { silentMs: options.timeoutMs } : {}), ...(status !== undefined ? { status } : {}) }),
      options.timeoutMs,
    );
    const unsubscribe = onCancel(options.signal, () => finish({ url, answered: false, error: 'cancelled' }));
    req.once('response', (res) => {
      status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
      const done = () => finish({ url, answered: true, status: res.statusCode ?? 0, ...(location ? { location } : {}), body: Buffer.concat(chunks).toString('utf8') });
      // A redirect is followed on its headers: a browser never waits for its body, so neither does doctor
      // (a 302 whose body never ends is still the redirect it says it is).
      if (location !== undefined && status >= 300 && status < 400) {
        res.resume();
        return done();
      }
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_PROBE_BODY) return;
        size += chunk.length;
        chunks.push(chunk);
        if (size >= MAX_PROBE_BODY) done();
      });
      res.once('end', done);
      res.once('error', done);
    });
    req.once('error', (error) => finish({ url, answered: false, error: errorCode(error) }));
    req.end();
  });
}

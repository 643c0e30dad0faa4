// `wxauth proxy`: the node:http adapter. It forwards each call to the upstream exactly as it came
// (method, path, query, headers, body; only Host names the upstream, as it must for TLS and virtual
// hosting) and streams the answer back exactly as it came (status, reason, raw headers in their order
// and case, bytes). It adds nothing: no Date, no Connection, no Via. What it saw goes to the pure
// observer in core/ (explained line, detectors) and to the hooks; the bytes never wait for that.
//
// When the upstream fails, the caller sees what it would have seen without the proxy, as near as an
// HTTP hop allows: a reset upstream resets the caller's connection; an upstream that cannot be reached
// (refused, DNS, TLS) is a 502 with a one-line text body; one that stays silent for --timeout is a
// 504 (or a reset when the answer had begun). Never a made-up WeChat body: a client must not mistake
// the proxy's trouble for WeChat's errcode.
//
// With --intercept it is also a forward proxy (HTTPS_PROXY / HTTP_PROXY of the user's servers): a
// CONNECT to one of WeChat's hosts on 443 is answered with a TLS handshake under a certificate from the
// local CA, and the requests inside go through the same path as above; a CONNECT to any other host is
// a raw TCP pipe, never decrypted. A client that does not trust the CA fails its handshake: it never
// gets plaintext, and the proxy never falls back to tunnelling a WeChat host. Plain-HTTP requests in
// absolute form (`GET http://api.weixin.qq.com/…`) are forwarded too, observed when the host is WeChat's.
// Without --intercept, such a request (a client with the proxy as its HTTP_PROXY) is a WeChat call when
// it names one of WeChat's API hosts, and goes to the upstream as any call does; any other is refused.
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import zlib from 'node:zlib';
import { isWechatApiBase } from '../../core/endpoints.js';
import type { Bilingual } from '../../core/errcodes.js';
import { acceptedHostNames, hostHeaderAllowed, isWildcardHost, unmappedIpv4 } from '../../core/host-names.js';
import type { CallerProcess, ProxyExchange, ProxyOutcome } from '../../core/proxy-call.js';
import { isCodeExchange, ProxyObserver, type DetectorHit, type ObservedCall } from '../../core/proxy-detect.js';
import { buildHarEntry, type HarEntry } from '../../core/proxy-har.js';
import { API_HOST_NAMES, interceptsConnect, isInterceptedHost, namesWechatApi, parseConnectTarget, isThisMachine, reachesEmulatorControl, reachesRootPage, sentByAnotherSite, PROXY_HEADER, PROXY_QUESTION, PROXY_UPSTREAM_HEADER, type HostPort, type ProxySettings } from '../../core/proxy-route.js';
import { ProxyStats, type ProxySummary } from '../../core/proxy-stats.js';
import type { HostContexts } from './certs.js';
import { upstreamAgents } from './upstream-agent.js';
import { loopbackPeers, type PeerProcSource } from './peer-process.js';

export interface ProxyHooks {
  /** A call is complete (answered or failed); secrets already masked unless --show-secrets. */
  call(call: ObservedCall): void;
  /** A detector fired on that call. */
  hit(hit: DetectorHit, call: ObservedCall): void;
  /** --intercept: a connection or request passed on without being read (another host than WeChat's). */
  passed?(info: PassedThrough): void;
  /** A request or tunnel the proxy refused with a 403 before anything was forwarded (see Blocked). */
  blocked?(info: Blocked): void;
  /** --intercept: a client's TLS handshake for a WeChat host failed (it does not trust the CA, or gave up). */
  refused?(info: RefusedHandshake): void;
}

export interface Blocked {
  /**
   * host: the Host header is not an address of the proxy (the DNS-rebinding guard); control: a path
   * under /__emulator/, or `/` (the emulator's page) on an upstream that is not one of WeChat's hosts; network: a caller not on this machine asked for another host than WeChat's;
   * page: a web page on another site sent it (a browser's Sec-Fetch-Site or Origin says so); tls: a
   * client spoke TLS to this plain-HTTP port (given https://); connect: a client asked for a tunnel
   * (CONNECT, it has the proxy as its HTTPS_PROXY) while --intercept is off (answered 405); forward: an
   * absolute-form request (HTTP_PROXY) for another host than WeChat's API hosts while --intercept is off.
   */
  reason: 'host' | 'control' | 'network' | 'page' | 'tls' | 'connect' | 'forward';
  caller: string;
  /**
   * The Host header (host), the path (control), the host asked for (network), the page's origin (page),
   * the http:// address to use instead (tls), the CONNECT target, `host:port` (connect), or the origin
   * asked for (forward); at most 100 characters.
   */
  target: string;
  /** connect: the proxy's http:// address as that caller dialled it, the API base to give its SDK instead. */
  base?: string;
}

export interface RefusedHandshake {
  host: string;
  caller: string;
  /** The TLS alert or error, e.g. ERR_SSL_TLSV1_ALERT_UNKNOWN_CA; or 'closed' (see closed). */
  detail: string;
  /**
   * No alert, just a close before any request: Node clients that reject the certificate drop the
   * connection without telling the server why (curl and Java send an alert: `detail` names it).
   */
  closed: boolean;
  /**
   * What the failure points at: `ca` the client does not trust wxauth's CA (its alert, or a silent close);
   * `plain_http` it sent unencrypted HTTP into the tunnel (ERR_SSL_HTTP_REQUEST); `old_tls` it offered only
   * TLS 1.0/1.1 (old Java/PHP); `other` anything else (the detail says what).
   */
  cause: HandshakeCause;
}

export type HandshakeCause = 'ca' | 'plain_http' | 'old_tls' | 'other';

/** The cause behind a failed handshake's OpenSSL code, as the server side sees it. */
export function handshakeCause(detail: string, closed: boolean): HandshakeCause {
  if (closed) return 'ca';
  if (detail === 'ERR_SSL_HTTP_REQUEST' || detail === 'ERR_SSL_HTTPS_PROXY_REQUEST') return 'plain_http';
  if (/UNSUPPORTED_PROTOCOL|VERSION_TOO_LOW|NO_PROTOCOLS_AVAILABLE|PROTOCOL_VERSION/.test(detail)) return 'old_tls';
  if (/UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|ACCESS_DENIED|DECRYPT_ERROR/.test(detail)) return 'ca';
  return 'other';
}

export interface PassedThrough {
  kind: 'tunnel' | 'http';
  /** `host:port` of a tunnel, or the absolute URL's origin. */
  target: string;
  caller: string;
  /** The tunnel could not be opened (the caller got a 502). */
  failure?: string;
}

export interface InterceptOptions {
  /** The certificate each intercepted host's handshake is answered with. */
  contexts: HostContexts;
  /** Where decrypted calls go: --upstream (the emulator), or undefined for the host the client asked for. */
  upstream?: string;
}

export interface ProxyOptions {
  host: string;
  /** Further Host names callers may use (--allow-host): host.docker.internal, a LAN DNS name. */
  allowHosts?: string[];
  /** 0 = any free port. */
  port: number;
  /** `https://api.weixin.qq.com`, a regional host, or the emulator; may carry a path prefix. */
  upstream: string;
  /** Silence from the upstream longer than this ends the call (the global --timeout). */
  timeoutMs: number;
  showSecrets: boolean;
  /** How long a caller may take to send its whole request (tests shorten it); 5 minutes by default. */
  requestTimeoutMs?: number;
  /** How long a caller may take to send its request headers (tests shorten it); by default --timeout + 1 s, at least 11 s. */
  headersTimeoutMs?: number;
  /** The saved AppSecrets: masked by value from the first call (traffic teaches the rest as it passes). */
  knownSecrets?: string[];
  quotas?: Record<string, number>;
  /**
   * Where each call's HAR entry goes as it completes (--har streams them to a file: a proxy left
   * running for days never holds its calls in memory). Undefined: no entry is built.
   */
  har?: (entry: HarEntry) => void;
  hooks: ProxyHooks;
  now?: () => number;
  /** Bytes of each body kept for reading and the HAR; the rest streams through unread. */
  captureBytes?: number;
  /** HTTP(S)_PROXY / NO_PROXY of the run: the upstream is reached through them, as wxauth's client does. */
  upstreamProxy?: ProxySettings;
  /** Also a forward proxy that decrypts WeChat's hosts (`wxauth proxy --intercept`). */
  intercept?: InterceptOptions;
  /** Tests only: where a tunnelled CONNECT target is really dialled (a local server for `example.test:443`). */
  /**
   * Tests only: whether a caller's address is on this machine (default: loopback or one of the
   * machine's own addresses). Callers that are not may reach only WeChat's hosts through the forward proxy.
   */
  localCaller?: (ip: string) => boolean;
  /** How long a new connection's first report waits for its caller's process (PEER_LOOKUP_MS; tests on a loaded machine wait longer). */
  peerLookupMs?: number;
  /** Tests only: where the caller's process is looked up (a stand-in for /proc, its cap on processes looked through). */
  peerProcesses?: PeerProcSource;
  connectTo?: (target: HostPort) => HostPort;
}

export interface ProxyHandle {
  /** `http://host:port`: where callers send what they would send to the upstream. */
  url: string;
  /** The URL to give callers: `url`, or with a wildcard bind a real address of this machine (the first LAN one). */
  reachUrl: string;
  summary(): ProxySummary;
  /** Calls still waiting for the upstream (or streaming its answer). */
  inFlight(): number;
  /**
   * Intercepted tunnels whose decrypted bytes have begun a request not yet whole (its headers still
   * coming): close() gives them the grace calls in flight get. Lets a test wait for that state, not a timer.
   */
  requestsBegun(): number;
  /**
   * Report now, synchronously, the calls that ended and wait for their caller's process to be named
   * (a second Ctrl-C quits before that lookup ends): their callers then go by address alone.
   */
  reportQueued(): void;
  /** Stop accepting, wait for calls in flight (briefly), and free the upstream connections. */
  close(): Promise<void>;
}

/** WeChat's bodies are a few hundred bytes; a megabyte upload is kept only in part. */
const DEFAULT_CAPTURE_BYTES = 64 * 1024;

class Capture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  size = 0;
  constructor(private readonly limit: number) {}
  add(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.kept >= this.limit) return;
    const part = chunk.length + this.kept > this.limit ? chunk.subarray(0, this.limit - this.kept) : chunk;
    this.chunks.push(part);
    this.kept += part.length;
  }
  get truncated(): boolean {
    return this.size > this.kept;
  }
  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function pairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

function has(raw: string[], name: string): boolean {
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) return true;
  return false;
}

/**
 * The answer's text for reading: decompressed when the upstream compressed it and all of it was kept.
 * Decompressed to at most `limit` bytes, as much as the proxy keeps of a plain body: a few hundred
 * bytes of brotli can expand to gigabytes (a "bomb"), which would block every caller and fill the heap.
 * Larger is `tooLarge`: shown as not decoded. What the caller gets is the upstream's bytes, untouched.
 */
function readable(capture: Capture, encoding: string | undefined, limit: number): { text: string; tooLarge?: true } {
  const bytes = capture.buffer();
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === '' || enc === 'identity' || capture.truncated) return { text: bytes.toString('utf8') };
  const bounded = { maxOutputLength: limit };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return { text: zlib.gunzipSync(bytes, bounded).toString('utf8') };
    if (enc === 'deflate') return { text: zlib.inflateSync(bytes, bounded).toString('utf8') };
    if (enc === 'br') return { text: zlib.brotliDecompressSync(bytes, bounded).toString('utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { text: '', tooLarge: true };
    // Not what it said it was: show nothing rather than bytes that look like text.
  }
  return { text: '' };
}

function address(socket: Socket): string {
  const ip = socket.remoteAddress ?? '?';
  return `${ip.includes(':') ? `[${ip}]` : ip}:${socket.remotePort ?? '?'}`;
}

/** The proxy's own address as this caller dialled it, as http://. */
function dialled(socket: Socket): string {
  const local = unmappedIpv4(socket.localAddress ?? '127.0.0.1');
  return `http://${local.includes(':') ? `[${local}]` : local}:${socket.localPort ?? ''}`;
}

/** How long a call's report may wait for its caller's process to be found (flows/proxy/peer-process.ts). */
const PEER_LOOKUP_MS = 500;
/** How long close() lets calls in flight finish before it cuts what is left. */
export const STOP_GRACE_MS = 1_000;

/** Reset, not close: a caller whose upstream reset must see a reset (ECONNRESET), as it would directly. */
function resetCaller(socket: Socket): void {
  if (socket.destroyed) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * Why a caller from the network may not open a tunnel or send an absolute-form request to `target`:
 * the proxy would be a bridge into this machine's loopback (the emulator, databases) and its network.
 */
function bridgeRefusal(caller: string, target: string): Bilingual {
  return {
    en: `refused: ${caller} is not on this machine, and callers from the network reach only WeChat's hosts through this proxy; add ${target} to NO_PROXY on that machine so it is called directly`,
    zh: `已拒绝：${caller} 不在这台机器上，网络上的调用方经这个代理只能访问微信的域名；在那台机器的 NO_PROXY 里加上 ${target}，让它直接访问`,
  };
}

/**
 * The body of an answer the proxy makes itself: one line in English, the same in Chinese (the caller is a
 * program, whose log a developer of either language reads).
 */
function answerBody(said: Bilingual): string {
  return `wxauth proxy: ${said.en}\nwxauth proxy：${said.zh}\n`;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection']);

/** Errors that mean the upstream was never reached: answered with a 502. Anything after connecting is a reset. */
// EPROTO: a TLS handshake that failed before any answer (an https upstream that speaks plain HTTP, or
// no common protocol version), which is a TLS failure like the CERT_* ones.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ECONNABORTED', 'EPROXY', 'EPROTO']);

/** Headers meant for the proxy itself when a client uses it as a forward proxy: never passed on. */
const PROXY_ONLY = new Set(['proxy-authorization']);

interface Upstream {
  /** As given: the HAR's URLs and the failure texts name it. */
  base: string;
  url: URL;
  secure: boolean;
  prefix: string;
}

/** Where one request goes, and whether the proxy reads it (WeChat's calls) or only passes it on. */
interface Route {
  upstream: Upstream;
  target: string;
  observe: boolean;
  /** The origin the caller named (forward-proxy use), for ProxyExchange.asked. */
  asked?: string;
}

export async function startProxy(options: ProxyOptions): Promise<ProxyHandle> {
  const upstreams = new Map<string, Upstream>();
  const upstreamOf = (base: string): Upstream => {
    let u = upstreams.get(base);
    if (!u) {
      const url = new URL(base);
      u = { base, url, secure: url.protocol === 'https:', prefix: url.pathname.replace(/\/+$/, '') };
      // Bounded: absolute-URI requests may name any host; the WeChat ones and --upstream are what stay.
      if (upstreams.size > 256) upstreams.clear();
      upstreams.set(base, u);
    }
    return u;
  };
  const main = upstreamOf(options.upstream);
  const agents = upstreamAgents(options.upstreamProxy, options.timeoutMs);
  /** Sockets of intercepted CONNECTs (decrypted) → the host the client asked for and its own address. */
  const intercepted = new WeakMap<Socket, { host: string; caller: string; requests: number }>();
  /** Addresses already told that they spoke TLS to this plain-HTTP port (a retrying client is told once). */
  const tlsCallers = new Set<string>();
  /** `address target` pairs already told that CONNECT needs --intercept (a retrying client is told once). */
  const connectCallers = new Set<string>();
  const interfaces = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  const ownAddresses = interfaces.map((info) => info.address);
  const isLocal = options.localCaller ?? ((ip: string) => isThisMachine(ip, ownAddresses));
  /** Raw CONNECT sockets (both kinds), cut on close: node's server no longer tracks them. */
  const tunnels = new Set<Socket>();
  /**
   * Intercepted tunnels on which no request has come yet (still in their TLS handshake, or past it and
   * silent): no call is in flight on them, so close() cuts them at once (as node's server closes its idle
   * connections) instead of after the second calls in flight get; but not one whose decrypted bytes have
   * begun a request (its headers not all there yet), which gets the grace as a call in flight does.
   */
  const unused = new Set<Socket>();
  /** Tunnels close() cut before any request: the proxy's doing, not a client refusing the CA. */
  const cutAtStop = new WeakSet<Socket>();

  const routeOf = (req: http.IncomingMessage): Route => {
    const raw = req.url ?? '/';
    const meta = intercepted.get(req.socket);
    if (meta) {
      meta.requests++;
      unused.delete(req.socket);
      const target = raw.startsWith('/') ? raw : new URL(raw).pathname + new URL(raw).search;
      return { upstream: upstreamOf(options.intercept?.upstream ?? `https://${meta.host}`), target, observe: true, asked: `https://${meta.host}` };
    }
    if (/^https?:\/\//i.test(raw)) {
      const url = new URL(raw);
      const target = url.pathname + url.search;
      if (options.intercept) {
        if (isInterceptedHost(url.hostname)) return { upstream: upstreamOf(options.intercept.upstream ?? url.origin), target, observe: true, asked: url.origin };
        return { upstream: upstreamOf(url.origin), target, observe: false };
      }
      // A client with the proxy as its HTTP_PROXY: its call to WeChat's API goes where every call goes
      // (anything else is refused: refusalOf).
      if (namesWechatApi(url)) return { upstream: main, target, observe: true, asked: url.origin };
    }
    return { upstream: main, target: raw, observe: true };
  };
  const callerOf = (req: http.IncomingMessage): string => intercepted.get(req.socket)?.caller ?? address(req.socket);
  /**
   * The process behind each loopback connection (Linux), looked up once per connection, without
   * holding up its calls: `process` is filled in when the lookup ends, and detectors read it when they
   * fire; `lookup` is there while it runs (a call from such a connection is reported once it ends).
   */
  interface Peer {
    process: CallerProcess;
    lookup?: Promise<void>;
  }
  const peers = new WeakMap<Socket, Peer>();
  const loopbackPeer = loopbackPeers(options.peerProcesses);
  /**
   * Starts the lookup of a plain loopback connection's process, once. Called when the connection is
   * accepted, before its request is read: a short-lived caller (`curl`) has often exited by the time its
   * answer is out, and a lookup begun at the request loses that race more often.
   */
  const lookUpPeer = (socket: Socket): Peer | undefined => {
    const known = peers.get(socket);
    if (known) return known;
    if (intercepted.has(socket) || process.platform !== 'linux') return undefined;
    if (!/^(?:127\.|::1$|::ffff:127\.)/.test(socket.remoteAddress ?? '')) return undefined;
    const found: Peer = { process: {} };
    peers.set(socket, found);
    if (socket.remotePort !== undefined && socket.localPort !== undefined) {
      // Bounded: on a crowded machine the call is reported unnamed rather than late.
      let timer: NodeJS.Timeout | undefined;
      found.lookup = Promise.race([
        loopbackPeer(socket).then((p) => {
          if (p === 'none') found.process.missed = true;
          else if (p) Object.assign(found.process, p);
        }),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, options.peerLookupMs ?? PEER_LOOKUP_MS))),
      ]).finally(() => {
        clearTimeout(timer);
        delete found.lookup;
      });
    }
    return found;
  };
  // An intercepted tunnel's requests come over the TLS socket; its caller is the tunnel's (intercept() below).
  const peerOf = (req: http.IncomingMessage): Peer | undefined => peers.get(req.socket) ?? lookUpPeer(req.socket);
  /** Host names (no port) the reverse proxy answers: its own addresses; set once it listens. */
  let ownNames = new Set<string>();

  /**
   * Why a request is refused before anything is forwarded, or undefined. A DNS-rebinding page whose
   * name resolves to 127.0.0.1 sends `Host: evil.example`: only the proxy's own addresses are answered
   * (the name, not the port: see core/host-names.ts), and WeChat's API names, which no page can rebind
   * (API_HOST_NAMES: a hosts-file entry, an nginx in front). Not checked inside a decrypted WeChat
   * tunnel, nor for absolute-form requests, which a browser page cannot make (only a browser set up to
   * use this proxy sends them, and its pages meet the page guard below as any other). Without
   * --intercept those must name one of WeChat's API hosts. The emulator's control API is never
   * forwarded: its seed holds the appsecrets.
   */
  const refusalOf = (req: http.IncomingMessage, route: Route): { reason: Blocked['reason']; target: string; text: Bilingual } | undefined => {
    const tunnelled = intercepted.has(req.socket);
    // An absolute-form request (`GET http://host/…`, outside a decrypted tunnel): the URL it names.
    const named = !tunnelled && /^https?:\/\//i.test(req.url ?? '') ? new URL(req.url!) : undefined;
    if (named && !options.intercept && !namesWechatApi(named)) {
      const target = named.origin.slice(0, 100);
      return { reason: 'forward', target, text: {
          en: `refused: without --intercept this proxy forwards only calls to WeChat's API hosts, not to ${target}; put that host in the client's NO_PROXY, or restart the proxy with --intercept`,
          zh: `已拒绝：不加 --intercept 时，这个代理只转发发往微信 API 域名的调用，不转发到 ${target}；把这个域名加进客户端的 NO_PROXY，或者加 --intercept 重启代理`,
        },
      };
    }
    if (!tunnelled && !named && !hostHeaderAllowed(req.headers.host, ownNames) && !hostHeaderAllowed(req.headers.host, API_HOST_NAMES)) {
      const target = (req.headers.host ?? '').slice(0, 100);
      return { reason: 'host', target, text: {
          en: `refused: Host ${JSON.stringify(target)} is not an address of this proxy; it answers only requests sent to the URL it printed (a guard against DNS rebinding)`,
          zh: `已拒绝：Host ${JSON.stringify(target)} 不是这个代理的地址；它只响应发往它打印的那个地址的请求（防 DNS 重绑定）`,
        },
      };
    }
    // Only absolute-form requests to other hosts than WeChat's are not observed. A WeChat name with a
    // port of its own (`http://api.weixin.qq.com:3977/`) is not WeChat's API either: where a hosts file
    // maps the name to 127.0.0.1 it would reach any local port.
    if ((!route.observe || (named && named.port !== '')) && !isLocal(req.socket.remoteAddress ?? '')) {
      const host = named?.host ?? route.upstream.url.host;
      return { reason: 'network', target: host, text: bridgeRefusal(callerOf(req), host) };
    }
    if (route.observe && reachesEmulatorControl(route.target))
      return { reason: 'control', target: route.target.split('?')[0]!.slice(0, 100), text: { en: 'refused: /__emulator/ is the emulator\'s control API; the proxy forwards only WeChat\'s API', zh: '已拒绝：/__emulator/ 是模拟器的控制接口；代理只转发微信的 API' } };
    // The emulator's page answers `/` on its own address, which the proxy's Host (the upstream's) is.
    // Not refused to WeChat's own hosts (open.weixin.qq.com's home page through --intercept).
    if (route.observe && !isInterceptedHost(route.upstream.url.hostname) && reachesRootPage(route.target))
      return { reason: 'control', target: '/', text: { en: 'refused: / is the emulator\'s own page, which steers it through its control API; the proxy forwards only WeChat\'s API, which has nothing at /', zh: '已拒绝：/ 是模拟器自己的页面，它通过控制接口操纵模拟器；代理只转发微信的 API，而微信的 API 在 / 下什么也没有' } };
    const page = sentByAnotherSite(req.method, route.target, req.headers);
    if (page !== undefined) {
      return { reason: 'page', target: page, text: {
          en: `refused: a web page on another site (${page}) sent this; the proxy forwards calls from servers only`,
          zh: `已拒绝：这是另一个网站的网页（${page}）发来的；代理只转发服务器发出的调用`,
        },
      };
    }
    return undefined;
  };

  const now = options.now ?? (() => Date.now());
  const limit = options.captureBytes ?? DEFAULT_CAPTURE_BYTES;
  // Every call goes to options.upstream (decrypted ones too, unless they go where the client meant:
  // WeChat's host, which is then options.upstream as well; commands/proxy.ts chooseUpstream).
  const otherUpstream = isWechatApiBase(options.upstream) ? undefined : new URL(options.upstream).origin;
  const observer = new ProxyObserver({ showSecrets: options.showSecrets, quotas: options.quotas, knownSecrets: options.knownSecrets, ...(otherUpstream ? { otherUpstream } : {}) });
  const stats = new ProxyStats(Math.random);
  let nextId = 1;

  function report(exchange: ProxyExchange): void {
    // The observer has masked secrets, in the path too (core/proxy-detect.ts observe).
    const { call, hits } = observer.observe(exchange);
    stats.addCall(call);
    if (options.har) options.har(buildHarEntry(exchange, call, observer.masker));
    options.hooks.call(call);
    for (const hit of hits) {
      stats.addHit(hit);
      options.hooks.hit(hit, call);
    }
  }

  const reportNow = (exchange: ProxyExchange) => {
    try {
      report(exchange);
    } catch {
      // The observer must never break the traffic it watches; a call it cannot read is just not shown.
    }
  };
  /**
   * Calls are reported in the order they ended. A connection's first call waits for its process lookup
   * (at most PEER_LOOKUP_MS), and the calls that end meanwhile wait behind it; otherwise (nearly every
   * call) the report is immediate. The traffic itself never waits.
   */
  let queue: Promise<void> | undefined;
  /**
   * Calls still waiting for the upstream (or streaming its answer), counted, and whether the proxy is
   * cutting them (Ctrl-C): a call cut then ends as `stopped`, the proxy's doing, not as the caller's
   * abort or the upstream's reset. A number and a flag, not a set of the calls: a long-lived set holding
   * each call's closure tripled the proxy's garbage collection under load (npm run bench, issue 19).
   */
  let inFlight = 0;
  let stopping = false;
  /**
   * Calls ended and queued behind a caller's process lookup, not reported yet (in the order they
   * ended): few, and each already held by the queue's promise. reportQueued() reports them at once.
   */
  const queued = new Set<ProxyExchange>();
  const reportInOrder = (exchange: ProxyExchange, lookup: Promise<void> | undefined) => {
    if (!lookup && !queue) return reportNow(exchange);
    queued.add(exchange);
    const next = Promise.all([queue, lookup]).then(() => {
      if (queued.delete(exchange)) reportNow(exchange);
    });
    queue = next;
    void next.then(() => {
      if (queue === next) queue = undefined;
    });
  };

  // A caller that never finishes sending its request (a body promised and trickled) is cut off, as
  // Node's own default does, instead of holding a connection for good; minutes still suit an upload.
  // Node enforces it only while headersTimeout is not longer.
  const requestTimeout = options.requestTimeoutMs ?? 300_000;
  const headersTimeout = Math.min(requestTimeout, options.headersTimeoutMs ?? Math.max(options.timeoutMs, 10_000) + 1_000);
  // Node looks for callers past these timeouts only every connectionsCheckingInterval (30 s by default):
  // a caller trickling its headers a byte a second held its connection for up to 41 s, not 11 s. A
  // quarter of the headers timeout, at most 1 s, keeps the overrun small; the sweep is cheap.
  const checkEvery = Math.max(100, Math.min(1_000, Math.floor(headersTimeout / 4)));
  // Connections whose answer went out before their request was all in (an upstream that answered
  // early): a timeout on the rest of that request must not write a second answer after it.
  const answeredEarly = new WeakSet<Socket>();
  const server = http.createServer({ connectionsCheckingInterval: checkEvery }, (req, res) => {
    res.once('finish', () => {
      if (!req.complete) {
        answeredEarly.add(req.socket);
        req.once('end', () => answeredEarly.delete(req.socket));
      }
    });
    let route: Route;
    try {
      route = routeOf(req);
    } catch {
      const body = answerBody({ en: 'malformed URL.', zh: 'URL 格式不对。' });
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const refusal = refusalOf(req, route);
    if (refusal) {
      const body = answerBody(refusal.text);
      req.resume();
      // Said in headers too, for programs: `wxauth probe` aimed at (or sent through) this proxy tells it
      // from an emulator by them, and follows the authorize page through it when its upstream is the
      // emulator probe uses. The upstream (origin and path, never userinfo) only to this machine's callers.
      const own: Record<string, string> = { [PROXY_HEADER]: '1' };
      if (refusal.reason === 'control' && route.upstream === main && isLocal(req.socket.remoteAddress ?? '')) own[PROXY_UPSTREAM_HEADER] = main.url.origin + main.prefix;
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...own });
      res.end(body);
      // `wxauth probe` asking what this is (probe/control.ts proxyUpstream) is no refused call to show.
      const question = refusal.reason === 'control' && req.headers[PROXY_HEADER.toLowerCase()] === PROXY_QUESTION && isLocal(req.socket.remoteAddress ?? '');
      if (!question) options.hooks.blocked?.({ reason: refusal.reason, caller: callerOf(req), target: refusal.target });
      return;
    }
    const { upstream, target, observe, asked } = route;
    // Read now: once the caller's socket is destroyed (a reset, an abort) its address is gone.
    const caller = callerOf(req);
    const peer = observe ? peerOf(req) : undefined;
    if (!observe) options.hooks.passed?.({ kind: 'http', target: upstream.url.origin, caller });
    const id = observe ? nextId++ : 0;
    const startedAt = now();
    const t0 = performance.now();
    // A code exchange is remembered from here, so a 40163 answered before it is told apart (begin()); only
    // those are built and handed over, not every call (the proxy's hot path, issue 19).
    if (observe && isCodeExchange(target)) {
      try {
        observer.begin({ id, startedAt, caller, target, requestHeaders: pairs(req.rawHeaders), ...(peer ? { callerProcess: peer.process } : {}) });
      } catch {
        // As in report(): the observer never breaks the traffic it watches.
      }
    }
    const sent = new Capture(limit);
    const received = new Capture(limit);
    let responseHeaders: string[] = [];
    let status: number | undefined;
    let statusText: string | undefined;
    let done = false;
    let timedOut = false;

    const finish = (given: ProxyOutcome, givenFailure?: string) => {
      if (done) return;
      done = true;
      inFlight--;
      // Cut at Ctrl-C (close() below): whichever end noticed first, the proxy did it.
      const cut = stopping && (given === 'aborted' || given === 'reset');
      const outcome: ProxyOutcome = cut ? 'stopped' : given;
      const failure = cut ? undefined : givenFailure;
      if (!observe) return;
      const answer = outcome === 'answered' ? readable(received, pairs(responseHeaders).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1], limit) : { text: received.buffer().toString('utf8') };
      const exchange: ProxyExchange = {
        id,
        startedAt,
        latencyMs: Math.round(performance.now() - t0),
        caller,
        ...(peer ? { callerProcess: peer.process } : {}),
        method: req.method ?? 'GET',
        target,
        upstream: upstream.base,
        ...(asked ? { asked } : {}),
        httpVersion: req.httpVersion,
        requestHeaders: pairs(req.rawHeaders),
        requestBody: sent.buffer().toString('utf8'),
        requestBodySize: sent.size,
        requestBodyTruncated: sent.truncated,
        outcome,
        responseHeaders: pairs(responseHeaders),
        responseBody: answer.text,
        responseBodySize: received.size,
        responseBodyTruncated: received.truncated,
        ...(answer.tooLarge ? { responseBodyTooLarge: true } : {}),
        ...(failure ? { failure } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(statusText !== undefined ? { statusText } : {}),
      };
      reportInOrder(exchange, peer?.lookup);
    };

    // The caller's headers as sent (order, case, repeats); only Host becomes the upstream's, and the
    // hop-by-hop Connection and Keep-Alive stay on the caller's hop (RFC 9110 §7.6.1): the connection to
    // the upstream is the proxy's pool, and a caller's `Connection: close` must not close it.
    const headers: string[] = [];
    // No Content-Length (or 0) and no Transfer-Encoding: no body (RFC 9112 §6.3), nothing to stream.
    let bodiless = true;
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!;
      const lower = name.toLowerCase();
      if (lower === 'transfer-encoding' || (lower === 'content-length' && req.rawHeaders[i + 1]!.trim() !== '0')) bodiless = false;
      if (HOP_BY_HOP.has(lower) || PROXY_ONLY.has(lower)) continue;
      headers.push(name, lower === 'host' ? upstream.url.host : req.rawHeaders[i + 1]!);
    }
    if (!has(headers, 'host')) headers.push('Host', upstream.url.host);

    const upReq = http.request({
      protocol: upstream.url.protocol,
      hostname: upstream.url.hostname.replace(/^\[|\]$/g, ''),
      port: upstream.url.port || (upstream.secure ? 443 : 80),
      method: req.method,
      path: upstream.prefix + target,
      headers,
      setHost: false,
      agent: agents.agentFor(upstream.url),
    });
    inFlight++;
    upReq.setTimeout(options.timeoutMs, () => {
      timedOut = true;
      upReq.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });

    upReq.on('response', (upRes) => {
      status = upRes.statusCode;
      statusText = upRes.statusMessage;
      responseHeaders = upRes.rawHeaders;
      // Node's server adds Date, Connection and Transfer-Encoding on its own; drop whichever the upstream did not send.
      res.sendDate = false;
      if (!has(responseHeaders, 'connection')) res.removeHeader('connection');
      if (!has(responseHeaders, 'transfer-encoding') && !has(responseHeaders, 'content-length')) res.removeHeader('transfer-encoding');
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, responseHeaders);
      if (observe) upRes.on('data', (chunk: Buffer) => received.add(chunk));
      upRes.pipe(res);
      upRes.on('error', () => undefined);
      upRes.on('close', () => {
        if (upRes.complete) return;
        // The upstream dropped the answer half-way: the caller's connection goes the same way.
        resetCaller(req.socket);
        finish(timedOut ? 'timeout' : 'reset', timedOut ? 'ETIMEDOUT' : 'ECONNRESET');
      });
    });
    res.on('finish', () => finish('answered'));

    upReq.on('error', (error: NodeJS.ErrnoException) => {
      if (done || status !== undefined) return;
      // Whatever the caller still sends is read and dropped, so its socket is not left stuck mid-upload.
      req.unpipe(upReq);
      req.resume();
      const code = timedOut ? 'ETIMEDOUT' : (error.code ?? 'EPROTO');
      if (timedOut) {
        const body = answerBody({ en: `${upstream.base} did not answer within ${options.timeoutMs} ms`, zh: `${upstream.base} 在 ${options.timeoutMs} 毫秒内没有响应` });
        res.writeHead(504, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
        finishFailed('timeout', code, 504, body);
        return;
      }
      if (UNREACHABLE.has(code) || /CERT|SSL|TLS|ERR_TLS/.test(code)) {
        const body = answerBody({ en: `cannot reach ${upstream.base} (${code})`, zh: `连不上 ${upstream.base}（${code}）` });
        res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
        finishFailed('unreachable', code, 502, body);
        return;
      }
      resetCaller(req.socket);
      finish('reset', code);
    });

    /** A failure the proxy answered itself: the HAR and the line show that answer, marked as the proxy's. */
    function finishFailed(outcome: ProxyOutcome, code: string, answerStatus: number, body: string): void {
      status = answerStatus;
      statusText = http.STATUS_CODES[answerStatus];
      responseHeaders = ['Content-Type', 'text/plain; charset=utf-8', 'Content-Length', String(Buffer.byteLength(body))];
      received.add(Buffer.from(body));
      finish(outcome, code);
    }

    if (bodiless) {
      // Most WeChat calls are GETs: end the upstream request at once instead of piping an empty stream.
      upReq.end();
      req.resume();
    } else {
      if (observe) req.on('data', (chunk: Buffer) => sent.add(chunk));
      req.pipe(upReq);
    }
    // The caller went away first: stop the upstream call too, as a direct caller's close would.
    res.on('close', () => {
      if (res.writableFinished) return;
      upReq.destroy();
      finish('aborted', 'ECONNRESET');
    });
  });
  server.on('clientError', (error: Error & { rawPacket?: Buffer }, socket) => {
    // Inside an intercepted tunnel nothing is written back: an HTTP error page is not what a client
    // mid-way through TLS should get. It is cut, as a server that cannot read it would.
    if (intercepted.has(socket as Socket)) return void socket.destroy();
    // A TLS ClientHello (record type 0x16) on this plain-HTTP port: a client given https://. Its error
    // (EPROTO, "wrong version number") names nothing, so the proxy says it, once per caller address.
    if (error.rawPacket?.[0] === 0x16) {
      const s = socket as Socket;
      const ip = s.remoteAddress ?? '?';
      if (!tlsCallers.has(ip) && tlsCallers.size < 256) {
        tlsCallers.add(ip);
        options.hooks.blocked?.({ reason: 'tls', caller: address(s), target: dialled(s) });
      }
      return void socket.destroy();
    }
    // A request not received whole in time (requestTimeout, headersTimeout) is a 408, as Node says it;
    // and, as Node's own handler does, nothing is written after an answer already begun (an upstream
    // that answered before the trickled body was in): the connection is only closed.
    const timedOut = (error as NodeJS.ErrnoException).code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const answering = answeredEarly.has(socket as Socket) || (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (socket.writable && !answering) socket.end(`HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });

  /** What the proxy itself answers on a CONNECT it cannot serve: a short text, never anything from WeChat. */
  const refuseConnect = (socket: Socket, status: string, text: Bilingual) => {
    const body = answerBody(text);
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  };

  /** A CONNECT to a WeChat host: the handshake uses the local CA's certificate, and what is inside is served as above. */
  const intercept = (socket: Socket, head: Buffer, host: string, caller: string, contexts: HostContexts) => {
    let context: tls.SecureContext;
    try {
      context = contexts(host);
    } catch (error) {
      refuseConnect(socket, '500 Internal Server Error', { en: `cannot make a certificate for ${host} (${(error as Error).message})`, zh: `无法为 ${host} 生成证书（${(error as Error).message}）` });
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    const secure = new tls.TLSSocket(socket, { isServer: true, secureContext: context, ALPNProtocols: ['http/1.1'] });
    const meta = { host, caller, requests: 0 };
    intercepted.set(secure, meta);
    const tunnelPeer = peers.get(socket);
    if (tunnelPeer) peers.set(secure, tunnelPeer);
    let ready = false;
    let reported = false;
    unused.add(secure);
    // A client that never finishes its handshake does not hold the socket forever.
    const handshake = setTimeout(() => secure.destroy(), Math.max(options.timeoutMs, 10_000));
    secure.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(handshake);
      // Fail closed: a client that refused the certificate gets nothing else, and is told nothing in clear.
      if (!ready && !reported) {
        reported = true;
        const detail = error.code ?? error.message;
        options.hooks.refused?.({ host, caller, detail, closed: false, cause: handshakeCause(detail, false) });
      }
      secure.destroy();
    });
    // Until the handshake is done the socket is the proxy's (node's server takes it after): a client
    // that hangs up mid-handshake (a Node client rejecting the certificate does) is closed here.
    secure.on('end', () => {
      if (!ready) secure.destroy();
    });
    secure.once('close', () => {
      clearTimeout(handshake);
      unused.delete(secure);
      if (meta.requests === 0 && !reported && !cutAtStop.has(secure)) {
        reported = true;
        options.hooks.refused?.({ host, caller, detail: 'closed', closed: true, cause: 'ca' });
      }
    });
    secure.once('secure', () => {
      ready = true;
      clearTimeout(handshake);
      server.emit('connection', secure);
    });
  };

  /** A CONNECT to any other host: a raw TCP pipe, never decrypted, never read. */
  const passOn = (socket: Socket, head: Buffer, target: HostPort, caller: string) => {
    const authority = target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
    const dial = options.connectTo ? options.connectTo(target) : target;
    const remote = net.connect(dial.port, dial.host);
    tunnels.add(remote);
    remote.once('close', () => tunnels.delete(remote));
    let open = false;
    remote.setTimeout(options.timeoutMs, () => {
      if (!open) remote.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    });
    remote.once('connect', () => {
      open = true;
      remote.setTimeout(0);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) remote.write(head);
      remote.pipe(socket);
      socket.pipe(remote);
      options.hooks.passed?.({ kind: 'tunnel', target: authority, caller });
    });
    remote.on('error', (error: NodeJS.ErrnoException) => {
      if (open) {
        resetCaller(socket);
        return;
      }
      const code = error.code ?? 'EPROTO';
      options.hooks.passed?.({ kind: 'tunnel', target: authority, caller, failure: code });
      refuseConnect(socket, code === 'ETIMEDOUT' ? '504 Gateway Timeout' : '502 Bad Gateway', { en: `cannot reach ${authority} (${code})`, zh: `连不上 ${authority}（${code}）` });
    });
    socket.on('error', () => remote.destroy());
    socket.on('close', () => remote.destroy());
  };

  server.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    tunnels.add(socket);
    socket.once('close', () => tunnels.delete(socket));
    socket.on('error', () => socket.destroy());
    const caller = address(socket);
    const target = parseConnectTarget(req.url ?? '');
    if (!options.intercept) {
      // A client with this proxy as its HTTPS_PROXY. It shows "CONNECT tunnel failed, response 405" at
      // best, never this body: the proxy's own screen says it, once per caller address and target.
      const base = dialled(socket);
      refuseConnect(socket, '405 Method Not Allowed', {
        en: `CONNECT needs --intercept: without it this proxy is a reverse proxy, not an HTTPS_PROXY; aim the client's API base at ${base} instead, or restart the proxy with --intercept.`,
        zh: `CONNECT 需要 --intercept：不加它时这个代理是反向代理，不能当 HTTPS_PROXY 用；把客户端的 API 地址改成 ${base}，或者加 --intercept 重启代理。`,
      });
      const said = `${socket.remoteAddress ?? '?'} ${req.url ?? ''}`;
      if (!connectCallers.has(said) && connectCallers.size < 256) {
        connectCallers.add(said);
        options.hooks.blocked?.({ reason: 'connect', caller, target: (req.url ?? '').slice(0, 100), base });
      }
      return;
    }
    if (!target) {
      refuseConnect(socket, '400 Bad Request', { en: 'CONNECT needs host:port.', zh: 'CONNECT 需要 host:port。' });
      return;
    }
    if (interceptsConnect(target)) intercept(socket, head, target.host, caller, options.intercept.contexts);
    else if (!isLocal(socket.remoteAddress ?? '')) {
      const host = target.host.includes(':') ? `[${target.host}]` : target.host;
      refuseConnect(socket, '403 Forbidden', bridgeRefusal(caller, host));
      options.hooks.blocked?.({ reason: 'network', caller, target: host });
    }
    else passOn(socket, head, target, caller);
  });
  // Plain connections only: a decrypted tunnel's TLS socket (emitted here by intercept()) shares its CONNECT's peer.
  server.on('connection', (socket: Socket) => {
    if (!intercepted.has(socket)) lookUpPeer(socket);
  });
  // The caller's keep-alive window: longer than a WeChat call, shorter than the SDKs' pools keep sockets.
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = requestTimeout;
  server.headersTimeout = headersTimeout;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  // Loopback names always (callers on this machine); the bound address, or every address of the
  // machine for a wildcard bind (callers on the network name one of them).
  agents.setSelf(bound.address, bound.port, ownAddresses);
  ownNames = acceptedHostNames(options.host, interfaces, ['127.0.0.1', 'localhost', '[::1]', host, ...(options.allowHosts ?? [])]);
  // Bound on every address: other machines need a real one (0.0.0.0 is not an address to dial).
  const lan = isWildcardHost(bound.address) ? (interfaces.find((i) => !i.internal && i.family === 'IPv4') ?? interfaces.find((i) => !i.internal && i.family === 'IPv6' && !i.address.startsWith('fe80'))) : undefined;
  const url = `http://${host}:${bound.port}`;

  return {
    url,
    reachUrl: lan ? `http://${lan.family === 'IPv6' ? `[${lan.address}]` : lan.address}:${bound.port}` : url,
    summary: () => stats.summary(),
    inFlight: () => inFlight,
    requestsBegun: () => [...unused].filter((secure) => secure.bytesRead > 0).length,
    reportQueued() {
      for (const exchange of queued) {
        queued.delete(exchange);
        reportNow(exchange);
      }
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const secure of unused) {
        cutAtStop.add(secure);
        // Decrypted bytes and no request yet: a request's headers are on their way (node's server holds a
        // plain connection in that state for the grace too, busy from its first byte).
        if (secure.bytesRead === 0) secure.destroy();
      }
      // Calls in flight get a moment to finish; then whatever is left is cut, as Ctrl-C on any server would.
      const cut = setTimeout(() => {
        stopping = true;
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
      }, STOP_GRACE_MS);
      await closed;
      clearTimeout(cut);
      // The calls cut end on their sockets' close events, a turn or two of the event loop after the
      // server's own close: wait for them (boundedly), so that each is reported before the summary.
      for (let turns = 0; inFlight > 0 && turns < 100; turns++) await new Promise((resolve) => setImmediate(resolve));
      // Calls waiting for their caller's name are reported before the summary.
      while (queue) await queue;
      agents.destroy();
    },
  };
}

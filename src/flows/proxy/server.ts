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
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import type { ProxyExchange, ProxyOutcome } from '../../core/proxy-call.js';
import { ProxyObserver, type DetectorHit, type ObservedCall } from '../../core/proxy-detect.js';
import { buildHarEntry, type HarEntry } from '../../core/proxy-har.js';
import { ProxyStats, type ProxySummary } from '../../core/proxy-stats.js';

export interface ProxyHooks {
  /** A call is complete (answered or failed); secrets already masked unless --show-secrets. */
  call(call: ObservedCall): void;
  /** A detector fired on that call. */
  hit(hit: DetectorHit, call: ObservedCall): void;
}

export interface ProxyOptions {
  host: string;
  /** 0 = any free port. */
  port: number;
  /** `https://api.weixin.qq.com`, a regional host, or the emulator; may carry a path prefix. */
  upstream: string;
  /** Silence from the upstream longer than this ends the call (the global --timeout). */
  timeoutMs: number;
  showSecrets: boolean;
  quotas?: Record<string, number>;
  /** Keep every call for a HAR file. */
  keepHar: boolean;
  hooks: ProxyHooks;
  now?: () => number;
  /** Bytes of each body kept for reading and the HAR; the rest streams through unread. */
  captureBytes?: number;
}

export interface ProxyHandle {
  /** `http://host:port`: where callers send what they would send to the upstream. */
  url: string;
  summary(): ProxySummary;
  harEntries(): HarEntry[];
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

/** The answer's text for reading: decompressed when the upstream compressed it and all of it was kept. */
function readable(capture: Capture, encoding: string | undefined): string {
  const bytes = capture.buffer();
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === '' || enc === 'identity' || capture.truncated) return bytes.toString('utf8');
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return zlib.gunzipSync(bytes).toString('utf8');
    if (enc === 'deflate') return zlib.inflateSync(bytes).toString('utf8');
    if (enc === 'br') return zlib.brotliDecompressSync(bytes).toString('utf8');
  } catch {
    // Not what it said it was: show nothing rather than bytes that look like text.
  }
  return '';
}

function address(socket: Socket): string {
  const ip = socket.remoteAddress ?? '?';
  return `${ip.includes(':') ? `[${ip}]` : ip}:${socket.remotePort ?? '?'}`;
}

/** Reset, not close: a caller whose upstream reset must see a reset (ECONNRESET), as it would directly. */
function resetCaller(socket: Socket): void {
  if (socket.destroyed) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection']);

/** Errors that mean the upstream was never reached: answered with a 502. Anything after connecting is a reset. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ECONNABORTED']);

export async function startProxy(options: ProxyOptions): Promise<ProxyHandle> {
  const upstream = new URL(options.upstream);
  const secure = upstream.protocol === 'https:';
  const transport = secure ? https : http;
  // Keep-alive to the upstream: a new TLS handshake per call would make every call slower than direct.
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const prefix = upstream.pathname.replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now());
  const limit = options.captureBytes ?? DEFAULT_CAPTURE_BYTES;
  const observer = new ProxyObserver({ showSecrets: options.showSecrets, quotas: options.quotas });
  const stats = new ProxyStats(Math.random);
  const har: HarEntry[] = [];
  let nextId = 1;

  function report(exchange: ProxyExchange): void {
    const { call, hits } = observer.observe(exchange);
    stats.addCall(call);
    if (options.keepHar) har.push(buildHarEntry(exchange, call, observer.masker));
    options.hooks.call(call);
    for (const hit of hits) {
      stats.addHit(hit);
      options.hooks.hit(hit, call);
    }
  }

  const server = http.createServer((req, res) => {
    const id = nextId++;
    const startedAt = now();
    const t0 = performance.now();
    const target = req.url ?? '/';
    const sent = new Capture(limit);
    const received = new Capture(limit);
    let responseHeaders: string[] = [];
    let status: number | undefined;
    let statusText: string | undefined;
    let done = false;
    let timedOut = false;

    const finish = (outcome: ProxyOutcome, failure?: string) => {
      if (done) return;
      done = true;
      const exchange: ProxyExchange = {
        id,
        startedAt,
        latencyMs: Math.round(performance.now() - t0),
        caller: address(req.socket),
        method: req.method ?? 'GET',
        target,
        upstream: options.upstream,
        httpVersion: req.httpVersion,
        requestHeaders: pairs(req.rawHeaders),
        requestBody: sent.buffer().toString('utf8'),
        requestBodySize: sent.size,
        requestBodyTruncated: sent.truncated,
        outcome,
        responseHeaders: pairs(responseHeaders),
        responseBody: outcome === 'answered' ? readable(received, pairs(responseHeaders).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1]) : received.buffer().toString('utf8'),
        responseBodySize: received.size,
        responseBodyTruncated: received.truncated,
        ...(failure ? { failure } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(statusText !== undefined ? { statusText } : {}),
      };
      try {
        report(exchange);
      } catch {
        // The observer must never break the traffic it watches; a call it cannot read is just not shown.
      }
    };

    // The caller's headers as sent (order, case, repeats); only Host becomes the upstream's, and the
    // hop-by-hop Connection and Keep-Alive stay on the caller's hop (RFC 9110 §7.6.1): the connection to
    // the upstream is the proxy's pool, and a caller's `Connection: close` must not close it.
    const headers: string[] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!;
      const lower = name.toLowerCase();
      if (HOP_BY_HOP.has(lower)) continue;
      headers.push(name, lower === 'host' ? upstream.host : req.rawHeaders[i + 1]!);
    }
    if (!has(headers, 'host')) headers.push('Host', upstream.host);

    const upReq = transport.request({
      protocol: upstream.protocol,
      hostname: upstream.hostname.replace(/^\[|\]$/g, ''),
      port: upstream.port || (secure ? 443 : 80),
      method: req.method,
      path: prefix + target,
      headers,
      setHost: false,
      agent,
    });
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
      upRes.on('data', (chunk: Buffer) => received.add(chunk));
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
        const body = `wxauth proxy: ${options.upstream} did not answer within ${options.timeoutMs} ms\n`;
        res.writeHead(504, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
        finishFailed('timeout', code, 504, body);
        return;
      }
      if (UNREACHABLE.has(code) || /CERT|SSL|TLS|ERR_TLS/.test(code)) {
        const body = `wxauth proxy: cannot reach ${options.upstream} (${code})\n`;
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

    req.on('data', (chunk: Buffer) => sent.add(chunk));
    req.pipe(upReq);
    // The caller went away first: stop the upstream call too, as a direct caller's close would.
    res.on('close', () => {
      if (res.writableFinished) return;
      upReq.destroy();
      finish('aborted', 'ECONNRESET');
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
  });
  // The caller's keep-alive window: longer than a WeChat call, shorter than the SDKs' pools keep sockets.
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = Math.max(options.timeoutMs, 10_000) + 1_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;

  return {
    url: `http://${host}:${bound.port}`,
    summary: () => stats.summary(),
    harEntries: () => har,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Calls in flight get a moment to finish; then whatever is left is cut, as Ctrl-C on any server would.
      const cut = setTimeout(() => server.closeAllConnections(), 1_000);
      await closed;
      clearTimeout(cut);
      agent.destroy();
    },
  };
}

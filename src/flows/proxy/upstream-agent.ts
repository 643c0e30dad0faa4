// The proxy's connections to its upstream: keep-alive agents, one per origin, that honour the run's
// HTTP(S)_PROXY / NO_PROXY as the rest of wxauth's client does (core/proxy-route.ts mirrors undici's
// EnvHttpProxyAgent rules). Through a forward proxy, each connection is a CONNECT tunnel (for http
// upstreams too, as undici does), then TLS to the upstream itself for https: the forward proxy sees
// only the host name, never the calls.
//
// The upstream stays node:http rather than undici: undici rewrites Host and Content-Length (lower case,
// moved), and the proxy promises to pass the caller's headers through as sent.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { isOwnAddress } from '../../core/host-names.js';
import { upstreamProxyFor, type ProxySettings } from '../../core/proxy-route.js';

/** Open a CONNECT tunnel to host:port through `proxy`; the socket is ready for the upstream's bytes. */
function tunnel(proxy: URL, host: string, port: number, timeoutMs: number, done: (error: Error | null, socket?: Duplex) => void): void {
  const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const headers: Record<string, string> = { Host: authority };
  if (proxy.username !== '')
    headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`;
  const transport = proxy.protocol === 'https:' ? https : http;
  const req = transport.request({
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: authority,
    headers,
    agent: false,
  });
  let settled = false;
  const settle = (error: Error | null, socket?: Duplex) => {
    if (settled) return;
    settled = true;
    done(error, socket);
  };
  req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`forward proxy ${proxy.host} did not answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
  req.on('connect', (res: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    req.setTimeout(0);
    if (res.statusCode !== 200) {
      socket.destroy();
      settle(Object.assign(new Error(`forward proxy ${proxy.host} answered ${res.statusCode ?? '?'} to CONNECT ${authority}`), { code: 'EPROXY' }));
      return;
    }
    if (head.length > 0) socket.unshift(head);
    settle(null, socket);
  });
  // A proxy that answers CONNECT with a plain response (e.g. 407 with a body) ends up here.
  req.on('response', (res: http.IncomingMessage) => {
    res.resume();
    settle(Object.assign(new Error(`forward proxy ${proxy.host} answered ${res.statusCode ?? '?'} to CONNECT ${authority}`), { code: 'EPROXY' }));
  });
  req.on('error', (error) => settle(error));
  req.end();
}

type Callback = (err: Error | null, stream: Duplex) => void;

/** A keep-alive agent whose sockets are CONNECT tunnels through `proxy`. */
function tunnelledAgent(proxy: URL, secure: boolean, timeoutMs: number): http.Agent {
  if (secure) {
    return new (class extends https.Agent {
      override createConnection(options: https.RequestOptions, callback?: Callback): Duplex | null | undefined {
        const host = String(options.host ?? options.hostname ?? 'localhost');
        tunnel(proxy, host, Number(options.port ?? 443), timeoutMs, (error, socket) => {
          if (error || !socket) return callback?.(error ?? new Error('no tunnel'), undefined as unknown as Duplex);
          const servername = options.servername ?? (net.isIP(host) ? undefined : host);
          callback?.(null, tls.connect({ ...(options as tls.ConnectionOptions), socket, ...(servername ? { servername } : {}) }));
        });
        return undefined;
      }
    })({ keepAlive: true });
  }
  return new (class extends http.Agent {
    override createConnection(options: http.ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
      tunnel(proxy, String(options.host ?? options.hostname ?? 'localhost'), Number(options.port ?? 80), timeoutMs, (error, socket) => {
        if (error || !socket) return callback?.(error ?? new Error('no tunnel'), undefined as unknown as Duplex);
        callback?.(null, socket);
      });
      return undefined;
    }
  })({ keepAlive: true });
}

export interface UpstreamAgents {
  /** The agent for requests to `origin`: direct, or tunnelled through the run's forward proxy. */
  agentFor(origin: URL): http.Agent;
  /** The proxy's own address once it listens: a forward proxy pointing back at it is ignored (a loop). */
  setSelf(host: string, port: number, own?: string[]): void;
  destroy(): void;
}

/** Origins the proxy keeps keep-alive connections to at once (the upstream, WeChat's hosts, and some others). */
export const MAX_AGENTS = 32;

export function upstreamAgents(settings: ProxySettings | undefined, timeoutMs: number): UpstreamAgents {
  const agents = new Map<string, http.Agent>();
  let self: { host: string; port: number; own: string[] } | undefined;

  /**
   * The shell that runs `wxauth proxy --intercept` may well have exported the HTTPS_PROXY line the
   * proxy prints: its own address. Tunnelling the upstream through itself would loop forever.
   */
  const pointsAtSelf = (proxy: URL): boolean => {
    if (!self) return false;
    // With a wildcard bind the printed line names a LAN address of this machine (`own`): that is itself too.
    return isOwnAddress(proxy.hostname, Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80), self);
  };

  /** The last answer of agentFor(): nearly every call goes to the same upstream (the same URL object). */
  let last: { origin: URL; key: string; agent: http.Agent } | undefined;

  /** The agent for `origin` and its key in `agents`: kept, made, or the least recently used one let go. */
  const agentOf = (origin: URL): { key: string; agent: http.Agent } => {
    const secure = origin.protocol === 'https:';
    let proxy: URL | undefined;
    const via = settings ? upstreamProxyFor(origin, settings) : undefined;
    if (via) {
      try {
        proxy = new URL(via.includes('://') ? via : `http://${via}`);
      } catch {
        proxy = undefined;
      }
      if (proxy && pointsAtSelf(proxy)) proxy = undefined;
    }
    const key = `${origin.protocol}//${origin.host} ${proxy?.href ?? ''}`;
    let agent = agents.get(key);
    if (agent) {
      // Most recently used last, so the oldest origin is the first to go.
      agents.delete(key);
      agents.set(key, agent);
      return { key, agent };
    }
    // Keep-alive to the upstream: a new TLS handshake per call would make every call slower than direct.
    agent = proxy ? tunnelledAgent(proxy, secure, timeoutMs) : secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    agents.set(key, agent);
    if (agents.size > MAX_AGENTS) {
      // A long --intercept run passing HTTP_PROXY clients on to many hosts would otherwise keep an agent
      // and its idle sockets per host forever. The least recently used one lets its idle sockets go;
      // calls still in flight on it finish normally.
      const [oldestKey, oldest] = agents.entries().next().value as [string, http.Agent];
      agents.delete(oldestKey);
      for (const sockets of Object.values(oldest.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
    }
    return { key, agent };
  };

  return {
    agentFor(origin) {
      // The same origin again, its agent still kept (and so already the most recently used): no need to
      // read HTTP(S)_PROXY / NO_PROXY for it again (for speed: every proxied call, issue 19).
      if (last?.origin === origin && agents.get(last.key) === last.agent) return last.agent;
      const { key, agent } = agentOf(origin);
      last = { origin, key, agent };
      return agent;
    },
    setSelf(host, port, own = []) {
      self = { host: host.replace(/^\[|\]$/g, ''), port, own: own.map((a) => a.toLowerCase()) };
      last = undefined;
    },
    destroy() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
      last = undefined;
    },
  };
}

// doctor's one call to WeChat: POST /cgi-bin/stable_token, never GET /cgi-bin/token (a fetch there
// invalidates the token the user's servers hold, API-FACTS §8; stable_token without force_refresh
// hands back the token they already have, §9). It goes through the typed API and the basic-token
// flow (their hints for 40164 and friends), with a token cache that keeps nothing: doctor changes no
// state, so the token is neither cached nor shown. The dispatcher is the API client's own kind
// (http/proxy-agent.ts: undici's EnvHttpProxyAgent, HTTP(S)_PROXY and NO_PROXY honoured, a proxy that
// opens no tunnel an error) with additions: --connect-to for direct connections (a call a proxy
// carries is not re-aimed: the proxy dials the host by its name; runDoctor says so), the extra CAs
// for direct connections and the TLS inside a proxy's tunnel alike, and the Date header of the
// answer, for the clock check.
import { buildConnector, type Dispatcher } from 'undici';
import { NetworkError, WechatApiError, type MessageRef } from '../../errors.js';
import { mapConnect, type ConnectRule, type CredentialFacts } from '../../core/doctor.js';
import type { ProxySettings } from '../../core/proxy-route.js';
import type { ApiBaseOrigin } from '../../core/endpoints.js';
import type { KnownSecrets } from '../../core/secrets.js';
import { WechatApi } from '../../http/api.js';
import { proxyAwareAgent } from '../../http/proxy-agent.js';
import { BasicTokenService, callerIp, type BasicTokenCache } from '../basic-token.js';
import { withSystemRoots } from './probes.js';

export interface CredentialProbe {
  facts: CredentialFacts;
  /** The Date header of WeChat's answer (any answer, errcode or not), and our clock when it came. */
  date?: string;
  localMs?: number;
}

export interface CredentialOptions {
  apiBase: string;
  /** Where apiBase came from, for the hints that blame it. */
  apiBaseOrigin?: ApiBaseOrigin;
  appid: string;
  secret: string;
  /** The profile checked: the commands a fix offers name it. */
  profile: string;
  timeoutMs: number;
  connectTo: readonly ConnectRule[];
  /** Told every host:port dialled, before --connect-to maps it. */
  aimed?: (host: string, port: number) => void;
  proxy: ProxySettings;
  ca?: string | string[];
  now(): number;
  secrets?: KnownSecrets;
  showSecrets?: boolean;
  signal?: AbortSignal;
  trace?: (line: string) => void;
  curl?: (command: string) => void;
}

/** A token cache that remembers nothing: doctor checks credentials, it does not refresh anyone's cache. */
const NO_CACHE: BasicTokenCache = {
  getBasic: () => undefined,
  putBasic: () => undefined,
  removeBasic: () => 0,
};

/** undici interceptor: hand the Date header of every answer to `seen`, change nothing. */
function observeDate(seen: (date: string | undefined) => void): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) =>
    dispatch(opts, {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, status, headers, socket) => handler.onRequestUpgrade?.(controller, status, headers, socket),
      onResponseStart: (controller, status, headers, message) => {
        const date = headers.date;
        seen(Array.isArray(date) ? date[0] : date);
        return handler.onResponseStart?.(controller, status, headers, message);
      },
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    });
}

/** undici's connector, dialling a --connect-to target instead of the URL's host (SNI keeps the name). */
function connector(rules: readonly ConnectRule[], timeoutMs: number, ca: string[] | undefined, aimed?: (host: string, port: number) => void): buildConnector.connector {
  const base = buildConnector({ timeout: timeoutMs, ...(ca ? { ca } : {}) });
  return (opts, callback) => {
    // TLS over a proxy's tunnel: the proxy dialled, nothing to map (undici 7 runs that TLS with its own connector anyway).
    if (opts.httpSocket) return base(opts, callback);
    const defaultPort = opts.protocol === 'https:' ? 443 : 80;
    aimed?.(opts.hostname.replace(/^\[|\]$/g, ''), Number(opts.port) || defaultPort);
    const target = mapConnect(rules, opts.hostname, Number(opts.port) || defaultPort);
    if (!target.rule) return base(opts, callback);
    return base({ ...opts, hostname: target.host, port: String(target.port), servername: opts.servername ?? opts.hostname }, callback);
  };
}

export async function probeCredentials(o: CredentialOptions): Promise<CredentialProbe> {
  let date: string | undefined;
  let localMs: number | undefined;
  const ca = o.ca ? withSystemRoots(o.ca) : undefined;
  const agent = proxyAwareAgent({
    proxy: o.proxy,
    timeoutMs: o.timeoutMs,
    // undici's ProxyAgent never calls this connector: it dials the proxy, and the TLS in its tunnel takes `ca`.
    connect: connector(o.connectTo, o.timeoutMs, ca, o.aimed),
    ...(ca ? { ca } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const dispatcher = agent.compose(
    observeDate((d) => {
      date = d;
      localMs = o.now();
    }),
  );
  const api = new WechatApi({
    apiBase: o.apiBase,
    ...(o.apiBaseOrigin ? { apiBaseOrigin: o.apiBaseOrigin } : {}),
    timeoutMs: o.timeoutMs,
    // One attempt at the chosen host: doctor reports what that host does, no retries, no backup host.
    retryDelaysMs: [],
    dispatcher,
    proxy: o.proxy,
    ...(o.secrets ? { secrets: o.secrets } : {}),
    showSecrets: o.showSecrets === true,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.trace ? { trace: o.trace } : {}),
    ...(o.curl ? { curl: o.curl } : {}),
  });
  const service = new BasicTokenService({ api, store: NO_CACHE, profile: o.profile, appid: o.appid, secret: o.secret, now: o.now });
  const host = new URL(o.apiBase).host;
  const seen = () => ({ ...(date !== undefined ? { date } : {}), ...(localMs !== undefined ? { localMs } : {}) });
  try {
    const fetched = await service.fetch({}, 'requested');
    return { facts: { outcome: 'ok', host, appid: o.appid, expiresIn: fetched.response.data.expires_in }, ...seen() };
  } catch (error) {
    if (error instanceof WechatApiError) {
      const ip = callerIp(error);
      return {
        facts: {
          outcome: 'errcode',
          host,
          appid: o.appid,
          errcode: error.errcode,
          errmsg: error.errmsg,
          ...(error.rid ? { rid: error.rid } : {}),
          ...(ip ? { ip } : {}),
          ...(error.hint ? { hint: error.hint as MessageRef } : {}),
        },
        ...seen(),
      };
    }
    if (error instanceof NetworkError) {
      return { facts: { outcome: 'network', host, message: error.messageRef, ...(error.hint ? { hint: error.hint } : {}), failure: error.failure }, ...seen() };
    }
    throw error;
  } finally {
    await agent.close().catch(() => undefined);
  }
}

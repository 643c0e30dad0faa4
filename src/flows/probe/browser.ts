// The scripted phone-WeChat browser `wxauth probe` drives: a MicroMessenger User-Agent, a cookie jar,
// redirects followed one hop at a time and recorded. It talks only to the hosts it is given (the app
// and the emulator): a Location pointing anywhere else is recorded and NOT fetched, so a probe never
// sends anything to a foreign host, and a redirect to open.weixin.qq.com is sent to the emulator
// instead (issue 14), with a note on the hop.
import { redactUrl } from '../../core/secrets.js';
import { deadline } from '../../http/deadline.js';

/**
 * What WeChat's in-app browser on Android sends (the `MicroMessenger/` token is what apps sniff to tell
 * the WeChat browser from others; API-FACTS §1.4: the 公众号 flow only works inside WeChat).
 */
export const MICROMESSENGER_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/** A URL on open.weixin.qq.com, https or http, on its default port (the URL parser folds case and :443). */
export function isWechatOpenUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.hostname === 'open.weixin.qq.com' && u.port === '' && (u.protocol === 'https:' || u.protocol === 'http:');
  } catch {
    return false;
  }
}

export type HopTarget = 'app' | 'emulator' | 'blocked';

/** One request the browser made (or refused to make), as the report shows it. */
export interface Hop {
  method: 'GET' | 'POST';
  /** Secrets masked by name (code, tokens, secret), unless --show-secrets. */
  url: string;
  to: HopTarget;
  /** HTTP status; 0 when nothing came back (timeout, refused, blocked). */
  status: number;
  location?: string;
  /** Names of cookies the answer set. */
  setCookies?: string[];
  /** Milliseconds since the scenario started. */
  startMs: number;
  durationMs: number;
  /**
   * timeout | network | closed (connected, then closed without an answer) | tls | protocol (an answer
   * that is not HTTP Node reads: another service on the port, a header a parser refuses, headers over
   * 16 KB) | blocked-foreign-host
   */
  error?: string;
  /** With error `tls`: OpenSSL's or Node's code (ERR_SSL_WRONG_VERSION_NUMBER, DEPTH_ZERO_SELF_SIGNED_CERT…). */
  tlsCode?: string;
  /** With error `protocol`: llhttp's code (HPE_INVALID_CONSTANT…) or undici's UND_ERR_HEADERS_OVERFLOW. */
  protocolCode?: string;
  /**
   * With error `timeout`: the status line and headers came, with this status, and then the body did not
   * end in time (`bytes` of it came): a page that keeps loading, not a server that never answered.
   */
  stalled?: { status: number; bytes: number };
  /** The original Location pointed at open.weixin.qq.com and was sent to the emulator instead. */
  rewritten?: boolean;
  /** This hit repeats the callback the way WeChat's second hit does (uin/pass_ticket markers). */
  duplicate?: boolean;
}

/** What the browser saw, unmasked, for the leak and stack-trace checks (never shown as it is). */
export interface Seen {
  url: string;
  status: number;
  headers: string;
  body: string;
}

export interface Page {
  url: string;
  status: number;
  location?: string;
  body: string;
  hop: Hop;
}

export interface BrowserOptions {
  /**
   * Origins of the app the browser may send requests to. Read at each request: the run adds the
   * callback's other loopback name (localhost for 127.0.0.1) once the authorize link names it (run.ts).
   */
  allowedOrigins: ReadonlySet<string>;
  emulatorOrigin: string;
  /**
   * Further origins that are the emulator's pages: a wxauth proxy in front of it that the app builds its
   * authorize link on. Shared by the run, which adds one when it finds it.
   */
  emulatorFronts?: ReadonlySet<string>;
  timeoutMs: number;
  signal: AbortSignal;
  /** Shared by every session of one probe run: the leak check reads it. */
  seen: Seen[];
  /** Cookies every session starts with for the app's host (--cookie: a login behind a session of the site's own). */
  startCookies?: { host: string; pairs: ReadonlyArray<readonly [string, string]> };
  /** --show-secrets: hops keep their addresses as sent and answered, a code or token in them included. */
  showSecrets?: boolean;
  /**
   * HTTP basic auth from the start URL's `user:password@` (a staging site behind nginx's auth_basic): its
   * Authorization header, sent to this one origin only, as a browser that was given the password does;
   * never to the emulator or another host the app sends the browser to.
   */
  appAuthorization?: { origin: string; header: string };
}

/**
 * A start URL's `user:password@`, taken out: the URL without it (fetch refuses a URL that carries
 * credentials) and the Authorization header a browser sends for it. Undefined when it has none.
 */
export function basicAuthOf(url: string): { url: string; username: string; origin: string; header: string } | undefined {
  const u = new URL(url);
  if (u.username === '' && u.password === '') return undefined;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const username = decode(u.username);
  const header = 'Basic ' + Buffer.from(`${username}:${decode(u.password)}`, 'utf8').toString('base64');
  u.username = '';
  u.password = '';
  return { url: u.toString(), username, origin: u.origin, header };
}

/** Minimal cookie jar: per host name, name → value; Max-Age=0 or a past Expires deletes. */
class CookieJar {
  private readonly jar = new Map<string, Map<string, string>>();
  /** `host name` of cookies the session started with (--cookie) that no answer has set since: not the app's doing. */
  private readonly seeded = new Set<string>();

  /** `host name` → value of the cookies answers set (not the starting ones), except on `exceptHosts`. */
  snapshot(exceptHosts: ReadonlySet<string>): Map<string, string> {
    const taken = new Map<string, string>();
    for (const [host, cookies] of this.jar) if (!exceptHosts.has(host)) for (const [name, value] of cookies) if (!this.seeded.has(`${host} ${name}`)) taken.set(`${host} ${name}`, value);
    return taken;
  }

  /** Cookies the session starts with, as a browser signed in to the site has them. */
  seed(host: string, pairs: ReadonlyArray<readonly [string, string]>): void {
    let cookies = this.jar.get(host);
    if (!cookies) this.jar.set(host, (cookies = new Map()));
    for (const [name, value] of pairs) {
      cookies.set(name, value);
      this.seeded.add(`${host} ${name}`);
    }
  }

  store(host: string, setCookies: string[]): string[] {
    const names: string[] = [];
    let cookies = this.jar.get(host);
    if (!cookies) this.jar.set(host, (cookies = new Map()));
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      names.push(name);
      this.seeded.delete(`${host} ${name}`);
      const expired = attrs.some((a) => {
        const [k = '', v = ''] = a.split('=').map((s) => s.trim());
        if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k.toLowerCase() === 'expires') return Date.parse(v) < Date.now();
        return false;
      });
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    return names;
  }

  value(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  /** An answer has set this cookie since the session started with it (or it was never a starting one). */
  setByAnswer(host: string, name: string): boolean {
    return !this.seeded.has(`${host} ${name}`);
  }

  header(host: string): string | undefined {
    const cookies = this.jar.get(host);
    if (!cookies || cookies.size === 0) return undefined;
    return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Cookies set by hosts other than the emulator's (the session's starting ones not counted, unless an answer set them again). */
  count(exceptHosts: ReadonlySet<string>): number {
    let n = 0;
    for (const [host, cookies] of this.jar) if (!exceptHosts.has(host)) for (const name of cookies.keys()) if (!this.seeded.has(`${host} ${name}`)) n += 1;
    return n;
  }
}

/**
 * The TLS failure behind a fetch error, if that is what it was: plain HTTP answering an https:// URL
 * (ERR_SSL_WRONG_VERSION_NUMBER), or a certificate Node does not trust (self-signed, wrong name, expired).
 */
export function tlsCodeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (/^ERR_SSL_|^ERR_TLS_|CERT|SELF_SIGNED|UNABLE_TO_(?:VERIFY|GET_ISSUER)|^EPROTO$/.test(code)) return code;
  }
  return undefined;
}

/** One browser session: its own cookies; hops are recorded into `hops` as they happen. */
export class ProbeBrowser {
  readonly hops: Hop[] = [];
  private readonly cookies = new CookieJar();
  /** When the session started (epoch ms): hops' startMs count from here. */
  readonly started = Date.now();

  constructor(private readonly options: BrowserOptions) {
    const start = options.startCookies;
    if (start && start.pairs.length > 0) this.cookies.seed(start.host, start.pairs);
  }

  /** An address as a hop shows it: secrets masked by name, unless --show-secrets. */
  private shown(url: string): string {
    return this.options.showSecrets ? url : redactUrl(url);
  }

  /**
   * The app's cookies when the browser first went to WeChat (the emulator): what a session that the
   * login must renew looks like (session.renewed). Undefined until then.
   */
  appCookiesBeforeWechat: Map<string, string> | undefined;

  private emulatorHosts(): Set<string> {
    return new Set([this.options.emulatorOrigin, ...(this.options.emulatorFronts ?? [])].map((o) => new URL(o).host));
  }

  /** Cookies the app (not the emulator) has set in this session. */
  appCookieCount(): number {
    return this.cookies.count(this.emulatorHosts());
  }

  /** The app's cookies now, `host name` → value (the session's starting ones, --cookie, left out). */
  appCookies(): Map<string, string> {
    return this.cookies.snapshot(this.emulatorHosts());
  }

  /**
   * The cookies the session started with (--cookie) that it still sends with the value given, and whether
   * the app set one again (its own cookie, kept): every browser of a run starts with them, so while two
   * browsers keep one that says who the visitor is, they are one visitor of the site (its session, or its
   * account) however many WeChat users sign in.
   */
  startCookiesKept(): Array<{ name: string; setByApp: boolean }> {
    const start = this.options.startCookies;
    if (!start) return [];
    return start.pairs
      .filter(([name, value]) => this.cookies.value(start.host, name) === value)
      .map(([name]) => ({ name, setByApp: this.cookies.setByAnswer(start.host, name) }));
  }

  /**
   * Put cookies in this session's jar as if the app had set them (`host name` → value, appCookies' keys):
   * what an attacker plants in a user's browser (session.renewed's replay of the cookies from before the login).
   */
  plantAppCookies(cookies: ReadonlyMap<string, string>): void {
    for (const [key, value] of cookies) {
      const space = key.indexOf(' ');
      this.cookies.store(key.slice(0, space), [`${key.slice(space + 1)}=${value}`]);
    }
  }

  /** Where a URL goes: open.weixin.qq.com → the emulator; otherwise as given. */
  route(url: string): { url: string; rewritten: boolean } {
    // WeChat's page, however spelt (http://, capitals, :443): the emulator's.
    if (isWechatOpenUrl(url)) {
      const u = new URL(url);
      return { url: this.options.emulatorOrigin + u.pathname + u.search + u.hash, rewritten: true };
    }
    return { url, rewritten: false };
  }

  targetOf(url: string): HopTarget {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return 'blocked';
    }
    if (origin === this.options.emulatorOrigin || this.options.emulatorFronts?.has(origin)) return 'emulator';
    return this.options.allowedOrigins.has(origin) ? 'app' : 'blocked';
  }

  /** One request, no redirect followed. A foreign host is recorded as blocked and never contacted. */
  async request(method: 'GET' | 'POST', rawUrl: string, extra: { form?: Record<string, string>; duplicate?: boolean } = {}): Promise<Page> {
    const { url, rewritten } = this.route(rawUrl);
    // The fragment (#wechat_redirect) is never sent to a server.
    const sent = url.split('#')[0]!;
    const to = this.targetOf(sent);
    const startMs = Date.now() - this.started;
    const hop: Hop = { method, url: this.shown(sent), to, status: 0, startMs, durationMs: 0 };
    if (rewritten) hop.rewritten = true;
    if (extra.duplicate) hop.duplicate = true;
    this.hops.push(hop);
    if (to === 'blocked') {
      hop.error = 'blocked-foreign-host';
      return { url: sent, status: 0, body: '', hop };
    }
    if (to === 'emulator' && this.appCookiesBeforeWechat === undefined) this.appCookiesBeforeWechat = this.appCookies();
    const host = new URL(sent).host;
    const headers: Record<string, string> = { 'user-agent': MICROMESSENGER_UA, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'zh-CN,zh;q=0.9' };
    const cookie = this.cookies.header(host);
    if (cookie) headers.cookie = cookie;
    const auth = this.options.appAuthorization;
    if (auth && to === 'app' && new URL(sent).origin === auth.origin) headers.authorization = auth.header;
    let body: string | undefined;
    if (extra.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(extra.form).toString();
    }
    const limit = deadline(this.options.timeoutMs, this.options.signal);
    // The answer as far as it came: its status once the headers are in, then how much of its body.
    const got: { status?: number; bytes: number } = { bytes: 0 };
    try {
      const res = await fetch(sent, { method, headers, body, redirect: 'manual', signal: limit.signal });
      got.status = res.status;
      const text = await boundedText(res, got);
      hop.status = res.status;
      hop.durationMs = Date.now() - this.started - startMs;
      const location = res.headers.get('location') ?? undefined;
      const setCookies = res.headers.getSetCookie();
      if (setCookies.length > 0) hop.setCookies = this.cookies.store(host, setCookies);
      let absolute: string | undefined;
      if (location !== undefined) {
        try {
          absolute = new URL(location, sent).toString();
        } catch {
          absolute = location;
        }
        hop.location = this.shown(absolute);
      }
      if (to === 'app') {
        const headerText = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + setCookies.map((c) => `\nset-cookie: ${c}`).join('');
        this.options.seen.push({ url: sent, status: res.status, headers: headerText, body: text });
      }
      return { url: sent, status: res.status, location: absolute, body: text, hop };
    } catch (error) {
      hop.durationMs = Date.now() - this.started - startMs;
      if (this.options.signal.aborted) throw error;
      const code = tlsCodeOf(error);
      const failure = (error as { cause?: { code?: string; name?: string; message?: string } }).cause;
      // llhttp's code (HPE_INVALID_CONSTANT…); Node 24's fetch gives its parser errors none, so there the
      // reason its message ends with in brackets ("Invalid header token") stands in for it.
      const parserError = failure?.name === 'HTTPParserError';
      const cause = failure?.code ?? (parserError ? (/\(([^()]+)\)\s*$/.exec(failure.message ?? '')?.[1] ?? failure.name) : undefined);
      const protocol = cause !== undefined && (parserError || cause.startsWith('HPE_') || cause === 'UND_ERR_HEADERS_OVERFLOW');
      hop.error = (error as Error).name === 'TimeoutError' ? 'timeout' : code ? 'tls' : protocol ? 'protocol' : cause === 'UND_ERR_SOCKET' || cause === 'ECONNRESET' ? 'closed' : 'network';
      if (code) hop.tlsCode = code;
      else if (protocol) hop.protocolCode = cause;
      else if (hop.error === 'timeout' && got.status !== undefined) hop.stalled = { status: got.status, bytes: got.bytes };
      return { url: sent, status: 0, body: '', hop };
    } finally {
      limit.done();
    }
  }

  /**
   * GET `url` and follow redirects one hop at a time while `keepGoing(nextUrl)` says so (at most 15).
   * Returns the last page fetched and, when it stopped on a redirect, the URL it did not follow.
   */
  async follow(url: string, keepGoing: (next: string) => boolean = () => true, extra: { duplicate?: boolean } = {}): Promise<{ page: Page; pending?: string }> {
    let page = await this.request('GET', url, extra);
    for (let i = 0; i < 15 && page.status >= 300 && page.status < 400 && page.location; i++) {
      if (!keepGoing(page.location)) return { page, pending: page.location };
      const next = page.location;
      if (this.targetOf(this.route(next).url) === 'blocked') {
        // Record it, but do not contact it.
        await this.request('GET', next);
        return { page, pending: next };
      }
      page = await this.request('GET', next);
    }
    return { page };
  }

  postForm(url: string, form: Record<string, string>): Promise<Page> {
    return this.request('POST', url, { form });
  }
}

/**
 * Whether something at this http:// URL's host and port completes a TLS handshake (any certificate):
 * an app that hangs up on plain HTTP without a word is then an HTTPS server, for sure, rather than
 * one that crashed on the request. False on any failure or after `timeoutMs`.
 */
export async function speaksTls(url: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  let host: string;
  let port: number;
  try {
    const u = new URL(url);
    host = u.hostname.replace(/^\[|\]$/g, '');
    port = Number(u.port) || 80;
  } catch {
    return false;
  }
  const { connect } = await import('node:tls');
  const { isIP } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect({ host, port, rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }) });
    const done = (answer: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      socket.destroy();
      resolve(answer);
    };
    const abort = () => done(false);
    const timer = setTimeout(abort, timeoutMs);
    signal.addEventListener('abort', abort, { once: true });
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}

/**
 * How much of one answer probe reads (8 MiB): a page that inlines a large image or serves a large file
 * must not hold a run's memory, and every secret a login leaks is in its first megabytes. The rest is
 * not read (the connection is dropped).
 */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/** `got.bytes`: how much of the body has come, kept as it comes (said when the body stalls). */
async function boundedText(res: Response, got: { bytes: number }): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = MAX_PAGE_BYTES - size;
    parts.push(value.byteLength > room ? value.subarray(0, room) : value);
    size += Math.min(value.byteLength, room);
    got.bytes = size;
    if (size >= MAX_PAGE_BYTES) {
      await reader.cancel().catch(() => {});
      break;
    }
  }
  return Buffer.concat(parts).toString('utf8');
}

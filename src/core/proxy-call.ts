// What `wxauth proxy` knows about one call that went through it, and how it is shown without its
// secrets. Pure: the node:http adapter (flows/proxy/server.ts) hands over what it saw on the wire; this
// file reads the WeChat parts (endpoint, appid, errcode, rid) and masks codes, secrets and tokens.
// WeChat reports failures as HTTP 200 + errcode whatever the Content-Type (API-FACTS §0.1, §0.2), so
// the answer is read as JSON whenever it parses, text/plain included.
import { readErrorBody, isRecord } from './responses.js';
import { redactText, redactUrl, redactValue, maskSecretValues, isSecretName, isSecretHeader, MIN_SECRET_LENGTH } from './secrets.js';

/** How a call ended, as the caller saw it. */
export type ProxyOutcome =
  /** The upstream answered; its status, headers and bytes went back unchanged. */
  | 'answered'
  /** The upstream could not be reached (refused, DNS, TLS…): the caller got a 502 with a short text. */
  | 'unreachable'
  /** The upstream stayed silent for --timeout: the caller got a 504 (or a reset, mid-answer). */
  | 'timeout'
  /** The upstream reset or dropped the connection: the caller's connection was reset too. */
  | 'reset'
  /** The caller went away before the answer was complete. */
  | 'aborted'
  /** Still waiting for the upstream when the proxy stopped (Ctrl-C): cut by the proxy, not by either end. */
  | 'stopped';

/** One call as the adapter saw it on the wire. Bodies are the first bytes only (see *Truncated). */
export interface ProxyExchange {
  id: number;
  /** Milliseconds since the epoch, when the request arrived. */
  startedAt: number;
  latencyMs: number;
  /** The caller's address and port, e.g. `127.0.0.1:53422`. */
  caller: string;
  /**
   * The process behind a loopback caller's connection, one object per connection that the adapter fills
   * in when its lookup ends (maybe after this call is reported: detectors read it when they fire).
   */
  callerProcess?: CallerProcess;
  method: string;
  /** Path and query exactly as the caller sent them. */
  target: string;
  /** The upstream base the call went to (for the HAR's absolute URL). */
  upstream: string;
  /**
   * The origin the caller itself named, when it used the proxy as a forward proxy (a decrypted CONNECT
   * tunnel: `https://api.weixin.qq.com`; an absolute-form request: its origin), whatever upstream the call
   * then went to: a relative Location takes that caller there. Unset for a call sent to the proxy's own address.
   */
  asked?: string;
  httpVersion: string;
  requestHeaders: Array<[string, string]>;
  requestBody: string;
  requestBodySize: number;
  requestBodyTruncated: boolean;
  outcome: ProxyOutcome;
  /** The network error code behind a failed outcome (ECONNREFUSED, ECONNRESET…). */
  failure?: string;
  status?: number;
  statusText?: string;
  responseHeaders: Array<[string, string]>;
  /** The answer's text for reading (decompressed when the upstream compressed it). */
  responseBody: string;
  /** Bytes the caller received, as sent (compressed if the upstream compressed). */
  responseBodySize: number;
  responseBodyTruncated: boolean;
  /** Compressed, and larger than the kept bytes once decompressed: not decoded (`responseBody` is ''). */
  responseBodyTooLarge?: boolean;
}

/** Who owns a caller's connection on this machine; empty until (unless) the adapter's lookup tells. */
export interface CallerProcess {
  pid?: number;
  command?: string;
  /** A lookup ran to its end and found no process (loopback, Linux); unset when none was made or it did not end in time. */
  missed?: true;
  /** Other processes holding the same connection (inherited across fork): `pid` is then one of several, not the sender. */
  sharedWith?: ReadonlyArray<{ pid: number; command: string }>;
}

/** The WeChat reading of a call. */
export interface CallFacts {
  /** The path without query, e.g. `/sns/oauth2/access_token`. */
  endpoint: string;
  query: Record<string, string>;
  /** The request body when it is a JSON object or a form (stable_token, quota/get, rid/get…). */
  body?: Record<string, unknown>;
  /** The answer when it is a JSON object. */
  answer?: Record<string, unknown>;
  errcode?: number;
  errmsg?: string;
  rid?: string;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A header's value by its lower-case name (the first when repeated). */
export function headerValue(headers: Array<[string, string]>, name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name)?.[1];
}

/** Split a request target into its path and its query parameters (the last value of a repeated name wins, as WeChat reads them). */
export function splitTarget(target: string): { endpoint: string; query: Record<string, string> } {
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query: Record<string, string> = {};
  if (q !== -1) for (const [k, v] of new URLSearchParams(target.slice(q + 1).replace(/#.*$/, ''))) query[k] = v;
  return { endpoint: path === '' ? '/' : path, query };
}

export function readCall(exchange: ProxyExchange): CallFacts {
  const { endpoint, query } = splitTarget(exchange.target);
  const facts: CallFacts = { endpoint, query };
  const body = parseObject(exchange.requestBody);
  if (body) facts.body = body;
  else if (/application\/x-www-form-urlencoded/i.test(headerValue(exchange.requestHeaders, 'content-type') ?? '')) {
    facts.body = Object.fromEntries(new URLSearchParams(exchange.requestBody));
  }
  if (exchange.outcome === 'answered') {
    const answer = parseObject(exchange.responseBody);
    if (answer) {
      facts.answer = answer;
      const error = readErrorBody(answer);
      if (error) {
        facts.errcode = error.errcode;
        facts.errmsg = error.errmsg;
        if (error.rid !== undefined) facts.rid = error.rid;
      }
    }
  }
  return facts;
}

/** The secret values a call carries (sent or received): masked by value in everything shown later. */
export function secretValuesOf(facts: CallFacts): string[] {
  const values: string[] = [];
  const take = (record: Record<string, unknown> | undefined) => {
    if (!record) return;
    for (const [name, v] of Object.entries(record)) if (isSecretName(name) && typeof v === 'string' && v.length >= MIN_SECRET_LENGTH) values.push(v);
  };
  take(facts.query);
  take(facts.body);
  take(facts.answer);
  return values;
}

/**
 * Masks what the proxy shows: secrets by name (query parameters, JSON fields, JSON nested in strings),
 * then by value the secrets recently seen in traffic (an errmsg or a page quoting a token). The set of
 * values is bounded: a proxy runs for days, and an unbounded set would slow every line down.
 */
/**
 * One `name=value` of a form body whose value, decoded, holds a credential by name (JSON or XML sent
 * encoded as one field: `data=%7B%22access_token%22%3A…`, as URLSearchParams, axios and requests send
 * it): the value masked and encoded again. Any other field as it was.
 */
function encodedField(field: string): string {
  const eq = field.indexOf('=');
  if (eq < 0 || !field.includes('%', eq)) return field;
  let value: string;
  try {
    value = decodeURIComponent(field.slice(eq + 1).replace(/\+/g, ' '));
  } catch {
    return field;
  }
  const masked = redactText(value);
  return masked === value ? field : `${field.slice(0, eq + 1)}${encodeURIComponent(masked).replace(/%2A/gi, '*')}`;
}

/** Headers whose value is a URL (RFC 9110 §10.2.2, §8.7, §10.1.3). */
const URL_HEADERS: ReadonlySet<string> = new Set(['location', 'content-location', 'referer']);

export class ProxyMasker {
  private readonly recent = new Map<string, true>();
  /** The values as maskSecretValues wants them, rebuilt only after learn() changed the set. */
  private values: string[] = [];
  private stale = false;

  /** Masked from the first call whatever traffic teaches: the AppSecrets the user saved (never evicted). */
  private readonly pinned: string[];

  constructor(
    readonly showSecrets: boolean,
    // Each shown text is searched for every value: a few hundred keeps a line well under a millisecond.
    private readonly limit = 256,
    pinned: Iterable<string> = [],
  ) {
    this.pinned = showSecrets ? [] : [...new Set(pinned)];
    this.values = [...this.pinned];
  }

  learn(values: Iterable<string>): void {
    if (this.showSecrets) return;
    for (const v of values) {
      this.recent.delete(v);
      this.recent.set(v, true);
      if (this.recent.size > this.limit) this.recent.delete(this.recent.keys().next().value as string);
      this.stale = true;
    }
  }

  private byValue(text: string): string {
    if (this.stale) {
      this.values = [...this.pinned, ...this.recent.keys()];
      this.stale = false;
    }
    return this.values.length === 0 ? text : maskSecretValues(text, this.values);
  }

  /** A path and query: secret parameters keep a short prefix so two tokens can be told apart. */
  target(target: string): string {
    if (this.showSecrets) return target;
    return this.byValue(redactUrl(target));
  }

  /** A body (JSON, form, text, an HTML page quoting a URL). */
  text(text: string): string {
    if (this.showSecrets) return text;
    // A form body is a query without its `?`, so it is read as one (redactUrl): its first parameter, a value
    // of any length or characters up to the next `&`, an upper-case name (`Code=`) and a code percent-encoded
    // in a redirect_uri are masked by name, where redactText's patterns (a name after `?` or `&`, or a
    // lower-case word of six characters or more) leave them. Then redactText too, for a credential inside
    // a value (`data={"access_token":"…"}`, `xml=<AppSecret>…`); it leaves what redactUrl masked as it is.
    if (/^[\w.%-]+=[^\s]*$/.test(text.trim())) return this.byValue(redactText(redactUrl('?' + text).slice(1)).split('&').map(encodedField).join('&'));
    return this.byValue(redactText(text));
  }

  /**
   * A header's value: a credential header whole; any other by name too, as a body is (the authorize
   * 302's `Location: …/cb?code=…` carries the code before any exchange has taught it by value). A header
   * holding a URL is first masked as the request's URL is (target): a captive portal's Location carries
   * the call it caught encoded in its query (`?url=…%26secret%3D…`), which only redactUrl reads.
   */
  header(name: string, value: string): string {
    if (this.showSecrets) return value;
    if (isSecretHeader(name)) return redactValue(value);
    return this.byValue(redactText(URL_HEADERS.has(name.toLowerCase()) ? redactUrl(value) : value));
  }

  /** One value known to be secret (a code or token named in a detector's evidence). */
  value(value: string): string {
    return this.showSecrets ? value : redactValue(value);
  }
}

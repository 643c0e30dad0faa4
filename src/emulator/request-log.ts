// The request log: what a client under test sent the emulator, the last LOG_KEPT requests, numbered from
// 1 since start or reset (GET /__emulator/requests, the events of the emulator's page, requests()).
import { isSecretName } from '../core/secrets.js';
import type { FaultKind, RequestRecord } from './types.js';
import { parseTarget } from './target.js';
import { basicTokenNote, requestNote } from './request-notes.js';

/** The log keeps the last LOG_KEPT requests. */
export const LOG_KEPT = 5000;
/** Bytes per URL cell: WeChat's request targets (a code exchange, /sns/auth, authorize) are 150–250 characters. */
const URL_CELL_BYTES = 512;
/** In `urlLengths`: the slot's URL is in `longUrls`, not its cell. */
const URL_NOT_IN_CELL = -1;
const BEYOND_LATIN1 = /[^\x00-\xff]/;

/** Masks the secrets a value holds by value (the emulator's maskIssued). */
export type ValueMask = (text: string) => string;

function redactQuery(query: Iterable<[string, string]>, mask: ValueMask): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of query) out[k] = isSecretName(k) && v !== '' ? '***' : mask(v);
  return out;
}

/**
 * One request in the log, as it is read. The masked parameters and the ISO time are made here, when
 * the log is read, not for each of the thousands of requests a client under load sends. toJSON() is
 * the record.
 */
export class LoggedRequest {
  constructor(
    readonly method: string,
    /** As sent; the `path` getter masks it. */
    private readonly rawPath: string,
    /** As `new URL(…).search` without `?` (parseTarget's rawQuery). */
    private readonly rawQuery: string,
    readonly status: number,
    /** Emulator clock, ms. */
    private readonly at: number,
    readonly errcode?: number,
    readonly rid?: string,
    readonly fault?: FaultKind,
    /** The error page's message, when the answer was one (pages.ts). */
    readonly page?: string,
    /** A stable_token call with force_refresh (cgi.ts). */
    readonly forceRefresh?: boolean,
    /** A /sns/ user endpoint refused a basic access_token (/cgi-bin/token, stable_token) it was given. */
    readonly basicToken?: boolean,
    private readonly mask: ValueMask = (text) => text,
    /** Emulator clock, ms: when a request whose answer was held back arrived (NaN: it left as it arrived). */
    private readonly arrivedAt = NaN,
    /** The appid a JSON body named (stable_token), when the URL names none; the `appid` getter masks it. */
    private readonly bodyAppid?: string,
  ) {}

  /**
   * The path, the emulator's own secrets masked: a client may put a token or the appsecret in it
   * (`/cgi-bin/user/info/<access_token>`, a REST-style SDK), and the log is shown to anyone at the page.
   */
  get path(): string {
    return this.mask(this.rawPath);
  }

  /** Query parameters, secrets masked: by name, and the emulator's own secrets under any name. */
  get query(): Record<string, string> {
    // With its `?`: URLSearchParams drops one, and a query that itself starts with `?` keeps it.
    return redactQuery(new URLSearchParams('?' + this.rawQuery), this.mask);
  }

  /**
   * The app the request named: its `appid` parameter, else the appid of its JSON body (stable_token),
   * masked as a query value is (a secret pasted as the appid does not show).
   */
  get appid(): string | undefined {
    const named = this.bodyAppid ?? new URLSearchParams('?' + this.rawQuery).get('appid') ?? '';
    return named === '' ? undefined : this.mask(named);
  }

  get time(): string {
    return new Date(this.at).toISOString();
  }

  /** When the request arrived, for an answer held back (a `delay` fault). */
  get arrived(): string | undefined {
    return Number.isNaN(this.arrivedAt) ? undefined : new Date(this.arrivedAt).toISOString();
  }

  toJSON(): RequestRecord {
    const record: RequestRecord = { method: this.method, path: this.path, query: this.query, status: this.status, time: this.time };
    const appid = this.bodyAppid !== undefined ? this.mask(this.bodyAppid) : record.query.appid || undefined;
    if (appid !== undefined) record.appid = appid;
    const arrived = this.arrived;
    if (arrived !== undefined) record.arrived = arrived;
    if (this.errcode !== undefined) record.errcode = this.errcode;
    if (this.rid !== undefined) record.rid = this.rid;
    if (this.fault) record.fault = this.fault;
    if (this.page !== undefined) record.page = this.page;
    if (this.forceRefresh) record.forceRefresh = true;
    if (this.basicToken) record.basicToken = true;
    const note = this.basicToken ? basicTokenNote(this.errcode) : requestNote(this.rawPath, record.query, this.forceRefresh === true);
    if (note) record.note = note;
    return record;
  }
}

/**
 * The log as a ring of parallel arrays, one slot per request. Under load a request's entry outlived
 * every other object the request made: an entry object, a boxed time and two strings cut from the
 * URL, each copied by the young-generation GC and promoted, then dropped 5,000 requests later — about
 * a tenth of the /sns/auth path's CPU (issue 19). Here a request adds no object: its numbers go into
 * typed arrays, and its URL's characters are copied into the slot's cell of one buffer made at start
 * (a URL string kept in an array was still a young object promoted and dropped per request, plus a
 * remembered old-to-new pointer: about 1.5 µs of GC and write barrier per request in a perf profile
 * of the authorize redirect). A URL longer than a cell, or with characters beyond Latin-1 (node's
 * parser gives neither for what it parses), is kept as a string. Path and query are cut from the URL
 * again, by the same parseTarget, when the log is read.
 */
export class RequestLog {
  /** How many requests were ever recorded (since start or reset); entry n (1-based) is in slot (n - 1) % capacity. */
  total = 0;
  private readonly methods: string[];
  /**
   * The request target as sent (req.url; '' with a `paths` entry for a target that was not parsed):
   * Latin-1 characters at slot * URL_CELL_BYTES, urlLengths[slot] of them, or in longUrls[slot].
   */
  private readonly urlCells: Buffer;
  private readonly urlLengths: Int16Array;
  private readonly longUrls: Array<string | undefined>;
  /** Set only where the logged path is not parseTarget(url)'s: `(too long)` for a refused URL. */
  private readonly paths: Array<string | undefined>;
  private readonly statuses: Uint16Array;
  /** When the answer left. */
  private readonly times: Float64Array;
  /** When a request whose answer was held back (a `delay` fault) arrived; NaN: it left as it arrived. */
  private readonly arrivals: Float64Array;
  /** NaN: no errcode. */
  private readonly errcodes: Float64Array;
  private readonly rids: Array<string | undefined>;
  private readonly faults: Array<FaultKind | undefined>;
  /** An error page's message (a few fixed strings: no copy per request). */
  private readonly pages: Array<string | undefined>;
  /** 1: a stable_token call with force_refresh. */
  private readonly forced: Uint8Array;
  /** The appid a JSON body named (stable_token): the seed's own string for a seeded app, so a request adds no object. */
  private readonly bodyAppids: Array<string | undefined>;

  /**
   * `isBasicToken`: whether the emulator issued a token as a basic access_token, asked only when a /sns/
   * request that failed is read back (never on the request's own path).
   */
  constructor(
    readonly capacity = LOG_KEPT,
    private readonly isBasicToken: (token: string) => boolean = () => false,
    /** Masks the emulator's own secrets in a parameter's value, when an entry is read. */
    private readonly mask: ValueMask = (text) => text,
  ) {
    this.methods = new Array<string>(capacity).fill('');
    this.urlCells = Buffer.alloc(capacity * URL_CELL_BYTES);
    this.urlLengths = new Int16Array(capacity);
    this.longUrls = new Array<string | undefined>(capacity).fill(undefined);
    this.paths = new Array<string | undefined>(capacity).fill(undefined);
    this.statuses = new Uint16Array(capacity);
    this.times = new Float64Array(capacity);
    this.arrivals = new Float64Array(capacity);
    this.errcodes = new Float64Array(capacity);
    this.rids = new Array<string | undefined>(capacity).fill(undefined);
    this.faults = new Array<FaultKind | undefined>(capacity).fill(undefined);
    this.pages = new Array<string | undefined>(capacity).fill(undefined);
    this.forced = new Uint8Array(capacity);
    this.bodyAppids = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** How many entries are kept now. */
  get size(): number {
    return Math.min(this.total, this.capacity);
  }

  /** The number of the oldest entry kept (total + 1 when empty). */
  get first(): number {
    return this.total - this.size + 1;
  }

  /**
   * Record a request; its number. `path` only when it is not what parseTarget(url) gives. `at`: when its
   * answer left; `arrivedAt`: when it arrived, only for an answer held back; `bodyAppid`: the appid a JSON
   * body named (stable_token), which the URL does not carry.
   */
  add(method: string, url: string, path: string | undefined, status: number, at: number, errcode: number | undefined, rid: string | undefined, fault: FaultKind | undefined, page?: string, forceRefresh?: boolean, arrivedAt?: number, bodyAppid?: string): number {
    const slot = this.total % this.capacity;
    this.methods[slot] = method;
    if (url.length <= URL_CELL_BYTES && !BEYOND_LATIN1.test(url)) {
      this.urlLengths[slot] = this.urlCells.write(url, slot * URL_CELL_BYTES, 'latin1');
      if (this.longUrls[slot] !== undefined) this.longUrls[slot] = undefined;
    } else {
      this.urlLengths[slot] = URL_NOT_IN_CELL;
      this.longUrls[slot] = url;
    }
    this.paths[slot] = path;
    this.statuses[slot] = status;
    this.times[slot] = at;
    this.arrivals[slot] = arrivedAt ?? NaN;
    this.errcodes[slot] = errcode ?? NaN;
    this.rids[slot] = rid;
    this.faults[slot] = fault;
    this.pages[slot] = page;
    this.forced[slot] = forceRefresh === true ? 1 : 0;
    this.bodyAppids[slot] = bodyAppid;
    this.total += 1;
    return this.total;
  }

  /** Entry number `n`, or undefined when it is not (or no longer) kept. */
  get(n: number): LoggedRequest | undefined {
    if (!Number.isInteger(n) || n < this.first || n > this.total) return undefined;
    const slot = (n - 1) % this.capacity;
    const length = this.urlLengths[slot]!;
    const url = length === URL_NOT_IN_CELL ? this.longUrls[slot]! : this.urlCells.toString('latin1', slot * URL_CELL_BYTES, slot * URL_CELL_BYTES + length);
    const target = this.paths[slot] === undefined ? parseTarget(url) : undefined;
    const errcode = this.errcodes[slot]!;
    const path = this.paths[slot] ?? target?.pathname ?? url;
    const rawQuery = target?.rawQuery ?? '';
    // A user endpoint's refusal of a basic token: read back from the token sent, only for such a refusal.
    const basicToken = !Number.isNaN(errcode) && path.startsWith('/sns/') && this.isBasicToken(new URLSearchParams(rawQuery).get('access_token') ?? '');
    return new LoggedRequest(
      this.methods[slot]!,
      path,
      rawQuery,
      this.statuses[slot]!,
      this.times[slot]!,
      Number.isNaN(errcode) ? undefined : errcode,
      this.rids[slot],
      this.faults[slot],
      this.pages[slot],
      this.forced[slot] === 1,
      basicToken,
      this.mask,
      this.arrivals[slot]!,
      this.bodyAppids[slot],
    );
  }

  /** The entries numbered `from` (at least the oldest kept) to the last, oldest first. */
  entries(from = 1): LoggedRequest[] {
    const out: LoggedRequest[] = [];
    for (let n = Math.max(from, this.first); n <= this.total; n++) out.push(this.get(n)!);
    return out;
  }
}

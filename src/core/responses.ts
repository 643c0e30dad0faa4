// Narrowing WeChat's raw bodies. WeChat reports failures as HTTP 200 with errcode/errmsg in the body
// (API-FACTS §0.1): any non-zero errcode is an error, whatever the HTTP status or Content-Type.
// Masking secrets in what is shown lives in ./secrets.ts.

// errmsg suffixes (API-FACTS §0.4) live in ./errmsg.ts.
import { extractRid } from './errmsg.js';
import { CREDENTIAL_CHAR } from './validate.js';

/** The `lang` parameter of /sns/userinfo and /cgi-bin/user/info: the language of country/province/city (API-FACTS §7; /cgi-bin/user/info takes the same values). */
export type UserinfoLang = 'zh_CN' | 'zh_TW' | 'en';

export interface ErrorBody {
  errcode: number;
  errmsg: string;
  rid?: string;
}

/** The errcode/errmsg of a parsed body when errcode ≠ 0 (errcode may arrive as a string). */
export function readErrorBody(body: unknown): ErrorBody | undefined {
  if (typeof body !== 'object' || body === null || !('errcode' in body)) return undefined;
  const raw = (body as { errcode: unknown }).errcode;
  const errcode = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (Number.isNaN(errcode) || errcode === 0) return undefined;
  const errmsgRaw = (body as { errmsg?: unknown }).errmsg;
  const errmsg = typeof errmsgRaw === 'string' ? errmsgRaw : '';
  return { errcode, errmsg, rid: extractRid(errmsg) };
}

/**
 * An errcode no WeChat answer has: a number (or numeric string) that is not a whole number, such as
 * 40001.5, or 1e400 (JSON for Infinity). Said as a problem of the answer, never reported as
 * "errcode Infinity" nor, through /sns/auth's errcode check, taken for a success.
 */
export function oddErrcode(body: unknown): ShapeProblem | undefined {
  if (!isRecord(body) || !('errcode' in body)) return undefined;
  const raw = body.errcode;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(\.\d*)?(e[+-]?\d+)?$/i.test(raw.trim()) ? Number(raw) : undefined;
  if (n === undefined || Number.isSafeInteger(n)) return undefined;
  return { kind: 'errcode', value: n };
}

// ---------------------------------------------------------------------------------------------
// Narrowing success bodies. A 200 answer without errcode is still only WeChat's if it has the shape
// its docs give (API-FACTS §4–§13): anything else (a token that is an object, rid/get without
// `request`) is reported as an answer wxauth cannot use, never cached and never printed as
// `[object Object]`. Types mirror WeChat's wire names.
// ---------------------------------------------------------------------------------------------

export type Narrowed<T> = { ok: true; value: T } | { ok: false; problems: ShapeProblem[] };

/** A value's JSON type, as a problem names what was found (never its content: it may be a secret). */
/** `too_large_number`: JSON's 1e400 or -1e400, which parse as ±Infinity ("a number, not a number" said nothing). */
export type ValueKind = 'null' | 'array' | 'object' | 'string' | 'number' | 'too_large_number' | 'boolean';
/** What a list's items should be. */
export type ListItems = 'numbers' | 'strings' | 'ip_addresses';
/** What a field should be. */
export type Expected = 'string' | 'non_empty_string' | 'number' | 'object' | `list_of_${ListItems}`;

/**
 * One way an answer differs from WeChat's docs, as data: the UI says it in the user's language
 * (http/client.ts turns a list of them into the catalogue's words). `field` is the path in the body
 * (`request.request_body`).
 */
export type ShapeProblem =
  /** The body is JSON, but not an object. */
  | { kind: 'not_object' }
  /** Absent, or an empty string where WeChat's is never empty. */
  | { kind: 'missing'; field: string }
  | { kind: 'type'; field: string; expected: Expected; found: ValueKind }
  /** A lifetime in seconds outside 1 s … `max`. */
  | { kind: 'lifetime'; field: string; value: number; max: number }
  /** `field[index]` is not what the list holds. */
  | { kind: 'item'; field: string; index: number; found: ValueKind; items: ListItems }
  /** `field[index]` is a string but no IP address or CIDR block. */
  | { kind: 'not_ip'; field: string; index: number }
  /** An errcode that is no whole number (see oddErrcode). */
  | { kind: 'errcode'; value: number }
  /**
   * A token or ticket with a character WeChat's never have (FieldReader.credential): the first such
   * character and its place (1-based, in characters); never the value, which is a secret.
   */
  | { kind: 'alphabet'; field: string; position: number; char: string };

/**
 * A body that is JSON but for a byte-order mark before it (which JSON.parse refuses: a relay's file saved
 * as UTF-8 with BOM). The API client's refusal and the proxy's label say it by this one test.
 */
export function isJsonBehindBom(text: string): boolean {
  if (!text.startsWith('\ufeff')) return false;
  try {
    JSON.parse(text.slice(1));
    return true;
  } catch {
    return false;
  }
}

/**
 * A page (not JSON) that says the server is busy: WeChat's gateways answer an overload with HTML such
 * as 「系统繁忙」/「请稍后再试」 instead of the -1 body (the emulator's `garbage` fault is one). A moment
 * later the call goes through: nothing is wrong with the base it came from.
 */
export function isBusyPage(text: string): boolean {
  return /系统繁忙|服务繁忙|请稍[后候]再试|稍[后候]重试|\b(?:service|system|server)\s+(?:is\s+)?busy\b/i.test(text);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How a value is described in a problem: its JSON type, never its content (it may be a secret). */
export function kindOf(v: unknown): ValueKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'number' && !Number.isFinite(v)) return 'too_large_number';
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

/** A number WeChat may send as a number or a numeric string. */
export function readNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** The longest `expires_in` taken as a lifetime: a year (WeChat's are at most 7200 s). */
export const MAX_LIFETIME_S = 366 * 24 * 3600;

/** Reads the fields of one object, collecting what does not match the docs. */
export class FieldReader {
  constructor(
    private readonly record: Record<string, unknown>,
    /** `request.` for the fields of a nested object. */
    private readonly where = '',
    /** Shared with the readers of nested objects, so one list says everything that is off. */
    readonly problems: ShapeProblem[] = [],
  ) {}

  private wrong(name: string, expected: Expected, value: unknown): undefined {
    const field = this.where + name;
    this.problems.push(value === undefined ? { kind: 'missing', field } : { kind: 'type', field, expected, found: kindOf(value) });
    return undefined;
  }

  string(name: string, options: { nonEmpty?: boolean } = {}): string | undefined {
    const v = this.record[name];
    if (typeof v === 'string' && (!options.nonEmpty || v !== '')) return v;
    return this.wrong(name, options.nonEmpty ? 'non_empty_string' : 'string', v === '' ? undefined : v);
  }

  /**
   * A credential or id WeChat issues (an access_token, a refresh_token, a jsapi_ticket, an openid, a
   * unionid): a non-empty string of letters, digits, - and _ only. Every one WeChat's docs and observed
   * answers show is (basic and user tokens `NN_…`, openids and unionids 28 characters of base64url,
   * API-FACTS §0.5; tickets 86 characters of base64url, JSSDK-FACTS §1.1; the docs' placeholders such as
   * ACCESS_TOKEN and OPENID too), and so is the emulator's. Only the alphabet is checked, not the length
   * or a prefix: mocks issue `mock-openid-1` or `ACCESS_TOKEN`. Anything else (an ESC sequence, a bidi
   * override, a space from a gateway, a `/`) is no answer of WeChat's: cached, it would be printed, signed
   * or sent for hours, an openid put in the commands wxauth prints to be copied, and `--ticket` already
   * refuses such a string.
   */
  credential(name: string): string | undefined {
    const value = this.string(name, { nonEmpty: true });
    return value === undefined ? undefined : this.inAlphabet(name, value);
  }

  /**
   * A credential or id WeChat may leave out (a user's refresh_token, a unionid): absent or empty reads as
   * not given, as it always has; any other value is checked as credential() checks one.
   */
  optionalCredential(name: string): string | undefined {
    const v = this.record[name];
    if (v === undefined || v === '') return undefined;
    const value = this.string(name);
    return value === undefined ? undefined : this.inAlphabet(name, value);
  }

  private inAlphabet(name: string, value: string): string | undefined {
    const chars = Array.from(value);
    const at = chars.findIndex((ch) => !CREDENTIAL_CHAR.test(ch));
    if (at === -1) return value;
    this.problems.push({ kind: 'alphabet', field: this.where + name, position: at + 1, char: chars[at]! });
    return undefined;
  }

  optionalString(name: string): string | undefined {
    return this.record[name] === undefined ? undefined : this.string(name);
  }

  number(name: string): number | undefined {
    const v = this.record[name];
    return readNumber(v) ?? this.wrong(name, 'number', v);
  }

  optionalNumber(name: string): number | undefined {
    return this.record[name] === undefined ? undefined : this.number(name);
  }

  /**
   * A lifetime in seconds (`expires_in`), absent → `fallback` (WeChat's documented 7200). WeChat's are
   * "within 7200 s" (API-FACTS §8); anything not in 1 s … a year is not WeChat's and would be cached as
   * a deadline no date can hold (1e300 s made every later `tokens` an internal error) or as already gone.
   */
  lifetime(name: string, fallback: number): number {
    const v = this.record[name];
    if (v === undefined) return fallback;
    const n = this.number(name);
    if (n === undefined) return fallback;
    if (n >= 1 && n <= MAX_LIFETIME_S) return n;
    this.problems.push({ kind: 'lifetime', field: this.where + name, value: n, max: MAX_LIFETIME_S });
    return fallback;
  }

  object(name: string): FieldReader | undefined {
    const v = this.record[name];
    return isRecord(v) ? this.nested(name, v) : this.wrong(name, 'object', v);
  }

  optionalObject(name: string): FieldReader | undefined {
    return this.record[name] === undefined ? undefined : this.object(name);
  }

  list<T>(name: string, item: (v: unknown) => T | undefined, items: ListItems): T[] | undefined {
    const v = this.record[name];
    if (!Array.isArray(v)) return this.wrong(name, `list_of_${items}`, v);
    const read = v.map(item);
    const bad = read.findIndex((i) => i === undefined);
    if (bad === -1) return read as T[];
    this.problems.push({ kind: 'item', field: this.where + name, index: bad, found: kindOf(v[bad]), items });
    return undefined;
  }

  optionalList<T>(name: string, item: (v: unknown) => T | undefined, items: ListItems): T[] | undefined {
    return this.record[name] === undefined ? undefined : this.list(name, item, items);
  }

  private nested(name: string, record: Record<string, unknown>): FieldReader {
    return new FieldReader(record, `${this.where}${name}.`, this.problems);
  }

  done<T>(value: () => T): Narrowed<T> {
    return this.problems.length > 0 ? { ok: false, problems: this.problems } : { ok: true, value: value() };
  }
}

/** Start narrowing a body: it must be a JSON object. */
export function readFields(body: unknown): FieldReader | undefined {
  return isRecord(body) ? new FieldReader(body) : undefined;
}

/** What a narrower answers for a body that is not a JSON object. */
export const NOT_AN_OBJECT: { ok: false; problems: ShapeProblem[] } = { ok: false, problems: [{ kind: 'not_object' }] };

/** GET /cgi-bin/token and POST /cgi-bin/stable_token (§8, §9). */
export interface BasicTokenResponse {
  access_token: string;
  /** Seconds left (a stable token may be handed out mid-life); 7200 when WeChat leaves it out. */
  expires_in: number;
}

export function readBasicTokenBody(body: unknown): Narrowed<BasicTokenResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  const access_token = f.credential('access_token');
  const expires_in = f.lifetime('expires_in', 7200);
  return f.done(() => ({ access_token: access_token as string, expires_in }));
}

/** `{"errcode":0,"errmsg":"ok"}`: /sns/auth (§6) and /cgi-bin/clear_quota (§12). */
export interface OkResponse {
  errcode: number;
  errmsg: string;
}

/** A body whose only news is errcode 0 (errcode ≠ 0 was already turned into an error). */
export function readOkBody(body: unknown): Narrowed<OkResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  const errcode = f.number('errcode');
  const errmsg = f.optionalString('errmsg');
  return f.done(() => ({ errcode: errcode as number, errmsg: errmsg ?? '' }));
}

/** GET /cgi-bin/user/info: with subscribe 0 only openid (and unionid when bound) come back. */
export interface CgiUserInfoResponse {
  subscribe: number;
  openid: string;
  language?: string;
  subscribe_time?: number;
  unionid?: string;
  remark?: string;
  groupid?: number;
  tagid_list?: number[];
  subscribe_scene?: string;
  qr_scene?: number;
  qr_scene_str?: string;
}

const asNumber = (v: unknown) => readNumber(v);

export function readCgiUserInfoBody(body: unknown): Narrowed<CgiUserInfoResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  // openid and unionid as a user token answer's are read (FieldReader.credential): one with an ESC, a NUL
  // or a `/` is none of WeChat's, and the openid is put in commands wxauth prints to be copied.
  const known = {
    subscribe: f.number('subscribe'),
    openid: f.credential('openid'),
    language: f.optionalString('language'),
    subscribe_time: f.optionalNumber('subscribe_time'),
    unionid: f.optionalCredential('unionid'),
    remark: f.optionalString('remark'),
    groupid: f.optionalNumber('groupid'),
    tagid_list: f.optionalList('tagid_list', asNumber, 'numbers'),
    subscribe_scene: f.optionalString('subscribe_scene'),
    qr_scene: f.optionalNumber('qr_scene'),
    qr_scene_str: f.optionalString('qr_scene_str'),
  };
  // Fields WeChat may add later are kept (the --json document shows them); the known ones as read.
  return f.done(() => ({ ...(body as Record<string, unknown>), ...withoutUndefined(known) }) as CgiUserInfoResponse);
}

/** POST /cgi-bin/openapi/quota/get (§10). */
export interface QuotaGetResponse {
  errcode: number;
  errmsg: string;
  quota: { daily_limit: number; used: number; remain: number };
  rate_limit?: { call_count: number; refresh_second: number };
  component_rate_limit?: { call_count: number; refresh_second: number };
}

function readRate(f: FieldReader | undefined): { call_count: number; refresh_second: number } | undefined {
  if (!f) return undefined;
  const call_count = f.number('call_count');
  const refresh_second = f.number('refresh_second');
  return call_count === undefined || refresh_second === undefined ? undefined : { call_count, refresh_second };
}

export function readQuotaGetBody(body: unknown): Narrowed<QuotaGetResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  const errmsg = f.optionalString('errmsg');
  const q = f.object('quota');
  const quota = q && { daily_limit: q.number('daily_limit'), used: q.number('used'), remain: q.number('remain') };
  const rate_limit = readRate(f.optionalObject('rate_limit'));
  const component_rate_limit = readRate(f.optionalObject('component_rate_limit'));
  return f.done(() => ({
    errcode: 0,
    errmsg: errmsg ?? 'ok',
    quota: quota as QuotaGetResponse['quota'],
    ...(rate_limit ? { rate_limit } : {}),
    ...(component_rate_limit ? { component_rate_limit } : {}),
  }));
}

/** POST /cgi-bin/openapi/rid/get (§11). */
export interface RidGetResponse {
  errcode: number;
  errmsg: string;
  request: {
    invoke_time: number;
    cost_in_ms: number;
    /** The query string only, credentials shortened by WeChat (`access_token=50_Im7xxxx`). */
    request_url: string;
    /** The request's body as text (JSON inside this JSON string). */
    request_body: string;
    /** The request's answer as text. */
    response_body: string;
    client_ip: string;
  };
}

export function readRidGetBody(body: unknown): Narrowed<RidGetResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  const errmsg = f.optionalString('errmsg');
  const r = f.object('request');
  const request = r && {
    invoke_time: r.number('invoke_time'),
    cost_in_ms: r.number('cost_in_ms'),
    request_url: r.string('request_url'),
    request_body: r.string('request_body'),
    response_body: r.string('response_body'),
    client_ip: r.string('client_ip'),
  };
  return f.done(() => ({ errcode: 0, errmsg: errmsg ?? 'ok', request: request as RidGetResponse['request'] }));
}

/** GET /cgi-bin/get_api_domain_ip (§13). */
export interface ApiDomainIpResponse {
  ip_list: string[];
}

/** An IPv4 address: four numbers of 0-255. */
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv6 address (groups of hex, at most one `::`, an IPv4 tail allowed), by its groups' count. */
function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const parts = halves.flatMap(groups);
  const tail = parts.length > 0 && parts[parts.length - 1]!.includes('.') ? parts.pop()! : undefined;
  // The dotted tail ends the address (::ffff:1.2.3.4), never before a `::` (1.2.3.4:: is no address).
  if (tail !== undefined && (!IPV4.test(tail) || !text.endsWith(tail))) return false;
  if (!parts.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = parts.length + (tail !== undefined ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** An IPv4 or IPv6 address, or a CIDR block of one (WeChat's IP lists use both forms). */
function isIpEntry(entry: string): boolean {
  const slash = entry.indexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const bits = slash === -1 ? undefined : entry.slice(slash + 1);
  const v4 = IPV4.test(address);
  if (!v4 && !isIpv6(address)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v4 ? 32 : 128));
}

/**
 * Each entry must look like an address: `domains` prints them one a line for firewall rules
 * (`wxauth domains | xargs …`), so a word or an escape sequence from a gateway is refused, not listed as an IP.
 */
export function readApiDomainIpBody(body: unknown): Narrowed<ApiDomainIpResponse> {
  const f = readFields(body);
  if (!f) return NOT_AN_OBJECT;
  const ip_list = f.list('ip_list', (v) => (typeof v === 'string' && v !== '' ? v : undefined), 'ip_addresses');
  const bad = ip_list?.findIndex((ip) => !isIpEntry(ip)) ?? -1;
  if (bad !== -1) f.problems.push({ kind: 'not_ip', field: 'ip_list', index: bad });
  return f.done(() => ({ ip_list: ip_list as string[] }));
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

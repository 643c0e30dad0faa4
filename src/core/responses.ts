// Narrowing WeChat's raw bodies. WeChat reports failures as HTTP 200 with errcode/errmsg in the body
// (API-FACTS §0.1): any non-zero errcode is an error, whatever the HTTP status or Content-Type.

// ---------------------------------------------------------------------------------------------
// errmsg suffixes. WeChat appends a request id to errmsg; the shape changed over the years
// (API-FACTS §0.4):
//   2021 → now   "invalid code, rid: 649e76e7-618a82cc-31b5e199"   (sns: comma + space)
//                "invalid appsecret rid: 67b81456-7702e5f9-2c9e1783" (cgi-bin: space only)
//   ≤ 2021 sns   "code been used, hints: [ req_id: zp1Bma0037uth6 ]"
//   ≤ 2020 cgi   "access_token expired hint: [axr1DA07251187!]"
//   WeCom        "invalid credential, hint: [1564735853_5_d1d5…], from ip: 1.2.3.4, more info at …"
// ---------------------------------------------------------------------------------------------

const RID_RE = /(?:^|[\s,;])rid\s*[:：]\s*([A-Za-z0-9][A-Za-z0-9_.-]*)/g;
const HINT_RE = /hints?\s*[:：]\s*\[\s*(?:req_id\s*[:：]\s*)?([^\]\s]+)\s*\]/g;

function lastMatch(re: RegExp, text: string): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(re)) found = m[1];
  return found;
}

/**
 * The request id WeChat put in an errmsg, in any of its eras: `, rid: …`, ` rid: …`,
 * `hints: [ req_id: … ]`, `hint: [xxx]`. The last one wins (`rid not found, please check rid: x`).
 * A trailing `!` (seen on 2019-era cgi-bin hints) and trailing punctuation are dropped.
 */
export function extractRid(errmsg: string): string | undefined {
  const rid = lastMatch(RID_RE, errmsg) ?? lastMatch(HINT_RE, errmsg);
  if (rid === undefined) return undefined;
  const cleaned = rid.replace(/[!.,;]+$/, '');
  return cleaned === '' ? undefined : cleaned;
}

/**
 * errmsg without its request-id suffix (`invalid code, rid: …` → `invalid code`). Text WeChat adds
 * that carries meaning (`could get access_token by getStableAccessToken, …`) is kept.
 */
export function stripErrmsgSuffix(errmsg: string): string {
  return errmsg
    .replace(/[\s,;]*\brid\s*[:：]\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*$/, '')
    .replace(/[\s,;]*\bhints?\s*[:：]\s*\[[^\]]*\]\s*(?=$|,)/, '')
    .trim();
}

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

/** Query parameter and JSON field names whose values are secrets in WeChat's APIs. */
export const SECRET_NAMES = ['secret', 'appsecret', 'access_token', 'refresh_token', 'code', 'component_access_token'];

const NAME_ALTERNATION = SECRET_NAMES.join('|');

/** Hide secret values in a URL's query string: `secret=***`. */
export function redactUrl(url: string): string {
  return url.replace(/([?&])([^=&#]+)=([^&#]*)/g, (whole, sep: string, name: string, value: string) =>
    SECRET_NAMES.includes(decodeURIComponentSafe(name)) && value !== '' ? `${sep}${name}=${redactValue(value)}` : whole,
  );
}

/**
 * `"secret":"…"` in JSON, and the same inside a JSON string at any depth (`\"secret\":\"…\"`):
 * rid/get returns the looked-up request_body as JSON inside a JSON string (API-FACTS §11), so a
 * pattern that only knows plain JSON lets the appsecret of a stable_token call through.
 */
const JSON_FIELD_RE = new RegExp(`(\\\\*)"(${NAME_ALTERNATION})\\1"(\\s*:\\s*)\\1"((?:(?!\\1")[^"])*)\\1"`, 'g');

/** Hide secret values inside a JSON text (request or response body), nested JSON strings included. */
export function redactJsonText(text: string): string {
  return text.replace(JSON_FIELD_RE, (whole, bs: string, name: string, colon: string, value: string) =>
    value === '' ? whole : `${bs}"${name}${bs}"${colon}${bs}"${redactValue(value)}${bs}"`,
  );
}

/** `secret=…` after `?` or `&` anywhere in a text: a proxy or WAF page quoting the request line. */
const QUERY_FIELD_RE = new RegExp(`([?&](?:amp;)?)(${NAME_ALTERNATION})=([^&#\\s"'<>\\\\]+)`, 'g');

/**
 * Hide secrets by name in any text WeChat (or something in between) sent: JSON fields, JSON nested in
 * strings, and query parameters quoted in an HTML error page.
 */
export function redactText(text: string): string {
  return redactJsonText(text).replace(QUERY_FIELD_RE, (_w, sep: string, name: string, value: string) => `${sep}${name}=${redactValue(value)}`);
}

/** Keep a short prefix so two tokens can still be told apart in a trace. */
export function redactValue(value: string): string {
  if (value.length <= 8) return '***';
  return `${value.slice(0, 4)}***`;
}

/**
 * Shorter values are not masked by value: a one-letter "secret" would mask every such letter. Real
 * ones are far longer (appsecret 32, code 32, tokens 100+ characters, API-FACTS §0.5).
 */
export const MIN_SECRET_LENGTH = 6;

/** The spellings a value takes in a URL query, in JSON and in JSON nested in a JSON string. */
function spellings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const nested = JSON.stringify(json).slice(1, -1);
  return [...new Set([value, encodeURIComponent(value), json, nested])];
}

/**
 * Mask every occurrence of each value, whatever surrounds it (redaction by name misses a secret
 * quoted in an errmsg, an HTML page or an escaped JSON string). Longest values first, so a value
 * that contains another is masked whole.
 */
export function maskSecretValues(text: string, values: Iterable<string>): string {
  const sorted = [...values].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  let masked = text;
  for (const value of sorted) {
    const replacement = redactValue(value);
    for (const spelling of spellings(value)) {
      if (masked.includes(spelling)) masked = masked.split(spelling).join(replacement);
    }
  }
  return masked;
}

/**
 * The secret values one run knows: the appsecret it resolved, the codes and tokens it sent or
 * received, the tokens its cache holds. Whatever shows text that came from outside (traces, errmsg,
 * error reports) masks them here unless the user asked for --show-secrets.
 */
export class KnownSecrets {
  private readonly values = new Set<string>();

  /** Remember values (non-strings and short strings are ignored). */
  add(...values: unknown[]): void {
    for (const value of values) if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) this.values.add(value);
  }

  /** Remember the values of the secret-named fields of an object (a request body, a token answer). */
  addFields(record: unknown): void {
    if (typeof record !== 'object' || record === null) return;
    for (const name of SECRET_NAMES) this.add((record as Record<string, unknown>)[name]);
  }

  get size(): number {
    return this.values.size;
  }

  /** Only the values this run knows. */
  mask(text: string): string {
    return maskSecretValues(text, this.values);
  }

  /** Secrets by name (JSON, nested JSON, query parameters), then every known value. */
  redact(text: string): string {
    return this.mask(redactText(text));
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}


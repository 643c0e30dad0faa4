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

/** Hide secret values in a URL's query string: `secret=***`. */
export function redactUrl(url: string): string {
  return url.replace(/([?&])([^=&#]+)=([^&#]*)/g, (whole, sep: string, name: string, value: string) =>
    SECRET_NAMES.includes(decodeURIComponentSafe(name)) && value !== '' ? `${sep}${name}=${redactValue(value)}` : whole,
  );
}

/** Hide secret values inside a JSON text (request or response body). */
export function redactJsonText(text: string): string {
  return text.replace(/"(secret|appsecret|access_token|refresh_token|code)"(\s*:\s*)"([^"]*)"/g, (_w, name: string, colon: string, value: string) =>
    `"${name}"${colon}"${redactValue(value)}"`,
  );
}

/** Keep a short prefix so two tokens can still be told apart in a trace. */
export function redactValue(value: string): string {
  if (value.length <= 8) return '***';
  return `${value.slice(0, 4)}***`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// Narrowing WeChat's raw bodies. WeChat reports failures as HTTP 200 with errcode/errmsg in the body
// (API-FACTS §0.1): any non-zero errcode is an error, whatever the HTTP status or Content-Type.

/**
 * The request id WeChat appends to errmsg, in every era's shape (API-FACTS §0.4):
 * `…, rid: 6357a1b2-0a1b2c3d-4e5f6a7b`, `… rid: …`, `…, hints: [ req_id: zp1Bma0037uth6 ]`, `… hint: [KJZfAa0644e575]`.
 */
export function extractRid(errmsg: string): string | undefined {
  const rid = /\brid:\s*([0-9A-Za-z][0-9A-Za-z_.!-]*)/.exec(errmsg);
  if (rid?.[1]) return rid[1];
  const reqId = /hints?:\s*\[\s*(?:req_id:\s*)?([^\]\s]+)\s*\]/.exec(errmsg);
  return reqId?.[1];
}

/** errmsg without the request-id suffix, for matching and display ("invalid code"). */
export function stripRid(errmsg: string): string {
  return errmsg
    .replace(/,?\s*rid:\s*\S+\s*$/, '')
    .replace(/,?\s*hints?:\s*\[[^\]]*\]\s*$/, '')
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

// The errcode knowledge base: WeChat's errcode table (1,916 codes, copied with provenance into
// ./data, see ./data/SOURCES.md), the WeCom table, and hand-written causes and fixes for the
// web-authorization flow (./errcode-knowledge.ts). Pure: no fs, no network, no process.

export type Stage = 'authorize' | 'token' | 'userinfo' | 'basic-token' | 'quota' | 'any' | string;

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ParsedErrorBody {
  errcode: number;
  errmsg: string;
  rid?: string;
  ip?: string;
  ipv6?: string;
  host?: 'qyapi' | 'api';
}

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

// IPv4, or an IPv6 literal (which includes the IPv4-mapped form ::ffff:1.2.3.4).
const IP_TOKEN = '([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]+)';
const INVALID_IP_RE = new RegExp(`invalid\\s+ip\\s+${IP_TOKEN}(?:\\s*,?\\s*ipv6\\s+${IP_TOKEN})?`, 'i');
const FROM_IP_RE = new RegExp(`from\\s+ip\\s*[:：]\\s*${IP_TOKEN}`, 'i');

function extractIps(errmsg: string): { ip?: string; ipv6?: string } {
  const m = INVALID_IP_RE.exec(errmsg) ?? FROM_IP_RE.exec(errmsg);
  if (!m) return {};
  const first = m[1];
  const second = m[2];
  if (first !== undefined && first.includes(':') && second === undefined) {
    // Only an IPv6 address; if it is IPv4-mapped, the IPv4 inside is what the whitelist wants.
    const mapped = /^::ffff:([0-9]{1,3}(?:\.[0-9]{1,3}){3})$/i.exec(first);
    return mapped ? { ip: mapped[1], ipv6: first } : { ipv6: first };
  }
  return { ip: first, ...(second !== undefined ? { ipv6: second } : {}) };
}

function detectHost(text: string, errmsg: string): 'qyapi' | 'api' | undefined {
  // WeCom's errmsg points at its own lookup tool: "more info at https://open.work.weixin.qq.com/devtool/query?e=…".
  if (/qyapi\.weixin\.qq\.com|open\.work\.weixin\.qq\.com|work\.weixin\.qq\.com/i.test(text + ' ' + errmsg)) {
    return 'qyapi';
  }
  if (/\bapi2?\.weixin\.qq\.com|\b(?:sh|sz|hk)\.api\.weixin\.qq\.com/i.test(text)) return 'api';
  return undefined;
}

function unescapeLoose(s: string): string {
  return s.replace(/\\(["'\\/])/g, '$1').replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function toErrcode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value.trim());
  return undefined;
}

/**
 * A WeChat error body pasted by a user, tolerantly: surrounding text (curl output, log lines),
 * extra whitespace and newlines, errcode as a string, single quotes or unquoted keys (a JS object
 * printed by console.log), both errmsg suffix eras. Undefined when the text carries no errcode.
 */
export function parseErrorBody(text: string): ParsedErrorBody | undefined {
  let errcode: number | undefined;
  let errmsg: string | undefined;

  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start !== -1 && end > start) {
    try {
      const parsed: unknown = JSON.parse(text.slice(start, end + 1));
      if (parsed !== null && typeof parsed === 'object') {
        const body = parsed as Record<string, unknown>;
        errcode = toErrcode(body.errcode);
        if (typeof body.errmsg === 'string') errmsg = body.errmsg;
      }
    } catch {
      // Not strict JSON: fall through to the loose reading below.
    }
  }
  if (errcode === undefined) {
    const code = /["']?errcode["']?\s*[:=]\s*["']?\s*(-?\d+)/i.exec(text);
    if (code?.[1] !== undefined) errcode = Number(code[1]);
  }
  if (errcode === undefined) return undefined;
  if (errmsg === undefined) {
    const msg =
      /["']?errmsg["']?\s*[:=]\s*"((?:[^"\\]|\\.)*)"/i.exec(text) ??
      /["']?errmsg["']?\s*[:=]\s*'((?:[^'\\]|\\.)*)'/i.exec(text) ??
      /["']?errmsg["']?\s*[:=]\s*([^,}\n]*)/i.exec(text);
    errmsg = msg?.[1] !== undefined ? unescapeLoose(msg[1]).trim() : '';
  }

  const result: ParsedErrorBody = { errcode, errmsg };
  const rid = extractRid(errmsg);
  if (rid !== undefined) result.rid = rid;
  Object.assign(result, extractIps(errmsg));
  const host = detectHost(text, errmsg);
  if (host !== undefined) result.host = host;
  return result;
}

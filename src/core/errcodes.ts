// The errcode knowledge base: WeChat's errcode table (1,916 codes, copied with provenance into
// ./data, see ./data/SOURCES.md), the WeCom table (both read through ./errcode-tables.ts), and
// hand-written causes and fixes for the web-authorization flow (./errcode-knowledge.ts). Pure: no fs,
// no network, no process.

import { errcodeTable, knowledgeTable, type ErrcodeTable, type KnowledgeTable, type TableRow } from './errcode-tables.js';
import { DOC, PAGES, type KnowledgeEntry, type KnowledgeItem, type PageEntry } from './errcode-knowledge.js';

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
  /** A WeChat path found in the pasted text (e.g. from a curl line), such as `/sns/userinfo`. */
  endpoint?: string;
}

// The errmsg suffix parsers live in ./errmsg.ts (the HTTP client and errors.ts need them without this table).
export { extractRid, stripErrmsgSuffix } from './errmsg.js';
import { extractRid, stripErrmsgSuffix } from './errmsg.js';
import { PATHS, isTokenEndpoint } from './endpoints.js';

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

// WeCom's hosts (its errmsg points at its own lookup tool: "more info at https://open.work.weixin.qq.com/devtool/query?e=…"),
// and WeChat's API hosts. open.weixin.qq.com is neither: WeCom's web authorization uses it too.
const WECOM_HOST_RE = /qyapi\.weixin\.qq\.com|open\.work\.weixin\.qq\.com|work\.weixin\.qq\.com/i;
const WECHAT_HOST_RE = /\bapi2?\.weixin\.qq\.com|\b(?:sh|sz|hk)\.api\.weixin\.qq\.com/i;

function detectHost(text: string, errmsg: string): 'qyapi' | 'api' | undefined {
  if (WECOM_HOST_RE.test(text + ' ' + errmsg)) return 'qyapi';
  if (WECHAT_HOST_RE.test(text)) return 'api';
  return undefined;
}

/**
 * The one host family a text names (`> Host: qyapi.weixin.qq.com` in curl -v output, a URL in a log line),
 * anywhere in it; undefined when it names none, or both WeCom's and WeChat's.
 */
export function hostFamilyOf(text: string): 'qyapi' | 'api' | undefined {
  const wecom = WECOM_HOST_RE.test(text);
  const wechat = WECHAT_HOST_RE.test(text);
  return wecom === wechat ? undefined : wecom ? 'qyapi' : 'api';
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
 * A log line with words before the code (`Error: wechat 40163 code been used, rid: …`, `获取token失败
 * 40001`): the first number standing on its own that the table knows (five or six digits, or -1), with
 * the words after it as its errmsg. Only in a line that reads as an error (an error word, or the code's
 * own errmsg after it): "listening on port 45009" or "took 40001 ms" are not errcodes. Numbers inside
 * a rid, a time or an address, after port/pid/id…, or before a unit, are not read.
 */
export function knownCodeInLine(text: string, wecom: boolean): ParsedErrorBody | undefined {
  const table = tableOf(wecom);
  // Words of a line about a WeChat call's failure (also "返回 40001" and a line naming an API or a token),
  // so a number in it is read as an errcode; other numbers need their errmsg after them.
  const errorLine = /error|errmsg|errcode|\berr\b|fail|exception|wechat|weixin|微信|失败|错误|异常|报错|返回|\/cgi-bin\/|\/sns\/|access_?token|ticket|oauth/i.test(text);
  for (const m of text.matchAll(/(?<![\w.\-/])(?<!\w:)(-1|[1-9]\d{4,5})(?![\w.\-/])/g)) {
    const code = Number(m[1]);
    const row = table.get(code);
    if (!row) continue;
    const at = m.index ?? 0;
    const after = text.slice(at + m[0].length);
    if (/(?:\b(?:port|pid|id|uid|user|index|line|took|size|length)|端口)\s*[:：=#]?\s*$/i.test(text.slice(0, at))) continue;
    // A unit or a count after it ("2 s", "40003 条"): a quantity, not a code.
    if (/^\s*(?:ms|s|sec|secs|seconds|秒|毫秒|bytes?|kb|mb|%|条|个|次|行|人|项|位|份|元)(?![a-z])/i.test(after)) continue;
    const rest = after.replace(/^[\s,，:：;；)）\]】"'.。!！-]+/, '').trim();
    const ownWords = row.en !== '' && rest.toLowerCase().startsWith(row.en.toLowerCase().split(/[,，]/)[0]!.trim());
    if (!errorLine && !ownWords) continue;
    return bodyOf(code, rest);
  }
  return undefined;
}

/** The errcode table the input is read against: WeCom's with --wecom, else WeChat's. */
function tableOf(wecom: boolean): ErrcodeTable {
  return wecom ? tables().wecom : tables().wechat;
}

/** An errcode with its errmsg, and what the errmsg carries: the request id, the caller's IP. */
function bodyOf(errcode: number, errmsg: string): ParsedErrorBody {
  const result: ParsedErrorBody = { errcode, errmsg };
  const rid = extractRid(errmsg);
  if (rid !== undefined) result.rid = rid;
  Object.assign(result, extractIps(errmsg));
  return result;
}

/**
 * A code followed by its words, as log lines and posts write it: `40163 code been used`, `40029,invalid
 * code`, `-1 system error`, `40001: invalid credential, rid: …`. Undefined when the words start with a
 * digit or a sign (a list of codes is CODE_LIST_RE's), or when a short number is not a code the table
 * knows ("2 次" is a phrase to search, not errcode 2).
 */
function parseCodeAndMessage(text: string, wecom: boolean): ParsedErrorBody | undefined {
  const m = /^\s*([+-]?\d{1,7})(?:\s*[,，:：;；]\s*|\s+)(?![\d+-])(\S[\s\S]*)$/.exec(text);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  const code = Number(m[1]);
  if (m[1].replace(/^[+-]/, '').length < 5 && !tableOf(wecom).has(code)) return undefined;
  return bodyOf(code, m[2].trim());
}

/**
 * The code of an errmsg WeChat writes with a variable part, pasted without its errcode (API-FACTS §8:
 * `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: …`; 40125's
 * `invalid appsecret, view more at http://t.cn/RAEkdVq`).
 */
function errmsgShape(text: string): number | undefined {
  const t = text.trim();
  if (/^invalid ip\b[\s\S]*\bnot in whitelist\b/i.test(t)) return 40164;
  if (/^invalid appsecret\b/i.test(t)) return 40125;
  return undefined;
}

/** errmsg for the keyword search: no request id, no IP address, no `view more at <url>` link. */
function searchableErrmsg(text: string): string {
  return stripErrmsgSuffix(text)
    .replace(/[\s,;]*\b(?:view more|more details|more info)\s+at\s+\S+/gi, '')
    .replace(/\b(?:ipv6\s+)?(?:::ffff:)?\d{1,3}(?:\.\d{1,3}){3}\b/gi, '')
    .replace(/\s+,/g, ',')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** An errcode after its key, as a body or a log line writes it: `"errcode":40163`, `'errcode': "-1"`, `errcode=45009`. */
export const ERRCODE_KEY_RE = /["']?errcode["']?\s*[:=]\s*["']?\s*(-?\d+)/i;

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
    const code = ERRCODE_KEY_RE.exec(text);
    if (code?.[1] !== undefined) errcode = Number(code[1]);
  }
  if (errcode === undefined) return undefined;
  if (errmsg === undefined) {
    const msg =
      /["']?errmsg["']?\s*[:=]\s*"((?:[^"\\]|\\.)*)"/i.exec(text) ??
      /["']?errmsg["']?\s*[:=]\s*'((?:[^'\\]|\\.)*)'/i.exec(text) ??
      // Unquoted (quotes eaten by a shell): up to the closing brace; WeChat bodies end with errmsg.
      /["']?errmsg["']?\s*[:=]\s*([^}\n]*)/i.exec(text);
    errmsg = msg?.[1] !== undefined ? unescapeLoose(msg[1]).trim().replace(/^["']|["']$/g, '') : '';
  }

  const result = bodyOf(errcode, errmsg);
  const host = detectHost(text, errmsg);
  if (host !== undefined) result.host = host;
  const path = /(?:^|[\s"'(]|weixin\.qq\.com)(\/(?:sns|cgi-bin|connect)\/[A-Za-z0-9_/]*[A-Za-z0-9_])/.exec(text.replace(errmsg, ''));
  if (path?.[1] !== undefined) result.endpoint = path[1];
  return result;
}

/**
 * The message of an object pasted without an errcode, such as what the JS-SDK hands `wx.error` and
 * developers print with `JSON.stringify(res)`: `{"errMsg":"config:invalid signature"}`, anywhere in
 * the text (after a `wx.error:` label, with other fields such as `realAuthUrl`), as JSON or as a JS
 * object printed by console.log (`{ errMsg: 'config:fail' }`). Undefined when the text has no such
 * field, or has an errcode (then it is a WeChat body, parseErrorBody's).
 */
function pastedErrMsg(text: string): string | undefined {
  if (/["']?\berrcode["']?\s*[:=]/i.test(text)) return undefined;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) return undefined;
  try {
    const parsed: unknown = JSON.parse(text.slice(start, end + 1));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const field = Object.entries(parsed).find(([key]) => key.toLowerCase() === 'errmsg');
      if (typeof field?.[1] === 'string') return field[1].trim() || undefined;
    }
  } catch {
    // Not strict JSON: fall through to the loose reading below.
  }
  const msg =
    /["']?\berrmsg["']?\s*:\s*"((?:[^"\\]|\\.)*)"/i.exec(text) ??
    /["']?\berrmsg["']?\s*:\s*'((?:[^'\\]|\\.)*)'/i.exec(text) ??
    // Unquoted (quotes eaten by a shell): up to the closing brace.
    /["']?\berrmsg["']?\s*:\s*([^}\n]*)/i.exec(text);
  const value = msg?.[1] !== undefined ? unescapeLoose(msg[1]).trim() : '';
  return value === '' ? undefined : value;
}

/**
 * The text `wxauth errcode` reads for a pasted input: the errMsg of a pasted object (pastedErrMsg),
 * without a `wx.error:` label before it, and `wx.config:fail` as the JS-SDK writes it, `config:fail`
 * (likewise `wx.chooseImage:…`). The input itself when there is nothing to take off.
 */
export function pastedMessageOf(input: string): string {
  const text = (pastedErrMsg(input) ?? input)
    .replace(/^\s*wx\.error\b\s*(?:\(\s*\w*\s*\))?\s*[:：]?\s*/i, '')
    .replace(/^\s*wx\.(?=\w+\s*:)/i, '');
  return text.trim() === '' ? input : text;
}

// ---------------------------------------------------------------------------------------------
// The tables and the explanation.
// ---------------------------------------------------------------------------------------------

export interface ErrcodeExplanation {
  /** Absent only for a message that has no numbered code at all (the JS-SDK's `function not exist`). */
  code?: number;
  known: boolean;
  table: 'wechat' | 'wecom';
  /** Official meaning (from the copied tables; see `derived` / `untranslated`). */
  meaning: Bilingual;
  stage?: Stage;
  /** Every stage the code occurs in (`stage` is the one for the endpoint, or the first). */
  stages?: Stage[];
  endpoints?: string[];
  /** Ranked, most likely first; tuned to the endpoint when one is given. */
  causes: ExplanationItem[];
  fixes: ExplanationItem[];
  /** Official doc URL. */
  doc?: string;
  sources?: string[];
  /** Languages of `meaning` written by wxauth because no source has them. */
  derived?: Array<'zh' | 'en'>;
  /** Languages of `meaning` for which no text exists anywhere: the other language is shown. */
  untranslated?: Array<'zh' | 'en'>;
  /** Whether wxauth has hand-written causes and fixes for this code. */
  rich?: boolean;
  /** Ranked for a line of a program's log (ExplainOptions.logged): a server's causes first, a person's by hand last. */
  readAs?: 'log';
  /** The endpoint the explanation was tuned to (normalised path). */
  endpoint?: string;
  /** From a pasted body or an API error. */
  errmsg?: string;
  rid?: string;
  ip?: string;
  ipv6?: string;
  /** What can be done with the rid (rid/get works for cgi-bin only, 7 days). */
  ridNote?: Bilingual;
  /** When the rid was issued (its first 8 hex digits), ISO 8601 UTC as written in ridNote: human output shows it as local time. */
  ridIssued?: string;
  /** Why this table was chosen (a qyapi body or --api-base), when it was not the default. */
  tableNote?: Bilingual;
  /** The same number in the other table, which means something else there. */
  otherTable?: { table: 'wechat' | 'wecom'; meaning: Bilingual };
  /** For an error page without a number: the page, and the numbered codes for the same condition. */
  page?: { id: string; text: Bilingual };
  related?: number[];
  /** For an unknown code: the nearest known codes. */
  nearest?: NearestCode[];
  /** For an unknown code: the login flow's codes one slip of the fingers away (slipOf), likeliest first. */
  didYouMean?: NearestCode[];
}

/**
 * A known code next to an unknown one: its meaning, marked as an explanation's is (`derived`,
 * `untranslated`), so a meaning shown in the other language is never passed off as this one's.
 */
export interface NearestCode {
  code: number;
  meaning: Bilingual;
  derived?: Array<'zh' | 'en'>;
  untranslated?: Array<'zh' | 'en'>;
}

const WECOM_LOOKUP = 'https://open.work.weixin.qq.com/devtool/query?e=';

/** The tables and the knowledge, each read on first lookup. */
function tables(): { wechat: ErrcodeTable; wecom: ErrcodeTable; knowledge: KnowledgeTable } {
  return { wechat: errcodeTable('wechat'), wecom: errcodeTable('wecom'), knowledge: knowledgeTable() };
}

/** Every code of a table, sorted (for tests and --list --stage all). */
export function allCodes(table: 'wechat' | 'wecom' = 'wechat'): number[] {
  return [...tables()[table].keys()].sort((a, b) => a - b);
}

export function isKnownErrcode(code: number, table: 'wechat' | 'wecom' = 'wechat'): boolean {
  return tables()[table].has(code);
}

/**
 * `https://api.weixin.qq.com/sns/userinfo?access_token=…` or `sns/userinfo` → `/sns/userinfo`.
 */
export function normalizeEndpoint(endpoint: string): string {
  let path = endpoint.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  path = path.replace(/[?#].*$/, '');
  if (!path.startsWith('/')) path = '/' + path;
  return path.replace(/\/+$/, '') || '/';
}

/** The flow stage an endpoint belongs to. */
export function stageOfEndpoint(endpoint: string): Stage | undefined {
  const path = normalizeEndpoint(endpoint);
  if (path.startsWith('/connect/')) return 'authorize';
  if (path.startsWith('/sns/oauth2/component/') || path.startsWith('/cgi-bin/component/')) return 'third-party';
  if (path.startsWith('/sns/oauth2/') || path === '/sns/jscode2session') return 'token';
  if (path === '/sns/userinfo' || path === '/sns/auth') return 'userinfo';
  if (path === '/cgi-bin/token' || path === '/cgi-bin/stable_token') return 'basic-token';
  if (path.startsWith('/cgi-bin/clear_quota') || path.startsWith('/cgi-bin/openapi/')) return 'quota';
  if (path === '/cgi-bin/ticket/getticket') return 'jssdk';
  // Every other /cgi-bin/ API (user/info, get_api_domain_ip…) is called with the basic access_token.
  if (path.startsWith('/cgi-bin/')) return 'basic-token';
  return undefined;
}

function applies(item: Pick<KnowledgeItem, 'on' | 'notOn'>, endpoint: string): boolean {
  const under = (prefix: string) => endpoint === prefix || endpoint.startsWith(prefix);
  return (item.on === undefined || item.on.some(under)) && !(item.notOn ?? []).some(under);
}

/**
 * Items for an endpoint: those written for other endpoints are dropped; the rest keep the order
 * they were written in, which is most likely first.
 */
function rank(items: KnowledgeItem[], endpoint: string | undefined): KnowledgeItem[] {
  if (endpoint === undefined) return items;
  const kept = items.filter((i) => applies(i, endpoint));
  return kept.length > 0 ? kept : items;
}

/** Items for a hinted endpoint: those that fit it first, then the rest, each group in written order. */
function prefer(items: KnowledgeItem[], endpoint: string): KnowledgeItem[] {
  const fit = items.filter((i) => applies(i, endpoint));
  return [...fit, ...items.filter((i) => !fit.includes(i))];
}

/** A log line's order (ExplainOptions.logged): a server's items, then the rest, then a person's by hand; each group in its order. */
function byServerFirst(items: KnowledgeItem[]): KnowledgeItem[] {
  return [...items.filter((i) => i.by === 'server'), ...items.filter((i) => i.by === undefined), ...items.filter((i) => i.by === 'hand')];
}

/**
 * Whether a pasted line has words of its own beside the code or body (`core`): "[ERROR] oauth failed:",
 * "换取 token 失败": then it is a line of a program's log (ExplainOptions.logged).
 */
function hasWordsAround(input: string, cores: Array<string | undefined>): boolean {
  return /\p{L}{2,}/u.test(wordsAround(input, cores).replace(/\b[a-z]\b/gi, ' '));
}

/** A pasted line without its code or body (`cores`) and without WeChat's own words: what the log line says. */
function wordsAround(input: string, cores: Array<string | undefined>): string {
  let rest = input;
  for (const core of cores) if (core) rest = rest.replace(core, ' ');
  // WeChat's own pair as a log writes it (`errcode=40029, errmsg=invalid code`: errmsg comes last), and
  // the bare names: they are the body's words, not the log's.
  return rest.replace(ERRCODE_PAIR, ' ').replace(ERRMSG_PAIR, ' ').replace(/\b(?:errcode|errmsg|error\s*code)\b|错误码/gi, ' ');
}
const ERRCODE_PAIR = /["']?errcode["']?\s*[:=]\s*["']?-?\d+["']?/gi;
const ERRMSG_PAIR = /["']?errmsg["']?\s*[:=][^\n]*$/i;

// The words of a pasted line that tell a basic access_token's trouble from a user token's (a log line
// such as "获取token失败 40001" has no endpoint): fetching one, or a /cgi-bin call made with one. Words of
// web authorization win, so a line with both is left unhinted.
// "getAccessToken" and "获取access_token" are as often a web-authorization code exchange (wechat-oauth's
// getAccessToken(code)), so only a bare "获取token", the stable token and client_credential say fetch.
const USER_TOKEN_WORDS = /\/sns\/|oauth|网页授权|snsapi|userinfo|用户信息|openid|授权码|\bcode\b|authorization_code|refresh_?token/i;
const TOKEN_FETCH_WORDS =
  /获取\s*(?:基础|全局|普通)\s*(?:access[_\s]?)?token|获取\s*token|get_?stable_?access_?token|client_credential|stable_?token|(?:fetch|get)(?:ing)?\s+(?:the\s+|a\s+)?basic\s+access[_\s]?token/i;
// The JS-SDK ticket's fetch (getticket), which has a daily limit and a cache of its own.
const TICKET_WORDS = /jsapi_?ticket|getticket/i;
// Calls only a basic token makes: tickets, and the official account's messaging and management APIs.
const BASIC_CALL_WORDS =
  /jsapi_?ticket|getticket|(?:基础|全局|普通)\s*(?:access[_\s]?)?token|basic\s+access[_\s]?token|模板消息|订阅消息|客服消息|群发|自定义菜单|菜单|素材|标签|template|message\/send|custom_?send|menu\/|material/i;
const API_PATH = /\/(?:sns|cgi-bin)\/[A-Za-z0-9_/]*[A-Za-z0-9_]/;

/** The endpoint a pasted line's words point at, for ranking (ExplainOptions.hint); undefined when they say nothing clear. */
export function endpointHintOf(text: string): string | undefined {
  const path = API_PATH.exec(text)?.[0];
  if (path !== undefined) return normalizeEndpoint(path);
  if (USER_TOKEN_WORDS.test(text)) return undefined;
  if (TOKEN_FETCH_WORDS.test(text)) return '/cgi-bin/token';
  if (TICKET_WORDS.test(text)) return '/cgi-bin/ticket/getticket';
  if (BASIC_CALL_WORDS.test(text)) return '/cgi-bin/*';
  return undefined;
}

interface Fill {
  ip?: string;
  /** ` --profile x` for the commands a fix offers (core/validate.ts profileFlag); '' for the default profile. */
  p?: string;
  /** The API path that was refused, for a fix's `wxauth quota {path}`. */
  path?: string;
  /** The endpoint called (given, or named by the pasted line's words), for an item's `{endpoint}`. */
  endpoint?: string;
}

/** A command with no refused path to name shows the one most often refused (45009's first cause). */
const EXAMPLE_QUOTA_PATH = PATHS.token;

/** A cause or fix as explanations carry it: `on` lists the endpoints it is specific to. */
export interface ExplanationItem extends Bilingual {
  on?: string[];
}

function fill(item: KnowledgeItem, vars: Fill): ExplanationItem {
  const ipEn = vars.ip ?? 'the IP shown in errmsg';
  // The zh texts space an address off (「把 {ip} 加入」, right for 「把 1.2.3.4 加入」); the words that stand
  // in for an unknown one are Chinese and take no space before them (「把报错信息里的 IP 加入」).
  const zh = vars.ip !== undefined ? item.zh.replaceAll('{ip}', vars.ip) : item.zh.replace(/ ?\{ip\}/g, '报错信息里的 IP');
  // {p} and {path} stand inside commands, so the same in both languages.
  const commands = (text: string) => text.replaceAll('{p}', vars.p ?? '').replaceAll('{path}', vars.path ?? EXAMPLE_QUOTA_PATH);
  // {endpoint}: an item written for several endpoints (40001's on /sns/userinfo and /sns/auth) names the
  // one called when it is among them, else all it is written for: never one the user did not call.
  const called = vars.endpoint !== undefined && item.on !== undefined && applies(item, vars.endpoint) ? vars.endpoint : undefined;
  const endpoints = (or: string) => called ?? (item.on ?? []).join(or);
  const filled: ExplanationItem = {
    zh: commands(zh).replaceAll('{endpoint}', endpoints(' 或 ')),
    en: commands(item.en.replaceAll('{ip}', ipEn)).replaceAll('{endpoint}', endpoints(' or ')),
  };
  if (item.on) filled.on = item.on;
  return filled;
}

function meaningOf(
  row: TableRow,
  entry: KnowledgeEntry | undefined,
): Pick<ErrcodeExplanation, 'meaning' | 'derived' | 'untranslated'> {
  const derived: Array<'zh' | 'en'> = [];
  const untranslated: Array<'zh' | 'en'> = [];
  let zh = row.zh.trim();
  let en = row.en.trim();
  if (zh === '' && entry?.meaning?.zh) {
    zh = entry.meaning.zh;
    derived.push('zh');
  }
  if (en === '' && entry?.meaning?.en) {
    en = entry.meaning.en;
    derived.push('en');
  }
  if (zh === '') {
    zh = en;
    untranslated.push('zh');
  }
  if (en === '') {
    en = zh;
    untranslated.push('en');
  }
  return {
    meaning: { zh, en },
    ...(derived.length ? { derived } : {}),
    ...(untranslated.length ? { untranslated } : {}),
  };
}

/** rid/get looks a rid up for 7 days only (API-FACTS §11). */
const RID_LOOKUP_DAYS = 7;

/** The time a rid names (seconds since the epoch in its first 8 hex digits), as ridNote writes it; undefined for old-style ids. */
function ridIssuedAt(rid: string): string | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/i.test(rid)) return undefined;
  return new Date(parseInt(rid.slice(0, 8), 16) * 1000).toISOString().replace('.000Z', 'Z');
}

function ridNoteFor(rid: string, endpoint: string | undefined, code: number, now: number | undefined): Bilingual {
  if (!/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/i.test(rid)) {
    return {
      zh: `「${rid}」是旧式的 hints/req_id，不能用 rid/get 查询；把它和完整 errmsg 一起记录，反馈给微信时提供。`,
      en: `"${rid}" is an old-style hints/req_id; rid/get cannot look it up. Keep it with the full errmsg for a report to WeChat.`,
    };
  }
  const seconds = parseInt(rid.slice(0, 8), 16);
  const when = ridIssuedAt(rid) as string;
  // rid/get needs a basic token of the same account, which a rejected appid or secret cannot get (a
  // token endpoint's own 40001 is a refused secret too).
  if (code === 40013 || code === 40125 || (code === 40001 && isTokenEndpoint(endpoint))) {
    return {
      zh: `rid 产生于 ${when}。appid 或 secret 被拒时拿不到该账号的 token，rid/get 也就查不了这个 rid：先按上面的办法改好 appid/secret。`,
      en: `The rid was issued at ${when}. With the appid or secret refused there is no token of that account, so rid/get cannot look this rid up: fix the appid/secret as above first.`,
    };
  }
  // Never found, however young: said before its age (which would imply it once could be).
  if (endpoint?.startsWith('/sns/')) {
    return {
      zh: `rid 产生于 ${when}。/sns/* 接口的 rid 不能用 rid/get 查询（会返回 76001/76022），请以 errcode 为准。`,
      en: `The rid was issued at ${when}. rids of /sns/* endpoints cannot be looked up with rid/get (it answers 76001/76022); rely on the errcode.`,
    };
  }
  if (now !== undefined && now - seconds * 1000 > RID_LOOKUP_DAYS * 86_400_000) {
    return {
      zh: `rid 产生于 ${when}，已超过 ${RID_LOOKUP_DAYS} 天，rid/get 查不到了；把它和完整 errmsg 一起记录，反馈给微信时提供。`,
      en: `The rid was issued at ${when}, more than ${RID_LOOKUP_DAYS} days ago: rid/get no longer finds it. Keep it with the full errmsg for a report to WeChat.`,
    };
  }
  // The rid of a failed rid/get is that lookup's own: suggesting to look it up would go round in circles.
  if (endpoint === PATHS.ridGet) {
    return {
      zh: `rid 产生于 ${when}。这是这次 rid 查询自己的 rid，不必再用 wxauth rid 查它。`,
      en: `The rid was issued at ${when}. It is this rid lookup's own rid: there is no point looking it up with wxauth rid.`,
    };
  }
  // Nor from an address outside the whitelist (while the rid is young enough to look up): rid/get's
  // token would be refused with the same 40164.
  if (code === 40164) {
    return {
      zh: `rid 产生于 ${when}。从这个不在白名单里的 IP 拿不到 token，rid/get 也会同样返回 40164：先把 IP 加进白名单，或在白名单里的服务器上运行 \`wxauth rid ${rid}\`（7 天内有效）。`,
      en: `The rid was issued at ${when}. From an IP outside the whitelist no token can be had, so rid/get would get the same 40164: whitelist the IP first, or run \`wxauth rid ${rid}\` on a whitelisted server (within 7 days).`,
    };
  }
  return {
    zh: `rid 产生于 ${when}，7 天内可以用 \`wxauth rid ${rid}\` 查询当时的请求和返回（只对 /cgi-bin/* 接口有效，且需同一个号的 token）。`,
    en: `The rid was issued at ${when}; within 7 days \`wxauth rid ${rid}\` shows that request and response (works for /cgi-bin/* calls only, with a token of the same account).`,
  };
}

/**
 * The range an errcode belongs to, as WeChat numbers them: the same sign, the same number of digits and the
 * same digits but the last three (40029 is of 40xxx with 40001–40243; 9300501 of 9300xxx; 7 of x), written
 * with an x for each of those last digits. Codes of a range are related (40xxx a bad parameter, 41xxx a
 * missing one, 42xxx an expiry…); a code of another range is not, however close its number.
 */
export function errcodeRange(code: number): string {
  const digits = String(Math.abs(code));
  const kept = Math.max(0, digits.length - 3);
  return `${code < 0 ? '-' : ''}${digits.slice(0, kept)}${'x'.repeat(digits.length - kept)}`;
}

/**
 * The numerically nearest known codes in the unknown code's range (errcodeRange), closest first; none when
 * the range holds no known code (99999, 99999999999999). 0 is a success, no neighbour of an error.
 */
export function nearestCodes(code: number, count = 5, table: 'wechat' | 'wecom' = 'wechat'): NearestCode[] {
  const range = errcodeRange(code);
  const rows = [...tables()[table].values()].filter((row) => row.code !== 0 && errcodeRange(row.code) === range);
  rows.sort((a, b) => Math.abs(a.code - code) - Math.abs(b.code - code) || a.code - b.code);
  return rows.slice(0, count).map((row) => ({ code: row.code, ...meaningOf(row, table === 'wechat' ? tables().knowledge.get(row.code) : undefined) }));
}

/**
 * How `typed` can be one slip away from `known`, as digit strings: the same digits in another order
 * (40920 for 40029: 0), or one digit left out or typed twice (4163, 401163: 1). Undefined when it is
 * further. One wrong digit is not counted: in a range as dense as 10003–10016 nearly every code is one
 * wrong digit from several, which nearestCodes already lists.
 */
function slipOf(typed: string, known: string): 0 | 1 | undefined {
  if (typed === known) return undefined;
  if (typed.length === known.length) return [...typed].sort().join('') === [...known].sort().join('') ? 0 : undefined;
  const [short, long] = typed.length < known.length ? [typed, known] : [known, typed];
  if (long.length - short.length !== 1) return undefined;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return 1;
  return undefined;
}

/**
 * The codes of the login flow (those with causes and fixes here) one slip away from an unknown `code`
 * (slipOf), at most `count`: 40920 and 41063 are far in number from the 40029 and 40163 they were meant
 * to be, so nearestCodes alone never names them.
 */
export function slippedCodes(code: number, count = 3): NearestCode[] {
  const typed = String(code);
  const { wechat, knowledge } = tables();
  const found: Array<{ code: number; kind: number }> = [];
  for (const known of knowledge.keys()) {
    const kind = slipOf(typed, String(known));
    if (kind !== undefined && wechat.has(known)) found.push({ code: known, kind });
  }
  found.sort((a, b) => a.kind - b.kind || Math.abs(a.code - code) - Math.abs(b.code - code));
  return found.slice(0, count).map(({ code: known }) => ({ code: known, ...meaningOf(wechat.get(known)!, knowledge.get(known)) }));
}

export interface ExplainOptions {
  /** The endpoint that answered (path or URL); tunes stage, causes and fixes. */
  endpoint?: string;
  /** Explain from the WeCom (企业微信) table. */
  wecom?: boolean;
  /** WeChat's errmsg, for the rid and (40164) the caller's IP. */
  errmsg?: string;
  /** Milliseconds since the epoch, to tell whether a rid is still within rid/get's 7 days. */
  now?: number;
  /** A parsed body (overrides errmsg); its host decides the table when it is qyapi. */
  body?: ParsedErrorBody;
  /** The API base in use; a qyapi base selects the WeCom table. */
  apiBase?: string;
  /**
   * The one host family named elsewhere in a piped log (hostFamilyOf): WeCom's selects the WeCom table for
   * a code whose own line names no host, as the host in a body pasted whole does.
   */
  logHost?: 'qyapi' | 'api';
  /**
   * ` --profile x` for the run's profile (core/validate.ts profileFlag, '' for the default): the commands
   * a fix offers name it. Given made, so `wxauth errcode` does not load validate.ts for it (issue 19).
   */
  profileFlag?: string;
  /**
   * An endpoint the words around a pasted code point at (endpointHintOf): causes and fixes for it come
   * first, the rest follow. Weaker than `endpoint`, which drops what does not fit; unused when one is known.
   */
  hint?: string;
  /**
   * The code came in a line of a program's log ("getAccessToken failed 40029"), not typed or pasted on
   * its own: causes and fixes of a server come first and those of a person handling a code by hand last
   * (KnowledgeItem.by), after the ranking by endpoint.
   */
  logged?: boolean;
}

function sameMeaning(a: TableRow, b: TableRow | undefined): boolean {
  if (!b) return false;
  const x = squash(a.zh || a.en);
  const y = squash(b.zh || b.en);
  if (x === '' || y === '') return false;
  if (x.includes(y) || y.includes(x)) return true;
  // The same first phrase, told on with different advice (-1: 「系统繁忙，此时请开发者稍候再试」 and
  // 「系统繁忙；服务器暂不可用，建议稍候重试…」): the same meaning, not a different one.
  const head = (row: TableRow) => squash((row.zh || row.en).split(/[，。；,.;]/)[0] ?? '');
  return head(a) !== '' && head(a) === head(b);
}

/** Explain one errcode. Never throws: an unknown code gives `known: false` and its nearest codes. */
export function explainErrcode(code: number, options: ExplainOptions = {}): ErrcodeExplanation {
  const { wechat, wecom, knowledge: rich } = tables();
  const given = options.endpoint ?? options.body?.endpoint;
  const endpoint = given !== undefined && given.trim() !== '' ? normalizeEndpoint(given) : undefined;
  const errmsg = options.body?.errmsg ?? options.errmsg;
  const parsed = options.body ?? (errmsg !== undefined ? parseErrorBody(JSON.stringify({ errcode: code, errmsg })) : undefined);

  let table: 'wechat' | 'wecom' = 'wechat';
  let tableNote: Bilingual | undefined;
  if (options.wecom) {
    table = 'wecom';
  } else if (parsed?.host === 'qyapi') {
    table = 'wecom';
    tableNote = {
      zh: '这是企业微信（qyapi.weixin.qq.com）的返回，按企业微信错误码表解释；同一数字在公众号接口里含义不同。',
      en: 'This body comes from WeCom (qyapi.weixin.qq.com), so it is explained from the WeCom table; the same number means something else on Official Account APIs.',
    };
  } else if (parsed?.host === undefined && options.logHost === 'qyapi') {
    table = 'wecom';
    tableNote = {
      zh: '管道传入的内容里出现的是企业微信的域名（qyapi.weixin.qq.com），没有公众号接口的域名，按企业微信错误码表解释；同一数字在公众号接口里含义不同。',
      en: 'The piped text names WeCom\'s host (qyapi.weixin.qq.com) and no WeChat API host, so this is explained from the WeCom table; the same number means something else on Official Account APIs.',
    };
  } else if (options.apiBase !== undefined && /qyapi\.weixin\.qq\.com/i.test(options.apiBase)) {
    table = 'wecom';
    tableNote = {
      zh: `--api-base 指向企业微信（${options.apiBase}），按企业微信错误码表解释。`,
      en: `--api-base points at WeCom (${options.apiBase}), so this is explained from the WeCom table.`,
    };
  }

  const base: Partial<ErrcodeExplanation> = {};
  if (endpoint !== undefined) base.endpoint = endpoint;
  if (errmsg !== undefined) base.errmsg = errmsg;
  if (parsed?.rid !== undefined) {
    base.rid = parsed.rid;
    if (table === 'wechat') {
      // A pasted body names no endpoint; a code that only /sns/* endpoints answer (40029, 40163…) is theirs.
      const only = rich.get(code)?.endpoints ?? [];
      const snsOnly = endpoint === undefined && only.length > 0 && only.every((e) => e.startsWith('/sns/'));
      base.ridNote = ridNoteFor(parsed.rid, snsOnly ? only[0] : endpoint, code, options.now);
      const issued = ridIssuedAt(parsed.rid);
      if (issued !== undefined) base.ridIssued = issued;
    }
  }
  if (parsed?.ip !== undefined) base.ip = parsed.ip;
  if (parsed?.ipv6 !== undefined) base.ipv6 = parsed.ipv6;
  if (tableNote) base.tableNote = tableNote;

  const otherRow = table === 'wechat' ? wecom.get(code) : wechat.get(code);
  // Mention the other table only when it says something different (40029 means the same in both).
  const other = otherRow && !sameMeaning(otherRow, (table === 'wechat' ? wechat : wecom).get(code)) ? otherRow : undefined;
  const row = (table === 'wechat' ? wechat : wecom).get(code);
  if (row === undefined) {
    const unknown: ErrcodeExplanation = {
      ...base,
      code,
      known: false,
      table,
      meaning: { zh: '未收录的错误码', en: 'not a known errcode' },
      causes: [],
      fixes: [],
      doc: table === 'wecom' ? DOC.wecom : DOC.errcode,
      nearest: nearestCodes(code, 5, table),
    };
    const slipped = table === 'wechat' ? slippedCodes(code) : [];
    if (slipped.length > 0) unknown.didYouMean = slipped;
    if (other) unknown.otherTable = { table: table === 'wechat' ? 'wecom' : 'wechat', meaning: meaningOf(other, rich.get(code)).meaning };
    return unknown;
  }

  if (table === 'wecom') {
    const explained: ErrcodeExplanation = {
      ...base,
      code,
      known: true,
      table,
      ...meaningOf(row, undefined),
      causes: [],
      fixes: [
        {
          zh: `在企业微信的错误码查询工具里查看：${WECOM_LOOKUP}${code}`,
          en: `Look it up in WeCom's errcode tool: ${WECOM_LOOKUP}${code}`,
        },
      ],
      doc: DOC.wecom,
      sources: row.sources,
    };
    if (other) explained.otherTable = { table: 'wechat', meaning: meaningOf(other, rich.get(code)).meaning };
    return explained;
  }

  const entry = rich.get(code);
  // Where the causes are ranked for: the endpoint given, else what the errmsg gives away. Only /cgi-bin/*
  // answers advertise getStableAccessToken (since 2023, API-FACTS §9), so a pasted 40001 with those
  // words is a basic token's, not a user token's.
  const rankAt = endpoint ?? (errmsg !== undefined && /getStableAccessToken/i.test(errmsg) ? '/cgi-bin/*' : undefined);
  const preferAt = rankAt === undefined && options.hint !== undefined ? normalizeEndpoint(options.hint) : undefined;
  // The endpoint called, as far as the input says: given, else named by a pasted line's words.
  const calledAt = endpoint ?? preferAt;
  const vars: Fill = {
    ...(parsed?.ip !== undefined ? { ip: parsed.ip } : {}),
    ...(options.profileFlag !== undefined ? { p: options.profileFlag } : {}),
    // Only a path WeChat answered from (not a /cgi-bin/* group a pasted line hints at).
    ...(endpoint !== undefined && /^\/[\w/.-]+$/.test(endpoint) ? { path: endpoint } : {}),
    ...(calledAt !== undefined && /^\/[\w/.-]+$/.test(calledAt) ? { endpoint: calledAt } : {}),
  };
  const ranked = (items: KnowledgeItem[]) => (preferAt !== undefined ? prefer(items, preferAt) : rank(items, rankAt));
  const order = (items: KnowledgeItem[]) => (options.logged ? byServerFirst(ranked(items)) : ranked(items));
  const explained: ErrcodeExplanation = {
    ...base,
    code,
    known: true,
    table,
    ...meaningOf(row, entry),
    causes: entry ? order(entry.causes).map((i) => fill(i, vars)) : [],
    fixes: entry ? order(entry.fixes).map((i) => fill(i, vars)) : [],
    doc: (rankAt !== undefined ? entry?.docOn?.find((d) => applies(d, rankAt))?.doc : undefined) ?? entry?.doc ?? DOC.errcode,
    sources: row.sources,
    rich: entry !== undefined,
  };
  if (options.logged && entry && [...entry.causes, ...entry.fixes].some((i) => i.by !== undefined)) explained.readAs = 'log';
  // A hinted /cgi-bin/ call is made with the basic token: that is its stage when the code has none for
  // the call itself (40001 in a line about the jsapi_ticket is the basic token's, not the JS-SDK's).
  const hintedStages = preferAt === undefined ? [] : [stageOfEndpoint(preferAt), ...(preferAt.startsWith('/cgi-bin/') ? ['basic-token'] : [])];
  const stage =
    (rankAt !== undefined ? stageOfEndpoint(rankAt) : undefined) ??
    hintedStages.find((s) => s !== undefined && entry?.stages.includes(s)) ??
    entry?.stages[0];
  if (stage !== undefined) explained.stage = stage;
  if (entry) {
    explained.stages = entry.stages;
    explained.endpoints = entry.endpoints;
  }
  if (other) explained.otherTable = { table: 'wecom', meaning: meaningOf(other, undefined).meaning };
  return explained;
}

// ---------------------------------------------------------------------------------------------
// Page texts, keywords, and the command's inputs.
// ---------------------------------------------------------------------------------------------

/**
 * Whitespace, punctuation and symbols (Unicode's P and S categories) in the blocks WeChat's texts and
 * people's pastes use: ASCII, Latin-1, general punctuation, arrows and technical symbols, shapes and
 * dingbats, supplemental punctuation (⸺), CJK punctuation, katakana's ゠ and ・, CJK compatibility and
 * full-width forms. Outside them (emoji, say) a symbol is kept, where the property class dropped it. Written out rather than as
 * `[\s\p{P}\p{S}]` with the u flag: V8 builds a property class from ICU on its first use, ~0.5 ms of
 * every `wxauth errcode <code>` (issue 19). test/core/errcodes-squash.test.ts holds it to the
 * property class over these blocks.
 */
const SQUASHED_RE =
  /[\s!-/:-@[-`{-~\u00a1-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u2190-\u23ff\u25a0-\u2775\u2794-\u27bf\u2e00-\u2e2e\u2e30-\u2e5d\u3001-\u3004\u3008-\u3020\u3030\u3036\u3037\u303d-\u303f\u30a0\u30fb\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\uffe0-\uffe6\uffe8-\uffee]+/g;

/** Lower case, no whitespace or punctuation (ASCII or CJK); keeps letters, digits, CJK and `_`. */
export function squash(s: string): string {
  return s.toLowerCase().replace(SQUASHED_RE, (m) => (m.includes('_') ? '_' : ''));
}

function explainPageEntry(page: PageEntry, shown = page.texts[0] ?? page.id): ErrcodeExplanation {
  const numbered: ErrcodeExplanation =
    page.code !== undefined ? explainErrcode(page.code) : { known: true, table: 'wechat', meaning: page.meaning, causes: [], fixes: [] };
  const stage = page.stage ?? 'authorize';
  return {
    ...numbered,
    meaning: page.meaning,
    derived: undefined,
    untranslated: undefined,
    stage,
    stages: [stage],
    endpoints: page.endpoints,
    sources: undefined,
    otherTable: undefined,
    causes: page.causes.map(({ zh, en }) => ({ zh, en })),
    fixes: page.fixes.map(({ zh, en }) => ({ zh, en })),
    doc: page.doc,
    page: { id: page.id, text: { zh: shown, en: shown } },
    related: page.related,
    rich: true,
  };
}

/** An error page's text (`redirect_uri 参数错误`, `该链接无法访问`, …), matched loosely. */
export function explainPageText(text: string): ErrcodeExplanation | undefined {
  const input = squash(text);
  if (input.length < 4) return undefined;
  for (const page of PAGES) {
    if (page.pattern !== undefined && new RegExp(page.pattern, 'i').test(text)) return explainPageEntry(page, text.trim());
    if (page.texts.some((t) => (page.exact ? input === squash(t) : input.includes(squash(t))))) return explainPageEntry(page);
  }
  // A fragment of a page text counts when it has some Chinese and fits one page only
  // ("没有 Scope 权限" does; "参数错误" fits two pages, "错误" is too vague).
  const cjk = input.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (cjk < 4) return undefined;
  const fits = PAGES.filter((page) => !page.exact && page.texts.some((t) => squash(t).includes(input)));
  return fits.length === 1 && fits[0] ? explainPageEntry(fits[0]) : undefined;
}

interface SearchDoc {
  code: number;
  rich: boolean;
  text: string;
  squashed: string;
  meaningText: string;
  meaningSquashed: string;
  keywords: string[];
}

let searchIndex: { wechat: SearchDoc[]; wecom: SearchDoc[] } | undefined;

function index(): { wechat: SearchDoc[]; wecom: SearchDoc[] } {
  if (!searchIndex) {
    const { wechat, wecom, knowledge: rich } = tables();
    const doc = (row: TableRow, entry: KnowledgeEntry | undefined): SearchDoc => {
      const meaning = meaningOf(row, entry).meaning;
      const keywords = (entry?.keywords ?? []).map((k) => k.toLowerCase());
      const text = [meaning.zh, meaning.en, ...keywords].join(' ').toLowerCase();
      const meaningText = `${meaning.zh} ${meaning.en}`.toLowerCase();
      return {
        code: row.code,
        rich: entry !== undefined,
        text,
        squashed: squash(text),
        meaningText,
        meaningSquashed: squash(meaningText),
        keywords,
      };
    };
    searchIndex = {
      wechat: [...wechat.values()].map((row) => doc(row, rich.get(row.code))),
      wecom: [...wecom.values()].map((row) => doc(row, undefined)),
    };
  }
  return searchIndex;
}

export interface SearchHit {
  code: number;
  score: number;
  rich: boolean;
}

/**
 * Codes whose meaning or search words contain every word of the query, in either language;
 * wxauth's hand-written (auth-flow) entries and exact search-word hits rank first.
 */
export function searchErrcodes(query: string, options: { wecom?: boolean; limit?: number } = {}): SearchHit[] {
  const terms = query.toLowerCase().split(/\s+/).filter((t) => t !== '');
  if (terms.length === 0) return [];
  const whole = query.trim().toLowerCase();
  const hits: SearchHit[] = [];
  for (const doc of index()[options.wecom ? 'wecom' : 'wechat']) {
    const matches = terms.every((t) => doc.text.includes(t) || (squash(t) !== '' && doc.squashed.includes(squash(t))));
    if (!matches) continue;
    let score = 0;
    if (doc.rich) score += 5;
    if (doc.keywords.includes(whole)) score += 10;
    else if (terms.some((t) => doc.keywords.includes(t))) score += 4;
    if (terms.length > 1 && doc.text.includes(whole)) score += 3;
    if (doc.meaningText.includes(whole) || doc.meaningSquashed.includes(squash(whole))) score += 2;
    hits.push({ code: doc.code, score, rich: doc.rich });
  }
  hits.sort((a, b) => b.score - a.score || a.code - b.code);
  return hits.slice(0, options.limit ?? 12);
}

export type InputMatch = 'code' | 'body' | 'page' | 'keyword';

/**
 * An input as the user gave it, and the text read from it when that is not the whole of it: the
 * errMsg of a pasted wx.error object, `config:fail` of `wx.config:fail` (pastedMessageOf).
 */
export interface PastedInput {
  input: string;
  read?: string;
  /** One of several errcodes piped in (a server's log): the line (1-based) it is first on, and how many lines carry it. */
  line?: number;
  count?: number;
}

export type ExplainedInput = ErrcodeExplanation & PastedInput & { match: InputMatch };

export interface UnknownInput extends PastedInput {
  /** Set when the input was a number (or a body) whose code is not in the table. */
  code?: number;
  table: 'wechat' | 'wecom';
  nearest: NearestCode[];
  /** The login flow's codes one slip away (slippedCodes). */
  didYouMean?: NearestCode[];
  /** The same number in the other table. */
  otherTable?: { table: 'wechat' | 'wecom'; meaning: Bilingual };
  /**
   * A number no errcode can be: past the integers a number holds exactly (Number('12345678901234567890')
   * is 12345678901234567000), so `code` is absent and `number` is the digits as given; `min` and `max`,
   * the range of the table's codes (far inside the safe integers).
   */
  outOfRange?: { number: string; min: number; max: number };
  /** Where else to look. */
  where: Bilingual[];
  /** The range of `code` (errcodeRange: `40xxx`), which `nearest` is taken from. */
  range?: string;
  /** The most digits a code of the table has, when `code` has more (99999999999999): no errcode is that long. */
  longest?: number;
}

export interface ExplainInputsResult {
  results: ExplainedInput[];
  unknown: UnknownInput[];
}

function whereToLook(table: 'wechat' | 'wecom', code: number | undefined): Bilingual[] {
  const where: Bilingual[] = [];
  if (table === 'wecom') {
    where.push({
      zh: `企业微信错误码查询：${WECOM_LOOKUP}${code ?? ''}`,
      en: `WeCom's errcode lookup: ${WECOM_LOOKUP}${code ?? ''}`,
    });
    where.push({ zh: `企业微信全局错误码：${DOC.wecom}`, en: `WeCom global errcodes: ${DOC.wecom}` });
  } else {
    where.push({ zh: `微信全局返回码说明：${DOC.errcode}`, en: `WeChat's global errcode page: ${DOC.errcode}` });
    where.push({
      zh: '所调用接口的文档页底部的错误码表（不少错误码只在单个接口文档里出现）。',
      en: 'The errcode table at the bottom of the called API\'s doc page (many codes are listed only there).',
    });
    where.push({
      zh: 'errmsg 里有 rid 且是 /cgi-bin/* 接口时，7 天内可用 `wxauth rid <rid>` 查询。',
      en: 'If errmsg has a rid and the call was to /cgi-bin/*, `wxauth rid <rid>` can look it up within 7 days.',
    });
  }
  return where;
}

/**
 * `digits` (an errcode's number as given) when it is past the safe integers, which every table's codes
 * are far inside (-1000 to 10080002): read as a number it would be another one (…890 becomes …000).
 */
function beyondErrcodes(digits: string): boolean {
  return !Number.isSafeInteger(Number(digits));
}

/** An input whose number no errcode can be (beyondErrcodes): unknown as typed, without a code or nearest codes. */
function outOfRangeInput(shown: PastedInput, digits: string, table: 'wechat' | 'wecom'): UnknownInput {
  const codes = allCodes(table);
  const number = digits.replace(/^\+/, '');
  return { ...shown, table, outOfRange: { number, min: codes[0] ?? 0, max: codes[codes.length - 1] ?? 0 }, nearest: [], where: whereToLook(table, undefined) };
}

function unknownCode(shown: PastedInput, e: ErrcodeExplanation): UnknownInput {
  const u: UnknownInput = { ...shown, code: e.code, table: e.table, nearest: e.nearest ?? [], where: whereToLook(e.table, e.code) };
  if (e.code !== undefined) {
    u.range = errcodeRange(e.code);
    const codes = allCodes(e.table);
    const longest = String(Math.max(Math.abs(codes[0] ?? 0), Math.abs(codes.at(-1) ?? 0))).length;
    if (String(Math.abs(e.code)).length > longest) u.longest = longest;
  }
  if (e.didYouMean) u.didYouMean = e.didYouMean;
  if (e.otherTable) u.otherTable = e.otherTable;
  return u;
}

/**
 * A body pasted without quotes reaches us split by the shell (`{errcode:40029,errmsg:invalid` and
 * `code}`): glue arguments back together from an unbalanced `{` to the `}` that closes it.
 */
function joinSplitBodies(inputs: string[]): string[] {
  const joined: string[] = [];
  let open: string | undefined;
  const depth = (s: string) => (s.match(/\{/g)?.length ?? 0) - (s.match(/\}/g)?.length ?? 0);
  for (const input of inputs) {
    if (open !== undefined) {
      open += ' ' + input;
      if (depth(open) <= 0) {
        joined.push(open);
        open = undefined;
      }
    } else if (depth(input) > 0) {
      open = input;
    } else {
      joined.push(input);
    }
  }
  if (open !== undefined) joined.push(open);
  return joined;
}

/**
 * An errmsg typed without quotes reaches us a word at a time (`wxauth errcode code been used`), and
 * searched word by word "been" found 10004 此公众号被封禁: glue runs of single words that are neither
 * codes nor bodies back into one phrase. An argument with a space in it was quoted on purpose and
 * stays on its own, as do codes (`40029 invalid code` is a code and a phrase).
 */
function joinSplitWords(inputs: string[]): string[] {
  const joined: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) joined.push(run.join(' '));
    run = [];
  };
  for (const input of inputs) {
    const word = !/\s/.test(input.trim()) && !CODE_LIST_RE.test(input) && !/[{}]/.test(input) && !CODE_IN_TEXT_RE.test(input);
    if (word) {
      run.push(input.trim());
      continue;
    }
    flush();
    joined.push(input);
  }
  flush();
  return joined;
}

// Between two codes either a separator with any whitespace around it, or whitespace alone: one way to read
// each gap. `\s*[,;\s]\s*` read a gap of k whitespace characters in ~k² ways, and a piped column of codes
// with CRLF line ends or indents followed by a word took minutes to be refused (catastrophic backtracking).
export const CODE_LIST_RE = /^\s*[+-]?\d+(?:(?:\s*[,，;；]\s*|\s+)[+-]?\d+)*\s*$/;
export const CODE_IN_TEXT_RE = /(?:错误码|errcode|error\s*code)\s*[:：=]?\s*(-?\d+)/i;

/**
 * What `wxauth errcode <inputs...>` explains, input by input: numbers (several, negative, comma
 * separated), a pasted WeChat body, an error page's text, or a keyword in either language.
 */
export function explainInputs(
  inputs: string[],
  options: { wecom?: boolean; endpoint?: string; apiBase?: string; logHost?: 'qyapi' | 'api'; keywordLimit?: number; now?: number } = {},
): ExplainInputsResult {
  const results: ExplainedInput[] = [];
  const unknown: UnknownInput[] = [];
  const common = { wecom: options.wecom, endpoint: options.endpoint, apiBase: options.apiBase, logHost: options.logHost, now: options.now };
  const table = options.wecom ? 'wecom' : 'wechat';
  const push = (shown: PastedInput, match: InputMatch, e: ErrcodeExplanation) => {
    if (e.known) results.push({ ...e, ...shown, match });
    else unknown.push(unknownCode(shown, e));
  };

  for (const pasted of joinSplitWords(joinSplitBodies(inputs))) {
    // A wx.error object is read by its errMsg, and `wx.config:fail` as `config:fail`, as if that text
    // had been given alone; the input is still shown as given.
    const input = pastedMessageOf(pasted);
    const shown: PastedInput = input === pasted ? { input: pasted } : { input: pasted, read: input };
    if (CODE_LIST_RE.test(input)) {
      for (const part of input.split(/[\s,，;；]+/).filter((p) => p !== '')) {
        if (beyondErrcodes(part)) unknown.push(outOfRangeInput({ input: part.trim() }, part, table));
        else push({ input: part.trim() }, 'code', explainErrcode(Number(part), common));
      }
      continue;
    }
    const body = /errcode/i.test(input) && /[{:=]/.test(input) ? parseErrorBody(input) : undefined;
    if (body && !Number.isSafeInteger(body.errcode)) {
      // The digits as written (`"errcode":12345678901234567890`), not the number JSON read them as.
      const written = ERRCODE_KEY_RE.exec(input)?.[1];
      unknown.push(outOfRangeInput(shown, written !== undefined && Number(written) === body.errcode ? written : String(body.errcode), body.host === 'qyapi' ? 'wecom' : table));
      continue;
    }
    if (body) {
      const open = input.indexOf('{');
      const close = input.lastIndexOf('}');
      const core = open >= 0 && close > open ? input.slice(open, close + 1) : undefined;
      // The words of a log line around the body may say which call it was (获取jsapi_ticket失败 errcode=45009 …).
      const hint = endpointHintOf(wordsAround(input, [core]));
      push(shown, 'body', explainErrcode(body.errcode, { ...common, body, hint, logged: hasWordsAround(input, [core]) }));
      continue;
    }
    // A code in a line of words: the words may say which token it was about (endpointHintOf).
    const hinted = { ...common, hint: endpointHintOf(input) };
    const numbered = CODE_IN_TEXT_RE.exec(input);
    if (numbered?.[1] !== undefined && beyondErrcodes(numbered[1])) {
      unknown.push(outOfRangeInput(shown, numbered[1], table));
      continue;
    }
    if (numbered?.[1] !== undefined) {
      // WeChat's errmsg after the code ("errcode 40029 invalid code") is the body's words, not the log's.
      const row = tableOf(options.wecom === true).get(Number(numbered[1]));
      push(shown, 'code', explainErrcode(Number(numbered[1]), { ...hinted, logged: hasWordsAround(input, [numbered[0], row?.en, row?.zh]) }));
      continue;
    }
    const coded = parseCodeAndMessage(input, options.wecom === true);
    // A known code somewhere in a line of words about a failed call is a log line's.
    const led = coded ?? knownCodeInLine(input, options.wecom === true);
    if (led) {
      const explainAs = { ...hinted, logged: coded === undefined };
      push(shown, led.errmsg === '' ? 'code' : 'body', explainErrcode(led.errcode, led.errmsg === '' ? explainAs : { ...explainAs, body: led }));
      continue;
    }
    const page = options.wecom ? undefined : explainPageText(input);
    if (page) {
      results.push({ ...page, ...shown, match: 'page' });
      continue;
    }
    // WeChat's errmsgs with a variable part whose code the words alone name: read as that body, so the
    // caller IP (40164) is taken from it as from a pasted JSON body.
    const shaped = options.wecom ? undefined : errmsgShape(input);
    if (shaped !== undefined) {
      push(shown, 'body', explainErrcode(shaped, { ...common, body: bodyOf(shaped, input.trim()) }));
      continue;
    }
    // An errmsg copied with WeChat's request id on it (`code been used, rid: …`) is searched without it,
    // and without the parts that vary (an IP address, a `view more at <url>` link).
    const hits = searchErrcodes(searchableErrmsg(input) || input, { wecom: options.wecom, limit: options.keywordLimit ?? 12 });
    if (hits.length === 0) {
      unknown.push({ ...shown, table: options.wecom ? 'wecom' : 'wechat', nearest: [], where: whereToLook(options.wecom ? 'wecom' : 'wechat', undefined) });
      continue;
    }
    for (const hit of hits) push(shown, 'keyword', explainErrcode(hit.code, common));
  }
  return { results, unknown };
}

export interface ListedErrcode {
  code: number;
  table: 'wechat' | 'wecom';
  stage?: Stage;
  stages: Stage[];
  meaning: Bilingual;
  /** As an explanation's: the languages of `meaning` wxauth wrote, and those no text exists in. */
  derived?: Array<'zh' | 'en'>;
  untranslated?: Array<'zh' | 'en'>;
  endpoints: string[];
}

export const LIST_STAGES = ['authorize', 'token', 'userinfo', 'basic-token', 'quota', 'third-party', 'jssdk', 'any', 'all'] as const;

/**
 * `--list`: the auth-flow codes wxauth knows in depth (optionally one stage); `stage: 'all'` lists
 * the whole table. With `wecom`, the WeCom table.
 */
export function listErrcodes(options: { stage?: string; wecom?: boolean } = {}): ListedErrcode[] {
  const { wechat, wecom, knowledge: rich } = tables();
  if (options.wecom) {
    return [...wecom.values()]
      .sort((a, b) => a.code - b.code)
      .map((row) => ({ code: row.code, table: 'wecom' as const, stages: [], ...meaningOf(row, undefined), endpoints: [] }));
  }
  if (options.stage === 'all') {
    return [...wechat.values()]
      .sort((a, b) => a.code - b.code)
      .map((row) => {
        const entry = rich.get(row.code);
        const listed: ListedErrcode = { code: row.code, table: 'wechat', stages: entry?.stages ?? [], ...meaningOf(row, entry), endpoints: entry?.endpoints ?? [] };
        if (entry?.stages[0] !== undefined) listed.stage = entry.stages[0];
        return listed;
      });
  }
  const listed: ListedErrcode[] = [];
  for (const entry of [...rich.values()].sort((a, b) => a.code - b.code)) {
    if (options.stage !== undefined && !entry.stages.includes(options.stage)) continue;
    const row = wechat.get(entry.code);
    if (!row) continue;
    const item: ListedErrcode = { code: entry.code, table: 'wechat', stages: entry.stages, ...meaningOf(row, entry), endpoints: entry.endpoints };
    if (entry.stages[0] !== undefined) item.stage = entry.stages[0];
    listed.push(item);
  }
  return listed;
}

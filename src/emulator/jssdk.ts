// The JS-SDK side of the emulator: GET /cgi-bin/ticket/getticket (the jsapi_ticket) and a test page,
// GET /__emulator/jssdk?url=…, that checks a wx.config the way WeChat's JS does and answers with
// wx.error's / wx.ready's message (config:ok, config:invalid signature, config:invalid url domain).
// Facts: ../shared/wechat/JSSDK-FACTS.md (copied here as literals; the product never reads /work/shared).
// The signature is recomputed here from the doc's formula, not with the client's core/jssdk.ts, so a
// bug in the client's signing cannot be mirrored (STYLE practice 13).
import { createHash, randomBytes } from 'node:crypto';
import type { Emulator } from './server.js';
import { rewindEntry, type EmulatorState } from './state.js';
import { controlJson, html, type Reply, type Rq } from './reply.js';
import { parseRedirect } from './callback.js';
import { escapeHtml, jsonForScript } from './html.js';
import { hostHeaderAllowed } from './host-guard.js';
import { TICKET_DAILY_QUOTA, basicTokenOf, count, used } from './cgi.js';
import type { QueryParams } from './target.js';
import { uiLangOf, type UiLang } from './ui-text.js';
import { shellQuote } from '../core/shell.js';

export const TICKET_PATH = '/cgi-bin/ticket/getticket';
/** JSSDK-FACTS §1.3: 7200 s; a re-fetch within it returns the same ticket, `expires_in` always 7200. */
export const TICKET_TTL = 7200;

interface TicketEntry {
  ticket: string;
  issuedAt: number;
  expiresAt: number;
  /** The ticket this one replaced, kept for switch ticketGraceSeconds. */
  previous?: { ticket: string; expiresAt: number };
}

// Tickets live beside the emulator's state without changing state.ts: keyed by the state object, so
// `reset()` (which makes a new EmulatorState) forgets them too.
const ticketsOf = new WeakMap<EmulatorState, Map<string, TicketEntry>>();

/** The clock moved back to `now`: a ticket issued after it is as if issued now (state.ts rewindEntry). */
export function rewindTickets(emu: Emulator, now: number): void {
  for (const entry of tickets(emu).values()) rewindEntry(entry, now);
}

function tickets(emu: Emulator): Map<string, TicketEntry> {
  let map = ticketsOf.get(emu.state);
  if (!map) {
    map = new Map();
    ticketsOf.set(emu.state, map);
  }
  return map;
}

/** §1.1 [OBS]: 86 chars of [A-Za-z0-9_-], i.e. 64 bytes base64url without padding. */
function newTicket(): string {
  return randomBytes(64).toString('base64url');
}

/**
 * The jsapi_tickets of an appid that WeChat verifies wx.config against: the one issued, until it expires,
 * plus switch ticketGraceSeconds after that (JSSDK-FACTS §5: an overlap is unverified, 0 by default),
 * which also keeps the ticket a re-fetch replaced for that long past its expiry.
 */
export function liveTickets(emu: Emulator, appid: string, type = 'jsapi'): string[] {
  const entry = tickets(emu).get(`${appid} ${type}`);
  if (!entry) return [];
  const now = emu.now();
  const grace = emu.switches.ticketGraceSeconds * 1000;
  const live = now < entry.expiresAt + grace ? [entry.ticket] : [];
  if (entry.previous && now < entry.previous.expiresAt + grace) live.push(entry.previous.ticket);
  return live;
}

/** Whether `text` is a ticket this emulator issued (the last one of an appid and type, or the one it replaced). */
export function isIssuedTicket(emu: Emulator, text: string): boolean {
  for (const e of tickets(emu).values()) if (e.ticket === text || e.previous?.ticket === text) return true;
  return false;
}

/** An issued ticket as the control API and the emulator's page show it (times in ms of the emulator clock). */
export interface IssuedTicket {
  appid: string;
  type: string;
  ticket: string;
  issuedAt: number;
  expiresAt: number;
  /** Past its 7200 s (or ended by expireTicket): the next getticket issues another. */
  expired: boolean;
}

/** Every appid's and type's last ticket, live or not (a reset forgets them). */
export function issuedTickets(emu: Emulator): IssuedTicket[] {
  const now = emu.now();
  return [...tickets(emu)].map(([key, e]) => {
    const [appid = '', type = ''] = key.split(' ');
    return { appid, type, ticket: e.ticket, issuedAt: e.issuedAt, expiresAt: e.expiresAt, expired: now >= e.expiresAt };
  });
}

/**
 * Ends an appid's ticket now, as if its 7200 s had passed (a server that cached it longer, or across a
 * restart, then signs with a dead ticket): the next getticket issues another, and wx.config verifies
 * the ended one only for switch ticketGraceSeconds more. False when it holds no live ticket.
 */
export function expireTicket(emu: Emulator, appid: string, type = 'jsapi'): boolean {
  const entry = tickets(emu).get(`${appid} ${type}`);
  const now = emu.now();
  if (!entry || now >= entry.expiresAt) return false;
  entry.expiresAt = now;
  return true;
}

/**
 * GET /cgi-bin/ticket/getticket?access_token=ACCESS_TOKEN&type=jsapi (§1). The token is checked as on
 * every /cgi-bin call (41001 missing, 40001 unknown or superseded, 42001 expired: cgi.ts basicTokenOf),
 * then the quota
 * (45009, §1.4), then `type` (40097 "invalid args", ⚠ §1.2: what a bad type returns is unverified).
 */
export function cgiGetTicket(emu: Emulator, rq: Rq): Reply {
  const checked = basicTokenOf(emu, rq);
  if ('reply' in checked) return checked.reply;
  const appid = checked.entry.appid;
  // Counted by cgi.ts's counter, under the key quota/get, quota/clear and clear_quota read.
  if (used(emu, appid, TICKET_PATH) >= TICKET_DAILY_QUOTA) return emu.fail(rq, 'cgi', 45009, appid);
  count(emu, appid, TICKET_PATH);
  const type = rq.query.get('type') ?? '';
  if (type !== 'jsapi' && type !== 'wx_card') return emu.fail(rq, 'cgi', 40097, appid, 'invalid args');
  // §1.3 [OBS]: one ticket per (appid, type) until its hidden expiry; re-fetching, or fetching with a
  // new access_token, hands back the same ticket, and expires_in says 7200 every time.
  const now = emu.now();
  const map = tickets(emu);
  const key = `${appid} ${type}`;
  let current = map.get(key);
  if (!current || now >= current.expiresAt) {
    current = { ticket: newTicket(), issuedAt: now, expiresAt: now + TICKET_TTL * 1000, previous: current && { ticket: current.ticket, expiresAt: current.expiresAt } };
    map.set(key, current);
  }
  // §1.1: the success body carries errcode 0 and errmsg "ok", in this key order.
  return emu.ok(rq, 'cgi', `{"errcode":0,"errmsg":"ok","ticket":${JSON.stringify(current.ticket)},"expires_in":${TICKET_TTL}}`);
}

// ---------------------------------------------------------------------------------------------
// The wx.config test page
// ---------------------------------------------------------------------------------------------

export const JSSDK_PAGE = '/__emulator/jssdk';

export function isJssdkPagePath(path: string): boolean {
  return path === JSSDK_PAGE || path === `${JSSDK_PAGE}/check`;
}

/** What wx.config reports (§3): wx.ready's `config:ok`, or wx.error's errMsg. */
export type ConfigVerdict = 'config:ok' | 'config:fail' | 'config:invalid signature' | 'config:invalid url domain';

interface ConfigInput {
  url: string;
  appId: string;
  timestamp: string;
  nonceStr: string;
  signature: string;
}

/**
 * A bound JS-safe domain covers itself and its subdomains (附录5 "绑定父级域名"); JS-SDK pages are
 * served on 80/443 only (§3), so an entry without a port matches only the default port. The seed's
 * `host:port` and emulator-only `host:*` entries (used by the test account for local servers) match
 * that port / any port. The emulator's apps have one domain list, used for both 网页授权域名 and
 * JS接口安全域名.
 */
function jsDomainAllowed(domains: string[], url: string): boolean {
  const target = parseRedirect(url);
  if (!target) return false;
  for (const raw of domains) {
    const entry = raw.split('/')[0] ?? raw;
    const colon = entry.lastIndexOf(':');
    const host = (colon >= 0 ? entry.slice(0, colon) : entry).toLowerCase();
    const port = colon >= 0 ? entry.slice(colon + 1) : undefined;
    if (target.host !== host && !target.host.endsWith(`.${host}`)) continue;
    if (port === '*' || port === target.port) return true;
  }
  return false;
}

/**
 * WeChat's verdict on a wx.config for the page at `url` [INF order]: incomplete parameters
 * (附录5 config:fail), the page's domain (invalid url domain), then the signature over
 * `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` (§2, url without `#…`) with the appid's live ticket.
 * An unknown appid or one with no live ticket cannot have a valid signature.
 */
export function checkConfig(emu: Emulator, input: ConfigInput): ConfigVerdict {
  return diagnoseConfig(emu, input).errMsg;
}

/**
 * Why a wx.config failed, for the emulator's own page (WeChat's errMsg says none of it): the fields
 * left empty, the page's host beside the app's domains, or why no ticket could match.
 */
export type ConfigWhy =
  | { missing: Array<keyof ConfigInput> }
  | { host: string; domains: string[] }
  | { signature: 'unknown-app' | 'no-live-ticket' | 'upper-case' | 'mismatch' };

export interface ConfigDiagnosis {
  errMsg: ConfigVerdict;
  why?: ConfigWhy;
}

export function diagnoseConfig(emu: Emulator, input: ConfigInput): ConfigDiagnosis {
  const missing = (['url', 'appId', 'timestamp', 'nonceStr', 'signature'] as const).filter((k) => !input[k]);
  if (missing.length > 0) return { errMsg: 'config:fail', why: { missing } };
  const url = input.url.split('#')[0] ?? '';
  const app = emu.app(input.appId);
  if (app && !jsDomainAllowed(app.domain, url)) {
    const target = parseRedirect(url);
    const host = target ? (target.port === undefined ? target.host : `${target.host}:${target.port}`) : url;
    return { errMsg: 'config:invalid url domain', why: { host, domains: app.domain } };
  }
  const invalid = (signature: 'unknown-app' | 'no-live-ticket' | 'upper-case' | 'mismatch'): ConfigDiagnosis => ({ errMsg: 'config:invalid signature', why: { signature } });
  if (!app) return invalid('unknown-app');
  // §2.1: WeChat's own example is lower case; whether upper case passes is unverified: the
  // upperCaseSignature switch decides (accept by default).
  if (emu.switches.upperCaseSignature === 'reject' && input.signature !== input.signature.toLowerCase()) return invalid('upper-case');
  const signature = input.signature.toLowerCase();
  const tickets = liveTickets(emu, app.appid);
  if (tickets.length === 0) return invalid('no-live-ticket');
  for (const ticket of tickets) {
    const string1 = `jsapi_ticket=${ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${url}`;
    if (createHash('sha1').update(string1, 'utf8').digest('hex') === signature) return { errMsg: 'config:ok' };
  }
  return invalid('mismatch');
}

function inputFrom(q: QueryParams): ConfigInput {
  return {
    url: q.get('url') ?? '',
    appId: q.get('appId') ?? '',
    timestamp: q.get('timestamp') ?? '',
    nonceStr: q.get('nonceStr') ?? '',
    signature: q.get('signature') ?? '',
  };
}

/**
 * GET /__emulator/jssdk?url=PAGE[&appId&timestamp&nonceStr&signature] — a page whose script calls a
 * stand-in `wx.config` with those values, which asks /__emulator/jssdk/check for the verdict and calls
 * wx.ready or wx.error as jweixin does; the result is written to #result. Without the values it shows
 * a form. GET /__emulator/jssdk/check answers `{"errMsg": …}`. Both answer only this machine (host-guard).
 */
export function handleJssdkPage(emu: Emulator, rq: Rq): Reply {
  const host = typeof rq.headers.host === 'string' ? rq.headers.host : undefined;
  if (!hostHeaderAllowed(host, emu.controlHosts)) return controlJson({ ok: false, error: 'refused: not an address of this emulator (DNS-rebinding guard)' }, 403);
  if (rq.method !== 'GET') return controlJson({ ok: false, error: `no such control endpoint: ${rq.method} ${rq.path}` }, 404);
  const input = inputFrom(rq.query);
  if (rq.path === `${JSSDK_PAGE}/check`) return controlJson(diagnoseConfig(emu, input));
  return html(page(input, rq.query.has('signature'), uiLangOf(rq)));
}

/** The page's words, in the language of ?lang= or the browser's (as the emulator's own page picks it). */
const PAGE_TEXT = {
  zh: {
    title: 'wx.config 检查',
    about:
      '本页按微信 JS-SDK 的规则检查 wx.config：url 是调用 JS 接口的页面地址（# 之后不参与签名），签名用模拟器为该 appId 签发的 jsapi_ticket 验证。',
    debug: '找原因：',
    debugAfter: '（先运行 wxauth emulator 为这个 appId 打印的 export 那一行）',
    other: 'English',
    why: {
      missing: '这些参数是空的：{fields}。wx.config 的 appId、timestamp、nonceStr、signature 缺一不可（附录5：config:fail 即参数不全）。',
      domain:
        '页面的域名 {host} 不在 appId {appId} 的 JS接口安全域名里（模拟器中为：{domains}）。没写端口的域名只认 80/443 端口；要让模拟器接受别的域名，用 wxauth emulator --domain "{appId}=域名[:端口]" 重新启动（它替换这个 appId 的域名）。',
      'unknown-app': '模拟器里没有 appId 为 {appId} 的应用：签名只能用模拟器给这个 appId 签发的 jsapi_ticket 验证。',
      'no-live-ticket': 'appId {appId} 现在没有有效的 jsapi_ticket（已过期，或服务器还没获取过）：服务器要重新调用 getticket，再用新的 ticket 签名。',
      'upper-case': '签名是大写的十六进制，而模拟器的 upperCaseSignature 开关是 reject：请用小写签名。',
      mismatch: '签名和用 appId {appId} 当前的 jsapi_ticket 算出的不一致。',
      separator: '、',
    },
  },
  en: {
    title: 'wx.config check',
    about:
      'Checks a wx.config as WeChat’s JS-SDK does: url is the page that calls the JS APIs (nothing after # is signed); the signature is verified with the jsapi_ticket this emulator issued to the appId.',
    debug: 'Find out why:',
    debugAfter: '(after the export line wxauth emulator prints for this appId)',
    other: '中文',
    why: {
      missing: 'Empty: {fields}. wx.config needs appId, timestamp, nonceStr and signature (appendix 5: config:fail means incomplete parameters).',
      domain:
        'The page’s host {host} is not among appId {appId}’s JS-safe domains (in this emulator: {domains}). A domain without a port takes ports 80 and 443 only; to have the emulator take another, restart it with wxauth emulator --domain "{appId}=host[:port]" (it replaces this appId’s domains).',
      'unknown-app': 'This emulator has no app with appId {appId}: a signature is verified only with a jsapi_ticket the emulator issued to that appId.',
      'no-live-ticket': 'appId {appId} has no live jsapi_ticket (it expired, or the server never fetched one): the server must call getticket again and sign with the new ticket.',
      'upper-case': 'The signature is upper-case hex and the emulator’s upperCaseSignature switch is reject: sign in lower case.',
      mismatch: 'The signature is not the one appId {appId}’s live jsapi_ticket makes.',
      separator: ', ',
    },
  },
} as const;

/** The `wxauth jssdk verify` line that finds why this wx.config's signature is refused (shell-quoted). */
function verifyCommand(input: ConfigInput): string {
  const q = shellQuote;
  return `wxauth jssdk verify --url ${q(input.url)} --signature ${q(input.signature)} --timestamp ${q(input.timestamp)} --nonce ${q(input.nonceStr)}`;
}

function page(input: ConfigInput, run: boolean, lang: UiLang): string {
  const text = PAGE_TEXT[lang];
  const field = (name: keyof ConfigInput, label: string) =>
    `<label>${label}<input name="${name}" value="${escapeHtml(input[name])}"></label>`;
  const config = { debug: false, appId: input.appId, timestamp: input.timestamp, nonceStr: input.nonceStr, signature: input.signature, jsApiList: [] as string[] };
  // The other language: the same page, the same values.
  const other = new URLSearchParams({ ...input, lang: lang === 'zh' ? 'en' : 'zh' });
  if (!run) other.delete('signature');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${text.title} (wxauth emulator)</title>
<style>body{font-family:-apple-system,"PingFang SC",sans-serif;max-width:640px;margin:24px auto;padding:0 16px;color:#191919}
label{display:block;margin:8px 0;font-size:14px}input{width:100%;font:14px monospace;padding:4px}
#result{font:16px monospace;padding:12px;margin:16px 0;border-radius:6px;background:#f2f2f2}
#result.ok{background:#e7f8ee;color:#06ae56}#result.error{background:#fdecec;color:#fa5151}
.note{font-size:12px;color:#888;line-height:1.5}#lang{float:right;font-size:14px}</style></head>
<body><a id="lang" href="${JSSDK_PAGE}?${escapeHtml(other.toString())}">${text.other}</a><h1>${text.title}</h1>
<p class="note">${text.about}</p>
<form method="get" action="${JSSDK_PAGE}"><input type="hidden" name="lang" value="${lang}">
${field('url', 'url')}${field('appId', 'appId')}${field('timestamp', 'timestamp')}${field('nonceStr', 'nonceStr')}${field('signature', 'signature')}
<button type="submit">wx.config</button></form>
<div id="result">${run ? '…' : ''}</div>
<p class="note" id="why" hidden></p>
${run ? `<p class="note" id="debug" hidden>${text.debug} <code>${escapeHtml(verifyCommand(input))}</code><br>${text.debugAfter}</p>` : ''}
<script>
(function () {
  var readyFns = [], errorFns = [], done = null;
  // What WeChat's errMsg does not say, from the emulator's check (not part of jweixin).
  var whyText = ${jsonForScript(text.why)};
  function explain(why, appId) {
    if (!why) return;
    var t = why.missing ? whyText.missing : why.domains ? whyText.domain : whyText[why.signature];
    if (!t) return;
    var values = { fields: (why.missing || []).join(whyText.separator), host: why.host || '', domains: (why.domains || []).join(whyText.separator), appId: appId };
    var node = document.getElementById('why');
    node.textContent = t.replace(/\\{(\\w+)\\}/g, function (m, k) { return values[k]; });
    node.hidden = false;
  }
  // A stand-in for jweixin's wx: config() is verified by the emulator, then ready() or error() fire.
  var wx = window.wx = {
    config: function (c) {
      var q = new URLSearchParams({ url: ${jsonForScript(input.url)}, appId: String(c.appId || ''), timestamp: String(c.timestamp || ''), nonceStr: String(c.nonceStr || ''), signature: String(c.signature || '') });
      fetch(${jsonForScript(`${JSSDK_PAGE}/check`)} + '?' + q.toString()).then(function (r) { return r.json(); }).then(function (v) {
        explain(v.why, String(c.appId || ''));
        done = v.errMsg;
        if (done === 'config:ok') readyFns.forEach(function (f) { f(); });
        else errorFns.forEach(function (f) { f({ errMsg: done }); });
      });
    },
    ready: function (f) { readyFns.push(f); if (done === 'config:ok') f(); },
    error: function (f) { errorFns.push(f); if (done && done !== 'config:ok') f({ errMsg: done }); }
  };
  var result = document.getElementById('result');
  wx.ready(function () { result.textContent = 'config:ok'; result.className = 'ok'; });
  wx.error(function (res) {
    result.textContent = res.errMsg; result.className = 'error';
    var debug = document.getElementById('debug');
    if (debug && res.errMsg === 'config:invalid signature') debug.hidden = false;
  });
  if (${run ? 'true' : 'false'}) wx.config(${jsonForScript(config)});
})();
</script></body></html>`;
}

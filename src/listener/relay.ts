// `wxauth listen --relay-snippet`: a tiny static page for the real callback domain that forwards code
// and state to the local listener. WeChat allows one callback domain per account, so people put relay
// pages there (PEERS: GetWeixinCode, wechat-oauth2-proxy) — and worry about open redirects
// (GetWeixinCode#25). This page takes no target from the URL: the targets are written into the page
// (an allowlist), and `?to=N` only picks one of them by index.
//
// It is still a code-forwarding page while it is up: WeChat checks only the callback domain, so anyone
// can make a silent snsapi_base link whose redirect_uri is this page, and the visitor's code goes to
// the targets (a LAN one is reached on the visitor's own network). So the page carries its own expiry
// and forwards nothing after it, and LAN targets are written in only when the listener is to listen
// beyond loopback.
import { escapeHtml } from './page.js';

/** How long a page forwards when --relay-ttl is not given, in minutes. */
export const RELAY_TTL_MINUTES = 60;
/** The longest --relay-ttl: a day. */
export const RELAY_TTL_MAX_MINUTES = 1440;

export interface RelaySnippetInput {
  /** Allowed forward targets, e.g. http://127.0.0.1:8080/callback; the first is the default. */
  targets: string[];
  lang: 'zh' | 'en';
  texts: { title: string; blocked: string; noCode: string; expired: string };
  /** When the page is made (ms since the epoch): it forwards until `now` + `ttlMinutes`. */
  now: number;
  ttlMinutes?: number;
}

/** When a page made at `now` stops forwarding (ms since the epoch). */
export function relayExpiresAt(now: number, ttlMinutes: number = RELAY_TTL_MINUTES): number {
  return now + ttlMinutes * 60_000;
}

/** A JSON value safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function buildRelaySnippet(input: RelaySnippetInput): string {
  // In a JSON value inside <script> (scriptJson escapes <, > and &), used only as a location: a quote is harmless.
  const targets = input.targets.filter((t) => /^https?:\/\/[^\s"<>\\]+$/.test(t));
  const expires = relayExpiresAt(input.now, input.ttlMinutes);
  const config = { targets, expires, texts: input.texts };
  return [
    '<!doctype html>',
    `<!-- wxauth relay: forwards until ${new Date(expires).toISOString()}, then nothing. Delete this page when you are done. -->`,
    `<html lang="${input.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(input.texts.title)}</title></head><body>`,
    `<p id="msg">${escapeHtml(input.texts.title)}</p>`,
    '<script>',
    '// wxauth relay: forwards code and state to an allow-listed local listener only (no open redirect), and only until it expires.',
    `(function () {`,
    `  var c = ${scriptJson(config)};`,
    `  var msg = document.getElementById('msg');`,
    `  if (!(Date.now() < c.expires)) { msg.textContent = c.texts.expired; return; }`,
    `  var q = new URLSearchParams(location.search);`,
    `  var to = Number(q.get('to') || '0');`,
    `  var target = (Number.isInteger(to) && to >= 0 && to < c.targets.length) ? c.targets[to] : null;`,
    `  if (!target) { msg.textContent = c.texts.blocked; return; }`,
    // WeChat appends its code and state after any the redirect_uri kept (API-FACTS §1.4): the last ones.
    `  var last = function (name) { var all = q.getAll(name); return all.length ? all[all.length - 1] : null; };`,
    `  var code = last('code'), state = last('state');`,
    `  if (code === null && state === null) { msg.textContent = c.texts.noCode; return; }`,
    `  var out = [];`,
    `  if (code !== null) out.push('code=' + encodeURIComponent(code));`,
    `  if (state !== null) out.push('state=' + encodeURIComponent(state));`,
    `  location.replace(target + (target.indexOf('?') < 0 ? '?' : '&') + out.join('&'));`,
    `})();`,
    '</script></body></html>',
    '',
  ].join('\n');
}

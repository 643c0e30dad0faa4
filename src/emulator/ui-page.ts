// The emulator's own page (issue 16), at GET / and GET /__emulator/ui on the emulator's address: apps
// and users to copy, who "you" are, the clock, faults, switches, pending QR logins and the live request
// log. The page is one self-contained document: its style and script are inline and allowed by a
// per-response nonce, nothing else may load or run (CSP default-src 'none'), and the script builds
// every element from data with textContent, never markup. Everything it does goes through the control
// API (/__emulator/*), so the page and a user's scripts steer the same emulator the same way.
import { randomBytes } from 'node:crypto';
import type { Emulator } from './server.js';
import type { Reply, Rq } from './reply.js';
import { escapeHtml, jsonForScript } from './html.js';
import { SWITCH_TEXT, UI_TEXT, uiLangOf, type UiLang, type UiTextKey } from './ui-text.js';
import { UI_SCRIPT } from './ui-script.js';

export const UI_PATH = '/__emulator/ui';

/** The page's Content-Security-Policy: only its own nonce'd style and script, fetches to itself. */
function uiCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const STYLE = `
:root{--green:#07c160;--green-dark:#06ae56;--red:#fa5151;--orange:#fa9d3b;--bg:#ededed;--card:#fff;--text:#191919;--muted:#777;--line:#e5e5e5;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Helvetica Neue","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:var(--bg);color:var(--text)}
html:lang(en) body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Helvetica Neue",Roboto,Arial,"DejaVu Sans","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
header.top{background:#2e2e2e;color:#fff;padding:16px 20px;display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start;justify-content:space-between}
header.top h1{margin:0;font-size:20px;font-weight:600}
header.top .sub{margin:4px 0 0;color:#cfcfcf;font-size:13px;max-width:760px}
header.top .base{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin-top:8px}
header.top code{color:#9fe8bf}
.top-actions{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.langs{display:inline-flex;border:1px solid #666;border-radius:6px;overflow:hidden}
.langs button{border:0;border-radius:0;background:transparent;color:#ddd;padding:5px 12px}
.langs button[aria-pressed="true"]{background:var(--green);color:#fff}
.status{min-height:0;margin:0;padding:0 20px}
.status:not(:empty){padding:10px 20px;background:#e7f8ee;color:#06773b;border-bottom:1px solid #c9eed8}
.status.error:not(:empty){background:#fdecec;color:#c62828;border-bottom-color:#f6caca}
main.grid{display:grid;grid-template-columns:minmax(0,1fr);gap:16px;padding:16px;max-width:1400px;margin:0 auto}
@media (min-width:960px){main.grid{grid-template-columns:minmax(300px,380px) minmax(0,1fr);align-items:start}}
.col{display:grid;gap:16px;min-width:0}
@media (max-width:959px){.col{display:contents}#switches-card{order:1}}
.card{background:var(--card);border-radius:10px;padding:14px 16px;min-width:0;box-shadow:0 1px 2px rgba(0,0,0,.05)}
.card h2{font-size:16px;margin:0 0 6px;font-weight:600}
.desc{color:var(--muted);font-size:12.5px;margin:0 0 10px}
.mono,code,pre{font-family:var(--mono);font-size:12.5px}
.wrap{overflow-wrap:anywhere;word-break:break-all}
button{font:inherit;font-size:13px;border:1px solid #d0d0d0;background:#f7f7f7;color:var(--text);border-radius:6px;padding:5px 10px;cursor:pointer;touch-action:manipulation}
button:hover{background:#efefef}
button:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible{outline:2px solid var(--green);outline-offset:1px}
button.primary{background:var(--green);border-color:var(--green);color:#fff}
button.primary:hover{background:var(--green-dark)}
button.danger{border-color:#e3a3a3;color:#c62828;background:#fff5f5}
header.top button.danger{background:transparent;color:#ffb4b4;border-color:#8a4b4b}
button.copy{padding:1px 8px;font-size:12px;flex:none}
select,input[type=text]{font:inherit;font-size:13px;padding:5px 8px;border:1px solid #ccc;border-radius:6px;background:#fff;color:var(--text);max-width:100%;min-width:0}
input[aria-invalid="true"]{border-color:var(--red)}
.btns{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.clock-now{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
.small{font-size:12px;color:var(--muted)}
.list{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.item{border:1px solid var(--line);border-radius:8px;padding:8px 10px;min-width:0;overflow-wrap:anywhere}
.kv{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;margin:3px 0;min-width:0}
.kv .k{color:var(--muted);font-size:12px;flex:0 1 auto;min-width:0}
.kv .v{min-width:0;overflow-wrap:anywhere;word-break:break-all}
.badge{display:inline-block;font-size:11.5px;padding:0 7px;border-radius:10px;background:#f0f0f0;color:#555;white-space:nowrap}
.badge.green{background:#e7f8ee;color:#06773b}
.badge.red{background:#fdecec;color:#c62828}
.badge.orange{background:#fff3e0;color:#b25e00}
.app-head,.user-head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px;margin-bottom:4px}
.app-head strong,.user-head strong{font-size:14.5px;min-width:0}
.export{display:flex;gap:8px;align-items:flex-start;background:#f7f7f7;border-radius:6px;padding:6px 8px;margin-top:6px}
.export code{flex:1;min-width:0;overflow-wrap:anywhere;word-break:break-all;color:#333}
form.fault{display:flex;gap:8px;flex-wrap:wrap}
form.fault input{flex:1 1 180px}
#switches-card>summary{cursor:pointer;list-style:none}
#switches-card>summary::-webkit-details-marker{display:none}
#switches-card>summary h2{display:inline}
#switches-card>summary h2::after{content:" \\25B8";color:var(--muted);font-size:13px}
#switches-card[open]>summary h2::after{content:" \\25BE"}
#switches-card[open]>summary{margin-bottom:6px}
.switch{border-top:1px solid var(--line);padding:8px 0}
.switch:first-child{border-top:0}
.switch .name{font-family:var(--mono);font-size:12.5px;font-weight:600}
.seg{display:inline-flex;flex-wrap:wrap;gap:4px;margin-top:4px}
.seg button{padding:2px 9px;font-family:var(--mono);font-size:12px}
.seg button[aria-pressed="true"]{background:var(--green);border-color:var(--green);color:#fff}
.filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin-bottom:8px}
.filters label{display:flex;gap:6px;align-items:center;font-size:13px;min-width:0}
.filters input{width:8em}
.log-head{display:flex;align-items:center;gap:8px;justify-content:space-between}
.live{font-size:12px;color:var(--muted)}
.live.on::before{content:"";display:inline-block;width:8px;height:8px;border-radius:50%;background:var(--green);margin-right:5px}
.log{display:grid;gap:4px}
details.req{border:1px solid var(--line);border-radius:8px;min-width:0}
details.req.err{border-left:3px solid var(--red)}
details.req.warn{border-left:3px solid var(--orange)}
details.req>summary{list-style:none;cursor:pointer;padding:6px 10px;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:baseline;min-width:0}
details.req>summary::-webkit-details-marker{display:none}
details.req[open]>summary{background:#fafafa;border-bottom:1px solid var(--line)}
.req .t{color:var(--muted);font-family:var(--mono);font-size:12px;flex:none}
.req .m{font-weight:600;font-size:12px;flex:none}
.req .p{font-family:var(--mono);font-size:12.5px;flex:1 1 200px;min-width:0;overflow-wrap:anywhere;word-break:break-all}
.req .line2{display:flex;flex-wrap:wrap;gap:2px 8px;align-items:baseline;min-width:0;flex:1 1 100%}
.req .c{font-family:var(--mono);font-size:12px;font-weight:600;flex:none}
.req .c.ok{color:var(--green-dark)}
.req .c.bad{color:var(--red)}
.req .mean{min-width:0;max-width:100%;flex:0 1 auto;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:#444}
.req .a{flex:none;margin-left:auto;font-family:var(--mono);font-size:11.5px;color:var(--muted)}
@media (min-width:960px){.req .line2{flex:1 1 320px}}
.detail{padding:8px 10px;display:grid;gap:6px;min-width:0}
.detail h3{font-size:13px;margin:6px 0 0}
.detail pre{margin:0;background:#f7f7f7;border-radius:6px;padding:6px 8px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-all;max-height:360px;overflow:auto}
.offscreen{position:fixed;left:-9999px;top:0;opacity:0}
.empty{color:var(--muted);font-size:13px;margin:4px 0}
[hidden]{display:none!important}
`;

// A green speech-bubble favicon as a data: URL, so the browser does not ask the emulator for
// /favicon.ico (server.ts answers that 204, for pages without an icon of their own).
const ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#07c160"/><ellipse cx="15" cy="15" rx="10" ry="8" fill="#fff"/></svg>',
  );

function uiText(lang: UiLang, key: UiTextKey): string {
  return escapeHtml(UI_TEXT[key][lang]);
}

/** An element whose text the script re-applies when the language changes. */
function tx(tag: string, key: UiTextKey, lang: UiLang, attrs = ''): string {
  return `<${tag}${attrs} data-t="${key}">${uiText(lang, key)}</${tag}>`;
}

function body(lang: UiLang, url: string): string {
  return `
<header class="top">
  <div>
    ${tx('h1', 'title', lang)}
    ${tx('p', 'subtitle', lang, ' class="sub"')}
    <div class="base"><code id="base-url">${escapeHtml(url)}</code></div>
  </div>
  <div class="top-actions">
    <div class="langs" role="group" aria-label="${uiText(lang, 'lang.label')}" data-t-aria="lang.label">
      <button type="button" data-lang="zh" lang="zh-CN" aria-pressed="${lang === 'zh'}">中文</button><button type="button" data-lang="en" lang="en" aria-pressed="${lang === 'en'}">English</button>
    </div>
    ${tx('button', 'resetAll', lang, ' type="button" id="reset-all" class="danger"')}
  </div>
</header>
<p id="status" class="status" role="status" aria-live="polite"></p>
<main class="grid">
  <div class="col">
    <section class="card" id="you-card" aria-labelledby="you-title">
      ${tx('h2', 'you.title', lang, ' id="you-title"')}
      ${tx('p', 'you.desc', lang, ' class="desc"')}
      <select id="you" aria-labelledby="you-title"></select>
    </section>
    <section class="card" id="clock-card" aria-labelledby="clock-title">
      ${tx('h2', 'clock.title', lang, ' id="clock-title"')}
      <div id="clock-now" class="clock-now"></div>
      <div id="clock-iso" class="mono small"></div>
      <div id="clock-ahead" class="small"></div>
      <div class="btns">
        ${tx('button', 'clock.plus5m', lang, ' type="button" data-advance="300"')}
        ${tx('button', 'clock.plus2h', lang, ' type="button" data-advance="7200"')}
        ${tx('button', 'clock.plus30d', lang, ' type="button" data-advance="2592000"')}
        ${tx('button', 'clock.reset', lang, ' type="button" id="clock-reset"')}
      </div>
      ${tx('p', 'clock.note', lang, ' class="desc"')}
    </section>
    <section class="card" id="qr-card" aria-labelledby="qr-title">
      ${tx('h2', 'qr.title', lang, ' id="qr-title"')}
      ${tx('p', 'qr.none', lang, ' class="empty" id="qr-none"')}
      <ul id="qr-list" class="list"></ul>
    </section>
    <section class="card" id="faults-card" aria-labelledby="faults-title">
      ${tx('h2', 'faults.title', lang, ' id="faults-title"')}
      ${tx('p', 'faults.desc', lang, ' class="desc"')}
      <form id="fault-form" class="fault" novalidate>
        <input type="text" id="fault-spec" autocomplete="off" spellcheck="false" placeholder="500@/sns/oauth2/access_token" aria-label="${uiText(lang, 'faults.label')}" data-t-aria="faults.label">
        ${tx('button', 'faults.arm', lang, ' type="submit" class="primary"')}
      </form>
      <ul id="fault-list" class="list" aria-live="polite"></ul>
      ${tx('p', 'faults.none', lang, ' class="empty" id="faults-none"')}
      <div class="btns">${tx('button', 'faults.clear', lang, ' type="button" id="faults-clear"')}</div>
    </section>
    <details class="card" id="switches-card">
      <summary><h2>${tx('span', 'switches.title', lang)} <span id="switches-changed" class="badge orange" hidden></span></h2></summary>
      ${tx('p', 'switches.desc', lang, ' class="desc"')}
      <div id="switch-list"></div>
    </details>
  </div>
  <div class="col">
    <section class="card" id="apps-card" aria-labelledby="apps-title">
      ${tx('h2', 'apps.title', lang, ' id="apps-title"')}
      <ul id="app-list" class="list"></ul>
    </section>
    <section class="card" id="users-card" aria-labelledby="users-title">
      ${tx('h2', 'users.title', lang, ' id="users-title"')}
      <ul id="user-list" class="list"></ul>
    </section>
    <section class="card" id="log-card" aria-labelledby="log-title">
      <div class="log-head">${tx('h2', 'log.title', lang, ' id="log-title"')}<span id="live" class="live"></span></div>
      ${tx('p', 'log.desc', lang, ' class="desc"')}
      <div class="filters">
        <label>${tx('span', 'log.filter.appid', lang)}<select id="filter-appid"></select></label>
        <label>${tx('span', 'log.filter.errcode', lang)}<input type="text" id="filter-errcode" inputmode="numeric" autocomplete="off" placeholder="${uiText(lang, 'log.filter.any')}" data-t-placeholder="log.filter.any" title="${uiText(lang, 'log.filter.errcodeHint')}" data-t-title="log.filter.errcodeHint"></label>
      </div>
      <p id="log-hidden" class="empty" hidden></p>
      <p id="log-empty" class="empty"></p>
      <div id="log-list" class="log"></div>
    </section>
  </div>
</main>`;
}

/**
 * GET / and GET /__emulator/ui (the control API's Host guard has already run). The language comes from
 * `?lang=` or Accept-Language; the script can switch it without a reload.
 */
export function uiPage(emu: Emulator, rq: Rq): Reply {
  const nonce = randomBytes(16).toString('base64');
  const lang = uiLangOf(rq);
  const texts = { zh: {} as Record<string, string>, en: {} as Record<string, string> };
  for (const [key, value] of Object.entries(UI_TEXT)) {
    texts.zh[key] = value.zh;
    texts.en[key] = value.en;
  }
  const boot = { lang, url: emu.url, instance: emu.instance, texts, switches: SWITCH_TEXT };
  const html =
    `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${uiText(lang, 'title')}</title><link rel="icon" href="${escapeHtml(ICON)}">` +
    `<style nonce="${nonce}">${STYLE}</style></head><body>${body(lang, emu.url)}` +
    `<script type="application/json" id="boot">${jsonForScript(boot)}</script>` +
    `<script nonce="${nonce}">${UI_SCRIPT}</script></body></html>`;
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': uiCsp(nonce),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
    body: html,
  };
}

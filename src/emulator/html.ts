// HTML for the emulator's WeChat-like pages. Every value that came from a request or a seed goes
// through escapeHtml (or jsonForScript inside <script>), so nothing a caller sends can inject markup.
import type { UiLang } from './ui-text.js';
import { escapeUnsafe } from '../core/unsafe-chars.js';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text of a seed (a nickname, an app's name or domain) or of a request, as the pages show it: control
 * characters, bidi overrides and invisible characters written as escapes (core/unsafe-chars.ts, as the
 * CLI and the emulator's own page show them), then HTML-escaped. A U+202E in a name reversed the rest of
 * its line; an ESC in one is nothing a reader can see.
 */
export function shownHtml(value: string): string {
  return escapeHtml(escapeUnsafe(value));
}

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`, no U+2028/9 surprises). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
body{margin:0;font-family:-apple-system,"PingFang SC","Helvetica Neue","Microsoft YaHei",sans-serif;background:#ededed;color:#191919}
.page{max-width:420px;margin:0 auto;padding:48px 24px;text-align:center}
.icon{width:64px;height:64px;border-radius:50%;margin:0 auto 24px;display:flex;align-items:center;justify-content:center;font-size:36px;color:#fff;background:#fa5151}
.icon.ok{background:#07c160}
h1,h2{font-weight:500;font-size:20px;margin:0 0 12px}
.desc{font-size:15px;color:#555;line-height:1.6;word-break:break-all}
.app{font-size:17px;font-weight:500;margin:12px 0;overflow-wrap:anywhere}
.scope{text-align:left;background:#fff;border-radius:8px;padding:12px 16px;margin:16px 0;font-size:15px}
.buttons{display:flex;flex-direction:column;gap:12px;margin-top:24px}
button{font-size:17px;padding:11px 0;border-radius:8px;border:0;cursor:pointer}
button.primary{background:#07c160;color:#fff}
button:disabled{opacity:.45;cursor:not-allowed}
button.default{background:#f2f2f2;color:#06ae56}
select{font-size:15px;padding:6px;margin-left:8px;max-width:calc(100% - 8px)}
.emu{margin-top:32px;font-size:12px;color:#999;line-height:1.5}
.qrcode{background:#fff;padding:6px;border:1px solid #e2e2e2}
img.qrcode{width:220px;height:220px}
`;

export function layout(title: string, body: string, extraHead = ''): string {
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">` +
    // An empty icon: the browser then does not ask for /favicon.ico at all (server.ts answers it 204 for pages without one).
    `<link rel="icon" href="data:,">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style>${extraHead}</head><body>${body}</body></html>`
  );
}

/**
 * The emulator's explanation under a page (not part of WeChat's page): what was checked and why, in
 * both languages. Values from the request (hosts, appids, domains) are filled into both as they are;
 * escaping happens once, when the note is rendered.
 */
export interface Note {
  readonly zh: string;
  readonly en: string;
}

/** A note's language with the note: a page picks the language only when it has a note to show. */
export interface ShownNote {
  readonly note: Note;
  readonly lang: UiLang;
}

const NOTE_PREFIX: Record<UiLang, string> = { zh: 'wxauth 模拟器：', en: 'wxauth emulator: ' };

/** A note's words, prefixed in its language so they never pass for WeChat's text (not escaped). */
export function noteLine(shown: ShownNote): string {
  return NOTE_PREFIX[shown.lang] + shown.note[shown.lang];
}

/** The note as a grey line under the page. */
export function emulatorNote(shown: ShownNote | undefined): string {
  // A note can quote a seeded domain or a sent redirect_uri.
  return shown ? `<p class="emu" data-emulator-note>${shownHtml(noteLine(shown))}</p>` : '';
}

/**
 * WeChat's authorize error page: "Oops! Something went wrong:(" then the message with its code
 * (mobile wording, API-FACTS §1.5). `data-errcode` lets scripts read the code without scraping.
 * WeChat's lines stay Chinese whatever the browser's language; only the emulator's note follows it.
 */
export function errorPage(message: string, errcode: number | undefined, note?: ShownNote, showCode = true): string {
  // `showCode` false: the line without "，错误码：N" (PC WeChat's 10003 page, §1.5 ⚠); data-errcode keeps it.
  const line = errcode === undefined || !showCode ? message : `${message}，错误码：${errcode}`;
  return layout(
    '微信网页授权',
    `<div class="page" data-errcode="${errcode ?? ''}"><div class="icon">!</div>` +
      `<h2>Oops! Something went wrong:(</h2><p class="desc" id="errmsg">${escapeHtml(line)}</p>${emulatorNote(note)}</div>`,
  );
}

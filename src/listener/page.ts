// The small page the browser shows after WeChat redirects it to the local listener. Everything that
// came from the request is HTML-escaped; the page carries no external resources and a strict CSP, and
// `Referrer-Policy: no-referrer` so the code in the address bar never leaks to another origin.
import { createHash } from 'node:crypto';
import type { MessageKey } from '../errors.js';
import type { PageOutcome } from '../core/callback-decision.js';
import type { StateOnlyVerdict } from '../core/callback-url.js';

/** Renders a page text in the visitor's language: a catalogue key, with the params its outcome carries, in
 * `lang` (the page's: the browser's when it asks for zh or en, else the CLI's). */
export type Translate = (key: MessageKey, params: Record<string, string | number | undefined> | undefined, lang: 'zh' | 'en') => string;

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Hash routes (`http://127.0.0.1:8080/#/login`): WeChat appends `?code=…&state=…` after the `#`, so the
 * browser never sends the code to the server (API-FACTS §1.4). This script moves the fragment's query
 * into the real query once, so the listener can read it. It is allowed by its CSP hash only.
 */
export const HASH_FORWARD_SCRIPT =
  "(function(){var h=location.hash;var i=h.indexOf('?');var q=i>=0?h.slice(i+1):(h.indexOf('=')>0?h.slice(1):'');" +
  "if(q&&/(^|&)(code|state)=/.test(q)&&location.search===''){location.replace(location.pathname+'?'+q);}})();";

const SCRIPT_HASH = 'sha256-' + createHash('sha256').update(HASH_FORWARD_SCRIPT).digest('base64');

export function securityHeaders(withScript: boolean): Record<string, string> {
  return {
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src ${withScript ? `'${SCRIPT_HASH}'` : "'none'"}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
  };
}

export interface PageInput {
  outcome: PageOutcome;
  lang: 'zh' | 'en';
  t: Translate;
  /** The state as received (shown escaped). */
  state?: string;
  /** The first characters of the code (never the whole code: it is a secret until exchanged). */
  codePrefix?: string;
  /** A refusal of a callback without a code (callback-decision's CallbackAnswer.noCode). */
  noCode?: boolean;
  /** A state-only callback: what its link makes of it (CallbackAnswer.verdict; a snsapi_base link shows no consent page). */
  verdict?: StateOnlyVerdict;
  withScript?: boolean;
}

const STYLE =
  'body{font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;' +
  'background:#f5f5f5;color:#222}main{max-width:32rem;margin:12vh auto;padding:2rem;background:#fff;' +
  'border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.08)}h1{font-size:1.35rem;margin:0 0 1rem}' +
  'main[data-outcome=success] h1,main[data-outcome=duplicate] h1{color:#07c160}' +
  'main[data-outcome=denied] h1,main[data-outcome=state_mismatch] h1,main[data-outcome=invalid] h1{color:#fa5151}' +
  'p{line-height:1.6}code{word-break:break-all;background:#f0f0f0;padding:0 .25rem;border-radius:3px}' +
  'footer{margin-top:1.5rem;color:#888;font-size:.85rem}';

export function renderPage(input: PageInput): string {
  const { outcome } = input;
  const t = (key: MessageKey, params?: Record<string, string | number | undefined>) => input.t(key, params, input.lang);
  // A code that came with no state at all was not "another state": its own words (the same title).
  // A mismatched state with no code (a refusal from another authorization's tab) refused no code.
  // A state-only callback of a snsapi_base link: no consent page, so no one refused; of a QR login:
  // cancelled on the phone, not refused on a consent page.
  const base = outcome === 'denied' && input.verdict === 'lost_code';
  const qr = outcome === 'denied' && input.verdict === 'refused_qr';
  const title = t(base ? 'listen.page.denied.base.title' : qr ? 'listen.page.denied.qr.title' : outcome === 'state_mismatch' && input.noCode === true ? 'listen.page.state_mismatch.nocode.title' : `listen.page.${outcome}.title`);
  const detail = t(base ? 'listen.page.denied.base.detail' : qr ? 'listen.page.denied.qr.detail' : outcome === 'state_mismatch' && input.state === undefined ? 'listen.page.state_missing.detail' : `listen.page.${outcome}.detail`);
  const rows: string[] = [];
  if (input.codePrefix !== undefined) {
    rows.push(`<p>code: <code id="code">${escapeHtml(input.codePrefix)}…</code></p>`);
  }
  if (input.state !== undefined) {
    rows.push(`<p>state: <code id="state">${escapeHtml(input.state)}</code></p>`);
  }
  const script = input.withScript ? `<script>${HASH_FORWARD_SCRIPT}</script>` : '';
  return (
    `<!doctype html>\n<html lang="${input.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(title)} · wxauth</title><style>${STYLE}</style></head>` +
    `<body><main data-outcome="${escapeHtml(outcome)}"><h1 id="title">${escapeHtml(title)}</h1>` +
    `<p id="detail">${escapeHtml(detail)}</p>${rows.join('')}` +
    `<footer>wxauth</footer></main>${script}</body></html>\n`
  );
}

// Human formatting of times and durations, in zh and en. Pure: the clock is passed in.
import type { Lang } from './i18n.js';
import { stripStyle } from './ansi.js';

const UNITS = {
  en: { d: 'd', h: 'h', m: 'm', s: 's' },
  zh: { d: '天', h: '小时', m: '分', s: '秒' },
} as const;

/**
 * A listening host written in a sentence: an IPv6 address in brackets (`[::]`, `[::1]`), as in a URL,
 * so that "listens on ::: other machines…" reads "listens on [::]: …". listener/server.ts and
 * core/host-names.ts (hostInText) write it the same way.
 */
export function hostInText(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * A compact duration: `29d23h`, `1h59m`, `4m30s`, `45s` (en); `29天23小时`, `1小时59分`, `4分30秒`,
 * `45秒` (zh). Two units at most, rounded down: "1h59m" never claims more time than is left.
 * The sign is ignored (callers say "in …" or "… ago").
 */
export function formatDuration(ms: number, lang: Lang): string {
  const u = UNITS[lang];
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d > 0) return h > 0 ? `${d}${u.d}${h}${u.h}` : `${d}${u.d}`;
  if (h > 0) return m > 0 ? `${h}${u.h}${m}${u.m}` : `${h}${u.h}`;
  // Under 10 minutes the seconds still matter (a code lives 5 minutes).
  if (m > 0) return m < 10 && s > 0 ? `${m}${u.m}${s}${u.s}` : `${m}${u.m}`;
  return `${s}${u.s}`;
}

/** `in 1h59m` / `1小时59分后` for the future; `5m ago` / `5分前` for the past. */
export function formatRelative(deltaMs: number, lang: Lang): string {
  const d = formatDuration(deltaMs, lang);
  if (deltaMs >= 0) return lang === 'zh' ? `${d}后` : `in ${d}`;
  return lang === 'zh' ? `${d}前` : `${d} ago`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time `2026-01-15 10:00:00` (the terminal's time zone, as the user reads it). */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `2026-01-15 12:00:00 (in 1h59m)`. */
export function formatDeadline(expiresAt: number, now: number, lang: Lang): string {
  const relative = formatRelative(expiresAt - now, lang);
  // Chinese text brackets an aside with full-width parentheses: 「2026-01-15 10:00:00（1小时59分后）」.
  return lang === 'zh' ? `${formatLocalTime(expiresAt)}（${relative}）` : `${formatLocalTime(expiresAt)} (${relative})`;
}

/** ISO 8601 in UTC, for --json. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * `text` as a sentence another follows on the same line: a full stop added when it ends in a value
 * (`…WeChat sees http%3A%2F%2F…`) rather than in punctuation, so the next sentence does not run on.
 */
export function asSentence(lang: Lang, text: string): string {
  const plain = stripStyle(text);
  if (plain === '' || /[.!?。！？…:：;；)）」』”"']$/.test(plain)) return text;
  return text + (lang === 'zh' ? '。' : '.');
}

/**
 * Two pieces of text as one line. English puts a space between them; Chinese puts none next to a
 * full-width mark or between Chinese characters (a full-width mark carries its own spacing, and
 * "格式不对。 appid" reads as a stray gap). Our own colour codes at either edge are looked through.
 */
export function joinText(lang: Lang, a: string, b: string): string {
  if (a === '' || b === '') return a + b;
  if (lang !== 'zh') return `${a} ${b}`;
  const plainEnd = stripStyle(a).slice(-1);
  const plainStart = stripStyle(b).slice(0, 1);
  const tight = /[\u3000-\u303f\uff00-\uffef\u3400-\u9fff]/;
  return tight.test(plainEnd) || tight.test(plainStart) ? a + b : `${a} ${b}`;
}

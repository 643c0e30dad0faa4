import type { MessageParams, MessageRef } from '../errors.js';
import type { LocalTime, MessageKey, NestedMessage, ParamsOf } from './messages/index.js';
import { formatLocalTime } from './format.js';
import { lookup } from './messages/lookup.js';

export type Lang = 'zh' | 'en';

/**
 * The user's language from the environment, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG.
 * zh* means Chinese; anything else (or nothing) English.
 */
export function detectLang(env: Record<string, string | undefined>): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * The interface language a --lang value names: zh or en, and what Chinese and English users type for
 * them (zh_CN, zh-Hans, cn, en_US…; any case). zh_TW, zh_HK and zh-Hant are Chinese too, as they are
 * in LANG (detectLang) and on the emulator's page: the only Chinese there is. Undefined for anything else.
 */
export function uiLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  if (v === 'zh' || v === 'cn' || v === 'chinese' || v === '中文' || /^zh-(cn|hans|sg|hans-cn|tw|hk|mo|hant|hant-tw|hant-hk)$/.test(v)) return 'zh';
  if (v === 'en' || v === 'english' || /^en-[a-z]{2}$/.test(v)) return 'en';
  return undefined;
}

/** The parameters `key` needs: none, or exactly the `{names}` its text uses. */
export type ParamArgs<K extends MessageKey> = keyof ParamsOf<K> extends never ? [params?: Record<string, never>] : [params: ParamsOf<K>];

/** Render a catalogue message in `lang`. Keys and parameters are checked by the compiler. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: ParamArgs<K>): string {
  return renderMessage(lang, key, args[0]);
}

/**
 * A key the compiler knows, with parameters it cannot check: for keys chosen at run time from data
 * (inspect's finding ids, an outcome) whose parameters travel with that data.
 */
export function tKey(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return renderMessage(lang, key, params);
}

/**
 * A key built from data that may have no text (`cli.<command>.examples`, an errcode stage): undefined
 * when the catalogue has none, so the caller can skip it or fall back. The command table's texts are
 * checked by a test.
 */
export function tOptional(lang: Lang, key: string): string | undefined {
  const text = lookup(lang, key);
  return text === undefined ? undefined : fill(lang, text, {});
}

/** The untyped core of t(): for refs whose key/params pair was checked where it was built. */
export function renderMessage(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  // A typed key always has a text; the key itself is a readable last resort should a build lose one.
  return fill(lang, lookup(lang, key) ?? key, params);
}

/** A parameter that is a message of its own (ParamValue): rendered in the sentence's language. */
export function isNestedMessage(value: unknown): value is NestedMessage {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

function isLocalTime(value: unknown): value is LocalTime {
  return typeof value === 'object' && value !== null && typeof (value as { localTime?: unknown }).localTime === 'number';
}

function fill(lang: Lang, text: string, params: MessageParams): string {
  if (!text.includes('{')) return text;
  return dropEmptyEnds(text, params).replace(/\{(\w+)\}( ?)/g, (whole: string, name: string, space: string, at: number, template: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const shown = isNestedMessage(value)
      ? renderMessage(lang, value.key, value.params)
      : isLocalTime(value)
        ? formatLocalTime(value.localTime)
        : Array.isArray(value)
          ? joinList(lang, value)
          : String(value);
    if (lang !== 'zh') return shown + space;
    // A Chinese text spaces a value off (「{expiry} 之后」, right for 「10:00:00 之后」); a value that ends in
    // full-width punctuation (「…10:00:00（29天后）」) takes no space after it.
    if (space !== '') return FULL_WIDTH_END.test(shown) ? shown : shown + space;
    // A URL right before 「（」: terminals that make links clickable would take the bracket and what
    // follows as part of it, so one space ends the link.
    return template[at + whole.length] === '（' && /^https?:\/\/\S+$/.test(shown) ? `${shown} ` : shown;
  });
}

/**
 * The template without a value given as empty text at either end, and the space that set it apart:
 * `Also: {problem} {hint}` with no hint ends at the problem, `{hint} Nothing was saved` with none starts
 * at "Nothing", not at a stray space (a trailing one is invisible on a terminal, but not to a test, a log
 * or a diff).
 */
function dropEmptyEnds(text: string, params: MessageParams): string {
  let template = text;
  const last = text.endsWith('}') ? EMPTY_LAST.exec(template) : null;
  if (last !== null && params[last[1]!] === '') template = template.slice(0, last.index);
  const first = template.startsWith('{') ? EMPTY_FIRST.exec(template) : null;
  if (first !== null && params[first[1]!] === '') template = template.slice(first[0].length);
  return template;
}

const EMPTY_LAST = / \{(\w+)\}$/;
const EMPTY_FIRST = /^\{(\w+)\} /;

/**
 * A list as the language writes one: `a, b` in English, `a、b` in Chinese. What t() does with a list
 * parameter; for a list shown outside a sentence (a field's value), call it directly.
 */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

/** Full-width closing punctuation at the end of a value (see fill). */
const FULL_WIDTH_END = /[）」』》】，。；：！？]$/;

export function tr(lang: Lang, ref: MessageRef): string {
  return renderMessage(lang, ref.key, ref.params);
}

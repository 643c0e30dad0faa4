import type { MessageParams, MessageRef } from '../errors.js';
import { catalogue } from './messages/index.js';

export type Lang = 'zh' | 'en';

/**
 * The user's language from the environment, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG.
 * zh* means Chinese; anything else (or nothing) English.
 */
export function detectLang(env: Record<string, string | undefined>): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Render a catalogue message. An unknown key is a bug; it renders as the key so the text is never lost. */
export function t(lang: Lang, key: string, params: MessageParams = {}): string {
  const entry = catalogue[key];
  const template = entry ? entry[lang] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function tr(lang: Lang, ref: MessageRef): string {
  return t(lang, ref.key, ref.params);
}

export function hasMessage(key: string): boolean {
  return Object.hasOwn(catalogue, key);
}

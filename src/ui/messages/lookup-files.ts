// The CLI bundle's lookup() (scripts/bundle.mjs swaps it in for lookup.ts): the catalogue as one JSON
// file per language and key area (`messages/en/cli.json` holds every `cli.*` key in English), next to
// the bundle's chunks. A run reads the few areas it uses, once each: `wxauth --help` needs cli and
// common, not the 200 inspect findings.
import { readFileSync } from 'node:fs';
import type { Lang } from '../i18n.js';

const areas = new Map<string, Readonly<Record<string, string>>>();

function area(lang: Lang, name: string): Readonly<Record<string, string>> {
  const id = `${lang}/${name}`;
  let texts = areas.get(id);
  if (!texts) {
    // An area with no file has no keys: the caller treats the key as unknown, as lookup.ts would.
    try {
      // A path by hand, not new URL(…, import.meta.url): every run reads an area, and building the URL
      // of this file and a file's URL from it was ~0.5 ms of CPU (issue 19).
      texts = JSON.parse(readFileSync(`${import.meta.dirname}/messages/${id}.json`, 'utf8')) as Record<string, string>;
    } catch {
      texts = {};
    }
    areas.set(id, texts);
  }
  return texts;
}

/** The text of `key` in `lang`, or undefined when the catalogue has no such key. */
export function lookup(lang: Lang, key: string): string | undefined {
  const dot = key.indexOf('.');
  if (dot <= 0 || !/^[a-z][\w-]*$/.test(key.slice(0, dot))) return undefined;
  const texts = area(lang, key.slice(0, dot));
  return Object.hasOwn(texts, key) ? texts[key] : undefined;
}

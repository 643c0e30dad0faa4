// The CLI bundle's lookup() (scripts/bundle.mjs swaps it in for lookup.ts): the catalogue as one file
// per language and key area (`messages/en/cli.txt` holds every `cli.*` key in English), next to the
// bundle's chunks. A run reads the few areas it uses, once each: `wxauth --help` needs cli and common,
// not the 200 inspect findings.
//
// Each line of a file is `key<TAB>"the text as a JSON string"`, and a lookup decodes only its own line:
// JSON.parse of a whole area made an object of every text in it (inspect's is 27 KB; the objects
// ~65 KB of heap for the ~10 texts a report uses; issue 19).
import { readFileSync } from 'node:fs';
import type { Lang } from '../i18n.js';

/** Each area's file as read ('' when it has none); scripts/bundle.mjs starts each with a newline. */
const areas = new Map<string, string>();
const found = new Map<string, string | undefined>();

function area(lang: Lang, name: string): string {
  const id = `${lang}/${name}`;
  let text = areas.get(id);
  if (text === undefined) {
    // An area with no file has no keys: the caller treats the key as unknown, as lookup.ts would.
    try {
      // A path by hand, not new URL(…, import.meta.url): every run reads an area, and building the URL
      // of this file and a file's URL from it was ~0.5 ms of CPU (issue 19).
      // Read as it is: '\n' + text made a string V8 copies whole (33 KB for inspect's area) on the first search.
      text = readFileSync(`${import.meta.dirname}/messages/${id}.txt`, 'utf8');
    } catch {
      text = '';
    }
    areas.set(id, text);
  }
  return text;
}

/** The text of `key` in one area file's lines (see the top of this file), or undefined. */
export function findMessage(lines: string, key: string): string | undefined {
  const at = lines.indexOf(`\n${key}\t`);
  if (at === -1) return undefined;
  const start = at + key.length + 2;
  const end = lines.indexOf('\n', start);
  return JSON.parse(end === -1 ? lines.slice(start) : lines.slice(start, end)) as string;
}

/** The text of `key` in `lang`, or undefined when the catalogue has no such key. */
export function lookup(lang: Lang, key: string): string | undefined {
  const dot = key.indexOf('.');
  if (dot <= 0 || !/^[a-z][\w-]*$/.test(key.slice(0, dot))) return undefined;
  const id = `${lang}\u0000${key}`;
  if (found.has(id)) return found.get(id);
  const text = findMessage(area(lang, key.slice(0, dot)), key);
  found.set(id, text);
  return text;
}

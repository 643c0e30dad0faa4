// Where t() finds a sentence: in the catalogue built from every section (tests, the library, tsc's
// dist/). The CLI bundle (scripts/bundle.mjs) puts lookup-files.ts in this module's place, which reads
// only the areas a run uses from JSON files generated from these same sections: compiling all 1,200
// messages in both languages was a third of the start-up time of `wxauth --help` (issue 19).
import type { Lang } from '../i18n.js';
import { catalogue, type MessageKey } from './index.js';

/** The text of `key` in `lang`, or undefined when the catalogue has no such key. */
export function lookup(lang: Lang, key: string): string | undefined {
  return Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey][lang] : undefined;
}

// The message catalogue: every human-facing sentence in zh and en. One section per area so that
// people working on different commands do not edit the same file; keys are unique across sections
// (a test checks it).
import type { Message, MessageSection } from './types.js';
import { messages as common } from './common.js';
import { messages as config } from './config.js';
import { messages as http } from './http.js';
import { messages as emulator } from './emulator.js';
import { messages as errcode } from './errcode.js';
import { messages as url } from './url.js';
import { messages as inspect } from './inspect.js';
import { messages as tokens } from './tokens.js';
import { messages as basic } from './basic.js';
import { messages as listen } from './listen.js';
import { messages as cli } from './cli.js';
import { messages as jssdk } from './jssdk.js';
import { messages as proxy } from './proxy.js';
import { messages as probe } from './probe.js';
import { messages as doctor } from './doctor.js';

export const sections = {
  common,
  config,
  http,
  emulator,
  errcode,
  url,
  inspect,
  tokens,
  basic,
  listen,
  cli,
  jssdk,
  probe,
  proxy,
  doctor,
} satisfies Record<string, MessageSection>;

// Keys and parameters are types: a typo'd key, or a missing or unknown parameter, fails `tsc`.
type Sections = typeof sections;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AllMessages = UnionToIntersection<Sections[keyof Sections]>;

/** Every catalogue key. */
export type MessageKey = keyof AllMessages & string;
type WordChar =
  | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'W' | 'X' | 'Y' | 'Z'
  | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '_';
/** `{name}` is a parameter only when name is \w+, as t() replaces it (`{"apps":…}` in a text is not). */
type IsWord<S> = S extends `${infer C}${infer R}` ? (C extends WordChar ? (R extends '' ? true : IsWord<R>) : false) : false;
type ParamNames<S> = S extends `${string}{${infer P}}${infer Rest}` ? (IsWord<P> extends true ? P : never) | ParamNames<Rest> : never;
/**
 * A parameter's value: shown as it is, or a message of its own rendered in the same language (an OS
 * error's reason, `{ key: 'common.os.ENOENT' }`), so a sentence built below the UI never carries
 * English from Node into a zh message, and --json renders it like the rest of the text.
 */
export type ParamValue = string | number | undefined | NestedMessage | LocalTime | ParamList;
/** A list as a parameter: joined as the sentence's language lists (`a, b` / `a、b`), so code below the UI need not know it. */
export type ParamList = readonly string[];
/**
 * A moment (ms since the epoch) as a parameter: shown as the terminal's local wall-clock time
 * (`2026-01-15 10:00:00`, ui/format.ts), so code below the UI can name a time without formatting it.
 */
export interface LocalTime {
  readonly localTime: number;
}
/** A catalogue key and its values, as a parameter of another message (see ParamValue). */
export interface NestedMessage {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, ParamValue>>;
}
/** The parameters a key's text uses (zh and en use the same ones; a test checks it). */
export type ParamsOf<K extends MessageKey> = {
  [P in ParamNames<AllMessages[K] extends { en: infer E } ? E : never>]: ParamValue;
};

export const catalogue = Object.assign({}, ...Object.values(sections)) as Readonly<Record<MessageKey, Message>>;

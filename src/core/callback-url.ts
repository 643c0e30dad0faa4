// Reading what WeChat sent back to redirect_uri. Used by `inspect`, the local listener and `exchange`
// (the user may paste the whole address bar, just the query, or a hash-route URL).
//
// WeChat appends `code`/`state` by plain string concatenation: `?` if the redirect_uri has none, else
// `&`, even when the redirect_uri carries a `#fragment`, so for hash routes the code lands *inside*
// the fragment (API-FACTS §1.4). When the user refuses, WeChat either does not redirect or redirects
// with `state` only (§1.4). WeChat's own internal hop adds `connect_redirect=1&uin=&key=&pass_ticket=`
// (§1.2); seeing them on a callback is a sign of a repeated hit, which burns the code (40163, §1.6).

import type { MessageRef } from '../errors.js';
import { DEFAULT_OPEN_BASE, PATHS } from './endpoints.js';
import { INVISIBLE_CHARS, QUOTE_PAIRS } from './pasted.js';
import type { AuthEndpoint } from './authorize-url.js';

/** One `name=value` pair as written, and as decoded. */
export interface QueryParam {
  name: string;
  value: string;
  rawName: string;
  rawValue: string;
  /** `name` alone, without `=`. */
  bare: boolean;
  /** The percent-encoding did not decode (e.g. `%E4%B8` cut short, or a lone `%`). */
  malformed: boolean;
}

export interface SplitUrl {
  /** Everything before `?` (or before `#` when there is no `?`). */
  base: string;
  /** The raw query, without `?`; undefined when there is no `?`. */
  query?: string;
  /** The raw fragment, without `#`; undefined when there is no `#`. */
  fragment?: string;
}

/**
 * Split a URL into base, query and fragment exactly as written. The WHATWG parser is not used here on
 * purpose: it silently drops tabs and line breaks, and those are exactly what we need to see.
 */
export function splitUrl(input: string): SplitUrl {
  const hash = input.indexOf('#');
  const beforeHash = hash === -1 ? input : input.slice(0, hash);
  const fragment = hash === -1 ? undefined : input.slice(hash + 1);
  const q = beforeHash.indexOf('?');
  if (q === -1) return { base: beforeHash, fragment };
  return { base: beforeHash.slice(0, q), query: beforeHash.slice(q + 1), fragment };
}

export function decodeComponent(raw: string): { text: string; ok: boolean } {
  const text = tryDecode(raw);
  return text === undefined ? { text: raw, ok: false } : { text, ok: true };
}

/** decodeURIComponent, or undefined when `raw` does not decode. */
function tryDecode(raw: string): string | undefined {
  // Nothing to decode without `%`: no call into the decoder (for speed: the listener parses every hit).
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Parse `a=1&b=2` keeping order, duplicates and the raw text. `+` is kept as is (WeChat does not read it as a space). */
export function parseQuery(query: string): QueryParam[] {
  return parseQueryAt(query, undefined);
}

/**
 * parseQuery, each pair tagged with where it was found when `location` is given: the pairs are made
 * once, with their location, rather than copied with it (for speed: the listener parses every hit).
 */
function parseQueryAt(query: string, location: ParamLocation): LocatedParam[];
function parseQueryAt(query: string, location: undefined): QueryParam[];
function parseQueryAt(query: string, location: ParamLocation | undefined): QueryParam[] {
  const params: QueryParam[] = [];
  // Walked with indexOf rather than split('&'): the pieces are cut once, straight from the query.
  for (let start = 0; start < query.length; ) {
    let end = query.indexOf('&', start);
    if (end === -1) end = query.length;
    const from = start;
    start = end + 1;
    if (end === from) continue;
    let eq = query.indexOf('=', from);
    if (eq >= end) eq = -1;
    const rawName = eq === -1 ? query.slice(from, end) : query.slice(from, eq);
    const rawValue = eq === -1 ? '' : query.slice(eq + 1, end);
    const decodedName = tryDecode(rawName);
    const decodedValue = tryDecode(rawValue);
    const name = decodedName ?? rawName;
    const value = decodedValue ?? rawValue;
    const bare = eq === -1;
    const malformed = decodedName === undefined || decodedValue === undefined;
    if (location === undefined) params.push({ name, value, rawName, rawValue, bare, malformed });
    else {
      const located: LocatedParam = { name, value, rawName, rawValue, bare, malformed, location };
      params.push(located);
    }
  }
  return params;
}

/**
 * The parameters a redirect_uri carries itself, before WeChat appends its own: its query's, and its
 * fragment's, a hash route's (`#/cb?from=menu`) or name=value pairs of their own (`#access_token=…`, as
 * an implicit-grant page leaves them). inspect reads them for a code or a secret the link would carry;
 * init and config set for a code or state saved with the address (redirectUriCautions).
 */
export function redirectUriParams(value: string): QueryParam[] {
  const { query, fragment } = splitUrl(value);
  return [...parseQuery(query ?? ''), ...parseQuery((fragment === undefined ? undefined : fragmentQuery(fragment)) ?? '')];
}

/** Which of WeChat's own parameters (code, state) a redirect_uri's redirectUriParams hold, each once: '' for none. */
export function carriedCallbackParams(params: readonly QueryParam[]): string {
  return [...new Set(params.filter((p) => p.name === 'code' || p.name === 'state').map((p) => p.name))].join(', ');
}

/** The query-like part of a fragment: `#/login?code=…` → `code=…`; `#code=…` → `code=…`. */
export function fragmentQuery(fragment: string): string | undefined {
  const q = fragment.indexOf('?');
  if (q !== -1) return fragment.slice(q + 1);
  return fragment.includes('=') ? fragment : undefined;
}

export type ParamLocation = 'query' | 'fragment';

export interface LocatedParam extends QueryParam {
  location: ParamLocation;
}

/** Markers WeChat adds on its internal redirect hop (API-FACTS §1.2). */
export const WECHAT_HOP_MARKERS = ['connect_redirect', 'uin', 'key', 'pass_ticket'] as const;

/** A WeChat code: 32 characters of [0-9A-Za-z] in every sample seen (API-FACTS §0.5). */
export function looksLikeCode(code: string): boolean {
  return /^[0-9A-Za-z]{32}$/.test(code);
}

/**
 * The longest value still tried as a code. WeChat's are 32 characters (API-FACTS §0.5) and the emulator
 * mints 32; a mock may issue another shape (a UUID, a prefix), hence four times that. Anything longer is
 * something else pasted (a file, a page, a log): sent, it came back as an answer that blamed the API base.
 */
export const CODE_MAX_LENGTH = 128;

/** Too long to be a code (CODE_MAX_LENGTH): refused before anything is sent (exchange, listen --paste). */
export function codeTooLong(code: string): boolean {
  return code.length > CODE_MAX_LENGTH;
}

export type CallbackIssue =
  | { kind: 'empty_input' }
  | { kind: 'no_params' }
  | { kind: 'code_missing' }
  | { kind: 'code_empty' }
  | { kind: 'code_duplicate'; count: number }
  | { kind: 'state_duplicate'; count: number }
  | { kind: 'oauth_error'; error: string; description?: string };

export interface ParsedCallback {
  /** What the input looked like: a full URL, or just its query (`code=…&state=…` or `?code=…`). */
  form: 'url' | 'query';
  /** `scheme://host/path` (or whatever came before `?`); empty for a bare query. */
  base: string;
  /** Every parameter: query first, then those found inside the fragment. */
  params: LocatedParam[];
  /** WeChat's code: the last one, as WeChat appends its code to the redirect_uri (API-FACTS §1.4). */
  code?: string;
  codeLocation?: ParamLocation;
  /** All code values, in order (more than one means the redirect_uri already carried an old code). */
  codes: string[];
  /** WeChat's state: the last one, likewise. */
  state?: string;
  stateLocation?: ParamLocation;
  states: string[];
  /** WeChat hop markers present (`uin`, `pass_ticket`, …). */
  markers: string[];
  issues: CallbackIssue[];
}

function looksLikeAbsoluteUrl(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(s) || /^[^\s?#=&]+\.[^\s?#=&]+\/[^\s?#=&]*[?#]/.test(s);
}

/**
 * Parse a callback URL (`https://example.com/cb?code=…&state=…`), a hash-route one
 * (`https://example.com/#/login?code=…`), or just the query (`code=…&state=…`). Never throws.
 */
export function parseCallbackUrl(input: string): ParsedCallback {
  const text = input.trim();
  const result: ParsedCallback = {
    form: 'url',
    base: '',
    params: [],
    codes: [],
    states: [],
    markers: [],
    issues: [],
  };
  if (text === '') {
    result.issues.push({ kind: 'empty_input' });
    return result;
  }
  let query: string | undefined;
  let fragment: string | undefined;
  if (looksLikeAbsoluteUrl(text)) {
    const split = splitUrl(text);
    result.base = split.base;
    query = split.query;
    fragment = split.fragment;
  } else {
    result.form = 'query';
    // A path kept before the query (`/cb?code=…`, a log line's request) is split at its own `?`.
    const split = splitUrl(text.startsWith('?') || text.startsWith('#') || (text.startsWith('/') && text.includes('?')) ? text : '?' + text);
    // A bare query: whatever precedes `?` (if the user kept a path) is the base.
    result.base = split.base.replace(/^\?/, '');
    query = split.query ?? (split.base.includes('=') ? split.base : undefined);
    fragment = split.fragment;
  }
  result.params = parseQueryAt(query ?? '', 'query');
  // `CODE&state=abc`: the code copied with what followed it in the address bar. A bare first word of a
  // code's characters, in a pasted query that names no code, is that code (not a refusal: §1.4's is
  // `state` alone).
  const first = result.params[0];
  if (result.form === 'query' && first?.bare && /^[0-9A-Za-z_-]{16,}$/.test(first.rawName) && !result.params.some((p) => p.name === 'code')) {
    result.params[0] = { ...(first as LocatedParam), name: 'code', value: first.rawName, rawName: 'code', rawValue: first.rawName, bare: false };
  }
  const fq = fragment === undefined ? undefined : fragmentQuery(fragment);
  if (fq !== undefined) result.params.push(...parseQueryAt(fq, 'fragment'));

  if (result.params.length === 0) result.issues.push({ kind: 'no_params' });
  // WeChat appends its code and state to the redirect_uri as text (API-FACTS §1.4): after a code= or
  // state= the redirect_uri already carried (an old callback's, kept by the app), so the last of each,
  // in the query or the fragment, is WeChat's. The first would be the spent one: 40163 or 40029.
  for (const p of result.params) {
    if (p.name === 'code') {
      result.codes.push(p.value);
      result.code = p.value;
      result.codeLocation = p.location;
    } else if (p.name === 'state') {
      result.states.push(p.value);
      result.state = p.value;
      result.stateLocation = p.location;
    } else if ((WECHAT_HOP_MARKERS as readonly string[]).includes(p.name) && !result.markers.includes(p.name)) {
      result.markers.push(p.name);
    }
  }
  const error = result.params.find((p) => p.name === 'error');
  if (error) {
    const description = result.params.find((p) => p.name === 'error_description')?.value;
    result.issues.push({ kind: 'oauth_error', error: error.value, description });
  }
  if (result.code === undefined) {
    if (result.params.length > 0) result.issues.push({ kind: 'code_missing' });
  } else if (result.code === '') {
    result.issues.push({ kind: 'code_empty' });
  }
  if (result.codes.length > 1) result.issues.push({ kind: 'code_duplicate', count: result.codes.length });
  if (result.states.length > 1) result.issues.push({ kind: 'state_duplicate', count: result.states.length });
  return result;
}

/**
 * A callback with a state and no code, as `exchange` and `listen --paste` report it (the same words and
 * exit for both). WeChat's refusal is `redirect_uri?state=STATE` (API-FACTS §1.4) — but when the state is
 * the ONLY parameter, the URL may as well have been cut at its first `&`: unquoted on a command line,
 * `…/cb?state=abc&code=…` reaches wxauth as `…/cb?state=abc` (inspect's `input.truncated`). Saying
 * "the user refused" then sends the user the wrong way; so the message names both.
 */
export function describeStateOnly(parsed: Pick<ParsedCallback, 'params' | 'state'>, p = '', verdict: StateOnlyVerdict = 'unknown'): { message: MessageRef; hint: MessageRef } {
  // verdict: what the link whose state this is makes of a state-only callback (stateOnlyVerdict, below).
  if (parsed.params.length === 1) {
    if (verdict === 'lost_code') return { message: { key: 'listen.stateOnly.cut.base', params: { state: parsed.state ?? '' } }, hint: { key: 'listen.stateOnly.cut.base.hint', params: { p } } };
    if (verdict === 'refused_qr') return { message: { key: 'listen.stateOnly.cut.qr', params: { state: parsed.state ?? '' } }, hint: { key: 'listen.stateOnly.cut.qr.hint', params: { p } } };
    return { message: { key: 'listen.stateOnly.cut', params: { state: parsed.state ?? '' } }, hint: { key: 'listen.stateOnly.cut.hint' } };
  }
  return stateOnlyFailure(verdict, p);
}

/** How a bare query starts: a parameter's name and its = or ＝, or a code's characters and ＆ (`CODE＆state＝…`). */
const BARE_QUERY_START = /^(?:[A-Za-z_][\w.-]*[=\uFF1D]|[0-9A-Za-z_-]{16,}[&\uFF06])/;

/**
 * `text` with the full-width ？ ＆ ＝ ＃ (each its ASCII twin plus 0xFEE0) made ASCII where they stand as the
 * URL's separators, and which were: the first ？ when no ASCII `?` comes before it, a ＆ that starts a
 * `name=` pair, a ＝ right after a pair's name, a ＃ before a closing `wechat_redirect`; in a bare query
 * (starting `name＝` or `CODE＆`) its ＆ and ＝ likewise, as if a `?` came first. One inside a
 * value (`title=第＃1期`, `q=价格？`) is left as it is. The one reading of them: inspect's (core/inspect.ts)
 * and that of a pasted callback (cleanPastedCode: exchange, listen --paste).
 */
export function asciiSeparators(text: string): { text: string; chars: string[] } {
  const units = text.split('');
  const converted: number[] = [];
  const convert = (at: number) => {
    units[at] = String.fromCharCode(text.charCodeAt(at) - 0xfee0);
    converted.push(at);
  };
  // `mark`: where the query starts, less one: its ？ or ?, or -1 for a bare query (`code＝…＆state＝…`, read
  // as parseCallbackUrl reads it, as if a `?` came first); null when there is no query.
  const found = text.search(/[?\uFF1F]/);
  const mark = BARE_QUERY_START.test(text) ? -1 : found !== -1 ? found : null;
  if (mark !== null) {
    if (text[mark] === '\uFF1F') convert(mark);
    const tail = /\uFF03wechat_redirect$/.exec(text);
    const hash = text.indexOf('#', mark + 1);
    let end = hash === -1 ? text.length : hash;
    if (tail && tail.index > mark && tail.index < end) {
      convert(tail.index);
      end = tail.index;
    }
    for (const m of text.slice(mark + 1, end).matchAll(/(^|[&\uFF06])([A-Za-z_][\w.-]*)([=\uFF1D])/g)) {
      const at = mark + 1 + (m.index ?? 0);
      const [, sep = '', name = '', equals = ''] = m;
      if (sep === '\uFF06') convert(at);
      if (equals === '\uFF1D') convert(at + sep.length + name.length);
    }
  }
  const chars = [...new Set(converted.sort((a, b) => a - b).map((at) => text[at] ?? ''))];
  return { text: units.join(''), chars };
}

/** The code and state parameters a callback read from `text` has: how many of the two, and their values as written. */
function codeAndState(text: string): { found: number; rawValues: string[] } {
  const params = parseCallbackUrl(text).params.filter((p) => p.name === 'code' || p.name === 'state');
  return { found: new Set(params.map((p) => p.name)).size, rawValues: params.map((p) => p.rawValue) };
}

/**
 * Whether a callback in `text` is meant with its full-width ？＆＝＃ as ASCII (`ascii`, asciiSeparators' reading):
 * when that reading finds more of code and state than the text as written, or when a code or state value
 * as written holds a full-width `＆name＝` (the rest of the query swallowed into it). Finding SOME code or
 * state as written is not enough: `?state=abc＆code＝021…` has a state with its code inside it ("the user
 * refused"), `?code=021…＆state＝abc` a 40-character code and no state. A ＃ or ？ in a value
 * (`state=第＃1期？`) is the value's own text: the reading as written is kept. The one rule for inspect
 * (core/inspect.ts) and for a pasted callback (cleanPastedCode: exchange, listen --paste).
 */
export function asciiReadingMeant(text: string, ascii: { text: string; chars: string[] } = asciiSeparators(text)): boolean {
  if (ascii.chars.length === 0) return false;
  const written = codeAndState(text);
  const read = codeAndState(ascii.text);
  if (read.found > written.found) return true;
  return read.found === written.found && written.rawValues.some((v) => /\uFF06[A-Za-z_][\w.-]*\uFF1D/.test(v));
}

/** What cleanPastedCode removed from the input (or, for `&amp;`, read as `&`; for `fullwidth`, ？＆＝＃ read as ? & = #). */
export type PasteCleanup = 'quotes' | 'whitespace' | 'linebreak' | 'amp' | 'surrounding' | 'fullwidth';

/** A URL's base (`scheme://host/path`) as its host and path; undefined for a bare query or no URL. */
function hostAndPath(base: string): { host: string; path: string } | undefined {
  try {
    const u = new URL(base);
    return { host: u.host, path: u.pathname };
  } catch {
    return undefined;
  }
}

/** Which authorization page a URL's base names: /connect/oauth2/authorize or /connect/qrconnect. */
function authorizePath(base: string): 'authorize' | 'qrconnect' | undefined {
  const path = hostAndPath(base)?.path;
  if (path === PATHS.authorize) return 'authorize';
  if (path === PATHS.qrconnect) return 'qrconnect';
  return undefined;
}

/**
 * The authorization URL itself, pasted where its callback was expected: no code, an appid, and the
 * authorization page's path or `response_type` (a refusal callback never has either, even when its
 * redirect_uri carries an appid of its own). Its state alone would otherwise read as a refusal.
 */
export function isAuthorizeUrl(parsed: ParsedCallback): boolean {
  if (parsed.code !== undefined) return false;
  const names = new Set(parsed.params.map((p) => p.name));
  return names.has('appid') && (authorizePath(parsed.base) !== undefined || names.has('response_type'));
}

/**
 * The refusal of an authorization URL pasted as a callback (exchange, listen --paste), its hint in the
 * words of where the URL goes: WeChat's authorize page (scan it into phone WeChat), the QR login page
 * (open it in a desktop browser), or another host (the emulator: open it in a browser).
 */
export function authorizeUrlRefusal(parsed: ParsedCallback, p: string): { message: MessageRef; hint: MessageRef } {
  const host = hostAndPath(parsed.base)?.host ?? '';
  const message: MessageRef = { key: 'tokens.exchange.input.authorize_url' };
  if (host !== '' && host !== new URL(DEFAULT_OPEN_BASE).host) return { message, hint: { key: 'tokens.exchange.input.authorize_url.other.hint', params: { host, p } } };
  if (authorizePath(parsed.base) === 'qrconnect') return { message, hint: { key: 'tokens.exchange.input.authorize_url.qrconnect.hint', params: { p } } };
  return { message, hint: { key: 'tokens.exchange.input.authorize_url.hint', params: { p } } };
}

/**
 * The callback address inside a text with words around it (cleanPastedCode, inspect), else undefined:
 * the one word that is an http(s) URL or carries code= or state=. Undefined when nothing but the
 * address is there, and when a neighbour looks like the address's own continuation (a URL wrapped at
 * a line break, ` #wechat_redirect` after a space): reading half of it would send a cut code, and
 * inspect reports the whitespace itself.
 */
export function addressInText(text: string): string | undefined {
  // Words and what separates them (split keeps the separators at odd indexes).
  const parts = text.split(/([\s"'`“”‘’「」『』＂＇<>]+)/);
  const words: Array<{ word: string; after: string }> = [];
  for (let i = 0; i < parts.length; i += 2) if (parts[i] !== '') words.push({ word: parts[i] as string, after: parts[i + 1] ?? '' });
  // A label glued to a URL (`URL=https://…`, `回调：https://…`): the URL is the word. Not when the URL sits
  // in a parameter of the address itself (`/cb?next=https://…&code=…`).
  const cut = words.map(({ word }) => {
    const at = word.search(/https?:\/\//i);
    return at > 0 && !/[?#&]/.test(word.slice(0, at)) ? word.slice(at) : word;
  });
  const isAddress = (w: string) => /^https?:\/\//i.test(w) || /(?:^|[?#&])(?:code|state)=/i.test(w);
  const at = cut.findIndex(isAddress);
  if (at === -1 || cut.findIndex((w, i) => i > at && isAddress(w)) !== -1) return undefined;
  // The address's own continuation: after a line break or a quote alone (a wrap, `state=it's`), or
  // starting like the rest of a URL (` #wechat_redirect`, ` &state=…`), or the rest of a parameter's
  // value with a raw space in it, then the rest of the query (`…&state=hello world#wechat_redirect`,
  // `…=a b&scope=…`): the address ends inside a value and the next word goes on to a fragment or a
  // parameter. Cut at the space, the URL would lose its end, and be blamed for that.
  const next = words[at + 1];
  const valueGoesOn = /[?&][^=&#?]+=[^&#]*$/.test(words[at]!.word) && /^[^&#?=]*(?:#|&[A-Za-z_][\w.-]*=)/.test(next?.word ?? '');
  if (next !== undefined && ((!/[ \t\u3000]/.test(words[at]!.after) && /^[\x21-\x7e]+$/.test(next.word)) || /^[#&?=]/.test(next.word) || valueGoesOn)) return undefined;
  // A bracket opened before the address closes after it; a comma, semicolon or Chinese full stop ends
  // a sentence. ASCII `.`, `!` and `)` are left: a state may end with them.
  const word = trimUrlEnd((cut[at] as string).replace(/^[(\[（【]+/, ''));
  return word === text ? undefined : word;
}

/** Closing brackets and the openings they close, for trimUrlEnd. */
const CLOSING: Readonly<Record<string, string>> = { ')': '(', '）': '（', ']': '[', '】': '【', '>': '<' };

/**
 * A URL without what a sentence or markup put after it: a comma, semicolon or Chinese full stop, and a
 * closing bracket the URL does not open itself (`[text](url)`, `（见 url）`, `<url>`), as GitHub's
 * autolinker reads one: `…?state=a(1)` keeps the `)` that closes its `(`. ASCII `.` and `!` are left:
 * a state may end with them.
 */
export function trimUrlEnd(url: string): string {
  let word = url;
  for (;;) {
    const last = word.slice(-1);
    const open = CLOSING[last];
    if (/^[,;，。；：！、]$/.test(last)) word = word.slice(0, -1);
    else if (open !== undefined && word.split(open).length <= word.split(last).length - 1) word = word.slice(0, -1);
    else return word;
  }
}

/** A line that starts an address of its own (`https://…`, after any quote, bracket or invisible character a copy brings). */
const STARTS_ADDRESS = /^[\s"'`“‘「『<(（【\u200b-\u200d\u2060\ufeff]*[a-z][a-z0-9+.-]*:\/\//i;

/** Whether `text` starts with an address (`scheme://`, after any quote, bracket or invisible character a copy brings), not a bare code. */
export const startsAddress = (text: string): boolean => STARTS_ADDRESS.test(text);

/**
 * Pasted text cut into the addresses it holds: a line that starts with `scheme://` begins a new one,
 * never the rest of the line before it. A callback cut at `&` when copied (`…/cb?code=…`) and then
 * another address pasted below it were joined as one (listen --paste, exchange) ("code=…https://…&state=…"): a code of junk
 * taken, or the second address's state blamed. Lines that do not start an address stay with the one
 * above them (an address wrapped over two lines, its `&state=…` on a line of its own).
 */
export function pastedAddresses(text: string): string[] {
  const pieces: string[][] = [];
  for (const line of text.trim().split(/\r?\n/)) {
    if (pieces.length === 0 || STARTS_ADDRESS.test(line)) pieces.push([line]);
    else pieces[pieces.length - 1]!.push(line);
  }
  return pieces.map((lines) => lines.join('\n'));
}

/**
 * A code or callback URL as the user pasted it, quotes and stray whitespace removed. A code copied with
 * its quotes (`"061eY9…"`, `“061eY9…”`) or split by a line break went to WeChat as it was and came back
 * 40029 "invalid code" with the advice to authorise again — for a code that was fine (codes are
 * [0-9A-Za-z], API-FACTS §0.5, so neither can be part of one). Whitespace inside is removed only from
 * something that is not a URL; a URL's own whitespace is inspect's business.
 */
export function cleanPastedCode(input: string): { text: string; removed: PasteCleanup[] } {
  const removed: PasteCleanup[] = [];
  // Whitespace around the input is trimmed silently (a pasted line's newline is no news).
  let text = input.trim();
  // Invisible characters a chat app or a web page slips into copied text (zero-width space and joiners,
  // word joiner, BOM): never part of a code or a URL.
  const visible = text.replace(INVISIBLE_CHARS, '');
  if (visible !== text) {
    text = visible.trim();
    removed.push('whitespace');
  }
  // And angle brackets: an address in a mail or a Markdown autolink.
  const pairs: ReadonlyArray<readonly [string, string]> = [...QUOTE_PAIRS, ['<', '>']];
  for (let again = true; again; ) {
    again = false;
    for (const [open, close] of pairs) {
      if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
        text = text.slice(open.length, text.length - close.length).trim();
        if (!removed.includes('quotes')) removed.push('quotes');
        again = true;
      }
    }
  }
  // A callback address wrapped by a terminal or a chat window when copied: a line break (and the spaces
  // of an indent) between two of a URL's own characters. Read as it was, the code came out half (no code
  // to exchange, quoted back in full) or the state with a line break in it, reported as a forged
  // callback. A URL has no raw line break of its own, so the pieces are joined; not when what follows is
  // other text (`这是回调` on the next line stays a word, for addressInText to leave out). A line that
  // starts `state=` or `code=` after one that does not end in ? & or # is that parameter, its `&` lost
  // where a chat app cut the address (`…?code=…` linked, `state=…` left as text below it): joined
  // without one, the state became the tail of the code ("a code but no state"). A code or state is
  // [0-9A-Za-z] (API-FACTS §0.5, §1.1), so no wrap inside one starts a line with `name=`.
  if (/[?#&](?:code|state)=|^https?:\/\//i.test(text) && /[\r\n]/.test(text)) {
    const joined = text.replace(/(?<=([\x21-\x7e]))[ \t]*[\r\n]+[ \t]*(?=([\x21-\x7e]))/g, (_m, before: string, _after: string, at: number, whole: string) =>
      /[?&#]/.test(before) || !/^(?:code|state)=/i.test(whole.slice(at + _m.length)) ? '' : '&',
    );
    if (joined !== text) {
      text = joined;
      removed.push('linebreak');
    }
  }
  // A callback address pasted with words around it ("callback: https://…", "<url> 这是回调", "URL=https://…",
  // a log line's `GET /cb?code=…&state=… HTTP/1.1`): read whole, the words before it became part of the
  // first parameter's name (no code: "the user refused") and those after it part of the state ("another
  // authorisation, or a forged callback"). The address is the one word that is an http(s) URL or carries
  // code= or state=, cut at a quote or bracket and without a sentence's punctuation after it.
  const address = addressInText(text);
  if (address !== undefined) {
    text = address;
    removed.push('surrounding');
  }
  // A code split by a line wrap or a space: joined only when what that makes is a code's shape, so words
  // ("not a code") stay words, to be refused as such rather than sent glued together.
  if (!/[=?#/&]/.test(text) && /\s/.test(text) && looksLikeCode(text.replace(/\s+/g, ''))) {
    text = text.replace(/\s+/g, '');
    if (!removed.includes('whitespace')) removed.push('whitespace');
  }
  // A URL copied out of HTML or a log that escapes it: `?code=…&amp;state=…` would make the state a
  // parameter named `amp;state` (neither code nor state contains `&`, so nothing of theirs is lost).
  if (/&amp;/i.test(text) && /[?#]|=/.test(text)) {
    // Escaped twice (`&amp;amp;`) is read as one `&` too.
    while (/&amp;/i.test(text)) text = text.replace(/&amp;/gi, '&');
    removed.push('amp');
  }
  // `…/cb？code＝…＆state＝…`: the ？ ＆ ＝ ＃ a Chinese input method or a chat app made full-width. Read as
  // written, the whole query was the path: "no code parameter". Read as inspect reads it: as written
  // first, and with the separators made ASCII only when that finds more of the code and state
  // (asciiReadingMeant: `?state=abc＆code＝…` as written has a state, its code swallowed into it).
  if (/[\uFF1F\uFF06\uFF1D\uFF03]/.test(text)) {
    const separators = asciiSeparators(text);
    if (asciiReadingMeant(text, separators)) {
      text = separators.text;
      removed.push('fullwidth');
    }
  }
  return { text, removed };
}

// ---- A callback with our state and no code (state-only) ----
// What a callback with our state and no code means: decided once, from the link it answers.
// WeChat sends `redirect_uri?state=STATE` without a code when the user refuses (API-FACTS §1.4). Who
// could have refused depends on the link: snsapi_userinfo shows a consent page (允许 / 拒绝);
// snsapi_base shows none, so no one refused and the code was lost on the way (a redirect that kept
// only the state); a website app's QR login (qrconnect, snsapi_login) is refused on the phone, after
// the scan, instead of pressing 确认登录 (allow). The listener's decision, its page and hit line,
// `listen --paste`, `exchange <callback-url>` and `inspect` all ask this one function.
// (Here rather than a module of its own: url, inspect, exchange and the listener all load this one
// already, and a module of its own cost each of them a file more at start, issue 19.)

export type StateOnlyVerdict =
  /** snsapi_base: no consent page, so no refusal: the code was lost on the way. */
  | 'lost_code'
  /** snsapi_userinfo: the user pressed refuse on the consent page. */
  | 'refused_consent'
  /** A website app's QR login (qrconnect / snsapi_login): the user did not confirm on the phone. */
  | 'refused_qr'
  /** The link is not known (--state, another link's state): a refusal is one reading of several. */
  | 'unknown';

/** `host/path` of an address (lower-case host, the default port dropped, one trailing `/` dropped); undefined for no URL. */
function hostPath(address: string): string | undefined {
  try {
    const u = new URL(address);
    if (u.host === '') return undefined;
    const path = u.pathname.length > 1 ? u.pathname.replace(/\/$/, '') : u.pathname;
    return `${u.host}${path === '/' ? '' : path}`;
  } catch {
    return undefined;
  }
}

/**
 * A pasted callback (its `base`, scheme://host/path) that comes back somewhere else than the redirect_uri
 * expected (the remembered link's, else the profile's): both as host/path (never a code, a query or a
 * fragment), else undefined. Another app's or page's callback with its own state was said only as a state
 * mismatch, "an old tab or a forged request", when what is wrong is which callback was copied. The scheme
 * is not compared: a site that moves http to https keeps the same callback.
 */
export function otherCallbackAddress(base: string, expectedRedirectUri: string | undefined): { got: string; expected: string } | undefined {
  if (expectedRedirectUri === undefined || base === '') return undefined;
  const got = hostPath(base);
  const expected = hostPath(expectedRedirectUri);
  if (got === undefined || expected === undefined) return undefined;
  return got === expected ? undefined : { got, expected };
}

/** A link wxauth remembered (store/state.ts StateEntry has these): its state, scope and endpoint. */
export interface RememberedLink {
  value: string;
  scope?: string | undefined;
  endpoint?: AuthEndpoint | undefined;
  /** Where the link sends its callback (listen --paste: another app's callback is said as such). */
  redirectUri?: string | undefined;
}

/** What is known of the link a state-only callback answers: its scope, and its endpoint (or the account type's). */
export interface StateOnlyLink {
  scope?: string | undefined;
  endpoint?: AuthEndpoint | undefined;
}

export function stateOnlyVerdict(link: StateOnlyLink = {}): StateOnlyVerdict {
  // The scope first: it is what the link asked for (a website app has only snsapi_login).
  if (link.scope === 'snsapi_base') return 'lost_code';
  if (link.scope === 'snsapi_userinfo') return 'refused_consent';
  if (link.scope === 'snsapi_login' || link.endpoint === 'qrconnect') return 'refused_qr';
  return 'unknown';
}

/** The failure a state-only callback with the expected state is said as (`p`: ` --profile x` or ''). */
export function stateOnlyFailure(verdict: StateOnlyVerdict, p = ''): { message: MessageRef; hint: MessageRef } {
  switch (verdict) {
    case 'lost_code':
      return { message: { key: 'listen.denied.base' }, hint: { key: 'listen.denied.base.hint', params: { p } } };
    case 'refused_qr':
      return { message: { key: 'listen.denied.qr' }, hint: { key: 'listen.denied.qr.hint', params: { p } } };
    default:
      return { message: { key: 'listen.denied' }, hint: { key: 'listen.denied.hint', params: { p } } };
  }
}

/**
 * What is known of the link a received state answers: the remembered link's scope and endpoint when the
 * state is its own (else that link says nothing of it), and the account type's endpoint otherwise (a
 * website app logs in on qrconnect only).
 */
export function linkOfState(state: string | undefined, remembered: RememberedLink | undefined, accountType?: string): StateOnlyLink {
  const ours = remembered !== undefined && state !== undefined && remembered.value === state;
  const endpoint = (ours ? remembered.endpoint : undefined) ?? (accountType === 'website' ? 'qrconnect' : undefined);
  return { ...(ours && remembered.scope !== undefined ? { scope: remembered.scope } : {}), ...(endpoint !== undefined ? { endpoint } : {}) };
}

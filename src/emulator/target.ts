// A request target (`/path?query`) split into what the routes read: the path, the query string as sent,
// and its parameters — exactly what `new URL(…)` and its searchParams would give, without their cost
// on every request (issue 19).

/** What a route reads of the query: URLSearchParams' get and has (Query below, or a URLSearchParams). */
export type QueryParams = Pick<URLSearchParams, 'get' | 'has'>;

/** A request target split into what the routes read. */
export interface Target {
  pathname: string;
  query: Query;
  /** The query string without `?`, as `new URL` keeps it. */
  rawQuery: string;
}

/**
 * A request's query parameters, read as URLSearchParams reads them (get: the first value, or null).
 * A route reads two to eight parameters of a handful of `name=value` pairs: the pairs' places in the raw
 * string are found once, on the first read, and a read compares the names there, without building
 * URLSearchParams' list of every pair (for speed, issue 19; walking the whole string again on each read,
 * and two regular expressions a read, were ~4% of the authorize redirect's instructions). Only the value
 * found is decoded, when it has `%` or `+` (authorize's redirect_uri always has). A query whose names
 * themselves carry `%` or `+`, a value decodeURIComponent refuses (a lone `%`, bytes that are not UTF-8,
 * which URLSearchParams keeps or replaces), and any listing of all the pairs go to URLSearchParams.
 */
export class Query {
  private parsed: URLSearchParams | undefined;
  /** No `%` or `+`: every name and value reads as written. */
  private readonly literal: boolean;
  /**
   * Each pair's name start, name end, and end (at `&` or the end): the value runs from name end + 1
   * (past its `=`) to the end, and a pair with no `=` has its name end at its end. Empty pieces
   * (`&&`) are no pair. Made on the first read (undefined before it); null when a name has `%` or `+`.
   */
  private places: number[] | null | undefined;

  /** `raw`: the query string without its `?` (a second `?` belongs to the first name, as in URLSearchParams). */
  constructor(private readonly raw: string) {
    this.literal = !/[%+]/.test(raw);
  }

  get(name: string): string | null {
    const places = this.places === undefined ? (this.places = this.place()) : this.places;
    // Names to decode: URLSearchParams reads them (and a name with `=` or `&` can only come from one).
    if (places === null) return this.params().get(name);
    const raw = this.raw;
    for (let i = 0; i < places.length; i += 3) {
      const start = places[i]!;
      const nameEnd = places[i + 1]!;
      if (nameEnd - start !== name.length || !raw.startsWith(name, start)) continue;
      const end = places[i + 2]!;
      if (nameEnd === end) return '';
      return this.literal ? raw.slice(nameEnd + 1, end) : this.decoded(raw.slice(nameEnd + 1, end), name);
    }
    return null;
  }

  private place(): number[] | null {
    const raw = this.raw;
    const places: number[] = [];
    for (let start = 0; start < raw.length; ) {
      let end = raw.indexOf('&', start);
      if (end < 0) end = raw.length;
      if (end > start) {
        let nameEnd = raw.indexOf('=', start);
        if (nameEnd < 0 || nameEnd > end) nameEnd = end;
        if (!this.literal && encodedBetween(raw, start, nameEnd)) return null;
        places.push(start, nameEnd, end);
      }
      start = end + 1;
    }
    return places;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** Every pair, in order (URLSearchParams' own parse). */
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.params()[Symbol.iterator]();
  }

  /** `value` (of the first pair called `name`) decoded as URLSearchParams decodes it: `+` a space, `%XX` a byte of UTF-8. */
  private decoded(value: string, name: string): string {
    if (!/[%+]/.test(value)) return value;
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      return this.params().get(name)!;
    }
  }

  private params(): URLSearchParams {
    // With a `?` in front: URLSearchParams drops one, and a query that itself starts with `?` keeps it.
    return (this.parsed ??= new URLSearchParams('?' + this.raw));
  }
}

/** Whether `raw` has a `%` or `+` from `start` to `end` (a name to decode; a loop: no slice, no regex per pair). */
function encodedBetween(raw: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25 /* % */ || c === 0x2b /* + */) return true;
  }
  return false;
}

// Targets `new URL` would give back unchanged: a path of plain characters without `.`/`..` segments,
// and a query of printable ASCII other than the characters the URL parser percent-encodes in a query
// (space " # < > '). For those the path and query are taken as sent — the same pathname, search and
// searchParams, without the URL parser's cost on every request (issue 19); anything else goes through
// `new URL` as before.
const PLAIN_PATH = /^\/[A-Za-z0-9_.~\/-]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
const PLAIN_QUERY = /^[\x21\x24-\x26\x28-\x3b\x3d\x3f-\x7e]*$/;

export function parseTarget(rawUrl: string): Target | undefined {
  const mark = rawUrl.indexOf('?');
  const path = mark < 0 ? rawUrl : rawUrl.slice(0, mark);
  const rawQuery = mark < 0 ? '' : rawUrl.slice(mark + 1);
  if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path) && PLAIN_QUERY.test(rawQuery)) return { pathname: path, query: new Query(rawQuery), rawQuery };
  try {
    // Concatenated, not resolved against a base: `//x/y` stays a path instead of becoming host x.
    const url = new URL('http://emulator.invalid' + (rawUrl.startsWith('/') ? rawUrl : '/' + rawUrl));
    const search = url.search.slice(1);
    return { pathname: url.pathname, query: new Query(search), rawQuery: search };
  } catch {
    return undefined;
  }
}

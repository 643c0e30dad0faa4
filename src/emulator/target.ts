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
 * A route reads two to five parameters of a handful of `name=value` pairs: those are found by walking
 * the raw string, without building URLSearchParams' list of every pair on each request (for speed:
 * about a microsecond per request, issue 19). Only the value found is decoded, when it has `%` or `+`
 * (authorize's redirect_uri always has). A query whose names themselves carry `%` or `+`, a value
 * decodeURIComponent refuses (a lone `%`, bytes that are not UTF-8, which URLSearchParams keeps or
 * replaces), and any listing of all the pairs go to URLSearchParams.
 */
export class Query {
  private parsed: URLSearchParams | undefined;
  /** No `%` or `+`: every name and value reads as written. */
  private readonly literal: boolean;
  /** No `%` or `+` in any name (worked out on the first read of a query that is not literal). */
  private literalNames: boolean | undefined;

  /** `raw`: the query string without its `?` (a second `?` belongs to the first name, as in URLSearchParams). */
  constructor(private readonly raw: string) {
    this.literal = !/[%+]/.test(raw);
  }

  get(name: string): string | null {
    // A name with `=` or `&` can only come from a decoded pair (`a%3Db=…`).
    if (/[&=]/.test(name) || !(this.literal || (this.literalNames ??= !/(?:^|&)[^=&]*[%+]/.test(this.raw)))) return this.params().get(name);
    const raw = this.raw;
    for (let start = 0; start < raw.length; ) {
      let end = raw.indexOf('&', start);
      if (end < 0) end = raw.length;
      // Empty pieces (`&&`) are no pair; `name` alone is an empty value; `name=…` runs to the next `&`.
      if (end > start && raw.startsWith(name, start)) {
        const after = start + name.length;
        if (after === end) return '';
        if (raw.charCodeAt(after) === 0x3d /* = */) return this.literal ? raw.slice(after + 1, end) : this.decoded(raw.slice(after + 1, end), name);
      }
      start = end + 1;
    }
    return null;
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

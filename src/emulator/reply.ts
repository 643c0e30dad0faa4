// What a route receives and returns. Routes are functions of (emulator, request) -> reply, so the
// HTTP plumbing (limits, faults, logging) lives in one place: server.ts.
import type { IncomingHttpHeaders } from 'node:http';
import type { FaultKind } from './types.js';
import type { QueryParams } from './target.js';

export interface Rq {
  method: string;
  path: string;
  query: QueryParams;
  /** The query string without `?`, as sent. */
  rawQuery: string;
  /** The request target as sent (path and query), which the request log keeps. */
  url: string;
  body: string;
  ip: string;
  headers: IncomingHttpHeaders;
  /** Set when an injected fault applied to this request. */
  fault?: FaultKind;
  /** Emulator clock, ms: when a request whose answer is held back (a `delay` fault) was served; the log keeps it. */
  arrivedAt?: number;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
  errcode?: number;
  rid?: string;
  /** The message of the error page WeChat would show (authorize, qrconnect), for the request log. */
  page?: string;
  /** A stable_token call with force_refresh, for the request log (its POST body is not kept there). */
  forceRefresh?: boolean;
  /** The appid a stable_token call's JSON body named, for the request log (its POST body is not kept there). */
  appid?: string;
  /**
   * Left out of the request log: a QR page's long poll that reports no change (pages.ts longPoll), the
   * browser's /favicon.ico (server.ts). Only those replies carry it; every other reply leaves it unset
   * (no new field on the hot path's objects).
   */
  unlogged?: true;
  /** Destroy the connection instead of answering (fault injection). */
  reset?: boolean;
  /** Send the body with `Transfer-Encoding: chunked` instead of a Content-Length (contentType `json-charset`, §0.2). */
  chunked?: boolean;
}

export function html(body: string, status = 200, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body };
}

/** A character a Location header cannot carry as it is: anything outside printable ASCII. */
const OUTSIDE_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const OUTSIDE_PRINTABLE_ASCII_RUNS = /[^\x20-\x7e]+/g;

function percentEncodeUtf8(run: string): string {
  // Buffer.from writes a lone surrogate as U+FFFD's bytes, where encodeURIComponent would throw.
  let out = '';
  for (const byte of Buffer.from(run, 'utf8')) out += (byte < 16 ? '%0' : '%') + byte.toString(16).toUpperCase();
  return out;
}

/**
 * The URL as a Location header value: characters outside printable ASCII percent-encoded as UTF-8, as a
 * browser sends them; ASCII and existing %XX stay as they are. node:http refuses a header character above
 * U+00FF (ERR_INVALID_CHAR: the redirect became a 500 and the code was lost) and writes U+0080–U+00FF as
 * one Latin-1 byte (`café` reached the callback as `caf%E9`). A redirect_uri is decoded from the query,
 * so any text can come back here. Only a test when there is nothing to encode: the authorize redirect is
 * on the hot path (issue 19).
 */
export function locationHeader(url: string): string {
  return OUTSIDE_PRINTABLE_ASCII.test(url) ? url.replace(OUTSIDE_PRINTABLE_ASCII_RUNS, percentEncodeUtf8) : url;
}

export function redirect(url: string, headers?: Record<string, string | string[]>): Reply {
  // Without extra headers no spread: the authorize redirect is on the hot path (issue 19).
  const head = { location: locationHeader(url), 'content-type': 'text/html; charset=utf-8' };
  return { status: 302, headers: headers ? { ...head, ...headers } : head, body: '' };
}

/** JSON for the emulator's own control endpoints (not WeChat's). */
export function controlJson(doc: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(doc) };
}

export function plain(text: string, status: number): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

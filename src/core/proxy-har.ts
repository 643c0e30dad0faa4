// `wxauth proxy --har FILE`: every call as a HAR 1.2 entry (http://www.softwareishard.com/blog/har-12-spec/),
// masked like the live lines unless --show-secrets, so the file can be attached to a bug report.
// Pure: the flow writes the file (flows/proxy/har-file.ts, an entry at a time, in HarLog's shape).
import { headerValue, type ProxyExchange, type ProxyMasker } from './proxy-call.js';
import type { ObservedCall } from './proxy-detect.js';

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: never[];
    headers: Array<{ name: string; value: string }>;
    queryString: Array<{ name: string; value: string }>;
    postData?: { mimeType: string; text: string };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: never[];
    headers: Array<{ name: string; value: string }>;
    content: { size: number; mimeType: string; text: string; comment?: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  /** wxauth's reading of the call (custom fields start with `_` in HAR). */
  _wxauth: {
    caller: string;
    outcome: string;
    answer: string;
    appid?: string;
    errcode?: number;
    rid?: string;
    /** Where the proxy sent the call, when not the URL the client asked for (request.url): --upstream under --intercept. */
    sentTo?: string;
  };
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

export function buildHarEntry(exchange: ProxyExchange, call: ObservedCall, masker: ProxyMasker): HarEntry {
  const target = masker.target(exchange.target);
  // request.url is the URL the client asked for (a forward-proxy client names its WeChat URL), as a
  // relative redirectURL is resolved against it (README: a relative Location); where the proxy sent
  // the call instead (--upstream standing in for WeChat) is _wxauth.sentTo.
  const sent = exchange.upstream.replace(/\/+$/, '') + target;
  const url = exchange.asked === undefined ? sent : exchange.asked.replace(/\/+$/, '') + target;
  const q = target.indexOf('?');
  const queryString = q === -1 ? [] : [...new URLSearchParams(target.slice(q + 1))].map(([name, value]) => ({ name, value }));
  const headers = (list: Array<[string, string]>) => list.map(([name, value]) => ({ name, value: masker.header(name, value) }));
  const truncated = (yes: boolean) => (yes ? { comment: 'truncated: only the first bytes were kept' } : {});
  const entry: HarEntry = {
    startedDateTime: new Date(exchange.startedAt).toISOString(),
    time: exchange.latencyMs,
    request: {
      method: exchange.method,
      url,
      httpVersion: `HTTP/${exchange.httpVersion}`,
      cookies: [],
      headers: headers(exchange.requestHeaders),
      queryString,
      headersSize: -1,
      bodySize: exchange.requestBodySize,
    },
    response: {
      status: exchange.status ?? 0,
      statusText: exchange.statusText ?? '',
      httpVersion: `HTTP/${exchange.httpVersion}`,
      cookies: [],
      headers: headers(exchange.responseHeaders),
      content: {
        size: exchange.responseBodySize,
        mimeType: headerValue(exchange.responseHeaders, 'content-type') ?? '',
        text: call.responseBody,
        ...truncated(exchange.responseBodyTruncated),
        ...(exchange.responseBodyTooLarge ? { comment: 'not decoded: decompressed, the answer is larger than the first bytes kept' } : {}),
      },
      redirectURL: masker.header('location', headerValue(exchange.responseHeaders, 'location') ?? ''),
      headersSize: -1,
      bodySize: exchange.responseBodySize,
      ...(exchange.failure ? { _error: exchange.failure } : {}),
    },
    cache: {},
    timings: { send: 0, wait: exchange.latencyMs, receive: 0 },
    _wxauth: {
      caller: exchange.caller,
      outcome: exchange.outcome,
      answer: call.answer,
      ...(call.appid ? { appid: call.appid } : {}),
      ...(call.errcode !== undefined ? { errcode: call.errcode } : {}),
      ...(call.rid ? { rid: call.rid } : {}),
      ...(url !== sent ? { sentTo: sent } : {}),
    },
  };
  if (exchange.requestBodySize > 0) {
    entry.request.postData = { mimeType: headerValue(exchange.requestHeaders, 'content-type') ?? '', text: call.requestBody };
    if (exchange.requestBodyTruncated) entry.comment = 'request body truncated: only the first bytes were kept';
  }
  return entry;
}

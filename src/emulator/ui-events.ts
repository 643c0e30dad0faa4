// The live request log behind the emulator's page (issue 16): GET /__emulator/events streams each
// logged request as a server-sent event, and GET /__emulator/requests/<n> answers one request with its
// full request and answer, secrets masked. Both are control endpoints (host-guarded like the rest), so
// a script can follow the log exactly as the page does.
//
// Cost: the server calls `emu.logTap` only while a client is subscribed; with nobody subscribed the
// hot path does one property check per request. The full request and answer are kept only for
// requests that arrive while someone is subscribed (the last MAX_DETAILS of them). The errcode table
// (core/errcodes.ts, ~300 KB of JSON) is imported on the first subscription or detail request, once.
import type { ServerResponse } from 'node:http';
import type { Bilingual } from '../core/errcodes.js';
import type { Emulator } from './server.js';
import type { LoggedRequest, RequestLog } from './request-log.js';
import { controlJson, type Reply, type Rq } from './reply.js';
import { isSecretHeader, isSecretName } from '../core/secrets.js';
import { refusal } from './control.js';

export const EVENTS_PATH = '/__emulator/events';

/** Called by the server for every logged request while someone follows the log. */
export type LogTap = (entry: LoggedRequest, seq: number, rq: Rq | undefined, reply: Reply) => void;

/** How many past requests a new subscriber is sent first. */
const BACKLOG = 200;
/** How many full requests and answers are kept (oldest dropped first). */
const MAX_DETAILS = 300;
/** Bodies longer than this are cut in the detail view (request bodies may be 64 KiB). */
const MAX_SHOWN_BODY = 16 * 1024;
/** A subscriber that stops reading is dropped once this much is waiting for it; it reconnects with Last-Event-ID. */
const MAX_BUFFERED = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// errcode meanings, loaded once, lazily

let explain: ((code: number) => Bilingual) | undefined;
let loading: Promise<void> | undefined;
const meanings = new Map<number, Bilingual>();

function loadMeanings(): Promise<void> {
  loading ??= import('../core/errcodes.js').then((m) => {
    explain = (code) => m.explainErrcode(code).meaning;
  });
  return loading;
}

/** The one-line meaning of an errcode, once the table is loaded (undefined before). */
function meaningOf(code: number | undefined): Bilingual | undefined {
  if (code === undefined || explain === undefined) return undefined;
  let meaning = meanings.get(code);
  if (!meaning) {
    meaning = explain(code);
    meanings.set(code, meaning);
  }
  return meaning;
}

// ---------------------------------------------------------------------------------------------
// masking

// Credentials a WeChat request or answer may carry, by name: core's isSecretName decides, as for the
// CLI's traces and the proxy (the appsecret, tokens, codes, tickets, session keys…).
// A field name isSecretName may say yes to (no dots: `window.wx_errcode` in the QR page's script is no field).
const NAME = '[A-Za-z0-9_]{0,60}(?:secret|ticket|token|code|session_?key)';
// "key":"value" in JSON, also inside a JSON string (rid/get echoes bodies as escaped JSON: \"key\":\"value\").
const JSON_SECRET = new RegExp(`(\\\\?"(${NAME})\\\\?"\\s*:\\s*\\\\?")[^"\\\\]+`, 'gi');
// key=value in a query string, form body or URL (Location headers carry the code).
const FORM_SECRET = new RegExp(`((?:^|[?&;\\s"'])(${NAME})=)[^&#\\s"']+`, 'gi');
// The QR page's long poll answers `window.wx_code='…'` (pages.ts). Only a value a code can be (its
// alphabet, up to the closing quote): the QR page's own script reads that answer with the regex
// `window\.wx_code='([^']*)'`, which `[^']+` turned into `wx_code='***']*)'`, as if a code had leaked.
const WX_CODE = /(wx_code=')[0-9A-Za-z_-]+(?=')/g;

/** Replace every credential's value by `***` (names and structure stay, so the text still reads). */
export function maskSecrets(text: string): string {
  const mask = (whole: string, kept: string, name: string) => (isSecretName(name) ? `${kept}***` : whole);
  return text.replace(JSON_SECRET, mask).replace(FORM_SECRET, mask).replace(WX_CODE, '$1***');
}

/**
 * Cookies are sent per host, not per port: a browser sends the emulator every cookie some other local
 * app set for 127.0.0.1. The emulator sets none of its own, so every value is masked; the names stay.
 */
function maskCookie(value: string): string {
  return value
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? part : `${part.slice(0, eq)}=***`;
    })
    .join(';');
}

function shownBody(body: string, mask: (text: string) => string): { body: string; truncated?: number } {
  const masked = mask(body.length > MAX_SHOWN_BODY ? body.slice(0, MAX_SHOWN_BODY) : body);
  return body.length > MAX_SHOWN_BODY ? { body: masked, truncated: body.length } : { body: masked };
}

function headerPairs(headers: Record<string, string | string[] | number | undefined>, mask: (text: string) => string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [String(value)]) {
      const lower = name.toLowerCase();
      if (lower === 'cookie' || lower === 'set-cookie') out.push([name, maskCookie(one)]);
      // A credential header (Authorization, X-Api-Key, X-Access-Token…) by the proxy's rule: its bare
      // value holds no `name=` for maskSecrets to find, so it is masked whole.
      else if (isSecretHeader(name)) out.push([name, '***']);
      else out.push([name, mask(one)]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// per-emulator subscribers and kept details

interface Detail {
  /** The log this belongs to: a reset starts a new log and restarts numbering, so the number alone could point at an older request. */
  log: RequestLog;
  /** The app it was for, as the request named it (a POST body's appid too). */
  appid?: string;
  request: { method: string; url: string; headers: Array<[string, string]>; body: string; truncated?: number };
  answer: { status: number; headers: Array<[string, string]>; body: string; truncated?: number; reset?: boolean };
}

interface Hub {
  clients: Set<ServerResponse>;
  details: Map<number, Detail>;
  tap: LogTap;
}

const hubs = new WeakMap<Emulator, Hub>();

function hubOf(emu: Emulator): Hub {
  let hub = hubs.get(emu);
  if (!hub) {
    const created: Hub = {
      clients: new Set(),
      details: new Map(),
      tap: (entry, seq, rq, reply) => {
        // Runs after the answer was sent; a slip here must not turn into a failed request.
        try {
          // Masked as the log's own appid is: a secret sent as the appid does not show in the row.
          const named = rq ? appidOf(emu, rq) : undefined;
          const appid = named !== undefined ? emu.maskIssued(named) : entry.appid;
          if (rq) keep(created, seq, { log: emu.log, ...(appid !== undefined ? { appid } : {}), request: requestOf(emu, rq), answer: answerOf(emu, reply) });
          broadcast(created, frame('request', seq, summary(entry, seq, appid, rq !== undefined)));
        } catch {
          // the page misses one row; the log itself is intact
        }
      },
    };
    hub = created;
    hubs.set(emu, hub);
  }
  return hub;
}

function keep(hub: Hub, seq: number, detail: Detail): void {
  hub.details.delete(seq);
  hub.details.set(seq, detail);
  while (hub.details.size > MAX_DETAILS) hub.details.delete(hub.details.keys().next().value!);
}

// By name (maskSecrets), then by value: the emulator's own secrets under any other name (maskIssued).
const maskerOf = (emu: Emulator) => (text: string) => emu.maskIssued(maskSecrets(text));

function requestOf(emu: Emulator, rq: Rq): Detail['request'] {
  const mask = maskerOf(emu);
  return { method: rq.method, url: mask(rq.path) + (rq.rawQuery === '' ? '' : `?${mask(rq.rawQuery)}`), headers: headerPairs(rq.headers, mask), ...shownBody(rq.body, mask) };
}

function answerOf(emu: Emulator, reply: Reply): Detail['answer'] {
  if (reply.reset) return { status: 0, headers: [], body: '', reset: true };
  const mask = maskerOf(emu);
  return { status: reply.status, headers: headerPairs(reply.headers, mask), ...shownBody(reply.body, mask) };
}

/**
 * Which app a request was for: its `appid` parameter, the appid in a JSON body (stable_token,
 * clear_quota), or the owner of the token it presented (userinfo, /cgi-bin calls).
 */
function appidOf(emu: Emulator, rq: Rq): string | undefined {
  const fromQuery = rq.query.get('appid');
  if (fromQuery) return fromQuery;
  const token = rq.query.get('access_token');
  if (token) {
    const owner = emu.state.grants.byAccess(token)?.appid ?? emu.state.basicTokens.get(token)?.appid;
    if (owner) return owner;
  }
  const refresh = rq.query.get('refresh_token');
  if (refresh) {
    const owner = emu.state.grants.byRefresh(refresh)?.appid;
    if (owner) return owner;
  }
  if (rq.body.startsWith('{')) {
    try {
      const body = JSON.parse(rq.body) as { appid?: unknown };
      if (typeof body.appid === 'string') return body.appid;
    } catch {
      // not JSON: no appid
    }
  }
  return undefined;
}

/** One log row as the page shows it: the record, its number, the app, the errcode's meaning. */
function summary(entry: LoggedRequest, seq: number, appid: string | undefined, detail: boolean) {
  const meaning = meaningOf(entry.errcode);
  return { seq, ...entry.toJSON(), ...(appid ? { appid } : {}), ...(meaning ? { meaning } : {}), detail };
}

function frame(event: string, id: number | undefined, data: unknown): string {
  // JSON.stringify escapes CR and LF, so one `data:` line always holds the whole event.
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function broadcast(hub: Hub, chunk: string): void {
  for (const res of hub.clients) {
    if (res.writableLength > MAX_BUFFERED) {
      hub.clients.delete(res);
      res.destroy();
      continue;
    }
    res.write(chunk);
  }
}

function backlogFrames(emu: Emulator, hub: Hub, after: number): string {
  let out = '';
  // Numbers run from 1 (the first request since start or reset); the last BACKLOG after `after`.
  for (let seq = Math.max(emu.log.first, emu.log.total - BACKLOG + 1, after + 1); seq <= emu.log.total; seq++) {
    const entry = emu.log.get(seq)!;
    const kept = hub.details.get(seq);
    const detail = kept !== undefined && kept.log === emu.log ? kept : undefined;
    out += frame('request', seq, summary(entry, seq, detail?.appid ?? entry.appid, detail !== undefined));
  }
  return out;
}

/**
 * GET /__emulator/events: `event: hello` first ({instance}: which run of the emulator this is; another
 * one after a reconnect means it was restarted), `event: request` for every logged request (id = its number; a reconnecting
 * EventSource sends Last-Event-ID and gets only what it missed), `event: state` when a control call
 * changed something, `event: reset` after POST /__emulator/reset. A new subscriber first gets the last
 * BACKLOG requests.
 */
export async function openEventStream(emu: Emulator, rq: Rq, res: ServerResponse): Promise<void> {
  const refused =
    refusal(emu, rq) ?? (rq.method === 'GET' ? undefined : controlJson({ ok: false, error: `no such control endpoint: ${rq.method} ${rq.path}` }, 404));
  if (refused) {
    res.writeHead(refused.status, refused.headers);
    res.end(refused.body);
    return;
  }
  await loadMeanings();
  if (res.destroyed) return;
  const hub = hubOf(emu);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  const header = rq.headers['last-event-id'];
  const lastSeen = Number(typeof header === 'string' && header !== '' ? header : (rq.query.get('since') ?? 0));
  let after = Number.isInteger(lastSeen) && lastSeen > 0 ? lastSeen : 0;
  // `hello` first, naming this emulator's run: a page that followed another run at this address (the
  // emulator was restarted) learns it here, before any request of the new one.
  let first = `retry: 1000\n\n${frame('hello', undefined, { instance: emu.instance })}`;
  // Numbers restart after a reset: a client that saw more than there now are missed one.
  if (after > emu.log.total) {
    first += frame('reset', undefined, {});
    after = 0;
  }
  res.write(first + backlogFrames(emu, hub, after));
  hub.clients.add(res);
  emu.logTap = hub.tap;
  res.on('close', () => {
    hub.clients.delete(res);
    if (hub.clients.size === 0 && emu.logTap === hub.tap) emu.logTap = undefined;
  });
}

/** How many clients follow the log now (GET /__emulator/stats shows it). */
export function subscriberCount(emu: Emulator): number {
  return hubs.get(emu)?.clients.size ?? 0;
}

/** Tell subscribers that a control call changed the emulator (`state`) or reset it (`reset`). */
export function announce(emu: Emulator, kind: 'state' | 'reset'): void {
  const hub = hubs.get(emu);
  if (!hub) return;
  if (kind === 'reset') hub.details.clear();
  if (hub.clients.size > 0) broadcast(hub, frame(kind, undefined, {}));
}

/**
 * GET /__emulator/requests/<n>: request number n (as in the events' ids) with its full request and
 * answer, or `detail: null` when it arrived while nobody followed the log.
 */
export async function requestDetail(emu: Emulator, raw: string): Promise<Reply> {
  const seq = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(seq) || seq < 1)
    return controlJson({ ok: false, error: 'expected /__emulator/requests/<n>, n a request number from /__emulator/events' }, 400);
  const entry = emu.log.get(seq);
  if (!entry) return controlJson({ ok: false, error: `no request ${seq} in the log (it keeps the last 5000; a reset empties it)` }, 404);
  await loadMeanings();
  const hub = hubs.get(emu);
  const kept = hub?.details.get(seq);
  const detail = kept !== undefined && kept.log === emu.log ? kept : undefined;
  return controlJson({
    ok: true,
    request: summary(entry, seq, detail?.appid ?? entry.appid, detail !== undefined),
    detail: detail ? { request: detail.request, answer: detail.answer } : null,
  });
}

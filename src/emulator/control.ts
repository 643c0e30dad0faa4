// /__emulator/* — the control surface for tests and users' own suites. Never subject to faults.
// Answers are the emulator's own JSON (not WeChat's): `{"ok":true,…}` or `{"ok":false,"error":"…"}`.
import { isIP } from 'node:net';
import type { Emulator } from './server.js';
import { controlJson, type Reply, type Rq } from './reply.js';
import type { FaultSpec, ScanOptions, ScanResult } from './types.js';
import { FaultSpecError, faultText, removeFault, validateFault } from './faults.js';
import { NotAnIpError, neverFires } from './server.js';
import { publicUsers } from './seed.js';
import { CODES_KEPT } from './state.js';
import { appendToRedirect } from './callback.js';
import { DEFAULT_SWITCHES, SWITCH_VALUES, coerceSwitch } from './switches.js';
import { hostHeaderAllowed, isJsonContentType } from './host-guard.js';
import { UI_PATH, uiPage } from './ui-page.js';
import { announce, requestDetail, subscriberCount } from './ui-events.js';
import { currentUser, exportLine, pendingQr } from './ui-api.js';
import { issuableScopes } from './scopes.js';
import { expireTicket, issuedTickets, liveTickets } from './jssdk.js';
import { suggest } from '../core/closest.js';
import { findJsonFault } from '../core/json-syntax.js';
import { SCOPES, isScope, type Scope } from '../core/endpoints.js';

/**
 * Faults armed all the same (a caller may know better) on a path the emulator serves nothing at: such
 * a fault never fires (`--fault` says the same at start). Said when armed, and on every read, so the
 * page can mark it in its list.
 */
function faultWarnings(faults: FaultSpec[]): Array<{ spec: string; path: string; suggestion: string | null }> {
  return faults.flatMap((f) => {
    const never = neverFires(f);
    return never ? [{ spec: faultText(f), path: never.path, suggestion: never.suggestion ?? null }] : [];
  });
}

function bad(error: string, status = 400): Reply {
  return controlJson({ ok: false, error }, status);
}

/** POST /faults {"remove": spec}: one fault taken away by its spec, the others left as they are. */
function removeFaultAnswer(emu: Emulator, given: unknown): Reply {
  let wanted: FaultSpec;
  try {
    wanted = validateFault(given);
  } catch (error) {
    if (error instanceof FaultSpecError) return controlJson({ ok: false, error: error.message, problem: { text: error.pageKey, params: error.pageParams } }, 400);
    throw error;
  }
  if (!removeFault(emu.faults, wanted)) {
    const spec = faultText(wanted);
    return controlJson(
      {
        ok: false,
        error: `no armed fault is ${spec}: it has fired its last time or was removed (GET /__emulator/faults lists those armed)`,
        problem: { text: 'faults.gone', params: { spec } },
        faults: emu.faults,
      },
      404,
    );
  }
  const warnings = faultWarnings(emu.faults);
  return controlJson({ ok: true, faults: emu.faults, ...(warnings.length > 0 ? { warnings } : {}) });
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * GET /__emulator/requests[?since=N]: the log, and `total` (how many requests were ever recorded), so a
 * client can ask for only what happened after it looked (`since` = the `total` it saw then).
 */
function requests(emu: Emulator, rq: Rq): Reply {
  const sinceParam = rq.query.get('since');
  if (sinceParam === null) return controlJson({ ok: true, requests: emu.log.entries(), total: emu.log.total });
  const since = Number(sinceParam);
  if (!Number.isInteger(since) || since < 0) return bad('since must be a whole number (the total of an earlier answer)');
  const firstKept = emu.log.first - 1;
  return controlJson({ ok: true, requests: emu.log.entries(since + 1), total: emu.log.total, ...(since < firstKept ? { truncated: true } : {}) });
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The emulator time, and `offset`: how many seconds advances have moved it (0 after {"reset": true}). */
function clockAnswer(emu: Emulator): Reply {
  return controlJson({ ok: true, now: emu.now(), iso: iso(emu.now()), offset: emu.clockOffsetMs / 1000 });
}

/**
 * GET /__emulator/codes/<code>: whether a code was exchanged, when and from where (issue 14). The request
 * log masks codes, so this is how `wxauth probe` tells whether the app exchanged a code it should have
 * refused (a forged state). `unused` / `exchanged` / `expired` (§1.6: single use, 5 min for 公众号 codes,
 * 10 min for website apps); every attempt with its errcode (a second one is 40163). The tokens the
 * exchange produced are included, so a probe can look for them in what the app shows the browser; the
 * control API answers only this machine (host-guard.ts), like /seed, which holds the appsecrets.
 */
function codeStatus(emu: Emulator, code: string): Reply {
  const entry = emu.state.codes.get(code, emu.state.grants);
  if (!entry) return bad(`unknown code (never issued by this emulator, forgotten after a reset, or dropped after at least ${CODES_KEPT} newer ones)`, 404);
  const status = entry.used ? 'exchanged' : emu.now() >= entry.expiresAt ? 'expired' : 'unused';
  const attempts = entry.attempts;
  const success = attempts.find((a) => a.errcode === 0);
  return controlJson({
    ok: true,
    code: {
      status,
      appid: entry.appid,
      scope: entry.scope,
      user: entry.userId,
      issuedAt: iso(entry.issuedAt),
      expiresAt: iso(entry.expiresAt),
      ...(success ? { exchangedAt: iso(success.time), exchangedFrom: success.ip } : {}),
      attempts: attempts.map((a) => ({ time: iso(a.time), ip: a.ip, errcode: a.errcode })),
      ...(entry.grant ? { tokens: { access_token: entry.grant.accessToken, refresh_token: entry.grant.refreshToken, openid: entry.grant.openid } } : {}),
    },
  });
}

/** Where a control POST's body is described: GET /__emulator/ lists what each call takes. */
const BODY_HELP = 'GET /__emulator/ lists what each call takes';

/**
 * A control POST's body as an object (an empty body is `{}`), or why it is none: not JSON at all (where,
 * by core's json-syntax: never JSON.parse's excerpt of the text), or JSON of another kind.
 */
function parseJson(rq: Rq): { body: Record<string, unknown> } | { refused: string } {
  if (rq.body.trim() === '') return { body: {} };
  let value: unknown;
  try {
    value = JSON.parse(rq.body);
  } catch {
    const fault = findJsonFault(rq.body);
    if (fault?.fault === 'bom') return { refused: `the body is not valid JSON: it begins with a byte order mark (BOM), which JSON does not allow; a control POST takes one JSON object (${BODY_HELP})` };
    return { refused: `the body is not valid JSON (line ${fault?.line ?? 1}, column ${fault?.column ?? 1}); a control POST takes one JSON object (${BODY_HELP})` };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { body: value as Record<string, unknown> };
  const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : String(value);
  return { refused: `the body must be a JSON object, not ${kind} (${BODY_HELP})` };
}

/**
 * A refused scan: the English sentence (the control API's `error`) and a key of the page's texts with its
 * parameters (`problem`), so the emulator's page says it in its own language.
 */
export class ScanError extends RangeError {
  constructor(
    message: string,
    readonly pageKey: 'qr.problem.unknown' | 'qr.problem.none' | 'qr.problem.expired' | 'qr.problem.finished' | 'qr.problem.user',
    readonly params: Record<string, string>,
  ) {
    super(message);
  }
}

/** A control body's optional field: absent or null leaves the default. */
function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** An optional field wrongField() has checked: its value, or undefined when absent or null. */
function present<T>(value: unknown): T | undefined {
  return given(value) ? (value as T) : undefined;
}

/**
 * What a control body held in a field, with its JSON type (`5 (a number)`; `nothing` when absent), as
 * every field refusal says it. The emulator's own secrets are masked first (`"***" (a string)`: an
 * appsecret pasted into the appid field, a code or token in the wrong one), then a long value is cut.
 */
function received(emu: Emulator, value: unknown): string {
  if (value === undefined) return 'nothing';
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  const shown = emu.maskIssued(JSON.stringify(value));
  return `${shown.length > 60 ? shown.slice(0, 59) + '…' : shown} (${kind})`;
}

/**
 * The one wording of a refused field in a control body: which field, what it must be, what it held
 * (`scope must be snsapi_base, …; got "snsapi_userinf" (a string)`).
 */
function fieldRefusal(emu: Emulator, name: string, must: string, value: unknown): string {
  return `${name} must be ${must}; got ${received(emu, value)}`;
}

/** The seeded appids, or the seeded user ids: what a refusal of such a field lists. */
function seededIds(emu: Emulator, kind: 'appid' | 'user'): string[] {
  return kind === 'appid' ? emu.seed.apps.map((a) => a.appid) : emu.seed.users.map((u) => u.id);
}

/** What an appid or user id field must be: a string, and which ones the seed has. */
function seededMust(emu: Emulator, kind: 'appid' | 'user'): string {
  const seeded = seededIds(emu, kind);
  return `${kind === 'appid' ? 'a seeded appid' : 'a seeded user id'} (a string: ${seeded.join(', ')})`;
}

/**
 * An appid (or user id) the seed lacks, said one way by every control call that takes one (/code,
 * /tickets, /whitelist, /follow, /open-account in the body, /issued/<appid> in the path): the id as sent,
 * quoted (an empty or spaced one shows), secrets masked, and the seeded ones.
 */
function noSuchSeeded(emu: Emulator, kind: 'appid' | 'user', id: string): string {
  const seeded = seededIds(emu, kind);
  return `no seeded ${kind === 'appid' ? 'app' : 'user'} ${emu.maskIssued(JSON.stringify(id))} (the seeded ones: ${seeded.join(', ')})`;
}

/**
 * The first optional field given with a value its check refuses, said by fieldRefusal, or undefined
 * when all are fine.
 */
function wrongField(emu: Emulator, body: Record<string, unknown>, musts: Record<string, string>, checks: Record<string, (value: unknown) => boolean>): string | undefined {
  for (const [name, check] of Object.entries(checks)) {
    const value = body[name];
    if (given(value) && !check(value)) return fieldRefusal(emu, name, musts[name]!, value);
  }
  return undefined;
}

/**
 * A required field's refusal: which field, what it held and what to send (`appid must be a seeded appid
 * …; got 5 (a number)`); a string that names no seeded app or user is said by noSuchSeeded.
 */
function requiredField(emu: Emulator, body: Record<string, unknown>, name: string, kind: 'appid' | 'user'): string | undefined {
  const value = body[name];
  if (typeof value !== 'string') return fieldRefusal(emu, name, seededMust(emu, kind), value);
  if (!(kind === 'appid' ? emu.app(value) : emu.user(value))) return noSuchSeeded(emu, kind, value);
  return undefined;
}

/** §2.3 states: confirm -> 405 with a code, scan -> 404, cancel -> 403. */
export function scan(emu: Emulator, options: ScanOptions): ScanResult {
  const now = emu.now();
  let session = options.uuid ? emu.state.qr.get(options.uuid) : undefined;
  if (options.uuid && !session) throw new ScanError(`no QR session ${options.uuid}`, 'qr.problem.unknown', { uuid: options.uuid });
  if (!session) {
    const pending = [...emu.state.qr.values()].filter(
      (s) => (s.status === 408 || s.status === 404) && (!options.appid || s.appid === options.appid),
    );
    session = pending[pending.length - 1];
  }
  if (!session)
    throw new ScanError(options.appid ? `no pending QR session for ${options.appid}` : 'no pending QR session: open /connect/qrconnect first', 'qr.problem.none', {});
  if (now - session.createdAt >= QR_TTL_MS && session.status !== 405) session.status = 402;
  if (session.status === 402) throw new ScanError(`QR session ${session.uuid} has expired (402)`, 'qr.problem.expired', { uuid: session.uuid });
  if (session.status === 405 || session.status === 403)
    throw new ScanError(`QR session ${session.uuid} is already finished (${session.status})`, 'qr.problem.finished', { uuid: session.uuid, status: String(session.status) });
  const userId = options.user ?? emu.currentUser;
  if (!emu.user(userId)) throw new ScanError(`no seeded user ${userId}`, 'qr.problem.user', { user: userId });
  const action = options.action ?? 'confirm';
  session.userId = userId;
  if (action === 'scan') {
    session.status = 404;
    return { uuid: session.uuid, status: 404 };
  }
  if (action === 'cancel') {
    session.status = 403;
    return { uuid: session.uuid, status: 403 };
  }
  session.status = 405;
  session.code = emu.mintCode(session.appid, userId, 'snsapi_login');
  return {
    uuid: session.uuid,
    status: 405,
    code: session.code,
    redirect: appendToRedirect(session.redirectUri, [
      ['code', session.code],
      ['state', session.state],
    ]),
  };
}

/** §2.3: a QR code expires (402) after a few minutes; the emulator uses 5. */
export const QR_TTL_MS = 5 * 60_000;


/**
 * Why a control request is refused before it is read (issue 13 item 11): the seed holds secrets and
 * faults change what clients see, so only this machine's own addresses, and only JSON POSTs.
 */
export function refusal(emu: Emulator, rq: Rq): Reply | undefined {
  const host = typeof rq.headers.host === 'string' ? rq.headers.host : undefined;
  if (!hostHeaderAllowed(host, emu.controlHosts))
    return bad(
      `refused: Host ${JSON.stringify((host ?? '').slice(0, 100))} is not an address of this emulator; the control API answers only requests sent to the URL the emulator printed (a guard against DNS rebinding)`,
      403,
    );
  if (rq.method === 'POST' && !isJsonContentType(rq.headers['content-type']))
    return bad('control POSTs need Content-Type: application/json (other types are refused so that web pages cannot post here)', 415);
  return undefined;
}

/**
 * One control call. A call that changed something is announced to /__emulator/events subscribers
 * (ui-events.ts), so the page shows what a script did.
 */
export function handleControl(emu: Emulator, rq: Rq): Reply | Promise<Reply> {
  const reply = route(emu, rq);
  if (rq.method !== 'GET' && !(reply instanceof Promise) && reply.status < 300) announce(emu, rq.path === '/__emulator/reset' ? 'reset' : 'state');
  return reply;
}

/** GET /__emulator/: the control endpoints, one line each (the README's table says more). */
const CONTROL_INDEX: ReadonlyArray<{ call: string; does: string }> = [
  { call: 'GET /__emulator/seed', does: 'the apps (with their env export line) and users' },
  { call: 'GET /__emulator/requests[?since=N] · /requests/<n>', does: 'the request log (secrets masked) · one request in full' },
  { call: 'GET /__emulator/events', does: 'the request log as server-sent events' },
  { call: 'GET|POST /__emulator/clock', does: 'the emulator clock · {"advance": seconds} or {"reset": true}' },
  { call: 'GET|POST|DELETE /__emulator/faults', does: 'faults · {"spec": "500:1"} adds one · {"remove": "500:1"} takes one away · DELETE clears them' },
  { call: 'GET|POST /__emulator/switches', does: 'behaviour switches and the values each takes · change them' },
  { call: 'POST /__emulator/code', does: '{"appid", "user"?, "scope"?}: mint a code without the pages' },
  { call: 'GET /__emulator/codes/<code>', does: 'whether a code is unused, used or expired' },
  { call: 'GET|POST /__emulator/user', does: 'who "you" are in the emulated WeChat client' },
  { call: 'POST /__emulator/follow', does: '{"user", "appid", "follows": true|false}: a user follows (关注) an app, or stops' },
  { call: 'GET /__emulator/qr · POST /__emulator/scan', does: 'QR logins waiting · {"action": "confirm"|"scan"|"cancel"}' },
  { call: 'POST /__emulator/open-account', does: '{"appid", "openAccount": "<name>" | null}: bind an app to a 开放平台 account, or unbind it (no unionid then)' },
  { call: 'POST /__emulator/whitelist', does: '{"appid", "ips": [...] | null}: an app\'s IP whitelist' },
  { call: 'GET|POST /__emulator/tickets', does: 'jsapi_tickets · {"appid", "expire": true} ends one now' },
  { call: 'GET /__emulator/issued/<appid>', does: 'the basic tokens and tickets an app holds' },
  { call: 'GET /__emulator/stats', does: 'what the emulator keeps in memory' },
  { call: 'POST /__emulator/reset', does: 'forget codes, tokens, the log and the clock offset' },
];

/**
 * Each control call CONTROL_INDEX names, by method and path (`/codes/<code>` → the prefix `/codes/`),
 * read off its `call` texts so the index stays the one list.
 */
const CONTROL_CALLS: ReadonlyArray<{ methods: readonly string[]; path: string; prefix: boolean }> = CONTROL_INDEX.flatMap(({ call }) => {
  let methods: string[] = [];
  return call.split(' · ').map((piece) => {
    const named = /^([A-Z|]+) (.*)$/.exec(piece);
    if (named) methods = named[1]!.split('|');
    const path = (named ? named[2]! : `/__emulator${piece}`).replace(/\[.*\]$/, '');
    const open = path.indexOf('<');
    return { methods, path: open === -1 ? path : path.slice(0, open), prefix: open !== -1 };
  });
});

/**
 * A control call the emulator has not: 405 with the methods a known path takes, else 404 (the error's
 * words as before: an older probe reads them) with the closest path, and where the list is.
 */
function noSuchEndpoint(emu: Emulator, rq: Rq): Reply {
  const error = `no such control endpoint: ${rq.method} ${rq.path}`;
  const list = `${emu.url}/__emulator/`;
  const known = CONTROL_CALLS.filter((c) => (c.prefix ? rq.path.startsWith(c.path) && rq.path.length > c.path.length : rq.path === c.path));
  if (known.length > 0) {
    const methods = [...new Set(known.flatMap((c) => c.methods))];
    return controlJson({ ok: false, error: `${rq.method} ${rq.path} is not a control call: ${rq.path} takes ${methods.join(' or ')}`, methods, endpoints: list }, 405);
  }
  const closest = suggest(rq.path, CONTROL_CALLS.map((c) => c.path), 4);
  const meant = closest === undefined ? undefined : CONTROL_CALLS.find((c) => c.path === closest);
  const suggestion = meant === undefined ? undefined : `${meant.methods.includes(rq.method) ? rq.method : meant.methods[0]} ${meant.path}${meant.prefix ? '…' : ''}`;
  return controlJson({ ok: false, error: suggestion === undefined ? `${error} (the list: GET ${list})` : `${error} (did you mean ${suggestion}? the list: GET ${list})`, ...(suggestion === undefined ? {} : { suggestion }), endpoints: list }, 404);
}

function route(emu: Emulator, rq: Rq): Reply | Promise<Reply> {
  const refused = refusal(emu, rq);
  if (refused) return refused;
  const path = rq.path.slice('/__emulator'.length);
  const isPost = rq.method === 'POST';
  if (rq.method === 'GET') {
    // The page (GET / is routed here too, by server.ts) and the endpoints it added (issue 16).
    if (rq.path === UI_PATH) return uiPage(emu, rq);
    // The address the emulator prints as its control API: what is there (README lists it in full).
    if (path === '' || path === '/') return controlJson({ ok: true, page: `${emu.url}/`, endpoints: CONTROL_INDEX });
    if (path === '/user') return currentUser(emu);
    if (path === '/qr') return pendingQr(emu);
    if (path.startsWith('/requests/')) return requestDetail(emu, path.slice('/requests/'.length));
  }
  if (path === '/requests' && rq.method === 'GET') return requests(emu, rq);
  if (path.startsWith('/codes/') && rq.method === 'GET') return codeStatus(emu, decodeSegment(path.slice('/codes/'.length)));
  // The basic tokens (/cgi-bin/token, stable_token) and jsapi_tickets an appid holds: what probe looks
  // for in an app's pages besides the appsecret and the user tokens (secrets.leak).
  if (path.startsWith('/issued/') && rq.method === 'GET') {
    const appid = decodeSegment(path.slice('/issued/'.length));
    // An appid the seed lacks holds nothing, and an empty list would read as "this app leaked nothing".
    // 404: the path names the app (a body naming one the seed lacks is a 400, as any other refused field).
    if (!emu.app(appid)) return bad(noSuchSeeded(emu, 'appid', appid), 404);
    return controlJson({ ok: true, appid, basicTokens: emu.state.basicTokens.keptOf(appid), tickets: liveTickets(emu, appid) });
  }
  if (path === '/seed' && rq.method === 'GET')
    // `scopes`: those a code can be issued for (scopes.ts), none for an app without web authorization: the page labels its domain by it.
    return controlJson({ ok: true, apps: emu.seed.apps.map((a) => ({ ...a, scopes: issuableScopes(a).scopes, env: exportLine(emu.url, a) })), users: publicUsers(emu.seed) });
  if (path === '/clock' && rq.method === 'GET') return clockAnswer(emu);
  if (path === '/tickets' && rq.method === 'GET') return controlJson({ ok: true, tickets: issuedTickets(emu) });
  if (path === '/faults' && rq.method === 'GET') {
    const warnings = faultWarnings(emu.faults);
    return controlJson({ ok: true, faults: emu.faults, ...(warnings.length > 0 ? { warnings } : {}) });
  }
  if (path === '/faults' && rq.method === 'DELETE') {
    emu.faults = [];
    return controlJson({ ok: true, faults: [] });
  }
  if (path === '/switches' && rq.method === 'GET') return controlJson({ ok: true, switches: emu.switches, values: SWITCH_VALUES });
  // What the emulator holds in memory, so tests can check the caps without measuring RSS (issue 13 item 7).
  if (path === '/stats' && rq.method === 'GET')
    return controlJson({ ok: true, rids: emu.state.rids.stats(), codes: emu.state.codes.size, basicTokens: emu.state.basicTokens.size, requests: emu.log.size, subscribers: subscriberCount(emu) });
  // A POST to a path that takes none is named as such, before its body is read: a mistyped
  // `POST /__emulator/rest` is not "the body is not valid JSON".
  if (!isPost || !CONTROL_CALLS.some((c) => !c.prefix && c.path === rq.path && c.methods.includes('POST'))) return noSuchEndpoint(emu, rq);

  const parsed = parseJson(rq);
  if ('refused' in parsed) return bad(parsed.refused);
  const body = parsed.body;
  switch (path) {
    case '/clock': {
      if (body.reset === true) {
        emu.resetClock();
        return clockAnswer(emu);
      }
      if (given(body.reset) && body.reset !== false) return bad(`reset must be true (back to the real time); got ${JSON.stringify(body.reset)}`);
      const advance = body.advance;
      if (!given(advance)) return bad('expected {"advance": seconds} or {"reset": true}');
      // WeChat's lifetimes are whole seconds (a code's 300, a token's 7200, `expires_in`), and so is every
      // clock the emulator shows: 1.5 made `offset` and the rid's time disagree. Negative moves it back
      // (probe puts it back so after its code.expired check).
      if (typeof advance !== 'number' || !Number.isInteger(advance))
        return bad(`advance must be a whole number of seconds (negative moves the clock back), e.g. {"advance": 300}; got ${typeof advance === 'number' ? String(advance) : JSON.stringify(advance)}`);
      try {
        emu.advanceClock(advance);
      } catch (error) {
        if (error instanceof RangeError) return controlJson({ ok: false, error: error.message, problem: { text: 'clock.problem.range', params: { seconds: String(advance) } } }, 400);
        throw error;
      }
      return clockAnswer(emu);
    }
    case '/reset':
      emu.reset();
      return controlJson({ ok: true });
    case '/faults': {
      if (body.remove !== undefined) return removeFaultAnswer(emu, body.remove);
      const list = Array.isArray(body.faults) ? body.faults : [body];
      let armed: FaultSpec[];
      try {
        armed = list.map(validateFault);
        if (body.replace === true) emu.faults = armed;
        else emu.faults.push(...armed);
      } catch (error) {
        // `problem`: the sentence as a key of the page's texts, so the page says it in its language.
        if (error instanceof FaultSpecError) return controlJson({ ok: false, error: error.message, problem: { text: error.pageKey, params: error.pageParams } }, 400);
        throw error;
      }
      const warnings = faultWarnings(armed);
      return controlJson({ ok: true, faults: emu.faults, ...(warnings.length > 0 ? { warnings } : {}) });
    }
    case '/switches': {
      const next = { ...emu.switches } as Record<string, unknown>;
      for (const [key, value] of Object.entries(body)) {
        if (key === 'callerIp') {
          // It ends up in 40164's errmsg (`invalid ip … not in whitelist`): an IP, as WeChat would write there.
          if (value !== null && (typeof value !== 'string' || isIP(value) === 0))
            return controlJson(
              {
                ok: false,
                error: `callerIp must be an IP address (v4 or v6), or null for the connection's address; ${JSON.stringify(value)} is not one`,
                problem: { text: 'switches.callerIp.invalid', params: { value: String(value) } },
              },
              400,
            );
          next.callerIp = value ?? undefined;
          continue;
        }
        const allowed = Object.hasOwn(SWITCH_VALUES, key) ? SWITCH_VALUES[key] : undefined;
        if (!allowed) return bad(`unknown switch ${key} (known: ${Object.keys(DEFAULT_SWITCHES).join(', ')}, callerIp)`);
        const canonical = coerceSwitch(key, value);
        if (canonical === undefined) return bad(`${key} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
        next[key] = canonical;
      }
      emu.switches = next as unknown as typeof emu.switches;
      return controlJson({ ok: true, switches: emu.switches });
    }
    case '/whitelist': {
      // {"appid": "wx…", "ips": ["1.2.3.4"]} sets an app's IP whitelist, {"ips": null} removes it.
      const appid = requiredField(emu, body, 'appid', 'appid');
      if (appid) return bad(`${appid}; send {"appid": "<seeded appid>", "ips": ["<IP>", …] or null}`);
      const ips: string[] | null | undefined = body.ips === null ? null : Array.isArray(body.ips) && body.ips.every((ip: unknown) => typeof ip === 'string') ? body.ips : undefined;
      if (ips === undefined) return bad(fieldRefusal(emu, 'ips', 'an array of IP addresses (strings), or null for no whitelist, e.g. {"ips": ["203.0.113.10"]}', body.ips));
      try {
        emu.setIpWhitelist(body.appid as string, ips);
      } catch (error) {
        if (error instanceof NotAnIpError) return controlJson({ ok: false, error: error.message, problem: { text: 'apps.whitelist.invalid', params: { value: error.value } } }, 400);
        throw error;
      }
      return controlJson({ ok: true, appid: body.appid, ipWhitelist: emu.app(body.appid as string)!.ipWhitelist });
    }
    case '/tickets': {
      // {"appid": "wx…", "expire": true[, "type": "jsapi"]} ends the app's ticket now (jssdk.ts expireTicket).
      const type = body.type ?? 'jsapi';
      const send = 'send {"appid": "<seeded appid>", "expire": true, "type": "jsapi" (the default) or "wx_card"}';
      const appid = requiredField(emu, body, 'appid', 'appid');
      if (appid) return bad(`${appid}; ${send}`);
      if (body.expire !== true) return bad(`${fieldRefusal(emu, 'expire', 'true (the only thing this call does is end a ticket now)', body.expire)}; ${send}`);
      if (type !== 'jsapi' && type !== 'wx_card') return bad(`${fieldRefusal(emu, 'type', '"jsapi" or "wx_card"', type)}; ${send}`);
      const expired = expireTicket(emu, body.appid as string, type);
      return controlJson({ ok: true, appid: body.appid, type, expired, tickets: issuedTickets(emu) });
    }
    case '/user': {
      // The id that is not seeded is named with the ones that are: a test suite's "alice" on the built-in seed;
      // and what to send, as its sibling calls say it.
      const wrong = requiredField(emu, body, 'user', 'user');
      if (wrong) return bad(`${wrong}; send {"user": "<seeded user id>"}`);
      emu.currentUser = body.user as string;
      return controlJson({ ok: true, user: body.user });
    }
    case '/open-account': {
      // {"appid": "wx…", "openAccount": "open-demo"} binds an app to a 开放平台 account, null unbinds it:
      // from then on its exchanges, /sns/userinfo and /cgi-bin/user/info carry a unionid, or none (§4).
      const account = body.openAccount;
      const send = 'send {"appid": "<seeded appid>", "openAccount": "<开放平台 account name>" or null for none}';
      const app = requiredField(emu, body, 'appid', 'appid');
      if (app) return bad(`${app}; ${send}`);
      if (!(account === null || (typeof account === 'string' && account.trim() !== '')))
        return bad(`${fieldRefusal(emu, 'openAccount', 'the name of a 开放平台 account (not empty), or null for none', account)}; ${send}`);
      emu.setOpenAccount(body.appid as string, account);
      return controlJson({ ok: true, appid: body.appid, openAccount: emu.app(body.appid as string)!.openAccount });
    }
    case '/follow': {
      // A seeded user follows (关注) an app or stops, as a person does by scanning its QR code: the only
      // way onto a test account's consent (10006 otherwise, §1.5), whose page takes up to 100 followers.
      const send = 'send {"user": "<seeded user id>", "appid": "<seeded appid>", "follows": true or false}';
      const wrong = requiredField(emu, body, 'user', 'user') ?? requiredField(emu, body, 'appid', 'appid');
      if (wrong) return bad(`${wrong}; ${send}`);
      if (typeof body.follows !== 'boolean') return bad(`${fieldRefusal(emu, 'follows', 'true (follow) or false (stop following)', body.follows)}; ${send}`);
      const user = emu.user(body.user as string)!;
      emu.setFollows(user.id, body.appid as string, body.follows);
      return controlJson({ ok: true, user: user.id, follows: [...user.follows] });
    }
    case '/code': {
      // A field of the wrong type or an unknown scope is refused, never replaced by the default: a
      // `"scope": "snsapi_userinf"` minted a snsapi_base code, whose token then met 48001 on userinfo.
      if (body.appid === undefined || body.appid === null) return bad(`expected {"appid": "<seeded appid>", "user"?: "<seeded user id>", "scope"?: ${SCOPES.map((x) => `"${x}"`).join(' | ')}}`);
      const app = requiredField(emu, body, 'appid', 'appid');
      if (app) return bad(app);
      const wrong = wrongField(emu, body, { user: seededMust(emu, 'user'), scope: `${SCOPES.slice(0, -1).join(', ')} or ${SCOPES.at(-1)!}`, snapshot: 'true or false' }, {
        user: (v) => typeof v === 'string',
        scope: (v) => typeof v === 'string' && isScope(v),
        snapshot: (v) => typeof v === 'boolean',
      });
      if (wrong) return bad(wrong);
      if (typeof body.user === 'string' && !emu.user(body.user)) return bad(noSuchSeeded(emu, 'user', body.user));
      try {
        const code = emu.issueCode({
          appid: body.appid as string,
          user: present<string>(body.user),
          scope: present<Scope>(body.scope),
          snapshot: body.snapshot === true,
        });
        return controlJson({ ok: true, code });
      } catch (error) {
        return bad((error as Error).message);
      }
    }
    case '/scan': {
      try {
        const action = body.action === 'scan' || body.action === 'cancel' || body.action === 'confirm' ? body.action : undefined;
        if (body.action !== undefined && action === undefined) return bad('action must be confirm, scan or cancel');
        // A uuid, appid or user that is not a string is refused: ignored, `"user": 5` confirmed the login as
        // whoever "you" were, and `"uuid": 5` confirmed the newest pending one.
        const isString = (v: unknown) => typeof v === 'string';
        const wrong = wrongField(emu, body, { uuid: 'a QR login uuid (GET /__emulator/qr)', appid: seededMust(emu, 'appid'), user: seededMust(emu, 'user') }, { uuid: isString, appid: isString, user: isString });
        if (wrong) return bad(wrong);
        const result = scan(emu, {
          uuid: present<string>(body.uuid),
          appid: present<string>(body.appid),
          user: present<string>(body.user),
          action,
        });
        return controlJson({ ok: true, ...result });
      } catch (error) {
        if (error instanceof ScanError) return controlJson({ ok: false, error: error.message, problem: { text: error.pageKey, params: error.params } }, 409);
        return bad((error as Error).message, 409);
      }
    }
    default:
      return noSuchEndpoint(emu, rq);
  }
}

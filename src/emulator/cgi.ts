// /cgi-bin/* — basic (global) access_token, stable_token and the quota/rid tools (API-FACTS §8–§13).
import type { Emulator } from './server.js';
import type { Reply, Rq } from './reply.js';
import type { NormalizedApp } from './seed.js';
import { openidFor, unionidFor } from './seed.js';
import { beijingDay, beijingMonth, type BasicTokenEntry } from './state.js';
import { API_DOMAIN_IPS, ERRMSG_40001_CGI, ERRMSG_45011_DOC_TABLE, newBasicToken, whitelistErrmsg } from './wire.js';

export const BASIC_TTL = 7200;
/** §8: after a new /cgi-bin/token, the previous token works for at most 5 more minutes. */
export const OVERLAP_MS = 300_000;
/** §9: force_refresh at most 20 a day, at least 30 s apart. */
export const STABLE_FORCE_PER_DAY = 20;
export const STABLE_FORCE_GAP_MS = 30_000;
/** §9 / §14 [DOC]: stable_token "Limits: 10 000/min and 500 000/day"; quota/get reports the same numbers. */
export const STABLE_PER_MINUTE = 10_000;
export const STABLE_PER_DAY = 500_000;
/** §12: 10 clears per account per month. */
export const CLEARS_PER_MONTH = 10;
/**
 * quota/clear (one API): "每个账号每月共50次清零操作机会，清零生效一次即用掉一次机会" [DOC]
 * https://developers.weixin.qq.com/doc/subscription/api/apimanage/api_clearapiquota (注意事项); shared by all
 * of the account's APIs (WeChat staff, community 000a0e86a14598e75dd4a2ea26b400). No source says whether
 * it shares clear_quota's 10, so it is counted apart.
 */
export const API_CLEARS_PER_MONTH = 50;

/**
 * JSSDK-FACTS §1.4: "目前为了方便测试提供了1w的获取量，超过阀值后，服务将不再可用"; 45009 seen after 10,000
 * calls a day. The one number for getticket: jssdk.ts enforces it and quota/get reports it.
 */
export const TICKET_DAILY_QUOTA = 10_000;

/**
 * Daily limits quota/get reports, by cgi_path (§10, §8, §9). Where the emulator enforces a limit, the
 * number here is the one enforced (-1: the app's tokenDailyQuota).
 */
const KNOWN_PATHS: Record<string, { daily: number; rate?: [number, number] }> = {
  '/cgi-bin/token': { daily: -1 },
  '/cgi-bin/stable_token': { daily: STABLE_PER_DAY, rate: [STABLE_PER_MINUTE, 60] },
  '/cgi-bin/user/info': { daily: 5_000_000 },
  '/cgi-bin/get_api_domain_ip': { daily: 10_000 },
  '/cgi-bin/clear_quota': { daily: 100 },
  '/cgi-bin/openapi/quota/get': { daily: 10_000 },
  '/cgi-bin/openapi/rid/get': { daily: 10_000 },
  '/cgi-bin/message/custom/send': { daily: 500_000 },
  '/cgi-bin/menu/create': { daily: 1_000 },
  '/cgi-bin/ticket/getticket': { daily: TICKET_DAILY_QUOTA },
};

/**
 * Calls of `path` by `appid` counted today (Beijing day), under the `${appid} ${cgi_path}` key every
 * route counts into (getticket too), so quota/get, quota/clear and clear_quota see them all.
 */
export function used(emu: Emulator, appid: string, path: string): number {
  const entry = emu.state.quota.get(`${appid} ${path}`);
  return entry && entry.day === beijingDay(emu.now()) ? entry.used : 0;
}

/** One more call of `path` by `appid` today (see used()). */
export function count(emu: Emulator, appid: string, path: string): void {
  const key = `${appid} ${path}`;
  const day = beijingDay(emu.now());
  const entry = emu.state.quota.get(key);
  if (entry && entry.day === day) entry.used += 1;
  else emu.state.quota.set(key, { day, used: 1 });
}

/** §8: `invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist` (+ `, rid: …`). */
function whitelistError(emu: Emulator, rq: Rq, app: NormalizedApp): Reply | undefined {
  if (!app.ipWhitelist || app.ipWhitelist.includes(rq.ip)) return undefined;
  return emu.fail(rq, 'cgi', 40164, app.appid, whitelistErrmsg(rq.ip));
}

function issueBasic(emu: Emulator, appid: string, kind: 'basic' | 'stable'): string {
  const token = newBasicToken();
  const now = emu.now();
  emu.state.basicTokens.set(token, { appid, kind, issuedAt: now, expiresAt: now + BASIC_TTL * 1000 });
  return token;
}

function tokenBody(token: string, expiresIn: number): string {
  return JSON.stringify({ access_token: token, expires_in: expiresIn });
}

/** GET /cgi-bin/token?grant_type=client_credential&appid&secret (§8). */
export function cgiToken(emu: Emulator, rq: Rq): Reply {
  const q = rq.query;
  const appid = q.get('appid') ?? '';
  if (appid === '') return emu.fail(rq, 'cgi', 41002);
  const app = emu.app(appid);
  if (!app) return emu.fail(rq, 'cgi', 40013);
  if (q.get('grant_type') !== 'client_credential') return emu.fail(rq, 'cgi', 40002, app.appid);
  const secret = q.get('secret') ?? '';
  if (secret === '') return emu.fail(rq, 'cgi', 41004, app.appid);
  // §8 ⚠: a wrong secret is 40125 `invalid appsecret` today, 40001 in older docs (tokenBadSecretErrcode);
  // 40001's text is §0.4's plain one, without the 2023 getStableAccessToken advert of ERRMSG_40001_CGI.
  if (secret !== app.secret) return emu.fail(rq, 'cgi', emu.switches.tokenBadSecretErrcode, app.appid);
  const denied = whitelistError(emu, rq, app);
  if (denied) return denied;
  if (used(emu, app.appid, '/cgi-bin/token') >= app.tokenDailyQuota) return emu.fail(rq, 'cgi', 45009, app.appid);
  count(emu, app.appid, '/cgi-bin/token');
  const now = emu.now();
  const previous = emu.state.basicTokens.currentOf(app.appid, 'basic');
  const old = previous ? emu.state.basicTokens.get(previous) : undefined;
  if (old) {
    old.expiresAt = Math.min(old.expiresAt, now + OVERLAP_MS);
    old.superseded = true;
  }
  const token = issueBasic(emu, app.appid, 'basic');
  return emu.ok(rq, 'cgi', tokenBody(token, BASIC_TTL));
}

export function jsonBody(rq: Rq): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(rq.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * §9 / §14 [DOC]: at most 500,000 stable_token calls a (Beijing) day -> 45009, and 10,000 in a minute ->
 * 45011 (a fixed clock minute: "retry next minute"). The day is the quota counter quota/get reports; the
 * minute a counter per appid, updated in place (no allocation per request). A call refused here is not
 * counted. 45011's errmsg ⚠ (§14): the errCode page's by default, the doc tables' with minuteQuotaErrmsg.
 */
function stableLimitError(emu: Emulator, rq: Rq, app: NormalizedApp): Reply | undefined {
  if (used(emu, app.appid, '/cgi-bin/stable_token') >= STABLE_PER_DAY) return emu.fail(rq, 'cgi', 45009, app.appid);
  const minute = Math.floor(emu.now() / 60_000);
  const m = emu.state.stableMinute.get(app.appid);
  if (m === undefined) {
    emu.state.stableMinute.set(app.appid, { minute, used: 1 });
    return undefined;
  }
  if (m.minute !== minute) {
    m.minute = minute;
    m.used = 0;
  }
  if (m.used >= STABLE_PER_MINUTE)
    return emu.fail(rq, 'cgi', 45011, app.appid, emu.switches.minuteQuotaErrmsg === 'doc-table' ? ERRMSG_45011_DOC_TABLE : undefined);
  m.used += 1;
  return undefined;
}

/**
 * POST /cgi-bin/stable_token {"grant_type","appid","secret","force_refresh"} (§9). A body that is not
 * JSON is not parsed at all, so WeChat reports the first missing field (observed: 41002).
 */
export function cgiStableToken(emu: Emulator, rq: Rq): Reply {
  if (rq.body.trim() === '') return emu.fail(rq, 'cgi', 44002);
  const body = jsonBody(rq) ?? {};
  const appid = typeof body.appid === 'string' ? body.appid : '';
  if (appid === '') return emu.fail(rq, 'cgi', 41002);
  const app = emu.app(appid);
  const reply = stableToken(emu, rq, body, app);
  const named = loggedAppid(app, appid);
  if (named !== undefined) reply.appid = named;
  return reply;
}

/** Longer than any appid (18 characters): not kept in the request log as one. */
const MAX_LOGGED_APPID = 64;

/**
 * The appid a stable_token body named as the request log keeps it (the URL has none), so the page can
 * show and filter the row by app: a seeded app's own string (no copy kept per request), else what was
 * sent, if it can be an appid.
 */
function loggedAppid(app: NormalizedApp | undefined, appid: string): string | undefined {
  return app?.appid ?? (appid.length <= MAX_LOGGED_APPID ? appid : undefined);
}

/**
 * The same for a stable_token call a fault answered instead (server.ts): its body is read only then,
 * off the path of the calls no fault meets.
 */
export function faultedStableAppid(emu: Emulator, rq: Rq): string | undefined {
  const appid = rq.body === '' ? undefined : jsonBody(rq)?.appid;
  return typeof appid === 'string' && appid !== '' ? loggedAppid(emu.app(appid), appid) : undefined;
}

function stableToken(emu: Emulator, rq: Rq, body: Record<string, unknown>, app: NormalizedApp | undefined): Reply {
  if (body.grant_type !== 'client_credential') return emu.fail(rq, 'cgi', 40002);
  if (!app) return emu.fail(rq, 'cgi', 40013);
  const secret = typeof body.secret === 'string' ? body.secret : '';
  if (secret === '') return emu.fail(rq, 'cgi', 41004, app.appid);
  if (secret !== app.secret) return emu.fail(rq, 'cgi', 40125, app.appid);
  const denied = whitelistError(emu, rq, app);
  if (denied) return denied;
  const limited = stableLimitError(emu, rq, app);
  if (limited) return limited;

  const now = emu.now();
  const currentToken = emu.state.basicTokens.currentOf(app.appid, 'stable');
  const current = currentToken ? emu.state.basicTokens.get(currentToken) : undefined;
  const live = current && now < current.expiresAt ? current : undefined;
  const force = body.force_refresh === true || body.force_refresh === 'true';
  if (force) {
    const day = beijingDay(now);
    let f = emu.state.stableForce.get(app.appid);
    if (!f || f.day !== day) {
      f = { day, count: 0, lastAt: -Infinity };
      emu.state.stableForce.set(app.appid, f);
    }
    if (f.count >= STABLE_FORCE_PER_DAY) return emu.fail(rq, 'cgi', 45009, app.appid);
    // "否则不会刷新": within 30 s of the last forced refresh the same token comes back.
    if (live && currentToken && now - f.lastAt < STABLE_FORCE_GAP_MS) {
      count(emu, app.appid, '/cgi-bin/stable_token');
      return { ...emu.ok(rq, 'cgi', tokenBody(currentToken, Math.floor((live.expiresAt - now) / 1000))), forceRefresh: true };
    }
    f.count += 1;
    f.lastAt = now;
    if (live) {
      live.expiresAt = now;
      live.superseded = true;
    }
  } else if (live && currentToken && live.expiresAt - now > OVERLAP_MS) {
    count(emu, app.appid, '/cgi-bin/stable_token');
    return emu.ok(rq, 'cgi', tokenBody(currentToken, Math.floor((live.expiresAt - now) / 1000)));
  }
  // Normal mode in the last 5 minutes rotates; the old token keeps working until its own expiry.
  count(emu, app.appid, '/cgi-bin/stable_token');
  const token = issueBasic(emu, app.appid, 'stable');
  const reply = emu.ok(rq, 'cgi', tokenBody(token, BASIC_TTL));
  return force ? { ...reply, forceRefresh: true } : reply;
}

type Authed = { app: NormalizedApp } | { reply: Reply };

/**
 * A rejected basic token's errmsg: the 2023 getStableAccessToken text (§9), or the plain one under the
 * pre-2021 `hint:` suffix (ridStyle=hints, §15), which never came with it.
 */
export function errmsg40001(emu: Emulator): string | undefined {
  return emu.switches.ridStyle === 'hints' ? undefined : ERRMSG_40001_CGI;
}

/**
 * The basic access_token in the query, as every /cgi-bin call checks it: 41001 missing, 40001 unknown or
 * superseded (a replaced token past its overlap is forgotten here), 42001 expired. Also getticket's check
 * (jssdk.ts), which counts its own quota.
 */
export function basicTokenOf(emu: Emulator, rq: Rq): { entry: BasicTokenEntry } | { reply: Reply } {
  const token = rq.query.get('access_token') ?? '';
  if (token === '') return { reply: emu.fail(rq, 'cgi', 41001) };
  const entry = emu.state.basicTokens.get(token);
  if (!entry) return { reply: emu.fail(rq, 'cgi', 40001, emu.state.basicTokens.retiredAppid(token), errmsg40001(emu)) };
  if (emu.now() >= entry.expiresAt) {
    if (!entry.superseded) return { reply: emu.fail(rq, 'cgi', 42001, entry.appid) };
    emu.state.basicTokens.forgetExpired(token, entry);
    return { reply: emu.fail(rq, 'cgi', 40001, entry.appid, errmsg40001(emu)) };
  }
  return { entry };
}

/** basicTokenOf, then the app it belongs to, counted against the path's quota. */
function requireBasicToken(emu: Emulator, rq: Rq): Authed {
  const checked = basicTokenOf(emu, rq);
  if ('reply' in checked) return checked;
  const { entry } = checked;
  const app = emu.app(entry.appid);
  if (!app) return { reply: emu.fail(rq, 'cgi', 40001, undefined, errmsg40001(emu)) };
  count(emu, app.appid, rq.path);
  return { app };
}

/**
 * GET /cgi-bin/user/info?access_token&openid&lang — subscription state of a user of this account.
 * API-FACTS has no section on it; the sources are the official example and the issue 12 item 16 note:
 * a user who does not follow still gets `"tagid_list":[]`, and the current doc marks `language` as no
 * longer provided — an era switch (`userInfoEra`), like profileEra on /sns/userinfo, defaulting to
 * today's body (with language) until a real capture shows it gone.
 */
export function cgiUserInfo(emu: Emulator, rq: Rq): Reply {
  const authed = requireBasicToken(emu, rq);
  if ('reply' in authed) return authed.reply;
  const { app } = authed;
  const openid = rq.query.get('openid') ?? '';
  if (openid === '') return emu.fail(rq, 'cgi', 41009, app.appid);
  const user = emu.seed.users.find((u) => openidFor(app.appid, u.id) === openid);
  if (!user) return emu.fail(rq, 'cgi', 40003, app.appid);
  const unionid = app.openAccount ? unionidFor(app.openAccount, user.id) : undefined;
  // Official example's key order; nickname/headimgurl are no longer returned (2021-12-27).
  if (!user.follows.includes(app.appid))
    return emu.ok(rq, 'cgi', JSON.stringify(unionid ? { subscribe: 0, openid, unionid, tagid_list: [] } : { subscribe: 0, openid, tagid_list: [] }));
  const lang = rq.query.get('lang') ?? '';
  const doc: Record<string, unknown> = { subscribe: 1, openid };
  if (emu.switches.userInfoEra !== 'current') doc.language = ['zh_CN', 'zh_TW', 'en'].includes(lang) ? lang : 'zh_CN';
  doc.subscribe_time = 1_700_000_000;
  if (unionid) doc.unionid = unionid;
  Object.assign(doc, { remark: '', groupid: 0, tagid_list: [], subscribe_scene: 'ADD_SCENE_QR_CODE', qr_scene: 0, qr_scene_str: '' });
  return emu.ok(rq, 'cgi', JSON.stringify(doc));
}

/**
 * What quota/get (and quota/clear) answer to a cgi_path they cannot serve, or undefined for a known
 * one. §10 [DOC]: the path must start with `/` and carry no `https://api.weixin.qq.com` prefix, "否则都会
 * 76003的报错" — so `cgi-bin/token`, `https://api.weixin.qq.com/cgi-bin/token` (and a scheme-relative
 * `//api.weixin.qq.com/…`) are 76003, checked
 * first; `/xxx/sns/xxx` paths are not supported (76022); a well-formed path WeChat does not know is 76021.
 * The facts give no errmsg for 76003 here: WeChat's errmsg follows the errcode, and the only 76003 text
 * documented is rid/get's (§11, `could not query this rid,no permission`), so that one is sent.
 */
function cgiPathRefusal(emu: Emulator, rq: Rq, app: NormalizedApp, path: string): Reply | undefined {
  if (!path.startsWith('/') || path.startsWith('//')) return emu.fail(rq, 'cgi', 76003, app.appid);
  if (/(^|\/)sns\//.test(path)) return emu.fail(rq, 'cgi', 76022, app.appid);
  if (!Object.hasOwn(KNOWN_PATHS, path)) return emu.fail(rq, 'cgi', 76021, app.appid);
  return undefined;
}

/** quota/get's and quota/clear's request: the token (counted), a JSON body (else 47001) and its cgi_path as cgiPathRefusal allows it. */
function quotaRequest(emu: Emulator, rq: Rq): { app: NormalizedApp; path: string } | { reply: Reply } {
  const authed = requireBasicToken(emu, rq);
  if ('reply' in authed) return authed;
  const { app } = authed;
  const body = jsonBody(rq);
  if (!body) return { reply: emu.fail(rq, 'cgi', 47001, app.appid) };
  const path = typeof body.cgi_path === 'string' ? body.cgi_path : '';
  const refused = cgiPathRefusal(emu, rq, app, path);
  return refused ? { reply: refused } : { app, path };
}

/** POST /cgi-bin/openapi/quota/get?access_token {"cgi_path"} (§10). */
export function cgiQuotaGet(emu: Emulator, rq: Rq): Reply {
  const asked = quotaRequest(emu, rq);
  if ('reply' in asked) return asked.reply;
  const { app, path } = asked;
  const known = KNOWN_PATHS[path]!;
  const daily = known.daily < 0 ? app.tokenDailyQuota : known.daily;
  const usedToday = used(emu, app.appid, path);
  const doc = {
    errcode: 0,
    errmsg: 'ok',
    quota: { daily_limit: daily, used: usedToday, remain: Math.max(0, daily - usedToday) },
    rate_limit: { call_count: known.rate?.[0] ?? 0, refresh_second: known.rate?.[1] ?? 0 },
    component_rate_limit: { call_count: 0, refresh_second: 0 },
  };
  return emu.ok(rq, 'cgi', JSON.stringify(doc));
}

/**
 * POST /cgi-bin/openapi/rid/get?access_token {"rid"} (§11): only rids this emulator issued, 7 days.
 * An /sns/ rid (§11 ⚠): the doc note says /sns/ rids are unsupported (76022); querying one was observed
 * to answer `{"errcode":76001,"errmsg":"rid not found, please check rid: …"}` (community
 * oCJUswz2IQ5SOVgofPBNdW0jVnbs). The `snsRidErrcode` switch: 76001 (default, observed) — /sns rids are not
 * even kept — or 76022, with the only 76022 text known (§10's `could not use this cgi_path, no
 * permission`, [INF]); then /sns rids are kept (server.ts fail) and answered 76022 for 7 days, before the
 * account check.
 */
export function cgiRidGet(emu: Emulator, rq: Rq): Reply {
  const authed = requireBasicToken(emu, rq);
  if ('reply' in authed) return authed.reply;
  const { app } = authed;
  const body = jsonBody(rq);
  if (!body) return emu.fail(rq, 'cgi', 47001, app.appid);
  const rid = typeof body.rid === 'string' ? body.rid : '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/.test(rid)) return emu.fail(rq, 'cgi', 76002, app.appid);
  const entry = emu.state.rids.get(rid);
  if (!entry || emu.now() - entry.invokeTime * 1000 > 7 * 86_400_000) return emu.fail(rq, 'cgi', 76001, app.appid);
  if (entry.family === 'sns') return emu.fail(rq, 'cgi', emu.switches.snsRidErrcode, app.appid);
  if (entry.appid !== app.appid) return emu.fail(rq, 'cgi', 76003, app.appid);
  const doc = {
    errcode: 0,
    errmsg: 'ok',
    request: {
      invoke_time: entry.invokeTime,
      cost_in_ms: entry.costMs,
      request_url: entry.requestUrl,
      request_body: entry.requestBody,
      response_body: entry.responseBody,
      client_ip: entry.clientIp,
    },
  };
  return emu.ok(rq, 'cgi', JSON.stringify(doc));
}

/**
 * One more use of a monthly allowance (Beijing month) by `appid`, or false when `limit` uses this month
 * are spent: clear_quota's 10 and quota/clear's 50.
 */
function takeMonthly(emu: Emulator, uses: Map<string, { month: string; count: number }>, appid: string, limit: number): boolean {
  const month = beijingMonth(emu.now());
  const c = uses.get(appid);
  const n = c && c.month === month ? c.count : 0;
  if (n >= limit) return false;
  uses.set(appid, { month, count: n + 1 });
  return true;
}

function clearFor(emu: Emulator, rq: Rq, app: NormalizedApp): Reply {
  if (!takeMonthly(emu, emu.state.clears, app.appid, CLEARS_PER_MONTH)) return emu.fail(rq, 'cgi', 48006, app.appid);
  for (const key of [...emu.state.quota.keys()]) if (key.startsWith(`${app.appid} `)) emu.state.quota.delete(key);
  const f = emu.state.stableForce.get(app.appid);
  if (f) f.count = 0;
  return emu.ok(rq, 'cgi', '{"errcode":0,"errmsg":"ok"}');
}

/**
 * POST /cgi-bin/openapi/quota/clear?access_token {"cgi_path"} (§12: "resets a single API"; clearApiQuota,
 * https://developers.weixin.qq.com/doc/channels/api/basic/api_clearapiquota.md and the subscription page
 * above). The token is checked as on every /cgi-bin call; the cgi_path as quota/get checks it (the doc
 * states the same rule: starts with `/`, no `https://api.weixin.qq.com` prefix), so 76003 / 76022 / 76021,
 * and 47001 for a body that is not JSON. Success `{"errcode":0,"errmsg":"ok"}` (the doc's example) and
 * that path's count for this app back to 0. Past 50 clears in a (Beijing) month: 48006 — [INF] the doc's
 * error table as stored is cut short and no sample was found; 48006 is clear_quota's answer for the same
 * condition (`forbid to clear quota because of reaching the limit`).
 */
export function cgiQuotaClear(emu: Emulator, rq: Rq): Reply {
  const asked = quotaRequest(emu, rq);
  if ('reply' in asked) return asked.reply;
  const { app, path } = asked;
  if (!takeMonthly(emu, emu.state.apiClears, app.appid, API_CLEARS_PER_MONTH)) return emu.fail(rq, 'cgi', 48006, app.appid);
  emu.state.quota.delete(`${app.appid} ${path}`);
  return emu.ok(rq, 'cgi', '{"errcode":0,"errmsg":"ok"}');
}

/** POST /cgi-bin/clear_quota?access_token {"appid"} (§12). */
export function cgiClearQuota(emu: Emulator, rq: Rq): Reply {
  const authed = requireBasicToken(emu, rq);
  if ('reply' in authed) return authed.reply;
  const body = jsonBody(rq);
  if (!body) return emu.fail(rq, 'cgi', 47001, authed.app.appid);
  if (body.appid !== authed.app.appid) return emu.fail(rq, 'cgi', 40013, authed.app.appid);
  return clearFor(emu, rq, authed.app);
}

/** POST /cgi-bin/clear_quota/v2 with appid + appsecret in the URL or the body (§12 ⚠: both accepted). */
export function cgiClearQuotaV2(emu: Emulator, rq: Rq): Reply {
  const body = jsonBody(rq) ?? {};
  const appid = rq.query.get('appid') ?? (typeof body.appid === 'string' ? body.appid : '');
  const secret = rq.query.get('appsecret') ?? (typeof body.appsecret === 'string' ? body.appsecret : '');
  if (appid === '') return emu.fail(rq, 'cgi', 41002);
  const app = emu.app(appid);
  if (!app) return emu.fail(rq, 'cgi', 40013);
  if (secret === '') return emu.fail(rq, 'cgi', 41004, app.appid);
  if (secret !== app.secret) return emu.fail(rq, 'cgi', 40125, app.appid);
  return clearFor(emu, rq, app);
}

/** GET /cgi-bin/get_api_domain_ip?access_token (§13). */
export function cgiApiDomainIp(emu: Emulator, rq: Rq): Reply {
  const authed = requireBasicToken(emu, rq);
  if ('reply' in authed) return authed.reply;
  return emu.ok(rq, 'cgi', JSON.stringify({ ip_list: API_DOMAIN_IPS }));
}

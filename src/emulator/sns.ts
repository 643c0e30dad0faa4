// /sns/* — user authorization tokens (API-FACTS §4–§7).
import type { Emulator } from './server.js';
import type { Reply, Rq } from './reply.js';
import type { SnsGrant } from './state.js';
import { escapeNonAscii, escapeSlashes } from './wire.js';
import { openidFor, unionidFor, type NormalizedApp } from './seed.js';
import { placeName } from './places.js';

export const SNS_ACCESS_TTL = 7200;
/**
 * The refresh_token's lifetime in seconds (§5, §14): 30 days [DOC OA page]; ⚠ 180 days "且无法续期" in the
 * mobile-app doc (developers.weixin.qq.com/doc/oplatform/Mobile_App/WeChat_Login/Authorized_API_call_UnionID.html,
 * discrepancy raised in community 000624420c0be8612b136d43b61400): the `refreshTokenDays` switch, read when
 * a refresh_token is issued (a token keeps the lifetime it was issued with).
 */
export function snsRefreshTtl(emu: Emulator): number {
  return emu.switches.refreshTokenDays * 86_400;
}

function param(rq: Rq, name: string): string {
  return rq.query.get(name) ?? '';
}

/**
 * GET /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code (§4).
 * ⚠ §4 / §17.4: WeChat's check order is unknown. Default (`codeCheckOrder` secret-first): appid, secret,
 * grant_type, then the code. One 2026 report saw 40029 for a wrong secret AND an invalid code, i.e. the
 * code checked before the secret: `code-first` does that. See docs/emulator-notes.md.
 */
export function snsAccessToken(emu: Emulator, rq: Rq): Reply {
  const appid = param(rq, 'appid');
  // The code is looked up once, here, for the answer and for the record of attempts; the clock is read
  // once too: one request, one instant.
  const code = param(rq, 'code');
  const slot = code === '' ? -1 : emu.state.codes.find(code);
  const now = emu.now();
  const reply = answerAccessToken(emu, rq, appid, code, slot, now);
  // Remember who presented a known code and what WeChat's answer was; the answer itself is unchanged.
  if (slot >= 0 && emu.state.codes.appid(slot) === appid) emu.state.codes.addAttempt(slot, now, rq.ip, reply.errcode ?? 0);
  return reply;
}

/** The secret and grant_type checks: WeChat's refusal, or undefined when both pass. */
function credentialsRefusal(emu: Emulator, rq: Rq, app: NormalizedApp): Reply | undefined {
  const secret = param(rq, 'secret');
  if (secret === '') return emu.fail(rq, 'sns', 41004, app.appid);
  if (secret !== app.secret) return emu.fail(rq, 'sns', 40125, app.appid);
  if (param(rq, 'grant_type') !== 'authorization_code') return emu.fail(rq, 'sns', 40002, app.appid);
  return undefined;
}

/** The code checks (`slot`: where the code is kept, if this emulator issued it, else -1): WeChat's refusal, or undefined when it can be spent. */
function codeRefusal(emu: Emulator, rq: Rq, app: NormalizedApp, code: string, slot: number, now: number): Reply | undefined {
  if (code === '') return emu.fail(rq, 'sns', 41008, app.appid);
  const codes = emu.state.codes;
  // §1.6: a code is bound to the appid that produced it; another appid sees "invalid code".
  if (slot < 0 || codes.appid(slot) !== app.appid) return emu.fail(rq, 'sns', 40029, app.appid);
  // §4 ⚠: a spent code answers 40163 `code been used` (many observations, §0.4); a 2016 report
  // (blog.csdn.net/iteye_380/article/details/82652158) saw 40029 `invalid code`: reusedCodeErrcode.
  if (codes.used(slot)) return emu.fail(rq, 'sns', emu.switches.reusedCodeErrcode, app.appid);
  if (now >= codes.expiresAt(slot)) return emu.fail(rq, 'sns', emu.switches.expiredCodeErrcode, app.appid);
  return undefined;
}

/** `slot`: where the code presented is kept, if this emulator issued it, else -1. */
function answerAccessToken(emu: Emulator, rq: Rq, appid: string, code: string, slot: number, now: number): Reply {
  if (appid === '') return emu.fail(rq, 'sns', 41002);
  const app = emu.app(appid);
  if (!app) return emu.fail(rq, 'sns', 40013);
  // The first check that fails answers; with `code-first` a good code met with a wrong secret is
  // refused without being spent, as the code is spent only once every check has passed.
  const refused =
    emu.switches.codeCheckOrder === 'code-first'
      ? (codeRefusal(emu, rq, app, code, slot, now) ?? credentialsRefusal(emu, rq, app))
      : (credentialsRefusal(emu, rq, app) ?? codeRefusal(emu, rq, app, code, slot, now));
  if (refused) return refused;
  // codeRefusal passed: the code is this emulator's, for this app, unused and unexpired.
  const codes = emu.state.codes;
  const userId = codes.userId(slot);
  const snapshot = codes.snapshot(slot);
  // §4's example keeps the requested scope next to is_snapshotuser (issue 12 item 15).
  const scope = codes.scope(slot);
  const openid = openidFor(app.appid, userId, snapshot);
  const grant = emu.state.grants.create(app.appid, userId, openid, scope, snapshot, now + SNS_ACCESS_TTL * 1000, now + snsRefreshTtl(emu) * 1000);
  codes.spend(slot, grant.serial);

  // §4: unionid only for snsapi_userinfo / snsapi_login grants of apps bound to an open account;
  // is_snapshotuser only (value 1) for snapshot virtual users, whose unionid is virtual too (§1.6).
  // Key order as the official example: …, scope, is_snapshotuser, unionid. Written as text, not
  // JSON.stringify of an object (for speed: every exchange, issue 19): every value is the emulator's
  // own — tokens and ids in [0-9A-Za-z_-], a scope from a fixed list — so none needs escaping.
  // §0.3 ⚠ (switch tokenKeyOrder): the order varies between quoted samples.
  let body =
    emu.switches.tokenKeyOrder === 'doc'
      ? `{"access_token":"${grant.accessToken}","expires_in":${SNS_ACCESS_TTL},"refresh_token":"${grant.refreshToken}","openid":"${openid}","scope":"${scope}"`
      : `{"access_token":"${grant.accessToken}","refresh_token":"${grant.refreshToken}","openid":"${openid}","scope":"${scope}","expires_in":${SNS_ACCESS_TTL}`;
  if (snapshot && snapshotFlagShown(emu, app.appid, userId)) body += ',"is_snapshotuser":1';
  if (app.openAccount && scope !== 'snsapi_base') body += `,"unionid":"${unionidFor(app.openAccount, userId, snapshot)}"`;
  return emu.ok(rq, 'sns', body + '}');
}

/**
 * Whether a snapshot user's exchange carries is_snapshotuser. §4: present (1) only for snapshot virtual
 * users [DOC]; ⚠ [OBS] "sometimes missing on first calls" (community 00008834ad46205e9943de78d6b400).
 * Switch `snapshotFlag`: `always` (default, the doc) or `missing-first`, where the first exchange of each
 * app's snapshot user (since start or reset) leaves it out and later ones carry it.
 */
function snapshotFlagShown(emu: Emulator, appid: string, userId: string): boolean {
  if (emu.switches.snapshotFlag === 'always') return true;
  const key = `${appid} ${userId}`;
  if (emu.state.snapshotExchanged.has(key)) return true;
  emu.state.snapshotExchanged.add(key);
  return false;
}

/**
 * GET /sns/oauth2/refresh_token?appid&grant_type=refresh_token&refresh_token (§5).
 * Unexpired access_token: same string, expiry renewed (开放平台 docs; switch refreshUnexpired); expired: a new one.
 * The refresh_token keeps its value. ⚠ §5: whether a refresh restarts its clock is contested — community
 * 00024c7b444588bb630d9bc105b000 has both "重置为30天" and "不会重置", and the mobile-app doc says it "无法续期".
 * Default (`refreshRenews` false): it keeps its original clock; `true`: each successful refresh gives it
 * its full lifetime (refreshTokenDays) again from now.
 */
export function snsRefreshToken(emu: Emulator, rq: Rq): Reply {
  const appid = param(rq, 'appid');
  const token = param(rq, 'refresh_token');
  if (appid === '') return emu.fail(rq, 'sns', 41002);
  const app = emu.app(appid);
  if (!app) return emu.fail(rq, 'sns', 40013);
  if (param(rq, 'grant_type') !== 'refresh_token') return emu.fail(rq, 'sns', 40002, app.appid);
  if (token === '') return emu.fail(rq, 'sns', 41003, app.appid);
  const grant = emu.state.grants.byRefresh(token);
  if (!grant || grant.appid !== app.appid) return emu.fail(rq, 'sns', 40030, app.appid);
  const now = emu.now();
  if (now >= grant.refreshExpiresAt) return emu.fail(rq, 'sns', 42002, app.appid);
  // §5 ⚠ (switch refreshUnexpired): an unexpired access_token keeps its string by default; `new-token`
  // replaces it even then, and the old one stops working at once.
  if (now >= grant.accessExpiresAt || emu.switches.refreshUnexpired === 'new-token') emu.state.grants.renewAccess(grant);
  grant.accessExpiresAt = now + SNS_ACCESS_TTL * 1000;
  if (emu.switches.refreshRenews) grant.refreshExpiresAt = now + snsRefreshTtl(emu) * 1000;
  const doc = {
    access_token: grant.accessToken,
    expires_in: SNS_ACCESS_TTL,
    refresh_token: grant.refreshToken,
    openid: grant.openid,
    scope: grant.scope,
  };
  return emu.ok(rq, 'sns', JSON.stringify(doc));
}

type TokenCheck = { grant: SnsGrant } | { reply: Reply };

function checkUserToken(emu: Emulator, rq: Rq, unknownErrcode: 40014 | 40001, expiredErrcode: 42001 | 40014 = 42001): TokenCheck {
  const token = param(rq, 'access_token');
  const openid = param(rq, 'openid');
  if (token === '') return { reply: emu.fail(rq, 'sns', 41001) };
  if (openid === '') return { reply: emu.fail(rq, 'sns', 41009) };
  const grant = emu.state.grants.byAccess(token);
  if (!grant) return { reply: emu.fail(rq, 'sns', unknownErrcode) };
  if (emu.now() >= grant.accessExpiresAt) return { reply: emu.fail(rq, 'sns', expiredErrcode, grant.appid) };
  if (grant.openid !== openid) return { reply: emu.fail(rq, 'sns', 40003, grant.appid) };
  return { grant };
}

/**
 * GET /sns/auth?access_token&openid (§6): unknown token 40014 (observed), wrong openid 40003, expired
 * 42001 [DOC table] — ⚠ "WeChat sometimes reports an expired token as 40014 rather than 42001"
 * (developer.aliyun.com/ask/242976): the `authExpiredErrcode` switch.
 */
export function snsAuth(emu: Emulator, rq: Rq): Reply {
  const check = checkUserToken(emu, rq, 40014, emu.switches.authExpiredErrcode);
  if ('reply' in check) return check.reply;
  return emu.ok(rq, 'sns', '{"errcode":0,"errmsg":"ok"}');
}

/**
 * GET /sns/userinfo?access_token&openid&lang (§7). Base-scope and snapshot tokens -> 48001.
 * Post-2021-10 profile: sex 0, empty region and language; raw bodies escape forward slashes.
 */
export function snsUserinfo(emu: Emulator, rq: Rq): Reply {
  const check = checkUserToken(emu, rq, 40001);
  if ('reply' in check) return check.reply;
  const { grant } = check;
  if (grant.scope === 'snsapi_base' || grant.snapshot) return emu.fail(rq, 'sns', 48001, grant.appid);
  const user = emu.user(grant.userId);
  const app = emu.app(grant.appid);
  if (!user || !app) return emu.fail(rq, 'sns', 40003, grant.appid);
  const legacy = emu.switches.profileEra === 'legacy';
  // §7 ⚠: with no lang, the English doc's zh_CN or the Chinese doc's en (switch userinfoLang).
  const lang = param(rq, 'lang') || emu.switches.userinfoLang;
  // Key order as in raw bodies (§0.3): openid, nickname, sex, language, city, province, country,
  // headimgurl, privilege[, unionid].
  const doc: Record<string, unknown> = {
    openid: grant.openid,
    nickname: user.nickname,
    sex: legacy ? user.sex : 0,
    language: legacy ? (['zh_CN', 'zh_TW', 'en'].includes(lang) ? lang : 'zh_CN') : '',
    // §7: pre-2021 places were "pinyin or Chinese depending on lang" (places.ts).
    city: legacy ? placeName(user.city, lang) : '',
    province: legacy ? placeName(user.province, lang) : '',
    country: legacy ? placeName(user.country, lang) : '',
    headimgurl: legacy ? user.headimgurl.replace(/^https:/, 'http:') : user.headimgurl,
    privilege: [],
  };
  if (app.openAccount) doc.unionid = unionidFor(app.openAccount, grant.userId);
  const body = escapeSlashes(JSON.stringify(doc));
  return emu.ok(rq, 'sns', emu.switches.nonAsciiJson === 'escaped' ? escapeNonAscii(body) : body);
}

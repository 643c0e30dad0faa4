// open.weixin.qq.com pages: /connect/oauth2/authorize (公众号 web authorization, consent page) and
// /connect/qrconnect (网站应用 QR login). Behaviour follows API-FACTS §1–§3; WeChat's exact check
// order is not documented, so the order below is our inference: parameters present, appid kind, state
// length (before the order: §1.3's observation), parameter order, scope, account rights, callback
// domain, following (test accounts).
import { randomBytes } from 'node:crypto';
import type { Emulator } from './server.js';
import { html, redirect, type Reply, type Rq } from './reply.js';
import { appendToRedirect, domainMatches, parseRedirect, type RedirectTarget } from './callback.js';
import { emulatorNote, errorPage, escapeHtml, jsonForScript, layout, noteLine, shownHtml, type Note, type ShownNote } from './html.js';
import { qrSvg } from './qr-svg.js';
import type { NormalizedApp, NormalizedUser } from './seed.js';
import type { QrSession, Scope } from './state.js';
import { newUuid } from './wire.js';
import { QR_TTL_MS, ScanError, scan } from './control.js';
import { UI_TEXT, pickUiLang } from './ui-text.js';
import { issuableScopes } from './scopes.js';
import { WXLOGIN_SCRIPT_PATH } from '../core/authorize-url.js';

const PAGE_PATHS = new Set([
  '/connect/oauth2/authorize',
  '/connect/oauth2/authorize_reply',
  '/connect/qrconnect',
  '/connect/l/qrconnect',
  '/connect/confirm',
  '/connect/confirm_reply',
]);

/** The page paths, for a fault's path that matches nothing (server.ts servesPath). */
export const PAGE_PATH_LIST: readonly string[] = [...PAGE_PATHS, '/connect/qrcode/', WXLOGIN_SCRIPT_PATH];

export function isPagePath(path: string): boolean {
  return PAGE_PATHS.has(path) || path.startsWith('/connect/qrcode/') || path === WXLOGIN_SCRIPT_PATH;
}

/** §1.2: the relative order WeChat's regex expects. */
const ORDER = ['appid', 'redirect_uri', 'response_type', 'scope', 'state'];
const SCOPE_ERROR = 'Scope 参数错误或没有 Scope 权限';
const TICKET_TTL_MS = 10 * 60_000;

function flag(value: string | null): boolean {
  return value === 'true' || value === '1';
}

/**
 * Which seeded user "you" are in the emulated WeChat client: the emulator's one current user. The
 * emulator page's picker (POST /__emulator/user) and the pickers on the consent, QR and phone pages all
 * set it, so the latest choice, wherever it was made, is who the next login acts as and what the
 * emulator page shows. (A consent choice once lived in a cookie that outranked the page's picker,
 * unseen; such a cookie is ignored.)
 */
function currentUser(emu: Emulator): NormalizedUser {
  return emu.user(emu.currentUser) ?? emu.seed.users[0]!;
}

/**
 * Whether the first occurrences of ORDER's names come out of order. One pass over the raw query,
 * without splitting it into arrays (for speed: every authorize request).
 */
function paramsOutOfOrder(rawQuery: string): boolean {
  let seen = 0; // bit i: ORDER[i] already met
  let last = -1;
  for (let start = 0; start <= rawQuery.length; ) {
    let end = rawQuery.indexOf('&', start);
    if (end < 0) end = rawQuery.length;
    const eq = rawQuery.indexOf('=', start);
    const index = ORDER.indexOf(rawQuery.slice(start, eq >= 0 && eq < end ? eq : end));
    if (index >= 0 && (seen & (1 << index)) === 0) {
      if (index < last) return true;
      seen |= 1 << index;
      last = index;
    }
    start = end + 1;
  }
  return false;
}

/**
 * A note in the language the request prefers (Accept-Language ranked as the emulator's own page ranks
 * it). Only pages that show a note call this: the authorize redirect does not pay for it (issue 19).
 */
function shown(rq: Rq, note: Note): ShownNote {
  return { note, lang: pickUiLang(null, rq.headers['accept-language']) };
}

/** WeChat's error page, with the emulator's note (if any) in the request's language. */
function oops(rq: Rq, message: string, errcode: number | undefined, note?: Note, status?: number): Reply {
  return refused(html(errorPage(message, errcode, note && shown(rq, note)), status), message, errcode);
}

/** An error page, marked for the request log: its message, and its code when WeChat shows one. */
function refused(reply: Reply, message: string, errcode: number | undefined): Reply {
  reply.page = message;
  if (errcode !== undefined) reply.errcode = errcode;
  return reply;
}

/** PC WeChat's in-app browser: its User-Agent carries `WindowsWechat` (Windows) or `MacWechat` (macOS). [INF] */
const PC_WECHAT_UA = /WindowsWechat|MacWechat/;

function fromPcWechat(rq: Rq): boolean {
  const ua = rq.headers['user-agent'];
  return typeof ua === 'string' && PC_WECHAT_UA.test(ua);
}

/**
 * 10003, redirect_uri not under the 网页授权域名. §1.5 ⚠ (community 0002808128c758895210f8aae66000): mobile
 * WeChat shows "redirect_uri 域名与后台配置不一致，错误码：10003", PC WeChat plain "redirect_uri 参数错误".
 * Switch `redirectErrorWording`: `by-user-agent` (default) gives PC WeChat's User-Agents the PC wording and
 * every other client the mobile one, as before; `mobile` and `pc` force one. data-errcode stays 10003.
 */
function redirectUriMismatch(emu: Emulator, rq: Rq, note: Note): Reply {
  const wording = emu.switches.redirectErrorWording;
  const pc = wording === 'pc' || (wording === 'by-user-agent' && fromPcWechat(rq));
  if (!pc) return oops(rq, 'redirect_uri域名与后台配置不一致', 10003, note);
  return refused(html(errorPage('redirect_uri 参数错误', 10003, shown(rq, note), false)), 'redirect_uri 参数错误', 10003);
}

/**
 * Whether this client gets the 128-byte state check (§1.3 ⚠: "PC 端微信打开提示 state参数过长，手机端正常"):
 * switch stateLengthCheck, `pc-only` by the User-Agent as for 10003's wording.
 */
function stateLengthChecked(emu: Emulator, rq: Rq): boolean {
  const check = emu.switches.stateLengthCheck;
  return check === 'pc-only' ? fromPcWechat(rq) : check;
}

function notInSeed(appid: string): Note {
  return { zh: `模拟器的种子数据里没有 appid ${appid}`, en: `appid ${appid} is not in the emulator's seed` };
}

function notFollowing(userId: string): Note {
  return { zh: `用户 ${userId} 没有关注这个测试号`, en: `user ${userId} does not follow the test account` };
}

const LOGIN_SCOPE_NOTE: Note = {
  zh: 'snsapi_login 只用于网站应用，在 /connect/qrconnect 上使用',
  en: 'snsapi_login is for website apps on /connect/qrconnect',
};

function formBody(rq: Rq): URLSearchParams {
  return new URLSearchParams(rq.body);
}

function userPicker(emu: Emulator, selected: string): string {
  const options = emu.seed.users
    // The names as shown (html.ts shownHtml), as every seeded text on these pages: a U+202E in a seeded
    // nickname reversed the rest of the line. The value stays the id.
    .map((u) => `<option value="${escapeHtml(u.id)}"${u.id === selected ? ' selected' : ''}>${shownHtml(u.nickname)} (${shownHtml(u.id)})</option>`)
    .join('');
  return `<label class="desc">当前微信用户 / you are<select name="user" id="user">${options}</select></label>`;
}

function followsApp(user: NormalizedUser, app: NormalizedApp): boolean {
  return user.follows.includes(app.appid);
}

// ---------------------------------------------------------------------------------------------
// /connect/oauth2/authorize

function authorize(emu: Emulator, rq: Rq): Reply {
  const q = rq.query;
  const appid = q.get('appid') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const scopeParam = q.get('scope') ?? '';
  const state = q.get('state') ?? '';
  // Sibling catalogue codes 10010–10012 for empty parameters (§1.5).
  if (appid === '') return oops(rq, 'appid不能为空', 10012);
  const app = emu.app(appid);
  if (!app) return oops(rq, '该链接无法访问', undefined, notInSeed(appid));
  const issuable = issuableScopes(app);
  if (issuable.page !== 'authorize')
    return oops(rq, '不支持微信开放平台的Appid，请使用公众号Appid', 10016, {
      zh: `${appid} 是网站应用，请用 /connect/qrconnect`,
      en: `${appid} is a website app (网站应用); use /connect/qrconnect`,
    });
  if (redirectUri === '') return oops(rq, 'redirect_uri不能为空', 10011);
  if (scopeParam === '') return oops(rq, 'scope不能为空', 10010);
  // §1.3 [OBS]: a 235-character state with response_type first got the state error, not the order one.
  if (stateLengthChecked(emu, rq) && Buffer.byteLength(state) > 128) {
    const pcOnly = emu.switches.stateLengthCheck === 'pc-only';
    return oops(rq, 'state参数过长', undefined, {
      zh: `state 有 ${Buffer.byteLength(state)} 字节，微信最多允许 128 字节${pcOnly ? '（stateLengthCheck=pc-only：只有 PC 微信拒绝，手机上会放行）' : ''}`,
      en: `state is ${Buffer.byteLength(state)} bytes; WeChat allows 128${pcOnly ? ' (stateLengthCheck=pc-only: only PC WeChat refuses it, a phone lets it through)' : ''}`,
    });
  }
  if (emu.switches.paramOrderCheck && paramsOutOfOrder(rq.rawQuery))
    return oops(rq, SCOPE_ERROR, undefined, {
      zh: '参数必须按 appid、redirect_uri、response_type、scope、state 的顺序排列',
      en: 'parameters must come in the order appid, redirect_uri, response_type, scope, state',
    });
  if ((q.get('response_type') ?? '') !== 'code')
    return oops(rq, '该链接无法访问', undefined, { zh: 'response_type 必须是 code', en: 'response_type must be code' });
  // §1.1 [OBS], §1.5 [DOC]: snsapi_login here is 10005 (the default); the switch keeps the other page.
  if (scopeParam === 'snsapi_login') {
    return emu.switches.loginScopeOnAuthorize === '10005'
      ? oops(rq, '此公众号并没有这些scope的权限', 10005, LOGIN_SCOPE_NOTE)
      : oops(rq, SCOPE_ERROR, undefined, LOGIN_SCOPE_NOTE);
  }
  if (scopeParam !== 'snsapi_base' && scopeParam !== 'snsapi_userinfo')
    return oops(rq, SCOPE_ERROR, undefined, { zh: `未知的 scope：${scopeParam}`, en: `unknown scope ${scopeParam}` });
  const scope: Scope = scopeParam;
  // §1.1: only verified 服务号 (and test accounts) have web-authorization rights.
  if ('none' in issuable)
    return oops(
      rq,
      '此公众号并没有这些scope的权限',
      10005,
      issuable.none === 'subscription'
        ? { zh: '订阅号没有网页授权权限（只有已认证的服务号和测试号有）', en: 'subscription accounts have no web-authorization rights' }
        : { zh: '未认证的服务号没有网页授权权限（只有已认证的服务号和测试号有）', en: 'unverified service accounts have no web-authorization rights' },
    );
  const target = parseRedirect(redirectUri);
  if (!target || !domainMatches(app.domain, target))
    return redirectUriMismatch(emu, rq, domainMismatchNote(app, redirectUri, target));
  const user = currentUser(emu);
  if (app.type === 'test' && !followsApp(user, app))
    return oops(rq, '必须关注此测试号', 10006, notFollowing(user.id));

  if (scope === 'snsapi_base') return redirectWithCode(emu, app, user.id, redirectUri, state, 'snsapi_base', false);
  const forcePopup = flag(q.get('forcePopup'));
  // §1.1 ⚠: one developer saw forcePopup=true enter snapshot mode (community oCJUsw8FZ8lAiSEO01f6ue-1pByY)
  // rather than show the consent page the doc promises; switch forcePopupEffect.
  const snapshot = flag(q.get('forceSnapShot')) || (forcePopup && emu.switches.forcePopupEffect === 'snapshot');
  // §1.6: snapshot mode — a virtual user, is_snapshotuser 1 on the token, no consent page.
  if (snapshot) return redirectWithCode(emu, app, user.id, redirectUri, state, 'snsapi_userinfo', true);
  if (!forcePopup && emu.switches.silentUserinfo === 'followers' && followsApp(user, app))
    return redirectWithCode(emu, app, user.id, redirectUri, state, 'snsapi_userinfo', false);

  const ticket = randomBytes(12).toString('hex');
  if (emu.state.tickets.size >= 5000) emu.state.tickets.shift();
  emu.state.tickets.set(ticket, { ticket, appid: app.appid, redirectUri, state, scope, createdAt: emu.now(), used: false });
  return html(consentPage(emu, rq, app, user, ticket));
}

/**
 * The emulator's note under a refused redirect_uri: a scheme other than http(s) is said as such (not
 * called a host), and the port rule is the one the configured domains make (domainMatches): a domain
 * without a port takes none, `host:port` that port, `host:*` any.
 */
function domainMismatchNote(app: NormalizedApp, redirectUri: string, target: RedirectTarget | undefined): Note {
  if (!target) {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(redirectUri)?.[1]?.toLowerCase();
    const got = redirectUri.slice(0, 200);
    if (scheme !== 'http' && scheme !== 'https')
      return {
        zh: `redirect_uri 必须是 http:// 或 https:// 开头的网址${scheme ? `，不能是 ${scheme}:` : ''}（收到的是 ${got}）`,
        en: `redirect_uri must be an http:// or https:// URL${scheme ? `, not ${scheme}:` : ''} (got ${got})`,
      };
    return { zh: `redirect_uri ${got} 里没有微信能识别的主机`, en: `redirect_uri ${got} has no host WeChat can read` };
  }
  const shownHost = target.port ? `${target.host}:${target.port}` : target.host;
  const hostOnly = app.domain.every((d) => !d.split('/')[0]!.includes(':'));
  // 网站应用 call theirs 授权回调域; official accounts 网页授权域名 (the names on each console).
  const domainName = app.type === 'website' ? '授权回调域' : '网页授权域名';
  return {
    zh:
      `redirect_uri 的主机 ${shownHost} 与配置的${domainName}（${app.domain.join(', ') || '无'}）不一致：必须完全相同，子域名和上级域名都不行，` +
      (hostOnly ? '也不能带端口' : '端口也要与配置一致（配置里没写端口的域名不能带端口，host:* 可带任意端口）'),
    en:
      `redirect_uri host ${shownHost} does not equal the configured domain (${app.domain.join(', ') || 'none'}); exact host, no subdomain or parent, ` +
      (hostOnly ? 'no port' : 'the port as configured (a domain without one takes none; host:* any)'),
  };
}

function redirectWithCode(emu: Emulator, app: NormalizedApp, userId: string, redirectUri: string, state: string, scope: Scope, snapshot: boolean): Reply {
  const code = emu.mintCode(app.appid, userId, scope, snapshot);
  return redirect(appendToRedirect(redirectUri, [['code', code], ['state', state]]));
}

function consentPage(emu: Emulator, rq: Rq, app: NormalizedApp, user: NormalizedUser, ticket: string): string {
  return layout(
    '微信授权登录',
    `<div class="page"><form method="post" action="/connect/oauth2/authorize_reply">` +
      `<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">` +
      `<div class="icon ok">微</div><div class="app" id="app-name">${shownHtml(app.name)}</div>` +
      `<p class="desc">申请获取以下权限</p>` +
      `<div class="scope">获得你的公开信息（昵称、头像等）</div>` +
      userPicker(emu, user.id) +
      `<div class="buttons"><button type="submit" class="primary" name="action" value="allow">允许</button>` +
      `<button type="submit" class="default" name="action" value="deny">拒绝</button></div></form>` +
      emulatorNote(
        shown(rq, {
          zh: `${app.appid} 的 snsapi_userinfo 授权页：先选微信用户，再点「允许」或「拒绝」`,
          en: `snsapi_userinfo consent for ${app.appid}; pick the user, then 允许 (allow) or 拒绝 (deny)`,
        }),
      ) +
      `</div>`,
  );
}

function authorizeReply(emu: Emulator, rq: Rq): Reply {
  if (rq.method !== 'POST')
    return oops(rq, '该链接无法访问', undefined, { zh: '授权页的表单要用 POST 提交', en: 'the consent form is submitted with POST' }, 405);
  const form = formBody(rq);
  const ticket = emu.state.tickets.get(form.get('ticket') ?? '');
  if (!ticket || ticket.used || emu.now() - ticket.createdAt > TICKET_TTL_MS)
    return oops(rq, '该链接已失效，请重新发起授权', undefined, {
      zh: '这个授权页已经提交过或已过期，请重新打开授权链接',
      en: 'this consent page was already answered or has expired; open the authorize URL again',
    });
  const app = emu.app(ticket.appid);
  const picked = emu.user(form.get('user') ?? '');
  if (!app) return oops(rq, '该链接无法访问', undefined);
  ticket.used = true;
  // The user picked on this page is "you" from now on, as if picked on the emulator's page.
  if (picked) emu.currentUser = picked.id;
  const user = picked ?? currentUser(emu);
  if (form.get('action') !== 'allow') {
    // §1.4 ⚠: old docs redirect with state only; others report no redirect at all.
    if (emu.switches.denyBehaviour === 'redirect-state-only') return redirect(appendToRedirect(ticket.redirectUri, [['state', ticket.state]]));
    return html(
      layout('微信授权登录', `<div class="page" data-denied><div class="icon">!</div><h2>你已拒绝授权</h2>${emulatorNote(shown(rq, { zh: '已拒绝，不跳转（denyBehaviour 为 no-redirect）', en: 'denied; no redirect (denyBehaviour no-redirect)' }))}</div>`),
    );
  }
  if (app.type === 'test' && !followsApp(user, app)) return oops(rq, '必须关注此测试号', 10006, notFollowing(user.id));
  return redirectWithCode(emu, app, user.id, ticket.redirectUri, ticket.state, ticket.scope, false);
}

// ---------------------------------------------------------------------------------------------
// /connect/qrconnect

function qrconnect(emu: Emulator, rq: Rq): Reply {
  const q = rq.query;
  const appid = q.get('appid') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const scopes = (q.get('scope') ?? '').split(',');
  // §2.1: lang=en gives an English page [DOC]; ⚠ [OBS] the embedded variant (wxLogin.js's iframe,
  // login_type=jssdk) stayed Chinese in a 2024 report: switch qrLangEn.
  const keptChinese = q.get('lang') === 'en' && emu.switches.qrLangEn === 'embedded-chinese' && q.get('login_type') === 'jssdk';
  const english = q.get('lang') === 'en' && !keptChinese;
  const app = emu.app(appid);
  if (appid === '' || !app) return oops(rq, '该链接无法访问', undefined, appid === '' ? { zh: '缺少 appid', en: 'appid is missing' } : notInSeed(appid));
  // §2: an official-account appid gets "Scope 参数错误或没有 Scope 权限".
  const issuable = issuableScopes(app);
  if (issuable.page !== 'qrconnect')
    return oops(rq, SCOPE_ERROR, undefined, {
      zh: `${appid} 不是网站应用；公众号（服务号、订阅号、测试号）请用 /connect/oauth2/authorize`,
      en: `${appid} is not a website app (网站应用); official accounts use /connect/oauth2/authorize`,
    });
  // §2.1 [DOC]: "若提示『该链接无法访问』，请检查参数是否填写错误，如…或scope不为snsapi_login". The facts do
  // not tell snsapi_base/snsapi_userinfo from an unknown scope, so every scope but snsapi_login gets it.
  if (!scopes.some((scope) => (issuable.scopes as readonly string[]).includes(scope)))
    return oops(rq, '该链接无法访问', undefined, { zh: '网站应用必须用 scope=snsapi_login', en: 'website apps must use scope=snsapi_login' });
  // §2.1 [DOC]: response_type is required and is code; a wrong parameter is "该链接无法访问", as on authorize.
  // wxLogin.js's iframe (login_type=jssdk, §2.2) has none, and WeChat serves it.
  const responseType = q.get('response_type');
  if (responseType === null ? q.get('login_type') !== 'jssdk' : responseType !== 'code')
    return oops(rq, '该链接无法访问', undefined, { zh: 'response_type 必须是 code', en: 'response_type must be code' });
  const target = redirectUri === '' ? undefined : parseRedirect(redirectUri);
  // §2.1: a host other than the 授权回调域, or a port, shows "redirect_uri 参数错误".
  if (!target || !domainMatches(app.domain, target))
    return oops(rq, 'redirect_uri 参数错误', undefined, redirectUri === '' ? { zh: '缺少 redirect_uri', en: 'redirect_uri is missing' } : domainMismatchNote(app, redirectUri, target));

  const session: QrSession = {
    uuid: newUuid(),
    appid: app.appid,
    redirectUri,
    state: q.get('state') ?? '',
    createdAt: emu.now(),
    status: 408,
    selfRedirect: flag(q.get('self_redirect')),
    jssdk: q.get('login_type') === 'jssdk',
  };
  if (emu.state.qr.size >= 5000) emu.state.qr.shift();
  emu.state.qr.set(session.uuid, session);
  return html(qrPage(emu, rq, app, session, english, q.get('style') === 'white', q.get('href') ?? '', keptChinese));
}

/**
 * What the emulator says under a QR page whose login is over (the poll heard 405, 403 or 402), when
 * its simulate button is turned off: a finished login cannot be confirmed again (confirm_reply would
 * answer "already finished"), and a new one starts with a reload (a new uuid) or from the site.
 */
const QR_FINISHED: Record<'confirmed' | 'cancelled' | 'expired', Note> = {
  confirmed: {
    zh: '这次登录已确认，code 已交给 redirect_uri。要再登录一次，请从网站重新发起登录。',
    en: 'This login is confirmed and its code went to the redirect_uri. To log in again, start a new login from your site.',
  },
  cancelled: {
    zh: '这次登录已取消，不能再确认。要再试，请刷新本页（换一个新的二维码），或从网站重新发起登录。',
    en: 'This login was cancelled and cannot be confirmed any more. To try again, reload this page (a new QR code) or start a new login from your site.',
  },
  expired: {
    zh: '这个二维码已过期（5 分钟），不能再确认。请刷新本页（换一个新的二维码），或从网站重新发起登录。',
    en: 'This QR code has expired (after 5 minutes) and cannot be confirmed any more. Reload this page (a new QR code) or start a new login from your site.',
  },
};

function qrPage(emu: Emulator, rq: Rq, app: NormalizedApp, s: QrSession, english: boolean, white: boolean, href: string, keptChinese = false): string {
  // §2.2 href: custom CSS over https or as a data:text/css URL; anything else is ignored.
  const css = /^https:\/\//i.test(href) || /^data:text\/css/i.test(href) ? `<link rel="stylesheet" href="${escapeHtml(href)}">` : '';
  // self_redirect=true: navigate inside the iframe; otherwise the top window (§2.2).
  const targetFrame = s.jssdk && !s.selfRedirect ? '_top' : '_self';
  const finished = {
    confirmed: noteLine(shown(rq, QR_FINISHED.confirmed)),
    cancelled: noteLine(shown(rq, QR_FINISHED.cancelled)),
    expired: noteLine(shown(rq, QR_FINISHED.expired)),
  };
  const script =
    `<script>(function(){var c=${jsonForScript({ uuid: s.uuid, redirect: s.redirectUri, state: s.state, top: targetFrame === '_top' })};` +
    `var said=JSON.parse(document.getElementById('finished-notes').textContent);` +
    // One navigation per login: the simulate button's form submit and the poll seeing 405 would
    // otherwise both deliver the code, a double callback that WeChat's page does not make.
    `var f=document.getElementById('simulate');if(f&&f.form)f.form.addEventListener('submit',function(){c.done=true});` +
    // A finished login: the simulate button and its picker off, and the emulator's line on what to do.
    `function over(why){if(f){f.disabled=true;var u=document.getElementById('user');if(u)u.disabled=true}` +
    `var n=document.getElementById('finished');if(n){n.textContent=said[why];n.hidden=false}}` +
    `function go(code){if(c.done)return;c.done=true;var u=c.redirect+(c.redirect.indexOf('?')<0?'?':'&')+'code='+encodeURIComponent(code)+'&state='+encodeURIComponent(c.state);` +
    `if(c.top){window.top.location.href=u}else{window.location.href=u}}` +
    `function poll(){if(c.done)return;fetch('/connect/l/qrconnect?uuid='+c.uuid+'&_='+Date.now()).then(function(r){return r.text()}).then(function(t){` +
    `var m=/wx_errcode=(\\d+);window\\.wx_code='([^']*)'/.exec(t);var s=m?+m[1]:0;var el=document.getElementById('status');` +
    `if(s===405){el.textContent=${jsonForScript(english ? 'Confirmed, redirecting…' : '登录成功，正在跳转…')};over('confirmed');go(m[2]);return}` +
    `if(s===404){el.textContent=${jsonForScript(english ? 'Scanned. Confirm on your phone.' : '扫描成功，请在微信中点击确认即可登录')}}` +
    `if(s===403){el.textContent=${jsonForScript(english ? 'You cancelled the login.' : '您已取消此次登录')};over('cancelled');return}` +
    `if(s===402){el.textContent=${jsonForScript(english ? 'QR code expired. Refresh the page.' : '二维码已失效，请刷新页面')};over('expired');return}` +
    `setTimeout(poll,1000)}).catch(function(){setTimeout(poll,2000)})}poll()})();</script>`;
  return layout(
    english ? 'WeChat Login' : '微信登录',
    `<div class="page" style="${white ? 'color:#fff;background:#333' : ''}"><h1>${english ? 'WeChat Login' : '微信登录'}</h1>` +
      // §2.3: WeChat's page references the QR as an image by uuid, exactly this tag; scrapers read the
      // uuid from it (issue 12 item 17). The image itself is drawn by /connect/qrcode/{uuid}.
      `<img class="qrcode lightBorder" src="/connect/qrcode/${escapeHtml(s.uuid)}">` +
      `<p class="desc" id="status">${english ? `Scan with WeChat to log in to “${shownHtml(app.name)}”` : `使用微信扫一扫登录「${shownHtml(app.name)}」`}</p>` +
      `<form method="post" action="/connect/confirm_reply" target="${targetFrame}">` +
      `<input type="hidden" name="uuid" value="${escapeHtml(s.uuid)}">` +
      userPicker(emu, emu.currentUser) +
      `<div class="buttons"><button type="submit" class="primary" name="action" value="confirm" id="simulate">模拟扫码并确认 (simulate scan &amp; confirm)</button></div></form>` +
      // The emulator's words, in the note's language, apart from WeChat's page and its script.
      `<p class="emu" id="finished" hidden></p><script type="application/json" id="finished-notes">${jsonForScript(finished)}</script>` +
      // The note follows Accept-Language; WeChat's own lines above follow its lang parameter.
      emulatorNote(
        shown(rq, {
          zh: `二维码登录 ${s.uuid}；也可以用 POST /__emulator/scan 确认${keptChinese ? '。lang=en 被忽略：开关 qrLangEn=embedded-chinese 模拟 2024 年的报告（嵌入式二维码仍显示中文）' : ''}`,
          en: `QR session ${s.uuid}; POST /__emulator/scan also confirms it${keptChinese ? '. lang=en ignored: switch qrLangEn=embedded-chinese plays the 2024 report (the embedded QR stayed Chinese)' : ''}`,
        }),
      ) +
      `</div>${script}`,
    css,
  );
}

/**
 * §2.3 long-poll answer: `window.wx_errcode=408;window.wx_code='';` (answered at once here). WeChat's
 * page holds each poll open; the emulator's answers at once and the page asks again a second later, so
 * an open QR page would log a row a second. A poll is logged only when its answer differs from the
 * previous poll of its session: the first one, then scanned, confirmed (with the code), cancelled or
 * expired. A poll of an unknown uuid is always logged.
 */
function longPoll(emu: Emulator, rq: Rq): Reply {
  const session = emu.state.qr.get(rq.query.get('uuid') ?? '');
  let status: number = 402;
  let code = '';
  let unchanged = false;
  if (session) {
    if (session.status !== 405 && session.status !== 403 && emu.now() - session.createdAt >= QR_TTL_MS) session.status = 402;
    status = session.status;
    code = session.status === 405 ? (session.code ?? '') : '';
    unchanged = session.polled === status;
    session.polled = status;
  }
  const reply: Reply = {
    status: 200,
    headers: { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'no-cache' },
    body: `window.wx_errcode=${status};window.wx_code='${code}';`,
  };
  if (unchanged) reply.unlogged = true;
  return reply;
}

function qrImage(emu: Emulator, rq: Rq): Reply {
  const uuid = rq.path.slice('/connect/qrcode/'.length);
  if (!emu.state.qr.has(uuid)) return oops(rq, '二维码已失效', undefined, undefined, 404);
  return { status: 200, headers: { 'content-type': 'image/svg+xml' }, body: qrSvg(`${emu.originOf(rq)}/connect/confirm?uuid=${uuid}`) };
}

/** What the phone shows after scanning: a confirm page (reachable if the emulator is bound to a LAN address). */
function confirmPage(emu: Emulator, rq: Rq): Reply {
  const session = emu.state.qr.get(rq.query.get('uuid') ?? '');
  if (!session) return oops(rq, '二维码已失效', undefined);
  const app = emu.app(session.appid);
  if (session.status === 408) session.status = 404;
  return html(
    layout(
      '微信登录',
      `<div class="page"><div class="app">${shownHtml(app?.name ?? session.appid)}</div><p class="desc">登录确认</p>` +
        `<form method="post" action="/connect/confirm_reply"><input type="hidden" name="uuid" value="${escapeHtml(session.uuid)}">` +
        userPicker(emu, emu.currentUser) +
        `<div class="buttons"><button type="submit" class="primary" name="action" value="confirm">允许</button>` +
        `<button type="submit" class="default" name="action" value="cancel">拒绝</button></div></form></div>`,
    ),
  );
}

/** The simulate button (and the phone page) submit here: confirm -> 302 to redirect_uri?code&state. */
function confirmReply(emu: Emulator, rq: Rq): Reply {
  if (rq.method !== 'POST') return oops(rq, '该链接无法访问', undefined, { zh: '这个表单要用 POST 提交', en: 'submit this form with POST' }, 405);
  const form = formBody(rq);
  // The form names its QR session. Without one, scan() would take the newest pending session (a
  // convenience of the control API, POST /__emulator/scan), and any site could confirm someone's
  // login as a user it picks with a cross-site form POST.
  const uuid = form.get('uuid') ?? '';
  if (uuid === '')
    return oops(
      rq,
      '该链接无法访问',
      undefined,
      {
        zh: '表单里没有 uuid：请在这次登录的扫码页或手机确认页上确认或取消',
        en: 'the form carries no uuid: confirm or cancel from the QR page or the phone page of that login',
      },
      400,
    );
  const action = form.get('action') === 'cancel' ? 'cancel' : 'confirm';
  const user = form.get('user') ?? undefined;
  const picked = user && emu.user(user) ? user : undefined;
  try {
    const result = scan(emu, { uuid, user: picked, action });
    // As on the consent page: the user picked here is "you" from now on.
    if (picked) emu.currentUser = picked;
    if (result.redirect) return redirect(result.redirect);
    return html(layout('微信登录', `<div class="page"><div class="icon">!</div><h2>您已取消此次登录</h2></div>`));
  } catch (error) {
    return oops(rq, '二维码已失效', undefined, scanRefusal(error));
  }
}

/** A refused confirm in both languages: the control API's English, the emulator page's Chinese (ui-text). */
function scanRefusal(error: unknown): Note {
  const en = (error as Error).message;
  if (!(error instanceof ScanError)) return { zh: en, en };
  const zh = UI_TEXT[error.pageKey].zh.replace(/\{(\w+)\}/g, (all, name: string) => error.params[name] ?? all);
  return { zh, en };
}

/**
 * wxLogin.js as WeChat serves it (res.wx.qq.com, API-FACTS §2.2): `new WxLogin({...})` puts an iframe of
 * the QR page in the element `id`, its options concatenated into the URL unencoded (stylelite and
 * fast_login too, §2.2, which the QR page here accepts and ignores). This copy frames the
 * emulator's own QR page (the origin the script was loaded from), so `wxauth url --embed` against the
 * emulator runs as the page would against WeChat.
 */
const WXLOGIN_JS = `!function(w,d){var s=d.currentScript;var base=s&&s.src?new URL(s.src).origin:'https://open.weixin.qq.com';w.WxLogin=function(e){var r='default';e.self_redirect===true?r='true':e.self_redirect===false&&(r='false');var f=d.createElement('iframe');var u=base+'/connect/qrconnect?appid='+e.appid+'&scope='+e.scope+'&redirect_uri='+e.redirect_uri+'&state='+e.state+'&login_type=jssdk&self_redirect='+r+'&styletype='+(e.styletype||'')+'&sizetype='+(e.sizetype||'')+'&bgcolor='+(e.bgcolor||'')+'&rst='+(e.rst||'');u+=e.style?'&style='+e.style:'';u+=e.href?'&href='+e.href:'';u+=e.lang==='en'?'&lang=en':'';u+=e.stylelite?'&stylelite='+e.stylelite:'';u+=e.fast_login===0||e.fast_login==='0'?'&fast_login=0':'';f.src=u;f.frameBorder='0';f.allowTransparency='true';f.scrolling='no';f.width='300px';f.height='400px';var c=d.getElementById(e.id);c.innerHTML='';c.appendChild(f)}}(window,document);
`;

export function handlePage(emu: Emulator, rq: Rq): Reply {
  if (rq.path.startsWith('/connect/qrcode/')) return qrImage(emu, rq);
  if (rq.path === WXLOGIN_SCRIPT_PATH) return { status: 200, headers: { 'content-type': 'application/javascript; charset=utf-8' }, body: WXLOGIN_JS };
  switch (rq.path) {
    case '/connect/oauth2/authorize':
      return authorize(emu, rq);
    case '/connect/oauth2/authorize_reply':
      return authorizeReply(emu, rq);
    case '/connect/qrconnect':
      return qrconnect(emu, rq);
    case '/connect/l/qrconnect':
      return longPoll(emu, rq);
    case '/connect/confirm':
      return confirmPage(emu, rq);
    case '/connect/confirm_reply':
      return confirmReply(emu, rq);
    default:
      return oops(rq, '该链接无法访问', undefined, undefined, 404);
  }
}

// A small, correct 公众号网页授权 login, no dependencies: run it, then `wxauth probe` it.
//
//   wxauth emulator                                           # terminal 1
//   node examples/wechat-login-app/server.mjs                 # terminal 2 (env below)
//   wxauth probe 'http://127.0.0.1:3000/auth/wechat?next=/me' # terminal 3
//
// Env: APP_ID (default the emulator's test account wx5e1ec0de00000002, whose callback domains are
// 127.0.0.1:* and localhost:*), APP_SECRET (default its secret), WECHAT_API_BASE and WECHAT_OPEN_BASE
// (default http://127.0.0.1:3900, the emulator; https://api.weixin.qq.com and https://open.weixin.qq.com
// in production), PORT (3000), PUBLIC_URL (http://127.0.0.1:PORT).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

const PORT = Number(process.env.PORT ?? 3000);
const APP_ID = process.env.APP_ID ?? 'wx5e1ec0de00000002';
const APP_SECRET = process.env.APP_SECRET ?? '5e1ec0de5e1ec0de5e1ec0de00000002';
const API = (process.env.WECHAT_API_BASE ?? 'http://127.0.0.1:3900').replace(/\/+$/, '');
const OPEN = (process.env.WECHAT_OPEN_BASE ?? process.env.WECHAT_API_BASE ?? 'http://127.0.0.1:3900').replace(/\/+$/, '');
const PUBLIC_URL = (process.env.PUBLIC_URL ?? `http://127.0.0.1:${PORT}`).replace(/\/+$/, '');
const SCOPE = 'snsapi_userinfo';

const sessions = new Map(); // sid -> { state, next, user }
// code -> Promise of the exchange: WeChat may hit the callback twice with the same code, and a user may
// reload it; a code can be exchanged only once (the second exchange gets 40163).
const exchanges = new Map();

function session(req) {
  const sid = /(?:^|;\s*)sid=([a-f0-9]{24})/.exec(req.headers.cookie ?? '')?.[1];
  if (sid && sessions.has(sid)) return [sid, sessions.get(sid)];
  const fresh = randomBytes(12).toString('hex');
  sessions.set(fresh, {});
  return [fresh, sessions.get(fresh)];
}

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function send(res, status, title, html, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(`<!doctype html><meta charset="utf-8"><title>${esc(title)}</title><h1>${esc(title)}</h1><p>${html}</p>`);
}

/** Only same-site paths: `/x`, never `//host` or `https://host` (an open redirect). */
const safeNext = (next) => (typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/me');

async function getJson(url) {
  // WeChat may answer text/plain: parse the body as JSON whatever the Content-Type. 10 s: WeChat is
  // sometimes that slow, and a code given up on is lost (see exchange).
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  // A gateway's timeout (504): the request reached WeChat, which may have spent the code.
  if (res.status === 504) return { errcode: -2, errmsg: 'HTTP 504' };
  if (res.status >= 500) return { errcode: -1, errmsg: `HTTP ${res.status}` };
  try {
    return JSON.parse(await res.text());
  } catch {
    return { errcode: -1, errmsg: 'not JSON' };
  }
}

/** A fetch that failed before its request went out: the code cannot have been spent. */
const neverSent = (error) => ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'].includes(error?.cause?.code);

async function exchange(code) {
  const url = `${API}/sns/oauth2/access_token?appid=${APP_ID}&secret=${APP_SECRET}&code=${encodeURIComponent(code)}&grant_type=authorization_code`;
  for (let attempt = 0; attempt < 2; attempt++) {
    let body;
    try {
      body = await getJson(url);
    } catch (error) {
      // Never after a timeout: WeChat spends the code on the first request even when its answer is late,
      // and the same code sent again only gets 40163 (wxauth probe's wechat.slow).
      if (neverSent(error)) continue;
      return { errcode: -1 };
    }
    if (body.errcode === -1) continue; // system busy: once more
    if (body.errcode) return { errcode: body.errcode };
    const user = { openid: body.openid, nickname: '' };
    if (body.scope === 'snsapi_userinfo') {
      const info = await getJson(`${API}/sns/userinfo?access_token=${body.access_token}&openid=${body.openid}&lang=zh_CN`).catch(() => ({}));
      if (!info.errcode) user.nickname = info.nickname ?? '';
    }
    return { user };
  }
  return { errcode: -1 };
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', PUBLIC_URL);
    const [sid, s] = session(req);
    const cookie = { 'set-cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Lax` };
    if (url.pathname === '/auth/wechat') {
      s.state = randomBytes(16).toString('hex');
      s.next = safeNext(url.searchParams.get('next'));
      const redirect = encodeURIComponent(`${PUBLIC_URL}/auth/callback`);
      // Parameter order matters to WeChat: appid, redirect_uri, response_type, scope, state.
      const to = `${OPEN}/connect/oauth2/authorize?appid=${APP_ID}&redirect_uri=${redirect}&response_type=code&scope=${SCOPE}&state=${s.state}#wechat_redirect`;
      res.writeHead(302, { location: to, ...cookie });
      return res.end();
    }
    if (url.pathname === '/auth/callback') {
      const code = url.searchParams.get('code');
      const state = url.searchParams.get('state');
      if (!code) return send(res, 200, '已取消登录', '<a href="/auth/wechat">重新登录</a>', cookie);
      let pending = exchanges.get(code);
      if (!pending) {
        // Refuse a state this session was never given BEFORE spending the code (login CSRF).
        if (!state || state !== s.state) return send(res, 403, '登录请求已失效', '<a href="/auth/wechat">重新登录</a>', cookie);
        pending = exchange(code);
        exchanges.set(code, pending);
        setTimeout(() => exchanges.delete(code), 5 * 60_000).unref();
      }
      const result = await pending;
      if (!result.user) return send(res, 200, '登录没有完成', `微信暂时无法完成登录，请<a href="/auth/wechat">重试</a>。`, cookie);
      // Signed in: a new session id, so one planted in this browser before the login is not the user's
      // session after it (session fixation). The old id is forgotten.
      sessions.delete(sid);
      const renewed = randomBytes(12).toString('hex');
      sessions.set(renewed, { next: s.next, user: result.user });
      res.writeHead(302, { location: s.next ?? '/me', 'set-cookie': `sid=${renewed}; Path=/; HttpOnly; SameSite=Lax` }); // away from the URL with the code
      return res.end();
    }
    if (url.pathname === '/me') {
      if (!s.user) {
        res.writeHead(302, { location: '/auth/wechat?next=/me' });
        return res.end();
      }
      return send(res, 200, '已登录', `openid ${esc(s.user.openid)} ${esc(s.user.nickname)}`, cookie);
    }
    return send(res, 200, '微信登录示例', '<a href="/auth/wechat?next=/me">用微信登录</a>', cookie);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) send(res, 500, '出错了', '请稍后再试。'); // no stack, no secrets in the page
  }
});

server.listen(PORT, () => console.log(`wechat-login-app on ${PUBLIC_URL} (API ${API}, appid ${APP_ID})`));

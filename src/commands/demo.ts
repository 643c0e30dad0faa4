// wxauth demo — the whole flow on an embedded default: the emulator in-process on a free port, the
// listener on another, a throwaway token cache in a temp dir, and a scripted browser that follows the
// consent page over HTTP. Every step shows the real request and response (secrets redacted unless
// --show-secrets). Nothing is written outside the temp dir, no real credentials are involved.
//
// The orchestration lives here, not in a library, because it is the one place allowed to combine the
// emulator, the listener and the HTTP client (STYLE: layers below commands never import each other).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.js';
import { InternalError, WechatApiError, isWxauthError } from '../errors.js';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../emulator/index.js';
import { startCallbackListener, type CallbackListener } from '../listener/index.js';
import { buildAuthorizeUrl } from '../core/authorize-url.js';
import { generateState } from '../core/state.js';
import { redactUrl, redactValue } from '../core/responses.js';
import { WechatApi } from '../http/api.js';
import { checkUserToken, exchangeCode, fetchUserinfo, refreshUserToken } from '../flows/user-token.js';
import { TokenStore } from '../store/token-cache.js';
import { DemoPresenter } from '../ui/present-demo.js';
import { tr } from '../ui/i18n.js';

const PROFILE = 'demo';
const SCOPE = 'snsapi_userinfo';
/** The demo needs no long duplicate window: nothing calls the callback twice here. */
const DUPLICATE_WINDOW_MS = 200;

interface Browser {
  get(url: string): Promise<{ status: number; location?: string; text: string }>;
  postForm(url: string, form: Record<string, string>): Promise<{ status: number; location?: string; text: string }>;
}

/** A scripted browser: plain HTTP with manual redirects and a cookie jar of one (the emulator's user). */
function scriptedBrowser(signal: AbortSignal): Browser {
  let cookie: string | undefined;
  const call = async (url: string, init: RequestInit) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal,
      headers: { 'user-agent': 'wxauth-demo (scripted browser)', ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return { status: res.status, location: res.headers.get('location') ?? undefined, text: await res.text() };
  };
  return {
    get: (url) => call(url, { method: 'GET' }),
    postForm: (url, form) =>
      call(url, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  };
}

function formField(html: string, name: string): string | undefined {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return m?.[1];
}

function textOf(html: string, id: string): string | undefined {
  const m = new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html);
  return m?.[1];
}

export async function run(ctx: Context): Promise<number | void> {
  const { out } = ctx;
  const started = ctx.now();
  const showSecrets = ctx.globals.showSecrets === true;
  const show = (url: string) => (showSecrets ? url : redactUrl(url));
  const present = new DemoPresenter(out);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-demo-'));
  let emulator: EmulatorHandle | undefined;
  let listener: CallbackListener | undefined;
  let stepId = 'setup';
  const { Agent } = await import('undici');
  // A direct connection: HTTP(S)_PROXY must not capture traffic to 127.0.0.1.
  const dispatcher = new Agent({ keepAliveTimeout: 1000 });

  try {
    emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    const app = emulator.apps.find((a) => a.appid === DEFAULT_APPIDS.test) ?? emulator.apps.find((a) => a.type === 'test')!;
    const state = generateState((n) => randomBytes(n));
    listener = await startCallbackListener({
      host: '127.0.0.1',
      port: 0,
      path: '/callback',
      expectedState: state,
      timeoutMs: 15_000,
      signal: ctx.signal,
      lang: out.lang,
      translate: (key, params) => out.t(key, params),
      duplicateWindowMs: DUPLICATE_WINDOW_MS,
    });
    const tokens = TokenStore.open(dir);
    const api = new WechatApi({
      apiBase: emulator.url,
      timeoutMs: 5000,
      showSecrets,
      signal: ctx.signal,
      dispatcher,
      retryDelaysMs: [],
      trace: (line) => present.trace(line),
    });
    const deps = { api, tokens, profile: PROFILE, now: () => ctx.now() };
    const browser = scriptedBrowser(ctx.signal);
    present.intro({ emulator: emulator.url, appid: app.appid, redirect: listener.url });

    // ① the authorize URL, built exactly as `wxauth url` builds it
    stepId = 'url';
    present.step('url');
    const authorize = buildAuthorizeUrl({ endpoint: 'authorize', openBase: emulator.url, appid: app.appid, redirectUri: listener.url, scope: SCOPE, state });
    present.line(authorize.url);

    // ② the consent page, as a browser would see and submit it
    stepId = 'consent';
    present.step('consent');
    present.trace(`→ GET ${authorize.url}`);
    const page = await browser.get(authorize.url);
    const ticket = formField(page.text, 'ticket');
    if (page.status !== 200 || !ticket) throw new Error(`the consent page did not come (HTTP ${page.status}): ${page.text.slice(0, 200)}`);
    present.trace(out.t('listen.demo.consent.page', { app: textOf(page.text, 'app-name') ?? app.name }));
    const replyUrl = `${emulator.url}/connect/oauth2/authorize_reply`;
    present.trace(out.t('listen.demo.consent.allow', { method: 'POST', url: replyUrl }));
    present.trace(`  ticket=${ticket}&user=${emulator.users[0]!.id}&action=allow`);
    const reply = await browser.postForm(replyUrl, { ticket, user: emulator.users[0]!.id, action: 'allow' });
    if (reply.status !== 302 || !reply.location) throw new Error(`the consent form did not redirect (HTTP ${reply.status})`);
    present.trace(out.t('listen.demo.redirect', { location: show(reply.location) }));

    // ③ the browser lands on the listener, which checks state and keeps the code
    stepId = 'callback';
    present.step('callback');
    present.trace(`→ GET ${show(reply.location)}`);
    const landing = await browser.get(reply.location);
    present.trace(`← ${landing.status} ${textOf(landing.text, 'title') ?? ''}`);
    const callback = await listener.result;
    const code = callback.code;
    present.ok('listen.demo.callback.ok', { code: showSecrets ? code : redactValue(code) }, { state_checked: callback.stateChecked, hits: callback.hits.length });

    // ④ code → access_token
    stepId = 'exchange';
    present.step('exchange');
    const exchanged = await exchangeCode({ ...deps, appid: app.appid, secret: app.secret, code });
    present.ok(
      'listen.demo.exchange.ok',
      { openid: exchanged.token.openid, expires: exchanged.token.expiresIn, scope: exchanged.token.scope },
      { openid: exchanged.token.openid, unionid: exchanged.token.unionid ?? null, scope: exchanged.token.scope, expires_in: exchanged.token.expiresIn },
    );

    // ⑤ /sns/auth
    stepId = 'check';
    present.step('check');
    await checkUserToken({ ...deps, appid: app.appid });
    present.ok('listen.demo.check.ok', {}, { valid: true });

    // ⑥ /sns/userinfo
    stepId = 'userinfo';
    present.step('userinfo');
    const info = await fetchUserinfo({ ...deps, appid: app.appid, autoRefresh: false });
    const none = out.t('listen.login.unionid.none');
    present.ok(
      'listen.demo.userinfo.ok',
      { nickname: info.userinfo.nickname, unionid: info.userinfo.unionid ?? none },
      { nickname: info.userinfo.nickname, unionid: info.userinfo.unionid ?? null },
    );

    // ⑦ /sns/oauth2/refresh_token
    stepId = 'refresh';
    present.step('refresh');
    const refreshed = await refreshUserToken({ ...deps, appid: app.appid });
    present.ok(`listen.demo.refresh.${refreshed.outcome}`, { expires: refreshed.token.expiresIn }, { outcome: refreshed.outcome, expires_in: refreshed.token.expiresIn });

    // ⑧ the same code again: WeChat (and the emulator) answer 40163
    stepId = 'reuse';
    present.step('reuse');
    try {
      await exchangeCode({ ...deps, appid: app.appid, secret: app.secret, code, save: false });
      throw new Error('the second exchange of one code succeeded');
    } catch (error) {
      if (!(error instanceof WechatApiError) || error.errcode !== 40163) throw error;
      present.expectedFailure('listen.demo.reuse.expected', {}, { errcode: error.errcode, errmsg: error.errmsg });
      const { explainErrcode } = await import('../core/errcodes.js');
      const { printExplanation } = await import('../ui/explain.js');
      printExplanation(out, explainErrcode(40163, { endpoint: error.endpoint }), { compact: true, to: 'stdout' });
    }

    const elapsed = ctx.now() - started;
    present.done({ seconds: (elapsed / 1000).toFixed(1) }, showSecrets);
    out.result({
      demo: {
        emulator: emulator.url,
        appid: app.appid,
        redirect_uri: listener.url,
        steps: present.steps,
        elapsed_ms: elapsed,
      },
    });
  } catch (error) {
    if (isWxauthError(error) && error.exitCode === 130) throw error;
    const detail = isWxauthError(error) ? tr(out.lang, error.messageRef) : error instanceof Error ? error.message : String(error);
    throw new InternalError({ key: 'listen.demo.failed', params: { step: stepId, detail } }, { hint: { key: 'listen.demo.failed.hint' }, cause: error });
  } finally {
    await listener?.close().catch(() => undefined);
    await emulator?.close().catch(() => undefined);
    await dispatcher.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

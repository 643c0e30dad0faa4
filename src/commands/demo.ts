// wxauth demo — the whole flow on an embedded default: the emulator in-process on a free port, the
// listener on another (flows/callback.ts), a throwaway token cache in a temp dir, and a scripted
// browser that follows the consent page over HTTP. Every step shows the real request and response
// (secrets redacted unless --show-secrets), through hooks made by ui/present/demo.ts. Nothing is
// written outside the temp dir, no real credentials are involved.
//
// The orchestration lives here, not in a flow, because this is the one place that starts the emulator
// on purpose; the URL, the listener and the token calls are the same flows url, login and exchange use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { CancelledError, InternalError, WechatApiError, isWxauthError, type MessageKey, type MessageRef } from '../errors.js';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../emulator/index.js';
import { generateState } from '../core/state.js';
import { redactUrl, redactValue } from '../core/secrets.js';
import type { ErrcodeExplanation } from '../core/errcodes.js';
import { WechatApi } from '../http/api.js';
import { planAuthorize, type AuthorizeHooks } from '../flows/authorize.js';
import { openCallback, type CallbackSession } from '../flows/callback.js';
import { checkUserToken, exchangeCode, fetchUserinfo, refreshUserToken } from '../flows/user-token.js';
import { TokenStore } from '../store/token-cache.js';
import { t, tKey, tr, type ParamArgs } from '../ui/i18n.js';
import { demoHooks, type DemoStepRecord } from '../ui/present/demo.js';
import { unionidNoneKey } from '../ui/present/exchange.js';

const PROFILE = 'demo';
const SCOPE = 'snsapi_userinfo';
/** The demo needs no long duplicate window: nothing calls the callback twice here. */
const DUPLICATE_WINDOW_MS = 200;

export type DemoStepId = 'url' | 'consent' | 'callback' | 'exchange' | 'check' | 'userinfo' | 'refresh' | 'reuse';

/** What the demo shows as it goes. Each step's lines are kept for the --json document (`steps`). */
export interface DemoHooks extends AuthorizeHooks {
  intro(setup: { emulator: string; appid: string; redirect: string }): void;
  step(id: DemoStepId): void;
  /** A line of the conversation (`→ request`, `← response`, or what the browser did). */
  trace(line: string | MessageRef): void;
  /** The step's subject, shown as it is (the authorize URL). */
  line(text: string): void;
  /** What the step established. */
  ok(summary: MessageRef, data?: Record<string, unknown>): void;
  /**
   * A failure the step set out to provoke, with WeChat's errcode explained; `known`, what wxauth knew for
   * certain about it (said before the errcode's general causes).
   */
  expectedFailure(summary: MessageRef, data: Record<string, unknown>, explanation: ErrcodeExplanation, known?: MessageRef): void;
  /** The steps so far, as shown. */
  readonly steps: DemoStepRecord[];
}

export interface DemoResult {
  emulator: string;
  appid: string;
  redirectUri: string;
  steps: DemoStepRecord[];
  elapsedMs: number;
  showSecrets: boolean;
}

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

/** A step's message, checked like t(): the key exists and gets exactly its parameters. */
function ref<K extends MessageKey>(key: K, ...params: ParamArgs<K>): MessageRef {
  return { key, params: params[0] } as MessageRef;
}

export function parseOptions(_input: CommandInput): Record<string, never> {
  return {};
}

export async function run(_options: Record<string, never>, ctx: Context): Promise<DemoResult> {
  const started = ctx.now();
  const showSecrets = ctx.globals.showSecrets === true;
  const show = (url: string) => (showSecrets ? url : redactUrl(url));
  const hooks = demoHooks(ctx.out);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-demo-'));
  let emulator: EmulatorHandle | undefined;
  let listener: CallbackSession | undefined;
  let stepId = 'setup';
  const step = (id: DemoStepId) => {
    stepId = id;
    hooks.step(id);
  };
  const { Agent } = await import('undici');
  // A direct connection: HTTP(S)_PROXY must not capture traffic to 127.0.0.1.
  const dispatcher = new Agent({ keepAliveTimeout: 1000 });

  try {
    emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    const app = emulator.apps.find((a) => a.appid === DEFAULT_APPIDS.test) ?? emulator.apps.find((a) => a.type === 'test')!;
    const state = generateState((n) => randomBytes(n));
    listener = await openCallback({
      plan: { host: '127.0.0.1', port: 0, path: '/callback', timeoutMs: 15_000, allowedHosts: [] },
      expectedState: state,
      signal: ctx.signal,
      lang: ctx.lang,
      translate: (key, params, lang) => tKey(lang, key, params),
      now: () => ctx.now(),
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
      trace: (line) => hooks.trace(line),
    });
    const deps = { api, tokens, profile: PROFILE, now: () => ctx.now() };
    const browser = scriptedBrowser(ctx.signal);
    hooks.intro({ emulator: emulator.url, appid: app.appid, redirect: listener.url });

    // ① the authorize URL, built and linted exactly as `wxauth url` does it
    step('url');
    const authorize = planAuthorize(
      {
        config: { profile: PROFILE, appid: app.appid, type: 'test', openBase: emulator.url },
        endpoint: 'authorize',
        scope: SCOPE,
        redirectUri: listener.url,
        state,
        forceFlag: false,
      },
      { hooks },
    );
    hooks.line(authorize.url);

    // ② the consent page, as a browser would see and submit it
    step('consent');
    // What goes on the wire: a browser never sends the #wechat_redirect fragment.
    hooks.trace(`→ GET ${authorize.url.split('#')[0]}`);
    const page = await browser.get(authorize.url);
    const ticket = formField(page.text, 'ticket');
    if (page.status !== 200 || !ticket) throw new Error(`the consent page did not come (HTTP ${page.status}): ${page.text.slice(0, 200)}`);
    hooks.trace(ref('listen.demo.consent.page', { app: textOf(page.text, 'app-name') ?? app.name }));
    const replyUrl = `${emulator.url}/connect/oauth2/authorize_reply`;
    hooks.trace(ref('listen.demo.consent.allow', { method: 'POST', url: replyUrl }));
    hooks.trace(`  ticket=${ticket}&user=${emulator.users[0]!.id}&action=allow`);
    const reply = await browser.postForm(replyUrl, { ticket, user: emulator.users[0]!.id, action: 'allow' });
    if (reply.status !== 302 || !reply.location) throw new Error(`the consent form did not redirect (HTTP ${reply.status})`);
    hooks.trace(ref('listen.demo.redirect', { location: show(reply.location) }));

    // ③ the browser lands on the listener, which checks state and keeps the code
    step('callback');
    hooks.trace(`→ GET ${show(reply.location)}`);
    const landing = await browser.get(reply.location);
    hooks.trace(`← ${landing.status} ${textOf(landing.text, 'title') ?? ''}`);
    const callback = await listener.wait();
    const code = callback.code;
    hooks.ok(ref('listen.demo.callback.ok', { code: showSecrets ? code : redactValue(code) }), { state_checked: callback.stateChecked, hits: callback.hits.length });

    // ④ code → access_token
    step('exchange');
    const exchanged = await exchangeCode({ ...deps, appid: app.appid, secret: app.secret, code });
    hooks.ok(
      ref('listen.demo.exchange.ok', { openid: exchanged.token.openid, expires: exchanged.token.expiresIn, scope: exchanged.token.scope }),
      { openid: exchanged.token.openid, unionid: exchanged.token.unionid ?? null, scope: exchanged.token.scope, expires_in: exchanged.token.expiresIn },
    );

    // ⑤ /sns/auth
    step('check');
    await checkUserToken({ ...deps, appid: app.appid });
    hooks.ok(ref('listen.demo.check.ok'), { valid: true });

    // ⑥ /sns/userinfo
    step('userinfo');
    const info = await fetchUserinfo({ ...deps, appid: app.appid, autoRefresh: false });
    hooks.ok(
      ref('listen.demo.userinfo.ok', { nickname: info.userinfo.nickname, unionid: info.userinfo.unionid ?? t(ctx.lang, unionidNoneKey(exchanged.noUnionid)) }),
      { nickname: info.userinfo.nickname, unionid: info.userinfo.unionid ?? null },
    );

    // ⑦ /sns/oauth2/refresh_token
    step('refresh');
    const refreshed = await refreshUserToken({ ...deps, appid: app.appid });
    hooks.ok(ref(`listen.demo.refresh.${refreshed.outcome}`, { expires: refreshed.token.expiresIn }), { outcome: refreshed.outcome, expires_in: refreshed.token.expiresIn });

    // ⑧ the same code again: WeChat (and the emulator) answer 40163
    step('reuse');
    try {
      await exchangeCode({ ...deps, appid: app.appid, secret: app.secret, code, save: false });
      throw new Error('the second exchange of one code succeeded');
    } catch (error) {
      if (!(error instanceof WechatApiError) || error.errcode !== 40163) throw error;
      const { explainErrcode } = await import('../core/errcodes.js');
      // wxauth recognises the code it exchanged in step ④ (its cache keeps a digest of each code it
      // exchanged): the demo says so, then what 40163 means when a real login meets it.
      const recognised = error.diagnosis?.kind === 'code_exchanged_by_wxauth';
      const known: MessageRef | undefined = recognised ? { key: 'listen.demo.reuse.known' } : undefined;
      const data = { errcode: error.errcode, errmsg: error.errmsg, recognised_by_wxauth: recognised };
      hooks.expectedFailure(ref('listen.demo.reuse.expected'), data, explainErrcode(40163, { endpoint: error.endpoint }), known);
    }

    return { emulator: emulator.url, appid: app.appid, redirectUri: listener.url, steps: hooks.steps, elapsedMs: ctx.now() - started, showSecrets };
  } catch (error) {
    // Ctrl-C: one line saying nothing of the user's was touched (the demo's emulator, listener and token
    // cache are its own, removed below). The scripted browser's fetch ends with an AbortError, not ours,
    // which was reported as an internal error (exit 70).
    if (ctx.signal.aborted) throw new CancelledError({ hint: { key: 'listen.demo.stopped' }, cause: error });
    if (isWxauthError(error) && error.exitCode === 130) throw error;
    const detail = isWxauthError(error) ? tr(ctx.lang, error.messageRef) : error instanceof Error ? error.message : String(error);
    throw new InternalError({ key: 'listen.demo.failed', params: { step: stepId, detail } }, { hint: { key: 'listen.demo.failed.hint' }, cause: error });
  } finally {
    await listener?.close().catch(() => undefined);
    await emulator?.close().catch(() => undefined);
    await dispatcher.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

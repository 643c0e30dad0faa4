// wxauth listen [--port N] [--host H] [--path P] [--timeout S] [--state S] [--exchange]
//               [--relay-snippet] [--paste]
// Catch the code on this machine: a one-shot HTTP listener on the callback path (src/listener), the
// state checked against --state or the one `wxauth url` remembered. stdout gets the code and state;
// the listening address, countdown and every hit go to stderr.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { CallbackHit, CallbackResult, ListenPlan } from '../listener/index.js';
import type { ExchangeResult } from '../flows/user-token.js';
import type { ResolvedConfig } from '../store/resolve.js';
import { planListener } from '../listener/plan.js';

interface ListenOptions {
  plan: ListenPlan;
  state?: string;
  exchange: boolean;
  mode: 'listen' | 'relay' | 'paste';
}

function toOptions(opts: Record<string, unknown>, redirectUris: Array<string | undefined>): ListenOptions {
  const relay = opts.relaySnippet === true;
  const paste = opts.paste === true;
  if (relay && paste) {
    throw new UsageError({ key: 'listen.modes.exclusive' }, { hint: { key: 'listen.modes.exclusive.hint' } });
  }
  return {
    plan: planListener({ port: opts.port, host: opts.host, path: opts.path, timeout: opts.timeout }, redirectUris),
    state: typeof opts.state === 'string' ? opts.state : undefined,
    exchange: opts.exchange === true,
    mode: relay ? 'relay' : paste ? 'paste' : 'listen',
  };
}

export async function run(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const { out } = ctx;
  const config = await ctx.resolveConfig();
  const tokens = await ctx.tokenStore();
  const remembered = tokens.getState(config.profile);
  const options = toOptions(opts, [remembered?.redirectUri, config.redirectUri]);

  if (options.mode === 'relay') return printRelaySnippet(ctx, options.plan, config);

  const expected = options.state ?? remembered?.value;
  const { formatDuration } = await import('../ui/format.js');
  if (options.state !== undefined) {
    out.note(out.t('listen.state.expected', { state: options.state, source: out.t('listen.state.source.flag') }));
  } else if (remembered) {
    const ago = formatDuration(ctx.now() - remembered.issuedAt, out.lang);
    out.note(out.t('listen.state.expected', { state: remembered.value, source: out.t('listen.state.source.remembered', { ago }) }));
  } else {
    out.warn(out.t('listen.state.unchecked'));
  }
  // Fail before listening, not after the code has arrived, when --exchange cannot work.
  const creds = options.exchange ? await ctx.requireConfig(['appid', 'secret']) : undefined;
  let exchanged: Promise<ExchangeResult> | undefined;
  const startExchange = (hit: CallbackHit): void => {
    if (!creds || exchanged) return;
    exchanged = (async () => {
      const { exchangeCode } = await import('../flows/user-token.js');
      return exchangeCode({
        api: await ctx.api(creds),
        tokens,
        profile: config.profile,
        now: () => ctx.now(),
        appid: creds.appid!,
        secret: creds.secret!,
        code: hit.code!,
      });
    })();
    exchanged.catch(() => undefined);
  };

  const result = options.mode === 'paste' ? await readPasted(ctx, expected) : await listen(ctx, options.plan, expected, startExchange);
  if (options.mode === 'paste') startExchange(result.hits[0]!);
  await present(ctx, result, exchanged, config.profile);
}

/** Bind, show where, count down, log each hit; resolves with the callback or throws CallbackError. */
async function listen(ctx: Context, plan: ListenPlan, expected: string | undefined, onCode: (hit: CallbackHit) => void): Promise<CallbackResult> {
  const { out } = ctx;
  const { startCallbackListener } = await import('../listener/index.js');
  const { Countdown, presentHit } = await import('../ui/present-listen.js');
  if (plan.notLocal && plan.source === 'default') out.note(out.t('listen.redirect.notLocal', { uri: plan.notLocal }));
  let countdown: InstanceType<typeof Countdown> | undefined;
  const listener = await startCallbackListener({
    host: plan.host,
    port: plan.port,
    path: plan.path,
    expectedState: expected,
    timeoutMs: plan.timeoutMs,
    signal: ctx.signal,
    lang: out.lang,
    translate: (key, params) => out.t(key, params),
    allowedHosts: plan.allowedHosts,
    onHit: (hit) => presentHit(out, hit, countdown),
    // Each code is exchanged once, at once, while the listener still watches for a duplicate call.
    onCode,
  });
  out.say(out.t('listen.listening', { url: out.style.bold(listener.url) }));
  out.result({ listening: { url: listener.url, host: listener.host, port: listener.port, path: listener.path, lan_urls: listener.lanUrls } });
  if (listener.lanUrls.length > 0) {
    for (const url of listener.lanUrls) out.say(out.t('listen.lan', { url: out.style.bold(url) }));
    out.note(out.t('listen.lan.domain', { host: new URL(listener.lanUrls[0]!).hostname, port: listener.port }));
  } else if (plan.host === '0.0.0.0' || plan.host === '::') {
    out.warn(out.t('listen.lan.none'));
  }
  out.say(out.t('listen.waiting', { seconds: Math.round(plan.timeoutMs / 1000) }));
  countdown = new Countdown(out, ctx.now() + plan.timeoutMs, () => ctx.now());
  countdown.start();
  try {
    return await listener.result;
  } finally {
    countdown.stop();
  }
}

/** --paste: prompt for the callback URL on a terminal, else read it from piped stdin. */
async function readPasted(ctx: Context, expected: string | undefined): Promise<CallbackResult> {
  const { out } = ctx;
  const { evaluatePastedCallback } = await import('../listener/paste.js');
  let text: string;
  if (ctx.interactive) {
    const prompts = await ctx.prompts();
    text = await prompts.input({ message: out.t('listen.paste.prompt'), validate: (v) => (v.trim() === '' ? out.t('listen.paste.empty') : true) });
  } else {
    out.note(out.t('listen.paste.stdin'));
    text = await readStdin(ctx.stdin, 64 * 1024);
  }
  if (text.trim() === '') throw new UsageError({ key: 'listen.paste.empty' }, { hint: { key: 'listen.paste.noCode.hint' } });
  return evaluatePastedCallback(text.trim().split(/\r?\n/)[0] ?? '', expected, ctx.now());
}

function readStdin(stdin: Context['stdin'], limit: number): Promise<string> {
  return new Promise((resolve) => {
    if (stdin.isTTY) return resolve('');
    let text = '';
    stdin.setEncoding('utf8');
    stdin.on('data', (d: string | Buffer) => {
      text += d.toString();
      if (text.length > limit) (stdin as NodeJS.ReadableStream & { destroy?(): void }).destroy?.();
    });
    stdin.on('end', () => resolve(text.slice(0, limit)));
    stdin.on('close', () => resolve(text.slice(0, limit)));
    stdin.on('error', () => resolve(text.slice(0, limit)));
  });
}

async function present(ctx: Context, result: CallbackResult, exchanged: Promise<ExchangeResult> | undefined, profile: string): Promise<void> {
  const { out } = ctx;
  const { presentAftermath, hitsForJson } = await import('../ui/present-listen.js');
  const callback = {
    code: result.code,
    state: result.state ?? null,
    state_checked: result.stateChecked,
    hits: hitsForJson(result.hits, ctx.globals.showSecrets === true),
    duplicates: result.duplicates.length,
    ignored: result.ignored,
  };
  out.result({ callback });
  out.fields([
    ['code', result.code],
    ['state', result.state ?? ''],
  ]);
  presentAftermath(out, result);
  if (!exchanged) {
    out.note(out.t('listen.next.exchange'));
    return;
  }
  out.say(out.t('listen.exchange.start'));
  const exchange = await exchanged;
  const { presentExchange } = await import('../ui/present-tokens.js');
  const { profileFlag } = await import('../core/next-step.js');
  presentExchange(out, exchange, { now: ctx.now(), profile, profileFlag: profileFlag(profile) });
}

/** --relay-snippet: the page for the real callback domain, on stdout; how to use it, on stderr. */
async function printRelaySnippet(ctx: Context, plan: ListenPlan, config: ResolvedConfig): Promise<void> {
  const { out } = ctx;
  const { buildRelaySnippet } = await import('../listener/relay.js');
  const { lanAddresses } = await import('../listener/addresses.js');
  let domain = config.domain;
  if (!domain && config.redirectUri) {
    try {
      domain = new URL(config.redirectUri).host;
    } catch {
      domain = undefined;
    }
  }
  if (!domain) throw new UsageError({ key: 'listen.relay.needsDomain' }, { hint: { key: 'listen.relay.needsDomain.hint' } });
  const port = plan.port === 0 ? 8080 : plan.port;
  const portPart = port === 80 ? '' : `:${port}`;
  const targets = [`http://127.0.0.1${portPart}${plan.path}`, ...lanAddresses().map((a) => `http://${a}${portPart}${plan.path}`)];
  const html = buildRelaySnippet({
    targets,
    lang: out.lang,
    texts: { title: out.t('listen.relay.page.title'), blocked: out.t('listen.relay.page.blocked'), noCode: out.t('listen.relay.page.noCode') },
  });
  const example = `https://${domain}/wxauth-relay.html`;
  out.result({ domain, targets, redirect_uri: example, html });
  out.say(out.t('listen.relay.intro', { domain, example }));
  out.say(out.t('listen.relay.target', { targets: targets.map((t, i) => `${t} (?to=${i})`).join(', ') }));
  out.data(html.trimEnd());
  out.note(out.t('listen.relay.then', { port, path: plan.path }));
}

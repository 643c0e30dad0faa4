// wxauth listen [--port N] [--host H] [--path P] [--timeout S] [--state S] [--exchange]
//               [--relay-snippet [--relay-ttl M]] [--paste]
// Catch the code on this machine: a one-shot HTTP listener on the callback path (flows/callback.ts),
// the state checked against --state or the one `wxauth url` remembered. stdout gets the code and state;
// the listening address, countdown and every hit go to stderr (ui/present/listen.ts, through hooks).
import type { Context } from '../context.js';
import { isWechatOpenBase } from '../core/endpoints.js';
import type { CommandInput } from '../cli.js';
import { CallbackError, CancelledError, UsageError, type MessageRef } from '../errors.js';
import { planListener, RELAY_TTL_MAX_MINUTES, RELAY_TTL_MINUTES, type CallbackHit, type CallbackResult, type ListenFlags, type ListenPlan } from '../listener/index.js';
import { catchCallback, type CallbackHooks } from '../flows/callback.js';
import type { ExchangeResult } from '../flows/user-token.js';
import type { ResolvedConfig } from '../store/resolve.js';
import { usedOf, type StateEntry, type StateUser } from '../store/state.js';
import { t, tKey, tr } from '../ui/i18n.js';
import { joinText } from '../ui/format.js';
import { listenHooks } from '../ui/present/listen.js';
import type { ExchangeCommandResult } from '../ui/present/exchange.js';
import type { RememberedLink, StateOnlyLink } from '../core/callback-url.js';

export interface ListenOptions {
  flags: ListenFlags;
  state?: string;
  exchange: boolean;
  mode: 'listen' | 'relay' | 'paste';
  /** --relay-ttl: how many minutes the relay page forwards. */
  relayTtlMinutes?: number;
}

/** The state the callback is checked against, and where it came from. */
export type ExpectedState =
  | { state: string; source: 'flag' }
  /** `used`: the state's callback was taken already (by login, listen or exchange): a callback carrying it is refused. */
  | { state: string; source: 'remembered'; issuedAt: number; now: number; used?: { at?: number; by?: StateUser; profileFlag: string } };

/** What `listen` tells its presenter while it runs, besides the listener's own hooks. */
export interface ListenHooks extends CallbackHooks {
  /** Before anything else: which state will be checked (undefined: none, so none is). */
  onExpectedState(expected: ExpectedState | undefined): void;
  /**
   * The configured redirect_uri is not one the listener can receive, so the defaults were used instead
   * of its port and path: public, or (`http` given) on this machine but https, with the http URL to use.
   */
  onNotLocal(uri: string, http?: string): void;
  /** No redirect_uri at all (the profile's, the last link's) and no --port/--path: listening on the defaults, at `url`. */
  onNoRedirect(url: string, profile: string): void;
  /** --port/--path differ from the local redirect_uri the callback will go to. */
  onMismatch(mismatch: NonNullable<ListenPlan['mismatch']>, listening: { port: number; path: string }): void;
  /** The redirect_uri names a LAN address this machine does not have. */
  onElsewhere(elsewhere: NonNullable<ListenPlan['elsewhere']>): void;
  /** --paste without a terminal: the callback URL is read from stdin. */
  onReadingStdin(): void;
  /**
   * --paste on a terminal: the question (`again`: after a paste that was not a callback, said by
   * `refused`, its message and hint); `empty`: Enter with nothing pasted; `more`: the lines read so far
   * hold a code without its state (an address cut where it wrapped?), so the rest is waited for.
   */
  onPastePrompt(again: boolean): void;
  onPasteRefused(message: MessageRef, hint: MessageRef | undefined): void;
  onPasteEmpty(): void;
  onPasteMore(lines: number): void;
  /** The paste held an address cut short (a code, no state) and, on a line of its own, another: the later one was judged alone. */
  onPasteNewAddress(): void;
  /** The code is here (shown at once, while an --exchange may still be running). */
  /** `codeMinutes`: how long WeChat keeps the code (5 for an official account's authorize, 10 for a website app's QR login). */
  /**
   * `newerLink`: its state was that of a link `wxauth url` made after listen started (taken as the newest);
   * `'first'` when listen started with no state remembered at all.
   */
  /**
   * `exchanging`: an --exchange runs; `announced`: its start was already said (onExchangeStart), as the code
   * arrived, so only a paste's exchange is said here.
   */
  onCallback(callback: CallbackResult, how: { showSecrets: boolean; exchanging: boolean; announced: boolean; codeMinutes: 5 | 10; profileFlag: string; newerLink: false | 'newer' | 'first' }): void;
  /**
   * --exchange: the exchange of a caught code starts now, while the listener still watches for a duplicate
   * callback. Said here, before the exchange's own lines (-v trace, a retry notice): said after the window,
   * with the code, it came below them.
   */
  onExchangeStart(): void;
}

export interface RelaySnippet {
  mode: 'relay';
  domain: string;
  targets: string[];
  /** Where the page would live on the callback domain: the redirect_uri to use. */
  redirectUri: string;
  html: string;
  /** When the page stops forwarding (ms since the epoch), and when it was made. */
  expiresAt: number;
  now: number;
  /** The address `listen` must bind for the targets (not loopback: the LAN targets are in the page). */
  host: string;
  /** Whether the targets include this machine's LAN addresses (the listener binds beyond loopback). */
  lan: boolean;
  /**
   * The listener is to bind one address beyond loopback (`--host 192.168.1.5`): 127.0.0.1 cannot reach
   * it, so that address is the page's only target.
   */
  onlyHost: boolean;
  /** An official account's link opens only in WeChat (on this computer: desktop WeChat); a website app's in any browser. */
  inWechat: boolean;
  port: number;
  path: string;
}

export type ListenResult = RelaySnippet | { mode: 'callback'; exchange?: ExchangeCommandResult; exitCode?: number };

export function parseOptions({ opts }: CommandInput): ListenOptions {
  const relay = opts.relaySnippet === true;
  const paste = opts.paste === true;
  if (relay && paste) {
    throw new UsageError({ key: 'listen.modes.exclusive' }, { hint: { key: 'listen.modes.exclusive.hint' } });
  }
  if (opts.relayTtl !== undefined && !relay) {
    throw new UsageError({ key: 'listen.relayTtl.alone' }, { hint: { key: 'listen.relayTtl.alone.hint' } });
  }
  const flags: ListenFlags = { port: opts.port, host: opts.host, path: opts.path, timeout: opts.timeout };
  // Bad --port/--host/--path/--timeout fail here, before anything is read or bound.
  planListener(flags, []);
  const relayTtlMinutes = parseRelayTtl(opts.relayTtl);
  return {
    flags,
    state: typeof opts.state === 'string' ? opts.state : undefined,
    exchange: opts.exchange === true,
    mode: relay ? 'relay' : paste ? 'paste' : 'listen',
    ...(relayTtlMinutes !== undefined ? { relayTtlMinutes } : {}),
  };
}

/** --relay-ttl <minutes>: a whole number from 1 to a day. */
function parseRelayTtl(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > RELAY_TTL_MAX_MINUTES) {
    throw new UsageError({ key: 'listen.relayTtl.invalid', params: { value: text, max: RELAY_TTL_MAX_MINUTES } }, { hint: { key: 'listen.relayTtl.invalid.hint', params: { ttl: RELAY_TTL_MINUTES } } });
  }
  return n;
}

/** A host as a URL writes it: an IPv6 address in brackets. */
const urlHost = (h: string): string => (h.includes(':') ? `[${h}]` : h);

export async function run(options: ListenOptions, ctx: Context): Promise<ListenResult> {
  // First: with --json, stderr is JSON Lines from here on (the remembered state's problems included).
  const hooks = listenHooks(ctx.out);
  const config = await ctx.resolveConfig();
  const remembered = await ctx.rememberedState(config.profile, config.appid);
  // Port and path from the redirect_uri `wxauth url` last used, else the profile's (when local).
  const plan = planListener(options.flags, [remembered?.redirectUri, config.redirectUri]);

  if (options.mode === 'relay') return relaySnippet(ctx, plan, options.flags.port !== undefined, config, options.relayTtlMinutes);

  const expected = options.state ?? remembered?.value;
  // The remembered state's code was exchanged already (login, listen --exchange, exchange): single use, so its callback is refused.
  const used = options.state === undefined && remembered !== undefined ? usedOf(remembered) : undefined;
  const spentState = used ? remembered?.value : undefined;
  const endpoint = remembered?.endpoint ?? (config.type === 'website' ? 'qrconnect' : 'authorize');
  // What a state-only callback with the expected state means, the same for a live listener and a paste:
  // the remembered link's scope and endpoint, never with --state (whose link wxauth does not know: only
  // the account type's endpoint then).
  const { linkOfState } = await import('../core/callback-url.js');
  const expectedLink = linkOfState(expected, options.state === undefined ? remembered : undefined, config.type);
  const { profileFlag } = await import('../core/validate.js');
  const p = profileFlag(config.profile);
  hooks.onExpectedState(
    options.state !== undefined
      ? { state: options.state, source: 'flag' }
      : remembered
        ? { state: remembered.value, source: 'remembered', issuedAt: remembered.issuedAt, now: ctx.now(), ...(used ? { used: { ...used, profileFlag: p } } : {}) }
        : undefined,
  );
  // Fail before listening, not after the code has arrived, when --exchange cannot work.
  const creds = options.exchange ? await ctx.requireConfig(['appid', 'secret']) : undefined;
  // Likewise a cache that could not take the tokens: the code would be spent and its tokens lost.
  // (Without --exchange the token cache is never opened.)
  const tokens = creds ? await ctx.tokenStore() : undefined;
  if (tokens) {
    const { checkTokensSavable } = await import('../flows/user-token.js');
    checkTokensSavable(tokens, config.profile);
  }
  let exchanged: Promise<ExchangeResult> | undefined;
  let announced = false;
  const startExchange = (hit: CallbackHit): void => {
    if (!creds || !tokens || exchanged) return;
    // A caught code: said at once, before anything the exchange prints (a paste's is said with its callback).
    if (options.mode === 'listen') {
      hooks.onExchangeStart();
      announced = true;
    }
    exchanged = (async () => {
      const { exchangeCode } = await import('../flows/user-token.js');
      const { envCredentials } = await import('../core/next-step.js');
      const { codeLifetimeMs } = await import('../core/token.js');
      return exchangeCode({
        api: await ctx.api(creds),
        tokens,
        profile: config.profile,
        redirectUri: config.redirectUri,
        now: () => ctx.now(),
        appid: creds.appid!,
        secret: creds.secret!,
        code: hit.code!,
        fromEnv: envCredentials(creds.sources),
        // A caught callback's code is as old as the callback; a pasted one's age is unknown.
        ...(options.mode === 'listen' ? { caught: { at: ctx.now(), lifetimeMs: codeLifetimeMs(config.type) } } : {}),
        // Single use, once its code is spent: the remembered state whose callback this was (caught, or
        // pasted; the flow marks it only while the file holds it for this appid, unused), so an old tab of
        // its link reopened, or the address pasted again, is refused. Not with --state (that state is not
        // the remembered one's); never without --exchange (the code is still to be exchanged).
        ...(options.state === undefined && hit.state !== undefined ? { usesState: { store: await ctx.stateFiles(), otherAccount: config.otherAccount !== undefined, value: hit.state, by: 'listen' as const } } : {}),
      });
    })();
    // Awaited below; until then a failure must not count as unhandled.
    exchanged.catch(() => undefined);
  };

  // The state remembered when a callback (or a paste) arrives: a `wxauth url` run in another terminal
  // since listen started made the newest link, whose callback is not a forgery. Never in place of --state.
  const later = options.state === undefined ? await laterStateReader(ctx, config.profile, config.otherAccount !== undefined, config.appid) : undefined;
  const laterState = later;
  // At the timeout: a newer link's redirect_uri, which may point where this listener is not.
  const laterRedirect = later
    ? () => {
        const entry = later();
        return entry !== undefined && entry.value !== expected ? entry.redirectUri : undefined;
      }
    : undefined;
  let callback: CallbackResult;
  if (options.mode === 'paste') {
    callback = await readPasted(ctx, expected, hooks, p, laterState, spentState, expectedLink, config.type, (options.state === undefined ? remembered?.redirectUri : undefined) ?? config.redirectUri);
    startExchange(callback.hits[0]!);
  } else {
    // On the defaults: a redirect_uri there was is not local (notLocal), or there was none at all.
    if (plan.source === 'default') {
      if (plan.notLocal) hooks.onNotLocal(plan.notLocal, plan.notLocalHttps?.http);
      else hooks.onNoRedirect(`http://${urlHost(plan.host)}:${plan.port}${plan.path}`, config.profile);
    }
    if (plan.mismatch) hooks.onMismatch(plan.mismatch, { port: plan.port, path: plan.path });
    if (plan.elsewhere) hooks.onElsewhere(plan.elsewhere);
    callback = await catchCallback(
      {
        // Ctrl-C: what it left. A code whose exchange (--exchange) had started is said by the exchange itself, below.
        stoppedHint: (codeArrived) =>
          codeArrived && exchanged === undefined
            ? { key: 'listen.stopped.codeArrived', params: { p, minutes: endpoint === 'qrconnect' ? 10 : 5 } }
            : { key: 'listen.stopped.listen', params: { p } },
        plan,
        expectedState: expected,
        ...(spentState !== undefined ? { spentState } : {}),
        ...(expectedLink.scope !== undefined ? { expectedScope: expectedLink.scope } : {}),
        ...(expectedLink.endpoint !== undefined ? { expectedEndpoint: expectedLink.endpoint } : {}),
        ...(laterState ? { laterState } : {}),
        ...(laterRedirect ? { laterRedirect } : {}),
        signal: ctx.signal,
        lang: ctx.lang,
        translate: (key, params, lang) => tKey(lang, key, params),
        now: () => ctx.now(),
        // Each code is exchanged once, at once, while the listener still watches for a duplicate call.
        onCode: startExchange,
        // For the timeout's advice, as login decides it: 公众号 authorize on WeChat itself ends in phone
        // WeChat; a website app's QR login, and anything on an emulator, in a browser on this machine.
        finishesOn: isWechatOpenBase(config.openBase) && endpoint === 'authorize' ? 'phone' : 'browser',
        // The profile's public redirect_uri, whose callbacks never come here (said at start too).
        ...(plan.notLocal && !plan.notLocalHttps ? { callbackElsewhere: plan.notLocal } : {}),
        profileFlag: p,
      },
      hooks,
    ).catch(async (error: unknown) => {
      // Ctrl-C after the exchange started (within the duplicate window): it, not the wait, says what happened
      // (its own cancel says the code may be spent), or that it was done.
      if (!(error instanceof CancelledError) || exchanged === undefined) throw error;
      await exchanged;
      throw new CancelledError({ hint: { key: 'listen.stopped.exchanged', params: { p } }, cause: error });
    });
  }
  // API-FACTS §1.6: an official account's code lives 5 minutes, a website app's 10.
  const newerLink = options.state === undefined && callback.stateChecked && callback.state !== expected;
  hooks.onCallback(callback, { showSecrets: ctx.globals.showSecrets === true, exchanging: exchanged !== undefined, announced, codeMinutes: endpoint === 'qrconnect' ? 10 : 5, profileFlag: p, newerLink: newerLink && (expected === undefined ? 'first' : 'newer') });
  if (!exchanged) return { mode: 'callback' };
  const exchange = await exchanged;
  const exitCode = exchange.saveError?.exitCode;
  // The exchange's state, as `exchange` reports it: the one the listener took (a newer link's included).
  const { compareState } = await import('../core/token.js');
  const against = newerLink ? callback.state : expected;
  const state = { received: callback.state, expected: against, verdict: compareState(callback.state, against), source: options.state !== undefined ? ('flag' as const) : ('remembered' as const) };
  return {
    mode: 'callback',
    exchange: { exchange, state, now: ctx.now(), profile: config.profile, profileFlag: p, raw: false, ...(exitCode ? { exitCode } : {}) },
    ...(exitCode ? { exitCode } : {}),
  };
}

/** The state remembered for the profile now (its own appid's), read again from its file when asked (at most every 250 ms). */
async function laterStateReader(ctx: Context, profile: string, otherAccount: boolean, appid: string | undefined): Promise<() => StateEntry | undefined> {
  const files = await ctx.stateFiles();
  const { stateForApp } = await import('../store/state.js');
  // Read at most every 250 ms: a flood of forged callbacks (a page of cross-site <img>s) must not become
  // a file read each; a link made since is minutes older than its callback.
  let readAt = -Infinity;
  let entry: StateEntry | undefined;
  return () => {
    const now = performance.now();
    if (now - readAt >= 250) {
      readAt = now;
      entry = stateForApp(files.get(profile, otherAccount, appid).entry, appid);
    }
    return entry;
  };
}

/** evaluatePastedCallback's refusals of a paste that is no callback at all (neither code nor state, or no address). */
const NO_CALLBACK: ReadonlySet<string> = new Set(['listen.paste.noCode', 'listen.paste.notCallback']);

/** A text's first non-blank line (a terminal may bring a newline along). */
const firstLine = (text: string): string => text.trim().split(/\r?\n/)[0] ?? '';

/** --paste: read the callback URL from the terminal, else from piped stdin. */
/** `expectedRedirect`: where the expected state's link sends its callback (the remembered link's redirect_uri, else the profile's). */
async function readPasted(ctx: Context, expected: string | undefined, hooks: ListenHooks, p: string, laterState: (() => RememberedLink | undefined) | undefined, spentState: string | undefined, expectedLink: StateOnlyLink, accountType: string | undefined, expectedRedirect: string | undefined): Promise<CallbackResult> {
  const { evaluatePastedCallback } = await import('../listener/paste.js');
  const { linkOfState, pastedAddresses, startsAddress } = await import('../core/callback-url.js');
  const judgeWith = (latest: RememberedLink | undefined) => (line: string): CallbackResult => {
    // None remembered at start: a link's made since is the only state there is to check (with its scope).
    if (expected === undefined && latest !== undefined) return evaluatePastedCallback(line, latest.value, ctx.now(), p, spentState, linkOfState(latest.value, latest, accountType), latest.redirectUri ?? expectedRedirect);
    // A state remembered since listen started (the link just used) is taken too; any other failure is
    // said against the state read at start.
    if (latest !== undefined && latest.value !== expected) {
      try {
        return evaluatePastedCallback(line, latest.value, ctx.now(), p, spentState, linkOfState(latest.value, latest, accountType), latest.redirectUri ?? expectedRedirect);
      } catch {
        // Not that link's callback: judged below.
      }
    }
    return evaluatePastedCallback(line, expected, ctx.now(), p, spentState, expectedLink, expectedRedirect);
  };
  // Text of several lines: a first line that is a whole callback (code and an accepted state) is the
  // paste, as before (a log's lines, one callback each; a curl line and its options). Otherwise the
  // text is read whole, so a callback address wrapped over two lines when copied is joined (as exchange
  // joins it), where its first line alone was half a code, or a state cut short that read as forged.
  const pickOne = (judge: (line: string) => CallbackResult, text: string): CallbackResult => {
    const first = firstLine(text);
    if (first === text.trim()) return judge(first);
    try {
      const result = judge(first);
      if (result.state !== undefined) return result;
    } catch {
      // Judged whole below.
    }
    return judge(text);
  };
  // Several addresses (a line starting with scheme:// is a new one, core/callback-url.ts pastedAddresses, as exchange reads one): one before
  // another that has a code but no state was cut at `&` when copied, and the next is read on its own,
  // not as its rest (joined, "code=…https://…" was taken as a code, or the second's state blamed);
  // `onNewAddress` says so, once, for the paste finally judged. One with its state is the paste, as a
  // log's first line is. A last address that is no callback at all (neither code nor state: a page's
  // own URL pasted under it) is not the paste: the first cut callback is, judged as it is alone (its
  // missing state said, or its code taken when no state is expected), not "neither a code nor a state".
  const pick = (judge: (line: string) => CallbackResult, text: string, onNewAddress?: () => void): CallbackResult => {
    const pieces = pastedAddresses(text);
    if (pieces.length === 1) return pickOne(judge, pieces[0]!);
    let cutCallback: (() => CallbackResult) | undefined;
    for (const piece of pieces.slice(0, -1)) {
      try {
        const result = pickOne(judge, piece);
        if (result.state !== undefined) return result;
        if (cutCallback === undefined && startsAddress(piece)) cutCallback = () => result;
      } catch (error) {
        if (!(error instanceof CallbackError && error.messageRef.key === 'listen.stateMissing')) throw error;
        cutCallback ??= () => {
          throw error;
        };
      }
    }
    let last: CallbackResult;
    try {
      last = pickOne(judge, pieces[pieces.length - 1]!);
    } catch (error) {
      if (cutCallback !== undefined && error instanceof UsageError && NO_CALLBACK.has(error.messageRef.key)) return cutCallback();
      onNewAddress?.();
      throw error;
    }
    onNewAddress?.();
    return last;
  };
  let text: string;
  if (ctx.interactive) {
    const { readPasteFromTerminal } = await import('../flows/stdin.js');
    text = await readPasteFromTerminal(ctx.stdin, ctx.signal, hooks, (so) => {
      try {
        const result = pick(judgeWith(laterState?.()), so);
        // A code without a state in an address may be one cut where it wrapped: the rest may follow. A
        // code pasted alone (no address, no parameters) is whole.
        return result.state !== undefined || !/[?&#=/]/.test(so.trim()) ? { kind: 'done' } : { kind: 'more' };
      } catch (error) {
        // A refusal (denied) or another state is the callback's verdict; a state missing may still come.
        if (error instanceof CallbackError) return error.failure !== 'state_mismatch' || /(?:^|[?&#])state=/m.test(so) ? { kind: 'done' } : { kind: 'more' };
        if (error instanceof UsageError) return { kind: 'refused', error };
        throw error;
      }
    });
  } else {
    hooks.onReadingStdin();
    const { readStdin } = await import('../flows/stdin.js');
    text = await readStdin(ctx.stdin, 64 * 1024);
  }
  if (text.trim() === '') throw new UsageError({ key: 'listen.paste.empty' }, { hint: { key: 'listen.paste.noCode.hint' } });
  return pick(judgeWith(laterState?.()), text, () => hooks.onPasteNewAddress());
}

/** The host of a callback domain (host[:port]), unbracketed and lower-cased; undefined when it is not one. */
function hostOfDomain(domain: string): string | undefined {
  try {
    return new URL(`http://${domain}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** --relay-snippet: the page for the real callback domain, which forwards code and state to this machine. */
async function relaySnippet(ctx: Context, plan: ListenPlan, portFlag: boolean, config: ResolvedConfig, ttlMinutes: number | undefined): Promise<RelaySnippet> {
  const { buildRelaySnippet, relayExpiresAt } = await import('../listener/relay.js');
  const { lanAddresses, isLoopbackHost, isWildcardHost } = await import('../listener/addresses.js');
  let domain = config.domain;
  if (!domain && config.redirectUri) {
    try {
      domain = new URL(config.redirectUri).host;
    } catch {
      domain = undefined;
    }
  }
  if (!domain) throw new UsageError({ key: 'listen.relay.needsDomain' }, { hint: { key: 'listen.relay.needsDomain.hint' } });
  // A callback domain on this machine (a test account's 127.0.0.1:8080, localhost, a LAN address of
  // this machine): WeChat sends the browser straight here, and the page could not be served where the
  // listener is to bind anyway. No page: what to run instead.
  // (The host read with URL, not core/domain.ts: a lazy import of it here would make it a chunk of its
  // own, one file more at every url's and inspect's start; issue 19.)
  const domainHost = hostOfDomain(domain);
  if (domainHost !== undefined && (isLoopbackHost(domainHost) || domainHost.endsWith('.localhost') || lanAddresses().includes(domainHost))) {
    const { profileFlag } = await import('../core/validate.js');
    const p = profileFlag(config.profile);
    if (plan.redirectUri !== undefined)
      throw new UsageError({ key: 'listen.relay.local', params: { domain, address: plan.redirectUri } }, { hint: { key: 'listen.relay.local.hint', params: { command: `wxauth listen${p}`, address: plan.redirectUri } } });
    // As login makes one under a domain (core/domain.ts callbackUnderDomain): http, the domain's port or 80.
    const address = `http://${domain.toLowerCase()}/callback`;
    throw new UsageError({ key: 'listen.relay.local.noRedirect', params: { domain } }, { hint: { key: 'listen.relay.local.noRedirect.hint', params: { address, set: `wxauth config set redirectUri ${address}${p}`, command: `wxauth listen${p}` } } });
  }
  // The page is written before anything listens, so "any free port" cannot be known: use the default.
  // A port taken from a redirect_uri without one (80) would need root to listen on: the relay makes
  // the port free to choose, so suggest the default unless --port asked for it.
  const path = plan.path;
  const port = plan.port === 0 || (plan.port < 1024 && !portFlag) ? 8080 : plan.port;
  const portPart = port === 80 ? '' : `:${port}`;
  // Every target is a place anyone's code can be sent to while the page is up (WeChat checks only the
  // domain): a LAN address is written in only when the listener is to listen beyond loopback, so a
  // page for a browser on this machine sends nothing across a shared network.
  // A listener bound to one LAN address is not reached at 127.0.0.1: that address is the only target.
  const lan = !isLoopbackHost(plan.host);
  const onlyHost = lan && !isWildcardHost(plan.host);
  const lanHosts = !lan ? [] : onlyHost ? [plan.host] : lanAddresses();
  const targets = [...(onlyHost ? [] : [`http://127.0.0.1${portPart}${path}`]), ...lanHosts.map((a) => `http://${urlHost(a)}${portPart}${path}`)];
  const now = ctx.now();
  const ttl = (lang: 'zh' | 'en') => tKey(lang, 'listen.relay.page.expired');
  const html = buildRelaySnippet({
    targets,
    lang: ctx.lang,
    now,
    ...(ttlMinutes !== undefined ? { ttlMinutes } : {}),
    texts: {
      title: t(ctx.lang, 'listen.relay.page.title'),
      blocked: t(ctx.lang, 'listen.relay.page.blocked'),
      noCode: t(ctx.lang, 'listen.relay.page.noCode'),
      // Whoever meets an expired page may read either language: both, the page's first.
      expired: ctx.lang === 'zh' ? `${ttl('zh')} ${ttl('en')}` : `${ttl('en')} ${ttl('zh')}`,
    },
  });
  // The page is served as the redirect_uri is (a test account's http://IP:port); https unless it says otherwise.
  const scheme = config.redirectUri?.startsWith('http://') ? 'http' : 'https';
  return { mode: 'relay', domain, targets, redirectUri: `${scheme}://${domain}/wxauth-relay.html`, html, expiresAt: relayExpiresAt(now, ttlMinutes), now, host: plan.host, lan, onlyHost, inWechat: config.type !== 'website', port, path };
}

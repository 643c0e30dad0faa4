// wxauth exchange <code | callback-url>: GET /sns/oauth2/access_token, then save to the token cache.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { CallbackError, UsageError, type MessageRef } from '../errors.js';
import { compareState, labelBeforeCode, readExchangeInput, type ExchangeInput } from '../core/token.js';
import { envCredentials } from '../core/next-step.js';
import { profileFlag } from '../core/validate.js';
import { CODE_MAX_LENGTH, authorizeUrlRefusal, cleanPastedCode, describeStateOnly, linkOfState, otherCallbackAddress, pastedAddresses, stateOnlyVerdict, type PasteCleanup } from '../core/callback-url.js';
import { redactValue } from '../core/secrets.js';
import { checkTokensSavable, exchangeCode, issuesWechatShapes, withTokenShapeNote } from '../flows/user-token.js';
import type { TokenStore } from '../store/token-cache.js';
import { announceCleanedInput, announceCodes, announceNewAddress, announceStateCheck, stateUseSaid, type ExchangeCommandResult, type StateReport } from '../ui/present/exchange.js';

export interface ExchangeOptions {
  /** The argument as given (quoted back, shortened, when it holds no usable code). */
  input: string;
  /** The text read (the address picked, cleaned): read again, as a code, when a token's shape is sent (a mock's API base). */
  text: string;
  parsed: ExchangeInput;
  /** What was stripped from the input before reading it (quotes, whitespace inside a code). */
  cleaned: PasteCleanup[];
  save: boolean;
  /** --state: the state the callback must carry (else the one `wxauth url` remembered). */
  state?: string;
  /**
   * The input held addresses cut at `&` (a code, no state) and then another address on a line of its
   * own: the one read (its `scheme://host/path`, never its code) and how many cut ones were left unsent.
   */
  newAddress?: { used: string; cut: number };
  /** `-`: the code or callback URL is read from stdin (`pbpaste | wxauth exchange -`), as inspect's and errcode's `-`. */
  fromStdin?: boolean;
}

/** The most of stdin read (characters): far above any callback WeChat sends, and above the argv limit. */
const STDIN_LIMIT = 1024 * 1024;

/**
 * The address in the argument, read as `listen --paste` reads a paste (core/callback-url.ts
 * pastedAddresses: a line that starts with scheme:// is a new address, not the rest of the one above).
 * An address cut at `&` (a code, no state) followed by another used to be glued to it ("code=…https://…"):
 * refused as no code, or the second's state blamed. The first whole callback (code and state) is read; cut
 * ones before it are passed over, and the last is read when no earlier one is whole. Anything else before
 * the last (words, a line that is no callback) leaves the input to be read whole, as before.
 */
function pickAddress(input: string): { text: string; removed: PasteCleanup[]; parsed: ExchangeInput; newAddress?: { used: string; cut: number } } {
  const whole = () => {
    const { text, removed } = cleanPastedCode(input);
    return { text, removed, parsed: readExchangeInput(text) };
  };
  const pieces = pastedAddresses(input);
  if (pieces.length < 2) return whole();
  let cut = 0;
  for (const [i, piece] of pieces.entries()) {
    const { text, removed } = cleanPastedCode(piece);
    const parsed = readExchangeInput(text);
    const last = i === pieces.length - 1;
    if (!last && !(parsed.ok && parsed.form === 'url')) return whole();
    if (!last && parsed.ok && parsed.form === 'url' && parsed.state === undefined) {
      cut++;
      continue;
    }
    if (cut === 0) return { text, removed, parsed };
    const base = 'callback' in parsed ? (parsed.callback?.base ?? '') : '';
    return { text, removed, parsed, newAddress: { used: base === '' ? text.split(/[?#]/)[0]! : base, cut } };
  }
  return whole();
}

/** The argument read: what is sent, what was cleaned off it, which address of several was read. */
function readInput(input: string): Pick<ExchangeOptions, 'input' | 'text' | 'parsed' | 'cleaned' | 'newAddress'> {
  // A code pasted with its quotes or split by a space went to WeChat as it was: 40029, and the advice to
  // authorise again for a code that was fine (issue 12 item 3).
  const { text, parsed, removed, newAddress } = pickAddress(input);
  return { input, text, parsed, cleaned: removed, ...(newAddress ? { newAddress } : {}) };
}

export function parseOptions({ args, opts }: CommandInput): ExchangeOptions {
  const flags = { save: opts.save !== false, ...(typeof opts.state === 'string' ? { state: opts.state } : {}) };
  // `-` went to WeChat as the code: 40029 and "authorise again", for a code that was never sent. It
  // means stdin here as everywhere else (inspect -, errcode -, --secret -); read in run().
  if (args[0] === '-') return { input: '', text: '', parsed: { ok: false, reason: 'empty' }, cleaned: [], fromStdin: true, ...flags };
  return { ...readInput(args[0] ?? ''), ...flags };
}

/**
 * `exchange -`: the code or callback URL piped on stdin, read whole (an address that wrapped when copied
 * spans lines, read as a paste is). A terminal is refused as `--secret -` refuses it: nothing was piped,
 * and waiting there would look like a hang. Nothing piped, or more than any callback, is refused too.
 */
async function readFromStdin(ctx: Context): Promise<Pick<ExchangeOptions, 'input' | 'text' | 'parsed' | 'cleaned' | 'newAddress'>> {
  const hint = { key: 'tokens.exchange.stdin.hint' } as const;
  if (ctx.stdin.isTTY) throw new UsageError({ key: 'tokens.exchange.stdin.tty' }, { hint });
  const { readStdin } = await import('../flows/stdin.js');
  // One character past the limit read tells a cut-off input from one that just fits.
  const read = await readStdin(ctx.stdin, STDIN_LIMIT + 1);
  if (read.trim() === '') throw new UsageError({ key: 'tokens.exchange.stdin.empty' }, { hint });
  if (read.length > STDIN_LIMIT) throw new UsageError({ key: 'tokens.exchange.stdin.too_long', params: { mib: STDIN_LIMIT / 1024 / 1024 } }, { hint });
  return readInput(read.trim());
}

export async function run(options: ExchangeOptions, ctx: Context): Promise<ExchangeCommandResult> {
  if (options.fromStdin === true) options = { ...options, ...(await readFromStdin(ctx)) };
  const { input, save } = options;
  let parsed = options.parsed;
  const explicitState = options.state;
  // The input is judged after the config resolves: the refusal's hint names the profile.
  const config = await ctx.resolveConfig();
  const p = profileFlag(config.profile);
  // Said first, whatever follows: which address was read, and that the cut one's code was not sent.
  if (options.newAddress) announceNewAddress(ctx, options.newAddress);
  // A token's shape is refused as a code where the codes are WeChat's (its API, the emulator); a mock's or
  // a gateway's codes may have that shape, so there it is sent (with a note if the answer is an error).
  const tokenShaped = !parsed.ok && parsed.reason === 'token' && !(await issuesWechatShapes(config.apiBase, ctx.signal));
  if (tokenShaped) parsed = readExchangeInput(options.text, { tokenShapeIsCode: true });
  if (!parsed.ok) {
    // Quoted back masked: the input may carry the AppSecret (pasted where the code goes, with a word
    // before it) or a code or token, which are secrets too; each is a run of 32 or more of these
    // characters, or part of one (a code split by a space or a template's braces: 16 and 16), and the
    // refusal says what is wrong without them.
    const cut = input.length > 200 ? input.slice(0, 200) + '…' : input;
    const shown = cut.replace(/[0-9A-Za-z_-]{12,}/g, (run) => redactValue(run));
    if (parsed.reason === 'denied') {
      // State and no code: a refusal, or a URL the shell cut at `&` — in the words `listen --paste` uses.
      // Who could have refused is the link's (core/callback-url.ts): the remembered one's when the state is its own.
      const remembered = explicitState === undefined && parsed.callback?.state !== undefined ? await ctx.rememberedState(config.profile, config.appid) : undefined;
      const verdict = stateOnlyVerdict(linkOfState(parsed.callback?.state, remembered, config.type));
      const { message, hint } = describeStateOnly(parsed.callback ?? { params: [], state: undefined }, p, verdict);
      throw new CallbackError('denied', message, { hint });
    }
    if (parsed.reason === 'authorize_url') {
      const refusal = authorizeUrlRefusal(parsed.callback!, p);
      throw new UsageError(refusal.message, { hint: refusal.hint });
    }
    if (parsed.reason === 'token') {
      throw new UsageError({ key: 'tokens.exchange.input.token', params: { input: shown } }, { hint: { key: 'tokens.exchange.input.token.hint', params: { p } } });
    }
    if (parsed.reason === 'code_too_long') {
      // Not quoted: no part of it would help, and it may hold a secret. A callback given (in quotes, as
      // asked) whose code= is that long is said as such: "pass the callback URL in quotes" is what was done.
      if (parsed.callback !== undefined)
        throw new UsageError({ key: 'tokens.exchange.input.callback_code_too_long', params: { max: CODE_MAX_LENGTH } }, { hint: { key: 'tokens.exchange.input.callback_code_too_long.hint' } });
      throw new UsageError({ key: 'tokens.exchange.input.code_too_long', params: { max: CODE_MAX_LENGTH } }, { hint: { key: 'tokens.exchange.input.code_too_long.hint' } });
    }
    const hint = { key: `tokens.exchange.input.${parsed.reason}.hint` } as const;
    if (parsed.reason === 'empty') throw new UsageError({ key: 'tokens.exchange.input.empty' }, { hint });
    // Not a code, but one part of it has a code's shape (`code：041c…`): named by its label, to pass alone.
    const label = parsed.reason === 'not_code' ? labelBeforeCode(input, config.secret) : undefined;
    if (label !== undefined) {
      throw new UsageError({ key: 'tokens.exchange.input.not_code', params: { input: shown } }, { hint: { key: 'tokens.exchange.input.not_code.part.hint', params: { before: label, p } } });
    }
    throw new UsageError({ key: `tokens.exchange.input.${parsed.reason}`, params: { input: shown } }, { hint });
  }
  // --state checks what a callback URL brought back; a bare code brought nothing to check. A mistake in
  // the arguments: said before the profile or the cache is needed.
  if (explicitState !== undefined && parsed.form === 'code') {
    throw new UsageError({ key: 'tokens.exchange.state.bareCode' }, { hint: { key: 'tokens.exchange.state.bareCode.hint', params: { p } } });
  }
  const required = await ctx.requireConfig(['appid', 'secret']);
  // requireConfig throws when either is missing.
  const appid = required.appid as string;
  const secret = required.secret as string;
  // The AppSecret pasted where the code goes (both are 32 characters): WeChat would answer 40029, read
  // as an expired code. Said without sending it, and without echoing it.
  if (parsed.code === secret) throw new UsageError({ key: 'tokens.exchange.code.isSecret' }, { hint: { key: 'tokens.exchange.code.isSecret.hint', params: { p } } });

  // Open the cache before spending the code: a cache that does not parse stops us here (exit 4) with
  // the code still unused. With --no-save the cache is only consulted for the remembered state.
  let tokens: TokenStore | undefined;
  if (save) tokens = await ctx.tokenStore();
  else tokens = await ctx.tokenStore().catch(() => undefined);

  let state: StateReport | undefined;
  if (parsed.form === 'url') {
    const received = parsed.state;
    // A state remembered for another appid is not this app's (rememberedState leaves it out).
    const rememberedForApp = explicitState === undefined ? await ctx.rememberedState(required.profile, appid) : undefined;
    const expected = explicitState ?? rememberedForApp?.value;
    state = {
      received,
      expected,
      verdict: compareState(received, expected),
      source: explicitState !== undefined ? 'flag' : 'remembered',
      issuedAt: rememberedForApp?.issuedAt,
      codeOnly: parsed.callback.params.length === 1,
    };
    // A state is single use: the remembered one already used (login, listen or exchange took its callback)
    // is an old tab reopened or a replay, whose code is most likely spent (40163). Refused as listen refuses
    // it, with the code unsent; the code passed alone is still exchanged for a user who wants to try.
    const used = state.verdict === 'match' && rememberedForApp !== undefined ? (await import('../store/state.js')).usedOf(rememberedForApp) : undefined;
    if (used) {
      // What the file records of the use, each case in its own words (the presenter's stateUseSaid), never guessed.
      const said: MessageRef = { key: 'tokens.exchange.state.used', params: { state: received ?? '', use: stateUseSaid(used) } };
      throw new CallbackError(
        'state_mismatch',
        said,
        { hint: { key: 'tokens.exchange.state.used.hint', params: { p } } },
      );
    }
    // Another app's (or page's) callback: where it came back to is said first, then its state, and its code
    // is not sent (a warning and the exchange, as for an old tab of this login, would spend it for nothing).
    const elsewhere = state.verdict === 'mismatch' ? otherCallbackAddress(parsed.callback.base, (explicitState === undefined ? rememberedForApp?.redirectUri : undefined) ?? required.redirectUri) : undefined;
    if (elsewhere) {
      throw new CallbackError(
        'state_mismatch',
        { key: 'tokens.exchange.otherCallback', params: { ...elsewhere, state: received ?? '', expectedState: expected ?? '' } },
        { hint: { key: 'tokens.exchange.otherCallback.hint', params: { p, got: elsewhere.got } } },
      );
    }
    if (explicitState !== undefined && state.verdict !== 'match') {
      throw new CallbackError(
        'state_mismatch',
        { key: 'tokens.exchange.state.mismatchExplicit', params: { received: received ?? '', expected: explicitState } },
        { hint: { key: 'tokens.exchange.state.mismatchExplicit.hint' } },
      );
    }
    // Said before the code is sent: once sent it is spent, whatever WeChat answers.
    announceStateCheck(ctx, state);
    if (parsed.callback.codes.length > 1) announceCodes(ctx, parsed.callback.codes.length);
  }

  // Last thing before the code is spent: can its tokens be saved? (exit 4 with the code unused if not)
  if (save && tokens) checkTokensSavable(tokens, required.profile);
  announceCleanedInput(ctx, options.cleaned);

  const api = await ctx.api(required);
  // Single use: the remembered state whose callback this was is marked used once its code is spent (the
  // flow does it), so the same address pasted again, or its old tab under listen, is refused. Not with
  // --state, as listen.
  const usesState =
    state?.source === 'remembered' && state.verdict === 'match' && state.received !== undefined
      ? { store: await ctx.stateFiles(), otherAccount: required.otherAccount !== undefined, value: state.received, by: 'exchange' as const }
      : undefined;
  const code = parsed.code;
  const exchange = await exchangeCode({ api, tokens, profile: required.profile, redirectUri: required.redirectUri, appid, secret, code, now: () => ctx.now(), save, fromEnv: envCredentials(required.sources), ...(usesState ? { usesState } : {}) }).catch(
    (error: unknown) => {
      throw tokenShaped ? withTokenShapeNote(error, code, api, required.profile) : error;
    },
  );
  return {
    exchange,
    state,
    now: ctx.now(),
    profile: required.profile,
    profileFlag: p,
    raw: ctx.globals.raw === true,
    ...(exchange.saveError ? { exitCode: exchange.saveError.exitCode } : {}),
  };
}

// wxauth exchange <code | callback-url>: GET /sns/oauth2/access_token, then save to the token cache.
import type { Context } from '../context.js';
import { CallbackError, UsageError, WechatApiError } from '../errors.js';
import { compareState, readExchangeInput } from '../core/token.js';
import { profileFlag } from '../core/next-step.js';
import { exchangeCode } from '../flows/user-token.js';
import { presentExchange, presentStateCheck, type StateReport } from '../ui/present-tokens.js';
import type { TokenStore } from '../store/token-cache.js';

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const input = args[0] ?? '';
  const save = opts.save !== false;
  const explicitState = typeof opts.state === 'string' ? opts.state : undefined;

  const parsed = readExchangeInput(input);
  const config = await ctx.resolveConfig();
  const p = profileFlag(config.profile);
  if (!parsed.ok) {
    const shown = input.length > 200 ? input.slice(0, 200) + '…' : input;
    if (parsed.reason === 'denied') {
      throw new CallbackError('denied', { key: 'tokens.exchange.input.denied' }, { hint: { key: 'tokens.exchange.input.denied.hint', params: { p } } });
    }
    throw new UsageError(
      { key: `tokens.exchange.input.${parsed.reason}`, params: { input: shown } },
      { hint: { key: `tokens.exchange.input.${parsed.reason}.hint` } },
    );
  }
  const required = await ctx.requireConfig(['appid', 'secret']);
  // requireConfig throws when either is missing.
  const appid = required.appid as string;
  const secret = required.secret as string;

  // Open the cache before spending the code: a cache that does not parse stops us here (exit 4) with
  // the code still unused. With --no-save the cache is only consulted for the remembered state.
  let tokens: TokenStore | undefined;
  if (save) tokens = await ctx.tokenStore();
  else tokens = await ctx.tokenStore().catch(() => undefined);

  let state: StateReport | undefined;
  if (parsed.form === 'url' || explicitState !== undefined) {
    const received = parsed.form === 'url' ? parsed.state : undefined;
    const remembered = explicitState === undefined ? tokens?.getState(required.profile) : undefined;
    const rememberedForApp = remembered && (!remembered.appid || remembered.appid === appid) ? remembered : undefined;
    const expected = explicitState ?? rememberedForApp?.value;
    state = {
      received,
      expected,
      verdict: compareState(received, expected),
      source: explicitState !== undefined ? 'flag' : 'remembered',
      issuedAt: rememberedForApp?.issuedAt,
    };
    if (explicitState !== undefined && state.verdict !== 'match') {
      throw new CallbackError(
        'state_mismatch',
        { key: 'tokens.exchange.state.mismatchExplicit', params: { received: received ?? '', expected: explicitState } },
        { hint: { key: 'tokens.exchange.state.mismatchExplicit.hint' } },
      );
    }
    presentStateCheck(ctx.out, state, ctx.now());
  }

  const api = await ctx.api(required);
  try {
    const result = await exchangeCode({
      api,
      tokens,
      profile: required.profile,
      appid,
      secret,
      code: parsed.code,
      now: () => ctx.now(),
      save,
    });
    presentExchange(ctx.out, result, { now: ctx.now(), profile: required.profile, profileFlag: p, raw: ctx.globals.raw === true }, state);
  } catch (error) {
    if (error instanceof WechatApiError && ctx.globals.raw) ctx.out.raw(error.raw);
    throw error;
  }
}

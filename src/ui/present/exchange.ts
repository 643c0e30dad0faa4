// wxauth exchange (and listen --exchange): the tokens on stdout, what to do next on stderr, one --json
// document, or WeChat's body as it came with --raw.
import type { Context } from '../../context.js';
import type { NoUnionidReason, StateVerdict } from '../../core/token.js';
import type { MessageRef } from '../../errors.js';
import type { ExchangeResult } from '../../flows/user-token.js';
import type { StateUse } from '../../store/state.js';
import type { Output } from '../output.js';
import { formatDeadline, formatRelative, isoTime } from '../format.js';
import { iso, presentSaveFailure, saveErrorDocument, type UserTokenScene } from './tokens-common.js';

/**
 * A summary's unionid cell when there is none, worded by why (core/token.ts noUnionidReason): "not bound
 * to an Open Platform account" only when that is the reason, never for a snsapi_base grant or a snapshot user.
 */
export function unionidNoneKey(
  reason: NoUnionidReason | undefined,
): 'listen.login.unionid.none' | 'listen.login.unionid.none.base_scope' | 'listen.login.unionid.none.snapshot' | 'listen.login.unionid.none.unexpected_scope' {
  return reason === 'base_scope' || reason === 'snapshot' || reason === 'unexpected_scope' ? `listen.login.unionid.none.${reason}` : 'listen.login.unionid.none';
}

/**
 * What a used state's file records of its use (store/state.ts usedOf), as the clause the sentences saying
 * it share (exchange's refusal, listen's warning at start, inspect's callback.state_used): each case in
 * its own words, the time shown when known, what is not recorded said so (never a placeholder read as a
 * command's name). Picked here, by the presenters: the command and the store carry only when and by what.
 */
export function stateUseSaid(use: StateUse): MessageRef {
  if (use.at !== undefined && use.by !== undefined) return { key: 'tokens.state.use.both', params: { by: use.by, at: { localTime: use.at } } };
  if (use.at !== undefined) return { key: 'tokens.state.use.timeOnly', params: { at: { localTime: use.at } } };
  if (use.by !== undefined) return { key: 'tokens.state.use.commandOnly', params: { by: use.by } };
  return { key: 'tokens.state.use.neither' };
}

export interface StateReport {
  received?: string;
  expected?: string;
  verdict: StateVerdict;
  /** Where `expected` came from: the state `wxauth url` remembered, or --state. */
  source: 'remembered' | 'flag';
  issuedAt?: number;
  /**
   * The callback's only parameter is its code: with no state arriving, the likeliest reason is a shell
   * that cut the unquoted URL at its first `&` (`…?code=…&state=…` reaches wxauth as `…?code=…`).
   */
  codeOnly?: boolean;
}

export interface ExchangeCommandResult extends UserTokenScene {
  exchange: ExchangeResult;
  /** How the callback's state compared (already said by announceStateCheck); undefined for a bare code. */
  state?: StateReport;
  /** 4 when the tokens could not be saved after WeChat answered (they are printed all the same). */
  exitCode?: number;
}

/** What the input lost before it was sent (quotes, whitespace), said before the code is spent. */
export function announceCleanedInput(ctx: Pick<Context, 'out'>, removed: readonly string[]): void {
  const { out } = ctx;
  if (removed.includes('quotes') || removed.includes('whitespace')) {
    out.note(out.t(removed.includes('quotes') ? (removed.includes('whitespace') ? 'tokens.exchange.input.cleaned.both' : 'tokens.exchange.input.cleaned.quotes') : 'tokens.exchange.input.cleaned.whitespace'));
  }
  if (removed.includes('linebreak')) out.note(out.t('tokens.exchange.input.cleaned.linebreak'));
  if (removed.includes('surrounding')) out.note(out.t('tokens.exchange.input.cleaned.surrounding'));
  if (removed.includes('amp')) out.note(out.t('tokens.exchange.input.cleaned.amp'));
  if (removed.includes('fullwidth')) out.note(out.t('tokens.exchange.input.cleaned.fullwidth'));
}

/** Addresses cut at `&` and another after them: which one is read, and that the cut ones' codes were not sent. */
export function announceNewAddress(ctx: Pick<Context, 'out'>, found: { used: string; cut: number }): void {
  const key = found.cut > 1 ? 'tokens.exchange.input.newAddress.many' : 'tokens.exchange.input.newAddress';
  ctx.out.warning(key, ctx.out.t(key, { used: found.used, count: found.cut }));
}

/** A callback with several codes: which one is spent, and why the others are there. */
export function announceCodes(ctx: Pick<Context, 'out'>, count: number): void {
  ctx.out.warn(ctx.out.t('tokens.exchange.input.codes', { count }));
}

/** Talk about the state before the exchange (the code is spent either way once sent). */
export function announceStateCheck(ctx: Pick<Context, 'out' | 'now'>, state: StateReport): void {
  const { out } = ctx;
  if (state.verdict === 'mismatch') {
    const ago = state.issuedAt === undefined ? '-' : formatRelative(state.issuedAt - ctx.now(), out.lang);
    out.warning('tokens.exchange.state.mismatch', out.t('tokens.exchange.state.mismatch', { received: state.received, expected: state.expected, ago }));
  } else if (state.verdict === 'not_received' && state.source === 'remembered') {
    const key = state.codeOnly ? 'tokens.exchange.state.notReceived.cut' : 'tokens.exchange.state.notReceived';
    out.warning(key, out.t(key, { expected: state.expected }));
  } else if (state.verdict === 'match') {
    out.note(out.t('tokens.exchange.state.match'));
  }
}

function stateDocument(state: StateReport | undefined): Record<string, unknown> | null {
  if (!state) return null;
  return { received: state.received ?? null, expected: state.expected ?? null, verdict: state.verdict, source: state.source };
}

export function present(result: ExchangeCommandResult, out: Output): void {
  const { exchange: r, now } = result;
  out.result({
    profile: result.profile,
    appid: r.entry.appid,
    openid: r.token.openid,
    unionid: r.token.unionid ?? null,
    scope: r.token.scope,
    access_token: r.token.accessToken,
    refresh_token: r.token.refreshToken ?? null,
    expires_in: r.token.expiresIn,
    expires_at: isoTime(r.entry.accessTokenExpiresAt),
    refresh_token_expires_at: iso(r.entry.refreshTokenExpiresAt),
    is_snapshotuser: r.token.isSnapshotUser,
    no_unionid_reason: r.noUnionid ?? null,
    replaced_userinfo_token: r.replacedUserinfo !== undefined,
    saved: r.saved,
    state: stateDocument(result.state),
    ...(r.saveError ? { error: saveErrorDocument(out, r.saveError) } : {}),
  });
  if (result.raw) out.raw(r.response.raw);
  const none = out.t('tokens.value.none');
  out.fields([
    ['openid', r.token.openid],
    ['unionid', r.token.unionid ?? none],
    ['scope', r.token.scope],
    ['access_token', r.token.accessToken],
    ['refresh_token', r.token.refreshToken ?? none],
    [out.t('tokens.label.expires'), formatDeadline(r.entry.accessTokenExpiresAt, now, out.lang)],
    [
      out.t('tokens.label.refreshExpires'),
      r.entry.refreshTokenExpiresAt === undefined ? undefined : formatDeadline(r.entry.refreshTokenExpiresAt, now, out.lang),
    ],
    ['is_snapshotuser', r.token.isSnapshotUser ? '1' : undefined],
  ]);
  // The tokens are on stdout by now: a failed save is said after them, never instead of them.
  if (r.saveError) {
    presentSaveFailure(out, r.saveError);
    return;
  }
  out.success(out.t(r.saved ? 'tokens.exchange.done' : 'tokens.exchange.doneNotSaved', { profile: result.profile }));
  if (r.noUnionid) out.note(out.t(`tokens.unionid.${r.noUnionid}`));
  if (r.replacedUserinfo) {
    out.warning('tokens.exchange.replacedUserinfo', out.t('tokens.exchange.replacedUserinfo', { left: formatDeadline(r.replacedUserinfo.accessTokenExpiresAt, now, out.lang), p: result.profileFlag }));
  }
  if (r.token.isSnapshotUser) out.warning('tokens.snapshot.explain', out.t('tokens.snapshot.explain'));
  // A snapshot user's token answers userinfo with 48001 (said just above): only check is worth suggesting.
  // A scope none of WeChat's is said as such (escaped by the output), never guessed as snsapi_base.
  if (r.token.isSnapshotUser) out.note(out.t('tokens.exchange.nextSnapshot', { p: result.profileFlag }));
  else if (r.grant === 'unexpected') out.note(out.t('tokens.exchange.nextUnexpectedScope', { p: result.profileFlag, scope: r.token.scope }));
  else out.note(out.t(r.grant === 'base' ? 'tokens.exchange.nextBase' : 'tokens.exchange.next', { p: result.profileFlag }));
}

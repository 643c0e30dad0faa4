// `wxauth listen --paste`: the callback URL copied from the browser's address bar instead of a socket
// (for a callback domain that is a real public domain this machine cannot serve). The verdict is the
// listener's own (core/callback-decision.ts decideCallbackHit), so a pasted callback and one caught on
// the port can never be judged differently; only the ending differs, as there is nothing more to wait
// for: a refused state or a refusal ends the paste at once.
import { CallbackError, UsageError } from '../errors.js';
import { CODE_MAX_LENGTH, authorizeUrlRefusal, cleanPastedCode, codeTooLong, describeStateOnly, isAuthorizeUrl, otherCallbackAddress, parseCallbackUrl, type StateOnlyLink } from '../core/callback-url.js';
import { NOTHING_SEEN, decideCallbackHit, describeStateMismatch } from '../core/callback-decision.js';
import { statesEqual, type CallbackResult } from './server.js';

const PASTE_PATH = '/paste';

/** `p`: ` --profile x` for the commands the advice names (empty for the default profile). */
/**
 * `expectedLink`: what is known of expectedState's link (the link `wxauth url` remembered: its scope and
 * endpoint; else the account type's endpoint), for what a state-only callback means (core/callback-url.ts).
 * `expectedRedirect`: the redirect_uri that link (else the profile) sends the callback to, so that another
 * app's or page's callback is said as such before its state.
 */
export function evaluatePastedCallback(text: string, expectedState: string | undefined, now: number, p = '', spentState?: string, expectedLink?: StateOnlyLink, expectedRedirect?: string): CallbackResult {
  const cleaned = cleanPastedCode(text);
  const parsed = parseCallbackUrl(cleaned.text);
  if (isAuthorizeUrl(parsed)) {
    const { message, hint } = authorizeUrlRefusal(parsed, p);
    throw new UsageError(message, { hint });
  }
  // A code past any code's length (a file or a page pasted, or a mock's junk): refused as exchange refuses
  // it, in its words, before anything is sent (a long one was refused as "not a callback address").
  if (parsed.code !== undefined && codeTooLong(parsed.code)) {
    // A code pasted alone is said to be no code; a callback's code= as too long for WeChat's.
    // (exchange's rule: none of = ? # / &; parseCallbackUrl has made such a word the code= of a query).
    const alone = !/[=?#/&]/.test(cleaned.text);
    throw new UsageError(
      { key: alone ? 'tokens.exchange.input.code_too_long' : 'tokens.exchange.input.callback_code_too_long', params: { max: CODE_MAX_LENGTH } },
      { hint: { key: 'listen.paste.noCode.hint' } },
    );
  }
  // A code pasted alone carries no state to compare: taken as the user's own, and said so (refusing it
  // as a state mismatch would read as a forgery, and --state could not help).
  const bareCode = parsed.form === 'query' && parsed.params.length === 1 && parsed.code !== undefined && parsed.state === undefined;
  // The listener reads a request target; rebuild one from the pasted parameters, the fragment's included
  // (a hash route's code sits there), in their order and as written.
  const query = parsed.params.map((p) => (p.bare ? p.rawName : `${p.rawName}=${p.rawValue}`)).join('&');
  const decision = decideCallbackHit(
    { method: 'GET', url: query === '' ? PASTE_PATH : `${PASTE_PATH}?${query}`, host: 'paste', at: now },
    NOTHING_SEEN,
    {
      path: PASTE_PATH,
      expectedState: bareCode ? undefined : expectedState,
      duplicateWindowMs: 0,
      hostAllowed: () => true,
      statesEqual,
      // A state already used (its callback taken by login, listen or exchange) is refused, as the live listener refuses it.
      ...(spentState !== undefined ? { isSpent: (received: string) => statesEqual(received, spentState) } : {}),
      ...(expectedLink?.scope !== undefined && !bareCode ? { expectedScope: expectedLink.scope } : {}),
      ...(expectedLink?.endpoint !== undefined && !bareCode ? { expectedEndpoint: expectedLink.endpoint } : {}),
    },
  );
  const hit = decision.hit && { ...decision.hit, method: 'PASTE', userAgent: undefined, remoteAddress: undefined };
  switch (hit?.kind) {
    case 'code':
      return {
        code: hit.code!,
        state: hit.state,
        stateChecked: expectedState !== undefined && !bareCode,
        ...(bareCode && expectedState !== undefined ? { bareCode: true } : {}),
        ...(cleaned.removed.includes('surrounding') ? { pastedAmongWords: true } : {}),
        ...(cleaned.removed.includes('linebreak') ? { pastedJoined: true } : {}),
        ...(cleaned.removed.includes('fullwidth') ? { pastedFullwidth: true } : {}),
        hits: [hit],
        counts: { code: 1 },
        hitsOmitted: 0,
        duplicates: [],
        codes: [hit.code!],
        ignored: 0,
      };
    case 'denied': {
      // The same words and exit as `wxauth exchange` for a state-only callback.
      const { message, hint } = describeStateOnly(parsed, p, hit.verdict);
      throw new CallbackError('denied', message, { hint });
    }
    case 'state_mismatch': {
      if (hit.spent === true) {
        throw new CallbackError('state_mismatch', { key: 'listen.paste.stateUsed', params: { state: hit.state ?? '' } }, { hint: { key: 'tokens.exchange.state.used.hint', params: { p } } });
      }
      // Another app's (or page's) callback: where it came back to is said first, then its state.
      const elsewhere = hit.code !== undefined && hit.state !== undefined ? otherCallbackAddress(parsed.base, expectedRedirect) : undefined;
      if (elsewhere) {
        throw new CallbackError(
          'state_mismatch',
          { key: 'listen.paste.otherCallback', params: { ...elsewhere, state: hit.state!, expectedState: expectedState ?? '' } },
          { hint: { key: 'listen.paste.otherCallback.hint', params: { p, got: elsewhere.got } } },
        );
      }
      const { message, hint } = describeStateMismatch(hit, expectedState, p);
      throw new CallbackError('state_mismatch', message, { hint });
    }
    default:
      // What the pasted text has: an empty code= (cut off, or a template never filled), an address with
      // neither code nor state (a page's own URL), or no address at all.
      throw new UsageError(
        { key: parsed.issues.some((i) => i.kind === 'code_empty') ? 'listen.paste.codeEmpty' : parsed.form === 'url' ? 'listen.paste.noCode' : 'listen.paste.notCallback' },
        { hint: { key: 'listen.paste.noCode.hint' } },
      );
  }
}

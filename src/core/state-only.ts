// What a callback with our state and no code means: decided once, from the link it answers.
// WeChat sends `redirect_uri?state=STATE` without a code when the user refuses (API-FACTS §1.4). Who
// could have refused depends on the link: snsapi_userinfo shows a consent page (允许 / 拒绝);
// snsapi_base shows none, so no one refused and the code was lost on the way (a redirect that kept
// only the state); a website app's QR login (qrconnect, snsapi_login) is refused on the phone, after
// the scan, instead of pressing 确认登录 (allow). The listener's decision, its page and hit line,
// `listen --paste`, `exchange <callback-url>` and `inspect` all ask this one function.
import type { AuthEndpoint } from './authorize-url.js';
import type { MessageRef } from '../errors.js';

export type StateOnlyVerdict =
  /** snsapi_base: no consent page, so no refusal: the code was lost on the way. */
  | 'lost_code'
  /** snsapi_userinfo: the user pressed refuse on the consent page. */
  | 'refused_consent'
  /** A website app's QR login (qrconnect / snsapi_login): the user did not confirm on the phone. */
  | 'refused_qr'
  /** The link is not known (--state, another link's state): a refusal is one reading of several. */
  | 'unknown';

/** A link wxauth remembered (store/state.ts StateEntry has these): its state, scope and endpoint. */
export interface RememberedLink {
  value: string;
  scope?: string | undefined;
  endpoint?: AuthEndpoint | undefined;
}

/** What is known of the link a state-only callback answers: its scope, and its endpoint (or the account type's). */
export interface StateOnlyLink {
  scope?: string | undefined;
  endpoint?: AuthEndpoint | undefined;
}

export function stateOnlyVerdict(link: StateOnlyLink = {}): StateOnlyVerdict {
  // The scope first: it is what the link asked for (a website app has only snsapi_login).
  if (link.scope === 'snsapi_base') return 'lost_code';
  if (link.scope === 'snsapi_userinfo') return 'refused_consent';
  if (link.scope === 'snsapi_login' || link.endpoint === 'qrconnect') return 'refused_qr';
  return 'unknown';
}

/** The failure a state-only callback with the expected state is said as (`p`: ` --profile x` or ''). */
export function stateOnlyFailure(verdict: StateOnlyVerdict, p = ''): { message: MessageRef; hint: MessageRef } {
  switch (verdict) {
    case 'lost_code':
      return { message: { key: 'listen.denied.base' }, hint: { key: 'listen.denied.base.hint', params: { p } } };
    case 'refused_qr':
      return { message: { key: 'listen.denied.qr' }, hint: { key: 'listen.denied.qr.hint', params: { p } } };
    default:
      return { message: { key: 'listen.denied' }, hint: { key: 'listen.denied.hint', params: { p } } };
  }
}

/**
 * What is known of the link a received state answers: the remembered link's scope and endpoint when the
 * state is its own (else that link says nothing of it), and the account type's endpoint otherwise (a
 * website app logs in on qrconnect only).
 */
export function linkOfState(state: string | undefined, remembered: RememberedLink | undefined, accountType?: string): StateOnlyLink {
  const ours = remembered !== undefined && state !== undefined && remembered.value === state;
  const endpoint = (ours ? remembered.endpoint : undefined) ?? (accountType === 'website' ? 'qrconnect' : undefined);
  return { ...(ours && remembered.scope !== undefined ? { scope: remembered.scope } : {}), ...(endpoint !== undefined ? { endpoint } : {}) };
}

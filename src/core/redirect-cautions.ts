// What a redirect_uri being saved (init, config set) carries that will cost a login: said when it is
// saved, in the words url and inspect use when the link is built. Its own module, loaded only by init and
// config set: core/callback-url.ts is on the start path of url, exchange and check (issue 19), and this
// needs core/host-names.ts, which they do not.
import type { MessageRef } from '../errors.js';
import { carriedCallbackParams, redirectUriParams } from './callback-url.js';
import { isLoopbackHost, isPrivateLanHost } from './host-names.js';
import { redactUrl } from './secrets.js';

/** What a saved redirect_uri carries that will cost a login (savedRedirectCautions). */
export interface RedirectCaution {
  id: 'redirect_uri.fragment' | 'redirect_uri.carries_code' | 'redirect_uri.http';
  /** As inspect rates the same finding: a warning (`!`), or info, said as a note. */
  severity: 'warning' | 'info';
  problem: MessageRef;
  /** What it does, said after the problem (url's words for a finding it notes). */
  effect?: MessageRef;
  fix: MessageRef;
}

/**
 * What a redirect_uri being saved (init, config set) carries that will cost the login, in the words
 * `url` and `inspect` say it in when the link is built (core/inspect.ts): a # fragment, which the code
 * lands after, where the server never sees it (a hash route's address), and a code or state of its own
 * (the callback would carry two); and http, where the code travels in clear text (a note). Not
 * refusals: WeChat takes such an address. `type`: the account type it is saved for.
 */
export function savedRedirectCautions(value: string, type: string | undefined): RedirectCaution[] {
  const cautions: RedirectCaution[] = [];
  const hashAt = value.indexOf('#');
  if (hashAt !== -1) {
    const fragment = redactUrl(value.slice(hashAt));
    cautions.push({
      id: 'redirect_uri.fragment',
      severity: 'warning',
      problem: { key: 'inspect.redirect_uri.fragment', params: { fragment: fragment.length > 60 ? `${fragment.slice(0, 59)}…` : fragment } },
      fix: { key: 'inspect.redirect_uri.fragment.fix' },
    });
  }
  const carried = carriedCallbackParams(redirectUriParams(value));
  if (carried !== '') cautions.push({ id: 'redirect_uri.carries_code', severity: 'warning', problem: { key: 'inspect.redirect_uri.carries_code', params: { names: carried } }, fix: { key: 'inspect.redirect_uri.carries_code.fix' } });
  // http: WeChat takes it, but the code crosses the network in clear text: url's note of every link
  // built from it (inspect's redirect_uri.http, severity info), so a note here too, not a warning. Not
  // for a test account, which is never production (its fix is "use https in production"; README's setup
  // puts it on http://IP:port), nor for this machine's own address or a private LAN one (the emulator, a
  // local listener, a phone on the same Wi-Fi): the code crosses no public network. The rule of url's
  // and inspect's note, domain.ts httpCodeInClear, written out again with host-names' tests: importing
  // domain.ts here would split core/closest.ts out of the chunk url reads (issue 19; this module is an
  // entry of its own, config set's await import); test/core/domain.test.ts holds the two equal.
  const http = /^http:\/\/(?:[^/?#@]*@)?([^/?#]*?)(?::\d*)?(?:[/?#]|$)/i.exec(value);
  // A name under localhost (RFC 6761: app.localhost) is this machine too, as isLoopbackDomain reads it.
  if (http && type !== 'test' && !isLoopbackHost(http[1]!) && !http[1]!.toLowerCase().endsWith('.localhost') && !isPrivateLanHost(http[1]!)) {
    cautions.push({ id: 'redirect_uri.http', severity: 'info', problem: { key: 'inspect.redirect_uri.http' }, effect: { key: 'inspect.redirect_uri.http.effect' }, fix: { key: 'inspect.redirect_uri.http.fix' } });
  }
  return cautions;
}

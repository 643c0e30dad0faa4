// wxauth init: what was written, and what to run next (stderr: the profile itself is in the file).
import type { InitResult } from '../../commands/init.js';
import type { MessageRef } from '../../errors.js';
import type { Output } from '../output.js';
import { presentOtherAppidTokens, presentRedirectCautions } from './config.js';

const FLAG_NAMES = { domain: '--domain', redirectUri: '--redirect-uri' } as const;

/** The wizard's first line, before its prompts. */
export function presentWizardIntro(out: Output, profile: string): void {
  out.say(out.t('init.intro', { profile }));
}

/**
 * The next command for this account type: web authorization for service and test accounts, the
 * QR-connect page (snsapi_login) for website apps, and for subscription accounts, which have no web
 * authorization, a basic token. `login` only when the local listener can receive the redirect_uri
 * (login refuses any other); for a public one, the code is caught with listen --paste or
 * --relay-snippet. With --profile when the profile written is not the one used by default.
 */
function nextStep(result: InitResult): MessageRef {
  const p = result.currentProfile === result.profile ? '' : ` --profile ${result.profile}`;
  const uri = result.shownRedirectUri ?? '';
  // https on this machine or the LAN: its http form is what login can use.
  if (result.localHttp !== undefined && result.data.type !== 'subscription') {
    return { key: 'init.next.localHttps', params: { p, uri, http: result.localHttp, scope: result.data.type === 'website' ? 'snsapi_login' : 'snsapi_userinfo' } };
  }
  // An official account's link opens in WeChat: on a phone, a callback on this machine never arrives.
  if (result.loopbackOnPhone) return { key: 'init.next.loopbackPhone', params: { p, uri } };
  switch (result.data.type) {
    case 'subscription':
      return { key: 'init.next.subscription', params: { p } };
    case 'website':
      return result.listenerCanReceive ? { key: 'init.next.website', params: { p } } : { key: 'init.next.website.public', params: { p, uri } };
    default:
      return result.listenerCanReceive ? { key: 'init.next', params: { p } } : { key: 'init.next.public', params: { p, uri } };
  }
}

/**
 * The wizard, before its last question: the saved jsDomains the chosen type refuses will go with the
 * replacement (a website app has no JS-SDK), said while the answer can still be no.
 */
export function presentJsDomainsDropping(out: Output, profile: string, dropping: NonNullable<InitResult['droppedJsDomains']>): void {
  out.warning('init.jsDomains.dropped', out.t('init.jsDomains.dropping', { profile, value: dropping.value, reason: dropping.problem }));
  out.say(out.style.cyan('→ ') + out.tr(dropping.hint));
}

export function present(result: InitResult, out: Output): void {
  const { profile, file, data } = result;
  out.result({
    written: true,
    profile,
    file,
    replaced: result.replaced,
    type: data.type,
    appid: data.appid,
    domain: data.domain ?? null,
    redirectUri: result.shownRedirectUri ?? null,
    secretKept: result.keptSecret !== undefined,
    dropped: result.dropped,
    droppedJsDomains: result.droppedJsDomains?.value ?? null,
    endpoints: result.endpoints,
    keptEndpoints: result.keptEndpoints,
    madeCurrent: result.madeCurrent,
    ...(result.otherAppidTokens ? { otherAppidTokens: result.otherAppidTokens } : {}),
  });
  if (result.dropped.length > 0) {
    out.warning('init.dropped', out.t('init.dropped', { flags: result.dropped.map((k) => FLAG_NAMES[k]) }));
    out.say(out.style.cyan('→ ') + out.t('init.dropped.hint'));
  }
  if (result.droppedJsDomains && !result.droppedJsDomains.said) {
    const { value, problem, hint } = result.droppedJsDomains;
    out.warning('init.jsDomains.dropped', out.t('init.jsDomains.dropped', { profile, value, reason: problem }));
    out.say(out.style.cyan('→ ') + out.tr(hint));
  }
  if (result.keptSecret) out.note(out.t('init.secret.kept', { masked: result.keptSecret }));
  if (result.secretTyped) out.note(out.t('common.secretTyped', { command: 'wxauth init … --secret -' }));
  const endpoints = Object.entries(result.endpoints);
  const pairs = (entries: Array<[string, unknown]>) => entries.map(([key, value]) => `${key} ${String(value)}`);
  if (endpoints.length > 0) out.note(out.t('init.endpoints.saved', { values: pairs(endpoints), p: result.profileFlag, keys: endpoints.map(([key]) => key).join(' ') }));
  const kept = Object.entries(result.keptEndpoints);
  if (kept.length > 0) out.warning('init.endpoints.kept', out.t('init.endpoints.kept', { profile, values: pairs(kept), keys: kept.map(([key]) => key).join(' '), p: result.profileFlag }));
  if (result.regionIgnored) out.warning('config.region.ignored.profile', out.tr(result.regionIgnored));
  out.success(out.t('init.done', { profile, file }));
  presentRedirectCautions(out, result.redirectCautions);
  presentOtherAppidTokens(out, profile, result.otherAppidTokens);
  // The first profile becomes the current one: said when that is not simply "default", which commands use anyway.
  if (result.madeCurrent && profile !== 'default') out.note(out.t('config.profile.madeCurrent', { profile }));
  // A real account's domain WeChat's console cannot take: what works instead is the next step.
  if (result.loopbackDomain) {
    const type = result.data.type === 'website' ? 'website' : 'oa';
    out.warning('init.loopbackDomain', out.t(`init.loopbackDomain.${type}`, { domain: result.data.domain ?? '' }));
    out.say(out.style.cyan('→ ') + out.t(type === 'website' ? 'init.loopbackDomain.website.hint' : 'init.loopbackDomain.hint', { p: result.profileFlag }));
    return;
  }
  const next = nextStep(result);
  out.say(out.tr(next));
  // https on this machine for an official account: the http advice above, and the phone's problem too.
  if (result.localHttp !== undefined && result.loopbackOnPhone) out.say(out.t('init.next.loopbackPhone.also', { uri: result.shownRedirectUri ?? '' }));
}

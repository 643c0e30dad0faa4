// wxauth jssdk: the ticket alone on stdout (for piping); sign's fields and the wx.config snippet on
// stdout; verify's verdict on stdout and the explanation on stderr; one --json document for each.
// string1 carries the ticket (or, for a mistake, the access_token or an old ticket): the command masks
// it as traces mask secrets unless --show-secrets; one line here says how to see it whole.
import type { JssdkResult, TicketFrom } from '../../commands/jssdk.js';
import type { Attempt, DiagnosisWarning, DomainVerdict, PageJsDomain, UnknownJsApi, UrlChange } from '../../core/jssdk.js';
import type { AccountType } from '../../core/validate.js';
import { messageRef, type MessageRef } from '../../errors.js';
import type { Output } from '../output.js';
import { formatDuration, formatTime } from './basic-common.js';
import { formatLocalTime, isoTime, joinText } from '../format.js';

/** What normalising the page URL changed, a sentence each (notes on stderr). */
function urlChangeLines(out: Output, changes: UrlChange[]): string[] {
  return changes.map((c) => {
    if (c.kind === 'fragment-dropped') return out.t('jssdk.url.fragment', { fragment: c.fragment });
    if (c.kind === 'decoded') return out.t('jssdk.url.decoded');
    if (c.kind === 'href') {
      // The rewrites this URL needed, when they can be named; else the whole list.
      const rules = c.rules.map((r) => out.t(`jssdk.url.rule.${r}`));
      return rules.length > 0 ? out.t('jssdk.url.href.rules', { from: c.from, to: c.to, rules }) : out.t('jssdk.url.href', { from: c.from, to: c.to });
    }
    return out.t('jssdk.url.trimmed');
  });
}

function sayUrlChanges(out: Output, changes: UrlChange[]): void {
  for (const line of urlChangeLines(out, changes)) out.note(line);
}

/**
 * The quotes dropped from around a pasted --ticket, with the note stderr says of them (null: none), so a
 * --json reader learns the ticket signed was not the value given byte for byte.
 */
function ticketUnquotedDoc(out: Output, quotes: { open: string; close: string } | undefined): { open: string; close: string; message: string } | null {
  return quotes ? { open: quotes.open, close: quotes.close, message: out.t('jssdk.ticket.unquoted', quotes) } : null;
}

/** The sentence stderr says for a warning (a url-changed one: its notes, joined). */
function warningText(out: Output, w: DiagnosisWarning): string {
  if (w.kind === 'upper-case-signature') return out.t('jssdk.verify.warn.upperCase');
  if (w.kind === 'timestamp-ms') return out.t('jssdk.verify.warn.timestampMs', { timestamp: w.timestamp });
  return urlChangeLines(out, w.changes).reduce((a, b) => joinText(out.lang, a, b), '');
}

function sayWarnings(out: Output, warnings: DiagnosisWarning[]): void {
  for (const w of warnings) {
    if (w.kind === 'url-changed') sayUrlChanges(out, w.changes);
    else out.warn(warningText(out, w));
  }
}

/** sign on a website app's profile: the snippet's appId is one wx.config cannot take. */
function websiteAppText(out: Output, result: { appid?: string; profile: string }): string {
  return out.t('jssdk.sign.websiteApp', { appid: result.appid ?? '', profile: result.profile });
}

/**
 * A warning in --json in the shape every command's document lists them (README: `{id, severity,
 * message, effect, fix}`, as Output.warning() and url's findings do), the message being what stderr
 * says; its own fields (`kind`, `timestamp`, `changes`) kept beside, as scripts read them before.
 */
function warningEntry(id: string, message: string, fields: object): Record<string, unknown> {
  return { id, severity: 'warning', message, effect: null, fix: null, ...fields };
}

/** sign --timestamp given with leading zeros: what was signed instead, and what the page must send. */
function timestampPaddedText(out: Output, given: string, signed: number): string {
  return out.t('jssdk.sign.warn.timestampPadded', { given, timestamp: String(signed) });
}

/** sign --timestamp of neither 10 digits nor 13 (said apart): not seconds of these years. */
function timestampDigitsText(out: Output, signed: number, now: number): string {
  const digits = String(signed).length;
  return digits === 1 ? out.t('jssdk.sign.warn.timestampDigits.one', { timestamp: String(signed), now }) : out.t('jssdk.sign.warn.timestampDigits', { timestamp: String(signed), digits, now });
}

function diagnosisWarningEntry(out: Output, w: DiagnosisWarning): Record<string, unknown> {
  return warningEntry(`jssdk.${w.kind}`, warningText(out, w), w);
}

/** Where a ticket came from, in --json: the words `wxauth token --json` uses (wechat, cache), or option (--ticket). */
function ticketSource(from: TicketFrom): 'option' | 'cache' | 'wechat' {
  return from === 'option' ? 'option' : from === 'cached' ? 'cache' : 'wechat';
}

export function present(result: JssdkResult, out: Output): void {
  switch (result.sub) {
    case 'ticket': {
      const { entry, now } = result;
      out.result({
        appid: entry.appid,
        profile: result.profile,
        ticket: entry.ticket,
        expires_in: Math.max(0, Math.floor((entry.expiresAt - now) / 1000)),
        expires_at: new Date(entry.expiresAt).toISOString(),
        obtained_at: new Date(entry.obtainedAt).toISOString(),
        from: ticketSource(result.from),
        ...(result.host ? { host: result.host } : {}),
      });
      if (result.raw !== undefined) out.raw(result.raw);
      out.data(entry.ticket);
      const left = formatDuration(out, entry.expiresAt - now);
      const at = formatTime(entry.expiresAt);
      if (result.from === 'fetched') {
        out.success(out.t('jssdk.ticket.fetched', { host: result.host ?? '', left, at }));
        if (result.same) out.note(out.t(result.kept ? 'jssdk.ticket.same' : 'jssdk.ticket.sameRestamped'));
        out.note(out.t('jssdk.ticket.cacheNote'));
      } else {
        out.say(out.t('jssdk.ticket.cached', { left, at }));
      }
      return;
    }
    case 'sign': {
      const s = result.signed;
      const string1 = s.string1;
      // A page outside the JS-safe domains: the snippet fails with invalid url domain, said as verify says it.
      const real = result.accountType !== undefined && result.accountType !== 'test' ? result.accountType : undefined;
      const domainText = s.domain ? domainLine(out, s.domain, result.profileFlag, real, result.accountType === 'test', result.jsDomainsFromEnv) : undefined;
      out.result({
        appid: result.appid ?? null,
        profile: result.profile,
        input: s.input,
        url: s.url,
        url_changes: s.changes,
        exact_url: s.exact,
        timestamp: s.timestamp,
        nonceStr: s.nonceStr,
        string1,
        string1_masked: !result.showSecrets,
        signature: s.signature,
        ticket_from: ticketSource(result.ticketFrom),
        ticket_unquoted: ticketUnquotedDoc(out, result.ticketUnquoted),
        warnings: [
          ...(result.timestampMs ? [diagnosisWarningEntry(out, { kind: 'timestamp-ms', timestamp: String(s.timestamp) })] : []),
          ...(result.timestampPadded === undefined ? [] : [warningEntry('jssdk.timestamp-padded', timestampPaddedText(out, result.timestampPadded, s.timestamp), { given: result.timestampPadded, timestamp: String(s.timestamp) })]),
          ...(result.timestampDigitsNow === undefined ? [] : [warningEntry('jssdk.timestamp-digits', timestampDigitsText(out, s.timestamp, result.timestampDigitsNow), { timestamp: String(s.timestamp), digits: String(s.timestamp).length, now: result.timestampDigitsNow })]),
          ...result.unknownApis.map((api) => warningEntry('jssdk.unknown-api', unknownApiText(out, api), { name: api.name, suggestion: api.suggestion ?? null })),
          ...(result.websiteApp ? [warningEntry('jssdk.website-app', websiteAppText(out, result), { appid: result.appid ?? null })] : []),
          ...(domainText !== undefined && s.domain ? [warningEntry('jssdk.domain', domainText, { domain: s.domain })] : []),
        ],
        snippet: s.snippet,
      });
      sayUrlChanges(out, s.changes);
      if (s.exact) out.note(out.t('jssdk.sign.exact'));
      if (result.timestampMs) out.warn(out.t('jssdk.verify.warn.timestampMs', { timestamp: String(s.timestamp) }));
      if (result.timestampPadded !== undefined) out.warn(timestampPaddedText(out, result.timestampPadded, s.timestamp));
      if (result.timestampDigitsNow !== undefined) out.warn(timestampDigitsText(out, s.timestamp, result.timestampDigitsNow));
      for (const api of result.unknownApis) out.warn(unknownApiText(out, api));
      if (result.websiteApp) out.warn(websiteAppText(out, result));
      if (domainText !== undefined) out.warn(domainText);
      if (result.ticketUnquoted) out.note(out.t('jssdk.ticket.unquoted', result.ticketUnquoted));
      if (result.ticketFrom === 'option') out.note(out.t('jssdk.sign.ticketOption'));
      // Which ticket signed, every time: a cached one may be one WeChat has replaced since.
      if (result.cachedTicketLeftMs !== undefined) out.note(out.t('jssdk.sign.ticketCached', { left: formatDuration(out, result.cachedTicketLeftMs) }));
      if (result.appidPlaceholder) out.note(out.t('jssdk.sign.noAppid', { placeholder: result.appidPlaceholder }));
      out.fields([
        ['url', s.url],
        ['timestamp', String(s.timestamp)],
        ['nonceStr', s.nonceStr],
        ['string1', string1],
        ['signature', s.signature],
      ]);
      if (!result.showSecrets) out.note(out.t('jssdk.string1.masked'));
      out.data('');
      for (const line of s.snippet.split('\n')) out.data(line);
      return;
    }
    case 'verify': {
      const { diagnosis: d, domain, unchecked } = result.verified;
      const doc: Record<string, unknown> = {
        ok: result.exitCode === 0,
        appid: result.appid ?? null,
        profile: result.profile,
        verdict: d.verdict,
        url: d.url,
        // The signature given beside the one the ticket gives: not a secret (the page publishes it).
        given: result.given,
        expected: d.expected,
        string1: d.string1,
        string1_masked: !result.showSecrets,
        ticket_from: ticketSource(result.ticketFrom),
        ticket_unquoted: ticketUnquotedDoc(out, result.ticketUnquoted),
        // A match with the cached ticket or a --ticket, checked with WeChat: same, replaced, or unchecked (with why).
        ...(result.liveCheck ? { live_check: result.liveCheck.outcome === 'unchecked' ? { outcome: 'unchecked', reason: out.tr(result.liveCheck.reason) } : { outcome: result.liveCheck.outcome } } : {}),
        ...(result.signedWithCached ? { signed_with_cached_ticket: { obtained_at: isoTime(result.signedWithCached.obtainedAt) } } : {}),
        warnings: [
          ...(result.websiteApp ? [warningEntry('jssdk.website-app', out.t('jssdk.verify.websiteApp', { appid: result.appid ?? '', profile: result.profile }), { appid: result.appid ?? null })] : []),
          ...d.warnings.map((w) => diagnosisWarningEntry(out, w)),
        ],
      };
      // What stderr says of the verdict, in the run's language, is in the document too.
      const found = d.verdict === 'mistake' ? mistakeText(out, d.found, d.url) : undefined;
      if (d.verdict === 'mistake')
        doc.mistake = {
          id: d.found.mistake,
          ...(d.found.url ? { signed_url: d.found.url } : {}),
          ...(d.found.timestamp ? { signed_timestamp: d.found.timestamp } : {}),
          ...(d.found.ticket ? { signed_ticket: d.found.ticket } : {}),
          string1: d.found.string1,
          ...found,
        };
      const landing = d.verdict === 'ios-only' ? { message: out.t('jssdk.verify.iosOnly', { landing: d.landingUrl, url: d.url }), fix: out.t('jssdk.verify.iosOnly.fix') } : undefined;
      if (d.verdict === 'ios-only') doc.landing = { signed_url: d.landingUrl, string1: d.landingString1, ios: 'right', android: 'wrong', ...landing };
      if (d.verdict === 'unknown') doc.checks = d.checks;
      // The setting goes to the profile verify used: --profile in the command when it is not the default.
      const p = result.profileFlag;
      // A real account cannot bind a port or an IP (config set jsDomains refuses it): no command to set one.
      const real = result.accountType !== undefined && result.accountType !== 'test' ? result.accountType : undefined;
      const domainText = domain ? domainLine(out, domain, p, real, result.accountType === 'test', result.jsDomainsFromEnv) : undefined;
      doc.domain = domain ? { ...domain, message: domainText } : null;
      if (!domain) doc.domain_unchecked = uncheckedDomainDoc(unchecked, p, real !== undefined);
      if (result.otherAppId) doc.config_app_id = result.otherAppId;
      const foreign = result.ticketOfOtherAppid;
      if (foreign) doc.ticket_of_other_appid = { appid: foreign.appid, profile: foreign.profile };
      if (result.lowerNonceKey) doc.lower_nonce_key = true;
      out.result(doc);

      if (result.websiteApp) out.warn(out.t('jssdk.verify.websiteApp', { appid: result.appid ?? '', profile: result.profile }));
      sayWarnings(out, d.warnings);
      if (result.ticketUnquoted) out.note(out.t('jssdk.ticket.unquoted', result.ticketUnquoted));
      if (result.ticketFrom === 'option') out.note(out.t('jssdk.verify.ticketOption'));
      if (result.signedWithCached) out.warning('jssdk.verify.signedWithCached', out.t('jssdk.verify.signedWithCached', { at: formatLocalTime(result.signedWithCached.obtainedAt) }));
      if (!result.appid) out.note(out.t('jssdk.verify.noAppid'));
      // stdout tells the whole verdict: beside the signature's, every other check that can fail the run
      // (exit 1), so "match" never stands alone above a failure said only on stderr.
      out.fields([
        ['url', d.url],
        ['string1', d.string1],
        // One above the other, so a difference shows at a glance.
        [out.t('jssdk.verify.given'), result.given],
        [out.t('jssdk.verify.expected'), d.expected],
        [
          out.t('jssdk.verify.verdict'),
          d.verdict === 'mistake' ? out.t('jssdk.verify.verdict.mistake', { label: messageRef(`jssdk.mistake.label.${d.found.mistake}`), id: d.found.mistake }) : out.t(`jssdk.verify.verdict.${d.verdict}`),
        ],
        [out.t('jssdk.verify.row.domain'), domainCell(out, domain)],
        ...(result.otherAppId ? [['appId', out.t('jssdk.verify.row.appId.other', { configAppId: result.otherAppId, appid: result.appid ?? '' })] as [string, string]] : []),
        ...(result.websiteApp ? [['appId', out.t('jssdk.verify.row.appId.website', { appid: result.appid ?? '' })] as [string, string]] : []),
        ...(result.lowerNonceKey ? [['nonceStr', out.t('jssdk.verify.row.nonceKey')] as [string, string]] : []),
        ...(foreign ? [['ticket', out.t('jssdk.verify.row.ticket.otherAppid', { appid: foreign.appid })] as [string, string]] : []),
      ]);
      if (!result.showSecrets) out.note(out.t('jssdk.string1.masked'));
      // What the live check of a cached ticket's match did: one getticket call, or why it could not.
      const live = result.liveCheck;
      const given = result.ticketFrom === 'option';
      if (live?.outcome === 'same') out.note(out.t(given ? 'jssdk.verify.live.same.option' : 'jssdk.verify.live.same'));
      else if (live?.outcome === 'replaced') out.note(out.t(given ? 'jssdk.verify.live.replaced.option' : 'jssdk.verify.live.replaced'));
      else if (live?.outcome === 'unchecked') out.note(out.t('jssdk.verify.live.unchecked', { reason: live.reason }));
      // A right signature beside a failure said below (another appId, noncestr, another appid's ticket):
      // said without a ✔, so "right" never reads as a pass above the ✖.
      if (d.verdict === 'match') {
        const right = out.t(result.ticketFrom === 'fetched' ? 'jssdk.verify.match' : `jssdk.verify.match.${result.ticketFrom}`, { url: d.url });
        if (result.otherAppId || result.lowerNonceKey || foreign) out.note(right);
        else out.success(right);
      }
      else if (landing) {
        out.warn(landing.message);
        out.say(landing.fix);
      } else if (found) {
        out.failure(joinText(out.lang, found.message, found.fix));
      } else if (d.verdict === 'unknown') {
        out.failure(out.t('jssdk.verify.unknown', { tried: d.tried, kinds: d.kinds }));
        d.checks.forEach((c, i) => out.say(`  ${i + 1}. ${out.t(`jssdk.verify.check.${c}`)}`));
      }
      if (result.otherAppId) out.failure(out.t('jssdk.verify.otherAppId', { configAppId: result.otherAppId, appid: result.appid ?? '' }));
      if (result.lowerNonceKey) out.failure(out.t('jssdk.verify.lowerNonceKey'));
      if (foreign) out.failure(out.t('jssdk.verify.ticketOfOtherAppid', { appid: foreign.appid, profile: foreign.profile, pageAppid: foreign.pageAppid }));
      if (!domain) out.note(uncheckedDomain(out, unchecked, p, real));
      else if (domain.ok) out.success(domainText ?? '');
      else out.failure(domainText ?? '');
      return;
    }
  }
}

/** An --api name the JS-SDK's list does not have, and the known one it most likely meant. */
function unknownApiText(out: Output, api: UnknownJsApi): string {
  return api.suggestion ? out.t('jssdk.sign.unknownApi.suggest', { name: api.name, suggestion: api.suggestion }) : out.t('jssdk.sign.unknownApi', { name: api.name });
}

/** A mistake in words: what was signed (`message`) and what to do (`fix`); stderr says them as one line. */
function mistakeText(out: Output, found: Attempt, url: string): { message: string; fix: string } {
  const id = found.mistake;
  return {
    message: out.tKey(`jssdk.verify.mistake.${id}`, {
      signed: found.url ?? url,
      timestamp: found.timestamp ?? '',
      // Quoted when its spaces are the mistake: a space at either end is otherwise invisible.
      nonce: id === 'nonce-space' ? JSON.stringify(found.nonce ?? '') : found.nonce ?? '',
      ticket: typeof found.ticket === 'object' && 'none' in found.ticket ? JSON.stringify(found.ticket.none) : '',
      appid: typeof found.ticket === 'object' && 'appid' in found.ticket ? found.ticket.appid : '',
      url,
    }),
    fix: out.t(`jssdk.verify.mistake.${id}.fix`),
  };
}

/** The domain check in a sentence: within a JS-safe domain, or why the page gets invalid url domain. */
function domainLine(out: Output, domain: DomainVerdict, p: string, real: string | undefined, test: boolean, fromEnv: boolean): string {
  if (domain.ok) return out.t('jssdk.domain.ok', { host: domain.host, domain: domain.domain });
  if (domain.problem === 'port')
    return real ? out.t('jssdk.domain.port.real', { host: domain.host, port: domain.port, type: { key: `account.type.${real as AccountType}` } }) : out.t('jssdk.domain.port', { host: domain.host, port: domain.port, p });
  // The whole list to paste: `config set jsDomains` replaces the saved one. When WXAUTH_JS_DOMAINS gave
  // the list, config set would change nothing here (the variable wins): the variable is what to update.
  const withHost = domain.problem === 'not-listed' ? domain.withHost : undefined;
  const update: MessageRef = fromEnv
    ? withHost !== undefined
      ? { key: 'jssdk.domain.update.env', params: { list: withHost } }
      : { key: 'jssdk.domain.update.envNoList' }
    : { key: 'jssdk.domain.update.config', params: { p, list: withHost !== undefined ? ` ${withHost}` : '' } };
  // A test account has no 公众号设置 menu: its JS-safe domain is set on its sandbox page, as host[:port].
  return out.t(test ? 'jssdk.domain.notListed.test' : 'jssdk.domain.notListed', { host: domain.host, domains: domain.domains, update });
}

/** The domain row of verify's table: within which JS-safe domain, why not, or not checked. */
function domainCell(out: Output, domain: DomainVerdict | undefined): string {
  if (!domain) return out.t('jssdk.verify.row.domain.unchecked');
  if (domain.ok) return out.t('jssdk.verify.row.domain.ok', { host: domain.host, domain: domain.domain });
  if (domain.problem === 'port') return out.t('jssdk.verify.row.domain.port', { host: domain.host, port: domain.port });
  return out.t('jssdk.verify.row.domain.notListed', { host: domain.host, domains: domain.domains });
}

/**
 * The same for --json: the entry the setting would hold (null when the host cannot be one), whether
 * only a test account can bind it (an IP address or a port other than 80/443), and the command
 * (none when the profile is of another type, which could not take the entry).
 */
function uncheckedDomainDoc(page: PageJsDomain | undefined, p: string, realAccount: boolean): Record<string, unknown> {
  const entry = page?.entry;
  const testOnly = page?.ip === true || page?.port !== undefined;
  return {
    reason: 'no-js-domains',
    host: page?.host ?? null,
    suggested: entry ?? null,
    // No command for a profile of another type: config set jsDomains would refuse the entry there.
    ...(entry ? { test_account_only: testOnly, ...(testOnly && realAccount ? {} : { command: `wxauth${p} config set jsDomains ${entry}` }) } : {}),
  };
}

/** Verify without jsDomains: the page's own host as the setting would hold it, or why it cannot. */
function uncheckedDomain(out: Output, page: PageJsDomain | undefined, p: string, real: string | undefined): string {
  if (!page?.entry) return out.t('jssdk.domain.unset.refused', { host: page?.host ?? '' });
  if (!page.ip && page.port === undefined) return out.t('jssdk.domain.unset', { entry: page.entry, p });
  let what: MessageRef;
  if (page.port === undefined) what = messageRef('jssdk.domain.unset.what.ip');
  else if (page.ip) what = messageRef('jssdk.domain.unset.what.ipPort', { port: page.port });
  else what = messageRef('jssdk.domain.unset.what.port', { port: page.port });
  return real ? out.t('jssdk.domain.unset.real', { entry: page.entry, what, type: { key: `account.type.${real as AccountType}` } }) : out.t('jssdk.domain.unset.testOnly', { entry: page.entry, what, p });
}

// wxauth jssdk: the ticket alone on stdout (for piping); sign's fields and the wx.config snippet on
// stdout; verify's verdict on stdout and the explanation on stderr; one --json document for each.
import type { JssdkResult } from '../../commands/jssdk.js';
import type { DiagnosisWarning, UrlChange, UrlNote } from '../../core/jssdk.js';
import type { Output } from '../output.js';
import { formatDuration, formatTime } from './basic-common.js';

function sayUrlChanges(out: Output, changes: UrlChange[], notes: UrlNote[]): void {
  for (const c of changes) {
    if (c.kind === 'fragment-dropped') out.note(out.t('jssdk.url.fragment', { fragment: c.fragment }));
    else if (c.kind === 'decoded') out.note(out.t('jssdk.url.decoded'));
    else out.note(out.t('jssdk.url.trimmed'));
  }
  for (const n of notes) out.note(out.t('jssdk.url.noPath', { withSlash: n.withSlash }));
}

function sayWarnings(out: Output, warnings: DiagnosisWarning[]): void {
  for (const w of warnings) {
    if (w.kind === 'upper-case-signature') out.warn(out.t('jssdk.verify.warn.upperCase'));
    else if (w.kind === 'timestamp-ms') out.warn(out.t('jssdk.verify.warn.timestampMs', { timestamp: w.timestamp }));
    else if (w.kind === 'url-changed') sayUrlChanges(out, w.changes, []);
    else out.note(out.t('jssdk.url.noPath', { withSlash: w.withSlash }));
  }
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
        from: result.from === 'fetched' ? 'wechat' : 'cache',
        ...(result.host ? { host: result.host } : {}),
      });
      if (result.raw !== undefined) out.raw(result.raw);
      out.data(entry.ticket);
      const left = formatDuration(out, entry.expiresAt - now);
      const at = formatTime(entry.expiresAt);
      if (result.from === 'fetched') {
        out.success(out.t('jssdk.ticket.fetched', { host: result.host ?? '', left, at }));
        if (result.same) out.note(out.t('jssdk.ticket.same'));
        out.note(out.t('jssdk.ticket.cacheNote'));
      } else {
        out.say(out.t('jssdk.ticket.cached', { left, at }));
      }
      return;
    }
    case 'sign': {
      const s = result.signed;
      out.result({
        appid: result.appid,
        profile: result.profile,
        input: s.input,
        url: s.url,
        url_changes: s.changes,
        timestamp: s.timestamp,
        nonceStr: s.nonceStr,
        string1: s.string1,
        signature: s.signature,
        ticket_from: result.ticketFrom,
        snippet: s.snippet,
      });
      sayUrlChanges(out, s.changes, s.notes);
      if (result.ticketFrom === 'option') out.note(out.t('jssdk.sign.ticketOption'));
      out.fields([
        ['url', s.url],
        ['timestamp', String(s.timestamp)],
        ['nonceStr', s.nonceStr],
        ['string1', s.string1],
        ['signature', s.signature],
      ]);
      out.data('');
      for (const line of s.snippet.split('\n')) out.data(line);
      return;
    }
    case 'verify': {
      const { diagnosis: d, domain } = result.verified;
      const doc: Record<string, unknown> = {
        ok: result.exitCode === 0,
        appid: result.appid,
        profile: result.profile,
        verdict: d.verdict,
        url: d.url,
        expected: d.expected,
        string1: d.string1,
        ticket_from: result.ticketFrom,
        warnings: d.warnings,
      };
      if (d.verdict === 'mistake') doc.mistake = { id: d.found.mistake, ...(d.found.url ? { signed_url: d.found.url } : {}), ...(d.found.timestamp ? { signed_timestamp: d.found.timestamp } : {}), ...(d.found.ticket ? { signed_ticket: d.found.ticket } : {}), string1: d.found.string1 };
      if (d.verdict === 'unknown') doc.checks = d.checks;
      doc.domain = domain ?? null;
      if (result.otherAppId) doc.config_app_id = result.otherAppId;
      if (result.lowerNonceKey) doc.lower_nonce_key = true;
      out.result(doc);

      sayWarnings(out, d.warnings);
      if (result.ticketFrom === 'option') out.note(out.t('jssdk.verify.ticketOption'));
      out.fields([
        ['url', d.url],
        ['string1', d.string1],
        [out.t('jssdk.verify.expected'), d.expected],
        ['verdict', d.verdict === 'mistake' ? `mistake: ${d.found.mistake}` : d.verdict],
      ]);
      if (d.verdict === 'match') out.success(out.t('jssdk.verify.match', { url: d.url }));
      else if (d.verdict === 'mistake') {
        out.failure(out.t(`jssdk.verify.mistake.${d.found.mistake}`, { signed: d.found.url ?? d.url, timestamp: d.found.timestamp ?? '' }));
      } else {
        out.failure(out.t('jssdk.verify.unknown', { tried: d.tried }));
        d.checks.forEach((c, i) => out.say(`  ${i + 1}. ${out.t(`jssdk.verify.check.${c}`)}`));
      }
      if (result.otherAppId) out.failure(out.t('jssdk.verify.otherAppId', { configAppId: result.otherAppId, appid: result.appid }));
      if (result.lowerNonceKey) out.failure(out.t('jssdk.verify.lowerNonceKey'));
      if (!domain) out.note(out.t('jssdk.domain.unset'));
      else if (domain.ok) out.success(out.t('jssdk.domain.ok', { host: domain.host, domain: domain.domain }));
      else if (domain.problem === 'port') out.failure(out.t('jssdk.domain.port', { host: domain.host, port: domain.port }));
      else out.failure(out.t('jssdk.domain.notListed', { host: domain.host, domains: domain.domains.join(', ') }));
      return;
    }
  }
}

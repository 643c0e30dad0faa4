// wxauth login: numbered steps on stderr as they happen (the URL itself first on stdout, alone), the
// listener's countdown and hits, then who logged in, with what scope, until when — and the tokens cached.
import type { LoginHooks, LoginResult } from '../../commands/login.js';
import type { Output } from '../output.js';
import { formatDeadline, isoTime } from '../format.js';
import { WaitDisplay, elsewhereWarning, hitsForJson, listeningLine, presentAftermath, verdictJson, waitingEvent } from './listen.js';
import { unionidNoneKey } from './exchange.js';
import { presentSaveFailure, saveErrorDocument } from './tokens-common.js';
import { authorizeHooks, renderLint, warnFinding } from './url.js';

export function loginHooks(out: Output): LoginHooks {
  // With --json, stderr carries JSON Lines only — one `{"event":…}` object per line, for a script that
  // must follow the URL while stdout waits for its single document (issue 12 item 9). The human steps,
  // countdown and hit lines are left out: the final document has the same facts.
  if (out.json) return jsonLoginHooks(out);
  const display = new WaitDisplay(out);
  const step = (key: `listen.login.step.${'url' | 'listen' | 'exchange' | 'check' | 'userinfo'}`) => out.say(out.style.bold(out.t(key)));
  return {
    // A URL `wxauth url` would refuse is refused here too, in the same words.
    ...authorizeHooks(out),
    onLink: async (link) => {
      step('listen.login.step.url');
      out.data(link.url);
      // stdout into a file or a pipe, the terminal on stderr: "the link above" is there too.
      if (out.stdout.isTTY !== true && out.stderrIsTTY) out.say(link.url);
      out.note(out.t('listen.login.redirect.listener', { uri: link.redirectUri }));
      for (const f of link.warnings) warnFinding(out, f);
      if (link.finishesOn === 'phone' && link.warnings.some((f) => f.id === 'redirect_uri.loopback_phone')) {
        // The finding just shown says to open it in desktop WeChat. No QR code: a phone that scans it
        // cannot reach the callback on this machine.
      } else if (link.finishesOn === 'phone') {
        const drawn = await out.qr(link.url);
        out.note(out.t(drawn ? 'listen.login.open.phone' : 'listen.login.open.phoneLink'));
      } else if (!link.openBrowser) {
        out.note(out.t('listen.login.open.manual'));
      }
      if (link.openBrowser) out.note(out.t('listen.login.open.browser'));
    },
    onBrowserFailed: (reason) => out.warning('listen.login.open.failed', out.t('listen.login.open.failed', { reason })),
    onElsewhere: (e) => elsewhereWarning(out, e),
    onHit: (hit) => display.hit(hit),
    onWaiting: (wait) => {
      step('listen.login.step.listen');
      out.say(listeningLine(out, wait.listener));
      out.say(out.t('listen.waiting', { seconds: Math.round(wait.timeoutMs / 1000) }));
      display.start(wait);
    },
    onWaitOver: () => display.stop(),
    onCallback: (callback) => presentAftermath(out, callback),
    onStep: (id) => step(`listen.login.step.${id}`),
    onChecked: () => out.success(out.t('listen.login.check.ok')),
    onUserinfoSkipped: (scope, grant, p) => out.note(grant === 'unexpected' ? out.t('listen.login.userinfo.skippedUnexpected', { scope, p }) : out.t('listen.login.userinfo.skipped', { scope })),
  };
}

/** login --json: every step as one JSON line on stderr (codes masked: stderr is often a log file). */
function jsonLoginHooks(out: Output): LoginHooks {
  // Whatever else reaches stderr in this run (a retry, a -v trace, a store's warning) is an event too.
  out.streamEvents();
  const event = (doc: { event: string } & Record<string, unknown>) => out.event(doc);
  return {
    ...authorizeHooks(out),
    onLink: async (link) => {
      const warnings = link.warnings.map((f) => renderLint(out, f));
      // The URL's lint warnings, in the document as `wxauth url --json` lists them.
      out.result({ warnings });
      event({ event: 'authorize_url', url: link.url, redirect_uri: link.redirectUri, endpoint: link.endpoint, warnings });
    },
    // No link "above" in this mode: it is in the authorize_url event.
    onBrowserFailed: (reason) => out.warning('listen.login.open.failed', out.t('listen.login.open.failed.json', { reason }), { event: 'browser_failed' }),
    onElsewhere: (e) => elsewhereWarning(out, e),
    // kind stays "denied" for a state-only callback with our state; verdict says what it meant (verdictJson).
    onHit: (hit) => event({ event: 'hit', seq: hit.seq, kind: hit.kind, time: hit.time, ...verdictJson(hit.verdict) }),
    onWaiting: (wait) => event(waitingEvent(wait)),
    onWaitOver: () => undefined,
    // Duplicates, extra codes: `warning` events, listed in the document's warnings too.
    onCallback: (callback) => presentAftermath(out, callback),
    onStep: (id) => event({ event: 'step', step: id }),
    onChecked: () => event({ event: 'checked' }),
    onUserinfoSkipped: (scope, grant) => event({ event: 'userinfo_skipped', scope, reason: grant === 'unexpected' ? 'unexpected_scope' : 'base_scope' }),
  };
}

/** The end of `wxauth login`: who logged in, with what scope, until when; the tokens are cached. */
export function present(s: LoginResult, out: Output): void {
  const { token, entry } = s.exchanged;
  out.result({
    login: {
      profile: s.profile,
      appid: entry.appid,
      openid: token.openid,
      unionid: token.unionid ?? s.userinfo?.unionid ?? null,
      scope: token.scope,
      expires_at: isoTime(entry.accessTokenExpiresAt),
      refresh_token_expires_at: entry.refreshTokenExpiresAt === undefined ? null : isoTime(entry.refreshTokenExpiresAt),
      is_snapshotuser: token.isSnapshotUser,
      nickname: s.userinfo?.nickname ?? null,
      headimgurl: s.userinfo?.headimgurl ?? null,
      authorize_url: s.authorizeUrl,
      redirect_uri: s.redirectUri,
      saved: s.exchanged.saved,
      callback: { hits: hitsForJson(s.hits, s.showSecrets), hit_counts: { ...s.counts }, hits_omitted: s.hitsOmitted, duplicates: s.duplicates },
      // Not saved: the tokens themselves, since this document is the only place they are left.
      ...(s.exchanged.saveError ? { access_token: token.accessToken, refresh_token: token.refreshToken ?? null } : {}),
    },
    ...(s.exchanged.saveError ? { error: saveErrorDocument(out, s.exchanged.saveError) } : {}),
  });
  // --json: the document is all; stderr keeps to its JSON event lines.
  if (out.json) return;
  const unionid = token.unionid ?? s.userinfo?.unionid;
  out.success(out.t('listen.login.summary'));
  out.fields([
    [out.t('listen.login.field.openid'), token.openid],
    [out.t('listen.login.field.unionid'), unionid ?? out.t(unionidNoneKey(s.exchanged.noUnionid))],
    [out.t('listen.login.field.scope'), token.scope],
    [out.t('listen.login.field.nickname'), s.userinfo ? s.userinfo.nickname : undefined],
    [out.t('listen.login.field.accessExpires'), formatDeadline(entry.accessTokenExpiresAt, s.now, out.lang)],
    [
      out.t('listen.login.field.refreshExpires'),
      entry.refreshTokenExpiresAt === undefined ? undefined : formatDeadline(entry.refreshTokenExpiresAt, s.now, out.lang),
    ],
    [out.t('listen.login.field.snapshot'), token.isSnapshotUser ? '1' : undefined],
  ]);
  if (s.exchanged.saveError) {
    // The cache refused them and the code is spent: the tokens are printed (normally login keeps them
    // in the cache only), then the failure.
    out.fields([
      ['access_token', token.accessToken],
      ['refresh_token', token.refreshToken],
    ]);
    presentSaveFailure(out, s.exchanged.saveError);
    return;
  }
  if (s.exchanged.saved) out.note(out.t('listen.login.cached', { profile: s.profile, p: s.profileFlag }));
}

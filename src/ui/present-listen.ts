// Presentation for the callback listener (listen, login, demo): the listening banner, a countdown on
// stderr (rewritten in place only on a terminal), one line per hit, and the duplicate warning.
import type { CallbackHit, CallbackResult } from '../listener/index.js';
import type { ExchangeResult } from '../flows/user-token.js';
import type { SnsUserinfo } from '../core/token.js';
import type { Output } from './output.js';
import { formatDeadline, formatDuration, isoTime } from './format.js';

/** A code shown in a log: its first 6 characters, unless --show-secrets. */
export function maskCode(code: string | undefined, showSecrets: boolean): string | undefined {
  if (code === undefined) return undefined;
  if (showSecrets || code.length <= 6) return code;
  return code.slice(0, 6) + '…';
}

/** A line that rewrites itself on a terminal ("Waiting… 4m59s left"); silent when stderr is not a TTY. */
export class Countdown {
  private timer: NodeJS.Timeout | undefined;
  private shown = false;

  constructor(
    private readonly out: Output,
    private readonly deadline: number,
    private readonly now: () => number,
  ) {}

  start(): void {
    if (!this.out.stderrIsTTY || this.out.json) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((this.deadline - this.now()) / 1000) * 1000);
      this.out.stderr.write('\r\u001b[K' + this.out.style.dim(this.out.t('listen.countdown', { left: formatDuration(left, this.out.lang) })));
      this.shown = true;
    };
    tick();
    this.timer = setInterval(tick, 1000);
    this.timer.unref();
  }

  /** Clear the countdown line so a normal line can be printed; the next tick redraws it. */
  clear(): void {
    if (this.shown) {
      this.out.stderr.write('\r\u001b[K');
      this.shown = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}

/** Local wall-clock time with milliseconds: two hits of one duplicate are often milliseconds apart. */
function clock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** One line per hit on stderr, with WeChat's hop markers when present. */
export function presentHit(out: Output, hit: CallbackHit, countdown?: Countdown): void {
  countdown?.clear();
  if (hit.kind === 'wrong_host') {
    out.warn(out.t('listen.hit.wrong_host', { host: hit.hostHeader ?? '' }));
    return;
  }
  const line = out.t(`listen.hit.${hit.kind}`, { seq: hit.seq, time: clock(hit.at), ua: hit.userAgent ?? '-' });
  if (hit.kind === 'code') out.success(line);
  else if (hit.kind === 'duplicate' || hit.kind === 'invalid') out.warn(line);
  else out.failure(line);
  if (hit.markers.length > 0) out.note(out.t('listen.hit.markers', { markers: hit.markers.join(', ') }));
}

/** What happened besides the one code: duplicates (the 40163 trap), extra codes, ignored junk. */
export function presentAftermath(out: Output, result: CallbackResult): void {
  if (result.duplicates.length > 0) {
    out.warn(out.t('listen.duplicate', { count: result.duplicates.length + 1 }));
    if (result.duplicates.some((d) => d.markers.some((m) => m === 'uin' || m === 'pass_ticket'))) {
      out.note(out.t('listen.duplicate.markers'));
    }
  }
  if (result.codes.length > 1) out.warn(out.t('listen.extraCodes', { count: result.codes.length - 1 }));
  if (result.ignored > 0) out.note(out.t('listen.ignored', { count: result.ignored }));
}

/** Hits for --json, codes masked unless --show-secrets. */
export function hitsForJson(hits: CallbackHit[], showSecrets: boolean): Array<Record<string, unknown>> {
  return hits.map((h) => ({
    seq: h.seq,
    time: h.time,
    kind: h.kind,
    user_agent: h.userAgent,
    remote_address: h.remoteAddress,
    ...(h.code !== undefined ? { code: maskCode(h.code, showSecrets) } : {}),
    ...(h.state !== undefined ? { state: h.state } : {}),
    ...(h.markers.length > 0 ? { markers: h.markers } : {}),
    ...(h.firstSeq !== undefined ? { first_seq: h.firstSeq } : {}),
  }));
}

export interface LoginSummary {
  exchanged: ExchangeResult;
  userinfo?: SnsUserinfo;
  now: number;
  profile: string;
  authorizeUrl: string;
  redirectUri: string;
  hits: Array<Record<string, unknown>>;
  duplicates: number;
}

/** The end of `wxauth login`: who logged in, with what scope, until when; the tokens are cached. */
export function presentLoginSummary(out: Output, s: LoginSummary): void {
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
      callback: { hits: s.hits, duplicates: s.duplicates },
    },
  });
  const unionid = token.unionid ?? s.userinfo?.unionid;
  out.success(out.t('listen.login.summary'));
  out.fields([
    [out.t('listen.login.field.openid'), token.openid],
    [out.t('listen.login.field.unionid'), unionid ?? out.t('listen.login.unionid.none')],
    [out.t('listen.login.field.scope'), token.scope],
    [out.t('listen.login.field.nickname'), s.userinfo ? s.userinfo.nickname : undefined],
    [out.t('listen.login.field.accessExpires'), formatDeadline(entry.accessTokenExpiresAt, s.now, out.lang)],
    [
      out.t('listen.login.field.refreshExpires'),
      entry.refreshTokenExpiresAt === undefined ? undefined : formatDeadline(entry.refreshTokenExpiresAt, s.now, out.lang),
    ],
    [out.t('listen.login.field.snapshot'), token.isSnapshotUser ? '1' : undefined],
  ]);
  if (s.exchanged.saved) out.note(out.t('listen.login.cached', { profile: s.profile }));
}

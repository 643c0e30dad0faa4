// Presenters for the user-token half of the flow (exchange, refresh, check, userinfo, tokens), shared
// with `login` and `demo`. Each one handles the three modes: human lines (data on stdout, talk on
// stderr), the --json document (out.result) and --raw (WeChat's body as it came).
//
// Secrets policy: exchange and refresh print the access_token and refresh_token in full, on stdout and
// in --json, because obtaining them is the point (scripts need them); check and userinfo never print
// tokens; `tokens list` never prints them, `tokens show` masks them unless --show-secrets. Traces (-v,
// --curl) redact them in the HTTP client.
import type { Output } from './output.js';
import type { Lang } from './i18n.js';
import type { AutoRefresh, ExchangeResult, RefreshResult, CheckResult, UserinfoResult } from '../flows/user-token.js';
import type { LifeLevel, StateVerdict, TokenStatus, Life } from '../core/token.js';
import type { UserTokenEntry } from '../store/token-cache.js';
import { formatDeadline, formatLocalTime, formatRelative, isoTime } from './format.js';

export interface PresentContext {
  /** Milliseconds since the epoch. */
  now: number;
  profile: string;
  /** ` --profile x` or '' (for the commands suggested in hints). */
  profileFlag: string;
  /** --raw: print WeChat's body exactly as it came instead of the data lines (default false). */
  raw?: boolean;
}

function colour(out: Output, level: LifeLevel, text: string): string {
  return level === 'green' ? out.style.green(text) : level === 'yellow' ? out.style.yellow(text) : out.style.red(text);
}

/** `2026-01-15 12:00:00 (in 1h59m)`, coloured by how much life is left. */
function showLife(out: Output, life: Life, now: number): string {
  return colour(out, life.level, formatDeadline(life.expiresAt, now, out.lang));
}

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : isoTime(ms);
}

function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

// ---------------------------------------------------------------------------------------------
// exchange
// ---------------------------------------------------------------------------------------------

export interface StateReport {
  received?: string;
  expected?: string;
  verdict: StateVerdict;
  /** Where `expected` came from: the state `wxauth url` remembered, or --state. */
  source: 'remembered' | 'flag';
  issuedAt?: number;
}

/** Talk about the state before the exchange (the code is spent either way once sent). */
export function presentStateCheck(out: Output, state: StateReport, now: number): void {
  if (state.verdict === 'mismatch') {
    const ago = state.issuedAt === undefined ? '-' : formatRelative(state.issuedAt - now, out.lang);
    out.warn(out.t('tokens.exchange.state.mismatch', { received: state.received, expected: state.expected, ago }));
  } else if (state.verdict === 'not_received' && state.source === 'remembered') {
    out.warn(out.t('tokens.exchange.state.notReceived', { expected: state.expected }));
  } else if (state.verdict === 'match') {
    out.note(out.t('tokens.exchange.state.match'));
  }
}

function stateDoc(state: StateReport | undefined): Record<string, unknown> | null {
  if (!state) return null;
  return { received: state.received ?? null, expected: state.expected ?? null, verdict: state.verdict, source: state.source };
}

export function exchangeDocument(r: ExchangeResult, c: PresentContext, state?: StateReport): Record<string, unknown> {
  return {
    profile: c.profile,
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
    saved: r.saved,
    state: stateDoc(state),
  };
}

export function presentExchange(out: Output, r: ExchangeResult, c: PresentContext, state?: StateReport): void {
  out.result(exchangeDocument(r, c, state));
  if (c.raw) out.raw(r.response.raw);
  const none = out.t('tokens.value.none');
  out.fields([
    ['openid', r.token.openid],
    ['unionid', r.token.unionid ?? none],
    ['scope', r.token.scope],
    ['access_token', r.token.accessToken],
    ['refresh_token', r.token.refreshToken ?? none],
    [out.t('tokens.label.expires'), formatDeadline(r.entry.accessTokenExpiresAt, c.now, out.lang)],
    [
      out.t('tokens.label.refreshExpires'),
      r.entry.refreshTokenExpiresAt === undefined ? undefined : formatDeadline(r.entry.refreshTokenExpiresAt, c.now, out.lang),
    ],
    ['is_snapshotuser', r.token.isSnapshotUser ? '1' : undefined],
  ]);
  out.success(out.t(r.saved ? 'tokens.exchange.done' : 'tokens.exchange.doneNotSaved', { profile: c.profile }));
  if (r.noUnionid) out.note(out.t(`tokens.unionid.${r.noUnionid}`));
  if (r.token.isSnapshotUser) out.warn(out.t('tokens.snapshot.explain'));
  const base = !r.token.scopes.includes('snsapi_userinfo') && !r.token.scopes.includes('snsapi_login');
  out.note(out.t(base ? 'tokens.exchange.nextBase' : 'tokens.exchange.next', { p: c.profileFlag }));
}


// ---------------------------------------------------------------------------------------------
// refresh
// ---------------------------------------------------------------------------------------------

export function refreshDocument(r: RefreshResult, c: PresentContext): Record<string, unknown> {
  return {
    profile: c.profile,
    appid: r.entry.appid,
    openid: r.token.openid,
    unionid: r.entry.unionid ?? null,
    scope: r.entry.scope,
    access_token: r.token.accessToken,
    refresh_token: r.entry.refreshToken ?? null,
    expires_in: r.token.expiresIn,
    expires_at: isoTime(r.entry.accessTokenExpiresAt),
    refresh_token_expires_at: iso(r.entry.refreshTokenExpiresAt),
    outcome: r.outcome,
    previous_expires_at: iso(r.previous?.accessTokenExpiresAt),
    saved: r.saved,
  };
}

export function presentRefresh(out: Output, r: RefreshResult, c: PresentContext): void {
  out.result(refreshDocument(r, c));
  if (c.raw) out.raw(r.response.raw);
  const none = out.t('tokens.value.none');
  out.fields([
    ['openid', r.token.openid],
    ['scope', r.entry.scope],
    ['access_token', r.token.accessToken],
    ['refresh_token', r.entry.refreshToken ?? none],
    [out.t('tokens.label.expires'), formatDeadline(r.entry.accessTokenExpiresAt, c.now, out.lang)],
    [
      out.t('tokens.label.refreshExpires'),
      r.entry.refreshTokenExpiresAt === undefined
        ? out.t('tokens.value.refreshUnknown')
        : formatDeadline(r.entry.refreshTokenExpiresAt, c.now, out.lang),
    ],
  ]);
  const expiry = formatDeadline(r.entry.accessTokenExpiresAt, c.now, out.lang);
  out.success(out.t(`tokens.refresh.${r.outcome}`, { expiry }));
  if (r.refreshExpiredLocally) out.note(out.t('tokens.refresh.localExpired'));
  if (r.entry.refreshTokenExpiresAt !== undefined) {
    out.note(out.t('tokens.refresh.refreshUntil', { expiry: formatDeadline(r.entry.refreshTokenExpiresAt, c.now, out.lang) }));
  }
  if (r.saved) out.note(out.t('tokens.refresh.saved', { profile: c.profile }));
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

export function presentCheck(out: Output, r: CheckResult, status: TokenStatus | undefined, c: PresentContext): void {
  const entry = r.picked.entry;
  out.result({
    profile: c.profile,
    valid: true,
    openid: r.picked.openid,
    source: r.picked.source,
    expires_at: iso(entry?.accessTokenExpiresAt),
    remaining_seconds: status ? seconds(status.access.remainingMs) : null,
    level: status?.access.level ?? null,
    refresh_token_expires_at: iso(entry?.refreshTokenExpiresAt),
  });
  if (c.raw) out.raw(r.response.raw);
  out.fields([
    ['openid', r.picked.openid],
    ['scope', entry?.scope],
    [out.t('tokens.label.expires'), status ? showLife(out, status.access, c.now) : out.t('tokens.value.unknown')],
    [out.t('tokens.label.refreshExpires'), status?.refresh ? showLife(out, status.refresh, c.now) : undefined],
  ]);
  if (!status) {
    out.success(out.t('tokens.check.validUnknown'));
  } else if (status.access.expired) {
    out.success(out.t('tokens.check.validPlain'));
    out.note(out.t('tokens.check.localDisagrees', { when: formatLocalTime(status.access.expiresAt) }));
  } else {
    out.success(out.t('tokens.check.valid', { expiry: formatRelative(status.access.remainingMs, out.lang) }));
  }
}

// ---------------------------------------------------------------------------------------------
// userinfo
// ---------------------------------------------------------------------------------------------

/** "The cached access_token expired 5m ago: refreshed it once…" (pass it as fetchUserinfo's onRefresh). */
export function presentAutoRefresh(out: Output, refreshed: AutoRefresh, c: PresentContext, previousExpiresAt?: number): void {
  if (refreshed.reason === 'local') {
    const ago = previousExpiresAt === undefined ? '-' : formatRelative(previousExpiresAt - c.now, out.lang);
    out.warn(out.t('tokens.userinfo.refreshed.local', { ago }));
  } else {
    out.warn(out.t('tokens.userinfo.refreshed.errcode', { errcode: refreshed.reason }));
  }
  const expiry = formatDeadline(refreshed.result.entry.accessTokenExpiresAt, c.now, out.lang);
  out.note(out.t(`tokens.refresh.${refreshed.result.outcome}`, { expiry }));
}

/**
 * The profile. Says so when an automatic refresh happened, unless `announced` (the caller already
 * printed it through fetchUserinfo's onRefresh).
 */
export function presentUserinfo(
  out: Output,
  r: UserinfoResult,
  c: PresentContext,
  options: { previousExpiresAt?: number; announced?: boolean } = {},
): void {
  const u = r.userinfo;
  out.result({
    profile: c.profile,
    userinfo: {
      openid: u.openid,
      nickname: u.nickname,
      sex: u.sex,
      ...(u.language !== undefined ? { language: u.language } : {}),
      province: u.province,
      city: u.city,
      country: u.country,
      headimgurl: u.headimgurl,
      privilege: u.privilege,
      unionid: u.unionid ?? null,
      ...u.extra,
    },
    notes: r.notes,
    refreshed: r.refreshed
      ? { reason: r.refreshed.reason, outcome: r.refreshed.result.outcome, expires_at: isoTime(r.refreshed.result.entry.accessTokenExpiresAt) }
      : null,
  });
  if (r.refreshed && !options.announced) presentAutoRefresh(out, r.refreshed, c, options.previousExpiresAt);
  if (c.raw) out.raw(r.response.raw);
  const none = out.t('tokens.value.none');
  const blank = (s: string) => (s === '' ? '""' : s);
  const extra = Object.entries(u.extra).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
  out.fields([
    ['openid', u.openid],
    ['nickname', blank(u.nickname)],
    ['headimgurl', blank(u.headimgurl)],
    ['unionid', u.unionid ?? none],
    ['privilege', JSON.stringify(u.privilege)],
    ['sex', String(u.sex)],
    ['province', blank(u.province)],
    ['city', blank(u.city)],
    ['country', blank(u.country)],
    ['language', u.language === undefined ? undefined : blank(u.language)],
    ...extra,
  ]);
  for (const note of r.notes) out.note(out.t(`tokens.userinfo.note.${note}`));
  if (u.headimgurl !== '') out.note(out.t('tokens.userinfo.note.avatar'));
}

// ---------------------------------------------------------------------------------------------
// tokens list | show | clear
// ---------------------------------------------------------------------------------------------

export interface CachedUserView {
  entry: UserTokenEntry;
  status: TokenStatus;
  /** The tokens as they may be shown (masked unless --show-secrets). */
  accessToken: string;
  refreshToken?: string;
}

function userDocument(v: CachedUserView): Record<string, unknown> {
  const { entry, status } = v;
  return {
    appid: entry.appid,
    openid: entry.openid,
    unionid: entry.unionid ?? null,
    scope: entry.scope,
    access_token: v.accessToken,
    access_token_expires_at: isoTime(entry.accessTokenExpiresAt),
    access_token_remaining_seconds: seconds(status.access.remainingMs),
    access_token_level: status.access.level,
    refresh_token: v.refreshToken ?? null,
    refresh_token_expires_at: iso(entry.refreshTokenExpiresAt),
    refresh_token_remaining_seconds: status.refresh ? seconds(status.refresh.remainingMs) : null,
    refresh_token_level: status.refresh?.level ?? null,
    obtained_at: isoTime(entry.obtainedAt),
    is_snapshotuser: entry.isSnapshotUser === true,
  };
}

/** `1h59m` green, or `expired (5m ago)` red. */
function shortLife(out: Output, life: Life | undefined, lang: Lang, now: number): string {
  if (!life) return '-';
  const text = life.expired
    ? out.t('tokens.value.expired', { ago: formatRelative(life.expiresAt - now, lang) })
    : formatRelative(life.remainingMs, lang);
  return colour(out, life.level, text);
}

export function presentTokenList(out: Output, users: CachedUserView[], c: PresentContext & { file: string }): void {
  out.result({ profile: c.profile, file: c.file, users: users.map(userDocument) });
  if (users.length === 0) {
    out.say(out.t('tokens.list.empty', { profile: c.profile }));
    return;
  }
  const manyApps = new Set(users.map((u) => u.entry.appid)).size > 1;
  const headers = [
    ...(manyApps ? ['appid'] : []),
    'openid',
    'scope',
    'unionid',
    out.t('tokens.col.access'),
    out.t('tokens.col.refresh'),
    out.t('tokens.label.obtained'),
  ];
  out.table(
    headers,
    users.map((u) => [
      ...(manyApps ? [u.entry.appid] : []),
      u.entry.openid,
      u.entry.scope || '-',
      u.entry.unionid ?? '-',
      shortLife(out, u.status.access, out.lang, c.now),
      shortLife(out, u.status.refresh, out.lang, c.now),
      formatLocalTime(u.entry.obtainedAt),
    ]),
  );
  out.note(out.t('tokens.list.summary', { profile: c.profile, count: users.length, file: c.file }));
}

export function presentTokenShow(out: Output, v: CachedUserView, c: PresentContext & { revealed: boolean }): void {
  out.result({ profile: c.profile, user: userDocument(v) });
  const { entry, status } = v;
  out.fields([
    ['appid', entry.appid],
    ['openid', entry.openid],
    ['unionid', entry.unionid ?? out.t('tokens.value.none')],
    ['scope', entry.scope],
    ['access_token', v.accessToken],
    [out.t('tokens.label.expires'), showLife(out, status.access, c.now)],
    ['refresh_token', v.refreshToken ?? out.t('tokens.value.none')],
    [out.t('tokens.label.refreshExpires'), status.refresh ? showLife(out, status.refresh, c.now) : undefined],
    [out.t('tokens.label.obtained'), formatLocalTime(entry.obtainedAt)],
    ['is_snapshotuser', entry.isSnapshotUser ? '1' : undefined],
  ]);
  if (!c.revealed) out.note(out.t('tokens.show.secretsHidden'));
  if (entry.isSnapshotUser) out.warn(out.t('tokens.snapshot.explain'));
}

export function presentTokenClear(out: Output, removed: number, c: PresentContext & { openid?: string }): void {
  out.result({ profile: c.profile, openid: c.openid ?? null, removed });
  if (removed === 0) out.say(out.t('tokens.clear.nothing', { profile: c.profile }));
  else out.success(out.t('tokens.clear.done', { count: removed, profile: c.profile }));
}

// wxauth tokens list | show | clear: the cached users with how long their tokens live (never the
// tokens in a list; masked in `show` unless --show-secrets), and what `clear` removed.
import type { Context } from '../../context.js';
import type { MessageRef } from '../../errors.js';
import type { Output } from '../output.js';
import { formatLocalTime } from '../format.js';
import { confirmOrCancel } from './confirm.js';
import { shortLife, showLife, userDocument, type CachedUserView } from './tokens-common.js';

/** What the profile's cache holds besides users: listed by `wxauth token --show` and `wxauth jssdk ticket --show`. */
export interface OtherEntries {
  basic: number;
  tickets: number;
  /** ` --profile X` for the commands that show them, '' for the default profile. */
  p: string;
}

/**
 * What the cache holds under a name no saved profile has (and no WXAUTH_* account gives): what `profile
 * remove` left, which no command uses; `tokens clear` removes all of it.
 */
export interface LeftoverEntries {
  users: number;
  basic: number;
  tickets: number;
  /** ` --profile X` for the command that clears it, '' for the default profile. */
  p: string;
}

export type TokensCommandResult =
  | { action: 'list'; profile: string; /** The appid this run uses (WXAUTH_APPID may name another than the cached users'). */ appid?: string; now: number; file: string; users: CachedUserView[]; others: OtherEntries; login: MessageRef; leftover?: LeftoverEntries }
  /** `pickedOnly`: no openid was given and this is the only user cached for the profile (said on stderr). */
  | { action: 'show'; profile: string; now: number; user: CachedUserView; revealed: boolean; pickedOnly: boolean; leftover?: LeftoverEntries }
  /** `droppedOthers`: the basic tokens and tickets a leftover name held, removed with its users. */
  | { action: 'clear'; profile: string; openid?: string; removed: number; others: OtherEntries; leftover?: LeftoverEntries; droppedOthers?: { basic: number; tickets: number } };

/** The kinds of entries counted, each there at least once ("0 jsapi_ticket(s)" says nothing); profile remove's question too. */
export function heldKinds(out: Pick<Output, 't'>, held: { users?: number; basic: number; tickets: number }): string[] {
  const kinds: string[] = [];
  if (held.users) kinds.push(out.t('tokens.held.users', { count: held.users }));
  if (held.basic > 0) kinds.push(out.t('tokens.held.basic', { count: held.basic }));
  if (held.tickets > 0) kinds.push(out.t('tokens.held.tickets', { count: held.tickets }));
  return kinds;
}

/** A name no saved profile has: said before what it holds, with the command that removes it all. */
function noteLeftover(out: Output, profile: string, leftover: LeftoverEntries | undefined): void {
  if (leftover) out.warning('tokens.leftover', out.t('tokens.leftover', { profile, held: heldKinds(out, leftover), p: leftover.p }));
}

/** The basic tokens and tickets kept beside the users, said as a note (tokens lists and clears users only). */
function noteOthers(out: Output, others: OtherEntries): void {
  if (others.basic === 0 && others.tickets === 0) return;
  out.note(out.t('tokens.others', { basic: others.basic, tickets: others.tickets, p: others.p }));
}

/** Ask before removing `count` cached users (all of the profile, or the one of `openid`). */
export async function confirmClear(
  ctx: Pick<Context, 'out' | 'interactive' | 'prompts'>,
  c: { yes: boolean; count: number; openid?: string; profile: string; leftover?: LeftoverEntries },
): Promise<void> {
  if (c.leftover && !c.openid) {
    await confirmOrCancel(ctx, { yes: c.yes, question: { key: 'tokens.clear.leftover.confirm', params: { profile: c.profile, held: heldKinds(ctx.out, c.leftover) } } });
    return;
  }
  const what = c.openid ? ctx.out.t('tokens.clear.one', { openid: c.openid }) : ctx.out.t('tokens.clear.all', { count: c.count });
  await confirmOrCancel(ctx, { yes: c.yes, question: { key: 'tokens.clear.confirm', params: { what, profile: c.profile } } });
}

export function present(result: TokensCommandResult, out: Output): void {
  switch (result.action) {
    case 'list':
      return presentList(out, result);
    case 'show':
      return presentShow(out, result);
    case 'clear':
      out.result({
        profile: result.profile,
        openid: result.openid ?? null,
        removed: result.removed,
        kept: { basic_tokens: result.others.basic, tickets: result.others.tickets },
        saved: result.leftover === undefined,
        ...(result.droppedOthers ? { removedOthers: { basic_tokens: result.droppedOthers.basic, tickets: result.droppedOthers.tickets } } : {}),
      });
      if (result.droppedOthers) {
        // A name no profile has, cleared whole: its users, then what else it held.
        if (result.removed > 0) out.success(out.t('tokens.clear.done', { count: result.removed, profile: result.profile }));
        const others = heldKinds(out, result.droppedOthers);
        if (others.length > 0) out.success(out.t('tokens.clear.leftover.others', { profile: result.profile, held: others }));
        return;
      }
      noteLeftover(out, result.profile, result.leftover);
      if (result.removed === 0) out.say(out.t('tokens.clear.nothing', { profile: result.profile }));
      else out.success(out.t('tokens.clear.done', { count: result.removed, profile: result.profile }));
      // A leftover name's note already says how to remove the rest; the commands noteOthers names (token
      // --show, jssdk ticket) need a saved profile, which this name is not.
      if (!result.leftover) noteOthers(out, result.others);
      return;
  }
}

function presentList(out: Output, r: Extract<TokensCommandResult, { action: 'list' }>): void {
  const { users } = r;
  out.result({ profile: r.profile, saved: r.leftover === undefined, file: r.file, users: users.map(userDocument), others: { basic_tokens: r.others.basic, tickets: r.others.tickets } });
  if (r.leftover) {
    // Nothing to get tokens for (no account) nor commands that show the rest: what it holds, and how to remove it.
    noteLeftover(out, r.profile, r.leftover);
    if (users.length === 0) return;
  }
  if (users.length === 0) {
    out.say(out.t(r.others.basic + r.others.tickets > 0 ? 'tokens.list.noUsers' : 'tokens.list.empty', { profile: r.profile, login: r.login, p: r.others.p }));
    noteOthers(out, r.others);
    return;
  }
  // An appid column when the users are of several apps, or of another app than this run's (WXAUTH_APPID
  // naming another account): a list without it reads as this run's app's users.
  const manyApps = new Set(users.map((u) => u.entry.appid)).size > 1 || (r.appid !== undefined && users.some((u) => u.entry.appid !== r.appid));
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
      shortLife(out, u.status.access, r.now),
      shortLife(out, u.status.refresh, r.now),
      formatLocalTime(u.entry.obtainedAt),
    ]),
  );
  out.note(out.t('tokens.list.summary', { profile: r.profile, count: users.length, file: r.file }));
  if (!r.leftover) noteOthers(out, r.others);
}

function presentShow(out: Output, r: Extract<TokensCommandResult, { action: 'show' }>): void {
  const v = r.user;
  out.result({ profile: r.profile, saved: r.leftover === undefined, picked_only_user: r.pickedOnly, user: userDocument(v) });
  noteLeftover(out, r.profile, r.leftover);
  const { entry, status } = v;
  if (r.pickedOnly) out.note(out.t('tokens.show.onlyUser', { profile: r.profile, openid: entry.openid }));
  out.fields([
    ['appid', entry.appid],
    ['openid', entry.openid],
    ['unionid', entry.unionid ?? out.t('tokens.value.none')],
    ['scope', entry.scope],
    ['access_token', v.accessToken],
    [out.t('tokens.label.expires'), showLife(out, status.access, r.now)],
    ['refresh_token', v.refreshToken ?? out.t('tokens.value.none')],
    [out.t('tokens.label.refreshExpires'), status.refresh ? showLife(out, status.refresh, r.now) : undefined],
    [out.t('tokens.label.obtained'), formatLocalTime(entry.obtainedAt)],
    ['is_snapshotuser', entry.isSnapshotUser ? '1' : undefined],
  ]);
  if (!r.revealed) out.note(out.t('tokens.show.secretsHidden'));
  if (entry.isSnapshotUser) out.warning('tokens.snapshot.explain', out.t('tokens.snapshot.explain'));
}

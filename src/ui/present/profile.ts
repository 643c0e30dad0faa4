// wxauth profile: the listing is data (stdout); confirmations are talk (stderr).
import type { ProfileResult } from '../../commands/profile.js';
import { tOptional } from '../i18n.js';
import type { Output } from '../output.js';

export function present(result: ProfileResult, out: Output): void {
  switch (result.sub) {
    case 'list':
      out.result({ current: result.current, profiles: result.profiles });
      if (result.profiles.length === 0) {
        out.say(out.t('profile.list.empty'));
        return;
      }
      out.table(
        ['', out.t('profile.list.name'), out.t('profile.list.type'), out.t('profile.list.appid'), out.t('profile.list.secret'), out.t('profile.list.domain')],
        result.profiles.map((p) => [p.current ? '*' : '', p.name, p.type ? (tOptional(out.lang, `account.typeName.${p.type}`) ?? p.type) : '-', p.appid ?? '-', p.secret ?? '-', p.domain ?? '-']),
      );
      for (const name of result.unusable) out.warning('profile.reserved', out.t('profile.list.reserved', { name, file: result.file }));
      return;
    case 'use':
      out.result({ current: result.current });
      out.success(out.t('profile.use.done', { profile: result.current }));
      return;
    case 'rename':
      out.result({
        renamed: true,
        from: result.from,
        to: result.to,
        replaced: result.replaced,
        current: result.current,
        movedUsers: result.movedUsers,
        stateMoved: result.stateMoved,
        dropped: result.dropped,
      });
      out.success(out.t(result.replaced ? 'profile.rename.done.replaced' : 'profile.rename.done', { from: result.from, to: result.to }));
      if (result.current) out.note(out.t('profile.rename.current', { to: result.to }));
      if (result.movedUsers > 0 && result.stateMoved) out.note(out.t('profile.rename.tokensMoved', { count: result.movedUsers, to: result.to }));
      else if (result.movedUsers > 0) out.note(out.t('profile.rename.usersMoved', { count: result.movedUsers, to: result.to }));
      else if (result.stateMoved) out.note(out.t('profile.rename.stateMoved'));
      if (result.dropped.users + result.dropped.basic + result.dropped.tickets > 0) out.note(out.t('profile.rename.dropped', { to: result.to, what: droppedKinds(result.dropped, out) }));
      if (result.oldTokensLeft) out.warning('profile.rename.oldTokensLeft', out.t('profile.rename.oldTokensLeft', { from: result.from, to: result.to, reason: result.oldTokensLeft }));
      if (result.envNamesOld) out.warning('profile.rename.env', out.t('profile.rename.env', { from: result.from, to: result.to }));
      return;
    case 'remove':
      out.result({
        removed: true,
        profile: result.profile,
        cachedUsers: result.cachedUsers ?? null,
        wasCurrent: result.wasCurrent,
        current: result.wasCurrent ? result.fallback : undefined,
        ...(result.clearedTokens ? { clearedTokens: result.clearedTokens } : {}),
      });
      out.success(out.t('profile.remove.done', { profile: result.profile }));
      if (result.clearedTokens) out.success(out.t('profile.remove.tokens.cleared', { what: droppedKinds(result.clearedTokens, out) }));
      if (result.clearFailed) out.warning('profile.remove.tokens.failed', out.t('profile.remove.tokens.failed', { profile: result.profile, reason: result.clearFailed }));
      if (result.wasCurrent) {
        if (result.remaining.length === 0) out.note(out.t('profile.remove.wasCurrent.last'));
        // The removed one was "default" itself (never chosen with profile use): nothing is current now.
        else if (result.fallback === result.profile) out.warning('profile.remove.wasCurrent', out.t('profile.remove.wasCurrent.none', { profiles: result.remaining }));
        else
          out.warning(
            'profile.remove.wasCurrent',
            out.t('profile.remove.wasCurrent', { fallback: result.fallback, missing: result.remaining.includes(result.fallback) ? '' : out.t('profile.remove.wasCurrent.missing'), profiles: result.remaining }),
          );
      }
      // Tokens are kept per profile name: the command that clears them names this profile, which is
      // no longer (if it ever was) the one used without --profile.
      if (result.cachedUsers === undefined) out.say(out.style.cyan('→ ') + out.t('profile.remove.tokensMaybe', { profile: result.profile }));
      else if (result.cachedUsers > 0) out.say(out.style.cyan('→ ') + out.t('profile.remove.tokensLeft', { profile: result.profile, count: result.cachedUsers }));
      return;
  }
}

/** What a replaced profile had cached, each kind it held at least one of ("0 jsapi_ticket(s)" says nothing). */
function droppedKinds(dropped: { users: number; basic: number; tickets: number }, out: Output): string[] {
  const kinds: string[] = [];
  if (dropped.users > 0) kinds.push(out.t('profile.rename.dropped.users', { count: dropped.users }));
  if (dropped.basic > 0) kinds.push(out.t('profile.rename.dropped.basic', { count: dropped.basic }));
  if (dropped.tickets > 0) kinds.push(out.t('profile.rename.dropped.tickets', { count: dropped.tickets }));
  return kinds;
}

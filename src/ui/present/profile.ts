// wxauth profile: the listing is data (stdout); confirmations are talk (stderr).
import type { ProfileResult } from '../../commands/profile.js';
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
        ['', 'profile', 'type', 'appid', 'secret', 'domain'],
        result.profiles.map((p) => [p.current ? '*' : '', p.name, p.type ?? '-', p.appid ?? '-', p.secret ?? '-', p.domain ?? '-']),
      );
      return;
    case 'use':
      out.result({ current: result.current });
      out.success(out.t('profile.use.done', { profile: result.current }));
      return;
    case 'remove':
      out.result({ removed: true, profile: result.profile });
      out.success(out.t('profile.remove.done', { profile: result.profile }));
      return;
  }
}

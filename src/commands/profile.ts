// wxauth profile list|use|remove
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { maskSecret } from '../core/validate.js';
import { pickProfileName } from '../store/resolve.js';
import { validateProfileName } from '../store/config.js';

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const [action, name] = args;
  const store = await ctx.configStore();
  const { out } = ctx;
  switch (action) {
    case 'list': {
      const current = pickProfileName(ctx.globals, ctx.env, store.currentProfile()).name;
      const profiles = store.profiles();
      const list = Object.entries(profiles).map(([profile, data]) => ({
        name: profile,
        current: profile === current,
        type: data.type ?? null,
        appid: data.appid ?? null,
        secret: data.secret ? (ctx.globals.showSecrets ? data.secret : maskSecret(data.secret)) : null,
        domain: data.domain ?? null,
      }));
      out.result({ current, profiles: list });
      if (list.length === 0) {
        out.say(out.t('profile.list.empty'));
        return;
      }
      out.table(
        ['', 'profile', 'type', 'appid', 'secret', 'domain'],
        list.map((p) => [p.current ? '*' : '', p.name, p.type ?? '-', p.appid ?? '-', p.secret ?? '-', p.domain ?? '-']),
      );
      return;
    }
    case 'use': {
      const profile = validateProfileName(name ?? '');
      store.useProfile(profile);
      out.result({ current: profile });
      out.success(out.t('profile.use.done', { profile }));
      return;
    }
    case 'remove': {
      const profile = validateProfileName(name ?? '');
      if (!store.getProfile(profile)) store.removeProfile(profile); // throws the "unknown profile" error
      if (!opts.yes) {
        if (!ctx.interactive) {
          throw new UsageError({ key: 'common.confirmNeedsYes' }, { hint: { key: 'common.confirmNeedsYes.hint' } });
        }
        const prompts = await ctx.prompts();
        if (!(await prompts.confirm({ message: out.t('profile.remove.confirm', { profile }), default: false }))) {
          out.result({ removed: false, profile });
          return;
        }
      }
      store.removeProfile(profile);
      out.result({ removed: true, profile });
      out.success(out.t('profile.remove.done', { profile }));
      return;
    }
    default:
      throw new UsageError({ key: 'common.commander', params: { detail: `profile ${action ?? ''}` } }, { hint: { key: 'common.commander.hint' } });
  }
}

// wxauth tokens [list | show <openid> | clear [openid]]: the user-token cache of the profile.
// Tokens are never listed; `show` masks them unless --show-secrets.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { tokenStatus } from '../core/token.js';
import { maskSecret } from '../core/validate.js';
import { profileFlag } from '../core/next-step.js';
import type { UserTokenEntry } from '../store/token-cache.js';
import { presentTokenClear, presentTokenList, presentTokenShow, type CachedUserView } from '../ui/present-tokens.js';

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const [action = 'list', openid] = args;
  const config = await ctx.resolveConfig();
  const tokens = await ctx.tokenStore();
  const { out } = ctx;
  const profile = config.profile;
  const p = profileFlag(profile);
  const reveal = ctx.globals.showSecrets === true;
  const now = ctx.now();
  const base = { now, profile, profileFlag: p };
  const view = (entry: UserTokenEntry): CachedUserView => ({
    entry,
    status: tokenStatus(entry, now),
    accessToken: reveal ? entry.accessToken : maskSecret(entry.accessToken),
    refreshToken: entry.refreshToken === undefined ? undefined : reveal ? entry.refreshToken : maskSecret(entry.refreshToken),
  });

  switch (action) {
    case 'list': {
      if (openid !== undefined) return run(ctx, ['show', openid], opts);
      presentTokenList(out, tokens.listUsers(profile).map(view), { ...base, file: tokens.path });
      return;
    }
    case 'show': {
      if (!openid) throw new UsageError({ key: 'tokens.show.openidNeeded' }, { hint: { key: 'tokens.show.openidNeeded.hint', params: { p } } });
      const entry = tokens.listUsers(profile).find((u) => u.openid === openid);
      if (!entry) {
        throw new UsageError({ key: 'tokens.noCachedOpenid', params: { profile, openid } }, { hint: { key: 'tokens.noCachedUser.hint', params: { p } } });
      }
      presentTokenShow(out, view(entry), { ...base, revealed: reveal });
      return;
    }
    case 'clear': {
      const count = tokens.listUsers(profile).filter((u) => !openid || u.openid === openid).length;
      if (count === 0) {
        presentTokenClear(out, 0, { ...base, openid });
        return;
      }
      if (!opts.yes) {
        if (!ctx.interactive) {
          throw new UsageError({ key: 'common.confirmNeedsYes' }, { hint: { key: 'common.confirmNeedsYes.hint' } });
        }
        const prompts = await ctx.prompts();
        const what = openid ? out.t('tokens.clear.one', { openid }) : out.t('tokens.clear.all', { count });
        if (!(await prompts.confirm({ message: out.t('tokens.clear.confirm', { what, profile }), default: false }))) {
          out.result({ profile, openid: openid ?? null, removed: 0 });
          out.say(out.t('tokens.clear.kept'));
          return;
        }
      }
      presentTokenClear(out, tokens.removeUsers(profile, openid), { ...base, openid });
      return;
    }
    default:
      throw new UsageError({ key: 'tokens.action.invalid', params: { action } }, { hint: { key: 'tokens.action.invalid.hint' } });
  }
}

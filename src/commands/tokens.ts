// wxauth tokens [list | show [openid] | clear [openid]]: the user-token cache of the profile.
// Tokens are never listed; `show` masks them unless --show-secrets.
import { suggest } from '../core/closest.js';
import { noCachedUser } from '../flows/no-cached-user.js';
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { UsageError, type MessageRef } from '../errors.js';
import { looksLikeOpenid, tokenStatus } from '../core/token.js';
import { maskSecret } from '../core/validate.js';
import { authorizeAgain } from '../core/next-step.js';
import { profileFlag } from '../core/validate.js';
import { refuseUnknownProfile, unknownProfileName, withoutNearProfile, type ResolvedConfig } from '../store/resolve.js';
import type { DroppedTokens, UserTokenEntry } from '../store/token-cache.js';
import { confirmClear, type LeftoverEntries, type TokensCommandResult } from '../ui/present/tokens.js';
import type { CachedUserView } from '../ui/present/tokens-common.js';

export interface TokensOptions {
  action: 'list' | 'show' | 'clear';
  openid?: string;
  yes: boolean;
}

export function parseOptions({ args, opts, profile }: CommandInput): TokensOptions {
  const [action = 'list', openid] = args;
  if (action !== 'list' && action !== 'show' && action !== 'clear') {
    // `tokens lst`, `tokens clean`: name the action meant, as a mistyped command is answered; an openid
    // where the action goes (`tokens o8Lw…`): the command that shows that user.
    const p = profileFlag(profile ?? 'default');
    const meant = looksLikeOpenid(action) ? `show ${action}` : suggest(action, ['list', 'show', 'clear']);
    const hint = meant ? ({ key: 'tokens.action.didYouMean', params: { suggestion: meant, p } } as const) : ({ key: 'tokens.action.invalid.hint' } as const);
    throw new UsageError({ key: 'tokens.action.invalid', params: { action } }, { hint });
  }
  // `tokens list <openid>` shows that user.
  return { action: action === 'list' && openid !== undefined ? 'show' : action, ...(openid !== undefined ? { openid } : {}), yes: opts.yes === true };
}

/**
 * The run's configuration, for a name only the token cache still knows too: what `profile remove` left
 * (its advice is `wxauth --profile X tokens clear`), taken though it is one slip from a saved profile
 * (`p2` beside `p0`), which the resolver otherwise refuses as that profile mistyped. `clear` never says
 * "Did you mean p0?": another profile's wipe would be one edit away.
 */
async function configFor(options: TokensOptions, ctx: Context): Promise<ResolvedConfig> {
  try {
    return await ctx.resolveConfig();
  } catch (error) {
    const name = unknownProfileName(error);
    if (name !== undefined && (await holds(ctx, name))) return ctx.resolveConfig({ cachedName: name });
    throw options.action === 'clear' ? withoutNearProfile(error) : error;
  }
}

const isHeld = (held: DroppedTokens): boolean => held.users + held.basic + held.tickets > 0;

/** Whether the cache holds anything under `name`; a cache that cannot be read leaves the name's refusal to be said first. */
async function holds(ctx: Context, name: string): Promise<boolean> {
  try {
    return isHeld((await ctx.tokenStore()).heldUnder(name));
  } catch {
    return false;
  }
}

export async function run(options: TokensOptions, ctx: Context): Promise<TokensCommandResult> {
  const { openid } = options;
  const config = await configFor(options, ctx);
  const tokens = await ctx.tokenStore();
  const profile = config.profile;
  const p = profileFlag(profile);
  // `tokens clear "$OPENID" --yes` with the variable unset: an empty openid is not "every user". For show,
  // a mistake in the command line (exit 2), not a user missing from the cache (exit 4).
  if (openid !== undefined && openid.trim() === '') {
    if (options.action === 'clear') throw new UsageError({ key: 'tokens.clear.emptyOpenid' }, { hint: { key: 'tokens.clear.emptyOpenid.hint', params: { p } } });
    throw new UsageError({ key: 'tokens.show.emptyOpenid' }, { hint: { key: 'tokens.show.openidNeeded.hint', params: { p } } });
  }
  const reveal = ctx.globals.showSecrets === true;
  const now = ctx.now();
  // A typo in --profile: said so (tokens lists every appid's users, so a refused appid does not matter here).
  const held = tokens.heldUnder(profile);
  refuseUnknownProfile(config, held.users + held.basic + held.tickets, options.action !== 'clear');
  // No saved profile and no account from WXAUTH_*: what the cache holds under the name is what a removed
  // profile left (or a hand-made entry), which nothing uses; said, and `clear` removes all of it. Its
  // command names the profile even when it is "default": another profile may be the current one.
  const leftover: LeftoverEntries | undefined = !config.profileExists && config.appid === undefined && isHeld(held) ? { ...held, p: p || ' --profile default' } : undefined;
  const view = (entry: UserTokenEntry): CachedUserView => ({
    entry,
    status: tokenStatus(entry, now),
    accessToken: reveal ? entry.accessToken : maskSecret(entry.accessToken),
    refreshToken: entry.refreshToken === undefined ? undefined : reveal ? entry.refreshToken : maskSecret(entry.refreshToken),
  });

  switch (options.action) {
    case 'list':
      return { action: 'list', profile, appid: config.appid, now, file: tokens.path, users: tokens.listUsers(profile).map(view), others: { ...tokens.otherEntries(profile), p }, login: authorizeAgain(profile, config.redirectUri), ...(leftover ? { leftover } : {}) };
    case 'show': {
      if (!openid) {
        // As gh and kubectl do with the one candidate there is: the only cached user is shown, and named
        // (presenter); with several, each could be meant, so the refusal names them; with none, there is
        // no token to show (exit 4, as check and refresh on an empty cache).
        const users = tokens.listUsers(profile); // latest first
        const only = users.length === 1 ? users[0] : undefined;
        if (only) return { action: 'show', profile, now, user: view(only), revealed: reveal, pickedOnly: true, ...(leftover ? { leftover } : {}) };
        if (users.length === 0) throw noCachedUser(profile, undefined, tokens, undefined, config.redirectUri);
        const openids = users.slice(0, 5).map((u) => u.openid);
        const params = { openids, first: openids[0] ?? '', count: users.length, p };
        // Five at most: the hint says so when there are more (wxauth tokens lists them all).
        const hint: MessageRef =
          users.length > openids.length ? { key: 'tokens.show.openidNeeded.more.hint', params } : { key: 'tokens.show.openidNeeded.many.hint', params };
        throw new UsageError({ key: 'tokens.show.openidNeeded.many', params: { count: users.length, profile } }, { hint });
      }
      const entry = tokens.listUsers(profile).find((u) => u.openid === openid);
      // Like check/refresh/userinfo with no cached token: a missing credential (exit 4), not a usage
      // mistake, with the cached openid a character off named (every appid: tokens lists them all).
      if (!entry) throw noCachedUser(profile, openid, tokens, undefined, config.redirectUri);
      return { action: 'show', profile, now, user: view(entry), revealed: reveal, pickedOnly: false, ...(leftover ? { leftover } : {}) };
    }
    case 'clear': {
      const count = tokens.listUsers(profile).filter((u) => !openid || u.openid === openid).length;
      // A named user not cached (an openid mistyped, or cached under another profile): exit 4 as
      // `tokens show` does, so a script's "clear" of a wrong openid does not pass for done.
      if (openid !== undefined && count === 0) throw noCachedUser(profile, openid, tokens, undefined, config.redirectUri, true);
      if (leftover && !openid) {
        // Everything the name holds goes, basic tokens and tickets too: no profile uses them, and no
        // other command would reach them (token --show needs a profile's account).
        await confirmClear(ctx, { yes: options.yes, count, profile, leftover });
        const dropped = tokens.removeProfile(profile);
        return { action: 'clear', profile, removed: dropped.users, others: { basic: 0, tickets: 0, p }, leftover, droppedOthers: { basic: dropped.basic, tickets: dropped.tickets } };
      }
      if (count > 0) await confirmClear(ctx, { yes: options.yes, count, openid, profile });
      return { action: 'clear', profile, openid, removed: count > 0 ? tokens.removeUsers(profile, openid) : 0, others: { ...tokens.otherEntries(profile), p }, ...(leftover ? { leftover } : {}) };
    }
  }
}

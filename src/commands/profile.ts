// wxauth profile list|use|rename|remove
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { ConfigError, UsageError, WxauthError, type MessageRef } from '../errors.js';
import { maskSecret } from '../core/validate.js';
import { isReservedName, noProfilesHint, noSuchProfile, pickProfileName } from '../store/resolve.js';
import { validateProfileName } from '../store/config.js';
import type { DroppedTokens, TokenRename } from '../store/token-cache.js';
import { askYesNo, confirmOrCancel } from '../ui/present/confirm.js';

export type ProfileOptions =
  | { sub: 'list' }
  | { sub: 'use'; name: string }
  | { sub: 'rename'; from: string; to: string; yes: boolean }
  | { sub: 'remove'; name: string; yes: boolean };

export interface ListedProfile {
  name: string;
  current: boolean;
  type: string | null;
  appid: string | null;
  /** Masked unless --show-secrets. */
  secret: string | null;
  domain: string | null;
}

export type ProfileResult =
  | {
      sub: 'list';
      current: string;
      profiles: ListedProfile[];
      /** Profiles config.json holds under a name wxauth refuses (`__proto__`, `constructor`…: written by hand), which no command can use, rename or remove. */
      unusable: string[];
      file: string;
    }
  | { sub: 'use'; current: string }
  | {
      sub: 'rename';
      from: string;
      to: string;
      /** A saved profile of the new name was replaced (the user agreed). */
      replaced: boolean;
      /** It is the profile commands use without --profile (before, and so after: the pointer followed it). */
      current: boolean;
      /** User tokens of the cache that moved with it. */
      movedUsers: number;
      /** A state it remembered (a state file, or an older wxauth's entry in tokens.json) moved with it. */
      stateMoved: boolean;
      /** What the token cache held under the new name before, dropped (a replaced profile's, or a removed one's leftovers). */
      dropped: DroppedTokens;
      /** Its entries were copied to the new name, but the write removing them from the old one failed: why. */
      oldTokensLeft?: MessageRef;
      /** WXAUTH_PROFILE in this shell names the old name: commands run here look for a profile that is gone. */
      envNamesOld: boolean;
    }
  /** cachedUsers: user tokens the token cache still holds for the removed profile (undefined: unknown). */
  | {
      sub: 'remove';
      profile: string;
      cachedUsers?: number;
      /** It was the profile commands use without --profile; then which they use now, and which remain. */
      wasCurrent: boolean;
      fallback: string;
      remaining: string[];
      /** Asked on a terminal and agreed: what the token cache held under its name, removed with it. */
      clearedTokens?: DroppedTokens;
      /** Agreed, but the token cache could not be written: why (the profile is removed all the same). */
      clearFailed?: MessageRef;
    };

/**
 * A saved profile's name as given: a built-in property's name (`__proto__`) is refused in run(), where
 * config.json says whether a profile was written there by hand under it (then the way out is to edit
 * the file, not to pick another name).
 */
function savedName(name: string): string {
  return isReservedName(name) ? name : validateProfileName(name);
}

export function parseOptions(input: CommandInput): ProfileOptions {
  const [name] = input.args;
  switch (input.sub) {
    case 'list':
      return { sub: 'list' };
    case 'use':
      return { sub: 'use', name: savedName(name ?? '') };
    case 'rename': {
      const from = savedName(name ?? '');
      const to = validateProfileName(input.args[1] ?? '');
      if (from === to) throw new UsageError({ key: 'profile.rename.same', params: { profile: from } }, { hint: { key: 'profile.rename.same.hint' } });
      return { sub: 'rename', from, to, yes: input.opts.yes === true };
    }
    case 'remove':
      return { sub: 'remove', name: savedName(name ?? ''), yes: input.opts.yes === true };
    default:
      throw new UsageError({ key: 'common.commander', params: { detail: `profile ${input.sub ?? ''}` } }, { hint: { key: 'common.commander.hint', params: { command: 'wxauth profile' } } });
  }
}

/** A rename's failure with where it left things (`state`) said as a note (a fact, not a further failure); any other error as it came. */
function said(error: unknown, state: MessageRef): unknown {
  if (error instanceof WxauthError) error.notes.push(state);
  return error;
}

/** What the cache holds under `profile`; undefined if the cache cannot be read (the question is then not asked). */
async function heldUnder(ctx: Context, profile: string): Promise<DroppedTokens | undefined> {
  try {
    return (await ctx.tokenStore()).heldUnder(profile);
  } catch {
    return undefined;
  }
}

/** How many user tokens the cache holds for `profile`; undefined if the cache cannot be read (it is not ours to report here). */
async function cachedUsers(ctx: Context, profile: string): Promise<number | undefined> {
  try {
    return (await ctx.tokenStore()).listUsers(profile).length;
  } catch {
    return undefined;
  }
}

/**
 * `profile remove` of a name no profile has: never "Did you mean p0?" (a removal one edit away from
 * another profile's), and when the token cache still holds what a profile of that name left (an earlier
 * remove), the command that clears it.
 */
async function noSuchProfileToRemove(ctx: Context, profile: string, names: string[]): Promise<ConfigError> {
  let held = 0;
  try {
    const h = (await ctx.tokenStore()).heldUnder(profile);
    held = h.users + h.basic + h.tickets;
  } catch {
    // A cache that cannot be read is the token commands' to report; the refusal stands without it.
  }
  const message = noSuchProfile(profile, names, false);
  if (held > 0) return new ConfigError(message, { hint: { key: 'profile.remove.unknown.cached.hint', params: { profile, profiles: names } } });
  if (names.length === 0) return new ConfigError(message, { hint: noProfilesHint(profile) });
  return new ConfigError(message, { hint: { key: 'config.profile.unknown.hint', params: { profiles: names } } });
}

export async function run(options: ProfileOptions, ctx: Context): Promise<ProfileResult> {
  const store = await ctx.configStore();
  const named = options.sub === 'use' || options.sub === 'remove' ? options.name : options.sub === 'rename' ? options.from : undefined;
  if (named !== undefined && isReservedName(named)) {
    // Refused as everywhere (store/config.ts refuseReservedName); one the file holds is told how to get rid of it.
    const saved = Object.keys(store.profiles()).includes(named);
    throw new UsageError({ key: 'config.profile.reserved', params: { name: named } }, { hint: saved ? { key: 'profile.reserved.saved.hint', params: { file: store.path } } : { key: 'config.profile.reserved.hint' } });
  }
  switch (options.sub) {
    case 'list': {
      const current = pickProfileName(ctx.globals, ctx.env, store.currentProfile(), { profiles: store.profiles(), file: store.path }).name;
      const profiles = Object.entries(store.profiles()).map(([name, data]) => ({
        name,
        current: name === current,
        type: data.type ?? null,
        appid: data.appid ?? null,
        secret: data.secret ? (ctx.globals.showSecrets ? data.secret : maskSecret(data.secret)) : null,
        domain: data.domain ?? null,
      }));
      // Listed as the file holds them, and said: --profile, use, rename and remove all refuse such a name.
      return { sub: 'list', current, profiles, unusable: profiles.map((p) => p.name).filter(isReservedName), file: store.path };
    }
    case 'use':
      store.useProfile(options.name);
      return { sub: 'use', current: options.name };
    case 'rename': {
      const { from, to } = options;
      // Every refusal before anything is written: "from" unknown (exit 4), "to" a name a new profile cannot take.
      store.checkRename(from, to);
      const replaced = store.getProfile(to) !== undefined;
      if (replaced) await confirmOrCancel(ctx, { yes: options.yes, question: { key: 'profile.rename.replace.confirm', params: { from, to } } });
      // The token cache is written first, in a write that can be undone: a cache that does not read or
      // cannot be written stops the rename here, nothing changed, rather than leaving the tokens under a
      // name no profile has. What the new name held there goes (another profile's: never mixed in).
      const tokens = await ctx.tokenStore();
      let move: TokenRename;
      try {
        move = tokens.beginRename(from, to);
      } catch (error) {
        throw said(error, { key: 'profile.rename.failed.nothing', params: { from } });
      }
      let current: boolean;
      try {
        current = store.renameProfile(from, to);
      } catch (error) {
        try {
          move.undo();
        } catch {
          throw said(error, { key: 'profile.rename.failed.copied', params: { from, to } });
        }
        throw said(error, { key: 'profile.rename.failed.nothing', params: { from } });
      }
      // Renamed: a second write failing now leaves a copy of its entries under the old name, which is said.
      let oldTokensLeft: MessageRef | undefined;
      try {
        move.finish();
      } catch (error) {
        if (!(error instanceof WxauthError)) throw error;
        oldTokensLeft = error.messageRef;
      }
      const stateMoved = (await ctx.stateFiles()).rename(from, to) > 0 || move.movedState;
      return {
        sub: 'rename',
        from,
        to,
        replaced,
        current,
        movedUsers: move.movedUsers,
        stateMoved,
        dropped: move.dropped,
        ...(oldTokensLeft ? { oldTokensLeft } : {}),
        envNamesOld: ctx.env.WXAUTH_PROFILE === from,
      };
    }
    case 'remove': {
      const profile = options.name;
      if (!store.getProfile(profile)) throw await noSuchProfileToRemove(ctx, profile, Object.keys(store.profiles()));
      // Declining is the same outcome as Ctrl-C at the prompt: nothing removed, exit 130.
      await confirmOrCancel(ctx, { yes: options.yes, question: { key: 'profile.remove.confirm', params: { profile } } });
      // On a terminal, what it cached may go too (asked, "no" the default: saved data is kept unless
      // asked, as README says and --yes does); asked before anything is removed, so Ctrl-C changes nothing.
      const held = options.yes || !ctx.interactive ? undefined : await heldUnder(ctx, profile);
      const kinds = async (h: DroppedTokens) => (await import('../ui/present/tokens.js')).heldKinds(ctx.out, h);
      const clearTokens = held !== undefined && held.users + held.basic + held.tickets > 0 && (await askYesNo(ctx, { key: 'profile.remove.tokens.confirm', params: { profile, held: await kinds(held) } }));
      // The profile commands use without --profile, as this run picks it (WXAUTH_PROFILE included).
      const wasCurrent = pickProfileName({}, ctx.env, store.currentProfile()).name === profile;
      store.removeProfile(profile);
      // Its remembered state goes with it (the token cache keeps its users: listed below, for `tokens clear`).
      (await ctx.stateFiles()).remove(profile);
      const remaining = Object.keys(store.profiles());
      const fallback = pickProfileName({}, ctx.env, store.currentProfile()).name;
      // The profile is gone whatever this write does: a cache that cannot be written is said, with the command that retries.
      let clearedTokens: DroppedTokens | undefined;
      let clearFailed: MessageRef | undefined;
      if (clearTokens) {
        try {
          clearedTokens = (await ctx.tokenStore()).removeProfile(profile);
        } catch (error) {
          if (!(error instanceof WxauthError)) throw error;
          clearFailed = error.messageRef;
        }
      }
      return {
        sub: 'remove',
        profile,
        cachedUsers: clearedTokens ? 0 : await cachedUsers(ctx, profile),
        wasCurrent,
        fallback,
        remaining,
        ...(clearedTokens ? { clearedTokens } : {}),
        ...(clearFailed ? { clearFailed } : {}),
      };
    }
  }
}

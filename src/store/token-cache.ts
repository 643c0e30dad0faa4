// The token cache: user tokens (per profile, appid and openid), basic access_tokens and jsapi_tickets
// (per profile, appid and issuing host: cacheSlot). A file apart from the config, mode 0600; it never holds the appsecret.
// Every write re-reads the file under a lock, so two processes keep both entries. The state `wxauth
// url` issued last has a file of its own now (store/state.ts); one an older wxauth wrote here is still
// read (legacyState) and kept as it is.
import { UsageError, type MessageRef } from '../errors.js';
import { isStoredTime, JsonFile, jsonFilePath, narrowEntry, narrowMap, narrowObject, type FieldRule, type ModeTightened } from './files.js';
import { isReservedName } from './resolve.js';
import { narrowStateEntry, type StateEntry } from './state.js';

export interface UserTokenEntry {
  appid: string;
  openid: string;
  unionid?: string;
  scope: string;
  accessToken: string;
  /** ms since epoch */
  accessTokenExpiresAt: number;
  refreshToken?: string;
  /** ms since epoch; WeChat documents 30 days from the authorisation */
  refreshTokenExpiresAt?: number;
  obtainedAt: number;
  isSnapshotUser?: boolean;
  /**
   * Who issued it: `wechat`, or the origin of another API host (an emulator; core/endpoints.ts
   * tokenHostOf). Absent in entries saved before wxauth kept it. A token is never sent to another host
   * than its issuer's.
   */
  issuer?: string;
}

/**
 * A code wxauth exchanged: a digest of it (flows/user-token.ts codeDigest), never the code, with when,
 * for which appid, profile and user. When the same code is exchanged again (40163, or 40029 where
 * WeChat answers a reused code so), the error can say wxauth itself spent it. Kept apart from the
 * users' tokens, for the whole file: a newer code of the same user does not erase it, and another
 * profile of the same app still recognises it. `tokens clear` removes the records of the users it
 * removes. Recorded: codes whose tokens were saved (not --no-save, not a failed save), and codes an
 * exchange was cancelled on (Ctrl-C) or lost its answer on (a timeout, a cut connection, an answer that
 * was not WeChat's), with openid '': they may or may not have reached WeChat.
 */
export interface SpentCodeEntry {
  digest: string;
  appid: string;
  profile: string;
  openid: string;
  /** ms since epoch */
  at: number;
  /**
   * With openid '': how the answer was lost. Absent: the run was cancelled (Ctrl-C); `timeout` / `reset`:
   * the request went out and no answer came (the connection timed out or was cut); `answer`: what came
   * back was not WeChat's (a gateway's error page, a malformed body); `tokens`: an answer with an
   * access_token but not WeChat's whole answer (openid missing), so the code was spent and nothing kept.
   */
  lost?: SpentCodeLoss;
}

export type SpentCodeLoss = 'timeout' | 'reset' | 'answer' | 'tokens';
const SPENT_CODE_LOSSES: readonly unknown[] = ['timeout', 'reset', 'answer', 'tokens'] satisfies SpentCodeLoss[];

/** How many spent codes the file keeps (the newest; a code lives 5–10 minutes). */
export const SPENT_CODES_KEPT = 100;

/** A cached basic token (src/flows/basic-token.ts reads and writes these). */
export interface BasicTokenEntry {
  appid: string;
  /** stable = /cgi-bin/stable_token; legacy = /cgi-bin/token */
  kind: 'stable' | 'legacy';
  accessToken: string;
  /** ms since epoch */
  expiresAt: number;
  obtainedAt: number;
  /** The API host that issued it when not WeChat's own (core/endpoints.ts tokenHostOf): an emulator's origin. */
  apiHost?: string;
}

interface ProfileTokens {
  users?: Record<string, UserTokenEntry>;
  basic?: Record<string, BasicTokenEntry>;
  state?: StateEntry;
}

interface TokenFile {
  profiles?: Record<string, ProfileTokens>;
  spentCodes?: SpentCodeEntry[];
}

const userKey = (appid: string, openid: string) => `${appid}:${openid}`;

const USER_REQUIRED: Record<string, FieldRule> = {
  appid: 'string',
  openid: 'string',
  scope: 'string',
  accessToken: 'string',
  accessTokenExpiresAt: 'time',
  obtainedAt: 'time',
};
const USER_OPTIONAL: Record<string, FieldRule> = {
  unionid: 'string',
  refreshToken: 'string',
  refreshTokenExpiresAt: 'time',
  isSnapshotUser: 'boolean',
};
const BASIC_REQUIRED: Record<string, FieldRule> = {
  appid: 'string',
  kind: ['stable', 'legacy'],
  accessToken: 'string',
  expiresAt: 'time',
  obtainedAt: 'time',
};
const BASIC_OPTIONAL: Record<string, FieldRule> = { apiHost: 'string' };

/**
 * Where a profile keeps an appid's basic token or ticket: WeChat's hosts share the appid's slot (the
 * only one an older wxauth wrote), each other host (an emulator) has one of its own, so the token one
 * host issued is never sent to another and blamed on "another server" when refused.
 */
export function cacheSlot(appid: string, apiHost: string | undefined): string {
  return apiHost === undefined ? appid : `${appid} ${apiHost}`;
}

/**
 * tokens.json as wxauth wrote it, every entry checked: code that lists users or refreshes a token
 * then never meets a null entry or a number where a token should be (those were exit 70). Every
 * object is prototype-free. Unknown keys are kept as they are.
 */
function narrowTokenFile(data: Record<string, unknown>): TokenFile {
  if ('profiles' in data) {
    data.profiles = narrowMap(data.profiles, 'profiles', (value, where): ProfileTokens => {
      const profile = narrowObject(value, where);
      if ('users' in profile) profile.users = narrowMap(profile.users, `${where}.users`, narrowEntry<UserTokenEntry>(USER_REQUIRED, USER_OPTIONAL));
      if ('basic' in profile) profile.basic = narrowMap(profile.basic, `${where}.basic`, narrowEntry<BasicTokenEntry>(BASIC_REQUIRED, BASIC_OPTIONAL));
      if ('state' in profile) profile.state = narrowStateEntry(profile.state, `${where}.state`);
      return profile as ProfileTokens;
    });
  }
  // Only a record of what happened, never needed to run: an entry of another shape is dropped, not refused.
  if ('spentCodes' in data) data.spentCodes = Array.isArray(data.spentCodes) ? data.spentCodes.filter(isSpentCode) : [];
  return data as TokenFile;
}

function isSpentCode(value: unknown): value is SpentCodeEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return ['digest', 'appid', 'profile', 'openid'].every((k) => typeof e[k] === 'string') && isStoredTime(e.at) && (e.lost === undefined || SPENT_CODE_LOSSES.includes(e.lost));
}

/** Tokens are kept under the profile name: one that is a built-in property name is refused (see config.ts). */
function refuseReservedProfile(profile: string): void {
  if (isReservedName(profile)) {
    throw new UsageError({ key: 'config.profile.reserved', params: { name: profile } }, { hint: { key: 'config.profile.reserved.hint' } });
  }
}

const emptyMap = <T>() => Object.create(null) as Record<string, T>;

/** Add a spent code's record (the newest last, one per digest), keeping the last SPENT_CODES_KEPT. */
function keepSpent(file: TokenFile, spent: SpentCodeEntry): void {
  file.spentCodes = [...(file.spentCodes ?? []).filter((c) => c.digest !== spent.digest), spent].slice(-SPENT_CODES_KEPT);
}

/**
 * Each emulator origin (a port-0 emulator, localhost beside 127.0.0.1) gets a slot of its own: the
 * expired ones are dropped when another is written, so tokens.json does not grow with every emulator
 * run. WeChat's slots (no apiHost) are left as they always were.
 */
function dropExpiredHostSlots(slots: Record<string, { apiHost?: string; expiresAt: number }>, now: number): void {
  for (const key of Object.keys(slots)) {
    const entry = slots[key]!;
    if (entry.apiHost !== undefined && entry.expiresAt <= now) delete slots[key];
  }
}

export class TokenStore {
  private constructor(private readonly file: JsonFile<TokenFile>) {}

  /** tokens.json's path in `dir`, without reading it. */
  static pathIn(dir: string): string {
    return jsonFilePath(dir, 'tokens');
  }

  /** `lockWaitMs`: how long a write waits for another process's lock (default 30 s). */
  static open(dir: string, options: { lockWaitMs?: number; onModeTightened?: (change: ModeTightened) => void } = {}): TokenStore {
    return new TokenStore(
      new JsonFile<TokenFile>(dir, 'tokens', {
        narrow: narrowTokenFile,
        wrongShapeHint: 'config.file.wrongShape.tokens.hint',
        unreadableHint: 'config.file.unreadable.tokens.hint',
        readOnlyHint: 'config.file.readOnly.tokens.hint',
        lockWaitMs: options.lockWaitMs,
        onModeTightened: options.onModeTightened,
      }),
    );
  }

  get path(): string {
    return this.file.path;
  }

  /** Worth showing the user, never fatal (e.g. a state folder other users can write). */
  warnings(): MessageRef[] {
    return [...this.file.warnings];
  }

  private read(): TokenFile {
    return this.file.read();
  }

  private update(mutate: (file: TokenFile) => void): void {
    this.file.update(mutate);
  }

  private profile(file: TokenFile, profile: string): ProfileTokens {
    refuseReservedProfile(profile);
    file.profiles ??= emptyMap<ProfileTokens>();
    return (file.profiles[profile] ??= Object.create(null) as ProfileTokens);
  }

  /** The profile's tokens, if any (own keys only: never Object.prototype's "constructor"). */
  private find(file: TokenFile, profile: string): ProfileTokens | undefined {
    return file.profiles && Object.hasOwn(file.profiles, profile) ? file.profiles[profile] : undefined;
  }

  /** Users of a profile, most recently obtained first (optionally only those of one appid). */
  listUsers(profile: string, appid?: string): UserTokenEntry[] {
    const users = Object.values(this.find(this.read(), profile)?.users ?? {});
    return users.filter((u) => !appid || u.appid === appid).sort((a, b) => b.obtainedAt - a.obtainedAt);
  }

  /** The other profiles whose cache holds a token of `openid` (tokens show names them when this one has none). */
  profilesHolding(openid: string, except: string): string[] {
    const profiles = this.read().profiles ?? {};
    return Object.keys(profiles).filter((p) => p !== except && this.listUsers(p).some((u) => u.openid === openid));
  }

  /** One user's entry, or the most recent user's when openid is omitted. */
  getUser(profile: string, appid: string | undefined, openid?: string): UserTokenEntry | undefined {
    const users = this.listUsers(profile, appid);
    return openid ? users.find((u) => u.openid === openid) : users[0];
  }

  /** Save a user's tokens; with `spent`, also the record of the code they came from (one write). */
  putUser(profile: string, entry: UserTokenEntry, spent?: SpentCodeEntry): void {
    this.update((file) => {
      const p = this.profile(file, profile);
      p.users ??= emptyMap<UserTokenEntry>();
      p.users[userKey(entry.appid, entry.openid)] = entry;
      if (spent) keepSpent(file, spent);
    });
  }

  /** Record a code sent to WeChat whose answer never came back (the run was cancelled): openid ''. */
  recordSpentCode(spent: SpentCodeEntry): void {
    this.update((file) => keepSpent(file, spent));
  }

  /** The record of a code wxauth exchanged, by its digest (any profile, any appid). */
  findSpentCode(digest: string): SpentCodeEntry | undefined {
    return this.read().spentCodes?.findLast((c) => c.digest === digest);
  }

  /**
   * Remove one user (by openid) or all users of the profile; returns how many were removed. The records
   * of the codes they came from go too: a cleared profile keeps no openid of theirs.
   */
  removeUsers(profile: string, openid?: string): number {
    let removed = 0;
    this.update((file) => {
      removed = 0;
      if (file.spentCodes) file.spentCodes = file.spentCodes.filter((c) => c.profile !== profile || (openid !== undefined && c.openid !== openid));
      const users = this.find(file, profile)?.users;
      if (!users) return;
      for (const [key, entry] of Object.entries(users)) {
        if (!openid || entry.openid === openid) {
          delete users[key];
          removed++;
        }
      }
    });
    return removed;
  }

  /** Every token the cache holds for a profile (users' access and refresh tokens, basic tokens), from one read. */
  secretsOf(profile: string): string[] {
    const p = this.find(this.read(), profile);
    const users = Object.values(p?.users ?? {}).flatMap((u) => [u.accessToken, u.refreshToken]);
    return [...users, ...Object.values(p?.basic ?? {}).map((b) => b.accessToken)].filter((t): t is string => typeof t === 'string' && t !== '');
  }

  /** The appid's basic token that `apiHost` issued (undefined: WeChat's hosts). */
  getBasic(profile: string, appid: string, apiHost?: string): BasicTokenEntry | undefined {
    const basic = this.find(this.read(), profile)?.basic;
    const slot = cacheSlot(appid, apiHost);
    const entry = basic && Object.hasOwn(basic, slot) ? basic[slot] : undefined;
    return entry && entry.appid === appid && entry.apiHost === apiHost ? entry : undefined;
  }

  putBasic(profile: string, entry: BasicTokenEntry): void {
    this.update((file) => {
      const p = this.profile(file, profile);
      p.basic ??= emptyMap<BasicTokenEntry>();
      dropExpiredHostSlots(p.basic, entry.obtainedAt);
      p.basic[cacheSlot(entry.appid, entry.apiHost)] = entry;
    });
  }

  /** Drop the appid's token from `apiHost` (undefined: WeChat's hosts), or with no appid every basic token of the profile. */
  removeBasic(profile: string, appid?: string, apiHost?: string): number {
    let removed = 0;
    this.update((file) => {
      removed = 0;
      const basic = this.find(file, profile)?.basic;
      if (!basic) return;
      for (const key of Object.keys(basic)) {
        if (!appid || key === cacheSlot(appid, apiHost)) {
          delete basic[key];
          removed++;
        }
      }
    });
    return removed;
  }

  /**
   * Begin moving the profile `from`'s cache entries to `to` (profile rename), in a first write that can be
   * undone: what `to` held is dropped (a replaced profile's, or what an earlier `profile remove` left:
   * another profile's, perhaps another appid's, never to be mixed into the renamed one's), with the records
   * of the codes spent under that name, and `to` gets a copy of `from`'s users, basic tokens, tickets and
   * an older wxauth's state. `from`'s entries stay until finish(): a rename whose config.json write then
   * fails leaves them where they were, so undo() (or, if that fails too, the same rename run again) gets
   * back to a whole state. A cache that holds nothing of either name is not written (nor created).
   */
  beginRename(from: string, to: string): TokenRename {
    refuseReservedProfile(from);
    refuseReservedProfile(to);
    const named = (file: TokenFile, name: string) => this.find(file, name) !== undefined || (file.spentCodes ?? []).some((c) => c.profile === name);
    const before = this.read();
    const nothing: DroppedTokens = { users: 0, basic: 0, tickets: 0 };
    if (!named(before, from) && !named(before, to)) return { movedUsers: 0, movedState: false, dropped: nothing, finish: () => undefined, undo: () => undefined };
    let previous: WithTickets | undefined;
    let previousSpent: SpentCodeEntry[] = [];
    let spentOrder: string[] = [];
    let dropped = nothing;
    let movedUsers = 0;
    let movedState = false;
    this.update((file) => {
      previous = this.find(file, to) as WithTickets | undefined;
      spentOrder = (file.spentCodes ?? []).map((c) => c.digest);
      previousSpent = (file.spentCodes ?? []).filter((c) => c.profile === to);
      if (file.spentCodes) file.spentCodes = file.spentCodes.filter((c) => c.profile !== to);
      dropped = { users: Object.keys(previous?.users ?? {}).length, basic: Object.keys(previous?.basic ?? {}).length, tickets: Object.keys(previous?.tickets ?? {}).length };
      const source = this.find(file, from);
      movedUsers = Object.keys(source?.users ?? {}).length;
      movedState = source?.state !== undefined;
      if (file.profiles) delete file.profiles[to];
      // A copy of the entry (its maps are written out as they are): `from` keeps its own until finish().
      if (source) Object.assign(this.profile(file, to), source);
    });
    return {
      movedUsers,
      movedState,
      dropped,
      finish: () =>
        this.update((file) => {
          if (file.spentCodes) file.spentCodes = file.spentCodes.map((c) => (c.profile === from ? { ...c, profile: to } : c));
          const source = this.find(file, from) as WithTickets | undefined;
          if (!source) return;
          // What `from` holds now over the copy: anything saved under it since the first write moves too.
          const target = this.profile(file, to) as WithTickets;
          for (const map of ['users', 'basic', 'tickets'] as const) {
            if (source[map]) target[map] = Object.assign(emptyMap(), target[map], source[map]) as never;
          }
          for (const key of Object.keys(source)) if (!(key in target)) (target as Record<string, unknown>)[key] = (source as Record<string, unknown>)[key];
          delete file.profiles![from];
        }),
      undo: () =>
        this.update((file) => {
          file.profiles ??= emptyMap<ProfileTokens>();
          if (previous) file.profiles[to] = previous;
          else delete file.profiles[to];
          if (previousSpent.length === 0) return;
          // The dropped records back in the places they had (the newest last), after any record written since.
          const kept = file.spentCodes ?? [];
          const back = [...kept, ...previousSpent.filter((c) => !kept.some((k) => k.digest === c.digest))];
          const place = (c: SpentCodeEntry) => {
            const at = spentOrder.indexOf(c.digest);
            return at === -1 ? spentOrder.length : at;
          };
          file.spentCodes = back.sort((a, b) => place(a) - place(b)).slice(-SPENT_CODES_KEPT);
        }),
    };
  }

  /** The state an older wxauth remembered here (store/state.ts has today's). */
  legacyState(profile: string): StateEntry | undefined {
    return this.find(this.read(), profile)?.state;
  }

  /**
   * Prove, before a code is spent, that a token can be saved for `profile`: the file reads and has
   * wxauth's shape, is not read-only, the folder exists and takes a write, and the lock can be taken
   * (waiting for other writers as a save would). A code is single-use (40163 on a second try), so a
   * cache that would refuse the tokens must stop `exchange`, `listen --exchange` and `login` while the
   * code is still unused (issue 13 item 1). It rewrites the file as it is, under the lock: the same
   * path the save takes, so what passes here fails later only if something changes in between.
   */
  assertWritable(profile: string): void {
    refuseReservedProfile(profile);
    this.update(() => undefined);
  }

  /**
   * The cached jsapi_ticket of an appid (jssdk ticket/sign/verify). An entry that is not the shape
   * putTicket writes is treated as absent, so a hand-edited file never hands a non-string to a signer.
   */
  getTicket(profile: string, appid: string, apiHost?: string): JsapiTicketEntry | undefined {
    const tickets = (this.find(this.read(), profile) as WithTickets | undefined)?.tickets;
    const slot = cacheSlot(appid, apiHost);
    const entry: unknown = tickets && Object.hasOwn(tickets, slot) ? tickets[slot] : undefined;
    if (typeof entry !== 'object' || entry === null) return undefined;
    const e = entry as Record<string, unknown>;
    const ok = e.appid === appid && e.apiHost === apiHost && typeof e.ticket === 'string' && isStoredTime(e.expiresAt) && isStoredTime(e.obtainedAt);
    return ok ? (entry as JsapiTicketEntry) : undefined;
  }

  /** How many basic access_tokens and jsapi_tickets the profile's cache holds (`tokens` lists users only). */
  otherEntries(profile: string): { basic: number; tickets: number } {
    const p = this.find(this.read(), profile) as WithTickets | undefined;
    return { basic: Object.keys(p?.basic ?? {}).length, tickets: Object.keys(p?.tickets ?? {}).length };
  }

  /** How many users, basic access_tokens and jsapi_tickets the cache holds under `profile` (any of them: a name it still knows). */
  heldUnder(profile: string): DroppedTokens {
    return { users: this.listUsers(profile).length, ...this.otherEntries(profile) };
  }

  /**
   * What the cache holds under `profile` for appids other than `appid` (users, basic access_tokens,
   * jsapi_tickets), and which appids: what a removed profile of the same name left, or the profile's
   * own before its appid changed, which init and config set say is there (never removing it).
   */
  heldForOtherAppids(profile: string, appid: string): DroppedTokens & { appids: string[] } {
    const p = this.find(this.read(), profile) as WithTickets | undefined;
    const appids = new Set<string>();
    const count = (entries: Record<string, { appid?: unknown }> | undefined): number => {
      let n = 0;
      for (const entry of Object.values(entries ?? {})) {
        if (typeof entry !== 'object' || entry === null || typeof entry.appid !== 'string' || entry.appid === appid) continue;
        appids.add(entry.appid);
        n++;
      }
      return n;
    };
    const users = count(p?.users);
    const basic = count(p?.basic);
    const tickets = count(p?.tickets);
    return { users, basic, tickets, appids: [...appids] };
  }

  /**
   * Drop everything the cache holds under `profile` (users, basic tokens, tickets, an older wxauth's
   * state, the records of the codes spent under it): `tokens clear` of a name no saved profile has, what
   * `profile remove` left, which no command would use or clear otherwise. Returns what was dropped.
   */
  removeProfile(profile: string): DroppedTokens {
    refuseReservedProfile(profile);
    let dropped: DroppedTokens = { users: 0, basic: 0, tickets: 0 };
    this.update((file) => {
      const held = this.find(file, profile) as WithTickets | undefined;
      dropped = { users: Object.keys(held?.users ?? {}).length, basic: Object.keys(held?.basic ?? {}).length, tickets: Object.keys(held?.tickets ?? {}).length };
      if (file.spentCodes) file.spentCodes = file.spentCodes.filter((c) => c.profile !== profile);
      if (held && file.profiles) delete file.profiles[profile];
    });
    return dropped;
  }

  /**
   * Which appid (and profile) this cache holds `ticket` for, as its current or previous ticket: verify
   * uses it to tell a --ticket that belongs to another appid than the one wx.config names.
   */
  ticketHolder(ticket: string): { profile: string; appid: string } | undefined {
    for (const held of this.heldTickets()) if (held.ticket === ticket) return { profile: held.profile, appid: held.appid };
    return undefined;
  }

  /** The tickets this cache holds for appids other than `appid` (current and previous), in any profile: verify tries them. */
  otherAppTickets(appid: string): Array<{ appid: string; ticket: string }> {
    return [...this.heldTickets()].filter((held) => held.appid !== appid).map(({ appid: other, ticket }) => ({ appid: other, ticket }));
  }

  /** Every jsapi_ticket this cache holds, current and previous, with its profile and appid. */
  private *heldTickets(): Generator<{ profile: string; appid: string; ticket: string }> {
    for (const [profile, tokens] of Object.entries(this.read().profiles ?? {})) {
      for (const entry of Object.values((tokens as WithTickets).tickets ?? {})) {
        if (typeof entry !== 'object' || entry === null || typeof entry.appid !== 'string') continue;
        for (const ticket of [entry.ticket, entry.previous]) if (typeof ticket === 'string' && ticket !== '') yield { profile, appid: entry.appid, ticket };
      }
    }
  }

  putTicket(profile: string, entry: JsapiTicketEntry): void {
    this.update((file) => {
      const p = this.profile(file, profile) as WithTickets;
      p.tickets ??= emptyMap<JsapiTicketEntry>();
      dropExpiredHostSlots(p.tickets, entry.obtainedAt);
      p.tickets[cacheSlot(entry.appid, entry.apiHost)] = entry;
    });
  }
}

/** A cached jsapi_ticket (JSSDK-FACTS §1.3: cache the ticket, never the signature). */
export interface JsapiTicketEntry {
  appid: string;
  ticket: string;
  /** ms since epoch */
  expiresAt: number;
  obtainedAt: number;
  /** The ticket cached before this one, if it differed: `jssdk verify` tries it as a stale ticket. */
  previous?: string;
  /** The API host that issued it when not WeChat's own, as BasicTokenEntry's. */
  apiHost?: string;
}

type WithTickets = ProfileTokens & { tickets?: Record<string, JsapiTicketEntry> };

/** What a rename dropped from the cache under the new name: counted for the user, never listed. */
export interface DroppedTokens {
  users: number;
  basic: number;
  tickets: number;
}

/** A rename of the cache's entries that beginRename wrote the first half of. */
export interface TokenRename {
  /** User tokens of `from` copied to `to`. */
  readonly movedUsers: number;
  /** `from` had a state an older wxauth remembered in tokens.json: it went with the copy. */
  readonly movedState: boolean;
  /** What `to` held before, now gone (a replaced profile's, or leftovers of a removed one). */
  readonly dropped: DroppedTokens;
  /** The second write: `from`'s entries removed (anything saved there since moves too), its spent codes' records named `to`. */
  finish(): void;
  /** config.json was not renamed: put back what `to` held; `from`'s entries were never removed. */
  undo(): void;
}

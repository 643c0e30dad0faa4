// The state `wxauth url` and `wxauth login` issued last, one small file per profile in the state
// folder: state-<profile>.json, mode 0600. exchange, listen and inspect check a callback's state
// against it. A run whose WXAUTH_APPID names another account than the profile's (the emulator's
// credentials exported in a shell whose profile is a real account) keeps its state apart, in
// state-<profile>.<appid>.json: it used to replace the real account's, whose callback then read as
// having no state remembered at all.
//
// It used to be an entry of tokens.json. It has a file of its own because `url` writes it on every
// run: rewriting the whole token cache under its lock for one value cost `url` ~4% of its CPU (issue
// 19), and `url` now never rewrites the file that holds users' tokens. No lock is needed: the file is
// replaced whole (writeFileAtomic), never read-modified-written, so the last writer wins, as it did
// under the lock: the remembered state is the one the newest URL carries. A state an older wxauth
// kept in tokens.json is still read for a profile that has no file yet (runtime.ts).
//
// The state is only worth its few minutes: a file that cannot be read or is not what wxauth writes is
// reported and ignored (as if nothing were remembered), and the next `url` replaces it.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, osReason, type MessageRef } from '../errors.js';
import { narrowEntry, notJsonError, readStateFile, unwritableError, writeFileAtomic, type FieldRule } from './files.js';

/**
 * The state file is replaced atomically but not synced to disk before the rename (writeFileAtomic). It is
 * written without being read, so a symlink in its place is replaced, not followed: one planted in the
 * folder would otherwise have every `wxauth url` overwrite the file it points at.
 */
const EPHEMERAL = { durable: false, followLink: false };

/** The commands that take a state's callback, and so use it up: login and listen catch it, exchange is pasted it. */
export type StateUser = 'login' | 'listen' | 'exchange';

export interface StateEntry {
  value: string;
  issuedAt: number;
  redirectUri?: string;
  scope?: string;
  endpoint?: 'authorize' | 'qrconnect';
  appid?: string;
  /**
   * When a callback carrying this state had its code exchanged (by login, listen --exchange or exchange), and by which command: a state is single use (that is
   * what makes it CSRF protection), so a later callback carrying it (an old tab reopened) is refused.
   */
  usedAt?: number;
  usedBy?: StateUser;
}

/** That a state was used: when and by which command, each undefined when its file does not record it. */
export interface StateUse {
  at?: number;
  by?: StateUser;
}

/**
 * The one reading of "this state is used" (StateFiles.markUsed, listen, exchange, inspect); undefined:
 * unused. wxauth writes usedAt and usedBy together, so a file has both or neither; one alone (the file
 * edited by hand, or written by something else) is read as used all the same: a callback wrongly refused
 * costs a fresh link (wxauth url), a replay wrongly taken is what the state is there to stop, and a
 * state read as unused would never be marked used, so it could be replayed forever.
 */
export function usedOf(entry: Pick<StateEntry, 'usedAt' | 'usedBy'>): StateUse | undefined {
  if (entry.usedAt === undefined && entry.usedBy === undefined) return undefined;
  return { ...(entry.usedAt !== undefined ? { at: entry.usedAt } : {}), ...(entry.usedBy !== undefined ? { by: entry.usedBy } : {}) };
}

const STATE_REQUIRED: Record<string, FieldRule> = { value: 'string', issuedAt: 'time' };
const STATE_OPTIONAL: Record<string, FieldRule> = {
  redirectUri: 'string',
  scope: 'string',
  endpoint: ['authorize', 'qrconnect'],
  appid: 'string',
  usedAt: 'time',
  usedBy: ['login', 'listen', 'exchange'],
};

/** A state entry as wxauth writes it (here, and in tokens.json before it had this file). */
export const narrowStateEntry = narrowEntry<StateEntry>(STATE_REQUIRED, STATE_OPTIONAL);

/** What a profile's state file gave: the entry, nothing (no file), or why it was ignored. */
export interface StateRead {
  entry?: StateEntry;
  /** Why the file was ignored (the reader says so, then 'config.state.ignored'). */
  problem?: MessageRef;
}

/**
 * The file's name for a profile. A profile name as `init` and `profile` allow (letters, digits, _ and
 * -) is used as it is; any other (--profile and WXAUTH_PROFILE take any text) as the hex of its UTF-8
 * after a `%`, which no allowed name has: no separator, dot or character Windows refuses can reach the
 * path, and two names share a file only if both are over 100 bytes and start with the same 100.
 */
export function stateFileName(profile: string, apart?: string): string {
  return apart === undefined ? `state-${fileNamePart(profile)}.json` : `state-${fileNamePart(profile)}.${fileNamePart(apart)}.json`;
}

function fileNamePart(text: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(text) ? text : `%${Buffer.from(text, 'utf8').toString('hex').slice(0, 200)}`;
}

/** `entry` when it is this app's: a state another appid's link carried (a run under another WXAUTH_APPID) is not. */
export function stateForApp(entry: StateEntry | undefined, appid: string | undefined): StateEntry | undefined {
  return entry && appid !== undefined && entry.appid !== undefined && entry.appid !== appid ? undefined : entry;
}

export class StateFiles {
  constructor(private readonly dir: string) {}

  /**
   * Every method names whose state it means the same way: the profile, and `otherAccount` with `appid`
   * (the resolver's otherAccount: WXAUTH_APPID over the profile's appid). Another account's state is
   * kept apart, in a file of its appid's (see above), worked out here so no caller can get it wrong.
   */
  pathOf(profile: string, otherAccount = false, appid?: string): string {
    return path.join(this.dir, stateFileName(profile, otherAccount ? appid : undefined));
  }

  get(profile: string, otherAccount = false, appid?: string): StateRead {
    const file = this.pathOf(profile, otherAccount, appid);
    try {
      const snapshot = readStateFile(file);
      if (!snapshot) return {};
      let data: unknown;
      try {
        data = JSON.parse(snapshot.text);
      } catch {
        // Where and what, in the user's language (never JSON.parse's English excerpt).
        throw notJsonError(file, snapshot.text);
      }
      return { entry: narrowStateEntry(data, '') };
    } catch (error) {
      // A folder, FIFO or device in its place, a file too large (readStateFile's errors), or text
      // that is not JSON, or not the shape above.
      if (error instanceof ConfigError) return { problem: error.messageRef };
      return { problem: { key: 'config.file.unreadable', params: { file, detail: osReason(error, 'read') } } };
    }
  }

  /**
   * Forget the profile's state (its profile was removed: a profile made again under that name must not
   * check callbacks against the old one's link). False when there was none, or it could not be removed.
   */
  remove(profile: string): boolean {
    // The states kept apart for other accounts go with it.
    const prefix = stateFileName(profile).slice(0, -'json'.length);
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir).filter((name) => name.startsWith(prefix) && name.endsWith('.json'));
    } catch {
      // No folder: nothing to remove.
    }
    let removed = false;
    // The profile's own file is among them when the folder could be read; tried all the same when not.
    for (const name of new Set([stateFileName(profile), ...names])) {
      try {
        fs.unlinkSync(path.join(this.dir, name));
        removed = true;
      } catch {
        // None there, or not ours to remove (a folder in its place): left as it is; get() reports it.
      }
    }
    return removed;
  }

  /**
   * The profile `from` is now called `to` (profile rename): its state files (its own, and those kept apart
   * for other accounts) take the new name, so a callback of the link it made before is still checked.
   * What `to` had before is removed first, as remove() does: it belonged to another profile (or to none).
   * A file that cannot be moved is left where it is; the next `url` makes one under the new name.
   * Returns how many moved (none: `from` remembered no state).
   */
  rename(from: string, to: string): number {
    // Only in case: on macOS's and Windows' disks the files are already the new one's, and must not be removed.
    if (from.toLowerCase() !== to.toLowerCase()) this.remove(to);
    const own = stateFileName(from);
    const prefix = own.slice(0, -'json'.length);
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir).filter((name) => name.startsWith(prefix) && name.endsWith('.json'));
    } catch {
      // No folder: nothing to move.
    }
    let moved = 0;
    for (const name of names) {
      // state-<from>.json → state-<to>.json; state-<from>.<appid>.json → state-<to>.<appid>.json.
      const target = stateFileName(to).slice(0, -'.json'.length) + name.slice(own.length - '.json'.length);
      try {
        fs.renameSync(path.join(this.dir, name), path.join(this.dir, target));
        moved++;
      } catch {
        // Not ours to move (a folder in its place): left as it is.
      }
    }
    return moved;
  }

  /**
   * Mark the remembered state `value` used by `by`: its callback's code was exchanged (flows/user-token.ts
   * exchangeCode, the one place that calls this). Only when the file still holds it, for this appid, unused
   * (a link made since is the newest and stays unused). Best effort: a state folder that cannot be written
   * costs the user nothing they came for, the code is exchanged.
   */
  markUsed(profile: string, otherAccount: boolean, appid: string, value: string, by: StateUser, now: number): boolean {
    const entry = stateForApp(this.get(profile, otherAccount, appid).entry, appid);
    if (entry === undefined || entry.value !== value || usedOf(entry) !== undefined) return false;
    try {
      this.put(profile, otherAccount, appid, { ...entry, usedAt: now, usedBy: by });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Replace the profile's state (the folder is made 0700 if it is not there). Not synced to disk
   * (files.ts writeFileAtomic): a state lost in a power cut is as good as a stale one, and reported.
   */
  put(profile: string, otherAccount: boolean, appid: string | undefined, entry: StateEntry): void {
    const file = this.pathOf(profile, otherAccount, appid);
    const text = JSON.stringify(entry, undefined, '\t');
    try {
      try {
        writeFileAtomic(file, text, 0o600, EPHEMERAL);
      } catch (error) {
        // The folder is usually there (the profile was read from it): made only when the write says it
        // is missing, which saves every url a recursive mkdir (issue 19).
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
        writeFileAtomic(file, text, 0o600, EPHEMERAL);
      }
    } catch (error) {
      throw unwritableError(file, error);
    }
  }
}

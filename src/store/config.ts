// Settings: named profiles of credentials and callback settings, in config.json (mode 0600).
import { ConfigError, messageRef, UsageError } from '../errors.js';
import { checkSetting, isProfileName, type CheckContext } from '../core/validate.js';
import type { MessageRef } from '../errors.js';
import { checkFields, describeJson, JsonFile, jsonFilePath, narrowMap, narrowObject, ShapeError, type FieldRule, type ModeTightened } from './files.js';
import { DEFAULT_PROFILE, isReservedName, noProfilesHint, noSuchProfile, PROFILE_KEYS, type ConfigField, type ProfileData, type Source } from './resolve.js';

interface ConfigFile {
  currentProfile?: string;
  profiles?: Record<string, ProfileData>;
}

const PROFILE_FIELDS: Record<string, FieldRule> = Object.fromEntries(PROFILE_KEYS.map((key) => [key, 'string']));

/**
 * config.json as wxauth wrote it: a currentProfile string and profiles of string fields (what a
 * value means, e.g. a valid account type, the resolver checks). Unknown keys are kept as they are.
 * Every object is prototype-free, so a profile named "constructor" in the file is just a name.
 */
function narrowConfigFile(data: Record<string, unknown>): ConfigFile {
  checkFields(data, '', {}, { currentProfile: 'string' });
  if (typeof data.currentProfile === 'string' && isReservedName(data.currentProfile)) {
    throw new ShapeError('currentProfile', messageRef('config.file.expected.profileName'), describeJson(data.currentProfile));
  }
  if ('profiles' in data) {
    data.profiles = narrowMap(data.profiles, 'profiles', (value, where) => {
      const profile = narrowObject(value, where);
      checkFields(profile, where, {}, PROFILE_FIELDS);
      return profile as ProfileData;
    });
  }
  return data as ConfigFile;
}

export function isConfigField(key: string): key is ConfigField {
  return (PROFILE_KEYS as readonly string[]).includes(key);
}

/**
 * Validation on write: the one verdict on a setting (core/validate.ts checkSetting), as a usage
 * error that says what is wrong and what is right. Returns the value to store.
 */
export function validateValue(key: ConfigField, value: string, context: CheckContext = {}): string {
  const checked = checkSetting(key, value, context);
  if (!checked.ok) throw new UsageError(checked.problem, { hint: checked.hint });
  return checked.value;
}

/**
 * "__proto__", "constructor", "toString"…: names every JavaScript object already has. As profile
 * names they were silently lost ("__proto__" set the object's prototype instead of a key) or found
 * where there was no profile (profiles["constructor"] is Object): refused everywhere a name comes in.
 */
export function refuseReservedName(name: string): string {
  if (isReservedName(name)) {
    throw new UsageError({ key: 'config.profile.reserved', params: { name } }, { hint: { key: 'config.profile.reserved.hint' } });
  }
  return name;
}

export function validateProfileName(name: string): string {
  refuseReservedName(name);
  if (!isProfileName(name)) {
    throw new UsageError({ key: 'config.profile.badName', params: { name } }, { hint: { key: 'config.profile.badName.hint' } });
  }
  return name;
}

/**
 * A new profile named "-x": every command line would read the name as an option (`wxauth profile use -x`
 * is "unknown option '-x'", and only `profile use -- -x` or `--profile=-x` reach it), so it is refused
 * where a profile is created. One saved before this rule keeps working: it is not new, and the resolver
 * takes it under --profile=-x (isProfileName).
 */
export function refuseDashName(name: string, source?: Source): void {
  if (!name.startsWith('-')) return;
  const bare = name.replace(/^-+/, '');
  // Named by WXAUTH_PROFILE: a refused variable is configuration (exit 4), and the variable is what to fix.
  if (source === 'env') {
    throw new ConfigError(
      { key: 'config.profile.dash', params: { name } },
      { hint: bare === '' ? { key: 'config.profile.dash.env.hint' } : { key: 'config.profile.dash.env.like.hint', params: { suggestion: bare } } },
    );
  }
  throw new UsageError(
    { key: 'config.profile.dash', params: { name } },
    { hint: bare === '' ? { key: 'config.profile.dash.hint' } : { key: 'config.profile.dash.like.hint', params: { suggestion: bare } } },
  );
}

export class ConfigStore {
  private constructor(private readonly file: JsonFile<ConfigFile>) {}

  /** config.json's path in `dir`, without reading it. */
  static pathIn(dir: string): string {
    return jsonFilePath(dir, 'config');
  }

  /** `lockWaitMs`: how long a write waits for another process's lock (default 30 s). */
  static open(dir: string, options: { lockWaitMs?: number; onModeTightened?: (change: ModeTightened) => void } = {}): ConfigStore {
    return new ConfigStore(
      new JsonFile<ConfigFile>(dir, 'config', { narrow: narrowConfigFile, wrongShapeHint: 'config.file.wrongShape.hint', lockWaitMs: options.lockWaitMs, onModeTightened: options.onModeTightened }),
    );
  }

  get path(): string {
    return this.file.path;
  }

  /** Worth showing the user, never fatal (e.g. a state folder other users can write): pass to resolveConfig. */
  warnings(): MessageRef[] {
    return [...this.file.warnings];
  }

  private read(): ConfigFile {
    return this.file.read();
  }

  private update(mutate: (file: ConfigFile) => void): void {
    this.file.update(mutate);
  }

  /** Profiles by name, in an object without a prototype (profiles()["toString"] is a profile or nothing). */
  profiles(): Record<string, ProfileData> {
    return Object.assign(Object.create(null) as Record<string, ProfileData>, this.read().profiles);
  }

  currentProfile(): string | undefined {
    return this.read().currentProfile;
  }

  /** profiles() and currentProfile() from one read of the file, and the file's path (resolveConfig names it). */
  snapshot(): { profiles: Record<string, ProfileData>; currentProfile: string | undefined; configFile: string } {
    const file = this.read();
    return {
      profiles: Object.assign(Object.create(null) as Record<string, ProfileData>, file.profiles),
      currentProfile: file.currentProfile,
      configFile: this.path,
    };
  }

  getProfile(name: string): ProfileData | undefined {
    const profiles = this.read().profiles;
    return profiles && Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  }

  /**
   * The names refused for a new profile, a saved one being left as it is: one starting with "-"
   * (refuseDashName), and one that differs from a saved one only in case ("Prod" beside "prod"). On
   * macOS's and Windows' disks their state files (state-<profile>.json) would be one file, and a typo of
   * case would make a second account unseen by the first.
   */
  refuseNewName(name: string, source?: Source): void {
    if (this.getProfile(name)) return;
    refuseDashName(name, source);
    const twin = Object.keys(this.profiles()).find((p) => p.toLowerCase() === name.toLowerCase());
    if (twin !== undefined && source === 'env')
      throw new ConfigError(noSuchProfile(name, [twin]), { hint: { key: 'config.profile.unknown.caseTwin.hint', params: { profile: name, existing: twin, use: `WXAUTH_PROFILE=${twin}` } } });
    if (twin !== undefined) throw new UsageError({ key: 'config.profile.caseTwin', params: { profile: name, existing: twin } }, { hint: { key: 'config.profile.caseTwin.hint', params: { existing: twin } } });
  }

  /**
   * Set `values` in `profile`, creating it if need be. Returns true when that made it the current
   * profile: only the first profile of a config with none saved (and no current one named), so
   * `wxauth init --profile prod` on a new machine is what later commands use. A profile created beside
   * saved ones never becomes current by itself: after the current one was removed, commands without
   * --profile use "default" (as profile remove says) until `wxauth profile use` picks another.
   */
  setValues(profile: string, values: Partial<ProfileData>): boolean {
    validateProfileName(profile);
    this.refuseNewName(profile);
    let madeCurrent = false;
    this.update((file) => {
      const first = file.profiles === undefined || Object.keys(file.profiles).length === 0;
      file.profiles ??= Object.create(null) as Record<string, ProfileData>;
      file.profiles[profile] = Object.assign(Object.create(null) as ProfileData, file.profiles[profile], values);
      madeCurrent = first && file.currentProfile === undefined;
      if (madeCurrent) file.currentProfile = profile;
    });
    return madeCurrent;
  }

  /** Remove `keys` from the profile in one write; the ones that were there. */
  unsetValues(profile: string, keys: readonly ConfigField[]): ConfigField[] {
    refuseReservedName(profile);
    let removed: ConfigField[] = [];
    this.update((file) => {
      removed = [];
      const data = file.profiles?.[profile];
      for (const key of keys) {
        if (data && key in data) {
          delete data[key];
          removed.push(key);
        }
      }
    });
    return removed;
  }

  /** A saved profile of that name, or a ConfigError that lists the ones there are. */
  private requireProfile(name: string): void {
    refuseReservedName(name);
    if (!this.getProfile(name)) {
      const names = Object.keys(this.profiles());
      if (names.length === 0) throw new ConfigError(noSuchProfile(name, names), { hint: noProfilesHint(name) });
      // The list as a list: joined with ", " in English and "、" in Chinese.
      throw new ConfigError(noSuchProfile(name, names), { hint: { key: 'config.profile.unknown.hint', params: { profiles: names } } });
    }
  }

  useProfile(name: string): void {
    this.requireProfile(name);
    this.update((file) => {
      file.currentProfile = name;
    });
  }

  /**
   * Whether `from` can be renamed `to`: `from` saved (else the "unknown profile" error, exit 4), and a
   * new `to` held to refuseNewName's rules, but for differing from `from` only in case, which is the
   * rename asked. A saved `to` passes: replacing it is the caller's question.
   */
  checkRename(from: string, to: string): void {
    this.requireProfile(from);
    refuseReservedName(to);
    if (this.getProfile(to)) return;
    if (to.toLowerCase() === from.toLowerCase()) refuseDashName(to);
    else this.refuseNewName(to);
  }

  /**
   * Give the profile `from` the name `to`, in one write: its settings keep their place in the list, a
   * saved `to` is replaced, and the profile commands use without --profile stays the same one: the
   * current-profile pointer follows it, and is set to `to` when it was "default" by default (no pointer).
   * Returns whether it is that profile.
   */
  renameProfile(from: string, to: string): boolean {
    this.checkRename(from, to);
    let current = false;
    this.update((file) => {
      current = false;
      const profiles = file.profiles;
      if (!profiles || !Object.hasOwn(profiles, from)) return;
      const renamed = Object.create(null) as Record<string, ProfileData>;
      for (const [name, data] of Object.entries(profiles)) {
        if (name === to) continue;
        renamed[name === from ? to : name] = data;
      }
      file.profiles = renamed;
      current = file.currentProfile === from || (file.currentProfile === undefined && from === DEFAULT_PROFILE);
      if (current) file.currentProfile = to;
    });
    return current;
  }

  removeProfile(name: string): void {
    this.requireProfile(name);
    this.update((file) => {
      delete file.profiles?.[name];
      if (file.currentProfile === name) delete file.currentProfile;
    });
  }
}

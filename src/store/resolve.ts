// Precedence: flags > env > profile > defaults. The resolver never prints: it returns the result
// with warnings and errors, and the command decides how to show them. It is the only code that reads
// WXAUTH_* env. Every credential and callback value goes through the same check as init and config
// set (core/validate.ts): one that fails is left out of the result and reported in `errors`, so it
// never reaches WeChat, and requireFields() stops the command with it (exit 4, naming its source).
import path from 'node:path';
import { isOneSlip, suggest } from '../core/closest.js';
import { domainForRedirect } from '../core/domain.js';
import type { MessageRef } from '../errors.js';
import { ConfigError, UsageError } from '../errors.js';
import {
  DEFAULT_BACKUP_API_BASE,
  DEFAULT_OPEN_BASE,
  REGIONS,
  isRegion,
  isWechatOpenBase,
  type ApiBaseOrigin,
  type Region,
} from '../core/endpoints.js';
import { checkSetting, isAccountType, isProfileName, profileFlag, SETTING_KEYS, type AccountType } from '../core/validate.js';
import { hideUrlCredentials } from '../core/secrets.js';

export interface GlobalOptions {
  profile?: string;
  json?: boolean;
  lang?: string;
  verbose?: boolean;
  showSecrets?: boolean;
  apiBase?: string;
  openBase?: string;
  backupApiBase?: string;
  region?: string;
  timeout?: string | number;
  color?: boolean;
  curl?: boolean;
  raw?: boolean;
}

/** What a profile stores. Every field optional: a profile may be filled step by step. */
export interface ProfileData {
  type?: AccountType;
  appid?: string;
  secret?: string;
  domain?: string;
  redirectUri?: string;
  apiBase?: string;
  openBase?: string;
  backupApiBase?: string;
  region?: Region;
  /** JS接口安全域名, comma-separated (jssdk verify). */
  jsDomains?: string;
  /** The 网页授权域名 ownership file's name, MP_verify_xxx.txt (doctor fetches it from the domain root). */
  verifyFile?: string;
}

export const PROFILE_KEYS = SETTING_KEYS satisfies ReadonlyArray<keyof ProfileData>;

export type ConfigField = (typeof PROFILE_KEYS)[number];
export type Source = 'flag' | 'env' | 'profile' | 'default';

/** A value the resolver refused: left out of the config, kept here for the command to show or throw. */
export interface ConfigProblem {
  field: ConfigField;
  source: Source;
  error: ConfigError;
}

export interface ResolvedConfig {
  profile: string;
  profileSource: Source;
  /** Whether the profile exists in the config file. */
  profileExists: boolean;
  /** The profiles the config file has, for "no profile named …; these exist". */
  profileNames: string[];
  type?: AccountType;
  appid?: string;
  secret?: string;
  domain?: string;
  redirectUri?: string;
  /** JS接口安全域名 as set (comma-separated), for `jssdk verify`. */
  jsDomains?: string;
  /** MP_verify_xxx.txt as set, for `doctor`. */
  verifyFile?: string;
  region: Region;
  apiBase: string;
  openBase: string;
  backupApiBase: string;
  timeoutMs: number;
  /** Where each value came from, e.g. for "40125: the secret came from WXAUTH_SECRET". */
  sources: Partial<Record<ConfigField, Source>>;
  /** Values the environment gave where the profile saves its own (so unsetting the variable brings the profile's back). */
  envOverProfile?: Partial<Record<ConfigField, true>>;
  warnings: MessageRef[];
  /**
   * WXAUTH_APPID names another account than the profile's: that profile's account settings were left
   * out. Every command says it (runtime.ts), since every command then runs on other settings.
   */
  otherAccount?: MessageRef;
  /**
   * --profile or WXAUTH_PROFILE names no saved profile while others are saved: a run that has what it
   * needs from WXAUTH_* variables goes on without any of them, and caches its tokens under that name.
   * Said by every command that goes on (runtime.ts requireConfig); a machine with no saved profile
   * (CI, its values in WXAUTH_* alone) is not told.
   */
  unsavedProfile?: MessageRef;
  /**
   * A region and an API base given at the same level (both flags, or both WXAUTH_* variables): the API
   * base wins and the region is not used. Every command says so (runtime.ts), since the user asked
   * for that region.
   */
  regionIgnored?: MessageRef;
  /**
   * A region named closer to the run than an API base (`--region sh` over a saved apiBase or
   * WXAUTH_API_BASE): the region wins, as README says, and the appid and secret go to its host, not to
   * the base the user set up (an emulator, a gateway). Said once as a note (runtime.ts).
   */
  apiBaseOverridden?: MessageRef;
  /**
   * Keys of the profile wxauth does not know (`apibase` for apiBase, edited by hand): their values are
   * not used, and every command says so (runtime.ts), since the run then uses a default instead.
   */
  unknownKeys: MessageRef[];
  /** Values refused by the one validation (core/validate.ts), in PROFILE_KEYS order; requireFields throws the first. */
  errors: ConfigProblem[];
}

export const ENV_NAMES: Record<ConfigField, string> = {
  type: 'WXAUTH_TYPE',
  appid: 'WXAUTH_APPID',
  secret: 'WXAUTH_SECRET',
  domain: 'WXAUTH_DOMAIN',
  redirectUri: 'WXAUTH_REDIRECT_URI',
  apiBase: 'WXAUTH_API_BASE',
  openBase: 'WXAUTH_OPEN_BASE',
  backupApiBase: 'WXAUTH_BACKUP_API_BASE',
  region: 'WXAUTH_REGION',
  jsDomains: 'WXAUTH_JS_DOMAINS',
  verifyFile: 'WXAUTH_VERIFY_FILE',
};

/** The global flags that set a profile value (the others come only from env or the profile). */
export const FLAG_NAMES: Record<'apiBase' | 'openBase' | 'backupApiBase' | 'region', string> = {
  apiBase: '--api-base',
  openBase: '--open-base',
  backupApiBase: '--backup-api-base',
  region: '--region',
};

export const DEFAULT_PROFILE = 'default';

/**
 * Where the resolved API base came from (core/endpoints.ts ApiBaseOrigin): its flag, variable or
 * profile key, or the region's when a region chose the base (the resolver's `regionWins`).
 */
export function apiBaseOrigin(config: Pick<ResolvedConfig, 'apiBase' | 'region' | 'sources' | 'profile'>): ApiBaseOrigin {
  const source = config.sources.apiBase;
  if (source === undefined || source === 'default') return { from: 'default' };
  const field = config.region !== 'default' && config.sources.region === source && config.apiBase === REGIONS[config.region] ? 'region' : 'apiBase';
  if (source === 'flag') return { from: 'flag', name: FLAG_NAMES[field] };
  if (source === 'env') return { from: 'env', name: ENV_NAMES[field] };
  return { from: 'profile', name: field, profile: config.profile };
}

/**
 * Names every JavaScript object already has (Object.prototype's members, plus "prototype"). As
 * profile names they collide with the object holding the profiles, so they are refused.
 */
const RESERVED_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name);
}

/**
 * All state (config and token cache) lives here. WXAUTH_CONFIG_DIR relocates it, so tests never touch
 * the real home directory; otherwise the per-user config directory, where earlier versions (through conf) put it:
 * $XDG_CONFIG_HOME/wxauth or ~/.config/wxauth on Linux, ~/Library/Preferences/wxauth on macOS,
 * %APPDATA%\wxauth\Config on Windows.
 */
export function stateDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  // node:os only when the home folder is needed (not with WXAUTH_CONFIG_DIR): loading it costs a run
  // ~0.5 ms (issue 19).
  home: string = env.WXAUTH_CONFIG_DIR ? '' : process.getBuiltinModule('node:os').homedir(),
): string {
  // Absolute, whatever was given: `config path` printed config.json and tokens.json absolute (their stores
  // resolve them) but the state file relative to wherever the command ran.
  if (env.WXAUTH_CONFIG_DIR) return path.resolve(env.WXAUTH_CONFIG_DIR);
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'wxauth');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'wxauth', 'Config');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'wxauth');
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ResolveInput {
  globals: GlobalOptions;
  env: Readonly<Record<string, string | undefined>>;
  /** The profile name as chosen by flag/env (see pickProfileName) and its stored data. */
  profiles: Record<string, ProfileData>;
  currentProfile?: string;
  /** The stores' own warnings (ConfigStore.warnings()), passed on in the result's warnings. */
  warnings?: MessageRef[];
  /** config.json's path, named with a profile value that is refused, so the user knows where to fix it. */
  configFile?: string;
  /**
   * A name no profile has that the token cache still holds entries under (what `profile remove` left):
   * `tokens` uses it even when it is one slip from a saved profile (`p2` beside `p0`), rather than
   * refusing it as that profile mistyped, which left the tokens no command could clear.
   */
  cachedName?: string;
}

/**
 * config.json's profiles and path, when the caller has read it: a refused name that the file holds
 * (written there by hand) is told how to get rid of it, not to "choose another name" as if it did not exist.
 */
export interface SavedProfiles {
  profiles: Readonly<Record<string, unknown>>;
  file: string;
}

export function pickProfileName(
  globals: GlobalOptions,
  env: Readonly<Record<string, string | undefined>>,
  currentProfile: string | undefined,
  saved?: SavedProfiles,
): { name: string; source: Source } {
  // `--profile ""` (an unset shell variable, say) is not "the current profile": init or config set would
  // write into whichever that is.
  if (globals.profile === '') throw new UsageError({ key: 'config.profile.emptyFlag' }, { hint: { key: 'config.profile.emptyFlag.hint' } });
  const picked = ((): { name: string; source: Source } => {
    if (globals.profile) return { name: globals.profile, source: 'flag' };
    if (env.WXAUTH_PROFILE) return { name: env.WXAUTH_PROFILE, source: 'env' };
    if (currentProfile) return { name: currentProfile, source: 'profile' };
    return { name: DEFAULT_PROFILE, source: 'default' };
  })();
  if (isReservedName(picked.name)) {
    // From WXAUTH_PROFILE a refused variable (exit 4, named), as for a name of the wrong shape below.
    const Refusal = picked.source === 'env' ? ConfigError : UsageError;
    const inFile = saved !== undefined && Object.hasOwn(saved.profiles, picked.name);
    throw new Refusal(
      { key: 'config.profile.reserved', params: { name: picked.name } },
      {
        hint: inFile
          ? { key: picked.source === 'env' ? 'config.profile.reserved.saved.env.hint' : 'config.profile.reserved.saved.hint', params: { file: saved.file } }
          : { key: picked.source === 'env' ? 'config.profile.reserved.env.hint' : 'config.profile.reserved.hint' },
      },
    );
  }
  // The rule init and config set apply to a name they save, for a name any command uses: "../x" was
  // taken by token and url, and kept a basic token under it that no command could clear. A flag is the
  // command line's fault (exit 2); WXAUTH_PROFILE is a refused variable (exit 4, named).
  if (picked.source === 'flag' && !isProfileName(picked.name)) {
    throw new UsageError({ key: 'config.profile.badName', params: { name: picked.name } }, { hint: { key: 'config.profile.badName.hint' } });
  }
  if (picked.source === 'env' && !isProfileName(picked.name)) {
    throw new ConfigError({ key: 'config.profile.badName.env', params: { name: picked.name } }, { hint: { key: 'config.profile.badName.env.hint' } });
  }
  return picked;
}

/**
 * The shortest --timeout taken, in ms. A request to WeChat cannot be answered sooner: from outside
 * mainland China the TCP and TLS handshakes alone take three round trips of 150-250 ms before the request
 * is sent, and even a TLS handshake on this machine missed 300 ms on a loaded CI runner (test/e2e/doctor).
 * Below it a value is all but certainly seconds typed for milliseconds (`wxauth --timeout 30 login`, meant
 * as login's own wait): a request given 30 ms can send a code and give up before the answer, which
 * spends the code and loses its token (40163 on the retry). curl, kubectl and npm keep the two apart by
 * name (--max-time and --connect-timeout, --request-timeout and wait's --timeout, --fetch-timeout);
 * wxauth's names are kept for the scripts that use them, and a value no request can meet is refused.
 */
export const MIN_TIMEOUT_MS = 1000;

/**
 * --timeout: only ever a flag, so a bad value is a usage error (exit 2), as every refused flag is
 * (README "A refused flag … is exit 2"); it was exit 4 as if the configuration were at fault.
 * `ownWait`: the command whose own --timeout (after its name) is the wait for the callback in seconds
 * (listen, login), named in a too-short value's hint.
 */
export function parseTimeout(value: string | number | undefined, ownWait?: string): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 600_000) {
    throw new UsageError(
      { key: 'config.timeout.invalid', params: { value: String(value) } },
      { hint: { key: 'config.timeout.invalid.hint' } },
    );
  }
  if (n < MIN_TIMEOUT_MS) {
    throw new UsageError(
      { key: 'config.timeout.tooShort', params: { value: n } },
      { hint: ownWait !== undefined ? { key: 'config.timeout.tooShort.wait.hint', params: { command: ownWait, value: n } } : { key: 'config.timeout.tooShort.hint' } },
    );
  }
  return n;
}

/**
 * The global flags that carry a value (--timeout, --api-base, --open-base, --backup-api-base,
 * --region), through the one validation: a refused one is a usage error naming the flag (exit 2).
 * resolveConfig runs it first; a command may run it before it reads any file, so a bad flag is
 * reported even beside a config.json that does not parse. Returns the timeout in ms. `ownWait`: as
 * parseTimeout's.
 */
export function checkGlobalFlags(globals: GlobalOptions, ownWait?: string): number {
  const timeoutMs = parseTimeout(globals.timeout, ownWait);
  for (const [field, flag] of Object.entries(FLAG_NAMES) as Array<['apiBase' | 'openBase' | 'backupApiBase' | 'region', string]>) {
    const value = globals[field];
    if (value === undefined || value === '') continue;
    const checked = checkSetting(field, value, { name: flag });
    if (!checked.ok) throw new UsageError(checked.problem, { hint: checked.hint });
  }
  return timeoutMs;
}

/** The settings that belong to one WeChat account, not to the machine or the network. */
export const ACCOUNT_FIELDS: ReadonlySet<ConfigField> = new Set<ConfigField>(['type', 'secret', 'domain', 'redirectUri', 'jsDomains', 'verifyFile']);

/**
 * Whether the links a profile builds go to WeChat itself, by the open base resolveConfig would pick:
 * --open-base, else WXAUTH_OPEN_BASE, else the profile's, else WeChat's (an empty value counts as unset).
 * For init and config set, which judge a value just saved before any run resolves it.
 */
export function linksGoToWechat(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, saved: string | undefined): boolean {
  return isWechatOpenBase([flag, env[ENV_NAMES.openBase], saved].find((v) => v !== undefined && v !== '') ?? DEFAULT_OPEN_BASE);
}

export function resolveConfig(input: ResolveInput): ResolvedConfig {
  const { globals, env } = input;
  const picked = pickProfileName(globals, env, input.currentProfile, input.configFile !== undefined ? { profiles: input.profiles, file: input.configFile } : undefined);
  // Own keys only: the profiles object may be a plain one whose prototype has "constructor" etc.
  const stored = Object.hasOwn(input.profiles, picked.name) ? input.profiles[picked.name] : undefined;
  const data: ProfileData = stored ?? {};
  const sources: Partial<Record<ConfigField, Source>> = {};
  const envOverProfile: Partial<Record<ConfigField, true>> = {};
  const warnings: MessageRef[] = [...(input.warnings ?? [])];

  const flagValue = (field: ConfigField): string | undefined => {
    switch (field) {
      case 'apiBase':
        return globals.apiBase;
      case 'openBase':
        return globals.openBase;
      case 'backupApiBase':
        return globals.backupApiBase;
      case 'region':
        return globals.region;
      default:
        return undefined;
    }
  };

  // WXAUTH_APPID naming another account than the profile's: the profile's settings of its own account
  // (secret, type, callback domain…) say nothing of that one. Mixed in, they made `url` refuse the
  // emulator's test account against a production domain and advise `config set domain`, which would
  // have rewritten the production profile.
  const envAppid = env[ENV_NAMES.appid];
  // Only a valid appid names another account: a stray space, quotes or upper case are the appid
  // check's to report, not a reason to set the profile aside.
  const otherAccount = envAppid !== undefined && checkSetting('appid', envAppid).ok && data.appid !== undefined && data.appid !== '' && envAppid !== data.appid;

  const pick = (field: ConfigField): string | undefined => {
    const fromFlag = flagValue(field);
    if (fromFlag !== undefined && fromFlag !== '') {
      sources[field] = 'flag';
      return fromFlag;
    }
    const fromEnv = env[ENV_NAMES[field]];
    if (fromEnv !== undefined && fromEnv !== '') {
      sources[field] = 'env';
      if (data[field] !== undefined && data[field] !== '' && !(otherAccount && ACCOUNT_FIELDS.has(field))) envOverProfile[field] = true;
      return fromEnv;
    }
    if (otherAccount && ACCOUNT_FIELDS.has(field)) return undefined;
    const fromProfile = data[field];
    if (fromProfile !== undefined && fromProfile !== '') {
      sources[field] = 'profile';
      return fromProfile;
    }
    return undefined;
  };

  // Flags first: a refused flag is the command line's fault (exit 2) whatever else is wrong.
  const timeoutMs = checkGlobalFlags(globals);

  // A name not saved is still a profile to use when WXAUTH_* values give it an account (CI: its token
  // cache and state kept under that name, README). But one a slip from a saved profile (`dfault`), or
  // one differing from it only in case, is that profile mistyped, whatever the environment gives:
  // refused as it is without WXAUTH_APPID, rather than run, and cache a token, under the typo.
  if ((picked.source === 'flag' || picked.source === 'env') && stored === undefined && picked.name !== input.cachedName) {
    const names = Object.keys(input.profiles);
    if (names.some((name) => isOneSlip(picked.name, name))) throw unknownProfileError({ profile: picked.name, profileNames: names, profileSource: picked.source });
  }

  /**
   * How the user knows where a value came from, so a refusal says what to change: the flag, the
   * variable, or the profile and the file that holds it.
   */
  const nameOf = (field: ConfigField): string => {
    const source = sources[field];
    if (source === 'flag' && field in FLAG_NAMES) return FLAG_NAMES[field as keyof typeof FLAG_NAMES];
    if (source === 'env') return ENV_NAMES[field];
    return input.configFile ? `${field} (profile ${picked.name}, ${input.configFile})` : `${field} (profile ${picked.name})`;
  };
  /**
   * A value from env or the profile as the one validation takes it (`Service` and 服务号 are `service`),
   * or undefined when it refuses it (flags were checked above).
   */
  const refusals: ConfigError[] = [];
  const verdict = (field: 'type' | 'region' | 'apiBase' | 'openBase' | 'backupApiBase', value: string): string | undefined => {
    const checked = checkSetting(field, value, { name: nameOf(field) });
    if (checked.ok) return checked.value;
    refusals.push(new ConfigError(checked.problem, { hint: checked.hint }));
    return undefined;
  };

  const rawType = pick('type');
  const typeTaken = rawType === undefined ? undefined : verdict('type', rawType);
  const type: AccountType | undefined = typeTaken !== undefined && isAccountType(typeTaken) ? typeTaken : undefined;

  const rawRegion = pick('region');
  if (rawRegion === undefined) sources.region = 'default';
  const regionTaken = rawRegion === undefined ? undefined : verdict('region', rawRegion);
  const region: Region = regionTaken !== undefined && isRegion(regionTaken) ? regionTaken : 'default';

  let apiBase = pick('apiBase');
  // A region named closer to this run than the API base (--region or WXAUTH_REGION over a saved
  // apiBase) is the one meant: flags over the environment over the profile, as for one setting.
  const closer: Partial<Record<Source, number>> = { flag: 3, env: 2, profile: 1 };
  const regionWins = apiBase !== undefined && rawRegion !== undefined && (closer[sources.region!] ?? 0) > (closer[sources.apiBase!] ?? 0);
  // Given at the same level, the API base wins (it is the more precise of the two), said rather than
  // silent: `--region sh --api-base …` ran against the base with no word that sh was not used.
  const sameLevel = apiBase !== undefined && rawRegion !== undefined && (sources.region === 'flag' || sources.region === 'env') && sources.region === sources.apiBase;
  // Named as they were given: `--region sh` and --api-base, or `WXAUTH_REGION=sh` and WXAUTH_API_BASE.
  const given = sources.region === 'flag' ? { region: `${FLAG_NAMES.region} ${rawRegion}`, apiBase: FLAG_NAMES.apiBase } : { region: `${ENV_NAMES.region}=${rawRegion}`, apiBase: ENV_NAMES.apiBase };
  // Both saved in the profile (two `config set` calls): the API base wins there too, said on every run,
  // since `config list` shows the region as set and nothing else would tell it is not used.
  const inProfile = apiBase !== undefined && regionTaken !== undefined && sources.region === 'profile' && sources.apiBase === 'profile';
  let regionIgnored: MessageRef | undefined;
  if (sameLevel && apiBase!.replace(/\/+$/, '') !== REGIONS[region]) regionIgnored = { key: 'config.region.ignored', params: given };
  else if (inProfile) regionIgnored = profileRegionIgnored(picked.name, region, apiBase!);
  const overridden =
    !regionWins || apiBase!.replace(/\/+$/, '') === REGIONS[region]
      ? undefined
      : sources.apiBase === 'profile'
        ? ({ key: 'config.apiBase.overridden.profile', params: { region: given.region, profile: picked.name, apiBase: hideUrlCredentials(apiBase!), regionBase: REGIONS[region] } } as const)
        : ({ key: 'config.apiBase.overridden.env', params: { region: given.region, apiBase: hideUrlCredentials(apiBase!), regionBase: REGIONS[region] } } as const);
  if (apiBase === undefined || regionWins) {
    apiBase = REGIONS[region];
    sources.apiBase = rawRegion === undefined ? 'default' : sources.region;
  } else verdict('apiBase', apiBase);
  let openBase = pick('openBase');
  if (openBase === undefined) {
    openBase = DEFAULT_OPEN_BASE;
    sources.openBase = 'default';
  } else verdict('openBase', openBase);
  let backupApiBase = pick('backupApiBase');
  if (backupApiBase === undefined) {
    backupApiBase = DEFAULT_BACKUP_API_BASE;
    sources.backupApiBase = 'default';
  } else verdict('backupApiBase', backupApiBase);
  if (refusals[0]) throw refusals[0];

  const unsaved = picked.source !== 'default' && stored === undefined && picked.source !== 'profile';
  if (unsaved) warnings.push({ key: 'config.profile.missing', params: { profile: picked.name } });
  const savedNames = Object.keys(input.profiles);
  const unknownKeys: MessageRef[] = [];
  for (const key of Object.keys(stored ?? {})) {
    if ((PROFILE_KEYS as readonly string[]).includes(key)) continue;
    const known = suggest(key, PROFILE_KEYS);
    unknownKeys.push(
      known
        ? { key: 'config.file.unknownKey.like', params: { profile: picked.name, key: key.slice(0, 40), known } }
        : { key: 'config.file.unknownKey', params: { profile: picked.name, key: key.slice(0, 40), keys: PROFILE_KEYS } },
    );
  }

  const errors: ConfigProblem[] = [];
  /** The value if it passes the one validation; otherwise undefined, and the refusal in `errors`. */
  const checked = (field: 'appid' | 'secret' | 'domain' | 'redirectUri' | 'jsDomains' | 'verifyFile'): string | undefined => {
    const value = pick(field);
    const source = sources[field];
    if (value === undefined || source === undefined) return undefined;
    const verdict = checkSetting(field, value, { name: nameOf(field), type, emulator: !isWechatOpenBase(openBase) });
    if (verdict.ok) return verdict.value;
    delete sources[field];
    errors.push({ field, source, error: new ConfigError(verdict.problem, { hint: verdict.hint }) });
    return undefined;
  };

  return {
    profile: picked.name,
    profileSource: picked.source,
    profileExists: stored !== undefined,
    profileNames: Object.keys(input.profiles),
    type,
    appid: checked('appid'),
    secret: checked('secret'),
    domain: checked('domain'),
    redirectUri: checked('redirectUri'),
    jsDomains: checked('jsDomains'),
    verifyFile: checked('verifyFile'),
    region,
    apiBase: apiBase.replace(/\/+$/, ''),
    openBase: openBase.replace(/\/+$/, ''),
    backupApiBase: backupApiBase.replace(/\/+$/, ''),
    timeoutMs,
    sources,
    envOverProfile,
    warnings,
    unknownKeys,
    ...(unsaved && savedNames.length > 0 ? { unsavedProfile: { key: 'config.profile.unsaved', params: { profile: picked.name, profiles: savedNames } } } : {}),
    ...(regionIgnored ? { regionIgnored } : {}),
    ...(overridden ? { apiBaseOverridden: overridden } : {}),
    ...(otherAccount ? { otherAccount: { key: 'config.profile.otherAppid', params: { appid: envAppid, profile: picked.name, profileAppid: data.appid! } } } : {}),
    errors,
  };
}

/**
 * A profile holding both a region and an apiBase that is not that region's host: the API base wins
 * (precedence above), so the region is not used. Said by every command (runtime.ts) and by `config set`
 * when it would save them so (commands/config.ts); undefined when the base is the region's own host.
 */
export function profileRegionIgnored(profile: string, region: Region, apiBase: string): MessageRef | undefined {
  if (apiBase.replace(/\/+$/, '') === REGIONS[region]) return undefined;
  const p = profileFlag(profile);
  return {
    key: 'config.region.ignored.profile',
    params: { profile, region, apiBase: hideUrlCredentials(apiBase), unsetRegion: `wxauth${p} config unset region`, unsetApiBase: `wxauth${p} config unset apiBase` },
  };
}

/** --profile or WXAUTH_PROFILE named a profile the config file does not have. */
export function isUnknownProfile(config: ResolvedConfig): boolean {
  return !config.profileExists && (config.profileSource === 'flag' || config.profileSource === 'env');
}

/** The error of a --profile or WXAUTH_PROFILE that names no saved profile (unknownProfileError). */
export function isUnknownProfileError(error: unknown): boolean {
  return error instanceof ConfigError && (error.messageRef.key === 'config.profile.unknown' || error.messageRef.key === 'config.profile.unknown.near');
}

/**
 * "No profile named prd", and the saved one it is a letter or two from ("Did you mean prod?"). Not for
 * a command that removes something (`offerNear` false): "did you mean p0" there put another profile's
 * wipe one edit away, and the name given is often one that was real (a removed profile's).
 */
export function noSuchProfile(name: string, names: readonly string[], offerNear = true): MessageRef {
  const near = offerNear ? suggest(name, names) : undefined;
  return near ? { key: 'config.profile.unknown.near', params: { profile: name, suggestion: near } } : { key: 'config.profile.unknown', params: { profile: name } };
}

/** "No profile named nope", with the profiles that exist and how to create this one. */
export function unknownProfileError(config: Pick<ResolvedConfig, 'profile' | 'profileNames'> & Partial<Pick<ResolvedConfig, 'profileSource'>>, offerNear = true): ConfigError {
  // A list parameter: joined as the sentence's language lists them (`a, b` / `a、b`).
  const profiles = config.profileNames;
  // Named by WXAUTH_PROFILE: the variable is what to fix (a --profile flag would not be needed).
  const fromEnv = config.profileSource === 'env';
  // "Web" beside a saved "web": init refuses to make it (a case twin shares a state file on macOS and
  // Windows), so "create it" would lead to a refusal; the saved one is the way.
  const twin = config.profileNames.find((n) => n !== config.profile && n.toLowerCase() === config.profile.toLowerCase());
  if (twin !== undefined) {
    return new ConfigError(noSuchProfile(config.profile, config.profileNames, offerNear), {
      hint: { key: 'config.profile.unknown.caseTwin.hint', params: { profile: config.profile, existing: twin, use: fromEnv ? `WXAUTH_PROFILE=${twin}` : `--profile ${twin}` } },
    });
  }
  // "-z": init refuses to create it (store/config.ts refuseDashName), so "create it" would lead to a refusal.
  const dash = config.profile.startsWith('-');
  let hint: MessageRef;
  if (profiles.length === 0) hint = noProfilesHint(config.profile, fromEnv);
  else if (dash) hint = { key: fromEnv ? 'config.profile.unknown.dash.env.hint' : 'config.profile.unknown.dash.hint', params: { profiles } };
  else hint = { key: fromEnv ? 'config.profile.unknown.env.hint' : 'config.profile.unknown.create.hint', params: { profile: config.profile, profiles } };
  return new ConfigError(noSuchProfile(config.profile, config.profileNames, offerNear), { hint });
}

/** The profile name an unknownProfileError is about (undefined for any other error). */
export function unknownProfileName(error: unknown): string | undefined {
  if (!isUnknownProfileError(error)) return undefined;
  const name = (error as ConfigError).messageRef.params?.profile;
  return typeof name === 'string' ? name : undefined;
}

/** The same refusal without its "Did you mean" (noSuchProfile's offerNear): for a command that removes something. */
export function withoutNearProfile(error: unknown): unknown {
  if (!(error instanceof ConfigError) || error.messageRef.key !== 'config.profile.unknown.near') return error;
  const profile = String(error.messageRef.params?.profile ?? '');
  return new ConfigError({ key: 'config.profile.unknown', params: { profile } }, { ...(error.hint ? { hint: error.hint as MessageRef } : {}) });
}

/**
 * With no profile saved: create this one, or give the values as WXAUTH_* variables. A name starting
 * with - cannot be created (store/config.ts refuseDashName): the hint offers one without the dashes
 * ("default" when nothing is left), and from WXAUTH_PROFILE, unsetting the variable.
 */
export function noProfilesHint(name: string, fromEnv = false): MessageRef {
  if (!name.startsWith('-')) return { key: 'config.profile.none.hint', params: { profile: name } };
  const suggestion = name.replace(/^-+/, '') || 'default';
  return { key: fromEnv ? 'config.profile.none.dash.env.hint' : 'config.profile.none.dash.hint', params: { profile: name, suggestion } };
}

/**
 * Stop on a profile named by --profile or WXAUTH_PROFILE that exists neither in the config file nor in
 * the token cache, and is given no account by WXAUTH_* values either (a typo, usually): said so with
 * the profiles that exist, rather than "the cache of nope is empty". A profile used through WXAUTH_*
 * values alone (CI) is a profile like any other, as it is for url and refresh.
 */
export function refuseUnknownProfile(config: ResolvedConfig, cachedUsers: number, offerNear = true): void {
  if (isUnknownProfile(config) && config.appid === undefined && cachedUsers === 0) throw unknownProfileError(config, offerNear);
}

/**
 * Settings that one command alone reads: jsDomains (jssdk verify) and verifyFile (doctor). A refused one
 * stops that command, which says so; the others run (a jsDomains with a port, saved before a port was
 * refused for the account type, stopped url and login).
 */
const ONE_COMMAND_FIELDS: ReadonlySet<ConfigField> = new Set<ConfigField>(['jsDomains', 'verifyFile']);

/** The refusal that stops a command needing `fields`: one of those first, then any other but ONE_COMMAND_FIELDS. */
function blockingProblem(config: ResolvedConfig, fields: ConfigField[]): ConfigProblem | undefined {
  return config.errors.find((p) => fields.includes(p.field)) ?? config.errors.find((p) => !ONE_COMMAND_FIELDS.has(p.field));
}

/**
 * For the commands that pick a cached user token for the profile's appid (check, userinfo): first stop
 * on a value the validation refused (a refused WXAUTH_APPID is left out of the config, and the cached
 * users of every appid would then be taken for this account's), then as refuseUnknownProfile.
 */
export function refuseUnusableProfile(config: ResolvedConfig, cachedUsers: number): void {
  const problem = blockingProblem(config, []);
  if (problem) throw problem.error;
  refuseUnknownProfile(config, cachedUsers);
}

/**
 * Stop a command that cannot run with this configuration: first a value the validation refused
 * (the fields the command needs first, then any other but ONE_COMMAND_FIELDS: a command does not
 * run on a configuration with a value WeChat would refuse), then a profile chosen by --profile or WXAUTH_PROFILE that does
 * not exist, then one ConfigError naming every missing field and how to provide it.
 */
export function requireFields(config: ResolvedConfig, fields: ConfigField[]): ResolvedConfig {
  const problem = blockingProblem(config, fields);
  if (problem) throw problem.error;
  const missing = fields.filter((f) => config[f as keyof ResolvedConfig] === undefined);
  // "Missing appid" would send the user to fill in a profile they only misspelt.
  if (missing.length > 0 && isUnknownProfile(config)) throw unknownProfileError(config);
  // The current profile (or "default") is not in the file, but others are: the profile that was current
  // was removed, or config.json names one that is gone. "Run wxauth init" would start from nothing.
  if (missing.length > 0 && !config.profileExists && config.profileNames.length > 0) {
    throw new ConfigError(
      { key: 'config.missing', params: { fields: missing, profile: config.profile } },
      { hint: { key: 'config.missing.pickProfile.hint', params: { profile: config.profile, profiles: config.profileNames } } },
    );
  }
  // WXAUTH_APPID names another account than the profile's: its settings come from WXAUTH_* only, and
  // "config set" would write into the profile's own account (replacing its secret, say) to no effect.
  if (missing.length > 0 && config.otherAccount) {
    const appid = String((config.otherAccount.params as { appid?: unknown } | undefined)?.appid ?? config.appid ?? '');
    throw new ConfigError(
      { key: 'config.missing.otherAccount', params: { fields: missing, appid, profile: config.profile } },
      { hint: { key: 'config.missing.otherAccount.hint', params: { env: missing.map((f) => ENV_NAMES[f]), profile: config.profile } } },
    );
  }
  if (missing.length > 0) {
    throw new ConfigError(
      {
        key: 'config.missing',
        params: { fields: missing, profile: config.profile },
      },
      { hint: { key: 'config.missing.hint', params: { profile: config.profile, ...missingSettings(config, missing) } } },
    );
  }
  return config;
}

/**
 * How a hint offers the missing settings: the first as `config set {first} {value}`, every one as
 * `{env}` (a list, joined as the sentence's language lists). A domain the redirect_uri names is given as the value (`WXAUTH_DOMAIN=127.0.0.1:8080`, what
 * the console must hold for it); any other value is the placeholder, which only the user can fill in.
 */
export function missingSettings(config: Pick<ResolvedConfig, 'type' | 'redirectUri'>, missing: readonly string[]): { first: string; value: string | MessageRef; env: readonly string[] } {
  const domain = config.redirectUri === undefined ? undefined : domainForRedirect(config.redirectUri, config.type);
  const known = (field: string) => (field === 'domain' ? domain : undefined);
  const first = missing[0] ?? '';
  return {
    first,
    value: known(first) ?? { key: 'config.missing.value' },
    env: missing.map((f) => (known(f) === undefined ? ENV_NAMES[f as ConfigField] : `${ENV_NAMES[f as ConfigField]}=${known(f)}`)),
  };
}

/**
 * WXAUTH_LOCK_WAIT_MS: how long a write waits for another wxauth process's lock on the state files
 * (default 30000). A CI job that would rather fail fast sets it lower. An invalid value is ignored.
 */
export function lockWaitFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const raw = env.WXAUTH_LOCK_WAIT_MS;
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const ms = Number(raw);
  return ms > 0 && ms <= 600_000 ? ms : undefined;
}

// wxauth config set|get|unset|list|path
// set runs the value through the one validation init and the resolver use (core/validate.ts); a
// type, domain or redirect_uri is also checked against the other two as saved, so a change cannot
// quietly leave a redirect_uri WeChat would refuse (10003); jsDomains is checked against the type.
import fs from 'node:fs';
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { CancelledError, ConfigError, EXIT, UsageError, messageRef, type MessageRef } from '../errors.js';
import { checkSetting, correctedSetting, verifyFileCopyRefusal, domainMeant, fitForType, hasWebAuth, isAccountType, looksLikeSecret, maskSecret, profileFlag, withPort, type AccountType } from '../core/validate.js';
import { suggest } from '../core/closest.js';
import { shellWord } from '../core/shell.js';
import { isLoopbackDomain } from '../core/domain.js';
import { hideUrlCredentials, maskSecretValues, redactUrl, holdsSecretShape } from '../core/secrets.js';
import type { RedirectCaution } from '../core/redirect-cautions.js';
import {
  ACCOUNT_FIELDS,
  ENV_NAMES,
  PROFILE_KEYS,
  isUnknownProfile,
  linksGoToWechat,
  noSuchProfile,
  pickProfileName,
  resolveConfig,
  stateDir,
  unknownProfileError,
  type ConfigField,
  type ConfigProblem,
  type ProfileData,
  type Source,
} from '../store/resolve.js';
import { ConfigStore, isConfigField, validateValue } from '../store/config.js';
import { TokenStore } from '../store/token-cache.js';
import { otherAppidTokens, profileConflicts, redirectViews, refusedHere, regionUnused, type OtherAppidTokens, type RefuseGiven } from '../flows/profile-conflicts.js';

export type ConfigOptions =
  /** yes: save a type, domain or redirect_uri even though the saved ones no longer fit it. */
  | { sub: 'set'; pairs: Array<{ key: ConfigField; value: string }>; yes: boolean }
  | { sub: 'get'; key: ConfigField }
  | { sub: 'unset'; keys: ConfigField[] }
  | { sub: 'list' | 'path' };

/** Values are as shown: the secret masked unless --show-secrets. */
export type ConfigResult =
  | {
      sub: 'set';
      profile: string;
      /** The first pair set (every pair is in `values`). */
      key: ConfigField;
      value: string;
      /** Every pair set, in the order given: `config set domain a.com redirectUri https://a.com/cb`. */
      values: Array<{ key: ConfigField; value: string }>;
      file: string;
      /** Saved with --yes although the saved settings no longer fit together: what does not. */
      warnings: MessageRef[];
      /** The profile did not exist: this set created it. */
      created: boolean;
      /** It was the first profile saved, so it became the current one (store/config.ts setValues). */
      madeCurrent: boolean;
      /** Keys just saved that a WXAUTH_* variable of this shell still overrides, with that variable. */
      overridden: Array<{ key: ConfigField; variable: string }>;
      /** A domain just saved that real WeChat's console cannot take (localhost), for a real account aimed at WeChat: which kind's words. */
      loopbackDomain?: { domain: string; kind: 'oa' | 'website'; profileFlag: string };
      /** What a redirect_uri just saved carries that will cost the login (a # fragment, its own code or state). */
      redirectCautions: RedirectCaution[];
      /** A person at a terminal typed the AppSecret as the value: it stays in the shell's history. */
      secretTyped?: boolean;
      /** appid set: the token cache holds entries under this name for another appid (said, never removed). */
      otherAppidTokens?: OtherAppidTokens;
    }
  | {
      sub: 'get';
      profile: string;
      key: ConfigField;
      value?: string;
      source?: Source;
      /** Saved in the profile but set aside: WXAUTH_APPID names another account (resolve.ts). */
      setAside?: boolean;
      /** The value is a WXAUTH_* variable's: which, and what the profile saves under it (as shown), if anything. */
      fromEnv?: { variable: string; saved?: string };
      /**
       * Not set because the profile in use does not exist while others do (the current one was removed,
       * or config.json names one that is gone): the saved ones, and whether no profile is current at all.
       */
      missingProfile?: { profiles: string[]; noCurrent: boolean };
      exitCode: typeof EXIT.ok | typeof EXIT.checkFailed;
    }
  /** `file`: the config file the keys were removed from (said as config set says where it saved). */
  | { sub: 'unset'; profile: string; keys: ConfigField[]; removed: ConfigField[]; file: string }
  | {
      sub: 'list';
      profile: string;
      exists: boolean;
      file: string;
      /** Every settable key, in PROFILE_KEYS order, with its value and where it came from (if set). */
      entries: Array<{ key: ConfigField; value?: string; source?: Source }>;
      timeoutMs: number;
      /** The profiles the file has (to point at them when this one does not exist). */
      profiles: string[];
      warnings: MessageRef[];
      /** Values the validation refused (left out of the entries above). */
      problems: ConfigProblem[];
    }
  | {
      sub: 'path';
      config: string;
      tokens: string;
      state: string;
      /**
       * config.json could not be read and neither --profile nor WXAUTH_PROFILE named a profile: `state`
       * is the default profile's file, which may not be the one in use.
       */
      stateGuessed?: boolean;
      /** A file that does not parse (or is not wxauth's shape): said beside the paths, which still print. */
      problems: MessageRef[];
    };

function field(key: string | undefined): ConfigField {
  // Accept the wire spelling too (redirect_uri), since that is what WeChat's docs call it, and init's
  // flag spelling (redirect-uri, api-base), since that is what `wxauth init --help` shows.
  const camel = (key ?? '').replace(/[_-]([a-z])/gi, (_m, c: string) => c.toUpperCase());
  // And in any case (appId, AppID, redirecturi): each setting's name differs from the others by more than case.
  const normalised = PROFILE_KEYS.find((k) => k.toLowerCase() === camel.toLowerCase()) ?? camel;
  if (!isConfigField(normalised)) {
    // `domian`, `secert`, `redirectUrl`: the one meant, as an unknown key in config.json gets it. A value
    // given where the key goes (a pasted secret) matches no setting, so it is never echoed back as a name.
    const known = suggest(camel, PROFILE_KEYS);
    const shown = key === undefined || looksLikeSecret(key) ? '…' : key.slice(0, 40);
    throw new UsageError(
      known ? { key: 'config.key.unknown.like', params: { key: shown, known } } : { key: 'config.key.unknown', params: { key: shown } },
      { hint: { key: 'config.key.unknown.hint', params: { keys: PROFILE_KEYS } } },
    );
  }
  return normalised;
}

/** `config set secret -`: the secret comes from a pipe in run(), so it is in no command line; checked there. */
function isSecretFromStdin(key: ConfigField, value: string): boolean {
  return key === 'secret' && value === '-';
}

export function parseOptions(input: CommandInput): ConfigOptions {
  const [key] = input.args;
  switch (input.sub) {
    case 'set': {
      // Pairs: a domain and a redirect_uri under it are set together, checked as one change.
      if (input.args.length % 2 !== 0) {
        throw new UsageError({ key: 'config.set.unpaired', params: { key: input.args.at(-1) ?? '' } }, { hint: { key: 'config.set.unpaired.hint' } });
      }
      const pairs: Array<{ key: ConfigField; value: string }> = [];
      for (let i = 0; i < input.args.length; i += 2) {
        const k = field(input.args[i]);
        if (pairs.some((p) => p.key === k)) throw new UsageError({ key: 'config.set.twice', params: { key: k } }, { hint: { key: 'config.set.unpaired.hint' } });
        // The value is checked by run(), whose refusals offer commands naming this run's --profile.
        pairs.push({ key: k, value: input.args[i + 1] ?? '' });
      }
      return { sub: 'set', pairs, yes: input.opts.yes === true };
    }
    case 'get':
      return { sub: 'get', key: field(key) };
    case 'unset': {
      // Several keys, removed as one change (as config set takes several pairs).
      const keys = [...new Set(input.args.map((k) => field(k)))];
      return { sub: 'unset', keys };
    }
    case 'list':
    case 'path':
      return { sub: input.sub };
    default:
      throw new UsageError({ key: 'common.commander', params: { detail: `config ${input.sub ?? ''}` } }, { hint: { key: 'common.commander.hint', params: { command: 'wxauth config' } } });
  }
}


/**
 * `config set` on a profile that is not there creates it. The first profile (no other saved) is made
 * without a word asked, but --profile or WXAUTH_PROFILE naming a new one beside others is most likely
 * a typo (`--profile prdo`), which would leave a half-filled profile that nothing uses: on a terminal
 * it is asked first (no is exit 130, nothing written); without one it takes --yes, and is otherwise
 * refused as url and config get refuse that name (exit 4), with the profiles that exist.
 */
async function confirmNewProfile(
  ctx: Pick<Context, 'out' | 'interactive' | 'prompts'>,
  o: { profile: string; source: Source; profiles: string[]; yes: boolean },
): Promise<void> {
  // Only the first profile is made without a question: a name from --profile or WXAUTH_PROFILE may be
  // misspelt, and without one ("default", or a current profile that was removed) the setting would land
  // in a new profile beside the saved ones, unseen by them.
  if (o.yes || o.profiles.length === 0) return;
  // The list as a list: joined with ", " in English and "、" in Chinese.
  const params = { profile: o.profile, profiles: o.profiles };
  if (!ctx.interactive) {
    throw new ConfigError(
      noSuchProfile(o.profile, o.profiles),
      { hint: { key: o.source === 'env' ? 'config.set.newProfile.env.hint' : o.source === 'flag' ? 'config.set.newProfile.hint' : 'config.set.newProfile.none.hint', params } },
    );
  }
  const prompts = await ctx.prompts();
  if (!(await prompts.confirm({ message: ctx.out.t('config.set.newProfile.confirm', params), default: false }))) {
    throw new CancelledError({ hint: { key: 'common.cancelled.declined' } });
  }
}

/** A value given to config set that is refused in its own right, judged for the type it is for (a callback domain only where there is web authorization). */
function refusedInOwnRight(key: ConfigField, value: string, type: AccountType | undefined): boolean {
  if (isSecretFromStdin(key, value)) return false;
  const typed = (key === 'domain' && hasWebAuth(type)) || key === 'jsDomains' ? type : undefined;
  return !checkSetting(key, value, typed === undefined ? {} : { type: typed }).ok;
}

/**
 * A value of `config set` refused whose one fix is known (a domain without its port, JS-safe domains
 * without a scheme or a path), given beside other pairs: the hint also says that nothing was saved and
 * gives the whole command again with that value corrected, every other pair kept, so that pasting it
 * does not drop what was given with it (`type service domain a.com:8080 appid wx…`). A secret given in
 * it is read from WX_SECRET (never printed); a value that would be shown masked (a URL's password, a
 * code) is not repeated: then the hint says to run the same command again with the corrected value.
 * When another value given is refused too (an AppSecret pasted as the appid), no command is offered and
 * "the same command again" is not promised: it would stop on that value. The refusal lists it (checkPairs).
 */
function refuseGiven(given: ReadonlyArray<{ key: ConfigField; value: string }>, p: string): RefuseGiven {
  return (key, refused, type, hintWithCommand) => {
    const value = given.find((pair) => pair.key === key)?.value;
    const fixed = value === undefined ? undefined : correctedSetting(key, value, type);
    if (fixed === undefined) return new UsageError(refused.problem, { hint: refused.hint });
    // The secret is read from WX_SECRET in any command offered: one refused here is to be put there right.
    const refusedOthers = given.filter((pair) => pair.key !== key && pair.key !== 'secret' && refusedInOwnRight(pair.key, pair.value, type));
    const othersRefused = refusedOthers.length > 0;
    // A jsDomains for a website app (no JS-SDK) has no right spelling: it can only be left out, and "fixed" misleads.
    const removed = refusedOthers.filter((pair) => pair.key === 'jsDomains' && type === 'website').map((pair) => pair.key);
    const fixedToo = refusedOthers.length > removed.length;
    const words = given.map((pair) => {
      if (pair.key === key) return `${pair.key} ${shellWord(fixed)}`;
      if (pair.key === 'secret') return 'secret -';
      // A value refused in its own right is never repeated: it may be a secret pasted in the wrong place
      // (an AppSecret as the appid, whose own refusal does not show it), and a command to paste would only
      // fail on it next.
      if (othersRefused) return undefined;
      const v = checkSetting(pair.key, pair.value);
      if (!v.ok) return undefined;
      // Nor one with the AppSecret's shape in it (`redirectUri https://…/cb?k=<AppSecret>`), which a refusal never quotes.
      return hideUrlCredentials(v.value) !== v.value || redactUrl(v.value) !== v.value || holdsSecretShape(v.value) ? undefined : `${pair.key} ${shellWord(v.value)}`;
    });
    const secret = given.some((pair) => pair.key === 'secret');
    const command = words.every((w) => w !== undefined) ? `${secret ? 'printf %s "$WX_SECRET" | ' : ''}wxauth${p} config set ${words.join(' ')}` : undefined;
    // Alone on its command line, the refused value's own hint (with its command, if it has one) says it all.
    if (given.length === 1) {
      if (hintWithCommand !== undefined && command !== undefined) return new UsageError(refused.problem, { hint: hintWithCommand(command) });
      return new UsageError(refused.problem, { hint: refused.hint });
    }
    const hint: MessageRef = othersRefused
      ? removed.length === 0
        ? { key: 'config.set.corrected.others.hint', params: { hint: refused.hint, key, value: fixed } }
        : fixedToo
          ? { key: 'config.set.corrected.others.removed.hint', params: { hint: refused.hint, key, value: fixed, removed } }
          : { key: 'config.set.corrected.removed.hint', params: { hint: refused.hint, key, value: fixed, removed } }
      : command === undefined
        ? { key: 'config.set.corrected.again.hint', params: { hint: refused.hint, key, value: fixed } }
        : secret
          ? { key: 'config.set.corrected.secret.hint', params: { hint: refused.hint, key, command } }
          : { key: 'config.set.corrected.hint', params: { hint: refused.hint, key, command } };
    return new UsageError(refused.problem, { hint });
  };
}

/**
 * Each value through the one validation (core/validate.ts), before any file is read. Where the value
 * meant is known, the refusal offers the command that saves it, ready to paste: the host of a URL
 * given as the domain; which of the two a 公众号 is. Every value refused is said in one run, the first
 * as the error and the others as its further reasons: fixed one per run, `config set appid <AppSecret>
 * domain https://…/` was refused twice. A callback domain or JS-safe domains are judged for the type
 * given beside them, else the saved one's, here too (profileConflicts() would refuse them the same way later).
 */
async function checkPairs(
  pairs: ReadonlyArray<{ key: ConfigField; value: string }>,
  p: string,
  savedType: () => Promise<AccountType | undefined>,
): Promise<Array<{ key: ConfigField; value: string }>> {
  const refused = refuseGiven(pairs, p);
  const checkedPairs: Array<{ key: ConfigField; value: string }> = [];
  // The account type a value's hint fits: the one given beside it, else the saved profile's.
  const typeOf = async (): Promise<AccountType | undefined> => {
    const given = pairs.find((pair) => pair.key === 'type');
    if (given === undefined) return savedType();
    const checked = checkSetting('type', given.value);
    return checked.ok ? (checked.value as AccountType) : undefined;
  };
  const errors: UsageError[] = [];
  for (const { key, value } of pairs) {
    if (isSecretFromStdin(key, value)) {
      checkedPairs.push({ key, value });
      continue;
    }
    const checked = checkSetting(key, value);
    if (!checked.ok) {
      errors.push(await refusal(key, value, checked, p, typeOf, refused));
      continue;
    }
    checkedPairs.push({ key, value: checked.value });
    // Only worth the saved profile's type when something else is refused: alone, profileConflicts() says it.
    if (key !== 'domain' && key !== 'jsDomains') continue;
    const type = await typeOf();
    if (type === undefined || (key === 'domain' && !hasWebAuth(type))) continue;
    const typed = checkSetting(key, value, { type });
    if (!typed.ok) errors.push(refused(key, typed, type));
  }
  const [first, ...rest] = errors;
  if (first === undefined) return checkedPairs;
  if (rest.length === 0) throw first;
  throw new UsageError(first.messageRef, {
    ...(first.hint ? { hint: first.hint } : {}),
    also: rest.map(alsoLine),
  });
}

/** A further refusal, said as `Also: <problem> <hint>`. */
function alsoLine(error: UsageError): MessageRef {
  if (error.hint === undefined) return error.messageRef;
  return { key: 'config.set.also', params: { problem: error.messageRef, hint: error.hint } };
}

/** Why `value` is refused as `key`, with what to do: the command that saves the value meant, where it is known. */
async function refusal(
  key: ConfigField,
  value: string,
  checked: Extract<ReturnType<typeof checkSetting>, { ok: false }>,
  p: string,
  typeOf: () => Promise<AccountType | undefined>,
  refused: RefuseGiven,
): Promise<UsageError> {
  const host = key === 'domain' ? domainMeant(value) : undefined;
  const problemKey: string = checked.problem.key;
  if (problemKey === 'config.invalid.type.officialAccount') return new UsageError(checked.problem, { hint: { key: 'config.set.type.officialAccount.hint', params: { p } } });
  // A host that holds the AppSecret's shape is not offered (checkSetting's refusal already does not quote it).
  if (host !== undefined && problemKey !== 'config.invalid.domain.secret' && !holdsSecretShape(host)) {
    // https://www.example.com:8443/ for a 服务号 or a website app: its callback domain takes no port
    // (10003, API-FACTS §3), so the command offered drops it, as init --domain's hint does; the type is
    // the one given beside it, else the saved profile's. An IP gets the type's own refusal. A host with
    // a path (www.example.com/) is said as such, and offered the same way.
    const url = problemKey === 'config.invalid.domain.url';
    const type = await typeOf();
    if (type !== undefined && type !== 'test' && hasWebAuth(type)) {
      const fit = fitForType('domain', host, type);
      const own = checkSetting('domain', host, { type });
      if (fit === undefined && !own.ok) return new UsageError(own.problem, { hint: own.hint });
      if (fit !== undefined && fit !== host) {
        const typeWord = { key: `account.type.${type}` } as const;
        return refused(key, { problem: messageRef(withPort(checked.problem.key), checked.problem.params), hint: { key: url ? 'config.invalid.domain.url.port.hint' : 'config.invalid.domain.path.port.hint', params: { type: typeWord, host: fit } } }, type, (command) => ({
          key: url ? 'config.set.domain.url.port.hint' : 'config.set.domain.path.port.hint',
          params: { type: typeWord, command },
        }));
      }
    }
    return refused(key, { problem: checked.problem, hint: { key: url ? 'config.invalid.domain.url.hint' : 'config.invalid.domain.path.hint', params: { host } } }, type, (command) => ({
      key: url ? 'config.set.domain.url.hint' : 'config.set.domain.path.hint',
      params: { command },
    }));
  }
  // JS-safe domains refused: as the type given beside them or saved judges them. A URL's or a path's
  // domains offered fit that type, as for the domain; a website app's are refused as such, however spelt.
  if (key === 'jsDomains') {
    const type = await typeOf();
    const typed = type === undefined ? checked : checkSetting(key, value, { type });
    if (!typed.ok) return refused(key, typed, type);
  }
  // `MP_verify_AbC123 (1).txt`, a browser's second download, said as doctor --verify-file says it: the
  // command that saves the console's name, after the mv back to it for a file by this name here.
  if (problemKey === 'doctor.verifyFile.copyName') {
    const here = fs.statSync(value, { throwIfNoEntry: false })?.isFile() === true;
    const mv = (name: string) => `mv ${shellWord(value)} ${shellWord(name)}`;
    const own = verifyFileCopyRefusal('verifyFile', value, here ? (name) => ({ key: 'doctor.verifyFile.copyName.hint.rename', params: { command: mv(name) } }) : undefined) ?? checked;
    const name = correctedSetting(key, value, undefined) ?? value;
    return refused(key, own, undefined, (command) => (here ? { key: 'config.set.verifyFile.copyName.rename.hint', params: { command: `${mv(name)} && ${command}` } } : { key: 'config.set.verifyFile.copyName.hint', params: { command } }));
  }
  return new UsageError(checked.problem, { hint: checked.hint });
}

/** The saved profile's account type, if config.json can be read and holds one (for a hint only: a file that cannot be read is said later). */
async function savedProfileType(ctx: Context): Promise<AccountType | undefined> {
  try {
    const store = await ctx.configStore();
    const type = store.getProfile(pickProfileName(ctx.globals, ctx.env, store.currentProfile()).name)?.type;
    return type !== undefined && isAccountType(type) ? type : undefined;
  } catch {
    return undefined;
  }
}

export async function run(options: ConfigOptions, ctx: Context): Promise<ConfigResult> {
  if (options.sub === 'path') return paths(ctx);
  // The hints name commands to run next: with --profile when that is how this one was chosen.
  const checkedPairs = options.sub === 'set' ? await checkPairs(options.pairs, ctx.globals.profile ? ` --profile ${ctx.globals.profile}` : '', () => savedProfileType(ctx)) : [];
  const store = await ctx.configStore();
  const picked = pickProfileName(ctx.globals, ctx.env, store.currentProfile(), { profiles: store.profiles(), file: store.path });
  const profile = picked.name;
  const show = (k: ConfigField, v: string | undefined, secret: string | undefined) => {
    if (v === undefined || ctx.globals.showSecrets) return v;
    if (k === 'secret') return maskSecret(v);
    // A base URL's credentials (http://user:pass@gateway, or a token as the user name) masked, as the traces show them.
    let shown = v.includes('@') ? hideUrlCredentials(v) : v;
    // A redirect_uri copied from an address bar can carry a code, a token or a secret by name
    // (?code=…, ?appsecret=…); and the profile's AppSecret pasted into any other value is masked
    // there as `config get secret` masks it: shown as the traces show them (core/secrets.ts).
    if (k === 'redirectUri') shown = redactUrl(shown);
    return secret === undefined ? shown : maskSecretValues(shown, [secret]);
  };

  switch (options.sub) {
    case 'set': {
      const created = store.getProfile(profile) === undefined;
      // A name no new profile may have ("-x", or "Prod" beside "prod"): refused before the question
      // whether to create it; from WXAUTH_PROFILE as a refused variable (exit 4).
      if (created) store.refuseNewName(profile, picked.source);
      // Before anything is read from stdin: a secret piped to a misspelt profile is not spent on it.
      if (created) await confirmNewProfile(ctx, { profile, source: picked.source, profiles: Object.keys(store.profiles()), yes: options.yes });
      let pairs = checkedPairs;
      if (options.pairs.some((p) => isSecretFromStdin(p.key, p.value))) {
        const { secretFromStdin } = await import('../flows/stdin.js');
        const secret = validateValue('secret', await secretFromStdin(ctx.stdin, 'secret', 'wxauth config set secret -'));
        pairs = pairs.map((pair) => (pair.key === 'secret' ? { ...pair, value: secret } : pair));
      }
      const values = Object.fromEntries(pairs.map((pair) => [pair.key, pair.value])) as ProfileData;
      const next: ProfileData = { ...store.getProfile(profile), ...values };
      // The hints name commands to run next: with --profile when that is how this one was chosen.
      // A redirect_uri as config get shows it, and for a command to paste: without what would be masked in it, or none at all.
      const { shown: shownUri, pasteable } = redirectViews(next.secret, ctx.globals.showSecrets === true);
      const p = picked.source === 'flag' ? ` --profile ${profile}` : '';
      const { fatal, found } = profileConflicts(new Set(pairs.map((pair) => pair.key)), next, p, shownUri, pasteable, refuseGiven(options.pairs, p), !linksGoToWechat(ctx.globals.openBase, ctx.env, next.openBase));
      if (fatal) throw fatal;
      found.push(...refusedHere(ctx.globals, ctx.env, store.snapshot(), profile, next, pairs));
      found.push(...regionUnused(pairs, next, profile, p));
      const first = found[0];
      if (first && !options.yes) throw new UsageError(first.problem, { hint: first.hint });
      const madeCurrent = store.setValues(profile, values);
      const shown = pairs.map((pair) => ({ key: pair.key, value: show(pair.key, pair.value, next.secret) ?? '' }));
      // What this shell's WXAUTH_* variables still win over (an empty one counts as unset, as when read).
      const overridden = pairs.filter((pair) => (ctx.env[ENV_NAMES[pair.key]] ?? '') !== '').map((pair) => ({ key: pair.key, variable: ENV_NAMES[pair.key] }));
      const loopbackDomain = savedLoopbackDomain(pairs, next, ctx, profile);
      // Loaded only for a redirect_uri set: config get, list and the other keys never read a URL's parameters.
      const redirectCautions = values.redirectUri === undefined ? [] : (await import('../core/redirect-cautions.js')).savedRedirectCautions(values.redirectUri, next.type);
      // An appid set over a name the cache holds another appid's entries under (a removed profile's, or this one's before).
      const leftover = values.appid === undefined ? undefined : await otherAppidTokens(() => ctx.tokenStore(), profile, next.appid);
      return { ...(leftover ? { otherAppidTokens: leftover } : {}), sub: 'set', profile, key: shown[0]!.key, value: shown[0]!.value, values: shown, file: store.path, warnings: found.map((f) => f.problem), redirectCautions, created, madeCurrent, overridden, ...(loopbackDomain ? { loopbackDomain } : {}), ...(options.pairs.some((pair) => pair.key === 'secret' && pair.value !== '-') && ctx.interactive ? { secretTyped: true } : {}) };
    }
    case 'get': {
      const { key } = options;
      const config = await ctx.resolveConfig();
      const problem = config.errors.find((p) => p.field === key);
      if (problem) throw problem.error;
      const value = config[key as keyof typeof config] as string | undefined;
      if (value === undefined && isUnknownProfile(config)) throw unknownProfileError(config);
      const setAside = value === undefined && config.otherAccount !== undefined && ACCOUNT_FIELDS.has(key) && store.getProfile(config.profile)?.[key] !== undefined;
      // "appid is not set (profile default)" after `profile remove <current>` sent users to set it in a
      // profile nothing saves: said as config list says it, with the profiles to pick from.
      const missingProfile = value === undefined && !config.profileExists && config.profileNames.length > 0 ? { profiles: config.profileNames, noCurrent: config.profileSource === 'default' } : undefined;
      return {
        sub: 'get',
        profile: config.profile,
        key,
        value: show(key, value, config.secret),
        source: config.sources[key],
        ...(setAside ? { setAside } : {}),
        ...(missingProfile ? { missingProfile } : {}),
        // `config get domain` is how a user checks what is saved: a value from this shell is said as such.
        ...(config.sources[key] === 'env' ? { fromEnv: { variable: ENV_NAMES[key], ...(config.envOverProfile?.[key] ? { saved: show(key, store.getProfile(config.profile)?.[key], config.secret) } : {}) } } : {}),
        exitCode: value === undefined ? EXIT.checkFailed : EXIT.ok,
      };
    }
    case 'unset': {
      // A misspelt --profile / WXAUTH_PROFILE: said as get and list say it, not "nope has no region".
      const profiles = Object.keys(store.profiles());
      if (store.getProfile(profile) === undefined && (picked.source === 'flag' || picked.source === 'env')) {
        throw unknownProfileError({ profile, profileNames: profiles, profileSource: picked.source });
      }
      return { sub: 'unset', profile, keys: options.keys, removed: store.unsetValues(profile, options.keys), file: store.path };
    }
    case 'list': {
      const config = await ctx.resolveConfig();
      // --profile/WXAUTH_PROFILE naming a profile that is not there: say so and list the ones that
      // are, as url and config get do ("nothing configured yet" sent users with three profiles to
      // init). Unless env or flags give it values: then they are listed, with the warning.
      if (isUnknownProfile(config) && !PROFILE_KEYS.some((key) => config.sources[key] === 'env' || config.sources[key] === 'flag')) {
        throw unknownProfileError(config);
      }
      return {
        sub: 'list',
        profile: config.profile,
        exists: config.profileExists,
        file: store.path,
        entries: PROFILE_KEYS.map((key) => ({ key, value: show(key, config[key as keyof typeof config] as string | undefined, config.secret), source: config.sources[key] })),
        timeoutMs: config.timeoutMs,
        profiles: config.profileNames,
        warnings: config.warnings,
        problems: config.errors,
      };
    }
  }
}

/**
 * localhost set as a 公众号's or website app's domain, while the profile talks to real WeChat: saved
 * (the emulator and a test account take it), with the warning init gives, since real WeChat answers 10003.
 */
function savedLoopbackDomain(pairs: Array<{ key: ConfigField; value: string }>, next: ProfileData, ctx: Context, profile: string): { domain: string; kind: 'oa' | 'website'; profileFlag: string } | undefined {
  const type = next.type as AccountType | undefined;
  const domain = pairs.find((pair) => pair.key === 'domain')?.value;
  if (domain === undefined || type === undefined || type === 'test' || !hasWebAuth(type) || !isLoopbackDomain(domain)) return undefined;
  if (!linksGoToWechat(ctx.globals.openBase, ctx.env, next.openBase)) return undefined;
  return { domain, kind: type === 'website' ? 'website' : 'oa', profileFlag: profileFlag(profile) };
}

/**
 * Where wxauth keeps its files. Also when config.json or tokens.json does not parse: `config path` is
 * how a user finds the file the other commands refuse, so the problem is said beside the paths.
 */
async function paths(ctx: Context): Promise<ConfigResult> {
  const problems: MessageRef[] = [];
  /** Opened for what it says (a folder others can write, a file others can read); a file that does not parse is a problem to say. */
  const opened = async <T>(open: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A folder refused (store/files.ts checkStateDir) refuses both stores: said once.
      if (!problems.some((p) => p.key === error.messageRef.key && JSON.stringify(p.params) === JSON.stringify(error.messageRef.params))) problems.push(error.messageRef);
      return undefined;
    }
  };
  const store = await opened(() => ctx.configStore());
  const current = store && (await opened(async () => store.currentProfile()));
  const unread = problems.length > 0;
  await opened(() => ctx.tokenStore());
  const dir = stateDir(ctx.env);
  // The file holding the state `wxauth url` last remembered for the profile in use.
  const profile = pickProfileName(ctx.globals, ctx.env, current, store && !unread ? { profiles: store.profiles(), file: store.path } : undefined);
  const states = await ctx.stateFiles();
  return {
    sub: 'path',
    config: ConfigStore.pathIn(dir),
    tokens: TokenStore.pathIn(dir),
    state: states.pathOf(profile.name),
    ...(unread && profile.source === 'default' ? { stateGuessed: true } : {}),
    problems,
  };
}

// wxauth init: an interactive wizard on a terminal; flags only (never a prompt) without one or in CI.
// Every value, typed or given as a flag, goes through the one validation (core/validate.ts) that
// config set and the resolver use, so the wizard never accepts what it will refuse a step later.
import type { Context } from '../context.js';
import { domainForRedirect, exampleRedirectUri, isIpHost, isLoopbackDomain } from '../core/domain.js';
import { shellWord } from '../core/shell.js';
import { savedRedirectCautions, type RedirectCaution } from '../core/redirect-cautions.js';
import type { CommandInput } from '../cli.js';
import { CancelledError, UsageError, type MessageRef } from '../errors.js';
import {
  ACCOUNT_TYPES,
  checkCallbackPair,
  checkSetting,
  correctedSetting,
  hasWebAuth,
  looksLikeSecret,
  maskSecret,
  redirectUnder,
  suggestRedirectUri,
  type AccountType,
  type Checked,
  type SettingKey,
} from '../core/validate.js';
import { isOnThisMachine, onThisMachineOrLan } from '../core/host-names.js';
import { profileFlag } from '../core/validate.js';
import { dropSecretParams, hideUrlCredentials, maskSecretValues, redactUrl } from '../core/secrets.js';
import { isRegion, isWechatApiBase, isWechatOpenBase } from '../core/endpoints.js';
import { FLAG_NAMES, linksGoToWechat, pickProfileName, profileRegionIgnored, type ConfigField, type ProfileData } from '../store/resolve.js';
import { otherAppidTokens, profileConflicts, redirectViews, refusedHere, regionUnused, type Conflict, type OtherAppidTokens } from '../flows/profile-conflicts.js';
import { validateProfileName } from '../store/config.js';
import { joinText } from '../ui/format.js';
import { presentJsDomainsDropping, presentWizardIntro } from '../ui/present/init.js';
import { presentRedirectCautions } from '../ui/present/config.js';

export interface InitOptions {
  type?: string;
  appid?: string;
  secret?: string;
  domain?: string;
  redirectUri?: string;
  yes: boolean;
}

type CallbackFlag = 'domain' | 'redirectUri';

export interface InitResult {
  profile: string;
  /** The profile now holds a region and an API base that is not that region's host: the region is not used (saved with --yes). */
  regionIgnored: MessageRef | undefined;
  /** ` --profile x` for the commands the hints offer (empty for the default profile). */
  profileFlag: string;
  /** The settings file written. */
  file: string;
  data: ProfileData;
  /**
   * The redirect_uri as said: a code or secret in it (?code=…, a pasted AppSecret) masked as config get
   * masks it, unless --show-secrets (the file holds it as given).
   */
  shownRedirectUri?: string;
  /** The profile existed and was replaced. */
  replaced: boolean;
  /** The wizard kept the saved secret (an empty answer); the masked secret. */
  keptSecret?: string;
  /** A person at a terminal typed the AppSecret as --secret's value: it stays in the shell's history. */
  secretTyped?: boolean;
  /** Values given but not saved, because the account type has no use for them (subscription). */
  dropped: CallbackFlag[];
  /**
   * The profile's saved jsDomains, removed because the new type cannot use it (a website app has no
   * JS-SDK; a service or subscription account binds no port or IP): why, as config list would say it.
   */
  droppedJsDomains?: { value: string; problem: MessageRef; hint: MessageRef; said?: boolean };
  /** The profile commands use when no --profile is given, after this write. */
  currentProfile?: string;
  /** It was the first profile saved, so it became the current one (store/config.ts setValues). */
  madeCurrent: boolean;
  /** Endpoint flags given to init (--api-base, --open-base, --backup-api-base, --region), saved in the profile too. */
  endpoints: Partial<Pick<ProfileData, EndpointKey>>;
  /** Endpoint settings of the replaced profile that stay (not given now) and are not WeChat's: where this account's calls still go. */
  keptEndpoints: Partial<Pick<ProfileData, EndpointKey>>;
  /**
   * The redirect_uri is one the local listener can receive (http, on this machine or the LAN), so
   * `wxauth login` can run with it; login refuses any other (a public callback, the usual real one).
   */
  listenerCanReceive: boolean;
  /**
   * The redirect_uri is https on this machine or the LAN: login refuses it too, but what fits is its
   * http form (the listener speaks plain HTTP), not a page on a public domain. Its http form here.
   */
  localHttp?: string;
  /**
   * An official account (service or test) whose redirect_uri is on this machine, on WeChat itself: its
   * login finishes in phone WeChat, which cannot reach it (inspect's redirect_uri.loopback_phone).
   */
  loopbackOnPhone: boolean;
  /** What the saved redirect_uri carries that will cost the login (a # fragment, its own code or state): said now, not at the first link. */
  redirectCautions: RedirectCaution[];
  /**
   * A real account (service or website app) whose domain is this machine's name (`localhost`): WeChat's
   * console registers only a domain of the account's own, which WeChat fetches the MP_verify file from
   * (API-FACTS §3), so WeChat would answer 10003. The emulator takes it, so does a test account: said,
   * not refused (as an IP is, core/validate.ts checkDomain), and only when the links go to WeChat.
   */
  loopbackDomain: boolean;
  /**
   * The token cache holds entries under this profile's name for another appid than the one saved (what a
   * removed profile of the same name left): said, with the command that clears them; never removed here.
   */
  otherAppidTokens?: OtherAppidTokens;
}

type EndpointKey = 'apiBase' | 'openBase' | 'backupApiBase' | 'region';

/**
 * The endpoint flags on init's command line. Elsewhere they last one run; given to init they describe
 * the account being set up (`wxauth init … --api-base http://127.0.0.1:3900` for the emulator), and a
 * user who typed them expects the profile to keep them. (The flags were checked with every command's.)
 */
function endpointFlags(globals: Context['globals']): Partial<Pick<ProfileData, EndpointKey>> {
  const { apiBase, openBase, backupApiBase, region } = globals;
  return {
    ...(apiBase ? { apiBase } : {}),
    ...(openBase ? { openBase } : {}),
    ...(backupApiBase ? { backupApiBase } : {}),
    // checkGlobalFlags refused any region that is not one of REGIONS.
    ...(region ? { region: region as NonNullable<ProfileData['region']> } : {}),
  };
}

const FLAGS = { type: '--type', appid: '--appid', secret: '--secret', domain: '--domain', redirectUri: '--redirect-uri' } as const;

function orThrow(checked: Checked): string {
  if (!checked.ok) throw new UsageError(checked.problem, { hint: checked.hint });
  return checked.value;
}

/** A flag's value through the one validation, named by its flag in the message. */
function flag(key: SettingKey & keyof typeof FLAGS, value: string, type?: AccountType, emulator = false): string {
  return orThrow(checkSetting(key, value, { name: FLAGS[key], type, emulator }));
}

/** Callback flags a subscription account has no use for: dropped, and the result says so. */
function droppedFlags(o: InitOptions, type: AccountType): CallbackFlag[] {
  if (hasWebAuth(type)) return [];
  return (['domain', 'redirectUri'] as const).filter((k) => o[k] !== undefined);
}

/**
 * A whole `wxauth init … --yes` line for missing flags, keeping what was given (a test account's
 * IP:port, its own appid, a redirect_uri whose host then is the domain, the endpoint flags, which init
 * saves too, but for one with credentials: those are never printed), so that it can be run once
 * WX_SECRET holds the AppSecret; values a shell would split or expand are quoted.
 */
function initExample(
  type: AccountType | undefined,
  appid: string | undefined,
  domain: string | undefined,
  redirectUri: string | undefined,
  p: string,
  endpoints: Partial<Pick<ProfileData, EndpointKey>>,
  hideRedirect = false,
): string {
  const t = type ?? 'service';
  // The domain the redirect_uri needs as this type's console takes it: a port only on a test account (a
  // website app's `localhost:8093` was offered, then refused by the same init), and no IP but on one.
  const needed = redirectUri === undefined ? undefined : domainForRedirect(redirectUri, t);
  const host = needed !== undefined && (t === 'test' || !isIpHost(needed)) ? needed : undefined;
  const d = domain ?? host ?? (t === 'test' ? '127.0.0.1:8080' : 'www.example.com');
  // A redirect_uri that cannot be offered whole (a code or a token in it, fromFlags) is a placeholder; its host is the domain still.
  const web = hasWebAuth(t) ? ` --domain ${shellWord(d)} --redirect-uri ${shellWord(hideRedirect ? REDIRECT_PLACEHOLDER : (redirectUri ?? exampleRedirectUri(d)))}` : '';
  const kept = (Object.entries(endpoints) as Array<[EndpointKey, string]>).filter(([, value]) => hideUrlCredentials(value) === value);
  const flags = kept.map(([key, value]) => ` ${FLAG_NAMES[key]} ${shellWord(value)}`).join('');
  // The secret from a pipe, as init --help shows: a `<AppSecret>` pasted into a shell is a redirection.
  return `printf %s "$WX_SECRET" | wxauth init${p} --type ${t} --appid ${appid ?? 'wx1234567890abcdef'} --secret -${web}${flags} --yes`;
}

/** In a line offered where it would hold a redirect_uri it never prints (a code, a token, the AppSecret in it). */
const REDIRECT_PLACEHOLDER = '<redirect_uri>';

/** What init's `config set` line holds: the values to set, and the flags refused that it leaves out. */
interface ConfigSetPlan {
  /** One `wxauth config set` for every value given and accepted (or surely corrected), the secret piped. */
  command: string;
  /** Flags whose refused value the line gives corrected (`--domain` without its port). */
  corrected: string[];
  /** Flags whose refused value the line leaves out: to be fixed before they are set. */
  refused: string[];
  /** The one refused value is the secret, which the line reads from WX_SECRET all the same. */
  secretOnly: boolean;
  /** The values in the line (the secret's too: it is never printed from here). */
  values: Partial<Record<ConfigField, string>>;
  /** config set would refuse every line that sets them over the saved profile: none is offered (fitPlan). */
  unfit?: boolean;
  /**
   * Endpoint settings given with a user name or password in them, left out of the line (never printed in
   * a command to paste; fromFlags says so). Not in the line, but in the profile as it would be once they are set too, which the
   * line is checked against (fitPlan): a --region in the line beside an --api-base left out is refused.
   */
  leftOutValues: Partial<Record<EndpointKey, string>>;
}

/** The config set line for these values, the secret piped. */
function configSetLine(values: Partial<Record<ConfigField, string>>, p: string): string {
  const pairs = (Object.keys(values) as ConfigField[]).map((key) => `${key} ${key === 'secret' ? '-' : shellWord(values[key]!)}`);
  return pairs.length === 0 ? '' : `${values.secret !== undefined ? 'printf %s "$WX_SECRET" | ' : ''}wxauth config set${p} ${pairs.join(' ')}`;
}

/**
 * One `wxauth config set` with every flag given, so that it changes them all or none (config set
 * checks its pairs together, against the saved type, domain and redirect_uri): lines run one after
 * another saved the type and stopped at the domain. A refused value is never in it: its one sure fix
 * is (core/validate.ts correctedSetting), else it is left out and named, to be fixed first. The secret
 * comes from a pipe, never echoed.
 */
function configSetPlan(o: InitOptions, p: string, type: AccountType | undefined, accepted: Partial<Record<keyof typeof FLAGS, string>>, endpoints: Partial<Pick<ProfileData, EndpointKey>>): ConfigSetPlan {
  const values: Partial<Record<ConfigField, string>> = {};
  const corrected: string[] = [];
  const refused: string[] = [];
  for (const key of Object.keys(FLAGS) as Array<keyof typeof FLAGS>) {
    const given = o[key];
    // A subscription account's callback flags are not saved (droppedFlags): not set either.
    if (given === undefined || ((key === 'domain' || key === 'redirectUri') && type !== undefined && !hasWebAuth(type))) continue;
    const value = accepted[key] ?? (key === 'secret' ? undefined : correctedSetting(key, given, type));
    if (value === undefined) refused.push(FLAGS[key]);
    else {
      values[key] = value;
      if (accepted[key] === undefined) corrected.push(FLAGS[key]);
    }
  }
  // A domain given corrected takes the redirect_uri given with it along, when it moves under it surely.
  if (corrected.includes(FLAGS.domain) && values.domain !== undefined && values.redirectUri !== undefined && !checkCallbackPair(type, values.domain, values.redirectUri).ok) {
    const moved = redirectUnder(values.redirectUri, values.domain, type);
    if (moved !== undefined) {
      values.redirectUri = moved;
      corrected.push(FLAGS.redirectUri);
    }
  }
  // The secret is never in the line (it is piped): when it is the one refused value, the line keeps
  // `secret -` and the hint says to put one that fits in WX_SECRET first.
  const secretOnly = refused.length === 1 && refused[0] === FLAGS.secret;
  if (secretOnly) values.secret = '-';
  // The endpoint flags, which init saves in the profile too: the line changes what was given, so them
  // too. One with a user name or password in it is never printed in a command (left out).
  const leftOutValues: Partial<Record<EndpointKey, string>> = {};
  for (const [key, value] of Object.entries(endpoints) as Array<[EndpointKey, string]>) {
    if (hideUrlCredentials(value) === value) values[key] = value;
    else leftOutValues[key] = value;
  }
  return { command: configSetLine(values, p), corrected, refused, secretOnly, values, leftOutValues };
}

/**
 * What config set checks beyond the profile itself (flows/profile-conflicts.ts refusedHere, regionUnused):
 * a value the type in this shell (WXAUTH_TYPE) refuses, a region beside an apiBase. The keys the line sets,
 * the profile as it would be saved.
 */
type ShellCheck = (next: ProfileData, keys: ConfigField[]) => Conflict[];

/**
 * The config set line checked as config set checks it, against the saved profile (flows/profile-conflicts.ts,
 * the one rule): a --domain or --type given can leave the saved redirect_uri (or domain) outside what
 * the account takes, and config set refuses the line. Then it also sets what config set's own hint sets
 * (the redirect_uri moved under the new domain), said in `note`; when nothing set along makes it fit,
 * no line is offered and `note` is config set's refusal with its advice.
 */
function fitPlan(plan: ConfigSetPlan, existing: ProfileData, p: string, secret: string | undefined, inShell: ShellCheck, emulator: boolean): { plan: ConfigSetPlan; note?: InitProblem } {
  if (plan.command === '') return { plan };
  const { shown, pasteable } = redirectViews(secret, false);
  const refuse = (_key: ConfigField, refused: { problem: MessageRef; hint: MessageRef }) => new UsageError(refused.problem, { hint: refused.hint });
  // An endpoint flag left out for its credentials is checked as set all the same: the note says to set it too.
  const check = (inLine: Partial<Record<ConfigField, string>>) => {
    const values = { ...inLine, ...plan.leftOutValues };
    const { secret: _piped, ...set } = values;
    const keys = Object.keys(values) as ConfigField[];
    const next = { ...existing, ...set } as ProfileData;
    const checked = profileConflicts(new Set(keys), next, p, shown, pasteable, refuse, emulator);
    return checked.fatal ? checked : { found: [...checked.found, ...inShell(next, keys)] };
  };
  const first = check(plan.values);
  // Not met from init (its --domain was judged for the type before), but said as config set would say it.
  const { fatal } = first;
  if (fatal) return { plan: { ...plan, command: '', unfit: true }, ...(fatal.hint !== undefined ? { note: { problem: fatal.messageRef, hint: fatal.hint } } : {}) };
  const [conflict] = first.found;
  if (conflict === undefined) return { plan };
  const fixes = first.found.every((found) => found.fix !== undefined) ? first.found.flatMap((found) => found.fix!) : undefined;
  if (fixes !== undefined) {
    const values = { ...plan.values, ...Object.fromEntries(fixes) };
    const again = check(values);
    if (!again.fatal && again.found.length === 0) {
      const added = [...new Set(fixes.map(([key]) => key).filter((key) => plan.values[key] !== values[key]))];
      return { plan: { ...plan, values, command: configSetLine(values, p) }, note: { problem: conflict.problem, hint: { key: 'init.missingFlag.existing.fitted.hint', params: { added } } } };
    }
  }
  // The one no value set along mends is why there is no line (WXAUTH_TYPE, a region beside an apiBase).
  // Its hint is config set's, whose "add --yes to save it anyway" is config set's --yes, not init's (which
  // the user often gave already, and which replaces the profile whole): the note says whose. Not the
  // whole line: none is offered, since config set refuses it without --yes.
  const blocking = first.found.find((found) => found.fix === undefined) ?? conflict;
  return { plan: { ...plan, command: '', unfit: true }, note: { problem: blocking.problem, hint: blocking.hint, configSetYes: `wxauth config set${p} … --yes` } };
}

/**
 * Endpoint flags left out of the lines offered for the user name or password in them: each named, with the
 * words to add to the init line and the one config set that sets them all, `<URL>` for each address.
 */
function credentialsLeftOut(keys: EndpointKey[], p: string, overSaved: boolean): InitProblem {
  const add = keys.map((key) => `${FLAG_NAMES[key]} <URL>`).join(' ');
  const command = `wxauth config set${p} ${keys.map((key) => `${key} <URL>`).join(' ')}`;
  const problem: MessageRef =
    keys.length === 1 ? { key: 'init.credentialsLeftOut', params: { flag: FLAG_NAMES[keys[0]!] } } : { key: 'init.credentialsLeftOut.many', params: { flags: keys.map((key) => FLAG_NAMES[key]), count: keys.length } };
  // A new profile has no config set line to offer: the init line is the one to complete.
  if (!overSaved) return { problem, hint: keys.length === 1 ? { key: 'init.credentialsLeftOut.new.hint', params: { add } } : { key: 'init.credentialsLeftOut.new.many.hint', params: { add } } };
  return { problem, hint: keys.length === 1 ? { key: 'init.credentialsLeftOut.hint', params: { add, command } } : { key: 'init.credentialsLeftOut.many.hint', params: { add, command } } };
}

/** A refused flag or a further reason, with what to do; `configSetYes`: its hint is config set's refusal of this line, whose --yes it names. */
interface InitProblem {
  problem: MessageRef;
  hint: MessageRef;
  configSetYes?: string;
}

/**
 * The hint of init's missing flags: the whole init; over a saved profile also the config set that
 * changes only what was given.
 */
function missingHint(example: string, over: { profile: string; p: string; plan: ConfigSetPlan } | undefined): MessageRef {
  if (over === undefined || (over.plan.command === '' && over.plan.refused.length === 0 && !over.plan.unfit)) return { key: 'init.missingFlag.hint', params: { example } };
  const { profile, p, plan } = over;
  const { command: set, corrected, refused } = plan;
  // No line config set takes: what init's --yes does instead, and how to keep the saved profile as it is.
  if (plan.unfit) return { key: 'init.missingFlag.existing.unfit.hint', params: { example, profile } };
  if (plan.secretOnly) return { key: 'init.missingFlag.existing.secret.hint', params: { example, set, profile } };
  if (refused.length > 0 && set === '') return { key: 'init.missingFlag.existing.refusedOnly.hint', params: { example, profile, refused, command: `wxauth config set${p}` } };
  if (refused.length > 0) return { key: 'init.missingFlag.existing.refused.hint', params: { example, set, profile, refused } };
  if (corrected.length > 0) return { key: 'init.missingFlag.existing.corrected.hint', params: { example, set, profile, corrected } };
  return { key: 'init.missingFlag.existing.hint', params: { example, set, profile } };
}

/**
 * The profile the flags describe. Every missing flag and every refused value is said in one run: the
 * first as the error, the others as its further reasons (a user fixing one per run would run it again
 * for each), then `more` (the refusal to replace a saved profile without --yes, which is said after them).
 */
function fromFlags(o: InitOptions, profile: string, existing: ProfileData | undefined, line: { endpoints: Partial<Pick<ProfileData, EndpointKey>>; inShell: ShellCheck; showSecrets: boolean; emulator: boolean }, more: MessageRef[] = []): ProfileData {
  const problems: InitProblem[] = [];
  const accepted: Partial<Record<keyof typeof FLAGS, string>> = {};
  const take = (key: SettingKey & keyof typeof FLAGS, value: string, type?: AccountType): string | undefined => {
    const checked = checkSetting(key, value, { name: FLAGS[key], type, emulator: line.emulator });
    if (checked.ok) return (accepted[key] = checked.value);
    problems.push({ problem: checked.problem, hint: checked.hint });
    return undefined;
  };
  const type = o.type ? (take('type', o.type) as AccountType | undefined) : undefined;
  // Which flags are needed depends on the type: with none known (missing or refused), only the others.
  const webAuth = type !== undefined && hasWebAuth(type);
  const required: Array<keyof typeof FLAGS> = ['type', 'appid', 'secret', ...(webAuth ? (['domain', 'redirectUri'] as const) : [])];
  const missing = required.filter((name) => !o[name]);
  const appid = o.appid ? take('appid', o.appid, type) : undefined;
  const secret = o.secret ? take('secret', o.secret, type) : undefined;
  // Without a known type the domain is checked for its shape (a port's fitness depends on the type).
  const domain = (webAuth || type === undefined) && o.domain ? take('domain', o.domain, type) : undefined;
  const redirectUri = (webAuth || type === undefined) && o.redirectUri ? take('redirectUri', o.redirectUri) : undefined;
  if (missing.length > 0) {
    const flags = missing.map((name) => FLAGS[name]);
    // A refused --type is said first: the flags it would need come with the type.
    const at = o.type && type === undefined ? 1 : 0;
    const p = profileFlag(profile);
    // Over a saved profile, the example keeps its account as saved (type, appid, callback) where the
    // flags do not change it, and says that `config set` changes only what was given: init replaces
    // the whole profile, which is why it wants every flag.
    const saved = existing && (type === undefined || existing.type === type) ? existing : undefined;
    const savedType = saved?.type !== undefined && checkSetting('type', saved.type).ok ? (saved.type as AccountType) : undefined;
    const plan0 = configSetPlan(o, p, type, accepted, existing ? line.endpoints : {});
    const fitted = existing ? fitPlan(plan0, existing, p, accepted.secret ?? existing.secret, line.inShell, line.emulator) : { plan: plan0 };
    // A redirect_uri given or saved with a code, a token or the AppSecret in it (as config get would mask it)
    // is in no line offered, as in none of config set's hints (flows/profile-conflicts.ts pasteable): a
    // placeholder in its place, and why. The line is checked with it all the same (fitPlan, above).
    const { pasteable } = redirectViews(accepted.secret ?? existing?.secret, line.showSecrets);
    const unsafe = (uri: string | undefined) => uri !== undefined && pasteable(uri)?.names.length !== 0;
    const hideGiven = unsafe(fitted.plan.values.redirectUri);
    const plan = hideGiven ? { ...fitted.plan, command: configSetLine({ ...fitted.plan.values, redirectUri: REDIRECT_PLACEHOLDER }, p) } : fitted.plan;
    // A refused domain's sure fix (the name without its port) is what the example gives too, with the redirect_uri moved under it.
    const callback = webAuth || type === undefined ? plan.values : {};
    const exampleRedirect = callback.redirectUri ?? saved?.redirectUri;
    const hideRedirect = unsafe(exampleRedirect);
    const example = initExample(type ?? savedType, appid ?? saved?.appid, callback.domain ?? saved?.domain, exampleRedirect, p, line.endpoints, hideRedirect);
    const hint = missingHint(example, existing ? { profile, p, plan } : undefined);
    problems.splice(at, 0, { problem: { key: 'init.missingFlag', params: { flag: flags } }, hint });
    // Why the config set line sets more than was given (or why there is none): after the refusals its hint speaks of.
    if (fitted.note) problems.push(fitted.note);
    // An endpoint flag with a user name or password is never in a line to paste: said, not left out unseen,
    // each one (the command to run oneself sets them all: with the first alone, the others looked set).
    // A new profile: the init line is the only one offered (as above, without them).
    const leftOut = (Object.keys(line.endpoints) as EndpointKey[]).filter((key) => hideUrlCredentials(line.endpoints[key]!) !== line.endpoints[key]);
    if (leftOut.length > 0) problems.push(credentialsLeftOut(leftOut, p, existing !== undefined));
    if (hideRedirect || hideGiven) {
      problems.push({
        problem: callback.redirectUri !== undefined ? { key: 'init.redirectLeftOut' } : { key: 'init.redirectLeftOut.saved', params: { profile } },
        hint: { key: 'init.redirectLeftOut.hint' },
      });
    }
  }
  if (problems.length === 0 && type !== undefined && domain !== undefined && redirectUri !== undefined) {
    const pair = checkCallbackPair(type, domain, redirectUri, line.emulator);
    if (!pair.ok) problems.push({ problem: pair.problem, hint: pair.hint });
  }
  const [first, ...rest] = problems;
  if (first) throw new UsageError(first.problem, { hint: first.hint, also: rest.map((p): MessageRef => (p.configSetYes !== undefined ? { key: 'init.also.configSet', params: { problem: p.problem, hint: p.hint, command: p.configSetYes } } : { key: 'init.also', params: { problem: p.problem, hint: p.hint } })).concat(more) });
  const data: ProfileData = { type: type!, appid: appid!, secret: secret! };
  if (hasWebAuth(type!)) {
    data.domain = domain;
    data.redirectUri = redirectUri;
  }
  return data;
}

interface Answers {
  data: ProfileData;
  keptSecret?: string;
}

/** What the redirect_uri to be saved carries that will cost the login (none for a type without web authorization). */
function redirectCautionsOf(data: ProfileData): RedirectCaution[] {
  return hasWebAuth(data.type as AccountType) && data.redirectUri !== undefined ? savedRedirectCautions(data.redirectUri, data.type) : [];
}

/**
 * Flags given alongside the wizard, checked as flags (exit 2) before anything is asked, the question
 * over an existing profile included (a "Replace it? yes" answered, then `--type servce` refused, asked
 * for nothing). The callback flags are checked for their shape here, against the type the wizard
 * chooses later. The type given, if any.
 */
function checkWizardFlags(o: InitOptions): AccountType | undefined {
  const type = o.type !== undefined ? (flag('type', o.type) as AccountType) : undefined;
  if (o.appid !== undefined) flag('appid', o.appid, type);
  if (o.secret !== undefined) flag('secret', o.secret, type);
  if (type === undefined || hasWebAuth(type)) {
    if (o.domain !== undefined) flag('domain', o.domain, type);
    if (o.redirectUri !== undefined) flag('redirectUri', o.redirectUri);
  }
  return type;
}

async function ask(ctx: Context, o: InitOptions, profile: string, existing: ProfileData | undefined): Promise<Answers> {
  const { out } = ctx;
  const p = await ctx.prompts();
  // A prompt shows a refusal in one line: what is wrong, then what is right.
  // Joined as the language joins sentences (no space after 「。」 in Chinese).
  const shown = (checked: Checked): true | string => (checked.ok ? true : joinText(out.lang, out.tr(checked.problem), out.tr(checked.hint)));
  // The AppSecret pasted at the AppID or domain prompt is refused "not shown, so it does not leak": the
  // prompt line, which keeps what was typed for the user to fix, shows it masked too (the answer is as typed).
  const hideSecret = (v: string): string => (looksLikeSecret(v) ? '*'.repeat(v.length) : v);
  // A paste of several lines at a prompt (ui/prompt.ts hands validate its lines joined by \n) is refused
  // whole, its lines not said: the AppID and the AppSecret copied from the console's two rows, taken as
  // the AppID and then typed unseen into the secret prompt, or a second line typed into the next question.
  const oneLine =
    (what: 'appid' | 'secret' | 'domain' | 'redirectUri', check: (v: string) => true | string) =>
    (v: string): true | string =>
      v.includes('\n') ? joinText(out.lang, out.t(`init.${what}.lines`, { lines: v.split('\n').length }), out.t(linesHint(what))) : check(v);
  // The AppID's hint says the AppSecret is asked next: not so when --secret gave it.
  const linesHint = (what: 'appid' | 'secret' | 'domain' | 'redirectUri') => (what === 'appid' && o.secret !== undefined ? 'init.appid.lines.hint.secretGiven' : (`init.${what}.lines.hint` as const));
  const type = checkWizardFlags(o);

  presentWizardIntro(out, profile);
  const chosenType =
    type ??
    (await p.select<AccountType>({
      message: out.t('init.ask.type'),
      choices: ACCOUNT_TYPES.map((value) => ({ value, name: out.t(`init.type.${value}`) })),
      default: existing?.type,
    }));
  const appid =
    o.appid ??
    (await p.input({
      message: out.t('init.ask.appid'),
      default: existing?.appid,
      validate: oneLine('appid', (v) => shown(checkSetting('appid', v, { type: chosenType }))),
      transformer: hideSecret,
    }));

  // The saved secret belongs to the saved appid: it is offered only while the appid stays the same.
  const keepable = existing?.secret !== undefined && existing.appid === appid ? existing.secret : undefined;
  let keptSecret: string | undefined;
  let secret = o.secret;
  if (secret === undefined) {
    const answer = await p.password({
      message: keepable ? out.t('init.ask.secret.keep', { masked: maskSecret(keepable) }) : out.t('init.ask.secret'),
      // A paste of more than the AppSecret (the 重置 under it, the AppID row above), refused whole.
      validate: oneLine('secret', (v) => (v === '' && keepable ? true : shown(checkSetting('secret', v, { type: chosenType })))),
    });
    if (answer === '' && keepable) keptSecret = maskSecret(keepable);
    secret = answer === '' && keepable ? keepable : answer;
  }
  const data: ProfileData = { type: chosenType, appid, secret };

  if (hasWebAuth(chosenType)) {
    // Against an emulator, its own export line's values are taken, as url takes them (checkCallbackPair).
    const emulator = !linksGoToWechat(ctx.globals.openBase, ctx.env, existing?.openBase);
    if (o.domain !== undefined) flag('domain', o.domain, chosenType, emulator);
    // The saved domain is offered only if this account type can take it (a test account's IP:port
    // cannot become a service account's domain).
    const savedDomain = existing?.domain !== undefined && checkSetting('domain', existing.domain, { type: chosenType }).ok ? existing.domain : undefined;
    const domain =
      o.domain ??
      (await p.input({
        message: out.t(chosenType === 'website' ? 'init.ask.domain.website' : chosenType === 'test' ? 'init.ask.domain.test' : 'init.ask.domain.oa'),
        default: savedDomain,
        // Checked for this account type, so a service domain with a port is refused here, not at the
        // redirect_uri prompt, whose every answer would then be refused.
        validate: oneLine('domain', (v) => shown(checkSetting('domain', v, { type: chosenType, emulator }))),
        transformer: hideSecret,
      }));
    data.domain = domain;
    if (o.redirectUri !== undefined) {
      flag('redirectUri', o.redirectUri);
      orThrow(checkCallbackPair(chosenType, domain, o.redirectUri, emulator));
    }
    data.redirectUri =
      o.redirectUri ??
      (await p.input({
        message: out.t('init.ask.redirectUri'),
        default: suggestRedirectUri(chosenType, domain, existing?.redirectUri),
        validate: oneLine('redirectUri', (v) => {
          const shape = checkSetting('redirectUri', v);
          return shape.ok ? shown(checkCallbackPair(chosenType, domain, v, emulator)) : shown(shape);
        }),
        // Only a line of a paste can look like the AppSecret here (no redirect_uri does).
        transformer: hideSecret,
      }));
  }
  // Said before the question, while the answer can still be declined; not again once saved (run).
  presentRedirectCautions(out, redirectCautionsOf(data));
  // A saved jsDomains the chosen type refuses goes with the replacement: said while "no" keeps it.
  const dropping = jsDomainsRefused(existing?.jsDomains, chosenType);
  if (dropping) presentJsDomainsDropping(out, profile, dropping);
  // Declining is the same outcome as Ctrl-C at any prompt: nothing written, exit 130.
  if (!o.yes && !(await p.confirm({ message: out.t('init.confirm', { profile }), default: true }))) {
    throw new CancelledError({ hint: { key: 'common.cancelled.declined' } });
  }
  return { data, keptSecret };
}

/**
 * --region beside --api-base (or beside the apiBase the profile keeps, or --api-base beside its region):
 * the API base wins (store/resolve.ts), so the region saved would never be used, and every run would say
 * so. Refused without --yes, as config set refuses it (commands/config.ts regionUnused), before anything
 * is asked or read; the wizard asks instead (no is exit 130, nothing written).
 */
async function confirmRegionUsed(ctx: Context, profile: string, existing: ProfileData | undefined, yes: boolean): Promise<void> {
  const endpoints = endpointFlags(ctx.globals);
  if (yes || (endpoints.region === undefined && endpoints.apiBase === undefined)) return;
  const region = endpoints.region ?? existing?.region;
  const apiBase = endpoints.apiBase ?? existing?.apiBase;
  if (region === undefined || apiBase === undefined || !isRegion(region) || profileRegionIgnored(profile, region, apiBase) === undefined) return;
  const problem: MessageRef = { key: 'config.set.regionIgnored', params: { profile, region, apiBase: hideUrlCredentials(apiBase) } };
  // Both flags: drop one. One flag beside the other saved: remove the saved one first.
  const hint: MessageRef =
    endpoints.region !== undefined && endpoints.apiBase !== undefined
      ? { key: 'init.regionIgnored.both.hint' }
      : { key: 'init.regionIgnored.hint', params: { unset: `wxauth${profileFlag(profile)} config unset ${endpoints.region !== undefined ? 'apiBase' : 'region'}` } };
  if (!ctx.interactive) throw new UsageError(problem, { hint });
  ctx.out.warn(ctx.out.tr(problem));
  const prompts = await ctx.prompts();
  if (!(await prompts.confirm({ message: ctx.out.t('init.regionIgnored.confirm'), default: false }))) throw new CancelledError({ hint });
}

export function parseOptions(input: CommandInput): InitOptions {
  const { opts } = input;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    type: str(opts.type),
    appid: str(opts.appid),
    secret: str(opts.secret),
    domain: str(opts.domain),
    redirectUri: str(opts.redirectUri),
    yes: opts.yes === true,
  };
}

/**
 * The http form of an https redirect_uri on this machine, as a word to paste into `config set
 * redirectUri …`: quoted for the shell, without a code, state or other secret it carried (a redirect_uri
 * copied from an address bar; init warned about it above). None when the AppSecret itself is in it
 * or another secret redactUrl masks (unless --show-secrets): a command to paste never holds a masked value.
 */
function pasteableHttp(redirectUri: string, secret: string | undefined, showSecrets: boolean): { localHttp?: string } {
  // Without a code or state it carried, --show-secrets or not: the warning above says to strip them
  // (WeChat adds its own).
  const kept = dropSecretParams(redirectUri.replace(/^https:/i, 'http:'), ['state']).url;
  // Nor one that still holds what redactUrl masks (a fragment's #access_token=…, a code encoded in a value).
  if (!showSecrets && (redactUrl(kept) !== kept || (secret && maskSecretValues(kept, [secret]) !== kept))) return {};
  return { localHttp: shellWord(kept) };
}

/**
 * A saved jsDomains the new account type refuses (checkSetting with the type), which init's merge would
 * otherwise keep for `jssdk verify` and `config list` to complain about later: removed, as a
 * subscription account's callback settings are, and said. One refused whatever the type (a hand-edited
 * value that is not domains) is not init's to judge: it stays, and config list says what is wrong with it.
 */
function jsDomainsRefused(saved: string | undefined, type: AccountType): InitResult['droppedJsDomains'] {
  if (saved === undefined) return undefined;
  const checked = checkSetting('jsDomains', saved, { name: 'jsDomains', type });
  if (checked.ok || (type !== 'website' && !checkSetting('jsDomains', saved, { name: 'jsDomains' }).ok)) return undefined;
  return { value: saved, problem: checked.problem, hint: checked.hint };
}

/** Endpoint settings as said back: a URL's user name and password masked (core/secrets.ts hideUrlCredentials). */
function shownEndpoints(values: Partial<Pick<ProfileData, EndpointKey>>): Partial<Pick<ProfileData, EndpointKey>> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? hideUrlCredentials(value) : value]));
}

export async function run(given: InitOptions, ctx: Context): Promise<InitResult> {
  // --secret -: read from a pipe, so the secret is in no command line (history, ps, CI logs).
  const options = given.secret === '-' ? { ...given, secret: await (await import('../flows/stdin.js')).secretFromStdin(ctx.stdin, '--secret', 'wxauth init … --secret -') } : given;
  const store = await ctx.configStore();
  const picked = pickProfileName(ctx.globals, ctx.env, store.currentProfile(), { profiles: store.profiles(), file: store.path });
  const profile = validateProfileName(picked.name);
  // Before any question: a new name starting with "-", or differing from a saved one only in case, is
  // refused (store/config.ts); from WXAUTH_PROFILE as a refused variable (exit 4).
  store.refuseNewName(profile, picked.source);
  const existing = store.getProfile(profile);
  // The config set line offered over a saved profile (missing flags), as config set will check it when run here.
  const linePrefix = profileFlag(profile);
  const line = {
    endpoints: endpointFlags(ctx.globals),
    inShell: (next: ProfileData, keys: ConfigField[]): Conflict[] => [
      ...refusedHere(ctx.globals, ctx.env, store.snapshot(), profile, next, keys.map((key) => ({ key }))),
      ...regionUnused(keys.map((key) => ({ key, value: next[key] ?? '' })), next, profile, linePrefix),
    ],
    showSecrets: ctx.globals.showSecrets === true,
    // The links go to an emulator (--open-base, else WXAUTH_OPEN_BASE, else the profile's, as url decides
    // it): the callback checks take what the emulator's own export line sets, as url does.
    emulator: !linksGoToWechat(ctx.globals.openBase, ctx.env, existing?.openBase),
  };
  if (ctx.interactive) checkWizardFlags(options);
  if (existing && !options.yes) {
    const about = { profile, type: existing.type ?? '-', appid: existing.appid ?? '-' };
    // Replacing a profile replaces its secret: as with profile remove and tokens clear, that takes
    // --yes without a terminal, and a question on one (asked before any value is typed).
    if (!ctx.interactive) {
      // What --yes would remove beside the values given: a saved jsDomains the type given refuses.
      const type = options.type === undefined ? undefined : checkSetting('type', options.type);
      const dropping = type?.ok ? jsDomainsRefused(existing.jsDomains, type.value as AccountType) : undefined;
      const exists: MessageRef = { key: 'init.exists', params: { ...about, file: store.path } };
      const jsDomains: MessageRef[] = dropping ? [{ key: 'init.exists.jsDomains', params: { profile, value: dropping.value, reason: dropping.problem } }] : [];
      // The values given are judged first, this refusal said after theirs: told only "add --yes", a run
      // with a refused --domain or --appid heard of it only once --yes was added.
      const existsAlso: MessageRef[] = [{ key: 'init.also', params: { problem: exists, hint: { key: 'init.exists.hint' } } }];
      fromFlags(options, profile, existing, line, existsAlso.concat(jsDomains));
      throw new UsageError(exists, { hint: { key: 'init.exists.hint' }, ...(jsDomains.length > 0 ? { also: jsDomains } : {}) });
    }
    const prompts = await ctx.prompts();
    if (!(await prompts.confirm({ message: ctx.out.t('init.exists.confirm', about), default: false }))) throw new CancelledError({ hint: { key: 'common.cancelled.declined' } });
  }
  await confirmRegionUsed(ctx, profile, existing, options.yes);
  const { data, keptSecret } = ctx.interactive ? await ask(ctx, options, profile, existing) : { data: fromFlags(options, profile, existing, line), keptSecret: undefined };
  const type = data.type as AccountType;
  // init writes the whole account: callback settings the new type has no use for are removed (an
  // undefined value is not written), so a service profile re-initialised as subscription keeps no
  // domain. Endpoint overrides (apiBase…) are not asked and stay.
  const endpoints = endpointFlags(ctx.globals);
  // Said, since a real account's secret would otherwise go, unannounced, to the emulator the old profile named.
  const elsewhere = (k: 'apiBase' | 'openBase' | 'backupApiBase', v: string) => (k === 'openBase' ? !isWechatOpenBase(v) : !isWechatApiBase(v));
  const keptEndpoints = Object.fromEntries(
    (['apiBase', 'openBase', 'backupApiBase'] as const).filter((k) => existing?.[k] !== undefined && endpoints[k] === undefined && elsewhere(k, existing[k]!)).map((k) => [k, existing![k]]),
  ) as Partial<Pick<ProfileData, EndpointKey>>;
  // The wizard said it before its last question (ask): the result carries it, not said twice.
  const refusedJsDomains = jsDomainsRefused(existing?.jsDomains, type);
  const droppedJsDomains = refusedJsDomains && ctx.interactive ? { ...refusedJsDomains, said: true } : refusedJsDomains;
  const written: ProfileData = {
    ...(hasWebAuth(type) ? data : { ...data, domain: undefined, redirectUri: undefined }),
    ...(droppedJsDomains ? { jsDomains: undefined } : {}),
    ...endpoints,
  };
  const madeCurrent = store.setValues(profile, written);
  const saved = store.getProfile(profile);
  // A new profile with a removed one's name would otherwise list that one's users as its own (tokens).
  const leftover = await otherAppidTokens(() => ctx.tokenStore(), profile, saved?.appid);
  const onWechat = linksGoToWechat(endpoints.openBase, ctx.env, saved?.openBase);
  // Both kept with --yes (or asked and confirmed): said now, not only by the next command.
  let regionIgnored: MessageRef | undefined;
  if (saved?.region !== undefined && saved.apiBase !== undefined && isRegion(saved.region)) regionIgnored = profileRegionIgnored(profile, saved.region, saved.apiBase);
  return {
    profile,
    regionIgnored,
    profileFlag: profileFlag(profile),
    file: store.path,
    data,
    ...(data.redirectUri !== undefined ? { shownRedirectUri: ctx.globals.showSecrets ? data.redirectUri : maskSecretValues(redactUrl(data.redirectUri), data.secret ? [data.secret] : []) } : {}),
    replaced: existing !== undefined,
    ...(keptSecret ? { keptSecret } : {}),
    ...(given.secret !== undefined && given.secret !== '-' && ctx.interactive ? { secretTyped: true } : {}),
    dropped: droppedFlags(options, type),
    ...(droppedJsDomains ? { droppedJsDomains } : {}),
    currentProfile: store.currentProfile(),
    madeCurrent,
    // As shown: a base URL's credentials (http://user:pass@gateway) masked, as config get shows them.
    endpoints: ctx.globals.showSecrets ? endpoints : shownEndpoints(endpoints),
    keptEndpoints: ctx.globals.showSecrets ? keptEndpoints : shownEndpoints(keptEndpoints),
    listenerCanReceive: hasWebAuth(type) && (await import('../flows/callback.js')).listenerCanReceiveHere(data.redirectUri),
    ...(hasWebAuth(type) && onThisMachineOrLan(data.redirectUri, 'https:') ? pasteableHttp(data.redirectUri!, data.secret, ctx.globals.showSecrets === true) : {}),
    // The open base as url will use it: the flag (saved above), else WXAUTH_OPEN_BASE, else the profile's.
    loopbackOnPhone: hasWebAuth(type) && type !== 'website' && isOnThisMachine(data.redirectUri) && onWechat,
    // The wizard said them before its last question.
    redirectCautions: ctx.interactive ? [] : redirectCautionsOf(data),
    loopbackDomain: hasWebAuth(type) && type !== 'test' && data.domain !== undefined && isLoopbackDomain(data.domain) && onWechat,
    ...(leftover ? { otherAppidTokens: leftover } : {}),
  };
}

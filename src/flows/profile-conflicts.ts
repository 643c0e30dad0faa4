// What a profile's saved settings no longer fit once some are changed: the cross-check of `config set`
// (a type, a domain, a redirect_uri, JS-safe domains against the others as saved). init runs it too, on
// the `config set` line it offers over a saved profile, so that line is one config set accepts; so are the
// checks against this shell (refusedHere: WXAUTH_TYPE) and against the endpoints (regionUnused).
import { messageRef, type MessageParams, type MessageRef, type UsageError } from '../errors.js';
import { checkCallbackPair, checkSetting, fitForType, hasWebAuth, hostOfUrl, redirectUnder, type AccountType } from '../core/validate.js';
import { shellWord } from '../core/shell.js';
import { dropSecretParams, hideUrlCredentials, holdsSecretShape, maskSecretShapes, maskSecretValues, redactUrl } from '../core/secrets.js';
import { isRegion } from '../core/endpoints.js';
import { profileRegionIgnored, resolveConfig, type ConfigField, type ProfileData, type ResolveInput } from '../store/resolve.js';

/**
 * A value of `config set` refused whose one fix is known (a domain without its port, JS-safe domains
 * without a scheme or a path): the error to throw, made by the command (commands/config.ts refuseGiven).
 */
export type RefuseGiven = (key: ConfigField, refused: { problem: MessageRef; hint: MessageRef }, type: AccountType | undefined, hintWithCommand?: (command: string) => MessageRef) => UsageError;

/**
 * One thing that no longer fits, with what to do. `fix`: the pairs that, set along with the ones given,
 * make it fit (the values the hint's command sets), when the hint's command only sets values; none when
 * something must be removed first or has no value to offer.
 */
export interface Conflict {
  problem: MessageRef;
  hint: MessageRef;
  fix?: Array<[ConfigField, string]>;
}

/**
 * A redirect_uri as config get shows it (a code, a token, the AppSecret in it masked; a URL's password
 * hidden), and as a command may offer it to paste: without what would be masked, or not at all.
 */
export function redirectViews(secret: string | undefined, showSecrets: boolean): { shown: (uri: string) => string; pasteable: (uri: string) => { url: string; names: string[] } | undefined } {
  const shown = (uri: string): string => {
    if (showSecrets) return uri;
    const masked = redactUrl(uri.includes('@') ? hideUrlCredentials(uri) : uri);
    return secret === undefined ? masked : maskSecretValues(masked, [secret]);
  };
  const pasteable = (uri: string) => {
    if (showSecrets) return { url: uri, names: [] };
    const dropped = dropSecretParams(uri);
    // Nor one holding 32 hex digits in a row: a command offered by a refusal, which quotes none.
    return shown(dropped.url) === dropped.url && !holdsSecretShape(dropped.url) ? dropped : undefined;
  };
  return { shown, pasteable };
}

/**
 * What no longer fits after setting `key` in the saved profile: the domain and the JS-safe domains
 * for the account type (only test accounts take a port or an IP), the redirect_uri under the domain. A domain refused for
 * the profile's type (or jsDomains) is the value's own fault and always an error; the rest can be saved with --yes.
 * Each hint offers commands that run as pasted: with the values that would fit (a test account's
 * `www.example.com:8080` is a service account's `www.example.com`), else the settings to remove first.
 * A redirect_uri is quoted as config get shows it (`shown`: a code in it masked), and a command offers
 * it only as `pasteable` gives it: never with a masked value, which would be saved as `code=061a***`.
 */
export function profileConflicts(
  keys: ReadonlySet<ConfigField>,
  next: ProfileData,
  p: string,
  shown: (uri: string) => string,
  pasteable: (uri: string) => { url: string; names: string[] } | undefined,
  refused: RefuseGiven,
  /** The links go to an emulator, not WeChat (store/resolve.ts linksGoToWechat): its port on this machine is taken. */
  emulator = false,
): { fatal?: UsageError; found: Conflict[] } {
  const found: Conflict[] = [];
  if (!keys.has('type') && !keys.has('domain') && !keys.has('redirectUri') && !keys.has('jsDomains')) return { found };
  const type = next.type as AccountType | undefined;
  const set = (...pairs: Array<[string, string]>) => `wxauth${p} config set ${pairs.map(([k, v]) => `${k} ${shellWord(v)}`).join(' ')}`;
  const unset = (...names: string[]) => `wxauth${p} config unset ${names.join(' ')}`;
  // A type the saved domain or JS-safe domains do not fit: one command changes it with all of them, the
  // values made to fit where that is known (a name without its port); the ones no such type can
  // take (an IP, a website app's jsDomains) are removed first.
  const typeFix: Array<[string, string]> = [];
  const typeRemove: string[] = [];
  const typeHint = (): MessageRef =>
    typeRemove.length === 0
      ? { key: 'config.set.typeUnfit.hint', params: { command: set(['type', type!], ...typeFix) } }
      : { key: 'config.set.typeUnfit.remove.hint', params: { type: { key: `account.type.${type!}` }, unset: unset(...typeRemove), set: set(['type', type!], ...typeFix) } };
  const typeProblems: MessageRef[] = [];
  // A 订阅号 has no callback at all (below): its domain is not judged as a callback domain first.
  if (next.domain !== undefined && hasWebAuth(type)) {
    const domain = checkSetting('domain', next.domain, { type, name: 'domain', emulator });
    if (!domain.ok) {
      if (keys.has('domain')) return { fatal: refused('domain', domain, type), found };
      if (keys.has('type') && type !== undefined) {
        typeProblems.push(domain.problem);
        const fit = fitForType('domain', next.domain, type);
        const moved = fit !== undefined && next.redirectUri !== undefined ? redirectUnder(next.redirectUri, fit, type) : undefined;
        // A redirect_uri that cannot be offered whole (a code in it would be masked) is removed first instead.
        const redirect = moved !== undefined ? pasteable(moved) : undefined;
        const clean = redirect !== undefined && redirect.names.length === 0 ? redirect.url : undefined;
        if (fit === undefined) typeRemove.push('domain', ...(next.redirectUri !== undefined ? ['redirectUri'] : []));
        else {
          typeFix.push(['domain', fit], ...(clean !== undefined ? [['redirectUri', clean] as [string, string]] : []));
          if (moved !== undefined && clean === undefined) typeRemove.push('redirectUri');
        }
      }
    }
  }
  // The JS-safe domains take a port or an IP on a test account only, as the callback domain does
  // (core/validate.ts checkJsDomains): refused when given, re-checked when the type changes.
  if (next.jsDomains !== undefined) {
    const js = checkSetting('jsDomains', next.jsDomains, { type, name: 'jsDomains' });
    if (!js.ok) {
      if (keys.has('jsDomains')) return { fatal: refused('jsDomains', js, type), found };
      if (keys.has('type') && type !== undefined) {
        typeProblems.push(js.problem);
        const fit = fitForType('jsDomains', next.jsDomains, type);
        if (fit === undefined) typeRemove.push('jsDomains');
        else typeFix.push(['jsDomains', fit]);
      }
    }
  }
  if (typeProblems.length > 0) found.push(...typeProblems.map((problem) => ({ problem, hint: typeHint(), ...(typeRemove.length === 0 ? { fix: typeFix as Array<[ConfigField, string]> } : {}) })));
  // A 订阅号 has no web authorization (init saves no domain or redirect_uri for one): the saved ones
  // would never be used, and url would refuse every link.
  if (!hasWebAuth(type) && (next.domain !== undefined || next.redirectUri !== undefined)) {
    const saved = (['domain', 'redirectUri'] as const).filter((k) => next[k] !== undefined);
    const given = saved.filter((k) => keys.has(k)).map((k) => [k, next[k]!] as [string, string]);
    // A value config get would show masked (a code), or one holding 32 hex digits in a row (which no
    // refusal quotes), is not repeated in the command: the type first, then the same config set again.
    const whole = given.every(([, v]) => shown(v) === v && !holdsSecretShape(v));
    found.push({
      problem: { key: 'config.set.subscriptionCallback' },
      hint: keys.has('type')
        ? { key: 'config.set.subscriptionCallback.type.hint', params: { unset: unset(...saved), set: set(['type', 'subscription']) } }
        : whole
          ? { key: 'config.set.subscriptionCallback.hint', params: { command: set(['type', 'service'], ...given), unset: unset(...saved) } }
          : { key: 'config.set.subscriptionCallback.again.hint', params: { command: set(['type', 'service']), unset: unset(...saved) } },
    });
    return { found };
  }
  if (next.domain !== undefined && next.redirectUri !== undefined && found.length === 0) {
    const pair = checkCallbackPair(type, next.domain, next.redirectUri, emulator);
    if (!pair.ok) {
      // The host as config get shows it (the whole redirect_uri when it has none); a refusal that quotes
      // nothing (one of the two holds the AppSecret's shape) as it is.
      const params: MessageParams = pair.problem.params ?? {};
      let problem: MessageRef = pair.problem;
      if ('host' in params) problem = messageRef(pair.problem.key, { ...params, host: maskSecretShapes(shown(String(params.host))) });
      if (keys.has('redirectUri')) {
        // The redirect_uri given names its host: the domain that would take it, if the type allows it.
        const host = hostOfUrl(next.redirectUri);
        const domain = host !== undefined && checkSetting('domain', host, { type }).ok && checkCallbackPair(type, host, next.redirectUri, emulator).ok ? host : undefined;
        const redirect = domain !== undefined ? pasteable(next.redirectUri) : undefined;
        found.push({
          problem,
          ...(domain !== undefined && redirect !== undefined && redirect.names.length === 0 ? { fix: [['domain', domain], ['redirectUri', redirect.url]] as Array<[ConfigField, string]> } : {}),
          hint:
            domain === undefined || redirect === undefined
              ? { key: 'config.set.redirectOutside.none.hint', params: { domain: maskSecretShapes(next.domain) } }
              : redirect.names.length === 0
                ? { key: 'config.set.redirectOutside.hint', params: { command: set(['domain', domain], ['redirectUri', redirect.url]) } }
                : { key: 'config.set.redirectOutside.dropped.hint', params: { command: set(['domain', domain], ['redirectUri', redirect.url]), names: redirect.names } },
        });
      } else {
        // The saved redirect_uri moved under the new domain, its path kept.
        const moved = redirectUnder(next.redirectUri, next.domain, type);
        const redirect = moved !== undefined ? pasteable(moved) : undefined;
        found.push({
          problem: { key: 'config.set.redirectMismatch', params: { redirectUri: maskSecretShapes(shown(next.redirectUri)), domain: maskSecretShapes(next.domain) } },
          ...(redirect !== undefined && redirect.names.length === 0 ? { fix: [['redirectUri', redirect.url]] as Array<[ConfigField, string]> } : {}),
          hint:
            redirect === undefined
              ? { key: 'config.set.redirectMismatch.unset.hint', params: { unset: unset('redirectUri') } }
              : redirect.names.length === 0
                ? { key: 'config.set.redirectMismatch.hint', params: { command: set(['domain', next.domain], ['redirectUri', redirect.url]) } }
                : { key: 'config.set.redirectMismatch.dropped.hint', params: { command: set(['domain', next.domain], ['redirectUri', redirect.url]), names: redirect.names } },
        });
      }
    }
  }
  return { found };
}

/**
 * A domain or jsDomains that fits the profile's saved type but not the type in effect in this shell:
 * WXAUTH_TYPE wins over the profile (resolve.ts), so every command run here would refuse the value
 * (`jssdk verify`, url: exit 4). Judged by the resolver itself on the profile as it would be saved, so
 * the refusal is the one those commands give; a conflict like the others (refused, or saved with --yes
 * and said), since the value is right for the profile where WXAUTH_TYPE is not set. A key a WXAUTH_*
 * variable overrides is not used here at all (said as `overridden`), nor is a profile whose account
 * WXAUTH_APPID sets aside.
 */
export function refusedHere(
  globals: ResolveInput['globals'],
  env: ResolveInput['env'],
  snapshot: { profiles: Record<string, ProfileData>; currentProfile: string | undefined; configFile: string },
  profile: string,
  next: ProfileData,
  pairs: ReadonlyArray<{ key: ConfigField }>,
): Array<{ problem: MessageRef; hint: MessageRef }> {
  const keys = pairs.map((pair) => pair.key).filter((key) => key === 'domain' || key === 'jsDomains');
  if (keys.length === 0) return [];
  let config: ReturnType<typeof resolveConfig>;
  try {
    config = resolveConfig({ globals, env, profiles: { ...snapshot.profiles, [profile]: next }, currentProfile: snapshot.currentProfile, configFile: snapshot.configFile });
  } catch {
    // Something else of this shell is refused (a WXAUTH_REGION, say): the commands say that first.
    return [];
  }
  if (config.sources.type !== 'env' || config.type === undefined) return [];
  return config.errors
    .filter((p) => p.source === 'profile' && (keys as ConfigField[]).includes(p.field))
    .map((p) => ({ problem: p.error.messageRef, hint: { key: 'config.set.envType.hint', params: { value: config.type!, type: { key: `account.type.${config.type!}` } } } }));
}

/**
 * A region and an apiBase both in the profile once this set is saved: the API base wins (resolve.ts), so
 * the region is not used. `config set region sh` beside a saved apiBase did nothing that a run would
 * notice, and said nothing: a conflict like the others (refused, or saved with --yes and said), whose
 * hint removes the other one first. Every command says it too while the profile holds both.
 */
export function regionUnused(pairs: ReadonlyArray<{ key: ConfigField; value: string }>, next: ProfileData, profile: string, p: string): Array<{ problem: MessageRef; hint: MessageRef }> {
  const setsRegion = pairs.some((pair) => pair.key === 'region');
  const setsApiBase = pairs.some((pair) => pair.key === 'apiBase');
  if ((!setsRegion && !setsApiBase) || next.region === undefined || next.apiBase === undefined || !isRegion(next.region)) return [];
  const unused = profileRegionIgnored(profile, next.region, next.apiBase);
  if (unused === undefined) return [];
  const problem: MessageRef = { key: 'config.set.regionIgnored', params: { profile, region: next.region, apiBase: hideUrlCredentials(next.apiBase) } };
  if (setsRegion && setsApiBase) return [{ problem, hint: { key: 'config.set.regionIgnored.both.hint' } }];
  const [remove, keep] = setsRegion ? (['apiBase', 'region'] as const) : (['region', 'apiBase'] as const);
  const unset = `wxauth${p} config unset ${remove}`;
  const value = next[keep] ?? '';
  // An API base with a password in it is not repeated in a command to paste: "this config set again".
  if (hideUrlCredentials(value) !== value) return [{ problem, hint: { key: 'config.set.regionIgnored.again.hint', params: { unset } } }];
  const set = `wxauth${p} config set ${keep} ${shellWord(value)}`;
  return [{ problem, hint: { key: 'config.set.regionIgnored.hint', params: { unset, set } } }];
}

/**
 * What the token cache holds under `profile` for another appid than `appid`, the one just saved (init,
 * config set appid): a removed profile of the same name left it, or this profile before its appid
 * changed. Said with the command that clears it, never removed here. Undefined when there is none, or
 * when the cache cannot be read (the token commands say why; saving the profile is not refused for it).
 */
export interface OtherAppidTokens {
  users: number;
  basic: number;
  tickets: number;
  /** The other appids the entries are for. */
  appids: string[];
  /** The appid the profile now has. */
  appid: string;
}

export async function otherAppidTokens(
  open: () => Promise<{ heldForOtherAppids(profile: string, appid: string): Omit<OtherAppidTokens, 'appid'> }>,
  profile: string,
  appid: string | undefined,
): Promise<OtherAppidTokens | undefined> {
  if (appid === undefined || appid === '') return undefined;
  try {
    const held = (await open()).heldForOtherAppids(profile, appid);
    return held.users + held.basic + held.tickets > 0 ? { ...held, appid } : undefined;
  } catch {
    return undefined;
  }
}

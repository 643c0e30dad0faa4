// Shapes WeChat uses for credentials and callback settings. Pure functions, shared by the config
// store (validation on write), the resolver (WXAUTH_* variables and flags), init and url/inspect.
// checkSetting() is the ONE verdict on a setting, wherever it comes from: a value init or config set
// would refuse is refused from the environment too, with the same words.
import { messageRef, type MessageKey, type MessageParams, type MessageRef } from '../errors.js';
import { isIpHost, isLoopbackHost, matchCallbackDomain, splitDomain, type DomainMatch } from './domain.js';
import { isRegion, REGIONS } from './endpoints.js';
import { hideUrlCredentials, holdsSecretShape } from './secrets.js';
import { suggest } from './closest.js';

export const ACCOUNT_TYPES = ['service', 'subscription', 'test', 'website'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/**
 * Whether an account type has web authorization, so callback settings (domain, redirect_uri): all but
 * the subscription account (订阅号), to whose authorize URLs WeChat answers 10005.
 */
export function hasWebAuth(type: AccountType | undefined): boolean {
  return type !== 'subscription';
}

export function isAccountType(value: string): value is AccountType {
  return (ACCOUNT_TYPES as readonly string[]).includes(value);
}

/** The names a Chinese user types for each type (the ones the type's hint lists beside it). */
const ACCOUNT_TYPE_NAMES: Readonly<Record<string, AccountType>> = { 服务号: 'service', 订阅号: 'subscription', 测试号: 'test', 网站应用: 'website' };

/** The account type `value` names: the type itself in any case, or its Chinese name. */
export function accountTypeNamed(value: string): AccountType | undefined {
  const lower = value.toLowerCase();
  return isAccountType(lower) ? lower : ACCOUNT_TYPE_NAMES[value];
}

/**
 * The shape of an appid, `wx` and 16 hex digits, in either case: inspect uses it to tell a mistyped
 * appid in a URL from something else. Settings go through checkSetting, which wants lower case.
 */
export function isAppid(value: string): boolean {
  return /^wx[0-9a-fA-F]{16}$/.test(value);
}

/** AppSecret: 32 hex digits. */
export function isSecret(value: string): boolean {
  return /^[0-9a-fA-F]{32}$/.test(value);
}

/** The AppSecret with a port after it (`<AppSecret>:8443`): a host that is the AppSecret all the same. */
function isSecretWithPort(value: string): boolean {
  return /^[0-9a-fA-F]{32}:\d{1,5}$/.test(value);
}

/**
 * 网页授权域名 / 授权回调域: a bare host with an optional port — no scheme, path, query or spaces.
 * Ports are only honoured on test accounts; that rule is checked where the account type is known.
 */
export function isCallbackDomain(value: string): boolean {
  if (!value || /\s/.test(value) || value.includes('://') || /[/?#@]/.test(value)) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m) return false;
  const host = m[1] ?? '';
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..')) return false;
  if (m[2] !== undefined) {
    const port = Number(m[2]);
    if (port < 1 || port > 65535) return false;
  }
  return true;
}

/** An absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}

/**
 * The 网页授权域名 ownership file the 公众号 console hands out: `MP_verify_<token>.txt`, served at the
 * domain root (API-FACTS §3). A name, not a path: `wxauth doctor` fetches https://DOMAIN/<name>.
 */
export function isVerifyFileName(value: string): boolean {
  return /^MP_verify_[A-Za-z0-9]{1,64}\.txt$/.test(value);
}

/**
 * The verify file under a name a second download or a copy gives it: a browser's ` (1)` or `(1)`, Windows'
 * ` - Copy` / ` - 副本` (with ` (2)`…), macOS's ` copy` / ` 副本` (with ` 2`…), before `.txt`. The name the
 * console handed out, and what was added to it; undefined for any other name.
 */
export function verifyFileCopyOf(value: string): { name: string; suffix: string } | undefined {
  const m = /^(MP_verify_[A-Za-z0-9]{1,64})(\s?\(\d{1,3}\)|\s-\s(?:Copy|副本)(?:\s\(\d{1,3}\))?|\s?副本(?:\s?\d{1,3})?|\s[Cc]opy(?:\s\d{1,3})?)\.txt$/.exec(value);
  return m ? { name: `${m[1]}.txt`, suffix: m[2]! } : undefined;
}

/**
 * A verify file named as a second download or a copy renames it (verifyFileCopyOf, of a path's last part): refused as that, naming what was added and the console's name, which is what WeChat fetches.
 * `setting` is where it was given (`--verify-file`, `verifyFile`, WXAUTH_VERIFY_FILE); `hint`, the
 * caller's next step (doctor's and config set's mv for a file that is here), else the console's name to give.
 * Undefined for any other name.
 */
export function verifyFileCopyRefusal(setting: string, value: string, hint?: (name: string) => MessageRef): Extract<Checked, { ok: false }> | undefined {
  const copy = verifyFileCopyOf(value.split(/[\\/]/).pop() ?? value);
  if (copy === undefined) return undefined;
  const refused = refuse('doctor.verifyFile.copyName', { setting, value, suffix: copy.suffix, name: copy.name }, 'doctor.verifyFile.copyName.hint.setting', { name: copy.name });
  if (refused.ok) return undefined;
  return hint === undefined ? refused : { ...refused, hint: hint(copy.name) };
}

/** Profile names become keys in the config file; keep them simple. */
export function isProfileName(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/**
 * ` --profile staging` when the profile is not the default one, so hints can be pasted as they are. A
 * name no profile can have (a hint made before --profile is checked) is single-quoted, so pasting
 * `--profile '$(id)'` runs nothing.
 */
export function profileFlag(profile: string): string {
  // core/shell.ts's shellWord, written out: importing it here puts shell.ts in a chunk of its own, one
  // more file read at every start of url and inspect (the bench's files column).
  return profile === 'default' ? '' : ` --profile ${/^[\w.-]+$/.test(profile) ? profile : `'${profile.replace(/'/g, `'\\''`)}'`}`;
}

/** `3f2a…9c1e`: enough to recognise a secret, not enough to use it. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '…';
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/** The settings a profile holds (store/resolve.ts declares its PROFILE_KEYS from this list). */
export const SETTING_KEYS = ['type', 'appid', 'secret', 'domain', 'redirectUri', 'apiBase', 'openBase', 'backupApiBase', 'region', 'jsDomains', 'verifyFile'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export type Checked = { ok: true; value: string } | { ok: false; problem: MessageRef; hint: MessageRef };

export interface CheckContext {
  /**
   * How the user knows this value: `--appid`, `WXAUTH_APPID`, `appid` (config set). Messages name it,
   * so a refused environment variable is found without guessing. Defaults to the setting's key.
   */
  name?: string;
  /** The account type the value is for, when known: only test accounts take a port or an IP. */
  type?: AccountType;
  /**
   * The links go to an emulator (an open base that is not WeChat's): a domain refused for its port or
   * its IP is then not advised to try the emulator, which is in use, but what the emulator takes.
   */
  emulator?: boolean;
}

/** An account type named in a sentence, in the sentence's language (服务号 / service account). */
const typeName = (type: AccountType): { key: MessageKey } => ({ key: `account.type.${type}` });

/** A refusal: catalogue keys are written out in full, so a test can check that each one exists. */
const refuse = (key: MessageKey, params: MessageParams, hint: MessageKey, hintParams?: MessageParams): Checked => ({
  ok: false,
  problem: messageRef(key, params),
  hint: messageRef(hint, hintParams),
});

/**
 * The verdict on one setting. Nothing is silently changed: a value WeChat would not take is refused
 * with what is wrong and what is right. The secret never appears in a message (its length does).
 */
export function checkSetting(key: SettingKey, value: string, context: CheckContext = {}): Checked {
  const checked = judgeSetting(key, value, context);
  // A refusal that would quote the AppSecret's shape (32 hex digits in a row), in its problem or in its hint
  // (a host or domains offered, a corrected command): the AppSecret pasted into or beside this value. Said
  // without quoting anything made of it: `wx<AppSecret>`, `https://<AppSecret>:8443/`, `<AppSecret>/` in
  // jsDomains. Several refusals of one config set are said together, so one value's refusal must not show
  // another's secret. (The secret's own refusals never quote it: a character and a position.)
  if (checked.ok || key === 'secret' || (!quotesSecretShape(checked.problem) && !quotesSecretShape(checked.hint))) return checked;
  // The hint says what the setting takes: the refusal's own may lean on the problem it no longer follows
  // (the appid's length refusal says what an appid is, its hint only where to copy it from).
  const hint: MessageRef = plainHint(key, context.type);
  return { ok: false, problem: messageRef(isSecret(value) ? 'config.invalid.secretShaped' : 'config.invalid.secretInside', { name: context.name ?? key }), hint };
}

/** Whether a message, or one inside it, has a parameter holding the AppSecret's shape. */
function quotesSecretShape(ref: MessageRef): boolean {
  const holds = (param: unknown): boolean =>
    typeof param === 'string'
      ? holdsSecretShape(param)
      : Array.isArray(param)
        ? param.some(holds)
        : typeof param === 'object' && param !== null && 'key' in param && 'params' in param && typeof param.params === 'object' && param.params !== null
          ? Object.values(param.params).some(holds)
          : false;
  return holds(ref);
}

/** What a setting takes, said without the value given: the hint of a refusal that must not quote it. */
function plainHint(key: Exclude<SettingKey, 'secret'>, type: AccountType | undefined): MessageRef {
  switch (key) {
    case 'type':
      return messageRef('config.invalid.type.hint', { types: ACCOUNT_TYPES });
    case 'appid':
      return messageRef(type === 'test' ? 'config.invalid.appid.test.hint' : 'config.invalid.appid.hint');
    case 'domain':
      return messageRef('config.invalid.domain.hint');
    case 'redirectUri':
      return messageRef('config.invalid.redirectUri.hint');
    case 'apiBase':
      return messageRef('config.invalid.apiBase.hint');
    case 'openBase':
      return messageRef('config.invalid.openBase.hint');
    case 'backupApiBase':
      return messageRef('config.invalid.backupApiBase.hint');
    case 'region':
      return messageRef('config.invalid.region.hint', { regions: Object.keys(REGIONS) });
    case 'jsDomains':
      return messageRef('jssdk.invalid.jsDomains.hint');
    case 'verifyFile':
      return messageRef('doctor.invalid.verifyFile.hint');
  }
}

/** checkSetting before it makes sure that no refusal quotes the AppSecret. */
function judgeSetting(key: SettingKey, value: string, context: CheckContext): Checked {
  // A website app (网站应用) has no JS-SDK: whatever the value's spelling (a URL, a path, quotes), that
  // is what to say, not how to spell a domain it has no use for.
  if (key === 'jsDomains' && context.type === 'website')
    return refuse('jssdk.invalid.jsDomains.website', { name: context.name ?? key }, 'jssdk.invalid.jsDomains.website.hint');
  const checked = checkShape(key, value, context);
  if (checked.ok || ['config.invalid.space', 'config.invalid.quoted', 'config.invalid.quoted.typographic'].includes(checked.problem.key)) return checked;
  // Full-width letters, digits or punctuation (ｗｘ１２３, ：／／), typed with a Chinese input method in
  // full-width mode (全角): said as such, not as "does not start with wx" of a value that, to the eye, does.
  // Only a value refused anyway: a full-width character where one is fine (a path's （一）, jsDomains'
  // ，) stays as it was.
  const name = context.name ?? key;
  const chars = Array.from(value);
  const position = chars.findIndex((c) => /[\uff01-\uff5e]/.test(c) && !(key === 'jsDomains' && c === '，'));
  if (position < 0) return checked;
  const half = value.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  // The AppSecret typed full-width, wherever it was given: not spelt out in half-width either.
  if (key === 'secret' || isSecret(half.trim())) return refuse('config.invalid.fullwidth.secret', { name, position: position + 1 }, 'config.invalid.fullwidth.secret.hint');
  return refuse('config.invalid.fullwidth', { name, position: position + 1, char: chars[position]! }, 'config.invalid.fullwidth.hint', {
    half: key === 'redirectUri' || key === 'apiBase' || key === 'openBase' || key === 'backupApiBase' ? hideUrlCredentials(half) : half,
  });
}

/** The first path segments of the calls wxauth makes on api.weixin.qq.com (/sns/oauth2/…, /cgi-bin/token…). */
const API_ROOTS = ['sns', 'cgi-bin'] as const;
/**
 * …and on open.weixin.qq.com (/connect/oauth2/authorize, /connect/qrconnect): `connect` alone is a word a
 * gateway's own prefix may be, so only with what follows it there.
 */
const OPEN_ROOTS = ['connect/oauth2', 'connect/qrconnect'] as const;

/**
 * A base URL that holds one of WeChat's own API paths (`https://api.weixin.qq.com/cgi-bin/token`): the API
 * path from its first such segment on, and the base without it (a gateway's prefix before it kept:
 * `http://gw/wechat-gw/sns/…` → `http://gw/wechat-gw`). A prefix path of its own (`/wechat-gw`) is no API path.
 */
export function apiPathInBase(value: string, roots: readonly string[]): { base: string; path: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)((?:\/[^/?#]*)*)$/i.exec(value);
  if (!m) return undefined;
  const segments = m[2]!.split('/');
  const at = segments.findIndex((_, i) => {
    const rest = segments.slice(i).join('/').toLowerCase();
    return i > 0 && roots.some((root) => rest === root || rest.startsWith(`${root}/`));
  });
  if (at < 0) return undefined;
  return { base: m[1]! + segments.slice(0, at).join('/'), path: segments.slice(at).join('/').replace(/^/, '/') };
}

/** The port of an http(s) URL that no TCP port can be (above 65535), as written; undefined for anything else. */
function portOutOfRange(value: string): string | undefined {
  const port = /^https?:\/\/(?:[^/?#@]*@)?(?:\[[^\]/?#]*\]|[^/?#:\[\]]*):(\d+)(?=[/?#]|$)/i.exec(value)?.[1];
  return port !== undefined && Number(port) > 65535 ? port : undefined;
}

/** checkSetting without the full-width diagnosis it adds to a refusal. */
function checkShape(key: SettingKey, value: string, context: CheckContext): Checked {
  const name = context.name ?? key;
  // A space from a .env file or a copied web page is invisible in most output, and WeChat compares
  // values exactly (a secret with one gets 40125, an appid 40013): call it out before anything else.
  if (value !== value.trim()) return refuse('config.invalid.space', { name }, 'config.invalid.space.hint', { name });
  // '…' or "…" kept as part of the value (quoted twice, a .env loader that keeps quotes): no setting
  // is ever quoted whole, and "character 1 is not a hex digit: '" hid what to do.
  const quote = /^(['"`])[\s\S]*\1$/.exec(value)?.[1];
  if (quote !== undefined && value.length >= 2) return refuse('config.invalid.quoted', { name, quote }, 'config.invalid.quoted.hint', { name });
  // “…”, ‘…’, 「…」, 『…』: a Chinese input method's or a word processor's quotes, copied along with the
  // value from a document or a chat. No setting is ever quoted whole in these either.
  const typographic = /^([“‘「『])[\s\S]*([”’」』])$/u.exec(value);
  if (typographic && '“‘「『'.indexOf(typographic[1]!) === '”’」』'.indexOf(typographic[2]!))
    return refuse('config.invalid.quoted.typographic', { name, open: typographic[1]!, close: typographic[2]! }, 'config.invalid.quoted.typographic.hint', { name });
  const url = (problem: MessageKey, hint: MessageKey): Checked => {
    if (isHttpUrl(value)) return { ok: true, value };
    // `http://127.0.0.1:99999` was "not an http(s) URL", which it is, but for a port no TCP has.
    const port = portOutOfRange(value);
    if (port !== undefined) return refuse('config.invalid.url.port', { name, value: hideUrlCredentials(value), port }, 'config.invalid.url.port.hint');
    return refuse(problem, { name, value: hideUrlCredentials(value) }, hint);
  };
  // A base the API paths are appended to: a ?query or #fragment would swallow them (the request went to
  // the base's own path). Not echoed: a query is where a token or a key would be pasted. A WeChat API path
  // in it (a whole endpoint copied, `…/cgi-bin/token`) would come before each call's own: every call went
  // to `…/cgi-bin/token/cgi-bin/…`, and the errors named the host and endpoint but not the prefix.
  const base = (problem: MessageKey, hint: MessageKey, apiRoots: readonly string[]): Checked => {
    if (isHttpUrl(value) && /[?#]/.test(value)) return refuse('config.invalid.base.query', { name }, 'config.invalid.base.query.hint');
    const api = isHttpUrl(value) ? apiPathInBase(value, apiRoots) : undefined;
    if (api !== undefined)
      return refuse('config.invalid.base.apiPath', { name, value: hideUrlCredentials(value), path: api.path, adds: [...new Set(apiRoots.map((r) => `/${r.split('/')[0]!}/…`))] }, 'config.invalid.base.apiPath.hint', { base: hideUrlCredentials(api.base) });
    return url(problem, hint);
  };
  switch (key) {
    case 'type': {
      // --type 服务号, as the hint below lists it, is service.
      const type = accountTypeNamed(value);
      if (type !== undefined) return { ok: true, value: type };
      // 公众号 (official account) is what both 服务号 and 订阅号 are called together: which one, WeChat's
      // console says (设置与开发 → 账号类型), and only the 服务号 has web authorization.
      if (value === '公众号') return refuse('config.invalid.type.officialAccount', { name, value }, 'config.invalid.type.officialAccount.hint');
      // `servce`, `webiste`: the one meant, first.
      const meant = suggest(value, ACCOUNT_TYPES);
      if (meant !== undefined) return refuse('config.invalid.type', { name, value }, 'config.invalid.type.suggest', { meant, types: ACCOUNT_TYPES });
      return refuse('config.invalid.type', { name, value }, 'config.invalid.type.hint', { types: ACCOUNT_TYPES });
    }
    case 'appid':
      return checkAppid(value, name, context.type);
    case 'secret':
      return checkSecret(value, name, context.type);
    case 'domain':
      return checkDomain(value, name, context.type, context.emulator === true);
    case 'redirectUri':
      return refuseEncodedRedirect(value, name) ?? url('config.invalid.redirectUri', 'config.invalid.redirectUri.hint');
    case 'apiBase':
      return base('config.invalid.apiBase', 'config.invalid.apiBase.hint', API_ROOTS);
    case 'openBase':
      return base('config.invalid.openBase', 'config.invalid.openBase.hint', OPEN_ROOTS);
    case 'backupApiBase':
      return base('config.invalid.backupApiBase', 'config.invalid.backupApiBase.hint', API_ROOTS);
    case 'region':
      return isRegion(value)
        ? { ok: true, value }
        : refuse('config.invalid.region', { name, value }, 'config.invalid.region.hint', { regions: Object.keys(REGIONS) });
    case 'jsDomains':
      return checkJsDomains(value, name, context.type);
    case 'verifyFile':
      if (isVerifyFileName(value)) return { ok: true, value };
      // A bare name renamed by a second download (` (1)`): said as doctor --verify-file says it. A path is
      // no setting's value, whatever its last part.
      return (/[\\/]/.test(value) ? undefined : verifyFileCopyRefusal(name, value)) ?? refuse('doctor.invalid.verifyFile', { name, value }, 'doctor.invalid.verifyFile.hint');
  }
}

/**
 * A redirect_uri given already percent-encoded (`https%3A%2F%2Fwww.example.com%2Fcb`, as copied out of an
 * authorize URL): refused with the URL it encodes, which is what to give (wxauth encodes it once when it
 * builds the link), a password in it hidden; undefined for anything else. `config set` and `url
 * --redirect-uri` both say it so (the lint would blame a framework encoding it twice).
 */
export function refuseEncodedRedirect(value: string, name: string): Extract<Checked, { ok: false }> | undefined {
  if (!/^\s*https?%3A%2F%2F/i.test(value)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value.trim());
  } catch {
    return undefined;
  }
  if (!isHttpUrl(decoded)) return undefined;
  const shown = hideUrlCredentials(decoded);
  return refuse('config.invalid.redirectUri.encoded', { name, value: shown === decoded ? value : encodeURIComponent(shown) }, 'config.invalid.redirectUri.encoded.hint', { decoded: shown }) as Extract<Checked, { ok: false }>;
}

/**
 * JS接口安全域名 (`jssdk verify` checks a page's host against them): bare domains, comma-separated. The
 * console wants no `http(s)://` and no path (JSSDK-FACTS §3). A port or an IP is for a test account
 * only, as for the callback domain (checkDomain): the current doc says JS-SDK pages are served on
 * 80/443 and no port is entered (§3), and a real account binds registered domain names, so such an
 * entry would pass `jssdk verify` while the page gets `invalid url domain`. With the type unknown, a
 * port is accepted as before (an older revision of the doc asked for one, §3 ⚠) and
 * core/jssdk.ts checkJsDomain then matches it exactly. A website app (网站应用) has no JS-SDK at all.
 */
function checkJsDomains(value: string, name: string, type: AccountType | undefined): Checked {
  const entries = value.split(/[,，\s]+/).filter((d) => d !== '');
  if (entries.length === 0) return refuse('jssdk.invalid.jsDomains.empty', { name }, 'jssdk.invalid.jsDomains.hint');
  for (const entry of entries) {
    // The AppSecret pasted here, as for the callback domain: refused, and not echoed.
    if (isSecret(entry) || isSecretWithPort(entry)) return refuse('config.invalid.domain.secret', { name }, 'jssdk.invalid.jsDomains.hint');
    if (!isCallbackDomain(entry)) {
      // https://h5.example.com:8443/ copied from the address bar, or h5.example.com/mp (the path form the
      // web-authorization domain takes, API-FACTS §3): the domains meant, made to fit the type (a
      // production account's without the port, as for the callback domain), when that leaves them all.
      // A JS-safe domain carries no path: the facts give it as a bare domain, matched against the page's
      // domain (JSSDK-FACTS §3 `invalid url domain`), so the domain alone covers the pages under the path.
      const url = hostOfUrl(entry) !== undefined;
      const path = !url ? hostBeforePath(entry) : undefined;
      if (url || path !== undefined) {
        const fit = jsDomainsMeant(entries, type);
        const hosts = domainsOf(entries).join(',');
        const problem: MessageKey = url ? 'jssdk.invalid.jsDomains.url' : 'jssdk.invalid.jsDomains.path';
        if (fit !== undefined)
          return fit === hosts
            ? refuse(problem, { name, entry }, url ? 'jssdk.invalid.jsDomains.url.hint' : 'jssdk.invalid.jsDomains.path.hint', { domains: fit })
            : refuse(problem, { name, entry }, url ? 'jssdk.invalid.jsDomains.url.port.hint' : 'jssdk.invalid.jsDomains.path.port.hint', { domains: fit, type: typeName(type!) });
      }
      return refuse('jssdk.invalid.jsDomains', { name, entry }, 'jssdk.invalid.jsDomains.hint');
    }
  }
  if (type === undefined || type === 'test') return { ok: true, value };
  for (const entry of entries) {
    const parts = splitDomain(entry);
    if (!parts) continue;
    const ip = isIpHost(parts.host);
    if (parts.port !== '')
      return ip
        ? refuse('jssdk.invalid.jsDomains.port', { name, entry, type: typeName(type) }, 'jssdk.invalid.jsDomains.port.ip.hint', { type: typeName(type) })
        : refuse('jssdk.invalid.jsDomains.port', { name, entry, type: typeName(type) }, 'jssdk.invalid.jsDomains.port.hint', { host: parts.host });
    if (ip) return refuse('jssdk.invalid.jsDomains.ip', { name, entry, type: typeName(type) }, 'jssdk.invalid.jsDomains.ip.hint');
  }
  return { ok: true, value };
}

/** `h5.example.com/mp` (or `…?x`, `…#y`): the domain before the path, when it is one; undefined for anything else. */
function hostBeforePath(entry: string): string | undefined {
  const m = /^([^/?#:]+(?::\d+)?)[/?#]/.exec(entry);
  return m && !entry.includes('://') && isCallbackDomain(m[1]!) ? m[1] : undefined;
}

/** Each entry's domain (a whole URL's host, a path's domain, else the entry as given), once each. */
function domainsOf(entries: readonly string[]): string[] {
  return [...new Set(entries.map((e) => hostOfUrl(e) ?? hostBeforePath(e) ?? e))];
}

/**
 * The JS-safe domains meant by a list holding whole URLs or domains with a path: each entry's domain,
 * made to fit the type (a production account's without the port), when that leaves a list the type
 * takes; undefined otherwise (a website app's, an IP on a service account).
 */
function jsDomainsMeant(entries: readonly string[], type: AccountType | undefined): string | undefined {
  const hosts = domainsOf(entries).join(',');
  const fit = type === undefined || type === 'test' ? hosts : fitForType('jsDomains', hosts, type);
  return fit !== undefined && checkSetting('jsDomains', fit, { type }).ok ? fit : undefined;
}

/**
 * A blank or invisible character (a control, a format character such as U+200B or U+FEFF, a separator).
 * Made on first use, from a string: V8 checks the syntax of every regular-expression literal in the code
 * it parses, and for a `\p{…}` class that check builds the class from ICU, ~2.5 M instructions at every
 * start of `url` and `inspect`, which load this module and almost never reach this line (issue 19).
 */
let invisibleChar: RegExp | undefined;
function invisible(): RegExp {
  return (invisibleChar ??= new RegExp('^[\\s\\p{Cc}\\p{Cf}\\p{Z}]$', 'u'));
}

/**
 * One character of a credential WeChat issues (an access_token, a jsapi_ticket): a letter, a digit, `-`
 * or `_` (API-FACTS §0.5; tickets are base64url, JSSDK-FACTS §1.1).
 */
export const CREDENTIAL_CHAR = /^[A-Za-z0-9_-]$/;

/** A character by its code point, as Unicode writes it: `U+001B`, `U+202E`, `U+1F600`. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character of `text` (from `from`, counted in characters as a user counts them) that is not a
 * hex digit: its position (1-based) and how to name it — a blank or invisible one in words, since the
 * user cannot see it in the value; a visible one as itself.
 */
function firstNonHex(chars: readonly string[], from = 0, allowed = /^[0-9a-fA-F]$/): { position: number; blank?: MessageRef; char: string } | undefined {
  for (let i = from; i < chars.length; i++) {
    const char = chars[i]!;
    if (allowed.test(char)) continue;
    const blank: MessageRef | undefined =
      char === ' '
        ? { key: 'config.char.space' }
        : char === '\t'
          ? { key: 'config.char.tab' }
          : char === '\u3000'
            ? { key: 'config.char.fullwidthSpace' }
            : invisible().test(char)
              ? { key: 'config.char.invisible', params: { code: codePointName(char) } }
              : undefined;
    return { position: i + 1, char, ...(blank ? { blank } : {}) };
  }
  return undefined;
}

/**
 * The first character of `value` that no jsapi_ticket has (a ticket is base64url: letters, digits, -
 * and _), a blank one named in words; undefined when there is none. The ticket itself is never in the
 * answer: one character that is part of no ticket, and its position, are.
 */
export function ticketCharProblem(value: string): { kind: 'blank'; position: number; what: MessageRef } | { kind: 'char'; position: number; char: string } | undefined {
  const wrong = firstNonHex(Array.from(value), 0, CREDENTIAL_CHAR);
  if (wrong?.blank) return { kind: 'blank', position: wrong.position, what: wrong.blank };
  return wrong ? { kind: 'char', position: wrong.position, char: wrong.char } : undefined;
}

/**
 * What keeps `value` from being `digits` hex digits (a SHA-1, a secret), or undefined when nothing
 * does: the first character that is not a hex digit (a blank one named in words), else the length.
 */
export function hexProblem(
  value: string,
  digits: number,
): { kind: 'blank'; position: number; what: MessageRef } | { kind: 'char'; position: number; char: string } | { kind: 'length'; length: number } | undefined {
  const chars = Array.from(value);
  const wrong = firstNonHex(chars);
  if (wrong?.blank) return { kind: 'blank', position: wrong.position, what: wrong.blank };
  if (wrong) return { kind: 'char', position: wrong.position, char: wrong.char };
  return chars.length === digits ? undefined : { kind: 'length', length: chars.length };
}

/**
 * AppSecret: 32 hex digits. Says which character is wrong and where (a space in the middle is invisible
 * in the value, and "not 32 hex digits (it has 32 characters)" contradicts itself), and the length only
 * when only the length is wrong. The secret itself is never in a message: one character that is not
 * part of any secret, and a position, are.
 */
function checkSecret(value: string, name: string, type: AccountType | undefined): Checked {
  const problem = hexProblem(value, 32);
  if (problem === undefined) return { ok: true, value };
  // Where to copy it from: a test account (测试号) shows its appsecret on its sandbox page, not in a
  // 基本配置 it does not have. A wrong length already says "32 hex digits": its hint does not again.
  const test = type === 'test';
  const hint = test ? 'config.invalid.secret.test.hint' : 'config.invalid.secret.hint';
  if (problem.kind === 'blank') return refuse('config.invalid.secret.blank', { name, position: problem.position, what: problem.what }, hint);
  if (problem.kind === 'char') return refuse('config.invalid.secret.char', { name, position: problem.position, char: problem.char }, hint);
  return refuse('config.invalid.secret', { name, length: problem.length }, test ? 'config.invalid.secret.test.where' : 'config.invalid.secret.where');
}

function checkAppid(value: string, name: string, type?: AccountType): Checked {
  // A test account's appID is on its sandbox page (测试号信息), not under 设置与开发 → 基本配置.
  if (type === 'test' && !/^wx[0-9a-f]{16}$/.test(value)) {
    const checked = checkAppid(value, name);
    if (checked.ok) return checked;
    if (checked.hint.key === 'config.invalid.appid.hint') return { ...checked, hint: messageRef('config.invalid.appid.test.hint') };
    if (checked.hint.key === 'config.invalid.appid.where') return { ...checked, hint: messageRef('config.invalid.appid.test.where') };
    return checked;
  }
  if (/^wx[0-9a-f]{16}$/.test(value)) return { ok: true, value };
  const chars = Array.from(value);
  // The account's 原始ID (gh_ and 12 hex digits), shown beside the appid in the console: not what OAuth takes.
  if (/^gh_[0-9a-f]{12}$/i.test(value)) return refuse('config.invalid.appid.ghid', { name, value }, 'config.invalid.appid.hint');
  // The AppSecret pasted where the appid goes (32 hex digits): said without echoing it into a terminal or a CI log.
  if (/^[0-9a-f]{32}$/i.test(value)) return refuse('config.invalid.appid.secret', { name }, 'config.invalid.appid.hint');
  // What is wrong, in the order a user fixes it: the wx, a character, the length (the value is shown:
  // an appid is public).
  if (!/^wx/i.test(value) && !/^ww/i.test(value)) return refuse('config.invalid.appid.prefix', { name, value }, 'config.invalid.appid.hint');
  const wrong = firstNonHex(chars, 2);
  if (wrong?.blank) return refuse('config.invalid.appid.blank', { name, value, position: wrong.position, what: wrong.blank }, 'config.invalid.appid.hint');
  if (wrong) return refuse('config.invalid.appid.char', { name, value, position: wrong.position, char: wrong.char }, 'config.invalid.appid.hint');
  // The length problem already says what an appid is: its hint says only where to copy it from.
  if (chars.length !== 18) return refuse('config.invalid.appid.length', { name, value, length: chars.length }, 'config.invalid.appid.where');
  // Same length and prefix letter as an appid: pasted from the WeCom admin console by mistake.
  if (/^ww[0-9a-f]{16}$/i.test(value)) return refuse('config.invalid.appid.wecom', { name, value }, 'config.invalid.appid.wecom.hint');
  // WeChat shows appids in lower case. Refused rather than lower-cased, so every way a value comes in
  // (flags, wizard, config set, WXAUTH_APPID) gets the same answer and the user's own copy is fixed too.
  if (/^wx[0-9a-f]{16}$/i.test(value)) {
    const lower = value.toLowerCase();
    return refuse('config.invalid.appid.upper', { name, value, lower }, 'config.invalid.appid.upper.hint', { lower });
  }
  return refuse('config.invalid.appid', { name, value }, 'config.invalid.appid.hint');
}

/** A domain's refusal for its path (domainMeant) when the type's fix drops its port too: said with both. */
export function withPort(problem: MessageKey): MessageKey {
  if (problem === 'config.invalid.domain.path') return 'config.invalid.domain.path.port';
  if (problem === 'config.invalid.domain.slash') return 'config.invalid.domain.slash.port';
  return problem;
}

function checkDomain(value: string, name: string, type: AccountType | undefined, emulator = false): Checked {
  // The AppSecret pasted where the domain goes: 32 hex digits are a valid host label, but no domain
  // anyone registers. Refused without echoing it, as the appid does (it would be saved, then shown);
  // with a port after it too (`<AppSecret>:8443`), which a test account or an unknown type would take.
  if (isSecret(value) || isSecretWithPort(value)) return refuse('config.invalid.domain.secret', { name }, 'config.invalid.domain.hint');
  if (!isCallbackDomain(value)) {
    // The address bar's https://www.example.com/, or a host with a path (www.example.com/, copied with
    // its slash; www.example.com/cb): the host in it is what was meant, said with the value that fits.
    const host = domainMeant(value);
    if (host !== undefined) {
      // Not echoed: the AppSecret with a slash after it is still the AppSecret.
      if (isSecret(host) || isSecretWithPort(host)) return refuse('config.invalid.domain.secret', { name }, 'config.invalid.domain.hint');
      const url = hostOfUrl(value) !== undefined;
      const problem: MessageKey = url ? 'config.invalid.domain.url' : value === `${host}/` ? 'config.invalid.domain.slash' : 'config.invalid.domain.path';
      // A production account's URL with a port (https://www.example.com:8443/): the host offered is one
      // it can register, not www.example.com:8443, refused next; an IP (no name to keep) gets its own refusal.
      const fit = type === undefined || type === 'test' ? host : fitForType('domain', host, type);
      if (fit === undefined) return checkDomain(host, name, type, emulator);
      // The port goes too: said in the problem as well as in the hint (a URL's "whole URL" says it already).
      if (fit !== host) return refuse(withPort(problem), { name, value }, url ? 'config.invalid.domain.url.port.hint' : 'config.invalid.domain.path.port.hint', { host: fit, type: typeName(type!) });
      return refuse(problem, { name, value }, url ? 'config.invalid.domain.url.hint' : 'config.invalid.domain.path.hint', { host });
    }
    return refuse('config.invalid.domain', { name, value }, 'config.invalid.domain.hint');
  }
  const parts = splitDomain(value);
  // A production account's 网页授权域名 / 授权回调域 is a registered domain on port 80/443: WeChat answers
  // 10003 ("redirect_uri不支持带端口号") for a port, and cannot register an IP. Test accounts (测试号) can.
  if (parts && type !== undefined && type !== 'test') {
    // Dropping the port helps only a name: an IP without it is refused next (config.invalid.domain.ip).
    // A website app's (qrconnect) refusal is not the 公众号's 10003 page (API-FACTS §2.1: a port gets
    // "redirect_uri 参数错误"), and it has no test account to turn to: the emulator takes a port.
    // Against the emulator, "use the emulator" would send the user back where they are.
    if (emulator && (parts.port !== '' || isIpHost(parts.host))) return refuseOnEmulator(value, name, type, parts);
    if (parts.port !== '' && type === 'website')
      return isIpHost(parts.host)
        ? refuse('config.invalid.domain.port.website', { name, value }, 'config.invalid.domain.port.ip.website.hint')
        : refuse('config.invalid.domain.port.website', { name, value }, 'config.invalid.domain.port.website.hint', { host: parts.host });
    if (parts.port !== '')
      return isIpHost(parts.host)
        ? refuse('config.invalid.domain.port', { name, value, type: typeName(type) }, 'config.invalid.domain.port.ip.hint', { type: typeName(type) })
        : refuse('config.invalid.domain.port', { name, value, type: typeName(type) }, 'config.invalid.domain.port.hint', { host: parts.host });
    if (isIpHost(parts.host)) return refuse('config.invalid.domain.ip', { name, value, type: typeName(type) }, type === 'website' ? 'config.invalid.domain.ip.website.hint' : 'config.invalid.domain.ip.hint');
  }
  return { ok: true, value };
}

/**
 * A port or an IP in a 公众号's or website app's callback domain while the links go to an emulator: the
 * same problem, and what the emulator takes instead. The domain is the host alone there too, and a
 * redirect_uri on the port the emulator's --domain names (`APPID=host:port`, which WeChat never allows)
 * is warned of, not refused (core/inspect.ts domain.emulator_only); an IP, which only a test account
 * registers, is no domain at all. The emulator's own export lines are set so (emulator/ui-api.ts).
 */
function refuseOnEmulator(value: string, name: string, type: AccountType, parts: { host: string; port: string }): Checked {
  const hostport = value.trim().toLowerCase();
  const ip = isIpHost(parts.host);
  const hint: MessageKey = ip ? 'config.invalid.domain.ip.emulator.hint' : 'config.invalid.domain.port.emulator.hint';
  const hintParams: MessageParams = ip ? { name, type: typeName(type), hostport } : { host: parts.host, hostport };
  if (parts.port === '') return refuse('config.invalid.domain.ip', { name, value, type: typeName(type) }, hint, hintParams);
  if (type === 'website') return refuse('config.invalid.domain.port.website', { name, value }, hint, hintParams);
  return refuse('config.invalid.domain.port', { name, value, type: typeName(type) }, hint, hintParams);
}

/**
 * Is the redirect_uri under the callback domain, by WeChat's rules (core/domain.ts)? `emulator`: the
 * links go to an emulator, not WeChat (the open base is not WeChat's, as store/resolve.ts decides it).
 * There a 公众号's or website app's redirect_uri on this machine with a port its domain (the host alone)
 * lacks is what the emulator's own export line sets (`--domain APPID=localhost:8093`): taken, as url takes
 * it, which warns of it (core/inspect.ts domain.emulator_only); WeChat itself would refuse it.
 */
export function checkCallbackPair(type: AccountType | undefined, domain: string, redirectUri: string, emulator = false): Checked {
  const match = matchCallbackDomain({ redirectUri, domain, accountType: type });
  if (match.ok) return { ok: true, value: redirectUri };
  if (emulatorTakes(type, match, emulator)) return { ok: true, value: redirectUri };
  const checked = judgeCallbackPair(type, domain, redirectUri, match, emulator);
  // Neither value quoted when either holds the AppSecret's shape, as checkSetting's refusals: what is
  // wrong is still said, and a hint without a host or a domain in it (a test account's port advice
  // said without them; a 服务号's quotes only the port).
  if (checked.ok || (!quotesSecretShape(checked.problem) && !quotesSecretShape(checked.hint))) return checked;
  const problem = messageRef('config.redirectOutsideDomain.secretShaped');
  if (!quotesSecretShape(checked.hint)) return { ok: false, problem, hint: checked.hint };
  return { ok: false, problem, hint: messageRef(match.reason === 'port' ? 'config.redirectOutsideDomain.testPort.unquoted.hint' : 'config.redirectOutsideDomain.hint') };
}

/** A pair only the emulator takes (checkCallbackPair): a real account's redirect_uri on this machine, with a port. */
export function emulatorTakes(type: AccountType | undefined, match: DomainMatch, emulator: boolean): boolean {
  return emulator && !match.ok && match.reason === 'port' && (type === 'service' || type === 'website') && match.host !== undefined && isLoopbackHost(match.host);
}

function judgeCallbackPair(type: AccountType | undefined, domain: string, redirectUri: string, match: Extract<DomainMatch, { ok: false }>, emulator: boolean): Checked {
  const host = match.host ? match.host + (match.port ? `:${match.port}` : '') : redirectUri;
  // The host, not the whole redirect_uri: a query value of its own (`?k=<32 hex>`) is no reason to say nothing.
  // 10003 is the 公众号's page; a website app's qrconnect page says it otherwise (API-FACTS §2.1).
  const problem = messageRef(type === 'website' ? 'config.redirectOutsideDomain.website' : 'config.redirectOutsideDomain', { host, domain });
  if (match.reason !== 'port') return { ok: false, problem, hint: messageRef('config.redirectOutsideDomain.hint') };
  // Same host, another port: "subdomains do not count" is no help. A test account (测试号) registers
  // host:port, so the domain takes the redirect_uri's port, or the redirect_uri the domain's
  // (API-FACTS §3: `82.157.150.202:7002`); an unknown type is matched the same way. A real account
  // registers no port at all (10003 "redirect_uri不支持带端口号"): the redirect_uri drops it.
  if (type === undefined || type === 'test') {
    if (match.domainPort === '') return { ok: false, problem, hint: messageRef('config.redirectOutsideDomain.testPort.hint', { host }) };
    return { ok: false, problem, hint: messageRef('config.redirectOutsideDomain.testPort.other.hint', { host, domain, port: match.domainPort ?? '' }) };
  }
  // Against the emulator, "use the emulator" would send the user back where they are: it takes a port on this machine only.
  if (emulator) return { ok: false, problem, hint: messageRef('config.redirectOutsideDomain.port.emulator.hint', { port: match.port ?? '' }) };
  if (type === 'website') return { ok: false, problem, hint: messageRef('config.redirectOutsideDomain.port.website.hint', { port: match.port ?? '' }) };
  return { ok: false, problem, hint: messageRef('config.redirectOutsideDomain.port.hint', { port: match.port ?? '', type: typeName(type) }) };
}

/**
 * A value shaped like the AppSecret (32 hex digits): refused as an appid or a domain without being
 * quoted, and not left readable on a prompt line either (init's wizard).
 */
export function looksLikeSecret(value: string): boolean {
  return isSecret(value.trim());
}

/**
 * What `type` takes of a callback domain or JS-safe domains a test account had: a name without its
 * port (`www.example.com:8080` → `www.example.com`); an IP is no production account's, so dropped
 * (undefined when nothing is left, and always for a website app's jsDomains, which it has none of).
 * For the commands config set's hints offer, which must run as pasted: a value known, not `<host>`.
 */
export function fitForType(key: 'domain' | 'jsDomains', value: string, type: AccountType): string | undefined {
  if (key === 'jsDomains' && type === 'website') return undefined;
  const entries = key === 'domain' ? [value] : value.split(/[,，\s]+/).filter((d) => d !== '');
  const fitted = [
    ...new Set(
      entries.flatMap((entry) => {
        const parts = splitDomain(entry);
        return parts && !isIpHost(parts.host) ? [parts.host] : [];
      }),
    ),
  ];
  const fit = fitted.length === 0 ? undefined : fitted.join(',');
  return fit !== undefined && checkSetting(key, fit, { type }).ok ? fit : undefined;
}

/**
 * The redirect_uri moved under `domain`: its host and port replaced, its scheme, path and query kept,
 * when that is under the domain by WeChat's rules; otherwise undefined.
 */
export function redirectUnder(redirectUri: string, domain: string, type: AccountType | undefined): string | undefined {
  const parts = splitDomain(domain);
  const url = URL.parse(redirectUri);
  if (!parts || !url) return undefined;
  // Both set: a host without a port leaves the old port in place.
  url.hostname = parts.host;
  url.port = parts.port;
  const moved = url.href;
  return checkSetting('redirectUri', moved).ok && checkCallbackPair(type, domain, moved).ok ? moved : undefined;
}

/**
 * A whole URL given where a bare host goes (`https://www.example.com/`, copied from the address bar):
 * its host (and port), the value meant; undefined for anything else.
 */
export function hostOfUrl(value: string): string | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    const { host } = new URL(value);
    return host !== '' && isCallbackDomain(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The host meant by a callback domain given with more than its host: a whole URL's (`https://www.example.com/`),
 * or the one before a path (`www.example.com/`, `www.example.com/cb`); undefined for anything else.
 */
export function domainMeant(value: string): string | undefined {
  return hostOfUrl(value) ?? hostBeforePath(value);
}

/**
 * The redirect_uri the wizard offers: the previous one while it is still under the domain, else a
 * path under the domain. Test accounts usually point at an IP:port on a laptop, without a
 * certificate, hence http there. Always passes checkCallbackPair for a domain checkSetting accepted.
 */
export function suggestRedirectUri(type: AccountType, domain: string, previous?: string): string {
  if (previous !== undefined && checkSetting('redirectUri', previous).ok && checkCallbackPair(type, domain, previous).ok) return previous;
  const scheme = type === 'test' ? 'http' : 'https';
  return `${scheme}://${domain.toLowerCase()}/wechat/callback`;
}

/**
 * The one value `value` was surely meant to be, when checkSetting refused it and only one fix fits: a
 * domain's host out of a whole URL, a name without the port a non-test account cannot register, an
 * appid in lower case. Undefined when there is none, or more than one way to fix it (an IP on a
 * service account: another domain or another account type). init's `config set` line gives it in
 * place of the refused value, so the line runs as pasted without saving what was refused.
 */
export function correctedSetting(key: SettingKey, value: string, type: AccountType | undefined): string | undefined {
  let fix: string | undefined;
  if (key === 'domain') {
    const host = domainMeant(value) ?? value;
    fix = type !== undefined && type !== 'test' ? fitForType('domain', host, type) : host;
  } else if (key === 'appid') {
    fix = value.toLowerCase();
  } else if (key === 'verifyFile') {
    fix = verifyFileCopyOf(value)?.name;
  } else if (key === 'jsDomains') {
    // Each entry's domain (out of a URL, without a path or a port the type cannot take): only when
    // every entry is still there, an IP dropped being no sure fix.
    const entries = domainsOf(value.split(/[,，\s]+/).filter((d) => d !== ''));
    const meant = type === 'website' ? undefined : jsDomainsMeant(entries, type);
    fix = meant !== undefined && meant.split(',').length === entries.length ? meant : undefined;
  }
  // Nothing made of the AppSecret is offered to paste (`https://<AppSecret>:8443/` → `<AppSecret>`).
  return fix !== undefined && fix !== value && !holdsSecretShape(fix) && checkSetting(key, fix, { type }).ok ? fix : undefined;
}

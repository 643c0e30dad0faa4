// Seed data: the apps and users the emulator knows. The built-in seed is deterministic so its appids
// and secrets can be copied from the README; generated codes and tokens are random.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { AppType, PublicApp, PublicUser, Seed, SeedApp, SeedUser } from './types.js';
import { findJsonFault } from '../core/json-syntax.js';
import { suggest } from '../core/closest.js';
import { UNSAFE_CHARS } from '../core/unsafe-chars.js';
import { codePointName } from '../core/validate.js';

/**
 * What can be wrong in a seed, each sentence in English with `{name}` values. The CLI shows them in the
 * user's language from the catalogue (src/ui/messages/emulator.ts, `emulator.seed.problem.<id>`, whose
 * English a test keeps equal to these); library users get these sentences in the error's message.
 */
export const SEED_PROBLEM_TEXT = {
  notObject: 'the seed must be a JSON object with "apps" and "users" arrays',
  notJson: 'the seed file is not valid JSON (line {line}, column {column})',
  notJsonEmpty: 'the seed file is empty: there is no JSON in it',
  notJsonBom: 'the seed file begins with a byte order mark (BOM), which JSON does not allow (some Windows editors add one); save it as UTF-8 without a BOM',
  appsEmpty: '"apps" must be a non-empty array',
  usersEmpty: '"users" must be a non-empty array',
  notAnObject: '{where} must be an object',
  appid: '{where}.appid must be "wx" followed by 16 lower-case hex digits',
  appidTwice: '{where}.appid {appid} appears twice',
  secret: '{where}.secret must be 32 lower-case hex digits',
  type: '{where}.type must be one of {types}',
  typeMeant: '{where}.type "{value}" is not an account type (did you mean {meant}?)',
  domainType: '{where}.domain must be a host, host:port, or a list of them',
  domain: '{where}.domain "{value}" must be a host, host:port or host:* (no scheme, no spaces)',
  domainPort: '{where}.domain "{value}": a port is a number from 1 to 65535',
  domainInvisible: '{where}.domain "{value}" holds {chars}, a control or invisible character that no WeChat domain has (a copy from a chat or a web page can bring one in): type the domain again',
  domainEmpty: '{where}.domain is an empty list: every authorize link of this app would get 10003; give at least one host',
  openAccount: '{where}.openAccount must be a string or null',
  ipWhitelist: '{where}.ipWhitelist must be an array of IP strings or null',
  ipWhitelistEntry: '{where}.ipWhitelist "{value}" is not an IPv4 or IPv6 address (no caller would ever match it)',
  tokenDailyQuota: '{where}.tokenDailyQuota must be a non-negative integer',
  verified: '{where}.verified must be true or false',
  userId: '{where}.id must be 1-32 letters, digits, _ or -',
  userIdTwice: '{where}.id {id} appears twice',
  nickname: '{where}.nickname must be a string',
  nicknameEmpty: '{where}.nickname is empty: the consent page and /sns/userinfo would show no name',
  follows: '{where}.follows must be an array of appids',
  followsUnknown: '{where}.follows names {appid}, which is not a seeded app',
  followsTwice: '{where}.follows lists {appid} twice',
  sex: '{where}.sex must be 0, 1 or 2',
  overrideUnknown: 'domain override for {appid}: no such app in the seed',
  fieldMeant: '{where}.{key} is not a seed field (did you mean {meant}?)',
  fieldUnknown: '{where}.{key} is not a seed field (known: {known})',
} as const;

/** The fields a seed, an app and a user have (types.ts Seed, SeedApp, SeedUser). */
const SEED_FIELDS = ['apps', 'users'] as const satisfies ReadonlyArray<keyof Seed>;
const APP_FIELDS = ['appid', 'secret', 'type', 'name', 'verified', 'domain', 'openAccount', 'ipWhitelist', 'tokenDailyQuota'] as const satisfies ReadonlyArray<keyof SeedApp>;
const USER_FIELDS = ['id', 'nickname', 'headimgurl', 'follows', 'sex', 'province', 'city', 'country'] as const satisfies ReadonlyArray<keyof SeedUser>;
/** Each list names every field of its type: a field added to types.ts and not here fails to compile. */
type Unlisted = Exclude<keyof Seed, (typeof SEED_FIELDS)[number]> | Exclude<keyof SeedApp, (typeof APP_FIELDS)[number]> | Exclude<keyof SeedUser, (typeof USER_FIELDS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/**
 * What GET /__emulator/seed adds to a seed when it shows one (its `ok`, each app's `env` export line and
 * `scopes` it can be issued codes for, each user's `openids` and `unionids`, which the emulator derives):
 * a file saved from that answer is a seed as it stands, those fields passed over.
 */
const SHOWN_ONLY = { seed: ['ok'], app: ['env', 'scopes'], user: ['openids', 'unionids'] } as const;

/**
 * A field the seed does not know is a mistake, not something to skip: `"follow"` for `follows` would
 * leave the user following nothing (10006 on a test account), `"domian"` the app without a domain.
 */
function checkFields(where: string, value: Record<string, unknown>, known: readonly string[], shownOnly: readonly string[], problems: SeedProblem[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key) || shownOnly.includes(key)) continue;
    const meant = suggest(key, known);
    problems.push(meant === undefined ? problem('fieldUnknown', { where, key, known }) : problem('fieldMeant', { where, key, meant }));
  }
}

export type SeedProblemId = keyof typeof SEED_PROBLEM_TEXT;

/** One problem of a seed: the catalogue key of its sentence and its values, and the English sentence. */
export interface SeedProblem {
  key: `emulator.seed.problem.${SeedProblemId}`;
  /** Lists stay lists, so each language joins them its own way (、 in Chinese). */
  params: Record<string, string | readonly string[]>;
  text: string;
}

function problem(id: SeedProblemId, params: Record<string, string | readonly string[]> = {}): SeedProblem {
  const text = SEED_PROBLEM_TEXT[id].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'string' ? value : value.join(', ');
  });
  return { key: `emulator.seed.problem.${id}`, params, text };
}

/** A seed that does not validate; `problems` lists every issue found, one sentence each (English). */
export class EmulatorSeedError extends Error {
  readonly problems: string[];
  /** The same problems as catalogue keys with their values (empty when the file could not be read). */
  readonly found: SeedProblem[];
  /** `unreadable`: the file could not be read; `invalid`: it was read but does not validate. */
  readonly reason: 'unreadable' | 'invalid';
  /** `cause` (unreadable): the OS error, whose code the CLI says in the user's words. */
  constructor(problems: SeedProblem[] | string, reason: 'unreadable' | 'invalid' = 'invalid', cause?: unknown) {
    const texts = typeof problems === 'string' ? [problems] : problems.map((p) => p.text);
    super(`invalid emulator seed: ${texts.join('; ')}`, cause === undefined ? undefined : { cause });
    this.name = 'EmulatorSeedError';
    this.problems = texts;
    this.found = typeof problems === 'string' ? [] : problems;
    this.reason = reason;
  }
}

export const DEFAULT_OPEN_ACCOUNT = 'open-demo';

/** Appids of the built-in seed (documented in the README; stable across releases). */
export const DEFAULT_APPIDS = {
  service: 'wx5e1ec0de00000001',
  test: 'wx5e1ec0de00000002',
  website: 'wx5e1ec0de00000003',
  subscription: 'wx5e1ec0de00000004',
} as const;

export function defaultSeed(): Seed {
  return {
    apps: [
      {
        appid: DEFAULT_APPIDS.service,
        secret: '5e1ec0de5e1ec0de5e1ec0de00000001',
        type: 'service',
        name: '示例服务号',
        verified: true,
        domain: 'localhost',
        openAccount: DEFAULT_OPEN_ACCOUNT,
        ipWhitelist: null,
      },
      {
        appid: DEFAULT_APPIDS.test,
        secret: '5e1ec0de5e1ec0de5e1ec0de00000002',
        type: 'test',
        name: '测试号',
        // Real test accounts need the exact IP:port; `127.0.0.1:*` is an emulator convenience so a
        // `wxauth listen` callback on any local port works out of the box.
        domain: ['127.0.0.1:*', 'localhost:*'],
        openAccount: null,
        ipWhitelist: null,
      },
      {
        appid: DEFAULT_APPIDS.website,
        secret: '5e1ec0de5e1ec0de5e1ec0de00000003',
        type: 'website',
        name: '示例网站应用',
        domain: 'localhost',
        openAccount: DEFAULT_OPEN_ACCOUNT,
        ipWhitelist: null,
      },
      {
        appid: DEFAULT_APPIDS.subscription,
        secret: '5e1ec0de5e1ec0de5e1ec0de00000004',
        type: 'subscription',
        name: '示例订阅号',
        verified: false,
        domain: 'localhost',
        openAccount: null,
        ipWhitelist: null,
      },
    ],
    users: [
      {
        id: 'u1',
        nickname: '张三',
        headimgurl: 'https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTKemulatorZhangSan0000000000000000000000000000000000000000000/132',
        follows: [DEFAULT_APPIDS.service, DEFAULT_APPIDS.test, DEFAULT_APPIDS.subscription],
        sex: 1,
        province: '广东',
        city: '广州',
        country: '中国',
      },
      {
        id: 'u2',
        nickname: '李四',
        headimgurl: 'https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTKemulatorLiSi000000000000000000000000000000000000000000000000/132',
        follows: [DEFAULT_APPIDS.service],
        sex: 2,
        province: '浙江',
        city: '杭州',
        country: '中国',
      },
      {
        id: 'u3',
        nickname: 'Wang Wu',
        headimgurl: '',
        follows: [],
        sex: 0,
        province: '',
        city: '',
        country: '',
      },
    ],
  };
}

const APPID = /^wx[0-9a-f]{16}$/;
const SECRET = /^[0-9a-f]{32}$/;
const TYPES: readonly AppType[] = ['service', 'subscription', 'test', 'website'];
const DOMAIN = /^[A-Za-z0-9.-]+(:(\d{1,5}|\*))?(\/[^\s]*)?$/;
/**
 * What no WeChat domain holds and the path part of DOMAIN would let through: control characters, bidi
 * overrides, zero-width and other invisible characters (core/unsafe-chars.ts, and the zero-width joiners).
 * The emulator's pages escape them, but the wx.config check page's explanation sets the domains as text.
 */
const INVISIBLE_IN_DOMAIN = new RegExp(`${UNSAFE_CHARS.source}|[\\u200c\\u200d]`, 'gu');

/** The invisible characters in `domain`, each once, as U+XXXX. */
function invisibleIn(domain: string): string[] {
  const found = domain.match(INVISIBLE_IN_DOMAIN) ?? [];
  return [...new Set(found.map(codePointName))];
}

export interface NormalizedApp extends PublicApp {}

export interface NormalizedUser {
  id: string;
  nickname: string;
  headimgurl: string;
  follows: string[];
  sex: 0 | 1 | 2;
  province: string;
  city: string;
  country: string;
}

export interface NormalizedSeed {
  apps: NormalizedApp[];
  users: NormalizedUser[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toDomains(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((d) => typeof d === 'string')) return value as string[];
  return undefined;
}

/** `value` as a list of domains, or a problem. */
function checkDomains(where: string, value: unknown, problems: SeedProblem[]): string[] {
  const domains = toDomains(value);
  if (domains === undefined) {
    problems.push(problem('domainType', { where }));
    return [];
  }
  if (Array.isArray(value) && value.length === 0) problems.push(problem('domainEmpty', { where }));
  for (const d of domains) {
    // Said first: "no scheme, no spaces" would leave the user looking for what is not there to see.
    const invisible = invisibleIn(d);
    if (invisible.length > 0) problems.push(problem('domainInvisible', { where, value: d, chars: invisible }));
    else if (!DOMAIN.test(d)) problems.push(problem('domain', { where, value: d }));
    else {
      const port = /^[^:/]*:(\d+)/.exec(d)?.[1];
      if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535)) problems.push(problem('domainPort', { where, value: d }));
    }
  }
  return domains;
}

/** Check a seed and fill defaults. Throws EmulatorSeedError listing every problem. */
export function normalizeSeed(input: unknown, domainOverrides: Record<string, string | string[]> = {}): NormalizedSeed {
  const problems: SeedProblem[] = [];
  if (!isRecord(input)) throw new EmulatorSeedError([problem('notObject')]);
  checkFields('seed', input, SEED_FIELDS, SHOWN_ONLY.seed, problems);
  const rawApps = input.apps;
  const rawUsers = input.users;
  if (!Array.isArray(rawApps) || rawApps.length === 0) problems.push(problem('appsEmpty'));
  if (!Array.isArray(rawUsers) || rawUsers.length === 0) problems.push(problem('usersEmpty'));

  const apps: NormalizedApp[] = [];
  const seen = new Set<string>();
  (Array.isArray(rawApps) ? (rawApps as unknown[]) : []).forEach((raw, i) => {
    const where = `apps[${i}]`;
    if (!isRecord(raw)) {
      problems.push(problem('notAnObject', { where }));
      return;
    }
    const app = raw as Partial<SeedApp> & Record<string, unknown>;
    checkFields(where, raw, APP_FIELDS, SHOWN_ONLY.app, problems);
    // A bad appid is one problem among the app's others: every one is reported at once.
    const appidOk = typeof app.appid === 'string' && APPID.test(app.appid);
    if (!appidOk) problems.push(problem('appid', { where }));
    else {
      if (seen.has(app.appid!)) problems.push(problem('appidTwice', { where, appid: app.appid! }));
      seen.add(app.appid!);
    }
    if (typeof app.secret !== 'string' || !SECRET.test(app.secret)) problems.push(problem('secret', { where }));
    if (typeof app.type !== 'string' || !TYPES.includes(app.type as AppType)) {
      const meant = typeof app.type === 'string' ? suggest(app.type, TYPES) : undefined;
      problems.push(meant === undefined ? problem('type', { where, types: TYPES }) : problem('typeMeant', { where, value: app.type as string, meant }));
    }
    const overridden = appidOk && Object.hasOwn(domainOverrides, app.appid!);
    const domains = checkDomains(where, overridden ? domainOverrides[app.appid!] : app.domain, problems);
    if (app.openAccount !== undefined && app.openAccount !== null && typeof app.openAccount !== 'string') problems.push(problem('openAccount', { where }));
    const wl = app.ipWhitelist;
    if (wl !== undefined && wl !== null && !(Array.isArray(wl) && wl.every((ip) => typeof ip === 'string'))) problems.push(problem('ipWhitelist', { where }));
    // Each entry as --ip-whitelist and POST /__emulator/whitelist take it: "1.2.3" (a typo) made every
    // caller's /cgi-bin/ call 40164 without a word, and "::ffff:127.0.0.1" refused 127.0.0.1 itself.
    else if (Array.isArray(wl)) for (const ip of wl as string[]) if (ip.trim() !== '' && isIP(ip.trim()) === 0) problems.push(problem('ipWhitelistEntry', { where, value: ip }));
    if (app.tokenDailyQuota !== undefined && !(Number.isInteger(app.tokenDailyQuota) && app.tokenDailyQuota >= 0)) problems.push(problem('tokenDailyQuota', { where }));
    if (app.verified !== undefined && typeof app.verified !== 'boolean') problems.push(problem('verified', { where }));
    const type = app.type as AppType;
    const appid = String(app.appid);
    apps.push({
      appid,
      secret: String(app.secret),
      type,
      name: typeof app.name === 'string' && app.name !== '' ? app.name : appid,
      verified: typeof app.verified === 'boolean' ? app.verified : type !== 'subscription',
      domain: domains.map((d) => d.toLowerCase()),
      openAccount: typeof app.openAccount === 'string' ? app.openAccount : null,
      // An empty list is a whitelist with nobody on it, as WeChat applies one to every account (§8);
      // only null or no field is no check (POST /__emulator/whitelist's [] removes it, as documented).
      ipWhitelist: Array.isArray(wl) ? (normalizeWhitelist(wl as string[]) ?? []) : null,
      tokenDailyQuota: app.tokenDailyQuota ?? (type === 'test' ? 200 : 2000),
    });
  });

  const users: NormalizedUser[] = [];
  const ids = new Set<string>();
  (Array.isArray(rawUsers) ? (rawUsers as unknown[]) : []).forEach((raw, i) => {
    const where = `users[${i}]`;
    if (!isRecord(raw)) {
      problems.push(problem('notAnObject', { where }));
      return;
    }
    const user = raw as Partial<SeedUser> & Record<string, unknown>;
    checkFields(where, raw, USER_FIELDS, SHOWN_ONLY.user, problems);
    const id = typeof user.id === 'string' && user.id !== '' ? user.id : `u${i + 1}`;
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) problems.push(problem('userId', { where }));
    if (ids.has(id)) problems.push(problem('userIdTwice', { where, id }));
    ids.add(id);
    if (typeof user.nickname !== 'string') problems.push(problem('nickname', { where }));
    else if (user.nickname.trim() === '') problems.push(problem('nicknameEmpty', { where }));
    const follows = user.follows ?? [];
    if (!Array.isArray(follows) || !follows.every((a) => typeof a === 'string')) problems.push(problem('follows', { where }));
    else {
      const listed = new Set<string>();
      for (const a of follows as string[]) {
        if (listed.has(a)) problems.push(problem('followsTwice', { where, appid: a }));
        else if (!seen.has(a)) problems.push(problem('followsUnknown', { where, appid: a }));
        listed.add(a);
      }
    }
    if (user.sex !== undefined && ![0, 1, 2].includes(user.sex)) problems.push(problem('sex', { where }));
    users.push({
      id,
      nickname: String(user.nickname ?? ''),
      headimgurl: typeof user.headimgurl === 'string' ? user.headimgurl : '',
      follows: Array.isArray(follows) ? (follows as string[]) : [],
      sex: user.sex ?? 0,
      province: typeof user.province === 'string' ? user.province : '',
      city: typeof user.city === 'string' ? user.city : '',
      country: typeof user.country === 'string' ? user.country : '',
    });
  });
  for (const appid of Object.keys(domainOverrides)) if (!seen.has(appid)) problems.push(problem('overrideUnknown', { appid }));
  if (problems.length > 0) throw new EmulatorSeedError(problems);
  return { apps, users };
}

/**
 * An IP whitelist as the emulator compares it with a caller (server.ts normalizeIp): trimmed, lower
 * case, an IPv4-mapped IPv6 address as its IPv4 (40164's errmsg writes both), each once; empty is no
 * whitelist, not one that refuses everybody. Entries must be IPs (checked by the caller).
 */
export function normalizeWhitelist(ips: readonly string[]): string[] | null {
  const given = ips.map((ip) => ip.trim().toLowerCase()).filter((ip) => ip !== '');
  const list = [...new Set(given.map((ip) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip)))];
  return list.length > 0 ? list : null;
}

/** Parse a seed file's text (JSON). */
export function parseSeed(text: string, domainOverrides?: Record<string, string | string[]>): NormalizedSeed {
  return normalizeSeed(seedJson(text), domainOverrides);
}

function seedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Where it breaks, never JSON.parse's excerpt: it is English, and it may quote part of a secret.
    // An empty file or a BOM is said as such: "line 1, column 1" pointed at nothing to see in an editor.
    const fault = findJsonFault(text);
    if (fault?.fault === 'empty') throw new EmulatorSeedError([problem('notJsonEmpty')]);
    if (fault?.fault === 'bom') throw new EmulatorSeedError([problem('notJsonBom')]);
    throw new EmulatorSeedError([problem('notJson', { line: String(fault?.line ?? 1), column: String(fault?.column ?? 1) })]);
  }
}

/** Read and validate a seed file (JSON). Throws EmulatorSeedError (reason unreadable / invalid). */
export async function loadSeedFile(path: string): Promise<Seed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new EmulatorSeedError((error as Error).message, 'unreadable', error);
  }
  // Checked here, but given back as written: the emulator checks and fills it in itself, and a filled-in
  // seed read again is not the same seed (an app without a domain would have become `"domain": []`).
  const value = seedJson(text);
  normalizeSeed(value);
  return value as Seed;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 27 characters from a digest, in openid's alphabet. Deterministic so seeded openids can be copied. */
function digest27(input: string): string {
  const bytes = createHash('sha256').update(input).digest();
  let out = '';
  for (let i = 0; i < 27; i++) out += ID_ALPHABET[(bytes[i] ?? 0) % 64];
  return out;
}

/**
 * Derived ids already computed, by their digest input. Every code exchange needs the user's openid, and
 * a seed has few apps and users: a hash per exchange is work a lookup saves (for speed, issue 19).
 * Bounded, in case a caller passes ids from a request.
 */
const derived = new Map<string, string>();
const DERIVED_KEPT = 4096;

function derivedId(input: string): string {
  let id = derived.get(input);
  if (id === undefined) {
    id = 'o' + digest27(input);
    if (derived.size < DERIVED_KEPT) derived.set(input, id);
  }
  return id;
}

/** openid: 28 chars starting with `o`, different in every app. */
export function openidFor(appid: string, userId: string, snapshot = false): string {
  return derivedId(`openid:${snapshot ? 'snapshot:' : ''}${appid}:${userId}`);
}

/**
 * unionid: same for every app bound to one 开放平台 account. A snapshot user's is virtual, like its
 * openid (API-FACTS §1.6), so it never equals the real user's.
 */
export function unionidFor(openAccount: string, userId: string, snapshot = false): string {
  return derivedId(`unionid:${snapshot ? 'snapshot:' : ''}${openAccount}:${userId}`);
}

export function publicUsers(seed: NormalizedSeed): PublicUser[] {
  return seed.users.map((u) => {
    const openids: Record<string, string> = {};
    const unionids: Record<string, string> = {};
    for (const app of seed.apps) {
      openids[app.appid] = openidFor(app.appid, u.id);
      if (app.openAccount) unionids[app.openAccount] = unionidFor(app.openAccount, u.id);
    }
    return { id: u.id, nickname: u.nickname, headimgurl: u.headimgurl, follows: [...u.follows], openids, unionids };
  });
}

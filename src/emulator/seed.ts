// Seed data: the apps and users the emulator knows. The built-in seed is deterministic so its appids
// and secrets can be copied from the README; generated codes and tokens are random.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AppType, PublicApp, PublicUser, Seed, SeedApp, SeedUser } from './types.js';

/** A seed that does not validate; `problems` lists every issue found, one sentence each (English). */
export class EmulatorSeedError extends Error {
  readonly problems: string[];
  /** `unreadable`: the file could not be read; `invalid`: it was read but does not validate. */
  readonly reason: 'unreadable' | 'invalid';
  constructor(problems: string[], reason: 'unreadable' | 'invalid' = 'invalid') {
    super(`invalid emulator seed: ${problems.join('; ')}`);
    this.name = 'EmulatorSeedError';
    this.problems = problems;
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

/** Check a seed and fill defaults. Throws EmulatorSeedError listing every problem. */
export function normalizeSeed(input: unknown, domainOverrides: Record<string, string | string[]> = {}): NormalizedSeed {
  const problems: string[] = [];
  if (!isRecord(input)) throw new EmulatorSeedError(['the seed must be a JSON object with "apps" and "users" arrays']);
  const rawApps = input.apps;
  const rawUsers = input.users;
  if (!Array.isArray(rawApps) || rawApps.length === 0) problems.push('"apps" must be a non-empty array');
  if (!Array.isArray(rawUsers) || rawUsers.length === 0) problems.push('"users" must be a non-empty array');

  const apps: NormalizedApp[] = [];
  const seen = new Set<string>();
  (Array.isArray(rawApps) ? (rawApps as unknown[]) : []).forEach((raw, i) => {
    const where = `apps[${i}]`;
    if (!isRecord(raw)) {
      problems.push(`${where} must be an object`);
      return;
    }
    const app = raw as Partial<SeedApp> & Record<string, unknown>;
    if (typeof app.appid !== 'string' || !APPID.test(app.appid)) {
      problems.push(`${where}.appid must be "wx" followed by 16 lower-case hex digits`);
      return;
    }
    if (seen.has(app.appid)) problems.push(`${where}.appid ${app.appid} appears twice`);
    seen.add(app.appid);
    if (typeof app.secret !== 'string' || !SECRET.test(app.secret)) problems.push(`${where}.secret must be 32 lower-case hex digits`);
    if (typeof app.type !== 'string' || !TYPES.includes(app.type as AppType))
      problems.push(`${where}.type must be one of ${TYPES.join(', ')}`);
    const domains = toDomains(domainOverrides[app.appid] ?? app.domain);
    if (domains === undefined || domains.some((d) => !DOMAIN.test(d)))
      problems.push(`${where}.domain must be a host (optionally host:port), without scheme`);
    if (app.openAccount !== undefined && app.openAccount !== null && typeof app.openAccount !== 'string')
      problems.push(`${where}.openAccount must be a string or null`);
    const wl = app.ipWhitelist;
    if (wl !== undefined && wl !== null && !(Array.isArray(wl) && wl.every((ip) => typeof ip === 'string')))
      problems.push(`${where}.ipWhitelist must be an array of IP strings or null`);
    if (app.tokenDailyQuota !== undefined && !(Number.isInteger(app.tokenDailyQuota) && app.tokenDailyQuota >= 0))
      problems.push(`${where}.tokenDailyQuota must be a non-negative integer`);
    if (app.verified !== undefined && typeof app.verified !== 'boolean') problems.push(`${where}.verified must be true or false`);
    const type = app.type as AppType;
    apps.push({
      appid: app.appid,
      secret: String(app.secret),
      type,
      name: typeof app.name === 'string' && app.name !== '' ? app.name : app.appid,
      verified: typeof app.verified === 'boolean' ? app.verified : type !== 'subscription',
      domain: (domains ?? []).map((d) => d.toLowerCase()),
      openAccount: typeof app.openAccount === 'string' ? app.openAccount : null,
      ipWhitelist: Array.isArray(wl) ? (wl as string[]) : null,
      tokenDailyQuota: app.tokenDailyQuota ?? (type === 'test' ? 200 : 2000),
    });
  });

  const users: NormalizedUser[] = [];
  const ids = new Set<string>();
  (Array.isArray(rawUsers) ? (rawUsers as unknown[]) : []).forEach((raw, i) => {
    const where = `users[${i}]`;
    if (!isRecord(raw)) {
      problems.push(`${where} must be an object`);
      return;
    }
    const user = raw as Partial<SeedUser> & Record<string, unknown>;
    const id = typeof user.id === 'string' && user.id !== '' ? user.id : `u${i + 1}`;
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) problems.push(`${where}.id must be 1-32 letters, digits, _ or -`);
    if (ids.has(id)) problems.push(`${where}.id ${id} appears twice`);
    ids.add(id);
    if (typeof user.nickname !== 'string') problems.push(`${where}.nickname must be a string`);
    const follows = user.follows ?? [];
    if (!Array.isArray(follows) || !follows.every((a) => typeof a === 'string'))
      problems.push(`${where}.follows must be an array of appids`);
    else for (const a of follows) if (!seen.has(a)) problems.push(`${where}.follows names ${a}, which is not a seeded app`);
    if (user.sex !== undefined && ![0, 1, 2].includes(user.sex)) problems.push(`${where}.sex must be 0, 1 or 2`);
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
  for (const appid of Object.keys(domainOverrides))
    if (!seen.has(appid)) problems.push(`domain override for ${appid}: no such app in the seed`);
  if (problems.length > 0) throw new EmulatorSeedError(problems);
  return { apps, users };
}

/** Parse a seed file's text (JSON). */
export function parseSeed(text: string, domainOverrides?: Record<string, string | string[]>): NormalizedSeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new EmulatorSeedError([`the seed file is not valid JSON (${(error as Error).message})`]);
  }
  return normalizeSeed(value, domainOverrides);
}

/** Read and validate a seed file (JSON). Throws EmulatorSeedError (reason unreadable / invalid). */
export async function loadSeedFile(path: string): Promise<Seed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new EmulatorSeedError([(error as Error).message], 'unreadable');
  }
  return parseSeed(text);
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

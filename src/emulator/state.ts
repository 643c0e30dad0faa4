// The emulator's memory: codes, user tokens, basic tokens, quotas, rids, QR and consent sessions.
// Times are milliseconds on the emulator clock, passed in by the caller.

export type Scope = 'snsapi_base' | 'snsapi_userinfo' | 'snsapi_login';

/**
 * A Map that can drop its oldest entry cheaply. The emulator's memories are capped by dropping the
 * oldest entry as a new one comes in; `map.keys().next()` finds it by scanning from the front of the
 * hash table, over every slot deleted since the table was last rebuilt — at 20,000 codes about 11 µs
 * per minted code, the largest cost of the authorize redirect under load (issue 19). This keeps one
 * iterator instead: a Map iterator stays valid while the map changes and walks the entries in insertion
 * order, so it yields the same oldest entry, passing each deleted slot once.
 */
export class FifoMap<K, V> extends Map<K, V> {
  private oldest: MapIterator<[K, V]> | undefined;

  /** Remove and return the oldest entry (undefined when empty). */
  shift(): [K, V] | undefined {
    if (this.size === 0) return undefined;
    let next = this.oldest?.next();
    // A finished iterator never sees later entries: start a new one.
    if (next === undefined || next.done) {
      this.oldest = this.entries();
      next = this.oldest.next();
    }
    if (next.done) return undefined;
    this.delete(next.value[0]);
    return next.value;
  }
}

/**
 * Two generations of what the emulator keeps of a stream of fresh random keys (codes, grants): entries
 * go into the newer one; once it holds `generation` entries it becomes the older one, and the older one
 * is dropped whole. So the last `generation` entries are always kept, and at most twice as many.
 * Dropping the oldest entry as each new one came in (FifoMap) cost every insert a delete in a table of
 * 20,000 entries, each a cache miss once the kernel's networking has run between two requests (issue
 * 19); here an insert is one set, and a dropped generation is one object for the garbage collector.
 */
class GenerationPair<G> {
  newer: G;
  older: G;

  constructor(
    private readonly make: () => G,
    private readonly sizeOf: (generation: G) => number,
    readonly generation: number,
  ) {
    this.newer = make();
    this.older = make();
  }

  get size(): number {
    return this.sizeOf(this.newer) + this.sizeOf(this.older);
  }

  /** The generation a new entry goes into: the newer one, turned into the older one first when full. */
  forNewEntry(): G {
    if (this.sizeOf(this.newer) >= this.generation) {
      this.older = this.newer;
      this.newer = this.make();
    }
    return this.newer;
  }
}

/** A map that forgets a generation at a time (see GenerationPair). */
export class Generations<K, V> {
  private readonly pair: GenerationPair<Map<K, V>>;

  constructor(generation: number) {
    this.pair = new GenerationPair(() => new Map<K, V>(), (map) => map.size, generation);
  }

  get size(): number {
    return this.pair.size;
  }

  get(key: K): V | undefined {
    return this.pair.newer.get(key) ?? this.pair.older.get(key);
  }

  /** Add an entry under a key not in the map (a fresh random one); a key added twice finds the later value. */
  add(key: K, value: V): void {
    this.pair.forNewEntry().set(key, value);
  }
}

export interface CodeEntry {
  appid: string;
  userId: string;
  scope: Scope;
  snapshot: boolean;
  expiresAt: number;
  used: boolean;
  /** When the code was minted (emulator clock), for GET /__emulator/codes/<code>. */
  issuedAt: number;
  /**
   * Every /sns/oauth2/access_token call that presented this code for its appid, with what it was answered:
   * the request log masks codes (issue 14), so this is how a probe learns whether THIS code was exchanged,
   * when and from where (§1.6: a code is single use; a repeat gets 40163).
   */
  attempts?: CodeAttempt[];
  /** The grant the successful exchange produced. */
  grant?: SnsGrant;
}

export interface CodeAttempt {
  /** Emulator clock, ms. */
  time: number;
  /** The caller's address (the socket's, or the callerIp switch). */
  ip: string;
  /** 0 for success, else the errcode WeChat's answer carried. */
  errcode: number;
}

export interface SnsGrant {
  appid: string;
  userId: string;
  openid: string;
  scope: Scope;
  snapshot: boolean;
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

export interface BasicTokenEntry {
  appid: string;
  kind: 'basic' | 'stable';
  issuedAt: number;
  expiresAt: number;
  /** Replaced by a newer token: once past expiresAt it answers 40001 (not latest), not 42001. */
  superseded?: boolean;
}

export interface RidEntry {
  rid: string;
  appid?: string;
  family: 'sns' | 'cgi';
  invokeTime: number;
  costMs: number;
  requestUrl: string;
  requestBody: string;
  responseBody: string;
  clientIp: string;
}

export interface QrSession {
  uuid: string;
  appid: string;
  redirectUri: string;
  state: string;
  createdAt: number;
  /** §2.3: 408 waiting, 404 scanned, 403 cancelled, 402 expired, 405 confirmed. */
  status: 408 | 404 | 403 | 402 | 405;
  code?: string;
  userId?: string;
  selfRedirect: boolean;
  jssdk: boolean;
}

export interface ConsentTicket {
  ticket: string;
  appid: string;
  redirectUri: string;
  state: string;
  scope: Scope;
  createdAt: number;
  used: boolean;
}

/**
 * What rid records may hold at most. rid/get echoes the request body (§11), so a record can carry up
 * to 64 KiB: counting entries alone let 20,000 of them reach ~1.3 GB (issue 13 item 7). The cap is on
 * the bytes their strings hold; the oldest records go first, as they would age out of WeChat's 7 days.
 */
export const MAX_RID_BYTES = 8 * 1024 * 1024;
export const MAX_RID_ENTRIES = 20_000;

/** The UTF-8 size of a record's strings: what it keeps alive, near enough to budget by. */
function ridEntryBytes(entry: RidEntry): number {
  let n = 0;
  for (const s of [entry.rid, entry.appid ?? '', entry.requestUrl, entry.requestBody, entry.responseBody, entry.clientIp]) n += Buffer.byteLength(s);
  return n;
}

/** rid records in arrival order, bounded by total bytes and by count. */
export class RidStore {
  private readonly entries = new FifoMap<string, { entry: RidEntry; bytes: number }>();
  private total = 0;

  constructor(
    readonly maxBytes = MAX_RID_BYTES,
    readonly maxEntries = MAX_RID_ENTRIES,
  ) {}

  get(rid: string): RidEntry | undefined {
    return this.entries.get(rid)?.entry;
  }

  add(entry: RidEntry): void {
    const bytes = ridEntryBytes(entry);
    const previous = this.entries.get(entry.rid);
    if (previous) {
      this.total -= previous.bytes;
      this.entries.delete(entry.rid);
    }
    this.entries.set(entry.rid, { entry, bytes });
    this.total += bytes;
    while ((this.total > this.maxBytes || this.entries.size > this.maxEntries) && this.entries.size > 1) {
      this.total -= this.entries.shift()![1].bytes;
    }
  }

  /** For GET /__emulator/stats. */
  stats(): { count: number; bytes: number; maxBytes: number; maxCount: number } {
    return { count: this.entries.size, bytes: this.total, maxBytes: this.maxBytes, maxCount: this.maxEntries };
  }
}

/**
 * User grants are forgotten a generation at a time (see GenerationPair): the last MAX_GRANTS grants are
 * always remembered, at most twice as many; a forgotten grant's tokens answer as unknown ones.
 */
export const MAX_GRANTS = 20_000;

interface GrantGeneration {
  byAccess: Map<string, SnsGrant>;
  byRefresh: Map<string, SnsGrant>;
}

/**
 * User grants by access_token and by refresh_token, in two generations (see GenerationPair). A grant
 * stays in the generation it was made in under both its tokens (a refreshed grant keeps its place),
 * so it is forgotten whole: never known by one token and not the other.
 */
export class GrantStore {
  private readonly pair: GenerationPair<GrantGeneration>;

  constructor(generation = MAX_GRANTS) {
    this.pair = new GenerationPair((): GrantGeneration => ({ byAccess: new Map(), byRefresh: new Map() }), (g) => g.byRefresh.size, generation);
  }

  /** How many grants are remembered. */
  get size(): number {
    return this.pair.size;
  }

  byAccess(token: string): SnsGrant | undefined {
    return this.pair.newer.byAccess.get(token) ?? this.pair.older.byAccess.get(token);
  }

  byRefresh(token: string): SnsGrant | undefined {
    return this.pair.newer.byRefresh.get(token) ?? this.pair.older.byRefresh.get(token);
  }

  /** Remember a new grant (fresh random tokens) under both its tokens. */
  add(grant: SnsGrant): void {
    const generation = this.pair.forNewEntry();
    generation.byAccess.set(grant.accessToken, grant);
    generation.byRefresh.set(grant.refreshToken, grant);
  }

  /** A refresh gave the grant a new access_token: it is found by that one from now on, no longer by the old. */
  renewAccess(grant: SnsGrant, accessToken: string): void {
    const { newer, older } = this.pair;
    const home = newer.byRefresh.get(grant.refreshToken) === grant ? newer : older;
    home.byAccess.delete(grant.accessToken);
    grant.accessToken = accessToken;
    home.byAccess.set(accessToken, grant);
  }
}

/** Codes are kept like grants: the last CODES_KEPT always (a dropped code answers 40029 like an unknown one), at most twice as many. */
export const CODES_KEPT = 20_000;

export class EmulatorState {
  codes = new Generations<string, CodeEntry>(CODES_KEPT);
  grants = new GrantStore();
  basicTokens = new Map<string, BasicTokenEntry>();
  /** Latest /cgi-bin/token and /cgi-bin/stable_token token per appid. */
  currentBasic = new Map<string, string>();
  currentStable = new Map<string, string>();
  stableForce = new Map<string, { day: number; count: number; lastAt: number }>();
  /** `${appid} ${cgi_path}` -> calls today. */
  quota = new Map<string, { day: number; used: number }>();
  clears = new Map<string, { month: string; count: number }>();
  rids = new RidStore();
  qr = new FifoMap<string, QrSession>();
  tickets = new FifoMap<string, ConsentTicket>();
}

/** Quota days follow Beijing time (UTC+8): WeChat resets daily limits at 00:00 China time. */
export function beijingDay(ms: number): number {
  return Math.floor((ms + 8 * 3600_000) / 86_400_000);
}

export function beijingMonth(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
}

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

/** How many user grants are remembered; beyond it the oldest go, and their tokens answer as unknown ones. */
export const MAX_GRANTS = 20_000;

export class EmulatorState {
  codes = new FifoMap<string, CodeEntry>();
  /** By access_token and by refresh_token (the same grant object). */
  grantsByAccess = new Map<string, SnsGrant>();
  grantsByRefresh = new FifoMap<string, SnsGrant>();

  /**
   * Remember a new grant under both its tokens. A long-running emulator exchanging code after code
   * must not grow without bound (issue 19): past MAX_GRANTS the oldest grant is forgotten, as codes
   * are past their own cap (a refreshed grant keeps its place: its refresh_token is its first key).
   */
  addGrant(grant: SnsGrant): void {
    this.grantsByAccess.set(grant.accessToken, grant);
    this.grantsByRefresh.set(grant.refreshToken, grant);
    while (this.grantsByRefresh.size > MAX_GRANTS) {
      const oldest = this.grantsByRefresh.shift()![1];
      if (this.grantsByAccess.get(oldest.accessToken) === oldest) this.grantsByAccess.delete(oldest.accessToken);
    }
  }
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

// The emulator's memory: codes, user tokens, basic tokens, quotas, rids, QR and consent sessions.
// Times are milliseconds on the emulator clock, passed in by the caller.
import { CODE_ALPHABET, CODE_LENGTH, SNS_TOKEN_LENGTH, TOKEN_ALPHABET, newCode, newSnsToken } from './wire.js';

export type { Scope } from '../core/endpoints.js';
import type { Scope } from '../core/endpoints.js';

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
 * The slots of two generations of what the emulator keeps of a stream of fresh entries (codes, grants):
 * entries go into the newer generation; once it holds `generation` entries it becomes the older one, and
 * the older one is dropped whole. So the last `generation` entries are always kept, and at most twice as
 * many. Generation n fills slots from (n % 2) * generation on, so a new generation reuses the slots of
 * the one it drops; a slot's entry is kept while the generation it was written in is one of the last two.
 * (Before: two Maps per generation, whose inserts, growth and the objects they kept alive were about half
 * of the code exchange's own work; issue 19.) A slot is live only once next() has handed it out, after
 * which its store writes the entry at once, so the stores' cells and arrays start unfilled: nothing reads
 * a slot before it is written (filling them cost every emulator start and reset ~28 ms).
 */
class SlotGenerations {
  /** The generation each slot's entry was written in (-2: none yet). */
  private readonly born: Float64Array;
  /** The generation being filled, and how many entries it holds. */
  private current = 0;
  private filled = 0;

  constructor(readonly generation: number) {
    this.born = new Float64Array(2 * generation).fill(-2);
  }

  get capacity(): number {
    return 2 * this.generation;
  }

  /** Forget every entry: no slot is live until next() hands it out again. */
  clear(): void {
    this.born.fill(-2);
    this.current = 0;
    this.filled = 0;
  }

  get size(): number {
    return this.filled + (this.current > 0 ? this.generation : 0);
  }

  /** Whether `slot` holds a kept entry. */
  live(slot: number): boolean {
    const born = this.born[slot]!;
    return born === this.current || born === this.current - 1;
  }

  /** The slot of a new entry (when it starts a generation, the entries the older one held are dropped). */
  next(): number {
    if (this.filled === this.generation) {
      this.current += 1;
      this.filled = 0;
    }
    const slot = (this.current % 2) * this.generation + this.filled;
    this.filled += 1;
    this.born[slot] = this.current;
    return slot;
  }

  /** A number naming the entry in `slot` for as long as it is kept, never reused. */
  serial(slot: number): number {
    return this.born[slot]! * this.generation + (slot % this.generation);
  }

  /** The slot of the entry `serial` names, or -1 once it is dropped. */
  slotOf(serial: number): number {
    const born = Math.floor(serial / this.generation);
    const slot = (born % 2) * this.generation + (serial % this.generation);
    return this.born[slot] === born && this.live(slot) ? slot : -1;
  }
}

/**
 * Codes and tokens carry the number of the slot they are kept in, in their last three characters: a
 * lookup reads the slot from them and compares the characters kept there, with no hash table and no
 * object kept per entry (issue 19). The slot is mixed with a multiplier and an offset drawn per process
 * (an odd multiplier is a bijection mod 2^bits), so that the characters still look random and
 * consecutive entries do not show consecutive numbers.
 */
class SlotCipher {
  private readonly mask: number;
  private readonly multiplier: number;
  private readonly inverse: number;
  private readonly offset: number;
  /** Character code -> digit, -1 for a character outside the alphabet. */
  private readonly digits = new Int16Array(128).fill(-1);
  /** The encoded slot's characters, written by encode() (read at once by the caller). */
  readonly tail = new Uint8Array(3);

  /**
   * `bits`: slots are below 2^bits; `alphabet`: the characters (at least 2^(bits/3) of them); `random`:
   * a source of uniform numbers in [0, 1).
   */
  constructor(
    bits: number,
    private readonly alphabet: string,
    random: () => number,
  ) {
    const size = 2 ** bits;
    this.mask = size - 1;
    this.multiplier = (Math.floor(random() * size) | 1) & this.mask;
    // The inverse of an odd number mod 2^32 (Newton's iteration doubles the correct bits each step), cut to `bits`.
    let inverse = this.multiplier;
    for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(this.multiplier, inverse));
    this.inverse = inverse & this.mask;
    this.offset = Math.floor(random() * size) & this.mask;
    for (let i = 0; i < alphabet.length; i++) this.digits[alphabet.charCodeAt(i)] = i;
  }

  /**
   * Write `slot` as three characters into `tail`. With an alphabet of more than 2^(bits/3) characters
   * (62 for codes, against 2^17 slots) the value may be written as itself or plus 2^bits, picked at
   * random, so the first character covers most of the alphabet.
   */
  encode(slot: number): Uint8Array {
    const base = this.alphabet.length;
    let value = (Math.imul(slot, this.multiplier) + this.offset) & this.mask;
    if (value + this.mask + 1 < base * base * base && Math.random() < 0.5) value += this.mask + 1;
    const tail = this.tail;
    tail[2] = this.alphabet.charCodeAt(value % base);
    value = Math.floor(value / base);
    tail[1] = this.alphabet.charCodeAt(value % base);
    tail[0] = this.alphabet.charCodeAt(Math.floor(value / base));
    return tail;
  }

  /** The slot written in the last three characters of `text`, or -1 when they are not one. */
  decode(text: string): number {
    const end = text.length;
    const a = this.digitAt(text, end - 3);
    const b = this.digitAt(text, end - 2);
    const c = this.digitAt(text, end - 1);
    if (a < 0 || b < 0 || c < 0) return -1;
    const base = this.alphabet.length;
    const value = (a * base + b) * base + c;
    if (value > 2 * this.mask + 1) return -1;
    return Math.imul((value & this.mask) - this.offset, this.inverse) & this.mask;
  }

  private digitAt(text: string, index: number): number {
    const code = text.charCodeAt(index);
    return code < 128 ? this.digits[code]! : -1;
  }
}

/**
 * The texts of one kind (codes, access_tokens, refresh_tokens) that a store keeps in its slots: each is
 * made carrying its slot in its last three characters (SlotCipher), and its characters are kept in the
 * slot's cell of one buffer, so a lookup decodes the slot and compares the cell.
 */
class SlotTexts {
  private readonly cipher: SlotCipher;
  private readonly cells: Buffer;

  /** `bits`: slots are below 2^bits; `make`: a fresh text of `length` characters ending with the given ones (wire.ts). */
  constructor(
    bits: number,
    alphabet: string,
    private readonly length: number,
    capacity: number,
    private readonly make: (tail: Uint8Array) => string,
  ) {
    if (capacity > 2 ** bits) throw new RangeError(`at most 2^${bits} slots`);
    this.cipher = new SlotCipher(bits, alphabet, Math.random);
    // Not filled: a cell is read only while its slot is live (see SlotGenerations).
    this.cells = Buffer.allocUnsafeSlow(capacity * length);
  }

  /** A fresh text for `slot`, kept there (it replaces the slot's earlier one). */
  issue(slot: number): string {
    const text = this.make(this.cipher.encode(slot));
    this.cells.write(text, slot * this.length, 'latin1');
    return text;
  }

  /** The text kept in `slot`. */
  at(slot: number): string {
    return this.cells.toString('latin1', slot * this.length, (slot + 1) * this.length);
  }

  /**
   * The slot of `text` while `slots` keeps it, else -1. The cell is made a string and compared whole: a
   * loop over the characters of `text` (a slice of the request's URL) took three times as long (issue 19:
   * ~310 against ~105 ns for a token).
   */
  find(text: string, slots: SlotGenerations): number {
    if (text.length !== this.length) return -1;
    const slot = this.cipher.decode(text);
    return slot >= 0 && slot < slots.capacity && slots.live(slot) && this.at(slot) === text ? slot : -1;
  }
}

/** A code as GET /__emulator/codes/<code> shows it (CodeStore.get: a copy made when asked). */
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
   * Every /sns/oauth2/access_token call that presented this code for its appid, with what it was answered
   * (the last 20): the request log masks codes (issue 14), so this is how a probe learns whether THIS code
   * was exchanged, when and from where (§1.6: a code is single use; a repeat gets 40163).
   */
  attempts: CodeAttempt[];
  /** The grant the successful exchange produced, while it is remembered. */
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

/**
 * The emulator's clock was moved back (POST /__emulator/clock {"reset": true}, a negative advance) to
 * before `entry` was issued: it is taken as issued at `now`, its times moved back together. Left as it was,
 * it kept its whole life on top of the time moved back (a 2-hour token 4 hours from expiry, whose
 * stable_token answer said expires_in 14390), which WeChat's clock never produces.
 */
export function rewindEntry(entry: { issuedAt: number; expiresAt: number }, now: number): void {
  if (entry.issuedAt <= now) return;
  entry.expiresAt -= entry.issuedAt - now;
  entry.issuedAt = now;
}

/** Replaced tokens kept per appid and kind at most: a server fetching more than this within 5 minutes. */
export const REPLACED_KEPT = 64;
/** Forgotten tokens whose appid is still known, so their 40001 stays attributed (request log, rid/get). */
const RETIRED_KEPT = 10_000;

/**
 * Basic access tokens (/cgi-bin/token and /cgi-bin/stable_token). WeChat's semantics need, per appid and
 * kind, the current token (expired or not: it answers 42001 once expired) and every token it replaced
 * that is still in its own overlap (§8: each old token works for min(its remaining life, 5 minutes) after
 * the fetch that replaced it; §9: a stable token rotated in its last 5 minutes until its own expiry).
 * A replaced token past its overlap answers 40001 and is forgotten (pruned when the next token is issued,
 * or when it is used); only its appid is remembered, for a while, so its 40001 is still attributed.
 * Before, every token was kept: 400,000 /cgi-bin/token calls took the emulator from 52 to 230 MB; now at
 * most 1 + REPLACED_KEPT tokens per appid and kind.
 */
export class BasicTokenStore {
  private readonly tokens = new Map<string, BasicTokenEntry>();
  /** `${kind} ${appid}` -> its current token, and the tokens it replaced that may still work, oldest first. */
  private readonly current = new Map<string, string>();
  private readonly replaced = new Map<string, string[]>();
  private readonly retired = new Map<string, string>();

  get(token: string): BasicTokenEntry | undefined {
    return this.tokens.get(token);
  }

  /** The appid of a token this store issued and has since forgotten (while it remembers that much). */
  retiredAppid(token: string): string | undefined {
    return this.retired.get(token);
  }

  /** How many tokens are kept (GET /__emulator/stats). */
  get size(): number {
    return this.tokens.size;
  }

  /** The current token of an appid and kind. */
  currentOf(appid: string, kind: 'basic' | 'stable'): string | undefined {
    return this.current.get(`${kind} ${appid}`);
  }

  /** Every token of an appid this store keeps, of both kinds: the current ones and those they replaced. */
  keptOf(appid: string): string[] {
    return (['basic', 'stable'] as const).flatMap((kind) => {
      const current = this.current.get(`${kind} ${appid}`);
      return [...(this.replaced.get(`${kind} ${appid}`) ?? []), ...(current === undefined ? [] : [current])];
    });
  }

  /**
   * A new token becomes the current one of its appid and kind; the one it replaces joins the replaced
   * tokens, of which those already past their overlap (and any beyond REPLACED_KEPT) are forgotten.
   */
  set(token: string, entry: BasicTokenEntry): void {
    const key = `${entry.kind} ${entry.appid}`;
    const previous = this.current.get(key);
    if (previous !== undefined && previous !== token) {
      const list = this.replaced.get(key) ?? [];
      list.push(previous);
      const kept = list.filter((t) => {
        const e = this.tokens.get(t);
        const live = e !== undefined && e.expiresAt > entry.issuedAt;
        if (!live) this.retire(t, entry.appid);
        return live;
      });
      while (kept.length > REPLACED_KEPT) this.retire(kept.shift()!, entry.appid);
      this.replaced.set(key, kept);
    }
    this.current.set(key, token);
    this.tokens.set(token, entry);
  }

  /** The clock moved back to `now`: a token issued after it is as if issued now (rewindEntry). */
  rewind(now: number): void {
    for (const entry of this.tokens.values()) rewindEntry(entry, now);
  }

  /** A replaced token past its overlap: it answers 40001 like an unknown one, so it is forgotten. */
  forgetExpired(token: string, entry: BasicTokenEntry): void {
    if (!entry.superseded) return;
    const key = `${entry.kind} ${entry.appid}`;
    const list = this.replaced.get(key);
    if (list) this.replaced.set(key, list.filter((t) => t !== token));
    this.retire(token, entry.appid);
  }

  private retire(token: string, appid: string): void {
    this.tokens.delete(token);
    this.retired.set(token, appid);
    if (this.retired.size > RETIRED_KEPT) this.retired.delete(this.retired.keys().next().value as string);
  }
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
  /** What the last long poll of this session answered: a poll that answers the same is not logged (pages.ts longPoll). */
  polled?: number;
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
 * User grants are forgotten a generation at a time (see SlotGenerations): the last MAX_GRANTS grants are
 * always remembered, at most twice as many; a forgotten grant's tokens answer as unknown ones.
 */
export const MAX_GRANTS = 20_000;

/** A grant as the store keeps it, read (and its access_token's expiry written) through its slot. */
export class StoredGrant implements SnsGrant {
  constructor(
    private readonly store: GrantStore,
    readonly slot: number,
    private access?: string,
    private refresh?: string,
  ) {}

  get appid(): string {
    return this.store.appids[this.slot]!;
  }
  get userId(): string {
    return this.store.userIds[this.slot]!;
  }
  get openid(): string {
    return this.store.openids[this.slot]!;
  }
  get scope(): Scope {
    return this.store.scopes[this.slot]!;
  }
  get snapshot(): boolean {
    return this.store.snapshots[this.slot] === 1;
  }
  get accessToken(): string {
    return (this.access ??= this.store.accessTokenAt(this.slot));
  }
  set accessToken(token: string) {
    this.access = token;
  }
  get refreshToken(): string {
    return (this.refresh ??= this.store.refreshTokenAt(this.slot));
  }
  get accessExpiresAt(): number {
    return this.store.accessExpiresAt[this.slot]!;
  }
  set accessExpiresAt(ms: number) {
    this.store.accessExpiresAt[this.slot] = ms;
  }
  get refreshExpiresAt(): number {
    return this.store.refreshExpiresAt[this.slot]!;
  }
  /** A refresh restarts the refresh_token's clock only with the `refreshRenews` switch (sns.ts). */
  set refreshExpiresAt(ms: number) {
    this.store.refreshExpiresAt[this.slot] = ms;
  }
  /** Names this grant for as long as it is remembered (CodeStore keeps it for the code that made it). */
  get serial(): number {
    return this.store.serialOf(this.slot);
  }
}

/**
 * User grants in slots of two generations (SlotGenerations), found by access_token and by refresh_token.
 * The tokens the store makes (create, renewAccess) carry their grant's slot (SlotCipher), and their
 * characters are kept in the slot's cells of two buffers; a grant's other fields are typed arrays and
 * arrays of strings the emulator already holds (appid, user, openid, scope). An exchange then adds no
 * hash-table entry and no object that outlives the request (issue 19). A grant stays in the slot it was
 * made in under both its tokens (a refreshed grant keeps its place), so it is forgotten whole: never
 * known by one token and not the other.
 */
export class GrantStore {
  private readonly slots: SlotGenerations;
  /** Each with a cipher of its own, so a grant's access_token and refresh_token do not end alike. */
  private readonly accessTokens: SlotTexts;
  private readonly refreshTokens: SlotTexts;
  readonly appids: string[];
  readonly userIds: string[];
  readonly openids: string[];
  readonly scopes: Scope[];
  readonly snapshots: Uint8Array;
  readonly accessExpiresAt: Float64Array;
  readonly refreshExpiresAt: Float64Array;

  constructor(generation = MAX_GRANTS) {
    this.slots = new SlotGenerations(generation);
    const capacity = this.slots.capacity;
    this.accessTokens = new SlotTexts(18, TOKEN_ALPHABET, SNS_TOKEN_LENGTH, capacity, newSnsToken);
    this.refreshTokens = new SlotTexts(18, TOKEN_ALPHABET, SNS_TOKEN_LENGTH, capacity, newSnsToken);
    // Not filled: a slot's fields are read only while it is live (see SlotGenerations).
    this.appids = new Array<string>(capacity);
    this.userIds = new Array<string>(capacity);
    this.openids = new Array<string>(capacity);
    this.scopes = new Array<Scope>(capacity);
    this.snapshots = new Uint8Array(capacity);
    this.accessExpiresAt = new Float64Array(capacity);
    this.refreshExpiresAt = new Float64Array(capacity);
  }

  /** How many grants are remembered. */
  get size(): number {
    return this.slots.size;
  }

  /** Forget every grant (the emulator's reset), keeping the slots' memory for the grants to come. */
  clear(): this {
    this.slots.clear();
    return this;
  }

  /**
   * The clock moved back to `now`: no token keeps more life than one issued now (a grant has no issue
   * time of its own, so each is cut to its full lifetime; forgotten slots' values are never read).
   */
  rewind(now: number, accessTtlMs: number, refreshTtlMs: number): void {
    for (let slot = 0; slot < this.accessExpiresAt.length; slot++) {
      this.accessExpiresAt[slot] = Math.min(this.accessExpiresAt[slot]!, now + accessTtlMs);
      this.refreshExpiresAt[slot] = Math.min(this.refreshExpiresAt[slot]!, now + refreshTtlMs);
    }
  }

  /** Remember a new grant under two fresh tokens that carry its slot. */
  create(appid: string, userId: string, openid: string, scope: Scope, snapshot: boolean, accessExpiresAt: number, refreshExpiresAt: number): StoredGrant {
    const slot = this.take(appid, userId, openid, scope, snapshot, accessExpiresAt, refreshExpiresAt);
    return new StoredGrant(this, slot, this.accessTokens.issue(slot), this.refreshTokens.issue(slot));
  }

  byAccess(token: string): StoredGrant | undefined {
    const slot = this.accessTokens.find(token, this.slots);
    return slot < 0 ? undefined : new StoredGrant(this, slot);
  }

  byRefresh(token: string): StoredGrant | undefined {
    const slot = this.refreshTokens.find(token, this.slots);
    return slot < 0 ? undefined : new StoredGrant(this, slot);
  }

  /** The grant `serial` (StoredGrant.serial) names, while it is remembered. */
  bySerial(serial: number): StoredGrant | undefined {
    const slot = this.slots.slotOf(serial);
    return slot < 0 ? undefined : new StoredGrant(this, slot);
  }

  /** A refresh gives the grant a new access_token: it is found by that one from now on, no longer by the old. */
  renewAccess(grant: StoredGrant): void {
    grant.accessToken = this.accessTokens.issue(grant.slot);
  }

  accessTokenAt(slot: number): string {
    return this.accessTokens.at(slot);
  }

  refreshTokenAt(slot: number): string {
    return this.refreshTokens.at(slot);
  }

  serialOf(slot: number): number {
    return this.slots.serial(slot);
  }

  /** A new slot with the grant's fields. */
  private take(appid: string, userId: string, openid: string, scope: Scope, snapshot: boolean, accessExpiresAt: number, refreshExpiresAt: number): number {
    const slot = this.slots.next();
    this.appids[slot] = appid;
    this.userIds[slot] = userId;
    this.openids[slot] = openid;
    this.scopes[slot] = scope;
    this.snapshots[slot] = snapshot ? 1 : 0;
    this.accessExpiresAt[slot] = accessExpiresAt;
    this.refreshExpiresAt[slot] = refreshExpiresAt;
    return slot;
  }
}

/** Codes are kept like grants: the last CODES_KEPT always (a dropped code answers 40029 like an unknown one), at most twice as many. */
export const CODES_KEPT = 20_000;

const SNAPSHOT = 1;
const USED = 2;
/** A code keeps the last MAX_ATTEMPTS attempts made with it. */
const MAX_ATTEMPTS = 20;

/**
 * Codes in slots of two generations (SlotGenerations), found as GrantStore finds tokens: a code carries
 * its slot in its last three characters, and its characters and fields are kept in the slot (issue 19:
 * every authorize redirect mints one, every exchange looks one up). The first attempt to exchange a
 * code is kept in typed arrays too (most codes are presented once at most); later ones in a list.
 */
export class CodeStore {
  private readonly slots: SlotGenerations;
  private readonly codes: SlotTexts;
  private readonly appids: string[];
  private readonly userIds: string[];
  private readonly scopes: Scope[];
  /** SNAPSHOT, USED. */
  private readonly flags: Uint8Array;
  private readonly expiresAts: Float64Array;
  private readonly issuedAts: Float64Array;
  /** The serial of the grant the code's exchange made (GrantStore.bySerial), NaN for none. */
  private readonly grants: Float64Array;
  /**
   * A code's only attempt, in the slot's arrays (NaN time: none): most codes are presented once, and
   * this keeps no object for them. From the second attempt on, all of them are in `attemptLists`.
   */
  private readonly firstAttemptAt: Float64Array;
  private readonly firstAttemptErrcode: Float64Array;
  private readonly firstAttemptIp: Array<string | undefined>;
  private readonly attemptLists: Array<CodeAttempt[] | undefined>;

  constructor(generation = CODES_KEPT) {
    this.slots = new SlotGenerations(generation);
    const capacity = this.slots.capacity;
    this.codes = new SlotTexts(17, CODE_ALPHABET, CODE_LENGTH, capacity, newCode);
    // Not filled: a slot's fields are read only while it is live (see SlotGenerations).
    this.appids = new Array<string>(capacity);
    this.userIds = new Array<string>(capacity);
    this.scopes = new Array<Scope>(capacity);
    this.flags = new Uint8Array(capacity);
    this.expiresAts = new Float64Array(capacity);
    this.issuedAts = new Float64Array(capacity);
    this.grants = new Float64Array(capacity);
    this.firstAttemptAt = new Float64Array(capacity);
    this.firstAttemptErrcode = new Float64Array(capacity);
    this.firstAttemptIp = new Array<string | undefined>(capacity);
    this.attemptLists = new Array<CodeAttempt[] | undefined>(capacity);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Forget every code (the emulator's reset), keeping the slots' memory for the codes to come. */
  clear(): this {
    this.slots.clear();
    return this;
  }

  /** The clock moved back to `now`: a code minted after it is as if minted now (rewindEntry). */
  rewind(now: number): void {
    for (let slot = 0; slot < this.issuedAts.length; slot++) {
      const ahead = this.issuedAts[slot]! - now;
      if (ahead <= 0) continue;
      this.issuedAts[slot] = now;
      this.expiresAts[slot] = this.expiresAts[slot]! - ahead;
    }
  }

  /** A new code, unused, with no attempts. */
  mint(appid: string, userId: string, scope: Scope, snapshot: boolean, issuedAt: number, expiresAt: number): string {
    const slot = this.slots.next();
    const code = this.codes.issue(slot);
    this.appids[slot] = appid;
    this.userIds[slot] = userId;
    this.scopes[slot] = scope;
    this.flags[slot] = snapshot ? SNAPSHOT : 0;
    this.issuedAts[slot] = issuedAt;
    this.expiresAts[slot] = expiresAt;
    this.grants[slot] = NaN;
    this.firstAttemptAt[slot] = NaN;
    if (this.firstAttemptIp[slot] !== undefined) this.firstAttemptIp[slot] = undefined;
    if (this.attemptLists[slot] !== undefined) this.attemptLists[slot] = undefined;
    return code;
  }

  /** The slot of `code` while it is kept, else -1. */
  find(code: string): number {
    return this.codes.find(code, this.slots);
  }

  appid(slot: number): string {
    return this.appids[slot]!;
  }
  userId(slot: number): string {
    return this.userIds[slot]!;
  }
  scope(slot: number): Scope {
    return this.scopes[slot]!;
  }
  snapshot(slot: number): boolean {
    return (this.flags[slot]! & SNAPSHOT) !== 0;
  }
  used(slot: number): boolean {
    return (this.flags[slot]! & USED) !== 0;
  }
  expiresAt(slot: number): number {
    return this.expiresAts[slot]!;
  }

  /** The code was exchanged for grant `grantSerial` (StoredGrant.serial). */
  spend(slot: number, grantSerial: number): void {
    this.flags[slot] = this.flags[slot]! | USED;
    this.grants[slot] = grantSerial;
  }

  /** Remember an attempt to exchange the code (the last MAX_ATTEMPTS are kept). */
  addAttempt(slot: number, time: number, ip: string, errcode: number): void {
    const list = this.attemptLists[slot];
    if (list !== undefined) {
      list.push({ time, ip, errcode });
      if (list.length > MAX_ATTEMPTS) list.splice(0, list.length - MAX_ATTEMPTS);
    } else if (Number.isNaN(this.firstAttemptAt[slot]!)) {
      this.firstAttemptAt[slot] = time;
      this.firstAttemptErrcode[slot] = errcode;
      this.firstAttemptIp[slot] = ip;
    } else {
      // The second attempt: both go into a list.
      this.attemptLists[slot] = [this.firstAttempt(slot), { time, ip, errcode }];
      this.firstAttemptAt[slot] = NaN;
      this.firstAttemptIp[slot] = undefined;
    }
  }

  private firstAttempt(slot: number): CodeAttempt {
    return { time: this.firstAttemptAt[slot]!, ip: this.firstAttemptIp[slot]!, errcode: this.firstAttemptErrcode[slot]! };
  }

  /** What GET /__emulator/codes/<code> shows of a kept code, resolving its grant in `grants`. */
  get(code: string, grants?: GrantStore): CodeEntry | undefined {
    const slot = this.find(code);
    if (slot < 0) return undefined;
    const list = this.attemptLists[slot];
    const attempts = list ? [...list] : Number.isNaN(this.firstAttemptAt[slot]!) ? [] : [this.firstAttempt(slot)];
    const serial = this.grants[slot]!;
    const grant = Number.isNaN(serial) || grants === undefined ? undefined : grants.bySerial(serial);
    return {
      appid: this.appids[slot]!,
      userId: this.userIds[slot]!,
      scope: this.scopes[slot]!,
      snapshot: this.snapshot(slot),
      expiresAt: this.expiresAts[slot]!,
      used: this.used(slot),
      issuedAt: this.issuedAts[slot]!,
      attempts,
      ...(grant ? { grant } : {}),
    };
  }
}

export class EmulatorState {
  readonly grants: GrantStore;
  readonly codes: CodeStore;
  readonly basicTokens = new BasicTokenStore();
  stableForce = new Map<string, { day: number; count: number; lastAt: number }>();
  /** appid -> stable_token calls in the current clock minute (cgi.ts, §9's 10,000 a minute); updated in place. */
  stableMinute = new Map<string, { minute: number; used: number }>();
  /** `${appid} ${cgi_path}` -> calls today. */
  quota = new Map<string, { day: number; used: number }>();
  clears = new Map<string, { month: string; count: number }>();
  /** appid -> quota/clear (one API's count) calls this month, apart from clear_quota's `clears` (cgi.ts). */
  apiClears = new Map<string, { month: string; count: number }>();
  rids = new RidStore();
  qr = new FifoMap<string, QrSession>();
  tickets = new FifoMap<string, ConsentTicket>();
  /**
   * `${appid} ${userId}` of the snapshot users who have exchanged a code (sns.ts, switch `snapshotFlag`
   * missing-first). At most one entry per seeded app and user.
   */
  snapshotExchanged = new Set<string>();

  /**
   * An empty state. `previous`: the state a reset replaces, whose code and grant stores are emptied and
   * taken over: their slots hold ~13 MB of buffers and arrays, and making them anew cost every reset
   * ~20 ms (most of it the collector's), a test suite that resets before each test included.
   */
  constructor(previous?: EmulatorState) {
    this.grants = previous ? previous.grants.clear() : new GrantStore();
    this.codes = previous ? previous.codes.clear() : new CodeStore(CODES_KEPT);
  }

  /**
   * The clock moved back to `now`: what was issued after it (a code, a token, a QR login) is as if
   * issued now, and no user token keeps more life than a fresh one (their lifetimes given).
   */
  rewind(now: number, userTokenTtlMs: { access: number; refresh: number }): void {
    this.codes.rewind(now);
    this.grants.rewind(now, userTokenTtlMs.access, userTokenTtlMs.refresh);
    this.basicTokens.rewind(now);
    for (const session of this.qr.values()) session.createdAt = Math.min(session.createdAt, now);
  }
}

/** Quota days follow Beijing time (UTC+8): WeChat resets daily limits at 00:00 China time. */
export function beijingDay(ms: number): number {
  return Math.floor((ms + 8 * 3600_000) / 86_400_000);
}

export function beijingMonth(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
}

// Shared plumbing for the stores (config.json, tokens.json and the state files): how they are read (regular files
// only, bounded in size, narrowed to the shape wxauth writes), how a broken file is reported, how
// they are written (atomically: a 0600 temporary file, fsync, rename), and a cross-process lock so two wxauth
// processes never lose each other's writes.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, messageRef, osErrorCode, osReason, type MessageKey, type MessageRef } from '../errors.js';
import { findJsonFault } from '../core/json-syntax.js';

let made = 0;
/**
 * A name part no other write makes, for temporary and lock files and a lock's owner token: the pid,
 * the time, a count within this process and a few random digits (against a pid reused after a crash).
 * They need to be unique, not secret (the files are opened exclusively), so not node:crypto, whose
 * loading cost ~5 ms of every run that writes (issue 19).
 */
function uniqueId(): string {
  return `${process.pid}-${Date.now().toString(36)}-${(made++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * This host's name, for a lock's owner. node:os is loaded here, on first use, not at import: only a
 * locked write needs it, and `url`, `inspect` and other readers never lock (issue 19).
 */
function hostname(): string {
  return process.getBuiltinModule('node:os').hostname();
}

export type Store = Record<string, unknown>;

/**
 * The largest config or token file wxauth reads: 4 MiB. A token entry is ~400 bytes, so this is
 * thousands of cached users; anything bigger is not a file wxauth wrote, and reading it whole (a
 * symlink to /dev/zero never ends) would only exhaust memory.
 */
export const MAX_STATE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A state file that could not be read. An OS error is said by its cause (osReason: 「没有读取权限（EACCES）」,
 * never Node's English text) with advice for that cause (osErrorHint): a permission problem gets the
 * chmod or chown to run, not "fix the JSON". `hint`: the advice when no cause-specific one fits (the
 * token cache can simply be deleted; the config cannot). `readMode`: the chmod that makes the file
 * readable as it should be (600 for config.json and tokens.json, which hold secrets).
 */
export function brokenFileError(file: string, error: unknown, hint: MessageKey = 'config.file.unreadable.hint', readMode = '600'): ConfigError {
  if (osErrorCode(error) === 'ENOTDIR') return notAFolderError(file, error);
  return new ConfigError({ key: 'config.file.unreadable', params: { file, detail: osReason(error, 'read') } }, { hint: brokenFileHint(file, error, hint, readMode), cause: error });
}

/**
 * The OS error's own advice; for an OS error with none, look at the file (the JSON hint would be beside
 * the point); else the caller's. Returns, not a `let` reassigned: narrowing a MessageRef (a union of every
 * catalogue key) by assignment costs tsc minutes (ui/present/error.ts errorHint).
 */
function brokenFileHint(file: string, error: unknown, hint: MessageKey, readMode: string): MessageRef {
  const fromOs = osErrorHint(file, error, 'read', readMode);
  if (fromOs !== undefined) return fromOs;
  if (osErrorCode(error) !== undefined) return { key: 'common.file.hint.other', params: { file } };
  return messageRef(hint, { file });
}

/** A state file that could not be written (the old one, if any, is untouched): why, and what to do. */
export function unwritableError(file: string, error: unknown): ConfigError {
  const fix = osErrorHint(file, error, 'write');
  return new ConfigError(
    { key: 'config.file.unwritable', params: { file, detail: osReason(error, 'write') } },
    { hint: fix ? { key: 'config.file.unwritable.fix.hint', params: { fix } } : { key: 'config.file.unwritable.hint' }, cause: error },
  );
}

/** The user wxauth runs as, for the chown to suggest. node:os only on this rare path. */
function userName(): string {
  try {
    return process.getBuiltinModule('node:os').userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '');
  }
}

const ownedByMe = (stats: fs.Stats) => process.getuid === undefined || stats.uid === process.getuid();

/** The nearest folder on the way to `file` that exists (the one a create in a missing folder needs to write in). */
export function nearestExisting(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(at) || path.dirname(at) === at) return at;
  }
}

/** The first folder on the way to `file` this user may not enter (x permission), if any. */
function closedFolder(file: string): string | undefined {
  const folders: string[] = [];
  for (let at = path.dirname(path.resolve(file)); ; at = path.dirname(at)) {
    folders.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const dir of folders) {
    try {
      fs.accessSync(dir, fs.constants.X_OK);
    } catch (error) {
      if (osErrorCode(error) === 'ENOENT') return undefined;
      return dir;
    }
  }
  return undefined;
}

/**
 * Advice that fits an OS error on `file`: a missing file → check the path; a folder → give a file; a
 * permission problem → the chmod (it is the user's) or the chown (it is not) to run, naming the file or
 * folder and the user; a full disk or read-only file system → say so. Undefined for a cause with no
 * advice of its own (the caller's hint stands). `access`: whether wxauth was reading the file or
 * writing it (a write creates a file in its folder: that folder is the one to fix).
 */
export function osErrorHint(file: string, error: unknown, access: 'read' | 'write', readMode = 'u+r'): MessageRef | undefined {
  const code = osErrorCode(error);
  const dir = nearestExisting(path.dirname(path.resolve(file)));
  if (code === 'ENOENT') return access === 'read' ? { key: 'common.file.hint.missing', params: { file } } : { key: 'common.file.hint.missingFolder', params: { dir: path.dirname(file) } };
  if (code === 'EISDIR') return { key: 'common.file.hint.folder', params: { file } };
  if (code === 'EROFS') return { key: 'common.file.hint.readOnlyFs', params: { dir } };
  if (code === 'ENOSPC' || code === 'EDQUOT') return { key: 'common.file.hint.full', params: { dir } };
  if (code !== 'EACCES' && code !== 'EPERM') return undefined;
  const user = userName();
  const closed = closedFolder(file);
  if (closed !== undefined) return { key: 'common.file.hint.denied.enter', params: { dir: closed, user } };
  // A file that is there and could not be read: its own mode or owner. Otherwise the folder, which a
  // write (or a read of a file that is not there) needs.
  const fileStats = access === 'read' ? statOrUndefined(file) : undefined;
  if (fileStats?.isFile()) {
    return ownedByMe(fileStats) ? { key: 'common.file.hint.denied.read.own', params: { file, mode: readMode } } : { key: 'common.file.hint.denied.read', params: { file, user } };
  }
  const dirStats = statOrUndefined(dir);
  return dirStats && ownedByMe(dirStats) ? { key: 'common.file.hint.denied.write.own', params: { dir } } : { key: 'common.file.hint.denied.write', params: { dir, user } };
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** The file a lock guards (`…/config.json.lock` → `…/config.json`): the name the user knows. */
function guardedFile(lock: string): string {
  return lock.replace(/\.lock$/, '');
}

/**
 * A state file that is not JSON: where (line and column) and what kind of fault, in the catalogue's
 * words. Never JSON.parse's message, which quotes the text around the fault (part of the appsecret,
 * in config.json) in English whatever the user's language.
 */
export function notJsonError(file: string, text: string, hint: MessageKey = 'config.file.unreadable.hint'): ConfigError {
  const refuse = (message: MessageRef) => new ConfigError(message, { hint: messageRef(hint, { file }) });
  const found = findJsonFault(text);
  if (!found) return refuse({ key: 'config.file.json.invalid', params: { file } });
  const { fault, line, column, char } = found;
  if (fault === 'empty' || fault === 'bom') return refuse(messageRef(`config.file.json.${fault}`, { file }));
  if (char !== undefined) return refuse({ key: 'config.file.json.char', params: { file, line, column, char } });
  return refuse(messageRef(`config.file.json.${fault}`, { file, line, column }));
}

/**
 * ENOTDIR: the state folder (WXAUTH_CONFIG_DIR, or a folder above it) is a file. "Fix the JSON"
 * would send the user to the wrong thing: name the file that stands where a folder should be.
 */
function notAFolderError(file: string, error: unknown): ConfigError {
  let dir = path.dirname(file);
  for (let at = dir; path.dirname(at) !== at; at = path.dirname(at)) {
    try {
      if (!fs.statSync(at).isDirectory()) dir = at;
    } catch {
      // missing or unreadable: keep looking further up
    }
  }
  return new ConfigError({ key: 'config.dir.notFolder', params: { dir } }, { hint: { key: 'config.dir.notFolder.hint', params: { dir } }, cause: error });
}

function notRegularFileError(file: string, stats: fs.Stats): ConfigError {
  // A key per kind, not an English noun in a parameter: the kind is named in the user's language.
  const kind = stats.isDirectory()
    ? 'directory'
    : stats.isFIFO()
      ? 'fifo'
      : stats.isCharacterDevice()
        ? 'charDevice'
        : stats.isBlockDevice()
          ? 'blockDevice'
          : stats.isSocket()
            ? 'socket'
            : 'special';
  return new ConfigError(messageRef(`config.file.notRegular.${kind}`, { file }), { hint: { key: 'config.file.notRegular.hint', params: { file } } });
}

function tooLargeError(file: string, size: number): ConfigError {
  return new ConfigError(
    { key: 'config.file.tooLarge', params: { file, size, limit: MAX_STATE_FILE_BYTES } },
    { hint: { key: 'config.file.tooLarge.hint', params: { file } } },
  );
}

/** `0644`: how `ls -l` and chmod spell a mode, so the user can compare and fix it. */
export function formatMode(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

interface FileSnapshot {
  text: string;
  mode: number;
  /** The file's owner (a state file another user owns can be replaced by them). */
  uid: number;
}

/**
 * Read a state file, or undefined if there is none. Only a regular file of at most `limit` bytes is
 * read: a FIFO would block the read until some writer appears (forever, for every command) and a
 * device such as /dev/zero never ends. stat() first so such a file is never even opened; O_NONBLOCK
 * and fstat() after opening cover a file swapped in between.
 */
export function readStateFile(file: string, limit = MAX_STATE_FILE_BYTES): FileSnapshot | undefined {
  let stats: fs.Stats;
  try {
    // Not `throwIfNoEntry: false`: from Node 22 on it answers undefined for ENOTDIR too, so a state
    // folder that is a file read as "nothing configured yet" (exit 0) instead of saying so.
    stats = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw brokenFileError(file, error);
  }
  if (!stats.isFile()) throw notRegularFileError(file, stats);
  if (stats.size > limit) throw tooLargeError(file, stats.size);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw brokenFileError(file, error);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw notRegularFileError(file, opened);
    // Read until EOF, but never past the limit: the file may have grown since fstat.
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(opened.size + 1, 4096), 64 * 1024));
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw tooLargeError(file, total);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return { text: Buffer.concat(chunks).toString('utf8'), mode: opened.mode, uid: opened.uid };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw brokenFileError(file, error);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A JSON value that parses but is not what wxauth wrote there. `where` is the path inside the file
 * (`profiles.default.users["wx…:o…"]`), so the user can find and fix that one entry.
 */
export class ShapeError extends Error {
  /** `expected` and `found`: a type name or value shown as it is, or a message in the user's language. */
  constructor(
    readonly where: string,
    readonly expected: string | MessageRef,
    readonly found: string | MessageRef,
  ) {
    super(`${where}: expected ${typeof expected === 'string' ? expected : expected.key}, found ${typeof found === 'string' ? found : found.key}`);
  }
}

/** What a JSON value is, for "expects object, found null" (a string shows its start). */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return `string ${shown}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

/** `profiles.default`, or `profiles["my-app"]` when the key is not a plain identifier. */
export function childPath(parent: string, key: string): string {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return parent ? `${parent}${step}` : step.replace(/^\./, '');
}

/**
 * A copy of a JSON object without a prototype: a key such as "__proto__", "constructor" or
 * "toString" read from a file (or chosen as a profile name) is then just a key, never
 * Object.prototype's member.
 */
export function narrowObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(where || '(top level)', 'object', describeJson(value));
  }
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [key, entry] of Object.entries(value)) copy[key] = entry;
  return copy;
}

/** An object whose every value is narrowed by `entry` (profiles by name, users by key…). */
export function narrowMap<T>(value: unknown, where: string, entry: (value: unknown, where: string) => T): Record<string, T> {
  const object = narrowObject(value, where);
  const out = Object.create(null) as Record<string, T>;
  for (const [key, item] of Object.entries(object)) out[key] = entry(item, childPath(where, key));
  return out;
}

/** `time`: a moment in ms since 1970 that a Date can hold (±8.64e15), so printing it never throws. */
export type FieldRule = 'string' | 'number' | 'time' | 'boolean' | readonly string[];

const TIME_EXPECTED: MessageRef = messageRef('config.file.expected.time');
const MISSING_FOUND: MessageRef = messageRef('config.file.found.missing');

/** What a field holds, for a ShapeError: its JSON type, or that it is missing. (Returns, see brokenFileHint.) */
function foundAt(object: Record<string, unknown>, key: string): ShapeError['found'] {
  if (key in object) return describeJson(object[key]);
  return MISSING_FOUND;
}

/** The largest |ms since 1970| a Date holds (ECMAScript's time range). */
const MAX_TIME_MS = 8.64e15;

/** A time wxauth can print: a finite number of ms inside a Date's range. */
export function isStoredTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_TIME_MS;
}

/** Check the fields wxauth reads; `optional` ones may be absent (never null). Other keys are kept. */
export function checkFields(
  object: Record<string, unknown>,
  where: string,
  required: Record<string, FieldRule>,
  optional: Record<string, FieldRule> = {},
): void {
  const check = (key: string, rule: FieldRule, isRequired: boolean) => {
    if (!(key in object) && !isRequired) return;
    const value = object[key];
    const ok = Array.isArray(rule)
      ? typeof value === 'string' && rule.includes(value)
      : rule === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : rule === 'time'
          ? isStoredTime(value)
          : typeof value === rule;
    if (!ok) {
      const found = foundAt(object, key);
      if (rule === 'time') throw new ShapeError(childPath(where, key), TIME_EXPECTED, found);
      throw new ShapeError(childPath(where, key), Array.isArray(rule) ? rule.map((r) => JSON.stringify(r)).join(' or ') : (rule as string), found);
    }
  };
  for (const [key, rule] of Object.entries(required)) check(key, rule, true);
  for (const [key, rule] of Object.entries(optional)) check(key, rule, false);
}

/** A checker for one entry: an object with the `required` fields and, if present, the `optional` ones, of their types. */
export function narrowEntry<T>(required: Record<string, FieldRule>, optional: Record<string, FieldRule> = {}) {
  return (value: unknown, where: string): T => {
    const entry = narrowObject(value, where);
    checkFields(entry, where, required, optional);
    return entry as T;
  };
}

/** Create the state folder if needed: it holds the appsecret and tokens, so only the user may list it. */
function ensureStateDir(dir: string, lock: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    if (osErrorCode(error) === 'ENOTDIR' || osErrorCode(error) === 'EEXIST') throw notAFolderError(path.join(dir, '_'), error);
    // Name the folder that does exist: the create failed in it, not in the missing one Node names.
    const parent = nearestExisting(dir);
    let fix = osErrorHint(path.join(parent, '_'), error, 'write');
    if (fix === undefined) fix = { key: 'common.file.hint.check', params: { dir: parent } };
    throw new ConfigError(
      { key: 'config.dir.uncreatable', params: { dir, file: path.basename(guardedFile(lock)), reason: osReason(error, 'write') } },
      { hint: { key: 'config.file.unwritable.fix.hint', params: { fix } }, cause: error },
    );
  }
}

/**
 * Warnings about the state folder: group or world write access, or another user (not root) owning it,
 * lets someone else replace config.json (aiming wxauth at their own server, to collect the appsecret)
 * or the token cache.
 * Returned, never printed: the command decides how to show them. (Windows has no such mode bits.)
 */
/**
 * A file or folder owned by another user than this process's, root's aside (root can replace anything
 * anyway): its owner can swap what wxauth reads there. False where there are no uids (Windows).
 */
export function ownedByAnotherUser(uid: number): boolean {
  const me = process.getuid?.();
  return me !== undefined && uid !== me && uid !== 0;
}

/**
 * The state folder as something to trust, checked before anything in it is read: a folder another
 * user owns, or one every user can write, is refused (exit 4). Whoever can replace config.json there can
 * aim wxauth at their own server and collect the AppSecret sent to it (WXAUTH_SECRET included), or swap
 * the proxy's CA; a warning printed before the secret went out came too late (as git refuses a
 * repository another user owns). A folder its group can write (user private groups) is a warning.
 */
export function checkStateDir(dir: string): MessageRef[] {
  if (process.platform === 'win32') return [];
  let stats: fs.Stats;
  try {
    stats = fs.statSync(dir);
  } catch {
    return [];
  }
  if (!stats.isDirectory()) return [];
  if (ownedByAnotherUser(stats.uid))
    throw new ConfigError({ key: 'config.dir.otherOwner', params: { dir, uid: stats.uid } }, { hint: { key: 'config.dir.otherOwner.hint', params: { dir } } });
  if ((stats.mode & 0o002) !== 0)
    throw new ConfigError({ key: 'config.dir.worldWritable', params: { dir, mode: formatMode(stats.mode) } }, { hint: { key: 'config.dir.worldWritable.hint', params: { dir } } });
  if ((stats.mode & 0o020) !== 0) return [{ key: 'config.dir.writableByOthers', params: { dir, mode: formatMode(stats.mode) } }];
  return [];
}

/**
 * Replace `file` with `text` so that a reader sees the old file or the new one, never a part: the text
 * goes to a new file beside it (0600 unless `mode` says otherwise) (same folder, so the rename stays on one file system), is flushed
 * to disk, then renamed over the old one. On any failure the temporary file is removed and the old
 * file is untouched. (conf did this before, through `atomically`; loading conf and ajv for it cost
 * `wxauth url` ~170 ms of CPU per run, issue 19. The lock, the checks and the 0700 folder were ours.)
 *
 * `durable: false` skips the flush before the rename: for a file only worth its few minutes (the state
 * `url` remembers), whose loss in a power cut costs nothing, while the fsync costs every `url` its CPU
 * and, on a laptop's disk, milliseconds of waiting. The rename keeps the replacement atomic either way.
 */
export function writeFileAtomic(link: string, text: string, mode = 0o600, options: { durable?: boolean; followLink?: boolean } = {}): void {
  // A config.json that is a symlink (dotfiles kept in a repository) stays one: the new file replaces
  // the link's target, as conf's `atomically` did, instead of cutting the link loose.
  // Resolved only when the file itself is a link (a linked folder on the way leads to the same folder
  // either way): realpathSync lstats every folder of the path, and throws for a file not there yet.
  // `followLink: false` (a file no user keeps elsewhere, written without reading it first) replaces the
  // link itself: a link planted there never gets wxauth to overwrite the file it points at.
  let file = link;
  try {
    if (options.followLink !== false && fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) file = fs.realpathSync(link);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temp = `${file}.${uniqueId()}.tmp`;
  writeNewFile(temp, text, mode, options.durable !== false);
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    removeFile(temp);
    throw error;
  }
}

/**
 * Write `text` to a file made for it (`temp`, which must not exist: O_EXCL), with `mode`, flushed to
 * disk when `durable`: the first half of a write that then gives the file its name. A failure leaves
 * no file behind and is thrown as it came.
 */
export function writeNewFile(temp: string, text: string, mode: number, durable = true): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    fs.writeFileSync(fd, text, 'utf8');
    if (durable) fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    removeFile(temp);
    throw error;
  }
}

/** A file a write made 0600 that other users could read: its path and the mode it had (e.g. 0644). */
export interface ModeTightened {
  file: string;
  mode: string;
}

export interface JsonFileOptions<T> {
  /** The file's top-level object, checked and copied into the shape the store works on. */
  narrow: (data: Record<string, unknown>) => T;
  /** Hint for a file that parses but has the wrong shape (params: file, where). */
  wrongShapeHint: MessageKey;
  /** Hint for a file that does not parse (params: file); the default says to fix the JSON. */
  unreadableHint?: MessageKey;
  /** Hint for a file the user made read-only (params: file); the default is config.json's (flags and WXAUTH_* instead). */
  readOnlyHint?: MessageKey;
  /** How long a writer waits for another process's lock (default 30 s; WXAUTH_LOCK_WAIT_MS). */
  lockWaitMs?: number;
  /** Told when a write made 0600 a file other users could read (checkMode's warning): the note to say. */
  onModeTightened?: (change: ModeTightened) => void;
}

/** Where JsonFile keeps `<name>.json` in `dir` (to name the file without reading it). */
export function jsonFilePath(dir: string, name: string): string {
  return path.resolve(dir, `${name}.json`);
}

/**
 * One JSON file in the state directory. read() parses it fresh each time with plain fs (a missing
 * file is empty) and narrows it to the shape wxauth writes; update() re-reads, mutates and writes it
 * atomically under the file lock, so concurrent processes keep each other's changes. Opening
 * checks the file, so a broken one is reported before a command does anything else — and it is
 * never overwritten or cleared.
 */
export class JsonFile<T extends object> {
  readonly path: string;
  /** Problems worth telling the user that do not stop anything (see checkStateDir). */
  readonly warnings: MessageRef[];
  private readonly options: JsonFileOptions<T>;

  constructor(
    private readonly dir: string,
    private readonly configName: string,
    options?: JsonFileOptions<T>,
  ) {
    this.path = jsonFilePath(dir, configName);
    this.options = options ?? { narrow: (data) => data as T, wrongShapeHint: 'config.file.wrongShape.hint' };
    // The folder first: nothing is read from one that is not to be trusted.
    const folderWarnings = checkStateDir(path.dirname(this.path));
    const snapshot = readStateFile(this.path);
    this.parse(snapshot);
    this.warnings = folderWarnings.concat(this.checkMode(snapshot));
  }

  /**
   * A warning for a file other users can read: config.json holds the appsecret, tokens.json the
   * tokens. The mode is the one read with the file (no system call more, issue 19); the file is left
   * as it is (the user may share it on purpose), and wxauth's own writes make it 0600 again (update
   * says so: onModeTightened).
   * (Windows has no such mode bits.) A key per file: the command says each once.
   */
  private checkMode(snapshot: FileSnapshot | undefined): MessageRef[] {
    if (!snapshot || process.platform === 'win32' || (snapshot.mode & 0o044) === 0) return [];
    const key: MessageKey = this.configName === 'tokens' ? 'config.tokens.readableByOthers' : 'config.file.readableByOthers';
    return [messageRef(key, { file: this.path, mode: formatMode(snapshot.mode) })];
  }

  read(): T {
    return this.parse(readStateFile(this.path));
  }

  private parse(snapshot: FileSnapshot | undefined): T {
    if (!snapshot) return this.options.narrow(Object.create(null) as Record<string, unknown>);
    let data: unknown;
    try {
      data = JSON.parse(snapshot.text);
    } catch {
      throw notJsonError(this.path, snapshot.text, this.options.unreadableHint);
    }
    try {
      return this.options.narrow(narrowObject(data, ''));
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      throw new ConfigError(
        { key: 'config.file.wrongShape', params: { file: this.path, where: error.where, expected: error.expected, found: error.found } },
        { hint: messageRef(this.options.wrongShapeHint, { file: this.path, where: error.where }), cause: error },
      );
    }
  }

  /**
   * A file the user made read-only is kept as it is: the write makes a new file and renames it over the
   * old one, which needs only the folder's permission, so the 0400 would silently become 0600.
   */
  private refuseReadOnly(snapshot: FileSnapshot | undefined): void {
    if (!snapshot || process.platform === 'win32' || (snapshot.mode & 0o200) !== 0) return;
    throw new ConfigError(
      { key: 'config.file.readOnly', params: { file: this.path, mode: formatMode(snapshot.mode) } },
      { hint: messageRef(this.options.readOnlyHint ?? 'config.file.readOnly.hint', { file: this.path }) },
    );
  }

  /**
   * Re-read, mutate, write. `mutate` may run more than once (when this process's lock was taken
   * over before it could write, the whole read-modify-write is redone), so it must only change the
   * file it is given and set its results afresh each time.
   */
  update(mutate: (file: T) => void): void {
    // Everything slow or likely to fail happens before the lock: checking the file, creating the
    // folder 0700. Holding the lock through those made other writers time out on a busy machine.
    const before = readStateFile(this.path);
    this.parse(before);
    this.refuseReadOnly(before);
    ensureStateDir(path.dirname(this.path), `${this.path}.lock`);
    // The mode the file had before the write that made it 0600: the warning said "Run chmod 600", and
    // the file changing mode unsaid read as wxauth ignoring it.
    let wasReadable: number | undefined;
    withFileLock(
      this.path,
      (lock) => {
        const snapshot = readStateFile(this.path);
        const file = this.parse(snapshot);
        this.refuseReadOnly(snapshot);
        mutate(file);
        lock.assertHeld();
        try {
          // Tab-indented, as conf wrote it before: files written by older versions diff cleanly.
          writeFileAtomic(this.path, JSON.stringify(file, undefined, '\t'));
        } catch (error) {
          throw unwritableError(this.path, error);
        }
        wasReadable = snapshot && process.platform !== 'win32' && (snapshot.mode & 0o044) !== 0 ? snapshot.mode : undefined;
      },
      this.options.lockWaitMs,
    );
    if (wasReadable !== undefined) this.options.onModeTightened?.({ file: this.path, mode: formatMode(wasReadable) });
  }
}

/**
 * Delete a file if it is there. (fs.rmSync with force did the same for a file, but loads Node's
 * rimraf and stats the path first: ~0.5 ms and a dozen objects per lock taken, issue 19.)
 */
function removeFile(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

// --- the lock -------------------------------------------------------------------------------------

/** A lock whose owner cannot be checked (another host, an older wxauth, unreadable) is stale after this. */
const LOCK_STALE_MS = 10_000;
/** A lock whose owner is alive on this host is only taken after this: that process is stuck (suspended). */
const LOCK_STUCK_MS = 20_000;
/** How long a writer waits: longer than LOCK_STALE_MS, so it outlasts a crashed writer's lock. */
const LOCK_WAIT_MS = 30_000;
const LOCK_MAX_BACKOFF_MS = 120;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Exponential backoff with jitter, 2–4 ms growing to 60–120 ms: waiters neither spin nor march in
 * step, and a freed lock is picked up within ~100 ms even by the unluckiest waiter.
 */
function backoff(attempt: number): number {
  const ceiling = Math.min(LOCK_MAX_BACKOFF_MS, 4 * 1.5 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * The lock (or a file made to take it) could not be created. The user knows config.json, not
 * `config.json.lock.gate.<pid>-….new`: name the file being saved and its folder, and why in words.
 */
function lockFailedError(lock: string, error: unknown): ConfigError {
  const dir = path.dirname(lock);
  const fix = osErrorHint(path.join(dir, '_'), error, 'write');
  return new ConfigError(
    { key: 'config.file.lockFailed', params: { file: guardedFile(lock), dir, reason: osReason(error, 'write') } },
    { hint: fix ? { key: 'config.file.unwritable.fix.hint', params: { fix } } : { key: 'config.file.lockFailed.hint', params: { dir } }, cause: error },
  );
}

function lockedError(lock: string, waitMs: number): ConfigError {
  return new ConfigError(
    { key: 'config.file.locked', params: { file: lock, seconds: Math.round(waitMs / 100) / 10 } },
    { hint: { key: 'config.file.locked.hint', params: { file: lock } } },
  );
}

export interface LockHolder {
  /** undefined: unreadable or over 4 KiB, not a lock wxauth wrote. */
  text: string | undefined;
  dev: number;
  ino: number;
  mtimeMs: number;
  /** Parsed from the text; host is unknown for an older wxauth's lock (a bare pid). */
  owner?: { pid: number; host?: string };
}

/** Who holds the lock, or undefined when there is none (any more). (Exported for test/store/lock.test.ts.) */
export function inspectLock(lock: string): LockHolder | undefined {
  let stats: fs.Stats | undefined;
  try {
    // No lock is the usual answer: without an exception (an Error and its stack) for it.
    stats = fs.lstatSync(lock, { throwIfNoEntry: false });
  } catch (error) {
    throw lockFailedError(lock, error);
  }
  if (!stats) return undefined;
  // A directory or a pipe where the lock goes can never be taken over: say what to remove.
  if (!stats.isFile()) throw notRegularFileError(lock, stats);
  const text = readLockText(lock);
  return { text, dev: stats.dev, ino: stats.ino, mtimeMs: stats.mtimeMs, owner: text === undefined ? undefined : parseOwner(text) };
}

function parseOwner(text: string): LockHolder['owner'] {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()) };
  try {
    const data = JSON.parse(text) as { pid?: unknown; host?: unknown };
    if (typeof data.pid === 'number') return { pid: data.pid, host: typeof data.host === 'string' ? data.host : undefined };
  } catch {
    // not ours: unknown owner
  }
  return undefined;
}

/** Whether a process with this pid exists (one of another user's counts: EPERM). */
export function isAlive(pid: number): boolean {
  // pid 0 and negative pids would signal whole process groups.
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(holder: LockHolder, now: number): boolean {
  const age = now - holder.mtimeMs;
  if (holder.owner?.host === hostname()) {
    // A killed writer's lock is free at once; a live one only when it is clearly stuck.
    return !isAlive(holder.owner.pid) || age > LOCK_STUCK_MS;
  }
  return age > LOCK_STALE_MS;
}

function readLockText(file: string): string | undefined {
  try {
    return readStateFile(file, 4096)?.text;
  } catch {
    return undefined;
  }
}

/**
 * What link() answers on a file system that has no hard links (FAT, some network shares), or none to
 * give here (EXDEV, EMLINK): a no-clobber link is not to be had, and a look then a rename stands in.
 */
export const FS_WITHOUT_HARD_LINKS: ReadonlySet<string> = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Create the lock holding `token`, atomically: link(2) of a file already holding the token fails
 * with EEXIST if any lock exists, and a lock never exists half-written (a reader always sees whose
 * it is). The file linked from lives only for this attempt, so a writer killed while it waits
 * leaves nothing behind. On a file system without hard links: an O_EXCL create and a short write.
 * `named`: the file an error names.
 */
function tryCreateLock(lock: string, token: string, named = lock): boolean {
  const tmp = uniqueName(lock, 'new');
  try {
    fs.writeFileSync(tmp, token, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // On a full disk the create succeeds and the write fails: the empty file is ours (its name is
    // unique to this call), and nothing else would ever remove it. EEXIST: the name is someone else's.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') discardFile(tmp);
    throw lockFailedError(named, error);
  }
  try {
    fs.linkSync(tmp, lock);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!FS_WITHOUT_HARD_LINKS.has(code)) throw lockFailedError(named, error);
  } finally {
    removeFile(tmp);
  }
  return createHolding(lock, token, named);
}

/**
 * Create `file` holding `token` with O_EXCL and a short write: false if it exists. A write that fails
 * (a full disk) removes the empty file, ours, made just now: left, it would hold others off until it
 * aged. `named`: the file an error names.
 */
function createHolding(file: string, token: string, named: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw lockFailedError(named, error);
  }
  try {
    fs.writeSync(fd, token);
  } catch (error) {
    fs.closeSync(fd);
    discardFile(file);
    throw lockFailedError(named, error);
  }
  fs.closeSync(fd);
  return true;
}

/** Delete a file of our own making after a failure, without hiding the failure behind another. */
function discardFile(file: string): void {
  try {
    removeFile(file);
  } catch {
    // the next lock's sweep (sweepLeftovers) removes it once it is old
  }
}

const uniqueName = (lock: string, what: string) => `${lock}.${uniqueId()}.${what}`;

/** A file made to take or move a lock or its gate: `<lock>.[gate.]<pid>-….new|stale|done` (uniqueName). */
const LOCK_TEMP = /^(?:gate\.)?(\d+)-[^/\\]*\.(?:new|stale|done)$/;
/** A takeover's claim on a stale lock or gate (makeClaim): `<lock>.[gate.]claim.<its token>[.<generation>]`. */
const LOCK_CLAIM = /^(?:gate\.)?claim\.[^/\\]+$/;
/** Such a file is abandoned after this, whoever made it: each lives for a few system calls. */
const LOCK_TEMP_ABANDONED_MS = 5 * 60_000;

/**
 * Remove the files a lock's earlier takers left behind and nothing will ever use: a `.new` left by a
 * writer that failed or was killed between making it and removing it (an older wxauth on a full disk
 * left its empty gate file), a `.stale` or `.done` of one killed while moving a lock aside. A file is
 * taken once its maker cannot be using it: five minutes old, or ten seconds (LOCK_STALE_MS) old when the
 * pid in its name is not a process here (a live writer suspended there keeps it; another host's writer
 * sharing the folder is judged by the ten seconds). Run each time the lock is taken, before anything is
 * made (on a full disk, that makes room for an inode), and after taking a lock or gate over
 * (`takenOver`): a writer is then known to have died, so ten seconds is enough whatever the pid.
 * A takeover's claim (makeClaim) goes once the lock it names is gone (its taker removes it then too).
 * `takenOver.dead`: the holder taken over, when it is a process of this host that is gone; the
 * temporary files of the file the lock guards that it was writing (`config.json.<its pid>-….tmp`,
 * writeFileAtomic) can then never be renamed into place, however new. (Like the takeover itself, this
 * trusts that a pid not alive here is gone: two containers sharing the hostname and the config folder
 * but not their pid namespace would fool both; the writer whose file went would then fail with exit 4
 * rather than save over the other's change.)
 */
function sweepLeftovers(lock: string, takenOver?: { dead?: LockHolder }): void {
  const dir = path.dirname(lock);
  const prefix = `${path.basename(lock)}.`;
  const dead = takenOver?.dead;
  const deadPid = dead?.owner !== undefined && dead.owner.host === hostname() && !isAlive(dead.owner.pid) ? dead.owner.pid : undefined;
  // The lock is `${file}.lock`, and a temporary file `${file}.${uniqueId()}.tmp`, uniqueId starting with the pid.
  const deadTemp = deadPid === undefined ? undefined : `${path.basename(lock.slice(0, -'.lock'.length))}.${deadPid}-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (deadTemp !== undefined && name.startsWith(deadTemp) && name.endsWith('.tmp')) {
      removeFile(path.join(dir, name));
      continue;
    }
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    const file = path.join(dir, name);
    if (LOCK_CLAIM.test(rest)) {
      // A claim goes once the lock it names has gone, never before (makeClaim): a lock's token is never
      // used again, so a claim listed above whose lock is not in place now will never act on anything.
      const named = rest.startsWith('gate.') ? `${lock}.gate` : lock;
      if (!claimsInPlace(named, rest.startsWith('gate.') ? rest.slice('gate.'.length) : rest)) discardFile(file);
      continue;
    }
    const pid = LOCK_TEMP.exec(rest)?.[1];
    if (pid === undefined) continue;
    try {
      const age = now - fs.lstatSync(file).mtimeMs;
      if (age > LOCK_TEMP_ABANDONED_MS || (age > LOCK_STALE_MS && (takenOver !== undefined || !isAlive(Number(pid))))) removeFile(file);
    } catch {
      // gone already, or not ours to remove: the lock does not depend on it
    }
  }
}

/** Whether `claim` (`claim.<id>[.<generation>]`) names the lock (or gate) now at `lock`. */
function claimsInPlace(lock: string, claim: string): boolean {
  let holder: LockHolder | undefined;
  try {
    holder = inspectLock(lock);
  } catch {
    return true; // cannot tell: keep it
  }
  if (holder === undefined) return false;
  const base = path.basename(claimFile(lock, holder)).slice(path.basename(lock).length + 1);
  return claim === base || claim.startsWith(`${base}.`);
}

/**
 * The file a takeover of `stale` claims before it moves anything: named after that one lock (its
 * owner's token; for a lock not in wxauth's format, its inode and time), made with O_EXCL and holding
 * the claimer's owner token, so only one waiter at a time acts on that lock (makeClaim).
 */
function claimFile(lock: string, stale: LockHolder): string {
  let id: unknown;
  try {
    id = stale.text === undefined ? undefined : (JSON.parse(stale.text) as { token?: unknown }).token;
  } catch {
    // not a wxauth lock: named by its inode and time below
  }
  const name = typeof id === 'string' && /^[0-9a-z-]{1,80}$/.test(id) ? id : `${stale.dev}-${stale.ino}-${String(stale.mtimeMs).replace('.', '_')}`;
  return `${lock}.claim.${name}`;
}

/** The lock now in place is the one judged: same file, same text. */
function isSameLock(file: string, judged: LockHolder): boolean {
  const now = inspectLock(file);
  return now !== undefined && now.ino === judged.ino && now.dev === judged.dev && now.text === judged.text;
}

/**
 * Remove a lock (or a gate) judged stale — that one, never a lock made since. Several waiters often
 * judge the same lock stale at once (every waiter on a killed writer's gate does). Before, each moved
 * aside whatever was there by the time it acted and put back a lock made meanwhile with link(2); in
 * the moment between, a third waiter could make one too, and two processes then held the gate, the
 * second removing the first one's new lock as the stale one it had judged: two writers, one acknowledged
 * write lost (test/store/lock.test.ts, once in CI). Now a waiter first claims the stale lock
 * (makeClaim), then looks whether it is still there: the stale lock leaves its place only through the
 * one waiter holding its claim (its owner is gone), so a waiter that finds it there moves that lock and
 * nothing else, and a late one finds it gone and moves nothing. The check after the move stays, for a
 * stuck (not dead) owner that woke up and released its lock in between.
 * Returns whether the stale lock is gone (false: another waiter is taking it over; look again).
 * (Exported for test/store/lock.test.ts.)
 */
export function takeOver(lock: string, stale: LockHolder): boolean {
  const base = claimFile(lock, stale);
  const held = makeClaim(lock, base);
  if (held === undefined) return false;
  try {
    // Gone already: taken over by the waiter that held the claim before, or released by its owner.
    if (!isSameLock(lock, stale)) return true;
    const aside = uniqueName(lock, 'stale');
    try {
      fs.renameSync(lock, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true; // released by its owner meanwhile
      throw lockFailedError(lock, error);
    }
    try {
      const same = isSameLock(aside, stale);
      if (!same) restoreLock(aside, lock);
      return same;
    } finally {
      removeFile(aside);
    }
  } finally {
    // The judged lock is gone (or was never there): its claims, ours and those of claimers that died
    // holding one, have done their work, and a waiter that makes one anew finds nothing to move.
    for (let generation = 0; generation <= held; generation++) discardFile(claimGeneration(base, generation));
  }
}

const claimGeneration = (base: string, generation: number) => (generation === 0 ? base : `${base}.${generation}`);
/**
 * More claimers than this killed one after another on one lock (each inside a few system calls): the
 * lock is not taken, and writers stop with "locked" naming the file to remove, rather than risk two
 * claimers. (A claim is never removed while its lock is there, not even when old.)
 */
const MAX_CLAIM_GENERATIONS = 32;

/**
 * Claim `base` for this process: the generation made (0 for `base` itself), or undefined while
 * another waiter's claim is live. A claim is never removed while its lock may still be there (a waiter
 * removing one it judged abandoned could remove the fresh one made in its place, and two waiters would
 * then act on the lock, CI's failure again): a claim whose claimer died (or is stuck, as for a lock:
 * isStale) is superseded by the next generation, `base.1`, `base.2`…, and the generations go when the
 * lock they name has gone (takeOver, sweepLeftovers).
 */
function makeClaim(lock: string, base: string): number | undefined {
  const token = ownerToken();
  for (let generation = 0, vanished = 0; generation < MAX_CLAIM_GENERATIONS; ) {
    const claim = claimGeneration(base, generation);
    if (createHolding(claim, token, lock)) return generation;
    const holder = inspectLock(claim);
    if (holder === undefined) {
      // Its claimer has just finished (the lock is gone): make it again, a few times at most.
      if (++vanished > 3) return undefined;
      continue;
    }
    if (!isStale(holder, Date.now())) return undefined;
    generation++;
  }
  return undefined;
}

/**
 * Put a gate moved aside by mistake back in place. link(2) never replaces: if a third process has
 * taken the gate in between, its gate stays (the gate is held for a few system calls, so this needs a
 * writer killed inside them and two waiters taking its gate over at the same moment).
 */
function restoreLock(aside: string, lock: string): void {
  try {
    fs.linkSync(aside, lock);
  } catch {
    // see above
  }
}

/** Remove our gate, and only ours: if it was taken over (we were judged stuck), leave the new owner's. */
function releaseGate(lock: string, token: string): void {
  if (readLockText(lock) !== token) return;
  const aside = uniqueName(lock, 'done');
  try {
    fs.renameSync(lock, aside);
  } catch {
    return;
  }
  try {
    if (readLockText(aside) !== token) restoreLock(aside, lock);
  } finally {
    removeFile(aside);
  }
}

/** What a lock or a gate holds: whose it is (pid, host) and a token no other holder has. */
function ownerToken(): string {
  return JSON.stringify({ pid: process.pid, host: hostname(), token: uniqueId() });
}

/**
 * Run `fn` holding the gate, `<lock>.gate`: every change to the lock file (creating it, removing a
 * stale one, releasing it) is made under the gate, a few system calls long, after looking at the lock
 * again, so no change can hit a lock another process made in between. (Before, a waiter that had
 * judged a lock stale moved aside whatever lock was there by the time it acted, and put it back only if
 * nobody had locked meanwhile: on a busy machine a live writer could lose its lock after its last check
 * and overwrite the next writer's saved change; test/store/lock.test.ts caught it about once in ten runs
 * with the cores busy, on Node 20 and 24.) A gate left by a writer killed inside it is taken over like
 * any stale lock (takeOver).
 */
function withGate<T>(lock: string, deadline: number, waitMs: number, fn: () => T): T {
  const gate = `${lock}.gate`;
  const token = ownerToken();
  // A folder where the gate cannot be made is reported as one where the lock cannot be.
  for (let attempt = 0; !tryCreateLock(gate, token, lock); attempt++) {
    const holder = inspectLock(gate);
    if (holder && isStale(holder, Date.now()) && takeOver(gate, holder)) sweepLeftovers(gate, {});
    else if (Date.now() >= deadline) throw lockedError(lock, waitMs);
    else if (holder) sleepSync(backoff(attempt));
  }
  try {
    return fn();
  } finally {
    releaseGate(gate, token);
  }
}

function acquire(lock: string, deadline: number, waitMs: number): string {
  const token = ownerToken();
  sweepLeftovers(lock);
  for (let attempt = 0; ; attempt++) {
    // Look before taking the gate: a waiter polls a held lock with a stat and a small read.
    const holder = inspectLock(lock);
    if (!holder || isStale(holder, Date.now())) {
      // Judged again under the gate: the lock may have been released, taken or made since.
      let previous: LockHolder | undefined;
      const outcome = withGate(lock, deadline, waitMs, () => {
        previous = inspectLock(lock);
        if (previous && !isStale(previous, Date.now())) return 'held';
        if (previous && !takeOver(lock, previous)) return 'held';
        if (!tryCreateLock(lock, token)) return 'held';
        return previous ? 'taken over' : 'made';
      });
      if (outcome === 'taken over') sweepLeftovers(lock, { dead: previous });
      if (outcome !== 'held') return token;
      // Held by another, or another waiter is taking the stale one over: look again after the backoff.
    }
    if (Date.now() >= deadline) throw lockedError(lock, waitMs);
    sleepSync(backoff(attempt));
  }
}

/** Remove our lock, and only ours: if it was taken over (we were judged stuck), the new owner's stays. */
function release(lock: string, token: string, waitMs: number): void {
  if (readLockText(lock) !== token) return;
  try {
    withGate(lock, Date.now() + waitMs, waitMs, () => {
      if (readLockText(lock) === token) removeFile(lock);
    });
  } catch {
    // Left in place: once this process is gone, the next writer takes it over at once.
  }
}

/** Handed to the locked function: checks, just before it writes, that the lock is still its own. */
export interface HeldLock {
  assertHeld(): void;
}

class LockLost extends Error {}

/**
 * Run `fn` holding an exclusive lock file next to `file`, so the read-modify-write inside sees every
 * earlier writer's change. The lock file holds a unique token (pid, host, random); a lock whose
 * process is gone is taken over at once, one of unknown owner after 10 s, a live but stuck one after
 * 20 s; a writer waits up to 30 s with backoff. If the lock was taken over while `fn` ran, the
 * assertHeld() before its write notices, and `fn` runs again under a new lock.
 */
export function withFileLock<T>(file: string, fn: (lock: HeldLock) => T, waitMs: number = LOCK_WAIT_MS): T {
  const lock = `${file}.lock`;
  ensureStateDir(path.dirname(lock), lock);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const token = acquire(lock, deadline, waitMs);
    const held: HeldLock = {
      assertHeld() {
        if (readLockText(lock) !== token) throw new LockLost();
      },
    };
    try {
      return fn(held);
    } catch (error) {
      if (!(error instanceof LockLost)) throw error;
      if (Date.now() >= deadline) throw lockedError(lock, waitMs);
    } finally {
      release(lock, token, waitMs);
    }
  }
}

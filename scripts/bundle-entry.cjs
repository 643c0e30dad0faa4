// dist/cli/wxauth.js, the CLI bundle's entry (scripts/bundle.mjs copies this file there; bin/wxauth.cjs
// compiles it). It loads the bundle's own files, main.js and the chunks it asks for, without Node's
// module resolution.
//
// Why (issue 19): Node resolves every require() through path.resolve, and its normalizeString walks
// each character of the absolute path several times per module. A run loads 10-30 chunks, and from
// where npm installs wxauth (~/.nvm/versions/node/v20.x/lib/node_modules/wxauth/dist/cli/...) that is
// enough character steps for V8 to optimise normalizeString with TurboFan: 7-18 ms of CPU in every
// run, `--help` included, more than all of wxauth's own code for `errcode`. Here a chunk is a name
// in a folder already known: read it, compile it as Node would wrap it, run it once, keep its exports.
//
// Everything else (node:fs, undici, qrcode-terminal...) goes through Node's require, from this folder, as before.
//
// Each chunk is compiled with a V8 code cache of its own, kept in dist/cli/cache/<key>/ (Node's compile
// cache, on 22+, covers only what Node's own loader compiles). About 80% of what `url` adds to a bare
// Node start is parsing and compiling the ~210 KB of source it loads; a cache holding each chunk's top
// level and the functions a run compiled lazily skips most of that: -25% instructions and -15 to -19%
// CPU for `url` (docs/speed.md, 7 December). `npm run build` trains it (scripts/bundle.mjs runs the
// start-up commands with WXAUTH_CODE_CACHE=train); a chunk with no cache, or one V8 refused, gets one
// written at the exit of the run that compiled it. The caches are kept in the install when the running
// user owns it; in one another user owns (npm install -g as root, run as a user) in the user's cache
// folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches on macOS) under wxauth/code-cache, if that is theirs.
// V8 checks a cache against its own version, its flags and the source's length, not the text, so:
// - the folder's <key> is the V8 version, the build (a hash of the chunks, written by bundle.mjs: a
//   rebuild or an update never meets an older build's cache) and the V8 flags the process runs with
//   (a user's NODE_OPTIONS=--max-old-space-size=4096 gets a folder of its own, instead of each run with
//   and without it refusing and rewriting the other's caches);
// - a cache file is named by its chunk's size and modification time, so a chunk edited in place
//   (patch-package, a debugging session in node_modules) is compiled from its text, never from the
//   cache of what it was.
// WXAUTH_CODE_CACHE=off compiles everything from source and writes nothing (for measuring).
'use strict';
const { readFileSync, openSync, fstatSync, statSync, lstatSync, writeSync, closeSync, renameSync, mkdirSync, rmSync, readdirSync } = require('node:fs');
const { Script } = require('node:vm');

// The helpers esbuild's CommonJS output declares at the top of every chunk, declared once here and
// given to each chunk instead (scripts/bundle.mjs strips these exact lines from the chunks: ~800
// bytes less to compile, and a few closures less to make, per chunk). One declaration per line.
// helpers:begin
var __defProp=Object.defineProperty;
var __getOwnPropDesc=Object.getOwnPropertyDescriptor;
var __getOwnPropNames=Object.getOwnPropertyNames;
var __hasOwnProp=Object.prototype.hasOwnProperty;
var __export=(target,all)=>{for(var name in all)__defProp(target,name,{get:all[name],enumerable:true})};
var __copyProps=(to,from,except,desc)=>{if(from&&typeof from==="object"||typeof from==="function"){for(let key of __getOwnPropNames(from))if(!__hasOwnProp.call(to,key)&&key!==except)__defProp(to,key,{get:()=>from[key],enumerable:!(desc=__getOwnPropDesc(from,key))||desc.enumerable})}return to};
var __toCommonJS=mod=>__copyProps(__defProp({},"__esModule",{value:true}),mod);
var __wxauthToESM=(m)=>m!=null&&m.__esModule?m:Object.create(m,{default:{value:m,enumerable:true}});
// helpers:end
const HELPERS = { __defProp, __getOwnPropDesc, __getOwnPropNames, __hasOwnProp, __export, __copyProps, __toCommonJS, __wxauthToESM };
/** A chunk's parameters: Node's CommonJS wrapper's, then the helpers by name. */
const PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', ...Object.keys(HELPERS)];
const HELPER_VALUES = Object.values(HELPERS);
/** A chunk is compiled as this function's body: the wrapper Node gives a module, with the helpers too. */
const WRAPPER = `(function (${PARAMETERS.join(', ')}) {`;

// The code cache (see the top of this file). BUILD is written by scripts/bundle.mjs.
const BUILD = 'unbuilt';
const CODE_CACHE = process.env.WXAUTH_CODE_CACHE; // undefined, 'off' or 'train'
/** The folder's name: the V8 version, the build and the V8 flags (see the top of this file). */
const cacheKey = `${process.versions.v8}-${BUILD}${flagsKey()}`;
const cacheRoot = CODE_CACHE === 'off' ? undefined : cacheRootOf();
const cacheFolder = cacheRoot && `${cacheRoot.dir}/${cacheKey}`;
/** Chunks whose cache is to be written at exit (none yet, refused by V8, or all when training): name -> [script, file]. */
const uncached = new Map();

/**
 * Where this user's caches of this install go: `{ dir, perUser }` (perUser: in the user's cache folder,
 * where nothing else removes an old build's caches), or undefined for none. The install's own folder when
 * the running user owns the install (or on Windows, where there are no uids). Otherwise the user's cache
 * folder, only where no other user can have put or swap a file: a cache is code this process runs, so a
 * root run (sudo wxauth login, for port 80) neither runs a cache from a folder another user can write nor
 * leaves root-owned files in one, which its owner could not then remove (npm update, npm run build). So
 * the cache folder (or, not made yet, the nearest folder above it that is there) must be the user's and
 * writable by no one else (not /tmp as XDG_CACHE_HOME), and each of wxauth/code-cache/<key> that is there
 * already a real folder of the user's that no one else can write; writeCaches makes the missing ones (the
 * cache folder's own missing parents too) 0700.
 */
function cacheRootOf() {
  if (typeof process.getuid !== 'function') return { dir: `${__dirname}/cache`, perUser: false };
  const uid = process.getuid();
  try {
    if (statSync(__dirname).uid === uid) return { dir: `${__dirname}/cache`, perUser: false };
  } catch {
    return undefined;
  }
  const env = process.env;
  const given = process.platform === 'darwin' ? env.HOME && `${env.HOME}/Library/Caches` : env.XDG_CACHE_HOME || (env.HOME && `${env.HOME}/.cache`);
  const base = given && given.replace(/\/+$/, '');
  if (!base || base[0] !== '/') return undefined;
  const usersOnly = (stats) => stats.isDirectory() && stats.uid === uid && (stats.mode & 0o022) === 0;
  try {
    // The cache folder itself may be a link (~/.cache on another disk). Not made yet (a fresh account,
    // XDG_CACHE_HOME naming a folder to be): the nearest folder above it that is there must be the user's
    // and writable by no one else; writeCaches makes the missing ones 0700, as the XDG spec asks.
    let found;
    for (let dir = base; found === undefined; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
      found = statSync(dir, { throwIfNoEntry: false });
      if (found === undefined && dir === '/') return undefined;
    }
    if (!usersOnly(found)) return undefined;
    let dir = base;
    for (const name of ['wxauth', 'code-cache', cacheKey]) {
      dir = `${dir}/${name}`;
      const stats = lstatSync(dir, { throwIfNoEntry: false });
      if (stats === undefined) break;
      if (!usersOnly(stats)) return undefined;
    }
  } catch {
    return undefined;
  }
  return { dir: `${base}/wxauth/code-cache`, perUser: true };
}

/**
 * The options this process runs with that may be V8 flags, as a short suffix ('' for none): Node's own
 * options that do not reach V8 (a preload, source maps, warnings, the inspector) are left out, so the
 * tests' and the bench's --require share the one trained folder. Anything else is taken to be a V8 flag:
 * a wrong guess costs a folder more, never a wrong cache (V8 still checks).
 */
function flagsKey() {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS || '').split(/\s+/)].filter(Boolean);
  const kept = [];
  for (let i = 0; i < given.length; i++) {
    const arg = given[i];
    if (/^(?:-r|--require|--import|--loader|--experimental-loader)$/.test(arg)) i++;
    else if (!/^(?:--(?:require|import|loader|experimental-loader)=|--(?:enable-source-maps|no-warnings|no-deprecation|trace-warnings|trace-deprecation|title=|inspect|debug-port|preserve-symlinks))/.test(arg)) kept.push(arg);
  }
  if (kept.length === 0) return '';
  let hash = 0x811c9dc5; // FNV-1a, 32 bits: a folder name, not a secret
  for (const char of kept.join(' ')) hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
  return `-flags${hash.toString(16)}`;
}

function cachedData(file) {
  if (cacheFolder === undefined) return undefined;
  try {
    return readFileSync(`${cacheFolder}/${file}`);
  } catch {
    return undefined; // none yet (or unreadable): compiled from source, and written at exit
  }
}

/**
 * At exit, as the lazily compiled functions are in it by then, into cacheRootOf()'s folder. A folder that
 * cannot be written is left be before any cache is made (making one costs more than reading it saves in
 * that run).
 */
function writeCaches() {
  try {
    // 0700 in the user's cache folder (cacheRootOf); the install's own as the install's other folders.
    const made = mkdirSync(cacheFolder, { recursive: true, ...(cacheRoot.perUser ? { mode: 0o700 } : {}) }); // the first folder it made, if any
    if (made !== undefined && cacheRoot.perUser) pruneOthers();
  } catch {
    return;
  }
  for (const [script, file] of uncached.values()) {
    // Written aside and renamed, so a run starting meanwhile reads a whole cache or none. The random part:
    // a run killed mid-write leaves its part behind, and in a container every run may have the same pid.
    const part = `${cacheFolder}/${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.part`;
    let fd;
    try {
      fd = openSync(part, 'wx', 0o644);
    } catch (error) {
      if (error && (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS')) return; // nothing here can be
      continue;
    }
    try {
      const data = script.createCachedData();
      for (let at = 0; at < data.length; ) at += writeSync(fd, data, at);
      closeSync(fd);
      fd = undefined;
      renameSync(part, `${cacheFolder}/${file}`);
    } catch {
      try {
        if (fd !== undefined) closeSync(fd);
        rmSync(part, { force: true });
      } catch {
        // nothing more to do: the next run compiles from source again
      }
    }
  }
}

/**
 * In the user's cache folder no npm update removes what older installs left (~1 MB a build and Node):
 * when a run makes this build's folder, the others no file was added to for PRUNE_DAYS go. One still in
 * use then costs its next run a compile from source.
 */
const PRUNE_DAYS = 30;
function pruneOthers() {
  const before = Date.now() - PRUNE_DAYS * 86_400_000;
  try {
    for (const name of readdirSync(cacheRoot.dir)) {
      const folder = `${cacheRoot.dir}/${name}`;
      if (folder !== cacheFolder && statSync(folder).mtimeMs < before) rmSync(folder, { recursive: true, force: true });
    }
  } catch {
    // left for the next new build's first run
  }
}

/** `stamp`: the chunk file's size and modification time, which name its cache. */
function compileChunk(name, source, filename, stamp) {
  const file = `${name}.${stamp}.v8`;
  const data = cachedData(file);
  // columnOffset: a stack trace's columns on a chunk's first line are the file's, not the wrapper's.
  const script = new Script(`${WRAPPER}${source}\n})`, { filename, columnOffset: -WRAPPER.length, cachedData: data });
  if (cacheFolder !== undefined && (data === undefined || script.cachedDataRejected || CODE_CACHE === 'train')) {
    if (uncached.size === 0) process.once('exit', writeCaches);
    uncached.set(name, [script, file]);
  }
  return script.runInThisContext();
}
/** The bundle's chunks, by file name, as CommonJS modules: `{ exports, filename, loaded }`. */
const chunks = new Map();

/** What a chunk's require() does: a sibling chunk ("./chunk-AB12CD34.js") from here, the rest as Node would. */
function chunkRequire(request) {
  const sibling = request.startsWith('./') && request.endsWith('.js') && request.indexOf('/', 2) === -1;
  return sibling ? loadChunk(request.slice(2)) : require(request);
}

function loadChunk(name) {
  const known = chunks.get(name);
  if (known) return known.exports; // also a cycle's partial exports, as Node gives
  const filename = `${__dirname}/${name}`;
  const module = { exports: {}, filename, id: filename, loaded: false };
  chunks.set(name, module);
  try {
    const { source, stamp } = readSource(name, filename);
    const run = compileChunk(name, source, filename, stamp);
    run.call(module.exports, module.exports, chunkRequire, module, filename, __dirname, ...HELPER_VALUES);
    module.loaded = true;
  } finally {
    // As Node does: a chunk that failed is not kept, so a later require() tries again. (No catch and
    // rethrow: an uncaught error keeps pointing at the line that threw it.)
    if (!module.loaded) chunks.delete(name);
  }
  return module.exports;
}

/**
 * A chunk's source. One that is not there means the files on disk are no longer the ones this process
 * started from (npm update or npm run build while a listener ran) or an install is incomplete: said
 * as such by ui/present/error.ts, not as a bug.
 */
function readSource(name, filename) {
  let fd;
  try {
    fd = openSync(filename, 'r');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    throw Object.assign(new Error(`dist/cli/${name}`), { code: 'WXAUTH_BUNDLE_CHANGED', cause: error });
  }
  try {
    const { size, mtimeMs } = fstatSync(fd);
    return { source: readFileSync(fd, 'utf8'), stamp: `${size}-${Math.trunc(mtimeMs)}` };
  } finally {
    closeSync(fd);
  }
}

// main.js itself gone (the install is being updated or rebuilt as this starts, or is incomplete): there
// is no catalogue or presenter to load, so say it here, in the words of common.bundleChanged, rather
// than as a stack trace. Every later missing chunk is main's to report.
try {
  loadChunk('main.js');
} catch (error) {
  if (!error || error.code !== 'WXAUTH_BUNDLE_CHANGED') throw error;
  const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  process.stderr.write(
    zh
      ? `\u2716 wxauth \u7684\u90e8\u5206\u6587\u4ef6\u4e0d\u89c1\u4e86\uff08${error.message}\uff09\uff1awxauth \u6b63\u5728\u88ab\u66f4\u65b0\u3001\u91cd\u65b0\u6784\u5efa\u6216\u5220\u9664\uff0c\u6216\u8005\u5b89\u88c5\u4e0d\u5b8c\u6574\u3002\n\u2192 \u91cd\u65b0\u8fd0\u884c\u8fd9\u6761\u547d\u4ee4\uff1b\u5982\u679c\u6bcf\u6b21\u90fd\u8fd9\u6837\uff0c\u91cd\u65b0\u5b89\u88c5 wxauth\uff08npm install -g wxauth\uff0c\u6216\u5728\u6e90\u7801\u76ee\u5f55\u8fd0\u884c npm run build\uff09\u3002\n`
      : `\u2716 Part of wxauth is missing (${error.message}): wxauth is being updated, rebuilt or removed, or the install is incomplete.\n\u2192 Run the command again; if it happens every time, reinstall wxauth (npm install -g wxauth, or npm run build in its source folder).\n`,
  );
  process.exitCode = 70;
}

#!/usr/bin/env node
// npm run build, second step (after tsc): the CLI as one entry, dist/cli/wxauth.js, plus the chunks
// each command loads lazily, so that a run reads a few files instead of compiling ~40 modules one by
// one (issue 19). bin/wxauth.cjs requires it. tsc's dist/ stays as it is: dist/index.js is the library
// entry of package.json "exports" (ES modules), and its .d.ts files the types.
//
// - The bundle is CommonJS, although src/ is ES modules: on Node 20 the first ES module a process
//   loads starts Node's ES module loader, which costs ~9 ms of CPU per run (its own modules plus
//   fs/promises, readline and streams) — a tenth of `node -e 0`, paid by every `wxauth --version`.
//   esbuild splits only ES modules into chunks, so the chunks are built as ES modules first and each is
//   then turned into CommonJS (toCommonJs below): imports become require(), and import() a require()
//   on the next tick, so lazy chunks stay lazy.
// - commander, which every run needs, is bundled in: importing it from node_modules cost more CPU than
//   all of wxauth's own modules. The other npm packages stay external, required from node_modules when
//   a run needs them (undici, @inquirer/prompts, qrcode-terminal…), so test/fixtures/record-imports.cjs
//   still sees each of them.
// - The message catalogue is written as one file per language and key area, a line per key
//   (dist/cli/messages/en/cli.txt …), and src/ui/messages/lookup-files.ts takes the place of
//   lookup.ts, so a run reads only the areas it uses and decodes only the lines it needs.
// - Data stays data beside the bundle (dist/cli/data/): the errcode tables and knowledge entries as
//   compact texts decoded a row at a time, the rest of the knowledge as JSON (errcodeTablesAsText,
//   dataAsJson below).
// - The version is written in (main.ts would otherwise look for package.json beside the bundle).
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'cli');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

fs.rmSync(out, { recursive: true, force: true });

/** i18n.ts imports ./messages/lookup.js: in the bundle, the file-backed one. */
const lookupFromFiles = {
  name: 'lookup-from-files',
  setup(b) {
    b.onResolve({ filter: /^\.\/messages\/lookup\.js$/ }, (args) =>
      args.importer === path.join(root, 'src', 'ui', 'i18n.ts') ? { path: path.join(root, 'src', 'ui', 'messages', 'lookup-files.ts') } : undefined,
    );
  },
};

/**
 * Modules of src/ that are pure data (objects, arrays, strings — no functions), written as JSON beside
 * the bundle and read (JSON.parse) by a small module of their own, with the exports the bundle imports: the
 * errcode knowledge's DOC and PAGES (its KNOWLEDGE entries are a text read an entry at a time, below);
 * as JavaScript, compiling the ~80 KB of zh/en text cost `wxauth errcode` more than JSON.parse. The
 * data is taken from tsc's output of the module (the first build step), and the build stops if it
 * does not survive the trip through JSON unchanged.
 */
const DATA_MODULES = { 'core/errcode-knowledge': ['DOC', 'PAGES'] };
const { isDeepStrictEqual } = await import('node:util');
const dataAsJson = {
  name: 'data-as-json',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const target = path.relative(path.join(root, 'src'), path.resolve(args.resolveDir, args.path)).replace(/\.js$/, '');
      return Object.hasOwn(DATA_MODULES, target) ? { path: target, namespace: 'data-as-json' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'data-as-json' }, async (args) => {
      const exports = await import(pathToFileURL(path.join(root, 'dist', `${args.path}.js`)).href);
      const data = Object.fromEntries(DATA_MODULES[args.path].map((n) => [n, exports[n]]));
      const json = JSON.stringify(data);
      if (!isDeepStrictEqual(JSON.parse(json), data)) throw new Error(`src/${args.path}.ts: its exports do not survive JSON; take it out of DATA_MODULES`);
      const name = `${path.basename(args.path)}.json`;
      fs.mkdirSync(path.join(out, 'data'), { recursive: true });
      fs.writeFileSync(path.join(out, 'data', name), json);
      const names = Object.keys(data);
      return {
        contents: `import { readFileSync } from 'node:fs';\nconst data = JSON.parse(readFileSync(import.meta.dirname + ${JSON.stringify(`/data/${name}`)}, 'utf8'));\n${names.map((n) => `export const ${n} = data.${n};`).join('\n')}\n`,
        loader: 'js',
      };
    });
  },
};

/**
 * The errcode tables and knowledge: core/errcode-tables.ts gives src/ and the tests Maps; the bundle
 * gets core/errcode-table-text.ts over compact texts instead (data/<name>.txt, one line per row, the
 * file's bytes read on the first lookup), so `wxauth errcode 40029` decodes one row and one entry
 * rather than parsing and indexing 1,916 rows and 65 entries (~3 ms, and a garbage collection).
 */
const { tableText, rowsText, textRows } = await import(pathToFileURL(path.join(root, 'dist', 'core', 'errcode-table-text.js')).href);
const { KNOWLEDGE } = await import(pathToFileURL(path.join(root, 'dist', 'core', 'errcode-knowledge.js')).href);
const errcodeTablesAsText = {
  name: 'errcode-tables-as-text',
  setup(b) {
    b.onResolve({ filter: /^\.\/errcode-tables\.js$/ }, (args) =>
      args.importer === path.join(root, 'src', 'core', 'errcodes.ts') ? { path: 'errcode-tables', namespace: 'errcode-tables-as-text' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'errcode-tables-as-text' }, () => {
      fs.mkdirSync(path.join(out, 'data'), { recursive: true });
      for (const name of ['errcodes', 'errcodes-wecom']) {
        const rows = JSON.parse(fs.readFileSync(path.join(root, 'src', 'core', 'data', `${name}.json`), 'utf8'));
        fs.writeFileSync(path.join(out, 'data', `${name}.txt`), tableText(rows));
      }
      const knowledge = rowsText(KNOWLEDGE, (entry) => entry);
      const read = textRows(knowledge, (code, json) => json);
      if (!isDeepStrictEqual([...read.values()], [...KNOWLEDGE].sort((a, b) => a.code - b.code))) throw new Error('errcode knowledge: the entries do not survive the text');
      fs.writeFileSync(path.join(out, 'data', 'errcode-knowledge.txt'), knowledge);
      return {
        contents: [
          `import { readFileSync } from 'node:fs';`,
          `import { textRows, textTable } from ${JSON.stringify(path.join(root, 'src', 'core', 'errcode-table-text.ts'))};`,
          `const FILES = { wechat: 'errcodes.txt', wecom: 'errcodes-wecom.txt' };`,
          `const bytes = (file) => readFileSync(import.meta.dirname + '/data/' + file);`,
          `const tables = {};`,
          `let knowledge;`,
          `export function errcodeTable(name) {`,
          `  return (tables[name] ??= textTable(bytes(FILES[name])));`,
          `}`,
          `export function knowledgeTable() {`,
          `  return (knowledge ??= textRows(bytes('errcode-knowledge.txt'), (code, entry) => entry));`,
          `}`,
        ].join('\n'),
        loader: 'js',
        resolveDir: path.join(root, 'src', 'core'),
      };
    });
  },
};

/**
 * commander requires node:child_process at load time, for stand-alone executable subcommands, which
 * wxauth does not declare; loading that built-in cost every run ~3 ms. Its `spawn` is looked up only
 * if such a subcommand ever runs.
 */
const childProcessWhenUsed = {
  name: 'child-process-when-used',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'when-used' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'when-used' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/** Text with every character outside ASCII written as a \uXXXX escape (valid in JSON, and in JavaScript strings and regular expressions). */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: Object.keys(pkg.dependencies).filter((name) => name !== 'commander'),
  define: { WXAUTH_VERSION: JSON.stringify(pkg.version) },
  plugins: [lookupFromFiles, dataAsJson, errcodeTablesAsText, childProcessWhenUsed],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
});

// The catalogue, from tsc's output of the same sections (the first build step).
const { sections } = await import(pathToFileURL(path.join(root, 'dist', 'ui', 'messages', 'index.js')).href);
const files = new Map();
for (const section of Object.values(sections)) {
  for (const [key, message] of Object.entries(section)) {
    const area = key.slice(0, key.indexOf('.'));
    if (!/^[a-z][\w-]*$/.test(area)) throw new Error(`message key ${key}: lookup-files.ts finds a key's file by the part before its first dot`);
    for (const lang of ['zh', 'en']) {
      const id = `${lang}/${area}`;
      if (!files.has(id)) files.set(id, {});
      files.get(id)[key] = message[lang];
    }
  }
}
// One line per key, `key<TAB>"text as JSON"` (lookup-files.ts decodes only the line it needs). English
// as ASCII (its few “”’→… as \u escapes): V8 keeps a file of ASCII as one byte per character and
// anything else as two, from the moment the run reads it. Chinese stays UTF-8 (two bytes either way).
const { findMessage } = await import(pathToFileURL(path.join(root, 'dist', 'ui', 'messages', 'lookup-files.js')).href);
for (const [id, texts] of files) {
  fs.mkdirSync(path.dirname(path.join(out, 'messages', id)), { recursive: true });
  const lines = Object.entries(texts).map(([key, text]) => {
    if (!/^[\w.-]+$/.test(key)) throw new Error(`message key ${key}: lookup-files.ts needs keys of letters, digits, '_', '-' and '.'`);
    return `${key}\t${id.startsWith('en/') ? asciiOnly(JSON.stringify(text)) : JSON.stringify(text)}`;
  });
  // A newline before the first line too: lookup-files.ts finds a key by the newline before it, and a
  // file that starts with one needs no '\n' + text at run time (a copy of the whole area to search it).
  const file = '\n' + lines.join('\n') + '\n';
  for (const [key, text] of Object.entries(texts)) {
    if (findMessage(file, key) !== text) throw new Error(`message ${key} (${id}) does not survive lookup-files.ts`);
  }
  fs.writeFileSync(path.join(out, 'messages', `${id}.txt`), file);
}

// Each chunk from an ES module into CommonJS (see the top of this file). `dynamic-import: false` is what
// makes esbuild write import() as Promise.resolve().then(() => require(…)); import.meta.dirname
// becomes __dirname, and import.meta.url, which a few modules resolve files against, the chunk's own
// file URL (made when the chunk loads, so the modules every run loads use import.meta.dirname).
//
// The entry, dist/cli/wxauth.js, loads main.js and the chunks it asks for without Node's path
// resolution and gives every chunk esbuild's helpers (scripts/bundle-entry.cjs says why), so each
// chunk's own copy of them, at its top, goes. Only those exact lines: a chunk whose helpers read
// otherwise keeps its own, which still works (a later esbuild makes the build say so, below).
const entry = fs.readFileSync(path.join(root, 'scripts', 'bundle-entry.cjs'), 'utf8');
if (/[^\x00-\x7f]/.test(entry)) throw new Error('scripts/bundle-entry.cjs: keep it ASCII (see asciiOnly)');
const shared = entry.slice(entry.indexOf('// helpers:begin\n') + 17, entry.indexOf('// helpers:end')).trim().split('\n');
let stripped = 0;
for (const file of Object.keys(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  const full = path.join(root, file);
  const code = fs.readFileSync(full, 'utf8');
  const usesUrl = code.includes('import.meta.url');
  const cjs = await transform(code, {
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    supported: { 'dynamic-import': false },
    define: { ...(usesUrl ? { 'import.meta.url': '__wxauthFileUrl' } : {}), 'import.meta.dirname': '__dirname' },
    banner: usesUrl ? "var __wxauthFileUrl=require('node:url').pathToFileURL(__filename).href;" : '',
    minifyWhitespace: true,
    logLevel: 'warning',
  });
  if (/\bimport\.meta\b/.test(cjs.code)) throw new Error(`${file}: import.meta left in a CommonJS chunk`);
  // esbuild's __toESM(require(x)) copies every export of x into a getter of a new object: for
  // `import fs from 'node:fs'` that is ~100 closures per chunk per run. Reading through the module
  // instead (the entry's __wxauthToESM: an object whose prototype is the module, plus `default`) gives
  // the same values for free. And its __toCommonJS(exports) copies the chunk's exports object, getter
  // by getter, into another one (a closure and a property descriptor per export, ~130 chunks): the
  // object itself, marked as an ES module, has the same live getters.
  const light = cjs.code
    .replace(/\b__toESM\((require\("[^"]+"\))\)/g, '__wxauthToESM($1)')
    .replace('module.exports=__toCommonJS(stdin_exports);', 'module.exports=__defProp(stdin_exports,"__esModule",{value:true});');
  // The helpers are declared before the chunk's own code, which starts where its exports are declared
  // (the whole chunk is searched when it has none; only a first occurrence is taken out).
  const top = Math.max(light.indexOf('var stdin_exports='), 0) || light.length;
  let head = light.slice(0, top);
  for (const line of shared) head = head.replace(line, '');
  if (head.length < top) stripped++;
  // Every chunk as ASCII: one character outside it (a '，' in a regular expression) made V8 hold the
  // whole chunk's source at two bytes a character (`--help` read commander's 62 KB chunk as 121 KB).
  // esbuild escapes strings but not regular expressions; there a \uXXXX means the same character.
  const chunk = asciiOnly(head + light.slice(top));
  if (/\bimport\(/.test(chunk)) throw new Error(`${file}: import() left in a chunk (the entry gives chunks no import())`);
  fs.writeFileSync(full, chunk);
}
if (stripped === 0) throw new Error("no chunk starts with the helpers scripts/bundle-entry.cjs declares: copy esbuild's new ones there");
// The entry names its code cache's folder by the build (scripts/bundle-entry.cjs says why): a hash of
// every chunk, as the chunks are now.
const buildHash = createHash('sha256');
for (const file of Object.keys(result.metafile.outputs).sort()) if (file.endsWith('.js')) buildHash.update(`${file}\0`).update(fs.readFileSync(path.join(root, file)));
const buildId = buildHash.digest('hex').slice(0, 12);
if (!entry.includes("const BUILD = 'unbuilt';")) throw new Error("scripts/bundle-entry.cjs: const BUILD = 'unbuilt'; not found");
// Without its comments (half of it; the entry is the one file compiled from source at every start, as
// no code cache covers it): scripts/bundle-entry.cjs is the file to read.
const entryOut = (await transform(entry.replace("const BUILD = 'unbuilt';", `const BUILD = '${buildId}';`), { format: 'cjs', platform: 'node', target: 'node20.19', minifyWhitespace: true, legalComments: 'none', logLevel: 'warning' })).code;
if (!entryOut.includes(`"${buildId}"`) && !entryOut.includes(`'${buildId}'`)) throw new Error('the bundle entry lost its build id');
fs.writeFileSync(path.join(out, 'wxauth.js'), entryOut);

// The bundle's own package scope: it says the chunks are CommonJS (the project's package.json says
// "module"), and without it Node walked up from dist/cli/ to the project's package.json for each chunk.
fs.writeFileSync(path.join(out, 'package.json'), '{"type":"commonjs"}\n');

// The code cache, trained: the start-up commands of issue 19 run twice each, every run adding the
// functions it compiled to the chunks' caches (WXAUTH_CODE_CACHE=train), from a settings folder of their
// own with a service-account profile, as a user's would be. A chunk no run here loads gets its cache from
// the first run that does. Without NODE_OPTIONS: V8 refuses a cache made under other flags.
{
  const settings = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-train-'));
  const env = { ...process.env, WXAUTH_CONFIG_DIR: settings, WXAUTH_CODE_CACHE: 'train', CI: '1', NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  delete env.NODE_OPTIONS;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  for (const key of Object.keys(env)) if (key.startsWith('WXAUTH_') && key !== 'WXAUTH_CONFIG_DIR' && key !== 'WXAUTH_CODE_CACHE') delete env[key];
  const bin = path.join(root, 'bin', 'wxauth.cjs');
  const url = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&redirect_uri=https%3A%2F%2Fwww.example.com%2Fcb&response_type=code&scope=snsapi_base&state=abc#wechat_redirect';
  const profile = ['init', '--type', 'service', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'];
  const runs = [['--version'], ['--help'], ['errcode', '40029'], ['url', '--scope', 'snsapi_base', '--no-qr'], ['inspect', url], ['tokens']];
  try {
    for (const args of [profile, ...runs, ...runs]) {
      const r = spawnSync(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`training the code cache: wxauth ${args[0]} exited ${r.status}\n${r.stderr}`);
    }
  } finally {
    fs.rmSync(settings, { recursive: true, force: true });
  }
  // Marks the folder the training made (this Node's, no flags): test/startup.test.ts holds the build to
  // it on the Node that built, and lets a run of another Node make its own.
  fs.writeFileSync(path.join(out, 'cache', `${process.versions.v8}-${buildId}`, 'trained'), '');
}

if (process.env.BUNDLE_REPORT) {
  // Each output's size and, with BUNDLE_REPORT=inputs, the source modules it holds.
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    console.log(`${String(meta.bytes).padStart(8)}  ${path.relative(root, file)}`);
    if (process.env.BUNDLE_REPORT === 'inputs') for (const input of Object.keys(meta.inputs)) console.log(`          ${input}`);
  }
}

#!/usr/bin/env node
// npm run build, second step (after tsc): the CLI as one ES module entry, dist/cli/wxauth.js, plus the
// chunks each command loads lazily, so that a run reads a few files instead of compiling ~40 modules
// one by one (issue 19). bin/wxauth.js imports it. tsc's dist/ stays as it is: dist/index.js is the
// library entry of package.json "exports", and its .d.ts files the types.
//
// - commander, which every run needs, is bundled in: importing it from node_modules (CommonJS through
//   the ES module loader) cost more CPU than all of wxauth's own modules. The other npm packages stay
//   external, imported from node_modules when a run needs them (undici, @inquirer/prompts,
//   qrcode-terminal…), so test/fixtures/record-imports.mjs still sees each of them.
// - The message catalogue is written as one JSON file per language and key area
//   (dist/cli/messages/en/cli.json …), and src/ui/messages/lookup-files.ts takes the place of
//   lookup.ts, so a run parses only the sentences of the areas it uses.
// - JSON data (the errcode tables) stays JSON, minified, beside the bundle (jsonBeside below).
// - The version is written in (main.ts would otherwise look for package.json beside the bundle).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
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
 * A JSON import (the errcode tables, core/data/*.json) stays a JSON module beside the bundle,
 * dist/cli/data/<name>.json, minified: Node reads it with JSON.parse, whereas inlined into a chunk the
 * same data had to be compiled as JavaScript on every `wxauth errcode` (a fifth of its start).
 */
const jsonBeside = {
  name: 'json-beside',
  setup(b) {
    b.onResolve({ filter: /\.json$/ }, (args) => {
      const source = path.resolve(args.resolveDir, args.path);
      const name = path.basename(source);
      fs.mkdirSync(path.join(out, 'data'), { recursive: true });
      fs.writeFileSync(path.join(out, 'data', name), JSON.stringify(JSON.parse(fs.readFileSync(source, 'utf8'))));
      return { path: `./data/${name}`, external: true };
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

const result = await build({
  absWorkingDir: root,
  entryPoints: { wxauth: 'src/main.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: Object.keys(pkg.dependencies).filter((name) => name !== 'commander'),
  define: { WXAUTH_VERSION: JSON.stringify(pkg.version) },
  // commander is CommonJS and requires Node's built-ins: give its chunks a require() to do it with.
  banner: { js: "import { createRequire as __wxauthCreateRequire } from 'node:module';\nconst require = __wxauthCreateRequire(import.meta.url);" },
  plugins: [lookupFromFiles, jsonBeside, childProcessWhenUsed],
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
for (const [id, texts] of files) {
  fs.mkdirSync(path.dirname(path.join(out, 'messages', id)), { recursive: true });
  fs.writeFileSync(path.join(out, 'messages', `${id}.json`), JSON.stringify(texts));
}

// The bundle's own package scope: Node looks up the "type" of every module it loads, and without this
// file it walked up from dist/cli/ to the project's package.json for each chunk.
fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n');

if (process.env.BUNDLE_REPORT) {
  for (const [file, meta] of Object.entries(result.metafile.outputs)) console.log(`${String(meta.bytes).padStart(8)}  ${path.relative(root, file)}`);
}

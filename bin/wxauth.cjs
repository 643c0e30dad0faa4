#!/usr/bin/env node
// Tiny shim, CommonJS like the bundle it runs (scripts/bundle.mjs says why): turn on Node's compile
// cache where this Node has one (22.1+; Node 20 has none), which then covers what Node's own loader
// compiles (this shim, the bundle's entry, npm packages such as undici; the entry compiles the
// bundle's chunks itself, see scripts/bundle-entry.cjs), then hand over to the bundle (`npm run build`
// makes it).
'use strict';
// An older Node than package.json's engines (>=20.19) would fail deep inside with an "internal error"
// (File, process.getBuiltinModule, crypto.hash are newer): say so first, and stop (exit 4, a setup problem).
{
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
    process.stderr.write(
      zh
        ? `✖ wxauth 需要 Node.js 20.19 或更新的版本，当前是 ${process.version}。\n→ 升级 Node（例如 nvm install 22，或从 https://nodejs.org 安装 LTS 版本），再运行 wxauth。\n`
        : `✖ wxauth needs Node.js 20.19 or newer; this is ${process.version}.\n→ Upgrade Node (e.g. nvm install 22, or the LTS from https://nodejs.org), then run wxauth again.\n`,
    );
    process.exitCode = 4;
    return;
  }
}
const { enableCompileCache } = require('node:module');
if (typeof enableCompileCache === 'function') {
  try {
    enableCompileCache();
  } catch {
    // A read-only cache folder must not stop the CLI.
  }
}
// The entry is compiled as a module of its own, as require('../dist/cli/wxauth.js') would, minus the
// resolution: require() walks the long path where npm installs wxauth (path.resolve, a stat of each
// candidate, a realpath lstat'ing every folder up to /), ~1.5% of an `errcode` run (issue 19). Its
// require() is a normal one, so the packages it loads (undici...) resolve from dist/cli as before.
const Module = require('node:module');
const { join } = require('node:path');
const folder = join(__dirname, '..', 'dist', 'cli');
const filename = join(folder, 'wxauth.js');
let source;
try {
  source = require('node:fs').readFileSync(filename, 'utf8');
} catch (error) {
  // `npm install --ignore-scripts` (or a fresh clone without `npm install`) leaves no dist/: say how to
  // build instead of a stack trace. Any other failure is a real error and keeps its trace.
  if (!error || error.code !== 'ENOENT') throw error;
  const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  process.stderr.write(
    zh
      ? '✖ wxauth 尚未构建：找不到 dist/cli/wxauth.js。\n→ 在 wxauth 目录中运行 npm run build（或不带 --ignore-scripts 重新运行 npm install）。\n'
      : '✖ wxauth is not built: dist/cli/wxauth.js is missing.\n→ Run npm run build in the wxauth folder (or npm install again, without --ignore-scripts).\n',
  );
  process.exitCode = 70;
}
if (source !== undefined) {
  const entry = new Module(filename, module);
  entry.filename = filename;
  entry.paths = Module._nodeModulePaths(folder);
  entry._compile(source, filename);
}

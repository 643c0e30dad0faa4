#!/usr/bin/env node
// Tiny shim, CommonJS like the bundle it runs (scripts/bundle.mjs says why): turn on Node's compile
// cache where this Node has one (22.1+; Node 20 has none), which then covers what Node's own loader
// compiles (this shim, the bundle's entry, npm packages such as undici; the entry compiles the
// bundle's chunks itself, see scripts/bundle-entry.cjs), then hand over to the bundle (`npm run build`
// makes it).
'use strict';
const { enableCompileCache } = require('node:module');
if (typeof enableCompileCache === 'function') {
  try {
    enableCompileCache();
  } catch {
    // A read-only cache folder must not stop the CLI.
  }
}
try {
  require('../dist/cli/wxauth.js');
} catch (error) {
  // `npm install --ignore-scripts` (or a fresh clone without `npm install`) leaves no dist/: say how to
  // build instead of a stack trace. Any other failure is a real error and keeps its trace.
  const missing = error && error.code === 'MODULE_NOT_FOUND' && /Cannot find module '[^']*dist\/cli\/wxauth\.js'/.test(String(error.message));
  if (!missing) throw error;
  const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  process.stderr.write(
    zh
      ? '✖ wxauth 尚未构建：找不到 dist/cli/wxauth.js。\n→ 在 wxauth 目录中运行 npm run build（或不带 --ignore-scripts 重新运行 npm install）。\n'
      : '✖ wxauth is not built: dist/cli/wxauth.js is missing.\n→ Run npm run build in the wxauth folder (or npm install again, without --ignore-scripts).\n',
  );
  process.exitCode = 70;
}

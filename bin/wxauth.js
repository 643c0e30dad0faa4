#!/usr/bin/env node
// Tiny shim: cache compiled modules between runs where this Node supports it (22.1+; Node 20 has no
// compile cache), then hand over to the bundle (scripts/bundle.mjs; `npm run build` makes it).
import module from 'node:module';
if (typeof module.enableCompileCache === 'function') {
  try { module.enableCompileCache(); } catch { /* a read-only cache dir must not stop the CLI */ }
}
try {
  await import('../dist/cli/wxauth.js');
} catch (error) {
  // `npm install --ignore-scripts` (or a fresh clone without `npm install`) leaves no dist/: say how to
  // build instead of a stack trace. Any other failure is a real error and keeps its trace.
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/cli/wxauth.js');
  if (!missing) throw error;
  const zh = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  process.stderr.write(
    zh
      ? '✖ wxauth 尚未构建：找不到 dist/cli/wxauth.js。\n→ 在 wxauth 目录中运行 npm run build（或不带 --ignore-scripts 重新运行 npm install）。\n'
      : '✖ wxauth is not built: dist/cli/wxauth.js is missing.\n→ Run npm run build in the wxauth folder (or npm install again, without --ignore-scripts).\n',
  );
  process.exitCode = 70;
}

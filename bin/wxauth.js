#!/usr/bin/env node
// Tiny shim: cache compiled modules between runs where this Node supports it (22.1+), then hand over.
import module from 'node:module';
if (typeof module.enableCompileCache === 'function') {
  try { module.enableCompileCache(); } catch { /* a read-only cache dir must not stop the CLI */ }
}
await import('../dist/main.js');

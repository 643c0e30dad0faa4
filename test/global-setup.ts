// Every temporary file of a test run goes under one folder, removed when the run ends: workers and the
// CLIs they spawn inherit TMPDIR, so os.tmpdir() is that folder everywhere. (process.on('exit') cleanup
// does not run in vitest's worker processes, and runs used to leave thousands of folders in /tmp.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-test-run-'));
  // Like /tmp itself, others may pass through (tests that drop to `nobody` reach their own folders);
  // each test's folder inside is still created 0700 by mkdtemp.
  fs.chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(root, { recursive: true, force: true });
  };
}

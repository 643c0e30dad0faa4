// `prepare` skips the build when dist/ is built from the sources as they are (scripts/build-stamp.mjs):
// `npx wxauth demo` right after `npm install` in a clone no longer rebuilds before the demo starts, and
// any change to what the build reads makes the next `npm install` build again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './e2e/helpers.js';

function cloneOfBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-stamp-'));
  for (const part of ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']) fs.cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  for (const part of ['dist/.build-stamp', 'dist/index.js', 'dist/cli/wxauth.js']) fs.cpSync(path.join(ROOT, part), path.join(dir, part));
  return dir;
}
const stamp = (dir: string, command: string) => spawnSync(process.execPath, [path.join(dir, 'scripts', 'build-stamp.mjs'), command], { encoding: 'utf8' });
const check = (dir: string) => stamp(dir, 'check');

describe("prepare's build stamp", () => {
  it('skips the build, and says so, when dist/ was built from these sources', () => {
    const r = check(cloneOfBuild());
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('already built from these sources, so the build is skipped (npm run build rebuilds)');
  });

  it('builds after any change to what the build reads, or when dist/ is incomplete or was never stamped', () => {
    const changes: Array<[string, (dir: string) => void]> = [
      ['a source file', (d) => fs.appendFileSync(path.join(d, 'src', 'errors.ts'), '\n')],
      ['a new source file', (d) => fs.writeFileSync(path.join(d, 'src', 'new.ts'), 'export {};\n')],
      ['the bundle entry', (d) => fs.appendFileSync(path.join(d, 'scripts', 'bundle-entry.cjs'), '\n')],
      ['the lock file (another tsc or esbuild)', (d) => fs.appendFileSync(path.join(d, 'package-lock.json'), '\n')],
      ['no bundle', (d) => fs.rmSync(path.join(d, 'dist', 'cli', 'wxauth.js'))],
      ['no stamp', (d) => fs.rmSync(path.join(d, 'dist', '.build-stamp'))],
    ];
    for (const [what, change] of changes) {
      const dir = cloneOfBuild();
      change(dir);
      const r = check(dir);
      expect(r.status, what).toBe(1);
      expect(r.stderr, what).toBe('');
    }
  });

  it('builds again after a build that failed, even once the sources are put back as they were', () => {
    // npm run build: begin, tsc, bundle, write. tsc writes its output despite a type error, and a failed
    // training run leaves the new bundle in place: neither must be taken as built from the sources.
    const dir = cloneOfBuild();
    expect(stamp(dir, 'begin').status).toBe(0); // the build starts…
    expect(check(dir).status).toBe(1); // …and fails before `write`: no stamp
    expect(stamp(dir, 'write').status).toBe(0); // a build that gets there stamps the sources it began from
    expect(check(dir).status).toBe(0);
    fs.appendFileSync(path.join(dir, 'src', 'errors.ts'), '\n'); // saved while a build ran
    expect(stamp(dir, 'begin').status).toBe(0);
    fs.appendFileSync(path.join(dir, 'src', 'errors.ts'), '\n');
    expect(stamp(dir, 'write').status).toBe(0);
    expect(check(dir).status).toBe(1);
  });
});

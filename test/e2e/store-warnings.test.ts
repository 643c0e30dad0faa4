// A state folder that others can write to is said once, on stderr, by whatever command opens it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, runCli, tempConfigDir } from './helpers.js';

describe('store warnings', () => {
  it('warns once that the state folder is writable by others, and the command still runs', async () => {
    const dir = tempConfigDir();
    fs.chmodSync(dir, 0o777);
    const r = await runCli(['config', 'path', '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(parseJson(r.stdout).ok).toBe(true);
    expect(r.stderr).toContain('chmod 700');
    expect(r.stderr.split('chmod 700').length - 1).toBe(1);
  });

  it('says nothing about a 0700 folder', async () => {
    const dir = tempConfigDir();
    fs.chmodSync(dir, 0o700);
    const r = await runCli(['config', 'path'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('chmod');
    // Every file wxauth keeps there, the state file of the profile in use last.
    expect(r.stdout).toBe(['config.json', 'tokens.json', 'state-default.json'].map((f) => path.join(dir, f) + '\n').join(''));
    const prod = await runCli(['--profile', 'prod', 'config', 'path', '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(parseJson(prod.stdout).state).toBe(path.join(dir, 'state-prod.json'));
  });
});

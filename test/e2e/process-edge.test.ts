// What happens at the edges of a run: no build, and --json where there is no command to run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, parseJson, runCli } from './helpers.js';

describe('process edge', () => {
  it('says to run npm run build when dist/ is missing, instead of a stack trace', () => {
    // A copy of bin/ without a dist/ beside it: what `npm install --ignore-scripts` leaves.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-nodist-'));
    fs.mkdirSync(path.join(root, 'bin'));
    fs.copyFileSync(BIN, path.join(root, 'bin', 'wxauth.cjs'));
    fs.writeFileSync(path.join(root, 'package.json'), '{"type":"module"}');
    for (const [lang, text] of [['en_US.UTF-8', 'Run npm run build'], ['zh_CN.UTF-8', '运行 npm run build']] as const) {
      const r = spawnSync(process.execPath, [path.join(root, 'bin', 'wxauth.cjs'), 'demo'], { encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '' } });
      expect(r.status).toBe(70);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|at async/);
      expect(r.stdout).toBe('');
    }
  });

  it('--json --version prints one document with the version', async () => {
    const r = await runCli(['--json', '--version']);
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout)).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('--json --help prints the help inside one document', async () => {
    const r = await runCli(['errcode', '--help', '--json']);
    expect(r.code).toBe(0);
    const doc = parseJson(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.help).toContain('Usage: wxauth errcode');
  });

  it('--json without a command is a usage error, as one document that carries the help', async () => {
    const r = await runCli(['--json']);
    expect(r.code).toBe(2);
    const doc = parseJson(r.stdout) as { ok: boolean; help: string; error: { code: string; message: string } };
    expect(doc.ok).toBe(false);
    expect(doc.error.code).toBe('usage');
    expect(doc.error.message).toBe('No command given.');
    expect(doc.help).toContain('Commands:');
    expect(r.stderr).toBe('');
  });
});

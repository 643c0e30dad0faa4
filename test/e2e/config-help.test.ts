// `wxauth config --help` lists the keys `config set` takes. The list lived only in the help text and
// fell behind (no jsDomains, no verifyFile, which README lists and config set accepts): it is held
// here to the table config set validates against, in both languages, so it cannot drift again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '../../src/core/validate.js';
import { ENV_NAMES } from '../../src/store/resolve.js';
import { ROOT, runCli } from './helpers.js';

/** The words between the parentheses after `lead`, however commander wrapped them. */
function listedKeys(help: string, lead: RegExp): string[] {
  const m = new RegExp(`${lead.source}\\s*[(（]([^)）]*)[)）]`).exec(help);
  expect(m, help).not.toBeNull();
  return (m?.[1] ?? '').split(/\s+/).filter((w) => w !== '');
}

describe('config help lists every settable key', () => {
  it.each([
    ['en', ['config', '--help'], /as key value pairs/],
    ['en', ['config', 'set', '--help'], /as key value pairs/],
    ['zh', ['--lang', 'zh', 'config', '--help'], /键和值成对给出/],
    ['zh', ['--lang', 'zh', 'config', 'set', '--help'], /键和值成对给出/],
  ])('%s %j', async (_lang, args, lead) => {
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(listedKeys(r.stdout, lead)).toEqual([...SETTING_KEYS]);
  });

  it('and config set takes each of them (an unknown key is refused with the same list)', async () => {
    const r = await runCli(['config', 'set', 'nosuchkey', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Settings: ${SETTING_KEYS.join(', ')}.`);
  });
});

describe('README lists them too', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration and profiles'), readme.indexOf('## Security and data safety'));

  it('every setting on its Settings line', () => {
    const line = /Settings: `([^`]*)`/.exec(section)?.[1] ?? '';
    expect(line.split(/\s+/)).toEqual([...SETTING_KEYS]);
  });

  it('every WXAUTH_* variable a setting is read from', () => {
    for (const name of Object.values(ENV_NAMES)) expect(section).toContain(`\`${name}\``);
  });
});

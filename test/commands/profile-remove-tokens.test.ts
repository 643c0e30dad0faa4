// `profile remove X` on a terminal: after "Remove profile X?", when the token cache holds X's tokens,
// it asks whether they go too ("no", the default, keeps them, as --yes does: README). Before, they
// always stayed, and the command it named to clear them failed (test/e2e/removed-profile-tokens.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { EXIT } from '../../src/errors.js';
import { createContext } from '../../src/runtime.js';
import type { Lang } from '../../src/ui/i18n.js';
import type { Prompts } from '../../src/ui/prompt.js';
import { Output } from '../../src/ui/output.js';
import { tempConfigDir } from '../e2e/helpers.js';

const APP0 = 'wx1234567890abcde0';
const APP2 = 'wx1234567890abcde2';

/** Prompts that answer the confirmations in turn and fail on any other question. */
function scripted(answers: boolean[], asked: string[]): Prompts {
  const unexpected = (o: { message: string }) => Promise.reject(new Error(`unexpected prompt: ${o.message}`));
  return {
    input: unexpected,
    password: unexpected,
    select: unexpected,
    confirm: async (o) => {
      asked.push(o.message);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected prompt: ${o.message}`);
      return answer;
    },
  };
}

function terminal(dir: string, answers: boolean[], lang: Lang = 'en') {
  let stderr = '';
  const out = new Output({ lang, json: false, color: false, stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } });
  const asked: string[] = [];
  const base = createContext({ lang, out, globals: {}, env: { WXAUTH_CONFIG_DIR: dir }, interactive: true, signal: new AbortController().signal, stdin: process.stdin, promptOutput: () => process.stderr });
  const ctx: Context = { ...base, prompts: async () => scripted(answers, asked) };
  return { ctx, asked, stderr: () => stderr };
}

function execute(name: string, input: { args?: string[]; opts?: Record<string, unknown>; sub?: string }, ctx: Context) {
  const command = COMMANDS.find((c) => c.name === name)!;
  return command.execute({ args: input.args ?? [], opts: input.opts ?? {}, ...(input.sub ? { sub: input.sub } : {}) }, ctx);
}

function user(appid: string, openid: string) {
  const now = Date.now();
  return { appid, openid, scope: 'snsapi_base', accessToken: `AT-${openid}-0123456789`, refreshToken: `RT-${openid}-0123456789`, accessTokenExpiresAt: now + 3_600_000, refreshTokenExpiresAt: now + 29 * 86_400_000, obtainedAt: now };
}

async function twoProfiles(): Promise<string> {
  const dir = tempConfigDir();
  for (const [profile, appid] of [['p0', APP0], ['p2', APP2]] as const) {
    const flags = { type: 'service', appid, secret: `0123456789abcdef0123456789abcd${profile.slice(1)}0`, domain: 'www.example.com', redirectUri: 'https://www.example.com/cb', yes: true };
    const t = terminal(dir, []);
    expect(await execute('init', { opts: flags }, { ...t.ctx, globals: { profile } })).toBe(EXIT.ok);
  }
  const now = Date.now();
  const basic = { appid: APP2, kind: 'stable', accessToken: 'BASIC-p2-0123456789', expiresAt: now + 7_000_000, obtainedAt: now };
  const file = { profiles: { p0: { users: { [`${APP0}:oP0user`]: user(APP0, 'oP0user') } }, p2: { users: { [`${APP2}:oP2user`]: user(APP2, 'oP2user') }, basic: { [APP2]: basic } } } };
  fs.writeFileSync(path.join(dir, 'tokens.json'), JSON.stringify(file), { mode: 0o600 });
  return dir;
}

const cache = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8')) as { profiles: Record<string, { users?: object }> };
const profiles = (dir: string) => Object.keys((JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { profiles: object }).profiles);

describe('profile remove on a terminal, with tokens cached under the profile', () => {
  it('asks whether they go too; yes removes them (and nothing of p0)', async () => {
    const dir = await twoProfiles();
    const t = terminal(dir, [true, true]);
    expect(await execute('profile', { sub: 'remove', args: ['p2'] }, t.ctx)).toBe(EXIT.ok);
    expect(t.asked).toEqual([
      'Remove profile "p2"?',
      'The token cache also holds its 1 user token(s), 1 basic access_token(s). Remove them too? (No keeps them; wxauth --profile p2 tokens clear removes them later)',
    ]);
    expect(t.stderr()).toContain('Removed its 1 user token(s), 1 basic access_token(s) from the token cache.');
    expect(t.stderr()).not.toContain('tokens clear');
    expect(profiles(dir)).toEqual(['p0']);
    expect(cache(dir).profiles.p2).toBeUndefined();
    expect(Object.keys(cache(dir).profiles.p0?.users ?? {})).toEqual([`${APP0}:oP0user`]);
  });

  it('no (the default) keeps them and names the command that clears them', async () => {
    const dir = await twoProfiles();
    const t = terminal(dir, [true, false]);
    expect(await execute('profile', { sub: 'remove', args: ['p2'] }, t.ctx)).toBe(EXIT.ok);
    expect(t.asked).toHaveLength(2);
    expect(profiles(dir)).toEqual(['p0']);
    expect(Object.keys(cache(dir).profiles.p2?.users ?? {})).toEqual([`${APP2}:oP2user`]);
    expect(t.stderr()).toContain('clear them with wxauth --profile p2 tokens clear');
  });

  it('in Chinese', async () => {
    const dir = await twoProfiles();
    const t = terminal(dir, [true, true], 'zh');
    expect(await execute('profile', { sub: 'remove', args: ['p2'] }, t.ctx)).toBe(EXIT.ok);
    expect(t.asked[1]).toBe('token 缓存里还有它的 1 个用户 token、1 个基础 access_token。一并删除吗？（选否则保留，之后可用 wxauth --profile p2 tokens clear 删除）');
    expect(t.stderr()).toContain('已从 token 缓存删除它的 1 个用户 token、1 个基础 access_token。');
    expect(cache(dir).profiles.p2).toBeUndefined();
  });

  it('with nothing cached under it, asks only the one question', async () => {
    const dir = await twoProfiles();
    const t = terminal(dir, [true]);
    expect(await execute('profile', { sub: 'remove', args: ['p0'] }, terminal(dir, [true, true]).ctx)).toBe(EXIT.ok);
    // p0's tokens went with it (asked and agreed); a profile with none is asked one question.
    fs.writeFileSync(path.join(dir, 'tokens.json'), JSON.stringify({ profiles: {} }), { mode: 0o600 });
    expect(await execute('profile', { sub: 'remove', args: ['p2'] }, t.ctx)).toBe(EXIT.ok);
    expect(t.asked).toEqual(['Remove profile "p2"?']);
  });
});

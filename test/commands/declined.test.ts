// Declining a confirmation is one outcome everywhere: CancelledError (exit 130, "cancelled"), the same
// as Ctrl-C at the prompt, and nothing changed on disk. The commands run as the registry runs them
// (options parser, run, presenter) with a real config dir and scripted prompt answers; the spawned
// test in test/e2e/cli.test.ts answers a real prompt in a terminal.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { CancelledError, EXIT } from '../../src/errors.js';
import { createContext } from '../../src/runtime.js';
import type { Prompts } from '../../src/ui/prompt.js';
import { Output } from '../../src/ui/output.js';
import { tempConfigDir } from '../e2e/helpers.js';

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';
const FLAGS = { type: 'service', appid: APPID, secret: SECRET, domain: 'www.example.com', redirectUri: 'https://www.example.com/wechat/callback' };

/** Prompts that answer every confirmation with `answer` and fail on any other question. */
function scripted(answer: boolean, asked: string[]): Prompts {
  const unexpected = (o: { message: string }) => Promise.reject(new Error(`unexpected prompt: ${o.message}`));
  return {
    input: unexpected,
    password: unexpected,
    select: unexpected,
    confirm: async (o) => {
      asked.push(o.message);
      return answer;
    },
  };
}

function terminal(dir: string, answer: boolean) {
  let stdout = '';
  let stderr = '';
  const out = new Output({ lang: 'en', json: false, color: false, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  const asked: string[] = [];
  const base = createContext({
    lang: 'en',
    out,
    globals: {},
    env: { WXAUTH_CONFIG_DIR: dir },
    interactive: true,
    signal: new AbortController().signal,
    stdin: process.stdin,
    promptOutput: () => process.stderr,
  });
  const ctx: Context = { ...base, prompts: async () => scripted(answer, asked) };
  return { ctx, asked, stdout: () => stdout, stderr: () => stderr };
}

function execute(name: string, input: { args?: string[]; opts?: Record<string, unknown>; sub?: string }, ctx: Context) {
  const command = COMMANDS.find((c) => c.name === name)!;
  return command.execute({ args: input.args ?? [], opts: input.opts ?? {}, ...(input.sub ? { sub: input.sub } : {}) }, ctx);
}

describe('a declined confirmation', () => {
  it('profile remove: cancelled (exit 130), the profile kept, nothing printed', async () => {
    const dir = tempConfigDir();
    expect(await execute('init', { opts: { ...FLAGS, yes: true } }, terminal(dir, true).ctx)).toBe(EXIT.ok);
    const t = terminal(dir, false);
    const error = await execute('profile', { sub: 'remove', args: ['default'] }, t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).exitCode).toBe(130);
    expect(t.asked).toEqual(['Remove profile "default"?']);
    expect(t.stdout() + t.stderr()).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).profiles).toHaveProperty('default');
  });

  it('profile remove: confirmed, it removes', async () => {
    const dir = tempConfigDir();
    expect(await execute('init', { opts: { ...FLAGS, yes: true } }, terminal(dir, true).ctx)).toBe(EXIT.ok);
    const t = terminal(dir, true);
    expect(await execute('profile', { sub: 'remove', args: ['default'] }, t.ctx)).toBe(EXIT.ok);
    expect(t.stderr()).toContain('default');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).profiles).not.toHaveProperty('default');
  });

  it('init: cancelled (exit 130) at "write this profile?", nothing written', async () => {
    const dir = tempConfigDir();
    const t = terminal(dir, false);
    const error = await execute('init', { opts: FLAGS }, t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect(t.asked).toHaveLength(1);
    expect(t.stdout()).toBe('');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });

  it('init: confirmed, it writes the profile', async () => {
    const dir = tempConfigDir();
    const t = terminal(dir, true);
    expect(await execute('init', { opts: FLAGS }, t.ctx)).toBe(EXIT.ok);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).profiles.default).toMatchObject({ appid: APPID });
  });
});

// The quick parser (src/argv.ts) must read a command line exactly as commander does, or leave it to
// commander: a run it reads differently would run the wrong command, with the wrong options. Each case
// is parsed both ways: by parseQuickly, and by the real commander program app.ts would build
// (src/program.ts), whose action records what it would have run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuickly } from '../src/argv.js';
import { COMMANDS, GLOBAL_OPTIONS, type OptionSpec } from '../src/cli.js';
import { createProgram } from '../src/program.js';
import { runCli } from './e2e/helpers.js';

type Seen = { command: string; input: unknown; globals: unknown } | { error: string };

async function byCommander(argv: string[]): Promise<Seen> {
  let seen: Seen | undefined;
  const silent = { writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined };
  const program = createProgram('en', '9.9.9', async (command, input, globals) => {
    seen = { command: command.name, input, globals };
  }, silent);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
  return seen ?? { error: 'no action' };
}

function quickly(argv: string[]): Seen | undefined {
  const q = parseQuickly(argv);
  return q && { command: q.command.name, input: q.input, globals: q.globals };
}

/** The words of one use of a flag: a value after it, glued with '=', or none for a boolean. */
function uses(flags: string): fc.Arbitrary<readonly string[]> {
  const long = /--[\w-]+/.exec(flags)![0];
  const short = /^-(\w),/.exec(flags)?.[1];
  const names = short ? [long, `-${short}`] : [long];
  if (!flags.includes('<')) return fc.constantFrom(...names.map((n) => [n]));
  const value = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('v1', 'zh', 'cn', '5', 'a=b', '') }, { weight: 1, arbitrary: fc.constant('-x') });
  return fc.tuple(fc.constantFrom(...names), value).chain(([name, value]) =>
    fc.constantFrom([name, value], ...(name.startsWith('--') ? [[`${name}=${value}`]] : [])),
  );
}

const globalUse = fc.oneof(...GLOBAL_OPTIONS.map((o) => uses(o.flags)));
const stray: fc.Arbitrary<readonly string[]> = fc.constantFrom(['--nope'], ['-h'], ['--help'], ['--'], ['-x'], ['--version'], ['-vh'], ['help'], ['--json=1']);
const word: fc.Arbitrary<readonly string[]> = fc.oneof({ weight: 10, arbitrary: fc.constantFrom(['40029'], ['https://open.weixin.qq.com/x?y=1'], ['a b'], ['openid'], ['set'], ['list']) }, { weight: 1, arbitrary: fc.constant(['-1']) });

/** Random command lines for one command (and its subcommands): globals before, then its own flags and
 *  about as many words as it takes, mixed in any order, now and then a stray word or flag. */
function lines(name: string, sub: string | undefined, options: OptionSpec[], args: string | undefined): fc.Arbitrary<string[]> {
  const parts = args?.match(/<[^>]+>|\[[^\]]+\]/g) ?? [];
  const min = parts.filter((p) => p.startsWith('<')).length;
  const own = options.length > 0 ? fc.oneof(...options.map(([flags]) => uses(flags))) : globalUse;
  const flags = fc.array(fc.oneof({ weight: 8, arbitrary: own }, { weight: 4, arbitrary: globalUse }, { weight: 1, arbitrary: stray }), { maxLength: 5 });
  const words = fc.array(word, { minLength: Math.max(0, min - 1), maxLength: min + 1 });
  const before = fc.array(fc.oneof({ weight: 10, arbitrary: globalUse }, { weight: 1, arbitrary: stray }), { maxLength: 3 });
  return fc.tuple(before, flags, words, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 })).map(([b, f, w, order]) => {
    const after: (readonly string[])[] = [];
    let i = 0;
    while (f.length > 0 || w.length > 0) after.push((order[i++ % order.length] && f.length > 0) || w.length === 0 ? f.shift()! : w.shift()!);
    return [...b.flat(), name, ...(sub ? [sub] : []), ...after.flat()];
  });
}

describe('the quick parser reads argv as commander does', () => {
  const cases: Array<[string, string | undefined, OptionSpec[], string | undefined]> = [];
  for (const command of COMMANDS) {
    if (command.subcommands) for (const sub of command.subcommands) cases.push([command.name, sub.name, sub.options ?? [], sub.args]);
    else cases.push([command.name, undefined, command.options ?? [], command.args]);
  }

  it.each(cases)('%s %s: same command, arguments, options and globals, or left to commander', async (name, sub, options, args) => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(lines(name, sub, options, args), async (argv) => {
        const quick = quickly(argv);
        if (quick === undefined) return;
        read++;
        expect(quick, argv.join(' ')).toEqual(await byCommander(argv));
      }),
      { numRuns: 300 },
    );
    // Not a vacuous pass: a good share of the random lines were read without commander.
    expect(read).toBeGreaterThan(15);
  });

  it('reads the command lines of the README without commander', async () => {
    const common = [
      ['errcode', '40029'],
      ['--lang', 'zh', 'errcode', '40163'],
      ['url', '--scope', 'snsapi_userinfo', '--state', 'xyz', '--no-qr'],
      ['url', '--lang', 'en', '--qrconnect'],
      ['inspect', 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&redirect_uri=x#wechat_redirect'],
      ['--profile', 'prod', 'exchange', 'CODE', '--state', 's'],
      ['config', 'set', 'appid', 'wx1234567890abcdef', '--yes'],
      ['emulator', '--port', '0', '--fault', 'a', '--fault', 'b'],
      ['--json', 'tokens', 'list'],
      ['listen', '--timeout', '30', '-v'],
    ];
    for (const argv of common) {
      const quick = quickly(argv);
      expect(quick, argv.join(' ')).toBeDefined();
      expect(quick, argv.join(' ')).toEqual(await byCommander(argv));
    }
    // A repeatable option keeps every value (both faults apply), on both paths.
    expect(quickly(['emulator', '--port', '0', '--fault', 'a', '--fault', 'b'])).toMatchObject({ input: { opts: { fault: ['a', 'b'] } } });
    expect(await byCommander(['doctor', '--connect-to', 'a:1:b:2', '--connect-to', 'c:3:d:4'])).toMatchObject({ input: { opts: { connectTo: ['a:1:b:2', 'c:3:d:4'] } } });
  });

  it('leaves help, --version and mistakes to commander, which explains them', async () => {
    for (const argv of [['--help'], ['errcode', '--help'], ['help', 'url'], ['--version'], ['errcod', '40029'], ['inspect'], ['rid', 'a', 'b'], ['url', '--scpoe', 'x'], ['config'], ['errcode', '--', '-1']]) {
      expect(parseQuickly(argv), argv.join(' ')).toBeUndefined();
    }
    const typo = await runCli(['url', '--scpoe', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--scope');
  });
});

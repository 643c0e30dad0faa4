// One run of wxauth: argv and the process's streams in, an exit code out. main.ts calls it with the
// real process; tests call it in-process with string streams, their own environment and a real
// emulator on port 0, which is as end-to-end as spawning, minus the cost of starting Node.
import { EXIT, NetworkError, UsageError, WechatApiError, isWxauthError, type ExitCode, type MessageRef } from './errors.js';
import { COMMANDS, GLOBAL_OPTIONS, GLOBAL_VALUE_FLAGS, longFlag, type Declaration, type OptionSpec } from './cli.js';
import { parseQuickly } from './argv.js';
import type { CommandRunner } from './program.js';
import { detectLang, tOptional, tr, uiLang, type Lang } from './ui/i18n.js';
import { Output, type Writable } from './ui/output.js';
import type { Context } from './context.js';
import type { GlobalOptions } from './store/resolve.js';

/** The streams and surroundings of one run. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
  /** The real stream behind stderr, which prompts draw on; asked for only when a prompt is shown. */
  promptOutput: () => NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C (main.ts wires SIGINT to it). Read only when needed: main.ts makes it on first read. */
  readonly signal: AbortSignal;
  /** Milliseconds since the epoch; tests may pin it. */
  now?: () => number;
}

/** Commands whose own --lang is WeChat's language parameter, with the values it takes (cn|en, zh_CN|zh_TW|en). */
const OWN_LANG: Readonly<Record<string, readonly string[]>> = { url: ['cn', 'en'], userinfo: ['zh_CN', 'zh_TW', 'en'], user: ['zh_CN', 'zh_TW', 'en'] };

/**
 * The UI language: --lang zh|en, else LC_ALL / LC_MESSAGES / LANG. After url/userinfo/user, whose own
 * --lang is WeChat's, a value that command takes is its own; any other UI language is the user's
 * (`wxauth url --help --lang zh` shows the help in Chinese, and url's refusal of `zh` is in Chinese).
 */
function pickLang(argv: string[], env: Io['env'], valueFlags: ReadonlySet<string>): Lang {
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const given = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    const own = command !== undefined ? OWN_LANG[command] : undefined;
    const value = given !== undefined && own?.includes(given) ? undefined : uiLang(given);
    if (value !== undefined) return value;
    if (valueFlags.has(arg)) {
      i++;
      continue;
    }
    if (command === undefined && !arg.startsWith('-')) command = arg;
  }
  return detectLang(env);
}

/**
 * The command argv names: the first word that is not an option (nor a global option's value); for
 * `help <command>`, that command. '' when there is none, or when -h/--help comes first (`wxauth --help
 * url` shows the root help, which lists every command).
 */
function namedCommand(argv: string[], valueFlags: ReadonlySet<string>): string {
  return argv[commandAt(argv, valueFlags)] ?? '';
}

/**
 * Where namedCommand's word is in argv, -1 when there is none. A hint that rewrites the command line
 * uses it, not argv.indexOf(command): `--profile sign sign …` names sign twice, the first a profile.
 */
function commandAt(argv: readonly string[], valueFlags: ReadonlySet<string>): number {
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (valueFlags.has(arg)) {
      i++;
      continue;
    }
    if (arg === '--help' || /^-[^-]*h/.test(arg)) return -1;
    if (arg.startsWith('-')) continue;
    if (arg === 'help' && !help) {
      help = true;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * `wxauth help url` and `wxauth jssdk help sign` read as `wxauth url --help` and `wxauth jssdk sign
 * --help`. commander's own help command printed nothing under --json, and answered an unknown name
 * with the root page and "No command given"; an unknown name is now left for commander to report as
 * an unknown command, with its suggestion.
 */
function helpAsFlag(argv: string[]): string[] {
  const words: number[] = [];
  for (let i = 0; i < argv.length && words.length < 3; i++) {
    const arg = argv[i] ?? '';
    if (GLOBAL_VALUE_FLAGS.has(arg)) i++;
    else if (!arg.startsWith('-')) words.push(i);
  }
  const [first, second, third] = words.map((i) => argv[i]);
  let at: number | undefined;
  let known = false;
  if (first === 'help' && second !== undefined) {
    at = words[0];
    known = COMMANDS.some((c) => c.name === second);
  } else if (second === 'help' && third !== undefined) {
    const subcommands = COMMANDS.find((c) => c.name === first)?.subcommands;
    if (subcommands) {
      at = words[1];
      known = subcommands.some((c) => c.name === third);
    }
  }
  if (at === undefined) return argv;
  const rest = argv.filter((_, i) => i !== at);
  return known ? [...rest, '--help'] : rest;
}

/**
 * `wxauth errcode "-1 system error"`: WeChat's text for errcode -1 starts with a '-', so commander read
 * it as an unknown option (it takes a bare `-1` as an operand, not `-1` with words after it). No option
 * of wxauth's starts with a digit: such an argument is given to errcode with a space in front, which
 * it trims.
 */
function pastedNegativeCodes(argv: string[]): string[] {
  if (namedCommand(argv, GLOBAL_VALUE_FLAGS) !== 'errcode') return argv;
  return argv.map((arg) => (/^-\d+[\s,，:：;；]/.test(arg) ? ` ${arg}` : arg));
}

/** What a usage error's hint sends the user to: the command's own help, or the root help for an unknown one. */
function helpFor(command: string, sub?: string): string {
  if (command === '' || !COMMANDS.some((c) => c.name === command)) return 'wxauth';
  return sub ? `wxauth ${command} ${sub}` : `wxauth ${command}`;
}

/** The group's subcommand named on the command line (`jssdk sign …`): the first word after the command that is one. */
function namedSubcommand(argv: readonly string[], at: number): string | undefined {
  return argv[subcommandAt(argv, at)];
}

/** Where namedSubcommand's word is (after the command at `at`), -1 when there is none. */
function subcommandAt(argv: readonly string[], at: number): number {
  const subs = COMMANDS.find((c) => c.name === argv[at])?.subcommands;
  if (!subs || at < 0) return -1;
  const i = argv.slice(at + 1).findIndex((w) => subs.some((s) => s.name === w));
  return i < 0 ? -1 : at + 1 + i;
}

/** The words after `command` that are neither flags nor a flag's value (what commander counts as arguments). */
function operandsOf(argv: readonly string[], at: number): string[] {
  const spec = COMMANDS.find((c) => c.name === argv[at]);
  const takesValue = new Set([...(spec?.options ?? []).filter(([flags]) => flags.includes('<')).map(([flags]) => longFlag(flags)), ...GLOBAL_VALUE_FLAGS]);
  const operands: string[] = [];
  for (let i = at + 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('-')) {
      if (takesValue.has(arg)) i++;
      continue;
    }
    operands.push(arg);
  }
  return operands;
}

/** The long flags the command (and its subcommand) take, and the global ones. */
function flagsOf(command: string, sub: string | undefined): string[] {
  const spec: Declaration | undefined = COMMANDS.find((c) => c.name === command);
  const own: OptionSpec[] = [...(spec?.options ?? []), ...(spec?.subcommands?.find((s) => s.name === sub)?.options ?? [])];
  return [...own.map(([flags]) => longFlag(flags)), ...GLOBAL_OPTIONS.map((o) => longFlag(o.flags))];
}

/** Whether a stream gets colour: a terminal that is not dumb, unless --no-color, --json, NO_COLOR or FORCE_COLOR say otherwise. */
function wantsColor(argv: string[], io: Io, stream: 'stdout' | 'stderr'): boolean {
  if (argv.includes('--no-color') || argv.includes('--json')) return false;
  const { env } = io;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return io[stream].isTTY === true && env.TERM !== 'dumb';
}

export async function runCli(givenArgv: string[], io: Io, version: string): Promise<ExitCode> {
  const argv = pastedNegativeCodes(helpAsFlag(givenArgv));
  const lang = pickLang(argv, io.env, GLOBAL_VALUE_FLAGS);
  const json = argv.includes('--json');
  const out = new Output({ lang, json, color: wantsColor(argv, io, 'stderr'), stdoutColor: wantsColor(argv, io, 'stdout'), stdout: io.stdout, stderr: io.stderr });

  let ctx: Context | undefined;
  let exitCode: ExitCode = EXIT.ok;
  const run: CommandRunner = async (command, input, globals) => {
    checkGlobals(globals);
    // --timeout, --api-base & co. are checked for every command, the offline ones too (`--timeout abc
    // errcode 40029` ran as if the flag were fine), and only when given: errcode never loads the
    // config resolution otherwise (issue 19).
    if (globals.timeout !== undefined || globals.apiBase !== undefined || globals.openBase !== undefined || globals.backupApiBase !== undefined || globals.region !== undefined) {
      // listen and login have a --timeout of their own, in seconds: a too-short global one is said as that one misplaced.
      const ownWait = command.options?.some((o) => o[0].startsWith('--timeout ')) === true ? command.name : undefined;
      (await import('./store/resolve.js')).checkGlobalFlags(globals, ownWait);
    }
    // Loaded here, not at the top: --help and usage errors never build a context (nor load the
    // config resolution it brings).
    const { createContext } = await import('./runtime.js');
    ctx = createContext({
      lang,
      out,
      globals,
      env: io.env,
      // Getters: reading process.stdin builds it (main.ts), and a run that never prompts or reads
      // stdin should not pay for that.
      get interactive() {
        return io.stdin.isTTY === true && io.stderr.isTTY === true && !io.env.CI;
      },
      get signal() {
        return io.signal;
      },
      get stdin() {
        return io.stdin;
      },
      promptOutput: io.promptOutput,
      now: io.now,
    });
    try {
      exitCode = await command.execute(input, ctx);
    } catch (error) {
      // --raw is WeChat's body as it came, error bodies included, whichever command got it: an errcode's
      // JSON, and an answer that was no WeChat JSON (a gateway's 502 page). The error itself is then
      // reported on stderr as usual, with its exit code.
      if (globals.raw === true && error instanceof WechatApiError) out.raw(error.raw);
      else if (globals.raw === true && error instanceof NetworkError && error.raw) out.raw(error.raw);
      throw error;
    }
  };
  const finish = (): ExitCode => {
    if (json && !out.hasEmitted) out.emit({ ok: exitCode === EXIT.ok, ...(out.getDocument() ?? {}) }, 2);
    return exitCode;
  };

  // The usual command line needs no commander (src/argv.ts says when it does).
  const quick = argv.length > 0 ? parseQuickly(argv) : undefined;
  if (quick) {
    try {
      await run(quick.command, quick.input, quick.globals);
      return finish();
    } catch (error) {
      return reportError(error, out, ctx);
    }
  }

  // `wxauth` and `wxauth --help`: the root page, written without loading commander (src/root-help.ts).
  if (isRootHelp(argv)) {
    const { rootHelp } = await import('./root-help.js');
    const page = rootHelp(lang, helpWidth(io.stdout), io.stdout.isTTY === true);
    if (json) out.emit({ ok: true, help: page }, 2);
    else io.stdout.write(page);
    return EXIT.ok;
  }

  const { createProgram, CommanderError } = await import('./program.js');
  let commanderMessage = '';
  // With --json, commander's help and version text become the document instead of loose stdout text.
  let captured = '';
  const program = createProgram(
    lang,
    version,
    run,
    {
      writeOut: (s) => (json ? (captured += s) : io.stdout.write(s)),
      writeErr: (s) => (json ? (captured += s) : io.stderr.write(s)),
      outputError: (s) => {
        commanderMessage = s.replace(/^error:\s*/i, '').trim();
      },
      getOutHelpWidth: () => helpWidth(io.stdout),
      terminal: io.stdout.isTTY === true,
      getErrHelpWidth: () => helpWidth(io.stderr),
      getOutHasColors: () => out.color,
      getErrHasColors: () => out.color,
    },
    namedCommand(argv, GLOBAL_VALUE_FLAGS),
  );

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    return finish();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (json && error.code === 'commander.version') out.emit({ ok: true, version }, 2);
      else if (json && error.code === 'commander.helpDisplayed') out.emit({ ok: true, help: captured }, 2);
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.ok;
      if (error.code === 'commander.help') {
        // No command given (only global flags): commander printed the help on stderr.
        if (!json) return EXIT.usage;
        out.result({ help: captured });
        const group = namedCommand(argv, GLOBAL_VALUE_FLAGS);
        const subcommands = COMMANDS.find((c) => c.name === group)?.subcommands;
        error = subcommands
          ? new UsageError(
              { key: 'common.noSubcommand', params: { command: `wxauth ${group}`, subcommands: subcommands.map((c) => c.name) } },
              { hint: { key: 'common.commander.hint', params: { command: `wxauth ${group}` } } },
            )
          : new UsageError({ key: 'common.noCommand' }, { hint: { key: 'common.noCommand.hint' } });
        return reportError(error, out, ctx);
      }
      const at = commandAt(argv, GLOBAL_VALUE_FLAGS);
      const named = argv[at] ?? '';
      // proxy and emulator speak JSON Lines under --json: a mistake on their command line is their error line too.
      if (COMMANDS.find((c) => c.name === named)?.jsonLines) out.streamLines();
      // An unknown command (`wxauth urll`) is sent to the root help; a group's unknown subcommand (`wxauth jssdk singn`) to the group's.
      let message = commanderMessageRef(error.code, commanderMessage || error.message, lang);
      const sub = namedSubcommand(argv, at);
      let usageHint: MessageRef = { key: 'common.commander.hint', params: { command: helpFor(named, sub) } };
      let synonym = synonymSuggested(message, named);
      if (synonym === undefined) synonym = prefixSuggested(message, flagsOf(named, sub));
      if (profileAddAsked(message, named)) usageHint = { key: 'profile.add.hint' };
      // Only when no name follows (`profile remove --force x` names x: the unknown option is just that).
      const dashName = operandsOf(argv, at).length <= 1 ? profileDashName(message, named, sub) : undefined;
      if (dashName !== undefined) usageHint = { key: 'profile.dashName.hint', params: { name: dashName, command: `wxauth profile ${sub} -- ${dashName}` } };
      // `wxauth proxy http://127.0.0.1:3900`: the address is the upstream, given by its flag.
      const operand = message.key === 'common.commander.excessArguments' && named === 'proxy' ? operandsOf(argv, at)[0] : undefined;
      if (operand !== undefined && /^(https?:\/\/|[\w.-]+:\d+(\/|$))/i.test(operand)) {
        usageHint = { key: 'proxy.upstreamPositional.hint', params: { url: /^https?:\/\//i.test(operand) ? operand : `http://${operand}` } };
      }
      // `wxauth jssdk sign --url https://…`: verify's flag; sign takes the page URL as its argument.
      const signUrl = signUrlFlag(message, named, sub, argv);
      if (signUrl !== undefined) {
        usageHint = await signUrlHint(argv, subcommandAt(argv, at), signUrl);
        // `--url=https://…?code=…` is named as --url: the hint shows the URL, masked as a trace shows it.
        message = { key: 'common.commander.unknownOption', params: { option: '--url' } };
      }
      // `wxauth sign URL`: the JS-SDK's words live under jssdk; the line meant, the user's words kept.
      // Before commander's own guess by spelling (`ticket`: "Did you mean token?").
      const moved = await jssdkMovedHint(message, argv, at);
      if (moved) {
        usageHint = moved.hint;
        synonym = moved.message;
      }
      if (synonym) message = synonym;
      error = new UsageError(message, { hint: usageHint });
    }
    return reportError(error, out, ctx);
  }
}

/** Words other CLIs use for a group's subcommands (`profile rm`, `config ls`), which commander's spelling match does not find. */
const SUBCOMMAND_SYNONYMS: Record<string, Record<string, string>> = {
  profile: { rm: 'remove', delete: 'remove', del: 'remove', switch: 'use', select: 'use', ls: 'list', mv: 'rename', move: 'rename' },
  config: { rm: 'unset', delete: 'unset', del: 'unset', show: 'list', ls: 'list' },
};

/** Commands another group holds, asked for at the top (`wxauth sign URL`, as a JS-SDK user remembers it). */
const MOVED_COMMANDS: Record<string, string> = { sign: 'jssdk sign', verify: 'jssdk verify', ticket: 'jssdk ticket' };

/** Flags a command does not take, for the global one meant (`config get secret --show`). */
const OPTION_SYNONYMS: Record<string, string> = { '--show': '--show-secrets', '--secrets': '--show-secrets' };

/** An unknown subcommand commander had no suggestion for, when it is another CLI's word for one of ours. */
function synonymSuggested(ref: MessageRef, group: string): MessageRef | undefined {
  if (ref.key === 'common.commander.unknownOption') {
    const option = String(ref.params?.option ?? '');
    const ours = OPTION_SYNONYMS[option];
    return ours ? { key: 'common.commander.unknownOption.suggest', params: { option, suggestion: ours } } : undefined;
  }
  if (ref.key !== 'common.commander.unknownCommand') return undefined;
  const command = String(ref.params?.command ?? '');
  const ours = SUBCOMMAND_SYNONYMS[group]?.[command.toLowerCase()];
  return ours ? { key: 'common.commander.unknownCommand.suggest', params: { command, suggestion: ours } } : undefined;
}

/** `--sig` for `--signature`: an unknown option that begins exactly one of the command's (commander matches by spelling only). */
function prefixSuggested(ref: MessageRef, flags: string[]): MessageRef | undefined {
  if (ref.key !== 'common.commander.unknownOption') return undefined;
  const option = String(ref.params?.option ?? '');
  if (!option.startsWith('--') || option.length < 4) return undefined;
  const matches = [...new Set(flags.filter((f) => f.startsWith(option)))];
  return matches.length === 1 ? { key: 'common.commander.unknownOption.suggest', params: { option, suggestion: matches[0]! } } : undefined;
}

/**
 * `jssdk sign --url <page-url>` (or `--url=<page-url>`), as `jssdk verify` takes it: the URL given, '' when
 * none follows; undefined for any other mistake.
 */
function signUrlFlag(ref: MessageRef, group: string, sub: string | undefined, argv: readonly string[]): string | undefined {
  if (group !== 'jssdk' || sub !== 'sign' || ref.key !== 'common.commander.unknownOption') return undefined;
  const option = String(ref.params?.option ?? '');
  if (option.startsWith('--url=')) return option.slice('--url='.length);
  if (option !== '--url') return undefined;
  const value = argv[argv.indexOf(option) + 1];
  return value === undefined || value.startsWith('-') ? '' : value;
}

/** Flags whose value is a URL: shown as the traces show one, a password and a secret parameter masked. */
const URL_VALUE_FLAGS = new Set(['--url', '--api-base', '--open-base', '--backup-api-base', '--landing-url']);

/**
 * The command `jssdk sign --url <page-url> …` meant: the same words, every other flag kept where it was
 * (`--profile p`, `--exact-url`), the URL as sign's argument. Nothing secret is repeated: the URL as a
 * trace shows it (`?code=061e***`, a password as ***), a --ticket as "$JSAPI_TICKET". With no URL given,
 * a placeholder in the user's language (its own message).
 */
async function signUrlHint(argv: readonly string[], sign: number, url: string): Promise<MessageRef> {
  const [{ shellQuote, shellWord }, { hideUrlCredentials, redactUrl }] = await Promise.all([import('./core/shell.js'), import('./core/secrets.js')]);
  const shown = (value: string) => hideUrlCredentials(redactUrl(value));
  const word = (flag: string | undefined, value: string) =>
    flag === '--ticket' && value !== '-' ? '"$JSAPI_TICKET"' : flag !== undefined && URL_VALUE_FLAGS.has(flag) ? shellWord(shown(value)) : shellWord(value);
  const words = (from: number, to: number): string[] => {
    const out: string[] = [];
    for (let i = from; i < to; i++) {
      const arg = argv[i] ?? '';
      const eq = /^(--[\w-]+)=([\s\S]*)$/.exec(arg);
      if (arg === '--url' || eq?.[1] === '--url') {
        // Its value, when one follows, is the URL moved to sign's argument.
        if (eq === null && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) i++;
        continue;
      }
      out.push(eq !== null ? `${eq[1]}=${word(eq[1], eq[2]!)}` : word(argv[i - 1]?.startsWith('-') ? argv[i - 1] : undefined, arg));
    }
    return out;
  };
  const head = ['wxauth', ...words(0, sign + 1)].join(' ');
  const tail = words(sign + 1, argv.length).map((w) => ` ${w}`).join('');
  if (url === '') return { key: 'jssdk.sign.urlFlag.noUrl.hint', params: { command: head, rest: tail } };
  return { key: 'jssdk.sign.urlFlag.hint', params: { command: `${head} ${shellQuote(shown(url))}${tail}` } };
}

/**
 * `wxauth sign https://…` → `wxauth jssdk sign https://…`: the same words with jssdk before the command,
 * nothing secret repeated (a URL as a trace shows it, a --ticket as "$JSAPI_TICKET").
 */
async function jssdkMovedHint(ref: MessageRef, argv: readonly string[], at: number): Promise<{ message: MessageRef; hint: MessageRef } | undefined> {
  const command = argv[at] ?? '';
  const moved = MOVED_COMMANDS[command.toLowerCase()];
  if (moved === undefined || (ref.key !== 'common.commander.unknownCommand' && ref.key !== 'common.commander.unknownCommand.suggest')) return undefined;
  const [{ shellWord }, { hideUrlCredentials, redactUrl }] = await Promise.all([import('./core/shell.js'), import('./core/secrets.js')]);
  const words = argv.map((arg, i) => {
    if (i === at) return moved;
    const eq = /^(--[\w-]+)=([\s\S]*)$/.exec(arg);
    const flag = eq?.[1] ?? argv[i - 1];
    const value = eq?.[2] ?? arg;
    const shown = flag === '--ticket' && value !== '-' ? '"$JSAPI_TICKET"' : /^https?:\/\//i.test(value) ? shellWord(hideUrlCredentials(redactUrl(value))) : shellWord(value);
    return eq ? `${eq[1]}=${shown}` : shown;
  });
  return {
    message: { key: 'common.commander.unknownCommand.suggest', params: { command, suggestion: moved } },
    hint: { key: 'jssdk.moved.hint', params: { command: ['wxauth', ...words].join(' ') } },
  };
}

/** `wxauth profile add|create|new`: profiles are made by init. */
function profileAddAsked(ref: MessageRef, group: string): boolean {
  return group === 'profile' && ref.key === 'common.commander.unknownCommand' && ['add', 'create', 'new'].includes(String(ref.params?.command ?? '').toLowerCase());
}

/**
 * `wxauth profile use -x`: a profile saved under "-x" before such names were refused (store/config.ts
 * refuseDashName) is read by commander as an unknown option; `--` before it reaches it. The name, when
 * the unknown option could be one (letters, digits, - and _).
 */
function profileDashName(ref: MessageRef, group: string, sub: string | undefined): string | undefined {
  if (group !== 'profile' || (sub !== 'use' && sub !== 'remove') || ref.key !== 'common.commander.unknownOption') return undefined;
  const option = String(ref.params?.option ?? '');
  return /^-[A-Za-z0-9_-]{1,63}$/.test(option) ? option : undefined;
}

/** How wide help is wrapped on `stream`: a terminal's width, else 80 (commander's own default). */
function helpWidth(stream: Writable): number {
  return (stream.isTTY ? stream.columns : undefined) ?? 80;
}

/** No command, only -h/--help and flags that change how the page is shown (--lang zh|en, --json, --no-color). */
function isRootHelp(argv: readonly string[]): boolean {
  let help = argv.length === 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--lang' && uiLang(argv[i + 1]) !== undefined) i++;
    else if (arg !== '--json' && arg !== '--no-color' && !(arg.startsWith('--lang=') && uiLang(arg.slice(7)) !== undefined)) return false;
  }
  return help;
}

/**
 * commander's usage errors in the user's language. commander words them in English only; its error
 * codes say which one it is and its message carries the names, so each known code is re-worded from
 * the catalogue. An unknown code keeps commander's text.
 */
function commanderMessageRef(code: string, text: string, lang: Lang): MessageRef {
  // "(Did you mean --scope?)" / "(Did you mean one of a, b?)"
  const suggested = /\(Did you mean (?:one of )?(.+)\?\)/.exec(text)?.[1];
  const suggestion = suggested && (lang === 'zh' ? suggested.split(', ').join(' 或 ') : /one of /.test(text) ? `one of ${suggested}` : suggested);
  const quoted = /'([^']+)'/.exec(text)?.[1];
  switch (code) {
    case 'commander.unknownOption':
      if (quoted && suggestion) return { key: 'common.commander.unknownOption.suggest', params: { option: quoted, suggestion } };
      if (quoted) return { key: 'common.commander.unknownOption', params: { option: quoted } };
      break;
    case 'commander.unknownCommand':
      if (quoted && suggestion) return { key: 'common.commander.unknownCommand.suggest', params: { command: quoted, suggestion } };
      if (quoted) return { key: 'common.commander.unknownCommand', params: { command: quoted } };
      break;
    case 'commander.missingArgument':
      if (quoted) return { key: 'common.commander.missingArgument', params: { name: quoted, label: tOptional(lang, `common.arg.${quoted}`) ?? quoted } };
      break;
    case 'commander.optionMissingArgument':
      if (quoted) return { key: 'common.commander.optionMissingArgument', params: { option: quoted } };
      break;
    case 'commander.excessArguments': {
      const m = /too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)/.exec(text);
      if (m) return { key: 'common.commander.excessArguments', params: { command: m[1] ?? 'wxauth', expected: m[2] ?? '', received: m[3] ?? '' } };
      break;
    }
  }
  return { key: 'common.commander', params: { detail: text } };
}

function checkGlobals(g: GlobalOptions): void {
  if (g.lang !== undefined && uiLang(String(g.lang)) === undefined) {
    throw new UsageError({ key: 'common.lang.invalid', params: { value: String(g.lang) } }, { hint: { key: 'common.lang.invalid.hint' } });
  }
  if (g.json && g.raw) throw new UsageError({ key: 'common.jsonRaw' }, { hint: { key: 'common.jsonRaw.hint' } });
}

async function reportError(error: unknown, out: Output, ctx: Context | undefined): Promise<ExitCode> {
  const { presentError, presentInternal } = await import('./ui/present/error.js');
  if (!isWxauthError(error)) {
    presentInternal(out, error, ctx?.globals.verbose === true);
    return EXIT.internal;
  }
  if (!(error instanceof WechatApiError)) {
    presentError(out, error);
    return error.exitCode;
  }
  presentError(out, error, { explanation: await explain(error, ctx), source: await credentialSource(error, out.lang, ctx) });
  return error.exitCode;
}

/** The errcode knowledge base, loaded only when WeChat said no. */
async function explain(error: WechatApiError, ctx: Context | undefined) {
  try {
    const [{ explainErrcode }, { profileFlag }] = await Promise.all([import('./core/errcodes.js'), import('./core/validate.js')]);
    // errmsg carries the caller's IP (40164) and the rid; a qyapi base means WeCom's table applies.
    // The profile: the commands its fixes offer (wxauth quota …) name it.
    const config = ctx ? await ctx.resolveConfig().catch(() => undefined) : undefined;
    return explainErrcode(error.errcode, {
      endpoint: error.endpoint,
      errmsg: error.errmsg,
      ...(config ? { apiBase: config.apiBase, profileFlag: profileFlag(config.profile) } : {}),
      now: ctx?.now(),
    });
  } catch {
    return undefined;
  }
}

/** For credential errors, which profile/env var supplied the value WeChat rejected (core's next-step table). */
async function credentialSource(error: WechatApiError, lang: Lang, ctx: Context | undefined): Promise<string | undefined> {
  if (!ctx) return undefined;
  try {
    const { nextStep } = await import('./core/next-step.js');
    const config = await ctx.resolveConfig();
    const ref = nextStep(error.errcode, { use: 'credentials', profile: config.profile, appid: config.appid, sources: config.sources, envOverProfile: config.envOverProfile, endpoint: error.endpoint });
    return ref && tr(lang, ref);
  } catch {
    // The explanation is best-effort; the error itself is reported.
    return undefined;
  }
}

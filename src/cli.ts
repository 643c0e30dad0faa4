// Every command, declared once. Each entry names its module with a literal loader, so the compiler
// sees every command: a declared command without a module, or a module whose parseOptions() does not
// produce what its run() takes, or a presenter that does not take what run() returns, fails `tsc`.
// Modules load lazily, so `wxauth --help` and offline commands never load undici, prompts or
// qrcode-terminal. `wxauth completion` and main's pre-parse read the same tables.
import { Command, Help, Option } from 'commander';
import { EXIT, type ExitCode } from './errors.js';
import type { Context } from './context.js';
import type { GlobalOptions } from './store/resolve.js';
import type { Output } from './ui/output.js';
import type { Lang } from './ui/i18n.js';
import { t, tOptional } from './ui/i18n.js';

/** What commander hands a command: its positionals, its own options (globals are in ctx) and the subcommand. */
export interface CommandInput {
  args: string[];
  opts: Record<string, unknown>;
  /** For commands with subcommands (config set, profile use…): which one. */
  sub?: string;
}

/** What a command returns: a typed result for its presenter. A result with `exitCode` (1 when a check
 * found problems) sets the exit code; otherwise a returned result means 0. */
export type CommandResult = object | void;

function exitCodeOf(result: CommandResult): ExitCode {
  if (typeof result === 'object' && result !== null && 'exitCode' in result && typeof result.exitCode === 'number') return result.exitCode as ExitCode;
  return EXIT.ok;
}

/** A command module: flags in, typed options out; options in, typed result out. No printing. */
export interface CommandModule<O, R extends CommandResult> {
  parseOptions(input: CommandInput): O;
  run(options: O, ctx: Context): Promise<R>;
}

/** ui/present/<command>.ts: renders a result as human text and as the --json document. */
export interface PresenterModule<R> {
  present(result: R, out: Output): void | Promise<void>;
}

/** [flags, catalogue key suffix, default?] */
export type OptionSpec = [string, string] | [string, string, string | boolean];

export interface SubcommandSpec {
  name: string;
  args?: string;
  options?: OptionSpec[];
}

interface Declaration {
  name: string;
  /** commander argument syntax, e.g. '<code>' or '[inputs...]' */
  args?: string;
  options?: OptionSpec[];
  subcommands?: SubcommandSpec[];
}

export interface CommandSpec<O, R extends CommandResult> extends Declaration {
  load(): Promise<CommandModule<O, R>>;
  present?(): Promise<PresenterModule<R>>;
}

/** A declared command, its types checked and erased: what commander, completion and main see. */
export interface RegisteredCommand extends Declaration {
  execute(input: CommandInput, ctx: Context): Promise<ExitCode>;
}

function command<O, R extends CommandResult>(spec: CommandSpec<O, R>): RegisteredCommand {
  const { load, present, ...declaration } = spec;
  return {
    ...declaration,
    async execute(input, ctx) {
      const mod = await load();
      const result = await mod.run(mod.parseOptions(input), ctx);
      if (present) await (await present()).present(result, ctx.out);
      return exitCodeOf(result);
    },
  };
}

interface GlobalOptionSpec {
  flags: string;
  /** commander's attribute name, which is also the GlobalOptions field. */
  key: keyof GlobalOptions;
  /** cli.global.<help> is its description. */
  help: string;
}

/** Options accepted by every command, before or after the subcommand name. */
export const GLOBAL_OPTIONS = [
  { flags: '--profile <name>', key: 'profile', help: 'profile' },
  { flags: '--json', key: 'json', help: 'json' },
  { flags: '--lang <zh|en>', key: 'lang', help: 'lang' },
  { flags: '-v, --verbose', key: 'verbose', help: 'verbose' },
  { flags: '--show-secrets', key: 'showSecrets', help: 'showSecrets' },
  { flags: '--api-base <url>', key: 'apiBase', help: 'apiBase' },
  { flags: '--open-base <url>', key: 'openBase', help: 'openBase' },
  { flags: '--backup-api-base <url>', key: 'backupApiBase', help: 'backupApiBase' },
  { flags: '--region <region>', key: 'region', help: 'region' },
  { flags: '--timeout <ms>', key: 'timeout', help: 'timeout' },
  { flags: '--no-color', key: 'color', help: 'noColor' },
  { flags: '--curl', key: 'curl', help: 'curl' },
  { flags: '--raw', key: 'raw', help: 'raw' },
] as const satisfies readonly GlobalOptionSpec[];

// Every GlobalOptions field has a flag above (and only those): a field added on one side fails here.
type DeclaredGlobal = (typeof GLOBAL_OPTIONS)[number]['key'];
const everyGlobalDeclared: Exclude<keyof GlobalOptions, DeclaredGlobal> extends never ? true : never = true;
void everyGlobalDeclared;

export const GLOBAL_KEYS: readonly DeclaredGlobal[] = GLOBAL_OPTIONS.map((o) => o.key);

/** The long flag of an option's flags string: '-v, --verbose' → '--verbose'. */
export function longFlag(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}

/** Global flags that take a value (main's pre-parse skips their value when looking for the command). */
export const GLOBAL_VALUE_FLAGS: ReadonlySet<string> = new Set(GLOBAL_OPTIONS.filter((o) => o.flags.includes('<')).map((o) => longFlag(o.flags)));

/**
 * The hidden copies every command carries are made once per language and shared: commander never
 * changes an Option it is given, and building 13 of them for each command was most of commander's
 * share of a start (issue 19).
 */
const hiddenGlobals = new Map<Lang, Option[]>();

function globalOptions(lang: Lang, hidden: boolean): Option[] {
  const shared = hidden ? hiddenGlobals.get(lang) : undefined;
  if (shared) return shared;
  const options = GLOBAL_OPTIONS.map((spec) => {
    const option = new Option(spec.flags, t(lang, `cli.global.${spec.help}`));
    if (hidden) option.hideHelp();
    return option;
  });
  if (hidden) hiddenGlobals.set(lang, options);
  return options;
}

/** The command table. Also read by `wxauth completion`. */
export const COMMANDS: readonly RegisteredCommand[] = [
  command({
    name: 'init',
    load: () => import('./commands/init.js'),
    present: () => import('./ui/present/init.js'),
    options: [
      ['--type <type>', 'type'],
      ['--appid <appid>', 'appid'],
      ['--secret <secret>', 'secret'],
      ['--domain <host[:port]>', 'domain'],
      ['--redirect-uri <url>', 'redirectUri'],
      ['-y, --yes', 'yes'],
    ],
  }),
  command({
    name: 'config',
    load: () => import('./commands/config.js'),
    present: () => import('./ui/present/config.js'),
    subcommands: [
      { name: 'set', args: '<key> <value>', options: [['-y, --yes', 'yes']] },
      { name: 'get', args: '<key>' },
      { name: 'unset', args: '<key>' },
      { name: 'list' },
      { name: 'path' },
    ],
  }),
  command({
    name: 'profile',
    load: () => import('./commands/profile.js'),
    present: () => import('./ui/present/profile.js'),
    subcommands: [{ name: 'list' }, { name: 'use', args: '<name>' }, { name: 'remove', args: '<name>', options: [['-y, --yes', 'yes']] }],
  }),
  command({ name: 'completion', args: '<shell>', load: () => import('./commands/completion.js'), present: () => import('./ui/present/completion.js') }),
  command({
    name: 'url',
    load: () => import('./commands/url.js'),
    present: () => import('./ui/present/url.js'),
    options: [
      ['--scope <scope>', 'scope'],
      ['--redirect-uri <url>', 'redirectUri'],
      ['--state <state>', 'state'],
      ['--authorize', 'authorize'],
      ['--qrconnect', 'qrconnect'],
      ['--force-popup', 'forcePopup'],
      ['--lang <cn|en>', 'lang'],
      ['--qr', 'qr'],
      ['--no-qr', 'noQr'],
      ['--open', 'open'],
      ['--embed', 'embed'],
      ['--force', 'force'],
    ],
  }),
  command({ name: 'inspect', args: '<url>', load: () => import('./commands/inspect.js'), present: () => import('./ui/present/inspect.js') }),
  command({
    name: 'exchange',
    args: '<code-or-callback-url>',
    options: [['--state <state>', 'state'], ['--no-save', 'noSave']],
    load: () => import('./commands/exchange.js'),
    present: () => import('./ui/present/exchange.js'),
  }),
  command({
    name: 'refresh',
    args: '[refresh_token]',
    options: [['--openid <openid>', 'openid']],
    load: () => import('./commands/refresh.js'),
    present: () => import('./ui/present/refresh.js'),
  }),
  command({
    name: 'check',
    args: '[access_token] [openid]',
    options: [['--openid <openid>', 'openid']],
    load: () => import('./commands/check.js'),
    present: () => import('./ui/present/check.js'),
  }),
  command({
    name: 'userinfo',
    load: () => import('./commands/userinfo.js'),
    present: () => import('./ui/present/userinfo.js'),
    args: '[access_token] [openid]',
    options: [
      ['--openid <openid>', 'openid'],
      ['--lang <zh_CN|zh_TW|en>', 'lang'],
      ['--no-refresh', 'noRefresh'],
    ],
  }),
  command({
    name: 'tokens',
    args: '[action] [openid]',
    options: [['-y, --yes', 'yes']],
    load: () => import('./commands/tokens.js'),
    present: () => import('./ui/present/tokens.js'),
  }),
  command({
    name: 'errcode',
    load: () => import('./commands/errcode.js'),
    present: () => import('./ui/present/errcode.js'),
    args: '[inputs...]',
    options: [
      ['--list', 'list'],
      ['--stage <stage>', 'stage'],
      ['--wecom', 'wecom'],
      ['--endpoint <path>', 'endpoint'],
    ],
  }),
  command({
    name: 'token',
    load: () => import('./commands/token.js'),
    present: () => import('./ui/present/token.js'),
    options: [
      ['--legacy', 'legacy'],
      ['--force-refresh', 'forceRefresh'],
      ['--show', 'show'],
      ['-y, --yes', 'yes'],
    ],
  }),
  command({
    name: 'user',
    args: '<openid>',
    options: [['--lang <zh_CN|zh_TW|en>', 'lang']],
    load: () => import('./commands/user.js'),
    present: () => import('./ui/present/user.js'),
  }),
  command({
    name: 'quota',
    args: '<cgi-path>',
    options: [['--clear', 'clear'], ['-y, --yes', 'yes']],
    load: () => import('./commands/quota.js'),
    present: () => import('./ui/present/quota.js'),
  }),
  command({ name: 'rid', args: '<rid>', load: () => import('./commands/rid.js'), present: () => import('./ui/present/rid.js') }),
  command({ name: 'domains', load: () => import('./commands/domains.js'), present: () => import('./ui/present/domains.js') }),
  command({
    name: 'listen',
    load: () => import('./commands/listen.js'),
    present: () => import('./ui/present/listen.js'),
    options: [
      ['--port <port>', 'port'],
      ['--host <host>', 'host'],
      ['--path <path>', 'path'],
      ['--timeout <seconds>', 'listenTimeout'],
      ['--state <state>', 'state'],
      ['--exchange', 'exchange'],
      ['--relay-snippet', 'relaySnippet'],
      ['--paste', 'paste'],
    ],
  }),
  command({
    name: 'login',
    load: () => import('./commands/login.js'),
    present: () => import('./ui/present/login.js'),
    options: [
      ['--scope <scope>', 'scope'],
      ['--authorize', 'authorize'],
      ['--qrconnect', 'qrconnect'],
      ['--no-open', 'noOpen'],
      ['--port <port>', 'port'],
      ['--host <host>', 'host'],
      ['--timeout <seconds>', 'listenTimeout'],
    ],
  }),
  command({ name: 'probe', args: '<start-url>', options: [['--emulator <url>', 'emulator'], ['--only <ids>', 'only'], ['--skip <ids>', 'skip'], ['--return-param <name>', 'returnParam'], ['--reload-delay <ms>', 'reloadDelay'], ['--html <file>', 'html']], load: () => import('./commands/probe.js'), present: () => import('./ui/present/probe.js') }),
  command({ name: 'demo', load: () => import('./commands/demo.js'), present: () => import('./ui/present/demo.js') }),
  command({
    name: 'doctor',
    options: [['--verify-file <MP_verify_xxx.txt|path>', 'verifyFile'], ['--connect-to <HOST:PORT:ADDR:PORT2>', 'connectTo']],
    load: () => import('./commands/doctor.js'),
    present: () => import('./ui/present/doctor.js'),
  }),
  command({
    name: 'jssdk',
    load: () => import('./commands/jssdk.js'),
    present: () => import('./ui/present/jssdk.js'),
    subcommands: [
      { name: 'ticket', options: [['--show', 'show']] },
      { name: 'sign', args: '<page-url>', options: [['--ticket <ticket>', 'ticket'], ['--timestamp <seconds>', 'timestamp'], ['--nonce <nonceStr>', 'nonce'], ['--api <list>', 'api']] },
      {
        name: 'verify',
        args: '[wx-config...]',
        options: [
          ['--url <page-url>', 'url'],
          ['--signature <sha1>', 'signature'],
          ['--timestamp <seconds>', 'timestamp'],
          ['--nonce <nonceStr>', 'nonce'],
          ['--ticket <ticket>', 'ticket'],
          ['--landing-url <url>', 'landingUrl'],
        ],
      },
    ],
  }),
  command({ name: 'proxy', options: [['--port <port>', 'port'], ['--host <host>', 'host'], ['--upstream <url>', 'upstream'], ['--har <file>', 'har'], ['--quota <path=n,...>', 'quota'], ['--intercept', 'intercept'], ['--print-ca', 'printCa'], ['--allow-host <name>', 'allowHost']], load: () => import('./commands/proxy.js'), present: () => import('./ui/present/proxy.js') }),
  command({
    name: 'emulator',
    load: () => import('./commands/emulator.js'),
    present: () => import('./ui/present/emulator.js'),
    options: [
      ['--port <port>', 'port'],
      ['--host <host>', 'host'],
      ['--seed <file>', 'seed'],
      ['--content-type <json|text>', 'contentType'],
      ['--rid-style <rid|hints|none>', 'ridStyle'],
      ['--fault <spec>', 'fault'],
      ['--expired-code-errcode <40029|42003>', 'expiredCodeErrcode'],
      ['--domain <appid=host[:port],...>', 'domain'],
      ['--caller-ip <ip>', 'callerIp'],
      ['--deny-behaviour <redirect-state-only|no-redirect>', 'denyBehaviour'],
      ['--unknown-path <40066|404>', 'unknownPath'],
      ['--no-param-order-check', 'paramOrderCheck'],
      ['--set <name=value,...>', 'set'],
      ['--open', 'open'],
    ],
  }),
];


function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export type CommandRunner = (command: RegisteredCommand, input: CommandInput, globals: GlobalOptions) => Promise<void>;

function declare(parent: Command, spec: Declaration, lang: Lang, path: string[], onAction: (input: CommandInput, globals: GlobalOptions) => Promise<void>): void {
  const name = [...path, spec.name].join('.');
  const cmd = parent.command(spec.name + (spec.args ? ` ${spec.args}` : ''));
  cmd.description(tOptional(lang, `cli.${name}.desc`) ?? '');
  for (const [flags, key, def] of spec.options ?? []) {
    const option = new Option(flags, tOptional(lang, `cli.${name}.opt.${key}`) ?? '');
    if (def !== undefined) option.default(def);
    if (flags === '--fault <spec>' || flags.startsWith('--connect-to ') || flags.startsWith('--allow-host ')) option.argParser(collect);
    cmd.addOption(option);
  }
  // A command may give a global flag its own meaning (url --lang cn|en is WeChat's page language,
  // listen --timeout is in seconds); there the global one is only accepted before the command name.
  const own = new Set((spec.options ?? []).map(([flags]) => longFlag(flags)));
  const overridden = new Set<string>();
  for (const option of globalOptions(lang, true)) {
    if (option.long && own.has(option.long)) {
      overridden.add(option.attributeName());
      continue;
    }
    cmd.addOption(option);
  }
  const examples = tOptional(lang, `cli.${name}.examples`);
  if (examples !== undefined) {
    cmd.addHelpText('after', `\n${t(lang, 'cli.examples')}\n${examples.replace(/^/gm, '  ')}\n\n${t(lang, 'cli.globalsNote')}`);
  }
  if (spec.subcommands) {
    for (const sub of spec.subcommands) {
      declare(cmd, sub, lang, [...path, spec.name], (input, globals) => onAction({ ...input, sub: sub.name }, globals));
    }
    return;
  }
  cmd.action(async (...received: unknown[]) => {
    const command = received[received.length - 1] as Command;
    const opts = command.opts();
    const args = (received.slice(0, -2) as Array<string | string[] | undefined>)
      .flatMap((a) => (a === undefined ? [] : Array.isArray(a) ? a : [a]));
    const globals: Record<string, unknown> = {};
    const programOpts = command.optsWithGlobals();
    let root: Command = command;
    while (root.parent) root = root.parent;
    for (const key of GLOBAL_KEYS) {
      const value = overridden.has(key) ? root.opts()[key] : programOpts[key];
      if (value !== undefined) globals[key] = value;
    }
    const ownOpts: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(opts)) {
      if (!(GLOBAL_KEYS as readonly string[]).includes(key) || overridden.has(key)) ownOpts[key] = value;
    }
    await onAction({ args, opts: ownOpts }, globals as GlobalOptions);
  });
}

export interface ProgramOutput {
  writeOut(str: string): void;
  writeErr(str: string): void;
  outputError(str: string, write: (str: string) => void): void;
}

/** commander's help titles ('Usage:', 'Options:'…) in the user's language; subcommands inherit it. */
function localHelp(lang: Lang): Partial<Help> {
  const titles: Record<string, string> = {
    'Usage:': t(lang, 'cli.help.usage'),
    'Options:': t(lang, 'cli.help.options'),
    'Commands:': t(lang, 'cli.help.commands'),
    'Arguments:': t(lang, 'cli.help.arguments'),
    'Global Options:': t(lang, 'cli.help.globalOptions'),
  };
  return {
    styleTitle: (title: string) => titles[title] ?? title,
    // Each of our commands takes options (the global ones at least), also one declared only by name
    // below (createProgram); commander's own `help` takes none.
    subcommandTerm: (cmd: Command) =>
      [
        cmd.name(),
        ...(cmd.options.length > 0 || COMMANDS.some((c) => c.name === cmd.name()) ? ['[options]'] : []),
        ...cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`)),
      ].join(' '),
    // commander puts a space after the usage title; a full-width colon already carries its own.
    formatHelp(cmd: Command, helper: Help): string {
      return Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^(\S*：) /, '$1');
    },
  };
}

/**
 * `named` is the command this run names (app.ts finds it before parsing; '' for none). Only that one is
 * declared with its options, subcommands and help; the others get their name, arguments and
 * description, which is all the root help, `help` and "did you mean" read. Declaring every command's
 * options was the larger part of a start (issue 19). Without `named`, every command is declared in full.
 */
export function createProgram(lang: Lang, version: string, run: CommandRunner, output: ProgramOutput, named?: string): Command {
  const program = new Command('wxauth');
  program
    .configureOutput(output)
    .configureHelp(localHelp(lang))
    .description(t(lang, 'cli.program.desc'))
    .version(version, '--version', t(lang, 'cli.global.version'))
    .helpOption('-h, --help', t(lang, 'cli.global.help'))
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const option of globalOptions(lang, false)) program.addOption(option);
  program.addHelpText('after', `\n${t(lang, 'cli.examples')}\n${t(lang, 'cli.program.examples').replace(/^/gm, '  ')}\n\n${t(lang, 'cli.exitCodes')}`);
  program.helpCommand('help [command]', t(lang, 'cli.help.command'));
  for (const spec of COMMANDS) {
    if (named === undefined || named === spec.name) declare(program, spec, lang, [], (input, globals) => run(spec, input, globals));
    else program.command(spec.name + (spec.args ? ` ${spec.args}` : '')).description(tOptional(lang, `cli.${spec.name}.desc`) ?? '');
  }
  return program;
}

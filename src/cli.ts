// Every command, declared once. Each entry names its module with a literal loader, so the compiler
// sees every command: a declared command without a module, or a module whose parseOptions() does not
// produce what its run() takes, or a presenter that does not take what run() returns, fails `tsc`.
// Modules load lazily, so `wxauth --help` and offline commands never load undici, prompts or
// qrcode-terminal. commander (src/program.ts), the quick parser (src/argv.ts), `wxauth completion`
// and app's pre-parse all read these tables; this file loads neither commander nor the catalogue.
import { EXIT, type ExitCode } from './errors.js';
import type { Context } from './context.js';
import type { GlobalOptions } from './store/resolve.js';
import type { Output } from './ui/output.js';

/** What commander hands a command: its positionals, its own options (globals are in ctx) and the subcommand. */
export interface CommandInput {
  args: string[];
  opts: Record<string, unknown>;
  /** For commands with subcommands (config set, profile use…): which one. */
  sub?: string;
  /**
   * The --profile the user gave, if any: a refusal made while parsing names its follow-up command with
   * it (`wxauth --profile work quota …`, core/validate.ts profileFlag), as the refusals made later do.
   */
  profile?: string;
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

/** [flags, catalogue key suffix, default?]; a repeatable option is declared with repeatable(). */
export type OptionSpec = [string, string] | [string, string, string | boolean] | [string, string, undefined, 'repeatable'];

/** An option whose every use adds a value (`--fault a --fault b`); the others keep their last value. */
function repeatable(flags: string, key: string): OptionSpec {
  return [flags, key, undefined, 'repeatable'];
}

export interface SubcommandSpec {
  name: string;
  args?: string;
  options?: OptionSpec[];
}

export interface Declaration {
  name: string;
  /** commander argument syntax, e.g. '<code>' or '[inputs...]' */
  args?: string;
  options?: OptionSpec[];
  subcommands?: SubcommandSpec[];
  /** --json prints JSON Lines on stdout (one `{"type":…}` object per line), a failure included. */
  jsonLines?: boolean;
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
      // Before the flags are checked: a bad --port is a failure in the command's own framing.
      if (declaration.jsonLines) ctx.out.streamLines();
      const mod = await load();
      let result: R;
      try {
        result = await mod.run(mod.parseOptions({ ...input, profile: ctx.globals.profile }), ctx);
      } finally {
        // After the command's writes (a file they made 0600 is not to be chmod-ed), before its output or error.
        ctx.sayHeldWarnings();
      }
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

/** Whether an option was declared with repeatable(). */
export function isRepeatable(option: OptionSpec): boolean {
  return option[3] === 'repeatable';
}

/** Global flags that take a value (main's pre-parse skips their value when looking for the command). */
export const GLOBAL_VALUE_FLAGS: ReadonlySet<string> = new Set(GLOBAL_OPTIONS.filter((o) => o.flags.includes('<')).map((o) => longFlag(o.flags)));

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
      { name: 'set', args: '<key> <value> [more...]', options: [['-y, --yes', 'yes']] },
      { name: 'get', args: '<key>' },
      { name: 'unset', args: '<key> [more...]' },
      { name: 'list' },
      { name: 'path' },
    ],
  }),
  command({
    name: 'profile',
    load: () => import('./commands/profile.js'),
    present: () => import('./ui/present/profile.js'),
    subcommands: [
      { name: 'list' },
      { name: 'use', args: '<name>' },
      { name: 'rename', args: '<name> <new-name>', options: [['-y, --yes', 'yes']] },
      { name: 'remove', args: '<name>', options: [['-y, --yes', 'yes']] },
    ],
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
    options: [['--openid <openid>', 'openid'], ['--no-save', 'noSave']],
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
    args: '[cgi-path]',
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
      ['--relay-ttl <minutes>', 'relayTtl'],
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
  command({ name: 'probe', args: '<start-url>', options: [['--emulator <url>', 'emulator'], ['--only <ids>', 'only'], ['--skip <ids>', 'skip'], ['--return-param <name>', 'returnParam'], ['--reload-delay <ms>', 'reloadDelay'], ['--exchange-delay <ms>', 'exchangeDelay'], ['--html <file>', 'html'], repeatable('--cookie <name=value>', 'cookie'), ['--strict', 'strict'], ['-y, --yes', 'yes']], load: () => import('./commands/probe.js'), present: () => import('./ui/present/probe.js') }),
  command({ name: 'demo', load: () => import('./commands/demo.js'), present: () => import('./ui/present/demo.js') }),
  command({
    name: 'doctor',
    options: [['--verify-file <MP_verify_xxx.txt|path>', 'verifyFile'], repeatable('--connect-to <HOST:PORT:ADDR:PORT2>', 'connectTo')],
    load: () => import('./commands/doctor.js'),
    present: () => import('./ui/present/doctor.js'),
  }),
  command({
    name: 'jssdk',
    load: () => import('./commands/jssdk.js'),
    present: () => import('./ui/present/jssdk.js'),
    subcommands: [
      { name: 'ticket', options: [['--show', 'show'], ['--refresh', 'refresh']] },
      { name: 'sign', args: '<page-url>', options: [['--ticket <ticket>', 'ticket'], ['--timestamp <seconds>', 'timestamp'], ['--nonce <nonceStr>', 'nonce'], ['--api <list>', 'api'], ['--exact-url', 'exactUrl']] },
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
  command({ name: 'proxy', options: [['--port <port>', 'port'], ['--host <host>', 'host'], ['--upstream <url>', 'upstream'], ['--har <file>', 'har'], ['--quota <path=n,...>', 'quota'], ['--intercept', 'intercept'], ['--print-ca', 'printCa'], repeatable('--allow-host <name>', 'allowHost'), ['-y, --yes', 'yes']], load: () => import('./commands/proxy.js'), present: () => import('./ui/present/proxy.js'), jsonLines: true }),
  command({
    name: 'emulator',
    jsonLines: true,
    load: () => import('./commands/emulator.js'),
    present: () => import('./ui/present/emulator.js'),
    options: [
      ['--port <port>', 'port'],
      ['--host <host>', 'host'],
      ['--seed <file>', 'seed'],
      ['--content-type <type>', 'contentType'],
      ['--rid-style <style>', 'ridStyle'],
      repeatable('--fault <spec>', 'fault'),
      ['--expired-code-errcode <errcode>', 'expiredCodeErrcode'],
      ['--domain <appid=host,...>', 'domain'],
      ['--caller-ip <ip>', 'callerIp'],
      repeatable('--ip-whitelist <appid=ip>', 'ipWhitelist'),
      ['--deny-behaviour <mode>', 'denyBehaviour'],
      ['--unknown-path <answer>', 'unknownPath'],
      ['--no-param-order-check', 'paramOrderCheck'],
      ['--set <name=value,...>', 'set'],
      ['--open', 'open'],
    ],
  }),
];


// createProgram(): every command and option, declared in one place. Each action lazy-imports its
// command module, so `wxauth --help` and offline commands never load undici, prompts or qrcode-terminal.
import { Command, Option } from 'commander';
import type { Lang } from './ui/i18n.js';
import { t } from './ui/i18n.js';

export type CommandRunner = (
  name: string,
  args: string[],
  opts: Record<string, unknown>,
  globals: Record<string, unknown>,
) => Promise<void>;

/** Options accepted by every command, before or after the subcommand name. */
function globalOptions(lang: Lang, hidden: boolean): Option[] {
  const d = (key: string) => t(lang, `cli.global.${key}`);
  const opts = [
    new Option('--profile <name>', d('profile')),
    new Option('--json', d('json')),
    new Option('--lang <zh|en>', d('lang')),
    new Option('-v, --verbose', d('verbose')),
    new Option('--show-secrets', d('showSecrets')),
    new Option('--api-base <url>', d('apiBase')),
    new Option('--open-base <url>', d('openBase')),
    new Option('--backup-api-base <url>', d('backupApiBase')),
    new Option('--region <region>', d('region')),
    new Option('--timeout <ms>', d('timeout')),
    new Option('--no-color', d('noColor')),
    new Option('--curl', d('curl')),
    new Option('--raw', d('raw')),
  ];
  if (hidden) for (const o of opts) o.hideHelp();
  return opts;
}

export const GLOBAL_KEYS = [
  'profile',
  'json',
  'lang',
  'verbose',
  'showSecrets',
  'apiBase',
  'openBase',
  'backupApiBase',
  'region',
  'timeout',
  'color',
  'curl',
  'raw',
] as const;

export interface CommandSpec {
  name: string;
  /** commander argument syntax, e.g. '<code>' or '[inputs...]' */
  args?: string;
  /** Options of this command: [flags, catalogue key suffix, default?] */
  options?: Array<[string, string] | [string, string, string | boolean]>;
  subcommands?: CommandSpec[];
}

/** The command table. Also used by `wxauth completion`. */
export const COMMANDS: CommandSpec[] = [
  {
    name: 'init',
    options: [
      ['--type <type>', 'type'],
      ['--appid <appid>', 'appid'],
      ['--secret <secret>', 'secret'],
      ['--domain <host[:port]>', 'domain'],
      ['--redirect-uri <url>', 'redirectUri'],
      ['-y, --yes', 'yes'],
    ],
  },
  {
    name: 'config',
    subcommands: [
      { name: 'set', args: '<key> <value>' },
      { name: 'get', args: '<key>' },
      { name: 'unset', args: '<key>' },
      { name: 'list' },
      { name: 'path' },
    ],
  },
  {
    name: 'profile',
    subcommands: [{ name: 'list' }, { name: 'use', args: '<name>' }, { name: 'remove', args: '<name>', options: [['-y, --yes', 'yes']] }],
  },
  { name: 'completion', args: '<shell>' },
  {
    name: 'url',
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
  },
  { name: 'inspect', args: '<url>' },
  { name: 'exchange', args: '<code-or-callback-url>', options: [['--state <state>', 'state'], ['--no-save', 'noSave']] },
  { name: 'refresh', args: '[refresh_token]', options: [['--openid <openid>', 'openid']] },
  { name: 'check', args: '[access_token] [openid]', options: [['--openid <openid>', 'openid']] },
  {
    name: 'userinfo',
    args: '[access_token] [openid]',
    options: [
      ['--openid <openid>', 'openid'],
      ['--lang <zh_CN|zh_TW|en>', 'lang'],
      ['--no-refresh', 'noRefresh'],
    ],
  },
  { name: 'tokens', args: '[action] [openid]', options: [['-y, --yes', 'yes']] },
  {
    name: 'errcode',
    args: '[inputs...]',
    options: [
      ['--list', 'list'],
      ['--stage <stage>', 'stage'],
      ['--wecom', 'wecom'],
      ['--endpoint <path>', 'endpoint'],
    ],
  },
  {
    name: 'token',
    options: [
      ['--legacy', 'legacy'],
      ['--force-refresh', 'forceRefresh'],
      ['--show', 'show'],
      ['-y, --yes', 'yes'],
    ],
  },
  { name: 'user', args: '<openid>', options: [['--lang <zh_CN|zh_TW|en>', 'lang']] },
  { name: 'quota', args: '<cgi-path>', options: [['--clear', 'clear'], ['-y, --yes', 'yes']] },
  { name: 'rid', args: '<rid>' },
  { name: 'domains' },
  {
    name: 'listen',
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
  },
  {
    name: 'login',
    options: [
      ['--scope <scope>', 'scope'],
      ['--authorize', 'authorize'],
      ['--qrconnect', 'qrconnect'],
      ['--no-open', 'noOpen'],
      ['--port <port>', 'port'],
      ['--host <host>', 'host'],
      ['--timeout <seconds>', 'listenTimeout'],
    ],
  },
  { name: 'demo' },
  {
    name: 'emulator',
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
    ],
  },
];

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function declare(parent: Command, spec: CommandSpec, lang: Lang, run: CommandRunner, path: string[]): void {
  const name = [...path, spec.name].join('.');
  const cmd = parent.command(spec.name + (spec.args ? ` ${spec.args}` : ''));
  cmd.description(t(lang, `cli.${name}.desc`));
  for (const [flags, key, def] of spec.options ?? []) {
    const option = new Option(flags, t(lang, `cli.${name}.opt.${key}`));
    if (def !== undefined) option.default(def);
    if (flags === '--fault <spec>') option.argParser(collect);
    cmd.addOption(option);
  }
  // A command may give a global flag its own meaning (url --lang cn|en is WeChat's page language,
  // listen --timeout is in seconds); there the global one is only accepted before the command name.
  const own = new Set((spec.options ?? []).map(([flags]) => /--[\w-]+/.exec(flags)?.[0]));
  const overridden = new Set<string>();
  for (const option of globalOptions(lang, true)) {
    if (option.long && own.has(option.long)) {
      overridden.add(option.attributeName());
      continue;
    }
    cmd.addOption(option);
  }
  const examples = t(lang, `cli.${name}.examples`);
  if (examples !== `cli.${name}.examples`) {
    cmd.addHelpText('after', `\n${t(lang, 'cli.examples')}\n${examples.replace(/^/gm, '  ')}\n\n${t(lang, 'cli.globalsNote')}`);
  }
  if (spec.subcommands) {
    for (const sub of spec.subcommands) declare(cmd, sub, lang, run, [...path, spec.name]);
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
    await run([...path, spec.name].join(' '), args, ownOpts, globals);
  });
}

export interface ProgramOutput {
  writeOut(str: string): void;
  writeErr(str: string): void;
  outputError(str: string, write: (str: string) => void): void;
}

export function createProgram(lang: Lang, version: string, run: CommandRunner, output: ProgramOutput): Command {
  const program = new Command('wxauth');
  program
    .configureOutput(output)
    .description(t(lang, 'cli.program.desc'))
    .version(version, '--version', t(lang, 'cli.global.version'))
    .helpOption('-h, --help', t(lang, 'cli.global.help'))
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const option of globalOptions(lang, false)) program.addOption(option);
  program.addHelpText('after', `\n${t(lang, 'cli.examples')}\n${t(lang, 'cli.program.examples').replace(/^/gm, '  ')}\n\n${t(lang, 'cli.exitCodes')}`);
  program.addHelpCommand(true);
  for (const spec of COMMANDS) declare(program, spec, lang, run, []);
  return program;
}

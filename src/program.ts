// commander's side of the command line: the program, its help in the user's language, usage errors
// and "did you mean". app.ts loads it only for what the quick parser (src/argv.ts) leaves to it: help,
// --version, mistakes and the rarer forms. The commands themselves are declared in src/cli.ts.
import { Command, CommanderError, Help, Option } from 'commander';
import { COMMANDS, GLOBAL_KEYS, GLOBAL_OPTIONS, isRepeatable, longFlag, type CommandInput, type Declaration, type RegisteredCommand } from './cli.js';
import type { GlobalOptions } from './store/resolve.js';
import type { Lang } from './ui/i18n.js';
import { t, tOptional } from './ui/i18n.js';
import { boxWrap, minWidthToWrap, rootHelpEnd } from './root-help.js';
import { displayWidth } from './ui/output.js';

export { CommanderError };

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

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export type CommandRunner = (command: RegisteredCommand, input: CommandInput, globals: GlobalOptions) => Promise<void>;

function declare(parent: Command, spec: Declaration, lang: Lang, path: string[], onAction: (input: CommandInput, globals: GlobalOptions) => Promise<void>): void {
  const name = [...path, spec.name].join('.');
  const cmd = parent.command(spec.name + (spec.args ? ` ${spec.args}` : ''));
  cmd.description(tOptional(lang, `cli.${name}.desc`) ?? '');
  for (const declared of spec.options ?? []) {
    const [flags, key, def] = declared;
    const option = new Option(flags, tOptional(lang, `cli.${name}.opt.${key}`) ?? '');
    if (def !== undefined) option.default(def);
    if (isRepeatable(declared)) option.argParser(collect);
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
  /** Without these commander reads process.stdout and process.stderr, which builds them (ui/process-output.ts). */
  getOutHelpWidth?(): number;
  getErrHelpWidth?(): number;
  getOutHasColors?(): boolean;
  getErrHasColors?(): boolean;
  /** Help goes to a terminal (not to commander: root-help.ts minWidthToWrap). */
  terminal?: boolean;
}

/** commander's help titles ('Usage:', 'Options:'…) in the user's language; subcommands inherit it. */
function localHelp(lang: Lang, terminal: boolean): Partial<Help> {
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
    // Columns, not characters: a Chinese description takes two columns a character and has no spaces
    // to break at, so commander's own wrapping overflowed the terminal (which then broke it anywhere).
    displayWidth,
    // On a terminal a narrower column is wrapped than commander's 40 (root-help.ts minWidthToWrap).
    minWidthToWrap: minWidthToWrap(terminal),
    boxWrap(this: Help, text: string, width: number): string {
      return boxWrap(text, width, this.minWidthToWrap);
    },
    // commander puts a space after the usage title; a full-width colon already carries its own.
    formatHelp(cmd: Command, helper: Help): string {
      return Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^(\S*：) /, '$1');
    },
  };
}

/**
 * `named` is the command this run names (app.ts finds it before parsing; '' when there is none or the
 * root help is asked for). A known command is the only one declared: commander dispatches to it and
 * nothing in its run lists the others. Otherwise every command gets its name, arguments and
 * description, which is all the root help, `help` and "did you mean" read. Declaring the commands was
 * the larger part of a start (issue 19). Without `named`, every command is declared in full.
 */
export function createProgram(lang: Lang, version: string, run: CommandRunner, output: ProgramOutput, named?: string): Command {
  const program = new Command('wxauth');
  program
    .configureOutput(output)
    .configureHelp(localHelp(lang, output.terminal === true))
    .description(t(lang, 'cli.program.desc'))
    .version(version, '--version', t(lang, 'cli.global.version'))
    .helpOption('-h, --help', t(lang, 'cli.global.help'))
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .exitOverride();
  for (const option of globalOptions(lang, false)) program.addOption(option);
  program.addHelpText('after', rootHelpEnd(lang));
  program.helpCommand('help [command]', t(lang, 'cli.help.command'));
  const alone = named !== undefined && COMMANDS.some((spec) => spec.name === named);
  for (const spec of COMMANDS) {
    if (named === undefined || named === spec.name) declare(program, spec, lang, [], (input, globals) => run(spec, input, globals));
    else if (!alone) program.command(spec.name + (spec.args ? ` ${spec.args}` : '')).description(tOptional(lang, `cli.${spec.name}.desc`) ?? '');
  }
  return program;
}

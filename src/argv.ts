// The quick parser: reads the command lines people type most (`wxauth errcode 40029`, `wxauth url
// --scope snsapi_base`, `wxauth --profile prod exchange CODE`) from the tables in src/cli.ts, so that
// a run which goes well never loads commander. Loading commander and declaring the program was about
// a tenth of every start on a 2-core machine (issue 19).
//
// It answers only when it reads argv exactly as commander would (test/argv.test.ts compares the two on
// every declared command and option); anything else — help, --version, a typo, a missing or extra
// argument, `--`, an option value that starts with '-' — gets `undefined`, and app.ts hands argv to
// commander (src/program.ts), which prints the help or the usage error.
import { COMMANDS, GLOBAL_KEYS, GLOBAL_OPTIONS, GLOBAL_VALUE_FLAGS, isRepeatable, type CommandInput, type OptionSpec, type RegisteredCommand } from './cli.js';
import type { GlobalOptions } from './store/resolve.js';

export interface QuickParse {
  command: RegisteredCommand;
  input: CommandInput;
  globals: GlobalOptions;
}

interface Flag {
  /** The long flag without '--' ('no-qr', 'redirect-uri'). */
  name: string;
  short?: string;
  /** commander's attribute name: camelCase, without 'no-' ('qr', 'redirectUri'). */
  key: string;
  takesValue: boolean;
  negate: boolean;
  repeatable: boolean;
  default?: string | boolean;
}

type Values = Record<string, unknown>;

/** '-y, --yes' | '--scope <scope>' | '--no-qr' → a Flag; undefined for a form this parser does not read. */
function flagOf(flags: string, defaultValue?: string | boolean, repeatable = false): Flag | undefined {
  const m = /^(?:-(\w), )?--([a-z][\w-]*)( <[^>]+>)?$/.exec(flags);
  if (!m) return undefined;
  const name = m[2]!;
  const negate = name.startsWith('no-');
  const key = (negate ? name.slice(3) : name).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return { name, short: m[1], key, takesValue: m[3] !== undefined, negate, repeatable, default: defaultValue };
}

/** commander's values before any flag is read: declared defaults, and `true` for a --no-x not declared after an --x. */
function defaults(flags: Flag[]): Values {
  const values: Values = {};
  for (const [i, flag] of flags.entries()) {
    if (flag.negate) {
      if (!flags.slice(0, i).some((other) => other.name === flag.name.slice(3))) values[flag.key] = flag.default ?? true;
    } else if (flag.default !== undefined) {
      values[flag.key] = flag.default;
    }
  }
  return values;
}

/**
 * The flags read from `args` onto their defaults, or undefined for anything but the plain forms:
 * `--name`, `--name value`, `--name=value`, `-x`, `-x value` and positionals. Short groups (`-vh`),
 * `-xvalue`, `--`, a lone `-`, an unknown flag, a value that starts with '-' or is missing are left
 * to commander, which reads them or says what is wrong. (Node's util.parseArgs did this job; its
 * modules and validation cost every run ~1.3 ms.)
 */
function read(args: string[], flags: Flag[], allowPositionals: boolean): { values: Values; positionals: string[] } | undefined {
  const values = defaults(flags);
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) {
      if (!allowPositionals) return undefined;
      positionals.push(arg);
      continue;
    }
    let flag: Flag | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) inline = arg.slice(eq + 1);
      flag = name === '' ? undefined : flags.find((f) => f.name === name);
    } else if (arg.length === 2) {
      flag = flags.find((f) => f.short === arg[1]);
    }
    if (!flag) return undefined;
    if (!flag.takesValue) {
      if (inline !== undefined) return undefined;
      values[flag.key] = !flag.negate;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) return undefined;
    values[flag.key] = flag.repeatable ? [...((values[flag.key] as string[] | undefined) ?? []), value] : value;
  }
  return { values, positionals };
}

/** How many positionals a commander argument syntax takes: '<key> <value>' → 2..2, '[inputs...]' → 0..∞. */
function arity(syntax: string | undefined): { min: number; max: number } {
  const parts = syntax?.match(/<[^>]+>|\[[^\]]+\]/g) ?? [];
  const variadic = parts.some((p) => p.endsWith('...>') || p.endsWith('...]'));
  return { min: parts.filter((p) => p.startsWith('<')).length, max: variadic ? Infinity : parts.length };
}

const globalFlags = GLOBAL_OPTIONS.map((o) => flagOf(o.flags)!);

export function parseQuickly(argv: readonly string[]): QuickParse | undefined {
  // Global flags before the command name (commander's positional options: only the global ones).
  let at = 0;
  while (at < argv.length && argv[at]!.startsWith('-')) at += GLOBAL_VALUE_FLAGS.has(argv[at]!) ? 2 : 1;
  const command = COMMANDS.find((c) => c.name === argv[at]);
  if (!command) return undefined;
  const program = read(argv.slice(0, at), globalFlags, false);
  if (!program) return undefined;

  let rest = argv.slice(at + 1);
  let declaration: { args?: string; options?: OptionSpec[] } = command;
  let sub: string | undefined;
  // A command with subcommands (config, profile, jssdk) is read when the subcommand comes right after it.
  const levels: Values[] = [program.values];
  if (command.subcommands) {
    const found = command.subcommands.find((s) => s.name === rest[0]);
    if (!found) return undefined;
    sub = found.name;
    declaration = found;
    rest = rest.slice(1);
    levels.push(defaults(globalFlags));
  }
  const own: Flag[] = [];
  for (const option of declaration.options ?? []) {
    const flag = flagOf(option[0], option[2], isRepeatable(option));
    if (!flag) return undefined;
    own.push(flag);
  }
  // A command's own flag may share a global's long name (url --lang cn, listen --timeout): after the
  // command name it is the command's, and the global one is read only before the command name.
  const overridden = new Set(globalFlags.filter((g) => own.some((f) => f.name === g.name)).map((g) => g.key));
  const parsed = read(rest, [...own, ...globalFlags.filter((g) => !overridden.has(g.key))], true);
  if (!parsed) return undefined;
  const { min, max } = arity(declaration.args);
  if (parsed.positionals.length < min || parsed.positionals.length > max) return undefined;
  levels.push(parsed.values);

  // What the commander action in src/program.ts hands on: globals from every level, the outermost
  // winning as in commander's optsWithGlobals, and the command's own options apart.
  const merged: Values = Object.assign({}, ...levels.reverse());
  const globals: Values = {};
  for (const key of GLOBAL_KEYS) {
    const value = overridden.has(key) ? program.values[key] : merged[key];
    if (value !== undefined) globals[key] = value;
  }
  const opts: Values = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    if (!(GLOBAL_KEYS as readonly string[]).includes(key) || overridden.has(key)) opts[key] = value;
  }
  return { command, input: { args: parsed.positionals, opts, ...(sub ? { sub } : {}) }, globals: globals as GlobalOptions };
}

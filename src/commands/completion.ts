// wxauth completion bash|zsh|fish — generated from the command table in cli.ts, so it never drifts.
// It completes command names (also after global flags such as `--profile prod`), each command's
// flags once (after a subcommand, that subcommand's only), the values of flags that take one
// (scopes, account types, regions, `<a|b>` choices from the flag itself; also after `--flag=`),
// setting keys after `config set|get|unset` and the values of a few (SETTING_VALUES), and profile
// names after `--profile`, `profile use`, `profile rename` and `profile remove` (read from `wxauth profile list --json`
// at TAB time).
import { UsageError } from '../errors.js';
import { isOneSlip } from '../core/closest.js';
import { COMMANDS, GLOBAL_OPTIONS, longFlag, type CommandInput, type OptionSpec } from '../cli.js';
import { SCOPES } from '../core/authorize-url.js';
import { REGIONS } from '../core/endpoints.js';
import { LIST_STAGES } from '../core/errcodes.js';
import { ACCOUNT_TYPES } from '../core/validate.js';
import { PROFILE_KEYS } from '../store/resolve.js';

export type Shell = 'bash' | 'zsh' | 'fish';

/** The comments inside the scripts, for the user who reads them (ui/messages/config.ts completion.comment.*). */
type CommentName = 'eqprefix' | 'equals' | 'typed' | 'current' | 'command' | 'sub' | 'configSet' | 'firstTab';
export type CompletionCommentKey = `completion.comment.${CommentName}`;

/**
 * A comment line of the script, in the user's language: a marker (`#@completion.comment.…`, itself a
 * valid comment) that the presenter replaces by the message, each of its lines a `# …` at this indent.
 */
function note(name: CommentName): string {
  return `#@completion.comment.${name}`;
}

export interface CompletionOptions {
  shell: Shell;
}

export interface CompletionResult {
  shell: Shell;
  /**
   * The script without its opening comment (zsh's `#compdef wxauth` line stays first); each comment
   * inside it is a marker line `#@<key>` (a CompletionCommentKey) for the presenter to put in words.
   */
  script: string;
  /** The opening comment, what the script is and how to install it, in the user's language: the
   * presenter writes it as comment lines (`# …`) after `#compdef` (zsh) or at the top. */
  header: 'completion.header.bash' | 'completion.header.zsh' | 'completion.header.fish';
}

/** Where a flag's value comes from: a fixed list, the saved profiles, a file, or free text. */
type ValueSource = { words: readonly string[] } | 'profiles' | 'file' | 'free';

/** Values whose list lives in the code rather than in the flag's `<a|b>` text. */
const KNOWN_VALUES: Record<string, ValueSource> = {
  '--scope': { words: SCOPES },
  '--type': { words: ACCOUNT_TYPES },
  '--region': { words: Object.keys(REGIONS) },
  '--stage': { words: LIST_STAGES },
  '--profile': 'profiles',
  '--seed': 'file',
  // `<MP_verify_xxx.txt|path>` names what to give, not a choice of two words.
  '--verify-file': 'file',
};

/** What follows a flag: nothing (a switch), or a value from `valueSource`. */
function valueOf(flags: string): ValueSource | undefined {
  const arg = /<([^>]+)>/.exec(flags)?.[1];
  if (arg === undefined) return undefined;
  const known = KNOWN_VALUES[longFlag(flags)];
  if (known) return known;
  return arg.includes('|') ? { words: arg.split('|') } : 'free';
}

interface Flag {
  long: string;
  value?: ValueSource;
}

const GLOBALS: Flag[] = GLOBAL_OPTIONS.map((o) => ({ long: longFlag(o.flags), value: valueOf(o.flags) }));

function flagsOf(options: OptionSpec[] | undefined): Flag[] {
  return (options ?? []).map(([flags]) => ({ long: longFlag(flags), value: valueOf(flags) }));
}

/** A command's flags: its own, then the globals it does not redefine (url's --lang is WeChat's, listed once). */
function commandFlags(options: OptionSpec[] | undefined): Flag[] {
  const own = flagsOf(options);
  return [...own, ...GLOBALS.filter((g) => !own.some((o) => o.long === g.long)), { long: '--help' }];
}

/** A command's (or subcommand's) flags as the bash script lists them, each once. */
function flagWords(options: OptionSpec[] | undefined): string {
  return [...new Set(commandFlags(options).map((f) => f.long))].join(' ');
}

/** Positional words: [command, subcommand or ''] → the words to offer for the next positional. */
function positionals(): Array<{ command: string; sub: string; index: number; value: ValueSource }> {
  const list: Array<{ command: string; sub: string; index: number; value: ValueSource }> = [];
  for (const c of COMMANDS) {
    if (c.subcommands) list.push({ command: c.name, sub: '', index: 0, value: { words: c.subcommands.map((s) => s.name) } });
  }
  for (const sub of ['set', 'get', 'unset']) list.push({ command: 'config', sub, index: 1, value: { words: PROFILE_KEYS } });
  // config set takes key value pairs: keys at 1, 3, 5…, values between (the bash script folds the index
  // and picks the value's words by the key before it: SETTING_VALUES).
  list.push({ command: 'config', sub: 'set', index: 2, value: 'free' });
  for (const sub of ['use', 'rename', 'remove']) list.push({ command: 'profile', sub, index: 1, value: 'profiles' });
  list.push({ command: 'tokens', sub: '', index: 0, value: { words: ['list', 'show', 'clear'] } });
  list.push({ command: 'completion', sub: '', index: 0, value: { words: ['bash', 'zsh', 'fish'] } });
  list.push({ command: 'help', sub: '', index: 0, value: { words: COMMANDS.map((c) => c.name) } });
  return list;
}

/** The settings whose value is one of a few words, for `config set <key> <TAB>`. */
const SETTING_VALUES: Record<string, ValueSource> = {
  type: { words: ACCOUNT_TYPES },
  region: { words: Object.keys(REGIONS) },
  verifyFile: 'file',
};

const COMMAND_NAMES = [...COMMANDS.map((c) => c.name), 'help'];
// Only names wxauth itself would save (core/validate.ts isProfileName: letters, digits, - and _): a name
// in a config.json written by hand or by someone else is a word the shell expands at TAB time (bash's
// compgen -W ran `$(…)` in one), and one with an escape sequence would write to the terminal.
const PROFILES_SH = `wxauth profile list --json 2>/dev/null | sed -n 's/^ *"name": "\\([A-Za-z0-9_-]\\{1,64\\}\\)".*/\\1/p'`;

/** One bash `case` body that sets COMPREPLY for a value source. */
function bashReply(value: ValueSource): string {
  if (value === 'profiles') return `COMPREPLY=( $(compgen -W "$(${PROFILES_SH})" -- "$cur") )`;
  if (value === 'file') return 'COMPREPLY=( $(compgen -f -- "$cur") )';
  if (value === 'free') return 'COMPREPLY=()';
  return `COMPREPLY=( $(compgen -W "${value.words.join(' ')}" -- "$cur") )`;
}

function bash(): string {
  const valueFlags = new Set<string>();
  const valueCases: string[] = [];
  const flagCases: string[] = [];
  for (const c of COMMANDS) {
    const all = [c, ...(c.subcommands ?? [])];
    // Own flags only: the globals' values are the `*:` cases below (an own flag of the same name wins).
    // No flag takes a value in one subcommand and is a switch in another, so a command's cases serve all.
    for (const f of all.flatMap((s) => flagsOf(s.options))) {
      if (!f.value) continue;
      valueFlags.add(f.long);
      valueCases.push(`    ${c.name}:${f.long}) ${bashReply(f.value)}; return ;;`);
    }
    // After a subcommand (`jssdk sign --`), its flags only: commander refuses another subcommand's.
    for (const s of c.subcommands ?? []) flagCases.push(`    ${c.name}:${s.name}) words="${flagWords([...(c.options ?? []), ...(s.options ?? [])])}" ;;`);
    flagCases.push(`    ${c.name}:*) words="${flagWords(c.options)}" ;;`);
  }
  for (const g of GLOBALS) {
    if (!g.value) continue;
    valueFlags.add(g.long);
    valueCases.push(`    *:${g.long}) ${bashReply(g.value)}; return ;;`);
  }
  const positionalCases = positionals().map((p) => `    ${p.command}:${p.sub}:${p.index}) ${bashReply(p.value)} ;;`);
  const settingCases = Object.entries(SETTING_VALUES).map(([key, value]) => `      ${key}) ${bashReply(value)}; return ;;`);
  return `_wxauth() {
  local eqprefix=""
  _wxauth_words
  ${note('eqprefix')}
  if [ -n "$eqprefix" ]; then COMPREPLY=( "\${COMPREPLY[@]/#/$eqprefix}" ); fi
}
_wxauth_words() {
  local cur prev cmd sub w i npos line
  local -a typed
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  ${note('equals')}
  if [ "$cur" = "=" ]; then cur=""
  elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then prev="\${COMP_WORDS[COMP_CWORD-2]}"
  elif [[ "$cur" == --*=* ]]; then prev="\${cur%%=*}"; eqprefix="$prev="; cur="\${cur#*=}"; fi
  cmd="" sub="" npos=0
  ${note('typed')}
  line="\${COMP_LINE:0:$COMP_POINT}"
  if [ -z "\${COMP_LINE-}" ]; then typed=( "\${COMP_WORDS[@]:0:$((COMP_CWORD + 1))}" )
  else
    if [ -n "\${ZSH_VERSION-}" ]; then read -rA typed <<< "$line"; else read -ra typed <<< "$line"; fi
    ${note('current')}
    if [[ \${#typed[@]} -eq 0 ]] || { [[ "$line" == *[[:space:]] ]] && [[ -n "\${typed[\${#typed[@]}-1]}" ]]; }; then typed+=(""); fi
  fi
  ${note('command')}
  for (( i = 1; i < \${#typed[@]} - 1; i++ )); do
    w="\${typed[i]}"
    case "$w" in
      --*=*) continue ;;
      -*) case " ${[...valueFlags].join(' ')} " in *" $w "*) (( i++ )) ;; esac; continue ;;
    esac
    if [ -z "$cmd" ]; then cmd="$w"
    else
      [ "$npos" -eq 0 ] && sub="$w"
      (( npos++ ))
    fi
  done
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    local words="${GLOBALS.map((g) => g.long).join(' ')} --help"
    ${note('sub')}
    case "$cmd:$sub" in
${flagCases.join('\n')}
    esac
    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
    return
  fi
  if [ -z "$cmd" ]; then
    COMPREPLY=( $(compgen -W "${COMMAND_NAMES.join(' ')}" -- "$cur") )
    return
  fi
  [ "$npos" -eq 0 ] && sub=""
  ${note('configSet')}
  if [ "$cmd:$sub" = "config:set" ] && [ "$npos" -gt 0 ]; then
    if (( npos % 2 == 0 )); then
      case "$prev" in
${settingCases.join('\n')}
      esac
      COMPREPLY=()
      return
    fi
    local keys="" k
    for k in ${PROFILE_KEYS.join(' ')}; do
      case " \${typed[*]:0:\${#typed[@]}-1} " in *" $k "*) ;; *) keys="$keys $k" ;; esac
    done
    COMPREPLY=( $(compgen -W "$keys" -- "$cur") )
    return
  fi
  case "$cmd:$sub:$npos" in
${positionalCases.join('\n')}
    *) COMPREPLY=() ;;
  esac
}
complete -F _wxauth wxauth
`;
}

/** zsh runs the bash function through bashcompinit: one logic, two shells. */
function zsh(): string {
  return `#compdef wxauth
autoload -U +X bashcompinit && bashcompinit
${bash()}
${note('firstTab')}
if (( \${+compstate} )); then _bash_complete -F _wxauth; fi
`;
}

function fishValue(value: ValueSource): string {
  if (value === 'profiles') return ` -x -a '(wxauth profile list --json 2>/dev/null | string match -rg \\'"name": "([A-Za-z0-9_-]{1,64})"\\')'`;
  if (value === 'file') return ' -r -F';
  if (value === 'free') return ' -x';
  return ` -x -a '${value.words.join(' ')}'`;
}

function fish(): string {
  const lines = ['complete -c wxauth -f'];
  const none = `__fish_use_subcommand`;
  const flagLine = (condition: string, f: Flag) => `complete -c wxauth -n '${condition}' -l ${f.long.slice(2)}${f.value ? fishValue(f.value) : ''}`;
  for (const c of COMMANDS) {
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(`complete -c wxauth -n '${none}' -a ${c.name}`);
    const subs = (c.subcommands ?? []).map((s) => s.name);
    // The subcommands until one is given; then that one's flags only (commander refuses another's).
    for (const s of subs) lines.push(`complete -c wxauth -n '${seen}; and not __fish_seen_subcommand_from ${subs.join(' ')}' -a ${s}`);
    for (const f of flagsOf(c.options)) lines.push(flagLine(seen, f));
    for (const s of c.subcommands ?? []) {
      for (const f of flagsOf(s.options)) lines.push(flagLine(`${seen}; and __fish_seen_subcommand_from ${s.name}`, f));
    }
  }
  lines.push(`complete -c wxauth -n '__fish_seen_subcommand_from set get unset' -a '${PROFILE_KEYS.join(' ')}'`);
  lines.push(`complete -c wxauth -n '__fish_seen_subcommand_from use remove'${fishValue('profiles').replace(' -x', '')}`);
  for (const g of GLOBALS) lines.push(`complete -c wxauth -l ${g.long.slice(2)}${g.value ? fishValue(g.value) : ''}`);
  return lines.join('\n') + '\n';
}

const SCRIPTS: Record<Shell, () => string> = { bash, zsh, fish };

export function parseOptions(input: CommandInput): CompletionOptions {
  const shell = input.args[0] ?? '';
  if (!Object.hasOwn(SCRIPTS, shell)) {
    // `completion bsh`, `completion zhs`, `completion /bin/zsh` ($SHELL): name the shell meant. Not for
    // `sh`, one slip from zsh but most likely meaning bash or a POSIX shell, which has no completion.
    const name = shell.slice(shell.lastIndexOf('/') + 1);
    const meant = name.toLowerCase() === 'sh' ? undefined : Object.keys(SCRIPTS).find((known) => isOneSlip(name, known));
    const hint = meant ? ({ key: 'completion.unknownShell.didYouMean', params: { shell: meant } } as const) : ({ key: 'completion.unknownShell.hint' } as const);
    throw new UsageError({ key: 'completion.unknownShell', params: { shell } }, { hint });
  }
  return { shell: shell as Shell };
}

export async function run(options: CompletionOptions): Promise<CompletionResult> {
  return { shell: options.shell, script: SCRIPTS[options.shell](), header: `completion.header.${options.shell}` };
}

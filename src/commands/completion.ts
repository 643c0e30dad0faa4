// wxauth completion bash|zsh|fish — generated from the command table in cli.ts, so it never drifts.
import { UsageError } from '../errors.js';
import { COMMANDS, GLOBAL_FLAGS, type CommandInput, type RegisteredCommand } from '../cli.js';

export type Shell = 'bash' | 'zsh' | 'fish';

export interface CompletionOptions {
  shell: Shell;
}

export interface CompletionResult {
  shell: Shell;
  script: string;
}

function flagsOf(spec: RegisteredCommand): string[] {
  return (spec.options ?? []).flatMap(([flags]) => flags.split(/[ ,]+/).filter((f) => f.startsWith('--')));
}

function bash(): string {
  const cases = COMMANDS.map((c) => {
    const words = [...(c.subcommands ?? []).map((s) => s.name), ...flagsOf(c), ...GLOBAL_FLAGS].join(' ');
    return `    ${c.name}) words="${words}" ;;`;
  }).join('\n');
  return `# wxauth bash completion. Install: wxauth completion bash >> ~/.bashrc
_wxauth() {
  local cur cmd words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${COMMANDS.map((c) => c.name).join(' ')} help ${GLOBAL_FLAGS.join(' ')}" -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) words="${GLOBAL_FLAGS.join(' ')}" ;;
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -F _wxauth wxauth
`;
}

function zsh(): string {
  const cases = COMMANDS.map((c) => {
    const words = [...(c.subcommands ?? []).map((s) => s.name), ...flagsOf(c), ...GLOBAL_FLAGS].join(' ');
    return `    ${c.name}) compadd -- ${words} ;;`;
  }).join('\n');
  return `#compdef wxauth
# wxauth zsh completion. Install: wxauth completion zsh > "\${fpath[1]}/_wxauth"
_wxauth() {
  if (( CURRENT == 2 )); then
    compadd -- ${COMMANDS.map((c) => c.name).join(' ')} help
    return
  fi
  case "$words[2]" in
${cases}
    *) compadd -- ${GLOBAL_FLAGS.join(' ')} ;;
  esac
}
compdef _wxauth wxauth
`;
}

function fish(): string {
  const lines = ['# wxauth fish completion. Install: wxauth completion fish > ~/.config/fish/completions/wxauth.fish', 'complete -c wxauth -f'];
  for (const c of COMMANDS) {
    lines.push(`complete -c wxauth -n '__fish_use_subcommand' -a ${c.name}`);
    for (const s of c.subcommands ?? []) lines.push(`complete -c wxauth -n '__fish_seen_subcommand_from ${c.name}' -a ${s.name}`);
    for (const f of flagsOf(c)) lines.push(`complete -c wxauth -n '__fish_seen_subcommand_from ${c.name}' -l ${f.slice(2)}`);
  }
  for (const f of GLOBAL_FLAGS) lines.push(`complete -c wxauth -l ${f.slice(2)}`);
  return lines.join('\n') + '\n';
}

const SCRIPTS: Record<Shell, () => string> = { bash, zsh, fish };

export function parseOptions(input: CommandInput): CompletionOptions {
  const shell = input.args[0] ?? '';
  if (!Object.hasOwn(SCRIPTS, shell)) {
    throw new UsageError({ key: 'completion.unknownShell', params: { shell } }, { hint: { key: 'completion.unknownShell.hint' } });
  }
  return { shell: shell as Shell };
}

export async function run(options: CompletionOptions): Promise<CompletionResult> {
  return { shell: options.shell, script: SCRIPTS[options.shell]() };
}

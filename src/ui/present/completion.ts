// wxauth completion: the script alone on stdout, so `wxauth completion bash >> ~/.bashrc` works.
import type { CompletionResult } from '../../commands/completion.js';
import type { Output } from '../output.js';

export function present(result: CompletionResult, out: Output): void {
  // The opening comment in the user's language, every line of it a shell comment; zsh's #compdef
  // line must stay the file's first.
  const comment = out
    .t(result.header)
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  const compdef = /^#compdef [^\n]*\n/.exec(result.script)?.[0] ?? '';
  const script = `${compdef}${comment}\n${result.script.slice(compdef.length)}`;
  out.result({ shell: result.shell, script });
  out.data(script.trimEnd());
}

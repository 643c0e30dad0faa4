// wxauth completion: the script alone on stdout, so `wxauth completion bash >> ~/.bashrc` works.
import type { CompletionCommentKey, CompletionResult } from '../../commands/completion.js';
import type { Output } from '../output.js';

export function present(result: CompletionResult, out: Output): void {
  // The opening comment in the user's language, every line of it a shell comment; zsh's #compdef
  // line must stay the file's first.
  const comment = out
    .t(result.header)
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  // The comments inside, in the same language, at their marker's indent.
  const body = result.script.replace(/^([ \t]*)#@(completion\.comment\.\w+)$/gm, (_, indent: string, key: string) =>
    out
      .t(key as CompletionCommentKey)
      .split('\n')
      .map((line) => `${indent}# ${line}`.trimEnd())
      .join('\n'),
  );
  const compdef = /^#compdef [^\n]*\n/.exec(body)?.[0] ?? '';
  const script = `${compdef}${comment}\n${body.slice(compdef.length)}`;
  out.result({ shell: result.shell, script });
  out.data(script.trimEnd());
}

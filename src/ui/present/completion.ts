// wxauth completion: the script alone on stdout, so `wxauth completion bash >> ~/.bashrc` works.
import type { CompletionResult } from '../../commands/completion.js';
import type { Output } from '../output.js';

export function present(result: CompletionResult, out: Output): void {
  out.result({ shell: result.shell, script: result.script });
  out.data(result.script.trimEnd());
}

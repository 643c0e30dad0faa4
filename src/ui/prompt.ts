// Prompts are optional and TTY-gated: every prompt has a flag or env equivalent. @inquirer/prompts is
// loaded only when a prompt is really shown; Ctrl-C inside a prompt becomes CancelledError (exit 130).
import { CancelledError } from '../errors.js';

export interface Prompts {
  input(options: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  password(options: { message: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T extends string>(options: { message: string; choices: Array<{ name: string; value: T; description?: string }>; default?: T }): Promise<T>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

function isExitPrompt(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

export async function loadPrompts(output: NodeJS.WritableStream, signal: AbortSignal): Promise<Prompts> {
  const inquirer = await import('@inquirer/prompts');
  const ctx = { output, signal, clearPromptOnDone: false };
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isExitPrompt(error)) throw new CancelledError({ cause: error });
      throw error;
    }
  };
  return {
    input: (o) => guard(() => inquirer.input(o, ctx)),
    password: (o) => guard(() => inquirer.password({ ...o, mask: '*' }, ctx)),
    select: (o) => guard(() => inquirer.select(o, ctx)),
    confirm: (o) => guard(() => inquirer.confirm(o, ctx)),
  };
}

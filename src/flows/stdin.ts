// Text piped to wxauth: `listen --paste` reads a callback URL from it, `--secret -` (init, config set)
// the AppSecret and `--ticket -` (jssdk sign, verify) the jsapi_ticket, which then never appear in a
// command line (shell history, `ps`, CI logs). On a terminal, listen --paste and `inspect -` read a paste
// (readPasteFromTerminal). `exchange -` reads the code or callback URL (readStdin).
import { CancelledError, UsageError, type MessageRef } from '../errors.js';

/** A process's stdin, or a string stream in tests. */
type Stdin = NodeJS.ReadableStream & { isTTY?: boolean };

/** Everything piped on stdin, up to `limit` characters; '' when stdin is a terminal (readPasteFromTerminal reads one). */
export function readStdin(stdin: Stdin, limit: number): Promise<string> {
  return new Promise((resolve) => {
    if (stdin.isTTY) return resolve('');
    let text = '';
    stdin.setEncoding('utf8');
    stdin.on('data', (d: string | Buffer) => {
      text += d.toString();
      if (text.length > limit) (stdin as NodeJS.ReadableStream & { destroy?(): void }).destroy?.();
    });
    stdin.on('end', () => resolve(text.slice(0, limit)));
    stdin.on('close', () => resolve(text.slice(0, limit)));
    stdin.on('error', () => resolve(text.slice(0, limit)));
  });
}

/**
 * `--secret -`: the AppSecret from the first line piped on stdin, its line ending removed (nothing else:
 * a stray space is the validator's to point out). `flag` names where `-` was given and `command` the whole command, for the messages.
 */
export async function secretFromStdin(stdin: Stdin, flag: string, command: string): Promise<string> {
  return firstLine(stdin, flag, command, 'common.secretStdin');
}

/** `jssdk sign|verify --ticket -`: the jsapi_ticket the same way, so it is in no command line either. */
export async function ticketFromStdin(stdin: Stdin, flag: string, command: string): Promise<string> {
  return firstLine(stdin, flag, command, 'jssdk.ticketStdin');
}

async function firstLine(stdin: Stdin, flag: string, command: string, keys: 'common.secretStdin' | 'jssdk.ticketStdin'): Promise<string> {
  const hint = { key: `${keys}.hint`, params: { flag, command } } as const;
  if (stdin.isTTY) throw new UsageError({ key: `${keys}.tty`, params: { flag } }, { hint });
  const line = (await readStdin(stdin, 4096)).split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError({ key: `${keys}.empty`, params: { flag } }, { hint });
  return line;
}

/** What the person pasting is told while readPasteFromTerminal reads (the presenter words it). */
export interface PasteHooks {
  /** Asked to paste; `again` after a refused paste. */
  onPastePrompt(again: boolean): void;
  onPasteRefused(message: MessageRef, hint: MessageRef | undefined): void;
  /** Enter on an empty line with nothing pasted yet. */
  onPasteEmpty(): void;
  /** Part of a paste came; `lines` so far, more awaited. */
  onPasteMore(lines: number): void;
}

/**
 * How long after a pasted line the next one of the same paste may still come (see readPasteFromTerminal).
 * The same wait as the secret prompt's, ui/prompt-paste.ts PASTE_QUIET_MS: ui/ may import only types, so
 * it cannot be one constant (test/ui/prompt-paste.test.ts keeps the two equal).
 */
export const PASTE_QUIET_MS = 150;

/** What the lines pasted so far are: a callback to judge, the start of one (more may come), or not one at all. */
export type PasteSoFar = { kind: 'done' } | { kind: 'more' } | { kind: 'refused'; error: UsageError };

/**
 * --paste on a terminal: every line of a paste, not its first alone. A paste of several lines (an
 * address that wrapped when copied, a curl line and the lines under it) reaches the terminal at once;
 * a one-line prompt took the first line as the answer, a cut code or a state cut short, and left the
 * rest to be typed into the shell after wxauth exited. Read in the terminal's own line mode (it echoes
 * and edits the line): once the lines that came together are in, `classify` says whether they are a
 * callback to judge; a code without its state waits for the rest, and Enter on an empty line (or
 * Ctrl-D) ends the paste as it is. Ctrl-C cancels (exit 130), as at any prompt. listen --paste and
 * `inspect -` read a terminal with it.
 */
export async function readPasteFromTerminal(stdin: Stdin, signal: AbortSignal, hooks: PasteHooks, classify: (text: string) => PasteSoFar): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: stdin, terminal: false, crlfDelay: Infinity });
  hooks.onPastePrompt(false);
  return new Promise<string>((resolve, reject) => {
    let lines: string[] = [];
    let settling: NodeJS.Timeout | undefined;
    const end = (then: () => void) => {
      clearTimeout(settling);
      signal.removeEventListener('abort', cancel);
      rl.removeAllListeners();
      rl.close();
      then();
    };
    const cancel = () => end(() => reject(new CancelledError()));
    // Judged once the lines that arrived together (a paste) are all in. In the terminal's line mode each
    // read brings one line, and a terminal may write a paste in pieces: the paste is over when no line
    // has come for PASTE_QUIET_MS (a person starts a new line much later than that), and whatever the
    // paste held is read here, never left to the shell.
    const settle = () => {
      settling = undefined;
      const text = lines.join('\n');
      const so = classify(text);
      if (so.kind === 'done') return end(() => resolve(text));
      if (so.kind === 'more') return hooks.onPasteMore(lines.length);
      lines = [];
      hooks.onPasteRefused(so.error.messageRef, so.error.hint);
      hooks.onPastePrompt(true);
    };
    rl.on('line', (line) => {
      if (line.trim() === '') {
        if (lines.length > 0) return end(() => resolve(lines.join('\n')));
        return hooks.onPasteEmpty();
      }
      lines.push(line);
      clearTimeout(settling);
      settling = setTimeout(settle, PASTE_QUIET_MS);
    });
    // Ctrl-D: what was pasted is the answer (nothing: the usual "paste the whole address").
    rl.on('close', () => end(() => resolve(lines.join('\n'))));
    if (signal.aborted) return cancel();
    signal.addEventListener('abort', cancel, { once: true });
  });
}

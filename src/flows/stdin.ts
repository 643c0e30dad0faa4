// Text piped to wxauth: `listen --paste` reads a callback URL from it, `--secret -` (init, config set)
// the AppSecret and `--ticket -` (jssdk sign, verify) the jsapi_ticket, which then never appear in a
// command line (shell history, `ps`, CI logs).
import { UsageError } from '../errors.js';

/** A process's stdin, or a string stream in tests. */
type Stdin = NodeJS.ReadableStream & { isTTY?: boolean };

/**
 * Everything piped on stdin, up to `limit` characters; '' when stdin is a terminal, unless `terminal`
 * (`inspect -`: what is typed or pasted there, until Ctrl-D).
 */
export function readStdin(stdin: Stdin, limit: number, terminal = false): Promise<string> {
  return new Promise((resolve) => {
    if (stdin.isTTY && !terminal) return resolve('');
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

// Prompts are optional and TTY-gated: every prompt has a flag or env equivalent. @inquirer/prompts is
// loaded only when a prompt is really shown; Ctrl-C inside a prompt becomes CancelledError (exit 130).
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CancelledError } from '../errors.js';
import type { Lang } from './i18n.js';
import { createPasteFilter, LINE_MARK, pastedLines, PASTE_END_LOST_MS, PASTE_QUIET_MS } from './prompt-paste.js';

/**
 * At input and password, a paste of several lines is one answer (ui/prompt-paste.ts): validate sees its
 * lines joined by \n, blank ones left out, and refuses them, so that no line of it is typed into the next
 * prompt (an AppSecret copied under its AppID, typed unseen into the masked secret prompt). One line and
 * its break is that line typed, then Enter.
 */
export interface Prompts {
  /**
   * transformer: what the prompt line shows of the value typed (inquirer's; the answer itself is
   * unchanged), called for each line of a paste, the lines shown joined by ␤.
   */
  input(options: { message: string; default?: string; validate?: (v: string) => true | string; transformer?: (v: string, o: { isFinal: boolean }) => string }): Promise<string>;
  password(options: { message: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T extends string>(options: { message: string; choices: Array<{ name: string; value: T; description?: string }>; default?: T }): Promise<T>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

function isExitPrompt(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

/** inquirer's own words for its keys, in Chinese. */
const KEY_ACTIONS_ZH: Record<string, string> = {
  navigate: '移动',
  select: '选择',
  submit: '确认',
  all: '全选',
  invert: '反选',
  toggle: '勾选',
};

/**
 * inquirer writes its key hints ("↑↓ navigate • ⏎ select") in English; its theme lets us word them.
 * Plain text: the prompt's own colours are inquirer's business, the words are ours.
 */
export function promptTheme(lang: Lang): { style: { keysHelpTip(keys: Array<[string, string]>): string } } {
  return {
    style: {
      keysHelpTip: (keys) => keys.map(([key, action]) => `${key} ${lang === 'zh' ? KEY_ACTIONS_ZH[action] ?? action : action}`).join(' • '),
    },
  };
}

const same = (text: string) => text;

/**
 * inquirer colours by its own reading of the terminal and of NO_COLOR / FORCE_COLOR, not by wxauth's
 * --no-color: without colour every piece of its theme is plain text (the same marks, no escapes).
 */
export function plainTheme(lang: Lang) {
  return {
    prefix: { idle: '?', done: '✔' },
    style: {
      answer: same,
      message: same,
      error: (text: string) => `> ${text}`,
      defaultAnswer: (text: string) => `(${text})`,
      help: same,
      highlight: same,
      key: (text: string) => `<${text}>`,
      description: same,
      disabled: same,
      ...promptTheme(lang).style,
    },
  };
}

type Terminal = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * The terminal's keys for one prompt, through the paste filter (ui/prompt-paste.ts), with bracketed paste
 * asked of the terminal while it is shown. None when stdin is no terminal (inquirer reads it as it is).
 */
function pasteGuarded(stdin: Terminal | undefined, output: NodeJS.WritableStream): { input: NodeJS.ReadableStream; stop(): void } | undefined {
  const setRawMode = stdin?.setRawMode?.bind(stdin);
  if (stdin === undefined || !stdin.isTTY || setRawMode === undefined) return undefined;
  const filter = createPasteFilter();
  const decoder = new StringDecoder('utf8');
  // What readline needs of a terminal: raw mode is set on the real one.
  const input: PassThrough & { isTTY: boolean; setRawMode(mode: boolean): unknown } = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (mode: boolean) => {
      setRawMode(mode);
      return input;
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const onData = (data: Buffer | string) => {
    clearTimeout(timer);
    const text = filter.push(typeof data === 'string' ? data : decoder.write(data));
    if (text !== '') input.write(text);
    // A line break inside a bracketed paste waits for the paste's end, not for a pause between its pieces.
    if (filter.waiting) timer = setTimeout(() => input.write(filter.settle()), filter.pasteOpen ? PASTE_END_LOST_MS : PASTE_QUIET_MS);
  };
  const bracketed = (output as { isTTY?: boolean }).isTTY === true;
  if (bracketed) output.write('\u001b[?2004h');
  stdin.on('data', onData);
  stdin.resume();
  return {
    input,
    stop: () => {
      clearTimeout(timer);
      stdin.removeListener('data', onData);
      // Paused as inquirer leaves it: the next prompt resumes it, and a paused stdin lets the run end.
      stdin.pause();
      if (bracketed) output.write('\u001b[?2004l');
    },
  };
}

export async function loadPrompts(output: NodeJS.WritableStream, signal: AbortSignal, lang: Lang = 'en', color = true, stdin?: Terminal): Promise<Prompts> {
  const inquirer = await import('@inquirer/prompts');
  // Without colour, every prompt takes the plain theme; with it, only select's key hints in Chinese
  // need ours (English keeps inquirer's own, styled).
  const plain = color ? undefined : { theme: plainTheme(lang) };
  const ctx = { output, signal, clearPromptOnDone: false };
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isExitPrompt(error)) throw new CancelledError({ cause: error });
      throw error;
    }
  };
  type PromptContext = typeof ctx & { input?: NodeJS.ReadableStream };
  /** A prompt of one line read through the paste filter (pasteGuarded), its answer a paste's lines joined by \n. */
  const oneLine = (validate: ((v: string) => true | string) | undefined, run: (validate: { validate?: (v: string) => true | string }, context: PromptContext) => Promise<string>) =>
    guard(async () => {
      const keys = pasteGuarded(stdin, output);
      try {
        const answer = await run(validate ? { validate: (v: string) => validate(pastedLines(v)) } : {}, keys ? { ...ctx, input: keys.input } : ctx);
        return pastedLines(answer);
      } finally {
        keys?.stop();
      }
    });
  return {
    // A transformer takes over how inquirer shows the final answer too: styled as inquirer styles one
    // (cyan, written out: importing ui/ansi.ts here splits its chunk from ui/format.ts, one more file read
    // at every start). It is handed each line of a paste, so a secret-shaped line is masked (init's AppID
    // prompt) while the others show.
    input: ({ transformer, validate, ...o }) =>
      oneLine(validate, (checked, context) => {
        const shown = transformer ? (v: string, s: { isFinal: boolean }) => v.split(LINE_MARK).map((line) => transformer(line, s)).join(LINE_MARK) : undefined;
        return inquirer.input(
          { ...o, ...checked, ...plain, ...(shown ? { transformer: (v: string, s: { isFinal: boolean }) => (s.isFinal && color ? `\u001b[36m${shown(v, s)}\u001b[39m` : shown(v, s)) } : {}) },
          context,
        );
      }),
    password: ({ validate, ...o }) => oneLine(validate, (checked, context) => inquirer.password({ ...o, ...checked, ...plain, mask: '*' }, context)),
    select: (o) => guard(() => inquirer.select({ ...o, ...(plain ?? (lang === 'en' ? {} : { theme: promptTheme(lang) })) }, ctx)),
    // The answer is echoed as a word (inquirer's Yes/No): in Chinese, 是/否.
    confirm: (o) => guard(() => inquirer.confirm({ ...o, ...plain, ...(lang === 'en' ? {} : { transformer: (yes: boolean) => (yes ? '是' : '否') }) }, ctx)),
  };
}

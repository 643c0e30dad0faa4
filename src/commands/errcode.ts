// wxauth errcode [inputs...] [--list] [--stage S] [--wecom] [--endpoint PATH]
// Offline: loads only the pure errcode core and the presenter, never the network or prompts.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { EXIT, UsageError } from '../errors.js';
import {
  CODE_LIST_RE,
  LIST_STAGES,
  explainInputs,
  listErrcodes,
  type ExplainInputsResult,
  type ExplainedInput,
  type ListedErrcode,
  type UnknownInput,
} from '../core/errcodes.js';
import type { PipedLog } from '../core/errcode-log.js';
import { holdsSecretShape, maskSecretShapes, redactValue } from '../core/secrets.js';

export interface ErrcodeOptions {
  inputs: string[];
  list: boolean;
  stage?: string;
  wecom: boolean;
  endpoint?: string;
  /** An input `-` (or none given, which is read as `-`): the text piped on stdin, as a body or a log line pasted whole. */
  fromStdin: boolean;
  /** Full-width digits in the arguments, read as ASCII (halfWidthDigits). */
  fullwidth?: FullwidthRead[];
}

/** A run of full-width digits (`４００２９`, `－１`) as typed, and the ASCII digits it was read as. */
export interface FullwidthRead {
  typed: string;
  read: string;
}

export type ErrcodeResult =
  | {
      mode: 'list';
      codes: ListedErrcode[];
      /** Every table entry was asked for (--wecom or --stage all), which the count line says. */
      all: boolean;
    }
  | {
      mode: 'explain';
      results: ExplainedInput[];
      unknown: UnknownInput[];
      /** "A check found problems": some inputs are not in the tables. errcode never calls WeChat. */
      exitCode: typeof EXIT.ok | typeof EXIT.checkFailed;
      /** The piped text was a log (several errcodes, or one among other lines): each explained once, from where it is first. */
      log?: PipedLog;
      /** The piped text was longer than this many characters: only these were read. */
      cut?: number;
      /** Full-width digits given (argument or piped), read as the ASCII ones; the first FULLWIDTH_LISTED distinct runs. */
      fullwidth?: FullwidthRead[];
    };

/**
 * A terminal's escape sequences: CSI (`ESC [` or C1 `\x9b`, parameters, one final byte: SGR colours, erase
 * line), OSC (`ESC ]` or `\x9d` up to BEL or ST: titles, hyperlinks), and a character-set choice (`ESC ( B`,
 * which `tput sgr0` sends). A log line copied from pino-pretty, `docker logs` or a terminal carries them
 * around the errcode (`ESC[33m40163ESC[39m`), so that without them `\b40163\b` reads as a code.
 *
 * The same sequences written out as text, as a JSON log (pino's `"msg":"\u001b[33m…"`), a log that escapes
 * control characters or a copy from an editor shows them: ESC as `\x1b`, `\u001b`, `\u{1b}`, `\033`, `\e`
 * (any case, its backslash doubled where the text was escaped twice) or `^[`, BEL as `\x07`, `\u0007`, `\a` or
 * `^G`. Left in, they hid the code: in `\x1b[33m40163` no word boundary comes before the 4.
 * Written out, a CSI's final byte is a letter, `@` or `~` (what terminals use), so `\e[1]` in a path stays.
 */
const TERMINAL_ESCAPE =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[()*+][0-~]|(?:\\+(?:x1b|u001b|u\{1b\}|033|e)|\^\[)(?:\[[0-?]*[ -/]*[a-z@~]|\][^\n]*?(?:\\+(?:x07|u0007|u\{7\}|a)|\^G|\u0007|(?:\\+(?:x1b|u001b|u\{1b\}|033|e)|\^\[)\\+)|[()*+][0-9a-z])/gi;

/** Whether `text` may hold an escape sequence, real or written out (a cheap test before TERMINAL_ESCAPE). */
const MAY_HOLD_ESCAPE = /[\u001b\u009b\u009d]|\\(?:x1b|u001b|u\{1b\}|033|e)|\^\[/i;

/**
 * `text` as it would read on a terminal: its escape sequences, real or written out, taken out before codes are
 * looked for (any other control character stays, and is shown escaped where the input is quoted back). Only
 * input that may hold one pays for the pattern.
 */
function withoutTerminalEscapes(text: string): string {
  return MAY_HOLD_ESCAPE.test(text) ? text.replace(TERMINAL_ESCAPE, '') : text;
}

/**
 * A number typed with a Chinese input method in full-width mode (全角: `４００２９`, `错误码：４０１６３`, `－１`), or
 * copied so from a chat: digits U+FF10–FF19, and a full-width ＋ or － before a digit, each its ASCII twin plus
 * 0xFEE0. A run has at least one full-width digit, or is a full-width sign before ASCII ones (`－1`); a － after
 * a letter or digit (`ａ－１`, `ａ－ｂ`) is no sign and stays (the digits after it are still read). `\d` and every pattern of the tables' reader know ASCII digits only.
 */
const FULLWIDTH_NUMBER = /(?<![\p{L}\p{N}])[－＋][0-9０-９]+|[0-9０-９]*[０-９][0-9０-９]*/gu;

/** Whether `text` may hold one (a cheap test before FULLWIDTH_NUMBER). */
const MAY_HOLD_FULLWIDTH = /[０-９]|[－＋][0-9]/;

/** How many distinct full-width runs are kept to be named (a piped log may hold thousands). */
const FULLWIDTH_LISTED = 10;

/**
 * `text` with its full-width numbers in ASCII (FULLWIDTH_NUMBER), each distinct run added to `runs` (up to
 * FULLWIDTH_LISTED), so that what was read can be said: config, --api-base and inspect say so of full-width
 * input, never silently take it.
 */
function halfWidthDigits(text: string, runs: FullwidthRead[]): string {
  if (!MAY_HOLD_FULLWIDTH.test(text)) return text;
  return text.replace(FULLWIDTH_NUMBER, (typed) => {
    const read = typed.replace(/[－＋０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (runs.length < FULLWIDTH_LISTED && !runs.some((r) => r.typed === typed)) runs.push({ typed, read });
    return read;
  });
}

/** The most of stdin read (characters): a `tail -n 1000` of a busy log; more is cut, and said to be. */
const STDIN_LIMIT = 1024 * 1024;

export function parseOptions(input: CommandInput): ErrcodeOptions {
  const { opts } = input;
  const fullwidth: FullwidthRead[] = [];
  const args = input.args.map((a) => halfWidthDigits(withoutTerminalEscapes(a), fullwidth).trim()).filter((a) => a !== '');
  const options: ErrcodeOptions = {
    inputs: args,
    list: opts.list === true,
    wecom: opts.wecom === true,
    fromStdin: args.includes('-'),
  };
  if (fullwidth.length > 0) options.fullwidth = fullwidth;
  if (typeof opts.stage === 'string') options.stage = opts.stage;
  if (typeof opts.endpoint === 'string') options.endpoint = opts.endpoint;
  if (options.stage !== undefined && !(LIST_STAGES as readonly string[]).includes(options.stage)) {
    throw new UsageError(
      { key: 'errcode.stage.invalid', params: { stage: options.stage } },
      { hint: { key: 'errcode.stage.invalid.hint', params: { stages: LIST_STAGES } } },
    );
  }
  // --stage alone means "list that stage".
  if (options.stage !== undefined && options.inputs.length === 0) options.list = true;
  if (options.list && options.inputs.length > 0) {
    throw new UsageError(
      { key: 'errcode.listWithInputs' },
      { hint: { key: 'errcode.listWithInputs.hint', params: { inputs: options.inputs.join(' ') } } },
    );
  }
  // Nothing given: what is piped (`curl … | wxauth errcode`) is read in run(); on a terminal, nothing to explain.
  if (!options.list && options.inputs.length === 0) Object.assign(options, { inputs: ['-'], fromStdin: true });
  return options;
}

export async function run(options: ErrcodeOptions, ctx: Context): Promise<ErrcodeResult> {
  if (options.list) {
    return {
      mode: 'list',
      codes: listErrcodes({ stage: options.stage, wecom: options.wecom }),
      all: options.wecom || options.stage === 'all',
    };
  }
  // `-` (or no input at all) stands for the piped text, where it was given.
  const fullwidth = [...(options.fullwidth ?? [])];
  const piped = options.fromStdin ? await pipedInput(ctx, fullwidth) : undefined;
  // A qyapi --api-base means WeCom's table applies.
  const apiBase = typeof ctx.globals.apiBase === 'string' ? ctx.globals.apiBase : undefined;
  const common = { wecom: options.wecom, endpoint: options.endpoint, apiBase, now: ctx.now() };
  // A piped log (several errcodes, or one among other lines): each explained once, from the line it is
  // first on, as if that line alone had been given where `-` stands among the inputs. A list of bare codes is read as
  // arguments are (each explained already), without loading the log's reader.
  const logged = piped !== undefined && !CODE_LIST_RE.test(piped.text) ? (await import('../core/errcode-log.js')).explainLog(piped.text, common) : undefined;
  let explained: ExplainInputsResult;
  let quoted: string[];
  if (logged !== undefined) {
    quoted = [...options.inputs.filter((i) => i !== '-'), ...logged.quoted];
    explained = { results: [], unknown: [] };
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) append(explained, explainInputs(run, common));
      run = [];
    };
    for (const input of options.inputs) {
      if (input !== '-') {
        run.push(input);
        continue;
      }
      flush();
      append(explained, logged.explained);
    }
    flush();
  } else {
    const inputs = options.inputs.map((i) => (i === '-' ? (piped?.text ?? '') : i));
    quoted = inputs;
    explained = explainInputs(inputs, common);
  }
  const { results, unknown } = explained;
  // A pasted log line or curl command carries the appsecret, the code or a token (`secret=…`,
  // `"access_token":"…"`): the inputs quoted back (--json's `input`, a keyword's title, an unknown one)
  // have them masked unless --show-secrets. A bare number or words has no `=` or `:`, and skips the
  // masking's patterns (their first run compiles them, issue 19).
  if (ctx.globals.showSecrets !== true && quoted.some((i) => /[=:]/.test(i))) {
    for (const shown of [...results, ...unknown]) {
      shown.input = ctx.secrets.redact(shown.input);
      if (shown.read !== undefined) shown.read = ctx.secrets.redact(shown.read);
    }
  }
  // Where nothing names it: an AppSecret pasted alone (`wxauth errcode <secret>`, piped, or after words), or
  // quoted in an errmsg (`invalid appsecret <secret>`). errcode's output is what people paste into chats.
  if (ctx.globals.showSecrets !== true && quoted.some(holdsSecretShape)) {
    for (const shown of [...results, ...unknown]) {
      shown.input = maskSecretShapes(shown.input);
      if (shown.read !== undefined) shown.read = maskSecretShapes(shown.read);
      if ('errmsg' in shown && shown.errmsg !== undefined) shown.errmsg = maskSecretShapes(shown.errmsg);
    }
    // A number quoted whole as out of range (32 to 80 digits: longer ones are named by their start and
    // length, ui/explain.ts) is masked as the input it came in is (32 digits are an AppSecret's shape).
    for (const shown of unknown) {
      const range = shown.outOfRange;
      if (range !== undefined && range.number.replace(/^-/, '').length <= 80) shown.outOfRange = { ...range, number: maskSecretShapes(range.number) };
    }
  }
  const result: ErrcodeResult = { mode: 'explain', results, unknown, exitCode: unknown.length > 0 ? EXIT.checkFailed : EXIT.ok };
  if (logged !== undefined) result.log = logged.log;
  if (piped?.cut === true) result.cut = STDIN_LIMIT;
  // A run as long as an AppSecret (32 digits typed full-width) is quoted back masked, as the input it came in is.
  if (fullwidth.length > 0)
    result.fullwidth = ctx.globals.showSecrets === true ? fullwidth : fullwidth.map((r) => (holdsSecretShape(r.read) ? { typed: redactValue(r.typed), read: maskSecretShapes(r.read) } : r));
  return result;
}

function append(to: ExplainInputsResult, more: ExplainInputsResult): void {
  to.results.push(...more.results);
  to.unknown.push(...more.unknown);
}

/**
 * The text piped on stdin, whole (a pretty-printed body spans lines), up to STDIN_LIMIT characters (`cut`
 * when there was more); none, or a terminal: nothing to explain.
 */
async function pipedInput(ctx: Context, fullwidth: FullwidthRead[]): Promise<{ text: string; cut: boolean }> {
  const read = ctx.stdin.isTTY ? '' : await (await import('../flows/stdin.js')).readStdin(ctx.stdin, STDIN_LIMIT + 1);
  const text = halfWidthDigits(withoutTerminalEscapes(read.slice(0, STDIN_LIMIT)), fullwidth).trim();
  if (text === '') throw new UsageError({ key: 'errcode.noInput' }, { hint: { key: 'errcode.noInput.hint' } });
  return { text, cut: read.length > STDIN_LIMIT };
}

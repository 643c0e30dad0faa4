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
import type { LoggedErrcode } from '../core/errcode-log.js';

export interface ErrcodeOptions {
  inputs: string[];
  list: boolean;
  stage?: string;
  wecom: boolean;
  endpoint?: string;
  /** An input `-` (or none given, which is read as `-`): the text piped on stdin, as a body or a log line pasted whole. */
  fromStdin: boolean;
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
      /** The piped text held several errcodes (a server's log): each was explained once, from where it is first. */
      log?: PipedLog;
      /** The piped text was longer than this many characters: only these were read. */
      cut?: number;
    };

/** A code found in a piped log: how many lines carry it and the first. */
export type LogEntry = Pick<LoggedErrcode, 'code' | 'count' | 'line'>;

export interface PipedLog {
  /** Every errcode found but 0, in the order first seen; the first `limit` are explained. */
  found: LogEntry[];
  limit: number;
  /** errcode 0 (a success), found but not explained when other codes are there. */
  success?: LogEntry;
}

/**
 * The most codes of a piped log explained (the rest are named, with how to explain one). A login fails
 * at one of a handful of stages, each with a few likely codes: a log with more distinct codes than
 * that is several problems at once, and 10 full explanations (~15 lines each) are already a few screens.
 */
export const LOG_EXPLAIN_LIMIT = 10;
/** The most of stdin read (characters): a `tail -n 1000` of a busy log; more is cut, and said to be. */
const STDIN_LIMIT = 1024 * 1024;

export function parseOptions(input: CommandInput): ErrcodeOptions {
  const { opts } = input;
  const args = input.args.map((a) => a.trim()).filter((a) => a !== '');
  const options: ErrcodeOptions = {
    inputs: args,
    list: opts.list === true,
    wecom: opts.wecom === true,
    fromStdin: args.includes('-'),
  };
  if (typeof opts.stage === 'string') options.stage = opts.stage;
  if (typeof opts.endpoint === 'string') options.endpoint = opts.endpoint;
  if (options.stage !== undefined && !(LIST_STAGES as readonly string[]).includes(options.stage)) {
    throw new UsageError(
      { key: 'errcode.stage.invalid', params: { stage: options.stage } },
      { hint: { key: 'errcode.stage.invalid.hint', params: { stages: LIST_STAGES.join(', ') } } },
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
  const piped = options.fromStdin ? await pipedInput(ctx) : undefined;
  // A qyapi --api-base means WeCom's table applies.
  const apiBase = typeof ctx.globals.apiBase === 'string' ? ctx.globals.apiBase : undefined;
  const common = { wecom: options.wecom, endpoint: options.endpoint, apiBase, now: ctx.now() };
  const logged = piped === undefined ? undefined : await codesOfLog(piped.text, options.wecom);
  let explained: ExplainInputsResult;
  let quoted: string[];
  let log: PipedLog | undefined;
  if (piped !== undefined && logged !== undefined) {
    // Several errcodes piped (a server's log): each explained once, from the line it is first on, as
    // if that line alone had been given where `-` stands among the inputs.
    const shown = logged.explain;
    quoted = [...options.inputs.filter((i) => i !== '-'), ...shown.map((e) => e.text)];
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
      for (const entry of shown) append(explained, explainLogged(entry, common));
    }
    flush();
    log = { found: logged.found, limit: LOG_EXPLAIN_LIMIT };
    if (logged.success !== undefined) log.success = logged.success;
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
  const result: ErrcodeResult = { mode: 'explain', results, unknown, exitCode: unknown.length > 0 ? EXIT.checkFailed : EXIT.ok };
  if (log !== undefined) result.log = log;
  if (piped?.cut === true) result.cut = STDIN_LIMIT;
  return result;
}

/**
 * The errcodes of a piped text when it holds more than one (a server's log: several lines, or one
 * code on several lines): those to explain, in the order first seen, errcode 0 left out when there are
 * others (a success, not what went wrong), at most LOG_EXPLAIN_LIMIT. Undefined for one errcode (a body,
 * pretty-printed or not, or a line of a log: read whole as before), none, or a list of bare codes (each
 * explained already).
 */
async function codesOfLog(
  text: string,
  wecom: boolean,
): Promise<{ explain: LoggedErrcode[]; found: LogEntry[]; success?: LogEntry } | undefined> {
  if (CODE_LIST_RE.test(text)) return undefined;
  const found = (await import('../core/errcode-log.js')).findErrcodesInLog(text, { wecom });
  if (found.reduce((n, e) => n + e.count, 0) < 2) return undefined;
  const errors = found.filter((e) => e.code !== 0);
  const success = found.find((e) => e.code === 0);
  const explain = (errors.length > 0 ? errors : found).slice(0, LOG_EXPLAIN_LIMIT);
  const entry = ({ code, count, line }: LogEntry): LogEntry => ({ code, count, line });
  return {
    explain,
    found: (errors.length > 0 ? errors : found).map(entry),
    ...(errors.length > 0 && success !== undefined ? { success: entry(success) } : {}),
  };
}

/**
 * One code of a piped log, explained from the text it was found in (its line: the errmsg, rid and words
 * around it), marked with the lines that carry it. When that text reads as another code (a line the
 * existing reading takes another way), the code alone, so that what is explained is what was counted.
 */
function explainLogged(entry: LoggedErrcode, common: Parameters<typeof explainInputs>[1]): ExplainInputsResult {
  const fromText = explainInputs([entry.text], common);
  const all = [...fromText.results, ...fromText.unknown];
  const explained = all.length === 1 && all[0]?.code === entry.code ? fromText : explainInputs([String(entry.code)], common);
  for (const shown of [...explained.results, ...explained.unknown]) {
    shown.line = entry.line;
    shown.count = entry.count;
  }
  return explained;
}

function append(to: ExplainInputsResult, more: ExplainInputsResult): void {
  to.results.push(...more.results);
  to.unknown.push(...more.unknown);
}

/**
 * The text piped on stdin, whole (a pretty-printed body spans lines), up to STDIN_LIMIT characters (`cut`
 * when there was more); none, or a terminal: nothing to explain.
 */
async function pipedInput(ctx: Context): Promise<{ text: string; cut: boolean }> {
  const read = ctx.stdin.isTTY ? '' : await (await import('../flows/stdin.js')).readStdin(ctx.stdin, STDIN_LIMIT + 1);
  const text = read.slice(0, STDIN_LIMIT).trim();
  if (text === '') throw new UsageError({ key: 'errcode.noInput' }, { hint: { key: 'errcode.noInput.hint' } });
  return { text, cut: read.length > STDIN_LIMIT };
}

// wxauth inspect <url>
// Lints an authorize / qrconnect URL (or a WxLogin iframe URL) or a callback URL against the profile's
// appid, account type and callback domain, and — for callbacks — the state `wxauth url` remembered.
// Exit 1 when an error-level finding exists.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { EXIT, UsageError } from '../errors.js';
import type { PasteHooks } from '../flows/stdin.js';
import {
  keysOfFinding,
  findingParamsJson,
  type FindingKeys,
  hasErrors,
  inspectUrl,
  predictWechatPage,
  redactParams,
  type Finding,
  type InspectContext,
  type InspectKind,
  type WechatPage,
} from '../core/inspect.js';
import { DEFAULT_OPEN_BASE } from '../core/endpoints.js';
import { addressInText } from '../core/callback-url.js';
import { redactUrl } from '../core/secrets.js';
import { profileFlag } from '../core/validate.js';
import { isoTime } from '../ui/format.js';

export interface InspectOptions {
  input: string;
  /** `-`: the link is read from stdin (longer than a command line takes: `pbpaste | wxauth inspect -`). */
  fromStdin?: boolean;
}

/** The most of stdin read (characters): far above any link WeChat takes, and above the argv limit. */
const STDIN_LIMIT = 4 * 1024 * 1024;

export interface InspectedFinding {
  finding: Finding;
  /** Catalogue keys of its message, effect and fix. */
  keys: FindingKeys;
  /** Its values as --json shows them (a list as one `a, b` string). */
  jsonParams: Record<string, string | number>;
  /** The page WeChat is expected to show for it, where known. */
  wechatPage?: WechatPage[];
}

export interface InspectCommandResult {
  kind: InspectKind;
  /** A WxLogin iframe URL (`login_type=jssdk`). */
  embedded: boolean;
  /** The parameters as WeChat reads them, secrets redacted unless --show-secrets. */
  params: Array<[string, string]>;
  /** Some value above was redacted (the report then says how to see it). */
  redacted: boolean;
  findings: InspectedFinding[];
  /** The address was read out of text around it (a log line's request, `callback: <url>`): what was linted. */
  extracted?: string;
  /** ` --profile x` for the commands the fixes offer (empty for the default profile). */
  profileFlag: string;
  exitCode: typeof EXIT.ok | typeof EXIT.checkFailed;
}

export function parseOptions(input: CommandInput): InspectOptions {
  if (input.args.length === 1 && input.args[0] === '-') return { input: '', fromStdin: true };
  const url = input.args.join(' ');
  if (url.trim() === '') {
    throw new UsageError({ key: 'inspect.missing_url' }, { hint: { key: 'inspect.missing_url.hint' } });
  }
  return { input: url };
}

/** What inspect compares against: the resolved profile, if there is anything in it. */
async function inspectContext(ctx: Context): Promise<InspectContext> {
  const config = await ctx.resolveConfig();
  const profile = { appid: config.appid, type: config.type, domain: config.domain, redirectUri: config.redirectUri };
  const any = Object.values(profile).some((v) => v !== undefined);
  return {
    ...(any ? { profile } : {}),
    ...(config.openBase.replace(/\/+$/, '') !== DEFAULT_OPEN_BASE ? { openBase: config.openBase } : {}),
  };
}

/** What `inspect -` tells the person at the terminal: to paste, once. A paste is never refused here: inspect judges it. */
async function terminalHooks(ctx: Context): Promise<PasteHooks> {
  // Loaded here, not at the top: a static import of the presenter costs every inspect a chunk more at start (issue 19).
  const { announceReadingTerminal } = await import('../ui/present/inspect.js');
  const none = () => undefined;
  return { onPastePrompt: () => announceReadingTerminal(ctx), onPasteRefused: none, onPasteEmpty: none, onPasteMore: none };
}

export async function run(options: InspectOptions, ctx: Context): Promise<InspectCommandResult> {
  // An address with words around it (`GET /cb?code=… HTTP/1.1` from a log, `callback: <url>`), or a
  // label glued to it (`回调地址：http://…`, no space after a full-width colon): the words would become
  // part of a parameter's name, and a callback read as "the user refused". Read out the way exchange
  // and listen --paste read it (core/callback-url.ts addressInText). Quotes alone around the URL are
  // not words to mention: inspectUrl drops them itself.
  if (options.fromStdin === true) {
    const { readStdin, readPasteFromTerminal } = await import('../flows/stdin.js');
    // On a terminal, as listen --paste reads one: the lines of a paste (a link that wrapped when copied)
    // read together, Enter ends it, Ctrl-C cancels (exit 130, nothing inspected). Without a person there
    // (CI set, or stderr not a terminal) a terminal gives nothing: "no URL", exit 2, never a wait.
    // One character past the limit read tells a cut-off input from one that just fits.
    const read = ctx.interactive
      ? await readPasteFromTerminal(ctx.stdin, ctx.signal, await terminalHooks(ctx), () => ({ kind: 'done' }))
      : await readStdin(ctx.stdin, STDIN_LIMIT + 1);
    if (read.trim() === '') throw new UsageError({ key: 'inspect.stdin.empty' }, { hint: { key: 'inspect.stdin.empty.hint' } });
    if (read.length > STDIN_LIMIT) throw new UsageError({ key: 'inspect.stdin.too_long', params: { mib: STDIN_LIMIT / 1024 / 1024 } }, { hint: { key: 'inspect.stdin.too_long.hint' } });
    options = { input: read };
  }
  const text = options.input.trim();
  const address = addressInText(text);
  const extracted = address !== undefined && !/^[\s"'`“”‘’「」『』＂＇<>]*$/.test(text.replace(address, '')) ? address : undefined;
  const input = address ?? options.input;
  const showSecrets = ctx.globals.showSecrets === true;
  const context = { ...(await inspectContext(ctx)), ...(showSecrets ? { showSecrets } : {}) };
  const config = await ctx.resolveConfig();
  let result = inspectUrl(input, context);
  if (result.kind === 'callback') {
    // Only a callback needs the remembered state; a URL lint never touches the token cache.
    const remembered = await ctx.rememberedState(config.profile, config.appid);
    if (remembered !== undefined) {
      // A state already used (its code exchanged by login, listen or exchange) is said as such, not as a match.
      const { usedOf } = await import('../store/state.js');
      // What the file records of the use (when, by which command), as data: the presenter words it.
      const used = usedOf(remembered);
      result = inspectUrl(input, { ...context, rememberedState: remembered.value, rememberedLink: { scope: remembered.scope, endpoint: remembered.endpoint }, ...(used ? { rememberedStateUsed: used } : {}) });
    }
  }

  const params = showSecrets ? result.params : redactParams(result.params, result.sessionParams);
  return {
    kind: result.kind,
    embedded: result.embedded === true,
    params,
    redacted: !showSecrets && params.some(([name], i) => result.params[i]?.[1] !== params[i]?.[1] && name !== ''),
    findings: result.findings.map((finding) => {
      const page = predictWechatPage(finding, result.kind);
      const jsonParams = findingParamsJson(finding.params);
      // The sentence says the time as the terminal shows it (local, no zone); --json carries it as
      // ISO 8601 in UTC, so a script reading it elsewhere knows which moment it was. What the file does
      // not record is left out (core leaves it out of the finding), never the sentence's placeholder.
      if (finding.id === 'callback.state_used' && typeof jsonParams.at === 'number') jsonParams.at = isoTime(jsonParams.at);
      return { finding, keys: keysOfFinding(finding), jsonParams, ...(page ? { wechatPage: page } : {}) };
    }),
    // Masked as the parameter list is: secrets by name and the copier's WeChat session (uin, key).
    ...(extracted !== undefined ? { extracted: showSecrets ? extracted : redactUrl(extracted, result.sessionParams) } : {}),
    profileFlag: profileFlag(config.profile),
    exitCode: hasErrors(result) ? EXIT.checkFailed : EXIT.ok,
  };
}

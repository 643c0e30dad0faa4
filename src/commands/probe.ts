// wxauth probe <start-url>: test the user's own WeChat login against the emulator (issue 14). Flags in,
// typed options out; the scenarios and checks live in flows/probe/; ui/present/probe.ts renders the
// report card, the --json document and the --html page.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { EXIT, UsageError, type MessageRef } from '../errors.js';
import { CHECK_IDS, DEFAULT_EXCHANGE_DELAY_MS, isCheckId, type CheckId } from '../flows/probe/checks.js';
import { runProbe, type ProbeReport } from '../flows/probe/run.js';
import { DEFAULT_EMULATOR } from '../flows/probe/control.js';
import { writeReportFile } from '../flows/probe/report-file.js';
import { checkOutputFile } from '../flows/output-file.js';
import { checkGlobalFlags } from '../store/resolve.js';
import { isWechatApiBase, withHttpScheme } from '../core/endpoints.js';
import { looksDeployed } from '../core/host-names.js';
import { suggest } from '../core/closest.js';
import { hideUrlCredentials } from '../core/secrets.js';
import { probeHooks, renderProbeHtml } from '../ui/present/probe.js';
import { confirmOrCancel } from '../ui/present/confirm.js';


export interface ProbeCommandOptions {
  target: string;
  /** undefined: the configured API base (--api-base, WXAUTH_API_BASE, profile), else DEFAULT_EMULATOR (decided in run). */
  emulator?: string;
  only?: CheckId[];
  skip?: CheckId[];
  returnParam?: string;
  reloadDelayMs: number;
  /** How late WeChat answers the code exchange in wechat.slow (--exchange-delay). */
  exchangeDelayMs: number;
  html?: string;
  /** --yes: replace an existing --html file without asking. */
  yes: boolean;
  /** --cookie name=value (repeatable; `a=1; b=2` too): sent to the app from each session's start. */
  cookies: Array<[string, string]>;
  /** --strict: a warning fails the run too (exit 1), for CI. */
  strict: boolean;
}

export interface ProbeResult extends ProbeReport {
  /** Where the --html page went: FILE, or a name beside it (htmlRequested) when a new file had taken FILE. */
  html?: string;
  /** FILE as given, when the page went elsewhere (a file appeared or changed there during the run, no --yes). */
  htmlRequested?: string;
  /** Why the --html page could not be written after all (the card is shown anyway). */
  htmlError?: string;
  showSecrets: boolean;
  /** --strict: the warnings count as failures in the exit code. */
  strict: boolean;
  exitCode: typeof EXIT.ok | typeof EXIT.checkFailed | typeof EXIT.usage;
}

function httpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** open.weixin.qq.com or one of WeChat's API hosts, when the URL is on one; undefined otherwise. */
function wechatHostOf(value: string): string | undefined {
  const host = new URL(value).hostname.toLowerCase();
  return host === 'open.weixin.qq.com' || isWechatApiBase(value) ? host : undefined;
}

/** The emulator asks for no password, and one in its URL would make every control call fail as "cannot reach". */
function refuseEmulatorCredentials(emulator: string): void {
  const u = new URL(emulator);
  if (u.username === '' && u.password === '') return;
  u.username = '';
  u.password = '';
  throw new UsageError({ key: 'probe.emulator_credentials', params: { url: hideUrlCredentials(emulator) } }, { hint: { key: 'probe.emulator_credentials.hint', params: { url: u.origin } } });
}

function checkList(value: unknown): CheckId[] | undefined {
  if (typeof value !== 'string') return undefined;
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (isCheckId(id)) continue;
    // `--only state.forgd`: name the check meant, as a mistyped flag or command is answered.
    const meant = suggest(id, CHECK_IDS);
    throw new UsageError({ key: 'probe.bad_check', params: { id } }, { hint: meant ? { key: 'probe.bad_check.meant', params: { id: meant } } : { key: 'probe.bad_check.hint', params: { ids: CHECK_IDS } } });
  }
  return ids as CheckId[];
}

/** --cookie values: `name=value`, or several as a Cookie header writes them (`a=1; b=2`). */
function cookieList(value: unknown): Array<[string, string]> {
  const given = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
  const pairs: Array<[string, string]> = [];
  for (const part of given.flatMap((v) => v.split(';')).map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    // A name is a token (RFC 6265): no spaces, separators or control characters.
    // Said by its name, or its first characters: a cookie's value is a session, never shown.
    if (eq <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(part.slice(0, eq)))
      throw new UsageError({ key: 'probe.bad_cookie', params: { value: eq > 0 ? `${part.slice(0, Math.min(eq, 40))}=…` : `${part.slice(0, 4)}…` } }, { hint: { key: 'probe.bad_cookie.hint' } });
    pairs.push([part.slice(0, eq), part.slice(eq + 1)]);
  }
  return pairs;
}

/**
 * What a refused delay flag's hint shows, told apart by the mistake. A duration with a unit (`6s` → 6000,
 * `1.5s` → 1500, `250ms` → 250): `united`, with its milliseconds when they fit (else `fallback`). A plain
 * number out of range or not whole: the nearest whole number in range. Anything else: `fallback`.
 */
function delayExample(raw: unknown, min: number, max: number, fallback: number): { united: boolean; example: number } {
  const united = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|m|min|minutes?)\s*$/i.exec(String(raw));
  if (united) {
    const unit = united[2]!.toLowerCase();
    const ms = Math.round(Number(united[1]) * (unit === 'ms' ? 1 : unit.startsWith('m') ? 60_000 : 1000));
    return { united: true, example: ms >= min && ms <= max ? ms : fallback };
  }
  const plain = /^\s*[+-]?\d+(?:\.\d+)?\s*$/.test(String(raw));
  return { united: false, example: plain ? Math.min(max, Math.max(min, Math.round(Number(raw)))) : fallback };
}

/** The hint for a start or emulator URL that is not http(s): its http:// form when it lacks only the scheme. */
function urlHint(value: string, otherwise: MessageRef): MessageRef {
  const url = withHttpScheme(value);
  if (url === undefined) return otherwise;
  const hint: MessageRef = { key: 'common.url.noScheme.hint', params: { url } };
  return hint;
}

export function parseOptions(input: CommandInput): ProbeCommandOptions {
  const target = input.args[0] ?? '';
  if (target.trim() === '') throw new UsageError({ key: 'probe.missing_url' }, { hint: { key: 'probe.missing_url.hint' } });
  if (!httpUrl(target)) throw new UsageError({ key: 'probe.bad_url', params: { url: hideUrlCredentials(target) } }, { hint: urlHint(target, { key: 'probe.missing_url.hint' }) });
  // WeChat's own address (an authorize link copied from the app's redirect, an API call): probe starts
  // where a user does, on the app, and plays WeChat itself; this would only be sent to the emulator.
  const wechatHost = wechatHostOf(target);
  if (wechatHost !== undefined)
    throw new UsageError({ key: wechatHost === 'open.weixin.qq.com' ? 'probe.target_is_wechat.open' : 'probe.target_is_wechat.api', params: { host: wechatHost } }, { hint: { key: 'probe.target_is_wechat.hint' } });
  const emulator = typeof input.opts.emulator === 'string' ? input.opts.emulator : undefined;
  if (emulator !== undefined && !httpUrl(emulator)) throw new UsageError({ key: 'probe.bad_emulator', params: { url: hideUrlCredentials(emulator) } }, { hint: urlHint(emulator, { key: 'probe.emulator_down.hint' }) });
  if (emulator !== undefined) refuseEmulatorCredentials(emulator);
  let reloadDelayMs = 2000;
  if (input.opts.reloadDelay !== undefined) {
    reloadDelayMs = Number(input.opts.reloadDelay);
    if (!Number.isInteger(reloadDelayMs) || reloadDelayMs < 0 || reloadDelayMs > 60_000) {
      const { united, example } = delayExample(input.opts.reloadDelay, 0, 60_000, 5000);
      const hint: MessageRef = united ? { key: 'probe.bad_delay.hint', params: { example } } : { key: 'probe.bad_delay.range_hint', params: { example } };
      throw new UsageError({ key: 'probe.bad_delay' }, { hint });
    }
  }
  let exchangeDelayMs = DEFAULT_EXCHANGE_DELAY_MS;
  if (input.opts.exchangeDelay !== undefined) {
    exchangeDelayMs = Number(input.opts.exchangeDelay);
    // Below 100 ms WeChat is not slow; past a minute no user waits.
    if (!Number.isInteger(exchangeDelayMs) || exchangeDelayMs < 100 || exchangeDelayMs > 60_000) {
      const { united, example } = delayExample(input.opts.exchangeDelay, 100, 60_000, 10_000);
      const params = { example, default: DEFAULT_EXCHANGE_DELAY_MS };
      const hint: MessageRef = united ? { key: 'probe.bad_exchange_delay.hint', params } : { key: 'probe.bad_exchange_delay.range_hint', params };
      throw new UsageError({ key: 'probe.bad_exchange_delay' }, { hint });
    }
  }
  const only = checkList(input.opts.only);
  const skip = checkList(input.opts.skip);
  // Lists that leave nothing to run would report 20 skips and exit 0: a CI job "passing" without a check.
  if (only !== undefined && only.length === 0) throw new UsageError({ key: 'probe.only_empty' }, { hint: { key: 'probe.bad_check.hint', params: { ids: CHECK_IDS } } });
  // An empty --skip (`--skip "$SKIP"` with the variable unset) would run every check: what was meant is
  // unknown, so it is refused as an empty --only is.
  if (skip !== undefined && skip.length === 0) throw new UsageError({ key: 'probe.skip_empty' }, { hint: { key: 'probe.skip_empty.hint' } });
  if (skip !== undefined && CHECK_IDS.every((id) => (only !== undefined && !only.includes(id)) || skip.includes(id)))
    throw only !== undefined
      ? new UsageError({ key: 'probe.nothing_selected', params: { only, skip } }, { hint: { key: 'probe.nothing_selected.hint' } })
      : new UsageError({ key: 'probe.nothing_selected.skip_all' }, { hint: { key: 'probe.nothing_selected.skip_all.hint' } });
  return {
    target,
    emulator,
    cookies: cookieList(input.opts.cookie),
    strict: input.opts.strict === true,
    only,
    skip,
    returnParam: typeof input.opts.returnParam === 'string' ? input.opts.returnParam : undefined,
    reloadDelayMs,
    exchangeDelayMs,
    html: typeof input.opts.html === 'string' ? input.opts.html : undefined,
    yes: input.opts.yes === true,
  };
}

/**
 * The emulator when --emulator is not given: the API base every other command uses (--api-base, else
 * WXAUTH_API_BASE, else the profile's apiBase), unless that is WeChat's own host (the default), which
 * has no control API.
 */
async function configuredEmulator(ctx: Context): Promise<string | undefined> {
  const { apiBase } = await ctx.resolveConfig();
  return isWechatApiBase(apiBase) ? undefined : apiBase;
}

export async function run(options: ProbeCommandOptions, ctx: Context): Promise<ProbeResult> {
  const emulator = options.emulator ?? (await configuredEmulator(ctx)) ?? DEFAULT_EMULATOR;
  refuseEmulatorCredentials(emulator);
  // Before any scenario runs: the report must not be lost to a path that cannot be written, and a file
  // the user kept is replaced only with --yes or their answer.
  const htmlCheck = options.html ? checkOutputFile(options.html, '--html', 'probe.html', { key: 'common.output.stdout.html' }) : undefined;
  if (options.html && htmlCheck?.exists)
    await confirmOrCancel(ctx, { yes: options.yes, warning: { key: 'probe.html_file.exists', params: { file: options.html } }, question: { key: 'probe.html_file.replace', params: { file: options.html } } });
  // --timeout and --api-base are checked as every command checks them (exit 2), --emulator given or not.
  const timeoutMs = checkGlobalFlags(ctx.globals);
  const report = await runProbe(
    {
      target: options.target,
      emulator,
      only: options.only,
      skip: options.skip,
      returnParam: options.returnParam,
      reloadDelayMs: options.reloadDelayMs,
      exchangeDelayMs: options.exchangeDelayMs,
      timeoutMs,
      signal: ctx.signal,
      cookies: options.cookies,
      showSecrets: ctx.globals.showSecrets === true,
    },
    probeHooks(ctx.out, hideUrlCredentials(options.target), emulator, looksDeployed(options.target), ctx.globals.showSecrets === true),
  );
  const failed = report.checks.some((c) => c.status === 'fail' || (options.strict && c.status === 'warn'));
  // The page is written here, where files are; the presenter only says where it went, or, should the
  // write fail after all (disk full, folder removed meanwhile), shows the card and then the error (exit 2).
  const written = options.html && htmlCheck ? writeReportFile(options.html, renderProbeHtml(report, ctx.out), htmlCheck, options.yes) : undefined;
  const htmlError = written && 'error' in written ? written.error : undefined;
  const html = written && 'file' in written ? written.file : options.html;
  const htmlRequested = written && 'file' in written && written.elsewhere ? options.html : undefined;
  return { ...report, html, ...(htmlRequested ? { htmlRequested } : {}), ...(htmlError ? { htmlError } : {}), showSecrets: ctx.globals.showSecrets === true, strict: options.strict, exitCode: failed ? EXIT.checkFailed : htmlError ? EXIT.usage : EXIT.ok };
}

// wxauth doctor [--verify-file MP_verify_xxx.txt | ./path/to/it] [--connect-to HOST:PORT:ADDR:PORT2 ...]
// Checks a deployment end to end before anyone scans: the verdicts are core/doctor.ts's, the probes
// src/flows/doctor/'s. Exit 1 when a check fails (warnings alone: 0); a profile that cannot be
// resolved is a failed check too, so the report still says what Node and the rest look like — but it
// exits 4 then (--profile names no profile, config.json does not parse), as every other command does.
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { ConfigError, EXIT, UsageError, osReason, type MessageRef } from '../errors.js';
import { osErrorHint } from '../store/files.js';
import { isVerifyFileName, verifyFileCopyOf, verifyFileCopyRefusal } from '../core/validate.js';
import { shellWord } from '../core/shell.js';
import { parseConnectTo, type ConnectRule, type DoctorReport, type VerifyExpectation } from '../core/doctor.js';
import { runDoctor } from '../flows/doctor/index.js';
import { proxySettingsFrom } from '../core/proxy-route.js';
import { hideUrlCredentials } from '../core/secrets.js';
import { doctorHooks } from '../ui/present/doctor.js';
import { DEFAULT_PROFILE, isUnknownProfile, isUnknownProfileError, pickProfileName, type ResolvedConfig } from '../store/resolve.js';

/** Per-check deadline unless --timeout says otherwise: doctor should answer in seconds. */
const DOCTOR_TIMEOUT_MS = 5_000;

export interface DoctorOptions {
  /** --verify-file as given: a file name, or a path to the local file. */
  verifyFile?: string;
  connectTo: ConnectRule[];
}

/** The report, with exit 4 (config) when the profile itself could not be read. */
export type DoctorResult = Omit<DoctorReport, 'exitCode'> & { exitCode: DoctorReport['exitCode'] | typeof EXIT.config };

export function parseOptions(input: CommandInput): DoctorOptions {
  const raw = input.opts.connectTo;
  const specs = raw === undefined ? [] : Array.isArray(raw) ? (raw as string[]) : [String(raw)];
  const connectTo = specs.map((spec) => {
    const rule = parseConnectTo(spec);
    if (!rule) throw new UsageError({ key: 'doctor.connectTo.invalid', params: { value: spec } }, { hint: { key: 'doctor.connectTo.invalid.hint' } });
    return rule;
  });
  const verifyFile = typeof input.opts.verifyFile === 'string' ? input.opts.verifyFile : undefined;
  return { connectTo, ...(verifyFile !== undefined ? { verifyFile } : {}) };
}

/**
 * The verify file to look for: a local file (its name, and its content to compare) when the flag
 * names one that exists, else a bare MP_verify_xxx.txt name, else the profile's verifyFile.
 */
function verifyExpectation(flag: string | undefined, profile: string | undefined): VerifyExpectation | undefined {
  if (flag === undefined) return profile ? { name: profile } : undefined;
  // The file's address on the site: doctor builds that itself from the domain; what it needs is the name.
  if (/^https?:\/\//i.test(flag)) {
    const name = path.posix.basename(flag.split(/[?#]/)[0] ?? '');
    throw new UsageError({ key: 'doctor.verifyFile.url', params: { value: flag } }, { hint: { key: 'doctor.verifyFile.url.hint', params: { name: isVerifyFileName(name) ? name : 'MP_verify_xxx.txt' } } });
  }
  const name = path.basename(flag);
  // `MP_verify_AbC123 (1).txt`, a browser's second download: WeChat fetches the console's name, which is
  // said, with the mv to it for a file that is here (a bare name: that name to give instead).
  const copy = verifyFileCopyOf(name);
  const refuseCopy = (here: boolean) => {
    const refused = verifyFileCopyRefusal('--verify-file', flag, (named): MessageRef =>
      here ? { key: 'doctor.verifyFile.copyName.hint.rename', params: { command: `mv ${shellWord(flag)} ${shellWord(path.join(path.dirname(flag), named))}` } } : { key: 'doctor.verifyFile.copyName.hint.name', params: { name: named } },
    )!;
    return new UsageError(refused.problem, { hint: refused.hint });
  };
  const refuse = () => (copy ? refuseCopy(false) : new UsageError({ key: 'doctor.verifyFile.notFound', params: { value: flag } }, { hint: { key: 'doctor.verifyFile.notFound.hint' } }));
  let content: string | undefined;
  let failure: unknown;
  try {
    const stats = fs.statSync(flag);
    if (stats.isDirectory()) failure = { code: 'EISDIR' };
    // A file there, but not by the name WeChat fetches (`--verify-file /etc/passwd`): said as that, not
    // as unreadable, and not read.
    else if (stats.isFile() && copy) throw refuseCopy(true);
    else if (stats.isFile() && !isVerifyFileName(name)) throw new UsageError({ key: 'doctor.verifyFile.notVerifyName', params: { value: flag, name } }, { hint: { key: 'doctor.verifyFile.notFound.hint' } });
    else if (stats.isFile()) content = fs.readFileSync(flag, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    failure = error;
  }
  // A path (not a bare name) that cannot be read: say why — missing, a folder, no permission — and
  // what fits that cause, instead of "neither a name nor a file".
  if (content === undefined && name !== flag && failure !== undefined) {
    let hint = osErrorHint(flag, failure, 'read');
    if (hint === undefined) hint = { key: 'doctor.verifyFile.notFound.hint' };
    throw new UsageError({ key: 'doctor.verifyFile.unreadable', params: { value: flag, reason: osReason(failure, 'read') } }, { hint });
  }
  if (!isVerifyFileName(name)) throw refuse();
  if (content === undefined && name !== flag) throw refuse();
  return { name, ...(content !== undefined ? { content } : {}) };
}

export async function run(options: DoctorOptions, ctx: Context): Promise<DoctorResult> {
  let config: ResolvedConfig | { error: ConfigError; profile: string };
  // config.json itself cannot be read (does not parse, is not a file): exit 4 below. A value in it that
  // the validation refuses is a failed profile check like any other (exit 1).
  // (Any other failure to open it comes back from resolveConfig below.)
  const fileBroken = await ctx.configStore().then(
    () => false,
    (error: unknown) => error instanceof ConfigError,
  );
  try {
    config = await ctx.resolveConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    let profile = DEFAULT_PROFILE;
    try {
      profile = pickProfileName(ctx.globals, ctx.env, undefined).name;
    } catch {
      // The name itself is the problem; the error says so.
    }
    config = { error, profile };
  }
  const resolved = 'error' in config ? undefined : config;
  const verify = verifyExpectation(options.verifyFile, resolved?.verifyFile);
  const timeoutMs = ctx.globals.timeout !== undefined && resolved ? resolved.timeoutMs : DOCTOR_TIMEOUT_MS;
  const report = await runDoctor(
    { config, connectTo: options.connectTo, ...(verify ? { verify } : {}) },
    {
      now: () => ctx.now(),
      timeoutMs,
      proxy: proxySettingsFrom(ctx.env),
      showProxy: hideUrlCredentials,
      openTokenStore: () => ctx.tokenStore(),
      secrets: ctx.secrets,
      showSecrets: ctx.globals.showSecrets === true,
      signal: ctx.signal,
      ...doctorHooks(ctx.out, { verbose: ctx.globals.verbose === true, curl: ctx.globals.curl === true }),
    },
  );
  // No profile to check at all (a config.json that cannot be read, a --profile that names none, no
  // config and no WXAUTH_* values on a fresh machine) or a token cache that cannot be read: the config
  // is missing or broken, exit 4 as README's table says for every command. A profile that exists (or
  // whose values come from the environment) but lacks or refuses a value is what doctor checks: a
  // failure, exit 1.
  const failed = (id: string) => report.checks.some((c) => c.id === id && c.status === 'fail');
  // A profile named by --profile/WXAUTH_PROFILE that is not saved is still one to check when the
  // environment gives it an account (CI), as check, userinfo and tokens take it (store/resolve.ts).
  const nothingToCheck = (c: ResolvedConfig) => (isUnknownProfile(c) && c.appid === undefined) || (!c.profileExists && [c.type, c.appid, c.secret, c.domain, c.redirectUri].every((v) => v === undefined));
  // A --profile a slip from a saved one is refused by the resolver even with WXAUTH_* values: no profile to check either.
  const broken = ('error' in config ? fileBroken || isUnknownProfileError(config.error) : failed('profile') && nothingToCheck(config)) || failed('token-cache');
  return broken ? { ...report, exitCode: EXIT.config } : report;
}

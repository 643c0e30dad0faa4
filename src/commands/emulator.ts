// wxauth emulator: run the local WeChat emulator until Ctrl-C. Flags -> EmulatorOptions ->
// startEmulator() -> the presenter's `started` hook prints the base URL (stdout) and ready-to-copy app
// lines (stderr) while it serves; the result, once stopped, says so. --open then shows the emulator's
// own page (GET /, src/emulator/ui-page.ts) in the desktop browser, or says its URL when it cannot.
import { isIP } from 'node:net';
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { ConfigError, UsageError, bindReason, messageRef, osReason, type MessageRef } from '../errors.js';
import { osErrorHint } from '../store/files.js';
import {
  EmulatorSeedError,
  FaultSpecError,
  SWITCH_VALUES,
  loadSeedFile,
  parseFaultSpec,
  parseSwitch,
  startEmulator,
  defaultSeed,
  faultText,
  neverFires,
  type EmulatorHandle,
  type FaultSpec,
  type Seed,
  type EmulatorOptions,
  type EmulatorSwitches,
} from '../emulator/index.js';
import { exportLine } from '../emulator/ui-api.js';
import { redactValue } from '../core/secrets.js';
import { issuableScopes } from '../emulator/scopes.js';
import { suggest } from '../core/closest.js';
import { bindHostOf, hostInText, unreachableListenHost } from '../core/host-names.js';
import { EMULATOR_DEFAULT_PORT } from '../core/endpoints.js';
import { emulatorHooks, type EmulatorOpened, type StartedFault } from '../ui/present/emulator.js';
import { tKey, type Lang } from '../ui/i18n.js';

export const DEFAULT_PORT = EMULATOR_DEFAULT_PORT;

function invalid(option: string, value: unknown, allowed: readonly unknown[]): UsageError {
  return new UsageError(
    { key: 'emulator.option.invalid', params: { option, value: String(value) } },
    { hint: { key: 'emulator.option.invalid.hint', params: { allowed: allowed.map(String) } } },
  );
}

/** A switch's values as --set takes them: `name=a|b`, or the one switch without a list. */
function switchForms(name: string): string {
  return name === 'callerIp' ? 'callerIp=IP' : `${name}=${(SWITCH_VALUES[name] ?? []).map(String).join('|')}`;
}

/**
 * A --set item refused: for a switch that exists, its own values (not all 27 switches'); for a name that
 * does not, the closest one with its values, else the names.
 */
function badSwitch(name: string, item: string): UsageError {
  const names = [...Object.keys(SWITCH_VALUES), 'callerIp'];
  if (names.includes(name)) return invalid('--set', item, [switchForms(name)]);
  // A near miss, or the start of one name only (ticketGrace → ticketGraceSeconds).
  const starting = name.length >= 4 ? names.filter((n) => n.toLowerCase().startsWith(name.toLowerCase())) : [];
  const suggestion = suggest(name, names, 3) ?? (starting.length === 1 ? starting[0] : undefined);
  return new UsageError(
    { key: 'emulator.set.unknown', params: { name } },
    {
      hint: suggestion
        ? { key: 'emulator.set.unknown.suggest', params: { suggestion, allowed: switchForms(suggestion) } }
        : { key: 'emulator.set.unknown.hint', params: { names } },
    },
  );
}

function pick<T>(option: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => String(a) === String(value));
  if (found === undefined) throw invalid(option, value, allowed);
  return found;
}

function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

export interface EmulatorCommandOptions {
  port: number;
  host: string;
  seedFile?: string;
  /** --open: show the emulator's page in the desktop browser once it listens. */
  open: boolean;
  emulator: EmulatorOptions;
}

export interface EmulatorResult {
  /** The base URL it served on, until stopped. */
  url: string;
}

/** Turn commander's options into typed emulator options; every bad value is a UsageError with a hint. */
export function parseOptions(input: CommandInput): EmulatorCommandOptions {
  const { opts } = input;
  const rawPort = opts.port ?? DEFAULT_PORT;
  const port = Number(rawPort);
  if (!/^\d+$/.test(String(rawPort)) || !Number.isInteger(port) || port > 65535)
    throw new UsageError({ key: 'emulator.port.invalid', params: { value: String(rawPort) } }, { hint: { key: 'emulator.port.invalid.hint' } });
  // `[::1]`, as a URL writes it, is bound as ::1 (the OS would look `[::1]` up as a name).
  const host = typeof opts.host === 'string' && opts.host !== '' ? bindHostOf(opts.host) : '127.0.0.1';
  // Refused before listening: the OS may bind it, but the base URL printed for it would be one nothing can use.
  const unreachable = unreachableListenHost(host);
  if (unreachable !== undefined)
    throw new UsageError({ key: 'emulator.host.invalid', params: { host: hostInText(host), detail: { key: unreachable === 'zoned' ? 'common.host.zoned' : 'common.host.multicast' } } }, { hint: { key: 'emulator.host.invalid.hint' } });

  const switches: Partial<EmulatorSwitches> = {};
  const assign = (name: keyof EmulatorSwitches, value: unknown) => {
    if (value !== undefined) (switches as Record<string, unknown>)[name] = value;
  };
  assign('contentType', pick('--content-type', opts.contentType, ['json', 'text', 'auto'] as const));
  assign('ridStyle', pick('--rid-style', opts.ridStyle, ['rid', 'hints', 'none'] as const));
  assign('expiredCodeErrcode', pick('--expired-code-errcode', opts.expiredCodeErrcode, [40029, 42003] as const));
  assign('denyBehaviour', pick('--deny-behaviour', opts.denyBehaviour, ['redirect-state-only', 'no-redirect'] as const));
  assign('unknownPath', pick('--unknown-path', opts.unknownPath, ['40066', '404'] as const));
  if (opts.paramOrderCheck === false) switches.paramOrderCheck = false;
  if (typeof opts.callerIp === 'string') {
    // It is written into 40164's errmsg, where WeChat writes the caller's address.
    if (isIP(opts.callerIp) === 0)
      throw new UsageError({ key: 'emulator.callerIp.invalid', params: { value: opts.callerIp } }, { hint: { key: 'emulator.callerIp.invalid.hint' } });
    switches.callerIp = opts.callerIp;
  }
  for (const item of list(opts.set)) {
    const eq = item.indexOf('=');
    // `name = value` (quoted with spaces) reads as name=value.
    const name = eq > 0 ? item.slice(0, eq).trim() : item;
    const parsed = eq > 0 ? parseSwitch(name, item.slice(eq + 1).trim()) : undefined;
    if (!parsed) throw badSwitch(name, item);
    assign(parsed.name, parsed.value);
  }

  const domainOverrides: Record<string, string> = {};
  for (const item of list(opts.domain)) {
    const m = /^(wx[0-9a-f]{16})=([A-Za-z0-9.-]+(?::(\d{1,5}|\*))?)$/.exec(item);
    const port = m?.[3];
    if (!m || (port !== undefined && port !== '*' && !(Number(port) >= 1 && Number(port) <= 65535))) throw new UsageError({ key: 'emulator.domain.invalid', params: { value: item } }, { hint: { key: 'emulator.domain.invalid.hint' } });
    domainOverrides[m[1]!] = m[2]!;
  }

  // --ip-whitelist wx…=1.2.3.4 (repeatable; `wx…=1.2.3.4,5.6.7.8` too: a bare IP after a pair is that
  // app's): the app's whitelist is every IP given for it.
  const ipWhitelists: Record<string, string[]> = {};
  let lastApp: string | undefined;
  for (const item of list(opts.ipWhitelist)) {
    const m = /^(wx[0-9a-f]{16})=(.+)$/.exec(item);
    const appid = m ? m[1]! : lastApp;
    const ip = m ? m[2]! : item;
    if (appid === undefined || isIP(ip) === 0) throw new UsageError({ key: 'emulator.ipWhitelist.invalid', params: { value: item } }, { hint: { key: 'emulator.ipWhitelist.invalid.hint' } });
    (ipWhitelists[appid] ??= []).push(ip);
    lastApp = appid;
  }

  const faults = list(opts.fault).map((spec) => {
    try {
      return parseFaultSpec(spec);
    } catch (error) {
      if (error instanceof FaultSpecError)
        throw new UsageError(messageRef(error.problem.key, error.problem.params), { hint: { key: 'emulator.fault.invalid.hint' } });
      throw error;
    }
  });

  return {
    port,
    host,
    seedFile: typeof opts.seed === 'string' ? opts.seed : undefined,
    open: opts.open === true,
    emulator: { port, host, switches, faults, domainOverrides, ipWhitelists },
  };
}

/** --domain or --ip-whitelist for an appid the seed does not have is a bad flag (exit 2), not a problem of the seed. */
function checkAppOverrides(seed: Seed, overrides: Record<string, unknown>, flag: '--domain' | '--ip-whitelist'): void {
  const appids = seed.apps.map((a) => a.appid);
  for (const appid of Object.keys(overrides))
    if (!appids.includes(appid))
      throw new UsageError({ key: 'emulator.domain.unknownApp', params: { flag, appid, appids } }, { hint: { key: 'emulator.domain.unknownApp.hint', params: { flag, example: appids[0] ?? appid } } });
}

async function start(options: EmulatorCommandOptions, lang: Lang): Promise<EmulatorHandle> {
  const emulatorOptions = { ...options.emulator };
  try {
    emulatorOptions.seed = options.seedFile ? await loadSeedFile(options.seedFile) : defaultSeed();
    checkAppOverrides(emulatorOptions.seed, options.emulator.domainOverrides ?? {}, '--domain');
    checkAppOverrides(emulatorOptions.seed, options.emulator.ipWhitelists ?? {}, '--ip-whitelist');
    return await startEmulator(emulatorOptions);
  } catch (error) {
    if (error instanceof EmulatorSeedError) {
      if (error.reason === 'unreadable') {
        // The OS error's reason in the user's words, and advice that fits it (a missing file, a folder, no permission).
        const file = options.seedFile ?? '';
        throw new ConfigError({ key: 'emulator.seed.unreadable', params: { file, detail: osReason(error.cause, 'read') } }, { hint: seedHint(file, error.cause), cause: error });
      }
      // Every problem in the user's language (the emulator's own sentences are English).
      const problems = error.found.map((p) => tKey(lang, p.key, p.params)).join(lang === 'zh' ? '；' : '; ');
      throw new ConfigError({ key: 'emulator.seed.invalid', params: { file: options.seedFile ?? '(built-in)', problems } }, { hint: { key: 'emulator.seed.invalid.hint' }, cause: error });
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      const { isEmulatorAt, nextFreePort } = await import('../flows/free-port.js');
      const [next, emulator] = await Promise.all([nextFreePort(options.port, options.host), isEmulatorAt(options.host, options.port)]);
      // Most often the emulator started earlier in another terminal: say so, and where its page is.
      if (emulator) {
        const shown = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
        const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${options.port}`;
        throw new UsageError({ key: 'emulator.port.inUse.emulator', params: { port: options.port, url } }, { hint: { key: 'emulator.port.inUse.emulator.hint', params: { url, next } }, cause: error });
      }
      throw new UsageError({ key: 'emulator.port.inUse', params: { port: options.port } }, { hint: { key: 'emulator.port.inUse.hint', params: { next } }, cause: error });
    }
    if (code === 'EACCES')
      throw new UsageError({ key: 'emulator.port.denied', params: { port: options.port } }, { hint: { key: 'emulator.port.denied.hint' }, cause: error });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EINVAL')
      throw new UsageError({ key: 'emulator.host.invalid', params: { host: hostInText(options.host), detail: bindReason(error, options.host) } }, { hint: { key: 'emulator.host.invalid.hint' }, cause: error });
    throw error;
  }
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** A --fault as the start-up lines show it: its spec, whether it hits every path, and a path it can never match. */
function describeFault(fault: FaultSpec): StartedFault {
  const described: StartedFault = { spec: faultText(fault), everywhere: fault.path === undefined && fault.count === undefined };
  const never = neverFires(fault);
  if (never) {
    described.unknownPath = never.path;
    if (never.suggestion !== undefined) described.suggestion = never.suggestion;
  }
  return described;
}

/** --open: hand the page to the platform's opener (ui/browser.ts, which checks its exit status). */
async function openPage(url: string, env: Readonly<Record<string, string | undefined>>): Promise<EmulatorOpened['outcome']> {
  const { hasDisplay, tryOpenInBrowser, openerFailureOf, openFailureReason } = await import('../ui/browser.js');
  if (!hasDisplay(env)) return 'noDisplay';
  const outcome = await tryOpenInBrowser(url, env);
  // Why not, as url --open says it: an opener there that could not be started or was killed is no missing one.
  return outcome.opened ? 'opened' : { failed: openFailureReason(openerFailureOf(outcome)) };
}

export async function run(options: EmulatorCommandOptions, ctx: Context): Promise<EmulatorResult> {
  const hooks = emulatorHooks(ctx.out);
  const emu = await start(options, ctx.lang);
  try {
    // Printed now, not by the presenter: the emulator serves until Ctrl-C, and the URL is needed meanwhile.
    const page = `${emu.url}/`;
    // A seed file's apps may carry a real AppSecret (a developer mirroring their own appid and secret):
    // masked in the table and the export lines unless --show-secrets; the built-in seed's are fake.
    const masked = options.seedFile !== undefined && !ctx.globals.showSecrets;
    hooks.started({
      url: emu.url,
      page,
      apps: emu.apps.map((a) => {
        const shown = masked ? { ...a, secret: redactValue(a.secret) } : a;
        return { ...a, scopes: issuableScopes(a).scopes, env: exportLine(emu.url, a), shownSecret: shown.secret, shownEnv: exportLine(emu.url, shown) };
      }),
      ...(options.seedFile !== undefined ? { seedFile: options.seedFile, secretsMasked: masked } : {}),
      users: emu.users,
      host: options.host,
      faults: (options.emulator.faults ?? []).map(describeFault),
      switches: options.emulator.switches ?? {},
    });
    if (options.open) hooks.opened({ page, outcome: await openPage(page, ctx.env) });
    await untilAborted(ctx.signal);
  } finally {
    await emu.close();
  }
  return { url: emu.url };
}

/**
 * Advice for a seed file that cannot be read: the OS error's own (a missing file, a folder, no
 * permission), else the general one. Returns, not a `let` reassigned: narrowing a MessageRef (a union of
 * every catalogue key) by assignment costs tsc minutes (ui/present/error.ts errorHint).
 */
function seedHint(file: string, cause: unknown): MessageRef {
  const fromOs = osErrorHint(file, cause, 'read');
  if (fromOs !== undefined) return fromOs;
  return messageRef('emulator.seed.unreadable.hint');
}

// wxauth proxy (issue 15): sit between the user's servers and WeChat until Ctrl-C. Flags ->
// ProxyCommandOptions -> flows/proxy/server.ts; the presenter's hooks print each call and detector hit
// as it happens; the result, once stopped, is the summary (and the HAR file, if asked for).
// --intercept adds the HTTPS forward proxy with the local CA (store/ca.ts, flows/proxy/certs.ts);
// --print-ca only prints that CA's certificate.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { EXIT, UsageError, bindReason, osReason, type ExitCode, type MessageRef } from '../errors.js';
import { REGIONS, isRegion, withHttpScheme } from '../core/endpoints.js';
import { hideUrlCredentials } from '../core/secrets.js';
import { bindHostOf, hostInText, isOwnAddress, unreachableListenHost } from '../core/host-names.js';
import type { ProxySummary } from '../core/proxy-stats.js';
import type { HarEntry } from '../core/proxy-har.js';
import { INTERCEPTED_HOSTS, proxySettingsFrom } from '../core/proxy-route.js';
import { parseTimeout, stateDir } from '../store/resolve.js';
import { startProxy, type ProxyHandle } from '../flows/proxy/server.js';
import { HarWriter } from '../flows/proxy/har-file.js';
import { checkOutputFile } from '../flows/output-file.js';
import { confirmOrCancel } from '../ui/present/confirm.js';
import { proxyHooks } from '../ui/present/proxy.js';

export const DEFAULT_PORT = 3901;

export interface ProxyCommandOptions {
  port: number;
  /** --allow-host: more Host names the proxy answers to (its own addresses always). */
  allowHosts: string[];
  host: string;
  /** Set by --upstream; otherwise the global --region (or the default host) decides in run(). */
  upstream?: string;
  har?: string;
  quotas: Record<string, number>;
  intercept: boolean;
  printCa: boolean;
  /** --yes: replace an existing --har file without asking. */
  yes: boolean;
}

/** `--print-ca`: the CA certificate (public) and where it is. */
export interface ProxyCaResult {
  kind: 'ca';
  certPath: string;
  keyPath: string;
  certPem: string;
  created: boolean;
  /** An earlier wxauth's CA, without today's name constraint (store/ca.ts): the presenter says how to replace it. */
  outdated: boolean;
  /**
   * What makes this CA untrustworthy to print: its files are another user's, or its folder is writable
   * by others (store/files.ts checkStateDir), who could swap the CA people are about to trust.
   */
  warnings: MessageRef[];
}

export type ProxyResult = ProxyRunResult | ProxyCaResult;

export interface ProxyRunResult {
  kind: 'run';
  url: string;
  upstream: string;
  summary: ProxySummary;
  /**
   * The HAR: `file` where it went; `requested`, FILE as given when it went beside it instead (a file
   * appeared or changed at FILE while the proxy ran, no --yes).
   */
  har?: { file: string; count: number; requested?: string; error?: string };
  /** 2 when the HAR asked for could not be written at the end (as a bad --har path found at the start); else 0. */
  exitCode?: ExitCode;
}

/** The HAR written when a second Ctrl-C quit at once: `left` calls were still in flight and are not in it. */
export type HarAtExit = NonNullable<ProxyRunResult['har']> & { left: number };

function parseUpstream(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    // `--upstream 127.0.0.1:3900` (URL reads "127.0.0.1:" as a scheme): the http:// form it means.
    const meant = withHttpScheme(value);
    const hint: MessageRef = meant === undefined ? { key: 'proxy.upstream.invalid.hint' } : { key: 'common.url.noScheme.hint', params: { url: meant } };
    throw new UsageError({ key: 'proxy.upstream.invalid', params: { value: hideUrlCredentials(value) } }, { hint });
  }
  return value.replace(/\/+$/, '');
}

/**
 * --upstream naming the proxy's own address and port (`--port 3900 --upstream http://127.0.0.1:3900`,
 * the emulator's port taken by the proxy): every call would be forwarded to the proxy again, thousands a
 * second, until Ctrl-C. The rule the upstream agents apply to an HTTPS_PROXY naming the proxy (a
 * random --port 0 cannot be named beforehand).
 */
function pointsAtItself(upstream: string, host: string, port: number): boolean {
  const u = new URL(upstream);
  return port !== 0 && isOwnAddress(u.hostname, Number(u.port) || (u.protocol === 'https:' ? 443 : 80), { host, port });
}

export function parseOptions(input: CommandInput): ProxyCommandOptions {
  const { opts } = input;
  const rawPort = opts.port ?? DEFAULT_PORT;
  const port = Number(rawPort);
  if (!/^\d+$/.test(String(rawPort)) || port > 65535)
    throw new UsageError({ key: 'proxy.port.invalid', params: { value: String(rawPort) } }, { hint: { key: 'proxy.port.invalid.hint' } });
  const quotas: Record<string, number> = {};
  const items = (Array.isArray(opts.quota) ? opts.quota : opts.quota === undefined ? [] : [opts.quota]).flatMap((v) => String(v).split(','));
  for (const item of items.map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^(\/[\w/.-]+)=(\d+)$/.exec(item);
    if (!m || Number(m[2]) < 1) throw new UsageError({ key: 'proxy.quota.invalid', params: { value: item } }, { hint: { key: 'proxy.quota.invalid.hint' } });
    quotas[m[1]!] = Number(m[2]);
  }
  const allowHosts: string[] = [];
  const names = (Array.isArray(opts.allowHost) ? opts.allowHost : opts.allowHost === undefined ? [] : [opts.allowHost]).flatMap((v) => String(v).split(','));
  for (const name of names.map((s) => s.trim()).filter((s) => s !== '')) {
    // A host name or an IP literal, no scheme, port or path: it is compared with the Host header's name.
    if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/i.test(name))
      throw new UsageError({ key: 'proxy.allowHost.invalid', params: { value: name } }, { hint: { key: 'proxy.allowHost.invalid.hint' } });
    allowHosts.push(name.toLowerCase());
  }
  // `[::1]`, as a URL writes it, is bound as ::1 (the OS would look `[::1]` up as a name).
  const host = typeof opts.host === 'string' && opts.host !== '' ? bindHostOf(opts.host) : '127.0.0.1';
  // Refused before listening: the OS may bind it, but the base URL printed for it would be one nothing can use.
  const unreachable = unreachableListenHost(host);
  if (unreachable !== undefined)
    throw new UsageError({ key: 'proxy.host.invalid', params: { host: hostInText(host), detail: { key: unreachable === 'zoned' ? 'common.host.zoned' : 'common.host.multicast' } } }, { hint: { key: 'proxy.host.invalid.hint' } });
  const upstream = typeof opts.upstream === 'string' ? parseUpstream(opts.upstream) : undefined;
  if (upstream !== undefined && pointsAtItself(upstream, host, port)) {
    throw new UsageError({ key: 'proxy.upstream.self', params: { upstream, port } }, { hint: { key: 'proxy.upstream.self.hint' } });
  }
  return {
    port,
    allowHosts,
    host,
    ...(upstream !== undefined ? { upstream } : {}),
    ...(typeof opts.har === 'string' && opts.har !== '' ? { har: opts.har } : {}),
    quotas,
    intercept: opts.intercept === true,
    printCa: opts.printCa === true,
    yes: opts.yes === true,
  };
}

/**
 * The upstream: --upstream, else the global --region, else WeChat's default host. Not the profile's or
 * WXAUTH_API_BASE: that is where the user's own tools are aimed, very likely at this proxy itself.
 */
function chooseUpstream(options: ProxyCommandOptions, region: string | undefined): string {
  if (options.upstream) return options.upstream;
  if (region === undefined || region === '') return REGIONS.default;
  if (!isRegion(region))
    throw new UsageError({ key: 'proxy.region.invalid', params: { value: region } }, { hint: { key: 'proxy.region.invalid.hint', params: { allowed: Object.keys(REGIONS) } } });
  return REGIONS[region];
}

async function start(options: ProxyCommandOptions, open: () => Promise<ProxyHandle>): Promise<ProxyHandle> {
  try {
    return await open();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      const { nextFreePort } = await import('../flows/free-port.js');
      const next = await nextFreePort(options.port, options.host);
      throw new UsageError({ key: 'proxy.port.inUse', params: { port: options.port } }, { hint: { key: 'proxy.port.inUse.hint', params: { next } }, cause: error });
    }
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EINVAL')
      throw new UsageError({ key: 'proxy.host.invalid', params: { host: hostInText(options.host), detail: bindReason(error, options.host) } }, { hint: { key: 'proxy.host.invalid.hint' }, cause: error });
    throw error;
  }
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function version(): string {
  // Same file main.ts reads, from src/commands or dist/commands alike.
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

/** The HAR's writer, its temporary file opened beside FILE (a folder that takes no file: exit 2, as the check says it). */
function openHarWriter(file: string): HarWriter {
  try {
    return new HarWriter(file, version());
  } catch (error) {
    throw new UsageError({ key: 'common.output.not_writable', params: { flag: '--har', file, dir: path.dirname(path.resolve(file)), detail: osReason(error, 'write') } }, { hint: { key: 'common.output.hint' }, cause: error });
  }
}

/**
 * Every AppSecret the user saved, and the run's own (WXAUTH_SECRET): a home-made client may
 * send one under a name no rule knows (`appkey=`, an `X-Sign` header) before any call has carried it
 * as `secret=`. A config that cannot be read gives WXAUTH_SECRET alone: the proxy still starts.
 */
async function savedSecrets(ctx: Context): Promise<string[]> {
  const found: string[] = [];
  try {
    for (const profile of Object.values((await ctx.configStore()).profiles())) if (profile.secret) found.push(profile.secret);
  } catch {
    // An unreadable config.json: other commands say why; the proxy has nothing to add.
  }
  // The run's own, read as it is: resolving the whole configuration would say things about the profile
  // (its appid, its API base) that the proxy does not use.
  const own = ctx.env.WXAUTH_SECRET?.trim();
  if (own) found.push(own);
  return found;
}

export async function run(options: ProxyCommandOptions, ctx: Context): Promise<ProxyResult> {
  // Loaded only for --intercept / --print-ca: the CA store pulls in node-forge.
  const ca = options.intercept || options.printCa ? await (await import('../store/ca.js')).openProxyCa(stateDir(ctx.env), new Date(ctx.now())) : undefined;
  if (options.printCa && ca) {
    // The one command whose output goes into trust stores: a folder its group can write is said here, as
    // the commands that open config.json say it (this one does not open it; another user's folder, or
    // one everyone can write, was refused by openProxyCa).
    const { checkStateDir } = await import('../store/files.js');
    const warnings: MessageRef[] = checkStateDir(stateDir(ctx.env));
    return { kind: 'ca', certPath: ca.certPath, keyPath: ca.keyPath, certPem: ca.certPem, created: ca.created, outdated: ca.outdated, warnings };
  }
  const upstream = chooseUpstream(options, ctx.globals.region);
  // Before listening: a capture must not be lost at exit to a path that cannot be written, and a file the
  // user kept is replaced only with --yes or their answer.
  const harCheck = options.har ? checkOutputFile(options.har, '--har', 'calls.har', { key: 'common.output.stdout.har' }) : undefined;
  if (options.har && harCheck?.exists)
    await confirmOrCancel(ctx, { yes: options.yes, warning: { key: 'proxy.har.exists', params: { file: options.har } }, question: { key: 'proxy.har.replace', params: { file: options.har } } });
  const timeoutMs = parseTimeout(ctx.globals.timeout);
  const showSecrets = ctx.globals.showSecrets === true;
  const knownSecrets = showSecrets ? [] : await savedSecrets(ctx);
  const hooks = proxyHooks(ctx.out, { verbose: ctx.globals.verbose === true });
  const contexts = ca ? await (await import('../flows/proxy/certs.js')).hostCertificates(ca, () => ctx.now()) : undefined;
  // The run's HTTP(S)_PROXY / NO_PROXY, not this process's (they differ for in-process runs).
  const upstreamProxy = proxySettingsFrom(ctx.env);
  // Calls go to the file as they complete: memory stays flat however long the proxy runs.
  const writer = options.har ? openHarWriter(options.har) : undefined;
  let running: ProxyHandle | undefined;
  // A second Ctrl-C (or signal) exits at once (main.ts: process.exit) while calls are still in flight:
  // the HAR of the calls recorded by then is still written, synchronously from the exit event, its
  // log.comment counting the calls it lacks (cut before they were recorded), and the run says so.
  let harDone = false;
  /** Close the HAR (once) under its name, or where it could go: what was written, or the write's error. */
  const closeHar = (file: string, w: NonNullable<typeof writer>, check: NonNullable<typeof harCheck>, comment?: string): NonNullable<ProxyRunResult['har']> => {
    harDone = true;
    const written: NonNullable<ProxyRunResult['har']> = { file, count: w.count };
    try {
      const placed = w.end(check, options.yes, comment);
      if (placed.elsewhere) Object.assign(written, { file: placed.file, requested: file });
    } catch (error) {
      written.error = (error as NodeJS.ErrnoException).code ?? String(error);
    }
    return written;
  };
  const writeHarAtExit = () => {
    if (harDone || !options.har || !writer || !harCheck) return;
    // Calls ended but waiting for their caller's name go in now; only those in flight are left out.
    running?.reportQueued();
    const left = running?.inFlight() ?? 0;
    const comment = left > 0 ? `wxauth proxy quit at once (Ctrl-C or a signal again): ${left} call(s) still in flight then are not in this file.` : undefined;
    hooks.quitAtOnce({ har: { ...closeHar(options.har, writer, harCheck, comment), left } });
  };
  if (writer) process.once('exit', writeHarAtExit);
  const proxy = await start(options, () =>
    startProxy({
      host: options.host,
      allowHosts: options.allowHosts,
      port: options.port,
      upstream,
      timeoutMs,
      showSecrets,
      knownSecrets,
      quotas: options.quotas,
      ...(writer ? { har: (entry: HarEntry) => writer.add(entry) } : {}),
      hooks,
      now: () => ctx.now(),
      upstreamProxy,
      // Decrypted calls go where the client meant them unless --upstream says otherwise (--region
      // does not: a call to sh.api.weixin.qq.com stays there).
      ...(contexts ? { intercept: { contexts, ...(options.upstream ? { upstream: options.upstream } : {}) } } : {}),
    }),
  ).catch((error: unknown) => {
    process.off('exit', writeHarAtExit);
    writer?.discard();
    throw error;
  });
  running = proxy;
  let har: ProxyRunResult['har'];
  try {
    const upstreamUrl = new URL(upstream);
    const upstreamPath = upstreamUrl.pathname.replace(/\/+$/, '');
    hooks.started({
      url: proxy.url,
      ...(proxy.reachUrl !== proxy.url ? { reach: proxy.reachUrl } : {}),
      upstream,
      ...(upstreamPath !== '' ? { upstreamPath: { path: upstreamPath, origin: upstreamUrl.origin } } : {}),
      host: options.host,
      showSecrets,
      ...(ca ? { intercept: { certPath: ca.certPath, keyPath: ca.keyPath, created: ca.created, outdated: ca.outdated, hosts: [...INTERCEPTED_HOSTS], ...(options.upstream ? { upstream: options.upstream } : {}) } } : {}),
    });
    // Said while the proxy already runs: the upstream may come up later, so this is a warning.
    const { upstreamUnreachable } = await import('../flows/proxy/upstream-check.js');
    void upstreamUnreachable(upstream, upstreamProxy).then((code) => {
      if (code !== undefined && !ctx.signal.aborted) hooks.upstreamDown({ upstream, code, given: options.upstream !== undefined });
    });
    await untilAborted(ctx.signal);
    const waiting = proxy.inFlight();
    if (waiting > 0) hooks.stopping({ calls: waiting, har: options.har !== undefined });
  } finally {
    await proxy.close();
    // The lines of every call, the ones still in flight when Ctrl-C came included, before the summary.
    hooks.flush();
    process.off('exit', writeHarAtExit);
    // Written on every way out (Ctrl-C included), after the last call in flight has been recorded.
    if (options.har && writer && harCheck && !harDone) har = closeHar(options.har, writer, harCheck);
  }
  // A HAR that was asked for and not written is a failure a script must see, even after a normal end.
  return { kind: 'run', url: proxy.url, upstream, summary: proxy.summary(), ...(har ? { har } : {}), ...(har?.error ? { exitCode: EXIT.usage } : {}) };
}

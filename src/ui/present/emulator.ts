// wxauth emulator: the base URL on stdout (scripts read it), the apps, ready-to-copy env lines and
// users on stderr. It is printed by a hook as soon as the emulator listens (the command runs until
// Ctrl-C); --json prints its one document at that moment too, since it is needed while serving.
import type { EmulatorResult } from '../../commands/emulator.js';
import type { PublicApp, PublicUser } from '../../emulator/index.js';
import type { Scope } from '../../emulator/state.js';
import type { MessageRef } from '../../errors.js';
import type { Output } from '../output.js';
import { hostInText } from '../format.js';

export interface EmulatorStarted {
  url: string;
  /** The emulator's own page (GET /): apps, users, clock, faults, switches, QR logins, the live log. */
  page: string;
  /**
   * Each app with its `export …` line (emulator/ui-api.ts exportLine, the same line the page copies) and
   * the scopes it can be issued codes for (emulator/scopes.ts issuableScopes; none: no web authorization).
   */
  apps: Array<PublicApp & { env: string; scopes: readonly Scope[]; shownSecret: string; shownEnv: string }>;
  /** --seed: the apps came from this file (their secrets may be real), and whether they are shown masked. */
  seedFile?: string;
  secretsMasked?: boolean;
  users: PublicUser[];
  /** The address it listens on: anything but loopback is worth a warning. */
  host: string;
  /** Faults injected from the start (--fault). */
  faults: StartedFault[];
  /** Switches set from the start (the switch flags and --set), as given. */
  switches: Record<string, unknown>;
}

/**
 * An app's `export A=1 B=2` line as this machine's shell takes it: on Windows, PowerShell's
 * `$env:A="1"; $env:B="2"` (the values are URLs, ids and hex: nothing to escape in double quotes).
 */
export function shellEnvLine(exportLine: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32') return exportLine;
  return exportLine
    .replace(/^export /, '')
    .split(' ')
    .map((pair) => pair.replace(/^([A-Z_]+)=(.*)$/, '$$env:$1="$2"'))
    .join('; ');
}

/** A fault given at start, as the start-up lines say it (commands/emulator.ts describeFault). */
export interface StartedFault {
  /** In the --fault syntax. */
  spec: string;
  /** No path and no count: every request, pages included, until cleared. */
  everywhere: boolean;
  /** A path the emulator serves nothing at: the fault never fires. */
  unknownPath?: string;
  suggestion?: string;
}

export interface EmulatorOpened {
  page: string;
  /** `noDisplay`: no X11/Wayland display, so no browser was started; `failed`: why the opener opened nothing (url.open.reason.*). */
  outcome: 'opened' | 'noDisplay' | { failed: MessageRef };
}

export interface EmulatorHooks {
  started(info: EmulatorStarted): void;
  /** --open, after trying the browser. Silent with --json (its one document was already printed). */
  opened(info: EmulatorOpened): void;
}

export function emulatorHooks(out: Output): EmulatorHooks {
  return {
    started({ url, page, apps, users, host, faults, switches, seedFile, secretsMasked }) {
      const doc = {
        url,
        page,
        control: `${url}/__emulator`,
        apps: apps.map(({ shownSecret: _secret, shownEnv: _env, ...app }) => app),
        users,
      };
      out.result(doc);
      if (out.json) {
        // A JSON Lines command: its lines say what they are, as proxy's do (a failure is `{"type":"error"}`).
        // `url` stays the first key, as README shows the line.
        out.emit({ ...doc, type: 'started' });
        return;
      }
      out.data(url);
      out.success(out.t('emulator.started', { url }));
      out.note(out.t('emulator.roles'));
      if (!['127.0.0.1', 'localhost', '::1'].includes(host)) out.warn(out.t('emulator.exposed', { host: hostInText(host) }));
      out.say();
      out.say(seedFile === undefined ? out.t('emulator.apps') : out.t('emulator.apps.fromFile', { file: seedFile }));
      out.table(
        [out.t('emulator.apps.type'), 'appid', 'secret', out.t('emulator.apps.domain'), out.t('emulator.apps.name')],
        apps.map((a) => [out.t(`account.typeName.${a.type}`), a.appid, a.shownSecret, a.domain.join(',') || '-', a.name]),
        'stderr',
      );
      // An app with an IP whitelist refuses /cgi-bin/ callers not on it (40164): said, with who is on it.
      for (const a of apps) if (a.ipWhitelist && a.ipWhitelist.length > 0) out.note(out.t('emulator.apps.whitelist', { appid: a.appid, ips: a.ipWhitelist }));
      out.say();
      out.say(out.t('emulator.aim'));
      // The lines that work with `wxauth login` as they are first: a redirect_uri with a port (any user
      // may listen there), then one on port 80 (a domain without a port allows no other), then none.
      const redirect = (env: string) => / WXAUTH_REDIRECT_URI=(\S+)/.exec(env)?.[1];
      const onPort80 = (env: string) => { const uri = redirect(env); return uri !== undefined && !/^https?:\/\/[^/]*:\d+(?:\/|$)/.test(uri); };
      const ready = (env: string) => (redirect(env) === undefined ? 2 : onPort80(env) ? 1 : 0);
      if (secretsMasked) out.note(out.t('emulator.apps.masked', { file: seedFile ?? '' }));
      for (const app of [...apps].sort((a, b) => ready(a.env) - ready(b.env))) {
        out.say('  ' + out.style.cyan(shellEnvLine(app.shownEnv)));
        // No web authorization (a 订阅号, a seeded 服务号 with "verified": false): its line has no callback,
        // and url/login from it would stop at "no redirect URI" or WeChat's 10005, so say why and what it is for.
        if (app.scopes.length === 0) out.say('    ' + out.style.dim(out.t(app.type === 'subscription' ? 'emulator.aim.noWebAuth.subscription' : 'emulator.aim.noWebAuth.unverified')));
      }
      // Past port 80: the test account's line (a port of its own) if the seed has one, else a domain any port may take.
      const port80 = apps.find((a) => onPort80(a.env));
      if (port80) {
        const testLine = apps.some((a) => a.type === 'test' && ready(a.env) === 0);
        out.note(testLine ? out.t('emulator.aim.port80') : out.t('emulator.aim.port80.noTest', { appid: port80.appid }));
      }
      out.say(out.t('emulator.aim.flags', { flags: `--api-base ${url} --open-base ${url}` }));
      out.say();
      out.say(out.t('emulator.users', { url }));
      for (const u of users) {
        const follows = u.follows.length > 0 ? out.t('emulator.user.follows', { list: u.follows }) : out.t('emulator.user.followsNone');
        // A seed's nickname is text from outside: a newline in it must not start a line of its own.
        out.say(`  ${out.safe(u.id)}  ${out.safe(u.nickname)}  ${out.style.dim(follows)}`);
      }
      if (faults.length > 0) {
        const list = faults.map((f) => (f.everywhere ? out.t('emulator.fault.everywhere', { spec: f.spec }) : f.spec));
        out.warn(out.t('emulator.faults', { list }));
        for (const f of faults) {
          if (f.unknownPath === undefined) continue;
          out.warn(out.t(f.suggestion ? 'emulator.fault.unknownPath.suggest' : 'emulator.fault.unknownPath', { spec: f.spec, path: f.unknownPath, suggestion: f.suggestion ?? '' }));
        }
      }
      const set = Object.entries(switches);
      if (set.length > 0) out.note(out.t('emulator.switchesSet', { list: set.map(([k, v]) => `${k}=${String(v)}`) }));
      // userinfoLang changes only the legacy profile's language and places: alone it shows nothing.
      if (switches.userinfoLang !== undefined && switches.profileEra !== 'legacy') out.note(out.t('emulator.userinfoLang.unseen'));
      // --caller-ip is only ever checked against an app's ipWhitelist, which the built-in seed gives none.
      if (typeof switches.callerIp === 'string' && apps.every((a) => !a.ipWhitelist || a.ipWhitelist.length === 0)) {
        out.warn(out.t('emulator.callerIp.noWhitelist', { ip: switches.callerIp }));
      }
      out.say();
      out.note(out.t('emulator.page', { page }));
      out.note(out.t('emulator.control', { url }));
      out.note(out.t('emulator.stopHint'));
    },
    opened({ page, outcome }) {
      if (out.json) return;
      if (outcome === 'opened') out.note(out.t('emulator.open.opened', { page }));
      else if (outcome === 'noDisplay') out.say(out.t('emulator.open.noDisplay', { page }));
      else out.warn(out.t('emulator.open.failed', { reason: outcome.failed, page }));
    },
  };
}

/** After Ctrl-C: the emulator has closed. */
export function present(_result: EmulatorResult, out: Output): void {
  if (!out.json) out.say(out.t('emulator.stopped'));
}

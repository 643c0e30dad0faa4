// wxauth emulator: the base URL on stdout (scripts read it), the apps, ready-to-copy env lines and
// users on stderr. It is printed by a hook as soon as the emulator listens (the command runs until
// Ctrl-C); --json prints its one document at that moment too, since it is needed while serving.
import type { EmulatorResult } from '../../commands/emulator.js';
import type { FaultSpec, PublicApp, PublicUser } from '../../emulator/index.js';
import type { Output } from '../output.js';

export interface EmulatorStarted {
  url: string;
  apps: PublicApp[];
  users: PublicUser[];
  /** The address it listens on: anything but loopback is worth a warning. */
  host: string;
  /** Faults injected from the start (--fault). */
  faults: FaultSpec[];
}

export interface EmulatorHooks {
  started(info: EmulatorStarted): void;
}

function envLine(url: string, app: PublicApp): string {
  return `export WXAUTH_API_BASE=${url} WXAUTH_OPEN_BASE=${url} WXAUTH_TYPE=${app.type} WXAUTH_APPID=${app.appid} WXAUTH_SECRET=${app.secret}${app.domain[0] && !app.domain[0].includes('*') ? ` WXAUTH_DOMAIN=${app.domain[0]}` : ''}`;
}

export function emulatorHooks(out: Output): EmulatorHooks {
  return {
    started({ url, apps, users, host, faults }) {
      const doc = {
        url,
        control: `${url}/__emulator`,
        apps: apps.map((a) => ({ ...a, env: envLine(url, a) })),
        users,
      };
      out.result(doc);
      if (out.json) {
        out.emit(doc);
        return;
      }
      out.data(url);
      out.success(out.t('emulator.started', { url }));
      out.note(out.t('emulator.roles'));
      if (!['127.0.0.1', 'localhost', '::1'].includes(host)) out.warn(out.t('emulator.exposed', { host }));
      out.say();
      out.say(out.t('emulator.apps'));
      out.table(
        [out.t('emulator.apps.type'), 'appid', 'secret', out.t('emulator.apps.domain'), out.t('emulator.apps.name')],
        apps.map((a) => [a.type, a.appid, a.secret, a.domain.join(',') || '-', a.name]),
        'stderr',
      );
      out.say();
      out.say(out.t('emulator.aim'));
      for (const app of apps) out.say('  ' + out.style.cyan(envLine(url, app)));
      out.say(out.t('emulator.aim.flags', { flags: `--api-base ${url} --open-base ${url}` }));
      out.say();
      out.say(out.t('emulator.users'));
      for (const u of users) {
        const follows = u.follows.length > 0 ? out.t('emulator.user.follows', { list: u.follows.join(', ') }) : out.t('emulator.user.followsNone');
        out.say(`  ${u.id}  ${u.nickname}  ${out.style.dim(follows)}`);
      }
      if (faults.length > 0) out.warn(out.t('emulator.faults', { list: faults.map((f) => JSON.stringify(f)).join(' ') }));
      out.say();
      out.note(out.t('emulator.control', { url }));
      out.note(out.t('emulator.stopHint'));
    },
  };
}

/** After Ctrl-C: the emulator has closed. */
export function present(_result: EmulatorResult, out: Output): void {
  if (!out.json) out.say(out.t('emulator.stopped'));
}

// Open a URL in the desktop browser. Best effort: on a headless box, over SSH or in a container there
// may be no opener at all, or one that fails, and that must never fail the command — the URL is on
// stdout anyway — but it must be reported as a failure, not as "opened".
import { spawn } from 'node:child_process';
import type { MessageRef } from '../errors.js';

export interface OpenerCommand {
  command: string;
  args: string[];
  /** cmd.exe parses its own command line; the URL is pre-escaped for it. */
  verbatim?: boolean;
}

/** The opener for a platform: `open` (macOS), `cmd /c start` (Windows), `xdg-open` (everything else). */
export function openerFor(url: string, platform: NodeJS.Platform = process.platform): OpenerCommand {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') {
    // `start` treats the first quoted argument as a window title, hence the empty "". `&` separates
    // commands in cmd.exe, and every WeChat URL has several: escape them with ^.
    return { command: 'cmd', args: ['/d', '/s', '/c', `start "" ${url.replace(/[&^|<>()]/g, '^$&')}`], verbatim: true };
  }
  return { command: 'xdg-open', args: [url] };
}

/**
 * Whether a browser window can appear at all. On Linux and the BSDs a desktop browser needs an X11 or
 * Wayland display; without one (SSH, a container, CI) xdg-open could only fail or start a text browser
 * on the terminal the emulator is printing to, so the URL is shown instead. macOS and Windows always
 * have their desktop.
 */
export function hasDisplay(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export interface OpenOptions {
  /** How long to wait for the opener's exit status before taking "still running" as opened. */
  waitMs?: number;
}

/**
 * What became of --open: opened, or why not: no opener to start (ENOENT), one there that could not be
 * started (`unstartable`: not executable, EACCES; `error` is the system's code), or one that ran and failed
 * (`exit`, with its status) or was killed (`signal`, which ended it: there is no exit status then).
 */
export type OpenOutcome = { opened: true } | { opened: false; opener: string; failure: 'missing' } | ({ opened: false } & OpenerFailure);

/** An opener that was there and did not open: could not be started (its error code), failed (its exit status) or was killed (the signal). */
export type OpenerFailure =
  | { opener: string; failure: 'unstartable'; error: string }
  | { opener: string; failure: 'exit'; status: number }
  | { opener: string; failure: 'signal'; signal: string };

/** The opener's failure in an outcome that did not open, without `opened`; undefined when it opened or there was none to start. */
export function openerFailureOf(outcome: OpenOutcome): OpenerFailure | undefined {
  if (outcome.opened || outcome.failure === 'missing') return undefined;
  const { opened: _opened, ...failed } = outcome;
  return failed;
}

/**
 * Why --open opened nothing, as `url`, `login` and `emulator --open` all say it (url.open.reason.*, a message to
 * put in each one's sentence): none to start (`failed` undefined); one there that could not be started, with its
 * error code (EACCES said as "is it executable?"); one that ran and failed, with its exit status; one killed, with
 * the signal.
 */
export function openFailureReason(failed: OpenerFailure | undefined): MessageRef {
  if (failed === undefined) return { key: 'url.open.reason.missing' };
  switch (failed.failure) {
    case 'exit':
      return { key: 'url.open.reason.exit', params: { opener: failed.opener, status: failed.status } };
    case 'signal':
      return { key: 'url.open.reason.signal', params: { opener: failed.opener, signal: failed.signal } };
    case 'unstartable':
      return {
        key: 'url.open.reason.unstartable',
        params: { opener: failed.opener, error: failed.error === 'EACCES' ? { key: 'url.open.reason.unstartable.eacces' } : failed.error },
      };
  }
}

/**
 * Start the platform's opener and report honestly whether it worked. Openers exit quickly (xdg-open,
 * open and `start` hand the URL over and return), and their status is the only sign of failure:
 * xdg-open exits 3 when it finds no browser on a headless box. So wait briefly for the exit: 0 is
 * opened, anything else is not; an opener still running after `waitMs` has most likely become or
 * started the browser, which counts as opened. Never throws. And why not: an opener that ran and failed (`xdg-open` exiting 3, with its exit status),
 * one killed by a signal (its name) and one that is there but could not be started (the system's error
 * code: EACCES for a file that is not executable) are each told apart from none to start, so the warning
 * can name what happened.
 */
export function tryOpenInBrowser(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  options: OpenOptions = {},
): Promise<OpenOutcome> {
  const waitMs = options.waitMs ?? 1500;
  // cmd.exe is only the carrier of `start`, which is what opens.
  const name = platform === 'win32' ? 'start' : openerFor(url, platform).command;
  return new Promise((resolve) => {
    try {
      const opener = openerFor(url, platform);
      const child = spawn(opener.command, opener.args, {
        detached: true,
        stdio: 'ignore',
        // The run's environment (its PATH finds the opener), not necessarily this process's, without
        // wxauth's own settings: the browser and all it starts would inherit WXAUTH_SECRET.
        env: Object.fromEntries(Object.entries(env).filter(([name]) => !name.toUpperCase().startsWith('WXAUTH_'))),
        windowsVerbatimArguments: opener.verbatim === true,
        windowsHide: true,
      });
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: OpenOutcome) => {
        clearTimeout(timer);
        child.removeAllListeners();
        child.unref();
        resolve(outcome);
      };
      child.once('error', (error) => settle(notStarted(name, error)));
      child.once('exit', (code, signal) =>
        settle(
          code === 0
            ? { opened: true }
            : code === null && signal !== null
              ? { opened: false, opener: name, failure: 'signal', signal }
              : { opened: false, opener: name, failure: 'exit', status: code ?? -1 },
        ),
      );
      child.once('spawn', () => {
        timer = setTimeout(() => settle({ opened: true }), waitMs);
      });
    } catch (error) {
      resolve(notStarted(name, error));
    }
  });
}

/**
 * An opener that did not start: none on PATH (ENOENT), or one there that the system refused to start, named
 * by the error's code (EACCES: not executable, or on a noexec mount) rather than called missing.
 */
function notStarted(opener: string, error: unknown): OpenOutcome {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code === 'ENOENT') return { opened: false, opener, failure: 'missing' };
  return { opened: false, opener, failure: 'unstartable', error: code ?? 'unknown' };
}

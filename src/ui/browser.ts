// Open a URL in the desktop browser. Best effort: on a headless box, over SSH or in a container there
// may be no opener at all, or one that fails, and that must never fail the command — the URL is on
// stdout anyway — but it must be reported as a failure, not as "opened".
import { spawn } from 'node:child_process';

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
 * Start the platform's opener and report honestly whether it worked. Openers exit quickly (xdg-open,
 * open and `start` hand the URL over and return), and their status is the only sign of failure:
 * xdg-open exits 3 when it finds no browser on a headless box. So wait briefly for the exit: 0 is
 * opened, anything else is not; an opener still running after `waitMs` has most likely become or
 * started the browser, which counts as opened. False also when it cannot be started. Never throws.
 */
export function openInBrowser(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  options: OpenOptions = {},
): Promise<boolean> {
  const waitMs = options.waitMs ?? 1500;
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
      const settle = (opened: boolean) => {
        clearTimeout(timer);
        child.removeAllListeners();
        child.unref();
        resolve(opened);
      };
      child.once('error', () => settle(false));
      child.once('exit', (code) => settle(code === 0));
      child.once('spawn', () => {
        timer = setTimeout(() => settle(true), waitMs);
      });
    } catch {
      resolve(false);
    }
  });
}

// Open a URL in the desktop browser. Best effort: on a headless box, over SSH or in a container there
// may be no opener at all, and that must never fail the command — the URL is on stdout anyway.
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
 * Spawn the platform's opener detached and forget it. Resolves true once the opener started, false if
 * it could not be started (not installed, not executable). Never throws.
 */
export function openInBrowser(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const opener = openerFor(url, platform);
      const child = spawn(opener.command, opener.args, {
        detached: true,
        stdio: 'ignore',
        // The run's environment (its PATH finds the opener), not necessarily this process's.
        env: { ...env },
        windowsVerbatimArguments: opener.verbatim === true,
        windowsHide: true,
      });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

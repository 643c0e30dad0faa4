// Finding and launching Debian's Chromium for the real-browser tests (playwright-core brings no browser).
// CI installs the `chromium` package (.ci/run); elsewhere set CHROMIUM_PATH. Without a browser the
// tests are skipped, and this says so and why.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

export const CHROMIUM = findChromium();

export const SKIP_REASON = process.env.CHROMIUM_PATH
  ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
  : `no Chromium at ${CANDIDATES.join(', ')} (install the "chromium" package or set CHROMIUM_PATH)`;

if (!CHROMIUM) {
  console.warn(`[wxauth] real-browser tests SKIPPED: ${SKIP_REASON}`);
}

/**
 * Headless Chromium. The background-networking flags matter in sandboxes: without them Chromium's own
 * connections (component updates, sync, QUIC probes) are refused and can stall startup.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

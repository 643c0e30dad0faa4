// The port to suggest when the one asked for is taken (emulator, proxy): the next one that is free
// now, tried by binding it for a moment, so the hint never names another busy port (3900 taken by one
// emulator, 3901 by a second). Only on that error path: nothing is bound on a normal start.
import { createServer } from 'node:net';
import { request } from 'node:http';

/**
 * The ports wxauth's own servers take by default: the emulator (3900), the proxy (3901), the callback
 * listener of listen and login (8080). Never suggested: free now, but taken as soon as the user starts
 * the next server of the README's flows (an emulator on 3901 leaves `wxauth proxy` without its port).
 * test/flows/free-port.test.ts keeps this list equal to the commands' defaults.
 */
export const WXAUTH_DEFAULT_PORTS: readonly number[] = [3900, 3901, 8080];

function bindable(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The first port after `port` (up to `tries` of them) that `host` can bind now and that is not another
 * wxauth server's default; 0 (any free port) when none.
 */
export async function nextFreePort(port: number, host: string, tries = 20): Promise<number> {
  for (let next = port + 1; next <= Math.min(port + tries, 65_535); next++) {
    if (WXAUTH_DEFAULT_PORTS.includes(next)) continue;
    if (await bindable(next, host)) return next;
  }
  return 0;
}

/**
 * Whether the server holding `port` is a wxauth emulator (its GET /__emulator/stats answers with the
 * emulator's counters), so a second `wxauth emulator` can say the first is still running instead of
 * only "in use". Asked once, on that error path, over loopback, for at most `timeoutMs`.
 */
export function isEmulatorAt(host: string, port: number, timeoutMs = 800): Promise<boolean> {
  const target = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return new Promise((resolve) => {
    const req = request({ host: target, port, path: '/__emulator/stats', method: 'GET', timeout: timeoutMs, headers: { accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < 4096) body += chunk;
      });
      res.on('end', () => {
        try {
          const stats = JSON.parse(body) as Record<string, unknown>;
          resolve(res.statusCode === 200 && stats.ok === true && typeof stats.codes === 'number' && typeof stats.rids === 'object');
        } catch {
          resolve(false);
        }
      });
      res.on('error', () => resolve(false));
      // Cut short by the deadline: no 'end' comes (a promise settles once, so after 'end' this does nothing).
      res.on('close', () => resolve(false));
    });
    // The whole answer within timeoutMs, not only each pause between its bytes (the socket's timeout).
    const deadline = setTimeout(() => req.destroy(), timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

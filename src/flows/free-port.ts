// The port to suggest when the one asked for is taken (emulator, proxy): the next one that is free
// now, tried by binding it for a moment, so the hint never names another busy port (3900 taken by one
// emulator, 3901 by a second). Only on that error path: nothing is bound on a normal start.
import { createServer } from 'node:net';

function bindable(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first port after `port` (up to `tries` of them) that `host` can bind now; 0 (any free port) when none. */
export async function nextFreePort(port: number, host: string, tries = 20): Promise<number> {
  for (let next = port + 1; next <= Math.min(port + tries, 65_535); next++) {
    if (await bindable(next, host)) return next;
  }
  return 0;
}

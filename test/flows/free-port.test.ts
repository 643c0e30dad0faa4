// The port a "port in use" hint suggests: one that binds now and that no other wxauth server takes by
// default, so following the hint does not break the README's next step (an emulator moved to 3901
// leaves `wxauth proxy` without its port).
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT as EMULATOR_PORT } from '../../src/commands/emulator.js';
import { DEFAULT_PORT as PROXY_PORT } from '../../src/commands/proxy.js';
import { DEFAULT_PORT as LISTEN_PORT } from '../../src/listener/plan.js';
import { WXAUTH_DEFAULT_PORTS, nextFreePort } from '../../src/flows/free-port.js';

function listen(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(true));
  });
}

describe('nextFreePort', () => {
  it('knows every wxauth server’s default port', () => {
    expect([...WXAUTH_DEFAULT_PORTS].sort()).toEqual([EMULATOR_PORT, PROXY_PORT, LISTEN_PORT].sort());
  });

  it('never suggests another wxauth server’s default port', async () => {
    expect(await nextFreePort(EMULATOR_PORT, '127.0.0.1')).not.toBe(PROXY_PORT);
    expect([PROXY_PORT, EMULATOR_PORT, 0]).not.toContain(await nextFreePort(EMULATOR_PORT - 1, '127.0.0.1'));
    expect(await nextFreePort(LISTEN_PORT - 1, '127.0.0.1')).not.toBe(LISTEN_PORT);
  });

  it('still suggests a port that binds now', async () => {
    const next = await nextFreePort(EMULATOR_PORT, '127.0.0.1');
    const probe = createServer();
    try {
      expect(await listen(probe, next)).toBe(true);
    } finally {
      probe.close();
    }
  });
});

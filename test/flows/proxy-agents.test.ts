// The proxy's keep-alive agents to its upstreams (flows/proxy/upstream-agent.ts): one per origin, reused,
// and bounded, so a long --intercept run passing clients on to many hosts does not keep a pool per host.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAX_AGENTS, upstreamAgents } from '../../src/flows/proxy/upstream-agent.js';

describe('upstream agents', () => {
  it('reuses the agent of an origin, and forgets the least recently used one past the limit (its idle sockets closed)', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const agents = upstreamAgents(undefined, 5000);
    try {
      const first = agents.agentFor(origin);
      expect(agents.agentFor(origin)).toBe(first);
      // One call through it leaves an idle keep-alive socket in its pool.
      await new Promise<void>((resolve, reject) => {
        http.get({ host: origin.hostname, port: origin.port, path: '/', agent: first }, (res) => res.resume().on('end', resolve)).on('error', reject);
      });
      await new Promise((r) => setImmediate(r));
      expect(Object.values(first.freeSockets).flat()).toHaveLength(1);
      const idle = Object.values(first.freeSockets).flat()[0]!;
      // Other origins, used after it: still within the limit, it is kept.
      for (let i = 1; i < MAX_AGENTS; i++) agents.agentFor(new URL(`http://other-${i}.example:80`));
      expect(agents.agentFor(origin)).toBe(first);
      // MAX_AGENTS more: now it is the least recently used and is let go, idle socket closed.
      for (let i = 0; i < MAX_AGENTS; i++) agents.agentFor(new URL(`http://more-${i}.example:80`));
      expect(idle.destroyed).toBe(true);
      expect(agents.agentFor(origin)).not.toBe(first);
    } finally {
      agents.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

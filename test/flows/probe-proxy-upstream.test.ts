// probe asks an authorize link's loopback origin whether it is a wxauth proxy; that one side call must
// never follow a redirect (it could lead off this machine, where probe sends nothing).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { proxyUpstream } from '../../src/flows/probe/control.js';

const servers: Server[] = [];
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('proxyUpstream', () => {
  it('does not follow a redirect from the origin it asks', async () => {
    const reached: string[] = [];
    const elsewhere = await serve((req, res) => {
      reached.push(req.url ?? '');
      res.writeHead(403, { 'x-wxauth-proxy': '1', 'x-wxauth-proxy-upstream': 'http://127.0.0.1:3900' }).end();
    });
    const origin = await serve((req, res) => res.writeHead(302, { location: `${elsewhere}/from-origin${req.url}` }).end());
    expect(await proxyUpstream(origin, 2000, new AbortController().signal)).toBeUndefined();
    expect(reached).toEqual([]);
  });

  it("reads a wxauth proxy's upstream from its own 403", async () => {
    const proxy = await serve((_req, res) => res.writeHead(403, { 'x-wxauth-proxy': '1', 'x-wxauth-proxy-upstream': 'http://127.0.0.1:3900' }).end());
    expect(await proxyUpstream(proxy, 2000, new AbortController().signal)).toBe('http://127.0.0.1:3900');
  });
});

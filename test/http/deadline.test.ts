// The request deadline survives garbage collection: with AbortSignal.any([outer, AbortSignal.timeout(ms)])
// Node could collect the timeout signal while the request waited, and a request to a server that never
// answers then hung for good (nodejs/node#57736; `wxauth probe` against a hanging app did, under load).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadline } from '../../src/http/deadline.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let server: Server;
let url = '';
beforeAll(async () => {
  // Accepts every request and never answers.
  server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hang`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('deadline', () => {
  it('a request to a server that never answers ends with a TimeoutError, garbage collections meanwhile', async () => {
    const outer = new AbortController();
    const limit = deadline(300, outer.signal);
    const request = fetch(url, { signal: limit.signal }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      gc();
    }
    expect(await request).toBe('TimeoutError');
    limit.done();
  });

  it('aborts with the outer signal (Ctrl-C) before the time is up, with its reason', async () => {
    const outer = new AbortController();
    const limit = deadline(60_000, outer.signal);
    const request = fetch(url, { signal: limit.signal }).then(
      () => 'answered',
      (error: unknown) => error,
    );
    outer.abort(new Error('stop'));
    expect(await request).toMatchObject({ message: 'stop' });
    limit.done();
    // Already aborted when made: aborted at once.
    expect(deadline(60_000, outer.signal).signal.aborted).toBe(true);
  });
});

// The callback flow that listen, login and demo share, on real sockets: the hooks fire in the order a
// presenter relies on (bound, waiting, each hit, over), the wait ends however it ends with the
// countdown stopped, and the address login lints before binding is the address it then gets.
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { CallbackError, CancelledError } from '../../src/errors.js';
import { callbackUrlOf, catchCallback, expectedCallbackUrl, openCallback, type CallbackHooks, type CallbackRequest } from '../../src/flows/callback.js';
import { freePort } from '../e2e/helpers.js';

const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

function request(over: Partial<CallbackRequest> = {}, plan: Partial<CallbackRequest['plan']> = {}): CallbackRequest {
  return {
    plan: { host: '127.0.0.1', port: 0, path: '/callback', timeoutMs: 5000, allowedHosts: [], ...plan },
    signal: new AbortController().signal,
    lang: 'en',
    translate: (key) => key,
    now: () => 1_000_000,
    duplicateWindowMs: 50,
    ...over,
  };
}

/** Hooks that log what they were told, in order. */
function logged(): CallbackHooks & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    onListening: (l) => log.push(`listening ${l.url}`),
    onWaiting: (w) => log.push(`waiting ${w.timeoutMs} until ${w.deadline}`),
    onHit: (h) => log.push(`hit ${h.seq} ${h.kind}`),
    onWaitOver: () => log.push('over'),
  };
}

async function portIsFree(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('openCallback / catchCallback', () => {
  it('tells its hooks: bound, waiting (deadline on the caller’s clock), each hit, over — then the code', async () => {
    const hooks = logged();
    const codes: string[] = [];
    // The second hit must land inside the duplicate window, also on a loaded machine (CI once took
    // longer than 50 ms between the two requests, and the closed listener reset the second).
    const session = await openCallback(request({ expectedState: 's1', duplicateWindowMs: 2000, onCode: (h) => codes.push(h.code!) }), hooks);
    expect(hooks.log).toEqual([`listening ${session.url}`]);
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const waiting = session.wait();
    expect(await get(`${session.url}?code=${CODE}&state=s1`)).toBe(200);
    expect(await get(`${session.url}?code=${CODE}&state=s1`)).toBe(200);
    const result = await waiting;
    await session.close();
    expect(result).toMatchObject({ code: CODE, state: 's1', stateChecked: true, codes: [CODE] });
    expect(result.duplicates).toHaveLength(1);
    // The exchange hook fires once per code, however often WeChat calls back.
    expect(codes).toEqual([CODE]);
    expect(hooks.log).toEqual([`listening ${session.url}`, 'waiting 5000 until 1005000', 'hit 1 code', 'hit 2 duplicate', 'over']);
    expect(await portIsFree(session.port)).toBe(true);
  });

  it('refuses a state mismatch and keeps waiting; the timeout names it, the countdown stopped', async () => {
    const hooks = logged();
    const run = catchCallback(request({ expectedState: 'fresh' }, { timeoutMs: 1500 }), hooks);
    const failure = run.catch((e: unknown) => e);
    for (let i = 0; i < 50 && !hooks.log.some((l) => l.startsWith('waiting')); i++) await new Promise((r) => setTimeout(r, 10));
    const url = hooks.log[0]!.replace('listening ', '');
    expect(await get(`${url}?code=${CODE}&state=stale`)).toBe(400);
    const error = await failure;
    expect(error).toBeInstanceOf(CallbackError);
    expect((error as CallbackError).failure).toBe('state_mismatch');
    expect((error as CallbackError).messageRef.key).toBe('listen.timeout.refused');
    expect(hooks.log.slice(-2)).toEqual(['hit 1 state_mismatch', 'over']);
  });

  it('stops the countdown when the wait fails: nothing arrived in time', async () => {
    const hooks = logged();
    const error = await catchCallback(request({}, { timeoutMs: 100 }), hooks).catch((e: unknown) => e);
    expect((error as CallbackError).failure).toBe('timeout');
    expect(hooks.log.map((l) => l.split(' ')[0])).toEqual(['listening', 'waiting', 'over']);
  });

  it('ends with CancelledError on Ctrl-C, the countdown stopped', async () => {
    const controller = new AbortController();
    const hooks = logged();
    const session = await openCallback(request({ signal: controller.signal }), hooks);
    const waiting = session.wait().catch((e: unknown) => e);
    controller.abort();
    expect(await waiting).toBeInstanceOf(CancelledError);
    expect(hooks.log.at(-1)).toBe('over');
    await session.close();
  });
});

describe('expectedCallbackUrl', () => {
  it('is unknown before binding port 0', () => {
    expect(expectedCallbackUrl({ host: '127.0.0.1', port: 0, path: '/callback' })).toBeUndefined();
  });

  for (const host of ['127.0.0.1', '0.0.0.0']) {
    it(`is the address the listener on ${host} then has (what login puts in redirect_uri)`, async () => {
      const port = await freePort();
      const expected = expectedCallbackUrl({ host, port, path: '/wx/cb' });
      const session = await openCallback(request({}, { host, port, path: '/wx/cb' }));
      try {
        expect(callbackUrlOf(session)).toBe(expected);
      } finally {
        await session.close();
      }
    });
  }

  it('drops the default port 80, as the listener does', () => {
    expect(expectedCallbackUrl({ host: 'localhost', port: 80, path: '/cb' })).toBe('http://localhost/cb');
  });
});

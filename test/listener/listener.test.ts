// The callback listener over real sockets: what a browser (or WeChat, or an attacker) sending requests
// to it would see, and what the caller gets back.
import { describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { startCallbackListener, type CallbackHit, type ListenerOptions } from '../../src/listener/index.js';
import { CallbackError, CancelledError, UsageError } from '../../src/errors.js';
import { tKey, tr } from '../../src/ui/i18n.js';
import { get } from './http.js';



function options(extra: Partial<ListenerOptions> = {}): ListenerOptions {
  return {
    port: 0,
    timeoutMs: 5000,
    lang: 'en',
    translate: (key, params) => tKey('en', key, params),
    duplicateWindowMs: 150,
    ...extra,
  };
}

const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';

describe('waiting for the callback', () => {
  it('returns the code and state, and tells the browser it can close the window', async () => {
    const seen: CallbackHit[] = [];
    const listener = await startCallbackListener(options({ expectedState: 'abc123', onHit: (h) => seen.push(h) }));
    expect(listener.url).toBe(`http://127.0.0.1:${listener.port}/callback`);
    const page = await get(listener.port, `/callback?code=${CODE}&state=abc123`, { 'user-agent': 'MicroMessenger/8.0' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Code received');
    expect(page.body).toContain('you can close this window');
    expect(page.body).not.toContain(CODE);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const result = await listener.result;
    expect(result.code).toBe(CODE);
    expect(result.state).toBe('abc123');
    expect(result.stateChecked).toBe(true);
    expect(result.duplicates).toEqual([]);
    expect(seen.map((h) => [h.kind, h.userAgent])).toEqual([['code', 'MicroMessenger/8.0']]);
  });

  it('speaks the user language on the page', async () => {
    const listener = await startCallbackListener(options({ lang: 'zh', translate: (key, params) => tKey('zh', key, params) }));
    const page = await get(listener.port, `/callback?code=${CODE}&state=`);
    expect(page.body).toContain('已收到 code');
    expect(page.body).toContain('lang="zh-CN"');
    const result = await listener.result;
    expect(result.state).toBe('');
    expect(result.stateChecked).toBe(false);
  });

  it('speaks the browser\'s language when it asks for zh or en, whatever the terminal\'s', async () => {
    const listener = await startCallbackListener(options({ lang: 'en', translate: (key, params, lang) => tKey(lang ?? 'en', key, params) }));
    const zh = await get(listener.port, `/callback?code=${CODE}&state=`, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(zh.body).toContain('已收到 code');
    expect(zh.body).toContain('lang="zh-CN"');
    // A language the page has no words in: the terminal's.
    const fr = await get(listener.port, `/callback?code=${CODE}&state=`, { 'accept-language': 'fr-FR' });
    expect(fr.body).toContain('lang="en"');
    await listener.result;
  });

  it('listens on the path it was given and answers 404 elsewhere, favicon quietly', async () => {
    const listener = await startCallbackListener(options({ path: '/wx/cb' }));
    expect((await get(listener.port, '/callback?code=' + CODE)).status).toBe(404);
    const favicon = await get(listener.port, '/favicon.ico');
    expect(favicon.status).toBe(204);
    expect(favicon.body).toBe('');
    expect((await get(listener.port, `/wx/cb?code=${CODE}&state=s`)).status).toBe(200);
    const result = await listener.result;
    expect(result.code).toBe(CODE);
    expect(result.hits).toHaveLength(1);
  });

  it('a refusal (state only) ends with a denied CallbackError', async () => {
    const listener = await startCallbackListener(options({ expectedState: 'abc' }));
    const page = await get(listener.port, '/callback?state=abc');
    expect(page.body).toContain('Authorization was refused');
    const error = await listener.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallbackError);
    expect((error as CallbackError).failure).toBe('denied');
    expect((error as CallbackError).exitCode).toBe(6);
  });

  it('refuses a code whose state does not match, says so on the page, and keeps waiting for the real one', async () => {
    const seen: string[] = [];
    const listener = await startCallbackListener(options({ expectedState: 'expected1', onHit: (h) => seen.push(h.kind) }));
    const page = await get(listener.port, `/callback?code=${CODE}&state=stale2`);
    expect(page.status).toBe(400);
    expect(page.body).toContain('State mismatch — this code was refused');
    expect(page.body).toContain('still waiting');
    // A cross-site <img src=".../callback?state=old"> (state only) is refused too, and ends nothing;
    // it brought no code, so the page does not say a code was refused.
    const stateOnly = await get(listener.port, '/callback?state=old');
    expect(stateOnly.status).toBe(400);
    expect(stateOnly.body).toContain('State mismatch — this callback was refused');
    expect(stateOnly.body).not.toContain('code was refused');
    const real = await get(listener.port, `/callback?code=${CODE}&state=expected1`);
    expect(real.status).toBe(200);
    const result = await listener.result;
    expect(result.code).toBe(CODE);
    expect(seen).toEqual(['state_mismatch', 'state_mismatch', 'code']);
    expect(result.counts).toEqual({ state_mismatch: 2, code: 1 });
  });

  it('times out naming the callbacks it refused (exit 6, a state mismatch)', async () => {
    const listener = await startCallbackListener(options({ expectedState: 'expected1', timeoutMs: 1500 }));
    await get(listener.port, `/callback?code=${CODE}&state=stale2`);
    const error = await listener.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallbackError);
    expect((error as CallbackError).failure).toBe('state_mismatch');
    expect((error as CallbackError).exitCode).toBe(6);
    expect((error as CallbackError).messageRef).toEqual({ key: 'listen.timeout.refused', params: { seconds: 2, count: 1, got: 'stale2', expected: 'expected1' } });
  });

  it('keeps counts of every hit but only the first code and the last 20 hits', async () => {
    // The 30 hits after the code must land inside the duplicate window, also on a loaded machine.
    const listener = await startCallbackListener(options({ expectedState: 's', timeoutMs: 10_000, duplicateWindowMs: 2000 }));
    for (let i = 0; i < 30; i++) await get(listener.port, `/callback?foo=${i}`);
    await get(listener.port, `/callback?code=${CODE}&state=s`);
    for (let i = 0; i < 30; i++) await get(listener.port, `/callback?state=forged${i}`);
    const result = await listener.result;
    expect(result.counts).toEqual({ invalid: 30, code: 1, state_mismatch: 30 });
    expect(result.hits).toHaveLength(21);
    expect(result.hits[0]).toMatchObject({ kind: 'code', seq: 31 });
    expect(result.hits.at(-1)).toMatchObject({ kind: 'state_mismatch', seq: 61 });
    expect(result.hitsOmitted).toBe(40);
  });

  it('escapes every value it echoes into the page', async () => {
    const listener = await startCallbackListener(options({ expectedState: 'x', timeoutMs: 1500 }));
    const evil = '<script>alert(1)</script>"\'&';
    const page = await get(listener.port, `/callback?code=${CODE}&state=${encodeURIComponent(evil)}`);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#39;&#38;');
    expect(page.headers['content-security-policy']).toContain("script-src 'none'");
    await listener.result.catch(() => undefined);
  });

  it('times out with a CallbackError that carries advice', async () => {
    const listener = await startCallbackListener(options({ timeoutMs: 200 }));
    const error = await listener.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallbackError);
    expect((error as CallbackError).failure).toBe('timeout');
    expect((error as CallbackError).hint?.key).toBe('listen.timeout.hint');
    // It stopped listening.
    await expect(get(listener.port, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('stops with CancelledError when the signal aborts (Ctrl-C)', async () => {
    const controller = new AbortController();
    const listener = await startCallbackListener(options({ signal: controller.signal }));
    controller.abort();
    await expect(listener.result).rejects.toBeInstanceOf(CancelledError);
  });

  it('names the port when it is already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const error = await startCallbackListener(options({ port })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      const message = tr('en', (error as UsageError).messageRef);
      expect(message).toContain(String(port));
      expect(tr('en', (error as UsageError).hint!)).toContain('--port');
    } finally {
      blocker.close();
    }
  });
});

/** Whether this machine has IPv6 loopback (::1) to bind: a CI container may not. */
const hasIpv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = net.createServer();
  probe.once('error', () => resolve(false));
  probe.listen(0, '::1', () => probe.close(() => resolve(true)));
});

function getOverIpv6(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '::1', port, path, headers: { host: `localhost:${port}` }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// A browser may take `localhost` to [::1] (Chromium does first): a callback to http://localhost:P must
// reach the listener there too, and another server holding [::1]:P must not take it unseen.
describe.skipIf(!hasIpv6Loopback)('a callback URL on localhost', () => {
  it('is caught when the browser connects to [::1]', async () => {
    const listener = await startCallbackListener(options({ bothLoopbacks: true, expectedState: 's' }));
    const page = await getOverIpv6(listener.port, `/callback?code=${CODE}&state=s`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Code received');
    expect((await listener.result).code).toBe(CODE);
    // Both addresses are let go.
    await expect(getOverIpv6(listener.port, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a port another server holds on [::1], where the browser would take the callback (en, zh)', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '::1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const error = await startCallbackListener(options({ port, bothLoopbacks: true })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(tr('en', (error as UsageError).messageRef)).toBe(
        `Port ${port} is free on 127.0.0.1 but already in use on [::1], which is localhost too: a browser opening http://localhost:${port} may connect there instead, and the callback would reach that server, not wxauth.`,
      );
      expect(tr('zh', (error as UsageError).messageRef)).toContain(`端口 ${port} 在 127.0.0.1 上空闲，但在同样是 localhost 的 [::1] 上已被占用`);
      expect(tr('en', (error as UsageError).hint!)).toContain(`lsof -i :${port}`);
      // It let 127.0.0.1 go again.
      await expect(get(port, '/callback')).rejects.toThrow(/ECONNREFUSED/);
      // A listener told to use 127.0.0.1 alone (--host 127.0.0.1) has no business with [::1].
      const alone = await startCallbackListener(options({ port }));
      await alone.close();
    } finally {
      blocker.close();
    }
  });

  // With any free port (listen --port 0), a port the system hands out on 127.0.0.1 may be held on [::1]:
  // another is tried rather than the run refused. anyPort hands out the held one first, deterministically.
  it('with any free port, tries another when the one given out on 127.0.0.1 is held on [::1], and catches the callback there', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '::1', () => r()));
    const held = (blocker.address() as net.AddressInfo).port;
    const asked: number[] = [];
    try {
      const listener = await startCallbackListener(
        options({ bothLoopbacks: true, expectedState: 's', anyPort: (attempt) => (asked.push(attempt), attempt === 1 ? held : 0) }),
      );
      expect(asked).toEqual([1, 2]);
      expect(listener.port).not.toBe(held);
      const page = await getOverIpv6(listener.port, `/callback?code=${CODE}&state=s`);
      expect(page.status).toBe(200);
      expect((await listener.result).code).toBe(CODE);
      // The held port's 127.0.0.1 side was let go when it moved on.
      await expect(get(held, '/callback')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      blocker.close();
    }
  });
});

describe('duplicate callbacks', () => {
  it('keeps listening briefly, reports a second hit with the same code, and hands each code out once', async () => {
    const handed: string[] = [];
    // The second hit must land inside the window, also on a loaded machine.
    const listener = await startCallbackListener(options({ duplicateWindowMs: 2000, onCode: (h) => handed.push(h.code!) }));
    await get(listener.port, `/callback?code=${CODE}&state=s`, { 'user-agent': 'Chrome' });
    const second = await get(listener.port, `/callback?code=${CODE}&state=s&connect_redirect=1&uin=&key=&pass_ticket=`, {
      'user-agent': 'MicroMessenger',
    });
    expect(second.status).toBe(200);
    expect(second.body).toContain('already received');
    const result = await listener.result;
    expect(handed).toEqual([CODE]);
    expect(result.duplicates).toHaveLength(1);
    expect(result.duplicates[0]).toMatchObject({ kind: 'duplicate', firstSeq: 1, userAgent: 'MicroMessenger' });
    expect(result.duplicates[0]!.markers).toEqual(['connect_redirect', 'uin', 'key', 'pass_ticket']);
    expect(result.hits.map((h) => h.kind)).toEqual(['code', 'duplicate']);
  });
});

describe('hostile or junk traffic', () => {
  it('refuses a request whose Host names another site (DNS rebinding), then still takes the real one', async () => {
    const seen: CallbackHit[] = [];
    const listener = await startCallbackListener(options({ onHit: (h) => seen.push(h) }));
    const rebound = await get(listener.port, `/callback?code=${CODE}&state=s`, { host: `evil.example:${listener.port}` });
    expect(rebound.status).toBe(421);
    expect(rebound.body).toContain('Wrong Host');
    const bare = await get(listener.port, `/callback?code=${CODE}&state=s`, { host: 'attacker.test' });
    expect(bare.status).toBe(421);
    expect(seen.map((h) => [h.kind, h.hostHeader])).toEqual([
      ['wrong_host', `evil.example:${listener.port}`],
      ['wrong_host', 'attacker.test'],
    ]);
    // Through an SSH tunnel or a port mapping the browser names another port: still this listener.
    const tunnelled = await get(listener.port, `/callback?code=${CODE}&state=s`, { host: 'localhost:9999' });
    expect(tunnelled.status).toBe(200);
    const result = await listener.result;
    expect(result.code).toBe(CODE);
    expect(result.ignored).toBe(2);
    expect(result.hits).toHaveLength(1);
  });

  it('a flood of junk does not stop it catching the real callback', async () => {
    const listener = await startCallbackListener(options());
    const junk: Array<Promise<unknown>> = [];
    for (let i = 0; i < 60; i++) {
      junk.push(get(listener.port, `/x${i}?code=zzz`).catch(() => undefined));
      junk.push(get(listener.port, '/callback?code=' + CODE, {}, 'POST').catch(() => undefined));
      junk.push(get(listener.port, '/callback?' + 'a'.repeat(6000)).catch(() => undefined));
      junk.push(get(listener.port, '/callback?code=&state=s').catch(() => undefined));
      junk.push(
        new Promise<void>((resolve) => {
          const socket = net.connect(listener.port, '127.0.0.1', () => socket.end('GARBAGE \x00\x01\r\n\r\n'));
          socket.on('error', () => resolve());
          socket.on('close', () => resolve());
          socket.resume();
        }),
      );
    }
    // Slow connections that never finish their headers must not block the real callback either.
    const idle = Array.from({ length: 20 }, () => net.connect(listener.port, '127.0.0.1', () => undefined).on('error', () => undefined));
    const statuses = await Promise.all(junk.slice(0, 4).map((p) => p));
    expect(statuses[0]).toMatchObject({ status: 404 });
    expect(statuses[1]).toMatchObject({ status: 405 });
    expect(statuses[2]).toMatchObject({ status: 414 });
    expect(statuses[3]).toMatchObject({ status: 400 });
    const real = await get(listener.port, `/callback?code=${CODE}&state=s`);
    expect(real.status).toBe(200);
    await Promise.all(junk);
    const result = await listener.result;
    for (const s of idle) s.destroy();
    expect(result.code).toBe(CODE);
    expect(result.ignored).toBeGreaterThanOrEqual(180);
  });

  it('refuses oversized headers (431) and keeps waiting', async () => {
    const listener = await startCallbackListener(options());
    const big = await get(listener.port, `/callback?code=${CODE}&state=s`, { cookie: 'x'.repeat(10_000) }).catch((e: Error) => e);
    expect(big instanceof Error ? big.message : big.status).toSatisfy((v: unknown) => v === 431 || /socket hang up|ECONNRESET/.test(String(v)));
    expect((await get(listener.port, `/callback?code=${CODE}&state=s`)).status).toBe(200);
    await expect(listener.result).resolves.toMatchObject({ code: CODE, ignored: 1 });
  });

  it('drops a connection that never finishes its headers (slowloris) within seconds', async () => {
    // The default 5 s headers timeout and 1 s sweep, scaled down: the behaviour is the same, the wait is not.
    const listener = await startCallbackListener(options({ timeoutMs: 15_000, headersTimeoutMs: 200, connectionsCheckIntervalMs: 50 }));
    const started = Date.now();
    const closed = await new Promise<string>((resolve) => {
      let answer = '';
      const socket = net.connect(listener.port, '127.0.0.1', () => socket.write(`GET /callback HTTP/1.1\r\nHost: 127.0.0.1:${listener.port}\r\nX-Slow: 1\r\n`));
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (answer += d));
      socket.on('close', () => resolve(answer));
      socket.on('error', () => undefined);
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(closed).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    await listener.close();
  });

  it('a bare visit gets a waiting page that can forward a hash-route code, and keeps waiting', async () => {
    const listener = await startCallbackListener(options({ timeoutMs: 1500 }));
    const page = await get(listener.port, '/callback');
    expect(page.status).toBe(200);
    expect(page.body).toContain('waiting for the WeChat callback');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'sha256-/);
    await expect(listener.result).rejects.toMatchObject({ failure: 'timeout' });
  });
});

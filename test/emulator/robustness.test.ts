// Junk input never crashes the emulator; unknown paths and limits answer as documented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import fc from 'fast-check';
import { startEmulator, parseSeed, EmulatorSeedError, type EmulatorHandle } from '../../src/emulator/index.js';
import { get, norm, portOf, post, rawRequest } from './helpers.js';

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function stillAlive(): Promise<void> {
  expect((await get(emu.url, '/sns/auth?access_token=a&openid=b')).json.errcode).toBe(40014);
}

describe('unknown paths', () => {
  it('/sns and /cgi-bin paths answer 40066 invalid url (default) or HTTP 404 (switch)', async () => {
    expect(norm((await get(emu.url, '/cgi-bin/tools/shorturl')).text)).toBe('{"errcode":40066,"errmsg":"invalid url rid: RID"}');
    expect(norm((await get(emu.url, '/sns/oauth2/acess_token')).text)).toBe('{"errcode":40066,"errmsg":"invalid url, rid: RID"}');
    emu.configure({ unknownPath: '404' });
    expect((await get(emu.url, '/cgi-bin/tools/shorturl')).status).toBe(404);
    emu.configure({ unknownPath: '40066' });
    const other = await get(emu.url, '/robots.txt');
    expect(other.status).toBe(404);
    expect(other.text).toContain('404 Not Found');
  });

  it('/favicon.ico, which browsers ask every page for: 204, cacheable, not logged, no fault spent on it', async () => {
    emu.reset();
    await emu.addFault({ kind: 'http500', count: 1 });
    const icon = await get(emu.url, '/favicon.ico');
    expect(icon.status).toBe(204);
    expect(icon.text).toBe('');
    expect(icon.headers.get('cache-control')).toBe('max-age=86400');
    expect(emu.requests()).toEqual([]);
    // The armed fault is still there for the client under test.
    expect((await get(emu.url, '/sns/auth?access_token=a&openid=b')).status).toBe(500);
    expect(emu.requests().map((r) => [r.path, r.status, r.fault])).toEqual([['/sns/auth', 500, 'http500']]);
  });
});

describe('junk input', () => {
  it('malformed query strings', async () => {
    for (const path of ['/sns/auth?access_token=%zz&openid=%', '/sns/userinfo?&&&=&=', '/cgi-bin/token?appid=%E4%B8&secret', '/connect/oauth2/authorize?appid=%ff%fe&redirect_uri=%']) {
      const r = await rawRequest(portOf(emu.url), path);
      expect(r.status).toBeLessThan(500);
    }
    await stillAlive();
  });

  it('a URL over 8 KiB -> 414; one over the header limit -> 431/400; the server lives on', async () => {
    const r = await rawRequest(portOf(emu.url), '/sns/auth?access_token=' + 'a'.repeat(9000));
    expect(r.status).toBe(414);
    const huge = await rawRequest(portOf(emu.url), '/sns/auth?access_token=' + 'a'.repeat(40000)).catch(() => ({ status: 0, body: '' }));
    expect([0, 400, 431]).toContain(huge.status);
    await stillAlive();
  });

  it('a body over 64 KiB -> 413', async () => {
    const r = await post(emu.url, '/cgi-bin/stable_token', 'x'.repeat(70 * 1024));
    expect(r.status).toBe(413);
    await stillAlive();
  });

  it('a body of several MB gets its 413 too, and the connection is not cut while it is still being sent', async () => {
    // Before, the 413 went out at 64 KiB and the socket was closed under the client, still writing:
    // a client in another process (an SDK under test) met EPIPE or a reset instead of the answer.
    const body = 'x'.repeat(5_000_000);
    const { text, error } = await new Promise<{ text: string; error?: string }>((resolve) => {
      let text = '';
      const socket = connect(portOf(emu.url), '127.0.0.1', () => {
        socket.write(`POST /cgi-bin/stable_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
        socket.end(body);
      });
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('error', (e: NodeJS.ErrnoException) => resolve({ text, error: e.code ?? e.message }));
      socket.on('close', () => resolve({ text }));
    });
    expect(error).toBeUndefined();
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text.endsWith('413 Request Entity Too Large')).toBe(true);
    await stillAlive();
  });

  it('raw garbage on the socket gets 400 and does not crash', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(portOf(emu.url), '127.0.0.1', () => socket.write('\x00\x01GARBAGE\r\n\r\n'));
      socket.on('data', () => socket.destroy());
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    await stillAlive();
  });

  it('odd methods and paths', async () => {
    for (const [method, path] of [['PUT', '/sns/auth'], ['DELETE', '/cgi-bin/token'], ['OPTIONS', '*'], ['GET', '//..//%2e%2e/'], ['PATCH', '/connect/oauth2/authorize']] as const) {
      const r = await rawRequest(portOf(emu.url), path, { method });
      expect(r.status).toBeGreaterThan(0);
      expect(r.status).toBeLessThan(500);
    }
    await stillAlive();
  });

  it('property: any query string on any endpoint answers below 500', async () => {
    const paths = ['/sns/oauth2/access_token', '/sns/oauth2/refresh_token', '/sns/auth', '/sns/userinfo', '/cgi-bin/token', '/connect/oauth2/authorize', '/connect/qrconnect', '/connect/l/qrconnect'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.string({ maxLength: 200 }), async (path, junk) => {
        const r = await rawRequest(portOf(emu.url), path + '?' + encodeURI(junk).replace(/#/g, '%23'));
        return r.status < 500;
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/cgi-bin/stable_token', '/cgi-bin/openapi/quota/get?access_token=x', '/__emulator/faults', '/__emulator/scan'), fc.string({ maxLength: 300 }), async (path, body) => {
        const r = await rawRequest(portOf(emu.url), path, { method: 'POST', body });
        return r.status < 500;
      }),
      { numRuns: 60 },
    );
    await stillAlive();
  });
});

describe('seed validation', () => {
  it('reports every problem at once', () => {
    try {
      parseSeed(JSON.stringify({ apps: [{ appid: 'wxNOPE', secret: 'x', type: 'mini' }], users: [{ nickname: 1, follows: ['wx0000000000000000'] }] }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EmulatorSeedError);
      const problems = (error as EmulatorSeedError).problems;
      expect(problems).toContain('apps[0].appid must be "wx" followed by 16 lower-case hex digits');
      expect(problems).toContain('users[0].nickname must be a string');
      expect(problems).toContain('users[0].follows names wx0000000000000000, which is not a seeded app');
    }
    expect(() => parseSeed('{')).toThrow(/not valid JSON/);
  });

  it('accepts a minimal seed and fills defaults', async () => {
    const seed = parseSeed(JSON.stringify({ apps: [{ appid: 'wx00000000000000ab', secret: 'b'.repeat(32), type: 'test', domain: '127.0.0.1:8080' }], users: [{ nickname: 'me' }] }));
    expect(seed.apps[0]).toMatchObject({ verified: true, tokenDailyQuota: 200, openAccount: null, ipWhitelist: null, domain: ['127.0.0.1:8080'] });
    expect(seed.users[0]!.id).toBe('u1');
  });
});

describe('HTML escaping (property)', () => {
  const lt = (s: string) => (s.match(/</g) ?? []).length;

  it('no reflected value adds markup to the authorize error page or the QR page', async () => {
    const errorBaseline = lt((await get(emu.url, `/connect/oauth2/authorize?appid=wx5e1ec0de00000001&redirect_uri=${encodeURIComponent('http://example.com/')}&response_type=code&scope=snsapi_base&state=s`)).text);
    const qrBaseline = lt((await get(emu.url, `/connect/qrconnect?appid=wx5e1ec0de00000003&redirect_uri=${encodeURIComponent('http://localhost/')}&response_type=code&scope=snsapi_login&state=s`)).text);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40, unit: fc.constantFrom('<', '>', '"', "'", '&', '/', ' ', '\n', 'a', '张', '\u2028', 'x') }), async (junk) => {
        const a = await get(emu.url, `/connect/oauth2/authorize?appid=wx5e1ec0de00000001&redirect_uri=${encodeURIComponent('http://' + junk + '/')}&response_type=code&scope=snsapi_base&state=s`);
        const b = await get(emu.url, `/connect/qrconnect?appid=wx5e1ec0de00000003&redirect_uri=${encodeURIComponent('http://localhost/' + junk)}&response_type=code&scope=snsapi_login&state=${encodeURIComponent(junk)}`);
        return lt(a.text) === errorBaseline && lt(b.text) === qrBaseline;
      }),
      { numRuns: 40 },
    );
  });
});

describe('slow clients', () => {
  it('a connection that never finishes its headers is answered 408 and closed, and the emulator still answers', async () => {
    const slow = await startEmulator({ headersTimeoutMs: 300 });
    try {
      const { port, hostname } = new URL(slow.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => socket.write('GET /sns/auth HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
        let text = '';
        socket.on('data', (d: Buffer) => (text += d.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        setTimeout(() => reject(new Error('still open after 10 s')), 10_000).unref();
      });
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      expect((await get(slow.url, '/sns/auth?access_token=a&openid=b')).json.errcode).toBe(40014);
    } finally {
      await slow.close();
    }
  });
});

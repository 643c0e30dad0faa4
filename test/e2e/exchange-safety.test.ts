// A code is single-use: once WeChat has answered, the tokens exist nowhere but in this run. So the
// token cache is checked (readable, well-formed, lockable, writable) BEFORE the code is sent, and when
// the save still fails after WeChat answered, the tokens are printed first, then the failure, exit 4
// (issue 13 item 1). The CLI runs in-process against the in-process emulator over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle, type PublicApp } from '../../src/emulator/index.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { Readable, Writable } from 'node:stream';
import { baseEnv, emulatorEnv, freePort, parseJson, runCli, runSpawned, tempConfigDir } from './helpers.js';

let emu: EmulatorHandle;
let svc: PublicApp;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator();
  svc = emu.apps.find((a) => a.type === 'service')!;
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  dir = tempConfigDir();
  emu.reset();
});

const env = (extra: Record<string, string> = {}) => emulatorEnv(emu, svc, { WXAUTH_CONFIG_DIR: dir, ...extra });
const tokensFile = () => path.join(dir, 'tokens.json');
const exchanges = () => emu.requests().filter((r) => r.path === '/sns/oauth2/access_token');
const mint = () => emu.issueCode({ appid: svc.appid, user: 'u1', scope: 'snsapi_userinfo' });

/** Seed a valid cache file, then make it read-only (0400): wxauth keeps such a file as it is. */
function readOnlyCache(): void {
  fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
  fs.chmodSync(tokensFile(), 0o400);
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}


/**
 * An https:// API base on a TCP server that never finishes a TLS handshake: it takes each connection and
 * hangs up on it `close` ('at once'), or never ('never': it sits on the ClientHello). No byte of an HTTP
 * request can leave before the handshake.
 */
async function withHandshakeThatFails(close: 'at once' | 'never', run: (base: string) => Promise<void>): Promise<void> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((socket) => {
    sockets.add(socket);
    if (close === 'at once') socket.destroy();
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  try {
    await run(`https://127.0.0.1:${(s.address() as AddressInfo).port}`);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((r) => s.close(r));
  }
}

/** The codes the token cache remembers as sent without an answer. */
const spentCodes = (): unknown[] => (JSON.parse(fs.readFileSync(tokensFile(), 'utf8')) as { spentCodes?: unknown[] }).spentCodes ?? [];

describe('the AppSecret pasted as the code', () => {
  it('is refused without being sent or echoed (exit 2, en and zh)', async () => {
    for (const input of [svc.secret, `https://www.example.com/cb?code=${svc.secret}&state=x`]) {
      const r = await runCli(['exchange', input], { env: env() });
      expect(r.code, input).toBe(2);
      expect(r.stderr).toContain('The code given is this profile’s AppSecret, not a code; it was not sent to WeChat.');
      expect(r.stderr).not.toContain(svc.secret);
    }
    const zh = await runCli(['exchange', svc.secret, '--lang', 'zh'], { env: env() });
    expect(zh.stderr).toContain('给出的 code 就是这个 profile 的 AppSecret');
    expect(exchanges()).toHaveLength(0);
  });
});

describe('exchange - reads the code or callback URL from stdin', () => {
  it('exchanges the piped code, never `-` itself (en and zh)', async () => {
    const code = mint();
    const r = await runCli(['exchange', '-'], { env: env(), input: `${code}\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Exchanged the code for a user access_token');
    expect(exchanges()).toHaveLength(1);
    const url = `http://www.example.com/cb?code=${mint()}&state=x`;
    const zh = await runCli(['--lang', 'zh', 'exchange', '-'], { env: env(), input: `${url}\n` });
    expect(zh.code, zh.stderr).toBe(0);
    expect(exchanges()).toHaveLength(2);
  });

  it('nothing piped, or a terminal on stdin: exit 2, nothing sent (en and zh)', async () => {
    const empty = await runCli(['exchange', '-'], { env: env(), input: '\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('No code or callback URL on stdin.');
    expect(empty.stderr).toContain('pbpaste | wxauth exchange -');
    const zh = await runCli(['--lang', 'zh', 'exchange', '-'], { env: env(), input: '' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('标准输入里没有 code 或回调地址。');
    const { runCli: runIn } = await import('../../src/app.js');
    for (const lang of ['en', 'zh']) {
      let stderr = '';
      const sink = (write: (s: string) => void) => new Writable({ write: (c: Buffer, _e, done) => (write(c.toString()), done()) });
      const terminal = Object.assign(Readable.from([]), { isTTY: true });
      const err = sink((s) => (stderr += s));
      const code = await runIn(['--lang', lang, 'exchange', '-'], { stdout: sink(() => undefined), stderr: err, promptOutput: () => err, stdin: terminal, env: baseEnv(env()), signal: new AbortController().signal }, '0.0.0');
      expect(code).toBe(2);
      expect(stderr).toContain(lang === 'en' ? 'exchange - reads the code or callback URL from a pipe, but stdin is a terminal.' : 'exchange - 从管道读取 code 或回调地址，但标准输入是终端。');
    }
    expect(exchanges()).toHaveLength(0);
  });
});

describe('the cache is checked before the code is spent', () => {
  it('a read-only tokens.json: exit 4 and the code is still unused', async () => {
    readOnlyCache();
    const code = mint();
    const r = await runCli(['exchange', code], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('read-only');
    expect(exchanges()).toHaveLength(0);
    // The code still works once the cache is writable again.
    fs.chmodSync(tokensFile(), 0o600);
    const again = await runCli(['exchange', code], { env: env() });
    expect(again.code, again.stderr).toBe(0);
  });

  it('a tokens.json of the wrong shape: exit 4, the file untouched, the code unused', async () => {
    fs.writeFileSync(tokensFile(), '{"profiles":"oops"}', { mode: 0o600 });
    const r = await runCli(['exchange', mint()], { env: env() });
    expect(r.code).toBe(4);
    expect(fs.readFileSync(tokensFile(), 'utf8')).toBe('{"profiles":"oops"}');
    expect(exchanges()).toHaveLength(0);
  });

  it('a state folder that cannot be written (a path component is a file): exit 4, the code unused', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const r = await runCli(['exchange', mint()], { env: env({ WXAUTH_CONFIG_DIR: path.join(file, 'state') }) });
    expect(r.code).toBe(4);
    expect(exchanges()).toHaveLength(0);
  });

  // Tokens come from WeChat: "pass values by flags or WXAUTH_* env" (config.json's advice) cannot
  // apply. What can: chmod 600, or exchange --no-save, which then works with the same, unspent code.
  it('a read-only tokens.json: the hint is chmod 600 or exchange --no-save, never flags or env (en and zh)', async () => {
    readOnlyCache();
    const code = mint();
    const r = await runCli(['exchange', code], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`To let wxauth save tokens, run chmod 600 ${tokensFile()}. To keep it read-only, use wxauth exchange --no-save <code>: it prints the tokens it gets without saving them.`);
    expect(r.stderr).not.toMatch(/flags|WXAUTH_/);
    const zh = await runCli(['--lang', 'zh', 'exchange', code], { env: env() });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`要让 wxauth 保存 token，运行 chmod 600 ${tokensFile()}。想让它保持只读，就用 wxauth exchange --no-save`);
    expect(zh.stderr).not.toContain('环境变量');
    const json = await runCli(['--json', 'exchange', code], { env: env() });
    expect(parseJson(json.stdout)).toMatchObject({ ok: false, error: { code: 'config', hint: expect.stringContaining('wxauth exchange --no-save') } });
    expect(exchanges()).toHaveLength(0);
    // The advice works: the code, still unused, is exchanged and the file left as it was.
    const noSave = await runCli(['exchange', code, '--no-save'], { env: env() });
    expect(noSave.code, noSave.stderr).toBe(0);
    expect(noSave.stdout).toMatch(/^access_token\s+\S+/m);
    expect(fs.readFileSync(tokensFile(), 'utf8')).toBe('{}\n');
  });

  it('a read-only tokens.json met by a command that exchanges no code: chmod only, no exchange --no-save', async () => {
    readOnlyCache();
    const r = await runCli(['token'], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`To let wxauth save tokens, run chmod 600 ${tokensFile()}.`);
    expect(r.stderr).not.toContain('--no-save');
  });

  it('a read-only config.json keeps its own advice (flags or WXAUTH_* instead)', async () => {
    fs.writeFileSync(path.join(dir, 'config.json'), '{"profiles":{"default":{}}}\n', { mode: 0o600 });
    fs.chmodSync(path.join(dir, 'config.json'), 0o400);
    const r = await runCli(['config', 'set', 'region', 'sh'], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('pass values by flags or WXAUTH_* env instead');
    expect(r.stderr).not.toContain('--no-save');
  });

  it('listen --exchange refuses before listening when the cache is read-only', async () => {
    readOnlyCache();
    const port = await freePort();
    const r = await runCli(['listen', '--port', String(port), '--exchange', '--state', 's', '--timeout', '5'], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stderr).not.toContain('Listening on');
  });
});

describe('an exchange whose answer was lost', () => {
  it('timed out: the retry\'s 40163 says wxauth\'s own timed-out request most likely spent it, not a doubled callback', async () => {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const code = mint();
    emu.addFault({ kind: 'delay', ms: 2500, path: '/sns/oauth2/access_token', count: 1 });
    const lost = await runCli(['--timeout', '1000', 'exchange', code], { env: env() });
    expect(lost.code).toBe(5);
    // The emulator answers that first request (and spends the code) once its delay is over.
    await until(() => exchanges().length > 0, 'the delayed exchange answered');
    const again = await runCli(['exchange', code], { env: env() });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('wxauth’s exchange of this code at');
    expect(again.stderr).toContain('got no answer in time: that request most likely reached WeChat and spent it');
    const zh = await runCli(['exchange', code], { env: env({ LANG: 'zh_CN.UTF-8' }) });
    expect(zh.stderr).toContain('换取这个 code 时等不到响应（超时）');
  });
});

/**
 * A gateway in front of the emulator: it forwards the exchange (the emulator spends the code), then
 * answers with `answer` instead of what the emulator said, as nginx's 502 page does when its upstream
 * answers too late, or a gateway that rewrites the body.
 */
async function withGateway(answer: (body: string, res: http.ServerResponse) => void, run: (base: string) => Promise<void>): Promise<void> {
  const gateway = http.createServer((req, res) => {
    http.get(`${emu.url}${req.url}`, (up) => {
      let body = '';
      up.on('data', (c: Buffer) => (body += c));
      up.on('end', () => answer(body, res));
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
  try {
    await run(`http://127.0.0.1:${(gateway.address() as AddressInfo).port}`);
  } finally {
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
  }
}

describe('an exchange whose answer is not WeChat\'s (a gateway in between)', () => {
  it('a 502 page, an empty body, a busy page: the code may be spent, said at once (en, zh), and the retry\'s 40163 names that run', async () => {
    const pages: Array<[string, (body: string, res: http.ServerResponse) => void]> = [
      ['502', (_b, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>')],
      ['empty', (_b, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('')],
      ['busy', (_b, res) => res.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>系统繁忙，请稍后再试</body></html>')],
    ];
    for (const [name, answer] of pages) {
      fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
      const code = mint();
      await withGateway(answer, async (base) => {
        const r = await runCli(['exchange', code], { env: env({ WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base }) });
        expect(r.code, name).toBe(5);
        expect(r.stderr, name).toContain('Mind that the code was sent: a gateway or proxy in between may have passed it on to WeChat');
        if (name === '502') {
          const zh = await runCli(['exchange', mint(), '--lang', 'zh'], { env: env({ WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base }) });
          expect(zh.stderr).toContain('注意 code 已经发出：中间的网关或代理可能先把它转给了微信');
        }
      });
      const again = await runCli(['exchange', code], { env: env() });
      expect(again.code, name).toBe(3);
      expect(again.stderr, name).toContain('got an answer that was not WeChat’s (a gateway’s error page, say)');
      expect(again.stderr, name).not.toContain('This code was already exchanged. WeChat or the browser often hits the callback twice');
    }
  });

  it('HTTP 200 with the tokens but no openid: the code is said spent, never "try again later"; the reason in Chinese too', async () => {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const noOpenid = (body: string, res: http.ServerResponse) => {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      delete parsed.openid;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(parsed));
    };
    const code = mint();
    await withGateway(noOpenid, async (base) => {
      const gw = env({ WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base });
      const r = await runCli(['exchange', code], { env: gw });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('(openid is missing)');
      expect(r.stderr).toContain('The answer carries an access_token, so a token was issued and the code is spent');
      expect(r.stderr).not.toContain('Nothing from this answer was used or cached');
      const zh = await runCli(['exchange', mint(), '--lang', 'zh'], { env: gw });
      expect(zh.stderr).toContain('（缺少 openid）');
      expect(zh.stderr).not.toContain('is missing');
      expect(zh.stderr).toContain('响应里有 access_token，说明 token 已经发出、这个 code 已经用掉了');
    });
    const again = await runCli(['exchange', code], { env: env() });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('got a token in an answer that was not WeChat’s whole answer');
  });
});

describe('an exchange that never left this machine', () => {
  it('a server that hangs up during the TLS handshake: the code was not sent and is still unused (en, zh, --json), nothing remembered as spent', async () => {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const code = mint();
    await withHandshakeThatFails('at once', async (base) => {
      const cut = env({ WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base });
      const r = await runCli(['exchange', code], { env: cut });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('was cut before the request was sent');
      // The error already says nothing of it left this machine: the hint does not say it again.
      expect(r.stderr).toContain('The code was not sent, so it is still unused');
      expect(r.stderr.match(/left this machine/g)).toHaveLength(1);
      expect(r.stderr).not.toContain('may have reached');
      // The hint says what to check, then once that nothing was sent: the code sentence, not also the
      // generic "safe to send again" before it.
      const hint = r.stderr.split('\n').find((line) => line.startsWith('→ ')) ?? '';
      expect(hint).toContain('speaks HTTPS on that port, and the network in between (a proxy, a VPN, a firewall). The code was not sent');
      expect(hint).not.toContain('safe to send again');
      const zh = await runCli(['exchange', code, '--lang', 'zh'], { env: cut });
      expect(zh.stderr).toContain('请求还没有发出时就被中断了');
      expect(zh.stderr).toContain('再检查中间的网络（代理、VPN、防火墙）。code 没有发出去，所以还没用掉');
      expect(zh.stderr.match(/离开本机/g)).toHaveLength(1);
      expect(zh.stderr).not.toContain('可以放心重发');
      // Another call cut the same way still hears that it may be sent again (no code sentence there).
      const token = await runCli(['token'], { env: cut });
      expect(token.code).toBe(5);
      expect(token.stderr).toContain('(a proxy, a VPN, a firewall). The request is safe to send again.');
      const tokenZh = await runCli(['token', '--lang', 'zh'], { env: cut });
      expect(tokenZh.stderr).toContain('（代理、VPN、防火墙）。这个请求可以放心重发。');
      const json = await runCli(['exchange', code, '--json'], { env: cut });
      expect(json.code).toBe(5);
      const doc = parseJson(json.stdout) as { error: { network: { failure: string; may_have_reached_server: boolean } } };
      expect(doc.error.network).toMatchObject({ failure: 'reset', may_have_reached_server: false });
    });
    expect(spentCodes()).toEqual([]);
    const ok = await runCli(['exchange', code], { env: env() });
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('a refused port: the code was not sent and is still unused (en, zh), and it still exchanges afterwards', async () => {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const code = mint();
    const port = await freePort();
    const refused = env({ WXAUTH_API_BASE: `http://127.0.0.1:${port}`, WXAUTH_BACKUP_API_BASE: `http://127.0.0.1:${port}` });
    const r = await runCli(['exchange', code], { env: refused });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('The code was not sent (nothing left this machine), so it is still unused');
    const zh = await runCli(['exchange', code, '--lang', 'zh'], { env: refused });
    expect(zh.stderr).toContain('code 没有发出去（请求没离开本机），所以还没用掉');
    const ok = await runCli(['exchange', code], { env: env() });
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('Ctrl-C while the exchange is under way', () => {
  it('during the TLS handshake: the code was not sent and is still usable (en, zh), and is not remembered as spent', async () => {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const code = mint();
    await withHandshakeThatFails('never', async (base) => {
      const stalled = env({ WXAUTH_API_BASE: base, WXAUTH_BACKUP_API_BASE: base });
      const r = await runCli(['exchange', code, '--timeout', '10000'], { env: stalled, timeoutMs: 400 });
      expect(r.code).toBe(130);
      expect(r.stderr).toContain('Stopped before the code was sent (nothing left this machine), so it is still unused');
      expect(r.stderr).not.toContain('may have reached WeChat');
      const zh = await runCli(['exchange', code, '--timeout', '10000', '--lang', 'zh'], { env: stalled, timeoutMs: 400 });
      expect(zh.code).toBe(130);
      expect(zh.stderr).toContain('已中断，code 还没有发出去（请求没离开本机），所以没有被用掉');
    });
    expect(spentCodes()).toEqual([]);
    const ok = await runCli(['exchange', code], { env: env() });
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('says the code may be spent, and the next try\'s 40163 says wxauth sent it, not another process', async () => {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const code = mint();
    emu.addFault({ kind: 'delay', ms: 1500, path: '/sns/oauth2/access_token', count: 1 });
    const cancelled = await runCli(['exchange', code], { env: env(), timeoutMs: 500 });
    expect(cancelled.code).toBe(130);
    expect(cancelled.stderr).toContain('The code may have reached WeChat before that and be spent');
    // The emulator still answers that first request (and spends the code) once its delay is over.
    await until(() => emu.requests().some((q) => q.path === '/sns/oauth2/access_token'), 'the delayed exchange answered');
    const again = await runCli(['exchange', code], { env: env() });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('wxauth was stopped (Ctrl-C) while exchanging this code at');
    // Only a possibility: the generic causes stay beside it.
    expect(again.stderr).toContain('Likely causes');
  });

  it('a cancel before anything was sent is still only a possibility, never a certainty that hides the causes', async () => {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const code = mint();
    const cancelled = await runCli(['exchange', code], { env: env(), timeoutMs: 1 });
    expect(cancelled.code).toBe(130);
    // Another process (the user's server) spends it meanwhile.
    await runCli(['exchange', code], { env: env({ WXAUTH_CONFIG_DIR: tempConfigDir() }) });
    const again = await runCli(['exchange', code, '--json'], { env: env() });
    expect(again.code).toBe(3);
    const doc = parseJson(again.stdout) as { error: { diagnosis?: unknown } };
    expect(doc.error.diagnosis).toBeUndefined();
  });
});

describe('a save that fails after WeChat answered', () => {
  /**
   * Run exchange; while WeChat "thinks" (an answer delayed 2 s), make the cache read-only. The moment:
   * right after the check before sending (it rewrites the file, so its inode changes), or after 1 s.
   */
  async function exchangeWhileCacheBreaks(args: string[]) {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const before = fs.statSync(tokensFile()).ino;
    emu.addFault({ kind: 'delay', ms: 2000, path: '/sns/oauth2/access_token', count: 1 });
    const started = Date.now();
    const run = runCli(['exchange', mint(), ...args], { env: env() });
    await until(() => fs.statSync(tokensFile()).ino !== before || Date.now() - started > 1000, 'the check before sending');
    fs.chmodSync(tokensFile(), 0o400);
    return run;
  }

  it('prints the tokens first, then the failure, exit 4', async () => {
    const r = await exchangeWhileCacheBreaks([]);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^access_token\s+\d\d_\S{100,}$/m);
    expect(r.stdout).toMatch(/^refresh_token\s+\d\d_\S{100,}$/m);
    expect(r.stderr).toContain('NOT saved');
    expect(r.stderr).toContain('read-only');
  });

  it('--json: one document with the tokens and the error, ok false, exit 4', async () => {
    const r = await exchangeWhileCacheBreaks(['--json']);
    expect(r.code).toBe(4);
    const doc = parseJson(r.stdout) as Record<string, any>;
    expect(doc.ok).toBe(false);
    expect(doc.saved).toBe(false);
    expect(doc.access_token).toMatch(/^\d\d_\S{100,}$/);
    expect(doc.refresh_token).toMatch(/^\d\d_\S{100,}$/);
    expect(doc.error).toMatchObject({ code: 'config' });
    expect(doc.error.message).toContain('read-only');
  });
});

describe('a lock held by another live process', () => {
  let holder: ChildProcess | undefined;
  afterAll(() => {
    holder?.kill('SIGKILL');
  });

  it('waits for it, then stops with exit 4 BEFORE the code is sent', async () => {
    fs.writeFileSync(tokensFile(), '{}\n', { mode: 0o600 });
    const lock = `${tokensFile()}.lock`;
    // Another process holding the lock, alive and not stuck: it keeps the lock fresh.
    holder = spawn(process.execPath, [
      '-e',
      `const fs=require('fs');const l=${JSON.stringify(lock)};` +
        `fs.writeFileSync(l, JSON.stringify({pid:process.pid,host:require('os').hostname(),token:'held'}));` +
        `setInterval(()=>{const t=new Date();fs.utimesSync(l,t,t)},1000);`,
    ]);
    await until(() => fs.existsSync(lock), 'the lock');
    // WXAUTH_LOCK_WAIT_MS shortens the 30 s a writer waits by default; the outcome is the same.
    const r = await runCli(['exchange', mint()], { env: env({ WXAUTH_LOCK_WAIT_MS: '1500' }) });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('lock');
    expect(r.stderr).toContain('1.5');
    expect(exchanges()).toHaveLength(0);
  });
});

describe('concurrent exchanges', () => {
  it('20 concurrent `--json exchange` processes, each with its own code: none loses its tokens', async () => {
    const codes = Array.from({ length: 20 }, () => mint());
    const runs = await Promise.all(codes.map((code) => runSpawned(['--json', 'exchange', code], { env: env(), timeoutMs: 60_000 })));
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect((parseJson(r.stdout) as Record<string, any>).access_token).toMatch(/^\d\d_/);
    }
    const cached = TokenStore.open(dir).listUsers('default');
    // One user, so one entry: the last writer's; every run printed its own tokens.
    expect(cached.length).toBeGreaterThan(0);
    expect(new Set(runs.map((r) => (parseJson(r.stdout) as Record<string, any>).access_token)).size).toBe(20);
  }, 90_000);
});

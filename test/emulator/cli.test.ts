// `wxauth emulator` as a user runs it: the built binary, Ctrl-C (SIGINT), stdout / stderr / exit code apart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { collect, runCli, spawnCli, waitForOutput } from '../e2e/helpers.js';

/** `wxauth emulator …` started, its start-up lines awaited, then stopped with Ctrl-C: its output. */
async function startedThenStopped(args: string[]) {
  const child = spawnCli(args);
  const done = collect(child);
  await waitForOutput(child, /Ctrl-C/);
  child.kill('SIGINT');
  return done;
}

describe('wxauth emulator (spawned)', () => {
  it('--json: one JSON line on stdout, serves, and Ctrl-C exits 0 with nothing more on stdout', async () => {
    const child = spawnCli(['emulator', '--port', '0', '--json']);
    const done = collect(child);
    const [line] = await waitForOutput(child, /^\{.*\}\n/);
    const doc = JSON.parse(line) as { url: string; apps: Array<{ appid: string; type: string }> };
    expect(doc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${doc.url}/sns/oauth2/access_token?appid=${doc.apps[0]!.appid}&secret=x&code=y&grant_type=authorization_code`);
    expect(await res.text()).toMatch(/^\{"errcode":40125,"errmsg":"invalid appsecret, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}"\}$/);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('human mode: only the base URL on stdout; apps, env lines and "stopped" on stderr', async () => {
    const r = await startedThenStopped(['emulator', '--port', '0', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(r.stderr).toContain('微信模拟器已启动');
    expect(r.stderr).toContain('WXAUTH_APPID=wx5e1ec0de00000003 WXAUTH_SECRET=5e1ec0de5e1ec0de5e1ec0de00000003');
    expect(r.stderr).toContain('微信模拟器已停止。');
    // No switch given: no line about switches.
    expect(r.stderr).not.toContain('开关（启动时设置）');
  });

  it('says which switches it started with (the flags and --set), so a run can be checked at a glance', async () => {
    const r = await startedThenStopped(['emulator', '--port', '0', '--set', 'reusedCodeErrcode=40029', '--rid-style', 'hints']);
    expect(r.stderr).toContain('Switches set at start: ridStyle=hints, reusedCodeErrcode=40029.');
    expect(r.stderr).not.toContain('userinfoLang shows only');
  });

  it('says that userinfoLang alone changes nothing visible (it needs profileEra=legacy)', async () => {
    const r = await startedThenStopped(['emulator', '--port', '0', '--set', 'userinfoLang=en']);
    expect(r.stderr).toContain('userinfoLang shows only with profileEra=legacy');
  });

  it('says its faults in the --fault syntax, which ones hit every path, and which path can never match', async () => {
    const r = await startedThenStopped(['emulator', '--port', '0', '--fault', 'errcode=40001@/cgi-bin/tokne', '--fault', 'errcode=-1000', '--fault', 'busy@/sns/*:2']);
    expect(r.stderr).toContain('Injected faults: errcode=40001@/cgi-bin/tokne, errcode=-1000 (every path, authorize pages included, until cleared), busy@/sns/*:2');
    expect(r.stderr).toContain('Fault errcode=40001@/cgi-bin/tokne will never fire: the emulator serves nothing at /cgi-bin/tokne. Did you mean /cgi-bin/token?');
    expect(r.stderr).not.toContain('busy@/sns/*:2 will never fire');
  });

  it('a busy port: exit 2, names the port and the way out', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runCli(['emulator', '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`Port ${port} is already in use`);
      expect(r.stderr).toContain('--port 0');
    } finally {
      blocker.close();
    }
  });

  it('its default port busy: the hint names neither the proxy’s default port nor the listener’s', async (t) => {
    const blocker = createServer();
    const bound = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen({ port: 3900, host: '127.0.0.1', exclusive: true }, () => resolve(true));
    });
    // Something else (an emulator the developer runs) has it: busy either way, as this test wants.
    if (!bound) t.skip();
    try {
      for (const lang of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
        const r = await runCli(['emulator'], { env: { LANG: lang } });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(lang.startsWith('en') ? /Port 3900 is already in use/ : /端口 3900 已被占用/);
        expect(r.stderr).toMatch(/--port (\d+)/);
        expect(r.stderr).not.toContain('--port 3901');
        expect(r.stderr).not.toContain('--port 8080');
        expect(r.stderr).toContain('--port 0');
      }
    } finally {
      blocker.close();
    }
  });

  it('a bad seed file: exit 4 listing the problems; --json gives one error document', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-seed-'));
    const file = path.join(dir, 'seed.json');
    fs.writeFileSync(file, JSON.stringify({ apps: [{ appid: 'wx1', secret: 'x', type: 'service' }], users: [] }));
    try {
      const r = await runCli(['emulator', '--port', '0', '--seed', file]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('apps[0].appid must be "wx" followed by 16 lower-case hex digits');
      const j = await runCli(['emulator', '--port', '0', '--seed', file, '--json']);
      expect(j.code).toBe(4);
      expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, error: { code: 'config' } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // A developer may mirror their own appid and AppSecret in a seed so their server's settings stay as
  // they are: the start-up listing must not print that secret (nor call it fake) unless asked.
  it("a seed file's secrets are masked in the start-up listing and its export lines unless --show-secrets, under a heading naming the file (en, zh); --json keeps them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-seed-'));
    const file = path.join(dir, 'seed.json');
    const secret = 'fedcba9876543210fedcba9876543210';
    fs.writeFileSync(file, JSON.stringify({ apps: [{ appid: 'wxfedcba9876543210', secret, type: 'test', domain: '127.0.0.1:*' }], users: [{ nickname: 'Alice' }] }));
    try {
      for (const lang of ['en', 'zh']) {
        const child = spawnCli(['--lang', lang, 'emulator', '--port', '0', '--seed', file]);
        const done = collect(child);
        await waitForOutput(child, /Ctrl-C/);
        child.kill('SIGINT');
        const r = await done;
        expect(r.stdout + r.stderr, lang).not.toContain(secret);
        expect(r.stderr, lang).toContain('fedc***');
        expect(r.stderr, lang).toContain(lang === 'en' ? `Apps from ${file}:` : `${file} 里的应用：`);
        expect(r.stderr, lang).toContain(lang === 'en' ? 'add --show-secrets to print them' : '请加 --show-secrets');
        expect(r.stderr, lang).not.toContain('fake');
      }
      const shown = spawnCli(['--show-secrets', 'emulator', '--port', '0', '--seed', file]);
      const shownDone = collect(shown);
      await waitForOutput(shown, /Ctrl-C/);
      shown.kill('SIGINT');
      expect((await shownDone).stderr).toContain(`WXAUTH_SECRET=${secret}`);
      const json = spawnCli(['emulator', '--port', '0', '--json', '--seed', file]);
      const jsonDone = collect(json);
      const [line] = await waitForOutput(json, /^\{.*\}\n/m);
      json.kill('SIGINT');
      await jsonDone;
      expect((JSON.parse(line) as { apps: Array<{ secret: string }> }).apps[0]!.secret).toBe(secret);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a seed file replaces the built-in apps', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-seed-'));
    const file = path.join(dir, 'seed.json');
    fs.writeFileSync(file, JSON.stringify({ apps: [{ appid: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef', type: 'test', domain: '127.0.0.1:5000' }], users: [{ nickname: '爱丽丝', follows: ['wx0123456789abcdef'] }] }));
    const child = spawnCli(['emulator', '--port', '0', '--json', '--seed', file]);
    const done = collect(child);
    try {
      const [line] = await waitForOutput(child, /^\{.*\}\n/);
      const doc = JSON.parse(line) as { apps: Array<{ appid: string; domain: string[] }>; users: Array<{ nickname: string }> };
      expect(doc.apps.map((a) => [a.appid, a.domain])).toEqual([['wx0123456789abcdef', ['127.0.0.1:5000']]]);
      expect(doc.users.map((u) => u.nickname)).toEqual(['爱丽丝']);
    } finally {
      child.kill('SIGINT');
      await done;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

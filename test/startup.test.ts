// What the start-up work of issue 19 must not change: the bundle bin/wxauth.cjs runs
// (scripts/bundle.mjs) says what src/ says, and a program that declares only the named command in
// full shows the same help as one that declares them all. Speed itself is measured by `npm run bench`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/program.js';
import { rootHelp } from '../src/root-help.js';
import { sections } from '../src/ui/messages/index.js';
import { findMessage } from '../src/ui/messages/lookup-files.js';
import type { Lang } from '../src/ui/i18n.js';
import { BIN, ROOT, permissionTestsRunnable, runCli, runSpawned } from './e2e/helpers.js';

const BUNDLE = path.join(ROOT, 'dist', 'cli');

function helpOf(lang: Lang, named: string | undefined, sub: string[] = [], width = 80, terminal = false): string {
  let text = '';
  const out = { writeOut: (s: string) => (text += s), writeErr: (s: string) => (text += s), outputError: () => undefined, getOutHelpWidth: () => width, getErrHelpWidth: () => width, terminal };
  const program = createProgram(lang, '9.9.9', async () => undefined, out, named);
  let cmd = program;
  for (const name of sub) cmd = cmd.commands.find((c) => c.name() === name)!;
  cmd.outputHelp();
  return text;
}

describe('declaring only the named command', () => {
  it('shows the same root help as declaring every command, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const full = helpOf(lang, undefined);
      expect(full).toContain('errcode [options] [inputs...]');
      expect(helpOf(lang, '')).toBe(full);
    }
  });

  it('writes the root help without commander exactly as commander does, in both languages, at any width', async () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const terminal of [false, true])
        for (let width = 20; width <= 200; width += 3) expect(rootHelp(lang, width, terminal), `${lang} ${width} ${terminal}`).toBe(helpOf(lang, '', [], width, terminal));
    }
    const zh = await runCli(['--lang', 'zh', '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe(helpOf('zh', ''));
    const bare = await runCli([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(helpOf('en', ''));
    const json = await runCli(['-h', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, help: helpOf('en', '') });
  });

  it('lists every command when --help comes before a command name', async () => {
    const full = helpOf('en', undefined);
    for (const args of [['--help', 'errcode'], ['-vh', 'url'], ['--json', '-h', 'inspect']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      if (args.includes('--json')) expect(JSON.parse(r.stdout).help).toBe(full);
      else expect(r.stdout, args.join(' ')).toBe(full);
    }
  });

  it('wraps help to the terminal it is printed on, and to 80 columns into a pipe', async () => {
    const { runCli: run } = await import('../src/app.js');
    const { Readable, Writable } = await import('node:stream');
    const help = async (tty: boolean, columns?: number) => {
      let text = '';
      const stdout = Object.assign(new Writable({ write: (c, _e, done) => ((text += String(c)), done()) }), { isTTY: tty, columns });
      const stderr = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: false });
      await run(['url', '--help'], { stdout, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env: { CI: '1', LANG: 'en_US.UTF-8' }, signal: new AbortController().signal }, '0.0.0');
      // The options table is what commander wraps (the description and examples are ours, as written).
      return text.slice(text.indexOf('Options:'), text.indexOf('\n\n', text.indexOf('Options:')));
    };
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
    // (commander wraps a description only if at least 40 columns are left beside the option names)
    expect(widest(await help(true, 70))).toBeLessThanOrEqual(70);
    expect(widest(await help(true, 160))).toBeGreaterThan(80);
    const piped = await help(false, 160);
    expect(widest(piped)).toBeLessThanOrEqual(80);
    expect(widest(piped)).toBeGreaterThan(70);
  });

  it("shows the named command's own help in full", () => {
    expect(helpOf('en', 'config', ['config'])).toBe(helpOf('en', undefined, ['config']));
    expect(helpOf('en', 'config', ['config', 'set'])).toBe(helpOf('en', undefined, ['config', 'set']));
    expect(helpOf('zh', 'emulator', ['emulator'])).toBe(helpOf('zh', undefined, ['emulator']));
  });

  it('still suggests a command for a typo and reads `help <command>`', async () => {
    const typo = await runCli(['errcod', '40029']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('errcode');
    const help = await runCli(['help', 'errcode']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--wecom');
  });
});

describe('the CLI bundle (dist/cli)', () => {
  it('carries every catalogue message, in both languages, in the files its lookup reads', () => {
    expect(fs.existsSync(path.join(BUNDLE, 'wxauth.js')), 'dist/cli/wxauth.js: run npm run build').toBe(true);
    for (const section of Object.values(sections)) {
      for (const [key, message] of Object.entries(section)) {
        for (const lang of ['zh', 'en'] as const) {
          const file = path.join(BUNDLE, 'messages', lang, `${key.slice(0, key.indexOf('.'))}.txt`);
          expect(findMessage(fs.readFileSync(file, 'utf8'), key), `${lang} ${key}`).toBe(message[lang]);
        }
      }
    }
  });

  it('prints what the in-process CLI prints (help, errcode, a usage error), as a process', async () => {
    // errcode: the bundle reads its tables and knowledge from files of its own (scripts/bundle.mjs).
    const errcodes = [['errcode', '99999'], ['errcode', 'whitelist'], ['--lang', 'zh', 'errcode', '--wecom', '40001'], ['errcode', '--list', '--stage', 'all', '--json']];
    for (const args of [['--help'], ['--lang', 'zh', 'errcode', '40029'], ['errcode', '--json', '40163'], ['url', '--scpoe', 'x'], ...errcodes]) {
      const [spawned, inProcess] = await Promise.all([runSpawned(args), runCli(args)]);
      expect(spawned.code, args.join(' ')).toBe(inProcess.code);
      expect(spawned.stdout, args.join(' ')).toBe(inProcess.stdout);
      expect(spawned.stderr, args.join(' ')).toBe(inProcess.stderr);
    }
  });

  it('runs where npm installs it, under a home folder with spaces and Chinese characters', async () => {
    // The entry loads its chunks from its own folder (scripts/bundle-entry.cjs), not through Node's
    // resolver: that must hold for any folder a user's home or npm prefix can be.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-用户 目录-'));
    const pkg = path.join(home, '.nvm', 'versions', 'node', process.version, 'lib', 'node_modules', 'wxauth');
    fs.mkdirSync(pkg, { recursive: true });
    for (const part of ['bin', 'dist', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    const installed = path.join(pkg, 'bin', 'wxauth.cjs');
    expect(installed).not.toBe(BIN);
    // url with its settings from the environment, so it builds, lints and remembers a URL in both.
    const env = { WXAUTH_APPID: 'wx1234567890abcdef', WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'www.example.com' };
    for (const args of [['--lang', 'zh', 'errcode', '40163'], ['url', '--redirect-uri', 'https://www.example.com/cb', '--state', 'abc', '--no-qr'], ['inspect', 'https://open.weixin.qq.com/connect/qrconnect?appid=wx1234567890abcdef']]) {
      const [there, here] = await Promise.all([runSpawned(args, { bin: installed, env }), runSpawned(args, { env })]);
      if (args[0] === 'url') expect(here.stdout, here.stderr).toContain('state=abc#wechat_redirect');
      expect(there.code, args.join(' ')).toBe(here.code);
      expect(there.stdout, args.join(' ')).toBe(here.stdout);
      expect(there.stderr, args.join(' ')).toBe(here.stderr);
    }
  });

  it('says that part of wxauth is missing, not that it hit a bug, when a chunk is gone', async () => {
    // As when `npm update -g` or `npm run build` replaces dist/ under a running listener: here the
    // chunks errcode loads when it runs are deleted from a copy of the bundle.
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-partial-')), 'wxauth');
    for (const part of ['bin', 'dist', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const chunks = path.join(copy, 'dist', 'cli');
    for (const name of fs.readdirSync(chunks).filter((n) => n.startsWith('errcode-'))) fs.rmSync(path.join(chunks, name));
    const bin = path.join(copy, 'bin', 'wxauth.cjs');
    const en = await runSpawned(['errcode', '40029'], { bin });
    expect(en.code).toBe(70);
    expect(en.stderr).toMatch(/Part of wxauth is missing \(dist\/cli\/errcode-\w+\.js\)/);
    expect(en.stderr).toContain('Run the command again');
    expect(en.stderr).not.toContain('(a bug)');
    const zh = await runSpawned(['--lang', 'zh', 'errcode', '40029', '--json'], { bin });
    expect(zh.code).toBe(70);
    const doc = JSON.parse(zh.stdout) as { ok: boolean; error: { code: string; message: string; hint: string } };
    expect(doc.ok).toBe(false);
    expect(doc.error.message).toContain('wxauth 的部分文件不见了');
    expect(doc.error.hint).toContain('重新运行这条命令');
  });

  it("says which Node it needs, in the user's language, on a Node older than package.json's engines (exit 4)", async () => {
    // The shim's floor is package.json's: one number in two places.
    const engines = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20.19');
    expect(fs.readFileSync(BIN, 'utf8')).toContain('major < 20 || (major === 20 && minor < 19)');
    // Node 18 and 20.18 as the shim sees them (process.versions before it runs).
    for (const [version, lang, expected] of [
      ['18.20.8', 'en_US.UTF-8', '✖ wxauth needs Node.js 20.19 or newer; this is v18.20.8.\n'],
      ['20.18.3', 'zh_CN.UTF-8', '✖ wxauth 需要 Node.js 20.19 或更新的版本，当前是 v20.18.3。\n'],
    ] as const) {
      const fake = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-old-node-')), 'old.cjs');
      fs.writeFileSync(fake, `Object.defineProperty(process.versions, 'node', { value: '${version}' }); Object.defineProperty(process, 'version', { value: 'v${version}' });\n`);
      const r = await runSpawned(['demo'], { env: { LANG: lang, NODE_OPTIONS: `--require ${fake}` } });
      expect(r.code).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(expected)).toBe(true);
      expect(r.stderr).not.toContain('(a bug)');
    }
  });

  it("says how to build, in the user's language, when dist/ was never built (npm install --ignore-scripts)", async () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-unbuilt-')), 'wxauth');
    for (const part of ['bin', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
    const bin = path.join(copy, 'bin', 'wxauth.cjs');
    const en = await runSpawned(['errcode', '40029'], { bin, env: { LANG: 'en_US.UTF-8' } });
    expect(en.code).toBe(70);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('✖ wxauth is not built: dist/cli/wxauth.js is missing.\n→ Run npm run build in the wxauth folder (or npm install again, without --ignore-scripts).\n');
    const zh = await runSpawned(['--version'], { bin, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(70);
    expect(zh.stderr).toContain('运行 npm run build');
  });

  it('says part of wxauth is missing, not a stack trace, when dist/cli/main.js is gone (an update or rebuild mid-start)', async () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-partial-')), 'wxauth');
    for (const part of ['bin', 'dist', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
    fs.rmSync(path.join(copy, 'dist', 'cli', 'main.js'));
    const bin = path.join(copy, 'bin', 'wxauth.cjs');
    const en = await runSpawned(['errcode', '40029'], { bin, env: { LANG: 'en_US.UTF-8' } });
    expect(en.code).toBe(70);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(
      '✖ Part of wxauth is missing (dist/cli/main.js): wxauth is being updated, rebuilt or removed, or the install is incomplete.\n→ Run the command again; if it happens every time, reinstall wxauth (npm install -g wxauth, or npm run build in its source folder).\n',
    );
    const zh = await runSpawned(['--version'], { bin, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(70);
    expect(zh.stderr).toContain('wxauth 的部分文件不见了（dist/cli/main.js）');
  });

  describe("the chunks' code cache (scripts/bundle-entry.cjs)", () => {
    // A copy of the built bundle per test, and a recorder of what V8 did with each chunk's cache.
    const recorder = path.join(ROOT, 'test', 'fixtures', 'record-code-cache.cjs');
    function copyBundle() {
      const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-cache-')), 'wxauth');
      // With the files' times to the nanosecond (cp -a; fs.cpSync's preserveTimestamps rounds through a
      // Date): a cache is named by its chunk's size and modification time.
      fs.mkdirSync(copy);
      for (const part of ['bin', 'dist', 'package.json']) expect(spawnSync('cp', ['-a', path.join(ROOT, part), path.join(copy, part)]).status).toBe(0);
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
      return { bin: path.join(copy, 'bin', 'wxauth.cjs'), cache: path.join(copy, 'dist', 'cli', 'cache'), chunks: path.join(copy, 'dist', 'cli') };
    }
    async function run(bin: string, args: string[], env: Record<string, string> = {}) {
      const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-cache-log-')), 'log');
      const r = await runSpawned(args, { bin, env: { NODE_OPTIONS: `--require=${recorder}`, WXAUTH_TEST_CODE_CACHE_LOG: log, ...env } });
      const chunks = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
      const compiled = chunks.filter((c) => !c.endsWith(' made'));
      return { ...r, chunks: compiled, said: (how: string) => chunks.filter((c) => c.endsWith(` ${how}`)).map((c) => c.split(' ')[0]) };
    }
    /** This Node's folder (its V8 version and the build, no flags): CI runs the suite on other Nodes against one build. */
    const folderOf = (cache: string) => {
      const build = /BUILD\s*=\s*["']([0-9a-f]+)["']/.exec(fs.readFileSync(path.join(path.dirname(cache), 'wxauth.js'), 'utf8'))![1]!;
      return path.join(cache, `${process.versions.v8}-${build}`);
    };
    /**
     * This Node's folder, once a run of `args` has made what it lacked: on the Node that built dist/ the
     * build's training made it all; on another, the first runs (of this suite or of this test) make it.
     */
    async function primed(bin: string, cache: string, args = ['errcode', '40029']): Promise<string> {
      expect((await runSpawned(args, { bin })).code, args.join(' ')).not.toBe(70);
      const folder = folderOf(cache);
      expect(fs.existsSync(folder)).toBe(true);
      return folder;
    }

    it("starts every chunk of a start-up command from its cache (the build's, or on another Node its first run's), in both languages", async () => {
      const { bin, cache } = copyBundle();
      for (const args of [['errcode', '40029'], ['--lang', 'zh', 'inspect', 'https://open.weixin.qq.com/connect/qrconnect?appid=wx1234567890abcdef'], ['--help']]) {
        // The build's training marks its folder; on another Node, a first run makes the caches.
        if (!fs.existsSync(path.join(folderOf(cache), 'trained'))) await primed(bin, cache, args);
        const r = await run(bin, args);
        expect(r.chunks.length, args.join(' ')).toBeGreaterThan(3);
        expect(r.said('accepted'), args.join(' ')).toEqual(r.chunks.map((c) => c.split(' ')[0]));
      }
    });

    it('answers as without it when the cache is damaged, and mends it for the next run', async () => {
      const { bin, cache } = copyBundle();
      const folder = await primed(bin, cache);
      const clean = await runSpawned(['errcode', '40029'], { bin, env: { WXAUTH_CODE_CACHE: 'off' } });
      // Every cache file cut in half (an interrupted copy) and main.js's replaced by text.
      for (const name of fs.readdirSync(folder)) {
        const file = path.join(folder, name);
        fs.writeFileSync(file, fs.readFileSync(file).subarray(0, fs.statSync(file).size >> 1));
      }
      fs.writeFileSync(path.join(folder, fs.readdirSync(folder).find((n) => n.startsWith('main.js.'))!), 'not a code cache');
      const damaged = await run(bin, ['errcode', '40029']);
      expect([damaged.code, damaged.stdout, damaged.stderr]).toEqual([clean.code, clean.stdout, clean.stderr]);
      expect(damaged.said('rejected')).toContain('main.js');
      expect(damaged.said('accepted')).toEqual([]);
      const next = await run(bin, ['errcode', '40029']);
      expect(next.said('accepted')).toEqual(next.chunks.map((c) => c.split(' ')[0]));
      expect(fs.readdirSync(folder).filter((n) => !n.endsWith('.v8') && n !== 'trained')).toEqual([]); // no part-written file left
    });

    it('answers as without it, and says nothing about it, where the cache cannot be written', async () => {
      const { bin, cache } = copyBundle();
      fs.rmSync(cache, { recursive: true });
      fs.writeFileSync(cache, ''); // a file where the folder would go: no folder can be made there, even as root
      const clean = await runSpawned(['errcode', '40029'], { bin, env: { WXAUTH_CODE_CACHE: 'off' } });
      for (let i = 0; i < 2; i++) {
        const r = await run(bin, ['errcode', '40029']);
        expect([r.code, r.stdout, r.stderr]).toEqual([clean.code, clean.stdout, clean.stderr]);
        expect(r.said('none')).toEqual(r.chunks.map((c) => c.split(' ')[0]));
      }
      expect(fs.statSync(cache).isFile()).toBe(true);
    });

    const asRoot = permissionTestsRunnable() && process.getuid?.() === 0;
    it.skipIf(!asRoot)("keeps an install another user owns as it is, and the running user's caches in their own cache folder", async () => {
      // npm install -g as root, run as a user: the install is there but not theirs to write.
      const { bin, cache } = copyBundle();
      for (let dir = path.dirname(path.dirname(path.dirname(cache))); dir !== os.tmpdir(); dir = path.dirname(dir)) fs.chmodSync(dir, 0o755);
      const folder = await primed(bin, cache);
      const mainCache = fs.readdirSync(folder).find((n) => n.startsWith('main.js.'))!;
      fs.writeFileSync(path.join(folder, mainCache), 'not a code cache'); // the user's runs must not take it, nor write it again
      const before = fs.readdirSync(folder).sort();
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-cache-user-'));
      fs.chmodSync(home, 0o755);
      const userOwned = (name: string) => {
        const dir = path.join(home, name);
        fs.mkdirSync(dir);
        fs.chownSync(dir, 65534, 65534);
        return dir;
      };
      const config = userOwned('config');
      const xdg = userOwned('xdg');
      // What an older build left in the user's folder: one untouched for 40 days goes when this build's is made, one in use stays.
      const perUser = path.join(xdg, 'wxauth', 'code-cache');
      fs.mkdirSync(path.join(perUser, 'old-build'), { recursive: true });
      fs.mkdirSync(path.join(perUser, 'recent-build'));
      fs.writeFileSync(path.join(perUser, 'old-build', 'main.js.1-1.v8'), '');
      const long = new Date(Date.now() - 40 * 86_400_000);
      fs.utimesSync(path.join(perUser, 'old-build'), long, long);
      spawnSync('chown', ['-R', '65534:65534', path.join(xdg, 'wxauth')]);
      const asUser = (extra: Record<string, string>) => ({ bin, uid: 65534, gid: 65534, env: { WXAUTH_CONFIG_DIR: config, XDG_CACHE_HOME: xdg, ...extra } });
      const clean = await runSpawned(['errcode', '40029'], asUser({ WXAUTH_CODE_CACHE: 'off' }));
      expect(clean.code).toBe(0);
      const log = path.join(config, 'cache.log');
      const runAsUser = async (extra: Record<string, string> = {}) => {
        fs.rmSync(log, { force: true });
        const r = await runSpawned(['errcode', '40029'], asUser({ NODE_OPTIONS: `--require=${recorder}`, WXAUTH_TEST_CODE_CACHE_LOG: log, ...extra }));
        expect([r.code, r.stdout, r.stderr]).toEqual([clean.code, clean.stdout, clean.stderr]);
        const seen = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
        return { said: (how: string) => seen.filter((c) => c.endsWith(` ${how}`)).map((c) => c.split(' ')[0]), compiled: seen.filter((c) => !c.endsWith(' made')).map((c) => c.split(' ')[0]) };
      };
      const first = await runAsUser();
      expect(first.said('none')).toEqual(first.compiled);
      expect(first.said('made').sort()).toEqual([...first.compiled].sort());
      const second = await runAsUser();
      expect(second.said('accepted')).toEqual(second.compiled);
      expect(fs.readdirSync(perUser).sort()).toEqual([path.basename(folder), 'recent-build'].sort());
      // The install as it was: not one file more, the planted cache neither taken nor rewritten.
      expect(fs.readdirSync(folder).sort()).toEqual(before);
      expect(fs.readFileSync(path.join(folder, mainCache), 'utf8')).toBe('not a code cache');
      // A cache folder that is not the user's (root's here) is neither read nor written.
      const notTheirs = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-cache-root-'));
      fs.chmodSync(notTheirs, 0o777);
      fs.cpSync(xdg, notTheirs, { recursive: true });
      const elsewhere = await runAsUser({ XDG_CACHE_HOME: notTheirs });
      expect(elsewhere.said('none')).toEqual(elsewhere.compiled);
      expect(elsewhere.said('made')).toEqual([]);
    });

    it.skipIf(!asRoot)('runs no cache from a folder another user can write or owns: root running a user\'s install with that user\'s cache folder, or with /tmp as its own', async () => {
      // sudo wxauth login (for port 80) where sudo keeps the user's HOME, on an install the user owns.
      const { bin, cache } = copyBundle();
      fs.rmSync(cache, { recursive: true });
      const top = path.dirname(path.dirname(path.dirname(cache)));
      for (let dir = top; dir !== os.tmpdir(); dir = path.dirname(dir)) fs.chmodSync(dir, 0o755);
      expect(spawnSync('chown', ['-R', '65534:65534', top]).status).toBe(0);
      const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-cache-user-'));
      fs.chownSync(xdg, 65534, 65534);
      const r = await run(bin, ['errcode', '40029'], { XDG_CACHE_HOME: xdg });
      expect(r.code).toBe(0);
      expect(r.said('none')).toEqual(r.chunks.map((c) => c.split(' ')[0]));
      expect(r.said('made')).toEqual([]);
      expect(fs.readdirSync(xdg)).toEqual([]);
      expect(fs.existsSync(cache)).toBe(false);
      // Root's own cache folder, but one anybody can write (XDG_CACHE_HOME=/tmp), where another user made
      // wxauth/code-cache first: neither read nor written.
      const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-cache-shared-'));
      fs.chmodSync(shared, 0o1777);
      fs.mkdirSync(path.join(shared, 'wxauth', 'code-cache'), { recursive: true, mode: 0o777 });
      expect(spawnSync('chown', ['-R', '65534:65534', path.join(shared, 'wxauth')]).status).toBe(0);
      const planted = await run(bin, ['errcode', '40029'], { XDG_CACHE_HOME: shared });
      expect(planted.said('none')).toEqual(planted.chunks.map((c) => c.split(' ')[0]));
      expect(planted.said('made')).toEqual([]);
      expect(fs.readdirSync(path.join(shared, 'wxauth', 'code-cache'))).toEqual([]);
      // Root's own, writable by root alone: its caches go there, in folders no one else can enter.
      const own = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-cache-root-'));
      const first = await run(bin, ['errcode', '40029'], { XDG_CACHE_HOME: `${own}/` });
      expect(first.said('made').length).toBeGreaterThan(3);
      for (const dir of ['wxauth', 'wxauth/code-cache']) expect(fs.statSync(path.join(own, dir)).mode & 0o777, dir).toBe(0o700);
      const again = await run(bin, ['errcode', '40029'], { XDG_CACHE_HOME: own });
      expect(again.said('accepted')).toEqual(again.chunks.map((c) => c.split(' ')[0]));
      // An XDG_CACHE_HOME not made yet, two folders deep in root's own: made, 0700 each, as the XDG spec asks.
      const fresh = path.join(own, 'new', 'cache');
      const made = await run(bin, ['errcode', '40029'], { XDG_CACHE_HOME: fresh });
      expect(made.said('made').length).toBeGreaterThan(3);
      for (const dir of ['new', 'new/cache', 'new/cache/wxauth', 'new/cache/wxauth/code-cache']) expect(fs.statSync(path.join(own, dir)).mode & 0o777, dir).toBe(0o700);
      // Not made yet, but under a folder anybody can write (or another user owns): still none, nothing made.
      for (const base of [path.join(shared, 'new', 'cache'), path.join(xdg, 'new', 'cache')]) {
        const none = await run(bin, ['errcode', '40029'], { XDG_CACHE_HOME: base });
        expect(none.said('none'), base).toEqual(none.chunks.map((c) => c.split(' ')[0]));
        expect(none.said('made'), base).toEqual([]);
        expect(fs.existsSync(path.join(path.dirname(base))), base).toBe(false);
      }
    });

    it('runs a chunk edited in place as it now reads, not as its cache remembers it (same length)', async () => {
      // patch-package, or a look inside node_modules: V8 checks a cache against the source's length only.
      const { bin, chunks, cache } = copyBundle();
      await primed(bin, cache, ['--version']);
      const before = await run(bin, ['--version']);
      expect(before.stdout).toBe('0.1.0\n');
      expect(before.said('accepted')).toContain('main.js');
      const file = fs.readdirSync(chunks).filter((n) => n.endsWith('.js')).find((n) => fs.readFileSync(path.join(chunks, n), 'utf8').includes('"0.1.0"'))!;
      const text = fs.readFileSync(path.join(chunks, file), 'utf8');
      fs.writeFileSync(path.join(chunks, file), text.replaceAll('"0.1.0"', '"9.9.9"'));
      fs.utimesSync(path.join(chunks, file), new Date(), new Date(Date.now() + 5_000)); // a later time, even on a coarse clock
      const after = await run(bin, ['--version']);
      expect(after.stdout).toBe('9.9.9\n');
      expect(after.said('none')).toContain(file);
    });

    it("keeps a folder per set of V8 flags: a run with NODE_OPTIONS=--max-old-space-size leaves the others' caches as they are", async () => {
      const { bin, cache } = copyBundle();
      const folder = await primed(bin, cache);
      const files = () => fs.readdirSync(folder).map((n) => `${n} ${fs.statSync(path.join(folder, n)).mtimeMs}`).sort();
      const before = files();
      const flagged = await run(bin, ['errcode', '40029'], { NODE_OPTIONS: `--require=${recorder} --max-old-space-size=4096` });
      expect(flagged.code).toBe(0);
      expect(flagged.said('rejected')).toEqual([]);
      expect(fs.readdirSync(cache).filter((n) => n.startsWith(`${path.basename(folder)}-flags`))).toHaveLength(1);
      expect(files()).toEqual(before);
      const again = await run(bin, ['errcode', '40029']);
      expect(again.said('accepted')).toEqual(again.chunks.map((c) => c.split(' ')[0]));
      const flaggedAgain = await run(bin, ['errcode', '40029'], { NODE_OPTIONS: `--require=${recorder} --max-old-space-size=4096` });
      expect(flaggedAgain.said('accepted')).toEqual(flaggedAgain.chunks.map((c) => c.split(' ')[0]));
    });

    it('writes a cache for a chunk that had none, once, and none with WXAUTH_CODE_CACHE=off', async () => {
      const { bin, cache } = copyBundle();
      fs.rmSync(cache, { recursive: true });
      const off = await run(bin, ['errcode', '40029'], { WXAUTH_CODE_CACHE: 'off' });
      expect(off.code).toBe(0);
      expect(fs.existsSync(cache)).toBe(false);
      const first = await run(bin, ['errcode', '40029']);
      expect(first.said('none')).toEqual(first.chunks.map((c) => c.split(' ')[0]));
      const written = fs.readdirSync(folderOf(cache)).sort();
      expect(written.map((n) => n.replace(/\.\d+-\d+\.v8$/, ''))).toEqual(first.chunks.map((c) => c.split(' ')[0]).sort());
      const second = await run(bin, ['errcode', '40029']);
      expect(second.said('accepted')).toEqual(second.chunks.map((c) => c.split(' ')[0]));
      expect([second.code, second.stdout]).toEqual([first.code, first.stdout]);
    });
  });

  it('imports undici by name when a command needs the network (the import recorder can see it)', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-imports-')), 'imports.log');
    const preload = path.join(ROOT, 'test', 'fixtures', 'record-imports.cjs');
    const r = await runSpawned(['domains', '--api-base', 'http://127.0.0.1:9', '--timeout', '2000'], { env: { NODE_OPTIONS: `--require=${preload}`, WXAUTH_TEST_IMPORT_LOG: log, WXAUTH_APPID: 'wx1234567890abcdef', WXAUTH_SECRET: '0123456789abcdef0123456789abcdef' } });
    expect(r.code, r.stderr).not.toBe(0);
    expect(fs.readFileSync(log, 'utf8').split('\n')).toContain('undici');
  });
});

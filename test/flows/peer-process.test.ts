// How the proxy names a caller's process (flows/proxy/peer-process.ts): the program and its script,
// never another argument, which may be a secret, a URL or a value (README: "program and script only").
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { describeCommand, loopbackPeers, type PeerLookup } from '../../src/flows/proxy/peer-process.js';
import { fakeProc, loopback } from '../fixtures/fake-proc.js';

describe('describeCommand', () => {
  it.each([
    [['/usr/bin/node', 'server.mjs'], 'node server.mjs'],
    [['node', '--enable-source-maps', '/srv/app/dist/main.js', '--port', '3000'], 'node main.js'],
    [['python3', 'manage.py', 'runserver'], 'python3 manage.py'],
    [['java', '-jar', 'target/app.jar'], 'java -jar app.jar'],
    [['node', './bin/www'], 'node www'],
    // Not a script: a value (curl -A), a URL, inline code, a secret.
    [['curl', '-A', 'server-b', 'http://127.0.0.1:3901/sns/auth'], 'curl'],
    [['node', '-e', 'fetch(`http://x`)'], 'node'],
    [['php', '--secret=abc', 'artisan'], 'php'],
    [['gunicorn', 'app:app'], 'gunicorn'],
    // An option's value with a slash in it: a file (curl -o), or a secret in base64, of which a part would show.
    [['curl', '-s', '-o', '/dev/null', 'http://127.0.0.1:3901/cgi-bin/token'], 'curl'],
    [['./bin/app', '--token', 'kR9x/Qm2ZtW8vLp4'], 'app'],
    [['node', '--inspect', 'server.js'], 'node server.js'],
    // An interpreter's options are known: a word with a slash after one that takes no value is its script.
    [['node', '--enable-source-maps', 'dist/server'], 'node server'],
    [['node', '--inspect', 'build/app'], 'node app'],
    [['/usr/bin/python3', '-u', 'app/main'], 'python3 main'],
    [['node', '--max-old-space-size=4096', 'dist/main'], 'node main'],
    [['node', '--max-old-space-size', '4096', 'dist/main'], 'node main'],
    // … and a word after one that takes a value is that value, never the script.
    [['node', '-r', 'dotenv/config', 'dist/server'], 'node server'],
    [['node', '--import', 'tsx/esm', 'src/server.ts'], 'node server.ts'],
    // What /proc holds for `tsx server.ts` (and `npx tsx`, `tsx watch`): the node process tsx starts, named as it was started.
    [['/usr/bin/node', '--require', '/srv/app/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///srv/app/node_modules/tsx/dist/loader.mjs', 'server.ts'], 'tsx server.ts'],
    [['node', '--require', '/p/node_modules/.pnpm/tsx@4.19.2/node_modules/tsx/dist/preflight.cjs', '--loader', 'file:///p/node_modules/.pnpm/tsx@4.19.2/node_modules/tsx/dist/loader.mjs', 'src/index.ts'], 'tsx index.ts'],
    // What /proc holds for `ts-node server.ts`: node given ts-node's bin, by npm's .bin link (the shebang keeps
    // the link's name) or by the file (pnpm's and yarn's .bin scripts); then ts-node's own options, then the script.
    [['node', '/srv/app/node_modules/.bin/ts-node', 'server.ts'], 'ts-node server.ts'],
    [['node', '/srv/app/node_modules/.bin/ts-node', '-P', 'tsconfig.dev.json', '--transpile-only', 'src/server.ts', '--port', '3000'], 'ts-node server.ts'],
    [['node', '/p/node_modules/.pnpm/ts-node@10.9.2_typescript@5.4.5/node_modules/ts-node/dist/bin.js', '-r', 'tsconfig-paths/register', 'src/main.ts'], 'ts-node main.ts'],
    [['/usr/local/bin/node', '/usr/local/lib/node_modules/ts-node/dist/bin-transpile.js', 'server.ts'], 'ts-node-transpile-only server.ts'],
    [['node', '/srv/app/node_modules/.bin/ts-node-esm', 'server.ts'], 'ts-node-esm server.ts'],
    [['node', '/srv/app/node_modules/.bin/ts-node', '-e', 'console.log(1)'], 'ts-node'],
    // … and the child `ts-node --esm` starts, its script inside a compressed payload: ts-node alone.
    // What /proc holds for the child `ts-node-dev server.ts` (or `tsnd`) forks, the server itself (ts-node-dev 2.0
    // src/index.ts: fork('-r', [hook, …node options, wrap.js, script, …its arguments])): ts-node-dev and the script.
    [['/usr/bin/node', '-r', '/tmp/ts-node-dev-hook-8317512738.js', '/srv/app/node_modules/ts-node-dev/lib/wrap.js', 'server.ts'], 'ts-node-dev server.ts'],
    [['/usr/bin/node', '-r', 'esm', '-r', '/tmp/ts-node-dev-hook-1.js', '--inspect', '/p/node_modules/.pnpm/ts-node-dev@2.0.0_typescript@5.4.5/node_modules/ts-node-dev/lib/wrap.js', 'src/server.ts', '--port', '3000'], 'ts-node-dev server.ts'],
    // … and the watchers, which only restart the server (nodemon's child is a plain `node server.js`, or
    // `ts-node server.ts` for a .ts): by name alone, as their options' values cannot be told from the script.
    [['node', '/srv/app/node_modules/.bin/ts-node-dev', '--respawn', '--watch', 'config/app.json', 'server.ts'], 'ts-node-dev'],
    [['node', '/srv/app/node_modules/.bin/tsnd', 'server.ts'], 'tsnd'],
    [['node', '/p/node_modules/ts-node-dev/lib/bin.js', 'server.ts'], 'ts-node-dev'],
    [['node', '/srv/app/node_modules/.bin/nodemon', 'server.js'], 'nodemon'],
    [['/usr/local/bin/node', '/usr/local/lib/node_modules/nodemon/bin/nodemon.js', '--watch', 'src/', 'server.js'], 'nodemon'],
    // A script merely named like them is not them.
    [['node', 'lib/wrap.js', 'server.ts'], 'node wrap.js'],
    [['node', 'tools/nodemon.js'], 'node nodemon.js'],
    // A script merely named like it is not ts-node.
    [['node', 'dist/ts-node-demo.js'], 'node ts-node-demo.js'],
    [['node', '--env-file', 'config/.env', 'dist/server'], 'node server'],
    [['node', '--loader', 'ts-node/esm', './src/app'], 'node app'],
    [['python3.11', '-W', 'ignore', '-X', 'dev', 'app/main'], 'python3.11 main'],
    // A module run with -m is shown with it; its own arguments are not.
    [['python3', '-m', 'mymodule'], 'python3 -m mymodule'],
    [['python3', '-m', 'uvicorn', 'app.main:app', '--port', '8000'], 'python3 -m uvicorn'],
    [['python3', '-mhttp.server', 'a/b'], 'python3 -m http.server'],
    [['python3', '-m', 'a/b'], 'python3'],
    [['python3', '-cimport os', 'a/b'], 'python3'],
    [['node', '-pe', 'process.env.X', 'a/b'], 'node'],
    [['python', '-c', 'import x/y', 'a/b'], 'python'],
    [['node', '-p', 'process.env.X', 'a/b'], 'node'],
    [['ruby', '-I', 'lib/x', 'bin/rails', 'server'], 'ruby rails'],
    [['php', '-S', '127.0.0.1:8000', '-t', 'public/'], 'php'],
    [['deno', 'run', '--allow-net', 'src/main.ts'], 'deno main.ts'],
    [['bun', 'run', 'src/index.ts'], 'bun index.ts'],
    [['java', '-cp', 'lib/a.jar', '-jar', 'target/app.jar'], 'java -jar app.jar'],
    // java's main class is what it runs: what /proc holds for `java -cp app.jar com.x.Main` (and Spring Boot's launcher).
    [['java', '-cp', 'app.jar', 'com.x.Main'], 'java com.x.Main'],
    [['/usr/lib/jvm/java-17-openjdk-amd64/bin/java', '-Xmx512m', '-Dspring.profiles.active=dev', '-classpath', 'target/classes:lib/*', 'com.example.demo.DemoApplication', '--server.port=8080'], 'java com.example.demo.DemoApplication'],
    [['java', '-cp', 'app.jar', 'org.springframework.boot.loader.launch.JarLauncher'], 'java org.springframework.boot.loader.launch.JarLauncher'],
    [['java', 'Main.java'], 'java Main.java'],
    [['java', '-cp', 'app.jar', '@argfile'], 'java'],
    // `java -m module[/mainclass] [args]` (the java(1) manual's synopsis): the main class, as -cp's; the module when it names its own.
    [['java', '-p', 'mods', '-m', 'module/com.x.Main'], 'java com.x.Main'],
    [['java', '--module-path', 'target/mods', '--module', 'com.example.app/com.example.app.Main', '--server.port=8080'], 'java com.example.app.Main'],
    [['java', '--module=app/com.x.Main'], 'java com.x.Main'],
    [['java', '-p', 'mods', '-m', 'com.example.app', 'a/b.txt'], 'java -m com.example.app'],
    [['java', '-m', 'app/not a class'], 'java'],
    [['php', '-f', 'public/index.php'], 'php -f index.php'],
    // The script's own arguments are never looked at, a secret among them included.
    [['node', 'dist/server', '--token', 'kR9x/Qm2ZtW8vLp4'], 'node server'],
    [['node', '--', 'dist/server'], 'node server'],
    // Another program: a file's path right after an option stays that option's value, unless written --x=y.
    [['./bin/app', '--config=prod', 'config/worker.yaml'], 'app worker.yaml'],
    [['./bin/app', '-t', 'AbC/dEf'], 'app'],
    [['curl', '-o', '/tmp/out.json', 'http://127.0.0.1:3901/sns/auth'], 'curl'],
    // … and a slash word that is no file's path (no extension) is not its script: a value, a base64 secret.
    [['./bin/app', '--config=prod', 'dist/worker'], 'app'],
    [['./bin/app', 'kR9x/Qm2ZtW8vLp4aB7c'], 'app'],
  ])('%j → %s', (argv, expected) => {
    expect(describeCommand(argv)).toBe(expected);
  });
});

describe('the child `ts-node --esm` starts', () => {
  // ts-node 10 src/child/spawn-child.ts: node --require child-require.js --loader child-loader.mjs
  // child-entrypoint.js --brotli-base64-config=<its options, brotli-compressed JSON> …restArgs; restArgs[0] is
  // the script (src/bin.ts) unless the options hold code to evaluate.
  const child = (parseArgvResult: object, ...restArgs: string[]) => [
    'node', '--require', '/srv/app/node_modules/ts-node/dist/child/child-require.js',
    '--loader', 'file:///srv/app/node_modules/ts-node/child-loader.mjs',
    '/srv/app/node_modules/ts-node/dist/child/child-entrypoint.js',
    `--brotli-base64-config=${brotliCompressSync(Buffer.from(JSON.stringify({ isCli: true, parseArgvResult }))).toString('base64')}`,
    ...restArgs,
  ];
  it('is named ts-node and its script', () => {
    expect(describeCommand(child({ esm: true, restArgs: ['src/server.ts', '--port', '3000'] }, 'src/server.ts', '--port', '3000'))).toBe('ts-node server.ts');
    expect(describeCommand(child({ esm: true, interactive: true, code: 'x', restArgs: ['app.ts'] }, 'app.ts'))).toBe('ts-node app.ts');
  });
  it('is named ts-node alone when it evaluates code (the words after are its arguments), or the payload is unreadable', () => {
    expect(describeCommand(child({ esm: true, code: 'console.log(1)', restArgs: ['data/in.json'] }, 'data/in.json'))).toBe('ts-node');
    expect(describeCommand(child({ esm: true, restArgs: [] }))).toBe('ts-node');
    const unreadable = child({}, 'server.ts');
    unreadable[6] = '--brotli-base64-config=GxYAAIyUrW0T';
    expect(describeCommand(unreadable)).toBe('ts-node');
  });
});

describe('a caller whose command line carries a secret', () => {
  it.each([
    // A word without a file's extension is judged whole, before its last part is taken: a base64 secret's
    // tail (here 15 characters) is not a name.
    [['node', 'kR9x/Qm2ZtW8vLp4aB7c'], 'node ***'],
    [['node', 'conf/5e1ec0de5e1ec0de5e1ec0de00000001'], 'node ***'],
    [['./on_I362w6EIVWnpo4ttq7i5-Sc9s'], '***'],
    [['./73_NSpWq3kZ8xR2mT7vYb4nLc9dHf6gJa1s'], '***'],
    [['node', '--', 'keys/5e1ec0de5e1ec0de5e1ec0de00000001.js'], 'node ***'],
    [['python3', '-m', 'kR9xQm2ZtW8vLp4aB7cD9eF'], 'python3 -m ***'],
    [['java', '-cp', 'app.jar', 'kR9xQm2ZtW8vLp4aB7cD9eF'], 'java ***'],
    [['node', '/srv/app/node_modules/.bin/ts-node', 'keys/kR9xQm2ZtW8vLp4aB7cD9eF'], 'ts-node ***'],
    [['node', '-r', '/tmp/ts-node-dev-hook-1.js', '/srv/app/node_modules/ts-node-dev/lib/wrap.js', 'keys/kR9xQm2ZtW8vLp4aB7cD9eF'], 'ts-node-dev ***'],
    // A random run of letters then digits, or hex, is no name however it is placed: program, script, class, module.
    [['./abcdefgh12345678'], '***'],
    [['node', 'abcdefgh12345678.js'], 'node ***'],
    [['node', 'dist/abcdefgh12345678'], 'node ***'],
    [['java', '-cp', 'app.jar', 'abcdefgh12345678'], 'java ***'],
    [['python3', '-m', 'abcdefgh12345678'], 'python3 -m ***'],
    [['node', 'deadbeef12345678.js'], 'node ***'],
    [['node', 'abcd1234efgh5678.js'], 'node ***'],
    [['./bin/app', '--config=prod', 'x/abcdefgh12345678.yaml'], 'app ***'],
    // Names stay: ordinary ones, a script with digits in it, a long plain name.
    [['node', 'server.js'], 'node server.js'],
    [['./app'], 'app'],
    [['python3', 'main.py'], 'python3 main.py'],
    [['node', 'dist/wechat2024h5-login.js'], 'node wechat2024h5-login.js'],
    [['node', 'utf8mb4-converter-tool.js'], 'node utf8mb4-converter-tool.js'],
    // CamelCase with a digit before a part (Spring Boot's generated main class): a name, not a token.
    [['java', '-cp', 'app.jar', 'com.example.Oauth2LoginApplication'], 'java com.example.Oauth2LoginApplication'],
    [['node', 'dist/WechatOauth2DemoServer.js'], 'node WechatOauth2DemoServer.js'],
    [['node', 'build-20240101-server.js'], 'node build-20240101-server.js'],
    [['node', 'dist/server-2024.js'], 'node server-2024.js'],
    [['python3', 'app/management_commands.py'], 'python3 management_commands.py'],
    // … and words joined by hyphens, a digit in one of them: names, not tokens.
    [['node', '/srv/oauth2-callback-server.js'], 'node oauth2-callback-server.js'],
    [['node', 'dist/wechat-h5-login-demo.js'], 'node wechat-h5-login-demo.js'],
    [['/usr/local/bin/wechat-oauth2-server'], 'wechat-oauth2-server'],
    [['/usr/local/bin/wechat-oauth2-server', '--config', '/etc/x.yaml'], 'wechat-oauth2-server'],
    [['node', 'x86_64-linux-gnu/sha256sum-tool.js'], 'node sha256sum-tool.js'],
    // A file's directories are not shown, so not judged: npx's cache, a Nix store's hash.
    [['node', '/root/.npm/_npx/6913fdfd1ea7a741/node_modules/x/cli.js'], 'node cli.js'],
    [['/nix/store/0c8xg6h2vz5k3l0y4qq9k6s2b2sn4wsl-nodejs-20.11.0/bin/node', 'app.js'], 'node app.js'],
  ])('%j → %s', (argv, expected) => {
    expect(describeCommand(argv)).toBe(expected);
  });

  it('a real process given a secret as a positional word is named without it (Linux)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    const secret = 'kR9x/Qm2ZtW8vLp4aB7cD9eF';
    const look = loopbackPeers();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const found = new Promise<PeerLookup>((resolve) => server.once('connection', (s) => void look(s).then(resolve)));
    // A program that is not an interpreter (argv0 `app`), its secret after inline code: the first word with a slash.
    const child = spawn(process.execPath, ['-e', 'require("net").connect(+process.argv[1],"127.0.0.1");setTimeout(()=>{},5e3)', String((server.address() as net.AddressInfo).port), secret], { argv0: './bin/app', stdio: 'ignore' });
    try {
      const looked = await found;
      const peer = typeof looked === 'object' ? looked : undefined;
      expect(peer?.pid).toBe(child.pid);
      expect(peer?.command).toBe('app');
      expect(peer?.command).not.toContain(secret.slice(5));
    } finally {
      child.kill();
      server.close();
    }
  });
});

describe('a caller run by ts-node-dev, a real process (Linux)', () => {
  it('the child ts-node-dev forks holds the socket and is named ts-node-dev and its script', async (t) => {
    if (process.platform !== 'linux') t.skip();
    // ts-node-dev's layout: node_modules/ts-node-dev/lib/bin.js forks (its src/index.ts start()) with
    // fork('-r', [hook, wrap.js, script, …]); here wrap.js is the server that calls the proxy.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wxauth-tnd-'));
    const lib = path.join(dir, 'node_modules', 'ts-node-dev', 'lib');
    mkdirSync(lib, { recursive: true });
    const hook = path.join(dir, 'ts-node-dev-hook-1.js');
    writeFileSync(hook, '');
    writeFileSync(path.join(lib, 'wrap.js'), 'process.argv.splice(1, 1); require("net").connect(+process.argv[3], "127.0.0.1"); setTimeout(() => {}, 5e3);');
    writeFileSync(path.join(lib, 'bin.js'), `const c = require("child_process").fork("-r", [${JSON.stringify(hook)}, ${JSON.stringify(path.join(lib, 'wrap.js'))}, ...process.argv.slice(2)], { stdio: "ignore" }); process.on("SIGTERM", () => { c.kill(); process.exit(0); }); setTimeout(() => {}, 5e3);`);
    const look = loopbackPeers();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const found = new Promise<PeerLookup>((resolve) => server.once('connection', (s) => void look(s).then(resolve)));
    const parent = spawn(process.execPath, [path.join(lib, 'bin.js'), 'server.ts', '--port', String((server.address() as net.AddressInfo).port)], { stdio: 'ignore' });
    try {
      const looked = await found;
      const peer = typeof looked === 'object' ? looked : undefined;
      expect(peer?.pid).not.toBe(parent.pid);
      expect(peer?.command).toBe('ts-node-dev server.ts');
    } finally {
      parent.kill();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a connection several processes hold (a socket inherited across fork), real processes (Linux)', () => {
  /**
   * A parent (its code first run with `before`) connects to a server here, then starts a worker given the
   * connected socket as its fd 3 (node's child_process with the socket among its stdio, as a pre-fork
   * server's workers inherit theirs); `check` gets what the lookup found and both pids.
   */
  async function sharedConnection(before: string, check: (looked: PeerLookup, parent: number, worker: number) => void): Promise<void> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wxauth-shared-'));
    writeFileSync(path.join(dir, 'worker.js'), 'setTimeout(() => {}, 5e3);');
    writeFileSync(
      path.join(dir, 'parent.js'),
      `${before} const s = require("net").connect(+process.argv[2], "127.0.0.1", () => { const w = require("child_process").spawn(process.execPath, [${JSON.stringify(path.join(dir, 'worker.js'))}], { stdio: ["ignore", "ignore", "ignore", s] }); process.stdout.write("worker " + w.pid + "\\n"); process.on("SIGTERM", () => { w.kill(); process.exit(0); }); }); setTimeout(() => {}, 5e3);`,
    );
    const look = loopbackPeers();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const parent = spawn(process.execPath, [path.join(dir, 'parent.js'), String((server.address() as net.AddressInfo).port)], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const worker = Number(/worker (\d+)/.exec(await new Promise<string>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(d.toString()))))![1]);
      check(await look(await accepted), parent.pid!, worker);
    } finally {
      parent.kill();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('is named by every holder, the parent first, with their commands', async (t) => {
    if (process.platform !== 'linux') t.skip();
    await sharedConnection('', (looked, parent, worker) => {
      expect(looked).toEqual({ pid: parent, command: 'node parent.js', sharedWith: [{ pid: worker, command: 'node worker.js' }] });
    });
  });

  // Each descriptor of the family is a readlink: a parent with thousands open (a pool, a file server)
  // cost the proxy seconds of CPU per connection. Past 1024 its descriptors are not read.
  it('a parent with more than 1024 open descriptors is not read: the holder found is named, alone', async (t) => {
    if (process.platform !== 'linux') t.skip();
    await sharedConnection('const fs = require("fs"); for (let i = 0; i < 2000; i++) fs.openSync("/dev/null", "r");', (looked, _parent, worker) => {
      expect(looked).toEqual({ pid: worker, command: 'node worker.js' });
    });
  });

  it('a connection one process holds is not said to be shared, its parent and children looked at', async (t) => {
    if (process.platform !== 'linux') t.skip();
    // The caller has a child of its own (not given the socket), and a parent (this test) that holds none.
    const look = loopbackPeers();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const found = new Promise<PeerLookup>((resolve) => server.once('connection', (s) => void look(s).then(resolve)));
    const child = spawn(process.execPath, ['-e', `require("child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 5e3)"], { stdio: "ignore" }); require("net").connect(${(server.address() as net.AddressInfo).port}, "127.0.0.1"); setTimeout(() => {}, 5e3)`], { stdio: 'ignore' });
    try {
      expect(await found).toEqual({ pid: child.pid, command: 'node' });
    } finally {
      child.kill();
      server.close();
    }
  });
});

describe('a lookup says it found no process only when it looked through them all', () => {
  // A stand-in for /proc: the caller's socket 127.0.0.1:40001 → :3901 (inode 7001) is listed; `count`
  // processes are, the newest first looked through, `holder` (if any) holding the socket.
  const lookUp = async (count: number, maxProcesses: number | undefined, holder?: number) => {
    const proc = fakeProc();
    try {
      proc.socket(40001, 3901, 7001);
      for (let pid = 100; pid < 100 + count; pid++) proc.process(pid, ['node', `dist/server-${pid}.js`], pid === holder ? [7001] : [8000 + pid]);
      return await loopbackPeers({ root: proc.root, ...(maxProcesses !== undefined ? { maxProcesses } : {}) })(loopback(40001, 3901));
    } finally {
      proc.remove();
    }
  };

  it('every process looked through, none holds the socket: none', async () => {
    expect(await lookUp(20, undefined)).toBe('none');
    expect(await lookUp(20, 20)).toBe('none');
  });

  it('more processes than a lookup looks through: not "none" but nothing known (the caller is then named by a guess)', async () => {
    // The cap reached before the newest few are done (a lookup at once), and after (the rest, later).
    expect(await lookUp(20, 3)).toBeUndefined();
    expect(await lookUp(20, 19)).toBeUndefined();
  });

  it('the holder among those looked through is found, at once or later, the cap reached or not', async () => {
    expect(await lookUp(20, 19, 119)).toEqual({ pid: 119, command: 'node server-119.js' });
    expect(await lookUp(20, 19, 102)).toEqual({ pid: 102, command: 'node server-102.js' });
    expect(await lookUp(20, undefined, 100)).toEqual({ pid: 100, command: 'node server-100.js' });
  });

  it('the socket not listed (the caller gone): none; no table readable: nothing known', async () => {
    const proc = fakeProc();
    try {
      proc.process(100, ['node', 'server.js'], [7001]);
      expect(await loopbackPeers({ root: proc.root })(loopback(40002, 3901))).toBe('none');
      expect(await loopbackPeers({ root: `${proc.root}/absent` })(loopback(40001, 3901))).toBeUndefined();
    } finally {
      proc.remove();
    }
  });
});

describe('a caller found by the later scan is named though it exits right after', () => {
  it.runIf(process.platform === 'linux')('its command is read when it is found, not after its family is looked at', async () => {
    // A short-lived caller (curl, a script) found by the scan off the request's path: it may exit any
    // moment after. Here it does so once the lookup opens its stat (its parent, for who else holds the
    // socket: a FIFO, so the test knows the moment). Its command was read after that: the caller went
    // unnamed (its call said by port), though the lookup had found it.
    const proc = fakeProc();
    try {
      proc.socket(40001, 3901, 7001);
      // 20 processes: the holder, the oldest, is none of the newest few looked at at once.
      for (let pid = 100; pid < 120; pid++) proc.process(pid, ['node', `dist/server-${pid}.js`], pid === 100 ? [7001] : [8000 + pid]);
      const stat = path.join(proc.root, '100', 'stat');
      expect(spawnSync('mkfifo', [stat]).status).toBe(0);
      const lookup = loopbackPeers({ root: proc.root })(loopback(40001, 3901));
      const opened = fs.promises.open(stat, 'w'); // resolves when the lookup opens the stat to read it
      const writer = await Promise.race([opened, lookup.then(() => undefined)]);
      if (writer) {
        rmSync(path.join(proc.root, '100'), { recursive: true, force: true }); // the caller exits
        await writer.write('100 (node) S 1 100 100 0 -1\n');
        await writer.close();
      } else {
        // Its stat never read: let the writer's open end.
        await (await fs.promises.open(stat, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)).close();
        await (await opened).close();
      }
      expect(await lookup).toEqual({ pid: 100, command: 'node server-100.js' });
    } finally {
      proc.remove();
    }
  });
});

describe('a lookup finds the socket by its addresses as well as its ports', () => {
  // /proc writes each 32-bit word of an address as the kernel holds it: on this (little-endian) machine
  // 127.0.0.1 is 0100007F, ::ffff:127.0.0.1 (a Java caller's IPv6 socket) 0000000000000000FFFF00000100007F.
  const V4 = '0100007F';
  const OTHER_V4 = '0200007F';
  const MAPPED = '0000000000000000FFFF00000100007F';
  const V6_LOOPBACK = '00000000000000000000000001000000';
  const lookUp = async (sockets: [inode: number, caller: string, own: string][], connection = loopback(40001, 3901)) => {
    const proc = fakeProc();
    try {
      for (const [inode, caller, own] of sockets) proc.socket(40001, 3901, inode, { caller, own });
      proc.process(100, ['node', 'other.js'], [7001]);
      proc.process(101, ['node', 'caller.js'], [7002]);
      return await loopbackPeers({ root: proc.root })(connection);
    } finally {
      proc.remove();
    }
  };

  it.runIf(os.endianness() === 'LE')('another process’s connection between the same port numbers on other addresses, listed first, is not named', async () => {
    // 127.0.0.2:40001 → 127.0.0.2:3901 (another server of this machine) before the caller's.
    expect(await lookUp([[7001, OTHER_V4, OTHER_V4], [7002, V4, V4]])).toEqual({ pid: 101, command: 'node caller.js' });
    // The caller's socket IPv6 (Java dialling 127.0.0.1): in net/tcp6, mapped, after net/tcp's line of another.
    expect(await lookUp([[7001, V4, OTHER_V4], [7002, MAPPED, MAPPED]])).toEqual({ pid: 101, command: 'node caller.js' });
    // The proxy on ::1: an IPv4 socket between the same ports is not the caller's.
    expect(await lookUp([[7001, V4, V4], [7002, V6_LOOPBACK, V6_LOOPBACK]], loopback(40001, 3901, '::1'))).toEqual({ pid: 101, command: 'node caller.js' });
    // Only the other's listed: the caller gone, none (not the other).
    expect(await lookUp([[7001, OTHER_V4, V4]])).toBe('none');
    // A proxy on a dual-stack port sees ::ffff:127.0.0.1 for an IPv4 caller, listed in net/tcp.
    expect(await lookUp([[7002, V4, V4]], loopback(40001, 3901, '::ffff:127.0.0.1'))).toEqual({ pid: 101, command: 'node caller.js' });
  });

  it.runIf(os.endianness() === 'LE')('a line of the same connection in TIME_WAIT (no inode) listed before the live one does not hide it', async () => {
    expect(await lookUp([[0, V4, V4], [7002, V4, V4]])).toEqual({ pid: 101, command: 'node caller.js' });
  });

  it('a real caller whose socket is IPv6 dialling 127.0.0.1 (as a JVM\'s is) is found, listed mapped in net/tcp6 (Linux)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const look = loopbackPeers();
    const found = new Promise<PeerLookup>((resolve) => server.once('connection', (s) => void look(s).then(resolve)));
    const child = spawn(process.execPath, ['-e', `require("net").connect(${(server.address() as net.AddressInfo).port}, "::ffff:127.0.0.1"); setTimeout(() => {}, 5e3)`], { stdio: 'ignore' });
    try {
      const looked = await found;
      expect(typeof looked === 'object' ? looked.pid : looked).toBe(child.pid);
    } finally {
      child.kill();
      server.close();
    }
  });

  it('a real process holding a connection between the same port numbers elsewhere is not named for the caller (Linux)', async (t) => {
    if (process.platform !== 'linux') t.skip();
    // The caller dials [::1]:P from [::1]:X; another process, started first, holds 127.0.0.1:X → 127.0.0.1:P.
    const own = net.createServer();
    const listened = await new Promise<boolean>((resolve) => own.once('error', () => resolve(false)).listen(0, '::1', () => resolve(true)));
    if (!listened) return t.skip(); // no IPv6 loopback here
    const port = (own.address() as net.AddressInfo).port;
    const other = net.createServer((c) => c.resume());
    const otherListens = await new Promise<boolean>((resolve) => other.once('error', () => resolve(false)).listen(port, '127.0.0.1', () => resolve(true)));
    if (!otherListens) {
      own.close();
      return t.skip(); // the port number taken on 127.0.0.1
    }
    const holder = spawn(process.execPath, ['-e', `const s = require("net").connect(${port}, "127.0.0.1", () => process.stdout.write(s.localPort + "\\n")); setTimeout(() => {}, 5e3)`], { stdio: ['ignore', 'pipe', 'ignore'] });
    let caller: ReturnType<typeof spawn> | undefined;
    try {
      const samePort = Number(await new Promise<string>((resolve) => holder.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()))));
      const look = loopbackPeers();
      const found = new Promise<PeerLookup>((resolve) => own.once('connection', (s) => void look(s).then(resolve)));
      caller = spawn(process.execPath, ['-e', `require("net").connect({ port: ${port}, host: "::1", localAddress: "::1", localPort: ${samePort} }); setTimeout(() => {}, 5e3)`], { stdio: 'ignore' });
      const looked = await found;
      expect(typeof looked === 'object' ? looked.pid : looked).toBe(caller.pid);
    } finally {
      caller?.kill();
      holder.kill();
      own.close();
      other.close();
    }
  });
});

// An OS error as a user meets it (a zh trial): the reason in the user's language from the error's code,
// the code kept in brackets for searching, advice that fits the cause, never Node's English text and
// never wxauth's internal temporary or lock file names. Permission cases run a real process as
// `nobody` when the tests run as root (root meets no EACCES).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson, permissionTestsRunnable, runCli, runSpawned, tempConfigDir } from './helpers.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const root = process.getuid?.() === 0;
/** The permission cases need a real EACCES (helpers.ts permissionTestsRunnable says when they can have one). */
const permissions = permissionTestsRunnable();
/** As `nobody` when root, so a mode 000 file is really unreadable. */
const asUser = root ? { uid: 65534, gid: 65534 } : {};
const user = root ? 'nobody' : process.env.USER ?? '';
/** Node's English words for the errors below: none of them may reach the user. */
const NODE_WORDS = /no such file|illegal operation|permission denied, |EACCES: |ENOENT: |EISDIR: /;

/** A config folder others (nobody) may enter: the permission problem is then the file's alone. */
function sharedConfigDir(): string {
  const dir = tempConfigDir();
  fs.chmodSync(dir, 0o755);
  return dir;
}

describe('emulator --seed that cannot be read', () => {
  it('a missing file: 不存在（ENOENT）, check the path (zh, en, --json)', async () => {
    const file = path.join(tempConfigDir(), 'nope.json');
    const zh = await runCli(['emulator', '--seed', file], { env: ZH });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`✖ 读不了种子文件 ${file}：不存在（ENOENT）`);
    expect(zh.stderr).toContain(`→ 检查路径：${file} 不存在。`);
    expect(zh.stderr).not.toMatch(NODE_WORDS);

    const en = await runCli(['emulator', '--seed', file]);
    expect(en.stderr).toContain(`✖ Cannot read the seed file ${file}: does not exist (ENOENT)`);
    expect(en.stderr).toContain(`→ Check the path: ${file} does not exist.`);

    // --json: the emulator's JSON Lines error line (type, ok, error.code/message/hint), its message in the user's language.
    const json = await runCli(['emulator', '--seed', file, '--json'], { env: ZH });
    expect(json.code).toBe(4);
    expect(json.stdout.trim().split('\n')).toHaveLength(1);
    expect(parseJson(json.stdout)).toEqual({
      type: 'error',
      ok: false,
      error: { code: 'config', message: `读不了种子文件 ${file}：不存在（ENOENT）`, hint: `检查路径：${file} 不存在。` },
    });
  });

  it('a folder: 是文件夹（EISDIR）, give a file', async () => {
    const dir = tempConfigDir();
    const zh = await runCli(['emulator', '--seed', dir], { env: ZH });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`✖ 读不了种子文件 ${dir}：是文件夹，不是文件（EISDIR）`);
    expect(zh.stderr).toContain(`→ ${dir} 是文件夹：请给出一个文件的路径。`);
    expect(zh.stderr).not.toMatch(NODE_WORDS);
    const en = await runCli(['emulator', '--seed', dir]);
    expect(en.stderr).toContain(`: is a folder, not a file (EISDIR)`);
    expect(en.stderr).toContain(`→ ${dir} is a folder: give the path of a file.`);
  });

  it.skipIf(!permissions)('no permission: 没有读取权限（EACCES）and the chmod or chown to run, not "check the path"', async () => {
    const dir = sharedConfigDir();
    const file = path.join(dir, 'seed.json');
    fs.writeFileSync(file, '{"apps":[],"users":[]}');
    fs.chmodSync(file, 0o000);
    const r = await runSpawned(['emulator', '--seed', file], { env: ZH, ...asUser });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain(`✖ 读不了种子文件 ${file}：没有读取权限（EACCES）`);
    expect(r.stderr).toContain(root ? `运行 sudo chown ${user} ${file}` : `运行 chmod u+r ${file}`);
    expect(r.stderr).not.toContain('检查路径');
    expect(r.stderr).not.toMatch(NODE_WORDS);
  });
});

describe.skipIf(!permissions)('state files that cannot be read or written', () => {
  it('config.json without read permission: 没有读取权限（EACCES） and the chown/chmod, not "fix the JSON or wxauth init"', async () => {
    const dir = sharedConfigDir();
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, '{}', { mode: 0o000 });
    fs.chmodSync(file, 0o000);
    const r = await runSpawned(['config', 'list'], { env: { ...ZH, WXAUTH_CONFIG_DIR: dir }, ...asUser });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain(`✖ 无法读取 ${file}：没有读取权限（EACCES）`);
    expect(r.stderr).toContain(root ? `运行 sudo chown ${user} ${file}` : `运行 chmod 600 ${file}`);
    expect(r.stderr).not.toContain('JSON');
    expect(r.stderr).not.toContain('wxauth init');
    expect(r.stderr).not.toMatch(NODE_WORDS);
    const en = await runSpawned(['config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir }, ...asUser });
    expect(en.stderr).toContain(`✖ Cannot read ${file}: permission denied (EACCES)`);
    expect(en.stderr).toContain(root ? `run sudo chown ${user} ${file}` : `run chmod 600 ${file}`);
  });

  it('tokens.json without read permission: the same reason, and no "wxauth init" for a token cache', async () => {
    const dir = sharedConfigDir();
    const file = path.join(dir, 'tokens.json');
    fs.writeFileSync(file, '{}');
    fs.chmodSync(file, 0o000);
    const r = await runSpawned(['tokens', 'list'], { env: { ...ZH, WXAUTH_CONFIG_DIR: dir }, ...asUser });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain(`✖ 无法读取 ${file}：没有读取权限（EACCES）`);
    expect(r.stderr).toContain(root ? `sudo chown ${user} ${file}` : `chmod 600 ${file}`);
    expect(r.stderr).not.toContain('wxauth init');
    expect(r.stderr).not.toMatch(NODE_WORDS);
  });

  it('a config folder that takes no new file (config set, init): names config.json and the folder, never the lock or its temporary files', async () => {
    const dir = sharedConfigDir();
    if (!root) fs.chmodSync(dir, 0o555);
    const init = ['init', '--type', 'test', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/cb'];
    for (const args of [['config', 'set', 'domain', 'www.example.com'], init]) {
      const r = await runSpawned(args, { env: { ...ZH, WXAUTH_CONFIG_DIR: dir }, ...asUser });
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toContain(`✖ 无法保存 ${path.join(dir, 'config.json')}：不能在文件夹 ${dir} 里新建文件，没有写入权限（EACCES）。`);
      expect(r.stderr).toContain(root ? `sudo chown ${user} ${dir}` : `chmod u+w ${dir}`);
      expect(r.stderr).not.toMatch(/\.lock|\.gate|\.new|\.tmp/);
      expect(r.stderr).not.toMatch(NODE_WORDS);
      expect(r.stderr).not.toContain('0123456789abcdef0123456789abcdef');
    }
    fs.chmodSync(dir, 0o755);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a config folder that cannot be made: names the folder and, for the fix, the nearest one that exists', async () => {
    const parent = sharedConfigDir();
    if (!root) fs.chmodSync(parent, 0o555);
    const dir = path.join(parent, 'x', 'y');
    const r = await runSpawned(['config', 'set', 'domain', 'www.example.com'], { env: { WXAUTH_CONFIG_DIR: dir }, ...asUser });
    fs.chmodSync(parent, 0o755);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain(`✖ Cannot create the folder ${dir} that config.json is saved in: permission denied (EACCES).`);
    // The folder to fix is the one that exists: x/y and x are not there to ls or chown.
    expect(r.stderr).toContain(root ? `run sudo chown ${user} ${parent} (ls -ld ${parent} shows whose it is)` : `run chmod u+w ${parent}`);
    expect(r.stderr).not.toContain(`ls -ld ${dir}`);
    expect(r.stderr).not.toMatch(/\.lock|mkdir/);
  });
});

describe.skipIf(!permissions)('output files (proxy --har, probe --html) in a folder that takes no file', () => {
  it('says 没有写入权限（EACCES） and the chown or chmod of that folder, exit 2, before the run starts', async () => {
    const dir = sharedConfigDir();
    if (!root) fs.chmodSync(dir, 0o555);
    for (const args of [['proxy', '--har', path.join(dir, 'calls.har')], ['probe', 'http://127.0.0.1:9/', '--html', path.join(dir, 'report.html')]]) {
      const r = await runSpawned(args, { env: { ...ZH, WXAUTH_CONFIG_DIR: sharedConfigDir() }, ...asUser });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${args.at(-2)} ${args.at(-1)}：不能在 ${dir} 里写文件：没有写入权限（EACCES）。`);
      expect(r.stderr).toContain(root ? `sudo chown ${user} ${dir}` : `chmod u+w ${dir}`);
      expect(r.stderr).not.toMatch(NODE_WORDS);
    }
    fs.chmodSync(dir, 0o755);
  });
});

describe('output files (proxy --har, probe --html) that name a device or a pipe', () => {
  it('/dev/null, /dev/stdout, a fifo: the hint asks for a regular file and names --json for stdout, not "a folder that exists" (exit 2, before the run; zh and en)', async () => {
    const fifo = path.join(tempConfigDir(), 'pipe');
    spawnSync('mkfifo', [fifo]);
    const cases = [
      { args: ['proxy', '--port', '0', '--har', '/dev/stdout'], example: 'calls.har', stdout: 'To follow the calls on stdout, use --json instead: a line of JSON per call (not a HAR).', zh: '想在 stdout 上看这些调用，就改用 --json：每个调用输出一行 JSON（不是 HAR）。' },
      { args: ['probe', 'http://127.0.0.1:9/', '--html', '/dev/null'], example: 'probe.html', stdout: 'For the results on stdout, use --json instead: the same checks and evidence as one JSON document (not HTML).', zh: '想把结果输出到 stdout，就改用 --json：同样的检查和证据，输出为一个 JSON 文档（不是 HTML）。' },
    ];
    if (fs.existsSync(fifo)) cases.push({ ...cases[0]!, args: ['proxy', '--port', '0', '--har', fifo] });
    for (const { args, example, stdout, zh } of cases) {
      const [flag, file] = args.slice(-2);
      const en = await runCli(args, { timeoutMs: 5000 });
      expect(en.code, en.stderr).toBe(2);
      expect(en.stderr).toContain(`✖ ${flag} ${file} is not a regular file (a device or a pipe).`);
      expect(en.stderr).toContain(`→ Give the path of a regular file, e.g. ${flag} ${example}: the file is written beside it and renamed onto it at the end, which a device or a pipe cannot take. ${stdout}`);
      expect(en.stderr).not.toContain('folder that exists');
      expect(en.stdout).toBe('');
      const cn = await runCli(args, { env: ZH, timeoutMs: 5000 });
      expect(cn.code).toBe(2);
      expect(cn.stderr).toContain(`✖ ${flag} ${file} 不是普通文件（设备或管道）。`);
      expect(cn.stderr).toContain(`→ 给出一个普通文件的路径，例如 ${flag} ${example}：文件先写在旁边，结束时再换到这个路径上，设备和管道没法这样写入。`);
      expect(cn.stderr).toContain(zh);
    }
  });
});

describe('an address this machine does not have (emulator --host, proxy --host)', () => {
  it('本机没有这个地址（EADDRNOTAVAIL）, not a bare code (exit 2, zh and en)', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
    const emu = await runCli(['emulator', '--host', '192.0.2.1', '--port', '0'], { env: ZH });
    expect(emu.code, emu.stderr).toBe(2);
    expect(emu.stderr).toContain('✖ 无法监听地址 192.0.2.1：本机没有这个地址（EADDRNOTAVAIL）。\n');
    const proxy = await runCli(['proxy', '--host', '192.0.2.1', '--port', '0'], { env: ZH });
    expect(proxy.code, proxy.stderr).toBe(2);
    expect(proxy.stderr).toContain('✖ 无法绑定地址 192.0.2.1：本机没有这个地址（EADDRNOTAVAIL）。');
    const en = await runCli(['proxy', '--host', '192.0.2.1', '--port', '0']);
    expect(en.stderr).toContain('✖ Cannot bind to 192.0.2.1: this machine has no such address (EADDRNOTAVAIL).');
  });
});

/** What this OS answers to a listen on fe80::1 without its interface: EINVAL on Linux; another OS may say EADDRNOTAVAIL. */
const linkLocalAnswer = await new Promise<string | undefined>((resolve) => {
  const server = net.createServer();
  server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  server.listen(0, 'fe80::1', () => server.close(() => resolve(undefined)));
});
/** Said in the skipped tests' names, so a run elsewhere shows why they did not run rather than passing vacuously. */
const notEinval = linkLocalAnswer === 'EINVAL' ? '' : ` (skipped: this OS answers ${linkLocalAnswer ?? 'by listening'}, not EINVAL)`;

describe('an address that cannot be listened on (fe80::1 without its interface: EINVAL on Linux)', () => {
  it.skipIf(linkLocalAnswer !== 'EINVAL')(`emulator and proxy refuse it as usage (exit 2) in the user's words, not an internal error with Node's English${notEinval}`, async () => {
    for (const cmd of [['emulator', '--host', 'fe80::1', '--port', '0'], ['proxy', '--host', 'fe80::1', '--port', '0']]) {
      const zh = await runCli([...cmd, '--lang', 'zh']);
      expect(zh.stderr).not.toContain('invalid argument');
      expect(zh.code, zh.stderr).toBe(2);
      expect(zh.stderr).toContain('链路本地 IPv6 地址（fe80::…）不带网卡名就不能监听（EINVAL），而带网卡名的地址（fe80::1%eth0）又写不进 URL，谁也连不上');
    }
    const en = await runCli(['emulator', '--host', 'fe80::1', '--port', '0']);
    expect(en.code, en.stderr).toBe(2);
    // Not the old advice to add the interface, which both commands now refuse (below).
    expect(en.stderr).toContain('✖ Cannot listen on [fe80::1]: a link-local IPv6 address (fe80::…) cannot be listened on without its interface (EINVAL), and one with its interface (fe80::1%eth0) cannot be written in a URL, so nothing could connect');
    expect(en.stderr).not.toContain('needs its interface');
  });

  it.skipIf(linkLocalAnswer !== 'EINVAL')(`listen says a link-local address cannot be a callback's host, without advice to add the interface a callback URL cannot carry${notEinval}`, async () => {
    const zh = await runCli(['listen', '--host', 'fe80::1', '--port', '0', '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain('✖ 无法监听 [fe80::1]:0：链路本地 IPv6 地址（fe80::…）不带网卡名就不能监听（EINVAL），而回调地址里又写不了网卡名，所以它当不了回调的地址');
    expect(zh.stderr).toContain('→ 用 --host 127.0.0.1（只本机）或 --host 0.0.0.0（所有网卡，手机可连）。');
    const en = await runCli(['listen', '--host', 'fe80::1', '--port', '0']);
    expect(en.code, en.stderr).toBe(2);
    expect(en.stderr).toContain("✖ Cannot listen on [fe80::1]:0: a link-local IPv6 address (fe80::…) cannot be listened on without its interface (EINVAL), and a callback URL cannot carry an interface, so it cannot be a callback's host");
    expect(en.stderr).not.toContain('%eth0');
  });
});

describe('listen --host with an interface (fe80::1%eth0, as the emulator takes it)', () => {
  it('is refused as a host no callback URL can name, not as "not an address" (exit 2, zh and en)', async () => {
    const zh = await runCli(['listen', '--host', 'fe80::1%eth0', '--port', '0', '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain('✖ --host fe80::1%eth0 带着网卡名（%…）：回调地址里写不了网卡名（浏览器和微信都不认 http://[fe80::…%eth0]/ 这样的地址），回调到不了这里。');
    const en = await runCli(['listen', '--host', '[fe80::1%eth0]', '--port', '0']);
    expect(en.code, en.stderr).toBe(2);
    expect(en.stderr).toContain('✖ --host [fe80::1%eth0] names an interface (%…): a callback URL cannot carry one (browsers and WeChat do not take http://[fe80::…%eth0]/), so no callback could reach this listener.');
    expect(en.stderr).not.toContain('not an address');
  });
});

// The OS binds some of these (Linux listens on 224.0.0.1 and on fe80::…%eth0 without a word): refused
// before listening, or the emulator and proxy would print a base URL nothing can use or reach.
describe('emulator and proxy --host that no client could reach through a URL', () => {
  it('an address with its interface (fe80::1%eth0, ::1%lo): no URL a browser or Node takes can carry it, said before listening (exit 2, zh and en)', async () => {
    for (const host of ['fe80::1%eth0', '[fe80::1%eth0]', '::1%lo']) {
      const en = await runCli(['emulator', '--host', host, '--port', '0']);
      expect(en.code, en.stderr).toBe(2);
      expect(en.stdout).toBe('');
      expect(en.stderr).toContain(`✖ Cannot listen on ${host.startsWith('[') ? host : `[${host}]`}: an address with its interface (%…) cannot be written in a URL that browsers and Node accept (both refuse http://[fe80::1%25eth0]/), so neither wxauth nor a browser could use the address printed for it`);
      expect(en.stderr).not.toContain('export WXAUTH_API_BASE');
    }
    const zh = await runCli(['proxy', '--host', 'fe80::1%eth0', '--port', '0', '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain('✖ 无法绑定地址 [fe80::1%eth0]：带网卡名（%…）的地址写不进浏览器和 Node 认的 URL（它们都不认 http://[fe80::1%25eth0]/ 这种写法），所以打印出来的地址 wxauth 用不了，页面在浏览器里也打不开。');
    expect(zh.stderr).not.toContain('代理已启动');
  });

  it('a multicast or broadcast address: no TCP connection ever arrives, not the link-local advice (exit 2, zh and en)', async () => {
    for (const host of ['224.0.0.1', 'ff02::1', '255.255.255.255']) {
      for (const cmd of ['emulator', 'proxy']) {
        const en = await runCli([cmd, '--host', host, '--port', '0']);
        expect(en.code, `${cmd} ${host}: ${en.stderr}`).toBe(2);
        expect(en.stderr).toContain("a multicast or broadcast address takes no HTTP connections (TCP connects to one machine's own address, never to a group), so nothing could ever connect");
        expect(en.stderr).not.toContain('fe80');
      }
    }
    const zh = await runCli(['emulator', '--host', 'ff02::1', '--port', '0', '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain('✖ 无法监听地址 [ff02::1]：组播或广播地址收不到 HTTP 连接（TCP 只能连到某台机器自己的地址，连不到一个组），永远不会有连接进来。\n');
    expect(zh.stderr).toContain('→ 用本机地址，例如 --host 127.0.0.1（默认），或 --host 0.0.0.0 让局域网可访问。');
  });

  it('listen refuses a multicast address too, rather than waiting for a callback that cannot come (exit 2, zh and en)', async () => {
    const en = await runCli(['listen', '--host', '224.0.0.1', '--port', '0', '--timeout', '1']);
    expect(en.code, en.stderr).toBe(2);
    expect(en.stderr).toContain("✖ --host 224.0.0.1 is a multicast or broadcast address: a TCP connection goes to one machine's own address, never to a group, so no callback could reach this listener.");
    expect(en.stderr).not.toContain('Listening on');
    const zh = await runCli(['listen', '--host', 'ff02::1', '--port', '0', '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain('✖ --host ff02::1 是组播或广播地址：TCP 连接只能连到某台机器自己的地址，连不到一个组，回调到不了这里。');
  });
});

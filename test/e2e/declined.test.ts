// Answering "no" to a confirmation ends the run one way, whichever command asked: CancelledError,
// exit 130, "Nothing was changed.", nothing changed — and Ctrl-C at that prompt the same.
// A prompt needs a terminal, and @inquirer/prompts reads the process's own stdin, so these cases run
// the built CLI (bin/wxauth.cjs → dist/) inside a private tmux server and type the answer into it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle, type PublicApp } from '../../src/emulator/index.js';
import { TokenStore } from '../../src/store/token-cache.js';
import { BIN, ROOT, emulatorEnv, tempConfigDir } from './helpers.js';
import { seedUserToken } from './seed-tokens.js';

const canRun = spawnSync('tmux', ['-V']).status === 0 && fs.existsSync(path.join(ROOT, 'dist', 'main.js'));
/** A tmux server of our own (its socket in a temp dir removed afterwards): never the developer's. */
const SOCKET_DIR = canRun ? fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-tmux-')) : '';
const SOCKET = path.join(SOCKET_DIR, 'sock');

let emu: EmulatorHandle;
let svc: PublicApp;
let dir: string;
let session = 0;

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Run `wxauth <args>` on a terminal, wait for `question`, type `keys`, and return the exit code with
 * the screen (stdout and stderr are both the terminal here).
 */
async function answer(args: string[], question: RegExp, keys: string[], then?: { until: RegExp; keys: string[] }): Promise<{ code: number; screen: string; beforeAnswer: string }> {
  const name = `s${++session}`;
  const exitFile = path.join(dir, `exit-${name}`);
  const env = {
    ...emulatorEnv(emu, svc),
    PATH: process.env.PATH ?? '',
    HOME: dir,
    TERM: 'xterm-256color',
    LANG: 'en_US.UTF-8',
    NO_COLOR: '1',
    WXAUTH_CONFIG_DIR: dir,
  };
  // env -i: nothing of the developer's WXAUTH_*, proxies or CI reaches the run. The shell stays
  // (sleep) after the CLI exits so the screen can still be read.
  const script = [
    `cd ${quote(ROOT)}`,
    `env -i ${Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`,
    `echo $? > ${quote(exitFile)}`,
    'exec sleep 60',
  ].join('\n');
  const scriptFile = path.join(dir, `run-${name}.sh`);
  fs.writeFileSync(scriptFile, script);
  tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '50', `sh ${quote(scriptFile)}`);
  try {
    const beforeAnswer = await waitFor(`the question ${question}`, () => {
      const screen = tmux('capture-pane', '-p', '-t', name);
      return question.test(screen) ? screen : undefined;
    });
    tmux('send-keys', '-t', name, ...keys);
    // A second answer once the screen shows `then.until` (a prompt asking again).
    if (then) {
      await waitFor(`${then.until}`, () => (then.until.test(tmux('capture-pane', '-p', '-t', name)) ? true : undefined));
      tmux('send-keys', '-t', name, ...then.keys);
    }
    const code = await waitFor('the CLI to exit', () => (fs.existsSync(exitFile) && fs.readFileSync(exitFile, 'utf8').trim()) || undefined);
    return { code: Number(code), screen: tmux('capture-pane', '-p', '-t', name), beforeAnswer };
  } finally {
    tmux('kill-session', '-t', name);
  }
}

/** What the screen shows after the question's line (the answer echoed on it, then nothing). */
function afterQuestion(screen: string, question: RegExp): string {
  const lines = screen.trimEnd().split('\n');
  const at = lines.findIndex((l) => question.test(l));
  return lines.slice(at + 1).join('\n').trim();
}

const calls = (p: string) => emu.requests().filter((r) => r.path === p).length;

describe.skipIf(!canRun)('a declined confirmation', () => {
  beforeAll(async () => {
    // A session that keeps this tmux server up between tests: it exits when its last session ends, and
    // a new-session racing that exit fails with "server exited unexpectedly" (seen in a CI run).
    tmux('new-session', '-d', '-s', 'server-keeper', 'sleep 3600');
    emu = await startEmulator();
    svc = emu.apps.find((a) => a.type === 'service') as PublicApp;
  });
  afterAll(async () => {
    spawnSync('tmux', ['-S', SOCKET, 'kill-server']);
    fs.rmSync(SOCKET_DIR, { recursive: true, force: true });
    await emu?.close();
  });
  beforeEach(() => {
    dir = tempConfigDir();
    emu.reset();
  });

  const cachedUsers = () => TokenStore.open(dir).listUsers('default').length;

  it('tokens clear: "n" removes nothing, says so and exits 130; Ctrl-C says the same', async () => {
    await seedUserToken(emu, dir, svc, 'u1');
    await seedUserToken(emu, dir, svc, 'u2');
    const question = /Remove the tokens of all 2 user\(s\) from the cache of profile default\?/;
    const no = await answer(['tokens', 'clear'], question, ['n', 'Enter']);
    expect(no.code, no.screen).toBe(130);
    expect(afterQuestion(no.screen, question)).toBe('! Nothing was changed.');
    expect(cachedUsers()).toBe(2);

    const interrupted = await answer(['tokens', 'clear'], question, ['C-c']);
    expect(interrupted.code, interrupted.screen).toBe(130);
    expect(afterQuestion(interrupted.screen, question)).toBe('! Nothing was changed.');
    expect(cachedUsers()).toBe(2);
  });

  it('in Chinese the answer is echoed as 否, not inquirer\'s "No"', async () => {
    await seedUserToken(emu, dir, svc, 'u1');
    const question = /从 profile default 的缓存中删除/;
    const no = await answer(['--lang', 'zh', 'tokens', 'clear'], question, ['n', 'Enter']);
    expect(no.code, no.screen).toBe(130);
    const line = no.screen.split('\n').find((l) => question.test(l)) ?? '';
    expect(line, no.screen).toMatch(/否\s*$/);
    expect(line).not.toMatch(/\bNo\b/);
    expect(cachedUsers()).toBe(1);
  });

  it('tokens clear <openid> --json: one document saying cancelled', async () => {
    const { token } = await seedUserToken(emu, dir, svc, 'u1');
    const question = new RegExp(`Remove the tokens of ${token.openid} from the cache`);
    const r = await answer(['tokens', 'clear', token.openid, '--json'], question, ['n', 'Enter']);
    expect(r.code, r.screen).toBe(130);
    expect(JSON.parse(afterQuestion(r.screen, question))).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled.', hint: 'Nothing was changed.' } });
    expect(cachedUsers()).toBe(1);
  });

  it('quota --clear: the counts are shown before the question; "n" resets nothing (exit 130)', async () => {
    const question = /Reset all API call counts of \w+ now\?/;
    const r = await answer(['quota', '/cgi-bin/token', '--clear'], question, ['n', 'Enter']);
    expect(r.code, r.screen).toBe(130);
    expect(r.beforeAnswer).toMatch(/^daily_limit\s+\d+$/m);
    expect(r.beforeAnswer).toContain('10 a month');
    expect(afterQuestion(r.screen, question)).toBe('! Nothing was changed.');
    expect(calls('/cgi-bin/clear_quota')).toBe(0);
  });

  // config set on a --profile that does not exist, beside saved ones (most likely a typo): asked first.
  it('config set on a misspelt --profile: "n" creates nothing (exit 130), "y" creates it and says so', async () => {
    const saved = { currentProfile: 'prod', profiles: { prod: { type: 'service', appid: svc.appid } } };
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(saved), { mode: 0o600 });
    const question = /There is no profile named "prdo" \(existing: prod\)\. Create it\?/;
    const no = await answer(['--profile', 'prdo', 'config', 'set', 'region', 'sh'], question, ['n', 'Enter']);
    expect(no.code, no.screen).toBe(130);
    expect(afterQuestion(no.screen, question)).toBe('! Nothing was changed.');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual(saved);

    const yes = await answer(['--profile', 'prdo', 'config', 'set', 'region', 'sh'], question, ['y', 'Enter']);
    expect(yes.code, yes.screen).toBe(0);
    expect(afterQuestion(yes.screen, question)).toMatch(/^Profile "prdo" did not exist; created it\.\n✔ Saved region \(profile "prdo"\)/);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).profiles)).toEqual(['prod', 'prdo']);
  });

  it('token --force-refresh and --legacy: "n" fetches nothing (exit 130)', async () => {
    const force = /Force a new stable token for \w+\?/;
    const forced = await answer(['token', '--force-refresh'], force, ['n', 'Enter']);
    expect(forced.code, forced.screen).toBe(130);
    expect(forced.beforeAnswer).toContain('20 a day');
    expect(afterQuestion(forced.screen, force)).toBe('! Nothing was changed.');

    const legacy = /Fetch a new token for \w+ with \/cgi-bin\/token anyway\?/;
    const old = await answer(['token', '--legacy'], legacy, ['n', 'Enter']);
    expect(old.code, old.screen).toBe(130);
    expect(afterQuestion(old.screen, legacy)).toBe('! Nothing was changed.');

    expect(calls('/cgi-bin/stable_token') + calls('/cgi-bin/token')).toBe(0);
    expect(TokenStore.open(dir).getBasic('default', svc.appid)).toBeUndefined();
  });

  // The same terminal harness, for the one other prompt that reads text: listen --paste.
  it('listen --paste: the authorize link pasted by mistake is said and asked again; the callback then is taken', async () => {
    const question = /Paste the callback URL \(a browser: its address bar/;
    const link = `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${svc.appid}&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&response_type=code&scope=snsapi_base&state=p1#wechat_redirect`;
    const r = await answer(['listen', '--paste', '--state', 'p1'], question, [link, 'Enter'], { until: /This is the authorization URL, not the callback/, keys: ['C-u', 'http://localhost/cb?code=abcdef&state=p1', 'Enter'] });
    // The second answer is typed only once the screen said the first was the authorize link (answer()
    // times out otherwise); inquirer clears that line once an answer is taken.
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toMatch(/^code +abcdef$/m);
  });

  // The prompt once took a paste's first line as the whole answer: half a code, no state (exit 6), and
  // the rest of the paste typed into the shell after wxauth exited.
  it('listen --paste: a callback pasted over two lines (wrapped when copied) is read whole and joined (en, zh)', async () => {
    for (const [lang, question, joined] of [
      ['en', /Paste the callback URL \(a browser: its address bar/, 'Joined the callback URL where a line break split it'],
      ['zh', /粘贴回调地址/, '去掉了回调地址中间的换行'],
    ] as const) {
      const r = await answer(['listen', '--paste', '--state', 'p1', '--lang', lang], question, ['-l', 'http://localhost/cb?code=061ab\ncd&state=p1\n']);
      expect(r.code, r.screen).toBe(0);
      expect(r.screen).toMatch(/^code +061abcd$/m);
      expect(r.screen).toMatch(/^state +p1$/m);
      expect(r.screen).toContain(joined);
    }
  });
});

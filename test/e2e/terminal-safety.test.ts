// Terminal escape injection (issue 13 item 4): whatever comes from outside — WeChat's fields, an
// errmsg, a pasted callback's state, a URL's parameter names, errcode's input — is printed with its
// control characters shown escaped (`\x1b`, `\u009b`), so an OSC 52 in a nickname cannot write the
// clipboard and an ESC[2J cannot clear the screen. --json stays exact: it is data for programs, with the
// characters JSON leaves raw (C1, U+2028/9, bidi) written as \uXXXX escapes of the same value.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextStream, baseEnv, collect, parseJson, runCli, startCli, tempConfigDir, waitForOutput } from './helpers.js';

/** Control bytes a terminal acts on: C0 but \n and \t, DEL, C1, and the bidi overrides. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';
const CLEAR = '\u001b[2J';
const CSI8 = '\u009b31m';

const APP = { WXAUTH_APPID: 'wx1234567890abcdef', WXAUTH_SECRET: '0123456789abcdef0123456789abcdef' };

let server: http.Server;
let base = '';
/** What the fake WeChat answers next on /sns/userinfo. */
let userinfoBody: Record<string, unknown> = {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(userinfoBody));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const wx = (args: string[], input?: string) =>
  runCli(args, { env: { ...APP, WXAUTH_API_BASE: base, WXAUTH_OPEN_BASE: base, WXAUTH_BACKUP_API_BASE: base }, input });

describe('values from outside reach the terminal escaped', () => {
  it('userinfo: nickname, headimgurl and the region as WeChat sent them are escaped; --json is exact', async () => {
    userinfoBody = {
      openid: 'oOPENID',
      nickname: 'Eve' + OSC52,
      sex: 0,
      province: 'p' + CSI8,
      city: '',
      country: 'c\u202eevil',
      headimgurl: 'https://x/' + CLEAR,
      privilege: [],
      unionid: 'uUNIONID',
    };
    const r = await wx(['userinfo', 'ACCESS_TOKEN', 'oOPENID']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toMatch(/^nickname\s+Eve\\x1b\]52;c;ZXZpbA==\\x07$/m);
    expect(r.stdout).toContain('https://x/\\x1b[2J');
    expect(r.stdout).toContain('p\\u009b31m');
    expect(r.stdout).toContain('c\\u202eevil');

    const j = await wx(['userinfo', 'ACCESS_TOKEN', 'oOPENID', '--json']);
    const doc = parseJson(j.stdout) as { userinfo: Record<string, unknown> };
    expect(doc.userinfo.nickname).toBe('Eve' + OSC52);
    expect(doc.userinfo.province).toBe('p' + CSI8);
    expect(j.stderr).not.toMatch(RAW_CONTROL);
    // The same values, written so a terminal showing the JSON does not act on them (JSON escapes only C0).
    expect(j.stdout).not.toMatch(RAW_CONTROL);
    expect(j.stdout).toContain('"p\\u009b31m"');
    expect(doc.userinfo.country).toBe('c\u202eevil');
  });

  // An openid or unionid is WeChat's id, not the user's text: one with a control character is refused
  // (exit 5, as a token answer's is), and the refusal, which quotes the answer, is escaped too.
  it('userinfo: an openid or unionid with a control character is refused, the refusal escaped', async () => {
    userinfoBody = { openid: 'o' + CSI8, nickname: 'Eve', sex: 0, province: '', city: '', country: '', headimgurl: '', privilege: [], unionid: 'u\u202eevil' };
    const r = await wx(['userinfo', 'ACCESS_TOKEN', 'oOPENID']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('openid has U+009B at character 2');
    expect(r.stderr).toContain('unionid has U+202E at character 2');
  });

  // A scope none of WeChat's (here snsapi_userinfo with a colour reset glued on) was guessed as snsapi_base:
  // "A snsapi_base token cannot call userinfo" and "snsapi_base grants never carry" a unionid.
  it('exchange: a scope that is none of WeChat\'s is said as unexpected and shown escaped, not guessed as snsapi_base (en, zh)', async () => {
    userinfoBody = { access_token: 'ACCESSTOKEN1234', expires_in: 7200, refresh_token: 'REFRESH1234', openid: 'oOPENID', scope: 'snsapi_userinfo\u001b[0m' };
    const dir = tempConfigDir();
    const r = await runCli(['exchange', '0CODE', '--no-save'], { env: { ...APP, WXAUTH_API_BASE: base, WXAUTH_OPEN_BASE: base, WXAUTH_BACKUP_API_BASE: base, WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toContain('snsapi_base token cannot');
    expect(r.stderr).not.toContain('snsapi_base grants never carry');
    expect(r.stderr).toContain("The scope answered, 'snsapi_userinfo\\x1b[0m', is none of snsapi_base, snsapi_userinfo, snsapi_login");
    expect(r.stderr).toContain('Next: wxauth check (validate the token) · wxauth userinfo tells for sure.');
    const zh = await runCli(['--lang', 'zh', 'exchange', '0CODE', '--no-save'], { env: { ...APP, WXAUTH_API_BASE: base, WXAUTH_OPEN_BASE: base, WXAUTH_BACKUP_API_BASE: base, WXAUTH_CONFIG_DIR: dir } });
    expect(zh.code).toBe(0);
    expect(zh.stderr).not.toContain('snsapi_base 的 token 不能调用 userinfo');
    expect(zh.stderr).toContain('返回的 scope「snsapi_userinfo\\x1b[0m」不是 snsapi_base、snsapi_userinfo、snsapi_login 中的任何一个');
    const json = await runCli(['exchange', '0CODE', '--no-save', '--json'], { env: { ...APP, WXAUTH_API_BASE: base, WXAUTH_OPEN_BASE: base, WXAUTH_BACKUP_API_BASE: base, WXAUTH_CONFIG_DIR: dir } });
    expect(parseJson(json.stdout)).toMatchObject({ scope: 'snsapi_userinfo\u001b[0m', no_unionid_reason: 'unexpected_scope' });
  });

  it("an API error's errmsg is escaped in the error report", async () => {
    userinfoBody = { errcode: 40001, errmsg: 'invalid credential' + OSC52 + ' rid: 1-2-3' };
    const r = await wx(['userinfo', 'ACCESS_TOKEN', 'oOPENID']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('\\x1b]52;c;ZXZpbA==\\x07');
  });

  // A 200,000-character errmsg (under the 1 MiB body cap) was printed whole in the headline and again
  // in its field: 400 KB of one line on the terminal. --json and --raw keep it whole.
  it('an errmsg far longer than WeChat writes is cut in the human report, saying how much and where the rest is (en, zh)', async () => {
    const tail = 'END-OF-THE-LONG-ERRMSG';
    userinfoBody = { errcode: 40001, errmsg: 'invalid credential ' + 'x'.repeat(200_000) + tail };
    const r = await wx(['userinfo', 'ACCESS_TOKEN', 'oOPENID']);
    expect(r.code).toBe(3);
    expect(r.stderr.length).toBeLessThan(10_000);
    expect(r.stderr).not.toContain(tail);
    expect(r.stderr).toContain('… (199541 more characters; --json or --raw shows the whole errmsg)');
    const zh = await wx(['--lang', 'zh', 'userinfo', 'ACCESS_TOKEN', 'oOPENID']);
    expect(zh.code).toBe(3);
    expect(zh.stderr.length).toBeLessThan(10_000);
    expect(zh.stderr).toContain('…（还有 199541 个字符，--json 或 --raw 显示完整的 errmsg）');
    const json = await wx(['--json', 'userinfo', 'ACCESS_TOKEN', 'oOPENID']);
    expect((parseJson(json.stdout) as { error: { errmsg: string } }).error.errmsg).toContain(tail);
  });

  it("errcode's echo of unknown input and a decoded errmsg are escaped", async () => {
    // A whole escape sequence is taken off errcode's input (a coloured log line's colours), so the echo
    // holds none of it; a control character that is no sequence is quoted escaped.
    const unknown = await wx(['errcode', 'zz' + OSC52]);
    expect(unknown.stdout + unknown.stderr).not.toMatch(RAW_CONTROL);
    expect(unknown.stderr).toContain('No errcode or error page matches "zz"');
    const bell = await wx(['errcode', 'zz\u0007yy']);
    expect(bell.stdout + bell.stderr).not.toMatch(RAW_CONTROL);
    expect(bell.stderr).toContain('zz\\x07yy');

    const body = await wx(['errcode', JSON.stringify({ errcode: 40029, errmsg: 'invalid code' + CLEAR })]);
    expect(body.stdout + body.stderr).not.toMatch(RAW_CONTROL);
  });

  it("inspect's decoded parameter names and values are escaped", async () => {
    const r = await wx(['inspect', 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&%1b%5d52%3bc%3bZXZp%07=1&state=%1b%5b2J#wechat_redirect']);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout + r.stderr).toContain('\\x1b]52');
  });

  it('inspect spells a character one way in the parameter table and in the finding: ESC as \\x1b (not \\u001b), a quote and a backslash as they are', async () => {
    const r = await wx(['inspect', 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&redirect_uri=https%3A%2F%2Fwww.example.com%2Fcb&response_type=code&scope=snsapi_base&state=%1b%5b32m%E2%9C%94%22%5C#wechat_redirect']);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    const row = r.stdout.split('\n').find((line) => /^ {2}state {2,}/.test(line));
    expect(row?.replace(/^ {2}state +/, '')).toBe('\\x1b[32m✔"\\');
    expect(r.stdout).toContain('state contains characters outside a-zA-Z0-9: \\x1b [ ✔ " \\');
    expect(r.stdout).not.toContain('\\u001b');
    // --json keeps the exact value.
    const json = parseJson((await wx(['inspect', '--json', 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&state=%1b%5b32m%22%5C#wechat_redirect'])).stdout) as { params: Array<[string, string]> };
    expect(json.params).toContainEqual(['state', '\u001b[32m"\\']);
  });

  it("listen --paste: the pasted callback's state is escaped where it is echoed", async () => {
    const r = await wx(['listen', '--paste', '--state', 'expected'], `http://127.0.0.1/cb?code=CODE&state=${encodeURIComponent('x' + OSC52)}\n`);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout + r.stderr).toContain('\\x1b]52');
  });

  it('data piped into a file or grep carries no colour codes though stderr is a terminal; stdout on a terminal is coloured', async () => {
    const { runCli: run } = await import('../../src/app.js');
    for (const args of [['errcode', '40029'], ['config', 'list']]) {
      const stdout = new TextStream(false);
      const stderr = new TextStream(true, 120);
      // No FORCE_COLOR: colour is decided per stream, from whether it is a terminal.
      const env = baseEnv(APP);
      delete env.FORCE_COLOR;
      const code = await run(args, { stdout, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env, signal: new AbortController().signal }, '0.0.0');
      expect(code, args.join(' ')).toBe(0);
      expect(stdout.text.length).toBeGreaterThan(0);
      expect(stdout.text, args.join(' ')).not.toContain('\u001b');
      expect(stdout.text).not.toContain('\uFDD0');
    }
    // The same stdout on a terminal is coloured.
    const tty = new TextStream(true);
    const stderr = new TextStream(true);
    const env = baseEnv(APP);
    delete env.FORCE_COLOR;
    await run(['errcode', '40029'], { stdout: tty, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env, signal: new AbortController().signal }, '0.0.0');
    expect(tty.text).toMatch(/\u001b\[\d+m/);
  });

  it('with colour on a terminal, our own colour codes still work and the attacker\'s do not', async () => {
    const { runCli: run } = await import('../../src/app.js');
    const stdout = new TextStream(true, 100);
    const stderr = new TextStream(true, 100);
    // inspect quotes a decoded parameter name holding the OSC 52 sequence (errcode takes sequences off its input).
    const code = await run(
      ['inspect', 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&%1b%5d52%3bc%3bZXZpbA%3d%3d%07=1#wechat_redirect'],
      { stdout, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env: baseEnv({ ...APP, FORCE_COLOR: '1' }), signal: new AbortController().signal },
      '0.0.0',
    );
    expect(code).not.toBe(70);
    const out = stdout.text + stderr.text;
    expect(out).toContain('\\x1b]52');
    expect(out).not.toContain(OSC52);
    // Only SGR colour codes (ESC [ digits m) remain, and only from our palette.
    // eslint-disable-next-line no-control-regex
    expect(out).toMatch(/\u001b\[\d+m/);
    // eslint-disable-next-line no-control-regex
    expect(out.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '')).not.toMatch(RAW_CONTROL);
  });
});

describe("an attacker's colour codes are escaped even when they are the ones wxauth colours with", () => {
  // ESC[2J clear, then green and bold as wxauth's own ✔ lines use them, then dim.
  const FAKE = '\u001b[2J\u001b[32m\u001b[1mOK-looks-green\u001b[2m';
  const FAKE_SHOWN = '\\x1b[2J\\x1b[32m\\x1b[1mOK-looks-green\\x1b[2m';
  const colourEnv = { ...APP, FORCE_COLOR: '1', WXAUTH_CONFIG_DIR: tempConfigDir() };

  it("listen: a refused callback's state is shown escaped, in wxauth's own red line", async () => {
    const child = startCli(['listen', '--port', '0', '--state', 'abc', '--timeout', '1'], { env: colourEnv });
    const done = collect(child);
    // eslint-disable-next-line no-control-regex
    const [, url] = (await waitForOutput(child, /Listening on (?:\u001b\[1m)?(http:\/\/127\.0\.0\.1:\d+\/callback)/)) as RegExpMatchArray;
    await new Promise<void>((resolve) => http.get(`${url}?code=x&state=${encodeURIComponent(FAKE)}`, (res) => res.resume().on('end', resolve)));
    const r = await done;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`the last brought "${FAKE_SHOWN}", expected "abc"`);
    expect(r.stderr).not.toContain('\u001b[32m\u001b[1mOK');
    // wxauth's own colour is still there: the refusal is red, the URL bold.
    expect(r.stderr).toMatch(/\u001b\[31m✖ No callback with the expected state/);
    expect(r.stderr).toContain(`\u001b[1m${url}\u001b[22m`);
  });

  // errcode reads escape sequences written out as text (a JSON log's \u001b[32m) as colours and takes them off its
  // input, as it does real ones: the errmsg's green never reaches the terminal, as code or as text.
  it("errcode: an errmsg's green (written out in the pasted JSON) is taken off, never shown raw, with wxauth's own bold title", async () => {
    const r = await runCli(['errcode', JSON.stringify({ errcode: 40001, errmsg: 'invalid credential ' + FAKE + ' rid: 1-2-3' })], { env: colourEnv });
    expect(r.code).not.toBe(70);
    expect(r.stdout).toMatch(/^errmsg +invalid credential OK-looks-green rid: 1-2-3$/m);
    expect(r.stdout + r.stderr).not.toContain('\u001b[32m\u001b[1mOK');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout + r.stderr).toMatch(/\u001b\[1merrcode 40001\u001b\[22m/);
  });
});

/** Strings that are mostly the dangerous part: control characters, escapes, quotes and URL syntax. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom('\u001b', '\u001b]52;c;', '\u0007', '\u009b', '\u001b[2J', '\r', '\n', '\t', '\u0000', '\u007f', '\u202e', '%1b', '%07', '%9b', '&', '=', '?', '#', '{', '}', '"', '\\'),
      fc.string({ maxLength: 4 }),
      fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('bounded fuzz: inspect, errcode and pasted callbacks never crash, hang or emit a raw control byte', () => {
  // Each run is in-process and quick; the time limit keeps the suite bounded on a slow machine.
  const settings = { numRuns: 40, interruptAfterTimeLimit: 8_000 };
  const check = (r: { code: number | null; stdout: string; stderr: string }) => {
    expect(r.code).not.toBe(70);
    expect(r.code).not.toBeNull();
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  };

  it('inspect', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (name, value) => {
        check(await wx(['inspect', `https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&${name}=${value}&state=${value}#wechat_redirect`]));
        check(await wx(['inspect', name + value]));
      }),
      settings,
    );
  }, 30_000);

  it('errcode', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        check(await wx(['errcode', input]));
        check(await wx(['errcode', JSON.stringify({ errcode: 40029, errmsg: input })]));
      }),
      settings,
    );
  }, 30_000);

  it('listen --paste', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (code, state) => {
        check(await wx(['listen', '--paste', '--state', 'expected'], `http://127.0.0.1/cb?code=${code}&state=${state}\n`));
      }),
      settings,
    );
  }, 30_000);
});

// What `wxauth emulator` says about a bad seed and bad flags, in English and Chinese: every problem of a
// seed at once (a bad appid no longer hides the rest), the ones that used to pass silently (a port past
// 65535, an empty domain list, an empty nickname, an appid followed twice), --domain for an appid the seed
// lacks as a bad flag (exit 2), --caller-ip that is not an IP (exit 2; the control API 400).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmulatorSeedError, loadSeedFile, parseSeed, startEmulator } from '../../src/emulator/index.js';
import { SEED_PROBLEM_TEXT, type SeedProblemId } from '../../src/emulator/seed.js';
import { messages } from '../../src/ui/messages/emulator.js';
import { UI_TEXT, type UiTextKey } from '../../src/emulator/ui-text.js';
import { runCli } from '../e2e/helpers.js';
import { get, post, useEmulator } from './helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-seed-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function seedFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function problemsOf(seed: unknown): string[] {
  try {
    parseSeed(JSON.stringify(seed));
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorSeedError);
    return (error as EmulatorSeedError).problems;
  }
  throw new Error('the seed was accepted');
}

const GOOD_APP = { appid: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef', type: 'test', domain: '127.0.0.1:5000' };

describe('seed problems', () => {
  it('a seed that is not JSON says where, in the user\'s language, and never quotes the file (it may hold a secret)', async () => {
    const text = '{"apps":[{"appid":"wx0123456789abcdef","secret": \'0123456789abcdef0123456789abcdef\'}]}';
    let problems: string[] = [];
    try {
      parseSeed(text);
    } catch (error) {
      problems = (error as EmulatorSeedError).problems;
    }
    expect(problems).toEqual(['the seed file is not valid JSON (line 1, column 50)']);
    const file = seedFile('quoted.json', text);
    const zh = await runCli(['emulator', '--seed', file, '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('种子文件不是有效的 JSON（第 1 行第 50 列）');
    expect(zh.stderr).not.toContain('0123456789abcdef0123456789abcdef');
    expect(zh.stderr).not.toContain('Unexpected token');
  });

  it('an empty seed file and one that starts with a BOM are said as such, not "not valid JSON (line 1, column 1)"', async () => {
    const good = JSON.stringify({ apps: [GOOD_APP], users: [{ nickname: 'a' }] });
    const bom = seedFile('bom.json', '\ufeff' + good);
    const en = await runCli(['emulator', '--seed', bom, '--port', '0'], { env: { LANG: 'en_US.UTF-8' } });
    expect(en.code).toBe(4);
    expect(en.stderr).toContain('the seed file begins with a byte order mark (BOM), which JSON does not allow (some Windows editors add one); save it as UTF-8 without a BOM');
    const zh = await runCli(['emulator', '--seed', bom, '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toContain('种子文件以字节顺序标记（BOM）开头');
    const empty = await runCli(['emulator', '--seed', seedFile('empty.json', ' \n'), '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(empty.code).toBe(4);
    expect(empty.stderr).toContain('种子文件是空的，里面没有 JSON');
    expect(empty.stderr).not.toContain('第 1 行');
  });

  it('a bad appid is reported together with the same app’s other problems', () => {
    const problems = problemsOf({ apps: [{ appid: 'wx1', secret: 'x', type: 'nope', domain: 'http://x' }], users: [{ nickname: 'a' }] });
    expect(problems).toEqual([
      'apps[0].appid must be "wx" followed by 16 lower-case hex digits',
      'apps[0].secret must be 32 lower-case hex digits',
      'apps[0].type must be one of service, subscription, test, website',
      'apps[0].domain "http://x" must be a host, host:port or host:* (no scheme, no spaces)',
    ]);
  });

  it('a port past 65535, an empty domain list, an empty nickname and an appid followed twice are problems', () => {
    expect(problemsOf({ apps: [{ ...GOOD_APP, domain: 'localhost:99999' }], users: [{ nickname: 'a' }] })).toEqual([
      'apps[0].domain "localhost:99999": a port is a number from 1 to 65535',
    ]);
    expect(problemsOf({ apps: [{ ...GOOD_APP, domain: [] }], users: [{ nickname: 'a' }] })).toEqual([
      'apps[0].domain is an empty list: every authorize link of this app would get 10003; give at least one host',
    ]);
    expect(problemsOf({ apps: [GOOD_APP], users: [{ nickname: '' }, { nickname: 'b', follows: [GOOD_APP.appid, GOOD_APP.appid] }] })).toEqual([
      'users[0].nickname is empty: the consent page and /sns/userinfo would show no name',
      'users[1].follows lists wx0123456789abcdef twice',
    ]);
    // `host:*` and a port within range stay fine.
    expect(parseSeed(JSON.stringify({ apps: [{ ...GOOD_APP, domain: ['localhost:*', 'localhost:65535'] }], users: [{ nickname: 'a' }] })).apps[0]!.domain).toEqual([
      'localhost:*',
      'localhost:65535',
    ]);
  });

  it('a domain with a control, bidi or invisible character is refused, naming the app, the field and the character (en and zh)', async () => {
    // Before, the path part of a domain took anything but whitespace: a U+202E reached the wx.config
    // check page's explanation as it was, and a zero-width space was only "no scheme, no spaces".
    expect(problemsOf({ apps: [GOOD_APP, { ...GOOD_APP, appid: 'wx0123456789abcdee', domain: ['localhost/\u202egnp.exe', 'local\u200bhost', 'localhost/a\u0007\u0007b'] }], users: [{ nickname: 'a' }] })).toEqual([
      'apps[1].domain "localhost/\u202egnp.exe" holds U+202E, a control or invisible character that no WeChat domain has (a copy from a chat or a web page can bring one in): type the domain again',
      'apps[1].domain "local\u200bhost" holds U+200B, a control or invisible character that no WeChat domain has (a copy from a chat or a web page can bring one in): type the domain again',
      'apps[1].domain "localhost/a\u0007\u0007b" holds U+0007, a control or invisible character that no WeChat domain has (a copy from a chat or a web page can bring one in): type the domain again',
    ]);
    const file = seedFile('invisible-domain.json', { apps: [{ ...GOOD_APP, domain: '127.0.0.1:5000/\u202ecb' }], users: [{ nickname: 'a' }] });
    const en = await runCli(['emulator', '--seed', file, '--port', '0'], { env: { LANG: 'en_US.UTF-8' } });
    expect(en.code).toBe(4);
    expect(en.stderr).toContain('apps[0].domain "127.0.0.1:5000/\\u202ecb" holds U+202E, a control or invisible character that no WeChat domain has');
    expect(en.stderr).not.toContain('\u202e');
    const zh = await runCli(['emulator', '--seed', file, '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('apps[0].domain "127.0.0.1:5000/\\u202ecb" 里有 U+202E：这是控制字符或不可见字符，微信的域名里不会有');
    // A path of ordinary characters stays fine.
    expect(parseSeed(JSON.stringify({ apps: [{ ...GOOD_APP, domain: 'localhost/path-1' }], users: [{ nickname: 'a' }] })).apps[0]!.domain).toEqual(['localhost/path-1']);
  });

  it('an ipWhitelist entry that is not an IP is a problem (in Chinese too), and the seed\'s list is read as --ip-whitelist reads one', async () => {
    // Before, "1.2.3" was taken as written: every /cgi-bin/ call of the app got 40164 and nothing said why.
    expect(problemsOf({ apps: [{ ...GOOD_APP, ipWhitelist: ['127.0.0.1', '1.2.3'] }], users: [{ nickname: 'a' }] })).toEqual([
      'apps[0].ipWhitelist "1.2.3" is not an IPv4 or IPv6 address (no caller would ever match it)',
    ]);
    const file = seedFile('whitelist.json', { apps: [{ ...GOOD_APP, ipWhitelist: ['127.0.0.l'] }], users: [{ nickname: 'a' }] });
    const zh = await runCli(['emulator', '--seed', file, '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('apps[0].ipWhitelist 中的 "127.0.0.l" 不是 IPv4 或 IPv6 地址');
    // Before, "::ffff:127.0.0.1" and " 127.0.0.1" (as a caller's address reads in 40164's errmsg, or
    // pasted with a space) refused 127.0.0.1 itself, which POST /__emulator/whitelist lets through.
    for (const entry of ['::ffff:127.0.0.1', ' 127.0.0.1']) {
      const emu = await startEmulator({ port: 0, seed: { apps: [{ ...GOOD_APP, type: 'test', ipWhitelist: [entry] }], users: [{ id: 'a', nickname: 'a' }] } });
      try {
        const r = await get(emu.url, `/cgi-bin/token?grant_type=client_credential&appid=${GOOD_APP.appid}&secret=${GOOD_APP.secret}`);
        expect(r.json, entry).toHaveProperty('access_token');
        expect(emu.apps[0]!.ipWhitelist).toEqual(['127.0.0.1']);
      } finally {
        await emu.close();
      }
    }
    // An empty list in a seed is a whitelist with nobody on it (API-FACTS §8: the whitelist applies to
    // every account since 2018), not "no check": only null or no field is that.
    const empty = await startEmulator({ port: 0, seed: { apps: [{ ...GOOD_APP, type: 'test', ipWhitelist: [] }], users: [{ id: 'a', nickname: 'a' }] } });
    try {
      const r = await get(empty.url, `/cgi-bin/token?grant_type=client_credential&appid=${GOOD_APP.appid}&secret=${GOOD_APP.secret}`);
      expect(r.json).toMatchObject({ errcode: 40164 });
      expect(empty.apps[0]!.ipWhitelist).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('a misspelt or unknown field is a problem, not skipped: "follow" would leave the user following nothing', async () => {
    const typo = { apps: [{ ...GOOD_APP, verfied: true, comment: 'staging' }], users: [{ nickname: 'a', follow: [GOOD_APP.appid] }], user: [] };
    expect(problemsOf(typo)).toEqual([
      'seed.user is not a seed field (did you mean users?)',
      'apps[0].verfied is not a seed field (did you mean verified?)',
      'apps[0].comment is not a seed field (known: appid, secret, type, name, verified, domain, openAccount, ipWhitelist, tokenDailyQuota)',
      'users[0].follow is not a seed field (did you mean follows?)',
    ]);
    const file = seedFile('typo.json', typo);
    const zh = await runCli(['emulator', '--seed', file, '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('users[0].follow 不是种子的字段（是不是 follows？）');
  });

  it('a mistyped account type names the one meant; the types and the known fields are listed with 、 in Chinese', async () => {
    expect(problemsOf({ apps: [{ ...GOOD_APP, type: 'servce' }], users: [{ nickname: 'a' }] })).toEqual([
      'apps[0].type "servce" is not an account type (did you mean service?)',
    ]);
    const file = seedFile('types.json', { apps: [{ ...GOOD_APP, type: 'oa', comment: 1 }], users: [{ nickname: 'a' }] });
    const zh = await runCli(['emulator', '--seed', file, '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('apps[0].type 必须是 service、subscription、test、website 之一');
    expect(zh.stderr).toContain('可用的字段：appid、secret、type、');
    const servce = seedFile('servce.json', { apps: [{ ...GOOD_APP, type: 'servce' }], users: [{ nickname: 'a' }] });
    const typo = await runCli(['emulator', '--seed', servce, '--port', '0'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(typo.stderr).toContain('apps[0].type "servce" 不是账号类型（是不是 service？）');
  });

  it('what GET /__emulator/seed answers, saved to a file, is a seed as it stands (its ok, env, scopes, openids and unionids passed over)', async () => {
    const emu = await startEmulator({ port: 0 });
    let shown: string;
    try {
      shown = (await get(emu.url, '/__emulator/seed')).text;
    } finally {
      await emu.close();
    }
    expect(shown).toContain('"openids"');
    const seed = parseSeed(shown);
    expect(seed.apps.map((a) => a.appid)).toEqual(JSON.parse(shown).apps.map((a: { appid: string }) => a.appid));
    expect(problemsOf({ ...JSON.parse(shown), extra: 1 })).toEqual(['seed.extra is not a seed field (known: apps, users)']);
  });

  it('a seed file whose app has no domain starts the emulator, as the same seed given to startEmulator does (not "an empty list")', async () => {
    const file = seedFile('no-domain.json', { apps: [{ appid: GOOD_APP.appid, secret: GOOD_APP.secret, type: 'subscription' }], users: [{ nickname: 'a' }] });
    const emu = await startEmulator({ seed: await loadSeedFile(file) });
    try {
      expect(emu.apps[0]!.domain).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  it('every problem has a catalogue sentence in both languages; its English is the emulator’s own', () => {
    for (const id of Object.keys(SEED_PROBLEM_TEXT) as SeedProblemId[]) {
      const entry = messages[`emulator.seed.problem.${id}`];
      expect(entry.en).toBe(SEED_PROBLEM_TEXT[id]);
      expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
      // The same {values} in both.
      expect(entry.zh.match(/\{\w+\}/g)?.sort()).toEqual(entry.en.match(/\{\w+\}/g)?.sort());
    }
  });
});

describe('wxauth emulator: a bad seed in the user’s language', () => {
  const bad = () => seedFile('bad.json', { apps: [{ appid: 'wx1', secret: 'x', type: 'service' }], users: [{ id: 'alice', nickname: 'a' }, { id: 'alice', nickname: 'b' }] });

  it('en: exit 4 listing every problem', async () => {
    const r = await runCli(['emulator', '--port', '0', '--seed', bad()]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('apps[0].appid must be "wx" followed by 16 lower-case hex digits; apps[0].secret must be 32 lower-case hex digits; users[1].id alice appears twice');
  });

  it('zh: the problems in Chinese, no English sentence left', async () => {
    const r = await runCli(['--lang', 'zh', 'emulator', '--port', '0', '--seed', bad()]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('apps[0].appid 必须是 "wx" 加 16 位小写十六进制数字；apps[0].secret 必须是 32 位小写十六进制数字；');
    expect(r.stderr).toContain('users[1].id alice 出现了两次');
    expect(r.stderr).not.toContain('must be');
    expect(r.stderr).not.toContain('appears twice');
    const notJson = await runCli(['--lang', 'zh', 'emulator', '--port', '0', '--seed', seedFile('broken.json', '{"apps": [')]);
    expect(notJson.code).toBe(4);
    expect(notJson.stderr).toContain('种子文件不是有效的 JSON（');
  });
});

describe('--domain', () => {
  it('an appid the seed lacks: exit 2 naming --domain and listing the seeded appids (en, zh)', async () => {
    const r = await runCli(['emulator', '--port', '0', '--domain', 'wx0000000000000099=localhost']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--domain names wx0000000000000099, which is not an app of the seed; the seeded appids are wx5e1ec0de00000001, wx5e1ec0de00000002, wx5e1ec0de00000003, wx5e1ec0de00000004.');
    expect(r.stderr).not.toContain('has problems');
    const zh = await runCli(['--lang', 'zh', 'emulator', '--port', '0', '--domain', 'wx0000000000000099=localhost']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--domain 的 wx0000000000000099 不是种子中的应用；种子里的 appid：wx5e1ec0de00000001、wx5e1ec0de00000002');
    // With a seed file, its appids.
    const own = await runCli(['emulator', '--port', '0', '--seed', seedFile('own.json', { apps: [GOOD_APP], users: [{ nickname: 'a' }] }), '--domain', 'wx5e1ec0de00000001=localhost']);
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('the seeded appids are wx0123456789abcdef.');
  });

  it('a port past 65535 is a bad --domain value (exit 2)', async () => {
    const r = await runCli(['emulator', '--port', '0', '--domain', 'wx5e1ec0de00000001=localhost:99999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Invalid --domain "wx5e1ec0de00000001=localhost:99999"');
  });
});

describe('the caller IP', () => {
  const emu = useEmulator();

  it('--caller-ip and --set callerIp= take only an IP (exit 2, en and zh)', async () => {
    const r = await runCli(['emulator', '--port', '0', '--caller-ip', 'notanip']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--caller-ip "notanip" is not an IP address.');
    const zh = await runCli(['--lang', 'zh', 'emulator', '--port', '0', '--caller-ip', '<b>x</b>']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--caller-ip 的 "<b>x</b>" 不是 IP 地址。');
    const set = await runCli(['emulator', '--port', '0', '--set', 'callerIp=nope']);
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('Invalid value "callerIp=nope" for --set');
  });

  it('POST /__emulator/switches refuses a callerIp that is not an IP (400); v4, v6 and null are taken', async () => {
    const r = await post(emu.url, '/__emulator/switches', { callerIp: '<b>x</b>' });
    expect(r.status).toBe(400);
    expect(r.json.error).toContain('callerIp must be an IP address (v4 or v6)');
    for (const ip of ['218.58.124.130', '2001:db8::1']) expect((await post(emu.url, '/__emulator/switches', { callerIp: ip })).json.switches).toMatchObject({ callerIp: ip });
    expect((await post(emu.url, '/__emulator/switches', { callerIp: null })).status).toBe(200);
    expect(((await get(emu.url, '/__emulator/switches')).json.switches as Record<string, unknown>).callerIp).toBeUndefined();
  });
});

describe('fault problems in the user’s language', () => {
  const emu = useEmulator();

  it('the page’s sentences and the CLI catalogue’s are the same, in both languages', () => {
    const ids = Object.keys(UI_TEXT).filter((k) => k.startsWith('fault.problem.')).map((k) => k.slice('fault.problem.'.length));
    expect(ids.length).toBeGreaterThanOrEqual(11);
    for (const id of ids) {
      const page = UI_TEXT[`fault.problem.${id}` as UiTextKey];
      const cli = (messages as Record<string, { zh: string; en: string }>)[`emulator.fault.problem.${id}`]!;
      expect(cli).toEqual({ zh: page.zh, en: page.en });
      expect(cli.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('--fault with a bad spec: exit 2, the reason in English or Chinese', async () => {
    const en = await runCli(['emulator', '--port', '0', '--fault', 'nope']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('invalid fault "nope": unknown kind "nope" (use delay, 500, 502, busy, reset, garbage or errcode)');
    const zh = await runCli(['--lang', 'zh', 'emulator', '--port', '0', '--fault', 'delay=700000']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('故障 "delay=700000" 无效：delay 最多 600000 毫秒（10 分钟）');
    expect(zh.stderr).not.toContain('at most');
    const order = await runCli(['--lang', 'zh', 'emulator', '--port', '0', '--fault', 'delay=10:1@/x']);
    expect(order.code).toBe(2);
    expect(order.stderr).toContain('故障 "delay=10:1@/x" 无效：各部分的顺序不对，要按 KIND[=N][@PATH][:COUNT] 的顺序写，即 delay=10@/x:1');
    const orderEn = await runCli(['emulator', '--port', '0', '--fault', 'delay=10:1@/x']);
    expect(orderEn.code).toBe(2);
    expect(orderEn.stderr).toContain('invalid fault "delay=10:1@/x": its parts are out of order; write them as KIND[=N][@PATH][:COUNT]: delay=10@/x:1');
  });

  it('the control API refuses with the English sentence and names the page’s text of it', async () => {
    const r = await post(emu.url, '/__emulator/faults', { spec: 'delay=700000' });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      ok: false,
      error: 'invalid fault "delay=700000": delay is at most 600000 ms (10 minutes)',
      problem: { text: 'fault.problem.delayTooLong', params: { spec: 'delay=700000', max: '600000' } },
    });
  });
});

// README.zh-CN.md is where a developer in China reads how to seed the emulator: its example must be
// README.md's, one the emulator takes, and its section must say what each field of a seed does.
describe('the seed file in the READMEs', () => {
  const root = path.join(import.meta.dirname, '..', '..');
  const readme = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');
  /** The first ```json block after `heading`, and the text from the heading to the next section. */
  const seedSection = (text: string, heading: string) => {
    const at = text.indexOf(heading);
    expect(at, heading).toBeGreaterThan(-1);
    const rest = text.slice(at);
    const json = /```json\n([\s\S]*?)```/.exec(rest)?.[1] ?? '';
    return { json, section: rest.slice(0, rest.indexOf('用模拟器测你自己的服务') > 0 ? rest.indexOf('用模拟器测你自己的服务') : rest.length) };
  };

  it('README.zh-CN.md has a section on --seed with README.md\'s example, which the emulator takes, naming every field (and wxauth emulator --seed)', () => {
    const en = seedSection(readme('README.md'), '### Seed file');
    const zh = seedSection(readme('README.zh-CN.md'), '种子文件');
    expect(zh.json).not.toBe('');
    expect(JSON.parse(zh.json)).toEqual(JSON.parse(en.json));
    const seed = parseSeed(zh.json);
    expect(seed.apps.map((a) => a.appid)).toEqual(['wx0123456789abcdef', 'wxfedcba9876543210']);
    expect(zh.section).toContain('wxauth emulator --seed ./my-apps.json');
    for (const field of ['appid', 'secret', 'type', 'name', 'verified', 'domain', 'openAccount', 'ipWhitelist', 'tokenDailyQuota', 'id', 'nickname', 'headimgurl', 'follows', 'sex', 'province', 'city', 'country']) {
      expect(zh.section, field).toContain(`\`${field}\``);
    }
    // The flags and switches it names are the emulator's.
    for (const flag of ['--seed', '--host', '--show-secrets', '--ip-whitelist', '--set profileEra=legacy']) expect(zh.section, flag).toContain(flag);
  });
});

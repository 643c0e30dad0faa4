// `wxauth errcode` as a user runs it: the built binary, CI=1, no colour, a throwaway config dir.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, parseJson, runCli, runSpawned } from './helpers.js';
import { DEFAULT_APPIDS, startEmulator } from '../../src/emulator/index.js';

const BODY_40164 =
  '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6392f3df-1a2b3c4d-5e6f7a8b"}';

describe('wxauth errcode', () => {
  it('explains a known code on stdout, English first for an English locale, and exits 0', async () => {
    const r = await runCli(['errcode', '40029']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('errcode 40029');
    expect(lines[1]).toMatch(/^Meaning\s+invalid code$/);
    expect(lines[2]).toMatch(/^\s+不合法的 oauth_code$/);
    expect(r.stdout).toContain('Likely causes (most likely first)');
    expect(r.stdout).toMatch(/1\. The code expired: 5 minutes/);
    expect(r.stdout).toContain('https://developers.weixin.qq.com/doc/service/api/webdev/access/api_snsaccesstoken.html');
  });

  it('puts Chinese first for a Chinese locale, and --lang overrides the locale', async () => {
    const zh = await runCli(['errcode', '40163'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout.split('\n')[0]).toBe('错误码 40163');
    expect(zh.stdout).toMatch(/含义\s+oauth_code已使用\n\s+code been used/);
    expect(zh.stdout).toContain('可能原因（按可能性排序）');
    const en = await runCli(['errcode', '40163', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.stdout.split('\n')[0]).toBe('errcode 40163');
  });

  it("the other table's meaning ends the sentence once (no 。。)", async () => {
    const zh = await runCli(['--lang', 'zh', 'errcode', '40001']);
    expect(zh.stdout).toContain('企业微信（qyapi）里 40001 的含义不同');
    expect(zh.stdout).not.toContain('。。');
    // -1 is 「系统繁忙」 in both tables, told on with different advice: not announced as different.
    const same = await runCli(['--lang', 'zh', 'errcode', '-1']);
    expect(same.stdout).toContain('系统繁忙');
    expect(same.stdout).not.toContain('的含义不同');
  });

  it('takes several codes, negatives included', async () => {
    const r = await runCli(['errcode', '40163', '42001', '-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('errcode 40163');
    expect(r.stdout).toContain('errcode 42001');
    expect(r.stdout).toContain('errcode -1');
    expect(r.stdout).toMatch(/system error/);
  });

  it('reads a code pasted with its errmsg, "-1 system error" included, which starts like an option', async () => {
    const r = await runCli(['errcode', '-1 system error']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('errcode -1');
    expect(r.stderr).toContain('Read errcode -1 from the pasted text');
    const led = await runCli(['errcode', '40163 code been used', '--json']);
    expect(led.code).toBe(0);
    expect(parseJson(led.stdout).results).toMatchObject([{ code: 40163, input: '40163 code been used', match: 'body', errmsg: 'code been used' }]);
    // Elsewhere a '-' still starts an option.
    expect((await runCli(['exchange', '-1 x'])).stderr).toMatch(/unknown option '-1 x'/);
  });

  it('a pasted curl line or log keeps its appsecret, code and tokens masked where the input is quoted back (--json, unless --show-secrets)', async () => {
    const secret = '0123456789abcdef0123456789abcdef';
    const code = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
    const line = `curl "https://api.weixin.qq.com/sns/oauth2/access_token?appid=wx807d86fb6b3d4fd2&secret=${secret}&code=${code}&grant_type=authorization_code" {"errcode":40029,"errmsg":"invalid code"}`;
    const r = await runCli(['errcode', '--json', line]);
    expect(r.code).toBe(0);
    const input = (parseJson(r.stdout) as { results: Array<{ code: number; input: string }> }).results[0];
    expect(input?.code).toBe(40029);
    expect(input?.input).toContain('secret=0123***&code=061e***&');
    expect(r.stdout).not.toContain(secret);
    expect(r.stdout).not.toContain(code);
    // An unknown input is quoted on stderr: the same.
    const unknown = await runCli(['errcode', `access_token=86_${secret} nothing known`]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('access_token=86_0***');
    expect(unknown.stderr).not.toContain(secret);
    // Asked for, they are shown.
    expect((await runCli(['errcode', '--json', '--show-secrets', line])).stdout).toContain(secret);
  });

  it('an AppSecret pasted where nothing names it is masked where it is quoted back: as an argument, --json, piped, in an errmsg (unless --show-secrets)', async () => {
    const secret = '5e1ec0de5e1ec0de5e1ec0de00000002';
    const alone = await runCli(['errcode', secret]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('No errcode or error page matches "5e1e***"');
    expect(alone.stdout + alone.stderr).not.toContain(secret);
    const zh = await runCli(['--lang', 'zh', 'errcode', secret]);
    expect(zh.stderr).toContain('没有找到与「5e1e***」相关的错误码或错误页');
    expect(zh.stdout + zh.stderr).not.toContain(secret);
    const json = await runCli(['errcode', '--json', secret]);
    expect((parseJson(json.stdout) as { unknown: Array<{ input: string }> }).unknown[0]?.input).toBe('5e1e***');
    expect(json.stdout).not.toContain(secret);
    // Piped, after words, upper-cased: the same.
    const piped = await runCli(['errcode'], { input: `my secret is ${secret.toUpperCase()}\n` });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toContain('"my secret is 5E1E***"');
    expect(piped.stdout + piped.stderr).not.toContain(secret.toUpperCase());
    // Quoted in an errmsg: explained, with the errmsg masked.
    const body = await runCli(['errcode', '--json', `{"errcode":40125,"errmsg":"invalid appsecret ${secret} rid: 1"}`]);
    expect(body.code).toBe(0);
    expect((parseJson(body.stdout) as { results: Array<{ errmsg: string }> }).results[0]?.errmsg).toBe('invalid appsecret 5e1e*** rid: 1');
    expect(body.stdout).not.toContain(secret);
    // Asked for, it is shown.
    expect((await runCli(['errcode', '--show-secrets', secret])).stderr).toContain(secret);
  });

  it('reads a pasted 40164 body: IP, rid and where to whitelist it', async () => {
    const r = await runCli(['errcode', BODY_40164]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Caller IP\s+1\.2\.3\.4 \(IPv6 form ::ffff:1\.2\.3\.4; whitelist the IPv4\)/);
    expect(r.stdout).toMatch(/rid\s+6392f3df-1a2b3c4d-5e6f7a8b/);
    expect(r.stdout).toContain('Add 1.2.3.4 to the Official Account\'s IP whitelist');
    expect(r.stderr).toContain('Read errcode 40164 from the pasted text');
  });

  it('explains an error-page text that has no code', async () => {
    const r = await runCli(['errcode', 'redirect_uri 参数错误']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Error page "redirect_uri 参数错误" (no errcode on the page; related codes 10003, 10011)');
    expect(r.stdout).toMatch(/port/);
  });

  it('searches by keyword in either language, best match explained, the rest listed', async () => {
    const en = await runCli(['errcode', 'whitelist']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^"whitelist" matches \d+ errcodes; the most relevant:\nerrcode 40164\n/);
    expect(en.stdout).toContain('Other errcodes matching "whitelist":');
    const zh = await runCli(['errcode', '白名单', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^「白名单」匹配到 \d+ 个错误码，最相关的：\n错误码 40164\n/);
  });

  it('an unknown code: says so on stderr with the nearest codes and where to look, exit 1', async () => {
    const r = await runCli(['errcode', '10007']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('✖ Unknown errcode: 10007');
    expect(r.stderr).toMatch(/Known codes of the same range \(10xxx\):\ncode\s+meaning\n10006\s+the user must follow this test account/);
    expect(r.stderr).toContain('errCode.html');
  });

  // Near in number is not related: 99999 is no neighbour of 100001, nor 99999999999999 of 10080002.
  it('an unknown code whose range (all but the last three digits) holds no known code: no codes offered as near, said plainly, en and zh', async () => {
    const r = await runCli(['errcode', '99999']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✖ Unknown errcode: 99999\nNo known errcode is in its range (99xxx), so none is listed as related');
    expect(r.stderr).not.toMatch(/Known codes|Nearest|100001/);
    const zh = await runCli(['--lang', 'zh', 'errcode', '99999']);
    expect(zh.stderr).toContain('✖ 未收录的错误码：99999\n同一段（99xxx）里没有已收录的错误码，所以不列出相关的错误码');
    expect(zh.stderr).not.toContain('100001');
    // Longer than any errcode: the number copied is something else, or more than the code.
    const long = await runCli(['errcode', '99999999999999']);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('✖ Unknown errcode: 99999999999999\nCheck the number you copied: an errcode has at most 8 digits');
    expect(long.stderr).not.toMatch(/10080002|9410003/);
    const longZh = await runCli(['--lang', 'zh', 'errcode', '99999999999999']);
    expect(longZh.stderr).toContain('✖ 未收录的错误码：99999999999999\n核对一下复制的数字：错误码最多 8 位');
    const json = parseJson((await runCli(['errcode', '99999999999999', '--json'])).stdout) as { unknown: Array<Record<string, unknown>> };
    expect(json.unknown[0]).toMatchObject({ input: '99999999999999', code: 99999999999999, range: '99999999999xxx', longest: 8, nearest: [] });
  });

  it('a code typed with leading zeros is named as typed and read as the number (an errcode is a JSON number), en and zh', async () => {
    const r = await runCli(['errcode', '007']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✖ Unknown errcode: 007 (read as 7)\nNo known errcode is between 1 and 9, so none is listed as related.\n');
    expect(r.stderr).not.toMatch(/\n0\s+ok\n/);
    const zh = await runCli(['--lang', 'zh', 'errcode', '007']);
    expect(zh.stderr).toContain('✖ 未收录的错误码：007（按 7 查）');
    const known = await runCli(['errcode', '040029']);
    expect(known.code).toBe(0);
    expect(known.stderr).toBe('Read 040029 as errcode 40029\n');
    expect(known.stdout.split('\n')[0]).toBe('errcode 40029');
    expect((await runCli(['--lang', 'zh', 'errcode', '040029'])).stderr).toBe('040029 按错误码 40029 解释\n');
    expect((await runCli(['errcode', '40029'])).stderr).toBe('');
  });

  // A code under 1000 has a range of x alone: `(x)` names nothing, so its numbers are said; --wecom speaks of the WeCom table.
  it('the range of a code under 1000 is said by its numbers, and with --wecom in the WeCom table\'s words, en and zh', async () => {
    const zh = await runCli(['--lang', 'zh', 'errcode', '007']);
    expect(zh.stderr).toContain('✖ 未收录的错误码：007（按 7 查）\n1 到 9 之间没有已收录的错误码，所以不列出相关的错误码。\n');
    const wecom = await runCli(['errcode', '--wecom', '0070']);
    expect(wecom.code).toBe(1);
    expect(wecom.stderr).toContain('✖ 0070 (read as 70) is not in the WeCom table\nThe WeCom table has no code between 10 and 99, so none is listed as related.\n');
    const wecomZh = await runCli(['--lang', 'zh', 'errcode', '--wecom', '0070']);
    expect(wecomZh.stderr).toContain('企业微信错误码表里 10 到 99 之间没有错误码，所以不列出相关的错误码。\n');
    const near = await runCli(['errcode', '123']);
    expect(near.stderr).toMatch(/\nKnown codes from 100 to 999:\ncode\s+meaning\n105\s/);
    const negative = await runCli(['errcode', '--wecom', '-5']);
    expect(negative.stderr).toMatch(/\nWeCom codes from -9 to -1:\ncode\s+meaning\n-1\s/);
    const long = await runCli(['errcode', '--wecom', '99999']);
    expect(long.stderr).toContain('The WeCom table has no code in its range (99xxx), so none is listed as related');
    expect(long.stderr).not.toContain("WeChat's");
    const longZh = await runCli(['--lang', 'zh', 'errcode', '--wecom', '99999']);
    expect(longZh.stderr).toContain('企业微信错误码表里同一段（99xxx）没有错误码');
    expect(longZh.stderr).not.toContain('微信同类');
    expect((await runCli(['errcode', '--wecom', '60999'])).stderr).toContain('WeCom codes of the same range (60xxx):');
    expect((await runCli(['errcode', '99999'])).stderr).toContain("WeChat's related codes share all but their last three digits");
  });

  it('the nearest codes mark a meaning no source has in English as the single code does (human and --json)', async () => {
    const single = await runCli(['errcode', '100001'], { env: { LANG: 'en_US.UTF-8' } });
    const marker = '(no source has English text; the Chinese is shown)';
    expect(single.stdout).toContain(marker);
    const r = await runCli(['errcode', '100004', '101005'], { env: { LANG: 'en_US.UTF-8' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n100001\s+已下发的模板消息法人并未确认且已超时 24h 未进行身份证校验 \(no source has English text; the Chinese is shown\)\n/);
    // A row with English of its own gets no note.
    expect(r.stderr).toMatch(/\n101000\s+invalid image url\n/);
    const json = await runCli(['errcode', '100004', '101005', '--json'], { env: { LANG: 'en_US.UTF-8' } });
    const doc = parseJson(json.stdout) as { unknown: Array<{ nearest: Array<Record<string, unknown>> }> };
    const nearest = doc.unknown.flatMap((u) => u.nearest);
    const single100001 = (parseJson((await runCli(['errcode', '100001', '--json'])).stdout) as { results: Array<Record<string, unknown>> }).results[0];
    expect(nearest.find((n) => n.code === 100001)).toEqual({ code: 100001, meaning: single100001?.meaning, untranslated: ['en'] });
    expect(nearest.find((n) => n.code === 101000)).not.toHaveProperty('untranslated');
    // wxauth's own translation is marked as a single code's is: `derived`.
    const derived = parseJson((await runCli(['errcode', '10020', '--json'])).stdout) as { unknown: Array<{ nearest: Array<Record<string, unknown>> }> };
    expect(derived.unknown[0]?.nearest.find((n) => n.code === 10016)).toMatchObject({ derived: ['en'] });
    // In Chinese the text is the sources' own: no note.
    const zh = await runCli(['errcode', '100004', '--lang', 'zh']);
    expect(zh.stderr).toMatch(/\n100001\s+已下发的模板消息法人并未确认且已超时 24h 未进行身份证校验\n/);
  });

  it("the keyword's other hits and --list mark a Chinese-only meaning too (human and --json)", async () => {
    const env = { LANG: 'en_US.UTF-8' };
    const keyword = await runCli(['errcode', '模板消息'], { env });
    expect(keyword.stdout).toMatch(/\n100003\s+已下发的模板消息法人并未确认且已超时 24h \(no source has English text; the Chinese is shown\)\n/);
    const list = await runCli(['errcode', '--list', '--stage', 'all'], { env });
    expect(list.stdout).toMatch(/\n100003\s+-\s+已下发的模板消息法人并未确认且已超时 24h \(no source has English text; the Chinese is shown\)\n/);
    const json = parseJson((await runCli(['errcode', '--list', '--stage', 'all', '--json'], { env })).stdout) as { codes: Array<Record<string, unknown>> };
    expect(json.codes.find((c) => c.code === 100003)).toMatchObject({ untranslated: ['en'] });
    expect(json.codes.find((c) => c.code === 10003)).toMatchObject({ derived: ['en'] });
    expect(json.codes.find((c) => c.code === 40029)).not.toHaveProperty('untranslated');
  });

  it('a number past any errcode is named as typed, never rounded (12345678901234567890 is not 12345678901234567000), en, zh, --json', async () => {
    const r = await runCli(['errcode', '40029', '12345678901234567890']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('errcode 40029');
    expect(r.stderr).toContain("✖ Not an errcode: 12345678901234567890 is far outside WeChat's errcodes, which run from -1000 to 10080002");
    expect(r.stderr).toContain('an errcode has at most 8 digits');
    expect(r.stderr).not.toContain('12345678901234567000');
    expect(r.stderr).not.toContain('Known codes of the same range');
    const zh = await runCli(['--lang', 'zh', 'errcode', '9007199254740993']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('✖ 9007199254740993 不是错误码：微信的错误码在 -1000 到 10080002 之间');
    expect(zh.stderr).not.toContain('9007199254740992');
    const json = await runCli(['errcode', '9007199254740993', '--json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    expect(json.stdout).not.toContain('9007199254740992');
    const doc = parseJson(json.stdout) as { ok: boolean; unknown: Array<Record<string, unknown>> };
    expect(doc.ok).toBe(false);
    expect(doc.unknown).toEqual([expect.objectContaining({ input: '9007199254740993', outOfRange: { number: '9007199254740993', min: -1000, max: 10080002 }, nearest: [] })]);
    expect(doc.unknown[0]).not.toHaveProperty('code');
  });

  it('known and unknown together: the known one is explained, the exit code is still 1', async () => {
    const r = await runCli(['errcode', '40029', '99999']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('errcode 40029');
    expect(r.stderr).toContain('Unknown errcode: 99999');
  });

  it('--json prints one document: results carrying the input, and unknown', async () => {
    const r = await runCli(['errcode', '40029', '-1', '10007', '--json']);
    expect(r.code).toBe(1);
    const doc = parseJson(r.stdout) as {
      ok: boolean;
      results: Array<Record<string, unknown>>;
      unknown: Array<Record<string, unknown>>;
    };
    expect(doc.ok).toBe(false);
    expect(r.stderr).toBe('');
    expect(doc.results.map((x) => [x.input, x.code, x.match, x.known, x.table])).toEqual([
      ['40029', 40029, 'code', true, 'wechat'],
      ['-1', -1, 'code', true, 'wechat'],
    ]);
    expect(doc.results[0]).toMatchObject({
      meaning: { zh: '不合法的 oauth_code', en: 'invalid code' },
      stage: 'token',
      doc: expect.stringMatching(/^https:\/\//),
    });
    expect((doc.results[0]?.causes as unknown[]).length).toBeGreaterThan(2);
    expect(doc.unknown).toEqual([expect.objectContaining({ input: '10007', code: 10007, table: 'wechat', range: '10xxx' })]);
    expect((doc.unknown[0]?.nearest as unknown[]).length).toBe(5);
  });

  it('--list --stage authorize prints the page codes as a table; --json gives {codes}', async () => {
    const r = await runCli(['errcode', '--list', '--stage', 'authorize']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^code\s+stage\s+meaning$/);
    expect(rows.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['10003', '10004', '10005', '10006', '10009', '10010', '10011', '10012', '10013', '10015', '10016']);
    const j = await runCli(['errcode', '--list', '--stage', 'quota', '--json']);
    expect(j.code).toBe(0);
    const doc = parseJson(j.stdout) as { codes: Array<{ code: number; stages: string[] }> };
    expect(doc.codes.map((c) => c.code)).toContain(45009);
    for (const c of doc.codes) expect(c.stages).toContain('quota');
  });

  // Issue 12 item 9: the count only restates the document; a script reading stderr wants it quiet.
  it('--list --json keeps stderr quiet', async () => {
    const j = await runCli(['errcode', '--list', '--json']);
    expect(j.code).toBe(0);
    expect(j.stderr).toBe('');
    expect((parseJson(j.stdout) as { codes: unknown[] }).codes.length).toBeGreaterThan(10);
  });

  it('--wecom explains from the WeCom table', async () => {
    const r = await runCli(['errcode', '40003', '--wecom', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('错误码 40003 · 企业微信');
    expect(r.stdout).toContain('无效的UserID');
  });

  it('--endpoint tunes the causes', async () => {
    const r = await runCli(['errcode', '40001', '--endpoint', '/cgi-bin/user/info']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\. The basic access_token was invalidated/);
    // The endpoint that issues the token answering 40001 itself: the secret, not a token war.
    const own = await runCli(['errcode', '40001', '--endpoint', '/cgi-bin/token']);
    expect(own.stdout).toMatch(/1\. A wrong AppSecret when fetching the token/);
    expect(own.stdout).not.toMatch(/The basic access_token was invalidated/);
    // No token is sent to /cgi-bin/token, so none can be truncated there.
    expect(own.stdout).not.toMatch(/truncated/);
  });

  // A new user's trial: a failed jsapi_ticket fetch in a server's log got only /cgi-bin/token's and stable_token's quota causes.
  it('45009 in a log line about the jsapi_ticket leads with getticket\'s own daily limit and the ticket cached globally', async () => {
    const line = '2026-12-05 10:00:01 ERROR 获取jsapi_ticket失败 errcode=45009 errmsg=reach max api daily quota limit';
    const r = await runCli(['errcode', line]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Likely causes \(most likely first\)\n {2}1\. getticket, which fetches the jsapi_ticket, has a daily limit of its own/);
    expect(r.stdout).toMatch(/Fixes\n {2}1\. Cache the jsapi_ticket globally on the server for its 7200 s/);
    const zh = await runCli(['errcode', line, '--lang', 'zh']);
    expect(zh.stdout).toMatch(/可能原因（按可能性排序）\n {2}1\. 获取 jsapi_ticket 的 getticket 有自己的每日调用上限/);
    expect(zh.stdout).toMatch(/解决办法\n {2}1\. 在服务端全局缓存 jsapi_ticket（有效期 7200 秒）/);
    // A token fetch's line keeps /cgi-bin/token's quota first.
    const token = await runCli(['errcode', '2026-12-05 10:00:01 ERROR 获取token失败 errcode=45009 errmsg=reach max api daily quota limit']);
    expect(token.stdout).toMatch(/ {2}1\. The daily quota of \/cgi-bin\/token is used up/);
  });

  it('reads what is piped (a curl answer, a log line) when given no input or -, in place; a secret in it masked in --json', async () => {
    const body = '{\n  "errcode": 40164,\n  "errmsg": "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"\n}\n';
    const r = await runCli(['errcode'], { input: body });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^errcode 40164$/m);
    expect(r.stderr).toContain('Read errcode 40164 from the pasted text');
    const placed = await runCli(['errcode', '40163', '-'], { input: '40029\n' });
    expect(placed.stdout.match(/^errcode \d+$/gm)).toEqual(['errcode 40163', 'errcode 40029']);
    const json = await runCli(['errcode', '--json'], { input: '{"errcode":40001,"access_token":"86_SECRETTOKEN123456789"}' });
    expect(json.stdout).not.toContain('SECRETTOKEN');
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, results: [{ code: 40001 }] });
    // Nothing piped: nothing to explain, and the hint says piping works.
    const none = await runCli(['errcode', '-'], { input: '  \n' });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('or pipe it in (curl … | wxauth errcode)');
  });

  it('finds the code in a coloured log line (pino-pretty, docker logs, a terminal): its escape sequences are not part of the text, argument, piped and --json', async () => {
    const piped = await runCli(['errcode'], { input: '\u001b[33m40163\u001b[39m code been used\n' });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toMatch(/^errcode 40163$/m);
    const arg = await runCli(['errcode', '\u001b[31m40029\u001b[0m']);
    expect(arg.code, arg.stderr).toBe(0);
    expect(arg.stdout.split('\n')[0]).toBe('errcode 40029');
    const zh = await runCli(['--lang', 'zh', 'errcode', '\u001b[31m40029\u001b[0m']);
    expect(zh.stdout.split('\n')[0]).toBe('错误码 40029');
    // A hyperlink (OSC 8), `tput sgr0`'s ESC ( B and a bold red level in a piped log: both codes found.
    const log = 'boot\n\u001b]8;;https://example.com\u0007see\u001b]8;;\u0007 \u001b[1;31mERROR\u001b[0m {"errcode":40163}\nthen \u001b(B\u001b[m{"errcode":40029}\n';
    const logged = await runCli(['errcode', '--json'], { input: log });
    expect(logged.code, logged.stdout).toBe(0);
    expect(parseJson(logged.stdout)).toMatchObject({ ok: true, results: [{ code: 40163 }, { code: 40029 }] });
    expect(logged.stdout).not.toContain('\\u001b');
    // Another control character is no escape sequence: it stays, quoted back escaped, never raw.
    const bell = await runCli(['errcode', '\u001b[31mfoo\u0007bar\u001b[0m']);
    expect(bell.code).toBe(1);
    expect(bell.stderr).toContain('No errcode or error page matches "foo\\x07bar"');
    expect(bell.stderr).not.toContain('\u0007');
  });

  it('reads escape sequences written out as text (a JSON log, a log that escapes control characters, caret notation) as the colours they are', async () => {
    // Each way a log or a JSON string writes ESC: \x1b, \x1B, \u001b, \u{1b}, \033, \e, ^[, and JSON's \\u001b (escaped twice).
    const written = ['\\x1b', '\\x1B', '\\u001b', '\\u{1b}', '\\033', '\\e', '^[', '\\\\u001b'];
    for (const esc of written) {
      const arg = await runCli(['errcode', `${esc}[33m40163${esc}[39m`]);
      expect(arg.code, `${esc}: ${arg.stderr}`).toBe(0);
      expect(arg.stdout.split('\n')[0], esc).toBe('errcode 40163');
      // Bold red, then reset: the 1, 31 and 0 are no codes either.
      const line = await runCli(['errcode', `request failed ${esc}[1;31m40029${esc}[0m invalid code`]);
      expect(line.code, `${esc}: ${line.stderr}`).toBe(0);
      expect(line.stdout.match(/^errcode -?\d+$/gm), esc).toEqual(['errcode 40029']);
    }
    const zh = await runCli(['--lang', 'zh', 'errcode', '\\033[33m40163\\033[0m']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout.split('\n')[0]).toBe('错误码 40163');
    // pino's JSON with a coloured msg, piped: its \u001b is text inside the JSON string.
    const pino = await runCli(['errcode', '--json'], {
      input: '{"level":50,"msg":"\\u001b[31merror\\u001b[39m"}\n{"level":50,"msg":"\\u001b[33m40163\\u001b[39m code been used"}\n',
    });
    expect(pino.code, pino.stdout).toBe(0);
    expect(parseJson(pino.stdout)).toMatchObject({ ok: true, results: [{ code: 40163 }] });
    // A hyperlink (OSC 8) and `tput sgr0`'s ESC ( B written out in a piped log: both codes found, nothing else.
    const log = 'boot \\x1b]8;;https://example.com/40001\\x07see\\x1b]8;;\\x07 \\e[1;31mERROR\\e[0m {"errcode":40163}\nthen \\x1b(B\\x1b[m{"errcode":40029}\n';
    const logged = await runCli(['errcode', '--json'], { input: log });
    expect(logged.code, logged.stdout).toBe(0);
    expect(parseJson(logged.stdout)).toMatchObject({ ok: true, results: [{ code: 40163 }, { code: 40029 }] });
    expect((parseJson(logged.stdout) as { results: unknown[] }).results).toHaveLength(2);
    // What is not a code is quoted back without the written-out colours.
    const none = await runCli(['errcode', '\\x1b[31mfoo bar\\x1b[0m']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No errcode or error page matches "foo bar"');
  });

  it('reads full-width digits (a Chinese input method in full-width mode) as the digits they are, with a note, argument, piped and --json', async () => {
    const zh = await runCli(['errcode', '４００２９'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout.split('\n')[0]).toBe('错误码 40029');
    expect(zh.stderr).toContain('全角数字（４００２９）按半角的 40029 读取');
    expect(zh.stderr).not.toContain('没有找到');
    const en = await runCli(['errcode', '４００２９']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout.split('\n')[0]).toBe('errcode 40029');
    expect(en.stderr).toContain('Read the full-width digits (４００２９) as ASCII 40029');
    // After 错误码 and its full-width colon, in a body piped in, and the full-width minus of -1.
    const labelled = await runCli(['--lang', 'zh', 'errcode', '错误码：４０１６３']);
    expect(labelled.code, labelled.stderr).toBe(0);
    expect(labelled.stdout.split('\n')[0]).toBe('错误码 40163');
    const piped = await runCli(['errcode'], { input: '{"errcode":４００２９}\n' });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.split('\n')[0]).toBe('errcode 40029');
    expect(piped.stderr).toContain('(４００２９) as ASCII 40029');
    const minus = await runCli(['errcode', '－１']);
    expect(minus.code, minus.stderr).toBe(0);
    expect(minus.stdout.split('\n')[0]).toBe('errcode -1');
    expect(minus.stderr).toContain('(－１) as ASCII -1');
    // Several runs, named once each; half-width input has no note.
    const two = await runCli(['errcode', '４００２９', '４２００１，４００２９']);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stderr).toContain('(４００２９, ４２００１) as ASCII 40029, 42001');
    expect((await runCli(['errcode', '40029'])).stderr).toBe('');
    // --json: stderr stays quiet, the document says what was read.
    const json = await runCli(['errcode', '４００２９', '--json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, results: [{ code: 40029 }], fullwidth: [{ typed: '４００２９', read: '40029' }] });
    // A full-width minus after a letter is no sign (it was read as -1 in ａ－１): left as it is, the digit read.
    const words = await runCli(['errcode', 'ａ－１']);
    expect(words.stderr).toContain('Read the full-width digits (１) as ASCII 1');
    expect(words.stderr).not.toContain('-1');
  });

  // The note and the quoted input masked a 32-digit number (an AppSecret of digits only), but the out-of-range
  // line and --json's outOfRange.number printed it whole.
  it('masks a number of an AppSecret\'s length in the out-of-range line and in --json, unless --show-secrets', async () => {
    const secret = '12345678901234567890123456789012';
    for (const typed of [secret, secret.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))]) {
      const r = await runCli(['errcode', typed]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Not an errcode: 1234*** is far outside');
      expect(r.stdout + r.stderr).not.toContain(secret);
      const json = await runCli(['errcode', typed, '--json']);
      expect(json.stdout).not.toContain(secret);
      expect(JSON.parse(json.stdout).unknown[0].outOfRange.number).toBe('1234***');
    }
    expect((await runCli(['errcode', secret, '--show-secrets'])).stderr).toContain(`Not an errcode: ${secret} is far outside`);
  });

  it('names an over-long number by its start and digit count instead of quoting it whole, still saying an errcode has at most 8 digits, argument and piped, en and zh', async () => {
    const number = '9'.repeat(100_000);
    for (const r of [await runCli(['errcode', number]), await runCli(['errcode'], { input: `${number}\n` })]) {
      expect(r.code).toBe(1);
      expect(r.stderr.length).toBeLessThan(2000);
      expect(r.stderr).toContain(`✖ Not an errcode: the number given (100000 digits, starting "${'9'.repeat(80)}…") is far outside WeChat's errcodes, which run from -1000 to 10080002`);
      expect(r.stderr).toContain('an errcode has at most 8 digits');
    }
    const zh = await runCli(['--lang', 'zh', 'errcode', `errcode=-${number}`]);
    expect(zh.code).toBe(1);
    expect(zh.stderr.length).toBeLessThan(2000);
    expect(zh.stderr).toContain(`✖ 给出的数字（100000 位，开头是“-${'9'.repeat(80)}…”）不是错误码：微信的错误码在 -1000 到 10080002 之间`);
    expect(zh.stderr).toContain('错误码最多 8 位');
    // A number of 80 digits or fewer is still named whole (masked, as it holds an AppSecret's shape, unless --show-secrets).
    const short = await runCli(['errcode', '1'.repeat(80), '--show-secrets']);
    expect(short.stderr).toContain(`✖ Not an errcode: ${'1'.repeat(80)} is far outside`);
    expect((await runCli(['errcode', '1'.repeat(80)])).stderr).toContain('✖ Not an errcode: 1111*** is far outside');
  });

  it('names a piped log with no errcode in it by its start and size, instead of quoting it back whole', async () => {
    const log = Array.from({ length: 600 }, (_, i) => `2026-12-01 10:00:00 INFO GET /index handled in 3 ms request ${i + 1}`).join('\n');
    const r = await runCli(['errcode'], { input: log });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No errcode or error page found in the text given (600 lines');
    expect(r.stderr).toContain('starting "2026-12-01 10:00:00 INFO GET /index handled in 3 ms request 1 …"');
    expect(r.stderr).not.toContain('request 2');
    expect(r.stderr.length).toBeLessThan(2000);
    const zh = await runCli(['--lang', 'zh', 'errcode'], { input: 'INFO ok\nINFO fine\n' });
    expect(zh.stderr).toContain('给出的内容（2 行');
    // One short line is still quoted as it was typed.
    const word = await runCli(['errcode', 'frobnicate']);
    expect(word.stderr).toContain('No errcode or error page matches "frobnicate"');
  });

  describe('a piped log with several errcodes (tail -n 200 app.log | wxauth errcode)', () => {
    const LOG = [
      '2026-12-01 10:00:01 ERROR oauth exchange failed {"errcode":40163,"errmsg":"code been used, rid: 1"}',
      '2026-12-01 10:00:05 ERROR userinfo failed {"errcode":48001,"errmsg":"api unauthorized"}',
      '2026-12-01 10:00:07 INFO quota {"errcode":0,"errmsg":"ok"} listening on port 45009',
      '2026-12-01 10:00:09 ERROR token {"errcode":40164,"errmsg":"invalid ip 1.2.3.4, not in whitelist"}',
      '2026-12-01 10:00:12 ERROR token errcode=40164 errmsg=invalid ip 5.6.7.8, not in whitelist',
      '',
    ].join('\n');
    const titles = (stdout: string) => stdout.match(/^(?:errcode|错误码) -?\d+$/gm);

    it('explains each errcode once, in the order first seen, after a line saying which, how often and where; 0 is not explained', async () => {
      const r = await runCli(['errcode'], { input: LOG });
      expect(r.code, r.stderr).toBe(0);
      expect(titles(r.stdout)).toEqual(['errcode 40163', 'errcode 48001', 'errcode 40164']);
      const notes = r.stderr.split('\n');
      expect(notes[0]).toBe('Found 3 errcodes in the piped text: 40163 (line 1), 48001 (line 2), 40164 ×2 (line 4)');
      expect(notes[1]).toBe('errcode 0 (line 3) is a success, not an error: not explained');
      expect(r.stderr).toContain('Read errcode 48001 from line 2 of the piped text');
      // Each with the errmsg of its first line, apart as several inputs are.
      expect(r.stdout).toMatch(/errmsg {5}code been used, rid: 1\n/);
      expect(r.stdout).toMatch(/Caller IP {2}1\.2\.3\.4 \(whitelist this one\)/);
      expect(r.stdout).not.toContain('5.6.7.8');
      expect(r.stdout).toMatch(/\n\nerrcode 48001\n/);
      expect(r.stderr).not.toContain('Read errcode 40163 from the pasted text');
    });

    it('says so in Chinese', async () => {
      const r = await runCli(['--lang', 'zh', 'errcode'], { input: LOG });
      expect(titles(r.stdout)).toEqual(['错误码 40163', '错误码 48001', '错误码 40164']);
      expect(r.stderr).toContain('管道传入的内容里有 3 个错误码：40163（第 1 行）、48001（第 2 行）、40164 ×2（首次在第 4 行）');
      expect(r.stderr).toContain('errcode 0（第 3 行）表示调用成功，不是错误，不作解释');
      expect(r.stderr).toContain('从管道传入内容的第 2 行读出 errcode 48001');
    });

    it('the same code on several lines: one explanation and its count', async () => {
      const r = await runCli(['errcode'], { input: 'ERROR {"errcode":40029,"errmsg":"invalid code"}\nERROR {"errcode":40029,"errmsg":"invalid code"}\n' });
      expect(titles(r.stdout)).toEqual(['errcode 40029']);
      expect(r.stderr.split('\n')[0]).toBe('Found 1 errcode in the piped text: 40029 ×2 (line 1)');
      // Only successes: said as one errcode 0 alone is (not an error), once.
      const ok = await runCli(['errcode'], { input: '{"errcode":0,"errmsg":"ok"}\n{"errcode":0,"errmsg":"ok"}\n' });
      expect(titles(ok.stdout)).toEqual(['errcode 0']);
      expect(ok.stdout).toContain('Not an error: the call succeeded.');
    });

    it('explains the first 10 codes, names the rest with how to explain one', async () => {
      const many = [40001, 40002, 40003, 40013, 40029, 40125, 40163, 40164, 41001, 41002, 42001, 45009, 48001, 45009];
      const r = await runCli(['errcode'], { input: many.map((c) => `ERROR {"errcode":${c},"errmsg":"x"}`).join('\n') });
      expect(r.code).toBe(0);
      expect(titles(r.stdout)).toEqual(many.slice(0, 10).map((c) => `errcode ${c}`));
      expect(r.stderr.split('\n')[0]).toBe(
        'Found 13 errcodes in the piped text: 40001 (line 1), 40002 (line 2), 40003 (line 3), 40013 (line 4), 40029 (line 5), 40125 (line 6), 40163 (line 7), 40164 (line 8), 41001 (line 9), 41002 (line 10), …',
      );
      expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
        '3 more not explained (only the first 10 are): 42001 (line 11), 45009 ×2 (line 12), 48001 (line 13). Explain one: wxauth errcode 42001',
      );
      const zh = await runCli(['--lang', 'zh', 'errcode'], { input: many.map((c) => `ERROR {"errcode":${c},"errmsg":"x"}`).join('\n') });
      expect(zh.stderr).toContain('另有 3 个错误码没有解释（只解释前 10 个）：42001（第 11 行）、45009 ×2（首次在第 12 行）、48001（第 13 行）。逐个解释：wxauth errcode 42001');
    });

    it('one errcode in a longer text: read from its own line (not an errmsg, path or rid of another line); --json quotes that line', async () => {
      const log = 'line A ... {"errcode":40163,"errmsg":"code been used, rid: 1"}\nline B POST /cgi-bin/message/custom/send failed, errmsg other, rid: 2\n';
      const r = await runCli(['errcode'], { input: log });
      expect(r.code, r.stderr).toBe(0);
      expect(titles(r.stdout)).toEqual(['errcode 40163']);
      expect(r.stderr.split('\n')[0]).toBe('Read errcode 40163 from line 1 of the piped text');
      expect(r.stderr).not.toContain('Found 1 errcode');
      expect(r.stdout).not.toContain('/cgi-bin/message');
      expect(r.stdout).toMatch(/^Stage {6}exchanging \/ refreshing the user token$/m);
      expect(r.stdout).toMatch(/^rid {8}1$/m);
      const zh = await runCli(['--lang', 'zh', 'errcode'], { input: log });
      expect(zh.stderr.split('\n')[0]).toBe('从管道传入内容的第 1 行读出 errcode 40163');
      expect(zh.stdout).not.toContain('/cgi-bin/message');
      const json = await runCli(['errcode', '--json'], { input: log });
      expect(json.stderr).toBe('');
      const doc = parseJson(json.stdout) as { results: Array<Record<string, unknown>> };
      expect(doc).toMatchObject({ ok: true, unknown: [], more: [] });
      expect(doc.results).toHaveLength(1);
      expect(doc.results[0]).toMatchObject({ code: 40163, line: 1, count: 1, rid: '1', input: 'line A ... {"errcode":40163,"errmsg":"code been used, rid: 1"}' });
      expect(doc.results[0]).not.toHaveProperty('endpoint');
      // A body PHP's print_r dumped a key a line: its errmsg and rid are on the line after its code.
      const php = await runCli(['errcode'], { input: 'Array\n(\n    [errcode] => 40001\n    [errmsg] => invalid credential rid: 6392f3df-1a2b3c4d-5e6f7a8b\n)\n' });
      expect(php.stderr).toContain('Read errcode 40001 from line 3 of the piped text');
      expect(php.stdout).toMatch(/^rid {8}6392f3df-1a2b3c4d-5e6f7a8b$/m);
      // A body alone, on one line or pretty-printed, is still read whole, as pasted.
      for (const body of ['{"errcode":40163,"errmsg":"code been used"}\n', '{\n  "errcode": 40163,\n  "errmsg": "code been used"\n}\n']) {
        const whole = await runCli(['errcode', '--json'], { input: body });
        expect(parseJson(whole.stdout)).toEqual(expect.not.objectContaining({ more: expect.anything() }));
        expect((await runCli(['errcode'], { input: body })).stderr).toContain('Read errcode 40163 from the pasted text');
      }
    });

    it('curl -v 2>&1: the one request line names the endpoint of the answer below it; two different calls name none', async () => {
      const secret = '0123456789abcdef0123456789abcdef';
      const curl = [
        '*   Trying 1.2.3.4:443...',
        `> GET /sns/oauth2/access_token?appid=wx1&secret=${secret}&code=abc&grant_type=authorization_code HTTP/1.1`,
        '> Host: api.weixin.qq.com',
        '>',
        '< HTTP/1.1 200 OK',
        '<',
        '{"errcode":40163,"errmsg":"code been used, rid: 6392f3df-1a2b3c4d-5e6f7a8b"}',
      ].join('\n');
      const r = await runCli(['errcode'], { input: curl });
      expect(r.stderr).toContain('Read errcode 40163 from line 7 of the piped text');
      expect(r.stdout).toMatch(/^Endpoint {3}\/sns\/oauth2\/access_token$/m);
      expect(r.stdout + r.stderr).not.toContain(secret);
      const json = parseJson((await runCli(['errcode', '--json'], { input: curl })).stdout) as { results: Array<Record<string, unknown>> };
      expect(json.results[0]).toMatchObject({ code: 40163, endpoint: '/sns/oauth2/access_token', line: 7 });
      const two = await runCli(['errcode', '--json'], { input: `> GET /cgi-bin/token?grant_type=client_credential HTTP/1.1\n${curl}` });
      expect((parseJson(two.stdout) as { results: Array<Record<string, unknown>> }).results[0]).not.toHaveProperty('endpoint');
      // --endpoint given: it wins.
      const given = await runCli(['errcode', '--json', '--endpoint', '/sns/userinfo'], { input: curl });
      expect((parseJson(given.stdout) as { results: Array<Record<string, unknown>> }).results[0]).toMatchObject({ endpoint: '/sns/userinfo' });
    });

    it('a host named on other lines (curl -v 2>&1) selects the WeCom table when it is the only one named; not when both are', async () => {
      const curl = [
        '> GET /cgi-bin/gettoken?corpid=ww1 HTTP/1.1',
        '> Host: qyapi.weixin.qq.com',
        '< HTTP/1.1 200 OK',
        '{"errcode":40013,"errmsg":"invalid corpid"}',
        'ERROR errcode=40014 errmsg=invalid access_token',
      ].join('\n');
      const r = await runCli(['errcode'], { input: curl });
      expect(r.stdout.match(/^errcode \d+ · WeCom$/gm)).toEqual(['errcode 40013 · WeCom', 'errcode 40014 · WeCom']);
      expect(r.stdout).toContain("The piped text names WeCom's host (qyapi.weixin.qq.com) and no WeChat API host, so this is explained from the WeCom table");
      expect(r.stdout).not.toMatch(/^Meaning +invalid appid/m);
      const zh = await runCli(['--lang', 'zh', 'errcode'], { input: curl });
      expect(zh.stdout).toContain('管道传入的内容里出现的是企业微信的域名（qyapi.weixin.qq.com），没有公众号接口的域名，按企业微信错误码表解释');
      const json = parseJson((await runCli(['errcode', '--json'], { input: curl })).stdout) as { results: Array<{ code: number; table: string }> };
      expect(json.results.map(({ code, table }) => ({ code, table }))).toEqual([{ code: 40013, table: 'wecom' }, { code: 40014, table: 'wecom' }]);
      // Both families named: nothing is guessed, each code is read from its own line as before.
      const both = await runCli(['errcode'], { input: `GET https://api.weixin.qq.com/cgi-bin/token ok\n${curl}` });
      expect(both.stdout.match(/^errcode \d+$/gm)).toEqual(['errcode 40013', 'errcode 40014']);
      expect(both.stdout).not.toContain('names WeCom');
    });

    it('a log longer than what is read: says it was cut, and what came after is not counted', async () => {
      const line = 'INFO GET /api/orders 200 ok ' + 'x'.repeat(70) + '\n';
      const input = `ERROR {"errcode":40029,"errmsg":"invalid code"}\n${line.repeat(11_000)}ERROR {"errcode":40163,"errmsg":"code been used"}\nERROR {"errcode":40029}\n`;
      const r = await runCli(['errcode'], { input });
      expect(r.stderr).toContain('Only the first 1,048,576 characters of the piped text were read, not the rest; pipe the part to read, e.g. tail -n 1000 app.log | wxauth errcode');
      expect(r.stdout.match(/^errcode \d+$/gm)).toEqual(['errcode 40029']);
      const zh = await runCli(['--lang', 'zh', 'errcode', '--json'], { input });
      expect(zh.stderr).toBe('');
      expect(parseJson(zh.stdout)).toMatchObject({ cut: 1_048_576, results: [{ code: 40029 }] });
    });

    it('--json: an entry per code with its count and first line, the rest in more, the success apart; secrets masked', async () => {
      const secret = '0123456789abcdef0123456789abcdef';
      const input = `ERROR https://api.weixin.qq.com/cgi-bin/token?appid=wx1&secret=${secret} {"errcode":40164,"errmsg":"invalid ip 1.2.3.4, not in whitelist"}\n${LOG}`;
      const r = await runCli(['errcode', '--json'], { input });
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toContain(secret);
      const doc = parseJson(r.stdout) as { results: Array<Record<string, unknown>>; unknown: unknown[]; more: unknown[]; success: unknown };
      expect(doc.results.map(({ code, count, line }) => ({ code, count, line }))).toEqual([
        { code: 40164, count: 3, line: 1 },
        { code: 40163, count: 1, line: 2 },
        { code: 48001, count: 1, line: 3 },
      ]);
      expect(doc.results[0]).toMatchObject({ match: 'body', ip: '1.2.3.4', input: expect.stringContaining('secret=0123***') });
      expect(doc).toMatchObject({ ok: true, unknown: [], more: [], success: { code: 0, count: 1, line: 4 } });
      // Several inputs given as arguments: the same document, without a log's fields.
      const args = parseJson((await runCli(['errcode', '--json', '40163', '48001'])).stdout);
      expect(Object.keys(args)).toEqual(['ok', 'results', 'unknown']);
      expect(args.results).toEqual([expect.not.objectContaining({ line: expect.anything() }), expect.not.objectContaining({ count: expect.anything() })]);
    });
  });

  it.each([
    [['errcode'], 'Nothing to explain'],
    [['errcode', '--stage', 'nope'], 'Unknown stage: nope'],
    [['errcode', '40029', '--list'], '--list cannot be combined'],
  ])('usage errors exit 2 with a hint: %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});

describe('wxauth errcode loads no network or prompt modules', () => {
  let nodeOptions = '';
  beforeAll(() => {
    // A preload that refuses the modules errcode must never load; if one is required, the command
    // fails instead of quietly paying for it. The CLI bundle is CommonJS (scripts/bundle.mjs), so every
    // module it loads is resolved by Module._resolveFilename.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-errcode-hooks-'));
    fs.writeFileSync(
      path.join(dir, 'refuse.cjs'),
      `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolve.apply(this, args);
  if (/[\\/]node_modules[\\/](undici|@inquirer|qrcode-terminal)[\\/]/.test(file)) throw new Error('errcode loaded a forbidden module: ' + file);
  return file;
};
`,
    );
    nodeOptions = `--require=${path.join(dir, 'refuse.cjs')}`;
  });

  it.each([[['errcode', '40029']], [['errcode', BODY_40164, 'whitelist', '99999']], [['errcode', '--list']]])(
    '%j',
    async (args) => {
      const r = await runSpawned(args, { env: { NODE_OPTIONS: nodeOptions } });
      expect(r.stderr).not.toContain('forbidden module');
      expect(r.code === 0 || r.code === 1).toBe(true);
    },
  );

  it('the hook does refuse a forbidden module (so the checks above can fail)', () => {
    const r = spawnSync(process.execPath, ['-e', "require('undici')"], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: nodeOptions },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('forbidden module');
  });
});

describe('the explanation other commands print when WeChat answers with an errcode', () => {
  it('exchange with a bad code against the emulator: compact explanation on stderr, exit 3', async () => {
    const emu = await startEmulator();
    try {
      const r = await runCli(['exchange', '061eY9xX08tQu02IH4wX05BjxX0eY9xA'], {
        env: {
          WXAUTH_APPID: DEFAULT_APPIDS.service,
          WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de00000001',
          WXAUTH_API_BASE: emu.url,
          WXAUTH_OPEN_BASE: emu.url,
        },
      });
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('errcode 40029  invalid code');
      expect(r.stderr).toMatch(/Likely causes \(most likely first\)\n {2}1\. The code expired: 5 minutes/);
      expect(r.stderr).toContain('Full explanation: wxauth errcode 40029');
    } finally {
      await emu.close();
    }
  });
});

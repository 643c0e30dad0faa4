// zh is complete (issue 12 item 10): commander's help titles and its errors, the emulator's app
// table, and the joins between sentences are Chinese in zh; English stays as it was.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const zh = (args: string[], timeoutMs?: number) => runCli(['--lang', 'zh', ...args], { timeoutMs });

describe('commander in zh', () => {
  it('help titles: 用法/选项/命令, and the help command described in Chinese', async () => {
    const top = await zh(['--help']);
    expect(top.code).toBe(0);
    for (const word of ['Usage:', 'Options:', 'Commands:', 'display help for command']) expect(top.stdout).not.toContain(word);
    expect(top.stdout).toMatch(/^用法：wxauth /m);
    expect(top.stdout).toMatch(/^选项：$/m);
    expect(top.stdout).toMatch(/^命令：$/m);
    const sub = await zh(['exchange', '--help']);
    expect(sub.stdout).toMatch(/^用法：wxauth exchange /m);
    expect(sub.stdout).toMatch(/^选项：$/m);
    expect(sub.stdout).not.toMatch(/Usage:|Options:/);
    const en = await runCli(['--help']);
    expect(en.stdout).toMatch(/^Usage: wxauth /m);
    expect(en.stdout).toMatch(/^Commands:$/m);
  });

  it('errors: unknown option with its suggestion, unknown command, missing and excess arguments', async () => {
    const unknown = await zh(['url', '--scpoe', 'snsapi_base']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知选项 --scpoe');
    expect(unknown.stderr).toContain('是不是想用 --scope');
    expect(unknown.stderr).not.toMatch(/unknown option|Did you mean/);

    const command = await zh(['exchnage', 'x']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('未知命令 exchnage');
    expect(command.stderr).toContain('是不是想用 exchange');

    const missing = await zh(['exchange']);
    expect(missing.code).toBe(2);
    // The argument said as the user knows it, its declared name kept for the help page.
    expect(missing.stderr).toContain('缺少必需的参数 <code-or-callback-url>（code 或带 code 的回调地址）');
    expect(missing.stderr).not.toContain('missing required argument');
    // The hint names the command whose help to read (it said "wxauth <命令> --help", a placeholder).
    expect(missing.stderr).toContain('运行 wxauth exchange --help 查看用法和示例');
    expect(command.stderr).toContain('运行 wxauth --help 查看用法和示例');
    const sub = await zh(['jssdk', 'singn']);
    expect(sub.stderr).toContain('运行 wxauth jssdk --help');
    expect(sub.stderr).not.toMatch(/‹|<命令>/);

    const excess = await zh(['inspect', 'a', 'b']);
    expect(excess.code).toBe(2);
    expect(excess.stderr).toContain('参数过多');
    expect(excess.stderr).not.toContain('too many arguments');
    // The upstream given as an argument: the hint names the flag it goes with, nothing is started.
    const upstream = await zh(['proxy', 'http://127.0.0.1:3900']);
    expect(upstream.code).toBe(2);
    expect(upstream.stderr).toContain('wxauth proxy --upstream http://127.0.0.1:3900');
    expect((await runCli(['proxy', 'http://127.0.0.1:3900'])).stderr).toContain('The address the proxy forwards to is given with --upstream');
    // The operand itself, not a flag's value elsewhere on the line; an operand that is no address gets the usual hint.
    expect((await runCli(['--api-base', 'http://127.0.0.1:3900', 'proxy', '127.0.0.1:3999'])).stderr).toContain('wxauth proxy --upstream http://127.0.0.1:3999 (');
    expect((await runCli(['proxy', '--upstream', 'http://127.0.0.1:3900', '3901'])).stderr).toContain('Run wxauth proxy --help');

    const value = await zh(['url', '--scope']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--scope <scope> 缺少值');

    const enMissing = await runCli(['inspect']);
    expect(enMissing.stderr).toContain('missing required argument <url> (the URL to check)');
    expect(enMissing.stderr).toContain('Run wxauth inspect --help');

    const en = await runCli(['url', '--scpoe', 'x']);
    expect(en.stderr).toContain("unknown option '--scpoe'");
    expect(en.stderr).toContain('Did you mean --scope?');
  });
});

describe('help, --lang and the words users type', () => {
  it('every required argument has a label in both languages', async () => {
    const { COMMANDS } = await import('../../src/cli.js');
    const { tOptional } = await import('../../src/ui/i18n.js');
    const declared = COMMANDS.flatMap((c) => [c.args ?? '', ...(c.subcommands ?? []).map((s) => s.args ?? '')]);
    const required = [...new Set(declared.flatMap((a) => [...a.matchAll(/<([^>.]+)(?:\.\.\.)?>/g)].map((m) => m[1]!)))];
    expect(required.length).toBeGreaterThan(5);
    for (const name of required) for (const lang of ['zh', 'en'] as const) expect(tOptional(lang, `common.arg.${name}`), `${lang} ${name}`).toBeDefined();
  });

  it('`help <command>` is `<command> --help`, also under --json; an unknown name is an unknown command', async () => {
    const help = await zh(['help', 'url']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法：wxauth url /m);
    const json = await runCli(['--json', 'help', 'url']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, help: expect.stringMatching(/^Usage: wxauth url /) });
    const sub = await runCli(['jssdk', 'help', 'sign']);
    expect(sub.stdout).toMatch(/^Usage: wxauth jssdk sign /m);
    const unknown = await zh(['help', 'urll']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令 urll');
    expect(unknown.stderr).toContain('是不是想用 url');
    expect(unknown.stdout).not.toContain('用法');
  });

  it('a group without its subcommand says which subcommands it has', async () => {
    const r = await runCli(['--json', '--lang', 'zh', 'config']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { error: { message: string; hint: string } };
    expect(doc.error.message).toBe('wxauth config 后面要跟一个子命令：set、get、unset、list、path。');
    expect(doc.error.hint).toContain('wxauth config --help');
  });

  it('--lang takes what Chinese and English users type: zh_CN, zh-CN, cn, en_US', async () => {
    for (const value of ['zh_CN', 'zh-CN', 'cn', 'ZH']) {
      const r = await runCli(['--lang', value, 'errcode', '40029'], { env: { LANG: 'en_US.UTF-8' } });
      expect(r.code, value).toBe(0);
      expect(r.stdout, value).toMatch(/^错误码 40029/m);
    }
    const en = await runCli(['--lang=en_US', 'errcode', '40029'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.stdout).toMatch(/^errcode 40029/m);
    const bad = await runCli(['--lang', 'fr', 'errcode', '40029']);
    expect(bad.code).toBe(2);
  });

  it("a command whose own --lang is WeChat's shows the interface language the user asked for", async () => {
    const r = await zh(['url', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wxauth --lang zh url');
    const user = await runCli(['user', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M', '--lang', 'en_US']);
    expect(user.stderr).toContain('wxauth --lang en user');
  });
});

describe('zh output', () => {
  it("the emulator's app table has Chinese headers", async () => {
    const r = await zh(['emulator', '--port', '0'], 2500);
    expect(r.stderr).toMatch(/类型\s+appid\s+secret\s+域名\s+名称/);
    expect(r.stderr).not.toMatch(/^type\s+appid/m);
  });

  it('no space between a full-width mark and what follows, in an explained errcode', async () => {
    const r = await zh(['errcode', '--list']);
    expect(r.code).toBe(0);
    const ex = await zh(['errcode', '40029']);
    expect(ex.stdout + ex.stderr).not.toMatch(/[，。：；！？、）] +[（\u4e00-\u9fff]/);
    expect(ex.stdout + ex.stderr).not.toMatch(/[\u4e00-\u9fff] （/);
  });
});

describe('--lang after url / userinfo / user, whose own --lang is WeChat’s', () => {
  const en = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  it('a UI language their own option does not take is the user’s: the help and the refusal in Chinese', async () => {
    const help = await runCli(['url', '--help', '--lang', 'zh'], { env: en });
    expect(help.stdout).toMatch(/^用法：wxauth url/);
    const refused = await runCli(['url', '--lang', 'zh'], { env: en });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('✖ --lang 的值 zh 无效（这里指微信扫码页面的语言）。');
    const userinfo = await runCli(['userinfo', '--lang', 'zh'], { env: en });
    expect(userinfo.stderr).toContain('userinfo 的 --lang 不支持 "zh"');
  });

  it('a value their own option takes stays theirs: the UI keeps the environment’s language', async () => {
    const help = await runCli(['url', '--help', '--lang', 'en'], { env: { ...en, LANG: 'zh_CN.UTF-8' } });
    expect(help.stdout).toMatch(/^用法：wxauth url/);
    const userinfo = await runCli(['userinfo', '--help', '--lang', 'zh_CN'], { env: en });
    expect(userinfo.stdout).toMatch(/^Usage: wxauth userinfo/);
    const traditional = await runCli(['userinfo', '--help', '--lang', 'zh_TW'], { env: en });
    expect(traditional.stdout).toMatch(/^Usage: wxauth userinfo/);
  });

  it('zh_TW / zh-Hant as the interface language is Chinese, as LANG=zh_TW is', async () => {
    for (const value of ['zh_TW', 'zh-Hant', 'zh_HK']) {
      const r = await runCli(['--lang', value, 'errcode', '40029'], { env: en });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('不合法的 oauth_code');
    }
  });
});

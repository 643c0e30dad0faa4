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
    expect(missing.stderr).toContain('缺少必需的参数 code-or-callback-url');
    expect(missing.stderr).not.toContain('missing required argument');

    const excess = await zh(['inspect', 'a', 'b']);
    expect(excess.code).toBe(2);
    expect(excess.stderr).toContain('参数过多');
    expect(excess.stderr).not.toContain('too many arguments');

    const value = await zh(['url', '--scope']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--scope <scope> 缺少值');

    const en = await runCli(['url', '--scpoe', 'x']);
    expect(en.stderr).toContain("unknown option '--scpoe'");
    expect(en.stderr).toContain('Did you mean --scope?');
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

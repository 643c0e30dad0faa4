// wxauth init as a user meets it (issue 12 items 1, 4, 5): without a terminal it never replaces an
// existing profile unless told to (--yes); on a terminal it asks, and an empty secret keeps the one
// saved; the wizard never accepts a value it will then refuse; a subscription account is told what
// was not saved and why; the next-step hint fits the account type.
// Most cases run in-process: flags through runCli, the wizard through the command registry with
// scripted answers that go through the prompts' own validate(), as @inquirer/prompts does. Two cases
// type into a real terminal (tmux on a socket of our own) with the built CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { CancelledError, EXIT, UsageError } from '../../src/errors.js';
import { createContext } from '../../src/runtime.js';
import type { Prompts } from '../../src/ui/prompt.js';
import { Output } from '../../src/ui/output.js';
import { BIN, ROOT, parseJson, runCli, tempConfigDir } from './helpers.js';

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';
const OTHER_SECRET = 'fedcba9876543210fedcba9876543210';
const SERVICE = ['--type', 'service', '--appid', APPID, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/wechat/callback'];

const readConfig = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as {
  currentProfile?: string;
  profiles: Record<string, Record<string, string>>;
};

// --- the wizard, in-process -------------------------------------------------------------------------

type Answer = string | boolean;

interface Asked {
  kind: 'input' | 'password' | 'select' | 'confirm';
  message: string;
  default?: string | boolean;
  /** What validate() said about each answer it refused. */
  refused: string[];
  /** What the prompt line shows of each answer typed (its transformer's, as @inquirer/prompts draws it). */
  shown: string[];
}

/**
 * Prompts that take their answers from a list, in order. input/password answers go through the
 * prompt's validate() like a real prompt: a refused answer is recorded and the next one is typed.
 * An empty input answer takes the default, as @inquirer/prompts does. Running out of answers
 * means the wizard kept asking (the trap this guards against), and fails the test.
 */
function scripted(answers: Answer[], asked: Asked[]): Prompts {
  const next = (what: string): Answer => {
    if (answers.length === 0) throw new Error(`no answer left for: ${what} (asked so far: ${JSON.stringify(asked)})`);
    return answers.shift() as Answer;
  };
  const text = async (kind: 'input' | 'password', o: { message: string; default?: string; validate?: (v: string) => true | string; transformer?: (v: string, s: { isFinal: boolean }) => string }) => {
    const entry: Asked = { kind, message: o.message, default: o.default, refused: [], shown: [] };
    asked.push(entry);
    for (;;) {
      let value = String(next(o.message));
      entry.shown.push(o.transformer ? o.transformer(value, { isFinal: false }) : value);
      if (value === '' && o.default !== undefined) value = o.default;
      const verdict = o.validate ? o.validate(value) : true;
      if (verdict === true) return value;
      entry.refused.push(verdict);
    }
  };
  return {
    input: (o) => text('input', o),
    password: (o) => text('password', o),
    select: async (o) => {
      asked.push({ kind: 'select', message: o.message, default: o.default, refused: [], shown: [] });
      return next(o.message) as never;
    },
    confirm: async (o) => {
      asked.push({ kind: 'confirm', message: o.message, default: o.default, refused: [], shown: [] });
      return next(o.message) as boolean;
    },
  };
}

function terminal(dir: string, answers: Answer[], globals: Record<string, unknown> = {}, lang: 'en' | 'zh' = 'en') {
  let stdout = '';
  let stderr = '';
  const out = new Output({ lang, json: false, color: false, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  const asked: Asked[] = [];
  const base = createContext({
    lang,
    out,
    globals,
    env: { WXAUTH_CONFIG_DIR: dir },
    interactive: true,
    signal: new AbortController().signal,
    stdin: process.stdin,
    promptOutput: () => process.stderr,
  });
  const ctx: Context = { ...base, prompts: async () => scripted(answers, asked) };
  return { ctx, asked, answers, stdout: () => stdout, stderr: () => stderr };
}

function init(ctx: Context, opts: Record<string, unknown> = {}) {
  const command = COMMANDS.find((c) => c.name === 'init')!;
  return command.execute({ args: [], opts }, ctx);
}

async function seedProfile(dir: string, extra: string[] = []) {
  const r = await runCli(['init', ...SERVICE, '--secret', SECRET, ...extra], { env: { WXAUTH_CONFIG_DIR: dir } });
  expect(r.code, r.stderr).toBe(0);
}

describe('init on an existing profile (issue 12 item 1)', () => {
  it('without a terminal and without --yes: exit 2, says what exists and how to replace it or use another profile; nothing changes', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['init', '--type', 'test', '--appid', 'wxaaaaaaaaaaaaaaaa', '--secret', OTHER_SECRET, '--domain', '1.2.3.4:8080', '--redirect-uri', 'http://1.2.3.4:8080/cb'], {
      env: { WXAUTH_CONFIG_DIR: dir },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"default" already exists');
    expect(r.stderr).toContain(APPID);
    expect(r.stderr).toContain('--yes');
    expect(r.stderr).toContain('--profile');
    expect(r.stderr).not.toContain(SECRET);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // It said only "add --yes", and the refused --domain or --appid came out once --yes was added: a run more.
  it('without a terminal and without --yes: refused values are said first, then that the profile exists, in one run (en, zh, --json); nothing written, the secret never echoed', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    await seedProfile(dir);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const domain = await runCli(['init', ...SERVICE, '--secret', OTHER_SECRET, '--domain', 'https://x.com:8080/cb'], { env });
    expect(domain.code).toBe(2);
    expect(domain.stdout).toBe('');
    const lines = domain.stderr.split('\n');
    expect(lines[0]).toBe('✖ --domain: "https://x.com:8080/cb" is a whole URL; only its host goes here.');
    // The --domain's fix under it; the "Also:" line carries its own (--yes), so no hint follows it.
    expect(lines[1]).toMatch(/^→ Without the scheme, the port and the path/);
    expect(lines[2]).toMatch(/^✖ Also: Profile "default" already exists \(service, appid wx1234567890abcdef\) in .*config\.json\. Add --yes to replace it \(its secret included\)/);
    expect(lines.slice(3).join('')).toBe('');
    // Both refusals of the values given, then the profile: one run says all three.
    const both = await runCli(['init', ...SERVICE, '--secret', OTHER_SECRET, '--appid', SECRET, '--domain', 'https://x.com:8080/cb', '--lang', 'zh'], { env });
    expect(both.code).toBe(2);
    const zh = both.stderr.split('\n');
    expect(zh[0]).toMatch(/^✖ --appid：这是 32 位十六进制，看起来是 AppSecret，不是 appid（为免泄露不显示它）/);
    expect(zh[1]).toMatch(/^→ /);
    expect(zh[2]).toMatch(/^✖ 另外：--domain："https:\/\/x\.com:8080\/cb" 是完整网址，这里只填主机名。/);
    expect(zh[3]).toMatch(/^✖ 另外：profile "default" 已存在（service，appid wx1234567890abcdef），位于 .*config\.json。加 --yes 替换它（包括 AppSecret）/);
    expect(zh.slice(4).join('')).toBe('');
    const json = await runCli(['init', ...SERVICE, '--secret', OTHER_SECRET, '--appid', SECRET, '--json'], { env });
    expect(json.code).toBe(2);
    const doc = parseJson(json.stdout) as { error: { message: string; also: string[] } };
    expect(doc.error.message).toContain('--appid');
    expect(doc.error.also.at(-1)).toContain('Profile "default" already exists');
    for (const r of [domain, both, json]) {
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.stdout + r.stderr).not.toContain(OTHER_SECRET);
    }
    // Every value right: the profile's refusal alone, as before.
    const right = await runCli(['init', ...SERVICE, '--secret', OTHER_SECRET], { env });
    expect(right.code).toBe(2);
    expect(right.stderr).toMatch(/^✖ Profile "default" already exists/);
    expect(right.stderr).not.toContain('Also:');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('--json: one document with the usage error', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const r = await runCli(['init', ...SERVICE, '--secret', OTHER_SECRET, '--json'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(2);
    expect(parseJson(r.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
  });

  it('with --yes: replaced, secret included', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const r = await runCli(['init', ...SERVICE, '--secret', OTHER_SECRET, '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(readConfig(dir).profiles.default?.secret).toBe(OTHER_SECRET);
  });

  it('another --profile is a new profile: no question, no refusal', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const r = await runCli(['init', '--profile', 'staging', ...SERVICE, '--secret', OTHER_SECRET], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(readConfig(dir).profiles.default?.secret).toBe(SECRET);
  });

  it('on a terminal: asks first; "no" is CancelledError (exit 130) and nothing changes', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const t = terminal(dir, [false]);
    const error = await init(t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).exitCode).toBe(EXIT.cancelled);
    expect(t.asked.map((a) => a.kind)).toEqual(['confirm']);
    expect(t.asked[0]?.message).toContain('"default"');
    expect(t.asked[0]?.message).toContain(APPID);
    expect(t.asked[0]?.default).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('on a terminal, an AppSecret typed as --secret is said to stay in the shell history, with the piped form; piped (--secret -) or without a terminal: not', async () => {
    const flags = { type: 'service', appid: APPID, secret: SECRET, domain: 'www.example.com', redirectUri: 'https://www.example.com/cb', yes: true };
    const t = terminal(tempConfigDir(), []);
    expect(await init(t.ctx, flags)).toBe(EXIT.ok);
    expect(t.stderr()).toContain('The AppSecret was typed on the command line, so it stays in your shell’s history (and showed in ps while this ran). Next time pipe it: printf %s "$WX_SECRET" | wxauth init … --secret -');
    const zh = terminal(tempConfigDir(), [], {}, 'zh');
    expect(await init(zh.ctx, flags)).toBe(EXIT.ok);
    expect(zh.stderr()).toContain('AppSecret 写在命令行里，会留在 shell 的历史记录中');
    const script = await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(script.code, script.stderr).toBe(0);
    expect(script.stderr).not.toContain('history');
    const piped = await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', '-', '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() }, input: SECRET + '\n' });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr).not.toContain('history');
    // config set secret at a terminal: the same note, with config set's piped form.
    const config = COMMANDS.find((c) => c.name === 'config')!;
    const set = terminal(tempConfigDir(), []);
    expect(await init(set.ctx, flags)).toBe(EXIT.ok);
    const before = set.stderr().length;
    expect(await config.execute({ sub: 'set', args: ['secret', OTHER_SECRET], opts: {} }, set.ctx)).toBe(EXIT.ok);
    expect(set.stderr().slice(before)).toContain('Next time pipe it: printf %s "$WX_SECRET" | wxauth config set secret -.');
  });

  it('on a terminal: a refused flag is said before "Replace it?" is asked, not after it was answered; nothing changes', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    for (const [opts, key] of [
      [{ type: 'servce' }, 'config.invalid.type'],
      [{ appid: 'wx1234567890ABCDEF' }, 'config.invalid.appid.upper'],
      [{ domain: 'https://www.example.com/' }, 'config.invalid.domain.url'],
    ] as const) {
      const t = terminal(dir, [true]);
      const error = await init(t.ctx, opts).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).messageRef.key).toBe(key);
      expect(t.asked).toEqual([]);
    }
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  it('on a terminal: an empty secret keeps the saved one; the prompt says so', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    // replace? yes · type · appid (Enter: the saved one) · secret (empty: keep) · domain · redirect_uri · write? yes
    const t = terminal(dir, [true, 'service', '', '', 'www.example.com', '', true]);
    expect(await init(t.ctx)).toBe(EXIT.ok);
    const secretPrompt = t.asked.find((a) => a.kind === 'password');
    expect(secretPrompt?.message).toMatch(/empty.*keep|keep.*empty/i);
    expect(secretPrompt?.refused).toEqual([]);
    expect(readConfig(dir).profiles.default).toMatchObject({ appid: APPID, secret: SECRET });
    expect(t.stderr()).toContain('kept');
  });

  it('on a terminal: a secret typed over it replaces it; a different appid must come with its own secret', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const typed = terminal(dir, [true, 'service', '', OTHER_SECRET, '', '', true]);
    expect(await init(typed.ctx)).toBe(EXIT.ok);
    expect(readConfig(dir).profiles.default?.secret).toBe(OTHER_SECRET);

    // The saved secret belongs to the saved appid: with another appid an empty answer is refused.
    const t = terminal(dir, [true, 'service', 'wxaaaaaaaaaaaaaaaa', '', SECRET, '', '', true]);
    expect(await init(t.ctx)).toBe(EXIT.ok);
    const secretPrompt = t.asked.find((a) => a.kind === 'password');
    expect(secretPrompt?.refused).toHaveLength(1);
    expect(readConfig(dir).profiles.default).toMatchObject({ appid: 'wxaaaaaaaaaaaaaaaa', secret: SECRET });
  });

  // The secret prompt hands validate a paste's lines joined by \n (ui/prompt.ts): refused whole, never
  // the saved secret kept nor the first line taken, and no line of it quoted (en, zh).
  it('on a terminal: an AppSecret pasted with more lines is refused as a paste of N lines, over a saved one too; nothing of it is shown', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const en = terminal(dir, [true, 'service', '', `${OTHER_SECRET}\n重置`, OTHER_SECRET, '', '', false]);
    await expect(init(en.ctx)).rejects.toBeInstanceOf(CancelledError);
    const enSecret = en.asked.find((a) => a.kind === 'password')!;
    expect(enSecret.refused).toEqual(['What was pasted holds 2 lines, and an AppSecret is one line of 32 hex digits: none of it was taken. Press Ctrl-U to clear it, then paste the AppSecret alone.']);
    const zh = terminal(dir, [true, 'service', '', `开发者ID(AppID) ${APPID}\n开发者密码(AppSecret) ${OTHER_SECRET}\n重置`, OTHER_SECRET, '', '', false], {}, 'zh');
    await expect(init(zh.ctx)).rejects.toBeInstanceOf(CancelledError);
    expect(zh.asked.find((a) => a.kind === 'password')!.refused).toEqual(['粘贴的内容有 3 行，而 AppSecret 只有一行、32 位十六进制：这次粘贴的内容都没有采用。按 Ctrl-U 清空，再只粘贴 AppSecret 本身。']);
    // Whether any of the paste reaches the next prompt is the real prompt's to show (these prompts hand out
    // their answers in order): test/ui/prompt.test.ts, and the tmux tests below.
    for (const t of [en, zh]) expect(JSON.stringify(t.asked.map((a) => a.refused)) + t.stderr() + t.stdout()).not.toContain(OTHER_SECRET);
    // Declined at the end: the saved profile as it was.
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // The text prompts hand validate a paste's lines joined by \n too (ui/prompt.ts): the AppID prompt took
  // the first of the console's two rows and the AppSecret went on to the (masked) secret prompt; the domain
  // and redirect_uri prompts passed their second line to the next question. Refused whole (en, zh).
  it('on a terminal: a paste of several lines at the AppID, domain or redirect_uri prompt is refused as a paste of N lines; no line of it is quoted', async () => {
    const redirect = 'https://www.example.com/wechat/callback';
    const refusals = {
      en: [
        'What was pasted holds 2 lines, and an AppID is one line (wx and 16 hex digits): none of it was taken. Press Ctrl-U to clear it, then paste the AppID alone; the AppSecret is asked next, on its own.',
        'What was pasted holds 2 lines, and a domain is one line: none of it was taken. Press Ctrl-U to clear it, then paste or type the domain alone.',
        'What was pasted holds 3 lines, and a redirect_uri is one line (one address): none of it was taken. Press Ctrl-U to clear it, then paste the redirect_uri alone.',
      ],
      zh: [
        '粘贴的内容有 2 行，而 AppID 只有一行（wx 加 16 位十六进制）：这次粘贴的内容都没有采用。按 Ctrl-U 清空，再只粘贴 AppID 本身；AppSecret 在下一步单独粘贴。',
        '粘贴的内容有 2 行，而域名只有一行：这次粘贴的内容都没有采用。按 Ctrl-U 清空，再只粘贴或输入域名本身。',
        '粘贴的内容有 3 行，而 redirect_uri 只有一行（一个地址）：这次粘贴的内容都没有采用。按 Ctrl-U 清空，再只粘贴 redirect_uri 本身。',
      ],
    };
    for (const lang of ['en', 'zh'] as const) {
      const dir = tempConfigDir();
      // type · AppID with the AppSecret row · AppID · secret · domain with a second line · domain · three lines · redirect_uri · write? yes
      const t = terminal(dir, ['service', `${APPID}\n${OTHER_SECRET}`, APPID, SECRET, 'www.example.com\n重置', 'www.example.com', `${redirect}\nstate=x\nfoo`, redirect, true], {}, lang);
      expect(await init(t.ctx)).toBe(EXIT.ok);
      const refused = t.asked.filter((a) => a.kind === 'input').map((a) => a.refused);
      expect(refused).toEqual(refusals[lang].map((r) => [r]));
      expect(JSON.stringify(refused) + t.stderr() + t.stdout()).not.toContain(OTHER_SECRET);
      expect(readConfig(dir).profiles.default).toMatchObject({ appid: APPID, secret: SECRET, domain: 'www.example.com', redirectUri: redirect });
    }
  });

  // A review: with --secret given no secret prompt follows, and the AppID's refusal promised one.
  it('on a terminal with --secret: a paste of several lines at the AppID prompt does not say the AppSecret is asked next (en, zh)', async () => {
    const hints = {
      en: 'Press Ctrl-U to clear it, then paste the AppID alone (the AppSecret was given with --secret).',
      zh: '按 Ctrl-U 清空，再只粘贴 AppID 本身（AppSecret 已经用 --secret 给出）。',
    };
    for (const lang of ['en', 'zh'] as const) {
      const dir = tempConfigDir();
      // type · AppID with the AppSecret row · AppID · domain · redirect_uri · write? yes (no secret prompt)
      const t = terminal(dir, ['service', `${APPID}\n${OTHER_SECRET}`, APPID, 'www.example.com', '', true], {}, lang);
      expect(await init(t.ctx, { secret: SECRET })).toBe(EXIT.ok);
      expect(t.asked.some((a) => a.kind === 'password')).toBe(false);
      const refused = t.asked.filter((a) => a.kind === 'input')[0]!.refused;
      expect(refused).toHaveLength(1);
      expect(refused[0]).toContain(hints[lang]);
      expect(refused[0]).not.toMatch(/asked next|下一步/);
      expect(readConfig(dir).profiles.default).toMatchObject({ appid: APPID, secret: SECRET });
    }
  });

  it('on a terminal with --yes: no question about the existing profile, the wizard still offers to keep the secret', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const t = terminal(dir, ['service', '', '', '', '']);
    expect(await init(t.ctx, { yes: true })).toBe(EXIT.ok);
    expect(t.asked.some((a) => a.kind === 'confirm')).toBe(false);
    expect(readConfig(dir).profiles.default?.secret).toBe(SECRET);
  });
});

describe('init validation (issue 12 item 4)', () => {
  it.each([
    [['--appid', 'ww1234567890abcdef'], 'WeCom'],
    [['--appid', 'wx1234567890ABCDEF'], 'wx1234567890abcdef'],
    [['--secret', ` ${SECRET}`], 'space'],
    [['--domain', 'www.example.com:8443', '--redirect-uri', 'https://www.example.com:8443/cb'], 'test account'],
  ])('flags %j: exit 2 naming the flag and the problem (%s), nothing written', async (override, expected) => {
    const dir = tempConfigDir();
    const args = ['--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'];
    for (let i = 0; i < override.length; i += 2) args[args.indexOf(override[i] as string) + 1] = override[i + 1] as string;
    const r = await runCli(['init', ...args], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(override[0]);
    expect(r.stderr).toContain(expected);
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });

  it('says every missing flag and every refused value in one run (en, zh), nothing written', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['init', '--type', 'service', '--appid', 'wx123', '--secret', 'abc'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('✖ Missing --domain, --redirect-uri (required when not interactive).');
    // The example is the missing flags' fix: under their line, not under the last "Also:" line.
    expect(lines[1]).toMatch(/^→ For example: printf %s "\$WX_SECRET" \| wxauth init /);
    expect(lines[2]).toMatch(/^✖ Also: --appid: "wx123" is not an appid/);
    expect(lines[3]).toMatch(/^✖ Also: --secret: the AppSecret has 3 characters/);
    expect(lines).toHaveLength(4);
    expect(r.stderr).not.toContain('"abc"');
    // The example keeps what was given: a test account's IP:port, and a redirect_uri under it.
    const test = await runCli(['init', '--type', 'test', '--domain', '127.0.0.1:8080', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(test.stderr).toContain('→ For example: printf %s "$WX_SECRET" | wxauth init --type test --appid wx1234567890abcdef --secret - --domain 127.0.0.1:8080 --redirect-uri http://127.0.0.1:8080/oauth/callback --yes');
    // Only a redirect_uri: its host is the domain, and a value the shell would split is quoted.
    const onlyUri = await runCli(['init', '--type', 'service', '--redirect-uri', 'https://my.example.cn/cb?a=1&b=2', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(onlyUri.stderr).toContain("--domain my.example.cn --redirect-uri 'https://my.example.cn/cb?a=1&b=2' --yes");
    const zh = await runCli(['--lang', 'zh', 'init', '--type', 'service', '--appid', 'wx123', '--secret', 'abc', '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.stderr).toMatch(/^✖ --appid："wx123" 不是 appid/);
    expect(zh.stderr).toContain('✖ 另外：--secret：AppSecret 有 3 个字符');
    // A mistyped type is said first, and the flags only some types need are not asked for.
    const typo = await runCli(['init', '--type', 'subscriptoin', '--appid', APPID, '--secret', SECRET], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(typo.stderr).toMatch(/^✖ --type: account type "subscriptoin" is not valid/);
    expect(typo.stderr).not.toContain('--redirect-uri (required');
    const zhMissing = await runCli(['--lang', 'zh', 'init', '--appid', APPID], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zhMissing.stderr).toContain('缺少 --type、--secret');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });

  it('over a saved profile, missing flags: the example keeps the saved account and names its profile, and config set is offered for what was given', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const saved = ['--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/cb', '--yes'];
    expect((await runCli(['--profile', 'dev', 'init', ...saved], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['--profile', 'dev', 'init', '--appid', 'wx1234567890abcdee', '--secret', 'abcdef0123456789abcdef0123456789', '--yes'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('printf %s "$WX_SECRET" | wxauth init --profile dev --type test --appid wx1234567890abcdee --secret - --domain 127.0.0.1:8080 --redirect-uri http://127.0.0.1:8080/cb --yes');
    // One config set, which changes all it names or nothing; the secret piped, never echoed.
    expect(r.stderr).toContain('keep the rest of profile "dev": printf %s "$WX_SECRET" | wxauth config set --profile dev appid wx1234567890abcdee secret -\n');
    expect(r.stderr).not.toContain('abcdef0123456789abcdef0123456789');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    // A new profile: the plain example, under its name.
    const fresh = await runCli(['--profile', 'prod', 'init', '--appid', 'wx1234567890abcdee', '--yes'], { env });
    expect(fresh.stderr).toContain('→ For example: printf %s "$WX_SECRET" | wxauth init --profile prod --type service --appid wx1234567890abcdee');
    expect(fresh.stderr).not.toContain('config set');
  });

  it('over a saved profile, a --domain the saved redirect_uri is not under: both lines offered set one under it, and run as given they are accepted (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const emuSecret = '5e1ec0de5e1ec0de5e1ec0de00000001';
    expect((await runCli(['config', 'set', '--profile', 'emu', 'type', 'service', 'appid', 'wx5e1ec0de00000001', 'secret', '-', 'redirectUri', 'http://127.0.0.1:8080/callback'], { env, input: emuSecret })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const given = ['init', '--profile', 'emu', '--type', 'service', '--appid', 'wx5e1ec0de00000001', '--secret', emuSecret, '--domain', 'localhost'];
    const r = await runCli(given, { env });
    expect(r.code).toBe(2);
    const set = 'printf %s "$WX_SECRET" | wxauth config set --profile emu type service appid wx5e1ec0de00000001 secret - domain localhost redirectUri http://localhost/callback';
    expect(r.stderr).toContain(`keep the rest of profile "emu": ${set}\n`);
    expect(r.stderr).toContain('--domain localhost --redirect-uri http://localhost/callback --yes');
    expect(r.stderr).toContain(
      '✖ Also: The saved redirect_uri http://127.0.0.1:8080/callback is no longer under the callback domain localhost: WeChat would show 10003 "redirect_uri 参数错误". So the config set line above sets redirectUri too, to a value that fits; put your own there first if yours is another.\n',
    );
    expect(r.stderr).not.toContain(emuSecret);
    const zh = await runCli(['--lang', 'zh', ...given], { env });
    expect(zh.stderr).toContain(`profile "emu" 的其余设置不变：${set}\n`);
    expect(zh.stderr).toContain('✖ 另外：已保存的 redirect_uri http://127.0.0.1:8080/callback 不再位于回调域名 localhost 下：微信会显示 10003 redirect_uri 参数错误。所以上面的 config set 命令把 redirectUri 也一并改成了符合要求的值；');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    // Run as given (the secret piped), each line is accepted.
    const words = (line: string) => line.replace(/^printf %s "\$WX_SECRET" \| wxauth /, '').split(' ');
    const followed = await runCli(words(set), { env, input: emuSecret });
    expect(followed.stderr).toContain('✔ Saved type, appid, secret, domain, redirectUri (profile "emu")');
    expect(followed.code).toBe(0);
    expect(readConfig(dir).profiles.emu).toMatchObject({ type: 'service', domain: 'localhost', redirectUri: 'http://localhost/callback' });
    fs.writeFileSync(path.join(dir, 'config.json'), before);
    const example = /for example: (printf %s "\$WX_SECRET" \| wxauth init [^\n]*? --yes)\./.exec(r.stderr)?.[1];
    expect(example).toBeDefined();
    const init = await runCli(words(example!), { env, input: emuSecret });
    expect(init.code).toBe(0);
    expect(readConfig(dir).profiles.emu).toMatchObject({ domain: 'localhost', redirectUri: 'http://localhost/callback' });
  });

  it('over a saved profile, a refused value is never in the config set offered: its one sure fix is, else it is named to fix first (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', 'localhost', '--redirect-uri', 'http://localhost/callback', '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    // The trial's line: a website app's domain with a port. The port-less name is the one fix.
    const website = ['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com:8080', '--yes'];
    const r = await runCli(website, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✖ Also: --domain: "www.example.com:8080" has a port');
    // The saved redirect_uri is off the new domain, which config set refuses: the line moves it under it, and says so.
    const line = 'printf %s "$WX_SECRET" | wxauth config set type website appid wx1234567890abcdef secret - domain www.example.com redirectUri http://www.example.com/callback';
    expect(r.stderr).toContain(`To change only what you gave and keep the rest of profile "default", with --domain corrected as said above: ${line}\n`);
    expect(r.stderr).toContain('✖ Also: The saved redirect_uri http://localhost/callback is no longer under the callback domain www.example.com');
    expect(r.stderr).toContain('--domain www.example.com --redirect-uri http://www.example.com/callback --yes');
    expect(r.stderr).not.toContain('config set domain www.example.com:8080');
    expect(r.stderr).not.toContain(SECRET);
    const zh = await runCli(['--lang', 'zh', ...website], { env });
    expect(zh.stderr).toContain(`（--domain 已按上面所说改正）：${line}\n`);
    // Followed as printed, it is accepted (config set checks its pairs together: without the redirect_uri it was refused whole).
    const followed = await runCli(['config', 'set', 'type', 'website', 'appid', APPID, 'secret', '-', 'domain', 'www.example.com', 'redirectUri', 'http://www.example.com/callback'], { env, input: SECRET });
    expect(followed.code).toBe(0);
    fs.writeFileSync(path.join(dir, 'config.json'), before);
    // An IP on a service account has no one fix (another domain, or a test account): left out, named first.
    const ip = await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', '10.0.0.1', '--yes'], { env });
    expect(ip.stderr).toContain('first fix --domain (refused above, so left out here), then add it to: printf %s "$WX_SECRET" | wxauth config set type service appid wx1234567890abcdef secret -\n');
    const zhIp = await runCli(['--lang', 'zh', 'init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', '10.0.0.1', '--yes'], { env });
    expect(zhIp.stderr).toContain('先改正 --domain（上面拒绝了，下面这条命令里没有它），再把它加进：');
    // A refused secret: the line reads WX_SECRET all the same, once it holds a right one.
    const secret = await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET.slice(1), '--yes'], { env });
    expect(secret.stderr).toContain('first put a right AppSecret in WX_SECRET (the one given was refused above), then run: printf %s "$WX_SECRET" | wxauth config set type test appid wx1234567890abcdef secret -\n');
    expect(secret.stderr).not.toContain(SECRET.slice(1));
    // Only refused values given: nothing to paste, what to fix named.
    const only = await runCli(['init', '--appid', 'wx123', '--yes'], { env });
    expect(only.stderr).toContain('To change only --appid and keep the rest of profile "default", fix it first (refused above), then set it with wxauth config set.');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // No config set line fits (a subscription account keeps no callback, and the saved one is there): init
  // offered none and said only config set's refusal, whose "--yes saves it anyway" is config set's --yes,
  // not init's. It says what init's --yes does, and the way to keep the saved profile as it is.
  it('over a saved profile, when no one config set line fits: says --yes replaces the profile whole, or write another profile (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', ...SERVICE, '--secret', SECRET, '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['init', '--type', 'subscription', '--yes'], { env });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(
      '→ init writes the whole profile, so it needs every flag, for example: printf %s "$WX_SECRET" | wxauth init --type subscription --appid wx1234567890abcdef --secret - --yes; with --yes it replaces profile "default" whole. No single config set line changes only what you gave and keeps the rest of it (why below); to keep profile "default" as it is, write this account to another one: the same init line with --profile <new name>.\n',
    );
    expect(r.stderr).toContain('✖ Also: A subscription account (订阅号) has no web authorization');
    expect(r.stderr).not.toContain('config set type subscription\n');
    expect(r.stderr).toContain("--yes saves it anyway. (That is config set's answer to a line setting only what you gave: the --yes it speaks of goes on config set (wxauth config set … --yes), not on init.)\n");
    const zh = await runCli(['--lang', 'zh', 'init', '--type', 'subscription', '--yes'], { env });
    expect(zh.code).toBe(EXIT.usage);
    expect(zh.stderr).toContain(
      '；加 --yes 会整个替换 profile "default"。没有哪一条 config set 命令能只改你给出的几项、同时保留其余设置（原因见下）；想让 profile "default" 保持原样，就把这个账号写进另一个 profile：同一条 init 命令加上 --profile <新名字>。\n',
    );
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // The config set line is run in the same shell: WXAUTH_TYPE there wins over the profile, and config set
  // refused the IP:port init offered for a test account (WXAUTH_TYPE=service). Checked as config set checks it.
  it('over a saved profile, the config set line offered is checked against WXAUTH_TYPE as config set checks it: none offered when it would be refused (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/cb', '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const given = ['init', '--domain', '127.0.0.1:9090', '--redirect-uri', 'http://127.0.0.1:9090/cb', '--yes'];
    const r = await runCli(given, { env: { ...env, WXAUTH_TYPE: 'service' } });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).not.toContain('wxauth config set domain 127.0.0.1:9090');
    expect(r.stderr).toContain('No single config set line changes only what you gave and keeps the rest of it (why below)');
    expect(r.stderr).toContain('✖ Also: domain (profile default, ');
    expect(r.stderr).toContain('WXAUTH_TYPE=service is set in this shell and wins over the profile');
    // config set's refusal says "add --yes to save it anyway": config set's --yes (init was run with --yes
    // already), on the line it goes on.
    expect(r.stderr).toContain(
      "or add --yes to save it anyway (it is used where WXAUTH_TYPE is not set). (That is config set's answer to a line setting only what you gave: the --yes it speaks of goes on config set (wxauth config set … --yes), not on init.)\n",
    );
    const zh = await runCli(['--lang', 'zh', ...given], { env: { ...env, WXAUTH_TYPE: 'service' } });
    expect(zh.stderr).toContain('没有哪一条 config set 命令能只改你给出的几项');
    expect(zh.stderr).toContain('这个 shell 里设置了 WXAUTH_TYPE=service，它比 profile 优先');
    expect(zh.stderr).toContain(
      '（以上是 config set 对只改你给出的几项的那条命令的答复：这里说的 --yes 加在 config set 上（wxauth config set … --yes），不是加在 init 上。）\n',
    );
    // config set's own refusal is as it was.
    const refused = await runCli(['config', 'set', 'domain', '127.0.0.1:9090', 'redirectUri', 'http://127.0.0.1:9090/cb'], { env: { ...env, WXAUTH_TYPE: 'service' } });
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain('or add --yes to save it anyway (it is used where WXAUTH_TYPE is not set).\n');
    expect(refused.stderr).not.toContain("config set's");
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    // Without WXAUTH_TYPE (or with the account's own type) the line is offered, and config set takes it.
    const plain = await runCli(given, { env: { ...env, WXAUTH_TYPE: 'test' } });
    expect(plain.stderr).toContain('keep the rest of profile "default": wxauth config set domain 127.0.0.1:9090 redirectUri http://127.0.0.1:9090/cb\n');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // init saves its endpoint flags in the profile; the config set line left them out, so it did not change
  // what was given. In it now, they are checked as config set checks them: a --region beside the saved
  // apiBase would never be used, which config set refuses.
  it('over a saved profile, endpoint flags given are in the config set line, checked as config set checks a region beside an apiBase (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', ...SERVICE, '--secret', SECRET, '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const region = await runCli(['init', '--appid', APPID, '--region', 'sh', '--yes'], { env });
    expect(region.stderr).toContain('keep the rest of profile "default": wxauth config set appid wx1234567890abcdef region sh\n');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    expect((await runCli(['config', 'set', 'apiBase', 'http://127.0.0.1:3900'], { env })).code).toBe(0);
    const saved = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const r = await runCli(['init', '--appid', APPID, '--region', 'sh', '--yes'], { env });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).not.toContain('wxauth config set appid wx1234567890abcdef region sh');
    expect(r.stderr).toContain('No single config set line changes only what you gave and keeps the rest of it (why below)');
    expect(r.stderr).toContain('✖ Also: Profile "default" would then hold both region sh and apiBase http://127.0.0.1:3900');
    expect(r.stderr).toContain(
      "or add --yes to save it anyway (the API base is used). (That is config set's answer to a line setting only what you gave: the --yes it speaks of goes on config set (wxauth config set … --yes), not on init.)\n",
    );
    const zh = await runCli(['--lang', 'zh', 'init', '--appid', APPID, '--region', 'sh', '--yes'], { env });
    expect(zh.stderr).toContain('✖ 另外：保存后 profile "default" 会同时有 region sh 和 apiBase http://127.0.0.1:3900');
    expect(zh.stderr).toContain('这里说的 --yes 加在 config set 上（wxauth config set … --yes），不是加在 init 上。）\n');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(saved);
  });

  // An endpoint flag with credentials (http://u:p@host) was left out of the config set line with nothing said:
  // the line looked like it changed everything given. Said now, and how to set it oneself.
  it('over a saved profile, an endpoint flag with credentials left out of the config set line is said, with how to set it (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', ...SERVICE, '--secret', SECRET, '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const given = ['init', '--appid', APPID, '--api-base', 'http://u:p@127.0.0.1:3900', '--yes'];
    const r = await runCli(given, { env });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('keep the rest of profile "default": wxauth config set appid wx1234567890abcdef\n');
    expect(r.stderr).toContain(
      '✖ Also: --api-base holds a user name or password, which wxauth never puts in a command for you to paste, so no line offered here carries it. To save it, add --api-base <URL> to the init line, or run this yourself: wxauth config set apiBase <URL> (with the address and its credentials in place of <URL>).\n',
    );
    expect(r.stderr).not.toContain('u:p@');
    const zh = await runCli(['--lang', 'zh', ...given], { env });
    expect(zh.stderr).toContain('✖ 另外：--api-base 的值里带用户名或密码，wxauth 不会把凭据放进给你粘贴的命令里，所以这里给出的命令都不含它。要保存它：在 init 命令里加上 --api-base <URL>，或自己运行：wxauth config set apiBase <URL>（把 <URL> 换成带凭据的地址）。\n');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // Several endpoint flags with credentials: the note named them all, but its one config set set only the
  // first (apiBase), so the others looked saved by it. Each is in the command to run now; none is printed.
  it('over a saved profile, several endpoint flags with credentials: the note covers each, with one command setting them all (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', ...SERVICE, '--secret', SECRET, '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const given = ['init', '--appid', APPID, '--api-base', 'http://u:p@127.0.0.1:3900', '--open-base', 'http://a:b@127.0.0.1:3901', '--backup-api-base', 'http://c:d@127.0.0.1:3902', '--yes'];
    const r = await runCli(given, { env });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('keep the rest of profile "default": wxauth config set appid wx1234567890abcdef\n');
    expect(r.stderr).toContain(
      '✖ Also: --api-base, --open-base, --backup-api-base each hold a user name or password (3 flags), which wxauth never puts in a command for you to paste, so no line offered here carries any of them. To save them, add --api-base <URL> --open-base <URL> --backup-api-base <URL> to the init line, or run this yourself: wxauth config set apiBase <URL> openBase <URL> backupApiBase <URL> (with each address you gave, credentials and all, in place of its <URL>).\n',
    );
    for (const credential of ['u:p@', 'a:b@', 'c:d@']) expect(r.stderr).not.toContain(credential);
    const zh = await runCli(['--lang', 'zh', ...given], { env });
    expect(zh.stderr).toContain(
      '✖ 另外：--api-base、--open-base、--backup-api-base 这 3 个参数的值里都带用户名或密码，wxauth 不会把凭据放进给你粘贴的命令里，所以这里给出的命令都不含它们。要保存它们：在 init 命令里加上 --api-base <URL> --open-base <URL> --backup-api-base <URL>，或自己运行：wxauth config set apiBase <URL> openBase <URL> backupApiBase <URL>（把每个 <URL> 换成你给那个参数的带凭据的地址）。\n',
    );
    for (const credential of ['u:p@', 'a:b@', 'c:d@']) expect(zh.stderr).not.toContain(credential);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // A --region beside an --api-base with credentials: the apiBase was left out of the line, and so out of its
  // check too; the line (appid, region sh) was offered, and the config set apiBase the note then told the user
  // to run was refused (a region beside an apiBase). Checked now with the profile as it would be saved.
  it('over a saved profile, a --region beside an --api-base with credentials is checked together: no line offered that the apiBase would then undo (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', ...SERVICE, '--secret', SECRET, '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const given = ['init', '--appid', APPID, '--region', 'sh', '--api-base', 'http://u:p@127.0.0.1:3900', '--yes'];
    const r = await runCli(given, { env });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).not.toContain('wxauth config set appid wx1234567890abcdef region sh');
    expect(r.stderr).toContain('No single config set line changes only what you gave and keeps the rest of it (why below)');
    expect(r.stderr).toContain('✖ Also: Profile "default" would then hold both region sh and apiBase http://u:***@127.0.0.1:3900');
    expect(r.stderr).not.toContain('u:p@');
    const zh = await runCli(['--lang', 'zh', ...given], { env });
    expect(zh.stderr).toContain('没有哪一条 config set 命令能只改你给出的几项');
    expect(zh.stderr).toContain('✖ 另外：保存后 profile "default" 会同时有 region sh 和 apiBase http://u:***@127.0.0.1:3900');
    expect(zh.stderr).not.toContain('u:p@');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  // A new profile with missing flags: the init line offered carried no endpoint flag given, so run as printed it
  // saved a profile that calls WeChat instead of the --api-base typed (over a saved profile the config set line
  // has carried them). Now the init line carries them, but for one with credentials, said as over a saved profile.
  it('a new profile, missing flags: the init line offered carries the endpoint flags given, one with credentials said instead (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const given = ['--profile', 'emu', 'init', '--type', 'test', '--appid', APPID, '--domain', '127.0.0.1:8080', '--api-base', 'http://127.0.0.1:3900', '--region', 'sh', '--open-base', 'http://a:b@127.0.0.1:3901', '--yes'];
    const r = await runCli(given, { env });
    expect(r.code).toBe(EXIT.usage);
    const example = 'printf %s "$WX_SECRET" | wxauth init --profile emu --type test --appid wx1234567890abcdef --secret - --domain 127.0.0.1:8080 --redirect-uri http://127.0.0.1:8080/oauth/callback --api-base http://127.0.0.1:3900 --region sh --yes';
    expect(r.stderr).toContain(`→ For example: ${example}\n`);
    expect(r.stderr).toContain(
      '✖ Also: --open-base holds a user name or password, which wxauth never puts in a command for you to paste, so no line offered here carries it. To save it, add --open-base <URL> to the init line yourself (with the address and its credentials in place of <URL>).\n',
    );
    expect(r.stderr).not.toContain('config set');
    expect(r.stderr).not.toContain('a:b@');
    const zh = await runCli(['--lang', 'zh', ...given], { env });
    expect(zh.stderr).toContain(`→ 例如：${example}\n`);
    expect(zh.stderr).toContain('✖ 另外：--open-base 的值里带用户名或密码，wxauth 不会把凭据放进给你粘贴的命令里，所以这里给出的命令都不含它。要保存它，就自己在 init 命令里加上 --open-base <URL>（把 <URL> 换成带凭据的地址）。\n');
    expect(zh.stderr).not.toContain('a:b@');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    // Run as printed (the secret piped), the profile keeps the endpoint flags given.
    const words = example.replace(/^printf %s "\$WX_SECRET" \| wxauth /, '').split(' ');
    const followed = await runCli(words, { env, input: SECRET });
    expect(followed.code, followed.stderr).toBe(0);
    expect(readConfig(dir).profiles.emu).toMatchObject({ apiBase: 'http://127.0.0.1:3900', region: 'sh' });
    // Over a saved profile, the init line offered carries them too, as the config set line does.
    const over = await runCli(['--profile', 'emu', 'init', '--appid', APPID, '--open-base', 'http://127.0.0.1:3977', '--yes'], { env });
    expect(over.stderr).toContain('--redirect-uri http://127.0.0.1:8080/oauth/callback --open-base http://127.0.0.1:3977 --yes.');
    expect(over.stderr).toContain('wxauth config set --profile emu appid wx1234567890abcdef openBase http://127.0.0.1:3977\n');
  });

  // The lines offered for missing flags printed the redirect_uri as given or saved: a ?code= copied from the
  // address bar, the profile's AppSecret, a #access_token= went into a command to paste. config set's own
  // hints never offer one (flows/profile-conflicts.ts pasteable): a placeholder now, and why.
  it('the lines offered for missing flags never hold a redirect_uri with a code, a token or the AppSecret in it (en, zh)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    expect((await runCli(['init', ...SERVICE, '--secret', SECRET, '--yes'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    for (const [uri, secret] of [
      ['https://www.example.com/cb?code=0617abcdEFGH1234&state=xyz', '0617abcdEFGH1234'],
      [`https://www.example.com/cb?k=${SECRET}`, SECRET],
    ] as const) {
      const r = await runCli(['init', '--redirect-uri', uri, '--yes'], { env });
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).not.toContain(secret);
      expect(r.stderr).toContain(" --redirect-uri '<redirect_uri>' --yes");
      expect(r.stderr).toContain('keep the rest of profile "default": wxauth config set redirectUri \'<redirect_uri>\'\n');
      expect(r.stderr).toContain(
        '✖ Also: --redirect-uri holds a code, a token or an AppSecret (or a value shaped like one), which wxauth never puts in a command for you to paste: the lines offered here have <redirect_uri> in its place. Put your redirect_uri there yourself, without the code, state, token or AppSecret in it (WeChat adds code and state itself; an AppSecret in a redirect_uri passes through every user\'s browser).\n',
      );
      const zh = await runCli(['--lang', 'zh', 'init', '--redirect-uri', uri, '--yes'], { env });
      expect(zh.stderr).not.toContain(secret);
      expect(zh.stderr).toContain('✖ 另外：--redirect-uri 里带着 code、token 或 AppSecret（或形如 AppSecret 的值），wxauth 不会把它放进给你粘贴的命令里：这里给出的命令用 <redirect_uri> 代替它。自己把 redirect_uri 填进去，去掉其中的 code、state、token 和 AppSecret（code 和 state 由微信自己加上；redirect_uri 里的 AppSecret 会经过每个用户的浏览器）。\n');
    }
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    // A new profile: the init line alone, its domain still the redirect_uri's host.
    const fresh = await runCli(['--profile', 'new', 'init', '--type', 'service', '--redirect-uri', 'https://h5.example.com/cb#access_token=ACCESSTOKENVALUE123', '--yes'], { env });
    expect(fresh.stderr).not.toContain('ACCESSTOKENVALUE123');
    expect(fresh.stderr).toContain("--domain h5.example.com --redirect-uri '<redirect_uri>' --yes\n");
    expect(fresh.stderr).toContain('✖ Also: --redirect-uri holds a code, a token or an AppSecret (or a value shaped like one)');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    // The redirect_uri saved with its code (config set warns, and saves it): the init line keeps the saved callback, but not that.
    expect((await runCli(['config', 'set', 'redirectUri', 'https://www.example.com/cb?code=0617abcdEFGH1234'], { env })).code).toBe(0);
    const saved = await runCli(['init', '--appid', APPID, '--yes'], { env });
    expect(saved.stderr).not.toContain('0617abcdEFGH1234');
    expect(saved.stderr).toContain("--domain www.example.com --redirect-uri '<redirect_uri>' --yes.");
    expect(saved.stderr).toContain('wxauth config set appid wx1234567890abcdef\n');
    expect(saved.stderr).toContain('✖ Also: The redirect_uri saved in profile "default" holds a code, a token or an AppSecret (or a value shaped like one), which wxauth never puts in a command for you to paste: the init line offered here has <redirect_uri> in its place.');
    const zhSaved = await runCli(['--lang', 'zh', 'init', '--appid', APPID, '--yes'], { env });
    expect(zhSaved.stderr).toContain('✖ 另外：profile "default" 保存的 redirect_uri 里带着 code、token 或 AppSecret（或形如 AppSecret 的值）');
    expect(zhSaved.stderr).not.toContain('0617abcdEFGH1234');
  });

  it("a redirect_uri on another port than the domain: a test account is told to put the port in the domain, a real account to drop it (en, zh)", async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const test = ['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '192.168.1.5', '--redirect-uri', 'http://192.168.1.5:8080/cb', '--yes'];
    const r = await runCli(test, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✖ The redirect_uri host 192.168.1.5:8080 differs from the callback domain 192.168.1.5');
    expect(r.stderr).toContain('→ A test account matches the port too: set the domain to 192.168.1.5:8080 (as on the test account page), or drop the port from redirect_uri.');
    expect(r.stderr).not.toContain('subdomains');
    const zh = await runCli(['--lang', 'zh', ...test], { env });
    expect(zh.stderr).toContain('→ 测试号的回调域名连端口一起比较：把域名设为 192.168.1.5:8080（测试号页面上也这样填），或去掉 redirect_uri 里的端口。');
    expect(zh.stderr).not.toContain('子域名');
    const other = await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '192.168.1.5:8080', '--redirect-uri', 'http://192.168.1.5:9090/cb', '--yes'], { env });
    expect(other.stderr).toContain('use 192.168.1.5:8080’s port 8080 in redirect_uri, or set the domain to 192.168.1.5:9090');
    const service = await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com:8443/cb', '--yes'], { env });
    expect(service.stderr).toContain('→ A service account’s callback cannot have a port (WeChat answers 10003 "redirect_uri不支持带端口号"): drop :8443 from redirect_uri');
    // Another host altogether still gets the exact-host advice.
    const host = await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://api.example.com/cb', '--yes'], { env });
    expect(host.stderr).toContain('subdomains and the parent domain do not count');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
  });

  // 10003 "redirect_uri不支持带端口号" is the 公众号's page (API-FACTS §1.5); a website app's qrconnect
  // shows "redirect_uri 参数错误" (§2.1), and a website app has no test account to turn to (review h261).
  it("a website app's port is refused with what its QR login page shows, not the 公众号's 10003, and no test account offered (flags and wizard, en, zh)", async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const website = ['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--redirect-uri', 'https://www.example.com/cb', '--yes'];
    const port = await runCli([...website, '--domain', 'www.example.com:8443'], { env });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('✖ --domain: "www.example.com:8443" has a port; a website app’s callback domain (授权回调域) cannot have one (for a port, WeChat’s QR login page shows just "redirect_uri 参数错误").');
    expect(port.stderr).toContain('Website apps have no test account: to try a callback on a port, use the emulator: wxauth emulator --domain "<appid>=www.example.com:*".');
    const zh = await runCli(['--lang', 'zh', ...website, '--domain', 'www.example.com:8443'], { env });
    expect(zh.stderr).toContain('✖ --domain："www.example.com:8443" 带端口；网站应用的授权回调域不能带端口（带端口时，微信的扫码登录页只显示“redirect_uri 参数错误”）。');
    expect(zh.stderr).toContain('网站应用没有测试号');
    const ip = await runCli([...website, '--domain', '1.2.3.4:8443'], { env });
    expect(ip.stderr).toContain('for an IP and a port, use the emulator: wxauth emulator --domain "<appid>=<IP>:*".');
    const uri = await runCli(['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com:8443/cb', '--yes'], { env });
    expect(uri.stderr).toContain('✖ The redirect_uri host www.example.com:8443 differs from the callback domain www.example.com: WeChat’s QR login page would refuse it ("redirect_uri 参数错误", or 「该链接无法访问」).');
    expect(uri.stderr).toContain('→ A website app’s callback cannot have a port (WeChat’s QR login page shows "redirect_uri 参数错误"): drop :8443 from redirect_uri');
    const uriZh = await runCli(['--lang', 'zh', 'init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com:8443/cb', '--yes'], { env });
    expect(uriZh.stderr).toContain('→ 网站应用的回调不能带端口（微信的扫码登录页会显示“redirect_uri 参数错误”）：去掉 redirect_uri 里的 :8443');
    for (const r of [port, zh, ip, uri, uriZh]) {
      expect(r.stderr).not.toContain('10003');
      expect(r.stderr).not.toContain('type test');
    }
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    // The wizard's domain prompt says the same.
    const t = terminal(dir, ['website', APPID, SECRET, 'www.example.com:8443', 'www.example.com', '', true]);
    expect(await init(t.ctx)).toBe(EXIT.ok);
    const refused = t.asked.find((a) => a.kind === 'input' && a.refused.length > 0)?.refused[0] ?? '';
    expect(refused).toContain('"redirect_uri 参数错误"');
    expect(refused).not.toContain('10003');
  });

  it('the wizard refuses a port on a service domain at the domain prompt, then its suggested redirect_uri is accepted', async () => {
    const dir = tempConfigDir();
    // type · appid · secret · domain with a port (refused) · domain · redirect_uri (Enter: the suggestion) · write? yes
    const t = terminal(dir, ['service', APPID, SECRET, 'www.example.com:8443', 'www.example.com', '', true]);
    expect(await init(t.ctx)).toBe(EXIT.ok);
    const domain = t.asked.find((a) => /domain/i.test(a.message) && a.kind === 'input');
    expect(domain?.refused).toHaveLength(1);
    expect(domain?.refused[0]).toContain('port');
    const redirect = t.asked.find((a) => /redirect_uri/.test(a.message));
    expect(redirect?.default).toBe('https://www.example.com/wechat/callback');
    expect(redirect?.refused).toEqual([]);
    expect(readConfig(dir).profiles.default).toMatchObject({ domain: 'www.example.com', redirectUri: 'https://www.example.com/wechat/callback' });
  });

  it('the AppSecret typed at the AppID or domain prompt is refused "not shown", and the prompt line shows it masked (en, zh)', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const dir = tempConfigDir();
      // type · the secret as appid (refused) · appid · secret · the secret as domain (refused) · domain · redirect_uri · write? yes
      const t = terminal(dir, ['service', SECRET, APPID, SECRET, SECRET, 'www.example.com', '', true], {}, lang);
      expect(await init(t.ctx)).toBe(EXIT.ok);
      const appid = t.asked.find((a) => /AppID/.test(a.message))!;
      const domain = t.asked.find((a) => a.kind === 'input' && a.shown.length === 2 && a !== appid)!;
      for (const prompt of [appid, domain]) {
        expect(prompt.refused).toHaveLength(1);
        expect(prompt.refused[0]).toContain(lang === 'en' ? 'not shown, so it does not leak' : '为免泄露不显示它');
        expect(prompt.refused[0]).not.toContain(SECRET);
        expect(prompt.shown[0]).toBe('*'.repeat(32));
      }
      // What else is typed there is shown as typed.
      expect(appid.shown[1]).toBe(APPID);
      expect(domain.shown[1]).toBe('www.example.com');
    }
  });

  it('an AppID typed full-width or pasted in “…” is refused as such at its prompt, not as "does not start with wx" (en, zh)', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const dir = tempConfigDir();
      // type · full-width appid (refused) · quoted appid (refused) · appid · secret · domain · redirect_uri · write? yes
      const t = terminal(dir, ['service', 'ｗｘ１２３４５６７８９０ａｂｃｄｅｆ', `“${APPID}”`, APPID, SECRET, 'www.example.com', '', true], {}, lang);
      expect(await init(t.ctx)).toBe(EXIT.ok);
      const appid = t.asked.find((a) => /AppID/.test(a.message))!;
      expect(appid.refused).toHaveLength(2);
      expect(appid.refused[0]).toContain(lang === 'en' ? 'is full-width' : '是全角字符');
      expect(appid.refused[0]).toContain(lang === 'en' ? `In half-width it reads: ${APPID}` : `半角写法是：${APPID}`);
      expect(appid.refused[1]).toContain(lang === 'en' ? 'wrapped in quotes (“…”)' : '值被引号包着（“…”）');
      for (const refused of appid.refused) expect(refused).not.toMatch(/does not start with wx|不以 wx 开头/);
      expect(readConfig(dir).profiles.default).toMatchObject({ appid: APPID });
    }
  });

  it('the wizard does not suggest the saved redirect_uri once the domain has changed', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const t = terminal(dir, [true, 'service', '', '', 'www.example.org', '', true]);
    expect(await init(t.ctx)).toBe(EXIT.ok);
    const redirect = t.asked.find((a) => /redirect_uri/.test(a.message));
    expect(redirect?.default).toBe('https://www.example.org/wechat/callback');
    expect(redirect?.refused).toEqual([]);
  });

  it('the wizard says what a hash-route redirect_uri costs before asking to write it, and once', async () => {
    const warning = 'redirect_uri carries a # fragment (#/login), e.g. a hash route: the code will land after the #, where your server never sees it.';
    const declined = terminal(tempConfigDir(), ['service', APPID, SECRET, 'www.example.com', 'https://www.example.com/#/login', false]);
    await expect(init(declined.ctx)).rejects.toBeInstanceOf(CancelledError);
    expect(declined.stderr()).toContain(warning);
    const dir = tempConfigDir();
    const t = terminal(dir, ['service', APPID, SECRET, 'www.example.com', 'https://www.example.com/#/login', true]);
    expect(await init(t.ctx)).toBe(EXIT.ok);
    expect(t.stderr().split(warning).length - 1).toBe(1);
    expect(readConfig(dir).profiles.default!.redirectUri).toBe('https://www.example.com/#/login');
  });

  it('the wizard checks an appid the way config set does (upper case, WeCom corpid)', async () => {
    const dir = tempConfigDir();
    const t = terminal(dir, ['test', 'ww1234567890abcdef', 'wx1234567890ABCDEF', APPID, SECRET, '127.0.0.1:8080', '', true]);
    expect(await init(t.ctx)).toBe(EXIT.ok);
    const appid = t.asked.find((a) => /AppID/.test(a.message));
    expect(appid?.refused).toHaveLength(2);
    expect(appid?.refused[0]).toContain('WeCom');
    expect(appid?.refused[1]).toContain(APPID);
  });

  it('the wizard says which character of a secret or an appid is wrong and where, or only the length (zh, en)', async () => {
    const spaced = `${SECRET.slice(0, 16)} ${SECRET.slice(16, 31)}`;
    const nonHex = `${SECRET.slice(0, 31)}G`;
    const short = APPID.slice(0, 17);
    const zh = terminal(tempConfigDir(), ['test', short, 'wx1234567890abcdeg', APPID, spaced, nonHex, SECRET.slice(2), SECRET, '127.0.0.1:8080', '', true], {}, 'zh');
    expect(await init(zh.ctx)).toBe(EXIT.ok);
    const appid = zh.asked.find((a) => /AppID/i.test(a.message));
    expect(appid?.refused[0]).toContain(`"${short}" 不是 appid：它有 17 个字符，appid 是 18 个（wx 加 16 位十六进制）。`);
    expect(appid?.refused[1]).toContain('"wx1234567890abcdeg" 不是 appid：含非十六进制字符 g（第 18 个）。');
    const secret = zh.asked.find((a) => a.kind === 'password');
    expect(secret?.refused[0]).toContain('AppSecret 的第 17 个字符是空格。');
    expect(secret?.refused[1]).toContain('AppSecret 含非十六进制字符 G（第 32 个）。');
    expect(secret?.refused[2]).toContain('AppSecret 有 30 个字符，应为 32 位十六进制。');
    // Said once, and a test account is sent to its own page (测试号信息), not to a 基本配置 it does not have.
    expect(secret?.refused[2]).toBe('secret：AppSecret 有 30 个字符，应为 32 位十六进制。测试号的 appsecret 在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login 的「测试号信息」里，复制过来。');
    expect(appid?.refused[0]).toContain('测试号的 appID 在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login 的「测试号信息」里');
    expect(appid?.refused[0]).not.toContain('基本配置');
    // The secret itself is never in what the wizard says.
    for (const said of secret?.refused ?? []) for (const given of [spaced, nonHex, SECRET.slice(2)]) expect(said).not.toContain(given.slice(4, 20));

    const en = terminal(tempConfigDir(), ['test', APPID, spaced, nonHex, SECRET, '127.0.0.1:8080', '', true]);
    expect(await init(en.ctx)).toBe(EXIT.ok);
    const enSecret = en.asked.find((a) => a.kind === 'password');
    expect(enSecret?.refused[0]).toContain('character 17 of the AppSecret is a space.');
    expect(enSecret?.refused[1]).toContain('the AppSecret has a character that is not a hex digit: G (character 32).');
    expect(enSecret?.refused[1]).toContain('a test account’s appsecret is under 测试号信息 on its page, mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login');
    // Another account type: the console's 基本配置, the length said once.
    const service = await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET.slice(1), '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(service.stderr).toBe(
      '✖ --secret: the AppSecret has 31 characters; it needs 32 hex digits.\n→ View or reset it at mp.weixin.qq.com → 设置与开发 → 基本配置 (website apps: open.weixin.qq.com; test accounts: mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login).\n',
    );
    const test = await runCli(['--lang', 'zh', 'init', '--type', 'test', '--appid', APPID, '--secret', SECRET.slice(1), '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/cb'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(test.stderr).toBe('✖ --secret：AppSecret 有 31 个字符，应为 32 位十六进制。\n→ 测试号的 appsecret 在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login 的「测试号信息」里，复制过来。\n');
  });
});

describe('init per account type (issue 12 item 5)', () => {
  it('subscription: --domain and --redirect-uri are not saved, and the warning says why and what to use instead', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['init', '--type', 'subscription', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'], {
      env: { WXAUTH_CONFIG_DIR: dir },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('--domain');
    expect(r.stderr).toContain('--redirect-uri');
    expect(r.stderr).toMatch(/web authori[sz]ation/i);
    expect(r.stderr).toContain('--type test');
    expect(r.stderr).toContain('--type service');
    // `wxauth url` would fail for a subscription account: never suggested.
    expect(r.stderr).not.toContain('wxauth url');
    expect(r.stderr).not.toContain('wxauth login');
    expect(readConfig(dir).profiles.default).toEqual({ type: 'subscription', appid: APPID, secret: SECRET });
    const json = await runCli(['init', '--type', 'subscription', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--yes', '--json'], {
      env: { WXAUTH_CONFIG_DIR: dir },
    });
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, dropped: ['domain'] });
  });

  it('subscription replacing a service profile: its callback settings do not linger', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const r = await runCli(['init', '--type', 'subscription', '--appid', APPID, '--secret', SECRET, '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(readConfig(dir).profiles.default).toEqual({ type: 'subscription', appid: APPID, secret: SECRET });
  });

  // init merges into the saved profile: a jsDomains saved with config set stayed, though the new type
  // refuses it, for jssdk verify and config list to complain about later. Dropped and said, as the
  // subscription account's callback flags are.
  it('a saved jsDomains the new type refuses is not kept, and said (website: none at all; service: no port)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const TEST = ['--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '192.168.1.5:8080', '--redirect-uri', 'http://192.168.1.5:8080/cb', '--yes'];
    expect((await runCli(['init', ...TEST], { env })).code).toBe(0);
    expect((await runCli(['config', 'set', 'jsDomains', '192.168.1.5:8080,h5.example.com'], { env })).code).toBe(0);
    const service = await runCli(['init', ...SERVICE, '--secret', SECRET, '--yes'], { env });
    expect(service.code, service.stderr).toBe(0);
    expect(readConfig(dir).profiles.default).toEqual({ type: 'service', appid: APPID, secret: SECRET, domain: 'www.example.com', redirectUri: 'https://www.example.com/wechat/callback' });
    expect(service.stderr).toContain(
      '! The jsDomains saved in profile "default" (192.168.1.5:8080,h5.example.com) was removed. 192.168.1.5:8080 in jsDomains has a port, which only a test account (测试号) can register as a JS-safe domain;',
    );
    // config list has nothing left to complain about.
    const list = await runCli(['config', 'list'], { env });
    expect(list.stdout).not.toContain('jsDomains      (refused');
    expect(list.stderr).not.toContain('jsDomains');

    // A website app has no JS-SDK: a domain WeChat would take for an official account goes too (zh, --json).
    expect((await runCli(['config', 'set', 'jsDomains', 'h5.example.com'], { env })).code).toBe(0);
    const WEBSITE = ['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'];
    const zh = await runCli(['--lang', 'zh', ...WEBSITE], { env });
    expect(zh.code, zh.stderr).toBe(0);
    expect(readConfig(dir).profiles.default!.jsDomains).toBeUndefined();
    expect(zh.stderr).toContain('! profile "default" 里保存的 jsDomains（h5.example.com）已删除。网站应用没有 JS-SDK，jsDomains 对它没有意义');
    expect(zh.stderr).toContain('→ 在公众号的 profile 上设置，例如：wxauth --profile <公众号> config set jsDomains h5.example.com');
    expect((await runCli(['config', 'set', 'type', 'service'], { env })).code).toBe(0);
    expect((await runCli(['config', 'set', 'jsDomains', 'h5.example.com'], { env })).code).toBe(0);
    const json = await runCli(['--json', ...WEBSITE], { env });
    const doc = parseJson(json.stdout) as { droppedJsDomains: string | null; warnings: Array<{ id: string }> };
    expect(doc.droppedJsDomains).toBe('h5.example.com');
    expect(doc.warnings.map((w) => w.id)).toContain('init.jsDomains.dropped');

    // One the new type takes stays, unannounced.
    expect((await runCli(['init', ...TEST], { env })).code).toBe(0);
    expect((await runCli(['config', 'set', 'jsDomains', '192.168.1.5:8080'], { env })).code).toBe(0);
    const again = await runCli(['init', ...TEST, '--json'], { env });
    expect(parseJson(again.stdout)).toMatchObject({ droppedJsDomains: null });
    expect(readConfig(dir).profiles.default!.jsDomains).toBe('192.168.1.5:8080');
  });

  // It was said only after the write. Without --yes and a terminal the refusal says what --yes would also
  // remove; the wizard says it before its last question, where "no" keeps it.
  it('a saved jsDomains the new type refuses is said before anything is replaced (no --yes: in the refusal; the wizard: before its question)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    await seedProfile(dir);
    expect((await runCli(['config', 'set', 'jsDomains', 'h5.example.com'], { env })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const WEBSITE = ['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'];
    const en = await runCli(WEBSITE, { env });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('✖ Profile "default" already exists (service, appid wx1234567890abcdef)');
    // A further line of the refusal: "Also:", as its neighbours.
    expect(en.stderr).toContain(
      '\n✖ Also: with --yes, the jsDomains saved in profile "default" (h5.example.com) would be removed too. A website app has no JS-SDK, so jsDomains means nothing for it',
    );
    const zh = await runCli(['--lang', 'zh', ...WEBSITE], { env });
    expect(zh.stderr).toContain('\n✖ 另外：加 --yes 的话，profile "default" 里保存的 jsDomains（h5.example.com）也会被删除。网站应用没有 JS-SDK，jsDomains 对它没有意义');
    // Beside a refused flag, the same words after the profile's own "Also:" line.
    const withFlag = await runCli([...WEBSITE, '--appid', 'wx123'], { env });
    expect(withFlag.stderr).toMatch(/\n✖ Also: Profile "default" already exists [^\n]*\n✖ Also: with --yes, the jsDomains saved in profile "default" \(h5\.example\.com\) would be removed too\./);
    // A type that keeps it: not a word of it.
    expect((await runCli(['init', ...SERVICE, '--secret', SECRET], { env })).stderr).not.toContain('jsDomains');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);

    // The wizard: said before "Write profile?"; no keeps it, yes removes it and is not said twice.
    const no = terminal(dir, [true, 'website', '', '', 'www.example.com', '', false]);
    await expect(init(no.ctx)).rejects.toBeInstanceOf(CancelledError);
    expect(no.asked.at(-1)!.message).toBe('Write profile "default"?');
    expect(no.stderr()).toContain('! Writing it removes the jsDomains saved in profile "default" (h5.example.com). A website app has no JS-SDK');
    expect(no.stderr()).toContain("→ Set it on the official account's profile");
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    const yes = terminal(dir, [true, 'website', '', '', 'www.example.com', '', true], {}, 'zh');
    await init(yes.ctx);
    expect(yes.stderr()).toContain('! 写入后，profile "default" 里保存的 jsDomains（h5.example.com）会被删除。网站应用没有 JS-SDK');
    expect(yes.stderr()).not.toContain('已删除');
    expect(readConfig(dir).profiles.default!.jsDomains).toBeUndefined();
  });

  it('website: the next step is a QR-connect URL (snsapi_login), for the profile just written', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const r = await runCli(['init', '--profile', 'web', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'], {
      env: { WXAUTH_CONFIG_DIR: dir },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('wxauth --profile web url --scope snsapi_login');
    expect(r.stderr).not.toContain('snsapi_userinfo');
  });

  it('service: the next step is an snsapi_userinfo URL, without --profile for the current profile', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['init', ...SERVICE, '--secret', SECRET], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.stderr).toContain('wxauth url --scope snsapi_userinfo');
  });

  // login refuses a redirect_uri its local listener cannot receive (a public one, the usual real
  // callback): init suggests login only for a local or LAN one, and for a public one how to catch the
  // code without it (listen --paste, listen --relay-snippet).
  it('service with a public redirect_uri: url, then listen --paste or --relay-snippet, not the login that refuses it', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const r = await runCli(['init', '--profile', 'prod', ...SERVICE, '--secret', SECRET], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Next: wxauth --profile prod url --scope snsapi_userinfo, then wxauth --profile prod listen --paste');
    expect(r.stderr).toContain('wxauth --profile prod listen --relay-snippet');
    expect(r.stderr).toContain('wxauth login needs a local or LAN redirect_uri, and https://www.example.com/wechat/callback is neither.');
    expect(r.stderr).not.toContain('wxauth --profile prod login');
    // What was not suggested is what would have failed.
    const login = await runCli(['--profile', 'prod', 'login'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(login.code).toBe(2);
    expect(login.stderr).toContain('is not a local or LAN address');
    // Its next step fits a service account: url and listen --paste, not a local redirect_uri WeChat would refuse (10003).
    expect(login.stderr).toContain('A real account’s callback must be on its web-authorization domain, so login cannot catch it here: run wxauth url --profile prod, then paste the callback address into wxauth listen --profile prod --paste');
    expect(login.stderr).not.toContain('config set redirectUri');
    const zh = await runCli(['--lang', 'zh', 'init', '--profile', 'prod', ...SERVICE, '--secret', SECRET, '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.stderr).toContain('下一步：wxauth --profile prod url --scope snsapi_userinfo，再用 wxauth --profile prod listen --paste');
    expect(zh.stderr).toContain('wxauth login 要求本机或局域网的 redirect_uri');
    expect(zh.stderr).not.toContain('wxauth --profile prod login');
  });

  it('website with a public redirect_uri: the QR-connect URL, then listen --paste, not login', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb'], {
      env: { WXAUTH_CONFIG_DIR: dir },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Next: wxauth url --scope snsapi_login (the QR-connect page, for a desktop browser), then wxauth listen --paste');
    expect(r.stderr).not.toMatch(/or wxauth login/);
  });

  it('test account with an https redirect_uri on this machine: its http form, not a page on a public domain', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '127.0.0.1:8443', '--redirect-uri', 'https://127.0.0.1:8443/cb'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('For wxauth login, the redirect_uri must be http: the local listener speaks plain HTTP, and https://127.0.0.1:8443/cb is https.');
    expect(r.stderr).toContain('wxauth config set redirectUri http://127.0.0.1:8443/cb');
    expect(r.stderr).not.toContain('relay-snippet');
    expect(r.stderr).not.toContain('is neither');
    // What it suggests is what login then accepts.
    expect((await runCli(['config', 'set', 'redirectUri', 'http://127.0.0.1:8443/cb'], { env: { WXAUTH_CONFIG_DIR: dir } })).code).toBe(0);
    const zh = await runCli(['--lang', 'zh', 'init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '127.0.0.1:8443', '--redirect-uri', 'https://127.0.0.1:8443/cb', '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(zh.stderr).toContain('本机的监听器只说 HTTP');
  });

  it.each([
    ['loopback', '127.0.0.1:8080', 'http://127.0.0.1:8080/callback'],
    ['LAN', '192.168.1.20:8080', 'http://192.168.1.20:8080/callback'],
  ])('test account with a %s redirect_uri: login is suggested', async (_name, domain, redirectUri) => {
    const dir = tempConfigDir();
    const r = await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', domain, '--redirect-uri', redirectUri], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Next: wxauth url --scope snsapi_userinfo, or wxauth login.');
    expect(r.stderr).not.toContain('listen --paste');
  });

  it("an official account's callback on this machine: open the link in desktop WeChat, a phone cannot reach it (en, zh); not so on the emulator", async () => {
    // A test account: the one official account whose console takes this machine's name as its domain.
    const args = ['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', 'localhost', '--redirect-uri', 'http://localhost/wechat/callback', '--yes'];
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('http://localhost/wechat/callback is on this machine, which WeChat on a phone cannot reach: open the authorization link in desktop WeChat here');
    expect((await runCli(['--lang', 'zh', ...args], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } })).stderr).toContain('在本机的电脑版微信里打开授权链接');
    // Against the emulator a browser on this machine finishes the flow: nothing to warn about.
    const emulated = await runCli(args, { env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_OPEN_BASE: 'http://127.0.0.1:3900' } });
    expect(emulated.stderr).toContain('Next: wxauth url --scope snsapi_userinfo, or wxauth login.\n');
    expect(emulated.stderr).not.toContain('desktop WeChat');
    // A website app's QR login finishes in a browser here: login as before.
    const website = await runCli(['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'localhost', '--redirect-uri', 'http://localhost/cb', '--yes'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(website.stderr).not.toContain('desktop WeChat');
  });

  it("localhost as a real account's domain: saved (the emulator takes it), with a warning that WeChat's console does not, and what to use instead (en, zh, --json)", async () => {
    const args = ['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'localhost', '--redirect-uri', 'http://localhost/callback', '--yes'];
    const dir = tempConfigDir();
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(readConfig(dir).profiles.default).toMatchObject({ type: 'service', domain: 'localhost' });
    expect(r.stderr).toContain('! The callback domain localhost is a name only this machine knows: the MP console takes as 网页授权域名 only a registered (ICP-filed) domain of the account’s own, which WeChat fetches the MP_verify file from, so real WeChat answers 10003');
    expect(r.stderr).toContain('Only the emulator (wxauth emulator, wxauth demo) and a test account (测试号, which also takes an IP:port) accept it.');
    expect(r.stderr).toContain('→ For this account, use the domain registered in its console');
    expect(r.stderr).toContain('get a test account at mp.weixin.qq.com/debug/cgi-bin/sandbox');
    // Not the next step that implies it works.
    expect(r.stderr).not.toContain('desktop WeChat');
    expect(r.stderr).not.toContain('Next:');
    const zh = await runCli(['--lang', 'zh', ...args], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(zh.stderr).toContain('! 回调域名 localhost 只有本机认得：公众号后台只接受这个号自己的已备案域名作为网页授权域名（微信要能从它取到 MP_verify 文件）');
    expect(zh.stderr).toContain('只有模拟器（wxauth emulator、wxauth demo）和测试号（测试号还接受 IP:端口）接受它。');
    expect(zh.stderr).toContain('在 mp.weixin.qq.com/debug/cgi-bin/sandbox 申请测试号');
    const json = await runCli([...args, '--json'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, warnings: [{ id: 'init.loopbackDomain' }] });
    // A website app (开放平台) too; a test account or the emulator: no warning.
    const website = await runCli(['init', '--type', 'website', '--appid', APPID, '--secret', SECRET, '--domain', 'localhost', '--redirect-uri', 'http://localhost/cb', '--yes'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(website.stderr).toContain('! The callback domain localhost is a name only this machine knows: the Open Platform takes as 授权回调域 only a registered (ICP-filed) domain');
    // What its QR login page shows, not the 公众号's 10003 (API-FACTS §2.1).
    expect(website.stderr).toContain('so on real WeChat the QR login page shows 「该链接无法访问」.');
    expect(website.stderr).not.toContain('10003');
    // Website apps have no test account: not offered one.
    expect(website.stderr).toContain('Only the emulator (wxauth emulator, wxauth demo) accepts it (website apps have no test account).');
    expect(website.stderr).toContain('Website apps have no test account: to try the QR login on this machine, use the emulator');
    expect(website.stderr).not.toContain('sandbox');
    const test = await runCli(['init', '--type', 'test', ...args.slice(3)], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(test.stderr).not.toContain('only this machine knows');
    const emulated = await runCli(args, { env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_OPEN_BASE: 'http://127.0.0.1:3900' } });
    expect(emulated.stderr).not.toContain('only this machine knows');
    expect(emulated.stderr).toContain('Next: wxauth url --scope snsapi_userinfo, or wxauth login.');
  });

  it('config set domain localhost on a real account says what init says; a test account, the emulator or another domain: nothing', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    await runCli(['init', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'], { env });
    const r = await runCli(['config', 'set', 'domain', 'localhost', 'redirectUri', 'http://localhost/cb'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(readConfig(dir).profiles.default).toMatchObject({ domain: 'localhost', redirectUri: 'http://localhost/cb' });
    expect(r.stderr).toContain('! The callback domain localhost is a name only this machine knows: the MP console takes as 网页授权域名 only a registered (ICP-filed) domain');
    expect(r.stderr).toContain('→ For this account, use the domain registered in its console');
    const zh = await runCli(['--lang', 'zh', 'config', 'set', 'domain', 'localhost'], { env });
    expect(zh.stderr).toContain('! 回调域名 localhost 只有本机认得');
    const json = await runCli(['config', 'set', 'domain', 'localhost', '--json'], { env });
    expect(parseJson(json.stdout)).toMatchObject({ ok: true, warnings: [{ id: 'init.loopbackDomain' }] });
    // The same profile aimed at the emulator, or another domain set: not a word.
    const emulated = await runCli(['config', 'set', 'domain', 'localhost'], { env: { ...env, WXAUTH_OPEN_BASE: 'http://127.0.0.1:3900' } });
    expect(emulated.stderr).not.toContain('only this machine knows');
    const real = await runCli(['config', 'set', 'domain', 'www.example.com', 'redirectUri', 'https://www.example.com/cb'], { env });
    expect(real.stderr).not.toContain('only this machine knows');
    // A test account takes localhost (and an IP:port).
    const testDir = tempConfigDir();
    await runCli(['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/cb', '--yes'], { env: { WXAUTH_CONFIG_DIR: testDir } });
    const test = await runCli(['config', 'set', 'domain', 'localhost:8080', 'redirectUri', 'http://localhost:8080/cb'], { env: { WXAUTH_CONFIG_DIR: testDir } });
    expect(test.code, test.stderr).toBe(0);
    expect(test.stderr).not.toContain('only this machine knows');
  });
});

// --- the wizard on a real terminal ---------------------------------------------------------------

const canRun = spawnSync('tmux', ['-V']).status === 0 && fs.existsSync(path.join(ROOT, 'dist', 'main.js'));
const SOCKET_DIR = canRun ? fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-tmux-')) : '';
const SOCKET = path.join(SOCKET_DIR, 'sock');

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function screenMatching(name: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', name);
    if (pattern.test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${screen}`);
    await sleep(50);
  }
}

/**
 * Start `wxauth init` on a terminal of its own; the exit code lands in a file. `record`: a file that gets
 * every byte the program writes to its terminal, from its start (tmux pipe-pane, in the same command).
 */
function startInit(dir: string, name: string, args: string[] = [], record?: string): { exitCode: () => string | undefined } {
  const exitFile = path.join(dir, `exit-${name}`);
  const env = { PATH: process.env.PATH ?? '', HOME: dir, TERM: 'xterm-256color', LANG: 'en_US.UTF-8', NO_COLOR: '1', WXAUTH_CONFIG_DIR: dir };
  const script = [
    `cd ${quote(ROOT)}`,
    `env -i ${Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ')} ${quote(process.execPath)} ${quote(BIN)} init ${args.map(quote).join(' ')}`,
    `echo $? > ${quote(exitFile)}`,
    'exec sleep 60',
  ].join('\n');
  const scriptFile = path.join(dir, `run-${name}.sh`);
  fs.writeFileSync(scriptFile, script);
  tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '50', `sh ${quote(scriptFile)}`, ...(record === undefined ? [] : [';', 'pipe-pane', '-O', '-t', name, `cat > ${quote(record)}`]));
  return { exitCode: () => (fs.existsSync(exitFile) ? fs.readFileSync(exitFile, 'utf8').trim() || undefined : undefined) };
}

async function exited(run: { exitCode: () => string | undefined }): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const code = run.exitCode();
    if (code !== undefined) return code;
    if (Date.now() > deadline) throw new Error('timed out waiting for init to exit');
    await sleep(50);
  }
}

describe.skipIf(!canRun)('init on a terminal', () => {
  beforeAll(() => {
    // A session that keeps this tmux server up between tests: it exits when its last session ends, and
    // a new-session racing that exit fails with "server exited unexpectedly" (seen in a CI run).
    tmux('new-session', '-d', '-s', 'server-keeper', 'sleep 3600');
  });
  afterAll(() => {
    spawnSync('tmux', ['-S', SOCKET, 'kill-server']);
    fs.rmSync(SOCKET_DIR, { recursive: true, force: true });
  });

  it('an existing profile: asks before replacing, and Enter at the secret keeps the saved one', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir);
    const run = startInit(dir, 'keep', ['--type', 'service']);
    try {
      await screenMatching('keep', /already exists.*\(y\/N\)/);
      tmux('send-keys', '-t', 'keep', 'y', 'Enter');
      await screenMatching('keep', /AppID/);
      tmux('send-keys', '-t', 'keep', 'Enter');
      await screenMatching('keep', /AppSecret.*keep/i);
      tmux('send-keys', '-t', 'keep', 'Enter');
      await screenMatching('keep', /domain/i);
      tmux('send-keys', '-t', 'keep', 'Enter');
      await screenMatching('keep', /redirect_uri/);
      tmux('send-keys', '-t', 'keep', 'Enter');
      await screenMatching('keep', /Write profile/);
      tmux('send-keys', '-t', 'keep', 'y', 'Enter');
      expect(await exited(run)).toBe('0');
      expect(readConfig(dir).profiles.default).toMatchObject({ appid: APPID, secret: SECRET });
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'keep']);
    }
  });

  it("a test account's domain prompt points at the test account's own page, where an IP:port is taken", async () => {
    const dir = tempConfigDir();
    const run = startInit(dir, 'testdomain', ['--type', 'test', '--appid', APPID, '--secret', SECRET]);
    try {
      const screen = await screenMatching('testdomain', /domain/i);
      expect(screen).toContain('测试号管理 → 体验接口权限表 → 网页授权获取用户基本信息 → 修改');
      expect(screen).not.toContain('设置与开发');
      tmux('send-keys', '-t', 'testdomain', 'C-c');
      expect(await exited(run)).toBe('130');
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'testdomain']);
    }
  });

  it("a test account's secret prompt says a wrong length once and points at the test account's page (zh)", async () => {
    const dir = tempConfigDir();
    const run = startInit(dir, 'testsecret', ['--lang', 'zh', '--type', 'test', '--appid', APPID]);
    try {
      await screenMatching('testsecret', /AppSecret/);
      tmux('send-keys', '-t', 'testsecret', '-l', SECRET.slice(1));
      tmux('send-keys', '-t', 'testsecret', 'Enter');
      // Compared without blanks: the terminal wraps the line where a space was.
      const screen = (await screenMatching('testsecret', /复制过来/)).replace(/\s+/g, '');
      expect(screen).toContain('AppSecret有31个字符，应为32位十六进制。测试号的appsecret在测试号页面mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login的「测试号信息」里');
      expect(screen.split('32位十六进制')).toHaveLength(2);
      expect(screen).not.toContain('基本配置');
      tmux('send-keys', '-t', 'testsecret', 'C-c');
      expect(await exited(run)).toBe('130');
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'testsecret']);
    }
  });

  it('a service domain with a port is refused at the domain prompt, so the redirect_uri prompt is never a dead end', async () => {
    const dir = tempConfigDir();
    const run = startInit(dir, 'port', ['--type', 'service', '--appid', APPID, '--secret', SECRET]);
    try {
      await screenMatching('port', /domain/i);
      tmux('send-keys', '-t', 'port', '-l', 'www.example.com:8443');
      tmux('send-keys', '-t', 'port', 'Enter');
      await screenMatching('port', /test account/);
      // Clear the refused answer and type a bare host.
      tmux('send-keys', '-t', 'port', 'C-u');
      tmux('send-keys', '-t', 'port', '-l', 'www.example.com');
      tmux('send-keys', '-t', 'port', 'Enter');
      await screenMatching('port', /redirect_uri.*https:\/\/www\.example\.com\/wechat\/callback/);
      tmux('send-keys', '-t', 'port', 'Enter');
      await screenMatching('port', /Write profile/);
      tmux('send-keys', '-t', 'port', 'y', 'Enter');
      expect(await exited(run)).toBe('0');
      expect(readConfig(dir).profiles.default).toMatchObject({ domain: 'www.example.com', redirectUri: 'https://www.example.com/wechat/callback' });
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'port']);
    }
  });

  // An AppSecret copied from the admin page with the line under it (its 重置 button): the prompt took the
  // first line, and the rest, which a terminal may write a moment later, was typed and shown at the
  // domain prompt, to be saved as the domain with one more Enter.
  it('an AppSecret pasted with a second line is refused at the secret prompt, masked; nothing reaches the domain prompt', async () => {
    const dir = tempConfigDir();
    const run = startInit(dir, 'pasted', ['--type', 'service', '--appid', APPID]);
    try {
      await screenMatching('pasted', /AppSecret/);
      // The paste in two pieces, as a terminal may write it (over ssh, or a long paste).
      tmux('send-keys', '-t', 'pasted', '-l', `${SECRET}\n`);
      await sleep(40);
      tmux('send-keys', '-t', 'pasted', '-l', '重置');
      const refused = (await screenMatching('pasted', /2 lines/)).replace(/\s+/g, ' ');
      expect(refused).toContain('What was pasted holds 2 lines, and an AppSecret is one line of 32 hex digits: none of it was taken.');
      expect(refused).toContain('Press Ctrl-U to clear it, then paste the AppSecret alone.');
      expect(refused).not.toMatch(/domain/i);
      expect(refused).not.toContain('重置');
      tmux('send-keys', '-t', 'pasted', 'C-u');
      tmux('send-keys', '-t', 'pasted', '-l', SECRET);
      tmux('send-keys', '-t', 'pasted', 'Enter');
      const domain = await screenMatching('pasted', /Web-auth domain/);
      expect(domain).not.toContain('重置');
      expect(domain).not.toContain(SECRET);
      tmux('send-keys', '-t', 'pasted', 'C-c');
      expect(await exited(run)).toBe('130');
      // Cancelled: nothing written.
      expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'pasted']);
    }
  });

  // A terminal may write one bracketed paste in pieces (over ssh, a long paste). The break at the end of the
  // first piece was taken as Enter once the quiet time passed, though the terminal had not said the paste
  // was over (ESC[201~): the first line was the answer, and 重置 was typed at the domain prompt. The quiet
  // time alone cannot refuse this paste: only the brackets tell. Sent as the bytes a terminal writes.
  it('zh: a bracketed paste in two pieces further apart than the quiet time is refused whole; Ctrl-C then leaves bracketed paste off', async () => {
    const dir = tempConfigDir();
    const drawn = path.join(dir, 'split.out');
    const run = startInit(dir, 'split', ['--lang', 'zh', '--type', 'service', '--appid', APPID], drawn);
    try {
      await screenMatching('split', /AppSecret/);
      tmux('send-keys', '-t', 'split', '-l', `\u001b[200~${SECRET}\n`);
      await sleep(400);
      tmux('send-keys', '-t', 'split', '-l', '重置\u001b[201~');
      const screen = (await screenMatching('split', /2\s*行|网页授权域名/)).replace(/\s+/g, '');
      expect(screen).toContain('粘贴的内容有2行，而AppSecret只有一行、32位十六进制：这次粘贴的内容都没有采用。按Ctrl-U清空，再只粘贴AppSecret本身。');
      expect(screen).not.toContain('网页授权域名');
      expect(screen).not.toContain('重置');
      expect(screen).not.toContain(SECRET);
      tmux('send-keys', '-t', 'split', 'C-c');
      expect(await exited(run)).toBe('130');
      expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
      // Asked of the terminal while the secret prompt was shown, and switched off when Ctrl-C ended it.
      const bytes = fs.readFileSync(drawn, 'utf8');
      expect(bytes.indexOf('\u001b[?2004h')).toBeGreaterThanOrEqual(0);
      expect(bytes.lastIndexOf('\u001b[?2004l')).toBeGreaterThan(bytes.lastIndexOf('\u001b[?2004h'));
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'split']);
    }
  });

  // Refused with bracketed paste or without: a paste in one piece is refused by the quiet time alone.
  it('zh: the AppID row copied with the AppSecret, pasted at once, is refused as two lines; the AppSecret pasted alone is saved', async () => {
    const dir = tempConfigDir();
    const run = startInit(dir, 'rows', ['--lang', 'zh', '--type', 'subscription', '--appid', APPID]);
    try {
      await screenMatching('rows', /AppSecret/);
      fs.writeFileSync(path.join(dir, 'rows.txt'), `开发者ID(AppID) ${APPID}\n开发者密码(AppSecret) ${SECRET}\n`);
      tmux('load-buffer', '-b', 'rows', path.join(dir, 'rows.txt'));
      // -p: bracketed, when the program asked the terminal for it (ESC[?2004h).
      tmux('paste-buffer', '-p', '-d', '-b', 'rows', '-t', 'rows');
      const refused = (await screenMatching('rows', /2\s*行/)).replace(/\s+/g, '');
      expect(refused).toContain('粘贴的内容有2行，而AppSecret只有一行、32位十六进制：这次粘贴的内容都没有采用。按Ctrl-U清空，再只粘贴AppSecret本身。');
      expect(refused).not.toContain(SECRET);
      expect(refused).not.toContain(APPID);
      tmux('send-keys', '-t', 'rows', 'C-u');
      tmux('send-keys', '-t', 'rows', '-l', SECRET);
      tmux('send-keys', '-t', 'rows', 'Enter');
      await screenMatching('rows', /写入 profile/);
      tmux('send-keys', '-t', 'rows', 'y', 'Enter');
      expect(await exited(run)).toBe('0');
      expect(readConfig(dir).profiles.default).toMatchObject({ type: 'subscription', appid: APPID, secret: SECRET });
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'rows']);
    }
  });

  // The AppID and AppSecret copied from the console's two rows, pasted at the AppID prompt: the prompt took
  // the AppID, and the AppSecret was typed into the secret prompt, where * hid it, one Enter from saved.
  it('the AppID and AppSecret pasted as two lines at the AppID prompt are refused whole, the AppSecret masked; the secret prompt then starts empty', async () => {
    const dir = tempConfigDir();
    const run = startInit(dir, 'appid2', ['--type', 'service']);
    try {
      await screenMatching('appid2', /AppID/);
      tmux('send-keys', '-t', 'appid2', '-l', `${APPID}\n${SECRET}\n`);
      const refused = (await screenMatching('appid2', /2 lines/)).replace(/\s+/g, ' ');
      expect(refused).toContain('What was pasted holds 2 lines, and an AppID is one line (wx and 16 hex digits): none of it was taken.');
      expect(refused).toContain('Press Ctrl-U to clear it, then paste the AppID alone; the AppSecret is asked next, on its own.');
      expect(refused).toContain(`${APPID}␤${'*'.repeat(32)}`);
      expect(refused).not.toContain(SECRET);
      expect(refused).not.toContain('AppSecret (shown as *)');
      tmux('send-keys', '-t', 'appid2', 'C-u');
      tmux('send-keys', '-t', 'appid2', '-l', APPID);
      tmux('send-keys', '-t', 'appid2', 'Enter');
      await screenMatching('appid2', /AppSecret \(shown as \*\)/);
      // Nothing of the paste waits there: Enter alone is an empty answer, refused as one.
      tmux('send-keys', '-t', 'appid2', 'Enter');
      const secret = await screenMatching('appid2', /AppSecret has 0 characters/);
      expect(secret).toMatch(/\? AppSecret \(shown as \*\)\s*\n/);
      tmux('send-keys', '-t', 'appid2', 'C-c');
      expect(await exited(run)).toBe('130');
      expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'appid2']);
    }
  });

  // The same at the domain prompt, pasted bracketed (as a terminal does once asked): the second line went
  // on to the redirect_uri prompt.
  it('zh: a bracketed paste of two lines at the domain prompt is refused whole; nothing reaches the redirect_uri prompt; bracketed paste off at the end', async () => {
    const dir = tempConfigDir();
    const drawn = path.join(dir, 'domain2.out');
    const run = startInit(dir, 'domain2', ['--lang', 'zh', '--type', 'service', '--appid', APPID, '--secret', SECRET], drawn);
    try {
      await screenMatching('domain2', /网页授权域名/);
      fs.writeFileSync(path.join(dir, 'domain2.txt'), 'www.example.com\nhttps://www.example.com/wechat/callback\n');
      tmux('load-buffer', '-b', 'domain2', path.join(dir, 'domain2.txt'));
      tmux('paste-buffer', '-p', '-d', '-b', 'domain2', '-t', 'domain2');
      const refused = (await screenMatching('domain2', /2\s*行/)).replace(/\s+/g, '');
      expect(refused).toContain('粘贴的内容有2行，而域名只有一行：这次粘贴的内容都没有采用。按Ctrl-U清空，再只粘贴或输入域名本身。');
      expect(refused).not.toContain('redirect_uri（');
      tmux('send-keys', '-t', 'domain2', 'C-u');
      tmux('send-keys', '-t', 'domain2', '-l', 'www.example.com');
      tmux('send-keys', '-t', 'domain2', 'Enter');
      await screenMatching('domain2', /redirect_uri.*https:\/\/www\.example\.com\/wechat\/callback/);
      tmux('send-keys', '-t', 'domain2', 'Enter');
      await screenMatching('domain2', /写入 profile/);
      tmux('send-keys', '-t', 'domain2', 'y', 'Enter');
      expect(await exited(run)).toBe('0');
      expect(readConfig(dir).profiles.default).toMatchObject({ domain: 'www.example.com', redirectUri: 'https://www.example.com/wechat/callback' });
      const bytes = fs.readFileSync(drawn, 'utf8');
      expect(bytes.lastIndexOf('\u001b[?2004l')).toBeGreaterThan(bytes.lastIndexOf('\u001b[?2004h'));
    } finally {
      spawnSync('tmux', ['-S', SOCKET, 'kill-session', '-t', 'domain2']);
    }
  });
});

describe('init with endpoint flags', () => {
  it('keeps --api-base / --open-base / --region in the profile it writes, and says so (they used to last only that run)', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['--lang', 'zh', 'init', ...SERVICE, '--secret', SECRET, '--api-base', 'http://127.0.0.1:3900', '--open-base', 'http://127.0.0.1:3900', '--yes'], {
      env: { WXAUTH_CONFIG_DIR: dir },
    });
    expect(r.code).toBe(EXIT.ok);
    expect(readConfig(dir).profiles.default).toMatchObject({ apiBase: 'http://127.0.0.1:3900', openBase: 'http://127.0.0.1:3900' });
    expect(r.stderr).toContain('也保存了 apiBase http://127.0.0.1:3900、openBase http://127.0.0.1:3900');
    // The way back names the keys: `config unset` alone is a usage error.
    expect(r.stderr).toContain('（wxauth config unset apiBase openBase 可去掉）');
    // A later command without the flags goes where the profile says.
    const get = await runCli(['config', 'get', 'apiBase'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(get.stdout.trim()).toBe('http://127.0.0.1:3900');

    const json = parseJson((await runCli(['init', ...SERVICE, '--secret', SECRET, '--region', 'sh', '--yes', '--json'], { env: { WXAUTH_CONFIG_DIR: dir } })).stdout);
    expect(json.endpoints).toEqual({ region: 'sh' });
    // Re-initialising without them keeps the ones saved before, as it keeps every override.
    expect(readConfig(dir).profiles.default).toMatchObject({ apiBase: 'http://127.0.0.1:3900', region: 'sh' });
  });

  it('--region beside --api-base is refused without --yes, as config set refuses it (en, zh); --yes saves both; nothing written before', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const both = ['init', ...SERVICE, '--secret', SECRET, '--region', 'sh', '--api-base', 'http://127.0.0.1:3900'];
    const en = await runCli(both, { env });
    expect(en.code).toBe(EXIT.usage);
    expect(en.stderr).toContain('Profile "default" would then hold both region sh and apiBase http://127.0.0.1:3900: the API base wins');
    expect(en.stderr).toContain('→ Give only one of --region and --api-base; or add --yes to save both anyway (the API base is used).');
    const zh = await runCli(['--lang', 'zh', ...both], { env });
    expect(zh.code).toBe(EXIT.usage);
    expect(zh.stderr).toContain('保存后 profile "default" 会同时有 region sh 和 apiBase http://127.0.0.1:3900');
    expect(zh.stderr).toContain('→ --region 和 --api-base 只给一个；或加 --yes 照样保存两者（用的是 API 地址）。');
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    const yes = await runCli([...both, '--yes'], { env });
    expect(yes.code).toBe(EXIT.ok);
    expect(readConfig(dir).profiles.default).toMatchObject({ apiBase: 'http://127.0.0.1:3900', region: 'sh' });
    // Saved with --yes, said at once: the region is not used.
    expect(yes.stderr).toContain('! Profile "default" saves both region sh and apiBase http://127.0.0.1:3900: the API base wins, so region sh is not used');
    // Re-initialised with --yes over a saved apiBase with a password: said, and the password never shown.
    const withPassword = tempConfigDir();
    await runCli(['init', ...SERVICE, '--secret', SECRET, '--api-base', 'http://u:pa55word@127.0.0.1:3900', '--yes'], { env: { WXAUTH_CONFIG_DIR: withPassword } });
    const again = await runCli(['--lang', 'zh', 'init', ...SERVICE, '--secret', SECRET, '--region', 'sh', '--yes'], { env: { WXAUTH_CONFIG_DIR: withPassword } });
    expect(again.code, again.stderr).toBe(EXIT.ok);
    expect(again.stderr).toContain('profile "default" 同时保存了接入点 region sh 和 apiBase http://u:***@127.0.0.1:3900');
    expect(again.stderr + again.stdout).not.toContain('pa55word');
  });

  it('the wizard asks before saving --region beside the apiBase the profile keeps: no is exit 130, nothing changes; yes saves', async () => {
    const dir = tempConfigDir();
    await seedProfile(dir, ['--api-base', 'http://127.0.0.1:3900']);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const declined = terminal(dir, [true, false], { region: 'sh' }, 'zh');
    const error = await init(declined.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect(declined.asked.map((a) => a.kind)).toEqual(['confirm', 'confirm']);
    expect(declined.asked[1]?.default).toBe(false);
    expect(declined.stderr()).toContain('保存后 profile "default" 会同时有 region sh 和 apiBase http://127.0.0.1:3900');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
    const agreed = terminal(dir, [true, true, 'service', '', '', 'www.example.com', '', true], { region: 'sh' });
    expect(await init(agreed.ctx)).toBe(EXIT.ok);
    expect(agreed.asked[1]?.message).toBe('Save both anyway (the API base is used)?');
    expect(readConfig(dir).profiles.default).toMatchObject({ apiBase: 'http://127.0.0.1:3900', region: 'sh' });
  });

  it('without endpoint flags saves none and says nothing about them', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['init', ...SERVICE, '--secret', SECRET], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(EXIT.ok);
    expect(readConfig(dir).profiles.default).not.toHaveProperty('apiBase');
    expect(r.stderr).not.toContain('Also saved');
  });
});

describe('init over a profile that names the emulator', () => {
  it('says the old profile\'s emulator addresses stay, and how to drop them (en, --json)', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const first = await runCli(['init', '--profile', 'a', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/cb', '--api-base', 'http://127.0.0.1:3977', '--open-base', 'http://127.0.0.1:3977', '--yes'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toContain('keeps its');
    const again = ['init', '--profile', 'a', '--type', 'service', '--appid', APPID, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '--yes'];
    const r = await runCli(again, { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Profile "a" keeps its apiBase http://127.0.0.1:3977, openBase http://127.0.0.1:3977: this account’s calls still go there. To use WeChat: wxauth --profile a config unset apiBase openBase.');
    const json = parseJson((await runCli([...again, '--json'], { env })).stdout) as { keptEndpoints: Record<string, string> };
    expect(json.keptEndpoints).toEqual({ apiBase: 'http://127.0.0.1:3977', openBase: 'http://127.0.0.1:3977' });
  });
});

describe('--secret - (the AppSecret piped on stdin, never on a command line)', () => {
  it('init and config set read it from stdin; nothing piped is a usage error that changes nothing', async () => {
    const dir = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: dir };
    const made = await runCli(['init', ...SERVICE, '--secret', '-'], { env, input: `${SECRET}\n` });
    expect(made.code, made.stderr).toBe(EXIT.ok);
    expect(readConfig(dir).profiles.default?.secret).toBe(SECRET);
    const changed = await runCli(['config', 'set', 'secret', '-'], { env, input: OTHER_SECRET });
    expect(changed.code, changed.stderr).toBe(EXIT.ok);
    expect(readConfig(dir).profiles.default?.secret).toBe(OTHER_SECRET);
    const empty = await runCli(['config', 'set', 'secret', '-'], { env, input: '' });
    expect(empty.code).toBe(EXIT.usage);
    expect(empty.stderr).toContain('secret - read no AppSecret from stdin');
    expect(empty.stderr).toContain('printf %s "$WX_SECRET" | wxauth config set secret -');
    expect(readConfig(dir).profiles.default?.secret).toBe(OTHER_SECRET);
    // What is piped is checked as any secret: a space is pointed out, not saved.
    const spaced = await runCli(['config', 'set', 'secret', '-'], { env, input: ` ${SECRET}` });
    expect(spaced.code).toBe(EXIT.usage);
    expect(readConfig(dir).profiles.default?.secret).toBe(OTHER_SECRET);
  });

  it("an official account's https callback on this machine: the http form for login, and desktop WeChat too", async () => {
    const args = ['init', '--type', 'test', '--appid', APPID, '--secret', SECRET, '--domain', 'localhost', '--redirect-uri', 'https://localhost/wechat/callback', '--yes'];
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('config set redirectUri http://localhost/wechat/callback');
    expect(r.stderr).toContain('Also, https://localhost/wechat/callback is on this machine, which WeChat on a phone cannot reach: open the authorization link in desktop WeChat here');
    expect((await runCli(['--lang', 'zh', ...args], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } })).stderr).toContain('另外，https://localhost/wechat/callback 在本机上');
  });
});


// The emulator's export line for `--domain wx5e1ec0de00000003=localhost:8093` (WXAUTH_DOMAIN=localhost,
// WXAUTH_REDIRECT_URI=http://localhost:8093/callback), which url takes with a warning, could not be saved:
// init refused it (exit 2, even with --yes) advising "use the emulator" to a user aimed at it.
describe('init against the emulator', () => {
  const EMU = 'http://127.0.0.1:3977';
  const WEBSITE = ['init', '--type', 'website', '--appid', 'wx5e1ec0de00000003', '--secret', '5e1ec0de5e1ec0de5e1ec0de00000003', '--domain', 'localhost'];
  it("saves the emulator's own line: a website app's redirect_uri on a port of this machine", async () => {
    const dir = tempConfigDir();
    const r = await runCli([...WEBSITE, '--redirect-uri', 'http://localhost:8093/callback', '--api-base', EMU, '--open-base', EMU, '--yes'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).profiles.default).toMatchObject({ domain: 'localhost', redirectUri: 'http://localhost:8093/callback', openBase: EMU });
  });
  it('still refuses it against WeChat, and a port off this machine against the emulator without sending the user to the emulator', async () => {
    const wechat = await runCli([...WEBSITE, '--redirect-uri', 'http://localhost:8093/callback', '--yes'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(wechat.code).toBe(EXIT.usage);
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const off = await runCli([...WEBSITE.slice(0, -1), 'example.com', '--redirect-uri', 'http://example.com:8093/callback', '--open-base', EMU, '--yes'], { env });
    expect(off.code).toBe(EXIT.usage);
    expect(off.stderr).not.toContain('use the emulator');
    expect(off.stderr).toContain('the emulator takes one only on this machine (localhost, 127.0.0.1)');
    const zh = await runCli(['--lang', 'zh', ...WEBSITE.slice(0, -1), 'example.com', '--redirect-uri', 'http://example.com:8093/callback', '--open-base', EMU, '--yes'], { env });
    expect(zh.stderr).not.toContain('请用模拟器');
    expect(zh.stderr).toContain('模拟器只在本机（localhost、127.0.0.1）上接受带端口的回调');
  });
});

// Without --domain, the example line took the redirect_uri's host with its port for a website app
// (--domain localhost:8093), which that same init then refused.
describe('init without --domain', () => {
  it("offers the domain a website app's console takes: the redirect_uri's host without its port", async () => {
    const args = ['init', '--type', 'website', '--appid', 'wx5e1ec0de00000003', '--secret', '5e1ec0de5e1ec0de5e1ec0de00000003', '--redirect-uri', 'http://localhost:8093/callback', '--open-base', 'http://127.0.0.1:3977', '--yes'];
    const dir = tempConfigDir();
    const r = await runCli(args, { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).not.toContain('--domain localhost:8093');
    expect(r.stderr).toContain('--domain localhost --redirect-uri http://localhost:8093/callback');
    // The line offered, run as printed, is taken.
    const followed = await runCli([...args.slice(0, -3), '--domain', 'localhost', ...args.slice(-3)], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(followed.code, followed.stderr).toBe(0);
  });
});

// Shell completion, exercised the way bash calls it: COMP_WORDS/COMP_CWORD set, _wxauth run, COMPREPLY read.
// The script calls `wxauth` at TAB time for profile names; here that is the built CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempConfigDir } from './helpers.js';

const hasBash = spawnSync('bash', ['--version']).status === 0;

describe.skipIf(!hasBash)('completion bash', () => {
  const dir = tempConfigDir();
  let script = '';

  beforeAll(async () => {
    script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-comp-')), 'wxauth.bash');
    const r = await runCli(['completion', 'bash']);
    expect(r.code).toBe(0);
    fs.writeFileSync(script, r.stdout);
    for (const profile of ['default', 'staging']) {
      const init = await runCli(
        ['--profile', profile, 'init', '--type', 'test', '--appid', 'wx1234567890abcdef', '--secret', '0123456789abcdef0123456789abcdef', '--domain', '127.0.0.1:8080', '--redirect-uri', 'http://127.0.0.1:8080/callback', '--yes'],
        { env: { WXAUTH_CONFIG_DIR: dir } },
      );
      expect(init.code, init.stderr).toBe(0);
    }
  });

  /** What TAB offers after `words` (the last word is the one being completed). */
  function complete(...words: string[]): string[] {
    const program = [
      `source ${JSON.stringify(script)}`,
      `wxauth() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }`,
      `COMP_WORDS=(wxauth ${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length}; _wxauth; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join('\n');
    const r = spawnSync('bash', ['-c', program], { encoding: 'utf8', env: { ...process.env, WXAUTH_CONFIG_DIR: dir } });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  }

  /** As bash really calls it: COMP_LINE as typed, COMP_WORDS split at blanks and at ':' and '=' too. */
  function completeTyped(line: string): string[] {
    const words = line.split(' ').flatMap((w) => w.split(/([:=])/).filter(Boolean));
    const program = [
      `source ${JSON.stringify(script)}`,
      `wxauth() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }`,
      `COMP_LINE=${JSON.stringify(line)}; COMP_POINT=${line.length}`,
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}${line.endsWith(' ') ? " ''" : ''}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _wxauth; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join('\n');
    const r = spawnSync('bash', ['-c', program], { encoding: 'utf8', env: { ...process.env, WXAUTH_CONFIG_DIR: dir } });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  }

  it('keeps track of the command after a flag value with ":" or "=" in it (bash splits words there)', () => {
    expect(completeTyped('wxauth --api-base http://127.0.0.1:3900 token --f')).toEqual(['--force-refresh']);
    expect(completeTyped('wxauth --profile=staging token --f')).toEqual(['--force-refresh']);
    expect(completeTyped('wxauth --profile staging ur')).toEqual(['url']);
  });

  it('config set takes key value pairs: a key again after a value', () => {
    expect(completeTyped('wxauth config set domain a.example.com redi')).toEqual(['redirectUri']);
    expect(completeTyped('wxauth config set domain a.example.com redirectUri ')).toEqual([]);
  });

  it('config set offers a key\'s few values (type, region), and not a key already given', () => {
    expect(completeTyped('wxauth config set type ')).toEqual(['service', 'subscription', 'test', 'website']);
    expect(completeTyped('wxauth config set domain a.example.com region s')).toEqual(['sh', 'sz']);
    expect(completeTyped('wxauth config set domain a.example.com d')).toEqual([]);
    expect(completeTyped('wxauth config set domain a.example.com ')).not.toContain('domain');
  });

  it('--profile=<TAB> offers the saved profile names, as --profile <TAB> does', () => {
    expect(completeTyped('wxauth --profile=')).toEqual(['default', 'staging']);
    expect(completeTyped('wxauth --profile=st')).toEqual(['staging']);
    expect(completeTyped('wxauth url --scope=snsapi_u')).toEqual(['snsapi_userinfo']);
  });

  it('a file after doctor --verify-file, not the words of its placeholder', () => {
    expect(completeTyped('wxauth doctor --verify-file MP_')).not.toContain('MP_verify_xxx.txt');
  });

  it('offers the scopes after url --scope, not option names', () => {
    expect(complete('url', '--scope', '')).toEqual(['snsapi_base', 'snsapi_userinfo', 'snsapi_login']);
  });

  it("offers url's own --lang values (WeChat's page language) and the interface languages before the command", () => {
    expect(complete('url', '--lang', '')).toEqual(['cn', 'en']);
    expect(complete('--lang', '')).toEqual(['zh', 'en']);
  });

  it('offers the saved profile names after --profile, profile use and profile remove', () => {
    expect(complete('--profile', '')).toEqual(['default', 'staging']);
    expect(complete('profile', 'use', '')).toEqual(['default', 'staging']);
    expect(complete('profile', 'remove', 's')).toEqual(['staging']);
  });

  // A config.json written by hand or by someone else (a shared WXAUTH_CONFIG_DIR) can hold any name: bash's
  // compgen -W expands its words, so a name `$(touch …)` ran at TAB time.
  it('offers only names wxauth would save: one from a config.json written by hand runs nothing and prints no escape', () => {
    const own = tempConfigDir();
    const marker = path.join(own, 'ran');
    const names = ['ok', `$(touch ${marker})`, '`touch ${marker}`', 'a b', 'x\u001b[31mred', '../../etc', 'x'.repeat(65)];
    fs.writeFileSync(path.join(own, 'config.json'), JSON.stringify({ profiles: Object.fromEntries(names.map((n) => [n, {}])), currentProfile: 'ok' }), { mode: 0o600 });
    const program = [
      `source ${JSON.stringify(script)}`,
      `wxauth() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }`,
      `COMP_WORDS=(wxauth --profile ''); COMP_CWORD=2; _wxauth; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join('\n');
    const r = spawnSync('bash', ['-c', program], { encoding: 'utf8', env: { ...process.env, WXAUTH_CONFIG_DIR: own } });
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['ok']);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('offers setting keys after config set, not the subcommands again', () => {
    expect(complete('config', 'set', '')).toContain('redirectUri');
    expect(complete('config', 'set', '')).not.toContain('set');
    expect(complete('config', '')).toEqual(['set', 'get', 'unset', 'list', 'path']);
  });

  it("after a subcommand, offers that subcommand's flags (and the global ones), not its siblings'", () => {
    // `jssdk sign --signature` is refused as an unknown option: sign must not offer it.
    const sign = complete('jssdk', 'sign', '--');
    expect(sign).toEqual(expect.arrayContaining(['--ticket', '--timestamp', '--nonce', '--api', '--exact-url', '--json', '--profile', '--help']));
    for (const other of ['--signature', '--url', '--landing-url', '--show']) expect(sign).not.toContain(other);
    const verify = complete('jssdk', 'verify', '--');
    expect(verify).toEqual(expect.arrayContaining(['--url', '--signature', '--timestamp', '--nonce', '--ticket', '--landing-url']));
    for (const other of ['--show', '--api', '--exact-url']) expect(verify).not.toContain(other);
    expect(complete('jssdk', 'ticket', '--s')).toEqual(['--show', '--show-secrets']);
    // Before the subcommand: only what every subcommand takes.
    expect(complete('jssdk', '--s')).toEqual(['--show-secrets']);
    // Found after a global flag and after the subcommand's argument too.
    expect(completeTyped('wxauth jssdk --json verify --la')).toEqual(['--landing-url', '--lang']);
    expect(completeTyped('wxauth jssdk sign https://h5.example.com/?a=1 --e')).toEqual(['--exact-url']);
    // config set takes --yes, config get refuses it; likewise profile remove and profile use.
    expect(complete('config', 'set', 'domain', 'a.example.com', '--y')).toEqual(['--yes']);
    expect(complete('config', 'get', '--y')).toEqual([]);
    expect(complete('profile', 'remove', 'staging', '--y')).toEqual(['--yes']);
    expect(complete('profile', 'use', '--y')).toEqual([]);
  });

  it('lists each flag once and still finds the command after a global flag', () => {
    const flags = complete('url', '--');
    expect(flags.filter((f) => f === '--lang')).toHaveLength(1);
    expect(complete('--profile', 'staging', 'url', '--sc')).toEqual(['--scope']);
    expect(complete('--profile', 'staging', '')).toContain('login');
  });
});

describe('completion zsh and fish', () => {
  it('zsh reuses the bash logic through bashcompinit; fish completes flag values and profiles', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.stdout).toContain('bashcompinit');
    expect(zsh.stdout).toContain('complete -F _wxauth wxauth');
    const fish = await runCli(['completion', 'fish']);
    expect(fish.stdout).toContain("-l scope -x -a 'snsapi_base snsapi_userinfo snsapi_login'");
    expect(fish.stdout).toMatch(/-l profile -x -a '\(wxauth profile list --json/);
  });

  it('the opening comment is in the user\'s language (--lang zh, LANG=zh_CN.UTF-8), every line of it a shell comment; zsh keeps #compdef first', async () => {
    const opening = (script: string) => script.split('\n').filter((l, i) => !(i === 0 && l.startsWith('#compdef'))).slice(0, 5);
    for (const shell of ['bash', 'zsh', 'fish']) {
      const zh = await runCli(['--lang', 'zh', 'completion', shell]);
      expect(zh.code).toBe(0);
      expect(zh.stdout.split('\n')[0]).toBe(shell === 'zsh' ? '#compdef wxauth' : `# wxauth 的 ${shell} 补全脚本。${shell === 'zsh' ? '作为补全函数装到 fpath 上：' : '安装：'}${shell === 'bash' ? 'wxauth completion bash >> ~/.bashrc' : shell === 'fish' ? 'mkdir -p ~/.config/fish/completions && wxauth completion fish > ~/.config/fish/completions/wxauth.fish' : ''}`);
      const head = opening(zh.stdout);
      expect(head[0]).toMatch(new RegExp(`^# wxauth 的 ${shell} 补全脚本。`));
      // The comment ends where the script begins: every line up to the first command is a comment.
      const firstCode = head.findIndex((l) => !l.startsWith('#'));
      expect(head.slice(0, firstCode).every((l) => l.startsWith('# '))).toBe(true);
      expect(head.slice(0, firstCode).join('\n')).not.toMatch(/completion\. Install|Install it/);
      const env = await runCli(['completion', shell], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(env.stdout).toBe(zh.stdout);
      const en = await runCli(['--lang', 'en', 'completion', shell]);
      expect(opening(en.stdout)[0]).toMatch(new RegExp(`^# wxauth ${shell} completion\\. Install`));
    }
  });

  it('the comments inside the scripts are in the user\'s language too, and the zh script still completes in bash', async () => {
    const comments = (script: string) => script.split('\n').filter((l) => /^\s*#/.test(l) && !l.startsWith('#compdef'));
    for (const shell of ['bash', 'zsh']) {
      const zh = await runCli(['--lang', 'zh', 'completion', shell]);
      expect(zh.code).toBe(0);
      expect(zh.stdout).not.toContain('#@');
      // Every comment line says something in Chinese (a wrapped one too), but for the opening's install
      // command (`#   mkdir -p …`): no English left inside.
      const lines = comments(zh.stdout).filter((l) => !l.startsWith('#   '));
      expect(lines.length).toBeGreaterThan(8);
      expect(lines.filter((l) => !/[\u4e00-\u9fff]/.test(l))).toEqual([]);
      expect(zh.stdout).toContain('  # 命令是第一个既不是选项、也不是选项值的词（wxauth --profile p url …）。\n');
      const en = await runCli(['--lang', 'en', 'completion', shell]);
      expect(en.stdout).not.toContain('#@');
      expect(en.stdout).toContain('  # The command is the first word that is neither a flag nor the value of one (wxauth --profile p url …).\n');
      expect(comments(en.stdout).filter((l) => /[\u4e00-\u9fff]/.test(l))).toEqual([]);
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-comp-')), 'wxauth.bash');
    fs.writeFileSync(file, (await runCli(['--lang', 'zh', 'completion', 'bash'])).stdout);
    const r = spawnSync('bash', ['-c', `source ${JSON.stringify(file)}\nCOMP_WORDS=(wxauth url --sc); COMP_CWORD=2; _wxauth; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['--scope']);
  });

  it("fish offers a subcommand's flags only once that subcommand is given", async () => {
    const fish = (await runCli(['completion', 'fish'])).stdout.split('\n');
    const offering = (flag: string) => fish.filter((l) => l.includes('jssdk') && (l.endsWith(` -l ${flag}`) || l.includes(` -l ${flag} `)));
    expect(offering('signature')).toEqual(["complete -c wxauth -n '__fish_seen_subcommand_from jssdk; and __fish_seen_subcommand_from verify' -l signature -x"]);
    expect(offering('show')).toEqual(["complete -c wxauth -n '__fish_seen_subcommand_from jssdk; and __fish_seen_subcommand_from ticket' -l show"]);
    expect(offering('exact-url')).toEqual(["complete -c wxauth -n '__fish_seen_subcommand_from jssdk; and __fish_seen_subcommand_from sign' -l exact-url"]);
    // --ticket in sign and verify, each under its own subcommand.
    expect(offering('ticket').map((l) => /subcommand_from (\w+)' -l/.exec(l)?.[1])).toEqual(['sign', 'verify']);
  });
});

const hasFish = spawnSync('fish', ['--version']).status === 0;

describe.skipIf(!hasFish)('completion fish, run', () => {
  let script = '';
  beforeAll(async () => {
    script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-fcomp-')), 'wxauth.fish');
    fs.writeFileSync(script, (await runCli(['completion', 'fish'])).stdout);
  });

  /** What fish offers for the line (`complete -C`), the candidates without their descriptions. */
  function completeFish(line: string): string[] {
    const r = spawnSync('fish', ['--no-config', '-c', `source ${JSON.stringify(script)}; complete -C ${JSON.stringify(line)}`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0] ?? '');
  }

  it("after a subcommand, its own flags and the global ones, not its siblings'", () => {
    const sign = completeFish('wxauth jssdk sign --');
    expect(sign).toEqual(expect.arrayContaining(['--ticket', '--exact-url', '--api', '--json']));
    for (const other of ['--signature', '--url', '--landing-url', '--show']) expect(sign).not.toContain(other);
    expect(completeFish('wxauth jssdk verify --')).toEqual(expect.arrayContaining(['--signature', '--landing-url']));
    expect(completeFish('wxauth jssdk ticket --sh')).toEqual(['--show', '--show-secrets']);
    expect(completeFish('wxauth jssdk --sh')).toEqual(['--show-secrets']);
    expect(completeFish('wxauth jssdk ')).toEqual(['sign', 'ticket', 'verify']);
    expect(completeFish('wxauth config get --y')).toEqual([]);
  });
});

const hasZsh = spawnSync('zsh', ['--version']).status === 0;

describe.skipIf(!hasZsh)('completion zsh, run', () => {
  // One script and one HOME for every case: compinit then builds its dump once (~1 s, much more on a
  // busy machine), not once per line, and the CLI prints the script once.
  let script = '';
  beforeAll(async () => {
    script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-zcomp-')), 'wxauth.zsh');
    fs.writeFileSync(script, (await runCli(['completion', 'zsh'])).stdout);
  });

  /** What TAB offers, as zsh's bashcompinit calls the function: sh emulation, COMP_LINE and its words. */
  async function completeZsh(line: string): Promise<string[]> {
    const words = line.split(' ');
    const program = [
      'autoload -U compinit && compinit -u',
      `source ${JSON.stringify(script)}`,
      // _bash_complete's set-up (zsh's bashcompinit): sh emulation, COMP_* from the line.
      'emulate -L sh; setopt kshglob noshglob braceexpand',
      `COMP_LINE=${JSON.stringify(line)}; COMP_POINT=${line.length}`,
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}`,
      `_wxauth; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join('\n');
    const r = spawnSync('zsh', ['-f', '-c', program], { encoding: 'utf8', env: { ...process.env, HOME: path.dirname(script) } });
    return r.stdout.split('\n').filter(Boolean);
  }

  it('after a blank, offers the next word (subcommands, keys), as bash does', async () => {
    expect(await completeZsh('wxauth config ')).toEqual(['set', 'get', 'unset', 'list', 'path']);
    expect(await completeZsh('wxauth config set ')).toContain('redirectUri');
    expect(await completeZsh('wxauth --api-base http://127.0.0.1:3900 token --f')).toContain('--force-refresh');
  });

  it('--profile=<TAB> and --scope=<TAB>: zsh keeps the word whole, and the replies keep their --flag=', async () => {
    // zsh's own matching then narrows the replies by what was typed (its compgen does not filter).
    const scopes = await completeZsh('wxauth url --scope=snsapi_u');
    expect(scopes).toContain('--scope=snsapi_userinfo');
    expect(scopes.every((w) => w.startsWith('--scope=snsapi_'))).toBe(true);
    const regions = await completeZsh('wxauth --region=s');
    expect(regions).toContain('--region=sh');
    expect(regions.every((w) => w.startsWith('--region='))).toBe(true);
  });

  it("after a subcommand, that subcommand's flags only, as bash does", async () => {
    const sign = await completeZsh('wxauth jssdk sign --');
    expect(sign).toContain('--exact-url');
    for (const other of ['--signature', '--landing-url', '--show']) expect(sign).not.toContain(other);
    expect(await completeZsh('wxauth jssdk verify --')).toContain('--signature');
  });

  it('installed on fpath as README says, the first Tab of a new interactive shell completes (not only the second)', async () => {
    // A real interactive zsh on a pseudo-terminal (zsh's zpty), with the script as ~/.zfunc/_wxauth.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-zfpath-'));
    fs.mkdirSync(path.join(home, '.zfunc'));
    fs.copyFileSync(script, path.join(home, '.zfunc', '_wxauth'));
    fs.writeFileSync(path.join(home, '.zshrc'), "fpath=(~/.zfunc $fpath)\nautoload -Uz compinit && compinit -u\nPS1='%% '\n");
    // Waits for the prompt, then for the completed word, 15 s at most each (a loaded machine starts
    // an interactive zsh with compinit slowly); prints what the terminal showed after the Tab.
    const driver = [
      'zmodload zsh/zpty',
      `zpty z "env HOME=${home} ZDOTDIR=${home} TERM=dumb zsh -i"`,
      "out=''",
      "for i in {1..150}; do zpty -r -t z chunk && out+=$chunk; [[ $out == *'% '* ]] && break; sleep 0.1; done",
      "zpty -w -n z $'wxauth dem\\t'",
      "after=''",
      'for i in {1..150}; do zpty -r -t z chunk && after+=$chunk; [[ $after == *demo* ]] && break; sleep 0.1; done',
      'zpty -d z',
      'print -r -- "$after"',
    ].join('\n');
    const r = spawnSync('zsh', ['-f', '-c', driver], { encoding: 'utf8', timeout: 40_000 });
    expect(r.stdout).toContain('wxauth demo');
  }, 60_000);

  it('config set: a key\'s values, and keys not given yet, as bash does', async () => {
    expect(await completeZsh('wxauth config set type ')).toEqual(['service', 'subscription', 'test', 'website']);
    const keys = await completeZsh('wxauth config set domain a.example.com ');
    expect(keys).toContain('redirectUri');
    expect(keys).not.toContain('domain');
  });
});

describe('completion with a shell it has no script for', () => {
  it('names the shell meant for a slip or a path ($SHELL), the three it has otherwise (exit 2, en, zh)', async () => {
    const en = await runCli(['completion', 'bsh']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('✖ Unsupported shell "bsh".\n→ Did you mean wxauth completion bash? (bash, zsh or fish)\n');
    expect((await runCli(['completion', '/usr/bin/zsh'])).stderr).toContain('→ Did you mean wxauth completion zsh?');
    expect((await runCli(['completion', 'fsih'])).stderr).toContain('→ Did you mean wxauth completion fish?');
    const zh = await runCli(['--lang', 'zh', 'completion', 'bsh']);
    expect(zh.stderr).toContain('→ 是不是想用 wxauth completion bash？（可选 bash、zsh、fish）');
    // sh is one slip from zsh but means bash or a POSIX shell: no guess.
    const sh = await runCli(['completion', 'sh']);
    expect(sh.stderr).toContain('→ Use bash, zsh or fish, e.g. wxauth completion bash >> ~/.bashrc');
    expect(sh.stderr).not.toContain('Did you mean');
  });
});

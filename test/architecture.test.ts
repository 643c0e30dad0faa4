// The layout rules of STYLE.md, kept true by a scan of the imports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sections } from '../src/ui/messages/index.js';
import { SWITCH_TEXT, UI_TEXT } from '../src/emulator/ui-text.js';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const all = files(SRC).map((file) => ({ file: path.relative(SRC, file), text: fs.readFileSync(file, 'utf8') }));

/**
 * Relative imports of a file, resolved to paths under src/, with whether they are type-only: `import`
 * and `export … from` (a `type` keyword or every name marked `type`), side-effect imports, `import()`
 * and `require()` — a dependency cannot hide in any of them.
 */
function imports(f: { file: string; text: string }): Array<{ target: string; typeOnly: boolean }> {
  const out: Array<{ target: string; typeOnly: boolean }> = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:([^'"]*?)\s+from\s+)?['"](\.[^'"]+)['"]|import\(\s*['"`](\.[^'"`]+)['"`]\s*\)|\brequire\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const m of f.text.matchAll(re)) {
    const spec = m[4] ?? m[5] ?? m[6];
    if (!spec) continue;
    const names = m[3]?.trim();
    const everyNameTyped = names !== undefined && /^\{[^}]*\}$/.test(names) && names.slice(1, -1).split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '));
    const target = path.normalize(path.join(path.dirname(f.file), spec)).replace(/\.js$/, '.ts');
    out.push({ target, typeOnly: Boolean(m[2]) || everyNameTyped });
  }
  return out;
}

/** npm packages and node: built-ins a file imports, requires or loads with import(). */
function packages(text: string): string[] {
  return [...text.matchAll(/from\s+['"]([^.'"][^'"]*)['"]|import\s+['"]([^.'"][^'"]*)['"]|import\(\s*['"]([^.'"][^'"]*)['"]\s*\)|\brequire\(\s*['"]([^.'"][^'"]*)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2] ?? m[3] ?? m[4]) as string,
  );
}

/** What core/ must never load: I/O, the process, the terminal, the CLI's frameworks. */
const NOT_IN_CORE = /^(?:node:)?(?:fs|fs\/promises|http|https|http2|net|tls|dns|dns\/promises|os|child_process|readline|readline\/promises|tty|worker_threads|cluster|dgram|process)$|^(?:undici|chalk|commander|@inquirer\/prompts|qrcode-terminal|conf|node-forge)$/;

/**
 * The servers a command runs itself, beside flows: `emulator` and `demo` start the emulator (demo also
 * talks to it through its own direct client), `listen` and `login` plan the listener from their flags
 * (the flow, flows/callback.ts, runs it). No other command reaches below flows except into core, store
 * and types.
 */
const COMMAND_SERVERS: Record<string, string[]> = {
  'commands/emulator.ts': ['emulator/'],
  'commands/demo.ts': ['emulator/', 'http/'],
  'commands/listen.ts': ['listener/'],
  'commands/login.ts': ['listener/'],
};

describe('architecture', () => {
  it('core/ imports nothing of ours outside core/, and no I/O or terminal packages', () => {
    for (const f of all.filter((f) => f.file.startsWith('core/'))) {
      for (const i of imports(f)) expect(i.target.startsWith('core/') || i.target === 'errors.ts', `${f.file} -> ${i.target}`).toBe(true);
      for (const p of packages(f.text)) expect(NOT_IN_CORE.test(p), `${f.file} imports ${p}`).toBe(false);
      // Nor the process itself: the environment, the clock's process.hrtime, stdout… come in as arguments.
      const code = f.text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
      expect(/\bprocess\s*\./.test(code), `${f.file} uses process`).toBe(false);
    }
  });

  it('sees type-only imports, so a type cannot smuggle a dependency past these rules', () => {
    const sample = {
      file: 'flows/x.ts',
      text:
        "import type { Context } from '../context.js';\nimport { a, type B } from './y.js';\nimport { type C, type D } from './z.js';\n" +
        "let c: import('../ui/output.js').Output;\nimport '../store/side.js';\nconst r = require('../http/r.js');\n",
    };
    expect(imports(sample)).toEqual([
      { target: 'context.ts', typeOnly: true },
      { target: 'flows/y.ts', typeOnly: false },
      { target: 'flows/z.ts', typeOnly: true },
      { target: 'ui/output.ts', typeOnly: false },
      { target: 'store/side.ts', typeOnly: false },
      { target: 'http/r.ts', typeOnly: false },
    ]);
    expect(packages("import fs from 'node:fs';\nimport 'undici';\nconst q = require('qrcode-terminal');\nawait import('chalk');\n")).toEqual(['node:fs', 'undici', 'qrcode-terminal', 'chalk']);
  });

  // Type-only imports count: a layer that names another layer's types depends on it all the same.
  it('http, store, listener and emulator import only core (and errors), not each other, flows or commands', () => {
    for (const layer of ['http/', 'store/', 'listener/', 'emulator/']) {
      for (const f of all.filter((f) => f.file.startsWith(layer))) {
        for (const i of imports(f)) {
          const ok = i.target.startsWith(layer) || i.target.startsWith('core/') || i.target === 'errors.ts';
          expect(ok, `${f.file} -> ${i.target}${i.typeOnly ? ' (type-only)' : ''}`).toBe(true);
        }
      }
    }
  });

  it('flows/ import core, http, store, listener, emulator, errors and each other: never commands, ui, Context or the process edge', () => {
    const flows = all.filter((f) => f.file.startsWith('flows/'));
    expect(flows.length).toBeGreaterThan(0);
    const allowed = ['core/', 'http/', 'store/', 'listener/', 'emulator/', 'flows/'];
    for (const f of flows) {
      for (const i of imports(f)) {
        const ok = allowed.some((layer) => i.target.startsWith(layer)) || i.target === 'errors.ts';
        expect(ok, `${f.file} -> ${i.target}${i.typeOnly ? ' (type-only)' : ''}`).toBe(true);
      }
      // Flows are shared by commands that print differently (or not at all, --json): no terminal.
      for (const p of packages(f.text)) expect(['chalk', 'qrcode-terminal', '@inquirer/prompts'], `${f.file} imports ${p}`).not.toContain(p);
    }
  });

  it('commands import flows, core, store, ui and errors (plus the servers they run), never each other, nor chalk, qrcode-terminal or @inquirer/prompts', () => {
    for (const f of all.filter((f) => f.file.startsWith('commands/'))) {
      const allowed = ['flows/', 'core/', 'store/', 'ui/', ...(COMMAND_SERVERS[f.file] ?? [])];
      for (const i of imports(f)) {
        // context.ts and cli.ts: the types a command is called with (Context, CommandInput); `completion`
        // also reads the registry itself (COMMANDS, GLOBAL_OPTIONS): the scripts it prints are made from it.
        const registry = i.target === 'cli.ts' && f.file === 'commands/completion.ts';
        const ok = allowed.some((layer) => i.target.startsWith(layer)) || i.target === 'errors.ts' || registry || (i.typeOnly && ['context.ts', 'cli.ts'].includes(i.target));
        expect(ok, `${f.file} -> ${i.target}${i.typeOnly ? ' (type-only)' : ''}`).toBe(true);
      }
      for (const p of packages(f.text)) expect(['chalk', 'qrcode-terminal', '@inquirer/prompts'], `${f.file} imports ${p}`).not.toContain(p);
    }
  });

  it('ui/ imports only types from other layers', () => {
    for (const f of all.filter((f) => f.file.startsWith('ui/'))) {
      for (const i of imports(f)) {
        const ok = i.target.startsWith('ui/') || i.typeOnly || i.target === 'errors.ts';
        expect(ok, `${f.file} -> ${i.target}`).toBe(true);
      }
    }
  });

  it('only main.ts sets the exit code or reads argv; only the resolver reads WXAUTH_* from the environment', () => {
    for (const f of all.filter((f) => f.file !== 'main.ts')) {
      expect(/process\.exitCode|process\.exit\(|process\.argv/.test(f.text), f.file).toBe(false);
    }
    for (const f of all.filter((f) => !['store/resolve.ts', 'main.ts'].includes(f.file))) {
      expect(/process\.env\.WXAUTH_/.test(f.text), f.file).toBe(false);
    }
  });
});

describe('message catalogue', () => {
  it('has the help texts of every registered command, subcommand and option (they are looked up by name)', async () => {
    const { COMMANDS } = await import('../src/cli.js');
    const keys = new Set(Object.values(sections).flatMap((s) => Object.keys(s)));
    const missing: string[] = [];
    for (const c of COMMANDS) {
      for (const spec of [{ ...c, path: c.name }, ...(c.subcommands ?? []).map((sub) => ({ ...sub, path: `${c.name}.${sub.name}` }))]) {
        if (!(spec.path === c.name && c.subcommands) && !keys.has(`cli.${spec.path}.desc`)) missing.push(`cli.${spec.path}.desc`);
        for (const [, key] of spec.options ?? []) if (!keys.has(`cli.${spec.path}.opt.${key}`)) missing.push(`cli.${spec.path}.opt.${key}`);
      }
      if (!keys.has(`cli.${c.name}.desc`)) missing.push(`cli.${c.name}.desc`);
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('has every key in both languages, and no key in two sections', () => {
    const seen = new Map<string, string>();
    for (const [name, section] of Object.entries(sections)) {
      for (const [key, msg] of Object.entries(section)) {
        expect(seen.has(key), `${key} is in ${seen.get(key)} and ${name}`).toBe(false);
        seen.set(key, name);
        expect(msg.zh.trim().length, `${key} zh`).toBeGreaterThan(0);
        expect(msg.en.trim().length, `${key} en`).toBeGreaterThan(0);
        const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(params(msg.zh), `${key}: zh and en use the same parameters`).toEqual(params(msg.en));
      }
    }
  });

  // The emulator's page carries its own texts (it may import only core): the same rules hold there.
  it("has every text of the emulator's page in both languages, with the same parameters", () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, msg] of Object.entries({ ...UI_TEXT, ...SWITCH_TEXT })) {
      expect(msg.zh.trim().length, `${key} zh`).toBeGreaterThan(0);
      expect(msg.en.trim().length, `${key} en`).toBeGreaterThan(0);
      expect(params(msg.zh), `${key}: zh and en use the same parameters`).toEqual(params(msg.en));
    }
  });

  it('has an entry for every literal catalogue key used in src/', () => {
    const keys = new Set(Object.values(sections).flatMap((s) => Object.keys(s)));
    const missing: string[] = [];
    for (const f of all) {
      for (const m of f.text.matchAll(/(?:\bkey:\s*|\.t\(\s*|\bt\(\s*\w+,\s*)'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) {
        const key = m[1] as string;
        if (!keys.has(key)) missing.push(`${f.file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  // Chinese typography (issue 12 item 10): full-width brackets around Chinese text, no space after a
  // full-width punctuation mark (it already carries its own space), no space between a number-and-unit
  // parameter and 前/后 ("12分 前"). Code, flags and URLs inside brackets are fine half-width.
  it('writes zh texts with full-width brackets around Chinese and no space after full-width punctuation', () => {
    const cjk = /[\u3400-\u9fff]/;
    const problems: string[] = [];
    for (const section of Object.values(sections)) {
      for (const [key, msg] of Object.entries(section)) {
        const zh = msg.zh;
        for (const m of zh.matchAll(/\(([^()\n]*)\)/g)) if (cjk.test(m[1] ?? '')) problems.push(`${key}: half-width brackets around Chinese: ${m[0]}`);
        for (const m of zh.matchAll(/[，。：；！？、）】」] +(?=\S)/g)) problems.push(`${key}: space after "${m[0].trim()}": …${zh.slice(Math.max(0, (m.index ?? 0) - 8), (m.index ?? 0) + 10)}…`);
        for (const m of zh.matchAll(/\{(ago|left|age|in|when)\} +[前后]/g)) problems.push(`${key}: space before 前/后: ${m[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

// The process edge: argv in, exit code out. The ONLY place that sets process.exitCode or reads
// process.argv; every error becomes an exit code here (table in README.md and src/errors.ts).
import { createRequire } from 'node:module';
import { EXIT, UsageError, WechatApiError, WxauthError, isWxauthError } from './errors.js';
import { detectLang, t, tr, type Lang } from './ui/i18n.js';
import { Output } from './ui/output.js';
import { createContext } from './runtime.js';
import type { GlobalOptions } from './store/resolve.js';
import type { Context } from './context.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

/** Commands whose own --lang is WeChat's language parameter (cn|en, zh_CN|zh_TW|en), not ours. */
const OWN_LANG_COMMANDS = new Set(['url', 'userinfo', 'user']);
const VALUE_OPTIONS = new Set(['--profile', '--lang', '--api-base', '--open-base', '--backup-api-base', '--region', '--timeout']);

/**
 * The UI language: --lang zh|en (before the command name for url/userinfo/user, anywhere otherwise),
 * else LC_ALL / LC_MESSAGES / LANG.
 */
function pickLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  let commandSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'zh' || value === 'en') return value;
    if (VALUE_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (!commandSeen && !arg.startsWith('-')) {
      commandSeen = true;
      if (OWN_LANG_COMMANDS.has(arg)) break;
    }
  }
  return detectLang(env);
}

function wantsColor(argv: string[], env: NodeJS.ProcessEnv): boolean {
  if (argv.includes('--no-color') || argv.includes('--json')) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return process.stderr.isTTY === true && env.TERM !== 'dumb';
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  // Fast path: `wxauth --version` needs nothing else loaded.
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(version + '\n');
    return EXIT.ok;
  }
  const env = process.env;
  const lang = pickLang(argv, env);
  const json = argv.includes('--json');
  const out = new Output({ lang, json, color: wantsColor(argv, env), stdout: process.stdout, stderr: process.stderr });
  await out.enableColor();

  // `wxauth errcode --list | head` closes stdout early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });

  const controller = new AbortController();
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(EXIT.cancelled);
    interrupted = true;
    controller.abort();
  };
  process.on('SIGINT', onSigint);

  const [{ CommanderError }, { createProgram }] = await Promise.all([import('commander'), import('./cli.js')]);
  let ctx: Context | undefined;
  let exitCode: number = EXIT.ok;
  let commanderMessage = '';
  const program = createProgram(
    lang,
    version,
    async (name, args, opts, globals) => {
      const g = globals as GlobalOptions;
      if (g.lang !== undefined && g.lang !== 'zh' && g.lang !== 'en') {
        throw new UsageError({ key: 'common.lang.invalid', params: { value: String(g.lang) } }, { hint: { key: 'common.lang.invalid.hint' } });
      }
      if (g.json && g.raw) {
        throw new UsageError({ key: 'common.jsonRaw' }, { hint: { key: 'common.jsonRaw.hint' } });
      }
      ctx = createContext({
        lang,
        out,
        globals: g,
        env,
        interactive: process.stdin.isTTY === true && process.stderr.isTTY === true && !env.CI,
        signal: controller.signal,
        stderr: process.stderr,
      });
      const file = name.split(' ')[0] ?? name;
      const mod = (await import(`./commands/${file}.js`)) as {
        run(ctx: Context, args: string[], opts: Record<string, unknown>, sub?: string): Promise<number | void>;
      };
      const sub = name.split(' ')[1];
      const code = await mod.run(ctx, sub ? [sub, ...args] : args, opts);
      exitCode = typeof code === 'number' ? code : EXIT.ok;
    },
    {
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s) => {
        commanderMessage = s.replace(/^error:\s*/i, '').trim();
      },
    },
  );

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    if (json && !out.hasEmitted) {
      process.stdout.write(JSON.stringify({ ok: exitCode === EXIT.ok, ...(out.getDocument() ?? {}) }, null, 2) + '\n');
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
        return EXIT.ok;
      }
      if (error.code === 'commander.help') return EXIT.usage;
      const usage = new UsageError({ key: 'common.commander', params: { detail: commanderMessage || error.message } }, { hint: { key: 'common.commander.hint' } });
      return reportError(usage, out, ctx);
    }
    return reportError(error, out, ctx);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function reportError(error: unknown, out: Output, ctx: Context | undefined): Promise<number> {
  if (!isWxauthError(error)) {
    const detail = error instanceof Error ? (ctx?.globals.verbose ? error.stack ?? error.message : error.message) : String(error);
    if (out.json) {
      writeJson({ ok: false, error: { code: 'internal', message: t(out.lang, 'common.internal', { detail }), hint: t(out.lang, 'common.internal.hint') } });
    } else {
      out.failure(t(out.lang, 'common.internal', { detail }));
      out.say(t(out.lang, 'common.internal.hint'));
    }
    return EXIT.internal;
  }
  if (error.exitCode === EXIT.cancelled) {
    if (out.json) writeJson({ ok: false, error: { code: error.code, message: tr(out.lang, error.messageRef) } });
    return EXIT.cancelled;
  }
  const message = tr(out.lang, error.messageRef);
  const hint = error.hint ? tr(out.lang, error.hint) : undefined;
  const extra: Record<string, unknown> = {};
  let presentWechat: (() => Promise<void>) | undefined;
  if (error instanceof WechatApiError) {
    Object.assign(extra, {
      errcode: error.errcode,
      errmsg: error.errmsg,
      rid: error.rid,
      endpoint: error.endpoint,
    });
    const explained = await explain(error, ctx);
    if (explained) extra.explanation = explained.explanation;
    presentWechat = async () => {
      out.fields(
        [
          ['errcode', String(error.errcode)],
          ['errmsg', error.errmsg],
          ['rid', error.rid],
          ['endpoint', error.endpoint],
        ],
        'stderr',
      );
      if (explained) explained.print(out);
      await noteSources(error, out, ctx);
    };
  }
  if (out.json) {
    // What the command had gathered before it failed (e.g. every problem url found) stays in the document.
    writeJson({ ok: false, ...(out.getDocument() ?? {}), error: { code: error.code, message, ...(hint ? { hint } : {}), ...extra } });
  } else {
    out.failure(message);
    if (presentWechat) await presentWechat();
    if (hint) out.say(out.style.cyan('→ ') + hint);
  }
  return error.exitCode;
}

/** The errcode knowledge base, loaded only when WeChat said no. */
async function explain(error: WechatApiError, ctx: Context | undefined): Promise<{ explanation: unknown; print(out: Output): void } | undefined> {
  try {
    const { explainErrcode } = await import('./core/errcodes.js');
    const { printExplanation } = await import('./ui/explain.js');
    // errmsg carries the caller's IP (40164) and the rid; a qyapi base means WeCom's table applies.
    const apiBase = ctx ? await ctx.resolveConfig().then((c) => c.apiBase, () => undefined) : undefined;
    const explanation = explainErrcode(error.errcode, { endpoint: error.endpoint, errmsg: error.errmsg, apiBase });
    return { explanation, print: (out) => printExplanation(out, explanation, { compact: true }) };
  } catch {
    return undefined;
  }
}

/** For credential errors, say which profile/env var supplied the value WeChat rejected. */
async function noteSources(error: WechatApiError, out: Output, ctx: Context | undefined): Promise<void> {
  if (!ctx || ![40125, 40013, 41002, 41004].includes(error.errcode)) return;
  try {
    const config = await ctx.resolveConfig();
    const field = error.errcode === 40013 || error.errcode === 41002 ? 'appid' : 'secret';
    const source = config.sources[field];
    if (!source) return;
    out.note(t(out.lang, `common.source.${source}`, { field, profile: config.profile, appid: config.appid ?? '-' }));
  } catch {
    // The explanation is best-effort; the error itself has been reported.
  }
}

function writeJson(doc: unknown): void {
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
}

// Run when executed (bin/wxauth.js imports this module).
process.exitCode = await main();

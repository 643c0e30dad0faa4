// wxauth inspect <url>
// Lints an authorize / qrconnect URL (or a WxLogin iframe URL) or a callback URL against the profile's
// appid, account type and callback domain, and — for callbacks — the state `wxauth url` remembered.
// The report is the command's data, so it goes to stdout; exit 1 when an error-level finding exists.
import type { Context } from '../context.js';
import { renderFinding, type RenderedFinding } from '../ui/findings.js';
import { UsageError } from '../errors.js';
import {
  findingKeys,
  hasErrors,
  inspectUrl,
  predictWechatPage,
  redactParams,
  type Finding,
  type InspectContext,
  type InspectResult,
} from '../core/inspect.js';
import { DEFAULT_OPEN_BASE } from '../core/endpoints.js';

function render(ctx: Context, f: Finding): RenderedFinding {
  return renderFinding(ctx.out, f, findingKeys(f.id));
}

/** What inspect compares against: the resolved profile, if there is anything in it. */
async function inspectContext(ctx: Context): Promise<InspectContext> {
  const config = await ctx.resolveConfig();
  const profile = { appid: config.appid, type: config.type, domain: config.domain, redirectUri: config.redirectUri };
  const any = Object.values(profile).some((v) => v !== undefined);
  return {
    ...(any ? { profile } : {}),
    ...(config.openBase.replace(/\/+$/, '') !== DEFAULT_OPEN_BASE ? { openBase: config.openBase } : {}),
  };
}

function kindLabel(result: InspectResult): string {
  if (result.kind === 'qrconnect' && result.embedded) return 'inspect.kind.qrconnect_embedded';
  return `inspect.kind.${result.kind}`;
}

export async function run(ctx: Context, args: string[], _opts: Record<string, unknown>): Promise<number | void> {
  const { out } = ctx;
  const input = args.join(' ');
  if (input.trim() === '') {
    throw new UsageError({ key: 'inspect.missing_url' }, { hint: { key: 'inspect.missing_url.hint' } });
  }
  const context = await inspectContext(ctx);
  let result = inspectUrl(input, context);
  if (result.kind === 'callback') {
    // Only a callback needs the remembered state; a URL lint never touches the token cache.
    const store = await ctx.tokenStore();
    const config = await ctx.resolveConfig();
    const remembered = store.getState(config.profile)?.value;
    if (remembered !== undefined) result = inspectUrl(input, { ...context, rememberedState: remembered });
  }

  const showSecrets = ctx.globals.showSecrets === true;
  const params = showSecrets ? result.params : redactParams(result.params);
  const rendered = result.findings.map((f) => render(ctx, f));
  out.result({
    kind: result.kind,
    ...(result.embedded ? { embedded: true } : {}),
    params,
    findings: result.findings.map((f, i) => {
      const page = predictWechatPage(f, result.kind);
      return { ...rendered[i], params: f.params, ...(page ? { wechatPage: page } : {}) };
    }),
  });
  const exit = hasErrors(result) ? 1 : 0;
  if (out.json) return exit;

  // Colour only where the report is read on a terminal: stdout may be a file.
  const style = out.stdout.isTTY === true ? out.style : { bold: id, red: id, yellow: id, cyan: id, dim: id };
  out.data(style.bold(out.t(kindLabel(result))));
  if (params.length > 0) {
    const width = Math.max(...params.map(([name]) => name.length));
    for (const [name, value] of params) out.data(`  ${name.padEnd(width)}  ${JSON.stringify(value).slice(1, -1)}`);
    if (!showSecrets && params.some(([name], i) => result.params[i]?.[1] !== params[i]?.[1] && name !== '')) {
      out.data(style.dim('  ' + out.t('inspect.redacted')));
    }
  }
  out.data('');
  const colour = { error: style.red, warning: style.yellow, info: style.cyan } as const;
  for (const r of rendered) {
    const severity = r.severity as keyof typeof colour;
    out.data(`${colour[severity](out.t(`inspect.severity.${severity}`))} ${style.dim(`[${r.id}]`)} ${r.message}`);
    out.data(`  ${label(out.t('inspect.label.effect'))}${r.effect}`);
    out.data(`  ${label(out.t('inspect.label.fix'))}${r.fix}`);
  }
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  if (count('error') + count('warning') === 0) out.data(style.bold(out.t('inspect.summary.clean')));
  out.data(out.t('inspect.summary', { errors: count('error'), warnings: count('warning'), infos: count('info') }));
  return exit;
}

/** `Fix: ` in English; a full-width colon (怎么办：) needs no space after it. */
function label(text: string): string {
  return text.endsWith('：') ? text : text + ' ';
}

function id(s: string): string {
  return s;
}

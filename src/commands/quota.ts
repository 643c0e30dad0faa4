// wxauth quota <cgi-path> | --clear [<cgi-path>] [--yes]
// POST /cgi-bin/openapi/quota/get: an API's daily limit, used and remaining calls (API-FACTS §10).
// --clear resets the call counts of EVERY API of the account with POST /cgi-bin/clear_quota, which
// takes only the appid and is itself limited to 10 a month (shared with the MP console, §12), so it
// asks first. A path given with it is looked up before (shown before the question) and after.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { UsageError, WechatApiError, withHint } from '../errors.js';
import { nextStep } from '../core/next-step.js';
import { quotedInput } from '../core/token.js';
import { profileFlag } from '../core/validate.js';
import { suggest } from '../core/closest.js';
import { PATHS } from '../core/endpoints.js';
import { basicTokenEvents } from '../ui/present/basic-common.js';
import { confirmOrCancel } from '../ui/present/confirm.js';
import { quotaAnnouncements, type QuotaCommandResult } from '../ui/present/quota.js';

export interface QuotaOptions {
  /** The API to look up; absent only with --clear (clear_quota takes no path). */
  cgiPath?: string;
  /** The user gave a URL; we kept only its path. */
  fromUrl: boolean;
  clear: boolean;
  yes: boolean;
}

export function parseOptions({ args, opts, profile }: CommandInput): QuotaOptions {
  // A follow-up command the refusal names carries the --profile given (` --profile work`), pasteable as it is.
  const p = profileFlag(profile ?? 'default');
  const clear = opts.clear === true;
  const yes = opts.yes === true;
  // clear_quota resets every API of the account and takes no path: --clear alone is the whole request.
  if (args[0] === undefined) {
    if (clear) return { fromUrl: false, clear, yes };
    throw new UsageError({ key: 'basic.quota.path.missing' }, { hint: { key: 'basic.quota.path.missing.hint', params: { p } } });
  }
  const input = args[0].trim();
  let cgiPath = input;
  let fromUrl = false;
  // WeChat wants the bare path ("不要带域名，否则都会 76003"); a pasted URL is cut down to it.
  if (/^https?:\/\//i.test(input)) {
    try {
      cgiPath = new URL(input).pathname;
      fromUrl = true;
    } catch {
      cgiPath = input;
    }
  } else if (input.includes('?')) {
    cgiPath = input.slice(0, input.indexOf('?'));
    fromUrl = true;
  }
  // The commands the refusals below offer keep --clear (and --yes) as given: pasted without, they would
  // look the quota up and reset nothing.
  const flags = `${clear ? ' --clear' : ''}${yes ? ' --yes' : ''}`;
  if (!/^\/[A-Za-z0-9_./-]+$/.test(cgiPath)) {
    const meant = pathMeant(cgiPath);
    // Quoted back masked: a pasted API URL carries the appsecret or a token in its query.
    if (meant) throw new UsageError({ key: 'basic.quota.path.invalid', params: { path: quotedInput(input) } }, { hint: { key: 'basic.quota.path.didYouMean', params: { p, path: meant, flags } } });
    throw new UsageError({ key: 'basic.quota.path.invalid', params: { path: quotedInput(input) } }, { hint: { key: 'basic.quota.path.invalid.hint', params: { p, flags } } });
  }
  // WeChat's paths have single slashes: one leading `/` (a `//` there is read as a host, 76003 with an
  // errmsg about rids, §10) and none doubled inside (no such API: 76021). Refused before anything is sent.
  // The command it offers is the one given with the path mended.
  if (cgiPath.includes('//')) {
    throw new UsageError({ key: 'basic.quota.path.doubleSlash', params: { path: cgiPath } }, { hint: { key: 'basic.quota.path.doubleSlash.hint', params: { p, path: singleSlashed(cgiPath), flags } } });
  }
  return { cgiPath, fromUrl, clear, yes };
}

/**
 * The API path meant by one given without its leading `/`: `cgi-bin/token` or `sns/auth` as it is, and a
 * known API's name alone or nearly (`token`, `stable_tokn`, `user/info`) as its whole path.
 */
function pathMeant(given: string): string | undefined {
  if (!/^[A-Za-z0-9_./-]+$/.test(given) || given.includes('//')) return undefined;
  if (/^(?:cgi-bin|sns)\//i.test(given)) return `/${given}`;
  const known = Object.values(PATHS).filter((path) => path.startsWith('/cgi-bin/'));
  const name = suggest(given, known.map((path) => path.slice('/cgi-bin/'.length)));
  return name === undefined ? undefined : `/cgi-bin/${name}`;
}

/** The path with its slashes single; a scheme-relative `//api.weixin.qq.com/…` loses its host. */
function singleSlashed(path: string): string {
  const hostless = /^\/\/[^/]*\.[^/]*(\/|$)/.test(path) ? path.replace(/^\/\/[^/]*/, '') : path;
  return hostless.replace(/\/{2,}/g, '/') || '/';
}

export async function run(options: QuotaOptions, ctx: Context): Promise<QuotaCommandResult> {
  const { cgiPath } = options;
  const announce = quotaAnnouncements(ctx);
  const { service, appid, api } = await ctx.basicTokenService(basicTokenEvents(ctx));
  const confirmation = { yes: options.yes, warning: { key: 'basic.clear.warn', params: { appid } }, question: { key: 'basic.clear.confirm', params: { appid } } } as const;
  // No terminal to ask and no --yes: refused before anything is asked of WeChat (not even a token).
  if (options.clear && !options.yes && !ctx.interactive) await confirmOrCancel(ctx, confirmation);
  if (options.fromUrl && cgiPath !== undefined) announce.pathFromUrl(cgiPath);

  const getQuota = async (path: string) => {
    try {
      return await service.use((accessToken) => api.getQuota({ accessToken, cgiPath: path }));
    } catch (error) {
      if (error instanceof WechatApiError) throw withHint(error, nextStep(error.errcode, { use: 'quota-get', cgiPath: path }));
      throw error;
    }
  };

  const looked = cgiPath === undefined ? undefined : { appid, cgiPath, before: await getQuota(cgiPath), raw: ctx.globals.raw === true };
  // Without --clear, parseOptions required the path.
  if (!options.clear) return { mode: 'get', ...looked! };

  // The counts being reset are shown before the question, so the user decides knowing them.
  if (looked) announce.quota(looked);
  await confirmOrCancel(ctx, confirmation);
  try {
    await service.use((accessToken) => api.clearQuota({ accessToken, appid }));
  } catch (error) {
    if (error instanceof WechatApiError) throw withHint(error, nextStep(error.errcode, { use: 'quota-clear', appid }));
    throw error;
  }
  // Done is done even if the lookup after it fails: say so now.
  announce.cleared(appid);
  if (!looked) return { mode: 'cleared', appid };
  return { mode: 'clear', ...looked, after: await getQuota(looked.cgiPath) };
}

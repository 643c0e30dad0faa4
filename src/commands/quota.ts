// wxauth quota <cgi-path> [--clear] [--yes]
// POST /cgi-bin/openapi/quota/get: an API's daily limit, used and remaining calls (API-FACTS §10).
// --clear resets the call counts of EVERY API of the account with POST /cgi-bin/clear_quota, which is
// itself limited to 10 a month (shared with the MP console, §12), so it asks first.
import type { Context } from '../context.js';
import { UsageError, WechatApiError, withHint } from '../errors.js';
import { nextStep } from '../core/next-step.js';
import { openBasicTokenService } from '../flows/basic-token.js';
import type { QuotaGetResponse } from '../http/api.js';
import type { Output } from '../ui/output.js';
import { confirmOrRequireYes, presentTokenEvent } from '../ui/basic-present.js';

interface QuotaOptions {
  cgiPath: string;
  /** The user gave a URL; we kept only its path. */
  fromUrl: boolean;
  clear: boolean;
  yes: boolean;
}

function toOptions(args: string[], opts: Record<string, unknown>): QuotaOptions {
  const input = (args[0] ?? '').trim();
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
  if (!/^\/[A-Za-z0-9_./-]+$/.test(cgiPath)) {
    throw new UsageError({ key: 'basic.quota.path.invalid', params: { path: input } }, { hint: { key: 'basic.quota.path.invalid.hint' } });
  }
  return { cgiPath, fromUrl, clear: opts.clear === true, yes: opts.yes === true };
}

function quotaRows(out: Output, data: QuotaGetResponse): Array<[string, string | undefined]> {
  const rate = (r: { call_count: number; refresh_second: number } | undefined) =>
    r && (r.call_count || r.refresh_second) ? out.t('basic.quota.rate', { count: r.call_count, seconds: r.refresh_second }) : undefined;
  return [
    ['daily_limit', String(data.quota?.daily_limit ?? '-')],
    ['used', String(data.quota?.used ?? '-')],
    ['remain', String(data.quota?.remain ?? '-')],
    ['rate_limit', rate(data.rate_limit)],
    ['component_rate_limit', rate(data.component_rate_limit)],
  ];
}

export async function run(ctx: Context, args: string[], opts: Record<string, unknown>): Promise<number | void> {
  const options = toOptions(args, opts);
  const { out } = ctx;
  const config = await ctx.requireConfig(['appid', 'secret']);
  const api = await ctx.api(config);
  const { service, appid } = openBasicTokenService({
    config,
    api,
    store: await ctx.tokenStore(),
    now: () => ctx.now(),
    onEvent: (event) => presentTokenEvent(out, event, ctx.now(), ctx.globals.verbose === true),
  });
  if (options.fromUrl) out.note(out.t('basic.quota.pathFromUrl', { path: options.cgiPath }));

  const getQuota = async () => {
    try {
      return await service.use((accessToken) => api.getQuota({ accessToken, cgiPath: options.cgiPath }));
    } catch (error) {
      if (error instanceof WechatApiError) throw withHint(error, nextStep(error.errcode, { use: 'quota-get', cgiPath: options.cgiPath }));
      throw error;
    }
  };

  const before = await getQuota();
  const doc: Record<string, unknown> = {
    appid,
    cgi_path: options.cgiPath,
    quota: before.data.quota,
    ...(before.data.rate_limit ? { rate_limit: before.data.rate_limit } : {}),
    ...(before.data.component_rate_limit ? { component_rate_limit: before.data.component_rate_limit } : {}),
  };
  out.result(doc);
  if (ctx.globals.raw) out.raw(before.raw);
  out.fields([['cgi_path', options.cgiPath], ...quotaRows(out, before.data)]);
  if (!options.clear) {
    if (before.data.quota && before.data.quota.remain === 0 && before.data.quota.daily_limit > 0) {
      out.warn(out.t('basic.quota.exhausted', { path: options.cgiPath }));
    }
    return;
  }

  out.warn(out.t('basic.clear.warn', { appid }));
  await confirmOrRequireYes(ctx, out, { key: 'basic.clear.confirm', params: { appid } }, {
    yes: options.yes,
    declined: { key: 'basic.clear.declined' },
  });
  try {
    await service.use((accessToken) => api.clearQuota({ accessToken, appid }));
  } catch (error) {
    if (error instanceof WechatApiError) throw withHint(error, nextStep(error.errcode, { use: 'quota-clear', appid }));
    throw error;
  }
  out.success(out.t('basic.clear.done', { appid }));
  const after = await getQuota();
  out.result({ cleared: true, after: { quota: after.data.quota } });
  out.fields([['used', `${before.data.quota?.used ?? '-'} → ${after.data.quota?.used ?? '-'}`], ['remain', `${before.data.quota?.remain ?? '-'} → ${after.data.quota?.remain ?? '-'}`]]);
}

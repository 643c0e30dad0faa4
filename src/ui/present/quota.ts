// wxauth quota: an API's daily limit, used and remaining calls on stdout; with --clear the counts
// before (shown before the question), then used/remain before → after. One --json document, or
// WeChat's body with --raw.
import type { Context } from '../../context.js';
import type { ApiResponse } from '../../http/client.js';
import type { QuotaGetResponse } from '../../http/api.js';
import type { Output } from '../output.js';

export interface QuotaLookup {
  appid: string;
  cgiPath: string;
  before: ApiResponse<QuotaGetResponse>;
  raw: boolean;
}

export type QuotaCommandResult =
  | ({ mode: 'get' } & QuotaLookup)
  /** --clear: `before` was already shown (quotaAnnouncements().quota) when the user was asked. */
  | ({ mode: 'clear'; after: ApiResponse<QuotaGetResponse> } & QuotaLookup)
  /** --clear without a path: nothing looked up, the reset said by quotaAnnouncements().cleared. */
  | { mode: 'cleared'; appid: string };

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

function presentLookup(out: Output, r: QuotaLookup): void {
  const data = r.before.data;
  out.result({
    appid: r.appid,
    cgi_path: r.cgiPath,
    quota: data.quota,
    ...(data.rate_limit ? { rate_limit: data.rate_limit } : {}),
    ...(data.component_rate_limit ? { component_rate_limit: data.component_rate_limit } : {}),
  });
  if (r.raw) out.raw(r.before.raw);
  out.fields([['cgi_path', r.cgiPath], ...quotaRows(out, data)]);
}

/** What quota says while it runs. */
export function quotaAnnouncements(ctx: Pick<Context, 'out'>) {
  const { out } = ctx;
  return {
    pathFromUrl(cgiPath: string): void {
      out.note(out.t('basic.quota.pathFromUrl', { path: cgiPath }));
    },
    /** --clear: the counts about to be reset. */
    quota(lookup: QuotaLookup): void {
      presentLookup(out, lookup);
    },
    cleared(appid: string): void {
      out.success(out.t('basic.clear.done', { appid }));
    },
  };
}

export function present(result: QuotaCommandResult, out: Output): void {
  if (result.mode === 'get') {
    presentLookup(out, result);
    const quota = result.before.data.quota;
    if (quota && quota.remain === 0 && quota.daily_limit > 0) out.warning('basic.quota.exhausted', out.t('basic.quota.exhausted', { path: result.cgiPath }));
    return;
  }
  if (result.mode === 'cleared') {
    out.result({ appid: result.appid, cleared: true });
    return;
  }
  const before = result.before.data.quota;
  const after = result.after.data.quota;
  out.result({ cleared: true, after: { quota: after } });
  out.fields([['used', `${before?.used ?? '-'} → ${after?.used ?? '-'}`], ['remain', `${before?.remain ?? '-'} → ${after?.remain ?? '-'}`]]);
}

// wxauth rid: the looked-up request on stdout (secrets hidden unless --show-secrets), what its answer
// meant on stderr, one --json document, or WeChat's body with --raw.
import type { Context } from '../../context.js';
import type { RidGetResponse } from '../../http/api.js';
import type { Output } from '../output.js';
import { formatDuration, formatTime } from './basic-common.js';

export interface RidCommandResult {
  appid: string;
  rid: string;
  /** The request as it may be shown (secrets redacted unless --show-secrets). */
  request: RidGetResponse['request'];
  /** Something had to be hidden. */
  redacted: boolean;
  /** --raw: the body to print (redacted like `request`); undefined without --raw. */
  rawBody?: string;
  /** The looked-up request's own answer was an error. */
  answer?: { errcode: number; errmsg: string };
}

/** Before the lookup: where the rid came from, and whether WeChat still keeps it. */
export function announceRid(
  ctx: Pick<Context, 'out'>,
  r: { rid: string; extracted: boolean; issuedAt: number; ageMs: number; expired: boolean },
): void {
  const { out } = ctx;
  if (r.extracted) out.note(out.t('basic.rid.extracted', { rid: r.rid }));
  if (r.expired) out.warning('basic.rid.old', out.t('basic.rid.old', { at: formatTime(r.issuedAt), age: formatDuration(out, r.ageMs) }));
}

export function present(result: RidCommandResult, out: Output): void {
  const { request } = result;
  out.result({ appid: result.appid, rid: result.rid, request });
  if (result.rawBody !== undefined) out.raw(result.rawBody);
  out.fields([
    ['rid', result.rid],
    ['invoke_time', request.invoke_time ? `${formatTime(request.invoke_time * 1000)} (${request.invoke_time})` : undefined],
    ['cost_in_ms', request.cost_in_ms === undefined ? undefined : `${request.cost_in_ms} ms`],
    ['client_ip', request.client_ip],
    ['request_url', request.request_url || out.t('basic.rid.empty')],
    ['request_body', request.request_body || out.t('basic.rid.empty')],
    ['response_body', request.response_body || out.t('basic.rid.empty')],
  ]);
  if (result.answer) out.note(out.t('basic.rid.answerError', { errcode: result.answer.errcode, errmsg: result.answer.errmsg }));
  if (result.redacted) out.note(out.t('basic.rid.redacted'));
}

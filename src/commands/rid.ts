// wxauth rid <rid>
// POST /cgi-bin/openapi/rid/get: when a request was made, how long it took, its URL, request and
// response bodies and the caller's IP (API-FACTS §11). Only the account that made the request can
// look it up, only for 7 days, and not for /sns/* (web authorization) requests.
// The looked-up request may carry secrets (the appsecret in a stable_token body, an access_token in
// the URL or the answer): they are redacted in every output mode unless --show-secrets, because rid
// output is exactly what people paste into forum posts.
import type { Context } from '../context.js';
import { UsageError, WechatApiError, withHint } from '../errors.js';
import { extractRid } from '../core/errcodes.js';
import { readErrorBody, redactJsonText, redactUrl } from '../core/responses.js';
import { RID_RETENTION_MS, nextStep } from '../core/next-step.js';
import { openBasicTokenService } from '../flows/basic-token.js';
import type { RidGetResponse } from '../http/api.js';
import { formatDuration, formatTime, presentTokenEvent } from '../ui/basic-present.js';

/** 2021+ rid: three groups of 8 hex digits; the first is the request time in hex Unix seconds (§0.4). */
const RID_RE = /^([0-9a-f]{8})-[0-9a-f]{8}-[0-9a-f]{8}$/i;

interface RidOptions {
  rid: string;
  /** The request time encoded in the rid, ms since epoch. */
  issuedAt: number;
  /** The rid was pulled out of a pasted errmsg or body. */
  extracted: boolean;
}

function toOptions(args: string[]): RidOptions {
  const input = (args[0] ?? '').trim();
  let rid = input;
  let extracted = false;
  if (!RID_RE.test(input)) {
    const found = extractRid(input);
    if (found !== undefined) {
      rid = found;
      extracted = true;
    }
  }
  const m = RID_RE.exec(rid);
  if (!m?.[1]) {
    throw new UsageError({ key: 'basic.rid.invalid', params: { rid: input } }, { hint: { key: 'basic.rid.invalid.hint' } });
  }
  return { rid: rid.toLowerCase(), issuedAt: parseInt(m[1], 16) * 1000, extracted };
}

function redactQuery(query: string): string {
  return query.startsWith('?') || query.includes('://') ? redactUrl(query) : redactUrl('?' + query).slice(1);
}

/** The looked-up request with secrets hidden (unless --show-secrets). */
function present(request: RidGetResponse['request'], showSecrets: boolean): RidGetResponse['request'] {
  if (showSecrets) return request;
  return {
    ...request,
    request_url: redactQuery(String(request.request_url ?? '')),
    request_body: redactJsonText(String(request.request_body ?? '')),
    response_body: redactJsonText(String(request.response_body ?? '')),
  };
}

export async function run(ctx: Context, args: string[], _opts: Record<string, unknown>): Promise<number | void> {
  const options = toOptions(args);
  const { out } = ctx;
  if (options.extracted) out.note(out.t('basic.rid.extracted', { rid: options.rid }));
  const age = ctx.now() - options.issuedAt;
  if (age > RID_RETENTION_MS) out.warn(out.t('basic.rid.old', { at: formatTime(options.issuedAt), age: formatDuration(out, age) }));

  const config = await ctx.requireConfig(['appid', 'secret']);
  const api = await ctx.api(config);
  const { service, appid } = openBasicTokenService({
    config,
    api,
    store: await ctx.tokenStore(),
    now: () => ctx.now(),
    onEvent: (event) => presentTokenEvent(out, event, ctx.now(), ctx.globals.verbose === true),
  });
  let response;
  try {
    response = await service.use((accessToken) => api.getRid({ accessToken, rid: options.rid }));
  } catch (error) {
    if (error instanceof WechatApiError) {
      throw withHint(error, nextStep(error.errcode, { use: 'rid', rid: options.rid, appid, at: formatTime(options.issuedAt), ageMs: age }));
    }
    throw error;
  }
  const showSecrets = ctx.globals.showSecrets === true;
  const request = present(response.data.request, showSecrets);
  out.result({ appid, rid: options.rid, request });
  const redacted = JSON.stringify(request) !== JSON.stringify(response.data.request);
  // --raw is WeChat's body as it came; when secrets had to be hidden it is re-serialised without them.
  if (ctx.globals.raw) out.raw(redacted ? JSON.stringify({ ...response.data, request }) : response.raw);

  const answer = parseAnswer(request.response_body);
  out.fields([
    ['rid', options.rid],
    ['invoke_time', request.invoke_time ? `${formatTime(request.invoke_time * 1000)} (${request.invoke_time})` : undefined],
    ['cost_in_ms', request.cost_in_ms === undefined ? undefined : `${request.cost_in_ms} ms`],
    ['client_ip', request.client_ip],
    ['request_url', request.request_url || out.t('basic.rid.empty')],
    ['request_body', request.request_body || out.t('basic.rid.empty')],
    ['response_body', request.response_body || out.t('basic.rid.empty')],
  ]);
  if (answer) out.note(out.t('basic.rid.answerError', { errcode: answer.errcode, errmsg: answer.errmsg }));
  if (redacted) out.note(out.t('basic.rid.redacted'));
}

function parseAnswer(body: string): { errcode: number; errmsg: string } | undefined {
  try {
    return readErrorBody(JSON.parse(body));
  } catch {
    return undefined;
  }
}

// wxauth rid <rid>
// POST /cgi-bin/openapi/rid/get: when a request was made, how long it took, its URL, request and
// response bodies and the caller's IP (API-FACTS §11). Only the account that made the request can
// look it up, only for 7 days, and not for /sns/* (web authorization) requests.
// The looked-up request may carry secrets (the appsecret in a stable_token body, an access_token in
// the URL or the answer): they are redacted in every output mode unless --show-secrets, because rid
// output is exactly what people paste into forum posts.
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { UsageError, WechatApiError, withHint } from '../errors.js';
import { extractRid } from '../core/errcodes.js';
import { readErrorBody } from '../core/responses.js';
import { redactJsonText, redactUrl } from '../core/secrets.js';
import { quotedInput } from '../core/token.js';
import { RID_FUTURE_SLACK_MS, RID_RETENTION_MS, nextStep } from '../core/next-step.js';
import type { RidGetResponse } from '../core/responses.js';
import { formatLocalTime } from '../ui/format.js';
import { basicTokenEvents } from '../ui/present/basic-common.js';
import { announceRid, type RidCommandResult } from '../ui/present/rid.js';

/** 2021+ rid: three groups of 8 hex digits; the first is the request time in hex Unix seconds (§0.4). */
const RID_RE = /^([0-9a-f]{8})-[0-9a-f]{8}-[0-9a-f]{8}$/i;
/** The start of one, cut short: 8 hex digits, then fewer than 16 more in at most two groups. */
const CUT_RID_RE = /^[0-9a-f]{8}-(?:[0-9a-f]{1,7}|[0-9a-f]{8}-?|[0-9a-f]{8}-[0-9a-f]{1,7})$/i;

export interface RidOptions {
  rid: string;
  /** The request time encoded in the rid, ms since epoch. */
  issuedAt: number;
  /** The rid was pulled out of a pasted errmsg or body. */
  extracted: boolean;
}

export function parseOptions({ args }: CommandInput): RidOptions {
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
  // Hex groups of a rid with digits missing at the end: lost when copying (a terminal's wrap, a selection).
  if (!m?.[1] && CUT_RID_RE.test(rid)) {
    throw new UsageError({ key: 'basic.rid.cut', params: { rid, digits: rid.replace(/-/g, '').length } }, { hint: { key: 'basic.rid.cut.hint' } });
  }
  if (!m?.[1]) {
    // An errcode where the rid goes (`wxauth rid 40029`): errcode is the command that explains it.
    if (/^-?\d{1,7}$/.test(input)) throw new UsageError({ key: 'basic.rid.invalid', params: { rid: input } }, { hint: { key: 'basic.rid.errcode.hint', params: { code: input } } });
    // What was pasted is quoted back: a log line or curl command carries the appsecret or a token.
    throw new UsageError({ key: 'basic.rid.invalid', params: { rid: quotedInput(input) } }, { hint: { key: 'basic.rid.invalid.hint' } });
  }
  return { rid: rid.toLowerCase(), issuedAt: parseInt(m[1], 16) * 1000, extracted };
}

function redactQuery(query: string): string {
  return query.startsWith('?') || query.includes('://') ? redactUrl(query) : redactUrl('?' + query).slice(1);
}

/** The looked-up request with secrets hidden (unless --show-secrets). */
function shown(request: RidGetResponse['request'], showSecrets: boolean): RidGetResponse['request'] {
  if (showSecrets) return request;
  return {
    ...request,
    request_url: redactQuery(String(request.request_url ?? '')),
    request_body: redactJsonText(String(request.request_body ?? '')),
    response_body: redactJsonText(String(request.response_body ?? '')),
  };
}

function parseAnswer(body: string): { errcode: number; errmsg: string } | undefined {
  try {
    return readErrorBody(JSON.parse(body));
  } catch {
    return undefined;
  }
}

export async function run(options: RidOptions, ctx: Context): Promise<RidCommandResult> {
  const age = ctx.now() - options.issuedAt;
  // A time still to come (ffffffff- is 2106): no request made it, so WeChat is not asked (it answers 76001).
  if (age < -RID_FUTURE_SLACK_MS) {
    throw new UsageError({ key: 'basic.rid.future', params: { rid: options.rid, at: formatLocalTime(options.issuedAt) } }, { hint: { key: 'basic.rid.future.hint' } });
  }
  // Said before anything can fail: a too-old rid explains the 76001 that follows.
  announceRid(ctx, { rid: options.rid, extracted: options.extracted, issuedAt: options.issuedAt, ageMs: age, expired: age > RID_RETENTION_MS });

  const { service, appid, api } = await ctx.basicTokenService(basicTokenEvents(ctx));
  let response;
  try {
    response = await service.use((accessToken) => api.getRid({ accessToken, rid: options.rid }));
  } catch (error) {
    if (error instanceof WechatApiError) {
      throw withHint(error, nextStep(error.errcode, { use: 'rid', rid: options.rid, appid, at: formatLocalTime(options.issuedAt), ageMs: age }));
    }
    throw error;
  }
  const request = shown(response.data.request, ctx.globals.showSecrets === true);
  const redacted = JSON.stringify(request) !== JSON.stringify(response.data.request);
  return {
    appid,
    rid: options.rid,
    request,
    redacted,
    // --raw is WeChat's body as it came; when secrets had to be hidden it is re-serialised without them.
    rawBody: ctx.globals.raw ? (redacted ? JSON.stringify({ ...response.data, request }) : response.raw) : undefined,
    answer: parseAnswer(request.response_body),
  };
}

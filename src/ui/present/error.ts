// How a failed command looks: the error line, WeChat's errcode/errmsg/rid/endpoint with the errcode
// explanation, where a rejected credential came from, and the next step (`→ …`). In --json mode the
// same facts go into the one document, after whatever the command had gathered before it failed.
import { CancelledError, messageRef, NetworkError, WechatApiError, type MessageRef, type ParamValue, type WechatDiagnosis, type WxauthError } from '../../errors.js';
import { isoTime } from '../format.js';
import type { ErrcodeExplanation } from '../../core/errcodes.js';
import { printExplanation } from '../explain.js';
import { tr } from '../i18n.js';
import type { Output } from '../output.js';

export interface ErrorDetails {
  /** WeChat errors: the errcode knowledge base's entry (computed by the caller, which may import core). */
  explanation?: ErrcodeExplanation;
  /** Credential errors: which profile or variable supplied the value WeChat rejected (a rendered sentence). */
  source?: string;
  /** --verbose: the stack of an internal error. */
  verbose?: boolean;
}

/**
 * The `error` object of every --json failure: always `code`, `message` and `hint` (null when there is
 * none), then what the kind of error adds (`also`, `notes`, WeChat's errcode, errmsg, rid, endpoint…).
 */
export function errorObject(code: string, message: string, hint: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { code, message, hint: hint ?? null, ...extra };
}

/**
 * Print the failure document: one pretty document, or for a JSON Lines command (proxy, emulator) one
 * compact `{"type":"error","ok":false,"error":{…}}` line, in the framing of its other lines.
 */
function emitFailure(out: Output, error: Record<string, unknown>, gathered: Record<string, unknown> = {}): void {
  if (out.streamsLines) out.emit({ type: 'error', ok: false, ...gathered, error });
  else out.emit({ ok: false, ...gathered, error }, 2);
}

/** An error that is not a WxauthError is a bug in wxauth: say so and how to report it. */
export function presentInternal(out: Output, error: unknown, verbose: boolean): void {
  // The bundle's entry (scripts/bundle-entry.cjs) could not find one of wxauth's own files.
  if ((error as { code?: unknown } | undefined)?.code === 'WXAUTH_BUNDLE_CHANGED') {
    const message = out.t('common.bundleChanged', { detail: (error as Error).message });
    if (out.json) emitFailure(out, errorObject('internal', message, out.t('common.bundleChanged.hint')));
    else {
      out.failure(message);
      out.say(out.t('common.bundleChanged.hint'));
    }
    return;
  }
  const detail = error instanceof Error ? (verbose ? error.stack ?? error.message : error.message) : String(error);
  const hint = out.t('common.internal.hint');
  if (out.json) emitFailure(out, errorObject('internal', out.t('common.internal', { detail }), hint));
  else {
    // A stack is several lines: each is printed as a line (escaped params would fold it into one).
    const [first = '', ...stack] = detail.split('\n');
    out.failure(out.t('common.internal', { detail: first }));
    for (const line of stack) out.say(line);
    out.say(hint);
  }
}

/** Text compared without case, spaces or commas (WeChat writes `…cgi_path, no permission` and `…cgi_path，no permission`). */
const plain = (text: string) => text.toLowerCase().replace(/[\s,，.。:：]+/g, '');

/**
 * The headline's message. A WeChat error in Chinese leads with the code's meaning: WeChat's errmsg is
 * English (`invalid code`), and a Chinese reader met it first, its meaning only lines later. Only where
 * the meaning is a translation of what WeChat said (its English is the errmsg, an IP it names aside), and
 * only its statement: the table's sentences go on with advice (40013's 「不合法的 AppID ，请开发者检查…」),
 * which the explanation below gives whole. A meaning that does not fit this answer, or whose statement
 * is long, stays there too, and the headline keeps the errmsg alone.
 */
function headline(out: Output, error: WxauthError, explanation: ErrcodeExplanation | undefined): MessageRef {
  const meaning = explanation?.meaning.zh;
  if (!(error instanceof WechatApiError) || out.lang !== 'zh' || !meaning || explanation?.untranslated?.includes('zh')) return error.messageRef;
  // The errmsg as the plain headline carries it: without its rid suffix (errors.ts).
  const errmsg = String((error.messageRef.params as { errmsg?: unknown } | undefined)?.errmsg ?? error.errmsg);
  const translates = plain(explanation?.meaning.en ?? '') === plain(withoutBoilerplate(withoutIps(errmsg)));
  // The advice starts at 「，请」 or a few characters before it (−1's 「系统繁忙，此时请开发者稍候再试」); 请求 is a word.
  const statement = meaning.split(/\s*(?:，[^，。；]{0,4}请(?!求)|。|；)/)[0]!.trim();
  if (!translates || statement === '' || statement.length > 40) return error.messageRef;
  const params = { errcode: error.errcode, meaning: statement, errmsg, endpoint: error.endpoint };
  if (error.origin) return messageRef('wechat.error.meaning.at', { ...params, origin: error.origin });
  return messageRef('wechat.error.meaning', params);
}

/**
 * WeChat's closing words that say nothing of this error: 76001's `rid not found, please check`, a
 * `rid: …` or `hint: [...]` tail. Without them the errmsg can be the table's English; the headline still
 * shows the errmsg whole.
 */
function withoutBoilerplate(errmsg: string): string {
  let text = errmsg;
  for (;;) {
    const next = text.replace(/[\s,，;；]*(?:please\s+check|rid:\s*[0-9a-f-]+|hints?:\s*\[[^\]]*\])[\s.。]*$/i, '');
    if (next === text) return text;
    text = next;
  }
}

/** 40164's errmsg names the caller: `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist`. */
function withoutIps(errmsg: string): string {
  return errmsg.replace(/\s+(?:ipv6\s+)?[0-9a-f]*[.:][0-9a-f.:]*[0-9a-f](?=[\s,，]|$)/gi, '');
}

/** --json's `error.diagnosis`: the facts, in the document's style (snake_case, ISO times). */
function diagnosisDocument(d: WechatDiagnosis): Record<string, unknown> {
  if (d.kind === 'snapshot_user' || d.kind === 'base_scope_token') return { kind: d.kind, openid: d.openid };
  if (d.kind === 'stable_token_rejected') return { kind: d.kind, retried: d.retried, same_token: d.sameToken };
  return { kind: d.kind, exchanged_at: isoTime(d.exchangedAt), appid: d.appid, profile: d.profile, openid: d.openid };
}

/**
 * --json's `error.network`: what a script needs to tell one network failure from another, whatever the
 * language of the message (snake_case, as `diagnosis`). Every field is always there, null when unknown:
 * `failure` (NetworkFailure: dns, refused, unreachable, timeout, reset, tls, not_json, unexpected_shape,
 * busy_page, http_status, too_large, other), `host`, `status` (the HTTP status of an answer that was not
 * WeChat's JSON; with `timeout`, of one whose body did not end in time), `may_have_reached_server` (false: nothing was sent, safe to send again),
 * `issued_token` (true: the answer carried an access_token though wxauth could not use it, so a code
 * sent for it is spent for certain) and `proxy` (the HTTP(S)_PROXY that failed the call, credentials hidden).
 */
function networkDocument(e: NetworkError): Record<string, unknown> {
  return {
    failure: e.failure,
    host: e.host ?? null,
    status: e.status ?? null,
    may_have_reached_server: e.mayHaveReachedServer,
    issued_token: e.issuedToken,
    proxy: e.failedProxy ?? null,
  };
}

/** WeChat's errmsgs are a line (the longest a few hundred characters, with their rid or hints). */
const ERRMSG_SHOWN = 500;

/**
 * An errmsg as human output shows it: one past ERRMSG_SHOWN characters (an API base answering a
 * 200,000-character errmsg filled the terminal twice over) is cut there, saying how much was left out
 * and where the whole of it is (--json, --raw).
 */
function shownErrmsg(lang: Output['lang'], errmsg: string): string {
  const chars = [...errmsg];
  if (chars.length <= ERRMSG_SHOWN) return errmsg;
  return tr(lang, messageRef('wechat.errmsg.clipped', { start: chars.slice(0, ERRMSG_SHOWN).join(''), more: chars.length - ERRMSG_SHOWN }));
}

/** The headline with its errmsg parameter (a WeChat error's) as human output shows it. */
function clipHeadline(lang: Output['lang'], ref: MessageRef): MessageRef {
  const { key, params } = ref as { key: MessageRef['key']; params?: Record<string, ParamValue> };
  const errmsg = params?.errmsg;
  if (typeof errmsg !== 'string') return ref;
  const shown = shownErrmsg(lang, errmsg);
  if (shown === errmsg) return ref;
  return messageRef(key, { ...params, errmsg: shown });
}

/**
 * The error's own hint, or for an errcode the tables do not have (and no step of the command's own),
 * where to look it up. Returns, not `let`, `??` or `?:`: over MessageRef (a union of every catalogue key)
 * an assignment's narrowing costs tsc minutes and those expressions' types are too complex for it.
 */
function errorHint(error: WxauthError, details: ErrorDetails): MessageRef | undefined {
  if (error.hint) return error.hint;
  if (!(error instanceof WechatApiError) || details.explanation?.known !== false) return undefined;
  // Every unknown code has the errcode list's address today (core/errcodes.ts), but the field is
  // optional: without one the sentence has no place left empty (", ;" was what `doc: ''` gave).
  const { doc } = details.explanation;
  if (doc === undefined || doc === '') return messageRef('wechat.unknown.hint.noDoc', { errcode: error.errcode });
  return messageRef('wechat.unknown.hint', { errcode: error.errcode, doc });
}

export function presentError(out: Output, error: WxauthError, details: ErrorDetails = {}): void {
  const title = headline(out, error, details.explanation);
  const message = tr(out.lang, title);
  if (error instanceof CancelledError) {
    if (out.json) emitFailure(out, errorObject(error.code, message, error.hint ? tr(out.lang, error.hint) : undefined));
    // A plain cancel says nothing; one that left something behind (a code sent) says what.
    else if (error.hint) out.warning('cancelled', tr(out.lang, error.hint));
    return;
  }
  // An errcode the tables do not have, and no step of the command's own: where to look it up, not nothing.
  const hintRef = errorHint(error, details);
  const hint = hintRef ? tr(out.lang, hintRef) : undefined;
  // A certain diagnosis (wxauth knows what happened, errors.ts WechatDiagnosis): the explanation's
  // generic likely causes and fixes would only contradict it ("the code expired" for a code wxauth itself
  // spent), so both outputs leave them out; `wxauth errcode N` still has them all.
  const diagnosis = error instanceof WechatApiError ? error.diagnosis : undefined;
  const explanation = details.explanation && diagnosis ? { ...details.explanation, causes: [], fixes: [] } : details.explanation;
  const wechat =
    error instanceof WechatApiError
      ? {
          errcode: error.errcode,
          errmsg: error.errmsg,
          rid: error.rid,
          endpoint: error.endpoint,
          ...(error.origin ? { origin: error.origin } : {}),
          ...(explanation ? { explanation } : {}),
          ...(diagnosis ? { diagnosis: diagnosisDocument(diagnosis) } : {}),
          // Where the refused value came from (a WXAUTH_* variable, the profile, a flag): the human output's last line.
          ...(details.source ? { source: details.source } : {}),
        }
      : {};
  const also = error.also.length > 0 ? { also: error.also.map((m) => tr(out.lang, m)) } : {};
  const notes = error.notes.length > 0 ? { notes: error.notes.map((m) => tr(out.lang, m)) } : {};
  if (out.json) {
    const network = error instanceof NetworkError ? { network: networkDocument(error) } : {};
    // What the command had gathered before it failed (e.g. every problem url found) stays in the document.
    emitFailure(out, errorObject(error.code, message, hint, { ...also, ...notes, ...wechat, ...network }), out.getDocument());
    return;
  }
  // Human output: the message's params (an errmsg, a state, a path) are escaped by out.tr.
  out.failure(out.tr(clipHeadline(out.lang, title)));
  // With further reasons, the headline's hint comes right under it, and each "Also:" line carries its
  // own: a hint after the last "Also:" line was read as that line's fix.
  const hintFirst = hintRef !== undefined && error.also.length > 0;
  if (hintFirst) out.say(out.style.cyan('→ ') + out.tr(hintRef));
  for (const more of error.also) out.failure(out.tr(more));
  if (error instanceof WechatApiError) {
    out.fields(
      [
        ['errcode', String(error.errcode)],
        ['errmsg', shownErrmsg(out.lang, error.errmsg)],
        ['rid', error.rid],
        ['endpoint', error.endpoint],
      ],
      'stderr',
    );
    if (explanation) printExplanation(out, explanation, { compact: true });
    if (details.source) out.note(details.source);
  }
  // Notes on the failure (not failures: no ✖), after its facts, before the headline's next step.
  for (const note of error.notes) out.note(out.tr(note));
  if (hintRef && !hintFirst) out.say(out.style.cyan('→ ') + out.tr(hintRef));
}

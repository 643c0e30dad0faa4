// What `wxauth probe` checks (issue 14's table) and the pure judgements it makes on what the browser saw.
import type { MessageRef } from '../../errors.js';
import type { Hop } from './browser.js';

/** Every check, in report order. Every id appears in every report (skipped ones with the reason). */
export const CHECK_IDS = [
  'authorize.url',
  'login.completes',
  'code.exchanged_once',
  'callback.duplicate',
  'callback.reload',
  'url.code_left',
  'session.renewed',
  'session.per_user',
  'unionid.absent',
  'state.forged',
  'state.missing',
  'consent.denied',
  'code.expired',
  'wechat.busy',
  'wechat.slow',
  'secrets.leak',
  'redirect.open',
  'basic_token.per_login',
  'basic_token.rejected',
  'userinfo.scope',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

/**
 * How late WeChat answers the code exchange in wechat.slow (--exchange-delay): longer than the timeouts
 * WeChat SDKs and HTTP clients give a request by default, shorter than a user waits. What they give (read in
 * each one's source, the commit named):
 * - WxJava: 5000 ms socket timeout (connect 5000, pool 3000) and an Apache retry handler that never retries
 *   (binarywang/WxJava@3da9f64 weixin-java-common/…/http/apache/DefaultApacheHttpClientBuilder.java); its
 *   OAuth2 getAccessToken calls once and turns an IOException into errcode 99999
 *   (@035dd04 weixin-java-mp/…/api/impl/WxMpOAuth2ServiceImpl.java).
 * - node-webot/wechat-oauth 1.5.0: urllib 2.44's default, 5000 ms to connect and 5000 ms to answer, no retry
 *   (its lib/oauth.js `request`; urllib lib/urllib.js `exports.TIMEOUTS`, lib/httpclient2.js `retry || 0`).
 * - Senparc.Weixin: Config.TIME_OUT, 10 s (JeffreySu/WeiXinMPSDK@0556244 src/Senparc.Weixin/Senparc.Weixin/Config.cs).
 * - EasyWeChat 6 (its OAuth is overtrue/socialite): a Guzzle client with no options, so no timeout
 *   (overtrue/socialite@08d54e4 src/Providers/Base.php `getHttpClient`).
 * - wechatpy: a requests Session called without `timeout`: none (wechatpy/wechatpy@0b3b105 wechatpy/oauth/__init__.py).
 * - got: no timeout by default (sindresorhus/got@036087a documentation/6-timeout.md); once one is set, a GET
 *   that hits it (ETIMEDOUT) is retried twice (documentation/7-retry.md: limit 2, errorCodes ETIMEDOUT…).
 * - axios: timeout 0, none (axios/axios@07785ef lib/defaults/index.js); axios-retry leaves a timed-out request
 *   alone unless told (ECONNABORTED excluded, and without shouldResetTimeout the spent timeout ends the
 *   retry: softonic/axios-retry@09745ad src/index.ts).
 * - urllib3 Retry (requests' HTTPAdapter max_retries): `read` retries come "after the request was sent to
 *   the server, so the request may have side-effects", and GET is among the methods it retries by default.
 * So the common timeout that can fire first is 5 s, followed by a retry wherever the app or its client added
 * one; 6 s outlasts it and costs each run about as much. The callback is given the delay on top of --timeout
 * (a 10 s default would leave a correct app 4 s, and a --timeout of 3 s none), so an app with no timeout of
 * its own waits and signs the user in.
 */
export const DEFAULT_EXCHANGE_DELAY_MS = 6_000;

/** A WeChat API call the app made, as the emulator's log shows it (secrets already masked there). */
export interface WechatCall {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** When the answer left (the emulator's clock). */
  time: string;
  /** When the request arrived, for an answer the emulator held back (a `delay` fault); absent from an emulator older than this wxauth. */
  arrived?: string;
  errcode?: number;
  fault?: string;
  /** A stable_token call with force_refresh. */
  forceRefresh?: boolean;
  /** A /sns/ user endpoint refused the basic access_token it was given (the emulator's log says so). */
  basicToken?: boolean;
  /** When the emulator got it, in ms since the scenario's browser session started (the hops' startMs scale). */
  atMs?: number;
}

export interface Evidence {
  /** Scenarios whose hops and WeChat calls back this check up (see the report's `scenarios`). */
  scenarios?: ScenarioId[];
  hops?: Hop[];
  wechat?: WechatCall[];
  /** inspect's findings on the authorize URL, with the catalogue texts `wxauth inspect` shows for them. */
  findings?: Array<{ id: string; severity: string; params: Record<string, string | number>; message: MessageRef; fix: MessageRef }>;
  /** Facts worth showing as they are: masked excerpts, what probe did instead of WeChat. */
  details?: Record<string, string | number | boolean>;
}

export interface ProbeCheck {
  id: CheckId;
  status: CheckStatus;
  message: MessageRef;
  fix?: MessageRef;
  evidence: Evidence;
}

export type ScenarioId =
  | 'happy'
  | 'reload'
  | 'duplicate'
  | 'state_forged'
  /** state.forged's second half: a state the app gave another browser, delivered to this one's callback. */
  | 'state_other'
  | 'state_missing'
  | 'denied'
  | 'expired'
  | 'busy_errcode'
  | 'busy_http500'
  | 'slow_exchange'
  | 'open_redirect'
  | 'token_rejected'
  | 'second_user'
  | 'no_unionid'
  | 'no_unionid_second'
  /** session.renewed's replay: a fresh browser with only the app's cookies from before the login opens the landing page. */
  | 'session_replay'
  /** session.renewed, before the replay: a fresh browser with no cookies at all opens the landing page (does its URL alone sign in?). */
  | 'session_bare';

export interface ScenarioRecord {
  id: ScenarioId;
  hops: Hop[];
  wechat: WechatCall[];
  /** Wall time of the scenario, ms. */
  elapsedMs: number;
  /** What probe did that WeChat would have done (delivered a state-only callback, moved the clock…). */
  notes: MessageRef[];
}

/** Which scenarios each check needs (the happy path always runs: it finds the authorize URL). */
export const SCENARIOS_OF: Record<CheckId, ScenarioId[]> = {
  'authorize.url': ['happy'],
  'login.completes': ['happy'],
  'code.exchanged_once': ['happy'],
  'callback.duplicate': ['duplicate'],
  'callback.reload': ['happy', 'reload'],
  'url.code_left': ['happy'],
  'session.renewed': ['happy'],
  // The happy path's browser is the first person; the second logs in in a fresh one.
  'session.per_user': ['happy', 'second_user'],
  // The app unbound from its 开放平台 account: the first person logs in again without a unionid, then a
  // second person in a fresh browser (merged into one account when the missing value became the key).
  // And session.per_user's second_user, also under `--only unionid.absent`: when two people see each
  // other's account with unionids too, the mix-up is not the missing unionid's (same_as_per_user).
  'unionid.absent': ['happy', 'second_user', 'no_unionid', 'no_unionid_second'],
  'state.forged': ['state_forged', 'state_other'],
  'state.missing': ['state_missing'],
  'consent.denied': ['denied'],
  'code.expired': ['expired'],
  'wechat.busy': ['busy_errcode', 'busy_http500'],
  'wechat.slow': ['slow_exchange'],
  // Every answer: a secret usually leaks on an error page (a failed exchange, a refusal), so `--only
  // secrets.leak` runs every scenario rather than pass on the happy path's few pages.
  'secrets.leak': ['happy', 'reload', 'duplicate', 'state_forged', 'state_other', 'state_missing', 'denied', 'expired', 'busy_errcode', 'busy_http500', 'slow_exchange', 'open_redirect', 'token_rejected', 'second_user', 'no_unionid', 'no_unionid_second'],
  'redirect.open': ['open_redirect'],
  // A second login (WeChat's duplicate hit is one) tells a fetch per login from an empty cache filled once.
  'basic_token.per_login': ['happy', 'duplicate'],
  'basic_token.rejected': ['token_rejected'],
  'userinfo.scope': ['happy'],
};

/**
 * The marks a stack trace leaves in a page, for the common runtimes: Node, Python, Java, PHP, Go, .NET.
 * A page showing one tells an attacker the code layout and usually means an unhandled error.
 */
const STACK_MARKS: Array<[string, RegExp]> = [
  ['node', /\n\s*at (?:async )?[^\n]*\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\n]*:\d+:\d+\)?/],
  ['python', /Traceback \(most recent call last\):/],
  ['java', /(?:Exception|Error)(?::[^\n]*)?\n\s*at [\w$.<>]+\([\w$]+\.(?:java|kt):\d+\)/],
  ['php', /(?:PHP )?(?:Fatal error|Uncaught [\w\\]+)[^\n]*(?:on line \d+|Stack trace:)|Stack trace:\s*\n?\s*#0 /],
  ['go', /goroutine \d+ \[running\]:|panic: [^\n]+\n\n?goroutine/],
  ['dotnet', /\bat [\w.`<>]+\([^)]*\) in [^\n]+:line \d+|System\.\w+Exception:/],
];

const NAMED_ENTITIES: Record<string, string> = { nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', tab: '\t', newline: '\n' };

/** An HTML text's characters: `&nbsp;`, `&#32;`, `&#x20;`… as what they stand for (an unknown name is left). */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The runtime whose stack trace the text shows, if any. An HTML page shows one with its lines broken by
 * `<br>` and indented with entities (Express's default error page: `<br> &nbsp; &nbsp;at file:///…`), or
 * each line in an element of its own: the text is read as it is (a plain-text trace keeps `<init>` or
 * `<anonymous>`), and as the page's words, tags dropped and entities decoded.
 */
export function stackTraceIn(text: string): string | undefined {
  const lines = text.replace(/<br\s*\/?>/gi, '\n');
  const shown = decodeEntities(lines);
  const words = decodeEntities(lines.replace(/<\/(?:p|div|li|tr|pre|code|h[1-6]|dd|dt|td|th)\s*>/gi, '\n').replace(/<[a-zA-Z/!][^>]*>/g, ''));
  for (const [runtime, re] of STACK_MARKS) if (re.test(shown) || re.test(words)) return runtime;
  return undefined;
}

/** What went wrong with the answer the user ends up seeing, if anything the checks count as a failure. */
export type PageProblem = { kind: 'no_answer'; error: string; /** With error `protocol`: the parser's code. */ code?: string; /** With error `timeout`: the status came, then the body stalled (Hop.stalled). */ stalled?: { status: number; bytes: number } } | { kind: '5xx'; status: number } | { kind: 'stack'; runtime: string; status: number };

export function pageProblem(page: { status: number; body: string; hop: Hop }): PageProblem | undefined {
  if (page.status === 0) return { kind: 'no_answer', error: page.hop.error ?? 'network', ...(page.hop.protocolCode ? { code: page.hop.protocolCode } : {}), ...(page.hop.stalled ? { stalled: page.hop.stalled } : {}) };
  const runtime = stackTraceIn(page.body);
  if (runtime) return { kind: 'stack', runtime, status: page.status };
  if (page.status >= 500) return { kind: '5xx', status: page.status };
  return undefined;
}

/** Who a page may show as signed in, as the emulator issued it to the app (session.per_user). */
export interface Identity {
  openid: string;
  /** Only for an app bound to a 开放平台 account (§4). */
  unionid?: string;
  nickname: string;
}

export type IdentityMark = 'openid' | 'unionid' | 'nickname';

/**
 * Which of `who`'s marks a page shows: the openid, the unionid, the nickname, in its text as it is,
 * with HTML entities or JSON's \uXXXX escapes decoded. A nickname counts only from two characters up and
 * when `other`'s does not contain it (张三 in 张三丰 would say nothing of who is shown).
 */
export function identityShown(body: string, who: Identity, other: Identity): IdentityMark[] {
  const text = decodeEntities(body).replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const shown: IdentityMark[] = [];
  if (who.openid !== '' && text.includes(who.openid)) shown.push('openid');
  if (who.unionid && text.includes(who.unionid)) shown.push('unionid');
  const nickname = who.nickname.trim();
  if ([...nickname].length >= 2 && !other.nickname.includes(nickname) && text.includes(nickname)) shown.push('nickname');
  return shown;
}

/** A page's words as a reader sees them: scripts and styles dropped, tags as spaces, entities and JSON's \uXXXX decoded. */
function wordsOf(body: string): string {
  const text = body.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[a-zA-Z/!][^>]*>/g, ' ');
  return decodeEntities(text).replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** What a missing value becomes when a program writes it out: JavaScript's undefined and null, Python's None, Go's <nil>. */
const MISSING_AFTER = /^\s*["']?(undefined|null|None|<nil>|nil)(?![\w-])/;

/**
 * The word a missing value became on a page (unionid.absent): where the page before showed the unionid
 * (`unionid: oXy…`), this one shows `unionid: undefined` (or null, None, nil); anywhere else, the words
 * `undefined` or `null` the page before did not have, JSON's own `null` (`"unionid":null`, after a colon,
 * a comma or a bracket) left out: an honest "none". Undefined when the page shows no such word.
 *
 * An EMPTY value (`unionid: ` then nothing, `"unionid":""`, `unionid=&`) is not one, on purpose: it is
 * what a correct page prints when there is no unionid (a template's missing field, `unionid ?? ''` for
 * display), so failing it would fail correct apps. A word like "undefined" is different: it is the
 * missing value turned into text by String() or a template literal, the same text an account key gets.
 * The harm of an empty one is an account keyed by "", and that shows as two people on one account
 * (unionid.absent's `merged`), which the check judges from who the pages show, whatever they print.
 */
export function missingValueShown(body: string, before: string, unionid: string | undefined): string | undefined {
  const words = wordsOf(body);
  const earlier = wordsOf(before);
  if (unionid) {
    for (let at = earlier.indexOf(unionid); at >= 0; at = earlier.indexOf(unionid, at + 1)) {
      // What stood before the unionid on its line (its label): "unionid: ", "账号 ", "\"unionid\":\"".
      const label = earlier.slice(Math.max(0, at - 16), at).split('\n').pop()!.replace(/^\s+/, '');
      if (label.trim().length < 2) continue;
      for (let here = words.indexOf(label); here >= 0; here = words.indexOf(label, here + 1)) {
        const m = MISSING_AFTER.exec(words.slice(here + label.length));
        if (m) return m[1];
      }
    }
  }
  for (const word of ['undefined', 'null']) {
    if (new RegExp(`\\b${word}\\b`).test(earlier)) continue;
    for (const m of words.matchAll(new RegExp(`\\b${word}\\b`, 'g'))) {
      const lead = words.slice(0, m.index).trimEnd();
      const justBefore = words[m.index - 1] ?? '';
      if (/[:,[]$/.test(lead) && !/["']/.test(justBefore)) continue;
      return word;
    }
  }
  return undefined;
}

/** The page shows WeChat's "code been used" failure to the user (§1.6: 40163 on the second exchange). */
export function showsCodeUsed(body: string): boolean {
  return /40163|code been used/i.test(body);
}

/** Return-to parameter names apps commonly take on their login start URL (redirect.open). */
export const RETURN_PARAM_NAMES = ['redirect', 'redirect_url', 'redirectUrl', 'returnTo', 'return_to', 'returnUrl', 'return_url', 'return', 'next', 'back', 'backUrl', 'from', 'target', 'continue', 'goto', 'url'];

/** The names a skip line gives as examples: one of each family (the first eight were all redirect/return spellings). */
export const RETURN_PARAM_EXAMPLES = ['redirect', 'returnTo', 'return_url', 'next', 'back', 'from', 'continue', 'url'];

/** The foreign address probe puts into the return-to parameter; never contacted (the browser blocks foreign hosts). */
export const FOREIGN_RETURN_URL = 'https://evil.example/after-login';

/** The callback carries a code in its query or fragment (§1.4: the code can land inside the fragment). */
export function urlHasCode(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.searchParams.has('code')) return true;
    return /(?:^#|[?&#])code=/.test(u.hash);
  } catch {
    return /[?&#]code=/.test(url);
  }
}

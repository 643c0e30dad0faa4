// Secrets in what wxauth shows: which names carry one (query parameters, JSON fields, environment
// variables), redacting them by name in URLs and texts, and masking the values a run has come to know
// (KnownSecrets) wherever they turn up. Pure. Apart from ./responses.ts (narrowing WeChat's bodies) so
// that a run which only prints (errcode, inspect) loads the masking without the narrowing.

/** Query parameter and JSON field names whose values are secrets in WeChat's APIs. */
const SECRET_NAMES = ['secret', 'appsecret', 'access_token', 'refresh_token', 'code', 'component_access_token'];

/** Names that end like a secret's but are not one: WeChat's error code and other plain codes. */
const NOT_SECRET_NAMES = new Set([
  'errcode', 'error_code', 'errorcode', 'err_code', 'ret_code', 'retcode', 'return_code', 'returncode', 'result_code', 'resultcode',
  'sub_code', 'subcode', 'status_code', 'statuscode', 'exit_code', 'exitcode', 'http_code', 'httpcode',
  'country_code', 'countrycode', 'area_code', 'areacode', 'zip_code', 'zipcode', 'postal_code', 'postalcode', 'post_code', 'postcode',
  'currency_code', 'lang_code', 'language_code', 'qrcode', 'qr_code', 'unicode', 'encode', 'opcode',
]);

/**
 * Whether a query parameter or JSON field holds a secret: the names above, and any name ending like
 * one (`component_appsecret`, `component_verify_ticket`, `authorizer_refresh_token`, `pre_auth_code`,
 * `js_code`, `session_key`): the open platform and the mini-program APIs add new ones, and a name
 * list always misses the next. A password (`password`, `pwd`) is one too: not WeChat's, but an app's
 * own calls pass the proxy as well. errcode and a few plain codes are not.
 */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase();
  if (SECRET_NAMES.includes(n)) return true;
  if (NOT_SECRET_NAMES.has(n)) return false;
  return /(?:secret|ticket|token|code|session_?key|password|passwd|pwd)$/.test(n);
}

/**
 * A name shaped like a secret's, for the text patterns: only those are matched, so a pattern never
 * swallows a plain field that holds a nested JSON text with a secret in it. isSecretName decides.
 */
const SECRET_NAME_SHAPE = '[A-Za-z0-9_$.-]{0,60}(?:secret|ticket|token|code|session_?key|password|passwd|pwd)';

/**
 * A URL shown with its credentials hidden: `http://user:pass@proxy:3128` → `http://user:***@proxy:3128`;
 * a user name alone (`http://ghp_token@proxy`) is masked too, as it is often a token. For URLs wxauth
 * shows (a proxy, a base URL, one quoted back in an error).
 */
export function hideUrlCredentials(value: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i.exec(value);
  if (!m) {
    // Typed without its scheme (`gate:pass@127.0.0.1:3900`, which a refusal then quotes): a password
    // only, since `name@host` alone reads as much like an e-mail address as a credential.
    return value.replace(/^(\s*[^:@/?#\s]+):[^@/?#\s]*@/, '$1:***@');
  }
  const userinfo = m[2] ?? '';
  const colon = userinfo.indexOf(':');
  const masked = colon === -1 ? '***' : `${userinfo.slice(0, colon)}:***`;
  return `${m[1]}${masked}@${value.slice(m[0].length)}`;
}

/**
 * A parameter as redactUrl reads it: after `?`, `&` or `#` (a fragment's `#access_token=…`, what an
 * implicit-grant page or a copied address bar leaves there), its name then `=` and the value up to the
 * next separator. A name holds no `?`: `#/cb?code=…` is a route's query, read from its `?`.
 */
const URL_PARAM_RE = /([?&#])([^=&#?]+)=([^&#]*)/g;

/**
 * The same, percent-encoded once or more (`%3Fcode%3D…`, `%253Fcode%253D…`): a redirect_uri that carries
 * a code inside another URL, or one encoded twice. Its value ends at the next separator encoded as
 * deep (`%26`, `%23`, `%2526`…) or at a plain one. Its name may hold escapes of its own, one level deeper
 * (`%3Faccess%255Ftoken%3D…`): plainName reads it.
 */
const ENCODED_PARAM_RE = /(%(?:25)*(?:3F|26|23))((?:[A-Za-z0-9_.~$-]|%(?!(?:25)*(?:3D|26|23))[0-9A-F]{2})+)(%(?:25)*3D)((?:(?!%(?:25)*(?:26|23))[^&#\s])*)/gi;

/**
 * Hide secret values in a URL's query string and fragment: `secret=***`, `#access_token=***`, and
 * where they are percent-encoded inside a value (`%3Fcode%3D***`: the text decodes to a secret's
 * name=value); and the values of `also`, names that are a secret in this URL only (inspect's
 * sessionParams: `uin`, `key` of a link copied after WeChat's own hop), so that whatever echoes the
 * link masks what its parameter list masks.
 */
export function redactUrl(url: string, also: readonly string[] = []): string {
  const secret = (name: string) => {
    const decoded = plainName(name);
    return isSecretName(decoded) || also.includes(decoded);
  };
  return url
    .replace(URL_PARAM_RE, (whole, sep: string, name: string, value: string) => (value !== '' && secret(name) ? `${sep}${name}=${redactValue(value)}` : whole))
    .replace(ENCODED_PARAM_RE, (whole, sep: string, name: string, eq: string, value: string) => (value !== '' && secret(name) ? `${sep}${name}${eq}${redactValue(value)}` : whole));
}

/**
 * A URL without the query parameters named as secrets (`?code=…&x=1` → `?x=1`), with their names: for a
 * command offered to paste, which must not hold a masked value (a caller that finds redactUrl still
 * masking something in what is kept, a fragment's or an encoded one, offers no command). A redirect_uri
 * should not carry them anyway (core/callback-url.ts savedRedirectCautions: the callback would carry two codes).
 */
export function dropSecretParams(url: string, alsoDrop: readonly string[] = []): { url: string; names: string[] } {
  const names: string[] = [];
  const kept = url.replace(/([?&])([^=&#]+)=([^&#]*)/g, (whole, sep: string, name: string, value: string) => {
    if (!alsoDrop.includes(name) && (value === '' || !isSecretName(plainName(name)))) return whole;
    names.push(name);
    return sep;
  });
  return { url: kept.replace(/([?&])[?&]+/g, '$1').replace(/[?&]+(?=#|$)/g, ''), names: [...new Set(names)] };
}

/**
 * `"secret":"…"` in JSON, and the same inside a JSON string at any depth (`\"secret\":\"…\"`):
 * rid/get returns the looked-up request_body as JSON inside a JSON string (API-FACTS §11), so a
 * pattern that only knows plain JSON lets the appsecret of a stable_token call through.
 */
const JSON_FIELD_RE = new RegExp(`(\\\\*)"(${SECRET_NAME_SHAPE})\\1"(\\s*:\\s*)\\1"((?:(?!\\1")[^"])*)\\1"`, 'gi');

/** Hide secret values inside a JSON text (request or response body), nested JSON strings included. */
export function redactJsonText(text: string): string {
  return text.replace(JSON_FIELD_RE, (whole, bs: string, name: string, colon: string, value: string) =>
    value === '' || !isSecretName(name) ? whole : `${bs}"${name}${bs}"${colon}${bs}"${redactValue(value)}${bs}"`,
  );
}

/**
 * A parameter name with a percent-escape in it (`access%5Ftoken`, `app%73ecret`, `%61ccess_token`): the
 * server decodes the name before it reads it, so it is the secret's name all the same. Matched loosely
 * here (anything of a name's characters and escapes); plainName and isSecretName decide.
 */
const ENCODED_NAME_SHAPE = '(?:[A-Za-z0-9_$.-]{0,60}%[0-9A-Fa-f]{2}){1,20}[A-Za-z0-9_$.-]{0,60}';

/** `secret=…` after `?` or `&` anywhere in a text: a proxy or WAF page quoting the request line; its name
 * percent-encoded too (ENCODED_NAME_SHAPE). */
const QUERY_FIELD_RE = new RegExp(`([?&](?:amp;)?)(${SECRET_NAME_SHAPE}|${ENCODED_NAME_SHAPE})=([^&#\\s"'<>\\\\]+)`, 'gi');

/**
 * `access_token=…` as a word of its own (at the start, after a space, a bracket, `>`, `;` or `,`): a
 * plain-text or HTML error page, a log line, a form body. WeChat's names are lower case (an upper-case
 * NAME= is a shell variable: ENV_SECRET_RE), and a value shorter than any real secret is a word
 * (`the code=ok path`).
 */
const WORD_FIELD_RE = /(^|[\s(>;,])((?:[a-z][a-z0-9_]{0,60})?(?:secret|ticket|token|code|session_?key|password|passwd|pwd))=([A-Za-z0-9_.~%+/-]{6,})/g;

/**
 * `WXAUTH_SECRET=…` (and any `NAME_SECRET=`, `_TOKEN=`, `_TICKET=`, `_KEY=`) in a shell line inside a
 * text: the emulator's seed carries `export … WXAUTH_SECRET=…` lines for each app.
 */
const ENV_SECRET_RE = /\b([A-Z][A-Z0-9_]*(?:SECRET|TOKEN|TICKET|_KEY|PASSWORD|PASSWD))=([^\s"'&\\]+)/g;

/**
 * `<AppSecret>…</AppSecret>` (CDATA or not): WeChat's XML messages, an SDK's XML call. Each try stops
 * at the first `<` or `]` (no secret holds either), so a megabyte of markup is one pass, not quadratic.
 */
const XML_FIELD_RE = /<([A-Za-z_][\w.-]{0,60})>(?:<!\[CDATA\[([^\]<]{0,8192})\]\]>|([^<]{1,8192}))<\/\1>/g;

/**
 * A multipart/form-data part: its Content-Disposition line naming the field, at most a few header lines,
 * a blank line, then the value's line. Anchored on the header (an HTML page's name="csrf-token" is no
 * part) and bounded, so a large body is one pass.
 */
const MULTIPART_FIELD_RE = /(Content-Disposition:[ \t]*form-data;[^\r\n]{0,200}?\bname="([^"\r\n]{1,80})"[^\r\n]{0,200}\r?\n(?:[A-Za-z-]{1,40}:[^\r\n]{0,200}\r?\n){0,4}\r?\n)([^\r\n]+)/gi;

/**
 * Hide secrets by name in any text WeChat (or something in between) sent: JSON fields, JSON nested in
 * strings, query parameters quoted in an HTML error page, name=value words, XML elements and
 * multipart/form-data parts.
 */
export function redactText(text: string): string {
  let masked = text;
  if (masked.includes('</')) {
    masked = masked.replace(XML_FIELD_RE, (whole, name: string, cdata: string | undefined, plain: string | undefined) => {
      if (!isSecretName(name)) return whole;
      return cdata !== undefined ? `<${name}><![CDATA[${redactValue(cdata)}]]></${name}>` : `<${name}>${redactValue(plain ?? '')}</${name}>`;
    });
  }
  if (/form-data/i.test(masked)) {
    masked = masked.replace(MULTIPART_FIELD_RE, (whole, head: string, name: string, value: string) => (isSecretName(name) ? `${head}${redactValue(value)}` : whole));
  }
  return redactJsonText(masked)
    .replace(QUERY_FIELD_RE, (whole, sep: string, name: string, value: string) => (isSecretName(plainName(name)) ? `${sep}${name}=${redactValue(value)}` : whole))
    .replace(WORD_FIELD_RE, (whole, sep: string, name: string, value: string) => (isSecretName(name) ? `${sep}${name}=${redactValue(value)}` : whole))
    .replace(ENV_SECRET_RE, (_w, name: string, value: string) => `${name}=${redactValue(value)}`);
}

/** What a program sends when it lost the value (`access_token=undefined`): the bug to see, not a secret. */
const PLACEHOLDERS = new Set(['undefined', 'null', 'NaN', 'None', 'nil', '[object Object]', '[object%20Object]', '%5Bobject+Object%5D', '%5Bobject%20Object%5D']);

/** Keep a short prefix so two tokens can still be told apart in a trace; a lost value (PLACEHOLDERS) as it is. */
export function redactValue(value: string): string {
  if (PLACEHOLDERS.has(value)) return value;
  if (value.length <= 8) return '***';
  return `${value.slice(0, 4)}***`;
}

/**
 * Shorter values are not masked by value: a one-letter "secret" would mask every such letter. Real
 * ones are far longer (appsecret 32, code 32, tokens 100+ characters, API-FACTS §0.5).
 */
export const MIN_SECRET_LENGTH = 6;

/** The spellings a value takes in a URL query, in JSON and in JSON nested in a JSON string. */
function spellings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const nested = JSON.stringify(json).slice(1, -1);
  // A hex secret (the appsecret) means the same in either case: a server echoing it upper-cased still leaks it.
  const cases = /^[0-9A-Fa-f]+$/.test(value) ? [value.toLowerCase(), value.toUpperCase()] : [];
  return [...new Set([value, encodeURIComponent(value), json, nested, ...cases])];
}

/**
 * Mask every occurrence of each value, whatever surrounds it (redaction by name misses a secret
 * quoted in an errmsg, an HTML page or an escaped JSON string). Longest values first, so a value
 * that contains another is masked whole.
 */
export function maskSecretValues(text: string, values: Iterable<string>): string {
  const sorted = [...values].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  let masked = text;
  for (const value of sorted) {
    const replacement = redactValue(value);
    for (const spelling of spellings(value)) {
      if (masked.includes(spelling)) masked = masked.split(spelling).join(replacement);
    }
  }
  return masked;
}

/**
 * The base64 and base64url spellings of `value` inside any longer base64 text: a value starting 0, 1 or
 * 2 bytes into a 3-byte group is spelled differently, so each offset gives the characters that depend
 * on the value's bytes alone. What a report masks, besides the value itself, where base64 carries it
 * (a session cookie, a JWT): an excerpt must not hand back most of a secret in another encoding.
 */
export function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value);
  const forms = new Set<string>();
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const inner = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    forms.add(inner);
    forms.add(inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

/** Whether a character code is in the base64 or base64url alphabet (a JWT's `.` is in neither). */
function isBase64Char(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45;
}

/**
 * Runs longer than this are not decoded: a token-carrying cookie or JWT is a few hundred characters,
 * and a megabytes-long run is an inlined image.
 */
const MAX_BASE64_RUN = 64 * 1024;

/**
 * What a text says once its base64 and base64url runs are decoded: a session cookie or a JWT's payload
 * (`eyJ…`) that carries a token is still a leak. Only runs that decode to text (valid UTF-8, no control
 * bytes but tab and newlines) are kept, in the order found.
 */
export function base64Views(text: string): string[] {
  const views: string[] = [];
  // A scan by hand: a regular expression's greedy loop over a run of megabytes (an inlined image)
  // overflowed V8's backtracking stack.
  for (let i = 0; i < text.length; ) {
    if (!isBase64Char(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isBase64Char(text.charCodeAt(i))) i++;
    if (i - start < 16 || i - start > MAX_BASE64_RUN) continue;
    const run = text.slice(start, i);
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (!decoded.includes('\uFFFD') && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(decoded)) views.push(decoded);
  }
  return views;
}

/**
 * The secret values one run knows: the appsecret it resolved, the codes and tokens it sent or
 * received, the tokens its cache holds. Whatever shows text that came from outside (traces, errmsg,
 * error reports) masks them here unless the user asked for --show-secrets.
 */
export class KnownSecrets {
  private readonly values = new Set<string>();

  /** Remember values (non-strings and short strings are ignored). */
  add(...values: unknown[]): void {
    for (const value of values) if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) this.values.add(value);
  }

  /** Remember the values of the secret-named fields of an object (a request body, a token answer). */
  addFields(record: unknown): void {
    if (typeof record !== 'object' || record === null) return;
    for (const [name, value] of Object.entries(record)) if (isSecretName(name)) this.add(value);
  }

  get size(): number {
    return this.values.size;
  }

  /** Only the values this run knows. */
  mask(text: string): string {
    return maskSecretValues(text, this.values);
  }

  /** Secrets by name (JSON, nested JSON, query parameters), then every known value. */
  redact(text: string): string {
    return this.mask(redactText(text));
  }
}

/**
 * A parameter name as its server reads it: percent-decoded, and decoded again while escapes remain (a
 * name encoded twice, `access%255Ftoken`, inside a redirect_uri that is itself encoded), at most three
 * times. Secret names are matched on this, so an encoded name (`access%5Ftoken=…`, `app%73ecret=…`)
 * is masked as the plain one is.
 */
function plainName(name: string): string {
  let decoded = name;
  for (let i = 0; i < 3 && decoded.includes('%'); i++) {
    const next = decodeURIComponentSafe(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  return decoded;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** An AppSecret's shape: 32 hex digits (a code is 32 letters and digits: the token rule below). */
const HEX_SECRET = /[\da-f]{32}/i;
/** A run of a token's or a base64 key's characters, `/` included: base64 has it. */
const TOKEN_RUN = /[A-Za-z\d_+/=-]{16,}/g;
/**
 * A word of a name, as people write them: `oauth2`, `h5`, `server`, `Login`, `API`, `sha256sum`,
 * `myServer2`, `server2024`, `Oauth2Login`, `2024`: letters, digits at most once inside a lower-case word, before a
 * capitalised part or at its end,
 * 4 at most in a row (a year, a version); 24 characters at most. A token's run mixes them throughout
 * (`Qm2ZtW8vLp4aB7c`, `I362w6EIVWnpo4ttq7i5`), strings digits on (`abcdefgh12345678`, hex `deadbeef12345678`)
 * or runs longer (an access_token's 107 after `73_`).
 */
const NAME_WORD = /^(?:(?:[a-z]+(?:\d{1,4}[a-z]+)?|[A-Z][a-z]+|[A-Z]+)(?:\d{0,4}[A-Z][a-z]+)*\d{0,4}|\d+)$/;
/** Digits a word of a name mixes with its letters, at most (`utf8mb4`, `wechat2024h5`): `abcd1234efgh5678` is a token's. */
const NAME_DIGITS = 6;

/** Whether a word (no `-`, `_` or `/` in it) reads as part of a name. */
function nameWord(word: string): boolean {
  if (word === '') return true;
  if (word.length > 24 || !NAME_WORD.test(word)) return false;
  return /^\d+$/.test(word) || (word.match(/\d/g)?.length ?? 0) <= NAME_DIGITS;
}

/**
 * Whether a word from a command line looks like a secret rather than a name: an AppSecret (32 hex), or
 * a run of 16 or more letters, digits and `_-+/=` mixing letters and digits (a code, an access_token
 * `73_NSpW…`, a base64 key `kR9x/Qm2ZtW8vLp4aB7c`, a random `abcdefgh12345678`; API-FACTS §0.5) unless it
 * is words of names joined by `-`, `_` or `/` (`oauth2-callback-server`, `wechat-h5-login-demo`, `srv/oauth2-app`).
 */
export function looksSecret(word: string): boolean {
  if (HEX_SECRET.test(word)) return true;
  return (word.match(TOKEN_RUN) ?? []).some((run) => /\d/.test(run) && /[A-Za-z]/.test(run) && !run.split(/[-_/]/).every(nameWord));
}

/**
 * Parts of a parameter name that say its value signs someone in: `t`, `ticket`, `token`, `sid`,
 * `session`, `auth`, `key`, `jwt` (`?t=…`, `loginTicket`, `auth_token`, `api-key`). Matched on the
 * name's parts (split at `_`, `-`, `.` and a capital), so `author` or `keyword` is not one.
 */
const CREDENTIAL_NAME_PARTS = new Set([
  't', 'tk', 'tok', 'token', 'ticket', 'st', 'tgt', 'pt', 'sid', 'ssid', 'sess', 'session', 'sessionid', 'auth',
  'authtoken', 'authorization', 'key', 'apikey', 'jwt', 'bearer', 'credential', 'credentials', 'cred', 'sig', 'signature', 'otp',
]);
/** A name ending in one of these is a credential's too, written as one word (`loginticket`, `xtoken`, `phpsessid`). */
const CREDENTIAL_NAME_END = /(?:ticket|token|session|sessid|sessionid|jwt|apikey|authkey)$/;
/** A JWT (`eyJ…`), three base64url parts joined by dots. */
const JWT_VALUE = /^eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}$/;
/** A CAS ticket: `ST-12345-abcdefXYZ-cas01`, `TGT-…`, `PGT-…`, `PT-…`. */
const CAS_VALUE = /^(?:ST|TGT|PGT|PGTIOU|PT)-\d+-[A-Za-z0-9._-]{6,}$/;
/** A value of a token's characters only (base64, base64url, hex, digits), `%` escapes and `.` too. */
const TOKEN_CHARS = /^[A-Za-z0-9._~+/=%-]+$/;
/** Hex of 16 digits or more, in one case (`deadbeefcafebabe`: no word is spelled in a to f alone); digits only are a number. */
const HEX_VALUE = /^(?=.*[a-fA-F])(?:[0-9a-f]{16,}|[0-9A-F]{16,})$/;

function credentialName(name: string): boolean {
  const n = plainName(name);
  if (CREDENTIAL_NAME_END.test(n.toLowerCase())) return true;
  const parts = n.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_.\-[\]]+/);
  return parts.some((part) => CREDENTIAL_NAME_PARTS.has(part));
}

/**
 * Whether a query parameter's value, under its name, looks like a credential in an address (the app's
 * own ticket or session in `/me?t=…`), not an ordinary value (`page=2`, `lang=zh_CN`, `from=singlemessage`,
 * `next=/home`, `ref=oauth2-callback-server`). Its own rule, not looksSecret's (which tells a token-like
 * process name from a readable one, so it wants letters and digits mixed): by shape whatever the name, a
 * JWT, a CAS ticket, a hex or base64url run of 16 or more that is not words of a name; under a name that
 * says credential (`t`, `ticket`, `sid`…), also a number of 10 digits or more (`t=83749201938475`) and any
 * run of 8 or more that is not a plain word or words of a name (`QmFzZTY0VG9rZW5IZXJl`, `abcd1234efgh`, 16
 * letters or more alone too).
 */
export function looksCredentialParam(name: string, value: string): boolean {
  if (value === '' || value.startsWith('/')) return false;
  if (!TOKEN_CHARS.test(value)) return looksSecret(value);
  if (JWT_VALUE.test(value) || CAS_VALUE.test(value) || HEX_SECRET.test(value) || HEX_VALUE.test(value)) return true;
  const parts = value.split(/[-_/.~%+=]/);
  if (parts.some((part) => part.length >= 16 && !nameWord(part))) return true;
  if (!credentialName(name)) return looksSecret(value);
  if (/^\d{10,}$/.test(value)) return true;
  if (value.length < 8) return false;
  // One word of letters and digits mixed (`abcd1234efgh`) is a token under such a name, though a name's word may be shaped so.
  if (parts.length === 1 && /\d/.test(value) && /[A-Za-z]/.test(value)) return true;
  return /^[A-Za-z]{16,}$/.test(value) || !parts.every(nameWord);
}

/**
 * The query parameters of a URL whose values look like a credential (looksCredentialParam: a ticket, a
 * token, a session id, a JWT): for redactUrl's `also`, on an address that alone may sign a user in
 * (`/me?t=…`), where the credential's name (`t`, `ticket`, `auth`) is the app's own and isSecretName cannot
 * know it. A path or an address (`next=/me`), a word or a short number is not one.
 */
export function credentialParams(url: string): string[] {
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    return [];
  }
  return [...new Set([...query].filter(([k, v]) => looksCredentialParam(k, v)).map(([k]) => k))];
}

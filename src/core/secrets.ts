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

/** Headers whose values are credentials of the caller (never WeChat's, but they pass through all the same). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/**
 * A header whose value is a credential: the standard ones above, and any name that reads as a secret's
 * (`X-Access-Token`, `X-Wx-Secret`: the names isSecretName knows, dashes read as underscores) or ends
 * in `key` (`X-Api-Key`). Its value is masked whole, by name: the text patterns (redactText, the
 * emulator's maskSecrets) find `name=value` and JSON fields, never a header's bare value. The proxy's
 * lines and HAR and the emulator's request detail all decide by this one rule.
 */
export function isSecretHeader(name: string): boolean {
  const n = name.toLowerCase();
  return SECRET_HEADERS.has(n) || isSecretName(n.replace(/-/g, '_')) || /(?:^|[-_])(?:api[-_]?)?key$/.test(n);
}

/**
 * A name shaped like a secret's, for the text patterns: only those are matched, so a pattern never
 * swallows a plain field that holds a nested JSON text with a secret in it. isSecretName decides.
 */
const SECRET_NAME_SHAPE = '[A-Za-z0-9_$.-]{0,60}(?:secret|ticket|token|code|session_?key|password|passwd|pwd)';

/**
 * Whether a text holds the AppSecret's shape: 32 hex digits in a row (a run of more holds it too: the
 * AppSecret with a digit typed after it is still the AppSecret). What a message must not quote, wherever
 * the value came from; core/secret-shapes.ts looksSecret starts from it.
 */
export function holdsSecretShape(text: string): boolean {
  return /[0-9a-f]{32}/i.test(text);
}

/**
 * A text with each run of the AppSecret's shape (holdsSecretShape: 32 hex digits or more in a row) masked
 * as redactValue masks a value (`5e1e***`): for a text quoted back where nothing names the secret, such as
 * an AppSecret pasted alone into `wxauth errcode` or an errmsg that echoes it.
 */
export function maskSecretShapes(text: string): string {
  return text.replace(/[0-9a-f]{32,}/gi, (run) => redactValue(run));
}

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
  // A value that is not secret is read again for parameters nested in it: `?next=/n?next=…%3Fsecret%3D…`
  // (a portal's ?next= holding another) is one match whose value runs over the inner ones, which a single
  // pass never looks at. Each level is shorter than the last, so this ends.
  const plain = (text: string): string =>
    text.replace(URL_PARAM_RE, (whole, sep: string, name: string, value: string) => (value === '' ? whole : secret(name) ? `${sep}${name}=${redactValue(value)}` : `${sep}${name}=${plain(value)}`));
  const encoded = (text: string): string =>
    text.replace(ENCODED_PARAM_RE, (whole, sep: string, name: string, eq: string, value: string) => (value === '' ? whole : secret(name) ? `${sep}${name}${eq}${redactValue(value)}` : `${sep}${name}${eq}${encoded(value)}`));
  return encoded(plain(url));
}

/**
 * A URL without the query parameters named as secrets (`?code=…&x=1` → `?x=1`), with their names: for a
 * command offered to paste, which must not hold a masked value (a caller that finds redactUrl still
 * masking something in what is kept, a fragment's or an encoded one, offers no command). A redirect_uri
 * should not carry them anyway (core/redirect-cautions.ts savedRedirectCautions: the callback would carry two codes).
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

/** What redactValue makes of a value: `***`, or its first four characters then `***`. */
const MASKED_VALUE = /^[^*]{4}\*\*\*$/;

/**
 * Keep a short prefix so two tokens can still be told apart in a trace; a lost value (PLACEHOLDERS) as it is.
 * A value already masked (`0a1b***`, `***`) is kept as it is: an address masked once (a hop's) and masked
 * again where a message quotes it showed the same code as `0a1b***` in one place and `***` in the other.
 */
export function redactValue(value: string): string {
  if (PLACEHOLDERS.has(value) || value === '***' || MASKED_VALUE.test(value)) return value;
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
export function plainName(name: string): string {
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

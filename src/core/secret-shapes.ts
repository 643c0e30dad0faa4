// What a secret looks like where nothing names it, for the commands that look at other people's text:
// a token-like word (a process name in the proxy's caller line), the credential-looking values of an
// address that alone may sign someone in (probe's landing address), and the base64 spellings of a known
// secret (probe's secrets.leak). Kept apart from core/secrets.ts, which `url` and `inspect` load at start
// and which masks secrets by their names: those commands never need these (issue 19: less source at start).
import { holdsSecretShape, plainName } from './secrets.js';

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
  // An AppSecret's shape, 32 hex digits (a code is 32 letters and digits: the token rule below).
  if (holdsSecretShape(word)) return true;
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
  if (JWT_VALUE.test(value) || CAS_VALUE.test(value) || holdsSecretShape(value) || HEX_VALUE.test(value)) return true;
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
  return [...new Set([...query].filter(([k, v]) => !OAUTH_PARAMS.has(k) && looksCredentialParam(k, v)).map(([k]) => k))];
}

/**
 * WeChat's own authorization parameters, which wxauth shows everywhere and which sign no one in: an appid
 * (`wx` and 16 hex) or a state (often 32 hex digits) has a token's shape, never a credential's use.
 */
const OAUTH_PARAMS = new Set(['state', 'appid', 'component_appid', 'scope', 'response_type', 'redirect_uri']);

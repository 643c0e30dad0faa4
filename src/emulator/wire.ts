// WeChat's wire format, written out literally from ../shared/wechat/API-FACTS.md (copied here; the
// product never reads /work/shared). Nothing in this file comes from the wxauth client: if the client
// misparses a body, the emulator must not mirror the mistake (STYLE practice 13).
import { randomBytes } from 'node:crypto';
import type { EmulatorSwitches } from './types.js';

/**
 * errmsg texts as WeChat writes them (API-FACTS §4–§13 and the global error table). The rid suffix is
 * appended separately (§0.4).
 */
export const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  // JSSDK-FACTS §1.2 [OBS]: getticket answered -1000 when the cached access_token had gone bad (only as a fault here).
  [-1000]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40030: 'invalid refresh_token',
  40066: 'invalid url',
  // JSSDK-FACTS §1.2 ⚠: getticket with a bad type (jssdk.ts writes 'invalid args' itself; here for faults).
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41001: 'access_token missing',
  41002: 'appid missing',
  41003: 'refresh_token missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41009: 'missing openid',
  42001: 'access_token expired',
  // §5/§17: no live sample of 42002/42003; these are the global table's texts.
  42002: 'refresh_token expired',
  42003: 'code expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43003: 'require https',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  // §14 ⚠: the errCode page's text; the doc tables' is ERRMSG_45011_DOC_TABLE (switch minuteQuotaErrmsg).
  45011: 'api minute-quota reach limit, must slower, retry next minute',
  47001: 'data format error',
  48001: 'api unauthorized',
  48006: 'forbid to clear quota because of reaching the limit',
  76001: 'rid not found, please check',
  76002: 'rid is error',
  76003: 'could not query this rid,no permission',
  76021: 'cgi_path not found, please check',
  76022: 'could not use this cgi_path, no permission',
};

/** §9: since late 2023 the 40001 text on /cgi-bin/* advertises getStableAccessToken. */
export const ERRMSG_40001_CGI =
  'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r';

/**
 * 45009's legacy errmsg: the old API_Call_Limits page's `api freq out of limit` (JSSDK-FACTS §1.2 ⚠, copied
 * at cnblogs.com/mjbenkyo/p/12146972.html; API-FACTS §8 "Legacy text"), switch dailyQuotaErrmsg.
 */
export const ERRMSG_45009_LEGACY = 'api freq out of limit';
/** §14 ⚠: 45011 as copied from the doc tables by several repos, double spaces and all. */
export const ERRMSG_45011_DOC_TABLE = 'api minute-quota reach limit  mustslower  retry next minute';

export type Family = 'sns' | 'cgi';

/**
 * Random bytes drawn from a pool that is refilled 64 KiB at a time. The emulator needs a few dozen per
 * request (codes, tokens, rids; ~250 for a code exchange); one randomBytes() call per draw was the
 * largest single cost of its request path (issue 19). The bytes are the same CSPRNG's, only fetched in
 * bulk: here 4 KiB refills cost about 5.7 ns a byte, 64 KiB ones about 2. The returned view is valid
 * until the next draw.
 */
const POOL_BYTES = 64 * 1024;

class RandomPool {
  private pool = Buffer.alloc(0);
  private offset = 0;

  /** `fill` may rewrite each refill in place (as characterPool maps bytes to characters). */
  constructor(private readonly fill?: (bytes: Buffer) => void) {}

  /** Where the next `n` bytes start, refilling first when fewer are left. */
  private take(n: number): number {
    if (this.offset + n > this.pool.length) {
      this.pool = randomBytes(Math.max(POOL_BYTES, n));
      this.fill?.(this.pool);
      this.offset = 0;
    }
    this.offset += n;
    return this.offset - n;
  }

  bytes(n: number): Buffer {
    const start = this.take(n);
    return this.pool.subarray(start, start + n);
  }

  /**
   * `prefix` (Latin-1) followed by pooled bytes, `length` characters in all, as one Latin-1 string: the
   * prefix is written over the bytes it replaces, so the string is made in one piece. `'0' + text`
   * would be a V8 cons string, which every comparison, hash and write has to flatten first (issue 19:
   * ~0.5 µs a code exchange, when codes were Map keys). `tail`: character codes written over the last
   * bytes the same way.
   */
  latin1(length: number, prefix = '', tail?: Uint8Array): string {
    const start = this.take(length);
    if (prefix !== '') this.pool.write(prefix, start, 'latin1');
    if (tail !== undefined) this.pool.set(tail, start + length - tail.length);
    return this.pool.toString('latin1', start, start + length);
  }
}

const randomPool = new RandomPool();

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** §0.4: `xxxxxxxx-xxxxxxxx-xxxxxxxx`, first group = request time as hex Unix seconds. */
export function newRid(nowMs: number): string {
  const random = randomPool.bytes(8).toString('hex');
  return `${hex8(Math.floor(nowMs / 1000))}-${random.slice(0, 8)}-${random.slice(8)}`;
}

/** Pre-2021 ids such as `zp1Bma0037uth6` / `KJZfAa0644e575`. */
export function newHintId(): string {
  return alphanumericPool.latin1(14);
}

/**
 * The suffix WeChat appends to errmsg (§0.4): sns mostly `, rid: …`, cgi-bin mostly ` rid: …`.
 * 40164 ⚠ (§0.4, §8): `…, not in whitelist rid: …` in 2021 and in §8's sample — the text public parsers
 * match with /not in whitelist rid:/ — but `…, not in whitelist, rid: …` in a 2022 sample; the
 * `whitelistErrmsg` switch picks one. 40001 ⚠ (§0.4): `… or not latest rid: …` and `… or not latest, rid:
 * 64f52fbb-…` have both been seen; on /cgi-bin/* the `credentialErrmsg` switch picks one (`space`, the
 * default, is the cgi-bin rule and §9's 2023 sample; /sns 40001s have the comma already).
 * Pre-2021: `, hints: [ req_id: … ]` on sns, ` hint: […]` on cgi-bin.
 */
export function suffix(
  style: EmulatorSwitches['ridStyle'],
  family: Family,
  errcode: number,
  id: string,
  switches: Pick<EmulatorSwitches, 'whitelistErrmsg' | 'credentialErrmsg'> = { whitelistErrmsg: '2021', credentialErrmsg: 'space' },
): string {
  if (style === 'none') return '';
  if (style === 'hints') return family === 'sns' ? `, hints: [ req_id: ${id} ]` : ` hint: [${id}]`;
  const comma =
    family === 'sns' ||
    (errcode === 40164 && switches.whitelistErrmsg === '2022') ||
    (errcode === 40001 && switches.credentialErrmsg === 'comma');
  return `${comma ? ',' : ''} rid: ${id}`;
}

/**
 * §0.2 ⚠: text/plain on /sns/*, `application/json; encoding=utf-8` on /cgi-bin/* unless forced.
 * `outcome` follows a 2026 capture (issue 12 item 18) where /sns/* errors came as
 * `application/json; encoding=utf-8` while its successes stayed text/plain. `json-charset` is §0.2's
 * 2024-01-14 observation (community oCJUsw05g8yxhR7hGB4u4AtRYa4Q): the standard
 * `application/json; charset=utf-8`, sent chunked (Server.ok and Server.fail mark the reply, send() writes it).
 */
export function contentTypeFor(mode: EmulatorSwitches['contentType'], family: Family, outcome: 'ok' | 'error' = 'ok'): string {
  const json = 'application/json; encoding=utf-8';
  if (mode === 'json') return json;
  if (mode === 'json-charset') return 'application/json; charset=utf-8';
  if (mode === 'text') return 'text/plain';
  if (mode === 'outcome' && outcome === 'error') return json;
  return family === 'sns' ? 'text/plain' : json;
}

/** §0.3: raw /sns/userinfo bodies escape forward slashes (`https:\/\/thirdwx.qlogo.cn\/…`). */
export function escapeSlashes(json: string): string {
  return json.replace(/\//g, '\\/');
}

/**
 * §0.3 ⚠ (switch nonAsciiJson=escaped): non-ASCII as `\uXXXX` escapes, lower-case hex, each UTF-16 unit
 * on its own (an emoji as its surrogate pair), as PHP's json_encode writes them (`\u5e7f\u5dde`).
 */
export function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** §8: 40164's errmsg names the caller: `invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist`. */
export function whitelistErrmsg(ip: string): string {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(ip) ? `invalid ip ${ip} ipv6 ::ffff:${ip}, not in whitelist` : `invalid ip ${ip}, not in whitelist`;
}

/** `{"errcode":N,"errmsg":"…"}` in WeChat's key order. */
export function errorBody(errcode: number, errmsg: string): string {
  return JSON.stringify({ errcode, errmsg });
}

export const OK_BODY = '{"errcode":0,"errmsg":"ok"}';

/** The characters of a code: `0`, then [0-9A-Za-z]. */
export const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** The characters of an sns token after its `NN_` (base64url's). */
export const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const SNS_TOKEN_LENGTH = 110;
export const CODE_LENGTH = 32;

/**
 * A pool of random characters of `alphabet` (ASCII), each picked by one random byte (`byte %
 * alphabet.length`), mapped from random bytes 64 KiB at a time. A code or a token is then one slice of
 * its pool, in one piece with its prefix, rather than a draw, a loop over its characters and a buffer
 * of its own (for speed: every authorize redirect mints a code, every code exchange two tokens; issue 19).
 */
function characterPool(alphabet: string): RandomPool {
  const byByte = Uint8Array.from({ length: 256 }, (_, byte) => alphabet.charCodeAt(byte % alphabet.length));
  return new RandomPool((bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = byByte[bytes[i]!]!;
  });
}

const alphanumericPool = characterPool(CODE_ALPHABET);
/** A token's alphabet, base64url's: 64 characters, so `byte % 64` picks each one uniformly. */
const tokenPool = characterPool(TOKEN_ALPHABET);

/**
 * §0.5: sns tokens `NN_` + ~107 chars (110 total); the prefix is 83 in 2024. `tail`: its last
 * characters (character codes), when the caller chooses them (state.ts GrantStore writes a grant's slot there).
 */
export function newSnsToken(tail?: Uint8Array): string {
  return tokenPool.latin1(SNS_TOKEN_LENGTH, '86_', tail);
}

/** A basic access_token's length (the `86_` included), as WeChat's run. */
export const BASIC_TOKEN_LENGTH = 139;

/** §0.5: basic tokens `NN_` + ~133–154 chars. */
export function newBasicToken(): string {
  return tokenPool.latin1(BASIC_TOKEN_LENGTH, '86_');
}

/** §0.5: 32 chars [0-9A-Za-z], starting with `0`. `tail`: its last characters (character codes), when the caller chooses them (state.ts CodeStore). */
export function newCode(tail?: Uint8Array): string {
  return alphanumericPool.latin1(CODE_LENGTH, '0', tail);
}

/** QR session uuid as on open.weixin.qq.com/connect/qrcode/{uuid} (16 chars). */
export function newUuid(): string {
  return alphanumericPool.latin1(16);
}

/** §13: a few of the documented IPs behind api.weixin.qq.com. */
export const API_DOMAIN_IPS = [
  '101.89.47.18',
  '101.91.34.103',
  '101.91.37.13',
  '109.244.129.223',
];

/** The documented bodies of 5xx faults: nginx's error pages. */
export function nginxErrorPage(status: 500 | 502): string {
  const text = status === 500 ? '500 Internal Server Error' : '502 Bad Gateway';
  return `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

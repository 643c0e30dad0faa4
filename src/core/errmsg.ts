// errmsg suffixes, apart from responses.ts (which uses them) so that errors.ts, loaded by every run
// including --version, does not bring the rest of it along; errcodes.ts re-exports them. Pure.
// ---------------------------------------------------------------------------------------------
// WeChat appends a request id to errmsg; the shape changed over the years
// (API-FACTS §0.4):
//   2021 → now   "invalid code, rid: 649e76e7-618a82cc-31b5e199"   (sns: comma + space)
//                "invalid appsecret rid: 67b81456-7702e5f9-2c9e1783" (cgi-bin: space only)
//   ≤ 2021 sns   "code been used, hints: [ req_id: zp1Bma0037uth6 ]"
//   ≤ 2020 cgi   "access_token expired hint: [axr1DA07251187!]"
//   WeCom        "invalid credential, hint: [1564735853_5_d1d5…], from ip: 1.2.3.4, more info at …"
// ---------------------------------------------------------------------------------------------

const RID_RE = /(?:^|[\s,;])rid\s*[:：]\s*([A-Za-z0-9][A-Za-z0-9_.-]*)/g;
const HINT_RE = /hints?\s*[:：]\s*\[\s*(?:req_id\s*[:：]\s*)?([^\]\s]+)\s*\]/g;

function lastMatch(re: RegExp, text: string): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(re)) found = m[1];
  return found;
}

/**
 * The request id WeChat put in an errmsg, in any of its eras: `, rid: …`, ` rid: …`,
 * `hints: [ req_id: … ]`, `hint: [xxx]`. The last one wins (`rid not found, please check rid: x`).
 * A trailing `!` (seen on 2019-era cgi-bin hints) and trailing punctuation are dropped.
 */
export function extractRid(errmsg: string): string | undefined {
  const rid = lastMatch(RID_RE, errmsg) ?? lastMatch(HINT_RE, errmsg);
  if (rid === undefined) return undefined;
  const cleaned = rid.replace(/[!.,;]+$/, '');
  return cleaned === '' ? undefined : cleaned;
}

/**
 * errmsg without its request-id suffix (`invalid code, rid: …` → `invalid code`). Text WeChat adds
 * that carries meaning (`could get access_token by getStableAccessToken, …`) is kept.
 */
export function stripErrmsgSuffix(errmsg: string): string {
  return errmsg
    .replace(/[\s,;]*\brid\s*[:：]\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*$/, '')
    .replace(/[\s,;]*\bhints?\s*[:：]\s*\[[^\]]*\]\s*(?=$|,)/, '')
    .trim();
}

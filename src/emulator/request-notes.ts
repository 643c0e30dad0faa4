// What the emulator's request log says about a request beyond its answer: a state WeChat may not pass
// back as sent on /connect/oauth2/authorize (API-FACTS §1.3), a forced stable_token refresh (§9), a basic
// access_token given to a /sns/ user endpoint (§7). Worked out when the log is read (LoggedRequest.toJSON), never on the
// request's own path, so it costs a request under load nothing.
import type { Bilingual } from '../core/errcodes.js';
import { STATE_MAX_BYTES, validateState } from '../core/state.js';

// The official account's authorize only: the a-zA-Z0-9 rule, the 128-byte limit and the alteration were
// seen there; a website app's qrconnect passes its state back verbatim (§2.1).
const AUTHORIZE = '/connect/oauth2/authorize';

const FORCED: Bilingual = {
  zh: 'force_refresh=true：强制刷新让这个 appid 其他服务器手里的 stable token 立即失效（每天最多 20 次）；拿 token 时不要带它。',
  en: 'force_refresh=true: a forced refresh invalidates at once the stable token every other server of this appid holds (20 a day at most); fetch without it.',
};

/** The log's note for a request to `path` with the (decoded) `query`, or undefined when there is nothing to say. */
export function requestNote(path: string, query: Record<string, string>, forceRefresh = false): Bilingual | undefined {
  // §9: a forced refresh invalidates the stable token every other server of the appid holds.
  if (forceRefresh) return FORCED;
  if (path !== AUTHORIZE) return undefined;
  // The same rules as `wxauth inspect` reads a state by (core/state.ts); an empty state is WeChat's to allow.
  const { issues, bytes } = validateState(query.state ?? '');
  const charset = issues.find((i) => i.kind === 'charset');
  const notes: Bilingual[] = [];
  if (charset) {
    // §1.3 [OBS]: a JSON state came back altered ({a:+1,b:+2}) after WeChat's internal redirect; the doc allows a-zA-Z0-9.
    // showChar never writes a space (it writes ␠), so the list splits back into its characters.
    const odd = charset.chars.split(' ');
    const chars = odd.slice(0, 8).join(' ') + (odd.length > 8 ? ' …' : '');
    notes.push({
      zh: `state 含字母和数字以外的字符（${chars}）：文档只允许 a-zA-Z0-9，真实微信可能改动后再传回（有人的 JSON state 回来时变成了 {a:+1,b:+2}），回调里的 state 校验就会失败。模拟器原样传回。`,
      en: `state has characters other than letters and digits (${chars}): the doc allows a-zA-Z0-9 only, and real WeChat may pass it back altered (one developer's JSON state came back as {a:+1,b:+2}), failing your callback's state check. The emulator passes it back unchanged.`,
    });
  }
  // §1.3: the 128-byte limit is 公众号 authorize's; "开放平台网站应用无此问题".
  if (bytes > STATE_MAX_BYTES) {
    notes.push({
      zh: `state 有 ${bytes} 字节：公众号授权最多 128 字节，PC 微信会显示“state参数过长”（手机上有人报告能通过）`,
      en: `state is ${bytes} bytes: official-account authorization allows 128, and PC WeChat shows “state参数过长” (phones were reported to let it through)`,
    });
  }
  if (notes.length === 0) return undefined;
  return { zh: notes.map((n) => n.zh).join(' '), en: notes.map((n) => n.en).join(' ') };
}

/** A /sns/ user endpoint (userinfo, auth) refused a basic access_token with `errcode` (API-FACTS §7). */
export function basicTokenNote(errcode: number | undefined): Bilingual {
  const code = String(errcode ?? '?');
  return {
    zh: `这里传的 access_token 是基础 access_token（/cgi-bin/token 或 stable_token 拿到的），不是 /sns/oauth2/access_token 为这个用户换来的网页授权 access_token：/sns/ 的用户接口只认后者，所以这次被拒（${code}）。`,
    en: `The access_token given here is a basic access_token (from /cgi-bin/token or stable_token), not the web-authorization access_token /sns/oauth2/access_token returned for this user: the /sns/ user endpoints take only the latter, so this call was refused (${code}).`,
  };
}

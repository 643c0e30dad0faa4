// Hand-written knowledge for the errcodes of WeChat web authorization: where each occurs, its
// likely causes ranked most likely first, and fixes, in Chinese and English. Written from WeChat's
// documented and observed behaviour (lifetimes, quirks, community reports) as collected in the
// project's research notes (API-FACTS.md, PEERS.md); see ./data/SOURCES.md. The official meaning
// itself comes from ./data/errcodes.json; `meaning` here only fills a language the data lacks.
import type { Bilingual, Stage } from './errcodes.js';

/**
 * A cause or fix. `on`: endpoint path prefixes it applies to (absent: any endpoint). `{endpoint}` in its
 * words, for an item on several endpoints, is the one called when it is among `on`, else all of `on`
 * ("/sns/userinfo or /sns/auth"); `{ip}`, `{p}` and `{path}` are filled as errcodes.ts fill() says.
 */
export interface KnowledgeItem extends Bilingual {
  on?: string[];
  /** Endpoints under `on` it does not fit (the token war is no cause of /cgi-bin/token's own 40001). */
  notOn?: string[];
  /**
   * Who it happens to: a person handling a code by hand (copying, pasting into wxauth) or a server
   * running the login. A line of a program's log puts `server` items first and `hand` items last
   * (ExplainOptions.logged); unmarked items fit both.
   */
  by?: 'hand' | 'server';
}

export interface KnowledgeEntry {
  code: number;
  /** Stages the code occurs in; the first is the default when no endpoint is known. */
  stages: Stage[];
  endpoints: string[];
  /** Our wording for a language the data has no text for (marked `derived` in explanations). */
  meaning?: Partial<Bilingual>;
  causes: KnowledgeItem[];
  fixes: KnowledgeItem[];
  doc?: string;
  /** A page for some endpoints instead of `doc` (the first whose `on` matches). */
  docOn?: Array<{ on: string[]; doc: string }>;
  /** Extra words users search for (either language). */
  keywords?: string[];
}

/** An error page WeChat shows inside the client or browser without a numeric code. */
export interface PageEntry {
  id: string;
  /** The page text as WeChat shows it (matched ignoring spaces, case and punctuation). */
  texts: string[];
  /**
   * Only the whole input, not a text containing it: a bare `config:fail` is missing parameters, while
   * `config:fail,Error: invalid signature` is the signature's failure (JSSDK-FACTS §3).
   */
  exact?: boolean;
  /**
   * A message family matched on the whole input instead of fixed texts (the JS-SDK's `<api>:ok`): a
   * regular expression's source, case-insensitive (this module is bundled as JSON). The input itself
   * is then the text shown.
   */
  pattern?: string;
  /** The numbered code WeChat shows for the same condition elsewhere (e.g. on mobile); none for some JS-SDK messages. */
  code?: number;
  related: number[];
  /** The flow stage the text belongs to (default: the authorize page). */
  stage?: Stage;
  meaning: Bilingual;
  endpoints: string[];
  causes: KnowledgeItem[];
  fixes: KnowledgeItem[];
  doc: string;
}

export const DOC = {
  authorize: 'https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html',
  troubleshooting: 'https://developers.weixin.qq.com/doc/oplatform/developers/troubleshooting/auth.html',
  qrconnect: 'https://developers.weixin.qq.com/doc/oplatform/Website_App/WeChat_Login/Wechat_Login.html',
  snsToken: 'https://developers.weixin.qq.com/doc/service/api/webdev/access/api_snsaccesstoken.html',
  snsRefresh: 'https://developers.weixin.qq.com/doc/service/api/webdev/access/api_snsrefreshtoken.html',
  snsAuth: 'https://developers.weixin.qq.com/doc/service/api/webdev/access/api_snsauth.html',
  snsUserinfo: 'https://developers.weixin.qq.com/doc/service/api/webdev/access/api_snsuserinfo.html',
  token: 'https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html',
  stableToken: 'https://developers.weixin.qq.com/doc/service/api/base/api_getstableaccesstoken.html',
  quotaGet: 'https://developers.weixin.qq.com/doc/offiaccount/openApi/get_api_quota.html',
  clearQuota: 'https://developers.weixin.qq.com/doc/service/openApi/clear_quota.html',
  rid: 'https://developers.weixin.qq.com/doc/service/openApi/get_rid_info.html',
  errcode: 'https://developers.weixin.qq.com/doc/oplatform/developers/errCode/errCode.html',
  userInfo: 'https://developers.weixin.qq.com/doc/offiaccount/User_Management/Get_users_basic_information_UnionID.html',
  code2session: 'https://developers.weixin.qq.com/miniprogram/dev/server/API/user-login/api_code2session.html',
  snapshot: 'https://developers.weixin.qq.com/community/develop/doc/000c2c34068880629ced91a2f56001',
  wecom: 'https://developer.work.weixin.qq.com/document/path/90313',
} as const;

// Endpoint groups, used as `on` prefixes.
const SNS = '/sns/';
const CGI = '/cgi-bin/';
const AUTHORIZE = '/connect/oauth2/authorize';
const QRCONNECT = '/connect/qrconnect';
const SNS_TOKEN = '/sns/oauth2/access_token';
const SNS_REFRESH = '/sns/oauth2/refresh_token';
const SNS_USER = ['/sns/userinfo', '/sns/auth'];
const USER_INFO = '/cgi-bin/user/info';
const BASIC = ['/cgi-bin/token', '/cgi-bin/stable_token'];
const STABLE = '/cgi-bin/stable_token';
const CODE2SESSION = '/sns/jscode2session';
/** The JS-SDK ticket (JSSDK-FACTS §1), fetched with the basic token. */
const GETTICKET = '/cgi-bin/ticket/getticket';
/** wx.config on a 公众号 page (JSSDK-FACTS §2.2, §3): not an HTTP endpoint, the JS-SDK's own check. */
const JSSDK_CONFIG = 'wx.config (JS-SDK)';
const JSSDK_DOC = 'https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html';

function c(zh: string, en: string, on?: string[], notOn?: string[]): KnowledgeItem {
  return { zh, en, ...(on ? { on } : {}), ...(notOn ? { notOn } : {}) };
}
/** An item that happens to a person handling a code by hand, or to a server (KnowledgeItem.by). */
const by = (who: 'hand' | 'server', item: KnowledgeItem): KnowledgeItem => ({ ...item, by: who });

// Where the IP whitelist lives; {ip} is filled in from a pasted 40164 body.
const WHITELIST_OA = c(
  '把 {ip} 加入公众号的 IP 白名单：mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单（修改需管理员扫码确认）。',
  'Add {ip} to the Official Account\'s IP whitelist: mp.weixin.qq.com → 设置与开发 (Settings & Development) → 基本配置 (Basic configuration) → IP白名单 (IP whitelist); the admin confirms by scanning a QR code.',
);
const WHITELIST_OPEN = c(
  '网站应用（开放平台）：在 open.weixin.qq.com → 管理中心 → 网站应用 → 该应用的开发配置里维护 IP 白名单；小程序：mp.weixin.qq.com → 开发管理 → 开发设置 → IP白名单。',
  'Website app (Open Platform): maintain the whitelist in open.weixin.qq.com → 管理中心 (Management) → 网站应用 (Website apps) → the app\'s development settings; mini program: mp.weixin.qq.com → 开发管理 → 开发设置 → IP白名单.',
);
const REAUTHORIZE = c(
  '让用户重新走一遍授权（打开 authorize 链接拿新的 code），再换取新的 access_token 和 refresh_token。',
  'Send the user through authorization again (open the authorize URL for a new code) and exchange it for a new access_token and refresh_token.',
);
const NEW_CODE = c(
  '重新打开授权链接拿一个新的 code，并在 5 分钟内（网站应用 10 分钟内）只换取一次。',
  'Open the authorize URL again for a fresh code and exchange it once, within 5 minutes (10 for website apps).',
);
const EXCHANGE_ONCE = c(
  '每个 code 只换一次：按 code 缓存换取结果几分钟，重复请求直接用缓存结果。',
  'Exchange each code once: cache the result per code for a few minutes and answer repeats from the cache.',
);
const STABLE_TOKEN_FIX = c(
  '改用 POST /cgi-bin/stable_token（不带 force_refresh）：有效期内多次调用返回同一个 token，不会把别人的 token 顶掉，且与 /cgi-bin/token 的 token 互不影响。',
  'Switch to POST /cgi-bin/stable_token without force_refresh: while valid it returns the same token to every caller, so servers stop invalidating each other, and it is isolated from /cgi-bin/token tokens.',
);
const ONE_TOKEN_OWNER = c(
  '只让一个服务（中控）获取基础 access_token 并缓存到过期前，其他进程都向它取，不要各自调用 /cgi-bin/token。',
  'Let one service fetch the basic access_token and cache it until it expires; every other process asks that service instead of calling /cgi-bin/token itself.',
);

export const KNOWLEDGE: KnowledgeEntry[] = [
  {
    code: -1,
    stages: ['any'],
    endpoints: ['/sns/oauth2/access_token', '/sns/oauth2/refresh_token', '/sns/userinfo', '/cgi-bin/token', '/cgi-bin/stable_token'],
    causes: [
      c('微信服务器临时繁忙或内部错误，与你的参数无关。', 'WeChat\'s servers were briefly busy or failed internally; your parameters are not the problem.'),
      c('到 api.weixin.qq.com 的线路不稳定（跨运营商、海外机房）。', 'The network path to api.weixin.qq.com is unstable (cross-carrier or overseas hosting).'),
    ],
    fixes: [
      c('稍等几秒后重试，最多重试 3 次，间隔逐次加长。', 'Retry after a few seconds, at most 3 times, with growing intervals.'),
      c('持续出现时改用容灾域名 api2.weixin.qq.com（或就近的 sh/sz/hk.api.weixin.qq.com），例如 --api-base https://api2.weixin.qq.com。', 'If it persists, use the disaster-recovery host api2.weixin.qq.com (or the nearest sh/sz/hk.api.weixin.qq.com), e.g. --api-base https://api2.weixin.qq.com.'),
    ],
    doc: DOC.errcode,
    keywords: ['system error', 'busy', '系统繁忙', '重试', 'retry'],
  },
  {
    code: 0,
    stages: ['any'],
    endpoints: ['/sns/auth', '/cgi-bin/clear_quota', '/cgi-bin/openapi/quota/get', '/cgi-bin/openapi/rid/get'],
    causes: [
      c('不是错误：调用成功。/sns/auth、clear_quota、quota/get、rid/get 成功时会带 errcode 0。', 'Not an error: the call succeeded. /sns/auth, clear_quota, quota/get and rid/get return errcode 0 on success.'),
    ],
    fixes: [c('无需处理。', 'Nothing to fix.')],
    doc: DOC.errcode,
    keywords: ['ok', 'success', '成功'],
  },
  {
    code: 10003,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'redirect_uri domain does not match the configured one' },
    causes: [
      c(
        'redirect_uri 的主机名与后台配置的「网页授权域名」不完全一致：必须逐字相同，子域名、上级域名都不算（配置 www.example.com 时 example.com、m.example.com 都不行）。',
        'The redirect_uri host does not exactly equal the configured web-authorization domain (网页授权域名): it must match character for character, and neither subdomains nor the parent domain count (with www.example.com configured, example.com and m.example.com both fail).',
      ),
      c(
        'redirect_uri 带了端口（如 :8080）。正式号的 redirect_uri 不能写端口，只能用默认的 80/443（写出来的 :443、:80 算不算，文档没说，最好不写）；只有测试号允许端口，而且配置值里也要写上同一个端口。',
        'The redirect_uri has a port (e.g. :8080). A production account’s redirect_uri takes no port: only the default 80/443, left unwritten (whether a written-out :443 or :80 counts is not documented; leave it out); only test accounts allow a port, and then the configured value must include the same port.',
      ),
      c(
        '后台配置的值写成了 URL：带了 http:// 或 https://、路径或结尾的 /。配置项只填域名，例如 www.example.com。',
        'The configured value is a URL rather than a domain: it has http:// or https://, a path, or a trailing slash. Enter the bare domain only, e.g. www.example.com.',
      ),
      c(
        'redirect_uri 没有做 URL 编码或被编码了两次，微信解析出来的主机名不对。',
        'The redirect_uri was not URL-encoded, or was encoded twice, so WeChat read a different host.',
      ),
      c(
        '用错了号：authorize 里的 appid 属于另一个公众号（或测试号），而那边没有配置这个域名；或该号不是已认证的服务号，根本没有网页授权权限。',
        'Wrong account: the appid in the URL belongs to another Official Account (or a test account) that does not have this domain configured, or the account is not a verified service account and has no web-authorization permission at all.',
      ),
    ],
    fixes: [
      c(
        '到 mp.weixin.qq.com → 设置与开发 → 公众号设置 → 功能设置 → 网页授权域名，填入与 redirect_uri 主机名完全相同的域名（不带协议、端口、路径），并按提示把 MP_verify_xxx.txt 放到该域名根目录。',
        'In mp.weixin.qq.com → 设置与开发 → 公众号设置 → 功能设置 → 网页授权域名, enter exactly the redirect_uri host (no scheme, port or path) and upload the MP_verify_xxx.txt file to that domain\'s root as prompted.',
      ),
      c(
        '测试号：在测试号管理页 → 体验接口权限表 → 网页授权获取用户基本信息 → 修改，可以填 IP 或带端口的 host（如 192.168.1.10:8080）。',
        'Test account: on the sandbox page → 体验接口权限表 → 网页授权获取用户基本信息 → 修改 you may enter an IP or a host with a port (e.g. 192.168.1.10:8080).',
      ),
      c(
        '用 `wxauth inspect` 检查授权链接：它会比对 redirect_uri 的主机与配置的域名，并检查编码和端口。',
        'Check the authorize URL with `wxauth inspect`: it compares the redirect_uri host with the configured domain and checks encoding and port.',
      ),
    ],
    doc: DOC.troubleshooting,
    keywords: ['redirect_uri', 'domain', '域名', '回调域名', '网页授权域名', 'callback domain', 'port', '端口'],
  },
  {
    code: 10004,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'this Official Account has been banned' },
    causes: [
      c('authorize 链接里 appid 对应的公众号被封禁了。', 'The Official Account behind the appid in the authorize URL has been banned.'),
      c('appid 填成了别的（被封禁的）号。', 'The URL carries the appid of a different, banned account.'),
    ],
    fixes: [
      c('登录 mp.weixin.qq.com 查看违规通知并按流程申诉；代码层面无法绕过。', 'Log in to mp.weixin.qq.com, read the violation notice and appeal; nothing in code can get around it.'),
      c('确认链接里的 appid 是你要用的那个号。', 'Make sure the appid in the URL is the account you mean.'),
    ],
    doc: DOC.authorize,
    keywords: ['banned', '封禁'],
  },
  {
    code: 10005,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'this Official Account has no permission for the requested scope' },
    causes: [
      c(
        '在 /connect/oauth2/authorize 上用了 scope=snsapi_login；snsapi_login 只用于网站应用的 /connect/qrconnect。',
        'scope=snsapi_login on /connect/oauth2/authorize; snsapi_login belongs to website apps on /connect/qrconnect only.',
      ),
      c(
        '这个号没有网页授权权限：只有已认证的服务号才有，订阅号和未认证的服务号没有。',
        'The account has no web-authorization permission: only verified service accounts have it; subscription accounts and unverified service accounts do not.',
      ),
      c('用了小程序的 appid；小程序不能走公众号网页授权。', 'A mini-program appid was used; mini programs cannot use Official Account web authorization.'),
      c('scope 拼错了，或者同时写了多个值；这里只能是 snsapi_base 或 snsapi_userinfo。', 'The scope is misspelled or lists several values; here it must be exactly snsapi_base or snsapi_userinfo.'),
      c('该号的 snsapi_userinfo 权限因违规被收回。', 'The account\'s snsapi_userinfo permission was withdrawn after a violation.'),
    ],
    fixes: [
      c('公众号内用 scope=snsapi_base 或 snsapi_userinfo；PC 网站扫码登录改用网站应用的 appid 和 /connect/qrconnect。', 'Inside WeChat use scope=snsapi_base or snsapi_userinfo; for PC website QR login use the website app\'s appid on /connect/qrconnect.'),
      c('在 mp.weixin.qq.com → 设置与开发 → 接口权限 确认「网页授权获取用户基本信息」已获得；开发调试可以用测试号。', 'In mp.weixin.qq.com → 设置与开发 → 接口权限 check that 网页授权获取用户基本信息 is granted; a test account works for development.'),
      c('用 `wxauth inspect` 检查 scope 与 appid 类型、端点是否匹配。', 'Run `wxauth inspect` to check that scope, appid type and endpoint fit together.'),
    ],
    doc: DOC.troubleshooting,
    keywords: ['scope', 'snsapi_login', 'snsapi_userinfo', 'snsapi_base', '权限', 'permission'],
  },
  {
    code: 10006,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'the user must follow this test account' },
    causes: [
      c('测试号只允许已关注它的微信用户授权，当前用户还没关注。', 'A test account only lets users who follow it authorize, and this user does not follow it yet.'),
    ],
    fixes: [
      c('在测试号管理页（mp.weixin.qq.com/debug/cgi-bin/sandbox）用手机微信扫描「测试号二维码」关注后再打开授权链接。', 'Scan the test account\'s QR code on its sandbox page (mp.weixin.qq.com/debug/cgi-bin/sandbox) with phone WeChat to follow it, then open the authorize URL again.'),
    ],
    doc: DOC.authorize,
    keywords: ['test account', 'sandbox', '测试号', '关注', 'follow'],
  },
  {
    code: 10009,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'too many requests, try again later' },
    causes: [
      c(
        '同一用户短时间内反复打开授权链接。常见原因是跳转死循环：回调页换 code 失败后又跳回 authorize。',
        'The same user opened the authorize URL too often in a short time. A common cause is a redirect loop: the callback page fails to exchange the code and sends the user back to authorize.',
      ),
      c('自动化测试或刷新脚本在反复请求授权页。', 'A test script or auto-refresh keeps requesting the authorize page.'),
    ],
    fixes: [
      c('等几分钟再试。', 'Wait a few minutes and try again.'),
      c('回调页换 code 失败时显示错误，不要自动跳回授权页；已登录的用户不要每次都重新授权。', 'When the callback fails to exchange a code, show the error instead of redirecting back to authorize, and do not re-authorize users who already have a session.'),
    ],
    doc: DOC.authorize,
    keywords: ['too frequent', 'rate limit', '频繁', '死循环', 'loop'],
  },
  {
    code: 10010,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'scope must not be empty' },
    causes: [
      c('授权链接里没有 scope 参数或值为空（拼接模板时变量为空）。', 'The authorize URL has no scope parameter, or an empty one (an empty template variable).'),
      c('redirect_uri 没有编码，它自己的 & 把后面的 scope 截断了。', 'An unencoded redirect_uri whose own & characters cut off the scope parameter after it.'),
    ],
    fixes: [
      c('按顺序拼出 appid、redirect_uri（encodeURIComponent 编码）、response_type=code、scope、state，再加 #wechat_redirect；`wxauth url` 会按这个顺序生成。', 'Build appid, redirect_uri (encodeURIComponent), response_type=code, scope, state in that order, then #wechat_redirect; `wxauth url` builds it this way.'),
    ],
    doc: DOC.authorize,
    keywords: ['scope', 'missing', '为空'],
  },
  {
    code: 10011,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'redirect_uri must not be empty' },
    causes: [
      c('授权链接里没有 redirect_uri 或值为空。', 'The authorize URL has no redirect_uri, or an empty one.'),
      c('redirect_uri 编码出错（例如只编码了一部分），微信读不出来。', 'The redirect_uri was encoded badly (e.g. only partly), so WeChat cannot read it.'),
    ],
    fixes: [
      c('redirect_uri 写完整的 URL（带 https://），整体用 encodeURIComponent 编码一次。', 'Give the full redirect URL (with https://), encoded once as a whole with encodeURIComponent.'),
      c('用 `wxauth inspect <url>` 查看微信会读到的参数。', 'Use `wxauth inspect <url>` to see the parameters WeChat will read.'),
    ],
    doc: DOC.authorize,
    keywords: ['redirect_uri', 'missing', '为空'],
  },
  {
    code: 10012,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'appid must not be empty' },
    causes: [c('授权链接里没有 appid 或值为空（配置没读到）。', 'The authorize URL has no appid, or an empty one (the config value was not loaded).')],
    fixes: [c('确认配置里有 appid（wx 开头的 18 位字符串），并放在链接的第一个参数。', 'Make sure the config has the appid (18 characters starting with wx) and that it is the URL\'s first parameter.')],
    doc: DOC.authorize,
    keywords: ['appid', 'missing', '为空'],
  },
  {
    code: 10013,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'state must not be empty' },
    causes: [
      c('授权链接里 state 为空或缺失。', 'The state parameter is missing or empty.'),
      c('state 含特殊字符或超过 128 字节，被当成无效值。', 'The state has special characters or is longer than 128 bytes and was treated as invalid.'),
    ],
    fixes: [
      c('总是带上 state：只用 a-zA-Z0-9，不超过 128 字节，回调时核对它以防 CSRF。', 'Always send a state of a-zA-Z0-9 only, at most 128 bytes, and check it on the callback against CSRF.'),
    ],
    doc: DOC.authorize,
    keywords: ['state', 'missing', '为空', 'csrf'],
  },
  {
    code: 10015,
    stages: ['authorize', 'third-party'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'the Official Account has not authorized the third-party platform; check the authorization' },
    causes: [
      c('链接带了 component_appid（第三方平台代公众号发起授权），但该公众号没有授权给这个第三方平台，或已取消授权。', 'The URL carries component_appid (a third-party platform acting for the account), but the account has not authorized that platform, or has revoked it.'),
      c('公众号授权给平台时没有勾选网页授权相关的权限集。', 'The account authorized the platform without the web-authorization permission set.'),
      c('component_appid 写成了别的平台。', 'component_appid names a different platform.'),
    ],
    fixes: [
      c('让公众号管理员通过第三方平台的授权页重新授权，并勾选网页授权权限。', 'Have the account admin authorize the platform again through its authorization page, with the web-authorization permission selected.'),
      c('不经第三方平台时去掉 component_appid，直接用公众号自己的 appid。', 'If you are not going through a platform, drop component_appid and use the account\'s own appid.'),
    ],
    doc: DOC.errcode,
    keywords: ['third-party', 'component', '第三方平台', 'component_appid'],
  },
  {
    code: 10016,
    stages: ['authorize'],
    endpoints: [AUTHORIZE],
    meaning: { en: 'Open Platform AppIDs are not supported here; use the Official Account\'s AppID' },
    causes: [
      c('在公众号授权端点 /connect/oauth2/authorize 上用了开放平台（网站应用或移动应用）的 appid。', 'An Open Platform (website or mobile app) appid was used on the Official Account endpoint /connect/oauth2/authorize.'),
    ],
    fixes: [
      c('微信内网页授权用公众号（服务号）的 appid；PC 网站扫码登录用网站应用 appid 走 /connect/qrconnect。两者要覆盖就需要两个号，靠 unionid 关联用户。', 'Inside WeChat use the service account\'s appid; for PC QR login use the website app\'s appid on /connect/qrconnect. Covering both needs two accounts, linked per user by unionid.'),
    ],
    doc: DOC.troubleshooting,
    keywords: ['open platform', '开放平台', 'website app', '网站应用', 'appid'],
  },
  {
    code: 40001,
    stages: ['userinfo', 'basic-token', 'token'],
    endpoints: ['/sns/userinfo', '/sns/auth', '/cgi-bin/token', '/cgi-bin/*', SNS_TOKEN, SNS_REFRESH],
    causes: [
      c(
        '传给 {endpoint} 的不是网页授权 access_token：把基础 access_token（/cgi-bin/token 拿到的）当成用户 token 用了。两者互不通用。',
        'The token passed to {endpoint} is not a web-authorization token: a basic access_token (from /cgi-bin/token) was used as the user token. The two are not interchangeable.',
        SNS_USER,
      ),
      c(
        '网页授权 access_token 已过期（2 小时）或已被同一用户的新 token 取代，还在用缓存里的旧值。',
        'The web-authorization access_token has expired (2 hours) or was superseded by a newer one for the same user, and a cached old value is still in use.',
        SNS_USER,
      ),
      c('token 属于另一个 appid 或另一套环境（测试号/正式账号混用）。', 'The token belongs to another appid or environment (test and production accounts mixed up).', SNS_USER),
      c(
        '基础 access_token 被顶掉了：另一台服务器、另一个进程或另一个产品又调用了 /cgi-bin/token，旧 token 最多再活 5 分钟。errmsg 里 "not latest" 和 getStableAccessToken 的提示就是指这个。',
        'The basic access_token was invalidated: another server, process or product called /cgi-bin/token again, and the old token lives at most 5 more minutes. The "not latest" and getStableAccessToken wording in errmsg points at exactly this.',
        [CGI],
        BASIC,
      ),
      c('获取 token 时 AppSecret 错误（旧版接口用 40001 表示，新版多返回 40125）。', 'A wrong AppSecret when fetching the token (older servers answered 40001; current ones mostly answer 40125).', BASIC),
      // The code exchange is sent appid + secret + code, no token: the credential refused is the pair.
      c(
        '换 code 时 appid 和 AppSecret 对不上：另一个号的 secret（测试号/正式号、公众号/网站应用混用），或 secret 已重置（旧版接口用 40001 表示，新版多返回 40125）。',
        'The appid and AppSecret of the code exchange do not go together: the secret of another account (test vs production, Official Account vs website app), or one that was reset (older servers answered 40001; current ones mostly answer 40125).',
        [SNS_TOKEN],
      ),
      // A refresh is sent the appid and the refresh_token, no AppSecret and no access_token: the credential
      // refused is that pair (core/next-step.ts's refresh_credential says the same). An unknown or 30-day-old
      // refresh_token is 40030 in WeChat's docs (API-FACTS §5).
      c(
        '刷新不带 AppSecret 也不带 access_token，只带 appid 和 refresh_token：这个 refresh_token 是另一个 appid 签发的（测试号/正式号、另一套环境混用）。',
        'A refresh is sent no AppSecret and no access_token, only the appid and the refresh_token: this refresh_token was issued to another appid (test and production accounts, or environments, mixed up).',
        [SNS_REFRESH],
      ),
      // /cgi-bin/token, stable_token and the code exchange are sent no token, so none can be truncated there.
      c('token 被截断了：存储字段太短（官方建议至少 512 字符）或复制不完整。', 'The token was truncated: a storage column too short (WeChat advises at least 512 characters) or an incomplete copy.', undefined, [...BASIC, SNS_TOKEN]),
    ],
    fixes: [
      c('调用 {endpoint} 要用 /sns/oauth2/access_token 返回的 access_token 和同一次返回的 openid。', 'Call {endpoint} with the access_token and openid returned together by /sns/oauth2/access_token.', SNS_USER),
      c('过期了就用 refresh_token 调 /sns/oauth2/refresh_token 换新的；refresh_token 也失效就重新授权。', 'If it expired, use the refresh_token on /sns/oauth2/refresh_token; if that fails too, authorize again.', SNS_USER),
      { ...STABLE_TOKEN_FIX, on: [CGI], notOn: BASIC },
      { ...ONE_TOKEN_OWNER, on: [CGI], notOn: BASIC },
      c('核对 AppSecret，并确认 appid 和 secret 属于同一个号。', 'Check the AppSecret and that the appid and secret belong to the same account.', [...BASIC, SNS_TOKEN]),
      c(
        '用签发这个 refresh_token 的 appid 去刷新（refresh_token 按 appid 分开存、完整保存）；仍然失败就让用户重新授权。',
        'Refresh with the appid that issued this refresh_token (store refresh_tokens per appid, and whole); if it still fails, have the user authorize again.',
        [SNS_REFRESH],
      ),
    ],
    doc: DOC.token,
    docOn: [{ on: [SNS_REFRESH], doc: DOC.snsRefresh }],
    keywords: ['invalid credential', 'not latest', 'credential', '凭证', 'access_token', 'getStableAccessToken', '被顶掉'],
  },
  {
    code: 40002,
    stages: ['token', 'basic-token'],
    endpoints: [SNS_TOKEN, SNS_REFRESH, '/cgi-bin/token', STABLE],
    causes: [
      c('grant_type 缺失或写错：换 code 要 authorization_code，刷新要 refresh_token，基础 token 要 client_credential。', 'grant_type is missing or wrong: authorization_code to exchange a code, refresh_token to refresh, client_credential for a basic token.'),
      c('stable_token 的请求体不是 JSON，微信读不到 grant_type。', 'The stable_token body is not JSON, so WeChat cannot read grant_type.', [STABLE]),
    ],
    fixes: [
      c('按端点填正确的 grant_type；stable_token 用 POST 发 JSON：{"grant_type":"client_credential","appid":"…","secret":"…"}。', 'Send the grant_type that endpoint expects; for stable_token POST JSON: {"grant_type":"client_credential","appid":"…","secret":"…"}.'),
    ],
    doc: DOC.errcode,
    keywords: ['grant_type', '凭证类型'],
  },
  {
    code: 40003,
    stages: ['userinfo', 'basic-token'],
    endpoints: [...SNS_USER, USER_INFO],
    causes: [
      c('openid 和 access_token 不是一对：用了 A 用户的 token 配 B 用户的 openid。', 'The openid and access_token are not a pair: user A\'s token with user B\'s openid.', SNS_USER),
      c('openid 来自另一个 appid。每个公众号/网站应用给同一用户的 openid 都不同，跨号要用 unionid。', 'The openid comes from another appid. Each account gives the same user a different openid; across accounts use unionid.'),
      // developers.weixin.qq.com/community: "传入UnionID会报40003错误".
      c('把 unionid 当作 openid 传了进来：/cgi-bin/user/info 只认本公众号的 openid。', 'A unionid was passed as the openid: /cgi-bin/user/info only takes this account\'s openids.', [USER_INFO]),
      c('openid 被截断、多了空格或被错误编码。', 'The openid was truncated, padded with spaces or mangled by encoding.'),
    ],
    fixes: [
      c('用 /sns/oauth2/access_token 同一次返回的 openid 和 access_token，不要混用缓存里的值。', 'Use the openid and access_token returned together by /sns/oauth2/access_token; do not mix cached values.', SNS_USER),
      c('用 openid 所属公众号的基础 access_token 去查（openid 来自哪个 appid 的网页授权或关注者列表，就用哪个 appid）。', 'Ask with the basic access_token of the account the openid belongs to (the appid whose web authorization or follower list gave it).', [USER_INFO]),
      c('需要跨号识别用户时用 unionid（公众号须绑定到开放平台）。', 'To recognise a user across accounts, use unionid (the account must be bound to the Open Platform).'),
    ],
    doc: DOC.snsAuth,
    docOn: [{ on: [USER_INFO], doc: DOC.userInfo }],
    keywords: ['openid', 'invalid openid'],
  },
  {
    code: 40013,
    stages: ['token', 'basic-token'],
    endpoints: [SNS_TOKEN, SNS_REFRESH, '/cgi-bin/token', STABLE],
    causes: [
      c('appid 写错：多了空格或换行、大小写不对、少了字符。appid 是 wx 开头的 18 位字符串。', 'The appid is wrong: stray space or newline, wrong case, missing characters. An appid is 18 characters starting with wx.'),
      c('用了另一个环境或另一个 profile 的 appid（测试号、正式账号、网站应用混用）。', 'The appid of another environment or profile (test account, production account and website app mixed up).'),
      c('appid 对应的号已注销，或测试号已失效。', 'The account behind the appid was closed, or the test account expired.'),
    ],
    fixes: [
      c('从后台重新复制 appid：公众号在 mp.weixin.qq.com → 设置与开发 → 基本配置；网站应用在 open.weixin.qq.com → 管理中心。', 'Copy the appid again from the console: mp.weixin.qq.com → 设置与开发 → 基本配置 for Official Accounts, open.weixin.qq.com → 管理中心 for website apps.'),
      c('用 `wxauth config list` 查看当前 profile 的 appid 和它来自哪里（参数、环境变量还是配置文件）。', 'Run `wxauth config list` to see the current profile\'s appid and where it came from (flag, env or file).'),
    ],
    doc: DOC.errcode,
    keywords: ['appid', 'invalid appid'],
  },
  {
    code: 40014,
    stages: ['userinfo', 'basic-token'],
    endpoints: ['/sns/userinfo', '/sns/auth', '/cgi-bin/*'],
    causes: [
      c('token 用错了类型：基础 access_token 用在 /sns/* 上，或网页授权 token 用在 /cgi-bin/* 上。', 'The wrong kind of token: a basic access_token on /sns/*, or a web-authorization token on /cgi-bin/*.'),
      c('token 被截断或多了字符（存储字段太短、URL 编码出错、复制不全）。', 'The token was truncated or altered (short storage column, bad URL encoding, incomplete copy).'),
      c('token 已过期；/sns/auth 有时把过期 token 报成 40014 而不是 42001。', 'The token expired; /sns/auth sometimes reports an expired token as 40014 rather than 42001.', ['/sns/auth']),
    ],
    fixes: [
      c('/sns/* 只用网页授权换来的 access_token，/cgi-bin/* 只用基础 access_token。', 'Use web-authorization tokens only on /sns/* and basic tokens only on /cgi-bin/*.'),
      c('整串原样保存（至少留 512 字符），过期就刷新或重新获取。', 'Store the whole string untouched (allow at least 512 characters); refresh or fetch again when it expires.'),
    ],
    doc: DOC.errcode,
    keywords: ['invalid access_token', 'access_token', 'token'],
  },
  {
    code: 40029,
    stages: ['token'],
    endpoints: [SNS_TOKEN, '/sns/oauth2/component/access_token', CODE2SESSION],
    causes: [
      by('hand', c(
        'code 过期了：公众号授权的 code 5 分钟内有效，网站应用 10 分钟。手动复制粘贴时很容易超时；文档说超时是 42003，实际多返回 40029。',
        'The code expired: 5 minutes for Official Account authorization, 10 for website apps. Copying it by hand easily takes longer; the docs say 42003 for this, but WeChat usually answers 40029.',
        [SNS_TOKEN],
      )),
      by('hand', c(
        'code 抄错了：少了字符、多了空格、被转成小写。code 区分大小写（通常 32 位、以 0 开头）。',
        'The code was copied wrong: missing characters, extra spaces, or lower-cased. Codes are case-sensitive (usually 32 characters starting with 0).',
      )),
      c(
        'code 是另一个 appid 发的：授权链接用的 appid 与换 token 时的 appid 不同（比如测试号授权、正式账号换取，或 profile 用错）。',
        'The code was issued to another appid: the authorize URL and the exchange used different appids (e.g. authorized with the test account, exchanged with production, or the wrong profile).',
      ),
      by('server', c(
        '同一个 code 被换了两次：回调被请求了两次（微信、安卓或浏览器预加载重复打开 redirect_uri），或前端和后端、多个实例、失败后的重试各换了一次；第一次已经用掉了它，第二次就失败（较新的接口报 40163，旧接口和一些报告里是 40029）。',
        'The same code was exchanged twice: the callback was hit twice (WeChat, Android or browser prefetch opening redirect_uri again), or a frontend and a backend, two instances or a retry each exchanged it; the first spent it and the second fails (40163 on newer servers, 40029 on older ones and in some reports).',
        [SNS_TOKEN],
      )),
      by('hand', c(
        '你的服务器已经用掉了这个 code：回调地址指向线上服务时，它先换了 token，你再粘贴同一个 code 来换就失败（较新的接口报 40163，旧接口报 40029）。',
        'Your own server already spent the code: when the callback points at a live service, it exchanges the code first, so pasting the same code afterwards fails (newer servers say 40163, older ones 40029).',
        [SNS_TOKEN],
      )),
      c('小程序 wx.login 的 code 只能用一次、5 分钟内有效，且必须与小程序 appid 配对。', 'A mini program wx.login code is single-use, valid 5 minutes, and must go with the mini program\'s appid.', [CODE2SESSION]),
    ],
    fixes: [
      NEW_CODE,
      c('确认授权链接里的 appid 与换取时的 appid、secret 属于同一个号（`wxauth config list` 可查看当前 profile）。', 'Check that the authorize URL\'s appid and the exchange\'s appid and secret belong to one account (`wxauth config list` shows the current profile).'),
      by('server', EXCHANGE_ONCE),
      by('hand', c('让回调落到 wxauth 的本地监听（`wxauth listen`），或先暂停线上回调里的换取，避免 code 被抢先用掉。', 'Let the callback land on wxauth\'s local listener (`wxauth listen`), or pause your live callback\'s exchange, so the code is not spent before you use it.', [SNS_TOKEN])),
      by('hand', c('复制 code 时原样复制，不要改大小写，不要带上 &state=。', 'Copy the code exactly: no case change, no trailing &state=.')),
    ],
    doc: DOC.snsToken,
    keywords: ['invalid code', 'code', 'oauth_code', '无效', '不合法'],
  },
  {
    code: 40030,
    stages: ['token'],
    endpoints: [SNS_REFRESH],
    causes: [
      c('refresh_token 写错、被截断，或来自另一个 appid。', 'The refresh_token is wrong, truncated, or from another appid.'),
      c('用了旧的 refresh_token：每次刷新后应保存接口返回的 refresh_token。', 'An old refresh_token was used: store the refresh_token each refresh returns.'),
      c('refresh_token 提前失效：有报告 30 天不到就返回 40030，用户修改密码或取消授权也会让它失效。', 'The refresh_token died early: refresh_tokens have been reported to fail with 40030 before their 30 days, and a password change or revoked authorization also kills them.'),
    ],
    fixes: [
      c('每次刷新都保存返回的 refresh_token，并按 appid 分开存。', 'Save the refresh_token every refresh returns, stored per appid.'),
      REAUTHORIZE,
    ],
    doc: DOC.snsRefresh,
    keywords: ['refresh_token', 'refresh', '刷新'],
  },
  {
    code: 40125,
    stages: ['token', 'basic-token'],
    endpoints: [SNS_TOKEN, '/cgi-bin/token', STABLE],
    causes: [
      c('AppSecret 在后台被重置过，旧的立即失效。', 'The AppSecret was reset in the console; the old one stopped working immediately.'),
      c('用了另一个号的 AppSecret（测试号/正式账号、公众号/网站应用混用），或 appid 与 secret 不属于同一个号。', 'The secret of another account (test vs production, Official Account vs website app), or an appid and secret that do not belong together.'),
      c('复制时多了空格、换行或少了字符（AppSecret 是 32 位十六进制）。', 'A copying slip: extra space or newline, or missing characters (an AppSecret is 32 hex characters).'),
    ],
    fixes: [
      c('从后台取正确的 AppSecret：公众号在 mp.weixin.qq.com → 设置与开发 → 基本配置 → 开发者密码（只在重置时显示，需妥善保存）；网站应用在 open.weixin.qq.com → 管理中心 → 网站应用 → 查看；测试号在测试号管理页 mp.weixin.qq.com/debug/cgi-bin/sandbox → 测试号信息 → appsecret。', 'Get the right AppSecret: mp.weixin.qq.com → 设置与开发 → 基本配置 → 开发者密码 for Official Accounts (shown only when reset, so keep it safe); open.weixin.qq.com → 管理中心 → 网站应用 → 查看 for website apps; the test account page mp.weixin.qq.com/debug/cgi-bin/sandbox → 测试号信息 → appsecret for a test account.'),
      c('用 `wxauth config list` 确认当前 profile 的 appid 和 secret 来自同一个号。', 'Use `wxauth config list` to check that the current profile\'s appid and secret come from the same account.'),
    ],
    doc: DOC.stableToken,
    keywords: ['appsecret', 'secret', '密钥', '开发者密码', 'invalid appsecret'],
  },
  {
    code: 40163,
    stages: ['token'],
    endpoints: [SNS_TOKEN, CODE2SESSION],
    causes: [
      c(
        '回调被请求了两次：微信（尤其安卓，或内部跳转带 uin、pass_ticket 参数时）或浏览器预加载会重复打开 redirect_uri，第一次请求已经换掉了 code。',
        'The callback was hit twice: WeChat (notably on Android, or on its internal hop with uin/pass_ticket parameters) or browser prefetch opens redirect_uri again, and the first request already spent the code.',
        [SNS_TOKEN],
      ),
      by('hand', c('你的服务器已经用这个 code 换过 token，你又把同一个 code 粘贴给 wxauth。', 'Your server already exchanged this code, and then you pasted the same code into wxauth.', [SNS_TOKEN])),
      c('换取失败后的自动重试、多个实例同时处理回调，或用户刷新了带 ?code= 的回调页，都会把同一个 code 提交第二次。', 'An automatic retry after a failed exchange, several instances handling the same callback, or the user refreshing the ?code= callback page each submit the code a second time.'),
    ],
    fixes: [
      EXCHANGE_ONCE,
      c('换取成功后重定向到不带 code 的地址，刷新就不会重复提交。', 'After a successful exchange, redirect to a URL without the code so a refresh does not resubmit it.'),
      NEW_CODE,
    ],
    doc: DOC.snsToken,
    keywords: ['code been used', 'used', '已使用', '重复', 'twice', 'duplicate', '两次'],
  },
  {
    code: 40164,
    stages: ['basic-token'],
    endpoints: ['/cgi-bin/token', STABLE, '/cgi-bin/*'],
    causes: [
      c(
        '调用方出口 IP（{ip}）不在该号的 IP 白名单里。/cgi-bin/token 和 stable_token 都检查白名单；网页授权的 /sns/* 接口不检查，所以会出现「网页授权正常、基础 token 报 40164」。',
        'The caller\'s egress IP ({ip}) is not in the account\'s IP whitelist. /cgi-bin/token and stable_token check it; the web-authorization /sns/* endpoints do not, which is why OAuth can work while the basic token fails with 40164.',
      ),
      c(
        '出口 IP 变了：家庭宽带动态 IP、frp/代理、云服务器 NAT 网关的出口与公网 IP 不同，或在本机而不是服务器上调试。',
        'The egress IP changed or differs from what you think: dynamic home broadband, frp or a proxy, a cloud NAT gateway whose egress is not the server\'s public IP, or testing from a laptop instead of the server.',
      ),
      c('errmsg 里的 "ipv6 ::ffff:x.x.x.x" 是同一个 IPv4 的映射写法，白名单里填 IPv4 部分即可。', 'The "ipv6 ::ffff:x.x.x.x" in errmsg is the IPv4-mapped form of the same address; whitelist the IPv4 part.'),
    ],
    fixes: [
      WHITELIST_OA,
      WHITELIST_OPEN,
      c('从固定出口 IP 的服务器调用；本机开发时通过有固定出口的代理或跳板机。', 'Call from a server with a fixed egress IP; when developing locally, go through a proxy or jump host with a fixed egress.'),
    ],
    doc: DOC.token,
    keywords: ['whitelist', 'ip whitelist', '白名单', 'ip', 'invalid ip', 'not in whitelist', 'ipv6'],
  },
  {
    code: 40226,
    stages: ['token'],
    endpoints: [CODE2SESSION],
    causes: [c('小程序登录：该用户被判定为高风险，登录被拦截。与网页授权无关。', 'Mini program login: the user is rated high-risk and the login is blocked. Unrelated to web authorization.')],
    fixes: [c('提示用户稍后再试或换账号；代码无法绕过风控。', 'Ask the user to retry later or use another account; code cannot bypass the risk control.')],
    doc: DOC.code2session,
    keywords: ['risk', '风险', '拦截'],
  },
  {
    code: 40243,
    stages: ['basic-token', 'token'],
    endpoints: ['/cgi-bin/token', SNS_TOKEN],
    meaning: { en: 'the AppSecret is frozen; unfreeze it in the MP console and call again' },
    causes: [c('管理员在后台冻结了 AppSecret，所有用 secret 的调用都会失败。', 'An admin froze the AppSecret in the console; every call that uses the secret fails.')],
    fixes: [c('到 mp.weixin.qq.com → 设置与开发 → 基本配置 → 开发者密码 解冻（需管理员扫码），然后重试。', 'Unfreeze it in mp.weixin.qq.com → 设置与开发 → 基本配置 → 开发者密码 (admin scans to confirm), then retry.')],
    doc: DOC.token,
    keywords: ['frozen', '冻结', 'appsecret'],
  },
  {
    code: 41001,
    stages: ['userinfo', 'basic-token'],
    endpoints: ['/sns/userinfo', '/sns/auth', '/cgi-bin/*'],
    causes: [
      c('请求里没有 access_token 参数，或值为空（缓存里没取到）。', 'The request has no access_token parameter, or an empty one (nothing came out of the cache).'),
      c('access_token 放在了请求体或请求头里；微信只认 URL 查询参数 ?access_token=。', 'The access_token was put in the body or a header; WeChat only reads the ?access_token= query parameter.'),
    ],
    fixes: [c('把 access_token 放在 URL 查询参数里，并确认取到的值不为空。', 'Put access_token in the query string and check the value is not empty.')],
    doc: DOC.errcode,
    keywords: ['access_token missing', 'missing', '缺少'],
  },
  {
    code: 41002,
    stages: ['token', 'basic-token'],
    endpoints: [SNS_TOKEN, SNS_REFRESH, '/cgi-bin/token', STABLE],
    causes: [
      c('请求里没有 appid，或值为空。', 'The request has no appid, or an empty one.'),
      c('stable_token 的请求体是表单或 Content-Type 不对，微信没有把它当 JSON 解析，于是读不到 appid（即使你发了）。', 'The stable_token body was form-encoded or had the wrong Content-Type, so WeChat did not parse it as JSON and saw no appid, even though you sent one.', [STABLE]),
    ],
    fixes: [
      c('GET 接口把 appid 放在查询参数里；stable_token 用 POST 发 JSON，Content-Type: application/json。', 'On GET endpoints put appid in the query string; for stable_token POST a JSON body with Content-Type: application/json.'),
    ],
    doc: DOC.errcode,
    keywords: ['appid missing', 'missing', '缺少'],
  },
  {
    code: 41003,
    stages: ['token'],
    endpoints: [SNS_REFRESH],
    causes: [c('刷新请求里没有 refresh_token，或值为空（没保存上一次返回的 refresh_token）。', 'The refresh request has no refresh_token, or an empty one (the last one returned was never stored).')],
    fixes: [
      c('换 code 和每次刷新后都保存 refresh_token，刷新时放在查询参数里。', 'Store the refresh_token after the code exchange and after every refresh, and send it in the query string.'),
      REAUTHORIZE,
    ],
    doc: DOC.snsRefresh,
    keywords: ['refresh_token missing', 'missing', '缺少'],
  },
  {
    code: 41004,
    stages: ['token', 'basic-token'],
    endpoints: [SNS_TOKEN, '/cgi-bin/token', STABLE],
    causes: [c('请求里没有 secret，或值为空（环境变量没读到）。', 'The request has no secret, or an empty one (an environment variable was not set).')],
    fixes: [c('配置 AppSecret（`wxauth config set secret …` 或环境变量），参数名是 secret。', 'Configure the AppSecret (`wxauth config set secret …` or the environment); the parameter name is secret.')],
    doc: DOC.errcode,
    keywords: ['appsecret missing', 'secret', 'missing', '缺少'],
  },
  {
    code: 41008,
    stages: ['token'],
    endpoints: [SNS_TOKEN, CODE2SESSION],
    causes: [
      c('换取请求里没有 code，或值为空：回调没带 code（用户拒绝授权时只带 state），或取参数时取错了名字。', 'The exchange request has no code, or an empty one: the callback carried no code (a refusal brings only state), or the parameter was read under the wrong name.'),
      c('前端用 hash 路由，code 落在了 # 后面或前面，没被读到。', 'A hash-routed front end: the code ended up on the other side of the #, where it was not read.'),
    ],
    fixes: [
      c('检查回调 URL 里是否真有 code 参数；没有就说明用户拒绝了或授权没完成，需要重新授权。', 'Check the callback URL really has a code; if not, the user refused or did not finish, and must authorize again.'),
    ],
    doc: DOC.snsToken,
    keywords: ['missing code', 'code', 'missing', '缺少'],
  },
  {
    code: 41009,
    stages: ['userinfo'],
    endpoints: SNS_USER,
    causes: [c('请求里没有 openid，或值为空。', 'The request has no openid, or an empty one.')],
    fixes: [c('带上换 token 时一起返回的 openid。', 'Send the openid returned with the access_token.')],
    doc: DOC.snsUserinfo,
    keywords: ['missing openid', 'openid', 'missing', '缺少'],
  },
  {
    code: 42001,
    stages: ['userinfo', 'basic-token'],
    endpoints: ['/sns/userinfo', '/sns/auth', '/cgi-bin/*'],
    causes: [
      c('网页授权 access_token 已超过 2 小时有效期。', 'The web-authorization access_token is past its 2-hour lifetime.', [SNS]),
      c('基础 access_token 已超过 2 小时（expires_in 通常 7200 秒）还在使用，或缓存时没按 expires_in 设置过期。', 'The basic access_token is past its 2 hours (expires_in is usually 7200) or was cached without honouring expires_in.', [CGI]),
    ],
    fixes: [
      c('用 refresh_token 调 /sns/oauth2/refresh_token 换新的 access_token（refresh_token 30 天内有效）。', 'Use the refresh_token on /sns/oauth2/refresh_token for a new access_token (refresh_tokens last 30 days).', [SNS]),
      c('按 expires_in 提前几分钟重新获取；多实例部署用 stable_token 或统一中控。', 'Fetch again a few minutes before expires_in runs out; with several instances use stable_token or one central token service.', [CGI]),
    ],
    doc: DOC.errcode,
    keywords: ['access_token expired', 'expired', '过期', '超时', 'access_token 过期', 'token 过期', 'access_token 超时', 'token expired'],
  },
  {
    code: 42002,
    stages: ['token'],
    endpoints: [SNS_REFRESH],
    causes: [
      c('refresh_token 已过期：公众号和网站应用 30 天；移动应用文档写 180 天且不能续期。', 'The refresh_token expired: 30 days for Official Accounts and website apps; the mobile-app docs say 180 days and not renewable.'),
    ],
    fixes: [REAUTHORIZE, c('把「refresh_token 过期就重新授权」作为正常流程处理。', 'Treat "refresh_token expired, authorize again" as a normal path in your app.')],
    doc: DOC.snsRefresh,
    keywords: ['refresh_token expired', 'expired', '过期', '超时'],
  },
  {
    code: 42003,
    stages: ['token'],
    endpoints: [SNS_TOKEN],
    causes: [
      c('code 超过有效期才去换：公众号 5 分钟，网站应用 10 分钟。实际中过期的 code 更常返回 40029。', 'The code was exchanged after its lifetime: 5 minutes for Official Accounts, 10 for website apps. In practice expired codes more often come back as 40029.'),
    ],
    fixes: [NEW_CODE],
    doc: DOC.snsToken,
    keywords: ['code expired', 'expired', '过期', '超时'],
  },
  {
    code: 42007,
    stages: ['token', 'userinfo'],
    endpoints: [SNS_REFRESH, '/sns/userinfo'],
    causes: [c('用户修改了微信密码（或触发了类似的安全事件），他的 access_token 和 refresh_token 都失效了。', 'The user changed their WeChat password (or a similar security event happened), which invalidates both of their tokens.')],
    fixes: [REAUTHORIZE],
    doc: DOC.errcode,
    keywords: ['password', '密码'],
  },
  {
    code: 43001,
    stages: ['any'],
    endpoints: [SNS_TOKEN, SNS_REFRESH, '/sns/userinfo', '/sns/auth', '/cgi-bin/token'],
    causes: [c('该接口只接受 GET，而你发了 POST：/sns/* 和 /cgi-bin/token 都是 GET 接口，参数放在查询字符串里。', 'The endpoint takes GET only and got a POST: /sns/* and /cgi-bin/token are GET endpoints with query-string parameters.')],
    fixes: [c('改成 GET，参数放在 URL 查询字符串里。', 'Use GET with the parameters in the query string.')],
    doc: DOC.errcode,
    keywords: ['require get', 'get', 'method'],
  },
  {
    code: 43002,
    stages: ['basic-token'],
    endpoints: [STABLE, '/cgi-bin/clear_quota', '/cgi-bin/openapi/quota/get', '/cgi-bin/openapi/rid/get'],
    causes: [c('该接口只接受 POST，而你发了 GET。stable_token、clear_quota、quota/get、rid/get 都是 POST 接口。', 'The endpoint takes POST only and got a GET. stable_token, clear_quota, quota/get and rid/get are POST endpoints.')],
    fixes: [c('改用 POST，请求体是 JSON。', 'Use POST with a JSON body.')],
    doc: DOC.stableToken,
    keywords: ['require post', 'post', 'method'],
  },
  {
    code: 43003,
    stages: ['any'],
    endpoints: ['/sns/*', '/cgi-bin/*'],
    causes: [c('用 http:// 调用了 api.weixin.qq.com；接口只接受 HTTPS。', 'api.weixin.qq.com was called over http://; the API accepts HTTPS only.')],
    fixes: [c('把接口地址改成 https://api.weixin.qq.com（检查 --api-base 或配置里的 apiBase）。', 'Use https://api.weixin.qq.com (check --api-base or the apiBase setting).')],
    doc: DOC.errcode,
    keywords: ['https', 'require https'],
  },
  {
    code: 44002,
    stages: ['basic-token'],
    endpoints: [STABLE],
    causes: [c('POST 请求的请求体为空。', 'The POST request had an empty body.')],
    fixes: [c('发送 JSON 请求体，例如 {"grant_type":"client_credential","appid":"…","secret":"…"}。', 'Send a JSON body, e.g. {"grant_type":"client_credential","appid":"…","secret":"…"}.')],
    doc: DOC.stableToken,
    keywords: ['empty post data', 'empty', 'body'],
  },
  {
    code: 45009,
    stages: ['quota', 'basic-token'],
    endpoints: ['/cgi-bin/token', STABLE, GETTICKET, '/cgi-bin/*'],
    causes: [
      c(
        '/cgi-bin/token 当天调用次数用完了（公众号默认每天 2000 次，测试号 200 次）。常见原因是没有缓存 token，每个请求都去重新获取。',
        'The daily quota of /cgi-bin/token is used up (2,000 a day by default for Official Accounts, 200 for test accounts). The usual cause is not caching the token and fetching a new one for every request.',
        ['/cgi-bin/token'],
      ),
      c('stable_token 的 force_refresh=true 一天最多 20 次，超出后报 45009。', 'stable_token with force_refresh=true is limited to 20 a day; beyond that it answers 45009.', [STABLE]),
      // JSSDK-FACTS §1.3, §1.4: getticket's own limit (the doc's 1w a day; 45009 observed after 10,000 calls).
      c(
        '获取 jsapi_ticket 的 getticket 有自己的每日调用上限（文档给的是每天 1 万次），与 access_token 的额度分开计算。常见原因是没有全局缓存 ticket，每次打开页面都去获取一次。',
        'getticket, which fetches the jsapi_ticket, has a daily limit of its own (10,000 a day, the doc says), apart from the access_token\'s. The usual cause is fetching the ticket on every page view instead of caching it globally.',
        [GETTICKET],
      ),
      c('该接口当天的调用额度用完了。', 'The daily call quota of this API is used up.'),
    ],
    fixes: [
      c(
        '在服务端全局缓存 jsapi_ticket（有效期 7200 秒），所有页面、所有服务器共用同一张，快过期时再获取；缓存的是 ticket，不是签名（每个页面的签名都不同）。',
        'Cache the jsapi_ticket globally on the server for its 7200 s and share it across pages and servers, fetching a new one only as it expires; cache the ticket, not the signature (each page has its own).',
        [GETTICKET],
      ),
      c('缓存 token 到 expires_in 之前，不要每次请求都重新获取；平时不要带 force_refresh。', 'Cache the token until expires_in runs out instead of fetching per request; do not send force_refresh routinely.'),
      // {path}: the path WeChat refused (the error's endpoint), else /cgi-bin/token (errcodes.ts fill).
      c(
        '用 wxauth{p} quota {path} 查看用量；急用时 wxauth{p} quota {path} --clear 把本账号所有接口的次数清零（每月 10 次），token 都拿不到时用 /cgi-bin/clear_quota/v2（appid + appsecret）。',
        "See the usage with wxauth{p} quota {path}; in an emergency wxauth{p} quota {path} --clear resets the counts of all the account's APIs (10 times a month), or /cgi-bin/clear_quota/v2 with appid and appsecret when you cannot even get a token.",
      ),
      c('等第二天额度自动重置。', 'Wait for the daily quota to reset the next day.'),
    ],
    doc: DOC.clearQuota,
    keywords: ['quota', 'daily', 'limit', '额度', '次数', '上限', 'api freq out of limit', '限制'],
  },
  // JSSDK-FACTS §1.2: getticket answered -1000 when the cached access_token had gone bad (easywechat#1780).
  {
    code: -1000,
    stages: ['jssdk'],
    endpoints: [GETTICKET],
    causes: [
      c(
        '带去的 access_token 已经不能用了（缓存的 token 被别处的获取或 force_refresh 换掉，或已过期）：这时 getticket 有时不报 40001，而是报 -1000 system error。',
        'The access_token sent had gone bad (a cached token replaced by a fetch elsewhere or a force_refresh, or expired): getticket has then been seen answering -1000 system error instead of 40001.',
        [GETTICKET],
      ),
      c('微信服务器内部出错。', 'An internal error on WeChat\'s side.'),
    ],
    fixes: [
      c(
        '换一个新的 access_token 再取 ticket：wxauth{p} token 向微信重新获取当前有效的 stable token 并替换缓存里的，然后 wxauth{p} jssdk ticket --refresh。你自己的服务也一样：丢掉缓存的 token，重新获取后再调 getticket。',
        'Get a fresh access_token, then the ticket again: wxauth{p} token fetches the current stable token from WeChat and replaces the cached one; then wxauth{p} jssdk ticket --refresh. The same for your own server: drop its cached token and fetch a new one before calling getticket again.',
        [GETTICKET],
      ),
      c(
        '换了 token 仍然报 -1000：wxauth{p} token --force-refresh 强制换新（其他服务器手里的 stable token 随之失效，每天最多 20 次），再重试。',
        'If -1000 comes back with the new token: wxauth{p} token --force-refresh forces a new one (the stable token your other servers hold ends with it; 20 a day), then retry.',
        [GETTICKET],
      ),
      c('稍等片刻再试。', 'Try again in a moment.'),
    ],
    doc: JSSDK_DOC,
    keywords: ['system error', 'getticket', 'jsapi_ticket', 'ticket'],
  },
  {
    code: 45011,
    stages: ['quota'],
    endpoints: [STABLE, CODE2SESSION, '/cgi-bin/*'],
    causes: [c('每分钟调用频率超限（stable_token 每分钟 1 万次）；通常是循环里重复调用或重试太猛。', 'The per-minute limit was hit (stable_token allows 10,000 a minute); usually a call inside a loop or aggressive retries.')],
    fixes: [c('降低频率、加缓存，下一分钟再试；重试要加退避。', 'Slow down, cache, and retry in the next minute with backoff.')],
    doc: DOC.errcode,
    keywords: ['minute', 'frequency', 'rate limit', '频率', '太频繁'],
  },
  {
    code: 47001,
    stages: ['basic-token'],
    endpoints: [STABLE, '/cgi-bin/*'],
    causes: [c('POST 的请求体不是合法 JSON（例如发成了表单、JSON 里有多余的逗号或中文引号）。', 'The POST body is not valid JSON (e.g. form-encoded, a trailing comma, or typographic quotes).')],
    fixes: [c('用 JSON.stringify 生成请求体，并设置 Content-Type: application/json。', 'Build the body with JSON.stringify and set Content-Type: application/json.')],
    doc: DOC.stableToken,
    keywords: ['data format error', 'json', 'format', '格式'],
  },
  {
    code: 48001,
    stages: ['userinfo'],
    endpoints: ['/sns/userinfo', '/cgi-bin/*'],
    causes: [
      c('这个 token 来自 scope=snsapi_base 的授权，只能拿 openid，不能调 /sns/userinfo。', 'The token came from scope=snsapi_base authorization, which yields only the openid and cannot call /sns/userinfo.', ['/sns/userinfo']),
      c(
        '用户处于快照页模式（token 返回里有 "is_snapshotuser": 1）：不合规的 snsapi_userinfo 授权会先打开快照页，此时 openid 是虚拟的，/sns/userinfo 被拒绝。',
        'The user is in snapshot-page mode (the token response has "is_snapshotuser": 1): a non-compliant snsapi_userinfo flow opens a snapshot page first, the openid is virtual, and /sns/userinfo is refused.',
        ['/sns/userinfo'],
      ),
      c('该号没有这个接口的权限（未认证、订阅号，或权限被收回）。', 'The account lacks permission for this API (unverified, a subscription account, or the permission was withdrawn).'),
    ],
    fixes: [
      c('需要昵称头像时用 scope=snsapi_userinfo 授权。', 'Authorize with scope=snsapi_userinfo when you need the nickname and avatar.', ['/sns/userinfo']),
      c('快照页用户：让用户点页面底部的「使用完整服务」后重新授权；页面首屏不要直接弹授权，先让用户能浏览内容。', 'Snapshot users: have the user tap 使用完整服务 at the bottom of the page, then authorize again; do not demand authorization before the user can see the page.', ['/sns/userinfo']),
      c('在 mp.weixin.qq.com → 设置与开发 → 接口权限 查看该接口是否已获得。', 'Check in mp.weixin.qq.com → 设置与开发 → 接口权限 whether the API is granted.'),
    ],
    doc: DOC.snsUserinfo,
    keywords: ['api unauthorized', 'unauthorized', 'snapshot', '快照', 'is_snapshotuser', 'snsapi_base', '未授权'],
  },
  {
    code: 48006,
    stages: ['quota'],
    endpoints: ['/cgi-bin/clear_quota', '/cgi-bin/clear_quota/v2'],
    causes: [c('本月的清零次数用完了：每个号每月 10 次，后台、clear_quota 和 clear_quota/v2 共用。', 'This month\'s resets are used up: 10 a month per account, shared by the console, clear_quota and clear_quota/v2.')],
    fixes: [c('等到下个月，或等当天额度自然重置；同时修好导致额度耗尽的原因（通常是没有缓存 token）。', 'Wait for next month or for the daily reset, and fix what burned the quota (usually an uncached token).')],
    doc: DOC.clearQuota,
    keywords: ['clear quota', '清零', 'quota'],
  },
  {
    code: 50001,
    stages: ['userinfo'],
    endpoints: ['/sns/userinfo'],
    causes: [
      c('用户没有授权这个接口所需的 scope（例如只授权了 snsapi_base）。', 'The user did not grant the scope this API needs (e.g. only snsapi_base).'),
      c('用户已取消对该应用的授权。', 'The user has revoked the app\'s authorization.'),
    ],
    fixes: [c('用 snsapi_userinfo 重新授权。', 'Authorize again with snsapi_userinfo.')],
    doc: DOC.snsUserinfo,
    keywords: ['user unauthorized', 'unauthorized', '未授权'],
  },
  {
    code: 50002,
    stages: ['userinfo'],
    endpoints: ['/sns/userinfo', '/cgi-bin/*'],
    causes: [c('该用户的微信号受限：被冻结、已注销或因违规被处罚。', 'The user\'s WeChat account is restricted: frozen, deleted, or punished for a violation.')],
    fixes: [c('代码无法处理；提示用户检查自己的微信账号状态，或换一个账号。', 'Nothing to do in code; ask the user to check their WeChat account or use another one.')],
    doc: DOC.errcode,
    keywords: ['user limited', '受限', '冻结'],
  },
  {
    code: 50004,
    stages: ['basic-token'],
    endpoints: ['/cgi-bin/token'],
    causes: [c('该号被禁止调用获取 access_token 的接口，通常是违规处罚。', 'The account is barred from the access_token API, usually as a punishment.')],
    fixes: [c('登录 mp.weixin.qq.com 查看违规通知并申诉。', 'Log in to mp.weixin.qq.com, read the notice and appeal.')],
    doc: DOC.token,
    keywords: ['forbidden', 'punishment', '禁止', '处罚'],
  },
  {
    code: 50007,
    stages: ['basic-token'],
    endpoints: ['/cgi-bin/token'],
    meaning: { en: 'the account is frozen' },
    causes: [c('该号已被冻结，不再发放 access_token。', 'The account is frozen and no access_token is issued.')],
    fixes: [c('登录 mp.weixin.qq.com 按提示解冻。', 'Log in to mp.weixin.qq.com and follow the steps to unfreeze it.')],
    doc: DOC.token,
    keywords: ['frozen', '冻结'],
  },
  {
    code: 61003,
    stages: ['third-party'],
    endpoints: ['/sns/oauth2/component/access_token', '/cgi-bin/component/*'],
    causes: [c('第三方平台流程：该公众号没有授权给这个第三方平台，或已取消授权。', 'Third-party platform flow: the account has not authorized this platform, or revoked it.')],
    fixes: [c('让公众号管理员通过平台的授权页重新授权。', 'Have the account admin authorize the platform again through its authorization page.')],
    doc: DOC.errcode,
    keywords: ['component', '第三方平台', 'third-party'],
  },
  {
    code: 61007,
    stages: ['third-party'],
    endpoints: ['/cgi-bin/component/*'],
    causes: [c('公众号授权了第三方平台，但没有勾选这个接口所属的权限集。', 'The account authorized the platform but not the permission set this API belongs to.')],
    fixes: [c('让管理员重新授权并勾选对应权限集。', 'Have the admin authorize again with that permission set selected.')],
    doc: DOC.errcode,
    keywords: ['component', '第三方平台', 'third-party', '权限集'],
  },
  {
    code: 61023,
    stages: ['third-party'],
    endpoints: ['/cgi-bin/component/api_authorizer_token'],
    causes: [c('刷新授权方 token 用的 authorizer_refresh_token 无效：写错、被新值取代，或授权已取消。', 'The authorizer_refresh_token is invalid: wrong, replaced by a newer one, or the authorization was revoked.')],
    fixes: [c('使用最近一次授权或刷新返回的 authorizer_refresh_token；授权取消了就需要重新授权。', 'Use the authorizer_refresh_token from the latest authorization or refresh; if the authorization was revoked, authorize again.')],
    doc: DOC.errcode,
    keywords: ['authorizer_refresh_token', 'component', '第三方平台'],
  },
  {
    code: 61024,
    stages: ['basic-token', 'third-party'],
    endpoints: ['/cgi-bin/token'],
    causes: [c('用第三方平台（component）的 appid 调了 /cgi-bin/token；平台要用自己的 component_access_token 接口。', 'A third-party platform (component) appid was used on /cgi-bin/token; platforms use their own component_access_token API.')],
    fixes: [c('平台用 /cgi-bin/component/api_component_token；要代公众号调用时用授权方 token。', 'Platforms call /cgi-bin/component/api_component_token, and use authorizer tokens to act for an account.')],
    doc: DOC.errcode,
    keywords: ['component', '第三方平台', 'component_access_token'],
  },
  {
    code: 76001,
    stages: ['quota'],
    endpoints: ['/cgi-bin/openapi/rid/get'],
    causes: [
      c('查不到这个 rid：超过 7 天、抄错了，或它来自 /sns/* 接口（网页授权接口的 rid 不支持查询）。', 'The rid is not found: older than 7 days, mistyped, or it came from an /sns/* endpoint (web-authorization rids cannot be looked up).'),
    ],
    fixes: [c('7 天内查询，并只查 /cgi-bin/* 接口报错里的 rid；网页授权报错请直接看 errcode 说明。', 'Look rids up within 7 days and only for /cgi-bin/* errors; for web-authorization errors rely on the errcode explanation.')],
    doc: DOC.rid,
    keywords: ['rid', 'rid not found'],
  },
  {
    code: 76002,
    stages: ['quota'],
    endpoints: ['/cgi-bin/openapi/rid/get'],
    causes: [c('rid 为空或格式不对；正确格式是三段 8 位十六进制，如 61725984-6126f6f9-040f19c4。旧式 hints/req_id 不能查。', 'The rid is empty or malformed; it should be three 8-hex-digit groups such as 61725984-6126f6f9-040f19c4. Old hints/req_id values cannot be looked up.')],
    fixes: [c('从 errmsg 的 "rid: " 后面原样复制（`wxauth errcode` 会把它提取出来）。', 'Copy it exactly from after "rid: " in errmsg (`wxauth errcode` extracts it for you).')],
    doc: DOC.rid,
    keywords: ['rid', 'rid is error'],
  },
  {
    code: 76003,
    stages: ['quota'],
    // Two meanings: rid/get's "no permission", and quota/get's answer to a cgi_path that is not a bare
    // path ("path 需要以 / 开头，不要带域名，否则都会76003的报错", API-FACTS §10), with the same errmsg.
    endpoints: ['/cgi-bin/openapi/rid/get', '/cgi-bin/openapi/quota/get'],
    causes: [
      c('这个 rid 是另一个号的调用产生的；只能查询自己号的 rid。', 'The rid was produced by another account\'s call; an account can only look up its own rids.', ['/cgi-bin/openapi/rid/get']),
      c('cgi_path 不是纯路径：没有以 / 开头，或带了域名（https://api.weixin.qq.com/…、//…）。quota/get 对这样的 cgi_path 返回 76003，errmsg 却和 rid/get 的一样（"could not query this rid"）。', 'The cgi_path is not a bare path: it does not start with /, or it carries the host (https://api.weixin.qq.com/…, //…). quota/get answers such a cgi_path with 76003, under the same errmsg as rid/get ("could not query this rid").', ['/cgi-bin/openapi/quota/get']),
    ],
    fixes: [
      c('用产生该 rid 的那个号的 access_token 查询。', 'Query with an access_token of the account that produced the rid.', ['/cgi-bin/openapi/rid/get']),
      c('cgi_path 只写路径部分，以一个 / 开头，例如 /cgi-bin/token。', 'Give the path only, starting with a single /, e.g. /cgi-bin/token.', ['/cgi-bin/openapi/quota/get']),
    ],
    doc: DOC.rid,
    docOn: [{ on: ['/cgi-bin/openapi/quota/get'], doc: DOC.quotaGet }],
    keywords: ['rid', 'permission', 'cgi_path'],
  },
  {
    code: 76004,
    stages: ['quota'],
    endpoints: ['/cgi-bin/openapi/rid/get'],
    causes: [c('rid 超过 7 天，已过了可查询期。rid 第一段是十六进制的 Unix 时间戳，可以看出产生时间。', 'The rid is older than the 7-day window. Its first group is the request time as hex Unix seconds.')],
    fixes: [c('出错时尽快查询；需要长期追溯就在自己的日志里记录完整的 errmsg 和请求。', 'Look it up promptly; for longer tracing, log the full errmsg and request yourself.')],
    doc: DOC.rid,
    keywords: ['rid', 'expired', '过期'],
  },
  {
    code: 76021,
    stages: ['quota'],
    endpoints: ['/cgi-bin/openapi/quota/get'],
    causes: [c('cgi_path 写错了：必须以 / 开头、不带域名，例如 /cgi-bin/message/custom/send。', 'The cgi_path is wrong: it must start with / and have no host, e.g. /cgi-bin/message/custom/send.')],
    fixes: [c('只填路径部分，例如 /cgi-bin/token。', 'Give the path only, e.g. /cgi-bin/token.')],
    doc: DOC.quotaGet,
    keywords: ['cgi_path', 'quota'],
  },
  {
    code: 76022,
    stages: ['quota'],
    endpoints: ['/cgi-bin/openapi/quota/get', '/cgi-bin/openapi/rid/get'],
    causes: [
      c('查询了 /sns/* 接口的额度：quota/get 不支持 /sns/ 路径（它们本来就没有日调用上限）。', 'The quota of an /sns/* endpoint was queried: quota/get does not support /sns/ paths (they have no daily limit anyway).'),
      c('使用的 token 不属于该接口所属的号。', 'The token does not belong to the account that owns that API.'),
    ],
    fixes: [c('只查询 /cgi-bin/* 接口，并用同一个号的 access_token。', 'Query /cgi-bin/* paths only, with an access_token of the same account.')],
    doc: DOC.quotaGet,
    keywords: ['cgi_path', 'quota', 'sns', 'permission'],
  },
  {
    code: 89501,
    stages: ['basic-token'],
    endpoints: ['/cgi-bin/token'],
    meaning: { en: 'this IP is waiting for the admin to confirm; contact the admin' },
    causes: [c('新 IP 调用需要管理员确认，确认请求已经发出但管理员还没处理。', 'Calls from a new IP need the admin\'s confirmation; the request was sent and is still pending.')],
    fixes: [
      c('请管理员在微信里（公众平台安全助手的提醒）确认这个 IP。', 'Ask the admin to confirm the IP in WeChat (the prompt from 公众平台安全助手).'),
      { ...WHITELIST_OA, zh: '或者提前把 {ip} 加入 IP 白名单：mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单。', en: 'Or add {ip} to the IP whitelist beforehand: mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单.' },
    ],
    doc: DOC.token,
    keywords: ['ip', 'admin', '管理员', '确认', 'whitelist', '白名单'],
  },
  {
    code: 89502,
    stages: ['basic-token'],
    endpoints: ['/cgi-bin/token'],
    meaning: { en: 'please wait for the admin to confirm' },
    causes: [c('新 IP 的调用确认还在等待管理员处理。', 'The admin has not yet answered the confirmation request for the new IP.')],
    fixes: [c('请管理员在微信里确认，或把该 IP 加入白名单。', 'Ask the admin to confirm in WeChat, or whitelist the IP.')],
    doc: DOC.token,
    keywords: ['ip', 'admin', '管理员', '确认'],
  },
  {
    code: 89503,
    stages: ['basic-token'],
    endpoints: ['/cgi-bin/token', STABLE],
    meaning: { en: 'calls from this IP need the admin\'s confirmation; contact the admin' },
    causes: [c('从一个新 IP 调用，需要管理员确认；微信已向管理员发出确认提醒。', 'A call from a new IP needs the admin\'s confirmation; WeChat has sent the admin a prompt.')],
    fixes: [
      c('请管理员在微信里同意该 IP 的调用，然后重试。', 'Ask the admin to approve the IP in WeChat, then retry.'),
      { ...WHITELIST_OA, zh: '长期使用的服务器 IP 直接加入 IP 白名单（{ip}）。', en: 'Add long-lived server IPs ({ip}) to the IP whitelist instead.' },
    ],
    doc: DOC.token,
    keywords: ['ip', 'admin', '管理员', '确认', 'whitelist', '白名单'],
  },
  {
    code: 89506,
    stages: ['basic-token'],
    endpoints: ['/cgi-bin/token', STABLE],
    meaning: { en: 'the admin rejected this IP twice within 24 hours; it cannot call for 24 hours' },
    causes: [c('管理员 24 小时内两次拒绝了该 IP 的调用请求，该 IP 被锁 24 小时。', 'The admin rejected this IP twice within 24 hours, so it is blocked for 24 hours.')],
    fixes: [c('确认这个 IP 确实是你的服务器后，让管理员把它加入 IP 白名单，或等 24 小时后再请求确认。', 'If the IP really is your server, have the admin whitelist it, or wait 24 hours and ask again.')],
    doc: DOC.token,
    keywords: ['ip', 'admin', 'rejected', '拒绝', '管理员'],
  },
  {
    code: 89507,
    stages: ['basic-token'],
    endpoints: ['/cgi-bin/token', STABLE],
    meaning: { en: 'the admin rejected this IP within the last hour; it cannot call for 1 hour' },
    causes: [c('管理员 1 小时内拒绝了该 IP 的调用请求，该 IP 被锁 1 小时。', 'The admin rejected this IP within the hour, so it is blocked for 1 hour.')],
    fixes: [c('与管理员确认后把 IP 加入白名单，或 1 小时后再请求确认。', 'Agree with the admin and whitelist the IP, or ask again after an hour.')],
    doc: DOC.token,
    keywords: ['ip', 'admin', 'rejected', '拒绝', '管理员'],
  },
  // JS-SDK (wx.config) failures, JSSDK-FACTS §3: the page's wx.error shows them as text
  // (`config:invalid signature`, `config:fail,Error: 系统错误，错误码：40048,invalid url domain`); the
  // numbered forms 63002 / 40048 appear in some client versions, so the text is found by keyword.
  {
    code: 63002,
    stages: ['jssdk'],
    endpoints: [JSSDK_CONFIG],
    meaning: { en: 'invalid signature: wx.config\'s signature is not the one WeChat computes for this page' },
    causes: [
      c('签名用的 URL 与页面不一致：带了 # 及其后的部分、被 URL 编码、http/https 或末尾 / 不同，或签的是另一个页面（单页应用切换路由后、iOS 上 history 路由要签首次进入的 URL、网页授权跳转前的 URL）。', 'The URL signed is not the page\'s: it kept the #fragment, was URL-encoded, differs in http/https or a trailing slash, or is another page (an SPA route change, the landing URL iOS keeps for history-mode routes, the URL before the OAuth redirect).'),
      c('wx.config 的 nonceStr、timestamp 与签名时用的不同（例如签名用毫秒、wx.config 用秒），或签名串里把 noncestr 写成了 nonceStr。', 'wx.config\'s nonceStr or timestamp differs from the signed ones (e.g. milliseconds signed, seconds configured), or the signed string says nonceStr instead of noncestr.'),
      c('签的不是当前有效的 jsapi_ticket：用了 access_token、已过期的 ticket（有效期内重新获取拿到同一个 ticket，expires_in 却又是 7200，缓存按它重新计时就会用过期），或另一个 appid 的 ticket。', 'The ticket signed is not the live jsapi_ticket: the access_token was signed, or a ticket past its end (a fetch within its life returns the same ticket with expires_in 7200 again, so a cache that restarts its clock on it outlives it), or another appid\'s.'),
    ],
    fixes: [
      c('用 `wxauth jssdk verify --url <页面> --signature … --timestamp … --nonce …` 重算签名，它会指出是哪一种错误。', 'Run `wxauth jssdk verify --url <page> --signature … --timestamp … --nonce …`: it recomputes the signature and names the mistake.'),
      c('页面用 location.href.split(\'#\')[0] 取 URL，encodeURIComponent 后发给服务端，服务端解码后签名；时间戳用秒；全局缓存 jsapi_ticket。', 'Take the URL with location.href.split(\'#\')[0], send it encodeURIComponent-ed, decode and sign it on the server; timestamps in seconds; cache the jsapi_ticket globally.'),
    ],
    doc: JSSDK_DOC,
    keywords: ['invalid signature', 'config:invalid signature', 'config:fail,error: invalid signature', 'wx.config', 'jssdk', 'js-sdk', '签名错误', '签名无效', '无效的签名'],
  },
  {
    code: 40048,
    stages: ['jssdk'],
    endpoints: [JSSDK_CONFIG],
    causes: [
      c('页面的域名不在公众号后台的「JS接口安全域名」里（绑定上级域名可覆盖子域名）。', 'The page\'s domain is not among the account\'s JS接口安全域名 (JS-safe domains); a bound parent domain covers its subdomains.'),
      c('页面用了 80/443 以外的端口：JS-SDK 页面只能用默认端口，后台也不填端口。', 'The page uses a port other than 80/443: JS-SDK pages use default ports only, and the console takes no port.'),
      c('后台填成了 URL（带 http(s):// 或路径），或域名的备案信息还没同步（次日再绑定）。', 'The console entry is a URL (with http(s):// or a path), or the domain\'s ICP record has not synced yet (bind it the next day).'),
    ],
    fixes: [
      c('在「设置与开发 → 公众号设置 → 功能设置 → JS接口安全域名」添加页面的域名（不带协议和端口）。', 'Add the page\'s domain (no scheme, no port) under 设置与开发 → 公众号设置 → 功能设置 → JS接口安全域名.'),
      c('`wxauth config set jsDomains a.com,b.com` 后用 `wxauth jssdk verify` 检查页面域名。', 'Set `wxauth config set jsDomains a.com,b.com`, then `wxauth jssdk verify` checks the page\'s host.'),
      c('绑定域名时要把后台给的 MP_verify_xxx.txt 放到该域名根目录；`wxauth doctor --verify-file MP_verify_xxx.txt` 会检查每个 jsDomains 域名能否取到它。', 'Binding a domain takes the console\'s MP_verify_xxx.txt at that domain\'s root; `wxauth doctor --verify-file MP_verify_xxx.txt` checks that each jsDomains host serves it.'),
    ],
    doc: JSSDK_DOC,
    keywords: ['invalid url domain', 'config:invalid url domain', 'url domain', 'js接口安全域名', 'jssdk', 'js-sdk', 'wx.config'],
  },
];

export const PAGES: PageEntry[] = [
  {
    id: 'redirect-uri-param',
    texts: ['redirect_uri 参数错误', 'redirect_uri参数错误'],
    code: 10003,
    related: [10003, 10011],
    meaning: {
      zh: '页面提示「redirect_uri 参数错误」：微信不接受这个回调地址。PC 微信用这句话显示手机上的 10003（域名与后台配置不一致）。',
      en: 'The page says "redirect_uri 参数错误" (redirect_uri parameter error): WeChat rejects the callback URL. PC WeChat shows mobile\'s 10003 (domain mismatch) with these words.',
    },
    endpoints: [AUTHORIZE, QRCONNECT],
    causes: [
      c('redirect_uri 的主机名与配置的回调域名不完全一致（公众号：网页授权域名；网站应用：授权回调域）。', 'The redirect_uri host does not exactly equal the configured callback domain (网页授权域名 for Official Accounts, 授权回调域 for website apps).'),
      c('redirect_uri 带了端口，例如 smart.test.cn:8101；正式号和网站应用只接受默认端口。', 'The redirect_uri has a port, e.g. smart.test.cn:8101; production accounts and website apps accept default ports only.'),
      c('redirect_uri 没有编码、编码了两次，或缺少 http(s):// 协议头。', 'The redirect_uri is not encoded, encoded twice, or lacks its http(s):// scheme.'),
      c('配置的回调域名写成了 URL（带协议或路径）。', 'The configured callback domain was entered as a URL (with scheme or path).'),
    ],
    fixes: [
      c('让配置的域名与 redirect_uri 的主机名逐字相同，去掉端口，redirect_uri 整体 encodeURIComponent 一次。', 'Make the configured domain and the redirect_uri host identical, drop the port, and encodeURIComponent the redirect_uri once.'),
      c('用 `wxauth inspect <url>` 检查链接。', 'Check the URL with `wxauth inspect <url>`.'),
    ],
    doc: DOC.troubleshooting,
  },
  // API-FACTS §1.5: a page of its own, with no code (10005 is 此公众号并没有这些scope的权限, another page;
  // the emulator shows this one with none).
  {
    id: 'scope-error',
    texts: ['Scope 参数错误或没有 Scope 权限', 'scope参数错误或没有scope权限', 'scope 参数错误'],
    related: [10005, 10016],
    meaning: {
      zh: '页面提示「Scope 参数错误或没有 Scope 权限」：scope 与端点、账号类型不匹配，或链接格式不对。',
      en: 'The page says "Scope 参数错误或没有 Scope 权限" (scope parameter wrong or no scope permission): the scope does not fit the endpoint or account type, or the URL is malformed.',
    },
    endpoints: [AUTHORIZE, QRCONNECT],
    causes: [
      c('账号类型与端点不匹配：网站应用的 appid 在微信内走了 /connect/oauth2/authorize，或公众号 appid 走了 /connect/qrconnect。', 'Account type and endpoint do not match: a website app\'s appid on /connect/oauth2/authorize inside WeChat, or an Official Account appid on /connect/qrconnect.'),
      c('scope 不对：qrconnect 只能用 snsapi_login，oauth2/authorize 只能用 snsapi_base 或 snsapi_userinfo。', 'Wrong scope: qrconnect takes only snsapi_login; oauth2/authorize only snsapi_base or snsapi_userinfo.'),
      c('参数顺序不对：微信按 appid、redirect_uri、response_type、scope、state 的顺序严格匹配链接。', 'Parameter order: WeChat matches the URL strictly in the order appid, redirect_uri, response_type, scope, state.'),
      c('回调域名配置不对，或该号的 snsapi_userinfo 权限被封禁。', 'The callback domain is misconfigured, or the account\'s snsapi_userinfo permission is banned.'),
    ],
    fixes: [
      c('微信内用公众号 appid + /connect/oauth2/authorize；PC 扫码用网站应用 appid + /connect/qrconnect + snsapi_login。', 'Inside WeChat: Official Account appid + /connect/oauth2/authorize; PC QR login: website app appid + /connect/qrconnect + snsapi_login.'),
      c('用 `wxauth url` 按正确顺序生成链接，用 `wxauth inspect` 检查现有链接。', 'Build the URL in the right order with `wxauth url`; check an existing one with `wxauth inspect`.'),
    ],
    doc: DOC.troubleshooting,
  },
  // API-FACTS §1.5, §2.1: the generic page, with no code (a wrong parameter of any kind).
  {
    id: 'link-unreachable',
    texts: ['该链接无法访问'],
    related: [10003, 10005],
    meaning: {
      zh: '页面提示「该链接无法访问」：授权链接的参数有误，微信没有给出具体错误码。',
      en: 'The page says "该链接无法访问" (this link cannot be accessed): a parameter of the authorize URL is wrong, and WeChat gives no specific code.',
    },
    endpoints: [QRCONNECT, AUTHORIZE],
    causes: [
      c('redirect_uri 的域名与审核时填写的授权回调域不一致。', 'The redirect_uri domain differs from the callback domain registered for the app.'),
      c('网站应用的 scope 不是 snsapi_login。', 'A website app\'s scope is not snsapi_login.'),
      c('其他参数写错：appid 不对、缺参数、redirect_uri 没编码。', 'Another parameter is wrong: bad appid, a missing parameter, an unencoded redirect_uri.'),
    ],
    fixes: [
      c('用 `wxauth inspect <url>` 逐项检查参数，对照开放平台里该应用的授权回调域。', 'Check each parameter with `wxauth inspect <url>` against the callback domain registered on the Open Platform.'),
    ],
    doc: DOC.qrconnect,
  },
  // API-FACTS §1.5 (folk knowledge, not re-verified there): an official account's authorize link opened
  // outside WeChat. No errcode; wxauth url says the same when it prints such a link.
  {
    id: 'open-in-wechat',
    texts: ['请在微信客户端打开链接'],
    related: [],
    meaning: {
      zh: '页面提示「请在微信客户端打开链接」：公众号的网页授权链接（/connect/oauth2/authorize）只能在微信里打开。',
      en: 'The page says "请在微信客户端打开链接" (open the link in the WeChat client): an official account\'s authorize link (/connect/oauth2/authorize) only works inside WeChat.',
    },
    endpoints: [AUTHORIZE],
    causes: [
      c('在电脑或手机的普通浏览器里打开了公众号的授权链接。', 'The official account\'s authorize link was opened in an ordinary browser, on a computer or a phone.'),
      c('想在电脑上做扫码登录，却用了公众号的 /connect/oauth2/authorize：电脑网站扫码登录要用网站应用的 /connect/qrconnect（snsapi_login）。', 'A QR login on a computer was meant, but the official account\'s /connect/oauth2/authorize was used: QR login for websites is a website app\'s /connect/qrconnect (snsapi_login).'),
    ],
    fixes: [
      c('在手机微信里打开链接：`wxauth url` 会在终端画出二维码，用微信扫一扫。', 'Open the link in phone WeChat: `wxauth url` draws it as a QR code in the terminal to scan.'),
      c('在电脑上调试：用微信开发者工具的「公众号网页」模式（需先把你的微信号绑定为该公众号的网页开发者）。', 'To debug on a computer: WeChat DevTools (微信开发者工具) in its 公众号网页 mode (your WeChat account bound as the account\'s web developer first).'),
      c('不用真实微信测试整个流程：`wxauth demo`，或 `wxauth emulator` 加 `wxauth login`。', 'To test the whole flow without real WeChat: `wxauth demo`, or `wxauth emulator` with `wxauth login`.'),
    ],
    doc: DOC.authorize,
  },
  // JS-SDK messages without a number of their own (JSSDK-FACTS §3). `code` is the numbered code of the
  // closest condition: 48001 (the account lacks the API right), 63002 (wx.config has not succeeded).
  {
    id: 'jssdk-permission-denied',
    stage: 'jssdk',
    texts: ['config:permission denied', 'permission denied'],
    code: 48001,
    related: [48001],
    meaning: {
      zh: 'JS-SDK 提示「permission denied」：这个公众号没有该接口的权限，或接口不在 wx.config 的 jsApiList 里。',
      en: 'The JS-SDK says "permission denied": the account has no right to this API, or the API is not in wx.config\'s jsApiList.',
    },
    endpoints: [JSSDK_CONFIG],
    causes: [
      c('账号没有该接口权限：部分接口要求认证，未认证的订阅号无法使用分享等接口。', 'The account lacks the API right: some APIs need a verified account; unverified subscription accounts cannot use the share APIs.'),
      c('调用的接口没有写进 wx.config 的 jsApiList。', 'The API called is not listed in wx.config\'s jsApiList.'),
    ],
    fixes: [
      c('在公众号后台「接口权限」确认该接口已获得；把它加入 jsApiList。', 'Check the API under 接口权限 (API rights) in the console, and add it to jsApiList.'),
    ],
    doc: JSSDK_DOC,
  },
  {
    id: 'jssdk-offline-verifying',
    stage: 'jssdk',
    texts: ['the permission value is offline verifying', 'permission value is offline verifying'],
    code: 63002,
    related: [63002],
    meaning: {
      zh: 'JS-SDK 提示「the permission value is offline verifying」：接口在 wx.config 验证成功之前被调用，或 wx.config 没有成功。',
      en: 'The JS-SDK says "the permission value is offline verifying": an API was called before wx.config succeeded, or wx.config failed.',
    },
    endpoints: [JSSDK_CONFIG],
    causes: [
      c('页面加载时就调用的接口没有放在 wx.ready 回调里，wx.config 的验证还没完成。', 'An API called on page load is not inside wx.ready, so wx.config has not finished verifying.'),
      c('wx.config 本身失败了（通常是 invalid signature），或接口不在 jsApiList 里。', 'wx.config itself failed (usually invalid signature), or the API is not in jsApiList.'),
      c('支付等接口在真机微信以外的环境（开发者工具、普通浏览器）调用。', 'A payment API ran outside a real WeChat client (the devtools, a plain browser).'),
    ],
    fixes: [
      c('把调用放进 wx.ready(function () { … })；打开 debug: true 看 wx.config 的结果；签名问题用 `wxauth jssdk verify` 查。', 'Move the calls into wx.ready(function () { … }); set debug: true to see wx.config\'s result; check a signature with `wxauth jssdk verify`.'),
    ],
    doc: JSSDK_DOC,
  },
  // JSSDK-FACTS §3 table (OA JS-SDK doc 附录5 常见错误, [DOC-copy]): `function not exist` — cause: the client
  // version is too old. No numbered code is known for it, so none is related.
  {
    id: 'jssdk-function-not-exist',
    stage: 'jssdk',
    texts: ['function not exist'],
    related: [],
    meaning: {
      zh: 'JS-SDK 提示「function not exist」：当前微信客户端版本不支持这个接口（附录5）。',
      en: 'The JS-SDK says "function not exist": this WeChat client version does not support the API (appendix 5).',
    },
    endpoints: [JSSDK_CONFIG],
    causes: [c('用户的微信版本太旧，还没有这个接口。', "The user's WeChat client is too old to have this API.")],
    fixes: [c('请用户把微信升级到支持该接口的版本。', 'Have the user update WeChat to a version that has the API.')],
    doc: JSSDK_DOC,
  },
  // The JS-SDK reports success as `<api>:ok` (`config:ok` is what debug: true alerts after wx.config
  // passes; `checkJsApi:ok`, `chooseImage:ok`…): pasted from an alert or a success callback, it is not
  // an error, and "No errcode matches" read as if it were an unknown one.
  {
    id: 'jssdk-ok',
    stage: 'jssdk',
    texts: ['config:ok'],
    exact: true,
    pattern: '^\\s*\\w+\\s*:\\s*ok\\s*$',
    related: [],
    meaning: {
      zh: 'JS-SDK 的「…:ok」表示调用成功，不是错误。',
      en: 'A JS-SDK "…:ok" means the call succeeded: it is not an error.',
    },
    endpoints: [JSSDK_CONFIG],
    causes: [
      c('调用成功：config:ok 是 wx.config 通过了签名、域名和参数的校验（debug: true 时弹出）；其他「接口名:ok」来自该接口的 success 回调。', 'The call succeeded: config:ok is wx.config passing its signature, domain and parameter checks (debug: true alerts it); any other "<api>:ok" comes from that API\'s success callback.'),
    ],
    fixes: [
      c('这里没什么要修。如果之后的接口仍然失败，查那个接口的 fail 回调或 wx.error 里的 errMsg（例如 chooseImage:fail…），再用 wxauth errcode 查那段文字。', 'Nothing to fix here. If a later API still fails, take the errMsg from its fail callback or wx.error (chooseImage:fail…) and look that text up with wxauth errcode.'),
      c('接口在 config:ok 之前被调用会失败：把页面加载时的调用放进 wx.ready(function () { … })。', 'An API called before config:ok fails: put calls made on page load inside wx.ready(function () { … }).'),
    ],
    doc: JSSDK_DOC,
  },
  // JSSDK-FACTS §3 table (附录5 [DOC-copy]): a bare `config:fail` — incomplete parameters. With ",Error: …"
  // after it the reason is that text (invalid signature, invalid url domain…), hence `exact`.
  {
    id: 'jssdk-config-fail',
    stage: 'jssdk',
    texts: ['config:fail'],
    exact: true,
    related: [],
    meaning: {
      zh: 'wx.config 只返回「config:fail」：参数不全（附录5）。',
      en: 'wx.config answered a bare "config:fail": its parameters are incomplete (appendix 5).',
    },
    endpoints: [JSSDK_CONFIG],
    causes: [c('wx.config 少了参数或参数为空：appId、timestamp、nonceStr、signature、jsApiList 缺一不可。', 'wx.config lacks a parameter or has an empty one: appId, timestamp, nonceStr, signature and jsApiList are all required.')],
    fixes: [
      c('打开 debug: true，确认五个参数都有值（服务端接口是否真的返回了它们，字段名是否写对，例如 nonceStr 而不是 noncestr）。', 'Set debug: true and check that all five have values (did the server endpoint really return them, are the names right, e.g. nonceStr not noncestr).'),
      c('如果 config:fail 后面还有「,Error: …」，真正的原因在后面那段（invalid signature、invalid url domain…）：用 wxauth errcode 查那段文字。', 'If config:fail is followed by ",Error: …", the reason is that part (invalid signature, invalid url domain…): look that text up with wxauth errcode.'),
    ],
    doc: JSSDK_DOC,
  },
  // JSSDK-FACTS §3 table (附录5 [DOC-copy]): `require subscribe` — test accounts only. 43004 ("require
  // subscribe", 需要接收者关注) is the API's code for the same condition.
  {
    id: 'jssdk-require-subscribe',
    stage: 'jssdk',
    texts: ['require subscribe'],
    exact: true,
    code: 43004,
    related: [43004],
    meaning: {
      zh: 'JS-SDK 提示「require subscribe」：测试号上，调试的微信号没有关注这个测试号（附录5）。',
      en: 'The JS-SDK says "require subscribe": on a test account, the WeChat user testing the page has not followed the test account (appendix 5).',
    },
    endpoints: [JSSDK_CONFIG],
    causes: [c('只在测试号上出现：打开页面的微信号没有关注测试号。', 'Only on test accounts: the WeChat user opening the page does not follow the test account.')],
    fixes: [c('用这个微信号扫测试号管理页上的「测试号二维码」关注它，然后重新打开页面。', 'Scan the test account QR code on the test-account page with that WeChat user to follow it, then open the page again.')],
    doc: JSSDK_DOC,
  },
];

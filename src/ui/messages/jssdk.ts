import type { MessageSection } from './types.js';

// Messages of `wxauth jssdk` (issue 17): the jsapi_ticket, wx.config signing, and the diagnosis of a
// refused signature. Facts behind the wording: ../shared/wechat/JSSDK-FACTS.md §1–§3.
export const messages = {
  // ── help ──────────────────────────────────────────────────────────────────────────────────────
  'cli.jssdk.desc': {
    zh: '公众号 JS-SDK：获取 jsapi_ticket、为页面签名、查出 wx.config 报 invalid signature 的原因',
    en: 'Official Account JS-SDK: get the jsapi_ticket, sign a page, find why wx.config says invalid signature',
  },
  'cli.jssdk.examples': {
    zh: 'wxauth jssdk ticket\nwxauth jssdk sign "https://h5.example.com/shop?id=1#/cart"\nwxauth jssdk verify --url "http://mp.weixin.qq.com/?params=value" --ticket sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg --signature f50191877b62b116ef830363a3a613ed652a2d5d --timestamp 1414587457 --nonce Wm3WZYTPz0wzccnW\nwxauth config set jsDomains h5.example.com,example.com',
    en: 'wxauth jssdk ticket\nwxauth jssdk sign "https://h5.example.com/shop?id=1#/cart"\nwxauth jssdk verify --url "http://mp.weixin.qq.com/?params=value" --ticket sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg --signature f50191877b62b116ef830363a3a613ed652a2d5d --timestamp 1414587457 --nonce Wm3WZYTPz0wzccnW\nwxauth config set jsDomains h5.example.com,example.com',
  },
  'cli.jssdk.ticket.desc': {
    zh: '获取 jsapi_ticket（GET /cgi-bin/ticket/getticket?type=jsapi，经缓存的基础 access_token），连同过期时间一起缓存',
    en: 'Get the jsapi_ticket (GET /cgi-bin/ticket/getticket?type=jsapi, through the cached basic access_token) and cache it with its expiry',
  },
  'cli.jssdk.ticket.opt.show': { zh: '只显示缓存的 ticket，不请求微信', en: 'show the cached ticket without calling WeChat' },
  'cli.jssdk.ticket.opt.refresh': { zh: '不用缓存，向微信重新获取（有效期内微信通常返回同一张）', en: 'ask WeChat again instead of using the cache (within its life WeChat usually returns the same ticket)' },
  'cli.jssdk.ticket.examples': {
    zh: 'wxauth jssdk ticket\nwxauth jssdk ticket --show --json\nwxauth jssdk ticket --refresh',
    en: 'wxauth jssdk ticket\nwxauth jssdk ticket --show --json\nwxauth jssdk ticket --refresh',
  },
  'jssdk.ticketStdin.tty': { zh: '{flag} - 从管道读取 jsapi_ticket，但标准输入是终端。', en: '{flag} - reads the jsapi_ticket from a pipe, but stdin is a terminal.' },
  'jssdk.ticketStdin.empty': { zh: '{flag} - 没有从标准输入读到 jsapi_ticket（第一行是空的）。', en: '{flag} - read no jsapi_ticket from stdin (its first line is empty).' },
  'jssdk.ticketStdin.hint': {
    zh: '把它用管道传进来，例如 printf %s "$JSAPI_TICKET" | {command}；在终端上直接把 ticket 写在 - 的位置。',
    en: 'Pipe it in, e.g. printf %s "$JSAPI_TICKET" | {command}; on a terminal, give the ticket itself in place of -.',
  },
  'jssdk.ticket.isSecret': { zh: '--ticket 给出的是这个 profile 的 AppSecret，不是 jsapi_ticket。', en: 'The --ticket given is this profile’s AppSecret, not a jsapi_ticket.' },
  'jssdk.ticket.looksLikeSecret': {
    zh: '--ticket 给出的是 32 位十六进制数，像 AppSecret，不像 jsapi_ticket（86 个字符，字母、数字、- 和 _）。',
    en: 'The --ticket given is 32 hex digits, the shape of an AppSecret, not of a jsapi_ticket (86 characters of letters, digits, - and _).',
  },
  'jssdk.ticket.isSecret.hint': {
    zh: 'jsapi_ticket 用基础 access_token 调 getticket 获取：wxauth{p} jssdk ticket 会打印它；用服务端实际签名用的那张。',
    en: 'A jsapi_ticket comes from getticket with the basic access_token: wxauth{p} jssdk ticket prints it; give the one your server signed with.',
  },
  'jssdk.ticket.char': {
    zh: '--ticket 给出的不是 jsapi_ticket：ticket 只由字母、数字、- 和 _ 组成（微信给的是 86 个字符），这里第 {position} 个字符是 {char}。',
    en: 'The --ticket given is not a jsapi_ticket: a ticket is letters, digits, - and _ only (86 of them from WeChat); character {position} here is {char}.',
  },
  'jssdk.ticket.blank': {
    zh: '--ticket 给出的不是 jsapi_ticket：ticket 只由字母、数字、- 和 _ 组成（微信给的是 86 个字符），这里第 {position} 个字符是{what}。',
    en: 'The --ticket given is not a jsapi_ticket: a ticket is letters, digits, - and _ only (86 of them from WeChat); character {position} here is {what}.',
  },
  'jssdk.ticket.unquoted': {
    zh: '--ticket 两边的引号（{open}…{close}）不是 ticket 的一部分，已去掉。',
    en: 'The quotes around --ticket ({open}…{close}) are not part of a ticket: dropped.',
  },
  'jssdk.ticket.json': {
    zh: '--ticket 给出的是 getticket 返回的整段 JSON，不是 ticket 本身。',
    en: 'The --ticket given is getticket’s whole JSON answer, not the ticket itself.',
  },
  'jssdk.ticket.json.hint': {
    zh: '只传它的 ticket 字段，例如：curl … | jq -r .ticket | wxauth jssdk … --ticket -',
    en: 'Give its ticket field alone, e.g. curl … | jq -r .ticket | wxauth jssdk … --ticket -',
  },
  'jssdk.ticket.errorBody': {
    zh: '--ticket 给出的是 getticket 的错误应答（errcode {errcode}），里面没有 ticket：用它签出的签名微信一律不认。',
    en: 'The --ticket given is getticket’s error answer (errcode {errcode}), which holds no ticket: nothing signed with it is ever accepted.',
  },
  'jssdk.ticket.errorBody.hint': {
    zh: 'wxauth errcode {errcode} 说明原因和解决办法；服务端在 getticket 失败时不要继续签名。',
    en: 'wxauth errcode {errcode} says why and what to do; the server should not sign when getticket fails.',
  },
  'jssdk.ticket.showRefresh': { zh: '--show 和 --refresh 不能一起用。', en: '--show and --refresh cannot be used together.' },
  'jssdk.ticket.showRefresh.hint': {
    zh: '--show 只看缓存、不请求微信；--refresh 跳过缓存向微信重新获取。二选一。',
    en: '--show reads the cache without calling WeChat; --refresh skips the cache and asks WeChat. Pick one.',
  },
  'cli.jssdk.sign.desc': {
    zh: '为页面 URL 生成 wx.config 签名：时间戳（秒）、nonceStr、被哈希的字符串、签名和可直接粘贴的 wx.config',
    en: 'Sign a page URL for wx.config: timestamp (seconds), nonceStr, the string hashed, the signature and a ready wx.config snippet',
  },
  'cli.jssdk.sign.opt.ticket': { zh: '用这个 jsapi_ticket 签名（不请求微信；- 表示从管道读取）', en: 'sign with this jsapi_ticket (no call to WeChat; - reads it from a pipe)' },
  'cli.jssdk.sign.opt.timestamp': { zh: '指定时间戳（秒），默认当前时间', en: 'the timestamp in seconds (default: now)' },
  'cli.jssdk.sign.opt.nonce': { zh: '指定 nonceStr，默认随机 16 位', en: 'the nonceStr (default: 16 random characters)' },
  'cli.jssdk.sign.opt.api': {
    zh: 'wx.config 片段里的 jsApiList（逗号分隔），默认 updateAppMessageShareData,updateTimelineShareData',
    en: 'the jsApiList of the snippet (comma-separated; default updateAppMessageShareData,updateTimelineShareData)',
  },
  'cli.jssdk.sign.opt.exactUrl': {
    zh: '按给出的 URL 逐字签名，不换成 location.href 的形式（用于复现官方示例或服务端的字符串；页面用的签名不要加它）',
    en: 'sign the URL exactly as given, not in its location.href form (to reproduce a test vector or a server\'s string; not for a page\'s wx.config)',
  },
  'cli.jssdk.sign.examples': {
    zh: 'wxauth jssdk sign "https://h5.example.com/shop?id=1"\nwxauth jssdk sign "https://h5.example.com/#/order" --api chooseImage,scanQRCode --json\nwxauth jssdk sign "http://mp.weixin.qq.com?params=value" --exact-url --ticket sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg --timestamp 1414587457 --nonce Wm3WZYTPz0wzccnW\nprintf %s "$JSAPI_TICKET" | wxauth jssdk sign "https://h5.example.com/shop?id=1" --ticket -',
    en: 'wxauth jssdk sign "https://h5.example.com/shop?id=1"\nwxauth jssdk sign "https://h5.example.com/#/order" --api chooseImage,scanQRCode --json\nwxauth jssdk sign "http://mp.weixin.qq.com?params=value" --exact-url --ticket sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg --timestamp 1414587457 --nonce Wm3WZYTPz0wzccnW\nprintf %s "$JSAPI_TICKET" | wxauth jssdk sign "https://h5.example.com/shop?id=1" --ticket -',
  },
  'cli.jssdk.verify.desc': {
    zh: '重新计算签名；不一致时逐一尝试常见错误，指出是哪一个；并检查页面域名是否在 JS接口安全域名里',
    en: 'Recompute a signature; on mismatch try each known mistake and name the one that reproduces it; check the page host against the JS-safe domains',
  },
  'cli.jssdk.verify.opt.url': { zh: '调用 JS 接口的页面 URL（location.href）', en: 'the URL of the page calling the JS APIs (location.href)' },
  'cli.jssdk.verify.opt.signature': { zh: 'wx.config 里的 signature', en: 'the signature in wx.config' },
  'cli.jssdk.verify.opt.timestamp': { zh: 'wx.config 里的 timestamp', en: 'the timestamp in wx.config' },
  'cli.jssdk.verify.opt.nonce': { zh: 'wx.config 里的 nonceStr', en: 'the nonceStr in wx.config' },
  'cli.jssdk.verify.opt.ticket': { zh: '用这个 jsapi_ticket 验证（默认用缓存或新获取的；- 表示从管道读取）', en: 'verify with this jsapi_ticket (default: the cached or a fetched one; - reads it from a pipe)' },
  'cli.jssdk.verify.opt.landingUrl': {
    zh: '用户首次进入的 URL（iOS 上 history 路由的单页应用要用它签名）',
    en: 'the URL the user first landed on (what iOS WeChat verifies for history-mode SPAs)',
  },
  'cli.jssdk.verify.examples': {
    zh: 'wxauth jssdk verify --url "http://mp.weixin.qq.com/?params=value" --ticket sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg --signature f50191877b62b116ef830363a3a613ed652a2d5d --timestamp 1414587457 --nonce Wm3WZYTPz0wzccnW\nwxauth jssdk verify "wx.config({appId:\'wx1234567890abcdef\',timestamp:1414587457,nonceStr:\'Wm3WZYTPz0wzccnW\',signature:\'0f9de62fce790f9a083d5c99e95740ceb90c27ed\',jsApiList:[\'chooseImage\']})" --url "http://mp.weixin.qq.com/?params=value" --ticket sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg   # 微信文档的示例签的是不带 / 的地址：指出 as-written\nwxauth jssdk verify --url "https://h5.example.com/order/2" --landing-url "https://h5.example.com/" --signature f50191877b62b116ef830363a3a613ed652a2d5d --timestamp 1414587457 --nonce Wm3WZYTPz0wzccnW   # history 模式的单页应用：iOS 用首次进入的地址验签',
    en: 'wxauth jssdk verify --url "http://mp.weixin.qq.com/?params=value" --ticket sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg --signature f50191877b62b116ef830363a3a613ed652a2d5d --timestamp 1414587457 --nonce Wm3WZYTPz0wzccnW\nwxauth jssdk verify "wx.config({appId:\'wx1234567890abcdef\',timestamp:1414587457,nonceStr:\'Wm3WZYTPz0wzccnW\',signature:\'0f9de62fce790f9a083d5c99e95740ceb90c27ed\',jsApiList:[\'chooseImage\']})" --url "http://mp.weixin.qq.com/?params=value" --ticket sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg   # WeChat’s docs sample signs the URL without its /: named as-written\nwxauth jssdk verify --url "https://h5.example.com/order/2" --landing-url "https://h5.example.com/" --signature f50191877b62b116ef830363a3a613ed652a2d5d --timestamp 1414587457 --nonce Wm3WZYTPz0wzccnW   # a history-mode SPA: iOS verifies the URL it was first loaded with',
  },

  // ── usage ─────────────────────────────────────────────────────────────────────────────────────
  'jssdk.usage.timestamp': { zh: '{flag} 应是整数秒，收到的是 {value}。', en: '{flag} must be whole seconds; got {value}.' },
  'jssdk.usage.timestamp.hint': {
    zh: '微信要的是秒（10 位），例如 Math.floor(Date.now() / 1000)。',
    en: 'WeChat wants seconds (10 digits), e.g. Math.floor(Date.now() / 1000).',
  },
  'jssdk.usage.empty': { zh: '{flag} 是空的。', en: '{flag} is empty.' },
  'jssdk.usage.empty.hint': {
    zh: '给 {flag} 一个值，或者去掉这个选项（sign 会用当前时间和随机 16 位 nonceStr）；wx.config 里的这些字段不能为空。',
    en: 'Give {flag} a value, or leave the option out (sign then uses the current time and a random 16-character nonceStr); these wx.config fields cannot be empty.',
  },
  'jssdk.ticket.empty.hint': {
    zh: '给 --ticket 一个 jsapi_ticket，或者去掉这个选项：sign 和 verify 会用缓存里的 ticket，没有时向微信获取（与 wxauth jssdk ticket 相同）。',
    en: 'Give --ticket a jsapi_ticket, or leave the option out: sign and verify then use the cached ticket, or fetch one from WeChat (as wxauth jssdk ticket does).',
  },
  'jssdk.usage.emptyApi': { zh: '--api 没有给出任何接口名（收到的是 {value}），wx.config 的 jsApiList 会是空的。', en: '--api names no API (got {value}): the wx.config’s jsApiList would be empty.' },
  'jssdk.usage.emptyApi.hint': {
    zh: 'jsApiList 要列出页面调用的接口，没列出的调用会报 permission denied：用逗号分隔写出它们，例如 --api updateAppMessageShareData,chooseImage；或者去掉 --api，片段里用分享接口 {defaults}。',
    en: 'jsApiList must list the APIs the page calls (a call not listed fails with permission denied): give them comma-separated, e.g. --api updateAppMessageShareData,chooseImage; or leave --api out for the share APIs {defaults}.',
  },
  'jssdk.usage.verifyMissing': { zh: '缺少 {flags}。', en: 'Missing {flags}.' },
  'jssdk.usage.verifyMissing.errMsg.hint': {
    zh: '粘贴的是 wx.error 的结果（errMsg：{errMsg}），不是被拒的 wx.config：把传给 wx.config 的对象（含 signature、timestamp、nonceStr）粘贴进来，或用选项给出这三项；这条 errMsg 的含义用 wxauth errcode "{errMsg}" 查。',
    en: 'What was pasted is wx.error’s result (errMsg: {errMsg}), not the wx.config it refused: paste the object given to wx.config (with signature, timestamp and nonceStr), or give those three as options; wxauth errcode "{errMsg}" explains the errMsg itself.',
  },
  'jssdk.usage.verifyMissing.hint': {
    zh: '给出页面的 --url，以及 wx.config 的 signature、timestamp、nonceStr（用选项，或把整段 wx.config({...}) 作为参数粘贴进来）。',
    en: 'Give the page --url, and the wx.config signature, timestamp and nonceStr (as options, or paste the whole wx.config({...}) as an argument).',
  },
  'jssdk.usage.url': { zh: '{url} 不是 http(s) 开头的完整 URL。', en: '{url} is not a full http(s) URL.' },
  'jssdk.usage.url.hint': {
    zh: '签名用的是调用 JS 接口页面的完整 URL：协议、域名、路径和查询参数，例如 https://h5.example.com/shop?id=1。',
    en: 'The signature covers the full URL of the page calling the JS APIs: scheme, host, path and query, e.g. https://h5.example.com/shop?id=1.',
  },

  // ── settings ──────────────────────────────────────────────────────────────────────────────────
  'jssdk.invalid.jsDomains': { zh: '{name} 里的 {entry} 不是域名。', en: '{entry} in {name} is not a domain.' },
  'jssdk.invalid.jsDomains.url': { zh: '{name} 里的 {entry} 是完整网址，这里只填域名。', en: '{entry} in {name} is a whole URL; only its domain goes here.' },
  'jssdk.invalid.jsDomains.url.hint': { zh: '去掉协议和路径：{domains}。', en: 'Without the scheme and the path: {domains}.' },
  'jssdk.invalid.jsDomains.url.port.hint': {
    zh: '去掉协议、端口和路径：{type}的 JS接口安全域名只填域名、不能带端口，网页要在 443 或 80 端口上提供：{domains}。',
    en: 'Without the scheme, the port and the path: a {type}’s JS-safe domains are entered without a port, and the page is then served on port 443 or 80: {domains}.',
  },
  'jssdk.invalid.jsDomains.path': {
    zh: '{name} 里的 {entry} 带了路径；JS接口安全域名只填域名：微信按页面的域名校验，填了域名，它下面所有路径的页面都能用 JS-SDK。',
    en: '{entry} in {name} has a path; a JS-safe domain (JS接口安全域名) is a bare domain: WeChat checks the page’s domain only, so the domain covers the pages under every path.',
  },
  'jssdk.invalid.jsDomains.path.hint': { zh: '去掉路径，填：{domains}。', en: 'Enter it without the path: {domains}.' },
  'jssdk.invalid.jsDomains.path.port.hint': {
    zh: '去掉端口和路径：{type}的 JS接口安全域名只填域名、不能带端口，网页要在 443 或 80 端口上提供：{domains}。',
    en: 'Without the port and the path: a {type}’s JS-safe domains are entered without a port, and the page is then served on port 443 or 80: {domains}.',
  },
  'jssdk.invalid.jsDomains.empty': { zh: '{name} 是空的。', en: '{name} is empty.' },
  'jssdk.invalid.jsDomains.hint': {
    zh: '填公众号后台「JS接口安全域名」里的域名，逗号分隔，不带 http(s):// 和路径，例如：wxauth config set jsDomains h5.example.com,example.com',
    en: 'Enter the domains of the account\'s JS接口安全域名 (JS-safe domains), comma-separated, without http(s):// or a path, e.g. wxauth config set jsDomains h5.example.com,example.com',
  },

  'jssdk.invalid.jsDomains.website': {
    zh: '网站应用没有 JS-SDK，{name} 对它没有意义：JS接口安全域名属于公众号（服务号、订阅号、测试号），在公众号后台设置。',
    en: 'A website app has no JS-SDK, so {name} means nothing for it: JS-safe domains (JS接口安全域名) belong to an official account (service, subscription or test account) and are set in its console.',
  },
  'jssdk.invalid.jsDomains.website.hint': {
    zh: '在公众号的 profile 上设置，例如：wxauth --profile <公众号> config set jsDomains h5.example.com；网站应用扫码登录的回调域名是 domain。',
    en: 'Set it on the official account\'s profile, e.g. wxauth --profile <account> config set jsDomains h5.example.com; a website app\'s QR-login callback domain is domain.',
  },
  'jssdk.invalid.jsDomains.port': {
    zh: '{name} 里的 {entry} 带端口，只有测试号（test）能把带端口的地址填为 JS接口安全域名；{type}的 JS-SDK 页面只能在 80/443 端口，域名不带端口填写，否则页面会报 invalid url domain。',
    en: '{entry} in {name} has a port, which only a test account (测试号) can register as a JS-safe domain; a {type}’s JS-SDK pages are served on port 80/443 and the domain is entered without a port, or the page gets invalid url domain.',
  },
  'jssdk.invalid.jsDomains.port.hint': {
    zh: '改填 {host}（不带端口），让页面在 443 或 80 端口上提供（例如放在反向代理后面）；要用端口，请用测试号（type test）。',
    en: 'Enter {host} without the port and serve the page on port 443 or 80 (e.g. behind a reverse proxy); for a port, use a test account (type test).',
  },
  'jssdk.invalid.jsDomains.port.ip.hint': {
    zh: '{type}也不能把 IP 填为 JS接口安全域名：填公众号后台「JS接口安全域名」里登记的域名，页面在 443 或 80 端口上提供；要用 IP 和端口，请用测试号（type test）。',
    en: 'A {type} cannot register an IP as a JS-safe domain either: enter the domain name bound under JS接口安全域名 in the console, with the page served on port 443 or 80; for an IP and a port, use a test account (type test).',
  },
  'jssdk.invalid.jsDomains.ip': {
    zh: '{name} 里的 {entry} 是 IP 地址，只有测试号（test）能把 IP 填为 JS接口安全域名；{type}要填已备案的域名，否则页面会报 invalid url domain。',
    en: '{entry} in {name} is an IP address, which only a test account (测试号) can register as a JS-safe domain; a {type} needs a registered domain name, or the page gets invalid url domain.',
  },
  'jssdk.invalid.jsDomains.ip.hint': {
    zh: '填公众号后台「JS接口安全域名」里登记的域名；要用 IP，请用测试号（type test）。',
    en: 'Enter the domain name bound under JS接口安全域名 in the console; for an IP, use a test account (type test).',
  },

  // ── ticket ────────────────────────────────────────────────────────────────────────────────────
  'jssdk.ticket.fetched': { zh: '已从 {host} 获取 jsapi_ticket，还剩 {left}（{at} 过期），已缓存。', en: 'Got the jsapi_ticket from {host}: {left} left (expires {at}); cached.' },
  'jssdk.ticket.same': {
    zh: '微信返回的仍是缓存里那张 ticket：有效期内重复获取会得到同一张，expires_in 却总是 7200，所以保留了原来的过期时间。',
    en: 'WeChat returned the ticket already cached: within its life a re-fetch gives the same ticket with expires_in 7200 again, so its first expiry is kept.',
  },
  'jssdk.ticket.sameRestamped': {
    zh: '微信返回的仍是缓存里那张 ticket，但缓存记录的过期时间已经过了：微信仍在发它，所以按这次的 expires_in 重新计算过期时间。',
    en: 'WeChat returned the ticket already cached, after the cached expiry had passed: WeChat still hands it out, so its expiry was stamped afresh from this expires_in.',
  },
  'jssdk.ticket.cached': { zh: '使用缓存的 jsapi_ticket，还剩 {left}（{at} 过期），没有调用微信。', en: 'Using the cached jsapi_ticket: {left} left (expires {at}); WeChat was not called.' },
  'jssdk.ticket.cacheNote': {
    zh: '获取 jsapi_ticket 的次数很有限（约每天 1 万次）：服务端应全局缓存 ticket，不要每次请求都获取，也不要缓存签名。',
    en: 'Ticket fetches are few (about 10,000 a day): cache the ticket globally on the server, never fetch it per request, and never cache the signature.',
  },
  'jssdk.show.none': { zh: 'profile {profile} 没有 {appid} 的 jsapi_ticket 缓存。', en: 'No jsapi_ticket cached for {appid} in profile {profile}.' },
  'jssdk.show.expired': { zh: '{appid} 缓存的 jsapi_ticket 已过期（profile {profile}）。', en: 'The cached jsapi_ticket of {appid} has expired (profile {profile}).' },
  'jssdk.show.none.hint': { zh: '运行 wxauth jssdk ticket 获取一张。', en: 'Run wxauth jssdk ticket to get one.' },

  // ── the page URL ──────────────────────────────────────────────────────────────────────────────
  'jssdk.url.fragment': {
    zh: '已去掉 {fragment}：# 及其后的部分不参与签名（页面里用 location.href.split(\'#\')[0]）。',
    en: 'Dropped {fragment}: nothing from # on is signed (the page uses location.href.split(\'#\')[0]).',
  },
  'jssdk.url.decoded': {
    zh: '这个 URL 是 encodeURIComponent 编码过的，已解码一次再签名（服务端应先解码，再签解码后的 URL）。',
    en: 'The URL was encodeURIComponent-ed; it was decoded once before signing (the server must decode it, then sign the decoded URL).',
  },
  'jssdk.url.trimmed': { zh: '已去掉 URL 首尾的空白。', en: 'Removed whitespace around the URL.' },
  'jssdk.url.href.rules': {
    zh: '浏览器报告这个页面为 {to}（location.href：{rules}），签的就是它，而不是 {from}。',
    en: 'The browser reports this page as {to} (location.href: {rules}); that is what is signed, not {from}.',
  },
  'jssdk.url.rule.scheme-case': { zh: '协议小写', en: 'scheme in lower case' },
  'jssdk.url.rule.idn': { zh: '中文域名转成 punycode（xn--）', en: 'a non-ASCII host in punycode (xn--)' },
  'jssdk.url.rule.encoded': { zh: '空格等字符百分号编码', en: 'spaces and such percent-encoded' },
  'jssdk.url.rule.non-ascii': { zh: '非 ASCII 字符按 UTF-8 百分号编码', en: 'non-ASCII percent-encoded as UTF-8' },
  'jssdk.url.rule.host-case': { zh: '域名小写', en: 'host in lower case' },
  'jssdk.url.rule.default-port': { zh: '去掉默认端口', en: 'no default port' },
  'jssdk.url.rule.empty-path': { zh: '空路径写成 /', en: '/ for an empty path' },
  'jssdk.url.rule.dot-segments': { zh: '解析 . 和 .. 路径段', en: '. and .. segments resolved' },
  'jssdk.url.href': {
    zh: '浏览器报告这个页面为 {to}（location.href：非 ASCII 字符按 UTF-8 百分号编码、域名小写、去掉默认端口、空路径写成 /），签的就是它，而不是 {from}。',
    en: 'The browser reports this page as {to} (location.href: non-ASCII percent-encoded as UTF-8, host in lower case, no default port, / for an empty path); that is what is signed, not {from}.',
  },
  'jssdk.string1.masked': {
    zh: 'string1 里的 ticket 已打码；加 --show-secrets 显示完整的 string1，便于与服务端生成的 string1 逐字对比。',
    en: 'The ticket in string1 is masked; --show-secrets shows the full string1 to compare with your server\'s.',
  },
  'jssdk.moved.hint': {
    zh: 'JS-SDK 的命令（sign、verify、ticket）都在 wxauth jssdk 下：{command}',
    en: 'The JS-SDK commands (sign, verify, ticket) are under wxauth jssdk: {command}',
  },
  'jssdk.sign.urlFlag.hint': {
    zh: 'jssdk sign 的页面地址直接作为参数传入，没有 --url 选项（--url 是 jssdk verify 的）：{command}',
    en: 'jssdk sign takes the page URL as its argument, not as --url (that is jssdk verify’s): {command}',
  },
  'jssdk.sign.urlFlag.noUrl.hint': {
    zh: 'jssdk sign 的页面地址直接作为参数传入，没有 --url 选项（--url 是 jssdk verify 的）：{command} \'<页面地址>\'{rest}',
    en: 'jssdk sign takes the page URL as its argument, not as --url (that is jssdk verify’s): {command} \'<page-url>\'{rest}',
  },
  'jssdk.sign.exact': {
    zh: '按给出的 URL 逐字签名（--exact-url）：页面的 location.href 若与它不同，这个签名在页面上会失败。',
    en: 'Signed the URL exactly as given (--exact-url): if the page\'s location.href differs from it, this signature fails on the page.',
  },
  'jssdk.sign.websiteApp': {
    zh: 'profile {profile} 是网站应用（appid {appid}），网站应用没有 JS-SDK：wx.config 要用公众号（服务号、订阅号或测试号）的 appId 和它的 jsapi_ticket，这段 wx.config 在微信里不会成功。换成公众号的 profile 再签：wxauth --profile <公众号> jssdk sign …',
    en: 'Profile {profile} is a website app (appid {appid}), and a website app has no JS-SDK: wx.config takes an official account’s appId (service, subscription or test account) and its jsapi_ticket, so this wx.config does not succeed in WeChat. Sign with the official account’s profile: wxauth --profile <account> jssdk sign …',
  },
  'jssdk.sign.noAppid': {
    zh: '没有配置 appid：wx.config 片段里的 appId 是占位符 {placeholder}，换成获取这个 ticket 的公众号 appid。',
    en: 'No appid is configured: the snippet\'s appId is the placeholder {placeholder}; put the appid the ticket was fetched for.',
  },
  'jssdk.sign.unknownApi': {
    zh: 'jsApiList 里的 {name} 不在 JS-SDK 的接口列表（文档附录“所有JS接口列表”）里：已按原样写进片段；如果是拼错的名字，真正要用的接口就没有声明，调用时会报 permission denied。',
    en: '{name} in jsApiList is not in the JS-SDK’s list of APIs (the doc’s appendix of all JS APIs): it is kept in the snippet as given; if it is misspelt, the API you meant is not declared and calling it fails with permission denied.',
  },
  'jssdk.sign.unknownApi.suggest': {
    zh: 'jsApiList 里的 {name} 不在 JS-SDK 的接口列表里，是不是 {suggestion}？已按原样写进片段；接口名区分大小写，jsApiList 里没有逐字写出 {suggestion} 时，调用 wx.{suggestion} 会报 permission denied。',
    en: '{name} in jsApiList is not in the JS-SDK’s list of APIs: did you mean {suggestion}? It is kept in the snippet as given; names are case-sensitive, and unless jsApiList spells {suggestion} exactly, calling wx.{suggestion} fails with permission denied.',
  },
  'jssdk.sign.ticketCached': {
    zh: '用缓存的 jsapi_ticket 签名（按 wxauth 的计时还剩 {left}，未向微信核实）。微信若已不认它（ticket 从首次签发起 7200 秒失效，有效期内重新获取拿到的是同一个 ticket、expires_in 仍写 7200，缓存因此会比它活得久；或模拟器页面上点了“现在让它过期”），wx.config 会报 invalid signature：wxauth jssdk ticket --refresh 重新获取，或用 wxauth jssdk verify 核实。',
    en: 'Signed with the cached jsapi_ticket ({left} left by wxauth’s count; WeChat was not asked). If WeChat no longer takes it (a ticket ends 7200 s after it was first issued, and a fetch before then returns the same ticket with expires_in 7200 again, so a cache can outlive it; or the emulator’s Expire it now), wx.config says invalid signature: wxauth jssdk ticket --refresh gets it again, and wxauth jssdk verify checks with WeChat.',
  },
  'jssdk.sign.ticketOption': { zh: '用 --ticket 给出的 ticket 签名，没有调用微信。', en: 'Signed with the --ticket given; WeChat was not called.' },

  // ── verify ────────────────────────────────────────────────────────────────────────────────────
  'jssdk.verify.match': { zh: '签名正确：与用当前 jsapi_ticket 对 {url} 计算的一致。', en: 'The signature is right: it equals the one computed for {url} with the current jsapi_ticket.' },
  'jssdk.verify.match.cached': {
    zh: '签名正确：与用缓存的 jsapi_ticket 对 {url} 计算的一致（没有向微信核实这个 ticket 是否仍然有效）。',
    en: 'The signature is right: it equals the one computed for {url} with the cached jsapi_ticket (not checked with WeChat that the ticket is still live).',
  },
  'jssdk.verify.live.same': {
    zh: '向微信核实了一次（getticket）：缓存的 jsapi_ticket 仍然是当前有效的那个。',
    en: 'Asked WeChat once (getticket): the cached jsapi_ticket is still the live one.',
  },
  'jssdk.verify.live.replaced': {
    zh: '向微信核实了一次（getticket）：当前有效的 jsapi_ticket 已经换了，缓存里那个（也就是签这个签名的那个）已经失效。',
    en: 'Asked WeChat once (getticket): the live jsapi_ticket is another one; the cached one, which made this signature, is dead.',
  },
  'jssdk.verify.live.same.option': {
    zh: '向微信核实了一次（getticket）：--ticket 给出的 jsapi_ticket 就是当前有效的那个。',
    en: 'Asked WeChat once (getticket): the jsapi_ticket given by --ticket is the live one.',
  },
  'jssdk.verify.live.replaced.option': {
    zh: '向微信核实了一次（getticket）：当前有效的 jsapi_ticket 是另一个；--ticket 给出的那个（签这个签名的那个）已经失效，或者不是这个 appid 的。',
    en: 'Asked WeChat once (getticket): the live jsapi_ticket is another one; the one given by --ticket, which made this signature, is dead or not this appid’s.',
  },
  'jssdk.verify.live.unchecked': {
    zh: '没能向微信核实 ticket 是否仍然有效：{reason}',
    en: 'Could not ask WeChat whether the ticket is still live: {reason}',
  },
  'jssdk.verify.match.option': { zh: '签名正确：与用 --ticket 给出的 jsapi_ticket 对 {url} 计算的一致。', en: 'The signature is right: it equals the one computed for {url} with the jsapi_ticket given by --ticket.' },
  'jssdk.verify.mistake.fragment': {
    zh: '找到了：这个签名签的是带 # 的 URL（{signed}）。',
    en: 'Found it: this signature is for the URL with its fragment ({signed}).',
  },
  'jssdk.verify.mistake.fragment.fix': {
    zh: '去掉 # 及其后的部分再签：location.href.split(\'#\')[0]。',
    en: 'Drop the # and what follows before signing: location.href.split(\'#\')[0].',
  },
  'jssdk.verify.mistake.as-written': {
    zh: '找到了：这个签名签的是按原样书写的 URL（{signed}），而不是 location.href 报告的 {url}。',
    en: 'Found it: this signature is for the URL as written ({signed}), not as location.href reports it ({url}).',
  },
  'jssdk.verify.mistake.as-written.fix': {
    zh: '签页面里 location.href.split(\'#\')[0] 的值（非 ASCII 按 UTF-8 百分号编码、域名小写、无默认端口、空路径为 /），不要在服务端自己拼 URL 或先解码。',
    en: 'Sign what the page reads from location.href.split(\'#\')[0] (non-ASCII percent-encoded as UTF-8, host in lower case, no default port, / for an empty path); don\'t rebuild or decode it on the server.',
  },
  'jssdk.verify.mistake.encoded': {
    zh: '找到了：这个签名签的是编码后的 URL（{signed}）。',
    en: 'Found it: this signature is for the encoded URL ({signed}).',
  },
  'jssdk.verify.mistake.encoded.fix': {
    zh: '服务端先 decodeURIComponent，再签原始 URL；签名时不做 URL 编码。',
    en: 'Decode it on the server first and sign the raw URL; no URL encoding in the signed string.',
  },
  'jssdk.verify.mistake.other-url': {
    zh: '找到了：这个签名签的是另一个 URL（{signed}）。',
    en: 'Found it: this signature is for another URL ({signed}).',
  },
  'jssdk.verify.mistake.other-url.fix': {
    zh: '要签调用 JS 接口的当前页面；iOS 上 history 路由的单页应用签首次进入的 URL；网页授权跳转后签跳转后的 URL（带 code、state）。',
    en: 'Sign the page that calls the JS APIs; on iOS, history-mode SPAs sign the landing URL; after the OAuth redirect sign the URL it landed on (with code and state).',
  },
  'jssdk.verify.mistake.scheme': {
    zh: '找到了：这个签名签的是 {signed}，协议不同（http 与 https）。',
    en: 'Found it: this signature is for {signed}, with the other scheme (http vs https).',
  },
  'jssdk.verify.mistake.scheme.fix': {
    zh: '按页面实际的协议签名；经反向代理时用 X-Forwarded-Proto 取得原始协议。',
    en: 'Sign the scheme the page really uses; behind a proxy take it from X-Forwarded-Proto.',
  },
  'jssdk.verify.mistake.trailing-slash': {
    zh: '找到了：这个签名签的是 {signed}，末尾的 / 不同。',
    en: 'Found it: this signature is for {signed}, which differs by a trailing slash.',
  },
  'jssdk.verify.mistake.trailing-slash.fix': {
    zh: 'URL 要与 location.href 逐字相同。',
    en: 'The URL must equal location.href character for character.',
  },
  'jssdk.verify.mistake.nonce-key': {
    zh: '找到了：被哈希的字符串里写成了 nonceStr=…。',
    en: 'Found it: the hashed string says nonceStr=….',
  },
  'jssdk.verify.mistake.nonce-key.fix': {
    zh: '签名串里的参数名全部小写：noncestr（wx.config 里才是 nonceStr）。',
    en: 'Names in the signed string are all lower case: noncestr (only wx.config spells it nonceStr).',
  },
  'jssdk.verify.mistake.timestamp-ms': {
    zh: '找到了：签名用的时间戳是 {timestamp}，与 wx.config 的不同（毫秒和秒混用）。',
    en: 'Found it: the signature used timestamp {timestamp}, not the one in wx.config (milliseconds mixed with seconds).',
  },
  'jssdk.verify.mistake.timestamp-ms.fix': {
    zh: '两处都用同一个秒级时间戳。',
    en: 'Use the same timestamp, in seconds, in both.',
  },
  'jssdk.verify.mistake.timestamp-drift': {
    zh: '找到了：签名用的时间戳是 {timestamp}，和 wx.config 里的差了几秒：服务端取了两次时间（签名一次，填 wx.config 又一次）。',
    en: 'Found it: the signature used timestamp {timestamp}, a few seconds off the one in wx.config: the server read the clock twice (once to sign, once for wx.config).',
  },
  'jssdk.verify.mistake.timestamp-drift.fix': {
    zh: '只取一次时间，签名串和 wx.config 用同一个值。',
    en: 'Read the time once, and put that same value in the signed string and in wx.config.',
  },
  'jssdk.verify.mistake.access-token': {
    zh: '找到了：签名里用的是 access_token，不是 jsapi_ticket。',
    en: 'Found it: the access_token was signed instead of the jsapi_ticket.',
  },
  'jssdk.verify.mistake.access-token.fix': {
    zh: '用 access_token 调 /cgi-bin/ticket/getticket?type=jsapi 换 ticket，再签名。',
    en: 'Exchange the access_token for a ticket with /cgi-bin/ticket/getticket?type=jsapi, then sign.',
  },
  'jssdk.verify.mistake.stale-ticket': {
    zh: '找到了：签名用的是旧的 jsapi_ticket。',
    en: 'Found it: an old jsapi_ticket was signed.',
  },
  'jssdk.verify.mistake.stale-ticket.fix': {
    zh: '服务端缓存的 ticket 已失效（或来自另一台服务器）：按真实过期时间缓存，到期前重新获取，多台服务器共用一份。',
    en: 'The server\'s cached ticket is dead (or another server\'s): cache it by its real expiry, refetch before it, and share one copy between servers.',
  },
  'jssdk.verify.mistake.other-appid-ticket': {
    zh: '找到了：签名用的是 {appid} 的 jsapi_ticket（这台机器缓存里有它），不是页面的 appId 的。',
    en: 'Found it: this signature was made with {appid}’s jsapi_ticket (this machine’s cache holds it), not the page’s appId’s.',
  },
  'jssdk.verify.mistake.other-appid-ticket.fix': {
    zh: '每个公众号用自己的 ticket：服务端用 wx.config 里那个 appId 的 access_token 去获取 jsapi_ticket，多个账号的缓存按 appid 分开存。',
    en: 'Each account signs with its own ticket: have the server get the jsapi_ticket with the access_token of the appId in wx.config, and key its ticket cache by appid when it serves several accounts.',
  },
  'jssdk.verify.mistake.share-params': {
    zh: '找到了：这个签名签的是 {signed}，没有微信给分享链接加上的参数（from、isappinstalled），而页面的地址里有。',
    en: 'Found it: this signature is for {signed}, without the parameters WeChat adds to a shared link (from, isappinstalled), which the page’s address has.',
  },
  'jssdk.verify.mistake.share-params.fix': {
    zh: '不要在服务端按路径拼 URL 或按路径缓存签名：由页面把 location.href.split(\'#\')[0] 传给服务端（encodeURIComponent），服务端原样签它。',
    en: 'Don’t build the URL on the server or cache signatures per path: have the page send location.href.split(\'#\')[0] (encodeURIComponent) and sign exactly that.',
  },
  'jssdk.verify.mistake.query-order': {
    zh: '找到了：这个签名签的是 {signed}，查询参数的顺序和页面的不同。',
    en: 'Found it: this signature is for {signed}, its query parameters in another order than the page’s.',
  },
  'jssdk.verify.mistake.query-order.fix': {
    zh: '签页面地址的原样字符串，不要解析查询参数再重新拼接（框架会排序或改顺序）。',
    en: 'Sign the page’s address as the string it is; don’t parse the query and rebuild it (frameworks sort or reorder it).',
  },
  'jssdk.verify.mistake.port': {
    zh: '找到了：这个签名签的是 {signed}，带了页面地址里没有的端口。',
    en: 'Found it: this signature is for {signed}, with a port the page’s address does not have.',
  },
  'jssdk.verify.mistake.port.fix': {
    zh: '服务端在 nginx 等反向代理后面时，请求里的主机和端口是后端自己的：用页面传来的 URL 签名，或用 X-Forwarded-Host / X-Forwarded-Proto 还原；默认端口（:80、:443）不写。',
    en: 'Behind nginx or another reverse proxy the host and port a server sees are its own: sign the URL the page sends, or rebuild it from X-Forwarded-Host / X-Forwarded-Proto; default ports (:80, :443) are never written.',
  },
  'jssdk.verify.mistake.scheme-slash': {
    zh: '找到了：这个签名签的是 {signed}，协议（http 与 https）和末尾的 / 都不同。',
    en: 'Found it: this signature is for {signed}, with the other scheme (http vs https) and a trailing slash that differs.',
  },
  'jssdk.verify.mistake.scheme-slash.fix': {
    zh: '用页面传来的 location.href.split(\'#\')[0] 签名；在服务端拼 URL 时，协议要取 X-Forwarded-Proto，路径要和页面逐字相同。',
    en: 'Sign the location.href.split(\'#\')[0] the page sends; a URL built on the server must take its scheme from X-Forwarded-Proto and its path character for character.',
  },
  'jssdk.verify.mistake.nonce-case': {
    zh: '找到了：签名用的 noncestr 是 {nonce}，与 wx.config 的 nonceStr 大小写不同。',
    en: 'Found it: the signature used noncestr {nonce}, which differs in case from wx.config’s nonceStr.',
  },
  'jssdk.verify.mistake.nonce-case.fix': {
    zh: '签名和 wx.config 用同一个字符串，不要在其中一处转换大小写。',
    en: 'Use one string for both the signature and wx.config; don’t change its case in either.',
  },
  'jssdk.verify.mistake.nonce-space': {
    zh: '找到了：签名用的 noncestr 是 {nonce}，与 wx.config 的 nonceStr 只差空格（或一个 + 被解码成了空格）。',
    en: 'Found it: the signature used noncestr {nonce}, which differs from wx.config’s nonceStr only in spaces (or a + decoded as a space).',
  },
  'jssdk.verify.mistake.nonce-space.fix': {
    zh: 'wx.config 的 nonceStr 必须与签名的 noncestr 逐字相同：nonce 只用字母和数字（如 16 位 [A-Za-z0-9]），经查询串传递时用 encodeURIComponent；若是复制时多带了空格，去掉后再 verify 一次。',
    en: 'wx.config’s nonceStr must equal the signed noncestr character for character: make the nonce letters and digits only (e.g. 16 of [A-Za-z0-9]) and encodeURIComponent it in a query string; if the space came with your copy, verify again without it.',
  },
  'jssdk.verify.mistake.no-ticket': {
    zh: '找到了：签名串里的 jsapi_ticket 是 {ticket}：服务端没拿到 ticket（getticket 失败，例如 access_token 失效的 40001/42001），却照样签了名。',
    en: 'Found it: the signed string’s jsapi_ticket is {ticket}: the server had no ticket (getticket failed, e.g. 40001/42001 for a dead access_token) and signed anyway.',
  },
  'jssdk.verify.mistake.no-ticket.fix': {
    zh: '检查 getticket 的 errcode：不为 0 时不要签名，先重新获取 access_token 再取 ticket；wxauth jssdk ticket 可以看到微信的响应。',
    en: 'Check getticket’s errcode: when it is not 0 don’t sign; fetch the access_token again, then the ticket. wxauth jssdk ticket shows WeChat’s answer.',
  },
  'jssdk.verify.unknown': {
    zh: '签名不一致，{kinds} 类常见错误（共计算了 {tried} 个签名）都对不上。请逐项检查：',
    en: 'The signature does not match, and none of the {kinds} kinds of known mistake that apply here reproduces it ({tried} signatures computed). Check in turn:',
  },
  'jssdk.verify.check.algorithm': {
    zh: '签名算法：四个参数按名字排序、key=value 用 & 连接、不做 URL 编码、sha1；可用微信的签名校验工具 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=jsapisign 对照。',
    en: 'The algorithm: four fields sorted by name, key=value joined with &, no URL encoding, sha1; compare with WeChat\'s checker mp.weixin.qq.com/debug/cgi-bin/sandbox?t=jsapisign.',
  },
  'jssdk.verify.check.nonce-timestamp': {
    zh: 'wx.config 的 nonceStr、timestamp 与签名用的 noncestr、timestamp 完全相同。',
    en: 'wx.config\'s nonceStr and timestamp equal the noncestr and timestamp that were signed.',
  },
  'jssdk.verify.check.full-url': { zh: 'URL 是页面完整地址：协议、域名、路径、查询参数，不含 #。', en: 'The URL is the page\'s full address: scheme, host, path and query, without #.' },
  'jssdk.verify.check.appid': {
    zh: 'wx.config 的 appId 与获取 jsapi_ticket 的 appid 是同一个。',
    en: 'wx.config\'s appId is the appid the jsapi_ticket was fetched for.',
  },
  'jssdk.verify.check.ticket-cache': {
    zh: 'access_token 和 jsapi_ticket 都已缓存，没有被另一台服务器或另一次获取换掉；可用 --ticket 传入服务端实际用的 ticket 再验证。',
    en: 'access_token and jsapi_ticket are cached and not replaced by another server or fetch; pass the ticket the server really used with --ticket and verify again.',
  },
  'jssdk.verify.check.dynamic-url': {
    zh: 'URL 是页面动态取得的（微信会在分享链接后追加参数）；从静态页发给服务端时用 encodeURIComponent，服务端解码后再签。',
    en: 'The URL is read by the page at run time (WeChat appends parameters to shared links); a static page sends it encodeURIComponent-ed and the server decodes before signing.',
  },
  'jssdk.verify.check.ios-landing': {
    zh: 'iOS 上 history 路由的单页应用：用 --landing-url 给出用户首次进入的 URL 再验证。',
    en: 'iOS and a history-mode SPA: give the URL the user first landed on with --landing-url and verify again.',
  },
  'jssdk.verify.given': { zh: '给出的', en: 'given' },
  'jssdk.verify.expected': { zh: '应为', en: 'expected' },
  'jssdk.verify.verdict': { zh: '结论', en: 'verdict' },
  'jssdk.verify.verdict.match': { zh: '一致', en: 'match' },
  'jssdk.verify.verdict.mistake': { zh: '常见错误：{label}（{id}）', en: 'mistake: {label} ({id})' },
  // A short name for each mistake of core/jssdk.ts MISTAKES, for the verdict row (the id stays, as in --json and README's table).
  'jssdk.mistake.label.fragment': { zh: '签了带 # 的 URL', en: 'the URL signed with its #fragment' },
  'jssdk.mistake.label.as-written': { zh: '签了书写形式的 URL，不是 location.href', en: 'the URL signed as written, not as location.href' },
  'jssdk.mistake.label.encoded': { zh: '签了编码后的 URL', en: 'the URL signed encoded' },
  'jssdk.mistake.label.other-url': { zh: '签了另一个 URL', en: 'another URL signed' },
  'jssdk.mistake.label.scheme': { zh: 'http 与 https 签反了', en: 'the other scheme signed (http/https)' },
  'jssdk.mistake.label.trailing-slash': { zh: '末尾的 / 不同', en: 'a trailing slash added or dropped' },
  'jssdk.mistake.label.nonce-key': { zh: '签名串里写成了 nonceStr', en: 'nonceStr= in the signed string' },
  'jssdk.mistake.label.timestamp-ms': { zh: '毫秒与秒混用', en: 'milliseconds mixed with seconds' },
  'jssdk.mistake.label.timestamp-drift': { zh: '时间戳取了两次', en: 'the timestamp taken twice' },
  'jssdk.mistake.label.access-token': { zh: '签了 access_token，不是 jsapi_ticket', en: 'the access_token signed, not the jsapi_ticket' },
  'jssdk.mistake.label.stale-ticket': { zh: '签了旧的 jsapi_ticket', en: 'an old jsapi_ticket signed' },
  'jssdk.mistake.label.other-appid-ticket': { zh: '签了另一个 appid 的 jsapi_ticket', en: 'another appid\'s jsapi_ticket signed' },
  'jssdk.mistake.label.share-params': { zh: '签名时少了微信分享加的参数', en: 'signed without the parameters WeChat adds to shared links' },
  'jssdk.mistake.label.query-order': { zh: '查询参数的顺序不同', en: 'the query parameters in another order' },
  'jssdk.mistake.label.port': { zh: 'URL 里多了端口', en: 'a port in the signed URL' },
  'jssdk.mistake.label.scheme-slash': { zh: '协议和末尾的 / 都不同', en: 'the other scheme and a trailing slash' },
  'jssdk.mistake.label.nonce-case': { zh: 'nonceStr 的大小写不同', en: 'the nonce in another case' },
  'jssdk.mistake.label.nonce-space': { zh: 'nonceStr 的空格不同', en: 'the nonce with other spaces' },
  'jssdk.mistake.label.no-ticket': { zh: '签名时没有 jsapi_ticket', en: 'no jsapi_ticket in the signed string' },
  'jssdk.verify.verdict.unknown': { zh: '不一致，原因未知', en: 'unknown' },
  'jssdk.verify.verdict.ios-only': { zh: '只在 iOS 上正确（首次进入的 URL）', en: 'right on iOS only (the landing URL)' },
  'jssdk.verify.row.domain': { zh: '域名', en: 'domain' },
  'jssdk.verify.row.domain.ok': { zh: '✔ {host} 在 {domain} 内', en: '✔ {host} within {domain}' },
  'jssdk.verify.row.domain.notListed': { zh: '✖ {host} 不在 {domains} 内', en: '✖ {host} not within {domains}' },
  'jssdk.verify.row.domain.port': { zh: '✖ {host} 用了端口 {port}', en: '✖ {host} on port {port}' },
  'jssdk.verify.row.domain.unchecked': { zh: '未检查（没有设置 jsDomains）', en: 'not checked (no jsDomains)' },
  'jssdk.verify.row.appId.other': { zh: '✖ {configAppId}，不是 ticket 所属的 {appid}', en: '✖ {configAppId}, not {appid} (the ticket’s)' },
  'jssdk.verify.row.appId.website': { zh: '✖ {appid} 是网站应用，没有 JS-SDK', en: '✖ {appid} is a website app: no JS-SDK' },
  'jssdk.verify.websiteApp': {
    zh: 'profile {profile} 是网站应用（appid {appid}），网站应用没有 JS-SDK：wx.config 要用公众号（服务号、订阅号或测试号）的 appId 和它的 jsapi_ticket，用这个 appId 的 wx.config 在微信里签名对了也不会成功。换成公众号的 profile 再验证：wxauth --profile <公众号> jssdk verify …',
    en: 'Profile {profile} is a website app (appid {appid}), and a website app has no JS-SDK: wx.config takes an official account’s appId (service, subscription or test account) and its jsapi_ticket, so a wx.config with this appId fails in WeChat even with a signature that matches. Verify with the official account’s profile: wxauth --profile <account> jssdk verify …',
  },
  'jssdk.verify.row.nonceKey': { zh: '✖ wx.config 里写成了 noncestr', en: '✖ spelt noncestr in wx.config' },
  'jssdk.verify.iosOnly': {
    zh: '这是首次进入的 URL（{landing}）的签名：在 iOS 微信里，history 路由的单页应用验证的正是它，所以 iOS 上正确；Android 验证的是当前 URL（{url}），所以 Android 上会报 invalid signature。（这来自实践报告，官方文档没有写明，可能随微信版本变化。）',
    en: 'This is the signature of the landing URL ({landing}): iOS WeChat verifies that URL for a history-mode SPA, so it is right on iOS; Android verifies the current URL ({url}), so Android gets invalid signature. (From practice reports, not the official doc; it may vary by client version.)',
  },
  'jssdk.verify.iosOnly.fix': {
    zh: '按平台签名：页面首次加载时保存 entryUrl = location.href.split(\'#\')[0]；iOS 上签 entryUrl，Android 上签当前 URL，路由变化后在 Android 上重新 wx.config。或者在 iOS 上路由变化时整页跳转（location.assign），让当前 URL 就是首次进入的 URL。',
    en: 'Sign per platform: save entryUrl = location.href.split(\'#\')[0] on first load; sign entryUrl on iOS and the current URL on Android, calling wx.config again after each route change on Android. Or, on iOS, make route changes real navigations (location.assign) so the current URL is the landing URL.',
  },
  'jssdk.verify.noAppid': {
    zh: '没有配置 appid：不检查 wx.config 的 appId，也不尝试 access_token 和旧 ticket 这两种错误。',
    en: 'No appid is configured: wx.config\'s appId is not checked, and the access_token and old-ticket mistakes are not tried.',
  },
  'jssdk.verify.warn.upperCase': {
    zh: '签名是大写的：微信示例和各 SDK 都输出小写十六进制，大写能否通过未经证实。',
    en: 'The signature is upper case: WeChat\'s example and every SDK emit lower-case hex; whether upper case passes is unverified.',
  },
  'jssdk.sign.warn.timestampPadded': {
    zh: 'timestamp {given} 有前导零：签名用的是 {timestamp}，也就是页面 JS 以数字传给 wx.config 的值；wx.config 的 timestamp 要写 {timestamp}（按原样的字符串签出来的签名不同）。',
    en: 'timestamp {given} has leading zeros: {timestamp} was signed, the value a page’s JS passes to wx.config as a number; put {timestamp} in wx.config (the text as given signs differently).',
  },
  'jssdk.sign.warn.timestampDigits': {
    zh: 'timestamp {timestamp} 是 {digits} 位：wx.config 要的是当前的秒数（10 位，例如 {now}）。',
    en: 'timestamp {timestamp} has {digits} digits: wx.config wants the current time in seconds (10 digits, e.g. {now}).',
  },
  'jssdk.sign.warn.timestampDigits.one': {
    zh: 'timestamp {timestamp} 只有 1 位：wx.config 要的是当前的秒数（10 位，例如 {now}）。',
    en: 'timestamp {timestamp} has 1 digit: wx.config wants the current time in seconds (10 digits, e.g. {now}).',
  },
  'jssdk.verify.warn.timestampMs': {
    zh: 'timestamp {timestamp} 是毫秒（13 位）；微信要的是秒。',
    en: 'timestamp {timestamp} is in milliseconds (13 digits); WeChat wants seconds.',
  },
  'jssdk.verify.row.ticket.otherAppid': { zh: '✖ {appid} 的 ticket', en: '✖ {appid}’s ticket' },
  'jssdk.verify.ticketOfOtherAppid': {
    zh: '--ticket 给出的是 {appid} 的 jsapi_ticket（缓存在 profile {profile} 下），而页面的 appId 是 {pageAppid}：微信按 {pageAppid} 自己的 ticket 校验签名，所以就算这里算得一致，wx.config 仍会报 invalid signature。让服务端用 {pageAppid} 的 access_token 获取 ticket。',
    en: 'The --ticket given is {appid}’s jsapi_ticket (cached for profile {profile}), while the page’s appId is {pageAppid}: WeChat checks the signature against {pageAppid}’s own ticket, so even a signature that matches here gets invalid signature from wx.config. Have the server get the ticket with {pageAppid}’s access_token.',
  },
  'jssdk.verify.otherAppId': {
    zh: 'wx.config 的 appId 是 {configAppId}，而 ticket 属于 {appid}：两者必须是同一个公众号。',
    en: 'wx.config\'s appId is {configAppId} but the ticket belongs to {appid}: they must be the same account.',
  },
  'jssdk.verify.lowerNonceKey': {
    zh: 'wx.config 里写成了 noncestr（全小写）：wx.config 要的是 nonceStr（大写 S），只有签名串里才是小写。',
    en: 'wx.config says noncestr (all lower case): wx.config wants nonceStr (capital S); only the signed string uses lower case.',
  },
  'jssdk.verify.signedWithCached': {
    zh: '算出这个签名的是 wxauth 在 {at} 缓存的 jsapi_ticket，不是 --ticket 给出的那个。哪个是当前有效的决定了谁错：如果 --ticket 是当前的，就是服务端用了旧 ticket（见下）；如果 wxauth 缓存的仍然有效，签名没问题，是你传入的 --ticket 不对。去掉 --ticket 再运行 wxauth jssdk verify，会按 wxauth 的 ticket 校验。',
    en: 'The jsapi_ticket that made this signature is the one wxauth cached at {at}, not the --ticket given. Which of the two is live decides who is wrong: if --ticket is the current one, the server signs with an old ticket (below); if wxauth’s is still live, the signature is fine and your --ticket is the odd one. wxauth jssdk verify without --ticket checks against wxauth’s ticket.',
  },
  'jssdk.verify.ticketOption': { zh: '用 --ticket 给出的 ticket 验证。', en: 'Verified with the --ticket given.' },
  'jssdk.domain.ok': { zh: '域名 {host} 在 JS接口安全域名里（{domain}）。', en: 'Host {host} is within the JS-safe domains ({domain}).' },
  'jssdk.domain.notListed': {
    zh: '域名 {host} 不在 JS接口安全域名（{domains}）里：页面会报 invalid url domain。在公众号后台「设置与开发 → 公众号设置 → 功能设置 → JS接口安全域名」添加它或它的上级域名，然后{update}。',
    en: 'Host {host} is not within the JS-safe domains ({domains}): the page gets invalid url domain. Add it or a parent domain under 设置与开发 → 公众号设置 → 功能设置 → JS接口安全域名, then update {update}.',
  },
  'jssdk.domain.notListed.test': {
    zh: '域名 {host} 不在 JS接口安全域名（{domains}）里：页面会报 invalid url domain。测试号在它的测试号管理页（mp.weixin.qq.com/debug/cgi-bin/sandbox）的「JS接口安全域名」里填页面的主机（带端口时写“主机:端口”），然后{update}。',
    en: 'Host {host} is not within the JS-safe domains ({domains}): the page gets invalid url domain. A test account sets its JS接口安全域名 (JS-safe domain) on its sandbox page (mp.weixin.qq.com/debug/cgi-bin/sandbox): the page’s host, as “host:port” with a port; then update {update}.',
  },
  'jssdk.domain.update.config': { zh: '用 wxauth{p} config set jsDomains{list} 同步（它替换整个列表）', en: 'wxauth{p} config set jsDomains{list} (it replaces the whole list)' },
  'jssdk.domain.update.env': {
    zh: '更新环境变量 WXAUTH_JS_DOMAINS（这里的列表来自它，wxauth config set 改不了）：export WXAUTH_JS_DOMAINS={list}',
    en: 'WXAUTH_JS_DOMAINS, where this list comes from (wxauth config set would not change it): export WXAUTH_JS_DOMAINS={list}',
  },
  'jssdk.domain.update.envNoList': {
    zh: '更新环境变量 WXAUTH_JS_DOMAINS（这里的列表来自它，wxauth config set 改不了）',
    en: 'WXAUTH_JS_DOMAINS, where this list comes from (wxauth config set would not change it)',
  },
  'jssdk.domain.port': {
    zh: '页面用了端口 {port}（{host}），JS接口安全域名里没有这个端口：正式公众号的 JS-SDK 页面只能在 80/443 端口，会报 invalid url domain；测试号则把“{host}:{port}”填为 JS接口安全域名，再运行 wxauth{p} config set jsDomains {host}:{port}。',
    en: 'The page uses port {port} ({host}), which no JS-safe domain names: a real account’s JS-SDK pages must be on port 80/443, or they get invalid url domain; a test account registers “{host}:{port}” as its JS-safe domain (then wxauth{p} config set jsDomains {host}:{port}).',
  },
  'jssdk.domain.port.real': {
    zh: '页面用了端口 {port}（{host}）：{type}的 JS-SDK 页面只能在 80/443 端口，JS接口安全域名也不能带端口，页面会报 invalid url domain。把页面放到 443 或 80 端口上（例如反向代理后面）；要用端口，请用测试号（type test）。',
    en: 'The page uses port {port} ({host}): a {type}’s JS-SDK pages must be on port 80/443 and its JS-safe domains take no port, so the page gets invalid url domain. Serve the page on port 443 or 80 (e.g. behind a reverse proxy); for a port, use a test account (type test).',
  },
  'jssdk.domain.unset': {
    zh: '没有检查域名：profile 里没有 jsDomains。页面报 invalid url domain 时，先看公众号后台「设置与开发 → 公众号设置 → 功能设置 → JS接口安全域名」里有没有 {entry} 或它的上级域名；再把后台填写的域名原样告诉 wxauth，让 verify 一并检查：wxauth{p} config set jsDomains <后台的域名>（只有后台确实填了它，才写 {entry}）。',
    en: 'The domain was not checked: the profile has no jsDomains. If the page gets invalid url domain, first look in the console (设置与开发 → 公众号设置 → 功能设置 → JS接口安全域名) for {entry} or a parent domain of it; then tell wxauth the domains entered there, as they are, to have verify check them: wxauth{p} config set jsDomains <the console’s domains> ({entry} only if the console lists it).',
  },
  'jssdk.domain.unset.testOnly': {
    zh: '没有检查域名：profile 里没有 jsDomains。页面在 {entry}，{what}：正式公众号的 JS-SDK 页面必须用域名、在 80/443 端口，否则会报 invalid url domain；测试号则把“{entry}”填为 JS接口安全域名（再运行 wxauth{p} config set jsDomains {entry} 即可一并检查）。',
    en: 'The domain was not checked: the profile has no jsDomains. The page is on {entry}, {what}: a real account’s JS-SDK pages must be on a domain name on port 80/443, or they get invalid url domain; a test account registers “{entry}” as its JS-safe domain (then wxauth{p} config set jsDomains {entry} has it checked).',
  },
  'jssdk.domain.unset.real': {
    zh: '没有检查域名：profile 里没有 jsDomains。页面在 {entry}，{what}：{type}不能把它填为 JS接口安全域名，JS-SDK 页面必须用域名、在 80/443 端口，否则会报 invalid url domain。把页面放到那样的地址上；要用 {entry}，请用测试号（type test）。',
    en: 'The domain was not checked: the profile has no jsDomains. The page is on {entry}, {what}: a {type} cannot register it as a JS-safe domain; its JS-SDK pages must be on a domain name on port 80/443, or they get invalid url domain. Serve the page there; to use {entry}, use a test account (type test).',
  },
  'jssdk.domain.unset.what.ip': { zh: '用的是 IP 地址', en: 'an IP address' },
  'jssdk.domain.unset.what.port': { zh: '用了端口 {port}', en: 'port {port}' },
  'jssdk.domain.unset.what.ipPort': { zh: '用的是 IP 地址和端口 {port}', en: 'an IP address and port {port}' },
  'jssdk.domain.unset.refused': {
    zh: '没有检查域名：profile 里没有 jsDomains，而且页面的主机 {host} 不是 jsDomains 能填的域名（JS接口安全域名只填域名，不带协议和路径）。检查 --url 给出的地址。',
    en: 'The domain was not checked: the profile has no jsDomains, and the page’s host {host} is not a domain jsDomains can hold (a JS-safe domain is a domain name, with no scheme or path). Check the URL given with --url.',
  },
  'jssdk.invalid.signature.length': { zh: '{name} "{value}" 不是 wx.config 的签名：签名是 SHA-1，40 位十六进制，这里有 {length} 个字符。', en: '{name} "{value}" is not a wx.config signature: a signature is a SHA-1, 40 hex digits; this has {length} characters.' },
  'jssdk.invalid.signature.char': { zh: '{name} "{value}" 不是 wx.config 的签名：签名是 SHA-1，40 位十六进制，这里含非十六进制字符 {char}（第 {position} 个）。', en: '{name} "{value}" is not a wx.config signature: a signature is a SHA-1, 40 hex digits; this has a character that is not a hex digit: {char} (character {position}).' },
  'jssdk.invalid.signature.blank': { zh: '{name} "{value}" 不是 wx.config 的签名：签名是 SHA-1，40 位十六进制，这里第 {position} 个字符是{what}。', en: '{name} "{value}" is not a wx.config signature: a signature is a SHA-1, 40 hex digits; character {position} here is {what}.' },
  'jssdk.invalid.signature.hint': { zh: '复制页面 wx.config({…}) 里 signature 的值（开启 debug: true 时弹窗里也有），或者把整个 wx.config 粘贴给 wxauth jssdk verify。', en: 'Copy the signature value from the page’s wx.config({…}) (with debug: true the alert shows it too), or paste the whole wx.config to wxauth jssdk verify.' },
} as const satisfies MessageSection;

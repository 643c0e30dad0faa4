import type { MessageSection } from './types.js';

// Messages of the 'basic' area: the basic (global) access_token and WeChat's debugging APIs
// (token, user, quota, rid, domains). Keys start with 'basic.'.
export const messages = {
  // Durations and token kinds.
  'basic.kind.stable': { zh: 'stable_token', en: 'stable_token' },
  'basic.kind.legacy': { zh: '/cgi-bin/token', en: '/cgi-bin/token' },

  // What the token service did (stderr).
  'basic.event.cached': { zh: '使用缓存的基础 access_token（{kind}，剩余 {left}）。', en: 'Using the cached basic access_token ({kind}, {left} left).' },
  'basic.event.fetched.none-cached': {
    zh: '{appid} 没有缓存的基础 access_token：已用 stable_token 获取并缓存（剩余 {left}；不影响其他服务器正在用的 token）。',
    en: "No basic access_token cached for {appid}: fetched one with stable_token and cached it ({left} left; other servers' token stays valid).",
  },
  'basic.event.fetched.expired': {
    zh: '{appid} 缓存的基础 access_token 已过期：已用 stable_token 重新获取并缓存（剩余 {left}）。',
    en: 'The basic access_token cached for {appid} had expired: fetched a new one with stable_token and cached it ({left} left).',
  },
  'basic.event.fetched.rejected': {
    zh: '已获取新的 stable_token（剩余 {left}），重试一次。',
    en: 'Fetched a fresh stable token ({left} left); trying once more.',
  },
  'basic.event.fetched.rejected.same': {
    zh: 'stable_token 返回的正是刚被拒绝的那个 token（剩余 {left}）：微信仍认为它有效，重试一次；如果再被拒绝，看看是否有人用 force_refresh 刷新了它。',
    en: 'stable_token handed back the very token just rejected ({left} left): WeChat still holds it valid, so trying once more; if it is refused again, check whether someone force-refreshes it.',
  },
  'basic.event.rejected.40001': {
    zh: '微信拒绝了缓存的基础 access_token（40001，{kind}，{age}前获取）：使用 {appid} 的另一台服务器或工具获取了新 token，旧的随之失效。{host}正在用 stable_token 获取新 token 并重试一次。',
    en: 'WeChat rejected the cached basic access_token (40001, {kind}, obtained {age} ago): another server or tool using {appid} fetched a new token, which invalidates this one.{host} Fetching a fresh stable token and trying once more.',
  },
  'basic.event.rejected.40001.stable': {
    zh: '微信拒绝了缓存的 stable_token（40001，{age}前获取）：别处调用 /cgi-bin/token 顶不掉 stable token，只有 force_refresh=true 的强制刷新会让它失效，应是使用 {appid} 的某台服务器或工具强制刷新了它。{host}正在用 stable_token 获取新 token 并重试一次。',
    en: 'WeChat rejected the cached stable access_token (40001, obtained {age} ago): a /cgi-bin/token call elsewhere cannot knock out a stable token, only a forced refresh (force_refresh=true) can, so a server or tool using {appid} likely force-refreshed it.{host} Fetching a fresh stable token and trying once more.',
  },
  // {host} of the two above, when the token's issuer is not WeChat: an emulator reset or restarted
  // forgets every token and ticket it issued, and answers them 40001 as WeChat answers a replaced one.
  'basic.event.rejected.host': {
    zh: '不过 {host} 不是微信：如果它是 wxauth 的模拟器，它被重置（POST /__emulator/reset）或重启时也会忘掉它发过的所有 token 和 jsapi_ticket，同样答 40001。wxauth 会自己重新获取；对着它的服务端缓存的 token 和 ticket 也已失效，要重新获取。',
    en: " But {host} is not WeChat: if it is wxauth's emulator, a reset (POST /__emulator/reset) or a restart also forgets every token and jsapi_ticket it issued, with this same 40001. wxauth fetches again by itself; a server of yours aimed at it holds dead ones too and must fetch its token and ticket again.",
  },
  // A stable token wxauth had just fetched, refused with 40001 (core/next-step.ts 'stable-token-rejected'):
  // a head for how it came to be refused, then {next}: what to look at, and on a host that is not
  // WeChat's, the fault that may be armed there. Each part starts with its own space in English.
  'basic.stable.rejected.same': {
    zh: 'stable_token 返回的正是 {endpoint} 刚拒绝的 token，{endpoint} 再次拒绝（40001）：发 token 的接口认为它有效，{endpoint} 却不认。强制刷新解释不了这种情况（强制刷新后 stable_token 会给出新 token），「改用 stable_token」也不是解法，wxauth 用的就是它。{next}',
    en: "stable_token handed back the token {endpoint} had just refused, and {endpoint} refused it again (40001): the token endpoint holds it valid while {endpoint} does not. A forced refresh would not explain that (stable_token would hand out a new token), and switching to stable_token is not the fix: wxauth already uses it.{next}",
  },
  'basic.stable.rejected.again': {
    zh: '新获取的 stable token 同样被 {endpoint} 拒绝（40001），所以问题不在缓存的旧 token。{next}',
    en: 'A fresh stable token was refused by {endpoint} too (40001), so this is not a stale cached token.{next}',
  },
  'basic.stable.rejected.fresh': {
    zh: '{endpoint} 拒绝了 wxauth 刚刚获取的 stable token（40001）。{next}',
    en: '{endpoint} refused a stable token wxauth fetched just now (40001).{next}',
  },
  'basic.stable.rejected.wechat': { zh: '过一分钟再试；仍然如此就带上下面的 rid 向微信反馈。', en: ' Try again in a minute; if it persists, report it to WeChat with the rid below.' },
  'basic.stable.rejected.forced': {
    zh: 'wxauth 用的就是 stable_token，别处调用 /cgi-bin/token 顶不掉它，所以「改用 stable_token」不是这里的解法。查一查谁在用 force_refresh=true 为 {appid} 调用 stable_token：每次强制刷新都会让 stable token 立即失效（每天最多 20 次）。{host}',
    en: ' wxauth fetched it with stable_token, which a /cgi-bin/token call elsewhere cannot knock out, so switching to stable_token is not the fix. Look for whoever calls stable_token with force_refresh=true for {appid}: each forced call invalidates the stable token at once (up to 20 a day).{host}',
  },
  'basic.stable.rejected.host': {
    zh: '{host} 不是微信：如果它是 wxauth 的模拟器，那里设置的故障（--fault errcode=40001）不管 token 是什么都会这样响应。',
    en: " {host} is not WeChat: if it is wxauth's emulator, a fault armed there (--fault errcode=40001) answers the call whatever the token.",
  },
  'basic.event.rejected.42001': {
    zh: '微信说缓存的基础 access_token 已过期（42001，{kind}，{age}前获取），而缓存记录还剩 {left}。正在用 stable_token 获取新 token 并重试一次。',
    en: 'WeChat says the cached basic access_token has expired (42001, {kind}, obtained {age} ago) although the cache expected {left} more. Fetching a fresh stable token and trying once more.',
  },
  'basic.event.rejected.40014': {
    zh: '微信不认缓存的基础 access_token（40014 不合法的 access_token，{kind}，{age}前获取）。正在用 stable_token 获取新 token 并重试一次。',
    en: 'WeChat does not accept the cached basic access_token (40014 invalid access_token, {kind}, obtained {age} ago). Fetching a fresh stable token and trying once more.',
  },

  // wxauth token
  'basic.token.done.stable': {
    zh: '已从 {host} 获取 stable_token：剩余 {left}（到 {at}）。其他服务器正在用的 token 不受影响。',
    en: "Stable access_token from {host}: {left} left (until {at}). Other servers' token stays valid.",
  },
  'basic.token.done.forced': {
    zh: '已从 {host} 强制刷新 stable_token：剩余 {left}（到 {at}）。之前的 stable_token 已失效，仍在用它的服务器需要重新获取。',
    en: 'Forced a new stable access_token from {host}: {left} left (until {at}). The previous stable token no longer works: servers still using it must fetch again.',
  },
  'basic.token.done.legacy': {
    zh: '已从 {host} 的 /cgi-bin/token 获取 access_token：剩余 {left}（到 {at}）。',
    en: 'access_token from {host} via /cgi-bin/token: {left} left (until {at}).',
  },
  'basic.token.cached': {
    zh: '已缓存到 profile "{profile}"：wxauth user、quota、rid、domains 会复用它；wxauth token --show 不请求微信直接打印。',
    en: 'Cached in profile "{profile}": wxauth user, quota, rid and domains reuse it; wxauth token --show prints it without calling WeChat.',
  },
  'basic.token.showConflict': { zh: '--show 不能和 --legacy 或 --force-refresh 一起用。', en: '--show cannot be combined with --legacy or --force-refresh.' },
  'basic.token.showConflict.hint': { zh: '--show 只读缓存；要获取新 token 就去掉 --show。', en: '--show only reads the cache; drop it to fetch a token.' },
  'basic.token.legacyForce': { zh: '--force-refresh 只用于 stable_token，不能和 --legacy 一起用。', en: '--force-refresh applies to stable_token only, not to --legacy.' },
  'basic.token.legacyForce.hint': {
    zh: '二选一：wxauth{p} token --force-refresh（强制刷新 stable_token）或 wxauth{p} token --legacy。',
    en: 'Pick one: wxauth{p} token --force-refresh (stable) or wxauth{p} token --legacy.',
  },
  'basic.legacy.warn': {
    zh: 'GET /cgi-bin/token 会为 {appid} 生成新的基础 access_token：其他服务器或工具手里通过 /cgi-bin/token 拿到的 token 最多 5 分钟后失效（报 40001 "not latest"）。stable_token（不加 --legacy）互不影响。每次调用还会消耗每日额度（{quota}）。',
    en: 'GET /cgi-bin/token issues a NEW basic access_token for {appid}: any other server or tool holding the current /cgi-bin/token token loses it within 5 minutes (40001 "not latest"). Stable tokens (wxauth token without --legacy) are not affected. Each call also counts against the daily quota ({quota}).',
  },
  // The daily /cgi-bin/token quota the legacy warning names: a test account's is 200 (API-FACTS §8, §14).
  'basic.legacy.quota.default': { zh: '多数公众号每天 2000 次', en: '2000 a day for most official accounts' },
  'basic.legacy.quota.test': { zh: '测试号每天 200 次', en: '200 a day for a test account' },
  'basic.legacy.confirm': { zh: '仍然用 /cgi-bin/token 为 {appid} 获取新 token？', en: 'Fetch a new token for {appid} with /cgi-bin/token anyway?' },
  'basic.legacy.after': {
    zh: '这个 token 来自 /cgi-bin/token；在此之前别处通过 /cgi-bin/token 获取的 token 最多还能用 5 分钟。',
    en: 'This token comes from /cgi-bin/token; a /cgi-bin/token token obtained elsewhere before it works for at most 5 more minutes.',
  },
  'basic.legacy.replaced': {
    zh: '之前缓存的 /cgi-bin/token token 将在 5 分钟内失效；仍在用它的服务器会收到 40001。',
    en: 'The /cgi-bin/token token cached here before stops working within 5 minutes; servers still using it will get 40001.',
  },
  'basic.force.warn': {
    zh: 'force_refresh 会让 {appid} 之前的 stable_token 失效：所有在用它的服务器都得重新获取。每天最多 20 次，两次间隔至少 30 秒（30 秒内微信返回同一个 token）。',
    en: 'force_refresh invalidates the previous stable token of {appid}: every server using it has to fetch it again. At most 20 a day, at least 30 s apart (within 30 s WeChat returns the same token).',
  },
  'basic.force.confirm': { zh: '强制刷新 {appid} 的 stable_token？', en: 'Force a new stable token for {appid}?' },
  'basic.force.limits': {
    zh: 'force_refresh：每天最多 20 次，间隔至少 30 秒。',
    en: 'force_refresh: at most 20 a day, at least 30 s apart.',
  },
  'basic.force.notRotated': {
    zh: '微信返回了同一个 token：两次强制刷新间隔不足 30 秒时不会换新。确实需要新 token 请 30 秒后再试。',
    en: 'WeChat returned the same token: forced refreshes less than 30 s apart do not rotate it. Wait 30 s if you really need a new one.',
  },
  'basic.show.none': { zh: '{appid}（profile {profile}）没有缓存的基础 access_token。', en: 'No basic access_token cached for {appid} (profile {profile}).' },
  'basic.show.none.hint': {
    zh: '运行 wxauth token 获取（stable_token，不影响其他服务器）。',
    en: 'Run wxauth token to fetch one (stable_token: other servers keep theirs).',
  },
  'basic.show.expired': { zh: '{appid} 缓存的基础 access_token 已于 {at} 过期。', en: 'The basic access_token cached for {appid} expired at {at}.' },
  'basic.show.life': {
    zh: '来自 {kind}，剩余 {left}（到 {at}；获取于 {obtained}）。未向微信核实：{risk}',
    en: 'From {kind}: {left} left (until {at}; obtained {obtained}). Not checked with WeChat: {risk}',
  },
  'basic.show.risk.stable': {
    zh: '任何服务器带 force_refresh=true 调用 stable_token 都会提前换掉它（不带的调用不会）。',
    en: 'a stable_token call with force_refresh=true, from any server, replaces it early (calls without it do not).',
  },
  'basic.show.risk.legacy': {
    zh: '这个 appid 的任何一次 /cgi-bin/token 调用（别的服务器、脚本）都会换掉它。',
    en: 'any /cgi-bin/token call for this appid (another server, a script) replaces it.',
  },

  // Hints for token fetch errors.
  'basic.ip.hint': {
    zh: '微信看到的请求来源 IP 是 {ip}。把它加到 IP 白名单：mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单（需管理员扫码确认）。这是出口 IP：在 NAT、代理或 frp 后面时不是本机内网地址。网页授权（/sns/*）不需要白名单，只有基础 access_token 需要。',
    en: 'WeChat saw the request coming from {ip}. Add it to the IP whitelist: mp.weixin.qq.com → 设置与开发 (Settings & Development) → 基本配置 (Basic Configuration) → IP白名单 (IP whitelist); an admin confirms by scanning. It is your exit address: behind NAT, a proxy or frp it is not your LAN address. Web authorization (/sns/*) needs no whitelist; only the basic access_token does.',
  },
  'basic.ip.website.hint': {
    zh: '微信看到的请求来源 IP 是 {ip}。网站应用的 IP 白名单在开放平台：open.weixin.qq.com → 管理中心 → 网站应用 → 该应用的开发配置。这是出口 IP：在 NAT、代理或 frp 后面时不是本机内网地址。扫码登录（/sns/*）不需要白名单，只有基础 access_token 需要。',
    en: 'WeChat saw the request coming from {ip}. A website app’s IP whitelist is on the Open Platform: open.weixin.qq.com → 管理中心 (Management Center) → 网站应用 (Website Apps) → the app’s development settings. It is your exit address: behind NAT, a proxy or frp it is not your LAN address. QR login (/sns/*) needs no whitelist; only the basic access_token does.',
  },
  'basic.ip.website.unknown.hint': {
    zh: '微信没有说明它看到的 IP：在这台机器上查出口 IP（例如 curl ifconfig.me），加到开放平台 open.weixin.qq.com → 管理中心 → 网站应用 → 该应用开发配置里的 IP 白名单。',
    en: 'WeChat did not say which IP it saw: find this machine\'s exit IP (e.g. curl ifconfig.me) and add it to the IP whitelist on the Open Platform, open.weixin.qq.com → 管理中心 → 网站应用 → the app’s development settings.',
  },
  'basic.ip.unknown.hint': {
    zh: '微信没有说明它看到的 IP：在这台机器上查出口 IP（例如 curl ifconfig.me），加到 mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单。',
    en: 'WeChat did not say which IP it saw: find this machine\'s exit IP (e.g. curl ifconfig.me) and add it at mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单 (IP whitelist).',
  },
  'basic.quota.legacy.hint': {
    zh: '{path} 今天的额度用完了（多数公众号每天 2000 次）。stable_token 有独立额度：运行 wxauth{p} token（不加 --legacy）。用 wxauth{p} quota {path} 查看次数；wxauth{p} quota {path} --clear 可清零（每月 10 次）。',
    en: 'The daily quota of {path} is used up (2000 a day for most official accounts). Stable tokens have their own quota: run wxauth{p} token (without --legacy). See the count with wxauth{p} quota {path}; wxauth{p} quota {path} --clear resets it (10 a month).',
  },
  'basic.quota.legacy.test.hint': {
    zh: '{path} 今天的额度用完了（测试号每天 200 次）。stable_token 有独立额度：运行 wxauth{p} token（不加 --legacy）。用 wxauth{p} quota {path} 查看次数；wxauth{p} quota {path} --clear 可清零（每月 10 次）。',
    en: 'The daily quota of {path} is used up (200 a day for a test account). Stable tokens have their own quota: run wxauth{p} token (without --legacy). See the count with wxauth{p} quota {path}; wxauth{p} quota {path} --clear resets it (10 a month).',
  },
  'basic.quota.stable.hint': {
    zh: '{path} 的额度用完了（每分钟 1 万次、每天 50 万次）：多半有程序在循环调用。已拿到的 token 仍然有效（wxauth{p} token --show）；用 wxauth{p} quota {path} 查看次数。',
    en: "The quota of {path} is used up (10 000 a minute, 500 000 a day): something is probably calling it in a loop. The token you already have keeps working (wxauth{p} token --show); see the count with wxauth{p} quota {path}.",
  },
  'basic.quota.force.hint': {
    zh: 'force_refresh 每天最多 20 次。去掉 --force-refresh 运行 wxauth{p} token：它返回当前有效的 token，不受这个限制。用 wxauth{p} quota {path} 查看次数。',
    en: 'force_refresh is limited to 20 a day. Run wxauth{p} token without --force-refresh: it returns the current token and is not subject to that limit. See the count with wxauth{p} quota {path}.',
  },

  // wxauth user
  'basic.user.openid.invalid': { zh: '"{openid}" 不是 openid。', en: '"{openid}" is not an openid.' },
  'basic.user.openid.invalid.hint': {
    zh: 'openid 由 28 个字母、数字、_ 和 - 组成，通常以 o 开头（例如 oVLC_6lTZxSWkoZA9L1povjQiplA），且只属于一个 appid。可从 wxauth exchange 或 wxauth tokens 得到。',
    en: 'An openid is 28 letters, digits, _ and -, usually starting with o (e.g. oVLC_6lTZxSWkoZA9L1povjQiplA), and belongs to one appid. wxauth exchange and wxauth tokens show yours.',
  },
  // An access_token typed where the openid goes (user/info's URL takes both): quoted masked.
  'basic.user.openid.isToken': { zh: '"{value}" 像是 access_token，不是 openid。', en: '"{value}" looks like an access_token, not an openid.' },
  // 32 hex digits, the appsecret's shape, typed where the openid goes: quoted masked.
  'basic.user.openid.isSecret': {
    zh: '"{value}" 像是 appsecret（32 位十六进制），不是 openid。',
    en: '"{value}" looks like an appsecret (32 hex digits), not an openid.',
  },
  'basic.user.openid.isSecret.hint': {
    zh: 'wxauth user 只要 openid（28 个字符，例如 oVLC_6lTZxSWkoZA9L1povjQiplA）。appsecret 放在 profile 里（wxauth config set secret -）或 WXAUTH_SECRET，别写在命令行上。',
    en: 'wxauth user takes the openid only (28 characters, e.g. oVLC_6lTZxSWkoZA9L1povjQiplA). The appsecret goes in the profile (wxauth config set secret -) or WXAUTH_SECRET, not on the command line.',
  },
  'basic.user.openid.isToken.hint': {
    zh: 'wxauth user 只要 openid（28 个字符，例如 oVLC_6lTZxSWkoZA9L1povjQiplA）：基础 access_token 由它自己获取或复用缓存。带用户 token 调用的是网页授权的 wxauth userinfo ACCESS_TOKEN OPENID。',
    en: 'wxauth user takes the openid only (28 characters, e.g. oVLC_6lTZxSWkoZA9L1povjQiplA): it gets the basic access_token itself, or reuses the cached one. The call that takes a user’s token is web authorization’s wxauth userinfo ACCESS_TOKEN OPENID.',
  },
  'basic.user.lang.invalid': { zh: '--lang {lang} 不是微信支持的语言。', en: '--lang {lang} is not a language WeChat supports here.' },
  'basic.user.lang.invalid.hint': {
    zh: '用 --lang zh_CN、zh_TW 或 en。界面语言请放在命令前：wxauth --lang {ui}{p} user OPENID。',
    en: 'Use --lang zh_CN, zh_TW or en. For the interface language put it before the command: wxauth --lang {ui}{p} user OPENID.',
  },
  // A field's value and what it means, as `user` prints subscribe and subscribe_time.
  'basic.user.valueNote': { zh: '{value}（{note}）', en: '{value} ({note})' },
  'basic.user.follows': { zh: '已关注', en: 'follows the account' },
  'basic.user.notFollowing': { zh: '未关注', en: 'does not follow the account' },
  'basic.user.empty': { zh: '（空）', en: '(empty)' },
  'basic.user.subscribe0': {
    zh: 'subscribe = 0：这个用户没有关注公众号（从未关注或已取消关注）。此时微信只返回 openid（公众号绑定了开放平台时还有 unionid），没有 subscribe_time、备注和标签。要获取未关注用户的资料，请用网页授权（snsapi_userinfo 后运行 wxauth userinfo）。',
    en: 'subscribe = 0: this user does not follow the account (never followed, or unfollowed). WeChat then returns only openid (and unionid when the account is bound to an Open Platform account): no subscribe_time, remark or tags. For the profile of a non-follower use web authorization (wxauth userinfo after snsapi_userinfo).',
  },
  'basic.user.websiteApp': {
    zh: '{appid} 是网站应用（开放平台）：/cgi-bin/user/info 是公众号查询关注者的接口，网站应用没有关注者，这里的 subscribe 说明不了这个用户什么。扫码登录用户的资料要用那次登录的 token 调 /sns/userinfo：wxauth login 之后运行 wxauth userinfo。',
    en: '{appid} is a website app (网站应用, Open Platform): /cgi-bin/user/info is the Official Account API about followers, and a website app has none, so subscribe here says nothing about this user. A scan-login user’s profile comes from /sns/userinfo with that login’s token: wxauth userinfo after wxauth login.',
  },
  'basic.user.noNickname': {
    zh: '没有昵称和头像：/cgi-bin/user/info 自 2021-12-27 起不再返回它们（nickname、headimgurl 为空或缺失），这不是你的代码的问题。网页授权不受影响：用 snsapi_userinfo 授权后调 /sns/userinfo（wxauth login --scope snsapi_userinfo）。',
    en: 'No nickname or avatar: /cgi-bin/user/info stopped returning them on 2021-12-27 (nickname and headimgurl are empty or absent), not a bug of yours. Web authorization is unaffected: authorize with snsapi_userinfo and call /sns/userinfo (wxauth login --scope snsapi_userinfo).',
  },
  'basic.user.noUnionid': {
    zh: '没有 unionid：公众号没有绑定开放平台（open.weixin.qq.com）账号。',
    en: 'No unionid: the account is not bound to an Open Platform (open.weixin.qq.com) account.',
  },
  'basic.user.40003.hint': {
    zh: '微信在 {appid} 下找不到这个 openid。openid 按 appid 区分：其他公众号、网站应用或小程序的 openid 在这里无效。用 wxauth config list 检查当前 profile。',
    en: 'WeChat does not know this openid for {appid}. openids are per appid: one from another official account, a website app or a mini program does not work here. Check the profile with wxauth config list.',
  },
  'basic.user.48001.hint': {
    zh: '{appid} 没有 /cgi-bin/user/info 接口权限：需要认证的服务号或订阅号（或测试号）。在公众平台「接口权限」里查看。',
    en: '{appid} has no permission for /cgi-bin/user/info: it needs a verified service or subscription account (or a test account). See 接口权限 (API permissions) in the MP console.',
  },

  // wxauth quota
  'basic.quota.path.missing': { zh: '要查询哪个接口？缺少接口路径。', en: 'Which API? The path is missing.' },
  'basic.quota.path.missing.hint': {
    zh: '写接口路径，例如 wxauth{p} quota /cgi-bin/token；要清零所有接口的调用次数（每月 10 次）用 wxauth{p} quota --clear。',
    en: 'Give the API path, e.g. wxauth{p} quota /cgi-bin/token; to reset the call counts of every API (10 a month): wxauth{p} quota --clear.',
  },
  'basic.quota.path.invalid': { zh: '"{path}" 不是接口路径。', en: '"{path}" is not an API path.' },
  'basic.quota.path.invalid.hint': {
    zh: '只写路径，以 / 开头，例如 wxauth{p} quota /cgi-bin/token{flags} 或 /cgi-bin/message/custom/send。',
    en: 'Give the path only, starting with /, e.g. wxauth{p} quota /cgi-bin/token{flags} or /cgi-bin/message/custom/send.',
  },
  'basic.quota.path.didYouMean': {
    zh: '是不是想查 wxauth{p} quota {path}{flags}？接口路径以 / 开头。',
    en: 'Did you mean wxauth{p} quota {path}{flags}? An API path starts with /.',
  },
  'basic.quota.path.doubleSlash': {
    zh: '"{path}" 里有 //：微信的接口路径只以一个 / 开头，中间也没有 //（开头的 // 会被当作域名，微信答 76003）。',
    en: '"{path}" has a //: WeChat’s API paths start with a single / and have no // inside (a leading // is taken for a host, and WeChat answers 76003).',
  },
  'basic.quota.path.doubleSlash.hint': { zh: '写成 wxauth{p} quota {path}{flags}。', en: 'Write it as wxauth{p} quota {path}{flags}.' },
  'basic.quota.pathFromUrl': { zh: '查询 {path}（微信要求只写路径，不带域名和参数）。', en: 'Asking for {path} (WeChat wants the path without host and query).' },
  'basic.quota.rate': { zh: '每 {seconds} 秒 {count} 次', en: '{count} calls per {seconds} s' },
  'basic.quota.exhausted': {
    zh: '{path} 今天的额度已用完。额度在北京时间 0 点重置；wxauth quota {path} --clear 可立即清零所有接口（每月 10 次）。',
    en: 'The daily quota of {path} is used up. Quotas reset at 00:00 Beijing time; wxauth quota {path} --clear resets all counts now (10 a month).',
  },
  'basic.quota.sns.hint': {
    zh: '网页授权接口（/sns/…）没有可查询或清零的额度：微信按分钟限频，不按天计数，quota/get 对它们返回 76022。请查询 /cgi-bin/… 路径。',
    en: 'Web-authorization APIs (/sns/…) have no quota you can query or clear: WeChat limits them per minute, not per day, and quota/get answers 76022 for them. Ask about a /cgi-bin/… path.',
  },
  'basic.quota.76022.hint': {
    zh: '这个账号的 token 无权查询 {path}：该接口可能属于其他账号类型，或不按每日额度限制。',
    en: "This account's token may not query {path}: the API may belong to another account type, or not be limited by a daily quota.",
  },
  'basic.quota.76021.slash.hint': {
    zh: '微信不认识 {path}：去掉末尾的 /，写成 {trimmed}（接口路径不以 / 结尾）。',
    en: 'WeChat does not know {path}: remove the trailing /, i.e. {trimmed} (API paths do not end with /).',
  },
  'basic.quota.76021.hint': {
    zh: '微信不认识 {path}：检查拼写（从接口地址复制，不带域名和参数）。',
    en: 'WeChat does not know {path}: check the spelling (copy it from the API URL, without host and query).',
  },
  'basic.quota.76003.hint': {
    zh: '微信要求以 / 开头的纯路径（不带域名和参数）；检查 {path}。',
    en: 'WeChat wants the bare path starting with / (no host, no query); check {path}.',
  },
  'basic.clear.warn': {
    zh: 'clear_quota 会把 {appid} 所有接口的调用次数清零。它本身每月只能用 10 次，与公众平台后台的「清零」按钮共用。',
    en: 'clear_quota resets the call counts of ALL APIs of {appid}. It is itself limited to 10 a month, shared with the reset button in the MP console.',
  },
  'basic.clear.confirm': { zh: '现在清零 {appid} 所有接口的调用次数？', en: 'Reset all API call counts of {appid} now?' },
  'basic.clear.done': { zh: '{appid} 的接口调用次数已清零。', en: 'API call counts of {appid} reset.' },
  'basic.clear.48006.hint': {
    zh: '本月 10 次清零已经用完，只能等下个月。如果用完的是 /cgi-bin/token 的额度，stable_token（wxauth token）仍然可用。',
    en: 'The 10 clears of this month are used up: wait until next month. If it is the /cgi-bin/token quota that ran out, stable_token (wxauth token) still works.',
  },
  'basic.clear.40013.hint': {
    zh: '微信说 appid {appid} 不对或与 token 不匹配：用 wxauth config list 检查 profile，再运行 wxauth token。',
    en: 'WeChat says appid {appid} is invalid or does not match the token: check the profile with wxauth config list, then run wxauth token.',
  },

  // wxauth rid
  'basic.rid.invalid': { zh: '"{rid}" 不是 rid。', en: '"{rid}" is not a rid.' },
  'basic.rid.errcode.hint': {
    zh: '这是错误码，不是 rid：wxauth errcode {code} 解释它。rid 形如 617682e0-09059ac5-34a8e2ea，位于微信 errmsg 末尾（"… rid: 617682e0-09059ac5-34a8e2ea"）。',
    en: 'That is an errcode, not a rid: wxauth errcode {code} explains it. A rid looks like 617682e0-09059ac5-34a8e2ea and ends WeChat\'s errmsg ("… rid: 617682e0-09059ac5-34a8e2ea").',
  },
  'basic.rid.invalid.hint': {
    zh: 'rid 形如 617682e0-09059ac5-34a8e2ea，位于微信 errmsg 末尾（"… rid: 617682e0-09059ac5-34a8e2ea"），可以直接粘贴整段 errmsg。2021 年以前的 "hint: [xxxx]" 编号无法查询。',
    en: 'A rid looks like 617682e0-09059ac5-34a8e2ea and ends WeChat\'s errmsg ("… rid: 617682e0-09059ac5-34a8e2ea"); you can paste the whole errmsg. Pre-2021 "hint: [xxxx]" ids cannot be looked up.',
  },
  // A rid whose time (its first group) is more than RID_FUTURE_SLACK_MS ahead: refused before asking WeChat.
  'basic.rid.future': {
    zh: '{rid} 不可能是真实的 rid：rid 的第一段是请求时间，它表示的 {at} 还没到，没有请求能产生它。',
    en: '{rid} cannot be a real rid: a rid’s first group is the time of its request, and {at} is still to come, so no request produced it.',
  },
  'basic.rid.future.hint': {
    zh: '多半是抄错或编造的：从报错的 errmsg 里重新复制 rid（若确实刚产生，检查本机时钟）。',
    en: 'It is probably mistyped or made up: copy the rid again from the errmsg (if it is really fresh, check this computer’s clock).',
  },
  'basic.rid.cut': {
    zh: '"{rid}" 像是没复制完整的 rid：rid 是三组各 8 位的十六进制数，这里只有 {digits} 位。',
    en: '"{rid}" looks like a rid cut short: a rid is three groups of 8 hex digits, and this has {digits}.',
  },
  'basic.rid.cut.hint': {
    zh: '从微信 errmsg 的末尾把 rid 完整复制下来（终端换行处容易漏掉字符），或者直接粘贴整段 errmsg。',
    en: 'Copy the whole rid from the end of WeChat\'s errmsg (a terminal\'s line wrap is where characters get lost), or paste the whole errmsg.',
  },
  'basic.rid.extracted': { zh: '查询 rid {rid}（从你给的文本中提取）。', en: 'Looking up rid {rid} (taken from the text you gave).' },
  'basic.rid.old': {
    zh: '这个 rid 产生于 {at}（{age}前）；微信只保留 7 天，多半已经查不到了。',
    en: 'This rid was issued at {at} ({age} ago); WeChat keeps rids for 7 days, so it is probably gone.',
  },
  'basic.rid.76001.hint': {
    zh: '微信在 {appid} 下没有 {rid} 的记录。只有发出该请求的账号（同一 appid）能查，只保留 7 天（这个 rid 产生于 {at}），且网页授权（/sns/…）请求的 rid 一律查不到：exchange、refresh、check、userinfo 报错里的 rid 无法查询。',
    en: 'WeChat has no record of {rid} for {appid}. Only the account whose request produced a rid (same appid) can look it up, for 7 days (this one is from {at}), and rids of web-authorization (/sns/…) requests never: the rids in exchange, refresh, check and userinfo errors cannot be looked up.',
  },
  'basic.rid.76001.old.hint': {
    zh: '这个 rid 产生于 {at}，已超过微信保留的 7 天，无法再查询。',
    en: 'This rid is from {at}, older than the 7 days WeChat keeps rids: it cannot be looked up any more.',
  },
  'basic.rid.76002.hint': {
    zh: '微信认为 rid 格式不对：从 errmsg 原样复制（三段各 8 位十六进制）。',
    en: 'WeChat finds the rid malformed: copy it exactly from the errmsg (three groups of 8 hex digits).',
  },
  'basic.rid.76003.hint': {
    zh: '{rid} 属于另一个账号：用发出请求的那个 appid 的 token 查询（当前是 {appid}；用 --profile 切换）。',
    en: '{rid} belongs to another account: look it up with the token of the appid that made the request (this is {appid}; use --profile).',
  },
  'basic.rid.76022.hint': {
    zh: '网页授权（/sns/…）请求的 rid 无法查询。',
    en: 'rids of web-authorization (/sns/…) requests cannot be looked up.',
  },
  'basic.rid.empty': { zh: '（空）', en: '(empty)' },
  'basic.rid.answerError': {
    zh: '那次请求的结果是错误码 {errcode}：{errmsg}（wxauth errcode {errcode} 可查看解释）。',
    en: 'That request was answered with errcode {errcode}: {errmsg} (wxauth errcode {errcode} explains it).',
  },
  'basic.rid.redacted': {
    zh: '被查询请求中的密钥已隐藏；加 --show-secrets 显示。',
    en: 'Secrets in the looked-up request are hidden; add --show-secrets to see them.',
  },

  // wxauth domains
  'basic.domains.note': {
    zh: 'api.weixin.qq.com 背后的 {count} 个 IP（由 {host} 返回）：你的服务器连出去的地址，用于出站防火墙规则。微信会调整这些 IP：请每天重新获取一次，不要写死。微信推送消息的来源 IP 是另一份列表（/cgi-bin/getcallbackip）。',
    en: "{count} IPs behind api.weixin.qq.com (answered by {host}): the addresses your server connects to, for outbound firewall rules. WeChat changes them: refresh daily, never pin them. WeChat's own push IPs are a different list (/cgi-bin/getcallbackip).",
  },
} as const satisfies MessageSection;

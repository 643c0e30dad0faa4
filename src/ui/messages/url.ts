import type { MessageSection } from './types.js';

// Messages of the 'url' area. Keys start with 'url.' (common: 'common.' and 'wechat.').
export const messages = {
  'url.redirectUri.missing': {
    zh: '不知道回调地址（redirect_uri）。',
    en: 'No redirect URI to send WeChat back to.',
  },
  'url.refused.domainFromEnv': {
    zh: '另外：这个回调域名（{domain}）来自环境变量 WXAUTH_DOMAIN，它比 profile 优先，wxauth config set domain 改不了它：修改或 unset WXAUTH_DOMAIN。',
    en: 'Also: this callback domain ({domain}) came from WXAUTH_DOMAIN, which wins over the profile, so wxauth config set domain cannot change it: fix or unset WXAUTH_DOMAIN.',
  },
  'url.redirectUri.missing.also': {
    zh: '另外：还不知道回调地址（redirect_uri），要用 --redirect-uri <网址> 给出。',
    en: 'Also: no redirect URI is known yet; give it with --redirect-uri <url>.',
  },
  'url.redirectUri.missing.hint': {
    zh: '用 --redirect-uri {example} 指定，或保存到配置：wxauth config set redirectUri <url>',
    en: 'Pass --redirect-uri {example}, or save it in the profile: wxauth config set redirectUri <url>',
  },
  'url.redirectUri.missing.env.hint': {
    zh: '用 --redirect-uri {example} 指定，或设置环境变量 WXAUTH_REDIRECT_URI（这个账号来自 WXAUTH_APPID，profile 里的回调地址不用于它）。',
    en: 'Pass --redirect-uri {example}, or set WXAUTH_REDIRECT_URI (the account comes from WXAUTH_APPID, so the profile’s redirect URI is not used for it).',
  },
  'url.endpoint.both': {
    zh: '--authorize 和 --qrconnect 只能选一个。',
    en: '--authorize and --qrconnect cannot be used together.',
  },
  'url.endpoint.both.hint': {
    zh: '公众号（在微信内打开）用 --authorize；网站应用（PC 扫码）用 --qrconnect；都不写时按配置的账号类型选择。',
    en: 'Use --authorize for official accounts (opened inside WeChat), --qrconnect for website apps (desktop QR); with neither, the profile’s account type decides.',
  },
  'url.lang.invalid': {
    zh: '--lang 的值 {value} 无效（这里指微信扫码页面的语言）。',
    en: '--lang {value} is not valid (here it is the language of WeChat’s QR page).',
  },
  'url.lang.invalid.hint': {
    zh: '网站应用扫码页（qrconnect）的语言用 --lang cn 或 --lang en（公众号授权页没有这个参数）；要切换 wxauth 自己的语言，把 --lang zh|en 写在 url 之前：wxauth --lang {ui}{p} url',
    en: 'The website-app QR page (qrconnect) takes --lang cn or --lang en (the official-account page has no such parameter); to switch wxauth’s own language put --lang zh|en before the command: wxauth --lang {ui}{p} url',
  },
  'url.lang.authorize': {
    zh: '--lang 只对网站应用扫码页（qrconnect）有效，公众号授权页不支持。',
    en: '--lang only applies to the website-app QR page (qrconnect); the official-account page has no such parameter.',
  },
  'url.lang.authorize.hint': {
    zh: '去掉 --lang，或加上 --qrconnect（需要网站应用的 appid）。要切换 wxauth 自己的语言，把 --lang 放在 url 前面：wxauth --lang {ui} url。',
    en: 'Drop --lang, or add --qrconnect (with a website app’s appid). To switch wxauth’s own language, put --lang before url: wxauth --lang {ui} url.',
  },
  'url.embed.authorize': {
    zh: '--embed（WxLogin 内嵌二维码）只适用于网站应用的 qrconnect。',
    en: '--embed (WxLogin embedded QR) only applies to website apps on qrconnect.',
  },
  // {name}: a profile name no profile has (web unless taken), so the init it offers replaces nothing.
  'url.embed.authorize.hint': {
    zh: '内嵌二维码要用网站应用自己的 appid：先为网站应用建一个 profile（wxauth init --type website --profile {name}），再运行 wxauth --profile {name} url --embed。',
    en: 'An embedded QR needs a website app’s own appid: set up a profile for that app (wxauth init --type website --profile {name}), then run wxauth --profile {name} url --embed.',
  },
  'url.embed.authorize.hint.website': {
    zh: '内嵌二维码要用网站应用自己的 appid；已经保存了网站应用的配置，用它生成：wxauth{p} url --embed',
    en: 'An embedded QR needs a website app’s own appid; a website-app profile is saved, so use it: wxauth{p} url --embed',
  },
  'url.refused': {
    zh: '不生成这条链接，微信会拒绝它：{reason}{effect}',
    en: 'Not building this URL, WeChat would reject it: {reason} {effect}',
  },
  // The ALWAYS_BLOCKING findings WeChat itself lets through (no state; a state it may alter): wxauth's
  // own refusal, so it must not be worded as WeChat's.
  'url.refused.policy': {
    zh: '不生成这条链接（微信会接受它，但 wxauth 不生成）：{reason}{effect}',
    en: 'Not building this URL (WeChat would accept it; wxauth refuses): {reason} {effect}',
  },
  'url.refused.hint': {
    zh: '{fix}如果就是要复现这个错误，加上 --force。',
    en: '{fix} To build it anyway (e.g. to reproduce the error), add --force.',
  },
  'url.refused.hint.policy': {
    zh: '{fix}如果就是要生成它，加上 --force。',
    en: '{fix} To build it anyway, add --force.',
  },
  // snsapi_login on an official account: QR login is a website app's, on that app's profile.
  'url.refused.hint.website': {
    zh: '在微信里登录用 snsapi_base / snsapi_userinfo；PC 扫码登录要用网站应用的 appid，走 /connect/qrconnect。已经保存了网站应用的配置，用它生成：wxauth{p} url。如果就是要复现这个错误，加上 --force。',
    en: 'Inside WeChat use snsapi_base / snsapi_userinfo; desktop QR login needs a website app’s appid on /connect/qrconnect, and a website-app profile is saved, so use it: wxauth{p} url. To build this one anyway (e.g. to reproduce the error), add --force.',
  },
  'url.refused.hint.noWebsite': {
    zh: '在微信里登录用 snsapi_base / snsapi_userinfo；PC 扫码登录要用网站应用的 appid，走 /connect/qrconnect：先为网站应用建一个 profile（wxauth init --type website --profile {name}），再运行 wxauth --profile {name} url。如果就是要复现这个错误，加上 --force。',
    en: 'Inside WeChat use snsapi_base / snsapi_userinfo; desktop QR login needs a website app’s appid on /connect/qrconnect: set up a profile for that app (wxauth init --type website --profile {name}), then run wxauth --profile {name} url. To build this one anyway (e.g. to reproduce the error), add --force.',
  },
  'url.refused.hint.login': {
    zh: '{fix}改好后再运行 wxauth login（login 只用微信会接受的链接：这一条换不到 code，回调永远等不来）。',
    en: '{fix} Then run wxauth login again (login uses only a link WeChat accepts: this one brings no code, so its callback would never come).',
  },
  'url.refused.hint.login.website': {
    zh: 'PC 扫码登录要用网站应用的 appid，走 /connect/qrconnect；已有网站应用的配置，用它登录：wxauth{p} login',
    en: 'Desktop QR login needs a website app’s appid on /connect/qrconnect; a website-app profile is saved, so log in with it: wxauth{p} login',
  },
  'url.refused.hint.login.noWebsite': {
    zh: 'PC 扫码登录要用网站应用的 appid，走 /connect/qrconnect；在微信里登录则用 snsapi_base / snsapi_userinfo。先为网站应用建一个 profile：wxauth init --type website --profile {name}，再运行 wxauth --profile {name} login',
    en: 'Desktop QR login needs a website app’s appid on /connect/qrconnect (inside WeChat use snsapi_base / snsapi_userinfo). Set up a profile for that app: wxauth init --type website --profile {name}, then run wxauth --profile {name} login',
  },
  'url.refused.other': { zh: '另外：{message}', en: 'Also: {message}' },
  // url before any configuration: a mistake in its flags is said first (exit 2), then what is missing.
  'url.configMissing.also': {
    zh: '另外：{problem}{hint}',
    en: 'Also: {problem} {hint}',
  },
  'url.forced': {
    zh: '按 --force 生成，微信会拒绝：{message}{effect}',
    en: 'Built anyway (--force); WeChat will reject it: {message} — {effect}',
  },
  'url.forced.policy': {
    zh: '按 --force 生成；微信会接受，但：{message}{effect}',
    en: 'Built anyway (--force); WeChat accepts it, but: {message} — {effect}',
  },
  'url.warning': { zh: '{message}{fix}', en: '{message} {fix}' },
  'url.qr.skipped.desktop': {
    zh: '没有画二维码：扫码的手机访问不到本机上的回调地址（要画就加 --qr）。',
    en: 'No QR code: a phone that scans it cannot reach a callback on this machine (--qr draws one anyway).',
  },
  'url.landing.desktop': {
    zh: '在本机的电脑版微信里打开（公众号授权链接只能在微信内打开：发给自己，例如发到“文件传输助手”，再点开）；同意后，微信内的浏览器会跳转到 {redirectUri}',
    en: 'Open it in desktop WeChat on this machine (official-account links only work inside WeChat: send it to yourself, to File Transfer say, and click it there); after consent, WeChat’s browser is redirected to {redirectUri}',
  },
  'url.landing.authorize': {
    zh: '用手机微信扫码打开（公众号授权链接只能在微信内打开）；同意后，手机微信内会跳转到 {redirectUri}',
    en: 'Scan it with WeChat on the phone (official-account links only work inside WeChat); after consent, phone WeChat is redirected to {redirectUri}',
  },
  'url.landing.authorize.noQr': {
    zh: '在手机微信里打开它（公众号授权链接只能在微信内打开：发给自己，例如发到“文件传输助手”再点开，或者在终端里用 --qr 画出二维码来扫）；同意后，手机微信内会跳转到 {redirectUri}',
    en: 'Open it in WeChat on the phone (official-account links only work inside WeChat: send it to yourself, to File Transfer say, and tap it, or draw a QR code to scan with --qr on a terminal); after consent, phone WeChat is redirected to {redirectUri}',
  },
  'url.landing.emulator': {
    zh: '这条链接指向 {host}（当前设置的 openBase，例如 wxauth emulator），不是真实微信：在浏览器里打开，由这个页面代替微信完成授权，再跳转到 {redirectUri}',
    en: 'This link goes to {host}, not WeChat (the openBase in use, such as wxauth emulator): open it in a browser; the page plays WeChat’s part, then redirects to {redirectUri}',
  },
  'url.landing.qrconnect': {
    zh: '在电脑浏览器中打开，用手机微信扫页面上的二维码；确认后，电脑浏览器会跳转到 {redirectUri}',
    en: 'Open it in a desktop browser and scan the page’s QR code with WeChat; after confirming, the desktop browser is redirected to {redirectUri}',
  },
  'url.state.none': {
    zh: '这条链接没有 state：wxauth exchange / listen / inspect 无从校验回调。',
    en: 'This URL has no state: wxauth exchange / listen / inspect have nothing to check the callback against.',
  },
  'url.state.remembered': {
    zh: 'state {state} 已记在 profile {profile} 下，wxauth exchange / listen / inspect 会校验它。',
    en: 'state {state} remembered for profile {profile}; wxauth exchange / listen / inspect will check it.',
  },
  'url.state.notRemembered': {
    zh: '链接可以用，但它的 state {state} 没能记下，wxauth exchange / listen / inspect 将无从校验回调：{reason}',
    en: 'The URL is fine, but its state {state} was not remembered, so wxauth exchange / listen / inspect will have nothing to check the callback against: {reason}',
  },
  'url.open.opened': { zh: '已在浏览器中打开。', en: 'Opened in the browser.' },
  // --open opened nothing: {reason} why (url.open.reason.*), {where} the URL to open by hand is (url.open.where.*).
  'url.open.failed': { zh: '{reason}，{where}', en: '{reason}; {where}' },
  'url.open.reason.missing': {
    zh: '无法打开浏览器（没有 xdg-open / open / start？）',
    en: 'Could not open a browser (no xdg-open / open / start?)',
  },
  // An opener that ran and failed (xdg-open exits 3 when it finds no browser to hand the URL to); {status} is its exit code.
  'url.open.reason.exit': {
    zh: '{opener} 没能打开浏览器（退出码 {status}；自己用 {opener} 打开这个链接，就能看到它报的错）',
    en: '{opener} failed to open a browser (exit status {status}; run {opener} on the URL yourself to see its error)',
  },
  // An opener that ran and was killed by a signal ({signal}: SIGTERM, SIGKILL…): it has no exit status.
  'url.open.reason.signal': {
    zh: '{opener} 没能打开浏览器（它被信号 {signal} 终止；自己用 {opener} 打开这个链接，就能看到它报的错）',
    en: '{opener} failed to open a browser (it was killed by signal {signal}; run {opener} on the URL yourself to see its error)',
  },
  // An opener on PATH that the system would not start: {error} is url.open.reason.unstartable.eacces for EACCES, else the system's error code (ENOEXEC…).
  'url.open.reason.unstartable': {
    zh: '找到了 {opener}，但无法启动（{error}）',
    en: '{opener} was found but could not be started ({error})',
  },
  // EACCES: the file is not executable (a copy that lost its mode, a noexec mount).
  'url.open.reason.unstartable.eacces': {
    zh: 'EACCES，权限不足：它有可执行权限吗？chmod +x',
    en: 'EACCES, permission denied: is it executable? chmod +x',
  },
  'url.open.where.above': { zh: '请手动复制上面的链接。', en: 'copy the URL above by hand.' },
  // --embed opens the iframe's URL, which the snippet shows on its "// iframe:" line.
  'url.open.where.embed': { zh: '请手动打开上面片段里 // iframe: 那一行的地址。', en: 'open the address on the snippet’s // iframe: line above by hand.' },
  // stdout is not a terminal (`wxauth url --open > f`, a pipe) but stderr is: the URL is not above, it went to stdout.
  'url.open.where.stdout': {
    zh: '链接写到了 stdout（重定向到的文件或管道），不在这里；请从那里取出来手动打开。',
    en: 'the URL went to stdout (the file or pipe it is redirected to), not here: open it from there by hand.',
  },
  'url.open.where.embed.stdout': {
    zh: '片段写到了 stdout（重定向到的文件或管道），不在这里；请手动打开其中 // iframe: 那一行的地址。',
    en: 'the snippet went to stdout (the file or pipe it is redirected to), not here: open the address on its // iframe: line by hand.',
  },
  // Neither is a terminal: both may go to one file (`> f 2>&1`), so no "not here".
  'url.open.where.stdoutOnly': {
    zh: '链接写到了 stdout（重定向到的文件或管道），请从那里取出来手动打开。',
    en: 'the URL went to stdout (the file or pipe it is redirected to): open it from there by hand.',
  },
  'url.open.where.embed.stdoutOnly': {
    zh: '片段写到了 stdout（重定向到的文件或管道），请手动打开其中 // iframe: 那一行的地址。',
    en: 'the snippet went to stdout (the file or pipe it is redirected to): open the address on its // iframe: line by hand.',
  },
  // --json: nothing is "above"; the URL is a field of the document on stdout (.url, or .embed.iframeUrl).
  'url.open.where.json': {
    zh: '链接在 stdout 的 JSON 输出里（{field} 字段），请手动打开。',
    en: 'the URL is in the JSON output on stdout ({field}): open it by hand.',
  },
  'url.open.authorizeNote': {
    zh: '注意：公众号授权链接在电脑浏览器中只会显示“请在微信客户端打开链接”，请用手机扫码。',
    en: 'Note: in a desktop browser an official-account link only shows “请在微信客户端打开链接”; scan it with the phone instead.',
  },
  'url.embed.note': {
    zh: '把上面的片段放进登录页；WxLogin 会在 #{id} 中创建 iframe。redirect_uri 已编码，state 请每次重新生成并在回调时校验。',
    en: 'Put the snippet above in your login page; WxLogin creates the iframe inside #{id}. redirect_uri is already encoded; generate a fresh state per visit and verify it on callback.',
  },
} as const satisfies MessageSection;

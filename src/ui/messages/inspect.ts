import type { MessageSection } from './types.js';

// Messages of the 'inspect' area. Keys start with 'inspect.' (common: 'common.' and 'wechat.').
// Each finding id of src/core/inspect.ts has three entries: `inspect.<id>` (what is wrong),
// `inspect.<id>.effect` (what WeChat will do) and `inspect.<id>.fix` (what to do). Page texts quoted
// in effects are WeChat's own (API-FACTS §1.5, §2.1), so users can match them with what they saw.

const P10003 = '“redirect_uri 域名与后台配置不一致，错误码：10003”（PC 微信显示“redirect_uri 参数错误”）';
const P10003_EN = '“redirect_uri 域名与后台配置不一致” (10003; PC WeChat shows “redirect_uri 参数错误”)';

export const messages = {
  // --- input -------------------------------------------------------------------------------------
  'inspect.input.empty': { zh: '没有可检查的内容：输入为空。', en: 'Nothing to inspect: the input is empty.' },
  'inspect.input.empty.effect': { zh: '—', en: '—' },
  'inspect.input.empty.fix': {
    zh: '把完整 URL 作为参数传入，并加上引号：wxauth inspect "https://open.weixin.qq.com/…"',
    en: 'Pass the whole URL, quoted: wxauth inspect "https://open.weixin.qq.com/…"',
  },
  'inspect.input.unrecognised': {
    zh: '这不是微信授权链接（authorize / qrconnect），也不是带 code 或 state 的回调地址：{input}',
    en: 'This is neither a WeChat authorize/qrconnect URL nor a callback carrying code or state: {input}',
  },
  'inspect.input.unrecognised.effect': { zh: '无法判断微信会如何处理它。', en: 'There is no way to tell what WeChat would do with it.' },
  'inspect.input.unrecognised.fix': {
    zh: '传入 open.weixin.qq.com 的授权链接，或微信跳回后地址栏里的完整回调地址（含 ?code=…&state=…）。',
    en: 'Pass an open.weixin.qq.com authorization URL, or the full callback address from the address bar after WeChat redirected (with ?code=…&state=…).',
  },
  'inspect.input.whitespace': {
    zh: '链接中间有空白或换行（{chars}），通常是复制时带进来的。',
    en: 'The URL contains whitespace or line breaks ({chars}), usually picked up when copying it.',
  },
  'inspect.input.whitespace.effect': {
    zh: '链接在空白处被截断，微信收到的是残缺的参数，显示“该链接无法访问”或参数错误页。',
    en: 'The link breaks at the whitespace; WeChat gets truncated parameters and shows “该链接无法访问” or a parameter error page.',
  },
  'inspect.input.whitespace.fix': {
    zh: '删掉链接中的空格和换行；如果链接来自菜单 JSON 或配置文件，检查那里的原文。',
    en: 'Remove the spaces and line breaks; if the URL comes from menu JSON or a config file, fix it there.',
  },

  'inspect.input.fullwidth': {
    zh: '链接里有全角标点（{chars}），通常是中文输入法打的，或聊天软件转换的。',
    en: 'The URL contains full-width punctuation ({chars}), usually typed with a Chinese input method or converted by a chat app.',
  },
  'inspect.input.fullwidth.effect': {
    zh: '浏览器和微信把全角的 ？＆＝＃ 当成普通文字，不是链接的分隔符：路径和参数连在一起，微信显示“该链接无法访问”或参数错误页。',
    en: 'Browsers and WeChat read full-width ？＆＝＃ as plain text, not as the URL’s separators: the path and the parameters run together, and WeChat shows “该链接无法访问” or a parameter error page.',
  },
  'inspect.input.fullwidth.fix': {
    zh: '换成半角的 ? & = #（切到英文输入法再打），或直接用 wxauth url 生成链接；下面的检查按半角符号读这条链接。',
    en: 'Replace them with ASCII ? & = # (switch the input method to English), or build the URL with wxauth url; the checks below read the URL with the ASCII ones.',
  },

  'inspect.input.fullwidth_callback': {
    zh: '这个回调地址里有全角标点（{chars}），是复制时（如经过聊天软件）变成全角的。',
    en: 'This callback URL contains full-width punctuation ({chars}), picked up when it was copied (through a chat app, say).',
  },
  'inspect.input.fullwidth_callback.effect': {
    zh: '微信跳转时用的是半角符号，这里按半角读出 code 和 state。',
    en: 'WeChat’s redirect uses the ASCII ones; the code and state are read with them here.',
  },
  'inspect.input.fullwidth_callback.fix': {
    zh: '不用处理：wxauth exchange 和 wxauth listen --paste 也这样读，原样交给它们即可。',
    en: 'Nothing to do: wxauth exchange and wxauth listen --paste read it the same way, so pass it to them as it is.',
  },

  'inspect.input.truncated': {
    zh: '链接在第一个参数（{name}）之后就结束了。',
    en: 'The URL ends after its first parameter ({name}).',
  },
  'inspect.input.truncated.effect': {
    zh: '如果命令行里没给链接加引号，shell 会在第一个 & 处把命令截断，后面的参数根本没有传进来：下面缺参数、缺 state、缺 #wechat_redirect 的提示都由此而来。',
    en: 'If the URL was not quoted on the command line, the shell cut the command at the first &, and the other parameters never arrived: the missing parameters, state and #wechat_redirect below follow from that.',
  },
  'inspect.input.truncated.fix': {
    zh: "用单引号把整个链接括起来：wxauth inspect '<url>'",
    en: "Quote the whole URL with single quotes: wxauth inspect '<url>'",
  },

  // --- endpoint ----------------------------------------------------------------------------------
  'inspect.endpoint.no_scheme': {
    zh: '链接没有 https:// 开头。',
    en: 'The URL does not start with https://.',
  },
  'inspect.endpoint.no_scheme.effect': {
    zh: '在微信聊天或菜单里它可能不会被识别为链接，点不开。',
    en: 'In a WeChat chat or menu it may not be recognised as a link at all.',
  },
  'inspect.endpoint.no_scheme.fix': { zh: '以 {expected} 开头。', en: 'Start it with {expected}.' },
  'inspect.endpoint.http': {
    zh: '链接用的是 http://，不是 https://。',
    en: 'The URL uses http://, not https://.',
  },
  'inspect.endpoint.http.effect': {
    zh: '多一次跳转，并可能被运营商劫持或在部分客户端中打不开。',
    en: 'An extra redirect, open to tampering in transit, and some clients may refuse it.',
  },
  'inspect.endpoint.http.fix': { zh: '改用 {expected}。', en: 'Use {expected}.' },
  'inspect.endpoint.host': {
    zh: '主机名是 {host}，不是微信的授权域名。',
    en: 'The host is {host}, not WeChat’s authorization host.',
  },
  'inspect.endpoint.host.effect': {
    zh: '请求不会到达微信：域名解析失败，或打开的是别的网站。',
    en: 'The request never reaches WeChat: the name does not resolve, or another site answers.',
  },
  'inspect.endpoint.host.fix': {
    zh: '使用 {expected}。如果这是本地模拟器的链接，加上 --open-base <模拟器地址> 再检查。',
    en: 'Use {expected}. If this URL points at the local emulator, inspect it with --open-base <emulator URL>.',
  },
  'inspect.endpoint.path': {
    zh: '路径是 {path}，应为 {expected}。',
    en: 'The path is {path}; it should be {expected}.',
  },
  'inspect.endpoint.path.effect': {
    zh: '微信返回 404 或“该链接无法访问”。',
    en: 'WeChat answers 404 or shows “该链接无法访问”.',
  },
  'inspect.endpoint.path.fix': {
    zh: '路径改为 {expected}（大小写敏感，末尾不要加 /）。公众号用 /connect/oauth2/authorize，网站应用用 /connect/qrconnect。',
    en: 'Use the path {expected} (case-sensitive, no trailing /). Official accounts use /connect/oauth2/authorize, website apps /connect/qrconnect.',
  },

  'inspect.endpoint.scheme': {
    zh: '链接用的是 {scheme}://，而 {host} 只接受 {expectedScheme}://。',
    en: 'The URL uses {scheme}://, but {host} only speaks {expectedScheme}://.',
  },
  'inspect.endpoint.scheme.effect': {
    zh: '浏览器连不上：那个端口上不说 {scheme}（报连接错误或 SSL 错误），授权页打不开。',
    en: 'The browser cannot connect: that port does not speak {scheme} (a connection or SSL error), so the authorization page never opens.',
  },
  'inspect.endpoint.scheme.fix': { zh: '改用 {expected}。', en: 'Use {expected}.' },
  'inspect.endpoint.real_wechat': {
    zh: '这条链接打开的是真实微信（open.weixin.qq.com），而 wxauth 现在用的 openBase（来自 profile、--open-base 或 WXAUTH_OPEN_BASE）指向 {openBase}（例如本地模拟器）。',
    en: 'This URL goes to real WeChat (open.weixin.qq.com), while the openBase wxauth uses now (from the profile, --open-base or WXAUTH_OPEN_BASE) points at {openBase} (e.g. the local emulator).',
  },
  'inspect.endpoint.real_wechat.effect': {
    zh: '按真实微信的规则检查；同样的设置下，wxauth url 和 login 生成的链接会指向 {openBase}。',
    en: 'It is checked by real WeChat’s rules; with the same settings, the URLs wxauth url and login build go to {openBase}.',
  },
  'inspect.endpoint.real_wechat.fix': {
    zh: '要检查的就是真实链接的话无需改动；要在模拟器上试，把链接开头换成 {openBase}。',
    en: 'Nothing to change if the real URL is what you meant; to try it on the emulator, start the URL with {openBase} instead.',
  },

  // --- parameters --------------------------------------------------------------------------------
  'inspect.params.html_escaped': {
    zh: '参数分隔符被写成了 &amp;（{names}），这是从 HTML 里复制出来的。',
    en: 'Parameters are separated by &amp; ({names}): the URL was copied out of HTML source.',
  },
  'inspect.params.html_escaped.effect': {
    zh: '微信看到的参数名是“amp;redirect_uri”之类，认为必需参数缺失，显示参数错误页。',
    en: 'WeChat sees parameter names like “amp;redirect_uri”, treats the required ones as missing and shows an error page.',
  },
  'inspect.params.html_escaped.fix': {
    zh: '把 &amp; 全部换成 &；在模板里输出链接时不要做 HTML 转义两次。',
    en: 'Replace every &amp; with &; make sure the template does not HTML-escape the URL twice.',
  },
  'inspect.params.bad_encoding': {
    zh: '参数 {name} 的百分号编码无法解码：{value}',
    en: 'The percent-encoding of {name} does not decode: {value}',
  },
  'inspect.params.bad_encoding.effect': {
    zh: '微信解码失败，参数被当作错误或被截断。',
    en: 'WeChat cannot decode it; the parameter is rejected or truncated.',
  },
  'inspect.params.bad_encoding.fix': {
    zh: '用 encodeURIComponent 对参数值编码一次；单独的 % 要写成 %25。',
    en: 'Encode the value once with encodeURIComponent; a literal % must be written %25.',
  },
  'inspect.params.duplicate': {
    zh: '参数 {name} 出现了 {count} 次。',
    en: 'The parameter {name} appears {count} times.',
  },
  'inspect.params.duplicate.effect': {
    zh: '微信的正则强匹配校验不通过，或取到的不是你想要的那个值（常见：回调里 state 对不上）。',
    en: 'WeChat’s strict pattern check fails, or it picks a value you did not mean (typically: the state in the callback does not match).',
  },
  'inspect.params.duplicate.fix': {
    zh: '只保留一个 {name}：检查是不是 SDK 和你的代码各拼了一次。',
    en: 'Keep a single {name}: check whether both the SDK and your code add it.',
  },
  'inspect.params.unknown': {
    zh: '微信不认识参数 {name}。',
    en: 'WeChat does not know the parameter {name}.',
  },
  'inspect.params.unknown.effect': {
    zh: '通常被忽略；但它不会起任何作用。',
    en: 'Usually ignored, so it has no effect at all.',
  },
  'inspect.params.unknown.fix': {
    zh: '删掉 {name}；需要回传的数据放进 state 或 redirect_uri 自己的参数里。',
    en: 'Remove {name}; data you need back belongs in state or in redirect_uri’s own query.',
  },
  'inspect.params.secret': {
    zh: '链接里带着参数 {name}：这是 AppSecret，不该出现在授权链接里。',
    en: 'The link carries the parameter {name}: an AppSecret, which has no place in an authorize link.',
  },
  'inspect.params.secret.effect': {
    zh: '授权不需要它；每个打开链接的手机、沿途代理的日志和 Referer 都能看到它，拿到它的人可以用你的公众号调用接口。',
    en: 'Authorization does not need it; every phone that opens the link sees it, and so do proxies’ logs and the Referer: whoever has it can call the API as your account.',
  },
  'inspect.params.secret.fix': {
    zh: '从链接里删掉 {name}（AppSecret 只在服务端换取 code 时用）；链接已经发出去过的话，到公众平台重置 AppSecret。',
    en: 'Remove {name} from the link (the AppSecret is only for your server’s code exchange); if the link has already gone out, reset the AppSecret in the console.',
  },
  'inspect.params.token': {
    zh: '链接里带着参数 {name}：这是 token，不该出现在授权链接里。',
    en: 'The link carries the parameter {name}: a token, which has no place in an authorize link.',
  },
  'inspect.params.token.effect': {
    zh: '授权不需要它；每个打开链接的手机、沿途代理的日志和 Referer 都能看到它，token 过期之前谁拿到都能用。',
    en: 'Authorization does not need it; every phone that opens the link sees it, and so do proxies’ logs and the Referer: anyone who has it can use it until it expires.',
  },
  'inspect.params.token.fix': {
    zh: '从链接里删掉 {name}：token 只留在服务端。',
    en: 'Remove {name} from the link: tokens stay on the server.',
  },
  'inspect.params.misspelt': {
    zh: '参数 {name} 拼错了，应为 {suggestion}。',
    en: 'The parameter {name} is misspelt; it should be {suggestion}.',
  },
  'inspect.params.misspelt.effect': {
    zh: '微信不认识 {name}，当作 {suggestion} 缺失处理。',
    en: 'WeChat ignores {name} and treats {suggestion} as missing.',
  },
  'inspect.params.misspelt.fix': {
    zh: '改名为 {suggestion}（参数名大小写敏感）。',
    en: 'Rename it to {suggestion} (parameter names are case-sensitive).',
  },
  'inspect.params.missing': {
    zh: '缺少必需参数 {name}。',
    en: 'The required parameter {name} is missing.',
  },
  'inspect.params.missing.effect': {
    zh: '微信显示参数错误页（scope 不能为空 10010、redirect_uri 不能为空 10011、appid 不能为空 10012，或“该链接无法访问”）。',
    en: 'WeChat shows an error page (10010 scope不能为空, 10011 redirect_uri不能为空, 10012 appid不能为空, or “该链接无法访问”).',
  },
  'inspect.params.missing.fix': {
    zh: '按顺序带上 appid、redirect_uri、response_type=code、scope、state；用 wxauth url 生成一条正确的链接作对照。',
    en: 'Send appid, redirect_uri, response_type=code, scope, state in that order; compare with a URL built by `wxauth url`.',
  },
  'inspect.params.empty': {
    zh: '参数 {name} 是空的。',
    en: 'The parameter {name} is empty.',
  },
  'inspect.params.empty.effect': {
    zh: '微信当作缺失处理，显示参数错误页（10010 / 10011 / 10012）。',
    en: 'WeChat treats it as missing and shows an error page (10010 / 10011 / 10012).',
  },
  'inspect.params.empty.fix': {
    zh: '检查生成链接的代码：环境变量或配置项是否为空。',
    en: 'Check the code that builds the URL: an environment variable or setting is probably unset.',
  },
  'inspect.params.order': {
    zh: '参数顺序是 {actual}，微信要求 {expected}。',
    en: 'The parameters come in the order {actual}; WeChat requires {expected}.',
  },
  'inspect.params.order.effect': {
    zh: '微信对授权链接做正则强匹配，顺序不对会显示“Scope 参数错误或没有 Scope 权限”或“该链接无法访问”。',
    en: 'WeChat matches the authorization URL against a strict pattern; a wrong order shows “Scope 参数错误或没有 Scope 权限” or “该链接无法访问”.',
  },
  'inspect.params.order.fix': {
    zh: '按 {expected} 的顺序手工拼接，不要用会排序或重排参数的 URL 工具（如按字母排序的 urlencode）。',
    en: 'Concatenate them in the order {expected}; do not use URL helpers that sort or reorder parameters.',
  },
  'inspect.params.wechat_hop': {
    zh: '链接里有 {names}：这是微信内部跳转时自己加上的，链接是从微信的地址栏复制的。',
    en: 'The link carries {names}: WeChat adds these on its internal redirect, so the link was copied from WeChat’s address bar.',
  },
  'inspect.params.wechat_hop.effect': {
    zh: '它们属于复制者本人的微信会话，对别人没有用；把这样的链接发出去或放进菜单，等于把这些会话参数一并公开。',
    en: 'They belong to the WeChat session of whoever copied the link and mean nothing to anyone else; publishing the link (in a menu, a message) publishes them too.',
  },
  'inspect.params.wechat_hop.fix': {
    zh: '发布前去掉 {remove}，或者用 wxauth url 重新生成链接。',
    en: 'Remove {remove} before you publish it, or build the link again with wxauth url.',
  },
  'inspect.params.connect_redirect': {
    zh: '链接带有 connect_redirect=1（未公开的参数）。',
    en: 'The URL carries connect_redirect=1 (undocumented).',
  },
  'inspect.params.connect_redirect.effect': {
    zh: '常被用来避免微信重复访问回调，但效果并不可靠。',
    en: 'A folk remedy against WeChat hitting the callback twice; reported as unreliable.',
  },
  'inspect.params.connect_redirect.fix': {
    zh: '不要依赖它：在服务端让每个 code 只换取一次，重复的请求直接复用第一次的结果。',
    en: 'Do not rely on it: exchange each code once on the server and answer repeats with the first result.',
  },
  'inspect.response_type.invalid': {
    zh: 'response_type 是 {value}，只能是 code。',
    en: 'response_type is {value}; the only accepted value is code.',
  },
  'inspect.response_type.invalid.effect': {
    zh: '微信显示参数错误页，不会跳回。',
    en: 'WeChat shows an error page and does not redirect.',
  },
  'inspect.response_type.invalid.fix': { zh: '改为 response_type=code。', en: 'Use response_type=code.' },

  // --- scope -------------------------------------------------------------------------------------
  'inspect.scope.unknown': {
    zh: 'scope {scope} 不是微信网页授权的作用域。',
    en: 'The scope {scope} is not a WeChat web-authorization scope.',
  },
  'inspect.scope.unknown.effect': {
    zh: '微信显示“Scope 参数错误或没有 Scope 权限”（这个页面没有错误码）。',
    en: 'WeChat shows “Scope 参数错误或没有 Scope 权限” (a page with no error code).',
  },
  'inspect.scope.unknown.fix': {
    zh: '公众号（authorize）用 snsapi_base 或 snsapi_userinfo，网站应用（qrconnect）用 snsapi_login；全部小写。snsapi_privateinfo 是企业微信的，不适用。',
    en: 'Official accounts (authorize) take snsapi_base or snsapi_userinfo, website apps (qrconnect) snsapi_login, all lower case. snsapi_privateinfo is WeCom’s and does not apply.',
  },
  'inspect.scope.misspelt': {
    zh: 'scope {scope} 不是微信网页授权的作用域：是不是 {suggestion}？',
    en: 'The scope {scope} is not a WeChat web-authorization scope: did you mean {suggestion}?',
  },
  'inspect.scope.misspelt.effect': {
    zh: '微信显示“Scope 参数错误或没有 Scope 权限”（这个页面没有错误码）。',
    en: 'WeChat shows “Scope 参数错误或没有 Scope 权限” (a page with no error code).',
  },
  'inspect.scope.misspelt.fix': {
    zh: '改为 scope={suggestion}（作用域名全部小写）。',
    en: 'Use scope={suggestion} (scope names are all lower case).',
  },
  'inspect.scope.multiple': {
    zh: 'scope 里有多个作用域：{scope}',
    en: 'scope lists several scopes: {scope}',
  },
  'inspect.scope.multiple.effect': {
    zh: '公众号授权一次只接受一个作用域，会显示“Scope 参数错误或没有 Scope 权限”；网站应用目前只有 snsapi_login。',
    en: 'Official-account authorization takes exactly one scope and shows “Scope 参数错误或没有 Scope 权限”; website apps only have snsapi_login.',
  },
  'inspect.scope.multiple.fix': {
    zh: '只写一个：需要昵称头像用 snsapi_userinfo（它也会返回 openid），否则用 snsapi_base。',
    en: 'Pick one: snsapi_userinfo if you need nickname and avatar (it returns the openid too), otherwise snsapi_base.',
  },
  'inspect.scope.login_on_authorize': {
    zh: '{scope} 用在了公众号授权地址 /connect/oauth2/authorize 上。',
    en: '{scope} is used on the official-account endpoint /connect/oauth2/authorize.',
  },
  'inspect.scope.login_on_authorize.effect': {
    zh: '微信显示 10005“此公众号并没有这些scope的权限”。',
    en: 'WeChat shows 10005 “此公众号并没有这些scope的权限”.',
  },
  // <name>, not a name of ours: inspect (and url --force, probe, doctor) word it without reading the saved
  // profiles, and a fixed one (web) may be this account's own, which `init --profile web --yes` would replace.
  'inspect.scope.login_on_authorize.fix': {
    zh: '在微信里登录用 snsapi_base / snsapi_userinfo；PC 扫码登录要用网站应用的 appid 和 /connect/qrconnect：用网站应用的 profile 生成链接（wxauth --profile <名字> url）；还没有这个 profile 的话，先起一个还没人用的名字建一个：wxauth init --type website --profile <名字>。',
    en: 'Inside WeChat use snsapi_base / snsapi_userinfo; desktop QR login needs a website app’s appid on /connect/qrconnect: build the link with that app’s profile (wxauth --profile <name> url); with none saved yet, set one up under a name no profile has: wxauth init --type website --profile <name>.',
  },
  'inspect.scope.oa_on_qrconnect': {
    zh: '{scope} 用在了网站应用扫码地址 /connect/qrconnect 上。',
    en: '{scope} is used on the website-app endpoint /connect/qrconnect.',
  },
  'inspect.scope.oa_on_qrconnect.effect': {
    zh: '微信显示“该链接无法访问”或“Scope 参数错误或没有 Scope 权限”。',
    en: 'WeChat shows “该链接无法访问” or “Scope 参数错误或没有 Scope 权限”.',
  },
  'inspect.scope.oa_on_qrconnect.fix': {
    zh: '网站应用只用 scope=snsapi_login；snsapi_base / snsapi_userinfo 属于公众号的 /connect/oauth2/authorize。',
    en: 'Website apps use scope=snsapi_login only; snsapi_base / snsapi_userinfo belong to the official account’s /connect/oauth2/authorize.',
  },

  // --- fragment ----------------------------------------------------------------------------------
  'inspect.fragment.missing': {
    zh: '链接末尾没有 #wechat_redirect。',
    en: 'The URL does not end with #wechat_redirect.',
  },
  'inspect.fragment.missing.effect': {
    zh: '微信文档要求必须带上；通过 302 跳转打开时缺少它会失败，部分客户端显示“该链接无法访问”。',
    en: 'WeChat’s docs require it; when opened through a 302 redirect the link fails without it, and some clients show “该链接无法访问”.',
  },
  'inspect.fragment.missing.fix': {
    zh: '在 state 之后加上 #wechat_redirect（它必须是链接的最后一部分）。',
    en: 'Append #wechat_redirect after state (it must be the very end of the URL).',
  },
  'inspect.fragment.missing_qrconnect': {
    zh: '链接末尾没有 #wechat_redirect（网站应用文档的示例链接带着它）。',
    en: 'The URL does not end with #wechat_redirect (the website-app doc’s example URL has it).',
  },
  'inspect.fragment.missing_qrconnect.effect': {
    zh: '在浏览器里打开扫码页不需要它，不影响登录；只是与文档示例不一致。',
    en: 'A QR login page opened in a browser works without it; the URL only differs from the doc’s example.',
  },
  'inspect.fragment.missing_qrconnect.fix': {
    zh: '可选：在 state 之后加上 #wechat_redirect，与文档一致（wxauth url 生成的链接带着它）。',
    en: 'Optional: append #wechat_redirect after state to match the doc (URLs built by wxauth url have it).',
  },
  'inspect.fragment.wrong': {
    zh: '链接末尾是 #{fragment}，应为 #wechat_redirect。',
    en: 'The URL ends with #{fragment}; it should be #wechat_redirect.',
  },
  'inspect.fragment.wrong.effect': {
    zh: '等同于没有 #wechat_redirect：通过跳转打开时可能失败。',
    en: 'Same as having no #wechat_redirect: the link may fail when opened through a redirect.',
  },
  'inspect.fragment.wrong.fix': { zh: '改为 #wechat_redirect。', en: 'Change it to #wechat_redirect.' },
  'inspect.fragment.before_query': {
    zh: '#wechat_redirect 写在了参数前面：? 和所有参数都在 # 之后。',
    en: '#wechat_redirect comes before the parameters: the ? and every parameter are after the #.',
  },
  'inspect.fragment.before_query.effect': {
    zh: '# 之后的内容留在浏览器里，不会发给微信：微信收到的链接没有 appid、redirect_uri、scope，显示错误页（10012 appid不能为空，或“该链接无法访问”），不会跳转到你的回调。',
    en: 'Nothing after # leaves the browser: WeChat gets a link with no appid, redirect_uri or scope and shows an error page (10012 appid不能为空, or “该链接无法访问”), with no redirect to your callback.',
  },
  'inspect.fragment.before_query.fix': {
    zh: '把参数紧接在路径后面（?appid=…&redirect_uri=…&response_type=code&scope=…&state=…），#wechat_redirect 放在最后；下面的检查按改正后的位置进行。',
    en: 'Put the parameters right after the path (?appid=…&redirect_uri=…&response_type=code&scope=…&state=…) and #wechat_redirect at the very end; the checks below read them where they belong.',
  },
  'inspect.fragment.params_after': {
    zh: '#wechat_redirect 后面还有内容：{after}',
    en: 'Something follows #wechat_redirect: {after}',
  },
  'inspect.fragment.params_after.effect': {
    zh: '# 之后的内容不会发给微信，这些参数等于没传。',
    en: 'Nothing after # is sent to WeChat; those parameters are lost.',
  },
  'inspect.fragment.params_after.fix': {
    zh: '把这些参数移到 # 之前（state 紧跟 scope），#wechat_redirect 放在最后。',
    en: 'Move them before the # (state right after scope) and keep #wechat_redirect last.',
  },

  // --- redirect_uri ------------------------------------------------------------------------------
  'inspect.redirect_uri.not_encoded': {
    zh: 'redirect_uri 没有做 URL 编码：{value}',
    en: 'redirect_uri is not URL-encoded: {value}',
  },
  'inspect.redirect_uri.not_encoded.effect': {
    zh: '不带参数时有时能用，但一旦 redirect_uri 里有 & 或 #，就会被截断，出现“redirect_uri 参数错误”。',
    en: 'It sometimes works without a query, but as soon as redirect_uri contains & or #, it is cut and WeChat shows “redirect_uri 参数错误”.',
  },
  'inspect.redirect_uri.not_encoded.fix': {
    zh: '用 encodeURIComponent(redirectUri) 编码一次（PHP: urlencode，Java: URLEncoder.encode）。',
    en: 'Encode it once with encodeURIComponent(redirectUri) (PHP: urlencode, Java: URLEncoder.encode).',
  },
  'inspect.redirect_uri.query_split': {
    zh: 'redirect_uri 没有编码，它自己的参数被截断成了授权链接的参数：{lost}',
    en: 'redirect_uri is not encoded, so part of its own query became parameters of the authorization URL: {lost}',
  },
  'inspect.redirect_uri.query_split.effect': {
    zh: '微信跳回时这些参数丢失；参数顺序也被打乱，可能显示参数错误页。',
    en: 'Those parameters are missing when WeChat redirects back, and the extra parameters can trip WeChat’s pattern check.',
  },
  'inspect.redirect_uri.query_split.fix': {
    zh: '用 encodeURIComponent 对整个 redirect_uri 编码一次，& 会变成 %26。',
    en: 'Encode the whole redirect_uri once with encodeURIComponent, so & becomes %26.',
  },
  'inspect.redirect_uri.hash_unencoded': {
    zh: 'redirect_uri 里的 # 没有编码，后面的参数（{lost}）都落进了链接的 # 片段。',
    en: 'The # inside redirect_uri is not encoded, so the parameters after it ({lost}) fell into the URL fragment.',
  },
  'inspect.redirect_uri.hash_unencoded.effect': {
    zh: '# 之后的内容不会发给微信，它看到的参数不全，显示“该链接无法访问”或参数错误页。',
    en: 'Nothing after # reaches WeChat; it sees missing parameters and shows “该链接无法访问” or a parameter error page.',
  },
  'inspect.redirect_uri.hash_unencoded.fix': {
    zh: '用 encodeURIComponent 编码 redirect_uri（# 会变成 %23）；更稳妥的做法是回调到一个不带 # 的页面，再由它跳到前端路由。',
    en: 'Encode redirect_uri with encodeURIComponent (# becomes %23); better still, call back to a page without # and route from there.',
  },
  'inspect.redirect_uri.double_encoded': {
    zh: 'redirect_uri 被编码了两次：微信解码后得到 {value}',
    en: 'redirect_uri is encoded twice: after decoding, WeChat sees {value}',
  },
  'inspect.redirect_uri.double_encoded.effect': {
    zh: `这不是一个网址，微信显示${P10003}。`,
    en: `That is not a URL, so WeChat shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.double_encoded.fix': {
    zh: '只编码一次：检查是否在拼接前已经编码、框架又编码了一遍。',
    en: 'Encode it once: check whether you encode it and then a framework or SDK encodes it again.',
  },
  'inspect.redirect_uri.encoded_many': {
    zh: 'redirect_uri 被编码了 {times} 次：微信解码一次后得到 {value}',
    en: 'redirect_uri is encoded {times} times: after decoding once, WeChat sees {value}',
  },
  'inspect.redirect_uri.encoded_many.effect': {
    zh: `这不是一个网址，微信显示${P10003}。`,
    en: `That is not a URL, so WeChat shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.encoded_many.fix': {
    zh: '只编码一次：找出链接经过的每一处编码（自己的代码、框架、SDK、网关或跳转页），只留一处。',
    en: 'Encode it once: find every place the link is encoded on its way (your code, a framework, an SDK, a gateway or redirect page) and keep one.',
  },
  'inspect.redirect_uri.whitespace': {
    zh: 'redirect_uri 里有空白字符（{chars}）：{value}',
    en: 'redirect_uri contains whitespace ({chars}): {value}',
  },
  'inspect.redirect_uri.whitespace.effect': {
    zh: `与后台配置对不上，微信显示${P10003}。`,
    en: `It no longer matches the configuration; WeChat shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.whitespace.fix': {
    zh: '去掉首尾空格和 \\r\\n（常见于菜单 JSON、环境变量、Windows 换行的配置文件）。',
    en: 'Trim spaces and \\r\\n (common in menu JSON, environment variables and config files with Windows line endings).',
  },
  'inspect.redirect_uri.no_scheme': {
    zh: 'redirect_uri 没有 http:// 或 https://：{value}',
    en: 'redirect_uri has no http:// or https://: {value}',
  },
  'inspect.redirect_uri.no_scheme.effect': {
    zh: `微信显示${P10003}。`,
    en: `WeChat shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.no_scheme.fix': {
    zh: '写完整的绝对地址，例如 https://www.example.com/oauth/callback，再编码一次。',
    en: 'Use a full absolute URL such as https://www.example.com/oauth/callback, encoded once.',
  },
  'inspect.extracted': {
    zh: '检查的是这段文字里的地址，前后的文字已忽略：{address}',
    en: 'Inspected the address in this text; the words around it were left out: {address}',
  },
  'inspect.redirect_uri.invalid': {
    zh: 'redirect_uri 不是有效的网址（没有主机名，主机名里有主机名不可能有的字符，或端口不是数字）：{value}',
    en: 'redirect_uri is not a valid address (it has no host, its host has characters no host name has, or its port is not a number): {value}',
  },
  'inspect.redirect_uri.invalid.effect': {
    zh: `微信显示${P10003}。`,
    en: `WeChat shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.invalid.fix': {
    zh: '检查生成 redirect_uri 的代码（主机名从哪里来），写成完整的绝对地址，例如 https://www.example.com/oauth/callback，再编码一次。',
    en: 'Check the code that makes the redirect_uri (where its host comes from), and use a full absolute URL such as https://www.example.com/oauth/callback, encoded once.',
  },
  'inspect.redirect_uri.relative': {
    zh: 'redirect_uri 是相对路径：{value}',
    en: 'redirect_uri is a relative path: {value}',
  },
  'inspect.redirect_uri.relative.effect': {
    zh: `微信不知道跳回哪个域名，显示${P10003}。`,
    en: `WeChat cannot know which host to return to and shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.relative.fix': {
    zh: '加上协议和域名，例如 https://www.example.com{value}。',
    en: 'Add the scheme and host, e.g. https://www.example.com{value}.',
  },
  'inspect.redirect_uri.bad_scheme': {
    zh: 'redirect_uri 的协议是 {scheme}:，只能是 http 或 https。',
    en: 'redirect_uri uses the scheme {scheme}:; only http and https are allowed.',
  },
  'inspect.redirect_uri.bad_scheme.effect': {
    zh: '微信显示“redirect_uri 参数错误”，不会打开 App 或其他协议。',
    en: 'WeChat shows “redirect_uri 参数错误”; it does not open apps or other schemes.',
  },
  'inspect.redirect_uri.bad_scheme.fix': {
    zh: '回调到授权域名下的 https 页面，再由该页面唤起 App。',
    en: 'Call back to an https page on the callback domain and open the app from there.',
  },
  'inspect.redirect_uri.fragment': {
    zh: 'redirect_uri 带有 # 片段（{fragment}），例如前端 hash 路由：code 会落在 # 之后，服务端收不到。',
    en: 'redirect_uri carries a # fragment ({fragment}), e.g. a hash route: the code will land after the #, where your server never sees it.',
  },
  'inspect.redirect_uri.fragment.effect': {
    zh: '微信把 ?code=…&state=… 直接拼在整个地址后面，也就是 # 之后：浏览器不把 # 之后的内容发给服务器，只有页面里的 location.hash 能读到。',
    en: 'WeChat appends ?code=…&state=… to the whole address, so after the #: browsers never send what follows # to the server; only location.hash in the page can read it.',
  },
  'inspect.redirect_uri.fragment.fix': {
    zh: '回调到一个不带 # 的地址（例如 /oauth/callback），由它处理 code 后再跳转到前端路由。',
    en: 'Call back to an address without # (e.g. /oauth/callback) that handles the code, then route to the front end.',
  },
  'inspect.redirect_uri.carries_code': {
    zh: 'redirect_uri 自己已经带着 {names} 参数（多半是把当前页面地址当作了回调地址）。',
    en: 'redirect_uri already carries {names} (probably the current page URL reused as the callback).',
  },
  'inspect.redirect_uri.carries_code.effect': {
    zh: '回调里会出现两个 code / state，服务端可能取到旧的那个，换取时报 40029 或 40163。',
    en: 'The callback will carry two codes / states; your server may read the old one and get 40029 or 40163 when exchanging it.',
  },
  'inspect.redirect_uri.carries_code.fix': {
    zh: '生成授权链接前，先从 redirect_uri 中去掉 code 和 state 参数。',
    en: 'Strip code and state from redirect_uri before building the authorization URL.',
  },
  'inspect.redirect_uri.http': {
    zh: 'redirect_uri 使用 http。',
    en: 'redirect_uri uses http.',
  },
  'inspect.redirect_uri.http.effect': {
    zh: '可以用，但 code 会以明文经过网络；微信文档建议回调使用 https。',
    en: 'It works, but the code travels in clear text; WeChat’s docs recommend https for the callback.',
  },
  'inspect.redirect_uri.http.fix': {
    zh: '生产环境改用 https；注意 http 和 https 要与服务器实际提供的一致。',
    en: 'Use https in production, and keep http/https the same as what the server actually serves.',
  },
  'inspect.redirect_uri.loopback_phone': {
    zh: 'redirect_uri 指向 {host}，而公众号授权是在微信里完成的：手机微信访问不到它。',
    en: 'redirect_uri points at {host}, but official-account authorization happens inside WeChat: WeChat on a phone cannot reach it.',
  },
  'inspect.redirect_uri.loopback_phone.effect': {
    zh: '在手机上跳回时，{host} 指的是手机自己，回调到不了你的电脑。',
    en: 'Redirected on a phone, {host} is the phone itself; the callback never reaches your computer.',
  },
  'inspect.redirect_uri.loopback_phone.fix': {
    zh: '在这台电脑的电脑版微信里打开链接（发给自己，例如发到“文件传输助手”），{host} 就是这台电脑；要用手机，测试号可以用电脑的局域网 IP:端口（手机和电脑在同一网络），或用内网穿透 / 中转页；也可以用 wxauth emulator 在本机完整模拟。',
    en: 'Open the link in desktop WeChat on this computer (send it to yourself, to File Transfer say), where {host} is this computer. For a phone, a test account can use the computer’s LAN IP:port (phone on the same network), or a tunnel / relay page; or simulate the whole flow locally with wxauth emulator.',
  },
  'inspect.redirect_uri.ip': {
    zh: 'redirect_uri 的主机是 IP 地址 {host}。',
    en: 'redirect_uri’s host is an IP address, {host}.',
  },
  'inspect.redirect_uri.ip.effect': {
    zh: `只有测试号能把 IP 配置为授权回调域名；正式账号会显示${P10003}。`,
    en: `Only test accounts can register an IP as the callback domain; real accounts show ${P10003_EN}.`,
  },
  'inspect.redirect_uri.ip.fix': {
    zh: '正式账号请使用已备案并配置为网页授权域名的域名。本地调试请改用测试号（在 mp.weixin.qq.com/debug/cgi-bin/sandbox 申请），用它自己的 appid 和 secret 建 profile：wxauth init --profile test --type test。如果这个 appid 本来就是测试号，告诉 wxauth：wxauth config set type test{p}。',
    en: 'Real accounts need a registered (ICP-filed) domain configured as the callback domain. For local debugging use a test account (get one at mp.weixin.qq.com/debug/cgi-bin/sandbox) in a profile with its own appid and secret: wxauth init --profile test --type test. If this appid already is a test account, say so: wxauth config set type test{p}.',
  },
  'inspect.redirect_uri.port': {
    zh: 'redirect_uri 带有端口 {port}。',
    en: 'redirect_uri has the port {port}.',
  },
  'inspect.redirect_uri.port.effect': {
    zh: `正式账号的 redirect_uri 不能带端口（只能用不写出来的默认端口 80/443），否则会显示${P10003}；测试号需要把端口一起写进授权回调域名。`,
    en: `A real account’s redirect_uri takes no port (only the default 80/443, left unwritten), or WeChat shows ${P10003_EN}; a test account must include the port in its configured domain.`,
  },
  'inspect.redirect_uri.port.fix': {
    zh: '去掉端口，用反向代理把 80/443 转到你的服务；测试号则把“IP:端口”配置为授权回调域名，并告诉 wxauth：wxauth config set domain {hostportArg}{p}。',
    en: 'Drop the port and put a reverse proxy on 80/443; on a test account configure “IP:port” as the callback domain and tell wxauth: wxauth config set domain {hostportArg}{p}.',
  },
  'inspect.redirect_uri.userinfo': {
    zh: 'redirect_uri 在主机名前带了用户名或密码：{userinfo}@{host}',
    en: 'redirect_uri carries a user name or password before its host: {userinfo}@{host}',
  },
  'inspect.redirect_uri.userinfo.effect': {
    zh: `浏览器会丢掉“{userinfo}@”，但微信按原文取主机名与授权回调域名比对，对不上，显示${P10003}。`,
    en: `A browser would drop “{userinfo}@”, but WeChat takes the host as written and compares it with the callback domain, finds no match and shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.userinfo.fix': {
    zh: '去掉“{userinfo}@”，让主机名 {host} 紧跟在 // 之后。',
    en: 'Remove “{userinfo}@”, so the host {host} comes right after //.',
  },
  'inspect.redirect_uri.host_non_ascii': {
    zh: 'redirect_uri 的主机名 {host} 含有 ASCII 以外的字符（例如全角字母）。',
    en: 'redirect_uri’s host {host} has characters outside ASCII (full-width letters, say).',
  },
  'inspect.redirect_uri.host_non_ascii.effect': {
    zh: `浏览器会把它换成 {ascii}，但微信按原文取主机名与授权回调域名比对，对不上，显示${P10003}。`,
    en: `A browser would turn it into {ascii}, but WeChat takes the host as written and compares it with the callback domain, finds no match and shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.host_non_ascii.fix': {
    zh: '主机名只用 ASCII 写：{ascii}（中文域名写成它的 xn-- 形式，回调域也按这个形式配置）。',
    en: 'Write the host in ASCII: {ascii} (an internationalised domain in its xn-- form, configured in that form too).',
  },
  'inspect.redirect_uri.default_port': {
    zh: 'redirect_uri 写出了默认端口：{hostport}。',
    en: 'redirect_uri writes out the default port: {hostport}.',
  },
  'inspect.redirect_uri.default_port.effect': {
    zh: `微信文档说正式账号的 redirect_uri 不支持带端口号；写出来的默认端口算不算，文档没有说：微信若按原文比对，会显示${P10003}。`,
    en: `WeChat’s doc says a real account’s redirect_uri takes no port number; whether a default port written out counts is not documented: if WeChat compares it as written, it shows ${P10003_EN}.`,
  },
  'inspect.redirect_uri.default_port.fix': {
    zh: '去掉“:{port}”：不写端口的 {host} 用的就是这个端口。',
    en: 'Drop “:{port}”: {host} without a port is that very port.',
  },
  'inspect.redirect_uri.scheme_mismatch': {
    zh: 'redirect_uri 用的是 {scheme}，而此配置的回调地址用的是 {expected}。',
    en: 'redirect_uri uses {scheme}, while this profile’s redirect URI uses {expected}.',
  },
  'inspect.redirect_uri.scheme_mismatch.effect': {
    zh: '协议不一致时，微信会把用户跳到一个没有监听的端口或打不开的页面。',
    en: 'With mismatched schemes WeChat’s redirect lands on a port nothing listens on, or on a page that does not open.',
  },
  'inspect.redirect_uri.scheme_mismatch.fix': {
    zh: '统一使用 {expected}（或更新配置：wxauth config set redirectUri <url>{p}）。',
    en: 'Use {expected} consistently (or update the profile: wxauth config set redirectUri <url>{p}).',
  },

  // --- callback domain ---------------------------------------------------------------------------
  'inspect.domain.host': {
    zh: 'redirect_uri 指向 {hostport}，与授权回调域名 {domain} 不一致。',
    en: 'redirect_uri points at {hostport}, which is not the callback domain {domain}.',
  },
  'inspect.domain.host.effect': {
    zh: `微信显示${P10003}；网站应用显示“该链接无法访问”或“redirect_uri 参数错误”。`,
    en: `WeChat shows ${P10003_EN}; website apps show “该链接无法访问” or “redirect_uri 参数错误”.`,
  },
  'inspect.domain.host.fix': {
    zh: '把 redirect_uri 改到 {domain} 下，或在公众平台“网页授权域名”（网站应用：授权回调域）里配置 {configure}，并更新 wxauth：wxauth config set domain {configureArg}{p}。',
    en: 'Move redirect_uri under {domain}, or configure {configure} as the web-authorization domain (website apps: 授权回调域) and tell wxauth: wxauth config set domain {configureArg}{p}.',
  },
  'inspect.domain.emulator_host_ip': {
    zh: 'redirect_uri 指向 {hostport}，与授权回调域名 {domain} 不一致（同一台机器，但主机名不同）。',
    en: 'redirect_uri points at {hostport}, which is not the callback domain {domain} (the same machine, by another name).',
  },
  'inspect.domain.emulator_host_ip.effect': {
    zh: `这个 URL 打开的是模拟器，它和微信一样按主机名比对回调域，会显示${P10003}。`,
    en: `This URL goes to the emulator, which compares the callback's host name with the domain as WeChat does, and shows ${P10003_EN}.`,
  },
  'inspect.domain.emulator_host_ip.fix': {
    zh: '用回调域的主机名在本机接收：wxauth login --host {domainHost} --port 0，模拟器用 wxauth emulator --domain "{appid}={domainHost}:*" 启动（正式账号的回调域不带端口，这样模拟器才接受任意端口）；或者 --port 80（Linux 上可能要 sudo）。',
    en: 'Catch it under the domain’s own name: wxauth login --host {domainHost} --port 0, with the emulator started as wxauth emulator --domain "{appid}={domainHost}:*" (a real account’s domain has no port; that makes the emulator take any); or --port 80 (which may need sudo on Linux).',
  },
  'inspect.domain.host_ip': {
    zh: 'redirect_uri 指向 {hostport}，与授权回调域名 {domain} 不一致；而且只有测试号能把 IP 配成网页授权域名。',
    en: 'redirect_uri points at {hostport}, which is not the callback domain {domain}; and only a test account can register an IP as its web-authorization domain.',
  },
  'inspect.domain.host_ip.effect': {
    zh: `微信显示${P10003}。`,
    en: `WeChat shows ${P10003_EN}.`,
  },
  'inspect.domain.host_ip.fix': {
    zh: '把 redirect_uri 改到 {domain} 下（回调域是 localhost 时，login / listen 加上 --host localhost --port 80：正式账号的域名不带端口，回调只能在 80 端口；Linux 上监听 80 端口可能要 sudo）。要用 IP 和端口在本机调试，换用测试号：在 mp.weixin.qq.com/debug/cgi-bin/sandbox 申请，用它的 appid 和 secret 建一个 profile（wxauth init --type test）。',
    en: 'Move redirect_uri under {domain} (when the domain is localhost, give login / listen --host localhost --port 80: a real account’s domain has no port, so the callback is on port 80, which may need sudo on Linux). To debug with an IP and a port on this machine, use a test account: get one at mp.weixin.qq.com/debug/cgi-bin/sandbox and make a profile with its appid and secret (wxauth init --type test).',
  },
  'inspect.domain.host_ip_website': {
    zh: 'redirect_uri 指向 {hostport}，与授权回调域 {domain} 不一致；网站应用的授权回调域不能是 IP。',
    en: 'redirect_uri points at {hostport}, which is not the callback domain {domain}; a website app’s callback domain cannot be an IP.',
  },
  'inspect.domain.host_ip_website.effect': {
    zh: '网站应用显示“该链接无法访问”或“redirect_uri 参数错误”。',
    en: 'Website apps show “该链接无法访问” or “redirect_uri 参数错误”.',
  },
  'inspect.domain.host_ip_website.fix': {
    zh: '把 redirect_uri 改到 {domain} 下（回调域是 localhost 时，login 加上 --host localhost --port 80：授权回调域不带端口，回调只能在 80 端口；Linux 上监听 80 端口可能要 sudo）。网站应用没有测试号；在本机试扫码登录，用模拟器：wxauth emulator --domain "{appid}=localhost:*"，再 wxauth login --host localhost --port 0。',
    en: 'Move redirect_uri under {domain} (when the domain is localhost, give login --host localhost --port 80: the callback domain has no port, so the callback is on port 80, which may need sudo on Linux). Website apps have no test accounts; to try the QR login on this machine, use the emulator: wxauth emulator --domain "{appid}=localhost:*", then wxauth login --host localhost --port 0.',
  },
  'inspect.domain.subdomain': {
    zh: 'redirect_uri 指向 {hostport}，它是授权回调域名 {domain} 的子域名。',
    en: 'redirect_uri points at {hostport}, a subdomain of the callback domain {domain}.',
  },
  'inspect.domain.subdomain.effect': {
    zh: `授权回调域名按完整域名匹配，子域名不包括在内：微信显示${P10003}。`,
    en: `The callback domain matches the full host only; subdomains are not covered, so WeChat shows ${P10003_EN}.`,
  },
  'inspect.domain.subdomain.fix': {
    zh: '回调到 {domain} 本身，或把回调域改为 {host}。',
    en: 'Call back to {domain} itself, or change the configured domain to {host}.',
  },
  'inspect.domain.parent': {
    zh: 'redirect_uri 指向 {hostport}，而授权回调域名是 {domain}（例如少了 www.）。',
    en: 'redirect_uri points at {hostport}, but the callback domain is {domain} (e.g. a missing www.).',
  },
  'inspect.domain.parent.effect': {
    zh: `配置 {domain} 不覆盖上级域名 {host}：微信显示${P10003}。`,
    en: `Configuring {domain} does not cover its parent {host}; WeChat shows ${P10003_EN}.`,
  },
  'inspect.domain.parent.fix': {
    zh: '回调到 {domain}（注意 www.），或把回调域改为 {host}。',
    en: 'Call back to {domain} (mind the www.), or change the configured domain to {host}.',
  },
  'inspect.domain.port': {
    zh: 'redirect_uri 指向 {hostport}，端口与授权回调域名 {domain} 不符。',
    en: 'redirect_uri points at {hostport}; the port does not fit the callback domain {domain}.',
  },
  'inspect.domain.port.effect': {
    zh: `正式账号不支持端口号；测试号的端口必须写在配置的回调域里并且一致。微信显示${P10003}。`,
    en: `Real accounts do not accept ports; on test accounts the port must be in the configured domain and match. WeChat shows ${P10003_EN}.`,
  },
  'inspect.domain.port.fix': {
    zh: '正式账号：去掉端口，回调在 80/443 端口上提供（回调在本机时：wxauth login / listen 用 --port 80）。测试号：把回调域配置为与 redirect_uri 相同的“主机:端口”（wxauth config set domain {hostportArg}{p}）。',
    en: 'Real accounts: drop the port and serve the callback on 80/443 (for a callback on this machine: wxauth login / listen --port 80). Test accounts: configure the same “host:port” as the redirect_uri (wxauth config set domain {hostportArg}{p}).',
  },
  'inspect.domain.emulator_only': {
    zh: 'redirect_uri 指向 {hostport}：正式账号的回调地址不能带端口或用 IP（只有测试号可以），真实微信会拒绝。',
    en: 'redirect_uri points at {hostport}: a real account cannot have a port or an IP in its callback (only test accounts can), so WeChat would refuse it.',
  },
  'inspect.domain.emulator_only.effect': {
    zh: `这个 URL 打开的是模拟器：它和微信一样显示${P10003}，除非启动时用 --domain 把这个端口写进该应用的回调域（真实微信从不允许）。`,
    en: `This URL goes to the emulator, which shows ${P10003_EN} as WeChat does, unless it was started with a --domain naming this port for the app (which real WeChat never allows).`,
  },
  'inspect.domain.emulator_only.fix': {
    zh: '模拟器只有在 --domain 给这个应用写了这个端口时才接受这个链接（按 README 用 wxauth emulator --domain "{appid}={pattern}" 启动的就是）；如果扫码页显示 10003，说明没有，按这条命令重新启动模拟器。上线前：把回调放到 {domain} 的 80/443 端口上。',
    en: 'The emulator takes this link only if its --domain names this port for the app (one started as wxauth emulator --domain "{appid}={pattern}", as in the README, does); if its QR page shows 10003 instead, it does not: restart it that way. Before going live: serve the callback under {domain} on 80/443.',
  },
  'inspect.domain.emulator_port_test': {
    zh: 'redirect_uri 指向 {hostport}，端口与授权回调域名 {domain} 不符。',
    en: 'redirect_uri points at {hostport}; the port does not fit the callback domain {domain}.',
  },
  'inspect.domain.emulator_port_test.effect': {
    zh: `这个 URL 打开的是模拟器：它的测试号默认接受本机任意端口（127.0.0.1:* 和 localhost:*），除非启动时用 --domain 改过。真实微信上测试号的端口必须与回调域一致，会显示${P10003}。`,
    en: `This URL goes to the emulator, whose test account takes any port on this machine (127.0.0.1:* and localhost:*) unless it was started with another --domain. On real WeChat a test account's port must match its callback domain, and WeChat shows ${P10003_EN}.`,
  },
  'inspect.domain.emulator_port_test.fix': {
    zh: '对模拟器可以照用。换到真实微信前：让回调用回 {domain} 的端口（wxauth login / listen 用 --port 指定），或在测试号页面和 wxauth config set domain 里改成 {hostport}。',
    en: 'Fine against the emulator. Before real WeChat: call back on the port of {domain} (wxauth login / listen: --port), or change the test account’s domain, and wxauth config set domain, to {hostport}.',
  },
  'inspect.domain.emulator_only_oa': {
    zh: 'redirect_uri 指向 {hostport}：正式公众号的回调地址不能带端口或用 IP（只有测试号可以），真实微信会拒绝。',
    en: 'redirect_uri points at {hostport}: a real official account cannot have a port or an IP in its callback (only test accounts can), so WeChat would refuse it.',
  },
  'inspect.domain.emulator_only_oa.effect': {
    zh: `这个 URL 打开的是模拟器：它和微信一样显示${P10003}，除非启动时用 --domain 把这个端口写进该公众号的回调域（真实微信从不允许）。`,
    en: `This URL goes to the emulator, which shows ${P10003_EN} as WeChat does, unless it was started with a --domain naming this port for the account (which real WeChat never allows).`,
  },
  'inspect.domain.emulator_only_oa.fix': {
    zh: '对模拟器：只有 --domain 给这个公众号写了这个端口时它才接受这个链接（用 wxauth emulator --domain "{appid}={pattern}" 启动的就是）；如果授权页显示 10003，说明没有，按这条命令重新启动模拟器。要在真实微信上回调到本机，换用测试号（它的回调域可以是 IP:端口；wxauth init --type test，用测试号自己的 appid 和 secret）。上线前：把回调放到 {domain} 的 80/443 端口上。',
    en: 'Against the emulator: it takes this link only if its --domain names this port for the account (one started as wxauth emulator --domain "{appid}={pattern}" does); if its page shows 10003 instead, it does not: restart it that way. To call back to this machine from real WeChat, use a test account (its callback domain may be IP:port; wxauth init --type test, with the test account’s own appid and secret). Before going live: serve the callback under {domain} on 80/443.',
  },
  'inspect.domain.emulator_only.ip': {
    zh: 'redirect_uri 指向 {hostport}：正式账号的回调地址不能带端口或用 IP（只有测试号可以），真实微信会拒绝。',
    en: 'redirect_uri points at {hostport}: a real account cannot have a port or an IP in its callback (only test accounts can), so WeChat would refuse it.',
  },  'inspect.domain.emulator_only.ip.effect': {
    zh: `这个 URL 打开的是模拟器：它和微信一样显示${P10003}，除非启动时用 --domain 把这个端口写进该应用的回调域（真实微信从不允许）。`,
    en: `This URL goes to the emulator, which shows ${P10003_EN} as WeChat does, unless it was started with a --domain naming this port for the app (which real WeChat never allows).`,
  },  'inspect.domain.emulator_only.ip.fix': {
    zh: '模拟器只有在 --domain 给这个应用写了这个端口时才接受这个链接（按 README 用 wxauth emulator --domain "{appid}={pattern}" 启动的就是）；如果扫码页显示 10003，说明没有，按这条命令重新启动模拟器。上线前：这类账号根本不能登记 IP 作为授权回调域，需要一个已登记（备案）的域名，回调放在该域名的 80/443 端口上。',
    en: 'The emulator takes this link only if its --domain names this port for the app (one started as wxauth emulator --domain "{appid}={pattern}", as in the README, does); if its QR page shows 10003 instead, it does not: restart it that way. Before going live: this account cannot register an IP as its callback domain at all; it needs a registered domain name, with the callback served under it on 80/443.',
  },  'inspect.domain.emulator_only_oa.ip': {
    zh: 'redirect_uri 指向 {hostport}：正式公众号的回调地址不能带端口或用 IP（只有测试号可以），真实微信会拒绝。',
    en: 'redirect_uri points at {hostport}: a real official account cannot have a port or an IP in its callback (only test accounts can), so WeChat would refuse it.',
  },  'inspect.domain.emulator_only_oa.ip.effect': {
    zh: `这个 URL 打开的是模拟器：它和微信一样显示${P10003}，除非启动时用 --domain 把这个端口写进该公众号的回调域（真实微信从不允许）。`,
    en: `This URL goes to the emulator, which shows ${P10003_EN} as WeChat does, unless it was started with a --domain naming this port for the account (which real WeChat never allows).`,
  },  'inspect.domain.emulator_only_oa.ip.fix': {
    zh: '对模拟器：只有 --domain 给这个公众号写了这个端口时它才接受这个链接（用 wxauth emulator --domain "{appid}={pattern}" 启动的就是）；如果授权页显示 10003，说明没有，按这条命令重新启动模拟器。要在真实微信上回调到本机，换用测试号（它的回调域可以是 IP:端口；wxauth init --type test，用测试号自己的 appid 和 secret）。上线前：这类账号根本不能登记 IP 作为授权回调域，需要一个已登记（备案）的域名，回调放在该域名的 80/443 端口上。',
    en: 'Against the emulator: it takes this link only if its --domain names this port for the account (one started as wxauth emulator --domain "{appid}={pattern}" does); if its page shows 10003 instead, it does not: restart it that way. To call back to this machine from real WeChat, use a test account (its callback domain may be IP:port; wxauth init --type test, with the test account’s own appid and secret). Before going live: this account cannot register an IP as its callback domain at all; it needs a registered domain name, with the callback served under it on 80/443.',
  },  'inspect.domain.ip': {
    zh: '回调地址是 IP（{host}），但此账号类型不是测试号。',
    en: 'The callback host is an IP ({host}), but this account is not a test account.',
  },
  'inspect.domain.ip.effect': {
    zh: `只有测试号能使用 IP 作为授权回调域名；微信显示${P10003}。`,
    en: `Only test accounts can use an IP as their callback domain; WeChat shows ${P10003_EN}.`,
  },
  'inspect.domain.ip.fix': {
    zh: '使用已备案的域名；或者如果这是测试号，设置账号类型：wxauth config set type test{p}。',
    en: 'Use a registered domain name; or, if this is a test account, say so: wxauth config set type test{p}.',
  },
  'inspect.domain.bad_config': {
    zh: '配置的授权回调域名 {domain} 不是“主机[:端口]”格式，无法比较。',
    en: 'The configured callback domain {domain} is not of the form host[:port], so it cannot be compared.',
  },
  'inspect.domain.bad_config.effect': {
    zh: '微信后台同样只接受不带协议和路径的域名。',
    en: 'WeChat’s console likewise takes a bare domain, without scheme or path.',
  },
  'inspect.domain.bad_config.fix': {
    zh: '只写域名，例如：wxauth config set domain www.example.com{p}',
    en: 'Give the bare domain, e.g. wxauth config set domain www.example.com{p}',
  },
  'inspect.domain.unchecked': {
    zh: '不知道此账号的授权回调域名，没有检查 redirect_uri 的域名。',
    en: 'This account’s callback domain is unknown, so redirect_uri’s host was not checked.',
  },
  'inspect.domain.unchecked.effect': {
    zh: '域名不一致是 10003 最常见的原因。',
    en: 'A host mismatch is the most common cause of 10003.',
  },
  'inspect.domain.unchecked.fix': {
    zh: '告诉 wxauth 你在后台配置的域名：wxauth config set domain www.example.com{p}（或用 --profile 换一个已配置域名的 profile）。',
    en: 'Tell wxauth the domain configured in the console: wxauth config set domain www.example.com{p} (or --profile another profile that has one).',
  },

  // --- state -------------------------------------------------------------------------------------
  'inspect.state.absent': {
    zh: '没有 state 参数（或为空）。',
    en: 'There is no state (or it is empty).',
  },
  'inspect.state.absent.effect': {
    zh: '授权仍可进行，但回调没有 CSRF 保护：任何人都能把自己的 code 塞给你的用户。',
    en: 'Authorization still works, but the callback has no CSRF protection: anyone can feed their own code to your users.',
  },
  'inspect.state.absent.fix': {
    zh: '每次生成一个随机 state（a-zA-Z0-9，建议 32 位），存入会话，回调时比对；wxauth url 会自动生成并记住它。',
    en: 'Generate a random state per request (a-zA-Z0-9, 32 characters is plenty), keep it in the session and compare it on callback; `wxauth url` does this for you.',
  },
  'inspect.state.charset': {
    zh: 'state 含有 a-zA-Z0-9 以外的字符：{chars}',
    en: 'state contains characters outside a-zA-Z0-9: {chars}',
  },
  'inspect.state.charset.effect': {
    zh: '文档规定 state 只能是 a-zA-Z0-9；其他字符在微信内部跳转后可能被改写，回调时与原值对不上。',
    en: 'The docs allow only a-zA-Z0-9; other characters can come back altered after WeChat’s internal redirect, so the callback no longer matches.',
  },
  'inspect.state.charset.fix': {
    zh: '只用字母和数字；需要回传的数据（如来源页面）保存在服务端，用 state 作为键去查。',
    en: 'Use letters and digits only; keep data you need back (such as the return page) on the server, keyed by the state.',
  },
  'inspect.state.charset_unreserved': {
    zh: 'state 含有 {chars}：不在文档写明的 a-zA-Z0-9 之内；微信目前接受，但将来可能拒绝或改写它',
    en: 'state contains {chars}: outside the documented a-zA-Z0-9; WeChat accepts it today but may refuse or alter it one day',
  },
  'inspect.state.charset_unreserved.effect': {
    zh: '微信目前接受这样的 state（UUID、base64url），也没有见到被改写的报告（被改写的是 {a:1,b:2} 这类值）；但文档只允许字母和数字，微信将来可能按文档拒绝或改写它。',
    en: 'WeChat accepts such a state today (a UUID, base64url) and no alteration has been reported (the values seen altered were {a:1,b:2}-style); but the docs allow letters and digits only, so WeChat may one day refuse or alter it.',
  },
  'inspect.state.charset_unreserved.fix': {
    zh: '现在可以不改；想完全稳妥就只用字母和数字（例如去掉 UUID 里的 -）。',
    en: 'Nothing needs to change today; to be fully safe use letters and digits only (e.g. drop the dashes of a UUID).',
  },
  'inspect.state.whitespace': {
    zh: 'state 里有空白（{chars}）：{value}',
    en: 'state contains whitespace ({chars}): {value}',
  },
  'inspect.state.whitespace.effect': {
    zh: '链接在空白处断开：发到聊天、菜单里时，微信只收到 state={head}，后面的参数和 #wechat_redirect 都丢了；整条打开时空格会变成 %20，它不在 a-zA-Z0-9 之内，经微信内部跳转后可能被改写，回调时与原值对不上。',
    en: 'A link ends at the whitespace: posted in a chat or a menu, WeChat gets only state={head}, and the parameters after it and #wechat_redirect are lost; opened whole, the space goes as %20, outside a-zA-Z0-9, and can come back altered after WeChat’s internal redirect, so the callback no longer matches.',
  },
  'inspect.state.whitespace.fix': {
    zh: 'state 只用字母和数字；如果空格是复制时带进来的，重新复制链接。',
    en: 'Use letters and digits only in state; if the space came in when copying, copy the link again.',
  },
  'inspect.state.too_long': {
    zh: 'state 有 {bytes} 字节，超过了 {max} 字节的上限。',
    en: 'state is {bytes} bytes long, over the {max}-byte limit.',
  },
  'inspect.state.too_long.effect': {
    zh: '微信显示错误页（PC 端提示“state参数过长”）。',
    en: 'WeChat shows an error page (PC WeChat says “state参数过长”).',
  },
  'inspect.state.too_long.fix': {
    zh: '把数据存在服务端，state 只放一个短的随机键（32 位以内）。',
    en: 'Keep the data on the server and put only a short random key (≤ 32 characters) in state.',
  },
  'inspect.state.placeholder': {
    zh: 'state 是固定值 {state}（像是从文档示例里复制的）。',
    en: 'state is the constant {state} (looks copied from a doc example).',
  },
  'inspect.state.placeholder.effect': {
    zh: '固定的 state 起不到防 CSRF 的作用。',
    en: 'A constant state protects against nothing.',
  },
  'inspect.state.placeholder.fix': {
    zh: '每次请求生成新的随机 state，并在回调时校验。',
    en: 'Generate a fresh random state per request and verify it on callback.',
  },

  // --- appid -------------------------------------------------------------------------------------
  'inspect.appid.placeholder': {
    zh: 'appid 是占位符 {appid}。',
    en: 'appid is the placeholder {appid}.',
  },
  'inspect.appid.placeholder.effect': {
    zh: '微信找不到这个应用，显示“该链接无法访问”或参数错误页。',
    en: 'WeChat finds no such app and shows “该链接无法访问” or a parameter error page.',
  },
  'inspect.appid.placeholder.fix': {
    zh: '填入真实的 AppID（公众平台「设置与开发 → 基本配置」，或开放平台的网站应用详情）。',
    en: 'Fill in the real AppID (Official Account console: 设置与开发 → 基本配置; or the website app’s page on the Open Platform).',
  },
  'inspect.appid.wecom': {
    zh: '{appid} 像是企业微信的 CorpID（ww 开头），不是微信的 AppID。',
    en: '{appid} looks like a WeCom CorpID (starting with ww), not a WeChat AppID.',
  },
  'inspect.appid.wecom.effect': {
    zh: '微信不认识它，显示“该链接无法访问”或参数错误页。',
    en: 'WeChat does not know it and shows “该链接无法访问” or a parameter error page.',
  },
  'inspect.appid.wecom.fix': {
    zh: '微信网页授权用公众号 / 网站应用的 AppID（wx 开头）；企业微信登录有自己的授权地址。',
    en: 'WeChat web authorization takes an official account’s or website app’s AppID (starting with wx); WeCom login has its own endpoint.',
  },
  'inspect.appid.shape': {
    zh: 'appid {appid} 不是“wx + 16 位十六进制”的格式。',
    en: 'The appid {appid} is not “wx + 16 hex digits”.',
  },
  'inspect.appid.shape.effect': {
    zh: '微信找不到这个应用，显示“该链接无法访问”或参数错误页。',
    en: 'WeChat finds no such app and shows “该链接无法访问” or a parameter error page.',
  },
  'inspect.appid.shape.fix': {
    zh: '从后台重新复制 AppID（注意不要多复制空格，也不要截断）。',
    en: 'Copy the AppID again from the console (no extra spaces, nothing cut off).',
  },
  'inspect.appid.upper_case': {
    zh: 'appid {appid} 含大写字母；微信的 appid 都是小写：{lower}。',
    en: 'The appid {appid} has upper-case letters; WeChat’s appids are all lower case: {lower}.',
  },
  'inspect.appid.upper_case.effect': {
    zh: '微信按原样查找这个 appid，找不到应用，显示“该链接无法访问”或参数错误页。',
    en: 'WeChat looks the appid up as written, finds no such app and shows “该链接无法访问” or a parameter error page.',
  },
  'inspect.appid.upper_case.fix': {
    zh: '改用 {lower}（与公众平台显示的一致）：检查生成链接的代码或配置是不是把它转成了大写。',
    en: 'Use {lower}, as the console shows it: check whether the code or the setting that builds the link upper-cases it.',
  },
  'inspect.appid.upper_case_profile': {
    zh: 'appid {appid} 含大写字母；写成小写就是当前配置的 appid {lower}。',
    en: 'The appid {appid} has upper-case letters; in lower case it is this profile’s appid, {lower}.',
  },
  'inspect.appid.upper_case_profile.effect': {
    zh: '微信按原样查找这个 appid，找不到应用，显示“该链接无法访问”或参数错误页。',
    en: 'WeChat looks the appid up as written, finds no such app and shows “该链接无法访问” or a parameter error page.',
  },
  'inspect.appid.upper_case_profile.fix': {
    zh: '改用 {lower}：链接就是这个账号的，只是大小写不对；检查生成链接的代码或配置是不是把它转成了大写。',
    en: 'Use {lower}: the link is this account’s, only its case is wrong; check whether the code or the setting that builds the link upper-cases it.',
  },
  'inspect.appid.profile_mismatch': {
    zh: '链接里的 appid 是 {appid}，而当前配置的是 {expected}。',
    en: 'The URL’s appid is {appid}, but the profile’s is {expected}.',
  },
  'inspect.appid.profile_mismatch.effect': {
    zh: 'code 只能用签发它的 appid 换取：用当前配置去换会得到 40029 invalid code。',
    en: 'A code can only be exchanged with the appid that issued it; exchanging it with this profile gives 40029 invalid code.',
  },
  'inspect.appid.profile_mismatch.fix': {
    zh: '换成正确的配置（--profile <name>），或修正链接中的 appid。',
    en: 'Use the matching profile (--profile <name>), or fix the appid in the URL.',
  },
  'inspect.appid.website_on_authorize': {
    zh: '{appid} 是网站应用的 AppID，却用在了公众号授权地址上。',
    en: '{appid} is a website app’s AppID, used on the official-account endpoint.',
  },
  'inspect.appid.website_on_authorize.effect': {
    zh: '微信显示 10016“不支持微信开放平台的Appid，请使用公众号Appid”。',
    en: 'WeChat shows 10016 “不支持微信开放平台的Appid，请使用公众号Appid”.',
  },
  'inspect.appid.website_on_authorize.fix': {
    zh: '网站应用用 /connect/qrconnect + snsapi_login（wxauth url --qrconnect）；在微信里登录需要公众号（服务号）的 AppID。',
    en: 'Website apps use /connect/qrconnect with snsapi_login (wxauth url --qrconnect); login inside WeChat needs an official (service) account’s AppID.',
  },
  'inspect.appid.oa_on_qrconnect': {
    zh: '{appid} 是公众号的 AppID（不是网站应用的），却用在了网站应用扫码地址上。',
    en: '{appid} is an official account’s AppID (not a website app’s), used on the website-app endpoint.',
  },
  'inspect.appid.oa_on_qrconnect.effect': {
    zh: '微信显示“Scope 参数错误或没有 Scope 权限”或“该链接无法访问”。',
    en: 'WeChat shows “Scope 参数错误或没有 Scope 权限” or “该链接无法访问”.',
  },
  'inspect.appid.oa_on_qrconnect.fix': {
    zh: 'PC 扫码登录需要在微信开放平台创建网站应用并使用它的 AppID；公众号只能在微信内用 /connect/oauth2/authorize。',
    en: 'Desktop QR login needs a website app created on the WeChat Open Platform, with its own AppID; official accounts only work inside WeChat via /connect/oauth2/authorize.',
  },
  'inspect.appid.subscription': {
    zh: '{appid} 是订阅号，订阅号没有网页授权权限。',
    en: '{appid} is a subscription account, which has no web-authorization rights.',
  },
  'inspect.appid.subscription.effect': {
    zh: '微信显示 10005“此公众号并没有这些scope的权限”。',
    en: 'WeChat shows 10005 “此公众号并没有这些scope的权限”.',
  },
  'inspect.appid.subscription.fix': {
    zh: '网页授权要换一个号：测试号（mp.weixin.qq.com/debug/cgi-bin/sandbox 申请）或已认证的服务号，用它自己的 appid 和 secret 建 profile，例如 wxauth init --profile test --type test（会询问 appid 和 secret）。只把 type 改成 test 没用：订阅号的 appid 仍然没有网页授权。',
    en: 'Web authorization needs another account: a test account (get one at mp.weixin.qq.com/debug/cgi-bin/sandbox) or a verified service account, with its own appid and secret in a profile, e.g. wxauth init --profile test --type test (it asks for the appid and secret). Changing only the type to test does not help: the subscription account’s appid still has no web authorization.',
  },

  // --- callback ----------------------------------------------------------------------------------
  'inspect.callback.denied': {
    zh: '回调里没有 code：用户拒绝了授权，或微信没有签发 code。',
    en: 'The callback has no code: the user refused, or WeChat issued none.',
  },
  'inspect.callback.denied.effect': {
    zh: '没有 code 就无法换取 access_token。',
    en: 'Without a code there is nothing to exchange for an access_token.',
  },
  'inspect.callback.denied.fix': {
    zh: '给用户一个重新授权的入口；公众号只需要 openid 时改用 snsapi_base：它是静默授权，不弹授权页，用户关不关注都一样，也就没有“拒绝”这一步。',
    en: 'Offer the user a way to try again; for an official account that needs only the openid, use snsapi_base: it is silent, with no consent page whether or not the user follows the account, so there is nothing to refuse.',
  },
  'inspect.callback.denied.base': {
    zh: '回调里没有 code。它的 state 是 wxauth url 记下的那条 snsapi_base 链接的：snsapi_base 不弹授权页，没有人拒绝，code 是在路上丢的。',
    en: 'The callback has no code. Its state is that of the snsapi_base link wxauth url remembered: snsapi_base shows no consent page, so no one refused: the code was lost on the way.',
  },
  'inspect.callback.denied.base.effect': {
    zh: '没有 code 就无法换取 access_token；重新授权也会一样丢掉，直到找到丢 code 的那一步。',
    en: 'Without a code there is nothing to exchange for an access_token; authorizing again loses it the same way until whatever drops it is found.',
  },
  'inspect.callback.denied.base.fix': {
    zh: '看看是谁把回调转了一手：你的服务器或网关重定向时只留下了 state，或者地址被复制短了（命令行里没加引号时到 & 就断了）。再用 wxauth url{p} 生成新链接重新授权。',
    en: 'Look for whatever passed the callback on: a redirect of your server or gateway that kept only the state, or an address copied short (unquoted on a command line it stops at "&"). Then make a fresh link with wxauth url{p} and authorize again.',
  },
  'inspect.callback.denied.qr': {
    zh: '回调里没有 code：网站应用扫码登录时，扫码后在手机上取消了、没有点“确认登录”，或微信没有签发 code。',
    en: 'The callback has no code: in a website app’s QR login the scan was cancelled on the phone instead of confirmed (确认登录), or WeChat issued none.',
  },
  'inspect.callback.denied.qr.effect': {
    zh: '没有 code 就无法换取 access_token。',
    en: 'Without a code there is nothing to exchange for an access_token.',
  },
  'inspect.callback.denied.qr.fix': {
    zh: '给用户一个重新扫码的入口，扫码后在手机上点“确认登录”（wxauth login{p} 可以试一遍）。网站应用只有 snsapi_login，没有不弹确认的 scope。',
    en: 'Offer the user a way to scan again and press “确认登录” (allow) on the phone (wxauth login{p} tries it). A website app has only snsapi_login: no scope skips the confirmation.',
  },
  'inspect.callback.code_empty': { zh: '回调里的 code 是空的。', en: 'The callback’s code is empty.' },
  'inspect.callback.code_empty.effect': {
    zh: '换取时微信返回 41008 missing code。',
    en: 'Exchanging it, WeChat answers 41008 missing code.',
  },
  'inspect.callback.code_empty.fix': {
    zh: '复制完整的回调地址；检查是否有中间页或代理丢掉了 code 的值。',
    en: 'Copy the whole callback address; check whether a relay page or proxy dropped the value.',
  },
  'inspect.callback.code_shape': {
    zh: 'code 有 {length} 个字符，微信的 code 通常是 32 位字母数字。',
    en: 'The code has {length} characters; WeChat codes are usually 32 letters and digits.',
  },
  'inspect.callback.code_shape.effect': {
    zh: '被截断或改动过的 code 换取时得到 40029 invalid code（code 区分大小写）。',
    en: 'A truncated or altered code gets 40029 invalid code (codes are case-sensitive).',
  },
  'inspect.callback.code_shape.fix': {
    zh: '直接从地址栏或服务端日志复制原始回调地址，不要手工改动 code。',
    en: 'Copy the original callback from the address bar or server log; do not retype the code.',
  },
  'inspect.callback.code_duplicate': {
    zh: '回调里有 {count} 个 code。',
    en: 'The callback carries {count} codes.',
  },
  'inspect.callback.code_duplicate.effect': {
    zh: '多半是 redirect_uri 带着上一次的 code；服务端取到旧 code 会得到 40163 code been used 或 40029。',
    en: 'Most likely the redirect_uri carried a previous code; a server reading the old one gets 40163 code been used or 40029.',
  },
  'inspect.callback.code_duplicate.fix': {
    zh: '生成授权链接前，从 redirect_uri 中去掉 code 和 state。',
    en: 'Strip code and state from redirect_uri before building the authorization URL.',
  },
  'inspect.callback.code_in_fragment': {
    zh: 'code 在 # 片段里（hash 路由）。',
    en: 'The code is inside the # fragment (hash route).',
  },
  'inspect.callback.code_in_fragment.effect': {
    zh: '浏览器不会把 # 之后的内容发给服务器：服务端读不到 code，只有前端的 location.hash 能读到。',
    en: 'Browsers never send the fragment to the server: your server cannot read the code, only location.hash in the page can.',
  },
  'inspect.callback.code_in_fragment.fix': {
    zh: '把 redirect_uri 改为不带 # 的服务端地址；或在前端从 location.hash 解析 code 并发给后端。',
    en: 'Point redirect_uri at a server path without #; or parse the code from location.hash in the page and send it to your back end.',
  },
  'inspect.callback.code_seen': {
    zh: '这个 code 之前已经出现过（第二次回调）。',
    en: 'This code has been seen before (a second hit).',
  },
  'inspect.callback.code_seen.effect': {
    zh: 'code 只能使用一次：再次换取会得到 40163 code been used。',
    en: 'A code works once: exchanging it again gives 40163 code been used.',
  },
  'inspect.callback.code_seen.fix': {
    zh: '服务端按 code 缓存第一次换取的结果，重复请求直接返回它。',
    en: 'Cache the first exchange’s result by code on the server and answer repeats with it.',
  },
  'inspect.callback.state_ok': {
    zh: 'state 与生成授权链接时记住的一致。',
    en: 'state matches the one remembered when the authorization link was built.',
  },
  'inspect.callback.state_ok.effect': { zh: '这个回调来自你发起的那次授权。', en: 'This callback belongs to the authorization you started.' },
  'inspect.callback.state_ok.fix': { zh: '无需处理。', en: 'Nothing to do.' },
  'inspect.callback.state_mismatch': {
    zh: 'state 是 {state}，与记住的 {expected} 不一致。',
    en: 'state is {state}, not the remembered {expected}.',
  },
  'inspect.callback.state_mismatch.effect': {
    zh: '这个回调不是你最近一次发起的授权（可能是旧链接、另一个标签页，或 CSRF 攻击），应当拒绝。',
    en: 'This callback does not belong to your latest authorization (an old link, another tab, or a CSRF attempt) and should be rejected.',
  },
  'inspect.callback.state_mismatch.fix': {
    zh: '重新生成链接再试：wxauth url；若 state 被改写，检查它是否只含 a-zA-Z0-9。',
    en: 'Build a fresh URL and retry: wxauth url; if the state was altered, check that it is only a-zA-Z0-9.',
  },
  'inspect.callback.state_used': {
    zh: 'state {state} 与记住的一致，但已经用过：{use}。',
    en: 'state {state} is the remembered one, but it was already used: {use}.',
  },
  'inspect.callback.state_used.effect': {
    zh: 'state 只能用一次（这正是它防 CSRF 的作用）：这是重新打开的旧标签页，或被重放的回调地址，应当拒绝；带着的 code 多半已经用掉（换 token 会得到 40163）。wxauth exchange 和 listen 都会拒收它。',
    en: 'A state is single use (that is what makes it CSRF protection): this is an old tab reopened, or a replayed callback address, and should be rejected; a code it carries is most likely spent (exchanging it gets 40163). wxauth exchange and listen refuse it.',
  },
  'inspect.callback.state_used.fix': {
    zh: '生成新链接再授权：wxauth url{p}（或直接用 wxauth login{p}）。',
    en: 'Make a fresh link and authorize again: wxauth url{p} (or use wxauth login{p}).',
  },
  'inspect.callback.state_missing': {
    zh: '回调里没有 state，而 wxauth 记住的是 {expected}。',
    en: 'The callback has no state, but wxauth remembered {expected}.',
  },
  'inspect.callback.state_missing.effect': {
    zh: '无法确认回调来自你发起的授权，应当拒绝。',
    en: 'There is no way to tell that the callback belongs to your authorization; it should be rejected.',
  },
  'inspect.callback.state_missing.fix': {
    zh: '检查授权链接是否带了 state（放在 # 之前），以及中间页是否丢掉了它。',
    en: 'Check that the authorization URL carries state (before the #) and that no relay page drops it.',
  },
  'inspect.callback.state_unverified': {
    zh: '没有可比较的 state（wxauth 没有为此配置记住过 state）。',
    en: 'No remembered state to compare with (wxauth has not remembered one for this profile).',
  },
  'inspect.callback.state_unverified.effect': { zh: '无法确认回调来自你发起的授权。', en: 'The callback cannot be tied to an authorization you started.' },
  'inspect.callback.state_unverified.fix': {
    zh: '用 wxauth url 生成链接，它会记住 state，inspect / exchange 会自动比对。',
    en: 'Build the URL with wxauth url: it remembers the state, and inspect / exchange compare it for you.',
  },
  'inspect.callback.no_state': {
    zh: '回调里没有 state。',
    en: 'The callback has no state.',
  },
  'inspect.callback.no_state.effect': {
    zh: '没有 CSRF 保护：任何人都能把自己的 code 塞给你的用户。',
    en: 'No CSRF protection: anyone can feed their own code to your users.',
  },
  'inspect.callback.no_state.fix': {
    zh: '在授权链接中带上随机 state 并在回调时校验。',
    en: 'Send a random state in the authorization URL and verify it on callback.',
  },
  'inspect.callback.state_duplicate': {
    zh: '回调里有 {count} 个 state。',
    en: 'The callback carries {count} states.',
  },
  'inspect.callback.state_duplicate.effect': {
    zh: '不同框架取第一个或最后一个，state 校验可能莫名失败。',
    en: 'Frameworks pick the first or the last one, so the state check may fail for no obvious reason.',
  },
  'inspect.callback.state_duplicate.fix': {
    zh: '从 redirect_uri 中去掉 state 参数，只让微信带回一个。',
    en: 'Strip state from redirect_uri so WeChat brings back only one.',
  },
  'inspect.callback.wechat_hop': {
    zh: '回调里有微信内部跳转的参数：{markers}',
    en: 'The callback carries WeChat’s internal-hop markers: {markers}',
  },
  'inspect.callback.wechat_hop.effect': {
    zh: '这是微信重复访问回调的迹象：同一个 code 可能到达两次，第二次换取得到 40163 code been used。',
    en: 'A sign that WeChat hits the callback more than once: the same code may arrive twice, and the second exchange gets 40163 code been used.',
  },
  'inspect.callback.wechat_hop.fix': {
    zh: '服务端让每个 code 只换取一次，重复请求直接返回第一次的结果。',
    en: 'Exchange each code once on the server and answer repeats with the first result.',
  },
  'inspect.callback.oauth_error': {
    zh: '回调带有错误参数 error={error} {description}',
    en: 'The callback carries error={error} {description}',
  },
  'inspect.callback.oauth_error.effect': {
    zh: '微信本身不使用 error 参数；它来自中间页或代理。',
    en: 'WeChat itself does not send error; a relay page or proxy added it.',
  },
  'inspect.callback.oauth_error.fix': {
    zh: '检查回调路径上的中间页 / 代理的日志。',
    en: 'Check the logs of the relay page or proxy on the callback path.',
  },

  // --- command output ----------------------------------------------------------------------------
  'inspect.kind.authorize': { zh: '公众号授权链接（/connect/oauth2/authorize）', en: 'Official-account authorization URL (/connect/oauth2/authorize)' },
  'inspect.kind.qrconnect': { zh: '网站应用扫码登录链接（/connect/qrconnect）', en: 'Website-app QR login URL (/connect/qrconnect)' },
  'inspect.kind.qrconnect_embedded': { zh: '网站应用内嵌二维码（WxLogin iframe）链接', en: 'Website-app embedded QR (WxLogin iframe) URL' },
  'inspect.kind.callback': { zh: '回调地址', en: 'Callback URL' },
  'inspect.kind.unknown': { zh: '无法识别的输入', en: 'Unrecognised input' },
  'inspect.severity.error': { zh: '错误', en: 'error' },
  'inspect.severity.warning': { zh: '警告', en: 'warning' },
  'inspect.severity.info': { zh: '提示', en: 'info' },
  'inspect.label.effect': { zh: '影响：', en: 'Effect:' },
  'inspect.label.fix': { zh: '怎么办：', en: 'Fix:' },
  'inspect.label.params': { zh: '参数', en: 'Parameters' },
  'inspect.summary.clean': { zh: '没有发现问题。', en: 'No problems found.' },
  'inspect.summary': {
    zh: '{errors} 个错误，{warnings} 个警告，{infos} 个提示。',
    en: '{errors} error(s), {warnings} warning(s), {infos} note(s).',
  },
  'inspect.missing_url': {
    zh: '缺少要检查的 URL。',
    en: 'No URL to inspect.',
  },
  'inspect.stdin.tty': {
    zh: '请粘贴链接，然后按回车（Ctrl-C 取消）。',
    en: 'Paste the link, then press Enter (Ctrl-C cancels).',
  },
  'inspect.stdin.empty': {
    zh: '标准输入里没有要检查的 URL。',
    en: 'No URL to inspect on stdin.',
  },
  'inspect.stdin.too_long': {
    zh: '标准输入超过 {mib} MB，没有检查：只检查一部分会得出错误的结论。',
    en: 'More than {mib} MB on stdin: not inspected, since a cut-off link would be judged wrongly.',
  },
  'inspect.stdin.too_long.hint': {
    zh: '微信接受的链接远比这短：确认管道里只有那一条链接（比如 pbpaste 拿到的是不是整页内容）。',
    en: 'Any link WeChat takes is far shorter: check that only the link is piped in (pbpaste may hold a whole page).',
  },
  'inspect.stdin.empty.hint': {
    zh: '把链接管道给它：pbpaste | wxauth inspect -（Linux：xclip -o | wxauth inspect -），或者直接写在命令里：wxauth inspect "<url>"。',
    en: 'Pipe the link in: pbpaste | wxauth inspect - (Linux: xclip -o | wxauth inspect -), or give it on the command line: wxauth inspect "<url>".',
  },
  'inspect.missing_url.hint': {
    zh: '用法：wxauth inspect "<url>"（加引号，否则 shell 会在 & 处截断）。',
    en: 'Usage: wxauth inspect "<url>" (quote it, or the shell cuts it at &).',
  },
  'inspect.redacted': {
    zh: '（code 等机密值已隐藏，用 --show-secrets 显示）',
    en: '(code and other secrets are hidden; --show-secrets shows them)',
  },
} as const satisfies MessageSection;

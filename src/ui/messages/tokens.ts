import type { MessageSection } from './types.js';

// Messages of the 'tokens' area: exchange, refresh, check, userinfo, tokens (and the shared
// user-token service used by login/demo). Keys start with 'tokens.'.
// `{p}` is ` --profile <name>` when the profile is not the default one (empty otherwise).
export const messages = {
  'tokens.otherIssuer': {
    zh: '注意：openid {openid} 缓存的 token 来自 {issuer}，这次却发给了 {host}；token 只在签发它的地方有效。如果 {issuer} 是模拟器，加 --api-base {issuer}（或设置 WXAUTH_API_BASE）再运行。',
    en: 'Note: the cached token of openid {openid} came from {issuer}, and this run sent it to {host}; a token is valid only where it was issued. If {issuer} is the emulator, run again with --api-base {issuer} (or WXAUTH_API_BASE).',
  },
  'tokens.otherIssuer.wechat': {
    zh: '注意：openid {openid} 缓存的 token 来自真实微信（{issuer}），这次却发给了 {host}；token 只在签发它的地方有效。去掉 --api-base（或 WXAUTH_API_BASE、profile 的 apiBase）再运行，或在 {host} 上重新授权：wxauth login{p}。',
    en: 'Note: the cached token of openid {openid} came from real WeChat ({issuer}), and this run sent it to {host}; a token is valid only where it was issued. Run again without --api-base (or WXAUTH_API_BASE, or the profile’s apiBase), or authorise again on {host}: wxauth login{p}.',
  },
  'tokens.otherIssuer.unsent': {
    zh: '注意：openid {openid} 缓存的 token 来自 {issuer}，这次本要发给 {host}（没有发出去）；token 只在签发它的地方有效。如果 {issuer} 是模拟器，加 --api-base {issuer}（或设置 WXAUTH_API_BASE）再运行。',
    en: 'Note: the cached token of openid {openid} came from {issuer}, and this run would have sent it to {host} (it was not sent); a token is valid only where it was issued. If {issuer} is the emulator, run again with --api-base {issuer} (or WXAUTH_API_BASE).',
  },
  'tokens.otherIssuer.wechat.unsent': {
    zh: '注意：openid {openid} 缓存的 token 来自真实微信（{issuer}），这次本要发给 {host}（没有发出去）；token 只在签发它的地方有效。去掉 --api-base（或 WXAUTH_API_BASE、profile 的 apiBase）再运行，或在 {host} 上重新授权：wxauth login{p}。',
    en: 'Note: the cached token of openid {openid} came from real WeChat ({issuer}), and this run would have sent it to {host} (it was not sent); a token is valid only where it was issued. Run again without --api-base (or WXAUTH_API_BASE, or the profile’s apiBase), or authorise again on {host}: wxauth login{p}.',
  },

  // --- what the user gave us ----------------------------------------------------------------
  'tokens.exchange.input.empty': { zh: '没有给出 code。', en: 'No code given.' },
  'tokens.exchange.input.empty.hint': {
    zh: '只传回调地址里的 code：wxauth exchange CODE，或者把整个回调地址用引号括起来粘贴进来。',
    en: "Pass the code from the callback: wxauth exchange CODE, or paste the whole callback URL in quotes.",
  },
  'tokens.exchange.stdin.tty': {
    zh: 'exchange - 从管道读取 code 或回调地址，但标准输入是终端。',
    en: 'exchange - reads the code or callback URL from a pipe, but stdin is a terminal.',
  },
  'tokens.exchange.stdin.empty': { zh: '标准输入里没有 code 或回调地址。', en: 'No code or callback URL on stdin.' },
  'tokens.exchange.stdin.too_long': {
    zh: '标准输入超过 {mib} MB，没有读取：回调地址远比这短，code 没有发出。',
    en: 'More than {mib} MB on stdin: not read, since any callback URL is far shorter; no code was sent.',
  },
  'tokens.exchange.stdin.hint': {
    zh: '把 code 或回调地址管道给它：pbpaste | wxauth exchange -（Linux：xclip -o | wxauth exchange -），或者直接写在命令里：wxauth exchange \'<回调地址>\'。',
    en: "Pipe the code or callback URL in: pbpaste | wxauth exchange - (Linux: xclip -o | wxauth exchange -), or give it on the command line: wxauth exchange '<callback-url>'.",
  },
  'tokens.exchange.input.not_code': {
    zh: '这不是 code：{input}。code 是一串字母和数字（微信的是 32 位，以 0 开头），即回调地址里 code= 后面的值。没有发给微信。',
    en: 'This is not a code: {input}. A code is one word of letters and digits (WeChat’s are 32, starting with 0), the value after code= in the callback URL. Nothing was sent to WeChat.',
  },
  'tokens.exchange.input.not_code.part.hint': {
    zh: '“{before}”后面那一段有 code 的样子，只传那一段：wxauth exchange{p} CODE。',
    en: 'The part after “{before}” has a code’s shape: pass that part alone: wxauth exchange{p} CODE.',
  },
  'tokens.exchange.input.not_code.hint': {
    zh: "只传回调地址里 code= 后面的值：wxauth exchange CODE，或者把整个回调地址用引号括起来粘贴进来：wxauth exchange '<回调地址>'。",
    en: "Pass the value after code= in the callback: wxauth exchange CODE, or paste the whole callback URL in quotes: wxauth exchange '<callback-url>'.",
  },
  'tokens.exchange.input.token': {
    zh: '这不是 code：{input} 看起来是 access_token 或 refresh_token，是换取的结果，不是换取用的 code。code 是 32 位字母和数字，即回调地址里 code= 后面的值。没有发给微信。',
    en: 'This is not a code: {input} has the shape of an access_token or refresh_token, what an exchange gives, not what it takes. A code is 32 letters and digits, the value after code= in the callback URL. Nothing was sent to WeChat.',
  },
  'tokens.exchange.input.tokenShaped.sent': {
    zh: '注意：{input} 看起来是 access_token 或 refresh_token；接口地址 {base} 不是微信的（模拟服务或网关的 code 可能就是这个样子），所以它作为 code 发送了。如果它是 wxauth exchange 换到的，用户的 token 已经在缓存里：wxauth tokens{p} 列出它们。',
    en: "Note: {input} has the shape of an access_token or refresh_token; it was sent as the code because the API base {base} is not WeChat's (a mock's or a gateway's codes may look like this). If wxauth exchange got it, the user's tokens are already cached: wxauth tokens{p} lists them.",
  },
  'tokens.exchange.input.token.hint': {
    zh: '如果它是 wxauth exchange 换到的，用户的 token 已经在缓存里：wxauth check{p}、wxauth userinfo{p}（wxauth tokens{p} 列出缓存的用户）。要新的 token，换取新回调里的 code：wxauth exchange{p} CODE。',
    en: 'If wxauth exchange got it, the user’s tokens are already cached: wxauth check{p}, wxauth userinfo{p} (wxauth tokens{p} lists the cached users). For new tokens, exchange the code of a new callback: wxauth exchange{p} CODE.',
  },
  'tokens.exchange.input.no_code': { zh: '这个地址里没有 code 参数：{input}', en: 'There is no code parameter in this URL: {input}' },
  'tokens.exchange.input.no_code.hint': {
    zh: '确认粘贴的是微信跳回你网站后的地址（带 ?code=…&state=…）；用 wxauth inspect <url> 看看这个地址里有什么。',
    en: 'Make sure you pasted the address WeChat redirected back to (with ?code=…&state=…); wxauth inspect <url> shows what the URL contains.',
  },
  'tokens.exchange.input.authorize_url': {
    zh: '这是授权链接，不是回调地址：它带着授权参数（appid 等），还没有 code。',
    en: 'This is the authorization URL, not the callback: it carries the authorization parameters (appid…) and no code yet.',
  },
  'tokens.exchange.input.authorize_url.hint': {
    zh: '在手机微信里打开它（wxauth url{p} 会显示二维码供扫码），同意授权后，粘贴微信跳转到的地址（…?code=…&state=…）。redirect_uri 在本机或局域网时，wxauth login{p} 能一次完成，并自动接收 code。',
    en: 'Open it in phone WeChat (wxauth url{p} shows it as a QR code to scan), allow, then paste the address WeChat redirects to (…?code=…&state=…). With a redirect_uri on this machine or the LAN, wxauth login{p} does all of it and catches the code for you.',
  },
  'tokens.exchange.input.authorize_url.qrconnect.hint': {
    zh: '在电脑浏览器里打开它，用手机微信扫页面上的二维码；确认后，粘贴浏览器跳转到的地址（…?code=…&state=…）。redirect_uri 在本机或局域网时，wxauth login{p} 能一次完成，并自动接收 code。',
    en: 'Open it in a desktop browser and scan the page’s QR code with WeChat; after confirming, paste the address the browser lands on (…?code=…&state=…). With a redirect_uri on this machine or the LAN, wxauth login{p} does all of it and catches the code for you.',
  },
  'tokens.exchange.input.authorize_url.other.hint': {
    zh: '它指向 {host}，不是微信（比如 wxauth emulator）：在浏览器里打开，由页面模拟微信授权，再粘贴跳转到的地址（…?code=…&state=…）。redirect_uri 在本机或局域网时，wxauth login{p} 能一次完成，并自动接收 code。',
    en: 'It goes to {host}, not WeChat (wxauth emulator, say): open it in a browser, where the page plays WeChat’s part, then paste the address it lands on (…?code=…&state=…). With a redirect_uri on this machine or the LAN, wxauth login{p} does all of it and catches the code for you.',
  },
  'tokens.exchange.state.bareCode': {
    zh: '--state 检查的是回调地址带回的 state；单独一个 code 不带 state，无从检查。',
    en: '--state checks the state a callback URL brings back; a bare code carries none to check.',
  },
  'tokens.exchange.state.bareCode.hint': {
    zh: "传入整个回调地址（加引号：wxauth exchange{p} '<回调地址>' --state S），或者去掉 --state，只换这个 code。code 还没有用掉。",
    en: "Pass the whole callback URL (quoted: wxauth exchange{p} '<callback-url>' --state S), or drop --state to exchange the bare code. The code was not spent.",
  },
  'tokens.exchange.input.code_empty': { zh: '回调地址里的 code 是空的：{input}', en: 'The code in this callback URL is empty: {input}' },
  'tokens.exchange.input.code_invalid': {
    zh: '这个回调地址的 code= 后面不是 code（code 只含字母和数字）：{input}。没有发给微信。',
    en: 'What follows code= in this callback URL is no code (a code is letters and digits): {input}. Nothing was sent to WeChat.',
  },
  'tokens.exchange.input.code_invalid.hint': {
    zh: '从浏览器地址栏重新复制回调地址；如果那里也是这样，是生成或转发这个地址的代码把 code 换掉了（wxauth inspect <url>）。',
    en: 'Copy the callback URL again from the browser’s address bar; if it reads the same there, the code that builds or forwards this address replaced the code (wxauth inspect <url>).',
  },
  'tokens.exchange.input.code_too_long': {
    zh: '这不是 code：它超过了 {max} 个字符，而微信的 code 是 32 位字母和数字。没有发给微信。',
    en: 'This is not a code: it is longer than {max} characters, and WeChat’s codes are 32 letters and digits. Nothing was sent to WeChat.',
  },
  'tokens.exchange.input.code_too_long.hint': {
    zh: "只传回调地址里 code= 后面的那一段：wxauth exchange CODE，或者把回调地址用引号括起来粘贴进来：wxauth exchange '<回调地址>'。检查粘贴的是不是整个文件、网页或日志。",
    en: "Pass only the value after code= in the callback: wxauth exchange CODE, or the callback URL in quotes: wxauth exchange '<callback-url>'. Check that what you pasted is not a whole file, page or log.",
  },
  'tokens.exchange.input.callback_code_too_long': {
    zh: '这个回调地址里的 code 超过了 {max} 个字符，而微信的 code 是 32 位字母和数字：它多半不是微信跳转回来的地址，或者复制时被截断、和别的文字连在了一起。没有发给微信。',
    en: 'The code in this callback URL is longer than {max} characters, and WeChat’s codes are 32 letters and digits: the URL is probably not a callback from WeChat, or it was cut or joined to other text when copied. Nothing was sent to WeChat.',
  },
  'tokens.exchange.input.callback_code_too_long.hint': {
    zh: "重新复制用户同意授权后微信跳转到的完整地址（带 ?code=…&state=…），用引号括起来：wxauth exchange '<回调地址>'；wxauth inspect '<回调地址>' 可以看地址里有什么。",
    en: "Copy again the whole address WeChat redirected to after the user agreed (with ?code=…&state=…), in quotes: wxauth exchange '<callback-url>'; wxauth inspect '<callback-url>' shows what an address contains.",
  },
  'tokens.exchange.input.code_empty.hint': {
    zh: 'code 在路上丢了：检查 redirect_uri 是否做了 URL 编码、中间的跳转是否丢掉了查询参数（wxauth inspect <url>）。',
    en: 'The code got lost on the way: check that redirect_uri was URL-encoded and that no intermediate redirect dropped the query (wxauth inspect <url>).',
  },
  'tokens.exchange.input.denied': {
    zh: '这个回调只带了 state 没有 code：用户拒绝了授权。',
    en: 'This callback carries a state but no code: the user refused the authorisation.',
  },
  'tokens.exchange.input.denied.hint': {
    zh: '重新发起授权并点“允许”：wxauth url{p}。',
    en: 'Start the authorisation again and tap Allow: wxauth url{p}.',
  },
  'tokens.exchange.otherCallback': {
    zh: '这是另一个应用（或另一个页面）的回调：它回到的是 {got}，而这次登录的回调地址是 {expected}。它的 state "{state}" 也不是期望的 "{expectedState}"。code 没有发给微信，仍未使用。',
    en: 'This is another app’s (or another page’s) callback: it came back to {got}, while this login’s callback goes to {expected}. Its state "{state}" is not the expected "{expectedState}" either. The code was not sent to WeChat and is still unused.',
  },
  'tokens.exchange.otherCallback.hint': {
    zh: '打开 wxauth url{p} 生成的链接，授权后复制浏览器跳到的地址再换。如果 {got} 那边才是你应用真正的回调，用 wxauth{p} config set redirectUri 改掉 redirect_uri，再生成新链接；确实要换这个 code 的话，只传 code 本身。',
    en: 'Open the link wxauth url{p} builds, authorize, and exchange the address the browser lands on. If {got} is where your app’s callback really goes, change the redirect_uri (wxauth{p} config set redirectUri …) and build a new link; to exchange this code anyway, pass the code alone.',
  },
  'tokens.exchange.state.mismatch': {
    zh: 'state 不一致：回调带回的是 "{received}"，wxauth 上次生成链接（url 或 login）时记下的是 "{expected}"（{ago}）。这个 code 可能来自另一次授权，也可能是伪造的回调（CSRF）。',
    en: 'state mismatch: the callback carried "{received}" but the last link wxauth built (url or login) carried "{expected}" ({ago}). This code may come from another authorisation, or from a forged callback (CSRF).',
  },
  'tokens.exchange.state.used': {
    zh: '这个回调的 state "{state}" 已经用过：{use}。state 只能用一次（这正是它防 CSRF 的作用），这是重新打开的旧标签页或重放的地址，它的 code 多半已经用掉（微信会返回 40163）。没有去换 token（code 没有发出）。',
    en: 'This callback’s state "{state}" was already used: {use}. A state is single use (that is what makes it CSRF protection), so this is an old tab reopened or a replayed address, and its code is most likely spent (WeChat would answer 40163). The code was not exchanged (nothing was sent).',
  },
  // What a used state's file records of its use (ui/present/exchange.ts stateUseSaid), as a clause of the sentences above and in listen and inspect.
  'tokens.state.use.both': { zh: 'wxauth {by} 在 {at} 已处理过它的回调', en: 'wxauth {by} took its callback at {at}' },
  'tokens.state.use.timeOnly': { zh: '它的回调在 {at} 已被处理（状态文件没有写明是哪个命令）', en: 'its callback was taken at {at} (its file does not record by which command)' },
  'tokens.state.use.commandOnly': { zh: 'wxauth {by} 已处理过它的回调（状态文件没有写明何时）', en: 'wxauth {by} took its callback (its file does not record when)' },
  'tokens.state.use.neither': { zh: '状态文件标记它已用过，但没有写明何时、被哪个命令用过', en: 'its file marks it used but does not record when, or by which command' },
  'tokens.exchange.state.used.hint': {
    zh: '用 wxauth url{p} 生成新链接再授权，或直接用 wxauth login{p}。如果仍想试这个 code，只传 code 本身：wxauth exchange{p} CODE。',
    en: 'Make a fresh link with wxauth url{p} and authorize again, or use wxauth login{p}. To try this code anyway, pass the code alone: wxauth exchange{p} CODE.',
  },
  'tokens.exchange.state.mismatchExplicit': {
    zh: 'state 不一致：回调带回的是 "{received}"，--state 要求的是 "{expected}"。没有去换 token（code 还没用掉）。',
    en: 'state mismatch: the callback carried "{received}" but --state expects "{expected}". The code was not exchanged (it is still unused).',
  },
  'tokens.exchange.state.mismatchExplicit.hint': {
    zh: '确认这是你发起的那次授权；如果只是想换 token，去掉 --state 再运行。',
    en: 'Make sure this is the authorisation you started; to exchange anyway, run again without --state.',
  },
  'tokens.exchange.state.notReceived': {
    zh: '回调地址里没有 state，而 wxauth 上次生成链接（url 或 login）时记下了 "{expected}"：你的回调页没有校验 state 的机会。',
    en: 'The callback URL has no state, but the last link wxauth built (url or login) carried "{expected}": your callback could not check it.',
  },
  'tokens.exchange.state.notReceived.cut': {
    zh: '回调地址在 code 之后就结束了，没有 state，而 wxauth 上次生成链接（url 或 login）时记下了 "{expected}"：地址没加引号时，shell 会在第一个 & 处把它截断（…?code=…&state=… 只剩到 code 为止）。要检查 state，请给地址加上引号再粘贴；这个 code 照样会去换。',
    en: 'The callback URL ends after its code, with no state, though the last link wxauth built (url or login) carried "{expected}": unquoted on a command line, a URL is cut at its first & (…?code=…&state=… stops after the code). To check the state, paste the URL in quotes; this code is exchanged all the same.',
  },
  'tokens.exchange.state.match': { zh: 'state 与 wxauth 上次生成链接（url 或 login）时记下的一致。', en: 'state matches the one in the last link wxauth built (url or login).' },
  'tokens.exchange.maybeSpent.timeout.hint': {
    zh: 'code 已经发出，微信可能已经收到并用掉了它（code 只能用一次）；没有收到响应，所以什么也没保存。趁 code 还没过期（5 分钟）用同一个 code 再试一次：wxauth exchange{p} CODE。换到 token 说明第一次没到微信；40163 说明已经用掉了，请重新授权拿新 code：{login}。如果只是微信慢，加 --timeout <毫秒>（现在是 {timeout} ms）。',
    en: 'The code was sent, so WeChat may already have received and spent it (a code works once); no answer came, so nothing was saved. While the code is fresh (5 minutes), try the same code once more: wxauth exchange{p} CODE. Tokens mean the first request never reached WeChat; 40163 means it did and the code is spent: authorise again for a fresh one: {login}. If WeChat is only slow, add --timeout <ms> (now {timeout} ms).',
  },
  // The answer's status came, then its body stalled: the request surely reached the server, only the rest of the answer was lost.
  'tokens.exchange.maybeSpent.stalled.hint': {
    zh: '请求已经到了服务器（它返回了 HTTP {status}），微信多半已经用掉了这个 code（code 只能用一次）；响应没有传完，所以什么也没保存。趁 code 还没过期（5 分钟）用同一个 code 再试一次：wxauth exchange{p} CODE。40163 说明已经用掉了，请重新授权拿新 code：{login}；换到 token 说明第一次没到微信。响应体一直传不完，多半是中间的网关或代理在缓冲，或 Content-Length 比实际写出的多；如果只是慢，加 --timeout <毫秒>（现在是 {timeout} ms）。',
    en: 'The request reached the server (it answered HTTP {status}), so WeChat has most likely spent the code (a code works once); the answer never finished, so nothing was saved. While the code is fresh (5 minutes), try the same code once more: wxauth exchange{p} CODE. 40163 means it is spent: authorise again for a fresh one: {login}; tokens mean the first request never reached WeChat. A body that never ends is most often a gateway or proxy in between buffering it, or a Content-Length larger than what is written; if it is only slow, add --timeout <ms> (now {timeout} ms).',
  },
  'tokens.exchange.maybeSpent.hint': {
    zh: 'code 已经发出，微信可能已经收到并用掉了它（code 只能用一次）；没有收到响应，所以什么也没保存。趁 code 还没过期（5 分钟）用同一个 code 再试一次：wxauth exchange{p} CODE。换到 token 说明第一次没到微信；40163 说明已经用掉了，请重新授权拿新 code：{login}。',
    en: 'The code was sent, so WeChat may already have received and spent it (a code works once); no answer came, so nothing was saved. While the code is fresh (5 minutes), try the same code once more: wxauth exchange{p} CODE. Tokens mean the first request never reached WeChat; 40163 means it did and the code is spent: authorise again for a fresh one: {login}.',
  },
  'tokens.exchange.maybeSpent.answer.hint': {
    zh: '{fix} 注意 code 已经发出：中间的网关或代理可能先把它转给了微信、被微信用掉了（code 只能用一次），只是返回的不是微信的响应，所以什么也没保存。趁 code 还没过期（5 分钟）用同一个 code 再试一次：wxauth exchange{p} CODE。换到 token 说明第一次没到微信；40163 说明已经用掉了，请重新授权拿新 code：{login}。',
    en: '{fix} Mind that the code was sent: a gateway or proxy in between may have passed it on to WeChat, which then spent it (a code works once), and only its answer was lost, so nothing was saved. While the code is fresh (5 minutes), try the same code once more: wxauth exchange{p} CODE. Tokens mean the first request never reached WeChat; 40163 means it did and the code is spent: authorise again for a fresh one: {login}.',
  },
  'tokens.exchange.spentUnusable.hint': {
    zh: '响应里有 access_token，说明 token 已经发出、这个 code 已经用掉了（code 只能用一次）；但这不是微信完整的响应，所以其中的内容都没有使用也没有保存，同一个 code 再换只会得到 40163。wxauth 和微信之间的某一环（网关、代理）改动了响应：让它原样转发微信的响应（加 -v 可查看完整的请求和响应），然后重新授权拿新 code：{login}。',
    en: 'The answer carries an access_token, so a token was issued and the code is spent (a code works once); but it is not WeChat’s whole answer, so nothing from it was used or saved, and the same code again can only get 40163. Something between wxauth and WeChat (a gateway, a proxy) changed the answer: make it pass WeChat’s answer through unchanged (-v shows the whole request and answer), then authorise again for a new code: {login}.',
  },
  'tokens.exchange.done': {
    zh: '已用 code 换到用户 access_token，并保存到 token 缓存（profile {profile}）。',
    en: 'Exchanged the code for a user access_token and saved it to the token cache (profile {profile}).',
  },
  'tokens.userinfo.refreshNotSaved': {
    zh: '刷新得到的 access_token 没有保存到 token 缓存：{reason} 缓存里的旧 access_token 可能已被微信替换而失效；缓存可写之后，运行 wxauth refresh 用 refresh_token 再换一个。',
    en: 'The refreshed access_token was not saved to the token cache: {reason} The cached one may have been replaced by WeChat and stop working; once the cache is writable, wxauth refresh gets a new one with the refresh_token.',
  },
  'tokens.refresh.saveFailed': {
    zh: '上面的 token 没有保存到 token 缓存（刷新已经在微信那边完成，缓存里的 access_token 可能已被替换而失效）：请现在就把它们复制下来。',
    en: 'The tokens above were NOT saved to the token cache (the refresh is done at WeChat’s end, and the cached access_token may have been replaced): copy them now.',
  },
  'tokens.exchange.saveFailed': {
    zh: '上面的 token 没有保存到 token 缓存（code 已经用掉，不能再换一次）：请现在就把它们复制下来。',
    en: 'The tokens above were NOT saved to the token cache (the code is spent and cannot be exchanged again): copy them now.',
  },
  'tokens.exchange.input.cleaned.quotes': {
    zh: '去掉了粘贴内容两边的引号或尖括号（code 只含字母和数字）。',
    en: 'Removed the quotes or brackets around what was pasted (a code is letters and digits only).',
  },
  'tokens.exchange.input.cleaned.whitespace': {
    zh: '去掉了 code 里的空白（code 只含字母和数字）。',
    en: 'Removed the whitespace inside the code (a code is letters and digits only).',
  },
  'tokens.exchange.input.cleaned.linebreak': {
    zh: '去掉了回调地址中间的换行（复制时被终端或聊天窗口折行了；地址里不会有真正的换行）。',
    en: 'Joined the callback URL where a line break split it (wrapped by a terminal or a chat window when copied; a URL has none of its own).',
  },
  'tokens.exchange.input.cleaned.fullwidth': {
    zh: '回调地址里的全角标点（？＆＝＃）按半角的 ? & = # 读取（复制时经过中文输入法或聊天软件变成了全角；微信跳转时用的是半角）。',
    en: 'Read the full-width punctuation (？＆＝＃) in the callback URL as ASCII ? & = # (made full-width by a Chinese input method or a chat app when copied; WeChat’s redirect uses the ASCII ones).',
  },
  'tokens.exchange.input.cleaned.both': {
    zh: '去掉了粘贴内容两边的引号或尖括号，以及 code 里的空白（code 只含字母和数字）。',
    en: 'Removed the quotes or brackets around what was pasted, and the whitespace inside the code (a code is letters and digits only).',
  },
  'tokens.exchange.input.newAddress': {
    zh: '参数里不止一个地址：前一个只有 code、没有 state（复制时在 & 处被截断了？），下一行本身是另一个地址的开头，不是它的后半截，所以没有拼在一起。用的是后一个地址（{used}）；被截断的那个地址里的 code 没有发给微信，仍可使用。',
    en: 'The argument holds more than one address: the first has a code but no state (cut at & when copied?), and the next line starts another address, which is not its rest, so the two were not joined. Read the later one ({used}); the cut address’s code was not sent to WeChat and is still unused.',
  },
  'tokens.exchange.input.newAddress.many': {
    zh: '参数里不止一个地址：前 {count} 个都只有 code、没有 state（复制时在 & 处被截断了？），每个以 scheme:// 开头的行都是另一个地址，不是上一个的后半截，所以没有拼在一起。用的是最后一个地址（{used}）；被截断的那些地址里的 code 都没有发给微信，仍可使用。',
    en: 'The argument holds more than one address: the first {count} have a code but no state (cut at & when copied?), and each line that starts with scheme:// is another address, not the rest of the one above, so none were joined. Read the last one ({used}); the cut addresses’ codes were not sent to WeChat and are still unused.',
  },
  'tokens.exchange.input.codes': {
    zh: '回调里有 {count} 个 code：redirect_uri 里带着上一次的 code=。换的是最后一个（微信追加的那个）；生成授权链接前请从 redirect_uri 中去掉 code 和 state。',
    en: 'The callback carries {count} codes: the redirect_uri kept a previous code=. Exchanging the last one (the one WeChat added); strip code and state from the redirect_uri before building the authorization URL.',
  },
  'tokens.exchange.input.cleaned.surrounding': {
    zh: '只读取了粘贴内容里的回调地址，前后的文字已忽略。',
    en: 'Read only the callback address in what was pasted; the words around it were left out.',
  },
  'tokens.exchange.input.cleaned.amp': {
    zh: '把地址里的 &amp; 当作 & 读取（这个地址是从转义了 & 的 HTML 或日志里复制的）。',
    en: 'Read &amp; in the URL as & (it was copied from HTML or a log that escapes &).',
  },
  'tokens.exchange.doneNotSaved': {
    zh: '已用 code 换到用户 access_token（--no-save：没有写入缓存）。',
    en: 'Exchanged the code for a user access_token (--no-save: not written to the cache).',
  },
  'tokens.exchange.next': {
    zh: '下一步：wxauth userinfo{p}（取昵称头像）；wxauth check{p}（校验 token）',
    en: 'Next: wxauth userinfo{p} (nickname and avatar) · wxauth check{p} (validate the token)',
  },
  'tokens.exchange.nextSnapshot': {
    zh: '下一步：wxauth check{p}（校验 token）。快照页用户的 token 调用 userinfo 会得到 48001。',
    en: "Next: wxauth check{p} (validate the token). A snapshot user's token gets 48001 from userinfo.",
  },
  'tokens.exchange.nextBase': {
    zh: '下一步：wxauth check{p}（校验 token）。snsapi_base 的 token 不能调用 userinfo。',
    en: 'Next: wxauth check{p} (validate the token). A snsapi_base token cannot call userinfo.',
  },
  'tokens.exchange.nextUnexpectedScope': {
    zh: '返回的 scope「{scope}」不是 snsapi_base、snsapi_userinfo、snsapi_login 中的任何一个（这个服务器可能不是微信）：无法判断这个 token 能否调用 userinfo。下一步：wxauth check{p}（校验 token）；wxauth userinfo{p} 会直接给出答案。',
    en: "The scope answered, '{scope}', is none of snsapi_base, snsapi_userinfo, snsapi_login (this server may not be WeChat): whether the token may call userinfo cannot be told. Next: wxauth check{p} (validate the token) · wxauth userinfo{p} tells for sure.",
  },
  'tokens.unionid.unexpected_scope': {
    zh: '没有 unionid：返回的 scope 不是微信会授予的，无法判断原因。',
    en: 'No unionid: the scope answered is not one WeChat grants, so why cannot be told.',
  },
  'tokens.unionid.base_scope': {
    zh: '没有 unionid：snsapi_base 授权不返回 unionid，只有 snsapi_userinfo（网站应用为 snsapi_login）授权、且应用绑定了微信开放平台账号时才有。',
    en: 'No unionid: snsapi_base grants never carry one; it comes only with snsapi_userinfo (snsapi_login for website apps) and only when the app is bound to a WeChat Open Platform account.',
  },
  'tokens.unionid.not_bound': {
    zh: '没有 unionid：这个应用没有绑定到微信开放平台（open.weixin.qq.com）账号。绑定后同一用户在各应用下的 unionid 相同。',
    en: 'No unionid: this app is not bound to a WeChat Open Platform (open.weixin.qq.com) account. Once bound, a user has the same unionid in every app of that account.',
  },
  'tokens.unionid.snapshot': {
    zh: '没有 unionid：这是快照页的虚拟用户（见下）。',
    en: 'No unionid: this is a snapshot-page virtual user (see below).',
  },
  'tokens.snapshot.explain': {
    zh: 'is_snapshotuser=1：用户看到的是微信的“快照页”（例如从朋友圈打开的页面），并没有真正授权。openid、unionid（如果有）和资料都是虚拟的，调用 /sns/userinfo 会得到 48001。用户点击页面底部的“使用完整服务”后才会真正授权；请据此处理，不要把这个 openid 或 unionid 当作真实用户保存（也不要按这个 unionid 合并账号）。',
    en: "is_snapshotuser=1: the user saw WeChat's snapshot page (e.g. the page was opened from Moments) and did not really authorise. The openid, the unionid (if any) and the profile are virtual, and /sns/userinfo answers 48001. Only after the user taps \"使用完整服务\" (use the full service) at the bottom does a real authorisation happen; do not store this openid or unionid as a real user (nor merge accounts by this unionid).",
  },

  // --- labels ---------------------------------------------------------------------------------
  'tokens.label.expires': { zh: 'access_token 过期', en: 'access_token expires' },
  'tokens.label.refreshExpires': { zh: 'refresh_token 过期', en: 'refresh_token expires' },
  'tokens.label.obtained': { zh: '获取时间', en: 'obtained' },
  'tokens.value.none': { zh: '（无）', en: '(none)' },
  'tokens.value.unknown': { zh: '未知', en: 'unknown' },
  'tokens.value.expired': { zh: '已过期（{ago}）', en: 'expired ({ago})' },
  'tokens.value.refreshUnknown': {
    zh: '未知（这个 refresh_token 不是 wxauth 换来的）',
    en: 'unknown (wxauth did not obtain this refresh_token)',
  },

  // --- refresh --------------------------------------------------------------------------------
  'tokens.refresh.extended': {
    zh: 'access_token 没有变，只是有效期被延长了（开放平台文档说未过期的 token 刷新时“相当于续期”，公众号文档没有说）：现在 {expiry} 过期。',
    en: 'The access_token is unchanged; its expiry was extended (the Open Platform docs say refreshing an unexpired token renews it; the Official Account docs do not say): it now expires {expiry}.',
  },
  'tokens.refresh.rotated': {
    zh: '换到了新的 access_token（旧的已过期或被替换，别再用旧的）：{expiry} 过期。',
    en: 'Got a new access_token (the old one had expired or was replaced; stop using it): expires {expiry}.',
  },
  'tokens.refresh.unknown': {
    zh: '已刷新：{expiry} 过期（缓存里没有旧 token，无法比较是否变了）。',
    en: 'Refreshed: expires {expiry} (no cached token to tell whether it changed).',
  },
  'tokens.refresh.unknown.otherGrant': {
    zh: '已刷新：{expiry} 过期。缓存里 {openid} 的 token 来自另一次授权（refresh_token 不是这个），无法据此判断这次授权的 access_token 是否变了。',
    en: 'Refreshed: expires {expiry}. The cached token of {openid} came from another authorisation (another refresh_token), so it cannot tell whether this one\'s access_token changed.',
  },
  'tokens.refresh.saved': { zh: '已更新 token 缓存（profile {profile}）。', en: 'Token cache updated (profile {profile}).' },
  'tokens.refresh.notSaved': {
    zh: '--no-save：刷新后的 token 只打印在上面，没有写入缓存（profile {profile}），缓存里仍是原来的 token。',
    en: '--no-save: the refreshed tokens are printed above only, not written to the token cache (profile {profile}), which keeps the tokens it had.',
  },
  'tokens.refresh.noSave.cacheUnread': {
    zh: '{problem} 有 --no-save 且给出了 refresh_token，用不到 token 缓存：不经缓存照常刷新，文件保持原样。',
    en: '{problem} With --no-save and the refresh_token given, the token cache is not needed: refreshing without it, the file left as it is.',
  },
  'tokens.refresh.localExpired': {
    zh: 'wxauth 以为这个 refresh_token 已经超过 30 天了，但微信仍然接受了它。',
    en: 'wxauth thought this refresh_token was past its 30 days, yet WeChat accepted it.',
  },
  'tokens.refresh.refreshUntil': {
    zh: 'wxauth 按 refresh_token 自首次授权起 30 天有效来估算（刷新是否会延长，微信文档没有说清，社区说法相互矛盾；移动应用文档说无法续期）：预计 {expiry} 之后需要用户重新授权。',
    en: 'wxauth counts the refresh_token\'s 30 days from the original authorisation (whether a refresh extends them is not documented for official accounts, community reports contradict each other, and the mobile-app doc says they cannot be renewed): expect the user to authorise again after {expiry}.',
  },
  'tokens.refresh.keptCached': {
    zh: '没有保存到 token 缓存：缓存里有 {openid} 另一次授权得到的 {scope} token，可以取 userinfo，这个 {newScope} token 会替换掉它（缓存每个用户只存一个 token）。上面的 token 可以照常使用；缓存里的没有变（wxauth tokens show {openid}{p}）。',
    en: 'Not saved to the token cache: it holds a {scope} token of {openid} from another authorisation, which reads userinfo and this {newScope} one would replace (the cache keeps one token per user). The tokens above are yours to use; the cached one is unchanged (wxauth tokens show {openid}{p}).',
  },
  'tokens.refresh.keptCached.otherGrant': {
    zh: '没有保存到 token 缓存：缓存里有 {openid} 另一次授权（很可能是更晚的一次）得到的 {scope} token，它的 refresh_token 仍然可用，这个 token 会替换掉它（缓存每个用户只存一个 token）。上面的 token 可以照常使用；缓存里的没有变（wxauth tokens show {openid}{p}）。要改为缓存这次的：wxauth tokens clear {openid} --yes{p}，再运行一次这个 refresh。',
    en: 'Not saved to the token cache: it holds a {scope} token of {openid} from another authorisation (likely a later one) whose refresh_token still works, which this one would replace (the cache keeps one token per user). The tokens above are yours to use; the cached one is unchanged (wxauth tokens show {openid}{p}). To cache these instead: wxauth tokens clear {openid} --yes{p}, then run this refresh again.',
  },
  'tokens.refresh.isAccessToken': {
    zh: '这是缓存里 {openid} 的 access_token，不是 refresh_token（两者看起来很像）。什么也没有发送。',
    en: 'That is the cached access_token of {openid}, not its refresh_token (the two look alike). Nothing was sent.',
  },
  'tokens.refresh.isAccessToken.hint': {
    zh: '用缓存的 refresh_token 刷新：wxauth refresh{p} --openid {openid}（不要再带 token 参数）。',
    en: 'Refresh with the cached refresh_token: wxauth refresh{p} --openid {openid} (without the token argument).',
  },
  // A refresh answered with another openid than the user's whose refresh_token was sent (flows/user-token.ts refreshUserToken).
  'tokens.refresh.otherUser': {
    zh: '向 {host} 刷新 {expected} 的 refresh_token，得到的却是另一个用户的 token（openid {answered}）。微信刷新时返回的是 refresh_token 所属用户的 openid：要么这个 refresh_token 不是 {expected} 的，要么 {host} 的响应和微信的不一样。',
    en: "{host} answered the refresh of {expected}'s refresh_token with another user's tokens (openid {answered}). WeChat answers a refresh with the openid its refresh_token was issued to: this refresh_token is not {expected}'s, or {host} does not answer as WeChat does.",
  },
  'tokens.refresh.otherUser.hint': {
    zh: '这个响应里的内容都没有使用，也没有保存，token 缓存保持原样。如果 --api-base 指向模拟服务或代理，让它刷新时返回 refresh_token 所属的用户；要让 {expected} 拿到自己的 refresh_token，请重新授权：{login}。',
    en: "Nothing from this answer was used or saved: the token cache is as it was. If --api-base points at a mock or a proxy, make it answer a refresh with the refresh_token's own user; to give {expected} a refresh_token of its own, authorise again: {login}.",
  },
  // /sns/userinfo answered with another openid than the one asked for (flows/user-token.ts fetchUserinfo).
  'tokens.userinfo.otherUser': {
    zh: '向 {host} 查询 {expected} 的 userinfo，得到的却是另一个用户的资料（openid {answered}）。微信返回的就是所查询的 openid（openid 与 token 不符时返回 40003），所以 {host} 的响应和微信的不一样。',
    en: "{host} answered /sns/userinfo for {expected} with another user's profile (openid {answered}). WeChat answers with the openid asked for (40003 when it is not the token's), so {host} does not answer as WeChat does.",
  },
  'tokens.userinfo.otherUser.hint': {
    zh: '这个响应里的内容都没有使用，也没有保存（缓存没有从中记下 unionid）。如果 --api-base 指向模拟服务或代理，让它返回所查询的 openid。',
    en: 'Nothing from this answer was used or saved (the token cache learnt no unionid from it). If --api-base points at a mock or a proxy, make it answer with the openid asked for.',
  },
  'tokens.noRefreshToken': {
    zh: '缓存里 {openid} 的记录没有 refresh_token。',
    en: 'The cached entry for {openid} has no refresh_token.',
  },

  // --- check ----------------------------------------------------------------------------------
  'tokens.check.valid': { zh: '有效；{expiry}过期。', en: 'valid; expires {expiry}.' },
  'tokens.check.validPlain': { zh: '微信说有效。', en: 'WeChat says valid.' },
  'tokens.check.validUnknown': {
    zh: '有效（这个 token 不在缓存里，wxauth 不知道它何时过期）。',
    en: 'valid (this token is not in the cache, so wxauth does not know when it expires).',
  },
  'tokens.check.localDisagrees': {
    zh: '缓存里记的过期时间（{when}）已经过了，但微信说它仍然有效：两边时钟可能不一致。',
    en: 'The cache says it expired ({when}), yet WeChat says it is valid: the clocks may disagree.',
  },

  // --- userinfo -------------------------------------------------------------------------------
  'tokens.userinfo.lang.invalid': { zh: 'userinfo 的 --lang 不支持 "{value}"。', en: 'userinfo --lang does not accept "{value}".' },
  'tokens.userinfo.lang.invalid.hint': {
    zh: '可选 zh_CN、zh_TW 或 en（目前微信只返回昵称和头像，lang 基本不起作用）。界面语言请放在命令前：wxauth --lang {ui}{p} userinfo。',
    en: 'Use zh_CN, zh_TW or en (WeChat now returns only nickname and avatar, so it hardly matters). For the interface language put it before the command: wxauth --lang {ui}{p} userinfo.',
  },
  'tokens.userinfo.refreshFailed.local': {
    zh: '缓存的 access_token 已在 {ago} 过期，wxauth 先用 refresh_token 刷新，但刷新失败了：',
    en: 'The cached access_token expired {ago}, so wxauth tried the refresh_token first, and that failed:',
  },
  'tokens.userinfo.refreshFailed.errcode': {
    zh: '/sns/userinfo 返回 {errcode}（access_token 过期或已被替换），wxauth 用 refresh_token 刷新，但刷新失败了：',
    en: '/sns/userinfo answered {errcode} (access_token expired or replaced), so wxauth tried the refresh_token, and that failed:',
  },
  'tokens.userinfo.refreshed.local': {
    zh: '缓存的 access_token 已在 {ago} 过期：已用 refresh_token 刷新一次再请求。',
    en: 'The cached access_token expired {ago}: refreshed it once with the refresh_token, then asked again.',
  },
  'tokens.userinfo.refreshed.errcode': {
    zh: '/sns/userinfo 返回 {errcode}（access_token 过期或已被替换）：已用 refresh_token 刷新一次并重试。',
    en: '/sns/userinfo answered {errcode} (access_token expired or replaced): refreshed it once with the refresh_token and retried.',
  },
  'tokens.userinfo.expiredNoRefresh': {
    zh: '缓存的 access_token 已在 {ago} 过期；因为 --no-refresh，照样拿它去请求。',
    en: 'The cached access_token expired {ago}; asking with it anyway because of --no-refresh.',
  },
  'tokens.userinfo.note.profile_fields_removed': {
    zh: 'sex 为 0、province/city/country 为空是正常的：微信自 2021-10-20 起不再通过网页授权返回性别和地区。',
    en: 'sex 0 and empty province/city/country are normal: WeChat stopped returning gender and region through web authorisation on 2021-10-20.',
  },
  'tokens.userinfo.note.no_avatar': {
    zh: 'headimgurl 为空：用户没有设置头像。',
    en: 'headimgurl is empty: the user has no avatar.',
  },
  'tokens.userinfo.note.no_unionid': {
    zh: '没有 unionid：这个应用没有绑定到微信开放平台账号。',
    en: 'No unionid: this app is not bound to a WeChat Open Platform account.',
  },
  'tokens.userinfo.note.avatar': {
    zh: '头像 URL 最后一段是尺寸（0=640×640、46、64、96、132）；用户换头像后旧 URL 会失效。',
    en: 'The last path segment of the avatar URL is its size (0=640×640, 46, 64, 96, 132); old URLs die when the user changes avatar.',
  },

  // --- picking a cached token ---------------------------------------------------------------
  'tokens.openidNeeded': {
    zh: '给了 access_token 但没有 openid，缓存里也找不到这个 token。',
    en: 'An access_token was given without an openid, and the cache does not know this token.',
  },
  'tokens.openidNeeded.hint': {
    zh: '把 openid 作为第二个参数传进来：wxauth {command} ACCESS_TOKEN OPENID（换 token 时会一起返回 openid）。',
    en: 'Pass the openid as the second argument: wxauth {command} ACCESS_TOKEN OPENID (it came with the token from the exchange).',
  },
  'tokens.noCachedUser': { zh: 'profile {profile} 的 token 缓存是空的。', en: 'The token cache of profile {profile} is empty.' },
  'tokens.noCachedOpenid': {
    zh: 'profile {profile} 的 token 缓存里没有 openid {openid}。',
    en: 'The token cache of profile {profile} has no openid {openid}.',
  },
  'tokens.exchange.replacedUserinfo': {
    zh: '这个用户缓存里原来的 snsapi_userinfo token（{left}）已被这个 snsapi_base token 替换（缓存每个用户只存一个 token）：微信那边旧 token 仍有效，但 wxauth userinfo 现在需要重新做一次 snsapi_userinfo 授权：wxauth login --scope snsapi_userinfo{p}。',
    en: 'This user’s cached snsapi_userinfo token (expires {left}) was replaced by this snsapi_base one (the cache keeps one token per user): WeChat still honours the old one, but wxauth userinfo now needs a new snsapi_userinfo authorization: wxauth login --scope snsapi_userinfo{p}.',
  },
  'tokens.otherAppid': {
    zh: 'profile {profile} 的 token 缓存里没有 appid {appid} 的用户：缓存的 token 属于 {others}（profile 的 appid 改过，或 WXAUTH_APPID 指向了别的 appid）。',
    en: 'The token cache of profile {profile} has no user of appid {appid}: its tokens are of {others} (the profile’s appid was changed, or WXAUTH_APPID points elsewhere).',
  },
  'tokens.otherAppidOpenid': {
    zh: 'profile {profile} 的 token 缓存里，openid {openid} 的 token 属于 {others}，不属于现在的 appid {appid}（openid 按 appid 区分）。',
    en: 'In the token cache of profile {profile}, openid {openid} has tokens of {others}, not of the current appid {appid} (openids are per appid).',
  },
  'tokens.otherAppid.hint': {
    zh: 'token 只能用签发它的 appid：为 {appid} 重新授权，或换回签发这些 token 的 appid。重新授权：{login}。wxauth tokens show OPENID{p} 显示每个 token 的 appid。',
    en: 'A token only works with the appid that issued it: authorise again for {appid}, or switch back to the appid that issued them. To authorise again: {login}. wxauth tokens show OPENID{p} shows each token’s appid.',
  },

  'tokens.noCachedOpenid.otherProfile.hint': {
    zh: '它缓存在 profile {other} 下：wxauth{p} tokens {action} {openid}。',
    en: 'It is cached for profile {other}: wxauth{p} tokens {action} {openid}.',
  },
  'tokens.openidIsCachedToken': {
    zh: '这不是 openid：{value} 是缓存里 {openid} 的 {kind}。',
    en: 'That is not an openid: {value} is the cached {kind} of {openid}.',
  },
  'tokens.openidIsToken': {
    zh: '这不是 openid：{value}（{length} 个字符）看起来是 access_token 或 refresh_token；openid 是 28 个字符，以 o 开头。',
    en: 'That is not an openid: {value} ({length} characters) has the shape of an access_token or refresh_token; an openid is 28 characters and starts with o.',
  },
  'tokens.openidIsToken.hint': { zh: '用 openid 指定用户：{openid}。', en: 'Name the user by its openid: {openid}.' },
  'tokens.openidIsToken.clear.hint': { zh: '什么也没有删除。用 openid 指定用户：{openid}。', en: 'Nothing was removed. Name the user by its openid: {openid}.' },
  'tokens.openidIsToken.unknown.hint': { zh: 'wxauth tokens{p} 会列出缓存的用户和他们的 openid。', en: 'wxauth tokens{p} lists the cached users with their openids.' },
  'tokens.openidIsToken.unknown.clear.hint': { zh: '什么也没有删除。wxauth tokens{p} 会列出缓存的用户和他们的 openid。', en: 'Nothing was removed. wxauth tokens{p} lists the cached users with their openids.' },
  'tokens.noCachedOpenid.close.hint': { zh: '缓存里有一个很接近的 openid：{openid}（是不是少复制或多复制了字符？）', en: 'The cache has a close one: {openid} (a character lost or added when copying?)' },
  'tokens.noCachedOpenid.case.hint': {
    zh: 'openid 区分大小写：缓存里有 {openid}，只是大小写不同。用它原样的写法。',
    en: 'openids are case-sensitive: the cache has {openid}, which differs only in upper and lower case. Use it as written.',
  },
  // {login} in the hints: how to authorise again under the profile (core/next-step.ts authorizeAgain).
  'tokens.again.login': { zh: 'wxauth login{scope}{p}', en: 'wxauth login{scope}{p}' },
  'tokens.again.paste': {
    zh: 'wxauth url{scope}{p}，授权后把回调地址粘贴给 wxauth listen{p} --paste --exchange 换取（回调发往 {uri}，本机上的监听接不到）',
    en: 'wxauth url{scope}{p}, authorise, then paste the callback address into wxauth listen{p} --paste --exchange (the callback goes to {uri}, which no listener on this machine can catch)',
  },
  'tokens.noCachedUser.hint': {
    zh: '先换一个 token：wxauth exchange{p} CODE，或者 {login}。手里已有 token 的话，check 和 userinfo 可以直接带上它（wxauth check{p} ACCESS_TOKEN OPENID），refresh 可以带上 refresh_token（wxauth refresh{p} REFRESH_TOKEN）。wxauth tokens{p} 列出缓存里的用户。',
    en: 'Get a token first: wxauth exchange{p} CODE, or {login}. With a token already in hand, check and userinfo take it as arguments (wxauth check{p} ACCESS_TOKEN OPENID), and refresh takes a refresh_token (wxauth refresh{p} REFRESH_TOKEN). wxauth tokens{p} lists the cached users.',
  },

  // --- next steps after an errcode (hints) ----------------------------------------------------
  'tokens.next.new_code': {
    zh: '重新授权拿一个新的 code 并立即换取：code 只有 5 分钟有效（网站应用 10 分钟）、区分大小写，且只能用产生它的 appid（现在是 {appid}）换取：{login}。',
    en: 'Authorise again for a fresh code and exchange it at once: a code lives 5 minutes (10 for website apps), is case-sensitive, and only works with the appid that issued it (now {appid}): {login}.',
  },
  'tokens.next.new_code_lower': {
    zh: '这个 code 全是小写字母：code 区分大小写，被转成小写后就是 40029。原来的 code 多半还没用掉：在它的有效期内（5 分钟，网站应用 10 分钟），按原样复制微信跳转到的回调地址，再换一次（wxauth exchange{p} \'<回调地址>\'）；如果地址栏里的 code 也是小写，是跳转途中被改的。然后检查你的框架或路由是否把 URL 转成了小写；过期了就重新授权：{login}。',
    en: 'This code is all lower case: codes are case-sensitive and a lower-cased one gives 40029. The original code was probably not spent: within its lifetime (5 minutes, 10 for website apps), copy the callback URL exactly as WeChat redirected to it and exchange that (wxauth exchange{p} \'<callback-url>\'); if the address bar shows it lower case too, a redirect on the way changed it. Then check whether your framework or router lower-cases URLs; once it has expired, authorise again: {login}.',
  },
  'tokens.next.code_spent_here': {
    zh: 'wxauth 自己在 {at} 已经用这个 code 换过 token（profile {codeProfile}，openid {openid}）。code 只能用一次：再换一次，微信会返回 40163（有的服务器返回 40029）。查看 wxauth 缓存的 token：wxauth tokens{cp}。要新的 code，重新授权：{login}。',
    en: 'wxauth itself exchanged this code at {at} (profile {codeProfile}, openid {openid}). A code works once: WeChat answers a second exchange with 40163 (some servers with 40029). The tokens wxauth holds now: wxauth tokens{cp}. For a new code, authorise again: {login}.',
  },
  'tokens.args.isRefreshToken': {
    zh: '这是缓存里 {openid} 的 refresh_token，不是 access_token（两者看起来很像）。什么也没有发送。',
    en: 'That is the cached refresh_token of {openid}, not its access_token (the two look alike). Nothing was sent.',
  },
  'tokens.args.isRefreshToken.hint': {
    zh: '用缓存的 access_token：wxauth {command}{p} --openid {openid}（不要再带 token 参数）；要换一个新的 access_token：wxauth refresh{p} --openid {openid}。',
    en: 'Use the cached access_token: wxauth {command}{p} --openid {openid} (without the token argument); for a new access_token: wxauth refresh{p} --openid {openid}.',
  },
  'tokens.args.openidAsRefreshToken': { zh: '{openid} 像 openid，不是 refresh_token。什么也没有发送。', en: '{openid} looks like an openid, not a refresh_token. Nothing was sent.' },
  'tokens.args.openidAsRefreshToken.hint': {
    zh: '要刷新缓存里这个用户的 token：wxauth refresh{p} --openid {openid}；要用手上的 refresh_token：wxauth refresh{p} REFRESH_TOKEN',
    en: 'To refresh the cached token of that user: wxauth refresh{p} --openid {openid}; with a refresh_token in hand: wxauth refresh{p} REFRESH_TOKEN',
  },
  'tokens.args.empty': { zh: '{name} 是空的（没有设置的 shell 变量？）。什么也没有发送。', en: '{name} is empty (a shell variable that is not set?). Nothing was sent.' },
  'tokens.args.empty.hint': {
    zh: '给出它的值；要用缓存里最近一个用户的 token，就不要带这个参数：wxauth {command}{p}（wxauth tokens{p} 列出缓存的用户）。',
    en: 'Give it a value; for the cached token of the latest user, leave it out: wxauth {command}{p} (wxauth tokens{p} lists the cached users).',
  },
  'tokens.clear.emptyOpenid': { zh: 'openid 是空的（没有设置的 shell 变量？）。什么也没有删除。', en: 'The openid is empty (a shell variable that is not set?). Nothing was removed.' },
  'tokens.clear.emptyOpenid.hint': {
    zh: '给出要删除的用户的 openid（wxauth tokens{p} 列出它们）；空的 openid 不代表“所有用户”，要删除所有用户就不带 openid：wxauth tokens clear{p}。',
    en: 'Give the openid of the user to remove (wxauth tokens{p} lists them); an empty one does not mean every user: to remove every user, leave it out: wxauth tokens clear{p}.',
  },
  'tokens.args.callbackAsToken': {
    zh: '这是回调地址，却作为 {kind} 传入：{input}。地址里的 code 要先用 wxauth exchange 换成 token。什么也没有发送。',
    en: 'This is a callback URL, given as the {kind}: {input}. Its code is what wxauth exchange turns into tokens. Nothing was sent.',
  },
  'tokens.args.callbackAsToken.hint': {
    zh: "把这个地址原样（加引号）交给 exchange：wxauth exchange{p} '<回调地址>'（code 只能用一次，5 分钟内有效）；换到的 token 存进缓存后，wxauth {command}{p} 不带参数就会用它。",
    en: "Pass the same URL, in quotes, to exchange: wxauth exchange{p} '<callback-url>' (a code works once, within 5 minutes); the tokens it gets are cached, and wxauth {command}{p} with no argument then uses them.",
  },
  'tokens.args.urlAsToken': {
    zh: '这是一个网址，却作为 {kind} 传入：{input}。什么也没有发送。',
    en: 'This is a URL, given as the {kind}: {input}. Nothing was sent.',
  },
  'tokens.args.urlAsToken.hint': {
    zh: "用户的 token 要用授权后跳回的回调地址（…?code=…&state=…）里的 code 换取：wxauth exchange{p} '<回调地址>'，或者用 wxauth login{p} 一次完成；wxauth tokens{p} 列出缓存的用户。",
    en: "A user's tokens come from exchanging the code in the callback URL WeChat redirects to (…?code=…&state=…): wxauth exchange{p} '<callback-url>', or wxauth login{p} does it all; wxauth tokens{p} lists the cached users.",
  },
  'tokens.args.codeAsToken': {
    zh: '{input} 是 code 的样子（32 位字母和数字），却作为 {kind} 传入；token 约有 110 个字符，以 73_ 这样的数字加下划线开头。什么也没有发送。',
    en: '{input} has the shape of a code (32 letters and digits), given as the {kind}; a token is about 110 characters, starting like 73_. Nothing was sent.',
  },
  'tokens.args.codeAsToken.hint': {
    zh: '先用 exchange 把 code 换成 token（code 只能用一次，5 分钟内有效）：wxauth exchange{p} CODE；换到的 token 存进缓存后，wxauth {command}{p} 不带参数就会用它。',
    en: 'Exchange the code for tokens first (a code works once, within 5 minutes): wxauth exchange{p} CODE; the tokens are cached, and wxauth {command}{p} with no argument then uses them.',
  },
  'tokens.args.codeShaped.sent': {
    zh: '注意：{input} 是微信 code 的样子（32 位字母和数字）；接口地址 {base} 不是微信的（模拟服务或网关的 token 可能就是这个样子），所以它作为 {kind} 发送了。如果它其实是 code，先换成 token：wxauth exchange{p} CODE。',
    en: "Note: {input} has the shape of a WeChat code (32 letters and digits); it was sent as the {kind} because the API base {base} is not WeChat's (a mock's or a gateway's tokens may look like this). If it is a code, exchange it first: wxauth exchange{p} CODE.",
  },
  'tokens.args.swapped': { zh: '参数顺序反了：第一个像 openid，第二个像 access_token。', en: 'The arguments are the wrong way round: the first looks like an openid, the second like an access_token.' },
  'tokens.args.swapped.hint': { zh: '用法：wxauth {command} <access_token> <openid>', en: 'Usage: wxauth {command} <access_token> <openid>' },
  'tokens.args.openidAsToken': { zh: '{openid} 像 openid，不是 access_token。', en: '{openid} looks like an openid, not an access_token.' },
  'tokens.args.openidAsToken.hint': {
    zh: '要用缓存里这个用户的 token：wxauth {command} --openid {openid}；要查一个 token：wxauth {command} ACCESS_TOKEN {openid}',
    en: 'For the cached token of that user: wxauth {command} --openid {openid}; to check a token: wxauth {command} ACCESS_TOKEN {openid}',
  },
  'tokens.next.code_sent_timeout': {
    zh: 'wxauth 在 {at} 换取这个 code 时等不到响应（超时），那个请求很可能已经到达微信并用掉了它（换到的 token 没有收到）；也可能是别的进程用掉的（见下面的原因）。code 只能用一次，请重新授权拿新的 code：{login}；微信慢的话加 --timeout <毫秒>。',
    en: 'wxauth’s exchange of this code at {at} got no answer in time: that request most likely reached WeChat and spent it (its tokens never arrived); or another process did (causes below). A code works once, so authorise again for a new one: {login}; if WeChat is slow, add --timeout <ms>.',
  },
  'tokens.next.code_sent_reset': {
    zh: 'wxauth 在 {at} 换取这个 code 时连接被中断，没有收到响应，那个请求可能已经到达微信并用掉了它（换到的 token 没有收到）；也可能是别的进程用掉的（见下面的原因）。code 只能用一次，请重新授权拿新的 code：{login}。',
    en: 'wxauth’s exchange of this code at {at} lost its connection before the answer: that request may have reached WeChat and spent it (its tokens never arrived); or another process did (causes below). A code works once, so authorise again for a new one: {login}.',
  },
  'tokens.next.code_sent_answer': {
    zh: 'wxauth 在 {at} 换取这个 code 时收到的不是微信的响应（比如网关的错误页），那个请求可能已经经网关到达微信并用掉了它（换到的 token 没有收到）；也可能是别的进程用掉的（见下面的原因）。code 只能用一次，请重新授权拿新的 code：{login}。',
    en: 'wxauth’s exchange of this code at {at} got an answer that was not WeChat’s (a gateway’s error page, say): that request may have reached WeChat through it and spent the code (its tokens never arrived); or another process did (causes below). A code works once, so authorise again for a new one: {login}.',
  },
  'tokens.next.code_sent_tokens': {
    zh: 'wxauth 在 {at} 换取这个 code 时收到了 token，但响应不是微信完整的响应（比如缺了 openid），所以什么也没保留：那次请求已经用掉了这个 code。code 只能用一次，请重新授权拿新的 code：{login}；在此之前先让 wxauth 和微信之间的网关或代理原样转发响应。',
    en: 'wxauth’s exchange of this code at {at} got a token in an answer that was not WeChat’s whole answer (openid missing, say), so nothing was kept: that request spent the code. A code works once, so authorise again for a new one: {login}; first make what is between wxauth and WeChat pass its answers through unchanged.',
  },
  'tokens.next.code_sent_cancelled': {
    zh: 'wxauth 在 {at} 换取这个 code 时被中断了（Ctrl-C），请求可能已经发出并用掉了它（换到的 token 没有收到）；也可能是别的进程用掉的（见下面的原因）。code 只能用一次，请重新授权拿新的 code：{login}。',
    en: 'wxauth was stopped (Ctrl-C) while exchanging this code at {at}: that request may have reached WeChat and spent it (its tokens never arrived); or another process did (causes below). A code works once, so authorise again for a new one: {login}.',
  },
  'tokens.exchange.cancelled.hint': {
    zh: '已中断。code 可能在中断前已经发给微信并被用掉（code 只能用一次）；再换一次若返回 40163，请重新授权拿新的 code。',
    en: 'Stopped. The code may have reached WeChat before that and be spent (a code works once); if exchanging it again gives 40163, authorise again for a new one.',
  },
  // Ctrl-C during the connect or TLS handshake: the exchange was never written (http/client.ts).
  'tokens.exchange.cancelled.unsent.hint': {
    zh: '已中断，code 还没有发出去（请求没离开本机），所以没有被用掉：再运行一次同样的命令即可，但要赶在 code 过期之前（回调后 5 分钟，网站应用 10 分钟）。',
    en: 'Stopped before the code was sent (nothing left this machine), so it is still unused: run the same command again, before the code expires (5 minutes after its callback, 10 for a website app).',
  },
  'tokens.exchange.cancelled.unsent.caught.hint': {
    zh: '已中断，code 还没有发出去（请求没离开本机），所以没有被用掉，大约在 {until} 之前都能用：从浏览器落到的地址里取出它来换（整个地址加引号粘贴，state 也会一起检查）：wxauth exchange{p} "CALLBACK_URL"。',
    en: 'Stopped before the code was sent (nothing left this machine), so it is still unused, until about {until}: exchange it from the address the browser landed on (paste the whole address in quotes, and its state is checked too): wxauth exchange{p} "CALLBACK_URL".',
  },
  'tokens.next.code_spent_other_appid': {
    zh: '这个 code 属于 appid {codeAppid}：wxauth 在 {at} 已经用它换过 token（profile {codeProfile}，openid {openid}），而这次用的是 {appid}。code 只能由发出它的 appid 换取，且只能换一次。用这个 appid 重新授权：{login}；或者检查 profile 是否选错了。',
    en: 'This code belongs to appid {codeAppid}: wxauth exchanged it at {at} (profile {codeProfile}, openid {openid}), and this exchange used {appid}. A code works only with the appid that issued it, and only once. Authorise again with this appid: {login}; or check that the right profile is in use.',
  },
  'tokens.next.code_used': {
    zh: '这个 code 已经换过 token 了。微信或浏览器经常把回调地址请求两次：你的回调页（或另一个 wxauth/服务器进程）可能已经用掉了它。每个 code 只换一次（服务端按 code 去重），然后重新授权拿新 code：{login}。',
    en: 'This code was already exchanged. WeChat or the browser often hits the callback twice: your callback page (or another wxauth / server process) may have used it. Exchange each code exactly once (de-duplicate by code on the server), then authorise again for a new one: {login}.',
  },
  'tokens.next.fix_secret': {
    zh: 'AppSecret 不对（或已重置）：到公众平台「设置与开发 → 基本配置」核对（网站应用在开放平台），然后运行 printf %s "$WX_SECRET" | wxauth config set secret -{p}（WX_SECRET 里放正确的 AppSecret），或修改 WXAUTH_SECRET。',
    en: 'The AppSecret is wrong (or was reset): compare it with the one in the MP console, 设置与开发 → 基本配置 (website apps: the Open Platform), then run printf %s "$WX_SECRET" | wxauth config set secret -{p} (with the right AppSecret in WX_SECRET), or fix WXAUTH_SECRET.',
  },
  'tokens.next.fix_appid': {
    zh: 'appid（{appid}）不对：核对后用 wxauth config set appid APPID{p}，或修改 WXAUTH_APPID。',
    en: 'The appid ({appid}) is wrong: check it, then wxauth config set appid APPID{p}, or fix WXAUTH_APPID.',
  },
  'tokens.next.fix_secret_env': {
    zh: 'AppSecret 不对（或已重置）：到公众平台「设置与开发 → 基本配置」核对（网站应用在开放平台）。它来自环境变量 WXAUTH_SECRET，所以要改的是 WXAUTH_SECRET（wxauth config set secret 会被它覆盖）。',
    en: 'The AppSecret is wrong (or was reset): compare it with the one in the MP console, 设置与开发 → 基本配置 (website apps: the Open Platform). It came from WXAUTH_SECRET, so fix WXAUTH_SECRET (it overrides wxauth config set secret).',
  },
  'tokens.next.fix_pair': {
    zh: '换 code 不带任何 token，这里的 40001 多半说的是 appid（{appid}）和 AppSecret 对不上：多半是另一个号的 secret（测试号 / 正式号、公众号 / 网站应用），或 secret 已重置。到公众平台「设置与开发 → 基本配置」核对两者（网站应用在开放平台），然后运行 printf %s "$WX_SECRET" | wxauth config set secret -{p}（WX_SECRET 里放正确的 AppSecret）；然后再换一次；若微信说 code 已用过或已过期，就拿一个新 code（code 只有 5 分钟有效，网站应用 10 分钟）：{login}。',
    en: 'A code exchange is sent no token: 40001 here most likely means the appid ({appid}) and the AppSecret do not go together, most often the secret of another account (test vs production, Official Account vs website app) or one that was reset. Compare both with the MP console, 设置与开发 → 基本配置 (website apps: the Open Platform), then run printf %s "$WX_SECRET" | wxauth config set secret -{p} (with the right AppSecret in WX_SECRET); then exchange it again, or if WeChat says the code is spent or expired, get a fresh one (a code lives 5 minutes, 10 for a website app): {login}.',
  },
  'tokens.next.fix_pair_env': {
    zh: '换 code 不带任何 token，这里的 40001 多半说的是 appid（{appid}）和 AppSecret 对不上：多半是另一个号的 secret（测试号 / 正式号、公众号 / 网站应用），或 secret 已重置。到公众平台「设置与开发 → 基本配置」核对两者（网站应用在开放平台）。secret 来自环境变量 WXAUTH_SECRET，所以要改的是 WXAUTH_SECRET（wxauth config set secret 会被它覆盖）；然后再换一次；若微信说 code 已用过或已过期，就拿一个新 code（code 只有 5 分钟有效，网站应用 10 分钟）：{login}。',
    en: 'A code exchange is sent no token: 40001 here most likely means the appid ({appid}) and the AppSecret do not go together, most often the secret of another account (test vs production, Official Account vs website app) or one that was reset. Compare both with the MP console, 设置与开发 → 基本配置 (website apps: the Open Platform). The secret came from WXAUTH_SECRET, so fix WXAUTH_SECRET (it overrides wxauth config set secret); then exchange it again, or if WeChat says the code is spent or expired, get a fresh one (a code lives 5 minutes, 10 for a website app): {login}.',
  },
  'tokens.next.fix_appid_env': {
    zh: 'appid（{appid}）不对。它来自环境变量 WXAUTH_APPID，所以要改的是 WXAUTH_APPID（wxauth config set appid 会被它覆盖）。',
    en: 'The appid ({appid}) is wrong. It came from WXAUTH_APPID, so fix WXAUTH_APPID (it overrides wxauth config set appid).',
  },
  'tokens.next.refresh_credential': {
    zh: '刷新不带 AppSecret 也不带 access_token，只带 appid（{appid}）和 refresh_token，所以这里 40001 拒绝的只能是这两者，比如另一个 appid 签发的 refresh_token（测试号 / 正式号、另一个 profile），或复制时被截断了（refresh_token 本身无效或已超过 30 天，微信文档写的是 40030）。在签发它的 appid 的 profile 下刷新（wxauth --profile 名字 refresh …），或让用户为 {appid} 重新授权：{login}。',
    en: 'A refresh is sent no AppSecret and no access_token, only the appid ({appid}) and the refresh_token, so the credential 40001 refuses here can only be that pair, such as a refresh_token issued to another appid (a test vs production account, another profile) or one cut short in the copy (an unknown or 30-day-old refresh_token is 40030 in WeChat’s docs). Refresh under the profile of the appid that issued it (wxauth --profile NAME refresh …), or have the user authorise {appid} again: {login}.',
  },
  'tokens.next.reauthorize': {
    zh: 'refresh_token 无效或已超过 30 天（从授权时算起），只能让用户重新授权：{login}。',
    en: 'The refresh_token is unknown or past its 30 days (counted from the authorisation), so the user must authorise again: {login}.',
  },

  'tokens.next.refresh': {
    zh: 'access_token 已过期或已被更新的 token 替换：用缓存的 refresh_token 刷新，wxauth refresh{p}{user}（wxauth userinfo 会自动刷新一次）。',
    en: 'The access_token expired or was replaced by a newer one: refresh it with the cached refresh_token, wxauth refresh{p}{user} (wxauth userinfo refreshes once by itself).',
  },
  'tokens.next.refresh_no_auto': {
    zh: 'access_token 已过期或已被更新的 token 替换，而 --no-refresh 让 wxauth userinfo 没有自动刷新：用缓存的 refresh_token 刷新，wxauth refresh{p}{user}，或者去掉 --no-refresh 再运行一次（会自动刷新一次）。',
    en: 'The access_token expired or was replaced by a newer one, and --no-refresh kept wxauth userinfo from refreshing it: refresh it with the cached refresh_token, wxauth refresh{p}{user}, or run it again without --no-refresh (it then refreshes once by itself).',
  },
  'tokens.next.refresh_did_not_help': {
    zh: '刷新也没用：刚用 refresh_token 换来的 access_token 同样被拒，再刷新一次也一样。用 wxauth check{p}{user} 看看缓存里的 token 和它的 appid；仍被拒的话，让用户重新授权：{login}。',
    en: 'Refreshing did not help: the access_token just obtained with the refresh_token was refused too, and another refresh would fare no better. See the cached token and its appid with wxauth check{p}{user}; if WeChat refuses it there too, have the user authorise again: {login}.',
  },
  'tokens.next.reauthorize_no_refresh': {
    zh: 'access_token 已过期或已被替换，而 wxauth 没有可用的 refresh_token：用 wxauth refresh REFRESH_TOKEN{p} 刷新，或让用户重新授权：{login}。',
    en: 'The access_token expired or was replaced, and wxauth has no usable refresh_token: refresh with wxauth refresh REFRESH_TOKEN{p}, or have the user authorise again: {login}.',
  },
  'tokens.next.not_sns_token': {
    zh: '微信不认这个 access_token（40014 是“不合法”；过期一般报 42001）：它可能不完整（复制时被截断，或多了空格、引号），或者不是网页授权 token，例如误贴了基础 access_token（/cgi-bin/token 或 stable_token 的结果，wxauth token 打印的那种）。网页授权 token 要用 code 换：{login}，或 wxauth exchange CODE{p}；换到的 token 会缓存，之后 wxauth check{p} 不带参数就用它。',
    en: 'WeChat does not recognise this access_token (40014 means invalid; an expired one is usually 42001): it may be incomplete (cut short when copied, or with a stray space or quote), or not a web-authorization token, e.g. a basic access_token pasted by mistake (from /cgi-bin/token or stable_token, as wxauth token prints). A web-authorization token comes from exchanging a code: {login}, or wxauth exchange CODE{p}; it is cached, and wxauth check{p} without arguments then uses it.',
  },
  'tokens.next.openid_mismatch_owner': {
    zh: '这个 openid 不属于这个 access_token：token 缓存里它是 {owner} 的 access_token。和它一起用的 openid 是 {owner}；要用那个用户缓存的 token：wxauth {command} --openid {owner}{p}。',
    en: 'This openid does not belong to this access_token: the token cache holds it as the access_token of {owner}. Use {owner} with it; for that user\'s cached token: wxauth {command} --openid {owner}{p}.',
  },
  'tokens.next.openid_mismatch': {
    zh: '这个 openid 不属于这个 access_token：同一用户在不同 appid 下的 openid 不同。用换 token 时一起返回的 openid（wxauth tokens{p} 可以查看）。',
    en: 'This openid does not belong to this access_token: a user has a different openid in every appid. Use the openid that came with the token (wxauth tokens{p} shows it).',
  },
  'tokens.next.need_userinfo_scope': {
    zh: '这个 token 来自 snsapi_base 授权，不能获取用户信息。用 snsapi_userinfo 重新授权：wxauth url --scope snsapi_userinfo{p}，再 wxauth exchange{p} CODE；或者 {loginUserinfo}。',
    en: 'This token came from snsapi_base, which cannot read the profile. Authorise again with snsapi_userinfo: wxauth url --scope snsapi_userinfo{p}, then wxauth exchange{p} CODE; or {loginUserinfo}.',
  },


  'tokens.next.userinfo_scope_refused': {
    zh: '这个 token 是 snsapi_userinfo 授权得到的，微信仍拒绝返回用户信息：多半是快照页模式下的虚拟用户（is_snapshotuser 有时不出现在第一次换取的结果里），或这个号没有网页授权获取用户信息的权限（未认证的服务号）。让用户在微信里打开授权页、点“允许”后重新授权：{loginUserinfo}；并在公众平台确认接口权限。',
    en: 'This token was granted snsapi_userinfo, yet WeChat refuses the profile: most likely a snapshot-page virtual user (is_snapshotuser is sometimes missing from the first exchange), or the account lacks the right to read profiles (an unverified service account). Have the user open the authorize page in WeChat and tap Allow, then authorise again: {loginUserinfo}; and check the account\'s API rights in the console.',
  },
  'tokens.next.snapshot_user': {
    zh: '这是快照页的虚拟用户（is_snapshotuser=1），微信不提供其资料。让用户点击页面底部的“使用完整服务”后重新授权：wxauth url --scope snsapi_userinfo{p}。',
    en: 'This is a snapshot-page virtual user (is_snapshotuser=1); WeChat gives no profile for it. Have the user tap "使用完整服务" at the bottom of the page and authorise again: wxauth url --scope snsapi_userinfo{p}.',
  },

  // --- tokens list | show | clear ------------------------------------------------------------
  'tokens.list.empty': {
    zh: 'profile {profile} 的 token 缓存是空的。先获取一个：{login}，或 wxauth exchange{p} CODE。',
    en: 'The token cache of profile {profile} is empty. Get a token with {login}, or wxauth exchange{p} CODE.',
  },

  'tokens.list.summary': {
    zh: 'profile {profile}：{count} 个用户（{file}）。token 已隐藏，wxauth tokens show OPENID --show-secrets 可查看。',
    en: 'profile {profile}: {count} user(s) ({file}). Tokens are hidden; wxauth tokens show OPENID --show-secrets reveals them.',
  },
  'tokens.col.access': { zh: 'access_token 过期', en: 'access_token expires' },
  'tokens.col.refresh': { zh: 'refresh_token 过期', en: 'refresh_token expires' },
  'tokens.show.emptyOpenid': { zh: 'openid 是空的（没有设置的 shell 变量？）。', en: 'The openid is empty (a shell variable that is not set?).' },
  'tokens.show.onlyUser': {
    zh: '没有指定 openid：显示 profile {profile} 缓存里唯一的用户 {openid}（缓存多个用户时，需要写 wxauth tokens show OPENID）。',
    en: 'No openid given: showing {openid}, the only user cached for profile {profile} (with more cached, name one: wxauth tokens show OPENID).',
  },
  'tokens.show.openidNeeded.many': { zh: 'tokens show 需要一个 openid：profile {profile} 缓存了 {count} 个用户。', en: 'tokens show needs an openid: {count} users are cached for profile {profile}.' },
  'tokens.show.openidNeeded.many.hint': {
    zh: '指定其中一个（最近的在前）：{openids}，例如 wxauth{p} tokens show {first}；wxauth tokens{p} 列出全部。',
    en: 'Name one of them (latest first): {openids}, e.g. wxauth{p} tokens show {first}; wxauth tokens{p} lists them all.',
  },
  'tokens.show.openidNeeded.more.hint': {
    zh: '指定其中一个（{count} 个里最近的 5 个）：{openids}，例如 wxauth{p} tokens show {first}；wxauth tokens{p} 列出全部。',
    en: 'Name one of them (the latest 5 of {count}): {openids}, e.g. wxauth{p} tokens show {first}; wxauth tokens{p} lists them all.',
  },
  'tokens.show.openidNeeded.hint': { zh: '用 wxauth tokens{p} 列出缓存里的 openid。', en: 'wxauth tokens{p} lists the cached openids.' },
  'tokens.show.secretsHidden': {
    zh: 'token 已隐藏；加 --show-secrets 显示完整值。',
    en: 'Tokens are hidden; add --show-secrets to see them in full.',
  },
  'tokens.clear.confirm': {
    zh: '从 profile {profile} 的缓存中删除{what}？',
    en: 'Remove {what} from the cache of profile {profile}?',
  },
  'tokens.clear.all': { zh: '全部 {count} 个用户的 token', en: 'the tokens of all {count} user(s)' },
  'tokens.clear.one': { zh: ' {openid} 的 token', en: 'the tokens of {openid}' },
  'tokens.clear.done': { zh: '已删除 {count} 个用户的 token（profile {profile}）。', en: 'Removed the tokens of {count} user(s) (profile {profile}).' },
  'tokens.exchange.code.isSecret': {
    zh: '给出的 code 就是这个 profile 的 AppSecret，不是 code；没有发给微信。',
    en: 'The code given is this profile’s AppSecret, not a code; it was not sent to WeChat.',
  },
  'tokens.exchange.code.isSecret.hint': {
    zh: 'code 在用户同意授权后跳转到的回调地址里（?code=…）。用 wxauth{p} login 或 wxauth{p} url 拿一个；若 AppSecret 曾贴到别处（聊天、工单），到公众平台重置它。',
    en: 'A code comes in the callback URL after the user agrees (?code=…): get one with wxauth{p} login or wxauth{p} url. If the AppSecret was pasted anywhere else (a chat, a ticket), reset it in the console.',
  },
  'tokens.list.noUsers': {
    zh: 'profile {profile} 没有缓存的用户 token。换一个：{login}，或 wxauth exchange{p} CODE。',
    en: 'No user tokens are cached for profile {profile}. Get one with {login}, or wxauth exchange{p} CODE.',
  },

  'tokens.others': {
    zh: '缓存里还有 {basic} 个基础 access_token 和 {tickets} 个 jsapi_ticket（wxauth tokens 只列出、只清除用户 token）：用 wxauth{p} token --show / wxauth{p} jssdk ticket --show 查看，wxauth{p} jssdk ticket --refresh 向微信重新获取 ticket。',
    en: 'The cache also holds basic access_tokens ({basic}) and jsapi_tickets ({tickets}) (wxauth tokens lists and clears user tokens only): wxauth{p} token --show / wxauth{p} jssdk ticket --show show them, and wxauth{p} jssdk ticket --refresh asks WeChat for the ticket again.',
  },
  'tokens.held.users': { zh: '{count} 个用户 token', en: '{count} user token(s)' },
  'tokens.held.basic': { zh: '{count} 个基础 access_token', en: '{count} basic access_token(s)' },
  'tokens.held.tickets': { zh: '{count} 个 jsapi_ticket', en: '{count} jsapi_ticket(s)' },
  'tokens.leftover': {
    zh: 'profile "{profile}" 没有保存（已删除，或从未用 wxauth init 新建）：token 缓存里仍以这个名字存着 {held}，没有命令会用到它们；wxauth{p} tokens clear 会全部删除。',
    en: 'Profile "{profile}" is not saved (it was removed, or never made with wxauth init): the token cache still holds {held} under its name, which no command uses; wxauth{p} tokens clear removes it all.',
  },
  'tokens.clear.leftover.confirm': {
    zh: '删除 token 缓存里以 "{profile}" 这个名字存着的全部内容（{held}）？已保存的 profile 里没有叫这个名字的。',
    en: 'Remove everything the token cache holds under the name "{profile}" ({held})? No saved profile has that name.',
  },
  'tokens.clear.leftover.others': {
    zh: '也删除了以 "{profile}" 这个名字存着的 {held}（已保存的 profile 都不会用到它们）。',
    en: 'Also removed the {held} held under "{profile}" (no saved profile uses them).',
  },
  'tokens.clear.nothing': { zh: '没有可删除的 token（profile {profile}）。', en: 'Nothing to remove (profile {profile}).' },
  'tokens.action.invalid': { zh: '不认识 tokens 的子命令 "{action}"。', en: 'Unknown tokens action "{action}".' },
  'tokens.action.didYouMean': {
    zh: '是不是想用 wxauth{p} tokens {suggestion}？用法：wxauth tokens [list | show [openid] | clear [openid]]',
    en: 'Did you mean wxauth{p} tokens {suggestion}? Usage: wxauth tokens [list | show [openid] | clear [openid]]',
  },
  'tokens.clear.nothingFor.hint': {
    zh: '什么也没删。wxauth tokens{p} 列出缓存里的用户。',
    en: 'Nothing was removed. wxauth tokens{p} lists the cached users.',
  },
  'tokens.action.invalid.hint': {
    zh: '用法：wxauth tokens [list | show [openid] | clear [openid]]',
    en: 'Usage: wxauth tokens [list | show [openid] | clear [openid]]',
  },
} as const satisfies MessageSection;

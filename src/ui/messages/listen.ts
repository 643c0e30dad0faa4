import type { MessageSection } from './types.js';

// Messages of the 'listen' area: the callback listener, its browser page, `listen`, `login` and `demo`.
export const messages = {
  // ── the page the browser shows ───────────────────────────────────────────────────────────────────
  'listen.page.success.title': { zh: '已收到 code', en: 'Code received' },
  'listen.page.success.detail': {
    zh: 'wxauth 已经在终端里收到授权 code，可以关闭这个窗口了。',
    en: 'wxauth has the authorization code in your terminal — you can close this window.',
  },
  'listen.page.duplicate.title': { zh: '这个回调已经收到过了', en: 'This callback was already received' },
  'listen.page.duplicate.detail': {
    zh: '同一个 code 第二次到达回调地址。wxauth 只用它换一次 token；你的服务器也必须这样做，否则第二次换取会得到 40163。',
    en: 'The same code reached the callback a second time. wxauth exchanges it only once; your server must do the same, or the second exchange gets 40163.',
  },
  'listen.page.denied.title': { zh: '用户拒绝了授权', en: 'Authorization was refused' },
  'listen.page.denied.detail': {
    zh: '微信只带回了 state，没有 code：用户在授权页点了“拒绝”。回到终端查看下一步。',
    en: 'WeChat sent back only the state, no code: the user pressed “refuse” on the consent page. See the terminal for what to do next.',
  },
  'listen.page.denied.base.title': { zh: '只有 state，没有 code：code 在路上丢了', en: 'State only, no code — the code was lost on the way' },
  'listen.page.denied.base.detail': {
    zh: '这个链接的 scope 是 snsapi_base，不弹授权页，没有人点“拒绝”：回调在路上被转了一手，只留下了 state。回到终端查看下一步。',
    en: 'The link asked for snsapi_base, which shows no consent page, so no one refused: something passed the callback on and kept only the state. See the terminal for what to do next.',
  },
  'listen.page.denied.qr.title': { zh: '没有确认登录', en: 'The login was not confirmed' },
  'listen.page.denied.qr.detail': {
    zh: '微信只带回了 state，没有 code：扫码后在手机上没有点“确认登录”（取消了）。回到终端查看下一步。',
    en: 'WeChat sent back only the state, no code: after the scan, the login was cancelled on the phone instead of confirmed (确认登录). See the terminal for what to do next.',
  },
  'listen.page.state_only.title': { zh: '只有 state，没有 code：wxauth 还在等待', en: 'State only, no code — wxauth is still waiting' },
  'listen.page.state_only.detail': {
    zh: '用户拒绝授权时，微信会这样只带回 state；但 wxauth 这次没有可核对的 state，分不清这是微信的拒绝还是别的页面的链接，所以继续等待带 code 的回调。终端里有说明。',
    en: 'WeChat sends back only the state like this when the user refuses; but wxauth has no state to check this time, so it cannot tell WeChat’s refusal from another page’s link, and keeps waiting for a callback with a code. The terminal says more.',
  },
  'listen.page.state_mismatch.title': { zh: 'state 不匹配，已拒收这个 code', en: 'State mismatch — this code was refused' },
  'listen.page.state_mismatch.nocode.title': { zh: 'state 不匹配，已拒收这个回调', en: 'State mismatch — this callback was refused' },
  'listen.page.state_mismatch.detail': {
    zh: '回调里的 state 不是这次授权发出的那个：可能是旧的标签页，也可能是伪造的请求。wxauth 拒收了它，还在等待这次授权的回调：请用这次的授权链接（wxauth url 或 login 最近打印的那个）重新授权。',
    en: 'The state in this callback is not the one this authorization sent: an old tab, or a forged request. wxauth refused it and is still waiting for this authorization’s callback: authorize again with this time’s link (the one wxauth url or login printed last).',
  },
  'listen.page.state_missing.detail': {
    zh: '这个回调带着 code，却没有 state：state 在路上丢了（某次跳转只保留了 code=）。wxauth 拒收了它，还在等待这次授权的回调；终端里有下一步。',
    en: 'This callback carries a code but no state: the state was lost on the way (a redirect that keeps only code=). wxauth refused it and is still waiting for this authorization’s callback; the terminal says what to do next.',
  },
  'listen.page.invalid.title': { zh: '回调里没有可用的 code', en: 'No usable code in this callback' },
  'listen.page.invalid.detail': {
    zh: '请求到了回调地址，但 code 为空或无法读取。wxauth 还在继续等待。',
    en: 'The request reached the callback path, but code is empty or unreadable. wxauth is still waiting.',
  },
  'listen.page.waiting.title': { zh: 'wxauth 正在等待微信回调', en: 'wxauth is waiting for the WeChat callback' },
  'listen.page.waiting.detail': {
    zh: '这个地址没有带 code。请在微信里打开授权链接，授权后微信会把你带回这里。',
    en: 'This address carries no code. Open the authorization link in WeChat; after you agree, WeChat sends you back here.',
  },
  'listen.page.not_found.title': { zh: '404：不是回调地址', en: '404: not the callback path' },
  'listen.page.not_found.detail': {
    zh: 'wxauth 只响应回调路径，其他路径一律 404。',
    en: 'wxauth answers only on the callback path; every other path is 404.',
  },
  'listen.page.wrong_host.title': { zh: 'Host 不对，请求已拒绝', en: 'Wrong Host — request refused' },
  'listen.page.wrong_host.detail': {
    zh: '请求的 Host 头不是这个监听地址（防 DNS 重绑定）。请直接访问终端里打印的地址。',
    en: 'The Host header does not name this listener (DNS-rebinding guard). Use the address printed in the terminal.',
  },
  'listen.page.method.title': { zh: '只接受 GET', en: 'Only GET is accepted' },
  'listen.page.method.detail': { zh: '微信回调是 GET 请求。', en: 'WeChat calls back with GET.' },

  // ── errors ────────────────────────────────────────────────────────────────────────────────────────
  'listen.timeout': { zh: '等了 {seconds} 秒，没有收到回调。', en: 'No callback arrived within {seconds} s.' },
  'listen.timeout.hint': {
    zh: '回调落在 redirect_uri 指向的机器上：公众号授权在微信里完成，手机微信访问不到 127.0.0.1。在本机的电脑版微信里打开授权链接，或用 --host 0.0.0.0 让同一 Wi-Fi 的手机能连上，或用 --relay-snippet / --paste；用 wxauth inspect <链接> 检查 redirect_uri；需要更久就加 --timeout <秒>。',
    en: 'The callback lands wherever redirect_uri points: the 公众号 flow finishes inside WeChat, and WeChat on a phone cannot reach 127.0.0.1. Open the authorization link in desktop WeChat on this machine, or use --host 0.0.0.0 so a phone on the same Wi-Fi can connect, or --relay-snippet / --paste; check redirect_uri with wxauth inspect <url>; wait longer with --timeout <seconds>.',
  },
  'listen.timeout.hint.noLan': {
    zh: '监听已在本机所有地址上，但这台机器没有手机能用的局域网地址：把它连到手机所在的 Wi-Fi，或用 --relay-snippet / --paste；需要更久就加 --timeout <秒>。',
    en: 'The listener was on every address, but this machine has no LAN address a phone could use: join the phone’s Wi-Fi, or use --relay-snippet / --paste; wait longer with --timeout <seconds>.',
  },
  'listen.timeout.hint.lan': {
    zh: '同一 Wi-Fi 的手机本可以访问 {url}，却一直没有收到回调：确认手机连的是同一个 Wi-Fi（不是移动数据），授权链接里的 redirect_uri 就是这个地址（wxauth url{p} --redirect-uri {url} 生成一个，wxauth inspect <链接> 检查已有的），防火墙放行了 {port} 端口；也可以用 --relay-snippet / --paste；需要更久就加 --timeout <秒>。',
    en: 'A phone on the same Wi-Fi could reach {url}, yet nothing came: check that the phone is on the same Wi-Fi (not mobile data), that the link’s redirect_uri is this address (wxauth url{p} --redirect-uri {url} builds one; wxauth inspect <url> checks yours), and that no firewall blocks port {port}. Or use --relay-snippet / --paste; wait longer with --timeout <seconds>.',
  },
  // login: the link it showed already had the listener's address as redirect_uri.
  'listen.timeout.hint.lan.ownLink': {
    zh: '授权链接的 redirect_uri 是 {url}，同一 Wi-Fi 的手机本可以访问，却一直没有收到回调：确认手机连的是同一个 Wi-Fi（不是移动数据），防火墙放行了 {port} 端口，公众号（测试号）的网页授权域名填的是 {host}：不一致时微信会在手机上显示 10003“redirect_uri 参数错误”，不会回调。也可以用 --relay-snippet / --paste；需要更久就加 --timeout <秒>。',
    en: 'The link’s redirect_uri was {url}, which a phone on the same Wi-Fi could reach, yet nothing came: check that the phone is on the same Wi-Fi (not mobile data), that no firewall blocks port {port}, and that the account’s (test account’s) web-authorization domain is {host}: otherwise WeChat shows “redirect_uri 参数错误”, 10003, on the phone and never calls back. Or use --relay-snippet / --paste; wait longer with --timeout <seconds>.',
  },
  'listen.timeout.hint.moved': {
    zh: 'listen 开始之后 wxauth url 生成的链接把回调发往 {uri}，而这里监听的是 {here}，那个链接的回调到不了这里。再运行一次 wxauth listen{p}（它会按最新链接的 redirect_uri 监听），或者用为这个监听生成的链接授权。',
    en: 'A link wxauth url made after listen started sends its callback to {uri}, while this listener is at {here}: that link’s callback cannot come here. Run wxauth listen{p} again (it listens where the newest link points), or authorise with the link made for this listener.',
  },
  'listen.timeout.hint.elsewhere': {
    zh: '授权链接的回调发往 {uri}，不是这台机器：除非那里有页面把它转到这里（wxauth listen{p} --relay-snippet），这里什么也收不到（--host 0.0.0.0 和电脑版微信都无济于事）。授权后把跳转到的地址粘贴给 wxauth listen{p} --paste。',
    en: 'The link’s callback goes to {uri}, not to this machine: unless a page there forwards it here (wxauth listen{p} --relay-snippet), nothing arrives (neither --host 0.0.0.0 nor desktop WeChat changes that). After authorising, paste the address it lands on into wxauth listen{p} --paste.',
  },

  'listen.timeout.hint.browser': {
    zh: '这次授权在本机浏览器里完成：在浏览器里打开授权链接（网站应用扫码；在模拟器上点“模拟扫码并确认”或“允许”），浏览器会被重定向到 redirect_uri。用 wxauth inspect <链接> 检查 redirect_uri；需要更久就加 --timeout <秒>。',
    en: 'This login finishes in a browser on this machine: open the authorization link there (scan the QR code for a website app; on the emulator, press “simulate scan & confirm” or “允许”), and the browser is redirected to redirect_uri. Check redirect_uri with wxauth inspect <url>; wait longer with --timeout <seconds>.',
  },
  'listen.denied': {
    zh: '用户拒绝了授权：回调只带了 state，没有 code。',
    en: 'The user refused authorization: the callback carried state but no code.',
  },
  'listen.denied.hint': {
    zh: '重新发起授权并点“允许”。snsapi_base 不会弹授权页；如果不需要昵称头像，可以用 wxauth url{p} --scope snsapi_base（或 wxauth login{p} --scope snsapi_base）生成链接。',
    en: 'Start again and press “allow”. snsapi_base shows no consent page: if you do not need the nickname and avatar, build the link with wxauth url{p} --scope snsapi_base (or wxauth login{p} --scope snsapi_base).',
  },
  'listen.denied.base': {
    zh: '回调只带了 state，没有 code。这个链接的 scope 是 snsapi_base，不弹授权页，用户没有机会点“拒绝”：code 是在路上丢的。',
    en: 'The callback carried the state but no code. The link asked for snsapi_base, which shows no consent page, so no one refused: the code was lost on the way.',
  },
  'listen.denied.base.hint': {
    zh: '看看是谁把回调转了一手：你的服务器或网关重定向时只留下了 state，或者地址被复制短了。用 wxauth url{p} 生成新链接重新授权（或直接用 wxauth login{p}）。',
    en: 'Look for whatever passed the callback on: a redirect of your server or gateway that kept only the state, or an address copied short. Make a fresh link with wxauth url{p} and authorize again (or use wxauth login{p}).',
  },
  'listen.denied.qr': {
    zh: '用户没有确认登录：回调只带了 state，没有 code。这是网站应用的扫码登录，扫码后在手机上取消了，没有点“确认登录”。',
    en: 'The user did not confirm the login: the callback carried state but no code. This is a website app’s QR login: after the scan it was cancelled on the phone instead of confirmed (确认登录).',
  },
  'listen.denied.qr.hint': {
    zh: '重新扫码，并在手机上点“确认登录”：wxauth login{p}，或用 wxauth url{p} 生成新链接。网站应用只有 snsapi_login，没有别的 scope 可换。',
    en: 'Scan again and press “确认登录” (allow) on the phone: wxauth login{p}, or a fresh link from wxauth url{p}. A website app has only snsapi_login: there is no other scope to switch to.',
  },
  'listen.timeout.refused.noState': {
    zh: '等了 {seconds} 秒，没有收到 state 匹配的回调；拒收了 {count} 个 state 不对的回调（最后一个带着 code 却没有 state，期望 "{expected}"）。',
    en: 'No callback with the expected state arrived within {seconds} s; {count} callback(s) with another state were refused (the last carried a code and no state; expected "{expected}").',
  },
  'listen.timeout.stateOnly': {
    zh: '等了 {seconds} 秒，没有收到带 code 的回调；收到 {count} 个只有 state 的回调（最后一个的 state 是 "{got}"）。没有可核对的 state，wxauth 分不清那是用户拒绝授权，还是别的页面的链接。',
    en: 'No callback with a code arrived within {seconds} s; {count} callback(s) brought a state and no code (the last: "{got}"). With no state to check, wxauth cannot tell whether that was the user refusing or another page’s link.',
  },
  'listen.timeout.stateOnly.hint': {
    zh: '先用 wxauth url{p} 生成授权链接（或直接用 wxauth login{p}），listen 就会核对它的 state：是拒绝会立刻说明，别的页面的回调会被拒收。用户若点了“拒绝”，请重新授权并点“允许”。',
    en: 'Make the link with wxauth url{p} first (or use wxauth login{p}): listen then checks its state, says a refusal at once and refuses other pages’ callbacks. If the user pressed “refuse”, authorize again and press “allow”.',
  },
  'listen.timeout.refused.spent': {
    zh: '等了 {seconds} 秒，没有收到可用的回调；拒收了 {count} 个回调（最后一个带的 state "{got}" 已经用过：它的回调之前已被接收）。',
    en: 'No usable callback arrived within {seconds} s; {count} callback(s) were refused (the last brought "{got}", a state already used: its callback was caught before).',
  },
  'listen.stateSpent.hint': {
    zh: 'state 只能用一次（这正是它防 CSRF 的作用），旧标签页重新打开的回调不算数：用 wxauth url{p} 生成新链接再授权（正在运行的 listen 会接受它的 state），或直接用 wxauth login{p}。',
    en: 'A state is single use (that is what makes it CSRF protection), so an old tab reopened does not count: make a fresh link with wxauth url{p} and authorize again (a running listen takes its state), or use wxauth login{p}.',
  },
  'listen.state.spent': {
    zh: '记下的 state "{state}" 已经用过：{use}。带着它的回调（重新打开的旧标签页）会被拒收；用 wxauth url{p} 生成新链接（这个 listen 会接受它的 state），或直接用 wxauth login{p}。',
    en: 'The remembered state "{state}" was already used: {use}. A callback carrying it (an old tab reopened) is refused; make a fresh link with wxauth url{p} (this listen takes its state), or use wxauth login{p}.',
  },
  'listen.timeout.refused': {
    zh: '等了 {seconds} 秒，没有收到 state 匹配的回调；拒收了 {count} 个 state 不对的回调（最后一个回调的 state 是 "{got}"，期望 "{expected}"）。',
    en: 'No callback with the expected state arrived within {seconds} s; {count} callback(s) with another state were refused (the last brought "{got}", expected "{expected}").',
  },
  'listen.stateOnly.cut': {
    zh: '这个回调只有 state="{state}"，没有 code：要么用户拒绝了授权（微信只带回 state），要么地址在第一个 & 处被截断了——命令行里没加引号时，…?state=…&code=… 到 & 就断了。',
    en: 'This callback has state="{state}" and no code: either the user refused authorization (WeChat then sends back the state alone), or the URL was cut at its first "&" — unquoted on a command line, …?state=…&code=… stops there.',
  },
  'listen.stateOnly.cut.hint': {
    zh: "把整个地址用单引号括起来再试：wxauth exchange '<回调地址>'；如果用户确实拒绝了，重新发起授权并点“允许”（snsapi_base 不弹授权页）。",
    en: "Quote the whole URL and try again: wxauth exchange '<callback URL>'; if the user did refuse, start again and press “allow” (snsapi_base shows no consent page).",
  },
  'listen.stateOnly.cut.qr': {
    zh: '这个回调只有 state="{state}"，没有 code：要么是网站应用扫码登录时，扫码后在手机上取消了、没有点“确认登录”（微信只带回 state），要么地址在第一个 & 处被截断了——命令行里没加引号时，…?state=…&code=… 到 & 就断了。',
    en: 'This callback has state="{state}" and no code: either the QR login was cancelled on the phone after the scan instead of confirmed (确认登录; WeChat then sends back the state alone), or the URL was cut at its first "&" — unquoted on a command line, …?state=…&code=… stops there.',
  },
  'listen.stateOnly.cut.qr.hint': {
    zh: "把整个地址用单引号括起来再试：wxauth exchange{p} '<回调地址>'；如果扫码后确实取消了，重新扫码并在手机上点“确认登录”（wxauth login{p}）。",
    en: "Quote the whole URL and try again: wxauth exchange{p} '<callback URL>'; if the login was indeed cancelled after the scan, scan again and press “确认登录” (allow) on the phone (wxauth login{p}).",
  },
  'listen.stateOnly.cut.base': {
    zh: '这个回调只有 state="{state}"，没有 code。链接的 scope 是 snsapi_base，不弹授权页，没有人拒绝：多半是地址在第一个 & 处被截断了——命令行里没加引号时，…?state=…&code=… 到 & 就断了；不然就是 code 在路上丢了。',
    en: 'This callback has state="{state}" and no code. The link asked for snsapi_base, which shows no consent page, so no one refused: most likely the URL was cut at its first "&" — unquoted on a command line, …?state=…&code=… stops there — or else the code was lost on the way.',
  },
  'listen.stateOnly.cut.base.hint': {
    zh: "把整个地址用单引号括起来再试：wxauth exchange{p} '<回调地址>'；如果地址本来就是完整的，看看是谁把回调转了一手（只留下 state 的重定向），再用 wxauth url{p} 生成新链接重新授权。",
    en: "Quote the whole URL and try again: wxauth exchange{p} '<callback URL>'; if the address was whole, look for whatever passed the callback on (a redirect that kept only the state), then make a fresh link with wxauth url{p} and authorize again.",
  },
  'listen.stateMismatch': {
    zh: 'state 不匹配：回调的 state 是 "{got}"，期望 "{expected}"。这个 code 已拒收。',
    en: 'State mismatch: the callback brought "{got}", expected "{expected}". The code was refused.',
  },
  'listen.stateMismatch.noCode': {
    zh: 'state 不匹配：回调的 state 是 "{got}"，期望 "{expected}"；而且没有 code（用户拒绝了授权，或地址在 & 处被截断）。',
    en: 'State mismatch: the callback brought "{got}", expected "{expected}"; and no code (the user refused, or the URL was cut at an &).',
  },
  'listen.stateMissing': {
    zh: '回调带着 code 却没有 state，而期望的是 "{expected}"。这个 code 已拒收（还没用掉）。',
    en: 'The callback carries a code but no state, and "{expected}" was expected. The code was refused (it is still unused).',
  },
  'listen.stateMissing.hint': {
    zh: 'state 在路上丢了：你自己的某次跳转只保留了 code=，或者地址复制得不完整（…?code=…&state=… 在 code 之后被截断）。要不查 state 直接用这个 code，就单独换它（code 在浏览器落地的地址里）：wxauth exchange{p} CODE。',
    en: 'The state was lost on the way: a redirect of your own that keeps only code=, or an address copied short (…?code=…&state=… cut after the code). To use this code without a state check, exchange it by itself (it is in the address the browser landed on): wxauth exchange{p} CODE.',
  },
  'listen.paste.otherCallback': {
    zh: '这是另一个应用（或另一个页面）的回调：它回到的是 {got}，而这次登录的回调地址是 {expected}。它的 state "{state}" 也不是期望的 "{expectedState}"。这个 code 已拒收，没有使用。',
    en: 'This is another app’s (or another page’s) callback: it came back to {got}, while this login’s callback goes to {expected}. Its state "{state}" is not the expected "{expectedState}" either. The code was refused and not used.',
  },
  'listen.paste.otherCallback.hint': {
    zh: '打开 wxauth url{p} 生成的链接，授权后复制浏览器跳到的地址再粘贴。如果 {got} 那边才是你应用真正的回调，用 wxauth{p} config set redirectUri 改掉 redirect_uri，再生成新链接。',
    en: 'Open the link wxauth url{p} builds, authorize, and paste the address the browser lands on. If {got} is where your app’s callback really goes, change the redirect_uri (wxauth{p} config set redirectUri …) and build a new link.',
  },
  'listen.stateMismatch.hint': {
    zh: '通常是旧标签页或重复打开的旧链接；也可能是伪造请求。用 wxauth url{p} 生成新链接后重新授权，或用 --state 指定期望值。',
    en: 'Usually an old tab or an old link opened again; possibly a forged request. Build a fresh link with wxauth url{p} and authorize again, or give the expected value with --state.',
  },
  'listen.stateMismatch.hint.login': {
    zh: '通常是旧标签页或重复打开的旧链接；也可能是伪造请求。重新运行 wxauth login{p}：它会生成带新 state 的链接，用这个新链接授权。',
    en: 'Usually an old tab or an old link opened again; possibly a forged request. Run wxauth login{p} again and authorize with the fresh link it prints (it carries a new state).',
  },
  'listen.port.inUse': { zh: '端口 {port} 已被占用（{host}）。', en: 'Port {port} is already in use ({host}).' },
  'listen.port.inUse.hint': {
    zh: '用 --port <其他端口> 换一个（--port 0 = 任意空闲端口），或查出占用者：lsof -i :{port}。注意测试号的回调域名要写同一个 IP:端口。',
    en: 'Pick another with --port <port> (--port 0 = any free port), or find who holds it: lsof -i :{port}. A test account’s callback domain must name the same IP:port.',
  },
  'listen.port.inUse.loopback': {
    zh: '端口 {port} 在 {bound} 上空闲，但在同样是 localhost 的 {other} 上已被占用：浏览器打开 http://localhost:{port} 时可能连到那里，回调就会落到那个服务上，而不是 wxauth。',
    en: 'Port {port} is free on {bound} but already in use on {other}, which is localhost too: a browser opening http://localhost:{port} may connect there instead, and the callback would reach that server, not wxauth.',
  },
  'listen.port.denied': { zh: '没有权限监听端口 {port}（{host}）。', en: 'Not allowed to listen on port {port} ({host}).' },
  'listen.port.denied.hint': {
    zh: '1024 以下的端口需要管理员权限。换一个大于 1024 的端口（--port 8080），并让回调域名用同一个端口。',
    en: 'Ports below 1024 need administrator rights. Use a port above 1024 (--port 8080) and the same port in the callback domain.',
  },
  'listen.host.unavailable': { zh: '这台机器上没有地址 {host}。', en: 'This machine has no address {host}.' },
  'listen.host.unavailable.hint': {
    zh: '用 --host 127.0.0.1（只本机）或 --host 0.0.0.0（所有网卡，手机可连）。',
    en: 'Use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface, reachable from a phone).',
  },
  'listen.bind.failed': { zh: '无法监听 {host}:{port}：{detail}', en: 'Cannot listen on {host}:{port}: {detail}' },
  // listen's words for EINVAL, about a callback's host.
  'listen.bind.EINVAL': { zh: '不能在这个地址上监听（{code}）', en: 'this address cannot be listened on ({code})' },
  'listen.bind.EINVAL.linkLocal': {
    zh: '链路本地 IPv6 地址（fe80::…）不带网卡名就不能监听（{code}），而回调地址里又写不了网卡名，所以它当不了回调的地址',
    en: 'a link-local IPv6 address (fe80::…) cannot be listened on without its interface ({code}), and a callback URL cannot carry an interface, so it cannot be a callback\'s host',
  },
  'listen.port.invalid': { zh: '--port 必须是 0–65535 的整数，收到 "{value}"。', en: '--port must be an integer 0–65535, got "{value}".' },
  'listen.port.invalid.hint': { zh: '例如 --port 8080；--port 0 表示任意空闲端口。', en: 'For example --port 8080; --port 0 means any free port.' },
  'listen.timeout.invalid': { zh: '--timeout 必须是 1–86400 的秒数，收到 "{value}"。', en: '--timeout must be 1–86400 seconds, got "{value}".' },
  'listen.timeout.invalid.hint': {
    zh: '例如 --timeout 600（listen/login 的 --timeout 以秒计；全局的 HTTP 超时请写在命令名之前：wxauth --timeout 5000 listen）。',
    en: 'For example --timeout 600 (listen/login take seconds; the global HTTP timeout goes before the command name: wxauth --timeout 5000 listen).',
  },
  'listen.path.invalid': { zh: '--path 必须以 / 开头且不含 ? 或 #，收到 "{value}"。', en: '--path must start with / and contain no ? or #, got "{value}".' },
  'listen.path.char': {
    zh: '--path "{value}" 里有 URL 路径不能原样携带的字符 {char}：浏览器会把它百分号编码，回调永远对不上这个路径。',
    en: '--path "{value}" has a character a URL path cannot carry as written, {char}: a browser sends it percent-encoded, so no callback would ever match this path.',
  },
  'listen.path.char.hint': {
    zh: '路径只用字母、数字和 - . _ ~ /（例如 --path /callback），并与 redirect_uri 的路径一致。',
    en: 'Use letters, digits and - . _ ~ / (for example --path /callback), the same path as in redirect_uri.',
  },
  'listen.path.invalid.hint': { zh: '例如 --path /callback（与 redirect_uri 的路径一致）。', en: 'For example --path /callback (the same path as in redirect_uri).' },
  'listen.host.invalid': { zh: '--host 不是一个地址："{value}"。', en: '--host is not an address: "{value}".' },
  'listen.host.zoned': {
    zh: '--host {value} 带着网卡名（%…）：回调地址里写不了网卡名（浏览器和微信都不认 http://[fe80::…%eth0]/ 这样的地址），回调到不了这里。',
    en: '--host {value} names an interface (%…): a callback URL cannot carry one (browsers and WeChat do not take http://[fe80::…%eth0]/), so no callback could reach this listener.',
  },
  'listen.host.multicast': {
    zh: '--host {value} 是组播或广播地址：TCP 连接只能连到某台机器自己的地址，连不到一个组，回调到不了这里。',
    en: "--host {value} is a multicast or broadcast address: a TCP connection goes to one machine's own address, never to a group, so no callback could reach this listener.",
  },
  'listen.modes.exclusive': { zh: '--relay-snippet、--paste 不能和监听同时使用，也不能彼此同时使用。', en: '--relay-snippet and --paste cannot be combined with each other.' },
  'listen.modes.exclusive.hint': { zh: '一次只选一种：监听（默认）、--relay-snippet 或 --paste。', en: 'Pick one: listen (the default), --relay-snippet or --paste.' },

  // ── listen: progress on stderr ────────────────────────────────────────────────────────────────────
  'listen.listening': { zh: '正在监听 {url}', en: 'Listening on {url}' },
  'listen.listening.all': {
    zh: '正在监听本机所有地址（{host}）的 {port} 端口，同一网络的其他设备也能连上；本机访问 {url}',
    en: 'Listening on every address of this machine ({host}), port {port}, so other devices on the network can connect; from here: {url}',
  },
  'listen.lan': { zh: '手机可访问（同一 Wi-Fi；公网地址则任何网络）：{url}', en: 'From a phone (on the same Wi-Fi, or anywhere for a public address): {url}' },
  'listen.lan.none': { zh: '没有找到局域网地址（这台机器没连 Wi-Fi / 以太网？）。', en: 'No LAN address found (is this machine on Wi-Fi or Ethernet?).' },
  'listen.lan.domain': {
    zh: '测试号的「网页授权获取用户基本信息」域名填 {host}:{port}，redirect_uri 用上面的地址。',
    en: 'Set the test account’s web-authorization domain to {host}:{port} and use the address above as redirect_uri.',
  },
  'listen.waiting': { zh: '等待回调，最多 {seconds} 秒（Ctrl-C 取消）…', en: 'Waiting for the callback for up to {seconds} s (Ctrl-C to stop)…' },
  'listen.countdown': { zh: '等待回调… 还剩 {left}', en: 'Waiting for the callback… {left} left' },
  'listen.state.expected': { zh: '期望的 state：{state}（{source}）', en: 'Expected state: {state} ({source})' },
  'listen.state.source.flag': { zh: '来自 --state', en: 'from --state' },
  'listen.state.source.remembered': { zh: '{ago}前生成授权链接时记下的', en: 'remembered when the authorization link was built, {ago} ago' },
  'listen.paste.joined': {
    zh: '去掉了回调地址中间的换行（复制时被终端或聊天窗口折行了；地址里不会有真正的换行）。',
    en: 'Joined the callback URL where a line break split it (wrapped by a terminal or a chat window when copied; a URL has none of its own).',
  },
  'listen.paste.amongWords': {
    zh: '粘贴的这一行里只读取了回调地址，前后的文字已忽略。',
    en: 'Took only the callback address from the pasted line; the words around it were left out.',
  },
  'listen.paste.bareCode': {
    zh: '粘贴的只有 code，没有 state，所以没有校验 state：确认它来自你自己这次的授权（粘贴整个回调地址才能校验）。',
    en: 'Only a code was pasted, with no state, so the state was not checked: make sure it comes from your own authorization (paste the whole callback URL to have it checked).',
  },
  'listen.state.unchecked': {
    zh: '没有期望的 state（没有 --state，也没有记下的 state：wxauth url 和 login 生成链接时会记下），回调的 state 不会被校验：任何网页发来的 code 都会被当成这次的（伪造的回调，CSRF）。在另一个终端运行 wxauth url 后，就按那条链接的 state 校验。',
    en: 'No expected state (no --state, and none remembered: wxauth url and login remember one when they build the link): the callback’s state will not be checked, so a code any web page sends here is taken as this login’s (a forged callback, CSRF). Once wxauth url makes a link in another terminal, that link’s state is checked.',
  },
  // No redirect_uri anywhere (no profile yet, none remembered by url) and no --port/--path: the defaults.
  'listen.redirect.none': {
    zh: '没有可依据的 redirect_uri（profile "{profile}" 里没有，也没有 wxauth url 记下的），按默认地址监听：只有 redirect_uri 是 {url} 的授权链接会回调到这里。先用 wxauth init 配置账号和回调地址（测试号的授权域名可填 127.0.0.1:8080），或用 --port 和 --path 对上你的 redirect_uri。',
    en: 'No redirect_uri to go by (none in profile "{profile}", none remembered by wxauth url), so this listens on the default address: only an authorization link whose redirect_uri is {url} calls back here. Set up your account and callback with wxauth init first (a test account’s domain may be 127.0.0.1:8080), or give --port and --path to match your redirect_uri.',
  },
  'listen.redirect.notLocal': {
    zh: 'profile 的 redirect_uri（{uri}）不是本机或局域网地址，端口和路径用默认值。要让回调到这里，用 --relay-snippet 或 --paste。',
    en: 'The profile’s redirect_uri ({uri}) is not a local or LAN address, so port and path use defaults. To get the callback here, use --relay-snippet or --paste.',
  },
  'listen.redirect.httpsLocal': {
    zh: 'profile 的 redirect_uri（{uri}）在本机，但用的是 https：本地监听只支持 http（没有证书），收不到它，端口和路径用默认值。改用 {http}。',
    en: 'The profile’s redirect_uri ({uri}) is on this machine, but https: the local listener speaks only http (it has no certificate) and cannot receive it, so port and path use defaults. Use {http} instead.',
  },
  'listen.redirect.elsewhere': {
    zh: 'redirect_uri {uri} 的主机 {host} 不是这台电脑的地址（本机：{here}）：微信会把手机送到 {host}。除非有东西把它转发到这里（虚拟机、WSL、容器、路由器的端口转发），否则回调到不了这里；没有转发就改用 {use}，并把测试号的网页授权域名设成相同的“主机:端口”。',
    en: 'The redirect_uri {uri} names {host}, which is not an address of this machine (here: {here}): WeChat sends the phone to {host}, so the callback arrives here only if something forwards it (a VM, WSL, a container, a router’s port forward). Otherwise use {use}, with the same host:port as the test account’s web-authorization domain.',
  },
  'listen.redirect.elsewhere.none': {
    zh: 'redirect_uri {uri} 的主机 {host} 不是这台电脑的地址，而这台电脑没有局域网地址：除非有东西把它转发到这里，否则手机上的回调到不了这里。',
    en: 'The redirect_uri {uri} names {host}, which is not an address of this machine, and this machine has no LAN address: a callback from a phone arrives here only if something forwards it.',
  },
  'listen.redirect.mismatch': {
    zh: '回调会按 redirect_uri（{uri}）到端口和路径 {there}，而这里监听的是 {here}：除非有东西转发，回调不会到这里。去掉 --port / --path，或用 wxauth url --redirect-uri 换成这里的地址重新生成链接。',
    en: 'The callback goes where redirect_uri ({uri}) points, port and path {there}, but this listens on {here}: nothing arrives here unless something forwards it. Drop --port / --path, or build the URL again with wxauth url --redirect-uri pointing here.',
  },
  'listen.port.random': { zh: '随机端口上的 {path}', en: '{path} on a random port' },
  'listen.hit.code': { zh: '#{seq} {time} 收到 code（{ua}）', en: '#{seq} {time} code received ({ua})' },
  'listen.hit.duplicate': {
    zh: '#{seq} {time} 同一个 code 又来了一次（{ua}）',
    en: '#{seq} {time} the same code arrived again ({ua})',
  },
  'listen.hit.denied': { zh: '#{seq} {time} 只有 state，没有 code（拒绝授权；{ua}）', en: '#{seq} {time} state only, no code (refused; {ua})' },
  'listen.hit.denied.base': {
    zh: '#{seq} {time} 只有 state，没有 code（snsapi_base 不弹授权页，不是拒绝：code 在路上丢了；{ua}）',
    en: '#{seq} {time} state only, no code (snsapi_base has no consent page, so no refusal: the code was lost; {ua})',
  },
  'listen.hit.state_only': {
    zh: '#{seq} {time} 只有 state，没有 code；没有可核对的 state，分不清是拒绝授权还是别的页面的链接，继续等待（{ua}）',
    en: '#{seq} {time} state only, no code; with no state to check it may be a refusal or any page’s link, still waiting ({ua})',
  },
  'listen.hit.state_mismatch': {
    zh: '#{seq} {time} state 不匹配，已拒收，继续等待（{ua}）',
    en: '#{seq} {time} state mismatch, refused; still waiting ({ua})',
  },
  'listen.hit.state_used': {
    zh: '#{seq} {time} state 已经用过（旧标签页？），已拒收，继续等待（{ua}）',
    en: '#{seq} {time} state already used (an old tab?), refused; still waiting ({ua})',
  },
  'listen.hit.state_missing': {
    zh: '#{seq} {time} 有 code 没有 state，已拒收，继续等待（{ua}）',
    en: '#{seq} {time} a code with no state, refused; still waiting ({ua})',
  },
  'listen.hit.invalid': { zh: '#{seq} {time} 回调里没有可用的 code（{ua}）', en: '#{seq} {time} no usable code in the callback ({ua})' },
  'listen.hit.wrong_host': { zh: '#{seq} {time} 拒绝了一个 Host 为 "{host}" 的请求（防 DNS 重绑定）', en: '#{seq} {time} refused a request with Host "{host}" (DNS-rebinding guard)' },
  'listen.hit.head': {
    zh: '#{seq} {time} 收到一个 HEAD 请求，已忽略（链接预览或预取；code 留给浏览器的 GET；{ua}）',
    en: '#{seq} {time} a HEAD request came and was ignored (a link preview or prefetch; the code is left for the browser’s GET; {ua})',
  },
  // A HEAD on the bare address carries no code: nothing is left for a GET.
  'listen.hit.head.bare': {
    zh: '#{seq} {time} 收到一个发往回调地址本身（不带参数）的 HEAD 请求，已忽略（链接预览或预取；{ua}）',
    en: '#{seq} {time} a HEAD request for the bare callback address (no parameters) came and was ignored (a link preview or prefetch; {ua})',
  },
  // A HEAD with parameters but no code (`callback?state=…`, what a refusal looks like): nothing to leave for a GET.
  'listen.hit.head.stateOnly': {
    zh: '#{seq} {time} 收到一个带 state、不带 code 的 HEAD 请求，已忽略（链接预览或预取；{ua}）',
    en: '#{seq} {time} a HEAD request with a state and no code came and was ignored (a link preview or prefetch; {ua})',
  },
  'listen.hit.head.noCode': {
    zh: '#{seq} {time} 收到一个带参数、但没有 code 的 HEAD 请求，已忽略（链接预览或预取；{ua}）',
    en: '#{seq} {time} a HEAD request with parameters but no code came and was ignored (a link preview or prefetch; {ua})',
  },
  'listen.hit.markers': { zh: '   带有微信中转参数：{markers}', en: '   carries WeChat hop markers: {markers}' },
  'listen.duplicate': {
    zh: '回调被调用了 {count} 次，code 相同 —— 你的服务器必须对每个 code 只换取一次（缓存 code→结果），否则第二次换取会得到 40163。',
    en: 'The callback was called {count} times with the same code — your server must exchange each code only once (cache code → result), or the second exchange gets 40163.',
  },
  'listen.duplicate.markers': {
    zh: '第二次请求带着 uin/pass_ticket 等参数：这是微信内部中转造成的重复回调。',
    en: 'The repeated request carries uin/pass_ticket: the duplicate came from WeChat’s internal redirect hop.',
  },
  'listen.extraCodes': { zh: '窗口内还收到 {count} 个不同的 code（用户授权了不止一次）。', en: '{count} more distinct code(s) arrived in the window (the user authorized more than once).' },
  'listen.hitsOmitted': {
    zh: '共 {total} 次回调（{counts}）；--json 里只列出第一个 code 和最近 {kept} 次。',
    en: '{total} callback hits ({counts}); --json lists the first code and the last {kept} only.',
  },
  'listen.ignored': { zh: '忽略了 {count} 个无关请求（其他路径、错误 Host 或格式错误）。', en: 'Ignored {count} unrelated request(s) (other paths, wrong Host or malformed).' },
  'listen.exchange.start': { zh: '立即用 code 换取 token…', en: 'Exchanging the code for tokens now…' },
  'listen.state.newer.first': {
    zh: '这个回调的 state 属于 listen 启动之后 wxauth url 生成的链接（现在记下的就是它），已按它校验。',
    en: 'This callback’s state is that of the link wxauth url made after listen started (the state remembered now), and was checked against it.',
  },
  'listen.state.newer': {
    zh: '这个回调的 state 属于 listen 启动之后 wxauth url 新生成的链接（现在记下的就是它），所以照样接受；listen 启动时读到的是上一个链接的 state。',
    en: 'This callback’s state is that of a link wxauth url made after listen started (the state remembered now), so it was taken; listen had started with the previous link’s state.',
  },
  'listen.next.exchange': { zh: '下一步：wxauth exchange{p} CODE（{minutes} 分钟内，只能用一次）', en: 'Next: wxauth exchange{p} CODE (within {minutes} minutes, once only)' },

  // ── listen --relay-snippet ────────────────────────────────────────────────────────────────────────
  'listen.relay.intro': {
    zh: '把下面这个页面放到回调域名 {domain} 上（例如 {example}），redirect_uri 指向它。它不是开放跳转：只会把 code 和 state 转发到写在页面里的地址。但页面在线期间，任何人都能用自己做的授权链接（微信只核对域名）把别的微信用户引到这里，那个用户的 code 就会被转发到这些地址。',
    en: 'Put the page below on your callback domain {domain} (for example at {example}) and point redirect_uri at it. It is not an open redirect: it forwards code and state only to the addresses written into it. But while it is up, anyone can send a WeChat user to it with a link of their own (WeChat checks only the domain), and that user’s code goes to these addresses.',
  },
  'listen.relay.target': { zh: '转发目标（白名单）：{targets}', en: 'Forwards to (allowlist): {targets}' },
  'listen.relay.targetItem': { zh: '{url}（?to={index}）', en: '{url} (?to={index})' },
  'listen.relay.expires': {
    zh: '页面到 {deadline} 就不再转发；拿到 code 后请立即把它从 {domain} 上删除。',
    en: 'The page stops forwarding at {deadline}; delete it from {domain} as soon as you have your code.',
  },
  'listen.relay.then': {
    zh: '然后运行 wxauth listen --port {port} --path {path} 等待，在本机的浏览器里打开授权链接。同一 Wi-Fi 的手机要用的话，加 --host 0.0.0.0 重新生成页面（它会再转发到本机的局域网地址）。',
    en: 'Then run wxauth listen --port {port} --path {path} to wait, and open the authorization link in a browser on this machine. For a phone on the same Wi-Fi, make the page again with --host 0.0.0.0 (it then forwards to this machine’s LAN address too).',
  },
  'listen.relay.then.wechat': {
    zh: '然后运行 wxauth listen --port {port} --path {path} 等待，在本机的电脑版微信里打开授权链接（公众号的授权链接只能在微信里打开：把链接发给自己，例如发到“文件传输助手”，再点开）。同一 Wi-Fi 的手机要用的话，加 --host 0.0.0.0 重新生成页面（它会再转发到本机的局域网地址）。',
    en: 'Then run wxauth listen --port {port} --path {path} to wait, and open the authorization link in desktop WeChat on this machine (an official account’s link opens only in WeChat: send it to yourself, to File Transfer say, and click it there). For WeChat on a phone on the same Wi-Fi, make the page again with --host 0.0.0.0 (it then forwards to this machine’s LAN address too).',
  },
  'listen.relay.then.host': {
    zh: '然后运行 wxauth listen --host {host} --port {port} --path {path} 等待。监听器只在 {host} 上监听，所以页面只转发到这个地址（127.0.0.1 连不到它）：在能访问这个地址的设备上打开授权链接。',
    en: 'Then run wxauth listen --host {host} --port {port} --path {path} to wait. The listener listens on {host} only, so the page forwards there and nowhere else (127.0.0.1 would not reach it): open the authorization link on a device that can reach that address.',
  },
  'listen.relay.then.lan': {
    zh: '然后运行 wxauth listen --host {host} --port {port} --path {path} 等待。同一 Wi-Fi 的手机要转发到局域网地址：在 redirect_uri 后加 ?to=N（例如 {example}?to=1）。',
    en: 'Then run wxauth listen --host {host} --port {port} --path {path} to wait. For a phone on the same Wi-Fi, pick the LAN target with ?to=N on redirect_uri (e.g. {example}?to=1).',
  },
  'listen.relay.then.noLan': {
    zh: '然后运行 wxauth listen --host {host} --port {port} --path {path} 等待。这台机器现在没有局域网地址，页面只转发到 127.0.0.1：在本机的浏览器里打开授权链接；手机要用的话，连上网络后重新生成页面。',
    en: 'Then run wxauth listen --host {host} --port {port} --path {path} to wait. This machine has no LAN address now, so the page forwards to 127.0.0.1 only: open the authorization link in a browser on this machine; for a phone, make the page again once it is on a network.',
  },
  'listen.relay.then.noLan.wechat': {
    zh: '然后运行 wxauth listen --host {host} --port {port} --path {path} 等待。这台机器现在没有局域网地址，页面只转发到 127.0.0.1：在本机的电脑版微信里打开授权链接（发给自己，例如发到“文件传输助手”，再点开）；手机要用的话，连上网络后重新生成页面。',
    en: 'Then run wxauth listen --host {host} --port {port} --path {path} to wait. This machine has no LAN address now, so the page forwards to 127.0.0.1 only: open the authorization link in desktop WeChat on this machine (send it to yourself, to File Transfer say, and click it there); for a phone, make the page again once it is on a network.',
  },
  'listen.relay.page.title': { zh: '正在转发授权结果…', en: 'Forwarding the authorization result…' },
  'listen.relay.page.blocked': { zh: '转发目标不在白名单内，已停止。', en: 'The forwarding target is not on the allowlist; stopped.' },
  'listen.relay.page.noCode': { zh: '地址里没有 code 或 state。', en: 'The address carries no code or state.' },
  'listen.relay.page.expired': { zh: '这个中转页面已过期，不再转发。', en: 'This relay page has expired and forwards nothing.' },
  'listen.relayTtl.invalid': { zh: '--relay-ttl 必须是 1–{max} 的整数分钟数，收到 "{value}"。', en: '--relay-ttl must be a whole number of minutes from 1 to {max}, got "{value}".' },
  'listen.relayTtl.invalid.hint': { zh: '例如 --relay-ttl 30；不加时页面转发 {ttl} 分钟。', en: 'For example --relay-ttl 30; without it the page forwards for {ttl} minutes.' },
  'listen.relayTtl.alone': { zh: '--relay-ttl 只能和 --relay-snippet 一起用。', en: '--relay-ttl only goes with --relay-snippet.' },
  'listen.relayTtl.alone.hint': { zh: '例如 wxauth listen --relay-snippet --relay-ttl 30 > relay.html。', en: 'For example wxauth listen --relay-snippet --relay-ttl 30 > relay.html.' },
  'listen.relay.local': {
    zh: '不需要中转页面：回调域名 {domain} 就是这台机器，微信会把浏览器直接带到 {address}。',
    en: 'No relay page is needed: the callback domain {domain} is this machine, so WeChat sends the browser straight to {address}.',
  },
  'listen.relay.local.hint': { zh: '改为运行 {command}：它自己就在 {address} 上监听。', en: 'Run {command} instead: it listens at {address} itself.' },
  'listen.relay.local.noRedirect': {
    zh: '不需要中转页面：回调域名 {domain} 就是这台机器，微信会把浏览器直接带到它下面的地址。',
    en: 'No relay page is needed: the callback domain {domain} is this machine, so WeChat sends the browser straight to an address under it.',
  },
  'listen.relay.local.noRedirect.hint': {
    zh: '把它下面的一个地址设为 redirect_uri，例如 {address}（{set}），再运行 {command}：它自己就在那里监听。',
    en: 'Use an address there as the redirect_uri, e.g. {address} ({set}), then run {command}: it listens there itself.',
  },
  'listen.relay.needsDomain': { zh: '--relay-snippet 需要回调域名，但 profile 里没有 domain 或 redirect_uri。', en: '--relay-snippet needs the callback domain, but the profile has no domain or redirect_uri.' },
  'listen.relay.needsDomain.hint': { zh: '用 wxauth config set domain <你的域名> 设置，或 wxauth init。', en: 'Set it with wxauth config set domain <your domain>, or run wxauth init.' },

  // ── listen --paste ────────────────────────────────────────────────────────────────────────────────
  'listen.paste.stateUsed': {
    zh: '粘贴的回调带的 state "{state}" 已经用过（它的回调之前已被处理）：这是重新打开的旧标签页，或再次粘贴的地址，已拒收；它的 code 多半已经用掉。',
    en: 'The pasted callback carries "{state}", a state already used (its callback was taken before): an old tab reopened, or an address pasted again. Refused; its code is most likely spent.',
  },
  'listen.paste.prompt': {
    zh: '粘贴回调地址（浏览器：地址栏；微信里：右上角 ⋯ → 复制链接）：',
    en: 'Paste the callback URL (a browser: its address bar; in WeChat: ⋯ at the top right → 复制链接 Copy Link):',
  },
  'listen.paste.how': {
    zh: '粘贴后按回车。多行的内容会一起读取（例如复制时折行的地址）；在空行上按回车可提前结束。',
    en: 'Paste it and press Enter. A paste of several lines is read whole (an address that wrapped when copied, say); Enter on an empty line ends it early.',
  },
  'listen.paste.more': {
    zh: '已读到 {lines} 行：到目前为止只有 code，没有 state（地址可能在折行处断开了）。请粘贴剩下的部分，或在空行上按回车，按现有内容处理。',
    en: 'Read {lines} line(s): a code so far, but no state (an address cut where it wrapped?). Paste the rest, or press Enter on an empty line to take it as it is.',
  },
  'listen.paste.newAddress': {
    zh: '粘贴的内容里不止一个地址：前一个只有 code、没有 state（复制时在 & 处被截断了？），下一行本身是另一个地址的开头，不是它的后半截，所以没有拼在一起，后一个地址单独处理。被截断的那个地址里的 code 没有使用。',
    en: 'The paste holds more than one address: the first has a code but no state (cut at & when copied?), and the next line starts another address, which is not its rest, so the two were not joined and the later one was read on its own. The cut address’s code was not used.',
  },
  'listen.paste.empty': { zh: '请粘贴完整地址（含 ?code=…）。', en: 'Paste the whole address (with ?code=…).' },
  'listen.paste.noCode': { zh: '粘贴的地址里既没有 code 也没有 state。', en: 'The pasted address has neither a code nor a state.' },
  'listen.paste.codeEmpty': { zh: '粘贴的内容里 code= 后面是空的。', en: 'The pasted text has code= with nothing after it.' },
  'listen.paste.notCallback': {
    zh: '粘贴的内容不是回调地址（没有 code=…），也不像一个 code。',
    en: 'The pasted text is not a callback address (it has no code=…), nor does it look like a code.',
  },
  'listen.paste.noCode.hint': {
    zh: '复制同意授权后微信跳转到的完整地址（带 ?code=…&state=…）；wxauth inspect <地址> 可以看地址里有什么。',
    en: 'Copy the whole address WeChat redirected to after you agreed (with ?code=…&state=…); wxauth inspect <url> shows what an address contains.',
  },
  'listen.paste.stdin': { zh: '从标准输入读取回调地址…', en: 'Reading the callback URL from stdin…' },

  // ── login ─────────────────────────────────────────────────────────────────────────────────────────
  'listen.login.step.url': { zh: '① 授权链接', en: '① Authorization URL' },
  'listen.login.step.listen': { zh: '② 等待回调', en: '② Waiting for the callback' },
  'listen.login.step.exchange': { zh: '③ 用 code 换取 access_token', en: '③ Exchanging the code for an access_token' },
  'listen.login.step.check': { zh: '④ 校验 access_token（/sns/auth）', en: '④ Checking the access_token (/sns/auth)' },
  'listen.login.step.userinfo': { zh: '⑤ 拉取用户信息（/sns/userinfo）', en: '⑤ Fetching userinfo (/sns/userinfo)' },
  'listen.login.open.phone': {
    zh: '公众号授权只能在微信里完成：用手机微信扫上面的二维码，或把链接发到微信里打开。',
    en: 'The 公众号 flow only works inside WeChat: scan the QR code above with phone WeChat, or send the link to yourself in WeChat.',
  },
  'listen.login.open.phoneLink': {
    zh: '公众号授权只能在微信里完成：把上面的链接发到手机微信里打开（在终端里运行可以看到二维码）。',
    en: 'The 公众号 flow only works inside WeChat: send the link above to yourself in phone WeChat (run in a terminal to get a QR code).',
  },
  'listen.login.open.browser': { zh: '正在浏览器中打开授权页…', en: 'Opening the authorization page in your browser…' },
  'listen.login.open.manual': { zh: '在浏览器中打开上面的链接。', en: 'Open the link above in a browser.' },
  // {reason}: why no browser was opened, as url --open says it (url.open.reason.*: no opener, or the one there that could not be started, failed with its exit status or was killed).
  'listen.login.open.failed.json': { zh: '{reason}，请手动打开 authorize_url 事件里的 url。', en: '{reason}; open the url of the authorize_url event yourself.' },
  'listen.login.open.failed': { zh: '{reason}，请手动打开上面的链接。', en: '{reason}; open the link above yourself.' },
  'listen.login.redirect.listener': { zh: '链接里的 redirect_uri（微信把 code 送到这里）：{uri}', en: 'The link’s redirect_uri (where WeChat sends the code): {uri}' },
  'listen.login.redirect.notLocal': {
    zh: 'redirect_uri {uri} 不是本机或局域网地址，本地监听收不到它。',
    en: 'redirect_uri {uri} is not a local or LAN address; the local listener cannot receive it.',
  },
  'listen.login.redirect.notLocal.hint': {
    zh: '正式账号的回调必须在它的网页授权域名上，所以 login 在本机接不到：先 wxauth url{p}，授权后用 wxauth listen{p} --paste 粘贴回调地址，或用 wxauth listen{p} --relay-snippet（在你的域名上放一个页面把回调转到本机）。想在本机直接接回调，用测试号（它的授权域名可以填 127.0.0.1:8080）。',
    en: 'A real account’s callback must be on its web-authorization domain, so login cannot catch it here: run wxauth url{p}, then paste the callback address into wxauth listen{p} --paste, or use wxauth listen{p} --relay-snippet (a page on your domain forwards it here). To catch callbacks on this machine directly, use a test account (its domain may be 127.0.0.1:8080).',
  },
  'listen.login.redirect.notLocal.test.hint': {
    zh: '把 redirect_uri 设成本地地址（测试号可用 http://127.0.0.1:8080/callback：wxauth config set redirectUri …{p}，并把测试号的授权域名改成 127.0.0.1:8080），或用 wxauth url{p} + wxauth listen{p} --relay-snippet / --paste。',
    en: 'Set redirect_uri to a local address (a test account may use http://127.0.0.1:8080/callback: wxauth config set redirectUri …{p}, with the test account’s domain set to 127.0.0.1:8080), or use wxauth url{p} with wxauth listen{p} --relay-snippet / --paste.',
  },
  'listen.login.domain.notLocal': {
    zh: '没有设置 redirect_uri，而授权回调域名 {domain} 既不是本机也不在局域网：微信把回调送到那里，login 的本地监听收不到。',
    en: 'No redirect_uri is set, and the callback domain {domain} is neither this machine nor the LAN: WeChat sends the callback there, where login’s local listener never sees it.',
  },
  'listen.login.domain.port80': {
    zh: '授权回调域名 {domain} 不带端口，所以回调只能在 80 端口（{uri}）：回调域没写的端口，微信一律拒绝（10003 / “redirect_uri 参数错误”）。login 监听不了 80 端口：{reason}。',
    en: 'The callback domain {domain} has no port, so the callback must be on port 80 ({uri}): WeChat refuses a redirect_uri with a port its domain does not name (10003 / “redirect_uri 参数错误”). login cannot listen on port 80: {reason}.',
  },
  'listen.login.domain.port80.hint': {
    zh: '腾出 80 端口，或在能监听它的地方运行 login（Linux 上 1024 以下的端口要 root：sudo，或 sysctl net.ipv4.ip_unprivileged_port_start=80）。或者换用测试号，它的回调域可以带端口（如 127.0.0.1:8080；wxauth init --type test，或 wxauth emulator 打印的测试号那一行）。只对模拟器：wxauth emulator --domain "{appid}={host}:*"，再 wxauth login{p} --host {host} --port 0。',
    en: 'Free port 80, or run login where it may listen there (on Linux, ports below 1024 need root: sudo, or sysctl net.ipv4.ip_unprivileged_port_start=80). Or use a test account, whose callback domain may carry a port (e.g. 127.0.0.1:8080; wxauth init --type test, or the test account’s line printed by wxauth emulator). On the emulator only: wxauth emulator --domain "{appid}={host}:*", then wxauth login{p} --host {host} --port 0.',
  },
  'listen.login.domain.port80.website.hint': {
    zh: '腾出 80 端口，或在能监听它的地方运行 login（Linux 上 1024 以下的端口要 root：sudo，或 sysctl net.ipv4.ip_unprivileged_port_start=80）。网站应用没有测试号；在本机试扫码登录，用模拟器：wxauth emulator --domain "{appid}={host}:*"，再 wxauth login{p} --host {host} --port 0。',
    en: 'Free port 80, or run login where it may listen there (on Linux, ports below 1024 need root: sudo, or sysctl net.ipv4.ip_unprivileged_port_start=80). Website apps have no test accounts; to try the QR login on this machine, use the emulator: wxauth emulator --domain "{appid}={host}:*", then wxauth login{p} --host {host} --port 0.',
  },
  'listen.login.domain.port80.test.hint': {
    zh: '腾出 80 端口，或在能监听它的地方运行 login（Linux 上 1024 以下的端口要 root：sudo，或 sysctl net.ipv4.ip_unprivileged_port_start=80）。或者给测试号的回调域加上端口，如 {host}:8080：在测试号页面上改，并告诉 wxauth（wxauth config set domain {host}:8080{p}，或 WXAUTH_DOMAIN），login 就监听那个端口。',
    en: 'Free port 80, or run login where it may listen there (on Linux, ports below 1024 need root: sudo, or sysctl net.ipv4.ip_unprivileged_port_start=80). Or give the test account a domain with a port, e.g. {host}:8080, on its page and in wxauth (wxauth config set domain {host}:8080{p}, or WXAUTH_DOMAIN): login then listens on that port.',
  },
  'listen.login.redirect.https': {
    zh: 'redirect_uri {uri} 在本机，但用的是 https：本地监听只支持 http（没有证书），收不到这个回调。',
    en: 'redirect_uri {uri} is on this machine, but it is https: the local listener speaks only http (it has no certificate), so it cannot receive this callback.',
  },
  'listen.login.redirect.https.noPort': {
    zh: 'redirect_uri {uri} 在本机，但用的是 https 且没有端口：本地监听只支持 http（没有证书），而不带端口的 http 是 80 端口，普通用户监听不了。',
    en: 'redirect_uri {uri} is on this machine, but it is https without a port: the local listener speaks only http (it has no certificate), and http without a port means port 80, which an ordinary user cannot listen on.',
  },
  'listen.login.redirect.https.hint': {
    zh: '改用 http 地址：wxauth{p} config set redirectUri {http}，再运行 wxauth{p} login。',
    en: 'Use the http address: wxauth{p} config set redirectUri {http}, then run wxauth{p} login again.',
  },
  'listen.login.redirect.https.env.hint': {
    zh: '它来自环境变量 WXAUTH_REDIRECT_URI（优先于配置文件）：改用 http 地址，WXAUTH_REDIRECT_URI={http}。',
    en: 'It comes from the WXAUTH_REDIRECT_URI variable (which overrides the config file): use the http address, WXAUTH_REDIRECT_URI={http}.',
  },
  'listen.login.redirect.https.real.hint': {
    zh: '改用 http 地址：wxauth{p} config set redirectUri {http} --yes，再运行 wxauth{p} login。正式账号的回调不能带端口（微信显示 10003）：只有用 wxauth emulator --domain "{appid}={host}:*" 启动的模拟器接受它；公众号也可以换用测试号（wxauth init --type test）。',
    en: 'Use the http address: wxauth{p} config set redirectUri {http} --yes, then run wxauth{p} login again. A real account’s callback cannot have a port (WeChat shows 10003): only an emulator started with wxauth emulator --domain "{appid}={host}:*" accepts it; a 公众号 can also switch to a test account (wxauth init --type test).',
  },
  'listen.login.redirect.https.env.real.hint': {
    zh: '它来自环境变量 WXAUTH_REDIRECT_URI（优先于配置文件）：改用 http 地址，WXAUTH_REDIRECT_URI={http}。正式账号的回调不能带端口（微信显示 10003）：只有用 wxauth emulator --domain "{appid}={host}:*" 启动的模拟器接受它；公众号也可以换用测试号（wxauth init --type test）。',
    en: 'It comes from the WXAUTH_REDIRECT_URI variable (which overrides the config file): use the http address, WXAUTH_REDIRECT_URI={http}. A real account’s callback cannot have a port (WeChat shows 10003): only an emulator started with wxauth emulator --domain "{appid}={host}:*" accepts it; a 公众号 can also switch to a test account (wxauth init --type test).',
  },
  'listen.login.scope.invalid': { zh: '--scope 不支持 "{value}"。', en: '--scope does not accept "{value}".' },
  'listen.login.scope.invalid.hint': { zh: '可选 snsapi_base、snsapi_userinfo（公众号）或 snsapi_login（网站应用）。', en: 'Use snsapi_base or snsapi_userinfo (公众号), or snsapi_login (website app).' },
  'listen.login.scope.invalid.suggest': {
    zh: '是不是 --scope {suggestion}？可选 snsapi_base、snsapi_userinfo（公众号）或 snsapi_login（网站应用）。',
    en: 'Did you mean --scope {suggestion}? Use snsapi_base or snsapi_userinfo (公众号), or snsapi_login (website app).',
  },
  'listen.login.endpoint.conflict': { zh: '--authorize 和 --qrconnect 只能选一个。', en: '--authorize and --qrconnect are mutually exclusive.' },
  'listen.login.endpoint.conflict.hint': { zh: '公众号用 --authorize，网站应用用 --qrconnect；都不写时按账号类型选择。', en: 'Use --authorize for a 公众号, --qrconnect for a website app; without either, the account type decides.' },
  'listen.login.summary': { zh: '登录完成', en: 'Login complete' },
  'listen.login.cached': { zh: 'token 已缓存到 profile "{profile}"（wxauth tokens{p} 查看）。', en: 'Tokens cached in profile "{profile}" (see wxauth tokens{p}).' },
  'listen.login.userinfo.skipped': { zh: 'scope 是 {scope}，不拉取用户信息（需要 snsapi_userinfo 或 snsapi_login）。', en: 'Scope is {scope}: no userinfo (that needs snsapi_userinfo or snsapi_login).' },
  'listen.login.userinfo.skippedUnexpected': {
    zh: '返回的 scope「{scope}」不全是 snsapi_base、snsapi_userinfo、snsapi_login（这个服务器可能不是微信）：无法判断这个 token 能否调用 userinfo，所以没有拉取用户信息。wxauth userinfo{p} 会直接给出答案。',
    en: "The scope answered, '{scope}', is not made of snsapi_base, snsapi_userinfo, snsapi_login (this server may not be WeChat): whether the token may call userinfo cannot be told, so no userinfo was fetched. wxauth userinfo{p} tells for sure.",
  },
  'listen.login.check.ok': { zh: 'access_token 有效', en: 'access_token is valid' },
  'listen.login.field.openid': { zh: 'openid', en: 'openid' },
  'listen.login.field.unionid': { zh: 'unionid', en: 'unionid' },
  'listen.login.field.scope': { zh: 'scope', en: 'scope' },
  'listen.login.field.nickname': { zh: '昵称', en: 'nickname' },
  'listen.login.field.accessExpires': { zh: 'access_token 过期', en: 'access_token expires' },
  'listen.login.field.refreshExpires': { zh: 'refresh_token 过期', en: 'refresh_token expires' },
  'listen.login.field.snapshot': { zh: '快照页用户', en: 'snapshot user' },
  'listen.login.unionid.none': { zh: '（无：未绑定开放平台）', en: '(none: not bound to an Open Platform account)' },
  'listen.login.unionid.none.base_scope': { zh: '（无：snsapi_base 授权不返回 unionid）', en: '(none: snsapi_base grants never carry one)' },
  'listen.login.unionid.none.unexpected_scope': { zh: '（无：scope 不是微信会授予的）', en: '(none: the scope is not one WeChat grants)' },
  'listen.login.unionid.none.snapshot': { zh: '（无：快照页的虚拟用户）', en: '(none: a snapshot-page virtual user)' },

  // ── demo ──────────────────────────────────────────────────────────────────────────────────────────
  'listen.demo.intro': {
    zh: 'wxauth demo：在内置的微信模拟器上走一遍完整的网页授权流程。不需要任何真实凭据，不访问微信，只在临时目录里写文件。',
    en: 'wxauth demo: the whole web-authorization flow against the built-in WeChat emulator. No real credentials, no traffic to WeChat, nothing written outside a temp dir.',
  },
  'listen.demo.setup': { zh: '模拟器 {emulator}  ·  测试号 {appid}  ·  回调 {redirect}', en: 'Emulator {emulator}  ·  test account {appid}  ·  callback {redirect}' },
  'listen.demo.step.url': { zh: '① 生成授权链接（scope=snsapi_userinfo，state 随机）', en: '① Build the authorization URL (scope=snsapi_userinfo, random state)' },
  'listen.demo.step.consent': { zh: '② 像浏览器一样打开授权页，点“允许”', en: '② Open the consent page like a browser and press “allow”' },
  'listen.demo.step.callback': { zh: '③ 本地监听接住回调里的 code，并校验 state', en: '③ The local listener catches the code in the callback and checks state' },
  'listen.demo.step.exchange': { zh: '④ 用 code 换取 access_token（/sns/oauth2/access_token）', en: '④ Exchange the code for an access_token (/sns/oauth2/access_token)' },
  'listen.demo.step.check': { zh: '⑤ 校验 access_token（/sns/auth）', en: '⑤ Check the access_token (/sns/auth)' },
  'listen.demo.step.userinfo': { zh: '⑥ 拉取用户信息（/sns/userinfo）', en: '⑥ Fetch userinfo (/sns/userinfo)' },
  'listen.demo.step.refresh': { zh: '⑦ 刷新 access_token（/sns/oauth2/refresh_token）', en: '⑦ Refresh the access_token (/sns/oauth2/refresh_token)' },
  'listen.demo.step.reuse': { zh: '⑧ 故意把同一个 code 再换一次', en: '⑧ Exchange the same code again, on purpose' },
  'listen.demo.redirect': { zh: '← 302 跳转到 {location}', en: '← 302 redirect to {location}' },
  'listen.demo.consent.page': { zh: '← 200 授权页：“{app}”请求获取你的昵称、头像', en: '← 200 consent page: “{app}” asks for your nickname and avatar' },
  'listen.demo.consent.allow': { zh: '点击“允许”：{method} {url}', en: 'Press “allow”: {method} {url}' },
  'listen.demo.callback.ok': { zh: '收到 code {code}，state 与发出的一致', en: 'Got code {code}; state matches the one sent' },
  'listen.demo.exchange.ok': { zh: 'openid {openid}，access_token 有效期 {expires} 秒，scope {scope}', en: 'openid {openid}, access_token valid for {expires} s, scope {scope}' },
  'listen.demo.check.ok': { zh: 'access_token 有效', en: 'access_token is valid' },
  'listen.demo.userinfo.ok': { zh: '昵称 {nickname}，unionid {unionid}', en: 'nickname {nickname}, unionid {unionid}' },
  'listen.demo.refresh.extended': {
    zh: 'access_token 未过期，所以值不变、有效期续为 {expires} 秒（开放平台文档描述的续期，公众号文档没有说）；refresh_token 不变',
    en: 'The access_token had not expired, so it keeps its value and its life is renewed to {expires} s (the renewal the Open Platform docs describe; the Official Account docs do not say); the refresh_token stays the same',
  },
  'listen.demo.refresh.rotated': { zh: '新的 access_token（有效期 {expires} 秒）；refresh_token 不变', en: 'A new access_token (valid {expires} s); the refresh_token stays the same' },
  'listen.demo.refresh.unknown': { zh: '已刷新，access_token 有效期 {expires} 秒', en: 'Refreshed; the access_token is valid for {expires} s' },
  'listen.demo.reuse.known': {
    zh: 'wxauth 认出了这个 code：它在第 ④ 步自己换过（wxauth 会在 token 缓存里为每个换到 token 的 code 记一份摘要，不保存 code 原文）；你自己运行命令遇到这种情况时，它也会这样提示。真实登录中遇到 40163 时：',
    en: 'wxauth recognises this code: it exchanged it itself in step ④ (the token cache keeps a digest of each code whose tokens it saved, never the code), and says so when your own commands meet it. When a real login meets 40163:',
  },
  'listen.demo.reuse.expected': {
    zh: '模拟器和真实微信一样返回 40163：code 只能用一次。',
    en: 'The emulator answers 40163, as real WeChat does: a code can be used only once.',
  },
  'listen.demo.done': {
    zh: '演示完成，用时 {seconds} 秒。接下来：wxauth init 配置你自己的公众号或网站应用，再运行它建议的命令：redirect_uri 在本机或局域网时用 wxauth login；回调地址在公网时，用 wxauth url 配合 wxauth listen --paste。',
    en: 'Demo complete in {seconds} s. Next: wxauth init with your own account, then the command it suggests: wxauth login for a local or LAN redirect_uri, wxauth url with wxauth listen --paste for a public one.',
  },
  'listen.demo.failed': { zh: '演示在第 {step} 步失败：{detail}', en: 'The demo failed at step {step}: {detail}' },
  'listen.demo.failed.hint': {
    zh: '这是 wxauth 自己的问题（模拟器和监听都在本机）：请带上 -v 的输出报告 issue。',
    en: 'This is a wxauth problem (emulator and listener are both local): please report it with the -v output.',
  },
  'listen.demo.secretsNote': { zh: '密钥已隐去（--show-secrets 显示）。', en: 'Secrets are redacted (--show-secrets shows them).' },
  // Ctrl-C during the wait for the callback (flows/callback.ts stoppedHint): what it left, in one line.
  'listen.stopped.login': {
    zh: '已停止等待回调：没有收到 code，也没有换取任何 token。上面的链接仍然有效（wxauth 记着它的 state）：用它得到的回调地址可以粘贴给 wxauth exchange{p} \'<回调地址>\'；或者运行 wxauth login{p} 重新开始。',
    en: "Stopped waiting for the callback: no code came and nothing was exchanged. The link above stays valid (wxauth remembers its state): its callback address can still be pasted to wxauth exchange{p} '<callback URL>', or run wxauth login{p} to start over.",
  },
  'listen.stopped.listen': {
    zh: '已停止等待回调：没有收到 code，也没有换取任何 token，记下的 state 保持不变。先再运行 wxauth listen{p}，再打开链接；或者把回调地址粘贴给 wxauth listen{p} --paste。',
    en: 'Stopped waiting for the callback: no code came, nothing was exchanged, and the remembered state is as it was. Run wxauth listen{p} again before opening the link, or paste its callback address to wxauth listen{p} --paste.',
  },
  'listen.stopped.codeArrived': {
    zh: '在换取之前停止了：收到的 code 没有发给微信，签发后 {minutes} 分钟内仍然有效。把浏览器跳转到的回调地址粘贴给 wxauth exchange{p} \'<回调地址>\'。',
    en: "Stopped before the code that arrived was exchanged: it was not sent to WeChat and works for {minutes} minutes after it was issued. Paste the address the browser landed on to wxauth exchange{p} '<callback URL>'.",
  },
  'listen.stopped.exchanged': {
    zh: '停止时 code 已经换取完成：wxauth tokens{p} 可以查看保存下来的 token。',
    en: 'Stopped after the code was exchanged: wxauth tokens{p} shows the tokens saved.',
  },
  'listen.demo.stopped': {
    zh: 'demo 已停止：没有动你的任何配置或 token（它自带的模拟器、监听和临时 token 缓存都已清理）。',
    en: 'demo stopped: nothing of yours was changed (its own emulator, listener and temporary token cache are gone).',
  },
} as const satisfies MessageSection;

import type { MessageSection } from './types.js';

// Messages of `wxauth probe` (issue 14): its help, its report card, its HTML page and its errors.
export const messages = {
  // ── help ──────────────────────────────────────────────────────────────────────────────────────
  'cli.probe.desc': {
    zh: '用本地模拟器扮演微信，测试你自己的服务器的微信登录：重复回调、伪造 state、拒绝授权、code 过期、微信繁忙或很慢（超时后重试同一个 code）、基础 token 被顶掉、泄露密钥、两人同时登录串号、没有 unionid 时多人并成一个账号……',
    en: 'Test your own server’s WeChat login against the emulator: duplicate callbacks, forged state, refused consent, expired codes, WeChat busy or slow (a timed-out exchange retried with the same code), a basic token knocked out, leaked secrets, two users seeing one account, users without a unionid merged into one…',
  },
  'cli.probe.opt.emulator': {
    zh: '模拟器地址，probe 通过它的控制接口拨时钟、注入故障、读请求日志（默认依次取 --api-base、WXAUTH_API_BASE、当前配置的 apiBase 中第一个给出的；它是微信的域名或都没有给出时，用 http://127.0.0.1:3900）',
    en: 'the emulator whose control API probe uses for the clock, faults and the request log (default: the first of --api-base, WXAUTH_API_BASE and the profile’s apiBase; when that is WeChat’s host or none is given, http://127.0.0.1:3900)',
  },
  'cli.probe.opt.only': { zh: '只运行这些检查（逗号分隔的 id）', en: 'run only these checks (comma-separated ids)' },
  'cli.probe.opt.skip': { zh: '跳过这些检查（逗号分隔的 id）', en: 'skip these checks (comma-separated ids)' },
  'cli.probe.opt.returnParam': {
    zh: '登录入口接收“登录后跳回”地址的参数名（redirect.open 检查用；默认在入口 URL 里找 redirect、returnTo、next、back 等）',
    en: 'the login start’s return-to parameter (for redirect.open; default: a common name such as redirect, returnTo, next or back found in the start URL)',
  },
  'cli.probe.opt.reloadDelay': { zh: '登录完成多少毫秒后刷新回调页（callback.reload，默认 2000）', en: 'how many ms after the login the callback page is reloaded (callback.reload, default 2000)' },
  'cli.probe.opt.exchangeDelay': {
    zh: '微信晚多少毫秒才响应换取 code 的请求（wechat.slow，默认 6000，比常见 SDK 的 5 秒超时长）',
    en: 'how many ms late WeChat answers the code exchange (wechat.slow, default 6000: longer than the common 5 s SDK timeout)',
  },
  'cli.probe.opt.cookie': {
    zh: '每个会话一开始就带给应用的 cookie（可重复；也可写成 "a=1; b=2"）：登录前要先有站点自己的会话时用',
    en: 'a cookie each session sends the app from the start (repeatable; "a=1; b=2" too): for a login behind a session of the site’s own',
  },
  'cli.probe.opt.strict': { zh: '警告也算失败（退出码 1），用于 CI', en: 'count warnings as failures (exit 1), for CI' },
  'probe.bad_cookie': { zh: '--cookie "{value}" 不是 名字=值 的形式。', en: '--cookie "{value}" is not of the form name=value.' },
  'probe.bad_cookie.hint': {
    zh: '例如 --cookie sid=abc123，或从浏览器开发者工具复制整条 Cookie：--cookie "sid=abc123; uid=42"。',
    en: 'E.g. --cookie sid=abc123, or the whole Cookie header from the browser’s developer tools: --cookie "sid=abc123; uid=42".',
  },
  'cli.probe.opt.yes': { zh: '--html 的文件已存在时直接替换，不再询问', en: 'replace an existing --html file without asking' },
  'cli.probe.opt.html': { zh: '另写一份自包含的 HTML 报告，每个场景一张时序图', en: 'also write a self-contained HTML report with a sequence diagram per scenario' },
  'cli.probe.examples': {
    zh: 'wxauth probe "http://127.0.0.1:3000/auth/wechat?next=/me"   # 先在另一个终端运行 wxauth emulator\nwxauth probe http://127.0.0.1:3000/auth/wechat --json\nwxauth probe http://127.0.0.1:3000/login --only state.forged,callback.duplicate --html probe.html\nwxauth probe http://127.0.0.1:3000/account/bind-wechat --cookie "sid=…" --strict   # 要先登录站点；警告也算失败\nwxauth probe http://127.0.0.1:3000/login --emulator http://127.0.0.1:3905   # 模拟器不在默认的 3900 端口（wxauth emulator --port 3905）\nwxauth probe "http://127.0.0.1:3000/login?back=/me" --return-param back --skip code.expired,wechat.busy,wechat.slow --reload-delay 0   # 更快：不拨时钟、不注入故障、不等 6 秒的慢微信和刷新\nwxauth probe http://127.0.0.1:3000/auth/wechat --show-secrets   # 报告里的地址（code、落地地址里的 ticket）显示明文',
    en: 'wxauth probe "http://127.0.0.1:3000/auth/wechat?next=/me"   # run wxauth emulator in another terminal first\nwxauth probe http://127.0.0.1:3000/auth/wechat --json\nwxauth probe http://127.0.0.1:3000/login --only state.forged,callback.duplicate --html probe.html\nwxauth probe http://127.0.0.1:3000/account/bind-wechat --cookie "sid=…" --strict   # behind the site’s own login; warnings fail\nwxauth probe http://127.0.0.1:3000/login --emulator http://127.0.0.1:3905   # an emulator not on the default port 3900 (wxauth emulator --port 3905)\nwxauth probe "http://127.0.0.1:3000/login?back=/me" --return-param back --skip code.expired,wechat.busy,wechat.slow --reload-delay 0   # quicker: no moved clock, no faults, no 6 s slow WeChat or reload wait\nwxauth probe http://127.0.0.1:3000/auth/wechat --show-secrets   # addresses in the report as they were (a code, a ticket in the landing address)',
  },

  // ── usage and connection errors ───────────────────────────────────────────────────────────────
  'probe.missing_url': { zh: '缺少登录入口地址。', en: 'The login start URL is missing.' },
  'probe.missing_url.hint': {
    zh: '给出浏览器开始微信登录时打开的地址，例如：wxauth probe http://localhost:3000/auth/wechat',
    en: 'Give the URL a browser opens to start your WeChat login, e.g. wxauth probe http://localhost:3000/auth/wechat',
  },
  'probe.bad_url': { zh: '“{url}”不是 http(s) 地址。', en: '“{url}” is not an http(s) URL.' },
  'probe.bad_emulator': { zh: '模拟器地址“{url}”不是 http(s) 地址。', en: 'The emulator URL “{url}” is not an http(s) URL.' },
  'probe.bad_check': { zh: '没有叫“{id}”的检查。', en: 'There is no check called “{id}”.' },
  'probe.bad_check.hint': { zh: '可用的检查：{ids}', en: 'The checks are: {ids}' },
  'probe.only_empty': { zh: '--only 没有写任何检查。', en: '--only names no check.' },
  'probe.skip_empty': { zh: '--skip 没有写任何检查。', en: '--skip names no check.' },
  'probe.skip_empty.hint': {
    zh: '写出要跳过的检查（用逗号分隔）；想全部都测，就去掉 --skip。',
    en: 'Name the checks to skip, separated by commas, or leave out --skip to run them all.',
  },
  'probe.nothing_selected': {
    zh: '--only {only} 去掉 --skip {skip} 之后，一项检查也不剩，probe 什么都不会测。',
    en: '--only {only} with --skip {skip} leaves no check to run: probe would test nothing.',
  },
  'probe.nothing_selected.skip_all': { zh: '--skip 跳过了全部检查，probe 什么都不会测。', en: '--skip names every check: probe would test nothing.' },
  'probe.nothing_selected.skip_all.hint': { zh: '少跳过几项，或者用 --only 写出要测的检查。', en: 'Skip fewer checks, or name the ones to run with --only.' },
  'probe.nothing_selected.hint': {
    zh: '--skip 里不要写 --only 要测的检查；只想测某几项时单用 --only 就够了。',
    en: 'Leave the checks --only names out of --skip; to run just a few checks, --only alone is enough.',
  },
  'probe.bad_check.meant': { zh: '是不是 {id}？', en: 'Did you mean {id}?' },
  'probe.bad_delay': { zh: '--reload-delay 需要 0 到 60000 之间的毫秒数。', en: '--reload-delay takes a number of milliseconds from 0 to 60000.' },
  'probe.bad_delay.hint': {
    zh: '写整数毫秒，不带单位，例如 --reload-delay {example}（默认 2000；0 表示登录后马上重新加载）。',
    en: 'Give whole milliseconds without a unit, e.g. --reload-delay {example} (the default is 2000; 0 reloads right after the login).',
  },
  // A plain number out of range or not whole (or no number at all): no unit to take off.
  'probe.bad_delay.range_hint': {
    zh: '写这个范围内的整数，例如 --reload-delay {example}（默认 2000；0 表示登录后马上重新加载）。',
    en: 'Give a whole number in that range, e.g. --reload-delay {example} (the default is 2000; 0 reloads right after the login).',
  },
  'probe.bad_exchange_delay': { zh: '--exchange-delay 需要 100 到 60000 之间的毫秒数。', en: '--exchange-delay takes a number of milliseconds from 100 to 60000.' },
  'probe.bad_exchange_delay.hint': {
    zh: '写整数毫秒，不带单位，例如 --exchange-delay {example}（默认 {default}；比你的 HTTP 客户端的超时长才测得出超时后的重试）。',
    en: 'Give whole milliseconds without a unit, e.g. --exchange-delay {example} (the default is {default}; above your HTTP client’s timeout it shows what a timeout and a retry do).',
  },
  'probe.bad_exchange_delay.range_hint': {
    zh: '写这个范围内的整数，例如 --exchange-delay {example}（默认 {default}；比你的 HTTP 客户端的超时长才测得出超时后的重试）。',
    en: 'Give a whole number in that range, e.g. --exchange-delay {example} (the default is {default}; above your HTTP client’s timeout it shows what a timeout and a retry do).',
  },
  'probe.emulator_down': { zh: '连不上模拟器 {url}。', en: 'Cannot reach the emulator at {url}.' },
  'probe.emulator_down.hint': {
    zh: '先在另一个终端运行 wxauth emulator（默认监听 http://127.0.0.1:3900），或用 --emulator 指定它的地址。',
    en: 'Start it in another terminal with `wxauth emulator` (it listens on http://127.0.0.1:3900), or name its address with --emulator.',
  },
  'probe.emulator_down.running': {
    zh: '有一个模拟器在 {running} 上运行：用 --emulator {running}。',
    en: 'An emulator is running at {running}: use --emulator {running}.',
  },
  // The control API answered (a status came) and its body then did not end: not an emulator that is down.
  'probe.emulator_stalled': {
    zh: '模拟器 {url}（{host}）应答了 /__emulator{path}（HTTP {status}），但 {ms} 毫秒内没有传完应答。',
    en: 'The emulator at {url} ({host}) answered /__emulator{path} (HTTP {status}), but its answer had not finished after {ms} ms.',
  },
  'probe.emulator_stalled.hint': {
    zh: '{host} 上有服务应答之后就卡住了：确认 --emulator 指向的是 wxauth 模拟器本身（不是中间的代理或别的服务器），然后重启模拟器再运行 probe。',
    en: 'Something at {host} begins to answer and then hangs: check that --emulator names the wxauth emulator itself (not a proxy or another server in between), then restart the emulator and run probe again.',
  },
  // The control API took the connection and sent nothing back in time: busy or stuck, or another program there, not down.
  'probe.emulator_no_answer': {
    zh: '模拟器 {url}（{host}）接受了连接，但 {ms} 毫秒内没有应答 /__emulator{path}。',
    en: 'The emulator at {url} ({host}) took the connection but did not answer /__emulator{path} within {ms} ms.',
  },
  'probe.emulator_no_answer.hint': {
    zh: '它并没有停止运行：{host} 上有程序在监听，只是不应答。如果它是模拟器，可能正忙或卡住了：稍等一会儿再运行 probe，不行就重启模拟器（在它的终端按 Ctrl-C，再运行 wxauth emulator）。如果这个端口被别的程序占着（比如停在断点上的调试进程），用 --emulator 指定模拟器自己的地址。',
    en: 'It is not down: something listens at {host} and does not answer. If it is the emulator, it may be busy or stuck: wait a moment and run probe again, else restart it (Ctrl-C in its terminal, then wxauth emulator). If another program holds that port (a process paused in a debugger, say), name the emulator’s own address with --emulator.',
  },
  'probe.emulator_not_control': {
    zh: '{url} 有应答，但它不是 wxauth 模拟器（是你的应用吗？）：/__emulator{path} 得到 HTTP {status}，不是模拟器控制接口的应答。',
    en: '{url} answers, but it is not a wxauth emulator (is it your app?): /__emulator{path} got HTTP {status}, not the emulator’s control API.',
  },
  'probe.emulator_not_control.hint': {
    zh: '--emulator 请给 wxauth emulator 启动时打印的地址（默认 http://127.0.0.1:3900）；没有在运行的模拟器就先在另一个终端启动一个。比这个 wxauth 旧的模拟器没有 probe 要用的控制接口：请更新它。',
    en: 'Give --emulator the address `wxauth emulator` printed when it started (http://127.0.0.1:3900 by default); if none runs, start one in another terminal. An emulator older than this wxauth lacks the control API probe uses: update it.',
  },
  'probe.emulator_is_proxy': {
    zh: '{url} 是 wxauth proxy，不是模拟器：代理按设计拒绝模拟器的控制接口（/__emulator/）。',
    en: '{url} is a wxauth proxy, not the emulator: the proxy refuses the emulator’s control API (/__emulator/) by design.',
  },
  'probe.emulator_is_proxy.hint': {
    zh: '--emulator 请指向代理后面的模拟器：--emulator {upstream}。你的应用可以继续指向代理，probe 会经过它打开微信的页面。',
    en: 'Keep --emulator on the emulator behind it: --emulator {upstream}. Your app may stay aimed at the proxy; probe goes through it to WeChat’s pages.',
  },
  'probe.emulator_is_proxy.hint_unknown': {
    zh: '--emulator 请指向代理转发到的模拟器（代理的 --upstream），而不是代理本身。',
    en: 'Keep --emulator on the emulator the proxy forwards to (its --upstream), not on the proxy itself.',
  },
  'probe.target_is_emulator': {
    zh: '{url} 是模拟器（{emulator}），不是你的应用：probe 打开你的应用的微信登录入口，由模拟器扮演微信。',
    en: '{url} is the emulator ({emulator}), not your app: probe opens your app’s WeChat login start and lets the emulator play WeChat.',
  },
  'probe.emulator_credentials': { zh: '模拟器地址 {url} 里带了用户名和密码，模拟器不需要登录。', en: 'The emulator URL {url} carries a user name and password; the emulator takes none.' },
  'probe.emulator_credentials.hint': { zh: '去掉 user:password@，例如 --emulator {url}。', en: 'Leave out the user:password@, e.g. --emulator {url}.' },
  'probe.target_is_wechat.open': {
    zh: '这是微信自己的授权链接（{host}），不是你的应用的登录入口：probe 要从你的应用开始登录，微信这一方由模拟器扮演。',
    en: 'This is WeChat’s own authorize link ({host}), not your app’s login start: probe starts the login on your app and lets the emulator play WeChat.',
  },
  'probe.target_is_wechat.api': {
    zh: '这是微信的接口地址（{host}），不是你的应用的登录入口：probe 要从你的应用开始登录，微信这一方由模拟器扮演。',
    en: 'This is WeChat’s API ({host}), not your app’s login start: probe starts the login on your app and lets the emulator play WeChat.',
  },
  'probe.target_is_wechat.hint': {
    zh: '给出你的应用里开始微信登录、再跳转到微信授权页的那个地址（“微信登录”按钮指向的地址），例如 wxauth probe http://localhost:3000/auth/wechat。',
    en: 'Give the URL on your app that starts the WeChat login and redirects to WeChat’s authorize page (where its “Sign in with WeChat” button points), e.g. wxauth probe http://localhost:3000/auth/wechat.',
  },
  'probe.target_is_emulator.hint': {
    zh: '给出你的应用开始微信登录的地址，例如 wxauth probe http://localhost:3000/auth/wechat（模拟器的地址放在 --emulator）。',
    en: 'Give the URL that starts your app’s WeChat login, e.g. wxauth probe http://localhost:3000/auth/wechat (the emulator’s address goes in --emulator).',
  },
  'probe.html_file.exists': { zh: '{file} 已经存在；--html 会用这次的报告替换它。', en: '{file} already exists; --html replaces it with this run’s report.' },
  'probe.html_file.replace': { zh: '替换 {file}？', en: 'Replace {file}?' },
  'probe.html_file.elsewhere': {
    zh: '{file} 是检查开始之后才出现或被改过的文件，没有替换它；HTML 报告写到了 {written}。要替换它，请加 --yes。',
    en: '{file} appeared or changed after the checks began, so it was not replaced; the HTML report was written to {written} instead. Pass --yes to replace it.',
  },
  'probe.html_file.failed': { zh: 'HTML 报告没能写入 {file}：{detail}；上面是同样的检查结果。', en: 'The HTML report could not be written to {file}: {detail}; the checks are above.' },
  'probe.app_down': { zh: '连不上你的应用 {url}。', en: 'Cannot reach your app at {url}.' },
  'probe.app_tls.plain': { zh: '{url} 的 TLS 握手失败（{code}）：那个端口上是普通 HTTP，不是 HTTPS。', en: 'The TLS handshake with {url} failed ({code}): that port speaks plain HTTP, not HTTPS.' },
  'probe.app_tls.plain.hint': { zh: '改用 http:// 地址：{url}', en: 'Use the http:// address instead: {url}' },
  'probe.app_tls.cert': { zh: '{url} 的 TLS 握手失败（{code}）：probe 像浏览器一样校验证书，不信任这张证书（自签名、名字不符或已过期）。', en: 'The TLS handshake with {url} failed ({code}): probe checks the certificate as a browser does, and does not trust this one (self-signed, another name, or expired).' },
  'probe.app_tls.cert.hint': {
    zh: '本地开发服务器请用 http:// 地址（{url}），或把签发它的 CA 交给 Node：NODE_EXTRA_CA_CERTS=ca.pem wxauth probe …',
    en: 'For a local dev server use its http:// address ({url}), or give Node the CA that issued the certificate: NODE_EXTRA_CA_CERTS=ca.pem wxauth probe …',
  },
  'probe.undo_failed': { zh: '没能把模拟器 {url} 的时钟、故障设置、当前用户、关注和开放平台绑定恢复原样。', en: 'Could not put the clock, faults, current user, follows and 开放平台 bindings of the emulator at {url} back as they were.' },
  'probe.undo_failed.hint': {
    zh: '在模拟器页面（{url}/）上查看并恢复，或者 POST {url}/__emulator/reset 清空它的状态。',
    en: 'Check and put them back on the emulator’s page ({url}/), or POST {url}/__emulator/reset to clear its state.',
  },
  'probe.cancelled': { zh: 'probe 已停止；模拟器的时钟、故障设置、当前用户、关注和开放平台绑定已恢复原样。', en: 'probe stopped; the emulator’s clock, faults, current user, follows and 开放平台 bindings are as they were.' },
  'probe.app_closed': { zh: '{url} 上有程序在监听，但它没有响应就断开了连接。', en: 'Something listens at {url}, but it closed the connection without an answer.' },
  'probe.app_not_http': { zh: '{url} 上有程序应答，但应答不是浏览器能读的 HTTP（{code}）。', en: 'Something answers at {url}, but not in HTTP a browser can read ({code}).' },
  'probe.app_headers_big': { zh: '{url} 的应答头超过 {kb} KB，比 probe（Node）能读的多（{code}）。', en: 'The answer from {url} has headers over {kb} KB, more than probe (Node) reads ({code}).' },
  'probe.app_headers_big.hint': {
    zh: '浏览器能接受到 256 KB，但这么大的头多半是个 bug（比如每次访问都变长的 cookie）；仍要测，就用 NODE_OPTIONS=--max-http-header-size=262144 运行 probe。',
    en: 'Browsers take up to 256 KB, but headers this large are most often a bug (a cookie that grows on every visit, say); to probe anyway, run probe with NODE_OPTIONS=--max-http-header-size=262144.',
  },
  'probe.app_closed.hint.https': { zh: '那个端口上是 HTTPS 服务（它完成了 TLS 握手）：改用 {url}。', en: 'That port serves HTTPS (it completed a TLS handshake): use {url}.' },
  'probe.app_closed.hint': { zh: '确认这个端口上就是你的应用（不是别的服务），并看看它的日志。', en: 'Check that this port is your app (not another service), and look at its log.' },
  'probe.app_down.hint': {
    zh: '确认应用已经启动、端口正确，并且它调用的是模拟器而不是 api.weixin.qq.com（见 README 的 probe 一节）。',
    en: 'Check that the app is running on that port and calls the emulator instead of api.weixin.qq.com (see the probe section of the README).',
  },

  // ── progress (stderr) ─────────────────────────────────────────────────────────────────────────
  'probe.unmasked': {
    zh: '已加 --show-secrets：报告里的地址（回调的 code、落地地址里的 ticket 等）都是明文，注意别外传；页面摘录仍然隐藏。',
    en: '--show-secrets: the report shows addresses in clear (a callback’s code, a ticket in the landing address); do not share it. Page excerpts stay masked.',
  },
  'probe.target.deployed': {
    zh: '{host} 看起来是已上线的站点（不是本机、局域网或本地测试域名）：probe 会向它发送伪造的、重复的回调。请对本地或预发布环境里指向模拟器的副本运行。',
    en: '{host} looks like a deployed site (not this machine, the LAN or a local test name): probe sends it forged and repeated callbacks. Run it against a local or staging copy aimed at the emulator.',
  },
  'probe.progress.start': { zh: '正在测试 {target}（模拟器 {emulator}）', en: 'Probing {target} (emulator {emulator})' },
  'probe.progress.scenario': { zh: '· {title}', en: '· {title}' },
  'probe.scenario.happy': { zh: '正常登录', en: 'happy path' },
  'probe.scenario.reload': { zh: '刷新回调页', en: 'reload of the callback' },
  'probe.scenario.duplicate': { zh: '微信重复回调', en: 'WeChat’s duplicate callback' },
  'probe.scenario.state_forged': { zh: '伪造的 state', en: 'forged state' },
  'probe.scenario.state_other': { zh: '另一个浏览器的 state', en: 'another browser’s state' },
  'probe.scenario.state_missing': { zh: '没有 state', en: 'missing state' },
  'probe.scenario.denied': { zh: '用户拒绝授权', en: 'consent refused' },
  'probe.scenario.expired': { zh: 'code 已过期', en: 'expired code' },
  'probe.scenario.busy_errcode': { zh: '微信繁忙（errcode -1）', en: 'WeChat busy (errcode -1)' },
  'probe.scenario.busy_http500': { zh: '微信 HTTP 500', en: 'WeChat HTTP 500' },
  'probe.scenario.slow_exchange': { zh: '微信迟迟不响应换取 code', en: 'WeChat slow to answer the exchange' },
  'probe.scenario.token_rejected': { zh: '基础 token 被顶掉（40001）', en: 'basic token knocked out (40001)' },
  'probe.scenario.open_redirect': { zh: '外站跳回地址', en: 'foreign return-to URL' },
  'probe.scenario.second_user': { zh: '另一个用户同时登录', en: 'a second user logs in' },
  'probe.scenario.no_unionid': { zh: '没有 unionid 的登录', en: 'a login without unionid' },
  'probe.scenario.no_unionid_second': { zh: '另一个用户也没有 unionid', en: 'a second user without unionid' },
  'probe.scenario.session_replay': { zh: '只带登录前 cookie 的新浏览器', en: 'a fresh browser with the pre-login cookies' },
  'probe.scenario.session_bare': { zh: '不带任何 cookie 的新浏览器', en: 'a fresh browser with no cookies' },
  'probe.note.rewrote': {
    zh: '应用把浏览器送往真正的 open.weixin.qq.com；probe 改用模拟器 {emulator} 的授权页。',
    en: 'The app sends the browser to the real open.weixin.qq.com; probe used the emulator’s pages at {emulator} instead.',
  },
  'probe.note.deny_delivered': {
    zh: '这一步没有微信的拒绝跳转（snsapi_base 不弹授权页，或网站应用拒绝后不跳转），probe 按文档自己送出 redirect_uri?state=…。',
    en: 'No refusal redirect from WeChat here (snsapi_base shows no consent page, or a website app does not redirect on refusal): probe delivered redirect_uri?state=… itself, as the docs describe.',
  },
  'probe.note.via_proxy': {
    zh: '应用的授权链接在 {proxy} 上，那是转发到这个模拟器（{emulator}）的 wxauth proxy：probe 经过它打开微信的页面。',
    en: 'The app’s authorize link is on {proxy}, a wxauth proxy forwarding to this emulator ({emulator}): probe goes through it to WeChat’s pages.',
  },
  'probe.note.basic_auth': {
    zh: '以 {user} 的身份用 HTTP Basic 认证访问 {origin}（密码只发给这个地址，不发给模拟器，也不发给应用跳转到的其他主机）。',
    en: 'Signing in to {origin} as {user} with HTTP basic auth (the password goes to that origin only: never to the emulator or another host the app redirects to).',
  },
  'probe.note.scanned': { zh: '通过模拟器控制接口扫码并确认。', en: 'Scanned and confirmed through the emulator’s control API.' },
  'probe.note.forged': { zh: 'probe 用模拟器签发一个 code，配上这个会话从未拿到过的 state 送到回调。', en: 'probe minted a code on the emulator and delivered it with a state this session was never given.' },
  'probe.note.other_state': {
    zh: 'probe 在另一个浏览器里也发起了一次登录，用模拟器签发一个 code，配上应用给那个浏览器的 state 送到这个浏览器的回调（攻击者拿自己的 state 做的事）。',
    en: 'probe started a login in another browser too, minted a code on the emulator and delivered it to this browser’s callback with the state the app gave that other browser (what an attacker does with their own state).',
  },
  'probe.note.missing': { zh: 'probe 用模拟器签发一个 code，不带 state 送到回调。', en: 'probe minted a code on the emulator and delivered it with no state.' },
  'probe.note.clock': { zh: '模拟器时钟拨快 {seconds} 秒，然后拨回。', en: 'Moved the emulator clock {seconds} s forward, then back.' },
  'probe.note.token_rejected': {
    zh: '模拟器对应用的下一次 {path} 调用返回 40001，就像另一台服务器刚取了新的基础 token。',
    en: 'The emulator answered the app’s next {path} call with 40001, as when another server has just fetched a new basic token.',
  },
  'probe.note.fault': { zh: '下一次换取 token 时，模拟器返回 {kind}。', en: 'The emulator answered the next exchange with {kind}.' },
  'probe.note.slow': {
    zh: '下一次换取 code 时，模拟器晚 {delay} 毫秒才响应（code 在请求到达时就已用掉）。',
    en: 'The emulator answered the next exchange {delay} ms late (the code spent when the request arrived).',
  },
  'probe.note.second_user': {
    zh: 'probe 在新的浏览器会话里以 {name}（{user}）登录（临时切换模拟器的当前用户，之后恢复）。',
    en: 'probe logged in as {name} ({user}) in a fresh browser (the emulator’s current user for this login, put back afterwards).',
  },
  'probe.note.second_user_followed': {
    zh: 'probe 在新的浏览器会话里以 {name}（{user}）登录；测试号只有关注者才能授权，所以 {user} 为这次登录临时关注了 {appid}（POST /__emulator/follow），之后连同模拟器的当前用户一起恢复。',
    en: 'probe logged in as {name} ({user}) in a fresh browser; only followers may log in to a test account, so {user} followed {appid} for this login (POST /__emulator/follow), undone afterwards with the emulator’s current user.',
  },

  'probe.note.unbound': {
    zh: '模拟器为这次登录把 {appid} 从开放平台账号 {account} 解绑（POST /__emulator/open-account）：换取 code 和 /sns/userinfo 的响应里都没有 unionid 字段，和未绑定开放平台的应用一样；之后重新绑定。',
    en: 'The emulator unbound {appid} from its 开放平台 account {account} for this login (POST /__emulator/open-account): the exchange and /sns/userinfo answer with no unionid key, as for an app not bound to 开放平台; bound again afterwards.',
  },

  // ── the report card ───────────────────────────────────────────────────────────────────────────
  'probe.report.title': { zh: 'wxauth probe：{target}', en: 'wxauth probe: {target}' },
  'probe.report.app': { zh: 'appid {appid}，{endpoint}，scope {scope}', en: 'appid {appid}, {endpoint}, scope {scope}' },
  'probe.report.fix': { zh: '怎么办：', en: 'Fix:' },
  'probe.report.strict': { zh: '--strict：警告也算失败，退出码为 1。', en: '--strict: the warnings fail the run too (exit 1).' },
  'probe.report.summary': {
    zh: '{pass} 项通过，{fail} 项失败，{warn} 项警告，{skip} 项跳过。',
    en: 'Passed: {pass}, failed: {fail}, warnings: {warn}, skipped: {skip}.',
  },
  'probe.report.html': { zh: 'HTML 报告已写入 {file}', en: 'HTML report written to {file}' },
  'probe.report.evidence': { zh: '证据：', en: 'Evidence:' },
  'probe.html.title': { zh: 'wxauth probe 报告', en: 'wxauth probe report' },
  'probe.html.browser': { zh: '浏览器', en: 'Browser' },
  'probe.html.app': { zh: '你的应用', en: 'Your app' },
  'probe.html.wechat': { zh: '微信（模拟器）', en: 'WeChat (emulator)' },
  'probe.html.checks': { zh: '检查结果', en: 'Checks' },
  'probe.html.scenarios': { zh: '场景时序图', en: 'Scenarios' },
  'probe.html.blocked': { zh: '（外站，未访问）', en: '(foreign host, not contacted)' },

  // ── skips ─────────────────────────────────────────────────────────────────────────────────────
  'probe.skip.not_selected': { zh: '未选中（--only / --skip）。', en: 'Not selected (--only / --skip).' },
  'probe.skip.no_login': { zh: '正常登录没能走到回调，这项无法测试。', en: 'The happy path never reached the callback, so this cannot be tested.' },
  'probe.skip.scenario_lost': { zh: '这个场景没能走到回调（见证据里的请求），这项无法判断。', en: 'This scenario never reached the callback (see the hops), so this cannot be judged.' },
  'probe.skip.lost': { zh: '没有运行。', en: 'Not run.' },
  'probe.skip.same_failure': {
    zh: '这个场景和正常登录停在同一个错误页上（见 login.completes），先修好那个，这项才能判断。',
    en: 'This scenario ends on the same error page as the happy path (see login.completes): fix that first, then this can be judged.',
  },
  'probe.skip.login_broke': {
    zh: '登录在换取 code 之后没有顺利走完（见 login.completes），应用在那之后会不会调用 /sns/userinfo 无法判断。',
    en: 'The login did not go through after the code was exchanged (see login.completes), so whether the app would call /sns/userinfo after that point cannot be told.',
  },
  'probe.skip.no_login_done': {
    zh: '没有一次登录换到了用户（见 login.completes），看不出应用是不是每次登录都取基础 access_token。',
    en: 'No login got a user (see login.completes), so whether the app fetches a basic access_token per login cannot be seen.',
  },
  'probe.skip.scheme_mismatch': { zh: '回调地址的协议不是应用提供的协议（见 login.completes），这项无法测试。', en: 'The callback’s scheme is not the one the app serves (see login.completes), so this cannot be tested.' },
  'probe.skip.other_port': { zh: '回调在另一个端口上，probe 不访问它（见 login.completes），这项无法测试。', en: 'The callback is on another port, which probe does not contact (see login.completes), so this cannot be tested.' },
  'probe.skip.foreign_callback': { zh: '回调在另一个主机上，probe 不访问它（见 login.completes），这项无法测试。', en: 'The callback is on another host, which probe does not contact (see login.completes), so this cannot be tested.' },
  // The {problem} of the error_page messages and authorize.url's reason, chosen in flows/probe/run.ts.
  'probe.problem.timeout': { zh: '{ms} 毫秒内没有应答（--timeout）', en: 'no answer within {ms} ms (--timeout)' },
  'probe.problem.body_stalled': {
    zh: '返回了 HTTP {status}，但页面 {ms} 毫秒内没有传完（只收到 {bytes} 字节，--timeout）',
    en: 'it answered HTTP {status}, but the page had not finished after {ms} ms ({bytes} bytes came; --timeout)',
  },
  'probe.problem.network': { zh: '连接失败', en: 'the connection failed' },
  'probe.problem.protocol': { zh: '应答不是浏览器能读的 HTTP（{code}）', en: 'its answer is not HTTP a browser can read ({code})' },
  'probe.problem.headers_big': {
    zh: '应答头超过 {kb} KB，比 probe（Node）能读的多（{code}）；浏览器能接受到 256 KB，但这么大的头多半是个 bug（比如每次访问都变长的 cookie）；仍要测，就用 NODE_OPTIONS=--max-http-header-size=262144 运行 probe',
    en: 'its answer has headers over {kb} KB, more than probe (Node) reads ({code}); browsers take up to 256 KB, but headers this large are most often a bug (a cookie that grows on every visit, say); to probe anyway, run probe with NODE_OPTIONS=--max-http-header-size=262144',
  },
  'probe.problem.tls': { zh: 'TLS 握手失败（{code}）', en: 'the TLS handshake failed ({code})' },
  'probe.problem.stack': {
    zh: 'HTTP {status}，页面向用户显示了堆栈跟踪（{runtime}），暴露了服务器上的文件路径和代码结构',
    en: 'HTTP {status} with a stack trace ({runtime}) shown to the user, which gives away the server’s file paths and code layout',
  },
  'probe.problem.status': { zh: 'HTTP {status}', en: 'HTTP {status}' },
  'probe.problem.stopped': { zh: '登录停在回调页上（HTTP {status}），正常登录时会接着去 {landing}', en: 'the login stops on the callback page (HTTP {status}), where the happy path went on to {landing}' },
  'probe.problem.no_link': { zh: '它返回 HTTP {status}，页面既没有跳转到微信，也没有微信授权链接', en: 'it answered HTTP {status} with a page that neither redirects to WeChat nor links to its authorize URL' },
  'probe.problem.loop': { zh: '跳转了 {count} 次仍没有到微信（重定向循环？）', en: 'it redirected {count} times without reaching WeChat (a redirect loop?)' },
  'probe.problem.foreign': { zh: '它跳到了另一个主机 {host}，probe 不访问它', en: 'it redirected to another host, {host}, which probe does not contact' },
  'probe.problem.scheme': {
    zh: '它跳到了 {location}：这是 {scheme}: 地址，不是网页，微信登录从不会把浏览器送到这种地址（微信授权页是 https:// 的）',
    en: 'it redirected to {location}: a {scheme}: address, not a web page, which a WeChat login never sends the browser to (WeChat’s authorize page is https://)',
  },
  'probe.problem.weixin_scheme': {
    zh: '它跳到了 {location}：这是 weixin: 链接，不是微信网页授权；网页授权走的是 open.weixin.qq.com 上的 https:// 页面（在微信里打开也一样）',
    en: 'it redirected to {location}: a weixin: link, not WeChat’s web authorization, which is an https:// page on open.weixin.qq.com (inside WeChat too)',
  },
  'probe.problem.other_emulator': {
    zh: '它跳到了 {host} 上的授权页，而不是这个模拟器的：应用用的是另一个模拟器（或另一个微信地址）',
    en: 'it redirected to an authorize page on {host}, not on this emulator: the app uses another emulator (or another WeChat host)',
  },
  'probe.skip.no_answer': {
    zh: '正常登录时回调 {path} 在 {ms} ms 内没有应答（见 login.completes），这项无法判断。',
    en: 'On the happy path the callback {path} did not answer within {ms} ms (see login.completes), so this cannot be judged.',
  },
  'probe.skip.stalled': {
    zh: '正常登录时回调 {path} 已经开始应答（HTTP {status}），但页面 {ms} 毫秒内没有传完（见 login.completes），这项无法判断。',
    en: 'On the happy path the callback {path} began to answer (HTTP {status}) but its page had not finished after {ms} ms (see login.completes), so this cannot be judged.',
  },
  // code.exchanged_once when the callback hung: the app may exchange the code after probe hung up; what
  // probe knows is what the emulator had seen by then.
  'probe.skip.no_answer_unexchanged': {
    zh: '正常登录时回调 {path} 在 {ms} 毫秒内没有应答（见 login.completes），到 probe 放弃等待时，模拟器还没收到这个 code 的换取请求；应用之后是否换取、是否只换取一次，这里无法判断。',
    en: 'On the happy path the callback {path} did not answer within {ms} ms (see login.completes), and when probe stopped waiting the emulator had seen no exchange of its code: whether the app exchanges it, and only once, cannot be judged.',
  },
  'probe.skip.stalled_unexchanged': {
    zh: '正常登录时回调 {path} 已经开始应答（HTTP {status}），但页面 {ms} 毫秒内没有传完（见 login.completes），到 probe 放弃等待时，模拟器还没收到这个 code 的换取请求；应用之后是否换取、是否只换取一次，这里无法判断。',
    en: 'On the happy path the callback {path} began to answer (HTTP {status}) but its page had not finished after {ms} ms (see login.completes), and when probe stopped waiting the emulator had seen no exchange of its code: whether the app exchanges it, and only once, cannot be judged.',
  },
  'probe.skip.exchanged_elsewhere': {
    zh: '正常登录时回调 {path} 把 code 拿到了另一个模拟器 {other} 去换取（得到 {answer}），而不是这个模拟器（见 login.completes），这项无法判断。',
    en: 'On the happy path the callback {path} exchanged the code at another emulator, {other} ({answer}), not at this one (see login.completes), so this cannot be judged.',
  },
  'probe.skip.no_exchange': {
    zh: '正常登录时回调 {path} 没有换取 code（见 login.completes），这项无法判断。',
    en: 'On the happy path the callback {path} never exchanged the code (see login.completes), so this cannot be judged.',
  },
  'probe.skip.exchange_failed': {
    zh: '正常登录时应用的换取得到 errcode {errcode}（见 login.completes），这项无法判断。',
    en: 'On the happy path the app’s exchange got errcode {errcode} (see login.completes), so this cannot be judged.',
  },

  // ── authorize.url ─────────────────────────────────────────────────────────────────────────────
  'probe.authorize.url.ok': { zh: '登录入口跳到微信接受的 {endpoint} 链接（appid {appid}，scope {scope}）。', en: 'The login start redirects to WeChat’s {endpoint} page with a URL WeChat accepts (appid {appid}, scope {scope}).' },
  'probe.authorize.url.warnings': { zh: '授权链接微信会接受，但有 {warnings} 条警告（见下）。', en: 'WeChat accepts the authorize URL, with {warnings} warnings (below).' },
  'probe.authorize.url.warnings_one': { zh: '授权链接微信会接受，但有 1 条警告（见下）。', en: 'WeChat accepts the authorize URL, with a warning (below).' },
  'probe.authorize.url.errors': { zh: '授权链接有 {errors} 处错误，微信会拒绝它（见下）。', en: 'The authorize URL has {errors} errors WeChat refuses (below).' },
  'probe.authorize.url.errors_one': { zh: '授权链接有 1 处错误，微信会拒绝它（见下）。', en: 'The authorize URL has an error WeChat refuses (below).' },
  'probe.authorize.url.refused': { zh: '模拟器拒绝了授权链接，显示：{page}', en: 'The emulator refused the authorize URL; WeChat’s page (in Chinese, as WeChat words it) says: {page}' },
  'probe.authorize.url.none': { zh: '{url} 没有把浏览器送到微信的授权页（oauth2/authorize 或 qrconnect）：{problem}。', en: '{url} never sent the browser to WeChat’s authorize page (oauth2/authorize or qrconnect): {problem}.' },
  'probe.authorize.url.fix.session': {
    zh: '{url} 返回了 HTTP {status}：登录入口要先有站点自己的登录会话时（例如给已有账号绑定微信），从浏览器开发者工具复制 Cookie，加上 --cookie "名字=值; …" 再运行 probe。',
    en: '{url} answered HTTP {status}: if the login start needs the site’s own session first (binding WeChat to an existing account, say), copy the Cookie from the browser’s developer tools and run probe again with --cookie "name=value; …".',
  },
  'probe.authorize.url.fix.basic_auth': {
    zh: '{url} 要求 HTTP Basic 认证（WWW-Authenticate: Basic）：把用户名和密码写进登录入口地址，例如 http://用户名:密码@主机/…，probe 只把它们发给这个地址。',
    en: '{url} asks for HTTP basic auth (WWW-Authenticate: Basic): put the user name and password in the start URL, as http://user:password@host/…; probe sends them to that origin only.',
  },
  'probe.authorize.url.fix.basic_auth_refused': {
    zh: '{url} 拒绝了 {user} 的 HTTP Basic 认证（HTTP 401）：检查登录入口地址里的用户名和密码。',
    en: '{url} refused the HTTP basic auth for {user} (HTTP 401): check the user name and password in the start URL.',
  },
  'probe.authorize.url.fix.none': {
    zh: '{url} 应当 302 跳转到微信的授权链接（…/connect/oauth2/authorize 或 /connect/qrconnect），或者显示一个带这个链接的页面：确认这就是你的登录入口地址，并在浏览器里打开它看看。',
    en: '{url} should 302-redirect to WeChat’s authorize URL (…/connect/oauth2/authorize or /connect/qrconnect), or show a page that links to it: check that this is your login start URL, and open it in a browser to see what it does.',
  },
  'probe.authorize.url.fix.stalled': {
    zh: '{url} 已经开始应答（HTTP {status}），之后却卡住了：页面 {ms} 毫秒内没有传完，probe 看不到它要去哪里。登录入口通常立即 302 跳到微信；查一查是什么让应答一直没结束：某个分支没有调用 res.end()、流没有关闭，Content-Length 比实际写出的内容大，或者前面的代理在缓冲应答。若只是慢，可以调大 probe 的 --timeout。',
    en: '{url} began to answer (HTTP {status}) and then hung: its page had not finished after {ms} ms, so probe never saw where it leads. A login start most often answers at once with a 302 to WeChat; look for what keeps this answer open: a path that never calls res.end() or closes its stream, a Content-Length larger than the body written, or a proxy in front buffering the answer. If it is only slow, raise probe’s --timeout.',
  },
  'probe.authorize.url.unknown_appid': { zh: 'appid {appid} 不在模拟器 {emulator} 的种子数据里。', en: 'appid {appid} is not in the seed of the emulator at {emulator}.' },
  'probe.authorize.url.fix.unknown_appid': {
    zh: '应用用的 appid 要是模拟器认识的：换成 wxauth emulator 列出的某个 appid（本地测试用测试号 wx5e1ec0de00000002），或者用 --seed 把你的应用加进模拟器的种子数据；也确认应用连的是 {emulator}。',
    en: 'The app’s appid must be one the emulator knows: use one wxauth emulator lists (the test account wx5e1ec0de00000002 for local tests), or add your app to the emulator’s seed with --seed; and check that the app talks to {emulator}.',
  },
  'probe.authorize.url.fix.other_emulator': {
    zh: '让 probe 和应用用同一个模拟器：wxauth probe … --emulator {host}，或者把应用指向 {emulator}。',
    en: 'Let probe and the app use the same emulator: wxauth probe … --emulator {host}, or aim the app at {emulator}.',
  },
  'probe.authorize.url.fix.other_emulator_down': {
    zh: '{host} 上没有任何服务应答：应用授权链接指向的模拟器没有在运行（比如是之前某次运行用的端口）。把应用指向这个模拟器 {emulator}（授权链接的主机和 API 地址都要改），或者在应用指向的地方启动一个模拟器：wxauth emulator --port {port}，再用 --emulator {host} 运行 probe。',
    en: 'Nothing answers at {host}: the emulator the app’s authorize link names is not running (a port from an earlier run, say). Aim the app at this emulator, {emulator} (its authorize-link host and its API base both), or start one where the app looks, wxauth emulator --port {port}, and run probe with --emulator {host}.',
  },
  'probe.authorize.url.fix.other_emulator_other': {
    zh: '{host} 有服务应答，但不是 wxauth 模拟器（没有 /__emulator/ 控制接口），probe 没法在那里走完登录。把应用的微信地址（授权链接的主机和 API 地址）改成 {emulator}。',
    en: '{host} answers, but not as a wxauth emulator (it has no control API at /__emulator/), so probe cannot run the login there. Aim the app’s WeChat addresses (its authorize-link host and its API base) at {emulator}.',
  },
  'probe.authorize.url.fix.other_emulator_remote': {
    zh: '{host} 不在本机，probe 不会访问它，所以无法判断那里有没有模拟器：在浏览器里打开 {host}/__emulator/，模拟器会列出它的接口。有的话，用 --emulator {host} 运行 probe；没有的话，把应用指向 {emulator}。',
    en: 'probe does not contact {host} (it is not on this machine), so it cannot tell whether an emulator runs there: open {host}/__emulator/ in a browser, where an emulator answers with its list of endpoints. If one does, run probe with --emulator {host}; otherwise aim the app at {emulator}.',
  },
  'probe.authorize.url.fix.other_proxy': {
    zh: '{host} 是 wxauth proxy，转发到 {upstream}，不是这个模拟器：运行 probe 时用 --emulator {upstream}，或者用 --upstream {emulator} 启动这个代理。',
    en: '{host} is a wxauth proxy forwarding to {upstream}, not to this emulator: run probe with --emulator {upstream}, or start the proxy with --upstream {emulator}.',
  },
  'probe.authorize.url.fix.other_proxy_unsaid': {
    zh: '{host} 是 wxauth proxy：--emulator 请指向它转发到的模拟器（不是代理本身），或者用 --upstream {emulator} 启动这个代理。',
    en: '{host} is a wxauth proxy: keep --emulator on the emulator it forwards to (not on the proxy itself), or start the proxy with --upstream {emulator}.',
  },
  'probe.finding.fix.emulator_domain': {
    zh: '正式账号：用配置好的回调域，不带端口。这次运行的回调域由模拟器决定（种子里的应用 {appid}），不是 wxauth 的配置：用 wxauth emulator --domain "{appid}={hostport}" 启动模拟器，写上你的应用的地址。',
    en: 'Real accounts: use the configured callback domain, without a port. In this run the callback domain is the emulator’s (app {appid} in its seed), not wxauth’s profile: start the emulator as wxauth emulator --domain "{appid}={hostport}", naming your app’s address.',
  },
  'probe.authorize.url.fix.findings': {
    zh: '按下面列出的每条问题各自的修复去改；wxauth inspect --open-base {emulator} {link} 可以单独检查这个链接（链接指向真实微信时不用 --open-base）。',
    en: 'Follow the fix under each finding listed below; wxauth inspect --open-base {emulator} {link} checks the link on its own (without --open-base for a link to real WeChat).',
  },
  'probe.authorize.url.fix.website': {
    zh: '用 wxauth inspect --open-base {emulator} {link} 查看链接逐条的问题。网站应用的回调域不能是 IP，也没有测试号可用：在 localhost 上测试，probe 和应用都用 http://localhost:{port}/…，模拟器用 wxauth emulator --domain "{appid}=localhost:*" 启动。',
    en: 'Run wxauth inspect --open-base {emulator} {link} for each finding. A website app’s callback domain cannot be an IP, and no test account does QR login: test on localhost, with probe and the app at http://localhost:{port}/… and the emulator started as wxauth emulator --domain "{appid}=localhost:*".',
  },
  'probe.authorize.url.fix.test': {
    zh: '用 wxauth inspect --open-base {emulator} {link} 查看链接逐条的问题；测试号 {appid} 的回调域由模拟器决定（wxauth emulator 列出的 domain），用 wxauth emulator --domain {appid}=<主机:端口> 改成你的应用所在的地址。',
    en: 'Run wxauth inspect --open-base {emulator} {link} for each finding; the test account {appid}’s callback domains are the emulator’s (the domain column wxauth emulator lists): set yours with wxauth emulator --domain {appid}=<host:port>.',
  },
  'probe.authorize.url.fix': {
    zh: '用 wxauth inspect --open-base {emulator} {link} 查看链接逐条的问题；本地测试请用模拟器的测试号 wx5e1ec0de00000002（回调域 localhost:* 与 127.0.0.1:*），或用 wxauth emulator --domain 配置你的回调域。',
    en: 'Run wxauth inspect --open-base {emulator} {link} for each finding; to test locally use the emulator’s test account wx5e1ec0de00000002 (callback domains localhost:* and 127.0.0.1:*), or set your callback domain with wxauth emulator --domain.',
  },

  // ── login.completes ───────────────────────────────────────────────────────────────────────────
  'probe.login.completes.ok': { zh: '登录完成：应用换到了用户，最后一页 HTTP {status}，设置了 {cookies} 个 cookie。', en: 'The login completes: the app exchanged the code for a user, the last page is HTTP {status}, and the app set {cookies} cookies.' },
  'probe.login.completes.ok_one': { zh: '登录完成：应用换到了用户，最后一页 HTTP {status}，设置了 1 个 cookie。', en: 'The login completes: the app exchanged the code for a user, the last page is HTTP {status}, and the app set a cookie.' },
  'probe.login.completes.then_failed': {
    zh: '登录可能没有完成：应用用 code 换到了用户，随后又用同一个 code 换了一次，得到 {errcode}；最后一页 HTTP {status} 显示的可能就是这个错误。见 code.exchanged_once。',
    en: 'The login may not complete: the app exchanged the code for a user, then exchanged the same code again and got {errcode}; the last page (HTTP {status}) may show that error. See code.exchanged_once.',
  },
  'probe.login.completes.fix.then_failed': {
    zh: '每个 code 只换一次：同一个回调里只调用一次 /sns/oauth2/access_token（去掉重试或第二个处理器），用第一次的结果。',
    en: 'Exchange each code once: one /sns/oauth2/access_token call per callback (drop the retry or the second handler), and use its result.',
  },
  'probe.login.completes.exchange_failed': {
    zh: '登录没有完成：应用用 code 调用 /sns/oauth2/access_token，微信（模拟器）返回 errcode {errcode}，所以没有人登录——不管最后一页显示什么（HTTP {status}）。',
    en: 'The login does not complete: the app’s /sns/oauth2/access_token call got errcode {errcode} from WeChat (the emulator), so no one is signed in, whatever the last page shows (HTTP {status}).',
  },
  'probe.login.completes.other_emulator_api': {
    zh: '登录没有完成：回调 {path} 没有向这个模拟器换取 code，而是发到了另一个模拟器 {other}，得到 {answer}——code 只在签发它的模拟器上有效，所以没有人登录（最后一页 HTTP {status}）。',
    en: 'The login does not complete: the callback {path} sent its code not to this emulator but to another one, {other}, which answered {answer}: a code is good only at the emulator that issued it, so no one is signed in (last page HTTP {status}).',
  },
  'probe.login.completes.no_exchange': {
    zh: '登录没有完成：回调 {path} 没有用 code 调用 /sns/oauth2/access_token，所以没有人登录——不管最后一页显示什么（HTTP {status}）。',
    en: 'The login does not complete: the callback {path} never called /sns/oauth2/access_token with the code, so no one is signed in, whatever the last page shows (HTTP {status}).',
  },
  'probe.login.completes.real_wechat': {
    zh: '登录没有完成：应用把浏览器跳转到真实的 open.weixin.qq.com，模拟器也没有收到回调 {path} 换取 code 的请求：应用的服务端多半仍在调用 api.weixin.qq.com（或另一个模拟器），或者 {path} 没有换取 code。',
    en: 'The login does not complete: the app sends the browser to the real open.weixin.qq.com, and the emulator never saw its callback {path} exchange the code: its server most likely still calls api.weixin.qq.com (or another emulator), or {path} does not exchange the code.',
  },
  'probe.login.completes.fix.real_wechat': {
    zh: '把应用（或它用的 SDK）的接口地址 api.weixin.qq.com 指向模拟器 {emulator}，或者让它经过 wxauth proxy --intercept（见 README 的 probe 一节）；并确认 {path} 用 code 换取了 token。',
    en: 'Aim the app’s (or its SDK’s) API host, api.weixin.qq.com, at the emulator, {emulator}, or run it through wxauth proxy --intercept (the probe section of the README); and check that {path} exchanges the code.',
  },
  'probe.login.completes.misaddressed': {
    zh: '登录没有完成：回调 {path} 把 code 发到了 {sent}，而不是 /sns/oauth2/access_token（返回 {answer}），所以没有人登录。',
    en: 'The login does not complete: the callback {path} sent the code to {sent}, not /sns/oauth2/access_token (answered {answer}), so no one is signed in.',
  },
  'probe.login.completes.fix.misaddressed': {
    zh: '应用的微信 API 地址多了一段路径 {extra}：客户端会自己在它后面加上 /sns/…。把 API 地址去掉 {extra}，只留协议、主机和端口（直接调用模拟器时就是 {emulator}；经过 wxauth proxy 时是 proxy 的地址）。各个 SDK 怎么设置见 README 的 probe 一节。',
    en: 'The app’s WeChat API base carries a path, {extra}, and its client puts /sns/… after it. Give it its API base without {extra}: the scheme, host and port alone ({emulator} when it calls this emulator directly; through a wxauth proxy, the proxy’s address). How for each SDK: the probe section of the README.',
  },
  'probe.login.completes.fix.other_emulator_api': {
    zh: '应用的授权链接指向这个模拟器 {emulator}，API 地址（换取 code 的地方）却还是 {other}，多半是之前某次运行留下的配置。把应用（或它用的 SDK）的 API 地址也改成 {emulator}，重启应用后再运行 probe。',
    en: 'The app’s authorize link is on this emulator, {emulator}, but its API host (where it exchanges codes) is still {other}, most likely left from an earlier run. Aim the app’s (or its SDK’s) API host at {emulator} too, restart the app and run probe again.',
  },
  'probe.login.completes.fix.no_exchange': {
    zh: '确认应用处理的正是 redirect_uri 里的路径 {path}，在那里换取 code，并且调用的是模拟器而不是 api.weixin.qq.com（见 README 的 probe 一节）。',
    en: 'Check that the app handles the path in its redirect_uri, {path}, exchanges the code there, and calls the emulator rather than api.weixin.qq.com (see the probe section of the README).',
  },
  'probe.login.completes.fix.secret': {
    zh: '{errcode}：应用给 appid {appid} 用的 AppSecret 不是模拟器的。把应用的 AppSecret 换成 wxauth emulator 启动时为这个 appid 列出的那个（也可以看 {emulator}/__emulator/seed）。',
    en: '{errcode}: the AppSecret your app uses for appid {appid} is not the emulator’s. Give the app the secret `wxauth emulator` lists for that appid at start (or see {emulator}/__emulator/seed).',
  },
  'probe.login.completes.fix.appid': {
    zh: '{errcode}：模拟器不认识应用换取时用的 appid（授权链接里是 {appid}）。让换取和授权链接用同一个 appid。',
    en: '{errcode}: the emulator does not know the appid the app exchanges with (its authorize URL says {appid}). Exchange with the same appid as the authorize URL.',
  },
  'probe.login.completes.fix.busy': {
    zh: '换取没有得到结果（errcode -1 或 HTTP 5xx）：重试一次；仍然失败就查看模拟器的请求日志（wxauth emulator 的终端）。',
    en: 'The exchange got no result (errcode -1 or HTTP 5xx): try once more; if it fails again, read the emulator’s request log (the terminal running wxauth emulator).',
  },
  'probe.login.completes.fix.errcode': {
    zh: '运行 wxauth errcode {errcode} 查看微信的意思和该怎么做。',
    en: 'Run wxauth errcode {errcode} for what WeChat means by it and what to do.',
  },
  'probe.login.completes.error_page': { zh: '登录以错误结束：{problem}。', en: 'The login ends in an error: {problem}.' },
  'probe.login.completes.error_status': { zh: '登录以 HTTP {status} 结束。', en: 'The login ends on HTTP {status}.' },
  'probe.login.completes.userinfo_failed': {
    zh: '登录以 HTTP {status} 结束：用 code 换取成功了，之后 /sns/userinfo 返回 errcode {errcode}（见 userinfo.scope）。',
    en: 'The login ends on HTTP {status}: the code exchange worked, then /sns/userinfo answered errcode {errcode} (see userinfo.scope).',
  },
  'probe.login.completes.fix.userinfo_scope': {
    zh: '登录停在 /sns/userinfo 的 48001：{scope} 授权的 token 读不了用户信息。需要昵称头像时用 scope=snsapi_userinfo 发起授权；只需要 openid 时用它建立会话，不要调用 /sns/userinfo。',
    en: 'The login stops at /sns/userinfo’s 48001: a {scope} token may not read the user’s profile. Authorize with scope=snsapi_userinfo when the login needs the nickname and avatar; when the openid is enough, sign the user in with it and do not call /sns/userinfo.',
  },
  'probe.login.completes.fix.userinfo_errcode': {
    zh: '登录停在 /sns/userinfo 的 errcode {errcode}：运行 wxauth errcode {errcode} 查看原因；传给它的 access_token 和 openid 必须是同一次换取返回的那一对（不是基础 access_token）。',
    en: 'The login stops at /sns/userinfo’s errcode {errcode}: run wxauth errcode {errcode} for why; it needs the access_token and openid the same exchange returned (not the basic access_token).',
  },
  'probe.login.completes.no_session': { zh: '回调页没有设置 cookie，也没有离开回调地址：看不出建立了会话。', en: 'The callback set no cookie and did not redirect away from the callback: no session is visible.' },
  'probe.login.completes.foreign_redirect': { zh: '登录后应用把浏览器送到了外站 {url}（probe 没有访问它）。', en: 'After the login the app sent the browser to a foreign host, {url} (probe did not contact it).' },
  'probe.login.completes.foreign_callback': { zh: '回调地址 {callback} 不在应用的主机上，probe 只访问应用和模拟器。', en: 'The callback {callback} is not on the app’s host; probe talks only to the app and the emulator.' },
  'probe.login.completes.scheme_mismatch': {
    zh: '回调地址 {callback} 用 {scheme}，而应用在同一主机和端口上用的是 {served}：微信会把用户送到一个打不开的地址。',
    en: 'The callback {callback} uses {scheme}, but the app serves {served} on that host and port: WeChat would send users to an address that does not open.',
  },
  'probe.login.completes.fix.scheme_mismatch': {
    zh: 'redirect_uri 用服务器实际提供的协议（{origin}）。在终止 TLS 的反向代理（nginx、负载均衡）后面时，按 X-Forwarded-Proto 拼回调地址（Express：app.set("trust proxy", true)），不要写死 {scheme}。',
    en: 'Build the redirect_uri with the scheme the server actually serves ({origin}). Behind a TLS-terminating proxy (nginx, a load balancer), take it from X-Forwarded-Proto (Express: app.set("trust proxy", true)) rather than hard-coding {scheme}.',
  },
  'probe.login.completes.not_started_page': {
    zh: '登录没有走到回调：模拟器的授权页显示「{page}」（见 authorize.url）。',
    en: 'The login never reached the callback: WeChat’s authorize page (the emulator’s) refused it, in WeChat’s own Chinese words: "{page}" (see authorize.url for what is wrong).',
  },
  'probe.login.completes.not_started': { zh: '登录没有走到回调（见 authorize.url）。', en: 'The login never reached the callback (see authorize.url).' },
  'probe.login.completes.loopback_alias': {
    zh: '登录没有完成：登录从 {origin} 开始，回调却到 {callback}。浏览器按主机名分别保存 cookie，所以带着 state 的会话到不了回调，真实用户的浏览器也会这样失败。',
    en: 'The login does not complete: it starts on {origin}, but the callback goes to {callback}. A browser keeps cookies per host name, so the session holding the state does not reach the callback; a real user’s browser fails the same way.',
  },
  'probe.login.completes.fix.loopback_alias': {
    zh: '让登录入口和 redirect_uri 用同一个主机名：从 {start} 开始测试（probe 也一样），或者把 redirect_uri 改成登录入口的主机名。',
    en: 'Use one host name for the login start and the redirect_uri: start at {start} (probe too), or make the redirect_uri use the login start’s host name.',
  },
  'probe.login.completes.other_port': {
    zh: '回调地址 {callback} 在 {port} 端口，而应用的登录入口在 {origin}：主机相同、端口不同，probe 只访问应用和模拟器。',
    en: 'The callback {callback} is on port {port}, while the app’s login starts on {origin}: the same host on another port; probe talks only to the app and the emulator.',
  },
  'probe.login.completes.fix.other_port': {
    zh: '应用多半是从配置（PUBLIC_URL、BASE_URL、APP_URL 之类）拼出 redirect_uri 的：检查其中的端口，测试时让它指向 {origin}。如果 {port} 端口上确实是你的另一台服务器在处理回调（前后端分开），测试时让两者同源，再从这个地址运行 probe；见 README 的 probe 一节。',
    en: 'The app most likely builds its redirect_uri from a setting (PUBLIC_URL, BASE_URL, APP_URL…): check the port in it, and for the test make it {origin}. If another server of yours on port {port} does take the callback (a split frontend and backend), serve both under one origin for the test and probe that origin; see the probe section of the README.',
  },
  'probe.login.completes.fix.foreign_callback': {
    zh: 'probe 只访问登录入口所在的 {origin} 和模拟器。如果回调由你的另一台服务器处理（前后端分开），测试时让两者同源（例如用开发服务器的代理把回调路径转给后端），再从这个地址运行 probe；见 README 的 probe 一节。',
    en: 'probe talks only to the login start’s origin, {origin}, and the emulator. If another server of yours takes the callback (a split frontend and backend), serve both under one origin for the test (e.g. your dev server’s proxy forwarding the callback path to the backend) and probe that origin; see the probe section of the README.',
  },
  'probe.login.completes.fix.timeout': {
    zh: '回调 {ms} 毫秒内没有应答：它在等什么？没有超时的微信请求、数据库、锁……用户的浏览器也会放弃等待。若只是慢，可以调大 probe 的 --timeout。',
    en: 'The callback did not answer within {ms} ms: what is it waiting on? A WeChat call without a timeout, a database, a lock… A user’s browser gives up too. If it is only slow, raise probe’s --timeout.',
  },
  'probe.login.completes.fix.timeout_real': {
    zh: '回调 {ms} 毫秒内没有应答，模拟器也没有收到换取 code 的请求：应用可能在等 api.weixin.qq.com（把应用或 SDK 的接口地址指向模拟器 {emulator}），也可能在等别的（数据库、锁……）。若只是慢，可以调大 probe 的 --timeout。',
    en: 'The callback did not answer within {ms} ms, and the emulator saw no code exchange: the app may be waiting on api.weixin.qq.com (aim the app’s or its SDK’s API host at the emulator, {emulator}), or on something else (a database, a lock…). If it is only slow, raise probe’s --timeout.',
  },
  'probe.login.completes.fix.stalled': {
    zh: '回调已经开始应答（HTTP {status}），之后却卡住了：页面 {ms} 毫秒内没有传完。用户的浏览器会一直转圈。查一查是什么让应答一直没结束：某个分支没有调用 res.end()、流没有关闭，Content-Length 比实际写出的内容大，或者前面的代理在缓冲应答。若只是慢，可以调大 probe 的 --timeout。',
    en: 'The callback began to answer (HTTP {status}) and then hung: its page had not finished after {ms} ms, and a user’s browser keeps loading. Look for what keeps the answer open: a path that never calls res.end() or closes its stream, a Content-Length larger than the body written, or a proxy in front buffering the answer. If it is only slow, raise probe’s --timeout.',
  },
  'probe.login.completes.fix.no_unionid': {
    zh: '换取成功之后应用出错了。{appid} 没有绑定开放平台账号，换取结果里没有 unionid：先检查读取 unionid（或其他可能缺失的字段）的代码，缺失时要能处理；此外，换取成功后应建立会话（设置 cookie）并重定向到登录后的页面，不要回 5xx。',
    en: 'The app fails after a good exchange. {appid} is bound to no 开放平台 account, so the exchange answer has no unionid: look first at code that reads unionid (or any field that may be missing) and handle its absence; otherwise, start a session (set a cookie) and redirect to the signed-in page, not a 5xx.',
  },
  'probe.login.completes.fix': {
    zh: '回调里用 code 换到 openid 后，建立会话（设置 cookie）并重定向到登录后的页面；换取失败时给用户一个可以重试的页面，而不是 5xx。',
    en: 'After the callback exchanges the code for an openid, start a session (set a cookie) and redirect to the signed-in page; when the exchange fails, show a page the user can retry from, not a 5xx.',
  },

  // ── code.exchanged_once ───────────────────────────────────────────────────────────────────────
  'probe.code.exchanged_once.ok': { zh: '正常登录时 code 只换取了一次。', en: 'On the happy path the code was exchanged exactly once.' },
  'probe.code.exchanged_once.twice': { zh: '同一个 code 被换取了 {attempts} 次；第二次起微信都返回 {errcode}。', en: 'The same code was exchanged {attempts} times; from the second on WeChat answers {errcode}.' },
  'probe.code.exchanged_once.fix': {
    zh: 'code 只能用一次（5 分钟内有效）：每次回调只换取一次，换到的结果按 code 缓存几分钟；确认应用调用的是模拟器（见 README 的 probe 一节）。',
    en: 'A code is single use (valid 5 minutes): exchange it once per callback and cache the result by code for a few minutes; check the app calls the emulator (see the probe section of the README).',
  },

  // ── callback.duplicate ────────────────────────────────────────────────────────────────────────
  'probe.callback.duplicate.ok': { zh: '微信重复回调时只换取了一次，用户看到的页面不是错误页。', en: 'WeChat’s duplicate callback was exchanged once, and the page the user sees is not an error.' },
  'probe.callback.duplicate.twice': { zh: '重复回调让应用把同一个 code 换取了 {attempts} 次（第二次得到 {errcode}）。', en: 'The duplicate callback made the app exchange the same code {attempts} times (the second gets {errcode}).' },
  'probe.callback.duplicate.twice_seen': {
    zh: '重复回调让应用把同一个 code 换取了 {attempts} 次（第二次得到 {errcode}），用户最后看到的是 {problem}。',
    en: 'The duplicate callback made the app exchange the same code {attempts} times (the second gets {errcode}), and the user ends on {problem}.',
  },
  'probe.callback.duplicate.twice_own': {
    zh: '应用在一次回调里就把 code 换取了不止一次（见 code.exchanged_once）；加上微信的第二次回调，共换取了 {attempts} 次。两处都要修。',
    en: 'The app already exchanges a code more than once in a single callback (see code.exchanged_once); with WeChat’s second hit it made {attempts} exchanges. Both need fixing.',
  },
  'probe.callback.duplicate.own_only': {
    zh: '微信的第二次回调没有多换取一次：这 {attempts} 次换取是应用自己在一次回调里做的（见 code.exchanged_once），重复回调本身处理对了。',
    en: 'WeChat’s second hit added no exchange: the {attempts} exchanges are the app’s own, in a single callback (see code.exchanged_once); the duplicate itself is handled.',
  },
  'probe.callback.duplicate.error_page': { zh: '重复回调以错误结束：{problem}。', en: 'The duplicate callback ends in an error: {problem}.' },
  'probe.callback.duplicate.error_shown': { zh: '用户最终看到的页面提示 code 已被使用（HTTP {status}），尽管只换取了一次。', en: 'The page the user ends up seeing says the code was already used (HTTP {status}), although it was exchanged once.' },
  'probe.callback.duplicate.refused': {
    zh: '微信的第二次回调被拒绝了（HTTP {status}），用户最终看到的是这个错误页，尽管第一次已经登录成功。',
    en: 'WeChat’s second hit was refused (HTTP {status}), and that error page is what the user ends up seeing, although the first hit signed them in.',
  },
  'probe.callback.duplicate.fix': {
    zh: '微信有时会用同一个 code 访问回调两次（第二次带 uin、pass_ticket 参数）：按 code 记住正在进行和已完成的换取，第二次请求等待同一个结果并照常登录，不要再换取。',
    en: 'WeChat sometimes hits the callback twice with the same code (the second with uin and pass_ticket): remember in-flight and finished exchanges by code, and let the second request wait for the same result and log in as usual, without exchanging again.',
  },

  // ── callback.reload ───────────────────────────────────────────────────────────────────────────
  'probe.callback.reload.ok': { zh: '刷新回调页没有再次换取，也没有报错（HTTP {status}）。', en: 'Reloading the callback did not exchange again and shows no error (HTTP {status}).' },
  'probe.callback.reload.ok_reexchanged': {
    zh: '刷新回调页时应用又换取了一次（得到 {errcode}），页面（HTTP {status}）里没有出现这个错误码或“code been used”；若页面用你自己的话报了错，用户照样看到错误。',
    en: 'Reloading the callback exchanged again (WeChat answered {errcode}); the page (HTTP {status}) shows neither that errcode nor “code been used” (if it says so in your own words, the user still sees an error).',
  },
  'probe.callback.reload.refused': {
    zh: '刷新回调页没有再次换取，但用户看到的是错误页（HTTP {status}）：已登录的用户刷新时，应当直接跳转。',
    en: 'Reloading the callback did not exchange again, but the user sees an error page (HTTP {status}): a signed-in user who reloads should just be redirected.',
  },
  'probe.callback.reload.error_page': { zh: '刷新回调页以错误结束：{problem}。', en: 'Reloading the callback ends in an error: {problem}.' },
  'probe.callback.reload.code_used_shown': { zh: '刷新回调页时再次换取，并把 {errcode} 显示成错误（HTTP {status}）。', en: 'Reloading the callback exchanged again and shows the {errcode} as an error (HTTP {status}).' },
  'probe.callback.reload.fix': {
    zh: '登录成功后立刻重定向到不带 code 的地址；再次收到已用过的 code 时，如果会话已登录就直接跳转，而不是显示错误。',
    en: 'Redirect to an address without the code right after the login; when a used code comes back and the session is already signed in, just redirect instead of showing an error.',
  },

  // ── url.code_left ─────────────────────────────────────────────────────────────────────────────
  'probe.url.code_left.ok': { zh: '登录后的地址里没有 code。', en: 'The page the user ends on has no code in its URL.' },
  'probe.url.code_left.left': { zh: '登录后的地址里还留着 code：刷新或分享这个地址都会再用一次它。', en: 'The page the user ends on still has the code in its URL: a reload or a shared link uses it again.' },
  'probe.session.renewed.ok': {
    zh: '登录换了新的会话：登录前应用设置的 cookie 在登录后变了，或者登录时设置了新的 cookie。',
    en: 'The login starts a new session: a cookie the app set before it changed, or the login set a new one.',
  },
  'probe.session.renewed.kept': {
    zh: '登录前应用设置的 cookie（{names}）在登录后原样未变，也没有新的 cookie：谁在登录前把这些会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The cookies the app set before the login ({names}) are unchanged after it, and no new one came: whoever planted those session ids in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.kept_session': {
    zh: '登录前应用设置的会话 cookie（{names}）在登录后原样未变；登录只新设了 {added}，它不代表访问者是谁：谁在登录前把这些会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The session cookies the app set before the login ({names}) are unchanged after it; the login only added {added}, which says nothing of who the visitor is: whoever planted those session ids in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.kept_session_one': {
    zh: '登录前应用设置的会话 cookie（{names}）在登录后原样未变；登录只新设了 {added}，它不代表访问者是谁：谁在登录前把这个会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The session cookie the app set before the login ({names}) is unchanged after it; the login only added {added}, which says nothing of who the visitor is: whoever planted that session id in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.kept_one': {
    zh: '登录前应用设置的 cookie（{names}）在登录后原样未变，也没有新的 cookie：谁在登录前把这个会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The cookie the app set before the login ({names}) is unchanged after it, and no new one came: whoever planted that session id in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.planted_one': {
    zh: '登录前应用设置的 cookie（{names}）在登录后原样未变；一个只带着登录前那些 cookie 的新浏览器打开 {url}，是以这个用户登录的状态（页面显示了其 {what}）：谁在登录前把这个会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The cookie the app set before the login ({names}) is unchanged after it, and a fresh browser with only the cookies from before the login opens {url} signed in as the user (it shows their {what}): whoever planted that session id in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.ok_no_identity_kept': {
    zh: '登录前应用设置的 cookie 里，登录后原样未变的（{names}）不代表访问者是谁（语言、提示消息、CSRF 令牌之类）：登录前塞进浏览器的会话 id 不会在登录后留下来。',
    en: 'Of the cookies the app set before the login, the ones unchanged after it ({names}) say nothing of who the visitor is (a language, a flash message, a CSRF token): no session id planted before the login survives it.',
  },
  'probe.session.renewed.url_signs_in': {
    zh: '一个不带任何 cookie 的新浏览器打开登录后落到的 {url}，也是以这个用户登录的状态（页面显示了其 {what}）：拿到这个地址的人（浏览器历史、Referer、分享出去的链接、服务器日志）都能以这个用户的身份打开它。因此也看不出登录前留下的 cookie 能不能让人登进去（会话固定），这一项没有据此判断。',
    en: 'A fresh browser with no cookies at all opens {url}, where the login ends, signed in as the user (it shows their {what}): anyone who has that address (browser history, a Referer header, a shared link, a server log) opens it as the user. For the same reason it cannot tell whether the cookies kept from before the login sign anyone in (session fixation), so that was not judged.',
  },
  'probe.session.renewed.url_signs_in_none': {
    zh: '一个不带任何 cookie 的新浏览器打开登录后落到的 {url}，也是以这个用户登录的状态（页面显示了其 {what}）：拿到这个地址的人（浏览器历史、Referer、分享出去的链接、服务器日志）都能以这个用户的身份打开它。（应用在把浏览器送去微信之前没有设置 cookie，没有需要更新的会话。）',
    en: 'A fresh browser with no cookies at all opens {url}, where the login ends, signed in as the user (it shows their {what}): anyone who has that address (browser history, a Referer header, a shared link, a server log) opens it as the user. (The app set no cookie before sending the browser to WeChat, so there was no session for the login to renew.)',
  },
  'probe.session.renewed.fix_url': {
    zh: '不要把登录凭据放在地址里：登录成功后把用户存进会话（换一个新的会话 id），跳转到一个不带令牌的地址；页面按会话 cookie 判断是谁。',
    en: 'Keep the sign-in out of the address: when the login succeeds, put the user in the session (with a new session id) and redirect to an address without a token; pages tell who the visitor is by the session cookie.',
  },
  'probe.session.renewed.planted': {
    zh: '登录前应用设置的 cookie（{names}）在登录后原样未变；一个只带着登录前那些 cookie 的新浏览器打开 {url}，是以这个用户登录的状态（页面显示了其 {what}）：谁在登录前把这些会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The cookies the app set before the login ({names}) are unchanged after it, and a fresh browser with only the cookies from before the login opens {url} signed in as the user (it shows their {what}): whoever planted those session ids in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.ok_kept': {
    zh: '登录保留了 {names} 原值，但一个只带着登录前那些 cookie 的新浏览器打开 {url} 时页面上没有这个用户（HTTP {status}）：登录用新设的 {renewed} 标识用户，塞进去的旧 id 登录不了。',
    en: 'The login kept {names} as it was, but a fresh browser with only the cookies from before the login opens {url} without the user on it (HTTP {status}): the login signs the user in with {renewed}, which it set anew, so a planted id signs no one in.',
  },
  'probe.session.renewed.untested_page': {
    zh: '登录后落到的 {url} 不显示登录的是谁，一个不带任何 cookie 的新浏览器打开它也得到一模一样的页面（HTTP {status}）：据此看不出登录前原样留下的 cookie（{names}）能不能让人登进去（会话固定），这一项没有判断。请手动确认登录会换发新的会话 id，或者让这个页面显示登录的用户（openid 或昵称），再运行 probe。',
    en: 'The page the login ends on, {url}, does not show who is signed in, and a fresh browser with no cookies at all gets the very same page (HTTP {status}): it cannot tell whether the cookies kept from before the login ({names}) sign anyone in (session fixation), so that was not judged. Check by hand that the login issues a new session id, or have that page show the signed-in user (their openid or nickname) and run probe again.',
  },
  'probe.session.renewed.planted_page': {
    zh: '登录前应用设置的会话 cookie（{names}）在登录后原样未变；一个只带着登录前那些 cookie 的新浏览器打开 {url}，得到的正是用户登录后看到的页面（HTTP {status}），而不带 cookie 的浏览器得不到：谁在登录前把这些会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The session cookies the app set before the login ({names}) are unchanged after it, and a fresh browser with only the cookies from before the login opens {url} and gets the very page the user got (HTTP {status}), which a browser with no cookies does not: whoever planted those session ids in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.planted_page_one': {
    zh: '登录前应用设置的会话 cookie（{names}）在登录后原样未变；一个只带着登录前那些 cookie 的新浏览器打开 {url}，得到的正是用户登录后看到的页面（HTTP {status}），而不带 cookie 的浏览器得不到：谁在登录前把这个会话 id 塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The session cookie the app set before the login ({names}) is unchanged after it, and a fresh browser with only the cookies from before the login opens {url} and gets the very page the user got (HTTP {status}), which a browser with no cookies does not: whoever planted that session id in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.ok_kept_page': {
    zh: '登录保留了 {names} 原值，但一个只带着登录前那些 cookie 的新浏览器打开 {url}，得到的和不带任何 cookie 的浏览器一样（HTTP {status}），不是用户登录后的页面：塞进去的旧 id 登录不了。',
    en: 'The login kept {names} as it was, but a fresh browser with only the cookies from before the login gets at {url} what a browser with no cookies at all gets (HTTP {status}), not the page the user got: a planted id signs no one in.',
  },
  'probe.session.renewed.reissued_one': {
    zh: '登录时应用给 {names} 换了新值，但一个只带着登录前那些 cookie（旧值）的新浏览器打开 {url}，是以这个用户登录的状态（页面显示了其 {what}）：旧值仍能打开已登录的会话（新值只是把同一个会话重新加密，Laravel 每次响应都会这样做；或者旧 id 在新 id 之外仍然有效），谁在登录前把旧值塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The login set {names} again with a new value, but a fresh browser with only the cookies from before the login (the old value) opens {url} signed in as the user (it shows their {what}): the old value still opens the signed-in session (the new one re-encrypts the same session, as Laravel does on every answer, or the old id was kept alive beside it), so whoever planted the old one in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.reissued': {
    zh: '登录时应用给 {names} 换了新值，但一个只带着登录前那些 cookie（旧值）的新浏览器打开 {url}，是以这个用户登录的状态（页面显示了其 {what}）：旧值仍能打开已登录的会话（新值只是把同一个会话重新加密，Laravel 每次响应都会这样做；或者旧 id 在新 id 之外仍然有效），谁在登录前把旧值塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The login set {names} again with new values, but a fresh browser with only the cookies from before the login (the old values) opens {url} signed in as the user (it shows their {what}): the old values still open the signed-in session (the new ones re-encrypt the same session, as Laravel does on every answer, or the old ids were kept alive beside them), so whoever planted the old ones in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.ok_reissued': {
    zh: '登录给 {names} 换了新值，一个只带着登录前那些 cookie 的新浏览器打开 {url} 时页面上没有这个用户（HTTP {status}）：塞进去的旧 id 登录不了。',
    en: 'The login set {names} anew, and a fresh browser with only the cookies from before the login opens {url} without the user on it (HTTP {status}): a planted id signs no one in.',
  },
  'probe.session.renewed.reissued_page_one': {
    zh: '登录时应用给 {names} 换了新值，但一个只带着登录前那些 cookie（旧值）的新浏览器打开 {url}，得到的正是用户登录后看到的页面（HTTP {status}），而不带 cookie 的浏览器得不到：旧值仍能打开已登录的会话（新值只是把同一个会话重新加密，Laravel 每次响应都会这样做；或者旧 id 在新 id 之外仍然有效），谁在登录前把旧值塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The login set {names} again with a new value, but a fresh browser with only the cookies from before the login (the old value) opens {url} and gets the very page the user got (HTTP {status}), which a browser with no cookies does not: the old value still opens the signed-in session (the new one re-encrypts the same session, as Laravel does on every answer, or the old id was kept alive beside it), so whoever planted the old one in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.reissued_page': {
    zh: '登录时应用给 {names} 换了新值，但一个只带着登录前那些 cookie（旧值）的新浏览器打开 {url}，得到的正是用户登录后看到的页面（HTTP {status}），而不带 cookie 的浏览器得不到：旧值仍能打开已登录的会话（新值只是把同一个会话重新加密，Laravel 每次响应都会这样做；或者旧 id 在新 id 之外仍然有效），谁在登录前把旧值塞进用户的浏览器，登录后就成了这个用户（会话固定）。',
    en: 'The login set {names} again with new values, but a fresh browser with only the cookies from before the login (the old values) opens {url} and gets the very page the user got (HTTP {status}), which a browser with no cookies does not: the old values still open the signed-in session (the new ones re-encrypt the same session, as Laravel does on every answer, or the old ids were kept alive beside them), so whoever planted the old ones in the user’s browser before the login is signed in as the user after it (session fixation).',
  },
  'probe.session.renewed.ok_reissued_page': {
    zh: '登录给 {names} 换了新值，一个只带着登录前那些 cookie（旧值）的新浏览器打开 {url}，得到的和不带任何 cookie 的浏览器一样（HTTP {status}），不是用户登录后的页面：塞进去的旧 id 登录不了。',
    en: 'The login set {names} anew, and a fresh browser with only the cookies from before the login (the old value) gets at {url} what a browser with no cookies at all gets (HTTP {status}), not the page the user got: a planted id signs no one in.',
  },
  'probe.session.renewed.untested_reissued_page': {
    zh: '登录给 {names} 换了新值，但新值可能只是把同一个会话重新加密（Laravel 每次响应都会这样做）；登录后落到的 {url} 不显示登录的是谁，一个不带任何 cookie 的新浏览器打开它也得到一模一样的页面（HTTP {status}）：据此看不出旧值是否仍能打开已登录的会话（会话固定），这一项没有判断。请手动确认登录会换发新的会话 id（Laravel 用 $request->session()->regenerate()），或者让这个页面显示登录的用户（openid 或昵称），再运行 probe。',
    en: 'The login set {names} again with a new value, but a new value may only re-encrypt the same session (as Laravel does on every answer); the page the login ends on, {url}, does not show who is signed in, and a fresh browser with no cookies at all gets the very same page (HTTP {status}): it cannot tell whether the old value still opens the signed-in session (session fixation), so that was not judged. Check by hand that the login issues a new session id ($request->session()->regenerate() in Laravel), or have that page show the signed-in user (their openid or nickname) and run probe again.',
  },
  'probe.session.renewed.unclear_reissued_page': {
    zh: '登录给 {names} 换了新值，但新值可能只是把同一个会话重新加密（Laravel 每次响应都会这样做）；登录后落到的 {url} 不显示登录的是谁，一个只带着登录前那些 cookie（旧值）的新浏览器打开它（HTTP {status}），得到的既不是用户登录后的页面，也不是不带 cookie 的浏览器得到的页面：看不出旧值是否仍能打开已登录的会话（会话固定），这一项没有判断。请手动确认登录会换发新的会话 id（Laravel 用 $request->session()->regenerate()），或者让这个页面显示登录的用户（openid 或昵称），再运行 probe。',
    en: 'The login set {names} again with a new value, but a new value may only re-encrypt the same session (as Laravel does on every answer); the page the login ends on, {url}, does not show who is signed in, and a fresh browser with only the cookies from before the login (the old value) gets there (HTTP {status}) neither the page the user got nor what a browser with no cookies gets: it cannot tell whether the old value still opens the signed-in session (session fixation), so that was not judged. Check by hand that the login issues a new session id ($request->session()->regenerate() in Laravel), or have that page show the signed-in user (their openid or nickname) and run probe again.',
  },
  'probe.session.renewed.untested_reissued_callback': {
    zh: '登录给 {names} 换了新值，但新值可能只是把同一个会话重新加密（Laravel 每次响应都会这样做）；登录停在回调地址 {url} 本身，这个地址不能再打开一次（那会第二次使用它的 code）：看不出旧值是否仍能打开已登录的会话（会话固定），这一项没有判断。请手动确认登录会换发新的会话 id（Laravel 用 $request->session()->regenerate()），或者登录后跳转到一个显示登录用户（openid 或昵称）的页面，再运行 probe。',
    en: 'The login set {names} again with a new value, but a new value may only re-encrypt the same session (as Laravel does on every answer); the login ends on its callback, {url}, which cannot be opened again without using its code a second time: it cannot tell whether the old value still opens the signed-in session (session fixation), so that was not judged. Check by hand that the login issues a new session id ($request->session()->regenerate() in Laravel), or redirect after the login to a page that shows the signed-in user (their openid or nickname) and run probe again.',
  },
  'probe.session.renewed.untested_kept_callback': {
    zh: '登录保留了 {names} 原值，又给 {reissued} 换了新值，但新值可能只是把同一个会话重新加密（Laravel 每次响应都会这样做）；登录停在回调地址 {url} 本身，这个地址不能再打开一次（那会第二次使用它的 code）：看不出登录前的 cookie 是否仍能打开已登录的会话（会话固定），这一项没有判断。请手动确认登录会换发新的会话 id（Laravel 用 $request->session()->regenerate()），或者登录后跳转到一个显示登录用户（openid 或昵称）的页面，再运行 probe。',
    en: 'The login kept {names} as it was and set {reissued} again with a new value, but a new value may only re-encrypt the same session (as Laravel does on every answer); the login ends on its callback, {url}, which cannot be opened again without using its code a second time: it cannot tell whether the cookies from before the login still open the signed-in session (session fixation), so that was not judged. Check by hand that the login issues a new session id ($request->session()->regenerate() in Laravel), or redirect after the login to a page that shows the signed-in user (their openid or nickname) and run probe again.',
  },
  'probe.session.renewed.unclear_kept_page': {
    zh: '登录保留了 {names} 原值，又给 {reissued} 换了新值（新值可能仍代表同一个访问者，比如负载均衡每次响应都换值的 AWSALB，或重新加密的同一个会话）；登录后落到的 {url} 不显示登录的是谁，一个只带着登录前那些 cookie 的新浏览器打开它（HTTP {status}），得到的既不是用户登录后的页面，也不是不带 cookie 的浏览器得到的页面：看不出登录前的 cookie 是否仍能打开已登录的会话（会话固定），这一项没有判断。请手动确认登录会换发新的会话 id，或者让这个页面显示登录的用户（openid 或昵称），再运行 probe。',
    en: 'The login kept {names} as it was and set {reissued} again with a new value (which may still name the same visitor: a load balancer’s AWSALB, new on every answer, or the same session encrypted anew); the page the login ends on, {url}, does not show who is signed in, and a fresh browser with only the cookies from before the login gets there (HTTP {status}) neither the page the user got nor what a browser with no cookies gets: it cannot tell whether the cookies from before the login still open the signed-in session (session fixation), so that was not judged. Check by hand that the login issues a new session id, or have that page show the signed-in user (their openid or nickname) and run probe again.',
  },
  'probe.session.renewed.fix': {
    zh: '登录成功时给会话换一个新 id，再放回要保留的内容：express-session 用 req.session.regenerate()，Django 用 request.session.cycle_key()（login() 会自动做），PHP 用 session_regenerate_id(true)，Laravel 用 $request->session()->regenerate()，Java Servlet 用 request.changeSessionId()，Flask 先 session.clear() 再写入。',
    en: 'Give the session a new id when the login succeeds, then put back what it must keep: req.session.regenerate() (express-session), request.session.cycle_key() (Django; login() does it), session_regenerate_id(true) (PHP), $request->session()->regenerate() (Laravel), request.changeSessionId() (Java Servlet), session.clear() then set (Flask).',
  },
  'probe.session.renewed.none': {
    zh: '应用在把浏览器送去微信之前没有设置 cookie：没有需要更新的会话。',
    en: 'The app set no cookie before sending the browser to WeChat: there is no session for the login to renew.',
  },
  // ── session.per_user ──────────────────────────────────────────────────────────────────────────
  'probe.session.per_user.ok': {
    zh: '两个人同时登录，各自看到自己的账号：{secondName}（{second}）在另一个浏览器登录后，第一个浏览器的 {url} 仍显示 {firstName}（{first}）。',
    en: 'Two people signed in at once keep their own accounts: after {secondName} ({second}) logged in in another browser, {url} in the first browser still shows {firstName} ({first}).',
  },
  'probe.session.per_user.shows_second': {
    zh: '{secondName}（{second}）在另一个浏览器登录后，第一个浏览器的 {url} 原本显示 {firstName}（{first}），现在显示的却是 {secondName} 的账号（{what}）：应用把已登录的用户放在所有访客共用的地方，一个人会看到另一个人的账号。',
    en: 'After {secondName} ({second}) logged in in another browser, the first browser’s {url}, which showed {firstName} ({first}), shows {secondName}’s {what}: the app keeps the signed-in user where every visitor reads it, so one person sees another’s account.',
  },
  'probe.session.per_user.second_sees_first': {
    zh: '{secondName}（{second}）在 {firstName}（{first}）之后从另一个浏览器登录，落到的 {secondUrl} 显示的却是 {firstName} 的账号（{what}）：应用把之前的登录留下的用户交给了后来的访客，一个人会看到另一个人的账号。',
    en: '{secondName} ({second}), logging in in another browser after {firstName} ({first}), lands on {secondUrl}, which shows {firstName}’s {what}: the app hands a later visitor the user an earlier login left behind, so one person sees another’s account.',
  },
  'probe.session.per_user.shared_cookie': {
    zh: '{secondName}（{second}）在另一个浏览器登录后，两个浏览器显示了同一个人的账号；但两个浏览器都还带着 --cookie 给的 {names}，值没变：对网站来说它们是同一个访客（同一个会话或同一个站内账号），不能据此断定应用把用户放在了所有访客共用的地方。登录沿用了给定的会话的话，见 session.renewed。要判断这一项，让登录换发新的会话 id，或者对不需要 --cookie 的登录入口运行 probe。',
    en: 'After {secondName} ({second}) logged in in another browser, both browsers show one person’s account; but both still send {names} as --cookie gave it: to the site they are one visitor (one session, or one account of the site’s own), so this does not show that the app keeps the signed-in user where every visitor reads it. If the login kept the session it was given, see session.renewed. To judge this, have the login issue a new session id, or run probe on a login start that needs no --cookie.',
  },
  'probe.session.per_user.fix': {
    zh: '把已登录的用户存进每个访客自己的会话（req.session、$_SESSION、request.session、HttpSession），不要放在模块级变量、静态字段或单例里；用户的 access_token 和资料按 openid（或会话）缓存，不要按 appid 或 "wechat_user" 这样的固定键缓存。',
    en: 'Keep the signed-in user in the visitor’s own session (req.session, $_SESSION, request.session, HttpSession), never in a module-level variable, a static field or a singleton; cache user access_tokens and profiles under the user’s openid (or the session), never under the appid or a fixed key such as "wechat_user".',
  },
  'probe.session.per_user.at_callback': {
    zh: '登录停在回调页本身（{url}，地址里还带着 code，见 url.code_left）：再打开它就是再登录一次，看不出别人登录之后它显示的是谁的账号。',
    en: 'The login ends on the callback itself ({url}, the code still in its address; see url.code_left): opening it again would log in again, so whose account it shows after another login cannot be told.',
  },
  'probe.session.per_user.one_user': {
    zh: '模拟器的种子数据里只有一个用户，没有第二个人可以登录：在种子里再加一个用户（wxauth emulator --seed 文件；现有用户见 {emulator}/__emulator/seed）。',
    en: 'The emulator’s seed has only one user, so no second person can log in: add another to the seed (wxauth emulator --seed FILE; {emulator}/__emulator/seed shows the users).',
  },
  'probe.session.per_user.no_identity': {
    zh: '登录后落到的页面（{url}）既没有显示登录用户的 openid、unionid，也没有显示昵称，probe 看不出它显示的是谁的账号（页面之后再用脚本加载用户的话，probe 看不到）。',
    en: 'The page the login ends on ({url}) shows neither the openid, the unionid nor the nickname of who logged in, so probe cannot tell whose account it shows (a page that loads the user with script afterwards is out of its sight).',
  },
  'probe.session.per_user.no_follower': {
    zh: '测试号 {appid} 只有关注者才能授权登录，模拟器的种子里只有 {firstName}（{first}）关注了它，而这个模拟器没有 POST /__emulator/follow，不能让 {secondName}（{second}）临时关注：请更新模拟器，或者在种子文件里给另一个用户的 follows 加上这个测试号（wxauth emulator --seed 文件）。',
    en: 'Only followers may log in to the test account {appid}, only {firstName} ({first}) follows it in the emulator’s seed, and this emulator has no POST /__emulator/follow to make {secondName} ({second}) follow it for the test: update the emulator, or add the test account to another user’s "follows" in a seed file (wxauth emulator --seed FILE).',
  },
  'probe.session.per_user.second_unknown': {
    zh: '{secondName}（{second}）在另一个浏览器的登录停在 {secondUrl}（HTTP {status}），页面上看不出是谁，无法比较。',
    en: 'The login of {secondName} ({second}) in another browser ended on {secondUrl} (HTTP {status}), which shows no one, so there is nothing to compare.',
  },
  'probe.session.per_user.gone': {
    zh: '{secondName}（{second}）在另一个浏览器登录后，第一个浏览器的 {url}（HTTP {status}）两个用户都没有显示，看不出它显示的是谁的账号。',
    en: 'After {secondName} ({second}) logged in in another browser, the first browser’s {url} (HTTP {status}) shows neither user, so whose account it shows cannot be told.',
  },
  // ── unionid.absent ────────────────────────────────────────────────────────────────────────────
  'probe.unionid.absent.ok': {
    zh: '没有 unionid 时登录照样完成，每个人保留自己的账号：{firstName}（{first}）和 {secondName}（{second}）都在没有 unionid 的情况下登录，{secondName} 登录后落到的 {secondUrl} 显示的是 {secondName}，不是 {firstName}。',
    en: 'Without a unionid the login still completes and each person keeps their own account: {firstName} ({first}) and {secondName} ({second}) both logged in with none, and {secondName}’s login lands on {secondUrl}, which shows {secondName}, not {firstName}.',
  },
  'probe.unionid.absent.error_page': {
    zh: '微信的响应里没有 unionid 时（测试号、未绑定开放平台的应用、snsapi_base 都是这样），登录失败：{problem}。应用依赖一个微信不一定给的字段。',
    en: 'When WeChat’s answer carries no unionid (a test account, an app not bound to 开放平台, a snsapi_base login) the login fails: {problem}. The app depends on a field WeChat does not always give.',
  },
  'probe.unionid.absent.literal': {
    zh: '没有 unionid 时，{url} 把 "{value}" 当作用户的标识显示出来：缺失的 unionid 被转成了文字，所有没有 unionid 的用户都会得到同一个键，也就是同一个账号。',
    en: 'Without a unionid, {url} shows "{value}" where the user’s id belongs: the missing unionid was turned into text, and every user without one gets that same key, so the same account.',
  },
  'probe.unionid.absent.merged': {
    zh: '两个没有 unionid 的人被合并成了一个账号：{secondName}（{second}）在 {firstName}（{first}）之后从另一个浏览器登录，落到的 {secondUrl} 显示的却是 {firstName} 的账号（{what}）。应用把缺失的 unionid 当作账号的键，一个人会进入另一个人的账号。',
    en: 'Two people without a unionid are merged into one account: {secondName} ({second}), logging in in another browser after {firstName} ({first}), lands on {secondUrl}, which shows {firstName}’s {what}. The app keys accounts by the missing unionid, so one person enters another’s account.',
  },
  'probe.unionid.absent.merged_back': {
    zh: '两个没有 unionid 的人被合并成了一个账号：{secondName}（{second}）在另一个浏览器登录后，{firstName}（{first}）的浏览器里的 {url} 现在显示的是 {secondName} 的账号（{what}）。应用把缺失的 unionid 当作账号的键，后登录的人改写了先登录的人的账号。',
    en: 'Two people without a unionid are merged into one account: after {secondName} ({second}) logged in in another browser, {url} in the browser of {firstName} ({first}) shows {secondName}’s {what}. The app keys accounts by the missing unionid, so the later login overwrote the earlier person’s account.',
  },
  'probe.unionid.absent.second_failed': {
    zh: '{firstName}（{first}）没有 unionid 也能登录，但 {secondName}（{second}）随后没有 unionid 的登录失败了（{secondUrl}）：{problem}。多半是两个人撞上了同一个由缺失的 unionid 变成的键（唯一约束冲突）。',
    en: '{firstName} ({first}) could log in without a unionid, but the next login without one, by {secondName} ({second}), fails at {secondUrl}: {problem}. Most likely both met the same key made from the missing unionid (a unique constraint).',
  },
  // The second person's page shows no one without a unionid, and showed them with one (session.per_user's login).
  'probe.unionid.absent.second_turned_away': {
    zh: '{firstName}（{first}）没有 unionid 也能登录，但 {secondName}（{second}）没有 unionid 时进不了自己的账号：登录停在 {secondUrl}（HTTP {status}），页面上看不出是谁，而有 unionid 时同一个人登录后的页面显示的是他自己。多半是应用拿缺失的 unionid 去找账号，找到了 {firstName} 的（于是回答“已绑定”“已登录”之类）。',
    en: '{firstName} ({first}) could log in without a unionid, but {secondName} ({second}) without one does not get into their account: the login ends on {secondUrl} (HTTP {status}), which shows no one, where the same person’s login with a unionid showed them. Most likely the app looked the account up by the missing unionid and found {firstName}’s (and answered “already bound” or “already signed in”).',
  },
  'probe.unionid.absent.fix': {
    zh: '按 openid 识别用户，unionid 只在有的时候用：unionid 只出现在绑定了开放平台账号的应用的 snsapi_userinfo / snsapi_login 授权里（snsapi_base、测试号、未绑定的应用都没有）。读取时先判断它在不在，没有就退回 openid（例如键用 unionid ?? "openid:" + openid），绝不要把缺失的值（undefined、null、空字符串）当成键或写进数据库。',
    en: 'Identify users by openid and use the unionid only when there is one: it comes only with snsapi_userinfo / snsapi_login grants of apps bound to a 开放平台 account (never snsapi_base, a test account or an unbound app). Check that it is there, fall back to the openid when it is not (a key such as unionid ?? "openid:" + openid), and never use a missing value (undefined, null, "") as a key or store it.',
  },
  'probe.unionid.absent.skip_unbound': {
    zh: '模拟器里 {appid} 没有绑定开放平台账号（测试号从来不能绑定），所以它的登录本来就没有 unionid，正常登录已经是没有 unionid 的登录（见 login.completes）。',
    en: 'In the emulator {appid} is bound to no 开放平台 account (a test account never can be), so its logins never carry a unionid: the happy path already was a login without one (see login.completes).',
  },
  'probe.unionid.absent.skip_base': {
    zh: '登录用的是 {scope}，它的换取结果从来不带 unionid，应用不可能依赖它。',
    en: 'The login asks for {scope}, whose exchange never carries a unionid, so the app cannot depend on one.',
  },
  'probe.unionid.absent.skip_old_emulator': {
    zh: '{emulator} 上的模拟器没有 POST /__emulator/open-account（比这个 wxauth 旧），不能让应用临时收不到 unionid：请更新模拟器。',
    en: 'The emulator at {emulator} has no POST /__emulator/open-account (it is older than this wxauth), so the app cannot be made to get no unionid: update the emulator.',
  },
  'probe.unionid.absent.exchange_failed': {
    zh: '没有 unionid 的那次登录里，应用用 code 换取失败（errcode {errcode}），看不出缺少 unionid 会怎样。',
    en: 'In the login without a unionid the app’s exchange failed (errcode {errcode}), so what a missing unionid does cannot be seen.',
  },
  'probe.unionid.absent.no_identity': {
    zh: '没有 unionid 时登录照样完成，但落到的页面（{url}）既没有显示 openid 也没有显示昵称，probe 看不出两个没有 unionid 的人会不会被合并成一个账号。',
    en: 'Without a unionid the login still completes, but the page it ends on ({url}) shows neither the openid nor the nickname of who logged in, so probe cannot tell whether two people without one share an account.',
  },
  'probe.unionid.absent.one_user': {
    zh: '没有 unionid 时登录照样完成；模拟器的种子数据里只有一个用户，没有第二个人可以登录，看不出两个没有 unionid 的人会不会被合并（在种子里再加一个用户；现有用户见 {emulator}/__emulator/seed）。',
    en: 'Without a unionid the login still completes; the emulator’s seed has only one user, so whether two people without one share an account cannot be tested (add another to the seed; {emulator}/__emulator/seed shows the users).',
  },
  'probe.unionid.absent.no_follower': {
    zh: '没有 unionid 时登录照样完成；测试号 {appid} 只有关注者才能授权，而这个模拟器没有 POST /__emulator/follow，不能让 {secondName}（{second}）临时关注，看不出两个没有 unionid 的人会不会被合并：请更新模拟器，或者在种子文件里给另一个用户的 follows 加上这个测试号（wxauth emulator --seed 文件）。',
    en: 'Without a unionid the login still completes; only followers may log in to the test account {appid}, and this emulator has no POST /__emulator/follow to make {secondName} ({second}) follow it, so whether two people without a unionid share an account cannot be tested: update the emulator, or add the test account to another user’s "follows" in a seed file (wxauth emulator --seed FILE).',
  },
  'probe.unionid.absent.second_unknown': {
    zh: '没有 unionid 时登录照样完成；{secondName}（{second}）没有 unionid 的登录停在 {secondUrl}（HTTP {status}），页面上看不出是谁，无法比较。',
    en: 'Without a unionid the login still completes; the login of {secondName} ({second}) without one ended on {secondUrl} (HTTP {status}), which shows no one, so there is nothing to compare.',
  },
  'probe.unionid.absent.shared_cookie': {
    zh: '两个没有 unionid 的人看到了对方的账号，但两个浏览器都还带着 --cookie 给的 {names}，值没变：对网站来说它们是同一个访客，不能据此断定应用按缺失的 unionid 合并了账号。要判断这一项，让登录换发新的会话 id，或者对不需要 --cookie 的登录入口运行 probe。',
    en: 'Two people without a unionid see each other’s account, but both browsers still send {names} as --cookie gave it: to the site they are one visitor, so this does not show that the app merges accounts by the missing unionid. To judge this, have the login issue a new session id, or run probe on a login start that needs no --cookie.',
  },
  'probe.unionid.absent.same_as_per_user': {
    zh: '两个没有 unionid 的人看到了对方的账号，但有 unionid 时也一样（见 session.per_user）：先修好那个，这项才能判断。',
    en: 'Two people without a unionid see each other’s account, but so do two with one (see session.per_user): fix that first, then this can be judged.',
  },
  // session.per_user judged for this check but not asked for (--only unionid.absent): its row says "not selected".
  'probe.unionid.absent.same_as_per_user_unselected': {
    zh: '两个没有 unionid 的人看到了对方的账号，但有 unionid 时也一样：这是 session.per_user 查的问题（这次没有选它；加上 --only session.per_user 运行可以看到详情），先修好那个，这项才能判断。',
    en: 'Two people without a unionid see each other’s account, but so do two with one: that is session.per_user’s finding (not selected this run; run with --only session.per_user for its details); fix that first, then this can be judged.',
  },
  // The same under --skip session.per_user: its second login ran for this check all the same.
  'probe.unionid.absent.same_as_per_user_skipped': {
    zh: '两个没有 unionid 的人看到了对方的账号，但有 unionid 时也一样：这是 session.per_user 查的问题（这次用 --skip 跳过了它；去掉 --skip session.per_user 运行可以看到详情），先修好那个，这项才能判断。',
    en: 'Two people without a unionid see each other’s account, but so do two with one: that is session.per_user’s finding (skipped this run; run without --skip session.per_user for its details); fix that first, then this can be judged.',
  },
  'probe.url.code_left.fix': {
    zh: '回调处理完后用 302 重定向到一个不带 code、state 的地址。',
    en: 'After handling the callback, 302-redirect to an address without code and state.',
  },

  // ── state.forged / state.missing ──────────────────────────────────────────────────────────────
  'probe.state.forged.ok': { zh: '带伪造 state 的回调被拒绝，code 没有被换取。', en: 'The callback with a forged state was refused before the code was exchanged.' },
  'probe.state.forged.exchanged': { zh: '应用换取了一个带伪造 state 的 code（换取于 {at}）：登录 CSRF，攻击者能让受害者登进攻击者的账号。', en: 'The app exchanged a code that came with a forged state (exchanged at {at}): login CSRF — an attacker can sign the victim into the attacker’s account.' },
  'probe.state.forged.exchanged_no_state': { zh: '授权链接根本没有 state，应用换取了带伪造 state 的 code（换取于 {at}）。', en: 'The authorize URL carries no state at all, and the app exchanged a code with a forged state (exchanged at {at}).' },
  'probe.state.forged.ok_shared_cookie': {
    zh: '带伪造 state 的回调被拒绝，code 没有被换取。只测了这一半：应用发给另一个浏览器的 state 会不会被接受没有测，因为两个浏览器都还带着 --cookie 给的 {names}，值没变，对网站来说它们是同一个访客。要测这一半，对不需要 --cookie 的登录入口运行 probe，或者只给 --cookie 不代表访问者身份的 cookie。',
    en: 'The callback with a forged state was refused before the code was exchanged. Only that half was tested: whether the app takes a state it gave another browser was not, since both browsers send {names} as --cookie gave it, so to the site they are one visitor. To test it, run probe on a login start that needs no --cookie, or give --cookie only cookies that do not say who the visitor is.',
  },
  'probe.state.forged.ok_no_other_state': {
    zh: '带伪造 state 的回调被拒绝，code 没有被换取。只测了这一半：应用发给另一个浏览器的 state 会不会被接受没有测，因为再次发起的两次登录里有一次的授权链接没有 state。',
    en: 'The callback with a forged state was refused before the code was exchanged. Only that half was tested: whether the app takes a state it gave another browser was not, since one of two more logins started came back with no state in its authorize URL.',
  },
  'probe.state.forged.ok_other': {
    zh: '带伪造 state 的回调和带着应用发给另一个浏览器的 state 的回调都被拒绝了，code 都没有被换取。',
    en: 'The callbacks with a forged state and with a state the app gave another browser were both refused before their codes were exchanged.',
  },
  'probe.state.forged.exchanged_other': {
    zh: '应用拒绝了编造的 state，却换取了一个带着它发给另一个浏览器的 state 的 code（换取于 {at}）：它的 state 没有和访问者的会话绑定，攻击者拿自己那次登录的 state 和 code 就能让受害者登进攻击者的账号（登录 CSRF）。',
    en: 'The app refused a made-up state, but exchanged a code that came with a state it had given another browser (exchanged at {at}): its states are not tied to the visitor’s session, so an attacker’s own state and code sign the victim into the attacker’s account (login CSRF).',
  },
  'probe.state.forged.exchanged_same': {
    zh: '应用拒绝了编造的 state，却换取了一个带着它发给另一个浏览器的 state 的 code（换取于 {at}）：每次登录拿到的 state 都一样，这样的 state 挡不住登录 CSRF。',
    en: 'The app refused a made-up state, but exchanged a code that came with a state it had given another browser (exchanged at {at}): every login gets the same state, which stops no login CSRF.',
  },
  'probe.state.forged.fix_other': {
    zh: '每次发起授权生成新的随机 state，存进访问者自己的会话（或一个只属于这个浏览器的 cookie）；回调时只和这个会话里的 state 比较，不要查一个所有人共用的 state 列表或缓存，也不要只校验签名。',
    en: 'Generate a new random state for each login and keep the state in the visitor’s own session (or a cookie only that browser holds); on the callback compare it with that session’s state only, never with a list or cache of states every visitor shares, nor by a signature alone.',
  },
  'probe.state.forged.fix': {
    zh: '发起授权时生成随机 state 存进会话；回调时先比较 state，不一致就拒绝，不要去换取 code。',
    en: 'Generate a random state per login and keep it in the session; on the callback compare it first and refuse a mismatch without exchanging the code.',
  },
  'probe.state.missing.ok': { zh: '不带 state 的回调被拒绝，code 没有被换取。', en: 'The callback without a state was refused before the code was exchanged.' },
  'probe.state.missing.exchanged': { zh: '应用换取了一个不带 state 的 code（{at}）。', en: 'The app exchanged a code that came without any state ({at}).' },
  'probe.state.missing.exchanged_no_state': { zh: '授权链接根本没有 state，应用换取了不带 state 的 code（{at}）。', en: 'The authorize URL carries no state at all, and the app exchanged a code that came without one ({at}).' },
  'probe.state.missing.fix': {
    zh: '缺少 state 和 state 不一致同样处理：拒绝，不换取 code。',
    en: 'Treat a missing state like a wrong one: refuse it, do not exchange the code.',
  },

  // ── consent.denied / code.expired / wechat.busy ───────────────────────────────────────────────
  'probe.consent.denied.ok': { zh: '用户拒绝授权时应用正常应答（HTTP {status}）。', en: 'When the user refuses consent the app answers normally (HTTP {status}).' },
  'probe.consent.denied.error_page': { zh: '用户拒绝授权（回调只有 state）时应用出错：{problem}。', en: 'When the user refuses consent (a callback with state only) the app fails: {problem}.' },
  'probe.consent.denied.fix': {
    zh: '回调没有 code 时说明用户拒绝了：显示“已取消登录”并提供重新登录的入口。',
    en: 'A callback without a code means the user refused: show “login cancelled” with a way to try again.',
  },
  'probe.code.expired.ok': { zh: 'code 过期（微信返回 40029）时应用正常应答（HTTP {status}）。', en: 'With an expired code (WeChat answers 40029) the app answers normally (HTTP {status}).' },
  'probe.code.expired.error_page': { zh: 'code 过期（微信返回 40029）时应用出错：{problem}。', en: 'With an expired code (WeChat answers 40029) the app fails: {problem}.' },
  'probe.fix.stack': {
    zh: '不要把堆栈跟踪（{runtime}）发给浏览器：捕获这个错误，显示你自己的简短页面（Express 在 NODE_ENV 不是 production 时会输出堆栈；Flask/Django 的 debug 模式、PHP 的 display_errors 也一样）。然后：{then}',
    en: 'Never send a stack trace ({runtime}) to the browser: catch the error and show a short page of your own (Express prints the stack unless NODE_ENV=production; Flask’s or Django’s debug mode and PHP’s display_errors do too). Then: {then}',
  },
  'probe.fix.status_only': {
    zh: '页面本身可以保留（它给了用户重试的路），问题在状态码：用 200（或 4xx）返回它，不要用 {status}。5xx 表示服务器坏了：监控会报警，代理和 CDN 可能换成它们自己的错误页。',
    en: 'The page itself can stay (it gives the user a way to retry); its status is what is wrong: send it with 200 (or a 4xx), not {status}. A 5xx says the server broke: monitoring alerts, and proxies and CDNs may swap in their own error page.',
  },
  'probe.code.expired.fix': {
    zh: '换取失败（40029、40163 等）时不要抛异常到 5xx：重新发起授权，或显示可重试的页面。',
    en: 'When the exchange fails (40029, 40163…), do not let it become a 5xx: start the authorization again or show a page to retry from.',
  },
  'probe.wechat.busy.ok': { zh: '微信繁忙（-1）和返回 HTTP 500 时，应用都再次换取 code，完成了登录。', en: 'Both when WeChat is busy (-1) and on its HTTP 500, the app sends the exchange again and the login completes.' },
  'probe.wechat.busy.ok_page': {
    zh: '微信返回 {fault} 时，应用显示自己的页面让用户重试（HTTP {status}）。',
    en: 'When WeChat answers {fault}, the app shows its own page to try again from (HTTP {status}).',
  },
  'probe.wechat.busy.ok_upstream_page': {
    zh: '微信返回 {fault} 时，应用显示自己的页面让用户重试（HTTP {status}）：上游失败用这个状态码是合适的。',
    en: 'When WeChat answers {fault}, the app shows its own page to try again from (HTTP {status}): a fitting status for WeChat’s failure.',
  },
  'probe.wechat.busy.error_page': { zh: '微信返回 {fault} 时应用出错：{problem}。', en: 'When WeChat answers {fault}, the app fails: {problem}.' },
  'probe.wechat.busy.fix': {
    zh: '微信返回 {fault} 之后回调一直没有应答：它在等一个不会来的结果（无限重试、永远不结束的 Promise、没有超时的请求）。换取请求要设超时；errcode -1 或 HTTP 5xx 时最多重试一次，仍失败就显示“微信繁忙，请重试”的页面。',
    en: 'After WeChat’s {fault} the callback never answered: it waits on something that will not come (a retry loop, a promise never settled, a call without a timeout). Give the exchange a timeout, retry at most once on errcode -1 or HTTP 5xx, and then show a page saying WeChat is busy, with a way to try again.',
  },
  'probe.wechat.busy.fix.stalled': {
    zh: '微信返回 {fault} 之后，回调已经开始应答（HTTP {status}），之后却卡住了：页面一直没有传完。出错分支把应答留着没结束：每个分支都要结束应答（res.end()、关闭流），Content-Length 不能比实际写出的内容大，也确认前面的代理没有缓冲应答；然后显示“微信繁忙，请重试”的页面。',
    en: 'After WeChat’s {fault} the callback began to answer (HTTP {status}) and then hung: its page never finished. The error path leaves the answer open: end it on every path (res.end(), the stream closed), send no Content-Length larger than the body written, and check that no proxy in front buffers it; then show a page saying WeChat is busy, with a way to try again.',
  },
  'probe.wechat.busy.fix.unhandled': {
    zh: 'HTTP {status} 说明是你自己的服务器出错（未处理的异常）。捕获换取的失败（errcode -1、HTTP 5xx、超时），显示“微信繁忙，请重试”的页面，状态码用 502 或 503（说明是微信失败了）、4xx 或 200；先重试一次换取也可以。',
    en: 'HTTP {status} says your own server broke (an unhandled error). Catch the exchange’s failure (errcode -1, HTTP 5xx, a timeout) and show a page saying WeChat is busy, with a way to try again, sent as 502 or 503 (WeChat failed), a 4xx or 200; retrying the exchange once first is fine too.',
  },
  'probe.wechat.busy.fix.catch': {
    zh: '捕获换取的失败（errcode -1、HTTP 5xx、超时），显示“微信繁忙，请重试”的页面，状态码用 502 或 503（说明是微信失败了）、4xx 或 200；先重试一次换取也可以。',
    en: 'Catch the exchange’s failure (errcode -1, HTTP 5xx, a timeout) and show a page saying WeChat is busy, with a way to try again, sent as 502 or 503 (WeChat failed), a 4xx or 200; retrying the exchange once first is fine too.',
  },
  'probe.wechat.busy.fix.status_only': {
    zh: '页面本身可以保留（它给了用户重试的路），问题在状态码：HTTP {status} 表示你自己的服务器坏了。微信失败时用 502 或 503（或 4xx、200）返回这个页面。',
    en: 'The page itself can stay (it gives the user a way to retry); its status is what is wrong: HTTP {status} says your own server broke. When WeChat fails, send that page as 502 or 503 (or a 4xx, or 200).',
  },
  'probe.wechat.busy.empty': {
    zh: '微信返回 {fault} 时，应用返回 HTTP {status}，页面却是空的：用户什么也做不了。',
    en: 'When WeChat answers {fault}, the app answers HTTP {status} with an empty page: the user is left with nothing to do.',
  },
  'probe.wechat.busy.fix.empty': {
    zh: 'HTTP {status} 可以保留，但要给它一个页面：说明微信暂时繁忙，并链接到登录入口让用户重试。',
    en: 'HTTP {status} can stay, but give it a page: say WeChat is busy for now, and link to the login start so the user can try again.',
  },
  'probe.wechat.busy.no_way_on': {
    zh: '微信返回 {fault} 时，应用用 HTTP {status} 显示了一个页面，但没有给用户重试的路（没有链接或表单）。',
    en: 'When WeChat answers {fault}, the app shows a page with HTTP {status}, but no way to try again (no link or form).',
  },
  'probe.wechat.busy.fix.no_way_on_errcode': {
    zh: 'HTTP {status} 可以保留，但页面只有微信的错误（{fault}），用户看不懂，也不知道下一步做什么：写明微信暂时繁忙，并加一个回到登录入口的链接让用户重试；错误码记到服务器日志里。',
    en: 'HTTP {status} can stay, but the page shows only WeChat’s failure ({fault}), which tells a user nothing they can act on: say that WeChat is busy for now, add a link back to the login start so they can try again, and keep the errcode for your server’s log.',
  },
  'probe.wechat.busy.fix.no_way_on': {
    zh: 'HTTP {status} 和页面都可以保留；加一个回到登录入口的链接，让用户重试。',
    en: 'HTTP {status} and the page can stay; add a link back to the login start so the user can try again.',
  },

  // ── wechat.slow ──────────────────────────────────────────────────────────────────────────────
  'probe.wechat.slow.ok': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求；应用一直等到响应，完成了登录（HTTP {status}，回调在 {took} 毫秒后应答）。',
    en: 'WeChat took {delay} ms to answer the code exchange; the app waited for it and completed the login (HTTP {status}, the callback answered after {took} ms).',
  },
  'probe.wechat.slow.ok_gave_up': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求；应用在 {took} 毫秒后放弃等待，没有再用同一个 code 换取，并显示了可以重试的页面（HTTP {status}）。超时设得比 {delay} 毫秒长，用户就能直接登录。',
    en: 'WeChat took {delay} ms to answer the code exchange; the app gave up after {took} ms without sending the code again, and showed a page to try again from (HTTP {status}). A timeout above {delay} ms would have signed the user in.',
  },
  'probe.wechat.slow.retried': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 {attempts} 次）：微信在第一次请求到达时就用掉了这个 code，所以重试得到 {errcode}（code been used），用户看到登录失败：{problem}。',
    en: 'WeChat took {delay} ms to answer the code exchange, and the app sent the same code again (exchanges: {attempts}): WeChat had spent it on the first request, so the retry got {errcode} (code been used) and the user sees the login fail: {problem}.',
  },
  // The retry was refused as WeChat refuses it, and the page after it shows no error probe can tell.
  'probe.wechat.slow.retried_unseen': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 {attempts} 次）：微信在第一次请求到达时就用掉了这个 code，所以重试得到 {errcode}（code been used）。登录最后停在 {url}（HTTP {status}），页面上没有 probe 认得出的错误：除非应用最后用上了第一次请求迟到的响应，用户在那里并没有登录成功；即使用上了，重试也是白发的。',
    en: 'WeChat took {delay} ms to answer the code exchange, and the app sent the same code again (exchanges: {attempts}): WeChat had spent it on the first request, so the retry got {errcode} (code been used). The login ended on {url} (HTTP {status}) with no error probe can recognise: unless the app signed the user in with the first request’s late answer after all, the user is not signed in there; and if it did, the retry was sent for nothing.',
  },
  // The retry was refused, and the page after it shows the user signed in: the first request's late answer did it.
  'probe.wechat.slow.retried_signed_in': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 {attempts} 次）：微信在第一次请求到达时就用掉了这个 code，所以重试得到 {errcode}（code been used）。登录最后停在 {url}（HTTP {status}），页面显示了这个用户的 {what}：应用用第一次请求迟到的响应让用户登录了，这次用户没受影响；但重试是白发的，永远只会得到 {errcode}，第一次请求真的失败时它也帮不上忙。',
    en: 'WeChat took {delay} ms to answer the code exchange, and the app sent the same code again (exchanges: {attempts}): WeChat had spent it on the first request, so the retry got {errcode} (code been used). The login ended on {url} (HTTP {status}), which shows the user’s {what}: the app signed the user in with the first request’s late answer, so this time the user saw no harm; but the retry was sent for nothing, can only ever get {errcode}, and cannot help when the first request really fails.',
  },
  // An emulator from before the delay fault answered late but acted on arrival: the retry took the code.
  'probe.wechat.slow.retried_old_emulator': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 {attempts} 次）。这里登录完成了（HTTP {status}），只是因为 {emulator} 上的模拟器比这个 wxauth 旧：它等够时间才处理迟到的请求，于是重试拿到了用户，迟到的请求得到 {errcode}。真实微信在请求到达时就用掉 code，重试会得到 {errcode}（code been used），用户看到登录失败。更新模拟器，就能看到用户会看到的结果。',
    en: 'WeChat took {delay} ms to answer the code exchange, and the app sent the same code again (exchanges: {attempts}). The login completed here (HTTP {status}) only because the emulator at {emulator} is older than this wxauth: it served the late request after the wait, so the retry got the user and the late request {errcode}. WeChat spends a code when the request arrives, so there the retry gets {errcode} (code been used) and the user sees the login fail. Update the emulator to see what users would.',
  },
  'probe.wechat.slow.retried_no_answer': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 {attempts} 次）：微信在第一次请求到达时就用掉了这个 code，所以重试得到 {errcode}（code been used）；之后回调一直没有应答，微信响应后又过了 {timeout} 毫秒仍没有（--timeout）：用户一直在等。',
    en: 'WeChat took {delay} ms to answer the code exchange, and the app sent the same code again (exchanges: {attempts}): WeChat had spent it on the first request, so the retry got {errcode} (code been used); then the callback never answered, still nothing {timeout} ms after WeChat’s answer (--timeout): the user is left waiting.',
  },
  'probe.wechat.slow.fix.retried_no_answer': {
    zh: '{retry}另外，出错时回调也必须应答：这次重试失败后它一直没有回应浏览器；检查出错分支有没有漏掉应答（永远不结束的 Promise、吞掉的异常）。',
    en: '{retry} And answer the browser when it fails: after the retry failed the callback never answered; check that no error path leaves the request unanswered (a promise never settled, a swallowed exception).',
  },
  'probe.wechat.slow.retried_stalled': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 {attempts} 次）：微信在第一次请求到达时就用掉了这个 code，所以重试得到 {errcode}（code been used）；之后回调开始应答（HTTP {status}）却卡住了：微信响应后又过了 {timeout} 毫秒页面仍没有传完（--timeout），用户的浏览器一直在转圈。',
    en: 'WeChat took {delay} ms to answer the code exchange, and the app sent the same code again (exchanges: {attempts}): WeChat had spent it on the first request, so the retry got {errcode} (code been used); then the callback began to answer (HTTP {status}) and hung: its page had not finished {timeout} ms after WeChat’s answer (--timeout), and the user’s browser keeps loading.',
  },
  'probe.wechat.slow.fix.retried_stalled': {
    zh: '{retry}另外，出错时回调也必须把页面传完：这次重试失败后它开始应答却一直没有结束；检查出错分支有没有结束应答（res.end()、关闭流），Content-Length 是否比实际写出的内容大，前面的代理是否在缓冲应答。',
    en: '{retry} And finish the page when it fails: after the retry failed the callback began to answer and never ended its page; check that the error path ends the answer (res.end(), the stream closed), that no Content-Length is larger than the body written, and that no proxy in front buffers it.',
  },
  'probe.wechat.slow.fix': {
    zh: '不要重试换取 code 的请求：code 只能用一次，即使微信响应得晚，第一次请求也已经用掉了它，重试只会得到 {errcode}。给 /sns/oauth2/access_token 关掉重试（got：retry.limit 设为 0；urllib3：Retry(read=0)；axios-retry：不要用在这个调用上；SDK 自带的或自己写的重试循环），或者只在请求还没发出去的连接错误时重试；把它的超时设得比 {delay} 毫秒长得多（10 秒以上）。仍然超时就显示一个重新发起登录（拿新 code）的页面。',
    en: 'Do not retry a code exchange: a code is single-use, and WeChat spends it on the first request even when its answer comes late, so a retry can only get {errcode}. Turn retries off for /sns/oauth2/access_token (got: retry.limit 0; urllib3: Retry(read=0); axios-retry: not on this call; an SDK’s retry loop or your own), or retry only on a connect error, before the request went out; and give it a timeout well above {delay} ms (10 s or more). If it still times out, show a page that starts the login again, with a new code.',
  },
  'probe.wechat.slow.no_answer': {
    zh: '微信在 {delay} 毫秒后响应了换取 code 的请求，回调在那之后又过了 {timeout} 毫秒仍没有应答（--timeout）：用户一直在等。',
    en: 'WeChat answered the code exchange after {delay} ms, and the callback had still not answered {timeout} ms later (--timeout): the user is left waiting.',
  },
  'probe.wechat.slow.fix.no_answer': {
    zh: '微信慢的时候回调也要应答：给换取设超时（比如 10 秒），超时了就显示一个重新发起登录的页面（不要用同一个 code 再换一次）；检查出错分支有没有漏掉应答（永远不结束的 Promise、吞掉的异常）。',
    en: 'The callback must answer even when WeChat is slow: give the exchange a timeout (10 s, say), and when it fires answer with a page that starts the login again (never the same code twice); check that no error path leaves the request unanswered (a promise never settled, a swallowed exception).',
  },
  'probe.wechat.slow.stalled': {
    zh: '微信在 {delay} 毫秒后响应了换取 code 的请求，回调之后开始应答（HTTP {status}）却卡住了：又过了 {timeout} 毫秒页面仍没有传完（--timeout），用户的浏览器一直在转圈。',
    en: 'WeChat answered the code exchange after {delay} ms; the callback then began to answer (HTTP {status}) and hung: its page had not finished {timeout} ms later (--timeout), and the user’s browser keeps loading.',
  },
  'probe.wechat.slow.fix.stalled': {
    zh: '微信慢的时候回调也要把页面传完：给换取设超时（比如 10 秒），超时了就显示一个重新发起登录的页面（不要用同一个 code 再换一次）；检查这个分支有没有结束应答（res.end()、关闭流），Content-Length 是否比实际写出的内容大，前面的代理是否在缓冲应答。',
    en: 'The callback must finish its page even when WeChat is slow: give the exchange a timeout (10 s, say), and when it fires answer with a page that starts the login again (never the same code twice); check that this path ends the answer (res.end(), the stream closed), that no Content-Length is larger than the body written, and that no proxy in front buffers it.',
  },
  'probe.wechat.slow.error_page': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用在 {took} 毫秒后放弃等待并出错：{problem}。',
    en: 'WeChat took {delay} ms to answer the code exchange; the app gave up after {took} ms and fails: {problem}.',
  },
  'probe.wechat.slow.empty': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用在 {took} 毫秒后放弃等待，返回 HTTP {status}，页面却是空的：用户什么也做不了。',
    en: 'WeChat took {delay} ms to answer the code exchange; the app gave up after {took} ms and answers HTTP {status} with an empty page: the user is left with nothing to do.',
  },
  'probe.wechat.slow.no_way_on': {
    zh: '微信用了 {delay} 毫秒才响应换取 code 的请求，应用在 {took} 毫秒后放弃等待，用 HTTP {status} 显示了一个页面，但没有给用户重试的路（没有链接或表单）。',
    en: 'WeChat took {delay} ms to answer the code exchange; the app gave up after {took} ms and shows a page with HTTP {status}, but no way to try again (no link or form).',
  },
  'probe.wechat.slow.fix.page': {
    zh: '换取超时了就显示自己的页面：说明微信暂时很慢，并链接到登录入口让用户重新登录（拿新 code；旧的可能已经被用掉），状态码用 502、503、504、4xx 或 200，不要是你自己的 500，也不要是空页面；不要用同一个 code 再换一次。超时设得比 {delay} 毫秒长，多数用户就不会看到这个页面。',
    en: 'When the exchange times out, show a page of your own: say WeChat is slow right now and link to the login start so the user can log in again with a new code (the old one may be spent), sent as 502, 503, 504, a 4xx or 200 — not a 500 of your own, not an empty page; and do not send the same code again. A timeout above {delay} ms spares most users that page.',
  },
  'probe.wechat.slow.failed_after_wait': {
    zh: '微信在 {delay} 毫秒后响应了换取 code 的请求，应用也等到了，但登录仍然出错：{problem}。',
    en: 'WeChat answered the code exchange after {delay} ms and the app waited for it, yet the login ends in an error: {problem}.',
  },
  'probe.wechat.slow.fix.after_wait': {
    zh: '微信这次迟到的响应和正常登录时一样带着用户：看看换取用了 {delay} 毫秒时回调后面做了什么——寿命很短的 state 或会话、这段时间里超时的锁或数据库调用。',
    en: 'WeChat’s late answer carried the user, as on the happy path: look at what the callback does when the exchange took {delay} ms — a state or session with a short lifetime, a lock or a database call that timed out meanwhile.',
  },
  'probe.wechat.slow.skip_no_exchange': {
    zh: '这个场景里回调 {path} 没有换取 code（正常登录时换了），这项无法判断。',
    en: 'In this scenario the callback {path} did not exchange the code (it did on the happy path), so this cannot be judged.',
  },
  'probe.wechat.slow.skip_twice': {
    zh: '应用每个 code 都要换 {attempts} 次（见 code.exchanged_once），看不出它是不是在超时后重试。',
    en: 'The app exchanges every code {attempts} times (see code.exchanged_once), so a retry on its own timeout cannot be told apart here.',
  },

  // ── secrets.leak ──────────────────────────────────────────────────────────────────────────────
  'probe.secrets.leak.ok': { zh: '在应用给浏览器的 {responses} 个应答里没有找到 appsecret 或 token。', en: 'No appsecret or token in the app’s answers to the browser ({responses} in all).' },
  'probe.secrets.leak.leaked_several': {
    zh: '{what} 等几种秘密（{kinds}）出现在应用给浏览器的应答里（第一处：{where}，{url}）；共 {count} 处。',
    en: 'The {what} and other secrets ({kinds}) appear in what the app sent the browser (first: {where}, {url}); places found in all: {count}.',
  },
  'probe.secrets.leak.leaked': { zh: '{what} 出现在应用给浏览器的应答里（{where}，{url}）；共 {count} 处。', en: 'The {what} appears in what the app sent the browser ({where}, {url}); places found in all: {count}.' },
  'probe.where.headers': { zh: '响应头', en: 'headers' },
  'probe.what.appsecret': { zh: 'appsecret', en: 'appsecret' },
  'probe.what.access_token': { zh: 'access_token', en: 'access_token' },
  'probe.what.refresh_token': { zh: 'refresh_token', en: 'refresh_token' },
  'probe.what.basic_token': { zh: '基础 access_token', en: 'basic access_token' },
  'probe.what.jsapi_ticket': { zh: 'jsapi_ticket', en: 'jsapi_ticket' },
  'probe.what.openid': { zh: 'openid', en: 'openid' },
  'probe.what.unionid': { zh: 'unionid', en: 'unionid' },
  'probe.what.nickname': { zh: '昵称', en: 'nickname' },
  'probe.where.body': { zh: '正文', en: 'body' },
  'probe.where.headers_base64': { zh: '响应头里 base64 编码的内容，例如会话 cookie', en: 'base64-encoded in the headers, a session cookie say' },
  'probe.where.body_base64': { zh: '正文里 base64 编码的内容', en: 'base64-encoded in the body' },
  'probe.where.headers_hex': { zh: '响应头里十六进制编码的内容', en: 'hex-encoded in the headers' },
  'probe.where.body_hex': { zh: '正文里十六进制编码的内容', en: 'hex-encoded in the body' },
  'probe.secrets.leak.fix': {
    zh: 'appsecret 只留在服务器上：不要把它写进页面、脚本、HTML 注释或 URL；错误页只给用户一句话和一个 rid，不要输出请求 URL、异常详情或配置。立刻在公众平台重置 appsecret。',
    en: 'Keep the appsecret on the server: never in a page, a script, an HTML comment or a URL; an error page gives the user a sentence and a rid, never the request URL, the exception or the config. Reset the appsecret in the WeChat console now.',
  },
  'probe.secrets.leak.fix.basic': {
    zh: '基础 access_token 和 jsapi_ticket 只留在服务器上：拿到基础 token 的人能调用整个公众号的接口。页面需要 JS-SDK 签名时，在服务器上算好 signature 再给页面，不要给 ticket 或 token。已经泄露的，用 stable_token 的 force_refresh=true 换掉它（旧的随即失效）。',
    en: 'Keep the basic access_token and the jsapi_ticket on the server: whoever has the basic token can call the whole account\'s API. When a page needs a JS-SDK signature, compute it on the server and send the signature, never the ticket or the token. For one that leaked, replace it with stable_token and force_refresh=true (the old one stops working at once).',
  },
  'probe.secrets.leak.fix.token': {
    zh: '微信的 access_token、refresh_token 只留在服务器上：页面只需要你自己的会话（cookie），不要把 token 写进 HTML、脚本或 URL。拿到它的人在它过期前（access_token 2 小时，refresh_token 30 天）能以这个用户的身份调用接口；线上泄露过的，让用户重新授权以换掉它们。',
    en: 'Keep WeChat’s access_token and refresh_token on the server: the page needs only your own session (a cookie), never the token in HTML, script or a URL. Whoever has it can call the API as that user until it expires (access_token 2 h, refresh_token 30 days); for tokens leaked in production, have the users authorize again to replace them.',
  },

  // ── redirect.open ─────────────────────────────────────────────────────────────────────────────
  'probe.redirect.open.ok': { zh: '登录后没有跟随 {param} 里的外站地址。', en: 'After the login the foreign URL in {param} was not followed.' },
  'probe.redirect.open.followed': { zh: '登录后应用跳到了 {param} 里的外站地址 {url}：开放重定向，可被用来钓鱼。', en: 'After the login the app redirected to the foreign URL in {param}, {url}: an open redirect phishers can use.' },
  'probe.redirect.open.skip_no_param': { zh: '登录入口没有跳回参数（如 {names}）；有的话用 --return-param 指明。', en: 'The login start has no return-to parameter (such as {names}); name it with --return-param.' },
  'probe.redirect.open.fix': {
    zh: '只接受以单个 / 开头的站内路径（拒绝 //host 和绝对地址），或按白名单校验主机。',
    en: 'Accept only same-site paths starting with a single / (refuse //host and absolute URLs), or check the host against an allow-list.',
  },

  // ── basic_token.per_login ─────────────────────────────────────────────────────────────────────
  'probe.basic_token.per_login.ok': { zh: '登录过程中没有调用 /cgi-bin/token。', en: 'The login did not call /cgi-bin/token.' },
  'probe.basic_token.per_login.fetched': {
    zh: '登录一再调用 /cgi-bin/token（{logins} 个场景里共 {count} 次）：会让其他服务器手里的 token 失效（40001），并消耗每日 {quota} 次的额度。',
    en: 'Logins call /cgi-bin/token again and again ({count} calls in {logins} scenarios): it knocks out the token your other servers hold (40001) and eats the {quota}-a-day quota.',
  },
  'probe.basic_token.per_login.once': {
    zh: '只有一次登录调用了 /cgi-bin/token（1 次，填充空的缓存），其余登录沿用了它（共 {logins} 次登录）。',
    en: 'Only one login called /cgi-bin/token, once (an empty cache being filled); the others reused the token ({logins} logins).',
  },
  'probe.basic_token.per_login.once_alone': {
    zh: '登录调用了一次 /cgi-bin/token：可能是刚启动的应用在填充空的缓存；这次没有第二次登录可以分辨（共 {logins} 次登录）。',
    en: 'The login called /cgi-bin/token once: an app just started filling an empty cache, most likely; no second login ran to tell ({logins} logins).',
  },
  'probe.basic_token.per_login.fix': {
    zh: '网页授权不需要基础 access_token。需要它时集中获取并缓存 7200 秒，或改用 /cgi-bin/stable_token（不带 force_refresh）。',
    en: 'Web authorization needs no basic access_token. When you need one, fetch it in one place and cache it for 7200 s, or use /cgi-bin/stable_token without force_refresh.',
  },

  // ── basic_token.rejected ──────────────────────────────────────────────────────────────────────
  'probe.basic_token.rejected.ok': {
    zh: '{path} 返回 40001（基础 token 被别处顶掉）时，应用重新取 token 并重试，登录正常完成。',
    en: 'When {path} answered 40001 (the basic token knocked out elsewhere), the app fetched a token again, retried, and the login completed.',
  },
  'probe.basic_token.rejected.not_retried': {
    zh: '{path} 返回 40001 后应用没有重试：登录虽然完成了，这次调用要拿的东西（例如关注状态）却没拿到。',
    en: 'After {path} answered 40001 the app did not retry: the login completed, but what that call was for (the subscription state, say) is missing.',
  },
  'probe.basic_token.rejected.same_token': {
    zh: '{path} 返回 40001 后应用用同一个 token 重试了，这里碰巧成功；在微信上被顶掉的 token 不会再有效，重试前要重新获取 token。',
    en: 'After {path} answered 40001 the app retried with the same token, which happened to work here; on WeChat a token knocked out stays dead, so fetch one again before retrying.',
  },
  'probe.basic_token.rejected.token_war': {
    zh: '{path} 返回 40001 后应用重试成功了，但它是用 /cgi-bin/token 重新取的 token：每取一次都会让你其他服务器手里的 token 失效，下一次 40001 就从这里开始。',
    en: 'After {path} answered 40001 the app retried and succeeded, but it fetched the token again with /cgi-bin/token: each such fetch knocks out the token your other servers hold, which starts the next 40001.',
  },
  'probe.basic_token.rejected.forced': {
    zh: '{path} 返回 40001 后应用重试成功了，但它是用 stable_token 的 force_refresh=true 重新取的 token：强制刷新会让你其他服务器手里的 stable token 立即失效（每天最多 20 次），下一次 40001 就从这里开始。',
    en: 'After {path} answered 40001 the app retried and succeeded, but it fetched the token again with stable_token and force_refresh=true: a forced refresh invalidates at once the stable token your other servers hold (20 a day at most), which starts the next 40001.',
  },
  'probe.basic_token.rejected.refused': {
    zh: '{path} 返回 40001（基础 token 被别处顶掉）后登录没有完成：应用给出了 HTTP {status} 的页面。',
    en: 'After {path} answered 40001 (the basic token knocked out elsewhere) the login did not complete: the app answered HTTP {status}.',
  },
  'probe.basic_token.rejected.error_page': {
    zh: '{path} 返回 40001（基础 token 被别处顶掉）时应用出错：{problem}。',
    en: 'When {path} answers 40001 (the basic token knocked out elsewhere), the app fails: {problem}.',
  },
  'probe.basic_token.rejected.skip_no_call': {
    zh: '登录过程中没有用基础 access_token 调用 /cgi-bin 接口，这项无需测试。',
    en: 'The login makes no /cgi-bin call with a basic access_token, so there is nothing to test.',
  },
  'probe.basic_token.rejected.skip_no_call_unfinished': {
    zh: '登录没有顺利走完（见 login.completes），走到的部分里没有用基础 access_token 调用 /cgi-bin 接口，这项无法测试。',
    en: 'The login did not go through (see login.completes), and as far as it got it made no /cgi-bin call with a basic access_token, so this cannot be tested.',
  },
  'probe.basic_token.rejected.skip_call_failed': {
    zh: '正常登录时应用对 {path} 的调用就已失败（{answer}），再模拟 40001 也测不出什么；先解决这个错误，再运行 probe。',
    en: 'In the normal login the app\'s call to {path} already failed ({answer}), so a planted 40001 would test nothing; fix that first, then run probe again.',
  },
  'probe.basic_token.rejected.skip_not_called': {
    zh: '这次登录没有再调用 {path}，这项无法判断。',
    en: 'This time the login did not call {path} again, so this cannot be judged.',
  },
  'probe.basic_token.rejected.fix': {
    zh: '调用 /cgi-bin 接口得到 40001、40014 或 42001 时，丢掉缓存的 token，重新获取（stable_token 不带 force_refresh）后重试一次；仍失败就降级处理，不要让登录 5xx。',
    en: 'On 40001, 40014 or 42001 from a /cgi-bin call, drop the cached token, fetch one again (stable_token without force_refresh) and retry once; if it still fails, degrade, but never let the login 5xx.',
  },

  // ── userinfo.scope ────────────────────────────────────────────────────────────────────────────
  'probe.userinfo.scope.ok': { zh: '/sns/userinfo 只用 {scope} 授权的 token 调用，这个授权能拿到用户信息。', en: '/sns/userinfo is called only with {scope} tokens, which may read the user’s profile.' },
  'probe.userinfo.scope.ok_not_called': { zh: '应用没有调用 /sns/userinfo（scope {scope}）。', en: 'The app does not call /sns/userinfo (scope {scope}).' },
  'probe.userinfo.scope.base_token': { zh: '应用用 {scope} 的 token 调用 /sns/userinfo，微信返回 48001（{count} 次）。', en: 'The app calls /sns/userinfo with a {scope} token, and WeChat answers 48001 (calls: {count}).' },
  'probe.userinfo.scope.basic_token': {
    zh: '应用把基础 access_token（/cgi-bin/token 或 stable_token 拿到的）传给了 /sns/userinfo，微信返回 {errcode}（{count} 次）：用户的昵称头像拿不到。',
    en: 'The app gives /sns/userinfo a basic access_token (from /cgi-bin/token or stable_token), and WeChat answers {errcode} (calls: {count}): the user’s nickname and avatar never arrive.',
  },
  'probe.userinfo.scope.fix.basic_token': {
    zh: '调用 /sns/userinfo 要用 /sns/oauth2/access_token 为这个用户换来的 access_token（和它的 openid），不是公众号的基础 access_token。',
    en: 'Call /sns/userinfo with the access_token /sns/oauth2/access_token returned for this user (and its openid), not the account’s basic access_token.',
  },
  'probe.userinfo.scope.errcode': {
    zh: '登录过程中 /sns/userinfo 返回 errcode {errcode}（{count} 次）：用户的昵称头像拿不到。',
    en: 'During the login /sns/userinfo answers errcode {errcode} (calls: {count}): the user’s nickname and avatar never arrive.',
  },
  'probe.userinfo.scope.fix.errcode': {
    zh: '运行 wxauth errcode {errcode} 查看原因；传给 /sns/userinfo 的 access_token 和 openid 必须是同一次换取返回的那一对。',
    en: 'Run wxauth errcode {errcode} for why; /sns/userinfo needs the access_token and openid that the same exchange returned.',
  },
  'probe.userinfo.scope.fix': {
    zh: 'snsapi_base 只拿得到 openid；需要昵称头像时用 scope=snsapi_userinfo 发起授权，或检查换取结果里的 scope 再决定是否调用。',
    en: 'snsapi_base gives only the openid; to get nickname and avatar authorize with scope=snsapi_userinfo, or check the scope in the exchange result before calling.',
  },
} as const satisfies MessageSection;

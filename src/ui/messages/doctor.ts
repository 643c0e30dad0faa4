import type { MessageSection } from './types.js';

// Messages of `wxauth doctor` (issue 18): its help, one sentence and one fix per check outcome, the
// report's frame, and its usage errors.
export const messages = {
  // ── help ──────────────────────────────────────────────────────────────────────────────────────
  'cli.doctor.desc': {
    zh: '扫码之前检查整套部署：profile、授权链接、回调域名和 JS接口安全域名的校验文件、证书、回调地址、DNS、IP 白名单、时钟、代理和 Node 版本',
    en: 'Check a real deployment before anyone scans: profile, authorize URL, the verify file on the callback and JS-safe domains, certificate, callback, DNS, IP whitelist, clock, proxy and Node version',
  },
  'cli.doctor.opt.verifyFile': {
    zh: '网页授权域名的校验文件名 MP_verify_xxx.txt（或本地文件的路径，此时比较内容；默认 profile 的 verifyFile）',
    en: 'the 网页授权域名 verify file name MP_verify_xxx.txt (or a path to the local file, whose content is then compared; default: the profile’s verifyFile)',
  },
  'cli.doctor.opt.connectTo': {
    zh: '连 HOST:PORT 时改连 ADDR:PORT2，同 curl --connect-to（可重复；被映射的主机不做 DNS 查询）',
    en: 'connect to ADDR:PORT2 instead of HOST:PORT, as curl --connect-to (repeatable; a mapped host is not looked up)',
  },
  'cli.doctor.examples': {
    zh: 'wxauth doctor\nwxauth doctor --profile prod --verify-file MP_verify_AbC123xyz.txt\nwxauth doctor --verify-file ./MP_verify_AbC123xyz.txt --json\nwxauth doctor --connect-to www.example.com:443:10.0.0.5:443   # 在新服务器切 DNS 之前检查它',
    en: 'wxauth doctor\nwxauth doctor --profile prod --verify-file MP_verify_AbC123xyz.txt\nwxauth doctor --verify-file ./MP_verify_AbC123xyz.txt --json\nwxauth doctor --connect-to www.example.com:443:10.0.0.5:443   # check a new server before DNS points at it',
  },

  // ── usage errors ──────────────────────────────────────────────────────────────────────────────
  'doctor.connectTo.invalid': { zh: '--connect-to {value} 的格式不对。', en: '--connect-to {value} is not HOST:PORT:ADDR:PORT2.' },
  'doctor.connectTo.invalid.hint': {
    zh: '格式同 curl：HOST:PORT:ADDR:PORT2，例如 --connect-to www.example.com:443:127.0.0.1:8443；IPv6 地址用方括号。',
    en: 'As curl’s: HOST:PORT:ADDR:PORT2, e.g. --connect-to www.example.com:443:127.0.0.1:8443; IPv6 addresses in brackets.',
  },
  'doctor.verifyFile.notFound': { zh: '--verify-file {value} 既不是 MP_verify_xxx.txt 形式的文件名，也不是能读取的文件。', en: '--verify-file {value} is neither a file name like MP_verify_xxx.txt nor a file that can be read.' },
  'doctor.verifyFile.notVerifyName': {
    zh: '--verify-file {value} 是个文件，但不是校验文件：微信按 MP_verify_xxx.txt 这样的文件名到域名根目录下取，而它叫 {name}。',
    en: '--verify-file {value} is a file, but not a verify file: WeChat fetches one named like MP_verify_xxx.txt from the domain’s root, and this one is named {name}.',
  },
  'doctor.verifyFile.copyName': {
    zh: '{setting} {value} 的文件名是重复下载或复制时改出来的（.txt 前多了“{suffix}”）：微信按公众号后台给的原名 {name} 到域名根目录下取。',
    en: '{setting} {value} is named as a second download or a copy renames the verify file (“{suffix}” before .txt): WeChat fetches it from the domain’s root by the name the 公众号 console handed out, {name}.',
  },
  'doctor.verifyFile.copyName.hint.setting': {
    zh: '填后台给的原名 {name}，网站根目录下的文件也要用这个名字。',
    en: 'Give the name the console handed out, {name}, and serve the file under that name at the domain’s root.',
  },
  'doctor.verifyFile.copyName.hint.rename': {
    zh: '改回原名，并以这个名字放到域名根目录下：{command}',
    en: 'Rename it back, and serve it under that name at the domain’s root: {command}',
  },
  'doctor.verifyFile.copyName.hint.name': {
    zh: '用公众号后台给的原名：wxauth doctor --verify-file {name}',
    en: 'Give the name the console handed out: wxauth doctor --verify-file {name}',
  },
  'doctor.verifyFile.notFound.hint': {
    zh: '给出公众号后台下载的文件名（例如 MP_verify_AbC123xyz.txt），或它在本机的路径。',
    en: 'Give the name of the file the 公众号 console handed out (e.g. MP_verify_AbC123xyz.txt), or its path on this machine.',
  },
  'doctor.invalid.verifyFile': { zh: '{name} 的值 {value} 不是 MP_verify_xxx.txt 形式的文件名。', en: '{name} {value} is not a file name like MP_verify_xxx.txt.' },
  'doctor.invalid.verifyFile.hint': {
    zh: '填公众号后台「网页授权域名」处下载的文件名，不带路径，例如 MP_verify_AbC123xyz.txt',
    en: 'Enter the name of the file offered under 网页授权域名 in the 公众号 console, without a path, e.g. MP_verify_AbC123xyz.txt',
  },

  // ── the report ────────────────────────────────────────────────────────────────────────────────
  'doctor.report.title': { zh: 'wxauth doctor：profile {profile}', en: 'wxauth doctor: profile {profile}' },
  'doctor.report.offline': { zh: '本机检查', en: 'Offline checks' },
  'doctor.report.online': { zh: '联网检查', en: 'Online checks' },
  'doctor.report.offlineMachine': {
    zh: '这台机器解析不了微信官方接口域名 {host}（{code}），也没有连上任何联网检查的目标：它没有可用的 DNS 或外网。下面这些失败反映的是这台机器的问题，不是你的部署，所以失败项没有给出修复建议。请在服务器上（或能上网的机器上）运行 wxauth doctor；如果这台机器需要通过代理上网，请设置 HTTPS_PROXY。',
    en: 'This machine cannot resolve WeChat’s own {host} ({code}), and no online check reached its target: it has no working DNS or internet. The failures below are about this machine, not your deployment, so they are given no fixes. Run wxauth doctor on the server (or any machine online); if this machine reaches the internet through a proxy, set HTTPS_PROXY.',
  },
  'doctor.wechatUnresolved.fix': {
    zh: '{host} 是微信自己的域名，它的解析记录没有问题：是这台机器解析不了它（DNS、防火墙，或没有出网的路由）。在服务器上运行 wxauth doctor，或修好这台机器的 DNS（cat /etc/resolv.conf；dig {host}）；需要经代理上网时设置 HTTPS_PROXY。',
    en: '{host} is WeChat’s own host, and its records are fine: this machine cannot resolve it (its DNS, a firewall, or no route out). Run wxauth doctor on the server, or fix this machine’s DNS (cat /etc/resolv.conf; dig {host}); set HTTPS_PROXY if it reaches the internet through a proxy.',
  },
  'doctor.report.fix': { zh: '怎么办：', en: 'Fix:' },
  'doctor.report.summary': {
    zh: '{ok} 项通过，{warn} 项警告，{fail} 项失败，{skip} 项跳过。',
    en: '{ok} passed, {warn} warned, {fail} failed, {skip} skipped.',
  },
  'doctor.skip.needs': { zh: '跳过：需要 {fields}。', en: 'Skipped: needs {fields}.' },
  'doctor.skip.noWebAuth': { zh: '跳过：订阅号没有网页授权，没有回调可查。', en: 'Skipped: a subscription account has no web authorization, so no callback to check.' },

  // ── profile ───────────────────────────────────────────────────────────────────────────────────
  'doctor.profile.ok': {
    zh: 'profile {profile} 设置齐全（是否正确见下面各项）：appid {appid}，类型 {type}，域名 {domain}，redirect_uri {redirectUri}，secret 已设置。',
    en: 'Profile {profile} has every setting the checks need: appid {appid}, type {type}, domain {domain}, redirect_uri {redirectUri}, secret set.',
  },
  'doctor.profile.subscription': {
    zh: 'profile {profile} 是订阅号，订阅号没有网页授权权限：appid {appid} 的任何授权链接微信都返回 10005（此公众号并没有这些scope的权限），所以不需要回调域名和 redirect_uri，回调相关的检查都跳过。',
    en: 'Profile {profile} is a subscription account (订阅号), which has no web authorization: WeChat answers 10005 to any authorize URL for appid {appid}, so it needs no callback domain or redirect_uri, and the callback checks are skipped.',
  },
  'doctor.profile.subscription.fix': {
    zh: '网页授权要换一个号：已认证的服务号，或测试号（mp.weixin.qq.com/debug/cgi-bin/sandbox 申请），用它自己的 appid 和 secret 建 profile，例如 wxauth init --profile test --type test（会询问 appid 和 secret），再 wxauth doctor --profile test。这个订阅号 profile 仍可用于 wxauth token。',
    en: 'For web authorization use another account: a verified service account, or a test account (get one at mp.weixin.qq.com/debug/cgi-bin/sandbox), in a profile with its own appid and secret, e.g. wxauth init --profile test --type test (it asks for the appid and secret), then wxauth doctor --profile test. This subscription profile still works for wxauth token.',
  },
  'doctor.profile.envAppid.missing': {
    zh: 'appid {appid} 来自环境变量 WXAUTH_APPID，缺少配置：{fields}。',
    en: 'Missing configuration for appid {appid}, which came from WXAUTH_APPID: {fields}.',
  },
  'doctor.profile.envAppid.missing.fix': {
    zh: 'unset WXAUTH_APPID，把设置保存在 profile {profile} 里（wxauth init --profile {profile}，或 wxauth{p} config set {first} {value}）；或者为 appid {appid} 同时设置 {env}。',
    en: 'Unset WXAUTH_APPID and save the settings in profile {profile} (wxauth init --profile {profile}, or wxauth{p} config set {first} {value}); or also set {env} for appid {appid}.',
  },
  'doctor.profile.envAccount.missing.fix': {
    zh: 'appid {appid} 和它的 secret 都来自环境变量：把 {env} 也加进同一条 export；或者 unset WXAUTH_APPID 和 WXAUTH_SECRET，把账号保存在 profile {profile} 里（wxauth init --profile {profile}）。',
    en: 'Appid {appid} and its secret come from the environment: add {env} to the same export; or unset WXAUTH_APPID and WXAUTH_SECRET and save the account in profile {profile} (wxauth init --profile {profile}).',
  },
  'doctor.profile.envAppid.otherAccount': {
    zh: 'appid {appid} 来自环境变量 WXAUTH_APPID，缺少配置：{fields}。profile {profile} 保存的是另一个账号（appid {profileAppid}）的设置，所以没有使用。',
    en: 'Missing configuration for appid {appid}, which came from WXAUTH_APPID: {fields}. Profile {profile} holds another account’s settings (appid {profileAppid}), so they are not used.',
  },
  'doctor.profile.envAppid.otherAccount.fix': {
    zh: 'unset WXAUTH_APPID，检查 profile {profile} 保存的账号（appid {profileAppid}）；或者为 appid {appid} 同时设置 {env}。不要用 wxauth init 或 wxauth config set：它们会把 {appid} 的设置写进 profile {profile}，覆盖 {profileAppid} 的。',
    en: 'Unset WXAUTH_APPID to check profile {profile} as saved (appid {profileAppid}); or also set {env} for appid {appid}. Not wxauth init or wxauth config set: they would write {appid}’s settings over profile {profile}, which is {profileAppid}’s.',
  },
  'doctor.profile.noType': { zh: 'profile {profile} 没有账号类型：无法判断该用哪个授权入口和 scope。', en: 'Profile {profile} has no account type: the authorize endpoint and scope cannot be checked against it.' },
  'doctor.profile.noType.fix': {
    zh: 'wxauth{p} config set type service（服务号）、subscription（订阅号）、test（测试号）或 website（网站应用）',
    en: 'wxauth{p} config set type service, subscription, test or website',
  },

  // ── authorize URL ─────────────────────────────────────────────────────────────────────────────
  'doctor.authorize.ok': {
    zh: '授权链接合规：类型 {type} 用 {endpoint}，scope {scope}，微信会接受。',
    en: 'The authorize URL is sound: type {type} uses {endpoint} with scope {scope}; WeChat would accept it.',
  },
  'doctor.authorize.okNoDomain': {
    zh: '授权链接的入口和 scope 对：类型 {type} 用 {endpoint}，scope {scope}。微信是否接受它的 redirect_uri 取决于回调域名，而回调域名没有设置，无法核对（见 domain 一项）。',
    en: 'The authorize URL’s endpoint and scope are right: type {type} uses {endpoint} with scope {scope}. Whether WeChat accepts its redirect_uri depends on the callback domain, which is not set, so it is not checked (see domain).',
  },
  'doctor.authorize.refusedDomain': {
    zh: 'wxauth url 会拒绝生成这个授权链接（{findings}）：微信会因回调域名拒绝它，原因见下面的 domain 检查。',
    en: 'wxauth url would refuse to build this authorize URL ({findings}): WeChat would reject it over the callback domain, as the domain check below explains.',
  },
  'doctor.authorize.refusedDomain.fix': {
    zh: '按 domain 检查的修复改好域名或 redirect_uri，再用 wxauth url 生成链接。',
    en: 'Fix the domain or the redirect_uri as the domain check says, then build the link with wxauth url.',
  },

  // ── callback domain ───────────────────────────────────────────────────────────────────────────
  'doctor.domain.ok': { zh: 'redirect_uri 的主机 {host} 在网页授权域名 {domain} 之内。', en: 'The redirect_uri host {host} is within the callback domain {domain}.' },

  // ── token cache ───────────────────────────────────────────────────────────────────────────────
  'doctor.verifyFile.url': { zh: '--verify-file 要的是文件名或本地路径，不是网址：{value}', en: '--verify-file takes the file’s name or a local path, not a URL: {value}' },
  'doctor.verifyFile.url.hint': {
    zh: 'doctor 会自己到域名根目录下取它：wxauth doctor --verify-file {name}',
    en: 'doctor fetches it from the domain’s root itself: wxauth doctor --verify-file {name}',
  },
  'doctor.tokenCache.none': { zh: 'token 缓存：没有基础 access_token，{users} 个用户 token。', en: 'Token cache: no basic access_token, user tokens: {users}.' },
  'doctor.tokenCache.valid': {
    zh: 'token 缓存：基础 access_token（{kind}）还有 {minutes} 分钟有效，{users} 个用户 token。',
    en: 'Token cache: the basic access_token ({kind}) is valid for {minutes} more minutes, user tokens: {users}.',
  },
  'doctor.tokenCache.expired': {
    zh: 'token 缓存：基础 access_token 已过期（下个命令会取新的），{users} 个用户 token。',
    en: 'Token cache: the basic access_token has expired (the next command fetches a new one), user tokens: {users}.',
  },

  // ── Node ──────────────────────────────────────────────────────────────────────────────────────
  'doctor.node.ok': { zh: 'Node {version} 满足 {engines}。', en: 'Node {version} satisfies {engines}.' },
  'doctor.node.unknown': { zh: 'Node {version}（读不到 wxauth 的 engines 要求）。', en: 'Node {version} (wxauth’s engines requirement could not be read).' },
  'doctor.node.old': { zh: 'Node {version} 不满足 wxauth 要求的 {engines}。', en: 'Node {version} does not satisfy {engines}, which wxauth needs.' },
  'doctor.node.old.fix': { zh: '升级 Node 到 {engines}（例如用 nvm install 20）。', en: 'Upgrade Node to {engines} (e.g. nvm install 20).' },

  // ── proxy ─────────────────────────────────────────────────────────────────────────────────────
  'doctor.proxy.none': { zh: '没有设置 HTTP(S)_PROXY：所有检查都直连。', en: 'No HTTP(S)_PROXY set: every check connects directly.' },
  'doctor.proxy.api': {
    zh: '调用 {host} 经过代理 {proxy}（{variable}）；检查回调域名时直连，和微信服务器、手机一样。',
    en: 'Calls to {host} go through the proxy {proxy} ({variable}); the callback domain checks connect directly, as WeChat’s servers and phones do.',
  },
  'doctor.proxy.apiFailed': {
    zh: '调用 {host} 经过代理 {proxy}（{variable}），而微信没有连通：可能是代理挡住了请求。',
    en: 'Calls to {host} go through the proxy {proxy} ({variable}), and WeChat could not be reached: the proxy may be swallowing the calls.',
  },
  'doctor.proxy.unreachable': {
    zh: '调用 {host} 要经过代理 {proxy}（{variable}），而这个代理连不上：请求根本到不了微信。',
    en: 'Calls to {host} go through the proxy {proxy} ({variable}), which could not be reached: nothing gets to WeChat.',
  },
  'doctor.proxy.unreachable.fix': {
    zh: '启动这个代理，或改正 {variable} 里的地址和端口；不需要代理时：取消 {variable}，或设 NO_PROXY={hostname}。',
    en: 'Start the proxy, or correct the address and port in {variable}; if you need no proxy, unset {variable} or set NO_PROXY={hostname}.',
  },
  'doctor.proxy.apiFailed.fix': {
    zh: '不用代理试一次：NO_PROXY={hostname} wxauth doctor；或检查代理是否允许访问 {target}。',
    en: 'Try without the proxy: NO_PROXY={hostname} wxauth doctor; or check that the proxy lets {target} through.',
  },
  'doctor.proxy.otherScheme': {
    zh: '只设置了 HTTPS_PROXY，它不管 http 的 {host}：调用直连；检查回调域名时也直连。',
    en: 'Only HTTPS_PROXY is set, which does not apply to http://{host}: calls go direct; the callback domain checks connect directly too.',
  },
  'doctor.proxy.bypassed': {
    zh: '设置了代理，但 NO_PROXY（{noProxy}）放行了 {host}：调用直连；检查回调域名时也直连。',
    en: 'A proxy is set, but NO_PROXY ({noProxy}) exempts {host}: calls go direct; the callback domain checks connect directly too.',
  },

  // ── DNS ───────────────────────────────────────────────────────────────────────────────────────
  // ── --connect-to ──────────────────────────────────────────────────────────────────────────────
  'doctor.connectTo.ok': { zh: '--connect-to 生效：{mappings}。', en: '--connect-to in effect: {mappings}.' },
  'doctor.connectTo.ok.unused': {
    zh: '--connect-to 生效：{mappings}；这次没有连到、没用上的：{unused}（例如 80 端口只在 https 不通时才连）。',
    en: '--connect-to in effect: {mappings}; not needed this run, nothing dialled there: {unused} (port 80, for one, only when https fails).',
  },
  'doctor.connectTo.unmatched': {
    zh: '--connect-to {rules} 没有匹配任何连接，doctor 按原名连接了 {direct}（域名走了 DNS 查询）：下面的失败可能不是服务器的问题。',
    en: '--connect-to {rules} matched no connection, so doctor connected to {direct} as named (names looked up in DNS): failures below may not be the server’s fault.',
  },
  'doctor.connectTo.proxied': {
    zh: '--connect-to {rules} 没有用在 {targets} 上：这个调用经代理 {proxy}（{variable}）发出，由代理按主机名自己去连接，规则改不了它连到哪里。',
    en: '--connect-to {rules} was not applied to {targets}: that call went through the proxy {proxy} ({variable}), which connects to the host by its name itself, so no rule can re-aim it.',
  },
  'doctor.connectTo.proxied.fix': {
    zh: '要让规则对它生效，就让这个调用直连：NO_PROXY={hostname} wxauth doctor …（其余选项不变）。',
    en: 'To have the rule applied, let that call go direct: NO_PROXY={hostname} wxauth doctor … (the same options otherwise).',
  },
  'doctor.connectTo.unmatched.fix': {
    zh: '规则的 HOST:PORT 要和 doctor 连接的主机和端口完全一致（{direct}）：检查拼写和端口。',
    en: 'A rule’s HOST:PORT must be exactly a host and port doctor connects to ({direct}): check the spelling and the port.',
  },

  'doctor.dns.ok': { zh: '{host} 解析为 {addresses}。', en: '{host} resolves to {addresses}.' },
  'doctor.dns.ip': { zh: '{host} 是 IP 地址，无需解析。', en: '{host} is an IP address: nothing to look up.' },
  'doctor.dns.mapped': { zh: '{host}:{port} 被 --connect-to 映射到 {target}，没有做 DNS 查询。', en: '{host}:{port} is mapped to {target} by --connect-to: not looked up.' },
  'doctor.dns.proxied': { zh: '{host} 经代理 {proxy} 访问，由代理解析，本机没有查询。', en: '{host} is reached through the proxy {proxy}, which resolves it: not looked up here.' },
  'doctor.dns.fail': { zh: '查询 {host} 的地址失败：{code}。', en: 'Looking up {host} failed: {code}.' },
  'doctor.dns.fail.fix': {
    zh: '检查 {host} 的拼写和 DNS 记录（dig {host}），以及本机的 DNS 设置（/etc/resolv.conf）。',
    en: 'Check the spelling and DNS records of {host} (dig {host}) and this machine’s resolver (/etc/resolv.conf).',
  },
  'doctor.dns.noDomain': { zh: '跳过：profile 没有网页授权域名。', en: 'Skipped: the profile has no callback domain.' },

  // ── verify file ───────────────────────────────────────────────────────────────────────────────
  'doctor.verify.ok': { zh: '{url} 返回 200，内容正确。', en: '{url} answers 200 with the right content.' },
  'doctor.verify.okHttp': {
    zh: '{url} 返回 200，内容正确（https 没有给出：{https}）。',
    en: '{url} answers 200 with the right content (https did not: {https}).',
  },
  'doctor.verify.okHttpCert': {
    zh: '{url} 返回 200，内容正确（{https} 也能取到，但它的证书无效）。',
    en: '{url} answers 200 with the right content ({https} serves it too, but on a certificate that is not valid).',
  },
  'doctor.verify.okUntrusted': {
    zh: '{url} 返回 200，内容正确，但证书有问题，而微信的校验是否接受这样的证书，文档没有说明：{detail}',
    en: '{url} answers 200 with the right content, but on a certificate that is not valid, and whether WeChat’s check accepts one is not documented: {detail}',
  },
  'doctor.verify.untrusted.fix': {
    zh: '让 {http} 也能直接取到 {name}，或者修好证书：下面 tls 一行说明了证书的问题。',
    en: 'Serve {name} over http as well ({http}), or fix the certificate: the tls line below says what is wrong with it.',
  },
  'doctor.verify.untrusted.unchecked.fix': {
    zh: '让 {http} 也能直接取到 {name}，或者修好证书：{tlsFix}',
    en: 'Serve {name} over http as well ({http}), or fix the certificate: {tlsFix}',
  },
  'doctor.verify.status': { zh: '{url} 返回 {status}，不是 200：微信校验不了域名的归属。', en: '{url} answers {status}, not 200: WeChat cannot verify that you own the domain.' },
  'doctor.jsDomains.ok': { zh: 'JS接口安全域名 {domains} 的根目录都能取到校验文件（有 https 的，证书也有效）。', en: 'The JS-safe domains {domains} all serve the verify file at their root (and those on https a valid certificate).' },
  'doctor.jsDomains.ok.one': { zh: 'JS接口安全域名 {domain} 的根目录能取到校验文件（有 https 时，证书也有效）。', en: 'The JS-safe domain {domain} serves the verify file at its root (and, on https, a valid certificate).' },
  'doctor.jsDomains.one': { zh: 'JS接口安全域名 {domain}：{detail}', en: 'JS-safe domain {domain}: {detail}' },
  'doctor.jsDomains.same': { zh: 'JS接口安全域名 {domains} 就是回调域名，已由 verify-file 检查。', en: 'The JS-safe domain {domains} is the callback domain, which verify-file checks.' },
  'doctor.jsDomains.none': { zh: '跳过：profile 没有设置 jsDomains（JS接口安全域名）。', en: 'Skipped: the profile has no jsDomains (JS-safe domains).' },
  'doctor.jsDomains.none.fix': {
    zh: '页面要用 JS-SDK 时，把公众号后台填的 JS接口安全域名告诉 wxauth：wxauth{p} config set jsDomains h5.example.com',
    en: 'If your pages use the JS-SDK, tell wxauth the JS-safe domains set in the console: wxauth{p} config set jsDomains h5.example.com',
  },
  'doctor.jsDomains.website': { zh: '跳过：网站应用没有 JS-SDK。', en: 'Skipped: a website app has no JS-SDK.' },
  'doctor.jsDomains.notNeeded': { zh: '跳过：{type}的 JS接口安全域名不需要校验文件。', en: 'Skipped: a {type}’s JS-safe domains need no verify file.' },
  'doctor.verify.status.also': { zh: '{url} 返回 {status}，不是 200（{also}）：微信校验不了域名的归属。', en: '{url} answers {status}, not 200 ({also}): WeChat cannot verify that you own the domain.' },
  'doctor.verify.also': { zh: '{url} 给出 {answer}', en: '{url} gave {answer}' },
  'doctor.verify.also.unreached': { zh: '{url} 连不上：{reason}', en: '{url} could not be reached: {reason}' },
  'doctor.verify.also.tlsFailed': { zh: '{url} 连上了，但 TLS 握手失败（{error}）', en: '{url} took the connection, but the TLS handshake failed ({error})' },
  'doctor.verify.also.malformed': { zh: '{url} 有回应，但不是合法的 HTTP 响应（{error}）', en: '{url} answered, but not with a valid HTTP response ({error})' },
  'doctor.verify.also.silent': { zh: '{url} 接受了连接，但 {ms} 毫秒内没有应答', en: '{url} took the connection, then gave no answer within {ms} ms' },
  'doctor.verify.also.bodyUnended': { zh: '{url} 返回了 {status}，但 {ms} 毫秒后响应体还没有结束', en: '{url} answered {status}, but its body had not ended after {ms} ms' },
  'doctor.verify.redirect': {
    zh: '{url} 返回 {status}，跳转到 {location}，不是直接返回文件：微信的校验是否跟随跳转，文档没有说明。',
    en: '{url} answers {status}, a redirect to {location}, not the file itself: whether WeChat’s check follows a redirect is not documented.',
  },
  'doctor.verify.redirect.also': {
    zh: '{url} 返回 {status}，跳转到 {location}，不是直接返回文件（{also}）：微信的校验是否跟随跳转，文档没有说明。',
    en: '{url} answers {status}, a redirect to {location}, not the file itself ({also}): whether WeChat’s check follows a redirect is not documented.',
  },
  'doctor.verify.upload.fix': {
    zh: '把公众号后台下载的 {name} 原样放到 {domain} 的网站根目录，让 {url} 能直接访问（不跳转、不要登录）。',
    en: 'Put {name}, as downloaded from the 公众号 console, in the web root of {domain}, so that {url} is served directly (no redirect, no login).',
  },
  'doctor.verify.content': { zh: '{url} 返回 200，但内容不是 {expected}（收到 {got}）。', en: '{url} answers 200, but the content is not {expected} (got {got}).' },
  'doctor.verify.content.fix': {
    zh: '上传公众号后台下载的原文件 {name}，不要改动内容；检查是否被框架的首页或 404 页面代替了。',
    en: 'Upload the original {name} from the 公众号 console, unchanged; check that a framework’s index or 404 page is not served in its place.',
  },
  'doctor.verify.bodyUnended.fix': {
    zh: '服务器连得上，也应答了，但 {name} 的响应一直没写完（Content-Length 比实际写出的多、流式输出没有结束、代理在缓冲），微信的校验等不到文件内容。把它作为静态文件直接返回，并核对 Content-Length。',
    en: 'The server is reachable and answers, but the response for {name} is never finished (a Content-Length larger than what is written, a stream left open, a proxy buffering it): WeChat’s check never gets the file’s content. Serve it as a plain static file, and check the Content-Length.',
  },
  'doctor.verify.unreachable': { zh: '{url} 连不上：{error}。', en: '{url} cannot be reached: {error}.' },
  'doctor.verify.unreachable.fix': {
    zh: '确认 {domain} 的 80 或 443 端口对外开放，并把 {name} 放到网站根目录。',
    en: 'Make sure {domain} is served on port 80 or 443, with {name} in the web root.',
  },
  'doctor.verify.noName': { zh: '跳过：不知道校验文件名。', en: 'Skipped: the verify file name is not known.' },
  'doctor.verify.noName.fix': {
    zh: '加上 --verify-file MP_verify_xxx.txt，或保存下来：wxauth{p} config set verifyFile MP_verify_xxx.txt',
    en: 'Add --verify-file MP_verify_xxx.txt, or save it: wxauth{p} config set verifyFile MP_verify_xxx.txt',
  },
  'doctor.verify.notNeeded': { zh: '跳过：{type}的回调域名不需要 MP_verify 校验文件。', en: 'Skipped: a {type}’s callback domain needs no MP_verify file.' },
  'account.type.service': { zh: '服务号', en: 'service account' },
  'account.type.subscription': { zh: '订阅号', en: 'subscription account' },
  'account.type.test': { zh: '测试号', en: 'test account' },
  'account.type.website': { zh: '网站应用', en: 'website app' },
  // An account type where a value stands (a 类型 column, 「类型 服务号」): Chinese names it, English keeps the config value.
  'account.typeName.service': { zh: '服务号', en: 'service' },
  'account.typeName.subscription': { zh: '订阅号', en: 'subscription' },
  'account.typeName.test': { zh: '测试号', en: 'test' },
  'account.typeName.website': { zh: '网站应用', en: 'website' },

  // ── redirect_uri ──────────────────────────────────────────────────────────────────────────────
  'doctor.redirect.ok': { zh: '{url} 返回 {status}。', en: '{url} answers {status}.' },
  'doctor.redirect.okFollowed': {
    zh: '{url} 返回 {status}，跳转到 {location}；跟着跳转到 {end}，{ended}。',
    en: '{url} answers {status}, redirecting to {location}; followed to {end}, which {ended}.',
  },
  'doctor.redirect.followed.status': { zh: '它返回 {status}', en: 'answers {status}' },
  'doctor.redirect.landed': {
    zh: '{url} 会跳转（带上 ?state=… 访问时依次是 {chain}），跳转的终点：{verdict}',
    en: '{url} redirects (fetched with ?state=… it answers {chain}); where it lands: {verdict}',
  },
  'doctor.redirect.certRefused': {
    zh: '{url} 返回 {status}，但它的证书会被微信内置浏览器拒绝：{detail}',
    en: '{url} answers {status}, but on a certificate WeChat’s browser refuses: {detail}',
  },
  'doctor.redirect.certRefused.fix': {
    zh: '微信内置浏览器会停在这张证书上，回调不会执行：下面 tls 一行说明了证书的问题和修法。',
    en: 'WeChat’s browser stops at that certificate, so the callback never runs: the tls line below says what is wrong with it and how to fix it.',
  },
  'doctor.redirect.certRefused.unchecked.fix': {
    zh: '微信内置浏览器会停在这张证书上，回调不会执行。下面的 tls 一行不检查 {host}：它只检查 https 的 redirect_uri 本身的主机和端口。先处理证书：{tlsFix}或者去掉把回调地址跳转到 {origin} 的规则。',
    en: 'WeChat’s browser stops at that certificate, so the callback never runs. The tls line below does not judge {host}: it checks only an https redirect_uri’s own host and port. Fix the certificate: {tlsFix} Or remove the rule that sends the callback to {origin}.',
  },
  'doctor.redirect.okRedirect': { zh: '{url} 返回 {status}，跳转到 {location}（没有跟随）。', en: '{url} answers {status}, redirecting to {location} (not followed).' },
  'doctor.redirect.4xx': { zh: '{url} 返回 {status}：微信带着 code 回来时，用户会看到这个错误。', en: '{url} answers {status}: that is what users will see when WeChat sends them back with a code.' },
  'doctor.redirect.4xx.fix': {
    zh: '确认回调路由存在并接受 GET（带 ?code=…&state=…）；没有 code 时返回 400 也可以。',
    en: 'Make sure the callback route exists and takes GET (with ?code=…&state=…); a 400 when the code is missing is fine.',
  },
  'doctor.redirect.dropsQuery': {
    zh: '{url} 会跳转，而且跳转时丢掉了查询参数：带上 ?state=… 访问时它返回 {status}，跳到 {location}。微信在回调地址后面加的 code 和 state 在这一跳就丢了，回调收不到。',
    en: '{url} redirects, dropping the query: fetched with ?state=… it answers {status}, to {location}. The code and state WeChat appends to the callback are lost on this hop; the callback never gets them.',
  },
  'doctor.redirect.dropsQuery.fix': {
    zh: '把 redirect_uri 设成跳转后的最终地址（{location} 那样，例如末尾的 / 要和服务器一致；wxauth config set redirectUri <最终地址>，并重新生成授权链接），或者让服务器在这一跳保留查询参数（nginx：return 301 $scheme://$host$request_uri;，不要只写 $uri）。',
    en: 'Make the redirect_uri the final address (as {location} has it: the trailing / as the server wants it; wxauth config set redirectUri <that address>, then build the authorization link again), or have the server keep the query on this hop (nginx: return 301 $scheme://$host$request_uri;, not $uri alone).',
  },
  'doctor.redirect.dropsQuery.unserved.fix': {
    zh: '让服务器在这一跳保留查询参数（nginx：return 301 $scheme://$host$request_uri;，不要只写 $uri）。现在还不能把 redirect_uri 设成跳转后的地址：{location} {why}，微信的跳转也会停在那里，要先让它能正常访问。',
    en: 'Have the server keep the query on this hop (nginx: return 301 $scheme://$host$request_uri;, not $uri alone). Not the address it redirects to as the redirect_uri, yet: {location} {why}, so WeChat’s redirect would stop there just the same until that is fixed.',
  },
  'doctor.redirect.dropsQueryHop': {
    zh: '{url} 会跳转，而且中途丢掉了查询参数：带上 ?state=… 访问时依次是 {chain}，到这里查询参数都还在；接着 {hop} 返回 {status}，跳到 {location}，查询参数没了。微信在回调地址后面加的 code 和 state 在这一跳丢失，回调收不到。',
    en: '{url} redirects, dropping the query on the way: fetched with ?state=… it answers {chain}, keeping it so far; then {hop} answers {status}, to {location}, without it. The code and state WeChat appends to the callback are lost on that hop; the callback never gets them.',
  },
  'doctor.redirect.statedAnswers': {
    zh: '{url} 返回 {status}，跳转到 {location}；但带上查询参数（?state=…，微信跳转回来时就带着参数）访问时，它不跳转，直接应答：{verdict}',
    en: '{url} answers {status}, redirecting to {location}; but fetched with a query (?state=…, as WeChat’s redirect comes), it answers itself: {verdict}',
  },
  'doctor.redirect.statedAnswersOk': {
    zh: '{url} 返回 {status}，跳转到 {location}；带上查询参数（?state=…，微信跳转回来时就带着参数）访问时不跳转：{stated} 直接返回 {statedStatus}。',
    en: '{url} answers {status}, redirecting to {location}; fetched with a query (?state=…, as WeChat’s redirect comes) it does not redirect: {stated} answers {statedStatus} itself.',
  },
  'doctor.redirect.notWeb': {
    zh: '{url} 返回 {status}，跳到 {location}：这不是网页地址（http/https），微信里的浏览器停在这一步，回调永远执行不到。',
    en: '{url} answers {status}, redirecting to {location}: that is not a web (http/https) address, so the browser WeChat opens stops there and the callback never runs.',
  },
  'doctor.redirect.notWeb.fix': {
    zh: '让回调直接应答，或者跳到你网站上的 http(s) 地址（检查生成 Location 头的代码或 nginx 配置）。',
    en: 'Have the callback answer itself, or redirect to an http(s) address on your site (check the code or nginx rule that writes the Location header).',
  },
  'doctor.redirect.loop': {
    zh: '{url} 和 {location} 互相跳转：带上 ?state=… 访问时前者返回 {status}，跳到 {location}；后者返回 {backStatus}，又跳回 {back}。请求永远到不了回调，微信在回调地址后面加的 code 和 state 在第一跳就丢了。',
    en: '{url} and {location} redirect to each other: fetched with ?state=… the first answers {status}, to {location}, which answers {backStatus}, back to {back}. No request ever reaches the callback, and the code and state WeChat appends are lost on the first hop.',
  },
  'doctor.redirect.loop.fix': {
    zh: '让这两个地址中的一个直接应答、不再跳转（通常是末尾 / 的规则不一致：框架的严格路由和 nginx 的 rewrite 各要一种写法），再把 redirect_uri 设成应答的那个：wxauth config set redirectUri <该地址>，并重新生成授权链接。',
    en: 'Make one of the two addresses answer instead of redirecting (usually two trailing-/ rules that disagree: the framework’s strict routing and an nginx rewrite each want the other form), then set the redirect_uri to the one that answers: wxauth config set redirectUri <that address>, and build the authorization link again.',
  },
  'doctor.redirect.loopKept': {
    zh: '{url} 陷入循环跳转：带上 ?state=… 访问时依次是 {chain}，又回到了已经访问过的地址。查询参数虽然保留着，但微信里的浏览器会一直绕圈，直到报“重定向次数过多”停下，回调永远执行不到。',
    en: '{url} redirects in a loop: fetched with ?state=… it answers {chain}, back to an address already fetched. The query is kept, but the browser WeChat opens goes round until it gives up (“too many redirects”), so the callback never runs.',
  },
  'doctor.redirect.loopKept.fix': {
    zh: '让回调地址的一种写法直接应答、不再跳转（通常是末尾 / 的规则不一致：框架的严格路由和 nginx 的 rewrite 各要一种写法），再把 redirect_uri 设成服务器直接应答的那种写法，带不带末尾 / 要完全一致：wxauth config set redirectUri <该地址>，并重新生成授权链接。',
    en: 'Make one form of the callback address answer instead of redirecting (usually two trailing-/ rules that disagree: the framework’s strict routing and an nginx rewrite each want the other form), then set the redirect_uri to exactly the form the server answers, with or without the trailing /: wxauth config set redirectUri <that address>, and build the authorization link again.',
  },
  'doctor.redirect.onward': {
    zh: '{url} 跳转了 {count} 次还在跳：带上 ?state=… 访问时依次是 {chain}，每一跳都是没访问过的新地址，doctor 跟到这里为止。浏览器跳到 20 次就放弃（“重定向次数过多”），回调地址本身最多只需要两次跳转（http → https、补上末尾的 /）；每一跳都把地址改出新花样的规则（每次多加一个 /、把参数再追加一遍）通常永远到不了回调。',
    en: '{url} is still redirecting after {count} redirects: fetched with ?state=… it answers {chain}, each to an address not fetched before, and doctor follows no further. A browser gives up after 20 (“too many redirects”), and a callback address needs two at most (http → https, a trailing /); a rule that rewrites the address anew on every hop (one more / each time, a parameter appended again) usually never reaches the callback.',
  },
  'doctor.redirect.onward.fix': {
    zh: '对比上面的地址，看每一跳加了什么，找到改写回调地址的那条规则（nginx 的 rewrite/return、框架的斜杠或 https 中间件），让回调在一两次跳转之内直接应答；再把 redirect_uri 设成直接应答的那个地址：wxauth config set redirectUri <该地址>，并重新生成授权链接。',
    en: 'Compare the addresses above to see what each hop adds, find the rule that rewrites the callback address (an nginx rewrite or return, a framework’s slash or https middleware), and make the callback answer within a redirect or two; then set the redirect_uri to the address that answers: wxauth config set redirectUri <that address>, and build the authorization link again.',
  },
  'doctor.redirect.5xx': { zh: '{url} 返回 {status}：服务器出错。', en: '{url} answers {status}: a server error.' },
  'doctor.redirect.5xx.fix': {
    zh: '看服务器日志；回调在没有 code 时也不应该崩溃（应返回 400 或跳回登录页）。',
    en: 'Read the server’s log; the callback should not crash without a code (answer 400 or send the user back to the login page).',
  },
  'doctor.redirect.bodyUnended': {
    zh: '{url} 返回了 {status}，但 {ms} 毫秒后响应体还没有结束。',
    en: '{url} answered {status}, but its body had not ended after {ms} ms.',
  },
  'doctor.redirect.bodyUnended.fix': {
    zh: '服务器连得上，回调也应答了，但响应一直没写完（Content-Length 比实际写出的多、流式输出没有结束、代理在缓冲），微信跳转过来的用户会看到页面一直在加载。写完页面后结束响应（res.end()），并核对 Content-Length。',
    en: 'The server is reachable and the callback answers, but the response is never finished (a Content-Length larger than what is written, a stream left open, a proxy buffering it): users sent by WeChat would see the page loading forever. End the response once the page is written (res.end()), and check the Content-Length.',
  },
  'doctor.redirect.silent': {
    zh: '{url} 接受了连接，也收到了请求，但 {ms} 毫秒内没有任何应答。',
    en: '{url} took the connection and the request, then answered nothing within {ms} ms.',
  },
  'doctor.redirect.silent.fix': {
    zh: '服务器连得上（不是防火墙的问题），是回调的处理程序在没有 code 的请求上卡住了（调用微信或数据库没有设超时、某个 await 永远不返回），微信跳转过来的用户也会一直等。没有 code 时立即应答（400，或跳回登录页），对外的调用都设上超时。',
    en: 'The server is reachable (no firewall to open): the callback handler hangs on a hit without a code (a call to WeChat or a database without a timeout, an await that never settles), and users sent by WeChat would wait the same way. Answer at once when there is no code (400, or back to the login page), and give outgoing calls a timeout.',
  },
  'doctor.redirect.unreachable': { zh: '{url} 连不上：{error}。', en: '{url} cannot be reached: {error}.' },
  'doctor.redirect.unreachable.local.fix': {
    zh: '回调地址在本机上，但没有程序在监听：先启动你的服务，或用 wxauth listen 接住回调（它按 redirect_uri 选端口和路径）。',
    en: 'The callback is on this machine, and nothing listens there: start your server, or catch the callback with wxauth listen (it takes port and path from the redirect_uri).',
  },
  'doctor.redirect.unreachable.landing.fix': {
    zh: 'redirect_uri 所在的服务器是通的（跳转就是它发出的），但它把回调送到了 {host}，那里连不上（常见于强制跳 https、而这台机器上没有 https 服务）。去掉对回调地址生效的这条跳转规则，或者把 redirect_uri 设成能直接应答的地址：wxauth config set redirectUri <该地址>，再重新生成授权链接。',
    en: "The redirect_uri's server answers (it sent the redirect), but the redirect sends the callback to {host}, which cannot be reached (a force-https rule where no https server runs, say). Remove that rule for the callback's address, or set the redirect_uri to an address that answers itself: wxauth config set redirectUri <that address>, then build the authorization link again.",
  },
  'doctor.redirect.unreachable.fix': {
    zh: '确认服务器在运行，{host} 的端口对外开放，防火墙和安全组放行。',
    en: 'Make sure the server is running and {host} is reachable on its port through firewalls and security groups.',
  },

  'doctor.redirect.tlsFailed': {
    zh: '{url} 连上了，但 TLS 握手失败（{error}）。',
    en: '{url} took the connection, but the TLS handshake failed ({error}).',
  },
  'doctor.redirect.tlsFailed.unchecked.fix': {
    zh: '服务器连得上（不是防火墙的问题），是 {host} 的 HTTPS 配置不对（例如 443 端口上跑的是明文 HTTP）。redirect_uri 用的是 http，下面的 tls 一行不检查它跳去的 https 地址；用 openssl s_client -connect {hostname}:{port} -servername {hostname} 看握手遇到了什么。',
    en: 'The server is reachable (no firewall to open); the HTTPS setup of {host} is wrong (plain HTTP on port 443, for one). The redirect_uri is http, so the tls line below does not check the https address it is sent to: openssl s_client -connect {hostname}:{port} -servername {hostname} shows what the handshake meets.',
  },
  'doctor.redirect.tlsFailed.fix': {
    zh: '服务器连得上（不是防火墙的问题），是 {host} 的 HTTPS 配置不对：下面 tls 一行说明握手遇到了什么（例如 443 端口上跑的是明文 HTTP）。',
    en: 'The server is reachable (no firewall to open); the HTTPS setup of {host} is wrong: the tls line below says what the handshake met (plain HTTP on port 443, for one).',
  },
  'doctor.http.malformed': {
    zh: '{url} 有回应，但不是合法的 HTTP 响应（{error}）。',
    en: '{url} answered, but not with a valid HTTP response ({error}).',
  },
  'doctor.http.malformed.fix': {
    zh: '服务器在运行，问题在它的响应：检查回调处理程序和前面的代理（是否把 https 端口当 http 用、写出了非法的响应头）。',
    en: 'The server is running; its answer is the problem: check the handler and any proxy in front of it (an https port spoken to as http, an invalid header written).',
  },

  // ── TLS ───────────────────────────────────────────────────────────────────────────────────────
  'doctor.tls.ok': { zh: '{host} 的证书有效：签发者 {issuer}，{expires} 到期（还有 {days} 天）。', en: 'The certificate of {host} is valid: issued by {issuer}, expires {expires} ({days} days left).' },
  'doctor.tls.expiring': { zh: '{host} 的证书 {expires} 就要到期（只剩 {days} 天）。', en: 'The certificate of {host} expires {expires}, in {days} days.' },
  'doctor.tls.expiring.fix': { zh: '现在续期证书（例如 certbot renew），并确认自动续期在工作。', en: 'Renew the certificate now (e.g. certbot renew) and make sure automatic renewal works.' },
  'doctor.tls.expired': { zh: '{host} 的证书已于 {expires} 过期：微信内置浏览器会拦下回调。', en: 'The certificate of {host} expired {expires}: WeChat’s browser will stop the callback.' },
  'doctor.tls.expired.fix': { zh: '续期并部署新证书（例如 certbot renew），然后重启 Web 服务器。', en: 'Renew and install a new certificate (e.g. certbot renew), then reload the web server.' },
  'doctor.tls.expiredName': {
    zh: '{host} 的证书已于 {expires} 过期，而且不是为这个名字签发的（证书上是 {names}）：微信内置浏览器会拦下回调。',
    en: 'The certificate of {host} expired {expires} and is not for that name (it names {names}): WeChat’s browser will stop the callback.',
  },
  'doctor.tls.expiredName.fix': {
    zh: '为 {host} 申请并部署一张新证书（例如 certbot certonly -d {host}），确认服务器按 SNI 给出了它，然后重启 Web 服务器。',
    en: 'Get and install a new certificate for {host} (e.g. certbot certonly -d {host}), make sure the server picks it by SNI, then reload the web server.',
  },
  'doctor.tls.name': { zh: '{host} 的证书不是为这个名字签发的（证书上是 {names}）。', en: 'The certificate of {host} is not for that name (it names {names}).' },
  'doctor.tls.name.fix': {
    zh: '为 {host} 申请证书（或把它加进证书的 SAN），并确认服务器按 SNI 给出了正确的证书。',
    en: 'Get a certificate for {host} (or add it to the certificate’s SANs) and make sure the server picks it by SNI.',
  },
  'doctor.tls.selfSigned': { zh: '{host} 的证书是自签名的（{issuer}）：手机和微信不信任它。', en: 'The certificate of {host} is self-signed ({issuer}): phones and WeChat do not trust it.' },
  'doctor.tls.selfSigned.testAccount.fix': {
    zh: '换成公开 CA 签发的证书（例如 Let’s Encrypt）；这是测试号，也可以改用 http 回调（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）。',
    en: 'Use a certificate from a public CA (e.g. Let’s Encrypt); or, as this is a test account, use an http callback instead (WeChat’s documentation says the callback should use https, but http callbacks are seen to work).',
  },
  'doctor.tls.selfSigned.certOnly.fix': {
    zh: '换成公开 CA 签发的证书（例如 Let’s Encrypt）。',
    en: 'Use a certificate from a public CA (e.g. Let’s Encrypt).',
  },
  'doctor.tls.selfSignedName': {
    zh: '{host} 的证书是自签名的（{issuer}），而且不是为这个名字签发的（证书上是 {names}）：手机和微信不信任它。',
    en: 'The certificate of {host} is self-signed ({issuer}) and not for that name (it names {names}): phones and WeChat do not trust it.',
  },
  'doctor.tls.selfSignedName.testAccount.fix': {
    zh: '为 {host} 换一张公开 CA 签发的证书（例如 Let’s Encrypt），并确认服务器按 SNI 给出了它；这是测试号，也可以改用 http 回调（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）。',
    en: 'Get a certificate for {host} from a public CA (e.g. Let’s Encrypt) and make sure the server picks it by SNI; or, as this is a test account, use an http callback instead (WeChat’s documentation says the callback should use https, but http callbacks are seen to work).',
  },
  'doctor.tls.selfSignedName.certOnly.fix': {
    zh: '为 {host} 换一张公开 CA 签发的证书（例如 Let’s Encrypt），并确认服务器按 SNI 给出了它。',
    en: 'Get a certificate for {host} from a public CA (e.g. Let’s Encrypt) and make sure the server picks it by SNI.',
  },
  'doctor.tls.untrusted': { zh: '{host} 的证书不受信任（{code}，签发者 {issuer}）。', en: 'The certificate of {host} is not trusted ({code}, issued by {issuer}).' },
  'doctor.tls.untrusted.fix': {
    zh: '安装完整的证书链（fullchain.pem，而不只是证书本身），并使用公开 CA 签发的证书。',
    en: 'Install the full chain (fullchain.pem, not the certificate alone) and use a certificate from a public CA.',
  },
  'doctor.tls.untrustedName': {
    zh: '{host} 的证书不受信任（{code}，签发者 {issuer}），而且不是为这个名字签发的（证书上是 {names}）。',
    en: 'The certificate of {host} is not trusted ({code}, issued by {issuer}) and not for that name (it names {names}).',
  },
  'doctor.tls.untrustedName.fix': {
    zh: '为 {host} 换一张公开 CA 签发的证书，安装完整的证书链（fullchain.pem），并确认服务器按 SNI 给出了它。',
    en: 'Get a certificate for {host} from a public CA, install it with its full chain (fullchain.pem), and make sure the server picks it by SNI.',
  },
  'doctor.tls.noConnection': { zh: '{host}:{port} 连不上：{error}，TLS 握手没有开始。', en: 'Nothing accepted a connection on {host}:{port}: {error}; so no TLS handshake began.' },
  'doctor.tls.noConnection.fix': {
    zh: '确认服务器在运行并监听 {port} 端口，{host} 解析到它，防火墙和安全组放行。',
    en: 'Make sure the server is running and listening on port {port}, that {host} resolves to it, and that firewalls and security groups let it through.',
  },
  'doctor.tls.unreachable': { zh: '{host}:{port} 上的 TLS 握手失败：{error}。', en: 'The TLS handshake with {host}:{port} failed: {error}.' },
  'doctor.tls.unreachable.fix': {
    zh: '确认 {host} 在 {port} 端口提供 HTTPS（配置了证书的 server 块 / 虚拟主机）。',
    en: 'Make sure {host} serves HTTPS on port {port} (a server block / virtual host with a certificate).',
  },
  'doctor.tls.http': { zh: '跳过：redirect_uri 用的是 http，没有证书可查。', en: 'Skipped: the redirect_uri is http, there is no certificate to check.' },

  // ── scheme ────────────────────────────────────────────────────────────────────────────
  'doctor.scheme.ok': { zh: '授权链接里的 redirect_uri 用 {scheme}，服务器也用 {scheme} 应答。', en: 'The authorize URL’s redirect_uri uses {scheme}, and the server answers on {scheme}.' },
  'doctor.scheme.noAnswer': { zh: '跳过：回调地址没有应答，无法判断它用 http 还是 https。', en: 'Skipped: the callback did not answer, so its scheme cannot be compared.' },
  'doctor.scheme.httpsDown': {
    zh: 'redirect_uri 用 https，但服务器只在 http 上应答：协议不一致，微信跳转到 https 的回调时用户会看到打不开的页面。',
    en: 'The redirect_uri uses https, but the server only answers on http: the schemes differ, and WeChat’s redirect to the https callback lands on a page that does not open.',
  },
  'doctor.scheme.httpsDown.fix': {
    zh: '给 {host} 配好 HTTPS；或者把 redirectUri 改成 http（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）：wxauth{p} config set redirectUri {http}',
    en: 'Set up HTTPS on {host}; or make the redirectUri http (WeChat’s documentation says the callback should use https, but http callbacks are seen to work): wxauth{p} config set redirectUri {http}',
  },
  'doctor.scheme.upgrade': {
    zh: 'redirect_uri 用 http，服务器却跳转到 {location}：协议不一致，code 可能在跳转中丢失。',
    en: 'The redirect_uri uses http, but the server redirects to {location}: the schemes differ and the code may be lost on the way.',
  },
  'doctor.scheme.upgradeHop': {
    zh: 'redirect_uri 用 http，服务器先在 http 上跳转（到 {location}），接着 {hop} 又跳转到 {to}：协议不一致，code 可能在跳转中丢失。',
    en: 'The redirect_uri uses http, and the server first redirects it on http (to {location}), but {hop} then redirects to {to}: the schemes differ and the code may be lost on the way.',
  },
  'doctor.scheme.upgrade.unserved.fix': {
    zh: '现在还不能改用 https 回调：{origin} {why}；redirect_uri 改成 https，微信的跳转也会停在那里。先在 {host} 上配好 HTTPS 和有效的证书，再改用 https：wxauth{p} config set redirectUri {https}；或者继续用 http 回调，去掉把回调地址跳转到 https 的规则（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）。',
    en: 'Not the https callback yet: {origin} {why}, so with an https redirect_uri WeChat’s redirect would stop there just the same. Serve HTTPS on {host} with a valid certificate first, then: wxauth{p} config set redirectUri {https}; or keep the http callback and remove the rule that sends it to https (WeChat’s documentation says the callback should use https, but http callbacks are seen to work).',
  },
  'doctor.scheme.upgrade.untrusted.fix': {
    zh: '现在还不能改用 https 回调。{detail}redirect_uri 改成 https，微信的跳转也会停在这张证书上。先处理证书：{tlsFix}然后再改用 https：wxauth{p} config set redirectUri {https}。或者继续用 http 回调，去掉把回调地址跳转到 https 的规则（微信文档说回调应当使用 https，但有开发者实测 http 回调也能用）。',
    en: 'Not the https callback yet. {detail} With an https redirect_uri, WeChat’s redirect would stop at that certificate just the same. First: {tlsFix} Then: wxauth{p} config set redirectUri {https}. Or keep the http callback and remove the rule that sends it to https (WeChat’s documentation says the callback should use https, but http callbacks are seen to work).',
  },
  'doctor.scheme.https.tlsFailed': { zh: '连得上，但 TLS 握手失败（{error}）', en: 'takes the connection, but the TLS handshake fails ({error})' },
  'doctor.scheme.https.certRefused': { zh: '的证书会被微信内置浏览器拒绝（{code}）', en: 'answers on a certificate WeChat’s browser refuses ({code})' },
  'doctor.scheme.https.unreached': { zh: '连不上：{error}', en: 'cannot be reached: {error}' },
  'doctor.scheme.upgrade.fix': { zh: '改用 https 的回调地址：wxauth{p} config set redirectUri {https}', en: 'Use the https callback: wxauth{p} config set redirectUri {https}' },

  // ── credentials (stable_token) ────────────────────────────────────────────────────────────────
  'doctor.credentials.ok': {
    zh: '{host} 可达，appid {appid} 和 secret 正确（stable_token，还有 {expiresIn} 秒有效；token 没有显示，也没有写入缓存）。',
    en: '{host} is reachable and appid {appid} and its secret are right (stable_token, valid for {expiresIn} s; the token is neither shown nor cached).',
  },
  'doctor.credentials.40013': { zh: '微信不认识 appid {appid}（40013 invalid appid）。', en: 'WeChat does not know appid {appid} (40013 invalid appid).' },
  'doctor.credentials.40013.fix': {
    zh: '从公众号后台「设置与开发 → 基本配置」复制开发者ID（AppID）：wxauth config set appid wx…{p}',
    en: 'Copy the AppID from the 公众号 console, 设置与开发 → 基本配置: wxauth config set appid wx…{p}',
  },
  'doctor.credentials.40013.fix.env': {
    zh: '从公众号后台「设置与开发 → 基本配置」复制开发者ID（AppID），改正环境变量 WXAUTH_APPID：这个 appid 来自它，它优先于 profile（wxauth config set 改不了）。',
    en: 'Copy the AppID from the 公众号 console, 设置与开发 → 基本配置, and fix the WXAUTH_APPID environment variable: this appid came from it, and it overrides the profile (wxauth config set would not help).',
  },
  'doctor.credentials.40013.fix.website': {
    zh: '在开放平台 open.weixin.qq.com → 管理中心 → 网站应用 → 查看 复制 AppID：wxauth config set appid wx…{p}',
    en: 'Copy the AppID from the Open Platform, open.weixin.qq.com → 管理中心 → 网站应用 → 查看: wxauth config set appid wx…{p}',
  },
  'doctor.credentials.40013.fix.website.env': {
    zh: '在开放平台 open.weixin.qq.com → 管理中心 → 网站应用 → 查看 复制 AppID，改正环境变量 WXAUTH_APPID：这个 appid 来自它，它优先于 profile（wxauth config set 改不了）。',
    en: 'Copy the AppID from the Open Platform, open.weixin.qq.com → 管理中心 → 网站应用 → 查看, and fix the WXAUTH_APPID environment variable: this appid came from it, and it overrides the profile (wxauth config set would not help).',
  },
  'doctor.credentials.40013.fix.test': {
    zh: '在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox 的「测试号信息」复制 appID：wxauth config set appid wx…{p}',
    en: 'Copy the appID from 测试号信息 on the test account page, mp.weixin.qq.com/debug/cgi-bin/sandbox: wxauth config set appid wx…{p}',
  },
  'doctor.credentials.40013.fix.test.env': {
    zh: '在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox 的「测试号信息」复制 appID，改正环境变量 WXAUTH_APPID：这个 appid 来自它，它优先于 profile（wxauth config set 改不了）。',
    en: 'Copy the appID from 测试号信息 on the test account page, mp.weixin.qq.com/debug/cgi-bin/sandbox, and fix the WXAUTH_APPID environment variable: this appid came from it, and it overrides the profile (wxauth config set would not help).',
  },
  'doctor.credentials.40125': { zh: 'appid {appid} 的 AppSecret 不对（40125 invalid appsecret）。', en: 'The AppSecret of appid {appid} is wrong (40125 invalid appsecret).' },
  'doctor.credentials.40125.fix': {
    zh: '在公众号后台「设置与开发 → 基本配置」查看或重置 AppSecret（重置会让旧的立即失效），再运行 printf %s "$WX_SECRET" | wxauth config set secret -{p}（WX_SECRET 里放新的 AppSecret）。',
    en: 'Look up or reset the AppSecret in the 公众号 console, 设置与开发 → 基本配置 (a reset invalidates the old one at once), then run printf %s "$WX_SECRET" | wxauth config set secret -{p} (with the new AppSecret in WX_SECRET).',
  },
  'doctor.credentials.40125.fix.env': {
    zh: '在公众号后台「设置与开发 → 基本配置」查看或重置 AppSecret（重置会让旧的立即失效），再改正环境变量 WXAUTH_SECRET：这个 secret 来自它，它优先于 profile（wxauth config set 改不了）。',
    en: 'Look up or reset the AppSecret in the 公众号 console, 设置与开发 → 基本配置 (a reset invalidates the old one at once), then fix the WXAUTH_SECRET environment variable: this secret came from it, and it overrides the profile (wxauth config set would not help).',
  },
  'doctor.credentials.40125.fix.website': {
    zh: '在开放平台 open.weixin.qq.com → 管理中心 → 网站应用 → 查看 中查看或重置 AppSecret（重置会让旧的立即失效），再运行 printf %s "$WX_SECRET" | wxauth config set secret -{p}（WX_SECRET 里放新的 AppSecret）。',
    en: 'Look up or reset the AppSecret on the Open Platform, open.weixin.qq.com → 管理中心 → 网站应用 → 查看 (a reset invalidates the old one at once), then run printf %s "$WX_SECRET" | wxauth config set secret -{p} (with the new AppSecret in WX_SECRET).',
  },
  'doctor.credentials.40125.fix.website.env': {
    zh: '在开放平台 open.weixin.qq.com → 管理中心 → 网站应用 → 查看 中查看或重置 AppSecret（重置会让旧的立即失效），再改正环境变量 WXAUTH_SECRET：这个 secret 来自它，它优先于 profile（wxauth config set 改不了）。',
    en: 'Look up or reset the AppSecret on the Open Platform, open.weixin.qq.com → 管理中心 → 网站应用 → 查看 (a reset invalidates the old one at once), then fix the WXAUTH_SECRET environment variable: this secret came from it, and it overrides the profile (wxauth config set would not help).',
  },
  'doctor.credentials.40125.fix.test': {
    zh: '在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox 的「测试号信息」复制 appsecret，再运行 printf %s "$WX_SECRET" | wxauth config set secret -{p}（WX_SECRET 里放新的 AppSecret）。',
    en: 'Copy the appsecret from 测试号信息 on the test account page, mp.weixin.qq.com/debug/cgi-bin/sandbox, then run printf %s "$WX_SECRET" | wxauth config set secret -{p} (with the new AppSecret in WX_SECRET).',
  },
  'doctor.credentials.40125.fix.test.env': {
    zh: '在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox 的「测试号信息」复制 appsecret，再改正环境变量 WXAUTH_SECRET：这个 secret 来自它，它优先于 profile（wxauth config set 改不了）。',
    en: 'Copy the appsecret from 测试号信息 on the test account page, mp.weixin.qq.com/debug/cgi-bin/sandbox, then fix the WXAUTH_SECRET environment variable: this secret came from it, and it overrides the profile (wxauth config set would not help).',
  },
  'doctor.credentials.40164': { zh: '本机的出口 IP {ip} 不在 IP 白名单里（40164）。', en: 'This machine’s egress IP {ip} is not in the IP whitelist (40164).' },
  'doctor.credentials.40164.fix': {
    zh: '在公众号后台「设置与开发 → 基本配置 → IP白名单」添加 {ip}（微信看到的地址，不一定是服务器网卡上的地址）。',
    en: 'Add {ip} under 设置与开发 → 基本配置 → IP白名单 in the 公众号 console (the address WeChat saw, which may differ from the server’s own).',
  },
  'doctor.credentials.40164.other': {
    zh: '{host} 拒绝了 {appid} 的调用（40164）：它看到的来源 IP {ip} 不在 IP 白名单里。{host} 不是微信的接口地址，这份白名单是它的（或它背后的微信看到的是它的出口 IP）。',
    en: '{host} refused the call for {appid} (40164): the address it saw, {ip}, is not in the IP whitelist. {host} is not WeChat’s API host, so the whitelist is its own (or WeChat behind it saw its address).',
  },
  'doctor.credentials.40164.other.fix': {
    zh: '{host} 是 wxauth 模拟器时：重启它并去掉 {appid} 的 --ip-whitelist，或加上 --ip-whitelist {appid}={ip}，也可以在模拟器页面上改白名单。它若是转发到微信的网关，就把微信看到的网关出口 IP（见 errmsg）加入公众平台的 IP 白名单（设置与开发 → 基本配置 → IP白名单）。',
    en: 'When {host} is the wxauth emulator: restart it without --ip-whitelist for {appid}, or with --ip-whitelist {appid}={ip}, or change the whitelist on its page. When it is a gateway that forwards to WeChat, add the gateway’s address that WeChat sees (its errmsg names it) to the IP whitelist in the console (设置与开发 → 基本配置 → IP白名单).',
  },
  'doctor.credentials.40164.fix.website': {
    zh: '在开放平台 open.weixin.qq.com → 管理中心 → 网站应用 → 该应用的开发配置里，把 {ip} 加入 IP 白名单（微信看到的地址，不一定是服务器网卡上的地址）。',
    en: 'Add {ip} to the IP whitelist on the Open Platform, open.weixin.qq.com → 管理中心 → 网站应用 → the app’s development settings (the address WeChat saw, which may differ from the server’s own).',
  },
  'doctor.credentials.errcode': { zh: 'stable_token 返回 {errcode}：{errmsg}', en: 'stable_token answered {errcode}: {errmsg}' },
  'doctor.credentials.errcode.fix': { zh: '查看解释：wxauth errcode {errcode}', en: 'See the explanation: wxauth errcode {errcode}' },

  // ── clock ─────────────────────────────────────────────────────────────────────────────────────
  'doctor.clock.ok': { zh: '本机时钟与微信相差 {skew} 秒（不超过 {limit} 秒）。', en: 'This machine’s clock is {skew} s off WeChat’s (within {limit} s).' },
  'doctor.clock.ahead': { zh: '本机时钟比微信快 {skew} 秒。', en: 'This machine’s clock is {skew} s ahead of WeChat’s.' },
  'doctor.clock.behind': { zh: '本机时钟比微信慢 {skew} 秒。', en: 'This machine’s clock is {skew} s behind WeChat’s.' },
  'doctor.clock.fix': {
    zh: '开启时间同步（timedatectl set-ntp true 或 chronyd）：JS-SDK 签名的时间戳和 token 的过期时间都依赖准确的时钟。',
    en: 'Turn on time sync (timedatectl set-ntp true, or chronyd): JS-SDK signature timestamps and token expiry depend on an accurate clock.',
  },
  'doctor.clock.other.ok': {
    zh: '本机时钟与 {host} 相差 {skew} 秒（不超过 {limit} 秒）；{host} 不是微信的接口地址，本机时钟是否准确要对着微信才知道。',
    en: 'This machine’s clock is {skew} s off that of {host} (within {limit} s); {host} is not WeChat’s API host, so only WeChat can tell whether this machine’s clock is right.',
  },
  'doctor.clock.other.ahead': {
    zh: '跳过：{host} 不是微信的接口地址，它的时钟比本机快 {skew} 秒（wxauth 模拟器的时钟可以被拨快）。要检查本机时钟，对着微信的接口地址运行 doctor。',
    en: 'Skipped: {host} is not WeChat’s API host, and its clock is {skew} s ahead of this machine’s (a wxauth emulator’s clock can be moved). To check this machine’s clock, run doctor against WeChat’s API host.',
  },
  'doctor.clock.other.behind': {
    zh: '跳过：{host} 不是微信的接口地址，它的时钟比本机慢 {skew} 秒。要检查本机时钟，对着微信的接口地址运行 doctor。',
    en: 'Skipped: {host} is not WeChat’s API host, and its clock is {skew} s behind this machine’s. To check this machine’s clock, run doctor against WeChat’s API host.',
  },
  'doctor.clock.noDate': { zh: '跳过：微信的应答没有 Date 头。', en: 'Skipped: WeChat’s answer had no Date header.' },
  'doctor.clock.noAnswer': { zh: '跳过：微信没有应答，无法比较时钟。', en: 'Skipped: WeChat did not answer, so there is no clock to compare with.' },
  'doctor.verifyFile.unreadable': { zh: '--verify-file {value}：{reason}。', en: '--verify-file {value}: {reason}.' },
} as const satisfies MessageSection;

import type { MessageSection } from './types.js';

// Messages of `wxauth proxy` (issue 15): its help, the start and stop lines, the live line's words,
// the detectors' evidence and fixes. Keys start with 'proxy.' and 'cli.proxy.'.
export const messages = {
  'cli.proxy.desc': {
    zh: '在你的服务器和微信之间做反向代理：逐条显示每次调用（已解释、已脱敏），并指出跨进程才看得出的问题',
    en: 'Reverse proxy between your servers and WeChat: every call shown live, explained and masked, with the problems only visible across processes',
  },
  'cli.proxy.opt.port': { zh: '端口（默认 3901）', en: 'port (default 3901)' },
  'cli.proxy.opt.host': { zh: '绑定地址（默认 127.0.0.1；其他地址会给出警告）', en: 'address to bind (default 127.0.0.1; anything else is warned about)' },
  'cli.proxy.opt.upstream': {
    zh: '转发到哪里（默认 https://api.weixin.qq.com，或全局 --region 选的接入点；也可以是模拟器）',
    en: 'where calls go (default https://api.weixin.qq.com, or the global --region; the emulator works too)',
  },
  'cli.proxy.opt.yes': { zh: '--har 的文件已存在时直接替换，不再询问', en: 'replace an existing --har file without asking' },
  'cli.proxy.opt.har': { zh: '退出时（包括 Ctrl-C）把所有调用写成 HAR 1.2 文件（已脱敏，除非 --show-secrets）', en: 'on exit (Ctrl-C included) write every call to this HAR 1.2 file (masked unless --show-secrets)' },
  'cli.proxy.opt.quota': {
    zh: '接口每日额度，覆盖默认值，例如 /cgi-bin/token=200（测试号）；可用逗号分隔多个',
    en: 'daily quota of a path over the defaults, e.g. /cgi-bin/token=200 (test accounts); comma-separate several',
  },
  'cli.proxy.opt.intercept': {
    zh: '同时做 HTTPS 正向代理（HTTPS_PROXY）：用本地 CA 解密 api.weixin.qq.com 各接入点的域名和 open.weixin.qq.com，其他域名原样转发不解密',
    en: 'also an HTTPS forward proxy (HTTPS_PROXY): decrypts api.weixin.qq.com, its regional hosts and open.weixin.qq.com with a local CA; every other host is tunnelled untouched',
  },
  'cli.proxy.opt.allowHost': {
    zh: '再接受一个 Host 名（可重复，或用逗号分隔），如容器里用的 host.docker.internal；默认只接受代理自己的地址',
    en: 'also answer requests whose Host is this name (repeatable or comma-separated), e.g. host.docker.internal from a container; by default only the proxy\'s own addresses',
  },
  'proxy.allowHost.invalid': { zh: '--allow-host 的值“{value}”不是主机名。', en: '--allow-host "{value}" is not a host name.' },
  'proxy.allowHost.invalid.hint': {
    zh: '只写主机名或 IP，不带协议、端口和路径，例如 --allow-host host.docker.internal。',
    en: 'Give only the name or IP, without scheme, port or path, e.g. --allow-host host.docker.internal.',
  },
  'cli.proxy.opt.printCa': { zh: '把本地 CA 证书（PEM，公开部分）打印到 stdout 后退出；没有就先生成', en: 'print the local CA certificate (PEM, the public part) on stdout and exit; creates it if needed' },
  'cli.proxy.examples': {
    zh: 'wxauth proxy --port 3901\nWECHAT_API_BASE=http://127.0.0.1:3901 npm start     # 你的服务改为指向代理\nwxauth proxy --region sh --har calls.har\nwxauth proxy --har calls.har -y     # calls.har 已存在时直接替换，不询问\nwxauth proxy --quota /cgi-bin/token=200     # 测试号的 /cgi-bin/token 每日只有 200 次\nwxauth proxy --upstream http://127.0.0.1:3900 --json | jq .\nwxauth proxy --intercept --upstream http://127.0.0.1:3900     # SDK 写死了 https://api.weixin.qq.com 时\nwxauth proxy --host 0.0.0.0 --allow-host host.docker.internal     # 服务跑在 Docker 容器里时\nwxauth proxy --print-ca > wxauth-ca.pem',
    en: 'wxauth proxy --port 3901\nWECHAT_API_BASE=http://127.0.0.1:3901 npm start     # your servers, aimed at the proxy\nwxauth proxy --region sh --har calls.har\nwxauth proxy --har calls.har -y     # replace an existing calls.har without asking\nwxauth proxy --quota /cgi-bin/token=200     # a test account gets 200 /cgi-bin/token calls a day\nwxauth proxy --upstream http://127.0.0.1:3900 --json | jq .\nwxauth proxy --intercept --upstream http://127.0.0.1:3900     # for SDKs that hard-code https://api.weixin.qq.com\nwxauth proxy --host 0.0.0.0 --allow-host host.docker.internal     # servers in Docker containers\nwxauth proxy --print-ca > wxauth-ca.pem',
  },

  'proxy.intercept.started': {
    zh: '拦截模式：发往 {hosts} 的 HTTPS 调用会被解密并逐条显示，然后转发到 {where}；其他域名原样转发，不解密。',
    en: 'Intercepting: HTTPS calls to {hosts} are decrypted, shown and sent on to {where}; every other host is tunnelled untouched.',
  },
  'proxy.intercept.realHosts': { zh: '它们原本要去的微信服务器', en: 'the WeChat host each was meant for' },
  'proxy.intercept.ca.created': {
    zh: '已生成本地 CA 证书：{cert}（私钥 {key} 权限 0600，只留在本机，不会打印也不会发送）。',
    en: 'Created the local CA certificate: {cert} (its key, {key}, is mode 0600 and never leaves this machine; it is never printed or sent).',
  },
  'proxy.intercept.ca.reused': {
    zh: '沿用本地 CA 证书：{cert}（私钥 {key} 只留在本机）。',
    en: 'Using the local CA certificate: {cert} (its key, {key}, never leaves this machine).',
  },
  'proxy.ca.otherOwner': {
    zh: '{file} 属于另一个用户（uid {uid}），wxauth 不用它：对方可以换掉你要让进程信任的 CA。',
    en: '{file} belongs to another user (uid {uid}), so wxauth does not use it: they can swap the CA you are about to have processes trust.',
  },
  'proxy.ca.otherOwner.hint': {
    zh: '删掉 CA 的两个文件（rm {cert} {key}），再用自己的账户运行一次生成新的 CA；原来信任旧证书的地方换成新证书。',
    en: 'Delete both CA files (rm {cert} {key}) and run again as yourself to make a new CA; trust the new certificate where the old one was trusted.',
  },
  'proxy.ca.outdated': {
    zh: '这个 CA 没有名称约束（旧版 wxauth 生成的 CA 没有，或者它是别处生成的）：私钥一旦泄露，可以冒充任何 IP 地址（甚至任何网站）骗过信任它的进程。删除 {cert} 和 {key}，再运行一次生成新的 CA，并在原来信任旧证书的地方换成新证书。',
    en: 'This CA has no name constraint (an earlier wxauth made its CAs without one, or it was made elsewhere): a stolen key could impersonate any IP address (or any site) to the processes that trust it. Delete {cert} and {key}, run again to make a new one, and trust the new certificate where you trusted the old one.',
  },
  'proxy.intercept.env': { zh: '在要观察的服务的环境里设置代理：', en: 'In the environment of the servers to watch, set the proxy:' },
  'proxy.intercept.trust': {
    zh: '并让它们信任这个 CA（只对这些进程生效；不信任的客户端会握手失败，代理绝不会退回明文或直通）：',
    en: 'and make them trust the CA (for those processes only; a client that does not trust it fails its handshake, never falls back to clear text or a tunnel):',
  },
  'proxy.intercept.trust.node': { zh: '  Node    NODE_EXTRA_CA_CERTS={cert}（fetch/undici 还需要 EnvHttpProxyAgent 才会走 HTTPS_PROXY）', en: '  Node    NODE_EXTRA_CA_CERTS={cert} (fetch/undici also need an EnvHttpProxyAgent to use HTTPS_PROXY)' },
  'proxy.intercept.trust.java': {
    zh: '  Java    cp $JAVA_HOME/lib/security/cacerts wxauth.jks && keytool -importcert -noprompt -alias wxauth-proxy -file {cert} -keystore wxauth.jks -storepass changeit，启动时加 -Djavax.net.ssl.trustStore=wxauth.jks -Dhttps.proxyHost={host} -Dhttps.proxyPort={port}（WxJava 不读这两个代理属性：还要在它的 ConfigStorage 上 setHttpProxyHost("{host}") 和 setHttpProxyPort({port})）',
    en: '  Java    cp $JAVA_HOME/lib/security/cacerts wxauth.jks && keytool -importcert -noprompt -alias wxauth-proxy -file {cert} -keystore wxauth.jks -storepass changeit, then start with -Djavax.net.ssl.trustStore=wxauth.jks -Dhttps.proxyHost={host} -Dhttps.proxyPort={port} (WxJava reads neither proxy property: also call setHttpProxyHost("{host}") and setHttpProxyPort({port}) on its config storage)',
  },
  'proxy.intercept.trust.php': {
    zh: '  PHP     php -d curl.cainfo={bundle} -d openssl.cafile={bundle}（curl 扩展和 Guzzle 会走 HTTPS_PROXY；file_get_contents/fopen 不会，要在 stream context 里设 proxy）',
    en: '  PHP     php -d curl.cainfo={bundle} -d openssl.cafile={bundle} (the curl extension and Guzzle use HTTPS_PROXY; file_get_contents/fopen do not: give their stream context a proxy)',
  },
  'proxy.intercept.trust.python': { zh: '  Python  REQUESTS_CA_BUNDLE={bundle}（requests），SSL_CERT_FILE={bundle}（httpx、urllib）', en: '  Python  REQUESTS_CA_BUNDLE={bundle} (requests), SSL_CERT_FILE={bundle} (httpx, urllib)' },
  'proxy.intercept.trust.go': { zh: '  Go      SSL_CERT_FILE={bundle}', en: '  Go      SSL_CERT_FILE={bundle}' },
  'proxy.intercept.bundle': {
    zh: 'PHP、Python、Go 的这些设置会替换系统的证书列表，而其他域名是直通的、用真实证书：先合并一份，例如 cat /etc/ssl/certs/ca-certificates.crt {cert} > {bundle}',
    en: 'The PHP, Python and Go settings replace the system\'s list, and other hosts are tunnelled with their real certificates: build a bundle of both first, e.g. cat /etc/ssl/certs/ca-certificates.crt {cert} > {bundle}',
  },
  'proxy.intercept.exposed': {
    zh: '代理监听在 {host} 且开启了 --intercept：局域网里的其他机器可以通过它调用微信的域名，它们发往微信的 HTTPS 调用会在这里解密显示；它们经由代理访问其他任何地址（包括本机的 127.0.0.1 和内网）都会被拒绝（403），请让它们把那些地址加入 NO_PROXY。',
    en: 'The proxy listens on {host} with --intercept: other machines on the network can reach WeChat\'s hosts through it, and their HTTPS calls to WeChat are decrypted and shown here. Anything else they ask it for (this machine\'s 127.0.0.1, your network, any other site) is refused with a 403: have them put those hosts in NO_PROXY.',
  },
  'proxy.blocked.host': {
    zh: '{caller}：已拒绝（403），Host「{target}」不是代理自己的地址（防止 DNS 重绑定）；请把请求发到代理打印的地址，或者这是你自己的名字（如容器里的 host.docker.internal）就加上 --allow-host。',
    en: '{caller}: refused (403): Host "{target}" is not an address of this proxy (a guard against DNS rebinding); send calls to the URL the proxy printed, or, if it is a name of yours (host.docker.internal from a container), add --allow-host.',
  },
  'proxy.blocked.control': {
    zh: '{caller} → {target}：已拒绝（403），代理从不转发模拟器的控制接口（/__emulator/）。',
    en: '{caller} → {target}: refused (403): the proxy never forwards the emulator\'s control API (/__emulator/).',
  },
  'proxy.blocked.control.page': {
    zh: '{caller} → {target}：已拒绝（403），这是模拟器自己的页面，代理不转发它（微信的 API 在 / 下没有接口）。',
    en: '{caller} → {target}: refused (403): that is the emulator\'s own page, which the proxy does not forward (WeChat\'s API has nothing at /).',
  },
  'proxy.blocked.network': {
    zh: '{caller} → {target}：已拒绝（403），来自其他机器的调用只能经代理访问微信的域名；请在那台机器的 NO_PROXY 里加上 {target}。',
    en: '{caller} → {target}: refused (403): callers from other machines reach only WeChat\'s hosts through this proxy; add {target} to NO_PROXY on that machine.',
  },
  'proxy.blocked.page': {
    zh: '{caller}：已拒绝（403），这是另一个网站的网页（{target}）发来的调用；微信的接口由服务器调用，代理只转发服务器发出的请求（防止你打开的网页借你的 IP 调用微信）。',
    en: '{caller}: refused (403): a web page on another site ({target}) sent this call; WeChat\'s API is called by servers, and the proxy forwards theirs only (so that a page you visit cannot call WeChat from your IP).',
  },
  'proxy.blocked.tls': {
    zh: '{caller}：用 TLS（https://）连到了这个只支持明文 HTTP 的端口，连接已断开；把客户端的地址改成 {target}（http://，不是 https://）。',
    en: '{caller}: spoke TLS (https://) to this plain-HTTP port, and was cut off; aim the client at {target} (http://, not https://).',
  },
  'proxy.blocked.connect': {
    zh: '{caller} 想经代理建立隧道（CONNECT {target}），已回 405：它把这个代理设成了 HTTPS_PROXY，而不加 --intercept 时代理是反向代理，不支持隧道。要么用 wxauth proxy --intercept 重启代理（并让这个客户端信任它的 CA），要么去掉它的 HTTPS_PROXY，把 SDK 的 API 地址改成 {base}。',
    en: '{caller} asked for a tunnel (CONNECT {target}) and got a 405: it has this proxy as its HTTPS_PROXY, and without --intercept the proxy is a reverse proxy that takes no tunnels. Either restart it as wxauth proxy --intercept (and have that client trust its CA), or unset HTTPS_PROXY for that client and aim its SDK\'s API base at {base}.',
  },
  'proxy.blocked.forward': {
    zh: '{caller} 把代理当作 HTTP_PROXY 来访问 {target}，已拒绝（403）：不加 --intercept 时，代理只转发发往微信 API 域名（api.weixin.qq.com 及各接入点的域名）的调用。把这个域名加进该客户端的 NO_PROXY，或者用 wxauth proxy --intercept 重启代理（其他域名会原样转发）。',
    en: '{caller} used the proxy as its HTTP_PROXY for {target} and got a 403: without --intercept the proxy forwards only calls to WeChat\'s API hosts (api.weixin.qq.com and its regional ones). Put that host in the client\'s NO_PROXY, or restart the proxy as wxauth proxy --intercept (which passes other hosts on untouched).',
  },
  'proxy.intercept.passed': { zh: '{caller} → {target}：原样转发（未解密）', en: '{caller} → {target}: tunnelled untouched (not decrypted)' },
  'proxy.intercept.passedHttp': { zh: '{caller} → {target}：非微信域名，原样转发', en: '{caller} → {target}: not a WeChat host, passed on as is' },
  'proxy.intercept.passedFailed': { zh: '{caller} → {target}：连不上（{failure}），已回 502', en: '{caller} → {target}: unreachable ({failure}), answered 502' },
  'proxy.intercept.refused': {
    zh: '{caller} 与 {host} 的 TLS 握手失败（{detail}）：这个客户端还不信任 wxauth 的 CA，按上面的说明设置后重启它。',
    en: '{caller} failed its TLS handshake for {host} ({detail}): that client does not trust wxauth\'s CA yet; set it up as shown above and restart it.',
  },
  'proxy.intercept.refused.plain_http': {
    zh: '{caller} 在 {host} 的隧道里发的是明文 HTTP，不是 TLS（{detail}）：与 CA 无关。它的地址多半写成了 http://{host}:443，或者 SDK 关掉了 TLS；改用 https://{host}（代理会解密它）。',
    en: '{caller} sent plain HTTP, not TLS, into its tunnel for {host} ({detail}): not a CA problem. Its base URL is probably http://{host}:443, or an SDK option turned TLS off; call https://{host} instead (the proxy decrypts it).',
  },
  'proxy.intercept.refused.old_tls': {
    zh: '{caller} 与 {host} 只提供了 TLS 1.0/1.1（{detail}）：与 CA 无关。微信和这个代理都要求 TLS 1.2 以上；升级客户端的运行环境（Java 8u261 或 11 以上，PHP/curl 用 OpenSSL 1.0.1 以上），或在其中启用 TLS 1.2（例如 Java 的 -Dhttps.protocols=TLSv1.2，curl 的 CURLOPT_SSLVERSION）。',
    en: '{caller} offered only TLS 1.0/1.1 for {host} ({detail}): not a CA problem. WeChat and this proxy need TLS 1.2 or later; update the client’s runtime (Java 8u261 or 11+, PHP/curl on OpenSSL 1.0.1+) or turn TLS 1.2 on in it (e.g. Java’s -Dhttps.protocols=TLSv1.2, curl’s CURLOPT_SSLVERSION).',
  },
  'proxy.intercept.refused.other': {
    zh: '{caller} 与 {host} 的 TLS 握手失败（{detail}）。如果它同时报了证书错误，说明它还不信任 wxauth 的 CA，按上面的说明设置后重启它。',
    en: '{caller} failed its TLS handshake for {host} ({detail}). If it also reports a certificate error, it does not trust wxauth\'s CA yet; set it up as shown above and restart it.',
  },
  'proxy.intercept.closed': {
    zh: '{caller} 在 {host} 的 TLS 握手期间或之后没发请求就断开了：如果它报了证书错误，说明它还不信任 wxauth 的 CA，按上面的说明设置后重启它。',
    en: '{caller} closed its connection for {host} during or right after the TLS handshake, without a request: if it reports a certificate error, it does not trust wxauth\'s CA yet; set it up as shown above and restart it.',
  },
  'proxy.ca.keyMode': { zh: 'CA 私钥文件 {file} 的权限是 {mode}，其他用户也能读取，拒绝使用。', en: 'The CA key file {file} has mode {mode}: other users can read it, so it is not used.' },
  'proxy.ca.keyMode.hint': {
    zh: '确认没有别人拿到过它后执行 chmod 600 {file}；不放心就删掉它和证书，重新生成并重新信任。',
    en: 'If nobody else can have read it, chmod 600 {file}; if unsure, delete it and the certificate to make a new CA, and trust that one instead.',
  },
  'proxy.ca.keyUnreadable': { zh: 'CA 私钥文件 {file} 不是可用的私钥（{code}）。', en: 'The CA key file {file} is not a private key wxauth can read ({code}).' },
  'proxy.ca.certUnreadable': { zh: 'CA 证书文件 {file} 不是可用的证书（{code}）。', en: 'The CA certificate file {file} is not a certificate wxauth can read ({code}).' },
  'proxy.ca.mismatch': { zh: 'CA 证书 {cert} 与私钥 {key} 不是一对。', en: 'The CA certificate {cert} does not belong to the key {key}.' },
  'proxy.ca.notCa': { zh: '证书 {file} 不是 CA 证书，不能用来签发证书。', en: 'The certificate {file} is not a CA certificate, so it cannot sign certificates.' },
  'proxy.ca.vanished': { zh: 'CA 私钥 {file} 刚写入就不见了（可能被别的程序删除）。', en: 'The CA key {file} was missing right after it was written (another program may have removed it).' },
  'proxy.ca.keyMissing': {
    zh: '找到了 CA 证书 {cert}，但缺少它的私钥 {key}。这个证书可能已经被某些地方信任，wxauth 不会替换它。',
    en: 'Found the CA certificate {cert} but not its key {key}. That certificate may already be trusted somewhere, so wxauth does not replace it.',
  },
  'proxy.ca.keyMissing.hint': {
    zh: '从备份恢复 {key}；或者删除 {cert} 和 {key} 两个文件后重新运行，生成新的 CA（之前信任过旧证书的地方需要换成新的）。',
    en: 'Restore {key} from a backup; or delete both {cert} and {key} and run again to make a new CA (wherever the old certificate was trusted, trust the new one instead).',
  },
  'proxy.ca.corrupt.hint': {
    zh: 'wxauth 不会覆盖它。删除 {key} 和 {cert} 后重新运行即可生成新的 CA（之前信任过旧 CA 的地方需要换成新的）。',
    en: 'wxauth does not overwrite it. Delete {key} and {cert} and run again to make a new CA (wherever the old one was trusted, trust the new one instead).',
  },
  'proxy.ca.certMissing': { zh: '找到了 CA 私钥 {key}，但缺少它的证书 {cert}。', en: 'Found the CA key {key} but not its certificate {cert}.' },
  'proxy.ca.expired': { zh: 'CA 证书 {file} 已于 {date} 过期。', en: 'The CA certificate {file} expired on {date}.' },
  'proxy.ca.unwritable': { zh: '无法写入 CA 文件 {file}：{detail}', en: 'Could not write the CA file {file}: {detail}' },
  'proxy.ca.unwritable.hint': { zh: '检查状态目录的权限，或用 WXAUTH_CONFIG_DIR 指定一个可写的目录。', en: 'Check the state folder\'s permissions, or point WXAUTH_CONFIG_DIR at a writable folder.' },

  'proxy.started': { zh: '代理已启动：{url} → {upstream}', en: 'Proxy running: {url} → {upstream}' },
  'proxy.aim': {
    zh: '把服务器里 api.weixin.qq.com 的地址换成 {url}（各 SDK 的设置见 README 的 proxy 一节；有的 SDK 把部分接口写死成 https://api.weixin.qq.com，只改基础地址覆盖不到）。',
    en: 'Point your servers\' api.weixin.qq.com base at {url} (SDK settings in the proxy section of the README; some SDKs hard-code https://api.weixin.qq.com for some calls, which a base-URL setting does not reach).',
  },
  'proxy.masked': { zh: 'secret、code、access_token、refresh_token 均已打码；要看原文请加 --show-secrets。', en: 'Secrets, codes, access and refresh tokens are masked; --show-secrets shows them.' },
  'proxy.unmasked': { zh: '已加 --show-secrets：屏幕上和 HAR 文件里都是明文的 secret 和 token，注意别外传。', en: '--show-secrets: secrets and tokens appear in clear on screen and in the HAR file; do not share them.' },
  'proxy.exposed': {
    zh: '代理监听在 {host}，局域网里的其他机器也能通过它调用微信接口，并在这里看到你的调用。',
    en: 'The proxy listens on {host}: other machines on the network can call WeChat through it and their calls show here.',
  },
  'proxy.stopHint': { zh: '按 Ctrl-C 停止，并显示各接口的汇总。', en: 'Press Ctrl-C to stop and see a summary per endpoint.' },
  'proxy.stopped': { zh: '代理已停止，共转发 {calls} 次调用。', en: 'Proxy stopped; calls forwarded: {calls}.' },
  'proxy.stopped.unanswered': {
    zh: '代理已停止：共 {calls} 次调用，其中 {unanswered} 次没有拿到上游的应答（原因见下表）。',
    en: 'Proxy stopped; calls: {calls}, of which {unanswered} got no answer from the upstream (the table says why).',
  },
  'proxy.summary.none': { zh: '没有调用经过代理。', en: 'No calls went through the proxy.' },
  'proxy.summary.endpoint': { zh: '接口', en: 'endpoint' },
  'proxy.summary.calls': { zh: '调用', en: 'calls' },
  'proxy.summary.errors': { zh: '错误（errcode×次数）', en: 'errors (errcode×count)' },
  'proxy.summary.p50': { zh: '耗时 p50', en: 'p50' },
  'proxy.summary.p95': { zh: '耗时 p95', en: 'p95' },
  // The errors column's failures (core/proxy-stats.ts): English keeps the names --json uses.
  'proxy.summary.failure.unreachable': { zh: '上游连不上', en: 'unreachable' },
  'proxy.summary.failure.timeout': { zh: '上游超时', en: 'timeout' },
  'proxy.summary.failure.reset': { zh: '上游断开', en: 'reset' },
  'proxy.summary.failure.aborted': { zh: '调用方先断开', en: 'aborted' },
  'proxy.summary.failure.stopped': { zh: '代理停止时切断', en: 'cut at stop' },
  'proxy.summary.failure.http': { zh: 'HTTP {status}（无 errcode）', en: 'http_{status}' },
  'proxy.summary.failure.not_json': { zh: '不是 JSON', en: 'not_json' },
  'proxy.summary.failure.not_object': { zh: 'JSON 但不是对象', en: 'not_object' },
  'proxy.summary.failure.empty': { zh: '空应答', en: 'empty' },
  'proxy.summary.failure.too_large': { zh: '太大未读', en: 'too_large' },
  'proxy.summary.other': { zh: '（其他路径）', en: '(other paths)' },
  'proxy.summary.otherNote': {
    zh: '只有前 {limit} 个不同的路径单独计数；之后出现的其他路径的 {calls} 次调用合计在“（其他路径）”一行。',
    en: 'Only the first {limit} distinct paths are counted one by one; {calls} calls to paths seen after them are counted together in the “(other paths)” row.',
  },
  'proxy.summary.detectors': { zh: '检测结果：{list}', en: 'Detectors: {list}' },
  'proxy.summary.noDetectors': { zh: '没有检测器触发。', en: 'No detector fired.' },
  'proxy.har.exists': { zh: '{file} 已经存在；--har 会在代理停止时用这次的 HAR 替换它。', en: '{file} already exists; --har replaces it with this run’s HAR when the proxy stops.' },
  'proxy.har.replace': { zh: '替换 {file}？', en: 'Replace {file}?' },
  'proxy.har.written': { zh: '已写入 HAR：{file}（{count} 条调用）', en: 'HAR written: {file} (calls: {count})' },
  'proxy.har.elsewhere': {
    zh: '{file} 是代理启动之后才出现或被改过的文件，没有替换它；HAR 写到了 {written}（{count} 条调用）。要替换它，请加 --yes。',
    en: '{file} appeared or changed after the proxy started, so it was not replaced; the HAR was written to {written} instead (calls: {count}). Pass --yes to replace it.',
  },
  'proxy.har.failed': { zh: '无法写入 HAR 文件 {file}：{detail}', en: 'Could not write the HAR file {file}: {detail}' },

  'proxy.line.ok': { zh: '成功', en: 'ok' },
  'proxy.line.httpError': { zh: 'HTTP {status}，没有 errcode', en: 'HTTP {status}, no errcode' },
  // A 200 that is not WeChat's JSON: a captive portal's or a gateway's page (core/proxy-detect.ts answerOf).
  'proxy.line.notJson': { zh: '不是 JSON，没有 errcode', en: 'not JSON, no errcode' },
  'proxy.line.notJson.bom': {
    zh: 'JSON 前面多了字节顺序标记（BOM，U+FEFF），调用方的 JSON 解析会失败；微信从不发送 BOM，是中间的中转加上的',
    en: 'JSON behind a byte-order mark (U+FEFF), which the caller’s JSON parser refuses; WeChat never sends one, a relay in between added it',
  },
  'proxy.line.notJson.bom.errcode': {
    zh: 'errcode {errcode} 的 JSON 前面多了字节顺序标记（BOM，U+FEFF），调用方的 JSON 解析会失败；微信从不发送 BOM，是中间的中转加上的',
    en: 'errcode {errcode} in JSON behind a byte-order mark (U+FEFF), which the caller’s JSON parser refuses; WeChat never sends one, a relay in between added it',
  },
  // JSON, but an array, a string or a number: WeChat's answers are objects ({"errcode":…} or the data).
  'proxy.line.notObject': { zh: '是 JSON 但不是对象，没有 errcode', en: 'JSON but not an object, no errcode' },
  // A 3xx without an errcode, with where it sends the caller: WeChat's API never redirects.
  'proxy.line.redirect': { zh: 'HTTP {status}，跳转到 {location}，没有 errcode', en: 'HTTP {status} to {location}, no errcode' },
  // A relative Location, shown resolved against the request's WeChat URL: the one the client named (with
  // --intercept, https://api.weixin.qq.com/…), else the upstream's.
  'proxy.line.redirect.relative': {
    zh: 'HTTP {status}，跳转到 {location}（Location 是相对地址，已按所请求的微信地址补全），没有 errcode',
    en: 'HTTP {status} to {location} (a relative Location, resolved against the WeChat URL called), no errcode',
  },
  // WeChat's own redirect: the authorize page's 302 to the redirect_uri (an answer under /connect/).
  'proxy.line.redirected': { zh: 'HTTP {status}，跳转到 {location}', en: 'HTTP {status} to {location}' },
  'proxy.line.redirected.relative': {
    zh: 'HTTP {status}，跳转到 {location}（Location 是相对地址，已按所请求的微信地址补全）',
    en: 'HTTP {status} to {location} (a relative Location, resolved against the WeChat URL called)',
  },
  'proxy.line.empty': { zh: '应答为空，没有 errcode', en: 'empty answer, no errcode' },
  'proxy.line.unread': { zh: '应答超过 64 KiB，代理没有读完', en: 'too large to read (over 64 KiB)' },
  'proxy.line.unreachable': { zh: '上游连不上（{failure}），已回 502', en: 'upstream unreachable ({failure}), answered 502' },
  'proxy.line.timeout': { zh: '上游超时（{failure}）', en: 'upstream timed out ({failure})' },
  // A caller in a detector's evidence (core/proxy-detect.ts who()): its process, else its User-Agent, else
  // its address alone. That the port is one connection's is said once, after the first hit naming one.
  'proxy.caller.process': { zh: '{address}（pid {pid}，{command}）', en: '{address} (pid {pid}, {command})' },
  // The one caller of two calls, by its process: its connections' addresses would add nothing (they stay in --json).
  'proxy.caller.process_alone': { zh: 'pid {pid}（{command}）', en: 'pid {pid} ({command})' },
  // A connection several processes hold (a socket inherited across fork: pre-fork workers, a child given
  // it as stdio): all of them, the parent first, since any may have sent the call.
  'proxy.caller.process_shared': {
    zh: '{address}（pid {pids} 共用这一个连接，运行的是 {commands}：分不出是哪一个发的）',
    en: '{address} (shared by pid {pids}, running {commands}: which of them sent it cannot be told)',
  },
  // A guess, said as one: the User-Agent is what the caller claims, and any two curls send the same one.
  // "No process found" only when a lookup ran and missed (loopback, Linux): a LAN caller, another OS, a
  // lookup rationed or not ended in time were not looked up, or not to the end.
  'proxy.caller.agent': { zh: '{address}（按 User-Agent「{agent}」猜的）', en: '{address} (a guess from its User-Agent "{agent}")' },
  'proxy.caller.agent_missed': { zh: '{address}（没找到进程，按 User-Agent「{agent}」猜的）', en: '{address} (no process found; a guess from its User-Agent "{agent}")' },
  'proxy.caller.port': { zh: '{address}', en: '{address}' },
  'proxy.caller.portNote': {
    zh: '（调用方地址后面的端口只属于一个连接：同一进程的下一个连接会换一个端口，所以它不能用来区分进程。）',
    en: '(The port after a caller\'s address is one connection\'s: the same process\'s next connection has another, so it does not name a process.)',
  },
  'proxy.line.reset': { zh: '上游断开连接（{failure}），调用方的连接也已断开', en: 'upstream reset ({failure}); the caller\'s connection was reset too' },
  'proxy.line.aborted': { zh: '调用方在收到完整应答前断开了', en: 'the caller went away before the answer was complete' },
  'proxy.stopping': {
    zh: '正在停止：还有 {calls} 个调用在等上游应答，再给它们 1 秒，之后切断。再按一次 Ctrl-C 会立即退出，不显示汇总。',
    en: 'Stopping: {calls} call(s) still wait for the upstream; they get a second, then are cut. Ctrl-C again quits at once, without the summary.',
  },
  'proxy.stopping.har': {
    zh: '正在停止：还有 {calls} 个调用在等上游应答，再给它们 1 秒，之后切断，再写 HAR。再按一次 Ctrl-C 会立即退出，不显示汇总；HAR 照样写入，但只有已经记录的调用，还在进行中的不在里面。',
    en: 'Stopping: {calls} call(s) still wait for the upstream; they get a second, then are cut, and the HAR is written. Ctrl-C again quits at once, without the summary; the HAR is still written, with the calls recorded by then and without those still in flight.',
  },
  'proxy.quit': { zh: '已立即退出（又按了一次 Ctrl-C）。', en: 'Quit at once (Ctrl-C again).' },
  'proxy.quit.harLeft': {
    zh: '已写入 HAR：{file}（{count} 条调用）；当时还在进行中的 {left} 个调用没有记进去（HAR 的 log.comment 写明了这一点）。',
    en: 'HAR written: {file} (calls: {count}); the {left} call(s) still in flight then are not in it (its log.comment says so).',
  },
  'proxy.line.stopped': { zh: '代理停止时上游还没有应答完：这次调用被代理切断（调用方的连接也被断开）', en: 'the upstream had not finished answering when the proxy stopped: the proxy cut this call (and the caller\'s connection)' },
  'proxy.line.tooLarge': {
    zh: '（压缩的应答，{size} 字节；解压后超过代理保留的前 64 KiB，未解码显示）',
    en: '(a compressed answer of {size} bytes; decompressed it is over the first 64 KiB the proxy keeps: not decoded)',
  },
  'proxy.line.fix': { zh: '怎么办：{fix}', en: 'fix: {fix}' },

  'proxy.port.invalid': { zh: '端口无效：{value}', en: 'Invalid port: {value}' },
  'proxy.port.invalid.hint': { zh: '用 0 到 65535 之间的整数，0 表示随便找一个空闲端口。', en: 'Use a whole number from 0 to 65535; 0 picks any free port.' },
  'proxy.port.inUse': { zh: '端口 {port} 已被占用，代理无法启动。', en: 'Port {port} is already in use; the proxy cannot start.' },
  'proxy.port.inUse.hint': { zh: '换一个端口：wxauth proxy --port {next}，或用 --port 0 让系统挑一个空闲端口。', en: 'Pick another port: wxauth proxy --port {next}, or --port 0 for any free port.' },
  'proxy.upstreamPositional.hint': {
    zh: '代理转发的地址用 --upstream 给出：wxauth proxy --upstream {url}（不带 --upstream 时转发到微信）。',
    en: 'The address the proxy forwards to is given with --upstream: wxauth proxy --upstream {url} (without it, the proxy forwards to WeChat).',
  },
  'proxy.upstream.path': {
    zh: '--upstream 带了路径 {prefix}：每个调用都会发到 {prefix} + 它自己的路径（例如 {example}）。微信的域名不带路径：除非上游是挂在这个路径下的网关，否则用 --upstream {origin}。',
    en: '--upstream has a path, {prefix}: every call goes to {prefix} + its own path (e.g. {example}). WeChat’s hosts take none: unless the upstream is a gateway under that path, use --upstream {origin}.',
  },
  'proxy.upstream.down': {
    zh: '上游 {upstream} 现在连不上：{reason}。在它启动之前，每个调用都会得到 502；检查 --upstream（例如模拟器是否已启动、端口是否正确）。',
    en: 'The upstream {upstream} does not take connections now: {reason}. Until it does, every call gets a 502; check --upstream (is the emulator running, is the port right?).',
  },
  'proxy.upstream.down.wechat': {
    zh: '这台机器现在连不上微信的 API 主机 {upstream}（没有指定 --upstream）：{reason}。在连上之前，每个调用都会得到 502。检查本机的网络和 DNS（wxauth doctor）；要对着模拟器测试，就把代理指向它：wxauth proxy --upstream http://127.0.0.1:3900。',
    en: 'WeChat’s API host {upstream} (no --upstream was given) cannot be reached from this machine: {reason}. Until it can, every call gets a 502. Check this machine’s network and DNS (wxauth doctor), or, to test against the emulator, aim the proxy at it: wxauth proxy --upstream http://127.0.0.1:3900.',
  },
  'proxy.host.invalid': { zh: '无法绑定地址 {host}：{detail}。', en: 'Cannot bind to {host}: {detail}.' },
  'proxy.host.invalid.hint': { zh: '用本机的地址，例如 127.0.0.1。', en: 'Use an address of this machine, such as 127.0.0.1.' },
  'proxy.upstream.self': {
    zh: '--upstream {upstream} 就是这个代理自己（端口 {port}）：每个调用都会被转发回代理，无休止地循环。',
    en: '--upstream {upstream} is this proxy itself (port {port}): every call would be forwarded back to it, over and over.',
  },
  'proxy.upstream.self.hint': {
    zh: '用 --port 给代理一个它自己的端口（不要用模拟器的），--upstream 保持指向模拟器的地址；或者去掉 --upstream，转发到微信。',
    en: 'Give the proxy a port of its own with --port (not the emulator’s), keeping --upstream at the emulator’s address; or leave --upstream out to reach WeChat.',
  },
  'proxy.upstream.invalid': { zh: '上游地址无效：{value}', en: 'Invalid upstream: {value}' },
  'proxy.upstream.invalid.hint': {
    zh: '用 http:// 或 https:// 开头的地址，例如 https://api.weixin.qq.com 或模拟器的 http://127.0.0.1:3900。',
    en: 'Use an http:// or https:// URL, such as https://api.weixin.qq.com or the emulator\'s http://127.0.0.1:3900.',
  },
  'proxy.region.invalid': { zh: '未知接入点：{value}', en: 'Unknown region: {value}' },
  'proxy.region.invalid.hint': { zh: '可选：{allowed}。', en: 'Choose one of: {allowed}.' },
  'proxy.quota.invalid': { zh: '额度设置无效：{value}', en: 'Invalid quota: {value}' },
  'proxy.quota.invalid.hint': { zh: '格式是 路径=每日次数，例如 /cgi-bin/token=200。', en: 'The form is path=calls-per-day, e.g. /cgi-bin/token=200.' },

  'proxy.hit.code.reused': {
    zh: '同一个 code（{code}）被换了两次：第一次 {first} 来自 {firstCaller}，第二次 {second} 来自 {secondCaller}（结果：{answer}）。code 只能用一次，第二次会得到 40163。',
    en: 'The same code ({code}) was exchanged twice: first at {first} by {firstCaller}, again at {second} by {secondCaller} (answer: {answer}). A code is single-use; the second exchange gets 40163.',
  },
  'proxy.hit.code.reused.same': {
    zh: '同一个 code（{code}）被同一个调用方 {caller} 换了两次：第一次在 {first}，第二次在 {second}（结果：{answer}）。code 只能用一次，第二次会得到 40163：多半是回调被处理了两次，或换取被重试了。',
    en: 'The same code ({code}) was exchanged twice by the same caller, {caller}: at {first}, and again at {second} (answer: {answer}). A code is single-use; the second exchange gets 40163: most likely the callback ran twice, or the exchange was retried.',
  },
  'proxy.hit.code.reused.same_soon': {
    zh: '同一个 code（{code}）被同一个调用方 {caller} 换了两次：第一次在 {first}，{ms} 毫秒后又换了一次（结果：{answer}）。code 只能用一次，第二次会得到 40163：多半是回调被处理了两次，或换取被重试了。',
    en: 'The same code ({code}) was exchanged twice by the same caller, {caller}: at {first}, and again {ms} ms later (answer: {answer}). A code is single-use; the second exchange gets 40163: most likely the callback ran twice, or the exchange was retried.',
  },
  'proxy.hit.code.reused.unseen': {
    zh: '{caller} 换取的 code（{code}）已经被用过（40163），而第一次使用没有经过代理：另一个进程或另一台机器抢先换掉了它。',
    en: '{caller} exchanged a code ({code}) that was already used (40163), and its first use did not go through the proxy: another process or machine exchanged it first.',
  },
  'proxy.hit.code.reused.lost': {
    zh: '同一个 code（{code}）换了两次：第一次在 {first} 来自 {firstCaller}，但没有收到应答（{lost}），而微信已经用掉了这个 code；{second} 来自 {secondCaller} 的重试因此得到 40163。',
    en: 'The same code ({code}) was exchanged twice: first at {first} by {firstCaller}, which got no answer ({lost}) although WeChat had spent the code; so the retry at {second} by {secondCaller} got 40163.',
  },
  'proxy.fix.code.reused.lost': {
    zh: '应答丢失的换取可能已经用掉了 code，用同一个 code 重试只会得到 40163：让用户重新授权拿一个新 code；给换取设一个够长的超时（几秒），不要在超时后自动重试。',
    en: 'An exchange whose answer was lost may still have spent the code, and a retry with the same code can only get 40163: send the user through authorization again for a new code; give the exchange a timeout of several seconds and do not retry it automatically after one.',
  },
  'proxy.fix.code.reused': {
    zh: '每个 code 只换一次：按 code 记住正在进行和已完成的换取，换到的 token 存进会话；微信偶尔会用同一个 code 回调两次，第二次等同一个结果、照常登录，不要再换。',
    en: 'Exchange each code once: remember in-flight and finished exchanges by code and keep the token in the session; WeChat sometimes calls back twice with the same code, so let the second wait for the same result and log in as usual, without exchanging again.',
  },
  'proxy.hit.basic_token.refetched': {
    zh: '{caller} 为 {appid} 重新获取了 /cgi-bin/token，而 {issuer} 在 {issued} 拿到的 token 还有约 {left} 分钟才过期：持有旧 token 的进程最多 5 分钟后就会收到 40001。',
    en: '{caller} fetched a new /cgi-bin/token for {appid} while the one {issuer} got at {issued} had about {left} minutes left: every process holding the old token gets 40001 within 5 minutes.',
  },
  // The same caller got the token it replaces: it keeps none (the evidence names it once, whoAlone).
  'proxy.hit.basic_token.refetched.same': {
    zh: '{caller} 为 {appid} 又调了一次 /cgi-bin/token，而它自己在 {issued} 拿到的 token 还有约 {left} 分钟才过期：它没有缓存 token。每调一次都要占用 /cgi-bin/token 每天 {limit} 次的额度；被顶掉的旧 token 最多还能用 5 分钟，之后别处留着的副本（其他 worker、共享缓存里的）会收到 40001。',
    en: '{caller} fetched a new /cgi-bin/token for {appid} while the one it got itself at {issued} had about {left} minutes left: it does not keep its token. Each fetch spends one of the {limit} /cgi-bin/token calls a day, and the token it replaced works 5 more minutes at most, so any copy of it kept elsewhere (another worker, a shared cache) then gets 40001.',
  },
  // Two connections whose processes are not both known (a short-lived caller such as curl gone before
  // its lookup found it, a caller on another machine): whether one process made both cannot be told.
  'proxy.hit.basic_token.refetched.unknown': {
    zh: '{caller} 为 {appid} 重新获取了 /cgi-bin/token，而 {issuer} 在 {issued} 拿到的 token 还有约 {left} 分钟才过期。分辨不出这两次调用是不是同一个进程发的：要么是某个进程没有缓存 token，又取了一次（每次都占用 /cgi-bin/token 每天 {limit} 次的额度），要么是两个进程各取各的。不管哪种，被顶掉的旧 token 最多还能用 5 分钟，之后还在用它的地方都会收到 40001。',
    en: '{caller} fetched a new /cgi-bin/token for {appid} while the one {issuer} got at {issued} had about {left} minutes left. Whether one process made both calls could not be told: either a process that does not keep its token fetched again (each fetch spends one of the {limit} /cgi-bin/token calls a day), or two processes each fetch their own. Either way the token it replaced works 5 more minutes at most, and anything still using it then gets 40001.',
  },
  'proxy.fix.basic_token.uncached': {
    zh: '把 token 缓存起来（进程内，或所有 worker 共用的缓存），在 expires_in（7200 秒）快到之前一直复用，快过期或收到 40001 时才重新获取；也可以改用 POST /cgi-bin/stable_token（不带 force_refresh），有效期内每次都返回同一个 token。',
    en: 'Keep the token (in the process, or in a cache every worker reads) and reuse it until close to its expires_in (7200 s), fetching again only then or after a 40001; or switch to POST /cgi-bin/stable_token without force_refresh, which returns the same token while it is valid.',
  },
  'proxy.hit.basic_token.force_refreshed': {
    zh: '{caller} 调用 stable_token 时带了 force_refresh，为 {appid} 强制换了新 token，而 {issuer} 在 {issued} 拿到的 stable token 还有约 {left} 分钟才过期：强制刷新会让旧 token 失效，持有它的进程会收到 40001。',
    en: '{caller} called stable_token with force_refresh for {appid}, forcing a new token while the stable token {issuer} got at {issued} had about {left} minutes left: a forced refresh invalidates the old token, so every process holding it gets 40001.',
  },
  // The caller that forced the refresh had got that stable token itself, and no other caller was seen with it.
  'proxy.hit.basic_token.force_refreshed.same': {
    zh: '{caller} 调用 stable_token 时带了 force_refresh，为 {appid} 强制换了新 token，而它自己在 {issued} 拿到的 stable token 还有约 {left} 分钟才过期：强制刷新让它手上的这个 token 作废了（不带 force_refresh 调用本来会一直返回它），别处留着的副本（其他 worker、共享缓存里的）现在会收到 40001。强制刷新每天最多 20 次；离上一次强制刷新不到 30 秒的不会换新，返回的还是原来的 token。',
    en: '{caller} called stable_token with force_refresh for {appid} while the stable token it got itself at {issued} had about {left} minutes left: the forced refresh invalidated its own token, which stable_token without force_refresh would have kept handing back, so any copy of it kept elsewhere (another worker, a shared cache) now gets 40001. Forced refreshes are limited to 20 a day, and one less than 30 s after the last does not refresh (the same token comes back).',
  },
  // The stable token's other holders are connections whose processes are not known: perhaps the same process.
  'proxy.hit.basic_token.force_refreshed.unknown': {
    zh: '{caller} 调用 stable_token 时带了 force_refresh，为 {appid} 强制换了新 token，而 {issuer} 在 {issued} 拿到的 stable token 还有约 {left} 分钟才过期。分辨不出拿到旧 token 的是不是同一个进程；不管是不是，强制刷新都让旧 token 作废了，还在用它的地方（那个进程、其他 worker、共享缓存）都会收到 40001。',
    en: '{caller} called stable_token with force_refresh for {appid}, forcing a new token while the stable token {issuer} got at {issued} had about {left} minutes left. Whether the same process got that token could not be told; either way the forced refresh invalidated it, so anything still using it (that process, another worker, a shared cache) gets 40001.',
  },
  'proxy.fix.basic_token.forced': {
    zh: '平时调用 stable_token 不要带 force_refresh：有效期内每次都返回同一个 token，所有进程共用。只有在 token 被拒（40001）时才强制刷新，而且只让一个服务来做（每天最多 20 次，两次至少间隔 30 秒）。',
    en: 'Call stable_token without force_refresh: it returns the same token to every process while it is valid. Force a refresh only when that token was refused (40001), and from one service only (at most 20 a day, 30 s apart).',
  },
  'proxy.fix.basic_token': {
    zh: '改用 POST /cgi-bin/stable_token（不带 force_refresh），有效期内每次返回同一个 token；或者只让一个服务获取并缓存 token，其他进程都向它取。',
    en: 'Switch to POST /cgi-bin/stable_token without force_refresh, which returns the same token while it is valid; or let one service fetch and cache the token and have every other process ask it.',
  },
  // The refetch is named by its time and path, as its own line shows them (call numbers are --json's only).
  'proxy.hit.token.not_latest.forced': {
    zh: '{appid} 的这次 40001 用的是 {issuer} 在 {issued} 拿到的 stable token，它已被 {refetcher} 在 {refetched} 带 force_refresh 调用 stable_token 强制换掉。',
    en: 'This 40001 for {appid} used the stable token {issuer} got at {issued}, which was knocked out by {refetcher} calling stable_token with force_refresh at {refetched}.',
  },
  'proxy.hit.token.not_latest': {
    zh: '{appid} 的这次 40001 用的是 {issuer} 在 {issued} 拿到的 token，它已被 {refetcher} 在 {refetched} 调用 /cgi-bin/token 新取的 token 顶掉。',
    en: 'This 40001 for {appid} used the token {issuer} got at {issued}, which was knocked out by the new one {refetcher} fetched from /cgi-bin/token at {refetched}.',
  },
  'proxy.hit.token.retried': {
    zh: '{caller} 又用了微信在 {refused} 以 {errcode} 拒绝的那个 token（{appid}；这次的结果：{answer}）：应用拿刚被拒绝的 token 重试了，在微信上它每次都会被拒绝。',
    en: '{caller} sent again the token WeChat refused with {errcode} at {refused} ({appid}; answer this time: {answer}): the app retried with the token WeChat had just refused, which WeChat refuses every time.',
  },
  'proxy.fix.token.retried': {
    zh: '收到 40001 或 42001 后，先丢掉缓存的 token，重新获取（stable_token，不带 force_refresh），再重试一次。SDK 自带的重试如果从同一个缓存取 token（wechat-api 的 40001 重试就是这样），就会重发旧 token：让它的 getToken 在 40001 之后不再返回旧 token。',
    en: 'On 40001 or 42001, drop the cached token and fetch a new one (stable_token without force_refresh) before retrying, once. An SDK’s own retry that takes the token from the same cache (wechat-api’s 40001 retry does) re-sends the old one: make its getToken stop returning that token after a 40001.',
  },
  'proxy.hit.quota.high': {
    zh: '{appid} 的 {path} 今天（北京时间 {day}）已调用 {count} 次，达到每日额度 {limit} 的 {percent}%。',
    en: '{path} for {appid} has been called {count} times today (Beijing day {day}): {percent}% of its daily quota of {limit}.',
  },
  'proxy.fix.quota.token': {
    zh: 'access_token 有效期 2 小时，缓存起来到期前再取，不要每个请求都调 /cgi-bin/token；额度用完后可在公众平台或用 clear_quota 清零（每月 10 次）。',
    en: 'The access_token lasts 2 hours: cache it and fetch again only near expiry instead of calling /cgi-bin/token per request; once exhausted, clear_quota (10 a month) or the MP console resets it.',
  },
  'proxy.fix.quota': {
    zh: '减少调用或加缓存；额度用完后可以在公众平台或用 clear_quota 清零（每月 10 次）。',
    en: 'Call less or cache the answers; once exhausted, clear_quota (10 a month) or the MP console resets it.',
  },
  'proxy.hit.ip.whitelist': {
    zh: '{appid} 调用 {endpoint} 被拒（40164）：微信看到的来源 IP 是 {ip}，它不在 IP 白名单里（调用方：{caller}）。',
    en: '{endpoint} for {appid} was refused (40164): WeChat saw the call coming from {ip}, which is not in the IP whitelist (caller: {caller}).',
  },
  'proxy.hit.ip.whitelist.upstream': {
    zh: '{appid} 调用 {endpoint} 被拒（40164）：{upstream} 看到的来源 IP 是 {ip}，不在它为这个应用设置的 IP 白名单里（调用方：{caller}）。',
    en: '{endpoint} for {appid} was refused (40164): {upstream} saw the call coming from {ip}, which is not in the IP whitelist it keeps for the app (caller: {caller}).',
  },
  'proxy.fix.ip.whitelist.upstream': {
    zh: '{upstream} 是 wxauth 模拟器时：重启它并去掉 {appid} 的 --ip-whitelist，或加上 --ip-whitelist {appid}={ip}，也可以在模拟器页面上改白名单。它若是转发到微信的网关，就把微信看到的网关出口 IP（见网关返回的 errmsg）加入公众平台的 IP 白名单（设置与开发 → 基本配置 → IP白名单）。',
    en: 'When {upstream} is the wxauth emulator: restart it without --ip-whitelist for {appid}, or with --ip-whitelist {appid}={ip}, or change the whitelist on its page. When it is a gateway that forwards to WeChat, add the gateway\'s address that WeChat sees (its errmsg names it) to the IP whitelist in the console (mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单).',
  },
  'proxy.fix.ip.whitelist': {
    zh: '把 {ip} 加入 IP 白名单：公众号在 mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单；网站应用在 open.weixin.qq.com → 管理中心 → 该应用的开发配置。',
    en: 'Add {ip} to the IP whitelist: for an Official Account at mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单; for a website app at open.weixin.qq.com → 管理中心 → the app\'s development settings.',
  },
  'proxy.hit.userinfo.base_scope': {
    zh: '{appid} 的 /sns/userinfo 返回 48001：这个 access_token 是 {issuer} 在 {issued} 用 snsapi_base 授权换来的，只能拿到 openid。',
    en: '/sns/userinfo for {appid} answered 48001: this access_token came from a snsapi_base authorization ({issuer} at {issued}), which gives the openid only.',
  },
  'proxy.fix.userinfo.base_scope': {
    zh: '需要昵称头像时，授权链接用 scope=snsapi_userinfo；只要 openid 就不必调用 /sns/userinfo。',
    en: 'Authorize with scope=snsapi_userinfo when you need the nickname and avatar; with only the openid needed, skip /sns/userinfo.',
  },
  'proxy.hit.userinfo.basic_token': {
    zh: '{endpoint} 返回 {errcode}：传入的是基础 access_token（{issuer} 在 {issued} 从 {source} 拿到的，属于 {appid}），不是用户的网页授权 token。',
    en: '{endpoint} answered {errcode}: it was given a basic access_token ({issuer} got it from {source} at {issued}, for {appid}), not the user’s web-authorization token.',
  },
  'proxy.fix.userinfo.basic_token': {
    zh: '传入 /sns/oauth2/access_token 为这个用户返回的 access_token 和 openid；基础 token（/cgi-bin/token、stable_token）只用于 /cgi-bin/* 接口。',
    en: 'Pass the access_token and openid that /sns/oauth2/access_token returned for this user; the basic token (/cgi-bin/token, stable_token) is for /cgi-bin/* calls only.',
  },
  'proxy.hit.path.doubled': {
    zh: '调用发到了 {path}，而不是 {meant}：客户端的 API 地址多了一段路径 {extra}，SDK 又在它后面加了自己的路径。',
    en: 'The call went to {path}, not {meant}: the client’s API base carries a path, {extra}, and its SDK adds its own after it.',
  },
  'proxy.fix.path.doubled': {
    zh: '把 SDK 的 API 地址设成只有协议、主机和端口（去掉 {extra}）：例如 {base}，而不是 {base}{extra}。',
    en: 'Give the SDK its API base as scheme, host and port alone (without {extra}): e.g. {base}, not {base}{extra}.',
  },
  'proxy.hit.refresh.expired': {
    zh: '{appid} 的 refresh_token 已过期（42002），它的签发没有经过代理。',
    en: 'The refresh_token for {appid} has expired (42002); it was not issued through the proxy.',
  },
  'proxy.hit.refresh.expired.seen': {
    zh: '{appid} 的 refresh_token 已过期（42002），它是 {issuer} 在 {issued} 拿到的。',
    en: 'The refresh_token for {appid} has expired (42002); {issuer} got it at {issued}.',
  },
  'proxy.fix.refresh.expired': {
    zh: 'refresh_token 有效期 30 天，过期后无法续期：让用户重新授权拿新的 code。',
    en: 'A refresh_token lives 30 days and cannot be renewed after that: send the user through authorization again for a new code.',
  },
} as const satisfies MessageSection;

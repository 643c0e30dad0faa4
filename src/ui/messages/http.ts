import type { MessageSection } from './types.js';

// Messages of the HTTP client: network failures named in plain words, and what to do.
export const messages = {
  'http.refused': { zh: '连接 {host} 被拒绝（{code}）。', en: 'Connection to {host} was refused ({code}).' },
  'http.refused.hint': {
    zh: '检查接口地址 {base}（来源：{where}）上是否有服务在运行（例如 wxauth emulator）；访问真实微信时检查网络和代理（HTTPS_PROXY）。',
    en: 'Check that the API base {base} (from {where}) is a running server (e.g. wxauth emulator); for real WeChat, check your network and proxy (HTTPS_PROXY).',
  },
  // ENETUNREACH / EHOSTUNREACH: the OS has no route there; no server was asked, so none refused.
  'http.unreachable': {
    zh: '本机没有通往 {host} 的路由（{code}）：请求没有发出去。',
    en: 'There is no route from this machine to {host} ({code}): the request was not sent.',
  },
  'http.unreachable.hint': {
    zh: '{code} 说明本机到不了那个网络或主机：检查是否联网，VPN 是否断开或把这个地址的流量接走了，防火墙是否拦截；只能经代理上网的网络里，设置 HTTPS_PROXY。接口地址 {base}（来源：{where}）。',
    en: "{code} means this machine cannot get to that network or host: check that it is online, that a VPN is connected (or is not taking this address's traffic), and that no firewall blocks it; on a network that reaches the internet only through a proxy, set HTTPS_PROXY. The API base is {base} (from {where}).",
  },
  // Where the API base came from ({where} of the hints that speak of it: core/endpoints.ts ApiBaseOrigin).
  'http.base.flag': { zh: '参数 {name}', en: 'the {name} flag' },
  'http.base.env': { zh: '环境变量 {name}', en: 'the variable {name}' },
  'http.base.profile': { zh: 'profile "{profile}" 的 {name} 设置', en: 'the {name} setting of profile "{profile}"' },
  'http.base.default': { zh: 'wxauth 的默认值', en: "wxauth's default" },
  'http.base.unknown': { zh: '--api-base、WXAUTH_API_BASE 或 profile 的 apiBase', en: "--api-base, WXAUTH_API_BASE or the profile's apiBase" },
  'http.base.backup': {
    zh: '备用地址：--backup-api-base、WXAUTH_BACKUP_API_BASE 或 profile 的 backupApiBase',
    en: "the backup host: --backup-api-base, WXAUTH_BACKUP_API_BASE or the profile's backupApiBase",
  },
  'http.dns': { zh: '无法解析主机名 {host}（{code}）。', en: 'Could not resolve the host name {host} ({code}).' },
  'http.dns.hint': {
    zh: '看看接口地址 {base}（来源：{where}）里的主机名 {hostname} 是否拼错；没拼错的话，检查本机的 DNS 和网络连接。',
    en: "Check the host name {hostname} in the API base {base} (from {where}) for a typo; if it is right, check this machine's DNS and network connection.",
  },
  // WeChat's own host (api.weixin.qq.com, api2…) is spelt right: a lookup that fails is this machine's.
  'http.dns.hint.wechat': {
    zh: '{hostname} 是微信自己的域名，解析不了多半是本机没联网或 DNS 不可用：检查网络连接和 DNS 设置；只能经代理上网的网络里，设置 HTTPS_PROXY。wxauth doctor 会逐项检查 DNS、代理和 TLS。',
    en: "{hostname} is WeChat's own host name: failing to resolve it most often means this machine is offline or has no working DNS. Check the network connection and DNS settings; on a network that reaches the internet only through a proxy, set HTTPS_PROXY. wxauth doctor checks DNS, the proxy and TLS one by one.",
  },
  'http.timeout': { zh: '{host} 在 {timeout} ms 内没有响应。', en: '{host} did not answer within {timeout} ms.' },
  'http.timeout.hint': {
    zh: '用 --timeout <毫秒> 放宽超时，或检查网络；微信接口通常在 1 秒内返回。',
    en: 'Allow more time with --timeout <ms>, or check the network; WeChat usually answers within a second.',
  },
  // The status line and headers came, then the body did not end in time: an answer began, so not "no answer".
  'http.timeout.bodyStalled': {
    zh: '{host} 返回了 HTTP {status}，但响应体 {timeout} ms 后还没有传完（只收到 {bytes} 字节）。',
    en: '{host} answered HTTP {status}, but its body had not ended after {timeout} ms ({bytes} bytes came).',
  },
  'http.timeout.bodyStalled.hint': {
    zh: '服务器收到了请求，也开始应答了，只是响应一直没写完。微信的响应只有几百字节，会立即结束：检查接口地址 {base}（来源：{where}）上的服务，以及中间的网关或代理（是否在缓冲、Content-Length 是否比实际写出的多、流式输出是否没有结束）。如果它只是慢，加 --timeout <毫秒> 放宽超时（现在是 {timeout} ms）。',
    en: "The server got the request and began to answer, but never finished: WeChat's answers are a few hundred bytes and end at once. Check the server at the API base {base} (from {where}) and any gateway or proxy in between (one buffering, a Content-Length larger than what is written, a stream left open). If it is only slow, allow more time with --timeout <ms> (now {timeout} ms).",
  },
  // After a lost answer's advice (http.reset.hint.*, {slow}) when the call timed out rather than was cut.
  'http.timeout.slow': { zh: '如果只是微信慢，加 --timeout <毫秒> 放宽超时（现在是 {timeout} ms）。', en: ' If WeChat is only slow, allow more time with --timeout <ms> (now {timeout} ms).' },
  'http.reset': { zh: '与 {host} 的连接被中断（{code}）。', en: 'The connection to {host} was reset ({code}).' },
  // Cut while the connection (its TLS handshake, a proxy's tunnel) was being made: the request was never written.
  'http.reset.unsent': {
    zh: '与 {host} 的连接在请求还没有发出时就被中断了（{code}）：请求没有离开本机。',
    en: 'The connection to {host} was cut before the request was sent ({code}): nothing of it left this machine.',
  },
  'http.reset.unsent.hint': {
    zh: '{check}这个请求可以放心重发。',
    en: '{check} The request is safe to send again.',
  },
  // {check} of http.reset.unsent.hint; alone before an exchange's code sentence (http.exchange.unsent.hint),
  // which says for the code what "safe to send again" says for any call (said once, not twice).
  'http.reset.unsent.check': {
    zh: '对方接受了连接，却在 TLS 握手完成之前就断开了：确认接口地址 {base}（来源：{where}）上的服务在这个端口说 HTTPS，再检查中间的网络（代理、VPN、防火墙）。',
    en: 'The server took the connection and closed it before the TLS handshake was done: check that the API base {base} (from {where}) speaks HTTPS on that port, and the network in between (a proxy, a VPN, a firewall).',
  },
  // What a cut connection leaves behind depends on the call (core/endpoints.ts cutCall).
  'http.reset.hint.retried': {
    zh: '已经重发过一次，仍然失败：检查服务器和中间的网络（代理、VPN），稍后再试。',
    en: 'It was sent again and failed again: check the server and the network in between (a proxy, a VPN), and try again later.',
  },
  'http.reset.hint.safe': {
    zh: '这个请求可以安全重发：再运行一次；反复出现时检查服务器和中间的网络（代理、VPN）。',
    en: 'The request is safe to send again: run the command again; if it keeps happening, check the server and the network in between (a proxy, a VPN).',
  },
  'http.reset.hint.code': {
    zh: '请求可能已到达服务器：换取 code 的请求不会自动重试（code 只能用一次）。稍后重试，或重新授权拿新 code。{slow}',
    en: 'The request may have reached the server: a code exchange is never retried automatically (a code is single-use). Try again, or authorise again for a new code.{slow}',
  },
  'http.reset.hint.legacyToken': {
    zh: '请求可能已到达微信，新的 token 可能已经发出（之前的 token 之后只能再用 5 分钟）；再发一次又会换一个。运行 wxauth{p} token 获取 stable token，它不会让别人手里的 token 失效。{slow}',
    en: "The request may have reached WeChat, so a new token may already have been issued (the previous one then works for 5 more minutes); sending it again would issue yet another. Run wxauth{p} token for a stable token, which ends no one else's.{slow}",
  },
  'http.reset.hint.forcedToken': {
    zh: '请求可能已到达微信，新的 stable token 可能已经发出（之前的随之失效）。运行 wxauth{p} token 获取当前有效的 token：不加 --force-refresh 不会再换新。{slow}',
    en: 'The request may have reached WeChat, so the new stable token may already have been issued (and the previous one ended). Run wxauth{p} token to get the current one: without --force-refresh it replaces nothing.{slow}',
  },
  'http.reset.hint.counted': {
    zh: '请求可能已到达微信，用掉了每月 10 次清零中的一次：再清零之前，先看看各接口的次数是否已经归零（wxauth quota 加接口路径可查）。{slow}',
    en: "The request may have reached WeChat and used one of the 10 clears a month: before clearing again, see whether the counts went back to 0 (wxauth quota with an API's path shows one).{slow}",
  },
  'http.reset.hint.unsafe': {
    zh: '请求可能已到达服务器，这个调用不能安全重复，所以没有自动重发：先确认它是否已经生效，再决定是否重发。{slow}',
    en: 'The request may have reached the server; the call is not safe to repeat, so it was not sent again: check whether it took effect before sending it again.{slow}',
  },
  'http.tls': { zh: '与 {host} 的 TLS 握手失败（{code}）。', en: 'The TLS handshake with {host} failed ({code}).' },
  'http.tls.hint': {
    zh: '检查系统时间、代理证书（公司代理常替换证书）或 NODE_EXTRA_CA_CERTS。',
    en: 'Check the system clock, your proxy certificate (corporate proxies often replace it) or NODE_EXTRA_CA_CERTS.',
  },
  'http.tls.plain.hint': {
    zh: '{host} 用明文 HTTP 响应，不是 TLS：接口地址应当是 {http}（来源：{where}）。',
    en: '{host} answered in plain HTTP, not TLS: the API base should be {http} (it came from {where}).',
  },
  // An http:// base on a port that speaks TLS: it hung up on the plain request (Node's and OpenSSL's
  // servers do, without a byte), or answered with a TLS record (http/client.ts).
  'http.tls.expected': {
    zh: '{host} 说的是 HTTPS（TLS），不是明文 HTTP：它没有给这个 http:// 请求 HTTP 回应（{code}）。',
    en: '{host} speaks HTTPS (TLS), not plain HTTP: it gave no HTTP answer to this http:// request ({code}).',
  },
  'http.tls.expected.hint': {
    zh: '接口地址应当是 {https}（来源：{where}）。',
    en: 'The API base should be {https} (it came from {where}).',
  },
  'http.malformed': { zh: '{host} 有回应，但不是合法的 HTTP 响应（{code}）。', en: '{host} answered, but not with a valid HTTP response ({code}).' },
  'http.malformed.hint': {
    zh: '那个端口上有程序在运行，但它不像微信接口：确认接口地址 {base}（来源：{where}）指向微信接口或 wxauth emulator，而不是别的服务（数据库、SSH 等），也没有把 https 端口写成 http://；中间有代理或网关时，检查它写出的响应头。加 -v 重新运行查看请求详情。',
    en: "Something runs on that port, but it does not answer as WeChat's API does: check that the API base {base} (from {where}) is WeChat's API or wxauth emulator, not another service (a database, SSH…), and not an https port written as http://; with a proxy or gateway in between, check the headers it writes. Run again with -v to see the request.",
  },
  'http.other': { zh: '请求 {host} 失败：{detail}', en: 'The request to {host} failed: {detail}' },
  'http.other.hint': { zh: '加 -v 重新运行查看请求详情。', en: 'Run again with -v to see the request.' },
  'http.notJson': {
    zh: '{host} 返回的不是 JSON（HTTP {status}，Content-Type {contentType}）：{preview}',
    en: '{host} did not answer with JSON (HTTP {status}, Content-Type {contentType}): {preview}',
  },
  'http.notJson.bom': {
    zh: '{host} 返回的 JSON 前面多了一个字节顺序标记（BOM，U+FEFF），这样就不是 JSON 了（HTTP {status}，Content-Type {contentType}）：{preview}',
    en: '{host} answered JSON that starts with a byte-order mark (U+FEFF), which is not JSON (HTTP {status}, Content-Type {contentType}): {preview}',
  },
  'http.notJson.bom.hint': {
    zh: '微信从不发送 BOM：是接口地址 {base}（来源：{where}）本身，或它后面的中转、代理或网关加上的，常见的是存成“UTF-8 带 BOM”的 PHP 文件。把那个文件另存为不带 BOM 的 UTF-8，或让中转去掉它。',
    en: 'WeChat never sends one: the API base {base} (from {where}) itself, or a relay, proxy or gateway behind it, added it, often a PHP file saved as “UTF-8 with BOM”. Save that file as UTF-8 without a BOM, or have the relay strip it.',
  },
  'http.notJson.hint': {
    zh: '确认接口地址 {base}（来源：{where}）指向微信接口（或 wxauth emulator），而不是网页或代理的错误页。',
    en: "Check that the API base {base} (from {where}) is WeChat's API (or wxauth emulator), not a web page or a proxy's error page.",
  },
  'http.busy.hint': {
    zh: '微信（或中间的网关）返回了一个“繁忙”页面：稍等片刻再试。',
    en: 'WeChat (or a gateway in between) answered with a busy page: try again shortly.',
  },
  'http.notFound.hint': {
    zh: '{base} 上没有 {path} 这个接口，多半是接口地址写错了（来源：{where}）。微信的是 https://api.weixin.qq.com；模拟器只写地址本身，例如 http://127.0.0.1:3900，/cgi-bin/… 由 wxauth 自己加上。',
    en: "Nothing answers {path} at {base}, so the API base is probably wrong (it came from {where}). WeChat's is https://api.weixin.qq.com; an emulator's is its address alone, e.g. http://127.0.0.1:3900: wxauth adds /cgi-bin/… itself.",
  },
  'http.unexpected': {
    zh: '{host} 对 {endpoint} 的响应不是微信文档描述的样子（{problems}）：{preview}',
    en: "{host}'s answer to {endpoint} is not what WeChat's docs say it is ({problems}): {preview}",
  },
  // An exchange whose request never left this machine (flows/user-token.ts unsentExchange): kept in this
  // area, whose texts that failure loads anyway (issue 19: no other catalogue file on that path).
  'http.exchange.unsent.hint': {
    zh: '{fix} code 没有发出去（请求没离开本机），所以还没用掉：修好之后再运行一次同样的命令即可，但要赶在 code 过期之前（回调后 5 分钟，网站应用 10 分钟）。',
    en: '{fix} The code was not sent (nothing left this machine), so it is still unused: once that is fixed, run the same command again, before the code expires (5 minutes after its callback, 10 for a website app).',
  },
  'http.exchange.unsent.caught.hint': {
    zh: '{fix} code 没有发出去（请求没离开本机），所以还没用掉，大约在 {until} 之前都能用：修好之后，从浏览器落到的地址里取出它来换（整个地址加引号粘贴，state 也会一起检查）：wxauth exchange{p} "CALLBACK_URL"。',
    en: '{fix} The code was not sent (nothing left this machine), so it is still unused, until about {until}: once that is fixed, exchange it from the address the browser landed on (paste the whole address in quotes, and its state is checked too): wxauth exchange{p} "CALLBACK_URL".',
  },
  // The same two after an error that already said nothing left this machine (http.reset.unsent): not twice.
  'http.exchange.unsent.said.hint': {
    zh: '{fix} code 没有发出去，所以还没用掉：修好之后再运行一次同样的命令即可，但要赶在 code 过期之前（回调后 5 分钟，网站应用 10 分钟）。',
    en: '{fix} The code was not sent, so it is still unused: once that is fixed, run the same command again, before the code expires (5 minutes after its callback, 10 for a website app).',
  },
  'http.exchange.unsent.caught.said.hint': {
    zh: '{fix} code 没有发出去，所以还没用掉，大约在 {until} 之前都能用：修好之后，从浏览器落到的地址里取出它来换（整个地址加引号粘贴，state 也会一起检查）：wxauth exchange{p} "CALLBACK_URL"。',
    en: '{fix} The code was not sent, so it is still unused, until about {until}: once that is fixed, exchange it from the address the browser landed on (paste the whole address in quotes, and its state is checked too): wxauth exchange{p} "CALLBACK_URL".',
  },
  // {problems} of http.unexpected: each of core/responses.ts's ShapeProblem kinds (http/client.ts
  // problemsParam), joined by http.unexpected.and. The fields missing are said together.
  'http.unexpected.missing.one': { zh: '缺少 {fields}', en: '{fields} is missing' },
  'http.unexpected.missing.many': { zh: '缺少 {fields}', en: '{fields} are missing' },
  'http.unexpected.type': { zh: '{field} 应为{expected}，实际为{found}', en: '{field} is {found}, not {expected}' },
  'http.unexpected.lifetime': { zh: '{field} 是 {value}，不在 1 到 {max} 秒之间', en: '{field} is {value}, not a number of seconds from 1 to {max}' },
  'http.unexpected.item': { zh: '{field}[{index}] 应为{items}，实际为{found}', en: '{field}[{index}] is {found}, in a list of {items}' },
  'http.unexpected.notIp': { zh: '{field}[{index}] 不是 IP 地址', en: '{field}[{index}] is not an IP address' },
  'http.unexpected.notObject': { zh: '响应体不是 JSON 对象', en: 'the body is not a JSON object' },
  'http.unexpected.alphabet': { zh: '{field} 的第 {position} 个字符是 {char}，微信给的只含字母、数字、- 和 _', en: '{field} has {char} at character {position}, where WeChat’s have letters, digits, - and _ only' },
  'http.unexpected.errcode': { zh: 'errcode 是 {value}，不是整数', en: 'errcode is {value}, not a whole number' },
  'http.unexpected.and': { zh: '{problem}；{more}', en: '{problem}; {more}' },
  // {expected} and {found} of the texts above: a JSON type, or what a list should hold.
  'http.unexpected.kind.null': { zh: '空值（null）', en: 'null' },
  'http.unexpected.kind.array': { zh: '数组', en: 'an array' },
  'http.unexpected.kind.object': { zh: '对象', en: 'an object' },
  'http.unexpected.kind.string': { zh: '字符串', en: 'a string' },
  'http.unexpected.kind.non_empty_string': { zh: '非空字符串', en: 'a non-empty string' },
  'http.unexpected.kind.number': { zh: '数字', en: 'a number' },
  'http.unexpected.kind.too_large_number': { zh: '大到无法表示的数字', en: 'a number too large to hold' },
  'http.unexpected.kind.boolean': { zh: '布尔值', en: 'a boolean' },
  'http.unexpected.kind.list_of_numbers': { zh: '数字列表', en: 'a list of numbers' },
  'http.unexpected.kind.list_of_strings': { zh: '字符串列表', en: 'a list of strings' },
  'http.unexpected.kind.list_of_ip_addresses': { zh: '由 IP 地址组成的列表', en: 'a list of IP addresses' },
  // {items} of http.unexpected.item: what each item of the list should be.
  'http.unexpected.items.numbers': { zh: '数字', en: 'numbers' },
  'http.unexpected.items.strings': { zh: '字符串', en: 'strings' },
  'http.unexpected.items.ip_addresses': { zh: '字符串（IP 地址）', en: 'IP addresses' },
  'http.unexpected.hint': {
    zh: '没有使用也没有缓存这个响应。加 -v 查看完整的请求和响应；如果 --api-base 指向代理或模拟器，确认它原样转发微信的响应。',
    en: "Nothing from this answer was used or cached. Run with -v to see the whole request and answer; if --api-base points at a proxy or emulator, make sure it passes WeChat's answer through unchanged.",
  },
  'http.proxy.tunnel': {
    zh: '代理 {proxy}（来自 {variable}）没有为 {host} 建立连接：它对 CONNECT 返回了 HTTP {status}。',
    en: 'The proxy {proxy} (from {variable}) would not open a connection to {host}: it answered HTTP {status} to CONNECT.',
  },
  'http.proxy.tunnel.hint': {
    zh: '检查代理是否在运行、是否允许 CONNECT 到 {host}；407 表示代理要账号密码（http://用户:密码@代理:端口）；或者把 {hostname} 加进 NO_PROXY 直接连接。',
    en: 'Check that the proxy is running and allows CONNECT to {host}; 407 means it wants credentials (http://user:password@proxy:port); or add {hostname} to NO_PROXY to connect directly.',
  },
  // A proxy that took the connection and opened no tunnel (http/proxy-agent.ts): hung up on the CONNECT, or left it unanswered.
  'http.proxy.noTunnel': {
    zh: '代理 {proxy}（来自 {variable}）接受了连接，却没有为 {host} 建立通道：收到 CONNECT 后就断开了（{code}）。请求没有发出去。',
    en: 'The proxy {proxy} (from {variable}) took the connection but opened no tunnel to {host}: it hung up on the CONNECT ({code}). Nothing was sent.',
  },
  'http.proxy.noTunnel.timeout': {
    zh: '代理 {proxy}（来自 {variable}）接受了连接，却在 {timeout} 毫秒内没有回应为 {host} 建立通道的 CONNECT。请求没有发出去。',
    en: 'The proxy {proxy} (from {variable}) took the connection but did not answer the CONNECT for {host} within {timeout} ms. Nothing was sent.',
  },
  'http.proxy.noTunnel.hint': {
    zh: '检查代理是否正常运行、是否支持并允许 CONNECT 到 {host}（只转发普通 HTTP 请求的代理不行）；这个地址不需要代理的话，把 {hostname} 加进 NO_PROXY 直接连接。',
    en: 'Check that the proxy is working and supports and allows CONNECT to {host} (a proxy that only forwards plain HTTP requests will not do); if this address needs no proxy, add {hostname} to NO_PROXY to connect directly.',
  },
  'http.proxy.unreachable': {
    zh: '连不上代理 {proxy}（来自 {variable}，{code}），请求没有发往 {host}。',
    en: 'Could not reach the proxy {proxy} (from {variable}, {code}); nothing was sent to {host}.',
  },
  'http.proxy.unreachable.hint': {
    zh: '检查代理地址和端口、代理是否在运行；不需要代理时取消 {variable}，或把 {hostname} 加进 NO_PROXY。',
    en: "Check the proxy's address and port and that it is running; if you need no proxy, unset {variable} or add {hostname} to NO_PROXY.",
  },
  'http.status': { zh: '{host} 返回 HTTP {status}：{preview}', en: '{host} answered HTTP {status}: {preview}' },
  'http.serverError.hint': {
    zh: '服务器端出错，稍后重试；持续出现时加 -v 查看完整响应。',
    en: 'The server failed; try again later, and run with -v to see the whole answer if it persists.',
  },
  // The same under --raw, which has already printed the whole answer on stdout.
  'http.serverError.raw.hint': {
    zh: '服务器端出错，稍后重试；完整响应已按 --raw 输出到标准输出（stdout）。',
    en: 'The server failed; try again later. --raw printed its whole answer on stdout.',
  },
  'http.tooLarge': { zh: '{host} 返回的 body 超过 {limit}，已停止读取。', en: '{host} sent a body larger than {limit}; stopped reading.' },
  'http.tooLarge.hint': { zh: '微信接口的响应都很小；检查 --api-base 是否指向了别的服务。', en: "WeChat's answers are small; check that --api-base is not pointing at something else." },
  'http.fallback': {
    zh: '{from} 无法连接，改用备用地址 {to} 重试一次。',
    en: '{from} is unreachable; trying once more on the backup host {to}.',
  },
  'http.retry.unreachable': { zh: '连接失败，请求未到达服务器，第 {attempt} 次重试：{url}', en: 'Could not connect (the request never reached the server); retry {attempt}: {url}' },
  'http.retry.reset': { zh: '连接在响应之前被中断，这个请求可以安全重发，第 {attempt} 次重试：{url}', en: 'The connection was cut before the answer; the request is safe to send again, retry {attempt}: {url}' },
  'http.retry.busy': { zh: '返回 -1 系统繁忙，第 {attempt} 次重试：{url}', en: 'Answered -1 (system busy); retry {attempt}: {url}' },
  'http.retry.busy_page': { zh: '返回了“繁忙”页面而不是 JSON，第 {attempt} 次重试：{url}', en: 'Answered with a busy page instead of JSON; retry {attempt}: {url}' },
} as const satisfies MessageSection;

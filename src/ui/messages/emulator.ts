import type { MessageSection } from './types.js';

// Messages of the 'emulator' area. Keys start with 'emulator.' (common: 'common.' and 'wechat.').
// The cli.emulator.opt.* keys below describe options this area added to its block in src/cli.ts.
export const messages = {
  'emulator.started': {
    zh: '微信模拟器已启动：{url}',
    en: 'WeChat emulator running at {url}',
  },
  'emulator.roles': {
    zh: '这一个地址同时充当 open.weixin.qq.com（授权页、扫码页）和 api.weixin.qq.com（接口）。',
    en: 'This one address plays both open.weixin.qq.com (authorize and QR pages) and api.weixin.qq.com (APIs).',
  },
  'emulator.apps': {
    zh: '内置应用（appid、secret 均为固定的假值，可直接复制）：',
    en: 'Seeded apps (fixed fake appids and secrets, ready to copy):',
  },
  'emulator.apps.fromFile': {
    zh: '{file} 里的应用：',
    en: 'Apps from {file}:',
  },
  'emulator.apps.masked': {
    zh: '{file} 里的 secret 可能是真的，这里已打码；要打印原文（包括下面 export 里的 WXAUTH_SECRET）请加 --show-secrets。',
    en: 'The secrets from {file} may be real, so they are masked here; add --show-secrets to print them (the WXAUTH_SECRET in the export lines below too).',
  },
  'emulator.apps.type': { zh: '类型', en: 'type' },
  'emulator.apps.domain': { zh: '域名', en: 'domain' },
  'emulator.apps.name': { zh: '名称', en: 'name' },
  'emulator.aim': {
    zh: '让 wxauth 指向模拟器：',
    en: 'Aim wxauth at the emulator:',
  },
  'emulator.aim.port80': {
    zh: '回调地址不带端口的几行（回调域不带端口，微信只认 80 端口）：wxauth login 要监听 80 端口，Linux 上一般要 root；监听不了时用测试号那一行（它的回调域带端口）。',
    en: 'A line whose redirect URI has no port calls back on port 80 (a callback domain without a port allows no other on WeChat): wxauth login listens there, which on Linux usually needs root; where it cannot, use the test account’s line (its domain has a port).',
  },
  'emulator.aim.port80.noTest': {
    zh: '回调地址不带端口的几行（回调域不带端口，微信只认 80 端口）：wxauth login 要监听 80 端口，Linux 上一般要 root；监听不了时给应用一个任意端口的域名（--domain "{appid}=localhost:*"，或种子文件里 "domain": "localhost:*"），再用 wxauth login --host localhost --port 0。',
    en: 'A line whose redirect URI has no port calls back on port 80 (a callback domain without a port allows no other on WeChat): wxauth login listens there, which on Linux usually needs root; where it cannot, give the app a domain that takes any port (--domain "{appid}=localhost:*", or "domain": "localhost:*" in the seed file) and run wxauth login --host localhost --port 0.',
  },
  'emulator.aim.noWebAuth.subscription': {
    zh: '↑ 订阅号没有网页授权权限：url / login 会被微信以 10005 拒绝；可用于基础 access_token（wxauth token）和 JS-SDK（wxauth jssdk）。',
    en: '↑ a subscription account has no web authorization: url / login get 10005 from WeChat; good for the basic access_token (wxauth token) and JS-SDK (wxauth jssdk).',
  },
  'emulator.aim.noWebAuth.unverified': {
    zh: '↑ 未认证的服务号没有网页授权权限：url / login 会被微信以 10005 拒绝；可用于基础 access_token（wxauth token）和 JS-SDK（wxauth jssdk）。',
    en: '↑ an unverified service account has no web authorization: url / login get 10005 from WeChat; good for the basic access_token (wxauth token) and JS-SDK (wxauth jssdk).',
  },
  'emulator.aim.flags': {
    zh: '或者每次加上参数：{flags}',
    en: 'or pass these flags each time: {flags}',
  },
  'emulator.users': {
    zh: '用户（授权页可切换“你”是谁；每个用户在各应用下的 openid 见 {url}/__emulator/seed）：',
    en: 'Users (the authorize page lets you pick who "you" are; each one\'s openid per app is at {url}/__emulator/seed):',
  },
  'emulator.user.follows': {
    zh: '关注：{list}',
    en: 'follows: {list}',
  },
  'emulator.user.followsNone': {
    zh: '未关注任何账号',
    en: 'follows nothing',
  },
  'emulator.control': {
    zh: '控制接口：{url}/__emulator/（clock 拨快时钟、requests 请求记录、faults 故障注入、scan 模拟扫码、reset 重置）',
    en: 'Control: {url}/__emulator/ (clock to move time, requests to see what was sent, faults, scan, reset)',
  },
  'emulator.page': {
    zh: '模拟器页面：{page}（应用、用户、时钟、故障、开关、待确认的扫码和实时请求记录；wxauth emulator --open 可直接打开）',
    en: 'Emulator page: {page} (apps, users, clock, faults, switches, pending QR logins and the live request log; wxauth emulator --open opens it)',
  },
  'emulator.open.opened': {
    zh: '已在浏览器中打开模拟器页面：{page}',
    en: 'Opened the emulator page in the browser: {page}',
  },
  'emulator.open.noDisplay': {
    zh: '没有图形界面（未设置 DISPLAY / WAYLAND_DISPLAY），无法打开浏览器；请在浏览器中打开 {page}',
    en: 'No display (DISPLAY / WAYLAND_DISPLAY unset) to open a browser on; open {page} in a browser.',
  },
  // {reason}: why, as url --open says it (url.open.reason.*: no opener, or the one there that could not be started, failed with its exit status or was killed).
  'emulator.open.failed': {
    zh: '{reason}，请手动在浏览器中打开 {page}',
    en: '{reason}; open {page} in a browser yourself.',
  },
  'emulator.switchesSet': {
    zh: '开关（启动时设置）：{list}。其余为默认值；GET /__emulator/switches 可查看全部。',
    en: 'Switches set at start: {list}. The others have their defaults; GET /__emulator/switches lists them all.',
  },
  'emulator.faults': {
    zh: '已注入故障：{list}',
    en: 'Injected faults: {list}',
  },
  'emulator.userinfoLang.unseen': {
    zh: 'userinfoLang 只在 profileEra=legacy 时看得出来：2021 年后的 /sns/userinfo 没有语言和地区。要看效果，再加 --set profileEra=legacy。',
    en: 'userinfoLang shows only with profileEra=legacy: since 2021 /sns/userinfo has no language or places. To see it, add --set profileEra=legacy.',
  },
  'emulator.fault.everywhere': {
    zh: '{spec}（所有路径，包括授权页，直到清除）',
    en: '{spec} (every path, authorize pages included, until cleared)',
  },
  'emulator.fault.unknownPath': {
    zh: '故障 {spec} 永远不会触发：模拟器没有 {path} 这个路径。',
    en: 'Fault {spec} will never fire: the emulator serves nothing at {path}.',
  },
  'emulator.fault.unknownPath.suggest': {
    zh: '故障 {spec} 永远不会触发：模拟器没有 {path} 这个路径。是不是 {suggestion}？',
    en: 'Fault {spec} will never fire: the emulator serves nothing at {path}. Did you mean {suggestion}?',
  },
  'emulator.exposed': {
    zh: '模拟器监听在 {host}，局域网内其他机器也能访问它（包括假的 secret 和 token）。',
    en: 'The emulator listens on {host}, so other machines on the network can reach it (fake secrets and tokens included).',
  },
  'emulator.stopHint': {
    zh: '按 Ctrl-C 停止。',
    en: 'Press Ctrl-C to stop.',
  },
  'emulator.stopped': {
    zh: '微信模拟器已停止。',
    en: 'WeChat emulator stopped.',
  },
  'emulator.port.inUse': {
    zh: '端口 {port} 已被占用，模拟器无法启动。',
    en: 'Port {port} is already in use; the emulator cannot start.',
  },
  'emulator.port.inUse.hint': {
    zh: '换一个端口：wxauth emulator --port {next}，或用 --port 0 让系统挑一个空闲端口。',
    en: 'Pick another port: wxauth emulator --port {next}, or --port 0 for any free port.',
  },
  'emulator.port.inUse.emulator': {
    zh: '端口 {port} 上已经有一个 wxauth 模拟器在运行（页面：{url}），多半是在另一个终端里启动的。',
    en: 'A wxauth emulator is already running on port {port} (its page: {url}), most likely started in another terminal.',
  },
  'emulator.port.inUse.emulator.hint': {
    zh: '直接用那个（它启动时打印的 export 行仍然有效，或打开 {url}），在它的终端里按 Ctrl-C 停掉它，或另开一个：wxauth emulator --port {next}。',
    en: 'Use that one (the export lines it printed at start still hold, or open {url}), stop it with Ctrl-C in its terminal, or start another: wxauth emulator --port {next}.',
  },
  'emulator.port.denied': {
    zh: '没有权限监听端口 {port}。',
    en: 'Not allowed to listen on port {port}.',
  },
  'emulator.port.denied.hint': {
    zh: '1024 以下的端口需要管理员权限；用 --port 3900 这类更大的端口。',
    en: 'Ports below 1024 need root; use a higher one such as --port 3900.',
  },
  'emulator.port.invalid': {
    zh: '--port 必须是 0 到 65535 之间的整数，收到的是 "{value}"。',
    en: '--port must be an integer from 0 to 65535, got "{value}".',
  },
  'emulator.port.invalid.hint': {
    zh: '例如 --port 3900；--port 0 表示任意空闲端口。',
    en: 'For example --port 3900; --port 0 means any free port.',
  },
  'emulator.host.invalid': {
    zh: '无法监听地址 {host}：{detail}。',
    en: 'Cannot listen on {host}: {detail}.',
  },
  'emulator.host.invalid.hint': {
    zh: '用本机地址，例如 --host 127.0.0.1（默认），或 --host 0.0.0.0 让局域网可访问。',
    en: 'Use a local address such as --host 127.0.0.1 (the default), or --host 0.0.0.0 to allow the network.',
  },
  'emulator.option.invalid': {
    zh: '{option} 的值 "{value}" 无效。',
    en: 'Invalid value "{value}" for {option}.',
  },
  'emulator.option.invalid.hint': {
    zh: '可用的值：{allowed}。',
    en: 'Allowed values: {allowed}.',
  },
  'emulator.set.unknown': {
    zh: '--set：没有叫 {name} 的开关。',
    en: '--set: there is no switch named {name}.',
  },
  'emulator.set.unknown.hint': {
    zh: '可用的开关：{names}。',
    en: 'The switches: {names}.',
  },
  'emulator.set.unknown.suggest': {
    zh: '是不是 {suggestion}？可用的值：{allowed}。',
    en: 'Did you mean {suggestion}? Its values: {allowed}.',
  },
  'emulator.fault.problem.syntax': {
    zh: '故障 "{spec}" 无效：格式应为 KIND[=N][@PATH][:COUNT]，例如 delay=2000:3 或 500@/sns/oauth2/access_token',
    en: 'invalid fault "{spec}": expected KIND[=N][@PATH][:COUNT], e.g. delay=2000:3 or 500@/sns/oauth2/access_token',
  },
  'emulator.fault.problem.unknownKind': {
    zh: '故障 "{spec}" 无效：没有 "{kind}" 这种故障（可用 delay、500、502、busy、reset、garbage 或 errcode）',
    en: 'invalid fault "{spec}": unknown kind "{kind}" (use delay, 500, 502, busy, reset, garbage or errcode)',
  },
  'emulator.fault.problem.delayNeedsMs': {
    zh: '故障 "{spec}" 无效：delay 需要整数的毫秒数，例如 delay=2000',
    en: 'invalid fault "{spec}": delay needs a whole number of milliseconds, e.g. delay=2000',
  },
  'emulator.fault.problem.delayTooLong': {
    zh: '故障 "{spec}" 无效：delay 最多 {max} 毫秒（10 分钟）',
    en: 'invalid fault "{spec}": delay is at most {max} ms (10 minutes)',
  },
  'emulator.fault.problem.onlyDelayMs': {
    zh: '故障 "{spec}" 无效：只有 delay（=毫秒）和 errcode（=错误码）可以带 =N',
    en: 'invalid fault "{spec}": only delay (=MS) and errcode (=CODE) take =N',
  },
  'emulator.fault.problem.countRange': {
    zh: '故障 "{spec}" 无效：COUNT 必须是 1 到 {max} 之间的整数',
    en: 'invalid fault "{spec}": COUNT must be a whole number from 1 to {max}',
  },
  'emulator.fault.problem.order': {
    zh: '故障 "{spec}" 无效：各部分的顺序不对，要按 KIND[=N][@PATH][:COUNT] 的顺序写，即 {fixed}',
    en: 'invalid fault "{spec}": its parts are out of order; write them as KIND[=N][@PATH][:COUNT]: {fixed}',
  },
  'emulator.fault.problem.notSpec': {
    zh: '故障 {spec} 无效：故障应是一个规格字符串或一个对象',
    en: 'invalid fault {spec}: a fault is a spec string or an object',
  },
  'emulator.fault.problem.kind': {
    zh: '故障 {spec} 无效：kind 必须是 delay、http500、http502、busy、reset、garbage 或 errcode',
    en: 'invalid fault {spec}: kind must be delay, http500, http502, busy, reset, garbage or errcode',
  },
  'emulator.fault.problem.delayMs': {
    zh: '故障 {spec} 无效：delay 需要 0 到 {max} 的 ms：最多 {max} 毫秒（10 分钟）',
    en: 'invalid fault {spec}: delay needs ms from 0 to {max}: a delay is at most {max} ms (10 minutes)',
  },
  'emulator.fault.problem.path': {
    zh: '故障 {spec} 无效：path 必须以 / 开头',
    en: 'invalid fault {spec}: path must start with /',
  },
  'emulator.fault.problem.pathSlash': {
    zh: '故障 "{spec}" 无效：@ 后面的路径要以 / 开头，例如 @/cgi-bin/token',
    en: 'invalid fault "{spec}": the path after @ starts with /, e.g. @/cgi-bin/token',
  },
  'emulator.fault.problem.errcodeNeedsCode': {
    zh: '故障 {spec} 无效：errcode 的值必须是数字，即微信的错误码，例如 errcode=40001 或 errcode=-1000',
    en: 'invalid fault {spec}: errcode needs a number, WeChat’s errcode, e.g. errcode=40001 or errcode=-1000',
  },
  'emulator.fault.problem.errcodeUnknown': {
    zh: '故障 {spec} 无效：模拟器不知道 {errcode} 的 errmsg 该怎么写；可用的错误码：{errcodes}',
    en: 'invalid fault {spec}: the emulator does not know WeChat’s errmsg for {errcode}; codes it can answer: {errcodes}',
  },
  'emulator.fault.problem.count': {
    zh: '故障 {spec} 无效：count 必须是 1 到 {max} 的整数',
    en: 'invalid fault {spec}: count must be an integer from 1 to {max}',
  },
  'emulator.fault.invalid.hint': {
    zh: '格式是 KIND[=N][@PATH][:COUNT]，例如 --fault 500@/sns/oauth2/access_token、--fault delay=2000:3 或 --fault errcode=40001@/cgi-bin/ticket/getticket:1；KIND 可以是 delay（=毫秒）、500、502、busy、reset、garbage、errcode（=微信错误码）。',
    en: 'The syntax is KIND[=N][@PATH][:COUNT], e.g. --fault 500@/sns/oauth2/access_token, --fault delay=2000:3 or --fault errcode=40001@/cgi-bin/ticket/getticket:1; KIND is delay (=MS), 500, 502, busy, reset, garbage or errcode (=a WeChat errcode).',
  },
  'emulator.callerIp.noWhitelist': {
    zh: '--caller-ip {ip}：没有哪个种子应用设置了 IP 白名单，所以不会有调用被拒（40164）。用 --ip-whitelist appid=IP、在模拟器页面上，或在 --seed 文件里给应用设置 ipWhitelist。',
    en: '--caller-ip {ip}: no seeded app has an IP whitelist, so no call is refused (40164). Give an app one with --ip-whitelist appid=IP, on the emulator page, or as ipWhitelist in a --seed file.',
  },
  'emulator.apps.whitelist': {
    zh: '{appid} 的 IP 白名单：{ips}，其他调用方调用 /cgi-bin/ 接口会得到 40164。',
    en: '{appid} has an IP whitelist, {ips}: other callers get 40164 from /cgi-bin/ calls.',
  },
  'emulator.callerIp.invalid': {
    zh: '--caller-ip 的 "{value}" 不是 IP 地址。',
    en: '--caller-ip "{value}" is not an IP address.',
  },
  'emulator.callerIp.invalid.hint': {
    zh: '给一个 IPv4 或 IPv6 地址，例如 --caller-ip 218.58.124.130；它会出现在 40164 的 errmsg 里。',
    en: 'Give an IPv4 or IPv6 address, e.g. --caller-ip 218.58.124.130; it is what 40164\'s errmsg shows.',
  },
  'emulator.domain.invalid': {
    zh: '--domain 的 "{value}" 无效，应为 appid=域名[:端口]。',
    en: 'Invalid --domain "{value}": expected appid=host[:port].',
  },
  'emulator.domain.invalid.hint': {
    zh: '例如 --domain wx5e1ec0de00000001=127.0.0.1:5000；多个用逗号分隔。',
    en: 'For example --domain wx5e1ec0de00000001=127.0.0.1:5000; separate several with commas.',
  },
  'emulator.seed.unreadable': {
    zh: '读不了种子文件 {file}：{detail}',
    en: 'Cannot read the seed file {file}: {detail}',
  },
  'emulator.seed.unreadable.hint': {
    zh: '检查路径；不加 --seed 就使用内置的账号和用户。',
    en: 'Check the path; without --seed the built-in apps and users are used.',
  },
  'emulator.seed.invalid': {
    zh: '种子文件 {file} 有问题：{problems}',
    en: 'The seed file {file} has problems: {problems}',
  },
  'emulator.seed.invalid.hint': {
    zh: '格式见 README 的“模拟器”一节：{"apps":[{"appid","secret","type","domain",…}],"users":[{"nickname","follows",…}]}。',
    en: 'See the README "emulator" section for the format: {"apps":[{"appid","secret","type","domain",…}],"users":[{"nickname","follows",…}]}.',
  },
  'emulator.seed.problem.notObject': {
    zh: '种子必须是一个 JSON 对象，包含 "apps" 和 "users" 两个数组',
    en: 'the seed must be a JSON object with "apps" and "users" arrays',
  },
  'emulator.seed.problem.notJson': {
    zh: '种子文件不是有效的 JSON（第 {line} 行第 {column} 列）',
    en: 'the seed file is not valid JSON (line {line}, column {column})',
  },
  'emulator.seed.problem.notJsonEmpty': {
    zh: '种子文件是空的，里面没有 JSON',
    en: 'the seed file is empty: there is no JSON in it',
  },
  'emulator.seed.problem.notJsonBom': {
    zh: '种子文件以字节顺序标记（BOM）开头，JSON 不允许（Windows 上的一些编辑器会加上它）；请保存为不带 BOM 的 UTF-8',
    en: 'the seed file begins with a byte order mark (BOM), which JSON does not allow (some Windows editors add one); save it as UTF-8 without a BOM',
  },
  'emulator.seed.problem.appsEmpty': {
    zh: '"apps" 必须是非空数组',
    en: '"apps" must be a non-empty array',
  },
  'emulator.seed.problem.usersEmpty': {
    zh: '"users" 必须是非空数组',
    en: '"users" must be a non-empty array',
  },
  'emulator.seed.problem.notAnObject': {
    zh: '{where} 必须是一个对象',
    en: '{where} must be an object',
  },
  'emulator.seed.problem.appid': {
    zh: '{where}.appid 必须是 "wx" 加 16 位小写十六进制数字',
    en: '{where}.appid must be "wx" followed by 16 lower-case hex digits',
  },
  'emulator.seed.problem.appidTwice': {
    zh: '{where}.appid {appid} 出现了两次',
    en: '{where}.appid {appid} appears twice',
  },
  'emulator.seed.problem.secret': {
    zh: '{where}.secret 必须是 32 位小写十六进制数字',
    en: '{where}.secret must be 32 lower-case hex digits',
  },
  'emulator.seed.problem.type': {
    zh: '{where}.type 必须是 {types} 之一',
    en: '{where}.type must be one of {types}',
  },
  'emulator.seed.problem.typeMeant': {
    zh: '{where}.type "{value}" 不是账号类型（是不是 {meant}？）',
    en: '{where}.type "{value}" is not an account type (did you mean {meant}?)',
  },
  'emulator.seed.problem.domainType': {
    zh: '{where}.domain 必须是域名、域名:端口，或它们组成的列表',
    en: '{where}.domain must be a host, host:port, or a list of them',
  },
  'emulator.seed.problem.domain': {
    zh: '{where}.domain "{value}" 必须是域名、域名:端口或 域名:*（不带协议、不含空格）',
    en: '{where}.domain "{value}" must be a host, host:port or host:* (no scheme, no spaces)',
  },
  'emulator.seed.problem.domainPort': {
    zh: '{where}.domain "{value}"：端口必须是 1 到 65535 之间的数字',
    en: '{where}.domain "{value}": a port is a number from 1 to 65535',
  },
  'emulator.seed.problem.domainInvisible': {
    zh: '{where}.domain "{value}" 里有 {chars}：这是控制字符或不可见字符，微信的域名里不会有（从聊天窗口或网页复制时容易夹带进来），请把这个域名重新手动输入一遍',
    en: '{where}.domain "{value}" holds {chars}, a control or invisible character that no WeChat domain has (a copy from a chat or a web page can bring one in): type the domain again',
  },
  'emulator.seed.problem.domainEmpty': {
    zh: '{where}.domain 是空列表：这个应用的每个授权链接都会得到 10003；至少给一个域名',
    en: '{where}.domain is an empty list: every authorize link of this app would get 10003; give at least one host',
  },
  'emulator.seed.problem.openAccount': {
    zh: '{where}.openAccount 必须是字符串或 null',
    en: '{where}.openAccount must be a string or null',
  },
  'emulator.seed.problem.ipWhitelist': {
    zh: '{where}.ipWhitelist 必须是 IP 字符串数组或 null',
    en: '{where}.ipWhitelist must be an array of IP strings or null',
  },
  'emulator.seed.problem.ipWhitelistEntry': {
    zh: '{where}.ipWhitelist 中的 "{value}" 不是 IPv4 或 IPv6 地址（任何调用方都不会与它匹配）',
    en: '{where}.ipWhitelist "{value}" is not an IPv4 or IPv6 address (no caller would ever match it)',
  },
  'emulator.seed.problem.tokenDailyQuota': {
    zh: '{where}.tokenDailyQuota 必须是非负整数',
    en: '{where}.tokenDailyQuota must be a non-negative integer',
  },
  'emulator.seed.problem.verified': {
    zh: '{where}.verified 必须是 true 或 false',
    en: '{where}.verified must be true or false',
  },
  'emulator.seed.problem.userId': {
    zh: '{where}.id 必须是 1 到 32 个字母、数字、_ 或 -',
    en: '{where}.id must be 1-32 letters, digits, _ or -',
  },
  'emulator.seed.problem.userIdTwice': {
    zh: '{where}.id {id} 出现了两次',
    en: '{where}.id {id} appears twice',
  },
  'emulator.seed.problem.nickname': {
    zh: '{where}.nickname 必须是字符串',
    en: '{where}.nickname must be a string',
  },
  'emulator.seed.problem.nicknameEmpty': {
    zh: '{where}.nickname 是空的：授权页和 /sns/userinfo 将显示不出名字',
    en: '{where}.nickname is empty: the consent page and /sns/userinfo would show no name',
  },
  'emulator.seed.problem.follows': {
    zh: '{where}.follows 必须是 appid 数组',
    en: '{where}.follows must be an array of appids',
  },
  'emulator.seed.problem.followsUnknown': {
    zh: '{where}.follows 里的 {appid} 不是种子中的应用',
    en: '{where}.follows names {appid}, which is not a seeded app',
  },
  'emulator.seed.problem.followsTwice': {
    zh: '{where}.follows 把 {appid} 列了两次',
    en: '{where}.follows lists {appid} twice',
  },
  'emulator.seed.problem.sex': {
    zh: '{where}.sex 必须是 0、1 或 2',
    en: '{where}.sex must be 0, 1 or 2',
  },
  'emulator.seed.problem.overrideUnknown': {
    zh: '改写域名的 {appid} 不是种子中的应用',
    en: 'domain override for {appid}: no such app in the seed',
  },
  'emulator.seed.problem.fieldMeant': {
    zh: '{where}.{key} 不是种子的字段（是不是 {meant}？）',
    en: '{where}.{key} is not a seed field (did you mean {meant}?)',
  },
  'emulator.seed.problem.fieldUnknown': {
    zh: '{where}.{key} 不是种子的字段（可用的字段：{known}）',
    en: '{where}.{key} is not a seed field (known: {known})',
  },
  'emulator.domain.unknownApp': {
    zh: '{flag} 的 {appid} 不是种子中的应用；种子里的 appid：{appids}。',
    en: '{flag} names {appid}, which is not an app of the seed; the seeded appids are {appids}.',
  },
  'emulator.domain.unknownApp.hint': {
    zh: '用上面列出的 appid，例如 {flag} {example}=…；要加新应用，用 --seed 给出自己的种子文件。',
    en: 'Use one of the appids above, e.g. {flag} {example}=…; to add an app, give your own seed file with --seed.',
  },
  'emulator.ipWhitelist.invalid': {
    zh: '--ip-whitelist 的 "{value}" 无效，应为 appid=IP。',
    en: 'Invalid --ip-whitelist "{value}": expected appid=IP.',
  },
  'emulator.ipWhitelist.invalid.hint': {
    zh: '例如 --ip-whitelist wx5e1ec0de00000001=203.0.113.10（可重复给出多个 IP）；白名单外的调用方调用 /cgi-bin/ 接口会得到 40164。',
    en: 'E.g. --ip-whitelist wx5e1ec0de00000001=203.0.113.10 (repeat it for more IPs); callers not on it get 40164 from /cgi-bin/ calls.',
  },
  'cli.emulator.opt.ipWhitelist': {
    zh: '设置应用的 IP 白名单：appid=IP，可重复；白名单外的调用方调用 /cgi-bin/ 会得到 40164（用 --caller-ip 假装是别的地址）',
    en: "set an app's IP whitelist: appid=IP, repeatable; callers not on it get 40164 from /cgi-bin/ (--caller-ip plays another address)",
  },
  'cli.emulator.opt.domain': {
    zh: '改写应用的回调域名（公众号的网页授权域名、网站应用的授权回调域）：appid=域名[:端口]，多个用逗号分隔',
    en: "override apps' callback domains: appid=host[:port], comma-separated",
  },
  'cli.emulator.opt.callerIp': {
    zh: 'IP 白名单检查时当作调用方的 IP（默认取连接的地址）',
    en: 'caller IP for whitelist checks (default: the connection address)',
  },
  'cli.emulator.opt.denyBehaviour': {
    zh: '用户点“拒绝”后：redirect-state-only（默认，只带 state 跳回）|no-redirect',
    en: 'after 拒绝 (deny): redirect-state-only (default) | no-redirect',
  },
  'cli.emulator.opt.unknownPath': {
    zh: '未知接口路径的返回：40066（默认）|404',
    en: 'answer for unknown API paths: 40066 (default) | 404',
  },
  'cli.emulator.opt.paramOrderCheck': {
    zh: '不检查授权链接的参数顺序',
    en: 'do not check the order of authorize URL parameters',
  },
  'cli.emulator.opt.open': {
    zh: '启动后在浏览器中打开模拟器页面（没有图形界面时只显示地址）',
    en: "open the emulator's page in the browser once it runs (without a display, say its URL)",
  },
  'cli.emulator.opt.set': {
    zh: '设置其他开关：name=value，多个用逗号分隔（开关和取值见 README 的开关表；运行中 GET /__emulator/switches 列出全部开关、取值和当前值）',
    en: 'set other switches: name=value, comma-separated (the switches and their values: README\'s switch table; GET /__emulator/switches lists them all with their current values)',
  },
} as const satisfies MessageSection;

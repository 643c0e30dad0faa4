import type { MessageSection } from './types.js';

// Messages shared by every command ('common.*') and the generic WeChat error line ('wechat.*').
export const messages = {
  'common.url.noScheme.hint': { zh: '缺少 http:// 或 https://：是不是 {url}？', en: 'The http:// or https:// is missing: did you mean {url}?' },
  'common.cancelled': { zh: '已取消。', en: 'Cancelled.' },
  'common.notInteractive': {
    zh: '这里不能提问：没有终端（TTY），或设置了 CI。',
    en: 'Cannot ask here: there is no terminal (TTY), or CI is set.',
  },
  'common.notInteractive.hint': {
    zh: '用命令行参数给出缺少的值（见 --help）。',
    en: 'Give the missing values as flags (see --help).',
  },
  'common.lang.invalid': { zh: '--lang 不支持 "{value}"。', en: '--lang does not accept "{value}".' },
  'common.lang.invalid.hint': { zh: '界面语言用 --lang zh 或 --lang en。', en: 'Use --lang zh or --lang en for the interface language.' },
  'common.jsonRaw': { zh: '--json 和 --raw 不能同时使用。', en: '--json and --raw cannot be used together.' },
  'common.jsonRaw.hint': {
    zh: '--json 输出 wxauth 的结构化结果；--raw 原样输出微信返回的 body。二选一。',
    en: "--json prints wxauth's structured result; --raw prints WeChat's body as it came. Pick one.",
  },
  'common.commander': { zh: '命令用法有误：{detail}', en: 'Usage error: {detail}' },
  'common.commander.unknownOption': { zh: '未知选项 {option}。', en: "Usage error: unknown option '{option}'." },
  'common.commander.unknownOption.suggest': {
    zh: '未知选项 {option}，是不是想用 {suggestion}？',
    en: "Usage error: unknown option '{option}'. Did you mean {suggestion}?",
  },
  'common.commander.unknownCommand': { zh: '未知命令 {command}。', en: "Usage error: unknown command '{command}'." },
  'common.commander.unknownCommand.suggest': {
    zh: '未知命令 {command}，是不是想用 {suggestion}？',
    en: "Usage error: unknown command '{command}'. Did you mean {suggestion}?",
  },
  'common.commander.missingArgument': { zh: '缺少必需的参数 <{name}>（{label}）。', en: 'Usage error: missing required argument <{name}> ({label}).' },
  // What each required argument is (missingArgument's {label}; {name} is its declared name).
  'common.arg.cgi-path': { zh: '接口路径', en: 'the API path' },
  'common.arg.code-or-callback-url': { zh: 'code 或带 code 的回调地址', en: 'the code, or the callback URL it came in' },
  'common.arg.key': { zh: '配置项名', en: 'the setting' },
  'common.arg.value': { zh: '配置项的值', en: 'the value' },
  'common.arg.name': { zh: 'profile 名', en: 'the profile name' },
  'common.arg.new-name': { zh: '新的 profile 名', en: 'the new profile name' },
  'common.arg.openid': { zh: '用户的 openid', en: 'the user\'s openid' },
  'common.arg.page-url': { zh: '页面地址', en: 'the page URL' },
  'common.arg.rid': { zh: '错误信息里 rid: 后面的那串', en: 'the part after rid: in the errmsg' },
  'common.arg.shell': { zh: 'bash、zsh 或 fish', en: 'bash, zsh or fish' },
  'common.arg.start-url': { zh: '登录入口地址', en: 'the URL that starts your login' },
  'common.arg.url': { zh: '要检查的链接', en: 'the URL to check' },
  'common.commander.optionMissingArgument': { zh: '选项 {option} 缺少值。', en: "Usage error: option '{option}' argument missing." },
  'common.commander.excessArguments': {
    zh: '参数过多：{command} 需要 {expected} 个参数，收到 {received} 个。',
    en: "Usage error: too many arguments for '{command}'. Expected {expected} argument(s) but got {received}.",
  },
  'common.cancelled.declined': { zh: '没有做任何改动。', en: 'Nothing was changed.' },
  'common.secretTyped': {
    zh: 'AppSecret 写在命令行里，会留在 shell 的历史记录中（运行时 ps 也看得到）。下次从管道传入：printf %s "$WX_SECRET" | {command}。',
    en: 'The AppSecret was typed on the command line, so it stays in your shell’s history (and showed in ps while this ran). Next time pipe it: printf %s "$WX_SECRET" | {command}.',
  },
  'common.secretStdin.tty': { zh: '{flag} - 从管道读取 AppSecret，但标准输入是终端。', en: '{flag} - reads the AppSecret from a pipe, but stdin is a terminal.' },
  'common.secretStdin.empty': { zh: '{flag} - 没有从标准输入读到 AppSecret（第一行是空的）。', en: '{flag} - read no AppSecret from stdin (its first line is empty).' },
  'common.secretStdin.hint': {
    zh: '把它用管道传进来，例如 printf %s "$WX_SECRET" | {command}；在终端上直接把 secret 写在 - 的位置。',
    en: 'Pipe it in, e.g. printf %s "$WX_SECRET" | {command}; on a terminal, give the secret itself in place of -.',
  },
  'common.commander.hint': { zh: '运行 {command} --help 查看用法和示例。', en: 'Run {command} --help for usage and examples.' },
  'common.internal': { zh: 'wxauth 内部错误（这是 bug）：{detail}', en: 'wxauth hit an internal error (a bug): {detail}' },
  // A file a command writes at its end (probe --html, proxy --har), checked before the run: flows/output-file.ts.
  'common.output.no_dir': { zh: '{flag} {file}：文件夹 {dir} 不存在。', en: '{flag} {file}: the folder {dir} does not exist.' },
  'common.output.is_dir': { zh: '{flag} {file} 是一个文件夹，不是文件。', en: '{flag} {file} is a folder, not a file.' },
  'common.output.is_dir.hint': { zh: '给出文件名，例如 {flag} {example}', en: 'Give a file name, e.g. {flag} {example}' },
  'common.output.not_regular': { zh: '{flag} {file} 不是普通文件（设备或管道）。', en: '{flag} {file} is not a regular file (a device or a pipe).' },
  // The file is written beside the path and renamed onto it at the end (flows/output-file.ts placeOutputFile).
  'common.output.not_regular.hint': {
    zh: '给出一个普通文件的路径，例如 {flag} {example}：文件先写在旁边，结束时再换到这个路径上，设备和管道没法这样写入。{stdout}',
    en: 'Give the path of a regular file, e.g. {flag} {example}: the file is written beside it and renamed onto it at the end, which a device or a pipe cannot take. {stdout}',
  },
  'common.output.stdout.html': {
    zh: '想把结果输出到 stdout，就改用 --json：同样的检查和证据，输出为一个 JSON 文档（不是 HTML）。',
    en: 'For the results on stdout, use --json instead: the same checks and evidence as one JSON document (not HTML).',
  },
  'common.output.stdout.har': {
    zh: '想在 stdout 上看这些调用，就改用 --json：每个调用输出一行 JSON（不是 HAR）。',
    en: 'To follow the calls on stdout, use --json instead: a line of JSON per call (not a HAR).',
  },
  'common.output.not_writable': { zh: '{flag} {file}：不能在 {dir} 里写文件：{detail}。', en: '{flag} {file}: cannot write in {dir}: {detail}.' },
  'common.output.hint': { zh: '换一个可以写入的已有文件夹里的路径，或者先建好文件夹。', en: 'Give a path in a folder that exists and that you can write to, or create the folder first.' },
  'common.bundleChanged': {
    zh: 'wxauth 的部分文件不见了（{detail}）：这条命令运行期间 wxauth 被更新、重新构建或删除了，或者安装不完整。',
    en: "Part of wxauth is missing ({detail}): wxauth was updated, rebuilt or removed while this command ran, or the install is incomplete.",
  },
  'common.bundleChanged.hint': {
    zh: '重新运行这条命令；如果每次都这样，重新安装 wxauth（npm install -g wxauth，或在源码目录运行 npm run build）。',
    en: 'Run the command again; if it happens every time, reinstall wxauth (npm install -g wxauth, or npm run build in its source folder).',
  },
  'common.internal.hint': {
    zh: '请带上 -v 重新运行，并把输出（已隐去密钥）附在 issue 里报告给我们。',
    en: 'Please run again with -v and report it with that output (secrets are redacted) in an issue.',
  },
  'common.source.flag': { zh: '这个 {field} 来自命令行参数（profile {profile}，appid {appid}）。', en: 'This {field} came from a command-line flag (profile {profile}, appid {appid}).' },
  'common.source.env': { zh: '这个 {field} 来自环境变量 WXAUTH_*（profile {profile}，appid {appid}）；检查你的 shell 环境。', en: 'This {field} came from a WXAUTH_* environment variable (profile {profile}, appid {appid}); check your shell environment.' },
  'common.source.envVar': {
    zh: '这个 {field} 来自环境变量 {variable}（profile {profile}，appid {appid}）：它优先于配置文件，wxauth config set 改不了它；改正 {variable}，或 unset {variable} 改用配置文件里的值。',
    en: 'This {field} came from the {variable} environment variable (profile {profile}, appid {appid}): it overrides the config file, so wxauth config set cannot change it; fix {variable}, or unset {variable} to use the config file’s value.',
  },
  'common.source.envVarOnly': {
    zh: '这个 {field} 来自环境变量 {variable}（profile {profile}，appid {appid}），profile 里没有保存 {field}：改正 {variable}（wxauth config set 改不了它，它优先于配置文件）。',
    en: 'This {field} came from the {variable} environment variable (profile {profile}, appid {appid}), and the profile saves no {field}: fix {variable} (it overrides the config file, so wxauth config set cannot change it).',
  },
  'common.source.profile': { zh: '这个 {field} 来自配置文件的 profile "{profile}"（appid {appid}）；用 wxauth config list 查看。', en: 'This {field} came from the config profile "{profile}" (appid {appid}); see wxauth config list.' },
  'common.source.default': { zh: '{field} 使用了默认值。', en: '{field} is the default value.' },
  'common.confirmNeedsYes': {
    zh: '这一步需要确认（“{question}”），但这里无法提问（没有终端或设置了 CI）。',
    en: 'This step needs confirmation (“{question}”), but there is no terminal to ask (or CI is set).',
  },
  'common.confirmNeedsYes.hint': { zh: '确认无误后加上 --yes 再运行。', en: 'Add --yes to confirm, once you are sure.' },
  'wechat.error': {
    zh: '微信返回错误 {errcode}：{errmsg}（{endpoint}）',
    en: 'WeChat answered errcode {errcode}: {errmsg} ({endpoint})',
  },
  // The same from an API base that is not WeChat's own host (an emulator, a proxy: errors.ts origin).
  'wechat.error.at': {
    zh: '{origin}（不是微信自己的接口域名）返回错误 {errcode}：{errmsg}（{endpoint}）',
    en: '{origin} (not WeChat’s own API host) answered errcode {errcode}: {errmsg} ({endpoint})',
  },
  // An errmsg far longer than any WeChat writes (a gateway's page, a hostile server), cut in human output.
  'wechat.errmsg.clipped': {
    zh: '{start}…（还有 {more} 个字符，--json 或 --raw 显示完整的 errmsg）',
    en: '{start}… ({more} more characters; --json or --raw shows the whole errmsg)',
  },
  'wechat.unknown.hint': {
    zh: 'wxauth 的错误码表里没有 {errcode}：到微信的全局错误码页查 {doc}，用 errmsg 的原文搜索，并对照你这次调用的接口文档。',
    en: 'wxauth’s tables do not have {errcode}: look it up in WeChat’s errcode list, {doc}; search for the errmsg as WeChat wrote it, and read the docs of the endpoint you called.',
  },
  // An explanation without a doc page (ErrcodeExplanation.doc is optional): the same advice, no address.
  'wechat.unknown.hint.noDoc': {
    zh: 'wxauth 的错误码表里没有 {errcode}：到微信的全局错误码页查，用 errmsg 的原文搜索，并对照你这次调用的接口文档。',
    en: 'wxauth’s tables do not have {errcode}: look it up in WeChat’s errcode list, search for the errmsg as WeChat wrote it, and read the docs of the endpoint you called.',
  },

  // Chinese only (ui/present/error.ts): in English the errmsg already is the meaning.
  'wechat.error.meaning': {
    zh: '微信返回错误 {errcode}：{meaning}（{errmsg}，{endpoint}）',
    en: 'WeChat answered errcode {errcode}: {meaning} ({errmsg}, {endpoint})',
  },
  'wechat.error.meaning.at': {
    zh: '{origin}（不是微信自己的接口域名）返回错误 {errcode}：{meaning}（{errmsg}，{endpoint}）',
    en: '{origin} (not WeChat’s own API host) answered errcode {errcode}: {meaning} ({errmsg}, {endpoint})',
  },
  'common.qr.tooWide': {
    zh: '二维码需要 {width} 列，当前终端只有 {columns} 列，画出来会折行、扫不出来。请把终端拉宽后重试，或用 --open 在浏览器中打开链接、把链接发到手机上。',
    en: 'The QR code needs {width} columns; this terminal has {columns}. Widen the terminal, or use --open, or send the link to your phone.',
  },
  'common.noCommand': { zh: '没有指定命令。', en: 'No command given.' },
  'common.noSubcommand': { zh: '{command} 后面要跟一个子命令：{subcommands}。', en: '{command} needs a subcommand: {subcommands}.' },
  'common.noCommand.hint': { zh: '运行 wxauth --help 查看所有命令，例如 wxauth demo。', en: 'Run wxauth --help for the list of commands, e.g. wxauth demo.' },
  // An OS error's reason (errors.ts osReason), put in another message's {detail}/{reason}; the code stays for searching.
  'common.os.denied': { zh: '没有权限（{code}）', en: 'permission denied ({code})' },
  'common.os.denied.read': { zh: '没有读取权限（{code}）', en: 'permission denied ({code})' },
  'common.os.denied.write': { zh: '没有写入权限（{code}）', en: 'permission denied ({code})' },
  'common.os.ENOENT': { zh: '不存在（{code}）', en: 'does not exist ({code})' },
  'common.os.EISDIR': { zh: '是文件夹，不是文件（{code}）', en: 'is a folder, not a file ({code})' },
  'common.os.ENOTDIR': { zh: '路径中有一段不是文件夹（{code}）', en: 'part of the path is not a folder ({code})' },
  'common.os.EROFS': { zh: '只读文件系统（{code}）', en: 'read-only file system ({code})' },
  'common.os.ENOSPC': { zh: '磁盘已满（{code}）', en: 'no space left on the disk ({code})' },
  'common.os.EDQUOT': { zh: '超出磁盘配额（{code}）', en: 'disk quota exceeded ({code})' },
  'common.os.EEXIST': { zh: '已存在（{code}）', en: 'already exists ({code})' },
  'common.os.EMFILE': { zh: '打开的文件太多（{code}）', en: 'too many open files ({code})' },
  'common.os.ELOOP': { zh: '符号链接绕成了环（{code}）', en: 'too many levels of symbolic links ({code})' },
  'common.os.ENAMETOOLONG': { zh: '路径太长（{code}）', en: 'the path is too long ({code})' },
  'common.os.EBUSY': { zh: '正被占用（{code}）', en: 'resource busy ({code})' },
  'common.os.EIO': { zh: '磁盘读写出错（{code}）', en: 'input/output error ({code})' },
  'common.os.ECONNREFUSED': { zh: '连接被拒绝（{code}）', en: 'connection refused ({code})' },
  'common.os.ENOTFOUND': { zh: '域名解析失败（{code}）', en: 'the host name does not resolve ({code})' },
  'common.os.EAI_AGAIN': { zh: '域名解析暂时失败（{code}）', en: 'the DNS lookup failed for now ({code})' },
  'common.os.ENODATA': { zh: '域名没有地址记录（{code}）', en: 'the name has no address records ({code})' },
  'common.os.ETIMEDOUT': { zh: '连接超时（{code}）', en: 'timed out ({code})' },
  'common.os.ECONNRESET': { zh: '连接被对方重置（{code}）', en: 'the connection was reset by the other side ({code})' },
  'common.os.EPIPE': { zh: '连接已被对方关闭（{code}）', en: 'the other side closed the connection ({code})' },
  'common.os.EHOSTUNREACH': { zh: '主机不可达（{code}）', en: 'host unreachable ({code})' },
  'common.os.ENETUNREACH': { zh: '网络不可达（{code}）', en: 'network unreachable ({code})' },
  'common.os.EADDRINUSE': { zh: '端口已被占用（{code}）', en: 'the port is already in use ({code})' },
  'common.os.EADDRNOTAVAIL': { zh: '本机没有这个地址（{code}）', en: 'this machine has no such address ({code})' },
  'common.os.bind.EINVAL': { zh: '不能在这个地址上监听（{code}）', en: 'this address cannot be listened on ({code})' },
  // Not "add the interface": an address with one is refused before listening (core/host-names.ts unreachableListenHost).
  'common.os.bind.EINVAL.linkLocal': {
    zh: '链路本地 IPv6 地址（fe80::…）不带网卡名就不能监听（{code}），而带网卡名的地址（fe80::1%eth0）又写不进 URL，谁也连不上',
    en: 'a link-local IPv6 address (fe80::…) cannot be listened on without its interface ({code}), and one with its interface (fe80::1%eth0) cannot be written in a URL, so nothing could connect',
  },
  // Why a --host is refused before listening (emulator, proxy): core/host-names.ts unreachableListenHost.
  'common.host.zoned': {
    zh: '带网卡名（%…）的地址写不进浏览器和 Node 认的 URL（它们都不认 http://[fe80::1%25eth0]/ 这种写法），所以打印出来的地址 wxauth 用不了，页面在浏览器里也打不开',
    en: 'an address with its interface (%…) cannot be written in a URL that browsers and Node accept (both refuse http://[fe80::1%25eth0]/), so neither wxauth nor a browser could use the address printed for it',
  },
  'common.host.multicast': {
    zh: '组播或广播地址收不到 HTTP 连接（TCP 只能连到某台机器自己的地址，连不到一个组），永远不会有连接进来',
    en: "a multicast or broadcast address takes no HTTP connections (TCP connects to one machine's own address, never to a group), so nothing could ever connect",
  },
  'common.os.other': { zh: '{detail}（{code}）', en: '{detail} ({code})' },
  'common.os.other.nocode': { zh: '{detail}', en: '{detail}' },
  'common.file.hint.missing': { zh: '检查路径：{file} 不存在。', en: 'Check the path: {file} does not exist.' },
  'common.file.hint.missingFolder': { zh: '文件夹 {dir} 不存在：检查路径。', en: 'The folder {dir} does not exist: check the path.' },
  'common.file.hint.folder': { zh: '{file} 是文件夹：请给出一个文件的路径。', en: '{file} is a folder: give the path of a file.' },
  'common.file.hint.readOnlyFs': { zh: '{dir} 在只读文件系统上：换一个可写的位置。', en: '{dir} is on a read-only file system: use a writable place.' },
  'common.file.hint.full': { zh: '{dir} 所在的磁盘已满（或超出配额）：腾出空间后重试。', en: 'The disk holding {dir} is full (or over quota): free some space and retry.' },
  'common.file.hint.denied.enter': { zh: '用户 {user} 进不了文件夹 {dir}（ls -ld {dir} 查看权限）：它属于你就运行 chmod u+rx {dir}，否则 sudo chown {user} {dir}。', en: 'User {user} cannot enter the folder {dir} (ls -ld {dir} shows its permissions): if it is yours run chmod u+rx {dir}, otherwise sudo chown {user} {dir}.' },
  'common.file.hint.denied.read.own': { zh: '{file} 属于你，但没有读取权限：运行 chmod {mode} {file}。', en: '{file} is yours but not readable: run chmod {mode} {file}.' },
  'common.file.hint.denied.read': { zh: '{file} 不属于当前用户 {user}，所以读不了：运行 sudo chown {user} {file}。', en: '{file} belongs to another user, so {user} cannot read it: run sudo chown {user} {file}.' },
  'common.file.hint.denied.write.own': { zh: '文件夹 {dir} 属于你，但没有写入权限：运行 chmod u+w {dir}。', en: 'The folder {dir} is yours but not writable: run chmod u+w {dir}.' },
  'common.file.hint.denied.write': { zh: '文件夹 {dir} 不属于当前用户 {user}，不能在里面新建文件：运行 sudo chown {user} {dir}（ls -ld {dir} 查看它属于谁），或换一个文件夹。', en: 'The folder {dir} belongs to another user, so {user} cannot create files in it: run sudo chown {user} {dir} (ls -ld {dir} shows whose it is), or use another folder.' },
  'common.file.hint.check': { zh: '检查文件夹 {dir}（ls -ld {dir}）。', en: 'Check the folder {dir} (ls -ld {dir}).' },
  'common.file.hint.other': { zh: '检查 {file} 和它所在的文件夹（ls -l {file}）。', en: 'Check {file} and its folder (ls -l {file}).' },
} as const satisfies MessageSection;

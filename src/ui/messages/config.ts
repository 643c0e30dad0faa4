import type { MessageSection } from './types.js';

// Messages of config, profile and init.
export const messages = {
  'config.timeout.invalid': { zh: '--timeout "{value}" 不是有效的毫秒数。', en: '--timeout "{value}" is not a valid number of milliseconds.' },
  'config.timeout.invalid.hint': { zh: '给一个 1000 到 600000 之间的整数（毫秒），例如 --timeout 5000。', en: 'Give a whole number of milliseconds from 1000 to 600000, e.g. --timeout 5000.' },
  'config.timeout.tooShort': {
    zh: '--timeout {value} 让每个请求只等 {value} 毫秒，太短了，应答来不及到达（至少 1000）。',
    en: '--timeout {value} gives each request {value} ms, too short for an answer to arrive (at least 1000).',
  },
  'config.timeout.tooShort.hint': {
    zh: '全局 --timeout 的单位是毫秒，每个请求单独计时：取 1000 到 600000，例如 --timeout 5000（默认 10000）。',
    en: 'The global --timeout is in milliseconds, for each request: give 1000 to 600000, e.g. --timeout 5000 (default 10000).',
  },
  'config.timeout.tooShort.wait.hint': {
    zh: '要让 {command} 等回调 {value} 秒，把 --timeout 放在命令后面（单位是秒）：wxauth {command} --timeout {value}。命令前面的 --timeout 是每个发往微信的请求的超时，单位是毫秒（1000 到 600000，默认 10000）。',
    en: 'To have {command} wait {value} s for the callback, put --timeout after the command (seconds): wxauth {command} --timeout {value}. The one before the command is each request to WeChat, in milliseconds (1000 to 600000, default 10000).',
  },
  'config.profile.missing': {
    zh: 'profile "{profile}" 不在配置文件里；只使用环境变量和参数中的值。',
    en: 'Profile "{profile}" is not in the config file; only values from env and flags are used.',
  },
  'config.profile.unsaved': {
    zh: '没有保存名为 "{profile}" 的 profile（已保存的：{profiles}）：这次只用 WXAUTH_* 环境变量和参数里的值，token 缓存在 "{profile}" 名下。',
    en: 'There is no saved profile "{profile}" (saved: {profiles}): this run uses only WXAUTH_* variables and flags, and caches tokens under "{profile}".',
  },
  'config.profile.otherAppid': {
    zh: 'WXAUTH_APPID（{appid}）不是 profile "{profile}" 的 appid（{profileAppid}）：不使用这个 profile 里属于那个账号的设置（secret、类型、域名、回调地址、JS 安全域名、验证文件），它的接口地址和地区设置照常使用。',
    en: 'WXAUTH_APPID ({appid}) is not the appid of profile "{profile}" ({profileAppid}): that profile’s account settings (secret, type, domain, redirect URI, JS domains, verify file) are not used; its API and network settings still are.',
  },
  'config.region.ignored': {
    zh: '{region} 没有生效：同时给了 {apiBase}，两者都是参数或都是环境变量时，API 地址优先于接入点（请求发往 API 地址）。两者只给一个。',
    en: '{region} is not used: {apiBase} is given too, and given at the same level (both flags, or both variables) the API base wins over a region (calls go to the API base). Give only one of them.',
  },
  'config.apiBase.overridden.profile': {
    zh: '{region}：profile "{profile}" 保存的 apiBase {apiBase} 本次不使用：请求及其中的 appid、secret 或 token 都发往 {regionBase}。',
    en: '{region}: the apiBase {apiBase} saved in profile "{profile}" is not used for this run: calls, and the appid, secret or tokens they carry, go to {regionBase}.',
  },
  'config.apiBase.overridden.env': {
    zh: '{region}：WXAUTH_API_BASE={apiBase} 本次不使用：请求及其中的 appid、secret 或 token 都发往 {regionBase}。',
    en: '{region}: WXAUTH_API_BASE={apiBase} is not used for this run: calls, and the appid, secret or tokens they carry, go to {regionBase}.',
  },
  'config.region.ignored.profile': {
    zh: 'profile "{profile}" 同时保存了接入点 region {region} 和 apiBase {apiBase}：API 地址优先，region {region} 没有生效（请求发往 {apiBase}）。只留一个：{unsetRegion}（用 API 地址），或 {unsetApiBase}（用接入点）。',
    en: 'Profile "{profile}" saves both region {region} and apiBase {apiBase}: the API base wins, so region {region} is not used (calls go to {apiBase}). Keep one: {unsetRegion} (the API base), or {unsetApiBase} (the region).',
  },
  'config.set.regionIgnored': {
    zh: '保存后 profile "{profile}" 会同时有 region {region} 和 apiBase {apiBase}：API 地址优先，region {region} 不会生效（请求发往 {apiBase}）。',
    en: 'Profile "{profile}" would then hold both region {region} and apiBase {apiBase}: the API base wins, so region {region} would not be used (calls go to {apiBase}).',
  },
  'config.set.regionIgnored.hint': {
    zh: '先 {unset}，再 {set}；或加 --yes 照样保存（用的是 API 地址）。',
    en: 'Run {unset} first, then {set}; or add --yes to save it anyway (the API base is used).',
  },
  'config.set.regionIgnored.again.hint': {
    zh: '先 {unset}，再运行一次这条 config set；或加 --yes 照样保存（用的是 API 地址）。',
    en: 'Run {unset} first, then this config set again; or add --yes to save it anyway (the API base is used).',
  },
  'config.set.regionIgnored.both.hint': {
    zh: 'region 和 apiBase 只给一个；或加 --yes 照样保存两者（用的是 API 地址）。',
    en: 'Give only one of region and apiBase; or add --yes to save both anyway (the API base is used).',
  },
  'config.path.stateGuessed': {
    zh: 'config.json 没有读（见上面的原因），不知道当前是哪个 profile：{file} 是 default 的 state 文件；其他 profile 的请加 --profile <名字> 查看。',
    en: 'config.json was not read (see why above), so the profile in use is unknown: {file} is the default profile’s state file; --profile NAME shows another’s.',
  },
  'config.missing': { zh: '缺少配置：{fields}（profile "{profile}"）。', en: 'Missing configuration: {fields} (profile "{profile}").' },
  'config.missing.hint': {
    zh: '运行 wxauth init --profile {profile}，或 wxauth config set {first} {value}，或设置环境变量 {env}。',
    en: 'Run wxauth init --profile {profile}, or wxauth config set {first} {value}, or set {env}.',
  },
  'config.missing.value': { zh: '<值>', en: '<value>' },
  'config.missing.otherAccount': {
    zh: '缺少配置：{fields}（appid {appid} 来自环境变量 WXAUTH_APPID，不是 profile "{profile}" 的账号，这个账号的设置只从环境变量读取）。',
    en: 'Missing configuration: {fields} (appid {appid} comes from WXAUTH_APPID and is not profile "{profile}"’s account, so its settings are read from the environment only).',
  },
  'config.missing.otherAccount.hint': {
    zh: '为它设置 {env}；或者 unset WXAUTH_APPID，改用 profile "{profile}" 保存的账号。（wxauth config set 会写进 profile 自己的账号，帮不上忙。）',
    en: 'Set {env} for it; or unset WXAUTH_APPID to use the account profile "{profile}" saves. (wxauth config set would write into the profile’s own account and not help.)',
  },
  'config.file.unknownKey.like': {
    zh: 'profile "{profile}" 里的 "{key}" 不是 wxauth 的设置项，它的值没有被使用：是不是 {known}？（在 config.json 里改正，或 wxauth config set {known} <值>）',
    en: '"{key}" in profile "{profile}" is not a wxauth setting, so its value is not used: did you mean {known}? (Fix it in config.json, or wxauth config set {known} <value>.)',
  },
  'config.file.unknownKey': {
    zh: 'profile "{profile}" 里的 "{key}" 不是 wxauth 的设置项，它的值没有被使用（设置项：{keys}）。',
    en: '"{key}" in profile "{profile}" is not a wxauth setting, so its value is not used (the settings: {keys}).',
  },
  'config.file.unreadable': { zh: '无法读取 {file}：{detail}', en: 'Cannot read {file}: {detail}' },
  'config.file.unreadable.hint': {
    zh: 'wxauth 没有改动这个文件。手动修复 JSON（或把它移走后重新 wxauth init），再重试。',
    en: 'wxauth left the file untouched. Fix the JSON by hand (or move the file away and run wxauth init again), then retry.',
  },
  'config.file.unreadable.tokens.hint': {
    zh: 'wxauth 没有改动这个文件。它只是 token 缓存：删除 {file} 即可（之后重新获取 token：基础 token 用 wxauth token，用户的 token 用 wxauth login 或 exchange），或手动修复其中的 JSON，再重试。',
    en: 'wxauth left the file untouched. It only caches tokens: delete {file} (then get tokens again: wxauth token for the basic token, wxauth login or exchange for a user’s), or fix its JSON by hand, and retry.',
  },
  // A config.json or tokens.json that is not JSON (core/json-syntax.ts finds where); never the
  // engine's message, which quotes the text around the fault (the appsecret, in config.json).
  'config.file.json.invalid': { zh: '{file} 不是有效的 JSON。', en: '{file} is not valid JSON.' },
  'config.file.json.empty': { zh: '{file} 是空的，里面没有 JSON。', en: '{file} is empty: there is no JSON in it.' },
  'config.file.json.bom': {
    zh: '{file} 以字节顺序标记（BOM）开头，JSON 不允许（Windows 上的一些编辑器会加上它）；请保存为不带 BOM 的 UTF-8。',
    en: '{file} begins with a byte order mark (BOM), which JSON does not allow (some Windows editors add one); save it as UTF-8 without a BOM.',
  },
  'config.file.json.end': {
    zh: '{file} 不是有效的 JSON：在第 {line} 行第 {column} 列意外结束，值还没写完（缺少右引号、右方括号或右花括号）。',
    en: '{file} is not valid JSON: it ends at line {line}, column {column} in the middle of a value (a closing quote, bracket or brace is missing).',
  },
  'config.file.json.char': {
    zh: '{file} 不是有效的 JSON：第 {line} 行第 {column} 列出现不该出现的字符 {char}。',
    en: '{file} is not valid JSON: unexpected {char} at line {line}, column {column}.',
  },
  'config.file.json.character': {
    zh: '{file} 不是有效的 JSON：第 {line} 行第 {column} 列出现不该出现的字符。',
    en: '{file} is not valid JSON: unexpected character at line {line}, column {column}.',
  },
  'config.file.json.control': {
    zh: '{file} 不是有效的 JSON：第 {line} 行第 {column} 列的字符串里有控制字符（如制表符或换行）；JSON 里要写成 \\t 或 \\n。',
    en: '{file} is not valid JSON: a control character (such as a tab or a line break) inside a string at line {line}, column {column}; JSON writes them as \\t and \\n.',
  },
  'config.file.json.escape': {
    zh: '{file} 不是有效的 JSON：第 {line} 行第 {column} 列是 JSON 没有的转义（\\ 后面的字符）；反斜杠本身要写成 \\\\。',
    en: '{file} is not valid JSON: an escape JSON does not have (the character after a \\) at line {line}, column {column}; a backslash itself is written \\\\.',
  },
  'config.file.json.trailing': {
    zh: '{file} 不是有效的 JSON：JSON 值在第 {line} 行第 {column} 列之前已结束，后面还有多余的内容。',
    en: '{file} is not valid JSON: more text follows the end of the JSON value, at line {line}, column {column}.',
  },
  'config.dir.notFolder': {
    zh: '{dir} 是一个文件，不是文件夹：wxauth 需要在这里有一个文件夹，用来存放状态（config.json 和 tokens.json）。',
    en: '{dir} is a file, not a folder: wxauth keeps its state (config.json and tokens.json) in a folder there.',
  },
  'config.dir.notFolder.hint': {
    zh: 'wxauth 没有改动它。把 {dir} 移走，或让 WXAUTH_CONFIG_DIR 指向一个文件夹（不设置则用默认位置）。',
    en: 'wxauth left it untouched. Move {dir} away, or point WXAUTH_CONFIG_DIR at a folder (unset, it uses the default one).',
  },
  'config.state.ignored': {
    zh: '因此忽略 {file}，当作没有记录 state。再运行一次 wxauth url 会写入新的；如果写入失败，先删除它。',
    en: 'So {file} is ignored, as if no state were remembered. Running wxauth url again writes a new one; if that fails, remove it first.',
  },
  'config.file.unwritable': { zh: '无法写入 {file}：{detail}', en: 'Cannot write {file}: {detail}' },
  'config.file.unwritable.hint': {
    zh: '检查目录权限和磁盘空间；原文件保持不变。可用 WXAUTH_CONFIG_DIR 换一个目录。',
    en: 'Check the directory permissions and free space; the old file is unchanged. WXAUTH_CONFIG_DIR moves all state elsewhere.',
  },
  'config.file.locked': {
    zh: '{file} 被另一个 wxauth 进程持有，已等待 {seconds} 秒。',
    en: '{file} has been held by another wxauth process for {seconds} seconds.',
  },
  'config.file.locked.hint': {
    zh: '等另一个 wxauth 结束后重试；如果没有其他 wxauth 在运行，删除 {file}。',
    en: 'Retry once the other wxauth finishes; if none is running, delete {file}.',
  },
  'config.file.lockFailed': { zh: '无法保存 {file}：不能在文件夹 {dir} 里新建文件，{reason}。', en: 'Cannot save {file}: cannot create files in the folder {dir}: {reason}.' },
  'config.file.lockFailed.hint': {
    zh: 'wxauth 没有改动任何文件。保存需要在 {dir} 中创建文件：确认这个目录属于你且可写（ls -ld {dir}），或用 WXAUTH_CONFIG_DIR 换一个目录。',
    en: 'wxauth changed nothing. Saving needs to create files in {dir}: check that the folder is yours and writable (ls -ld {dir}), or point WXAUTH_CONFIG_DIR at another folder.',
  },
  'config.file.wrongShape': {
    zh: '{file} 是合法的 JSON，但不是 wxauth 写入的格式：{where} 处应为 {expected}，实际为 {found}。',
    en: '{file} is valid JSON but not in the shape wxauth writes: at {where} it expects {expected}, found {found}.',
  },
  'config.file.expected.time': { zh: '时间（1970 年起的毫秒数，且在日期能表示的范围内）', en: 'a time (ms since 1970, within what a date can hold)' },
  'config.file.found.missing': { zh: '没有（缺少这一项）', en: 'nothing (missing)' },
  'config.file.expected.profileName': { zh: '一个 profile 名（不能是 JavaScript 内置属性名）', en: 'a profile name that is not a built-in JavaScript property name' },
  'config.file.wrongShape.hint': {
    zh: 'wxauth 没有改动这个文件。手动修正或删除 {file} 中的 {where}（或把文件移走后重新 wxauth init），再重试。',
    en: 'wxauth left the file untouched. Correct or delete {where} in {file} by hand (or move the file away and run wxauth init again), then retry.',
  },
  'config.file.wrongShape.tokens.hint': {
    zh: 'wxauth 没有改动这个文件。它只是 token 缓存：手动修正或删除其中的 {where}，或整个删除 {file}（之后重新获取 token：基础 token 用 wxauth token，用户的 token 用 wxauth login 或 exchange），再重试。',
    en: 'wxauth left the file untouched. It only caches tokens: correct or delete {where} by hand, or delete {file} altogether (then get tokens again: wxauth token for the basic token, wxauth login or exchange for a user’s), and retry.',
  },
  // What stands where config.json, tokens.json or a lock goes, one key per kind (named in the user's language).
  'config.file.notRegular.directory': {
    zh: '{file} 不是普通文件（而是目录）；wxauth 只读取普通文件，不会在管道上等待或读取设备。',
    en: '{file} is not a regular file (it is a directory); wxauth reads only regular files, so it never waits on a pipe or reads a device.',
  },
  'config.file.notRegular.fifo': {
    zh: '{file} 不是普通文件（而是命名管道（FIFO））；wxauth 只读取普通文件，不会在管道上等待或读取设备。',
    en: '{file} is not a regular file (it is a FIFO (named pipe)); wxauth reads only regular files, so it never waits on a pipe or reads a device.',
  },
  'config.file.notRegular.charDevice': {
    zh: '{file} 不是普通文件（而是字符设备）；wxauth 只读取普通文件，不会在管道上等待或读取设备。',
    en: '{file} is not a regular file (it is a character device); wxauth reads only regular files, so it never waits on a pipe or reads a device.',
  },
  'config.file.notRegular.blockDevice': {
    zh: '{file} 不是普通文件（而是块设备）；wxauth 只读取普通文件，不会在管道上等待或读取设备。',
    en: '{file} is not a regular file (it is a block device); wxauth reads only regular files, so it never waits on a pipe or reads a device.',
  },
  'config.file.notRegular.socket': {
    zh: '{file} 不是普通文件（而是套接字（socket））；wxauth 只读取普通文件，不会在管道上等待或读取设备。',
    en: '{file} is not a regular file (it is a socket); wxauth reads only regular files, so it never waits on a pipe or reads a device.',
  },
  'config.file.notRegular.special': {
    zh: '{file} 不是普通文件（而是特殊文件）；wxauth 只读取普通文件，不会在管道上等待或读取设备。',
    en: '{file} is not a regular file (it is a special file); wxauth reads only regular files, so it never waits on a pipe or reads a device.',
  },
  'config.file.notRegular.hint': {
    zh: '删除或移走 {file}（wxauth 会在下次保存时新建它），或用 WXAUTH_CONFIG_DIR 换一个目录。',
    en: 'Remove or move {file} away (wxauth creates it on the next save), or point WXAUTH_CONFIG_DIR at another folder.',
  },
  'config.file.tooLarge': {
    zh: '{file} 有 {size} 字节；wxauth 读取的状态文件最大 {limit} 字节。',
    en: '{file} is {size} bytes; wxauth reads state files of at most {limit} bytes.',
  },
  'config.file.tooLarge.hint': {
    zh: '这不是 wxauth 写出的文件大小。检查它是什么，然后把 {file} 移走（wxauth 会新建它），或用 WXAUTH_CONFIG_DIR 换一个目录。',
    en: 'wxauth never writes a file that large. Check what it is, then move {file} away (wxauth creates a new one), or point WXAUTH_CONFIG_DIR at another folder.',
  },
  'config.file.readOnly': {
    zh: '{file} 是只读的（权限 {mode}）；wxauth 不会用一个可写的新文件替换它。',
    en: '{file} is read-only (mode {mode}); wxauth will not replace it with a writable copy.',
  },
  'config.file.readOnly.hint': {
    zh: '文件保持原样。如果是有意设为只读，请改用参数或 WXAUTH_* 环境变量传值；要让 wxauth 保存，运行 chmod 600 {file}。',
    en: 'The file is kept as it is. If you made it read-only on purpose, pass values by flags or WXAUTH_* env instead; to let wxauth save, run chmod 600 {file}.',
  },
  // Tokens come from WeChat, not from flags or env: what a read-only token cache leaves is not saving them.
  'config.file.readOnly.tokens.hint': {
    zh: '文件保持原样。要让 wxauth 保存 token，运行 chmod 600 {file}。',
    en: 'The file is kept as it is. To let wxauth save tokens, run chmod 600 {file}.',
  },
  // Before a code exchange (exchange, listen --exchange, login): the exchange can also leave the cache alone.
  'config.file.readOnly.tokens.exchange.hint': {
    zh: '文件保持原样，code 也还没用掉。要让 wxauth 保存 token，运行 chmod 600 {file}。想让它保持只读，就用 wxauth exchange --no-save <code>：它只打印换到的 token，不保存。',
    en: 'The file is kept as it is, and the code is unused. To let wxauth save tokens, run chmod 600 {file}. To keep it read-only, use wxauth exchange --no-save <code>: it prints the tokens it gets without saving them.',
  },
  // Before a refresh (wxauth refresh): nothing was sent, so the cached tokens are as WeChat last gave them.
  'config.file.readOnly.tokens.refresh.hint': {
    zh: '文件保持原样，也还没有向微信发送刷新请求，缓存里的 token 没有变化。要让 wxauth 保存刷新后的 token，运行 chmod 600 {file}，再执行 wxauth refresh。想让它保持只读，就加上 --no-save（wxauth refresh --no-save）：刷新后的 token 只打印，不保存。',
    en: 'The file is kept as it is, and no refresh was sent: the cached tokens are as they were. To let wxauth save the refreshed tokens, run chmod 600 {file}, then wxauth refresh again. To keep it read-only, add --no-save (wxauth refresh --no-save): it prints the refreshed tokens without saving them.',
  },
  'config.dir.otherOwner': {
    zh: '状态目录 {dir} 属于另一个用户（uid {uid}），wxauth 不读也不写它：对方可以替换 config.json（例如把 wxauth 指向自己的服务器以获取你的 AppSecret）、token 缓存或代理的 CA。',
    en: 'The state folder {dir} belongs to another user (uid {uid}), so wxauth neither reads nor writes it: they can replace config.json (e.g. aim wxauth at their own server to collect your AppSecret), the token cache or the proxy’s CA.',
  },
  'config.dir.otherOwner.hint': {
    zh: '用你自己的目录：去掉 WXAUTH_CONFIG_DIR，或让它指向你自己建的目录（wxauth 会以 700 权限创建）。如果这个目录本来就是你的，拿回来：sudo chown -R "$(id -u)" {dir}',
    en: 'Use a folder of your own: unset WXAUTH_CONFIG_DIR, or point it at a folder you made (wxauth creates it as 0700). If the folder is yours, take it back: sudo chown -R "$(id -u)" {dir}',
  },
  'config.dir.worldWritable': {
    zh: '状态目录 {dir} 所有用户都可写（权限 {mode}），wxauth 不读也不写它：任何人都能放进或替换 config.json（例如把 wxauth 指向自己的服务器以获取你的 AppSecret）、token 缓存或代理的 CA。',
    en: 'Every user can write to the state folder {dir} (mode {mode}), so wxauth neither reads nor writes it: anyone can plant or replace config.json (e.g. aim wxauth at their own server to collect your AppSecret), the token cache or the proxy’s CA.',
  },
  'config.dir.worldWritable.hint': {
    zh: '运行 chmod 700 {dir}（先确认里面的 config.json 是你自己写的），或者用你自己的目录（WXAUTH_CONFIG_DIR）。',
    en: 'Run chmod 700 {dir} (after making sure the config.json in it is the one you wrote), or use a folder of your own (WXAUTH_CONFIG_DIR).',
  },
  'config.dir.writableByOthers': {
    zh: '状态目录 {dir} 同组用户可写（权限 {mode}）：他们可以替换 config.json（例如把 wxauth 指向自己的服务器以获取你的 AppSecret）或 token 缓存。运行 chmod 700 {dir}。',
    en: 'The state folder {dir} is writable by its group (mode {mode}): its members can replace config.json (e.g. aim wxauth at their own server to collect your AppSecret) or the token cache. Run chmod 700 {dir}.',
  },
  'config.file.readableByOthers': {
    zh: '{file} 其他用户可读（权限 {mode}）：里面有你的 AppSecret。运行 chmod 600 {file}。',
    en: '{file} can be read by other users (mode {mode}): it holds your AppSecret. Run chmod 600 {file}.',
  },
  'config.file.modeTightened': {
    zh: '已把 {file} 的权限从 {mode} 改为 0600，现在只有你能读：wxauth 保存文件时总是这样写。',
    en: 'Changed {file} from mode {mode} to 0600, readable only by you: wxauth always saves its files that way.',
  },
  'config.tokens.readableByOthers': {
    zh: '{file} 其他用户可读（权限 {mode}）：里面有你的 access_token 和 refresh_token。运行 chmod 600 {file}。',
    en: '{file} can be read by other users (mode {mode}): it holds your access and refresh tokens. Run chmod 600 {file}.',
  },
  // Settings refused by core/validate.ts checkSetting. {name} is where the value came from: the
  // setting (config set), a flag (--appid), a variable (WXAUTH_APPID) or a profile.
  'config.invalid.space': { zh: '{name}：值的开头或结尾有空白字符。', en: '{name}: the value begins or ends with whitespace.' },
  'config.invalid.space.hint': {
    zh: '删掉空白后再给出 {name}：微信逐字比较（带空格的 AppSecret 得到 40125，appid 得到 40013）。从 .env 文件或网页复制的值常带着它。',
    en: 'Give {name} without it: WeChat compares values character by character (a secret with a space gets 40125, an appid 40013). Values from .env files and copied web pages often carry one.',
  },
  'config.invalid.quoted': { zh: '{name}：值被引号包着（{quote}…{quote}）。', en: '{name}: the value is wrapped in quotes ({quote}…{quote}).' },
  'config.invalid.quoted.hint': {
    zh: '不带引号给出 {name}：引号被原样传了进来（命令行引了两层，或 .env 文件里的引号没被去掉）。微信会把引号当成值的一部分。',
    en: 'Give {name} without them: the quotes came through as part of the value (quoted twice on the command line, or kept by a .env loader). WeChat would take them as part of it.',
  },
  'config.invalid.quoted.typographic': {
    zh: '{name}：值被引号包着（{open}…{close}）。',
    en: '{name}: the value is wrapped in quotes ({open}…{close}).',
  },
  'config.invalid.quoted.typographic.hint': {
    zh: '不带引号给出 {name}：这种引号是中文输入法或文档、聊天软件加上的，随值一起被复制了进来。微信会把引号当成值的一部分。',
    en: 'Give {name} without them: quotes like these come from a Chinese input method, a document or a chat app, and were copied along with the value. WeChat would take them as part of it.',
  },
  'config.invalid.fullwidth': {
    zh: '{name}：第 {position} 个字符 {char} 是全角字符（中文输入法在全角模式下打出来的）；微信只认半角的字母、数字和标点。',
    en: '{name}: character {position}, {char}, is full-width (typed with a Chinese input method in full-width mode); WeChat takes only ASCII letters, digits and punctuation.',
  },
  'config.invalid.fullwidth.hint': {
    zh: '换成半角再输入（多数输入法用 Shift+空格 切换），或从后台重新复制。半角写法是：{half}',
    en: 'Type it again in half-width mode (Shift+Space switches most input methods), or copy it from the console again. In half-width it reads: {half}',
  },
  'config.invalid.fullwidth.secret': {
    zh: '{name}：AppSecret 的第 {position} 个字符是全角字符（中文输入法在全角模式下打出来的）；AppSecret 是 32 位半角十六进制。',
    en: '{name}: character {position} of the AppSecret is full-width (typed with a Chinese input method in full-width mode); an AppSecret is 32 ASCII hex digits.',
  },
  'config.invalid.fullwidth.secret.hint': {
    zh: '从后台重新复制 AppSecret（mp.weixin.qq.com → 设置与开发 → 基本配置；网站应用在 open.weixin.qq.com），或换成半角再输入（多数输入法用 Shift+空格 切换）。',
    en: 'Copy the AppSecret from the console again (mp.weixin.qq.com → 设置与开发 → 基本配置; website apps: open.weixin.qq.com), or type it in half-width mode (Shift+Space switches most input methods).',
  },
  'config.invalid.type': { zh: '{name}：账号类型 "{value}" 无效。', en: '{name}: account type "{value}" is not valid.' },
  'config.invalid.type.suggest': {
    zh: '是不是 {meant}？可选：{types}（service 服务号，subscription 订阅号，test 测试号，website 网站应用）。',
    en: 'Did you mean {meant}? Use one of: {types} (service 服务号, subscription 订阅号, test 测试号, website 网站应用).',
  },
  'config.invalid.type.officialAccount': {
    zh: '{name}："{value}" 分服务号（service）和订阅号（subscription）两种，要写明是哪一种。',
    en: '{name}: "{value}" (official account) is either a 服务号 (service) or a 订阅号 (subscription).',
  },
  'config.invalid.type.officialAccount.hint': {
    zh: '公众平台「设置与开发 → 账号设置」里能看到是哪一种：服务号填 service（有网页授权），订阅号填 subscription。',
    en: 'The console shows which (设置与开发 → 账号设置): service for a 服务号 (it has web authorization), subscription for a 订阅号.',
  },
  'config.set.type.officialAccount.hint': {
    zh: '公众平台「设置与开发 → 账号设置」里能看到是哪一种。服务号：wxauth{p} config set type service；订阅号：wxauth{p} config set type subscription。',
    en: 'The console shows which (设置与开发 → 账号设置). A 服务号: wxauth{p} config set type service; a 订阅号: wxauth{p} config set type subscription.',
  },
  'config.invalid.type.hint': {
    zh: '可选：{types}（service 服务号，subscription 订阅号，test 测试号，website 网站应用）。',
    en: 'Use one of: {types} (service 服务号, subscription 订阅号, test 测试号, website 网站应用).',
  },
  'config.invalid.appid': { zh: '{name}："{value}" 不是 appid。', en: '{name}: "{value}" is not an appid.' },
  'config.invalid.appid.hint': {
    zh: 'appid 是 wx 加 16 位十六进制（小写），例如 wx1234567890abcdef；在 mp.weixin.qq.com → 设置与开发 → 基本配置 中复制（网站应用在 open.weixin.qq.com）。',
    en: 'An appid is wx followed by 16 hex digits in lower case, e.g. wx1234567890abcdef; copy it from mp.weixin.qq.com → 设置与开发 → 基本配置 (website apps: open.weixin.qq.com).',
  },
  'config.invalid.appid.wecom': {
    zh: '{name}："{value}" 是企业微信的 CorpID（ww 开头），不是微信的 AppID。',
    en: '{name}: "{value}" is a WeCom (企业微信) CorpID, starting with ww, not a WeChat AppID.',
  },
  'config.invalid.appid.wecom.hint': {
    zh: 'wxauth 调试的是公众号和网站应用的网页授权，它们的 AppID 以 wx 开头（mp.weixin.qq.com → 设置与开发 → 基本配置，或 open.weixin.qq.com）。企业微信登录有自己的接口和凭据。',
    en: 'wxauth debugs the web authorization of official accounts (公众号) and website apps (网站应用), whose AppIDs start with wx (mp.weixin.qq.com → 设置与开发 → 基本配置, or open.weixin.qq.com). WeCom login has its own endpoints and credentials.',
  },
  'config.invalid.appid.upper': {
    zh: '{name}："{value}" 含大写字母；微信的 AppID 都是小写：{lower}。',
    en: '{name}: "{value}" has upper-case letters; WeChat’s AppIDs are lower case: {lower}.',
  },
  'config.invalid.appid.upper.hint': {
    zh: '改用 {lower}（与公众平台显示的一致）。wxauth 不会替你改写，以免你别处的副本仍是错的。',
    en: 'Use {lower}, as the console shows it. wxauth does not rewrite it for you, so your other copies of it get fixed too.',
  },
  'config.invalid.secret': {
    zh: '{name}：AppSecret 有 {length} 个字符，应为 32 位十六进制。',
    en: '{name}: the AppSecret has {length} characters; it needs 32 hex digits.',
  },
  'config.invalid.secret.hint': {
    zh: 'AppSecret 是 32 位十六进制；在 mp.weixin.qq.com → 设置与开发 → 基本配置 中重置或查看（网站应用在 open.weixin.qq.com，测试号在 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login）。',
    en: 'An AppSecret is 32 hex digits; view or reset it at mp.weixin.qq.com → 设置与开发 → 基本配置 (website apps: open.weixin.qq.com; test accounts: mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login).',
  },
  'config.invalid.secret.where': {
    zh: '在 mp.weixin.qq.com → 设置与开发 → 基本配置 中重置或查看（网站应用在 open.weixin.qq.com，测试号在 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login）。',
    en: 'View or reset it at mp.weixin.qq.com → 设置与开发 → 基本配置 (website apps: open.weixin.qq.com; test accounts: mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login).',
  },
  'config.invalid.secret.test.hint': {
    zh: 'AppSecret 是 32 位十六进制；测试号的 appsecret 在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login 的「测试号信息」里，复制过来。',
    en: 'An AppSecret is 32 hex digits; a test account’s appsecret is under 测试号信息 on its page, mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login: copy it from there.',
  },
  'config.invalid.secret.test.where': {
    zh: '测试号的 appsecret 在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login 的「测试号信息」里，复制过来。',
    en: 'A test account’s appsecret is under 测试号信息 on its page, mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login: copy it from there.',
  },
  'config.invalid.appid.where': {
    zh: '在 mp.weixin.qq.com → 设置与开发 → 基本配置 中复制（网站应用在 open.weixin.qq.com）。',
    en: 'Copy it from mp.weixin.qq.com → 设置与开发 → 基本配置 (website apps: open.weixin.qq.com).',
  },
  'config.invalid.appid.test.where': {
    zh: '测试号的 appID 在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login 的「测试号信息」里，复制过来。',
    en: 'A test account’s appID is under 测试号信息 on its page, mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login: copy it from there.',
  },
  'config.invalid.appid.test.hint': {
    zh: 'appid 是 wx 加 16 位十六进制（小写）；测试号的 appID 在测试号页面 mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login 的「测试号信息」里，复制过来。',
    en: 'An appid is wx followed by 16 hex digits in lower case; a test account’s appID is under 测试号信息 on its page, mp.weixin.qq.com/debug/cgi-bin/sandbox?t=sandbox/login: copy it from there.',
  },
  'config.invalid.domain.secret': {
    zh: '{name}：这是 32 位十六进制，看起来是 AppSecret，不是域名（为免泄露不显示它）。',
    en: '{name}: 32 hex digits look like the AppSecret, not a domain (not shown, so it does not leak).',
  },
  'config.invalid.secretShaped': {
    zh: '{name}：这是 32 位十六进制，看起来是 AppSecret，不该填在这里（为免泄露不显示它）。',
    en: '{name}: 32 hex digits look like the AppSecret, which does not go here (not shown, so it does not leak).',
  },
  'config.invalid.secretInside': {
    zh: '{name}：这个值不对，而且里面有连续 32 位十六进制，像是 AppSecret（为免泄露不显示它）。',
    en: '{name}: the value is not valid, and it holds 32 hex digits in a row, which look like the AppSecret (not shown, so it does not leak).',
  },
  'config.invalid.domain': { zh: '{name}："{value}" 不是单纯的主机名。', en: '{name}: "{value}" is not a bare host name.' },
  'config.invalid.domain.hint': {
    zh: '只写主机名（可带端口，仅测试号支持端口），不要 http://、路径或空格，例如 www.example.com 或 192.168.1.10:8080。',
    en: 'Write the host only (a port only works on test accounts), without http://, a path or spaces, e.g. www.example.com or 192.168.1.10:8080.',
  },
  'config.invalid.domain.url': {
    zh: '{name}："{value}" 是完整网址，这里只填主机名。',
    en: '{name}: "{value}" is a whole URL; only its host goes here.',
  },
  'config.invalid.domain.url.hint': { zh: '去掉协议和路径：{host}。', en: 'Without the scheme and the path: {host}.' },
  'config.invalid.domain.url.port.hint': {
    zh: '去掉协议、端口和路径（{type}的回调域名在微信后台只填主机名、不能带端口，回调要在 443 或 80 端口上提供）：{host}。',
    en: 'Without the scheme, the port and the path (a {type}’s callback domain is registered with WeChat as a bare host, no port, and the callback is then served on port 443 or 80): {host}.',
  },
  'config.invalid.domain.slash': {
    zh: '{name}："{value}" 末尾多了斜杠 /，那是路径；这里只填主机名。',
    en: '{name}: "{value}" ends with a slash, which is a path; only the host goes here.',
  },
  'config.invalid.domain.path': {
    zh: '{name}："{value}" 带了路径，这里只填主机名（路径写在 redirect_uri 里）。',
    en: '{name}: "{value}" has a path; only the host goes here (the path belongs in the redirect_uri).',
  },
  'config.invalid.domain.slash.port': {
    zh: '{name}："{value}" 带了端口，末尾还多了斜杠 /（那是路径）；这里只填主机名。',
    en: '{name}: "{value}" has a port and ends with a slash, which is a path; only the host goes here.',
  },
  'config.invalid.domain.path.port': {
    zh: '{name}："{value}" 带了端口和路径，这里只填主机名（路径写在 redirect_uri 里）。',
    en: '{name}: "{value}" has a port and a path; only the host goes here (the path belongs in the redirect_uri).',
  },
  'config.invalid.domain.path.hint': { zh: '去掉路径：{host}。', en: 'Without the path: {host}.' },
  'config.invalid.domain.path.port.hint': {
    zh: '去掉端口和路径（{type}的回调域名在微信后台只填主机名、不能带端口，回调要在 443 或 80 端口上提供）：{host}。',
    en: 'Without the port and the path (a {type}’s callback domain is registered with WeChat as a bare host, no port, and the callback is then served on port 443 or 80): {host}.',
  },
  'config.set.domain.path.hint': { zh: '去掉路径：{command}', en: 'Without the path: {command}' },
  'config.set.domain.path.port.hint': {
    zh: '去掉端口和路径：{type}的回调域名在微信后台只填主机名、不能带端口，回调要在 443 或 80 端口上提供（例如放在反向代理后面）：{command}',
    en: 'Without the port and the path: a {type}’s callback domain is registered with WeChat as a bare host, no port, and the callback is then served on port 443 or 80 (e.g. behind a reverse proxy): {command}',
  },
  'config.set.domain.url.port.hint': {
    zh: '去掉协议、端口和路径：{type}的回调域名在微信后台只填主机名、不能带端口，回调要在 443 或 80 端口上提供（例如放在反向代理后面）：{command}',
    en: 'Without the scheme, the port and the path: a {type}’s callback domain is registered with WeChat as a bare host, no port, and the callback is then served on port 443 or 80 (e.g. behind a reverse proxy): {command}',
  },
  'config.set.corrected.hint': {
    zh: '{hint}这次什么都没有保存；改好 {key}、其余照旧的完整命令：{command}',
    en: '{hint} Nothing was saved; the whole command with {key} corrected: {command}',
  },
  'config.set.corrected.secret.hint': {
    zh: '{hint}这次什么都没有保存；改好 {key}、其余照旧的完整命令（AppSecret 从环境变量 WX_SECRET 读取，先把它放进去）：{command}',
    en: '{hint} Nothing was saved; the whole command with {key} corrected, the AppSecret read from WX_SECRET (put it there first): {command}',
  },
  'config.set.corrected.others.hint': {
    zh: '{hint}这次什么都没有保存：把 {key} 改成 {value}，再改好这里列出的其他被拒绝的值，然后重新运行。',
    en: '{hint} Nothing was saved: with {key} {value}, and the other values refused here fixed, run it again.',
  },
  'config.set.corrected.removed.hint': {
    zh: '{hint}这次什么都没有保存：把 {key} 改成 {value}，去掉 {removed}，然后重新运行。',
    en: '{hint} Nothing was saved: with {key} {value} and {removed} removed, run it again.',
  },
  'config.set.corrected.others.removed.hint': {
    zh: '{hint}这次什么都没有保存：把 {key} 改成 {value}，去掉 {removed}，再改好这里列出的其他被拒绝的值，然后重新运行。',
    en: '{hint} Nothing was saved: with {key} {value}, {removed} removed and the other values refused here fixed, run it again.',
  },
  'config.set.also': { zh: '另外：{problem}{hint}', en: 'Also: {problem} {hint}' },
  'config.set.corrected.again.hint': {
    zh: '{hint}这次什么都没有保存：把 {key} 改成 {value}，其余照旧，再运行一次同样的命令。',
    en: '{hint} Nothing was saved: run the same command again with {key} {value}.',
  },
  'config.set.verifyFile.copyName.hint': {
    zh: '保存后台给的原名（网站根目录下的文件也要用这个名字）：{command}',
    en: 'Save the name the console handed out (and serve the file under that name at the domain’s root): {command}',
  },
  'config.set.verifyFile.copyName.rename.hint': {
    zh: '把文件改回原名，再保存这个名字（网站根目录下也要用这个名字）：{command}',
    en: 'Rename the file back, then save that name (and serve the file under it at the domain’s root): {command}',
  },
  'config.set.domain.url.hint': { zh: '去掉协议和路径：{command}', en: 'Without the scheme and the path: {command}' },
  'config.invalid.domain.port': {
    zh: '{name}："{value}" 带端口，只有测试号（test）能登记端口；{type}的回调域名不能带（微信会返回 10003 redirect_uri不支持带端口号）。',
    en: '{name}: "{value}" has a port, which only a test account (测试号) can register; the callback domain of a {type} cannot have one (WeChat answers 10003 "redirect_uri不支持带端口号").',
  },
  'config.invalid.domain.port.website': {
    zh: '{name}："{value}" 带端口；网站应用的授权回调域不能带端口（带端口时，微信的扫码登录页只显示“redirect_uri 参数错误”）。',
    en: '{name}: "{value}" has a port; a website app’s callback domain (授权回调域) cannot have one (for a port, WeChat’s QR login page shows just "redirect_uri 参数错误").',
  },
  'config.invalid.domain.port.website.hint': {
    zh: '改用 {host}，让回调在 443 或 80 端口上提供（例如放在反向代理后面）。网站应用没有测试号：要在带端口的地址上调试，请用模拟器：wxauth emulator --domain "<appid>={host}:*"。',
    en: 'Use {host} and serve the callback on port 443 or 80 (e.g. behind a reverse proxy). Website apps have no test account: to try a callback on a port, use the emulator: wxauth emulator --domain "<appid>={host}:*".',
  },
  'config.invalid.domain.port.ip.website.hint': {
    zh: '填写在开放平台登记的域名（回调在 443 或 80 端口上提供），网站应用也不能登记 IP。网站应用没有测试号：要用 IP 和端口调试，请用模拟器：wxauth emulator --domain "<appid>=<IP>:*"。',
    en: 'Use the domain name registered on the Open Platform (the callback served on port 443 or 80): a website app cannot register an IP either. Website apps have no test account: for an IP and a port, use the emulator: wxauth emulator --domain "<appid>=<IP>:*".',
  },
  'config.invalid.domain.port.emulator.hint': {
    zh: '在模拟器上回调域也按后台能登记的写：{host}，不带端口。端口只写在 redirect_uri 里（例如 http://{hostport}/callback）；模拟器的 --domain 给这个应用写了这个端口或 {host}:* 时就接受（wxauth emulator 打印的那几行就是这样设的）。',
    en: 'On the emulator too the callback domain is what the console takes: {host}, without the port. Keep the port in the redirect_uri alone (e.g. http://{hostport}/callback); the emulator takes it when its --domain for this app names that port or {host}:* (the lines wxauth emulator prints are set so).',
  },
  'config.invalid.domain.ip.emulator.hint': {
    zh: '{type}不能登记 IP，在模拟器上也一样：不要设置 {name}，地址只写在 redirect_uri 里（例如 http://{hostport}/callback）；模拟器的 --domain 给这个应用写了这个地址时就接受（wxauth emulator 打印的那几行就是这样设的）。',
    en: 'A {type} cannot register an IP, on the emulator either: leave {name} unset and keep the address in the redirect_uri alone (e.g. http://{hostport}/callback); the emulator takes it when its --domain for this app names it (the lines wxauth emulator prints are set so).',
  },
  'config.invalid.domain.port.hint': {
    zh: '改用 {host}，让回调在 443 或 80 端口上提供（例如放在反向代理后面）；要用端口，请用测试号（type test）。',
    en: 'Use {host} and serve the callback on port 443 or 80 (e.g. behind a reverse proxy); for a port, use a test account (type test).',
  },
  'config.invalid.domain.port.ip.hint': {
    zh: '{type}的回调域名要填公众平台或开放平台登记的域名（回调在 443 或 80 端口上提供），IP 也不能登记；要用 IP 和端口，请用测试号（type test）。',
    en: 'Use the domain name registered in the console (the callback served on port 443 or 80): a {type} cannot register an IP either. For an IP and a port, use a test account (type test).',
  },
  'config.invalid.domain.ip': {
    zh: '{name}："{value}" 是 IP 地址，只有测试号（test）能登记 IP；{type}需要已备案的域名。',
    en: '{name}: "{value}" is an IP address, which only a test account (测试号) can register; a {type} needs a registered domain name.',
  },
  'config.invalid.domain.ip.website.hint': {
    zh: '填写在开放平台登记的域名。网站应用没有测试号：要用 IP 调试，请用模拟器：wxauth emulator --domain "<appid>=<IP>"。',
    en: 'Use the domain name registered on the Open Platform. Website apps have no test account: for an IP, use the emulator: wxauth emulator --domain "<appid>=<IP>".',
  },
  'config.invalid.domain.ip.hint': {
    zh: '填写在公众平台或开放平台登记的域名；要用 IP，请用测试号（type test）。',
    en: 'Use the domain name registered in the console; for an IP, use a test account (type test).',
  },
  'config.invalid.redirectUri': { zh: '{name}："{value}" 不是完整的 http(s) 地址。', en: '{name}: "{value}" is not an absolute http(s) URL.' },
  'config.invalid.redirectUri.encoded': {
    zh: '{name}："{value}" 已经做过 URL 编码（像是从授权链接里复制出来的）。',
    en: '{name}: "{value}" is already URL-encoded (as if copied out of an authorization URL).',
  },
  'config.invalid.redirectUri.encoded.hint': {
    zh: '给出未编码的地址，wxauth 生成链接时会编码一次：{decoded}',
    en: 'Give it unencoded; wxauth encodes it once when it builds the link: {decoded}',
  },
  'config.invalid.redirectUri.hint': {
    zh: '写成完整地址，例如 https://www.example.com/wechat/callback。',
    en: 'Write the full address, e.g. https://www.example.com/wechat/callback.',
  },
  'config.invalid.apiBase': { zh: '{name}："{value}" 不是 http(s) 地址。', en: '{name}: "{value}" is not an http(s) URL.' },
  'config.invalid.apiBase.hint': { zh: '例如 https://api.weixin.qq.com 或 http://127.0.0.1:3900。', en: 'E.g. https://api.weixin.qq.com or http://127.0.0.1:3900.' },
  'config.invalid.openBase': { zh: '{name}："{value}" 不是 http(s) 地址。', en: '{name}: "{value}" is not an http(s) URL.' },
  'config.invalid.openBase.hint': { zh: '例如 https://open.weixin.qq.com 或 http://127.0.0.1:3900。', en: 'E.g. https://open.weixin.qq.com or http://127.0.0.1:3900.' },
  'config.invalid.backupApiBase': { zh: '{name}："{value}" 不是 http(s) 地址。', en: '{name}: "{value}" is not an http(s) URL.' },
  'config.invalid.backupApiBase.hint': { zh: '例如 https://api2.weixin.qq.com。', en: 'E.g. https://api2.weixin.qq.com.' },
  'config.invalid.region': { zh: '{name}：接入点 "{value}" 无效。', en: '{name}: region "{value}" is not valid.' },
  'config.invalid.region.hint': { zh: '可选：{regions}。', en: 'Use one of: {regions}.' },
  'config.redirectOutsideDomain.website': {
    zh: 'redirect_uri 的主机 {host} 与授权回调域 {domain} 不一致：微信的扫码登录页会拒绝（显示“redirect_uri 参数错误”或「该链接无法访问」）。',
    en: 'The redirect_uri host {host} differs from the callback domain {domain}: WeChat’s QR login page would refuse it ("redirect_uri 参数错误", or 「该链接无法访问」).',
  },
  'config.redirectOutsideDomain': {
    zh: 'redirect_uri 的主机 {host} 与回调域名 {domain} 不一致：微信会显示 10003 redirect_uri 参数错误。',
    en: 'The redirect_uri host {host} differs from the callback domain {domain}: WeChat would show 10003 "redirect_uri 参数错误".',
  },
  'config.redirectOutsideDomain.secretShaped': {
    zh: 'redirect_uri 的主机与回调域名不一致：微信会显示 10003 redirect_uri 参数错误。（两者之一含连续 32 位十六进制，像是 AppSecret，为免泄露这里不显示。）',
    en: 'The redirect_uri host differs from the callback domain: WeChat would show 10003 "redirect_uri 参数错误". (Not quoted: one of them holds 32 hex digits in a row, which look like the AppSecret, so it does not leak.)',
  },
  'config.redirectOutsideDomain.testPort.unquoted.hint': {
    zh: '测试号的回调域名连端口一起比较：让域名和 redirect_uri 用同一个端口（测试号页面上的域名也这样填）。',
    en: 'A test account matches the port too: give the domain and the redirect_uri the same port (and the domain on the test account page).',
  },
  'config.redirectOutsideDomain.hint': {
    zh: '让 redirect_uri 使用完全相同的主机（子域名和上级域名都不算），或改正回调域名。',
    en: 'Use exactly the same host in redirect_uri (subdomains and the parent domain do not count), or fix the domain.',
  },
  'config.redirectOutsideDomain.testPort.hint': {
    zh: '测试号的回调域名连端口一起比较：把域名设为 {host}（测试号页面上也这样填），或去掉 redirect_uri 里的端口。',
    en: 'A test account matches the port too: set the domain to {host} (as on the test account page), or drop the port from redirect_uri.',
  },
  'config.redirectOutsideDomain.testPort.other.hint': {
    zh: '测试号的回调域名连端口一起比较：redirect_uri 用 {domain} 的端口 {port}，或把域名设为 {host}（测试号页面上也这样填）。',
    en: 'A test account matches the port too: use {domain}’s port {port} in redirect_uri, or set the domain to {host} (as on the test account page).',
  },
  'config.redirectOutsideDomain.port.emulator.hint': {
    zh: '正式账号的回调不能带端口（真实微信会拒绝）；模拟器只在本机（localhost、127.0.0.1）上接受带端口的回调：把 redirect_uri 放到本机的这个端口上，并用 --domain 写明这个端口启动模拟器（wxauth emulator --domain "<appid>=localhost:{port}"）；否则去掉 redirect_uri 里的 :{port}。',
    en: 'A real account’s callback cannot have a port (WeChat refuses it); the emulator takes one only on this machine (localhost, 127.0.0.1): put the redirect_uri on this machine at that port and start the emulator with a --domain naming it (wxauth emulator --domain "<appid>=localhost:{port}"); otherwise drop :{port} from redirect_uri.',
  },
  'config.redirectOutsideDomain.port.website.hint': {
    zh: '网站应用的回调不能带端口（微信的扫码登录页会显示“redirect_uri 参数错误”）：去掉 redirect_uri 里的 :{port}，让回调在 443 或 80 端口上提供；要在带端口的地址上调试，请用模拟器（wxauth emulator --domain "<appid>=<主机>:*"）。',
    en: 'A website app’s callback cannot have a port (WeChat’s QR login page shows "redirect_uri 参数错误"): drop :{port} from redirect_uri and serve the callback on port 443 or 80; to try one on a port, use the emulator (wxauth emulator --domain "<appid>=<host>:*").',
  },
  'config.redirectOutsideDomain.port.hint': {
    zh: '{type}的回调不能带端口（微信会返回 10003 redirect_uri不支持带端口号）：去掉 redirect_uri 里的 :{port}，让回调在 443 或 80 端口上提供；要用端口，请用测试号（type test）。',
    en: 'A {type}’s callback cannot have a port (WeChat answers 10003 "redirect_uri不支持带端口号"): drop :{port} from redirect_uri and serve the callback on port 443 or 80; for a port, use a test account (type test).',
  },
  'config.set.redirectMismatch': {
    zh: '已保存的 redirect_uri {redirectUri} 不再位于回调域名 {domain} 下：微信会显示 10003 redirect_uri 参数错误。',
    en: 'The saved redirect_uri {redirectUri} is no longer under the callback domain {domain}: WeChat would show 10003 "redirect_uri 参数错误".',
  },
  'config.set.redirectMismatch.hint': {
    zh: '把域名和它下面的 redirect_uri 一起设置：{command}；或加 --yes 照样保存。',
    en: 'Set the domain and a redirect_uri under it together: {command}; or add --yes to save anyway.',
  },
  'config.set.redirectMismatch.dropped.hint': {
    zh: '把域名和它下面的 redirect_uri 一起设置：{command}（其中去掉了 {names}：redirect_uri 不应自带它）；或加 --yes 照样保存。',
    en: 'Set the domain and a redirect_uri under it together: {command} (leaving out its {names}, which a redirect_uri should not carry); or add --yes to save anyway.',
  },
  'config.set.redirectMismatch.unset.hint': {
    zh: '把域名和它下面的 redirect_uri 一起设置，或先删除已保存的 redirect_uri（{unset}）；或加 --yes 照样保存。',
    en: 'Set the domain and a redirect_uri under it together, or remove the saved redirect_uri first ({unset}); or add --yes to save anyway.',
  },
  'config.set.redirectOutside.hint': {
    zh: '让 redirect_uri 使用完全相同的主机，或把域名一起改掉：{command}；加 --yes 照样保存。',
    en: 'Use exactly that host in the redirect_uri, or change the domain with it: {command}; --yes saves it anyway.',
  },
  'config.set.redirectOutside.dropped.hint': {
    zh: '让 redirect_uri 使用完全相同的主机，或把域名一起改掉：{command}（其中去掉了 {names}：redirect_uri 不应自带它）；加 --yes 照样保存。',
    en: 'Use exactly that host in the redirect_uri, or change the domain with it: {command} (leaving out its {names}, which a redirect_uri should not carry); --yes saves it anyway.',
  },
  'config.set.redirectOutside.none.hint': {
    zh: '让 redirect_uri 使用完全相同的主机 {domain}；加 --yes 照样保存。',
    en: 'Use exactly the host {domain} in the redirect_uri; --yes saves it anyway.',
  },
  'config.set.typeUnfit.hint': {
    zh: '把类型和它不接受的设置一起改：{command}；或保留原来的账号类型；加 --yes 照样保存。',
    en: 'Change the type together with what it does not take: {command}; or keep the account type; --yes saves it anyway.',
  },
  'config.set.typeUnfit.remove.hint': {
    zh: '先删除{type}用不了的设置（{unset}），再 {set}；或保留原来的账号类型；加 --yes 照样保存。',
    en: 'Remove what a {type} cannot take first ({unset}), then {set}; or keep the account type; --yes saves it anyway.',
  },
  'config.set.subscriptionCallback': {
    zh: '订阅号没有网页授权权限：回调域名和 redirect_uri 用不上，微信会拒绝它的任何授权链接。',
    en: 'A subscription account (订阅号) has no web authorization: a callback domain and redirect_uri are of no use, and WeChat refuses any authorization URL for it.',
  },
  'config.set.subscriptionCallback.hint': {
    zh: '要网页授权就把能授权的类型一起设置：{command}（测试号把 service 换成 test）；要用订阅号就不用设置它们（已保存的用 {unset} 删除）；加 --yes 照样保存。',
    en: 'For web authorization, set a type that has it with them: {command} (test instead of service for a test account); a subscription account needs neither (remove saved ones with {unset}); --yes saves it anyway.',
  },
  'config.set.subscriptionCallback.again.hint': {
    zh: '要网页授权，先改成能授权的类型：{command}（测试号把 service 换成 test），再把这条 config set 重新运行一次；要用订阅号就不用设置它们（已保存的用 {unset} 删除）；加 --yes 照样保存。',
    en: 'For web authorization, first set a type that has it: {command} (test instead of service for a test account), then run this config set again; a subscription account needs neither (remove saved ones with {unset}); --yes saves it anyway.',
  },
  'config.set.subscriptionCallback.type.hint': {
    zh: '订阅号不保存回调设置：先删除它们（{unset}），再 {set}；或保留原来的账号类型；加 --yes 照样保存。',
    en: 'A subscription account keeps no callback settings: remove them first ({unset}), then {set}; or keep the account type; --yes saves it anyway.',
  },
  'config.set.unpaired': { zh: '"{key}" 缺少值：config set 接受成对的 <键> <值>。', en: '"{key}" has no value: config set takes <key> <value> pairs.' },
  'config.set.twice': { zh: '{key} 出现了两次。', en: '{key} is given twice.' },
  'config.set.unpaired.hint': {
    zh: '例如 wxauth config set domain www.example.com redirectUri https://www.example.com/wechat/callback',
    en: 'For example wxauth config set domain www.example.com redirectUri https://www.example.com/wechat/callback',
  },
  'config.profile.badName': { zh: 'profile 名 "{name}" 无效。', en: 'Profile name "{name}" is not valid.' },
  'config.profile.badName.hint': { zh: '只用字母、数字、- 和 _，最长 64 个字符。', en: 'Use letters, digits, - and _ only, up to 64 characters.' },
  'config.profile.badName.env': { zh: 'WXAUTH_PROFILE 的值 "{name}" 不是有效的 profile 名。', en: 'WXAUTH_PROFILE "{name}" is not a valid profile name.' },
  'config.profile.badName.env.hint': {
    zh: 'profile 名只能用字母、数字、- 和 _，最长 64 个字符：改正或 unset WXAUTH_PROFILE。',
    en: 'A profile name is letters, digits, - and _ only, up to 64 characters: fix or unset WXAUTH_PROFILE.',
  },
  'config.profile.emptyFlag': { zh: '--profile 的值是空的。', en: '--profile is empty.' },
  'config.profile.emptyFlag.hint': {
    zh: '给出 profile 名（wxauth profile list 列出已有的），或去掉 --profile 使用当前 profile。',
    en: 'Name a profile (wxauth profile list shows them), or leave --profile out to use the current one.',
  },
  'config.profile.reserved': {
    zh: 'profile 名 "{name}" 是 JavaScript 对象的内置属性名，wxauth 不接受它（它会与对象自身的属性混淆）。',
    en: 'Profile name "{name}" is the name of a built-in property of every JavaScript object; wxauth refuses it so it is never confused with one.',
  },
  'config.profile.reserved.hint': {
    zh: '换一个名字，例如 dev 或 prod（字母、数字、- 和 _），用 --profile 或 WXAUTH_PROFILE 传入。',
    en: 'Choose another name, e.g. dev or prod (letters, digits, - and _), and pass it with --profile or WXAUTH_PROFILE.',
  },
  'config.profile.unknown.near': { zh: '没有名为 "{profile}" 的 profile。是不是 "{suggestion}"？', en: 'There is no profile named "{profile}". Did you mean "{suggestion}"?' },
  'config.profile.reserved.saved.hint': {
    zh: '{file} 里确实有这个名字的 profile（手动写进去的），但 wxauth 没法选中这个名字。请手动编辑这个文件：把这个键改成别的名字（字母、数字、- 和 _）再用 --profile 传入新名字，或删掉这一项。',
    en: '{file} does hold a profile by this name (written there by hand), but wxauth cannot select that name. Edit that file yourself: rename its key to another name (letters, digits, - and _) and pass the new name with --profile, or delete its entry.',
  },
  'config.profile.reserved.saved.env.hint': {
    zh: '这个名字来自环境变量 WXAUTH_PROFILE。{file} 里确实有这个名字的 profile（手动写进去的），但 wxauth 没法选中这个名字。请手动编辑这个文件：把这个键改成别的名字（字母、数字、- 和 _）再把 WXAUTH_PROFILE 设成新名字，或删掉这一项并 unset WXAUTH_PROFILE。',
    en: 'The name came from WXAUTH_PROFILE. {file} does hold a profile by this name (written there by hand), but wxauth cannot select that name. Edit that file yourself: rename its key to another name (letters, digits, - and _) and set WXAUTH_PROFILE to the new name, or delete its entry and unset WXAUTH_PROFILE.',
  },
  'config.profile.reserved.env.hint': {
    zh: '这个名字来自环境变量 WXAUTH_PROFILE：改成别的名字，例如 dev 或 prod（字母、数字、- 和 _），或 unset WXAUTH_PROFILE。',
    en: 'The name came from WXAUTH_PROFILE: set it to another name, e.g. dev or prod (letters, digits, - and _), or unset it.',
  },
  'config.profile.dash': {
    zh: 'profile 名 "{name}" 以 - 开头，命令行会把它当成选项（wxauth profile use {name} 会报 unknown option），不能用来新建 profile。',
    en: 'Profile name "{name}" starts with -, which a command line reads as an option (wxauth profile use {name} fails with unknown option): a new profile cannot have it.',
  },
  'config.profile.dash.hint': {
    zh: '换一个名字，以字母、数字或 _ 开头。没有保存任何内容。',
    en: 'Pick another name, starting with a letter, a digit or _. Nothing was saved.',
  },
  'config.profile.dash.like.hint': {
    zh: '换一个名字，以字母、数字或 _ 开头，例如 --profile {suggestion}。没有保存任何内容。',
    en: 'Pick another name, starting with a letter, a digit or _, e.g. --profile {suggestion}. Nothing was saved.',
  },
  'config.profile.dash.env.hint': {
    zh: '这个名字来自环境变量 WXAUTH_PROFILE：改成以字母、数字或 _ 开头的名字，或 unset WXAUTH_PROFILE。没有保存任何内容。',
    en: 'The name came from WXAUTH_PROFILE: set it to a name starting with a letter, a digit or _, or unset it. Nothing was saved.',
  },
  'config.profile.dash.env.like.hint': {
    zh: '这个名字来自环境变量 WXAUTH_PROFILE：改成以字母、数字或 _ 开头的名字（例如 WXAUTH_PROFILE={suggestion}），或 unset WXAUTH_PROFILE。没有保存任何内容。',
    en: 'The name came from WXAUTH_PROFILE: set it to a name starting with a letter, a digit or _ (e.g. WXAUTH_PROFILE={suggestion}), or unset it. Nothing was saved.',
  },
  'config.profile.caseTwin': {
    zh: 'profile "{profile}" 与已有的 "{existing}" 只差大小写。',
    en: 'Profile "{profile}" differs from the saved "{existing}" only in case.',
  },
  'config.profile.caseTwin.hint': {
    zh: '在 macOS 和 Windows 的磁盘上两者会共用同一个 state 文件：要用已有的就写 --profile {existing}，否则换一个名字。',
    en: 'On macOS and Windows disks the two would share one state file: use --profile {existing} for the saved one, or pick another name.',
  },
  'config.profile.unknown': { zh: '没有名为 "{profile}" 的 profile。', en: 'There is no profile named "{profile}".' },
  'config.profile.unknown.hint': { zh: '现有 profile：{profiles}。用 wxauth init --profile <名字> 新建。', en: 'Existing profiles: {profiles}. Create one with wxauth init --profile <name>.' },
  'config.profile.unknown.create.hint': {
    zh: '现有 profile：{profiles}。用 --profile 选其中一个，或用 wxauth init --profile {profile} 新建 "{profile}"。',
    en: 'Existing profiles: {profiles}. Pick one of them with --profile, or create "{profile}" with wxauth init --profile {profile}.',
  },
  'config.profile.unknown.caseTwin.hint': {
    zh: '已有的 "{existing}" 与它只差大小写，不能再建 "{profile}"（在 macOS 和 Windows 的磁盘上两者会共用同一个 state 文件）：用 {use}。',
    en: 'The saved "{existing}" differs from it only in case, and "{profile}" cannot be made beside it (on macOS and Windows disks the two would share one state file): use {use}.',
  },
  'config.profile.unknown.env.hint': {
    zh: '这个名字来自环境变量 WXAUTH_PROFILE。现有 profile：{profiles}。改正或 unset WXAUTH_PROFILE，或用 wxauth init --profile {profile} 新建它。',
    en: 'The name came from the WXAUTH_PROFILE variable. Existing profiles: {profiles}. Fix or unset WXAUTH_PROFILE, or create it with wxauth init --profile {profile}.',
  },
  'config.missing.pickProfile.hint': {
    zh: 'profile "{profile}" 不存在（当前 profile 被删除了？）。现有 profile：{profiles}。用 wxauth profile use <名字> 选一个，或用 wxauth init --profile {profile} 新建。',
    en: 'Profile "{profile}" does not exist (was the current profile removed?). Existing profiles: {profiles}. Pick one with wxauth profile use <name>, or create it with wxauth init --profile {profile}.',
  },
  'config.profile.none.hint': {
    zh: '还没有任何 profile：用 wxauth init --profile {profile} 新建，或用 WXAUTH_* 环境变量给出这些值。',
    en: 'There are no profiles yet: create one with wxauth init --profile {profile}, or give the values as WXAUTH_* variables.',
  },
  // A name starting with - cannot be created (config.profile.dash): these hints say how to create one that can.
  'config.profile.none.dash.hint': {
    zh: '还没有任何 profile，而新建的 profile 不能叫 "{profile}"（以 - 开头的名字会被命令行当成选项）：用 wxauth init --profile {suggestion} 新建，或用 WXAUTH_* 环境变量给出这些值。',
    en: 'There are no profiles yet, and a new one cannot be named "{profile}" (a name starting with - reads as an option): create one with wxauth init --profile {suggestion}, or give the values as WXAUTH_* variables.',
  },
  'config.profile.none.dash.env.hint': {
    zh: '这个名字来自环境变量 WXAUTH_PROFILE。还没有任何 profile，而新建的 profile 不能叫 "{profile}"（以 - 开头的名字会被命令行当成选项）：unset WXAUTH_PROFILE 后运行 wxauth init（新建 "default"），或先改成 WXAUTH_PROFILE={suggestion} 再运行；也可以用 WXAUTH_* 环境变量给出这些值。',
    en: 'The name came from WXAUTH_PROFILE. There are no profiles yet, and a new one cannot be named "{profile}" (a name starting with - reads as an option): unset WXAUTH_PROFILE and run wxauth init (it creates "default"), or set WXAUTH_PROFILE={suggestion} first; or give the values as WXAUTH_* variables.',
  },
  'config.profile.unknown.dash.hint': {
    zh: '现有 profile：{profiles}。用 --profile 选其中一个；新建的 profile 名要以字母、数字或 _ 开头（以 - 开头会被命令行当成选项）：wxauth init --profile <名字>。',
    en: 'Existing profiles: {profiles}. Pick one of them with --profile; a new profile’s name starts with a letter, a digit or _ (one starting with - reads as an option): wxauth init --profile <name>.',
  },
  'config.profile.unknown.dash.env.hint': {
    zh: '这个名字来自环境变量 WXAUTH_PROFILE。现有 profile：{profiles}。把它改成其中一个，或 unset WXAUTH_PROFILE；以 - 开头的名字会被命令行当成选项，不能用来新建 profile。',
    en: 'The name came from the WXAUTH_PROFILE variable. Existing profiles: {profiles}. Set it to one of them, or unset it; a name starting with - reads as an option, so no new profile can have it.',
  },
  'config.key.unknown': { zh: '没有名为 "{key}" 的配置项。', en: 'There is no setting named "{key}".' },
  'config.key.unknown.like': { zh: '没有名为 "{key}" 的配置项。是不是 {known}？', en: 'There is no setting named "{key}". Did you mean {known}?' },
  'config.key.unknown.hint': { zh: '可用的配置项：{keys}。', en: 'Settings: {keys}.' },
  'config.set.newProfile.hint': {
    zh: '现有 profile：{profiles}。用 --profile 选其中一个；确实要新建 "{profile}" 并保存这一项，就加 --yes（完整配置一个新 profile 用 wxauth init --profile {profile}）。',
    en: 'Existing profiles: {profiles}. Pick one of them with --profile; to create "{profile}" with this setting, add --yes (wxauth init --profile {profile} sets up a whole new one).',
  },
  'config.set.newProfile.env.hint': {
    zh: '这个名字来自环境变量 WXAUTH_PROFILE。现有 profile：{profiles}。改正或 unset WXAUTH_PROFILE；确实要新建 "{profile}" 并保存这一项，就加 --yes。',
    en: 'The name came from the WXAUTH_PROFILE variable. Existing profiles: {profiles}. Fix or unset WXAUTH_PROFILE; to create "{profile}" with this setting, add --yes.',
  },
  'config.set.newProfile.none.hint': {
    zh: '当前没有选中的 profile（之前的可能被删除了）。现有 profile：{profiles}。用 wxauth profile use <名字> 选一个，或加 --profile；确实要新建 "{profile}" 并保存这一项，就加 --yes。',
    en: 'No profile is current (the one that was may have been removed). Existing profiles: {profiles}. Pick one with wxauth profile use <name>, or --profile; to create "{profile}" with this setting, add --yes.',
  },
  'config.set.newProfile.confirm': {
    zh: '没有名为 "{profile}" 的 profile（现有：{profiles}）。新建它吗？',
    en: 'There is no profile named "{profile}" (existing: {profiles}). Create it?',
  },
  'config.profile.madeCurrent': {
    zh: '这是第一个 profile，已设为当前 profile：不带 --profile 的命令都用 "{profile}"。',
    en: 'It is the first profile, so it is now the current one: commands without --profile use "{profile}".',
  },
  'config.set.envType.hint': {
    zh: '这个 shell 里设置了 WXAUTH_TYPE={value}，它比 profile 优先：在这里运行的命令会把账号当作{type}，不接受这个值。先 unset WXAUTH_TYPE（或改成账号的实际类型）再保存；或加 --yes 照样保存（在没有设置 WXAUTH_TYPE 的地方会用上它）。',
    en: 'WXAUTH_TYPE={value} is set in this shell and wins over the profile: commands run here take the account for a {type} and refuse this value. Unset WXAUTH_TYPE (or set it to the account’s type) first, or add --yes to save it anyway (it is used where WXAUTH_TYPE is not set).',
  },
  'config.set.created': { zh: 'profile "{profile}" 原本不存在，已新建。', en: 'Profile "{profile}" did not exist; created it.' },
  'config.set.overridden': {
    zh: '这个 shell 里设置了 {variable}，它比 profile 优先：在这里运行的命令仍用它，不用刚保存的 {key}（unset {variable} 才会用上）。',
    en: '{variable} is set in this shell and wins over the profile: commands run here still use it, not the {key} just saved (unset {variable} to use it).',
  },
  'config.set.done': { zh: '已保存 {key}（profile "{profile}"）到 {file}', en: 'Saved {key} (profile "{profile}") to {file}' },
  'config.unset.done': { zh: '已从 {file} 中删除 profile "{profile}" 的 {key}', en: 'Removed {key} (profile "{profile}") from {file}' },
  'config.unset.none': { zh: 'profile "{profile}" 里没有 {key}，无需删除。', en: 'Profile "{profile}" has no {key}; nothing to remove.' },
  'config.get.otherAccount': {
    zh: '{key} 保存在 profile "{profile}" 里，但它属于那个 profile 的账号，而 WXAUTH_APPID 指向另一个账号，所以没有使用。',
    en: '{key} is saved in profile "{profile}", but it belongs to that profile’s account, and WXAUTH_APPID names another one, so it is not used.',
  },
  'config.get.fromEnv': {
    zh: '{key} 取自这个 shell 的 {variable}，它比 profile "{profile}" 保存的 {saved} 优先（unset {variable} 才会用保存的值）。',
    en: '{key} comes from {variable} in this shell, which wins over the {saved} saved in profile "{profile}" (unset {variable} to use the saved one).',
  },
  'config.get.fromEnv.unsaved': {
    zh: '{key} 取自这个 shell 的 {variable}；profile "{profile}" 没有保存它。',
    en: '{key} comes from {variable} in this shell; profile "{profile}" saves none.',
  },
  'config.get.none': { zh: '{key} 没有设置（profile "{profile}"）。', en: '{key} is not set (profile "{profile}").' },
  'config.get.noCurrent': {
    zh: '{key} 没有设置：当前没有选中的 profile，profile "{profile}" 也不存在。现有 profile：{profiles}；用 wxauth profile use <名字> 选一个。',
    en: '{key} is not set: no profile is current, and profile "{profile}" does not exist. Existing profiles: {profiles}; pick one with wxauth profile use <name>.',
  },
  'config.get.noProfile': {
    zh: '{key} 没有设置：profile "{profile}" 不存在。现有 profile：{profiles}；用 wxauth profile use <名字> 选一个。',
    en: '{key} is not set: profile "{profile}" does not exist. Existing profiles: {profiles}; pick one with wxauth profile use <name>.',
  },
  'config.list.refused': { zh: '（无效，未使用：见下）', en: '(refused, not used: see below)' },
  'config.list.emptyOthers': {
    zh: 'profile "{profile}" 不存在。现有 profile：{profiles}；用 wxauth profile use <名字> 选一个。',
    en: 'Profile "{profile}" does not exist. Existing profiles: {profiles}; pick one with wxauth profile use <name>.',
  },
  'config.list.empty': { zh: '还没有任何配置。运行 wxauth init 开始。', en: 'Nothing configured yet. Run wxauth init to start.' },
  'config.list.header': { zh: 'profile "{profile}"（{file}）', en: 'Profile "{profile}" ({file})' },
  'config.list.key': { zh: '配置项', en: 'key' },
  'config.list.value': { zh: '值', en: 'value' },
  'config.list.source': { zh: '来源', en: 'source' },
  'config.list.source.flag': { zh: '参数', en: 'flag' },
  'config.list.source.env': { zh: '环境变量', en: 'env' },
  'config.list.source.profile': { zh: '配置文件', en: 'profile' },
  'config.list.source.default': { zh: '默认', en: 'default' },
  'profile.list.name': { zh: '名称', en: 'profile' },
  'profile.list.type': { zh: '类型', en: 'type' },
  'profile.list.appid': { zh: 'AppID', en: 'appid' },
  'profile.list.secret': { zh: 'AppSecret', en: 'secret' },
  'profile.list.domain': { zh: '回调域名', en: 'domain' },
  'profile.list.reserved': {
    zh: '{file} 里的 profile "{name}" 用的是 wxauth 不接受的名字（每个 JavaScript 对象都有的内置属性名），哪个命令都没法使用、改名或删除它。请手动编辑这个文件：把这个键改成别的名字（字母、数字、- 和 _），或删掉这一项；wxauth 不会替你改这个文件。',
    en: 'Profile "{name}" in {file} has a name wxauth refuses (a built-in property of every JavaScript object), so no command can use, rename or remove it. Edit that file yourself: rename its key to another name (letters, digits, - and _), or delete its entry; wxauth leaves the file as it is.',
  },
  'profile.reserved.saved.hint': {
    zh: '{file} 里有这个名字的 profile（手动写进去的），哪个命令都没法使用、改名或删除它。请手动编辑这个文件：把这个键改成别的名字（字母、数字、- 和 _），或删掉这一项。',
    en: '{file} has a profile by this name (written there by hand), which no command can use, rename or remove. Edit that file yourself: rename its key to another name (letters, digits, - and _), or delete its entry.',
  },
  'profile.list.empty': { zh: '还没有 profile。运行 wxauth init 创建。', en: 'No profiles yet. Run wxauth init to create one.' },
  'profile.use.done': { zh: '当前 profile 切换为 "{profile}"。', en: 'Now using profile "{profile}".' },
  'profile.remove.done': { zh: '已删除 profile "{profile}"。', en: 'Removed profile "{profile}".' },
  'profile.remove.tokensLeft': {
    zh: '它缓存的 {count} 个用户 token 仍在 token 缓存中；用 wxauth --profile {profile} tokens clear 清除。',
    en: 'Its {count} cached user token(s) stay in the token cache; clear them with wxauth --profile {profile} tokens clear.',
  },
  'profile.remove.tokens.confirm': {
    zh: 'token 缓存里还有它的 {held}。一并删除吗？（选否则保留，之后可用 wxauth --profile {profile} tokens clear 删除）',
    en: 'The token cache also holds its {held}. Remove them too? (No keeps them; wxauth --profile {profile} tokens clear removes them later)',
  },
  'profile.remove.tokens.cleared': { zh: '已从 token 缓存删除它的 {what}。', en: 'Removed its {what} from the token cache.' },
  'profile.remove.tokens.failed': {
    zh: '它缓存的 token 没能删除（{reason}），仍在 token 缓存中；用 wxauth --profile {profile} tokens clear 再试。',
    en: 'Its cached tokens could not be removed ({reason}) and stay in the token cache; wxauth --profile {profile} tokens clear tries again.',
  },
  'profile.remove.unknown.cached.hint': {
    zh: '不过 token 缓存里仍有一个叫这个名字的 profile 留下的内容：用 wxauth --profile {profile} tokens clear 删除。现有 profile：{profiles}。',
    en: 'The token cache still holds what a profile of this name left, though: wxauth --profile {profile} tokens clear removes it. Existing profiles: {profiles}.',
  },
  'profile.remove.tokensMaybe': {
    zh: '它缓存的用户 token（如果有）仍在 token 缓存中；用 wxauth --profile {profile} tokens clear 清除。',
    en: 'Its cached user tokens, if any, stay in the token cache; clear them with wxauth --profile {profile} tokens clear.',
  },
  'profile.remove.wasCurrent': {
    zh: '它是当前 profile：不带 --profile 的命令现在使用 "{fallback}"{missing}。用 wxauth profile use <名字> 选另一个（现有：{profiles}）。',
    en: 'It was the current profile: commands without --profile now use "{fallback}"{missing}. Pick another with wxauth profile use <name> (existing: {profiles}).',
  },
  'profile.remove.wasCurrent.missing': { zh: '（它不存在）', en: ', which does not exist' },
  'profile.remove.wasCurrent.none': {
    zh: '它是当前 profile：现在没有当前 profile 了。用 wxauth profile use <名字> 选一个（现有：{profiles}）。',
    en: 'It was the current profile: no profile is current now. Pick one with wxauth profile use <name> (existing: {profiles}).',
  },
  'profile.remove.wasCurrent.last': {
    zh: '它是当前 profile，也是最后一个：用 wxauth init 新建一个。',
    en: 'It was the current profile, and the last one: create one with wxauth init.',
  },
  'profile.dashName.hint': {
    zh: '如果 {name} 是 profile 的名字，在它前面加 --：{command}（以 - 开头的名字会被当成选项）。',
    en: 'If {name} is the name of a profile, put -- before it: {command} (a name starting with - is read as an option).',
  },
  'profile.add.hint': {
    zh: 'profile 用 init 新建：wxauth init --profile <名字>（只给 --profile、不给其他参数时交互式填写）。',
    en: 'Profiles are created with init: wxauth init --profile <name> (interactive without the other flags).',
  },
  'profile.rename.done': { zh: '已把 profile "{from}" 改名为 "{to}"。', en: 'Renamed profile "{from}" to "{to}".' },
  'profile.rename.done.replaced': {
    zh: '已把 profile "{from}" 改名为 "{to}"，原来的 "{to}" 被替换。',
    en: 'Renamed profile "{from}" to "{to}", replacing the "{to}" saved before.',
  },
  'profile.rename.current': {
    zh: '它仍是当前 profile：不带 --profile 的命令使用 "{to}"。',
    en: 'It is still the current profile: commands without --profile use "{to}".',
  },
  'profile.rename.tokensMoved': {
    zh: '它缓存的 {count} 个用户 token 和记下的 state 也一起改到了新名字下（wxauth --profile {to} tokens 查看）。',
    en: 'Its {count} cached user token(s) and its remembered state moved with it (wxauth --profile {to} tokens lists them).',
  },
  'profile.rename.usersMoved': {
    zh: '它缓存的 {count} 个用户 token 也一起改到了新名字下（wxauth --profile {to} tokens 查看）。',
    en: 'Its {count} cached user token(s) moved with it (wxauth --profile {to} tokens lists them).',
  },
  'profile.rename.stateMoved': {
    zh: '它记下的 state（wxauth url 最近生成的链接）也改到了新名字下：那个链接的回调照样会被核对。',
    en: 'Its remembered state (the link wxauth url made last) moved with it: a callback of that link is still checked.',
  },
  // {what}: a list of the kinds it held, each of profile.rename.dropped.* (a kind it held none of is not named).
  'profile.rename.dropped': {
    zh: '"{to}" 原来缓存的 {what} 已删除。',
    en: 'Dropped what "{to}" had cached before: {what}.',
  },
  'profile.rename.dropped.users': { zh: '{count} 个用户 token', en: '{count} user token(s)' },
  'profile.rename.dropped.basic': { zh: '{count} 个基础 access_token', en: '{count} basic access_token(s)' },
  'profile.rename.dropped.tickets': { zh: '{count} 个 jsapi_ticket', en: '{count} jsapi_ticket(s)' },
  'profile.rename.oldTokensLeft': {
    zh: '它缓存的 token 已复制到 "{to}" 下，但再次写入 tokens.json、把它们从 "{from}" 下删掉时失败（{reason}）：旧名字下还留着一份，用 wxauth --profile {from} tokens clear 清除其中的用户。',
    en: 'Its cached tokens were copied to "{to}", but writing tokens.json again to remove them from under "{from}" failed ({reason}): a copy stays under the old name; wxauth --profile {from} tokens clear removes its users.',
  },
  'profile.rename.failed.nothing': {
    zh: '没有改名："{from}" 的配置、缓存的 token 和 state 都保持原样。',
    en: 'Nothing was renamed: "{from}" keeps its settings, cached tokens and state as they were.',
  },
  'profile.rename.failed.copied': {
    zh: 'profile 仍叫 "{from}"（config.json 没有改），但 tokens.json 里 "{to}" 下已经有了它缓存的 token 的副本，"{to}" 原来缓存的已删除：等 config.json 能写入后，再运行一次 wxauth profile rename {from} {to}。',
    en: 'The profile is still "{from}" (config.json unchanged), but tokens.json already holds a copy of its cached tokens under "{to}", and what "{to}" had cached is gone: once config.json can be written, run wxauth profile rename {from} {to} again.',
  },
  'profile.rename.env': {
    zh: '这个 shell 里设置了 WXAUTH_PROFILE={from}：在这里运行的命令仍会去找 "{from}"，它已经不存在了。改成 WXAUTH_PROFILE={to}。',
    en: 'WXAUTH_PROFILE={from} is set in this shell: commands run here still look for "{from}", which no longer exists. Set WXAUTH_PROFILE={to}.',
  },
  'profile.rename.same': { zh: 'profile 本来就叫 "{profile}"，不用改名。', en: 'The profile is already called "{profile}": nothing to rename.' },
  'profile.rename.same.hint': { zh: '旧名字在前、新名字在后：wxauth profile rename <旧名字> <新名字>。', en: 'The old name first, then the new one: wxauth profile rename <old> <new>.' },
  'profile.rename.replace.confirm': {
    zh: 'profile "{to}" 已存在：用 "{from}" 替换它（"{to}" 现有的配置、缓存的 token 和记下的 state 都会被删除）？',
    en: 'Profile "{to}" exists: replace it with "{from}" (the settings, cached tokens and remembered state "{to}" has now are deleted)?',
  },
  'profile.remove.confirm': { zh: '删除 profile "{profile}"？', en: 'Remove profile "{profile}"?' },
  'init.intro': { zh: '为 profile "{profile}" 配置微信账号。按 Ctrl-C 取消，不会写入任何东西。', en: 'Setting up a WeChat account for profile "{profile}". Ctrl-C cancels without writing anything.' },
  'init.ask.type': { zh: '账号类型', en: 'Account type' },
  'init.type.service': { zh: '服务号（已认证，网页授权 snsapi_base / snsapi_userinfo）', en: 'Service account 服务号 (verified; web auth with snsapi_base / snsapi_userinfo)' },
  'init.type.subscription': { zh: '订阅号（没有网页授权权限）', en: 'Subscription account 订阅号 (no web-auth rights)' },
  'init.type.test': { zh: '测试号（回调域名可用 IP:端口）', en: 'Test account 测试号 (callback domain may be IP:port)' },
  'init.type.website': { zh: '网站应用（开放平台扫码登录 snsapi_login）', en: 'Website app 网站应用 (open-platform QR login, snsapi_login)' },
  'init.ask.appid': { zh: 'AppID（wx 开头）', en: 'AppID (starts with wx)' },
  'init.ask.secret': { zh: 'AppSecret（输入显示为 *）', en: 'AppSecret (shown as *)' },
  'init.ask.domain.oa': { zh: '网页授权域名（公众号后台 → 设置与开发 → 公众号设置 → 功能设置 → 网页授权域名）', en: 'Web-auth domain (网页授权域名: MP console → 设置与开发 → 公众号设置 → 功能设置 → 网页授权域名)' },
  'init.ask.domain.test': {
    zh: '授权回调页面域名（测试号管理页 → 体验接口权限表 → 网页授权获取用户基本信息 → 修改；可以是 IP:端口）',
    en: 'Callback page domain (test account page 测试号管理 → 体验接口权限表 → 网页授权获取用户基本信息 → 修改; an IP:port is fine)',
  },
  'init.ask.domain.website': { zh: '授权回调域（开放平台 → 网站应用 → 开发信息）', en: 'Callback domain (授权回调域: open platform → website app → 开发信息)' },
  'init.ask.redirectUri': { zh: '默认 redirect_uri（回调地址，必须在上面的域名下）', en: 'Default redirect_uri (your callback URL, under the domain above)' },
  'init.missingFlag': { zh: '缺少 {flag}（非交互模式下必须给出）。', en: 'Missing {flag} (required when not interactive).' },
  'init.also': { zh: '另外：{problem} {hint}', en: 'Also: {problem} {hint}' },
  'init.credentialsLeftOut': {
    zh: '{flag} 的值里带用户名或密码，wxauth 不会把凭据放进给你粘贴的命令里，所以这里给出的命令都不含它。',
    en: '{flag} holds a user name or password, which wxauth never puts in a command for you to paste, so no line offered here carries it.',
  },
  'init.credentialsLeftOut.hint': {
    zh: '要保存它：在 init 命令里加上 {add}，或自己运行：{command}（把 <URL> 换成带凭据的地址）。',
    en: 'To save it, add {add} to the init line, or run this yourself: {command} (with the address and its credentials in place of <URL>).',
  },
  'init.credentialsLeftOut.many': {
    zh: '{flags} 这 {count} 个参数的值里都带用户名或密码，wxauth 不会把凭据放进给你粘贴的命令里，所以这里给出的命令都不含它们。',
    en: '{flags} each hold a user name or password ({count} flags), which wxauth never puts in a command for you to paste, so no line offered here carries any of them.',
  },
  'init.credentialsLeftOut.many.hint': {
    zh: '要保存它们：在 init 命令里加上 {add}，或自己运行：{command}（把每个 <URL> 换成你给那个参数的带凭据的地址）。',
    en: 'To save them, add {add} to the init line, or run this yourself: {command} (with each address you gave, credentials and all, in place of its <URL>).',
  },
  'init.credentialsLeftOut.new.hint': {
    zh: '要保存它，就自己在 init 命令里加上 {add}（把 <URL> 换成带凭据的地址）。',
    en: 'To save it, add {add} to the init line yourself (with the address and its credentials in place of <URL>).',
  },
  'init.credentialsLeftOut.new.many.hint': {
    zh: '要保存它们，就自己在 init 命令里加上 {add}（把每个 <URL> 换成你给那个参数的带凭据的地址）。',
    en: 'To save them, add {add} to the init line yourself (with each address you gave, credentials and all, in place of its <URL>).',
  },
  'init.redirectLeftOut': {
    zh: '--redirect-uri 里带着 code、token 或 AppSecret（或形如 AppSecret 的值），wxauth 不会把它放进给你粘贴的命令里：这里给出的命令用 <redirect_uri> 代替它。',
    en: '--redirect-uri holds a code, a token or an AppSecret (or a value shaped like one), which wxauth never puts in a command for you to paste: the lines offered here have <redirect_uri> in its place.',
  },
  'init.redirectLeftOut.saved': {
    zh: 'profile "{profile}" 保存的 redirect_uri 里带着 code、token 或 AppSecret（或形如 AppSecret 的值），wxauth 不会把它放进给你粘贴的命令里：这里给出的 init 命令用 <redirect_uri> 代替它。',
    en: 'The redirect_uri saved in profile "{profile}" holds a code, a token or an AppSecret (or a value shaped like one), which wxauth never puts in a command for you to paste: the init line offered here has <redirect_uri> in its place.',
  },
  'init.redirectLeftOut.hint': {
    zh: '自己把 redirect_uri 填进去，去掉其中的 code、state、token 和 AppSecret（code 和 state 由微信自己加上；redirect_uri 里的 AppSecret 会经过每个用户的浏览器）。',
    en: 'Put your redirect_uri there yourself, without the code, state, token or AppSecret in it (WeChat adds code and state itself; an AppSecret in a redirect_uri passes through every user\'s browser).',
  },
  'init.also.configSet': {
    zh: '另外：{problem} {hint}（以上是 config set 对只改你给出的几项的那条命令的答复：这里说的 --yes 加在 config set 上（{command}），不是加在 init 上。）',
    en: "Also: {problem} {hint} (That is config set's answer to a line setting only what you gave: the --yes it speaks of goes on config set ({command}), not on init.)",
  },
  'init.missingFlag.hint': {
    zh: '例如：{example}',
    en: 'For example: {example}',
  },
  'init.missingFlag.existing.hint': {
    zh: 'init 会写入整个 profile，所以每一项都要给出，例如：{example}。只改你给出的几项，profile "{profile}" 的其余设置不变：{set}',
    en: 'init writes the whole profile, so it needs every flag, for example: {example}. To change only what you gave and keep the rest of profile "{profile}": {set}',
  },
  'init.missingFlag.existing.corrected.hint': {
    zh: 'init 会写入整个 profile，所以每一项都要给出，例如：{example}。只改你给出的几项，profile "{profile}" 的其余设置不变（{corrected} 已按上面所说改正）：{set}',
    en: 'init writes the whole profile, so it needs every flag, for example: {example}. To change only what you gave and keep the rest of profile "{profile}", with {corrected} corrected as said above: {set}',
  },
  'init.missingFlag.existing.secret.hint': {
    zh: 'init 会写入整个 profile，所以每一项都要给出，例如：{example}。只改你给出的几项、profile "{profile}" 的其余设置不变：先把正确的 AppSecret 放进 WX_SECRET（给出的那个上面拒绝了），再运行：{set}',
    en: 'init writes the whole profile, so it needs every flag, for example: {example}. To change only what you gave and keep the rest of profile "{profile}", first put a right AppSecret in WX_SECRET (the one given was refused above), then run: {set}',
  },
  'init.missingFlag.existing.refused.hint': {
    zh: 'init 会写入整个 profile，所以每一项都要给出，例如：{example}。只改你给出的几项、profile "{profile}" 的其余设置不变：先改正 {refused}（上面拒绝了，下面这条命令里没有它），再把它加进：{set}',
    en: 'init writes the whole profile, so it needs every flag, for example: {example}. To change only what you gave and keep the rest of profile "{profile}", first fix {refused} (refused above, so left out here), then add it to: {set}',
  },
  'init.missingFlag.existing.fitted.hint': {
    zh: '所以上面的 config set 命令把 {added} 也一并改成了符合要求的值；如果你实际用的不是这个，换成你自己的再运行。',
    en: 'So the config set line above sets {added} too, to a value that fits; put your own there first if yours is another.',
  },
  'init.missingFlag.existing.unfit.hint': {
    zh: 'init 会写入整个 profile，所以每一项都要给出，例如：{example}；加 --yes 会整个替换 profile "{profile}"。没有哪一条 config set 命令能只改你给出的几项、同时保留其余设置（原因见下）；想让 profile "{profile}" 保持原样，就把这个账号写进另一个 profile：同一条 init 命令加上 --profile <新名字>。',
    en: 'init writes the whole profile, so it needs every flag, for example: {example}; with --yes it replaces profile "{profile}" whole. No single config set line changes only what you gave and keeps the rest of it (why below); to keep profile "{profile}" as it is, write this account to another one: the same init line with --profile <new name>.',
  },
  'init.missingFlag.existing.refusedOnly.hint': {
    zh: 'init 会写入整个 profile，所以每一项都要给出，例如：{example}。只改 {refused}、profile "{profile}" 的其余设置不变：先改正它（上面拒绝了），再用 {command} 设置。',
    en: 'init writes the whole profile, so it needs every flag, for example: {example}. To change only {refused} and keep the rest of profile "{profile}", fix it first (refused above), then set it with {command}.',
  },
  'init.exists': {
    zh: 'profile "{profile}" 已存在（{type}，appid {appid}），位于 {file}。',
    en: 'Profile "{profile}" already exists ({type}, appid {appid}) in {file}.',
  },
  'init.regionIgnored.both.hint': {
    zh: '--region 和 --api-base 只给一个；或加 --yes 照样保存两者（用的是 API 地址）。',
    en: 'Give only one of --region and --api-base; or add --yes to save both anyway (the API base is used).',
  },
  'init.regionIgnored.hint': {
    zh: '先 {unset}，再运行这条 init；或加 --yes 照样保存（用的是 API 地址）。',
    en: 'Run {unset} first, then this init again; or add --yes to save it anyway (the API base is used).',
  },
  'init.regionIgnored.confirm': { zh: '照样保存两者（用的是 API 地址）？', en: 'Save both anyway (the API base is used)?' },
  'init.exists.hint': {
    zh: '加 --yes 替换它（包括 AppSecret），或用 --profile <名字> 写入另一个 profile；只改一项用 wxauth config set。',
    en: 'Add --yes to replace it (its secret included), or write another profile with --profile <name>; wxauth config set changes one value.',
  },
  'init.exists.confirm': {
    zh: 'profile "{profile}" 已存在（{type}，appid {appid}）。替换它吗？',
    en: 'Profile "{profile}" already exists ({type}, appid {appid}). Replace it?',
  },
  'init.ask.secret.keep': {
    zh: 'AppSecret（输入显示为 *；留空则保留已保存的 {masked}）',
    en: 'AppSecret (shown as *; leave empty to keep the saved one, {masked})',
  },
  'init.secret.lines': {
    zh: '粘贴的内容有 {lines} 行，而 AppSecret 只有一行、32 位十六进制：这次粘贴的内容都没有采用。',
    en: 'What was pasted holds {lines} lines, and an AppSecret is one line of 32 hex digits: none of it was taken.',
  },
  'init.secret.lines.hint': { zh: '按 Ctrl-U 清空，再只粘贴 AppSecret 本身。', en: 'Press Ctrl-U to clear it, then paste the AppSecret alone.' },
  'init.appid.lines': {
    zh: '粘贴的内容有 {lines} 行，而 AppID 只有一行（wx 加 16 位十六进制）：这次粘贴的内容都没有采用。',
    en: 'What was pasted holds {lines} lines, and an AppID is one line (wx and 16 hex digits): none of it was taken.',
  },
  'init.appid.lines.hint': { zh: '按 Ctrl-U 清空，再只粘贴 AppID 本身；AppSecret 在下一步单独粘贴。', en: 'Press Ctrl-U to clear it, then paste the AppID alone; the AppSecret is asked next, on its own.' },
  // With --secret given no secret prompt follows: the hint does not promise one.
  'init.appid.lines.hint.secretGiven': { zh: '按 Ctrl-U 清空，再只粘贴 AppID 本身（AppSecret 已经用 --secret 给出）。', en: 'Press Ctrl-U to clear it, then paste the AppID alone (the AppSecret was given with --secret).' },
  'init.domain.lines': {
    zh: '粘贴的内容有 {lines} 行，而域名只有一行：这次粘贴的内容都没有采用。',
    en: 'What was pasted holds {lines} lines, and a domain is one line: none of it was taken.',
  },
  'init.domain.lines.hint': { zh: '按 Ctrl-U 清空，再只粘贴或输入域名本身。', en: 'Press Ctrl-U to clear it, then paste or type the domain alone.' },
  'init.redirectUri.lines': {
    zh: '粘贴的内容有 {lines} 行，而 redirect_uri 只有一行（一个地址）：这次粘贴的内容都没有采用。',
    en: 'What was pasted holds {lines} lines, and a redirect_uri is one line (one address): none of it was taken.',
  },
  'init.redirectUri.lines.hint': { zh: '按 Ctrl-U 清空，再只粘贴 redirect_uri 本身。', en: 'Press Ctrl-U to clear it, then paste the redirect_uri alone.' },
  'init.secret.kept': { zh: '保留了已保存的 AppSecret（{masked}）。', en: 'The saved AppSecret ({masked}) was kept.' },
  'init.dropped': {
    zh: '{flags} 没有保存：订阅号没有网页授权权限，微信会拒绝它的任何授权链接。',
    en: '{flags} not saved: subscription accounts (订阅号) have no web authorization (网页授权), so WeChat refuses any authorization URL for them.',
  },
  'init.dropped.hint': {
    zh: '想试网页授权，可以用测试号（mp.weixin.qq.com/debug/cgi-bin/sandbox，--type test），或已认证的服务号（--type service）。',
    en: 'To try web authorization, use a test account (测试号, mp.weixin.qq.com/debug/cgi-bin/sandbox) with --type test, or a verified service account (服务号) with --type service.',
  },
  // Followed by the reason checkSetting gives (a sentence of its own) and its hint.
  'init.jsDomains.dropped': {
    zh: 'profile "{profile}" 里保存的 jsDomains（{value}）已删除。{reason}',
    en: 'The jsDomains saved in profile "{profile}" ({value}) was removed. {reason}',
  },
  'init.jsDomains.dropping': {
    zh: '写入后，profile "{profile}" 里保存的 jsDomains（{value}）会被删除。{reason}',
    en: 'Writing it removes the jsDomains saved in profile "{profile}" ({value}). {reason}',
  },
  'init.exists.jsDomains': {
    zh: '另外：加 --yes 的话，profile "{profile}" 里保存的 jsDomains（{value}）也会被删除。{reason}',
    en: 'Also: with --yes, the jsDomains saved in profile "{profile}" ({value}) would be removed too. {reason}',
  },
  'init.confirm': { zh: '写入 profile "{profile}"？', en: 'Write profile "{profile}"?' },
  'init.endpoints.saved': {
    zh: '也保存了 {values}：这个 profile 之后的命令都会用这些设置（wxauth{p} config unset {keys} 可去掉）。',
    en: 'Also saved {values}: every later command of this profile uses these settings (wxauth{p} config unset {keys} removes them).',
  },
  'init.endpoints.kept': {
    zh: 'profile "{profile}" 原有的 {values} 保留了下来：这个账号的调用仍然发往那里。要改回微信：wxauth{p} config unset {keys}。',
    en: 'Profile "{profile}" keeps its {values}: this account’s calls still go there. To use WeChat: wxauth{p} config unset {keys}.',
  },
  'config.otherAppidTokens': {
    zh: 'token 缓存里仍以 {profile} 这个名字存着另一个 appid（{others}）的 {held}，不是 {appid} 的：是之前删除的同名 profile 或改 appid 之前留下的。wxauth 没有删除它们。',
    en: 'The token cache still holds {held} under the name {profile} for another appid ({others}), not {appid}: left by a removed profile of this name, or from before the appid changed. wxauth removed nothing.',
  },
  'config.otherAppidTokens.hint': {
    zh: 'wxauth --profile {profile} tokens 列出它们，wxauth --profile {profile} tokens clear 删除这些用户 token（另一个 appid 的基础 access_token、jsapi_ticket 不会用于 {appid}）。',
    en: 'wxauth --profile {profile} tokens lists them; wxauth --profile {profile} tokens clear removes the user tokens (a basic access_token or jsapi_ticket of another appid is never used for {appid}).',
  },
  'config.otherAppidTokens.unused.hint': {
    zh: '另一个 appid 的基础 access_token、jsapi_ticket 不会用于 {appid}；wxauth --profile {profile} tokens 会提到它们。',
    en: 'A basic access_token or jsapi_ticket of another appid is never used for {appid}; wxauth --profile {profile} tokens mentions them.',
  },
  'init.done': { zh: '已保存 profile "{profile}" 到 {file}（权限 0600）。', en: 'Saved profile "{profile}" to {file} (mode 0600).' },
  'init.next.loopbackPhone': {
    zh: '下一步：wxauth{p} url --scope snsapi_userinfo，或 wxauth{p} login。{uri} 在本机上，手机微信访问不到它：在本机的电脑版微信里打开授权链接（公众号的授权链接只能在微信里打开：把链接发给自己，例如发到“文件传输助手”，再点开）。要用手机，测试号可以把电脑的局域网 IP:端口 设为域名和 redirect_uri；不用微信走通整个流程：wxauth demo。',
    en: 'Next: wxauth{p} url --scope snsapi_userinfo, or wxauth{p} login. {uri} is on this machine, which WeChat on a phone cannot reach: open the authorization link in desktop WeChat here (an official account’s link opens only in WeChat: send it to yourself, to File Transfer say, and click it there). For a phone, a test account can make the computer’s LAN IP:port its domain and redirect_uri; to walk the whole flow without WeChat, run wxauth demo.',
  },
  // The same, after init.next.localHttps: an official account's https callback on this machine.
  'init.next.loopbackPhone.also': {
    zh: '另外，{uri} 在本机上，手机微信访问不到它：在本机的电脑版微信里打开授权链接（把链接发给自己，例如发到“文件传输助手”，再点开）。要用手机，测试号可以把电脑的局域网 IP:端口 设为域名和 redirect_uri；不用微信走通整个流程：wxauth demo。',
    en: 'Also, {uri} is on this machine, which WeChat on a phone cannot reach: open the authorization link in desktop WeChat here (send it to yourself, to File Transfer say, and click it there). For a phone, a test account can make the computer’s LAN IP:port its domain and redirect_uri; to walk the whole flow without WeChat, run wxauth demo.',
  },
  'init.loopbackDomain.oa': {
    zh: '回调域名 {domain} 只有本机认得：公众号后台只接受这个号自己的已备案域名作为网页授权域名（微信要能从它取到 MP_verify 文件），所以在真实微信上会得到 10003 redirect_uri 参数错误。只有模拟器（wxauth emulator、wxauth demo）和测试号（测试号还接受 IP:端口）接受它。',
    en: 'The callback domain {domain} is a name only this machine knows: the MP console takes as 网页授权域名 only a registered (ICP-filed) domain of the account’s own, which WeChat fetches the MP_verify file from, so real WeChat answers 10003 "redirect_uri 参数错误". Only the emulator (wxauth emulator, wxauth demo) and a test account (测试号, which also takes an IP:port) accept it.',
  },
  'init.loopbackDomain.website': {
    zh: '授权回调域 {domain} 只有本机认得：开放平台只接受这个网站应用自己的已备案域名，所以在真实微信上，扫码登录页会显示「该链接无法访问」。只有模拟器（wxauth emulator、wxauth demo）接受它（网站应用没有测试号）。',
    en: 'The callback domain {domain} is a name only this machine knows: the Open Platform takes as 授权回调域 only a registered (ICP-filed) domain of the website app’s own, so on real WeChat the QR login page shows 「该链接无法访问」. Only the emulator (wxauth emulator, wxauth demo) accepts it (website apps have no test account).',
  },
  'init.loopbackDomain.website.hint': {
    zh: '对这个网站应用，改用开放平台登记的域名和它下面的回调地址，例如 wxauth{p} config set domain www.example.com redirectUri https://www.example.com/wechat/callback，再用 wxauth{p} listen --paste 或 --relay-snippet 把 code 带回本机。网站应用没有测试号：想在本机试扫码登录，用模拟器（wxauth demo，或 wxauth emulator）。',
    en: 'For this website app, use the domain registered on the Open Platform and a callback under it, e.g. wxauth{p} config set domain www.example.com redirectUri https://www.example.com/wechat/callback, then wxauth{p} listen --paste or --relay-snippet to bring the code here. Website apps have no test account: to try the QR login on this machine, use the emulator (wxauth demo, or wxauth emulator).',
  },
  'init.loopbackDomain.hint': {
    zh: '对这个号，改用后台登记的域名和它下面的回调地址，例如 wxauth{p} config set domain www.example.com redirectUri https://www.example.com/wechat/callback，再用 wxauth{p} listen --paste 或 --relay-snippet 把 code 带回本机。只想在本机调试：在 mp.weixin.qq.com/debug/cgi-bin/sandbox 申请测试号，用它的 appid 和 secret 建 profile（wxauth init --profile test --type test，域名可以是 127.0.0.1:端口）；不用微信走通整个流程：wxauth demo。',
    en: 'For this account, use the domain registered in its console and a callback under it, e.g. wxauth{p} config set domain www.example.com redirectUri https://www.example.com/wechat/callback, then wxauth{p} listen --paste or --relay-snippet to bring the code here. To debug on this machine, get a test account at mp.weixin.qq.com/debug/cgi-bin/sandbox and make a profile with its appid and secret (wxauth init --profile test --type test; its domain can be 127.0.0.1:port); to walk the whole flow without WeChat, run wxauth demo.',
  },
  'init.next': { zh: '下一步：wxauth{p} url --scope snsapi_userinfo，或 wxauth{p} login。', en: 'Next: wxauth{p} url --scope snsapi_userinfo, or wxauth{p} login.' },
  'init.next.website': {
    zh: '下一步：wxauth{p} url --scope snsapi_login（在电脑浏览器打开的扫码登录页），或 wxauth{p} login。',
    en: 'Next: wxauth{p} url --scope snsapi_login (the QR-connect page, for a desktop browser), or wxauth{p} login.',
  },
  // A public redirect_uri (the usual real one): the local listener cannot receive it, so login would refuse it.
  'init.next.public': {
    zh: '下一步：wxauth{p} url --scope snsapi_userinfo，再用 wxauth{p} listen --paste 粘贴微信跳转到的回调地址（或用 wxauth{p} listen --relay-snippet 在你的域名上放一个把 code 转发到本机的页面）。wxauth login 要求本机或局域网的 redirect_uri，而 {uri} 不是。',
    en: 'Next: wxauth{p} url --scope snsapi_userinfo, then wxauth{p} listen --paste to paste the callback URL WeChat opens (or wxauth{p} listen --relay-snippet for a page on your domain that forwards the code here). wxauth login needs a local or LAN redirect_uri, and {uri} is neither.',
  },
  'init.next.website.public': {
    zh: '下一步：wxauth{p} url --scope snsapi_login（在电脑浏览器打开的扫码登录页），再用 wxauth{p} listen --paste 粘贴跳转到的回调地址（或用 wxauth{p} listen --relay-snippet 在你的域名上放一个把 code 转发到本机的页面）。wxauth login 要求本机或局域网的 redirect_uri，而 {uri} 不是。',
    en: 'Next: wxauth{p} url --scope snsapi_login (the QR-connect page, for a desktop browser), then wxauth{p} listen --paste to paste the callback URL it lands on (or wxauth{p} listen --relay-snippet for a page on your domain that forwards the code here). wxauth login needs a local or LAN redirect_uri, and {uri} is neither.',
  },
  // https on this machine or the LAN: the local listener speaks plain HTTP, so login needs the http form.
  'init.next.localHttps': {
    zh: '下一步：wxauth{p} url --scope {scope}。要用 wxauth login，redirect_uri 得是 http：本机的监听器只说 HTTP，而 {uri} 是 https。改成 wxauth{p} config set redirectUri {http}（微信接受 http 的回调地址，官方文档的示例就是 http）。',
    en: 'Next: wxauth{p} url --scope {scope}. For wxauth login, the redirect_uri must be http: the local listener speaks plain HTTP, and {uri} is https. Change it with wxauth{p} config set redirectUri {http} (WeChat accepts an http callback; the doc’s own example is one).',
  },
  'init.next.subscription': {
    zh: '下一步：wxauth{p} token（获取基础 access_token）。订阅号没有网页授权，url 和 login 不适用。',
    en: 'Next: wxauth{p} token (a basic access_token). Subscription accounts have no web authorization, so url and login do not apply.',
  },
  // The opening comment of `wxauth completion`'s scripts: each line becomes a shell comment ("# ...").
  'completion.header.bash': {
    zh: 'wxauth 的 bash 补全脚本。安装：wxauth completion bash >> ~/.bashrc',
    en: 'wxauth bash completion. Install: wxauth completion bash >> ~/.bashrc',
  },
  'completion.header.zsh': {
    zh: 'wxauth 的 zsh 补全脚本。作为补全函数装到 fpath 上：\n  mkdir -p ~/.zfunc && wxauth completion zsh > ~/.zfunc/_wxauth\n并在 ~/.zshrc 里 compinit 之前加上：fpath=(~/.zfunc $fpath); autoload -Uz compinit && compinit\n（或者在 ~/.zshrc 里 compinit 之后加上：eval "$(wxauth completion zsh)"）。',
    en: 'wxauth zsh completion. Install it as a completion function on your fpath:\n  mkdir -p ~/.zfunc && wxauth completion zsh > ~/.zfunc/_wxauth\nwith, in ~/.zshrc before compinit: fpath=(~/.zfunc $fpath); autoload -Uz compinit && compinit\n(or, after compinit in ~/.zshrc: eval "$(wxauth completion zsh)").',
  },
  'completion.header.fish': {
    zh: 'wxauth 的 fish 补全脚本。安装：mkdir -p ~/.config/fish/completions && wxauth completion fish > ~/.config/fish/completions/wxauth.fish',
    en: 'wxauth fish completion. Install: mkdir -p ~/.config/fish/completions && wxauth completion fish > ~/.config/fish/completions/wxauth.fish',
  },
  // The comments inside the scripts (commands/completion.ts note()), for a user reading the script.
  'completion.comment.eqprefix': {
    zh: 'zsh（经 bashcompinit）把 --flag=value 当作一个词：找到的候选值前面要补回 --flag=。',
    en: 'zsh (bashcompinit) keeps --flag=value one word: the values found for it get their --flag= back.',
  },
  'completion.comment.equals': {
    zh: '--profile=<TAB> 和 --profile=st<TAB>：bash 把 = 单独切成一个词，zsh 则不拆开。',
    en: "--profile=<TAB> and --profile=st<TAB>: bash makes '=' a word of its own; zsh keeps the word whole.",
  },
  'completion.comment.typed': {
    zh: '光标前的各个词，只按空白切分：COMP_WORDS 还会在 : 和 = 处切开，\n遇到 "wxauth --api-base http://127.0.0.1:3900 token" 或 "--profile=emu" 就会认错命令。',
    en: 'The words before the cursor, split at blanks only: COMP_WORDS also splits at \':\' and \'=\', which\nmade "wxauth --api-base http://127.0.0.1:3900 token" or "--profile=emu" lose track of the command.',
  },
  'completion.comment.current': {
    zh: '正在输入的词；光标前是空白时是个空词（zsh 的 read 会留下末尾的空词，bash 的不会）。',
    en: "The word being typed, empty after a blank (zsh's read keeps a trailing empty word; bash's does not).",
  },
  'completion.comment.command': {
    zh: '命令是第一个既不是选项、也不是选项值的词（wxauth --profile p url …）。',
    en: 'The command is the first word that is neither a flag nor the value of one (wxauth --profile p url …).',
  },
  'completion.comment.sub': {
    zh: '$sub 是命令后的第一个词：对带子命令的命令来说，就是用的哪个子命令。',
    en: '$sub is the first word after the command: for a command with subcommands, which one.',
  },
  'completion.comment.configSet': {
    zh: 'config set 键 值 键 值…：奇数位置是键，偶数位置是值（键只有几个取值时补全这些值）；\n已经给过的键不再提示。',
    en: "config set key value key value…: every odd position is a key, every even one a value (the key's\nwords, if it has a few); a key already given is not offered again.",
  },
  'completion.comment.firstTab': {
    zh: '从 fpath 加载时，这个文件是在补全过程中、第一次按 Tab 时才运行的：顺手把这次 Tab 也补全。',
    en: 'Loaded from fpath, this file first runs on a Tab, inside the completion: complete that Tab too.',
  },
  'completion.unknownShell': { zh: '不支持的 shell "{shell}"。', en: 'Unsupported shell "{shell}".' },
  'completion.unknownShell.didYouMean': {
    zh: '是不是想用 wxauth completion {shell}？（可选 bash、zsh、fish）',
    en: 'Did you mean wxauth completion {shell}? (bash, zsh or fish)',
  },
  'completion.unknownShell.hint': {
    zh: '可选 bash、zsh、fish，例如：wxauth completion bash >> ~/.bashrc',
    en: 'Use bash, zsh or fish, e.g. wxauth completion bash >> ~/.bashrc',
  },
  'config.file.unwritable.fix.hint': { zh: 'wxauth 没有改动任何文件。{fix}（换文件夹用 WXAUTH_CONFIG_DIR。）', en: 'wxauth changed nothing. {fix} (WXAUTH_CONFIG_DIR picks another folder.)' },
  'config.dir.uncreatable': { zh: '无法创建保存 {file} 的文件夹 {dir}：{reason}。', en: 'Cannot create the folder {dir} that {file} is saved in: {reason}.' },
  // checkSetting's words for a secret or an appid: which character is wrong and where ({what} names a blank one).
  'config.invalid.secret.blank': { zh: '{name}：AppSecret 的第 {position} 个字符是{what}。', en: '{name}: character {position} of the AppSecret is {what}.' },
  'config.invalid.secret.char': { zh: '{name}：AppSecret 含非十六进制字符 {char}（第 {position} 个）。', en: '{name}: the AppSecret has a character that is not a hex digit: {char} (character {position}).' },
  'config.invalid.base.query': {
    zh: '{name} 带了 ?查询参数 或 #片段：它是接口路径的前缀，wxauth 会在后面接上 /sns/…、/cgi-bin/…，查询参数或片段会把这些路径吞掉。',
    en: '{name} has a ?query or #fragment: it is the prefix wxauth puts /sns/… and /cgi-bin/… after, and a query or fragment would swallow those paths.',
  },
  'config.invalid.base.query.hint': { zh: '只写协议、主机和端口（可带路径前缀），例如 http://127.0.0.1:3900', en: 'Give the scheme, host and port (a path prefix is fine), e.g. http://127.0.0.1:3900' },
  'config.invalid.base.apiPath': {
    zh: '{name}："{value}" 里带了微信的接口路径 {path}：基础地址只是它前面那部分，{adds} 由 wxauth 自己接上，照这样每个请求都会发到 {path}/… 下面。',
    en: '{name}: "{value}" holds WeChat’s API path {path}: the base is only what comes before it, since wxauth adds {adds} itself, and every call would go under {path}/….',
  },
  'config.invalid.base.apiPath.hint': { zh: '去掉接口路径，只写：{base}（网关的路径前缀可以保留）', en: 'Give the base without it: {base} (a gateway’s own path prefix is fine)' },
  'config.invalid.url.port': {
    zh: '{name}："{value}" 的端口 {port} 超出范围：端口只能是 1 到 65535。',
    en: '{name}: "{value}" has port {port}, out of range: a port is 1 to 65535.',
  },
  'config.invalid.url.port.hint': { zh: '检查端口号，例如 http://127.0.0.1:3900（模拟器的默认端口）。', en: 'Check the port number, e.g. http://127.0.0.1:3900 (the emulator’s default).' },
  'config.invalid.appid.ghid': {
    zh: '{name}："{value}" 是公众号的原始 ID（gh_ 开头），不是 appid：网页授权要用的是「开发者ID（AppID）」。',
    en: '{name}: "{value}" is the account’s original ID (原始ID, gh_…), not its appid: web authorization takes the developer ID (AppID).',
  },
  'config.invalid.appid.secret': {
    zh: '{name}：这是 32 位十六进制，看起来是 AppSecret，不是 appid（为免泄露不显示它）。',
    en: '{name}: 32 hex digits look like the AppSecret, not an appid (not shown, so it does not leak).',
  },
  'config.invalid.appid.prefix': { zh: '{name}："{value}" 不是 appid：它不以 wx 开头。', en: '{name}: "{value}" is not an appid: it does not start with wx.' },
  'config.invalid.appid.blank': { zh: '{name}："{value}" 不是 appid：第 {position} 个字符是{what}。', en: '{name}: "{value}" is not an appid: character {position} is {what}.' },
  'config.invalid.appid.char': { zh: '{name}："{value}" 不是 appid：含非十六进制字符 {char}（第 {position} 个）。', en: '{name}: "{value}" is not an appid: it has a character that is not a hex digit: {char} (character {position}).' },
  'config.invalid.appid.length': { zh: '{name}："{value}" 不是 appid：它有 {length} 个字符，appid 是 18 个（wx 加 16 位十六进制）。', en: '{name}: "{value}" is not an appid: it has {length} characters; an appid has 18 (wx and 16 hex digits).' },
  'config.char.space': { zh: '空格', en: 'a space' },
  'config.char.tab': { zh: '制表符', en: 'a tab' },
  'config.char.fullwidthSpace': { zh: '全角空格', en: 'a full-width space' },
  'config.char.invisible': { zh: '不可见字符 {code}', en: 'an invisible character, {code}' },
} as const satisfies MessageSection;

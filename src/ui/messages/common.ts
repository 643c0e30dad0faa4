import type { MessageSection } from './types.js';

// Messages shared by every command ('common.*') and the generic WeChat error line ('wechat.*').
export const messages = {
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
  'common.commander.missingArgument': { zh: '缺少必需的参数 {name}。', en: "Usage error: missing required argument '{name}'." },
  'common.commander.optionMissingArgument': { zh: '选项 {option} 缺少值。', en: "Usage error: option '{option}' argument missing." },
  'common.commander.excessArguments': {
    zh: '参数过多：{command} 需要 {expected} 个参数，收到 {received} 个。',
    en: "Usage error: too many arguments for '{command}'. Expected {expected} argument(s) but got {received}.",
  },
  'common.commander.hint': { zh: '运行 wxauth <命令> --help 查看用法和示例。', en: 'Run wxauth <command> --help for usage and examples.' },
  'common.internal': { zh: 'wxauth 内部错误（这是 bug）：{detail}', en: 'wxauth hit an internal error (a bug): {detail}' },
  // A file a command writes at its end (probe --html, proxy --har), checked before the run: flows/output-file.ts.
  'common.output.no_dir': { zh: '{flag} {file}：文件夹 {dir} 不存在。', en: '{flag} {file}: the folder {dir} does not exist.' },
  'common.output.is_dir': { zh: '{flag} {file} 是一个文件夹，不是文件。', en: '{flag} {file} is a folder, not a file.' },
  'common.output.is_dir.hint': { zh: '给出文件名，例如 {flag} {example}', en: 'Give a file name, e.g. {flag} {example}' },
  'common.output.not_regular': { zh: '{flag} {file} 不是普通文件（设备或管道）。', en: '{flag} {file} is not a regular file (a device or a pipe).' },
  'common.output.not_writable': { zh: '{flag} {file}：不能在 {dir} 里写文件（{detail}）。', en: '{flag} {file}: cannot write in {dir} ({detail}).' },
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
  'common.source.profile': { zh: '这个 {field} 来自配置文件的 profile "{profile}"（appid {appid}）；用 wxauth config list 查看。', en: 'This {field} came from the config profile "{profile}" (appid {appid}); see wxauth config list.' },
  'common.source.default': { zh: '{field} 使用了默认值。', en: '{field} is the default value.' },
  'common.confirmNeedsYes': {
    zh: '这一步需要确认，但这里无法提问（没有终端或设置了 CI）。',
    en: 'This step needs confirmation, but there is no terminal to ask (or CI is set).',
  },
  'common.confirmNeedsYes.hint': { zh: '确认无误后加上 --yes 再运行。', en: 'Add --yes to confirm, once you are sure.' },
  'wechat.error': {
    zh: '微信返回错误 {errcode}：{errmsg}（{endpoint}）',
    en: 'WeChat answered errcode {errcode}: {errmsg} ({endpoint})',
  },
  'common.qr.tooWide': {
    zh: '二维码需要 {width} 列，当前终端只有 {columns} 列，画出来会折行、扫不出来。请把终端拉宽后重试，或用 --open 在浏览器中打开链接、把链接发到手机上。',
    en: 'The QR code needs {width} columns; this terminal has {columns}. Widen the terminal, or use --open, or send the link to your phone.',
  },
  'common.noCommand': { zh: '没有指定命令。', en: 'No command given.' },
  'common.noCommand.hint': { zh: '运行 wxauth --help 查看所有命令，例如 wxauth demo。', en: 'Run wxauth --help for the list of commands, e.g. wxauth demo.' },
} as const satisfies MessageSection;

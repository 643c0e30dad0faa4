// Every sentence of the emulator's page (issue 16), in Chinese and English. The emulator may import only
// core, so its page carries its own texts instead of ui/messages; the page switches between them
// without a reload. `{name}` marks a value filled in by the page script.

export type UiLang = 'zh' | 'en';

export const UI_TEXT = {
  title: { zh: 'wxauth 微信模拟器', en: 'wxauth WeChat emulator' },
  subtitle: {
    zh: '这一个地址同时充当 open.weixin.qq.com 和 api.weixin.qq.com。本页的每个操作都通过 /__emulator/ 控制接口完成，脚本也能做同样的事。',
    en: 'This one address plays both open.weixin.qq.com and api.weixin.qq.com. Everything on this page goes through the control API at /__emulator/, so scripts can do the same.',
  },
  'lang.label': { zh: '语言', en: 'Language' },
  resetAll: { zh: '重置模拟器', en: 'Reset emulator' },
  'resetAll.confirm': { zh: '再点一次确认重置', en: 'Click again to reset' },
  'resetAll.done': {
    zh: '已重置：code、token、额度、rid、请求记录和时钟偏移都已清空，故障和开关恢复为启动时的设置。',
    en: 'Reset: codes, tokens, quotas, rids, the log and the clock offset are gone; faults and switches are back to how the emulator started.',
  },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: { zh: '复制失败', en: 'Copy failed' },
  'status.error': { zh: '操作失败：{detail}', en: 'Failed: {detail}' },
  'status.offline': { zh: '连不上模拟器（它还在运行吗？）', en: 'Cannot reach the emulator (is it still running?)' },
  'status.restarted': {
    zh: '模拟器重启过：本页已改为显示新的模拟器（应用、用户、故障、开关和时钟都已重新读取，之前的日志已清空）。',
    en: 'The emulator was restarted: this page now shows the new one (apps, users, faults, switches and clock read again; the old log is cleared).',
  },

  'you.title': { zh: '你是谁', en: 'Who you are' },
  'you.desc': {
    zh: '授权页和扫码确认以这个微信用户的身份进行。在授权页、扫码页上选用户也会改这里：以最后一次选择为准。',
    en: 'The WeChat user the authorize and QR pages act as. Picking a user on a consent or QR page changes it here too: the latest choice wins.',
  },
  'you.changed': { zh: '现在你是 {user}。', en: 'You are now {user}.' },

  'clock.title': { zh: '模拟器时钟', en: 'Emulator clock' },
  'clock.ahead': { zh: '比真实时间快 {d}', en: '{d} ahead of real time' },
  'clock.real': { zh: '与基准时间一致', en: 'on the base clock (not moved)' },
  'clock.plus5m': { zh: '+5 分钟', en: '+5 min' },
  'clock.plus2h': { zh: '+2 小时', en: '+2 h' },
  'clock.plus30d': { zh: '+30 天', en: '+30 days' },
  'clock.reset': { zh: '时钟复原', en: 'Reset clock' },
  'clock.note': {
    zh: 'code 5 分钟后过期（网站应用 10 分钟），access_token 2 小时，refresh_token 30 天：拨快时钟即可立即看到过期。',
    en: 'Codes expire after 5 minutes (10 for website apps), access tokens after 2 hours, refresh tokens after 30 days: move the clock to see it now.',
  },
  'clock.moved': { zh: '时钟已拨快 {by}，现在比真实时间快 {d}。', en: 'Clock moved {by} forward: now {d} ahead of real time.' },
  'clock.resetDone': { zh: '时钟已复原，回到基准时间。', en: 'Clock reset: back on the base clock.' },
  'unit.d': { zh: '{n} 天', en: '{n} d' },
  'unit.h': { zh: '{n} 小时', en: '{n} h' },
  'unit.min': { zh: '{n} 分钟', en: '{n} min' },
  'unit.s': { zh: '{n} 秒', en: '{n} s' },

  'qr.title': { zh: '待确认的扫码登录', en: 'Pending QR logins' },
  'qr.none': {
    zh: '暂无。在浏览器里打开网站应用的 /connect/qrconnect 链接（例如 wxauth url --open），它会出现在这里。',
    en: 'None. Open a website app’s /connect/qrconnect link in a browser (for example wxauth url --open) and it shows up here.',
  },
  'qr.waiting': { zh: '等待扫码', en: 'waiting for a scan' },
  'qr.scanned': { zh: '已扫码，等待确认', en: 'scanned, waiting for confirmation' },
  'qr.confirm': { zh: '以 {user} 确认登录', en: 'Confirm as {user}' },
  'qr.cancel': { zh: '取消登录', en: 'Cancel' },
  'qr.confirmed': { zh: '已确认：扫码页会带着 code 跳到 redirect_uri。', en: 'Confirmed: the QR page now goes on to the redirect_uri with a code.' },
  'qr.cancelled': { zh: '已取消：扫码页显示“您已取消此次登录”。', en: 'Cancelled: the QR page says the login was cancelled.' },
  'qr.age': { zh: '{d}前', en: '{d} ago' },

  'faults.title': { zh: '故障注入', en: 'Faults' },
  'faults.desc': {
    zh: '语法与 --fault 相同：KIND[=N][@PATH][:COUNT]，KIND 可以是 delay（=毫秒）、500、502、busy、reset、garbage、errcode（=微信错误码）。例如 delay=2000:3、500@/sns/oauth2/access_token、errcode=40001@/cgi-bin/ticket/getticket:1。',
    en: 'The same syntax as --fault: KIND[=N][@PATH][:COUNT], KIND is delay (=MS), 500, 502, busy, reset, garbage or errcode (=a WeChat errcode). For example delay=2000:3, 500@/sns/oauth2/access_token or errcode=40001@/cgi-bin/ticket/getticket:1.',
  },
  'faults.label': { zh: '故障', en: 'Fault' },
  'faults.arm': { zh: '注入', en: 'Arm' },
  'faults.armed': { zh: '已注入 {spec}。', en: 'Armed {spec}.' },
  'faults.neverFires': { zh: '已注入 {spec}，但它永远不会触发：模拟器没有 {path} 这个路径。', en: 'Armed {spec}, but it will never fire: the emulator serves nothing at {path}.' },
  'faults.neverFires.suggest': {
    zh: '已注入 {spec}，但它永远不会触发：模拟器没有 {path} 这个路径。是不是 {suggestion}？',
    en: 'Armed {spec}, but it will never fire: the emulator serves nothing at {path}. Did you mean {suggestion}?',
  },
  'faults.empty': { zh: '没有注入：先填写一个故障，例如 delay=2000:3。', en: 'Nothing armed: type a fault first, for example delay=2000:3.' },
  'faults.removed': { zh: '已移除 {spec}。', en: 'Removed {spec}.' },
  'faults.gone': { zh: '{spec} 已不在注入列表中：它已触发完最后一次，或已被移除。', en: '{spec} is no longer armed: it has fired its last time or was removed.' },
  'faults.none': { zh: '没有注入的故障。', en: 'No faults armed.' },
  'faults.clear': { zh: '全部清除', en: 'Clear all' },
  'faults.cleared': { zh: '故障已全部清除。', en: 'All faults cleared.' },
  'faults.remove': { zh: '移除', en: 'Remove' },
  'faults.left': { zh: '还剩 {n} 次', en: '{n} left' },
  'faults.until': { zh: '直到清除', en: 'until cleared' },
  'faults.every': { zh: '所有路径', en: 'every path' },
  'faults.never': { zh: '永远不会触发：模拟器没有这个路径', en: 'never fires: the emulator serves nothing there' },
  'faults.never.suggest': { zh: '永远不会触发：是不是 {suggestion}？', en: 'never fires: did you mean {suggestion}?' },

  'switches.title': { zh: '行为开关', en: 'Switches' },
  'switches.desc': {
    zh: '微信行为不确定或随时间变化的地方可以在这里切换；每行第一个值是默认值。',
    en: 'Where WeChat’s behaviour is uncertain or changed over time, choose here; the first value of each row is the default.',
  },
  'switches.changedCount': { zh: '{n} 个不是默认值', en: '{n} not default' },
  'switches.set': { zh: '设置', en: 'Set' },
  'switches.clear': { zh: '清除', en: 'Clear' },
  'switches.changed': { zh: '{name} = {value}', en: '{name} = {value}' },
  // The zh sentence once ended "…；"x" 不是", cut off: each language says the whole of what was wrong and what to type.
  'switches.callerIp.invalid': {
    zh: '"{value}" 不是 IP 地址，callerIp 要填一个 IPv4 或 IPv6 地址（例如 203.0.113.7 或 2001:db8::1）；留空或点“清除”则使用请求实际的来源地址',
    en: '"{value}" is not an IP address: callerIp takes one IPv4 or IPv6 address, such as 203.0.113.7 or 2001:db8::1; leave it empty or press Clear to use the address each request comes from',
  },
  // Cleared, callerIp is no value at all: the caller is whoever the connection comes from (server.ts).
  'switches.callerIp.cleared': {
    zh: 'callerIp 已清除：IP 白名单检查改用请求实际的来源地址。',
    en: 'callerIp cleared: whitelist checks use the address each request comes from.',
  },
  // Refusals of the control API the page can meet (control.ts ScanError, the clock's range), in its language.
  'qr.problem.unknown': { zh: '没有二维码登录 {uuid}（可能已被重置清掉）', en: 'there is no QR login {uuid} (a reset may have cleared it)' },
  'qr.problem.none': { zh: '没有等待中的二维码登录：先打开 /connect/qrconnect', en: 'no QR login is waiting: open /connect/qrconnect first' },
  'qr.problem.expired': { zh: '二维码登录 {uuid} 已过期（402）', en: 'QR login {uuid} has expired (402)' },
  'qr.problem.finished': { zh: '二维码登录 {uuid} 已经结束（{status}）', en: 'QR login {uuid} is already finished ({status})' },
  'qr.problem.user': { zh: '种子里没有用户 {user}', en: 'no seeded user {user}' },
  'clock.problem.range': {
    zh: '前进 {seconds} 秒会让模拟器时钟超出 1970-01-01 … 2106-02-07（rid 用 8 位十六进制的 Unix 秒表示时间）',
    en: 'advancing {seconds} s would move the emulator clock outside 1970-01-01 … 2106-02-07 (rids carry the time as 8 hex digits of Unix seconds)',
  },
  'switches.callerIp.placeholder': { zh: '默认取连接的地址', en: 'default: the connection’s address' },

  'apps.title': { zh: '应用', en: 'Apps' },
  'apps.domain': { zh: '授权回调域', en: 'callback domain' },
  // A 公众号's callback domain is its 网页授权域名 (授权回调域 is the website app's term); a subscription
  // account or an unverified service account has no web authorization (scopes.ts), so its domain is a JS-safe domain only.
  'apps.domain.oa': { zh: '网页授权域名 / JS接口安全域名', en: 'web-authorization domain / JS-safe domain' },
  // The test account's sandbox page calls it 授权回调页面域名.
  'apps.domain.test': { zh: '授权回调页面域名 / JS接口安全域名', en: 'callback page domain (授权回调页面域名) / JS-safe domain' },
  'apps.domain.noWebAuth': { zh: 'JS接口安全域名', en: 'JS-safe domain' },
  'apps.whitelist': { zh: 'IP 白名单（/cgi-bin/ 接口）', en: 'IP whitelist (/cgi-bin/ calls)' },
  'apps.whitelist.none': { zh: '未设置：任何 IP 都可以调用', en: 'none: any IP may call' },
  'apps.whitelist.placeholder': { zh: 'IP，多个用逗号分隔', en: 'IPs, comma-separated' },
  'apps.whitelist.changed': { zh: '{appid} 的 IP 白名单 = {value}', en: 'IP whitelist of {appid} = {value}' },
  // No whitelist, not an empty one: the emulator then lets every caller through (POST /__emulator/whitelist null).
  'apps.whitelist.removed': { zh: '{appid} 的 IP 白名单已取消：任何 IP 都可以调用它的 /cgi-bin/ 接口。', en: 'IP whitelist of {appid} removed: any IP may call its /cgi-bin/ APIs.' },
  'apps.whitelist.invalid': {
    zh: '"{value}" 不是 IP 地址，请填写 IPv4 或 IPv6 地址，多个用逗号分隔（例如 203.0.113.10, 2001:db8::1）；点“清除”则取消白名单',
    en: '"{value}" is not an IP address: type IPv4 or IPv6 addresses separated by commas, such as 203.0.113.10, 2001:db8::1; press Clear to remove the whitelist',
  },
  'apps.ticket.none': { zh: '还没有签发：你的服务器第一次调用 getticket 时签发', en: 'none issued yet: your server’s first getticket issues one' },
  'apps.ticket.live': { zh: '{ticket}，{time} 过期（还有 {d}）', en: '{ticket}, expires {time} (in {d})' },
  'apps.ticket.expired': { zh: '{ticket} 已在 {time} 过期：下一次 getticket 会签发新的', en: '{ticket} expired at {time}: the next getticket issues a new one' },
  'apps.ticket.expire': { zh: '现在让它过期', en: 'Expire it now' },
  'apps.ticket.ended': {
    zh: '{appid} 的 jsapi_ticket 已过期：仍用它签名的 wx.config 会得到 invalid signature（开关 ticketGraceSeconds 不为 0 时宽限那么久），直到服务器用 getticket 拿到的新 ticket 重新签名',
    en: 'The jsapi_ticket of {appid} has expired: a wx.config still signed with it gets invalid signature (after the ticketGraceSeconds switch, when it is not 0) until the server signs with a new ticket from getticket',
  },

  'apps.ticket.check': { zh: '打开 wx.config 检查页', en: 'Open the wx.config check page' },
  'apps.export': { zh: '让 wxauth 使用这个应用（与 wxauth emulator 打印的一样）', en: 'Aim wxauth at this app (the line wxauth emulator prints)' },
  'apps.noDomain': { zh: '无', en: 'none' },
  'type.service': { zh: '服务号', en: 'service account' },
  'type.subscription': { zh: '订阅号', en: 'subscription account' },
  'type.test': { zh: '测试号', en: 'test account' },
  'type.website': { zh: '网站应用', en: 'website app' },

  'users.title': { zh: '用户', en: 'Users' },
  'users.you': { zh: '你', en: 'you' },
  'users.follows': { zh: '关注：{list}', en: 'follows: {list}' },
  'users.followsNone': { zh: '未关注任何账号', en: 'follows nothing' },
  'users.openids': { zh: '各应用的 openid / unionid', en: 'openid per app / unionid' },

  'log.title': { zh: '请求记录', en: 'Requests' },
  'log.desc': {
    zh: '客户端发给模拟器的请求（不记录控制接口的调用，扫码页的轮询只在状态变化时记一行），最新的在最上面；secret、token、code、ticket 都已遮盖。点一行看完整的请求和应答。',
    en: 'What clients sent to the emulator (control calls are not logged, and a QR page’s polls only when the answer changes), newest first; secrets, tokens, codes and tickets are masked. Open a row for the full request and answer.',
  },
  'log.filter.appid': { zh: '应用', en: 'App' },
  'log.filter.all': { zh: '全部', en: 'all' },
  'log.filter.errcode': { zh: 'errcode', en: 'errcode' },
  'log.filter.any': { zh: '任意', en: 'any' },
  'log.filter.errcodeHint': {
    zh: '0 保留所有显示为“成功”的请求：errcode 为 0 的，以及本来就不带 errcode 的 token、userinfo 应答',
    en: '0 keeps every success that reads ok: errcode 0, or a token or userinfo answer, which carries no errcode',
  },
  'log.empty': { zh: '还没有请求。把客户端指向 {url} 即可（见上面应用的 export 行）。', en: 'No requests yet. Aim a client at {url} (see the export lines of the apps above).' },
  'log.hidden': { zh: '有 {n} 条被筛选条件隐藏。', en: '{n} hidden by the filter.' },
  'log.live': { zh: '实时', en: 'live' },
  'log.offline': { zh: '正在重连…', en: 'reconnecting…' },
  'log.ok': { zh: '成功', en: 'ok' },
  'log.http': { zh: 'HTTP {status}', en: 'HTTP {status}' },
  'log.fault': { zh: '故障 {kind}', en: 'fault: {kind}' },
  'log.page': { zh: '错误页', en: 'error page' },
  'log.garbage': { zh: '不是 JSON：返回了 HTML 页面', en: 'not JSON: an HTML page' },
  'log.garbage.title': {
    zh: 'HTTP {status}，但返回的是 HTML 页面，微信此处应返回 JSON：注入的 garbage 故障',
    en: 'HTTP {status} with an HTML page where WeChat answers JSON: the injected garbage fault',
  },
  'log.note': { zh: '注意 state', en: 'check state' },
  'log.request': { zh: '请求', en: 'Request' },
  'log.answer': { zh: '应答', en: 'Answer' },
  'log.headers': { zh: '请求头', en: 'Headers' },
  'log.answerHeaders': { zh: '应答头', en: 'Headers' },
  'log.body': { zh: '正文', en: 'Body' },
  'log.noBody': { zh: '（无正文）', en: '(no body)' },
  'log.truncated': { zh: '（共 {n} 字节，只显示开头）', en: '({n} bytes, only the start is shown)' },
  'log.connectionReset': { zh: '连接被重置（注入的 reset 故障），没有应答。', en: 'The connection was reset (an injected reset fault): no answer.' },
  'log.noDetail': {
    zh: '完整的请求和应答只为本页（或其他 /__emulator/events 订阅者）打开期间到达的请求保留。',
    en: 'The full request and answer are kept only for requests that arrived while this page (or another /__emulator/events subscriber) was open.',
  },
  'log.loading': { zh: '加载中…', en: 'Loading…' },
  'log.query': { zh: '查询参数', en: 'Query' },
  // A fault the control API refused (faults.ts takes its English from here; the CLI's catalogue,
  // src/ui/messages/emulator.ts emulator.fault.problem.*, has the same sentences, a test holds them equal).
  'fault.problem.syntax': {
    zh: '故障 "{spec}" 无效：格式应为 KIND[=N][@PATH][:COUNT]，例如 delay=2000:3 或 500@/sns/oauth2/access_token',
    en: 'invalid fault "{spec}": expected KIND[=N][@PATH][:COUNT], e.g. delay=2000:3 or 500@/sns/oauth2/access_token',
  },
  'fault.problem.unknownKind': {
    zh: '故障 "{spec}" 无效：没有 "{kind}" 这种故障（可用 delay、500、502、busy、reset、garbage 或 errcode）',
    en: 'invalid fault "{spec}": unknown kind "{kind}" (use delay, 500, 502, busy, reset, garbage or errcode)',
  },
  'fault.problem.delayNeedsMs': {
    zh: '故障 "{spec}" 无效：delay 需要整数的毫秒数，例如 delay=2000',
    en: 'invalid fault "{spec}": delay needs a whole number of milliseconds, e.g. delay=2000',
  },
  'fault.problem.delayTooLong': {
    zh: '故障 "{spec}" 无效：delay 最多 {max} 毫秒（10 分钟）',
    en: 'invalid fault "{spec}": delay is at most {max} ms (10 minutes)',
  },
  'fault.problem.onlyDelayMs': {
    zh: '故障 "{spec}" 无效：只有 delay（=毫秒）和 errcode（=错误码）可以带 =N',
    en: 'invalid fault "{spec}": only delay (=MS) and errcode (=CODE) take =N',
  },
  'fault.problem.countRange': {
    zh: '故障 "{spec}" 无效：COUNT 必须是 1 到 {max} 之间的整数',
    en: 'invalid fault "{spec}": COUNT must be a whole number from 1 to {max}',
  },
  'fault.problem.order': {
    zh: '故障 "{spec}" 无效：各部分的顺序不对，要按 KIND[=N][@PATH][:COUNT] 的顺序写，即 {fixed}',
    en: 'invalid fault "{spec}": its parts are out of order; write them as KIND[=N][@PATH][:COUNT]: {fixed}',
  },
  'fault.problem.notSpec': {
    zh: '故障 {spec} 无效：故障应是一个规格字符串或一个对象',
    en: 'invalid fault {spec}: a fault is a spec string or an object',
  },
  'fault.problem.kind': {
    zh: '故障 {spec} 无效：kind 必须是 delay、http500、http502、busy、reset、garbage 或 errcode',
    en: 'invalid fault {spec}: kind must be delay, http500, http502, busy, reset, garbage or errcode',
  },
  'fault.problem.delayMs': {
    zh: '故障 {spec} 无效：delay 需要 0 到 {max} 的 ms：最多 {max} 毫秒（10 分钟）',
    en: 'invalid fault {spec}: delay needs ms from 0 to {max}: a delay is at most {max} ms (10 minutes)',
  },
  'fault.problem.path': {
    zh: '故障 {spec} 无效：path 必须以 / 开头',
    en: 'invalid fault {spec}: path must start with /',
  },
  'fault.problem.pathSlash': {
    zh: '故障 "{spec}" 无效：@ 后面的路径要以 / 开头，例如 @/cgi-bin/token',
    en: 'invalid fault "{spec}": the path after @ starts with /, e.g. @/cgi-bin/token',
  },
  'fault.problem.errcodeNeedsCode': {
    zh: '故障 {spec} 无效：errcode 的值必须是数字，即微信的错误码，例如 errcode=40001 或 errcode=-1000',
    en: 'invalid fault {spec}: errcode needs a number, WeChat’s errcode, e.g. errcode=40001 or errcode=-1000',
  },
  'fault.problem.errcodeUnknown': {
    zh: '故障 {spec} 无效：模拟器不知道 {errcode} 的 errmsg 该怎么写；可用的错误码：{errcodes}',
    en: 'invalid fault {spec}: the emulator does not know WeChat’s errmsg for {errcode}; codes it can answer: {errcodes}',
  },
  'fault.problem.count': {
    zh: '故障 {spec} 无效：count 必须是 1 到 {max} 的整数',
    en: 'invalid fault {spec}: count must be an integer from 1 to {max}',
  },
} as const satisfies Record<string, Record<UiLang, string>>;

export type UiTextKey = keyof typeof UI_TEXT;

/** What each switch changes (the README's switch table, one line each). */
export const SWITCH_TEXT: Record<string, Record<UiLang, string>> = {
  contentType: {
    zh: 'Content-Type：auto = /sns 用 text/plain，/cgi-bin 用 application/json；json = 全部 application/json；text = 全部 text/plain；outcome = /sns 的错误用 JSON；json-charset = 全部 application/json; charset=utf-8，分块传输',
    en: 'Content-Type: auto = text/plain on /sns, application/json on /cgi-bin; json = application/json everywhere; text = text/plain everywhere; outcome = JSON for /sns errors; json-charset = application/json; charset=utf-8 everywhere, chunked',
  },
  ridStyle: { zh: 'errmsg 后缀：2021 年后的 rid、之前的 hints，或没有', en: 'errmsg suffix: the 2021+ rid, the older hints, or none' },
  expiredCodeErrcode: { zh: '过期 code 的错误码：实测 40029，文档 42003', en: 'errcode for an expired code: 40029 observed, 42003 documented' },
  denyBehaviour: {
    zh: '用户在公众号授权页点“拒绝”后：只带 state 跳回，或不跳转（网站应用扫码后拒绝总是不跳转）',
    en: 'after 拒绝 (deny) on an official account’s consent page: redirect with state only, or no redirect (a refused QR login never redirects)',
  },
  unknownPath: { zh: '未知的 /sns、/cgi-bin 路径：40066 invalid url，或 HTTP 404', en: 'unknown /sns and /cgi-bin paths: 40066 invalid url, or HTTP 404' },
  paramOrderCheck: { zh: '检查授权链接参数顺序 appid、redirect_uri、response_type、scope、state', en: 'check the authorize link’s parameter order appid, redirect_uri, response_type, scope, state' },
  loginScopeOnAuthorize: { zh: 'snsapi_login 用在 /connect/oauth2/authorize 上时显示的页面', en: 'the page for snsapi_login on /connect/oauth2/authorize' },
  redirectErrorWording: {
    zh: '10003 页面的文字：按 User-Agent（PC 微信显示“redirect_uri 参数错误”，其他显示手机上的“域名与后台配置不一致”），或固定用手机版、PC 版',
    en: '10003 page wording: by User-Agent (PC WeChat shows “redirect_uri 参数错误”, others mobile’s “域名与后台配置不一致”), or always mobile’s or PC’s',
  },
  forcePopupEffect: {
    zh: 'snsapi_userinfo 带 forcePopup：按文档显示授权页，或按一位开发者的报告进入快照页模式',
    en: 'forcePopup on snsapi_userinfo: the consent page, as documented, or snapshot mode, as one developer reported',
  },
  silentUserinfo: { zh: 'followers = 已关注的用户 snsapi_userinfo 不弹授权页（forcePopup 除外）', en: 'followers = snsapi_userinfo skips the consent page for followers (unless forcePopup)' },
  profileEra: {
    zh: 'userinfo：2021 年后（性别 0、地区为空）或之前的资料（lang=en 时地区为英文/拼音）',
    en: 'userinfo: after 2021 (sex 0, empty region) or the legacy profile (places in English/pinyin for lang=en)',
  },
  stateLengthCheck: {
    zh: '是否拒绝超过 128 字节的 state：所有客户端都拒绝（true）、都不拒绝（false），或只有 PC 微信拒绝（pc-only，据报告“PC 端提示 state参数过长，手机端正常”）',
    en: 'refuse a state longer than 128 bytes: on every client (true), on none (false), or on PC WeChat only (pc-only, as reported)',
  },
  whitelistErrmsg: { zh: '40164 的 errmsg：2021 年（rid 前无逗号）或 2022 年的样例', en: '40164 errmsg: the 2021 form (no comma before rid) or the 2022 sample' },
  userInfoEra: { zh: '/cgi-bin/user/info：保留 language（2021）或按当前文档去掉', en: '/cgi-bin/user/info: keep language (2021) or drop it as the current doc does' },
  httpOnSns: { zh: '通过 http 调 /sns/*：照常响应，或 43003 require https', en: '/sns/* over plain http: answered, or 43003 require https' },
  codeCheckOrder: { zh: 'secret 和 code 都错时先检查哪个', en: 'which is checked first when both the secret and the code are wrong' },
  snapshotFlag: {
    zh: '快照页虚拟用户换 token 时的 is_snapshotuser：总是返回（文档），或每个公众号第一次换取时缺失（实测）',
    en: 'is_snapshotuser on a snapshot user’s token: always (the doc), or missing from each app’s first exchange (observed)',
  },
  authExpiredErrcode: { zh: '/sns/auth 遇到过期 token：文档的 42001，或有时实际返回的 40014', en: '/sns/auth with an expired token: 42001 as documented, or 40014 as WeChat sometimes answers' },
  tokenBadSecretErrcode: { zh: '/cgi-bin/token 的 secret 错误：现在的 40125，或旧文档的 40001', en: 'a wrong secret on /cgi-bin/token: today’s 40125, or the older docs’ 40001' },
  dailyQuotaErrmsg: {
    zh: '45009（每日调用超限）的 errmsg：实测的 reach max api daily quota limit，或旧限额页面的 api freq out of limit',
    en: '45009 (daily limit) errmsg: the observed reach max api daily quota limit, or the old limits page’s api freq out of limit',
  },
  minuteQuotaErrmsg: {
    zh: '45011（每分钟超限）的 errmsg：错误码页面的写法，或文档表格里的双空格写法',
    en: '45011 (per-minute limit) errmsg: the errCode page’s text, or the doc tables’ double-spaced one',
  },
  reusedCodeErrcode: { zh: '同一个 code 第二次换取：40163 code been used，或旧报告里的 40029 invalid code', en: 'a code exchanged a second time: 40163 code been used, or 40029 invalid code as older reports say' },
  refreshTokenDays: { zh: 'refresh_token 有效天数：公众号文档的 30 天，或移动应用文档的 180 天', en: 'refresh_token lifetime in days: 30 (official-account docs) or 180 (the mobile-app doc)' },
  refreshRenews: {
    zh: '刷新成功后 refresh_token 是否重新计时：false = 不重新计时（“不会重置”），true = 重新获得完整有效期（“重置为30天”）',
    en: 'whether a successful refresh restarts the refresh_token’s clock: false = it keeps the one it was issued with (“不会重置”), true = its full lifetime again (“重置为30天”)',
  },
  tokenKeyOrder: {
    zh: '/sns/oauth2/access_token 返回的字段顺序：官方示例（expires_in 第二），或另一份样例（expires_in 最后）；解析时不要依赖顺序',
    en: 'key order of /sns/oauth2/access_token’s answer: the official example’s (expires_in second) or another sample’s (expires_in last); parsers must not rely on it',
  },
  refreshUnexpired: {
    zh: 'access_token 未过期时刷新：同一个 token 延长有效期（开放平台文档），或换一个新 token、旧的立即失效',
    en: 'refreshing while the access_token is still valid: the same token, extended (开放平台 docs), or a new one, the old one dead at once',
  },
  userinfoLang: {
    zh: '/sns/userinfo 不带 lang 时的默认语言：英文文档说 zh_CN，中文文档说 en（只在 profileEra=legacy 时看得出）',
    en: '/sns/userinfo’s lang when none is sent: zh_CN (English doc) or en (Chinese doc); visible only with profileEra=legacy',
  },
  nonAsciiJson: {
    zh: '/sns/userinfo 里的中文：原样 UTF-8（实测样例），或 \\uXXXX 转义（一个 PHP 示例）',
    en: 'non-ASCII text in /sns/userinfo: raw UTF-8 (raw samples) or \\uXXXX escapes (one PHP example)',
  },
  qrLangEn: {
    zh: '扫码页 lang=en：按文档显示英文，或嵌入式（wxLogin.js 的 iframe）仍显示中文（2024 年的报告）',
    en: 'lang=en on the QR page: English as documented, or Chinese in the embedded (wxLogin.js iframe) variant as reported in 2024',
  },
  ticketGraceSeconds: {
    zh: 'jsapi_ticket 过期后仍能验证 wx.config 签名的秒数（未经证实，默认 0）',
    en: 'seconds an expired jsapi_ticket still verifies wx.config signatures (unverified; 0 by default)',
  },
  snsRidErrcode: { zh: 'rid/get 查询 /sns/ 接口的 rid：实测的 76001，或文档说明的 76022', en: 'rid/get on an /sns/ rid: 76001 as observed, or 76022 as the doc note says' },
  upperCaseSignature: {
    zh: 'wx.config 的签名是大写十六进制时：接受（accept）或拒绝（reject）；微信怎么做未经证实，SDK 都输出小写',
    en: 'an upper-case hex signature in wx.config: accepted (accept) or refused (reject); what WeChat does is unverified, every SDK emits lower case',
  },
  credentialErrmsg: { zh: '/cgi-bin 的 40001 errmsg：rid 前无逗号（space）或有逗号（comma）', en: '/cgi-bin 40001 errmsg: no comma before rid (space) or a comma (comma)' },
  callerIp: {
    zh: 'IP 白名单检查时当作调用方的 IP（只对设置了 IP 白名单的应用起作用，见“应用”）',
    en: 'the caller IP used for whitelist checks (only apps with an IP whitelist check it: see Apps)',
  },
};

/**
 * The page's language: `?lang=` if given, else the first of zh/en in Accept-Language by its q values
 * (`zh-CN,zh;q=0.9,en;q=0.8` → zh), else English.
 */
export function pickUiLang(param: string | null, acceptLanguage: string | undefined): UiLang {
  if (param === 'zh' || param === 'en') return param;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.q > 0 && (l.tag === 'zh' || l.tag.startsWith('zh-') || l.tag === 'en' || l.tag.startsWith('en-')))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('zh') ? 'zh' : 'en';
}

/** A page request's language: its `?lang=`, else its Accept-Language (pickUiLang). */
export function uiLangOf(rq: { query: { get(name: string): string | null | undefined }; headers: Record<string, unknown> }): UiLang {
  const accept = rq.headers['accept-language'];
  return pickUiLang(rq.query.get('lang') ?? null, typeof accept === 'string' ? accept : undefined);
}

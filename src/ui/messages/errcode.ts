import type { MessageSection } from './types.js';

// Messages of the 'errcode' area. Keys start with 'errcode.' (common: 'common.' and 'wechat.').
// The causes and fixes themselves are data (src/core/errcode-knowledge.ts), already bilingual.
export const messages = {
  // The --endpoint option of `wxauth errcode` (declared in the errcode block of src/cli.ts).
  'cli.errcode.opt.endpoint': {
    zh: '只给出与出错接口相关的原因和办法，例如 /sns/userinfo 或 /cgi-bin/token',
    en: 'keep only the causes and fixes for the endpoint that answered, e.g. /sns/userinfo or /cgi-bin/token',
  },

  'errcode.title.code': { zh: '错误码 {code}', en: 'errcode {code}' },
  'errcode.title.jssdk': { zh: 'JS-SDK 提示「{text}」（同类错误码 {related}）', en: 'JS-SDK message "{text}" (related codes {related})' },
  'errcode.title.jssdk.noCode': { zh: 'JS-SDK 提示「{text}」（没有对应的错误码）', en: 'JS-SDK message "{text}" (no errcode for it)' },
  'errcode.title.page': {
    zh: '错误页「{text}」（页面没有错误码；同类错误码 {related}）',
    en: 'Error page "{text}" (no errcode on the page; related codes {related})',
  },
  'errcode.title.page.noCode': { zh: '错误页「{text}」（没有对应的错误码）', en: 'Error page "{text}" (no errcode for it)' },
  'errcode.title.wecom': { zh: '企业微信', en: 'WeCom' },
  'errcode.label.meaning': { zh: '含义', en: 'Meaning' },
  'errcode.label.stage': { zh: '环节', en: 'Stage' },
  'errcode.label.endpoints': { zh: '接口', en: 'Endpoints' },
  'errcode.label.endpoint': { zh: '出错接口', en: 'Endpoint' },
  'errcode.label.causes': { zh: '可能原因（按可能性排序）', en: 'Likely causes (most likely first)' },
  'errcode.label.fixes': { zh: '解决办法', en: 'Fixes' },
  'errcode.label.doc': { zh: '文档', en: 'Docs' },
  'errcode.label.errmsg': { zh: 'errmsg', en: 'errmsg' },
  'errcode.label.rid': { zh: 'rid', en: 'rid' },
  'errcode.label.ip': { zh: '调用方 IP', en: 'Caller IP' },
  'errcode.label.sources': { zh: '出处', en: 'Sources' },
  // The sources' ids (errcodes.json `sources`, --json keeps them): how a line names them. Library names stay as written.
  'errcode.source.official-doc': { zh: '微信官方文档', en: 'official-doc' },
  'errcode.source.WxJava-MP': { zh: 'WxJava（公众号）', en: 'WxJava-MP' },
  'errcode.source.WxJava-Open': { zh: 'WxJava（开放平台）', en: 'WxJava-Open' },
  'errcode.source.WxJava-MA': { zh: 'WxJava（小程序）', en: 'WxJava-MA' },
  'errcode.source.WxJava-Channel': { zh: 'WxJava（视频号小店）', en: 'WxJava-Channel' },
  'errcode.source.WxJava-CP': { zh: 'WxJava（企业微信）', en: 'WxJava-CP' },
  'errcode.on': { zh: '（{endpoints}）', en: '({endpoints})' },
  'errcode.ip.value': { zh: '{ip}（加入白名单时填这个）', en: '{ip} (whitelist this one)' },
  'errcode.ip.mapped': { zh: '{ip}（IPv6 写法 {ipv6}；白名单填 IPv4）', en: '{ip} (IPv6 form {ipv6}; whitelist the IPv4)' },
  'errcode.ip.v6only': { zh: '{ipv6}（IPv6 地址）', en: '{ipv6} (an IPv6 address)' },

  'errcode.stage.authorize': { zh: '授权页（authorize / qrconnect）', en: 'authorize page (authorize / qrconnect)' },
  'errcode.stage.token': { zh: '换取 / 刷新网页授权 token', en: 'exchanging / refreshing the user token' },
  'errcode.stage.userinfo': { zh: '用网页授权 token 取用户信息、校验 token', en: 'user info and token check with the user token' },
  'errcode.stage.basic-token': { zh: '基础 access_token（/cgi-bin/token、stable_token）及用它调用的 /cgi-bin 接口', en: 'basic access_token (/cgi-bin/token, stable_token) and the /cgi-bin calls made with it' },
  'errcode.stage.quota': { zh: '调用额度、rid 查询', en: 'quota and rid lookup' },
  'errcode.stage.third-party': { zh: '第三方平台代授权', en: 'third-party platform (component) flow' },
  'errcode.stage.jssdk': { zh: '公众号 JS-SDK（wx.config、jsapi_ticket）', en: 'Official Account JS-SDK (wx.config, jsapi_ticket)' },
  'errcode.stage.any': { zh: '任意接口', en: 'any endpoint' },

  'errcode.untranslated.en': { zh: '（各来源都没有英文说明）', en: '(no source has English text; the Chinese is shown)' },
  'errcode.untranslated.zh': { zh: '（各来源都没有中文说明，显示英文原文）', en: '(no source has Chinese text)' },
  'errcode.derived.en': { zh: '（英文为 wxauth 所译，来源只有中文）', en: '(English by wxauth; the sources give only Chinese)' },
  'errcode.derived.zh': { zh: '（中文为 wxauth 所译，来源只有英文）', en: '(Chinese by wxauth; the sources give only English)' },
  'errcode.noRich': {
    zh: 'wxauth 对这个错误码没有更多分析（它不属于网页授权流程）；请看官方文档。',
    en: 'wxauth has no further notes on this code (it is outside the web-authorization flow); see the official docs.',
  },
  'errcode.otherTable.wecom': {
    zh: '企业微信（qyapi）里 {code} 的含义不同：{meaning}。调用企业微信接口时加 --wecom。',
    en: 'On WeCom (qyapi) {code} means something else: {meaning}. Add --wecom for WeCom calls.',
  },
  'errcode.otherTable.wechat': {
    zh: '公众号 / 开放平台接口里 {code} 的含义：{meaning}',
    en: 'On Official Account / Open Platform APIs {code} means: {meaning}',
  },
  'errcode.body.read': {
    zh: '从粘贴的内容读出 errcode {errcode}',
    en: 'Read errcode {errcode} from the pasted text',
  },
  // Several errcodes piped in (a server's log): `tail -n 200 app.log | wxauth errcode`.
  'errcode.log.found': { zh: '管道传入的内容里有 {count} 个错误码：{codes}', en: 'Found {count} errcodes in the piped text: {codes}' },
  'errcode.log.foundOne': { zh: '管道传入的内容里有 1 个错误码：{codes}', en: 'Found 1 errcode in the piped text: {codes}' },
  'errcode.log.entry': { zh: '{code}（第 {line} 行）', en: '{code} (line {line})' },
  'errcode.log.entryCount': { zh: '{code} ×{count}（首次在第 {line} 行）', en: '{code} ×{count} (line {line})' },
  'errcode.log.success': {
    zh: 'errcode {entry} 表示调用成功，不是错误，不作解释',
    en: 'errcode {entry} is a success, not an error: not explained',
  },
  'errcode.log.read': {
    zh: '从管道传入内容的第 {line} 行读出 errcode {errcode}',
    en: 'Read errcode {errcode} from line {line} of the piped text',
  },
  'errcode.log.more': {
    zh: '另有 {count} 个错误码没有解释（只解释前 {limit} 个）：{codes}。逐个解释：wxauth errcode {code}',
    en: '{count} more not explained (only the first {limit} are): {codes}. Explain one: wxauth errcode {code}',
  },
  'errcode.log.cut': {
    zh: '管道传入的内容只读了前 {size} 个字符，后面的没有读；只传要看的部分，例如 tail -n 1000 app.log | wxauth errcode',
    en: 'Only the first {size} characters of the piped text were read, not the rest; pipe the part to read, e.g. tail -n 1000 app.log | wxauth errcode',
  },
  'errcode.read': {
    zh: '从粘贴的内容读出「{text}」',
    en: 'Read "{text}" from the pasted text',
  },
  'errcode.readAsLog': {
    zh: '按服务器日志里的一行来解读：服务器上会发生的原因排在前面，手动复制粘贴才有的原因排在最后。',
    en: 'Read as a line of a server\'s log: what happens on a server comes first, what comes of copying a code by hand last.',
  },
  'errcode.keyword.titleOne': {
    zh: '「{input}」匹配到 1 个错误码：',
    en: '"{input}" matches 1 errcode:',
  },
  'errcode.keyword.title': {
    zh: '「{input}」匹配到 {count} 个错误码，最相关的：',
    en: '"{input}" matches {count} errcodes; the most relevant:',
  },
  'errcode.keyword.more': { zh: '其他匹配「{input}」的错误码：', en: 'Other errcodes matching "{input}":' },
  'errcode.compact.more': { zh: '完整说明：wxauth errcode {code}', en: 'Full explanation: wxauth errcode {code}' },

  'errcode.unknown.code': { zh: '未收录的错误码：{code}', en: 'Unknown errcode: {code}' },
  'errcode.unknown.code.wecom': { zh: '企业微信错误码表里没有 {code}', en: '{code} is not in the WeCom table' },
  // A number typed otherwise than it reads (007, +40029): named as typed, with the code it was read as.
  'errcode.unknown.codeAs': { zh: '未收录的错误码：{input}（按 {code} 查）', en: 'Unknown errcode: {input} (read as {code})' },
  'errcode.unknown.codeAs.wecom': { zh: '企业微信错误码表里没有 {input}（按 {code} 查）', en: '{input} (read as {code}) is not in the WeCom table' },
  // Full-width digits (and a full-width sign before one) typed with a Chinese input method in full-width mode, read as ASCII: {typed} as given, {read} as read (lists, in the same order).
  'errcode.input.fullwidth': {
    zh: '全角数字（{typed}）按半角的 {read} 读取（中文输入法在全角模式下打出来的；错误码是半角数字）。',
    en: 'Read the full-width digits ({typed}) as ASCII {read} (typed with a Chinese input method in full-width mode; an errcode is written in ASCII digits).',
  },
  'errcode.readNumber': { zh: '{input} 按错误码 {code} 解释', en: 'Read {input} as errcode {code}' },
  // Past the safe integers: the digits as given, never the number they would be read as (…890 as …000).
  'errcode.unknown.outOfRange': {
    zh: '{number} 不是错误码：微信的错误码在 {min} 到 {max} 之间，这个数远远超出了这个范围',
    en: "Not an errcode: {number} is far outside WeChat's errcodes, which run from {min} to {max}",
  },
  // A number too long to quote ({digits} of them): named by its first 80 digits ({start}, sign included), as a long text is by its start.
  'errcode.unknown.outOfRange.long': {
    zh: '给出的数字（{digits} 位，开头是“{start}”）不是错误码：微信的错误码在 {min} 到 {max} 之间，这个数远远超出了这个范围',
    en: "Not an errcode: the number given ({digits} digits, starting \"{start}\") is far outside WeChat's errcodes, which run from {min} to {max}",
  },
  'errcode.unknown.outOfRange.hint': {
    zh: '核对一下复制的数字：错误码最多 {digits} 位，可能多复制了别的数字（时间戳、ID、订单号），或几个数字连在了一起；也可以把微信返回的整段 JSON 加上引号交给 wxauth errcode。',
    en: "Check the number you copied: an errcode has at most {digits} digits, so something else (a timestamp, an id, an order number) may have come with it, or several numbers ran together. Or give wxauth errcode WeChat's whole JSON answer, in quotes.",
  },
  'errcode.unknown.keyword': {
    zh: '没有找到与「{input}」相关的错误码或错误页',
    en: 'No errcode or error page matches "{input}"',
  },
  'errcode.unknown.keyword.long': {
    zh: '给出的内容（{lines} 行，{chars} 个字符，开头是“{start}”）里没有找到错误码或错误页',
    en: 'No errcode or error page found in the text given ({lines} lines, {chars} characters, starting "{start}")',
  },
  'errcode.unknown.didYouMean': { zh: '→ 是不是 {code}？{meaning}（wxauth errcode {code}）', en: '→ Did you mean {code}? {meaning} (wxauth errcode {code})' },
  // WeChat's related codes share all but their last three digits (core/errcodes.ts errcodeRange): {range} is `40xxx`.
  // A code under 1000 has a range of x alone (`x`, `-xx`): named by its numbers instead, {from} to {to} (ui/explain.ts rangeWording).
  'errcode.unknown.nearest': { zh: '同一段（{range}）里已收录的错误码：', en: 'Known codes of the same range ({range}):' },
  'errcode.unknown.nearest.wecom': { zh: '企业微信错误码表里同一段（{range}）的错误码：', en: 'WeCom codes of the same range ({range}):' },
  'errcode.unknown.nearest.short': { zh: '{from} 到 {to} 之间已收录的错误码：', en: 'Known codes from {from} to {to}:' },
  'errcode.unknown.nearest.short.wecom': { zh: '企业微信错误码表里 {from} 到 {to} 之间的错误码：', en: 'WeCom codes from {from} to {to}:' },
  'errcode.unknown.noRange': {
    zh: '同一段（{range}）里没有已收录的错误码，所以不列出相关的错误码：微信同类的错误码只有最后三位不同。',
    en: "No known errcode is in its range ({range}), so none is listed as related: WeChat's related codes share all but their last three digits.",
  },
  'errcode.unknown.noRange.wecom': {
    zh: '企业微信错误码表里同一段（{range}）没有错误码，所以不列出相关的错误码：同类的错误码只有最后三位不同。',
    en: 'The WeCom table has no code in its range ({range}), so none is listed as related: related codes share all but their last three digits.',
  },
  'errcode.unknown.noRange.short': {
    zh: '{from} 到 {to} 之间没有已收录的错误码，所以不列出相关的错误码。',
    en: 'No known errcode is between {from} and {to}, so none is listed as related.',
  },
  'errcode.unknown.noRange.short.wecom': {
    zh: '企业微信错误码表里 {from} 到 {to} 之间没有错误码，所以不列出相关的错误码。',
    en: 'The WeCom table has no code between {from} and {to}, so none is listed as related.',
  },
  'errcode.unknown.where': { zh: '可以去这里查：', en: 'Where to look:' },
  'errcode.unknown.otherTable.wecom': {
    zh: '企业微信错误码表里有 {code}：{meaning}（加 --wecom 按企业微信解释）',
    en: 'The WeCom table has {code}: {meaning} (add --wecom to explain it from there)',
  },
  'errcode.unknown.otherTable.wechat': {
    zh: '公众号错误码表里有 {code}：{meaning}（去掉 --wecom 按公众号解释）',
    en: 'The WeChat table has {code}: {meaning} (drop --wecom to explain it from there)',
  },

  'errcode.noInput': { zh: '没有要解释的内容', en: 'Nothing to explain' },
  'errcode.noInput.hint': {
    zh: '给出错误码、错误 JSON、错误页文字或关键词，例如 wxauth errcode 40029，或通过管道传入（curl … | wxauth errcode）；或用 wxauth errcode --list 列出网页授权相关的错误码',
    en: 'Give an errcode, an error body, an error-page text or a keyword, e.g. wxauth errcode 40029, or pipe it in (curl … | wxauth errcode); or list the auth-flow codes with wxauth errcode --list',
  },
  'errcode.listWithInputs': { zh: '--list 不能和要解释的内容一起用', en: '--list cannot be combined with inputs to explain' },
  'errcode.listWithInputs.hint': {
    zh: '去掉 --list 来解释 {inputs}，或只用 wxauth errcode --list [--stage 环节]',
    en: 'Drop --list to explain {inputs}, or run wxauth errcode --list [--stage S] alone',
  },
  'errcode.stage.invalid': { zh: '未知的环节：{stage}', en: 'Unknown stage: {stage}' },
  'errcode.stage.invalid.hint': { zh: '可选：{stages}', en: 'Choose one of: {stages}' },
  'errcode.list.code': { zh: '错误码', en: 'code' },
  'errcode.list.stage': { zh: '环节（--stage 取值）', en: 'stage' },
  'errcode.list.meaning': { zh: '含义', en: 'meaning' },
  'errcode.list.count': {
    zh: '共 {count} 个。逐个解释：wxauth errcode <错误码>；完整表：--stage all',
    en: '{count} codes. Explain one: wxauth errcode <code>; the whole table: --stage all',
  },
  'errcode.list.countAll': { zh: '共 {count} 个', en: '{count} codes' },
} as const satisfies MessageSection;

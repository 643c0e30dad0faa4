// Table tests for `inspect`: URLs as developers really write them (copied from docs, SDKs, forum posts),
// and what inspect must say about each. For every case the full set of error- and warning-level ids is
// asserted, so a new rule that adds noise to a clean URL fails here too.
import { describe, expect, it } from 'vitest';
import { inspectUrl, hasErrors, findingKeys, type InspectContext, type InspectKind } from '../../src/core/inspect.js';
import { tKey } from '../../src/ui/i18n.js';

const OA = 'wx807d86fb6b3d4fd2';
const WEB = 'wxbdc5610cc59c1631';
const AUTH = 'https://open.weixin.qq.com/connect/oauth2/authorize';
const QR = 'https://open.weixin.qq.com/connect/qrconnect';
const CB = encodeURIComponent('https://www.example.com/oauth/callback');
const STATE = 'Xq3v9TzLm0aB7cD2eF4gH6iJ8kL1nP5r';

const service: InspectContext = { profile: { appid: OA, type: 'service', domain: 'www.example.com' } };
const website: InspectContext = { profile: { appid: WEB, type: 'website', domain: 'passport.yhd.com' } };
const testAccount: InspectContext = { profile: { appid: OA, type: 'test', domain: '82.157.150.202:7002' } };

function auth(query: string, fragment = '#wechat_redirect'): string {
  return `${AUTH}?${query}${fragment}`;
}
function good(overrides: Partial<Record<'appid' | 'redirect_uri' | 'response_type' | 'scope' | 'state', string>> = {}): string {
  const p = { appid: OA, redirect_uri: CB, response_type: 'code', scope: 'snsapi_base', state: STATE, ...overrides };
  return `appid=${p.appid}&redirect_uri=${p.redirect_uri}&response_type=${p.response_type}&scope=${p.scope}&state=${p.state}`;
}

interface Case {
  name: string;
  url: string;
  ctx?: InspectContext;
  kind: InspectKind;
  /** Every error- and warning-level finding id, exactly. */
  problems: string[];
  /** Info-level ids that must be present. */
  infos?: string[];
  /** Info-level ids that must be absent. */
  noInfos?: string[];
  /** Parameters a finding must carry: [id, param, value]. */
  params?: Array<[string, string, string | number | readonly string[]]>;
}

const cases: Case[] = [
  // --- clean URLs ---------------------------------------------------------------------------------
  {
    name: 'a well-formed authorize URL for a service account',
    url: auth(good()),
    ctx: service,
    kind: 'authorize',
    problems: [],
  },
  {
    name: "the doc's qrconnect example (一号店) for a website app",
    url: `${QR}?appid=${WEB}&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fwechat%2Fcallback.do&response_type=code&scope=snsapi_login&state=3d6be0a4035d839573b04816624a415e#wechat_redirect`,
    ctx: website,
    kind: 'qrconnect',
    problems: [],
  },
  {
    name: 'a test account with IP:port as its callback domain: its http is no note (never production, as init says)',
    url: auth(good({ redirect_uri: encodeURIComponent('http://82.157.150.202:7002/wx/cb'), scope: 'snsapi_userinfo' })),
    ctx: testAccount,
    kind: 'authorize',
    problems: [],
    noInfos: ['redirect_uri.http'],
  },
  {
    name: 'no profile, an http callback on this machine: no clear-text note (the code crosses no network)',
    url: auth(good({ redirect_uri: encodeURIComponent('http://127.0.0.1:8080/callback') })),
    kind: 'authorize',
    problems: ['redirect_uri.loopback_phone', 'redirect_uri.port'],
    noInfos: ['redirect_uri.http'],
  },
  {
    name: 'no profile, an http callback on a LAN address: no clear-text note',
    url: auth(good({ redirect_uri: encodeURIComponent('http://192.168.1.5:8080/callback') })),
    kind: 'authorize',
    problems: ['redirect_uri.ip', 'redirect_uri.port'],
    noInfos: ['redirect_uri.http'],
  },
  {
    name: 'a service account, an http callback on a public domain: the clear-text note',
    url: auth(good({ redirect_uri: encodeURIComponent('http://www.example.com/oauth/callback') })),
    ctx: service,
    kind: 'authorize',
    problems: [],
    infos: ['redirect_uri.http'],
  },
  {
    name: 'the WxLogin iframe URL (scope before redirect_uri, no response_type, no fragment)',
    url: `${QR}?appid=${WEB}&scope=snsapi_login&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fwechat%2Fcallback.do&state=${STATE}&login_type=jssdk&self_redirect=false&styletype=&sizetype=&bgcolor=&rst=&style=black`,
    ctx: website,
    kind: 'qrconnect',
    problems: [],
  },
  {
    name: 'qrconnect without #wechat_redirect is only worth a note',
    url: `${QR}?appid=${WEB}&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fcb&response_type=code&scope=snsapi_login&state=${STATE}`,
    ctx: website,
    kind: 'qrconnect',
    problems: [],
    infos: ['fragment.missing_qrconnect'],
  },
  {
    name: 'connect_redirect=1 (folk remedy for double hits) is noted, not flagged',
    url: auth(good() + '&connect_redirect=1'),
    ctx: service,
    kind: 'authorize',
    problems: [],
    infos: ['params.connect_redirect'],
  },
  {
    name: 'a URL copied out of JSON, quotes and all',
    url: `"${auth(good())}"`,
    ctx: service,
    kind: 'authorize',
    problems: [],
  },
  {
    name: 'no profile: the domain check is skipped and said so',
    url: auth(good()),
    kind: 'authorize',
    problems: [],
    infos: ['domain.unchecked'],
  },

  // --- samples copied from the docs ------------------------------------------------------------------
  {
    name: "the old doc's sample with state=123",
    url: `${AUTH}?appid=wx520c15f417810387&redirect_uri=https%3A%2F%2Fchong.qq.com%2Fphp%2Findex.php%3Fd%3D%26c%3DwxAdapter%26m%3DmobileDeal%26showwxpaytitle%3D1%26vb2ctag%3D4_2030_5_1194_60&response_type=code&scope=snsapi_base&state=123#wechat_redirect`,
    kind: 'authorize',
    problems: ['state.placeholder'],
  },
  {
    name: "the doc's state=STATE copied verbatim, over http",
    url: `${AUTH}?appid=${OA}&redirect_uri=http%3A%2F%2Fdevelopers.weixin.qq.com&response_type=code&scope=snsapi_userinfo&state=STATE#wechat_redirect`,
    kind: 'authorize',
    problems: ['state.placeholder'],
    infos: ['redirect_uri.http'],
  },

  // --- endpoint ------------------------------------------------------------------------------------
  {
    name: 'host typo open.weixin.qq.con',
    url: `https://open.weixin.qq.con/connect/oauth2/authorize?${good()}#wechat_redirect`,
    ctx: service,
    kind: 'authorize',
    problems: ['endpoint.host'],
    params: [['endpoint.host', 'host', 'open.weixin.qq.con']],
  },
  {
    name: 'mp.weixin.qq.com instead of open.weixin.qq.com',
    url: `https://mp.weixin.qq.com/connect/oauth2/authorize?${good()}#wechat_redirect`,
    ctx: service,
    kind: 'authorize',
    problems: ['endpoint.host'],
  },
  {
    name: 'path /connect/oauth/authorize (oauth2 typed as oauth)',
    url: `https://open.weixin.qq.com/connect/oauth/authorize?${good()}#wechat_redirect`,
    ctx: service,
    kind: 'authorize',
    problems: ['endpoint.path'],
    params: [['endpoint.path', 'expected', '/connect/oauth2/authorize']],
  },
  {
    name: 'path /connect/qrConnect with a capital C',
    url: `https://open.weixin.qq.com/connect/qrConnect?appid=${WEB}&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fcb&response_type=code&scope=snsapi_login&state=${STATE}#wechat_redirect`,
    ctx: website,
    kind: 'qrconnect',
    problems: ['endpoint.path'],
  },
  {
    name: 'http:// instead of https://',
    url: `http://open.weixin.qq.com/connect/oauth2/authorize?${good()}#wechat_redirect`,
    ctx: service,
    kind: 'authorize',
    problems: ['endpoint.http'],
  },
  {
    name: 'no scheme at all (pasted from a chat)',
    url: `open.weixin.qq.com/connect/oauth2/authorize?${good()}#wechat_redirect`,
    ctx: service,
    kind: 'authorize',
    problems: ['endpoint.no_scheme'],
  },

  // --- parameters ----------------------------------------------------------------------------------
  {
    name: 'parameters sorted alphabetically except appid first (scope before redirect_uri)',
    url: auth(`appid=${OA}&scope=snsapi_base&redirect_uri=${CB}&response_type=code&state=${STATE}`),
    ctx: service,
    kind: 'authorize',
    problems: ['params.order'],
    params: [['params.order', 'actual', ['appid', 'scope', 'redirect_uri', 'response_type', 'state']]],
  },
  {
    name: 'response_type first, as some SDKs build it',
    url: auth(`response_type=code&appid=${OA}&redirect_uri=${CB}&scope=snsapi_userinfo&state=${STATE}`),
    ctx: service,
    kind: 'authorize',
    problems: ['params.order'],
  },
  {
    name: 'missing response_type',
    url: auth(`appid=${OA}&redirect_uri=${CB}&scope=snsapi_base&state=${STATE}`),
    ctx: service,
    kind: 'authorize',
    problems: ['params.missing'],
    params: [['params.missing', 'name', 'response_type']],
  },
  {
    name: 'an unquoted URL cut by the shell at the first &',
    url: `${AUTH}?appid=${OA}`,
    ctx: service,
    kind: 'authorize',
    problems: ['input.truncated', 'params.missing', 'fragment.missing', 'state.absent'],
    params: [['input.truncated', 'name', 'appid']],
  },
  {
    name: 'missing scope (WeChat: 10010 scope不能为空)',
    url: auth(`appid=${OA}&redirect_uri=${CB}&response_type=code&state=${STATE}`),
    ctx: service,
    kind: 'authorize',
    problems: ['params.missing'],
    params: [['params.missing', 'errcode', '10010']],
  },
  {
    name: 'redirect_url instead of redirect_uri',
    url: auth(`appid=${OA}&redirect_url=${CB}&response_type=code&scope=snsapi_base&state=${STATE}`),
    ctx: service,
    kind: 'authorize',
    problems: ['params.missing', 'params.misspelt'],
    params: [
      ['params.misspelt', 'suggestion', 'redirect_uri'],
      ['params.missing', 'name', 'redirect_uri'],
    ],
  },
  {
    name: 'appId in camelCase',
    url: auth(`appId=${OA}&redirect_uri=${CB}&response_type=code&scope=snsapi_base&state=${STATE}`),
    ctx: service,
    kind: 'authorize',
    problems: ['params.missing', 'params.misspelt'],
    params: [['params.misspelt', 'suggestion', 'appid']],
  },
  {
    name: 'client_id in front, as generic OAuth libraries add it (WeChat ignores it)',
    url: auth(`client_id=${OA}&` + good()),
    ctx: service,
    kind: 'authorize',
    problems: ['params.unknown'],
    params: [['params.unknown', 'name', 'client_id']],
  },
  {
    name: 'the AppSecret appended to the link (a leak every phone sees), and an access_token',
    url: auth(good() + '&secret=0123456789abcdef0123456789abcdef&access_token=86_abcdefghijklmnop'),
    ctx: service,
    kind: 'authorize',
    problems: ['params.secret', 'params.token'],
    params: [['params.secret', 'name', 'secret'], ['params.token', 'name', 'access_token']],
  },
  {
    name: 'names that only end like a secret’s (WeChat’s own pass_ticket, an invite_code) are unknown parameters, not leaks',
    url: auth(good() + '&invite_code=abc123&pass_ticket=xyz'),
    ctx: service,
    kind: 'authorize',
    // pass_ticket is WeChat's own hop marker (params.wechat_hop), not a leak of the account's.
    problems: ['params.unknown', 'params.wechat_hop'],
  },
  {
    name: 'an AppSecret and a token in the redirect_uri’s own query go out with the link too: errors, and the values shown masked',
    url: auth(good({ redirect_uri: encodeURIComponent('https://www.example.com/oauth/callback?secret=9f8e7d6c5b4a39281706f5e4d3c2b1a0&access_token=ABCDEFGHIJKLMNOPQRSTUVWXYZ&from=menu') })),
    ctx: service,
    kind: 'authorize',
    problems: ['params.secret', 'params.token'],
    params: [
      ['params.secret', 'name', 'redirect_uri → secret'],
      ['params.token', 'name', 'redirect_uri → access_token'],
    ],
  },
  {
    name: 'state twice (added by both the SDK and the app)',
    url: auth(good() + '&state=again'),
    ctx: service,
    kind: 'authorize',
    problems: ['params.duplicate'],
    params: [['params.duplicate', 'name', 'state']],
  },
  {
    name: 'empty appid from an unset environment variable',
    url: auth(good({ appid: '' })),
    ctx: service,
    kind: 'authorize',
    problems: ['params.empty'],
    params: [['params.empty', 'errcode', '10012']],
  },
  {
    name: '&amp; copied out of an HTML attribute: that error alone (the state that is there is not also called absent)',
    url: auth(good().replace(/&/g, '&amp;')),
    ctx: service,
    kind: 'authorize',
    problems: ['params.html_escaped'],
  },
  // API-FACTS §1.3 reports only `{a:1,b:2}`-style states coming back altered; WeChat and the emulator
  // accept a UUID or base64url state: a warning, not an error (issue 12 item 2).
  {
    name: 'a UUID state on authorize',
    url: auth(good({ state: '3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f' })),
    ctx: service,
    kind: 'authorize',
    problems: ['state.charset_unreserved'],
    params: [['state.charset_unreserved', 'chars', '-']],
  },
  {
    name: 'a base64url state with a dot (JWT-like) on qrconnect',
    url: `${QR}?appid=${WEB}&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fcb&response_type=code&scope=snsapi_login&state=eyJh_bGc.iOi-JI#wechat_redirect`,
    ctx: website,
    kind: 'qrconnect',
    problems: ['state.charset_unreserved'],
    params: [['state.charset_unreserved', 'chars', '_ . -']],
  },
  {
    name: 'a JSON state: still an error on authorize',
    url: auth(good({ state: encodeURIComponent('{a:1,b-2}') })),
    ctx: service,
    kind: 'authorize',
    problems: ['state.charset', 'state.charset_unreserved'],
    params: [['state.charset', 'chars', '{ : , }']],
  },
  {
    name: 'a lone % in state',
    url: auth(good({ state: '100%' })),
    ctx: service,
    kind: 'authorize',
    problems: ['params.bad_encoding', 'state.charset'],
  },
  {
    name: 'response_type=token (implicit flow habits)',
    url: auth(good({ response_type: 'token' })),
    ctx: service,
    kind: 'authorize',
    problems: ['response_type.invalid'],
  },

  // --- scope ---------------------------------------------------------------------------------------
  {
    name: 'snsapi_login on the authorize endpoint (10005)',
    url: auth(good({ scope: 'snsapi_login' })),
    ctx: service,
    kind: 'authorize',
    problems: ['scope.login_on_authorize'],
  },
  {
    name: 'snsapi_userinfo on qrconnect (该链接无法访问)',
    url: `${QR}?appid=${WEB}&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fcb&response_type=code&scope=snsapi_userinfo&state=${STATE}#wechat_redirect`,
    ctx: website,
    kind: 'qrconnect',
    problems: ['scope.oa_on_qrconnect'],
  },
  {
    name: 'the WeCom scope snsapi_privateinfo',
    url: auth(good({ scope: 'snsapi_privateinfo' })),
    ctx: service,
    kind: 'authorize',
    problems: ['scope.unknown'],
  },
  {
    name: 'snsapi_userInfo with a capital I',
    url: auth(good({ scope: 'snsapi_userInfo' })),
    ctx: service,
    kind: 'authorize',
    problems: ['scope.misspelt'],
    params: [['scope.misspelt', 'suggestion', 'snsapi_userinfo']],
  },
  {
    name: 'snsapi_userifno, two letters swapped: did you mean snsapi_userinfo',
    url: auth(good({ scope: 'snsapi_userifno' })),
    ctx: service,
    kind: 'authorize',
    problems: ['scope.misspelt'],
    params: [['scope.misspelt', 'suggestion', 'snsapi_userinfo']],
  },
  {
    name: "a slip on qrconnect's scope is said with snsapi_login, never an official account's scope",
    url: `${QR}?appid=${WEB}&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fcb&response_type=code&scope=snsapi_logni&state=${STATE}#wechat_redirect`,
    ctx: website,
    kind: 'qrconnect',
    problems: ['scope.misspelt'],
    params: [['scope.misspelt', 'suggestion', 'snsapi_login']],
  },
  {
    name: 'two scopes at once',
    url: auth(good({ scope: 'snsapi_base,snsapi_userinfo' })),
    ctx: service,
    kind: 'authorize',
    problems: ['scope.multiple'],
  },

  // --- fragment ------------------------------------------------------------------------------------
  {
    name: 'authorize without #wechat_redirect',
    url: auth(good(), ''),
    ctx: service,
    kind: 'authorize',
    problems: ['fragment.missing'],
  },
  {
    name: 'state appended after #wechat_redirect',
    url: auth(good().replace(`&state=${STATE}`, ''), `#wechat_redirect&state=${STATE}`),
    ctx: service,
    kind: 'authorize',
    problems: ['fragment.params_after', 'state.absent'],
  },
  {
    // Before: "WeChat does not know the parameter uin" (and key, pass_ticket), three times over.
    name: "a link copied from WeChat's address bar (WeChat's own connect_redirect, uin, key, pass_ticket)",
    url: auth(good() + '&connect_redirect=1&uin=MTIzNDU2&key=abc123&pass_ticket=xyz789'),
    ctx: service,
    kind: 'authorize',
    problems: ['params.wechat_hop'],
    infos: ['params.connect_redirect'],
    params: [
      ['params.wechat_hop', 'names', ['uin', 'key', 'pass_ticket']],
      ['params.wechat_hop', 'remove', ['uin', 'key', 'pass_ticket', 'connect_redirect']],
    ],
  },
  {
    name: 'uin, key, pass_ticket without connect_redirect: the fix names only those',
    url: auth(good() + '&uin=MTIzNDU2&key=abc123&pass_ticket=xyz789'),
    ctx: service,
    kind: 'authorize',
    problems: ['params.wechat_hop'],
    params: [['params.wechat_hop', 'remove', ['uin', 'key', 'pass_ticket']]],
  },
  {
    name: 'a parameter of your own called key is still unknown to WeChat',
    url: auth(good() + '&key=abc123'),
    ctx: service,
    kind: 'authorize',
    problems: ['params.unknown'],
  },
  {
    // Before: the path "/connect/oauth2/authorize？appid＝…" was wrong and every parameter "missing".
    name: 'full-width ？ ＝ ＆ typed with a Chinese input method',
    url: auth(good()).replace('?appid=', '？appid＝').replace('&redirect_uri', '＆redirect_uri'),
    ctx: service,
    kind: 'authorize',
    problems: ['input.fullwidth'],
    params: [['input.fullwidth', 'chars', '？ ＝ ＆']],
  },
  {
    name: 'a callback whose ？ ＝ ＆ a chat app made full-width is read as meant, with a note',
    url: `https://www.example.com/oauth/callback？code＝041cQ8ll2nWy5c42enol2R2DZX2cQ8ly＆state＝${STATE}`,
    ctx: { ...service, rememberedState: STATE },
    kind: 'callback',
    problems: [],
    infos: ['input.fullwidth_callback', 'callback.state_ok'],
  },
  {
    // Before: the state as written was `abc123＆code＝…` and there was no code: "the user refused".
    name: 'a callback with an ASCII ? and = but a full-width ＆ ＝ after its state: its code is read',
    url: `https://www.example.com/oauth/callback?state=${STATE}＆code＝041cQ8ll2nWy5c42enol2R2DZX2cQ8ly`,
    ctx: { ...service, rememberedState: STATE },
    kind: 'callback',
    problems: [],
    infos: ['input.fullwidth_callback', 'callback.state_ok'],
  },
  {
    // Before: a code of 72 characters ("callback.code_shape") and no state.
    name: 'a callback with an ASCII ? and = but a full-width ＆ ＝ after its code: its state is read',
    url: `https://www.example.com/oauth/callback?code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly＆state＝${STATE}`,
    ctx: { ...service, rememberedState: STATE },
    kind: 'callback',
    problems: [],
    infos: ['input.fullwidth_callback', 'callback.state_ok'],
  },
  {
    name: 'only #wechat_redirect typed full-width (＃wechat_redirect)',
    url: auth(good(), '＃wechat_redirect'),
    ctx: service,
    kind: 'authorize',
    problems: ['input.fullwidth'],
    params: [['input.fullwidth', 'chars', '＃']],
  },
  // A full-width character inside a value is the value's text: the browser percent-encodes it and
  // WeChat decodes it back. Before: every ？＆＝＃ in the input was made ASCII, with false errors.
  {
    name: 'full-width ＃ inside the (encoded) redirect_uri’s own query value',
    url: auth(good({ redirect_uri: 'https%3A%2F%2Fm.example.com%2Fcb%3Ftitle%3D第１期＃特刊' })),
    kind: 'authorize',
    problems: [],
  },
  {
    name: 'full-width ？ at the end of the redirect_uri’s own query value',
    url: auth(good({ redirect_uri: 'https%3A%2F%2Fm.example.com%2Fcb%3Fq%3D价格？' })),
    kind: 'authorize',
    problems: [],
  },
  {
    name: 'a callback whose own parameter has a full-width ＃ in its value',
    url: 'https://m.example.com/cb?title=第＃1期&code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=abc123',
    kind: 'callback',
    problems: [],
    infos: ['callback.state_unverified'],
  },
  {
    // Read as a callback before (its state made it "the user refused"): WeChat gets none of the parameters.
    name: '#wechat_redirect written before the query',
    url: `${AUTH}#wechat_redirect?${good()}`,
    ctx: service,
    kind: 'authorize',
    problems: ['fragment.before_query'],
  },
  {
    name: '#wechat_redirect before the query, on qrconnect, with an unencoded redirect_uri',
    url: `${QR}?#wechat_redirect&appid=${WEB}&redirect_uri=https://passport.yhd.com/cb&response_type=code&scope=snsapi_login&state=${STATE}`,
    ctx: website,
    kind: 'qrconnect',
    problems: ['fragment.before_query', 'redirect_uri.not_encoded'],
  },
  {
    name: 'misspelt fragment #wechat_redict',
    url: auth(good(), '#wechat_redict'),
    ctx: service,
    kind: 'authorize',
    problems: ['fragment.wrong'],
  },

  // --- redirect_uri --------------------------------------------------------------------------------
  {
    name: 'redirect_uri not encoded (no query of its own)',
    url: auth(good({ redirect_uri: 'https://www.example.com/oauth/callback' })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.not_encoded'],
  },
  {
    name: 'redirect_uri not encoded, its own query cut off at &',
    url: auth(good({ redirect_uri: 'https://www.example.com/cb?from=menu&id=42' })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.query_split'],
    params: [['redirect_uri.query_split', 'lost', 'id=42']],
  },
  {
    name: 'hash-route redirect_uri not encoded: the rest of the URL falls into the fragment',
    url: `${AUTH}?appid=${OA}&redirect_uri=https://www.example.com/#/login&response_type=code&scope=snsapi_base&state=${STATE}#wechat_redirect`,
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.hash_unencoded', 'redirect_uri.not_encoded'],
    params: [['redirect_uri.hash_unencoded', 'lost', ['response_type', 'scope', 'state']]],
  },
  {
    name: 'hash-route redirect_uri, encoded: the code will land in the fragment',
    url: auth(good({ redirect_uri: encodeURIComponent('https://www.example.com/#/login') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.fragment'],
  },
  {
    name: 'redirect_uri encoded twice',
    url: auth(good({ redirect_uri: encodeURIComponent(CB) })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.double_encoded'],
  },
  {
    // Before: "has no http:// or https://", with a fix ("encoded once") that did not say what was wrong.
    name: 'redirect_uri encoded three times',
    url: auth(good({ redirect_uri: encodeURIComponent(encodeURIComponent(CB)) })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.encoded_many'],
    params: [['redirect_uri.encoded_many', 'times', 3]],
  },
  {
    name: 'CR/LF at the end of redirect_uri (copied from menu JSON)',
    url: auth(good({ redirect_uri: CB + '%0D%0A' })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.whitespace'],
    params: [['redirect_uri.whitespace', 'chars', '\\r \\n']],
  },
  {
    name: 'a raw line break inside the pasted redirect_uri',
    url: auth(good({ redirect_uri: 'https%3A%2F%2Fwww.example.com%2Foauth\n%2Fcallback' })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.whitespace'],
  },
  {
    name: 'a space in redirect_uri',
    url: auth(good({ redirect_uri: encodeURIComponent('https://www.example.com/oauth/call back') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.whitespace'],
  },
  {
    name: 'redirect_uri without a scheme',
    url: auth(good({ redirect_uri: encodeURIComponent('www.example.com/oauth/callback') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.no_scheme'],
  },
  {
    name: 'redirect_uri as localhost:3000/callback (reads as scheme "localhost")',
    url: auth(good({ redirect_uri: encodeURIComponent('localhost:3000/callback') })),
    kind: 'authorize',
    problems: ['redirect_uri.no_scheme'],
  },
  {
    name: 'protocol-relative redirect_uri',
    url: auth(good({ redirect_uri: encodeURIComponent('//www.example.com/oauth/callback') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.no_scheme'],
  },
  {
    name: 'a redirect_uri with its scheme and a host no host name can be (a control character, a bad port)',
    url: auth(good({ redirect_uri: encodeURIComponent('https://ev\u001b[2Jil.com:80a/cb') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.invalid'],
  },
  {
    name: 'relative redirect_uri',
    url: auth(good({ redirect_uri: encodeURIComponent('/auth/wechat/callback') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.relative'],
  },
  {
    name: 'an app deep link as redirect_uri',
    url: auth(good({ redirect_uri: encodeURIComponent('myapp://oauth/callback') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.bad_scheme'],
    params: [['redirect_uri.bad_scheme', 'scheme', 'myapp']],
  },
  {
    name: 'the placeholder REDIRECT_URI left in',
    url: auth(good({ redirect_uri: 'REDIRECT_URI' })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.no_scheme'],
  },
  {
    name: 'redirect_uri reusing the current page URL, old code and all',
    url: auth(good({ redirect_uri: encodeURIComponent('https://www.example.com/home?code=061eY9xX08tQu02IH4wX05BjxX0eY9xA&state=abc') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.carries_code'],
  },
  {
    name: 'localhost on the authorize endpoint (the redirect happens on the phone)',
    url: auth(good({ redirect_uri: encodeURIComponent('http://localhost:8080/cb') })),
    kind: 'authorize',
    problems: ['redirect_uri.loopback_phone', 'redirect_uri.port'],
  },
  {
    // The emulator's authorize page opens in a desktop browser, which reaches localhost.
    name: 'localhost on the authorize endpoint of the emulator (an open base other than WeChat\'s): no phone warning',
    url: `http://127.0.0.1:3900/connect/oauth2/authorize?${good({ redirect_uri: encodeURIComponent('http://localhost:8080/cb') })}#wechat_redirect`,
    ctx: { openBase: 'http://127.0.0.1:3900' },
    kind: 'authorize',
    problems: ['redirect_uri.port'],
  },
  {
    name: 'a real WeChat URL with localhost, inspected by a profile aimed at the emulator: still the phone warning',
    url: auth(good({ redirect_uri: encodeURIComponent('http://localhost:8080/cb') })),
    ctx: { openBase: 'http://127.0.0.1:3900' },
    kind: 'authorize',
    problems: ['redirect_uri.loopback_phone', 'redirect_uri.port'],
    infos: ['endpoint.real_wechat'],
  },
  {
    name: 'an emulator URL with https (the emulator speaks http): the scheme is wrong, not the host',
    url: `https://127.0.0.1:3900/connect/oauth2/authorize?${good()}#wechat_redirect`,
    ctx: { openBase: 'http://127.0.0.1:3900' },
    kind: 'authorize',
    problems: ['endpoint.scheme'],
  },
  {
    name: 'localhost on the authorize endpoint, open base given as WeChat\'s own: still the phone warning',
    url: auth(good({ redirect_uri: encodeURIComponent('http://localhost:8080/cb') })),
    ctx: { openBase: 'https://open.weixin.qq.com' },
    kind: 'authorize',
    problems: ['redirect_uri.loopback_phone', 'redirect_uri.port'],
  },
  {
    name: 'a LAN IP with a port on a service account without a configured domain',
    url: auth(good({ redirect_uri: encodeURIComponent('http://192.168.1.10:8080/cb') })),
    ctx: { profile: { appid: OA, type: 'service' } },
    kind: 'authorize',
    problems: ['redirect_uri.ip', 'redirect_uri.port'],
  },
  {
    name: 'http where the account is set up for https',
    url: auth(good({ redirect_uri: encodeURIComponent('http://www.example.com/oauth/callback') })),
    ctx: { profile: { ...service.profile, redirectUri: 'https://www.example.com/oauth/callback' } },
    kind: 'authorize',
    problems: ['redirect_uri.scheme_mismatch'],
  },

  {
    name: 'a raw space in state, the query going on after it: the state is what is wrong, not a cut URL',
    url: auth(good({ state: 'hello world' })),
    ctx: service,
    kind: 'authorize',
    problems: ['state.whitespace'],
    params: [['state.whitespace', 'head', 'hello']],
  },
  {
    name: 'a space in state sent encoded (%20): outside a-zA-Z0-9, nothing cut',
    url: auth(good({ state: 'hello%20world' })),
    ctx: service,
    kind: 'authorize',
    problems: ['state.charset'],
  },

  // --- the authority as WeChat reads it: written, not as WHATWG's parser normalises it (10003) -------
  {
    name: 'a user name before the host (WHATWG drops it; WeChat compares the host as written)',
    url: auth(good({ redirect_uri: encodeURIComponent('https://user@www.example.com/cb') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.userinfo'],
    params: [['redirect_uri.userinfo', 'userinfo', 'user']],
  },
  {
    name: 'a user name and password, and an encoded # in it: the password is not repeated',
    url: auth(good({ redirect_uri: encodeURIComponent('http://a%23:s3cret@localhost/cb') })),
    ctx: { profile: { appid: OA, type: 'test', domain: 'localhost' } },
    kind: 'authorize',
    problems: ['redirect_uri.userinfo', 'redirect_uri.loopback_phone'],
    params: [['redirect_uri.userinfo', 'userinfo', 'a%23:…']],
  },
  {
    name: 'full-width letters in the host (WHATWG maps them to ASCII; WeChat does not)',
    url: auth(good({ redirect_uri: encodeURIComponent('http://ｌｏｃａｌｈｏｓｔ/cb') })),
    ctx: { profile: { appid: OA, type: 'test', domain: 'localhost' } },
    kind: 'authorize',
    problems: ['redirect_uri.host_non_ascii', 'redirect_uri.loopback_phone'],
    params: [['redirect_uri.host_non_ascii', 'ascii', 'localhost']],
  },
  {
    name: 'an internationalised domain as written: its xn-- form is the fix',
    url: auth(good({ redirect_uri: encodeURIComponent('https://例子.中国/cb') })),
    kind: 'authorize',
    problems: ['redirect_uri.host_non_ascii'],
    params: [['redirect_uri.host_non_ascii', 'ascii', 'xn--fsqu00a.xn--fiqs8s']],
  },
  {
    name: 'the default port written out on a service account (WHATWG drops it; the doc refuses "a port", undocumented for a default one): a warning',
    url: auth(good({ redirect_uri: encodeURIComponent('https://www.example.com:443/cb') })),
    ctx: service,
    kind: 'authorize',
    problems: ['redirect_uri.default_port'],
    params: [['redirect_uri.default_port', 'hostport', 'www.example.com:443']],
  },
  {
    name: 'the default port written out, account type unknown: a warning, as for any port',
    url: auth(good({ redirect_uri: encodeURIComponent('http://www.example.com:80/cb') })),
    kind: 'authorize',
    problems: ['redirect_uri.default_port'],
  },
  {
    name: 'the default port written out on a test account: its configured host:port decides',
    url: auth(good({ redirect_uri: encodeURIComponent('http://82.157.150.202:80/wx/cb') })),
    ctx: { profile: { appid: OA, type: 'test', domain: '82.157.150.202' } },
    kind: 'authorize',
    problems: [],
  },
  {
    name: 'the default port written out on a URL to the emulator, which reads it as the default: a warning',
    url: `http://127.0.0.1:3900/connect/oauth2/authorize?${good({ redirect_uri: encodeURIComponent('http://localhost:80/cb') })}#wechat_redirect`,
    ctx: { profile: { appid: OA, type: 'service', domain: 'localhost' }, openBase: 'http://127.0.0.1:3900' },
    kind: 'authorize',
    problems: ['redirect_uri.default_port'],
  },
  {
    name: 'an empty port after the host is no port',
    url: auth(good({ redirect_uri: encodeURIComponent('https://www.example.com:/cb') })),
    ctx: service,
    kind: 'authorize',
    problems: [],
  },

  // --- callback domain -----------------------------------------------------------------------------
  {
    name: 'a different host than the configured domain (10003)',
    url: auth(good({ redirect_uri: encodeURIComponent('https://api.other.com/cb') })),
    ctx: service,
    kind: 'authorize',
    problems: ['domain.host'],
  },
  {
    name: 'a test account\'s redirect on another IP:port: the domain to configure names the port too',
    url: auth(good({ redirect_uri: encodeURIComponent('http://192.168.77.5:8080/callback') })),
    ctx: { profile: { appid: OA, type: 'test', domain: '127.0.0.1:8080' } },
    kind: 'authorize',
    problems: ['domain.host'],
    params: [['domain.host', 'configure', '192.168.77.5:8080']],
  },
  {
    name: 'a subdomain of the configured domain',
    url: auth(good({ redirect_uri: encodeURIComponent('https://m.example.com/cb') })),
    ctx: { profile: { appid: OA, type: 'service', domain: 'example.com' } },
    kind: 'authorize',
    problems: ['domain.subdomain'],
  },
  {
    name: 'the parent of the configured domain (www. dropped)',
    url: auth(good({ redirect_uri: encodeURIComponent('https://example.com/cb') })),
    ctx: service,
    kind: 'authorize',
    problems: ['domain.parent'],
  },
  {
    name: 'a port on a service account',
    url: auth(good({ redirect_uri: encodeURIComponent('https://www.example.com:8443/cb') })),
    ctx: service,
    kind: 'authorize',
    problems: ['domain.port'],
  },
  {
    name: 'test account, wrong port',
    url: auth(good({ redirect_uri: encodeURIComponent('http://82.157.150.202:7003/cb') })),
    ctx: testAccount,
    kind: 'authorize',
    problems: ['domain.port'],
  },
  {
    name: 'test account, port missing from the redirect_uri',
    url: auth(good({ redirect_uri: encodeURIComponent('http://82.157.150.202/cb') })),
    ctx: testAccount,
    kind: 'authorize',
    problems: ['domain.port'],
  },

  // --- state ---------------------------------------------------------------------------------------
  {
    name: 'no state at all',
    url: auth(good().replace(`&state=${STATE}`, '')),
    ctx: service,
    kind: 'authorize',
    problems: ['state.absent'],
  },
  {
    name: 'a UUID as state (dashes)',
    url: auth(good({ state: '550e8400-e29b-41d4-a716-446655440000' })),
    ctx: service,
    kind: 'authorize',
    problems: ['state.charset_unreserved'],
    params: [['state.charset_unreserved', 'chars', '-']],
  },
  {
    name: 'JSON packed into state',
    url: auth(good({ state: encodeURIComponent('{"from":"menu"}') })),
    ctx: service,
    kind: 'authorize',
    problems: ['state.charset'],
  },
  {
    name: 'a 200-byte state',
    url: auth(good({ state: 'a'.repeat(200) })),
    ctx: service,
    kind: 'authorize',
    problems: ['state.too_long'],
    params: [['state.too_long', 'bytes', 200]],
  },
  {
    name: 'underscore in a qrconnect state is only a warning',
    url: `${QR}?appid=${WEB}&redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fcb&response_type=code&scope=snsapi_login&state=login_42#wechat_redirect`,
    ctx: website,
    kind: 'qrconnect',
    problems: ['state.charset_unreserved'],
  },

  // --- appid ---------------------------------------------------------------------------------------
  {
    name: 'appid=APPID placeholder',
    url: auth(good({ appid: 'APPID' })),
    ctx: service,
    kind: 'authorize',
    problems: ['appid.placeholder'],
  },
  {
    name: 'an appid that is too short',
    url: auth(good({ appid: 'wx807d86fb6b3d4f' })),
    ctx: service,
    kind: 'authorize',
    problems: ['appid.shape'],
  },
  {
    name: "an appid in upper case that is the profile's in lower case: said so, with the lower-case form",
    url: auth(good({ appid: OA.toUpperCase() })),
    ctx: service,
    kind: 'authorize',
    problems: ['appid.upper_case_profile'],
    params: [['appid.upper_case_profile', 'lower', OA], ['appid.upper_case_profile', 'appid', OA.toUpperCase()]],
  },
  {
    name: 'upper-case hex digits after wx, no profile: the lower-case form',
    url: auth(good({ appid: 'wx807D86FB6b3d4fd2' })),
    kind: 'authorize',
    problems: ['appid.upper_case'],
    params: [['appid.upper_case', 'lower', OA]],
  },
  {
    name: 'an upper-case appid of another account: its lower-case form, and the profile mismatch',
    url: auth(good({ appid: WEB.toUpperCase() })),
    ctx: service,
    kind: 'authorize',
    problems: ['appid.upper_case', 'appid.profile_mismatch'],
  },
  {
    name: 'a WeCom corpid',
    url: auth(good({ appid: 'ww1234567890abcdef' })),
    ctx: service,
    kind: 'authorize',
    problems: ['appid.wecom'],
  },
  {
    name: "another account's appid",
    url: auth(good({ appid: 'wx0123456789abcdef' })),
    ctx: service,
    kind: 'authorize',
    problems: ['appid.profile_mismatch'],
  },
  {
    name: 'a website-app appid on authorize (10016)',
    url: auth(good({ appid: WEB, redirect_uri: encodeURIComponent('https://passport.yhd.com/cb') })),
    ctx: website,
    kind: 'authorize',
    problems: ['appid.website_on_authorize'],
  },
  {
    name: 'a service-account appid on qrconnect',
    url: `${QR}?appid=${OA}&redirect_uri=${CB}&response_type=code&scope=snsapi_login&state=${STATE}#wechat_redirect`,
    ctx: service,
    kind: 'qrconnect',
    problems: ['appid.oa_on_qrconnect'],
  },
  {
    name: 'a subscription account (no web-auth rights, 10005)',
    url: auth(good()),
    ctx: { profile: { appid: OA, type: 'subscription', domain: 'www.example.com' } },
    kind: 'authorize',
    problems: ['appid.subscription'],
  },

  // --- callbacks -----------------------------------------------------------------------------------
  {
    name: 'a callback whose state matches the remembered one',
    url: `https://www.example.com/oauth/callback?code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=${STATE}`,
    ctx: { ...service, rememberedState: STATE },
    kind: 'callback',
    problems: [],
    infos: ['callback.state_ok'],
  },
  {
    name: 'a callback with a different state',
    url: `https://www.example.com/oauth/callback?code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=somethingElse`,
    ctx: { ...service, rememberedState: STATE },
    kind: 'callback',
    problems: ['callback.state_mismatch'],
  },
  {
    name: 'a callback without state when one was remembered',
    url: `https://www.example.com/oauth/callback?code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly`,
    ctx: { rememberedState: STATE },
    kind: 'callback',
    problems: ['callback.state_missing'],
  },
  {
    name: 'the user refused: state only, no code',
    url: `https://www.example.com/oauth/callback?state=${STATE}`,
    ctx: { rememberedState: STATE },
    kind: 'callback',
    problems: ['callback.denied'],
  },
  {
    name: 'hash route: the code landed inside the fragment',
    url: `https://www.netpad.net.cn/oauthui/#/login/wechat?code=061eY9xX08tQu02IH4wX05BjxX0eY9xA&state=${STATE}`,
    ctx: { rememberedState: STATE },
    kind: 'callback',
    problems: ['callback.code_in_fragment'],
  },
  {
    name: 'two codes: the redirect_uri already carried an old one',
    url: `https://www.example.com/home?code=061eY9xX08tQu02IH4wX05BjxX0eY9xA&state=abc&code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=def`,
    kind: 'callback',
    problems: ['callback.code_duplicate', 'callback.state_duplicate'],
  },
  {
    name: "WeChat's internal hop markers on the callback",
    url: `https://www.example.com/cb?code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=${STATE}&connect_redirect=1&uin=MTIzNDU2&key=abc&pass_ticket=xyz`,
    ctx: { rememberedState: STATE },
    kind: 'callback',
    problems: ['callback.wechat_hop'],
  },
  {
    name: 'a code already seen (second hit)',
    url: `https://www.example.com/cb?code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=${STATE}`,
    ctx: { rememberedState: STATE, seenCodes: ['041cQ8ll2nWy5c42enol2R2DZX2cQ8ly'] },
    kind: 'callback',
    problems: ['callback.code_seen'],
  },
  {
    name: 'a callback on a host and path that sound like WeChat',
    url: `https://wechat.example.com/oauth/authorize/callback?code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=${STATE}`,
    ctx: { rememberedState: STATE },
    kind: 'callback',
    problems: [],
    infos: ['callback.state_ok'],
  },
  {
    name: "an emulator URL inspected without --open-base: the host is not WeChat's",
    url: `http://127.0.0.1:3900/connect/oauth2/authorize?${good()}#wechat_redirect`,
    ctx: service,
    kind: 'authorize',
    problems: ['endpoint.host'],
  },
  {
    name: 'the same emulator URL with its open base given',
    url: `http://127.0.0.1:3900/connect/oauth2/authorize?${good()}#wechat_redirect`,
    ctx: { ...service, openBase: 'http://127.0.0.1:3900' },
    kind: 'authorize',
    problems: [],
  },
  {
    name: 'just the query, pasted from the server log',
    url: `code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=${STATE}`,
    kind: 'callback',
    problems: [],
    infos: ['callback.state_unverified'],
  },
  {
    name: 'a callback with no state and nothing remembered',
    url: `https://www.example.com/cb?code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly`,
    kind: 'callback',
    problems: ['callback.no_state'],
  },
  {
    name: 'a truncated code',
    url: `https://www.example.com/cb?code=041cQ8ll2nWy5c42&state=${STATE}`,
    ctx: { rememberedState: STATE },
    kind: 'callback',
    problems: ['callback.code_shape'],
  },
  {
    name: 'an empty code',
    url: `https://www.example.com/cb?code=&state=${STATE}`,
    ctx: { rememberedState: STATE },
    kind: 'callback',
    problems: ['callback.code_empty'],
  },

  // --- not a WeChat URL ----------------------------------------------------------------------------
  {
    name: 'an empty string',
    url: '   ',
    kind: 'unknown',
    problems: ['input.empty'],
  },
  {
    name: 'some other URL',
    url: 'https://www.example.com/about',
    kind: 'unknown',
    problems: ['input.unrecognised'],
  },
];

describe('inspectUrl table', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(c.name, () => {
      const result = inspectUrl(c.url, c.ctx);
      expect(result.kind).toBe(c.kind);
      const problems = [...new Set(result.findings.filter((f) => f.severity !== 'info').map((f) => f.id))].sort();
      expect(problems).toEqual([...c.problems].sort());
      const ids = result.findings.map((f) => f.id);
      for (const info of c.infos ?? []) expect(ids).toContain(info);
      for (const info of c.noInfos ?? []) expect(ids).not.toContain(info);
      for (const [id, name, value] of c.params ?? []) {
        const finding = result.findings.find((f) => f.id === id);
        expect(finding, id).toBeDefined();
        expect(finding?.params[name]).toEqual(value);
      }
      // Every finding renders completely: no placeholder left unfilled, in either language ({p}, the
      // profile flag, is the presenter's: ui/findings.ts).
      for (const f of result.findings) {
        for (const key of Object.values(findingKeys(f.id))) {
          for (const lang of ['zh', 'en'] as const) expect(tKey(lang, key, { ...f.params, p: '' }), `${key} (${lang})`).not.toMatch(/\{\w+\}/);
        }
      }
      const errors = result.findings.some((f) => f.severity === 'error');
      expect(hasErrors(result)).toBe(errors);
    });
  }
});

describe('full-width characters inside a value', () => {
  it('are kept in the value as written, not read as separators', () => {
    const q = inspectUrl(auth(good({ redirect_uri: 'https%3A%2F%2Fm.example.com%2Fcb%3Fq%3D价格？' })));
    expect(q.redirectUri).toBe('https://m.example.com/cb?q=价格？');
    const cb = inspectUrl('https://m.example.com/cb?title=第＃1期&code=041cQ8ll2nWy5c42enol2R2DZX2cQ8ly&state=abc123');
    expect(cb.params.find(([name]) => name === 'title')).toEqual(['title', '第＃1期']);
    expect(cb.findings.map((f) => f.id)).not.toContain('input.fullwidth_callback');
  });
});

describe('what inspect shows of the link', () => {
  it('masks a secret it found, in the redirect_uri’s query or beside it', () => {
    const url = auth(good({ redirect_uri: encodeURIComponent('https://www.example.com/oauth/callback?secret=9f8e7d6c5b4a39281706f5e4d3c2b1a0&from=menu') }) + '&access_token=ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const shown = JSON.stringify(inspectUrl(url).params);
    // A hash route's query too: reported, and not printed by the fragment warning.
    const hashRoute = inspectUrl(auth(good({ redirect_uri: encodeURIComponent('https://www.example.com/#/cb?secret=0123456789abcdef0123456789abcdef') })));
    expect(hashRoute.findings.map((f) => f.id)).toContain('params.secret');
    expect(JSON.stringify([hashRoute.params, hashRoute.findings])).not.toContain('0123456789abcdef0123456789abcdef');
    expect(shown).not.toContain('9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    expect(shown).not.toContain('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(shown).toContain('secret=9f8e***&from=menu');
  });
});

describe('a parameter written many times', () => {
  it('is said once per name, not once per copy (30,000 copies were 30,000 warnings)', () => {
    const result = inspectUrl(auth(good() + '&from=menu'.repeat(3000) + '&bad=%E4'.repeat(3000)), service);
    expect(result.findings.filter((f) => f.id === 'params.unknown').map((f) => f.params.name)).toEqual(['from', 'bad']);
    expect(result.findings.filter((f) => f.id === 'params.bad_encoding').map((f) => f.params.name)).toEqual(['bad']);
  });
});

describe('the order of findings', () => {
  it('says first what explains the rest: a URL cut at its first & before the parameters it is missing', () => {
    const ids = inspectUrl(`${AUTH}?appid=${OA}`).findings.map((f) => f.id);
    expect(ids[0]).toBe('input.truncated');
    expect(ids.slice(1)).toContain('params.missing');
  });
});

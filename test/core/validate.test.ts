// The one validation of settings (issue 12 item 4): the same verdict whether a value comes from
// `init` (flags or wizard), `config set`, a WXAUTH_* variable or a flag. Table tests of the pure rules.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES, checkCallbackPair, checkSetting, correctedSetting, fitForType, hostOfUrl, redirectUnder, suggestRedirectUri, verifyFileCopyOf, type Checked } from '../../src/core/validate.js';
import type { MessageParams } from '../../src/errors.js';
import type { Message } from '../../src/ui/messages/types.js';
import { matchCallbackDomain } from '../../src/core/domain.js';
import { catalogue } from '../../src/ui/messages/index.js';

const APPID = 'wx1234567890abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

/** The catalogue key of the verdict, or 'ok'. */
function verdict(...args: Parameters<typeof checkSetting>): string {
  const r = checkSetting(...args);
  return r.ok ? 'ok' : r.problem.key;
}

describe('checkSetting: appid', () => {
  it.each([
    [APPID, 'ok'],
    ['wx123', 'config.invalid.appid.length'],
    ['wx1234567890abcdeg', 'config.invalid.appid.char'],
    // A WeCom corpid is the same length and looks right at a glance: it gets its own message.
    ['ww1234567890abcdef', 'config.invalid.appid.wecom'],
    // Upper case is refused everywhere, with the lower-case spelling in the message (WeChat prints appids lower case).
    ['wx1234567890ABCDEF', 'config.invalid.appid.upper'],
    ['WX1234567890abcdef', 'config.invalid.appid.upper'],
    [` ${APPID}`, 'config.invalid.space'],
    [`${APPID}\n`, 'config.invalid.space'],
  ])('%j → %s', (value, expected) => {
    expect(verdict('appid', value)).toBe(expected);
  });

  it('names the value as the caller calls it (a flag, a variable) and gives the lower-case spelling', () => {
    const r = checkSetting('appid', 'wx1234567890ABCDEF', { name: 'WXAUTH_APPID' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.params).toMatchObject({ name: 'WXAUTH_APPID', value: 'wx1234567890ABCDEF', lower: APPID });
  });
});

describe('checkSetting: secret', () => {
  it.each([
    [SECRET, 'ok'],
    [SECRET.slice(1), 'config.invalid.secret'],
    ['not-a-secret', 'config.invalid.secret.char'],
    [` ${SECRET}`, 'config.invalid.space'],
    [`${SECRET} `, 'config.invalid.space'],
    // Quotes kept as part of the value (quoted twice, a .env loader): said as such, not as a bad hex digit.
    [`'${SECRET}'`, 'config.invalid.quoted'],
    [`"${SECRET}"`, 'config.invalid.quoted'],
    // A quote on one side only is just a wrong character.
    [`'${SECRET.slice(1)}`, 'config.invalid.secret.char'],
  ])('%j → %s', (value, expected) => {
    expect(verdict('secret', value)).toBe(expected);
  });

  it('a quoted secret is refused without its value in the message', () => {
    expect(JSON.stringify(checkSetting('secret', `'${SECRET}'`))).not.toContain(SECRET);
  });

  it('never puts the secret into the message', () => {
    const r = checkSetting('secret', `${SECRET} `);
    expect(JSON.stringify(r)).not.toContain(SECRET);
    const short = checkSetting('secret', SECRET.slice(1));
    expect(JSON.stringify(short)).not.toContain(SECRET.slice(1));
    if (!short.ok) expect((short.problem.params as MessageParams | undefined)?.length).toBe(31);
  });
});

describe('checkSetting: domain', () => {
  it.each([
    ['www.example.com', undefined, 'ok'],
    ['www.example.com', 'service', 'ok'],
    // A whole URL: refused, naming its host (config set offers the command with it).
    ['https://www.example.com', 'service', 'config.invalid.domain.url'],
    ['ftp://www.example.com', 'service', 'config.invalid.domain'],
    // A host with a path or a slash after it: said as such (config set offers the command with the host).
    ['www.example.com/path', 'test', 'config.invalid.domain.path'],
    ['www.example.com/', 'service', 'config.invalid.domain.slash'],
    ['192.168.1.10:8080/cb', 'test', 'config.invalid.domain.path'],
    ['www.example.com:8443/', 'service', 'config.invalid.domain.slash.port'],
    ['www.example.com:8443/cb', 'service', 'config.invalid.domain.path.port'],
    ['www.example.com:8443/cb', 'test', 'config.invalid.domain.path'],
    // No name to keep: the IP's own refusal, as for a URL.
    ['192.168.1.10/', 'service', 'config.invalid.domain.ip'],
    ['www.exa_mple.com/', 'test', 'config.invalid.domain'],
    ['www.example.com ', 'service', 'config.invalid.space'],
    // Only test accounts (测试号) register a port or an IP: production accounts get 10003 for either.
    ['www.example.com:8443', 'service', 'config.invalid.domain.port'],
    ['www.example.com:8443', 'website', 'config.invalid.domain.port.website'],
    ['www.example.com:8443', 'subscription', 'config.invalid.domain.port'],
    ['www.example.com:8443', 'test', 'ok'],
    ['192.168.1.10:8080', 'test', 'ok'],
    ['192.168.1.10', 'service', 'config.invalid.domain.ip'],
    // Type unknown (a profile filled step by step): the shape is all that can be judged.
    ['192.168.1.10:8080', undefined, 'ok'],
  ] as const)('%j on %s → %s', (value, type, expected) => {
    expect(verdict('domain', value, { type })).toBe(expected);
  });
});

describe('checkSetting: a host with a path as the domain', () => {
  it('names the host meant, without the port a 服务号 cannot register; correctedSetting gives it', () => {
    expect(checkSetting('domain', 'www.example.com/', { type: 'service' })).toMatchObject({ ok: false, hint: { key: 'config.invalid.domain.path.hint', params: { host: 'www.example.com' } } });
    expect(checkSetting('domain', 'www.example.com:8443/cb', { type: 'service' })).toMatchObject({ ok: false, hint: { key: 'config.invalid.domain.path.port.hint', params: { host: 'www.example.com' } } });
    expect(checkSetting('domain', 'www.example.com:8443/cb', { type: 'test' })).toMatchObject({ ok: false, hint: { params: { host: 'www.example.com:8443' } } });
    expect(correctedSetting('domain', 'www.example.com/', 'service')).toBe('www.example.com');
    expect(correctedSetting('domain', 'www.example.com:8443/cb', undefined)).toBe('www.example.com:8443');
  });
  it('the AppSecret with a slash after it is not quoted', () => {
    expect(JSON.stringify(checkSetting('domain', `${SECRET}/`, { type: 'service' }))).not.toContain(SECRET);
  });
});

describe('checkSetting: the AppSecret under a setting whose refusal quotes the value', () => {
  it.each(['redirectUri', 'apiBase', 'openBase', 'backupApiBase', 'region', 'type', 'verifyFile'] as const)('%s: refused without quoting it', (key) => {
    const r = checkSetting(key, SECRET);
    expect(r).toMatchObject({ ok: false, problem: { key: 'config.invalid.secretShaped', params: { name: key } } });
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });
});

describe('checkSetting: a refused value that holds the AppSecret is not quoted, nor is anything made of it', () => {
  it.each([
    ['jsDomains', `${SECRET}/`, undefined],
    ['jsDomains', `h5.example.com,https://${SECRET}:8443/`, 'service'],
    ['domain', `${SECRET}.example.com:8443`, 'service'],
    ['domain', `https://${SECRET}.example.com:8443/`, 'website'],
    ['appid', `wx${SECRET}`, undefined],
    ['appid', `${SECRET}x`, 'test'],
    ['appid', `WX${SECRET}`.slice(0, 18) + SECRET.slice(16), undefined],
    ['redirectUri', `${SECRET}1`, undefined],
    ['redirectUri', `https%3A%2F%2Fwww.example.com%2Fcb%3Fs%3D${SECRET}`, undefined],
    ['apiBase', `api.example.com/${SECRET}`, undefined],
    ['type', `service${SECRET}`, undefined],
    ['region', `${SECRET}-sh`, undefined],
    ['verifyFile', `MP_verify_${SECRET}.txt.bak`, undefined],
  ] as const)('%s %s (%s)', (key, value, type) => {
    const r = checkSetting(key, value, type === undefined ? {} : { type });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/[0-9a-f]{32}/i);
    // Said as what it is: the AppSecret's shape inside the value, with what the setting takes.
    expect(r).toMatchObject({ problem: { key: 'config.invalid.secretInside', params: { name: key } } });
    // The corrected value offered in a command (init's and config set's) is not made of it either.
    expect(correctedSetting(key, value, type)).toBeUndefined();
  });
  // `<AppSecret>:8443` as the domain was saved for a test account or with no type known, then shown by
  // config get and list: the AppSecret with a port is the AppSecret pasted in the wrong place all the same.
  it.each([
    ['domain', `${SECRET}:8443`, undefined],
    ['domain', `${SECRET}:8443`, 'test'],
    ['domain', `${SECRET}:8443`, 'service'],
    ['domain', `https://${SECRET}:8443/`, undefined],
    ['domain', `https://${SECRET}:8443/`, 'service'],
    ['jsDomains', `h5.example.com,${SECRET}:8443`, undefined],
    ['jsDomains', `${SECRET}:8443`, 'service'],
  ] as const)('%s %s (%s): refused as the AppSecret, not saved', (key, value, type) => {
    const r = checkSetting(key, value, type === undefined ? {} : { type });
    expect(r).toMatchObject({ ok: false, problem: { key: 'config.invalid.domain.secret', params: { name: key } } });
    expect(JSON.stringify(r)).not.toMatch(/[0-9a-f]{32}/i);
    expect(correctedSetting(key, value, type)).toBeUndefined();
  });
  it('its hint says what the setting takes, the problem it leaned on being gone', () => {
    expect(checkSetting('appid', `wx${SECRET}`)).toMatchObject({ hint: { key: 'config.invalid.appid.hint' } });
    expect(checkSetting('appid', `wx${SECRET}`, { type: 'test' })).toMatchObject({ hint: { key: 'config.invalid.appid.test.hint' } });
  });
  it('a value merely near one (31 hex digits) is still quoted, with its fix', () => {
    const near = SECRET.slice(1);
    expect(checkSetting('domain', `${near}:8443`, { type: 'service' })).toMatchObject({ ok: false, problem: { key: 'config.invalid.domain.port', params: { value: `${near}:8443` } } });
  });
});

describe('checkSetting: an already-encoded redirectUri', () => {
  it('is refused with the URL it encodes, which is what to give', () => {
    const r = checkSetting('redirectUri', 'https%3A%2F%2Fwww.example.com%2Fcb%3Fa%3D1', { name: 'redirectUri' });
    expect(r).toMatchObject({ ok: false, problem: { key: 'config.invalid.redirectUri.encoded' }, hint: { params: { decoded: 'https://www.example.com/cb?a=1' } } });
    // A URL that merely contains an encoded part is a URL.
    expect(checkSetting('redirectUri', 'https://www.example.com/cb?next=%2Fme', { name: 'redirectUri' }).ok).toBe(true);
  });
});

describe('checkSetting: jsDomains', () => {
  it.each([
    ['h5.example.com,example.com', 'service', 'ok'],
    // JS-SDK pages of a real account are on a bound domain on 80/443 (JSSDK-FACTS §3): as for the domain,
    // a port or an IP is a test account's, and the first such entry is named.
    ['example.com,127.0.0.1:4299', 'service', 'jssdk.invalid.jsDomains.port'],
    ['h5.example.com:8443', 'subscription', 'jssdk.invalid.jsDomains.port'],
    // A website app (网站应用) has no JS-SDK: any value is refused, whatever its form.
    ['h5.example.com:8443', 'website', 'jssdk.invalid.jsDomains.website'],
    ['h5.example.com', 'website', 'jssdk.invalid.jsDomains.website'],
    ['10.0.0.2', 'service', 'jssdk.invalid.jsDomains.ip'],
    ['127.0.0.1:4299,localhost:8000', 'test', 'ok'],
    // Type unknown: today's behaviour, the shape only (an older doc revision asked for the port, §3 ⚠).
    ['127.0.0.1:4299', undefined, 'ok'],
    ['https://a.com', 'service', 'jssdk.invalid.jsDomains.url'],
  ] as const)('%j on %s → %s', (value, type, expected) => {
    expect(verdict('jsDomains', value, { type })).toBe(expected);
  });

  it('names the entry and what to do', () => {
    const r = checkSetting('jsDomains', 'a.com,h5.a.com:8443', { type: 'service', name: 'WXAUTH_JS_DOMAINS' });
    expect(r).toMatchObject({ ok: false, problem: { params: { name: 'WXAUTH_JS_DOMAINS', entry: 'h5.a.com:8443', type: { key: 'account.type.service' } } }, hint: { key: 'jssdk.invalid.jsDomains.port.hint', params: { host: 'h5.a.com' } } });
  });
});

describe('checkSetting: the other settings', () => {
  it.each([
    ['type', 'service', 'ok'],
    ['type', 'miniprogram', 'config.invalid.type'],
    ['type', '服务号', 'ok'],
    ['type', 'Website', 'ok'],
    // 公众号 is either a 服务号 or a 订阅号: refused, saying so.
    ['type', '公众号', 'config.invalid.type.officialAccount'],
    ['redirectUri', 'https://www.example.com/cb', 'ok'],
    ['redirectUri', '/cb', 'config.invalid.redirectUri'],
    ['redirectUri', 'ftp://www.example.com/cb', 'config.invalid.redirectUri'],
    ['redirectUri', ' https://www.example.com/cb', 'config.invalid.space'],
    ['apiBase', 'http://127.0.0.1:3900', 'ok'],
    ['apiBase', '127.0.0.1:3900', 'config.invalid.apiBase'],
    ['region', 'sh', 'ok'],
    ['region', 'bj', 'config.invalid.region'],
  ] as const)('%s %j → %s', (key, value, expected) => {
    expect(verdict(key, value)).toBe(expected);
  });

  it('a misspelt account type is answered with the one meant', () => {
    expect(checkSetting('type', 'servce', { name: 'WXAUTH_TYPE' })).toMatchObject({ ok: false, hint: { key: 'config.invalid.type.suggest', params: { meant: 'service' } } });
    expect(checkSetting('type', 'miniprogram', { name: 'type' })).toMatchObject({ ok: false, hint: { key: 'config.invalid.type.hint' } });
  });
});

describe('checkSetting: the type a Chinese user types', () => {
  it.each([
    ['服务号', 'service'],
    ['订阅号', 'subscription'],
    ['测试号', 'test'],
    ['网站应用', 'website'],
    ['SERVICE', 'service'],
  ])('%s is saved as %s', (value, type) => {
    expect(checkSetting('type', value)).toEqual({ ok: true, value: type });
  });
});

describe('checkCallbackPair: redirect_uri under the callback domain', () => {
  it('accepts the same host and refuses another one, a subdomain or a port the domain does not name', () => {
    expect(checkCallbackPair('service', 'www.example.com', 'https://www.example.com/wechat/cb').ok).toBe(true);
    expect(checkCallbackPair('service', 'www.example.com', 'https://api.example.com/cb').ok).toBe(false);
    expect(checkCallbackPair('test', '1.2.3.4:8080', 'http://1.2.3.4/cb').ok).toBe(false);
    const r = checkCallbackPair('service', 'www.example.com', 'https://other.example.org/cb');
    if (!r.ok) expect(r.problem.params).toMatchObject({ host: 'other.example.org', domain: 'www.example.com' });
  });

  // The mismatch quoted both values as given, so a host or a domain holding the AppSecret's shape was
  // shown by config set, init and doctor, which quote no such value in any other refusal.
  const T = 'fedcba9876543210fedcba9876543210';
  it.each([
    ['service', 'www.example.com', `https://${T}.example.com/cb`, 'config.redirectOutsideDomain.hint'],
    ['service', `${T}.example.com`, 'https://www.example.com/cb', 'config.redirectOutsideDomain.hint'],
    ['test', `${T}.example.com:8080`, `http://${T}.example.com/cb`, 'config.redirectOutsideDomain.testPort.unquoted.hint'],
    [undefined, `${T}.example.com:8080`, `http://${T}.example.com:9090/cb`, 'config.redirectOutsideDomain.testPort.unquoted.hint'],
    ['service', `${T}.example.com`, `https://${T}.example.com:8443/cb`, 'config.redirectOutsideDomain.port.hint'],
  ] as const)('%s %s %s: the mismatch said without quoting either', (type, domain, uri, hint) => {
    const r = checkCallbackPair(type, domain, uri);
    expect(r).toMatchObject({ ok: false, problem: { key: 'config.redirectOutsideDomain.secretShaped' }, hint: { key: hint } });
    expect(JSON.stringify(r)).not.toMatch(/[0-9a-f]{32}/i);
  });

  it('a redirect_uri with 32 hex digits in its query only: its host is quoted, the query is not', () => {
    const r = checkCallbackPair('service', 'www.example.com', `https://api.example.com/cb?k=${T}`);
    expect(r).toMatchObject({ ok: false, problem: { key: 'config.redirectOutsideDomain', params: { host: 'api.example.com', domain: 'www.example.com' } } });
    expect(JSON.stringify(r)).not.toContain(T);
  });
});

describe('suggestRedirectUri', () => {
  // The wizard offers this as the default answer; it used to offer one its own check then refused
  // (a service domain with a port), so the prompt could only be left with Ctrl-C.
  const domains = ['www.example.com', 'www.example.com:8443', '192.168.1.10:8080', 'localhost'];
  it('suggests, for every account type and domain that type accepts, a redirect_uri that passes the check', () => {
    for (const type of ACCOUNT_TYPES) {
      for (const domain of domains) {
        if (!checkSetting('domain', domain, { type }).ok) continue;
        const suggested = suggestRedirectUri(type, domain);
        expect(checkSetting('redirectUri', suggested).ok, suggested).toBe(true);
        expect(matchCallbackDomain({ redirectUri: suggested, domain, accountType: type }).ok, `${type} ${domain} ${suggested}`).toBe(true);
      }
    }
  });

  it('keeps the previous redirect_uri only while it is still under the domain', () => {
    expect(suggestRedirectUri('service', 'www.example.com', 'https://www.example.com/oauth')).toBe('https://www.example.com/oauth');
    expect(suggestRedirectUri('service', 'www.new.com', 'https://www.example.com/oauth')).toBe('https://www.new.com/wechat/callback');
    expect(suggestRedirectUri('test', '1.2.3.4:8080')).toBe('http://1.2.3.4:8080/wechat/callback');
  });
});

describe('every refusal', () => {
  // Keys are written out in validate.ts; this keeps each one (problem and hint) in the catalogue,
  // with every parameter its text uses supplied, so no user ever reads a raw key or a "{name}".
  const samples: Array<Parameters<typeof checkSetting>> = [
    ['type', 'x'], ['appid', 'x'], ['appid', 'ww1234567890abcdef'], ['appid', 'wx1234567890ABCDEF'], ['appid', ' x'],
    ['secret', 'x'], ['domain', 'http://x'], ['domain', 'a.com:1', { type: 'service' }], ['domain', '1.2.3.4', { type: 'website' }],
    ['redirectUri', 'x'], ['apiBase', 'x'], ['openBase', 'x'], ['backupApiBase', 'x'], ['region', 'x'],
  ];
  const refusals: Checked[] = [...samples.map((args) => checkSetting(...args)), checkCallbackPair('service', 'a.com', 'https://b.com/cb'), checkCallbackPair('test', `${SECRET}.a.com:1`, `http://${SECRET}.a.com/cb`)];
  // Indexes, not the refusals themselves: vitest's types would expand the whole MessageRef union.
  const labels = refusals.map((r, i): [string, number] => [r.ok ? 'ok' : String(r.problem.key), i]);
  it.each(labels)('%s', (_key, i) => {
    const r = refusals[i]!;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    type Plain = { key: string; params?: MessageParams };
    for (const ref of [r.problem as Plain, r.hint as Plain]) {
      const entry = (catalogue as Record<string, Message | undefined>)[ref.key];
      expect(entry, ref.key).toBeDefined();
      for (const [, param] of (entry?.en ?? '').matchAll(/\{(\w+)\}/g)) expect((ref.params ?? {}) as MessageParams, `${ref.key} {${param}}`).toHaveProperty(param as string);
    }
  });
});

describe('the values config set offers in its hints', () => {
  it.each([
    ['domain', 'www.example.com:8080', 'service', 'www.example.com'],
    ['domain', '10.0.0.2:8080', 'service', undefined],
    ['jsDomains', 'h5.example.com:8080,127.0.0.1:8080,h5.example.com', 'service', 'h5.example.com'],
    ['jsDomains', '127.0.0.1:8080', 'subscription', undefined],
    ['jsDomains', 'h5.example.com', 'website', undefined],
  ] as const)('fitForType(%s, %s, %s) → %s', (key, value, type, fit) => {
    expect(fitForType(key, value, type)).toBe(fit);
  });

  it('redirectUnder moves a redirect_uri under a domain, its port dropped and its path kept', () => {
    expect(redirectUnder('http://www.example.com:8080/wechat/cb?x=1', 'www.example.com', 'service')).toBe('http://www.example.com/wechat/cb?x=1');
    expect(redirectUnder('https://a.example.com/cb', 'b.example.com:8443', 'test')).toBe('https://b.example.com:8443/cb');
  });

  it('hostOfUrl reads the host of an address-bar URL only', () => {
    expect(hostOfUrl('https://WWW.example.com/a?b')).toBe('www.example.com');
    expect(hostOfUrl('www.example.com')).toBeUndefined();
  });
});

describe('checkSetting: values typed with a Chinese input method or copied from a chat', () => {
  it.each([
    ['appid', `“${APPID}”`, 'config.invalid.quoted.typographic'],
    ['appid', `「${APPID}」`, 'config.invalid.quoted.typographic'],
    ['secret', `‘${SECRET}’`, 'config.invalid.quoted.typographic'],
    // Quotes that do not pair are just wrong characters.
    ['appid', `“${APPID}」`, 'config.invalid.appid.prefix'],
    ['appid', 'ｗｘ１２３４５６７８９０ａｂｃｄｅｆ', 'config.invalid.fullwidth'],
    ['appid', 'wx1234567890abcdeｆ', 'config.invalid.fullwidth'],
    ['secret', `０${SECRET.slice(1)}`, 'config.invalid.fullwidth.secret'],
    ['domain', 'ｗｗｗ．example.com', 'config.invalid.fullwidth'],
    ['redirectUri', 'https：／／www.example.com/cb', 'config.invalid.fullwidth'],
    // A full-width character where one is fine is not refused: a path's （一）, jsDomains' separator.
    ['redirectUri', 'https://www.example.com/活动（一）', 'ok'],
    ['jsDomains', 'a.example.com，b.example.com', 'ok'],
  ] as const)('%s %j → %s', (key, value, expected) => {
    expect(verdict(key, value)).toBe(expected);
  });

  it('names the full-width character and where it is, and the value in half-width; a secret is spelt in neither form', () => {
    const appid = checkSetting('appid', 'ｗｘ１２３４５６７８９０ａｂｃｄｅｆ', { name: '--appid' });
    expect(appid).toMatchObject({ ok: false, problem: { params: { name: '--appid', position: 1, char: 'ｗ' } }, hint: { params: { half: APPID } } });
    const wide = Array.from(SECRET, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    for (const key of ['secret', 'appid'] as const) {
      const r = checkSetting(key, wide);
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r)).not.toContain(SECRET);
      expect(JSON.stringify(r)).not.toContain(wide);
    }
  });
});

describe('checkSetting: a URL with a port given as a production account\'s domain', () => {
  it('offers the host it can register, without the port; a test account keeps host:port; an IP gets the port/IP refusal', () => {
    const service = checkSetting('domain', 'https://www.example.com:8443/', { type: 'service' });
    expect(service).toMatchObject({ ok: false, problem: { key: 'config.invalid.domain.url' }, hint: { key: 'config.invalid.domain.url.port.hint', params: { host: 'www.example.com' } } });
    expect(checkSetting('domain', 'https://www.example.com:8443/', { type: 'test' })).toMatchObject({ ok: false, hint: { params: { host: 'www.example.com:8443' } } });
    expect(checkSetting('domain', 'https://1.2.3.4:8443/', { type: 'website' })).toMatchObject({ ok: false, problem: { key: 'config.invalid.domain.port.website' } });
    // What is offered is taken.
    const offered = service.ok ? '' : String((service.hint.params as MessageParams).host);
    expect(checkSetting('domain', offered, { type: 'service' }).ok).toBe(true);
  });
});

describe('verifyFileCopyOf: the verify file under a name a second download or a copy gives it', () => {
  it.each([
    ['MP_verify_AbC123 (1).txt', ' (1)'],
    ['MP_verify_AbC123(2).txt', '(2)'],
    ['MP_verify_AbC123 - Copy.txt', ' - Copy'],
    ['MP_verify_AbC123 - Copy (2).txt', ' - Copy (2)'],
    ['MP_verify_AbC123 - 副本.txt', ' - 副本'],
    ['MP_verify_AbC123副本.txt', '副本'],
    ['MP_verify_AbC123 副本 2.txt', ' 副本 2'],
    ['MP_verify_AbC123 copy.txt', ' copy'],
  ])('%s', (value, suffix) => {
    expect(verifyFileCopyOf(value)).toEqual({ name: 'MP_verify_AbC123.txt', suffix });
  });
  it.each(['MP_verify_AbC123.txt', 'MP_verify_AbC123copy.txt', 'MP_verify_ (1).txt', 'verify (1).txt', 'MP_verify_AbC123 (1).txt.bak', 'mp_verify_AbC123 (1).txt'])('not %s', (value) => {
    expect(verifyFileCopyOf(value)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import table from '../../src/core/data/errcodes.json' with { type: 'json' };
import oauth from '../../src/core/data/errcodes-oauth.json' with { type: 'json' };
import wecom from '../../src/core/data/errcodes-wecom.json' with { type: 'json' };
import {
  LIST_STAGES,
  explainErrcode,
  explainInputs,
  explainPageText,
  listErrcodes,
  errcodeRange,
  nearestCodes,
  slippedCodes,
  normalizeEndpoint,
  searchErrcodes,
  stageOfEndpoint,
} from '../../src/core/errcodes.js';
import { KNOWLEDGE } from '../../src/core/errcode-knowledge.js';

interface Row {
  code: number;
  zh: string;
  en: string;
  sources: string[];
}

describe('coverage of the copied data', () => {
  it('holds the counts SOURCES.md promises', () => {
    expect(table).toHaveLength(1916);
    expect(oauth).toHaveLength(61);
    expect(wecom).toHaveLength(281);
  });

  it('resolves every WeChat code with its official meaning in both languages', () => {
    for (const row of table as Row[]) {
      const e = explainErrcode(row.code);
      expect(e.known, `code ${row.code}`).toBe(true);
      expect(e.table).toBe('wechat');
      if (row.zh) expect(e.meaning.zh).toBe(row.zh.trim());
      if (row.en) expect(e.meaning.en).toBe(row.en.trim());
      expect(e.meaning.zh, `zh of ${row.code}`).not.toBe('');
      expect(e.meaning.en, `en of ${row.code}`).not.toBe('');
      // A language the sources lack is marked, never passed off as official.
      if (!row.en) expect([...(e.derived ?? []), ...(e.untranslated ?? [])]).toContain('en');
      if (!row.zh) expect([...(e.derived ?? []), ...(e.untranslated ?? [])]).toContain('zh');
      expect(e.sources).toEqual(row.sources);
    }
  });

  it('resolves every WeCom code from the WeCom table', () => {
    for (const row of wecom as Row[]) {
      const e = explainErrcode(row.code, { wecom: true });
      expect(e.known, `wecom ${row.code}`).toBe(true);
      expect(e.table).toBe('wecom');
      expect(e.meaning.zh).toBe(row.zh.trim());
      if (!row.en) expect(e.untranslated).toContain('en');
    }
  });

  it('has causes, fixes, stage, endpoints and a doc link in both languages for every auth-flow code', () => {
    for (const row of oauth as Row[]) {
      const e = explainErrcode(row.code);
      expect(e.rich, `rich entry for ${row.code}`).toBe(true);
      expect(e.causes.length, `causes of ${row.code}`).toBeGreaterThan(0);
      expect(e.fixes.length, `fixes of ${row.code}`).toBeGreaterThan(0);
      for (const item of [...e.causes, ...e.fixes]) {
        expect(item.zh.trim()).not.toBe('');
        expect(item.en.trim()).not.toBe('');
        // Chinese text is Chinese, English text is not.
        expect(item.zh, `zh of ${row.code}`).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(e.stage).toBeDefined();
      expect(e.endpoints?.length).toBeGreaterThan(0);
      expect(e.doc).toMatch(/^https:\/\/developers?\.weixin\.qq\.com\//);
      // The rich entries write the English the sources lack (10003…), so nothing is untranslated.
      expect(e.untranslated, `untranslated meaning of ${row.code}`).toBeUndefined();
    }
  });

  it('writes knowledge only for codes the table has, once each', () => {
    const codes = KNOWLEDGE.map((k) => k.code);
    expect(new Set(codes).size).toBe(codes.length);
    const known = new Set((table as Row[]).map((r) => r.code));
    for (const code of codes) expect(known.has(code), `knowledge for ${code}`).toBe(true);
  });

  it('marks the English it wrote itself for the authorize-page codes', () => {
    const e = explainErrcode(10003);
    expect(e.meaning.zh).toBe('redirect_uri域名与后台配置不一致');
    expect(e.meaning.en).toMatch(/redirect_uri domain/);
    expect(e.derived).toEqual(['en']);
  });

  it('shows the other language, marked, when no source has a translation and wxauth has no entry', () => {
    const e = explainErrcode(101);
    expect(e.meaning.en).toBe(e.meaning.zh);
    expect(e.untranslated).toEqual(['en']);
    expect(e.rich).toBe(false);
    expect(e.causes).toEqual([]);
  });
});

describe('causes tuned to the endpoint', () => {
  it('40001 on /sns/userinfo is about the user token, not the basic one', () => {
    const e = explainErrcode(40001, { endpoint: '/sns/userinfo' });
    expect(e.stage).toBe('userinfo');
    expect(e.causes[0]?.en).toMatch(/basic access_token .* was used as the user token/);
    expect(e.causes.map((c) => c.en).join(' ')).not.toMatch(/another server/);
    expect(e.fixes[0]?.en).toMatch(/\/sns\/oauth2\/access_token/);
  });

  // `wxauth check` calls /sns/auth: its 40001 explained the token "passed to /sns/userinfo" and told to
  // "Call /sns/userinfo", a call the user never made.
  it('40001 on /sns/auth names /sns/auth, the endpoint called, in its causes and fixes (en, zh)', () => {
    const e = explainErrcode(40001, { endpoint: '/sns/auth' });
    expect(e.causes[0]?.en).toMatch(/^The token passed to \/sns\/auth is not a web-authorization token/);
    expect(e.causes[0]?.zh).toMatch(/^传给 \/sns\/auth 的不是网页授权 access_token/);
    expect(e.fixes[0]?.en).toMatch(/^Call \/sns\/auth with the access_token and openid returned together by \/sns\/oauth2\/access_token/);
    expect(e.fixes[0]?.zh).toMatch(/^调用 \/sns\/auth 要用/);
    expect([...e.causes, ...e.fixes].map((i) => i.en + i.zh).join('\n')).not.toContain('/sns/userinfo');
    const userinfo = explainErrcode(40001, { endpoint: '/sns/userinfo' });
    expect(userinfo.causes[0]?.en).toMatch(/^The token passed to \/sns\/userinfo is not/);
    expect(userinfo.fixes[0]?.zh).toMatch(/^调用 \/sns\/userinfo 要用/);
    // No endpoint known: both it is written for, never a placeholder.
    const any = explainErrcode(40001);
    expect(any.causes[0]?.en).toMatch(/^The token passed to \/sns\/userinfo or \/sns\/auth is not/);
    expect(any.causes[0]?.zh).toMatch(/^传给 \/sns\/userinfo 或 \/sns\/auth 的不是/);
    expect(JSON.stringify(any)).not.toContain('{endpoint}');
  });

  it('every cause or fix that says {endpoint} is written for named endpoints, in both languages', () => {
    const items = KNOWLEDGE.flatMap((k) => [...k.causes, ...k.fixes]).filter((i) => i.en.includes('{endpoint}') || i.zh.includes('{endpoint}'));
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(i.en, i.zh).toContain('{endpoint}');
      expect(i.zh, i.en).toContain('{endpoint}');
      expect(i.on?.length, i.en).toBeGreaterThan(0);
      for (const path of i.on ?? []) expect(path, i.en).toMatch(/^\/[\w/.-]*[\w.-]$/);
    }
  });

  it('40001 on a cgi-bin API is the basic token invalidated by another fetch: use stable_token', () => {
    const e = explainErrcode(40001, { endpoint: 'https://api.weixin.qq.com/cgi-bin/user/info?access_token=x' });
    expect(e.endpoint).toBe('/cgi-bin/user/info');
    expect(e.causes[0]?.en).toMatch(/another server, process or product called \/cgi-bin\/token/);
    expect(e.causes[0]?.zh).toMatch(/顶掉/);
    expect(e.fixes[0]?.en).toMatch(/stable_token/);
    expect(e.causes.map((c) => c.en).join(' ')).not.toMatch(/used as the user token/);
  });

  it('40029 on the code exchange: expiry (5 / 10 min), case, another appid, already spent', () => {
    const causes = explainErrcode(40029, { endpoint: '/sns/oauth2/access_token' }).causes.map((c) => c.en);
    expect(causes[0]).toMatch(/5 minutes .* 10 for website apps/);
    expect(causes.join(' ')).toMatch(/case-sensitive/);
    expect(causes.join(' ')).toMatch(/another appid/);
    expect(causes.join(' ')).toMatch(/already spent the code/);
    expect(causes.join(' ')).not.toMatch(/mini program/);
  });

  it('40163 says the callback was hit twice and to exchange each code once', () => {
    const e = explainErrcode(40163, { endpoint: '/sns/oauth2/access_token' });
    expect(e.causes[0]?.en).toMatch(/hit twice/);
    expect(e.fixes[0]?.en).toMatch(/Exchange each code once/);
  });

  it('76003 on quota/get is a cgi_path that is not a bare path, not a rid of another account', () => {
    // Same errcode and errmsg ("could not query this rid,no permission") on both endpoints (API-FACTS §10, §11).
    const quota = explainErrcode(76003, { endpoint: '/cgi-bin/openapi/quota/get' });
    expect(quota.causes.map((c) => c.en).join(' ')).not.toMatch(/another account/);
    expect(quota.causes[0]?.en).toMatch(/cgi_path is not a bare path/);
    expect(quota.fixes[0]?.zh).toMatch(/只写路径/);
    expect(quota.doc).toMatch(/get_api_quota/);
    const rid = explainErrcode(76003, { endpoint: '/cgi-bin/openapi/rid/get' });
    expect(rid.causes.map((c) => c.en)).toEqual(["The rid was produced by another account's call; an account can only look up its own rids."]);
    expect(rid.doc).toMatch(/get_rid_info/);
  });

  it('48001 on /sns/userinfo names snsapi_base and snapshot users', () => {
    const causes = explainErrcode(48001, { endpoint: '/sns/userinfo' }).causes.map((c) => c.en);
    expect(causes[0]).toMatch(/snsapi_base/);
    expect(causes[1]).toMatch(/is_snapshotuser/);
  });

  it('40164 puts the caller IP from errmsg into the fix, and says where the whitelist is', () => {
    const e = explainErrcode(40164, {
      endpoint: '/cgi-bin/token',
      errmsg: 'invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: 611740a4-2c3d4e5f-6a7b8c9d',
    });
    expect(e.ip).toBe('218.58.124.130');
    expect(e.ipv6).toBe('::ffff:218.58.124.130');
    expect(e.rid).toBe('611740a4-2c3d4e5f-6a7b8c9d');
    expect(e.fixes[0]?.zh).toContain('把 218.58.124.130 加入公众号的 IP 白名单');
    expect(e.fixes[0]?.zh).toContain('设置与开发 → 基本配置 → IP白名单');
    expect(e.fixes.map((f) => f.en).join(' ')).toMatch(/open\.weixin\.qq\.com/);
    expect(JSON.stringify(e)).not.toContain('{ip}');
  });

  it('40164 without an errmsg points at the IP in errmsg instead of a placeholder', () => {
    const e = explainErrcode(40164);
    expect(e.fixes[0]?.en).toContain('the IP shown in errmsg');
    // Chinese words in place of the address take no space before them (an address does).
    expect(e.fixes[0]?.zh).toContain('把报错信息里的 IP 加入');
  });

  it('45009 offers wxauth quota for the path that was refused, under the profile of the run; without one, a runnable example', () => {
    const fixes = (o: Parameters<typeof explainErrcode>[1]) => explainErrcode(45009, o).fixes.map((f) => f.en + '\n' + f.zh).join('\n');
    const ticket = fixes({ endpoint: '/cgi-bin/ticket/getticket', profileFlag: ' --profile staging' });
    expect(ticket).toContain('See the usage with wxauth --profile staging quota /cgi-bin/ticket/getticket;');
    expect(ticket).toContain('用 wxauth --profile staging quota /cgi-bin/ticket/getticket 查看用量');
    expect(ticket).not.toContain('/cgi-bin/openapi/quota/get');
    expect(fixes({ endpoint: '/cgi-bin/stable_token', profileFlag: '' })).toContain('wxauth quota /cgi-bin/stable_token --clear');
    expect(fixes({})).toContain('See the usage with wxauth quota /cgi-bin/token;');
    expect(fixes({})).not.toMatch(/\{p\}|\{path\}/);
  });

  it('-1000 from getticket: the access_token sent had gone bad; fetch a fresh one and ask for the ticket again', () => {
    const e = explainErrcode(-1000, { endpoint: '/cgi-bin/ticket/getticket', profileFlag: ' --profile staging' });
    expect(e.rich).toBe(true);
    expect(e.causes[0]?.en).toContain('The access_token sent had gone bad');
    expect(e.fixes[0]?.en).toContain('wxauth --profile staging token fetches the current stable token');
    expect(e.fixes[0]?.en).toContain('then wxauth --profile staging jssdk ticket --refresh');
    expect(e.fixes[0]?.zh).toContain('wxauth --profile staging token 向微信重新获取当前有效的 stable token');
  });

  it('explains 40003 from /cgi-bin/user/info with the basic token\'s causes and page, not the OAuth pair', () => {
    const e = explainErrcode(40003, { endpoint: '/cgi-bin/user/info' });
    expect(e.stage).toBe('basic-token');
    expect(e.causes.map((c) => c.en).join(' ')).not.toContain('not a pair');
    expect(e.causes.map((c) => c.en).join(' ')).toContain('A unionid was passed as the openid');
    expect(e.fixes[0]?.en).toContain('basic access_token of the account the openid belongs to');
    expect(e.doc).toContain('Get_users_basic_information_UnionID');
    const sns = explainErrcode(40003, { endpoint: '/sns/userinfo' });
    expect(sns.causes[0]?.en).toContain('not a pair');
    expect(sns.doc).toContain('api_snsauth');
  });

  it('links every explanation to a page of WeChat\'s documentation site as its pages are addressed (…/page.html)', () => {
    // The site's pages end in .html; a link without it, or to a page's .md source, is not the page a reader
    // expects (stored copies of developers.weixin.qq.com show each page's address with .html).
    const docs = new Set(KNOWLEDGE.flatMap((k) => [k.doc ?? '', ...(k.docOn ?? []).map((d) => d.doc)]).filter((d) => d.startsWith('https://developers.weixin.qq.com/doc/')));
    expect(docs.size).toBeGreaterThan(5);
    for (const doc of docs) expect(doc, doc).toMatch(/\/[\w-]+\.html$/);
  });

  it.each([
    ['/connect/oauth2/authorize', 'authorize'],
    ['https://open.weixin.qq.com/connect/qrconnect?appid=x#wechat_redirect', 'authorize'],
    ['/sns/oauth2/access_token', 'token'],
    ['sns/oauth2/refresh_token', 'token'],
    ['/sns/userinfo', 'userinfo'],
    ['/sns/auth', 'userinfo'],
    ['/cgi-bin/token', 'basic-token'],
    ['/cgi-bin/stable_token', 'basic-token'],
    ['/cgi-bin/openapi/quota/get', 'quota'],
    ['/cgi-bin/clear_quota/v2', 'quota'],
    ['/cgi-bin/component/api_component_token', 'third-party'],
    // Called with the basic access_token (a user's 40003 there is not the OAuth token's, issue 19's trial).
    ['/cgi-bin/user/info', 'basic-token'],
    ['/cgi-bin/ticket/getticket', 'jssdk'],
    ['/unknown/path', undefined],
  ])('stage of %s is %s', (endpoint, stage) => {
    expect(stageOfEndpoint(endpoint)).toBe(stage);
  });

  it.each([
    ['https://api.weixin.qq.com/sns/userinfo?access_token=a&openid=b', '/sns/userinfo'],
    ['sns/auth', '/sns/auth'],
    ['/cgi-bin/token/', '/cgi-bin/token'],
  ])('normalizeEndpoint(%s)', (input, path) => {
    expect(normalizeEndpoint(input)).toBe(path);
  });
});

describe('rid notes', () => {
  it('a current rid from a cgi-bin call can be looked up, and its time is decoded', () => {
    const e = explainErrcode(45009, { endpoint: '/cgi-bin/token', errmsg: 'reach max api daily quota limit rid: 617682e0-09059ac5-34a8e2ea' });
    expect(e.ridNote?.en).toContain('2021-10-25T10:11:44Z');
    expect(e.ridNote?.en).toContain('wxauth rid 617682e0-09059ac5-34a8e2ea');
  });

  it('an sns rid cannot be looked up', () => {
    const e = explainErrcode(40163, { endpoint: '/sns/oauth2/access_token', errmsg: 'code been used, rid: 62bae58d-5bf58b34-5f8e035e' });
    expect(e.ridNote?.en).toMatch(/cannot be looked up/);
  });

  it('an old hints/req_id cannot be looked up', () => {
    const e = explainErrcode(40163, { errmsg: 'code been used, hints: [ req_id: zp1Bma0037uth6 ]' });
    expect(e.rid).toBe('zp1Bma0037uth6');
    expect(e.ridNote?.en).toMatch(/old-style hints\/req_id/);
  });
});

describe('WeCom (企业微信)', () => {
  it('--wecom explains from the WeCom table and notes the WeChat meaning differs', () => {
    const e = explainErrcode(40003, { wecom: true });
    expect(e.table).toBe('wecom');
    expect(e.meaning.zh).toBe('无效的UserID');
    expect(e.otherTable?.meaning.en).toBe('invalid openid');
    expect(e.fixes[0]?.en).toContain('https://open.work.weixin.qq.com/devtool/query?e=40003');
  });

  it('a WeChat explanation mentions a colliding WeCom meaning, but not one that says the same', () => {
    expect(explainErrcode(40013).otherTable?.meaning.zh).toMatch(/CorpID/);
    expect(explainErrcode(40029).otherTable).toBeUndefined();
  });

  it('a body from qyapi is explained from the WeCom table, saying why', () => {
    const [r] = explainInputs([
      '{"errcode":40013,"errmsg":"invalid corpid, hint: [1564735853_5_d1d5], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40013"}',
    ]).results;
    expect(r?.table).toBe('wecom');
    expect(r?.meaning.zh).toMatch(/CorpID/);
    expect(r?.tableNote?.en).toMatch(/WeCom/);
  });

  it('an --api-base on qyapi selects the WeCom table', () => {
    const e = explainErrcode(50001, { apiBase: 'https://qyapi.weixin.qq.com' });
    expect(e.table).toBe('wecom');
    expect(e.meaning.zh).toBe('redirect_url未登记可信域名');
    expect(e.tableNote?.zh).toMatch(/企业微信/);
  });

  it('a WeCom-only code asked as WeChat is unknown there, pointing to --wecom', () => {
    const { results, unknown } = explainInputs(['60020']);
    expect(results).toEqual([]);
    expect(unknown[0]?.otherTable?.table).toBe('wecom');
    expect(unknown[0]?.otherTable?.meaning.zh).toMatch(/白名单/);
  });
});

describe('unknown codes', () => {
  it('gives the numerically nearest known codes, closest first', () => {
    const e = explainErrcode(10007);
    expect(e.known).toBe(false);
    expect(e.nearest?.map((n) => n.code).slice(0, 2)).toEqual([10006, 10005]);
    const distances = (e.nearest ?? []).map((n) => Math.abs(n.code - 10007));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('takes the nearest codes from the same range only (all but the last three digits), never 0', () => {
    expect(errcodeRange(40029)).toBe('40xxx');
    expect(errcodeRange(9300501)).toBe('9300xxx');
    expect(errcodeRange(-1)).toBe('-x');
    expect(errcodeRange(150)).toBe('xxx');
    expect(explainErrcode(40999).nearest?.every((n) => String(n.code).startsWith('40') && String(n.code).length === 5)).toBe(true);
    expect(explainErrcode(99999).nearest).toEqual([]);
    expect(explainErrcode(99999999999999).nearest).toEqual([]);
    expect(explainErrcode(7).nearest).toEqual([]);
    expect(explainErrcode(150).nearest?.map((n) => n.code)).toEqual([105, 104, 103, 102, 101]);
    expect(explainInputs(['99999999999999']).unknown[0]).toMatchObject({ range: '99999999999xxx', longest: 8 });
    expect(explainInputs(['99999']).unknown[0]).not.toHaveProperty('longest');
  });

  it('names the login codes one slip away: digits reordered, one left out or doubled', () => {
    // Far in number from what was meant, so the nearest codes never reach it.
    expect(explainErrcode(41063).didYouMean?.map((n) => n.code)).toEqual([40163]);
    expect(explainErrcode(40920).didYouMean?.map((n) => n.code)).toEqual([40029]);
    expect(explainErrcode(10030).didYouMean?.map((n) => n.code)).toEqual([10003]);
    expect(slippedCodes(4163).map((n) => n.code)).toEqual([40163]);
    expect(slippedCodes(401633).map((n) => n.code)).toEqual([40163]);
    expect(explainErrcode(41063).nearest?.map((n) => n.code)).not.toContain(40163);
    expect(slippedCodes(41063)[0]?.meaning).toEqual(explainErrcode(40163).meaning);
  });

  it('leaves out one wrong digit, which every code of a dense range is from several others', () => {
    expect(explainErrcode(10007).didYouMean).toBeUndefined();
    expect(slippedCodes(99999)).toEqual([]);
  });

  it('nearestCodes carries meanings', () => {
    expect(nearestCodes(40030, 1)[0]).toEqual({ code: 40030, meaning: explainErrcode(40030).meaning });
  });

  it('an unknown input says where to look, in both languages', () => {
    const { unknown } = explainInputs(['10007']);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.code).toBe(10007);
    expect(unknown[0]?.nearest).toHaveLength(5);
    expect(unknown[0]?.where.map((w) => w.en).join(' ')).toContain('developers.weixin.qq.com/doc/oplatform/developers/errCode/errCode.html');
  });

  // Number('12345678901234567890') is 12345678901234567000: the code named was one nobody typed.
  it('a number no errcode can be (past the safe integers) is unknown as typed, with no code or nearest codes', () => {
    const range = { min: -1000, max: 10080002 };
    for (const [input, number] of [
      ['12345678901234567890', '12345678901234567890'],
      ['9007199254740993', '9007199254740993'],
      ['-9007199254740993', '-9007199254740993'],
      ['errcode 12345678901234567890', '12345678901234567890'],
      ['{"errcode":12345678901234567890,"errmsg":"invalid code"}', '12345678901234567890'],
      ['{"errcode":"9007199254740993","errmsg":"x"}', '9007199254740993'],
    ] as const) {
      const { results, unknown } = explainInputs([input]);
      expect(results, input).toEqual([]);
      expect(unknown, input).toEqual([expect.objectContaining({ input, outOfRange: { number, ...range }, nearest: [] })]);
      expect(unknown[0], input).not.toHaveProperty('code');
    }
    expect(explainInputs(['9007199254740991']).unknown[0]).toMatchObject({ code: 9007199254740991 });
    expect(explainInputs(['12345678901234567890'], { wecom: true }).unknown[0]?.outOfRange).toEqual({ number: '12345678901234567890', min: -1, max: 2000002 });
  });

  it('a keyword that matches nothing is unknown without a code', () => {
    const { results, unknown } = explainInputs(['zzqqxx']);
    expect(results).toEqual([]);
    expect(unknown).toEqual([expect.objectContaining({ input: 'zzqqxx', nearest: [] })]);
    expect(unknown[0]?.code).toBeUndefined();
  });
});

describe('inputs', () => {
  it.each([
    ['40029', [40029]],
    ['-1', [-1]],
    ['40029,40163', [40029, 40163]],
    ['40029， 40163 42001', [40029, 40163, 42001]],
    [' 40125 ', [40125]],
  ])('numbers: %j', (input, codes) => {
    const { results } = explainInputs([input]);
    expect(results.map((r) => r.code)).toEqual(codes);
    expect(results.every((r) => r.match === 'code')).toBe(true);
  });

  it('several arguments, in order', () => {
    expect(explainInputs(['40163', '42001', '-1']).results.map((r) => r.code)).toEqual([40163, 42001, -1]);
  });

  it.each([
    ['{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6392f3df-1a2b3c4d-5e6f7a8b"}', 40164],
    ['{"errcode":40163,"errmsg":"code been used, hints: [ req_id: zp1Bma0037uth6 ]"}', 40163],
    ['  {  "errcode" :  "40029" ,\n "errmsg" : "invalid code"  }  ', 40029],
    ['{errcode: 48001, errmsg: "api unauthorized, rid: 62fb9bc8-078c24da-4202f278"}', 48001],
  ])('a pasted body: %s', (input, code) => {
    const [r] = explainInputs([input]).results;
    expect(r?.match).toBe('body');
    expect(r?.code).toBe(code);
    expect(r?.errmsg).toBeDefined();
  });

  it('a body the shell split (pasted without quotes) is put back together', () => {
    // bash turns {"errcode":40029,"errmsg":"invalid code, rid: x"} unquoted into these words
    const { results, unknown } = explainInputs(['{errcode:40029,errmsg:invalid', 'code,', 'rid:', '649e76e7-618a82cc-31b5e199}', '40163']);
    expect(unknown).toEqual([]);
    expect(results.map((r) => [r.code, r.match])).toEqual([
      [40029, 'body'],
      [40163, 'code'],
    ]);
    expect(results[0]?.rid).toBe('649e76e7-618a82cc-31b5e199');
  });

  it('an errmsg typed without quotes is searched as one phrase, not word by word', () => {
    // `wxauth errcode code been used`: searched word by word, "been" led with 10004 此公众号被封禁.
    const { results } = explainInputs(['code', 'been', 'used']);
    expect(results[0]?.code).toBe(40163);
    expect(new Set(results.map((r) => r.input))).toEqual(new Set(['code been used']));
    expect(results.map((r) => r.code)).not.toContain(10004);
    // wx.error's text: the JS-SDK signature entry, not the url-domain one "config:invalid" alone finds.
    expect(explainInputs(['config:invalid', 'signature']).results[0]?.code).toBe(63002);
  });

  it('a code with its errmsg after it, as log lines write it, is that code with that errmsg', () => {
    for (const [input, code, errmsg] of [
      ['40163 code been used', 40163, 'code been used'],
      ['40029,invalid code', 40029, 'invalid code'],
      ['-1 system error', -1, 'system error'],
      ['40001: invalid credential rid: 6566a1b2-1c2d3e4f-5a6b7c8d', 40001, 'invalid credential rid: 6566a1b2-1c2d3e4f-5a6b7c8d'],
    ] as const) {
      const { results, unknown } = explainInputs([input]);
      expect(unknown).toEqual([]);
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ code, match: 'body', errmsg });
    }
    expect(explainInputs(['40001: invalid credential rid: 6566a1b2-1c2d3e4f-5a6b7c8d']).results[0]?.rid).toBe('6566a1b2-1c2d3e4f-5a6b7c8d');
    // Numbers after a number are a list of codes, not an errmsg.
    expect(explainInputs(['40001 40029']).results.map((r) => [r.code, r.match])).toEqual([
      [40001, 'code'],
      [40029, 'code'],
    ]);
  });

  it('“access_token 过期” (expired) ranks 42001 first, not 40014', () => {
    expect(explainInputs(['access_token 过期']).results[0]).toMatchObject({ code: 42001, match: 'keyword' });
  });

  it('WeChat\'s errmsgs with a variable part, pasted without their errcode: the IP and the link do not hide the code', () => {
    const ip = explainInputs(['invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 6392f3df-1a2b3c4d-5e6f7a8b']);
    expect(ip.unknown).toEqual([]);
    expect(ip.results[0]).toMatchObject({ code: 40164, match: 'body', ip: '1.2.3.4', rid: '6392f3df-1a2b3c4d-5e6f7a8b' });
    expect(explainInputs(['invalid ip 203.0.113.9, not in whitelist']).results[0]).toMatchObject({ code: 40164, ip: '203.0.113.9' });
    expect(explainInputs(['invalid appsecret, view more at http://t.cn/RAEkdVq']).results[0]).toMatchObject({ code: 40125, match: 'body' });
    // Any other errmsg: searched without the link and the address.
    expect(explainInputs(['access_token expired, view more at http://t.cn/RAEkdVq']).results[0]).toMatchObject({ code: 42001, match: 'keyword' });
  });

  it('a log line with words before the code: the first number on its own that the table knows', () => {
    const line = explainInputs(['Error: wechat 40163 code been used, rid: 6b12424f-1c2d3e4f-5a6b7c8d']);
    expect(line.unknown).toEqual([]);
    expect(line.results).toHaveLength(1);
    expect(line.results[0]).toMatchObject({ code: 40163, match: 'body', errmsg: 'code been used, rid: 6b12424f-1c2d3e4f-5a6b7c8d', rid: '6b12424f-1c2d3e4f-5a6b7c8d' });
    expect(explainInputs(['微信登录失败 40163 code been used']).results[0]).toMatchObject({ code: 40163, match: 'body' });
    // Nothing after the code: the code alone.
    expect(explainInputs(['获取token失败 40001']).results[0]).toMatchObject({ code: 40001, match: 'code' });
    // Its own errmsg after it reads as an error line even without an error word.
    expect(explainInputs(['wechat said 40163 code been used']).results[0]).toMatchObject({ code: 40163, match: 'body' });
    // A port, a pid, a duration, an id, an index, or a number the table does not know is not an errcode.
    for (const text of [
      'connect localhost:40001 failed',
      'at 2026-12-04 04:30:30 retry 40001x',
      'order 99999 failed',
      'listening on port 45009',
      'request took 40001 ms',
      'pid 40013 exited',
      'index -1 out of range',
      'user 40003 logged in',
    ]) {
      const { results } = explainInputs([text]);
      expect(results.filter((r) => r.match === 'body' || r.match === 'code'), text).toEqual([]);
    }
  });

  it('a short number before words is a code only when the table knows it ("2 次" stays a phrase)', () => {
    expect(explainInputs(['2 次']).results.every((r) => r.match === 'keyword')).toBe(true);
    expect(explainInputs(['-1 system error']).results[0]).toMatchObject({ code: -1, match: 'body' });
  });

  it('a 40001 whose errmsg advertises getStableAccessToken is a basic token\'s: the token war comes first', () => {
    const cgi = '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r rid: 6566a1b2-1c2d3e4f-5a6b7c8d"}';
    const [r] = explainInputs([cgi]).results;
    expect(r?.causes[0]?.en).toMatch(/^The basic access_token was invalidated/);
    expect(r?.causes.map((c) => c.en).join('\n')).not.toMatch(/used as the user token/);
    expect(r?.stage).toBe('basic-token');
    // Without those words (as /sns/userinfo answers) the user-token causes lead, as before.
    const [sns] = explainInputs(['{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: 6566a1b2-1c2d3e4f-5a6b7c8d"}']).results;
    expect(sns?.causes[0]?.en).toMatch(/used as the user token/);
  });

  it('a code in a log line is ranked for what its words say: fetching a basic token, a /cgi-bin call, or nothing clear', () => {
    const first = (line: string) => explainInputs([line]).results[0]?.causes[0]?.en ?? '';
    // "获取token失败" is /cgi-bin/token's own failure: the secret, not a user token or the token war.
    expect(first('获取token失败 40001')).toMatch(/^A wrong AppSecret when fetching the token/);
    expect(first('getStableAccessToken failed: 40001')).toMatch(/^A wrong AppSecret/);
    // "getAccessToken" / "获取access_token" name a code exchange as often (wechat-oauth's getAccessToken(code)): no hint.
    expect(explainInputs(['获取access_token失败 40125']).results[0]?.stage).not.toBe('basic-token');
    expect(first('getAccessToken failed: 40001')).toMatch(/used as the user token/);
    expect(explainInputs(['获取token失败 40001']).results[0]?.stage).toBe('basic-token');
    // A ticket or /cgi-bin call made with the basic token: the token war first.
    expect(first('获取jsapi_ticket失败 40001')).toMatch(/^The basic access_token was invalidated/);
    expect(first('调用 /cgi-bin/ticket/getticket 返回 40001')).toMatch(/^The basic access_token was invalidated/);
    expect(first('发送模板消息失败 40001')).toMatch(/^The basic access_token was invalidated/);
    expect(first('创建自定义菜单失败 40001')).toMatch(/^The basic access_token was invalidated/);
    // Ranked, never dropped: the user-token causes are still listed after them.
    expect(explainInputs(['获取token失败 40001']).results[0]?.causes.map((c) => c.en).join('\n')).toMatch(/used as the user token/);
    // Web-authorization words, or none: the order written for 40001, user token first.
    expect(first('获取网页授权access_token失败 40001')).toMatch(/used as the user token/);
    expect(first('获取用户信息失败 40001')).toMatch(/used as the user token/);
    expect(first('返回 40001')).toMatch(/used as the user token/);
  });

  it('a 45009 about the jsapi_ticket (words, a log line around a body, the getticket path) leads with getticket\'s own limit', () => {
    const first = (line: string) => explainInputs([line]).results[0];
    for (const line of ['获取jsapi_ticket失败 45009', 'ERROR 获取jsapi_ticket失败 errcode=45009 errmsg=reach max api daily quota limit', 'getJsapiTicket failed: {"errcode":45009,"errmsg":"reach max api daily quota limit"}', 'GET https://api.weixin.qq.com/cgi-bin/ticket/getticket?type=jsapi\n{"errcode":45009,"errmsg":"reach max api daily quota limit"}']) {
      expect(first(line)?.causes[0]?.en, line).toMatch(/^getticket, which fetches the jsapi_ticket, has a daily limit of its own/);
      expect(first(line)?.fixes[0]?.en, line).toMatch(/^Cache the jsapi_ticket globally/);
    }
    // A body's own errmsg is not the log's words; the token's fetch keeps its own quota first.
    expect(first('{"errcode":45009,"errmsg":"reach max api daily quota limit"}')?.causes[0]?.en).toMatch(/^The daily quota of \/cgi-bin\/token/);
    expect(first('ERROR 获取token失败 errcode=45009 errmsg=reach max api daily quota limit')?.causes[0]?.en).toMatch(/^The daily quota of \/cgi-bin\/token/);
    // getticket is called with the basic token: a ticket line's code stays in that stage (40001 has no JS-SDK stage).
    expect(first('获取jsapi_ticket失败 40001')?.stage).toBe('basic-token');
    const logged = first('ERROR 获取jsapi_ticket失败 {"errcode":40001,"errmsg":"invalid credential"}');
    expect(logged?.stage).toBe('basic-token');
    expect(logged?.causes[0]?.en).toMatch(/^The basic access_token was invalidated/);
  });

  it('a 40029 or 40163 in a server\'s log line leads with the code exchanged twice; typed on its own, with the code copied by hand', () => {
    const causes = (input: string) => explainInputs([input]).results[0]?.causes.map((c) => c.en) ?? [];
    for (const line of ['getAccessToken failed 40029', '换取token失败，错误码：40029', '[ERROR] exchange failed: {"errcode":40029,"errmsg":"invalid code"}', 'Error: getAccessToken failed: errcode=40029, errmsg=invalid code', 'oauth callback error errcode: 40029']) {
      const r = explainInputs([line]).results[0];
      expect(r?.causes[0]?.en, line).toMatch(/^The same code was exchanged twice/);
      expect(r?.fixes[0]?.en, line).toMatch(/^Exchange each code once/);
      // Ranked, not dropped: the causes of copying by hand are still there, last.
      expect(causes(line).at(-1), line).toMatch(/already spent the code/);
      expect(r?.readAs, line).toBe('log');
    }
    for (const typed of ['40029', '{"errcode":40029,"errmsg":"invalid code"}', '40029 invalid code', 'errcode: 40029', 'errcode 40029 invalid code', 'errcode=40029&errmsg=invalid code']) {
      expect(causes(typed)[0], typed).toMatch(/^The code expired/);
      expect(explainInputs([typed]).results[0]?.readAs, typed).toBeUndefined();
    }
    // 40163 from a log: the pasted-into-wxauth cause goes last.
    expect(causes('exchange failed 40163').at(-1)).toMatch(/pasted the same code into wxauth/);
    expect(causes('40163')[1]).toMatch(/pasted the same code into wxauth/);
    // A code without server or hand-copy causes is not said to be read as a log line.
    expect(explainInputs(['获取token失败 40125']).results[0]?.readAs).toBeUndefined();
  });

  it('"返回 N", a line naming a WeChat API, and a token or ticket line read N as an errcode; a port does not', () => {
    for (const line of ['调用接口返回 40001', '/cgi-bin/token 40001', 'getticket 返回 40001']) expect(explainInputs([line]).results[0]?.code).toBe(40001);
    expect(explainInputs(['listening on port 40001']).results).toEqual([]);
    // A count after the number is a quantity: "the query returned 40003 rows".
    expect(explainInputs(['查询返回 40003 条']).results.filter((r) => r.code === 40003 && r.match !== 'keyword')).toEqual([]);
  });

  it('a young 40164 rid is not sent to rid/get from the same refused address', () => {
    const rid = `${Math.floor(Date.UTC(2026, 11, 4) / 1000).toString(16)}-1a2b3c4d-5e6f7a8b`;
    const body = `{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ${rid}"}`;
    const [r] = explainInputs([body], { now: Date.UTC(2026, 11, 4, 1) }).results;
    expect(r?.ridNote?.en).toMatch(/rid\/get would get the same 40164: whitelist the IP first, or run `wxauth rid [0-9a-f-]+` on a whitelisted server/);
  });

  it('the page an official account\'s link shows outside WeChat is known, with the ways to open it', () => {
    const [r] = explainInputs(['请在微信客户端打开链接']).results;
    expect(r).toMatchObject({ match: 'page', page: { id: 'open-in-wechat' } });
    expect(r?.fixes.map((f) => f.en).join('\n')).toMatch(/WeChat DevTools/);
  });

  it('an errmsg copied with its request id is searched without it', () => {
    for (const input of ['code been used, rid: 6566a1b2-1c2d3e4f-5a6b7c8d', 'code been used, hints: [ req_id: zp1Bma0037uth6 ]']) {
      const { results, unknown } = explainInputs([input]);
      expect(unknown).toEqual([]);
      expect(results[0]).toMatchObject({ code: 40163, match: 'keyword', input });
    }
  });

  it('codes and quoted phrases stay separate inputs when words are glued', () => {
    const { results } = explainInputs(['40029', 'invalid', 'code', 'code been used']);
    expect(results[0]).toMatchObject({ code: 40029, match: 'code', input: '40029' });
    const inputs = [...new Set(results.map((r) => r.input))];
    expect(inputs).toEqual(['40029', 'invalid code', 'code been used']);
  });

  // The JS-SDK hands wx.error an object that developers print with JSON.stringify(res) (JSSDK-FACTS §3, §3.1
  // realAuthUrl): it is read by its errMsg, as if that text had been pasted alone; the input stays as given.
  it.each([
    ['{"errMsg":"config:invalid signature"}', 'config:invalid signature', 63002],
    ['{"realAuthUrl":[],"errMsg":"config:invalid url domain"}', 'config:invalid url domain', 40048],
    ['wx.error: {"errMsg":"config:invalid signature"}', 'config:invalid signature', 63002],
    ["{ errMsg: 'config:fail,Error: invalid signature' }", 'config:fail,Error: invalid signature', 63002],
    ['{"errMsg":"config:fail,Error: 系统错误，错误码：40048,invalid url domain"}', 'config:fail,Error: 系统错误，错误码：40048,invalid url domain', 40048],
    ['wx.config:invalid signature', 'config:invalid signature', 63002],
    ['wx.error: config:invalid url domain', 'config:invalid url domain', 40048],
  ])('a wx.error object or a wx.-prefixed message: %s', (input, read, code) => {
    const { results, unknown } = explainInputs([input]);
    expect(unknown).toEqual([]);
    expect(results[0]).toMatchObject({ code, input, read });
  });

  it('wx.config:fail is the bare config:fail; a WeChat body with errmsg is still read by its errcode', () => {
    expect(explainInputs(['wx.config:fail']).results[0]).toMatchObject({ match: 'page', page: { id: 'jssdk-config-fail' }, read: 'config:fail' });
    expect(explainInputs(['{"errMsg":"config:fail"}']).results[0]).toMatchObject({ page: { id: 'jssdk-config-fail' } });
    const [body] = explainInputs(['{"errcode":40029,"errmsg":"invalid code"}']).results;
    expect(body).toMatchObject({ code: 40029, match: 'body' });
    expect(body).not.toHaveProperty('read');
    expect(explainInputs(['config:invalid signature']).results[0]).not.toHaveProperty('read');
  });

  // debug: true alerts {"errMsg":"config:ok"} when wx.config passes; users paste it (or an API's own
  // success, checkJsApi:ok) asking what went wrong. It is a success, not an unknown error.
  it.each([
    ['{"errMsg":"config:ok"}', 'config:ok'],
    ['{"checkResult":{"chooseImage":true},"errMsg":"checkJsApi:ok"}', 'checkJsApi:ok'],
    ['wx.config:ok', 'config:ok'],
    ['chooseImage:ok', undefined],
  ])('a JS-SDK success message is said to be one: %s', (input, read) => {
    const { results, unknown } = explainInputs([input]);
    expect(unknown).toEqual([]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ match: 'page', page: { id: 'jssdk-ok', text: { en: read ?? input } }, ...(read !== undefined && { read }) });
    expect(results[0]?.meaning.en).toMatch(/succeeded: it is not an error/);
  });

  it('a failure that says ok elsewhere is not read as a success', () => {
    expect(explainInputs(['config:fail,Error: ok']).results[0]?.page?.id).not.toBe('jssdk-ok');
    expect(explainInputs(['config:okay']).results[0]?.page?.id).not.toBe('jssdk-ok');
  });

  it('a body with a curl line tunes the causes to that endpoint', () => {
    const [r] = explainInputs(['GET https://api.weixin.qq.com/sns/userinfo?access_token=x&openid=y\n{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: 1"}']).results;
    expect(r?.endpoint).toBe('/sns/userinfo');
    expect(r?.causes[0]?.en).toMatch(/used as the user token/);
  });

  it('a page text with its code shown on mobile ("错误码：10003") resolves to the code', () => {
    const [r] = explainInputs(['redirect_uri 域名与后台配置不一致，错误码：10003']).results;
    expect(r?.code).toBe(10003);
    expect(r?.match).toBe('code');
  });

  it('--endpoint tunes every input', () => {
    const [r] = explainInputs(['40001'], { endpoint: '/cgi-bin/token' }).results;
    expect(r?.stage).toBe('basic-token');
  });
});

describe('error-page texts', () => {
  it.each([
    ['redirect_uri 参数错误', 'redirect-uri-param', 10003],
    ['redirect_uri参数错误', 'redirect-uri-param', 10003],
    ['  REDIRECT_URI 参数错误！', 'redirect-uri-param', 10003],
    // API-FACTS §1.5: these pages carry no code; 10005 is 此公众号并没有这些scope的权限, a page of its own.
    ['Scope 参数错误或没有 Scope 权限', 'scope-error', undefined],
    ['scope参数错误或没有scope权限', 'scope-error', undefined],
    ['该链接无法访问', 'link-unreachable', undefined],
    ['微信登录 该链接无法访问 请检查参数', 'link-unreachable', undefined],
  ])('%j', (text, id, code) => {
    const e = explainPageText(text);
    expect(e?.page?.id).toBe(id);
    expect(e?.code).toBe(code);
    expect(e?.causes.length).toBeGreaterThan(1);
    expect(e?.stage).toBe('authorize');
    const [r] = explainInputs([text]).results;
    expect(r?.match).toBe('page');
  });

  it('the redirect_uri page explains the port rule', () => {
    expect(explainPageText('redirect_uri 参数错误')?.causes.map((c) => c.en).join(' ')).toMatch(/port/);
  });

  it('a fragment of a page text with enough Chinese is that page', () => {
    expect(explainPageText('没有 Scope 权限')?.page?.id).toBe('scope-error');
  });

  it.each(['redirect', 'scope', '错误', '参数错误'])('short or vague text %j is not a page', (text) => {
    expect(explainPageText(text)).toBeUndefined();
  });
});

describe('keyword search', () => {
  it.each([
    ['whitelist', 40164],
    ['白名单', 40164],
    ['IP 白名单', 40164],
    ['invalid code', 40029],
    ['code been used', 40163],
    ['已使用', 40163],
    ['快照', 48001],
    ['snapshot', 48001],
    ['refresh_token expired', 42002],
    ['not latest', 40001],
    ['invalid appsecret', 40125],
    ['回调域名', 10003],
    ['测试号', 10006],
  ])('%j finds %i first', (query, code) => {
    expect(searchErrcodes(query)[0]?.code).toBe(code);
  });

  it('every word must match', () => {
    for (const hit of searchErrcodes('whitelist admin')) {
      const e = explainErrcode(hit.code);
      expect(JSON.stringify(e).toLowerCase()).toMatch(/admin|管理员/);
    }
    expect(searchErrcodes('whitelist zzqqxx')).toEqual([]);
  });

  it('finds codes outside the auth flow from the table meanings too', () => {
    expect(searchErrcodes('白名单', { limit: 50 }).map((h) => h.code)).toContain(61004);
  });

  it('searches the WeCom table with --wecom', () => {
    const hits = searchErrcodes('白名单', { wecom: true, limit: 50 }).map((h) => h.code);
    expect(hits).toContain(60020);
  });

  it('keyword inputs give ranked explanations tagged with the input', () => {
    const { results } = explainInputs(['whitelist']);
    expect(results[0]).toMatchObject({ code: 40164, input: 'whitelist', match: 'keyword' });
    expect(results.length).toBeGreaterThan(2);
  });
});

describe('--list', () => {
  it('lists the auth-flow codes by default', () => {
    const codes = listErrcodes().map((c) => c.code);
    for (const row of oauth as Row[]) expect(codes).toContain(row.code);
  });

  it.each(['authorize', 'token', 'userinfo', 'basic-token', 'quota'])('stage %s lists only that stage', (stage) => {
    const listed = listErrcodes({ stage });
    expect(listed.length).toBeGreaterThan(0);
    for (const c of listed) expect(c.stages).toContain(stage);
  });

  it('authorize is the page codes', () => {
    expect(listErrcodes({ stage: 'authorize' }).map((c) => c.code)).toEqual([10003, 10004, 10005, 10006, 10009, 10010, 10011, 10012, 10013, 10015, 10016]);
  });

  it('all is the whole table, wecom the WeCom table', () => {
    expect(listErrcodes({ stage: 'all' })).toHaveLength(1916);
    expect(listErrcodes({ wecom: true })).toHaveLength(281);
    expect(LIST_STAGES).toContain('all');
  });

  it("errcode --help's --stage lists every stage --stage takes", async () => {
    const { catalogue } = await import('../../src/ui/messages/index.js');
    const text = catalogue['cli.errcode.opt.stage'];
    for (const lang of ['zh', 'en'] as const) expect(text[lang].split('：').pop()!.split(': ').pop()!.split('|')).toEqual([...LIST_STAGES]);
  });
});

describe('the rid note (issue 12 item 11)', () => {
  // 0x617682e0 = 2021-10-25T12:00:00Z
  const errmsg = (code: string) => `${code} rid: 617682e0-09059ac5-34a8e2ea`;
  const issued = 0x617682e0 * 1000;

  it('offers wxauth rid within 7 days of the rid', () => {
    const e = explainErrcode(45009, { endpoint: '/cgi-bin/token', errmsg: errmsg('reach max api daily quota limit'), now: issued + 86_400_000 });
    expect(e.ridNote?.en).toContain('wxauth rid 617682e0-09059ac5-34a8e2ea');
  });

  it('says a rid older than 7 days can no longer be looked up', () => {
    const e = explainErrcode(45009, { endpoint: '/cgi-bin/token', errmsg: errmsg('reach max api daily quota limit'), now: issued + 8 * 86_400_000 });
    expect(e.ridNote?.en).toContain('no longer finds it');
    expect(e.ridNote?.en).not.toContain('wxauth rid');
  });

  // An /sns/* rid is never found: its age said first read as if it once could have been.
  it('an /sns/* rid is said never to be found, old or young, also in a pasted body of a code only /sns/* answers', () => {
    const old = issued + 8 * 86_400_000;
    expect(explainErrcode(40029, { endpoint: '/sns/oauth2/access_token', errmsg: errmsg('invalid code'), now: old }).ridNote?.en).toContain('rids of /sns/* endpoints cannot be looked up');
    const [pasted] = explainInputs([`{"errcode":40163,"errmsg":"code been used, rid: 617682e0-09059ac5-34a8e2ea"}`], { now: old }).results;
    expect(pasted?.ridNote?.en).toContain('rids of /sns/* endpoints cannot be looked up');
    expect(pasted?.ridNote?.en).not.toContain('no longer finds it');
    // A code /cgi-bin/* answers too keeps its age note.
    expect(explainInputs([`{"errcode":40001,"errmsg":"invalid credential, rid: 617682e0-09059ac5-34a8e2ea"}`], { now: old }).results[0]?.ridNote?.en).toContain('no longer finds it');
  });

  it('does not send a rejected appid or secret to rid/get', () => {
    for (const code of [40013, 40125]) {
      const e = explainErrcode(code, { endpoint: '/cgi-bin/token', errmsg: errmsg('invalid appsecret'), now: issued });
      expect(e.ridNote?.en, String(code)).toContain('fix the appid/secret');
      expect(e.ridNote?.en, String(code)).not.toContain('wxauth rid');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { CODE_LIST_RE, extractRid, parseErrorBody, stripErrmsgSuffix } from '../../src/core/errcodes.js';

// errmsg samples quoted in API-FACTS §0.4 (real traffic from issues and community posts).
describe('extractRid', () => {
  it.each([
    ['invalid code, rid: 649e76e7-618a82cc-31b5e199', '649e76e7-618a82cc-31b5e199'],
    ['invalid appsecret rid: 67b81456-7702e5f9-2c9e1783', '67b81456-7702e5f9-2c9e1783'],
    ['code been used, hints: [ req_id: zp1Bma0037uth6 ]', 'zp1Bma0037uth6'],
    ['invalid code, hints: [ req_id: EJEBB5yFe-bavp_ ]', 'EJEBB5yFe-bavp_'],
    ['access_token expired, hints: [ req_id: rabp.A0077ns41 ]', 'rabp.A0077ns41'],
    ['invalid ip 61.172.68.219, not in whitelist hint: [KJZfAa0644e575]', 'KJZfAa0644e575'],
    ['access_token expired hint: [axr1DA07251187!]', 'axr1DA07251187'],
    ['rid not found, please check rid: 61725984-6126f6f9-040f19c4', '61725984-6126f6f9-040f19c4'],
    [
      'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r rid: 6561d0f4-1c2b3a4d-5e6f7a8b',
      '6561d0f4-1c2b3a4d-5e6f7a8b',
    ],
    ['invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist, rid: 6392f3df-0a1b2c3d-4e5f6a7b', '6392f3df-0a1b2c3d-4e5f6a7b'],
  ])('%s', (errmsg, rid) => {
    expect(extractRid(errmsg)).toBe(rid);
  });

  it.each(['invalid code', 'rid not found', 'api unauthorized', '', 'hints: [ ]'])('no rid in %j', (errmsg) => {
    expect(extractRid(errmsg)).toBeUndefined();
  });
});

describe('stripErrmsgSuffix', () => {
  it.each([
    ['invalid code, rid: 649e76e7-618a82cc-31b5e199', 'invalid code'],
    ['invalid appsecret rid: 67b81456-7702e5f9-2c9e1783', 'invalid appsecret'],
    ['code been used, hints: [ req_id: zp1Bma0037uth6 ]', 'code been used'],
    ['api unauthorized hint: [J3Mnna0956c442!]', 'api unauthorized'],
    ['rid not found, please check rid: 61725984-6126f6f9-040f19c4', 'rid not found, please check'],
    ['invalid code', 'invalid code'],
  ])('%s', (errmsg, base) => {
    expect(stripErrmsgSuffix(errmsg)).toBe(base);
  });
});

describe('parseErrorBody', () => {
  it('reads a current body with a rid', () => {
    expect(parseErrorBody('{"errcode":40029,"errmsg":"invalid code, rid: 649e76e7-618a82cc-31b5e199"}')).toEqual({
      errcode: 40029,
      errmsg: 'invalid code, rid: 649e76e7-618a82cc-31b5e199',
      rid: '649e76e7-618a82cc-31b5e199',
    });
  });

  it('reads the older hints/req_id era', () => {
    const parsed = parseErrorBody('{"errcode":40163,"errmsg":"code been used, hints: [ req_id: zp1Bma0037uth6 ]"}');
    expect(parsed).toMatchObject({ errcode: 40163, rid: 'zp1Bma0037uth6' });
  });

  it('pulls IPv4 and the IPv4-mapped IPv6 out of 40164', () => {
    const parsed = parseErrorBody(
      '{"errcode":40164,"errmsg":"invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: 611740a4-2c3d4e5f-6a7b8c9d"}',
    );
    expect(parsed).toEqual({
      errcode: 40164,
      errmsg: 'invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: 611740a4-2c3d4e5f-6a7b8c9d',
      rid: '611740a4-2c3d4e5f-6a7b8c9d',
      ip: '218.58.124.130',
      ipv6: '::ffff:218.58.124.130',
    });
  });

  it('reads 40164 with only an IPv4 address (2018-era message)', () => {
    expect(parseErrorBody('{"errcode":40164,"errmsg":"invalid ip 61.172.68.219, not in whitelist hint: [KJZfAa0644e575]"}')).toMatchObject(
      { ip: '61.172.68.219', rid: 'KJZfAa0644e575' },
    );
  });

  it('reads 40164 from a native IPv6 caller', () => {
    const parsed = parseErrorBody('{"errcode":40164,"errmsg":"invalid ip 2408:8207:1234::5, not in whitelist rid: 1"}');
    expect(parsed?.ipv6).toBe('2408:8207:1234::5');
    expect(parsed?.ip).toBeUndefined();
  });

  it('tolerates whitespace, newlines and errcode as a string', () => {
    const parsed = parseErrorBody('  \n {\n  "errcode" : "40125",\n  "errmsg" : "invalid appsecret rid: 67b81456-7702e5f9-2c9e1783"\n }\n');
    expect(parsed).toMatchObject({ errcode: 40125, rid: '67b81456-7702e5f9-2c9e1783' });
  });

  it('reads negative codes', () => {
    expect(parseErrorBody('{"errcode":-1,"errmsg":"system error"}')).toMatchObject({ errcode: -1, errmsg: 'system error' });
  });

  it('reads a body inside surrounding text (curl -i output, log lines)', () => {
    const text = 'HTTP/1.1 200 OK\nContent-Type: text/plain\n\n{"errcode":40029,"errmsg":"invalid code"}\n';
    expect(parseErrorBody(text)).toEqual({ errcode: 40029, errmsg: 'invalid code' });
  });

  it('reads a JS object as console.log prints it', () => {
    expect(parseErrorBody("{ errcode: 48001, errmsg: 'api unauthorized, rid: 62fb9bc8-078c24da-4202f278' }")).toEqual({
      errcode: 48001,
      errmsg: 'api unauthorized, rid: 62fb9bc8-078c24da-4202f278',
      rid: '62fb9bc8-078c24da-4202f278',
    });
  });

  it('reads a truncated body loosely', () => {
    expect(parseErrorBody('{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest')).toEqual({
      errcode: 40001,
      errmsg: 'invalid credential, access_token is invalid or not latest',
    });
  });

  it('recognises a WeCom (qyapi) body by its errmsg', () => {
    const parsed = parseErrorBody(
      '{"errcode":40014,"errmsg":"invalid access_token, hint: [1564735853_5_d1d5dbd7e5f7], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40014"}',
    );
    expect(parsed).toMatchObject({ errcode: 40014, host: 'qyapi', rid: '1564735853_5_d1d5dbd7e5f7', ip: '1.2.3.4' });
  });

  it('notes an api.weixin.qq.com URL in the pasted text', () => {
    expect(parseErrorBody('GET https://api.weixin.qq.com/sns/userinfo -> {"errcode":40001,"errmsg":"x"}')?.host).toBe('api');
  });

  it.each(['', 'invalid code', '{"access_token":"x","expires_in":7200}', '40029', '{"errcode":"abc"}'])(
    'no errcode in %j',
    (text) => {
      expect(parseErrorBody(text)).toBeUndefined();
    },
  );
});

describe('CODE_LIST_RE (a list of bare codes, as typed or piped)', () => {
  it.each(['40029', '-1', '40029 40163', '40029,40163', '40029， 40163；-1', '40029\r\n40163\r\n', '  40029\n  40163\n'])('reads %j as a list', (text) => {
    expect(CODE_LIST_RE.test(text)).toBe(true);
  });

  it.each(['40029 invalid code', '40029,', 'errcode 40029', '40029 - 40163'])('does not read %j as one', (text) => {
    expect(CODE_LIST_RE.test(text)).toBe(false);
  });

  // A column of codes with CRLF line ends and an indent, then a word: each gap could be read in several ways,
  // and refusing it tried them all (this one did not finish in minutes).
  it('refuses a long column of codes that ends in a word', () => {
    const column = Array.from({ length: 40 }, (_, i) => String(40000 + i)).join('\r\n  ');
    expect(CODE_LIST_RE.test(`${column}\r\nERROR done`)).toBe(false);
  });
});

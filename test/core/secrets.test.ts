// Secret masking by name and by value (core/responses.ts), as tables.
import { describe, expect, it } from 'vitest';
import { base64Forms, base64Views, credentialParams, looksCredentialParam } from '../../src/core/secret-shapes.js';
import { KnownSecrets, dropSecretParams, hideUrlCredentials, isSecretHeader, maskSecretValues, redactJsonText, redactText, redactUrl } from '../../src/core/secrets.js';

const SECRET = '0123456789abcdef0123456789abcdef';

describe('redaction by name', () => {
  it('finds secret fields in JSON, and in JSON inside JSON strings at any depth', () => {
    expect(redactJsonText(`{"secret":"${SECRET}"}`)).toBe('{"secret":"0123***"}');
    // rid/get: request_body is JSON inside a JSON string.
    const once = JSON.stringify({ request_body: JSON.stringify({ appid: 'wx1', secret: SECRET }) });
    expect(redactJsonText(once)).toBe('{"request_body":"{\\"appid\\":\\"wx1\\",\\"secret\\":\\"0123***\\"}"}');
    const twice = JSON.stringify({ outer: once });
    expect(redactJsonText(twice)).not.toContain(SECRET);
    // appid and empty values are left alone.
    expect(redactJsonText('{"appid":"wx1","code":""}')).toBe('{"appid":"wx1","code":""}');
  });

  it('finds query parameters quoted in any text (a proxy page), HTML-escaped ampersands included', () => {
    const page = `<pre>GET /cgi-bin/token?grant_type=client_credential&amp;appid=wx1&amp;secret=${SECRET} HTTP/1.1</pre>`;
    expect(redactText(page)).toBe('<pre>GET /cgi-bin/token?grant_type=client_credential&amp;appid=wx1&amp;secret=0123*** HTTP/1.1</pre>');
    expect(redactText(`errmsg: see /sns/oauth2/access_token?appid=wx1&code=${SECRET}`)).not.toContain(SECRET);
    // A word that merely looks like a name is not a parameter.
    expect(redactText('the code=ok path')).toBe('the code=ok path');
  });

  it('finds name=value as a word of its own: a plain-text or HTML error page, a log line, a form body', () => {
    expect(redactText('<h1>502</h1><p>access_token=LEAKYTOKEN123456 rejected</p>')).toBe('<h1>502</h1><p>access_token=LEAK*** rejected</p>');
    expect(redactText(`refresh_token=${SECRET}`)).toBe('refresh_token=0123***');
    expect(redactText(`upstream said (secret=${SECRET}; code=061eY9xX08tQu02IH4wX05BjxX0eY9xA)`)).toBe('upstream said (secret=0123***; code=061e***)');
    // Not a secret's name, a shell variable's (ENV_SECRET_RE decides those), or a word too short to be one.
    expect(redactText('errcode=40029 PWD=/home/dev/app code=ok')).toBe('errcode=40029 PWD=/home/dev/app code=ok');
  });

  it('finds XML elements and multipart/form-data parts by name', () => {
    expect(redactText(`<xml><AppSecret>${SECRET}</AppSecret><ToUserName>gh_1</ToUserName><ComponentVerifyTicket><![CDATA[ticket@@@abcdefgh]]></ComponentVerifyTicket></xml>`)).toBe(
      '<xml><AppSecret>0123***</AppSecret><ToUserName>gh_1</ToUserName><ComponentVerifyTicket><![CDATA[tick***]]></ComponentVerifyTicket></xml>',
    );
    const form = `--b\r\nContent-Disposition: form-data; name="appid"\r\n\r\nwx1234567890abcdef\r\n--b\r\nContent-Disposition: form-data; name="secret"\r\nContent-Type: text/plain\r\n\r\n${SECRET}\r\n--b--\r\n`;
    expect(redactText(form)).toBe(form.replace(SECRET, '0123***'));
  });

  it('leaves an HTML page with name="…token" attributes, and status codes, as they are', () => {
    const waf = '<meta name="csrf-token" content="abc">\n\n<body>Request blocked by WAF. Reference 8f1e2d</body>';
    expect(redactText(waf)).toBe(waf);
    const pay = '<xml><return_code><![CDATA[SUCCESS]]></return_code><result_code>FAIL</result_code><err_code>ORDERPAID</err_code><QRCode>https://x.example/q</QRCode></xml> exit_code=1234567';
    expect(redactText(pay)).toBe(pay);
    // A page of a megabyte (the proxy keeps 64 KiB of a body, probe reads pages up to 1 MiB) comes back
    // whole, with its one secret masked (the patterns stop at the first '<', ']' or line end they meet).
    const big = '<input type="text" name="f">'.repeat(37_000) + `<xml><AppSecret>${SECRET}</AppSecret></xml>`;
    expect(redactText(big)).toBe(big.replace(SECRET, '0123***'));
  });

  it('takes a password for a secret too (an app\'s own calls pass the proxy), but not the shell\'s PWD', () => {
    expect(redactUrl('/login?user=a&pwd=PWSECRET1&password=PLAINPW12')).toBe('/login?user=a&pwd=PWSE***&password=PLAI***');
    expect(redactJsonText('{"password":"PLAINPW12"}')).toBe('{"password":"PLAI***"}');
    expect(redactText('PWD=/home/dev/app DB_PASSWORD=hunter2hunter2')).toBe('PWD=/home/dev/app DB_PASSWORD=hunt***');
  });
});

describe('isSecretHeader: a header whose bare value is a credential (the proxy and the emulator\'s log)', () => {
  it('says yes to the standard ones and to names that read as a secret\'s or end in key, no to plain ones', () => {
    for (const name of ['Authorization', 'proxy-authorization', 'Cookie', 'set-cookie', 'X-Api-Key', 'x-access-token', 'X-Wx-Secret', 'X-Auth-Token', 'apikey', 'X-Key'])
      expect(isSecretHeader(name), name).toBe(true);
    for (const name of ['Content-Type', 'User-Agent', 'X-Request-Id', 'Accept', 'Content-Encoding', 'Host']) expect(isSecretHeader(name), name).toBe(false);
  });
});

describe('redactUrl: where a URL carries a secret besides its query', () => {
  it("masks a fragment's name=value (#access_token=…), not a route or #wechat_redirect", () => {
    expect(redactUrl('https://www.example.com/cb#access_token=TOKENSECRET99&expires_in=7200')).toBe('https://www.example.com/cb#access_token=TOKE***&expires_in=7200');
    expect(redactUrl('https://a.example/#code=SECRETCODE77')).toBe('https://a.example/#code=SECR***');
    expect(redactUrl('https://a.example/#/x?code=SECRETCODE77&from=menu')).toBe('https://a.example/#/x?code=SECR***&from=menu');
    expect(redactUrl('https://a.example/#/x?key=SESSIONKEY99', ['key'])).toBe('https://a.example/#/x?key=SESS***');
    expect(redactUrl('https://a.example/cb?x=1#wechat_redirect')).toBe('https://a.example/cb?x=1#wechat_redirect');
    expect(redactUrl('https://a.example/#section=intro')).toBe('https://a.example/#section=intro');
  });

  it('masks a secret percent-encoded once or more inside a value (a redirect_uri encoded twice, a next= address)', () => {
    expect(redactUrl('https%3A%2F%2Fwww.example.com%2Fcb%3Fcode%3DSECRETCODE123')).toBe('https%3A%2F%2Fwww.example.com%2Fcb%3Fcode%3DSECR***');
    expect(redactUrl('https%253A%252F%252Fwww.example.com%252Fcb%253Fa%253D1%2526code%253DSECRETCODE123%2526b%253D2')).toBe(
      'https%253A%252F%252Fwww.example.com%252Fcb%253Fa%253D1%2526code%253DSECR***%2526b%253D2',
    );
    expect(redactUrl('/login?next=https%3a%2f%2fa.example%2fcb%23access_token%3dTOKENSECRET99&x=1')).toBe('/login?next=https%3a%2f%2fa.example%2fcb%23access_token%3dTOKE***&x=1');
    const plain = 'https%3A%2F%2Fwww.example.com%2Fcb%3Ffrom%3Dmenu%26id%3D7';
    expect(redactUrl(plain)).toBe(plain);
  });

  it('masks a secret whose parameter name is percent-encoded (access%5Ftoken, app%73ecret), as the server reads it, also encoded inside a value and in a text', () => {
    expect(redactUrl('https://a.example/cb?access%5Ftoken=TOKENSECRET99&x=1')).toBe('https://a.example/cb?access%5Ftoken=TOKE***&x=1');
    expect(redactUrl('https://a.example/cb?app%73ecret=APPSECRET1234')).toBe('https://a.example/cb?app%73ecret=APPS***');
    expect(redactUrl('https://a.example/cb?access%255Ftoken=TOKENSECRET99')).toBe('https://a.example/cb?access%255Ftoken=TOKE***');
    expect(redactUrl('/x?redirect_uri=http%3A%2F%2Fa.example%2Fcb%3Faccess%255Ftoken%3DTOKENSECRET99%26from%3Dmenu')).toBe('/x?redirect_uri=http%3A%2F%2Fa.example%2Fcb%3Faccess%255Ftoken%3DTOKE***%26from%3Dmenu');
    expect(redactUrl('/x?redirect_uri=http%3A%2F%2Fa.example%2Fcb%3Fapp%2573ecret%3DAPPSECRET1234')).toBe('/x?redirect_uri=http%3A%2F%2Fa.example%2Fcb%3Fapp%2573ecret%3DAPPS***');
    expect(redactText('<p>GET /sns/userinfo?access%5Ftoken=TOKENSECRET99&openid=o1 failed</p>')).toBe('<p>GET /sns/userinfo?access%5Ftoken=TOKE***&openid=o1 failed</p>');
    expect(redactText('see /cgi-bin/token?appid=wx1&app%73ecret=APPSECRET1234')).toBe('see /cgi-bin/token?appid=wx1&app%73ecret=APPS***');
    // An encoded name that is no secret's stays as it is.
    expect(redactUrl('https://a.example/cb?from%5Fpage=menu12345')).toBe('https://a.example/cb?from%5Fpage=menu12345');
    expect(redactText('/cb?from%5Fpage=menu12345')).toBe('/cb?from%5Fpage=menu12345');
  });

  it("dropSecretParams drops parameters by name only: a next= holding an encoded code is kept (redactUrl still masks it)", () => {
    const uri = 'https://a.example/cb?code=SECRETCODE77&next=%2Fhome%3Fcode%3DSECRETCODE88&x=1';
    const dropped = dropSecretParams(uri);
    expect(dropped).toEqual({ url: 'https://a.example/cb?next=%2Fhome%3Fcode%3DSECRETCODE88&x=1', names: ['code'] });
    expect(redactUrl(dropped.url)).not.toBe(dropped.url);
  });
});

describe('hideUrlCredentials: a URL quoted back in a message', () => {
  it('hides a password, and a user name alone (often a token), and leaves the rest', () => {
    expect(hideUrlCredentials('http://alice:S3cretPass@127.0.0.1:3900/x')).toBe('http://alice:***@127.0.0.1:3900/x');
    expect(hideUrlCredentials('ftp://alice:S3cretPass@x')).toBe('ftp://alice:***@x');
    expect(hideUrlCredentials('https://0123456789abcdef0123@gw.example.com')).toBe('https://***@gw.example.com');
    expect(hideUrlCredentials('https://weixin@gw.example.com')).toBe('https://***@gw.example.com');
    expect(hideUrlCredentials('https://api.weixin.qq.com/cgi-bin/token?a=b@c')).toBe('https://api.weixin.qq.com/cgi-bin/token?a=b@c');
    // Typed without a scheme (what a "not an http(s) URL" refusal quotes): the password still hidden.
    expect(hideUrlCredentials('gate:Pa55word-42@127.0.0.1:3900')).toBe('gate:***@127.0.0.1:3900');
    expect(hideUrlCredentials('127.0.0.1:3900')).toBe('127.0.0.1:3900');
    expect(hideUrlCredentials('dev@example.com')).toBe('dev@example.com');
  });
});

describe('masking by value', () => {
  it('masks a value however it is spelt: plain, URL-encoded, JSON-escaped, nested', () => {
    const odd = 'tok/en+with"quote';
    const texts = [odd, encodeURIComponent(odd), JSON.stringify(odd), JSON.stringify(JSON.stringify(odd))];
    for (const text of texts) expect(maskSecretValues(`[${text}]`, [odd]), text).not.toContain('en+with');
  });

  it('leaves a lost value as it is (access_token=undefined is the bug to see, not a secret)', () => {
    expect(redactText('/sns/userinfo?access_token=undefined&openid=o1')).toBe('/sns/userinfo?access_token=undefined&openid=o1');
    expect(redactText('/cgi-bin/user/info?access_token=null')).toContain('access_token=null');
    expect(redactText('/sns/auth?access_token=86_realtokenvalue0123&openid=o1')).not.toContain('realtokenvalue');
  });

  it('keeps a short prefix, ignores values too short to be secrets, and masks the longest value first', () => {
    expect(maskSecretValues(`x ${SECRET} y`, [SECRET])).toBe('x 0123*** y');
    // A server echoing the hex appsecret upper-cased (SECRET=…) still leaks it.
    expect(maskSecretValues(`x ${SECRET.toUpperCase()} y`, [SECRET])).not.toContain(SECRET.toUpperCase().slice(4));
    expect(maskSecretValues('ok 1 ok', ['ok', '1'])).toBe('ok 1 ok');
    expect(maskSecretValues(`${SECRET}XYZ`, [SECRET.slice(0, 10), `${SECRET}XYZ`])).toBe('0123***');
  });

  it('masks a value once: an address masked again (a hop quoted in a message) keeps what the first masking showed', () => {
    const once = redactUrl(`http://app/cb?code=${SECRET}&state=s`);
    expect(once).toBe('http://app/cb?code=0123***&state=s');
    expect(redactUrl(once, ['code'])).toBe(once);
    expect(redactText(`see ${once}`)).toBe(`see ${once}`);
    expect(redactUrl('http://app/cb?code=short1&state=s')).toBe('http://app/cb?code=***&state=s');
    expect(redactUrl(redactUrl('http://app/cb?code=short1&state=s'))).toBe('http://app/cb?code=***&state=s');
  });

  it('KnownSecrets learns values and the secret-named fields of a body, and redacts names then values', () => {
    const known = new KnownSecrets();
    known.add(undefined, 42, 'short', SECRET);
    known.addFields({ access_token: '73_accessTokenValue', refresh_token: '73_refreshTokenValue', openid: 'oOPENIDvalue' });
    expect(known.size).toBe(3);
    const text = `errmsg quoting ${SECRET}, 73_accessTokenValue and oOPENIDvalue; {"code":"0abcdefgh123"}`;
    expect(known.redact(text)).toBe('errmsg quoting 0123***, 73_a*** and oOPENIDvalue; {"code":"0abc***"}');
  });
});

describe('one rule for secret names everywhere (inspect and the client use isSecretName too)', () => {
  it('inspect masks an open-platform ticket or pre_auth_code pasted in a URL, not errcode or state', async () => {
    const { redactParams } = await import('../../src/core/inspect.js');
    expect(
      redactParams([
        ['pre_auth_code', 'preauthcode@@@0123456789'],
        ['component_verify_ticket', 'ticket@@@abcdefgh1234'],
        ['state', 'abc'],
        ['errcode', '40029'],
      ]),
    ).toEqual([
      ['pre_auth_code', '…6789'],
      ['component_verify_ticket', '…1234'],
      ['state', 'abc'],
      ['errcode', '40029'],
    ]);
  });
});

describe('base64Views: what a text says once its base64 runs are decoded', () => {
  const token = '86_LFdHxAbcdefghijklmnopqrstuvwxyz0123456789';
  it('finds a token in a JWT-style session cookie\'s payload and in plain base64', () => {
    const payload = Buffer.from(JSON.stringify({ openid: 'oUL3x', wx_at: token })).toString('base64url');
    expect(base64Views(`session=eyJhbGciOiJIUzI1NiJ9.${payload}.sig; Path=/; HttpOnly`).some((v) => v.includes(token))).toBe(true);
    expect(base64Views(`data: ${Buffer.from(`hello ${token}`).toString('base64')}`).some((v) => v.includes(token))).toBe(true);
  });
  it('keeps only runs that decode to text', () => {
    expect(base64Views('a path /assets/app-3WSIVMHUabcdefghij.js and an openid oVLC_6lTZxSWkoZA9L1povjQiplA')).toEqual([]);
  });
  it('a page with a run of megabytes (an inlined image) neither throws nor hides the cookie beside it', () => {
    const payload = Buffer.from(JSON.stringify({ wx_at: token })).toString('base64url');
    const page = `<img src="data:image/png;base64,${'A'.repeat(6 * 1024 * 1024)}"> set-cookie: s=eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln`;
    expect(base64Views(page).some((v) => v.includes(token))).toBe(true);
  });
});

describe('base64Forms', () => {
  it('finds a value inside any base64 or base64url text, whatever bytes come before and after it', () => {
    const value = '86_Udn4hT-x~9fZ?q>secret>>>??';
    for (let before = 0; before < 6; before++) {
      for (const after of ['', 'x', 'yz']) {
        const bytes = Buffer.concat([Buffer.from('\xff'.repeat(before), 'latin1'), Buffer.from(value), Buffer.from(after)]);
        for (const text of [bytes.toString('base64'), bytes.toString('base64url')]) expect(base64Forms(value).some((f) => text.includes(f)), `${before} ${after} ${text}`).toBe(true);
      }
    }
    // And masks it there: what is left cannot be decoded into the value.
    const session = Buffer.from(`{"at":"${value}"}`).toString('base64');
    const masked = maskSecretValues(session, base64Forms(value));
    expect(masked).toContain('***');
    expect(Buffer.from(masked, 'base64').toString('latin1')).not.toContain('secret');
  });
});

describe('credentialParams: the values of an address that look like a credential (a rule of its own, not the proxy\'s looksSecret)', () => {
  it('names a ticket, a token or a JWT-like value, not a path, a word, a number or words of a name', () => {
    expect(credentialParams('http://127.0.0.1:3000/me?t=635b0c9a1f2e4d3c8b7a6f5e4d3c2b1a&next=/me&page=2&lang=en')).toEqual(['t']);
    expect(credentialParams('http://a.test/cb?auth=kR9x/Qm2ZtW8vLp4aB7c&from=wechat-h5-login-demo2024')).toEqual(['auth']);
    expect(credentialParams('http://a.test/me?ref=oauth2-callback-server&id=12345678901234567890')).toEqual([]);
    expect(credentialParams('not a url')).toEqual([]);
    // WeChat's own parameters sign no one in: a 32-hex state stays readable, as everywhere else wxauth shows it.
    expect(credentialParams('http://localhost:3000/auth/callback?code=061abc&state=754b0c9a1f2e4d3c8b7a6f5e4d3c2b1a&appid=wx5e1ec0de00000001')).toEqual([]);
  });

  // A ticket the proxy's process-name rule let through, since it wants letters and digits mixed: digits
  // only, letters only, a CAS ticket. Each is masked by its shape, or by a name that says credential.
  it.each([
    ['t', '83749201938475', 'digits only, under t'],
    ['ticket', 'KxQmZvTrWpLaNbYcHdFgJs', 'letters only, 16 or more, under ticket'],
    ['ticket', 'QmFzZTY0VG9rZW5IZXJl', 'base64 under ticket'],
    ['ticket', 'ST-12345-abcdefXYZ-cas01', 'a CAS service ticket'],
    ['x', 'TGT-4-Ab9xYzQwErTy-cas01', 'a CAS ticket under any name'],
    ['jwt', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijk', 'a JWT under jwt'],
    ['data', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijk', 'a JWT under any name'],
    ['sid', 'deadbeef01234567', '16 hex under sid'],
    ['h', 'deadbeefcafebabe', '16 hex under any name'],
    ['k', 'Zm9vYmFyYmF6cXV4cXV1eA', 'base64url of 16 or more under any name'],
    ['loginTicket', 'abcd1234efgh', 'letters and digits under a name ending in Ticket'],
    ['session_id', 's3cr3tv4lue', 'under session_id'],
    ['api-key', 'k_live_51HcXp', 'under api-key'],
  ])('names %s=%s (%s)', (name, value) => {
    expect(credentialParams(`http://127.0.0.1:3000/me?${name}=${encodeURIComponent(value)}&page=2`)).toEqual([name]);
  });

  it.each([
    ['page', '2'], ['lang', 'zh_CN'], ['from', 'singlemessage'], ['isappinstalled', '0'], ['next', '/home'],
    ['ref', 'oauth2-callback-server'], ['id', '12345678901234567890'], ['scene', '1000'], ['state', 'STATE'], ['v', '1.2.3'],
    ['utm_campaign', 'spring_sale_2024'], ['redirect', 'https://www.example.com/cb'], ['from', 'wechat-h5-login-demo2024'],
    // A name that says credential with a value that does not: a word, a flag, a date, a short number.
    ['auth', 'required'], ['session', 'expired'], ['t', '1'], ['t', '20241206'], ['t', 'zh_CN'], ['key', 'nickname'],
    ['auth', 'oauth2-login'], ['token', ''],
    // Names that only contain a credential's word.
    ['author', 'JohnSmithTheWriter'], ['keyword', 'internationalization'],
  ])('leaves %s=%s alone', (name, value) => {
    expect(credentialParams(`http://127.0.0.1:3000/me?${name}=${encodeURIComponent(value)}`)).toEqual([]);
  });

  it('the masked address keeps its ordinary values readable', () => {
    const url = 'http://127.0.0.1:3000/me?t=83749201938475&from=singlemessage&isappinstalled=0&lang=zh_CN&next=/home';
    expect(redactUrl(url, credentialParams(url))).toBe('http://127.0.0.1:3000/me?t=8374***&from=singlemessage&isappinstalled=0&lang=zh_CN&next=/home');
    expect(looksCredentialParam('ticket', 'ST-12345-abcdefXYZ-cas01')).toBe(true);
  });
});

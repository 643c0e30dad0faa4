// `wxauth inspect` as a user runs it: the built binary, a throwaway config dir, stdout / stderr / exit
// code checked apart.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJson, runCli, tempConfigDir } from './helpers.js';
import { StateFiles } from '../../src/store/state.js';

const OA = 'wx807d86fb6b3d4fd2';
const SECRET = '0123456789abcdef0123456789abcdef';
const CODE = '041cQ8ll2nWy5c42enol2R2DZX2cQ8ly';
const GOOD = `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${OA}&redirect_uri=https%3A%2F%2Fwww.example.com%2Foauth%2Fcallback&response_type=code&scope=snsapi_userinfo&state=Xq3v9TzLm0aB7cD2#wechat_redirect`;
// Written by hand, as in many forum posts: unencoded redirect_uri with its own query, scope before
// redirect_uri, no #wechat_redirect, and the parent domain.
const BAD = `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${OA}&scope=snsapi_userinfo&redirect_uri=https://example.com/cb?from=menu&id=7&response_type=code&state=STATE`;

interface JsonFinding {
  id: string;
  severity: string;
  message: string;
  effect: string;
  fix: string;
  params: Record<string, string | number>;
  wechatPage?: Array<{ text: string; errcode?: number }>;
}

let dir: string;
const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { WXAUTH_CONFIG_DIR: dir, ...env } });

beforeAll(async () => {
  dir = tempConfigDir();
  const r = await runCli(
    ['init', '--type', 'service', '--appid', OA, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/oauth/callback', '-y'],
    { env: { WXAUTH_CONFIG_DIR: dir } },
  );
  expect(r.code, r.stderr).toBe(0);
});

describe('wxauth inspect', () => {
  it('exits 0 on a clean URL and says so', async () => {
    const r = await run(['inspect', GOOD]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Official-account authorization URL');
    expect(r.stdout).toContain('No problems found.');
    expect(r.stdout).toMatch(/redirect_uri\s+https:\/\/www\.example\.com\/oauth\/callback/);
  });

  it('exits 1 and lists each problem with what WeChat does and the fix', async () => {
    const r = await run(['inspect', BAD]);
    expect(r.code).toBe(1);
    for (const id of ['params.order', 'fragment.missing', 'redirect_uri.query_split', 'domain.parent', 'state.placeholder']) {
      expect(r.stdout).toContain(`[${id}]`);
    }
    expect(r.stdout).toContain('Effect:');
    expect(r.stdout).toContain('Fix:');
    expect(r.stdout).toContain('id=7');
    expect(r.stdout).toMatch(/4 error\(s\), 1 warning\(s\)/);
  });

  it('--json: kind, params and findings with rendered message, effect and fix', async () => {
    const r = await run(['inspect', BAD, '--json']);
    expect(r.code).toBe(1);
    const doc = parseJson(r.stdout) as { ok: boolean; kind: string; params: string[][]; findings: JsonFinding[] };
    expect(doc.ok).toBe(false);
    expect(doc.kind).toBe('authorize');
    expect(doc.params[0]).toEqual(['appid', OA]);
    const parent = doc.findings.find((f) => f.id === 'domain.parent');
    expect(parent).toMatchObject({ severity: 'error' });
    expect(parent?.message).toContain('www.example.com');
    expect(parent?.effect).toContain('10003');
    expect(parent?.wechatPage?.[0]).toEqual({ text: 'redirect_uri域名与后台配置不一致', errcode: 10003 });
    for (const f of doc.findings) {
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.effect.length).toBeGreaterThan(0);
      expect(f.fix.length).toBeGreaterThan(0);
    }
    expect(r.stderr).toBe('');
  });

  it('an authorize link with #wechat_redirect before its query is linted as one, in both languages (it was a callback "the user refused")', async () => {
    const url = GOOD.replace('?', '#wechat_redirect?').replace(/#wechat_redirect$/, '');
    for (const lang of ['en', 'zh']) {
      const r = await run(['--lang', lang, 'inspect', url, '--json']);
      expect(r.code, r.stderr).toBe(1);
      const doc = parseJson(r.stdout) as { kind: string; findings: JsonFinding[] };
      expect(doc.kind).toBe('authorize');
      expect(doc.findings.map((f) => f.id)).toEqual(['fragment.before_query']);
      expect(doc.findings[0]?.wechatPage?.[0]).toEqual({ text: 'appid不能为空', errcode: 10012 });
    }
  });

  it('a callback with error= and no error_description: the message ends where its words do', async () => {
    const r = await run(['inspect', 'https://www.example.com/oauth/callback?error=access_denied&state=Xq3v9TzLm0aB7cD2', '--json']);
    const doc = parseJson(r.stdout) as { findings: JsonFinding[] };
    const message = doc.findings.find((f) => f.id === 'callback.oauth_error')?.message;
    expect(message).toContain('error=access_denied');
    expect(message).toBe(message?.trimEnd());
  });

  it('names listed in a finding are joined with 、 in Chinese, while --json keeps each list as one "a, b" string', async () => {
    const escaped = GOOD.replace(/&/g, '&amp;');
    const zh = await run(['--lang', 'zh', 'inspect', escaped]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('参数分隔符被写成了 &amp;（amp;redirect_uri、amp;response_type、amp;scope、amp;state），');
    const en = await run(['inspect', escaped]);
    expect(en.stdout).toContain('separated by &amp; (amp;redirect_uri, amp;response_type, amp;scope, amp;state)');
    const doc = parseJson((await run(['--lang', 'zh', 'inspect', escaped, '--json'])).stdout) as { findings: Array<{ id: string; params: Record<string, unknown> }> };
    expect(doc.findings.find((f) => f.id === 'params.html_escaped')?.params).toEqual({ names: 'amp;redirect_uri, amp;response_type, amp;scope, amp;state' });
  });

  it('an address with words around it (a log line, a note) is read out of them, and said so', async () => {
    const r = await run(['inspect', `127.0.0.1 - - "GET /cb?code=${CODE}&state=abc HTTP/1.1" 200`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Callback URL/);
    expect(r.stdout).not.toContain('refused');
    expect(r.stderr).toContain('Inspected the address in this text; the words around it were left out: /cb?code=041c***&state=abc');
    const zh = await run(['inspect', '--lang', 'zh', `授权链接：${GOOD} 打不开`]);
    expect(zh.stdout).toMatch(/^公众号授权链接/);
    expect(zh.stderr).toContain('检查的是这段文字里的地址');
  });

  it('a redirect_uri host with shell syntax: no command to paste names it, in inspect, --json or url', async () => {
    const host = 'x;{touch,wxauth-pwned};x.com';
    const link = `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${OA}&redirect_uri=${encodeURIComponent(`https://${host}/cb`)}&response_type=code&scope=snsapi_base&state=abcDEF123#wechat_redirect`;
    const text = await run(['inspect', link]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('[redirect_uri.invalid]');
    expect(text.stdout).not.toContain('config set domain x;');
    const json = await run(['inspect', link, '--json']);
    const doc = parseJson(json.stdout) as { findings: JsonFinding[] };
    expect(doc.findings.map((f) => f.id)).toEqual(['redirect_uri.invalid']);
    expect(doc.findings[0]?.fix).not.toContain('touch');
    const url = await run(['url', '--redirect-uri', `https://${host}/cb`]);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('redirect_uri is not a valid address');
    expect(url.stderr).not.toMatch(/wxauth config set domain x;/);
    const sub = await run(['url', '--redirect-uri', 'https://x;{touch,p}.www.example.com/cb']);
    expect(sub.stderr).not.toContain('change the configured domain to x;');
  });

  it('a label glued to the address by a full-width colon (no space) is left out, as exchange leaves it', async () => {
    const cb = await run(['inspect', `回调地址：http://localhost/cb?code=${CODE}&state=5y0Kabc`]);
    expect(cb.code, cb.stdout).toBe(0);
    expect(cb.stdout).toMatch(/^Callback URL/);
    expect(cb.stdout).not.toContain('[callback.denied]');
    expect(cb.stderr).toContain('Inspected the address in this text; the words around it were left out: http://localhost/cb?code=041c***&state=5y0Kabc');
    const link = await run(['inspect', `链接：${GOOD}`, '--json']);
    expect(link.code, link.stdout).toBe(0);
    const doc = parseJson(link.stdout) as { kind: string; extracted?: string };
    expect(doc.kind).toBe('authorize');
    expect(doc.extracted).toBe(GOOD);
    // Quotes alone around a URL are no words around it: nothing to say about them.
    const quoted = await run(['inspect', `"${GOOD}"`]);
    expect(quoted.code).toBe(0);
    expect(quoted.stderr).toBe('');
  });

  it('a callback with ASCII ?= and a full-width ＆＝ after its state or its code: both read, no refusal, en and zh', async () => {
    // Before: "[callback.denied] The callback has no code: the user refused…" (the code inside the state).
    const r = await run(['inspect', `https://a.com/cb?state=abc123＆code＝${CODE}`]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('[callback.denied]');
    expect(r.stdout).toMatch(/state\s+abc123\n/);
    expect(r.stdout).toContain('[input.fullwidth_callback] This callback URL contains full-width punctuation (＆ ＝)');
    // Before: "The code has 45 characters" and no state.
    const zh = await run(['--lang', 'zh', 'inspect', `https://a.com/cb?code=${CODE}＆state＝abc123`]);
    expect(zh.code, zh.stdout).toBe(0);
    expect(zh.stdout).not.toContain('[callback.code_shape]');
    expect(zh.stdout).toMatch(/state\s+abc123\n/);
    expect(zh.stdout).toContain('[input.fullwidth_callback] 这个回调地址里有全角标点（＆ ＝）');
    expect(r.stdout + zh.stdout).not.toContain(CODE.slice(0, 8));
  });

  it('a bare query (no ？ or ?) with full-width ＆＝ is read as a callback, as one with ASCII separators is, en and zh', async () => {
    // Before: "[input.unrecognised] This is neither a WeChat authorize/qrconnect URL nor a callback" (exit 1).
    const r = await run(['inspect', `code＝${CODE}＆state＝xyz`]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^Callback URL/);
    expect(r.stdout).toMatch(/state\s+xyz\n/);
    expect(r.stdout).toContain('[input.fullwidth_callback] This callback URL contains full-width punctuation (＝ ＆)');
    // Before: "to pass it to wxauth exchange, copy it from the browser’s address bar instead", which exchange no longer needs.
    expect(r.stdout).toContain('Fix: Nothing to do: wxauth exchange and wxauth listen --paste read it the same way, so pass it to them as it is.');
    // Before: a 42-character code holding `＆state＝xyz`, and "[callback.no_state]".
    const zh = await run(['--lang', 'zh', 'inspect', `code=${CODE}＆state＝xyz`]);
    expect(zh.code, zh.stdout).toBe(0);
    expect(zh.stdout).not.toContain('[callback.no_state]');
    expect(zh.stdout).not.toContain('[callback.code_shape]');
    expect(zh.stdout).toMatch(/state\s+xyz\n/);
    expect(zh.stdout).toContain('[input.fullwidth_callback] 这个回调地址里有全角标点（＆ ＝）');
    expect(zh.stdout).toContain('wxauth exchange 和 wxauth listen --paste 也这样读，原样交给它们即可。');
    expect(r.stdout + zh.stdout).not.toContain(CODE.slice(0, 8));
  });

  it('a raw space in state with the query going on after it: one URL, its state at fault', async () => {
    const r = await run(['inspect', GOOD.replace('state=Xq3v9TzLm0aB7cD2', 'state=hello world')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/state\s+hello world/);
    expect(r.stdout).toContain('[state.whitespace] state contains whitespace (␠): hello␠world');
    expect(r.stdout).toContain('WeChat gets only state=hello');
    expect(r.stdout).not.toContain('[fragment.missing]');
    expect(r.stdout).not.toContain('[input.whitespace]');
  });

  it('a misspelt scope: did you mean, and the Scope page without a code of its own (API-FACTS §1.5)', async () => {
    const link = GOOD.replace('scope=snsapi_userinfo', 'scope=snsapi_userifno');
    const r = await run(['inspect', link, '--json']);
    expect(r.code).toBe(1);
    const [finding] = (parseJson(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(finding).toMatchObject({ id: 'scope.misspelt', message: 'The scope snsapi_userifno is not a WeChat web-authorization scope: did you mean snsapi_userinfo?' });
    expect(finding?.effect).toBe('WeChat shows “Scope 参数错误或没有 Scope 权限” (a page with no error code).');
    expect(finding?.wechatPage?.[0]).toEqual({ text: 'Scope 参数错误或没有 Scope 权限' });
    const url = await run(['url', '--scope', 'snsapi_userifno']);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('did you mean snsapi_userinfo?');
    expect(url.stderr).not.toContain('(10005)');
    const zh = await run(['--lang', 'zh', 'url', '--scope', 'snsapi_userifno']);
    expect(zh.stderr).toContain('是不是 snsapi_userinfo？');
    expect(zh.stderr).not.toContain('（10005）');
    const unknown = await run(['inspect', GOOD.replace('scope=snsapi_userinfo', 'scope=snsapi_privateinfo')]);
    expect(unknown.stdout).toContain('[scope.unknown]');
    expect(unknown.stdout).not.toContain('(10005)');
  });

  it('a fix run with --profile names that profile in the command it offers (pasted, it changes that one)', async () => {
    const init = await run(['init', '--profile', 'svc', '--type', 'service', '--appid', OA, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y']);
    expect(init.code, init.stderr).toBe(0);
    const r = await run(['--profile', 'svc', 'inspect', GOOD.replace('www.example.com', 'api.example.org')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('wxauth config set domain api.example.org --profile svc.');
  });

  it('snsapi_login on authorize: the fix names no profile of its own, so it cannot lead to replacing this account’s profile named web (en, zh, --json)', async () => {
    const init = await run(['init', '--profile', 'web', '--type', 'service', '--appid', OA, '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/cb', '-y']);
    expect(init.code, init.stderr).toBe(0);
    const login = GOOD.replace('snsapi_userinfo', 'snsapi_login');
    const en = await run(['--profile', 'web', 'inspect', login]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('[scope.login_on_authorize]');
    expect(en.stdout).toContain('build the link with that app’s profile (wxauth --profile <name> url); with none saved yet, set one up under a name no profile has: wxauth init --type website --profile <name>.');
    expect(en.stdout).not.toContain('--profile web');
    const zh = await run(['--profile', 'web', 'inspect', login, '--lang', 'zh']);
    expect(zh.stdout).toContain('用网站应用的 profile 生成链接（wxauth --profile <名字> url）；还没有这个 profile 的话，先起一个还没人用的名字建一个：wxauth init --type website --profile <名字>。');
    expect(zh.stdout).not.toContain('--profile web');
    const json = await run(['--profile', 'web', 'inspect', login, '--json']);
    const finding = (parseJson(json.stdout) as { findings: JsonFinding[] }).findings.find((f) => f.id === 'scope.login_on_authorize');
    expect(finding?.fix).toContain('wxauth init --type website --profile <name>');
    expect(finding?.fix).not.toContain('--profile web');
  });

  it("an upper-case appid: said as such, with the lower-case form, which is the profile's", async () => {
    const r = await run(['inspect', GOOD.replace(OA, OA.toUpperCase())]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`[appid.upper_case_profile] The appid ${OA.toUpperCase()} has upper-case letters; in lower case it is this profile’s appid, ${OA}.`);
    expect(r.stdout).toContain(`Fix: Use ${OA}:`);
    expect(r.stdout).not.toContain('[appid.shape]');
    expect(r.stdout).not.toContain('Copy the AppID again');
    const zh = await run(['--lang', 'zh', 'inspect', GOOD.replace(OA, OA.toUpperCase())]);
    expect(zh.stdout).toContain(`写成小写就是当前配置的 appid ${OA}`);
  });

  it('a URL the shell cut at its first &: the cut first, then each missing parameter, their shared effect and fix said once', async () => {
    const r = await run(['inspect', `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${OA}`]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(lines[at('[input.truncated]')]).toContain('The URL ends after its first parameter (appid).');
    expect(lines[at('[input.truncated]') + 1]).toContain('the missing parameters, state and #wechat_redirect below follow from that');
    const missing = lines.filter((l) => l.includes('[params.missing]'));
    expect(missing).toHaveLength(3);
    // The three lines stand together, and one Effect/Fix pair follows the last of them.
    const first = at('[params.missing]');
    expect(lines.slice(first, first + 3).every((l) => l.includes('[params.missing]'))).toBe(true);
    expect(lines[first + 3]).toMatch(/^  Effect: WeChat shows an error page/);
    expect(lines[first + 4]).toMatch(/^  Fix: Send appid, redirect_uri/);
    expect(r.stdout.match(/Effect: WeChat shows an error page/g)).toHaveLength(1);
    // --json keeps one finding a parameter, each with its own effect and fix.
    const j = await run(['inspect', `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${OA}`, '--json']);
    const doc = parseJson(j.stdout) as unknown as { findings: JsonFinding[] };
    const jm = doc.findings.filter((f) => f.id === 'params.missing');
    expect(jm.map((f) => f.message)).toEqual(['The required parameter redirect_uri is missing.', 'The required parameter response_type is missing.', 'The required parameter scope is missing.']);
    expect(jm.every((f) => f.effect.startsWith('WeChat shows an error page'))).toBe(true);
  });

  it('renders findings in Chinese with --lang zh', async () => {
    const r = await run(['--lang', 'zh', 'inspect', BAD]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('参数顺序');
    expect(r.stdout).toContain('怎么办：');
  });

  it('checks a callback against the state `wxauth url` remembered', async () => {
    const built = await run(['url', '--json']);
    const { state } = parseJson(built.stdout) as { state: string };
    const ok = await run(['inspect', `https://www.example.com/oauth/callback?code=${CODE}&state=${state}`]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('[callback.state_ok]');
    const bad = await run(['inspect', `https://www.example.com/oauth/callback?code=${CODE}&state=forged`, '--json']);
    expect(bad.code).toBe(1);
    const doc = parseJson(bad.stdout) as { kind: string; findings: JsonFinding[] };
    expect(doc.kind).toBe('callback');
    expect(doc.findings.map((f) => f.id)).toEqual(['callback.state_mismatch']);
    expect(doc.findings[0]?.message).toContain(state);
  });

  it('a state-only callback carrying the state of the remembered snsapi_base link (test account) is said as a code lost, not a refusal, en and zh; --json params.verdict "lost_code" beside callback.state_ok', async () => {
    const own = tempConfigDir();
    const env = { WXAUTH_CONFIG_DIR: own };
    const made = await runCli(['init', '--type', 'test', '--appid', 'wx5e1ec0de00000002', '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/oauth/callback', '-y'], { env });
    expect(made.code, made.stderr).toBe(0);
    const { state } = parseJson((await runCli(['url', '--scope', 'snsapi_base', '--json'], { env })).stdout) as { state: string };
    const url = `https://www.example.com/oauth/callback?state=${state}&from=gw`;
    const en = await runCli(['inspect', url], { env });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('error [callback.denied] The callback has no code. Its state is that of the snsapi_base link wxauth url remembered: snsapi_base shows no consent page, so no one refused: the code was lost on the way.');
    expect(en.stdout).toContain('a redirect of your server or gateway that kept only the state');
    expect(en.stdout).not.toContain('the user refused');
    expect(en.stdout).not.toContain('use snsapi_base');
    expect(en.stdout).toContain('[callback.state_ok]');
    const zh = await runCli(['--lang', 'zh', 'inspect', url], { env });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('它的 state 是 wxauth url 记下的那条 snsapi_base 链接的：snsapi_base 不弹授权页，没有人拒绝，code 是在路上丢的。');
    expect(zh.stdout).not.toContain('改用 snsapi_base');
    expect(zh.stdout).not.toContain('用户拒绝了授权');
    const doc = parseJson((await runCli(['inspect', url, '--json'], { env })).stdout) as { findings: JsonFinding[] };
    expect(doc.findings.map((f) => f.id)).toEqual(['callback.denied', 'callback.state_ok']);
    expect(doc.findings[0]!.params).toEqual({ verdict: 'lost_code' });
    expect(doc.findings[0]!.message).toContain('the code was lost on the way');
    // Another state: the remembered link says nothing of it, and a refusal is one reading (no verdict).
    const other = parseJson((await runCli(['inspect', 'https://www.example.com/oauth/callback?state=someoneelses&from=gw', '--json'], { env })).stdout) as { findings: JsonFinding[] };
    expect(other.findings[0]!.id).toBe('callback.denied');
    expect(other.findings[0]!.params.verdict).toBeUndefined();
    expect(other.findings[0]!.message).not.toContain('lost on the way');
  });

  it('a state-only callback for a website app is a QR login cancelled on the phone, never "use snsapi_base", en and zh; --json params.verdict "refused_qr"', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir() };
    const made = await runCli(['init', '--type', 'website', '--appid', 'wx5e1ec0de00000003', '--secret', SECRET, '--domain', 'www.example.com', '--redirect-uri', 'https://www.example.com/oauth/callback', '-y'], { env });
    expect(made.code, made.stderr).toBe(0);
    const url = 'https://www.example.com/oauth/callback?state=abc&from=gw';
    const en = await runCli(['inspect', url], { env });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('in a website app’s QR login the scan was cancelled on the phone instead of confirmed (确认登录)');
    expect(en.stdout).toContain('A website app has only snsapi_login');
    expect(en.stdout).not.toContain('use snsapi_base');
    const zh = await runCli(['--lang', 'zh', 'inspect', url], { env });
    expect(zh.stdout).toContain('网站应用扫码登录时，扫码后在手机上取消了、没有点“确认登录”');
    expect(zh.stdout).not.toContain('改用 snsapi_base');
    const doc = parseJson((await runCli(['inspect', url, '--json'], { env })).stdout) as { findings: JsonFinding[] };
    expect(doc.findings[0]!.id).toBe('callback.denied');
    expect(doc.findings[0]!.params).toEqual({ verdict: 'refused_qr' });
  });

  it('a callback carrying the remembered state already used is its own error (an old tab, a replay), in en and zh', async () => {
    const { state } = parseJson((await run(['url', '--json'])).stdout) as { state: string };
    const files = new StateFiles(dir);
    const entry = files.get('default').entry!;
    const usedAt = Date.now() - 60_000;
    files.put('default', false, undefined, { ...entry, usedAt, usedBy: 'exchange' });
    const url = `https://www.example.com/oauth/callback?code=${CODE}&state=${state}`;
    const en = await run(['inspect', url]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('[callback.state_used]');
    expect(en.stdout).not.toContain('[callback.state_ok]');
    expect(en.stdout).toMatch(new RegExp(`state ${state} is the remembered one, but it was already used: wxauth exchange took its callback at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d`));
    expect(en.stdout).toContain('an old tab reopened, or a replayed callback address');
    expect(en.stdout).toContain('Make a fresh link and authorize again: wxauth url');
    const zh = await run(['--lang', 'zh', 'inspect', url]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(`state ${state} 与记住的一致，但已经用过：wxauth exchange 在`);
    expect(zh.stdout).toContain('生成新链接再授权：wxauth url');
    const doc = parseJson((await run(['inspect', url, '--json'])).stdout) as { findings: JsonFinding[] };
    expect(doc.findings.map((f) => f.id)).toEqual(['callback.state_used']);
    // --json carries the time with its zone (ISO 8601, UTC), not the terminal's local wall-clock text.
    expect(doc.findings[0]!.params.at).toBe(new Date(usedAt).toISOString());
    // The config dir is shared by this file's tests: the state is left unused, as it was.
    files.put('default', false, undefined, entry);
  });

  it('hides the code unless --show-secrets', async () => {
    const url = `https://www.example.com/oauth/callback?code=${CODE}&state=abc`;
    const hidden = await run(['inspect', url, '--json']);
    expect(hidden.stdout).not.toContain(CODE);
    expect((parseJson(hidden.stdout) as { params: string[][] }).params[0]).toEqual(['code', '…Q8ly']);
    const text = await run(['inspect', url]);
    expect(text.stdout).not.toContain(CODE);
    const shown = await run(['inspect', url, '--json', '--show-secrets']);
    expect(shown.stdout).toContain(CODE);
  });

  it("hides uin and key of a link copied after WeChat's own redirect unless --show-secrets; a key of your own is shown", async () => {
    const KEY = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const UIN = 'MTIzNDU2Nzg5';
    const url = GOOD.replace('#wechat_redirect', `&uin=${UIN}&key=${KEY}&pass_ticket=xyz789abcdef#wechat_redirect`);
    const text = await run(['inspect', url]);
    expect(text.stdout).toContain('[params.wechat_hop]');
    expect(text.stdout).not.toContain(KEY);
    expect(text.stdout).not.toContain(UIN);
    // The line under the listing stays true: what was hidden, and how to see it.
    expect(text.stdout).toContain('(code and other secrets are hidden; --show-secrets shows them)');
    const doc = parseJson((await run(['inspect', url, '--json'])).stdout) as { params: string[][] };
    expect(doc.params).toContainEqual(['key', '…e8f9']);
    expect(doc.params).toContainEqual(['uin', '…Nzg5']);
    const shown = await run(['inspect', url, '--json', '--show-secrets']);
    expect(shown.stdout).toContain(KEY);
    expect(shown.stdout).toContain(UIN);
    // Not a WeChat hop: a parameter of your own called key is the link's text, shown as it is.
    const own = await run(['inspect', GOOD.replace('#wechat_redirect', '&key=mykey123456#wechat_redirect')]);
    expect(own.stdout).toContain('mykey123456');
  });

  it("hides uin and key where the link is echoed too: the address read out of a chat message (en and zh), a callback's list", async () => {
    const KEY = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const UIN = 'MTIzNDU2Nzg5';
    const url = GOOD.replace('#wechat_redirect', `&uin=${UIN}&key=${KEY}&pass_ticket=xyz789abcdef#wechat_redirect`);
    for (const lang of ['en', 'zh']) {
      const r = await run(['--lang', lang, 'inspect', `看这个 ${url} 怎么回事`]);
      expect(r.stderr).toContain(lang === 'en' ? 'Inspected the address in this text' : '检查的是这段文字里的地址');
      expect(r.stderr + r.stdout).not.toContain(KEY);
      expect(r.stderr + r.stdout).not.toContain(UIN);
      expect(r.stderr).toContain('&uin=MTIz***&key=0a1b***&pass_ticket=xyz7***#wechat_redirect');
    }
    const doc = parseJson((await run(['inspect', `看这个 ${url} 怎么回事`, '--json'])).stdout) as { extracted: string };
    expect(doc.extracted).not.toContain(KEY);
    expect(doc.extracted).not.toContain(UIN);
    const shown = parseJson((await run(['inspect', `看这个 ${url} 怎么回事`, '--json', '--show-secrets'])).stdout) as { extracted: string };
    expect(shown.extracted).toBe(url);
    // A callback opened after the same hop carries them as well.
    const cb = await run(['inspect', `https://www.example.com/oauth/callback?code=${CODE}&state=abc&uin=${UIN}&key=${KEY}&pass_ticket=xyz789abcdef`]);
    expect(cb.stdout).toContain('[callback.wechat_hop]');
    expect(cb.stdout).not.toContain(KEY);
    expect(cb.stdout).not.toContain(UIN);
  });

  it('quotes a secret in a finding masked unless --show-secrets: a badly encoded key, a redirect_uri carrying a code (en and zh)', async () => {
    const KEY = '0a1b2c3d4e5f6071%E4%B88293a4b5c6d7';
    const url = GOOD.replace('#wechat_redirect', `&uin=MTIzNDU2Nzg5&key=${KEY}&pass_ticket=xyz789abcdef#wechat_redirect`);
    for (const lang of ['en', 'zh']) {
      const r = await run(['--lang', lang, 'inspect', url]);
      expect(r.stdout).toContain('[params.bad_encoding]');
      expect(r.stdout).not.toContain('e5f6071');
      expect(r.stdout).toContain('0a1b***');
    }
    const shown = await run(['inspect', url, '--show-secrets']);
    expect(shown.stdout).toContain(KEY);
    // A code= inside an unencoded redirect_uri, quoted by redirect_uri.not_encoded.
    const carried = GOOD.replace('https%3A%2F%2Fwww.example.com%2Foauth%2Fcallback', `https://www.example.com/oauth/callback?code=${CODE}`);
    const r = await run(['inspect', carried]);
    expect(r.stdout).toContain('[redirect_uri.not_encoded]');
    expect(r.stdout).not.toContain(CODE);
    expect((await run(['inspect', carried, '--show-secrets'])).stdout).toContain(CODE);
  });

  it("masks a secret in redirect_uri's fragment, one encoded twice, one in a wrong #… and one inside a callback's next=, in the list and the findings (en and zh)", async () => {
    const base = 'https%3A%2F%2Fwww.example.com%2Foauth%2Fcallback';
    const cases = [
      { url: GOOD.replace(base, `${base}%23access_token%3DTOKENSECRET99`), secret: 'TOKENSECRET99', ids: ['[params.token]', '[redirect_uri.fragment]'] },
      { url: GOOD.replace(base, 'https%253A%252F%252Fwww.example.com%252Fcb%253Fcode%253DSECRETCODE123'), secret: 'SECRETCODE123', ids: ['[redirect_uri.double_encoded]'] },
      { url: GOOD.replace('#wechat_redirect', '#/x?code=SECRETCODE77'), secret: 'SECRETCODE77', ids: ['[fragment.wrong]'] },
      // A callback's own parameter carrying a secret in its value (a next= of the app's): masked in the list.
      { url: 'https://www.example.com/cb?next=%2Fhome%3Fcode%3DSECRETCODE1234567890&state=S&code=061abcdefghijklmnopqrstuvwxyz012', secret: 'SECRETCODE1234567890', ids: [] },
      { url: 'https://www.example.com/cb?next=/home?access_token=TOKENSECRET1234567890&state=S', secret: 'TOKENSECRET1234567890', ids: ['[callback.denied]'] },
    ];
    for (const { url, secret, ids } of cases) {
      for (const lang of ['en', 'zh']) {
        const r = await run(['--lang', lang, 'inspect', url]);
        for (const id of ids) expect(r.stdout, url).toContain(id);
        expect(r.stdout + r.stderr, url).not.toContain(secret);
        expect(r.stdout, url).toContain(`${secret.slice(0, 4)}***`);
        expect((await run(['--lang', lang, 'inspect', url, '--json'])).stdout, url).not.toContain(secret);
      }
      expect((await run(['inspect', url, '--show-secrets'])).stdout, url).toContain(secret);
    }
  });

  it('reads a link out of Markdown or parentheses without the closing bracket (en and zh)', async () => {
    for (const text of [`[登录](${GOOD})`, `${GOOD})`, `（见 ${GOOD}）`, `${GOOD}）。`]) {
      const r = await run(['inspect', text]);
      expect(r.code, text + r.stdout).toBe(0);
      expect(r.stdout).not.toContain('[fragment.wrong]');
      expect(r.stderr).toContain(`Inspected the address in this text; the words around it were left out: ${GOOD}`);
    }
    const zh = await run(['--lang', 'zh', 'inspect', `${GOOD})`]);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain(`检查的是这段文字里的地址，前后的文字已忽略：${GOOD}`);
  });

  it('reads the link from stdin with -, however long; nothing there is a usage error (en and zh)', async () => {
    const long = GOOD.replace('#wechat_redirect', `&x=${'a'.repeat(200_000)}#wechat_redirect`);
    const r = await runCli(['inspect', '-'], { env: { WXAUTH_CONFIG_DIR: dir }, input: long + '\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('[params.unknown]');
    const empty = await runCli(['inspect', '-'], { env: { WXAUTH_CONFIG_DIR: dir }, input: '\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('No URL to inspect on stdin.');
    const zh = await runCli(['--lang', 'zh', 'inspect', '-'], { env: { WXAUTH_CONFIG_DIR: dir }, input: '' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('标准输入里没有要检查的 URL。');
    // Past the 4 MB read, the link would be judged cut off: refused, not inspected.
    const huge = GOOD.replace('#wechat_redirect', `&x=${'a'.repeat(4 * 1024 * 1024)}#wechat_redirect`);
    const cut = await runCli(['--lang', 'zh', 'inspect', '-'], { env: { WXAUTH_CONFIG_DIR: dir }, input: huge });
    expect(cut.code).toBe(2);
    expect(cut.stdout).toBe('');
    expect(cut.stderr).toContain('标准输入超过 4 MB，没有检查');
  });

  it('names connect_redirect in the wechat_hop fix only when the link has it (en and zh)', async () => {
    const hop = GOOD.replace('#wechat_redirect', '&uin=MTIzNDU2&key=abc123&pass_ticket=xyz789#wechat_redirect');
    const en = await run(['inspect', hop]);
    expect(en.stdout).toContain('Fix: Remove uin, key, pass_ticket before you publish it');
    const zh = await run(['--lang', 'zh', 'inspect', hop]);
    expect(zh.stdout).toContain('怎么办：发布前去掉 uin、key、pass_ticket，或者用 wxauth url 重新生成链接。');
    const withIt = GOOD.replace('#wechat_redirect', '&connect_redirect=1&uin=MTIzNDU2&key=abc123&pass_ticket=xyz789#wechat_redirect');
    expect((await run(['inspect', withIt])).stdout).toContain('Fix: Remove uin, key, pass_ticket, connect_redirect before you publish it');
    expect((await run(['--lang', 'zh', 'inspect', withIt])).stdout).toContain('发布前去掉 uin、key、pass_ticket、connect_redirect，');
  });

  it('reports a user who refused (no code) as an error', async () => {
    const r = await run(['inspect', 'https://www.example.com/oauth/callback?state=abc']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[callback.denied]');
  });

  it('a denied callback: snsapi_base is silent whether or not the user follows (zh and en)', async () => {
    const zh = await run(['--lang', 'zh', 'inspect', 'https://www.example.com/oauth/callback?state=abc']);
    expect(zh.stdout).not.toContain('已关注时静默授权');
    expect(zh.stdout).toContain('snsapi_base：它是静默授权，不弹授权页，用户关不关注都一样');
    const en = await run(['inspect', 'https://www.example.com/oauth/callback?state=abc']);
    expect(en.stdout).not.toContain('silently for followers');
    expect(en.stdout).toContain('it is silent, with no consent page whether or not the user follows the account');
  });

  it('needs a URL: exit 2 without one', async () => {
    const r = await run(['inspect']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('answers even for junk: exit 1 with input.unrecognised', async () => {
    const r = await run(['inspect', 'hello world', '--json']);
    expect(r.code).toBe(1);
    const doc = parseJson(r.stdout) as { kind: string; findings: JsonFinding[] };
    expect(doc.kind).toBe('unknown');
    expect(doc.findings[0]?.id).toBe('input.unrecognised');
  });
});

describe('wxauth inspect with a profile aimed at the emulator', () => {
  const EMU = 'http://127.0.0.1:3900';
  const query = `appid=${OA}&redirect_uri=https%3A%2F%2Fwww.example.com%2Foauth%2Fcallback&response_type=code&scope=snsapi_base&state=x`;

  it("a real WeChat URL (https://open.weixin.qq.com) is right as it is: only a note that it goes to real WeChat", async () => {
    const r = await run(['--lang', 'zh', 'inspect', `https://open.weixin.qq.com/connect/oauth2/authorize?${query}#wechat_redirect`], { WXAUTH_OPEN_BASE: EMU });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('[endpoint.host]');
    expect(r.stdout).not.toContain('主机名是 https://');
    expect(r.stdout).toContain('提示 [endpoint.real_wechat] 这条链接打开的是真实微信（open.weixin.qq.com），而 wxauth 现在用的 openBase（来自 profile、--open-base 或 WXAUTH_OPEN_BASE）指向 http://127.0.0.1:3900');
  });

  it('an emulator URL with https: the scheme is what is wrong, and the fix is the http address', async () => {
    const r = await run(['--lang', 'zh', 'inspect', `https://127.0.0.1:3900/connect/oauth2/authorize?${query}#wechat_redirect`], { WXAUTH_OPEN_BASE: EMU });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('主机名');
    expect(r.stdout).toContain('错误 [endpoint.scheme] 链接用的是 https://，而 127.0.0.1:3900 只接受 http://。');
    expect(r.stdout).toContain('怎么办：改用 http://127.0.0.1:3900/connect/oauth2/authorize。');
  });
});

// `wxauth demo` as a spawned process: the README's first command must work offline, quickly, in both
// languages, without leaving anything behind and without printing the demo app's secret.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeed, DEFAULT_APPIDS } from '../../src/emulator/index.js';
import { parseJson, runCli } from './helpers.js';

const SECRET = defaultSeed().apps.find((a) => a.appid === DEFAULT_APPIDS.test)!.secret;

function freshDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe('wxauth demo', () => {
  it('walks through the whole flow, ends with the 40163 explanation, exits 0 and leaves nothing behind', async () => {
    const tmp = freshDir('wxauth-demo-tmp-');
    const config = freshDir('wxauth-demo-cfg-');
    const r = await runCli(['demo'], { env: { TMPDIR: tmp, WXAUTH_CONFIG_DIR: config } });
    expect(r.code).toBe(0);
    for (const step of ['① Build the authorization URL', '② Open the consent page', '③ The local listener catches the code', '④ Exchange the code', '⑤ Check the access_token', '⑥ Fetch userinfo', '⑦ Refresh the access_token', '⑧ Exchange the same code again']) {
      expect(r.stdout).toContain(step);
    }
    // The real requests, each with its answer.
    expect(r.stdout).toMatch(/→ GET http:\/\/127\.0\.0\.1:\d+\/connect\/oauth2\/authorize\?appid=wx5e1ec0de00000002&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcallback&response_type=code&scope=snsapi_userinfo&state=[A-Za-z0-9]{32}$/m);
    // The link itself ends in #wechat_redirect; the request line does not (a browser never sends a fragment).
    expect(r.stdout).toMatch(/^ {2}http:\/\/127\.0\.0\.1:\d+\/connect\/oauth2\/authorize\?.*#wechat_redirect$/m);
    expect(r.stdout).toMatch(/← 302 redirect to http:\/\/127\.0\.0\.1:\d+\/callback\?code=\w{4}\*\*\*&state=/);
    expect(r.stdout).toMatch(/→ GET http:\/\/127\.0\.0\.1:\d+\/sns\/oauth2\/access_token\?appid=wx5e1ec0de00000002&secret=5e1e\*\*\*&code=\w{4}\*\*\*&grant_type=authorization_code/);
    expect(r.stdout).toContain('{"errcode":0,"errmsg":"ok"}');
    expect(r.stdout).toContain('"nickname":"张三"');
    expect(r.stdout).toMatch(/\{"errcode":40163,"errmsg":"code been used, rid: [0-9a-f-]+"\}/);
    // It says it knows this code (exchanged in step ④), then, under the step, what 40163 means in a real login.
    expect(r.stdout).toContain('  wxauth recognises this code: it exchanged it itself in step ④');
    expect(r.stdout).toContain('\n    errcode 40163');
    expect(r.stdout).toContain('Exchange each code once');
    expect(r.stdout).toMatch(/Demo complete in \d+\.\d s/);
    // The way on: login only where it works (a public callback, a real account's usual one, it refuses).
    expect(r.stdout).toMatch(/Demo complete in \d+\.\d s\. Next: wxauth init with your own account, then the command it suggests: wxauth login for a local or LAN redirect_uri, wxauth url with wxauth listen --paste for a public one\./);
    // Secrets redacted: neither the appsecret nor any whole token appears.
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).not.toMatch(/"access_token":"[^"*]{10,}"/);
    expect(r.stderr).toBe('');
    // Nothing outside its temp dir, and the temp dir is gone.
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.readdirSync(config)).toEqual([]);
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await runCli(['demo', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('① 生成授权链接');
    expect(r.stdout).toContain('⑧ 故意把同一个 code 再换一次');
    expect(r.stdout).toContain('模拟器和真实微信一样返回 40163');
    expect(r.stdout).toContain('redirect_uri 在本机或局域网时用 wxauth login；回调地址在公网时，用 wxauth url 配合 wxauth listen --paste。');
  });

  it('--json prints one document summarising every step', async () => {
    const r = await runCli(['demo', '--json']);
    expect(r.code).toBe(0);
    const doc = parseJson(r.stdout) as { ok: boolean; demo: { appid: string; redirect_uri: string; steps: Array<{ id: string; ok: boolean; trace: string[]; data?: Record<string, unknown> }> } };
    expect(doc.ok).toBe(true);
    expect(doc.demo.appid).toBe(DEFAULT_APPIDS.test);
    expect(doc.demo.steps.map((s) => s.id)).toEqual(['url', 'consent', 'callback', 'exchange', 'check', 'userinfo', 'refresh', 'reuse']);
    expect(doc.demo.steps.every((s) => s.ok && s.trace.length > 0)).toBe(true);
    const reuse = doc.demo.steps.find((s) => s.id === 'reuse')!;
    expect(reuse.data).toMatchObject({ errcode: 40163, recognised_by_wxauth: true });
    const exchange = doc.demo.steps.find((s) => s.id === 'exchange')!;
    expect(exchange.data).toMatchObject({ scope: 'snsapi_userinfo', expires_in: 7200 });
    // Refreshing an unexpired token extends it rather than replacing it, as WeChat documents.
    const refresh = doc.demo.steps.find((s) => s.id === 'refresh')!;
    expect(refresh.data).toMatchObject({ outcome: 'extended', expires_in: 7200 });
    expect(r.stdout).not.toContain(SECRET);
  });

  it('shows the secrets only with --show-secrets', async () => {
    const r = await runCli(['demo', '--show-secrets']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`secret=${SECRET}`);
  });
});

// `wxauth listen` as a user runs it: the built binary (npm run build first), a throwaway config dir,
// real HTTP requests to the port it prints. stdout, stderr and the exit code are checked apart.
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { lanAddresses } from '../../src/listener/addresses.js';
import { StateFiles } from '../../src/store/state.js';
import { collect, emulatorEnv, freePort, parseJson, runCli, spawnCli, startCli, tempConfigDir, waitForOutput } from './helpers.js';

const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** A HEAD request (a link preview or prefetch): its status. */
function headStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http.request(url, { method: 'HEAD', agent: false, headers }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
  });
}

/**
 * A test account's link made by `wxauth url` for a callback on a free port, and `wxauth <before> listen
 * <args> --timeout 10` waiting on that port: the callback address, the state remembered, the listen run.
 */
async function linkAndListen(before: string[], args: string[]) {
  const port = await freePort();
  const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: `127.0.0.1:${port}` };
  const uri = `http://127.0.0.1:${port}/callback`;
  const made = await runCli(['url', '--redirect-uri', uri], { env });
  const state = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
  const done = runCli([...before, 'listen', ...args, '--timeout', '10'], { env });
  await portOpen(port);
  return { uri, state, done };
}

/** Start `wxauth listen …` and return it with the URL it printed. */
async function startListen(args: string[], env: Record<string, string> = {}) {
  const child = startCli(['listen', '--port', '0', ...args], { env });
  const done = collect(child);
  const [, url] = await waitForOutput(child, /(?:Listening on|正在监听) (http:\/\/\S+)/);
  return { child, done, url: url! };
}

/** Resolve once something listens on the port (a TCP connect, so no request is counted as a hit). */
async function portOpen(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nothing listens on ${port}`);
}

/** `wxauth listen …` run in this process on a free port; resolves once it listens. */
async function listenInProcess(args: string[], env: Record<string, string> = {}) {
  const port = await freePort();
  const done = runCli(['listen', '--port', String(port), ...args], { env });
  await portOpen(port);
  return { url: `http://127.0.0.1:${port}/callback`, done };
}

describe('wxauth listen', () => {
  it('prints the code and state on stdout and the conversation on stderr', async () => {
    const { url, done } = await startListen(['--state', 'abc123']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const page = await get(`${url}?code=${CODE}&state=abc123`, { 'user-agent': 'TestBrowser/1.0' });
    expect(page.body).toContain('Code received');
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`code   ${CODE}\nstate  abc123\n`);
    expect(r.stderr).toContain('Expected state: abc123 (from --state)');
    expect(r.stderr).toMatch(/#1 [\d:.]+ code received \(TestBrowser\/1\.0\)/);
    expect(r.stderr).toContain('wxauth exchange');
  });

  it('reports a duplicate call with the same code instead of a bare 40163', async () => {
    const { url, done } = await startListen(['--state', 's1']);
    await get(`${url}?code=${CODE}&state=s1`);
    await get(`${url}?code=${CODE}&state=s1&connect_redirect=1&uin=&key=&pass_ticket=`, { 'user-agent': 'MicroMessenger/8.0.50' });
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the same code arrived again (MicroMessenger/8.0.50)');
    expect(r.stderr).toContain('your server must exchange each code only once');
    expect(r.stdout).toBe(`code   ${CODE}\nstate  s1\n`);
  });

  it('refuses a stale-tab callback (400) and keeps waiting: the real one that follows is caught', async () => {
    const { url, done } = await listenInProcess(['--state', 'fresh', '--timeout', '20']);
    const stale = await get(`${url}?code=${CODE}&state=stale`);
    expect(stale.status).toBe(400);
    // A cross-site <img src="…/callback?state=old"> from any web page: refused, ends nothing.
    expect((await get(`${url}?state=old`)).status).toBe(400);
    expect((await get(`${url}?code=${CODE}&state=fresh`)).status).toBe(200);
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`code   ${CODE}\nstate  fresh\n`);
    expect(r.stderr).toMatch(/#1 [\d:.]+ state mismatch, refused; still waiting/);
  });

  it('numbers a request refused for its Host like any hit: no gap in the numbers the terminal shows (en, zh)', async () => {
    for (const lang of ['en', 'zh']) {
      const { url, done } = await listenInProcess(['--state', 'fresh', '--timeout', '20', '--lang', lang]);
      expect((await get(`${url}?code=${CODE}&state=stale`)).status).toBe(400);
      expect((await get(`${url}?code=${CODE}&state=fresh`, { Host: 'evil.example' })).status).toBe(421);
      expect((await get(`${url}?code=${CODE}&state=fresh`)).status).toBe(200);
      const r = await done;
      expect(r.code, r.stderr).toBe(0);
      const numbers = [...r.stderr.matchAll(/^(?:\S+ )?#(\d+) /gm)].map((m) => Number(m[1]));
      expect(numbers, r.stderr).toEqual([1, 2, 3]);
      expect(r.stderr).toMatch(/#2 [\d:.]+ .*evil\.example/);
    }
  });

  it('a forged callback and then nothing: exit 6 at the timeout, naming what was refused', async () => {
    // The forged callback must land before the timeout, also on a loaded machine: 2 s, not 1.
    const { url, done } = await listenInProcess(['--state', 'fresh', '--timeout', '2', '--lang', 'zh']);
    const page = await get(`${url}?code=${CODE}&state=stale`);
    expect(page.status).toBe(400);
    expect(page.body).toContain('state 不匹配');
    const r = await done;
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('拒收了 1 个 state 不对的回调（最后一个回调的 state 是 "stale"，期望 "fresh"）');
    expect(r.stderr).toContain('→ ');
  });

  it('--json keeps counts of a flood of junk hits and lists the last few only', async () => {
    const { url, done } = await listenInProcess(['--state', 'j2', '--json', '--timeout', '20']);
    for (let i = 0; i < 40; i++) await get(`${url}?state=forged${i}`);
    await get(`${url}?code=${CODE}&state=j2`);
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r.stdout) as { callback: { hits: unknown[]; hit_counts: Record<string, number>; hits_omitted: number } };
    expect(doc.callback.hit_counts).toEqual({ state_mismatch: 40, code: 1 });
    expect(doc.callback.hits).toHaveLength(20);
    expect(doc.callback.hits_omitted).toBe(21);
  });

  it('explains a refusal (state only) and exits 6', async () => {
    const { url, done } = await startListen(['--state', 'abc']);
    await get(`${url}?state=abc`);
    const r = await done;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('The user refused authorization');
    expect(r.stderr).toContain('snsapi_base');
  });

  it('a state-only callback of a snsapi_base link made by `wxauth url` is not said as the user refusing (no consent page) on the page, the hit line, the failure and in --json, en and zh; a snsapi_userinfo one is', async () => {
    for (const [scope, lang, says, not, page, hitLine] of [
      ['snsapi_base', 'en', 'so no one refused: the code was lost on the way', 'The user refused authorization', 'State only, no code — the code was lost on the way', 'state only, no code (snsapi_base has no consent page, so no refusal'],
      ['snsapi_base', 'zh', '用户没有机会点“拒绝”', '用户拒绝了授权', '只有 state，没有 code：code 在路上丢了', '只有 state，没有 code（snsapi_base 不弹授权页，不是拒绝'],
      ['snsapi_userinfo', 'en', 'The user refused authorization', 'no one refused', 'Authorization was refused', 'state only, no code (refused;'],
    ] as const) {
      const port = await freePort();
      const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: `127.0.0.1:${port}` };
      const uri = `http://127.0.0.1:${port}/callback`;
      const made = await runCli(['url', '--scope', scope, '--redirect-uri', uri], { env });
      const state = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
      const done = runCli(['--lang', lang, 'listen', '--timeout', '5'], { env });
      await portOpen(port);
      const answer = await get(`${uri}?state=${state}`, { 'accept-language': lang });
      const r = await done;
      expect(r.code).toBe(6);
      expect(r.stderr).toContain(says);
      expect(r.stderr).not.toContain(not);
      expect(r.stderr).toContain(hitLine);
      expect(answer.body).toContain(`<h1 id="title">${page}</h1>`);
    }
    // --json: the hit keeps its kind "denied" (old readers) and says what it meant in verdict, as inspect --json
    // does (a QR login cancelled on the phone too); no_consent_page stays for a snsapi_base link's.
    for (const [scope, verdict] of [['snsapi_base', 'lost_code'], ['snsapi_userinfo', 'refused_consent'], ['snsapi_login', 'refused_qr']] as const) {
      const port = await freePort();
      // No account type for snsapi_login: `url` makes a qrconnect link of it.
      const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', ...(scope === 'snsapi_login' ? {} : { WXAUTH_TYPE: 'test' }), WXAUTH_DOMAIN: `127.0.0.1:${port}` };
      const uri = `http://127.0.0.1:${port}/callback`;
      const made = await runCli(['url', '--scope', scope, '--redirect-uri', uri], { env });
      const state = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
      const done = runCli(['listen', '--json', '--timeout', '5'], { env });
      await portOpen(port);
      await get(`${uri}?state=${state}`);
      const r = await done;
      expect(r.code).toBe(6);
      const hit = r.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.event === 'hit');
      expect(hit).toMatchObject({ kind: 'denied', verdict });
      expect(hit!.no_consent_page).toBe(scope === 'snsapi_base' ? true : undefined);
    }
  });

  it('a HEAD carrying a valid code and state (a prefetch, a link preview) takes nothing and does not end the wait: the browser’s GET that follows is the one taken', async () => {
    const { uri, state, done } = await linkAndListen([], ['--json']);
    const head = await headStatus(`${uri}?code=${'0'.repeat(31)}H&state=${state}`);
    expect(head).toBe(200);
    // The wait is still on (no duplicate window opened by the HEAD): the browser's GET brings the code taken.
    await get(`${uri}?code=${'0'.repeat(31)}G&state=${state}`);
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { callback: { code: string; hit_counts: Record<string, number> } };
    expect(doc.callback.code).toBe(`${'0'.repeat(31)}G`);
    expect(doc.callback.hit_counts).toEqual({ head: 1, code: 1 });
  });

  it('a HEAD on the callback path is said in one line while listen waits (it came, it was ignored), en and zh', async () => {
    for (const [lang, says, saysBare] of [
      [
        'en',
        '#1 a HEAD request came and was ignored (a link preview or prefetch; the code is left for the browser’s GET; Preview-Bot/1)',
        '#2 a HEAD request for the bare callback address (no parameters) came and was ignored (a link preview or prefetch; Preview-Bot/1)',
      ],
      [
        'zh',
        '#1 收到一个 HEAD 请求，已忽略（链接预览或预取；code 留给浏览器的 GET；Preview-Bot/1）',
        '#2 收到一个发往回调地址本身（不带参数）的 HEAD 请求，已忽略（链接预览或预取；Preview-Bot/1）',
      ],
    ] as const) {
      const { uri, state, done } = await linkAndListen(['--lang', lang], []);
      await headStatus(`${uri}?code=${'0'.repeat(31)}H&state=${state}`, { 'User-Agent': 'Preview-Bot/1' });
      // The bare address (a preview of the link before any redirect): said in a line of its own, which
      // speaks of no code (it brought none). Before: nothing said, and counted among the unrelated requests;
      // then the HEAD-with-a-code line, whose "the code is left for the browser's GET" was untrue.
      await headStatus(uri, { 'User-Agent': 'Preview-Bot/1' });
      await get(`${uri}?code=${'0'.repeat(31)}G&state=${state}`);
      const r = await done;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${'0'.repeat(31)}G`);
      expect(r.stderr.replace(/ \d\d:\d\d:\d\d\.\d{3}/g, '')).toContain(says);
      expect(r.stderr.replace(/ \d\d:\d\d:\d\d\.\d{3}/g, '')).toContain(saysBare);
      expect(r.stderr.replace(/ \d\d:\d\d:\d\d\.\d{3}/g, '')).not.toContain(says.replace('#1', '#2'));
      // Said once: not also counted among the unrelated requests ignored (other paths, wrong Host, malformed).
      expect(r.stderr).not.toMatch(/unrelated request|无关请求/);
    }
  });

  it('a HEAD carrying our state and no code is said as such (no code to leave for a GET), en and zh, and the wait goes on', async () => {
    for (const [lang, says] of [
      ['en', '#1 a HEAD request with a state and no code came and was ignored (a link preview or prefetch; Preview-Bot/1)'],
      ['zh', '#1 收到一个带 state、不带 code 的 HEAD 请求，已忽略（链接预览或预取；Preview-Bot/1）'],
    ] as const) {
      const { uri, state, done } = await linkAndListen(['--lang', lang], []);
      await headStatus(`${uri}?state=${state}`, { 'User-Agent': 'Preview-Bot/1' });
      await get(`${uri}?code=${'0'.repeat(31)}G&state=${state}`);
      const r = await done;
      expect(r.code, r.stderr).toBe(0);
      const said = r.stderr.replace(/ \d\d:\d\d:\d\d\.\d{3}/g, '');
      expect(said).toContain(says);
      // Before: "the code is left for the browser's GET", of a request that brought none.
      expect(said).not.toMatch(/the code is left|code 留给/);
    }
  });

  it('listen --paste and exchange <callback-url>: a state-only callback of the remembered snsapi_base link is not said as the user refusing, en and zh; another state is', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_SECRET: 'a'.repeat(32), WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: '127.0.0.1:8080' };
    const uri = 'http://127.0.0.1:8080/callback';
    const made = await runCli(['url', '--scope', 'snsapi_base', '--redirect-uri', uri], { env });
    const state = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
    for (const [lang, says, not] of [
      ['en', 'so no one refused: the code was lost on the way', 'The user refused authorization'],
      ['zh', '用户没有机会点“拒绝”', '用户拒绝了授权'],
    ] as const) {
      const pasted = await runCli(['--lang', lang, 'listen', '--paste'], { env, input: `${uri}?state=${state}&from=gateway\n` });
      expect(pasted.code).toBe(6);
      expect(pasted.stderr).toContain(says);
      expect(pasted.stderr).not.toContain(not);
      const exchanged = await runCli(['--lang', lang, 'exchange', `${uri}?state=${state}&from=gateway`], { env });
      expect(exchanged.code).toBe(6);
      expect(exchanged.stderr).toContain(says);
      expect(exchanged.stderr).not.toContain(not);
    }
    // The state alone (perhaps cut at '&' by the shell): the cut is still said, the refusal not.
    const cut = await runCli(['exchange', `${uri}?state=${state}`], { env });
    expect(cut.code).toBe(6);
    expect(cut.stderr).toContain('so no one refused: most likely the URL was cut at its first "&"');
    expect(cut.stderr).not.toContain('either the user refused');
    // Another state: its link is not known, so a refusal is still one of the readings.
    const other = await runCli(['exchange', `${uri}?state=someoneelses&from=gateway`], { env });
    expect(other.stderr).toContain('The user refused authorization');
  });

  it('a website app: listen --paste and exchange <callback-url> say a state-only callback as a QR login cancelled on the phone, never "--scope snsapi_base", en and zh (exit 6)', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000003', WXAUTH_SECRET: 'a'.repeat(32), WXAUTH_TYPE: 'website', WXAUTH_DOMAIN: 'www.example.com' };
    const uri = 'https://www.example.com/callback';
    const made = await runCli(['url', '--redirect-uri', uri], { env });
    expect(made.stdout).toContain('/connect/qrconnect?');
    const state = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
    for (const [lang, says, hint, not] of [
      ['en', 'This is a website app’s QR login: after the scan it was cancelled on the phone instead of confirmed (确认登录).', 'A website app has only snsapi_login: there is no other scope to switch to.', 'The user refused authorization'],
      ['zh', '这是网站应用的扫码登录，扫码后在手机上取消了，没有点“确认登录”。', '网站应用只有 snsapi_login，没有别的 scope 可换。', '用户拒绝了授权'],
    ] as const) {
      // The remembered link's state, and --state (a link wxauth does not know: the account type says QR login).
      for (const [args, callback] of [[[], `${uri}?state=${state}&from=gateway`], [['--state', 'mine'], `${uri}?state=mine&from=gateway`]] as const) {
        const pasted = await runCli(['--lang', lang, 'listen', '--paste', ...args], { env, input: `${callback}\n` });
        expect(pasted.code, pasted.stderr).toBe(6);
        expect(pasted.stderr).toContain(says);
        expect(pasted.stderr).toContain(hint);
        expect(pasted.stderr).not.toContain(not);
        expect(pasted.stderr).not.toContain('--scope snsapi_base');
      }
      const exchanged = await runCli(['--lang', lang, 'exchange', `${uri}?state=${state}&from=gateway`], { env });
      expect(exchanged.code).toBe(6);
      expect(exchanged.stderr).toContain(says);
      expect(exchanged.stderr).toContain(hint);
      expect(exchanged.stderr).not.toContain(not);
      expect(exchanged.stderr).not.toContain('--scope snsapi_base');
      // The state alone (perhaps cut at '&'): the cut is said, and the way back is a new scan, not another scope.
      const cut = await runCli(['--lang', lang, 'exchange', `${uri}?state=${state}`], { env });
      expect(cut.code).toBe(6);
      expect(cut.stderr).toContain(lang === 'en' ? 'if the login was indeed cancelled after the scan, scan again and press “确认登录” (allow) on the phone' : '如果扫码后确实取消了，重新扫码并在手机上点“确认登录”');
      // Its opening names the website app's refusal (cancelled on the phone), not a consent page's.
      expect(cut.stderr).toContain(lang === 'en' ? 'no code: either the QR login was cancelled on the phone after the scan' : '要么是网站应用扫码登录时，扫码后在手机上取消了');
      expect(cut.stderr).not.toContain(lang === 'en' ? 'either the user refused authorization' : '要么用户拒绝了授权');
      expect(cut.stderr).not.toContain('snsapi_base');
    }
  });

  it('a website app: the live listener’s page for a state-only callback says the QR login was not confirmed on the phone, en and zh', async () => {
    for (const lang of ['en', 'zh'] as const) {
      // A website app's callback domain has no port: the listener is asked for one, the state given (the account type says QR login).
      const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000003', WXAUTH_TYPE: 'website', WXAUTH_DOMAIN: 'www.example.com' };
      const { url, done } = await listenInProcess(['--lang', lang, '--state', 'qr1', '--timeout', '10'], env);
      const page = await get(`${url}?state=qr1`);
      expect(page.body).toContain(lang === 'en' ? 'The login was not confirmed' : '没有确认登录');
      expect(page.body).toContain(lang === 'en' ? 'after the scan, the login was cancelled on the phone instead of confirmed (确认登录)' : '扫码后在手机上没有点“确认登录”（取消了）');
      expect(page.body).not.toContain(lang === 'en' ? 'consent page' : '授权页点了');
      const r = await done;
      expect(r.code).toBe(6);
      expect(r.stderr).toContain(lang === 'en' ? 'This is a website app’s QR login' : '这是网站应用的扫码登录');
    }
  });

  it('listen --state: a state-only callback is judged alike live and pasted, by --state (not the remembered QR link\'s endpoint); the remembered state keeps its link, en and zh', async () => {
    // No account type: what the remembered link was (a qrconnect one, from --scope snsapi_login) says nothing of --state's.
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002' };
    const made = await runCli(['url', '--scope', 'snsapi_login', '--redirect-uri', 'http://127.0.0.1:8080/callback'], { env });
    expect(made.stdout).toContain('/connect/qrconnect?');
    const remembered = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
    for (const [lang, refused, qr] of [
      ['en', 'The user refused authorization', 'This is a website app’s QR login'],
      ['zh', '用户拒绝了授权', '这是网站应用的扫码登录'],
    ] as const) {
      for (const [args, state, says, not] of [
        [['--state', 'MYSTATE123'], 'MYSTATE123', refused, qr],
        [[], remembered, qr, refused],
      ] as const) {
        const live = await listenInProcess(['--lang', lang, ...args, '--timeout', '10'], env);
        await get(`${live.url}?state=${state}`);
        const r = await live.done;
        expect(r.code, r.stderr).toBe(6);
        expect(r.stderr, `live ${state}`).toContain(says);
        expect(r.stderr, `live ${state}`).not.toContain(not);
        const pasted = await runCli(['--lang', lang, 'listen', '--paste', ...args], { env, input: `http://127.0.0.1:8080/callback?state=${state}&from=x\n` });
        expect(pasted.code, pasted.stderr).toBe(6);
        expect(pasted.stderr, `pasted ${state}`).toContain(says);
        expect(pasted.stderr, `pasted ${state}`).not.toContain(not);
      }
    }
  });

  it('no state at start, a snsapi_base link made since: its state-only callback is said by that link (the code lost, no refusal), en and zh', async () => {
    for (const [lang, says, not] of [
      ['en', 'so no one refused: the code was lost on the way', 'The user refused authorization'],
      ['zh', '用户没有机会点“拒绝”', '用户拒绝了授权'],
    ] as const) {
      const port = await freePort();
      const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: `127.0.0.1:${port}` };
      const uri = `http://127.0.0.1:${port}/callback`;
      const done = runCli(['--lang', lang, 'listen', '--port', String(port), '--timeout', '10'], { env });
      await portOpen(port);
      const made = await runCli(['url', '--scope', 'snsapi_base', '--redirect-uri', uri], { env });
      const state = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
      await get(`${uri}?state=${state}`);
      const r = await done;
      expect(r.code, r.stderr).toBe(6);
      expect(r.stderr).toContain(says);
      expect(r.stderr).not.toContain(not);
    }
  });

  it('with no state to check, a state-only callback is not "the user refused": it is said as such and the code that follows is caught (en, zh)', async () => {
    for (const lang of ['en', 'zh']) {
      const { url, done } = await listenInProcess(['--timeout', '20', '--lang', lang]);
      const page = await get(`${url}?state=x`);
      expect(page.status).toBe(200);
      expect(page.body).toContain(lang === 'en' ? 'still waiting' : '还在等待');
      expect((await get(`${url}?code=${CODE}&state=x`)).status).toBe(200);
      const r = await done;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(`code   ${CODE}\nstate  x\n`);
      expect(r.stderr).not.toContain(lang === 'en' ? 'The user refused' : '用户拒绝了授权');
      expect(r.stderr).toMatch(lang === 'en' ? /#1 [\d:.]+ state only, no code; with no state to check/ : /#1 [\d:.]+ 只有 state，没有 code；没有可核对的 state/);
    }
  });

  it('with no state to check, a state-only callback and then nothing: a timeout naming it, with the way to have the state checked (zh)', async () => {
    const { url, done } = await listenInProcess(['--timeout', '2', '--lang', 'zh']);
    await get(`${url}?state=x`);
    const r = await done;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('收到 1 个只有 state 的回调（最后一个的 state 是 "x"）');
    expect(r.stderr).toContain('先用 wxauth url 生成授权链接');
  });

  it('gives up after --timeout seconds with exit 6 and advice', async () => {
    const r = await runCli(['listen', '--port', '0', '--timeout', '1']);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No callback arrived within 1 s');
    expect(r.stderr).toContain('--host 0.0.0.0');
    // No state to compare: said first, with what it means.
    expect(r.stderr.split('\n')[0]).toContain('the callback’s state will not be checked, so a code any web page sends here is taken as this login’s (a forged callback, CSRF)');
  });

  it('with no redirect_uri anywhere and no --port/--path, says it listens on the default address and what that means (en, zh)', async () => {
    // Said before binding: whether 8080 is free on this machine (exit 6 at the timeout) or not (exit 2).
    const r = await runCli(['listen', '--timeout', '1']);
    expect([2, 6]).toContain(r.code);
    expect(r.stderr).toContain('No redirect_uri to go by (none in profile "default", none remembered by wxauth url), so this listens on the default address: only an authorization link whose redirect_uri is http://127.0.0.1:8080/callback calls back here.');
    const zh = await runCli(['listen', '--timeout', '1'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toContain('只有 redirect_uri 是 http://127.0.0.1:8080/callback 的授权链接会回调到这里');
    // Chosen by the user: nothing to say.
    expect((await runCli(['listen', '--port', '0', '--timeout', '1'])).stderr).not.toContain('redirect_uri to go by');
  });

  it('says which port is taken and how to choose another (exit 2)', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runCli(['listen', '--port', String(port), '--timeout', '5']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Port ${port} is already in use`);
      expect(r.stderr).toContain('--port 0');
    } finally {
      blocker.close();
    }
  });

  it('a localhost redirect_uri: a server holding the port on [::1] only, where a browser takes localhost, is a port taken (exit 2, en and zh)', async (ctx) => {
    const blocker = net.createServer();
    const bound = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen(0, '::1', () => resolve(true));
    });
    if (!bound) ctx.skip(); // No IPv6 loopback here: nothing a browser could be sent to.
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_REDIRECT_URI: `http://localhost:${port}/callback` };
      const r = await runCli(['listen', '--state', 's', '--timeout', '5'], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Port ${port} is free on 127.0.0.1 but already in use on [::1], which is localhost too`);
      expect(r.stderr).not.toContain('Listening on');
      const zh = await runCli(['listen', '--state', 's', '--timeout', '5', '--lang', 'zh'], { env });
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain(`端口 ${port} 在 127.0.0.1 上空闲，但在同样是 localhost 的 [::1] 上已被占用`);
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad --port before binding', async () => {
    const r = await runCli(['listen', '--port', '70000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be an integer 0–65535');
  });

  it('takes the callback of a link `wxauth url` made after listen started (the state remembered now), saying so; another state stays refused', async () => {
    const port = await freePort();
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: `127.0.0.1:${port}` };
    const uri = `http://127.0.0.1:${port}/wx/back`;
    const first = await runCli(['url', '--redirect-uri', uri], { env });
    const old = /state=([A-Za-z0-9]+)#/.exec(first.stdout)![1]!;
    const done = runCli(['listen', '--timeout', '5'], { env });
    await portOpen(port);
    // The link is made again in another terminal while listen waits.
    const second = await runCli(['url', '--redirect-uri', uri], { env });
    const newest = /state=([A-Za-z0-9]+)#/.exec(second.stdout)![1]!;
    expect(newest).not.toBe(old);
    expect((await get(`${uri}?code=${CODE}&state=forged`)).status).toBe(400);
    expect((await get(`${uri}?code=${CODE}&state=${newest}`)).status).toBe(200);
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`state  ${newest}`);
    expect(r.stderr).toContain('This callback’s state is that of a link wxauth url made after listen started');
  });

  it('a state-only callback of a snsapi_base link `wxauth url` made after listen started is said as a code lost (that link’s scope), on the page, the hit line and the failure, en and zh', async () => {
    for (const [lang, says, not, page, hitLine] of [
      ['en', 'so no one refused: the code was lost on the way', 'The user refused authorization', 'State only, no code — the code was lost on the way', 'state only, no code (snsapi_base has no consent page, so no refusal'],
      ['zh', '用户没有机会点“拒绝”', '用户拒绝了授权', '只有 state，没有 code：code 在路上丢了', '只有 state，没有 code（snsapi_base 不弹授权页，不是拒绝'],
    ] as const) {
      const port = await freePort();
      const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: `127.0.0.1:${port}` };
      const uri = `http://127.0.0.1:${port}/callback`;
      // listen starts on a snsapi_userinfo link's state; the snsapi_base link is made in another terminal while it waits.
      await runCli(['url', '--scope', 'snsapi_userinfo', '--redirect-uri', uri], { env });
      const done = runCli(['--lang', lang, 'listen', '--timeout', '5'], { env });
      await portOpen(port);
      const second = await runCli(['url', '--scope', 'snsapi_base', '--redirect-uri', uri], { env });
      const newest = /state=([A-Za-z0-9]+)#/.exec(second.stdout)![1]!;
      const answer = await get(`${uri}?state=${newest}&from=gateway`, { 'accept-language': lang });
      const r = await done;
      expect(r.code).toBe(6);
      expect(r.stderr).toContain(says);
      expect(r.stderr).not.toContain(not);
      expect(r.stderr).not.toContain('--scope snsapi_base');
      expect(r.stderr).toContain(hitLine);
      expect(answer.body).toContain(`<h1 id="title">${page}</h1>`);
    }
  });

  // The trial's user made a second link for another port while listen waited on the first one's, and
  // got only "No callback arrived", with the generic advice.
  it('times out naming a link made since it started whose callback goes to another port (exit 6); the same port and path is not named', async () => {
    const [port, other] = [await freePort(), await freePort()];
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test' };
    const uri = `http://127.0.0.1:${port}/cb`;
    await runCli(['url', '--redirect-uri', uri], { env });
    const moved = runCli(['listen', '--timeout', '2'], { env });
    await portOpen(port);
    await runCli(['url', '--redirect-uri', `http://127.0.0.1:${other}/cb`], { env });
    const r = await moved;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`A link wxauth url made after listen started sends its callback to http://127.0.0.1:${other}/cb, while this listener is at ${uri}`);
    // A newer link to the same place: the usual advice.
    await runCli(['url', '--redirect-uri', uri], { env });
    const same = runCli(['listen', '--timeout', '2'], { env });
    await portOpen(port);
    await runCli(['url', '--redirect-uri', uri], { env });
    const s = await same;
    expect(s.code).toBe(6);
    expect(s.stderr).not.toContain('made after listen started');
  });

  it('does not take a newer state remembered for another appid (a url run under another WXAUTH_APPID)', async () => {
    const port = await freePort();
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: `127.0.0.1:${port}` };
    const uri = `http://127.0.0.1:${port}/wx/back`;
    await runCli(['url', '--redirect-uri', uri], { env });
    const done = runCli(['listen', '--timeout', '2'], { env });
    await portOpen(port);
    const other = await runCli(['url', '--redirect-uri', uri], { env: { ...env, WXAUTH_APPID: 'wx1234567890abcdef' } });
    const foreign = /state=([A-Za-z0-9]+)#/.exec(other.stdout)![1]!;
    expect((await get(`${uri}?code=${CODE}&state=${foreign}`)).status).toBe(400);
    expect((await done).code).toBe(6);
  });

  it('started with no state remembered: once `wxauth url` makes a link, a forged callback is refused and that link’s is taken (listen and --paste)', async () => {
    const port = await freePort();
    const uri = `http://127.0.0.1:${port}/cb`;
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: `127.0.0.1:${port}`, WXAUTH_REDIRECT_URI: uri };
    const done = runCli(['listen', '--timeout', '10'], { env });
    await portOpen(port);
    const made = await runCli(['url', '--redirect-uri', uri], { env });
    const state = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
    expect((await get(`${uri}?code=${CODE.toLowerCase()}&state=forged`)).status).toBe(400);
    expect((await get(`${uri}?code=${CODE}&state=${state}`)).status).toBe(200);
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Once wxauth url makes a link in another terminal, that link’s state is checked.');
    expect(r.stdout).toBe(`code   ${CODE}\nstate  ${state}\n`);
    expect(r.stderr).toContain('This callback’s state is that of the link wxauth url made after listen started (the state remembered now), and was checked against it.');
    // Not "the previous link's state": there was none at start.
    expect(r.stderr).not.toContain('previous link');
    // --paste the same way: the forged paste is refused as a state mismatch (exit 6).
    const pasteEnv = { ...env, WXAUTH_CONFIG_DIR: tempConfigDir() };
    const { Readable } = await import('node:stream');
    const { runCli: run } = await import('../../src/app.js');
    const { baseEnv } = await import('./helpers.js');
    const { PassThrough } = await import('node:stream');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const input = Readable.from((async function* () {
      await gate;
      yield `${uri}?code=${CODE}&state=forged\n`;
    })());
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const pasted = run(['listen', '--paste'], { stdout: new PassThrough(), stderr, promptOutput: () => stderr, stdin: input, env: baseEnv(pasteEnv), signal: new AbortController().signal }, '0.0.0');
    for (let i = 0; i < 200 && !err.includes('Reading the callback URL'); i++) await new Promise((r) => setTimeout(r, 10));
    await runCli(['url', '--redirect-uri', uri], { env: pasteEnv });
    release();
    expect(await pasted).toBe(6);
    expect(err).toContain('forged');
  });

  it('--paste, started before `wxauth url`: the pasted callback of that newer link is taken, saying so', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: '127.0.0.1:8080' };
    const uri = 'http://127.0.0.1:8080/cb';
    await runCli(['url', '--redirect-uri', uri], { env });
    // listen --paste starts (reading the state now remembered), then the link is made again before pasting.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let newest = '';
    const { Readable } = await import('node:stream');
    const input = Readable.from((async function* () {
      await gate;
      yield `${uri}?code=${CODE}&state=${newest}\n`;
    })());
    const { runCli: run } = await import('../../src/app.js');
    const { baseEnv } = await import('./helpers.js');
    const { PassThrough } = await import('node:stream');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const done = run(['listen', '--paste'], { stdout, stderr, promptOutput: () => stderr, stdin: input, env: baseEnv(env), signal: new AbortController().signal }, '0.0.0');
    for (let i = 0; i < 200 && !err.includes('Reading the callback URL'); i++) await new Promise((r) => setTimeout(r, 10));
    const second = await runCli(['url', '--redirect-uri', uri], { env });
    newest = /state=([A-Za-z0-9]+)#/.exec(second.stdout)![1]!;
    release();
    expect(await done).toBe(0);
    expect(out).toContain(`state  ${newest}`);
    expect(err).toContain('This callback’s state is that of a link wxauth url made after listen started');
  });

  it('takes port and path from a local redirect_uri', async () => {
    const port = await freePort();
    const child = startCli(['listen', '--timeout', '10'], { env: { WXAUTH_REDIRECT_URI: `http://127.0.0.1:${port}/wx/cb` } });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /Listening on (http:\/\/\S+)/);
    expect(url).toBe(`http://127.0.0.1:${port}/wx/cb`);
    await get(`${url}?code=${CODE}&state=`);
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('will not be checked');
    expect(r.stderr).not.toContain('redirect_uri to go by');
  });

  it('a state is single use once its code is spent: after listen --exchange, the same callback again (an old tab) under a later listen is refused, saying it was used (en, zh); listen alone marks nothing', async () => {
    const emu = await startEmulator();
    try {
      const app = emu.apps.find((a) => a.type === 'test')!;
      const port = await freePort();
      const dir = tempConfigDir();
      const env = { ...emulatorEnv(emu, app), WXAUTH_CONFIG_DIR: dir, WXAUTH_DOMAIN: `127.0.0.1:${port}` };
      const built = await runCli(['url', '--redirect-uri', `http://127.0.0.1:${port}/wx/back`], { env });
      expect(built.code).toBe(0);
      const state = /state=([A-Za-z0-9]+)#/.exec(built.stdout)![1]!;
      const url = `http://127.0.0.1:${port}/wx/back`;
      // Caught, not exchanged: the code is still to be spent (by exchange CODE, or the callback's address), so nothing is marked.
      const caught = runCli(['listen', '--timeout', '20'], { env });
      await portOpen(port);
      expect((await get(`${url}?code=${CODE}&state=${state}`)).status).toBe(200);
      expect((await caught).code).toBe(0);
      expect(new StateFiles(dir).get('default').entry?.usedAt).toBeUndefined();
      const code = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
      const first = runCli(['listen', '--timeout', '20', '--exchange'], { env });
      await portOpen(port);
      expect((await get(`${url}?code=${code}&state=${state}`)).status).toBe(200);
      // WeChat calling twice within the window is still a duplicate, not a used state.
      expect((await get(`${url}?code=${code}&state=${state}`)).status).toBe(200);
      const r1 = await first;
      expect(r1.code, r1.stderr).toBe(0);
      expect(r1.stderr).toMatch(/#2 [\d:.]+ the same code arrived again/);
      expect(new StateFiles(dir).get('default').entry).toMatchObject({ value: state, usedBy: 'listen' });
      for (const lang of ['en', 'zh']) {
        const again = runCli(['listen', '--timeout', '2', '--lang', lang], { env });
        await portOpen(port);
        expect((await get(`${url}?code=${code}&state=${state}`)).status).toBe(400);
        const r = await again;
        expect(r.code).toBe(6);
        expect(r.stdout).toBe('');
        if (lang === 'en') {
          expect(r.stderr).toContain(`The remembered state "${state}" was already used: wxauth listen took its callback`);
          expect(r.stderr).toMatch(/#1 [\d:.]+ state already used \(an old tab\?\), refused/);
          expect(r.stderr).toContain('a state already used');
          expect(r.stderr).toContain('make a fresh link with wxauth url');
        } else {
          expect(r.stderr).toContain(`记下的 state "${state}" 已经用过`);
          expect(r.stderr).toMatch(/#1 [\d:.]+ state 已经用过/);
          expect(r.stderr).toContain('用 wxauth url 生成新链接再授权');
        }
      }
    } finally {
      await emu.close();
    }
  });

  it('listen --paste is single use too: a paste whose code was exchanged marks the state used, and the same callback pasted again is refused (exit 6, en and zh); a paste not exchanged, or an exchange that failed, marks nothing', async () => {
    const emu = await startEmulator();
    try {
      const app = emu.apps.find((a) => a.type === 'test')!;
      const dir = tempConfigDir();
      const env = { ...emulatorEnv(emu, app), WXAUTH_CONFIG_DIR: dir, WXAUTH_DOMAIN: '127.0.0.1:8080' };
      const built = await runCli(['url', '--redirect-uri', 'http://127.0.0.1:8080/wx/back'], { env });
      expect(built.code).toBe(0);
      const state = /state=([A-Za-z0-9]+)#/.exec(built.stdout)![1]!;
      const code = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
      const callback = `http://127.0.0.1:8080/wx/back?code=${code}&state=${state}\n`;
      const pasted = await runCli(['listen', '--paste'], { env, input: callback });
      expect(pasted.code, pasted.stderr).toBe(0);
      expect(pasted.stdout).toBe(`code   ${code}\nstate  ${state}\n`);
      expect(new StateFiles(dir).get('default').entry?.usedAt).toBeUndefined();
      // WeChat out of reach: nothing spent, nothing marked; the same paste works once it is back.
      const unreachable = await runCli(['listen', '--paste', '--exchange'], { env: { ...env, WXAUTH_API_BASE: 'http://127.0.0.1:1', WXAUTH_BACKUP_API_BASE: 'http://127.0.0.1:1' }, input: callback });
      expect(unreachable.code).toBe(5);
      expect(new StateFiles(dir).get('default').entry?.usedAt).toBeUndefined();
      const exchanged = await runCli(['listen', '--paste', '--exchange'], { env, input: callback });
      expect(exchanged.code, exchanged.stderr).toBe(0);
      expect(new StateFiles(dir).get('default').entry).toMatchObject({ value: state, usedBy: 'listen' });
      for (const lang of ['en', 'zh']) {
        const again = await runCli(['listen', '--paste', '--lang', lang], { env, input: callback });
        expect(again.code).toBe(6);
        expect(again.stdout).toBe('');
        if (lang === 'en') {
          expect(again.stderr).toContain(`The pasted callback carries "${state}", a state already used`);
          expect(again.stderr).toContain('pass the code alone: wxauth exchange CODE');
        } else {
          expect(again.stderr).toContain(`粘贴的回调带的 state "${state}" 已经用过`);
          expect(again.stderr).toContain('只传 code 本身：wxauth exchange CODE');
        }
      }
      const alone = await runCli(['listen', '--paste'], { env, input: `${CODE}\n` });
      expect(alone.code, alone.stderr).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('picks up where `wxauth url` left off: its redirect_uri gives port and path, its state is checked', async () => {
    const port = await freePort();
    const env = {
      WXAUTH_CONFIG_DIR: tempConfigDir(),
      WXAUTH_APPID: 'wx5e1ec0de00000002',
      WXAUTH_TYPE: 'test',
      WXAUTH_DOMAIN: `127.0.0.1:${port}`,
    };
    const built = await runCli(['url', '--scope', 'snsapi_userinfo', '--redirect-uri', `http://127.0.0.1:${port}/wx/back`], { env });
    expect(built.code).toBe(0);
    const state = /state=([A-Za-z0-9]+)#/.exec(built.stdout)![1]!;
    const done = runCli(['listen', '--timeout', '2'], { env });
    await portOpen(port);
    const url = `http://127.0.0.1:${port}/wx/back`;
    const stale = await get(`${url}?code=${CODE}&state=${state}x`);
    expect(stale.status).toBe(400);
    const r = await done;
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`Listening on http://127.0.0.1:${port}/wx/back`);
    expect(r.stderr).toContain(`Expected state: ${state} (remembered when the authorization link was built`);
    expect(r.stderr).toContain(`callback(s) with another state were refused (the last brought "${state}x"`);
  });

  it('does not take the state or port of a link built for another appid (another WXAUTH_APPID, same profile)', async () => {
    const dir = tempConfigDir();
    const other = { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: '127.0.0.1:47311' };
    expect((await runCli(['url', '--redirect-uri', 'http://127.0.0.1:47311/other'], { env: other })).code).toBe(0);
    const r = await runCli(['listen', '--port', '0', '--timeout', '1'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wx5e1ec0de00000001', WXAUTH_TYPE: 'service' } });
    expect(r.stderr).not.toContain('Expected state:');
    expect(r.stderr).toContain('will not be checked');
    expect(r.stderr).not.toContain('/other');
  });

  it('--host 0.0.0.0 says it listens on every address, and its timeout does not advise --host 0.0.0.0 again', async () => {
    const r = await runCli(['listen', '--host', '0.0.0.0', '--port', '0', '--timeout', '1'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/Listening on every address of this machine \(0\.0\.0\.0\), port \d+, so other devices on the network can connect; from here: http:\/\/127\.0\.0\.1:\d+\/callback/);
    // With a LAN address or without one, never the advice to do what it did.
    expect(r.stderr).not.toContain('Use --host 0.0.0.0');
  });

  // The timeout's advice on a LAN listener: listen cannot know the link, login made it. Needs a LAN address here.
  it.skipIf(lanAddresses().length === 0)('on a LAN listener, listen’s timeout gives the `url --redirect-uri` that builds a link to it; login’s names the domain to set instead', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_SECRET: '5e1ec0de5e1ec0de5e1ec0de00000002', WXAUTH_TYPE: 'test' };
    const listen = await runCli(['--profile', 't2', 'listen', '--host', '0.0.0.0', '--port', '0', '--timeout', '1'], { env });
    expect(listen.code).toBe(6);
    const lanUrl = /wxauth url --profile t2 --redirect-uri (http:\/\/\S+\/callback) builds one/.exec(listen.stderr)?.[1];
    expect(lanUrl).toBeDefined();
    expect(lanAddresses()).toContain(new URL(lanUrl!).hostname);
    const login = await runCli(['login', '--host', '0.0.0.0', '--port', '0', '--timeout', '1', '--no-open'], { env });
    expect(login.code).toBe(6);
    const redirectUri = /redirect_uri \(where WeChat sends the code\): (\S+)/.exec(login.stderr)?.[1];
    expect(login.stderr).toContain(`The link’s redirect_uri was ${redirectUri}, which a phone on the same Wi-Fi could reach`);
    expect(login.stderr).toContain(`web-authorization domain is ${new URL(redirectUri!).host}: otherwise WeChat shows “redirect_uri 参数错误”, 10003`);
    expect(login.stderr).not.toContain('wxauth url --redirect-uri');
    const zh = await runCli(['--lang', 'zh', 'login', '--host', '0.0.0.0', '--port', '0', '--timeout', '1', '--no-open'], { env });
    expect(zh.stderr).toMatch(/授权链接的 redirect_uri 是 http:\/\/\S+\/callback，同一 Wi-Fi 的手机本可以访问/);
  });

  it('a public redirect_uri: the timeout says nothing could arrive here and gives --paste / --relay-snippet, not --host 0.0.0.0', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000001', WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'www.example.com', WXAUTH_REDIRECT_URI: 'https://www.example.com/wechat/callback' };
    const r = await runCli(['listen', '--port', '0', '--timeout', '1'], { env });
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('The link’s callback goes to https://www.example.com/wechat/callback, not to this machine: unless a page there forwards it here (wxauth listen --relay-snippet), nothing arrives');
    const other = await runCli(['--profile', 'prod', 'listen', '--port', '0', '--timeout', '1'], { env });
    expect(other.stderr).toContain('wxauth listen --profile prod --relay-snippet');
    expect(r.stderr).not.toContain('desktop WeChat on this machine');
    expect(r.stderr).not.toContain('use --host 0.0.0.0');
  });

  it('on an emulator the timeout says the login finishes in a browser here, not in phone WeChat', async () => {
    const r = await runCli(['listen', '--port', '0', '--timeout', '1'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000001', WXAUTH_OPEN_BASE: 'http://127.0.0.1:3900' } });
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('This login finishes in a browser on this machine');
    expect(r.stderr).not.toContain('phone WeChat');
  });

  it('warns when --port differs from the port the remembered redirect_uri sends the callback to', async () => {
    const env = { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_APPID: 'wx5e1ec0de00000002', WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: '127.0.0.1:47310' };
    expect((await runCli(['url', '--redirect-uri', 'http://127.0.0.1:47310/callback'], { env })).code).toBe(0);
    const r = await runCli(['listen', '--port', '0', '--timeout', '1'], { env });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/The callback goes where redirect_uri \(http:\/\/127\.0\.0\.1:47310\/callback\) points, port and path :47310\/callback, but this listens on \/callback on a random port: nothing arrives here/);
  });

  // A process is what is tested here: kill and a closed terminal reach main.ts as signals.
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal} ends a waiting listener as Ctrl-C does, exit ${code} (spawned)`, async () => {
      const child = spawnCli(['listen', '--port', '0', '--timeout', '30'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
      const done = collect(child);
      await waitForOutput(child, /Listening on/);
      child.kill(signal);
      const r = await done;
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    });
  }

  it('--json prints one document with the callback and every hit', async () => {
    // With --json, stderr is JSON Lines: the listening address comes as a `listening` event.
    const child = startCli(['listen', '--port', '0', '--state', 'j1', '--json'], { env: {} });
    const done = collect(child);
    const [line] = await waitForOutput(child, /\{"event":"listening".*\}(?=\n)/);
    const { url } = JSON.parse(line!) as { url: string };
    await get(`${url}?code=${CODE}&state=j1`, { 'user-agent': 'UA-1' });
    const r = await done;
    expect(r.code).toBe(0);
    const doc = parseJson(r.stdout) as { ok: boolean; listening: { url: string }; callback: { code: string; state: string; state_checked: boolean; hits: Array<Record<string, unknown>> } };
    expect(doc.ok).toBe(true);
    expect(doc.listening.url).toBe(url);
    expect(doc.callback.code).toBe(CODE);
    expect(doc.callback.state_checked).toBe(true);
    expect(doc.callback.hits).toEqual([expect.objectContaining({ seq: 1, kind: 'code', user_agent: 'UA-1', code: '061eY9…' })]);
  });

  it('--paste reads the callback URL from stdin when there is no terminal', async () => {
    const r = await runCli(['listen', '--paste', '--state', 'p1'], { input: `http://localhost/cb?code=${CODE}&state=p1\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`code   ${CODE}\nstate  p1\n`);
    expect(r.stderr).not.toContain('words around it');
    // Wrapped over two lines when copied (a terminal, a chat window): joined, and said; the code whole, the state not a forgery.
    const half = Math.floor(CODE.length / 2);
    const wrapped = await runCli(['listen', '--paste', '--state', 'p1'], { input: `http://localhost/cb?code=${CODE.slice(0, half)}\n${CODE.slice(half)}&state=p1\n` });
    expect(wrapped.code, wrapped.stderr).toBe(0);
    expect(wrapped.stdout).toBe(`code   ${CODE}\nstate  p1\n`);
    expect(wrapped.stderr).toContain('Joined the callback URL where a line break split it');
    const wrappedState = await runCli(['listen', '--paste', '--state', 'p1abcdef', '--lang', 'zh'], { input: `http://localhost/cb?code=${CODE}&state=p1ab\r\n  cdef\n` });
    expect(wrappedState.code, wrappedState.stderr).toBe(0);
    expect(wrappedState.stdout).toBe(`code   ${CODE}\nstate  p1abcdef\n`);
    expect(wrappedState.stderr).toContain('去掉了回调地址中间的换行');
    // Full-width ？＆＝ (a Chinese IME, a chat app): read as inspect reads them, and said.
    const fullwidth = await runCli(['listen', '--paste', '--state', 'p1', '--lang', 'zh'], { input: `http://localhost/cb？code＝${CODE}＆state＝p1\n` });
    expect(fullwidth.code, fullwidth.stderr).toBe(0);
    expect(fullwidth.stdout).toBe(`code   ${CODE}\nstate  p1\n`);
    expect(fullwidth.stderr).toContain('回调地址里的全角标点（？＆＝＃）按半角的 ? & = # 读取');
    // A bare query with full-width ＆＝ (no ？ to start it): read alike. Before: refused as no callback
    // (code＝…), or its code printed with `＆state＝p1` in it and no state (code=…＆state＝…).
    for (const input of [`code＝${CODE}＆state＝p1\n`, `code=${CODE}＆state＝p1\n`]) {
      const bare = await runCli(['listen', '--paste', '--state', 'p1'], { input });
      expect(bare.code, bare.stderr).toBe(0);
      expect(bare.stdout).toBe(`code   ${CODE}\nstate  p1\n`);
      expect(bare.stderr).toContain('Read the full-width punctuation (？＆＝＃) in the callback URL as ASCII');
    }
    // Lines of a log, one whole callback each: the first is the paste, nothing joined.
    const log = await runCli(['listen', '--paste', '--state', 'p1'], { input: `http://localhost/cb?code=${CODE}&state=p1\nhttp://localhost/cb?code=${CODE.toLowerCase()}&state=p1\n` });
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toBe(`code   ${CODE}\nstate  p1\n`);
    expect(log.stderr).not.toContain('Joined');
    // A log line or a chat message around the address: the address is read, and that is said.
    const worded = await runCli(['listen', '--paste', '--state', 'p1', '--lang', 'zh'], { input: `回调：http://localhost/cb?code=${CODE}&state=p1 这是回调\n` });
    expect(worded.code).toBe(0);
    expect(worded.stdout).toBe(`code   ${CODE}\nstate  p1\n`);
    expect(worded.stderr).toContain('粘贴的这一行里只读取了回调地址，前后的文字已忽略。');
    const bad = await runCli(['listen', '--paste', '--state', 'p1'], { input: `https://www.example.com/cb?code=${CODE}&state=other\n` });
    expect(bad.code).toBe(6);
    expect(bad.stderr).toContain('State mismatch');
    expect(bad.stderr).toContain('The code was refused.');
    // A code with no state at all: the state was lost on the way (not 'brought ""').
    const stateless = await runCli(['listen', '--paste', '--state', 'p1'], { input: `https://www.example.com/cb?code=${CODE}\n` });
    expect(stateless.code).toBe(6);
    expect(stateless.stderr).toContain('The callback carries a code but no state, and "p1" was expected.');
    expect(stateless.stderr).toContain('a redirect of your own that keeps only code=');
    expect(stateless.stderr).not.toContain('brought ""');
    // No code at all: nothing was refused but the state; the message says what is missing instead.
    const noCode = await runCli(['listen', '--paste', '--state', 'p1', '--lang', 'zh'], { input: `https://www.example.com/cb?state=other&from=x\n` });
    expect(noCode.code).toBe(6);
    expect(noCode.stderr).toContain('而且没有 code（用户拒绝了授权，或地址在 & 处被截断）');
    expect(noCode.stderr).not.toContain('这个 code 已拒收');
    // Text that is no address, and an address with neither code nor state: each said for what it is.
    const garbage = await runCli(['listen', '--paste', '--state', 'p1'], { input: 'hello world\n' });
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toContain('The pasted text is not a callback address (it has no code=…), nor does it look like a code.');
    expect(garbage.stderr).not.toContain('refused');
    const pageUrl = await runCli(['listen', '--paste', '--state', 'p1', '--lang', 'zh'], { input: 'https://www.example.com/cb?from=menu\n' });
    expect(pageUrl.code).toBe(2);
    expect(pageUrl.stderr).toContain('粘贴的地址里既没有 code 也没有 state。');
    expect(pageUrl.stderr).toContain('wxauth inspect <地址>');
    const empty = await runCli(['listen', '--paste', '--state', 'p1'], { input: 'https://www.example.com/cb?code=&state=p1\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('The pasted text has code= with nothing after it.');
    // A code pasted alone carries no state: taken, and said to be unchecked (not a "forged request").
    const bare = await runCli(['listen', '--paste', '--state', 'p1'], { input: `${CODE}\n` });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(`code   ${CODE}\nstate  \n`);
    expect(bare.stderr).toContain('Only a code was pasted, with no state, so the state was not checked');
    expect(bare.stderr).not.toContain('State mismatch');
  });

  // Another app's callback pasted alone (or given to exchange) was said only as "State mismatch… an old tab
  // or a forged request": where it came back to differs from the remembered link's redirect_uri (else the
  // profile's), and that is said first, naming both (never the code), then the state; the code unspent.
  it('listen --paste and exchange <url>: another app’s callback is said as such before its state, naming both addresses, the code unsent (en, zh; exit 6)', async () => {
    const emu = await startEmulator();
    try {
      const app = emu.apps.find((a) => a.type === 'test')!;
      const env = { ...emulatorEnv(emu, app), WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_DOMAIN: '127.0.0.1:8080' };
      const uri = 'http://127.0.0.1:8080/callback';
      const made = await runCli(['url', '--scope', 'snsapi_base', '--redirect-uri', uri], { env });
      const state = /state=([A-Za-z0-9]+)#/.exec(made.stdout)![1]!;
      const code = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
      const foreign = `https://other.example.org/login?code=${code}&state=foo`;
      for (const [lang, says, then] of [
        ['en', 'This is another app’s (or another page’s) callback: it came back to other.example.org/login, while this login’s callback goes to 127.0.0.1:8080/callback.', `Its state "foo" is not the expected "${state}" either.`],
        ['zh', '这是另一个应用（或另一个页面）的回调：它回到的是 other.example.org/login，而这次登录的回调地址是 127.0.0.1:8080/callback。', `它的 state "foo" 也不是期望的 "${state}"。`],
      ] as const) {
        const pasted = await runCli(['--lang', lang, 'listen', '--paste', '--exchange'], { env, input: `${foreign}\n` });
        expect(pasted.code, pasted.stderr).toBe(6);
        expect(pasted.stdout).toBe('');
        expect(pasted.stderr).toContain(says);
        expect(pasted.stderr).toContain(then);
        expect(pasted.stderr).not.toMatch(/forged|伪造/);
        expect(pasted.stderr).not.toContain(code);
        const exchanged = await runCli(['--lang', lang, 'exchange', foreign], { env });
        expect(exchanged.code, exchanged.stderr).toBe(6);
        expect(exchanged.stderr).toContain(says);
        expect(exchanged.stderr).toContain(lang === 'en' ? 'The code was not sent to WeChat and is still unused.' : 'code 没有发给微信，仍未使用。');
        expect(exchanged.stderr).not.toContain(code);
      }
      // Nothing was sent: the code is still good, passed alone.
      expect(emu.requests().filter((r) => r.path === '/sns/oauth2/access_token')).toHaveLength(0);
      // This login's own address with another state is still the state mismatch it was.
      const old = await runCli(['listen', '--paste'], { env, input: `${uri}?code=${code}&state=foo\n` });
      expect(old.code).toBe(6);
      expect(old.stderr).toContain('State mismatch: the callback brought "foo"');
      expect(old.stderr).not.toContain('another app');
      const alone = await runCli(['exchange', code], { env });
      expect(alone.code, alone.stderr).toBe(0);
    } finally {
      await emu.close();
    }
  });

  // A callback cut at `&` when copied (`…/cb?code=…` alone), then another address pasted under it: the
  // second was joined on as the first's "rest": the code taken was `<code>https://…` (exit 0, sent as
  // is by --exchange), or the second's state was blamed on the first. A line starting scheme:// is a new address.
  it('--paste: an address cut at & and a new address on the next line are not joined: the cut one is said, the new one judged alone, the cut code left unused (en, zh)', async () => {
    const emu = await startEmulator();
    try {
      const app = emu.apps.find((a) => a.type === 'test')!;
      const env = { ...emulatorEnv(emu, app), WXAUTH_CONFIG_DIR: tempConfigDir() };
      const cut = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
      const next = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
      // Another app's callback below the cut one: its own state refused, and the cut one said for what it is.
      for (const [lang, says] of [
        ['en', 'The paste holds more than one address: the first has a code but no state (cut at & when copied?)'],
        ['zh', '粘贴的内容里不止一个地址：前一个只有 code、没有 state（复制时在 & 处被截断了？）'],
      ] as const) {
        const other = await runCli(['listen', '--paste', '--exchange', '--state', 'p1abcdef', '--lang', lang], { env, input: `https://www.example.com/cb?code=${cut}
https://other.example.org/login?code=ZZZ999&state=foo
` });
        expect(other.code, other.stderr).toBe(6);
        expect(other.stdout).toBe('');
        expect(other.stderr).toContain(says);
        expect(other.stderr).toContain(lang === 'en' ? 'the callback brought "foo"' : '回调的 state 是 "foo"');
      }
      // The one below is the whole callback: it is taken, never `<cut code>https://…`.
      const ok = await runCli(['listen', '--paste', '--state', 'p1abcdef'], { env, input: `https://www.example.com/cb?code=${cut}
https://www.example.com/cb?code=${next}&state=p1abcdef
` });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toBe(`code   ${next}
state  p1abcdef
`);
      expect(ok.stderr).toContain('The cut address’s code was not used.');
      // Nothing sent for the cut code: it is still good.
      const spent = await runCli(['exchange', cut], { env });
      expect(spent.code, spent.stderr).toBe(0);
      // The state on a line of its own, its `&` lost where a chat app cut the link: it is the state, not the code's tail.
      const stateLine = await runCli(['listen', '--paste', '--state', 'p1abcdef'], { env, input: `https://www.example.com/cb?code=${CODE}
state=p1abcdef
` });
      expect(stateLine.code, stateLine.stderr).toBe(0);
      expect(stateLine.stdout).toBe(`code   ${CODE}
state  p1abcdef
`);
      expect(stateLine.stderr).not.toContain('more than one address');
    } finally {
      await emu.close();
    }
  });

  // The cut callback, then a page's own address (no code, no state) under it: the paste ended on the
  // page's "neither a code nor a state", about an address that is no callback at all.
  it('--paste: an address cut at & and an address with neither code nor state under it: the cut callback is judged, not the other (en, zh)', async () => {
    const input = `https://www.example.com/cb?code=${CODE}\nhttps://www.example.com/help\n`;
    for (const lang of ['en', 'zh']) {
      const r = await runCli(['listen', '--paste', '--state', 'p1abcdef', '--lang', lang], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() }, input });
      expect(r.code, r.stderr).toBe(6);
      expect(r.stderr).toContain(lang === 'en' ? '✖ The callback carries a code but no state, and "p1abcdef" was expected.' : '✖ 回调带着 code 却没有 state，而期望的是 "p1abcdef"。');
      expect(r.stderr).not.toContain(lang === 'en' ? 'neither a code nor a state' : '既没有 code 也没有 state');
      expect(r.stderr).not.toContain(lang === 'en' ? 'the later one was read on its own' : '后一个地址单独处理');
    }
    // No state expected: the cut callback's code is taken, as it is alone.
    const taken = await runCli(['listen', '--paste'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() }, input });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toBe(`code   ${CODE}\nstate  \n`);
  });

  it("--paste: the next step gives the code's lifetime for the account, 5 minutes for an official account and 10 for a website app (en, zh)", async () => {
    const paste = (type: string, lang = 'en') =>
      runCli(['listen', '--paste', '--state', 'p1', '--lang', lang], { input: `https://www.example.com/cb?code=${CODE}&state=p1\n`, env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_TYPE: type } });
    expect((await paste('service')).stderr).toContain('Next: wxauth exchange CODE (within 5 minutes, once only)');
    const website = await paste('website');
    expect(website.code, website.stderr).toBe(0);
    expect(website.stderr).toContain('Next: wxauth exchange CODE (within 10 minutes, once only)');
    expect((await paste('website', 'zh')).stderr).toContain('下一步：wxauth exchange CODE（10 分钟内，只能用一次）');
    // Under another profile the command names it: without it, exchange would use the default profile's appid (40029).
    const other = await runCli(['--profile', 't2', 'listen', '--paste', '--state', 'p1'], { input: `https://www.example.com/cb?code=${CODE}&state=p1\n`, env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_TYPE: 'service' } });
    expect(other.stderr).toContain('Next: wxauth exchange --profile t2 CODE (within 5 minutes, once only)');
    // So does the advice for a code that came without its state, and the refusal of a pasted authorize link.
    const stateless = await runCli(['--profile', 't2', 'listen', '--paste', '--state', 'p1', '--lang', 'zh'], { input: `https://www.example.com/cb?code=${CODE}\n`, env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_TYPE: 'service' } });
    expect(stateless.code).toBe(6);
    expect(stateless.stderr).toContain('wxauth exchange --profile t2 CODE。');
    const link = 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1234567890abcdef&redirect_uri=https%3A%2F%2Fwww.example.com%2Fcb&response_type=code&scope=snsapi_base&state=p1#wechat_redirect';
    const authorize = await runCli(['--profile', 't2', 'listen', '--paste'], { input: `${link}\n`, env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_TYPE: 'service' } });
    expect(authorize.code).toBe(2);
    expect(authorize.stderr).toContain('--profile t2');
  });

  it('--relay-snippet with a --path a browser would percent-encode is refused, not a page that forwards nowhere', async () => {
    const r = await runCli(['listen', '--relay-snippet', '--port', '9000', '--path', '/cb<x>'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--path "/cb<x>" has a character a URL path cannot carry as written, <');
    // What a browser keeps as it is (a quote, |, [ ]) is a path like any other, forwarded by the page.
    const quoted = await runCli(['listen', '--relay-snippet', '--port', '9000', '--path', "/cb'a|b[1]"], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(quoted.code, quoted.stderr).toBe(0);
    expect(quoted.stdout).toContain('"targets":["http://127.0.0.1:9000/cb\'a|b[1]"');
    const zh = await runCli(['listen', '--path', '/c b', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('里有 URL 路径不能原样携带的字符 " "');
  });

  it('--relay-snippet prints a forwarding page for the real callback domain, allowlisted targets only', async () => {
    const r = await runCli(['listen', '--relay-snippet', '--port', '9000'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('"targets":["http://127.0.0.1:9000/callback"');
    expect(r.stdout).not.toMatch(/q\.get\('(redirect|target|url)'\)/);
    expect(r.stderr).toContain('https://www.example.com/wxauth-relay.html');
    expect(r.stderr).toContain('wxauth listen --port 9000 --path /callback');
  });

  // A test profile whose callback domain is this machine (127.0.0.1:8080) was told to put the page
  // "on your callback domain 127.0.0.1:8080 (for example at https://127.0.0.1:8080/wxauth-relay.html)"
  // and then to run a listener on that very port: the page cannot be served where the listener binds,
  // nor over https from a plain-http listener. WeChat sends the browser here directly: no relay.
  it('--relay-snippet when the callback domain is this machine: no page, exit 2, says to run listen instead (en, zh)', async () => {
    const TEST_LOCAL = { WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: '127.0.0.1:8080', WXAUTH_REDIRECT_URI: 'http://127.0.0.1:8080/callback' };
    const r = await runCli(['listen', '--relay-snippet'], { env: TEST_LOCAL });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('wxauth-relay.html');
    expect(r.stderr).toContain('No relay page is needed: the callback domain 127.0.0.1:8080 is this machine, so WeChat sends the browser straight to http://127.0.0.1:8080/callback.');
    expect(r.stderr).toContain('→ Run wxauth listen instead: it listens at http://127.0.0.1:8080/callback itself.');
    const zh = await runCli(['--lang', 'zh', 'listen', '--relay-snippet'], { env: TEST_LOCAL });
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain('不需要中转页面：回调域名 127.0.0.1:8080 就是这台机器，微信会把浏览器直接带到 http://127.0.0.1:8080/callback。');
    expect(zh.stderr).toContain('→ 改为运行 wxauth listen：它自己就在 http://127.0.0.1:8080/callback 上监听。');
    // A domain alone (no redirect_uri): the address to use under it, and the listen that takes it.
    const bare = await runCli(['listen', '--relay-snippet'], { env: { WXAUTH_TYPE: 'service', WXAUTH_DOMAIN: 'localhost' } });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('No relay page is needed: the callback domain localhost is this machine, so WeChat sends the browser straight to an address under it.');
    expect(bare.stderr).toContain('→ Use an address there as the redirect_uri, e.g. http://localhost/callback (wxauth config set redirectUri http://localhost/callback), then run wxauth listen: it listens there itself.');
  });

  it('--relay-snippet: the example address takes the redirect_uri\'s scheme (http on a test account\'s IP:port)', async () => {
    const env = { WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: '82.157.150.202:7002', WXAUTH_REDIRECT_URI: 'http://82.157.150.202:7002/cb' };
    const r = await runCli(['listen', '--relay-snippet', '--port', '9000'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(for example at http://82.157.150.202:7002/wxauth-relay.html)');
    const json = await runCli(['listen', '--relay-snippet', '--port', '9000', '--json'], { env });
    expect(JSON.parse(json.stdout).redirect_uri).toBe('http://82.157.150.202:7002/wxauth-relay.html');
    const https = await runCli(['listen', '--relay-snippet', '--port', '9000'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(https.stderr).toContain('(for example at https://www.example.com/wxauth-relay.html)');
  });

  it('--relay-snippet: a page that stops forwarding after an hour, and the user is told to delete it', async () => {
    const before = Date.now();
    const r = await runCli(['listen', '--relay-snippet', '--port', '9000'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(r.code).toBe(0);
    const expires = Number(/"expires":(\d+)/.exec(r.stdout)?.[1]);
    expect(expires).toBeGreaterThanOrEqual(before + 60 * 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    expect(r.stderr).toContain('It is not an open redirect');
    expect(r.stderr).toContain('delete it from www.example.com');
    expect(r.stderr).toMatch(/stops forwarding at .+ \(in 1h\)/);
    expect(r.stderr).not.toMatch(/\bsafe/i);
    const zh = await runCli(['listen', '--relay-snippet', '--port', '9000'], { env: { WXAUTH_DOMAIN: 'www.example.com', LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('不是开放跳转');
    expect(zh.stderr).toContain('请立即把它从 www.example.com 上删除');
    expect(zh.stderr).not.toContain('安全');
    // --relay-ttl shortens (or lengthens) it; --json says when.
    const short = await runCli(['listen', '--relay-snippet', '--relay-ttl', '15', '--json'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(short.code).toBe(0);
    const doc = parseJson(short.stdout);
    const at = Date.parse(String(doc.expires_at));
    expect(at).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    expect(String(doc.html)).toContain(`"expires":${at}`);
    expect(doc.warnings).toEqual([expect.objectContaining({ id: 'listen.relay.expires' })]);
  });

  it('--relay-ttl: refused outside 1–1440 minutes and without --relay-snippet (exit 2)', async () => {
    for (const value of ['0', '1441', '1.5', 'soon']) {
      const r = await runCli(['listen', '--relay-snippet', '--relay-ttl', value], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
      expect(r.code, value).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--relay-ttl must be a whole number of minutes from 1 to 1440, got "${value}"`);
    }
    const alone = await runCli(['listen', '--relay-ttl', '30'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--relay-ttl 只能和 --relay-snippet 一起用');
  });

  it('--relay-snippet forwards to LAN addresses only when the listener is to listen beyond loopback', async () => {
    const local = await runCli(['listen', '--relay-snippet', '--port', '9000', '--json'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(parseJson(local.stdout).targets).toEqual(['http://127.0.0.1:9000/callback']);
    const here = Object.values(os.networkInterfaces()).flatMap((l) => l ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => `http://${i.address}:9000/callback`);
    const wide = await runCli(['listen', '--relay-snippet', '--port', '9000', '--host', '0.0.0.0'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(wide.code).toBe(0);
    expect(wide.stdout).toContain(`"targets":${JSON.stringify(['http://127.0.0.1:9000/callback', ...here])}`);
    expect(wide.stderr).toContain('wxauth listen --host 0.0.0.0 --port 9000 --path /callback');
    // A listener bound to one address is not reached at 127.0.0.1: that address is the only target.
    const one = await runCli(['listen', '--relay-snippet', '--port', '9000', '--host', '192.168.7.7', '--json'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(parseJson(one.stdout).targets).toEqual(['http://192.168.7.7:9000/callback']);
    const oneSaid = await runCli(['listen', '--relay-snippet', '--port', '9000', '--host', '192.168.7.7'], { env: { WXAUTH_DOMAIN: 'www.example.com' } });
    expect(oneSaid.stdout).toContain('"targets":["http://192.168.7.7:9000/callback"]');
    expect(oneSaid.stderr).toContain('wxauth listen --host 192.168.7.7 --port 9000 --path /callback');
    expect(oneSaid.stderr).toContain('127.0.0.1 would not reach it');
    expect(oneSaid.stderr).not.toContain('?to=1');
  });

  it('--relay-snippet says where the link opens: desktop WeChat for an official account, any browser for a website app', async () => {
    const oa = await runCli(['listen', '--relay-snippet', '--port', '9000'], { env: { WXAUTH_DOMAIN: 'www.example.com', WXAUTH_TYPE: 'service' } });
    expect(oa.stderr).toContain('open the authorization link in desktop WeChat on this machine');
    const oaZh = await runCli(['listen', '--relay-snippet', '--port', '9000'], { env: { WXAUTH_DOMAIN: 'www.example.com', WXAUTH_TYPE: 'service', LANG: 'zh_CN.UTF-8' } });
    expect(oaZh.stderr).toContain('在本机的电脑版微信里打开授权链接');
    const web = await runCli(['listen', '--relay-snippet', '--port', '9000'], { env: { WXAUTH_DOMAIN: 'www.example.com', WXAUTH_TYPE: 'website' } });
    expect(web.stderr).toContain('open the authorization link in a browser on this machine');
    expect(web.stderr).not.toContain('WeChat on this machine');
  });

  it('--relay-snippet does not suggest port 80 taken from a redirect_uri without a port (issue 12 item 11)', async () => {
    // Another LAN machine's address (this one's own, like 127.0.0.1, needs no relay: the test above).
    const r = await runCli(['listen', '--relay-snippet'], { env: { WXAUTH_TYPE: 'test', WXAUTH_DOMAIN: '192.168.254.253', WXAUTH_REDIRECT_URI: 'http://192.168.254.253/callback' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"targets":["http://127.0.0.1:8080/callback"');
    expect(r.stderr).toContain('--port 8080 --path /callback');
    expect(r.stderr).not.toContain('--port 80 ');
  });
});

describe('wxauth listen --exchange against the emulator', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it('exchanges the code at once, and only once although the callback came twice', async () => {
    const app = emu.apps.find((a) => a.type === 'test')!;
    const env = emulatorEnv(emu, app);
    const { url, done } = await startListen(['--state', 'x1', '--exchange'], env);
    const code = emu.issueCode({ appid: app.appid, scope: 'snsapi_userinfo' });
    await get(`${url}?code=${code}&state=x1`);
    await get(`${url}?code=${code}&state=x1`);
    const r = await done;
    expect(r.stderr).toContain('The callback was called 2 times with the same code');
    expect(r.code).toBe(0);
    const openid = emu.users[0]!.openids[app.appid]!;
    expect(r.stdout).toContain(`openid`);
    expect(r.stdout).toContain(openid);
    // The tokens in full, as exchange prints them (README's Security section lists listen --exchange).
    expect(r.stdout).toMatch(/^access_token\s+\d\d_\S{100,}$/m);
    expect(r.stdout).toMatch(/^refresh_token\s+\d\d_\S{100,}$/m);
    const exchanges = emu.requests().filter((q) => q.path === '/sns/oauth2/access_token');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.errcode).toBeUndefined();
  });

  // The exchange starts the moment the code arrives, while the listener still watches 2 s for a duplicate
  // callback; its announcement was printed only after that window, below the exchange's own lines (its -v
  // trace, a retry notice), which then read as coming before it began.
  it('says it is exchanging before the exchange\'s own lines (-v trace), and still reports the duplicate (en, zh)', async () => {
    const app = emu.apps.find((a) => a.type === 'test')!;
    for (const [lang, start, duplicate] of [
      ['en', 'Exchanging the code for tokens now…', 'The callback was called 2 times with the same code'],
      ['zh', '立即用 code 换取 token…', '同一个 code'],
    ] as const) {
      const env = { ...emulatorEnv(emu, app), WXAUTH_CONFIG_DIR: tempConfigDir() };
      const { url, done } = await startListen(['--state', 'x5', '--exchange', '-v', '--lang', lang], env);
      const code = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
      const exchanges = () => emu.requests().filter((q) => q.path === '/sns/oauth2/access_token').length;
      const before = exchanges();
      await get(`${url}?code=${code}&state=x5`);
      await get(`${url}?code=${code}&state=x5`);
      const r = await done;
      expect(r.code, r.stderr).toBe(0);
      const announced = r.stderr.indexOf(start);
      const request = r.stderr.indexOf('/sns/oauth2/access_token');
      expect(announced, r.stderr).toBeGreaterThan(-1);
      expect(request, r.stderr).toBeGreaterThan(-1);
      // The announcement, then the exchange's request; the hit line of the code before both.
      expect(announced, r.stderr).toBeLessThan(request);
      expect(r.stderr.indexOf('#1 '), r.stderr).toBeLessThan(announced);
      // Said once, and the duplicate (40163's trap) is still reported after the window.
      expect(r.stderr.split(start)).toHaveLength(2);
      expect(r.stderr, r.stderr).toContain(duplicate);
      expect(exchanges()).toBe(before + 1);
    }
  });

  // A caught callback whose exchange never left this machine (the API base refuses the connection): the
  // advice said the code was unused "until about <time>" and how to exchange it from the landed address,
  // but no test ran that branch (only exchange's own, which knows no callback time). The time is the
  // callback's plus a code's 5 minutes, and the advice, followed, works.
  it('--exchange with an API base that refuses: the caught code is said unused until the callback time + 5 minutes, and exchanging the address afterwards works (en, zh)', async () => {
    const app = emu.apps.find((a) => a.type === 'test')!;
    for (const [lang, says] of [
      ['en', /The code was not sent \(nothing left this machine\), so it is still unused, until about (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d):/],
      ['zh', /code 没有发出去（请求没离开本机），所以还没用掉，大约在 (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) 之前都能用/],
    ] as const) {
      const env = { ...emulatorEnv(emu, app), WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_API_BASE: 'http://127.0.0.1:1', WXAUTH_BACKUP_API_BASE: 'http://127.0.0.1:1' };
      const { url, done } = await startListen(['--state', 'x3', '--exchange', '--lang', lang], env);
      const code = emu.issueCode({ appid: app.appid, scope: 'snsapi_base' });
      const callback = `${url}?code=${code}&state=x3`;
      // The emulator's log masks query values, so exchanges are counted by path: none while this listener ran.
      const exchanges = () => emu.requests().filter((q) => q.path === '/sns/oauth2/access_token').length;
      const exchangesBefore = exchanges();
      const before = Date.now();
      await get(callback);
      const r = await done;
      const after = Date.now();
      expect(r.code, r.stderr).toBe(5);
      const until = says.exec(r.stderr);
      expect(until, r.stderr).not.toBeNull();
      // Local time, as the hint prints it (to the second): when the callback came, plus a code's five
      // minutes, so between the request's sending and the run's end, plus five minutes.
      const printed = new Date(until![1]!.replace(' ', 'T')).getTime();
      expect(printed).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 300_000);
      expect(printed).toBeLessThanOrEqual(after + 300_000 + 1000);
      expect(r.stderr).toContain('wxauth exchange "CALLBACK_URL"');
      expect(r.stderr).not.toContain(code);
      expect(exchanges()).toBe(exchangesBefore);
      // Followed: the landed address, exchanged once the base is right, gives the tokens (state checked).
      const fixed = await runCli(['exchange', callback], { env: { ...env, WXAUTH_API_BASE: emu.url, WXAUTH_BACKUP_API_BASE: emu.url } });
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(fixed.stdout).toMatch(/^access_token\s+\S+$/m);
    }
  });

  // The document's exchange part said "state": null beside the callback's checked state, where
  // `wxauth exchange` reports how the state compared.
  it('--json: the exchange reports the state the listener checked, as exchange does', async () => {
    const app = emu.apps.find((a) => a.type === 'test')!;
    const child = startCli(['listen', '--port', '0', '--state', 'x2', '--exchange', '--json'], { env: emulatorEnv(emu, app) });
    const done = collect(child);
    const [, url] = await waitForOutput(child, /"event":"listening".*?"url":"(http:[^"]+)"/);
    await get(`${url}?code=${emu.issueCode({ appid: app.appid, scope: 'snsapi_base' })}&state=x2`);
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    const doc = parseJson(r.stdout);
    expect(doc).toMatchObject({ callback: { state: 'x2', state_checked: true }, state: { received: 'x2', expected: 'x2', verdict: 'match', source: 'flag' } });
  });
});

// Hit lines are written together, at most every 50 ms (ui/live-lines.ts, issue 19): none may be lost or
// reordered, the code's line must come before what follows it, and Ctrl-C must not swallow the queue.
describe('wxauth listen: hit lines under a flood', () => {
  it('every refused callback gets its line, in order, before the code line and the result', async () => {
    const { url, done } = await startListen(['--state', 'good1']);
    for (let i = 0; i < 40; i++) await get(`${url}?code=${CODE}&state=stale${i}`);
    await get(`${url}?code=${CODE}&state=good1`);
    const r = await done;
    expect(r.code).toBe(0);
    const seqs = [...r.stderr.matchAll(/#(\d+) [\d:.]+ /g)].map((m) => Number(m[1]));
    expect(seqs).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(r.stderr.indexOf('#41 ')).toBeGreaterThan(r.stderr.indexOf('#40 '));
    expect(r.stderr.indexOf('#41 ')).toBeLessThan(r.stderr.indexOf('wxauth exchange'));
  });

  it('Ctrl-C right after a burst still prints every line it received', async () => {
    const { child, url, done } = await startListen(['--state', 'good1']);
    for (let i = 0; i < 25; i++) await get(`${url}?code=${CODE}&state=stale${i}`);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    const seqs = [...r.stderr.matchAll(/#(\d+) [\d:.]+ /g)].map((m) => Number(m[1]));
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });
});

describe('wxauth listen with a local https redirect_uri', () => {
  it('says the redirect_uri is https (the listener speaks http), not that it is not local, with the http URL', async () => {
    const r = await runCli(['--lang', 'zh', 'listen', '--timeout', '1'], {
      env: { WXAUTH_CONFIG_DIR: tempConfigDir(), WXAUTH_REDIRECT_URI: 'https://localhost/wechat/callback' },
    });
    // Whether the default port was free or not, the note comes first.
    expect(r.stderr).not.toContain('不是本机或局域网地址');
    expect(r.stderr).toContain('profile 的 redirect_uri（https://localhost/wechat/callback）在本机，但用的是 https');
    expect(r.stderr).toContain('改用 http://localhost:8080/wechat/callback。');
  });
});

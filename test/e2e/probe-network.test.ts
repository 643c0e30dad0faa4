// probe against an app that does not answer as it should, over real HTTP: a page whose status came and
// whose body never ends is said as such (not "no answer"), and a network failure names the host it tried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { EmulatorControl } from '../../src/flows/probe/control.js';
import { NetworkError } from '../../src/errors.js';
import { startProbeApp, type ProbeAppKind, type ProbeAppOptions } from '../fixtures/probe-apps/apps.js';
import { freePort, parseJson, runCli, startTrickleServer, tempConfigDir } from './helpers.js';

let emu: EmulatorHandle;
let trickle: Awaited<ReturnType<typeof startTrickleServer>>;
let trickleUrl: string;
beforeAll(async () => {
  emu = await startEmulator();
  trickle = await startTrickleServer('text/html', '<');
  trickleUrl = `${trickle.url}/login`;
});
afterAll(async () => {
  await trickle.close();
  await emu.close();
});

type Check = { id: string; status: string; message: string; fix: string | null };

/** `wxauth probe --json` of a fixture app of `kind`, with `extra` (--only, --timeout…): its checks by id. */
async function probeApp(kind: ProbeAppKind, appOptions: Partial<ProbeAppOptions>, extra: string[]): Promise<Map<string, Check>> {
  const secret = emu.apps.find((a) => a.appid === DEFAULT_APPIDS.test)!.secret;
  const app = await startProbeApp(kind, { emulator: emu.url, appid: DEFAULT_APPIDS.test, secret, ...appOptions });
  try {
    const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emu.url, '--reload-delay', '0', '--json', ...extra], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    return new Map((parseJson(r.stdout) as { checks: Check[] }).checks.map((c) => [c.id, c]));
  } finally {
    await app.close();
  }
}

/** The no-answer-at-all advice, which a page that began to answer must not get. */
const NO_ANSWER = /did not answer within|never answered|内没有应答|一直没有应答/;

describe('probe: a page whose body never ends', () => {
  it('says the status came and the page did not finish, with the bytes that came (en, zh)', async () => {
    for (const [lang, said] of [
      ['en', /it answered HTTP 200, but the page had not finished after 1000 ms \(\d+ bytes came; --timeout\)/],
      ['zh', /返回了 HTTP 200，但页面 1000 毫秒内没有传完（只收到 \d+ 字节，--timeout）/],
    ] as const) {
      const r = await runCli(['probe', trickleUrl, '--emulator', emu.url, '--only', 'authorize.url', '--timeout', '1000', '--json', '--lang', lang], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
      const doc = parseJson(r.stdout) as { checks: Check[] };
      const c = doc.checks.find((x) => x.id === 'authorize.url')!;
      expect(c.status).toBe('fail');
      expect(c.message).toMatch(said);
      expect(c.message).not.toMatch(/no answer within|内没有应答/);
    }
  });

  it('authorize.url: the fix is what keeps a page open, not that the start should 302-redirect (en, zh)', async () => {
    for (const [lang, said] of [
      ['en', /began to answer \(HTTP 200\) and then hung.*Content-Length larger than the body/],
      ['zh', /已经开始应答（HTTP 200），之后却卡住了.*Content-Length 比实际写出的内容大/],
    ] as const) {
      const r = await runCli(['probe', trickleUrl, '--emulator', emu.url, '--only', 'authorize.url', '--timeout', '1000', '--json', '--lang', lang], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
      const c = (parseJson(r.stdout) as { checks: Check[] }).checks.find((x) => x.id === 'authorize.url')!;
      expect(c.fix).toMatch(said);
      expect(c.fix).not.toMatch(/should 302-redirect|应当 302 跳转/);
    }
  });
});

describe('probe: a callback whose page began and never ended gets advice for that, not for no answer', () => {
  it('login.completes and the checks it leaves unjudged (en, zh)', async () => {
    for (const [lang, fix, skip] of [
      ['en', /^The callback began to answer \(HTTP 200\) and then hung: its page had not finished after 1000 ms, .*a Content-Length larger than the body written/, /^On the happy path the callback \/auth\/callback began to answer \(HTTP 200\) but its page had not finished after 1000 ms/],
      ['zh', /^回调已经开始应答（HTTP 200），之后却卡住了：页面 1000 毫秒内没有传完。.*Content-Length 比实际写出的内容大/, /^正常登录时回调 \/auth\/callback 已经开始应答（HTTP 200），但页面 1000 毫秒内没有传完/],
    ] as const) {
      const checks = await probeApp('stalls-callback', {}, ['--only', 'login.completes,url.code_left', '--timeout', '1000', '--lang', lang]);
      const done = checks.get('login.completes')!;
      expect(done.status).toBe('fail');
      expect(done.fix).toMatch(fix);
      expect(done.fix).not.toMatch(NO_ANSWER);
      const once = checks.get('url.code_left')!;
      expect(once.status).toBe('skip');
      expect(once.message).toMatch(skip);
      expect(once.message).not.toMatch(NO_ANSWER);
    }
  });

  it('wechat.busy: the error path left its page open (en, zh)', async () => {
    for (const [lang, fix] of [
      ['en', /^After WeChat’s -1 the callback began to answer \(HTTP 200\) and then hung: its page never finished\./],
      ['zh', /^微信返回 -1 之后，回调已经开始应答（HTTP 200），之后却卡住了：页面一直没有传完。/],
    ] as const) {
      const checks = await probeApp('correct', { noRetry: true, exchangeFailure: { status: 200, page: 'stall' } }, ['--only', 'wechat.busy', '--timeout', '1000', '--lang', lang]);
      const busy = checks.get('wechat.busy')!;
      expect(busy.status).toBe('fail');
      expect(busy.fix).toMatch(fix);
      expect(busy.fix).not.toMatch(NO_ANSWER);
    }
  });

  it('wechat.slow: after the retry the page began and never ended (en, zh)', async () => {
    for (const [lang, message, fix] of [
      ['en', /then the callback began to answer \(HTTP 200\) and hung: its page had not finished 1000 ms after WeChat’s answer \(--timeout\)/, /And finish the page when it fails: after the retry failed the callback began to answer and never ended its page/],
      ['zh', /之后回调开始应答（HTTP 200）却卡住了：微信响应后又过了 1000 毫秒页面仍没有传完/, /另外，出错时回调也必须把页面传完/],
    ] as const) {
      const checks = await probeApp('retries-on-timeout', { exchangeTimeoutMs: 500, exchangeFailure: { status: 200, page: 'stall' } }, ['--only', 'wechat.slow', '--exchange-delay', '1000', '--timeout', '1000', '--lang', lang]);
      const slow = checks.get('wechat.slow')!;
      expect(slow.status).toBe('fail');
      expect(slow.message).toMatch(message);
      expect(slow.fix).toMatch(fix);
      expect(`${slow.message} ${slow.fix}`).not.toMatch(NO_ANSWER);
    }
  });
});

describe('probe: wechat.slow, one exchange and then a page that never ends', () => {
  it('says the callback began to answer and hung, with a fix for finishing the page (en, zh)', async () => {
    for (const [lang, message, fix] of [
      ['en', /^WeChat answered the code exchange after 1000 ms; the callback then began to answer \(HTTP 200\) and hung: its page had not finished 1000 ms later/, /^The callback must finish its page even when WeChat is slow: .*res\.end\(\)/],
      ['zh', /^微信在 1000 毫秒后响应了换取 code 的请求，回调之后开始应答（HTTP 200）却卡住了/, /^微信慢的时候回调也要把页面传完/],
    ] as const) {
      const checks = await probeApp('correct', { exchangeTimeoutMs: 500, exchangeFailure: { status: 200, page: 'stall' } }, ['--only', 'wechat.slow', '--exchange-delay', '1000', '--timeout', '1000', '--lang', lang]);
      const slow = checks.get('wechat.slow')!;
      expect(slow.status).toBe('fail');
      expect(slow.message).toMatch(message);
      expect(slow.fix).toMatch(fix);
    }
  });
});

describe('probe: an emulator whose control answer stalls', () => {
  it('is said as an answer that began and hung, with its host, not as an emulator that is down', async () => {
    const origin = new URL(trickleUrl).origin;
    const control = new EmulatorControl(origin, new AbortController().signal, origin, 500);
    const error = await control.apps().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NetworkError);
    const e = error as NetworkError;
    expect(e.failure).toBe('timeout');
    expect(e.host).toBe(new URL(origin).host);
    expect(e.mayHaveReachedServer).toBe(true);
    expect(e.messageRef).toMatchObject({ key: 'probe.emulator_stalled', params: { url: origin, host: new URL(origin).host, status: 200, ms: 500 } });
  });
});

describe('probe: a network failure names the host it tried', () => {
  it('an app that is not running: error.network.host is its host and port', async () => {
    const port = await freePort();
    const r = await runCli(['probe', `http://127.0.0.1:${port}/login`, '--emulator', emu.url, '--only', 'login.completes', '--timeout', '2000', '--json'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(5);
    const error = (parseJson(r.stdout) as { error: { network: Record<string, unknown> } }).error;
    expect(error.network).toMatchObject({ failure: 'refused', host: `127.0.0.1:${port}`, may_have_reached_server: false });
  });

  it('an emulator that is not running: error.network.host is the --emulator host', async () => {
    const port = await freePort();
    const r = await runCli(['probe', trickleUrl, '--emulator', `http://127.0.0.1:${port}`, '--only', 'login.completes', '--timeout', '2000', '--json'], { env: { WXAUTH_CONFIG_DIR: tempConfigDir() } });
    expect(r.code, r.stderr).toBe(5);
    const error = (parseJson(r.stdout) as { error: { network: Record<string, unknown> } }).error;
    expect(error.network).toMatchObject({ failure: 'refused', host: `127.0.0.1:${port}` });
  });
});

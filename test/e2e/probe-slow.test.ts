// wxauth probe's wechat.slow beyond probe.test.ts's cases: an app that retries the exchange and then
// hangs, one that retries but signs the user in with the first request's late answer (the retry's 40163
// unseen), and an emulator older than this wxauth, which served a delayed request after the wait (so the
// retry took the code). Real HTTP throughout: the emulator, test/fixtures/probe-apps' servers, and for
// the older emulator a relay in front of the current one that holds the delayed request itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, DEFAULT_APPIDS, type EmulatorHandle } from '../../src/emulator/index.js';
import { runCli } from './helpers.js';
import { emulatorRelay, startProbeApp, type ProbeAppKind, type ProbeAppOptions } from '../fixtures/probe-apps/apps.js';

const APPID = DEFAULT_APPIDS.test;
let emu: EmulatorHandle;
let secret: string;

beforeAll(async () => {
  emu = await startEmulator();
  secret = emu.apps.find((a) => a.appid === APPID)!.secret;
});
afterAll(async () => {
  await emu.close();
});

interface Check {
  id: string;
  status: string;
  message: string;
  fix: string | null;
}

/** `wxauth probe --only wechat.slow` of a fixture app of `kind` against `emulator`, --json unless `card`. */
async function probeSlow(kind: ProbeAppKind, appOptions: Partial<ProbeAppOptions>, extra: string[], emulator = emu.url, card = false) {
  const app = await startProbeApp(kind, { emulator, appid: APPID, secret, ...appOptions });
  try {
    const r = await runCli(['probe', `${app.url}/auth/wechat?next=/me`, '--emulator', emulator, '--only', 'wechat.slow', ...(card ? [] : ['--json']), ...extra]);
    const slow = card ? undefined : (JSON.parse(r.stdout) as { checks: Check[] }).checks.find((c) => c.id === 'wechat.slow')!;
    return { ...r, slow, app: app.url };
  } finally {
    await app.close();
  }
}

describe('wechat.slow: an app that sends the code again', () => {
  it('and then never answers: a hang said as --timeout after WeChat’s answer (not the delay plus --timeout as if --timeout), with both fixes', async () => {
    const r = await probeSlow('retries-on-timeout', { exchangeTimeoutMs: 500, exchangeFailure: { status: 0, page: 'hang' } }, ['--exchange-delay', '1000', '--timeout', '1000']);
    expect(r.slow).toMatchObject({
      status: 'fail',
      message: 'WeChat took 1000 ms to answer the code exchange, and the app sent the same code again (exchanges: 2): WeChat had spent it on the first request, so the retry got 40163 (code been used); then the callback never answered, still nothing 1000 ms after WeChat’s answer (--timeout): the user is left waiting.',
    });
    expect(r.slow!.fix).toMatch(/^Do not retry a code exchange: .* show a page that starts the login again, with a new code\. And answer the browser when it fails: after the retry failed the callback never answered; check that no error path leaves the request unanswered/);
    expect(r.code).toBe(1);
    const zh = await probeSlow('retries-on-timeout', { exchangeTimeoutMs: 500, exchangeFailure: { status: 0, page: 'hang' } }, ['--exchange-delay', '1000', '--timeout', '1000', '--lang', 'zh'], emu.url, true);
    expect(zh.stdout).toContain('✖ wechat.slow            微信用了 1000 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 2 次）：微信在第一次请求到达时就用掉了这个 code，所以重试得到 40163（code been used）；之后回调一直没有应答，微信响应后又过了 1000 毫秒仍没有（--timeout）：用户一直在等。');
    expect(zh.stdout).toMatch(/怎么办：不要重试换取 code 的请求：.*另外，出错时回调也必须应答/);
  });

  it('and signs the user in with the first request’s late answer (the page shows them): a warn, the retry’s 40163 said as WeChat’s too', async () => {
    const r = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500 }, ['--exchange-delay', '1000']);
    expect(r.slow).toMatchObject({
      status: 'warn',
      message: `WeChat took 1000 ms to answer the code exchange, and the app sent the same code again (exchanges: 2): WeChat had spent it on the first request, so the retry got 40163 (code been used). The login ended on ${r.app}/me (HTTP 200), which shows the user’s openid: the app signed the user in with the first request’s late answer, so this time the user saw no harm; but the retry was sent for nothing, can only ever get 40163, and cannot help when the first request really fails.`,
      fix: expect.stringMatching(/^Do not retry a code exchange/) as unknown,
    });
    expect(r.code).toBe(0);
    const zh = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500 }, ['--exchange-delay', '1000', '--lang', 'zh']);
    expect(zh.slow).toMatchObject({ status: 'warn', message: expect.stringContaining(`登录最后停在 ${zh.app}/me （HTTP 200），页面显示了这个用户的 openid：应用用第一次请求迟到的响应让用户登录了`) as unknown });
  });

  it('whose retry arrives only after the first request’s late answer left (a loaded machine): still the signed-in warn, not “an older emulator”', async () => {
    // The log's order of answers (the late user first, the retry's 40163 after it) is what an older
    // emulator's looks like too; when each request arrived is not: the first to arrive got the user.
    const r = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500, hedgeAfterLateAnswer: true }, ['--exchange-delay', '1000']);
    expect(r.slow).toMatchObject({ status: 'warn', message: expect.stringContaining(`The login ended on ${r.app}/me (HTTP 200), which shows the user’s openid: the app signed the user in with the first request’s late answer`) as unknown });
    const zh = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500, hedgeAfterLateAnswer: true }, ['--exchange-delay', '1000', '--lang', 'zh']);
    expect(zh.slow).toMatchObject({ status: 'warn', message: expect.stringContaining(`登录最后停在 ${zh.app}/me （HTTP 200），页面显示了这个用户的 openid：应用用第一次请求迟到的响应让用户登录了`) as unknown });
    expect(zh.slow!.message).not.toContain('模拟器比这个 wxauth 旧');
  });

  it('and ends on a page that shows no error and no user: a fail, since the user may well not be signed in there', async () => {
    const r = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500, anonymous: true }, ['--exchange-delay', '1000']);
    expect(r.slow).toMatchObject({
      status: 'fail',
      message: `WeChat took 1000 ms to answer the code exchange, and the app sent the same code again (exchanges: 2): WeChat had spent it on the first request, so the retry got 40163 (code been used). The login ended on ${r.app}/me (HTTP 200) with no error probe can recognise: unless the app signed the user in with the first request’s late answer after all, the user is not signed in there; and if it did, the retry was sent for nothing.`,
      fix: expect.stringMatching(/^Do not retry a code exchange/) as unknown,
    });
    expect(r.code).toBe(1);
  });

  // The page the login ended on is said in the message (retried_signed_in, retried_unseen): an address that
  // may carry a credential of the app's own (a login ticket), masked there as in the hops, unless --show-secrets.
  it('says the page the login ended on with its ticket masked, and no code in clear, in --json and on the card (en, zh); --show-secrets says it as it was', async () => {
    const TICKET = /[?&]t=[0-9a-f]{32}\b/;
    const CODE_IN_CLEAR = /[?&]code=[0-9A-Za-z]{5,}/;
    const json = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500, landingTicket: true }, ['--exchange-delay', '1000']);
    expect(json.slow).toMatchObject({ status: 'warn', message: expect.stringMatching(/^WeChat took 1000 ms .* The login ended on http:\/\/127\.0\.0\.1:\d+\/me\?t=[0-9a-f]{4}\*\*\* \(HTTP 200\), which shows the user’s openid/) as unknown });
    expect(json.stdout).not.toMatch(TICKET);
    expect(json.stdout).not.toMatch(CODE_IN_CLEAR);
    const unseen = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500, landingTicket: true, anonymous: true }, ['--exchange-delay', '1000']);
    expect(unseen.slow).toMatchObject({ status: 'fail', message: expect.stringContaining('The login ended on http://') as unknown });
    expect(unseen.slow!.message).toMatch(/\/me\?t=[0-9a-f]{4}\*\*\* \(HTTP 200\) with no error probe can recognise/);
    expect(unseen.stdout).not.toMatch(TICKET);
    for (const lang of ['en', 'zh']) {
      const card = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500, landingTicket: true }, ['--exchange-delay', '1000', '--lang', lang], emu.url, true);
      expect(card.stdout).toMatch(/wechat\.slow .*\/me\?t=[0-9a-f]{4}\*\*\*/);
      expect(card.stdout + card.stderr).not.toMatch(TICKET);
      expect(card.stdout + card.stderr).not.toMatch(CODE_IN_CLEAR);
    }
    const shown = await probeSlow('hedges-slow-exchange', { exchangeTimeoutMs: 500, landingTicket: true }, ['--exchange-delay', '1000', '--show-secrets']);
    expect(shown.slow!.message).toMatch(/\/me\?t=[0-9a-f]{32} \(HTTP 200\)/);
  });

  it('against an emulator older than this wxauth (a delayed request served after the wait): the retry got the user here, said as such, with the update', async () => {
    // The old emulator: probe's delay fault never reaches the emulator; the relay holds the exchange it
    // would have delayed, then arms the fault (0 ms) and passes that exchange on. The emulator serves it
    // after the wait, after the app's retry, and logs it as the delayed call, as the old emulator did;
    // the relay drops the log's arrival times, which the old emulator did not keep.
    let hold = false;
    const old = await emulatorRelay(emu.url, {
      seen: async (method, path, body) => {
        if (method === 'POST' && path === '/__emulator/faults' && /"kind":"delay"/.test(body)) {
          const spec = JSON.parse(body) as { faults: Array<{ kind: string }> };
          hold = true;
          return { body: JSON.stringify({ ...spec, faults: spec.faults.filter((f) => f.kind !== 'delay') }) };
        }
        if (hold && path.startsWith('/sns/oauth2/access_token?')) {
          hold = false;
          await new Promise((resolve) => setTimeout(resolve, 1000));
          await fetch(`${emu.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'delay', ms: 0, path: '/sns/oauth2/access_token', count: 1 }) });
        }
      },
      // The old emulator's log says when each answer left, not when its request arrived.
      reworded: (method, path, body) => {
        if (method !== 'GET' || !path.startsWith('/__emulator/requests')) return;
        const log = JSON.parse(body) as { requests: Array<{ arrived?: string }> };
        for (const r of log.requests) delete r.arrived;
        return JSON.stringify(log);
      },
    });
    try {
      const r = await probeSlow('retries-on-timeout', { exchangeTimeoutMs: 500 }, ['--exchange-delay', '1000'], old.url);
      expect(r.slow).toMatchObject({
        status: 'fail',
        message: `WeChat took 1000 ms to answer the code exchange, and the app sent the same code again (exchanges: 2). The login completed here (HTTP 200) only because the emulator at ${old.url} is older than this wxauth: it served the late request after the wait, so the retry got the user and the late request 40163. WeChat spends a code when the request arrives, so there the retry gets 40163 (code been used) and the user sees the login fail. Update the emulator to see what users would.`,
        fix: expect.stringMatching(/^Do not retry a code exchange/) as unknown,
      });
      const zh = await probeSlow('retries-on-timeout', { exchangeTimeoutMs: 500 }, ['--exchange-delay', '1000', '--lang', 'zh'], old.url);
      expect(zh.slow!.message).toBe(`微信用了 1000 毫秒才响应换取 code 的请求，应用又用同一个 code 换了一次（共 2 次）。这里登录完成了（HTTP 200），只是因为 ${old.url} 上的模拟器比这个 wxauth 旧：它等够时间才处理迟到的请求，于是重试拿到了用户，迟到的请求得到 40163。真实微信在请求到达时就用掉 code，重试会得到 40163（code been used），用户看到登录失败。更新模拟器，就能看到用户会看到的结果。`);
    } finally {
      await old.close();
    }
  });
});

// The listener's decisions as a table: one request plus what came before it → the page, the hit, and
// what happens to the wait. No sockets, no clock: the listener tests cover the node:http adapter.
import { describe, expect, it } from 'vitest';
import {
  NOTHING_SEEN,
  decideCallbackHit,
  describeTimeout,
  type CallbackDecisionOptions,
  type CallbackHit,
  type CallbackProgress,
  type CallbackRequest,
} from '../../src/core/callback-decision.js';

const CODE = '061eY9xX08tQu02IH4wX05BjxX0eY9xA';
const OTHER_CODE = '071aB2cD34eF56gH78iJ90kL12mN34oP';
const AT = Date.UTC(2024, 4, 1, 8, 0, 0);

const OPTIONS: CallbackDecisionOptions = {
  path: '/callback',
  expectedState: 'abc',
  duplicateWindowMs: 2000,
  // The real guard (listener/addresses.ts) compares names from the machine's interfaces; a name is enough here.
  hostAllowed: (header) => header !== undefined && header.replace(/:\d+$/, '') === '127.0.0.1',
  statesEqual: (a, b) => a === b,
};

function request(url: string, extra: Partial<CallbackRequest> = {}): CallbackRequest {
  return { method: 'GET', url, host: '127.0.0.1:8080', userAgent: 'MicroMessenger/8.0', remoteAddress: '127.0.0.1', at: AT, ...extra };
}

const codeHit: CallbackHit = {
  seq: 1,
  time: new Date(AT).toISOString(),
  at: AT,
  method: 'GET',
  kind: 'code',
  code: CODE,
  state: 'abc',
  markers: [],
};
/** After the first code: inside the duplicate window. */
const CAUGHT: CallbackProgress = { seq: 1, codes: new Map([[CODE, 1]]), first: codeHit, settled: false };
/** The wait is over (window closed, timeout or Ctrl-C) and the server is closing. */
const SETTLED: CallbackProgress = { ...NOTHING_SEEN, settled: true };
const SETTLED_WITH_CODE: CallbackProgress = { ...CAUGHT, settled: true };

const KEEP = { kind: 'keep_waiting' };
const DENIED = { kind: 'settle_error', failure: 'denied', message: { key: 'listen.denied' }, hint: { key: 'listen.denied.hint', params: { p: '' } } };
describe('decideCallbackHit', () => {
  it.each([
    // [what, request, so far, answer, hit kind (undefined: no hit), kept, ignored, next]
    ['the first code', request(`/callback?code=${CODE}&state=abc`), NOTHING_SEEN,
      { kind: 'page', status: 200, outcome: 'success', state: 'abc', codePrefix: CODE.slice(0, 6) }, 'code', true, false,
      { kind: 'resolve_after_window', windowMs: 2000 }],
    ['the same code again (WeChat called twice)', request(`/callback?code=${CODE}&state=abc&connect_redirect=1&uin=&key=&pass_ticket=`), CAUGHT,
      { kind: 'page', status: 200, outcome: 'duplicate', state: 'abc', codePrefix: CODE.slice(0, 6) }, 'duplicate', true, false, KEEP],
    ['another code inside the window', request(`/callback?code=${OTHER_CODE}&state=abc`), CAUGHT,
      { kind: 'page', status: 200, outcome: 'success', state: 'abc', codePrefix: OTHER_CODE.slice(0, 6) }, 'code', true, false, KEEP],
    ['a code sent by another site as an image (Sec-Fetch-Dest: image): refused unseen', request(`/callback?code=${CODE}&state=abc`, { fetchDest: 'image' }), NOTHING_SEEN,
      { kind: 'page', status: 400, outcome: 'invalid' }, undefined, false, true, KEEP],
    ['…or by a fetch() (Sec-Fetch-Dest: empty)', request(`/callback?code=${CODE}&state=abc`, { fetchDest: 'empty' }), NOTHING_SEEN,
      { kind: 'page', status: 400, outcome: 'invalid' }, undefined, false, true, KEEP],
    ['a WxLogin QR code redirecting in its frame (Sec-Fetch-Dest: iframe) is a callback', request(`/callback?code=${CODE}&state=abc`, { fetchDest: 'iframe' }), NOTHING_SEEN,
      { kind: 'page', status: 200, outcome: 'success', state: 'abc', codePrefix: CODE.slice(0, 6) }, 'code', true, false,
      { kind: 'resolve_after_window', windowMs: 2000 }],
    ['a refusal (state only)', request('/callback?state=abc'), NOTHING_SEEN,
      { kind: 'page', status: 200, outcome: 'denied', state: 'abc' }, 'denied', true, false, DENIED],
    ['a refusal after the code was caught', request('/callback?state=abc'), CAUGHT,
      { kind: 'page', status: 200, outcome: 'denied', state: 'abc' }, 'denied', true, false, KEEP],
    // A wrong state is refused and logged, and the wait goes on (RFC 9700 §4.7, RFC 8252 §8.3; issue 13 item 3).
    ['a code with another state (a stale tab)', request(`/callback?code=${CODE}&state=stale`), NOTHING_SEEN,
      { kind: 'page', status: 400, outcome: 'state_mismatch', state: 'stale' }, 'state_mismatch', true, false, KEEP],
    ['a code without state when one is expected', request(`/callback?code=${CODE}`), NOTHING_SEEN,
      { kind: 'page', status: 400, outcome: 'state_mismatch' }, 'state_mismatch', true, false, KEEP],
    ['a refusal with another state (a forged <img>)', request('/callback?state=stale'), NOTHING_SEEN,
      { kind: 'page', status: 400, outcome: 'state_mismatch', state: 'stale', noCode: true }, 'state_mismatch', true, false, KEEP],
    ['a forged state after the code was caught (logged only)', request(`/callback?code=${OTHER_CODE}&state=forged`), CAUGHT,
      { kind: 'page', status: 400, outcome: 'state_mismatch', state: 'forged' }, 'state_mismatch', true, false, KEEP],
    ['an empty code', request('/callback?code=&state=abc'), NOTHING_SEEN,
      { kind: 'page', status: 400, outcome: 'invalid', state: 'abc' }, 'invalid', true, false, KEEP],
    ['other parameters only', request('/callback?foo=1'), NOTHING_SEEN,
      { kind: 'page', status: 400, outcome: 'invalid' }, 'invalid', true, false, KEEP],
    ['a Host naming another site (DNS rebinding)', request(`/callback?code=${CODE}&state=abc`, { host: 'evil.example:8080' }), NOTHING_SEEN,
      { kind: 'page', status: 421, outcome: 'wrong_host' }, 'wrong_host', false, true, KEEP],
    ['no Host header at all', request(`/callback?code=${CODE}&state=abc`, { host: undefined }), NOTHING_SEEN,
      { kind: 'page', status: 421, outcome: 'wrong_host' }, 'wrong_host', false, true, KEEP],
    ['a bare visit', request('/callback'), NOTHING_SEEN,
      { kind: 'page', status: 200, outcome: 'waiting', withScript: true }, undefined, false, true, KEEP],
    // A hash route's code sits in the fragment, which the browser never sends: the page's script forwards it.
    ['a hash route (empty query)', request('/callback?'), NOTHING_SEEN,
      { kind: 'page', status: 200, outcome: 'waiting', withScript: true }, undefined, false, true, KEEP],
    ['another path', request(`/x?code=${CODE}`), NOTHING_SEEN,
      { kind: 'page', status: 404, outcome: 'not_found' }, undefined, false, true, KEEP],
    ['the favicon probe', request('/favicon.ico'), NOTHING_SEEN,
      { kind: 'empty', status: 204, maxAgeSeconds: 86_400 }, undefined, false, false, KEEP],
    ['a POST', request(`/callback?code=${CODE}&state=abc`, { method: 'POST' }), NOTHING_SEEN,
      { kind: 'page', status: 405, outcome: 'method', allow: 'GET, HEAD' }, undefined, false, true, KEEP],
    // A prefetch or a link preview: the headers a GET would get; its code is not taken, the wait goes on.
    ['a HEAD with a code: answered as a GET, nothing taken, reported as a HEAD', request(`/callback?code=${CODE}&state=abc`, { method: 'HEAD' }), NOTHING_SEEN,
      { kind: 'page', status: 200, outcome: 'success', state: 'abc', codePrefix: CODE.slice(0, 6) }, 'head', false, false, KEEP],
    ['a HEAD with our state and no code does not end the wait as a refusal', request('/callback?state=abc', { method: 'HEAD' }), NOTHING_SEEN,
      { kind: 'page', status: 200, outcome: 'denied', state: 'abc' }, 'head', false, false, KEEP],
    // Before: ignored unsaid, counted among the unrelated requests, while a HEAD with parameters had its line.
    ['a HEAD on the bare callback path: answered as a GET, reported as a HEAD', request('/callback', { method: 'HEAD' }), NOTHING_SEEN,
      { kind: 'page', status: 200, outcome: 'waiting', withScript: true }, 'head', false, false, KEEP],
    ['a URL too long to be a callback', request('/callback?' + 'a'.repeat(6000)), NOTHING_SEEN,
      { kind: 'empty', status: 414 }, undefined, false, true, KEEP],
    ['a new code racing the shutdown', request(`/callback?code=${OTHER_CODE}&state=abc`), SETTLED_WITH_CODE,
      { kind: 'page', status: 200, outcome: 'duplicate', state: 'abc' }, undefined, false, false, KEEP],
    ['a code after a timeout or Ctrl-C', request(`/callback?code=${CODE}&state=abc`), SETTLED,
      { kind: 'page', status: 200, outcome: 'duplicate', state: 'abc' }, undefined, false, false, KEEP],
    ['a repeated code racing the shutdown (still recorded)', request(`/callback?code=${CODE}&state=abc`), SETTLED_WITH_CODE,
      { kind: 'page', status: 200, outcome: 'duplicate', state: 'abc', codePrefix: CODE.slice(0, 6) }, 'duplicate', true, false, KEEP],
    ['a refusal after a timeout', request('/callback?state=abc'), SETTLED,
      { kind: 'page', status: 200, outcome: 'denied', state: 'abc' }, 'denied', true, false, KEEP],
  ] as const)('%s', (_what, req, soFar, answer, kind, kept, ignored, next) => {
    const d = decideCallbackHit(req, soFar, OPTIONS);
    expect(d.answer).toEqual(answer);
    expect(d.hit?.kind).toBe(kind);
    expect(d.keepHit).toBe(kept);
    expect(d.ignored).toBe(ignored);
    expect(d.next).toEqual(next);
  });

  it('with no state expected, a code from another site\'s <img> is still refused and does not end the wait (login CSRF)', () => {
    const d = decideCallbackHit(request(`/callback?code=${CODE}&state=x`, { fetchDest: 'image' }), NOTHING_SEEN, { ...OPTIONS, expectedState: undefined });
    expect(d.hit).toBeUndefined();
    expect(d.next).toEqual({ kind: 'keep_waiting' });
    const nav = decideCallbackHit(request(`/callback?code=${CODE}&state=x`, { fetchDest: 'document' }), NOTHING_SEEN, { ...OPTIONS, expectedState: undefined });
    expect(nav.hit?.kind).toBe('code');
  });

  it('with no state to check, a state-only callback is logged, not taken as the user refusing: the wait goes on, and its timeout names it', () => {
    // Any page navigating to callback?state=x looks like WeChat's refusal (API-FACTS §1.4); nothing tells them apart.
    const d = decideCallbackHit(request('/callback?state=x'), NOTHING_SEEN, { ...OPTIONS, expectedState: undefined });
    expect(d.hit?.kind).toBe('state_only');
    expect(d.answer).toEqual({ kind: 'page', status: 200, outcome: 'state_only', state: 'x' });
    expect(d.next).toEqual({ kind: 'keep_waiting' });
    const then = decideCallbackHit(request(`/callback?code=${CODE}&state=x`), d.progress, { ...OPTIONS, expectedState: undefined });
    expect(then.hit?.kind).toBe('code');
    expect(then.next).toEqual({ kind: 'resolve_after_window', windowMs: 2000 });
    expect(describeTimeout(5000, d.progress, undefined, { p: ' --profile t' })).toEqual({
      failure: 'timeout',
      message: { key: 'listen.timeout.stateOnly', params: { seconds: 5, count: 1, got: 'x' } },
      hint: { key: 'listen.timeout.stateOnly.hint', params: { p: ' --profile t' } },
    });
  });

  it('a state-only callback of a snsapi_base link (no consent page) is not said as the user refusing, nor told to use snsapi_base', () => {
    const base = decideCallbackHit(request('/callback?state=abc'), NOTHING_SEEN, { ...OPTIONS, expectedScope: 'snsapi_base' });
    expect(base.next).toEqual({ kind: 'settle_error', failure: 'denied', message: { key: 'listen.denied.base' }, hint: { key: 'listen.denied.base.hint', params: { p: '' } } });
    // snsapi_userinfo has a consent page: a refusal, as before.
    expect(decideCallbackHit(request('/callback?state=abc'), NOTHING_SEEN, { ...OPTIONS, expectedScope: 'snsapi_userinfo' }).next).toEqual(DENIED);
  });

  it('accepts any state, the empty one included, when none is expected', () => {
    const d = decideCallbackHit(request(`/callback?code=${CODE}&state=`), NOTHING_SEEN, { ...OPTIONS, expectedState: undefined });
    expect(d.hit).toMatchObject({ kind: 'code', code: CODE, state: '' });
    expect(d.next).toEqual({ kind: 'resolve_after_window', windowMs: 2000 });
  });

  it('listens on the path it is given only', () => {
    const options = { ...OPTIONS, path: '/wx/cb' };
    expect(decideCallbackHit(request(`/callback?code=${CODE}&state=abc`), NOTHING_SEEN, options).answer).toMatchObject({ status: 404 });
    expect(decideCallbackHit(request(`/wx/cb?code=${CODE}&state=abc`), NOTHING_SEEN, options).hit?.kind).toBe('code');
  });

  it('records the hit: arrival order and time, trimmed User-Agent, plain IPv4 address, WeChat hop markers', () => {
    const d = decideCallbackHit(
      request(`/callback?code=${CODE}&state=abc&connect_redirect=1&uin=&key=&pass_ticket=`, { userAgent: 'u'.repeat(400), remoteAddress: '::ffff:192.168.1.20' }),
      CAUGHT,
      OPTIONS,
    );
    expect(d.hit).toEqual({
      seq: 2,
      time: '2024-05-01T08:00:00.000Z',
      at: AT,
      method: 'GET',
      userAgent: 'u'.repeat(300),
      remoteAddress: '192.168.1.20',
      kind: 'duplicate',
      code: CODE,
      state: 'abc',
      markers: ['connect_redirect', 'uin', 'key', 'pass_ticket'],
      firstSeq: 1,
    });
  });

  it('keeps the Host header a wrong-Host hit sent, cut short', () => {
    const d = decideCallbackHit(request('/callback', { host: 'evil.example' + '.x'.repeat(200) }), NOTHING_SEEN, OPTIONS);
    expect(d.hit).toMatchObject({ kind: 'wrong_host', seq: 1, markers: [] });
    expect(d.hit?.hostHeader).toHaveLength(200);
  });

  it('moves what it has seen forward without touching what it was given', () => {
    const before = new Map(CAUGHT.codes);
    const d = decideCallbackHit(request(`/callback?code=${OTHER_CODE}&state=abc`), CAUGHT, OPTIONS);
    expect(CAUGHT.codes).toEqual(before);
    expect(d.progress).toMatchObject({ seq: 2, first: codeHit, settled: false });
    expect([...d.progress.codes]).toEqual([
      [CODE, 1],
      [OTHER_CODE, 2],
    ]);
    // Requests that are no hit leave it as it was.
    expect(decideCallbackHit(request('/favicon.ico'), CAUGHT, OPTIONS).progress).toBe(CAUGHT);
  });

  it('folds WeChat calling redirect_uri twice into one code and one duplicate', () => {
    let soFar = NOTHING_SEEN;
    const steps = [
      request('/callback'),
      request('/callback?code=&state=abc'),
      request(`/callback?code=${CODE}&state=abc`, { userAgent: 'Chrome' }),
      request(`/callback?code=${CODE}&state=abc&connect_redirect=1&uin=&key=&pass_ticket=`, { at: AT + 300 }),
      request('/callback?state=abc', { at: AT + 400 }),
    ].map((req) => {
      const d = decideCallbackHit(req, soFar, OPTIONS);
      soFar = d.progress;
      return [d.hit?.kind, d.hit?.seq, d.next.kind];
    });
    expect(steps).toEqual([
      [undefined, undefined, 'keep_waiting'],
      ['invalid', 1, 'keep_waiting'],
      ['code', 2, 'resolve_after_window'],
      ['duplicate', 3, 'keep_waiting'],
      ['denied', 4, 'keep_waiting'],
    ]);
    expect(soFar.first).toMatchObject({ seq: 2, code: CODE, userAgent: 'Chrome' });
  });
});

describe('a forged or stale-tab callback', () => {
  it('is counted, and the real code after it is still caught', () => {
    let soFar = NOTHING_SEEN;
    const kinds = [
      request('/callback?state=old'),
      request(`/callback?code=${OTHER_CODE}&state=forged`),
      request(`/callback?code=${CODE}&state=abc`),
    ].map((req) => {
      const d = decideCallbackHit(req, soFar, OPTIONS);
      soFar = d.progress;
      return [d.hit?.kind, d.answer.kind === 'page' ? d.answer.status : undefined, d.next.kind];
    });
    expect(kinds).toEqual([
      ['state_mismatch', 400, 'keep_waiting'],
      ['state_mismatch', 400, 'keep_waiting'],
      ['code', 200, 'resolve_after_window'],
    ]);
    expect(soFar.refused).toEqual({ count: 2, lastState: 'forged' });
    expect(soFar.first).toMatchObject({ code: CODE });
  });

  it('is only logged once the code is caught (not counted against the wait)', () => {
    const d = decideCallbackHit(request(`/callback?code=${OTHER_CODE}&state=forged`), CAUGHT, OPTIONS);
    expect(d.progress.refused).toBeUndefined();
  });
});

describe('describeTimeout', () => {
  it('names the callbacks refused on the way: a state mismatch, exit 6', () => {
    expect(describeTimeout(5000, { refused: { count: 3, lastState: 'old' } }, 'abc')).toEqual({
      failure: 'state_mismatch',
      message: { key: 'listen.timeout.refused', params: { seconds: 5, count: 3, got: 'old', expected: 'abc' } },
      hint: { key: 'listen.stateMismatch.hint', params: { p: '' } },
    });
    // login made the link (ownLink) and has no --state: its advice is to run login again.
    expect(describeTimeout(5000, { refused: { count: 1, lastState: 'xyz' } }, 'abc', { ownLink: 'http://127.0.0.1:8080/cb', p: ' --profile emu' }).hint).toEqual({
      key: 'listen.stateMismatch.hint.login',
      params: { p: ' --profile emu' },
    });
  });

  it('a code that came with no state is said as a state lost on the way, not as another state', () => {
    let soFar = NOTHING_SEEN;
    const d = decideCallbackHit(request(`/callback?code=${OTHER_CODE}`), soFar, OPTIONS);
    soFar = d.progress;
    expect(d.hit?.kind).toBe('state_mismatch');
    expect(soFar.refused).toEqual({ count: 1, lastState: undefined });
    expect(describeTimeout(5000, soFar, 'abc')).toEqual({
      failure: 'state_mismatch',
      message: { key: 'listen.timeout.refused.noState', params: { seconds: 5, count: 1, expected: 'abc' } },
      hint: { key: 'listen.stateMissing.hint', params: { p: '' } },
    });
    // Its advice names the run's profile, as the exchange it suggests needs it.
    expect(describeTimeout(5000, soFar, 'abc', { p: ' --profile t2' }).hint).toEqual({ key: 'listen.stateMissing.hint', params: { p: ' --profile t2' } });
  });

  it('names the wait in seconds and gives advice', () => {
    expect(describeTimeout(120_000)).toEqual({
      failure: 'timeout',
      message: { key: 'listen.timeout', params: { seconds: 120 } },
      hint: { key: 'listen.timeout.hint' },
    });
  });

  it('does not advise --host 0.0.0.0 when a phone on the Wi-Fi could already reach the listener', () => {
    const lan = { url: 'http://192.168.1.7:8080/cb', port: 8080 };
    expect(describeTimeout(60_000, undefined, undefined, { finishesOn: 'phone', lan, p: ' --profile t2' }).hint).toEqual({
      key: 'listen.timeout.hint.lan',
      params: { url: 'http://192.168.1.7:8080/cb', port: 8080, p: ' --profile t2' },
    });
    expect(describeTimeout(60_000, undefined, undefined, { finishesOn: 'browser', lan }).hint).toEqual({ key: 'listen.timeout.hint.browser' });
    // login made the link: its own redirect_uri is named (the profile's LAN one, not the first interface's), and the domain to set.
    expect(describeTimeout(60_000, undefined, undefined, { lan, ownLink: 'http://192.168.1.9:8080/cb' }).hint).toEqual({
      key: 'listen.timeout.hint.lan.ownLink',
      params: { url: 'http://192.168.1.9:8080/cb', port: 8080, host: '192.168.1.9:8080' },
    });
    // On every address, and no LAN address here: not --host 0.0.0.0 again either.
    expect(describeTimeout(60_000, undefined, undefined, { lan: 'none' }).hint).toEqual({ key: 'listen.timeout.hint.noLan' });
  });
});

// `jssdk verify`'s use case (flows/jssdk.ts verifyPage): which ticket a signature was made with, and
// whether a match with the cached ticket still holds at WeChat. The CLI's own runs against the emulator
// are in test/e2e/jssdk.test.ts; here the ticket source is a function, so its failures can be chosen.
import { describe, expect, it } from 'vitest';
import { CancelledError, NetworkError } from '../../src/errors.js';
import { sha1, verifyPage, type ObtainedTicket, type VerifyCache } from '../../src/flows/jssdk.js';
import { signJsapi } from '../../src/core/jssdk.js';
import type { JsapiTicketEntry } from '../../src/store/token-cache.js';

const APPID = 'wx1234567890abcdef';
const OLD = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
const NEW = 'bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA';
const URL_ = 'https://www.example.com/page';

const entry = (ticket: string): JsapiTicketEntry => ({ appid: APPID, ticket, expiresAt: 10_000_000, obtainedAt: 1_000 });

function cacheHolding(ticket: string): VerifyCache {
  return { getTicket: () => entry(ticket), getBasic: () => undefined, ticketHolder: () => undefined, otherAppTickets: () => [] };
}

/** A page signed with `ticket`, as a server would. */
function claimSignedWith(ticket: string) {
  const timestamp = '1700000000';
  const nonceStr = 'Wm3WZYTPz0wzccnW';
  return { url: URL_, timestamp, nonceStr, signature: signJsapi({ ticket, nonceStr, timestamp, url: URL_ }, sha1).signature };
}

const request = (obtain: (refresh: boolean) => Promise<ObtainedTicket>) => ({
  claim: claimSignedWith(OLD),
  landingUrls: [],
  store: cacheHolding(OLD),
  profile: 'default',
  appid: APPID,
  obtain,
});

describe('verifyPage: a match with the cached ticket is checked with WeChat', () => {
  it('WeChat hands back the same ticket: the match stands, and says it was checked', async () => {
    const asked: boolean[] = [];
    const page = await verifyPage(request(async (refresh) => (asked.push(refresh), { entry: entry(OLD), source: refresh ? 'fetched' : 'cached' })));
    expect(asked).toEqual([false, true]);
    expect(page.verified.diagnosis.verdict).toBe('match');
    expect(page.liveCheck).toEqual({ outcome: 'same' });
  });

  it('WeChat hands back another ticket: the page was signed with a dead one (stale-ticket)', async () => {
    const page = await verifyPage(request(async (refresh) => ({ entry: entry(refresh ? NEW : OLD), source: refresh ? 'fetched' : 'cached' })));
    expect(page.liveCheck).toEqual({ outcome: 'replaced' });
    expect(page.verified.diagnosis).toMatchObject({ verdict: 'mistake', found: { mistake: 'stale-ticket' } });
  });

  it('the call cannot be made: the match stands, unchecked, with the reason', async () => {
    const page = await verifyPage(
      request(async (refresh) => {
        if (refresh) throw new NetworkError('refused', { key: 'http.refused', params: { host: 'api.weixin.qq.com', code: 'ECONNREFUSED' } }, { mayHaveReachedServer: false });
        return { entry: entry(OLD), source: 'cached' };
      }),
    );
    expect(page.verified.diagnosis.verdict).toBe('match');
    expect(page.liveCheck).toEqual({ outcome: 'unchecked', reason: { key: 'http.refused', params: { host: 'api.weixin.qq.com', code: 'ECONNREFUSED' } } });
  });

  it('Ctrl-C during the check ends verify (it is not a check that could not be made)', async () => {
    const run = verifyPage(
      request(async (refresh) => {
        if (refresh) throw new CancelledError();
        return { entry: entry(OLD), source: 'cached' };
      }),
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  it('a ticket just fetched is not asked for again', async () => {
    const asked: boolean[] = [];
    const fetched = await verifyPage(request(async (refresh) => (asked.push(refresh), { entry: entry(OLD), source: 'fetched' })));
    expect(asked).toEqual([false]);
    expect(fetched.liveCheck).toBeUndefined();
  });
});

describe('verifyPage: a match with the --ticket given', () => {
  it('is checked with WeChat too: a ticket WeChat has replaced is the stale-ticket mistake, not a match', async () => {
    const asked: boolean[] = [];
    const dead = await verifyPage({ ...request(async (refresh) => (asked.push(refresh), { entry: entry(NEW), source: 'fetched' })), store: cacheHolding(NEW), ticket: OLD });
    expect(asked).toEqual([true]);
    expect(dead.ticketFrom).toBe('option');
    expect(dead.liveCheck).toEqual({ outcome: 'replaced' });
    expect(dead.verified.diagnosis).toMatchObject({ verdict: 'mistake', found: { mistake: 'stale-ticket' } });
    const live = await verifyPage({ ...request(async () => ({ entry: entry(OLD), source: 'fetched' })), ticket: OLD });
    expect(live.liveCheck).toEqual({ outcome: 'same' });
    expect(live.verified.diagnosis.verdict).toBe('match');
  });

  it('without an appid (offline, nothing configured) nothing is asked, and the match says it was made with --ticket', async () => {
    const given = await verifyPage({ ...request(async () => expect.fail('no ticket should be obtained')), appid: undefined, ticket: OLD });
    expect(given.ticketFrom).toBe('option');
    expect(given.liveCheck).toBeUndefined();
    expect(given.verified.diagnosis.verdict).toBe('match');
  });
});

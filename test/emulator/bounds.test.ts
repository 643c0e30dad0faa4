// The emulator's request path after issue 19's speed work: pooled randomness still gives well-formed,
// distinct codes, tokens and rids, and what a long run accumulates stays bounded (grants, the log).
import { describe, expect, it } from 'vitest';
import { CODES_KEPT, EmulatorState, MAX_GRANTS, REPLACED_KEPT } from '../../src/emulator/state.js';
import { newCode, newRid, newSnsToken, newHintId } from '../../src/emulator/wire.js';
import { defaultSeed, startEmulator } from '../../src/emulator/index.js';
import { LOG_KEPT } from '../../src/emulator/request-log.js';

describe('emulator bounds', () => {
  it('draws well-formed, distinct codes, tokens and rids across many pool refills', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const code = newCode();
      expect(code).toMatch(/^0[0-9A-Za-z]{31}$/);
      codes.add(code);
      expect(newSnsToken()).toMatch(/^86_[0-9A-Za-z_-]{107}$/);
      expect(newHintId()).toMatch(/^[0-9A-Za-z]{14}$/);
    }
    expect(codes.size).toBe(5000);
    const rid = newRid(Date.UTC(2026, 0, 1));
    expect(rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(rid.slice(0, 8)).toBe((Date.UTC(2026, 0, 1) / 1000).toString(16));
  });

  it('remembers at least the last MAX_GRANTS user grants, at most twice as many, each forgotten under both its tokens at once', () => {
    const state = new EmulatorState();
    // The tokens of grant i, in the order made.
    const access: string[] = [];
    const refresh: string[] = [];
    const grant = (): void => {
      const made = state.grants.create('wx', 'u1', 'o', 'snsapi_base', false, 0, 0);
      access.push(made.accessToken);
      refresh.push(made.refreshToken);
    };
    for (let i = 0; i < 2 * MAX_GRANTS; i++) grant();
    // Still all known: the first one, refreshed to a new access_token, is found by it and not by the old one.
    expect(state.grants.size).toBe(2 * MAX_GRANTS);
    const first = state.grants.byRefresh(refresh[0]!)!;
    state.grants.renewAccess(first);
    const renewed = first.accessToken;
    expect(state.grants.byAccess(access[0]!)).toBeUndefined();
    expect(state.grants.byAccess(renewed)?.refreshToken).toBe(refresh[0]);
    // One more: the oldest MAX_GRANTS go, under both their tokens (the renewed one too), the rest stay.
    grant();
    expect(state.grants.size).toBe(MAX_GRANTS + 1);
    for (const i of [0, 1, MAX_GRANTS - 1]) {
      expect(state.grants.byAccess(access[i]!)).toBeUndefined();
      expect(state.grants.byRefresh(refresh[i]!)).toBeUndefined();
    }
    expect(state.grants.byAccess(renewed)).toBeUndefined();
    for (const i of [MAX_GRANTS, 2 * MAX_GRANTS - 1, 2 * MAX_GRANTS]) {
      expect(state.grants.byAccess(access[i]!)?.refreshToken).toBe(refresh[i]);
      expect(state.grants.byRefresh(refresh[i]!)?.accessToken).toBe(access[i]);
    }
  });

  it('keeps every one of the last CODES_KEPT codes it issued, and forgets older ones a generation at a time', async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      const appid = emu.apps.find((a) => a.type === 'service' && a.domain.length > 0)!.appid;
      const state = (n: number) => fetch(`${emu.url}/__emulator/codes/${codes[n]}`).then((r) => r.status);
      const codes: string[] = [];
      for (let i = 0; i < 3 * CODES_KEPT; i++) codes.push(emu.issueCode({ appid }));
      const stats = (await (await fetch(`${emu.url}/__emulator/stats`)).json()) as { codes: number };
      expect(stats.codes).toBeGreaterThanOrEqual(CODES_KEPT);
      expect(stats.codes).toBeLessThanOrEqual(2 * CODES_KEPT);
      expect(await state(codes.length - CODES_KEPT)).toBe(200);
      expect(await state(codes.length - 1)).toBe(200);
      expect(await state(0)).toBe(404);
    } finally {
      await emu.close();
    }
  });

  // Thousands of real HTTP requests: time for a loaded machine (a guard against a hang, not a speed test).
  it('keeps each replaced basic token for its own 5-minute overlap, at most REPLACED_KEPT per appid; /stats counts them', { timeout: 60_000 }, async () => {
    const seed = defaultSeed();
    // A quota no run reaches, as the tester's seed had: only the store's own bound holds the count down.
    for (const app of seed.apps) app.tokenDailyQuota = 10_000_000;
    let now = Date.UTC(2026, 0, 15, 2);
    const emu = await startEmulator({ port: 0, seed, clock: () => now });
    try {
      const [svc, test] = [emu.apps.find((a) => a.type === 'service')!, emu.apps.find((a) => a.type === 'test')!];
      const token = async (app: { appid: string; secret: string }) =>
        ((await (await fetch(`${emu.url}/cgi-bin/token?grant_type=client_credential&appid=${app.appid}&secret=${app.secret}`)).json()) as { access_token: string }).access_token;
      const stable = async (app: { appid: string; secret: string }, force = false) =>
        ((await (await fetch(`${emu.url}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: app.appid, secret: app.secret, force_refresh: force }) })).json()) as { access_token: string }).access_token;
      const works = async (t: string) => ((await (await fetch(`${emu.url}/cgi-bin/get_api_domain_ip?access_token=${t}`)).json()) as { errcode?: number }).errcode ?? 0;
      const kept = async () => ((await (await fetch(`${emu.url}/__emulator/stats`)).json()) as { basicTokens: number }).basicTokens;
      const issued: string[] = [];
      for (let i = 0; i < 2000; i++) issued.push(await token(i % 2 ? svc : test));
      // 1,000 fetches each, in the same instant: the current token and the last REPLACED_KEPT it replaced.
      expect(await kept()).toBe(2 * (1 + REPLACED_KEPT));
      // WeChat (§8): every old token keeps working for 5 minutes after the fetch that replaced it, so one
      // replaced three fetches ago still works (it did not, with only the last replaced token kept).
      expect(await works(issued[1999]!)).toBe(0);
      expect(await works(issued[1995]!)).toBe(0);
      const oldestKept = 1999 - 2 * REPLACED_KEPT;
      expect(await works(issued[oldestKept]!)).toBe(0);
      expect(await works(issued[oldestKept - 2]!)).toBe(40001);
      expect(await works(issued[0]!)).toBe(40001);
      // A forgotten token's 40001 still belongs to its appid: rid/get with that app's token finds it.
      const log = emu.requests();
      const rid = log[log.length - 1]!.rid!;
      const lookup = (await (await fetch(`${emu.url}/cgi-bin/openapi/rid/get?access_token=${issued[1998]}`, { method: 'POST', body: JSON.stringify({ rid }) })).json()) as { errcode: number };
      expect(lookup.errcode).toBe(0);
      // Stable tokens: a forced refresh invalidates the previous one at once (§9), so none is kept.
      const s1 = await stable(svc);
      const s2 = await stable(svc, true);
      now += 31_000;
      const s3 = await stable(svc, true);
      expect(await works(s1)).toBe(40001);
      expect(await works(s2)).toBe(40001);
      expect(await works(s3)).toBe(0);
      // Past the overlap a replaced token answers 40001; the current one works until it expires.
      now += 301_000;
      expect(await works(issued[1997]!)).toBe(40001);
      expect(await works(issued[1999]!)).toBe(0);
      // The next fetch forgets the replaced tokens past their overlap: svc keeps its new token and the
      // one it replaced (still in its overlap); test's 65 stay until its next fetch; stable keeps s3.
      const next = await token(svc);
      expect(await kept()).toBe(1 + REPLACED_KEPT + 2 + 1);
      now += 7200_000;
      expect(await works(next)).toBe(42001);
      expect(await works(issued[1999]!)).toBe(40001);
    } finally {
      await emu.close();
    }
  });

  it('keeps the last requests in its log, at most 500 more than LOG_KEPT, and counts them all', { timeout: 60_000 }, async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      const total = LOG_KEPT + 700;
      const agentless = async (n: number) => {
        for (let i = 0; i < n; i++) await fetch(`${emu.url}/sns/auth?access_token=x&openid=${i}`).then((r) => r.text());
      };
      await Promise.all(Array.from({ length: 10 }, () => agentless(total / 10)));
      const log = emu.requests();
      expect(log.length).toBeGreaterThanOrEqual(LOG_KEPT);
      expect(log.length).toBeLessThanOrEqual(LOG_KEPT + 500);
      // Read back after the log went round: each entry is still the request it was, secrets masked.
      for (const r of log) {
        expect(r).toMatchObject({ method: 'GET', path: '/sns/auth', status: 200, errcode: 40014, query: { access_token: '***' } });
        expect(Number(r.query.openid)).toBeLessThan(total / 10);
      }
      const doc = (await (await fetch(`${emu.url}/__emulator/requests?since=${total - 3}`)).json()) as { total: number; requests: unknown[] };
      expect(doc.total).toBe(total);
      expect(doc.requests).toHaveLength(3);
    } finally {
      await emu.close();
    }
  });
});

// The emulator's control API (/__emulator/*), as probe uses it: the seed (which apps, which secrets,
// which users), the request log since a point, a code's status, the clock and faults, who logs in
// (the current user, and a follow of a test account for session.per_user), and an app's 开放平台
// binding (unbound for unionid.absent). Control POSTs carry
// Content-Type application/json (src/emulator/host-guard.ts refuses anything else).
import { NetworkError, UsageError, type MessageRef } from '../../errors.js';
import { EMULATOR_DEFAULT_PORT, isScope } from '../../core/endpoints.js';
import { PROXY_HEADER, PROXY_QUESTION, PROXY_UPSTREAM_HEADER } from '../../core/proxy-route.js';
import type { FaultSpec, PublicApp, PublicUser, RequestRecord } from '../../emulator/index.js';
import { issuableScopes } from '../../emulator/scopes.js';
import { deadline } from '../../http/deadline.js';

/** Where `wxauth emulator` listens unless told otherwise: probe's default --emulator. */
export const DEFAULT_EMULATOR = `http://127.0.0.1:${EMULATOR_DEFAULT_PORT}`;

export interface CodeStatus {
  status: 'unused' | 'exchanged' | 'expired';
  appid: string;
  scope: string;
  /** The seeded user the code was issued for. */
  user?: string;
  issuedAt: string;
  exchangedAt?: string;
  exchangedFrom?: string;
  attempts: Array<{ time: string; ip: string; errcode: number }>;
  tokens?: { access_token: string; refresh_token: string; openid: string };
}

export class EmulatorControl {
  constructor(
    readonly origin: string,
    private readonly signal: AbortSignal,
    /** Where to look for a running emulator when `origin` does not answer (tests give their own). */
    private readonly usual: string = DEFAULT_EMULATOR,
    /** How long a call may take, its answer's body included (tests give a short one). */
    private readonly timeoutMs: number = 10_000,
  ) {}

  /**
   * `mode`:
   * - `change`: the clock moved or a fault armed, with its undo in a `finally` right after. Once sent it
   *   is not cut short by Ctrl-C: cut off after the emulator applied it, but before the answer came,
   *   it would be applied with no undo to follow. Its failure reads as any other call's.
   * - `undo`: the clock moved back, the faults restored; it must happen even after Ctrl-C, so it does
   *   not listen to the run's signal, and its own short deadline keeps it from holding up the exit.
   */
  private async call(method: 'GET' | 'POST', path: string, body?: unknown, mode: 'normal' | 'change' | 'undo' = 'normal'): Promise<Record<string, unknown>> {
    let res: Response;
    let text: string;
    const detached = mode === 'undo';
    const limit = detached ? deadline(Math.min(3_000, this.timeoutMs)) : mode === 'change' ? deadline(this.timeoutMs) : deadline(this.timeoutMs, this.signal);
    // The status, once the answer's headers came: a timeout after it is a body that stalled, not an emulator down.
    let status: number | undefined;
    try {
      res = await fetch(this.origin + '/__emulator' + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: limit.signal,
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      if (this.signal.aborted && mode === 'normal') throw error;
      const host = new URL(this.origin).host;
      // An undo that failed leaves the emulator changed (its clock ahead, a fault armed): said as such.
      if (detached) throw new NetworkError('refused', { key: 'probe.undo_failed', params: { url: this.origin } }, { hint: { key: 'probe.undo_failed.hint', params: { url: this.origin } }, cause: error, host, mayHaveReachedServer: true });
      // It answered, and its body then did not end in time: something there is up, and hangs.
      if (status !== undefined && (error as Error).name === 'TimeoutError') {
        throw new NetworkError('timeout', { key: 'probe.emulator_stalled', params: { url: this.origin, host, path, status, ms: this.timeoutMs } }, { hint: { key: 'probe.emulator_stalled.hint', params: { host } }, cause: error, host, status, mayHaveReachedServer: true });
      }
      // No answer at all in time, and something there takes connections: it accepted the request and sat
      // on it (an emulator that is busy or stuck, another program on that port), which is not "down".
      if ((error as Error).name === 'TimeoutError' && (await acceptsConnections(this.origin))) {
        throw new NetworkError('timeout', { key: 'probe.emulator_no_answer', params: { url: this.origin, host, path, ms: this.timeoutMs } }, { hint: { key: 'probe.emulator_no_answer.hint', params: { host } }, cause: error, host, mayHaveReachedServer: true });
      }
      // `--emulator` with a wrong port while one runs on its default: name that one instead of "start it".
      const running = this.origin !== this.usual && (await isEmulatorAt(this.usual));
      const hint: MessageRef = running ? { key: 'probe.emulator_down.running', params: { running: this.usual } } : { key: 'probe.emulator_down.hint' };
      throw new NetworkError('refused', { key: 'probe.emulator_down', params: { url: this.origin } }, { hint, cause: error, host, mayHaveReachedServer: false });
    } finally {
      limit.done();
    }
    // A wxauth proxy refuses the control API by design (it holds the appsecrets): --emulator names the
    // proxy, not the emulator behind it.
    if (res.headers.has(PROXY_HEADER)) {
      const upstream = res.headers.get(PROXY_UPSTREAM_HEADER);
      throw new UsageError(
        { key: 'probe.emulator_is_proxy', params: { url: this.origin } },
        { hint: upstream ? { key: 'probe.emulator_is_proxy.hint', params: { upstream } } : { key: 'probe.emulator_is_proxy.hint_unknown' } },
      );
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = undefined;
    }
    if (typeof doc !== 'object' || doc === null || (res.status !== 404 && (doc as { ok?: unknown }).ok !== true)) {
      // The first call: something answers at --emulator, and it is not an emulator (the app's own port,
      // often): the argument is wrong, and naming it again would go in a circle.
      if (path === '/seed') throw new UsageError({ key: 'probe.emulator_not_control', params: { url: this.origin, path, status: res.status } }, { hint: { key: 'probe.emulator_not_control.hint' } });
      throw new NetworkError(doc === undefined ? 'not_json' : 'unexpected_shape', { key: 'probe.emulator_not_control', params: { url: this.origin, path, status: res.status } }, { hint: { key: 'probe.emulator_not_control.hint' }, host: new URL(this.origin).host, status: res.status, mayHaveReachedServer: true });
    }
    return doc as Record<string, unknown>;
  }

  async apps(): Promise<PublicApp[]> {
    return (await this.call('GET', '/seed')).apps as PublicApp[];
  }

  /** The seeded users: each one's openid per appid, unionid per 开放平台 account, nickname and follows. */
  async users(): Promise<PublicUser[]> {
    return (await this.call('GET', '/seed')).users as PublicUser[];
  }

  /** Who "you" are in the emulated WeChat client: the user the pages log in as. */
  async currentUser(): Promise<string> {
    return String((await this.call('GET', '/user')).user);
  }

  /** Log in as another user from now on (the caller puts the previous one back in a `finally`), or put it back (`restoring`). */
  async setUser(user: string, restoring = false): Promise<void> {
    await this.call('POST', '/user', { user }, restoring ? 'undo' : 'change');
  }

  /**
   * A user follows an app, or stops (`restoring` undoes an earlier follow). False when this emulator has
   * no such endpoint (one older than this wxauth).
   */
  async follow(user: string, appid: string, follows: boolean, restoring = false): Promise<boolean> {
    return (await this.call('POST', '/follow', { user, appid, follows }, restoring ? 'undo' : 'change')).ok === true;
  }

  /**
   * Bind an app to a 开放平台 account, or unbind it (null: its answers carry no unionid from now on);
   * `restoring` puts back what the seed had. False when this emulator has no such endpoint (one older
   * than this wxauth).
   */
  async setOpenAccount(appid: string, openAccount: string | null, restoring = false): Promise<boolean> {
    return (await this.call('POST', '/open-account', { appid, openAccount }, restoring ? 'undo' : 'change')).ok === true;
  }

  /** The running total of recorded requests: pass it to `requestsSince` later. */
  async mark(): Promise<number> {
    return Number((await this.call('GET', '/requests')).total ?? 0);
  }

  async requestsSince(mark: number): Promise<RequestRecord[]> {
    return (await this.call('GET', `/requests?since=${mark}`)).requests as RequestRecord[];
  }

  async codeStatus(code: string): Promise<CodeStatus | undefined> {
    const doc = await this.call('GET', `/codes/${encodeURIComponent(code)}`);
    return doc.ok === true ? (doc.code as CodeStatus) : undefined;
  }

  /** The basic tokens and jsapi_tickets the emulator keeps for an appid (secrets.leak). */
  async issued(appid: string): Promise<{ basicTokens: string[]; tickets: string[] }> {
    const doc = await this.call('GET', `/issued/${encodeURIComponent(appid)}`);
    return { basicTokens: (doc.basicTokens as string[] | undefined) ?? [], tickets: (doc.tickets as string[] | undefined) ?? [] };
  }

  /**
   * `scope`: the app's authorize link's. One the emulator does not grant (mistyped, empty), or one `app`
   * cannot be issued (snsapi_login on a 公众号: emulator/scopes.ts, the emulator's own rule), is left out,
   * so the code has the app's default scope, as before the emulator refused such a scope with a 400. An
   * app WeChat issues no code at all (a 订阅号) is refused by the emulator, with its reason.
   */
  async issueCode(appid: string, scope: string, app?: PublicApp): Promise<string> {
    const granted = app === undefined ? isScope(scope) : (issuableScopes(app).scopes as readonly string[]).includes(scope);
    return String((await this.call('POST', '/code', granted ? { appid, scope } : { appid })).code);
  }

  /** Move the clock ahead; the caller moves it back (restoreClock) in a `finally` right after. */
  async advanceClock(seconds: number): Promise<void> {
    await this.call('POST', '/clock', { advance: seconds }, 'change');
  }

  /** Move the clock back by what advanceClock moved it, Ctrl-C or not. */
  async restoreClock(seconds: number): Promise<void> {
    await this.call('POST', '/clock', { advance: -seconds }, 'undo');
  }

  async faults(): Promise<FaultSpec[]> {
    return (await this.call('GET', '/faults')).faults as FaultSpec[];
  }

  /** Arm faults (the caller restores the previous ones in a `finally` right after), or restore them (`restoring`). */
  async setFaults(faults: FaultSpec[], restoring = false): Promise<void> {
    await this.call('POST', '/faults', { faults, replace: true }, restoring ? 'undo' : 'change');
  }

  async scan(uuid: string, action: 'confirm' | 'cancel'): Promise<{ redirect?: string }> {
    return (await this.call('POST', '/scan', { uuid, action })) as { redirect?: string };
  }
}

/**
 * What is at `origin` if it is a wxauth proxy: the upstream it names ('' when it does not say), from its
 * own 403 to the control API (flows/proxy/server.ts); undefined for anything else (no answer, another
 * server). One GET, which a proxy never forwards; probe asks it only of a loopback origin the app's
 * authorize link names.
 */
export async function proxyUpstream(origin: string, timeoutMs: number, signal: AbortSignal): Promise<string | undefined> {
  const limit = deadline(Math.min(timeoutMs, 3_000), signal);
  try {
    // Never followed: a redirect could take this side call to a host off this machine, which probe never contacts.
    const res = await fetch(origin + '/__emulator/seed', { signal: limit.signal, redirect: 'manual', headers: { [PROXY_HEADER]: PROXY_QUESTION } });
    await res.body?.cancel();
    if (res.status !== 403 || !res.headers.has(PROXY_HEADER)) return undefined;
    return res.headers.get(PROXY_UPSTREAM_HEADER) ?? '';
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  } finally {
    limit.done();
  }
}

/**
 * What answers at `origin`, an authorize link's loopback origin that is neither this emulator nor a proxy
 * in front of it: a wxauth emulator (its control index), nothing (refused, or no answer in time), or
 * another server. So that authorize.url's fix names `--emulator` only where an emulator answers (issue:
 * a port from an earlier run, where nothing listens any more). One GET, never followed.
 */
export async function whatAnswersAt(origin: string, timeoutMs: number, signal?: AbortSignal): Promise<'emulator' | 'none' | 'other'> {
  const limit = deadline(Math.min(timeoutMs, 3_000), signal);
  let res: Response;
  try {
    res = await fetch(origin + '/__emulator/', { signal: limit.signal, redirect: 'manual' });
  } catch (error) {
    limit.done();
    if (signal?.aborted) throw error;
    return 'none';
  }
  try {
    const doc = JSON.parse(await res.text()) as { ok?: unknown; endpoints?: unknown } | null;
    return doc !== null && doc.ok === true && Array.isArray(doc.endpoints) ? 'emulator' : 'other';
  } catch (error) {
    if (signal?.aborted) throw error;
    return 'other';
  } finally {
    limit.done();
  }
}

/** Whether a wxauth emulator answers at `origin` (its control index), within a second. */
async function isEmulatorAt(origin: string): Promise<boolean> {
  return (await whatAnswersAt(origin, 1_000)) === 'emulator';
}

/**
 * Whether something at `origin` takes a TCP connection, within a second: after a control call that got no
 * answer in time, it tells a server that sits on the request from a host that cannot be reached (its
 * packets dropped). Only that error path asks it, so node:net is loaded there.
 */
async function acceptsConnections(origin: string): Promise<boolean> {
  const { connect } = await import('node:net');
  const url = new URL(origin);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    const end = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => end(true));
    socket.once('timeout', () => end(false));
    socket.once('error', () => end(false));
  });
}

/**
 * Where another emulator's log stands, at `usual` (where `wxauth emulator` listens by default): the mark to
 * pass to `exchangeAtOtherEmulator` once the happy path is done. Undefined when no emulator answers there
 * in a second. A mark, not a time: that emulator's clock may have been moved (POST /__emulator/clock), so
 * its log's times say nothing of when, on this machine, a request came.
 */
export async function markOtherEmulator(usual: string, signal: AbortSignal): Promise<number | undefined> {
  if ((await whatAnswersAt(usual, 1_000, signal)) !== 'emulator') return undefined;
  try {
    return await new EmulatorControl(usual, signal, usual, 3_000).mark();
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

/**
 * The code exchange another emulator, at `usual`, got for `appid` after `mark` (from `markOtherEmulator`,
 * taken just before the happy path), and what it answered: the app's API host is that emulator while its
 * authorize link is this one, so its codes, issued here, are unknown there (40029). Undefined when that
 * emulator no longer answers, or its log has no such exchange since the mark. Its log masks the code, so
 * the appid and the log's order are what tie the exchange to this login. Asked only when this emulator saw none.
 */
export async function exchangeAtOtherEmulator(usual: string, appid: string, mark: number, signal: AbortSignal): Promise<{ origin: string; errcode?: number; status: number } | undefined> {
  const other = new EmulatorControl(usual, signal, usual, 3_000);
  try {
    const recent = await other.requestsSince(mark);
    const hit = recent.findLast((r) => r.path.endsWith('/sns/oauth2/access_token') && r.query.appid === appid);
    return hit ? { origin: usual, status: hit.status, ...(hit.errcode !== undefined ? { errcode: hit.errcode } : {}) } : undefined;
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

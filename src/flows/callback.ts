// Catching the callback as a use case: bind the local listener (src/listener), wait for WeChat's
// redirect with a deadline, report every hit as it comes, stop. Shared by `listen`, `login` and `demo`,
// which differ only in what they show meanwhile — so the showing is done by hooks the caller passes.
//
// The listener is bound before the wait starts: `login` needs its real address (port 0, a LAN address)
// to put in redirect_uri before the link goes out, and only then starts the countdown.
import {
  isWildcardHost,
  lanAddresses,
  startCallbackListener,
  type CallbackHit,
  type CallbackResult,
  type ListenPlan,
  type Translate,
} from '../listener/index.js';
import type { FinishesOn } from '../core/callback-decision.js';
import { hostInText, listenerCanReceive } from '../core/host-names.js';
import type { AuthEndpoint } from '../core/authorize-url.js';
import type { RememberedLink } from '../core/callback-url.js';
import { CancelledError, type MessageRef } from '../errors.js';

/**
 * Whether listen and login can catch a callback to `uri` here: http on a loopback or LAN host, or on
 * one of this machine's own addresses (a cloud server's public IP, which a test account may use).
 */
export function listenerCanReceiveHere(uri: string | undefined): boolean {
  return listenerCanReceive(uri, lanAddresses());
}

/** Where the listener ended up. */
export interface ListenerAddress {
  /** The callback URL on this machine (its path, and the redirect_uri's query, included). */
  url: string;
  host: string;
  port: number;
  path: string;
  /** With a wildcard bind (0.0.0.0): one URL per LAN address, for a phone on the same Wi-Fi. */
  lanUrls: string[];
}

/** The wait, as a countdown sees it. */
export interface CallbackWait {
  listener: ListenerAddress;
  timeoutMs: number;
  /** Milliseconds since the epoch, on `now`. */
  deadline: number;
  /** The caller's clock. */
  now: () => number;
}

/** Presentation hooks: everything the flow tells its caller while it runs. All optional. */
export interface CallbackHooks {
  /** The listener is bound. */
  onListening?(listener: ListenerAddress): void;
  /** Every request on the callback path (and every wrong-Host request), as it happens. */
  onHit?(hit: CallbackHit): void;
  /** The wait for the callback starts now. */
  onWaiting?(wait: CallbackWait): void;
  /** The wait is over, however it ended (code, failure, Ctrl-C): stop a countdown before anything else is printed. */
  onWaitOver?(): void;
}

export interface CallbackRequest {
  /** Where and how long to listen (listener/plan.ts). */
  plan: Pick<ListenPlan, 'host' | 'port' | 'path' | 'timeoutMs' | 'allowedHosts'> & Partial<Pick<ListenPlan, 'search' | 'bothLoopbacks'>>;
  /** A callback with another state is refused and the wait goes on; undefined: not checked. */
  expectedState?: string;
  /** A state already used (an earlier login or listen caught its callback): a callback carrying it is refused. */
  spentState?: string;
  /** The scope of expectedState's link, when known (login's link, url's remembered one). */
  expectedScope?: string;
  /** The state remembered now, asked when a callback's state is not expectedState (listener/server.ts). */
  laterState?: () => RememberedLink | undefined;
  /** The endpoint of expectedState's link, else the account type's: a website app's state-only callback is a QR login cancelled. */
  expectedEndpoint?: AuthEndpoint;
  /** The redirect_uri of a link made since the wait began (`wxauth url` in another terminal), asked at the timeout. */
  laterRedirect?: () => string | undefined;
  /** Aborted on Ctrl-C: the wait ends with CancelledError. */
  signal: AbortSignal;
  /**
   * What Ctrl-C during the wait left behind, said as the CancelledError's hint (one line on stderr):
   * `codeArrived`, a code had come and was still in the duplicate window, not yet handed on. A plain
   * CancelledError said nothing at all, and the user could not tell whether a code had been spent.
   */
  stoppedHint?: (codeArrived: boolean) => MessageRef;
  /** The browser page's language and words (the listener answers the phone in the user's language). */
  lang: 'zh' | 'en';
  translate: Translate;
  now: () => number;
  /** Each distinct accepted code, once, while the listener still watches for a duplicate call: where an
   * exchange starts, so it runs once even when WeChat calls the callback twice. */
  onCode?: (hit: CallbackHit) => void;
  /** How long to keep listening after the code for a duplicate call; the listener's default (2 s) otherwise. */
  duplicateWindowMs?: number;
  /** Where the authorization is finished, for the timeout's advice; phone WeChat when not said. */
  finishesOn?: FinishesOn;
  /** The run makes the authorize link itself (login): its redirect_uri once made, for the timeout's advice. */
  ownLink?: () => string | undefined;
  /** ` --profile x` for the commands the timeout's advice names. */
  profileFlag?: string;
  /** The redirect_uri points elsewhere than this machine (listen with a public one): for the timeout's advice. */
  callbackElsewhere?: string;
}

/** A bound listener, waiting to be waited on. */
export interface CallbackSession extends ListenerAddress {
  /** Count down and wait: resolves with the callback, or throws CallbackError (denied, state mismatch,
   * timeout) or CancelledError. */
  wait(): Promise<CallbackResult>;
  /** Stop listening (idempotent; safe after the wait). */
  close(): Promise<void>;
}

/**
 * The URL a listener on `plan` will be reached on, when it is known before binding (not with port 0):
 * its first LAN URL on a wildcard bind (where a phone can follow it), else its own. The same shape as
 * the listener's `lanUrls[0] ?? url`, so login can lint the redirect_uri before anything listens; login
 * compares it with the bound listener's afterwards, so a wrong guess is caught, never trusted.
 */
export function expectedCallbackUrl(plan: Pick<ListenPlan, 'host' | 'port' | 'path'> & Partial<Pick<ListenPlan, 'search'>>): string | undefined {
  if (plan.port === 0) return undefined;
  const portPart = plan.port === 80 ? '' : `:${plan.port}`;
  const rest = plan.path + (plan.search ?? '');
  if (isWildcardHost(plan.host)) {
    const lan = lanAddresses()[0];
    return `http://${lan ?? '127.0.0.1'}${portPart}${rest}`;
  }
  return `http://${hostInText(plan.host)}${portPart}${rest}`;
}

/** The URL to send WeChat back to: a LAN URL when bound to every interface, else the listener's own. */
export function callbackUrlOf(listener: ListenerAddress): string {
  return listener.lanUrls[0] ?? listener.url;
}

/** Bind the listener. Throws UsageError when the port is taken or the host is not this machine's. */
export async function openCallback(request: CallbackRequest, hooks: CallbackHooks = {}): Promise<CallbackSession> {
  const { plan } = request;
  let codeArrived = false;
  const listener = await startCallbackListener({
    host: plan.host,
    port: plan.port,
    path: plan.path,
    ...(plan.search ? { search: plan.search } : {}),
    expectedState: request.expectedState,
    ...(request.spentState !== undefined ? { spentState: request.spentState } : {}),
    ...(request.expectedScope !== undefined ? { expectedScope: request.expectedScope } : {}),
    ...(request.expectedEndpoint !== undefined ? { expectedEndpoint: request.expectedEndpoint } : {}),
    ...(request.laterState ? { laterState: request.laterState } : {}),
    ...(request.laterRedirect ? { laterRedirect: request.laterRedirect } : {}),
    timeoutMs: plan.timeoutMs,
    signal: request.signal,
    lang: request.lang,
    translate: request.translate,
    allowedHosts: plan.allowedHosts,
    ...(plan.bothLoopbacks === true ? { bothLoopbacks: true } : {}),
    onHit: hooks.onHit,
    onCode: (hit) => {
      codeArrived = true;
      request.onCode?.(hit);
    },
    duplicateWindowMs: request.duplicateWindowMs,
    finishesOn: request.finishesOn,
    ...(request.ownLink ? { ownLink: request.ownLink } : {}),
    ...(request.profileFlag ? { profileFlag: request.profileFlag } : {}),
    ...(request.callbackElsewhere ? { callbackElsewhere: request.callbackElsewhere } : {}),
    now: request.now,
  });
  const address: ListenerAddress = { url: listener.url, host: listener.host, port: listener.port, path: listener.path, lanUrls: listener.lanUrls };
  hooks.onListening?.(address);
  return {
    ...address,
    async wait() {
      hooks.onWaiting?.({ listener: address, timeoutMs: plan.timeoutMs, deadline: request.now() + plan.timeoutMs, now: request.now });
      try {
        return await listener.result;
      } catch (error) {
        if (error instanceof CancelledError && error.hint === undefined && request.signal.aborted && request.stoppedHint) {
          throw new CancelledError({ hint: request.stoppedHint(codeArrived), cause: error });
        }
        throw error;
      } finally {
        hooks.onWaitOver?.();
      }
    },
    close: () => listener.close(),
  };
}

/** Bind, wait, stop: the whole of `wxauth listen`. */
export async function catchCallback(request: CallbackRequest, hooks: CallbackHooks = {}): Promise<CallbackResult> {
  const session = await openCallback(request, hooks);
  try {
    return await session.wait();
  } finally {
    await session.close();
  }
}

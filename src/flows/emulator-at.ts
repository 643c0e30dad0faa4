// Whether a loopback API base issues WeChat's shapes of codes and tokens because it is a wxauth emulator,
// or a wxauth proxy in front of WeChat or of an emulator, asked of it. Only on the rare path that needs
// it: check / userinfo / refresh given a code-shaped argument (32 letters and digits), or exchange given a
// token-shaped one, against an API base that is not WeChat's: there a mock's or a gateway's values may
// have those very shapes, the emulator's (NN_…, as WeChat's) may not.
import { isLoopbackHost } from '../core/host-names.js';
import { isWechatApiBase } from '../core/endpoints.js';
import { proxyUpstream, whatAnswersAt } from './probe/control.js';

/** The loopback origin of `base`, or undefined for another host or no URL. */
function loopbackOrigin(base: string): string | undefined {
  try {
    const url = new URL(base);
    return isLoopbackHost(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asked only of a loopback origin: a host elsewhere (a company gateway) is never sent a request the user
 * did not ask for, and is taken for what it most likely is. A wxauth proxy is asked what it is as probe asks
 * it (probe/control.ts proxyUpstream: a question the proxy answers in headers and does not show as a refused
 * call) and judged by its upstream (its default is WeChat's API); else the origin's control index says
 * whether an emulator answers (whatAnswersAt), within a second each. Nothing there, another server or no
 * answer in time: false.
 */
export async function issuesWechatShapesAt(apiBase: string, signal?: AbortSignal): Promise<boolean> {
  const origin = loopbackOrigin(apiBase);
  if (origin === undefined) return false;
  const upstream = await proxyUpstream(origin, 1_000, signal ?? new AbortController().signal);
  if (upstream !== undefined) {
    // '' : a proxy that did not say where it sends calls (it names its upstream only to this machine).
    if (upstream === '') return false;
    if (isWechatApiBase(upstream)) return true;
    const behind = loopbackOrigin(upstream);
    return behind !== undefined && (await whatAnswersAt(behind, 1_000, signal)) === 'emulator';
  }
  return (await whatAnswersAt(origin, 1_000, signal)) === 'emulator';
}

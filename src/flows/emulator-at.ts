// Whether the API base is a wxauth emulator, asked of it (its control index, GET /__emulator/). Only on
// the rare path that needs it: check / userinfo / refresh given a code-shaped argument (32 letters and
// digits) against an API base that is not WeChat's, where the emulator's tokens (NN_…, as WeChat's) say it
// is a code, and a mock's or a gateway's may be tokens of that very shape.
import { isLoopbackHost } from '../core/host-names.js';
import { deadline } from '../http/deadline.js';

/**
 * A wxauth emulator answers at `apiBase`'s origin (its control index: `ok` and `endpoints`), within a
 * second. Asked only of a loopback origin: a host elsewhere (a company gateway) is never sent a request
 * the user did not ask for, and is taken for what it most likely is, not the emulator. Nothing there,
 * another server or no answer in time: false.
 */
export async function isEmulatorApiBase(apiBase: string, signal?: AbortSignal): Promise<boolean> {
  let origin: string;
  try {
    const url = new URL(apiBase);
    if (!isLoopbackHost(url.hostname)) return false;
    origin = url.origin;
  } catch {
    return false;
  }
  const limit = deadline(1_000, signal);
  try {
    // Never followed: a redirect could take this side question off this machine.
    const res = await fetch(origin + '/__emulator/', { signal: limit.signal, redirect: 'manual', headers: { accept: 'application/json' } });
    const doc = JSON.parse(await res.text()) as { ok?: unknown; endpoints?: unknown } | null;
    return res.status === 200 && doc !== null && doc.ok === true && Array.isArray(doc.endpoints);
  } catch (error) {
    if (signal?.aborted) throw error;
    return false;
  } finally {
    limit.done();
  }
}

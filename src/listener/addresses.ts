// Which addresses the listener can be reached on, and which Host headers it accepts.
import { networkInterfaces } from 'node:os';
import { acceptedHostNames as acceptedNamesFor, hostHeaderAllowed, isLoopbackHost, isPrivateLanHost, isWildcardHost } from '../core/host-names.js';

// The Host rules are core's (shared with the emulator's control API); here they meet this machine.
export { hostHeaderAllowed, isLoopbackHost, isPrivateLanHost, isWildcardHost };

/** The machine's non-internal IPv4 addresses (what `--host 0.0.0.0` can be reached on from the LAN). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) out.push(info.address);
    }
  }
  return out;
}

/** Host names (without port) a request's Host header may carry for a listener bound on `bound`. */
export function acceptedHostNames(bound: string, extra: string[] = []): Set<string> {
  return acceptedNamesFor(bound, Object.values(networkInterfaces()).flatMap((list) => list ?? []), extra);
}

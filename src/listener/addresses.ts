// Which addresses the listener can be reached on, and which Host headers it accepts.
import { networkInterfaces } from 'node:os';
import { acceptedHostNames as acceptedNamesFor, hostHeaderAllowed, isLoopbackHost, isWildcardHost } from '../core/host-names.js';

// The Host rules are core's (shared with the emulator's control API); here they meet this machine.
export { hostHeaderAllowed, isLoopbackHost, isWildcardHost };

/** RFC 1918 / link-local IPv4: where a phone on the same Wi-Fi can reach this machine. */
export function isPrivateLanHost(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

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

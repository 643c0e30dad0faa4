// Which Host headers the control API (/__emulator/*) answers, and which bodies it takes. The Host rules
// are core's (core/host-names.ts, shared with the callback listener): a DNS-rebinding page on
// evil.example whose name resolves to 127.0.0.1 sends `Host: evil.example` and is refused.
import { networkInterfaces } from 'node:os';
import { acceptedHostNames as acceptedNamesFor, hostHeaderAllowed } from '../core/host-names.js';

export { hostHeaderAllowed };

/** Host names (without port) a control request's Host header may carry for a server bound on `bound`. */
export function acceptedHostNames(bound: string): Set<string> {
  return acceptedNamesFor(bound, Object.values(networkInterfaces()).flatMap((list) => list ?? []));
}

/**
 * CSRF guard: a page on any origin can POST `text/plain`, form-encoded or bodiless requests without a
 * CORS preflight, but not `application/json`. Requiring it on control POSTs keeps other origins from
 * arming faults or resetting state.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

// Which Host headers the control API (/__emulator/*) answers, and which bodies it takes.
//
// Copied in small from src/listener/addresses.ts (acceptedHostNames / hostHeaderAllowed): the emulator
// may import only core/, and core/ may not touch node:os, so the few lines live here too. Keep the two
// in step: a DNS-rebinding page on evil.example whose name resolves to 127.0.0.1 sends
// `Host: evil.example`; only names that really denote this server are accepted. The port is not
// compared (SSH tunnels and container port mappings rename it; the name is what rebinding cannot fake).
import { networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];

function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** Host names (without port) a control request's Host header may carry for a server bound on `bound`. */
export function acceptedHostNames(bound: string): Set<string> {
  const names = new Set<string>();
  const add = (h: string) => names.add(h.toLowerCase());
  if (isWildcardHost(bound)) {
    for (const n of LOOPBACK_NAMES) add(n);
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) add(info.family === 'IPv6' ? `[${info.address}]` : info.address);
    }
  } else {
    add(bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound);
    if (isLoopbackHost(bound)) for (const n of LOOPBACK_NAMES) add(n);
  }
  return names;
}

export function hostHeaderAllowed(header: string | undefined, names: Set<string>): boolean {
  if (!header) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (!m || !m[1]) return false;
  return names.has(m[1].toLowerCase());
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

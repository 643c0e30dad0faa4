// Which Host headers a local server (the callback listener, the emulator's control API) answers.
// A DNS-rebinding page on evil.example whose name resolves to 127.0.0.1 sends `Host: evil.example`;
// only names that really denote this server are accepted. The port is not compared: behind an SSH
// tunnel (`ssh -L 9000:localhost:8080`) or a container port mapping the browser names another port,
// and the name is what a rebinding attack cannot fake. Pure: the machine's addresses are passed in.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** RFC 1918 / link-local IPv4: where a phone on the same Wi-Fi can reach this machine. */
export function isPrivateLanHost(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** One address of this machine, as node:os networkInterfaces() lists it. */
interface InterfaceAddress {
  address: string;
  family: string;
}

/**
 * Host names (without port) a request's Host header may carry for a server bound on `bound`:
 * a wildcard bind answers every address of the machine (`interfaces`), a loopback bind every
 * loopback name, plus `extra` names the caller trusts.
 */
export function acceptedHostNames(bound: string, interfaces: InterfaceAddress[], extra: string[] = []): Set<string> {
  const names = new Set<string>();
  const add = (h: string) => names.add(h.toLowerCase());
  if (isWildcardHost(bound)) {
    for (const n of LOOPBACK_NAMES) add(n);
    for (const info of interfaces) add(info.family === 'IPv6' ? `[${info.address}]` : info.address);
  } else {
    add(bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound);
    if (isLoopbackHost(bound)) for (const n of LOOPBACK_NAMES) add(n);
  }
  for (const h of extra) add(h);
  return names;
}

export function hostHeaderAllowed(header: string | undefined, names: Set<string>): boolean {
  if (!header) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (!m || !m[1]) return false;
  return names.has(m[1].toLowerCase());
}

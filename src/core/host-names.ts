// What a host name denotes: this machine, the LAN, or a deployed site (probe's warning, looksDeployed);
// and which Host headers a local server (the callback listener, the emulator's control API) answers.
// A DNS-rebinding page on evil.example whose name resolves to 127.0.0.1 sends `Host: evil.example`;
// only names that really denote this server are accepted. The port is not compared: behind an SSH
// tunnel (`ssh -L 9000:localhost:8080`) or a container port mapping the browser names another port,
// and the name is what a rebinding attack cannot fake. Pure: the machine's addresses are passed in.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];

/** This machine: `localhost` (any case), 127.x.x.x, `::1` (bracketed or not). ./domain.ts has the same test (test/core/domain.test.ts holds them to it). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** A host written in a sentence: an IPv6 address in brackets (`[::]`), as in a URL (ui/format.ts has the same for presenters). */
export function hostInText(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** RFC 1918 / link-local IPv4: where a phone on the same Wi-Fi can reach this machine. */
export function isPrivateLanHost(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

/** An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, as a dual-stack socket reports an IPv4 peer) as IPv4. */
export function unmappedIpv4(ip: string): string {
  return ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/**
 * A --host as typed, as the OS is to bind it: an IP address in brackets, as a URL writes an IPv6 one
 * (`[::1]`, `[::]`), without them; anything else as it is. Node's listen resolves `[::1]` as a name
 * (ENOTFOUND). listen and login (listener/plan.ts), proxy and the emulator read --host through it.
 */
export function bindHostOf(host: string): string {
  return /^\[?[0-9a-f:.]+(?:%[\w.-]+)?\]?$/i.test(host) ? host.replace(/^\[|\]$/g, '') : host;
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * Why a server listening on `host` (a --host as typed, brackets or not) could never be reached through a
 * URL, though the OS may let it bind:
 * - 'zoned': an IPv6 address with its interface (fe80::1%eth0, ::1%lo). No URL can name an interface
 *   (WHATWG URL, so browsers, WeChat and wxauth's own client, refuse http://[fe80::1%25eth0]/), so the
 *   base URL printed for it is one nothing can use;
 * - 'multicast': a multicast address (224.0.0.0/4, ff00::/8) or the IPv4 broadcast 255.255.255.255.
 *   A TCP connection goes to one machine's address, never to a group: Linux binds 224.0.0.1 all the
 *   same (and answers EINVAL for ff02::1), and no connection ever arrives.
 */
export function unreachableListenHost(host: string): 'zoned' | 'multicast' | undefined {
  const h = host.trim().replace(/^\[|\]$/g, '');
  if (/^[0-9a-f]*:[0-9a-f:.]*%./i.test(h)) return 'zoned';
  if (/^ff[0-9a-f]{2}:/i.test(h)) return 'multicast';
  const v4 = /^(\d{1,3})\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.exec(unmappedIpv4(h));
  if (v4 && ((Number(v4[1]) >= 224 && Number(v4[1]) <= 239) || unmappedIpv4(h) === '255.255.255.255')) return 'multicast';
  return undefined;
}

/**
 * Whether `host`:`port` (an upstream, or a forward proxy named in HTTPS_PROXY) is a server's own listening
 * address: bound to `self.host` on `self.port`. A loopback name reaches a loopback or wildcard bind; a
 * wildcard bind also answers on each of `own`, this machine's addresses. Forwarding there loops forever.
 */
export function isOwnAddress(host: string, port: number, self: { host: string; port: number; own?: readonly string[] }): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  const bound = self.host.replace(/^\[|\]$/g, '');
  const wildcard = isWildcardHost(bound);
  // A connection to 0.0.0.0 or :: reaches this machine as loopback does.
  const local = isLoopbackHost(h) || isWildcardHost(h);
  return port === self.port && (h === bound || (local && (isLoopbackHost(bound) || wildcard)) || (wildcard && (self.own ?? []).includes(h.toLowerCase())));
}

/**
 * `uri` parsed, when it has this protocol and a loopback or private-LAN host, or one of `machine` (this
 * machine's own addresses, public ones included: a cloud server's IP); host without IPv6 brackets.
 */
export function onThisMachineOrLan(uri: string | undefined, protocol: 'http:' | 'https:', machine: readonly string[] = []): { url: URL; host: string } | undefined {
  if (!uri) return undefined;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.protocol !== protocol) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isLoopbackHost(host) || isPrivateLanHost(host) || machine.includes(host) ? { url, host } : undefined;
}

/**
 * A redirect_uri the local callback listener can receive: http (it has no certificate) on a loopback or
 * private-LAN host, or on one of `machine` (this machine's addresses: a cloud server's public IP). listen
 * and login take their port and path from such a one; login refuses any other (listener/plan.ts), so
 * init and demo suggest login only for one of these.
 */
export function listenerCanReceive(uri: string | undefined, machine: readonly string[] = []): boolean {
  return onThisMachineOrLan(uri, 'http:', machine) !== undefined;
}

/** A redirect_uri (http or https) whose host is this machine itself: localhost, 127.x, ::1. */
export function isOnThisMachine(uri: string | undefined): boolean {
  const host = (onThisMachineOrLan(uri, 'http:') ?? onThisMachineOrLan(uri, 'https:'))?.host;
  return host !== undefined && isLoopbackHost(host);
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
    add(hostInText(bound));
    if (isLoopbackHost(bound)) for (const n of LOOPBACK_NAMES) add(n);
  }
  for (const h of extra) add(h);
  return names;
}

export function hostHeaderAllowed(header: string | undefined, names: ReadonlySet<string>): boolean {
  if (!header) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (!m || !m[1]) return false;
  return names.has(m[1].toLowerCase());
}

/**
 * Whether the app under test looks like a deployed site rather than a copy to test: a host with a dot
 * that is neither this machine, a LAN address, nor a name kept for local use (.localhost, .local,
 * .internal, .test, .lan, home.arpa). Single-label names (docker compose services) count as local.
 */
export function looksDeployed(target: string): boolean {
  let host: string;
  try {
    host = new URL(target).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  if (isLoopbackHost(host) || isPrivateLanHost(host)) return false;
  // IPv6: unique-local (fc00::/7) and link-local (fe80::/10) are a LAN's; any other address is public.
  if (host.includes(':')) return !/^(f[cd]|fe[89ab])/i.test(host);
  // 100.64.0.0/10: carrier-grade NAT, where VPN meshes (Tailscale) put a team's machines.
  const cgnat = /^100\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (cgnat && Number(cgnat[1]) >= 64 && Number(cgnat[1]) <= 127) return false;
  if (!host.includes('.')) return false;
  return !/\.(localhost|local|internal|test|lan|home\.arpa)$/.test(host);
}

/**
 * Two URLs (or origins) the same server answers: the same origin, or this machine under two names
 * (localhost, 127.0.0.1, [::1]) on one port. probe tells its emulator by it; a cached token its issuer.
 */
export function sameOrigin(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin || (x.protocol === y.protocol && x.port === y.port && isLoopbackHost(x.hostname) && isLoopbackHost(y.hostname));
  } catch {
    return false;
  }
}

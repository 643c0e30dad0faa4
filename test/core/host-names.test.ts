// The Host rules shared by the callback listener and the emulator's control API (DNS-rebinding guard).
import { describe, expect, it } from 'vitest';
import { acceptedHostNames, bindHostOf, hostHeaderAllowed, isOwnAddress, listenerCanReceive, unreachableListenHost } from '../../src/core/host-names.js';
import { planListener } from '../../src/listener/index.js';

const LAN = [
  { address: '192.168.1.20', family: 'IPv4' },
  { address: 'fe80::1', family: 'IPv6' },
];

describe('host names', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1:8080', true],
    ['127.0.0.1', 'localhost:8080', true],
    ['127.0.0.1', '[::1]:8080', true],
    ['127.0.0.1', 'evil.example', false],
    ['127.0.0.1', '192.168.1.20:8080', false],
    ['0.0.0.0', '192.168.1.20:8080', true],
    ['0.0.0.0', '[fe80::1]:8080', true],
    ['0.0.0.0', 'evil.example:8080', false],
    ['127.0.0.1', undefined, false],
    ['127.0.0.1', 'localhost:8080 evil', false],
  ] as const)('bound on %s, Host %s → %s', (bound, header, ok) => {
    expect(hostHeaderAllowed(header, acceptedHostNames(bound, LAN))).toBe(ok);
  });

  it('accepts the extra names the caller trusts (a LAN redirect_uri host)', () => {
    expect(hostHeaderAllowed('wx.test:3000', acceptedHostNames('127.0.0.1', [], ['wx.test']))).toBe(true);
  });
});

// init and demo suggest login only for a redirect_uri login accepts: the one predicate both use.
describe('listenerCanReceive', () => {
  it.each([
    ['http://127.0.0.1:8080/callback', true],
    ['http://localhost/cb', true],
    ['http://[::1]:3000/cb', true],
    ['http://192.168.1.20:8080/callback', true],
    ['https://127.0.0.1:8443/cb', false],
    ['https://www.example.com/wechat/callback', false],
    ['http://www.example.com/cb', false],
    ['not a url', false],
  ])('%s: %s, as login plans its listener', (uri, expected) => {
    expect(listenerCanReceive(uri)).toBe(expected);
    // This machine's own addresses change nothing for these.
    expect(listenerCanReceive(uri, ['203.0.113.5'])).toBe(expected);
    // login refuses exactly the redirect_uris planListener marks notLocal.
    expect(planListener({}, [uri], () => []).notLocal === undefined).toBe(expected);
  });
});

describe('listenerCanReceive with this machine’s addresses', () => {
  it('takes http on one of them (a cloud server’s public IP), never https, never another machine’s', () => {
    expect(listenerCanReceive('http://203.0.113.5:8080/cb', ['203.0.113.5'])).toBe(true);
    expect(listenerCanReceive('https://203.0.113.5:8443/cb', ['203.0.113.5'])).toBe(false);
    expect(listenerCanReceive('http://203.0.113.6:8080/cb', ['203.0.113.5'])).toBe(false);
    expect(planListener({}, ['http://203.0.113.5:8080/cb'], () => ['203.0.113.5']).notLocal).toBeUndefined();
  });
});

describe('isOwnAddress (proxy: an --upstream or HTTPS_PROXY that is the proxy itself)', () => {
  it('is the bound address and port, a loopback name for a loopback or wildcard bind, and this machine’s addresses for a wildcard bind', () => {
    expect(isOwnAddress('127.0.0.1', 3900, { host: '127.0.0.1', port: 3900 })).toBe(true);
    expect(isOwnAddress('localhost', 3900, { host: '127.0.0.1', port: 3900 })).toBe(true);
    expect(isOwnAddress('[::1]', 3900, { host: '0.0.0.0', port: 3900 })).toBe(true);
    expect(isOwnAddress('0.0.0.0', 3900, { host: '127.0.0.1', port: 3900 })).toBe(true);
    expect(isOwnAddress('192.168.1.5', 3900, { host: '0.0.0.0', port: 3900, own: ['192.168.1.5'] })).toBe(true);
    // Another port, or a loopback upstream while the proxy listens on a LAN address only: another server.
    expect(isOwnAddress('127.0.0.1', 3901, { host: '127.0.0.1', port: 3900 })).toBe(false);
    expect(isOwnAddress('127.0.0.1', 3900, { host: '192.168.1.5', port: 3900 })).toBe(false);
    expect(isOwnAddress('192.168.1.6', 3900, { host: '0.0.0.0', port: 3900, own: ['192.168.1.5'] })).toBe(false);
  });
});

// emulator, proxy and listen refuse these before listening (the OS binds some of them all the same).
describe('unreachableListenHost', () => {
  it.each([
    ['fe80::1%eth0', 'zoned'],
    ['[fe80::1%eth0]', 'zoned'],
    ['::1%lo', 'zoned'],
    ['FE80::1%25', 'zoned'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'multicast'],
    ['::ffff:224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['[FF05::2]', 'multicast'],
    ['127.0.0.1', undefined],
    ['0.0.0.0', undefined],
    ['::', undefined],
    ['::1', undefined],
    ['fe80::1', undefined],
    ['223.255.255.255', undefined],
    ['240.0.0.1', undefined],
    ['localhost', undefined],
    ['ffff.example', undefined],
  ] as const)('%s → %s', (host, verdict) => {
    expect(unreachableListenHost(host)).toBe(verdict);
  });
});

describe('bindHostOf: a --host as the OS binds it (listen, login, proxy, emulator)', () => {
  it.each([
    ['[::1]', '::1'],
    ['[::]', '::'],
    ['[fe80::1%eth0]', 'fe80::1%eth0'],
    ['::1', '::1'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['0.0.0.0', '0.0.0.0'],
    ['[host.example]', '[host.example]'],
  ])('%s → %s', (typed, bound) => {
    expect(bindHostOf(typed)).toBe(bound);
  });
});

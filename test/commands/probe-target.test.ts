// probe warns before forging callbacks to a host that looks deployed (core/host-names.ts looksDeployed).
import { describe, expect, it } from 'vitest';
import { looksDeployed } from '../../src/core/host-names.js';

describe('looksDeployed', () => {
  it.each([
    ['http://127.0.0.1:3000/login', false],
    ['http://localhost:3000/login', false],
    ['http://192.168.1.20/login', false],
    ['http://app:3000/login', false], // a compose service
    ['http://shop.test/login', false],
    ['http://shop.local/login', false],
    ['http://100.101.102.103/login', false], // a Tailscale machine (CGNAT range)
    ['http://[::1]:3000/login', false],
    ['http://[fd12:3456::1]/login', false],
    ['http://[fe80::1]/login', false],
    ['https://www.example.com/login', true],
    ['http://203.0.113.7/login', true],
    ['http://[2001:db8::1]/login', true],
  ])('%s → %s', (url, deployed) => {
    expect(looksDeployed(url)).toBe(deployed);
  });
});

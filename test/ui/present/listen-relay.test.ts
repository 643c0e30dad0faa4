// What `listen --relay-snippet` says to run next depends on the targets the page was written with: a
// listener asked to listen beyond loopback on a machine with no LAN address has only ?to=0.
import { describe, expect, it } from 'vitest';
import { Output } from '../../../src/ui/output.js';
import type { RelaySnippet } from '../../../src/commands/listen.js';
import { present } from '../../../src/ui/present/listen.js';

function said(result: RelaySnippet, lang: 'en' | 'zh'): string {
  let text = '';
  const stderr = { write: (chunk: string) => ((text += chunk), true) };
  const out = new Output({ lang, json: false, color: false, stdout: { write: () => true }, stderr });
  present(result, out);
  return text;
}

const base: RelaySnippet = {
  mode: 'relay',
  domain: 'www.example.com',
  targets: ['http://127.0.0.1:8080/callback'],
  redirectUri: 'https://www.example.com/wxauth-relay.html',
  html: '<html></html>',
  expiresAt: Date.now() + 3_600_000,
  now: Date.now(),
  host: '0.0.0.0',
  lan: true,
  onlyHost: false,
  inWechat: true,
  port: 8080,
  path: '/callback',
};

describe('listen --relay-snippet: the next step', () => {
  it('--host 0.0.0.0 with no LAN address: no ?to=1 advice, the page forwards to 127.0.0.1 only', () => {
    for (const lang of ['en', 'zh'] as const) {
      const text = said(base, lang);
      expect(text, lang).not.toContain('?to=1');
      expect(text, lang).toContain('wxauth listen --host 0.0.0.0 --port 8080 --path /callback');
    }
    expect(said(base, 'en')).toContain('This machine has no LAN address now');
    expect(said(base, 'zh')).toContain('这台机器现在没有局域网地址');
  });

  it('with a LAN target, ?to=N picks it', () => {
    const text = said({ ...base, targets: [...base.targets, 'http://192.0.2.2:8080/callback'] }, 'en');
    expect(text).toContain('https://www.example.com/wxauth-relay.html?to=1');
  });
});

// How proxy and emulator write the host they listen on inside a sentence: an IPv6 address in brackets,
// as in a URL ("listens on [::]: …", not "listens on ::: …").
import { describe, expect, it } from 'vitest';
import { Output } from '../../../src/ui/output.js';
import { proxyHooks } from '../../../src/ui/present/proxy.js';
import { emulatorHooks } from '../../../src/ui/present/emulator.js';

function sink(): { out: (lang: 'en' | 'zh') => Output; text: () => string } {
  let text = '';
  const s = { write: (chunk: string) => ((text += chunk), true) };
  return { out: (lang) => new Output({ lang, json: false, color: false, stdout: s as never, stderr: s as never }), text: () => text };
}

function proxySaid(lang: 'en' | 'zh', host: string, intercept = false): string {
  const s = sink();
  const hooks = proxyHooks(s.out(lang), { verbose: false });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:8000`;
  hooks.started({ url, upstream: 'https://api.weixin.qq.com', host, showSecrets: false, ...(intercept ? { intercept: { certPath: '/ca.pem', keyPath: '/ca.key', created: false, outdated: false, hosts: ['api.weixin.qq.com'] } } : {}) });
  hooks.flush();
  return s.text();
}

function emulatorSaid(lang: 'en' | 'zh', host: string): string {
  const s = sink();
  emulatorHooks(s.out(lang)).started({ url: 'http://[::]:3900', page: 'http://[::]:3900/', apps: [], users: [], host, faults: [], switches: {} });
  return s.text();
}

describe('the host proxy and emulator listen on, in their warning', () => {
  it('proxy --host :: says [::] (en and zh), with and without --intercept', () => {
    expect(proxySaid('en', '::')).toContain('The proxy listens on [::]: other machines on the network');
    expect(proxySaid('zh', '::')).toContain('代理监听在 [::]，');
    expect(proxySaid('en', '::', true)).toContain('The proxy listens on [::] with --intercept');
    expect(proxySaid('en', '0.0.0.0')).toContain('The proxy listens on 0.0.0.0: other machines');
  });

  it('emulator --host :: says [::] (en and zh)', () => {
    expect(emulatorSaid('en', '::')).toContain('The emulator listens on [::], so other machines');
    expect(emulatorSaid('zh', '::')).toContain('模拟器监听在 [::]，');
    expect(emulatorSaid('en', '0.0.0.0')).toContain('The emulator listens on 0.0.0.0, so');
  });
});

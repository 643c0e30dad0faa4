// The round trip: every URL `wxauth url` builds passes `wxauth inspect` cleanly and is accepted by the
// emulator's authorize / qrconnect endpoint over real HTTP; every URL `--force` builds on purpose is
// rejected by the emulator with the page `inspect` predicted. The emulator answers from WeChat's
// literal pages (src/emulator), written apart from inspect's rules, so agreement here is evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { parseCallbackUrl, looksLikeCode } from '../../src/core/callback-url.js';
import { parseJson, runCli, tempConfigDir } from './helpers.js';

interface Profile {
  name: string;
  type: string;
  appid: string;
  domain: string;
  redirect: string;
}

// Realistic callback domains: the emulator never follows the redirect, so they need not resolve.
const PROFILES: Profile[] = [
  { name: 'svc', type: 'service', appid: DEFAULT_APPIDS.service, domain: 'www.example.com', redirect: 'https://www.example.com/wx/callback?from=menu' },
  { name: 'test', type: 'test', appid: DEFAULT_APPIDS.test, domain: '82.157.150.202:7002', redirect: 'http://82.157.150.202:7002/cb' },
  { name: 'web', type: 'website', appid: DEFAULT_APPIDS.website, domain: 'passport.example.com', redirect: 'https://passport.example.com/login/callback' },
  { name: 'sub', type: 'subscription', appid: DEFAULT_APPIDS.subscription, domain: 'www.example.com', redirect: 'https://www.example.com/wx/callback' },
];

interface JsonFinding {
  id: string;
  severity: string;
  wechatPage?: Array<{ text: string; errcode?: number }>;
}

let emu: EmulatorHandle;
let dir: string;

const cli = (profile: string, args: string[]) =>
  runCli(['--profile', profile, '--open-base', emu.url, ...args], { env: { WXAUTH_CONFIG_DIR: dir } });

async function build(profile: string, args: string[]): Promise<{ url: string; state: string; iframe?: string; warnings: JsonFinding[] }> {
  const r = await cli(profile, ['url', '--json', ...args]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const doc = parseJson(r.stdout) as { url: string; state: string; warnings: JsonFinding[]; embed?: { iframeUrl: string } };
  return { url: doc.url, state: doc.state, iframe: doc.embed?.iframeUrl, warnings: doc.warnings };
}

async function inspect(profile: string, url: string): Promise<{ code: number | null; findings: JsonFinding[] }> {
  const r = await cli(profile, ['inspect', url, '--json']);
  const doc = parseJson(r.stdout) as { findings: JsonFinding[] };
  return { code: r.code, findings: doc.findings };
}

/** What the emulator answered: a redirect, a page without an error, or an error page. */
async function visit(url: string): Promise<{ status: number; location?: string; error?: { text: string; errcode?: number } }> {
  const res = await fetch(url, { redirect: 'manual' });
  const body = await res.text();
  const errmsg = /id="errmsg">([^<]*)</.exec(body)?.[1];
  const errcode = /data-errcode="(\d*)"/.exec(body)?.[1];
  return {
    status: res.status,
    location: res.headers.get('location') ?? undefined,
    error: errmsg === undefined ? undefined : { text: errmsg, errcode: errcode ? Number(errcode) : undefined },
  };
}

beforeAll(async () => {
  emu = await startEmulator({ domainOverrides: Object.fromEntries(PROFILES.map((p) => [p.appid, p.domain])) });
  dir = tempConfigDir();
  for (const p of PROFILES) {
    const secret = emu.apps.find((a) => a.appid === p.appid)?.secret ?? '';
    const r = await runCli(
      ['init', '--profile', p.name, '--type', p.type, '--appid', p.appid, '--secret', secret, '--domain', p.domain, '--redirect-uri', p.redirect, '-y'],
      { env: { WXAUTH_CONFIG_DIR: dir } },
    );
    expect(r.code, r.stderr).toBe(0);
  }
});

afterAll(async () => {
  await emu?.close();
});

describe('url → inspect → emulator: what url builds is accepted', () => {
  const good: Array<[string, string[], 'redirect' | 'page']> = [
    ['svc', [], 'redirect'],
    ['svc', ['--scope', 'snsapi_userinfo'], 'page'],
    ['svc', ['--scope', 'snsapi_userinfo', '--force-popup'], 'page'],
    ['svc', ['--state', 'Abc123'], 'redirect'],
    ['test', [], 'redirect'],
    ['test', ['--scope', 'snsapi_userinfo'], 'page'],
    ['web', [], 'page'],
    ['web', ['--lang', 'en'], 'page'],
  ];
  for (const [profile, args, expected] of good) {
    it(`${profile} ${args.join(' ') || '(defaults)'}`, async () => {
      const built = await build(profile, args);
      expect(built.warnings).toEqual([]);
      expect(built.url.startsWith(emu.url + '/connect/')).toBe(true);

      const inspected = await inspect(profile, built.url);
      expect(inspected.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(inspected.code).toBe(0);

      const answer = await visit(built.url);
      expect(answer.error).toBeUndefined();
      if (expected === 'page') {
        expect(answer.status).toBe(200);
        return;
      }
      expect(answer.status).toBe(302);
      const redirect = PROFILES.find((p) => p.name === profile)?.redirect ?? '';
      expect(answer.location?.startsWith(redirect)).toBe(true);
      const callback = parseCallbackUrl(answer.location ?? '');
      expect(callback.state).toBe(built.state);
      expect(looksLikeCode(callback.code ?? '')).toBe(true);
      // And the callback itself inspects as ours: the state url remembered comes back.
      const back = await inspect(profile, answer.location ?? '');
      expect(back.code).toBe(0);
      expect(back.findings.map((f) => f.id)).toContain('callback.state_ok');
    });
  }

  it('web --embed: the WxLogin iframe URL is accepted too', async () => {
    const built = await build('web', ['--embed']);
    expect(built.iframe).toBeDefined();
    const inspected = await inspect('web', built.iframe ?? '');
    expect(inspected.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const answer = await visit(built.iframe ?? '');
    expect(answer.status).toBe(200);
    expect(answer.error).toBeUndefined();
  });
});

describe('url --force → emulator: rejected with the page inspect predicted', () => {
  const forced: Array<[string, string[], string]> = [
    ['svc', ['--scope', 'snsapi_login'], 'scope.login_on_authorize'],
    ['svc', ['--scope', 'snsapi_privateinfo'], 'scope.unknown'],
    ['web', ['--scope', 'snsapi_userinfo'], 'scope.oa_on_qrconnect'],
    ['svc', ['--redirect-uri', 'https://api.example.org/wx/callback'], 'domain.host'],
    ['svc', ['--redirect-uri', 'https://example.com/wx/callback'], 'domain.parent'],
    ['svc', ['--redirect-uri', 'https://m.www.example.com/wx/callback'], 'domain.subdomain'],
    ['svc', ['--redirect-uri', 'https://www.example.com:8443/wx/callback'], 'domain.port'],
    ['test', ['--redirect-uri', 'http://82.157.150.202:7003/cb'], 'domain.port'],
    ['web', ['--redirect-uri', 'https://www.example.com/login/callback'], 'domain.host'],
    ['svc', ['--redirect-uri', 'ftp://www.example.com/wx/callback'], 'redirect_uri.bad_scheme'],
    ['svc', ['--state', 'a'.repeat(129)], 'state.too_long'],
    ['web', ['--authorize', '--scope', 'snsapi_base'], 'appid.website_on_authorize'],
    ['svc', ['--qrconnect'], 'appid.oa_on_qrconnect'],
    // init keeps no callback settings for a subscription account (it has no web-auth rights).
    ['sub', ['--redirect-uri', 'https://www.example.com/wx/callback'], 'appid.subscription'],
  ];
  for (const [profile, args, id] of forced) {
    it(`${profile} ${args.join(' ').slice(0, 60)} → ${id}`, async () => {
      const refused = await cli(profile, ['url', ...args]);
      expect(refused.code).toBe(2);

      const built = await build(profile, [...args, '--force']);
      expect(built.warnings.map((w) => w.id)).toEqual([id]);

      const inspected = await inspect(profile, built.url);
      expect(inspected.code).toBe(1);
      const errors = inspected.findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.id)).toEqual([id]);
      const predicted = errors[0]?.wechatPage ?? [];
      expect(predicted.length).toBeGreaterThan(0);

      const answer = await visit(built.url);
      expect(answer.status).toBe(200);
      expect(answer.error, `emulator accepted ${built.url}`).toBeDefined();
      const matches = predicted.some(
        (p) => answer.error?.text.includes(p.text) && (p.errcode === undefined || p.errcode === answer.error?.errcode),
      );
      expect(matches, `emulator said ${JSON.stringify(answer.error)}; inspect predicted ${JSON.stringify(predicted)}`).toBe(true);
    });
  }
});

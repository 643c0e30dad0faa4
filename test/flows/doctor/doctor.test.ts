// The doctor flow in-process, over real sockets: the emulator as WeChat (--api-base), local https and
// http sites with certificates made here, --connect-to aiming www.example.com at them, an injected
// resolver and clock, and the test CA trusted through the flow's `ca` option (NODE_EXTRA_CA_CERTS is
// only read at process start; test/e2e/doctor.test.ts proves that path with a spawned run).
import { tr } from '../../../src/ui/i18n.js';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPIDS, defaultSeed, startEmulator, type EmulatorHandle, type Seed } from '../../../src/emulator/index.js';
import { runDoctor, type DoctorDeps } from '../../../src/flows/doctor/index.js';
import { parseConnectTo } from '../../../src/core/doctor.js';
import type { CheckId, ConnectRule, DoctorReport } from '../../../src/core/doctor.js';
import { resolveConfig } from '../../../src/store/resolve.js';
import type { AccountType } from '../../../src/core/validate.js';
import { issue, makeCa, startConnectProxy, startHttpSite, startHttpsSite, type Site, type TestCa } from './fixtures.js';

const SERVICE = { appid: DEFAULT_APPIDS.service, secret: '5e1ec0de5e1ec0de5e1ec0de00000001' };
const WHITELISTED = { appid: 'wx5e1ec0de000000a1', secret: '5e1ec0de5e1ec0de5e1ec0de000000a1' };
const WHITELISTED_WEB = { appid: 'wx5e1ec0de000000a3', secret: '5e1ec0de5e1ec0de5e1ec0de000000a3' };
const CALLER_IP = '218.58.124.130';
const DOMAIN = 'www.example.com';
const VERIFY = { name: 'MP_verify_Tok123abc.txt' };

const GOOD_ROUTES = () => ({
  '/MP_verify_Tok123abc.txt': { status: 200, body: 'Tok123abc' },
  '/wechat/callback': { status: 400, body: 'missing code' },
});

let emu: EmulatorHandle;
let ca: TestCa;
const sites: Record<'good' | 'expiring' | 'expired' | 'wrongName' | 'selfSigned' | 'selfSignedWrongName' | 'expiredWrongName' | 'untrustedWrongName', Site> = {} as never;
let plain: Site;
/** A loopback port nothing listens on. */
let closedPort: number;

async function unusedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const seed: Seed = defaultSeed();
  seed.apps.push({ ...WHITELISTED, type: 'service', name: 'whitelisted', verified: true, domain: 'localhost', ipWhitelist: ['203.0.113.10'] });
  seed.apps.push({ ...WHITELISTED_WEB, type: 'website', name: 'whitelisted web', verified: true, domain: 'localhost', ipWhitelist: ['203.0.113.10'] });
  emu = await startEmulator({ seed, switches: { callerIp: CALLER_IP } });
  ca = makeCa();
  sites.good = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), GOOD_ROUTES());
  sites.expiring = await startHttpsSite(issue({ names: [DOMAIN], toDays: 5, ca }), GOOD_ROUTES());
  sites.expired = await startHttpsSite(issue({ names: [DOMAIN], fromDays: -100, toDays: -1, ca }), GOOD_ROUTES());
  sites.wrongName = await startHttpsSite(issue({ names: ['other.example.org'], toDays: 90, ca }), GOOD_ROUTES());
  sites.selfSigned = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90 }), GOOD_ROUTES());
  sites.selfSignedWrongName = await startHttpsSite(issue({ names: ['other.example.org'], toDays: 90 }), GOOD_ROUTES());
  sites.expiredWrongName = await startHttpsSite(issue({ names: ['other.example.org'], fromDays: -100, toDays: -1, ca }), GOOD_ROUTES());
  // Issued by a CA doctor is not told to trust: UNABLE_TO_VERIFY_LEAF_SIGNATURE.
  sites.untrustedWrongName = await startHttpsSite(issue({ names: ['other.example.org'], toDays: 90, ca: makeCa('wxauth untrusted test CA') }), GOOD_ROUTES());
  plain = await startHttpSite(GOOD_ROUTES());
  closedPort = await unusedPort();
}, 60_000);

afterAll(async () => {
  await Promise.all([emu?.close(), ...Object.values(sites).map((s) => s.close()), plain?.close()]);
});

const rules = (...specs: string[]): ConnectRule[] => specs.map((s) => parseConnectTo(s)!);
const to = (site: Site | number, port = 443) => `${DOMAIN}:${port}:127.0.0.1:${typeof site === 'number' ? site : site.port}`;

interface Run {
  env?: Record<string, string>;
  connectTo?: string[];
  verify?: { name: string; content?: string } | null;
  deps?: Partial<DoctorDeps>;
  app?: { appid: string; secret: string };
  /** Save appid, secret and type in a profile of this name (the rest stays in WXAUTH_*), instead of WXAUTH_APPID/SECRET. */
  profile?: { name: string; type: AccountType };
}

const looked: string[] = [];

async function doctor(run: Run = {}): Promise<DoctorReport> {
  const app = run.app ?? SERVICE;
  const saved = run.profile;
  const config = resolveConfig({
    globals: saved ? { profile: saved.name } : {},
    env: {
      WXAUTH_API_BASE: emu.url,
      ...(saved ? {} : { WXAUTH_APPID: app.appid, WXAUTH_SECRET: app.secret, WXAUTH_TYPE: 'service' }),
      WXAUTH_DOMAIN: DOMAIN,
      WXAUTH_REDIRECT_URI: `https://${DOMAIN}/wechat/callback`,
      ...run.env,
    },
    profiles: saved ? { [saved.name]: { appid: app.appid, secret: app.secret, type: saved.type } } : {},
  });
  return runDoctor(
    {
      config,
      connectTo: rules(...(run.connectTo ?? [to(sites.good), to(plain, 80)])),
      ...(run.verify === null ? {} : { verify: run.verify ?? VERIFY }),
    },
    {
      now: () => Date.now(),
      timeoutMs: 5_000,
      proxy: { httpProxy: '', httpsProxy: '', noProxy: '' },
      showProxy: (p) => p,
      openTokenStore: async () => ({ getBasic: () => undefined, listUsers: () => [] }),
      lookup: async (host) => {
        looked.push(host);
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
      ca: ca.certPem,
      ...run.deps,
    },
  );
}

const byId = (report: DoctorReport, id: CheckId) => {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};

describe('doctor flow: a healthy deployment', () => {
  it('passes every check, with evidence, and exit code 0', async () => {
    looked.length = 0;
    const report = await doctor();
    const statuses = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(statuses).toEqual({
      profile: 'ok',
      authorize: 'ok',
      domain: 'ok',
      'token-cache': 'ok',
      node: 'ok',
      proxy: 'ok',
      'connect-to': 'ok',
      'dns.api': 'ok',
      'dns.callback': 'ok',
      'verify-file': 'ok',
      // No JS-safe domains in this profile.
      'js-domains': 'skip',
      redirect: 'ok',
      tls: 'ok',
      scheme: 'ok',
      credentials: 'ok',
      clock: 'ok',
    });
    expect(report.exitCode).toBe(0);
    // The mapped callback host is not looked up (the resolver would have failed it); the API base is an IP.
    expect(looked).toEqual([]);
    expect(byId(report, 'dns.callback').evidence).toMatchObject({ host: DOMAIN, mappedTo: `127.0.0.1:${sites.good.port}`, lookedUp: false });
    expect(byId(report, 'dns.api').message).toMatchObject({ key: 'doctor.dns.ip' });
    expect(byId(report, 'tls').evidence).toMatchObject({ issuer: 'wxauth doctor test CA, wxauth tests', names: DOMAIN, verifyError: null });
    expect(Number(byId(report, 'tls').evidence.daysLeft)).toBeGreaterThanOrEqual(88);
    expect(byId(report, 'verify-file').evidence).toMatchObject({ answeredBy: 'https', https: '200' });
    expect(byId(report, 'redirect').evidence).toMatchObject({ status: 400 });
    // SNI and Host carry the real name, not the --connect-to target.
    expect(sites.good.hits.map((h) => h.host)).toContain(DOMAIN);
  });

  it('calls POST /cgi-bin/stable_token, never /cgi-bin/token', async () => {
    const before = emu.requests().length;
    await doctor();
    const paths = emu.requests().slice(before).map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain('POST /cgi-bin/stable_token');
    expect(paths.some((p) => p.endsWith('/cgi-bin/token'))).toBe(false);
  });
});

describe('doctor flow: the certificate', () => {
  it('warns (exit 0) when it expires within 14 days', async () => {
    const report = await doctor({ connectTo: [to(sites.expiring), to(plain, 80)] });
    const tls = byId(report, 'tls');
    expect(tls.status).toBe('warn');
    expect(tls.message).toMatchObject({ key: 'doctor.tls.expiring' });
    expect(Number(tls.evidence.daysLeft)).toBeLessThanOrEqual(5);
    expect(tls.fix).toMatchObject({ key: 'doctor.tls.expiring.fix' });
    expect(report.exitCode).toBe(0);
  });

  it('fails an expired one, naming the day it expired', async () => {
    const report = await doctor({ connectTo: [to(sites.expired), to(plain, 80)] });
    const tls = byId(report, 'tls');
    expect(tls.status).toBe('fail');
    expect(tls.message).toMatchObject({ key: 'doctor.tls.expired' });
    expect(tls.evidence.verifyError).toBe('CERT_HAS_EXPIRED');
    expect(report.exitCode).toBe(1);
  });

  it('fails one for another name, listing the names it is for', async () => {
    const report = await doctor({ connectTo: [to(sites.wrongName), to(plain, 80)] });
    const tls = byId(report, 'tls');
    expect(tls.status).toBe('fail');
    expect(tls.message).toMatchObject({ key: 'doctor.tls.name', params: { host: DOMAIN, names: ['other.example.org'] } });
    expect(tls.evidence.verifyError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('fails a self-signed one', async () => {
    const report = await doctor({ connectTo: [to(sites.selfSigned), to(plain, 80)] });
    const tls = byId(report, 'tls');
    expect(tls.status).toBe('fail');
    expect(tls.message).toMatchObject({ key: 'doctor.tls.selfSigned' });
    expect(tls.evidence.verifyError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('fails a self-signed one for another name as both: Node reports only the self-signing, the name is checked anyway', async () => {
    const report = await doctor({ connectTo: [to(sites.selfSignedWrongName), to(plain, 80)] });
    const tls = byId(report, 'tls');
    expect(tls.status).toBe('fail');
    expect(tls.message).toMatchObject({ key: 'doctor.tls.selfSignedName', params: { host: DOMAIN, names: ['other.example.org'] } });
    // A service account: the certificate's fix alone ("a test account can use an http callback" was offered to it).
    expect(tls.fix).toEqual({ key: 'doctor.tls.selfSignedName.certOnly.fix', params: { host: DOMAIN } });
    expect(tls.evidence).toMatchObject({ verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT', forName: false });
    expect(tr('en', tls.message)).toBe(`The certificate of ${DOMAIN} is self-signed (other.example.org) and not for that name (it names other.example.org): phones and WeChat do not trust it.`);
    expect(tr('zh', tls.message)).toBe(`${DOMAIN} 的证书是自签名的（other.example.org），而且不是为这个名字签发的（证书上是 other.example.org）：手机和微信不信任它。`);
    expect(tr('zh', tls.fix!)).toContain(`为 ${DOMAIN} 换一张公开 CA 签发的证书`);
    expect(tr('zh', tls.fix!)).not.toContain('测试号');
    expect(tr('en', tls.fix!)).not.toContain('test account');
  });

  // The account type decides whether the tls line offers an http callback: only a test account's does.
  it('offers an http callback beside the certificate fix to a test account only', async () => {
    const fixOf = async (type: AccountType, site: Site) => byId(await doctor({ profile: { name: `t-${type}`, type }, connectTo: [to(site), to(plain, 80)] }), 'tls').fix;
    expect(await fixOf('test', sites.selfSigned)).toEqual({ key: 'doctor.tls.selfSigned.testAccount.fix' });
    expect(await fixOf('test', sites.selfSignedWrongName)).toEqual({ key: 'doctor.tls.selfSignedName.testAccount.fix', params: { host: DOMAIN } });
    for (const type of ['service', 'website'] as const) {
      expect(await fixOf(type, sites.selfSigned), type).toEqual({ key: 'doctor.tls.selfSigned.certOnly.fix' });
    }
  });

  it('fails an expired one for another name as both: Node reports only the expiry, the name is checked anyway', async () => {
    const report = await doctor({ connectTo: [to(sites.expiredWrongName), to(plain, 80)] });
    const tls = byId(report, 'tls');
    expect(tls.status).toBe('fail');
    expect(tls.message).toMatchObject({ key: 'doctor.tls.expiredName', params: { host: DOMAIN, names: ['other.example.org'] } });
    expect(tls.fix).toMatchObject({ key: 'doctor.tls.expiredName.fix', params: { host: DOMAIN } });
    expect(tls.evidence).toMatchObject({ verifyError: 'CERT_HAS_EXPIRED', forName: false });
    const expires = String(tls.evidence.validTo).slice(0, 10);
    expect(tr('en', tls.message)).toBe(`The certificate of ${DOMAIN} expired ${expires} and is not for that name (it names other.example.org): WeChat’s browser will stop the callback.`);
    expect(tr('zh', tls.message)).toBe(`${DOMAIN} 的证书已于 ${expires} 过期，而且不是为这个名字签发的（证书上是 other.example.org）：微信内置浏览器会拦下回调。`);
    expect(tr('en', tls.fix!)).toContain(`new certificate for ${DOMAIN}`);
    expect(report.exitCode).toBe(1);
  });

  it('fails an untrusted one for another name as both', async () => {
    const report = await doctor({ connectTo: [to(sites.untrustedWrongName), to(plain, 80)] });
    const tls = byId(report, 'tls');
    expect(tls.status).toBe('fail');
    expect(tls.message).toMatchObject({ key: 'doctor.tls.untrustedName', params: { host: DOMAIN, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', names: ['other.example.org'] } });
    expect(tls.fix).toMatchObject({ key: 'doctor.tls.untrustedName.fix', params: { host: DOMAIN } });
    expect(tls.evidence).toMatchObject({ forName: false });
    expect(tr('en', tls.message)).toBe(`The certificate of ${DOMAIN} is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE, issued by wxauth untrusted test CA, wxauth tests) and not for that name (it names other.example.org).`);
    expect(tr('zh', tls.message)).toBe(`${DOMAIN} 的证书不受信任（UNABLE_TO_VERIFY_LEAF_SIGNATURE，签发者 wxauth untrusted test CA, wxauth tests），而且不是为这个名字签发的（证书上是 other.example.org）。`);
    expect(tr('zh', tls.fix!)).toContain(`为 ${DOMAIN} 换一张公开 CA 签发的证书`);
  });

  it('does not trust the test CA unless told to (Node’s own roots only)', async () => {
    const report = await doctor({ deps: { ca: undefined } });
    const tls = byId(report, 'tls');
    expect(tls.status).toBe('fail');
    expect(tls.message).toMatchObject({ key: 'doctor.tls.untrusted' });
  });
});

describe('doctor flow: the JS-safe domains', () => {
  const H5 = 'h5.example.com';
  const toH5 = (site: Site | number, port = 443) => `${H5}:${port}:127.0.0.1:${typeof site === 'number' ? site : site.port}`;

  it('checks the verify file at the root of each JS-safe domain but the callback’s; names the first that does not serve it', async () => {
    const h5 = await startHttpsSite(issue({ names: [H5], toDays: 90, ca }), { '/MP_verify_Tok123abc.txt': { status: 404 } });
    try {
      const report = await doctor({ env: { WXAUTH_JS_DOMAINS: `${DOMAIN},${H5}` }, connectTo: [to(sites.good), to(plain, 80), toH5(h5), toH5(closedPort, 80)] });
      const js = byId(report, 'js-domains');
      expect(js.status).toBe('fail');
      expect(js.message).toMatchObject({ key: 'doctor.jsDomains.one', params: { domain: H5, detail: { key: 'doctor.verify.status.also' } } });
      expect(js.fix).toMatchObject({ key: 'doctor.verify.upload.fix', params: { domain: H5 } });
      expect(js.evidence).toMatchObject({ checked: H5, sameAsCallback: DOMAIN });
      // The callback domain's own file is verify-file's to judge, and it is served.
      expect(byId(report, 'verify-file').status).toBe('ok');
    } finally {
      await h5.close();
    }
  });

  it('fails a JS-safe domain whose https certificate is not for its name (a phone would not open its pages), though its file is served', async () => {
    // The callback's certificate, for www.example.com only, served for h5.example.com too.
    const report = await doctor({ env: { WXAUTH_JS_DOMAINS: H5 }, connectTo: [to(sites.good), to(plain, 80), toH5(sites.good)] });
    const js = byId(report, 'js-domains');
    expect(js.status).toBe('fail');
    expect(js.message).toMatchObject({ key: 'doctor.jsDomains.one', params: { domain: H5, detail: { key: 'doctor.tls.name', params: { host: H5 } } } });
    expect(js.fix).toMatchObject({ key: 'doctor.tls.name.fix', params: { host: H5 } });
    // Self-signed and for another name: the certificate's fix alone (a JS-safe domain is no callback to make http).
    const selfSigned = await doctor({ env: { WXAUTH_JS_DOMAINS: H5 }, connectTo: [to(sites.good), to(plain, 80), toH5(sites.selfSigned)] });
    expect(byId(selfSigned, 'js-domains').fix).toEqual({ key: 'doctor.tls.selfSignedName.certOnly.fix', params: { host: H5 } });
    // A JS-safe domain on http only (no https at all): its pages are http, its certificate is not judged.
    const httpOnly = await doctor({ env: { WXAUTH_JS_DOMAINS: H5 }, connectTo: [to(sites.good), to(plain, 80), toH5(closedPort), toH5(plain, 80)] });
    expect(byId(httpOnly, 'js-domains').status).toBe('ok');
  });

  it('passes when every one serves it, is skipped when the only one is the callback domain or none is set', async () => {
    const h5 = await startHttpsSite(issue({ names: [H5], toDays: 90, ca }), GOOD_ROUTES());
    try {
      const ok = await doctor({ env: { WXAUTH_JS_DOMAINS: H5 }, connectTo: [to(sites.good), to(plain, 80), toH5(h5)] });
      expect(byId(ok, 'js-domains')).toMatchObject({ status: 'ok', message: { key: 'doctor.jsDomains.ok.one', params: { domain: H5 } } });
    } finally {
      await h5.close();
    }
    expect(byId(await doctor({ env: { WXAUTH_JS_DOMAINS: DOMAIN } }), 'js-domains')).toMatchObject({ status: 'skip', message: { key: 'doctor.jsDomains.same' } });
    expect(byId(await doctor(), 'js-domains')).toMatchObject({ status: 'skip', message: { key: 'doctor.jsDomains.none' }, fix: { key: 'doctor.jsDomains.none.fix' } });
  });
});

describe('doctor flow: the verify file', () => {
  it('fails when neither https nor http serves it, saying what each answered', async () => {
    const report = await doctor({ verify: { name: 'MP_verify_Absent999.txt' } });
    const v = byId(report, 'verify-file');
    expect(v.status).toBe('fail');
    expect(v.message).toMatchObject({ key: 'doctor.verify.status.also', params: { url: `https://${DOMAIN}/MP_verify_Absent999.txt`, status: 404, also: { key: 'doctor.verify.also', params: { url: `http://${DOMAIN}/MP_verify_Absent999.txt`, answer: '404' } } } });
    expect(v.evidence).toMatchObject({ https: '404', http: '404' });
    expect(v.fix).toMatchObject({ key: 'doctor.verify.upload.fix', params: { domain: DOMAIN, name: 'MP_verify_Absent999.txt', url: `https://${DOMAIN}/MP_verify_Absent999.txt` } });
  });

  it('says a plain-http server on 443 as a TLS handshake that failed, not as out of reach, beside http\'s 404 (en and zh)', async () => {
    const site = await startHttpSite({});
    try {
      const report = await doctor({ verify: { name: 'MP_verify_Absent999.txt' }, connectTo: [to(site), to(site, 80)] });
      const v = byId(report, 'verify-file');
      expect(v.message).toMatchObject({ key: 'doctor.verify.status.also', params: { status: 404, also: { key: 'doctor.verify.also.tlsFailed', params: { error: 'EPROTO' } } } });
      expect(tr('en', v.message)).toContain(`(https://${DOMAIN}/MP_verify_Absent999.txt took the connection, but the TLS handshake failed (EPROTO))`);
      expect(tr('zh', v.message)).toContain(`（https://${DOMAIN}/MP_verify_Absent999.txt 连上了，但 TLS 握手失败（EPROTO））`);
    } finally {
      await site.close();
    }
  });

  it('fails a 200 with other content (an SPA index page), quoting what came', async () => {
    const site = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), { '/MP_verify_Tok123abc.txt': { status: 200, body: '<!doctype html><div id="app"></div>' } });
    try {
      const report = await doctor({ connectTo: [to(site), to(closedPort, 80)] });
      const v = byId(report, 'verify-file');
      expect(v.status).toBe('fail');
      expect(v.message).toMatchObject({ key: 'doctor.verify.content', params: { expected: 'Tok123abc' } });
      expect(String(v.evidence.got)).toContain('<!doctype html>');
    } finally {
      await site.close();
    }
  });

  it('a redirect instead of the file is a warning naming where it goes (whether WeChat follows one is not documented)', async () => {
    const site = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), { '/MP_verify_Tok123abc.txt': { status: 302, headers: { location: `https://${DOMAIN}/static/MP_verify_Tok123abc.txt` } } });
    try {
      const report = await doctor({ connectTo: [to(site), to(closedPort, 80)] });
      const v = byId(report, 'verify-file');
      expect(v.status).toBe('warn');
      expect(v.message).toMatchObject({ key: 'doctor.verify.redirect.also', params: { status: 302, location: `https://${DOMAIN}/static/MP_verify_Tok123abc.txt` } });
      // The http attempt that took no connection is said in words, as the other unreached checks say it, not as a bare ECONNREFUSED.
      expect(tr('en', v.message)).toContain(`(http://${DOMAIN}/MP_verify_Tok123abc.txt could not be reached: connection refused (ECONNREFUSED))`);
      expect(tr('zh', v.message)).toContain(`（http://${DOMAIN}/MP_verify_Tok123abc.txt 连不上：连接被拒绝（ECONNREFUSED））`);
      expect(v.fix).toMatchObject({ key: 'doctor.verify.upload.fix' });
    } finally {
      await site.close();
    }
  });

  it('http redirecting to the https URL that did not serve the file fails (it leads nowhere either way)', async () => {
    const http = await startHttpSite({ '/MP_verify_Tok123abc.txt': { status: 301, headers: { location: `https://${DOMAIN}/MP_verify_Tok123abc.txt` } } });
    try {
      // https takes no connection; http sends the check there.
      const report = await doctor({ connectTo: [to(closedPort), to(http, 80)] });
      const v = byId(report, 'verify-file');
      expect(v.status).toBe('fail');
      expect(v.message).toMatchObject({ key: 'doctor.verify.status.also', params: { status: 301, url: `http://${DOMAIN}/MP_verify_Tok123abc.txt` } });
    } finally {
      await http.close();
    }
  });

  // "✔ verify-file … answers 200 with the right content" stood above "✖ tls … self-signed": the GET
  // takes any certificate. Whether WeChat's check does is not documented: a warning, saying why.
  it('a file served on https alone, on a certificate the tls check refuses, warns saying so; served over http too, it passes saying that', async () => {
    const alone = await doctor({ connectTo: [to(sites.selfSigned), to(closedPort, 80)] });
    expect(byId(alone, 'tls').status).toBe('fail');
    expect(byId(alone, 'verify-file')).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.verify.okUntrusted', params: { url: `https://${DOMAIN}/${VERIFY.name}`, detail: { key: 'doctor.tls.selfSigned', params: { host: DOMAIN } } } },
      fix: { key: 'doctor.verify.untrusted.fix', params: { name: VERIFY.name, http: `http://${DOMAIN}/${VERIFY.name}` } },
    });
    const both = await doctor({ connectTo: [to(sites.selfSigned), to(plain, 80)] });
    expect(byId(both, 'verify-file')).toMatchObject({ status: 'ok', message: { key: 'doctor.verify.okHttpCert', params: { url: `http://${DOMAIN}/${VERIFY.name}`, https: `https://${DOMAIN}/${VERIFY.name}` } } });
    // An http redirect_uri has no tls line: the fix says what the tls check would.
    const noTlsLine = await doctor({ env: { WXAUTH_REDIRECT_URI: `http://${DOMAIN}/wechat/callback` }, connectTo: [to(sites.expired), to(closedPort, 80)] });
    expect(byId(noTlsLine, 'verify-file')).toMatchObject({
      status: 'warn',
      message: { key: 'doctor.verify.okUntrusted', params: { detail: { key: 'doctor.tls.expired' } } },
      fix: { key: 'doctor.verify.untrusted.unchecked.fix', params: { tlsFix: { key: 'doctor.tls.expired.fix' } } },
    });
    // A valid certificate: passes on https, as before.
    expect(byId(await doctor(), 'verify-file')).toMatchObject({ status: 'ok', message: { key: 'doctor.verify.ok' } });
  });

  it('compares with the local file when one was given', async () => {
    const report = await doctor({ verify: { name: 'MP_verify_Tok123abc.txt', content: 'SomethingElse\n' } });
    const v = byId(report, 'verify-file');
    expect(v.status).toBe('fail');
    expect(v.message).toMatchObject({ key: 'doctor.verify.content', params: { expected: 'SomethingElse', got: 'Tok123abc' } });
    expect(v.evidence.comparedWith).toBe('local file');
  });

  it('falls back to http and says that http answered', async () => {
    const site = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), { '/wechat/callback': { status: 400 } });
    try {
      const report = await doctor({ connectTo: [to(site), to(plain, 80)] });
      const v = byId(report, 'verify-file');
      expect(v.status).toBe('ok');
      expect(v.message).toMatchObject({ key: 'doctor.verify.okHttp', params: { url: `http://${DOMAIN}/MP_verify_Tok123abc.txt`, https: '404' } });
      expect(v.evidence.answeredBy).toBe('http');
    } finally {
      await site.close();
    }
  });

  it('is skipped, with how to enable it, without a name; and not needed for test accounts', async () => {
    const none = byId(await doctor({ verify: null }), 'verify-file');
    expect(none).toMatchObject({ status: 'skip', message: { key: 'doctor.verify.noName' }, fix: { key: 'doctor.verify.noName.fix' } });
    const test = byId(await doctor({ env: { WXAUTH_TYPE: 'test' } }), 'verify-file');
    expect(test).toMatchObject({ status: 'skip', message: { key: 'doctor.verify.notNeeded', params: { type: { key: 'account.type.test' } } }, evidence: { type: 'test' } });
    // Said with the account type's name, in either language.
    expect(tr('zh', test.message)).toBe('跳过：测试号的回调域名不需要 MP_verify 校验文件。');
    expect(tr('en', test.message)).toBe('Skipped: a test account’s callback domain needs no MP_verify file.');
  });
});

describe('doctor flow: the redirect_uri and its scheme', () => {
  it('fails a redirect_uri that answers 500', async () => {
    const site = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), { ...GOOD_ROUTES(), '/wechat/callback': { status: 500, body: 'TypeError: cannot read code' } });
    try {
      const report = await doctor({ connectTo: [to(site), to(plain, 80)] });
      const r = byId(report, 'redirect');
      expect(r.status).toBe('fail');
      expect(r.message).toMatchObject({ key: 'doctor.redirect.5xx', params: { url: `https://${DOMAIN}/wechat/callback`, status: 500 } });
      expect(report.exitCode).toBe(1);
    } finally {
      await site.close();
    }
  });

  it('reports a redirect without following it', async () => {
    const site = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), { ...GOOD_ROUTES(), '/wechat/callback': { status: 302, headers: { location: '/login' } } });
    try {
      const r = byId(await doctor({ connectTo: [to(site), to(plain, 80)] }), 'redirect');
      expect(r).toMatchObject({ status: 'ok', message: { key: 'doctor.redirect.okRedirect', params: { status: 302, location: '/login' } } });
      expect(site.hits.filter((h) => h.path === '/login')).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('fails a callback whose redirect to its own path drops the query (the code and state are lost), not one that keeps it or goes elsewhere', async () => {
    const slash = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), { ...GOOD_ROUTES(), '/wechat/callback': { status: 301, headers: { location: `https://${DOMAIN}/wechat/callback/` } } });
    try {
      const r = byId(await doctor({ connectTo: [to(slash), to(plain, 80)] }), 'redirect');
      expect(r).toMatchObject({ status: 'fail', message: { key: 'doctor.redirect.dropsQuery', params: { status: 301, location: `https://${DOMAIN}/wechat/callback/` } } });
      expect(r.fix).toMatchObject({ key: 'doctor.redirect.dropsQuery.fix' });
      // Fetched once as is and once as a refusal's callback would be (a state, never a code), and the
      // address the fix names once, to see that it does not redirect back.
      expect(slash.hits.map((h) => h.path).filter((p) => p.startsWith('/wechat/'))).toEqual(['/wechat/callback', '/wechat/callback?state=wxauthdoctor', '/wechat/callback/']);
    } finally {
      await slash.close();
    }
    // The form it keeps the query to answers as a callback does without a code (where it lands is judged too).
    const keeps = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), {
      ...GOOD_ROUTES(),
      '/wechat/callback': { status: 301, headers: { location: '/wechat/callback/{query}' } },
      '/wechat/callback/': { status: 400, body: 'missing code' },
    });
    try {
      expect(byId(await doctor({ connectTo: [to(keeps), to(plain, 80)] }), 'redirect')).toMatchObject({ status: 'ok', message: { key: 'doctor.redirect.okFollowed', params: { location: '/wechat/callback/', end: 'https://www.example.com/wechat/callback/?state=wxauthdoctor' } } });
    } finally {
      await keeps.close();
    }
  });

  // The GETs take any certificate: an http callback sent to an https whose certificate is self-signed
  // or expired got "use the https callback", and the example dropped the port it is sent to.
  it('an http redirect_uri bounced to https on a certificate the tls check refuses: the certificate first; on :8443, the port kept', async () => {
    const site = await startHttpSite({
      '/wechat/callback': { status: 301, headers: { location: `https://${DOMAIN}/wechat/callback` } },
      '/port': { status: 301, headers: { location: `https://${DOMAIN}:8443/port` } },
    });
    const env = (path: string) => ({ WXAUTH_REDIRECT_URI: `http://${DOMAIN}${path}` });
    try {
      // The certificate's own fix, without the http alternative a test account's tls line offers: this callback is http already.
      for (const [bad, detail, tlsFix] of [[sites.selfSigned, 'doctor.tls.selfSigned', 'doctor.tls.selfSigned.certOnly.fix'], [sites.expired, 'doctor.tls.expired', 'doctor.tls.expired.fix']] as const) {
        const report = await doctor({ env: env('/wechat/callback'), connectTo: [to(bad), to(site, 80)] });
        expect(byId(report, 'scheme')).toMatchObject({
          status: 'warn',
          message: { key: 'doctor.scheme.upgrade' },
          fix: { key: 'doctor.scheme.upgrade.untrusted.fix', params: { https: `https://${DOMAIN}/wechat/callback`, detail: { key: detail }, tlsFix: { key: tlsFix } } },
        });
      }
      const port = await doctor({ env: env('/port'), connectTo: [to(sites.good, 8443), to(site, 80)] });
      expect(byId(port, 'scheme').fix).toMatchObject({ key: 'doctor.scheme.upgrade.fix', params: { https: `https://${DOMAIN}:8443/port` } });
      const portBad = await doctor({ env: env('/port'), connectTo: [to(sites.selfSigned, 8443), to(site, 80)] });
      expect(byId(portBad, 'scheme').fix).toMatchObject({ key: 'doctor.scheme.upgrade.untrusted.fix', params: { https: `https://${DOMAIN}:8443/port` } });
    } finally {
      await site.close();
    }
  });

  // Only the first Location was read: a slash added on http, then https, passed as "answers on http".
  it('an http redirect_uri turned to https after a redirect on http: the hop that turned it, the certificate dialled there', async () => {
    const site = await startHttpSite({
      '/sl': { status: 301, headers: { location: `http://${DOMAIN}/sl/?state=wxauthdoctor` } },
      '/sl/': { status: 301, headers: { location: `https://${DOMAIN}:8443/sl/?state=wxauthdoctor` } },
    });
    const good = await startHttpsSite(issue({ names: [DOMAIN], toDays: 90, ca }), { '/sl/': { status: 400, body: 'missing code' } });
    try {
      const env = { WXAUTH_REDIRECT_URI: `http://${DOMAIN}/sl` };
      const report = await doctor({ env, connectTo: [to(good, 8443), to(site, 80)] });
      expect(byId(report, 'scheme')).toMatchObject({
        status: 'warn',
        message: { key: 'doctor.scheme.upgradeHop', params: { hop: `http://${DOMAIN}/sl/?state=wxauthdoctor`, to: `https://${DOMAIN}:8443/sl/?state=wxauthdoctor` } },
        fix: { key: 'doctor.scheme.upgrade.fix', params: { https: `https://${DOMAIN}:8443/sl/` } },
      });
      // That port's certificate, dialled though the first Location was http: expired there, fixed first.
      const expired = await doctor({ env, connectTo: [to(sites.expired, 8443), to(site, 80)] });
      expect(byId(expired, 'scheme').fix).toMatchObject({ key: 'doctor.scheme.upgrade.untrusted.fix', params: { detail: { key: 'doctor.tls.expired' }, https: `https://${DOMAIN}:8443/sl/` } });
      // Nothing on that port: HTTPS served first.
      const closed = await doctor({ env, connectTo: [to(closedPort, 8443), to(site, 80)] });
      expect(byId(closed, 'scheme').fix).toMatchObject({ key: 'doctor.scheme.upgrade.unserved.fix', params: { origin: `https://${DOMAIN}:8443`, why: { key: 'doctor.scheme.https.unreached' } } });
    } finally {
      await Promise.all([site.close(), good.close()]);
    }
  });

  it('fails an https redirect_uri on a host that only answers http', async () => {
    const report = await doctor({ connectTo: [to(closedPort), to(plain, 80)] });
    expect(byId(report, 'scheme')).toMatchObject({ status: 'fail', message: { key: 'doctor.scheme.httpsDown' } });
    expect(byId(report, 'scheme').fix).toMatchObject({ params: { http: `http://${DOMAIN}/wechat/callback` } });
    expect(byId(report, 'tls').status).toBe('fail');
    expect(byId(report, 'redirect').status).toBe('fail');
  });

  it('warns when an http redirect_uri is bounced to https', async () => {
    const site = await startHttpSite({ '/wechat/callback': { status: 301, headers: { location: `https://${DOMAIN}/wechat/callback` } } });
    try {
      const report = await doctor({ env: { WXAUTH_REDIRECT_URI: `http://${DOMAIN}/wechat/callback` }, connectTo: [to(sites.good), to(site, 80)] });
      expect(byId(report, 'scheme')).toMatchObject({ status: 'warn', message: { key: 'doctor.scheme.upgrade' } });
      expect(byId(report, 'tls').status).toBe('skip');
    } finally {
      await site.close();
    }
  });
});

describe('doctor flow: WeChat', () => {
  it('names a wrong secret (40125) and an unknown appid (40013)', async () => {
    const secret = byId(await doctor({ app: { appid: SERVICE.appid, secret: 'f'.repeat(32) } }), 'credentials');
    // WXAUTH_SECRET overrides the profile: the fix says to change it, not to run config set.
    expect(secret).toMatchObject({ status: 'fail', message: { key: 'doctor.credentials.40125' }, fix: { key: 'doctor.credentials.40125.fix.env' } });
    expect(secret.evidence.secretSource).toBe('env');
    expect(secret.evidence.errcode).toBe(40125);
    const appid = byId(await doctor({ app: { appid: 'wx0123456789abcdef', secret: 'f'.repeat(32) } }), 'credentials');
    expect(appid).toMatchObject({ status: 'fail', message: { key: 'doctor.credentials.40013' } });
  });

  // WeChat's own API host, dialled at the emulator (--connect-to): its 40164 is WeChat's whitelist.
  const AS_WECHAT = () => ({
    env: { WXAUTH_API_BASE: 'http://api.weixin.qq.com' },
    connectTo: [to(sites.good), to(plain, 80), `api.weixin.qq.com:80:127.0.0.1:${new URL(emu.url).port}`],
  });

  it('words the credential fixes by account type and by where the value came from', async () => {
    const wrong = 'f'.repeat(32);
    const oa = byId(await doctor({ app: { appid: SERVICE.appid, secret: wrong }, profile: { name: 'prod', type: 'service' } }), 'credentials');
    expect(oa.fix).toEqual({ key: 'doctor.credentials.40125.fix', params: { p: ' --profile prod' } });
    const web = byId(await doctor({ app: { appid: DEFAULT_APPIDS.website, secret: wrong }, profile: { name: 'web', type: 'website' } }), 'credentials');
    expect(web).toMatchObject({ message: { key: 'doctor.credentials.40125' }, fix: { key: 'doctor.credentials.40125.fix.website', params: { p: ' --profile web' } } });
    const webAppid = byId(await doctor({ app: { appid: 'wx0123456789abcdef', secret: wrong }, profile: { name: 'web', type: 'website' } }), 'credentials');
    expect(webAppid.fix).toMatchObject({ key: 'doctor.credentials.40013.fix.website' });
    const envAppid = byId(await doctor({ app: { appid: 'wx0123456789abcdef', secret: wrong }, env: { WXAUTH_TYPE: 'test' } }), 'credentials');
    expect(envAppid.fix).toEqual({ key: 'doctor.credentials.40013.fix.test.env' });
    const whitelist = byId(await doctor({ app: WHITELISTED_WEB, profile: { name: 'web', type: 'website' }, ...AS_WECHAT() }), 'credentials');
    expect(whitelist).toMatchObject({ message: { key: 'doctor.credentials.40164' }, fix: { key: 'doctor.credentials.40164.fix.website', params: { ip: CALLER_IP } } });
  });

  it('gives the IP WeChat saw for 40164, and where to whitelist it; from a host that is not WeChat’s, that host’s whitelist', async () => {
    const c = byId(await doctor({ app: WHITELISTED, ...AS_WECHAT() }), 'credentials');
    expect(c).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.credentials.40164', params: { ip: CALLER_IP } },
      fix: { key: 'doctor.credentials.40164.fix', params: { ip: CALLER_IP } },
    });
    expect(c.evidence.ip).toBe(CALLER_IP);
    const emulator = byId(await doctor({ app: WHITELISTED }), 'credentials');
    const host = new URL(emu.url).host;
    expect(emulator).toMatchObject({
      status: 'fail',
      message: { key: 'doctor.credentials.40164.other', params: { ip: CALLER_IP, host, appid: WHITELISTED.appid } },
      fix: { key: 'doctor.credentials.40164.other.fix', params: { ip: CALLER_IP, host, appid: WHITELISTED.appid } },
    });
  });

  it('warns about a clock 5 minutes ahead of the Date header of WeChat’s answer', async () => {
    // WeChat's own API host, dialled at the emulator (--connect-to): the difference is this machine's.
    const asWechat = (now: () => number) =>
      doctor({
        env: { WXAUTH_API_BASE: 'http://api.weixin.qq.com' },
        connectTo: [to(sites.good), to(plain, 80), `api.weixin.qq.com:80:127.0.0.1:${new URL(emu.url).port}`],
        deps: { now },
      });
    const clock = byId(await asWechat(() => Date.now() + 300_000), 'clock');
    expect(clock.status).toBe('warn');
    expect(clock.message).toMatchObject({ key: 'doctor.clock.ahead' });
    expect(Math.abs(Number(clock.evidence.skewSeconds) - 300)).toBeLessThanOrEqual(3);
    const behind = byId(await asWechat(() => Date.now() - 120_000), 'clock');
    expect(behind.message).toMatchObject({ key: 'doctor.clock.behind' });
  });

  it('against the emulator, a clock it moved is the emulator’s: skipped, naming its address, not this machine’s clock', async () => {
    emu.advanceClock(7200);
    // Back for the tests after this one (the emulator is shared); time itself keeps the tokens valid.
    const report = await doctor().finally(() => emu.advanceClock(-7200));
    const clock = byId(report, 'clock');
    expect(clock).toMatchObject({ status: 'skip', message: { key: 'doctor.clock.other.ahead', params: { host: new URL(emu.url).host } } });
    expect(Math.abs(Number(clock.evidence.skewSeconds) + 7200)).toBeLessThanOrEqual(3);
  });

  it('sends the API call through HTTP_PROXY (a dead proxy: unreachable, and the proxy check says so); NO_PROXY exempts it', async () => {
    const proxy = { httpProxy: `http://127.0.0.1:${closedPort}`, httpsProxy: '', noProxy: '' };
    const report = await doctor({ deps: { proxy } });
    expect(byId(report, 'credentials').status).toBe('fail');
    expect(byId(report, 'proxy')).toMatchObject({ status: 'fail', message: { key: 'doctor.proxy.unreachable' } });
    expect(byId(report, 'clock').status).toBe('skip');
    // The proxy resolves the API host, so it is not looked up here.
    expect(byId(report, 'dns.api')).toMatchObject({ status: 'ok', message: { key: 'doctor.dns.proxied' } });
    // The callback probes do not use the proxy: they still reach the sites.
    expect(byId(report, 'redirect').status).toBe('ok');
    const exempt = await doctor({ deps: { proxy: { ...proxy, noProxy: '127.0.0.1' } } });
    expect(byId(exempt, 'credentials').status).toBe('ok');
    expect(byId(exempt, 'proxy')).toMatchObject({ status: 'ok', message: { key: 'doctor.proxy.bypassed' } });
  });
});

describe('doctor flow: --connect-to', () => {
  it('warns when a mistyped rule matched nothing, naming the host that was looked up instead', async () => {
    looked.length = 0;
    const typo = `www.exmaple.com:443:127.0.0.1:${sites.good.port}`;
    const report = await doctor({ connectTo: [typo] });
    const c = byId(report, 'connect-to');
    expect(c.status).toBe('warn');
    expect(c.message).toMatchObject({ key: 'doctor.connectTo.unmatched', params: { rules: [typo] } });
    expect(c.message).toMatchObject({ params: { direct: expect.arrayContaining([`${DOMAIN}:443`]) } });
    expect(c.evidence).toMatchObject({ rules: typo, unmatched: typo });
    // What follows went to DNS, as the warning says.
    expect(looked).toContain(DOMAIN);
    expect(byId(report, 'dns.callback').status).toBe('fail');
  });

  it('passes, listing the mappings (and the standby http rule https made unneeded); no check without rules', async () => {
    const c = byId(await doctor(), 'connect-to');
    expect(c).toMatchObject({ status: 'ok', message: { key: 'doctor.connectTo.ok.unused', params: { unused: [expect.stringContaining(`${DOMAIN}:80:`)] } } });
    expect(String(c.evidence.mapped)).toContain(`${DOMAIN}:443 → 127.0.0.1:${sites.good.port}`);
    expect((await doctor({ connectTo: [] })).checks.map((x) => x.id)).not.toContain('connect-to');
  });
});

describe('doctor flow: the WeChat call through HTTPS_PROXY', () => {
  it('trusts the extra CAs inside the tunnel, and says --connect-to was not applied to the call the proxy carried', async () => {
    // An https stand-in for WeChat whose certificate the test CA issued, reached only through the proxy.
    const wechat = await startHttpsSite(issue({ names: ['localhost'], toDays: 90, ca }), {
      '/cgi-bin/stable_token': { status: 200, body: JSON.stringify({ access_token: 'ACCESS_TOKEN_VIA_PROXY', expires_in: 7200 }), headers: { 'content-type': 'application/json' } },
    });
    const proxy = await startConnectProxy();
    try {
      const apiRule = `localhost:${wechat.port}:127.0.0.1:1`;
      const report = await doctor({
        env: { WXAUTH_API_BASE: `https://localhost:${wechat.port}` },
        connectTo: [to(sites.good), to(plain, 80), apiRule],
        deps: { proxy: { httpProxy: '', httpsProxy: proxy.url, noProxy: '' } },
      });
      expect(byId(report, 'credentials')).toMatchObject({ status: 'ok', message: { params: { host: `localhost:${wechat.port}` } } });
      expect(proxy.tunnels).toEqual([`localhost:${wechat.port}`]);
      expect(wechat.hits.map((h) => h.path)).toEqual(['/cgi-bin/stable_token']);
      // Not "matched no connection" (a typo): the rule matched the call, which the proxy dialled by name.
      const c = byId(report, 'connect-to');
      expect(c).toMatchObject({
        status: 'warn',
        message: { key: 'doctor.connectTo.proxied', params: { rules: [apiRule], targets: [`localhost:${wechat.port}`], proxy: proxy.url, variable: 'HTTPS_PROXY' } },
        fix: { key: 'doctor.connectTo.proxied.fix', params: { hostname: 'localhost' } },
      });
      expect(c.evidence).toMatchObject({ unmatched: null, proxied: `${apiRule} (localhost:${wechat.port})` });
      expect(String(c.evidence.mapped)).toContain(`${DOMAIN}:443 → 127.0.0.1:${sites.good.port}`);
    } finally {
      await Promise.all([wechat.close(), proxy.close()]);
    }
  });
});

describe('doctor flow: DNS', () => {
  it('looks up a callback domain that is not mapped, and fails when it does not resolve', async () => {
    looked.length = 0;
    const report = await doctor({ connectTo: [] });
    expect(looked).toContain(DOMAIN);
    expect(byId(report, 'dns.callback')).toMatchObject({ status: 'fail', message: { key: 'doctor.dns.fail', params: { host: DOMAIN, code: { key: 'common.os.ENOTFOUND', params: { code: 'ENOTFOUND' } } } }, evidence: { code: 'ENOTFOUND' } });
  });

  it('reports the addresses a working resolver gives', async () => {
    const report = await doctor({ connectTo: [to(plain, 80)], deps: { lookup: async () => ['127.0.0.1'] } });
    expect(byId(report, 'dns.callback')).toMatchObject({ status: 'ok', message: { key: 'doctor.dns.ok', params: { addresses: ['127.0.0.1'] } } });
  });
});

describe('doctor flow: Ctrl-C', () => {
  it('a probe started after Ctrl-C dials nothing (the http fallbacks), and many in flight raise no listener warning', async () => {
    const { probeGet, probeTls } = await import('../../../src/flows/doctor/probes.js');
    let accepted = 0;
    const server = net.createServer((socket) => {
      accepted++;
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const aborted = AbortSignal.abort();
      const options = { connectTo: [], timeoutMs: 5_000, signal: aborted };
      expect(await probeGet(`http://127.0.0.1:${port}/x`, options)).toMatchObject({ answered: false, error: 'cancelled' });
      expect(await probeTls('127.0.0.1', port, options)).toMatchObject({ handshake: false, error: 'cancelled' });
      const controller = new AbortController();
      const inFlight = Array.from({ length: 14 }, () => probeGet(`http://127.0.0.1:${port}/y`, { connectTo: [], timeoutMs: 5_000, signal: controller.signal }));
      // Until all 14 are connected (a fixed 100 ms was too short on a busy CI machine: 1 of 14), then Ctrl-C.
      for (let i = 0; i < 400 && accepted < 14; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      expect((await Promise.all(inFlight)).every((f) => !f.answered && f.error === 'cancelled')).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(accepted).toBe(14);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      server.close();
    }
  });

  it('ends every probe at once (a server that accepts and never answers does not hold it) and is cancelled, not a report', async () => {
    // Reads (so it sees a client close its end) and never answers.
    const silent = net.createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 200);
      // No secret: no call to the emulator, only the probes of the site that never answers.
      const run = doctor({ app: { appid: SERVICE.appid, secret: '' }, connectTo: [to(port), to(port, 80)], deps: { timeoutMs: 20_000, signal: controller.signal } });
      await expect(run).rejects.toMatchObject({ exitCode: 130 });
      // Well under the 20 s timeout the probes would otherwise wait for, and their connections closed.
      expect(Date.now() - started).toBeLessThan(10_000);
      const open = () => new Promise<number>((resolve, reject) => silent.getConnections((error, n) => (error ? reject(error) : resolve(n))));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await open()).toBe(0);
    } finally {
      silent.close();
    }
  });
});

// inspect must answer anything a user can paste: never throw, always a well-formed result.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inspectUrl, FINDING_IDS, hasErrors } from '../../src/core/inspect.js';
import { buildAuthorizeUrl } from '../../src/core/authorize-url.js';

const KINDS = ['authorize', 'qrconnect', 'callback', 'unknown'];
const SEVERITIES = ['error', 'warning', 'info'];

function wellFormed(input: string): void {
  const result = inspectUrl(input, {
    profile: { appid: 'wx807d86fb6b3d4fd2', type: 'service', domain: 'www.example.com' },
    rememberedState: 'abc',
    seenCodes: ['041cQ8ll2nWy5c42enol2R2DZX2cQ8ly'],
  });
  expect(KINDS).toContain(result.kind);
  expect(Array.isArray(result.params)).toBe(true);
  for (const f of result.findings) {
    expect(FINDING_IDS as readonly string[]).toContain(f.id);
    expect(SEVERITIES).toContain(f.severity);
    // A list (names, parameters) stays a list, so each language joins it its own way.
    for (const v of Object.values(f.params)) {
      if (Array.isArray(v)) for (const item of v) expect(typeof item).toBe('string');
      else expect(['string', 'number']).toContain(typeof v);
    }
  }
  // Silence means "a clean auth URL"; anything else gets at least one finding.
  if (result.findings.length === 0) expect(['authorize', 'qrconnect']).toContain(result.kind);
  expect(() => JSON.stringify(result)).not.toThrow();
}

// Fragments developers actually type, so the generator reaches deep into the rules.
const piece = fc.constantFrom(
  'https://open.weixin.qq.com/connect/oauth2/authorize?',
  'https://open.weixin.qq.com/connect/qrconnect?',
  'open.weixin.qq.com/connect/oauth2/authorize?',
  'appid=wx807d86fb6b3d4fd2',
  'redirect_uri=',
  'https%3A%2F%2Fwww.example.com%2Fcb',
  'https://www.example.com/#/x',
  'response_type=code',
  'scope=snsapi_base',
  'scope=snsapi_login',
  'state=',
  'code=',
  '&',
  '=',
  '?',
  '#',
  '#wechat_redirect',
  '%',
  '%E4%B8',
  '%0D%0A',
  '\n',
  ' ',
  'amp;',
  '//',
  'localhost:3000',
);

// Thousands of runs each, ~3 s alone: a minute, not the suite's 20 s, so a full run on a loaded machine
// does not fail them for time (one did, at 20 s, beside other jobs).
const PROPERTY_TIMEOUT_MS = 60_000;

describe('inspectUrl never throws', () => {
  it('on arbitrary strings', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => wellFormed(s)), { numRuns: 2000 });
  });

  it('on strings assembled from URL pieces', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 24 }), (parts) =>
        wellFormed(parts.join('')),
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts every URL the builder makes from valid inputs', () => {
    const alnum = fc.stringMatching(/^[A-Za-z0-9]{1,128}$/);
    const path = fc.stringMatching(/^[a-z0-9/_-]{0,20}$/);
    fc.assert(
      fc.property(alnum, path, fc.constantFrom('snsapi_base', 'snsapi_userinfo'), fc.boolean(), (state, p, scope, popup) => {
        const { url } = buildAuthorizeUrl({
          endpoint: 'authorize',
          appid: 'wx807d86fb6b3d4fd2',
          redirectUri: `https://www.example.com/${p}?from=menu&x=1`,
          scope,
          state,
          forcePopup: popup,
        });
        const result = inspectUrl(url, { profile: { appid: 'wx807d86fb6b3d4fd2', type: 'service', domain: 'www.example.com' } });
        const problems = result.findings.filter((f) => f.severity !== 'info' && f.id !== 'state.placeholder');
        expect(problems).toEqual([]);
        expect(hasErrors(result)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

// What a callback with our state and no code means (core/callback-url.ts): one verdict from the link's
// scope and endpoint, asked by listen (live and --paste), exchange and inspect alike.
import { describe, expect, it } from 'vitest';
import { linkOfState, stateOnlyFailure, stateOnlyVerdict, type StateOnlyLink, type StateOnlyVerdict } from '../../src/core/callback-url.js';

describe('stateOnlyVerdict', () => {
  const rows: Array<[string, StateOnlyLink | undefined, StateOnlyVerdict]> = [
    ['snsapi_base has no consent page: the code was lost', { scope: 'snsapi_base' }, 'lost_code'],
    ['snsapi_base on the authorize endpoint', { scope: 'snsapi_base', endpoint: 'authorize' }, 'lost_code'],
    ['the scope is read before the endpoint', { scope: 'snsapi_base', endpoint: 'qrconnect' }, 'lost_code'],
    ['snsapi_userinfo: refused on the consent page', { scope: 'snsapi_userinfo' }, 'refused_consent'],
    ['snsapi_userinfo on the authorize endpoint', { scope: 'snsapi_userinfo', endpoint: 'authorize' }, 'refused_consent'],
    ['snsapi_login: a QR login cancelled on the phone', { scope: 'snsapi_login' }, 'refused_qr'],
    ['qrconnect with no scope known (a website app)', { endpoint: 'qrconnect' }, 'refused_qr'],
    ['an unknown scope on qrconnect', { scope: 'snsapi_other', endpoint: 'qrconnect' }, 'refused_qr'],
    ['the authorize endpoint alone says nothing', { endpoint: 'authorize' }, 'unknown'],
    ['an unknown scope alone says nothing', { scope: 'snsapi_other' }, 'unknown'],
    ['nothing known', {}, 'unknown'],
    ['no link at all', undefined, 'unknown'],
  ];
  it.each(rows)('%s', (_name, link, verdict) => {
    expect(stateOnlyVerdict(link)).toBe(verdict);
  });
});

describe('linkOfState', () => {
  const base = { value: 'S1', scope: 'snsapi_base', endpoint: 'authorize' as const };
  const rows: Array<[string, string | undefined, Parameters<typeof linkOfState>[1], string | undefined, StateOnlyLink]> = [
    ['the remembered link’s own state: its scope and endpoint', 'S1', base, 'test', { scope: 'snsapi_base', endpoint: 'authorize' }],
    ['another state: the remembered link says nothing of it', 'S2', base, 'test', {}],
    ['no state received', undefined, base, 'test', {}],
    ['nothing remembered', 'S1', undefined, 'service', {}],
    ['another state of a website app: its QR endpoint', 'S2', base, 'website', { endpoint: 'qrconnect' }],
    ['nothing remembered, a website app', 'S1', undefined, 'website', { endpoint: 'qrconnect' }],
    ['a website app’s own remembered link without an endpoint recorded', 'S1', { value: 'S1', scope: 'snsapi_login' }, 'website', { scope: 'snsapi_login', endpoint: 'qrconnect' }],
    ['the remembered link’s endpoint wins over the account type’s', 'S1', { value: 'S1', scope: 'snsapi_base', endpoint: 'authorize' }, 'website', { scope: 'snsapi_base', endpoint: 'authorize' }],
    ['a remembered link with no scope recorded gives none', 'S1', { value: 'S1' }, 'service', {}],
    ['states compare exactly (case matters)', 's1', base, 'test', {}],
  ];
  it.each(rows)('%s', (_name, state, remembered, type, link) => {
    expect(linkOfState(state, remembered, type)).toEqual(link);
  });

  it('and the verdict of what it finds: the remembered snsapi_base link’s state is a lost code, another state of a test account unknown, of a website app a QR login', () => {
    expect(stateOnlyVerdict(linkOfState('S1', base, 'test'))).toBe('lost_code');
    expect(stateOnlyVerdict(linkOfState('S2', base, 'test'))).toBe('unknown');
    expect(stateOnlyVerdict(linkOfState('S2', base, 'website'))).toBe('refused_qr');
  });
});

describe('stateOnlyFailure', () => {
  it('says each verdict in its own words, the profile flag in the hint', () => {
    expect(stateOnlyFailure('lost_code', ' --profile x')).toEqual({ message: { key: 'listen.denied.base' }, hint: { key: 'listen.denied.base.hint', params: { p: ' --profile x' } } });
    expect(stateOnlyFailure('refused_qr', ' --profile x')).toEqual({ message: { key: 'listen.denied.qr' }, hint: { key: 'listen.denied.qr.hint', params: { p: ' --profile x' } } });
    expect(stateOnlyFailure('refused_consent')).toEqual({ message: { key: 'listen.denied' }, hint: { key: 'listen.denied.hint', params: { p: '' } } });
    expect(stateOnlyFailure('unknown')).toEqual({ message: { key: 'listen.denied' }, hint: { key: 'listen.denied.hint', params: { p: '' } } });
  });
});

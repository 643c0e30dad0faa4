// Narrowing WeChat's success bodies into the types its docs give (core/responses.ts, core/token.ts):
// what is off is named with its path and JSON type, never its value.
import { describe, expect, it } from 'vitest';
import { isIP } from 'node:net';
import {
  readApiDomainIpBody,
  readBasicTokenBody,
  readCgiUserInfoBody,
  readOkBody,
  readQuotaGetBody,
  readRidGetBody,
} from '../../src/core/responses.js';
import { readSnsTokenBody, readUserinfoBody } from '../../src/core/token.js';

describe('narrowing success bodies', () => {
  it('basic token: a string token and a numeric lifetime (7200 when left out)', () => {
    expect(readBasicTokenBody({ access_token: 'T0KEN', expires_in: '7000' })).toEqual({ ok: true, value: { access_token: 'T0KEN', expires_in: 7000 } });
    expect(readBasicTokenBody({ access_token: 'T0KEN' })).toEqual({ ok: true, value: { access_token: 'T0KEN', expires_in: 7200 } });
    expect(readBasicTokenBody({ access_token: { v: 1 }, expires_in: 'soon' })).toEqual({
      ok: false,
      problems: [
        { kind: 'type', field: 'access_token', expected: 'non_empty_string', found: 'object' },
        { kind: 'type', field: 'expires_in', expected: 'number', found: 'string' },
      ],
    });
    expect(readBasicTokenBody('x')).toEqual({ ok: false, problems: [{ kind: 'not_object' }] });
  });

  it('rid/get: request and its six fields, named with their path', () => {
    const request = { invoke_time: 1635156704, cost_in_ms: 30, request_url: 'access_token=50_Im7xxxx', request_body: '', response_body: '{}', client_ip: '113.0.70.51' };
    expect(readRidGetBody({ errcode: 0, errmsg: 'ok', request })).toEqual({ ok: true, value: { errcode: 0, errmsg: 'ok', request } });
    expect(readRidGetBody({ errcode: 0, errmsg: 'ok' })).toEqual({ ok: false, problems: [{ kind: 'missing', field: 'request' }] });
    expect(readRidGetBody({ request: { ...request, request_body: { secret: 'x' }, cost_in_ms: null } })).toEqual({
      ok: false,
      problems: [
        { kind: 'type', field: 'request.cost_in_ms', expected: 'number', found: 'null' },
        { kind: 'type', field: 'request.request_body', expected: 'string', found: 'object' },
      ],
    });
  });

  it('quota/get, user/info, get_api_domain_ip, and the errcode-0 bodies', () => {
    expect(readQuotaGetBody({ errcode: 0, errmsg: 'ok', quota: { daily_limit: 10, used: 1, remain: 9 }, rate_limit: { call_count: 0, refresh_second: 0 } })).toMatchObject({
      ok: true,
      value: { quota: { daily_limit: 10, used: 1, remain: 9 }, rate_limit: { call_count: 0, refresh_second: 0 } },
    });
    expect(readQuotaGetBody({ errcode: 0, quota: { daily_limit: 10, used: '1' } })).toEqual({ ok: false, problems: [{ kind: 'missing', field: 'quota.remain' }] });

    // Unknown fields are kept for the --json document; numbers sent as strings are read.
    expect(readCgiUserInfoBody({ subscribe: '0', openid: 'oX', brand_new: true })).toEqual({ ok: true, value: { subscribe: 0, openid: 'oX', brand_new: true } });
    expect(readCgiUserInfoBody({ subscribe: 1, openid: 'oX', tagid_list: [1, 'two'] })).toEqual({
      ok: false,
      problems: [{ kind: 'item', field: 'tagid_list', index: 1, found: 'string', items: 'numbers' }],
    });

    expect(readApiDomainIpBody({ ip_list: ['101.89.47.18'] })).toEqual({ ok: true, value: { ip_list: ['101.89.47.18'] } });
    expect(readApiDomainIpBody({})).toEqual({ ok: false, problems: [{ kind: 'missing', field: 'ip_list' }] });
    // Addresses and CIDR blocks of either family, as `domains` prints them for firewall rules; anything
    // that only looks like one (a lone colon, numbers over 255, a prefix past 32 or 128 bits) is not.
    for (const ip of ['101.226.103.0/25', '::1', '2001:db8::/32', '::ffff:1.2.3.4', 'fe80::1', '1:2:3:4:5:6:7:8', '0.0.0.0/0', '::']) {
      expect(readApiDomainIpBody({ ip_list: [ip] }).ok, ip).toBe(true);
    }
    for (const ip of [':', 'a:b', 'cafe:babe', '999.999.999.999', '1.2.3.4/999', '1.2.3.4/33', '::1/129', '1:2:3:4:5:6:7:8:9', '1::2::3', '1.2.3']) {
      expect(readApiDomainIpBody({ ip_list: [ip] }), ip).toEqual({ ok: false, problems: [{ kind: 'not_ip', field: 'ip_list', index: 0 }] });
    }
    // The same verdict as node's own reader (core may not import node:net), on addresses near the edges.
    const edges = ['1.2.3.4::', '1.2.3.4::/64', '::1.2.3.4', '1.2.3.4::5', '::ffff:1.2.3.4:5', '1::1.2.3.4', '1:2:3:4:5:6:1.2.3.4',
      '1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8::', '12345::', 'g::1', '01.2.3.4', '1.2.3.4.'];
    for (const ip of edges) expect(readApiDomainIpBody({ ip_list: [ip.split('/')[0]!] }).ok, ip).toBe(isIP(ip.split('/')[0]!) !== 0);
    expect(readOkBody({ errcode: 0, errmsg: 'ok' })).toEqual({ ok: true, value: { errcode: 0, errmsg: 'ok' } });
    expect(readOkBody({})).toEqual({ ok: false, problems: [{ kind: 'missing', field: 'errcode' }] });
  });

  it('sns token and userinfo: documented fields of the wrong type are problems, not silently dropped', () => {
    expect(readSnsTokenBody({ access_token: 'A', openid: 'o', refresh_token: 5, unionid: {} })).toEqual({
      ok: false,
      problems: [
        { kind: 'type', field: 'refresh_token', expected: 'string', found: 'number' },
        { kind: 'type', field: 'unionid', expected: 'string', found: 'object' },
      ],
    });
    expect(readUserinfoBody({ openid: 'o', privilege: ['A', 1], headimgurl: null })).toEqual({
      ok: false,
      problems: [
        { kind: 'type', field: 'headimgurl', expected: 'string', found: 'null' },
        { kind: 'item', field: 'privilege', index: 1, found: 'number', items: 'strings' },
      ],
    });
  });
});

// The errcodes of a piped server log: which numbers count, how often, where first, and the text each is explained from.
import { describe, expect, it } from 'vitest';
import { findErrcodesInLog } from '../../src/core/errcode-log.js';

const codes = (text: string) => findErrcodesInLog(text).map(({ code, count, line }) => ({ code, count, line }));

describe('findErrcodesInLog', () => {
  it('every errcode, in the order first seen, with the lines that carry it and the first', () => {
    const log = [
      '2026-12-01 10:00:01 ERROR oauth exchange failed {"errcode":40163,"errmsg":"code been used, rid: 1"}',
      '2026-12-01 10:00:05 ERROR userinfo failed {"errcode":48001,"errmsg":"api unauthorized"}',
      '2026-12-01 10:00:09 ERROR token {"errcode":40164,"errmsg":"invalid ip 1.2.3.4, not in whitelist"}',
      '2026-12-01 10:00:12 ERROR token errcode=40164 errmsg=invalid ip 1.2.3.5, not in whitelist',
      "2026-12-01 10:00:15 WARN { errcode: 40163, errmsg: 'code been used' }",
      '2026-12-01 10:00:20 ERROR 换取token失败，错误码：40029',
      '2026-12-01 10:00:25 ERROR Error: wechat 42001 access_token expired',
    ].join('\n');
    expect(codes(log)).toEqual([
      { code: 40163, count: 2, line: 1 },
      { code: 48001, count: 1, line: 2 },
      { code: 40164, count: 2, line: 3 },
      { code: 40029, count: 1, line: 6 },
      { code: 42001, count: 1, line: 7 },
    ]);
    // Each is explained from its first line, with that line's errmsg.
    expect(findErrcodesInLog(log)[2]?.text).toBe('2026-12-01 10:00:09 ERROR token {"errcode":40164,"errmsg":"invalid ip 1.2.3.4, not in whitelist"}');
  });

  it('numbers that are not errcodes: times, ports, pids, durations, rids, line numbers, an HTTP error code', () => {
    const log = [
      '2026-12-01 10:00:01 INFO listening on port 45009',
      '2026-12-01 10:00:02 ERROR request took 40001 ms',
      '2026-12-01 10:00:03 ERROR worker pid 40029 exited',
      'ERROR invalid code rid: 6392f3df-40029-5e6f7a8b',
      '    at Object.exchange (/srv/app/wechat.js:40163:12)',
      '2026-12-01 10:00:04 ERROR upstream error code 502',
      '1733040000 INFO started',
    ].join('\n');
    expect(codes(log)).toEqual([]);
  });

  it('a number past the safe integers after an errcode key is no errcode: not counted as the number it would round to', () => {
    const found = findErrcodesInLog('order errcode=12345678901234567890 failed\nerrcode=40029, errmsg=invalid code');
    expect(found.map((f) => f.code)).toEqual([40029]);
  });

  it('a pretty-printed body counts once, at its errcode line, and is read whole (its errmsg is on the next line)', () => {
    const log = '[ERROR] token failed {\n  "errcode": 40164,\n  "errmsg": "invalid ip 1.2.3.4, not in whitelist"\n}\n[ERROR] exchange {"errcode":40029,"errmsg":"invalid code"}';
    const found = findErrcodesInLog(log);
    expect(codes(log)).toEqual([
      { code: 40164, count: 1, line: 2 },
      { code: 40029, count: 1, line: 5 },
    ]);
    expect(found[0]?.text).toBe('[ERROR] token failed {\n  "errcode": 40164,\n  "errmsg": "invalid ip 1.2.3.4, not in whitelist"\n}');
  });

  it('a body dumped a key a line (PHP print_r, key: value lines) is read with the errmsg on the lines after its code, not past another code', () => {
    const log = [
      '2026-12-01 10:00:01 ERROR token failed',
      'Array',
      '(',
      '    [errcode] => 40001',
      '    [errmsg] => invalid credential rid: 6392f3df-1a2b3c4d-5e6f7a8b',
      ')',
      'errcode: 40164',
      'errcode: 45009',
      'errmsg: reach max api daily quota limit',
    ].join('\n');
    const found = findErrcodesInLog(log);
    expect(found.map(({ code, line }) => ({ code, line }))).toEqual([
      { code: 40001, line: 4 },
      { code: 40164, line: 7 },
      { code: 45009, line: 8 },
    ]);
    expect(found[0]?.text).toBe('[errcode] => 40001\n    [errmsg] => invalid credential rid: 6392f3df-1a2b3c4d-5e6f7a8b');
    // 40164's line is followed by another code's: it keeps its own line.
    expect(found[1]?.text).toBe('errcode: 40164');
    expect(found[2]?.text).toBe('errcode: 45009\nerrmsg: reach max api daily quota limit');
  });

  it('a line with two codes gives each the narrowest text around it; the same code twice on a line counts once', () => {
    const found = findErrcodesInLog('{"errcode":0,"errmsg":"ok","item_list":[{"errcode":40003,"errmsg":"invalid openid"}]}\nERROR errcode=45009 body={"errcode":45009}');
    expect(found.map(({ code, count, line }) => ({ code, count, line }))).toEqual([
      { code: 0, count: 1, line: 1 },
      { code: 40003, count: 1, line: 1 },
      { code: 45009, count: 1, line: 2 },
    ]);
    expect(found[1]?.text).toBe('{"errcode":40003,"errmsg":"invalid openid"}');
  });
});

// A config.json or tokens.json that is not JSON is reported by line, column and kind of fault, in the
// user's language, never by JSON.parse's message: that quoted the text around the fault, which in
// config.json was part of the appsecret ("...\"secret\": '5e1ec0de5\"..." is 9 of its characters,
// more than the 4+4 the mask shows), in English whatever the language.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonFault } from '../../src/core/json-syntax.js';
import { parseJson, runCli, tempConfigDir } from '../e2e/helpers.js';

const SECRET = '5e1ec0de5e1ec0de5e1ec0de5e1ec0de';

describe('findJsonFault', () => {
  it.each([
    ['{"a":"\\x"}', 'escape', 1, 8],
    ['{"a":"\\u12g4"}', 'escape', 1, 11],
    ['{"a":"b\tc"}', 'control', 1, 8],
    ['{"a":1,}', 'character', 1, 8],
    ['[1,]', 'character', 1, 4],
    ['{"a" 1}', 'character', 1, 6],
    ['{"a":1} x', 'trailing', 1, 9],
    ['-', 'end', 1, 2],
    ['tru', 'end', 1, 4],
    ['{"a":1', 'end', 1, 7],
    ['"abc', 'end', 1, 5],
    ['\ufeff{}', 'bom', 1, 1],
    ['', 'empty', 1, 1],
    [' \n ', 'empty', 2, 2],
    ['{\n  "a": 1,\n  "b": tru e\n}', 'character', 3, 11],
    ['{\n  "名字": "值",\n  x\n}', 'character', 3, 3],
  ])('%j: %s at %i:%i', (text, fault, line, column) => {
    expect(findJsonFault(text)).toMatchObject({ fault, line, column });
  });

  it('names a punctuation character, never a letter or digit (which may be part of a secret)', () => {
    expect(findJsonFault(`{"secret": '${SECRET}'}`)).toEqual({ fault: 'character', offset: 11, line: 1, column: 12, char: "'" });
    expect(findJsonFault(`{"secret": ${SECRET.slice(1)}}`)).toEqual({ fault: 'character', offset: 11, line: 1, column: 12 });
  });

  it('agrees with JSON.parse on which texts are JSON, and on the position when JSON.parse gives one', () => {
    // Valid JSON with one character inserted, deleted or replaced: most become invalid near the change.
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...'{}[]",:\\ \t\n0-1e.atfnrux\'\u0001'))
      .map(([json, at, how, c]) => {
        const i = json.length === 0 ? 0 : at % json.length;
        if (how === 'insert') return json.slice(0, i) + c + json.slice(i);
        if (how === 'delete') return json.slice(0, i) + json.slice(i + 1);
        return json.slice(0, i) + c + json.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.json(), fc.string()), (text) => {
        let position: number | undefined;
        let valid = true;
        try {
          JSON.parse(text);
        } catch (error) {
          valid = false;
          const m = /at position (\d+)/.exec((error as Error).message);
          if (m) position = Number(m[1]);
        }
        const found = findJsonFault(text);
        expect(found === undefined).toBe(valid);
        if (position !== undefined) expect(found?.offset).toBe(position);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a config.json or tokens.json that is not JSON', () => {
  function broken(name: string, text: string): string {
    const dir = tempConfigDir();
    fs.writeFileSync(path.join(dir, name), text, { mode: 0o600 });
    return dir;
  }
  const BAD_CONFIG = `{"profiles":{"default":{"appid":"wx1234567890abcdef",\n"secret": '${SECRET}"}}}`;

  it('says where and what, never the text around it (no piece of the secret), and keeps the rest', async () => {
    const dir = broken('config.json', BAD_CONFIG);
    const file = path.join(dir, 'config.json');
    const r = await runCli(['config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`${file} is not valid JSON: unexpected ' at line 2, column 11.`);
    expect(r.stderr).toContain('wxauth left the file untouched. Fix the JSON by hand');
    expect(r.stderr).not.toContain('5e1e');
    expect(r.stderr).not.toContain('Unexpected token');
    expect(fs.readFileSync(file, 'utf8')).toBe(BAD_CONFIG);
  });

  it('in Chinese, without the engine’s English', async () => {
    const dir = broken('config.json', BAD_CONFIG);
    const r = await runCli(['--lang', 'zh', 'config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`${path.join(dir, 'config.json')} 不是有效的 JSON：第 2 行第 11 列出现不该出现的字符 '。`);
    expect(r.stderr).toContain('wxauth 没有改动这个文件');
    expect(r.stderr).not.toMatch(/Unexpected|is not valid JSON|token/);
    expect(r.stderr).not.toContain('5e1e');
  });

  it('in --json too', async () => {
    const dir = broken('config.json', BAD_CONFIG);
    const r = await runCli(['--json', 'config', 'list'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stdout).not.toContain('5e1e');
    expect(parseJson(r.stdout)).toMatchObject({ ok: false, error: { code: 'config', message: expect.stringContaining('line 2, column 11') } });
  });

  it('tokens.json: where, and the token cache’s own hint (it can be deleted)', async () => {
    const dir = broken('tokens.json', '{"profiles": {"default": {"users": {"wx1234567890abcdef:o1": {"accessToken": "AT-SECRET-VALUE\n"}}}}}');
    const r = await runCli(['tokens'], { env: { WXAUTH_CONFIG_DIR: dir } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('tokens.json is not valid JSON: a control character (such as a tab or a line break) inside a string at line 1, column 94');
    expect(r.stderr).toContain('It only caches tokens');
    expect(r.stderr).not.toContain('AT-SECRET');
    // Getting them again after deleting it: the basic token too, not only a user's.
    expect(r.stderr).toContain('then get tokens again: wxauth token for the basic token, wxauth login or exchange for a user’s');
    const zh = await runCli(['--lang', 'zh', 'quota', '/cgi-bin/token'], { env: { WXAUTH_CONFIG_DIR: dir, WXAUTH_APPID: 'wx1234567890abcdef', WXAUTH_SECRET: '0123456789abcdef0123456789abcdef' } });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('基础 token 用 wxauth token');
  });

  it('an empty config.json says it is empty', async () => {
    const r = await runCli(['config', 'list'], { env: { WXAUTH_CONFIG_DIR: broken('config.json', '') } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('config.json is empty: there is no JSON in it.');
  });
});

// QR codes on a terminal narrower than the code wrap into noise that no phone can scan (issue 12
// item 8): the rendered width is measured against stderr's columns; what does not fit is replaced by
// a line saying to widen the terminal or open the link another way.
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Output } from '../../src/ui/output.js';
import { baseEnv } from './helpers.js';

class Tty extends Writable {
  text = '';
  isTTY = true;
  constructor(public columns?: number) {
    super();
  }
  override _write(chunk: Buffer | string, _e: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const ENV = {
  WXAUTH_APPID: 'wx1234567890abcdef',
  WXAUTH_SECRET: '0123456789abcdef0123456789abcdef',
  WXAUTH_TYPE: 'service',
  WXAUTH_DOMAIN: 'example.com',
  WXAUTH_REDIRECT_URI: 'https://example.com/wechat/callback',
};

async function url(columns: number | undefined, lang = 'en') {
  const { runCli } = await import('../../src/app.js');
  const stdout = new Tty(columns);
  const stderr = new Tty(columns);
  const code = await runCli(['--lang', lang, 'url'], { stdout, stderr, promptOutput: () => stderr, stdin: Readable.from([]), env: baseEnv({ ...ENV, FORCE_COLOR: '0' }), signal: new AbortController().signal }, '0.0.0');
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const QR_BLOCK = /[▀▄█]/;
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('url on a terminal', () => {
  it('draws the QR when it fits (100 columns)', async () => {
    const r = await url(100);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(QR_BLOCK);
    expect(widest(r.stderr.split('\n').filter((l) => QR_BLOCK.test(l)).join('\n'))).toBeLessThanOrEqual(100);
  });

  it('at 45 columns says to widen the terminal or use --open instead of drawing noise', async () => {
    const r = await url(45);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(QR_BLOCK);
    expect(r.stderr).toMatch(/QR code needs \d+ columns; this terminal has 45\. Widen the terminal, or use --open/);
    const zh = await url(45, 'zh');
    expect(zh.stderr).toMatch(/二维码需要 \d+ 列/);
  });
});

describe('Output.qr', () => {
  const make = (stderr: Writable & { isTTY?: boolean; columns?: number }) =>
    new Output({ lang: 'en', json: false, color: false, stdout: { write: () => true }, stderr });

  it('draws nothing on a non-terminal unless forced (--qr), and then draws it whatever the width', async () => {
    const pipe = new Tty();
    pipe.isTTY = false;
    expect(await make(pipe).qr('https://example.com/x')).toBe(false);
    expect(pipe.text).toBe('');
    expect(await make(pipe).qr('https://example.com/x', { force: true })).toBe(true);
    expect(pipe.text).toMatch(QR_BLOCK);
  });

  it('returns false when the code does not fit, so callers offer the link instead', async () => {
    const narrow = new Tty(20);
    expect(await make(narrow).qr('https://example.com/x')).toBe(false);
    expect(narrow.text).not.toMatch(QR_BLOCK);
  });
});

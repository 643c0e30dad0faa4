// Where wxauth's lines go when stdout/stderr is a file or a pipe (written straight to the descriptor),
// and what happens when that goes wrong: a full non-blocking pipe, a reader that left.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProcessOutput } from '../../src/ui/process-output.js';
import { collect, spawnCli } from '../e2e/helpers.js';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'wxauth-process-output-'));
/** A stand-in for process.stdout that keeps what it is given. */
function keeping(): { stream: NodeJS.WriteStream; text: () => string; built: () => number } {
  const pass = new PassThrough();
  const chunks: Buffer[] = [];
  pass.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  let built = 0;
  return {
    stream: Object.assign(pass, { isTTY: false }) as unknown as NodeJS.WriteStream,
    text: () => Buffer.concat(chunks).toString('utf8'),
    built: () => built++,
  };
}
const notBuilt = (): NodeJS.WriteStream => {
  throw new Error('the stream was built');
};
const LONG = Array.from({ length: 5000 }, (_, i) => `${i} 不合法的 oauth_code — invalid code\n`).join('');

describe('stdout or stderr as a file or a pipe', () => {
  it('writes every line, long ones and Chinese included, in order, to a file', () => {
    const file = path.join(temp(), 'out.txt');
    const fd = fs.openSync(file, 'w');
    const out = new ProcessOutput(fd, notBuilt, 'linux');
    expect(out.isTTY).toBe(false);
    expect(out.columns).toBeUndefined();
    out.write('first\n');
    out.write(LONG);
    out.write('last\n');
    fs.closeSync(fd);
    expect(fs.readFileSync(file, 'utf8')).toBe('first\n' + LONG + 'last\n');
  });

  it('hands the rest to Node’s stream when a non-blocking pipe is full, and keeps the order after', () => {
    const fifo = path.join(temp(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const fd = fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
    const kept = keeping();
    const out = new ProcessOutput(fd, () => (kept.built(), kept.stream), 'linux');
    out.write(LONG); // ~190 KB: more than a pipe holds
    out.write('after\n');
    const inPipe: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    for (;;) {
      let n = 0;
      try {
        n = fs.readSync(fd, buffer);
      } catch {
        break; // EAGAIN: drained
      }
      if (n === 0) break;
      inPipe.push(Buffer.from(buffer.subarray(0, n)));
    }
    fs.closeSync(fd);
    expect(kept.built()).toBe(1); // built once, for the rest
    const pipeText = Buffer.concat(inPipe);
    expect(pipeText.length).toBeGreaterThan(0);
    expect(Buffer.concat([pipeText, Buffer.from(kept.text())]).toString('utf8')).toBe(LONG + 'after\n');
  });

  it('stops quietly when the reader has left', () => {
    const fifo = path.join(temp(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const fd = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    fs.closeSync(reader);
    const out = new ProcessOutput(fd, notBuilt, 'linux');
    expect(out.write('nobody reads this\n')).toBe(false);
    expect(out.write('nor this\n')).toBe(false);
    fs.closeSync(fd);
  });

  it('writes to /dev/null straight away too, without building Node’s stream', () => {
    const fd = fs.openSync(os.devNull, 'w');
    const out = new ProcessOutput(fd, notBuilt, 'linux');
    expect(out.write('nowhere\n')).toBe(true);
    fs.closeSync(fd);
  });

  it('leaves a terminal, another character device and Windows to Node’s stream', () => {
    for (const [fd, platform] of [[fs.openSync('/dev/zero', 'w'), 'linux'], [fs.openSync(path.join(temp(), 'f'), 'w'), 'win32']] as const) {
      const kept = keeping();
      const out = new ProcessOutput(fd, () => (kept.built(), kept.stream), platform);
      out.write('via the stream\n');
      expect(kept.text()).toBe('via the stream\n');
      fs.closeSync(fd);
    }
  });

  it('`wxauth errcode --list | head -1`: the reader leaving is not an error', async () => {
    const child = spawnCli(['errcode', '--list', '--stage', 'all']);
    let first = '';
    await new Promise<void>((resolve) => {
      child.stdout!.once('data', (d: Buffer) => {
        first = d.toString().split('\n')[0]!;
        child.stdout!.destroy();
        resolve();
      });
    });
    const r = await collect(child);
    expect(first).toMatch(/^code\s+stage\s+meaning/);
    expect(r.stderr).not.toMatch(/EPIPE|Error|✖/);
    expect(r.code).toBe(0);
  });
});

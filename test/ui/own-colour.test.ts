// Our own colour against an attacker's (ui/ansi.ts, ui/output.ts): a value from outside that carries
// one of the very codes wxauth colours with (ESC[32m green, ESC[1m bold, ESC[2m dim…) is shown escaped
// like any other escape sequence, in a message's parameter, a field and a table cell alike, while what
// wxauth itself styled — a styled parameter, field or cell included — still reaches the terminal in colour.
import { describe, expect, it } from 'vitest';
import { Output } from '../../src/ui/output.js';

const GREEN = '\u001b[32m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET_FG = '\u001b[39m';
/** What an attacker sends: a screen clear, then text made to look like wxauth's own green ✔. */
const FAKE = '\u001b[2J' + GREEN + BOLD + 'OK-looks-green' + DIM;
const FAKE_SHOWN = '\\x1b[2J\\x1b[32m\\x1b[1mOK-looks-green\\x1b[2m';

function terminal(color: boolean): { out: Output; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  const out = new Output({
    lang: 'en',
    json: false,
    color,
    stdout: { isTTY: true, columns: 200, write: (s: string) => (stdout += s) },
    stderr: { isTTY: true, columns: 200, write: (s: string) => (stderr += s) },
  });
  return { out, stdout: () => stdout, stderr: () => stderr };
}

/** The escape sequences in `text`, in order. */
// eslint-disable-next-line no-control-regex
const sequences = (text: string) => text.match(/\u001b\[[0-9;]*[A-Za-z]/g) ?? [];

describe('colour codes from outside are escaped; our own colour stays', () => {
  it("in a message's parameters: the attacker's green is text, a parameter we styled is green", () => {
    const { out, stderr } = terminal(true);
    out.say(out.t('listen.listening', { url: FAKE }));
    out.say(out.t('listen.listening', { url: out.style.green('http://127.0.0.1/cb') }));
    out.success(out.t('listen.listening', { url: FAKE }));
    const [attacked, ours, marked] = stderr().split('\n');
    expect(attacked).toBe(`Listening on ${FAKE_SHOWN}`);
    expect(ours).toBe(`Listening on ${GREEN}http://127.0.0.1/cb${RESET_FG}`);
    // Our ✔ line is green around the attacker's text, which stays text.
    expect(marked).toBe(`${GREEN}✔ Listening on ${FAKE_SHOWN}${RESET_FG}`);
    expect(sequences(stderr())).toEqual([GREEN, RESET_FG, GREEN, RESET_FG]);
  });

  it('in fields: a value from outside is escaped, a value we styled keeps its colour', () => {
    const { out, stdout } = terminal(true);
    out.fields([
      ['nickname', FAKE],
      ['expires', out.style.green('in 1h59m')],
    ]);
    expect(stdout()).toBe(`nickname  ${FAKE_SHOWN}\nexpires   ${GREEN}in 1h59m${RESET_FG}\n`);
  });

  it('in a table: a cell from outside is escaped and measured as shown, a cell we styled keeps its colour', () => {
    const { out, stdout } = terminal(true);
    out.table(['openid', 'expires'], [[FAKE, out.style.green('1h59m')], ['o2', 'never']]);
    const lines = stdout().split('\n');
    expect(lines[0]).toBe(`${BOLD}openid${' '.repeat(FAKE_SHOWN.length - 6)}  expires\u001b[22m`);
    expect(lines[1]).toBe(`${FAKE_SHOWN}  ${GREEN}1h59m${RESET_FG}`);
    expect(lines[2]).toBe(`o2${' '.repeat(FAKE_SHOWN.length - 2)}  never`);
  });

  it('without colour the same lines hold no escape sequence at all', () => {
    const { out, stdout, stderr } = terminal(false);
    out.say(out.t('listen.listening', { url: FAKE }));
    out.fields([['nickname', FAKE]]);
    out.table(['openid'], [[FAKE]]);
    expect(sequences(stdout() + stderr())).toEqual([]);
    expect(stderr()).toContain(FAKE_SHOWN);
  });

  it('an attacker cannot pass for our own styling by sending the characters it is marked with', () => {
    const { out, stderr } = terminal(true);
    out.say(out.t('listen.listening', { url: '\uFDD0' + '0'.repeat(16) + '[32mX' }));
    expect(sequences(stderr())).toEqual([]);
  });
});

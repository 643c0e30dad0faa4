// inquirer's key hints ("↑↓ navigate • ⏎ select") in the user's language (issue 12 item 10), and the
// secret prompt on a terminal: the real @inquirer/prompts reading a fake terminal through the paste filter.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { loadPrompts, plainTheme, promptTheme } from '../../src/ui/prompt.js';
import { PASTE_QUIET_MS } from '../../src/ui/prompt-paste.js';

describe('promptTheme', () => {
  it('zh: the select prompt key hints are Chinese', () => {
    const tip = promptTheme('zh').style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']]);
    expect(tip).toBe('↑↓ 移动 • ⏎ 选择');
  });

  it('en: the hints stay as inquirer words them; unknown actions pass through', () => {
    expect(promptTheme('en').style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']])).toBe('↑↓ navigate • ⏎ select');
    expect(promptTheme('zh').style.keysHelpTip([['x', 'frobnicate']])).toBe('x frobnicate');
  });
});

describe('plainTheme (--no-color)', () => {
  it('styles nothing: the same marks and words, no escape codes', () => {
    const theme = plainTheme('zh');
    const { keysHelpTip, ...texts } = theme.style;
    const styled = [theme.prefix.idle, theme.prefix.done, keysHelpTip([['⏎', 'select']]), ...Object.values(texts).map((f) => f('x'))];
    for (const text of styled) expect(text).not.toMatch(/\u001b\[/);
    expect(theme.style.defaultAnswer('y/N')).toBe('(y/N)');
    expect(theme.style.keysHelpTip([['↑↓', 'navigate']])).toBe('↑↓ 移动');
  });
});

const SECRET = '0123456789abcdef0123456789abcdef';
const START = '\u001b[200~';
const END = '\u001b[201~';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Wait until `ready()` (a loaded machine may run a timer late), at most 10 s. */
async function until(ready: () => boolean): Promise<void> {
  for (const end = Date.now() + 10_000; !ready() && Date.now() < end; ) await sleep(20);
}

/** A terminal: keys written to `keys` as the terminal sends them, everything the prompt drew in `drawn()`. */
function fakeTerminal() {
  const keys: PassThrough & { isTTY: boolean; setRawMode(mode: boolean): unknown } = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => keys });
  let drawn = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      drawn += chunk.toString();
      done();
    },
  });
  // Like process.stderr, which a prompt's end does not close (stream.pipe leaves it open).
  Object.assign(output, { isTTY: true, columns: 120, rows: 40, end: () => output });
  return { keys, output, drawn: () => drawn };
}

/** The AppSecret prompt (init's validate in short: one line of 32 hex digits); `seen` what validate was handed. */
async function secretPrompt(t: ReturnType<typeof fakeTerminal>) {
  const prompts = await loadPrompts(t.output, new AbortController().signal, 'en', false, t.keys);
  const seen: string[] = [];
  let done = false;
  const answer = prompts.password({ message: 'AppSecret', validate: (v) => (seen.push(v), /^[0-9a-f]{32}$/.test(v) || 'not one line of 32 hex digits') });
  answer.then(
    () => (done = true),
    () => (done = true),
  );
  return { answer, seen, done: () => done };
}

describe('the secret prompt on a terminal (paste filter)', () => {
  it('a secret typed, then Enter: taken; bracketed paste is asked of the terminal while the prompt is shown, and switched off after', async () => {
    const t = fakeTerminal();
    const p = await secretPrompt(t);
    for (const key of SECRET) t.keys.write(key);
    t.keys.write('\r');
    await expect(p.answer).resolves.toBe(SECRET);
    expect(t.drawn().startsWith('\u001b[?2004h')).toBe(true);
    expect(t.drawn().endsWith('\u001b[?2004l')).toBe(true);
  });

  // A terminal may write one paste in pieces (over ssh, a long paste). The break inside it was taken as
  // Enter once the quiet time passed: the first line was the answer, and the rest stayed unread, for the
  // next prompt to show (the domain prompt, one Enter from saving 重置 as the domain).
  it('a bracketed paste in two pieces further apart than the quiet time: refused whole, nothing of it left for the next prompt', async () => {
    const t = fakeTerminal();
    const p = await secretPrompt(t);
    t.keys.write(`${START}${SECRET}\n`);
    await sleep(PASTE_QUIET_MS * 2);
    t.keys.write(`重置${END}`);
    await until(() => p.seen.length > 0);
    expect(p.seen).toEqual([`${SECRET}\n重置`]);
    expect(p.done()).toBe(false);
    // Ctrl-U, then the AppSecret alone.
    t.keys.write('\u0015');
    t.keys.write(SECRET);
    t.keys.write('\r');
    await expect(p.answer).resolves.toBe(SECRET);
    expect(t.keys.read()).toBeNull();
    expect(t.drawn()).not.toContain('重置');
  });

  it('Ctrl-C while a paste is open (its end lost): cancelled, nothing of the paste taken, and bracketed paste switched off', async () => {
    const t = fakeTerminal();
    const p = await secretPrompt(t);
    t.keys.write(`${START}${SECRET}\n`);
    await sleep(PASTE_QUIET_MS * 2);
    t.keys.write('\u0003');
    await expect(p.answer).rejects.toBeInstanceOf(CancelledError);
    expect(p.seen).toEqual([]);
    expect(t.drawn()).not.toContain('✔');
    expect(t.drawn().endsWith('\u001b[?2004l')).toBe(true);
  });
});

const APPID = 'wx1234567890abcdef';

/**
 * The AppID prompt (init's in short: validate wants one line, wx and 16 hex digits; the transformer masks
 * a secret-shaped answer on the prompt line); `seen` what validate was handed.
 */
async function appidPrompt(t: ReturnType<typeof fakeTerminal>) {
  const prompts = await loadPrompts(t.output, new AbortController().signal, 'en', false, t.keys);
  const seen: string[] = [];
  let done = false;
  const answer = prompts.input({
    message: 'AppID',
    validate: (v) => (seen.push(v), /^wx[0-9a-f]{16}$/.test(v) || 'not one line: wx and 16 hex digits'),
    transformer: (v) => (/^[0-9a-f]{32}$/.test(v) ? '*'.repeat(v.length) : v),
  });
  answer.then(
    () => (done = true),
    () => (done = true),
  );
  return { answer, seen, done: () => done };
}

describe('the text prompts on a terminal (paste filter)', () => {
  // The AppID and AppSecret copied together from the console's two rows: the AppID prompt took line 1, and
  // line 2, the AppSecret, was typed unseen into the masked secret prompt, one Enter from being saved.
  it('AppID and AppSecret pasted as two lines at the AppID prompt: refused whole, the secret line masked on the prompt line, nothing left for the secret prompt', async () => {
    const t = fakeTerminal();
    const p = await appidPrompt(t);
    t.keys.write(`${APPID}\n${SECRET}\n`);
    await until(() => p.seen.length > 0);
    expect(p.seen).toEqual([`${APPID}\n${SECRET}`]);
    await sleep(PASTE_QUIET_MS * 2);
    expect(p.done()).toBe(false);
    expect(t.drawn()).not.toContain(SECRET);
    expect(t.drawn()).toContain(`${APPID}\u2424${'*'.repeat(32)}`);
    // Ctrl-U, then the AppID alone: taken, and the secret prompt after it gets nothing of the paste.
    t.keys.write('\u0015');
    t.keys.write(APPID);
    t.keys.write('\r');
    await expect(p.answer).resolves.toBe(APPID);
    expect(t.keys.read()).toBeNull();
    const secret = await secretPrompt(t);
    t.keys.write('\r');
    await until(() => secret.seen.length > 0);
    expect(secret.seen).toEqual(['']);
  });

  // The same rule as the secret prompt's: one line and its break is that line typed, then Enter.
  it('the AppID pasted with its line break (bracketed or not): taken as typed, then Enter; bracketed paste on while shown, off after', async () => {
    for (const paste of [`${APPID}\n`, `${START}${APPID}\n${END}`, `${START}\n${APPID}${END}\r`]) {
      const t = fakeTerminal();
      const p = await appidPrompt(t);
      t.keys.write(paste);
      await expect(p.answer).resolves.toBe(APPID);
      expect(p.seen).toEqual([APPID]);
      expect(t.drawn().startsWith('\u001b[?2004h')).toBe(true);
      expect(t.drawn().endsWith('\u001b[?2004l')).toBe(true);
    }
  });

  // A person types the next answer at once after Enter (typing ahead, before the next prompt is drawn):
  // the Enter was held for the quiet time, and the first key typed after it was taken as a paste's second
  // line, so the AppID was refused as "2 lines". Enter comes from the terminal as a read of its own; a
  // paste's break comes with the text around it.
  it('Enter typed alone, then the next answer typed at once: the AppID is taken, and the keys typed ahead go to the secret prompt', async () => {
    const t = fakeTerminal();
    const p = await appidPrompt(t);
    for (const key of APPID) {
      t.keys.write(key);
      await sleep(2);
    }
    t.keys.write('\r');
    await sleep(10);
    for (const key of SECRET.slice(0, 4)) {
      t.keys.write(key);
      await sleep(2);
    }
    await until(() => p.seen.length > 0);
    expect(p.seen).toEqual([APPID]);
    await expect(p.answer).resolves.toBe(APPID);
    const secret = await secretPrompt(t);
    t.keys.write(SECRET.slice(4));
    await sleep(10);
    t.keys.write('\r');
    await expect(secret.answer).resolves.toBe(SECRET);
    expect(secret.seen).toEqual([SECRET]);
  });

  // An expect-like script: a line and its Enter written at once, the next line once the next prompt shows.
  it('a line written with its Enter, the next once the next prompt shows: each taken as typed; the same two lines at once are refused as a paste', async () => {
    const t = fakeTerminal();
    const p = await appidPrompt(t);
    t.keys.write(`${APPID}\r`);
    await expect(p.answer).resolves.toBe(APPID);
    const secret = await secretPrompt(t);
    await until(() => t.drawn().includes('AppSecret'));
    t.keys.write(`${SECRET}\r`);
    await expect(secret.answer).resolves.toBe(SECRET);
    const u = fakeTerminal();
    const pasted = await appidPrompt(u);
    u.keys.write(`${APPID}\r${SECRET}\r`);
    await until(() => pasted.seen.length > 0);
    expect(pasted.seen).toEqual([`${APPID}\n${SECRET}`]);
    await sleep(PASTE_QUIET_MS * 2);
    expect(pasted.done()).toBe(false);
    u.keys.write('\u0003');
    await expect(pasted.answer).rejects.toBeInstanceOf(CancelledError);
  });

  it('Ctrl-C at a text prompt while a paste is open: cancelled, nothing of it taken, and bracketed paste switched off', async () => {
    const t = fakeTerminal();
    const p = await appidPrompt(t);
    t.keys.write(`${START}${APPID}\n`);
    await sleep(PASTE_QUIET_MS * 2);
    t.keys.write('\u0003');
    await expect(p.answer).rejects.toBeInstanceOf(CancelledError);
    expect(p.seen).toEqual([]);
    expect(t.drawn().endsWith('\u001b[?2004l')).toBe(true);
  });
});

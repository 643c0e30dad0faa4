// Human output shows times as the terminal's local wall-clock time, `2026-12-04 04:04:39`, the way
// check and tokens do; --json keeps ISO 8601 UTC. Run in Asia/Shanghai (UTC+8) so the two differ.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { emulatorEnv, parseJson, runCli, tempConfigDir } from './helpers.js';

let emu: EmulatorHandle;
const savedTz = process.env.TZ;
beforeAll(async () => {
  process.env.TZ = 'Asia/Shanghai';
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.close();
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const local = (ms: number) => {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
};

describe('times in human output', () => {
  it('exchange: the rid’s time is local time, as check’s expiry is; --json keeps ISO UTC', async () => {
    const env = emulatorEnv(emu, emu.apps.find((a) => a.type === 'service')!, { WXAUTH_CONFIG_DIR: tempConfigDir() });
    const r = await runCli(['--lang', 'zh', 'exchange', '0bad'], { env });
    expect(r.code).toBe(3);
    const rid = /^rid\s+([0-9a-f]{8})-/m.exec(r.stderr)?.[1];
    expect(rid).toBeDefined();
    const issued = parseInt(rid!, 16) * 1000;
    expect(r.stderr).toContain(`rid 产生于 ${local(issued)}。`);
    expect(r.stderr).not.toMatch(/产生于 \d{4}-\d\d-\d\dT/);

    const json = await runCli(['exchange', '0bad', '--json'], { env });
    const doc = parseJson(json.stdout) as { error: { explanation?: { ridNote?: { en: string }; ridIssued?: string } } };
    expect(doc.error.explanation?.ridIssued).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(doc.error.explanation?.ridNote?.en).toContain(doc.error.explanation!.ridIssued!);
  });
});

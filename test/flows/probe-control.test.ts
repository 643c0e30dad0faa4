// probe's client of the emulator's control API: an --emulator that does not answer, while an emulator
// runs where `wxauth emulator` listens by default, is pointed at that one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { EmulatorControl } from '../../src/flows/probe/control.js';
import { freePort } from '../e2e/helpers.js';

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('an --emulator that does not answer', () => {
  it('names the emulator running at the usual address; with none there, says to start one', async () => {
    const wrong = `http://127.0.0.1:${await freePort()}`;
    const signal = new AbortController().signal;
    // The usual address, played by this test's emulator (3900 may be taken by another test).
    await expect(new EmulatorControl(wrong, signal, emu.url).apps()).rejects.toMatchObject({
      exitCode: 5,
      messageRef: { key: 'probe.emulator_down', params: { url: wrong } },
      hint: { key: 'probe.emulator_down.running', params: { running: emu.url } },
    });
    const nothing = `http://127.0.0.1:${await freePort()}`;
    await expect(new EmulatorControl(wrong, signal, nothing).apps()).rejects.toMatchObject({ hint: { key: 'probe.emulator_down.hint' } });
  });
});

// probe's client of the emulator's control API: an --emulator that does not answer, while an emulator
// runs where `wxauth emulator` listens by default, is pointed at that one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { EmulatorControl } from '../../src/flows/probe/control.js';
import { NetworkError } from '../../src/errors.js';
import { tr } from '../../src/ui/i18n.js';
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

// A control call that got no answer at all in time was "Cannot reach the emulator … start it", though
// something there had taken the connection and the request: busy, stuck, or another program on the port.
describe('an --emulator that takes the connection and never answers', () => {
  it('is said as no answer within the time, with the host, and a fix for a busy emulator or another program (en, zh), not as down', async () => {
    const held: http.ServerResponse[] = [];
    const silent = http.createServer((_req, res) => void held.push(res));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const host = new URL(origin).host;
    try {
      // Its usual address is the same one: "an emulator is running at …" must not be what it says either.
      const error = await new EmulatorControl(origin, new AbortController().signal, origin, 500).apps().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NetworkError);
      const e = error as NetworkError;
      expect(e).toMatchObject({ exitCode: 5, failure: 'timeout', host, mayHaveReachedServer: true });
      expect(e.messageRef).toEqual({ key: 'probe.emulator_no_answer', params: { url: origin, host, path: '/seed', ms: 500 } });
      expect(tr('en', e.messageRef)).toBe(`The emulator at ${origin} (${host}) took the connection but did not answer /__emulator/seed within 500 ms.`);
      expect(tr('en', e.hint!)).toMatch(new RegExp(`^It is not down: something listens at ${host.replace(/\./g, '\\.')} and does not answer\\. If it is the emulator, it may be busy or stuck`));
      expect(tr('en', e.hint!)).toContain('If another program holds that port');
      expect(tr('zh', e.messageRef)).toBe(`模拟器 ${origin} （${host}）接受了连接，但 500 毫秒内没有应答 /__emulator/seed。`);
      expect(tr('zh', e.hint!)).toMatch(/^它并没有停止运行：.*可能正忙或卡住了.*被别的程序占着/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

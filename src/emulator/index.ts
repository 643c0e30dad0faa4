// The local WeChat emulator, as a library: `const emu = await startEmulator(); … await emu.close()`.
// One origin serves both open.weixin.qq.com (authorize / qrconnect pages) and api.weixin.qq.com.
import { Emulator } from './server.js';
import type { EmulatorHandle, EmulatorOptions } from './types.js';

export type {
  AppType,
  EmulatorHandle,
  EmulatorOptions,
  EmulatorSwitches,
  FaultKind,
  FaultSpec,
  IssueCodeOptions,
  PublicApp,
  PublicUser,
  RequestRecord,
  ScanOptions,
  ScanResult,
  Seed,
  SeedApp,
  SeedUser,
} from './types.js';
export { EmulatorSeedError, defaultSeed, parseSeed, loadSeedFile, DEFAULT_APPIDS } from './seed.js';
export { FaultSpecError, faultText, parseFaultSpec } from './faults.js';
export { neverFires } from './server.js';
export { DEFAULT_SWITCHES, SWITCH_VALUES, parseSwitch } from './switches.js';

/** Start the emulator on `host` (default 127.0.0.1) and `port` (default 0 = any free port). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const emulator = new Emulator(options);
  await emulator.listen(options.port ?? 0, options.host ?? '127.0.0.1', options.headersTimeoutMs);
  return emulator.handleApi();
}

// Default behaviour switches: for each fact API-FACTS.md marks uncertain (⚠), the likelier default.
import type { EmulatorSwitches } from './types.js';

export const DEFAULT_SWITCHES: EmulatorSwitches = {
  contentType: 'auto',
  ridStyle: 'rid',
  expiredCodeErrcode: 40029,
  denyBehaviour: 'redirect-state-only',
  unknownPath: '40066',
  paramOrderCheck: true,
  loginScopeOnAuthorize: 'scope-error',
  silentUserinfo: 'never',
  profileEra: '2021',
  stateLengthCheck: true,
  whitelistErrmsg: '2021',
  userInfoEra: '2021',
};

/** The values each switch accepts (callerIp, a free-form IP, is not listed). */
export const SWITCH_VALUES: Record<string, readonly unknown[]> = {
  contentType: ['auto', 'json', 'text'],
  ridStyle: ['rid', 'hints', 'none'],
  expiredCodeErrcode: [40029, 42003],
  denyBehaviour: ['redirect-state-only', 'no-redirect'],
  unknownPath: ['40066', '404'],
  paramOrderCheck: [true, false],
  loginScopeOnAuthorize: ['scope-error', '10005'],
  silentUserinfo: ['never', 'followers'],
  profileEra: ['2021', 'legacy'],
  stateLengthCheck: [true, false],
  whitelistErrmsg: ['2021', '2022'],
  userInfoEra: ['2021', 'current'],
};

/**
 * A switch value given as text (CLI `--set name=value`): numbers and booleans are converted, then
 * checked. Returns undefined when the name or value is not allowed.
 */
export function parseSwitch(name: string, raw: string): { name: keyof EmulatorSwitches; value: unknown } | undefined {
  if (name === 'callerIp') return raw === '' ? undefined : { name, value: raw };
  const allowed = SWITCH_VALUES[name];
  if (!allowed) return undefined;
  const value = allowed.find((v) => String(v) === raw);
  return value === undefined ? undefined : { name: name as keyof EmulatorSwitches, value };
}

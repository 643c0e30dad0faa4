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
};

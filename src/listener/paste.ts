// `wxauth listen --paste`: the callback URL copied from the browser's address bar instead of a socket
// (for a callback domain that is a real public domain this machine cannot serve). Same verdicts as the
// listener: a code with a matching state, a refusal, or a mismatch.
import { CallbackError, UsageError } from '../errors.js';
import { parseCallbackUrl } from '../core/callback-url.js';
import { statesEqual, type CallbackHit, type CallbackResult } from './server.js';

export function evaluatePastedCallback(text: string, expectedState: string | undefined, now: number): CallbackResult {
  const parsed = parseCallbackUrl(text);
  const hit: CallbackHit = {
    seq: 1,
    time: new Date(now).toISOString(),
    at: now,
    method: 'PASTE',
    kind: 'code',
    markers: parsed.markers,
    ...(parsed.code !== undefined ? { code: parsed.code } : {}),
    ...(parsed.state !== undefined ? { state: parsed.state } : {}),
  };
  const stateOk = expectedState === undefined || (parsed.state !== undefined && statesEqual(parsed.state, expectedState));
  if (parsed.code === undefined || parsed.code === '') {
    if (parsed.state !== undefined && parsed.code === undefined && stateOk) {
      throw new CallbackError('denied', { key: 'listen.denied' }, { hint: { key: 'listen.denied.hint' } });
    }
    throw new UsageError({ key: 'listen.paste.noCode' }, { hint: { key: 'listen.paste.noCode.hint' } });
  }
  if (!stateOk) {
    throw new CallbackError(
      'state_mismatch',
      { key: 'listen.stateMismatch', params: { got: parsed.state ?? '', expected: expectedState } },
      { hint: { key: 'listen.stateMismatch.hint' } },
    );
  }
  return {
    code: parsed.code,
    state: parsed.state,
    stateChecked: expectedState !== undefined,
    hits: [hit],
    duplicates: [],
    codes: [parsed.code],
    ignored: 0,
  };
}

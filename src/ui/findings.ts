// A lint finding in the user's language: what `inspect` lists and what `url` refuses with.
import type { Finding, FindingKeys } from '../core/inspect.js';
import type { MessageKey } from '../errors.js';
import type { Output } from './output.js';

export interface RenderedFinding {
  id: string;
  severity: string;
  message: string;
  effect: string;
  fix: string;
}

const ACCOUNT_TYPES = new Set(['service', 'subscription', 'test', 'website']);

/** `keys` are the finding's catalogue keys (core's findingKeys(id)). */
export function renderFinding(out: Output, f: Finding, keys: FindingKeys): RenderedFinding {
  // An account type is shown by its name in the sentence's language (测试号, not `test`); --json keeps the value.
  const type = f.params.type;
  const params = typeof type === 'string' && ACCOUNT_TYPES.has(type) ? { ...f.params, type: { key: `account.type.${type}` as MessageKey } } : f.params;
  return {
    id: f.id,
    severity: f.severity,
    // The keys are checked (every finding id has its three texts); the params travel with the finding.
    message: out.tKey(keys.message, params),
    effect: out.tKey(keys.effect, params),
    fix: out.tKey(keys.fix, params),
  };
}

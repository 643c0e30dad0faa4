// A lint finding in the user's language: what `inspect` lists and what `url` refuses with.
import type { Finding, FindingKeys } from '../core/inspect.js';
import type { Output } from './output.js';

export interface RenderedFinding {
  id: string;
  severity: string;
  message: string;
  effect: string;
  fix: string;
}

/** `keys` are the finding's catalogue keys (core's findingKeys(id)). */
export function renderFinding(out: Output, f: Finding, keys: FindingKeys): RenderedFinding {
  return {
    id: f.id,
    severity: f.severity,
    // The keys are checked (every finding id has its three texts); the params travel with the finding.
    message: out.tKey(keys.message, f.params),
    effect: out.tKey(keys.effect, f.params),
    fix: out.tKey(keys.fix, f.params),
  };
}

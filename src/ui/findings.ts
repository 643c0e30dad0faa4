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

/**
 * `keys` are the finding's catalogue keys (core's findingKeys(id)); `profileFlag` (` --profile x`, or
 * empty for the default profile) goes into the commands a fix offers as {p}, so they change the profile
 * that was linted against.
 */
export function renderFinding(out: Output, f: Finding, keys: FindingKeys, profileFlag = ''): RenderedFinding {
  // The keys are checked (every finding id has its three texts); the params travel with the finding.
  const params = { ...f.params, p: profileFlag };
  return {
    id: f.id,
    severity: f.severity,
    // trimEnd: a sentence whose last value is empty (`error={error} {description}` with no description).
    message: out.tKey(keys.message, params).trimEnd(),
    effect: out.tKey(keys.effect, params),
    fix: out.tKey(keys.fix, params),
  };
}

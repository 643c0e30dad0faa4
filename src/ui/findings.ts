// A lint finding in the user's language: what `inspect` lists and what `url` refuses with.
import type { Finding } from '../core/inspect.js';
import type { Output } from './output.js';

export interface RenderedFinding {
  id: string;
  severity: string;
  message: string;
  effect: string;
  fix: string;
}

/** `keys` are the finding's catalogue keys (core's findingKeys(id)). */
export function renderFinding(out: Output, f: Finding, keys: { message: string; effect: string; fix: string }): RenderedFinding {
  return {
    id: f.id,
    severity: f.severity,
    message: out.t(keys.message, f.params),
    effect: out.t(keys.effect, f.params),
    fix: out.t(keys.fix, f.params),
  };
}

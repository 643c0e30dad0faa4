// The local callback listener (library): `waitForCallback()` / `startCallbackListener()`.
export {
  DEFAULT_DUPLICATE_WINDOW_MS,
  DEFAULT_HOST,
  DEFAULT_PATH,
  normalizePath,
  startCallbackListener,
  statesEqual,
  waitForCallback,
  type CallbackHit,
  type CallbackListener,
  type CallbackResult,
  type HitKind,
  type ListenerOptions,
} from './server.js';
export { escapeHtml, renderPage, type Translate } from './page.js';
export { isLoopbackHost, isPrivateLanHost, isWildcardHost, lanAddresses } from './addresses.js';
export {
  DEFAULT_PORT,
  DEFAULT_TIMEOUT_SECONDS,
  localRedirect,
  parseHost,
  parsePath,
  parsePort,
  parseTimeoutSeconds,
  planListener,
  type ListenFlags,
  type ListenPlan,
} from './plan.js';
export { evaluatePastedCallback } from './paste.js';
export { buildRelaySnippet, relayExpiresAt, RELAY_TTL_MINUTES, RELAY_TTL_MAX_MINUTES, type RelaySnippetInput } from './relay.js';

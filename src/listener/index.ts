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
export { escapeHtml, renderPage, type PageOutcome, type Translate } from './page.js';
export { isLoopbackHost, isPrivateLanHost, isWildcardHost, lanAddresses } from './addresses.js';

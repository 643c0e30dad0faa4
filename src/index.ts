// The programmatic API (package "exports"): the pure protocol core, the typed WeChat client, and the
// emulator for your own test suites. The CLI itself lives in main.ts.
//
//   import { startEmulator, WechatApi, buildAuthorizeUrl } from 'wxauth';
//   const emu = await startEmulator({ port: 0 });
//   const api = new WechatApi({ apiBase: emu.url, timeoutMs: 5000 });

export * from './errors.js';
export { buildAuthorizeUrl, buildWxLoginEmbed, isScope } from './core/authorize-url.js';
export type * from './core/authorize-url.js';
export { inspectUrl, hasErrors } from './core/inspect.js';
export type { InspectResult, InspectContext, Finding } from './core/inspect.js';
export { generateState, validateState } from './core/state.js';
export { parseCallbackUrl } from './core/callback-url.js';
export type { ParsedCallback } from './core/callback-url.js';
export { matchCallbackDomain } from './core/domain.js';
export { explainErrcode, parseErrorBody, extractRid } from './core/errcodes.js';
export type { ErrcodeExplanation, ParsedErrorBody } from './core/errcodes.js';
export { PATHS, REGIONS, DEFAULT_API_BASE, DEFAULT_OPEN_BASE } from './core/endpoints.js';
export { WechatHttpClient } from './http/client.js';
export type { ClientOptions, ApiResponse, SentRequest } from './http/client.js';
// What a narrower given to WechatHttpClient#call returns: the value, or the problems found, as data.
export type { Narrowed, ShapeProblem } from './core/responses.js';
export { WechatApi } from './http/api.js';
export type * from './http/api.js';
export { startEmulator } from './emulator/index.js';
export type * from './emulator/index.js';
export { waitForCallback } from './listener/server.js';

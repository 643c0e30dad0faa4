// Default behaviour switches: for each fact API-FACTS.md marks uncertain (⚠), the likelier default.
import { isIP } from 'node:net';
import type { EmulatorSwitches } from './types.js';

export const DEFAULT_SWITCHES: EmulatorSwitches = {
  contentType: 'auto',
  ridStyle: 'rid',
  expiredCodeErrcode: 40029,
  denyBehaviour: 'redirect-state-only',
  unknownPath: '40066',
  paramOrderCheck: true,
  // §1.1 [OBS] and §1.5 [DOC] both say 10005 for snsapi_login on /connect/oauth2/authorize.
  loginScopeOnAuthorize: '10005',
  // §1.5 ⚠: 10003 reads differently on PC WeChat; its User-Agent tells which page to show.
  redirectErrorWording: 'by-user-agent',
  // §1.1 ⚠: forcePopup shows the consent page per the doc; one report saw it trigger snapshot mode.
  forcePopupEffect: 'consent',
  silentUserinfo: 'never',
  profileEra: '2021',
  stateLengthCheck: true,
  whitelistErrmsg: '2021',
  userInfoEra: '2021',
  httpOnSns: 'allow',
  codeCheckOrder: 'secret-first',
  // §4 ⚠: is_snapshotuser is documented for every snapshot user's exchange, seen missing on first calls.
  snapshotFlag: 'always',
  authExpiredErrcode: 42001,
  tokenBadSecretErrcode: 40125,
  minuteQuotaErrmsg: 'errcode-page',
  reusedCodeErrcode: 40163,
  refreshTokenDays: 30,
  refreshRenews: false,
  // §0.3 ⚠: the official example's order.
  tokenKeyOrder: 'doc',
  // §5 ⚠: the 开放平台 docs (OA doc silent); what the emulator always did.
  refreshUnexpired: 'extend',
  // §7 ⚠: the English doc's default; it shows only with profileEra=legacy.
  userinfoLang: 'zh_CN',
  // §0.3 ⚠: raw UTF-8 in every raw sample but one PHP example.
  nonAsciiJson: 'raw',
  // §2.1 ⚠: the doc over a single 2024 report.
  qrLangEn: 'follows-lang',
  // JSSDK-FACTS §5: default 0 (unverified).
  ticketGraceSeconds: 0,
  snsRidErrcode: 76001,
  credentialErrmsg: 'space',
  upperCaseSignature: 'accept',
  // JSSDK-FACTS §1.2 ⚠: 45009 as observed (getticket 2015 and 2020, rid/get's example) over the old limits page.
  dailyQuotaErrmsg: 'reach-max',
};

/** The values each switch accepts (callerIp, a free-form IP, is not listed). */
export const SWITCH_VALUES: Record<string, readonly unknown[]> = {
  contentType: ['auto', 'json', 'text', 'outcome', 'json-charset'],
  ridStyle: ['rid', 'hints', 'none'],
  expiredCodeErrcode: [40029, 42003],
  denyBehaviour: ['redirect-state-only', 'no-redirect'],
  unknownPath: ['40066', '404'],
  paramOrderCheck: [true, false],
  loginScopeOnAuthorize: ['10005', 'scope-error'],
  redirectErrorWording: ['by-user-agent', 'mobile', 'pc'],
  forcePopupEffect: ['consent', 'snapshot'],
  silentUserinfo: ['never', 'followers'],
  profileEra: ['2021', 'legacy'],
  stateLengthCheck: [true, false, 'pc-only'],
  whitelistErrmsg: ['2021', '2022'],
  userInfoEra: ['2021', 'current'],
  httpOnSns: ['allow', '43003'],
  codeCheckOrder: ['secret-first', 'code-first'],
  snapshotFlag: ['always', 'missing-first'],
  authExpiredErrcode: [42001, 40014],
  tokenBadSecretErrcode: [40125, 40001],
  minuteQuotaErrmsg: ['errcode-page', 'doc-table'],
  reusedCodeErrcode: [40163, 40029],
  refreshTokenDays: [30, 180],
  refreshRenews: [false, true],
  tokenKeyOrder: ['doc', 'expires-last'],
  refreshUnexpired: ['extend', 'new-token'],
  userinfoLang: ['zh_CN', 'en'],
  nonAsciiJson: ['raw', 'escaped'],
  qrLangEn: ['follows-lang', 'embedded-chinese'],
  ticketGraceSeconds: [0, 300, 3600],
  snsRidErrcode: [76001, 76022],
  credentialErrmsg: ['space', 'comma'],
  upperCaseSignature: ['accept', 'reject'],
  dailyQuotaErrmsg: ['reach-max', 'freq-out'],
};

/**
 * The allowed value of switch `name` that `given` stands for, as JSON or as text: `42003` or
 * `"42003"`, `"404"` or `404`, `false` or `"false"` — GET /__emulator/switches shows some values as
 * numbers and some as strings, and a caller should not have to know which (issue 12 item 18).
 * Undefined when the name or the value is not allowed.
 */
export function coerceSwitch(name: string, given: unknown): unknown {
  if (!Object.hasOwn(SWITCH_VALUES, name)) return undefined;
  if (typeof given !== 'string' && typeof given !== 'number' && typeof given !== 'boolean') return undefined;
  return SWITCH_VALUES[name]!.find((v) => v === given || String(v) === String(given));
}

/**
 * A switch value given as text (CLI `--set name=value`): numbers and booleans are converted, then
 * checked. Returns undefined when the name or value is not allowed.
 */
export function parseSwitch(name: string, raw: string): { name: keyof EmulatorSwitches; value: unknown } | undefined {
  if (name === 'callerIp') return isIP(raw) === 0 ? undefined : { name, value: raw };
  const value = coerceSwitch(name, raw);
  return value === undefined ? undefined : { name: name as keyof EmulatorSwitches, value };
}

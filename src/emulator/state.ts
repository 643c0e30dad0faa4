// The emulator's memory: codes, user tokens, basic tokens, quotas, rids, QR and consent sessions.
// Times are milliseconds on the emulator clock, passed in by the caller.

export type Scope = 'snsapi_base' | 'snsapi_userinfo' | 'snsapi_login';

export interface CodeEntry {
  appid: string;
  userId: string;
  scope: Scope;
  snapshot: boolean;
  expiresAt: number;
  used: boolean;
}

export interface SnsGrant {
  appid: string;
  userId: string;
  openid: string;
  scope: Scope;
  snapshot: boolean;
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

export interface BasicTokenEntry {
  appid: string;
  kind: 'basic' | 'stable';
  issuedAt: number;
  expiresAt: number;
  /** Replaced by a newer token: once past expiresAt it answers 40001 (not latest), not 42001. */
  superseded?: boolean;
}

export interface RidEntry {
  rid: string;
  appid?: string;
  family: 'sns' | 'cgi';
  invokeTime: number;
  costMs: number;
  requestUrl: string;
  requestBody: string;
  responseBody: string;
  clientIp: string;
}

export interface QrSession {
  uuid: string;
  appid: string;
  redirectUri: string;
  state: string;
  createdAt: number;
  /** §2.3: 408 waiting, 404 scanned, 403 cancelled, 402 expired, 405 confirmed. */
  status: 408 | 404 | 403 | 402 | 405;
  code?: string;
  userId?: string;
  selfRedirect: boolean;
  jssdk: boolean;
}

export interface ConsentTicket {
  ticket: string;
  appid: string;
  redirectUri: string;
  state: string;
  scope: Scope;
  createdAt: number;
  used: boolean;
}

export class EmulatorState {
  codes = new Map<string, CodeEntry>();
  /** By access_token and by refresh_token (the same grant object). */
  grantsByAccess = new Map<string, SnsGrant>();
  grantsByRefresh = new Map<string, SnsGrant>();
  basicTokens = new Map<string, BasicTokenEntry>();
  /** Latest /cgi-bin/token and /cgi-bin/stable_token token per appid. */
  currentBasic = new Map<string, string>();
  currentStable = new Map<string, string>();
  stableForce = new Map<string, { day: number; count: number; lastAt: number }>();
  /** `${appid} ${cgi_path}` -> calls today. */
  quota = new Map<string, { day: number; used: number }>();
  clears = new Map<string, { month: string; count: number }>();
  rids = new Map<string, RidEntry>();
  qr = new Map<string, QrSession>();
  tickets = new Map<string, ConsentTicket>();
}

/** Quota days follow Beijing time (UTC+8): WeChat resets daily limits at 00:00 China time. */
export function beijingDay(ms: number): number {
  return Math.floor((ms + 8 * 3600_000) / 86_400_000);
}

export function beijingMonth(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
}

// Shapes WeChat uses for credentials and callback settings. Pure functions, shared by the config
// store (validation on write) and by url/inspect.

export const ACCOUNT_TYPES = ['service', 'subscription', 'test', 'website'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export function isAccountType(value: string): value is AccountType {
  return (ACCOUNT_TYPES as readonly string[]).includes(value);
}

/** appid: `wx` followed by 16 lower-case hex digits (WeChat prints them lower-case; accept either case). */
export function isAppid(value: string): boolean {
  return /^wx[0-9a-fA-F]{16}$/.test(value);
}

/** AppSecret: 32 hex digits. */
export function isSecret(value: string): boolean {
  return /^[0-9a-fA-F]{32}$/.test(value);
}

/**
 * 网页授权域名 / 授权回调域: a bare host with an optional port — no scheme, path, query or spaces.
 * Ports are only honoured on test accounts; that rule is checked where the account type is known.
 */
export function isCallbackDomain(value: string): boolean {
  if (!value || /\s/.test(value) || value.includes('://') || /[/?#@]/.test(value)) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m) return false;
  const host = m[1] ?? '';
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..')) return false;
  if (m[2] !== undefined) {
    const port = Number(m[2]);
    if (port < 1 || port > 65535) return false;
  }
  return true;
}

/** An absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}

/** Profile names become keys in the config file; keep them simple. */
export function isProfileName(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** `3f2a…9c1e`: enough to recognise a secret, not enough to use it. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '…';
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}

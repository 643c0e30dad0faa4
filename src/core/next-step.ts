// What the user should do next after WeChat answered an errcode: ONE table for every use case, so the
// same errcode gets the same advice wherever it is met, and the advice is tested in one place. The
// same errcode means different things on different endpoints (76003 on quota/get is a malformed path,
// on rid/get a rid of another account), so the situation names the call and carries the facts the
// advice depends on. Pure: no clock, no I/O; the answer is a catalogue key (src/ui/messages) with its
// parameters, rendered in the user's language at the edge.
import { messageRef, type MessageRef } from '../errors.js';
import { PATHS, isTokenEndpoint } from './endpoints.js';
import { DAY, TOKEN_EXPIRED_ERRCODES, grantsUserinfo, looksLowerCased, splitScopes } from './token.js';
import { profileFlag, type AccountType } from './validate.js';
import { listenerCanReceive } from './host-names.js';

/** rids can be looked up for 7 days (API-FACTS §11). */
export const RID_RETENTION_MS = 7 * DAY;
/**
 * How far ahead of this computer's clock a rid's time may be and still be real (WeChat's clock and
 * this one differ a little); further ahead, no request made it: the rid is mistyped or made up.
 */
export const RID_FUTURE_SLACK_MS = DAY / 24;


/**
 * How to authorise again under a profile, for the hints' {login}: `wxauth login` when it can catch the
 * callback here (no redirect_uri saved, or one on loopback or a private LAN address); else `wxauth url`
 * and `listen --paste --exchange`, since login refuses a redirect_uri it cannot listen on (a real
 * account's public https callback). Pure, so it does not know this machine's own public address, which
 * login also takes (a test account on a cloud server): such a profile is sent the paste way, which works.
 */
export function authorizeAgain(profile: string, redirectUri: string | undefined, scope?: string): MessageRef {
  const p = profileFlag(profile);
  const s = scope ? ` --scope ${scope}` : '';
  if (redirectUri === undefined || redirectUri === '' || listenerCanReceive(redirectUri)) return messageRef('tokens.again.login', { p, scope: s });
  return messageRef('tokens.again.paste', { p, uri: redirectUri, scope: s });
}

/** A call on a user (web-authorization) token: /sns/oauth2/access_token, refresh_token, /sns/auth, /sns/userinfo. */
export interface UserTokenSituation {
  use: 'exchange' | 'refresh' | 'check' | 'userinfo';
  profile: string;
  /** The profile's redirect_uri: whether `wxauth login` can catch a new code (authorizeAgain). */
  redirectUri?: string;
  appid?: string;
  /** The code sent to exchange (a lower-cased one explains 40029). */
  code?: string;
  /**
   * wxauth itself exchanged this code before (the token cache's record of it): when (ms since the
   * epoch), for which appid, profile and openid. Explains 40163, 40029 where WeChat answers a reused code
   * with it (API-FACTS §4 ⚠), and 40029 for a code of another appid.
   */
  spentHere?: { at: number; appid: string; profile: string; openid: string; lost?: 'timeout' | 'reset' | 'answer' | 'tokens' };
  /** wxauth holds a refresh_token that may still work. */
  canRefresh?: boolean;
  /** userinfo was told not to refresh by itself (--no-refresh). */
  noAutoRefresh?: boolean;
  /** userinfo refreshed once already, and the new access_token was refused too. */
  refreshedAlready?: boolean;
  /** The token belongs to a snapshot-page virtual user (is_snapshotuser=1). */
  isSnapshotUser?: boolean;
  /** The scope WeChat granted the token, where wxauth knows it (its cache). */
  scope?: string;
  /** The token was given as an argument with another openid; the cache holds it for this one (40003 names it). */
  tokenOwner?: string;
  /**
   * The cached user the call was about, when `wxauth refresh` / `check` without --openid would not pick
   * that user (another is the latest) or the user was named (--openid, a positional openid): the steps'
   * commands then carry `--openid` so that following them acts on this user, not the latest one.
   */
  cachedUser?: string;
  /** The token was given as an argument and is none wxauth obtained (not in the cache). */
  unknownToken?: boolean;
  /** Which credentials came from WXAUTH_APPID / WXAUTH_SECRET: `config set` cannot fix those (the variable wins). */
  fromEnv?: EnvCredentials;
}

/** Which of appid and secret came from their WXAUTH_* variable. */
export interface EnvCredentials {
  appid?: boolean;
  secret?: boolean;
}

/** The environment variable of each credential (the names store/resolve.ts reads). */
export const CREDENTIAL_ENV = { appid: 'WXAUTH_APPID', secret: 'WXAUTH_SECRET' } as const;

/** From a resolved config's `sources`: which credentials the environment supplied. */
export function envCredentials(sources: { appid?: string; secret?: string }): EnvCredentials {
  return { ...(sources.appid === 'env' ? { appid: true } : {}), ...(sources.secret === 'env' ? { secret: true } : {}) };
}

export type Situation =
  | UserTokenSituation
  /** Fetching the basic access_token: stable_token, stable_token with force_refresh, or legacy /cgi-bin/token. */
  | {
      use: 'token';
      mode: 'stable' | 'force' | 'legacy';
      /** The caller IP WeChat wrote into errmsg (40164). */
      ip?: string;
      /** The profile's account type: a website app's whitelist is on the Open Platform, not the 公众号 console. */
      type?: AccountType;
      /** The profile: the commands the advice offers name it (` --profile x`). */
      profile?: string;
    }
  /** A CACHED basic token that WeChat refused; wxauth fetches a fresh stable token and tries once more. */
  | {
      use: 'cached-token-rejected';
      appid: string;
      kind?: 'stable' | 'legacy';
      /** The token's issuer when it is not WeChat (an emulator: a reset or restart forgets every token it issued). */
      apiHost?: string;
    }
  /**
   * A basic token wxauth fetched with stable_token just now (`retried`: after the cached one was refused;
   * `sameToken`: stable_token handed back that refused token), refused by `endpoint` all the same.
   */
  | { use: 'stable-token-rejected'; appid: string; endpoint: string; retried: boolean; sameToken: boolean; apiHost?: string }
  /** POST /cgi-bin/openapi/quota/get for one API path. */
  | { use: 'quota-get'; cgiPath: string }
  /** POST /cgi-bin/clear_quota. */
  | { use: 'quota-clear'; appid: string }
  /** POST /cgi-bin/openapi/rid/get. `at` is the rid's time as shown to the user; `ageMs` how old it is. */
  | { use: 'rid'; rid: string; appid: string; at: string; ageMs: number }
  /** GET /cgi-bin/user/info (the followed-account profile, `wxauth user`). */
  | { use: 'user'; appid: string }
  /**
   * Any call whose appid or secret WeChat rejected: say where the rejected value came from (flag, env,
   * profile, default), as a note next to the hint.
   */
  | { use: 'credentials'; profile: string; appid?: string; sources: { appid?: string; secret?: string }; envOverProfile?: { appid?: true; secret?: true }; endpoint?: string };

/** The advice for `errcode` in `situation`, or undefined when wxauth has nothing better than the errcode explanation. */
export function nextStep(errcode: number, situation: Situation): MessageRef | undefined {
  switch (situation.use) {
    case 'exchange':
    case 'refresh':
    case 'check':
    case 'userinfo':
      return userTokenStep(errcode, situation);
    case 'token':
      return basicTokenStep(errcode, situation.mode, situation.ip, situation.type, profileFlag(situation.profile ?? 'default'));
    case 'cached-token-rejected':
      // 40001: another server fetched a new token; 42001: expired early; 40014: not a token at all.
      if (!TOKEN_EXPIRED_ERRCODES.includes(errcode)) return undefined;
      // The presenter adds the kind and how old the token was; these texts need more than appid.
      // A /cgi-bin/token fetch elsewhere cannot knock out a stable token (isolated from them, API-FACTS §9):
      // only a forced refresh can.
      // On a host that is not WeChat's (an emulator), a reset or a restart that forgot the token says
      // 40001 too, and is likelier there than any other server's doing: said beside the usual cause.
      if (errcode === 40001) {
        const host: MessageRef | '' = situation.apiHost ? { key: 'basic.event.rejected.host', params: { host: situation.apiHost } } : '';
        return messageRef(situation.kind === 'stable' ? 'basic.event.rejected.40001.stable' : 'basic.event.rejected.40001', { appid: situation.appid, host });
      }
      return messageRef(`basic.event.rejected.${errcode as 42001 | 40014}`, { appid: situation.appid });
    case 'stable-token-rejected': {
      // Only 40001 has a misleading generic fix here ("switch to stable_token", which wxauth already used).
      if (errcode !== 40001) return undefined;
      const how = situation.sameToken ? 'same' : situation.retried ? 'again' : 'fresh';
      // On a host that is not WeChat's, a fault armed there may be all there is to it.
      const host: MessageRef | '' = situation.apiHost ? { key: 'basic.stable.rejected.host', params: { host: situation.apiHost } } : '';
      // The same token refused twice is no forced refresh's doing (that hands out a new token).
      const next: MessageRef =
        how === 'same' ? host || { key: 'basic.stable.rejected.wechat' } : { key: 'basic.stable.rejected.forced', params: { appid: situation.appid, host } };
      return { key: `basic.stable.rejected.${how}`, params: { endpoint: situation.endpoint, next } };
    }
    case 'quota-get': {
      const params = { path: situation.cgiPath };
      switch (errcode) {
        // /sns/* are limited per minute, not per day: quota/get has nothing to say about them.
        case 76022:
          return /^\/sns\//.test(situation.cgiPath) ? { key: 'basic.quota.sns.hint' } : { key: 'basic.quota.76022.hint', params };
        case 76021: {
          // `/cgi-bin/token/`: the path is right but for its last character, which "check the spelling" hid.
          const trimmed = situation.cgiPath.replace(/\/+$/, '');
          if (trimmed !== situation.cgiPath && trimmed !== '') return { key: 'basic.quota.76021.slash.hint', params: { path: situation.cgiPath, trimmed } };
          return { key: 'basic.quota.76021.hint', params };
        }
        case 76003:
          return { key: 'basic.quota.76003.hint', params };
        default:
          return undefined;
      }
    }
    case 'quota-clear':
      if (errcode === 48006) return { key: 'basic.clear.48006.hint' };
      if (errcode === 40013) return { key: 'basic.clear.40013.hint', params: { appid: situation.appid } };
      return undefined;
    case 'rid': {
      const params = { rid: situation.rid, at: situation.at, appid: situation.appid };
      switch (errcode) {
        case 76001:
          return messageRef(situation.ageMs > RID_RETENTION_MS ? 'basic.rid.76001.old.hint' : 'basic.rid.76001.hint', params);
        case 76002:
          return messageRef('basic.rid.76002.hint', params);
        case 76003:
          return messageRef('basic.rid.76003.hint', params);
        case 76022:
          return messageRef('basic.rid.76022.hint', params);
        default:
          return undefined;
      }
    }
    case 'user':
      if (errcode === 40003) return { key: 'basic.user.40003.hint', params: { appid: situation.appid } };
      if (errcode === 48001) return { key: 'basic.user.48001.hint', params: { appid: situation.appid } };
      return undefined;
    case 'credentials': {
      const field = credentialOf(errcode, situation.endpoint);
      const source = field && situation.sources[field];
      if (!field || !source) return undefined;
      // From the environment: name the one variable, which `config set` cannot override.
      // Unsetting it brings back the profile's value only when the profile saves one.
      if (source === 'env')
        return messageRef(situation.envOverProfile?.[field] === true ? 'common.source.envVar' : 'common.source.envVarOnly', {
          field,
          variable: CREDENTIAL_ENV[field],
          profile: situation.profile,
          appid: situation.appid ?? '-',
        });
      return messageRef(`common.source.${source as 'flag' | 'env' | 'profile' | 'default'}`, { field, profile: situation.profile, appid: situation.appid ?? '-' });
    }
  }
}

/**
 * Which credential an errcode blames: 40013/41002 the appid (invalid/missing), 40125/41004 the secret,
 * and 40001 from a token endpoint itself (the code exchange too: it is sent no token) the secret too
 * (older servers' word for a wrong AppSecret, API-FACTS §8).
 */
function credentialOf(errcode: number, endpoint?: string): 'appid' | 'secret' | undefined {
  if (errcode === 40013 || errcode === 41002) return 'appid';
  if (errcode === 40125 || errcode === 41004) return 'secret';
  if (errcode === 40001 && (isTokenEndpoint(endpoint) || endpoint === PATHS.snsAccessToken)) return 'secret';
  return undefined;
}

/** The user-token steps; each is a `tokens.next.<step>` message taking {profile, p, appid}. */
type UserTokenStep =
  /** 40029 / 42003 / 41008: get a fresh code and exchange it at once. */
  | 'new_code'
  /** 40029 with an all-lower-case code: something lower-cased the URL (codes are case-sensitive, §0.5). */
  | 'new_code_lower'
  /** 40163: the code was already exchanged (often a doubled callback). */
  | 'code_used'
  /** 40163 / 40029 for a code wxauth sent and was cancelled before the answer. */
  | 'code_sent_cancelled'
  /** The same for a code whose exchange got no answer (timed out, the connection cut). */
  | 'code_sent_timeout'
  | 'code_sent_reset'
  /** The same for one whose answer was not WeChat's (a gateway's error page): it may have reached WeChat. */
  | 'code_sent_answer'
  /** The same for one whose answer carried tokens but not WeChat's whole answer: it did reach WeChat. */
  | 'code_sent_tokens'
  /** 40163 / 40029 for a code wxauth itself exchanged before, with this appid. */
  | 'code_spent_here'
  /** The same, but wxauth exchanged it with another appid: the code belongs to that one. */
  | 'code_spent_other_appid'
  /** 40125 / 41004: the appsecret is wrong or missing. */
  | 'fix_secret'
  /** The same, the secret from WXAUTH_SECRET. */
  | 'fix_secret_env'
  /**
   * 40001 on the code exchange: the exchange is sent no token, so the "credential" refused is the
   * appid + AppSecret pair (older servers' word for a wrong secret; a secret of another account).
   */
  | 'fix_pair'
  /** The same, the secret from WXAUTH_SECRET. */
  | 'fix_pair_env'
  /** 40013 / 41002: the appid is wrong or missing. */
  | 'fix_appid'
  /** The same, the appid from WXAUTH_APPID. */
  | 'fix_appid_env'
  /**
   * 40001 on refresh: the refresh is sent no AppSecret and no access_token, only the appid and the
   * refresh_token, so the credential refused is that pair (a refresh_token of another appid, or cut short).
   * Not 40030's "unknown or past its 30 days", which is WeChat's documented answer (API-FACTS §5).
   */
  | 'refresh_credential'
  /** 40030 / 42002 / 42007 / 41003: the refresh_token is dead: authorise again. */
  | 'reauthorize'
  /** 42001 / 40001 / 40014 with a usable refresh_token: refresh. */
  | 'refresh'
  /** The same on userinfo --no-refresh: it did not refresh by itself, as asked. */
  | 'refresh_no_auto'
  /** 42001 / 40001 / 40014 without one: authorise again. */
  | 'reauthorize_no_refresh'
  /** The same after userinfo's own refresh: the fresh token was refused too. */
  | 'refresh_did_not_help'
  /** 40003: the openid does not belong to this access_token. */
  | 'openid_mismatch'
  /** 40003 for a cached access_token given with another user's openid: the cache names its user. */
  | 'openid_mismatch_owner'
  /** 48001 on userinfo: the token is snsapi_base. */
  | 'need_userinfo_scope'
  /** 48001 on userinfo for a snapshot user. */
  | 'snapshot_user'
  /** 48001 on userinfo although the token was granted snsapi_userinfo and carries no snapshot flag. */
  | 'userinfo_scope_refused'
  /** 40014 on a token wxauth never obtained: cut short, or not a web-authorization token (a basic one). */
  | 'not_sns_token';

function userTokenStep(errcode: number, s: UserTokenSituation): MessageRef | undefined {
  const step = userTokenStepName(errcode, s);
  if (!step) return undefined;
  // The tokens.next.* texts share these params; each uses the ones it needs.
  // The time is shown as the user's local time where the message is rendered (ui/i18n.ts).
  const h = s.spentHere;
  const spent = h ? { at: { localTime: h.at }, openid: h.openid, codeAppid: h.appid, codeProfile: h.profile, cp: profileFlag(h.profile) } : {};
  return messageRef(`tokens.next.${step}`, {
    profile: s.profile,
    p: profileFlag(s.profile),
    appid: s.appid ?? '-',
    login: authorizeAgain(s.profile, s.redirectUri),
    // 48001's steps: the new authorization must ask for the profile.
    loginUserinfo: authorizeAgain(s.profile, s.redirectUri, 'snsapi_userinfo'),
    ...spent,
    ...(s.tokenOwner !== undefined ? { owner: s.tokenOwner, command: s.use } : {}),
    // The refresh / check a step names, aimed at the user this call was about (empty: the latest user).
    user: s.cachedUser !== undefined ? ` --openid ${s.cachedUser}` : '',
  });
}

function spentStep(s: UserTokenSituation): UserTokenStep {
  // openid '': wxauth sent the code and was stopped before the answer (flows/user-token.ts exchangeCode).
  if (s.spentHere?.openid === '') return s.spentHere.lost ? `code_sent_${s.spentHere.lost}` : 'code_sent_cancelled';
  return s.spentHere && s.appid !== undefined && s.spentHere.appid !== s.appid ? 'code_spent_other_appid' : 'code_spent_here';
}

function userTokenStepName(errcode: number, s: UserTokenSituation): UserTokenStep | undefined {
  switch (errcode) {
    case 40029:
    case 42003:
    case 41008:
      if (s.use !== 'exchange') return undefined;
      if (errcode === 40029 && s.spentHere) return spentStep(s);
      return s.code && looksLowerCased(s.code) ? 'new_code_lower' : 'new_code';
    case 40163:
      return s.spentHere ? spentStep(s) : 'code_used';
    case 40125:
    case 41004:
      return s.fromEnv?.secret ? 'fix_secret_env' : 'fix_secret';
    case 40013:
    case 41002:
      return s.fromEnv?.appid ? 'fix_appid_env' : 'fix_appid';
    case 40030:
    case 42002:
    case 42007:
    case 41003:
      return 'reauthorize';
    case 40003:
      return s.tokenOwner !== undefined && (s.use === 'check' || s.use === 'userinfo') ? 'openid_mismatch_owner' : 'openid_mismatch';
    case 48001:
      if (s.use !== 'userinfo') return undefined;
      if (s.isSnapshotUser) return 'snapshot_user';
      // Granted snsapi_userinfo, yet refused: not a scope to ask again for (API-FACTS §4 ⚠: the snapshot
      // flag is sometimes missing from the first exchange; or the account lacks the right).
      return s.scope !== undefined && grantsUserinfo(splitScopes(s.scope)) ? 'userinfo_scope_refused' : 'need_userinfo_scope';
    default:
      if (errcode === 40001 && s.use === 'exchange') return s.fromEnv?.secret ? 'fix_pair_env' : 'fix_pair';
      if (errcode === 40001 && s.use === 'refresh') return 'refresh_credential';
      // 40014 is "invalid", not "expired" (that is 42001): for a token pasted by hand, the likelier
      // causes are a truncated copy or a basic /cgi-bin/token pasted by mistake.
      if (errcode === 40014 && s.unknownToken && (s.use === 'check' || s.use === 'userinfo')) return 'not_sns_token';
      if (TOKEN_EXPIRED_ERRCODES.includes(errcode) && (s.use === 'check' || s.use === 'userinfo')) {
        if (s.refreshedAlready) return 'refresh_did_not_help';
        if (!s.canRefresh) return 'reauthorize_no_refresh';
        return s.use === 'userinfo' && s.noAutoRefresh ? 'refresh_no_auto' : 'refresh';
      }
      return undefined;
  }
}

/**
 * Fetching the basic token: 40164 names the IP WeChat saw and where to whitelist it (a website app's
 * whitelist is on the Open Platform, a 公众号's in its own console); 45009 says which
 * quota ran out (legacy 2000/day, stable 10 000/min, force_refresh 20/day) and how to look at it.
 */
function basicTokenStep(errcode: number, mode: 'stable' | 'force' | 'legacy', ip: string | undefined, type: AccountType | undefined, p: string): MessageRef | undefined {
  if (errcode === 40164) {
    if (type === 'website') return ip ? { key: 'basic.ip.website.hint', params: { ip } } : { key: 'basic.ip.website.unknown.hint' };
    return ip ? { key: 'basic.ip.hint', params: { ip } } : { key: 'basic.ip.unknown.hint' };
  }
  if (errcode === 45009) {
    if (mode === 'force') return { key: 'basic.quota.force.hint', params: { p, path: PATHS.stableToken } };
    // A 测试号's /cgi-bin/token allows 200 a day, not the 2000 of most accounts (API-FACTS §8).
    return mode === 'legacy'
      ? { key: type === 'test' ? 'basic.quota.legacy.test.hint' : 'basic.quota.legacy.hint', params: { p, path: PATHS.token } }
      : { key: 'basic.quota.stable.hint', params: { p, path: PATHS.stableToken } };
  }
  return undefined;
}

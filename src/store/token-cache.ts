// The token cache: user tokens (per profile, appid and openid), basic access_tokens (per profile and
// appid) and the state `wxauth url` issued last. A file apart from the config, mode 0600; it never
// holds the appsecret. Every write re-reads the file under a lock, so two processes keep both entries.
import { JsonFile } from './files.js';

export interface UserTokenEntry {
  appid: string;
  openid: string;
  unionid?: string;
  scope: string;
  accessToken: string;
  /** ms since epoch */
  accessTokenExpiresAt: number;
  refreshToken?: string;
  /** ms since epoch; WeChat documents 30 days from the authorisation */
  refreshTokenExpiresAt?: number;
  obtainedAt: number;
  isSnapshotUser?: boolean;
}

/** A cached basic token (src/flows/basic-token.ts reads and writes these). */
export interface BasicTokenEntry {
  appid: string;
  /** stable = /cgi-bin/stable_token; legacy = /cgi-bin/token */
  kind: 'stable' | 'legacy';
  accessToken: string;
  /** ms since epoch */
  expiresAt: number;
  obtainedAt: number;
}

export interface StateEntry {
  value: string;
  issuedAt: number;
  redirectUri?: string;
  scope?: string;
  endpoint?: 'authorize' | 'qrconnect';
  appid?: string;
}

interface ProfileTokens {
  users?: Record<string, UserTokenEntry>;
  basic?: Record<string, BasicTokenEntry>;
  state?: StateEntry;
}

interface TokenFile {
  profiles?: Record<string, ProfileTokens>;
}

const userKey = (appid: string, openid: string) => `${appid}:${openid}`;

export class TokenStore {
  private constructor(private readonly file: JsonFile<TokenFile>) {}

  static open(dir: string): TokenStore {
    return new TokenStore(new JsonFile<TokenFile>(dir, 'tokens'));
  }

  get path(): string {
    return this.file.path;
  }

  private read(): TokenFile {
    return this.file.read();
  }

  private update(mutate: (file: TokenFile) => void): void {
    this.file.update(mutate);
  }

  private profile(file: TokenFile, profile: string): ProfileTokens {
    file.profiles ??= {};
    return (file.profiles[profile] ??= {});
  }

  /** Users of a profile, most recently obtained first (optionally only those of one appid). */
  listUsers(profile: string, appid?: string): UserTokenEntry[] {
    const users = Object.values(this.read().profiles?.[profile]?.users ?? {});
    return users.filter((u) => !appid || u.appid === appid).sort((a, b) => b.obtainedAt - a.obtainedAt);
  }

  /** One user's entry, or the most recent user's when openid is omitted. */
  getUser(profile: string, appid: string | undefined, openid?: string): UserTokenEntry | undefined {
    const users = this.listUsers(profile, appid);
    return openid ? users.find((u) => u.openid === openid) : users[0];
  }

  putUser(profile: string, entry: UserTokenEntry): void {
    this.update((file) => {
      const p = this.profile(file, profile);
      p.users ??= {};
      p.users[userKey(entry.appid, entry.openid)] = entry;
    });
  }

  /** Remove one user (by openid) or all users of the profile; returns how many were removed. */
  removeUsers(profile: string, openid?: string): number {
    let removed = 0;
    this.update((file) => {
      const users = file.profiles?.[profile]?.users;
      if (!users) return;
      for (const [key, entry] of Object.entries(users)) {
        if (!openid || entry.openid === openid) {
          delete users[key];
          removed++;
        }
      }
    });
    return removed;
  }

  getBasic(profile: string, appid: string): BasicTokenEntry | undefined {
    return this.read().profiles?.[profile]?.basic?.[appid];
  }

  putBasic(profile: string, entry: BasicTokenEntry): void {
    this.update((file) => {
      const p = this.profile(file, profile);
      p.basic ??= {};
      p.basic[entry.appid] = entry;
    });
  }

  removeBasic(profile: string, appid?: string): number {
    let removed = 0;
    this.update((file) => {
      const basic = file.profiles?.[profile]?.basic;
      if (!basic) return;
      for (const key of Object.keys(basic)) {
        if (!appid || key === appid) {
          delete basic[key];
          removed++;
        }
      }
    });
    return removed;
  }

  getState(profile: string): StateEntry | undefined {
    return this.read().profiles?.[profile]?.state;
  }

  putState(profile: string, state: StateEntry): void {
    this.update((file) => {
      this.profile(file, profile).state = state;
    });
  }
}

// What every command receives. Heavy things (config stores, the HTTP client, prompts) are behind
// async getters so a command only loads what it uses; `wxauth --help` and `errcode` load none of them.
import type { Lang } from './ui/i18n.js';
import type { Output } from './ui/output.js';
import type { GlobalOptions, ResolvedConfig, ConfigField } from './store/resolve.js';
import type { ConfigStore } from './store/config.js';
import type { TokenStore } from './store/token-cache.js';
import type { StateEntry, StateFiles } from './store/state.js';
import type { WechatApi } from './http/api.js';
import type { Prompts } from './ui/prompt.js';
import type { BasicTokenEvent, BasicTokenService } from './flows/basic-token.js';
import type { KnownSecrets } from './core/secrets.js';

/** What Context.basicTokenService() hands back: the service and what it was built from. */
export interface BasicTokenWiring {
  service: BasicTokenService;
  /** The profile's appid the service works for. */
  appid: string;
  api: WechatApi;
  config: ResolvedConfig;
}

export interface Context {
  readonly lang: Lang;
  readonly out: Output;
  /** Global flags as the user gave them (undefined = not given). */
  readonly globals: GlobalOptions;
  /** The process environment, snapshotted by main.ts (only the resolver and a few commands read it). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** stdin and stderr are terminals and CI is not set: prompts are allowed. */
  readonly interactive: boolean;
  /** Milliseconds since the epoch; injectable for tests. */
  now(): number;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /**
   * The secret values this run knows (the resolved appsecret, the cached tokens of the profile, every
   * secret the API client sent or received): mask text from outside with `secrets.redact()` before
   * showing it, unless --show-secrets.
   */
  readonly secrets: KnownSecrets;
  /** The process's stdin (a string stream in tests): `listen --paste` reads a piped callback from it. */
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /**
   * Says the warnings held until the command is done: a config.json or tokens.json other users can
   * read, unless a write of this run made it 0600 (said as a note then). cli.ts calls it after run().
   */
  sayHeldWarnings(): void;
  /** Settings: profiles and their values. Throws ConfigError (exit 4) if the file does not parse. */
  configStore(): Promise<ConfigStore>;
  /** Token cache (user tokens, basic tokens). Throws ConfigError if it does not parse. */
  tokenStore(): Promise<TokenStore>;
  /** Where `url` and `login` remember the state they issued (store/state.ts). */
  stateFiles(): Promise<StateFiles>;
  /**
   * The state remembered for `profile`: its state file, else the entry an older wxauth kept in
   * tokens.json. A file that cannot be used is reported on stderr and counts as none; so does a state
   * remembered for another appid than `appid` (a link built under another WXAUTH_APPID).
   */
  rememberedState(profile: string, appid?: string): Promise<StateEntry | undefined>;
  /**
   * flags > env > profile > defaults. Never prints; warnings are in the result. `cachedName`: a name
   * the token cache holds entries under, taken though no profile has it (store/resolve.ts ResolveInput).
   */
  resolveConfig(options?: { cachedName?: string }): Promise<ResolvedConfig>;
  /** resolveConfig() plus a ConfigError naming each missing field and how to set it. */
  requireConfig(fields: ConfigField[]): Promise<ResolvedConfig>;
  /** The WeChat API client, aimed at the resolved api base, tracing to stderr with -v / --curl. */
  api(config?: ResolvedConfig): Promise<WechatApi>;
  /**
   * The basic access_token service of the profile's appid (token, user, quota, rid and domains share
   * it): requires the appid (ConfigError naming what is missing; the secret too when neither is set),
   * then the API client and the token cache. The secret is needed only when a token must be fetched
   * (the same ConfigError then). `onEvent` hears what the service does (cached / fetched / rejected).
   */
  basicTokenService(onEvent?: (event: BasicTokenEvent) => void): Promise<BasicTokenWiring>;
  /** @inquirer/prompts, loaded on first use; throws UsageError when not interactive. */
  prompts(): Promise<Prompts>;
}

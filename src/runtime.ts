// Builds the Context a command receives. Every heavy dependency is imported on first use.
import type { Context } from './context.js';
import { tr, type Lang } from './ui/i18n.js';
import type { Output } from './ui/output.js';
import { UsageError, type MessageRef } from './errors.js';
import type { ConfigField, GlobalOptions, ResolvedConfig } from './store/resolve.js';
import type { ConfigStore } from './store/config.js';
import type { ModeTightened } from './store/files.js';
import type { TokenStore } from './store/token-cache.js';
import type { StateFiles } from './store/state.js';
import type { WechatApi } from './http/api.js';
import type { Prompts } from './ui/prompt.js';
import { KnownSecrets } from './core/secrets.js';

/** How long a warning about a readable config.json or tokens.json waits for a write of this run to make it 0600. */
const HELD_WARNING_MS = 500;

export interface RuntimeOptions {
  lang: Lang;
  out: Output;
  globals: GlobalOptions;
  env: Readonly<Record<string, string | undefined>>;
  interactive: boolean;
  /** Read when a command first needs it (main.ts makes the controller then). */
  readonly signal: AbortSignal;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where prompts draw (the stream behind stderr). */
  promptOutput: () => NodeJS.WritableStream;
  now?: () => number;
}

/** The secret part of a URL with credentials: the password (`user:pass@`), else a token-long lone user name (`token@`), decoded. */
function urlCredential(base: string | undefined): string | undefined {
  if (!base || !base.includes('@')) return undefined;
  try {
    const { username, password } = new URL(base);
    if (password !== '') return decodeURIComponent(password);
    // A lone user name is masked by value only when it looks like a token: `weixin@gw` would otherwise
    // mask api.weixin.qq.com everywhere. URLs shown mask it by place whatever its length (hideUrlCredentials).
    return username.length >= 16 ? decodeURIComponent(username) : undefined;
  } catch {
    return undefined;
  }
}

export function createContext(options: RuntimeOptions): Context {
  const { out, globals, env } = options;
  // The config resolution (store/resolve.ts and the validation it brings) loads on first use: errcode,
  // rid and completion never read a profile (issue 19).
  const resolution = () => import('./store/resolve.js');
  let configStore: ConfigStore | undefined;
  let tokenStore: TokenStore | undefined;
  let stateFiles: StateFiles | undefined;
  let resolved: ResolvedConfig | undefined;
  let unsavedSaid = false;
  // Every secret value this run comes to know, masked in traces and error reports (issue 13 item 2).
  const secrets = new KnownSecrets();
  // The stores' warnings (e.g. a state folder others can write to) are about the folder, so they are
  // said once per run, whichever store opened it first.
  const warned = new Set<string>();
  // A config.json or tokens.json other users can read is said when the command is done, by file: a
  // write of this run makes it 0600, and then "Run chmod 600" would ask for what was just done.
  // Held half a second at most: a long-running command (login, listen, proxy) that only reads the file
  // says it as it starts, not when it ends.
  const heldModeWarnings = new Map<string, MessageRef>();
  let heldTimer: NodeJS.Timeout | undefined;
  const sayHeld = () => {
    if (heldTimer) clearTimeout(heldTimer);
    heldTimer = undefined;
    for (const w of heldModeWarnings.values()) out.warn(tr(out.lang, w));
    heldModeWarnings.clear();
  };
  const sayStoreWarnings = (warnings: MessageRef[]) => {
    for (const w of warnings) {
      if (warned.has(w.key)) continue;
      warned.add(w.key);
      if (w.key === 'config.file.readableByOthers' || w.key === 'config.tokens.readableByOthers') {
        heldModeWarnings.set(String(w.params.file), w);
        heldTimer ??= setTimeout(sayHeld, HELD_WARNING_MS).unref();
      } else out.warn(tr(out.lang, w));
    }
  };

  // Such a file made 0600 by a write of this run: the note replaces its warning, said once a file.
  const tightened = new Set<string>();
  const onModeTightened = ({ file, mode }: ModeTightened) => {
    if (tightened.has(file)) return;
    tightened.add(file);
    heldModeWarnings.delete(file);
    out.note(tr(out.lang, { key: 'config.file.modeTightened', params: { file, mode } }));
  };

  const ctx: Context = {
    lang: options.lang,
    out,
    globals,
    env,
    // Read through: the options may compute these on first use (app.ts and main.ts do, to leave stdin
    // and the AbortController unbuilt).
    get interactive() {
      return options.interactive;
    },
    get signal() {
      return options.signal;
    },
    get stdin() {
      return options.stdin;
    },
    now: options.now ?? (() => Date.now()),
    secrets,

    sayHeldWarnings: sayHeld,

    async configStore() {
      if (!configStore) {
        const [{ ConfigStore }, { stateDir, lockWaitFromEnv, checkGlobalFlags }] = await Promise.all([import('./store/config.js'), resolution()]);
        // A refused flag is a typo on this very command line: said (exit 2) before any file's problem.
        checkGlobalFlags(globals);
        configStore = ConfigStore.open(stateDir(env), { lockWaitMs: lockWaitFromEnv(env), onModeTightened });
        sayStoreWarnings(configStore.warnings());
      }
      return configStore;
    },

    async tokenStore() {
      if (!tokenStore) {
        const [{ TokenStore }, { stateDir, lockWaitFromEnv }] = await Promise.all([import('./store/token-cache.js'), resolution()]);
        tokenStore = TokenStore.open(stateDir(env), { lockWaitMs: lockWaitFromEnv(env), onModeTightened });
        sayStoreWarnings(tokenStore.warnings());
        await learnCachedTokens(tokenStore);
      }
      return tokenStore;
    },

    async stateFiles() {
      if (!stateFiles) {
        const [{ StateFiles }, { stateDir }] = await Promise.all([import('./store/state.js'), resolution()]);
        stateFiles = new StateFiles(stateDir(env));
      }
      return stateFiles;
    },

    async rememberedState(profile, appid) {
      const files = await ctx.stateFiles();
      // A run under another account than the profile's (WXAUTH_APPID) kept its links' states apart.
      const otherAccount = resolved?.otherAccount !== undefined && resolved.profile === profile && appid !== undefined && appid === resolved.appid;
      const read = files.get(profile, otherAccount, appid);
      if (read.problem) {
        out.warn(out.tr(read.problem));
        out.warn(out.t('config.state.ignored', { file: files.pathOf(profile, otherAccount, appid) }));
        return undefined;
      }
      // A state another appid's link carried (a run under another WXAUTH_APPID) is not this app's.
      const { stateForApp } = await import('./store/state.js');
      if (read.entry) return stateForApp(read.entry, appid);
      // No file yet: the state an older wxauth remembered in the token cache, if it can be read
      // (a broken cache is the token commands' to report, not this check's).
      try {
        return stateForApp((await ctx.tokenStore()).legacyState(profile), appid);
      } catch {
        return undefined;
      }
    },

    async resolveConfig(options: { cachedName?: string } = {}) {
      if (!resolved) {
        // configStore() checks the global flags first.
        const [store, { resolveConfig }] = await Promise.all([ctx.configStore(), resolution()]);
        resolved = resolveConfig({ globals, env, ...store.snapshot(), ...options });
        secrets.add(resolved.secret);
        // A base URL's credentials (an authenticating gateway: http://user:pass@host, or a token as the
        // user name) are secrets too, wherever an answer echoes them; URLs shown mask them by place.
        for (const base of [resolved.apiBase, resolved.openBase, resolved.backupApiBase]) secrets.add(urlCredential(base));
        // WXAUTH_APPID naming another account than the profile's: the run uses other settings than the
        // user may think, so every command says so (config list also lists its other warnings).
        // out.warning: in --json it is in the document's warnings too.
        if (resolved.otherAccount) out.warning(resolved.otherAccount.key, tr(out.lang, resolved.otherAccount));
        for (const unknown of resolved.unknownKeys) out.warning(unknown.key, tr(out.lang, unknown));
        if (resolved.regionIgnored) out.warning(resolved.regionIgnored.key, tr(out.lang, resolved.regionIgnored));
        if (resolved.apiBaseOverridden) out.note(tr(out.lang, resolved.apiBaseOverridden));
      }
      return resolved;
    },

    async requireConfig(fields: ConfigField[]) {
      const [config, { requireFields }] = await Promise.all([ctx.resolveConfig(), resolution()]);
      const required = requireFields(config, fields);
      // Said only once the run goes on: when it cannot, requireFields' refusal names the saved profiles.
      if (config.unsavedProfile && !unsavedSaid) {
        unsavedSaid = true;
        out.warning(config.unsavedProfile.key, tr(out.lang, config.unsavedProfile));
      }
      return required;
    },

    async api(config?: ResolvedConfig): Promise<WechatApi> {
      const cfg = config ?? (await ctx.resolveConfig());
      secrets.add(cfg.secret);
      const [{ WechatApi }, { backupFor }, { proxySettingsFrom }, { clientTalk }, { apiBaseOrigin }] = await Promise.all([
        import('./http/api.js'),
        import('./http/client.js'),
        import('./core/proxy-route.js'),
        import('./ui/present/client-talk.js'),
        resolution(),
      ]);
      return new WechatApi({
        // The run's proxy variables, not this process's (they differ for in-process runs).
        proxy: proxySettingsFrom(env),
        apiBase: cfg.apiBase,
        // The default backup is WeChat's api2 host: never where a request aimed at the user's own
        // server (an emulator, a proxy) goes with the appid and secret (issue 13 item 15).
        backupApiBase: backupFor({
          apiBase: cfg.apiBase,
          backupApiBase: cfg.backupApiBase,
          backupChosen: cfg.sources.backupApiBase !== undefined && cfg.sources.backupApiBase !== 'default',
        }),
        timeoutMs: cfg.timeoutMs,
        profile: cfg.profile,
        apiBaseOrigin: apiBaseOrigin(cfg),
        showSecrets: globals.showSecrets === true,
        rawShown: globals.raw === true,
        secrets,
        signal: options.signal,
        ...clientTalk(out, { verbose: globals.verbose === true, curl: globals.curl === true }),
      });
    },

    async basicTokenService(onEvent) {
      // A cached token needs no appsecret (README: user, quota, rid and domains reuse it): only a fetch
      // does, and then the refusal is requireConfig's own, naming the secret and where to set it.
      // Without an appid no cached token can be found: both are named at once, as before.
      const resolved = await ctx.resolveConfig();
      const [config, { requireFields }] = await Promise.all([ctx.requireConfig(resolved.appid === undefined ? ['appid', 'secret'] : ['appid']), resolution()]);
      const missingSecret = (): never => {
        requireFields(config, ['appid', 'secret']);
        throw new Error('basicTokenService: a fetch without the appsecret');
      };
      const api = await ctx.api(config);
      const store = await ctx.tokenStore();
      const { openBasicTokenService } = await import('./flows/basic-token.js');
      const { service, appid } = openBasicTokenService({ config, api, store, now: () => ctx.now(), onEvent, missingSecret });
      return { service, appid, api, config };
    },

    async prompts(): Promise<Prompts> {
      if (!options.interactive) {
        throw new UsageError({ key: 'common.notInteractive' }, { hint: { key: 'common.notInteractive.hint' } });
      }
      const { loadPrompts } = await import('./ui/prompt.js');
      return loadPrompts(options.promptOutput(), options.signal, options.lang, out.color, options.stdin);
    },
  };

  /**
   * The tokens the cache holds for this profile become known secrets as soon as the cache is opened,
   * so an answer quoting one is masked even when this run never sends it. Best effort: a cache that
   * cannot be read is reported by the command's own read, not here.
   */
  async function learnCachedTokens(store: TokenStore): Promise<void> {
    try {
      const config = await ctx.resolveConfig();
      secrets.add(...store.secretsOf(config.profile));
    } catch {
      // Nothing learnt; nothing lost either.
    }
  }

  return ctx;
}

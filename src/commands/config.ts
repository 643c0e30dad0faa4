// wxauth config set|get|unset|list|path
import type { Context } from '../context.js';
import type { CommandInput } from '../cli.js';
import { EXIT, UsageError, type MessageRef } from '../errors.js';
import { maskSecret } from '../core/validate.js';
import { PROFILE_KEYS, pickProfileName, type ConfigField, type Source } from '../store/resolve.js';
import { isConfigField, validateValue } from '../store/config.js';

export type ConfigOptions =
  | { sub: 'set'; key: ConfigField; value: string }
  | { sub: 'get' | 'unset'; key: ConfigField }
  | { sub: 'list' | 'path' };

/** Values are as shown: the secret masked unless --show-secrets. */
export type ConfigResult =
  | { sub: 'set'; profile: string; key: ConfigField; value: string; file: string }
  | { sub: 'get'; profile: string; key: ConfigField; value?: string; source?: Source; exitCode: typeof EXIT.ok | typeof EXIT.checkFailed }
  | { sub: 'unset'; profile: string; key: ConfigField; removed: boolean }
  | {
      sub: 'list';
      profile: string;
      exists: boolean;
      file: string;
      /** Every settable key, in PROFILE_KEYS order, with its value and where it came from (if set). */
      entries: Array<{ key: ConfigField; value?: string; source?: Source }>;
      timeoutMs: number;
      warnings: MessageRef[];
    }
  | { sub: 'path'; config: string; tokens: string };

function field(key: string | undefined): ConfigField {
  // Accept the wire spelling too (redirect_uri), since that is what WeChat's docs call it.
  const normalised = (key ?? '').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  if (!isConfigField(normalised)) {
    throw new UsageError(
      { key: 'config.key.unknown', params: { key: key ?? '' } },
      { hint: { key: 'config.key.unknown.hint', params: { keys: PROFILE_KEYS.join(', ') } } },
    );
  }
  return normalised;
}

export function parseOptions(input: CommandInput): ConfigOptions {
  const [key, value] = input.args;
  switch (input.sub) {
    case 'set': {
      const k = field(key);
      return { sub: 'set', key: k, value: validateValue(k, value ?? '') };
    }
    case 'get':
    case 'unset':
      return { sub: input.sub, key: field(key) };
    case 'list':
    case 'path':
      return { sub: input.sub };
    default:
      throw new UsageError({ key: 'common.commander', params: { detail: `config ${input.sub ?? ''}` } }, { hint: { key: 'common.commander.hint' } });
  }
}

export async function run(options: ConfigOptions, ctx: Context): Promise<ConfigResult> {
  const store = await ctx.configStore();
  const profile = pickProfileName(ctx.globals, ctx.env, store.currentProfile()).name;
  const show = (k: ConfigField, v: string | undefined) =>
    v !== undefined && k === 'secret' && !ctx.globals.showSecrets ? maskSecret(v) : v;

  switch (options.sub) {
    case 'set': {
      const { key, value } = options;
      store.setValues(profile, { [key]: value });
      return { sub: 'set', profile, key, value: show(key, value) ?? '', file: store.path };
    }
    case 'get': {
      const { key } = options;
      const config = await ctx.resolveConfig();
      const value = config[key as keyof typeof config] as string | undefined;
      return {
        sub: 'get',
        profile,
        key,
        value: show(key, value),
        source: config.sources[key],
        exitCode: value === undefined ? EXIT.checkFailed : EXIT.ok,
      };
    }
    case 'unset':
      return { sub: 'unset', profile, key: options.key, removed: store.unsetValue(profile, options.key) };
    case 'list': {
      const config = await ctx.resolveConfig();
      return {
        sub: 'list',
        profile: config.profile,
        exists: config.profileExists,
        file: store.path,
        entries: PROFILE_KEYS.map((key) => ({ key, value: show(key, config[key as keyof typeof config] as string | undefined), source: config.sources[key] })),
        timeoutMs: config.timeoutMs,
        warnings: config.warnings,
      };
    }
    case 'path': {
      const tokens = await ctx.tokenStore();
      return { sub: 'path', config: store.path, tokens: tokens.path };
    }
  }
}

// wxauth config set|get|unset|list|path
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { maskSecret } from '../core/validate.js';
import { PROFILE_KEYS, pickProfileName, type ConfigField } from '../store/resolve.js';
import { isConfigField, validateValue } from '../store/config.js';

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

export async function run(ctx: Context, args: string[]): Promise<number | void> {
  const [action, key, value] = args;
  const store = await ctx.configStore();
  const { out } = ctx;
  const profile = pickProfileName(ctx.globals, ctx.env, store.currentProfile()).name;
  const show = (k: ConfigField, v: string | undefined) =>
    v !== undefined && k === 'secret' && !ctx.globals.showSecrets ? maskSecret(v) : v;

  switch (action) {
    case 'set': {
      const k = field(key);
      const v = validateValue(k, value ?? '');
      store.setValues(profile, { [k]: v });
      out.result({ profile, key: k, value: show(k, v), file: store.path });
      out.success(out.t('config.set.done', { key: k, profile, file: store.path }));
      return;
    }
    case 'get': {
      const k = field(key);
      const config = await ctx.resolveConfig();
      const v = config[k as keyof typeof config] as string | undefined;
      out.result({ profile, key: k, value: show(k, v) ?? null, source: config.sources[k] ?? null });
      if (v === undefined) {
        out.warn(out.t('config.get.none', { key: k, profile }));
        return 1;
      }
      out.data(show(k, v) ?? '');
      return;
    }
    case 'unset': {
      const k = field(key);
      const removed = store.unsetValue(profile, k);
      out.result({ profile, key: k, removed });
      out.say(out.t(removed ? 'config.unset.done' : 'config.unset.none', { key: k, profile }));
      return;
    }
    case 'list': {
      const config = await ctx.resolveConfig();
      const rows: Array<[string, string, string]> = [];
      const values: Record<string, unknown> = {};
      for (const k of PROFILE_KEYS) {
        const v = config[k as keyof typeof config] as string | undefined;
        const source = config.sources[k];
        values[k] = v === undefined ? null : { value: show(k, v), source };
        if (v !== undefined) rows.push([k, show(k, v) ?? '', source ?? '']);
      }
      out.result({ profile: config.profile, exists: config.profileExists, file: store.path, values, timeoutMs: config.timeoutMs });
      out.say(out.style.dim(out.t('config.list.header', { profile: config.profile, file: store.path })));
      if (!config.profileExists && rows.every((r) => r[2] === 'default')) {
        out.say(out.t('config.list.empty'));
      }
      out.table(['key', 'value', out.t('config.list.source')], rows);
      for (const w of config.warnings) out.warn(out.t(w.key, w.params));
      return;
    }
    case 'path': {
      const tokens = await ctx.tokenStore();
      out.result({ config: store.path, tokens: tokens.path });
      out.data(store.path);
      out.data(tokens.path);
      return;
    }
    default:
      throw new UsageError({ key: 'common.commander', params: { detail: `config ${action ?? ''}` } }, { hint: { key: 'common.commander.hint' } });
  }
}

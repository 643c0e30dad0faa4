// wxauth config: values and paths on stdout (scripts read them); confirmations and warnings on stderr.
import type { ConfigResult } from '../../commands/config.js';
import type { Output } from '../output.js';

export function present(result: ConfigResult, out: Output): void {
  switch (result.sub) {
    case 'set':
      out.result({ profile: result.profile, key: result.key, value: result.value, file: result.file });
      out.success(out.t('config.set.done', { key: result.key, profile: result.profile, file: result.file }));
      return;
    case 'get':
      out.result({ profile: result.profile, key: result.key, value: result.value ?? null, source: result.source ?? null });
      if (result.value === undefined) out.warn(out.t('config.get.none', { key: result.key, profile: result.profile }));
      else out.data(result.value);
      return;
    case 'unset':
      out.result({ profile: result.profile, key: result.key, removed: result.removed });
      out.say(out.t(result.removed ? 'config.unset.done' : 'config.unset.none', { key: result.key, profile: result.profile }));
      return;
    case 'list': {
      const values: Record<string, unknown> = {};
      const rows: Array<[string, string, string]> = [];
      for (const { key, value, source } of result.entries) {
        values[key] = value === undefined ? null : { value, source };
        if (value !== undefined) rows.push([key, value, source ?? '']);
      }
      out.result({ profile: result.profile, exists: result.exists, file: result.file, values, timeoutMs: result.timeoutMs });
      out.say(out.style.dim(out.t('config.list.header', { profile: result.profile, file: result.file })));
      // Nothing stored and nothing from flags or env: only the built-in defaults are listed.
      if (!result.exists && rows.every((r) => r[2] === 'default')) out.say(out.t('config.list.empty'));
      out.table(['key', 'value', out.t('config.list.source')], rows);
      for (const w of result.warnings) out.warn(out.t(w.key, w.params));
      return;
    }
    case 'path':
      out.result({ config: result.config, tokens: result.tokens });
      out.data(result.config);
      out.data(result.tokens);
      return;
  }
}

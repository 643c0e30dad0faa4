// wxauth config: values and paths on stdout (scripts read them); confirmations and warnings on stderr.
import type { ConfigResult } from '../../commands/config.js';
import { tr } from '../i18n.js';
import { joinText } from '../format.js';
import type { Output } from '../output.js';
import type { RedirectCaution } from '../../core/redirect-cautions.js';
import type { OtherAppidTokens } from '../../flows/profile-conflicts.js';

/** How the source column reads in the user's language (--json keeps flag/env/profile/default). */
const SOURCE_LABELS = {
  flag: 'config.list.source.flag',
  env: 'config.list.source.env',
  profile: 'config.list.source.profile',
  default: 'config.list.source.default',
} as const;

/**
 * init and config set appid: the token cache holds entries under the profile's name for another appid
 * (a removed profile's of the same name), which `tokens` would list as this one's. Said, with the
 * command that clears the user tokens; nothing is removed.
 */
export function presentOtherAppidTokens(out: Output, profile: string, held: OtherAppidTokens | undefined): void {
  if (!held) return;
  const kinds: string[] = [];
  if (held.users > 0) kinds.push(out.t('tokens.held.users', { count: held.users }));
  if (held.basic > 0) kinds.push(out.t('tokens.held.basic', { count: held.basic }));
  if (held.tickets > 0) kinds.push(out.t('tokens.held.tickets', { count: held.tickets }));
  out.warning('config.otherAppidTokens', out.t('config.otherAppidTokens', { held: kinds, profile, others: held.appids, appid: held.appid }));
  out.say(out.style.cyan('→ ') + out.t(held.users > 0 ? 'config.otherAppidTokens.hint' : 'config.otherAppidTokens.unused.hint', { profile, appid: held.appid }));
}

/** What a saved redirect_uri carries that will cost the login, each with its fix (config set, and init, which has it from here). */
export function presentRedirectCautions(out: Output, cautions: readonly RedirectCaution[]): void {
  for (const caution of cautions) {
    const message = out.tr(caution.problem);
    const effect = caution.effect === undefined ? undefined : out.tr(caution.effect);
    const fix = out.tr(caution.fix);
    out.finding(effect === undefined ? message : joinText(out.lang, message, effect), { id: caution.id, severity: caution.severity, message, ...(effect === undefined ? {} : { effect }), fix });
    out.say(out.style.cyan('→ ') + fix);
  }
}

export function present(result: ConfigResult, out: Output): void {
  switch (result.sub) {
    case 'set':
      out.result({ profile: result.profile, key: result.key, value: result.value, values: result.values, file: result.file, created: result.created, madeCurrent: result.madeCurrent, warnings: result.warnings.map((w) => tr(out.lang, w)), overridden: result.overridden, ...(result.otherAppidTokens ? { otherAppidTokens: result.otherAppidTokens } : {}) });
      // A new profile is worth a line of its own: a misspelt name would otherwise go unnoticed.
      if (result.created) out.note(out.t('config.set.created', { profile: result.profile }));
      // The first profile becomes the current one: said when that is not simply "default", which commands use anyway.
      if (result.madeCurrent && result.profile !== 'default') out.note(out.t('config.profile.madeCurrent', { profile: result.profile }));
      // Saved with --yes although the settings no longer fit together: say what does not, once more.
      for (const w of result.warnings) out.warn(tr(out.lang, w));
      out.success(out.t('config.set.done', { key: result.values.map((v) => v.key), profile: result.profile, file: result.file }));
      presentRedirectCautions(out, result.redirectCautions);
      for (const o of result.overridden) out.warn(out.t('config.set.overridden', { key: o.key, variable: o.variable }));
      if (result.secretTyped) out.note(out.t('common.secretTyped', { command: 'wxauth config set secret -' }));
      presentOtherAppidTokens(out, result.profile, result.otherAppidTokens);
      // A real account's domain WeChat's console cannot take: init's warning and what works instead.
      if (result.loopbackDomain) {
        const { domain, kind, profileFlag } = result.loopbackDomain;
        out.warning('init.loopbackDomain', out.t(`init.loopbackDomain.${kind}`, { domain }));
        out.say(out.style.cyan('→ ') + out.t(kind === 'website' ? 'init.loopbackDomain.website.hint' : 'init.loopbackDomain.hint', { p: profileFlag }));
      }
      return;
    case 'get':
      out.result({
        profile: result.profile,
        key: result.key,
        value: result.value ?? null,
        source: result.source ?? null,
        ...(result.setAside ? { setAside: true } : {}),
        ...(result.fromEnv ? { fromEnv: result.fromEnv } : {}),
        ...(result.missingProfile ? { exists: false, profiles: result.missingProfile.profiles } : {}),
      });
      if (result.fromEnv) {
        const { variable, saved } = result.fromEnv;
        out.note(saved === undefined ? out.t('config.get.fromEnv.unsaved', { key: result.key, variable, profile: result.profile }) : out.t('config.get.fromEnv', { key: result.key, variable, saved, profile: result.profile }));
      }
      if (result.value === undefined && result.missingProfile) {
        // The profile in use is not there (the current one was removed): which to pick, as config list says.
        const { profiles, noCurrent } = result.missingProfile;
        out.warn(out.t(noCurrent ? 'config.get.noCurrent' : 'config.get.noProfile', { key: result.key, profile: result.profile, profiles }));
      } else if (result.value === undefined) out.warn(out.t(result.setAside ? 'config.get.otherAccount' : 'config.get.none', { key: result.key, profile: result.profile }));
      else out.data(result.value);
      return;
    case 'unset': {
      // `key` and `removed` as one key's document always had them (the first key), `keys` and `removed_keys` for all.
      const [first] = result.keys;
      out.result({ profile: result.profile, key: first, removed: result.removed.includes(first!), keys: result.keys, removed_keys: result.removed, file: result.file });
      // As config set says what it saved: one ✔ line for the keys removed, naming the file; then each key that was not there.
      if (result.removed.length > 0) out.success(out.t('config.unset.done', { key: result.removed, profile: result.profile, file: result.file }));
      for (const key of result.keys) if (!result.removed.includes(key)) out.say(out.t('config.unset.none', { key, profile: result.profile }));
      return;
    }
    case 'list': {
      const values: Record<string, unknown> = {};
      const rows: Array<[string, string, string]> = [];
      for (const { key, value, source } of result.entries) {
        values[key] = value === undefined ? null : { value, source };
        if (value !== undefined) rows.push([key, value, source ? out.t(SOURCE_LABELS[source]) : '']);
        // A refused value keeps its row, marked, so the table shows where it came from (the why is below).
        const refused = value === undefined ? result.problems.find((p) => p.field === key) : undefined;
        if (refused) rows.push([key, out.t('config.list.refused'), out.t(SOURCE_LABELS[refused.source])]);
      }
      const problems = result.problems.map((p) => ({
        field: p.field,
        source: p.source,
        message: tr(out.lang, p.error.messageRef),
        hint: p.error.hint ? tr(out.lang, p.error.hint) : null,
      }));
      out.result({ profile: result.profile, exists: result.exists, file: result.file, values, problems, timeoutMs: result.timeoutMs });
      out.say(out.style.dim(out.t('config.list.header', { profile: result.profile, file: result.file })));
      // Nothing stored and nothing from flags or env: only the built-in defaults are listed.
      if (!result.exists && result.entries.every((e) => e.value === undefined || e.source === 'default')) {
        // Others exist: the current one was removed, or config.json names one that is gone.
        out.say(result.profiles.length > 0 ? out.t('config.list.emptyOthers', { profile: result.profile, profiles: result.profiles }) : out.t('config.list.empty'));
      }
      out.table([out.t('config.list.key'), out.t('config.list.value'), out.t('config.list.source')], rows);
      for (const w of result.warnings) out.warn(out.tr(w));
      // A refused value is not used by anything: say which and why.
      for (const p of problems) {
        out.warn(p.message);
        if (p.hint) out.say(out.style.cyan('→ ') + p.hint);
      }
      return;
    }
    case 'path':
      out.result({ config: result.config, tokens: result.tokens, state: result.state, ...(result.stateGuessed ? { stateGuessed: true } : {}), ...(result.problems.length > 0 ? { problems: result.problems.map((p) => out.tr(p)) } : {}) });
      for (const p of result.problems) out.warn(out.tr(p));
      if (result.stateGuessed) out.note(out.t('config.path.stateGuessed', { file: result.state }));
      out.data(result.config);
      out.data(result.tokens);
      out.data(result.state);
      return;
  }
}

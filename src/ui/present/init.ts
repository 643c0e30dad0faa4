// wxauth init: what was written, and what to run next (stderr: the profile itself is in the file).
import type { InitResult } from '../../commands/init.js';
import type { Output } from '../output.js';

/** The wizard's first line, before its prompts. */
export function presentWizardIntro(out: Output, profile: string): void {
  out.say(out.t('init.intro', { profile }));
}

export function present(result: InitResult, out: Output): void {
  const { profile, file, data } = result;
  out.result({
    written: true,
    profile,
    file,
    type: data.type,
    appid: data.appid,
    domain: data.domain ?? null,
    redirectUri: data.redirectUri ?? null,
  });
  out.success(out.t('init.done', { profile, file }));
  out.say(out.t('init.next'));
}

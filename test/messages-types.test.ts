// The catalogue's keys and parameters are types. These lines must NOT compile: `npm test` runs
// `tsc --noEmit` (npm run typecheck), which fails if any @ts-expect-error below stops being an error.
import { describe, expect, it } from 'vitest';
import { UsageError, type MessageRef } from '../src/errors.js';
import { t } from '../src/ui/i18n.js';

describe('typed messages', () => {
  it('a typo in a key, a missing parameter and an unknown parameter fail tsc; the right call renders', () => {
    const wrong = () => {
      // @ts-expect-error a key that is not in the catalogue
      t('en', 'url.refussed', { reason: 'r', effect: 'e' });
      // @ts-expect-error url.refused needs {reason} and {effect}
      t('en', 'url.refused', { reason: 'r' });
      // @ts-expect-error common.cancelled takes no parameter
      t('en', 'common.cancelled', { who: 'me' });
      // @ts-expect-error an error's message is checked the same way
      new UsageError({ key: 'common.lang.invalid' });
      // @ts-expect-error so is any MessageRef
      const ref: MessageRef = { key: 'common.noCommand.hintt' };
      return ref;
    };
    expect(typeof wrong).toBe('function');
    expect(t('en', 'url.refused', { reason: 'R.', effect: 'E.' })).toContain('R.');
  });
});

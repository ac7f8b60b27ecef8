/**
 * Typed translation keys: `t('no.such.key')` is a compile error (`npm run typecheck`). The keys
 * come from the Indonesian resources, the source of truth; `renderer/i18n/typed-keys.test.ts`
 * proves a wrong key is refused,
 * also one given a `defaultValue` (`strictKeyChecks`).
 */
import 'i18next';
import type { AppResources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: AppResources };
    returnNull: false;
    // Also check keys given a `defaultValue` (otherwise any string passes with one).
    strictKeyChecks: true;
  }
}

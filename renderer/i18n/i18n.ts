/**
 * i18next set up with the UI strings (renderer/i18n/locales) and the domain's validation
 * messages and category labels from shared/, so field errors come out in the chosen language.
 *
 * Namespace design: ONE i18next namespace (`translation`) whose top-level keys are sections
 * (`common`, `intake`, `detail`, `packetUi`, … plus `validation`, `workflow`, `unitSettings`,
 * `sync` and `category` from shared/), so every call stays `t('section.key')` with no namespace
 * prefix or `useTranslation(ns)` to get right. The files are split by screen area instead:
 * `locales/id/<area>.ts` (Indonesian, the source of truth, `as const`) and `locales/en/<area>.ts`
 * typed against them (a missing or extra English key is a compile error), each language joined
 * in its `index.ts`. `resources.ts` adds the shared messages; `i18next.d.ts` declares
 * `CustomTypeOptions` from the Indonesian shape, so a wrong key in `t()` fails
 * `npm run typecheck`. Keys built at run time are typed from the domain vocabulary they come
 * from (`t(\`complaintStatus.${status}\`)` with `status: ComplaintStatus`), never cast.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ValidationIssue } from '../../shared/messages/validation-messages';
import type { Language } from '../core/client-core';
import { resourcesFor } from './resources';

export async function initI18n(language: Language): Promise<I18n> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'id',
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    resources: {
      id: { translation: resourcesFor('id') },
      en: { translation: resourcesFor('en') },
    },
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The text of a validation issue in the current language. */
export function issueText(issue: ValidationIssue): string {
  return i18next.t(issue.key, { ...issue.params });
}

/** A category's label; codes the unit added later fall back to the code itself. */
export function categoryLabel(code: string): string {
  return i18next.t(`category.${code}`, { defaultValue: code });
}

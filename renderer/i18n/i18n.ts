/**
 * i18next set up with the UI strings (renderer/i18n/locales) and the domain's validation
 * messages and category labels from shared/, so field errors come out in the chosen language.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_CATEGORIES } from '../../shared/complaint/vocabulary';
import { validationResources, type ValidationIssue } from '../../shared/messages/validation-messages';
import type { Language } from '../core/data/device-store';
import { en } from './locales/en';
import { id } from './locales/id';

function categoryResources(language: Language): Record<string, unknown> {
  return {
    category: Object.fromEntries(
      DEFAULT_CATEGORIES.map((category) => [category.code, category.label[language]]),
    ),
  };
}

export async function initI18n(language: Language): Promise<I18n> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'id',
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    resources: {
      id: { translation: { ...id, ...validationResources('id'), ...categoryResources('id') } },
      en: { translation: { ...en, ...validationResources('en'), ...categoryResources('en') } },
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

/** Counts for people in the UI language: 1234 → "1.234" in Indonesian, "1,234" in English. */
import type { Language } from '../core/client-core';

const LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };

export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}

/** A share (0..1) as a whole percentage in the UI language: 0.42 → "42%". */
export function formatShare(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    Math.floor(share * 100) / 100,
  );
}

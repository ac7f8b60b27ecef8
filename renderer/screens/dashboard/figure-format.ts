/** Numbers of the dashboard as people read them, in the UI language (1.234; 66,7%; Des 2026). */
import type { Language } from '../../core/client-core';

const LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };

export type FigureFormat = Readonly<{
  /** A count or a duration (at most one decimal); '—' for null. */
  number: (value: number | null) => string;
  /** A share 0..1 as a percentage with at most one decimal. */
  percent: (share: number) => string;
  /** `YYYY-MM` as a short month and year. */
  month: (month: string) => string;
}>;

export function figureFormat(language: Language): FigureFormat {
  const locale = LOCALES[language];
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const months = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    number: (value) => (value === null ? '—' : numbers.format(value)),
    percent: (share) => percents.format(share),
    month: (month) => months.format(new Date(`${month}-01T00:00:00Z`)),
  };
}

/** Dates and times for people, in the UI language and the device's time zone. */
import type { Language } from '../core/client-core';

const LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Like `formatDateTime`, to the second (a log, where several entries share a minute). */
export function formatDateTimeSeconds(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(iso),
  );
}

/** A calendar date (YYYY-MM-DD) shown as a date, without any time-zone shift. */
export function formatCalendarDate(
  isoDate: string,
  language: Language,
  style: 'medium' | 'long' | 'full' = 'long',
): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

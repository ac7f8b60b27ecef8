/**
 * Dates as officers type them: day first, as Indonesians write dates (20/11/2026, 20-11-2026,
 * 20.11.2026, 20112026, 20/11/26), or ISO (2026-11-20). One text field instead of a browser
 * date picker, so typing a date is the same on every machine and locale, and one Tab stop.
 */
import { isIsoDate } from './local-date';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The ISO date (YYYY-MM-DD) that `text` means, or null when it is not a real calendar date. */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const separated = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(trimmed);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  const match = separated ?? compact;
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]) + (match[3]?.length === 2 ? 2000 : 0);
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? iso : null;
}

/** 2026-11-20 → 20/11/2026, the way the field shows a date. */
export function formatDateInput(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

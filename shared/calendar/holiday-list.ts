/**
 * A unit's holiday lists, one per year (`{ "2026": [...], "2027": [...] }`), as edited in the
 * settings: the schema of one holiday and the checks of the whole record, which report problems
 * as message keys (`unitSettings.holiday.*`) for the form and for the stored document alike.
 */
import { z } from 'zod';
import type { MessageKey, MessageParams, ValidationIssue } from '../messages/validation-messages';
import { isIsoDate } from '../time/local-date';
import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from './indonesian-holidays';

export const HOLIDAY_NAME_MAX = 120;
export const HOLIDAY_YEAR_MIN = 2000;
export const HOLIDAY_YEAR_MAX = 2100;

export const holidaySchema = z
  .object({
    date: z.string().refine(isIsoDate, { message: 'unitSettings.holiday.dateInvalid' }),
    name: z
      .object({
        id: z
          .string()
          .max(HOLIDAY_NAME_MAX)
          .refine((text) => text.trim() !== '', { message: 'unitSettings.holiday.nameRequired' }),
        en: z.string().max(HOLIDAY_NAME_MAX),
      })
      .strict(),
    kind: z.enum(HOLIDAY_KINDS),
    confirmed: z.boolean().optional(),
  })
  .strict();

/** One holiday as a settings form submits it (the English name may be left blank). */
export type HolidayInput = Readonly<{
  date: string;
  name: Readonly<{ id: string; en?: string }>;
  kind: string;
  confirmed?: boolean;
}>;

export type HolidaysByYear = Readonly<Record<string, readonly Holiday[]>>;

const isHolidayKind = (text: string): text is HolidayKind =>
  (HOLIDAY_KINDS as readonly string[]).includes(text);

function isValidYearKey(year: string): boolean {
  return /^\d{4}$/.test(year) && Number(year) >= HOLIDAY_YEAR_MIN && Number(year) <= HOLIDAY_YEAR_MAX;
}

/**
 * Checks every year's list: the year is a four-digit year in range, each date is real and in the
 * year it is filed under, no date appears twice, names are given, kinds are known. Returns the
 * cleaned lists (names trimmed, a blank English name replaced by the Indonesian one, sorted by
 * date) and every problem found, with paths under `pathPrefix` (`holidays.2026.3.date`).
 */
export function checkHolidaysByYear(
  input: Readonly<Record<string, readonly HolidayInput[]>>,
  pathPrefix = 'holidays',
): { value: Record<string, Holiday[]>; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const value: Record<string, Holiday[]> = {};
  const fail = (path: string, key: MessageKey, params?: MessageParams): void =>
    void issues.push(
      params ? { path: `${pathPrefix}.${path}`, key, params } : { path: `${pathPrefix}.${path}`, key },
    );

  for (const [year, holidays] of Object.entries(input)) {
    if (!isValidYearKey(year)) {
      fail(year, 'unitSettings.holiday.yearInvalid', { year, min: HOLIDAY_YEAR_MIN, max: HOLIDAY_YEAR_MAX });
      continue;
    }
    const seen = new Set<string>();
    const cleaned: Holiday[] = [];
    holidays.forEach((holiday, index) => {
      const at = `${year}.${index}`;
      const date = holiday.date.trim();
      const nameId = holiday.name.id.trim();
      const nameEn = (holiday.name.en ?? '').trim() || nameId;
      let ok = true;
      if (!isIsoDate(date)) {
        fail(`${at}.date`, 'unitSettings.holiday.dateInvalid');
        ok = false;
      } else if (!date.startsWith(`${year}-`)) {
        fail(`${at}.date`, 'unitSettings.holiday.wrongYear', { date, year });
        ok = false;
      } else if (seen.has(date)) {
        fail(`${at}.date`, 'unitSettings.holiday.duplicate', { date });
        ok = false;
      }
      seen.add(date);
      if (!nameId) {
        fail(`${at}.name.id`, 'unitSettings.holiday.nameRequired');
        ok = false;
      } else if (nameId.length > HOLIDAY_NAME_MAX) {
        fail(`${at}.name.id`, 'unitSettings.holiday.nameTooLong', { max: HOLIDAY_NAME_MAX });
        ok = false;
      } else if (nameEn.length > HOLIDAY_NAME_MAX) {
        // Reported at the field that is too long, so the form marks the English name.
        fail(`${at}.name.en`, 'unitSettings.holiday.nameTooLong', { max: HOLIDAY_NAME_MAX });
        ok = false;
      }
      if (!isHolidayKind(holiday.kind)) {
        fail(`${at}.kind`, 'unitSettings.holiday.kindUnknown');
        ok = false;
      }
      if (ok && isHolidayKind(holiday.kind)) {
        const confirmed = holiday.confirmed === undefined ? {} : { confirmed: holiday.confirmed };
        cleaned.push({ date, name: { id: nameId, en: nameEn }, kind: holiday.kind, ...confirmed });
      }
    });
    value[year] = cleaned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return { value, issues };
}

/** The stored form: each holiday's shape, plus the cross-entry checks of checkHolidaysByYear. */
export const holidaysByYearSchema = z
  .record(z.string(), z.array(holidaySchema))
  .superRefine((record, ctx) => {
    for (const issue of checkHolidaysByYear(record, '').issues) {
      const path = issue.path
        .split('.')
        .filter((segment) => segment !== '')
        .map((segment, index) => (index > 0 && /^\d+$/.test(segment) ? Number(segment) : segment));
      ctx.addIssue({ code: 'custom', message: issue.key, path, params: issue.params });
    }
  });

/** Every holiday of every year, for createWorkingCalendar. */
export function allHolidays(byYear: HolidaysByYear): Holiday[] {
  return Object.values(byYear).flat();
}

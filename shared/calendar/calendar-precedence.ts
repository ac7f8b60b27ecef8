/**
 * Which holidays a unit counts with, per year (docs/domain.md, 'Working days and holidays';
 * docs/decisions/024-national-calendar.md):
 *
 *   1. the central's national calendar for the year (`calendar:national:<year>`, ./national-calendar)
 *      when the device has it, else
 *   2. the list shipped with the app (./indonesian-holidays), else nothing;
 *   3. plus the unit's own additions from its settings (local holidays a manager set), on top.
 *
 * The unit's settings hold, besides its own dates, the copies of the shipped lists that seeded a
 * new unit (../unit/unit-settings). A date of the unit's list that the app ships for that year is
 * such a copy, never an addition: otherwise a date the government moved would stay a holiday on
 * every unit that was seeded with it. Additions can only add: a unit cannot take away a national
 * holiday or a day of cuti bersama.
 *
 * The desk's deadlines, the packet's indicators and `npm run packet -- build` all take this, so
 * they agree. Pure.
 */
import { type HolidaysByYear } from './holiday-list';
import { DEFAULT_HOLIDAYS, SHIPPED_CALENDAR_SOURCES, type Holiday } from './indonesian-holidays';
import { holidaysOfNationalCalendar, type NationalCalendarDoc } from './national-calendar';

/** Where a date comes from: the decree via the central, the app's own list, or the unit. */
export type HolidaySource = 'central' | 'shipped' | 'unit';
export type SourcedHoliday = Holiday & Readonly<{ source: HolidaySource }>;

/** What a year's national list is: the central's (with its version), the app's, or none at all. */
export type CalendarBase =
  | Readonly<{ kind: 'central'; version: number; source: string; importedAt: string }>
  | Readonly<{ kind: 'shipped'; source: string }>
  | Readonly<{ kind: 'none' }>;

export type CalendarYear = Readonly<{
  year: string;
  base: CalendarBase;
  /** Every date the year counts, sorted, each with where it comes from. */
  holidays: readonly SourcedHoliday[];
}>;

/** The national calendars a device holds, as read from the unit's records. */
export type NationalCalendars = readonly Pick<
  NationalCalendarDoc,
  'year' | 'version' | 'source' | 'importedAt' | 'entries'
>[];

const byDate = (a: { date: string }, b: { date: string }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

function shippedOf(year: string): readonly Holiday[] | undefined {
  return (DEFAULT_HOLIDAYS as Readonly<Record<string, readonly Holiday[]>>)[year];
}

/** The unit's own additions of `year`: its dates that neither the base nor the app's list hold. */
export function unitAdditions(
  year: string,
  own: readonly Holiday[],
  baseDates: ReadonlySet<string> = new Set(),
): Holiday[] {
  const shipped = new Set((shippedOf(year) ?? []).map((holiday) => holiday.date));
  return own.filter((holiday) => !shipped.has(holiday.date) && !baseDates.has(holiday.date));
}

/** One year's calendar by the rule above. */
export function calendarYear(
  year: string,
  own: readonly Holiday[],
  nationals: NationalCalendars,
): CalendarYear {
  const national = nationals
    .filter((doc) => doc.year === year)
    .reduce<NationalCalendars[number] | undefined>(
      (best, doc) => (best === undefined || doc.version > best.version ? doc : best),
      undefined,
    );
  const shipped = shippedOf(year);
  let base: CalendarBase;
  let baseHolidays: SourcedHoliday[];
  if (national) {
    base = {
      kind: 'central',
      version: national.version,
      source: national.source,
      importedAt: national.importedAt,
    };
    baseHolidays = holidaysOfNationalCalendar(national).map((holiday): SourcedHoliday => ({
      ...holiday,
      source: 'central',
    }));
  } else if (shipped) {
    base = { kind: 'shipped', source: SHIPPED_CALENDAR_SOURCES[Number(year)] ?? '' };
    baseHolidays = shipped.map((holiday): SourcedHoliday => ({ ...holiday, source: 'shipped' }));
  } else {
    base = { kind: 'none' };
    baseHolidays = [];
  }
  const baseDates = new Set(baseHolidays.map((holiday) => holiday.date));
  const added = unitAdditions(year, own, baseDates).map((holiday): SourcedHoliday => ({
    ...holiday,
    source: 'unit',
  }));
  return { year, base, holidays: [...baseHolidays, ...added].sort(byDate) };
}

/** Every year the app, the central or the unit lists, by the rule above, sorted by year. */
export function calendarYears(unitHolidays: HolidaysByYear, nationals: NationalCalendars): CalendarYear[] {
  const years = new Set([
    ...Object.keys(DEFAULT_HOLIDAYS),
    ...nationals.map((doc) => doc.year),
    ...Object.keys(unitHolidays),
  ]);
  return [...years].sort().map((year) => calendarYear(year, unitHolidays[year] ?? [], nationals));
}

/**
 * The lists a unit works by, per year (for createWorkingCalendar through allHolidays, and for the
 * indicators' settings).
 */
export function effectiveHolidays(
  unitHolidays: HolidaysByYear,
  nationals: NationalCalendars = [],
): HolidaysByYear {
  return Object.fromEntries(
    calendarYears(unitHolidays, nationals).map((year) => [
      year.year,
      year.holidays.map(({ source: _source, ...holiday }) => holiday),
    ]),
  );
}

/** Which national list each year counted with: what the packet's indicators record. */
export type CalendarVersion = Readonly<{
  year: string;
  base: 'central' | 'shipped' | 'none';
  /** The central's version (central only). */
  version?: number;
  /** The decree as the list names it (central and shipped). */
  source?: string;
  /** How many of the unit's own dates were added. */
  unitAdditions: number;
}>;

export function calendarVersions(
  unitHolidays: HolidaysByYear,
  nationals: NationalCalendars,
): CalendarVersion[] {
  return calendarYears(unitHolidays, nationals).map((year) => ({
    year: year.year,
    base: year.base.kind,
    ...(year.base.kind === 'central' ? { version: year.base.version } : {}),
    ...(year.base.kind === 'none' ? {} : { source: year.base.source }),
    unitAdditions: year.holidays.filter((holiday) => holiday.source === 'unit').length,
  }));
}

/**
 * A short mark of the national lists per year (`2026:shipped|2027:central:3`): a device compares
 * the mark it last showed deadlines with to the one now, and names the years that changed.
 */
export function calendarMark(nationals: NationalCalendars): string {
  return calendarYears({}, nationals)
    .map((year) =>
      year.base.kind === 'central'
        ? `${year.year}:central:${year.base.version}`
        : `${year.year}:${year.base.kind}`,
    )
    .join('|');
}

/** The years whose part of `now` differs from `before` (marks from calendarMark), sorted. */
export function changedCalendarYears(before: string, now: string): string[] {
  const parts = (mark: string): Map<string, string> =>
    new Map(
      mark
        .split('|')
        .filter((part) => part !== '')
        .map((part) => [part.slice(0, 4), part] as const),
    );
  const was = parts(before);
  return [...parts(now)]
    .filter(([year, part]) => was.get(year) !== part)
    .map(([year]) => year)
    .sort();
}

import { describe, expect, it } from 'vitest';
import {
  calendarMark,
  calendarVersions,
  calendarYear,
  changedCalendarYears,
  effectiveHolidays,
  type NationalCalendars,
} from './calendar-precedence';
import { allHolidays } from './holiday-list';
import { DEFAULT_HOLIDAYS, type Holiday } from './indonesian-holidays';
import { weekdayOf, type NationalCalendarEntry } from './national-calendar';
import { createWorkingCalendar } from './working-calendar';

const entry = (date: string, kind: NationalCalendarEntry['kind'], id: string): NationalCalendarEntry => ({
  date,
  weekday: weekdayOf(date),
  name: { id, en: id },
  kind,
});

/**
 * A hypothetical amendment of 2027: Idul Fitri 1448 moved a day later (Thu 11 and Fri 12 March),
 * its cuti bersama on Wed 10, Mon 15 and Tue 16 March; Tue 9 March is a working day again.
 * Every other date as the decree.
 */
const shipped2027 = DEFAULT_HOLIDAYS[2027] ?? [];
const moved: NationalCalendars[number] = {
  year: '2027',
  version: 2,
  source: 'SKB 3 Menteri 1205/2026, 3/2026, 2/2026, as amended',
  importedAt: '2027-02-20T03:00:00.000Z',
  entries: [
    ...shipped2027
      .filter((holiday) => !holiday.date.startsWith('2027-03-09') && !/^2027-03-1[0-5]$/.test(holiday.date))
      .map((holiday) =>
        entry(
          holiday.date,
          holiday.kind === 'national-holiday' ? 'holiday' : 'cuti-bersama',
          holiday.name.id,
        ),
      ),
    entry('2027-03-10', 'cuti-bersama', 'Cuti bersama Idul Fitri'),
    entry('2027-03-11', 'holiday', 'Idul Fitri 1448 Hijriah'),
    entry('2027-03-12', 'holiday', 'Idul Fitri 1448 Hijriah (hari kedua)'),
    entry('2027-03-15', 'cuti-bersama', 'Cuti bersama Idul Fitri'),
    entry('2027-03-16', 'cuti-bersama', 'Cuti bersama Idul Fitri'),
  ].sort((a, b) => (a.date < b.date ? -1 : 1)),
};
const cityDay: Holiday = {
  date: '2027-03-17',
  name: { id: 'Hari Jadi Kota', en: 'City Day' },
  kind: 'national-holiday',
};
/** What a unit seeded from the app's lists holds in its settings: copies, not additions. */
const seeded = { '2026': [...(DEFAULT_HOLIDAYS[2026] ?? [])], '2027': [...shipped2027] };

/** The n-th working day after Fri 5 March 2027 (a complaint received that day). */
const due = (unit: Record<string, readonly Holiday[]>, nationals: NationalCalendars, n: number): string =>
  createWorkingCalendar(allHolidays(effectiveHolidays(unit, nationals))).addWorkingDays('2027-03-05', n);

describe('the calendar a unit counts with', () => {
  it('takes the shipped list when the central has none, and the central list when it has one', () => {
    // Shipped: Mon 8 Nyepi, Tue 9 cuti, Wed 10 and Thu 11 Idul Fitri, Fri 12 and Mon 15 cuti:
    // the 1st, 2nd, 3rd working days are Tue 16, Wed 17, Thu 18.
    expect(due({}, [], 1)).toBe('2027-03-16');
    expect(due({}, [], 3)).toBe('2027-03-18');
    // Moved: Tue 9 counts again, Tue 16 no longer: Tue 9, Wed 17, Thu 18.
    expect(due({}, [moved], 1)).toBe('2027-03-09');
    expect(due({}, [moved], 2)).toBe('2027-03-17');
    const year = calendarYear('2027', [], [moved]);
    expect(year.base).toEqual({
      kind: 'central',
      version: 2,
      source: moved.source,
      importedAt: moved.importedAt,
    });
    expect(year.holidays.map((h) => h.date)).not.toContain('2027-03-09');
    expect(year.holidays.map((h) => h.date)).toContain('2027-03-16');
    expect(year.holidays.every((h) => h.source === 'central')).toBe(true);
  });

  it('never counts a seeded copy of a shipped date as the unit’s own: the moved date is not kept', () => {
    // Counting the seeded copy of Tue 9 March would give Wed 17 as the first working day.
    expect(due(seeded, [moved], 1)).toBe('2027-03-09');
    expect(calendarYear('2027', seeded['2027'], [moved]).holidays.some((h) => h.source === 'unit')).toBe(
      false,
    );
    expect(due(seeded, [], 1)).toBe('2027-03-16');
  });

  it('adds the unit’s own dates on top of either list', () => {
    const own = { ...seeded, '2027': [...seeded['2027'], cityDay] };
    // Shipped + Wed 17: Tue 16, Thu 18, Fri 19.
    expect(due(own, [], 3)).toBe('2027-03-19');
    // Moved + Wed 17: Tue 9, Thu 18, Fri 19.
    expect(due(own, [moved], 3)).toBe('2027-03-19');
    const year = calendarYear('2027', own['2027'], [moved]);
    expect(year.holidays.filter((h) => h.source === 'unit')).toEqual([{ ...cityDay, source: 'unit' }]);
    // A unit date that the central also lists is shown once, as the central's.
    const twice = calendarYear('2027', [{ ...cityDay, date: '2027-03-16' }], [moved]);
    expect(twice.holidays.filter((h) => h.date === '2027-03-16')).toEqual([
      expect.objectContaining({ source: 'central', kind: 'collective-leave' }),
    ]);
  });

  it('a year nobody ships: the unit’s own list alone; the central’s highest version wins', () => {
    const own2030 = [{ ...cityDay, date: '2030-03-18' }];
    expect(calendarYear('2030', own2030, [])).toEqual({
      year: '2030',
      base: { kind: 'none' },
      holidays: [{ ...own2030[0], source: 'unit' }],
    });
    const older = { ...moved, version: 1, entries: [] };
    expect(calendarYear('2027', [], [moved, older]).base).toMatchObject({ version: 2 });
    expect(calendarYear('2027', [], [older, moved]).base).toMatchObject({ version: 2 });
  });

  it('names the list and version each year used, and how many of the unit’s own dates', () => {
    const own = { '2027': [cityDay] };
    expect(calendarVersions(own, [moved])).toEqual([
      {
        year: '2026',
        base: 'shipped',
        source: expect.stringContaining('1497/2025') as string,
        unitAdditions: 0,
      },
      { year: '2027', base: 'central', version: 2, source: moved.source, unitAdditions: 1 },
    ]);
  });

  it('marks the national lists so that a device names the years that changed', () => {
    const before = calendarMark([]);
    expect(before).toBe('2026:shipped|2027:shipped');
    const after = calendarMark([moved]);
    expect(after).toBe('2026:shipped|2027:central:2');
    expect(changedCalendarYears(before, after)).toEqual(['2027']);
    expect(changedCalendarYears(after, calendarMark([{ ...moved, version: 3 }]))).toEqual(['2027']);
    expect(changedCalendarYears(after, after)).toEqual([]);
  });
});

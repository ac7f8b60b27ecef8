import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/local-date';
import { DEFAULT_HOLIDAYS, type Holiday } from './indonesian-holidays';
import { createWorkingCalendar } from './working-calendar';

// The shipped defaults: 2026 from the SKB (17 national holidays + 8 cuti bersama), 2027 estimated.
const defaults: readonly Holiday[] = Object.values(DEFAULT_HOLIDAYS).flat();
const calendar = createWorkingCalendar(defaults);

/** Day of the week, 0 = Sunday … 6 = Saturday, independent of the code under test. */
const weekday = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

describe('isWorkingDay', () => {
  it('is Monday to Friday', () => {
    // Mon 23 Nov … Fri 27 Nov 2026 work; Sat 28 and Sun 29 do not.
    expect(
      ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].map(calendar.isWorkingDay),
    ).toEqual([true, true, true, true, true]);
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-29')).toBe(false);
  });

  it('leaves out national holidays and cuti bersama alike', () => {
    expect(calendar.isWorkingDay('2026-12-25')).toBe(false); // Christmas (national holiday), a Friday
    expect(calendar.isWorkingDay('2026-12-24')).toBe(false); // cuti bersama Natal, a Thursday
    expect(calendar.isWorkingDay('2026-12-23')).toBe(true); // an ordinary Wednesday
    expect(calendar.isWorkingDay('2026-03-23')).toBe(false); // cuti bersama Idul Fitri, a Monday
    expect(calendar.isWorkingDay('2026-08-17')).toBe(false); // Independence Day, a Monday
  });

  it('with no holidays counts every weekday', () => {
    const plain = createWorkingCalendar([]);
    expect(plain.isWorkingDay('2026-12-25')).toBe(true);
    expect(plain.isWorkingDay('2026-12-26')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    // Fri 27 Nov + 1: Sat 28, Sun 29 skipped → Mon 30.
    expect(calendar.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    // Mon 23 Nov + 3: Tue 24, Wed 25, Thu 26.
    expect(calendar.addWorkingDays('2026-11-23', 3)).toBe('2026-11-26');
    // Mon 23 Nov + 5: Tue 24 … Fri 27 (4), Mon 30 (5).
    expect(calendar.addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
  });

  it('starts from the next working day when the start is not one', () => {
    // Sat 28 Nov + 1: Mon 30 is the first working day after it.
    expect(calendar.addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
    // Thu 24 Dec 2026 + 3: 25 Dec holiday, 26-27 weekend → Mon 28 (1), Tue 29 (2), Wed 30 (3).
    expect(calendar.addWorkingDays('2026-12-24', 3)).toBe('2026-12-30');
  });

  it('skips a holiday and its cuti bersama', () => {
    // Wed 23 Dec + 3: Thu 24 cuti, Fri 25 Christmas, 26-27 weekend → Mon 28, Tue 29, Wed 30.
    expect(calendar.addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
    // Tue 17 Mar 2026 + 3: 18 cuti Nyepi, 19 Nyepi, 20 cuti, 21-22 weekend (Idul Fitri),
    // 23-24 cuti → Wed 25 (1), Thu 26 (2), Fri 27 (3).
    expect(calendar.addWorkingDays('2026-03-17', 3)).toBe('2026-03-27');
  });

  it('counts cuti bersama days: without them the same deadline comes four days earlier', () => {
    const nationalOnly = createWorkingCalendar(defaults.filter((h) => h.kind === 'national-holiday'));
    // Tue 17 Mar + 3 with national holidays only: Wed 18 (1), Thu 19 Nyepi, Fri 20 (2), Mon 23 (3).
    expect(nationalOnly.addWorkingDays('2026-03-17', 3)).toBe('2026-03-23');
  });

  it('crosses the year boundary into 2027', () => {
    // Tue 29 Dec 2026 + 3: Wed 30 (1), Thu 31 (2), Fri 1 Jan holiday, 2-3 weekend, Mon 4 (3).
    expect(calendar.addWorkingDays('2026-12-29', 3)).toBe('2027-01-04');
    // + 5: Tue 5 Jan is Isra Mikraj (2027 estimate) → Wed 6 (4), Thu 7 (5).
    expect(calendar.addWorkingDays('2026-12-29', 5)).toBe('2027-01-07');
    // Reply window, 10 working days from Wed 16 Dec 2026: Thu 17, Fri 18 (2), Mon 21 – Wed 23 (5),
    // 24-25 off, Mon 28 – Thu 31 (9), 1 Jan off, 2-3 weekend, Mon 4 Jan (10).
    expect(calendar.addWorkingDays('2026-12-16', 10)).toBe('2027-01-04');
  });

  it('counts plain weekdays in a year with no holiday data (2028 here)', () => {
    // Thu 30 Dec 2027 + 3: Fri 31 (1), Sat 1 Jan 2028, Sun 2, Mon 3 (2), Tue 4 (3).
    expect(calendar.addWorkingDays('2027-12-30', 3)).toBe('2028-01-04');
    // New Year's Day 2030 (a Tuesday) is not listed anywhere: a unit must add that year's list.
    expect(calendar.isWorkingDay('2030-01-01')).toBe(true);
  });

  it('with n = 0 gives the day itself when working, else the next working day', () => {
    expect(calendar.addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(calendar.addWorkingDays('2026-11-28', 0)).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-12-24', 0)).toBe('2026-12-28');
  });

  it('refuses a negative or fractional count and an invalid date', () => {
    expect(() => calendar.addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-11-23', Number.NaN)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('23/11/2026')).toThrow(RangeError);
    // Holidays come from the unit-settings document: an impossible date is skipped, never thrown on.
    expect(
      createWorkingCalendar([{ date: '2026-13-01' }, { date: '2027-02-29' }]).isWorkingDay('2026-11-23'),
    ).toBe(true);
  });
});

describe('workingDaysBetween and nextWorkingDay', () => {
  it('counts working days in (from, to], negative backwards', () => {
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-30')).toBe(5);
    expect(calendar.workingDaysBetween('2026-11-30', '2026-11-23')).toBe(-5);
    expect(calendar.workingDaysBetween('2026-11-28', '2026-11-29')).toBe(0); // Sat → Sun
    // (Wed 23 Dec, Mon 28 Dec]: 24 cuti, 25 Christmas, weekend → only Mon 28.
    expect(calendar.workingDaysBetween('2026-12-23', '2026-12-28')).toBe(1);
    // (Fri 13 Mar, Tue 31 Mar]: Mon 16, Tue 17 (2); 18-24 off; 25, 26, 27 (5); 30, 31 (7).
    expect(calendar.workingDaysBetween('2026-03-13', '2026-03-31')).toBe(7);
  });

  it('counts a whole year: 2026 has 261 weekdays, 21 of them holidays or cuti bersama', () => {
    // 2026 starts on a Thursday: 52 weeks (260 weekdays) + Thu 31 Dec = 261 weekdays. Of the 17
    // national holidays, 4 fall on a weekend (Sat 21 Mar, Sun 22 Mar, Sun 5 Apr, Sun 31 May) → 13;
    // all 8 cuti bersama are weekdays → 21 days off, 240 working days.
    const weekdayHolidays = DEFAULT_HOLIDAYS[2026]?.filter((h) => weekday(h.date) % 6 !== 0) ?? [];
    expect(weekdayHolidays).toHaveLength(21);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(240);
  });

  it('counts a year with no holiday data as all its weekdays', () => {
    // 2028 starts on a Saturday and is a leap year: 52 weeks from Sat 1 Jan to Fri 29 Dec hold
    // 260 weekdays; Sat 30 and Sun 31 Dec add none.
    expect(calendar.workingDaysBetween('2027-12-31', '2028-12-31')).toBe(260);
  });

  it('gives the first working day strictly after a date', () => {
    expect(calendar.nextWorkingDay('2026-11-23')).toBe('2026-11-24');
    expect(calendar.nextWorkingDay('2026-11-27')).toBe('2026-11-30');
    expect(calendar.nextWorkingDay('2026-12-23')).toBe('2026-12-28');
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });

  it('ignores holidays listed on a weekend and listed twice', () => {
    const odd = createWorkingCalendar([
      { date: '2026-03-21' },
      { date: '2026-12-25' },
      { date: '2026-12-25' },
    ]);
    expect(odd.workingDaysBetween('2026-03-20', '2026-03-23')).toBe(1); // Sat 21 listed: Mon 23 still counts
    expect(odd.workingDaysBetween('2026-12-24', '2026-12-28')).toBe(1); // 25 Dec counted once
  });
});

describe('against a day-by-day walk', () => {
  const START = '2026-01-01';
  const dateArb = fc.integer({ min: 0, max: 760 }).map((offset) => addDays(START, offset));

  function walk(holidays: ReadonlySet<string>) {
    const working = (d: string): boolean => weekday(d) % 6 !== 0 && !holidays.has(d);
    return {
      working,
      add(from: string, n: number): string {
        let day = from;
        if (n === 0) {
          while (!working(day)) day = addDays(day, 1);
          return day;
        }
        for (let left = n; left > 0;) {
          day = addDays(day, 1);
          if (working(day)) left -= 1;
        }
        return day;
      },
      between(from: string, to: string): number {
        const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
        let count = 0;
        for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (working(day)) count += 1;
        return count === 0 ? 0 : sign * count;
      },
    };
  }

  it('agrees on every count for random holiday lists', () => {
    fc.assert(
      fc.property(
        fc.array(dateArb, { maxLength: 40 }),
        dateArb,
        dateArb,
        fc.integer({ min: 0, max: 70 }),
        (holidays, from, to, n) => {
          const fast = createWorkingCalendar(holidays.map((date) => ({ date })));
          const slow = walk(new Set(holidays));
          expect(fast.isWorkingDay(from)).toBe(slow.working(from));
          expect(fast.addWorkingDays(from, n)).toBe(slow.add(from, n));
          expect(fast.workingDaysBetween(from, to)).toBe(slow.between(from, to));
          expect(fast.nextWorkingDay(from)).toBe(slow.add(from, 1));
          if (n > 0) expect(fast.workingDaysBetween(from, fast.addWorkingDays(from, n))).toBe(n);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * A working-day calendar: Monday to Friday, minus the unit's holidays and collective leave days
 * (docs/domain.md, 'Deadlines': verification ≤ 3, follow-up ≤ 5 and the reply window of 10 days
 * are working days). Dates are plain `YYYY-MM-DD` strings, counted as day numbers on UTC midnights (see
 * ../time/local-date), so neither the device's time zone nor daylight saving can shift a day.
 *
 * No loop walks day by day: weekdays are counted with weekly arithmetic and holidays with a binary
 * search in a sorted list, so a count over years costs the same as a count over a week.
 */
import { addDays, daysBetween, isIsoDate } from '../time/local-date';

export type WorkingCalendar = Readonly<{
  /** True for Monday to Friday when the day is not a holiday or collective leave day. */
  isWorkingDay(isoDate: string): boolean;
  /**
   * The `n`-th working day after `isoDate` (n ≥ 0, whole). For n = 0: `isoDate` itself when it is
   * a working day, else the next working day.
   */
  addWorkingDays(isoDate: string, n: number): string;
  /** Working days in (from, to]; negative (minus the working days in (to, from]) when to < from. */
  workingDaysBetween(fromIsoDate: string, toIsoDate: string): number;
  /** The first working day strictly after `isoDate`. */
  nextWorkingDay(isoDate: string): string;
}>;

/** Day 0 of the day numbers; a Thursday. */
const EPOCH = '1970-01-01';
/** Adding this to a day number puts Mondays on multiples of 7 (Monday 1969-12-29 is day -3). */
const MONDAY_SHIFT = 3;

const dayNumber = (isoDate: string): number => daysBetween(EPOCH, isoDate);
const isoDateOf = (day: number): string => addDays(EPOCH, day);
const mod = (value: number, divisor: number): number => ((value % divisor) + divisor) % divisor;
const isWeekday = (day: number): boolean => mod(day + MONDAY_SHIFT, 7) < 5;

/** Mondays-to-Fridays before `day`, counted from a fixed Monday (negative before it). */
function weekdaysBefore(day: number): number {
  const shifted = day + MONDAY_SHIFT;
  return 5 * Math.floor(shifted / 7) + Math.min(mod(shifted, 7), 5);
}

/** How many entries of the ascending `sorted` are ≤ `value` (binary search). */
function countAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A calendar over the given holidays (only their `date` is read; weekend dates and duplicates are
 * harmless). A holiday whose date is not a real `YYYY-MM-DD` day is skipped, never thrown on: the
 * list comes from the unit-settings document. (The methods throw RangeError on a date that is
 * not one: their callers pass dates they checked or computed.) A year with no
 * holidays listed (no data yet) counts every Monday to Friday as a working day: deadlines still
 * run, but a unit must add that year's holidays and cuti bersama in its settings.
 */
export function createWorkingCalendar(holidays: Iterable<Readonly<{ date: string }>>): WorkingCalendar {
  const holidaySet = new Set<number>();
  for (const holiday of holidays) {
    if (!isIsoDate(holiday.date)) continue;
    const day = dayNumber(holiday.date);
    if (isWeekday(day)) holidaySet.add(day);
  }
  const sortedHolidays: readonly number[] = [...holidaySet].sort((a, b) => a - b);

  const isWorking = (day: number): boolean => isWeekday(day) && !holidaySet.has(day);
  /** Working days up to and including `day`, from the same fixed origin as weekdaysBefore. */
  const workingUpTo = (day: number): number => weekdaysBefore(day + 1) - countAtMost(sortedHolidays, day);

  /** The smallest day after `from` with `n` (≥ 1) working days in (from, day]. */
  function nthWorkingDayAfter(from: number, n: number): number {
    const target = workingUpTo(from) + n;
    const holidaysAfter = sortedHolidays.length - countAtMost(sortedHolidays, from);
    // Whole weeks hold 5 weekdays each: enough weekdays for n working days even if every later
    // holiday falls inside the span.
    let low = from;
    let high = from + 7 * Math.ceil((n + holidaysAfter) / 5);
    while (high - low > 1) {
      const middle = low + Math.floor((high - low) / 2);
      if (workingUpTo(middle) >= target) high = middle;
      else low = middle;
    }
    return high;
  }

  return {
    isWorkingDay: (isoDate) => isWorking(dayNumber(isoDate)),
    addWorkingDays(isoDate, n) {
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
      }
      const from = dayNumber(isoDate);
      if (n === 0) return isWorking(from) ? isoDate : isoDateOf(nthWorkingDayAfter(from, 1));
      return isoDateOf(nthWorkingDayAfter(from, n));
    },
    workingDaysBetween: (fromIsoDate, toIsoDate) =>
      workingUpTo(dayNumber(toIsoDate)) - workingUpTo(dayNumber(fromIsoDate)),
    nextWorkingDay: (isoDate) => isoDateOf(nthWorkingDayAfter(dayNumber(isoDate), 1)),
  };
}

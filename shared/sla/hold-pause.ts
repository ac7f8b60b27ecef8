/**
 * Holds (tunda) pause the clock until their until-date or the next action (docs/domain.md,
 * 'Deadlines'; SP4N-LAPOR! lists hold among the verifier's actions on a new report). Holds happen
 * before verification, so they push only the verification deadline.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { isIsoInstant } from '../time/iso-instant';
import { addDays, daysBetween, isIsoDate, localDateOf } from '../time/local-date';

export type HoldFacts = Readonly<{
  /** The active hold: since an instant, until a unit-local `YYYY-MM-DD` (inclusive). */
  hold: Readonly<{ since: string; until: string }> | null;
  /**
   * Ended holds, as ISO instants: from the hold to the action that ended it; `until` is the
   * unit-local until-date the hold had (inclusive), when known.
   */
  holdPeriods: readonly Readonly<{ from: string; to: string; until?: string }>[];
}>;

type DayRange = readonly [first: string, last: string];

/** `compute()`, or null where date arithmetic leaves the years 0001–9999. */
function orNull(compute: () => string): string | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Working days the clock stood still, counted once even where holds overlap. A hold pauses the
 * clock until its until-date or the next action, whichever comes first:
 * - an ended hold covers its start's local date to the day before its end's local date (the day
 *   of the action that ended it counts again), but not past its until-date;
 * - the active hold covers its start's local date to min(until, today), both inclusive; after the
 *   until-date the clock runs again even though no action has been recorded yet.
 * Days on or before `clockStart` (the date the clock starts from, e.g. the receipt date, which a
 * deadline never counts) are not counted: a hold placed on the day of receipt pauses nothing
 * that day.
 * Never throws on the holds' dates (they come from documents): a hold whose instants or
 * until-date are not real dates is skipped, as is the active hold when `today` is not a date and
 * `clockStart` when it is not one.
 */
export function pausedWorkingDays(
  facts: HoldFacts,
  calendar: WorkingCalendar,
  timeZone: string,
  today: string,
  clockStart?: string,
): number {
  const local = (instant: string): string | null =>
    isIsoInstant(instant) ? orNull(() => localDateOf(new Date(instant), timeZone)) : null;
  const earlier = (a: string, b: string): string => (a < b ? a : b);
  const ranges: DayRange[] = [];
  for (const period of facts.holdPeriods) {
    const from = local(period.from);
    const to = local(period.to);
    const beforeAction = to === null ? null : orNull(() => addDays(to, -1));
    if (from === null || beforeAction === null) continue;
    if (period.until !== undefined && !isIsoDate(period.until)) continue;
    ranges.push([from, period.until === undefined ? beforeAction : earlier(period.until, beforeAction)]);
  }
  const since = facts.hold ? local(facts.hold.since) : null;
  if (facts.hold && since !== null && isIsoDate(facts.hold.until) && isIsoDate(today)) {
    ranges.push([since, earlier(facts.hold.until, today)]);
  }
  const firstCounted =
    clockStart === undefined || !isIsoDate(clockStart) ? null : orNull(() => addDays(clockStart, 1));
  const sorted = ranges
    .map(([first, last]): DayRange => [
      firstCounted !== null && first < firstCounted ? firstCounted : first,
      last,
    ])
    .filter(([first, last]) => first <= last)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  // Working days in [first, last], both inclusive (no date arithmetic: safe at 0001-01-01).
  const workingDaysIn = ([first, last]: DayRange): number =>
    calendar.workingDaysBetween(first, last) + (calendar.isWorkingDay(first) ? 1 : 0);
  let paused = 0;
  let current: [string, string] | null = null;
  for (const [first, last] of sorted) {
    if (current && daysBetween(current[1], first) <= 1) {
      if (last > current[1]) current[1] = last;
      continue;
    }
    if (current) paused += workingDaysIn(current);
    current = [first, last];
  }
  if (current) paused += workingDaysIn(current);
  return paused;
}

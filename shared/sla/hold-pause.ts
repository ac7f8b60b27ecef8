/**
 * Holds (tunda) pause the clock (issue 3: "hold pauses the clock until its until-date or the next
 * action"; design.md §6.1 lists hold among the verifier's actions on a new report). Holds happen
 * before verification, so they push only the verification deadline.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addDays, localDateOf } from '../time/local-date';

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
 */
export function pausedWorkingDays(
  facts: HoldFacts,
  calendar: WorkingCalendar,
  timeZone: string,
  today: string,
  clockStart?: string,
): number {
  const local = (instant: string): string => localDateOf(new Date(instant), timeZone);
  const earlier = (a: string, b: string): string => (a < b ? a : b);
  const ranges: DayRange[] = facts.holdPeriods.map((period) => {
    const beforeAction = addDays(local(period.to), -1);
    return [
      local(period.from),
      period.until === undefined ? beforeAction : earlier(period.until, beforeAction),
    ];
  });
  if (facts.hold) ranges.push([local(facts.hold.since), earlier(facts.hold.until, today)]);
  const firstCounted = clockStart === undefined ? null : addDays(clockStart, 1);
  const sorted = ranges
    .map(([first, last]): DayRange => [
      firstCounted !== null && first < firstCounted ? firstCounted : first,
      last,
    ])
    .filter(([first, last]) => first <= last)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  let paused = 0;
  let current: [string, string] | null = null;
  for (const [first, last] of sorted) {
    if (current && first <= addDays(current[1], 1)) {
      if (last > current[1]) current[1] = last;
      continue;
    }
    if (current) paused += calendar.workingDaysBetween(addDays(current[0], -1), current[1]);
    current = [first, last];
  }
  if (current) paused += calendar.workingDaysBetween(addDays(current[0], -1), current[1]);
  return paused;
}

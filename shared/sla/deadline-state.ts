/**
 * Whether a due date is met, due soon or overdue on a given day. The detail screen gets this from
 * `nextDeadline`; lists read a due date stored in the complaint index and classify it with the
 * same rule here, so that "due soon" means one thing everywhere.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addDays } from '../time/local-date';
import type { DeadlineState } from './deadlines';

export type DueDateState = Readonly<{
  state: DeadlineState;
  /** Working days after today up to the due date; negative (at most -1) when overdue. */
  workingDaysLeft: number;
}>;

/**
 * `dueDate` seen on `today` (both unit-local `YYYY-MM-DD`): overdue after the due date; due soon
 * when at most `dueSoonWorkingDays` working days are left; on time otherwise.
 */
export function dueDateState(
  dueDate: string,
  today: string,
  calendar: WorkingCalendar,
  dueSoonWorkingDays: number,
): DueDateState {
  if (today > dueDate) {
    return { state: 'overdue', workingDaysLeft: -Math.max(1, calendar.workingDaysBetween(dueDate, today)) };
  }
  const workingDaysLeft = calendar.workingDaysBetween(today, dueDate);
  return { state: workingDaysLeft <= dueSoonWorkingDays ? 'due-soon' : 'on-time', workingDaysLeft };
}

/**
 * The last date a due date can fall on to count as due soon (or overdue) on `today`: the
 * "needs attention" view reads every open complaint due on or before it.
 */
export function attentionHorizon(
  today: string,
  calendar: WorkingCalendar,
  dueSoonWorkingDays: number,
): string {
  // Working days are counted in (today, date]: every date from the n-th working day after today
  // up to the day before the next working day has exactly n left.
  const nth = dueSoonWorkingDays === 0 ? today : calendar.addWorkingDays(today, dueSoonWorkingDays);
  return addDays(calendar.nextWorkingDay(nth), -1);
}

/**
 * A working calendar that remembers its answers. One indicators computation asks the same few
 * questions thousands of times (10k complaints received on a few hundred dates, each asking for
 * "the 3rd working day after its receipt date"); each answer of ../calendar/working-calendar
 * validates and converts its dates, which costs microseconds. Same answers, asked once.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';

/** `calendar` with every answer remembered (one computation's worth: the maps only grow). */
export function memoCalendar(calendar: WorkingCalendar): WorkingCalendar {
  const working = new Map<string, boolean>();
  const added = new Map<string, string>();
  const between = new Map<string, number>();
  const next = new Map<string, string>();
  return {
    isWorkingDay(isoDate) {
      let answer = working.get(isoDate);
      if (answer === undefined) {
        answer = calendar.isWorkingDay(isoDate);
        working.set(isoDate, answer);
      }
      return answer;
    },
    addWorkingDays(isoDate, n) {
      const key = `${isoDate}+${n}`;
      let answer = added.get(key);
      if (answer === undefined) {
        answer = calendar.addWorkingDays(isoDate, n);
        added.set(key, answer);
      }
      return answer;
    },
    workingDaysBetween(fromIsoDate, toIsoDate) {
      const key = `${fromIsoDate}/${toIsoDate}`;
      let answer = between.get(key);
      if (answer === undefined) {
        answer = calendar.workingDaysBetween(fromIsoDate, toIsoDate);
        between.set(key, answer);
      }
      return answer;
    },
    nextWorkingDay(isoDate) {
      let answer = next.get(isoDate);
      if (answer === undefined) {
        answer = calendar.nextWorkingDay(isoDate);
        next.set(isoDate, answer);
      }
      return answer;
    },
  };
}

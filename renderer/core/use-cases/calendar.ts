/** The unit's working-day calendar and today's date in the unit's time zone. */
import { allHolidays, effectiveHolidays } from '../../../shared/calendar/holiday-list';
import { createWorkingCalendar, type WorkingCalendar } from '../../../shared/calendar/working-calendar';
import { localDateOf } from '../../../shared/time/local-date';
import { dueDateState, type DueDateState } from '../../../shared/sla/deadline-state';
import type { UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { AppStore } from '../state/app-state';

let cached: { key: string; calendar: WorkingCalendar } | undefined;

/**
 * Built once per version of the settings (holidays change only when a manager saves them). A year
 * the unit's settings do not list at all (one added to the defaults by a later version of the app)
 * takes the default list; a year the unit lists, even empty, is the unit's own.
 */
export function calendarOf(settings: UnitSettingsDoc): WorkingCalendar {
  const key = `${settings._rev ?? ''}|${settings.updatedAt}`;
  if (cached?.key !== key) {
    cached = { key, calendar: createWorkingCalendar(allHolidays(effectiveHolidays(settings.holidays))) };
  }
  return cached.calendar;
}

/** Today in the unit's time zone (not the device's: a laptop may travel or be misconfigured). */
export function unitToday(settings: UnitSettingsDoc, now: Date = new Date()): string {
  return localDateOf(now, settings.timeZone);
}

/** The calendar queries of the client core, on the unit's settings as they are now. */
export function createCalendar(deps: Readonly<{ store: AppStore; now: () => Date }>) {
  return {
    /** Today in the unit's time zone (the UTC date before the unit has settings). */
    today(): string {
      const settings = deps.store.getState().unitSettings;
      const now = deps.now();
      return settings ? unitToday(settings, now) : now.toISOString().slice(0, 10);
    },

    /** `dueDate` (unit-local) seen today; undefined before the unit has settings. */
    dueState(dueDate: string): DueDateState | undefined {
      const settings = deps.store.getState().unitSettings;
      if (!settings) return undefined;
      return dueDateState(
        dueDate,
        unitToday(settings, deps.now()),
        calendarOf(settings),
        settings.deadlines.dueSoonWorkingDays,
      );
    },
  };
}

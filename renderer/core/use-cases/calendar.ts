/** The unit's working-day calendar and today's date in the unit's time zone. */
import { allHolidays, effectiveHolidays } from '../../../shared/calendar/holiday-list';
import { createWorkingCalendar, type WorkingCalendar } from '../../../shared/calendar/working-calendar';
import { localDateOf } from '../../../shared/time/local-date';
import type { UnitSettingsDoc } from '../../../shared/unit/unit-settings';

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

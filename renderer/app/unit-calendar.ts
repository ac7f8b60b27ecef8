/** The unit's working-day calendar, built once per version of its settings. */
import { allHolidays } from '../../shared/calendar/holiday-list';
import { createWorkingCalendar, type WorkingCalendar } from '../../shared/calendar/working-calendar';
import type { UnitSettingsDoc } from '../../shared/unit/unit-settings';

let cached: { key: string; calendar: WorkingCalendar } | undefined;

export function calendarOf(settings: UnitSettingsDoc): WorkingCalendar {
  const key = `${settings._rev ?? ''}|${settings.updatedAt}`;
  if (cached?.key !== key) cached = { key, calendar: createWorkingCalendar(allHolidays(settings.holidays)) };
  return cached.calendar;
}

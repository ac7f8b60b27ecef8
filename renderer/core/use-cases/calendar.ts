/** The unit's working-day calendar and today's date in the unit's time zone. */
import {
  calendarMark,
  calendarYears,
  changedCalendarYears,
  effectiveHolidays,
  type CalendarYear,
  type NationalCalendars,
} from '../../../shared/calendar/calendar-precedence';
import { allHolidays } from '../../../shared/calendar/holiday-list';
import { createWorkingCalendar, type WorkingCalendar } from '../../../shared/calendar/working-calendar';
import { localDateOf } from '../../../shared/time/local-date';
import { dueDateState, type DueDateState } from '../../../shared/sla/deadline-state';
import type { UnitSettingsDoc } from '../../../shared/unit/unit-settings';
import type { DeviceDatabase } from '../data/device-database';
import type { AppStore } from '../state/app-state';

/**
 * The device setting holding, per unit, the mark of the national lists (calendarMark) this device
 * last told its officers about: the banner names the years that changed since.
 */
export const CALENDAR_SEEN_PREFIX = 'calendar-seen:';

let cached: { key: string; calendar: WorkingCalendar } | undefined;

/** What tells one state of the national calendars from another (a version changes with every import). */
export function nationalCalendarsKey(nationals: NationalCalendars = []): string {
  return nationals
    .map((doc) => `${doc.year}:${doc.version}:${doc.importedAt}`)
    .sort()
    .join(',');
}

/**
 * Built once per version of the settings and of the central's national calendars (holidays
 * change only when a manager saves them or a calendar arrives by sync). Each year counts with
 * the central's list when the device has it, else the app's, plus the unit's own additions
 * (shared/calendar/calendar-precedence).
 */
export function calendarOf(settings: UnitSettingsDoc, nationals: NationalCalendars = []): WorkingCalendar {
  const key = `${settings._rev ?? ''}|${settings.updatedAt}|${nationalCalendarsKey(nationals)}`;
  if (cached?.key !== key) {
    cached = {
      key,
      calendar: createWorkingCalendar(allHolidays(effectiveHolidays(settings.holidays, nationals))),
    };
  }
  return cached.calendar;
}

/** Today in the unit's time zone (not the device's: a laptop may travel or be misconfigured). */
export function unitToday(settings: UnitSettingsDoc, now: Date = new Date()): string {
  return localDateOf(now, settings.timeZone);
}

/** The calendar queries of the client core, on the unit's settings as they are now. */
export function createCalendar(
  deps: Readonly<{ store: AppStore; now: () => Date; deviceDatabase?: DeviceDatabase }>,
) {
  const seenKey = (): string | undefined => {
    const unitCode = deps.store.getState().device?.unitCode;
    return unitCode === undefined ? undefined : `${CALENDAR_SEEN_PREFIX}${unitCode}`;
  };
  const markNow = (): string => calendarMark(deps.store.getState().nationalCalendars ?? []);
  return {
    /**
     * Every year's holidays as the desk counts them, each date with where it comes from (the
     * central's decree, the app's list, the unit), and which list the year follows.
     */
    years(): CalendarYear[] {
      const { unitSettings, nationalCalendars } = deps.store.getState();
      return calendarYears(unitSettings?.holidays ?? {}, nationalCalendars ?? []);
    },

    /**
     * The years whose national list changed since this device last told its officers (a
     * calendar the central imported, an app update); none the first time, which only remembers.
     */
    async changedYears(): Promise<string[]> {
      const key = seenKey();
      if (key === undefined || !deps.deviceDatabase) return [];
      const mark = markNow();
      const seen = (await deps.deviceDatabase.settings.get(key))?.value;
      if (typeof seen !== 'string') {
        await deps.deviceDatabase.settings.put({ key, value: mark });
        return [];
      }
      return changedCalendarYears(seen, mark);
    },

    /** The officer read the banner: remembered on this device until the calendar changes again. */
    async acknowledgeChanges(): Promise<void> {
      const key = seenKey();
      if (key === undefined || !deps.deviceDatabase) return;
      await deps.deviceDatabase.settings.put({ key, value: markNow() });
    },

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
        calendarOf(settings, deps.store.getState().nationalCalendars),
        settings.deadlines.dueSoonWorkingDays,
      );
    },
  };
}

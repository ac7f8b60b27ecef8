/**
 * What the SLA tests share (imported by tests only): the default calendar (2026 per the SKB: 24 Dec
 * cuti bersama, 25 Dec Christmas; 2027 estimated: 1 Jan New Year, Tue 5 Jan Isra Mikraj; nothing
 * for 2028), the default settings in WIB, and instants given as Jakarta wall-clock times.
 */
import { DEFAULT_HOLIDAYS } from '../calendar/indonesian-holidays';
import { createWorkingCalendar } from '../calendar/working-calendar';
import { DEFAULT_DEADLINES, DEFAULT_SLA_RULES, type SlaSettings } from './deadline-settings';

export const calendar = createWorkingCalendar(Object.values(DEFAULT_HOLIDAYS).flat());

export const settings: SlaSettings = {
  timeZone: 'Asia/Jakarta',
  deadlines: DEFAULT_DEADLINES,
  rules: DEFAULT_SLA_RULES,
};

/** An instant (ISO string) given as a Jakarta (WIB, UTC+7) wall-clock time. */
export const wib = (date: string, time = '10:00'): string =>
  new Date(`${date}T${time}:00+07:00`).toISOString();

/** A clock reading given as a Jakarta (WIB, UTC+7) wall-clock time. */
export const at = (date: string, time = '09:00'): Date => new Date(`${date}T${time}:00+07:00`);

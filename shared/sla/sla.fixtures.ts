/**
 * What the SLA tests share (imported by tests only): the default calendar (2026 per the SKB: 24 Dec
 * cuti bersama, 25 Dec Christmas; 2027 estimated: 1 Jan New Year, Tue 5 Jan Isra Mikraj; nothing
 * for 2028), the default settings in WIB, and instants given as Jakarta wall-clock times.
 */
import { DEFAULT_HOLIDAYS } from '../calendar/indonesian-holidays';
import type { IntakeInput } from '../complaint/intake';
import { buildIntakeDocuments } from '../complaint/intake-documents';
import { initialComplaintState } from '../workflow/complaint-state';
import type { ComplaintState } from '../workflow/complaint-state-types';
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

/** A named walk-in complaint about a street lamp, as typed at intake (shared by the SLA and receipt tests). */
export const RECEIVED_INPUT: IntakeInput = {
  channel: 'walk-in',
  reportType: 'complaint',
  privacyMode: 'named',
  reporter: { name: 'Budi', nik: '', phone: '08123456789', email: '', address: '' },
  title: 'Lampu jalan mati',
  chronology: 'Lampu jalan di depan pasar mati sejak seminggu.',
  incidentDate: '2026-11-20',
  location: '',
  category: 'infrastructure',
  targetOffice: '',
  attachments: [],
};

/** A complaint just received, Mon 23 Nov 2026, 10:00 WIB: its state before any action. */
export function receivedComplaint(): ComplaintState {
  const { complaint } = buildIntakeDocuments(RECEIVED_INPUT, {
    unitCode: 'KBM',
    deviceCode: 'X7Q',
    sequence: 1,
    eventSequence: 1,
    officer: { officerId: 'o1', name: 'Rina' },
    receivedAt: new Date(wib('2026-11-23')),
    localDate: '2026-11-23',
  });
  return initialComplaintState(complaint);
}

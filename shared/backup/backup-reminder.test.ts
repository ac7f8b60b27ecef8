/** The backup reminder's rule: older than N days AND changes the central lacks (or no central). */
import { describe, expect, it } from 'vitest';
import { backupReminderDue, daysSince, parseReminderDays } from './backup-reminder';

const NOW = new Date('2026-03-10T03:00:00Z');
const base = {
  days: 7,
  lastBackupAt: '2026-03-01T03:00:00.000Z',
  now: NOW,
  syncEnabled: true,
  pendingChanges: 3,
} as const;

describe('backupReminderDue', () => {
  it('reminds when the last backup is older than N days and changes are not on the central', () => {
    expect(backupReminderDue(base)).toBe(true);
    expect(backupReminderDue({ ...base, syncEnabled: false, pendingChanges: 0 })).toBe(true);
    expect(backupReminderDue({ ...base, lastBackupAt: undefined })).toBe(true);
  });

  it('stays quiet when the backup is recent, everything is synced, or the unit set no reminder', () => {
    expect(backupReminderDue({ ...base, lastBackupAt: '2026-03-04T03:00:00.000Z' })).toBe(false);
    expect(backupReminderDue({ ...base, pendingChanges: 0 })).toBe(false);
    expect(backupReminderDue({ ...base, days: undefined })).toBe(false);
    // Exactly N days: not yet older than N days.
    expect(backupReminderDue({ ...base, lastBackupAt: '2026-03-03T03:00:00.000Z' })).toBe(false);
  });

  it('counts whole days and reads the field as 1–365 whole days', () => {
    expect(daysSince(base.lastBackupAt, NOW)).toBe(9);
    expect(daysSince(undefined, NOW)).toBeUndefined();
    expect(parseReminderDays(' 7 ')).toBe(7);
    for (const text of ['0', '366', '2,5', '-1', 'tujuh', ''])
      expect(parseReminderDays(text), text).toBeNull();
  });
});

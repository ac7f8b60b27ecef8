/**
 * The backup reminder (docs/backup.md): a unit setting, "remind after N days" (`backupReminderDays`
 * in the synced unit settings; absent: no reminder), set by a manager. A device reminds when its
 * last backup is older than N days (or it never made one) AND it holds changes the central does not
 * have yet (changes waiting to be sent, or no central at all): a device whose records are all on the
 * central has a copy elsewhere already.
 */
export const BACKUP_REMINDER_DAYS = { min: 1, max: 365 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupReminderInput = Readonly<{
  /** The unit's setting; undefined: no reminder. */
  days: number | undefined;
  /** This device's last backup (ISO instant), undefined if never. */
  lastBackupAt: string | undefined;
  now: Date;
  /** False when this device does not sync with a central. */
  syncEnabled: boolean;
  /** Changes on this device not yet on the central. */
  pendingChanges: number;
}>;

/** Whether the status bar reminds this device to make a backup. */
export function backupReminderDue(input: BackupReminderInput): boolean {
  if (input.days === undefined) return false;
  const unsynced = !input.syncEnabled || input.pendingChanges > 0;
  if (!unsynced) return false;
  if (input.lastBackupAt === undefined) return true;
  const last = Date.parse(input.lastBackupAt);
  return Number.isNaN(last) || input.now.getTime() - last > input.days * DAY_MS;
}

/** Whole days since `lastBackupAt` (undefined if never). */
export function daysSince(lastBackupAt: string | undefined, now: Date): number | undefined {
  if (lastBackupAt === undefined) return undefined;
  const last = Date.parse(lastBackupAt);
  return Number.isNaN(last) ? undefined : Math.max(0, Math.floor((now.getTime() - last) / DAY_MS));
}

/** Checks the reminder field of the settings form: whole days within BACKUP_REMINDER_DAYS. */
export function parseReminderDays(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  const value = Number(text);
  return value >= BACKUP_REMINDER_DAYS.min && value <= BACKUP_REMINDER_DAYS.max ? value : null;
}

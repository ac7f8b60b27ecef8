/**
 * The status bar's backup reminder (shared/backup/backup-reminder): shown when the unit set "remind
 * after N days", this device's last backup is older than that (or it never made one) and it holds
 * changes the central does not have (waiting to be sent, or no central). Links to Pengaturan.
 * Plain text, not a live region: the notices are the app's one.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { backupReminderDue, daysSince } from '../../shared/backup/backup-reminder';
import { ROUTES } from '../app/routes';
import { useCore } from '../app/core-context';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';

export function BackupReminder(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const days = useAppStore((state) => state.unitSettings?.backupReminderDays);
  const sync = useAppStore((state) => state.syncStatus);
  const last = useRecords(() => core.backup.lastBackupAt(), []);
  if (days === undefined || last.status !== 'ready') return null;
  const now = new Date();
  const due = backupReminderDue({
    days,
    lastBackupAt: last.value,
    now,
    syncEnabled: sync.state !== 'disabled',
    pendingChanges: sync.pendingLocalChanges,
  });
  if (!due) return null;
  const since = daysSince(last.value, now);
  return (
    <Link href={ROUTES.settings} className="status-bar__warning" data-testid="backup-reminder">
      {since === undefined
        ? t('backup.reminderDueNever')
        : t('backup.reminderDue', { when: t('backup.daysAgo', { count: since }) })}
    </Link>
  );
}

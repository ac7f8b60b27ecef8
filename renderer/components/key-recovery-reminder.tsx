/**
 * The status bar's reminder "Frasa pemulihan belum dibuat" (docs/decisions/022-unit-key-recovery.md):
 * shown to a manager on a device holding the unit key while the unit has no recovery passphrase
 * (from the moment a new unit's first device made its key), linking to Pengaturan, where the
 * Kunci unit section sets it. Plain text, not a live region: the notices are the app's one.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { canEditSettings } from '../../shared/workflow/roles';
import { ROUTES } from '../app/routes';
import { useCore } from '../app/core-context';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';

export function KeyRecoveryReminder(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const isManager = officer ? canEditSettings(officer.role) : false;
  const missing = useRecords(
    () => (isManager ? core.keyRecovery.status().then((status) => !status.set) : Promise.resolve(false)),
    [isManager],
  );
  if (!isManager || !core.keyTransfer.hasKey() || missing.status !== 'ready' || !missing.value) return null;
  return (
    <Link href={ROUTES.settings} className="status-bar__warning" data-testid="key-recovery-reminder">
      {t('keyRecoveryUi.reminder')}
    </Link>
  );
}

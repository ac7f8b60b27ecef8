/**
 * Sinkronisasi: the sync status in full, the server settings (managers), conflicts of the
 * unit's mutable documents, and the device's storage.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { canEditSettings } from '../../../shared/workflow/roles';
import { useCore } from '../../app/core-context';
import { LoadState } from '../../components/load-state';
import { formatBytes } from '../../format/format-bytes';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';
import { ROUTES, complaintPath } from '../../app/routes';
import { SyncSettingsForm } from './sync-settings-form';
import { SyncStatusPanel } from './sync-status-panel';

function StorageSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const loaded = useRecords(() => core.device.storage(), []);
  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">{t('syncUi.storageSection')}</h2>
      <LoadState loaded={loaded}>
        {({ docCount, usage, quota }) => (
          <dl className="facts">
            <dt>{t('syncUi.localDocuments')}</dt>
            <dd data-testid="local-doc-count">{docCount}</dd>
            <dt>{t('syncUi.storageUsed')}</dt>
            <dd>
              {usage === undefined || quota === undefined
                ? t('status.storageUnknown')
                : t('syncUi.storageOf', { used: formatBytes(usage), quota: formatBytes(quota) })}
            </dd>
          </dl>
        )}
      </LoadState>
    </section>
  );
}

/** Complaints whose documents this device also received in a forged content (see TamperedRow). */
function TamperedSection(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const loaded = useRecords(() => core.complaints.tampered(), []);
  if (loaded.status !== 'ready' || loaded.value.length === 0) return null;
  return (
    <section aria-labelledby="tampered-title" className="notice notice--warning" data-testid="tampered-list">
      <h2 id="tampered-title">{t('tamper.listTitle', { count: loaded.value.length })}</h2>
      <p>{t('tamper.listExplanation')}</p>
      <ul>
        {loaded.value.map((row) => (
          <li key={row.complaintId}>
            <Link href={complaintPath(row.complaintId)} className="tracking-number">
              {row.trackingNumber}
            </Link>{' '}
            {t('tamper.documents', { count: row.documentIds.length })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SyncScreen(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((state) => state.officer);
  const serverUrl = useAppStore((state) => state.syncServerUrl);
  const conflicts = useRecords(() => core.sync.conflicts(), []);
  return (
    <section className="screen" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('syncUi.title')}</h1>
      <SyncStatusPanel />
      <TamperedSection />
      <p>
        <Link href={ROUTES.conflicts} className="button" data-testid="conflicts-link">
          {t('syncUi.conflictsLink', { count: conflicts.status === 'ready' ? conflicts.value.length : 0 })}
        </Link>
      </p>
      <SyncSettingsForm key={serverUrl} editable={officer ? canEditSettings(officer.role) : false} />
      <StorageSection />
    </section>
  );
}

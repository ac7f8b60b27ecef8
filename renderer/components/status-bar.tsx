/**
 * The status bar every screen shows: where records are stored (sync arrives with the central
 * server) and storage health from the browser's quota estimate.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format/format-bytes';
import { isElectronHost } from '../platform/platform';
import { useAppStore } from '../store/app-store';

/** Warn when less than this share of the quota is left. */
const LOW_STORAGE_SHARE = 0.1;

export function StatusBar(): ReactNode {
  const { t } = useTranslation();
  const dataVersion = useAppStore((state) => state.dataVersion);
  const [estimate, setEstimate] = useState<StorageEstimate>();
  useEffect(() => {
    let live = true;
    void navigator.storage?.estimate().then((value) => live && setEstimate(value));
    return () => {
      live = false;
    };
  }, [dataVersion]);

  const used = estimate?.usage;
  const quota = estimate?.quota;
  const low =
    used !== undefined && quota !== undefined && quota > 0 && quota - used < quota * LOW_STORAGE_SHARE;
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span>{isElectronHost() ? t('status.electronHost') : t('status.browserHost')}</span>
      <span>{t('status.localOnly')}</span>
      <span className={low ? 'status-bar__warning' : undefined} role={low ? 'alert' : undefined}>
        {used === undefined || quota === undefined
          ? t('status.storageUnknown')
          : t(low ? 'status.storageLow' : 'status.storage', {
              used: formatBytes(used),
              quota: formatBytes(quota),
            })}
      </span>
    </footer>
  );
}

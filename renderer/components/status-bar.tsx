/**
 * The status bar every screen shows: the host, the sync state with what is not yet on the
 * central server (a link to Sinkronisasi), storage health from the browser's quota estimate, the
 * backup reminder (./backup-reminder), the recovery passphrase's reminder for managers
 * (./key-recovery-reminder), the background re-wrap after a rotation of the unit key
 * (./key-rotation-progress), and a warning while the browser has not made this device's
 * storage persistent (it may then evict the records under storage pressure), saying what to do.
 *
 * During a new device's first download the sync link shows its stage ("Unduhan pertama · Tahap 2/3:
 * pengaduan terbuka · 1.234/5.000 dokumen (24%) · sisa ± 2 menit", the whole download in its
 * title), and once the unit's own documents are here the notices say, once, that the desk can take
 * complaints while the rest downloads. The link is plain text: the notices are the one live region.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { syncStateMessageKey, type StageProgress } from '../../shared/sync/sync-status';
import { formatBytes } from '../format/format-bytes';
import { ROUTES } from '../app/routes';
import { useCore } from '../app/core-context';
import { useAppStore } from '../store/app-store';
import { BackupReminder } from './backup-reminder';
import { stageTexts } from './first-sync-texts';
import { KeyRecoveryReminder } from './key-recovery-reminder';
import { KeyRotationProgress } from './key-rotation-progress';

/** Warn when less than this share of the quota is left. */
const LOW_STORAGE_SHARE = 0.1;

/**
 * The app stores (known by their `notify` action) whose desk-ready notice was said: a status bar
 * mounted again (the shell after a sign-in) says it no more.
 */
const deskReadySaid = new WeakSet<object>();

/**
 * Says once per app store, through the notices, that the desk can take complaints: the first time
 * a status bar sees the first download past its stage of the unit's own documents. Once the sync is
 * up to date (the history is here), the notice is taken away if it is still shown: it would say
 * the history is still downloading.
 */
function useDeskReadyNotice(stage: StageProgress['stage'] | null, upToDate: boolean): void {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const notices = useAppStore((state) => state.notices);
  const dismissNotice = useAppStore((state) => state.dismissNotice);
  useEffect(() => {
    if (deskReadySaid.has(notify) || stage === null || stage === 'unit') return;
    deskReadySaid.add(notify);
    notify('info', t('firstSync.deskReady'));
  }, [stage, notify, t]);
  useEffect(() => {
    if (!upToDate || !deskReadySaid.has(notify)) return;
    const said = notices.find((notice) => notice.text === t('firstSync.deskReady'));
    if (said) dismissNotice(said.id);
  }, [upToDate, notices, notify, dismissNotice, t]);
}

function SyncSummary(): ReactNode {
  const { t } = useTranslation();
  const status = useAppStore((state) => state.syncStatus);
  const language = useAppStore((state) => state.language);
  const progress = status.state === 'syncing' ? status.progress : null;
  const stage = progress?.stage ?? null;
  useDeskReadyNotice(stage?.stage ?? null, status.state === 'up-to-date');
  const staged = progress && stage ? stageTexts(t, progress, stage, language) : null;
  const text =
    status.state === 'disabled'
      ? t('status.localOnly')
      : staged
        ? staged.text
        : progress?.percent != null
          ? `${t(syncStateMessageKey(status.state))} ${progress.percent}%`
          : t(syncStateMessageKey(status.state));
  return (
    <Link
      href={ROUTES.sync}
      className={`status-bar__sync status-bar__sync--${status.state}`}
      data-testid="status-sync"
      data-sync-state={status.state}
      data-first-sync-stage={stage?.stage}
      title={staged?.title}
    >
      {text}
      {status.pendingLocalChanges > 0
        ? ` · ${t('status.pending', { count: status.pendingLocalChanges })}`
        : ''}
    </Link>
  );
}

/**
 * The browser's storage manager, if it has one: the DOM types promise `navigator.storage`, but
 * browsers expose it only in secure contexts.
 */
function browserStorage(): StorageManager | undefined {
  const host: { storage?: StorageManager } = navigator;
  return host.storage;
}

export function StatusBar(): ReactNode {
  const { t } = useTranslation();
  const dataVersion = useAppStore((state) => state.dataVersion);
  const isDesktop = useCore().host.isDesktop;
  const persistence = useAppStore((state) => state.storagePersistence);
  const [estimate, setEstimate] = useState<StorageEstimate>();
  useEffect(() => {
    let live = true;
    void browserStorage()
      ?.estimate()
      .then((value) => live && setEstimate(value));
    return () => {
      live = false;
    };
  }, [dataVersion]);

  const used = estimate?.usage;
  const quota = estimate?.quota;
  const low =
    used !== undefined && quota !== undefined && quota > 0 && quota - used < quota * LOW_STORAGE_SHARE;
  return (
    <footer className="status-bar" aria-label={t('status.label')} data-storage-persistence={persistence}>
      <span>{isDesktop ? t('status.electronHost') : t('status.browserHost')}</span>
      <SyncSummary />
      <span className={low ? 'status-bar__warning' : undefined} role={low ? 'alert' : undefined}>
        {used === undefined || quota === undefined
          ? t('status.storageUnknown')
          : t(low ? 'status.storageLow' : 'status.storage', {
              used: formatBytes(used),
              quota: formatBytes(quota),
            })}
      </span>
      <BackupReminder />
      <KeyRecoveryReminder />
      <KeyRotationProgress />
      {persistence === 'not-persistent' ? (
        <span className="status-bar__warning status-bar__persistence" data-testid="storage-not-persistent">
          {t(isDesktop ? 'status.notPersistentDesktop' : 'status.notPersistent')}
        </span>
      ) : null}
    </footer>
  );
}

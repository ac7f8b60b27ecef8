/**
 * The sync status in full: the state in words, progress of a first download (and, while a new
 * device's first download runs, its three stages: each done, running with its documents and time
 * left, or waiting), when the device was last in step, what is not yet on the server, and for an
 * error what happened and what to do.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FIRST_SYNC_STAGES,
  rejectionMessageKey,
  syncAdviceMessageKey,
  syncErrorMessageKey,
  syncStateMessageKey,
  type StageProgress,
} from '../../../shared/sync/sync-status';
import { useCore } from '../../app/core-context';
import {
  overallText,
  stageDocumentsText,
  stageNameText,
  timeLeftText,
} from '../../components/first-sync-texts';
import { formatDateTime } from '../../format/format-date';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';

/**
 * Before a server is configured nothing is sent, and "0 unsent changes" would say the opposite:
 * the panel says so, and how many documents exist only on this device.
 */
function LocalOnlyNotice(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const loaded = useRecords(() => core.device.storage(), []);
  return (
    <p data-testid="sync-pending" data-local-only="true">
      {loaded.status === 'ready'
        ? t('syncUi.localOnly', { count: loaded.value.docCount })
        : t('syncUi.localOnlyUncounted')}
    </p>
  );
}

/** The first download's stages: those before the running one done, those after it waiting. */
function FirstSyncStages({ stage }: Readonly<{ stage: StageProgress }>): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const running = FIRST_SYNC_STAGES.indexOf(stage.stage);
  return (
    <ol
      className="sync-panel__stages"
      aria-label={t('firstSync.stagesTitle')}
      data-testid="first-sync-stages"
    >
      {FIRST_SYNC_STAGES.map((name, index) => {
        const state = index < running ? 'done' : index === running ? 'running' : 'waiting';
        const detail =
          state === 'running'
            ? [stageDocumentsText(t, stage, language), timeLeftText(t, stage.secondsLeft, language)]
                .filter((part) => part !== null)
                .join(' · ')
            : t(state === 'done' ? 'firstSync.stageDone' : 'firstSync.stageWaiting');
        return (
          <li
            key={name}
            data-stage={name}
            data-stage-state={state}
            aria-current={state === 'running' ? 'step' : undefined}
          >
            <span className="sync-panel__stage-name">{stageNameText(t, name)}</span> {detail}
          </li>
        );
      })}
    </ol>
  );
}

export function SyncStatusPanel(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const status = useAppStore((state) => state.syncStatus);
  const serverUrl = useAppStore((state) => state.syncServerUrl);
  const time = (iso: string): string => formatDateTime(iso, language);
  return (
    <section
      className={`sync-panel sync-panel--${status.state}`}
      aria-labelledby="sync-status-title"
      data-testid="sync-panel"
    >
      <h2 id="sync-status-title">{t('syncUi.statusSection')}</h2>
      <p className="sync-panel__state" role="status" data-sync-state={status.state}>
        {t(syncStateMessageKey(status.state))}
      </p>
      {status.state === 'syncing' && status.progress ? (
        <div className="sync-panel__progress">
          <progress
            max={100}
            value={status.progress.percent ?? undefined}
            aria-label={t('syncUi.progressLabel')}
          />
          <span>
            {status.progress.stage
              ? overallText(t, status.progress, language)
              : status.progress.docsTotal === null || status.progress.percent === null
                ? t('sync.progressUnknownTotal', { done: status.progress.docsDone })
                : t('sync.progress', {
                    done: status.progress.docsDone,
                    total: status.progress.docsTotal,
                    percent: status.progress.percent,
                  })}
          </span>
        </div>
      ) : null}
      {status.state === 'syncing' && status.progress?.stage ? (
        <FirstSyncStages stage={status.progress.stage} />
      ) : null}
      {status.state === 'error' ? (
        <div
          className="notice notice--error"
          role="alert"
          data-testid="sync-error"
          data-reason={status.error.reason}
        >
          <p>{t(syncErrorMessageKey(status.error.reason))}</p>
          <p>{t(syncAdviceMessageKey(status.error.reason))}</p>
          {status.nextRetryAt ? <p>{t('sync.nextRetry', { time: time(status.nextRetryAt) })}</p> : null}
        </div>
      ) : null}
      {serverUrl === '' ? (
        <LocalOnlyNotice />
      ) : (
        <p data-testid="sync-pending">{t('sync.pending', { count: status.pendingLocalChanges })}</p>
      )}
      {status.lastSyncedAt ? <p>{t('sync.lastSynced', { time: time(status.lastSyncedAt) })}</p> : null}
      {status.rejectedDocuments.length > 0 ? (
        <>
          <h3>{t('syncUi.rejectedTitle')}</h3>
          <ul data-testid="sync-rejected">
            {status.rejectedDocuments.map((rejected) => (
              <li key={rejected.id}>
                <span className="mono">{rejected.id}</span>:{' '}
                {rejected.rejection ? t(rejectionMessageKey(rejected.rejection)) : rejected.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {status.state === 'disabled' ? null : (
        <button type="button" className="button" onClick={() => core.sync.now()}>
          {t('syncUi.syncNow')}
        </button>
      )}
    </section>
  );
}

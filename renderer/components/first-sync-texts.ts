/**
 * The words for a new device's first download in stages, shared by the status bar's sync link and
 * Sinkronisasi's status panel: the stage's name and number ("Tahap 2/3: pengaduan terbuka"), its
 * documents in the language's numbers ("1.234/5.000 dokumen (24%)"), the time left ("sisa ± 2
 * menit") and the whole download ("Seluruh unduhan: …").
 */
import type { TFunction } from 'i18next';
import {
  FIRST_SYNC_STAGES,
  type FirstSyncStage,
  type StageProgress,
  type SyncProgress,
} from '../../shared/sync/sync-status';
import type { Language } from '../core/client-core';
import { formatCount } from '../format/format-count';

/** "sisa ± 2 menit": rounded to minutes (under one: "sisa < 1 menit"); null while unknown or done. */
export function timeLeftText(t: TFunction, secondsLeft: number | null, language: Language): string | null {
  if (secondsLeft === null || secondsLeft <= 0) return null;
  if (secondsLeft < 60) return t('firstSync.timeLeftUnderMinute');
  const minutes = Math.round(secondsLeft / 60);
  if (minutes < 60) return t('firstSync.timeLeftMinutes', { minutes: formatCount(minutes, language) });
  return t('firstSync.timeLeftHours', {
    hours: formatCount(Math.floor(minutes / 60), language),
    minutes: minutes % 60,
  });
}

/** "Tahap 2/3: pengaduan terbuka". */
export function stageNameText(t: TFunction, stage: FirstSyncStage): string {
  return t('firstSync.stage', {
    number: FIRST_SYNC_STAGES.indexOf(stage) + 1,
    stages: FIRST_SYNC_STAGES.length,
    name: t(`firstSync.stageName.${stage}`),
  });
}

/** "1.234/5.000 dokumen (24%)", or "1.234 dokumen" while the stage's total is unknown. */
export function stageDocumentsText(t: TFunction, stage: StageProgress, language: Language): string {
  const count = (value: number): string => formatCount(value, language);
  return stage.docsTotal === null || stage.percent === null
    ? t('firstSync.documentsUnknownTotal', { done: count(stage.docsDone) })
    : t('firstSync.documents', {
        done: count(stage.docsDone),
        total: count(stage.docsTotal),
        percent: stage.percent,
      });
}

/** "Seluruh unduhan: 1.234/10.000 dokumen (12%)". */
export function overallText(t: TFunction, progress: SyncProgress, language: Language): string {
  const count = (value: number): string => formatCount(value, language);
  return progress.docsTotal === null || progress.percent === null
    ? t('firstSync.overallUnknownTotal', { done: count(progress.docsDone) })
    : t('firstSync.overall', {
        done: count(progress.docsDone),
        total: count(progress.docsTotal),
        percent: progress.percent,
      });
}

/** The status bar's line ("Unduhan pertama · Tahap 2/3: … · … dokumen · sisa …") and its title. */
export function stageTexts(
  t: TFunction,
  progress: SyncProgress,
  stage: StageProgress,
  language: Language,
): { text: string; title: string } {
  const parts = [
    t('firstSync.label'),
    stageNameText(t, stage.stage),
    stageDocumentsText(t, stage, language),
    timeLeftText(t, stage.secondsLeft, language),
  ];
  return {
    text: parts.filter((part) => part !== null).join(' · '),
    title: overallText(t, progress, language),
  };
}

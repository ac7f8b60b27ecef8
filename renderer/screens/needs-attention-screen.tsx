/**
 * Perlu Perhatian: every complaint of the unit whose next deadline is due soon or already passed,
 * most urgent first (most working days overdue at the top). Read from the complaint index up to
 * the last due date that still counts as "due soon" today, then ordered by urgency.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../app/core-context';
import { LoadState } from '../components/load-state';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';
import { IndexTable } from './complaints/index-table';

export function NeedsAttentionScreen(): ReactNode {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.unitSettings);
  const core = useCore();
  const loaded = useRecords(() => core.complaints.needsAttention(), [settings]);

  return (
    <section className="screen" aria-labelledby="attention-title">
      <h1 id="attention-title">{t('attention.title')}</h1>
      <p>{t('attention.intro', { count: settings?.deadlines.dueSoonWorkingDays ?? 1 })}</p>
      <LoadState loaded={loaded}>
        {({ rows, overdue }) =>
          rows.length === 0 ? (
            <p className="empty" data-testid="attention-empty">
              {t('attention.empty')}
            </p>
          ) : (
            <>
              <p role="status" data-testid="attention-summary">
                {t('attention.summary', { count: rows.length, overdue })}
              </p>
              <IndexTable rows={rows} caption={t('attention.caption')} testId="attention-table" />
            </>
          )
        }
      </LoadState>
    </section>
  );
}

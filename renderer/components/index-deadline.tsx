/** The deadline badge of a complaint-index row, classified on today's unit-local date. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../app/core-context';
import type { ComplaintIndexRow } from '../core/client-core';
import { useAppStore } from '../store/app-store';
import { DeadlineBadge } from './deadline-badge';

export function IndexDeadline(props: { row: ComplaintIndexRow }): ReactNode {
  const { t } = useTranslation();
  // Subscribed so the badge is classified again when the unit's settings (holidays) or the
  // central's national calendar change.
  useAppStore((state) => state.unitSettings);
  useAppStore((state) => state.nationalCalendars);
  const core = useCore();
  const { row } = props;
  const state = row.open === 0 || row.dueDate === '' ? undefined : core.calendar.dueState(row.dueDate);
  if (!state) {
    return (
      <span className="deadline deadline--none">
        {row.autoClosed ? t('list.autoClosed') : t('common.none')}
      </span>
    );
  }
  return <DeadlineBadge compact deadline={{ stage: row.stage, dueDate: row.dueDate, ...state }} />;
}

/** The deadline badge of a complaint-index row, classified on today's unit-local date. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dueDateState } from '../../shared/sla/deadline-state';
import { calendarOf, unitToday } from '../core/use-cases/calendar';
import type { ComplaintIndexRow } from '../core/data/complaint-index';
import { useAppStore } from '../store/app-store';
import { DeadlineBadge } from './deadline-badge';

export function IndexDeadline(props: { row: ComplaintIndexRow }): ReactNode {
  const { t } = useTranslation();
  const settings = useAppStore((state) => state.unitSettings);
  const { row } = props;
  if (!settings || row.open === 0 || row.dueDate === '') {
    return (
      <span className="deadline deadline--none">
        {row.autoClosed ? t('list.autoClosed') : t('common.none')}
      </span>
    );
  }
  const state = dueDateState(
    row.dueDate,
    unitToday(settings),
    calendarOf(settings),
    settings.deadlines.dueSoonWorkingDays,
  );
  return <DeadlineBadge compact deadline={{ stage: row.stage, dueDate: row.dueDate, ...state }} />;
}

/**
 * Deadlines for people: a short badge in lists and a sentence on the detail screen. The colour
 * repeats what the words say (on time, due soon, overdue), never replaces them.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSla } from '../../shared/sla/complaint-sla';
import { DEADLINE_STAGES } from '../../shared/sla/deadline-settings';
import type { DeadlineState } from '../../shared/sla/deadlines';
import type { HoldState } from '../../shared/workflow/complaint-state-types';
import { formatCalendarDate } from '../format/format-date';
import { isOneOf } from '../i18n/keys';
import { useAppStore } from '../store/app-store';

const CLASS: Readonly<Record<DeadlineState, string>> = {
  'on-time': 'deadline--on-time',
  'due-soon': 'deadline--due-soon',
  overdue: 'deadline--overdue',
};

export type DeadlineView = Readonly<{
  stage: string;
  dueDate: string;
  state: DeadlineState;
  workingDaysLeft: number;
}>;

/** One deadline in a sentence: "⚠ 2 working days overdue: verification was due 26 Nov 2026". */
export function DeadlineBadge(props: { deadline: DeadlineView; compact?: boolean }): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { deadline } = props;
  const stage = isOneOf(DEADLINE_STAGES, deadline.stage)
    ? t(`deadline.stage.${deadline.stage}`)
    : deadline.stage;
  const date = formatCalendarDate(deadline.dueDate, language, props.compact ? 'medium' : 'long');
  const text =
    deadline.state === 'overdue'
      ? t('deadline.overdue', { count: -deadline.workingDaysLeft, stage, date })
      : deadline.state === 'due-soon'
        ? t('deadline.dueSoon', { stage, date })
        : t('deadline.onTime', { stage, date });
  return (
    <span
      className={`deadline ${CLASS[deadline.state]}`}
      data-deadline-state={deadline.state}
      data-due-date={deadline.dueDate}
    >
      {text}
    </span>
  );
}

/** The detail screen's deadline line: hold, automatic close, reply window or the next stage. */
export function DeadlineLine(props: {
  sla: ComplaintSla;
  hold: HoldState | null;
  replyWindowWorkingDays: number;
}): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { sla, hold } = props;
  const parts: ReactNode[] = [];
  if (hold) {
    parts.push(
      <p key="hold" data-testid="hold-line">
        {t('deadline.onHold', { date: formatCalendarDate(hold.until, language), reason: hold.reason })}
      </p>,
    );
  }
  if (sla.autoClose) {
    parts.push(<p key="auto">{t('deadline.autoClosed', { days: props.replyWindowWorkingDays })}</p>);
  } else if (sla.deadline?.stage === 'reply-window') {
    parts.push(
      <p key="reply">
        {t('deadline.replyWindow', { date: formatCalendarDate(sla.deadline.dueDate, language) })}
      </p>,
    );
  } else if (sla.deadline) {
    parts.push(
      <p key="next">
        <DeadlineBadge deadline={sla.deadline} />
      </p>,
    );
  } else if (sla.deadlineUnknown) {
    parts.push(
      <p key="unknown" role="status" data-testid="deadline-unknown">
        {t('deadline.unknown')}
      </p>,
    );
  } else {
    parts.push(<p key="none">{t('deadline.none')}</p>);
  }
  return <div data-testid="deadline">{parts}</div>;
}

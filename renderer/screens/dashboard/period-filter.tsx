/**
 * The dashboard's period picker and filter, keyboard first: the period as a radio group (arrow
 * keys move and apply), a custom range typed day first and applied with Enter or "Tampilkan",
 * and one office and/or one category. A preset or a filter applies at once; typed dates only
 * once they are valid (each problem named at its field, nothing computed meanwhile).
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-fields';
import { formatCalendarDate } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';
import { DateTextField } from '../packet/date-text-field';
import {
  PERIOD_CHOICES,
  periodOf,
  type DashboardFilter,
  type PeriodChoice,
  type PeriodProblem,
} from './dashboard-period';

const CHOICE_LABEL = {
  'this-month': 'dashboardFigures.thisMonth',
  'last-month': 'dashboardFigures.lastMonth',
  'this-year': 'dashboardFigures.thisYear',
  custom: 'dashboardFigures.custom',
} as const satisfies Record<PeriodChoice, string>;

export type FilterOption = Readonly<{ value: string; label: string }>;

export function PeriodFilter(props: {
  /** The filter shown now (applied). */
  value: DashboardFilter;
  onApply: (filter: DashboardFilter) => void;
  today: string;
  offices: readonly FilterOption[];
  categories: readonly FilterOption[];
}): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [draft, setDraft] = useState<DashboardFilter>(props.value);
  const [problems, setProblems] = useState<readonly PeriodProblem[]>([]);

  /** Applies `next` when it names a valid period; a custom range waits for "Tampilkan". */
  const change = (next: DashboardFilter, apply: boolean): void => {
    setDraft(next);
    if (!apply) return;
    const checked = periodOf(next, props.today);
    setProblems(checked.ok ? [] : checked.problems);
    if (checked.ok) props.onApply(next);
  };
  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    change(draft, true);
  };
  const problem = (...which: PeriodProblem[]): string | undefined => {
    const found = problems.find((candidate) => which.includes(candidate));
    if (found === undefined) return undefined;
    return found === 'future'
      ? t('dashboardFigures.future', { today: formatCalendarDate(props.today, language, 'medium') })
      : t(`dashboardFigures.${found}`);
  };

  return (
    <form
      className="dashboard-filter no-print"
      aria-labelledby="dashboard-filter-title"
      onSubmit={submit}
      noValidate
    >
      <h2 id="dashboard-filter-title" className="visually-hidden">
        {t('dashboardFigures.filterTitle')}
      </h2>
      <fieldset className="dashboard-filter__period">
        <legend>{t('dashboardFigures.period')}</legend>
        {PERIOD_CHOICES.map((choice) => (
          <label key={choice} className="dashboard-filter__choice">
            <input
              type="radio"
              name="dashboard-period"
              value={choice}
              checked={draft.choice === choice}
              onChange={() => change({ ...draft, choice }, choice !== 'custom')}
            />
            {t(CHOICE_LABEL[choice])}
          </label>
        ))}
      </fieldset>
      {draft.choice === 'custom' ? (
        <div className="dashboard-filter__dates">
          <DateTextField
            path="dashboardFrom"
            label={t('dashboardFigures.from')}
            value={draft.fromText}
            onChange={(fromText) => change({ ...draft, fromText }, false)}
            required
            error={problem('fromInvalid', 'order')}
          />
          <DateTextField
            path="dashboardTo"
            label={t('dashboardFigures.to')}
            value={draft.toText}
            onChange={(toText) => change({ ...draft, toText }, false)}
            required
            error={problem('toInvalid', 'future')}
          />
          <button type="submit" className="button button--primary">
            {t('dashboardFigures.show')}
          </button>
        </div>
      ) : null}
      <div className="dashboard-filter__scope">
        <SelectField
          path="dashboardOffice"
          label={t('dashboardFigures.office')}
          value={draft.office}
          onChange={(office) => change({ ...draft, office }, true)}
          placeholder={t('dashboardFigures.allOffices')}
          options={props.offices}
        />
        <SelectField
          path="dashboardCategory"
          label={t('dashboardFigures.category')}
          value={draft.category}
          onChange={(category) => change({ ...draft, category }, true)}
          placeholder={t('dashboardFigures.allCategories')}
          options={props.categories}
        />
      </div>
    </form>
  );
}

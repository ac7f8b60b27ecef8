/**
 * The list's filters and sort, combined with the search text: status, needs attention and overdue
 * and the sort always in view; channel, category, report type, office, privacy mode and the
 * received dates under "Saringan lain" (open while one of them is set), so the bar stays one or two
 * lines at 1366×768. Every control is a plain form control: Tab to it, arrows or typing to choose.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  DEFAULT_CATEGORIES,
  PRIVACY_MODES,
  REPORT_TYPES,
  type ComplaintStatus,
} from '../../../shared/complaint/vocabulary';
import { useCore } from '../../app/core-context';
import type { SearchFilters, SearchSort } from '../../core/client-core';
import { useRecords } from '../../hooks/use-records';
import { categoryLabel } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
import { hasFilters, SORTS, withFilter } from './list-query';

type Props = Readonly<{
  filters: SearchFilters | undefined;
  sort: SearchSort | undefined;
  /** The sort applied when none is chosen (relevance with text, received without). */
  defaultSort: SearchSort;
  onFilters: (filters: SearchFilters | undefined) => void;
  onSort: (sort: SearchSort | undefined) => void;
}>;

/** The one value of a list filter the bar sets ('' for none). */
const single = (values: readonly string[] | undefined): string => values?.[0] ?? '';
const listOf = <T extends string>(value: string): T[] => (value === '' ? [] : [value as T]);

function Choice(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [value: string, label: string])[];
  onChange: (value: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="list__filter">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{t('list.any')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Toggle(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): ReactNode {
  return (
    <div className="list__filter list__filter--toggle">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

export function FilterBar(props: Props): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const offices = useAppStore((state) => state.unitOffices?.offices);
  const counts = useRecords(() => core.complaints.countByStatus(), []);
  const { filters } = props;
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K] | undefined): void =>
    props.onFilters(withFilter(filters, key, value));
  const count = (status: ComplaintStatus): string =>
    counts.status === 'ready' ? ` (${counts.value[status]})` : '';
  const more = {
    channel: filters?.channel,
    category: filters?.category,
    reportType: filters?.reportType,
    office: filters?.office,
    privacyMode: filters?.privacyMode,
    receivedFrom: filters?.receivedFrom,
    receivedTo: filters?.receivedTo,
  };
  return (
    <div className="list__filters" role="group" aria-label={t('list.filters')}>
      <div className="list__filter">
        <label htmlFor="status-filter">{t('list.filterStatus')}</label>
        <select
          id="status-filter"
          value={single(filters?.status) || 'all'}
          onChange={(event) =>
            set(
              'status',
              event.target.value === 'all' ? undefined : listOf<ComplaintStatus>(event.target.value),
            )
          }
        >
          <option value="all">{t('list.allStatuses')}</option>
          {COMPLAINT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`complaintStatus.${status}`)}
              {count(status)}
            </option>
          ))}
        </select>
      </div>
      <Toggle
        id="filter-attention"
        label={t('list.filterAttention')}
        checked={filters?.needsAttention === true}
        onChange={(checked) => set('needsAttention', checked)}
      />
      <Toggle
        id="filter-overdue"
        label={t('list.filterOverdue')}
        checked={filters?.overdue === true}
        onChange={(checked) => set('overdue', checked)}
      />
      <div className="list__filter">
        <label htmlFor="list-sort">{t('list.sort')}</label>
        <select
          id="list-sort"
          value={props.sort ?? props.defaultSort}
          onChange={(event) => {
            const sort = event.target.value as SearchSort;
            props.onSort(sort === props.defaultSort ? undefined : sort);
          }}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`list.sortBy.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      {hasFilters(filters) ? (
        <button type="button" className="button button--small" onClick={() => props.onFilters(undefined)}>
          {t('list.clearFilters')}
        </button>
      ) : null}
      <details className="list__more" open={hasFilters(more) || undefined}>
        <summary>{t('list.moreFilters')}</summary>
        <div className="list__filters">
          <Choice
            id="filter-channel"
            label={t('list.filterChannel')}
            value={single(filters?.channel)}
            options={CHANNELS.map((channel) => [channel, t(`channel.${channel}`)] as const)}
            onChange={(value) => set('channel', listOf(value))}
          />
          <Choice
            id="filter-category"
            label={t('list.filterCategory')}
            value={single(filters?.category)}
            options={DEFAULT_CATEGORIES.map(
              (category) => [category.code, categoryLabel(category.code)] as const,
            )}
            onChange={(value) => set('category', listOf(value))}
          />
          <Choice
            id="filter-report-type"
            label={t('list.filterReportType')}
            value={single(filters?.reportType)}
            options={REPORT_TYPES.map((type) => [type, t(`reportType.${type}`)] as const)}
            onChange={(value) => set('reportType', listOf(value))}
          />
          <Choice
            id="filter-office"
            label={t('list.filterOffice')}
            value={single(filters?.office)}
            options={(offices ?? []).map((office) => [office.name, office.name] as const)}
            onChange={(value) => set('office', listOf(value))}
          />
          <Choice
            id="filter-privacy"
            label={t('list.filterPrivacy')}
            value={single(filters?.privacyMode)}
            options={PRIVACY_MODES.map((mode) => [mode, t(`privacy.${mode}`)] as const)}
            onChange={(value) => set('privacyMode', listOf(value))}
          />
          <div className="list__filter">
            <label htmlFor="filter-from">{t('list.filterFrom')}</label>
            <input
              id="filter-from"
              type="date"
              value={filters?.receivedFrom ?? ''}
              onChange={(event) => set('receivedFrom', event.target.value)}
            />
          </div>
          <div className="list__filter">
            <label htmlFor="filter-to">{t('list.filterTo')}</label>
            <input
              id="filter-to"
              type="date"
              value={filters?.receivedTo ?? ''}
              onChange={(event) => set('receivedTo', event.target.value)}
            />
          </div>
        </div>
      </details>
    </div>
  );
}

/**
 * Beranda: the desk's quick view (start an intake, what needs attention, the latest complaints)
 * and the unit's indicators for a chosen period, optionally one office or category: the same
 * figures as the packet's indicators.json (core.dashboard.indicators), as text and as charts,
 * printable on A4 (styles/print.css).
 */
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATEGORIES } from '../../../shared/complaint/vocabulary';
import { CONFIDENTIAL_OFFICE, NO_OFFICE, type Indicators } from '../../../shared/indicators/indicators-types';
import { useCore } from '../../app/core-context';
import { BudgetCountsNote } from '../../components/budget-counts-note';
import { formatCalendarDate } from '../../format/format-date';
import { categoryLabel } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';
import { BreakdownTables } from './breakdown-tables';
import {
  DurationTable,
  FigureTiles,
  MonthlyTable,
  RatingList,
  ShareList,
  StatusList,
} from './dashboard-figures';
import { DEFAULT_FILTER, periodOf, type DashboardFilter } from './dashboard-period';
import { DeskSummary } from './desk-summary';
import { figureFormat, type FigureFormat } from './figure-format';
import { PeriodFilter, type FilterOption } from './period-filter';
import { useDashboardIndicators } from './use-dashboard-indicators';

const DashboardCharts = lazy(() => import('./dashboard-charts'));

function ProgressLine(props: {
  progress: ReturnType<typeof useDashboardIndicators>['progress'];
  format: FigureFormat;
}): ReactNode {
  const { t } = useTranslation();
  const { progress } = props;
  return (
    <p
      className="dashboard__progress no-print"
      role="status"
      aria-live="polite"
      data-testid="dashboard-progress"
    >
      {progress === null
        ? ''
        : progress.phase === 'preparing'
          ? t('dashboardFigures.preparing', {
              done: props.format.number(progress.done),
              total: props.format.number(progress.total),
            })
          : progress.phase === 'central'
            ? t('dashboardFigures.central', {
                percent: props.format.percent(progress.share),
                complaints: props.format.number(progress.complaints),
              })
            : progress.phase === 'reading'
              ? t('dashboardFigures.reading', {
                  count: progress.total,
                  documents: props.format.number(progress.documentsRead),
                  total: props.format.number(progress.total),
                })
              : t('dashboardFigures.computing')}
    </p>
  );
}

function Figures(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const { indicators, format } = props;
  return (
    <>
      <FigureTiles indicators={indicators} format={format} />
      <Suspense fallback={<p className="no-print">{t('dashboardFigures.chartsLoading')}</p>}>
        <DashboardCharts indicators={indicators} format={format} />
      </Suspense>
      <p className="dashboard__note">{t('dashboardFigures.chartNote')}</p>
      <div className="dashboard__columns">
        <section className="dashboard__section" aria-labelledby="dashboard-status-title">
          <h3 id="dashboard-status-title">{t('dashboardFigures.byStatus')}</h3>
          <StatusList indicators={indicators} format={format} />
        </section>
        <section className="dashboard__section" aria-labelledby="dashboard-shares-title">
          <h3 id="dashboard-shares-title">{t('dashboardFigures.shares')}</h3>
          <ShareList indicators={indicators} format={format} />
        </section>
        <section className="dashboard__section" aria-labelledby="dashboard-monthly-title">
          <h3 id="dashboard-monthly-title">{t('dashboardFigures.monthly')}</h3>
          <MonthlyTable indicators={indicators} format={format} />
        </section>
        <section className="dashboard__section" aria-labelledby="dashboard-ratings-title">
          <h3 id="dashboard-ratings-title">{t('dashboardFigures.ratings')}</h3>
          <RatingList indicators={indicators} format={format} />
        </section>
      </div>
      <DurationTable indicators={indicators} format={format} />
      <BreakdownTables indicators={indicators} format={format} />
    </>
  );
}

export function DashboardScreen(): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const unitOffices = useAppStore((state) => state.unitOffices);
  const unitProfile = useAppStore((state) => state.unitProfile);
  const today = core.calendar.today();
  const [filter, setFilter] = useState<DashboardFilter>(DEFAULT_FILTER);
  const checked = periodOf(filter, today);
  const period = checked.ok ? checked.period : null;
  const query = period
    ? {
        period,
        office: filter.office === '' ? null : filter.office,
        category: filter.category === '' ? null : filter.category,
      }
    : null;
  const { indicators, progress, failure } = useDashboardIndicators(query);
  const format = useMemo(() => figureFormat(language), [language]);

  const offices: FilterOption[] = useMemo(() => {
    const names = new Set((unitOffices?.offices ?? []).map((office) => office.name));
    for (const row of indicators?.breakdown.byOffice ?? []) {
      if (row.key !== NO_OFFICE && row.key !== CONFIDENTIAL_OFFICE) names.add(row.key);
    }
    return [...names].sort((a, b) => a.localeCompare(b, 'id')).map((name) => ({ value: name, label: name }));
  }, [unitOffices, indicators]);
  const categories: FilterOption[] = useMemo(() => {
    const codes = new Set(DEFAULT_CATEGORIES.map((category) => category.code));
    for (const row of indicators?.breakdown.byCategory ?? []) codes.add(row.key);
    return [...codes].map((code) => ({ value: code, label: categoryLabel(code) }));
    // categoryLabel reads the UI language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [indicators, language]);

  const shown = indicators?.period;
  const periodText = shown
    ? t('dashboardFigures.showing', {
        from: formatCalendarDate(shown.from, language, 'long'),
        to: formatCalendarDate(shown.to, language, 'long'),
      })
    : '';
  const scopeText: string[] = [
    indicators?.scope?.office ? t('dashboardFigures.scopeOffice', { office: indicators.scope.office }) : null,
    indicators?.scope?.category
      ? t('dashboardFigures.scopeCategory', { category: categoryLabel(indicators.scope.category) })
      : null,
  ].flatMap((text) => (text === null ? [] : [text]));

  return (
    <section className="screen dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <BudgetCountsNote />
      <DeskSummary />
      <section className="dashboard__indicators" aria-labelledby="dashboard-figures-title">
        <div className="dashboard__heading">
          <h2 id="dashboard-figures-title">{t('dashboardFigures.title')}</h2>
          <button
            type="button"
            className="button no-print"
            disabled={!indicators}
            onClick={() =>
              void core.host.print(
                t('dashboard.printTitle', { unit: unitProfile?.unitName ?? '', period: periodText }),
              )
            }
          >
            {t('dashboard.print')}
          </button>
        </div>
        <PeriodFilter
          value={filter}
          onApply={setFilter}
          today={today}
          offices={offices}
          categories={categories}
        />
        <ProgressLine progress={progress} format={format} />
        {failure ? (
          <p className="error-summary" role="alert">
            {t('common.failedToLoad', { reason: failure })}
          </p>
        ) : null}
        {indicators ? (
          <div className="dashboard__figures" aria-busy={progress !== null}>
            <p className="dashboard__period" data-testid="dashboard-period">
              {[indicators.unit.name, periodText, ...scopeText].join(' · ')}
            </p>
            {indicators.totals.received === 0 && indicators.backlog.open === 0 ? (
              <p className="empty">{t('dashboardFigures.empty')}</p>
            ) : null}
            <Figures indicators={indicators} format={format} />
          </div>
        ) : null}
      </section>
    </section>
  );
}

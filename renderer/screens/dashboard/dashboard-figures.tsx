/**
 * The dashboard's figures as text: the tiles (received, open, due soon, overdue, satisfaction),
 * the period's complaints by status, the shares handled within each deadline and the handling
 * times (median and 90th percentile). Every number the charts draw is written here or in the
 * breakdown tables (./breakdown-tables).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATUSES } from '../../../shared/complaint/vocabulary';
import type { Indicators } from '../../../shared/indicators/indicators-types';
import type { FigureFormat } from './figure-format';

export function shareRows(indicators: Indicators) {
  const { deadlines } = indicators;
  return [
    ['verified', indicators.verifiedWithin3WorkingDays, deadlines.verifyWorkingDays],
    ['followedUp', indicators.followedUpWithin5WorkingDays, deadlines.followUpWorkingDays],
    ['resolved', indicators.resolvedWithin60Days, deadlines.resolveCalendarDays],
  ] as const;
}

function Tile(props: { id: string; value: string; label: string; alert?: boolean }): ReactNode {
  return (
    <div className={`tile${props.alert ? ' tile--alert' : ''}`}>
      <p className="tile__value" data-testid={`figure-${props.id}`}>
        {props.value}
      </p>
      <p className="tile__label">{props.label}</p>
    </div>
  );
}

export function FigureTiles(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const { indicators, format } = props;
  const { satisfaction } = indicators;
  return (
    <>
      <div className="tiles dashboard__tiles">
        <Tile
          id="received"
          value={format.number(indicators.totals.received)}
          label={t('dashboardFigures.received')}
        />
        <Tile id="open" value={format.number(indicators.backlog.open)} label={t('dashboardFigures.open')} />
        <Tile
          id="due-soon"
          value={format.number(indicators.backlogDueSoon)}
          label={t('dashboardFigures.dueSoon')}
        />
        <Tile
          id="overdue"
          value={format.number(indicators.backlog.overdue)}
          label={t('dashboardFigures.overdue')}
          alert={indicators.backlog.overdue > 0}
        />
        <Tile
          id="satisfaction"
          value={
            satisfaction.average === null ? t('dashboardFigures.none') : format.number(satisfaction.average)
          }
          label={
            satisfaction.average === null
              ? t('dashboardFigures.noRating')
              : t('dashboardFigures.satisfactionValue', {
                  average: format.number(satisfaction.average),
                  count: satisfaction.responses,
                })
          }
        />
      </div>
      <p className="dashboard__note">{t('dashboardFigures.backlogNote')}</p>
    </>
  );
}

export function StatusList(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  return (
    <dl className="dashboard__list" data-testid="figures-by-status">
      {COMPLAINT_STATUSES.map((status) => (
        <div key={status}>
          <dt>{t(`complaintStatus.${status}`)}</dt>
          <dd>{props.format.number(props.indicators.byStatus[status] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ShareList(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const { indicators, format } = props;
  return (
    <dl className="dashboard__list" data-testid="figures-shares">
      {shareRows(indicators).map(([key, value, days]) => (
        <div key={key}>
          <dt>{t(`dashboardFigures.share.${key}`, { days })}</dt>
          <dd data-testid={`share-${key}`}>
            {t('dashboardFigures.shareValue', {
              percent: format.percent(value.share),
              met: format.number(value.count),
              total: format.number(indicators.totals.received),
            })}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function DurationTable(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const { indicators, format } = props;
  const rows = [
    ['verify', t('dashboardFigures.timeToVerify'), indicators.timeToVerifyWorkingDays],
    ['resolve', t('dashboardFigures.timeToResolve'), indicators.timeToResolveDays],
  ] as const;
  return (
    <table className="table dashboard__table" data-testid="figures-durations">
      <caption>{t('dashboardFigures.durations')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboardFigures.durationMeasure')}</th>
          <th scope="col" className="num">
            {t('dashboardFigures.median')}
          </th>
          <th scope="col" className="num">
            {t('dashboardFigures.p90')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, label, distribution]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td className="num" data-testid={`duration-${key}-median`}>
              {format.number(distribution.median)}
            </td>
            <td className="num" data-testid={`duration-${key}-p90`}>
              {format.number(distribution.p90)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MonthlyTable(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const { format } = props;
  return (
    <table className="table dashboard__table" data-testid="figures-monthly">
      <caption className="visually-hidden">{t('dashboardFigures.monthly')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboardFigures.month')}</th>
          <th scope="col" className="num">
            {t('dashboardFigures.monthlyReceived')}
          </th>
          <th scope="col" className="num">
            {t('dashboardFigures.monthlyClosed')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.indicators.monthly.map((row) => (
          <tr key={row.month}>
            <th scope="row">{format.month(row.month)}</th>
            <td className="num">{format.number(row.received)}</td>
            <td className="num">{format.number(row.closed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RatingList(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const { byRating } = props.indicators.satisfaction;
  return (
    <dl className="dashboard__list" data-testid="figures-ratings">
      {['1', '2', '3', '4', '5'].map((rating) => (
        <div key={rating}>
          <dt>{t('dashboardFigures.rating', { rating })}</dt>
          <dd>{t('dashboardFigures.ratingCount', { count: byRating[rating] ?? 0 })}</dd>
        </div>
      ))}
    </dl>
  );
}

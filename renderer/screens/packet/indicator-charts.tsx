/**
 * The packet's indicators for the draft's period (../../../shared/indicators), as the judges will
 * read them in indicators.json and the PDF: the totals, monthly received and closed complaints and
 * the three timeliness shares as CSS bar charts (like the dashboard's), every number written out.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicators } from '../../../shared/indicators/indicators-types';
import { useAppStore } from '../../store/app-store';

const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;
/** The longest bar takes this share of the row, leaving room for its number. */
const FULL_BAR = 75;

function MonthlyChart(props: { monthly: Indicators['monthly']; locale: string }): ReactNode {
  const { t } = useTranslation();
  const max = Math.max(1, ...props.monthly.flatMap((row) => [row.received, row.closed]));
  const monthName = (month: string): string =>
    new Intl.DateTimeFormat(props.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  return (
    <figure className="chart packet__chart" aria-labelledby="packet-monthly-title">
      <figcaption id="packet-monthly-title">{t('packetUi.indicators.monthly')}</figcaption>
      <p className="packet__legend" aria-hidden="true">
        <span className="bars__bar packet__series--received" /> {t('packetUi.indicators.received')}{' '}
        <span className="bars__bar packet__series--closed" /> {t('packetUi.indicators.closed')}
      </p>
      <dl className="bars" data-testid="packet-monthly-chart">
        {props.monthly.map((row) => (
          <div key={row.month} className="bars__row packet__month">
            <dt>{monthName(row.month)}</dt>
            <dd>
              <span className="packet__pair">
                <span
                  className="bars__bar packet__series--received"
                  style={{ width: `${(FULL_BAR * row.received) / max}%` }}
                  aria-hidden="true"
                />
                <span className="bars__value">
                  {t('packetUi.indicators.receivedValue', { count: row.received })}
                </span>
              </span>
              <span className="packet__pair">
                <span
                  className="bars__bar packet__series--closed"
                  style={{ width: `${(FULL_BAR * row.closed) / max}%` }}
                  aria-hidden="true"
                />
                <span className="bars__value">
                  {t('packetUi.indicators.closedValue', { count: row.closed })}
                </span>
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

function SharesChart(props: { indicators: Indicators; percent: (share: number) => string }): ReactNode {
  const { t } = useTranslation();
  const { indicators } = props;
  const { deadlines } = indicators;
  const rows = [
    ['verified', indicators.verifiedWithin3WorkingDays, deadlines.verifyWorkingDays],
    ['followedUp', indicators.followedUpWithin5WorkingDays, deadlines.followUpWorkingDays],
    ['resolved', indicators.resolvedWithin60Days, deadlines.resolveCalendarDays],
  ] as const;
  return (
    <figure className="chart packet__chart" aria-labelledby="packet-shares-title">
      <figcaption id="packet-shares-title">{t('packetUi.indicators.shares')}</figcaption>
      <dl className="bars" data-testid="packet-shares-chart">
        {rows.map(([key, value, days]) => (
          <div key={key} className="bars__row">
            <dt>{t(`packetUi.indicators.share.${key}`, { days })}</dt>
            <dd>
              <span
                className="bars__bar packet__series--share"
                style={{ width: `${FULL_BAR * value.share}%` }}
                aria-hidden="true"
              />
              <span className="bars__value">
                {props.percent(value.share)} (
                {t('packetUi.indicators.ofReceived', {
                  count: value.count,
                  total: indicators.totals.received,
                })}
                )
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

export function IndicatorCharts(props: { indicators: Indicators }): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const locale = LOCALES[language];
  const { indicators } = props;
  const number = (value: number | null, digits = 1): string =>
    value === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const percent = (share: number): string =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
  return (
    <section
      className="packet__section"
      aria-labelledby="packet-indicators-title"
      data-testid="packet-indicators"
    >
      <h2 id="packet-indicators-title">{t('packetUi.indicators.title')}</h2>
      <div className="tiles">
        <div className="tile">
          <p className="tile__value" data-testid="indicator-received">
            {indicators.totals.received}
          </p>
          <p className="tile__label">{t('packetUi.indicators.totalReceived')}</p>
        </div>
        <div className="tile">
          <p className="tile__value">{indicators.outcomes.resolved}</p>
          <p className="tile__label">{t('packetUi.indicators.resolved')}</p>
        </div>
        <div className="tile">
          <p className="tile__value">{indicators.backlog.open}</p>
          <p className="tile__label">
            {t('packetUi.indicators.backlog', { overdue: indicators.backlog.overdue })}
          </p>
        </div>
        <div className="tile">
          <p className="tile__value">{number(indicators.satisfaction.average, 2)}</p>
          <p className="tile__label">
            {t('packetUi.indicators.satisfaction', { count: indicators.satisfaction.responses })}
          </p>
        </div>
      </div>
      <MonthlyChart monthly={indicators.monthly} locale={locale} />
      <SharesChart indicators={indicators} percent={percent} />
      <dl className="facts">
        <dt>{t('packetUi.indicators.timeToVerify')}</dt>
        <dd>
          {t('packetUi.indicators.distribution', {
            median: number(indicators.timeToVerifyWorkingDays.median),
            p90: number(indicators.timeToVerifyWorkingDays.p90),
          })}
        </dd>
        <dt>{t('packetUi.indicators.timeToResolve')}</dt>
        <dd>
          {t('packetUi.indicators.distribution', {
            median: number(indicators.timeToResolveDays.median),
            p90: number(indicators.timeToResolveDays.p90),
          })}
        </dd>
        <dt>{t('packetUi.indicators.replies')}</dt>
        <dd>
          {t('packetUi.indicators.repliesValue', {
            replies: indicators.reporterReplies.replies,
            complaints: indicators.reporterReplies.complaints,
          })}
        </dd>
      </dl>
    </section>
  );
}

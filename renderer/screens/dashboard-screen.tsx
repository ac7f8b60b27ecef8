/**
 * Beranda: how many complaints came in today, this month and this year, how many need attention,
 * the unit's complaints by status as a bar chart, and the latest ones.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../shared/complaint/vocabulary';
import { useCore } from '../app/core-context';
import { ComplaintTitle } from '../components/complaint-title';
import { LoadState } from '../components/load-state';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format/format-date';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';
import { complaintPath, ROUTES } from '../app/routes';

const RECENT = 5;

/** Local midnight of today, of the 1st of this month and of 1 January, as UTC instants. */
function periodStarts(now: Date): string[] {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const month = new Date(now.getFullYear(), now.getMonth(), 1);
  const year = new Date(now.getFullYear(), 0, 1);
  return [today, month, year].map((date) => date.toISOString());
}

/** Complaints per status as horizontal bars; the numbers are written out too. */
function StatusChart(props: { counts: Readonly<Record<ComplaintStatus, number>> }): ReactNode {
  const { t } = useTranslation();
  const max = Math.max(1, ...COMPLAINT_STATUSES.map((status) => props.counts[status]));
  return (
    <figure className="chart" aria-labelledby="status-chart-title">
      <figcaption id="status-chart-title">{t('dashboard.byStatus')}</figcaption>
      <dl className="bars" data-testid="status-chart">
        {COMPLAINT_STATUSES.map((status) => (
          <div key={status} className="bars__row">
            <dt>{t(`complaintStatus.${status}`)}</dt>
            <dd>
              <span
                className={`bars__bar badge--${status}`}
                style={{ width: `${(100 * props.counts[status]) / max}%` }}
                aria-hidden="true"
              />
              <span className="bars__value">{props.counts[status]}</span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

export function DashboardScreen(): ReactNode {
  const { t } = useTranslation();
  const officer = useAppStore((state) => state.officer);
  const language = useAppStore((state) => state.language);
  const settings = useAppStore((state) => state.unitSettings);
  const core = useCore();
  const loaded = useRecords(async () => {
    const [counts, byStatus, recent, attention] = await Promise.all([
      core.complaints.countSince(periodStarts(new Date())),
      core.complaints.countByStatus(),
      core.complaints.page('all', RECENT),
      core.complaints.needsAttention(),
    ]);
    return {
      counts,
      byStatus,
      recent: recent.rows,
      attention: attention.rows.length,
      overdue: attention.overdue,
    };
  }, [settings]);

  return (
    <section className="screen" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {officer ? <p>{t('dashboard.greeting', { name: officer.name })}</p> : null}
      <p>
        <Link className="button button--primary" href={ROUTES.newComplaint}>
          {t('dashboard.startIntake')}
        </Link>
      </p>
      <LoadState loaded={loaded}>
        {({ counts, byStatus, recent, attention, overdue }) => (
          <>
            <div className="tiles">
              {(['today', 'thisMonth', 'thisYear'] as const).map((key, index) => (
                <div key={key} className="tile">
                  <p className="tile__value" data-testid={`count-${key}`}>
                    {counts[index] ?? 0}
                  </p>
                  <p className="tile__label">{t(`dashboard.${key}`)}</p>
                </div>
              ))}
              <Link
                href={ROUTES.needsAttention}
                className={`tile tile--link${overdue > 0 ? ' tile--alert' : ''}`}
              >
                <p className="tile__value" data-testid="count-attention">
                  {attention}
                </p>
                <p className="tile__label">{t('dashboard.needsAttention', { overdue })}</p>
              </Link>
            </div>
            <StatusChart counts={byStatus} />
            <h2>{t('dashboard.recent')}</h2>
            {recent.length === 0 ? (
              <p className="empty">{t('list.empty')}</p>
            ) : (
              <ul className="recent">
                {recent.map((row) => (
                  <li key={row.id}>
                    <Link href={complaintPath(row.id)} className="mono nowrap">
                      {row.trackingNumber}
                    </Link>{' '}
                    <ComplaintTitle title={row.title} privacyMode={row.privacyMode} /> ·{' '}
                    {formatDateTime(row.receivedAt, language)}{' '}
                    <StatusBadge status={row.status} office={row.office} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}

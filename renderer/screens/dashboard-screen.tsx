/** Beranda: how many complaints came in today, this month and this year, and the latest ones. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { records } from '../app/session';
import { LoadState } from '../components/load-state';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format/format-date';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';
import { complaintPath, ROUTES } from './routes';

const RECENT = 5;

/** Local midnight of today, of the 1st of this month and of 1 January, as UTC instants. */
function periodStarts(now: Date): string[] {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const month = new Date(now.getFullYear(), now.getMonth(), 1);
  const year = new Date(now.getFullYear(), 0, 1);
  return [today, month, year].map((date) => date.toISOString());
}

export function DashboardScreen(): ReactNode {
  const { t } = useTranslation();
  const officer = useAppStore((state) => state.officer);
  const language = useAppStore((state) => state.language);
  const loaded = useRecords(async () => {
    const [counts, recent] = await Promise.all([
      records().countSince(periodStarts(new Date())),
      records().page(RECENT),
    ]);
    return { counts, recent: recent.rows };
  }, []);

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
        {({ counts, recent }) => (
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
            </div>
            <h2>{t('dashboard.recent')}</h2>
            {recent.length === 0 ? (
              <p className="empty">{t('list.empty')}</p>
            ) : (
              <ul className="recent">
                {recent.map(({ complaint, state }) => (
                  <li key={complaint._id}>
                    <Link href={complaintPath(complaint._id)} className="mono">
                      {complaint.trackingNumber}
                    </Link>{' '}
                    {complaint.title} · {formatDateTime(complaint.receivedAt, language)}{' '}
                    <StatusBadge status={state.status} />
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

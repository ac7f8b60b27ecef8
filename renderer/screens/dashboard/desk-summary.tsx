/**
 * The desk's quick view at the top of Beranda (not printed): a greeting, the intake button, how
 * many complaints came in today, this month and this year, how many need attention, and the
 * latest five. Read from the complaint index: cheap at any size.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCore } from '../../app/core-context';
import { complaintPath, ROUTES } from '../../app/routes';
import { ComplaintTitle } from '../../components/complaint-title';
import { LoadState } from '../../components/load-state';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../format/format-date';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';

const RECENT = 5;

/** Local midnight of today, of the 1st of this month and of 1 January, as UTC instants. */
function periodStarts(now: Date): string[] {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const month = new Date(now.getFullYear(), now.getMonth(), 1);
  const year = new Date(now.getFullYear(), 0, 1);
  return [today, month, year].map((date) => date.toISOString());
}

export function DeskSummary(): ReactNode {
  const { t } = useTranslation();
  const officer = useAppStore((state) => state.officer);
  const language = useAppStore((state) => state.language);
  const settings = useAppStore((state) => state.unitSettings);
  const core = useCore();
  const loaded = useRecords(async () => {
    const [counts, recent, attention] = await Promise.all([
      core.complaints.countSince(periodStarts(new Date())),
      core.complaints.page('all', RECENT),
      core.complaints.needsAttention(),
    ]);
    return { counts, recent: recent.rows, attention: attention.rows.length, overdue: attention.overdue };
  }, [settings]);

  return (
    <div className="dashboard__desk no-print">
      {officer ? <p>{t('dashboard.greeting', { name: officer.name })}</p> : null}
      <p>
        <Link className="button button--primary" href={ROUTES.newComplaint}>
          {t('dashboard.startIntake')}
        </Link>
      </p>
      <LoadState loaded={loaded}>
        {({ counts, recent, attention, overdue }) => (
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
            <details className="dashboard__recent">
              <summary>{t('dashboard.recent')}</summary>
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
            </details>
          </>
        )}
      </LoadState>
    </div>
  );
}

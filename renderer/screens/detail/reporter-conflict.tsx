/**
 * The complainant's details changed on two devices before they synced (two corrections made
 * offline): PouchDB shows one version and hides the other. For the roles that may correct them,
 * every version is shown side by side, differences marked, and one is kept; nothing is decided
 * automatically. Keeping a version other than the one shown is recorded as a correction.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReporterDoc } from '../../../shared/complaint/complaint-schema';
import { REPORTER_FIELD_NAMES, type ReporterFieldName } from '../../../shared/complaint/reporter-fields';
import type { ComplaintState } from '../../../shared/workflow/complaint-state-types';
import { mayCorrectReporter } from '../../../shared/workflow/reporter-correction';
import { useCore } from '../../app/core-context';
import { issueText } from '../../i18n/i18n';
import { useAppStore } from '../../store/app-store';

const LABELS = {
  name: 'intake.reporterName',
  nik: 'intake.reporterNik',
  phone: 'intake.reporterPhone',
  email: 'intake.reporterEmail',
  address: 'intake.reporterAddress',
} as const satisfies Record<ReporterFieldName, string>;

export function ReporterConflict(props: {
  complaintId: string;
  state: ComplaintState;
  reporter: ReporterDoc | null;
  others: readonly ReporterDoc[] | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const officer = useAppStore((store) => store.officer);
  const notify = useAppStore((store) => store.notify);
  const [busy, setBusy] = useState(false);
  const { reporter, others = [] } = props;
  if (!reporter || others.length === 0) return null;
  if (!officer || !mayCorrectReporter(officer.role, props.state.privacyMode)) return null;
  const versions = [reporter, ...others];

  const keep = async (rev: string, index: number): Promise<void> => {
    setBusy(true);
    try {
      const outcome = await core.complaints.resolveReporterConflict(props.complaintId, rev);
      if (outcome.outcome === 'saved')
        notify('success', t('reporterConflict.resolved', { number: index + 1 }));
      else if (outcome.outcome === 'refused') notify('error', outcome.issues.map(issueText).join(' '));
      else notify('error', t('reporterConflict.changedMeanwhile'));
    } catch (error) {
      notify(
        'error',
        t('reporterCorrection.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="conflict no-print"
      aria-labelledby="reporter-conflict-title"
      data-testid="reporter-conflict"
    >
      <h3 id="reporter-conflict-title">{t('reporterConflict.title')}</h3>
      <p className="notice notice--warning" role="note">
        {t('reporterConflict.intro')}
      </p>
      <table className="table conflict__table">
        <thead>
          <tr>
            <th scope="col">{t('conflicts.field')}</th>
            {versions.map((version, index) => (
              <th scope="col" key={version._rev}>
                {index === 0
                  ? t('reporterConflict.shown', { number: index + 1 })
                  : t('conflicts.version', { number: index + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {REPORTER_FIELD_NAMES.map((field) => {
            const values = versions.map((version) => version[field]);
            const differs = new Set(values).size > 1;
            return (
              <tr key={field} className={differs ? 'conflict__row--differs' : undefined}>
                <th scope="row">
                  {t(LABELS[field])}
                  {differs ? <span className="visually-hidden"> ({t('conflicts.differs')})</span> : null}
                </th>
                {values.map((value, index) => (
                  <td key={versions[index]?._rev}>{value || t('common.none')}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            {versions.map((version, index) => (
              <td key={version._rev}>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  onClick={() => void keep(version._rev ?? '', index)}
                >
                  {t('conflicts.keep', { number: index + 1 })}
                </button>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

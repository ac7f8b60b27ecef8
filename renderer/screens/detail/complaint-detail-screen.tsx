/**
 * Detail: the complaint as it reads now and its deadline on the left, with the actions this
 * officer may take; the full trail on the right.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { canSeeConfidential } from '../../../shared/workflow/roles';
import { useCore } from '../../app/core-context';
import { DeadlineLine } from '../../components/deadline-badge';
import { LoadState } from '../../components/load-state';
import { PrivacyBadge, StatusBadge } from '../../components/status-badge';
import type { ComplaintDetail } from '../../core/client-core';
import { useRecords } from '../../hooks/use-records';
import { useAppStore } from '../../store/app-store';
import { receiptPath } from '../../app/routes';
import { ActionPanel } from './action-panel';
import { AttachmentList, ComplaintFacts, ReporterFacts } from './complaint-facts';
import { ComplaintTrail } from './complaint-trail';
import { ReporterConflict } from './reporter-conflict';
import { ReporterCorrectionForm } from './reporter-correction-form';

export function ComplaintDetailScreen(props: { complaintId: string }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const loaded = useRecords(() => core.complaints.detail(props.complaintId), [props.complaintId]);
  return (
    <LoadState loaded={loaded}>
      {(detail) => (detail ? <Detail detail={detail} /> : <p role="alert">{t('common.notFound')}</p>)}
    </LoadState>
  );
}

function Detail({ detail }: { detail: ComplaintDetail }): ReactNode {
  const { t } = useTranslation();
  const officer = useAppStore((store) => store.officer);
  // Read so the deadline is worked out again when the unit's settings or the central's national
  // calendar change.
  const settings = useAppStore((store) => store.unitSettings);
  useAppStore((store) => store.nationalCalendars);
  const core = useCore();
  const offices = useAppStore((store) => store.unitOffices);
  const { complaint, reporter, state } = detail;
  const masked = state.privacyMode === 'confidential' && !(officer && canSeeConfidential(officer.role));
  const sla = core.complaints.sla(state);
  const activeOffices = (offices?.offices ?? [])
    .filter((office) => office.active)
    .map((office) => office.name);

  return (
    <section className="screen" aria-labelledby="detail-title">
      <div className="screen__header">
        <h1 id="detail-title" className="nowrap">
          {t('detail.title', { number: complaint.trackingNumber })}
        </h1>
        <div className="badges">
          <StatusBadge status={sla?.status ?? state.status} office={state.currentOffice} />
          <PrivacyBadge mode={state.privacyMode} />
        </div>
        <Link className="button" href={receiptPath(complaint._id)}>
          {t('detail.printReceipt')}
        </Link>
      </div>
      {detail.tampered.length > 0 ? (
        <p className="notice notice--warning" role="alert" data-testid="tamper-warning">
          {t('tamper.warning', { count: detail.tampered.length })}
        </p>
      ) : null}
      <div className="detail">
        <div className="detail__main">
          {sla ? (
            <section className="detail__deadline" aria-label={t('detail.deadlineSection')}>
              <DeadlineLine
                sla={sla}
                hold={state.hold}
                replyWindowWorkingDays={settings?.deadlines.replyWindowWorkingDays ?? 0}
              />
            </section>
          ) : null}
          <section aria-labelledby="actions-title" className="detail__actions">
            <h2 id="actions-title" className="visually-hidden">
              {t('action.toolbar')}
            </h2>
            <ActionPanel key={state.eventCount} state={state} offices={activeOffices} />
          </section>
          <ComplaintFacts complaint={complaint} state={state} masked={masked} />
          <h3>{t('detail.reporterSection')}</h3>
          <ReporterFacts complaint={complaint} state={state} reporter={reporter} masked={masked} />
          {/* Identity this device cannot open is neither compared nor corrected (it would be overwritten). */}
          {reporter?.sealedIdentity ||
          detail.reporterConflicts?.some((version) => version.sealedIdentity) ? null : (
            <>
              <ReporterConflict
                complaintId={complaint._id}
                state={state}
                reporter={reporter}
                others={detail.reporterConflicts}
              />
              <ReporterCorrectionForm complaintId={complaint._id} state={state} reporter={reporter} />
            </>
          )}
          <h3>{t('detail.attachmentsSection')}</h3>
          <AttachmentList complaint={complaint} masked={masked} />
        </div>
        <aside className="detail__trail" aria-labelledby="trail-title">
          <h2 id="trail-title">{t('detail.trailSection')}</h2>
          <ComplaintTrail trail={state.trail} masked={masked} />
        </aside>
      </div>
    </section>
  );
}

/**
 * What the complaint says, as it reads now (corrections laid over the original), who reported
 * it and its attachments. A confidential complaint shows only its handling facts to an officer
 * (docs/domain.md, "Privacy modes"): title, chronology, place, identity and files stay hidden.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDoc } from '../../../shared/complaint/complaint-schema';
import type { ComplaintState } from '../../../shared/workflow/complaint-state-types';
import type { CorrectableField } from '../../../shared/workflow/event-vocabulary';
import { useCore } from '../../app/core-context';
import type { OpenedReporterDoc } from '../../core/client-core';
import { useStatusWord } from '../../components/status-badge';
import { formatCalendarDate, formatDateTime } from '../../format/format-date';
import { savedFilesText } from '../../format/saved-files';
import { categoryLabel } from '../../i18n/i18n';
import { labelUnder } from '../../i18n/keys';
import { useAppStore } from '../../store/app-store';

function Corrected(props: { state: ComplaintState; field: CorrectableField }): ReactNode {
  const { t } = useTranslation();
  return props.state.corrections[props.field] === undefined ? null : (
    <span className="corrected"> ({t('detail.corrected')})</span>
  );
}

export function ComplaintFacts(props: {
  complaint: ComplaintDoc;
  state: ComplaintState;
  masked: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const statusWords = useStatusWord();
  const language = useAppStore((store) => store.language);
  const { complaint, state, masked } = props;
  const current = state.current;
  const none = t('common.none');
  const hidden = <span className="masked">{t('detail.maskedValue')}</span>;
  return (
    <>
      <h2 data-testid="complaint-title">{masked ? t('detail.maskedTitle') : current.title}</h2>
      {masked ? (
        <p className="notice notice--warning" role="note" data-testid="masked-notice">
          {t('detail.maskedNotice')}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('detail.status')}</dt>
        <dd data-testid="status-text">{statusWords(state.status, state.currentOffice)}</dd>
        <dt>{t('detail.office')}</dt>
        <dd data-testid="current-office">{state.currentOffice ?? none}</dd>
        {state.forwardedTo ? (
          <>
            <dt>{t('actionField.forwardedTo')}</dt>
            <dd>{state.forwardedTo}</dd>
          </>
        ) : null}
        {state.archive ? (
          <>
            <dt>{t('detail.archiveReason')}</dt>
            <dd data-testid="archive-reason">
              {t(`actionOption.reason.${state.archive.reason}`)}
              {state.archive.duplicateOf ? ` · ${state.archive.duplicateOf}` : ''}
              {state.archive.otherText ? ` · ${state.archive.otherText}` : ''}
            </dd>
          </>
        ) : null}
        {state.lapor ? (
          <>
            <dt>{t('detail.lapor')}</dt>
            <dd data-testid="lapor-status">
              {t('detail.laporForwarded', { date: formatDateTime(state.lapor.lastForwardedAt, language) })}
              {' · '}
              {state.lapor.laporId
                ? t('detail.laporId', { id: state.lapor.laporId })
                : t('detail.laporIdMissing')}
              {state.lapor.identityShared ? ` · ${t('detail.laporIdentity')}` : ''}
            </dd>
          </>
        ) : null}
        {state.outcome && !masked ? (
          <>
            <dt>{t('actionField.outcome')}</dt>
            <dd>{state.outcome}</dd>
          </>
        ) : null}
        {state.satisfaction ? (
          <>
            <dt>{t('actionField.score')}</dt>
            <dd data-testid="satisfaction">
              {labelUnder(t, 'actionOption.score', String(state.satisfaction.score))}
            </dd>
          </>
        ) : null}
        <dt>{t('detail.reportType')}</dt>
        <dd>
          {t(`reportType.${current.reportType}`)}
          <Corrected state={state} field="reportType" />
        </dd>
        <dt>{t('detail.channel')}</dt>
        <dd>
          {t(`channel.${current.channel}`)}
          <Corrected state={state} field="channel" />
        </dd>
        <dt>{t('detail.incidentDate')}</dt>
        <dd>
          {formatCalendarDate(current.incidentDate, language)}
          <Corrected state={state} field="incidentDate" />
        </dd>
        <dt>{t('detail.location')}</dt>
        <dd>{masked ? hidden : current.location || none}</dd>
        <dt>{t('detail.category')}</dt>
        <dd>
          {categoryLabel(current.category)}
          <Corrected state={state} field="category" />
        </dd>
        <dt>{t('detail.targetOffice')}</dt>
        <dd>{current.targetOffice || none}</dd>
        <dt>{t('detail.receivedAt')}</dt>
        <dd>{formatDateTime(complaint.receivedAt, language)}</dd>
        <dt>{t('detail.receivedBy')}</dt>
        <dd>{complaint.receivedBy.name}</dd>
        <dt>{t('detail.device')}</dt>
        <dd className="mono">{complaint.deviceCode}</dd>
      </dl>
      <h3>
        {t('detail.chronology')}
        {masked ? null : <Corrected state={state} field="chronology" />}
      </h3>
      <p className="chronology" data-testid="chronology">
        {masked ? hidden : current.chronology}
      </p>
    </>
  );
}

export function ReporterFacts(props: {
  complaint: ComplaintDoc;
  state: ComplaintState;
  reporter: OpenedReporterDoc | null;
  masked: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const { reporter, state } = props;
  const none = t('common.none');
  if (state.privacyMode === 'anonymous') return <p>{t('detail.anonymousReporter')}</p>;
  if (props.masked) {
    return (
      <p data-testid="reporter-masked">
        <span className="masked">{t('detail.maskedReporter')}</span>
      </p>
    );
  }
  if (!reporter) {
    // Anonymous at intake and identified since: no identity recorded yet (Catat data pelapor).
    return (
      <p>
        {props.complaint.reporterId === null ? t('detail.reporterNotRecorded') : t('detail.reporterMissing')}
      </p>
    );
  }
  const sealed = reporter.sealedIdentity;
  if (sealed) {
    // Sealed with the unit key, which this device has not unlocked (docs/decisions/017-unit-key.md).
    return (
      <p data-testid="reporter-sealed">
        <strong>{t('detail.sealedIdentity')}</strong>{' '}
        {sealed === 'no-key' ? t('detail.sealedIdentityNoKey') : t('detail.sealedIdentityUnreadable')}
      </p>
    );
  }
  return (
    <dl className="facts" data-testid="reporter">
      <dt>{t('intake.reporterName')}</dt>
      <dd>{reporter.name}</dd>
      <dt>{t('intake.reporterNik')}</dt>
      <dd>{reporter.nik || none}</dd>
      <dt>{t('intake.reporterPhone')}</dt>
      <dd>{reporter.phone || none}</dd>
      <dt>{t('intake.reporterEmail')}</dt>
      <dd>{reporter.email || none}</dd>
      <dt>{t('intake.reporterAddress')}</dt>
      <dd>{reporter.address || none}</dd>
    </dl>
  );
}

export function AttachmentList(props: { complaint: ComplaintDoc; masked: boolean }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const notify = useAppStore((state) => state.notify);
  const { complaint } = props;
  if (complaint.attachments.length === 0) return <p>{t('detail.noAttachments')}</p>;
  if (props.masked) return <p>{t('detail.maskedAttachments', { count: complaint.attachments.length })}</p>;
  const save = async (key: string, name: string, mimeType: string): Promise<void> => {
    const saved = await core.complaints.saveAttachment(complaint._id, { key, name, mimeType });
    if (saved.status === 'saved')
      notify('success', t('common.attachmentSaved', { where: savedFilesText(t, [saved]) }));
  };
  return (
    <ul className="attachment-list">
      {complaint.attachments.map((attachment) => (
        <li key={attachment.key}>
          <button
            type="button"
            className="button button--small"
            onClick={() => void save(attachment.key, attachment.name, attachment.mimeType)}
          >
            {t('detail.saveAttachment', { name: attachment.name })}
          </button>
        </li>
      ))}
    </ul>
  );
}

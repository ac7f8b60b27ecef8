/** Detail: every field of the complaint on the left, its event trail on the right. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ComplaintDetail } from '../../data/complaint-repository';
import { records } from '../../app/session';
import { LoadState } from '../../components/load-state';
import { PrivacyBadge, StatusBadge } from '../../components/status-badge';
import { formatCalendarDate, formatDateTime } from '../../format/format-date';
import { useRecords } from '../../hooks/use-records';
import { categoryLabel } from '../../i18n/i18n';
import { platform } from '../../platform/platform';
import { useAppStore } from '../../store/app-store';
import { receiptPath } from '../routes';

export function ComplaintDetailScreen(props: { complaintId: string }): ReactNode {
  const { t } = useTranslation();
  const loaded = useRecords(() => records().detail(props.complaintId), [props.complaintId]);
  return (
    <LoadState loaded={loaded}>
      {(detail) => (detail ? <Detail detail={detail} /> : <p role="alert">{t('common.notFound')}</p>)}
    </LoadState>
  );
}

function Detail({ detail }: { detail: ComplaintDetail }): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { complaint, reporter, state, events } = detail;
  const deviceOf = new Map(events.map((event) => [event._id, event.deviceCode]));
  const none = t('common.none');

  const saveAttachment = async (key: string, name: string, mimeType: string): Promise<void> => {
    const blob = await records().attachment(complaint._id, key);
    await platform().saveFile({
      suggestedName: name,
      mimeType,
      data: new Uint8Array(await blob.arrayBuffer()),
    });
  };

  return (
    <section className="screen" aria-labelledby="detail-title">
      <div className="screen__header">
        <h1 id="detail-title">{t('detail.title', { number: complaint.trackingNumber })}</h1>
        <div className="badges">
          <StatusBadge status={state.status} />
          <PrivacyBadge mode={complaint.privacyMode} />
        </div>
        <Link className="button" href={receiptPath(complaint._id)}>
          {t('detail.printReceipt')}
        </Link>
      </div>
      <div className="detail">
        <div className="detail__main">
          <h2>{complaint.title}</h2>
          <dl className="facts">
            <dt>{t('detail.status')}</dt>
            <dd>{t(`complaintStatus.${state.status}`)}</dd>
            <dt>{t('detail.reportType')}</dt>
            <dd>{t(`reportType.${complaint.reportType}`)}</dd>
            <dt>{t('detail.channel')}</dt>
            <dd>{t(`channel.${complaint.channel}`)}</dd>
            <dt>{t('detail.incidentDate')}</dt>
            <dd>{formatCalendarDate(complaint.incidentDate, language)}</dd>
            <dt>{t('detail.location')}</dt>
            <dd>{complaint.location || none}</dd>
            <dt>{t('detail.category')}</dt>
            <dd>{categoryLabel(complaint.category)}</dd>
            <dt>{t('detail.targetOffice')}</dt>
            <dd>{complaint.targetOffice || none}</dd>
            <dt>{t('detail.receivedAt')}</dt>
            <dd>{formatDateTime(complaint.receivedAt, language)}</dd>
            <dt>{t('detail.receivedBy')}</dt>
            <dd>{complaint.receivedBy.name}</dd>
            <dt>{t('detail.device')}</dt>
            <dd className="mono">{complaint.deviceCode}</dd>
          </dl>
          <h3>{t('detail.chronology')}</h3>
          <p className="chronology">{complaint.chronology}</p>

          <h3>{t('detail.reporterSection')}</h3>
          {complaint.privacyMode === 'anonymous' ? (
            <p>{t('detail.anonymousReporter')}</p>
          ) : reporter ? (
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
          ) : (
            <p>{t('detail.reporterMissing')}</p>
          )}

          <h3>{t('detail.attachmentsSection')}</h3>
          {complaint.attachments.length === 0 ? (
            <p>{t('detail.noAttachments')}</p>
          ) : (
            <ul className="attachment-list">
              {complaint.attachments.map((attachment) => (
                <li key={attachment.key}>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void saveAttachment(attachment.key, attachment.name, attachment.mimeType)}
                  >
                    {t('detail.saveAttachment', { name: attachment.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <aside className="detail__trail" aria-labelledby="trail-title">
          <h2 id="trail-title">{t('detail.trailSection')}</h2>
          <ol className="timeline" data-testid="trail">
            {state.trail.map((entry) => (
              <li key={entry.eventId} className="timeline__entry">
                <p className="timeline__kind">{t(`eventKind.${entry.kind}`)}</p>
                <p className="timeline__when">{formatDateTime(entry.at, language)}</p>
                <p className="timeline__who">
                  {t('detail.eventBy', { name: entry.by.name, device: deviceOf.get(entry.eventId) ?? none })}
                </p>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </section>
  );
}

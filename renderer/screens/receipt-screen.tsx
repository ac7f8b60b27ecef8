/**
 * Tanda terima: the printable receipt handed to the complainant. It carries no identity, so it
 * is safe for every privacy mode. Print styles show only the receipt, on the paper chosen for this
 * desk in Pengaturan (A5 or an 80 mm receipt roll: `data-paper`, laid out in styles/print.css).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCore } from '../app/core-context';
import { ComplaintTitle } from '../components/complaint-title';
import { LoadState } from '../components/load-state';
import { formatCalendarDate, formatDateTime } from '../format/format-date';
import { useRecords } from '../hooks/use-records';
import { useAppStore } from '../store/app-store';
import { complaintPath } from '../app/routes';

/** Past this many characters a tracking number prints smaller, so it stays on one line (print.css). */
const LONG_TRACKING_NUMBER = 24;

export function ReceiptScreen(props: { complaintId: string }): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const profile = useAppStore((state) => state.unitProfile);
  const core = useCore();
  const loaded = useRecords(async () => {
    const [detail, paper] = await Promise.all([
      core.complaints.detail(props.complaintId),
      core.receipt.paper(),
    ]);
    return { detail, paper };
  }, [props.complaintId]);
  const printRef = useRef<HTMLButtonElement>(null);
  const ready = loaded.status === 'ready';
  useEffect(() => {
    if (ready) printRef.current?.focus();
  }, [ready]);

  return (
    <LoadState loaded={loaded}>
      {({ detail, paper }) => {
        const deadline = detail ? core.complaints.sla(detail.state)?.deadline : undefined;
        const verifyBy = deadline?.stage === 'verify' ? deadline.dueDate : undefined;
        return !detail ? (
          <p role="alert">{t('common.notFound')}</p>
        ) : (
          <section className="screen">
            <div className="no-print form__actions">
              <button
                ref={printRef}
                type="button"
                className="button button--primary"
                onClick={() => void core.host.print(detail.complaint.trackingNumber)}
              >
                {t('receipt.print')}
              </button>
              <Link className="button" href={complaintPath(detail.complaint._id)}>
                {t('receipt.back')}
              </Link>
              <p className="field__hint" data-testid="receipt-paper-note">
                {t('receipt.paperIs', { paper: t(`receipt.paperName.${paper}`) })}
              </p>
            </div>
            <article
              className={`receipt receipt--${paper}`}
              data-paper={paper}
              aria-labelledby="receipt-heading"
            >
              <header className="receipt__header">
                <p className="receipt__unit">{profile?.unitName}</p>
                <p>{profile?.agency}</p>
                {profile?.address ? <p>{profile.address}</p> : null}
              </header>
              <h1 id="receipt-heading" className="receipt__heading">
                {t('receipt.heading')}
              </h1>
              <p className="receipt__label">{t('receipt.trackingNumber')}</p>
              <p
                className={`tracking-number${detail.complaint.trackingNumber.length > LONG_TRACKING_NUMBER ? ' tracking-number--long' : ''}`}
                data-testid="receipt-tracking-number"
              >
                {detail.complaint.trackingNumber}
              </p>
              <dl className="receipt__facts">
                <dt>{t('receipt.receivedAt')}</dt>
                <dd>{formatDateTime(detail.complaint.receivedAt, language)}</dd>
                <dt>{t('receipt.channel')}</dt>
                <dd>{t(`channel.${detail.complaint.channel}`)}</dd>
                <dt>{t('receipt.title')}</dt>
                <dd>
                  <ComplaintTitle
                    title={detail.state.current.title}
                    privacyMode={detail.state.privacyMode}
                    withMode={false}
                  />
                </dd>
                <dt>{t('receipt.privacy')}</dt>
                <dd>{t(`privacy.${detail.state.privacyMode}`)}</dd>
                <dt>{t('receipt.receivedBy')}</dt>
                <dd>{detail.complaint.receivedBy.name}</dd>
                <dt>{t('receipt.unitContact')}</dt>
                <dd>{profile?.contact}</dd>
              </dl>
              {verifyBy ? (
                <p className="receipt__deadline" data-testid="receipt-deadline">
                  {t('receipt.verifyBy', { date: formatCalendarDate(verifyBy, language) })}
                </p>
              ) : null}
              <p className="receipt__how">{t('receipt.howToAsk', { contact: profile?.contact ?? '' })}</p>
              <div className="receipt__sign">
                <p>
                  {t('receipt.signature')}
                  <span className="receipt__sign-line" />
                  {detail.complaint.receivedBy.name}
                </p>
                <p className="receipt__stamp">{t('receipt.stamp')}</p>
              </div>
              <p className="receipt__legal">{t('receipt.legal')}</p>
            </article>
          </section>
        );
      }}
    </LoadState>
  );
}

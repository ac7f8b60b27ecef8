/** Shown right after a save: the tracking number large, and what to do next. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { parseComplaintId } from '../../shared/ids/document-ids';
import { complaintPath, receiptPath, ROUTES } from '../app/routes';

export function SavedScreen(props: { complaintId: string }): ReactNode {
  const { t } = useTranslation();
  const parsed = parseComplaintId(props.complaintId);
  const printRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => printRef.current?.focus(), []);
  if (!parsed) return <p role="alert">{t('common.notFound')}</p>;
  return (
    <section className="screen saved" aria-labelledby="saved-title">
      <h1 id="saved-title">{t('saved.title')}</h1>
      <p role="status" className="saved__label">
        {t('saved.trackingNumber')}
      </p>
      <p className="tracking-number" data-testid="tracking-number">
        {parsed.trackingNumber}
      </p>
      <p>{t('saved.tellComplainant')}</p>
      <div className="form__actions">
        <Link ref={printRef} className="button button--primary" href={receiptPath(props.complaintId)}>
          {t('saved.printReceipt')}
        </Link>
        <Link className="button" href={ROUTES.newComplaint}>
          {t('saved.another')}
        </Link>
        <Link className="button" href={complaintPath(props.complaintId)}>
          {t('saved.viewDetail')}
        </Link>
      </div>
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus } from '../../shared/complaint/vocabulary';

/** A complaint's status as a word with a colour; the word alone carries the meaning. */
export function StatusBadge(props: { status: ComplaintStatus }): ReactNode {
  const { t } = useTranslation();
  return <span className={`badge badge--${props.status}`}>{t(`complaintStatus.${props.status}`)}</span>;
}

export function PrivacyBadge(props: { mode: 'named' | 'anonymous' | 'confidential' }): ReactNode {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--privacy-${props.mode}`}>
      {t('privacy.badge', { mode: t(`privacy.${props.mode}`) })}
    </span>
  );
}

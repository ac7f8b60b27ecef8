import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { statusWord, type ComplaintStatus } from '../../shared/complaint/vocabulary';

/**
 * The word a complaint's status reads as: `office` (its current office, set only by a
 * disposition) tells "verified" without a disposition apart (shared/complaint/vocabulary).
 */
export function useStatusWord(): (status: ComplaintStatus, office: string | null) => string {
  const { t } = useTranslation();
  return (status, office) => {
    const word = statusWord(status, office);
    return word === 'verified-undisposed'
      ? t('complaintStatusWord.verified-undisposed')
      : t(`complaintStatus.${word}`);
  };
}

/** A complaint's status as a word with a colour; the word alone carries the meaning. */
export function StatusBadge(props: { status: ComplaintStatus; office: string | null }): ReactNode {
  const words = useStatusWord();
  return <span className={`badge badge--${props.status}`}>{words(props.status, props.office)}</span>;
}

export function PrivacyBadge(props: { mode: 'named' | 'anonymous' | 'confidential' }): ReactNode {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--privacy-${props.mode}`}>
      {t('privacy.badge', { mode: t(`privacy.${props.mode}`) })}
    </span>
  );
}

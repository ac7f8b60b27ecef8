/**
 * A complaint's title where a list shows it. Confidential complaints show their content only to
 * supervisors and managers (docs/domain.md, "Privacy modes"); officers see that the complaint is confidential.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyMode } from '../../shared/complaint/vocabulary';
import { canSeeConfidential } from '../../shared/workflow/roles';
import { useAppStore } from '../store/app-store';

/**
 * `withMode: false` where the privacy mode has its own line (the receipt), so its word appears
 * once. A masked title already says the complaint is confidential: it is the mode's one mention.
 */
export function ComplaintTitle(props: {
  title: string;
  privacyMode: PrivacyMode;
  withMode?: boolean;
  /** The title as shown where it may be (e.g. with a search's matches marked); never for a masked title. */
  shown?: ReactNode;
}): ReactNode {
  const { t } = useTranslation();
  const role = useAppStore((state) => state.officer?.role);
  const withMode = props.withMode ?? true;
  // The privacy mode shows wherever the complaint does, as a word, not only a colour.
  const mode =
    props.privacyMode === 'named' || !withMode ? null : (
      <span className={`badge badge--privacy-${props.privacyMode}`}>{t(`privacy.${props.privacyMode}`)}</span>
    );
  if (props.privacyMode === 'confidential' && !(role && canSeeConfidential(role))) {
    return (
      <span className={withMode ? 'masked badge badge--privacy-confidential' : 'masked'}>
        {t('detail.maskedTitle')}
      </span>
    );
  }
  return (
    <>
      {props.shown ?? props.title} {mode}
    </>
  );
}

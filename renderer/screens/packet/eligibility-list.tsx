/**
 * The eligibility checklist of the packet (../../../shared/packet/packet-eligibility), each check
 * with a ✓ or ✗ and the word for it, so that colour is never the only signal.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityCheck } from '../../../shared/packet/packet-eligibility';
import { MIN_RECORD_MONTHS } from '../../../shared/packet/packet-eligibility';
import { formatCalendarDate } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';

function CheckDetail(props: { check: EligibilityCheck }): ReactNode {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const date = (iso: string): string => formatCalendarDate(iso, language, 'long');
  const { check } = props;
  switch (check.id) {
    case 'records-six-months':
      return check.earliest === null
        ? t('packetUi.eligibility.noRecords', { required: date(check.required), months: MIN_RECORD_MONTHS })
        : t('packetUi.eligibility.records', {
            required: date(check.required),
            earliest: date(check.earliest),
            months: MIN_RECORD_MONTHS,
          });
    case 'upp-recommendation':
      return check.applies
        ? t(
            check.ok
              ? 'packetUi.eligibility.recommendationAttached'
              : 'packetUi.eligibility.recommendationMissing',
          )
        : t('packetUi.eligibility.recommendationNotNeeded');
    case 'sections-filled':
      return check.ok
        ? t('packetUi.eligibility.sectionsFilled')
        : t('packetUi.eligibility.sectionsEmpty', {
            aspects: check.empty.map((aspect) => t(`packetUi.aspect.${aspect}`)).join(', '),
          });
    case 'evidence-present':
      return check.ok
        ? t('packetUi.eligibility.evidencePresent')
        : t('packetUi.eligibility.evidenceMissing', { files: check.missing.join(', ') });
    default: {
      const never: never = check;
      return never;
    }
  }
}

export function EligibilityList(props: { checks: readonly EligibilityCheck[] }): ReactNode {
  const { t } = useTranslation();
  const passed = props.checks.filter((check) => check.ok).length;
  return (
    <section className="packet__section" aria-labelledby="packet-eligibility-title">
      <h2 id="packet-eligibility-title">
        {t('packetUi.eligibility.title')}{' '}
        <span className="packet__count">
          {t('packetUi.eligibility.summary', { passed, total: props.checks.length })}
        </span>
      </h2>
      <ul className="packet__checklist" data-testid="eligibility">
        {props.checks.map((check) => (
          <li
            key={check.id}
            className={check.ok ? 'packet__check packet__check--ok' : 'packet__check packet__check--todo'}
            data-check={check.id}
            data-ok={check.ok}
          >
            <span className="packet__check-mark" aria-hidden="true">
              {check.ok ? '✓' : '✗'}
            </span>{' '}
            <strong>{check.ok ? t('packetUi.eligibility.met') : t('packetUi.eligibility.notMet')}</strong>
            {': '}
            <span className="packet__check-name">
              {t(`packetUi.eligibility.check.${check.id}`, { months: MIN_RECORD_MONTHS })}
            </span>
            {' — '}
            <CheckDetail check={check} />
          </li>
        ))}
      </ul>
    </section>
  );
}

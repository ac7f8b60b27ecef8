/**
 * Duplicates at intake: beside the form, the earlier complaints the one being typed may repeat
 * (`core.intake.possibleDuplicates`: same NIK or phone, same category and location within 30 days,
 * a similar title), asked 300 ms after the last change, never blocking typing or the save. Each
 * row opens the earlier complaint ("Buka": the draft is kept, and so are the marks) or marks it
 * related ("Tandai terkait"): the intake screen links the marked ones once the new complaint is
 * saved (a link needs both complaints stored; the marks live in the core until then).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCore } from '../../app/core-context';
import { complaintPath } from '../../app/routes';
import type { DuplicateCandidate, DuplicateProbe } from '../../core/client-core';
import { formatCalendarDate } from '../../format/format-date';
import { useAppStore } from '../../store/app-store';
import type { IntakeDraft } from './intake-draft';

/** How long typing must pause before the earlier complaints are looked up. */
export const DUPLICATE_DELAY_MS = 300;

function probeOf(draft: IntakeDraft): DuplicateProbe {
  const anonymous = draft.privacyMode === 'anonymous';
  return {
    nik: anonymous ? '' : draft.reporter.nik,
    phone: anonymous ? '' : draft.reporter.phone,
    category: draft.category,
    location: draft.location,
    title: draft.title,
  };
}

export function DuplicatePanel(props: { draft: IntakeDraft }): ReactNode {
  const { t } = useTranslation();
  const core = useCore();
  const language = useAppStore((state) => state.language);
  const [candidates, setCandidates] = useState<readonly DuplicateCandidate[]>([]);
  const [marked, setMarked] = useState<readonly string[]>(() => core.intake.markedRelated());
  const { nik, phone, category, location, title } = probeOf(props.draft);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      core.intake
        .possibleDuplicates({ nik, phone, category, location, title })
        .then((found) => {
          if (live) setCandidates(found);
        })
        // A failed look-up never stands in the way of the intake: the panel stays as it was.
        .catch(() => undefined);
    }, DUPLICATE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [core, nik, phone, category, location, title]);

  const toggle = (id: string): void => {
    const next = marked.includes(id) ? marked.filter((other) => other !== id) : [...marked, id];
    core.intake.markRelated(next);
    setMarked(next);
  };

  return (
    <aside className="duplicate-panel" aria-labelledby="duplicate-panel-title" data-testid="duplicate-panel">
      <h2 id="duplicate-panel-title" className="duplicate-panel__title">
        {t('intake.duplicates.title')}
      </h2>
      <p className="duplicate-panel__count" role="status" aria-live="polite">
        {candidates.length === 0
          ? t('intake.duplicates.none')
          : t('intake.duplicates.count', { count: candidates.length })}
      </p>
      {candidates.length > 0 ? (
        <ul className="duplicate-panel__list">
          {candidates.map(({ row, reasons }) => {
            const isMarked = marked.includes(row.id);
            return (
              <li key={row.id} className="duplicate-panel__row" data-testid="duplicate-row">
                <p className="duplicate-panel__number">{row.trackingNumber}</p>
                <p className="duplicate-panel__facts">
                  {formatCalendarDate(row.receivedDate, language)} · {t(`complaintStatus.${row.status}`)}
                </p>
                <p className="duplicate-panel__reasons">
                  {reasons.map((reason) => t(`intake.duplicates.reason.${reason}`)).join(', ')}
                </p>
                <div className="duplicate-panel__actions">
                  <Link
                    className="button button--small"
                    href={complaintPath(row.id)}
                    aria-label={t('intake.duplicates.openLabel', { number: row.trackingNumber })}
                  >
                    {t('intake.duplicates.open')}
                  </Link>
                  <button
                    type="button"
                    className="button button--small"
                    aria-pressed={isMarked}
                    aria-label={t('intake.duplicates.markLabel', { number: row.trackingNumber })}
                    onClick={() => toggle(row.id)}
                  >
                    {isMarked ? t('intake.duplicates.marked') : t('intake.duplicates.mark')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {marked.length > 0 ? <p className="field__hint">{t('intake.duplicates.linkOnSave')}</p> : null}
    </aside>
  );
}
